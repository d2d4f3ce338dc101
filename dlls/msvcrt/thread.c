/*
 * Threads: per-thread CRT data (errno, strtok state, rand seed, static
 * result buffers), _beginthread/_beginthreadex/_endthread/_endthreadex,
 * and the _lock/_unlock table.
 */
#include "private.h"
#include "wlx/door.h"
#include <process.h>

static DWORD tls_index = TLS_OUT_OF_INDEXES;
static CRITICAL_SECTION lock_table[MSVCRT_LOCK_COUNT];

BOOL msvcrt_init_tls(void)
{
    tls_index = TlsAlloc();
    return tls_index != TLS_OUT_OF_INDEXES;
}

void msvcrt_free_tls(void)
{
    if (tls_index != TLS_OUT_OF_INDEXES) TlsFree(tls_index);
    tls_index = TLS_OUT_OF_INDEXES;
}

struct msvcrt_thread_data *msvcrt_get_thread_data(void)
{
    struct msvcrt_thread_data *data;
    DWORD saved_error;

    /* the fast path: the TEB's slot itself (the C++ exception handlers ask
       at every frame; TlsGetValue would also clear the last error) */
    if (tls_index < TLS_MINIMUM_AVAILABLE &&
        (data = ((void **)((BYTE *)NtCurrentTeb() + TEB_TLS_SLOTS))[tls_index]))
        return data;
    saved_error = GetLastError();  /* errno access must not touch it */

    data = TlsGetValue(tls_index);
    if (!data)
    {
        data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data));
        if (!data)
        {
            /* nothing sensible left to do without a per-thread block */
            TerminateProcess(GetCurrentProcess(), ERROR_NOT_ENOUGH_MEMORY);
        }
        data->rand_next = 1;  /* rand() without srand() behaves as srand(1) */
        TlsSetValue(tls_index, data);
    }
    SetLastError(saved_error);
    return data;
}

void msvcrt_free_thread_data(void)
{
    struct msvcrt_thread_data *data;

    if (tls_index == TLS_OUT_OF_INDEXES) return;
    data = TlsGetValue(tls_index);
    if (!data) return;
    TlsSetValue(tls_index, NULL);
    HeapFree(GetProcessHeap(), 0, data);
}

/* ---- the lock table ---- */

void msvcrt_init_locks(void)
{
    int i;

    for (i = 0; i < MSVCRT_LOCK_COUNT; i++) InitializeCriticalSection(&lock_table[i]);
}

void msvcrt_free_locks(void)
{
    int i;

    for (i = 0; i < MSVCRT_LOCK_COUNT; i++) DeleteCriticalSection(&lock_table[i]);
}

void __cdecl _lock(int locknum)
{
    if (locknum >= 0 && locknum < MSVCRT_LOCK_COUNT) EnterCriticalSection(&lock_table[locknum]);
}

void __cdecl _unlock(int locknum)
{
    if (locknum >= 0 && locknum < MSVCRT_LOCK_COUNT) LeaveCriticalSection(&lock_table[locknum]);
}

/* ---- thread creation ---- */

struct thread_start
{
    void          *start;
    void          *arg;
    HANDLE         handle;     /* _beginthread only: closed by _endthread */
    int            ex;
};

void __cdecl _endthread(void)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();

    /* _beginthread's handle belongs to the CRT and dies with the thread */
    if (data->thread_handle) CloseHandle(data->thread_handle);
    data->thread_handle = NULL;
    msvcrt_free_thread_data();
    ExitThread(0);
}

void __cdecl _endthreadex(unsigned int code)
{
    msvcrt_free_thread_data();
    ExitThread(code);
}

static DWORD WINAPI thread_entry(void *param)
{
    struct thread_start start = *(struct thread_start *)param;
    struct msvcrt_thread_data *data;

    HeapFree(GetProcessHeap(), 0, param);
    data = msvcrt_get_thread_data();
    data->start_address = start.start;
    data->start_arg = start.arg;
    data->beginthreadex = start.ex;
    data->thread_handle = start.handle;
    if (start.ex)
        _endthreadex(((unsigned int (__stdcall *)(void *))start.start)(start.arg));
    ((void (__cdecl *)(void *))start.start)(start.arg);
    _endthread();
    return 0;
}

static HANDLE start_thread(void *entry, void *arg, unsigned int stack, int ex,
                           SECURITY_ATTRIBUTES *sa, unsigned int flags, unsigned int *id)
{
    struct thread_start *start;
    HANDLE handle;

    if (!entry)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (!(start = HeapAlloc(GetProcessHeap(), 0, sizeof(*start))))
    {
        *_errno() = EAGAIN;
        return NULL;
    }
    start->start = entry;
    start->arg = arg;
    start->ex = ex;
    start->handle = NULL;
    handle = CreateThread(sa, stack, thread_entry, start, flags | CREATE_SUSPENDED, (DWORD *)id);
    if (!handle)
    {
        msvcrt_set_errno_from_win32(GetLastError());
        HeapFree(GetProcessHeap(), 0, start);
        return NULL;
    }
    if (!ex) start->handle = handle;
    if (!(flags & CREATE_SUSPENDED)) ResumeThread(handle);
    return handle;
}

uintptr_t __cdecl _beginthread(void (__cdecl *entry)(void *), unsigned int stack, void *arg)
{
    HANDLE handle = start_thread(entry, arg, stack, 0, NULL, 0, NULL);

    /* _beginthread reports failure as -1, _beginthreadex as 0 */
    return handle ? (uintptr_t)handle : (uintptr_t)-1;
}

uintptr_t __cdecl _beginthreadex(void *security, unsigned int stack,
                                 unsigned int (__stdcall *entry)(void *), void *arg,
                                 unsigned int flags, unsigned int *id)
{
    return (uintptr_t)start_thread(entry, arg, stack, 1, security, flags, id);
}

unsigned long __cdecl __threadid(void)
{
    return GetCurrentThreadId();
}

uintptr_t __cdecl __threadhandle(void)
{
    return (uintptr_t)GetCurrentThread();
}
