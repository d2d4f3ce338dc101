/*
 * ntdll/private.h — private declarations of ntdll's PE side: the NT API
 * that mingw-w64's winternl.h lacks, the loader's structures, TEB/PEB access.
 */
#ifndef WLX_NTDLL_PRIVATE_H
#define WLX_NTDLL_PRIVATE_H

#ifndef _NTSYSTEM_
#define _NTSYSTEM_
#endif
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include "wlx/door.h"

#ifndef STATUS_INVALID_IMAGE_WIN_32
#define STATUS_INVALID_IMAGE_WIN_32 ((NTSTATUS)0xC0000359)
#endif

#ifndef NtCurrentProcess
#define NtCurrentProcess() ((HANDLE)~(ULONG_PTR)0)
#endif
#ifndef NtCurrentThread
#define NtCurrentThread()  ((HANDLE)~(ULONG_PTR)1)
#endif

/* --- TEB/PEB access -------------------------------------------------------- */
static inline BYTE *teb_ptr(void) { return (BYTE *)NtCurrentTeb(); }
#define TEB_FIELD(type, off) (*(type *)(teb_ptr() + (off)))
static inline BYTE *peb_ptr(void) { return TEB_FIELD(BYTE *, TEB_PEB); }
#define PEB_FIELD(type, off) (*(type *)(peb_ptr() + (off)))
#define PROCESS_HEAP() PEB_FIELD(HANDLE, PEB_PROCESS_HEAP)
#define PROCESS_PARAMS() PEB_FIELD(BYTE *, PEB_PROCESS_PARAMETERS)
#define DEBUG_ON(ch) (PEB_FIELD(DWORD, PEB_WLX_DEBUG_FLAGS) & WLX_DBG_##ch)

/* --- NT system calls (ntdll.spec marks them -syscall) ---------------------- */
NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE, PVOID *, ULONG_PTR, SIZE_T *, ULONG, ULONG);
NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *);
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, LPCVOID, ULONG, PVOID, SIZE_T, SIZE_T *);
NTSTATUS NTAPI NtTerminateProcess(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, PVOID, PVOID, ULONG,
                                SIZE_T, SIZE_T, SIZE_T, PVOID);
NTSTATUS NTAPI NtResumeThread(HANDLE, ULONG *);
NTSTATUS NTAPI NtDelayExecution(BOOLEAN, const LARGE_INTEGER *);
NTSTATUS NTAPI NtYieldExecution(void);
NTSTATUS NTAPI NtQuerySystemTime(LARGE_INTEGER *);
NTSTATUS NTAPI NtQueryPerformanceCounter(LARGE_INTEGER *, LARGE_INTEGER *);
NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, LARGE_INTEGER *, ULONG *);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, const void *, ULONG, LARGE_INTEGER *, ULONG *);
NTSTATUS NTAPI NtQueryAttributesFile(const OBJECT_ATTRIBUTES *, void *);

/* private syscalls */
NTSTATUS NTAPI __wlx_futex_wait(volatile LONG *addr, LONG val, const LARGE_INTEGER *timeout);
NTSTATUS NTAPI __wlx_futex_wake(volatile LONG *addr, int count);
NTSTATUS NTAPI __wlx_message(const char *utf8, ULONG len);
NTSTATUS NTAPI __wlx_thread_exit_code(HANDLE, DWORD *code, DWORD *tid);

/* --- Rtl (other files of ntdll) ------------------------------------------- */
PVOID NTAPI RtlAllocateHeap(HANDLE, ULONG, SIZE_T);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);
void NTAPI RtlRaiseStatus(NTSTATUS);
void NTAPI RtlExitUserProcess(DWORD) __attribute__((noreturn));
void NTAPI RtlExitUserThread(DWORD) __attribute__((noreturn));
NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *);

/* --- the loader (loader.c) --------------------------------------------------- */
typedef struct _WLX_LDR_ENTRY {
    LIST_ENTRY InLoadOrderLinks;          /* 0x00 */
    LIST_ENTRY InMemoryOrderLinks;        /* 0x10 */
    LIST_ENTRY InInitializationOrderLinks;/* 0x20 */
    void *DllBase;                        /* 0x30 */
    void *EntryPoint;                     /* 0x38 */
    ULONG SizeOfImage;                    /* 0x40 */
    UNICODE_STRING FullDllName;           /* 0x48 */
    UNICODE_STRING BaseDllName;           /* 0x58 */
    ULONG Flags;                          /* 0x68 */
    USHORT ObsoleteLoadCount;             /* 0x6c */
    USHORT TlsIndex;                      /* 0x6e */
    LIST_ENTRY HashLinks;                 /* 0x70 */
    ULONG TimeDateStamp;                  /* 0x80 */
    BYTE reserved[0x120 - 0x84];          /* fields of newer Windows we do not fill */
    /* wlx's own, after what programs read */
    LONG load_count;
    int process_attached;                 /* DllMain(PROCESS_ATTACH) returned TRUE */
    int is_builtin;
    struct _WLX_LDR_ENTRY **deps;         /* modules this one imports, each referenced */
    int ndeps;
    ULONG tls_index;                      /* index in ThreadLocalStoragePointer, or -1 */
    int notified;                         /* LdrRegisterDllNotification callbacks told of its load */
} WLX_LDR_ENTRY;

#define LDR_IMAGE_DLL            0x00000004
#define LDR_ENTRY_PROCESSED      0x00004000
#define LDR_DONT_CALL_FOR_THREADS 0x00040000
#define LDR_PROCESS_ATTACH_CALLED 0x00080000

extern RTL_CRITICAL_SECTION loader_section;
void ldr_thread_attach(void);
void ldr_thread_detach(void);

/* --- debug output (debug.c) ------------------------------------------------- */
int wlx_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
void wlx_dbg(const char *fmt, ...);       /* to stderr, "tid:" prefixed */
void wlx_msg(const char *fmt, ...);       /* to stderr as is */
int wlx_snprintf(char *buf, size_t size, const char *fmt, ...);
const char *wlx_exe_name(void);

/* --- paths (path.c) --------------------------------------------------------- */
NTSTATUS path_dos_to_nt(const WCHAR *dos, UNICODE_STRING *nt);
/* opens the current directory's handle (PEB process parameters) at process start */
void path_init_cur_dir(void);

#endif
