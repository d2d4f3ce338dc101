/*
 * ntdll/delayload.c — the system's delay-load helper:
 * LdrResolveDelayLoadedAPI (kernel32's ResolveDelayLoadedAPI) and
 * LdrResolveDelayLoadsFromDll (ResolveDelayLoadsFromDll). A delay-import
 * thunk of a module calls it with the module's base, its delay-import
 * descriptor (every field an RVA) and the address-table slot being used;
 * the DLL is loaded on first use (its handle kept in the module), the
 * function found by the name table's entry for that slot, and the slot
 * made to hold it. On a failure the module's own hook is asked (the
 * notification codes of delayimp.h: 3 the DLL, 4 the function), then the
 * system's (kernel32's DelayLoadFailureHook), whose failure stub is the
 * answer. tests/kernel32/delayload.c.
 */
#include "private.h"

/* loader.c */
NTSTATUS NTAPI LdrLoadDll(const WCHAR *path, ULONG *flags, const UNICODE_STRING *name, HMODULE *module);
NTSTATUS NTAPI LdrUnloadDll(HMODULE module);
NTSTATUS NTAPI LdrGetProcedureAddress(HMODULE module, const ANSI_STRING *name, ULONG ordinal, void **address);
IMAGE_NT_HEADERS64 *NTAPI RtlImageNtHeader(HMODULE module);

typedef struct
{
    ULONG ImportDescribedByName;
    union { const char *Name; ULONG Ordinal; } Description;
} DELAYLOAD_PROC;

typedef struct
{
    ULONG Size;
    const IMAGE_DELAYLOAD_DESCRIPTOR *DelayloadDescriptor;
    IMAGE_THUNK_DATA *ThunkAddress;
    const char *TargetDllName;
    DELAYLOAD_PROC TargetApiDescriptor;
    void *TargetModuleBase;
    void *Unused;
    ULONG LastError;
} DELAYLOAD_INFO_FULL;

typedef void *(WINAPI *delay_dll_hook)(ULONG reason, DELAYLOAD_INFO_FULL *info);
typedef void *(WINAPI *delay_system_hook)(const char *dll, const char *proc);

#define FAIL_LOAD_LIB 3   /* dliFailLoadLib */
#define FAIL_GET_PROC 4   /* dliFailGetProc */

/* the module the descriptor names, loaded once: a thread that loses the
   race to store the handle gives its reference back */
