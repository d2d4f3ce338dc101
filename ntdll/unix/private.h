/*
 * ntdll/unix/private.h — the Unix side of ntdll (linked into bin/wlx).
 *
 * Sections: Windows ABI types seen from Unix · syscall helpers · modules
 * (debug, errors, virtual, image, handles, files, paths, threads, process).
 * Never includes windows.h: Windows types are declared here with fixed-width
 * members, in the layout of the Windows x64 ABI.
 */
#ifndef WLX_NTDLL_UNIX_PRIVATE_H
#define WLX_NTDLL_UNIX_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "wlx/door.h"

/* --- Windows ABI types ------------------------------------------------- */
#define WINAPI __attribute__((ms_abi))
typedef int32_t NTSTATUS;
typedef uint16_t WCHAR;
typedef void *HANDLE;
typedef uint32_t ULONG;
typedef uint32_t ACCESS_MASK;

typedef struct { uint16_t Length, MaximumLength; uint32_t pad; WCHAR *Buffer; } UNICODE_STRING;
typedef struct {
    uint32_t Length; uint32_t pad; HANDLE RootDirectory; UNICODE_STRING *ObjectName;
    uint32_t Attributes; uint32_t pad2; void *SecurityDescriptor, *SecurityQualityOfService;
} OBJECT_ATTRIBUTES;
typedef struct { union { NTSTATUS Status; void *Pointer; }; uint64_t Information; } IO_STATUS_BLOCK;
typedef union { int64_t QuadPart; } LARGE_INTEGER;
typedef struct { uint64_t UniqueProcess, UniqueThread; } CLIENT_ID;

_Static_assert(sizeof(UNICODE_STRING) == 16, "UNICODE_STRING");
_Static_assert(sizeof(OBJECT_ATTRIBUTES) == 48, "OBJECT_ATTRIBUTES");
_Static_assert(sizeof(IO_STATUS_BLOCK) == 16, "IO_STATUS_BLOCK");

#define OBJ_INHERIT           0x02
#define OBJ_CASE_INSENSITIVE  0x40
#define OBJ_OPENIF            0x80

