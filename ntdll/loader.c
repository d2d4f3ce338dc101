/*
 * ntdll/loader.c — the module loader: the same code loads the exe's imports
 * at start-up and serves LoadLibrary later.
 *
 * Sections: module list · finding and mapping a DLL · exports (forwarders,
 * ordinals) · imports · TLS · DllMain · Ldr* API · process and thread start.
 */
#include "private.h"
#include "loader.h"
#include "exception.h"
#include "wlx/stub.h"

RTL_CRITICAL_SECTION loader_section;
static RTL_CRITICAL_SECTION peb_lock;   /* the PEB's FastPebLock */

/* the lock over the PEB's shared fields (the current directory among them) */
void NTAPI RtlAcquirePebLock(void) { RtlEnterCriticalSection(&peb_lock); }
void NTAPI RtlReleasePebLock(void) { RtlLeaveCriticalSection(&peb_lock); }
static PEB_LDR_DATA_FULL ldr_data;
static WLX_LDR_ENTRY *exe_entry, *ntdll_entry, *kernel32_entry;
static int process_initializing = 1;

extern IMAGE_DOS_HEADER __ImageBase;

/* --- module list ------------------------------------------------------------ */

static void list_append(LIST_ENTRY *head, LIST_ENTRY *e)
{
    e->Flink = head;
    e->Blink = head->Blink;
    head->Blink->Flink = e;
    head->Blink = e;
}

static void list_remove(LIST_ENTRY *e)
{
    e->Blink->Flink = e->Flink;
    e->Flink->Blink = e->Blink;
    e->Flink = e->Blink = e;
}

#define ENTRY_OF(link, field) CONTAINING_RECORD(link, WLX_LDR_ENTRY, field)
#define FOR_EACH_MODULE(m) \
    for (LIST_ENTRY *_l = ldr_data.InLoadOrderModuleList.Flink; \
         _l != &ldr_data.InLoadOrderModuleList && ((m) = ENTRY_OF(_l, InLoadOrderLinks), 1); _l = _l->Flink)

static IMAGE_NT_HEADERS64 *nt_headers(void *base)
{
    return (IMAGE_NT_HEADERS64 *)((BYTE *)base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
}

/* --- an image's headers (RtlImage*: GraalVM's native images read their own) --- */

IMAGE_NT_HEADERS64 *NTAPI RtlImageNtHeader(HMODULE module)
{
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)module;
    if (!dos || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 || dos->e_lfanew >= 0x10000000) return NULL;
    IMAGE_NT_HEADERS64 *nt = nt_headers(module);
    return nt->Signature == IMAGE_NT_SIGNATURE ? nt : NULL;
}

/* size: how much of the image may be read (0: unchecked, with flag 1) */
NTSTATUS NTAPI RtlImageNtHeaderEx(ULONG flags, void *base, ULONG64 size, IMAGE_NT_HEADERS64 **out)
{
    if (!out || !base || (flags & ~1u)) return STATUS_INVALID_PARAMETER;
    *out = NULL;
    if (!(flags & 1) && size < sizeof(IMAGE_DOS_HEADER)) return STATUS_INVALID_IMAGE_FORMAT;
    IMAGE_DOS_HEADER *dos = base;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE) return STATUS_INVALID_IMAGE_FORMAT;
    if (!(flags & 1) && (dos->e_lfanew < 0 || (ULONG64)dos->e_lfanew + sizeof(IMAGE_NT_HEADERS64) > size))
        return STATUS_INVALID_IMAGE_FORMAT;
    if (!(*out = RtlImageNtHeader(base))) return STATUS_INVALID_IMAGE_FORMAT;
    return STATUS_SUCCESS;
}

IMAGE_SECTION_HEADER *NTAPI RtlImageRvaToSection(const IMAGE_NT_HEADERS64 *nt, HMODULE module, DWORD rva)
{
    IMAGE_SECTION_HEADER *sec = IMAGE_FIRST_SECTION(nt);
    (void)module;
    for (WORD i = 0; i < nt->FileHeader.NumberOfSections; i++, sec++)
        if (rva >= sec->VirtualAddress && rva < sec->VirtualAddress + sec->SizeOfRawData) return sec;
    return NULL;
}

/* an RVA in an image read as a file (not mapped): its place in the file */
void *NTAPI RtlImageRvaToVa(const IMAGE_NT_HEADERS64 *nt, HMODULE module, DWORD rva, IMAGE_SECTION_HEADER **hint)
{
    IMAGE_SECTION_HEADER *sec = hint && *hint && rva >= (*hint)->VirtualAddress &&
                                rva < (*hint)->VirtualAddress + (*hint)->SizeOfRawData ? *hint
                                : RtlImageRvaToSection(nt, module, rva);
    if (!sec) return NULL;
    if (hint) *hint = sec;
    return (BYTE *)module + sec->PointerToRawData + (rva - sec->VirtualAddress);
}

void *NTAPI RtlAddressInSectionTable(const IMAGE_NT_HEADERS64 *nt, HMODULE module, DWORD rva)
{
    return RtlImageRvaToVa(nt, module, rva, NULL);
}

/* a data directory of a mapped image (image TRUE) or of one read as a file;
   the low bit of a module handle (LoadLibraryEx's data files) means a file */
void *NTAPI RtlImageDirectoryEntryToData(HMODULE module, BOOLEAN image, WORD dir, ULONG *size)
{
    if ((ULONG_PTR)module & 1) { image = FALSE; module = (HMODULE)((ULONG_PTR)module & ~(ULONG_PTR)1); }
    IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(module);
    if (!nt || nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC) return NULL;
    if (dir >= nt->OptionalHeader.NumberOfRvaAndSizes) return NULL;
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[dir];
    if (!d->VirtualAddress) return NULL;
    if (size) *size = d->Size;
    if (image || d->VirtualAddress < nt->OptionalHeader.SizeOfHeaders) return (BYTE *)module + d->VirtualAddress;
    return RtlImageRvaToVa(nt, module, d->VirtualAddress, NULL);
}

