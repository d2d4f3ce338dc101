/*
 * Symbol sessions: SymInitialize/SymCleanup per process handle, the option
 * word, module bases, and SymFromAddr over the modules' export tables (the
 * symbols every module carries; no PDB or DWARF is read, so no line numbers),
 * the symbol search path. Only the calling process's modules can be looked at.
 */
#include "private.h"

#define MAX_SESSIONS 16

static HANDLE sessions[MAX_SESSIONS];   /* processes with a session */
static WCHAR *search_paths[MAX_SESSIONS];   /* their symbol search paths (heap), NULL for "" */
static DWORD options = SYMOPT_UNDNAME | SYMOPT_DEFERRED_LOADS;
static SRWLOCK lock = SRWLOCK_INIT;

/* the slot of `process`, or -1 */
static int find_session(HANDLE process)
{
    for (int i = 0; i < MAX_SESSIONS; i++) if (sessions[i] && sessions[i] == process) return i;
    return -1;
}

BOOL dbghelp_is_initialized(HANDLE process)
{
    int i;
    AcquireSRWLockShared(&lock);
    i = find_session(process);
    ReleaseSRWLockShared(&lock);
    return i >= 0;
}

/* replaces session `i`'s search path by a copy of `path`; caller holds the lock */
static BOOL set_search_path(int i, const WCHAR *path)
{
    WCHAR *copy = NULL;

    if (path && !(copy = HeapAlloc(GetProcessHeap(), 0, (lstrlenW(path) + 1) * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (copy) lstrcpyW(copy, path);
    HeapFree(GetProcessHeap(), 0, search_paths[i]);
    search_paths[i] = copy;
    return TRUE;
}

/* the path a session starts with when given none: the current folder, then
   _NT_SYMBOL_PATH and _NT_ALTERNATE_SYMBOL_PATH when set (as documented) */
static WCHAR *default_search_path(void)
{
    static const WCHAR *const vars[] = { L"_NT_SYMBOL_PATH", L"_NT_ALTERNATE_SYMBOL_PATH" };
    DWORD size = 2;
    WCHAR *path;

    for (int v = 0; v < ARRAYSIZE(vars); v++) size += GetEnvironmentVariableW(vars[v], NULL, 0) + 1;
    if (!(path = HeapAlloc(GetProcessHeap(), 0, size * sizeof(WCHAR)))) return NULL;
    lstrcpyW(path, L".");
    for (int v = 0; v < ARRAYSIZE(vars); v++)
    {
        DWORD len = lstrlenW(path);
        DWORD got = GetEnvironmentVariableW(vars[v], path + len + 1, size - len - 1);
        if (got && got < size - len - 1) path[len] = ';';
    }
    return path;
}

BOOL WINAPI SymInitializeW(HANDLE process, PCWSTR search_path, BOOL invade)
{
    WCHAR *fallback = search_path ? NULL : default_search_path();
    BOOL ok = TRUE;

    if (!process) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    AcquireSRWLockExclusive(&lock);
    if (find_session(process) < 0)
    {
        int i;
        for (i = 0; i < MAX_SESSIONS && sessions[i]; i++) ;   /* a free slot */
        if (i < MAX_SESSIONS && set_search_path(i, search_path ? search_path : fallback)) sessions[i] = process;
        else if (i >= MAX_SESSIONS) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); ok = FALSE; }
        else ok = FALSE;
    }
    ReleaseSRWLockExclusive(&lock);
    HeapFree(GetProcessHeap(), 0, fallback);
    return ok;
}

/* an ANSI string as a heap copy in UTF-16 (NULL for NULL); *ok is FALSE when out of memory */
static WCHAR *to_wide(const char *s, BOOL *ok)
{
    int len;
    WCHAR *w;

    *ok = TRUE;
    if (!s) return NULL;
    len = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    if (!(w = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) { *ok = FALSE; return NULL; }
    MultiByteToWideChar(CP_ACP, 0, s, -1, w, len);
    return w;
}

BOOL WINAPI SymInitialize(HANDLE process, PCSTR search_path, BOOL invade)
{
    BOOL ok;
    WCHAR *path = to_wide(search_path, &ok);

    if (!ok) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    ok = SymInitializeW(process, path, invade);
    HeapFree(GetProcessHeap(), 0, path);
    return ok;
}

/* the search path is kept and given back; without PDB or DWARF reading no
   file is ever looked for along it */
BOOL WINAPI SymSetSearchPathW(HANDLE process, PCWSTR path)
{
    WCHAR *fallback = path ? NULL : default_search_path();
    BOOL ok = FALSE;
    int i;

    AcquireSRWLockExclusive(&lock);
    if ((i = find_session(process)) < 0) SetLastError(ERROR_INVALID_HANDLE);
    else ok = set_search_path(i, path ? path : fallback);
    ReleaseSRWLockExclusive(&lock);
    HeapFree(GetProcessHeap(), 0, fallback);
    return ok;
}

BOOL WINAPI SymSetSearchPath(HANDLE process, PCSTR path)
{
    BOOL ok;
    WCHAR *wide = to_wide(path, &ok);

    if (!ok) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    ok = SymSetSearchPathW(process, wide);
    HeapFree(GetProcessHeap(), 0, wide);
    return ok;
}

/* copies as much of the path as fits (size in characters, terminator included) */
BOOL WINAPI SymGetSearchPathW(HANDLE process, PWSTR out, DWORD size)
{
    BOOL ok = FALSE;
    int i;

    AcquireSRWLockShared(&lock);
    if ((i = find_session(process)) < 0) SetLastError(ERROR_INVALID_HANDLE);
    else if (out && size)
    {
        const WCHAR *path = search_paths[i] ? search_paths[i] : L"";
        lstrcpynW(out, path, size);
        ok = TRUE;
    }
    else SetLastError(ERROR_INVALID_PARAMETER);
    ReleaseSRWLockShared(&lock);
    return ok;
}

BOOL WINAPI SymGetSearchPath(HANDLE process, PSTR out, DWORD size)
{
    WCHAR *wide;
    BOOL ok;

    if (!out || !size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(wide = HeapAlloc(GetProcessHeap(), 0, size * sizeof(WCHAR)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    if ((ok = SymGetSearchPathW(process, wide, size)))
        if (!WideCharToMultiByte(CP_ACP, 0, wide, -1, out, size, NULL, NULL)) out[size - 1] = 0;
    HeapFree(GetProcessHeap(), 0, wide);
    return ok;
}

BOOL WINAPI SymCleanup(HANDLE process)
{
    int i;

    AcquireSRWLockExclusive(&lock);
    if ((i = find_session(process)) >= 0)
    {
        sessions[i] = NULL;
        set_search_path(i, NULL);
    }
    ReleaseSRWLockExclusive(&lock);
    if (i < 0) SetLastError(ERROR_INVALID_HANDLE);
    return i >= 0;
}

DWORD WINAPI SymSetOptions(DWORD opts)
{
    return options = opts;
}

DWORD WINAPI SymGetOptions(void)
{
    return options;
}

/* the module of the calling process holding `addr`, or NULL */
static HMODULE module_of(HANDLE process, DWORD64 addr)
{
    HMODULE module = NULL;

    if (GetProcessId(process) != GetCurrentProcessId()) return NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(ULONG_PTR)addr, &module);
    return module;
}

DWORD64 WINAPI SymGetModuleBase64(HANDLE process, DWORD64 addr)
{
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
    return (DWORD64)(ULONG_PTR)module_of(process, addr);
}

/* the export of `module` nearest below `rva` (not a forwarder); its name or NULL */
static const char *nearest_export(BYTE *module, DWORD rva, DWORD *found_rva)
{
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(module + ((IMAGE_DOS_HEADER *)module)->e_lfanew);
    IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    IMAGE_EXPORT_DIRECTORY *exp;
    const DWORD *funcs, *names;
    const WORD *ordinals;
    const char *best = NULL;

    if (!dir->VirtualAddress || !dir->Size) return NULL;
    exp = (IMAGE_EXPORT_DIRECTORY *)(module + dir->VirtualAddress);
    funcs = (const DWORD *)(module + exp->AddressOfFunctions);
    names = (const DWORD *)(module + exp->AddressOfNames);
    ordinals = (const WORD *)(module + exp->AddressOfNameOrdinals);
    *found_rva = 0;
    for (DWORD i = 0; i < exp->NumberOfNames; i++)
    {
        DWORD f = funcs[ordinals[i]];
        if (f >= dir->VirtualAddress && f < dir->VirtualAddress + dir->Size) continue;   /* forwarder */
        if (f <= rva && f >= *found_rva && (f > *found_rva || !best))
        {
            *found_rva = f;
            best = (const char *)(module + names[i]);
        }
    }
    return best;
}

BOOL WINAPI SymFromAddr(HANDLE process, DWORD64 addr, PDWORD64 displacement, PSYMBOL_INFO symbol)
{
    BYTE *module;
    const char *name;
    DWORD rva;
    size_t len;

    if (!symbol || symbol->SizeOfStruct < sizeof(SYMBOL_INFO)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!(module = (BYTE *)module_of(process, addr))) { SetLastError(ERROR_MOD_NOT_FOUND); return FALSE; }
    if (!(name = nearest_export(module, (DWORD)(addr - (DWORD64)(ULONG_PTR)module), &rva)))
    {
        SetLastError(ERROR_INVALID_ADDRESS);   /* no symbol at or below it */
        return FALSE;
    }
    len = strlen(name);
    symbol->TypeIndex = 0;
    symbol->Reserved[0] = symbol->Reserved[1] = 0;
    symbol->Size = 0;
    symbol->ModBase = (ULONG_PTR)module;
    symbol->Flags = SYMFLAG_EXPORT;
    symbol->Value = 0;
    symbol->Address = (ULONG_PTR)module + rva;
    symbol->Register = 0;
    symbol->Scope = 0;
    symbol->Tag = 10;   /* SymTagPublicSymbol */
    symbol->NameLen = (ULONG)len;
    if (symbol->MaxNameLen)
    {
        size_t n = len < symbol->MaxNameLen - 1 ? len : symbol->MaxNameLen - 1;
        memcpy(symbol->Name, name, n);
        symbol->Name[n] = 0;
    }
    if (displacement) *displacement = addr - symbol->Address;
    return TRUE;
}

/* line numbers come from PDB or DWARF, which are not read: every address
   is one without line information, as for a module stripped of them */
BOOL WINAPI SymGetLineFromAddr64(HANDLE process, DWORD64 addr, PDWORD displacement, PIMAGEHLP_LINE64 line)
{
    if (!line) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    SetLastError(module_of(process, addr) ? ERROR_INVALID_ADDRESS : ERROR_MOD_NOT_FOUND);
    return FALSE;
}

BOOL WINAPI SymGetLineFromAddrW64(HANDLE process, DWORD64 addr, PDWORD displacement, PIMAGEHLP_LINEW64 line)
{
    return SymGetLineFromAddr64(process, addr, displacement, (PIMAGEHLP_LINE64)line);
}

/* EnumerateLoadedModules*: `cb` with each module's full path, base and
 * size, in load order, until it returns FALSE */
BOOL WINAPI EnumerateLoadedModulesW64(HANDLE process, PENUMLOADED_MODULES_CALLBACKW64 cb, PVOID ctx)
{
    HMODULE stack[256], *mods = stack;
    DWORD needed, count, i;
    BOOL ret = FALSE;

    if (!K32EnumProcessModules(process, mods, sizeof(stack), &needed)) return FALSE;
    if (needed > sizeof(stack))
    {
        if (!(mods = HeapAlloc(GetProcessHeap(), 0, needed)) ||
            !K32EnumProcessModules(process, mods, needed, &needed))
            goto done;
    }
    count = needed / sizeof(HMODULE);
    for (i = 0; i < count; i++)
    {
        WCHAR name[MAX_PATH];
        MODULEINFO info;

        if (!K32GetModuleInformation(process, mods[i], &info, sizeof(info)) ||
            !K32GetModuleFileNameExW(process, mods[i], name, MAX_PATH))
            continue;
        if (!cb(name, (DWORD64)(ULONG_PTR)info.lpBaseOfDll, info.SizeOfImage, ctx)) break;
    }
    ret = TRUE;
done:
    if (mods != stack) HeapFree(GetProcessHeap(), 0, mods);
    return ret;
}

BOOL WINAPI EnumerateLoadedModulesExW(HANDLE process, PENUMLOADED_MODULES_CALLBACKW64 cb, PVOID ctx)
{
    return EnumerateLoadedModulesW64(process, cb, ctx);
}

struct enum_a { PENUMLOADED_MODULES_CALLBACK64 cb; PVOID ctx; };

static BOOL CALLBACK enum_to_a(PCWSTR name, DWORD64 base, ULONG size, PVOID ctx)
{
    struct enum_a *a = ctx;
    char buf[MAX_PATH * 3];

    if (!WideCharToMultiByte(CP_ACP, 0, name, -1, buf, sizeof(buf), NULL, NULL)) buf[0] = 0;
    return a->cb(buf, base, size, a->ctx);
}

BOOL WINAPI EnumerateLoadedModules64(HANDLE process, PENUMLOADED_MODULES_CALLBACK64 cb, PVOID ctx)
{
    struct enum_a a = { cb, ctx };
    return EnumerateLoadedModulesW64(process, enum_to_a, &a);
}

BOOL WINAPI EnumerateLoadedModulesEx(HANDLE process, PENUMLOADED_MODULES_CALLBACK64 cb, PVOID ctx)
{
    return EnumerateLoadedModules64(process, cb, ctx);
}

/* --- wide, older and inline-aware forms of the lookups ------------------------
 * What Rust's and Node's backtrace code asks for: SymFromAddrW,
 * SymGetSymFromAddr64, and the inline-frame calls of Windows 8's dbghelp.
 * Inline frames come from PDB data, which is not read: no address has
 * inline frames (SymAddrIncludeInlineTrace says 0), and an inline context
 * names the address's own function. */

BOOL WINAPI SymFromAddrW(HANDLE process, DWORD64 addr, PDWORD64 displacement, PSYMBOL_INFOW symbol)
{
    char buf[sizeof(SYMBOL_INFO) + 1024];
    SYMBOL_INFO *a = (SYMBOL_INFO *)buf;
    if (!symbol || symbol->SizeOfStruct < sizeof(SYMBOL_INFOW)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memset(a, 0, sizeof(*a));
    a->SizeOfStruct = sizeof(*a);
    a->MaxNameLen = 1024;
    if (!SymFromAddr(process, addr, displacement, a)) return FALSE;
    symbol->TypeIndex = a->TypeIndex;
    symbol->Reserved[0] = symbol->Reserved[1] = 0;
    symbol->info = a->info;   /* Index in the SDK's header */
    symbol->Size = a->Size;
    symbol->ModBase = a->ModBase;
    symbol->Flags = a->Flags;
    symbol->Value = a->Value;
    symbol->Address = a->Address;
    symbol->Register = a->Register;
    symbol->Scope = a->Scope;
    symbol->Tag = a->Tag;
    symbol->NameLen = a->NameLen;
    if (symbol->MaxNameLen)
    {
        int n = MultiByteToWideChar(CP_ACP, 0, a->Name, -1, symbol->Name, symbol->MaxNameLen);
        if (!n) symbol->Name[symbol->MaxNameLen - 1] = 0;   /* cut to fit */
    }
    return TRUE;
}

BOOL WINAPI SymGetSymFromAddr64(HANDLE process, DWORD64 addr, PDWORD64 displacement, PIMAGEHLP_SYMBOL64 symbol)
{
    char buf[sizeof(SYMBOL_INFO) + 1024];
    SYMBOL_INFO *a = (SYMBOL_INFO *)buf;
    if (!symbol) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memset(a, 0, sizeof(*a));
    a->SizeOfStruct = sizeof(*a);
    a->MaxNameLen = 1024;
    if (!SymFromAddr(process, addr, displacement, a)) return FALSE;
    symbol->Address = a->Address;
    symbol->Size = a->Size;
    symbol->Flags = a->Flags;
    if (symbol->MaxNameLength)
    {
        size_t n = a->NameLen < symbol->MaxNameLength - 1 ? a->NameLen : symbol->MaxNameLength - 1;
        memcpy(symbol->Name, a->Name, n);
        symbol->Name[n] = 0;
    }
    return TRUE;
}

DWORD WINAPI SymAddrIncludeInlineTrace(HANDLE process, DWORD64 addr)
{
    (void)addr;
    if (!dbghelp_is_initialized(process)) SetLastError(ERROR_INVALID_HANDLE);
    return 0;
}

BOOL WINAPI SymQueryInlineTrace(HANDLE process, DWORD64 start, DWORD start_ctx, DWORD64 start_ret, DWORD64 current,
                                LPDWORD current_ctx, LPDWORD frame_index)
{
    (void)start; (void)start_ret; (void)current;
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!current_ctx || !frame_index) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *current_ctx = start_ctx;
    *frame_index = 0;
    return TRUE;
}

BOOL WINAPI SymFromInlineContext(HANDLE process, DWORD64 addr, ULONG inline_ctx, PDWORD64 displacement,
                                 PSYMBOL_INFO symbol)
{
    (void)inline_ctx;
    return SymFromAddr(process, addr, displacement, symbol);
}

BOOL WINAPI SymFromInlineContextW(HANDLE process, DWORD64 addr, ULONG inline_ctx, PDWORD64 displacement,
                                  PSYMBOL_INFOW symbol)
{
    (void)inline_ctx;
    return SymFromAddrW(process, addr, displacement, symbol);
}

BOOL WINAPI SymGetLineFromInlineContext(HANDLE process, DWORD64 addr, ULONG inline_ctx, DWORD64 module_base,
                                        PDWORD displacement, PIMAGEHLP_LINE64 line)
{
    (void)inline_ctx; (void)module_base;
    return SymGetLineFromAddr64(process, addr, displacement, line);
}

BOOL WINAPI SymGetLineFromInlineContextW(HANDLE process, DWORD64 addr, ULONG inline_ctx, DWORD64 module_base,
                                         PDWORD displacement, PIMAGEHLP_LINEW64 line)
{
    (void)inline_ctx; (void)module_base;
    return SymGetLineFromAddrW64(process, addr, displacement, line);
}

/* --- loading modules -----------------------------------------------------------
 * The symbols read are the export tables of the modules loaded in the
 * process, which need no loading; what SymLoadModule* does is note a module
 * for the session. A module given by base or by a name the process has
 * loaded is taken (its base returned), once: loading it again returns 0 with
 * ERROR_SUCCESS, as documented. */

#define MAX_LOADED 256
static DWORD64 loaded_bases[MAX_LOADED];
static int loaded_count;

static DWORD64 note_module(HANDLE process, const WCHAR *image, DWORD64 base)
{
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
    if (!base && image)
    {
        const WCHAR *file = image;
        for (const WCHAR *p = image; *p; p++) if (*p == '\\' || *p == '/') file = p + 1;
        HMODULE m = GetModuleHandleW(file);
        base = (DWORD64)(ULONG_PTR)m;
    }
    if (!base) { SetLastError(ERROR_MOD_NOT_FOUND); return 0; }
    AcquireSRWLockExclusive(&lock);
    int known = 0;
    for (int i = 0; i < loaded_count; i++) if (loaded_bases[i] == base) known = 1;
    if (!known && loaded_count < MAX_LOADED) loaded_bases[loaded_count++] = base;
    ReleaseSRWLockExclusive(&lock);
    if (known) { SetLastError(ERROR_SUCCESS); return 0; }
    return base;
}

DWORD64 WINAPI SymLoadModuleExW(HANDLE process, HANDLE file, PCWSTR image, PCWSTR module, DWORD64 base, DWORD size,
                                PMODLOAD_DATA data, DWORD flags)
{
    (void)file; (void)module; (void)size; (void)data; (void)flags;
    return note_module(process, image, base);
}

DWORD64 WINAPI SymLoadModuleEx(HANDLE process, HANDLE file, PCSTR image, PCSTR module, DWORD64 base, DWORD size,
                               PMODLOAD_DATA data, DWORD flags)
{
    WCHAR wimage[MAX_PATH];
    (void)file; (void)module; (void)size; (void)data; (void)flags;
    if (image && !MultiByteToWideChar(CP_ACP, 0, image, -1, wimage, MAX_PATH)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return note_module(process, image ? wimage : NULL, base);
}

DWORD64 WINAPI SymLoadModule64(HANDLE process, HANDLE file, PCSTR image, PCSTR module, DWORD64 base, DWORD size)
{
    return SymLoadModuleEx(process, file, image, module, base, size, NULL, 0);
}

BOOL WINAPI SymUnloadModule64(HANDLE process, DWORD64 base)
{
    BOOL found = FALSE;
    if (!dbghelp_is_initialized(process)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < loaded_count; i++)
        if (loaded_bases[i] == base)
        {
            loaded_bases[i] = loaded_bases[--loaded_count];
            found = TRUE;
            break;
        }
    ReleaseSRWLockExclusive(&lock);
    if (!found) SetLastError(ERROR_MOD_NOT_FOUND);
    return found;
}
