/*
 * bench/event_create.c — CreateEventW + CloseHandle of an unnamed event
 * (native twin: close(eventfd(0, 0))).
 */
#include "bench.h"
#ifndef _WIN32
#include <sys/eventfd.h>
#endif

#define ITERATIONS 200000

static int create_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
#ifdef _WIN32
        HANDLE event = CreateEventW(NULL, FALSE, FALSE, NULL);
        if (!event) return bench_fail("CreateEventW", 1);
        CloseHandle(event);
#else
        int fd = eventfd(0, 0);
        if (fd < 0) return bench_fail("eventfd", 1);
        close(fd);
#endif
    }
    return 0;
}

static int bench_main(void)
{
    return bench_report("event_create", ITERATIONS, create_loop);
}
