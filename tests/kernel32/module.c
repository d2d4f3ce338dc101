/*
 * tests/kernel32/module.c — DLL loading and module queries: LoadLibrary(Ex),
 * DllMain order and reference counts, GetProcAddress by name, ordinal and
 * forwarder, GetModuleHandle(Ex), GetModuleFileName, API-set names, TLS
 * callbacks and thread notifications of a DLL, delay-loaded imports.
 *
 * build: needs dll/testdll.dll, dll/depdll.dll, dll/tlsdll.dll, dll/notlsdll.dll
 * and dll/delaydll.dll beside the exe, and links the delay-load library of
 * delaydll (dlltool --output-delaylib from dll/delaydll.def).
 */
#include "test.h"
#include <wchar.h>

#define TD_ATTACH_COUNT ((LPCSTR)1)
#define TD_HIDDEN       ((LPCSTR)5)

typedef LONG (*long_fn)(void);
typedef void (*set_log_fn)(LONG *);
typedef int (*int_fn)(void);

int delay_answer(void);  /* from delaydll.dll, delay-loaded */

static WCHAR exe_dir[MAX_PATH];

static void init_exe_dir(void)
{
    WCHAR *slash;
    GetModuleFileNameW(NULL, exe_dir, MAX_PATH);
    slash = wcsrchr(exe_dir, '\\');
    if (slash) slash[1] = 0;
}

static void dll_path(WCHAR *buf, const WCHAR *name)
{
    wcscpy(buf, exe_dir);
    wcscat(buf, name);
}

static HMODULE load_helper(const WCHAR *name)
{
    WCHAR path[MAX_PATH];
    dll_path(path, name);
    return LoadLibraryW(path);
}

static void test_load_missing(void)
{
    WCHAR path[MAX_PATH];
    HMODULE mod;

    SetLastError(0xdeadbeef);
    mod = LoadLibraryW(L"wlx_no_such_module.dll");
    ok(!mod, "missing dll loaded\n");
    ok(GetLastError() == ERROR_MOD_NOT_FOUND, "error %lu\n", GetLastError());

    dll_path(path, L"wlx_no_such_module.dll");
    SetLastError(0xdeadbeef);
    mod = LoadLibraryW(path);
    ok(!mod, "missing dll loaded by full path\n");
    ok(GetLastError() == ERROR_MOD_NOT_FOUND, "error %lu\n", GetLastError());
}

static void test_exports(HMODULE mod)
{
    FARPROC by_name, by_ordinal;
    int_fn hidden;

    by_name = GetProcAddress(mod, "testdll_attach_count");
    by_ordinal = GetProcAddress(mod, TD_ATTACH_COUNT);
    ok(by_name != NULL, "by name failed\n");
    ok(by_name == by_ordinal, "by name %p, by ordinal %p\n", by_name, by_ordinal);

    /* ordinal 5 is exported NONAME: reachable by ordinal only */
    hidden = (int_fn)GetProcAddress(mod, TD_HIDDEN);
    ok(hidden && hidden() == 0x5eed, "NONAME export by ordinal %p\n", hidden);
    SetLastError(0xdeadbeef);
    ok(!GetProcAddress(mod, "testdll_hidden"), "NONAME export found by name\n");
    ok(GetLastError() == ERROR_PROC_NOT_FOUND, "error %lu\n", GetLastError());

    /* ordinal 99 is past the end of the export table */
    ok(!GetProcAddress(mod, (LPCSTR)99), "ordinal past the end resolved\n");

    SetLastError(0xdeadbeef);
    ok(!GetProcAddress(mod, "no_such_export"), "missing export found\n");
    ok(GetLastError() == ERROR_PROC_NOT_FOUND, "error %lu\n", GetLastError());
    /* export names are case-sensitive */
    ok(!GetProcAddress(mod, "TESTDLL_ATTACH_COUNT"), "export lookup ignored case\n");

    /* a forwarder resolves to the target's own address */
    by_name = GetProcAddress(mod, "testdll_fwd_alloc");
    ok(by_name && by_name == GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "RtlAllocateHeap"),
       "forwarded export %p\n", by_name);
}

