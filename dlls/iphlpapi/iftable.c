/*
 * Interface rows of the NDIS era (GetIfEntry2, GetIfTable2(Ex),
 * FreeMibTable): one MIB_IF_ROW2 per interface of the snapshot, with the
 * traffic counters the host keeps since the interface came up. Names and
 * GUIDs are those GetAdaptersAddresses gives (adapters.c).
 */
#include "private.h"

/* ASCII `src` into wide dst[size] */
static void copy_name(WCHAR *dst, size_t size, const char *src)
{
    size_t i;

    for (i = 0; i + 1 < size && src[i]; i++) dst[i] = (unsigned char)src[i];
    dst[i] = 0;
}

static void fill_counters(MIB_IF_ROW2 *row, const struct iph_if_counters *c)
{
    row->InOctets = c->in_octets;
    row->OutOctets = c->out_octets;
    row->InUcastPkts = c->in_packets > c->in_multicast ? c->in_packets - c->in_multicast : 0;
    row->InNUcastPkts = c->in_multicast;
    row->OutUcastPkts = c->out_packets;
    row->InErrors = c->in_errors;
    row->OutErrors = c->out_errors;
    row->InDiscards = c->in_discards;
    row->OutDiscards = c->out_discards;
    /* Linux does not count unicast octets apart: all of them */
    row->InUcastOctets = c->in_octets;
    row->OutUcastOctets = c->out_octets;
}

static void fill_row(MIB_IF_ROW2 *row, const struct iph_if *iface)
{
    BOOL loopback = iface->type == IF_TYPE_SOFTWARE_LOOPBACK;

    memset(row, 0, sizeof(*row));
    row->InterfaceLuid.Value = iph_luid(iface);
    row->InterfaceIndex = iface->index;
    row->InterfaceGuid = iph_interface_guid(iface->index);
    /* the same names as GetAdaptersAddresses' FriendlyName and Description */
    copy_name(row->Alias, ARRAYSIZE(row->Alias), iph_alias(iface));
    copy_name(row->Description, ARRAYSIZE(row->Description), iface->name);
    row->PhysicalAddressLength = iface->mac_len;
    memcpy(row->PhysicalAddress, iface->mac, iface->mac_len);
    memcpy(row->PermanentPhysicalAddress, iface->mac, iface->mac_len);
    row->Mtu = iface->mtu;
    row->Type = iface->type;
    row->MediaType = NdisMedium802_3;
    row->PhysicalMediumType = loopback ? NdisPhysicalMediumUnspecified : NdisPhysicalMedium802_3;
    row->AccessType = loopback ? NET_IF_ACCESS_LOOPBACK : NET_IF_ACCESS_BROADCAST;
    row->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    row->InterfaceAndOperStatusFlags.HardwareInterface = !loopback && iface->type != IF_TYPE_TUNNEL;
    row->InterfaceAndOperStatusFlags.ConnectorPresent = row->InterfaceAndOperStatusFlags.HardwareInterface;
    row->OperStatus = iface->up ? IfOperStatusUp : IfOperStatusDown;
    row->AdminStatus = NET_IF_ADMIN_STATUS_UP;
    row->MediaConnectState = iface->up ? MediaConnectStateConnected : MediaConnectStateDisconnected;
    row->ConnectionType = NET_IF_CONNECTION_DEDICATED;
    row->TransmitLinkSpeed = row->ReceiveLinkSpeed = iface->speed;
    fill_counters(row, &iface->stats);
}

/* the row named by row->InterfaceLuid, else (LUID 0) by row->InterfaceIndex */
NETIO_STATUS WINAPI GetIfEntry2(MIB_IF_ROW2 *row)
{
    struct iph_snapshot snap;
    const struct iph_if *found = NULL;
    DWORD err;
    ULONG i;

    if (!row) return ERROR_INVALID_PARAMETER;
    if ((err = iph_snapshot_get(&snap))) return err;
    for (i = 0; i < snap.n_ifs && !found; i++)
    {
        if (row->InterfaceLuid.Value ? iph_luid(&snap.ifs[i]) == row->InterfaceLuid.Value
                                     : snap.ifs[i].index == row->InterfaceIndex)
            found = &snap.ifs[i];
    }
    if (found) fill_row(row, found);
    iph_snapshot_free(&snap);
    return found ? NO_ERROR : ERROR_FILE_NOT_FOUND;
}

NETIO_STATUS WINAPI GetIfEntry2Ex(ULONG level, MIB_IF_ROW2 *row)
{
    return GetIfEntry2(row);
}

NETIO_STATUS WINAPI GetIfTable2Ex(MIB_IF_TABLE_LEVEL level, MIB_IF_TABLE2 **out)
{
    struct iph_snapshot snap;
    MIB_IF_TABLE2 *table;
    DWORD err;
    ULONG i;

    if (!out) return ERROR_INVALID_PARAMETER;
    *out = NULL;
    if ((err = iph_snapshot_get(&snap))) return err;
    table = iph_alloc(FIELD_OFFSET(MIB_IF_TABLE2, Table[snap.n_ifs ? snap.n_ifs : 1]));
    if (table)
    {
        table->NumEntries = snap.n_ifs;
        for (i = 0; i < snap.n_ifs; i++) fill_row(&table->Table[i], &snap.ifs[i]);
    }
    iph_snapshot_free(&snap);
    if (!table) return ERROR_NOT_ENOUGH_MEMORY;
    *out = table;
    return NO_ERROR;
}

NETIO_STATUS WINAPI GetIfTable2(MIB_IF_TABLE2 **out)
{
    return GetIfTable2Ex(MibIfTableNormal, out);
}

/* every MIB table of this DLL is one process-heap block */
void WINAPI FreeMibTable(void *table)
{
    iph_free(table);
}
