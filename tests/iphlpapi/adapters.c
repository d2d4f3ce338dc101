/*
 * iphlpapi: GetAdaptersAddresses' size protocol and layout (a loopback
 * adapter with 127.0.0.1, valid address lengths everywhere), GetAdaptersInfo
 * and GetNetworkParams sizes, interface indices, LUIDs and names, and the
 * best interface for loopback. Nothing machine-specific is asserted.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include "test.h"

static int valid_sockaddr(const SOCKET_ADDRESS *a)
{
    if (!a->lpSockaddr) return 0;
    if (a->lpSockaddr->sa_family == AF_INET) return a->iSockaddrLength == sizeof(struct sockaddr_in);
    if (a->lpSockaddr->sa_family == AF_INET6) return a->iSockaddrLength == sizeof(struct sockaddr_in6);
    return 0;
}

/* the list from GetAdaptersAddresses, or NULL */
static IP_ADAPTER_ADDRESSES *get_adapters(ULONG family, ULONG flags)
{
    IP_ADAPTER_ADDRESSES *buf;
    ULONG size = 0, ret;

    ret = GetAdaptersAddresses(family, flags, NULL, NULL, &size);
    ok(ret == ERROR_BUFFER_OVERFLOW, "no buffer: %lu\n", ret);
    ok(size > 0, "needed size %lu\n", size);
    buf = malloc(size);
    /* one byte short is still too short, and the size asked stays the same */
    {
        ULONG shorter = size - 1;
        ret = GetAdaptersAddresses(family, flags, NULL, buf, &shorter);
        ok(ret == ERROR_BUFFER_OVERFLOW && shorter >= size - 1, "short buffer: %lu, size %lu\n", ret, shorter);
        if (shorter > size) size = shorter;   /* the host changed meanwhile */
        buf = realloc(buf, size);
    }
    ret = GetAdaptersAddresses(family, flags, NULL, buf, &size);
    ok(ret == ERROR_SUCCESS, "GetAdaptersAddresses: %lu\n", ret);
    if (ret) { free(buf); return NULL; }
    return buf;
}

static void test_adapters_addresses(void)
{
    IP_ADAPTER_ADDRESSES *list = get_adapters(AF_UNSPEC, GAA_FLAG_INCLUDE_PREFIX), *ad;
    IP_ADAPTER_UNICAST_ADDRESS *u;
    IP_ADAPTER_PREFIX *p;
    int loopback = 0, found_127 = 0, count = 0;
    ULONG size = 0;

    /* documented: a family other than AF_INET, AF_INET6 or AF_UNSPEC; Wine answers the size */
    todo_wine(GetAdaptersAddresses(12345, 0, NULL, NULL, &size) == ERROR_INVALID_PARAMETER, "bad family accepted\n");
    if (!list) return;
    for (ad = list; ad && count < 1000; ad = ad->Next, count++)
    {
        ok(ad->Length >= sizeof(IP_ADAPTER_ADDRESSES_XP), "Length %lu\n", ad->Length);
        ok(ad->AdapterName && ad->AdapterName[0], "no adapter name\n");
        ok(ad->FriendlyName && ad->Description && ad->DnsSuffix, "missing strings\n");
        ok(ad->PhysicalAddressLength <= MAX_ADAPTER_ADDRESS_LENGTH, "address length %lu\n", ad->PhysicalAddressLength);
        for (u = ad->FirstUnicastAddress; u; u = u->Next)
        {
            ok(valid_sockaddr(&u->Address), "bad unicast address length %d\n", u->Address.iSockaddrLength);
            ok(u->OnLinkPrefixLength <= (u->Address.lpSockaddr->sa_family == AF_INET ? 32 : 128), "prefix %u\n",
               u->OnLinkPrefixLength);
            if (u->Address.lpSockaddr->sa_family == AF_INET
                && ((struct sockaddr_in *)u->Address.lpSockaddr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK))
                found_127 = (ad->IfType == IF_TYPE_SOFTWARE_LOOPBACK);
        }
        for (p = ad->FirstPrefix; p; p = p->Next) ok(valid_sockaddr(&p->Address), "bad prefix address\n");
        if (ad->IfType == IF_TYPE_SOFTWARE_LOOPBACK)
        {
            loopback = 1;
            ok(ad->OperStatus == IfOperStatusUp, "loopback status %d\n", ad->OperStatus);
            ok(ad->IfIndex != 0, "loopback index 0\n");
        }
    }
    ok(count > 0 && !ad, "%d adapters, list not ended\n", count);
    ok(loopback, "no loopback adapter\n");
    ok(found_127, "no 127.0.0.1 on the loopback adapter\n");
    free(list);

    /* AF_INET: IPv4 addresses only */
    list = get_adapters(AF_INET, GAA_FLAG_SKIP_DNS_SERVER);
    for (ad = list; ad; ad = ad->Next)
    {
        for (u = ad->FirstUnicastAddress; u; u = u->Next)
            ok(u->Address.lpSockaddr->sa_family == AF_INET, "family %u with AF_INET\n", u->Address.lpSockaddr->sa_family);
        ok(!ad->FirstDnsServerAddress, "DNS servers despite GAA_FLAG_SKIP_DNS_SERVER\n");
    }
    free(list);
}