static void *image_dir(void *base, int dir, DWORD *size)
{
    IMAGE_NT_HEADERS64 *nt = nt_headers(base);
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= (DWORD)dir) return NULL;
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[dir];
    if (!d->VirtualAddress || !d->Size) return NULL;
    if (size) *size = d->Size;
    return (BYTE *)base + d->VirtualAddress;
}

static WCHAR *heap_wcsdup(const WCHAR *s)
{
    size_t n = (wcslen(s) + 1) * sizeof(WCHAR);
    WCHAR *r = RtlAllocateHeap(PROCESS_HEAP(), 0, n);
    if (r) memcpy(r, s, n);
    return r;
}

static WLX_LDR_ENTRY *add_module(void *base, const WCHAR *full_name, int builtin)
{
    WLX_LDR_ENTRY *m = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*m));
    IMAGE_NT_HEADERS64 *nt = nt_headers(base);
    WCHAR *full = heap_wcsdup(full_name);
    if (!m || !full) return NULL;
    const WCHAR *slash = wcsrchr(full, '\\');
    const WCHAR *basename = slash ? slash + 1 : full;
    m->DllBase = base;
    m->SizeOfImage = nt->OptionalHeader.SizeOfImage;
    m->EntryPoint = nt->OptionalHeader.AddressOfEntryPoint ? (BYTE *)base + nt->OptionalHeader.AddressOfEntryPoint : NULL;
    m->FullDllName.Buffer = full;
    m->FullDllName.Length = wcslen(full) * sizeof(WCHAR);
    m->FullDllName.MaximumLength = m->FullDllName.Length + sizeof(WCHAR);
    m->BaseDllName.Buffer = (WCHAR *)basename;
    m->BaseDllName.Length = wcslen(basename) * sizeof(WCHAR);
    m->BaseDllName.MaximumLength = m->BaseDllName.Length + sizeof(WCHAR);
    m->Flags = (nt->FileHeader.Characteristics & IMAGE_FILE_DLL) ? LDR_IMAGE_DLL : 0;
    m->ObsoleteLoadCount = 1;
    m->load_count = 1;
    m->TimeDateStamp = nt->FileHeader.TimeDateStamp;
    m->is_builtin = builtin;
    m->tls_index = (ULONG)-1;
    m->TlsIndex = 0xffff;
    m->HashLinks.Flink = m->HashLinks.Blink = &m->HashLinks;
    m->InInitializationOrderLinks.Flink = m->InInitializationOrderLinks.Blink = &m->InInitializationOrderLinks;
    list_append(&ldr_data.InLoadOrderModuleList, &m->InLoadOrderLinks);
    list_append(&ldr_data.InMemoryOrderModuleList, &m->InMemoryOrderLinks);
    if (DEBUG_ON(LOADDLL))
        wlx_dbg("Loaded L\"%ls\" at %p: %s\n", full, base, builtin ? "builtin" : "native");
    return m;
}

WLX_LDR_ENTRY *ldr_find_by_base(const void *base)
{
    WLX_LDR_ENTRY *m;
    FOR_EACH_MODULE(m) if (m->DllBase == base) return m;
    return NULL;
}

WLX_LDR_ENTRY *ldr_find_by_address(const void *addr)
{
    WLX_LDR_ENTRY *m;
    FOR_EACH_MODULE(m)
        if ((const BYTE *)addr >= (BYTE *)m->DllBase && (const BYTE *)addr < (BYTE *)m->DllBase + m->SizeOfImage)
            return m;
    return NULL;
}

/* by base name ("KERNEL32.dll") or full path, case-insensitively */
static WLX_LDR_ENTRY *find_by_name(const WCHAR *name)
{
    WLX_LDR_ENTRY *m;
    int has_path = wcschr(name, '\\') != NULL;
    FOR_EACH_MODULE(m)
    {
        const UNICODE_STRING *s = has_path ? &m->FullDllName : &m->BaseDllName;
        if (!_wcsnicmp(s->Buffer, name, s->Length / sizeof(WCHAR)) && !name[s->Length / sizeof(WCHAR)])
            return m;
    }
    return NULL;
}

/* --- finding and mapping a DLL ------------------------------------------------ */

/* the name a DLL is known by: API sets resolved, ".dll" added when there is
   no extension (a trailing '.' means "no extension") */
static void normalize_name(const WCHAR *name, WCHAR *out, size_t size)
{
    const WCHAR *target = apiset_resolve(name);
    if (target) name = target;
    size_t n = wcslen(name);
    if (n + 5 > size) n = size - 5;
    memcpy(out, name, n * sizeof(WCHAR));
    out[n] = 0;
    const WCHAR *base = wcsrchr(out, '\\');
    base = base ? base + 1 : out;
    if (n && out[n - 1] == '.') out[n - 1] = 0;
    else if (!wcschr(base, '.')) wcscat(out, L".dll");
}

static NTSTATUS try_map(const WCHAR *dos_path, ULONG flags, void **base, ULONG *result_flags, char *why, ULONG why_len)
{
    UNICODE_STRING nt;
    SIZE_T size;
    NTSTATUS status = path_dos_to_nt(dos_path, &nt);
    if (status) return status;
    status = __wlx_map_image(&nt, flags, base, &size, result_flags, why, why_len);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    return status;
}

static const WCHAR system32[] = L"C:\\windows\\system32\\";

/* the folder of a DLL LoadLibraryEx was given by path with
   LOAD_WITH_ALTERED_SEARCH_PATH or LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR, ending
   in '\\', while its imports load (under the loader lock): it takes the
   application folder's place in their search (Node.js loads addons so, and
   an addon's DLLs sit beside it) */
static WCHAR *load_dir;

