/*
 * ntdll/misc.c — small Rtl functions: version, TEB/PEB access, memory
 * helpers, raising a status, thread creation through RtlCreateUserThread.
 */
#include "private.h"

NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOW *info)
{
    info->dwMajorVersion = PEB_FIELD(ULONG, PEB_OS_MAJOR);
    info->dwMinorVersion = PEB_FIELD(ULONG, PEB_OS_MINOR);
    info->dwBuildNumber = PEB_FIELD(USHORT, PEB_OS_BUILD);
    info->dwPlatformId = PEB_FIELD(ULONG, PEB_OS_PLATFORM);
    info->szCSDVersion[0] = 0;
    if (info->dwOSVersionInfoSize >= sizeof(RTL_OSVERSIONINFOEXW))
    {
        RTL_OSVERSIONINFOEXW *ex = (RTL_OSVERSIONINFOEXW *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
        ex->wProductType = VER_NT_WORKSTATION;
        ex->wReserved = 0;
    }
    return STATUS_SUCCESS;
}

void NTAPI RtlGetNtVersionNumbers(DWORD *major, DWORD *minor, DWORD *build)
{
    if (major) *major = PEB_FIELD(ULONG, PEB_OS_MAJOR);
    if (minor) *minor = PEB_FIELD(ULONG, PEB_OS_MINOR);
    if (build) *build = 0xf0000000 | PEB_FIELD(USHORT, PEB_OS_BUILD);
}

/* the SDK's NtCurrentTeb is an inline reading gs:0x30; the export must not
   call itself through it */
#undef NtCurrentTeb
struct _TEB * NTAPI NtCurrentTeb(void)
{
    struct _TEB *teb;
    __asm__ ("movq %%gs:0x30, %0" : "=r"(teb));
    return teb;
}
PEB * NTAPI RtlGetCurrentPeb(void) { return (PEB *)peb_ptr(); }

#undef RtlZeroMemory
#undef RtlFillMemory
#undef RtlMoveMemory
#undef RtlCopyMemory
#undef RtlCompareMemory
void NTAPI RtlZeroMemory(void *p, SIZE_T n) { memset(p, 0, n); }
void NTAPI RtlFillMemory(void *p, SIZE_T n, BYTE v) { memset(p, v, n); }
void NTAPI RtlMoveMemory(void *d, const void *s, SIZE_T n) { memmove(d, s, n); }
void NTAPI RtlCopyMemory(void *d, const void *s, SIZE_T n) { memmove(d, s, n); }
SIZE_T NTAPI RtlCompareMemory(const void *a, const void *b, SIZE_T n)
{
    SIZE_T i = 0;
    while (i < n && ((const BYTE *)a)[i] == ((const BYTE *)b)[i]) i++;
    return i;
}

void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec);   /* exception.c */

void NTAPI RtlRaiseStatus(NTSTATUS status)
{
    EXCEPTION_RECORD rec = {0};
    rec.ExceptionCode = status;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = __builtin_return_address(0);
    RtlRaiseException(&rec);
}

NTSTATUS NTAPI RtlCreateUserThread(HANDLE process, SECURITY_DESCRIPTOR *sd, BOOLEAN suspended, ULONG zero_bits,
                                   SIZE_T stack_reserve, SIZE_T stack_commit, void *start, void *param,
                                   HANDLE *handle, CLIENT_ID *id)
{
    HANDLE h;
    DWORD tid;
    (void)sd;
    NTSTATUS status = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, NULL, process, start, param, suspended ? 1 : 0,
                                       zero_bits, stack_commit, stack_reserve, NULL);
    if (status) return status;
    if (id)
    {
        __wlx_thread_exit_code(h, NULL, &tid);
        id->UniqueProcess = (HANDLE)(ULONG_PTR)TEB_FIELD(ULONG_PTR, TEB_CLIENT_PROCESS);
        id->UniqueThread = (HANDLE)(ULONG_PTR)tid;
    }
    if (handle) *handle = h; else NtClose(h);
    return STATUS_SUCCESS;
}
