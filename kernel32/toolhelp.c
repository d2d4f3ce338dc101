/*
 * kernel32/toolhelp.c — CreateToolhelp32Snapshot and the Process32,
 * Thread32 and Module32 walks. As on Windows, a snapshot is a pagefile
 * section holding the lists and their cursors, so its handle is closed with
 * CloseHandle and can be shared like any section.
 *
 * What is listed: the idle process and every process of the prefix (the
 * server's list), the threads of every process of the
 * prefix (each process lists its own, ntdll/unix/xthread.c), and this
 * process's modules (another process's modules: ERROR_ACCESS_DENIED).
 *
 * Sections: the snapshot · building it · walking it.
 */
#include "private.h"
#include <tlhelp32.h>
#include "wlx/toolhelp.h"

NTSTATUS NTAPI __wlx_process_facts(DWORD id, struct wlx_process_facts *facts);
/* both fill an array (DWORD ids; struct wlx_thread_entry) and say how many
   items there are */
typedef NTSTATUS (NTAPI *list_func)(void *items, DWORD max, DWORD *count);
NTSTATUS NTAPI __wlx_process_ids(void *ids, DWORD max, DWORD *count);
NTSTATUS NTAPI __wlx_system_threads(void *threads, DWORD max, DWORD *count);
NTSTATUS NTAPI LdrLockLoaderLock(ULONG, ULONG *, ULONG_PTR *);
NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG, ULONG_PTR);

/* --- the snapshot -------------------------------------------------------------- */

enum { LIST_PROCESS, LIST_THREAD, LIST_MODULE, LIST_COUNT };

static const DWORD entry_size[LIST_COUNT] = {
    sizeof(PROCESSENTRY32W), sizeof(THREADENTRY32), sizeof(MODULEENTRY32W)
};

/* the start of the section; the lists follow, each `offset` bytes in */
struct snapshot {
    DWORD count[LIST_COUNT];
    DWORD cursor[LIST_COUNT];     /* the next entry Next returns */
    DWORD offset[LIST_COUNT];
};

/* the lists while they are built, on the heap */
struct lists {
    BYTE *data[LIST_COUNT];
    DWORD count[LIST_COUNT], capacity[LIST_COUNT];
};

/* a zeroed entry at the end of list `kind`, NULL without memory */
static void *add_entry(struct lists *l, int kind)
{
    if (l->count[kind] == l->capacity[kind])
    {
        DWORD n = l->capacity[kind] ? l->capacity[kind] * 2 : 16;
        BYTE *p = l->data[kind] ? HeapReAlloc(PROCESS_HEAP(), 0, l->data[kind], n * entry_size[kind])
                                : HeapAlloc(PROCESS_HEAP(), 0, n * entry_size[kind]);
        if (!p) return NULL;
        l->data[kind] = p;
        l->capacity[kind] = n;
    }
    BYTE *e = l->data[kind] + l->count[kind]++ * entry_size[kind];
    memset(e, 0, entry_size[kind]);
    *(DWORD *)e = entry_size[kind];                     /* every entry starts with dwSize */
    return e;
}

/* --- building it ------------------------------------------------------------------- */

static BOOL add_process(struct lists *l, const struct wlx_process_facts *f, const WCHAR *name)
{
    PROCESSENTRY32W *e = add_entry(l, LIST_PROCESS);
    if (!e) return FALSE;
    e->th32ProcessID = f->process_id;
    e->th32ParentProcessID = f->parent_id;
    e->cntThreads = f->threads;
    e->pcPriClassBase = 8;                               /* NORMAL_PRIORITY_CLASS */
    lstrcpynW(e->szExeFile, name ? name : (const WCHAR *)f->exe_name, MAX_PATH);
    return TRUE;
}

