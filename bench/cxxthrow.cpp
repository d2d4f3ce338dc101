/*
 * bench/cxxthrow.cpp — a C++ throw caught 10 frames up, each frame with a
 * local whose destructor runs during the unwind. One source, three builds
 * (Makefile.in): mingw-w64 g++ (libstdc++'s SEH-based unwinder),
 * clang for the MSVC ABI (vcruntime140's __CxxFrameHandler3, when clang
 * and lld-link are there) and the native twin (g++ for Linux).
 */
#define BENCH_REPS 3
#include "bench.h"

#define ITERATIONS 20000
#define DEPTH 10

static volatile int destroyed;

struct Guard
{
    ~Guard() { destroyed = destroyed + 1; }
};

__attribute__((noinline)) static void level(int n)
{
    Guard g;
    if (n <= 1) throw n;
    level(n - 1);
}

static int loop(bench_u64 n)
{
    int caught = 0;
    for (bench_u64 i = 0; i < n; i++)
    {
        try { level(DEPTH); }
        catch (int v) { caught += v; }
    }
    return caught == (int)n && destroyed >= (int)(n * DEPTH) ? 0 : 1;
}

static int bench_main(void)
{
    destroyed = 0;
    return bench_report("cxxthrow", ITERATIONS, loop);
}

#if defined(_WIN32) && !defined(_MSC_VER)
/* the mingw build has libstdc++ and so the CRT: its start-up calls main */
int main(void)
{
    return bench_main();
}
#endif
