/*
 * tests/iphlpapi/notify.c — NotifyRouteChange2 and NotifyIpInterfaceChange:
 * a registration answers NO_ERROR and a handle; with InitialNotification
 * the callback is called once with MibInitialNotification, no row and the
 * caller's context; CancelMibChangeNotify2 ends it; bad arguments are
 * ERROR_INVALID_PARAMETER.
 * Wine 8.0's are stubs: they answer NO_ERROR to anything, give no handle
 * and never call back.
 * NotifyAddrChange/NotifyRouteChange in their overlapped form: pending with
 * a handle, not completed while nothing changes (the host is assumed
 * quiet for the moment the test looks), completed with
 * ERROR_OPERATION_ABORTED by CancelIPChangeNotify.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include "test.h"

struct seen
{
    HANDLE event;
    LONG calls;
    void *row;
    MIB_NOTIFICATION_TYPE type;
};

static void WINAPI route_cb(void *context, MIB_IPFORWARD_ROW2 *row, MIB_NOTIFICATION_TYPE type)
{
    struct seen *s = context;
    s->row = row;
    s->type = type;
    InterlockedIncrement(&s->calls);
    SetEvent(s->event);
}

static void WINAPI if_cb(void *context, MIB_IPINTERFACE_ROW *row, MIB_NOTIFICATION_TYPE type)
{
    route_cb(context, (MIB_IPFORWARD_ROW2 *)row, type);
}

static void test_route(void)
{
    struct seen s = { CreateEventA(NULL, FALSE, FALSE, NULL), 0, (void *)1, 99 };
    HANDLE h = NULL;
    DWORD ret;

    ret = NotifyRouteChange2(AF_UNSPEC, route_cb, &s, TRUE, &h);
    if (!todo_wine(ret == NO_ERROR && h != NULL, "NotifyRouteChange2: %lu\n", ret)) return;
    ok(WaitForSingleObject(s.event, 5000) == WAIT_OBJECT_0, "no initial notification\n");
    ok(s.type == MibInitialNotification && s.row == NULL, "type %d row %p\n", s.type, s.row);
    Sleep(100);
    ok(s.calls == 1, "%ld calls\n", s.calls);
    ok(CancelMibChangeNotify2(h) == NO_ERROR, "CancelMibChangeNotify2\n");

    /* without the initial notification: nothing is called */
    h = NULL;
    ret = NotifyRouteChange2(AF_INET, route_cb, &s, FALSE, &h);
    ok(ret == NO_ERROR && h != NULL, "NotifyRouteChange2 AF_INET: %lu\n", ret);
    Sleep(100);
    ok(s.calls == 1, "%ld calls\n", s.calls);
    if (h) ok(CancelMibChangeNotify2(h) == NO_ERROR, "CancelMibChangeNotify2\n");

    ret = NotifyRouteChange2(AF_INET, route_cb, &s, FALSE, NULL);
    ok(ret == ERROR_INVALID_PARAMETER, "no handle: %lu\n", ret);
    ret = NotifyRouteChange2(12345, route_cb, &s, FALSE, &h);
    ok(ret == ERROR_INVALID_PARAMETER, "bad family: %lu\n", ret);
    CloseHandle(s.event);
}

static void test_interface(void)
{
    struct seen s = { CreateEventA(NULL, FALSE, FALSE, NULL), 0, (void *)1, 99 };
    HANDLE h = NULL;
    DWORD ret;

    ret = NotifyIpInterfaceChange(AF_INET6, if_cb, &s, TRUE, &h);
    if (!todo_wine(ret == NO_ERROR && h != NULL, "NotifyIpInterfaceChange: %lu\n", ret)) return;
    ok(WaitForSingleObject(s.event, 5000) == WAIT_OBJECT_0, "no initial notification\n");
    ok(s.type == MibInitialNotification && s.row == NULL, "type %d row %p\n", s.type, s.row);
    ok(CancelMibChangeNotify2(h) == NO_ERROR, "CancelMibChangeNotify2\n");
    CloseHandle(s.event);
}

static void test_ip_change(DWORD (WINAPI *notify)(HANDLE *, OVERLAPPED *), const char *name)
{
    OVERLAPPED ov;
    HANDLE h = NULL;
    DWORD ret, bytes;

    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = notify(&h, &ov);
    if (ret == ERROR_NOT_SUPPORTED && test_is("wine"))
    {
        skip("%s: not in Wine 8\n", name);
        CloseHandle(ov.hEvent);
        return;
    }
    ok(ret == ERROR_IO_PENDING, "%s: %lu\n", name, ret);
    ok(h != NULL, "%s: no handle\n", name);
    ok(WaitForSingleObject(ov.hEvent, 300) == WAIT_TIMEOUT, "%s: completed with nothing changed\n", name);
    ok(!GetOverlappedResult(h ? h : ov.hEvent, &ov, &bytes, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE,
       "%s: result %lu\n", name, GetLastError());
    /* Wine 8's CancelIPChangeNotify is a stub answering FALSE */
    if (!todo_wine(CancelIPChangeNotify(&ov), "%s: CancelIPChangeNotify\n", name))
    {
        CloseHandle(ov.hEvent);
        return;
    }
    ok(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0, "%s: not completed by the cancel\n", name);
    ok(!GetOverlappedResult(h, &ov, &bytes, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED,
       "%s: cancelled result %lu\n", name, GetLastError());
    ok(!CancelIPChangeNotify(&ov), "%s: cancelled twice\n", name);
    CloseHandle(ov.hEvent);
}

int main(void)
{
    test_start("iphlpapi/notify");
    test_route();
    test_interface();
    test_ip_change(NotifyAddrChange, "NotifyAddrChange");
    test_ip_change(NotifyRouteChange, "NotifyRouteChange");
    return test_summary();
}