/* what `get` lists, in a heap block (NULL without memory); *count items */
static void *fetch_list(list_func get, DWORD item_size, DWORD *count)
{
    DWORD max = 256;
    void *items = NULL;

    for (;;)    /* processes and threads come and go between two tries: grow until they fit */
    {
        if (items) HeapFree(PROCESS_HEAP(), 0, items);
        if (!(items = HeapAlloc(PROCESS_HEAP(), 0, max * item_size))) return NULL;
        if (get(items, max, count)) *count = 0;
        if (*count <= max) return items;
        max = *count + 64;
    }
}

/* how many of `threads` belong to process pid */
static DWORD count_threads(const struct wlx_thread_entry *threads, DWORD n, DWORD pid)
{
    DWORD count = 0;
    for (DWORD i = 0; i < n; i++) count += threads[i].process_id == pid;
    return count;
}

/* the idle process, then every live process of the prefix (one that ends
   meanwhile is left out), each with its count of Windows threads (wlx's
   own Unix threads are not counted) */
static BOOL list_processes(struct lists *l)
{
    struct wlx_process_facts idle = { 0 }, facts;
    struct wlx_thread_entry *threads;
    DWORD count, nthreads = 0, *ids;
    BOOL ok = TRUE;

    if (!add_process(l, &idle, L"[System Process]")) return FALSE;
    if (!(ids = fetch_list(__wlx_process_ids, sizeof(*ids), &count))) return FALSE;
    threads = fetch_list(__wlx_system_threads, sizeof(*threads), &nthreads);
    for (DWORD i = 0; i < count && ok; i++)
    {
        if (__wlx_process_facts(ids[i], &facts)) continue;
        if (threads) facts.threads = count_threads(threads, nthreads, ids[i]);
        ok = add_process(l, &facts, NULL);
    }
    if (threads) HeapFree(PROCESS_HEAP(), 0, threads);
    HeapFree(PROCESS_HEAP(), 0, ids);
    return ok;
}

/* the threads of every process (each asked by ntdll), whatever the
   snapshot's process id, as Windows lists them */
static BOOL list_threads(struct lists *l)
{
    struct wlx_thread_entry *threads;
    DWORD count;
    BOOL ok = TRUE;

    if (!(threads = fetch_list(__wlx_system_threads, sizeof(*threads), &count))) return FALSE;
    for (DWORD i = 0; i < count && ok; i++)
    {
        THREADENTRY32 *e = add_entry(l, LIST_THREAD);
        if (!(ok = e != NULL)) break;
        e->th32ThreadID = threads[i].thread_id;
        e->th32OwnerProcessID = threads[i].process_id;
        e->tpBasePri = 8;                                /* THREAD_PRIORITY_NORMAL in a normal class */
    }
    HeapFree(PROCESS_HEAP(), 0, threads);
    return ok;
}

static void copy_ustr(WCHAR *dst, const UNICODE_STRING *src, DWORD max)
{
    DWORD n = src->Length / sizeof(WCHAR);
    if (n >= max) n = max - 1;
    memcpy(dst, src->Buffer, n * sizeof(WCHAR));
    dst[n] = 0;
}

/* this process's modules, from the loader's list in load order */
static BOOL list_modules(struct lists *l)
{
    LIST_ENTRY *head = (LIST_ENTRY *)(*(BYTE **)(k32_peb() + PEB_LDR) + 0x10);   /* InLoadOrderModuleList */
    ULONG_PTR cookie;
    BOOL ok = TRUE;

    LdrLockLoaderLock(0, NULL, &cookie);
    for (LIST_ENTRY *le = head->Flink; le != head && ok; le = le->Flink)
    {
        LDR_ENTRY_HEAD *m = CONTAINING_RECORD(le, LDR_ENTRY_HEAD, InLoadOrderLinks);
        MODULEENTRY32W *e = add_entry(l, LIST_MODULE);
        if (!(ok = e != NULL)) break;
        e->th32ModuleID = 1;
        e->th32ProcessID = GetCurrentProcessId();
        e->GlblcntUsage = e->ProccntUsage = 0xffff;
        e->modBaseAddr = m->DllBase;
        e->modBaseSize = m->SizeOfImage;
        e->hModule = m->DllBase;
        copy_ustr(e->szModule, &m->BaseDllName, ARRAYSIZE(e->szModule));
        copy_ustr(e->szExePath, &m->FullDllName, ARRAYSIZE(e->szExePath));
    }
    LdrUnlockLoaderLock(0, cookie);
    return ok;
}

