/*
 * tests/kernel32/syncaccess.c — the access a handle to an event, mutex,
 * semaphore or waitable timer was opened (or duplicated) with is what it
 * may do: waiting takes SYNCHRONIZE, SetEvent/ResetEvent/PulseEvent,
 * ReleaseSemaphore and SetWaitableTimer/CancelWaitableTimer take the type's
 * MODIFY_STATE right, ReleaseMutex takes none; the generic rights and
 * MAXIMUM_ALLOWED are mapped as each type's generic mapping says, and the
 * granted access NtQueryObject reports is the mapped one.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

#ifndef EVENT_QUERY_STATE
#define EVENT_QUERY_STATE 0x0001
#endif
#ifndef SEMAPHORE_QUERY_STATE
#define SEMAPHORE_QUERY_STATE 0x0001
#endif

static ACCESS_MASK granted(HANDLE h)
{
    PUBLIC_OBJECT_BASIC_INFORMATION info;
    ULONG len = 0;
    if (NtQueryObject(h, ObjectBasicInformation, &info, sizeof(info), &len)) return 0xdeadbeef;
    return info.GrantedAccess;
}

/* the call failed with ERROR_ACCESS_DENIED */
static int denied(BOOL ret)
{
    return !ret && GetLastError() == ERROR_ACCESS_DENIED;
}

static int wait_denied(HANDLE h)
{
    SetLastError(0xdeadbeef);
    return WaitForSingleObject(h, 0) == WAIT_FAILED && GetLastError() == ERROR_ACCESS_DENIED;
}

static void name_of(WCHAR *buf, const WCHAR *what)
{
    wsprintfW(buf, L"wlx-syncaccess-%lu-%s", GetCurrentProcessId(), what);
}