static NTSTATUS delay_module(BYTE *base, const IMAGE_DELAYLOAD_DESCRIPTOR *desc, HMODULE *module)
{
    HMODULE *slot = (HMODULE *)(base + desc->ModuleHandleRVA);
    UNICODE_STRING name;
    NTSTATUS status;
    if ((*module = __atomic_load_n(slot, __ATOMIC_ACQUIRE))) return STATUS_SUCCESS;
    if (!RtlCreateUnicodeStringFromAsciiz(&name, (const char *)base + desc->DllNameRVA)) return STATUS_NO_MEMORY;
    status = LdrLoadDll(NULL, NULL, &name, module);
    RtlFreeUnicodeString(&name);
    if (status) return status;
    HMODULE expected = NULL;
    if (!__atomic_compare_exchange_n(slot, &expected, *module, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        LdrUnloadDll(*module);
        *module = expected;
    }
    return STATUS_SUCCESS;
}

void *NTAPI LdrResolveDelayLoadedAPI(void *parent, const IMAGE_DELAYLOAD_DESCRIPTOR *desc, delay_dll_hook dll_hook,
                                     delay_system_hook system_hook, IMAGE_THUNK_DATA *thunk, ULONG flags)
{
    BYTE *base = parent;
    IMAGE_THUNK_DATA *iat = (IMAGE_THUNK_DATA *)(base + desc->ImportAddressTableRVA);
    IMAGE_THUNK_DATA *names = (IMAGE_THUNK_DATA *)(base + desc->ImportNameTableRVA);
    const IMAGE_THUNK_DATA *entry = &names[thunk - iat];
    const char *dll = (const char *)base + desc->DllNameRVA;
    DELAYLOAD_INFO_FULL info = { sizeof(info), desc, thunk, dll, { 0 }, NULL, NULL, 0 };
    ANSI_STRING proc_name;
    const char *proc_arg;
    HMODULE module;
    void *proc = NULL;
    (void)flags;

    if (IMAGE_SNAP_BY_ORDINAL64(entry->u1.Ordinal))
    {
        info.TargetApiDescriptor.Description.Ordinal = IMAGE_ORDINAL64(entry->u1.Ordinal);
        proc_arg = (const char *)(ULONG_PTR)info.TargetApiDescriptor.Description.Ordinal;
    }
    else
    {
        const IMAGE_IMPORT_BY_NAME *by_name = (const IMAGE_IMPORT_BY_NAME *)(base + entry->u1.AddressOfData);
        info.TargetApiDescriptor.ImportDescribedByName = 1;
        info.TargetApiDescriptor.Description.Name = proc_arg = (const char *)by_name->Name;
    }

    NTSTATUS status = delay_module(base, desc, &module);
    ULONG reason = FAIL_LOAD_LIB;
    if (!status)
    {
        info.TargetModuleBase = module;
        reason = FAIL_GET_PROC;
        if (info.TargetApiDescriptor.ImportDescribedByName)
        {
            RtlInitAnsiString(&proc_name, proc_arg);
            status = LdrGetProcedureAddress(module, &proc_name, 0, &proc);
        }
        else status = LdrGetProcedureAddress(module, NULL, info.TargetApiDescriptor.Description.Ordinal, &proc);
    }
    if (status)
    {
        info.LastError = RtlNtStatusToDosError(status);
        proc = NULL;
        if (dll_hook) proc = dll_hook(reason, &info);
        if (!proc && system_hook) proc = system_hook(dll, proc_arg);
        if (!proc)
        {
            if (DEBUG_ON(LOADDLL) && info.TargetApiDescriptor.ImportDescribedByName)
                wlx_dbg("delay-loaded %s!%s: status %#x, no failure hook answered\n", dll, proc_arg,
                        (unsigned)status);
            else if (DEBUG_ON(LOADDLL))
                wlx_dbg("delay-loaded %s!#%u: status %#x, no failure hook answered\n", dll,
                        (unsigned)info.TargetApiDescriptor.Description.Ordinal, (unsigned)status);
            return NULL;
        }
    }
    __atomic_store_n(&thunk->u1.Function, (ULONGLONG)(ULONG_PTR)proc, __ATOMIC_RELEASE);
    return proc;
}

/* every delay import of the module from the DLL named, resolved now; the
   first failure ends it with its status */
NTSTATUS NTAPI LdrResolveDelayLoadsFromDll(void *parent, const char *dll, ULONG flags)
{
    BYTE *base = parent;
    IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(parent);
    (void)flags;
    if (!nt || nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT)
        return STATUS_INVALID_IMAGE_FORMAT;
    IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT];
    if (!dir->VirtualAddress || !dir->Size) return STATUS_DLL_NOT_FOUND;
    for (const IMAGE_DELAYLOAD_DESCRIPTOR *d = (const void *)(base + dir->VirtualAddress); d->DllNameRVA; d++)
    {
        if (_stricmp((const char *)base + d->DllNameRVA, dll)) continue;
        IMAGE_THUNK_DATA *iat = (IMAGE_THUNK_DATA *)(base + d->ImportAddressTableRVA);
        IMAGE_THUNK_DATA *names = (IMAGE_THUNK_DATA *)(base + d->ImportNameTableRVA);
        for (size_t i = 0; names[i].u1.AddressOfData; i++)
            if (!LdrResolveDelayLoadedAPI(parent, d, NULL, NULL, &iat[i], 0)) return STATUS_PROCEDURE_NOT_FOUND;
        return STATUS_SUCCESS;
    }
    return STATUS_DLL_NOT_FOUND;
}
