/*
 * kernel32/thread.c — threads: creation and exit, exit codes, TLS slots,
 * Sleep, priorities.
 */
#include "private.h"

NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *);
NTSTATUS NTAPI RtlActivateActivationContextEx(ULONG, void *, HANDLE, ULONG_PTR *);
void NTAPI RtlReleaseActivationContext(HANDLE);

/* a thread of this process starts with its creator's active activation
   context, activated in its TEB before it runs (tests/kernel32/actctx.c) */
static void inherit_actctx(HANDLE thread, HANDLE actctx)
{
    struct { NTSTATUS status; void *teb; CLIENT_ID id; ULONG_PTR mask; LONG prio, base; } info;
    ULONG_PTR cookie;

    if (!NtQueryInformationThread(thread, ThreadBasicInformation, &info, sizeof(info), NULL))
        RtlActivateActivationContextEx(0, info.teb, actctx, &cookie);
}

HANDLE WINAPI CreateRemoteThreadEx(HANDLE process, SECURITY_ATTRIBUTES *sa, SIZE_T stack, LPTHREAD_START_ROUTINE start,
                                   void *param, DWORD flags, LPPROC_THREAD_ATTRIBUTE_LIST attrs, DWORD *id)
{
    HANDLE handle, actctx = NULL;
    OBJECT_ATTRIBUTES attr;
    (void)attrs;
    InitializeObjectAttributes(&attr, NULL, (sa && sa->bInheritHandle) ? OBJ_INHERIT : 0, NULL, NULL);
    SIZE_T reserve = (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) ? stack : 0;
    SIZE_T commit = (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) ? 0 : stack;
    if (process == GetCurrentProcess()) RtlGetActiveActivationContext(&actctx);
    NTSTATUS status = NtCreateThreadEx(&handle, THREAD_ALL_ACCESS, &attr, process, start, param,
                                       ((flags & CREATE_SUSPENDED) || actctx) ? 1 : 0, 0, commit, reserve, NULL);
    if (actctx)
    {
        if (!status)
        {
            inherit_actctx(handle, actctx);
            if (!(flags & CREATE_SUSPENDED)) NtResumeThread(handle, NULL);
        }
        RtlReleaseActivationContext(actctx);
    }
    if (!set_ntstatus(status)) return NULL;
    if (id) __wlx_thread_exit_code(handle, NULL, id);
    return handle;
}

HANDLE WINAPI CreateRemoteThread(HANDLE process, SECURITY_ATTRIBUTES *sa, SIZE_T stack, LPTHREAD_START_ROUTINE start,
                                 void *param, DWORD flags, DWORD *id)
{
    return CreateRemoteThreadEx(process, sa, stack, start, param, flags, NULL, id);
}

HANDLE WINAPI CreateThread(SECURITY_ATTRIBUTES *sa, SIZE_T stack, LPTHREAD_START_ROUTINE start, void *param,
                           DWORD flags, DWORD *id)
{
    return CreateRemoteThreadEx(GetCurrentProcess(), sa, stack, start, param, flags, NULL, id);
}

void WINAPI ExitThread(DWORD code)
{
    RtlExitUserThread(code);
}

BOOL WINAPI GetExitCodeThread(HANDLE thread, DWORD *code)
{
    return set_ntstatus(__wlx_thread_exit_code(thread, code, NULL));
}

DWORD WINAPI GetThreadId(HANDLE thread)
{
    DWORD tid;
    return set_ntstatus(__wlx_thread_exit_code(thread, NULL, &tid)) ? tid : 0;
}

/* the id of the process a thread belongs to (ThreadBasicInformation; the
   SDK's winternl.h does not declare its structure) */
DWORD WINAPI GetProcessIdOfThread(HANDLE thread)
{
    struct {
        NTSTATUS ExitStatus;
        void *TebBaseAddress;
        CLIENT_ID ClientId;
        ULONG_PTR AffinityMask;
        LONG Priority, BasePriority;
    } info;
    NTSTATUS status = NtQueryInformationThread(thread, ThreadBasicInformation, &info, sizeof(info), NULL);
    return set_ntstatus(status) ? (DWORD)(ULONG_PTR)info.ClientId.UniqueProcess : 0;
}

DWORD WINAPI ResumeThread(HANDLE thread)
{
    ULONG prev;
    return set_ntstatus(NtResumeThread(thread, &prev)) ? prev : (DWORD)-1;
}

/* --- Sleep ---------------------------------------------------------------- */

DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    t.QuadPart = (LONGLONG)ms * -10000;
    /* an alertable sleep ends early when APCs came: they run here */
    if (NtDelayExecution(alertable, ms == INFINITE ? NULL : &t) != STATUS_USER_APC) return 0;
    __wlx_run_apcs();
    return WAIT_IO_COMPLETION;
}

