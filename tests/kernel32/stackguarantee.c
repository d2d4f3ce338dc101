/* tests/kernel32/stackguarantee.c — SetThreadStackGuarantee: the stack a
   thread keeps for its overflow handler; it reports the previous value,
   grows in pages and never shrinks. Rust programs call it in every thread. */
#include <windows.h>
#include "test.h"

static void check_guarantee(const char *where)
{
    ULONG size = 0, first;

    ok(SetThreadStackGuarantee(&size), "%s: query failed %lu\n", where, GetLastError());
    first = size;
    size = 0x5000;
    ok(SetThreadStackGuarantee(&size), "%s: setting 0x5000 failed %lu\n", where, GetLastError());
    ok(size == first, "%s: previous %#lx, want %#lx\n", where, size, first);
    size = 0;
    ok(SetThreadStackGuarantee(&size) && size >= 0x5000, "%s: now %#lx\n", where, size);
    /* a smaller value leaves it as it is */
    size = 0x1000;
    ok(SetThreadStackGuarantee(&size) && size >= 0x5000, "%s: previous %#lx\n", where, size);
    size = 0;
    ok(SetThreadStackGuarantee(&size) && size >= 0x5000, "%s: shrank to %#lx\n", where, size);
    /* not more than the stack */
    size = 0x40000000;
    SetLastError(0xdeadbeef);
    ok(!SetThreadStackGuarantee(&size), "%s: a 1 GiB guarantee was accepted\n", where);
}

static DWORD WINAPI thread(void *arg)
{
    (void)arg;
    check_guarantee("thread");
    return 0;
}

int main(void)
{
    HANDLE t;
    check_guarantee("main");
    t = CreateThread(NULL, 64 * 1024, thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    return test_summary();
}
