/*
 * kernel32/sync.c — synchronization: events, mutexes, semaphores (named ones
 * within the process for now), waiting on objects, SignalObjectAndWait, and
 * the wrappers of ntdll's condition variables, WaitOnAddress and InitOnce
 * that turn an NTSTATUS into BOOL + last error. SRW locks, the rest of the
 * condition-variable API and SLists are plain forwards in kernel32.spec.
 */
#include "private.h"

NTSTATUS NTAPI NtCreateEvent(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, ULONG, BOOLEAN);
NTSTATUS NTAPI NtOpenEvent(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtSetEvent(HANDLE, LONG *);
NTSTATUS NTAPI NtResetEvent(HANDLE, LONG *);
NTSTATUS NTAPI NtPulseEvent(HANDLE, LONG *);
NTSTATUS NTAPI NtCreateMutant(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, BOOLEAN);
NTSTATUS NTAPI NtOpenMutant(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtReleaseMutant(HANDLE, LONG *);
NTSTATUS NTAPI NtCreateSemaphore(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, LONG, LONG);
NTSTATUS NTAPI NtOpenSemaphore(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtReleaseSemaphore(HANDLE, ULONG, ULONG *);
NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG, const HANDLE *, ULONG, BOOLEAN, const LARGE_INTEGER *);
NTSTATUS NTAPI NtSignalAndWaitForSingleObject(HANDLE, HANDLE, BOOLEAN, const LARGE_INTEGER *);
NTSTATUS NTAPI RtlSleepConditionVariableCS(CONDITION_VARIABLE *, CRITICAL_SECTION *, const LARGE_INTEGER *);
NTSTATUS NTAPI RtlSleepConditionVariableSRW(CONDITION_VARIABLE *, SRWLOCK *, const LARGE_INTEGER *, ULONG);
NTSTATUS NTAPI RtlWaitOnAddress(const volatile void *, const void *, SIZE_T, const LARGE_INTEGER *);
NTSTATUS NTAPI RtlRunOnceBeginInitialize(INIT_ONCE *, ULONG, void **);
NTSTATUS NTAPI RtlRunOnceComplete(INIT_ONCE *, ULONG, void *);
NTSTATUS NTAPI RtlRunOnceExecuteOnce(INIT_ONCE *, PINIT_ONCE_FN, void *, void **);

static LARGE_INTEGER *get_timeout(LARGE_INTEGER *t, DWORD ms)
{
    if (ms == INFINITE) return NULL;
    t->QuadPart = (LONGLONG)ms * -10000;
    return t;
}

static HANDLE std_handle(HANDLE h)
{
    if (h == (HANDLE)STD_INPUT_HANDLE || h == (HANDLE)STD_OUTPUT_HANDLE || h == (HANDLE)STD_ERROR_HANDLE)
        return GetStdHandle((DWORD)(ULONG_PTR)h);
    return h;
}

/* --- names ----------------------------------------------------------------
   Named objects live in \BaseNamedObjects, as kernel32 places them
   ("Global\" names in a folder of it). */

BOOL k32_object_attr(struct k32_object_name *n, const SECURITY_ATTRIBUTES *sa, BOOL inherit, const WCHAR *name)
{
    static const WCHAR prefix[] = L"\\BaseNamedObjects\\";
    size_t plen = sizeof(prefix) / sizeof(WCHAR) - 1, len = 0;
    n->attr.Length = sizeof(n->attr);
    n->attr.RootDirectory = NULL;
    n->attr.ObjectName = NULL;
    n->attr.Attributes = (inherit || (sa && sa->bInheritHandle)) ? OBJ_INHERIT : 0;
    n->attr.SecurityDescriptor = sa ? sa->lpSecurityDescriptor : NULL;
    n->attr.SecurityQualityOfService = NULL;
    if (!name || !*name) return TRUE;
    /* "Local\" is the session's namespace, where plain names already go */
    if ((name[0] | 0x20) == 'l' && (name[1] | 0x20) == 'o' && (name[2] | 0x20) == 'c' &&
        (name[3] | 0x20) == 'a' && (name[4] | 0x20) == 'l' && name[5] == '\\')
        name += 6;
    while (name[len]) len++;
    if (len > MAX_PATH)
    {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    for (size_t i = 0; i < plen; i++) n->buffer[i] = prefix[i];
    for (size_t i = 0; i < len; i++) n->buffer[plen + i] = name[i];
    n->str.Buffer = n->buffer;
    n->str.Length = n->str.MaximumLength = (USHORT)((plen + len) * sizeof(WCHAR));
    n->attr.ObjectName = &n->str;
    return TRUE;
}

/* a created (or opened existing) object: last error 0 or ERROR_ALREADY_EXISTS */
static HANDLE created(NTSTATUS status, HANDLE h)
{
    if (status == STATUS_OBJECT_NAME_EXISTS) SetLastError(ERROR_ALREADY_EXISTS);
    else if (status) { set_ntstatus(status); return NULL; }
    else SetLastError(0);
    return h;
}

static HANDLE opened(NTSTATUS status, HANDLE h)
{
    return set_ntstatus(status) ? h : NULL;
}

/* A-to-W for names: NULL stays NULL; *w is freed by the caller */
static BOOL name_AtoW(const char *name, WCHAR **w)
{
    *w = NULL;
    if (!name) return TRUE;
    if ((*w = k32_strdup_AtoW(name))) return TRUE;
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return FALSE;
}

#define A_WRAPPER(call) \
    WCHAR *wname; HANDLE ret; \
    if (!name_AtoW(name, &wname)) return NULL; \
    ret = call; \
    RtlFreeHeap(PROCESS_HEAP(), 0, wname); \
    return ret

/* --- events ------------------------------------------------------------ */

HANDLE WINAPI CreateEventExW(SECURITY_ATTRIBUTES *sa, const WCHAR *name, DWORD flags, DWORD access)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    /* NotificationEvent (0) is manual reset, SynchronizationEvent (1) auto */
    NTSTATUS status = NtCreateEvent(&h, access, &n.attr, (flags & CREATE_EVENT_MANUAL_RESET) ? 0 : 1,
                                    (flags & CREATE_EVENT_INITIAL_SET) != 0);
    return created(status, h);
}

HANDLE WINAPI CreateEventW(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial, const WCHAR *name)
{
    DWORD flags = (manual ? CREATE_EVENT_MANUAL_RESET : 0) | (initial ? CREATE_EVENT_INITIAL_SET : 0);
    return CreateEventExW(sa, name, flags, EVENT_ALL_ACCESS);
}

HANDLE WINAPI CreateEventA(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial, const char *name)
{
    A_WRAPPER(CreateEventW(sa, manual, initial, wname));
}

HANDLE WINAPI CreateEventExA(SECURITY_ATTRIBUTES *sa, const char *name, DWORD flags, DWORD access)
{
    A_WRAPPER(CreateEventExW(sa, wname, flags, access));
}

HANDLE WINAPI OpenEventW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }   /* nothing to open by */
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    NTSTATUS status = NtOpenEvent(&h, access, &n.attr);
    return opened(status, h);
}

HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, const char *name)
{
    A_WRAPPER(OpenEventW(access, inherit, wname));
}

BOOL WINAPI SetEvent(HANDLE h) { return set_ntstatus(NtSetEvent(h, NULL)); }
BOOL WINAPI ResetEvent(HANDLE h) { return set_ntstatus(NtResetEvent(h, NULL)); }
BOOL WINAPI PulseEvent(HANDLE h) { return set_ntstatus(NtPulseEvent(h, NULL)); }

/* --- mutexes ----------------------------------------------------------- */

HANDLE WINAPI CreateMutexExW(SECURITY_ATTRIBUTES *sa, const WCHAR *name, DWORD flags, DWORD access)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    NTSTATUS status = NtCreateMutant(&h, access, &n.attr, (flags & CREATE_MUTEX_INITIAL_OWNER) != 0);
    return created(status, h);
}

HANDLE WINAPI CreateMutexW(SECURITY_ATTRIBUTES *sa, BOOL owner, const WCHAR *name)
{
    return CreateMutexExW(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0, MUTEX_ALL_ACCESS);
}

HANDLE WINAPI CreateMutexA(SECURITY_ATTRIBUTES *sa, BOOL owner, const char *name)
{
    A_WRAPPER(CreateMutexW(sa, owner, wname));
}

