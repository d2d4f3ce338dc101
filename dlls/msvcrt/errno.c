/*
 * errno: _errno/__doserrno and their accessors, the one Win32-error ->
 * errno mapping and the invalid-parameter handler. (Messages: strerror in string.c,
 * perror in stdio.c.)
 */
#include "private.h"
#include <string.h>

/* The message table (_sys_errlist/_sys_nerr) and strerror live in string.c. */
extern char *msvcrt_errlist_ref[] __asm__("_sys_errlist");
extern int msvcrt_nerr_ref __asm__("_sys_nerr");

/* what an unhandled invalid parameter ends a ucrtbase process with */
#define MSVCRT_STATUS_INVALID_CRT_PARAMETER 0xc0000417

static _invalid_parameter_handler invalid_parameter_handler;

int * __cdecl _errno(void)
{
    return &msvcrt_get_thread_data()->thread_errno;
}

unsigned long * __cdecl __doserrno(void)
{
    return &msvcrt_get_thread_data()->thread_doserrno;
}

errno_t __cdecl _get_errno(int *value)
{
    if (!value) return EINVAL;
    *value = *_errno();
    return 0;
}

errno_t __cdecl _set_errno(int value)
{
    *_errno() = value;
    return 0;
}

errno_t __cdecl _get_doserrno(unsigned long *value)
{
    if (!value) return EINVAL;
    *value = *__doserrno();
    return 0;
}

errno_t __cdecl _set_doserrno(unsigned long value)
{
    *__doserrno() = value;
    return 0;
}

int * __cdecl __sys_nerr(void)
{
    return &msvcrt_nerr_ref;
}

char ** __cdecl __sys_errlist(void)
{
    return msvcrt_errlist_ref;
}

/* The single Win32 error -> errno mapping (msvcrt's _dosmaperr table). */
int msvcrt_errno_from_win32(DWORD error)
{
    switch (error)
    {
    case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE: case ERROR_NO_MORE_FILES:
    case ERROR_BAD_NETPATH: case ERROR_BAD_NET_NAME:
    case ERROR_BAD_PATHNAME: case ERROR_FILENAME_EXCED_RANGE:
        return ENOENT;
    case ERROR_TOO_MANY_OPEN_FILES: return EMFILE;
    case ERROR_ACCESS_DENIED: case ERROR_CURRENT_DIRECTORY:
    case ERROR_LOCK_VIOLATION: case ERROR_NETWORK_ACCESS_DENIED:
    case ERROR_CANNOT_MAKE: case ERROR_FAIL_I24: case ERROR_DRIVE_LOCKED:
    case ERROR_SEEK_ON_DEVICE: case ERROR_NOT_LOCKED: case ERROR_LOCK_FAILED:
        return EACCES;
    case ERROR_INVALID_HANDLE: case ERROR_INVALID_TARGET_HANDLE:
    case ERROR_DIRECT_ACCESS_HANDLE:
        return EBADF;
    case ERROR_ARENA_TRASHED: case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_INVALID_BLOCK: case ERROR_NOT_ENOUGH_QUOTA:
        return ENOMEM;
    case ERROR_BAD_ENVIRONMENT: return E2BIG;
    case ERROR_BAD_FORMAT: return ENOEXEC;
    case ERROR_NOT_SAME_DEVICE: return EXDEV;
    case ERROR_FILE_EXISTS: case ERROR_ALREADY_EXISTS: return EEXIST;
    case ERROR_NO_PROC_SLOTS: case ERROR_MAX_THRDS_REACHED:
    case ERROR_NESTING_NOT_ALLOWED:
        return EAGAIN;
    case ERROR_BROKEN_PIPE: return EPIPE;
    case ERROR_DISK_FULL: return ENOSPC;
    case ERROR_WAIT_NO_CHILDREN: case ERROR_CHILD_NOT_COMPLETE: return ECHILD;
    case ERROR_DIR_NOT_EMPTY: return ENOTEMPTY;
    }
    /* write-protect .. sharing-buffer-exceeded: all "access" failures */
    if (error >= ERROR_WRITE_PROTECT && error <= ERROR_SHARING_BUFFER_EXCEEDED)
        return EACCES;
    /* bad executable image errors */
    if (error >= ERROR_INVALID_STARTING_CODESEG && error <= ERROR_INFLOOP_IN_RELOC_CHAIN)
        return ENOEXEC;
    return EINVAL;
}

void msvcrt_set_errno_from_win32(DWORD error)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();

    data->thread_doserrno = error;
    data->thread_errno = msvcrt_errno_from_win32(error);
}

void __cdecl _dosmaperr(unsigned long error)
{
    msvcrt_set_errno_from_win32(error);
}

/* ---- invalid parameter handler ---- */

_invalid_parameter_handler __cdecl _set_invalid_parameter_handler(_invalid_parameter_handler handler)
{
    return InterlockedExchangePointer((void **)&invalid_parameter_handler, handler);
}

_invalid_parameter_handler __cdecl _get_invalid_parameter_handler(void)
{
    return invalid_parameter_handler;
}

_invalid_parameter_handler __cdecl _set_thread_local_invalid_parameter_handler(_invalid_parameter_handler handler)
{
    /* not kept per thread yet: behaves as the global handler */
    return _set_invalid_parameter_handler(handler);
}

_invalid_parameter_handler __cdecl _get_thread_local_invalid_parameter_handler(void)
{
    return invalid_parameter_handler;
}

void __cdecl _invalid_parameter(const wchar_t *expr, const wchar_t *func,
                                const wchar_t *file, unsigned int line, uintptr_t reserved)
{
    if (invalid_parameter_handler)
    {
        invalid_parameter_handler(expr, func, file, line, reserved);
        return;
    }
#ifdef WLX_UCRT
    /* UCRT's default handler ends the process (MSVCRT_STATUS_INVALID_CRT_PARAMETER);
     * msvcrt.dll's returns and the function fails with EINVAL. */
    TerminateProcess(GetCurrentProcess(), MSVCRT_STATUS_INVALID_CRT_PARAMETER);
#endif
}

void __cdecl _invalid_parameter_noinfo(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
}

void __cdecl _invalid_parameter_noinfo_noreturn(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
    TerminateProcess(GetCurrentProcess(), MSVCRT_STATUS_INVALID_CRT_PARAMETER);
}

void msvcrt_invalid_parameter(void)
{
    _invalid_parameter_noinfo();
}
