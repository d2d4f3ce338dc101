/*
 * powrprof: suspend/resume notifications are accepted and never delivered
 * (a process under wlx is not told when the machine sleeps); the power
 * information describes a machine on mains power without a battery.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include <powrprof.h>

#define DEVICE_NOTIFY_CALLBACK_FLAG 2   /* DEVICE_NOTIFY_CALLBACK */

/* the handle a registration hands back: a heap block, freed on unregister */
DWORD WINAPI PowerRegisterSuspendResumeNotification(DWORD flags, HANDLE recipient, PHPOWERNOTIFY handle)
{
    void *reg;

    if (!handle || !recipient || flags != DEVICE_NOTIFY_CALLBACK_FLAG) return ERROR_INVALID_PARAMETER;
    if (!(reg = HeapAlloc(GetProcessHeap(), 0, 1))) return ERROR_NOT_ENOUGH_MEMORY;
    *handle = reg;
    return ERROR_SUCCESS;
}

DWORD WINAPI PowerUnregisterSuspendResumeNotification(HPOWERNOTIFY handle)
{
    if (!handle) return ERROR_INVALID_HANDLE;
    HeapFree(GetProcessHeap(), 0, handle);
    return ERROR_SUCCESS;
}

/* one PROCESSOR_POWER_INFORMATION per processor (the layout Windows gives) */
struct processor_power {
    ULONG Number, MaxMhz, CurrentMhz, MhzLimit, MaxIdleState, CurrentIdleState;
};

static NTSTATUS processor_info(void *out, ULONG len)
{
    SYSTEM_INFO si;
    struct processor_power *p = out;

    GetSystemInfo(&si);
    if (!out || len < si.dwNumberOfProcessors * sizeof(*p)) return STATUS_BUFFER_TOO_SMALL;
    /* the clock rate is not known on the PE side: a common 2 GHz */
    for (DWORD i = 0; i < si.dwNumberOfProcessors; i++)
    {
        p[i].Number = i;
        p[i].MaxMhz = p[i].CurrentMhz = p[i].MhzLimit = 2000;
        p[i].MaxIdleState = p[i].CurrentIdleState = 0;
    }
    return STATUS_SUCCESS;
}

/* `out` zeroed when it holds `size` bytes, else NULL */
static void *zeroed_out(void *out, ULONG len, ULONG size)
{
    if (!out || len < size) return NULL;
    memset(out, 0, size);
    return out;
}

NTSTATUS WINAPI CallNtPowerInformation(POWER_INFORMATION_LEVEL level, PVOID in, ULONG in_len, PVOID out, ULONG out_len)
{
    SYSTEM_BATTERY_STATE *bs;
    SYSTEM_POWER_CAPABILITIES *caps;

    switch (level)
    {
    case SystemBatteryState:
        if (!(bs = zeroed_out(out, out_len, sizeof(*bs)))) return STATUS_BUFFER_TOO_SMALL;
        bs->AcOnLine = TRUE;
        bs->BatteryPresent = FALSE;
        return STATUS_SUCCESS;
    case SystemPowerCapabilities:
        if (!(caps = zeroed_out(out, out_len, sizeof(*caps)))) return STATUS_BUFFER_TOO_SMALL;
        caps->PowerButtonPresent = TRUE;
        caps->SystemBatteriesPresent = FALSE;
        caps->AcOnLineWake = PowerSystemUnspecified;
        return STATUS_SUCCESS;
    case ProcessorInformation:
        return processor_info(out, out_len);
    default:
        return STATUS_INVALID_PARAMETER;
    }
}
