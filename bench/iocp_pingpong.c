/*
 * bench/iocp_pingpong.c — two threads hand a turn back and forth through two
 * I/O completion ports (PostQueuedCompletionStatus + GetQueuedCompletionStatus);
 * the time is per round trip. Native twin: the same with two eventfds
 * (write + blocking read), the Linux primitive closest to a port's queue.
 */
#define BENCH_REPS 3
#include "bench.h"
#ifndef _WIN32
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#endif

#define ITERATIONS 10000

#ifdef _WIN32
static HANDLE ping, pong;

static DWORD WINAPI partner(void *arg)
{
    (void)arg;
    for (;;)
    {
        DWORD bytes;
        ULONG_PTR key;
        OVERLAPPED *ov;
        if (!GetQueuedCompletionStatus(ping, &bytes, &key, &ov, INFINITE) || !key) return 0;
        PostQueuedCompletionStatus(pong, 0, 1, NULL);
    }
}

static int pingpong_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        DWORD bytes;
        ULONG_PTR key;
        OVERLAPPED *ov;
        PostQueuedCompletionStatus(ping, 0, 1, NULL);
        if (!GetQueuedCompletionStatus(pong, &bytes, &key, &ov, INFINITE))
            return bench_fail("GetQueuedCompletionStatus", 1);
    }
    return 0;
}

static int bench_main(void)
{
    ping = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    pong = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    HANDLE thread = CreateThread(NULL, 0, partner, NULL, 0, NULL);
    if (!ping || !pong || !thread) return bench_fail("CreateIoCompletionPort/CreateThread", 1);
    int r = bench_report("iocp_pingpong", ITERATIONS, pingpong_loop);
    PostQueuedCompletionStatus(ping, 0, 0, NULL);   /* key 0: stop */
    WaitForSingleObject(thread, INFINITE);
    return r;
}
#else
static int ping, pong;

static void *partner(void *arg)
{
    uint64_t v;
    for (;;)
    {
        if (read(ping, &v, sizeof(v)) != sizeof(v) || v >= 1000000) return arg;   /* the big value: stop */
        v = 1;
        if (write(pong, &v, sizeof(v)) != sizeof(v)) return arg;
    }
}

static int pingpong_loop(bench_u64 n)
{
    uint64_t v;
    for (bench_u64 i = 0; i < n; i++)
    {
        v = 1;
        if (write(ping, &v, sizeof(v)) != sizeof(v) || read(pong, &v, sizeof(v)) != sizeof(v))
            return bench_fail("eventfd", 1);
    }
    return 0;
}

static int bench_main(void)
{
    pthread_t thread;
    uint64_t stop = 1000000;
    ping = eventfd(0, 0);
    pong = eventfd(0, 0);
    if (ping < 0 || pong < 0 || pthread_create(&thread, NULL, partner, NULL)) return bench_fail("eventfd/pthread_create", 1);
    int r = bench_report("iocp_pingpong", ITERATIONS, pingpong_loop);
    if (write(ping, &stop, sizeof(stop)) != sizeof(stop)) return 1;
    pthread_join(thread, NULL);
    return r;
}
#endif
