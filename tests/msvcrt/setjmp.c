/*
 * tests/msvcrt/setjmp.c — setjmp/longjmp of msvcrt.dll on x64: jumps
 * across several frames, longjmp(buf, 0) arriving as 1, volatile locals
 * keeping their last value, and a jmp_buf reused for several jumps.
 *
 * mingw's setjmp() macro calls msvcrt's _setjmp with the caller's frame
 * address, so longjmp unwinds the frames in between the Windows way
 * (RtlUnwindEx), which is what this test exercises under wlx.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <setjmp.h>

static jmp_buf env;
static int depth_reached;

static void __attribute__((noinline)) dive(int depth, int value)
{
    volatile char pad[64];    /* give every frame some stack */

    pad[0] = (char)depth;
    depth_reached = pad[0];
    if (depth == 10) longjmp(env, value);
    if (depth < 10) dive(depth + 1, value);
}

static void test_across_frames(void)
{
    volatile int before = 1;
    int r;

    r = setjmp(env);
    if (r == 0)
    {
        before = 2;   /* changed after setjmp: volatile keeps the new value */
        dive(0, 1234);
        ok(0, "dive returned\n");
        return;
    }
    ok(r == 1234, "setjmp returned %d\n", r);
    ok(depth_reached == 10, "depth %d\n", depth_reached);
    ok(before == 2, "volatile local: %d\n", before);
}

static void test_zero_value(void)
{
    int r = setjmp(env);

    if (r == 0) longjmp(env, 0);
    ok(r == 1, "longjmp(env, 0) made setjmp return %d\n", r);
}

static void test_reuse(void)
{
    volatile int count = 0;
    int r = setjmp(env);

    count++;
    if (r < 5) dive(0, r + 1);
    ok(r == 5 && count == 6, "reuse: r %d count %d\n", r, count);
}

/* a jump out of a callback called by the CRT itself */
static jmp_buf cmp_env;
static int __cdecl cmp_and_escape(const void *a, const void *b)
{
    longjmp(cmp_env, 7);
    return 0;
}

static void test_out_of_crt(void)
{
    int v[4] = { 4, 3, 2, 1 };
    int r = setjmp(cmp_env);

    if (r == 0)
    {
        qsort(v, 4, sizeof(int), cmp_and_escape);
        ok(0, "qsort returned\n");
        return;
    }
    ok(r == 7, "longjmp out of qsort's callback: %d\n", r);
}

int main(int argc, char **argv)
{
    test_start("msvcrt:setjmp");
    test_across_frames();
    test_zero_value();
    test_reuse();
    test_out_of_crt();
    return test_summary();
}
