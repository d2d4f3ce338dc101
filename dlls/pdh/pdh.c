/*
 * pdh.dll: performance counter queries for the counters programs sample
 * most — "\Processor(_Total)\% Processor Time" and "\Processor(N)\...",
 * "\Memory\Available Bytes" (and KBytes, MBytes) — computed from
 * NtQuerySystemInformation's processor times and GlobalMemoryStatusEx.
 * Any other object or counter is refused with PDH_CSTATUS_NO_OBJECT or
 * PDH_CSTATUS_NO_COUNTER when it is added.
 *
 * Processor time is a rate: each PdhCollectQueryData keeps the previous
 * sample, and the value exists from the second collection on (before it,
 * PDH_INVALID_DATA with the value's status PDH_CSTATUS_INVALID_DATA).
 *
 * Sections: handles · counter paths · sampling · the API.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winternl.h>
#include <pdh.h>
#include <pdhmsg.h>
#include <winperf.h>

#define QUERY_MAGIC   0x51726479      /* "Qrdy" */
#define COUNTER_MAGIC 0x436e7472      /* "Cntr" */
#define MAX_CPUS 64
#define SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION_CLASS 8

/* --- handles -------------------------------------------------------------------- */

enum counter_kind { CPU_TIME, MEM_AVAILABLE };

struct counter {
    DWORD magic;
    struct query *query;
    struct counter *next;
    enum counter_kind kind;
    int cpu;                       /* -1: _Total */
    ULONGLONG divisor;             /* memory: bytes per unit */
    DWORD_PTR user_data;
    /* the last two samples: busy and total 100 ns ticks, or bytes */
    ULONGLONG busy[2], total[2];
    DWORD samples;                 /* collections since the counter was added */
};

struct query {
    DWORD magic;
    DWORD_PTR user_data;
    struct counter *counters;
};

static struct query *get_query(PDH_HQUERY h)
{
    struct query *q = h;
    return q && q->magic == QUERY_MAGIC ? q : NULL;
}

static struct counter *get_counter(PDH_HCOUNTER h)
{
    struct counter *c = h;
    return c && c->magic == COUNTER_MAGIC ? c : NULL;
}

/* --- counter paths ---------------------------------------------------------------- */

/* "\Object(Instance)\Counter", an optional "\\machine" first; the parts
   are copied out, instance empty when there is none */
static BOOL split_path(const WCHAR *path, WCHAR *object, WCHAR *instance, WCHAR *counter, int size)
{
    const WCHAR *p = path, *end;
    int n;

    if (p[0] == '\\' && p[1] == '\\') { p += 2; while (*p && *p != '\\') p++; }
    if (*p++ != '\\') return FALSE;
    for (end = p; *end && *end != '(' && *end != '\\'; end++) {}
    if ((n = end - p) >= size) return FALSE;
    lstrcpynW(object, p, n + 1);
    instance[0] = 0;
    if (*end == '(')
    {
        p = end + 1;
        for (end = p; *end && *end != ')'; end++) {}
        if (*end != ')' || (n = end - p) >= size) return FALSE;
        lstrcpynW(instance, p, n + 1);
        end++;
    }
    if (*end++ != '\\' || !*end || lstrlenW(end) >= size) return FALSE;
    lstrcpyW(counter, end);
    return TRUE;
}

static int cpu_count(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwNumberOfProcessors > MAX_CPUS ? MAX_CPUS : (int)si.dwNumberOfProcessors;
}

/* fills c's kind from its path: ERROR_SUCCESS or the PDH_CSTATUS_* refusal */
static PDH_STATUS parse_counter(const WCHAR *path, struct counter *c)
{
    WCHAR object[64], instance[64], counter[64];

    if (!split_path(path, object, instance, counter, 64)) return PDH_CSTATUS_BAD_COUNTERNAME;
    if (!lstrcmpiW(object, L"Processor"))
    {
        if (lstrcmpiW(counter, L"% Processor Time")) return PDH_CSTATUS_NO_COUNTER;
        c->kind = CPU_TIME;
        if (!instance[0] || !lstrcmpiW(instance, L"_Total")) { c->cpu = -1; return ERROR_SUCCESS; }
        c->cpu = 0;
        for (const WCHAR *p = instance; *p; p++)
        {
            if (*p < '0' || *p > '9') return PDH_CSTATUS_NO_INSTANCE;
            c->cpu = c->cpu * 10 + *p - '0';
        }
        return c->cpu < cpu_count() ? ERROR_SUCCESS : PDH_CSTATUS_NO_INSTANCE;
    }
    if (!lstrcmpiW(object, L"Memory"))
    {
        c->kind = MEM_AVAILABLE;
        if (!lstrcmpiW(counter, L"Available Bytes")) c->divisor = 1;
        else if (!lstrcmpiW(counter, L"Available KBytes")) c->divisor = 1024;
        else if (!lstrcmpiW(counter, L"Available MBytes")) c->divisor = 1024 * 1024;
        else return PDH_CSTATUS_NO_COUNTER;
        return ERROR_SUCCESS;
    }
    return PDH_CSTATUS_NO_OBJECT;
}

