/*
 * bench/thread.c — thread start and end: CreateThread of a thread that
 * returns at once, WaitForSingleObject on it, CloseHandle (native twin:
 * pthread_create + pthread_join). Default stack size on both sides.
 */
/* 3 repetitions: under Wine a thread costs ~1.5 ms on the test machine */
#define BENCH_REPS 3
#include "bench.h"
#ifndef _WIN32
#include <pthread.h>
#endif

#define ITERATIONS 2000

#ifdef _WIN32
static DWORD WINAPI thread_proc(void *arg)
{
    (void)arg;
    return 0;
}

static int thread_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        HANDLE thread = CreateThread(NULL, 0, thread_proc, NULL, 0, NULL);
        if (!thread) return bench_fail("CreateThread", 1);
        if (WaitForSingleObject(thread, INFINITE) != WAIT_OBJECT_0) return bench_fail("WaitForSingleObject", 1);
        CloseHandle(thread);
    }
    return 0;
}
#else
static void *thread_proc(void *arg)
{
    return arg;
}

static int thread_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        pthread_t thread;
        if (pthread_create(&thread, NULL, thread_proc, NULL)) return bench_fail("pthread_create", 1);
        if (pthread_join(thread, NULL)) return bench_fail("pthread_join", 1);
    }
    return 0;
}
#endif

static int bench_main(void)
{
    return bench_report("thread", ITERATIONS, thread_loop);
}
