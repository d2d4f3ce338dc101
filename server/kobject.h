/*
 * server/kobject.h — kernel objects shared across processes (kobject.c)
 * and jobs (job.c).
 */
#ifndef WLX_SERVER_KOBJECT_H
#define WLX_SERVER_KOBJECT_H

#include "wlx/syncslot.h"

struct job;

struct kobject {
    struct object obj;
    uint32_t type;                 /* enum kobject_type */
    uint32_t slot;                 /* its sync slot, also its protocol id */
    uint16_t *name;                /* normalized \BaseNamedObjects\... or NULL */
    uint32_t name_len;             /* in WCHARs */
    struct list entry;             /* in the list of all kobjects */
    struct list refs;              /* struct kref: which processes hold it */
    struct job *job;               /* KOBJ_JOB: its membership (job.c) */
    uint32_t type_tag;             /* KOBJ_EXPORTED: which client type */
    int published;                 /* KOBJ_EXPORTED: desc and fd are set */
    struct wlx_get_object_export_reply desc;
    int fd;                        /* KOBJ_EXPORTED: the published fd, or -1 */
};

struct kref {                      /* the references one process holds */
    struct list entry;
    uint32_t process_id;
    uint32_t count;
};

struct sync_state *kobject_slot(uint32_t slot);
struct kobject *kobject_get(uint32_t slot);          /* NULL when unused */
struct kobject *kobject_create(uint32_t type, const uint16_t *name, uint32_t name_len);
int kobject_add_ref(struct kobject *k, uint32_t process_id);
void kobject_drop_refs(struct kobject *k, uint32_t process_id, uint32_t count);
void kobject_signal_slot(uint32_t slot);             /* sets a manual-reset event state */
int kobject_lock_slot(struct sync_state *s);         /* 1: locked; 0: its holder stalled, write anyway */
void kobject_unlock_slot(struct sync_state *s, int locked, int wake);
struct kobject *kobject_first(void);
struct kobject *kobject_next(struct kobject *k);
void kobject_process_gone(struct process *process);  /* its connection closed */

/* waitable timers whose setter let go (timer.c) */
void timer_takeover(struct kobject *k, uint32_t process_id);

/* jobs (job.c) */
void job_init(struct kobject *k);                    /* a new job's slot and record */
void job_destroy(struct kobject *k);
void job_last_handle_closed(struct kobject *k);      /* KILL_ON_JOB_CLOSE */
void job_process_ended(struct process *process);   /* process_end: it leaves its jobs */
void job_process_gone(struct process *process);    /* its connection closed */
NTSTATUS job_process_started(struct process *process);   /* joins its parent's job, or STATUS_QUOTA_EXCEEDED */

#endif