HANDLE WINAPI CreateMutexExA(SECURITY_ATTRIBUTES *sa, const char *name, DWORD flags, DWORD access)
{
    A_WRAPPER(CreateMutexExW(sa, wname, flags, access));
}

HANDLE WINAPI OpenMutexW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }   /* nothing to open by */
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    NTSTATUS status = NtOpenMutant(&h, access, &n.attr);
    return opened(status, h);
}

HANDLE WINAPI OpenMutexA(DWORD access, BOOL inherit, const char *name)
{
    A_WRAPPER(OpenMutexW(access, inherit, wname));
}

BOOL WINAPI ReleaseMutex(HANDLE h)
{
    return set_ntstatus(NtReleaseMutant(h, NULL));
}

/* --- semaphores -------------------------------------------------------- */

HANDLE WINAPI CreateSemaphoreExW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, const WCHAR *name,
                                 DWORD flags, DWORD access)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    (void)flags;
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    NTSTATUS status = NtCreateSemaphore(&h, access, &n.attr, initial, max);
    return created(status, h);
}

HANDLE WINAPI CreateSemaphoreW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, const WCHAR *name)
{
    return CreateSemaphoreExW(sa, initial, max, name, 0, SEMAPHORE_ALL_ACCESS);
}

HANDLE WINAPI CreateSemaphoreA(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, const char *name)
{
    A_WRAPPER(CreateSemaphoreW(sa, initial, max, wname));
}

HANDLE WINAPI CreateSemaphoreExA(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, const char *name,
                                 DWORD flags, DWORD access)
{
    A_WRAPPER(CreateSemaphoreExW(sa, initial, max, wname, flags, access));
}

HANDLE WINAPI OpenSemaphoreW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }   /* nothing to open by */
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    NTSTATUS status = NtOpenSemaphore(&h, access, &n.attr);
    return opened(status, h);
}

HANDLE WINAPI OpenSemaphoreA(DWORD access, BOOL inherit, const char *name)
{
    A_WRAPPER(OpenSemaphoreW(access, inherit, wname));
}

BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LONG *prev)
{
    return set_ntstatus(NtReleaseSemaphore(h, count, (ULONG *)prev));
}

/* --- waiting ------------------------------------------------------------- */

/* WAIT_OBJECT_0+n, WAIT_ABANDONED_0+n, WAIT_TIMEOUT, WAIT_IO_COMPLETION
   are the NTSTATUS values themselves */
static DWORD wait_result(NTSTATUS status)
{
    if (status >= 0) return status;
    set_ntstatus(status);
    return WAIT_FAILED;
}

DWORD WINAPI WaitForSingleObjectEx(HANDLE handle, DWORD timeout, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status = NtWaitForSingleObject(std_handle(handle), alertable, get_timeout(&t, timeout));
    if (status == STATUS_USER_APC) __wlx_run_apcs();
    return wait_result(status);
}

DWORD WINAPI WaitForSingleObject(HANDLE handle, DWORD timeout)
{
    return WaitForSingleObjectEx(handle, timeout, FALSE);
}

DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD timeout,
                                      BOOL alertable)
{
    HANDLE h[MAXIMUM_WAIT_OBJECTS];
    LARGE_INTEGER t;
    if (!count || count > MAXIMUM_WAIT_OBJECTS)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    for (DWORD i = 0; i < count; i++) h[i] = std_handle(handles[i]);
    /* NT's WAIT_TYPE: WaitAll 0, WaitAny 1 */
    NTSTATUS status = NtWaitForMultipleObjects(count, h, wait_all ? 0 : 1, alertable, get_timeout(&t, timeout));
    if (status == STATUS_USER_APC) __wlx_run_apcs();
    return wait_result(status);
}

DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD timeout)
{
    return WaitForMultipleObjectsEx(count, handles, wait_all, timeout, FALSE);
}

DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD timeout, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status = NtSignalAndWaitForSingleObject(signal, wait, alertable, get_timeout(&t, timeout));
    if (status == STATUS_USER_APC) __wlx_run_apcs();
    return wait_result(status);
}

/* --- condition variables, WaitOnAddress, InitOnce ------------------------ */

/* a timeout is FALSE with ERROR_TIMEOUT */
static BOOL timed_result(NTSTATUS status)
{
    if (status == STATUS_TIMEOUT) { SetLastError(ERROR_TIMEOUT); return FALSE; }
    return set_ntstatus(status);
}

BOOL WINAPI SleepConditionVariableCS(CONDITION_VARIABLE *cv, CRITICAL_SECTION *cs, DWORD timeout)
{
    LARGE_INTEGER t;
    return timed_result(RtlSleepConditionVariableCS(cv, cs, get_timeout(&t, timeout)));
}

BOOL WINAPI SleepConditionVariableSRW(CONDITION_VARIABLE *cv, SRWLOCK *lock, DWORD timeout, ULONG flags)
{
    LARGE_INTEGER t;
    return timed_result(RtlSleepConditionVariableSRW(cv, lock, get_timeout(&t, timeout), flags));
}

BOOL WINAPI WaitOnAddress(volatile void *addr, void *cmp, SIZE_T size, DWORD timeout)
{
    LARGE_INTEGER t;
    return timed_result(RtlWaitOnAddress(addr, cmp, size, get_timeout(&t, timeout)));
}

BOOL WINAPI InitOnceBeginInitialize(INIT_ONCE *once, DWORD flags, BOOL *pending, void **context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, flags, context);
    if (status != STATUS_SUCCESS && status != STATUS_PENDING) return set_ntstatus(status);
    *pending = status == STATUS_PENDING;
    return TRUE;
}

BOOL WINAPI InitOnceComplete(INIT_ONCE *once, DWORD flags, void *context)
{
    return set_ntstatus(RtlRunOnceComplete(once, flags, context));
}

BOOL WINAPI InitOnceExecuteOnce(INIT_ONCE *once, PINIT_ONCE_FN func, void *param, void **context)
{
    return !RtlRunOnceExecuteOnce(once, func, param, context);
}

/* --- synchronization barriers ------------------------------------------------
   In the caller's SYNCHRONIZATION_BARRIER: Reserved1 the thread count,
   Reserved2 how many have yet to arrive in this phase, Reserved3[0] the
   phase, which the waiters sleep on with WaitOnAddress. The last thread to
   arrive starts the next phase (the count back to full, then the phase
   bumped) and is the one told TRUE. Spinning is left to the futex. */

void NTAPI RtlWakeAddressAll(const void *);

BOOL WINAPI InitializeSynchronizationBarrier(SYNCHRONIZATION_BARRIER *b, LONG total, LONG spin)
{
    if (total < 1 || spin < -1) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memset(b, 0, sizeof(*b));
    b->Reserved1 = total;
    b->Reserved2 = total;
    b->Reserved4 = spin;
    return TRUE;
}

BOOL WINAPI EnterSynchronizationBarrier(SYNCHRONIZATION_BARRIER *b, DWORD flags)
{
    volatile ULONG_PTR *phase = &b->Reserved3[0];
    ULONG_PTR mine = *phase;
    (void)flags;
    if (!InterlockedDecrement((LONG *)&b->Reserved2))
    {
        b->Reserved2 = b->Reserved1;
        InterlockedIncrement64((LONG64 *)phase);
        RtlWakeAddressAll((const void *)phase);
        return TRUE;
    }
    while (*phase == mine) RtlWaitOnAddress(phase, &mine, sizeof(mine), NULL);
    return FALSE;
}

/* nothing to free; a barrier still in use is the caller's error */
BOOL WINAPI DeleteSynchronizationBarrier(SYNCHRONIZATION_BARRIER *b)
{
    (void)b;
    return TRUE;
}
