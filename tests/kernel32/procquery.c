/*
 * tests/kernel32/procquery.c — what a handle from OpenProcess tells about a
 * process: GetProcessTimes through a handle to this process gives the same
 * creation time as the pseudo-handle, and a child's is no earlier than this
 * process's; QueryFullProcessImageName in both forms and its buffer rules;
 * ProcessIdToSessionId.
 */
#include "test.h"

static void test_times(const char *self)
{
    FILETIME c1, c2, e, k, u, now;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, GetCurrentProcessId());
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 16];

    ok(h != NULL, "OpenProcess: %lu\n", GetLastError());
    ok(GetProcessTimes(GetCurrentProcess(), &c1, &e, &k, &u), "GetProcessTimes(pseudo): %lu\n", GetLastError());
    ok(GetProcessTimes(h, &c2, &e, &k, &u), "GetProcessTimes(handle): %lu\n", GetLastError());
    ok(!CompareFileTime(&c1, &c2), "creation %08lx%08lx vs %08lx%08lx\n", c1.dwHighDateTime, c1.dwLowDateTime,
       c2.dwHighDateTime, c2.dwLowDateTime);
    CloseHandle(h);

    snprintf(cmd, sizeof(cmd), "\"%s\" sleep", self);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) { ok(0, "CreateProcess\n"); return; }
    ok(GetProcessTimes(pi.hProcess, &c2, &e, &k, &u), "GetProcessTimes(child): %lu\n", GetLastError());
    GetSystemTimeAsFileTime(&now);
    ok(CompareFileTime(&c2, &c1) >= 0 && CompareFileTime(&c2, &now) <= 0, "child created %08lx%08lx\n",
       c2.dwHighDateTime, c2.dwLowDateTime);
    WaitForSingleObject(pi.hProcess, 10000);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

static void test_image_name(void)
{
    WCHAR name[MAX_PATH], module[MAX_PATH];
    char aname[MAX_PATH];
    DWORD size = MAX_PATH;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, GetCurrentProcessId());

    GetModuleFileNameW(NULL, module, MAX_PATH);
    ok(QueryFullProcessImageNameW(GetCurrentProcess(), 0, name, &size), "QueryFullProcessImageNameW: %lu\n",
       GetLastError());
    ok(!lstrcmpiW(name, module) && size == (DWORD)lstrlenW(module), "%ls (%lu) vs %ls\n", name, size, module);
    size = MAX_PATH;
    ok(QueryFullProcessImageNameW(h, PROCESS_NAME_NATIVE, name, &size), "native: %lu\n", GetLastError());
    ok(!wcsncmp(name, L"\\Device\\", 8), "native name %ls\n", name);
    size = 4;
    SetLastError(0xdeadbeef);
    ok(!QueryFullProcessImageNameW(h, 0, name, &size) && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
       "a short buffer: error %lu\n", GetLastError());
    size = MAX_PATH;
    ok(QueryFullProcessImageNameA(h, 0, aname, &size) && size == strlen(aname), "A form: %lu %s\n", size, aname);
    CloseHandle(h);
}

static void test_session(void)
{
    DWORD session = 0xdeadbeef;

    ok(ProcessIdToSessionId(GetCurrentProcessId(), &session), "ProcessIdToSessionId: %lu\n", GetLastError());
    ok(session != 0xdeadbeef, "session not set\n");
    session = 0xdeadbeef;
    ok(!ProcessIdToSessionId(0xfffffff0, &session), "a pid that is no process\n");
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "sleep")) { Sleep(100); return 0; }
    test_start("kernel32/procquery");
    test_times(argv[0]);
    test_image_name();
    test_session();
    return test_summary();
}