/* try_map of name in the folder dir (dirlen characters, a '\\' at its end or not) */
static NTSTATUS try_map_in(const WCHAR *dir, size_t dirlen, const WCHAR *name, WCHAR *full, size_t full_size,
                           void **base, ULONG *rflags, char *why, ULONG why_len)
{
    if (!dirlen || dirlen + wcslen(name) + 2 > full_size) return STATUS_OBJECT_NAME_NOT_FOUND;
    memcpy(full, dir, dirlen * sizeof(WCHAR));
    if (full[dirlen - 1] != '\\') full[dirlen++] = '\\';
    wcscpy(full + dirlen, name);
    return try_map(full, 0, base, rflags, why, why_len);
}

#define NOT_THERE(status) ((status) == STATUS_OBJECT_NAME_NOT_FOUND || (status) == STATUS_OBJECT_PATH_NOT_FOUND)

/* search order: our builtin, the app's folder (or load_dir), system32, the
   current folder, PATH: Windows' order with SafeDllSearchMode */
static NTSTATUS find_and_map(const WCHAR *name, WCHAR *full, size_t full_size, void **base, int *builtin)
{
    NTSTATUS status;
    ULONG rflags = 0;
    char why[256] = "";

    if (wcschr(name, '\\') || wcschr(name, '/'))
    {
        status = RtlGetFullPathName_U(name, full_size * sizeof(WCHAR), full, NULL) ? STATUS_SUCCESS : STATUS_OBJECT_NAME_INVALID;
        if (!status) status = try_map(full, 0, base, &rflags, why, sizeof(why));
        goto done;
    }
    /* 1: wlx's own DLL of that name */
    wcscpy(full, system32);
    wcscat(full, name);
    status = try_map(full, MAP_BUILTIN_ONLY, base, &rflags, why, sizeof(why));
    if (status != STATUS_OBJECT_NAME_NOT_FOUND && status != STATUS_OBJECT_PATH_NOT_FOUND) goto done;
    /* 2: the application's folder, or the folder of the DLL whose imports these are */
    if (load_dir)
    {
        status = try_map_in(load_dir, wcslen(load_dir), name, full, full_size, base, &rflags, why, sizeof(why));
        if (!NOT_THERE(status)) goto done;
    }
    else if (exe_entry)
    {
        const UNICODE_STRING *exe = &exe_entry->FullDllName;
        size_t dirlen = (exe->Length - exe_entry->BaseDllName.Length) / sizeof(WCHAR);
        status = try_map_in(exe->Buffer, dirlen, name, full, full_size, base, &rflags, why, sizeof(why));
        if (!NOT_THERE(status)) goto done;
    }
    /* 3: system32 (a native DLL installed in the prefix) */
    wcscpy(full, system32);
    wcscat(full, name);
    status = try_map(full, 0, base, &rflags, why, sizeof(why));
    if (!NOT_THERE(status)) goto done;
    /* 4: the current folder */
    {
        WCHAR cwd[MAX_PATH];
        ULONG len = RtlGetCurrentDirectory_U(sizeof(cwd), cwd) / sizeof(WCHAR);
        status = try_map_in(cwd, len < MAX_PATH ? len : 0, name, full, full_size, base, &rflags, why, sizeof(why));
        if (!NOT_THERE(status)) goto done;
    }
    /* 5: PATH */
    status = search_path_env(name, full, full_size, base, &rflags, why, sizeof(why));
done:
    if (status == STATUS_OBJECT_PATH_NOT_FOUND) status = STATUS_DLL_NOT_FOUND;
    if (status == STATUS_OBJECT_NAME_NOT_FOUND) status = STATUS_DLL_NOT_FOUND;
    if (status == STATUS_IMAGE_NOT_AT_BASE) status = STATUS_SUCCESS;
    if (status && status != STATUS_DLL_NOT_FOUND && process_initializing)
        wlx_msg("wlx: %s: %ls: %s\n", wlx_exe_name(), name, why[0] ? why : "cannot be loaded");
    *builtin = rflags & MAP_IS_BUILTIN;
    return status;
}

NTSTATUS search_path_env(const WCHAR *name, WCHAR *full, size_t full_size, void **base, ULONG *rflags,
                         char *why, ULONG why_len)
{
    UNICODE_STRING var = { 8, 10, (WCHAR *)L"PATH" };
    WCHAR *path = NULL;
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    WCHAR *env = (WCHAR *)*(void **)(PROCESS_PARAMS() + PP_ENVIRONMENT);
    (void)var;
    for (WCHAR *e = env; e && *e; e += wcslen(e) + 1)
        if (!_wcsnicmp(e, L"PATH=", 5)) { path = e + 5; break; }
    while (path && *path)
    {
        WCHAR *end = wcschr(path, ';');
        size_t len = end ? (size_t)(end - path) : wcslen(path);
        status = try_map_in(path, len, name, full, full_size, base, rflags, why, why_len);
        if (!NOT_THERE(status)) return status;
        if (!end) break;
        path = end + 1;
    }
    return STATUS_DLL_NOT_FOUND;
}

/* --- exports ------------------------------------------------------------------ */

static void *find_ordinal_export(WLX_LDR_ENTRY *m, DWORD ordinal, int depth);

static void *resolve_forward(const char *fwd, int depth)
{
    /* "dll.func" or "dll.#ordinal" */
    const char *dot = strrchr(fwd, '.');
    WCHAR dllname[MAX_PATH];
    WLX_LDR_ENTRY *m;
    size_t n;
    if (!dot || depth > 8) return NULL;
    for (n = 0; fwd + n < dot && n < MAX_PATH - 5; n++) dllname[n] = (unsigned char)fwd[n];
    dllname[n] = 0;
    if (ldr_load(dllname, &m, 0)) return NULL;
    if (dot[1] == '#')
    {
        DWORD ord = 0;
        for (const char *p = dot + 2; *p >= '0' && *p <= '9'; p++) ord = ord * 10 + *p - '0';
        return find_ordinal_export(m, ord, depth + 1);
    }
    return ldr_find_export(m, dot + 1, 0, depth + 1);
}

