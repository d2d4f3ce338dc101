/*
 * Symbol sessions: SymInitialize/SymCleanup per process handle, the option
 * word, module bases, and SymFromAddr over the modules' export tables (the
 * symbols every module carries; no PDB or DWARF is read). Only the calling
 * process's modules can be looked at.
 */
#include "private.h"

#define MAX_SESSIONS 16

static HANDLE sessions[MAX_SESSIONS];   /* processes with a session */
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

BOOL WINAPI SymInitializeW(HANDLE process, PCWSTR search_path, BOOL invade)
{
    BOOL ok = TRUE;

    if (!process) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    AcquireSRWLockExclusive(&lock);
    if (find_session(process) < 0)
    {
        int i;
        for (i = 0; i < MAX_SESSIONS && sessions[i]; i++) ;   /* a free slot */
        if (i < MAX_SESSIONS) sessions[i] = process;
        else { SetLastError(ERROR_NOT_ENOUGH_MEMORY); ok = FALSE; }
    }
    ReleaseSRWLockExclusive(&lock);
    return ok;
}

BOOL WINAPI SymInitialize(HANDLE process, PCSTR search_path, BOOL invade)
{
    return SymInitializeW(process, NULL, invade);   /* the search path has no use without debug files */
}

BOOL WINAPI SymCleanup(HANDLE process)
{
    int i;

    AcquireSRWLockExclusive(&lock);
    if ((i = find_session(process)) >= 0) sessions[i] = NULL;
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
