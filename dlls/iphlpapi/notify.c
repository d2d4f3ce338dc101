/*
 * dlls/iphlpapi/notify.c — change notifications of routes, interfaces and
 * unicast addresses (NotifyRouteChange2, NotifyIpInterfaceChange,
 * NotifyUnicastIpAddressChange) and their cancelling.
 *
 * A registration is kept and answered as on Windows, with the initial
 * notification (MibInitialNotification, no row) called on a thread of its
 * own, as Windows calls it on a worker thread. The host is not watched:
 * no later change is reported (a program that asks the tables again when
 * told keeps working with what it read at the start).
 */
#include "private.h"

/* the three callbacks have the same shape: (context, row, type) */
typedef VOID (WINAPI *change_callback)(PVOID context, PVOID row, MIB_NOTIFICATION_TYPE type);

struct notification
{
    change_callback callback;   /* the caller's function */
    void *context;              /* its CallerContext */
    HANDLE thread;              /* the initial notification's thread, or NULL */
    DWORD thread_id;            /* its id */
};

static DWORD WINAPI initial_notification(void *arg)
{
    struct notification *n = arg;

    /* n may be freed once the callback returns (it may cancel itself) */
    n->callback(n->context, NULL, MibInitialNotification);
    return 0;
}

static DWORD notify_register(ADDRESS_FAMILY family, change_callback callback, void *context, BOOLEAN initial,
                             HANDLE *handle)
{
    struct notification *n;

    if (!handle || !callback || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    if (!(n = iph_alloc(sizeof(*n)))) return ERROR_NOT_ENOUGH_MEMORY;
    n->callback = callback;
    n->context = context;
    *handle = n;
    if (initial && !(n->thread = CreateThread(NULL, 0, initial_notification, n, 0, &n->thread_id)))
    {
        *handle = NULL;
        iph_free(n);
        return GetLastError();
    }
    return NO_ERROR;
}

DWORD WINAPI NotifyRouteChange2(ADDRESS_FAMILY family, PIPFORWARD_CHANGE_CALLBACK callback, PVOID context,
                                BOOLEAN initial, HANDLE *handle)
{
    return notify_register(family, (change_callback)callback, context, initial, handle);
}

DWORD WINAPI NotifyIpInterfaceChange(ADDRESS_FAMILY family, PIPINTERFACE_CHANGE_CALLBACK callback, PVOID context,
                                     BOOLEAN initial, HANDLE *handle)
{
    return notify_register(family, (change_callback)callback, context, initial, handle);
}

DWORD WINAPI NotifyUnicastIpAddressChange(ADDRESS_FAMILY family, PUNICAST_IPADDRESS_CHANGE_CALLBACK callback,
                                          PVOID context, BOOLEAN initial, HANDLE *handle)
{
    return notify_register(family, (change_callback)callback, context, initial, handle);
}

/* a running initial notification is waited for, so that the caller may
 * free its context once this returns; from inside the callback it cannot be */
DWORD WINAPI CancelMibChangeNotify2(HANDLE handle)
{
    struct notification *n = handle;

    if (!n) return ERROR_INVALID_PARAMETER;
    if (n->thread)
    {
        if (GetCurrentThreadId() != n->thread_id) WaitForSingleObject(n->thread, INFINITE);
        CloseHandle(n->thread);
    }
    iph_free(n);
    return NO_ERROR;
}