static void *export_address(WLX_LDR_ENTRY *m, IMAGE_EXPORT_DIRECTORY *exp, DWORD exp_size, DWORD index, int depth)
{
    const DWORD *funcs = (const DWORD *)((BYTE *)m->DllBase + exp->AddressOfFunctions);
    if (index >= exp->NumberOfFunctions || !funcs[index]) return NULL;
    BYTE *addr = (BYTE *)m->DllBase + funcs[index];
    /* an address inside the export directory is a forwarder string */
    if (addr >= (BYTE *)exp && addr < (BYTE *)exp + exp_size) return resolve_forward((const char *)addr, depth);
    return relay_wrap(m, index, addr);
}

static void *find_ordinal_export(WLX_LDR_ENTRY *m, DWORD ordinal, int depth)
{
    DWORD size;
    IMAGE_EXPORT_DIRECTORY *exp = image_dir(m->DllBase, IMAGE_DIRECTORY_ENTRY_EXPORT, &size);
    if (!exp || ordinal < exp->Base) return NULL;
    return export_address(m, exp, size, ordinal - exp->Base, depth);
}

/* name lookup by binary search (names are sorted), with a hint */
void *ldr_find_export(WLX_LDR_ENTRY *m, const char *name, int hint, int depth)
{
    DWORD size;
    IMAGE_EXPORT_DIRECTORY *exp = image_dir(m->DllBase, IMAGE_DIRECTORY_ENTRY_EXPORT, &size);
    if (!exp) return NULL;
    const DWORD *names = (const DWORD *)((BYTE *)m->DllBase + exp->AddressOfNames);
    const WORD *ords = (const WORD *)((BYTE *)m->DllBase + exp->AddressOfNameOrdinals);
    if (hint >= 0 && (DWORD)hint < exp->NumberOfNames && !strcmp((char *)m->DllBase + names[hint], name))
        return export_address(m, exp, size, ords[hint], depth);
    int lo = 0, hi = (int)exp->NumberOfNames - 1;
    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        int c = strcmp((char *)m->DllBase + names[mid], name);
        if (!c) return export_address(m, exp, size, ords[mid], depth);
        if (c < 0) lo = mid + 1; else hi = mid - 1;
    }
    return NULL;
}

/* --- imports --------------------------------------------------------------------- */

static void ascii_to_wide(const char *s, WCHAR *out, size_t size)
{
    size_t i = 0;
    for (; s[i] && i < size - 1; i++) out[i] = (unsigned char)s[i];
    out[i] = 0;
}

static NTSTATUS snap_imports(WLX_LDR_ENTRY *m)
{
    DWORD size;
    IMAGE_IMPORT_DESCRIPTOR *imp = image_dir(m->DllBase, IMAGE_DIRECTORY_ENTRY_IMPORT, &size);
    BYTE *base = m->DllBase;
    int count = 0;
    if (!imp) return STATUS_SUCCESS;
    for (IMAGE_IMPORT_DESCRIPTOR *d = imp; d->Name; d++) count++;
    m->deps = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, (count + 1) * sizeof(*m->deps));
    for (IMAGE_IMPORT_DESCRIPTOR *d = imp; d->Name && d->FirstThunk; d++)
    {
        WCHAR dllname[MAX_PATH];
        WLX_LDR_ENTRY *dep;
        ascii_to_wide((const char *)base + d->Name, dllname, MAX_PATH);
        NTSTATUS status = ldr_load(dllname, &dep, 0);
        if (status)
        {
            if (status == STATUS_DLL_NOT_FOUND && process_initializing)
                wlx_msg("wlx: %s: needs %s, which was not found\n", wlx_exe_name(), (const char *)base + d->Name);
            else if (DEBUG_ON(LOADDLL))
                wlx_dbg("%ls: its import %s failed: status %08x\n", m->BaseDllName.Buffer, (const char *)base + d->Name,
                        (unsigned)status);
            return status;
        }
        m->deps[m->ndeps++] = dep;
        IMAGE_THUNK_DATA64 *iat = (IMAGE_THUNK_DATA64 *)(base + d->FirstThunk);
        IMAGE_THUNK_DATA64 *names = d->OriginalFirstThunk ? (IMAGE_THUNK_DATA64 *)(base + d->OriginalFirstThunk) : iat;
        /* the IAT may be in a read-only section (MSVC puts it in .rdata) */
        void *prot_addr = iat;
        SIZE_T prot_size = 0;
        ULONG old;
        for (IMAGE_THUNK_DATA64 *t = names; t->u1.AddressOfData; t++) prot_size += sizeof(*t);
        prot_size += sizeof(*iat);
        NtProtectVirtualMemory(NtCurrentProcess(), &prot_addr, &prot_size, PAGE_READWRITE, &old);
        for (int i = 0; names[i].u1.AddressOfData; i++)
        {
            void *addr;
            if (IMAGE_SNAP_BY_ORDINAL64(names[i].u1.Ordinal))
            {
                DWORD ord = IMAGE_ORDINAL64(names[i].u1.Ordinal);
                addr = find_ordinal_export(dep, ord, 0);
                if (!addr)
                {
                    if (process_initializing)
                        wlx_msg("wlx: %s: %ls has no export with ordinal %u (needed by %ls)\n", wlx_exe_name(),
                                dep->BaseDllName.Buffer, ord, m->BaseDllName.Buffer);
                    else if (DEBUG_ON(LOADDLL))
                        wlx_dbg("%ls: no export with ordinal %u (needed by %ls)\n", dep->BaseDllName.Buffer, ord,
                                m->BaseDllName.Buffer);
                    return STATUS_ORDINAL_NOT_FOUND;
                }
            }
            else
            {
                IMAGE_IMPORT_BY_NAME *ibn = (IMAGE_IMPORT_BY_NAME *)(base + names[i].u1.AddressOfData);
                addr = ldr_find_export(dep, (const char *)ibn->Name, ibn->Hint, 0);
                if (!addr)
                {
                    if (process_initializing)
                        wlx_msg("wlx: %s: %ls has no export %s (needed by %ls)\n", wlx_exe_name(),
                                dep->BaseDllName.Buffer, (const char *)ibn->Name, m->BaseDllName.Buffer);
                    else if (DEBUG_ON(LOADDLL))
                        wlx_dbg("%ls: no export %s (needed by %ls)\n", dep->BaseDllName.Buffer, (const char *)ibn->Name,
                                m->BaseDllName.Buffer);
                    return STATUS_ENTRYPOINT_NOT_FOUND;
                }
            }
            iat[i].u1.Function = (ULONGLONG)addr;
        }
        NtProtectVirtualMemory(NtCurrentProcess(), &prot_addr, &prot_size, old, &old);
    }
    return STATUS_SUCCESS;
}

