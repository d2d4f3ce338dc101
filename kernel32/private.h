/*
 * kernel32/private.h — private declarations of kernel32: the NT calls it is
 * built on (those mingw's headers lack) and the status→last-error helper.
 */
#ifndef WLX_KERNEL32_PRIVATE_H
#define WLX_KERNEL32_PRIVATE_H

#ifndef _KERNEL32_
#define _KERNEL32_
#endif
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include "wlx/door.h"

#ifndef NtCurrentProcess
#define NtCurrentProcess() ((HANDLE)~(ULONG_PTR)0)
#endif
#ifndef NtCurrentThread
#define NtCurrentThread()  ((HANDLE)~(ULONG_PTR)1)
#endif

static inline BYTE *k32_teb(void) { return (BYTE *)NtCurrentTeb(); }
static inline BYTE *k32_peb(void) { return *(BYTE **)(k32_teb() + TEB_PEB); }
static inline BYTE *k32_params(void) { return *(BYTE **)(k32_peb() + PEB_PROCESS_PARAMETERS); }
#define PROCESS_HEAP() (*(HANDLE *)(k32_peb() + PEB_PROCESS_HEAP))

/* the start of a loader entry (PEB->Ldr lists), as far as kernel32 reads it */
typedef struct {
    LIST_ENTRY InLoadOrderLinks, InMemoryOrderLinks, InInitializationOrderLinks;
    void *DllBase, *EntryPoint;
    ULONG SizeOfImage;
    UNICODE_STRING FullDllName, BaseDllName;
} LDR_ENTRY_HEAD;

/* ntdll */
NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE, PVOID *, ULONG_PTR, SIZE_T *, ULONG, ULONG);
NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *);
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, LPCVOID, ULONG, PVOID, SIZE_T, SIZE_T *);
NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, LARGE_INTEGER *, ULONG *);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, const void *, ULONG, LARGE_INTEGER *, ULONG *);
NTSTATUS NTAPI NtTerminateProcess(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtDelayExecution(BOOLEAN, const LARGE_INTEGER *);
ULONG WINAPI __wlx_run_apcs(void);   /* after STATUS_USER_APC: runs the queued APCs (ntdll/apc.c) */
NTSTATUS NTAPI NtYieldExecution(void);
NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, PVOID, PVOID, ULONG,
                                SIZE_T, SIZE_T, SIZE_T, PVOID);
NTSTATUS NTAPI NtResumeThread(HANDLE, ULONG *);
NTSTATUS NTAPI NtSuspendThread(HANDLE, ULONG *);
NTSTATUS NTAPI NtGetContextThread(HANDLE, CONTEXT *);
NTSTATUS NTAPI NtSetContextThread(HANDLE, CONTEXT *);
NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtOpenThread(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *);
NTSTATUS NTAPI NtQuerySystemTime(LARGE_INTEGER *);
NTSTATUS NTAPI NtQueryPerformanceCounter(LARGE_INTEGER *, LARGE_INTEGER *);
NTSTATUS NTAPI __wlx_thread_exit_code(HANDLE, DWORD *code, DWORD *tid);
NTSTATUS NTAPI LdrLoadDll(const WCHAR *, ULONG *, const UNICODE_STRING *, HMODULE *);
NTSTATUS NTAPI LdrUnloadDll(HMODULE);
NTSTATUS NTAPI LdrGetDllHandleEx(ULONG, const WCHAR *, ULONG *, const UNICODE_STRING *, HMODULE *);
NTSTATUS NTAPI LdrGetProcedureAddress(HMODULE, const ANSI_STRING *, ULONG, void **);
NTSTATUS NTAPI LdrFindEntryForAddress(const void *, void **);
NTSTATUS NTAPI LdrAddRefDll(ULONG, HMODULE);
NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(HMODULE);
void NTAPI RtlExitUserProcess(DWORD) __attribute__((noreturn));
void NTAPI RtlExitUserThread(DWORD) __attribute__((noreturn));
PVOID NTAPI RtlAllocateHeap(HANDLE, ULONG, SIZE_T);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

/* time and system information (time.c, sysinfo.c): TIME_FIELDS and wlx's private exports there */
#include "wlx/sysinfo.h"
void NTAPI RtlTimeToTimeFields(const LARGE_INTEGER *, TIME_FIELDS *);
BOOLEAN NTAPI RtlTimeFieldsToTime(const TIME_FIELDS *, LARGE_INTEGER *);
NTSTATUS NTAPI RtlSystemTimeToLocalTime(const LARGE_INTEGER *, LARGE_INTEGER *);
NTSTATUS NTAPI RtlQueryDynamicTimeZoneInformation(DYNAMIC_TIME_ZONE_INFORMATION *);
ULONG NTAPI NtGetTickCount(void);
LONGLONG NTAPI RtlGetSystemTimePrecise(void);
BOOLEAN NTAPI RtlQueryPerformanceCounter(LARGE_INTEGER *);
BOOLEAN NTAPI RtlQueryPerformanceFrequency(LARGE_INTEGER *);
BOOLEAN NTAPI RtlIsProcessorFeaturePresent(ULONG);
BOOLEAN NTAPI RtlGetProductInfo(DWORD, DWORD, DWORD, DWORD, DWORD *);

