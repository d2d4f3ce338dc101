/*
 * tests/rstrtmgr/session.c — Restart Manager sessions: a session's handle
 * and 32-character key, bad arguments, registering a file and this
 * process as an application, RmGetList's two calls (the count first,
 * ERROR_MORE_DATA, then the list), ending a session twice.
 *
 * Windows also lists the processes that hold a registered file open; wlx
 * does not (session.c says why), so no check here depends on it.
 *
 * Wine 8.0's rstrtmgr is made of stubs: it checks no argument, writes a
 * 33-character key, lists nothing and leaves the reboot reasons unset
 * (the todo_wine lines).
 */
#include <windows.h>
#include <restartmanager.h>
#include "test.h"

static void test_sessions(void)
{
    WCHAR key[CCH_RM_SESSION_KEY + 1], path[MAX_PATH], temp[MAX_PATH];
    const WCHAR *files[1] = { path };
    RM_UNIQUE_PROCESS me;
    RM_PROCESS_INFO info[2];
    FILETIME created, exited, kernel, user;
    DWORD handle = 0, reasons = 0xdeadbeef, ret;
    UINT needed = 0xdeadbeef, count = 0;
    HANDLE file;

    ret = RmStartSession(NULL, 0, key);
    todo_wine(ret == ERROR_BAD_ARGUMENTS, "no handle: %lu\n", ret);

    memset(key, 0xcc, sizeof(key));
    ret = RmStartSession(&handle, 0, key);
    ok(ret == ERROR_SUCCESS, "RmStartSession: %lu\n", ret);
    todo_wine(lstrlenW(key) == CCH_RM_SESSION_KEY, "key length %d: %ls\n", lstrlenW(key), key);

    GetTempPathW(MAX_PATH, temp);
    GetTempFileNameW(temp, L"rm", 0, path);
    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(file);
    ret = RmRegisterResources(handle, 1, files, 0, NULL, 0, NULL);
    ok(ret == ERROR_SUCCESS, "register a file: %lu\n", ret);

    /* a file no process holds: nothing to list */
    ret = RmGetList(handle, &needed, &count, NULL, &reasons);
    ok(ret == ERROR_SUCCESS, "RmGetList: %lu\n", ret);
    ok(needed == 0 && count == 0, "needed %u count %u\n", needed, count);
    todo_wine(reasons == RmRebootReasonNone, "reasons %lx\n", reasons);
    ret = RmGetList(handle, NULL, &count, NULL, &reasons);
    todo_wine(ret == ERROR_BAD_ARGUMENTS, "no needed: %lu\n", ret);

    /* this process as an application: it runs, so it is listed */
    GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user);
    me.dwProcessId = GetCurrentProcessId();
    me.ProcessStartTime = created;
    ret = RmRegisterResources(handle, 0, NULL, 1, &me, 0, NULL);
    ok(ret == ERROR_SUCCESS, "register this process: %lu\n", ret);
    needed = 0xdeadbeef;
    count = 0;
    ret = RmGetList(handle, &needed, &count, NULL, &reasons);
    todo_wine(ret == ERROR_MORE_DATA && needed == 1, "count first: %lu needed %u\n", ret, needed);
    count = ARRAYSIZE(info);
    memset(info, 0, sizeof(info));
    ret = RmGetList(handle, &needed, &count, info, &reasons);
    ok(ret == ERROR_SUCCESS, "the list: %lu\n", ret);
    todo_wine(count == 1 && info[0].Process.dwProcessId == me.dwProcessId, "count %u pid %lu\n", count,
              info[0].Process.dwProcessId);

    /* the same pid with another start time is another process, not running */
    ret = RmEndSession(handle);
    ok(ret == ERROR_SUCCESS, "RmEndSession: %lu\n", ret);
    ret = RmStartSession(&handle, 0, key);
    me.ProcessStartTime.dwLowDateTime ^= 1;
    RmRegisterResources(handle, 0, NULL, 1, &me, 0, NULL);
    count = ARRAYSIZE(info);
    ret = RmGetList(handle, &needed, &count, info, &reasons);
    ok(ret == ERROR_SUCCESS && count == 0, "another start time: %lu count %u\n", ret, count);

    ok(RmEndSession(handle) == ERROR_SUCCESS, "RmEndSession\n");
    ret = RmEndSession(handle);
    todo_wine(ret == ERROR_INVALID_HANDLE, "ended twice: %lu\n", ret);
    DeleteFileW(path);
}

int main(void)
{
    test_start("rstrtmgr/session");
    test_sessions();
    return test_summary();
}