/* --- loading --------------------------------------------------------------------- */

static void unload_module(WLX_LDR_ENTRY *m);

/* --- DLL notifications (LdrRegisterDllNotification) -----------------------------
   Callbacks told of each DLL mapped (its imports resolved, before its
   DllMain) and of each DLL unmapped (after DllMain's PROCESS_DETACH), with
   the loader lock held, as on Windows; not of the unmapping at process exit. */

#define LDR_DLL_NOTIFICATION_REASON_LOADED   1
#define LDR_DLL_NOTIFICATION_REASON_UNLOADED 2

typedef struct {
    ULONG Flags;
    const UNICODE_STRING *FullDllName;
    const UNICODE_STRING *BaseDllName;
    void *DllBase;
    ULONG SizeOfImage;
} LDR_DLL_NOTIFICATION_DATA;

typedef void (CALLBACK *LDR_DLL_NOTIFICATION_FUNCTION)(ULONG reason, const LDR_DLL_NOTIFICATION_DATA *data, void *context);

struct dll_notification {
    LIST_ENTRY entry;
    LDR_DLL_NOTIFICATION_FUNCTION callback;
    void *context;
};

static LIST_ENTRY dll_notifications = { &dll_notifications, &dll_notifications };
static RTL_CRITICAL_SECTION notification_lock;
static int notification_lock_ready;

static void notification_lock_init(void)
{
    /* first use is single-threaded: the loader lock is held by every caller */
    if (!notification_lock_ready)
    {
        RtlInitializeCriticalSection(&notification_lock);
        notification_lock_ready = 1;
    }
}

static void notify_dll(ULONG reason, WLX_LDR_ENTRY *m)
{
    LDR_DLL_NOTIFICATION_DATA data = { 0, &m->FullDllName, &m->BaseDllName, m->DllBase, m->SizeOfImage };
    if (dll_notifications.Flink == &dll_notifications) return;
    notification_lock_init();
    RtlEnterCriticalSection(&notification_lock);
    for (LIST_ENTRY *e = dll_notifications.Flink, *next; e != &dll_notifications; e = next)
    {
        struct dll_notification *n = CONTAINING_RECORD(e, struct dll_notification, entry);
        next = e->Flink;   /* a callback may unregister itself */
        n->callback(reason, &data, n->context);
    }
    RtlLeaveCriticalSection(&notification_lock);
}

NTSTATUS NTAPI LdrRegisterDllNotification(ULONG flags, LDR_DLL_NOTIFICATION_FUNCTION callback, void *context,
                                          void **cookie)
{
    struct dll_notification *n;
    if (flags || !callback || !cookie) return STATUS_INVALID_PARAMETER;
    if (!(n = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*n)))) return STATUS_NO_MEMORY;
    n->callback = callback;
    n->context = context;
    notification_lock_init();
    RtlEnterCriticalSection(&notification_lock);
    list_append(&dll_notifications, &n->entry);
    RtlLeaveCriticalSection(&notification_lock);
    *cookie = n;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI LdrUnregisterDllNotification(void *cookie)
{
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    notification_lock_init();
    RtlEnterCriticalSection(&notification_lock);
    for (LIST_ENTRY *e = dll_notifications.Flink; e != &dll_notifications; e = e->Flink)
        if (CONTAINING_RECORD(e, struct dll_notification, entry) == cookie)
        {
            list_remove(e);
            RtlFreeHeap(PROCESS_HEAP(), 0, cookie);
            status = STATUS_SUCCESS;
            break;
        }
    RtlLeaveCriticalSection(&notification_lock);
    return status;
}

/* find or load a DLL and its imports; references it once more */
NTSTATUS ldr_load(const WCHAR *name, WLX_LDR_ENTRY **ret, int as_datafile)
{
    WCHAR norm[MAX_PATH], full[MAX_PATH];
    WLX_LDR_ENTRY *m;
    void *base;
    int builtin;
    (void)as_datafile;

    normalize_name(name, norm, MAX_PATH);
    if ((m = find_by_name(norm)))
    {
        m->load_count++;
        if (m->ObsoleteLoadCount != 0xffff) m->ObsoleteLoadCount++;
        *ret = m;
        return STATUS_SUCCESS;
    }
    NTSTATUS status = find_and_map(norm, full, MAX_PATH, &base, &builtin);
    if (status) return status;
    /* the same file reached by another name (a path, or another API set) */
    if ((m = ldr_find_by_base(base))) { m->load_count++; *ret = m; return STATUS_SUCCESS; }
    if (!(nt_headers(base)->FileHeader.Characteristics & IMAGE_FILE_DLL) && !process_initializing)
    {
        /* LoadLibrary of an exe maps it as data: no imports, no entry point */
    }
    m = add_module(base, full, builtin);
    if (!m) { __wlx_unmap_image(base); return STATUS_NO_MEMORY; }
    if (!wcsicmp_ascii(m->BaseDllName.Buffer, L"kernel32.dll")) kernel32_entry = m;
    status = snap_imports(m);
    if (!status) status = tls_init_module(m);
    if (status)
    {
        unload_module(m);
        return status;
    }
    m->notified = 1;
    notify_dll(LDR_DLL_NOTIFICATION_REASON_LOADED, m);
    *ret = m;
    return STATUS_SUCCESS;
}

