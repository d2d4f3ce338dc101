/*
 * server/wlxserver.h — private declarations shared by the wlxserver sources.
 *
 * Sections: lists · objects (header + const ops table) · client ids ·
 * processes and threads · clients (connections) · requests · event loop ·
 * socket folder · debug.
 */
#ifndef WLXSERVER_H
#define WLXSERVER_H

#include <stddef.h>
#include <stdint.h>
#include "wlx/protocol.h"
#include "wlx/server.h"

/* ---- intrusive doubly-linked lists ---- */

struct list { struct list *next, *prev; };

static inline void list_init(struct list *l) { l->next = l->prev = l; }
static inline int list_empty(const struct list *l) { return l->next == l; }
static inline void list_add_tail(struct list *head, struct list *e)
{
    e->prev = head->prev; e->next = head;
    head->prev->next = e; head->prev = e;
}
static inline void list_remove(struct list *e)
{
    e->prev->next = e->next; e->next->prev = e->prev;
    e->next = e->prev = e;
}
#define LIST_ENTRY(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* ---- objects: every server object starts with struct object ---- */

struct object;

struct object_ops {
    const char *type_name;
    void (*dump)(struct object *obj);          /* one line on stderr */
    int  (*signaled)(struct object *obj);      /* waitable state (later: sync objects) */
    void (*destroy)(struct object *obj);       /* free what the object owns, not itself */
};

struct object {
    const struct object_ops *ops;
    unsigned int refcount;
    struct list all_entry;                     /* in the list of all objects (dumps) */
};

/* shared defaults for ops entries */
void default_dump(struct object *obj);
int  no_signaled(struct object *obj);
void no_destroy(struct object *obj);

void *alloc_object(const struct object_ops *ops, size_t size);   /* refcount 1; NULL on ENOMEM */
void *grab_object(void *obj);
void release_object(void *obj);
void dump_all_objects(void);

/* ---- client ids: process and thread ids share one table, multiples of 4 ---- */

uint32_t id_alloc(struct object *obj);        /* 0 when full */
void id_free(uint32_t id);
struct object *id_lookup(uint32_t id);

/* ---- processes and threads ---- */

struct client;

struct process {
    struct object obj;
    uint32_t id;
    uint32_t parent_id;
    int32_t unix_pid;
    int alive;
    uint32_t exit_code;
    struct list threads;                       /* live threads */
    struct client *client;                     /* NULL once it ended */
    struct list zombie_entry;                  /* in the list of live, then of ended, processes */
    int service_fd;                            /* our end of its service socket, -1 once ended */
};

struct thread {
    struct object obj;
    uint32_t id;
    struct process *process;
    int32_t unix_tid;
    struct list entry;                         /* in process->threads */
};

extern const struct object_ops process_ops;
struct process *get_process(uint32_t id);     /* NULL if not a process id */
struct process *find_live_process(int32_t unix_pid);   /* NULL if none */
size_t list_live_processes(void *entries, size_t max);  /* struct wlx_process_entry; how many there are */
void process_end(struct process *process, uint32_t exit_code);
struct thread *create_thread(struct process *process, int32_t unix_tid);
struct thread *get_process_thread(struct process *process, uint32_t id);
void thread_end(struct thread *thread);

/* ---- clients: one connection per Windows process ---- */

void client_accept(int listen_fd);
unsigned int client_count(void);
struct process *client_process(struct client *client);
int32_t client_peer_pid(struct client *client);   /* Linux pid, from SO_PEERCRED */
void client_set_process(struct client *client, struct process *process);
int client_take_fd(struct client *client);        /* fd received with the input, or -1 */

/* ---- requests ---- */

struct request_ctx {
    struct client *client;
    struct process *process;                   /* the connection's, NULL before init_process */
    struct thread *thread;                     /* from the header's thread_id, or NULL */
    const void *data;                          /* the request's VARARG data (unaligned) */
    uint32_t data_size;
    void *reply_data;                          /* where the reply's VARARG data goes */
    uint32_t reply_data_max;                   /* room there */
    uint32_t reply_data_size;                  /* set by the handler */
    int reply_fd;                              /* fd to send with the reply, -1 if none */
    int request_fd;                            /* fd the request came with, -1 if none
                                                  (closed after the handler unless taken) */
};

#include "server_request_table.h"   /* generated: WLX_HANDLER prototypes */

/* process.c: hands a request with the caller's socket to target's service socket */
NTSTATUS process_forward(struct request_ctx *ctx, struct process *target, const void *req, size_t size);

/* Runs one complete request; writes the whole reply (header included) into
 * reply, which holds WLX_MAX_MESSAGE_SIZE bytes, and returns its size. */
uint32_t dispatch_request(struct client *client, const struct wlx_request_header *header,
                          const void *body, void *reply, int *reply_fd);
int check_request_table(void);

/* ---- event loop ---- */

struct fd_handler {
    int fd;
    void (*on_event)(struct fd_handler *handler, uint32_t events);
};

int  loop_init(void);
int  loop_add(struct fd_handler *handler, uint32_t events);
int  loop_modify(struct fd_handler *handler, uint32_t events);
void loop_remove(struct fd_handler *handler);
void loop_run(int persistent, int idle_ms);   /* returns when it is time to exit */

/* ---- socket folder: /tmp/.wlx-<uid>/server-<dev>-<ino>/ ---- */

int  server_dir_path(const char *prefix, char *path, size_t size);
int  server_dir_open(const char *prefix);     /* listening fd; -1 error; -2 another server won */
void server_dir_cleanup(void);                 /* unlink the socket (lock still held) */
int  server_kill(const char *prefix);          /* wlxserver -k */

/* ---- registry (registry.c, regfile.c) ---- */

void registry_init(const char *prefix);       /* after loop_init: loads the prefix's files */
void registry_save_all(void);                  /* writes unsaved changes (atomically) */

/* ---- debug ---- */

extern int debug_server;                       /* WLXDEBUG=+server */

#endif /* WLXSERVER_H */