/* --- sampling --------------------------------------------------------------------- */

typedef struct {
    LARGE_INTEGER IdleTime, KernelTime, UserTime, DpcTime, InterruptTime;
    ULONG InterruptCount;
} CPU_TIMES;

static BOOL sample_cpu(int cpu, ULONGLONG *busy, ULONGLONG *total)
{
    CPU_TIMES t[MAX_CPUS];
    ULONG len;
    int n;

    if (NtQuerySystemInformation(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION_CLASS, t, sizeof(t), &len)) return FALSE;
    n = len / sizeof(t[0]);
    *busy = *total = 0;
    for (int i = 0; i < n; i++)
    {
        if (cpu >= 0 && i != cpu) continue;
        ULONGLONG all = t[i].KernelTime.QuadPart + t[i].UserTime.QuadPart;   /* kernel time includes idle */
        *total += all;
        *busy += all - t[i].IdleTime.QuadPart;
    }
    return TRUE;
}

static void sample(struct counter *c)
{
    MEMORYSTATUSEX ms = { sizeof(ms) };
    c->busy[0] = c->busy[1];
    c->total[0] = c->total[1];
    if (c->kind == CPU_TIME) sample_cpu(c->cpu, &c->busy[1], &c->total[1]);
    else if (GlobalMemoryStatusEx(&ms)) c->busy[1] = ms.ullAvailPhys;
    c->samples++;
}

/* the counter's value; FALSE while it has none yet */
static BOOL value_of(const struct counter *c, double *v)
{
    if (c->kind == MEM_AVAILABLE)
    {
        if (!c->samples) return FALSE;
        *v = (double)(c->busy[1] / c->divisor);
        return TRUE;
    }
    if (c->samples < 2) return FALSE;
    ULONGLONG total = c->total[1] - c->total[0], busy = c->busy[1] - c->busy[0];
    *v = total ? 100.0 * (double)busy / (double)total : 0.0;
    if (*v > 100.0) *v = 100.0;
    return TRUE;
}

/* --- the API ------------------------------------------------------------------------ */

PDH_STATUS WINAPI PdhOpenQueryW(LPCWSTR source, DWORD_PTR user_data, PDH_HQUERY *handle)
{
    struct query *q;
    if (!handle) return PDH_INVALID_ARGUMENT;
    if (source && *source) return PDH_CSTATUS_NO_MACHINE;   /* log files are not read */
    if (!(q = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*q)))) return PDH_MEMORY_ALLOCATION_FAILURE;
    q->magic = QUERY_MAGIC;
    q->user_data = user_data;
    *handle = q;
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhOpenQueryA(LPCSTR source, DWORD_PTR user_data, PDH_HQUERY *handle)
{
    if (source && *source) return handle ? PDH_CSTATUS_NO_MACHINE : PDH_INVALID_ARGUMENT;
    return PdhOpenQueryW(NULL, user_data, handle);
}

PDH_STATUS WINAPI PdhAddCounterW(PDH_HQUERY query, LPCWSTR path, DWORD_PTR user_data, PDH_HCOUNTER *handle)
{
    struct query *q = get_query(query);
    struct counter *c;
    PDH_STATUS status;

    if (!path || !handle) return PDH_INVALID_ARGUMENT;
    if (!q) return PDH_INVALID_HANDLE;
    if (!(c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c)))) return PDH_MEMORY_ALLOCATION_FAILURE;
    if ((status = parse_counter(path, c)))
    {
        HeapFree(GetProcessHeap(), 0, c);
        return status;
    }
    c->magic = COUNTER_MAGIC;
    c->query = q;
    c->user_data = user_data;
    c->next = q->counters;
    q->counters = c;
    *handle = c;
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhAddCounterA(PDH_HQUERY query, LPCSTR path, DWORD_PTR user_data, PDH_HCOUNTER *handle)
{
    WCHAR w[256];
    if (!path || !handle) return PDH_INVALID_ARGUMENT;
    if (!MultiByteToWideChar(CP_ACP, 0, path, -1, w, ARRAYSIZE(w))) return PDH_CSTATUS_BAD_COUNTERNAME;
    return PdhAddCounterW(query, w, user_data, handle);
}