static void test_load_testdll(void)
{
    HMODULE mod, dep;
    long_fn fn;

    ok(!GetModuleHandleW(L"testdll.dll"), "testdll already loaded\n");
    mod = load_helper(L"testdll.dll");
    ok(mod != NULL, "LoadLibraryW(testdll) failed, error %lu\n", GetLastError());
    if (!mod)
    {
        skip("testdll.dll must be built beside the exe\n");
        return;
    }
    fn = (long_fn)GetProcAddress(mod, "testdll_attach_count");
    ok(fn && fn() == 1, "DLL_PROCESS_ATTACH count %ld\n", fn ? fn() : -1);
    fn = (long_fn)GetProcAddress(mod, "testdll_dep_first");
    ok(fn && fn() == 1, "depdll's DllMain did not run before testdll's\n");

    dep = GetModuleHandleW(L"depdll.dll");
    ok(dep != NULL, "import depdll.dll not loaded\n");
    ok(GetModuleHandleW(L"testdll.dll") == mod, "GetModuleHandleW(testdll.dll)\n");
    ok(GetModuleHandleW(L"TESTDLL") == mod, "GetModuleHandleW without extension\n");
    ok(GetModuleHandleA("testdll.dll") == mod, "GetModuleHandleA(testdll.dll)\n");
    test_exports(mod);
    ok(FreeLibrary(mod), "FreeLibrary failed\n");
}

static void test_refcount(void)
{
    LONG log[8] = {0};
    HMODULE mod, again;
    set_log_fn set_log;

    /* by bare name: found in the application's folder */
    mod = LoadLibraryA("testdll.dll");
    ok(mod != NULL, "LoadLibraryA(testdll.dll) failed, error %lu\n", GetLastError());
    if (!mod) return;
    again = load_helper(L"testdll.dll");
    ok(again == mod, "second load gave %p, first %p\n", again, mod);
    set_log = (set_log_fn)GetProcAddress(mod, "testdll_set_log");
    set_log(log);

    ok(FreeLibrary(mod), "first FreeLibrary failed\n");
    ok(log[0] == 0, "DLL_PROCESS_DETACH ran while still referenced\n");
    ok(GetModuleHandleW(L"testdll.dll") == mod, "module gone after first FreeLibrary\n");

    ok(FreeLibrary(mod), "second FreeLibrary failed\n");
    /* the DLL detaches before the import it brought in */
    ok(log[0] == 2 && log[1] == 'T' && log[2] == 'D', "detach log %ld %lc %lc\n",
       log[0], (wint_t)log[1], (wint_t)log[2]);
    SetLastError(0xdeadbeef);
    ok(!GetModuleHandleW(L"testdll.dll"), "module still there after last FreeLibrary\n");
    ok(GetLastError() == ERROR_MOD_NOT_FOUND, "error %lu\n", GetLastError());
    ok(!GetModuleHandleW(L"depdll.dll"), "import still loaded\n");
}

static HMODULE handle_from_address(DWORD flags, void *addr)
{
    HMODULE mod = (HMODULE)0xdeadbeef;
    if (!GetModuleHandleExW(flags | GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, addr, &mod)) return NULL;
    return mod;
}

