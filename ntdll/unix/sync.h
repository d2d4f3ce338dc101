/*
 * ntdll/unix/sync.h — what sync.c (the objects and waits) and syncshare.c
 * (their states in slots shared with other processes) share.
 */
#ifndef WLX_NTDLL_UNIX_SYNC_H
#define WLX_NTDLL_UNIX_SYNC_H

#include "private.h"

/* sync.c */
extern const struct object_ops event_ops, mutex_ops, semaphore_ops, timer_ops;
void state_lock(struct sync_state *s);
void state_unlock(struct sync_state *s);
int state_bump(struct sync_state *s);                  /* under the lock: 1 when waiters need a wake */
void state_unlock_wake(struct sync_state *s, int wake);
struct sync_state *lock_object(struct sync_object *o); /* its current state, locked */
uint32_t current_tid(void);                            /* Windows thread id */
size_t sync_object_size(const struct object_ops *ops); /* 0: not an event, mutex or semaphore */
void sync_track_mutex(struct sync_object *o);          /* joins the list abandoned at thread exit */
void sync_note_owned(void);                            /* the thread took a mutex */
int sync_add_named(struct sync_object *o, const UNICODE_STRING *n);   /* joins the local name list */

/* syncshare.c */
NTSTATUS syncshare_create(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                          const struct object_ops *ops, const struct sync_state *init, int open_only);
void syncshare_forget(struct sync_object *o);          /* destroy: drops our server references */
NTSTATUS syncshare_export(struct wlx_object *obj, struct object_export *ex, int *fd);
NTSTATUS syncshare_name(struct sync_object *o, WCHAR *buf, uint32_t max, uint32_t *len);
struct sync_state *syncshare_slot(uint32_t slot);      /* NULL when the slots cannot be mapped */
void syncshare_release(uint32_t slot);                 /* gives back one server reference */
NTSTATUS syncshare_grab_exported(uint32_t slot);       /* takes one on a named section another process handed over */
/* named objects of other types (ops->export: sections) in the server's
   namespace: *o is the object imported from another process when the name
   existed, else NULL and *slot the new server object (open_only: never new) */
NTSTATUS syncshare_create_exported(const OBJECT_ATTRIBUTES *attr, const struct object_ops *ops, int open_only,
                                   uint32_t *slot, struct sync_object **o);
void syncshare_publish(struct sync_object *o);

#endif