void WINAPI Sleep(DWORD ms) { SleepEx(ms, FALSE); }

BOOL WINAPI SwitchToThread(void) { return NtYieldExecution() == STATUS_SUCCESS; }

/* --- priorities: remembered, not enforced (Linux needs privileges) --------- */

static int thread_priority = THREAD_PRIORITY_NORMAL;
int WINAPI GetThreadPriority(HANDLE thread) { (void)thread; return thread_priority; }
BOOL WINAPI SetThreadPriority(HANDLE thread, int priority)
{
    (void)thread;
    if (priority < THREAD_PRIORITY_IDLE || (priority > THREAD_PRIORITY_HIGHEST && priority != THREAD_PRIORITY_TIME_CRITICAL &&
        priority != THREAD_PRIORITY_IDLE))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    thread_priority = priority;
    return TRUE;
}
BOOL WINAPI SetThreadPriorityBoost(HANDLE thread, BOOL disable) { (void)thread; (void)disable; return TRUE; }
BOOL WINAPI GetThreadPriorityBoost(HANDLE thread, BOOL *disabled) { (void)thread; *disabled = FALSE; return TRUE; }

/* The stack a thread keeps for handling its own stack overflow
   (TEB->GuaranteedStackBytes; ntdll's overflow handling reads it). *size: in,
   the new guarantee (0: leave it); out, the previous one. */
#define TEB_GUARANTEED_STACK_BYTES 0x1748
BOOL WINAPI SetThreadStackGuarantee(ULONG *size)
{
    ULONG *current = (ULONG *)(k32_teb() + TEB_GUARANTEED_STACK_BYTES);
    ULONG_PTR base = *(ULONG_PTR *)(k32_teb() + TEB_STACK_BASE);
    ULONG_PTR bottom = *(ULONG_PTR *)(k32_teb() + TEB_DEALLOCATION_STACK);
    ULONG previous = *current;

    if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    /* it must leave room for the stack itself */
    if (*size && bottom && *size >= base - bottom) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (*size > previous) *current = (*size + 0xfff) & ~0xfffu;   /* it only grows, in pages */
    *size = previous;
    return TRUE;
}

/* --- TLS slots: 64 in the TEB, 1024 more in an expansion array ------------- */

typedef struct { ULONG SizeOfBitMap; ULONG *Buffer; } BITMAP_;
static RTL_CRITICAL_SECTION tls_section;
static int tls_section_ready;

static void tls_lock(void)
{
    /* kernel32's DllMain runs before any thread can race here */
    if (!tls_section_ready) { InitializeCriticalSection(&tls_section); tls_section_ready = 1; }
    EnterCriticalSection(&tls_section);
}

DWORD WINAPI TlsAlloc(void)
{
    BITMAP_ *main_bits = *(BITMAP_ **)(k32_peb() + 0x78), *exp_bits = *(BITMAP_ **)(k32_peb() + 0x238);
    DWORD index = TLS_OUT_OF_INDEXES;
    tls_lock();
    for (DWORD i = 0; i < 64; i++)
        if (!(main_bits->Buffer[i / 32] & (1u << (i % 32))))
        {
            main_bits->Buffer[i / 32] |= 1u << (i % 32);
            ((void **)(k32_teb() + TEB_TLS_SLOTS))[i] = NULL;
            index = i;
            break;
        }
    if (index == TLS_OUT_OF_INDEXES)
        for (DWORD i = 0; i < 1024; i++)
            if (!(exp_bits->Buffer[i / 32] & (1u << (i % 32))))
            {
                exp_bits->Buffer[i / 32] |= 1u << (i % 32);
                void **exp = *(void ***)(k32_teb() + TEB_TLS_EXPANSION);
                if (exp) exp[i] = NULL;
                index = 64 + i;
                break;
            }
    LeaveCriticalSection(&tls_section);
    if (index == TLS_OUT_OF_INDEXES) SetLastError(ERROR_NO_MORE_ITEMS);
    return index;
}

BOOL WINAPI TlsFree(DWORD index)
{
    BITMAP_ *bits = *(BITMAP_ **)(k32_peb() + (index < 64 ? 0x78 : 0x238));
    DWORD i = index < 64 ? index : index - 64;
    BOOL ret = FALSE;
    if (index >= 64 + 1024) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    tls_lock();
    if (bits->Buffer[i / 32] & (1u << (i % 32)))
    {
        bits->Buffer[i / 32] &= ~(1u << (i % 32));
        ret = TRUE;
    }
    LeaveCriticalSection(&tls_section);
    if (!ret) SetLastError(ERROR_INVALID_PARAMETER);
    return ret;
}

