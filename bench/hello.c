/*
 * bench/hello.c — process start: prints one line and exits. run.sh times the
 * whole command from outside (native, under wlx warm/cold/fresh prefix, under
 * Wine), so this program does no timing of its own.
 */
#include "bench.h"

static int bench_main(void)
{
    bench_write("hello\n", 6);
    return 0;
}