static void unload_module(WLX_LDR_ENTRY *m)
{
    if (DEBUG_ON(LOADDLL)) wlx_dbg("Unloading L\"%ls\" at %p\n", m->FullDllName.Buffer, m->DllBase);
    unwind_forget_modules();   /* its .pdata may be cached (unwind.c) */
    list_remove(&m->InLoadOrderLinks);
    list_remove(&m->InMemoryOrderLinks);
    if (m->InInitializationOrderLinks.Flink != &m->InInitializationOrderLinks) list_remove(&m->InInitializationOrderLinks);
    for (int i = 0; i < m->ndeps; i++) ldr_release(m->deps[i]);
    tls_free_module(m);
    __wlx_unmap_image(m->DllBase);
    RtlFreeHeap(PROCESS_HEAP(), 0, m->deps);
    RtlFreeHeap(PROCESS_HEAP(), 0, m->FullDllName.Buffer);
    RtlFreeHeap(PROCESS_HEAP(), 0, m);
}

/* drop one reference; at zero: DLL_PROCESS_DETACH, then unmap */
void ldr_release(WLX_LDR_ENTRY *m)
{
    if (m->ObsoleteLoadCount == 0xffff || --m->load_count > 0)
    {
        if (m->ObsoleteLoadCount != 0xffff && m->ObsoleteLoadCount) m->ObsoleteLoadCount--;
        return;
    }
    if (m->process_attached) call_dll_entry(m, DLL_PROCESS_DETACH, NULL);
    if (m->notified) notify_dll(LDR_DLL_NOTIFICATION_REASON_UNLOADED, m);
    unload_module(m);
}

/* --- DllMain ---------------------------------------------------------------------- */

typedef BOOL (WINAPI *dll_entry_func)(HINSTANCE, DWORD, void *);

BOOL call_dll_entry(WLX_LDR_ENTRY *m, DWORD reason, void *reserved)
{
    BOOL ret = TRUE;
    tls_callbacks(m, reason);
    if (m->EntryPoint && (m->Flags & LDR_IMAGE_DLL))
    {
        if (DEBUG_ON(LOADDLL) && (reason == DLL_PROCESS_ATTACH || reason == DLL_PROCESS_DETACH))
            wlx_dbg("calling %ls DllMain(%p, %u)\n", m->BaseDllName.Buffer, m->DllBase, reason);
        ret = ((dll_entry_func)m->EntryPoint)((HINSTANCE)m->DllBase, reason, reserved);
    }
    return ret;
}

/* dependencies first; a DLL whose DllMain fails makes the load fail */
static NTSTATUS process_attach(WLX_LDR_ENTRY *m, void *reserved)
{
    if (m->Flags & (LDR_ENTRY_PROCESSED | LDR_PROCESS_ATTACH_CALLED)) return STATUS_SUCCESS;
    m->Flags |= LDR_ENTRY_PROCESSED;
    for (int i = 0; i < m->ndeps; i++)
    {
        NTSTATUS status = process_attach(m->deps[i], reserved);
        if (status) return status;
    }
    list_append(&ldr_data.InInitializationOrderModuleList, &m->InInitializationOrderLinks);
    m->Flags |= LDR_PROCESS_ATTACH_CALLED;
    /* for the exe this runs only its TLS callbacks (mingw's CRT has some) */
    if (!call_dll_entry(m, DLL_PROCESS_ATTACH, reserved))
    {
        if (process_initializing)
            wlx_msg("wlx: %s: %ls failed to initialize (DllMain returned FALSE)\n", wlx_exe_name(), m->BaseDllName.Buffer);
        return STATUS_DLL_INIT_FAILED;
    }
    m->process_attached = 1;
    return STATUS_SUCCESS;
}

/* --- Ldr* API ---------------------------------------------------------------------- */

NTSTATUS NTAPI LdrLoadDll(const WCHAR *path, ULONG *flags, const UNICODE_STRING *name, HMODULE *module)
{
    WCHAR buf[MAX_PATH], dir[MAX_PATH], *file, *saved;
    WLX_LDR_ENTRY *m;
    NTSTATUS status;
    (void)path;
    size_t n = name->Length / sizeof(WCHAR);
    if (n >= MAX_PATH) return STATUS_NAME_TOO_LONG;
    memcpy(buf, name->Buffer, n * sizeof(WCHAR));
    buf[n] = 0;
    RtlEnterCriticalSection(&loader_section);
    saved = load_dir;
    /* a DLL named by path with either flag: its folder for its imports */
    if (flags && (*flags & (LOAD_WITH_ALTERED_SEARCH_PATH | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR))
        && (wcschr(buf, '\\') || wcschr(buf, '/'))
        && RtlGetFullPathName_U(buf, sizeof(dir), dir, &file) && file)
    {
        *file = 0;
        load_dir = dir;
    }
    status = ldr_load(buf, &m, 0);
    load_dir = saved;
    if (!status)
    {
        status = process_attach(m, NULL);
        if (status) ldr_release(m);
        else *module = (HMODULE)m->DllBase;
    }
    RtlLeaveCriticalSection(&loader_section);
    if (status) *module = NULL;
    return status;
}

NTSTATUS NTAPI LdrUnloadDll(HMODULE module)
{
    NTSTATUS status = STATUS_SUCCESS;
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = ldr_find_by_base(module);
    if (m) ldr_release(m); else status = STATUS_DLL_NOT_FOUND;
    RtlLeaveCriticalSection(&loader_section);
    return status;
}

