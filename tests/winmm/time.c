/*
 * tests/winmm/time.c — the multimedia timer: periods, device caps and
 * timeGetTime's millisecond count.
 */
#include "test.h"
#include <mmsystem.h>

int main(void)
{
    TIMECAPS caps;
    DWORD t0, t1;

    test_start("winmm/time");
    ok(timeGetDevCaps(&caps, sizeof(caps)) == TIMERR_NOERROR, "timeGetDevCaps\n");
    ok(caps.wPeriodMin >= 1 && caps.wPeriodMin <= 16 && caps.wPeriodMax >= caps.wPeriodMin, "min %u max %u\n",
       caps.wPeriodMin, caps.wPeriodMax);
    ok(timeGetDevCaps(&caps, 1) == TIMERR_NOCANDO, "short size\n");
    ok(timeBeginPeriod(1) == TIMERR_NOERROR, "timeBeginPeriod(1)\n");
    ok(timeEndPeriod(1) == TIMERR_NOERROR, "timeEndPeriod(1)\n");
    ok(timeBeginPeriod(0) == TIMERR_NOCANDO, "timeBeginPeriod(0)\n");
    ok(timeEndPeriod(0) == TIMERR_NOCANDO, "timeEndPeriod(0)\n");

    /* milliseconds, moving forward, close to GetTickCount */
    t0 = timeGetTime();
    Sleep(50);
    t1 = timeGetTime();
    ok(t1 - t0 >= 40, "50 ms sleep measured as %lu\n", t1 - t0);
    ok((LONG)(GetTickCount() - t1) > -100 && (LONG)(GetTickCount() - t1) < 1000, "timeGetTime far from GetTickCount\n");
    return test_summary();
}
