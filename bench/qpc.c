/*
 * bench/qpc.c — reading the clock: QueryPerformanceCounter (native twin:
 * clock_gettime(CLOCK_MONOTONIC), which the vDSO answers without a system
 * call — QueryPerformanceCounter should not need one either).
 */
#include "bench.h"

#define ITERATIONS 2000000

static volatile bench_u64 sink;

static int qpc_loop(bench_u64 n)
{
    bench_u64 sum = 0;

    for (bench_u64 i = 0; i < n; i++)
    {
#ifdef _WIN32
        LARGE_INTEGER now;
        QueryPerformanceCounter(&now);
        sum += (bench_u64)now.QuadPart;
#else
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        sum += (bench_u64)now.tv_nsec;
#endif
    }
    sink = sum;   /* keep the calls' results alive */
    return 0;
}

static int bench_main(void)
{
    return bench_report("qpc", ITERATIONS, qpc_loop);
}
