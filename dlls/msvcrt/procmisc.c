/*
 * dlls/msvcrt/procmisc.c — small process-level functions of the CRT:
 *   - _loaddll, _unloaddll, _getdllprocaddr: LoadLibrary, FreeLibrary and
 *     GetProcAddress under the CRT's names;
 *   - _seterrormode: SetErrorMode;
 *   - _crt_debugger_hook: the call a debugger may break on before a report
 *     (it does nothing else);
 *   - _invoke_watson: ends the process with STATUS_INVALID_CRUNTIME_PARAMETER
 *     (0xC0000417), as _invalid_parameter_noinfo_noreturn does (errno.c);
 *   - _GetImageBase/_SetImageBase and _GetThrowImageBase/_SetThrowImageBase:
 *     the image bases the C++ exception code keeps for the thread while it
 *     works (values the compiler's code sets and reads back);
 *   - __report_gsfailure: the /GS cookie failure, a fast fail (0xC0000409).
 */
#include "private.h"

intptr_t __cdecl _loaddll(const char *name)
{
    return (intptr_t)LoadLibraryA(name);
}

/* 0, or the Win32 error (also in errno/_doserrno) */
int __cdecl _unloaddll(intptr_t dll)
{
    DWORD error;

    if (FreeLibrary((HMODULE)dll)) return 0;
    error = GetLastError();
    msvcrt_set_errno_from_win32(error);
    return error;
}

/* by name when name is given (and ordinal is -1), else by the ordinal, which
   must fit in 16 bits; NULL otherwise. The ordinal is read as an int: the
   headers have said int and intptr_t over the years, and -1 is -1 in both. */
void * __cdecl _getdllprocaddr(intptr_t dll, const char *name, int ordinal)
{
    if (name) return ordinal == -1 ? (void *)GetProcAddress((HMODULE)dll, name) : NULL;
    if ((unsigned int)ordinal > 0xffff) return NULL;
    return (void *)GetProcAddress((HMODULE)dll, (const char *)(uintptr_t)ordinal);
}

void __cdecl _seterrormode(int mode)
{
    SetErrorMode(mode);
}

/* a debugger may set a breakpoint here; the store keeps the call */
static volatile int debugger_hook_dummy;

void __cdecl _crt_debugger_hook(int reserved)
{
    debugger_hook_dummy = reserved;
}

void __cdecl _invoke_watson(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                            unsigned int line, uintptr_t reserved)
{
    _crt_debugger_hook(1);
    TerminateProcess(GetCurrentProcess(), STATUS_INVALID_CRUNTIME_PARAMETER);
    for (;;) Sleep(INFINITE);   /* TerminateProcess of the own process does not return */
}

uintptr_t __cdecl _GetImageBase(void)
{
    return msvcrt_get_thread_data()->image_base;
}

void __cdecl _SetImageBase(uintptr_t base)
{
    msvcrt_get_thread_data()->image_base = base;
}

uintptr_t __cdecl _GetThrowImageBase(void)
{
    return msvcrt_get_thread_data()->throw_image_base;
}

void __cdecl _SetThrowImageBase(uintptr_t base)
{
    msvcrt_get_thread_data()->throw_image_base = base;
}

/* __report_gsfailure(cookie): what /GS code calls when a stack cookie was
 * overwritten. Windows ends the process at once with a fast fail
 * (FAST_FAIL_STACK_COOKIE_CHECK_FAILURE): exit status 0xC0000409, no
 * handler runs. We name the cause on stderr first. */
void __cdecl __report_gsfailure(uintptr_t cookie)
{
    static const char msg[] = "wlx: stack cookie check failed (__report_gsfailure): stack buffer overrun\n";
    DWORD written;

    WriteFile(GetStdHandle(STD_ERROR_HANDLE), msg, sizeof(msg) - 1, &written, NULL);
    __asm__ volatile ("int $0x29" :: "c"(FAST_FAIL_STACK_COOKIE_CHECK_FAILURE) : "memory");
    TerminateProcess(GetCurrentProcess(), STATUS_STACK_BUFFER_OVERRUN);
    for (;;) Sleep(INFINITE);
}
