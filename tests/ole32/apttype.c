/*
 * tests/ole32/apttype.c — CoGetApartmentType (a thread's own apartment,
 * the process's first single-threaded one as the "main" STA, the implicit
 * MTA of a thread outside any while another holds the MTA, nothing once
 * that thread leaves) and CoWaitForMultipleHandles outside a message loop
 * (signalled, timed out, wait-all, bad arguments). .NET's runtime asks
 * CoGetApartmentType at start.
 */
#include "test.h"
#include <objbase.h>

static HANDLE entered, leave, done;

static DWORD WINAPI mta_holder(void *arg)
{
    APTTYPE type = 99;
    APTTYPEQUALIFIER qual = 99;
    HRESULT *hr = arg;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    *hr = CoGetApartmentType(&type, &qual);
    ok(*hr == S_OK && type == APTTYPE_MTA && qual == APTTYPEQUALIFIER_NONE, "the MTA thread: %#lx %d %d\n", *hr, type, qual);
    SetEvent(entered);
    WaitForSingleObject(leave, INFINITE);
    CoUninitialize();
    SetEvent(done);
    return 0;
}

static DWORD WINAPI second_sta(void *arg)
{
    APTTYPE type = 99;
    APTTYPEQUALIFIER qual = 99;
    HRESULT hr;

    (void)arg;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    hr = CoGetApartmentType(&type, &qual);
    ok(hr == S_OK && type == APTTYPE_STA && qual == APTTYPEQUALIFIER_NONE, "a second STA: %#lx %d %d\n", hr, type, qual);
    CoUninitialize();
    return 0;
}

static void test_apartment_type(void)
{
    APTTYPE type;
    APTTYPEQUALIFIER qual;
    HRESULT hr, thread_hr = 0;
    HANDLE thread;

    ok(CoGetApartmentType(NULL, &qual) == E_INVALIDARG && CoGetApartmentType(&type, NULL) == E_INVALIDARG, "NULL arguments\n");
    type = 99; qual = 99;
    hr = CoGetApartmentType(&type, &qual);
    ok(hr == CO_E_NOTINITIALIZED && type == APTTYPE_CURRENT && qual == APTTYPEQUALIFIER_NONE,
       "outside any apartment: %#lx %d %d\n", hr, type, qual);

    entered = CreateEventA(NULL, FALSE, FALSE, NULL);
    leave = CreateEventA(NULL, FALSE, FALSE, NULL);
    done = CreateEventA(NULL, FALSE, FALSE, NULL);
    thread = CreateThread(NULL, 0, mta_holder, &thread_hr, 0, NULL);
    WaitForSingleObject(entered, INFINITE);
    type = 99; qual = 99;
    hr = CoGetApartmentType(&type, &qual);
    ok(hr == S_OK && type == APTTYPE_MTA && qual == APTTYPEQUALIFIER_IMPLICIT_MTA,
       "while another thread holds the MTA: the implicit MTA: %#lx %d %d\n", hr, type, qual);
    SetEvent(leave);
    WaitForSingleObject(done, INFINITE);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    hr = CoGetApartmentType(&type, &qual);
    ok(hr == CO_E_NOTINITIALIZED && type == APTTYPE_CURRENT, "once it left: %#lx %d\n", hr, type);

    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    type = 99; qual = 99;
    hr = CoGetApartmentType(&type, &qual);
    ok(hr == S_OK && type == APTTYPE_MAINSTA && qual == APTTYPEQUALIFIER_NONE, "the first STA is the main one: %#lx %d %d\n",
       hr, type, qual);
    thread = CreateThread(NULL, 0, second_sta, NULL, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    CoUninitialize();
}

static void test_wait(void)
{
    HANDLE ev[2];
    DWORD index = 77;
    HRESULT hr;

    ev[0] = CreateEventA(NULL, TRUE, FALSE, NULL);
    ev[1] = CreateEventA(NULL, TRUE, TRUE, NULL);
    hr = CoWaitForMultipleHandles(0, 0, 2, ev, &index);
    ok(hr == S_OK && index == 1, "the signalled one: %#lx %lu\n", hr, index);
    hr = CoWaitForMultipleHandles(0, 0, 1, ev, &index);
    ok(hr == RPC_S_CALLPENDING, "nothing signalled, no time: %#lx\n", hr);
    hr = CoWaitForMultipleHandles(COWAIT_WAITALL, 0, 2, ev, &index);
    ok(hr == RPC_S_CALLPENDING, "wait-all with one unsignalled: %#lx\n", hr);
    SetEvent(ev[0]);
    index = 77;
    hr = CoWaitForMultipleHandles(COWAIT_WAITALL, 0, 2, ev, &index);
    ok(hr == S_OK && index == 0, "wait-all satisfied: %#lx %lu\n", hr, index);
    ok(CoWaitForMultipleHandles(0, 0, 1, ev, NULL) == E_INVALIDARG, "no index\n");
    ok(CoWaitForMultipleHandles(0, 0, 1, NULL, &index) == E_INVALIDARG, "no handles\n");
    ok(CoWaitForMultipleHandles(0, 0, 0, ev, &index) == RPC_E_NO_SYNC, "no count\n");
    CloseHandle(ev[0]);
    CloseHandle(ev[1]);
}

int main(void)
{
    test_start("ole32:apttype");
    test_apartment_type();
    test_wait();
    return test_summary();
}