/* NTSTATUS values used on this side */
#define STATUS_SUCCESS                  ((NTSTATUS)0x00000000)
#define STATUS_WAIT_0                   ((NTSTATUS)0x00000000)
#define STATUS_ABANDONED_WAIT_0         ((NTSTATUS)0x00000080)
#define STATUS_USER_APC                 ((NTSTATUS)0x000000C0)
#define STATUS_TIMEOUT                  ((NTSTATUS)0x00000102)
#define STATUS_PENDING                  ((NTSTATUS)0x00000103)
#define STATUS_MORE_ENTRIES             ((NTSTATUS)0x00000105)
#define STATUS_IMAGE_NOT_AT_BASE        ((NTSTATUS)0x40000003)
#define STATUS_OBJECT_NAME_EXISTS       ((NTSTATUS)0x40000000)
#define STATUS_BUFFER_OVERFLOW          ((NTSTATUS)0x80000005)
#define STATUS_NO_MORE_FILES            ((NTSTATUS)0x80000006)
#define STATUS_UNSUCCESSFUL             ((NTSTATUS)0xC0000001)
#define STATUS_NOT_IMPLEMENTED          ((NTSTATUS)0xC0000002)
#define STATUS_INVALID_INFO_CLASS       ((NTSTATUS)0xC0000003)
#define STATUS_INFO_LENGTH_MISMATCH     ((NTSTATUS)0xC0000004)
#define STATUS_ACCESS_VIOLATION         ((NTSTATUS)0xC0000005)
#define STATUS_INVALID_HANDLE           ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER        ((NTSTATUS)0xC000000D)
#define STATUS_NO_SUCH_FILE             ((NTSTATUS)0xC000000F)
#define STATUS_INVALID_DEVICE_REQUEST   ((NTSTATUS)0xC0000010)
#define STATUS_END_OF_FILE              ((NTSTATUS)0xC0000011)
#define STATUS_NO_MEMORY                ((NTSTATUS)0xC0000017)
#define STATUS_CONFLICTING_ADDRESSES    ((NTSTATUS)0xC0000018)
#define STATUS_NOT_MAPPED_VIEW          ((NTSTATUS)0xC0000019)
#define STATUS_UNABLE_TO_FREE_VM        ((NTSTATUS)0xC000001A)
#define STATUS_INVALID_CID              ((NTSTATUS)0xC000000B)
#define STATUS_FREE_VM_NOT_AT_BASE      ((NTSTATUS)0xC000009F)
#define STATUS_NOT_COMMITTED            ((NTSTATUS)0xC000002D)
#define STATUS_MEMORY_NOT_ALLOCATED     ((NTSTATUS)0xC00000A0)
#define STATUS_ACCESS_DENIED            ((NTSTATUS)0xC0000022)
#define STATUS_BUFFER_TOO_SMALL         ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_TYPE_MISMATCH     ((NTSTATUS)0xC0000024)
#define STATUS_OBJECT_NAME_INVALID      ((NTSTATUS)0xC0000033)
#define STATUS_OBJECT_NAME_NOT_FOUND    ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_NAME_COLLISION    ((NTSTATUS)0xC0000035)
#define STATUS_OBJECT_PATH_INVALID      ((NTSTATUS)0xC0000039)
#define STATUS_OBJECT_PATH_NOT_FOUND    ((NTSTATUS)0xC000003A)
#define STATUS_OBJECT_PATH_SYNTAX_BAD   ((NTSTATUS)0xC000003B)
#define STATUS_SHARING_VIOLATION        ((NTSTATUS)0xC0000043)
#define STATUS_INVALID_PAGE_PROTECTION  ((NTSTATUS)0xC0000045)
#define STATUS_MUTANT_NOT_OWNED         ((NTSTATUS)0xC0000046)
#define STATUS_DELETE_PENDING           ((NTSTATUS)0xC0000056)
#define STATUS_DISK_FULL                ((NTSTATUS)0xC000007F)
#define STATUS_INSUFFICIENT_RESOURCES   ((NTSTATUS)0xC000009A)
#define STATUS_MEDIA_WRITE_PROTECTED    ((NTSTATUS)0xC00000A2)
#define STATUS_FILE_IS_A_DIRECTORY      ((NTSTATUS)0xC00000BA)
#define STATUS_NOT_SUPPORTED            ((NTSTATUS)0xC00000BB)
#define STATUS_INTERNAL_ERROR           ((NTSTATUS)0xC00000E5)
#define STATUS_DIRECTORY_NOT_EMPTY      ((NTSTATUS)0xC0000101)
#define STATUS_NOT_A_DIRECTORY          ((NTSTATUS)0xC0000103)
#define STATUS_TOO_MANY_OPENED_FILES    ((NTSTATUS)0xC000011F)
#define STATUS_CANCELLED                ((NTSTATUS)0xC0000120)
#define STATUS_CANNOT_DELETE            ((NTSTATUS)0xC0000121)
#define STATUS_PIPE_BROKEN              ((NTSTATUS)0xC000014B)
#define STATUS_INVALID_IMAGE_FORMAT     ((NTSTATUS)0xC000007B)
#define STATUS_DLL_NOT_FOUND            ((NTSTATUS)0xC0000135)
#define STATUS_NOT_SAME_DEVICE          ((NTSTATUS)0xC00000D4)
#define STATUS_IO_DEVICE_ERROR          ((NTSTATUS)0xC0000185)
#define STATUS_NOT_FOUND                ((NTSTATUS)0xC0000225)
#define STATUS_INVALID_IMAGE_WIN_32     ((NTSTATUS)0xC0000359)

#define NtCurrentProcess() ((HANDLE)~(uintptr_t)0)
#define NtCurrentThread()  ((HANDLE)~(uintptr_t)1)