LPVOID WINAPI TlsGetValue(DWORD index)
{
    if (index < 64)
    {
        SetLastError(ERROR_SUCCESS);
        return ((void **)(k32_teb() + TEB_TLS_SLOTS))[index];
    }
    if (index >= 64 + 1024) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    SetLastError(ERROR_SUCCESS);
    void **exp = *(void ***)(k32_teb() + TEB_TLS_EXPANSION);
    return exp ? exp[index - 64] : NULL;
}

BOOL WINAPI TlsSetValue(DWORD index, LPVOID value)
{
    if (index < 64)
    {
        ((void **)(k32_teb() + TEB_TLS_SLOTS))[index] = value;
        return TRUE;
    }
    if (index >= 64 + 1024) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    void ***slot = (void ***)(k32_teb() + TEB_TLS_EXPANSION);
    if (!*slot && !(*slot = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, 1024 * sizeof(void *))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    (*slot)[index - 64] = value;
    return TRUE;
}

HANDLE WINAPI OpenThread(DWORD access, BOOL inherit, DWORD id)
{
    HANDLE handle;
    OBJECT_ATTRIBUTES attr;
    CLIENT_ID cid;
    InitializeObjectAttributes(&attr, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL);
    cid.UniqueProcess = 0;
    cid.UniqueThread = (HANDLE)(ULONG_PTR)id;
    if (!set_ntstatus(NtOpenThread(&handle, access, &attr, &cid))) return NULL;
    return handle;
}

DWORD WINAPI SuspendThread(HANDLE thread)
{
    ULONG prev;
    return set_ntstatus(NtSuspendThread(thread, &prev)) ? prev : (DWORD)-1;
}

BOOL WINAPI TerminateThread(HANDLE thread, DWORD code)
{
    if (!thread) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return set_ntstatus(NtTerminateThread(thread, code));
}

BOOL WINAPI GetThreadContext(HANDLE thread, CONTEXT *ctx)
{
    return set_ntstatus(NtGetContextThread(thread, ctx));
}

BOOL WINAPI SetThreadContext(HANDLE thread, const CONTEXT *ctx)
{
    return set_ntstatus(NtSetContextThread(thread, (CONTEXT *)ctx));
}

/* the calling thread's whole stack: from its reserved bottom (the TEB's
   DeallocationStack) to its base, however much of it is committed */
void WINAPI GetCurrentThreadStackLimits(ULONG_PTR *low, ULONG_PTR *high)
{
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    *low = *(ULONG_PTR *)((BYTE *)tib + TEB_DEALLOCATION_STACK);
    *high = (ULONG_PTR)tib->StackBase;
}

/* --- descriptions, ideal processors, hints ---------------------------------
   A thread's description (SetThreadDescription) is kept here by thread id,
   for this process's threads; another process's are not reachable. */

struct description { struct description *next; DWORD tid; WCHAR *text; };
static struct description *descriptions;
static SRWLOCK descriptions_lock = SRWLOCK_INIT;

static DWORD own_thread_id(HANDLE thread)
{
    DWORD tid = GetThreadId(thread);
    if (!tid) return 0;
    if (GetProcessIdOfThread(thread) != GetCurrentProcessId()) { SetLastError(ERROR_NOT_SUPPORTED); return 0; }
    return tid;
}

HRESULT WINAPI SetThreadDescription(HANDLE thread, const WCHAR *text)
{
    DWORD tid = own_thread_id(thread);
    struct description *d;
    if (!tid) return HRESULT_FROM_WIN32(GetLastError());
    if (!text) return E_INVALIDARG;
    size_t len = lstrlenW(text);
    WCHAR *copy = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR));
    if (!copy) return E_OUTOFMEMORY;
    memcpy(copy, text, (len + 1) * sizeof(WCHAR));
    AcquireSRWLockExclusive(&descriptions_lock);
    for (d = descriptions; d && d->tid != tid; d = d->next) ;
    if (!d && (d = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*d))))
    {
        d->tid = tid;
        d->next = descriptions;
        descriptions = d;
    }
    if (d) { HeapFree(GetProcessHeap(), 0, d->text); d->text = copy; }
    else HeapFree(GetProcessHeap(), 0, copy);
    ReleaseSRWLockExclusive(&descriptions_lock);
    return d ? S_OK : E_OUTOFMEMORY;
}

