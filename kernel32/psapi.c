/*
 * kernel32/psapi.c — the process status functions (K32EnumProcessModules,
 * K32GetModuleInformation, K32GetProcessMemoryInfo, ...). psapi.dll forwards
 * its exports here, as on Windows 7 and later.
 *
 * Modules are those of the loader's list (PEB->Ldr) and can be listed for
 * the calling process only: another process's memory cannot be read yet, so
 * those calls fail with ERROR_PARTIAL_COPY. Memory counters and image names
 * come from NtQueryInformationProcess, which reads Linux's /proc.
 */
#include "private.h"
#include <psapi.h>

NTSTATUS NTAPI NtQueryInformationProcess(HANDLE, PROCESSINFOCLASS, void *, ULONG, ULONG *);
NTSTATUS NTAPI LdrLockLoaderLock(ULONG, ULONG *, ULONG_PTR *);
NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG, ULONG_PTR);
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

#define PROCESS_VM_COUNTERS 3          /* ProcessVmCounters */
#define PROCESS_IMAGE_FILE_NAME 27     /* ProcessImageFileName: the NT path */

typedef struct {
    SIZE_T PeakVirtualSize, VirtualSize;
    ULONG PageFaultCount;
    SIZE_T PeakWorkingSetSize, WorkingSetSize, QuotaPeakPagedPoolUsage, QuotaPagedPoolUsage;
    SIZE_T QuotaPeakNonPagedPoolUsage, QuotaNonPagedPoolUsage, PagefileUsage, PeakPagefileUsage, PrivateUsage;
} VM_COUNTERS_EX_FULL;