/* kernel32 exports that are forwards to ntdll, used inside kernel32 */
NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *);
#define EnterCriticalSection(cs) RtlEnterCriticalSection(cs)
#define LeaveCriticalSection(cs) RtlLeaveCriticalSection(cs)
#define InitializeCriticalSection(cs) RtlInitializeCriticalSection(cs)
#define DeleteCriticalSection(cs) RtlDeleteCriticalSection(cs)
#define HeapAlloc(h, f, s) RtlAllocateHeap(h, f, s)

/* ntdll: files, paths, environment (kernel32/file.c, path.c, console.c, env.c) */
NTSTATUS NTAPI NtQueryAttributesFile(const OBJECT_ATTRIBUTES *, FILE_BASIC_INFORMATION *);
NTSTATUS NTAPI NtQueryFullAttributesFile(const OBJECT_ATTRIBUTES *, FILE_NETWORK_OPEN_INFORMATION *);
NTSTATUS NTAPI NtQueryDirectoryFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, FILE_INFORMATION_CLASS,
                                    BOOLEAN, UNICODE_STRING *, BOOLEAN);
NTSTATUS NTAPI NtFlushBuffersFile(HANDLE, IO_STATUS_BLOCK *);
NTSTATUS NTAPI NtLockFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, LARGE_INTEGER *, LARGE_INTEGER *, ULONG,
                          BOOLEAN, BOOLEAN);
NTSTATUS NTAPI NtUnlockFile(HANDLE, IO_STATUS_BLOCK *, LARGE_INTEGER *, LARGE_INTEGER *, ULONG);
NTSTATUS NTAPI NtDeleteFile(const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtDuplicateObject(HANDLE, HANDLE, HANDLE, HANDLE *, ACCESS_MASK, ULONG, ULONG);
NTSTATUS NTAPI __wlx_create_pipe(HANDLE *read_end, HANDLE *write_end, ULONG attributes);
NTSTATUS NTAPI __wlx_file_dos_path(HANDLE, WCHAR *buffer, ULONG size, ULONG *needed);
NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(const WCHAR *, UNICODE_STRING *, WCHAR **, void *);
ULONG NTAPI RtlGetFullPathName_U(const WCHAR *, ULONG, WCHAR *, WCHAR **);
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG, WCHAR *);
NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *);
NTSTATUS NTAPI RtlQueryEnvironmentVariable(WCHAR *, const WCHAR *, SIZE_T, WCHAR *, SIZE_T, SIZE_T *);
NTSTATUS NTAPI RtlSetEnvironmentVariable(WCHAR **, const UNICODE_STRING *, const UNICODE_STRING *);
NTSTATUS NTAPI RtlExpandEnvironmentStrings(WCHAR *, const WCHAR *, SIZE_T, WCHAR *, SIZE_T, SIZE_T *);
NTSTATUS NTAPI RtlCreateEnvironment(BOOLEAN, WCHAR **);
NTSTATUS NTAPI RtlDestroyEnvironment(WCHAR *);
NTSTATUS NTAPI RtlSetCurrentEnvironment(WCHAR *, WCHAR **);

/* NTSTATUS → last error, as Windows does at the kernel32 boundary */
static inline BOOL set_ntstatus(NTSTATUS status)
{
    if (status) SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

/* a named object's attributes: \BaseNamedObjects\name (sync.c) */
struct k32_object_name {
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING str;
    WCHAR buffer[MAX_PATH + 32];
};
BOOL k32_object_attr(struct k32_object_name *n, const SECURITY_ATTRIBUTES *sa, BOOL inherit, const WCHAR *name);

/* CreateProcess: PROC_THREAD_ATTRIBUTE_HANDLE_LIST of a STARTUPINFOEX (procattr.c) */
void k32_attr_handle_list(const STARTUPINFOW *si, DWORD flags, void *const **handles, DWORD *count);
/* ... and PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE (procattr.c); its pty slave, NULL if none (pseudoconsole.c) */
void *k32_attr_pseudoconsole(const STARTUPINFOW *si, DWORD flags);
HANDLE k32_pseudoconsole_slave(void *pc);

/* the console input handle behind h, NULL (ERROR_INVALID_HANDLE) if none (console.c) */
HANDLE k32_console_input(HANDLE h);
/* the input mode (console.c); ENABLE_WINDOW_INPUT turned on: size changes are events from now (conin.c) */
DWORD k32_console_input_mode(void);
void k32_console_watch_size(HANDLE h);
/* WriteFile on a console: FALSE when h is none; else *ret is WriteFile's result (conout.c) */
BOOL k32_console_write_file(HANDLE h, const void *buf, DWORD len, DWORD *done, BOOL *ret);
/* ReadFile's bytes from the console input, which the terminal echoed (console.c) */
void k32_console_read_echo(HANDLE h, const void *buf, DWORD len);
/* a handle closed: what the console code knew of it goes (conout.c) */
void k32_console_forget(HANDLE h);

/* FindClose of a FindFirstStreamW or FindFirstFileNameW handle (stream.c):
   FALSE when h is not one */
BOOL k32_find_list_close(HANDLE h);

/* ANSI ⇄ wide for the A functions (locale.c): returns a heap string */
WCHAR *k32_strdup_AtoW(const char *s);

/* ntdll's (msvcrt semantics) */
int __cdecl _snwprintf(WCHAR *buf, size_t count, const WCHAR *fmt, ...);

#endif
