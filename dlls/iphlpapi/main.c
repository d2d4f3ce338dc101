/*
 * iphlpapi plumbing: the door to iphlpapi.so and the snapshot of the
 * host's interfaces every query starts from, and the names and LUIDs
 * Windows gives adapters.
 */
#include "private.h"
#include "wlx/unixcall.h"

LONG iph_unix_call(UINT32 code, void *params)
{
    return wlx_unix_call(code, params);
}

void *iph_alloc(SIZE_T size) { return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size); }
void iph_free(void *ptr) { if (ptr) HeapFree(GetProcessHeap(), 0, ptr); }

void iph_snapshot_free(struct iph_snapshot *snap)
{
    iph_free(snap->ifs);
    iph_free(snap->addrs);
    memset(snap, 0, sizeof(*snap));
}

/* asks with room for what the last answer counted, until it all fits */
DWORD iph_snapshot_get(struct iph_snapshot *snap)
{
    struct iph_if_params p;
    ULONG max_ifs = 16, max_addrs = 64, tries;

    memset(snap, 0, sizeof(*snap));
    for (tries = 0; tries < 4; tries++)
    {
        snap->ifs = iph_alloc(max_ifs * sizeof(*snap->ifs));
        snap->addrs = iph_alloc(max_addrs * sizeof(*snap->addrs));
        if (!snap->ifs || !snap->addrs) break;
        memset(&p, 0, sizeof(p));
        p.ifs = (UINT_PTR)snap->ifs;
        p.addrs = (UINT_PTR)snap->addrs;
        p.max_ifs = max_ifs;
        p.max_addrs = max_addrs;
        if (iph_unix_call(unix_interfaces, &p)) break;
        if (p.n_ifs <= max_ifs && p.n_addrs <= max_addrs)
        {
            snap->n_ifs = p.n_ifs;
            snap->n_addrs = p.n_addrs;
            return ERROR_SUCCESS;
        }
        iph_snapshot_free(snap);
        max_ifs = p.n_ifs + 4;
        max_addrs = p.n_addrs + 16;
    }
    iph_snapshot_free(snap);
    return ERROR_NOT_ENOUGH_MEMORY;
}

const struct iph_if *iph_find_if(const struct iph_snapshot *snap, ULONG index)
{
    ULONG i;

    for (i = 0; i < snap->n_ifs; i++)
        if (snap->ifs[i].index == index) return &snap->ifs[i];
    return NULL;
}

static const BYTE *addr_bytes(const struct sockaddr *addr, ULONG *len)
{
    if (addr->sa_family == AF_INET)
    {
        *len = 4;
        return (const BYTE *)&((const struct sockaddr_in *)addr)->sin_addr;
    }
    if (addr->sa_family == AF_INET6)
    {
        *len = 16;
        return (const BYTE *)&((const struct sockaddr_in6 *)addr)->sin6_addr;
    }
    *len = 0;
    return NULL;
}

const struct iph_if *iph_if_of_addr(const struct iph_snapshot *snap, const struct sockaddr *addr)
{
    ULONG i, len, len2;
    const BYTE *want = addr_bytes(addr, &len), *have;

    if (!want) return NULL;
    for (i = 0; i < snap->n_addrs; i++)
    {
        have = addr_bytes((const struct sockaddr *)snap->addrs[i].addr, &len2);
        if (have && len2 == len && !memcmp(have, want, len)) return iph_find_if(snap, snap->addrs[i].index);
    }
    return NULL;
}

/* a stable GUID string per interface index: Windows names adapters by GUID */
void iph_adapter_name(ULONG index, char name[40])
{
    static const char hex[] = "0123456789ABCDEF";
    int i;

    strcpy(name, "{776C7800-0000-4000-8000-000000000000}");
    for (i = 0; i < 8; i++) name[36 - i] = hex[(index >> (4 * i)) & 15];
}

/* NET_LUID: the interface type in bits 48-63, an index of that type in 24-47 */
ULONG64 iph_luid(const struct iph_if *iface)
{
    return ((ULONG64)iface->type << 48) | ((ULONG64)(iface->index & 0xffffff) << 24);
}

/* a list the Unix side fills (struct iph_sock_params, iph_route_list: rows,
 * max, count first), asked again with room for what it counted until it
 * fits; the rows in *rows (free with iph_free), a Win32 error */
DWORD iph_get_list(UINT32 code, void *params, ULONG row_size, void **rows, ULONG *count)
{
    struct { UINT64 rows; UINT32 max, count; } *head = params;
    ULONG max = 64, tries;

    for (tries = 0; tries < 4; tries++)
    {
        if (!(*rows = iph_alloc((SIZE_T)max * row_size))) return ERROR_NOT_ENOUGH_MEMORY;
        head->rows = (UINT_PTR)*rows;
        head->max = max;
        head->count = 0;
        if (iph_unix_call(code, params)) break;
        if (head->count <= max)
        {
            *count = head->count;
            return ERROR_SUCCESS;
        }
        iph_free(*rows);
        max = head->count + 32;
    }
    iph_free(*rows);
    *rows = NULL;
    return ERROR_NOT_ENOUGH_MEMORY;
}

/* sorts n elements of size bytes (ntdll has no qsort): a shell sort,
 * through one element's worth of the caller's scratch */
void iph_sort(void *base, ULONG n, ULONG size, int (*cmp)(const void *, const void *), void *scratch)
{
    static const ULONG gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };
    BYTE *b = base;
    ULONG g, i, j, gap;

    for (g = 0; g < ARRAYSIZE(gaps); g++)
    {
        gap = gaps[g];
        for (i = gap; i < n; i++)
        {
            memcpy(scratch, b + i * size, size);
            for (j = i; j >= gap && cmp(b + (j - gap) * size, scratch) > 0; j -= gap)
                memcpy(b + j * size, b + (j - gap) * size, size);
            memcpy(b + j * size, scratch, size);
        }
    }
}

/* the GUID whose string iph_adapter_name() makes: {776C7800-0000-4000-8000-0000<index>} */
GUID iph_interface_guid(ULONG index)
{
    GUID guid = { 0x776c7800, 0, 0x4000, { 0x80, 0, 0, 0 } };

    guid.Data4[4] = index >> 24;
    guid.Data4[5] = index >> 16;
    guid.Data4[6] = index >> 8;
    guid.Data4[7] = index;
    return guid;
}

/* an interface's alias (GetAdaptersAddresses' FriendlyName): Windows' own name for loopback */
const char *iph_alias(const struct iph_if *iface)
{
    return iface->type == IF_TYPE_SOFTWARE_LOOPBACK ? "Loopback Pseudo-Interface 1" : iface->name;
}
