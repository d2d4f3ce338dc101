/*
 * tests/kernel32/delayload.c — ResolveDelayLoadedAPI and
 * ResolveDelayLoadsFromDll, the system's delay-load helper (programs
 * built against the Windows 8 SDK's delay-load support and Wine's own
 * PE programs call them from their delay-import thunks). A delay-import
 * descriptor, its import name table, address table and module handle are
 * built here in a block of memory that stands for the importing module
 * (every field is an RVA from that base, as in a real image).
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

typedef struct { ULONG ImportDescribedByName; union { const char *Name; ULONG Ordinal; } Description; } proc_desc;
typedef struct
{
    ULONG Size;
    const IMAGE_DELAYLOAD_DESCRIPTOR *DelayloadDescriptor;
    IMAGE_THUNK_DATA *ThunkAddress;
    const char *TargetDllName;
    proc_desc TargetApiDescriptor;
    void *TargetModuleBase;
    void *Unused;
    ULONG LastError;
} delayload_info;
typedef void *(WINAPI *dll_hook_fn)(ULONG reason, delayload_info *info);
typedef void *(WINAPI *sys_hook_fn)(const char *dll, const char *proc);
typedef void *(WINAPI *resolve_fn)(void *base, const IMAGE_DELAYLOAD_DESCRIPTOR *desc, dll_hook_fn dll_hook,
                                   sys_hook_fn sys_hook, IMAGE_THUNK_DATA *thunk, ULONG flags);
typedef NTSTATUS (WINAPI *resolve_all_fn)(void *base, const char *dll, ULONG flags);

/* the importing "module": everything the descriptor points at */
struct image
{
    IMAGE_DOS_HEADER dos;                 /* headers enough to find the delay imports */
    IMAGE_NT_HEADERS64 nt;
    IMAGE_DELAYLOAD_DESCRIPTOR desc[2];   /* the second one ends the list */
    HMODULE module;
    ULONGLONG iat[4];
    ULONGLONG names[4];
    char dll[32];
    struct { WORD hint; char name[40]; } by_name[3];
};

static resolve_fn resolve;
static resolve_all_fn resolve_all;
static struct image *img;

#define RVA(field) ((DWORD)((BYTE *)&(field) - (BYTE *)img))

static void make_image(const char *dll, const char *const names[3], int ordinal)
{
    memset(img, 0, sizeof(*img));
    img->dos.e_magic = IMAGE_DOS_SIGNATURE;
    img->dos.e_lfanew = RVA(img->nt);
    img->nt.Signature = IMAGE_NT_SIGNATURE;
    img->nt.FileHeader.Machine = IMAGE_FILE_MACHINE_AMD64;
    img->nt.FileHeader.SizeOfOptionalHeader = sizeof(img->nt.OptionalHeader);
    img->nt.OptionalHeader.Magic = IMAGE_NT_OPTIONAL_HDR64_MAGIC;
    img->nt.OptionalHeader.NumberOfRvaAndSizes = IMAGE_NUMBEROF_DIRECTORY_ENTRIES;
    img->nt.OptionalHeader.SizeOfImage = sizeof(*img);
    img->nt.OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT].VirtualAddress = RVA(img->desc);
    img->nt.OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT].Size = sizeof(img->desc);
    img->desc[0].Attributes.RvaBased = 1;
    strcpy(img->dll, dll);
    img->desc[0].DllNameRVA = RVA(img->dll);
    img->desc[0].ModuleHandleRVA = RVA(img->module);
    img->desc[0].ImportAddressTableRVA = RVA(img->iat);
    img->desc[0].ImportNameTableRVA = RVA(img->names);
    for (int i = 0; i < 3 && names[i]; i++)
    {
        strcpy(img->by_name[i].name, names[i]);
        img->names[i] = RVA(img->by_name[i]);
        img->iat[i] = 0x1234;   /* what a thunk would hold: never read */
    }
    if (ordinal)
    {
        img->names[2] = IMAGE_ORDINAL_FLAG64 | ordinal;
        img->iat[2] = 0x1234;
    }
}

static int dll_calls, sys_calls;
static ULONG dll_reason;
static delayload_info dll_info;
static char dll_name_seen[64], sys_dll_seen[64], sys_proc_seen[64];
static void *dll_answer;

static void *WINAPI dll_hook(ULONG reason, delayload_info *info)
{
    dll_calls++;
    dll_reason = reason;
    dll_info = *info;
    lstrcpynA(dll_name_seen, info->TargetDllName ? info->TargetDllName : "(null)", sizeof(dll_name_seen));
    return dll_answer;
}

static DWORD WINAPI failure_stand_in(void) { return 77; }