/* --- debug output (debug.c) --------------------------------------------- */
extern unsigned wlx_debug_flags;
void wlx_debug_init(void);
void wlx_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define TRACE_ON(ch) (wlx_debug_flags & WLX_DBG_##ch)
#define TRACE(ch, ...) do { if (TRACE_ON(ch)) wlx_trace(__VA_ARGS__); } while (0)
void wlx_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* --- errors (errors.c) ------------------------------------------------- */
NTSTATUS errno_to_status(int err);

/* --- unicode helpers (unicode.c) --------------------------------------- */
size_t wlx_utf8_to_utf16(const char *src, size_t srclen, WCHAR *dst, size_t dstlen);
size_t wlx_utf16_to_utf8(const WCHAR *src, size_t srclen, char *dst, size_t dstlen);
size_t wlx_wcslen(const WCHAR *s);

/* --- virtual memory (virtual.c) ---------------------------------------- */
#define VPROT_READ    0x01
#define VPROT_WRITE   0x02
#define VPROT_EXEC    0x04
#define VPROT_COW     0x08   /* write-copy */
#define VPROT_GUARD   0x10
#define VPROT_NOCACHE 0x20
#define VPROT_COMMITTED 0x40
void virtual_init(void);
void *virtual_alloc_system(size_t size, unsigned vprot);   /* for TEBs, stacks, PEB */
void *virtual_alloc_image_space(void *base, size_t size);  /* MEM_IMAGE view */
void virtual_note_image_range(void *base, size_t offset, size_t size, unsigned vprot);   /* recorded, not applied */
int virtual_commit_image(void *base, int fd, const int64_t *file_off);   /* applies them; -errno */
void virtual_release(void *base);
int virtual_is_free(void *base, size_t size);
void virtual_describe_address(const void *addr, char *buf, size_t size);
int virtual_clear_guard(const void *addr);
int virtual_page_vprot(const void *addr);   /* -1: no view */
int virtual_commit_pages(const void *addr, size_t count, unsigned vprot);   /* -errno */
/* mapped views of sections (section.c) */
#define STATUS_SECTION_PROTECTION ((NTSTATUS)0xC000004E)
#define STATUS_NOT_MAPPED_DATA    ((NTSTATUS)0xC0000088)
struct map_request {
    int fd;                 /* what to map: a memfd or a file's fd */
    uint64_t offset;        /* in the fd, 64 KiB aligned */
    size_t size;            /* page multiple */
    uintptr_t zero_bits;    /* as NtAllocateVirtualMemory's */
    int top_down;           /* MEM_TOP_DOWN */
    uint32_t protect;       /* Windows PAGE_* of the view */
    uint8_t max_vprot;      /* VPROT_* access a later protection change may ask */
    int shared;             /* MAP_SHARED: writes reach the section; else copy-on-write */
    int commit;             /* 0 for SEC_RESERVE: pages start reserved */
    size_t reserve_from;    /* if not 0: pages from this offset on start reserved (a view
                               larger than its file section, NtMapViewOfSection's MEM_RESERVE) */
    int replace;            /* MEM_REPLACE_PLACEHOLDER: *base is a placeholder of this size */
};
/* MEM_EXTENDED_PARAMETER and the address requirements it may point to */
struct mem_ext_param { uint64_t type; uint64_t value; };
struct mem_address_requirements { uint64_t lowest, highest, alignment; };
#define MEM_EXT_ADDRESS_REQUIREMENTS 1
uintptr_t virtual_ext_zero_bits(const struct mem_ext_param *params, uint32_t count, size_t *align);
int virtual_prot_to_vprot(uint32_t prot, uint8_t *vprot);   /* Windows PAGE_* → VPROT_*; -1: invalid */
NTSTATUS virtual_map_view(const struct map_request *r, void **base);
NTSTATUS virtual_unmap_view(void *addr, int preserve_placeholder);
void virtual_set_view_name(void *base, const WCHAR *name, size_t len);   /* the file a view maps */
void section_name_image(void *base, const char *unix_path);   /* section.c: for GetMappedFileName */
NTSTATUS virtual_flush_view(void **addr, size_t *size);

/* --- signals (signal.c) ---------------------------------------------- */
void signal_init_process(void);
void signal_init_thread(void);
struct ucontext_t;
int signal_in_fault_path(const struct ucontext_t *uc);   /* SuspendThread in the middle of a fault */
void thread_stop_pending(struct ucontext_t *uc);          /* ... stops the thread at uc, a Windows context */
void signal_init_stack_guard(void *teb);
void signal_reset_stack_guard(void *teb);   /* a stack reused for a new thread */
void signal_leave_rseq(void);   /* a thread about to run Windows code */
struct timespec;
void ctrlc_wait_until(const struct timespec *until);

/* --- PE images (image.c) ----------------------------------------------- */
struct image_info {
    void *base;
    uint64_t size;
    void *entry;
    uint64_t stack_reserve, stack_commit;
    uint16_t subsystem, characteristics, dll_characteristics;
    uint16_t major_subsystem, minor_subsystem;
    int relocated;
};
unsigned wlx_cpu_count(void);   /* processors online, 1..64 (sysinfo.c) */
/* spawn.c: a child wlx (every signal blocked until it starts); ctty: the std
   fd that becomes the controlling terminal of a new session, or -1; 0 or an errno */
int spawn_wlx(const char *path, char **argv, char **envp, const int std_fds[3], int keep_fd, const char *cwd,
              int ctty, int *pid);
NTSTATUS image_map(int fd, const char *name, struct image_info *info, const char **why);
NTSTATUS image_check(int fd, uint64_t *size);   /* valid headers? SizeOfImage */
void *image_find_export(void *base, const char *name);

/* --- handles (handle.c) ------------------------------------------------ */
struct wlx_object;
struct sync_state;
struct object_export;
struct object_ops {
    const char *type;
    void (*destroy)(struct wlx_object *obj);
    /* simple path: a blocking wait (NtWaitForMultipleObjects polls it with a
       zero timeout); objects with a sync state leave it NULL */
    NTSTATUS (*wait)(struct wlx_object *obj, const LARGE_INTEGER *timeout);
    /* the object's futex-based state (sync.c): waits of any kind on it */
    struct sync_state *(*sync)(struct wlx_object *obj);
    /* cross-process (handle inheritance, DuplicateHandle into another
       process): see "exporting objects" below; NULL: the object cannot
       leave this process (STATUS_NOT_SUPPORTED) */
    NTSTATUS (*export)(struct wlx_object *obj, struct object_export *ex, int *fd);
    /* the type's generic mapping (GENERIC_READ, _WRITE, _EXECUTE, _ALL): a
       handle's access is kept mapped, and handle_get_access checks it.
       NULL: no checks (yet) for the type */
    const ACCESS_MASK *generic;
};
struct wlx_object {
    const struct object_ops *ops;
    int refcount;
    unsigned pool;                  /* handle.c: its pool's size class + 1, 0 from malloc */
};
HANDLE handle_alloc(struct wlx_object *obj, ACCESS_MASK access, unsigned attributes);
NTSTATUS handle_get(HANDLE h, const struct object_ops *ops, struct wlx_object **obj);
NTSTATUS handle_get_access(HANDLE h, const struct object_ops *ops, ACCESS_MASK need, struct wlx_object **obj);
#define ACCESS_SYNCHRONIZE 0x00100000u
NTSTATUS handle_close(HANDLE h);
size_t handle_count(void);          /* the handles open now */
#define OBJ_PROTECT_CLOSE 0x01   /* handle attribute: NtClose refuses it */
#define STATUS_HANDLE_NOT_CLOSABLE ((NTSTATUS)0xC0000235)

/* --- exporting objects to other processes (handle.c, xhandle.c) ------------
   An object crosses to another process as a fixed-width description plus at
   most one fd: ops->export fills *ex (kind, and the kind's own fields) and
   sets *fd to a NEW fd the caller will close (dup yours; -1 for none). The
   description travels in the start-up channel (inherited handles, fds by
   SCM_RIGHTS) or through wlxserver (DuplicateHandle into another process),
   and the receiving process rebuilds the object with the importer of that
   kind: a function `struct wlx_object *import(const struct object_export *ex,
   int fd)` returning a new reference (or NULL: STATUS_NOT_SUPPORTED; it takes
   over fd whatever it returns). Register it once, at start, from the file
   that owns the object type:
       static void __attribute__((constructor)) reg(void)
       { handle_register_import(EXPORT_FILE, file_import); }
   Keep a kind's data[] layout in a comment next to its exporter. Objects
   whose state must be shared (not copied) keep it in wlxserver or in a
   shared sync slot (sync.c); an fd is shared by nature (file offset too,
   as Windows shares the file pointer between duplicated handles). */
enum export_kind {
    EXPORT_NONE, EXPORT_FILE, EXPORT_SYNC, EXPORT_PROCESS, EXPORT_THREAD,
    EXPORT_SECTION, EXPORT_PIPE, EXPORT_JOB, EXPORT_KIND_COUNT = 16
};
struct object_export {
    uint32_t kind;          /* enum export_kind */
    uint32_t flags;         /* the kind's own (bit 31 reserved: EXPORT_SYNC_GRABBED) */
    uint64_t data[6];       /* the kind's own fixed-width fields */
};
typedef struct wlx_object *(*object_import_fn)(const struct object_export *ex, int fd);
void handle_register_import(enum export_kind kind, object_import_fn fn);
int handle_peek(HANDLE h, int (*fn)(struct wlx_object *obj));   /* fn under the table lock */
int handle_fast_set(HANDLE h);      /* a signaled manual-reset event? no lock (1 yes, 0 ask again) */
void object_release(struct wlx_object *obj);
void *object_new(const struct object_ops *ops, size_t size);

/* --- synchronization objects (sync.c) ---------------------------------------
   struct sync_state (wlx/syncslot.h): the state of a waitable object, fixed-
   width fields and futex words only, private to this process or in a slot
   shared with other processes through wlxserver. */
#include "wlx/syncslot.h"
/* a waitable object, and the head of any named object (one namespace) */
struct sync_object {
    struct wlx_object obj;
    struct sync_state *s;           /* &state, or a slot shared with other processes */
    struct sync_state state;        /* the private state */
    struct sync_object *next;       /* in the list of named (or shared) objects */
    WCHAR *name;                    /* full NT name, or NULL */
    size_t name_len;                /* in WCHARs */
    uint32_t slot;                  /* shared: its slot (the server's object id), else 0 */
    uint32_t server_refs;           /* shared: references this process holds in the server */
};
/* named objects of other types (sections): created, opened and destroyed
   through sync.c's namespace */
NTSTATUS sync_create_named(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                           const struct object_ops *ops, size_t size, struct sync_object **created);
NTSTATUS sync_open_named(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                         const struct object_ops *ops);
void sync_named_destroy(struct wlx_object *obj);
/* call once a new named object (sync_create_named's *created) is fully set
   up: other processes can then open it (through its ops->export) */
void sync_named_ready(struct sync_object *o);
void sync_signal_manual(struct sync_state *s);   /* e.g. a thread's end */
void sync_thread_exit(uint32_t tid);             /* abandons the thread's mutexes */

/* --- user APC queues (apc.c), per Windows thread id ---------------------- */
uint32_t *apc_wait_word(uint32_t tid, uint32_t *value);   /* futex word bumped by each APC */
int apc_pending(uint32_t tid);
void apc_thread_exit(uint32_t tid);                      /* drops its queue */
NTSTATUS apc_queue_to(uint32_t tid, uint64_t func, uint64_t arg1, uint64_t arg2, uint64_t arg3);

/* --- files and paths (file.c, path.c) ---------------------------------- */
extern char *wlx_prefix_dir;     /* absolute, no trailing slash */
extern char *wlx_builtin_dir;    /* where our DLLs are */
NTSTATUS path_nt_to_unix(const UNICODE_STRING *nt, char **unix_path, int create_last);
char *path_unix_to_dos(const char *unix_path);
struct stat;
int path_stat(const char *path, struct stat *st);   /* stat, reusing the lookup's */   /* UTF-8 "Z:\\..." or "C:\\..." */
HANDLE file_wrap_fd(int fd, ACCESS_MASK access, unsigned options);
int file_handle_fd(HANDLE h);

/* --- threads and process (thread.c, process.c) ------------------------- */
struct wlx_thread;
void *thread_create_teb(void *peb, uint32_t tid, struct wlx_thread *ut);
void thread_set_gs(void *teb);
void *thread_alloc_stack(void *teb, size_t reserve, size_t commit);
void __attribute__((noreturn)) thread_start_main(void *teb, void *pe_entry, void *arg);
extern void *wlx_peb;
extern uint32_t wlx_process_id;
void process_build_parameters(void *peb, const char *exe_unix, int argc, char **argv);

#endif