static void test_event(void)
{
    WCHAR name[64];
    HANDLE ev, h, dup;
    name_of(name, L"event");
    ev = CreateEventW(NULL, TRUE, FALSE, name);
    ok(ev != NULL, "CreateEvent: %lu\n", GetLastError());
    ok(granted(ev) == EVENT_ALL_ACCESS, "CreateEvent's access %#lx\n", granted(ev));

    h = OpenEventW(SYNCHRONIZE, FALSE, name);
    ok(h != NULL, "OpenEvent(SYNCHRONIZE): %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(SetEvent(h)), "SetEvent without EVENT_MODIFY_STATE: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(ResetEvent(h)), "ResetEvent without EVENT_MODIFY_STATE: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(PulseEvent(h)), "PulseEvent without EVENT_MODIFY_STATE: error %lu\n", GetLastError());
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "a wait with SYNCHRONIZE\n");
    ok(SetEvent(ev), "SetEvent through the full handle\n");
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "set, seen through the SYNCHRONIZE handle\n");
    CloseHandle(h);

    h = OpenEventW(EVENT_MODIFY_STATE, FALSE, name);
    ok(h != NULL, "OpenEvent(EVENT_MODIFY_STATE): %lu\n", GetLastError());
    ok(wait_denied(h), "a wait without SYNCHRONIZE: error %lu\n", GetLastError());
    ok(ResetEvent(h), "ResetEvent with EVENT_MODIFY_STATE: %lu\n", GetLastError());
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "reset\n");
    {
        HANDLE both[2] = { ev, h };
        SetLastError(0xdeadbeef);
        ok(WaitForMultipleObjects(2, both, FALSE, 0) == WAIT_FAILED && GetLastError() == ERROR_ACCESS_DENIED,
           "WaitForMultipleObjects with one handle that may not wait: error %lu\n", GetLastError());
    }
    CloseHandle(h);

    /* generic rights, mapped: read is query, write is modify, execute is synchronize */
    h = OpenEventW(GENERIC_READ, FALSE, name);
    ok(h && granted(h) == (STANDARD_RIGHTS_READ | EVENT_QUERY_STATE), "GENERIC_READ: %#lx\n", granted(h));
    ok(wait_denied(h), "a wait with GENERIC_READ: error %lu\n", GetLastError());
    CloseHandle(h);
    h = OpenEventW(GENERIC_WRITE, FALSE, name);
    ok(h && granted(h) == (STANDARD_RIGHTS_WRITE | EVENT_MODIFY_STATE), "GENERIC_WRITE: %#lx\n", granted(h));
    ok(SetEvent(h) && ResetEvent(h), "SetEvent with GENERIC_WRITE: %lu\n", GetLastError());
    CloseHandle(h);
    h = OpenEventW(GENERIC_EXECUTE, FALSE, name);
    ok(h && granted(h) == (STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE), "GENERIC_EXECUTE: %#lx\n", granted(h));
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "a wait with GENERIC_EXECUTE\n");
    SetLastError(0xdeadbeef);
    ok(denied(SetEvent(h)), "SetEvent with GENERIC_EXECUTE: error %lu\n", GetLastError());
    CloseHandle(h);
    h = OpenEventW(GENERIC_ALL, FALSE, name);
    ok(h && granted(h) == EVENT_ALL_ACCESS, "GENERIC_ALL: %#lx\n", granted(h));
    CloseHandle(h);
    h = OpenEventW(MAXIMUM_ALLOWED, FALSE, name);
    ok(h && granted(h) == EVENT_ALL_ACCESS, "MAXIMUM_ALLOWED: %#lx\n", granted(h));
    ok(SetEvent(h) && WaitForSingleObject(h, 0) == WAIT_OBJECT_0 && ResetEvent(h), "MAXIMUM_ALLOWED may do all\n");
    CloseHandle(h);

    /* a duplicate with less access has only that */
    ok(DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &dup, SYNCHRONIZE, FALSE, 0),
       "DuplicateHandle: %lu\n", GetLastError());
    ok(granted(dup) == SYNCHRONIZE, "the duplicate's access %#lx\n", granted(dup));
    SetLastError(0xdeadbeef);
    ok(denied(SetEvent(dup)), "SetEvent through a SYNCHRONIZE duplicate: error %lu\n", GetLastError());
    /* SignalObjectAndWait signals an event only with EVENT_MODIFY_STATE */
    SetLastError(0xdeadbeef);
    ok(SignalObjectAndWait(dup, ev, 0, FALSE) == WAIT_FAILED && GetLastError() == ERROR_ACCESS_DENIED,
       "SignalObjectAndWait of a SYNCHRONIZE handle: error %lu\n", GetLastError());
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "the event was set anyway\n");
    CloseHandle(dup);

    /* the access given to an unnamed event's creator */
    h = CreateEventExW(NULL, NULL, CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET, EVENT_MODIFY_STATE);
    ok(h != NULL, "CreateEventEx(EVENT_MODIFY_STATE): %lu\n", GetLastError());
    ok(wait_denied(h), "a wait on a handle created without SYNCHRONIZE: error %lu\n", GetLastError());
    CloseHandle(h);
    CloseHandle(ev);
}

static void test_semaphore(void)
{
    WCHAR name[64];
    HANDLE sem, h;
    LONG prev = -1;
    name_of(name, L"semaphore");
    sem = CreateSemaphoreW(NULL, 0, 5, name);
    ok(sem != NULL, "CreateSemaphore: %lu\n", GetLastError());
    ok(granted(sem) == SEMAPHORE_ALL_ACCESS, "CreateSemaphore's access %#lx\n", granted(sem));
    h = OpenSemaphoreW(SYNCHRONIZE, FALSE, name);
    ok(h != NULL, "OpenSemaphore(SYNCHRONIZE): %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(ReleaseSemaphore(h, 1, NULL)), "ReleaseSemaphore without SEMAPHORE_MODIFY_STATE: error %lu\n",
       GetLastError());
    CloseHandle(h);
    h = OpenSemaphoreW(SEMAPHORE_MODIFY_STATE, FALSE, name);
    ok(h != NULL, "OpenSemaphore(SEMAPHORE_MODIFY_STATE): %lu\n", GetLastError());
    ok(ReleaseSemaphore(h, 2, &prev) && prev == 0, "ReleaseSemaphore: %lu, previous %ld\n", GetLastError(), prev);
    ok(wait_denied(h), "a wait without SYNCHRONIZE: error %lu\n", GetLastError());
    ok(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0, "the count came through the other handle\n");
    CloseHandle(h);
    h = OpenSemaphoreW(GENERIC_READ, FALSE, name);
    ok(h && granted(h) == (STANDARD_RIGHTS_READ | SEMAPHORE_QUERY_STATE), "GENERIC_READ: %#lx\n", granted(h));
    CloseHandle(h);
    CloseHandle(sem);
}