static BOOL set_status(NTSTATUS status)
{
    if (status) SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

/* TRUE for the calling process; sets the error for another one */
static BOOL is_self(HANDLE process)
{
    if (process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId()) return TRUE;
    SetLastError(GetProcessId(process) ? ERROR_PARTIAL_COPY : ERROR_INVALID_HANDLE);
    return FALSE;
}

/* ---- modules ---- */

static LIST_ENTRY *module_list(void)
{
    return (LIST_ENTRY *)(*(BYTE **)(k32_peb() + PEB_LDR) + 0x10);   /* InLoadOrderModuleList */
}

/* calls `fn` for each module in load order until it returns FALSE */
static void for_each_module(BOOL (*fn)(LDR_ENTRY_HEAD *, void *), void *arg)
{
    LIST_ENTRY *head = module_list();
    ULONG_PTR cookie;

    LdrLockLoaderLock(0, NULL, &cookie);
    for (LIST_ENTRY *e = head->Flink; e != head; e = e->Flink)
        if (!fn(CONTAINING_RECORD(e, LDR_ENTRY_HEAD, InLoadOrderLinks), arg)) break;
    LdrUnlockLoaderLock(0, cookie);
}

struct enum_state { HMODULE *out; DWORD slots, count; };

static BOOL enum_one(LDR_ENTRY_HEAD *m, void *arg)
{
    struct enum_state *s = arg;
    if (s->count < s->slots) s->out[s->count] = m->DllBase;
    s->count++;
    return TRUE;
}

BOOL WINAPI K32EnumProcessModulesEx(HANDLE process, HMODULE *modules, DWORD cb, DWORD *needed, DWORD filter)
{
    struct enum_state s = { modules, cb / sizeof(HMODULE), 0 };

    if (!needed || (cb && !modules)) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (!is_self(process)) return FALSE;
    for_each_module(enum_one, &s);
    *needed = s.count * sizeof(HMODULE);
    return TRUE;
}

BOOL WINAPI K32EnumProcessModules(HANDLE process, HMODULE *modules, DWORD cb, DWORD *needed)
{
    return K32EnumProcessModulesEx(process, modules, cb, needed, LIST_MODULES_DEFAULT);
}

struct find_state { HMODULE module; LDR_ENTRY_HEAD copy; BOOL found; };

static BOOL find_one(LDR_ENTRY_HEAD *m, void *arg)
{
    struct find_state *s = arg;
    if (m->DllBase != s->module) return TRUE;
    s->copy = *m;
    s->found = TRUE;
    return FALSE;
}

/* the loader's entry of `module` (NULL: the program) in the calling process */
static BOOL find_module(HANDLE process, HMODULE module, LDR_ENTRY_HEAD *entry)
{
    struct find_state s = { module ? module : GetModuleHandleW(NULL) };

    if (!is_self(process)) return FALSE;
    for_each_module(find_one, &s);
    if (!s.found) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    *entry = s.copy;
    return TRUE;
}

BOOL WINAPI K32GetModuleInformation(HANDLE process, HMODULE module, MODULEINFO *info, DWORD cb)
{
    LDR_ENTRY_HEAD m;

    if (cb < sizeof(*info)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    if (!find_module(process, module, &m)) return FALSE;
    info->lpBaseOfDll = m.DllBase;
    info->SizeOfImage = m.SizeOfImage;
    info->EntryPoint = m.EntryPoint;
    return TRUE;
}

/* copies `len` characters into buf[size], and a NUL when it fits (a cut
 * name is not terminated, as on Windows); the count copied */
static DWORD copy_name(WCHAR *buf, DWORD size, const WCHAR *name, DWORD len)
{
    if (!size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    if (len > size) len = size;
    memcpy(buf, name, len * sizeof(WCHAR));
    if (len < size) buf[len] = 0;
    return len;
}

DWORD WINAPI K32GetModuleFileNameExW(HANDLE process, HMODULE module, LPWSTR buf, DWORD size)
{
    LDR_ENTRY_HEAD m;

    if (!find_module(process, module, &m)) return 0;
    return copy_name(buf, size, m.FullDllName.Buffer, m.FullDllName.Length / sizeof(WCHAR));
}

DWORD WINAPI K32GetModuleBaseNameW(HANDLE process, HMODULE module, LPWSTR buf, DWORD size)
{
    LDR_ENTRY_HEAD m;

    if (!find_module(process, module, &m)) return 0;
    return copy_name(buf, size, m.BaseDllName.Buffer, m.BaseDllName.Length / sizeof(WCHAR));
}

/* the A forms: the W result converted, cut to the buffer */
static DWORD to_ansi(const WCHAR *wide, DWORD len, LPSTR buf, DWORD size)
{
    int n;

    if (!size) return 0;
    n = WideCharToMultiByte(CP_ACP, 0, wide, len, buf, size - 1, NULL, NULL);
    buf[n] = 0;
    return n;
}

DWORD WINAPI K32GetModuleFileNameExA(HANDLE process, HMODULE module, LPSTR buf, DWORD size)
{
    WCHAR wide[MAX_PATH];
    DWORD len = K32GetModuleFileNameExW(process, module, wide, MAX_PATH);
    return len ? to_ansi(wide, len, buf, size) : 0;
}

DWORD WINAPI K32GetModuleBaseNameA(HANDLE process, HMODULE module, LPSTR buf, DWORD size)
{
    WCHAR wide[MAX_PATH];
    DWORD len = K32GetModuleBaseNameW(process, module, wide, MAX_PATH);
    return len ? to_ansi(wide, len, buf, size) : 0;
}

/* ---- processes ---- */

/* the processes wlx can name: the calling one (the server does not list
 * the prefix's processes yet) */
BOOL WINAPI K32EnumProcesses(DWORD *pids, DWORD cb, DWORD *needed)
{
    if (!pids || !needed) { SetLastError(ERROR_NOACCESS); return FALSE; }
    *needed = 0;
    if (cb >= sizeof(DWORD))
    {
        pids[0] = GetCurrentProcessId();
        *needed = sizeof(DWORD);
    }
    return TRUE;
}

DWORD WINAPI K32GetProcessImageFileNameW(HANDLE process, LPWSTR buf, DWORD size)
{
    BYTE info[sizeof(UNICODE_STRING) + MAX_PATH * 2 * sizeof(WCHAR)];
    UNICODE_STRING *name = (UNICODE_STRING *)info;

    if (!set_status(NtQueryInformationProcess(process, PROCESS_IMAGE_FILE_NAME, info, sizeof(info), NULL))) return 0;
    if (name->Length / sizeof(WCHAR) >= size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return copy_name(buf, size, name->Buffer, name->Length / sizeof(WCHAR));
}

DWORD WINAPI K32GetProcessImageFileNameA(HANDLE process, LPSTR buf, DWORD size)
{
    WCHAR wide[MAX_PATH * 2];
    DWORD len = K32GetProcessImageFileNameW(process, wide, ARRAYSIZE(wide));
    return len ? to_ansi(wide, len, buf, size) : 0;
}

/* flags 0: the Win32 path ("C:\\dir\\app.exe"); PROCESS_NAME_NATIVE: the
   device form GetProcessImageFileName gives. *size: the buffer's characters
   in, the name's out (without its NUL) */
BOOL WINAPI QueryFullProcessImageNameW(HANDLE process, DWORD flags, LPWSTR buf, PDWORD size)
{
    BYTE info[sizeof(UNICODE_STRING) + MAX_PATH * 2 * sizeof(WCHAR)];
    UNICODE_STRING *name = (UNICODE_STRING *)info;
    DWORD len;

    if (!buf || !size || (flags & ~PROCESS_NAME_NATIVE)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!set_status(NtQueryInformationProcess(process, (flags & PROCESS_NAME_NATIVE) ? PROCESS_IMAGE_FILE_NAME : 43,
                                              info, sizeof(info), NULL)))
        return FALSE;
    len = name->Length / sizeof(WCHAR);
    if (len >= *size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    memcpy(buf, name->Buffer, len * sizeof(WCHAR));
    buf[len] = 0;
    *size = len;
    return TRUE;
}

BOOL WINAPI QueryFullProcessImageNameA(HANDLE process, DWORD flags, LPSTR buf, PDWORD size)
{
    WCHAR wide[MAX_PATH * 2];
    DWORD len = ARRAYSIZE(wide);
    int n;

    if (!buf || !size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!QueryFullProcessImageNameW(process, flags, wide, &len)) return FALSE;
    n = WideCharToMultiByte(CP_ACP, 0, wide, len, NULL, 0, NULL, NULL);
    if ((DWORD)n >= *size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    WideCharToMultiByte(CP_ACP, 0, wide, len, buf, n, NULL, NULL);
    buf[n] = 0;
    *size = n;
    return TRUE;
}

/* PROCESS_MEMORY_COUNTERS or, by its size, PROCESS_MEMORY_COUNTERS_EX */
BOOL WINAPI K32GetProcessMemoryInfo(HANDLE process, PPROCESS_MEMORY_COUNTERS pmc, DWORD cb)
{
    VM_COUNTERS_EX_FULL vm;
    PROCESS_MEMORY_COUNTERS_EX ex;

    if (cb < sizeof(PROCESS_MEMORY_COUNTERS)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    memset(&vm, 0, sizeof(vm));
    if (!set_status(NtQueryInformationProcess(process, PROCESS_VM_COUNTERS, &vm, sizeof(vm), NULL))) return FALSE;
    ex.cb = cb >= sizeof(ex) ? sizeof(ex) : sizeof(PROCESS_MEMORY_COUNTERS);
    ex.PageFaultCount = vm.PageFaultCount;
    ex.PeakWorkingSetSize = vm.PeakWorkingSetSize;
    ex.WorkingSetSize = vm.WorkingSetSize;
    ex.QuotaPeakPagedPoolUsage = vm.QuotaPeakPagedPoolUsage;
    ex.QuotaPagedPoolUsage = vm.QuotaPagedPoolUsage;
    ex.QuotaPeakNonPagedPoolUsage = vm.QuotaPeakNonPagedPoolUsage;
    ex.QuotaNonPagedPoolUsage = vm.QuotaNonPagedPoolUsage;
    ex.PagefileUsage = vm.PagefileUsage;
    ex.PeakPagefileUsage = vm.PeakPagefileUsage;
    ex.PrivateUsage = vm.PrivateUsage;
    memcpy(pmc, &ex, ex.cb);
    return TRUE;
}