/* wlx's counter names are the English ones whatever the language */
PDH_STATUS WINAPI PdhAddEnglishCounterW(PDH_HQUERY query, LPCWSTR path, DWORD_PTR user_data, PDH_HCOUNTER *handle)
{
    return PdhAddCounterW(query, path, user_data, handle);
}

PDH_STATUS WINAPI PdhAddEnglishCounterA(PDH_HQUERY query, LPCSTR path, DWORD_PTR user_data, PDH_HCOUNTER *handle)
{
    return PdhAddCounterA(query, path, user_data, handle);
}

PDH_STATUS WINAPI PdhRemoveCounter(PDH_HCOUNTER handle)
{
    struct counter *c = get_counter(handle), **link;
    if (!c) return PDH_INVALID_HANDLE;
    for (link = &c->query->counters; *link && *link != c; link = &(*link)->next) {}
    if (*link) *link = c->next;
    c->magic = 0;
    HeapFree(GetProcessHeap(), 0, c);
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhCollectQueryData(PDH_HQUERY query)
{
    struct query *q = get_query(query);
    if (!q) return PDH_INVALID_HANDLE;
    if (!q->counters) return PDH_NO_DATA;
    for (struct counter *c = q->counters; c; c = c->next) sample(c);
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhGetFormattedCounterValue(PDH_HCOUNTER handle, DWORD format, DWORD *type, PDH_FMT_COUNTERVALUE *value)
{
    struct counter *c = get_counter(handle);
    double v;

    if (!value) return PDH_INVALID_ARGUMENT;
    if (!c) return PDH_INVALID_HANDLE;
    if (!(format & (PDH_FMT_LONG | PDH_FMT_DOUBLE | PDH_FMT_LARGE))) return PDH_INVALID_ARGUMENT;
    if (type) *type = c->kind == CPU_TIME ? PERF_100NSEC_TIMER_INV : PERF_COUNTER_LARGE_RAWCOUNT;
    if (!value_of(c, &v))
    {
        value->CStatus = PDH_CSTATUS_INVALID_DATA;
        return PDH_INVALID_DATA;
    }
    value->CStatus = PDH_CSTATUS_VALID_DATA;
    if (format & PDH_FMT_LONG) value->longValue = (LONG)(v + 0.5);
    else if (format & PDH_FMT_LARGE) value->largeValue = (LONGLONG)(v + 0.5);
    else value->doubleValue = v;
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhCloseQuery(PDH_HQUERY query)
{
    struct query *q = get_query(query);
    if (!q) return PDH_INVALID_HANDLE;
    while (q->counters) PdhRemoveCounter(q->counters);
    q->magic = 0;
    HeapFree(GetProcessHeap(), 0, q);
    return ERROR_SUCCESS;
}

/* the objects this pdh knows, as a double-NUL-terminated list of chars
   (A) or WCHARs (W) */
static PDH_STATUS enum_objects(const void *source, void *list, DWORD *count, BOOL wide)
{
    static const char objects[] = "Processor\0Memory\0";
    if (!count) return PDH_INVALID_ARGUMENT;
    if (source && (wide ? *(const WCHAR *)source : *(const char *)source)) return PDH_CSTATUS_NO_MACHINE;
    if (!list || *count < sizeof(objects))
    {
        *count = sizeof(objects);
        return PDH_MORE_DATA;
    }
    for (DWORD i = 0; i < sizeof(objects); i++)
        if (wide) ((WCHAR *)list)[i] = objects[i]; else ((char *)list)[i] = objects[i];
    *count = sizeof(objects);
    return ERROR_SUCCESS;
}

PDH_STATUS WINAPI PdhEnumObjectsW(LPCWSTR source, LPCWSTR machine, LPWSTR list, DWORD *count, DWORD detail, BOOL refresh)
{
    (void)machine; (void)detail; (void)refresh;
    return enum_objects(source, list, count, TRUE);
}

PDH_STATUS WINAPI PdhEnumObjectsA(LPCSTR source, LPCSTR machine, LPSTR list, DWORD *count, DWORD detail, BOOL refresh)
{
    (void)machine; (void)detail; (void)refresh;
    return enum_objects(source, list, count, FALSE);
}