NTSTATUS NTAPI LdrGetDllHandleEx(ULONG flags, const WCHAR *path, ULONG *chars, const UNICODE_STRING *name, HMODULE *module)
{
    WCHAR buf[MAX_PATH], norm[MAX_PATH];
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    (void)path; (void)chars;
    size_t n = name->Length / sizeof(WCHAR);
    if (n >= MAX_PATH) return STATUS_NAME_TOO_LONG;
    memcpy(buf, name->Buffer, n * sizeof(WCHAR));
    buf[n] = 0;
    normalize_name(buf, norm, MAX_PATH);
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = find_by_name(norm);
    if (m)
    {
        *module = (HMODULE)m->DllBase;
        if (!(flags & 1 /* LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT */)) m->load_count++;
        if (flags & 2 /* PIN */) m->ObsoleteLoadCount = 0xffff;
        status = STATUS_SUCCESS;
    }
    RtlLeaveCriticalSection(&loader_section);
    if (status) *module = NULL;
    return status;
}

NTSTATUS NTAPI LdrGetDllHandle(const WCHAR *path, ULONG flags, const UNICODE_STRING *name, HMODULE *module)
{
    (void)flags;
    return LdrGetDllHandleEx(1, path, NULL, name, module);
}

NTSTATUS NTAPI LdrAddRefDll(ULONG flags, HMODULE module)
{
    NTSTATUS status = STATUS_SUCCESS;
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = ldr_find_by_base(module);
    if (!m) status = STATUS_INVALID_PARAMETER;
    else if (flags & 1 /* LDR_ADDREF_DLL_PIN */) m->ObsoleteLoadCount = 0xffff;
    else m->load_count++;
    RtlLeaveCriticalSection(&loader_section);
    return status;
}

/* an `@ stub` export of one of our DLLs (include/wlx/stub.h) */
static int is_stub(WLX_LDR_ENTRY *m, const void *addr)
{
    const BYTE *base = m->DllBase, *p = addr;
    if (p < base + 8 || p >= base + m->SizeOfImage || ((ULONG_PTR)p & 7)) return 0;
    return *(const ULONGLONG *)(p - 8) == WLX_STUB_MARKER;
}

NTSTATUS NTAPI LdrGetProcedureAddress(HMODULE module, const ANSI_STRING *name, ULONG ordinal, void **address)
{
    NTSTATUS status = STATUS_SUCCESS;
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = ldr_find_by_base(module);
    if (!m) status = STATUS_DLL_NOT_FOUND;
    else
    {
        void *addr;
        if (name)
        {
            char buf[256];
            size_t n = name->Length < sizeof(buf) - 1 ? name->Length : sizeof(buf) - 1;
            memcpy(buf, name->Buffer, n);
            buf[n] = 0;
            addr = ldr_find_export(m, buf, -1, 0);
        }
        else addr = find_ordinal_export(m, ordinal, 0);
        if (addr && is_stub(m, addr)) addr = NULL;
        if (addr) *address = addr;
        else status = name ? STATUS_PROCEDURE_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
    }
    RtlLeaveCriticalSection(&loader_section);
    return status;
}

NTSTATUS NTAPI LdrFindEntryForAddress(const void *addr, WLX_LDR_ENTRY **entry)
{
    RtlEnterCriticalSection(&loader_section);
    *entry = ldr_find_by_address(addr);
    RtlLeaveCriticalSection(&loader_section);
    return *entry ? STATUS_SUCCESS : STATUS_NO_MORE_ENTRIES;
}

NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(HMODULE module)
{
    NTSTATUS status = STATUS_SUCCESS;
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = ldr_find_by_base(module);
    if (!m || m->tls_index != (ULONG)-1) status = STATUS_DLL_NOT_FOUND;
    else m->Flags |= LDR_DONT_CALL_FOR_THREADS;
    RtlLeaveCriticalSection(&loader_section);
    return status;
}

NTSTATUS NTAPI LdrLockLoaderLock(ULONG flags, ULONG *result, ULONG_PTR *magic)
{
    (void)flags;
    RtlEnterCriticalSection(&loader_section);
    if (result) *result = 1;
    if (magic) *magic = 0x1234;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG flags, ULONG_PTR magic)
{
    (void)flags; (void)magic;
    RtlLeaveCriticalSection(&loader_section);
    return STATUS_SUCCESS;
}

/* TRUE once the process has begun ending (its DLLs are being detached):
   what a DllMain or a destructor checks before waiting on other threads,
   which are gone by then (the PEB's loader data says so too) */
BOOLEAN NTAPI RtlDllShutdownInProgress(void)
{
    return ldr_data.ShutdownInProgress;
}

/* DLL_PROCESS_DETACH for everything, in reverse initialization order */
void NTAPI LdrShutdownProcess(void)
{
    ldr_data.ShutdownThreadId = *(HANDLE *)((BYTE *)NtCurrentTeb() + 0x48);   /* ClientId.UniqueThread */
    ldr_data.ShutdownInProgress = TRUE;
    RtlEnterCriticalSection(&loader_section);
    LIST_ENTRY *head = &ldr_data.InInitializationOrderModuleList;
    for (LIST_ENTRY *l = head->Blink; l != head; l = l->Blink)
    {
        WLX_LDR_ENTRY *m = ENTRY_OF(l, InInitializationOrderLinks);
        if (m->process_attached)
        {
            m->process_attached = 0;
            call_dll_entry(m, DLL_PROCESS_DETACH, (void *)1);
        }
    }
    RtlLeaveCriticalSection(&loader_section);
}

static void thread_notify(DWORD reason)
{
    LIST_ENTRY *head = &ldr_data.InInitializationOrderModuleList;
    if (reason == DLL_THREAD_ATTACH)
    {
        for (LIST_ENTRY *l = head->Flink; l != head; l = l->Flink)
        {
            WLX_LDR_ENTRY *m = ENTRY_OF(l, InInitializationOrderLinks);
            if (m->process_attached && !(m->Flags & LDR_DONT_CALL_FOR_THREADS)) call_dll_entry(m, reason, NULL);
        }
    }
    else
    {
        for (LIST_ENTRY *l = head->Blink; l != head; l = l->Blink)
        {
            WLX_LDR_ENTRY *m = ENTRY_OF(l, InInitializationOrderLinks);
            if (m->process_attached && !(m->Flags & LDR_DONT_CALL_FOR_THREADS)) call_dll_entry(m, reason, NULL);
        }
    }
}

