/*
 * tests/ntdll/keyedevent.c — keyed events: a wait on a key sleeps until
 * another thread releases that key, and a release sleeps until a thread
 * waits on it (each pairs with one of the other kind); keys are even
 * addresses; timeouts; the NULL handle is the process's keyed event.
 * wepoll, libzmq's epoll for Windows, builds its locks on one.
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

static NTSTATUS (WINAPI *pNtCreateKeyedEvent)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
static NTSTATUS (WINAPI *pNtWaitForKeyedEvent)(HANDLE, const void *, BOOLEAN, const LARGE_INTEGER *);
static NTSTATUS (WINAPI *pNtReleaseKeyedEvent)(HANDLE, const void *, BOOLEAN, const LARGE_INTEGER *);

static HANDLE keyed;
static volatile LONG stage;

static DWORD WINAPI waiter(void *key)
{
    NTSTATUS status;
    InterlockedExchange(&stage, 1);
    status = pNtWaitForKeyedEvent(keyed, key, FALSE, NULL);
    InterlockedExchange(&stage, 2);
    return status;
}

static DWORD WINAPI releaser(void *key)
{
    NTSTATUS status;
    InterlockedExchange(&stage, 1);
    status = pNtReleaseKeyedEvent(keyed, key, FALSE, NULL);
    InterlockedExchange(&stage, 2);
    return status;
}

static DWORD WINAPI null_waiter(void *key)
{
    return pNtWaitForKeyedEvent(NULL, key, FALSE, NULL);
}

int main(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    LARGE_INTEGER zero = { .QuadPart = 0 }, short_time = { .QuadPart = -200000 }; /* 20 ms */
    static char keys[8];
    HANDLE thread;
    DWORD code;
    NTSTATUS status;

    test_start("ntdll:keyedevent");
    pNtCreateKeyedEvent = (void *)GetProcAddress(ntdll, "NtCreateKeyedEvent");
    pNtWaitForKeyedEvent = (void *)GetProcAddress(ntdll, "NtWaitForKeyedEvent");
    pNtReleaseKeyedEvent = (void *)GetProcAddress(ntdll, "NtReleaseKeyedEvent");
    if (!pNtCreateKeyedEvent || !pNtWaitForKeyedEvent || !pNtReleaseKeyedEvent)
    {
        skip("no keyed events\n");
        return test_summary();
    }

    status = pNtCreateKeyedEvent(&keyed, 0x000f0003 /* KEYEDEVENT_ALL_ACCESS */, NULL, 0);
    ok(!status && keyed, "NtCreateKeyedEvent: %#lx\n", status);

    /* nobody on the other side: both time out */
    status = pNtWaitForKeyedEvent(keyed, &keys[0], FALSE, &zero);
    ok(status == STATUS_TIMEOUT, "wait with nobody releasing: %#lx\n", status);
    status = pNtReleaseKeyedEvent(keyed, &keys[0], FALSE, &short_time);
    ok(status == STATUS_TIMEOUT, "release with nobody waiting: %#lx\n", status);
    status = pNtWaitForKeyedEvent(keyed, &keys[1], FALSE, &zero);
    ok(status == STATUS_INVALID_PARAMETER_1, "an odd key: %#lx\n", status);

    /* a waiter is woken by a release of its key, not of another */
    stage = 0;
    thread = CreateThread(NULL, 0, waiter, &keys[2], 0, NULL);
    while (!stage) Sleep(1);
    status = pNtReleaseKeyedEvent(keyed, &keys[4], FALSE, &short_time);
    ok(status == STATUS_TIMEOUT, "a release of another key pairs with nobody: %#lx\n", status);
    status = pNtReleaseKeyedEvent(keyed, &keys[2], FALSE, NULL);
    ok(!status, "the release of its key: %#lx\n", status);
    WaitForSingleObject(thread, INFINITE);
    GetExitCodeThread(thread, &code);
    ok(code == STATUS_SUCCESS && stage == 2, "the waiter woke: %#lx\n", code);
    CloseHandle(thread);

    /* a releaser sleeps until a thread waits on the key */
    stage = 0;
    thread = CreateThread(NULL, 0, releaser, &keys[6], 0, NULL);
    while (!stage) Sleep(1);
    status = pNtWaitForKeyedEvent(keyed, &keys[6], FALSE, NULL);
    ok(!status, "the wait that pairs with the release: %#lx\n", status);
    WaitForSingleObject(thread, INFINITE);
    GetExitCodeThread(thread, &code);
    ok(code == STATUS_SUCCESS, "the releaser woke: %#lx\n", code);
    CloseHandle(thread);
    CloseHandle(keyed);

    /* the NULL handle: the process's keyed event */
    thread = CreateThread(NULL, 0, null_waiter, &keys[2], 0, NULL);
    do status = pNtReleaseKeyedEvent(NULL, &keys[2], FALSE, &short_time);
    while (status == STATUS_TIMEOUT);
    ok(!status, "release on the NULL handle: %#lx\n", status);
    WaitForSingleObject(thread, INFINITE);
    GetExitCodeThread(thread, &code);
    ok(code == STATUS_SUCCESS, "the waiter on the NULL handle woke: %#lx\n", code);
    CloseHandle(thread);
    return test_summary();
}
