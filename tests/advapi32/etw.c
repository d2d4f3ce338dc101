/*
 * tests/advapi32/etw.c — Event Tracing for Windows from a provider's side:
 * register, ask whether anyone listens, write events, set traits,
 * unregister; and the bad handles and parameters. The same for a classic
 * (RegisterTraceGuids) provider, and the thread's activity id. No trace
 * session runs while the test does, so no provider is enabled.
 */
#include <windows.h>
#include <evntprov.h>
#include <wmistr.h>
#include <evntrace.h>
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

static const GUID control_id = { 0x7a1c0e32, 0x5d4b, 0x4f08, { 0x8c, 0x11, 0x2e, 0x90, 0x3a, 0x6b, 0x44, 0x01 } };
static const GUID event_id = { 0x7a1c0e33, 0x5d4b, 0x4f08, { 0x8c, 0x11, 0x2e, 0x90, 0x3a, 0x6b, 0x44, 0x01 } };
static LONG requests;

static ULONG WINAPI control_callback(WMIDPREQUESTCODE code, void *context, ULONG *size, void *buffer)
{
    InterlockedIncrement(&requests);
    return ERROR_SUCCESS;
}

static void test_classic_provider(void)
{
    TRACE_GUID_REGISTRATION guids[1] = { { &event_id, NULL } };
    struct { EVENT_TRACE_HEADER header; int value; } event;
    WNODE_HEADER wnode;
    TRACEHANDLE handle = 0, session;
    ULONG rc;

    rc = RegisterTraceGuidsW(control_callback, NULL, &control_id, 1, guids, NULL, NULL, &handle);
    ok(rc == ERROR_SUCCESS, "RegisterTraceGuidsW %lu\n", rc);
    ok(handle != 0, "no registration handle\n");
    ok(guids[0].RegHandle != NULL, "no handle for the event class\n");
    ok(requests == 0, "control callback ran %ld times\n", requests);

    /* the handle a session would pass: with none, there is nothing to
       trace to (Wine 8's calls are stubs that answer other things) */
    memset(&wnode, 0, sizeof(wnode));
    session = GetTraceLoggerHandle(&wnode);
    ok(session == (TRACEHANDLE)(LONG_PTR)INVALID_HANDLE_VALUE, "session %I64x\n", (ULONGLONG)session);
    SetLastError(0xdeadbeef);
    ok(GetTraceEnableFlags(session) == 0, "enable flags without a session\n");
    todo_wine(GetLastError() == ERROR_INVALID_HANDLE, "GetTraceEnableFlags: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    todo_wine(GetTraceEnableLevel(session) == 0, "enable level without a session\n");
    todo_wine(GetLastError() == ERROR_INVALID_HANDLE, "GetTraceEnableLevel: error %lu\n", GetLastError());
    memset(&event, 0, sizeof(event));
    event.header.Size = sizeof(event);
    event.header.Flags = WNODE_FLAG_TRACED_GUID;
    event.header.Guid = event_id;
    event.value = 42;
    rc = TraceEvent(session, &event.header);
    todo_wine(rc == ERROR_INVALID_HANDLE, "TraceEvent %lu\n", rc);

    ok(UnregisterTraceGuids(handle) == ERROR_SUCCESS, "UnregisterTraceGuids\n");
    /* without a callback (Wine 8 accepts it) */
    rc = RegisterTraceGuidsW(NULL, NULL, &control_id, 1, guids, NULL, NULL, &handle);
    todo_wine(rc == ERROR_INVALID_PARAMETER, "RegisterTraceGuidsW(no callback) %lu\n", rc);
    if (!rc) UnregisterTraceGuids(handle);
}

/* the thread's activity id, read into a filled buffer */
static GUID get_activity(void)
{
    GUID id;
    memset(&id, 0xcc, sizeof(id));
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    return id;
}

static DWORD WINAPI activity_thread(void *arg)
{
    *(GUID *)arg = get_activity();
    return 0;
}

static void test_activity_id(void)
{
    static const GUID zero;
    GUID id, first, second, other;
    HANDLE thread;
    ULONG rc;

    /* Wine 8 keeps no activity id: GET_ID leaves the buffer alone, SET_ID
       and the others change nothing (the todo_wine lines) */
    memset(&id, 0xcc, sizeof(id));
    rc = EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    ok(rc == ERROR_SUCCESS, "GET_ID %lu\n", rc);
    todo_wine(IsEqualGUID(&id, &zero), "a new thread's activity id is not zero\n");

    /* CREATE_ID makes an id and leaves the thread's alone */
    rc = EventActivityIdControl(EVENT_ACTIVITY_CTRL_CREATE_ID, &first);
    ok(rc == ERROR_SUCCESS && !IsEqualGUID(&first, &zero), "CREATE_ID %lu\n", rc);
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_CREATE_ID, &second);
    ok(!IsEqualGUID(&first, &second), "two created ids are equal\n");
    id = get_activity();
    todo_wine(IsEqualGUID(&id, &zero), "CREATE_ID changed the thread's id\n");

    id = first;
    ok(EventActivityIdControl(EVENT_ACTIVITY_CTRL_SET_ID, &id) == ERROR_SUCCESS, "SET_ID\n");
    id = get_activity();
    todo_wine(IsEqualGUID(&id, &first), "SET_ID then GET_ID\n");
    id = second;
    ok(EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_SET_ID, &id) == ERROR_SUCCESS, "GET_SET_ID\n");
    todo_wine(IsEqualGUID(&id, &first), "GET_SET_ID gave the previous id\n");
    memset(&id, 0xcc, sizeof(id));
    ok(EventActivityIdControl(EVENT_ACTIVITY_CTRL_CREATE_SET_ID, &id) == ERROR_SUCCESS, "CREATE_SET_ID\n");
    todo_wine(IsEqualGUID(&id, &second), "CREATE_SET_ID gave the previous id\n");
    id = get_activity();
    todo_wine(!IsEqualGUID(&id, &second) && !IsEqualGUID(&id, &zero) && id.Data1 != 0xcccccccc,
              "CREATE_SET_ID set no new id\n");

    /* each thread has its own */
    thread = CreateThread(NULL, 0, activity_thread, &other, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    todo_wine(IsEqualGUID(&other, &zero), "another thread sees this one's id\n");

    id = zero;
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_SET_ID, &id);
    todo_wine(EventActivityIdControl(99, &id) == ERROR_INVALID_PARAMETER, "bad control code accepted\n");
}

int main(void)
{
    test_start("advapi32/etw");
    test_provider();
    test_bad_input();
    test_classic_provider();
    test_activity_id();
    return test_summary();
}