static void test_adapters_info(void)
{
    ULONG size = 0, ret = GetAdaptersInfo(NULL, &size);
    IP_ADAPTER_INFO *info;

    ok(GetAdaptersInfo(NULL, NULL) == ERROR_INVALID_PARAMETER, "no size pointer accepted\n");
    /* a host with only a loopback adapter has none to list */
    if (ret == ERROR_NO_DATA) return;
    ok(ret == ERROR_BUFFER_OVERFLOW && size >= sizeof(IP_ADAPTER_INFO), "GetAdaptersInfo: %lu, %lu\n", ret, size);
    info = malloc(size);
    ok(GetAdaptersInfo(info, &size) == ERROR_SUCCESS, "GetAdaptersInfo with the size\n");
    ok(info->AdapterName[0] && info->IpAddressList.IpAddress.String[0], "empty adapter\n");
    ok(inet_addr(info->IpAddressList.IpAddress.String) != INADDR_NONE || !strcmp(info->IpAddressList.IpAddress.String, "255.255.255.255"),
       "address %s\n", info->IpAddressList.IpAddress.String);
    free(info);
}

static void test_network_params(void)
{
    ULONG size = 0;
    FIXED_INFO *fi;

    ok(GetNetworkParams(NULL, &size) == ERROR_BUFFER_OVERFLOW && size >= sizeof(FIXED_INFO), "size %lu\n", size);
    fi = malloc(size);
    ok(GetNetworkParams(fi, &size) == ERROR_SUCCESS, "GetNetworkParams\n");
    ok(fi->HostName[0] != 0, "no host name\n");
    ok(!strchr(fi->HostName, '.'), "host name with a domain: %s\n", fi->HostName);
    free(fi);
}

static void test_indices(void)
{
    DWORD index = 0, loop_index;
    NET_LUID luid;
    NET_IFINDEX back = 0;
    char name[IF_MAX_STRING_SIZE + 1];
    WCHAR wname[IF_MAX_STRING_SIZE + 1];
    struct sockaddr_in6 in6;

    ok(GetBestInterface(htonl(INADDR_LOOPBACK), &index) == NO_ERROR, "GetBestInterface(127.0.0.1)\n");
    loop_index = index;
    ok(index != 0, "index 0\n");
    ok(ConvertInterfaceIndexToLuid(index, &luid) == NO_ERROR, "ConvertInterfaceIndexToLuid\n");
    /* 127.0.0.1 goes through the loopback interface; Wine picks the default route's */
    todo_wine(luid.Info.IfType == IF_TYPE_SOFTWARE_LOOPBACK, "loopback LUID type %u\n", luid.Info.IfType);
    ok(ConvertInterfaceLuidToIndex(&luid, &back) == NO_ERROR && back == index, "back to index %lu\n", back);
    ok(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)) == NO_ERROR && name[0], "name\n");
    /* documented: ERROR_NOT_ENOUGH_MEMORY when the name does not fit; Wine differs */
    todo_wine(ConvertInterfaceLuidToNameA(&luid, name, 1) == ERROR_NOT_ENOUGH_MEMORY, "a 1-byte buffer\n");
    ok(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)) == NO_ERROR, "name\n");
    ok(ConvertInterfaceLuidToNameW(&luid, wname, ARRAYSIZE(wname)) == NO_ERROR && wname[0] == (BYTE)name[0],
       "wide name\n");
    ok(if_nametoindex(name) == index, "if_nametoindex(%s) %lu\n", name, if_nametoindex(name));
    memset(name, 0, sizeof(name));
    ok(if_indextoname(index, name) == name && name[0], "if_indextoname\n");
    ok(if_nametoindex("no such interface, surely") == 0, "an unknown name has an index\n");
    ok(if_indextoname(0x7ffffff0, name) == NULL, "an unknown index has a name\n");

    memset(&in6, 0, sizeof(in6));
    in6.sin6_family = AF_INET6;
    in6.sin6_addr.s6_addr[15] = 1;
    index = 0;
    if (GetBestInterfaceEx((struct sockaddr *)&in6, &index) == NO_ERROR)
        ok(index != 0, "::1 best interface 0\n");
    else skip("no IPv6 loopback\n");
    /* a backward-compatible index: the low 24 bits, so a real index as it is */
    ok(GetFriendlyIfIndex(loop_index) == loop_index, "GetFriendlyIfIndex(%lu) %lu\n", loop_index,
       GetFriendlyIfIndex(loop_index));
}

int main(void)
{
    WSADATA data;

    WSAStartup(MAKEWORD(2, 2), &data);
    test_adapters_addresses();
    test_adapters_info();
    test_network_params();
    test_indices();
    WSACleanup();
    return test_summary();
}
