/*
 * tests/user32/winsta.c — the window station and desktop a console program
 * runs in: an interactive, visible station named WinSta0 and the desktop
 * Default, as for a program a logged-on user starts (runtimes such as
 * libuv ask this to tell services from interactive programs).
 */
#include <windows.h>
#include "test.h"

int main(void)
{
    HWINSTA station;
    HDESK desktop;
    USEROBJECTFLAGS flags;
    WCHAR name[64];
    char aname[64];
    DWORD needed = 0;

    test_start("user32/winsta");
    station = GetProcessWindowStation();
    ok(station != NULL, "no window station\n");
    ok(GetUserObjectInformationW(station, UOI_NAME, name, sizeof(name), &needed), "UOI_NAME %lu\n", GetLastError());
    ok(!lstrcmpW(name, L"WinSta0"), "station %ls\n", name);
    ok(needed == sizeof(L"WinSta0"), "needed %lu\n", needed);
    ok(GetUserObjectInformationA(station, UOI_NAME, aname, sizeof(aname), &needed) && !strcmp(aname, "WinSta0"),
       "ANSI name %s\n", aname);
    ok(GetUserObjectInformationW(station, UOI_TYPE, name, sizeof(name), &needed) && !lstrcmpW(name, L"WindowStation"),
       "station type %ls\n", name);
    ok(GetUserObjectInformationW(station, UOI_FLAGS, &flags, sizeof(flags), &needed), "UOI_FLAGS %lu\n", GetLastError());
    ok(flags.dwFlags & WSF_VISIBLE, "station not visible: %lx\n", flags.dwFlags);

    SetLastError(0xdeadbeef);
    ok(!GetUserObjectInformationW(station, UOI_NAME, name, 4, &needed), "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER && needed == sizeof(L"WinSta0"), "error %lu needed %lu\n",
       GetLastError(), needed);

    desktop = GetThreadDesktop(GetCurrentThreadId());
    ok(desktop != NULL, "no desktop\n");
    ok(GetUserObjectInformationW(desktop, UOI_NAME, name, sizeof(name), &needed) && !lstrcmpW(name, L"Default"),
       "desktop %ls\n", name);
    ok(GetUserObjectInformationW(desktop, UOI_TYPE, name, sizeof(name), &needed) && !lstrcmpW(name, L"Desktop"),
       "desktop type %ls\n", name);
    return test_summary();
}
