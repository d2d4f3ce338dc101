/* tests/pdh/query.c — PDH queries: processor time (a rate: valid from the
   second collection), available memory, refused counters, bad handles. */
#include <windows.h>
#include <pdh.h>
#include <pdhmsg.h>
#include <stdio.h>
#include "test.h"

static void test_processor_and_memory(void)
{
    PDH_HQUERY query = NULL;
    PDH_HCOUNTER cpu = NULL, mem = NULL;
    PDH_FMT_COUNTERVALUE v;
    MEMORYSTATUSEX ms = { sizeof(ms) };
    PDH_STATUS st;
    DWORD type;

    ok(PdhOpenQueryW(NULL, 0, &query) == ERROR_SUCCESS && query, "PdhOpenQueryW failed\n");
    st = PdhAddEnglishCounterW(query, L"\\Processor(_Total)\\% Processor Time", 0, &cpu);
    ok(st == ERROR_SUCCESS && cpu, "adding processor time: %lx\n", st);
    /* Wine 8's pdh knows no memory counters: todo_wine below */
    st = PdhAddEnglishCounterW(query, L"\\Memory\\Available Bytes", 0, &mem);
    todo_wine(st == ERROR_SUCCESS && mem, "adding available bytes: %lx\n", st);

    ok(PdhCollectQueryData(query) == ERROR_SUCCESS, "first collection failed\n");
    /* a rate needs two samples (documented); Wine 8 answers after one */
    v.CStatus = 0;
    st = PdhGetFormattedCounterValue(cpu, PDH_FMT_DOUBLE, NULL, &v);
    todo_wine(st == PDH_INVALID_DATA && v.CStatus == PDH_CSTATUS_INVALID_DATA, "a rate after one sample: %lx %lx\n",
              st, v.CStatus);

    GlobalMemoryStatusEx(&ms);
    st = PdhGetFormattedCounterValue(mem, PDH_FMT_LARGE, &type, &v);
    todo_wine(st == ERROR_SUCCESS && v.CStatus == PDH_CSTATUS_VALID_DATA, "available bytes: %lx\n", st);
    if (!st) ok(v.largeValue > 0 && (ULONGLONG)v.largeValue <= ms.ullTotalPhys, "available %I64d of %I64u\n", v.largeValue,
       ms.ullTotalPhys);

    Sleep(100);
    ok(PdhCollectQueryData(query) == ERROR_SUCCESS, "second collection failed\n");
    st = PdhGetFormattedCounterValue(cpu, PDH_FMT_DOUBLE, &type, &v);
    ok(st == ERROR_SUCCESS && v.CStatus == PDH_CSTATUS_VALID_DATA, "processor time: %lx %lx\n", st, v.CStatus);
    ok(v.doubleValue >= 0.0 && v.doubleValue <= 100.0, "processor time %f\n", v.doubleValue);
    st = PdhGetFormattedCounterValue(cpu, PDH_FMT_LONG, NULL, &v);
    ok(st == ERROR_SUCCESS && v.longValue >= 0 && v.longValue <= 100, "as a long: %ld\n", v.longValue);

    todo_wine(PdhRemoveCounter(mem) == ERROR_SUCCESS, "PdhRemoveCounter failed\n");
    ok(PdhCloseQuery(query) == ERROR_SUCCESS, "PdhCloseQuery failed\n");
}

static void test_refused(void)
{
    PDH_HQUERY query = NULL;
    PDH_HCOUNTER c = NULL;
    PDH_FMT_COUNTERVALUE v;

    ok(PdhOpenQueryA(NULL, 0, &query) == ERROR_SUCCESS, "PdhOpenQueryA failed\n");
    ok(PdhCollectQueryData(query) == PDH_NO_DATA, "collecting nothing\n");
    /* documented PDH_CSTATUS_NO_OBJECT; Wine 8 says PDH_CSTATUS_NO_COUNTER */
    todo_wine(PdhAddCounterA(query, "\\No Such Object\\Counter", 0, &c) == PDH_CSTATUS_NO_OBJECT, "a missing object\n");
    ok(PdhAddCounterA(query, "\\Processor(_Total)\\No Such Counter", 0, &c) == PDH_CSTATUS_NO_COUNTER, "a missing counter\n");
    ok(PdhAddCounterW(NULL, L"\\Memory\\Available Bytes", 0, &c) == PDH_INVALID_HANDLE, "a NULL query\n");
    ok(PdhGetFormattedCounterValue(NULL, PDH_FMT_LONG, NULL, &v) == PDH_INVALID_HANDLE, "a NULL counter\n");
    ok(PdhCloseQuery(query) == ERROR_SUCCESS, "PdhCloseQuery failed\n");
    ok(PdhCloseQuery(NULL) == PDH_INVALID_HANDLE, "closing NULL\n");
}

int main(void)
{
    test_start("query");
    test_processor_and_memory();
    test_refused();
    return test_summary();
}
