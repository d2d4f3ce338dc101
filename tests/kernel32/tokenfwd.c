/*
 * tests/kernel32/tokenfwd.c — kernel32's token functions
 * (OpenProcessToken, OpenThreadToken, SetThreadToken: the process-and-thread
 * API set puts them in kernel32 since Windows 8, advapi32 has them too),
 * looked up in kernel32 by name as a program linked against a newer SDK
 * finds them.
 */
#include <windows.h>
#include "test.h"

int main(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    BOOL (WINAPI *open_process)(HANDLE, DWORD, HANDLE *) = (void *)GetProcAddress(k32, "OpenProcessToken");
    BOOL (WINAPI *open_thread)(HANDLE, DWORD, BOOL, HANDLE *) = (void *)GetProcAddress(k32, "OpenThreadToken");
    BOOL (WINAPI *set_thread)(HANDLE *, HANDLE) = (void *)GetProcAddress(k32, "SetThreadToken");
    HANDLE token = NULL, dup = NULL, got = NULL;
    ok(open_process && open_thread && set_thread, "kernel32 lacks the token functions\n");
    if (!open_process || !open_thread || !set_thread) return test_summary();

    ok(open_process(GetCurrentProcess(), TOKEN_QUERY | TOKEN_DUPLICATE, &token) && token, "OpenProcessToken %lu\n",
       GetLastError());
    SetLastError(0xdeadbeef);
    ok(!open_thread(GetCurrentThread(), TOKEN_QUERY, TRUE, &got) && GetLastError() == ERROR_NO_TOKEN,
       "a thread without a token: error %lu\n", GetLastError());
    ok(DuplicateToken(token, SecurityImpersonation, &dup), "DuplicateToken %lu\n", GetLastError());
    ok(set_thread(NULL, dup), "SetThreadToken %lu\n", GetLastError());
    ok(open_thread(GetCurrentThread(), TOKEN_QUERY, TRUE, &got) && got, "the thread's token: error %lu\n", GetLastError());
    ok(set_thread(NULL, NULL), "reverting failed %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    HANDLE again = NULL;
    ok(!open_thread(GetCurrentThread(), TOKEN_QUERY, TRUE, &again) && GetLastError() == ERROR_NO_TOKEN,
       "reverted: error %lu\n", GetLastError());
    CloseHandle(got);
    CloseHandle(dup);
    CloseHandle(token);
    return test_summary();
}
