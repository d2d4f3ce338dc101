/*
 * Private declarations shared by the PE sources of iphlpapi.dll.
 */
#ifndef WLX_IPHLPAPI_PRIVATE_H
#define WLX_IPHLPAPI_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <string.h>
#include "unixlib.h"

/* main.c: the host's interfaces and addresses at one moment */
struct iph_snapshot
{
    struct iph_if *ifs;
    struct iph_addr *addrs;
    ULONG n_ifs, n_addrs;
};
LONG iph_unix_call(UINT32 code, void *params);
/* fills *snap (free it with iph_snapshot_free); a Win32 error */
DWORD iph_snapshot_get(struct iph_snapshot *snap);
void iph_snapshot_free(struct iph_snapshot *snap);
const struct iph_if *iph_find_if(const struct iph_snapshot *snap, ULONG index);
/* the interface owning address addr (a Windows sockaddr), or NULL */
const struct iph_if *iph_if_of_addr(const struct iph_snapshot *snap, const struct sockaddr *addr);
void *iph_alloc(SIZE_T size);
/* dotted decimal of an address in network order (info.c) */
void iph_ip_string(char out[16], ULONG addr_net);
void iph_sort(void *base, ULONG n, ULONG size, int (*cmp)(const void *, const void *), void *scratch);
DWORD iph_get_list(UINT32 code, void *params, ULONG row_size, void **rows, ULONG *count);
void iph_free(void *ptr);
/* the adapter's GUID-like name, "{...}" (39 characters and a nul) */
void iph_adapter_name(ULONG index, char name[40]);
/* the GUID of that name, and the alias (friendly name) of an interface */
GUID iph_interface_guid(ULONG index);
const char *iph_alias(const struct iph_if *iface);
/* the LUID of an interface: its type and index */
ULONG64 iph_luid(const struct iph_if *iface);

#endif