static void test_mutex(void)
{
    WCHAR name[64];
    HANDLE mx, h;
    name_of(name, L"mutex");
    mx = CreateMutexW(NULL, FALSE, name);
    ok(mx != NULL, "CreateMutex: %lu\n", GetLastError());
    ok(granted(mx) == MUTEX_ALL_ACCESS, "CreateMutex's access %#lx\n", granted(mx));
    /* waiting takes SYNCHRONIZE; releasing what this thread owns takes no right */
    h = OpenMutexW(SYNCHRONIZE, FALSE, name);
    ok(h != NULL, "OpenMutex(SYNCHRONIZE): %lu\n", GetLastError());
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "a wait with SYNCHRONIZE\n");
    ok(ReleaseMutex(h), "ReleaseMutex through a SYNCHRONIZE handle: %lu\n", GetLastError());
    CloseHandle(h);
    h = OpenMutexW(MUTEX_MODIFY_STATE, FALSE, name);
    ok(h != NULL, "OpenMutex(MUTEX_MODIFY_STATE): %lu\n", GetLastError());
    ok(wait_denied(h), "a wait without SYNCHRONIZE: error %lu\n", GetLastError());
    CloseHandle(h);
    h = OpenMutexW(GENERIC_READ, FALSE, name);
    ok(h && granted(h) == (STANDARD_RIGHTS_READ | MUTANT_QUERY_STATE), "GENERIC_READ: %#lx\n", granted(h));
    CloseHandle(h);
    h = OpenMutexW(GENERIC_ALL, FALSE, name);
    ok(h && granted(h) == MUTEX_ALL_ACCESS, "GENERIC_ALL: %#lx\n", granted(h));
    CloseHandle(h);
    CloseHandle(mx);
}

static void test_timer(void)
{
    WCHAR name[64];
    HANDLE timer, h;
    LARGE_INTEGER due;
    due.QuadPart = -10000000;   /* 1 s from now: never reached here */
    name_of(name, L"timer");
    timer = CreateWaitableTimerW(NULL, TRUE, name);
    ok(timer != NULL, "CreateWaitableTimer: %lu\n", GetLastError());
    ok(granted(timer) == TIMER_ALL_ACCESS, "CreateWaitableTimer's access %#lx\n", granted(timer));
    h = OpenWaitableTimerW(SYNCHRONIZE, FALSE, name);
    ok(h != NULL, "OpenWaitableTimer(SYNCHRONIZE): %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(SetWaitableTimer(h, &due, 0, NULL, NULL, FALSE)), "SetWaitableTimer without TIMER_MODIFY_STATE: %lu\n",
       GetLastError());
    SetLastError(0xdeadbeef);
    ok(denied(CancelWaitableTimer(h)), "CancelWaitableTimer without TIMER_MODIFY_STATE: %lu\n", GetLastError());
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "a wait with SYNCHRONIZE\n");
    CloseHandle(h);
    h = OpenWaitableTimerW(TIMER_MODIFY_STATE, FALSE, name);
    ok(h != NULL, "OpenWaitableTimer(TIMER_MODIFY_STATE): %lu\n", GetLastError());
    ok(SetWaitableTimer(h, &due, 0, NULL, NULL, FALSE) && CancelWaitableTimer(h), "SetWaitableTimer: %lu\n",
       GetLastError());
    ok(wait_denied(h), "a wait without SYNCHRONIZE: error %lu\n", GetLastError());
    CloseHandle(h);
    CloseHandle(timer);
}

int main(void)
{
    test_start("kernel32:syncaccess");
    test_event();
    test_semaphore();
    test_mutex();
    test_timer();
    return test_summary();
}
