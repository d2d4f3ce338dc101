/*
 * tests/user32/misc.c — what a console program asks user32 without a
 * window: screen metrics, the desktop window (IsWindow knows it, and no
 * other handle a console program is handed), the keyboard layout.
 */
#include "test.h"

int main(void)
{
    test_start("user32/misc");
    ok(GetSystemMetrics(SM_CXSCREEN) > 0 && GetSystemMetrics(SM_CYSCREEN) > 0, "screen %dx%d\n",
       GetSystemMetrics(SM_CXSCREEN), GetSystemMetrics(SM_CYSCREEN));
    ok(GetSystemMetrics(SM_CMONITORS) >= 1, "monitors %d\n", GetSystemMetrics(SM_CMONITORS));
    ok(GetSystemMetrics(SM_CLEANBOOT) == 0, "clean boot %d\n", GetSystemMetrics(SM_CLEANBOOT));
    ok(GetSystemMetrics(12345) == 0, "unknown index\n");
    ok(GetDesktopWindow() != NULL, "no desktop window\n");
    ok(GetDesktopWindow() == GetDesktopWindow(), "the desktop changes\n");
    ok(IsWindow(GetDesktopWindow()), "the desktop is no window\n");
    ok(!IsWindow(NULL), "NULL is a window\n");
    ok(!IsWindow((HWND)(ULONG_PTR)0xdead0000), "a made-up handle is a window\n");
    ok(!IsWindow((HWND)GetCurrentProcess()), "a process handle is a window\n");
    ok(GetKeyboardLayout(0) != NULL, "no keyboard layout\n");
    return test_summary();
}