static void test_module_handle_ex(void)
{
    HMODULE mod, found;
    void *inside;

    mod = load_helper(L"testdll.dll");
    if (!mod) return;
    /* any address inside the image names it, not only the base */
    inside = (void *)GetProcAddress(mod, "testdll_set_log");
    found = handle_from_address(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, inside);
    ok(found == mod, "FROM_ADDRESS gave %p, expected %p\n", found, mod);
    FreeLibrary(mod);
    ok(!GetModuleHandleW(L"testdll.dll"), "UNCHANGED_REFCOUNT took a reference\n");

    mod = load_helper(L"testdll.dll");
    found = handle_from_address(0, inside = (void *)GetProcAddress(mod, "testdll_set_log"));
    ok(found == mod, "FROM_ADDRESS gave %p, expected %p\n", found, mod);
    FreeLibrary(mod);
    ok(GetModuleHandleW(L"testdll.dll") == mod, "FROM_ADDRESS did not take a reference\n");
    FreeLibrary(mod);
    ok(!GetModuleHandleW(L"testdll.dll"), "module still loaded\n");

    found = handle_from_address(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, (void *)test_module_handle_ex);
    ok(found == GetModuleHandleW(NULL), "FROM_ADDRESS in the exe gave %p\n", found);

    SetLastError(0xdeadbeef);
    ok(!GetModuleHandleExW(0, L"kernel32.dll", NULL), "NULL output accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    found = (HMODULE)0xdeadbeef;
    ok(!GetModuleHandleExW(0, L"wlx_no_such_module.dll", &found), "missing module found\n");
    ok(GetLastError() == ERROR_MOD_NOT_FOUND, "error %lu\n", GetLastError());
    ok(found == NULL, "output not cleared: %p\n", found);
}

extern IMAGE_DOS_HEADER __ImageBase;

static void test_self_handle(void)
{
    HMODULE self = GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS *nt;
    char *peb = (char *)__readgsqword(0x60);

    ok(self == (HMODULE)&__ImageBase, "GetModuleHandleW(NULL) %p, image at %p\n", self, &__ImageBase);
    ok(self == GetModuleHandleA(NULL), "GetModuleHandleA(NULL) differs\n");
    ok(self == *(HMODULE *)(peb + 0x10), "PEB.ImageBaseAddress differs\n");
    ok(((IMAGE_DOS_HEADER *)self)->e_magic == IMAGE_DOS_SIGNATURE, "no MZ at the handle\n");
    nt = (IMAGE_NT_HEADERS *)((char *)self + ((IMAGE_DOS_HEADER *)self)->e_lfanew);
    ok(nt->Signature == IMAGE_NT_SIGNATURE, "no PE signature\n");
    ok((char *)test_self_handle > (char *)self &&
       (char *)test_self_handle < (char *)self + nt->OptionalHeader.SizeOfImage,
       "code outside SizeOfImage\n");
}

static const char *export_dir_name(HMODULE mod)
{
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)((char *)mod + ((IMAGE_DOS_HEADER *)mod)->e_lfanew);
    DWORD rva = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT].VirtualAddress;
    return (char *)mod + ((IMAGE_EXPORT_DIRECTORY *)((char *)mod + rva))->Name;
}

static void test_kernel32(void)
{
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    WCHAR path[MAX_PATH], sysdir[MAX_PATH], *slash;
    DWORD len;

    ok(k32 != NULL, "kernel32 not loaded\n");
    ok(GetModuleHandleW(L"KERNEL32") == k32, "no-extension name differs\n");
    ok(GetModuleHandleA("Kernel32.DLL") == k32, "mixed-case name differs\n");
    ok(!_stricmp(export_dir_name(k32), "kernel32.dll"), "export name %s\n", export_dir_name(k32));

    len = GetModuleFileNameW(k32, path, MAX_PATH);
    ok(len == wcslen(path) && len > 13, "length %lu\n", len);
    slash = wcsrchr(path, '\\');
    ok(slash && !_wcsicmp(slash, L"\\kernel32.dll"), "path %ls\n", path);
    GetSystemDirectoryW(sysdir, MAX_PATH);
    if (slash) *slash = 0;
    ok(!_wcsicmp(path, sysdir), "folder %ls, system folder %ls\n", path, sysdir);
}

static void test_filename_buffer(void)
{
    WCHAR full[MAX_PATH], small[8];
    DWORD len;

    len = GetModuleFileNameW(NULL, full, MAX_PATH);
    ok(len > 4 && len == wcslen(full), "length %lu\n", len);
    ok(full[1] == ':' || full[0] == '\\', "not a full path: %ls\n", full);

    /* Vista on: truncated to nSize including the terminator, returns nSize */
    memset(small, 0xcc, sizeof(small));
    SetLastError(0xdeadbeef);
    len = GetModuleFileNameW(NULL, small, 4);
    ok(len == 4, "returned %lu\n", len);
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(!memcmp(small, full, 3 * sizeof(WCHAR)), "buffer %.3ls\n", small);
    /* Wine 8 copies nSize characters and leaves out the terminator (as
     * Windows XP did); Vista on puts the terminator in small[nSize - 1] */
    todo_wine(small[3] == 0, "no terminator: %#x\n", small[3]);
    ok(small[4] == 0xcccc, "wrote past nSize\n");
}

static void test_forwarded_kernel32(void)
{
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll"), nt = GetModuleHandleW(L"ntdll.dll");
    FARPROC alloc = GetProcAddress(k32, "HeapAlloc");

    ok(alloc != NULL, "kernel32!HeapAlloc missing\n");
    /* Windows 7 on forwards these kernel32 exports to ntdll (the export table
     * holds "NTDLL.RtlAllocateHeap"), so both names give one address */
    ok(alloc == GetProcAddress(nt, "RtlAllocateHeap"), "HeapAlloc %p\n", alloc);
    ok(GetProcAddress(k32, "EnterCriticalSection") == GetProcAddress(nt, "RtlEnterCriticalSection"),
       "EnterCriticalSection is not ntdll's\n");
}