/* a LocalAlloc'd copy (empty when none was set) the caller frees with LocalFree */
HRESULT WINAPI GetThreadDescription(HANDLE thread, WCHAR **text)
{
    DWORD tid = own_thread_id(thread);
    struct description *d;
    *text = NULL;
    if (!tid) return HRESULT_FROM_WIN32(GetLastError());
    AcquireSRWLockShared(&descriptions_lock);
    for (d = descriptions; d && d->tid != tid; d = d->next) ;
    const WCHAR *src = d && d->text ? d->text : L"";
    size_t size = (lstrlenW(src) + 1) * sizeof(WCHAR);
    if ((*text = LocalAlloc(0, size))) memcpy(*text, src, size);
    ReleaseSRWLockShared(&descriptions_lock);
    return *text ? S_OK : E_OUTOFMEMORY;
}

/* the previous ideal processor (all start at 0); MAXIMUM_PROCESSORS asks without setting */
DWORD WINAPI SetThreadIdealProcessor(HANDLE thread, DWORD processor)
{
    SYSTEM_INFO si;
    if (!GetThreadId(thread)) return (DWORD)-1;
    GetSystemInfo(&si);
    if (processor != MAXIMUM_PROCESSORS && processor >= si.dwNumberOfProcessors)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return (DWORD)-1;
    }
    return 0;
}

BOOL WINAPI GetThreadIdealProcessorEx(HANDLE thread, PROCESSOR_NUMBER *number)
{
    if (!GetThreadId(thread)) return FALSE;
    memset(number, 0, sizeof(*number));
    return TRUE;
}

BOOL WINAPI SetThreadIdealProcessorEx(HANDLE thread, PROCESSOR_NUMBER *ideal, PROCESSOR_NUMBER *prev)
{
    if (SetThreadIdealProcessor(thread, ideal->Group ? MAXIMUM_PROCESSORS + 1 : ideal->Number) == (DWORD)-1) return FALSE;
    if (prev) memset(prev, 0, sizeof(*prev));
    return TRUE;
}

/* memory priority and power throttling: accepted and reported back */
BOOL WINAPI SetThreadInformation(HANDLE thread, THREAD_INFORMATION_CLASS cls, void *info, DWORD size)
{
    (void)cls;
    if (!info || !size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return GetThreadId(thread) != 0;
}

BOOL WINAPI GetThreadInformation(HANDLE thread, THREAD_INFORMATION_CLASS cls, void *info, DWORD size)
{
    if (!GetThreadId(thread)) return FALSE;
    if (cls == ThreadMemoryPriority && size >= sizeof(MEMORY_PRIORITY_INFORMATION))
    {
        ((MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority = MEMORY_PRIORITY_NORMAL;
        return TRUE;
    }
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* CPU cycles, counted from the CPU time at a nominal 1 GHz (100 per 100 ns) */
BOOL WINAPI QueryThreadCycleTime(HANDLE thread, ULONG64 *cycles)
{
    FILETIME c, e, k, u;
    if (!GetThreadTimes(thread, &c, &e, &k, &u)) return FALSE;
    *cycles = ((((ULONG64)k.dwHighDateTime << 32) | k.dwLowDateTime) + (((ULONG64)u.dwHighDateTime << 32) | u.dwLowDateTime)) * 100;
    return TRUE;
}

BOOL WINAPI QueryProcessCycleTime(HANDLE process, ULONG64 *cycles)
{
    FILETIME c, e, k, u;
    if (!GetProcessTimes(process, &c, &e, &k, &u)) return FALSE;
    *cycles = ((((ULONG64)k.dwHighDateTime << 32) | k.dwLowDateTime) + (((ULONG64)u.dwHighDateTime << 32) | u.dwLowDateTime)) * 100;
    return TRUE;
}

/* the display and the system stay awake as far as wlx is concerned: the
   state is remembered and the previous one returned */
EXECUTION_STATE WINAPI SetThreadExecutionState(EXECUTION_STATE state)
{
    static EXECUTION_STATE current = ES_CONTINUOUS;
    EXECUTION_STATE prev = current;
    if (state & ES_CONTINUOUS) current = state;
    return prev;
}

void WINAPI RestoreLastError(DWORD error) { SetLastError(error); }

/* group 0; the processor is GetCurrentProcessorNumber's */
void WINAPI GetCurrentProcessorNumberEx(PROCESSOR_NUMBER *number)
{
    number->Group = 0;
    number->Number = (BYTE)GetCurrentProcessorNumber();
    number->Reserved = 0;
}

/* whether the thread has I/O pending: wlx does not track it per thread */
BOOL WINAPI GetThreadIOPendingFlag(HANDLE thread, BOOL *pending)
{
    if (!GetThreadId(thread)) return FALSE;
    *pending = FALSE;
    return TRUE;
}
