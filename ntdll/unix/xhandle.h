/*
 * ntdll/unix/xhandle.h — handles that cross processes (xhandle.c): inherited
 * handles in the start-up channel, DuplicateHandle into another process,
 * imported handles fetched from wlxserver; and the handle table entry points
 * they use (handle.c).
 */
#ifndef WLX_NTDLL_UNIX_XHANDLE_H
#define WLX_NTDLL_UNIX_XHANDLE_H

#include "private.h"

/* handle.c */
struct handle_snapshot { HANDLE handle; struct wlx_object *obj; ACCESS_MASK access; unsigned attributes; };
NTSTATUS handle_alloc_at(HANDLE h, struct wlx_object *obj, ACCESS_MASK access, unsigned attributes);
NTSTATUS handle_get_info(HANDLE h, struct wlx_object **obj, ACCESS_MASK *access, unsigned *attributes);
NTSTATUS handle_set_attributes(HANDLE h, unsigned mask, unsigned value);
size_t handle_inheritable(struct handle_snapshot **out);
struct wlx_object *handle_import_object(const struct object_export *ex, int fd);

/* one inherited handle in the start-up channel (wlx/procstart.h) */
struct wlx_inherited_handle {
    uint64_t handle;
    uint32_t access, attributes;
    struct object_export ex;
    int32_t has_fd;
    int32_t pad;
};

/* xhandle.c */
int xhandle_fetch(HANDLE h);                      /* 0: the imported handle h now exists */
int xhandle_is_current_process(HANDLE process);
NTSTATUS xhandle_duplicate(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                           ACCESS_MASK access, uint32_t attributes, uint32_t options);
struct inherit_set;
/* parent, before the header: every inheritable handle, or those of list
   (PROC_THREAD_ATTRIBUTE_HANDLE_LIST) when list is not NULL */
struct inherit_set *xhandle_collect_inherited(uint32_t *count, void *const *list, uint32_t list_count);
int xhandle_send_inherited(int sock, const struct inherit_set *set);  /* parent, after the blob */
void xhandle_free_inherited(struct inherit_set *set);
void xhandle_receive_inherited(int sock, uint32_t count);             /* child, reads the records */
void xhandle_install_inherited(void);                                 /* child, once registered */
HANDLE xhandle_std_handle(int i);       /* child: std handle i (0 in, 1 out, 2 err) for its parameters */

/* the service thread (ctrlc.c): requests the server hands over */
int xhandle_service_fd(void);           /* what to watch, -1 for nothing */
void xhandle_serve(int sock);           /* one request is waiting on sock */
int xhandle_wait_readable(int sock, int ms);   /* 1: a message is waiting, 0: none came within ms */

/* job.c: CREATE_BREAKAWAY_FROM_JOB in dwCreationFlags */
NTSTATUS job_check_breakaway(uint32_t creation_flags);   /* parent, before spawning */
void job_breakaway(uint32_t creation_flags);            /* child, once registered */

/* procobj.c */
uint32_t procobj_id(HANDLE process);              /* Windows id of a process handle, 0 if none */
struct wlx_object *procobj_self(void);            /* a process object for ourselves */
void procobj_export_thread(uint32_t pid, uint32_t tid, struct object_export *ex);   /* EXPORT_THREAD */

#endif