static void test_apiset(void)
{
    HMODULE mod = LoadLibraryA("api-ms-win-core-synch-l1-2-0.dll");

    ok(mod != NULL, "api-set dll not loaded, error %lu\n", GetLastError());
    if (!mod) return;
    ok(GetProcAddress(mod, "Sleep") != NULL, "Sleep not found through the api set\n");
    ok(GetProcAddress(mod, "WaitForSingleObject") != NULL, "WaitForSingleObject not found\n");
    FreeLibrary(mod);

    SetLastError(0xdeadbeef);
    mod = LoadLibraryA("api-ms-win-wlx-no-such-set-l1-1-0.dll");
    ok(!mod, "unknown api set loaded\n");
    ok(GetLastError() == ERROR_MOD_NOT_FOUND, "error %lu\n", GetLastError());
}

static void test_datafile(void)
{
    WCHAR path[MAX_PATH];
    HMODULE mod;

    dll_path(path, L"testdll.dll");
    mod = LoadLibraryExW(path, NULL, LOAD_LIBRARY_AS_DATAFILE);
    ok(mod != NULL, "datafile load failed, error %lu\n", GetLastError());
    if (!mod) return;
    /* a datafile mapping is marked by the low bit (LDR_IS_DATAFILE); it runs
     * no code: neither its DllMain nor its imports' */
    ok(((ULONG_PTR)mod & 1), "handle %p has no datafile bit\n", mod);
    ok(!GetModuleHandleW(L"testdll.dll"), "datafile visible to GetModuleHandle\n");
    ok(!GetModuleHandleW(L"depdll.dll"), "imports of a datafile loaded\n");
    ok(((IMAGE_DOS_HEADER *)((ULONG_PTR)mod & ~(ULONG_PTR)3))->e_magic == IMAGE_DOS_SIGNATURE,
       "no MZ in the datafile mapping\n");
    ok(FreeLibrary(mod), "FreeLibrary of a datafile failed\n");
}

struct tls_thread
{
    HMODULE dll;
    int initial;      /* this thread's first view of the DLL's TLS variable */
    DWORD tid;
};

static DWORD WINAPI tls_thread_proc(void *arg)
{
    struct tls_thread *t = arg;
    int *(*value_ptr)(void) = (void *)GetProcAddress(t->dll, "tlsdll_value_ptr");
    t->tid = GetCurrentThreadId();
    t->initial = *value_ptr();
    *value_ptr() = 2;
    return 0;
}

