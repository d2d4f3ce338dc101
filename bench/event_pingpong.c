/*
 * bench/event_pingpong.c — two threads hand a turn back and forth with two
 * auto-reset events (SetEvent + WaitForSingleObject); the time is per round
 * trip. Native twin: the same with a pthread mutex + condition variable.
 */
#define BENCH_REPS 3
#include "bench.h"
#ifndef _WIN32
#include <pthread.h>
#endif

#define ITERATIONS 10000

#ifdef _WIN32
static HANDLE ping, pong;
static volatile LONG rounds;

static DWORD WINAPI partner(void *arg)
{
    (void)arg;
    for (;;)
    {
        WaitForSingleObject(ping, INFINITE);
        if (rounds < 0) return 0;
        SetEvent(pong);
    }
}

static int pingpong_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        SetEvent(ping);
        if (WaitForSingleObject(pong, INFINITE) != WAIT_OBJECT_0) return bench_fail("WaitForSingleObject", 1);
    }
    return 0;
}

static int bench_main(void)
{
    ping = CreateEventW(NULL, FALSE, FALSE, NULL);
    pong = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE thread = CreateThread(NULL, 0, partner, NULL, 0, NULL);
    if (!ping || !pong || !thread) return bench_fail("CreateEventW/CreateThread", 1);
    int r = bench_report("event_pingpong", ITERATIONS, pingpong_loop);
    rounds = -1;
    SetEvent(ping);
    WaitForSingleObject(thread, INFINITE);
    return r;
}
#else
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn;   /* 0 main's, 1 partner's, -1 stop */

static void *partner(void *arg)
{
    pthread_mutex_lock(&mutex);
    for (;;)
    {
        while (turn == 0) pthread_cond_wait(&cond, &mutex);
        if (turn < 0) break;
        turn = 0;
        pthread_cond_broadcast(&cond);
    }
    pthread_mutex_unlock(&mutex);
    return arg;
}

static int pingpong_loop(bench_u64 n)
{
    pthread_mutex_lock(&mutex);
    for (bench_u64 i = 0; i < n; i++)
    {
        turn = 1;
        pthread_cond_broadcast(&cond);
        while (turn == 1) pthread_cond_wait(&cond, &mutex);
    }
    pthread_mutex_unlock(&mutex);
    return 0;
}

static int bench_main(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, partner, NULL)) return bench_fail("pthread_create", 1);
    int r = bench_report("event_pingpong", ITERATIONS, pingpong_loop);
    pthread_mutex_lock(&mutex);
    turn = -1;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&mutex);
    pthread_join(thread, NULL);
    return r;
}
#endif
