/*
 * tests/iphlpapi/notify.c — NotifyRouteChange2 and NotifyIpInterfaceChange:
 * a registration answers NO_ERROR and a handle; with InitialNotification
 * the callback is called once with MibInitialNotification, no row and the
 * caller's context; CancelMibChangeNotify2 ends it; bad arguments are
 * ERROR_INVALID_PARAMETER.
 * Wine 8.0's are stubs: they answer NO_ERROR to anything, give no handle
 * and never call back.
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

int main(void)
{
    test_start("iphlpapi/notify");
    test_route();
    test_interface();
    return test_summary();
}
