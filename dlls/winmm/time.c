/*
 * winmm's timer functions. Linux timers are always as fine as a program
 * could ask, so the periods of timeBeginPeriod/timeEndPeriod are checked
 * and nothing else; timeGetTime counts milliseconds since the system
 * started, like GetTickCount.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <mmsystem.h>

#define PERIOD_MIN 1          /* ms */
#define PERIOD_MAX 1000000    /* ms */

MMRESULT WINAPI timeBeginPeriod(UINT period)
{
    return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}

MMRESULT WINAPI timeEndPeriod(UINT period)
{
    return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}

MMRESULT WINAPI timeGetDevCaps(LPTIMECAPS caps, UINT size)
{
    if (!caps || size < sizeof(*caps)) return TIMERR_NOCANDO;
    caps->wPeriodMin = PERIOD_MIN;
    caps->wPeriodMax = PERIOD_MAX;
    return TIMERR_NOERROR;
}

DWORD WINAPI timeGetTime(void)
{
    return (DWORD)GetTickCount64();
}

MMRESULT WINAPI timeGetSystemTime(LPMMTIME time, UINT size)
{
    if (!time || size < sizeof(*time)) return TIMERR_NOCANDO;
    time->wType = TIME_MS;
    time->u.ms = timeGetTime();
    return TIMERR_NOERROR;
}