void NTAPI RtlFreeThreadActivationContextStack(void);

void NTAPI LdrShutdownThread(void)
{
    fls_thread_exit();   /* FLS callbacks come before DLL_THREAD_DETACH */
    RtlEnterCriticalSection(&loader_section);
    thread_notify(DLL_THREAD_DETACH);
    tls_thread_detach();
    RtlLeaveCriticalSection(&loader_section);
    RtlFreeThreadActivationContextStack();
}

/* --- process and thread start ------------------------------------------------------ */

typedef void (WINAPI *thread_init_thunk)(DWORD, void *, void *);

static void __attribute__((noreturn)) fail_start(NTSTATUS status)
{
    NtTerminateProcess(NtCurrentProcess(), status);
    for (;;) ;
}

/* the main thread's first PE code: set up ntdll, load the exe's imports,
   run DllMains, then the exe's entry point */
void __cdecl __wlx_process_start(void *entry)
{
    BYTE *params = PROCESS_PARAMS();
    UNICODE_STRING *image = (UNICODE_STRING *)(params + PP_IMAGE_PATH);
    NTSTATUS status;

    PROCESS_HEAP() = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
    if (!PROCESS_HEAP()) fail_start(STATUS_NO_MEMORY);
    RtlInitializeCriticalSection(&loader_section);
    RtlInitializeCriticalSection(&peb_lock);
    PEB_FIELD(void *, PEB_FAST_PEB_LOCK) = &peb_lock;
    ldr_data.Length = sizeof(ldr_data);
    ldr_data.Initialized = TRUE;
    ldr_data.InLoadOrderModuleList.Flink = ldr_data.InLoadOrderModuleList.Blink = &ldr_data.InLoadOrderModuleList;
    ldr_data.InMemoryOrderModuleList.Flink = ldr_data.InMemoryOrderModuleList.Blink = &ldr_data.InMemoryOrderModuleList;
    ldr_data.InInitializationOrderModuleList.Flink = ldr_data.InInitializationOrderModuleList.Blink =
        &ldr_data.InInitializationOrderModuleList;
    PEB_FIELD(void *, PEB_LDR) = &ldr_data;
    peb_init_tls_bitmap();
    path_init_cur_dir();

    /* the exe first in load order, as Windows has it, then ntdll */
    exe_entry = add_module(PEB_FIELD(void *, PEB_IMAGE_BASE), image->Buffer, 0);
    ntdll_entry = add_module(&__ImageBase, L"C:\\windows\\system32\\ntdll.dll", 1);
    if (!exe_entry || !ntdll_entry) fail_start(STATUS_NO_MEMORY);
    ntdll_entry->ObsoleteLoadCount = 0xffff;
    exe_entry->ObsoleteLoadCount = 0xffff;
    relay_init();

    RtlEnterCriticalSection(&loader_section);
    status = snap_imports(exe_entry);
    if (!status) status = tls_init_module(exe_entry);
    if (status) fail_start(status);
    tls_thread_init();
    ntdll_entry->Flags |= LDR_PROCESS_ATTACH_CALLED | LDR_ENTRY_PROCESSED;
    list_append(&ldr_data.InInitializationOrderModuleList, &ntdll_entry->InInitializationOrderLinks);
    ntdll_entry->process_attached = 1;
    status = process_attach(exe_entry, (void *)1);
    if (status) fail_start(status);
    process_initializing = 0;
    RtlLeaveCriticalSection(&loader_section);

    if (kernel32_entry)
    {
        thread_init_thunk thunk = (thread_init_thunk)ldr_find_export(kernel32_entry, "BaseThreadInitThunk", -1, 0);
        if (thunk) thunk(0, entry, peb_ptr());
    }
    RtlExitUserProcess(((DWORD (WINAPI *)(void *))entry)(peb_ptr()));
}

/* a new thread's first PE code (the Unix side starts every thread here) */
/* a new thread's TLS and DLL_THREAD_ATTACH notifications */
static void thread_attach(void)
{
    RtlEnterCriticalSection(&loader_section);
    tls_thread_init();
    thread_notify(DLL_THREAD_ATTACH);
    RtlLeaveCriticalSection(&loader_section);
}

/* a thread whose context was set before it ever ran (SetThreadContext of a
   CREATE_SUSPENDED thread, ntdll/unix/context.c): attached as every thread
   is, then it goes on there, as Windows goes on at the thread's context
   once LdrInitializeThunk is done; at __wlx_thread_start, that attaches
   no second time (the TLS array is the mark) */
void __cdecl __wlx_thread_start_context(CONTEXT *ctx)
{
    thread_attach();
    restore_context(ctx);
}

void __cdecl __wlx_thread_start(void *start, void *param)
{
    if (!TEB_FIELD(void *, TEB_TLS_POINTER)) thread_attach();
    if (kernel32_entry)
    {
        static thread_init_thunk thunk;
        if (!thunk) thunk = (thread_init_thunk)ldr_find_export(kernel32_entry, "BaseThreadInitThunk", -1, 0);
        if (thunk) thunk(0, start, param);
    }
    RtlExitUserThread(((DWORD (WINAPI *)(void *))start)(param));
}

void NTAPI RtlExitUserThread(DWORD code)
{
    DWORD count = 0;
    LdrShutdownThread();
    (void)count;
    NtTerminateThread(NtCurrentThread(), code);
    for (;;) ;
}

void NTAPI RtlExitUserProcess(DWORD code)
{
    RtlEnterCriticalSection(&loader_section);
    NtTerminateProcess(0, code);
    LdrShutdownProcess();
    NtTerminateProcess(NtCurrentProcess(), code);
    for (;;) ;
}