static DWORD run_tls_thread(HMODULE dll, int *initial)
{
    struct tls_thread t = { dll, -1, 0 };
    HANDLE thread = CreateThread(NULL, 0, tls_thread_proc, &t, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    *initial = t.initial;
    return t.tid;
}

static void test_tls_dll(void)
{
    HMODULE dll = load_helper(L"tlsdll.dll");
    LONG (*main_calls)(DWORD), (*cb_calls)(DWORD), (*cb_first)(void);
    int (*seen)(int, DWORD, DWORD), *(*value_ptr)(void), initial;
    BOOL (*disable)(void);
    DWORD tid;

    ok(dll != NULL, "tlsdll not loaded, error %lu\n", GetLastError());
    if (!dll) return;
    main_calls = (void *)GetProcAddress(dll, "tlsdll_main_calls");
    cb_calls = (void *)GetProcAddress(dll, "tlsdll_callback_calls");
    cb_first = (void *)GetProcAddress(dll, "tlsdll_callback_first");
    seen = (void *)GetProcAddress(dll, "tlsdll_seen");
    value_ptr = (void *)GetProcAddress(dll, "tlsdll_value_ptr");
    disable = (void *)GetProcAddress(dll, "tlsdll_disable_thread_calls");

    ok(main_calls(DLL_PROCESS_ATTACH) == 1, "DllMain attach %ld\n", main_calls(DLL_PROCESS_ATTACH));
    ok(cb_calls(DLL_PROCESS_ATTACH) == 1, "TLS callback attach %ld\n", cb_calls(DLL_PROCESS_ATTACH));
    ok(cb_first() == 1, "TLS callback did not run before DllMain\n");
    /* a dynamically loaded DLL gets static TLS for threads that already exist */
    ok(*value_ptr() == 0x7157, "main thread TLS copy %#x\n", *value_ptr());
    *value_ptr() = 1;

    tid = run_tls_thread(dll, &initial);
    ok(initial == 0x7157, "new thread's TLS copy %#x\n", initial);
    ok(*value_ptr() == 1, "main thread's copy changed to %d\n", *value_ptr());
    ok(seen(0, DLL_THREAD_ATTACH, tid) == 1, "DllMain THREAD_ATTACH %d\n", seen(0, DLL_THREAD_ATTACH, tid));
    ok(seen(0, DLL_THREAD_DETACH, tid) == 1, "DllMain THREAD_DETACH %d\n", seen(0, DLL_THREAD_DETACH, tid));
    ok(seen(1, DLL_THREAD_ATTACH, tid) == 1, "callback THREAD_ATTACH %d\n", seen(1, DLL_THREAD_ATTACH, tid));
    ok(seen(1, DLL_THREAD_DETACH, tid) == 1, "callback THREAD_DETACH %d\n", seen(1, DLL_THREAD_DETACH, tid));

    /* documented: it fails for a DLL with static TLS (every mingw DLL that
     * links the CRT has a TLS directory) */
    ok(!disable(), "DisableThreadLibraryCalls succeeded on a DLL with TLS\n");
    FreeLibrary(dll);
    ok(!GetModuleHandleW(L"tlsdll.dll"), "tlsdll still loaded\n");
}

static DWORD WINAPI idle_thread_proc(void *arg)
{
    return 0;
}

static DWORD run_idle_thread(void)
{
    HANDLE thread = CreateThread(NULL, 0, idle_thread_proc, NULL, 0, NULL);
    DWORD tid = GetThreadId(thread);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    return tid;
}

static void test_disable_thread_calls(void)
{
    HMODULE dll = load_helper(L"notlsdll.dll");
    BOOL (*attached)(DWORD), (*disable)(void);
    DWORD tid;

    ok(dll != NULL, "notlsdll not loaded, error %lu\n", GetLastError());
    if (!dll) return;
    attached = (void *)GetProcAddress(dll, "notlsdll_attached");
    disable = (void *)GetProcAddress(dll, "notlsdll_disable_thread_calls");
    tid = run_idle_thread();
    ok(attached(tid), "no DLL_THREAD_ATTACH before disabling\n");
    ok(disable(), "DisableThreadLibraryCalls failed, error %lu\n", GetLastError());
    tid = run_idle_thread();
    ok(!attached(tid), "DLL_THREAD_ATTACH after disabling\n");
    FreeLibrary(dll);

    SetLastError(0xdeadbeef);
    ok(!DisableThreadLibraryCalls((HMODULE)0x12340000), "bogus module accepted\n");
}

static void test_delay_load(void)
{
    WCHAR path[MAX_PATH];

    /* the delay-load helper loads the DLL at the first call, not at start */
    ok(!GetModuleHandleW(L"delaydll.dll"), "delay-loaded dll loaded at start\n");
    dll_path(path, L"delaydll.dll");
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
    {
        /* the helper would raise an exception for a missing DLL */
        ok(0, "delaydll.dll is not beside the exe\n");
        return;
    }
    ok(delay_answer() == 42, "delay-loaded call failed\n");
    ok(GetModuleHandleW(L"delaydll.dll") != NULL, "delaydll not loaded after the call\n");
}

static void test_pin(void)
{
    HMODULE mod = load_helper(L"testdll.dll"), pinned = NULL;

    if (!mod) return;
    ok(GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_PIN, L"testdll.dll", &pinned), "PIN failed\n");
    ok(pinned == mod, "pinned %p, loaded %p\n", pinned, mod);
    FreeLibrary(mod);
    FreeLibrary(mod);
    ok(GetModuleHandleW(L"testdll.dll") == mod, "pinned module unloaded\n");
}

int main(int argc, char **argv)
{
    test_start("kernel32:module");
    init_exe_dir();
    test_load_missing();
    test_load_testdll();
    test_refcount();
    test_module_handle_ex();
    test_self_handle();
    test_kernel32();
    test_filename_buffer();
    test_forwarded_kernel32();
    test_apiset();
    test_datafile();
    test_tls_dll();
    test_disable_thread_calls();
    test_delay_load();
    test_pin();  /* last: leaves testdll loaded for good */
    return test_summary();
}
