/*
 * tests/kernel32/memnotify.c — memory resource notifications: a handle per
 * condition (low or high available memory) that can be waited on and
 * queried; its state is the condition now, so the two are never both
 * signaled, and a machine with plenty of free memory (more than 1 GB
 * available) is not low on it and is high on it.
 */
#include "test.h"

int main(void)
{
    HANDLE low, high;
    BOOL low_state = -1, high_state = -1;
    MEMORYSTATUSEX ms = { sizeof(ms) };

    test_start("kernel32:memnotify");
    low = CreateMemoryResourceNotification(LowMemoryResourceNotification);
    high = CreateMemoryResourceNotification(HighMemoryResourceNotification);
    ok(low != NULL && high != NULL, "CreateMemoryResourceNotification: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CreateMemoryResourceNotification(5) && GetLastError() == ERROR_INVALID_PARAMETER,
       "an unknown notification type: error %lu\n", GetLastError());
    ok(QueryMemoryResourceNotification(low, &low_state), "query low: %lu\n", GetLastError());
    ok(QueryMemoryResourceNotification(high, &high_state), "query high: %lu\n", GetLastError());
    ok((low_state == TRUE || low_state == FALSE) && (high_state == TRUE || high_state == FALSE), "states %d %d\n",
       low_state, high_state);
    ok(!(low_state && high_state), "both low and high\n");
    /* the waits say what the queries said */
    ok((WaitForSingleObject(low, 0) == WAIT_OBJECT_0) == low_state, "the low handle's wait\n");
    ok((WaitForSingleObject(high, 0) == WAIT_OBJECT_0) == high_state, "the high handle's wait\n");
    GlobalMemoryStatusEx(&ms);
    if (ms.ullAvailPhys > ((ULONGLONG)1 << 30))
    {
        ok(!low_state, "low on memory with %I64u MB available\n", ms.ullAvailPhys >> 20);
        /* high is above three times the low level (at most 3 x 64 MB);
           Wine 8 never reports it */
        todo_wine(high_state, "not high on memory with %I64u MB available\n", ms.ullAvailPhys >> 20);
    }
    else skip("only %I64u MB of memory available\n", ms.ullAvailPhys >> 20);
    CloseHandle(low);
    CloseHandle(high);
    return test_summary();
}
