/*
 * tests/advapi32/service.c — services as a console program meets them: the
 * service-process calls made outside a service (the dispatcher cannot
 * connect, no handler can register, no status handle exists), the manager's
 * enumeration protocol and access rights, and the calls that take a service
 * handle given handles that are not one.
 */
#include <windows.h>
#include "test.h"

static void WINAPI service_main(DWORD argc, LPWSTR *argv)
{
}

static DWORD WINAPI handler_ex(DWORD control, DWORD type, void *data, void *context)
{
    return NO_ERROR;
}

static void test_service_process(void)
{
    SERVICE_TABLE_ENTRYW table[] = { { (WCHAR *)L"wlxtest", service_main }, { NULL, NULL } };
    SERVICE_STATUS status = { SERVICE_WIN32_OWN_PROCESS, SERVICE_RUNNING };
    SERVICE_STATUS_HANDLE handle;

    /* started from a console, not by the service control manager (Wine 8
       then runs the table's ServiceMain itself and ends the process) */
    if (test_is("wine")) skip("Wine runs ServiceMain from StartServiceCtrlDispatcher\n");
    else
    {
        SetLastError(0xdeadbeef);
        ok(!StartServiceCtrlDispatcherW(table), "dispatcher started\n");
        ok(GetLastError() == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, "dispatcher: error %lu\n", GetLastError());
    }

    /* no service runs in this process, none is in its (absent) dispatch
       table (Wine 8 answers ERROR_SERVICE_DOES_NOT_EXIST) */
    SetLastError(0xdeadbeef);
    handle = RegisterServiceCtrlHandlerExW(L"wlxtest", handler_ex, NULL);
    ok(handle == 0, "handler registered: %p\n", handle);
    todo_wine(GetLastError() == ERROR_SERVICE_NOT_IN_EXE, "handler: error %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ok(!SetServiceStatus((SERVICE_STATUS_HANDLE)0, &status), "status of no service set\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "SetServiceStatus: error %lu\n", GetLastError());
}

static void test_enumeration(void)
{
    SC_HANDLE scm, connect_only;
    DWORD needed = 0xdeadbeef, count = 0xdeadbeef, resume = 0;
    BYTE *buf;
    BOOL ret;

    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE);
    ok(scm != NULL, "OpenSCManagerW: error %lu\n", GetLastError());
    if (!scm) return;

    /* the size first, then the list: however many services there are */
    SetLastError(0xdeadbeef);
    ret = EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0, &needed,
                                &count, &resume, NULL);
    if (ret) ok(count == 0 && needed == 0, "success with %lu services in %lu bytes\n", count, needed);
    else ok(GetLastError() == ERROR_MORE_DATA && needed > 0, "size query: error %lu, needed %lu\n", GetLastError(),
            needed);
    buf = HeapAlloc(GetProcessHeap(), 0, needed + 1);
    resume = 0;
    ret = EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, buf, needed + 1,
                                &needed, &count, &resume, NULL);
    ok(ret, "EnumServicesStatusExW: error %lu\n", GetLastError());
    HeapFree(GetProcessHeap(), 0, buf);

    SetLastError(0xdeadbeef);
    ok(!EnumServicesStatusExW(scm, 7, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0, &needed, &count, NULL, NULL),
       "bad level accepted\n");
    ok(GetLastError() == ERROR_INVALID_LEVEL, "bad level: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!EnumServicesStatusExW(NULL, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0, &needed,
                              &count, NULL, NULL), "NULL manager accepted\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "NULL manager: error %lu\n", GetLastError());

    /* enumerating needs SC_MANAGER_ENUMERATE_SERVICE */
    connect_only = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    ok(connect_only != NULL, "OpenSCManagerW(connect): error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!EnumServicesStatusExW(connect_only, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0,
                              &needed, &count, NULL, NULL), "enumerated without the right\n");
    ok(GetLastError() == ERROR_ACCESS_DENIED, "without the right: error %lu\n", GetLastError());
    CloseServiceHandle(connect_only);

    SetLastError(0xdeadbeef);
    ok(!OpenServiceW(scm, L"wlx-no-such-service", SERVICE_QUERY_STATUS), "unknown service opened\n");
    ok(GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST, "OpenServiceW: error %lu\n", GetLastError());
    needed = 0;
    SetLastError(0xdeadbeef);
    ok(!GetServiceDisplayNameW(scm, L"wlx-no-such-service", NULL, &needed), "display name of nothing\n");
    ok(GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST, "GetServiceDisplayNameW: error %lu\n", GetLastError());
    CloseServiceHandle(scm);
}

/* the calls on a service handle, given NULL and a manager's handle */
static void test_not_a_service(void)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT), handles[2] = { NULL, scm };
    SERVICE_STATUS status;
    SERVICE_STATUS_PROCESS sp;
    BYTE buf[512];
    DWORD needed;

    for (int i = 0; i < 2; i++)
    {
        SC_HANDLE h = handles[i];
        SetLastError(0xdeadbeef);
        ok(!QueryServiceStatus(h, &status) && GetLastError() == ERROR_INVALID_HANDLE,
           "%d: QueryServiceStatus: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (BYTE *)&sp, sizeof(sp), &needed) &&
           GetLastError() == ERROR_INVALID_HANDLE, "%d: QueryServiceStatusEx: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!ControlService(h, SERVICE_CONTROL_INTERROGATE, &status) && GetLastError() == ERROR_INVALID_HANDLE,
           "%d: ControlService: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!StartServiceW(h, 0, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
           "%d: StartServiceW: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!QueryServiceConfigW(h, (QUERY_SERVICE_CONFIGW *)buf, sizeof(buf), &needed) &&
           GetLastError() == ERROR_INVALID_HANDLE, "%d: QueryServiceConfigW: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!ChangeServiceConfigW(h, SERVICE_NO_CHANGE, SERVICE_DEMAND_START, SERVICE_NO_CHANGE, NULL, NULL, NULL,
                                 NULL, NULL, NULL, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
           "%d: ChangeServiceConfigW: error %lu\n", i, GetLastError());
        SetLastError(0xdeadbeef);
        ok(!DeleteService(h) && GetLastError() == ERROR_INVALID_HANDLE,
           "%d: DeleteService: error %lu\n", i, GetLastError());
    }
    CloseServiceHandle(scm);
}

int main(void)
{
    test_start("advapi32/service");
    test_service_process();
    test_enumeration();
    test_not_a_service();
    return test_summary();
}
