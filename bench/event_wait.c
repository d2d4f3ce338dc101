/*
 * bench/event_wait.c — WaitForSingleObject on a signaled manual-reset event
 * (native twin: pthread_mutex_trylock + unlock, the cheapest native "is it
 * available" check). Measures the fast path: one door crossing, no lock.
 */
#include "bench.h"
#ifndef _WIN32
#include <pthread.h>
#endif

#define ITERATIONS 200000

#ifdef _WIN32
static HANDLE event;

static int wait_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
        if (WaitForSingleObject(event, INFINITE) != WAIT_OBJECT_0) return bench_fail("WaitForSingleObject", 1);
    return 0;
}

static int bench_main(void)
{
    event = CreateEventW(NULL, TRUE, TRUE, NULL);
    if (!event) return bench_fail("CreateEventW", 1);
    return bench_report("event_wait", ITERATIONS, wait_loop);
}
#else
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;

static int wait_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        if (pthread_mutex_trylock(&mutex)) return bench_fail("pthread_mutex_trylock", 1);
        pthread_mutex_unlock(&mutex);
    }
    return 0;
}

static int bench_main(void)
{
    return bench_report("event_wait", ITERATIONS, wait_loop);
}
#endif
