/*
 * tests/powrprof/power.c — suspend/resume registration (accepted, a handle
 * back, unregistered) and CallNtPowerInformation's battery and processor
 * levels.
 */
#include "test.h"
#include <powrprof.h>
#include <ntstatus.h>

/* (not in mingw-w64's powrprof.h) */
#ifndef DEVICE_NOTIFY_CALLBACK
#define DEVICE_NOTIFY_CALLBACK 2
typedef ULONG (CALLBACK *notify_callback)(PVOID context, ULONG type, PVOID setting);
typedef struct { notify_callback Callback; PVOID Context; } DEVICE_NOTIFY_SUBSCRIBE_PARAMETERS;
DWORD WINAPI PowerRegisterSuspendResumeNotification(DWORD flags, HANDLE recipient, PHPOWERNOTIFY handle);
DWORD WINAPI PowerUnregisterSuspendResumeNotification(HPOWERNOTIFY handle);
#endif

static ULONG CALLBACK on_power(PVOID context, ULONG type, PVOID setting) { return 0; }

int main(void)
{
    DEVICE_NOTIFY_SUBSCRIBE_PARAMETERS params = { on_power, NULL };
    HPOWERNOTIFY handle = NULL;
    SYSTEM_BATTERY_STATE battery;
    SYSTEM_INFO si;
    ULONG info[6 * 256];
    DWORD err;
    LONG status;

    test_start("powrprof/power");
    err = PowerRegisterSuspendResumeNotification(DEVICE_NOTIFY_CALLBACK, &params, &handle);
    ok(err == ERROR_SUCCESS && handle != NULL, "register %lu\n", err);
    err = PowerUnregisterSuspendResumeNotification(handle);
    ok(err == ERROR_SUCCESS, "unregister %lu\n", err);

    memset(&battery, 0xcc, sizeof(battery));
    status = CallNtPowerInformation(SystemBatteryState, NULL, 0, &battery, sizeof(battery));
    ok(status == STATUS_SUCCESS, "battery state %#lx\n", status);
    ok(battery.AcOnLine == TRUE || battery.AcOnLine == FALSE, "AcOnLine %u\n", battery.AcOnLine);
    ok(battery.BatteryPresent == TRUE || battery.BatteryPresent == FALSE, "BatteryPresent %u\n", battery.BatteryPresent);
    status = CallNtPowerInformation(SystemBatteryState, NULL, 0, &battery, 4);
    ok(status == STATUS_BUFFER_TOO_SMALL, "short buffer %#lx\n", status);

    GetSystemInfo(&si);
    memset(info, 0, sizeof(info));
    status = CallNtPowerInformation(ProcessorInformation, NULL, 0, info, si.dwNumberOfProcessors * 6 * sizeof(ULONG));
    ok(status == STATUS_SUCCESS, "processor information %#lx\n", status);
    /* PROCESSOR_POWER_INFORMATION: Number, MaxMhz, CurrentMhz, ... */
    ok(info[0] == 0 && info[1] > 0, "processor 0: number %lu max %lu MHz\n", info[0], info[1]);
    if (si.dwNumberOfProcessors > 1) ok(info[6] == 1, "processor 1 number %lu\n", info[6]);
    status = CallNtPowerInformation(ProcessorInformation, NULL, 0, info, 8);
    ok(status == STATUS_BUFFER_TOO_SMALL, "short processor buffer %#lx\n", status);
    return test_summary();
}