static void *WINAPI sys_hook(const char *dll, const char *proc)
{
    sys_calls++;
    lstrcpynA(sys_dll_seen, dll ? dll : "(null)", sizeof(sys_dll_seen));
    if (IS_INTRESOURCE(proc)) snprintf(sys_proc_seen, sizeof(sys_proc_seen), "#%u", (unsigned)(ULONG_PTR)proc);
    else lstrcpynA(sys_proc_seen, proc, sizeof(sys_proc_seen));
    return (void *)failure_stand_in;
}

static void reset_hooks(void *answer)
{
    dll_calls = sys_calls = 0;
    dll_reason = 0;
    memset(&dll_info, 0, sizeof(dll_info));
    dll_name_seen[0] = sys_dll_seen[0] = sys_proc_seen[0] = 0;
    dll_answer = answer;
}

static void test_resolve_by_name(void)
{
    static const char *const names[3] = { "GetCurrentProcessId", "GetTickCount", NULL };
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    make_image("kernel32.dll", names, 0);
    reset_hooks(NULL);
    void *p = resolve(img, &img->desc[0], dll_hook, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[1], 0);
    ok(p == (void *)GetProcAddress(k32, "GetTickCount"), "GetTickCount resolved to %p\n", p);
    ok(img->iat[1] == (ULONGLONG)(ULONG_PTR)p, "the thunk holds %I64x\n", img->iat[1]);
    ok(img->iat[0] == 0x1234, "another thunk was changed: %I64x\n", img->iat[0]);
    ok(img->module == k32, "the module handle is %p, kernel32 %p\n", img->module, k32);
    ok(!dll_calls && !sys_calls, "hooks called: %d %d\n", dll_calls, sys_calls);

    /* the module is loaded already: the handle in the image is used as is */
    p = resolve(img, &img->desc[0], NULL, NULL, (IMAGE_THUNK_DATA *)&img->iat[0], 0);
    ok(p == (void *)GetProcAddress(k32, "GetCurrentProcessId"), "GetCurrentProcessId resolved to %p\n", p);
    ok(((DWORD(WINAPI *)(void))p)() == GetCurrentProcessId(), "the resolved function does not work\n");
}

static void test_resolve_by_ordinal(void)
{
    static const char *const names[3] = { "GetTickCount", NULL, NULL };
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    int ordinal = 0;
    /* the ordinal of some export: ordinals differ between systems */
    for (int o = 1; o < 2000 && !ordinal; o++)
        if (GetProcAddress(k32, MAKEINTRESOURCEA(o))) ordinal = o;
    if (!ordinal) { skip("kernel32 exports no ordinal below 2000\n"); return; }
    make_image("KERNEL32.DLL", names, ordinal);
    reset_hooks(NULL);
    void *p = resolve(img, &img->desc[0], dll_hook, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[2], 0);
    ok(p == (void *)GetProcAddress(k32, MAKEINTRESOURCEA(ordinal)), "ordinal %d resolved to %p\n", ordinal, p);
    ok(img->iat[2] == (ULONGLONG)(ULONG_PTR)p, "the thunk holds %I64x\n", img->iat[2]);
    ok(!dll_calls && !sys_calls, "hooks called: %d %d\n", dll_calls, sys_calls);
}

/* What is certain of a failure: the DLL's hook is told (dliFailGetProc
   for a missing function, with the DELAYLOAD_INFO of the import) and
   what it answers is the import; without a DLL hook the system's hook
   gives the failure stub ResolveDelayLoadedAPI returns ("the address of
   the import, or the failure stub for it"). Which hook Windows asks when
   the DLL's has no answer, and whether LastError is a Win32 code, no
   document says: not tested (wlx then asks the system's hook; Wine 8 does
   not, returns NULL and gives an NTSTATUS). */
