/*
 * bench/bench.h — the harness shared by the benchmark programs: a clock,
 * output, best-of-N timing and the entry point, each in a Windows branch
 * (kernel32 only: no CRT, so the numbers measure kernel32/ntdll and the
 * programs run wherever kernel32 does) and a POSIX branch (the native twin).
 *
 * A benchmark defines   static int bench_main(void)   and calls
 * bench_report(name, iterations, loop), which runs loop(iterations)
 * BENCH_REPS (default 5) times and prints the best as one line: "<name> <ns per op>".
 */
#ifndef WLX_BENCH_H
#define WLX_BENCH_H

#ifndef BENCH_REPS    /* a slow benchmark may ask for fewer */
#define BENCH_REPS 5
#endif

typedef unsigned long long bench_u64;

static int bench_main(void);

#ifdef _WIN32
#include <windows.h>

static void bench_write(const char *s, unsigned int len)
{
    DWORD done;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, len, &done, NULL);
}

static bench_u64 bench_now_ns(void)
{
    static LARGE_INTEGER freq;
    LARGE_INTEGER now;

    if (!freq.QuadPart) QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&now);
    /* seconds and remainder apart: ticks * 1e9 alone overflows after ~30 min */
    return (bench_u64)(now.QuadPart / freq.QuadPart) * 1000000000ull
         + (bench_u64)(now.QuadPart % freq.QuadPart) * 1000000000ull / (bench_u64)freq.QuadPart;
}

/* No CRT: the image's entry point is this (-Wl,-e,start). Windows enters it
 * with rsp 8 mod 16 like any call, but say so to gcc anyway: some loaders
 * (and our own while young) might not. */
__attribute__((force_align_arg_pointer)) void start(void)
{
    ExitProcess(bench_main());
}

#else /* POSIX twin */
#include <time.h>
#include <unistd.h>

static void bench_write(const char *s, unsigned int len)
{
    if (write(1, s, len) < 0) _exit(3);
}

static bench_u64 bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (bench_u64)ts.tv_sec * 1000000000ull + (bench_u64)ts.tv_nsec;
}

int main(void)
{
    return bench_main();
}
#endif

/* Our own formatting, the same on both sides (no printf on the Windows one). */
static unsigned int bench_format_u64(char *out, bench_u64 v)
{
    char tmp[24];
    unsigned int n = 0, len = 0;

    do tmp[n++] = (char)('0' + v % 10); while ((v /= 10));
    while (n) out[len++] = tmp[--n];
    return len;
}

static unsigned int bench_strlen(const char *s)
{
    unsigned int n = 0;
    while (s[n]) n++;
    return n;
}

/* "<name> <ns>.<hundredths>\n" */
static void bench_print(const char *name, bench_u64 total_ns, bench_u64 iterations)
{
    char line[128];
    bench_u64 centi = (total_ns * 100 + iterations / 2) / iterations;
    unsigned int len = bench_strlen(name);

    for (unsigned int i = 0; i < len && i < 64; i++) line[i] = name[i];
    if (len > 64) len = 64;
    line[len++] = ' ';
    len += bench_format_u64(line + len, centi / 100);
    line[len++] = '.';
    line[len++] = (char)('0' + centi / 10 % 10);
    line[len++] = (char)('0' + centi % 10);
    line[len++] = '\n';
    bench_write(line, len);
}

/* Runs loop(iterations) BENCH_REPS times and prints the fastest: the machine
 * is shared, and the minimum is the run least disturbed by others. A loop
 * returns 0, or non-zero when an API call failed (then nothing is printed
 * and the program exits with that value). */
static int bench_report(const char *name, bench_u64 iterations, int (*loop)(bench_u64))
{
    bench_u64 best = ~0ull;

    for (int rep = 0; rep < BENCH_REPS; rep++)
    {
        bench_u64 t0 = bench_now_ns();
        int err = loop(iterations);
        bench_u64 t1 = bench_now_ns();

        if (err) return err;
        if (t1 - t0 < best) best = t1 - t0;
    }
    bench_print(name, best, iterations);
    return 0;
}

/* A failure message on stdout, so the runner's log shows why a run gave no
 * number. */
static int bench_fail(const char *what, int code)
{
    bench_write("failed: ", 8);
    bench_write(what, bench_strlen(what));
    bench_write("\n", 1);
    return code;
}

#endif