/* the section holding `l`: header, then each list */
static HANDLE make_section(const struct lists *l)
{
    struct snapshot head = { 0 };
    DWORD size = sizeof(head);
    HANDLE section;
    BYTE *view;

    for (int k = 0; k < LIST_COUNT; k++)
    {
        head.count[k] = l->count[k];
        head.offset[k] = size;
        size += l->count[k] * entry_size[k];
    }
    if (!(section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, size, NULL))) return NULL;
    if (!(view = MapViewOfFile(section, FILE_MAP_WRITE, 0, 0, size)))
    {
        CloseHandle(section);
        return NULL;
    }
    memcpy(view, &head, sizeof(head));
    for (int k = 0; k < LIST_COUNT; k++)
        if (l->count[k]) memcpy(view + head.offset[k], l->data[k], l->count[k] * entry_size[k]);
    UnmapViewOfFile(view);
    return section;
}

HANDLE WINAPI CreateToolhelp32Snapshot(DWORD flags, DWORD process_id)
{
    struct lists l = { 0 };
    HANDLE section = NULL;
    BOOL ok = TRUE;

    if ((flags & (TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32)) && process_id && process_id != GetCurrentProcessId())
    {
        SetLastError(ERROR_ACCESS_DENIED);                /* another process's loader list is not readable */
        return INVALID_HANDLE_VALUE;
    }
    if (flags & TH32CS_SNAPPROCESS) ok = list_processes(&l);
    if (ok && (flags & TH32CS_SNAPTHREAD)) ok = list_threads(&l);
    if (ok && (flags & (TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32))) ok = list_modules(&l);
    if (ok) section = make_section(&l);
    else SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    for (int k = 0; k < LIST_COUNT; k++) if (l.data[k]) RtlFreeHeap(PROCESS_HEAP(), 0, l.data[k]);
    if (section && (flags & TH32CS_INHERIT)) SetHandleInformation(section, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    return section ? section : INVALID_HANDLE_VALUE;
}

/* --- walking it -------------------------------------------------------------------- */

/* copies entry `first ? 0 : cursor` of list `kind` to `out` (W form) and
   moves the cursor past it */
static BOOL walk(HANDLE snapshot, int kind, BOOL first, void *out)
{
    struct snapshot *head;
    DWORD index;
    BOOL ok = FALSE;

    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(head = MapViewOfFile(snapshot, FILE_MAP_WRITE, 0, 0, 0)))
    {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    index = first ? 0 : head->cursor[kind];
    if (index < head->count[kind])
    {
        memcpy(out, (BYTE *)head + head->offset[kind] + index * entry_size[kind], entry_size[kind]);
        head->cursor[kind] = index + 1;
        ok = TRUE;
    }
    else
    {
        head->cursor[kind] = head->count[kind];
        SetLastError(ERROR_NO_MORE_FILES);
    }
    UnmapViewOfFile(head);
    return ok;
}

/* the caller's dwSize must hold the whole structure */
static BOOL check_size(const void *entry, DWORD size)
{
    if (entry && *(const DWORD *)entry >= size) return TRUE;
    SetLastError(entry ? ERROR_INSUFFICIENT_BUFFER : ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* a W walk (and Thread32, which has one form): the entry as stored, with
   the caller's dwSize kept */
static BOOL walk_w(HANDLE snapshot, int kind, BOOL first, void *entry)
{
    DWORD size = entry ? *(DWORD *)entry : 0;
    if (!check_size(entry, entry_size[kind]) || !walk(snapshot, kind, first, entry)) return FALSE;
    *(DWORD *)entry = size;
    return TRUE;
}

/* an A entry: the fields after dwSize up to the first name are the W
   entry's, each name is converted (W and A share that head's layout) */
struct a_layout {
    int kind;
    DWORD size, head_end;
    struct { DWORD w, a, len; } names[2];       /* len 0: no such name */
};

static const struct a_layout process_a = {
    LIST_PROCESS, sizeof(PROCESSENTRY32), offsetof(PROCESSENTRY32, szExeFile),
    { { offsetof(PROCESSENTRY32W, szExeFile), offsetof(PROCESSENTRY32, szExeFile), MAX_PATH } },
};

static const struct a_layout module_a = {
    LIST_MODULE, sizeof(MODULEENTRY32), offsetof(MODULEENTRY32, szModule),
    { { offsetof(MODULEENTRY32W, szModule), offsetof(MODULEENTRY32, szModule), MAX_MODULE_NAME32 + 1 },
      { offsetof(MODULEENTRY32W, szExePath), offsetof(MODULEENTRY32, szExePath), MAX_PATH } },
};

static BOOL walk_a(HANDLE snapshot, const struct a_layout *layout, BOOL first, void *entry)
{
    BYTE w[sizeof(MODULEENTRY32W) > sizeof(PROCESSENTRY32W) ? sizeof(MODULEENTRY32W) : sizeof(PROCESSENTRY32W)];

    if (!check_size(entry, layout->size) || !walk(snapshot, layout->kind, first, w)) return FALSE;
    memcpy((BYTE *)entry + sizeof(DWORD), w + sizeof(DWORD), layout->head_end - sizeof(DWORD));
    for (int i = 0; i < 2 && layout->names[i].len; i++)
        WideCharToMultiByte(CP_ACP, 0, (WCHAR *)(w + layout->names[i].w), -1, (char *)entry + layout->names[i].a,
                            layout->names[i].len, NULL, NULL);
    return TRUE;
}

BOOL WINAPI Process32FirstW(HANDLE s, PROCESSENTRY32W *e) { return walk_w(s, LIST_PROCESS, TRUE, e); }
BOOL WINAPI Process32NextW(HANDLE s, PROCESSENTRY32W *e) { return walk_w(s, LIST_PROCESS, FALSE, e); }
BOOL WINAPI Process32First(HANDLE s, PROCESSENTRY32 *e) { return walk_a(s, &process_a, TRUE, e); }
BOOL WINAPI Process32Next(HANDLE s, PROCESSENTRY32 *e) { return walk_a(s, &process_a, FALSE, e); }
BOOL WINAPI Module32FirstW(HANDLE s, MODULEENTRY32W *e) { return walk_w(s, LIST_MODULE, TRUE, e); }
BOOL WINAPI Module32NextW(HANDLE s, MODULEENTRY32W *e) { return walk_w(s, LIST_MODULE, FALSE, e); }
BOOL WINAPI Module32First(HANDLE s, MODULEENTRY32 *e) { return walk_a(s, &module_a, TRUE, e); }
BOOL WINAPI Module32Next(HANDLE s, MODULEENTRY32 *e) { return walk_a(s, &module_a, FALSE, e); }
BOOL WINAPI Thread32First(HANDLE s, THREADENTRY32 *e) { return walk_w(s, LIST_THREAD, TRUE, e); }
BOOL WINAPI Thread32Next(HANDLE s, THREADENTRY32 *e) { return walk_w(s, LIST_THREAD, FALSE, e); }

/* another process's memory by id (0: this process) */
BOOL WINAPI Toolhelp32ReadProcessMemory(DWORD pid, const void *base, void *buf, SIZE_T size, SIZE_T *done)
{
    HANDLE process = pid && pid != GetCurrentProcessId() ? OpenProcess(PROCESS_VM_READ, FALSE, pid) : GetCurrentProcess();
    BOOL ok;

    if (!process) return FALSE;
    ok = ReadProcessMemory(process, base, buf, size, done);
    if (process != GetCurrentProcess()) CloseHandle(process);
    return ok;
}