static void test_missing_function(void)
{
    static const char *const names[3] = { "GetTickCount", "NoSuchFunctionForWlx", NULL };
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    make_image("kernel32.dll", names, 0);

    reset_hooks((void *)GetTickCount);
    void *p = resolve(img, &img->desc[0], dll_hook, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[1], 0);
    ok(p == (void *)GetTickCount, "resolved to %p\n", p);
    /* "replaces the function pointer in the import thunk": Wine 8 leaves
       the thunk as it was when a hook answered */
    todo_wine(img->iat[1] == (ULONGLONG)(ULONG_PTR)GetTickCount, "the thunk holds %I64x\n", img->iat[1]);
    ok(dll_calls == 1 && !sys_calls, "hooks called: %d %d\n", dll_calls, sys_calls);
    ok(dll_reason == 4 /* dliFailGetProc */, "reason %lu\n", dll_reason);
    ok(dll_info.Size == sizeof(delayload_info), "size %lu\n", dll_info.Size);
    ok(dll_info.DelayloadDescriptor == &img->desc[0], "descriptor %p\n", dll_info.DelayloadDescriptor);
    ok(dll_info.ThunkAddress == (IMAGE_THUNK_DATA *)&img->iat[1], "thunk %p\n", dll_info.ThunkAddress);
    ok(!strcmp(dll_name_seen, "kernel32.dll"), "dll name %s\n", dll_name_seen);
    ok(dll_info.TargetApiDescriptor.ImportDescribedByName, "described by ordinal\n");
    /* an LPCSTR: Wine 8 passes the RVA of the hint/name entry instead */
    todo_wine(dll_info.TargetApiDescriptor.Description.Name == img->by_name[1].name, "the name at %p, not %p\n",
              dll_info.TargetApiDescriptor.Description.Name, img->by_name[1].name);
    ok(dll_info.TargetModuleBase == k32, "module base %p\n", dll_info.TargetModuleBase);

    /* only the system's hook */
    reset_hooks(NULL);
    img->iat[1] = 0x1234;
    p = resolve(img, &img->desc[0], NULL, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[1], 0);
    ok(p == (void *)failure_stand_in && sys_calls == 1, "resolved to %p, %d calls\n", p, sys_calls);
    ok(!strcmp(sys_dll_seen, "kernel32.dll") && !strcmp(sys_proc_seen, "NoSuchFunctionForWlx"), "asked for %s!%s\n",
       sys_dll_seen, sys_proc_seen);
    ok(((DWORD(WINAPI *)(void))p)() == 77, "the stub is not the hook's\n");
}

static void test_missing_dll(void)
{
    static const char *const names[3] = { "SomeFunction", NULL, NULL };
    make_image("wlx_no_such_dll.dll", names, 0);
    reset_hooks(NULL);
    void *p = resolve(img, &img->desc[0], NULL, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[0], 0);
    ok(p == (void *)failure_stand_in, "resolved to %p\n", p);
    ok(!img->module, "the module handle is %p\n", img->module);
    ok(sys_calls == 1 && !strcmp(sys_dll_seen, "wlx_no_such_dll.dll") && !strcmp(sys_proc_seen, "SomeFunction"),
       "the system hook: %d calls, %s!%s\n", sys_calls, sys_dll_seen, sys_proc_seen);

    reset_hooks((void *)GetTickCount);
    p = resolve(img, &img->desc[0], dll_hook, sys_hook, (IMAGE_THUNK_DATA *)&img->iat[0], 0);
    ok(p == (void *)GetTickCount && dll_calls == 1 && !sys_calls, "resolved to %p, hooks called %d %d\n", p,
       dll_calls, sys_calls);
    ok(!strcmp(dll_name_seen, "wlx_no_such_dll.dll"), "dll name %s\n", dll_name_seen);
    ok(!dll_info.TargetModuleBase, "module base %p\n", dll_info.TargetModuleBase);
}

static void test_resolve_all(void)
{
    static const char *const names[3] = { "GetCurrentProcessId", "GetTickCount", NULL };
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    if (!resolve_all) { skip("no ResolveDelayLoadsFromDll\n"); return; }
    make_image("kernel32.dll", names, 0);
    NTSTATUS status = resolve_all(img, "KERNEL32.dll", 0);   /* names match without case */
    ok(!status, "status %#lx\n", status);
    ok(img->iat[0] == (ULONGLONG)(ULONG_PTR)GetProcAddress(k32, "GetCurrentProcessId") &&
       img->iat[1] == (ULONGLONG)(ULONG_PTR)GetProcAddress(k32, "GetTickCount"), "the thunks hold %I64x %I64x\n",
       img->iat[0], img->iat[1]);
    ok(img->module == k32, "the module handle is %p\n", img->module);

    /* a DLL the image does not delay-load */
    status = resolve_all(img, "user32.dll", 0);
    ok(status == STATUS_DLL_NOT_FOUND, "status %#lx\n", status);
}

int main(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    resolve = (resolve_fn)GetProcAddress(k32, "ResolveDelayLoadedAPI");
    resolve_all = (resolve_all_fn)GetProcAddress(k32, "ResolveDelayLoadsFromDll");
    if (!resolve)
    {
        skip("no ResolveDelayLoadedAPI\n");
        return test_summary();
    }
    img = VirtualAlloc(NULL, sizeof(*img), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    test_resolve_by_name();
    test_resolve_by_ordinal();
    test_missing_function();
    test_missing_dll();
    test_resolve_all();
    return test_summary();
}
