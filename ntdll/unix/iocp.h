/*
 * ntdll/unix/iocp.h — completion ports (iocp.c), asynchronous file I/O
 * (async.c) and named pipes (pipe.c): what file.c and fileinfo.c see of them.
 */
#ifndef WLX_NTDLL_UNIX_IOCP_H
#define WLX_NTDLL_UNIX_IOCP_H

struct file;
struct port;   /* a completion port's queue, referenced by its handles' shell and by files */

/* --- completion ports (iocp.c) --- */
struct port *port_from_handle(HANDLE h, NTSTATUS *status);   /* a new reference */
void port_addref(struct port *p);
void port_release(struct port *p);
NTSTATUS port_post(struct port *p, uint64_t key, uint64_t value, NTSTATUS status, uint64_t info);
/* a packet tagged with its owner (a wait completion packet), which can look for it later */
NTSTATUS port_post_owned(struct port *p, uint64_t key, uint64_t value, NTSTATUS status, uint64_t info,
                         const void *owner);
int port_find_owned(struct port *p, const void *owner, int remove);
/* sleeps until *word (shared memory) moves from val or the port closes (then 1) */
int port_wait_shared(struct port *p, uint32_t *word, uint32_t val);
/* NumberOfConcurrentThreads: the calling thread blocks in a wait (sync.c) or exits */
struct port *iocp_block_begin(void);      /* the port it ran for, or NULL */
void iocp_block_end(struct port *p);
void iocp_thread_exit(void);

/* NtSetInformationFile of the port classes (file.c); STATUS_INVALID_INFO_CLASS for others */
NTSTATUS file_set_completion(struct file *f, uint32_t klass, const void *ptr, uint32_t len);
/* FileIoCompletionNotificationInformation flags */
#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 1
#define FILE_SKIP_SET_EVENT_ON_HANDLE        2

/* --- what a finished I/O notifies (async.c) --- */
struct io_notify {
    HANDLE event;               /* set on completion (reset when the I/O starts) */
    void *apc, *apc_ctx;        /* APC routine (to the issuing thread), or the port's completion value */
    IO_STATUS_BLOCK *io;
    uint32_t tid;               /* the thread that issued the I/O */
    int internal;               /* wlx's own (a pipe's accept): CancelIo leaves it */
};

NTSTATUS io_begin(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                  struct io_notify *n);
/* an I/O that did not pend: fills the status block and notifies as Windows does */
NTSTATUS io_finish_now(struct file *f, const struct io_notify *n, NTSTATUS status, uint64_t info);

/* a synchronous handle's finished I/O with an event or APC routine */
void io_sync_notify(HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io);

/* one attempt at an operation that must not block: STATUS_PENDING when it would */
typedef NTSTATUS (*io_try_fn)(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg);
enum io_kind { IO_READ, IO_WRITE, IO_WAIT, IO_POLL };   /* IO_WAIT: ready to read, e.g. an accept; IO_POLL: an AFD poll */
/* queues an operation on the I/O thread; it completes through n */
NTSTATUS io_queue(struct file *f, enum io_kind kind, int fd, io_try_fn try, void *buf, uint32_t len,
                  void *arg, const struct io_notify *n);
/* a synchronous handle: retries try until it no longer pends (polling fd) */
NTSTATUS io_block(struct file *f, enum io_kind kind, int fd, io_try_fn try, void *buf, uint32_t len,
                  void *arg, uint64_t *done);
/* a synchronous wait CancelSynchronousIo can end: enter gives an eventfd that
   becomes readable (-1 when none could be made) */
struct sync_io { struct sync_io *next; uint32_t tid; int efd; struct file *f; };   /* f: its file (CancelIoEx), or NULL */
int io_sync_enter(struct sync_io *s);
void io_sync_leave(struct sync_io *s);
int io_sync_cancelled(const struct sync_io *s);
void io_file_closed(struct file *f);                 /* cancels what is pending on f */
void io_cancel_all(struct file *f, NTSTATUS status); /* ends all of f's operations with status */
int io_has_queued(struct file *f, enum io_kind kind); /* an earlier op of this kind still queued */
void io_rearm(struct file *f);                       /* f's fd or state changed: look again */
int io_helper_thread(void *(*fn)(void *), void *arg);  /* detached, signals blocked; 0 or errno */
void io_thread_kick(void);                           /* the I/O thread lets go of files closed meanwhile */

/* --- file objects for pipe.c (file.c) --- */
struct file *file_alloc(int fd, ACCESS_MASK access, uint32_t options);
ACCESS_MASK file_map_generic(ACCESS_MASK a);

/* --- named pipes (pipe.c) --- */
int pipe_is_name(const UNICODE_STRING *nt);          /* \??\pipe\x or \Device\NamedPipe\x */
int pipe_is_root(const UNICODE_STRING *nt);          /* \??\pipe\ or \Device\NamedPipe\ itself */
NTSTATUS pipe_open_root(HANDLE *handle, ACCESS_MASK access, uint32_t attributes, uint32_t options, IO_STATUS_BLOCK *io);
NTSTATUS pipe_open_relative(const OBJECT_ATTRIBUTES *attr, HANDLE *handle, ACCESS_MASK access, uint32_t options,
                            IO_STATUS_BLOCK *io, int *is_pipe);
NTSTATUS pipe_open_client(const UNICODE_STRING *nt, HANDLE *handle, ACCESS_MASK access, uint32_t attributes,
                          uint32_t options, IO_STATUS_BLOCK *io);
NTSTATUS pipe_read(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                   void *buf, uint32_t len);
NTSTATUS pipe_write(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                    const void *buf, uint32_t len);
NTSTATUS pipe_fsctl(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                    uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len);
NTSTATUS pipe_query(struct file *f, uint32_t klass, void *out, uint32_t len, uint64_t *info);
NTSTATUS pipe_set(struct file *f, uint32_t klass, const void *in, uint32_t len);
/* FilePipeInformation of host pipes and sockets (anonymous pipes, std handles): file.c */
NTSTATUS host_pipe_info(struct file *f, uint32_t klass, void *buf, uint32_t len, int set, uint64_t *info);
void pipe_destroy(struct file *f);

#endif
