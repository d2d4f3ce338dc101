/*
 * tests/kernel32/startup.c — the small functions programs call as they
 * start, where one missing would end them: kernel32's Rtl memory exports,
 * DebugBreak (EXCEPTION_BREAKPOINT a handler catches), CheckRemoteDebugger
 * Present, FatalAppExit (exit code 0), package identity of an unpackaged
 * process (APPMODEL_ERROR_NO_PACKAGE / NO_APPLICATION), GetLargePageMinimum,
 * GetProcessHandleCount, IsProcessCritical, mitigation policies and DEP,
 * restart/recovery and crash-report registration, the app policies of a
 * desktop program, WOW64 redirection in a 64-bit process,
 * SetSearchPathMode, NeedCurrentDirectoryForExePath, GetDllDirectoryA and
 * SetEnvironmentStringsA.
 */
#include "test.h"
#include "selfchild.h"

LONG WINAPI GetCurrentPackageFullName(UINT32 *, PWSTR);
LONG WINAPI GetCurrentPackageFamilyName(UINT32 *, PWSTR);
LONG WINAPI GetCurrentPackageId(UINT32 *, BYTE *);
LONG WINAPI GetCurrentPackagePath(UINT32 *, PWSTR);
LONG WINAPI GetPackageFamilyName(HANDLE, UINT32 *, PWSTR);
LONG WINAPI GetPackageFullName(HANDLE, UINT32 *, PWSTR);
BOOL WINAPI IsProcessCritical(HANDLE, BOOL *);

/* --- memory -------------------------------------------------------------------------------- */

static void test_rtl_memory(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    void (WINAPI *zero)(void *, SIZE_T) = (void *)GetProcAddress(k32, "RtlZeroMemory");
    void (WINAPI *fill)(void *, SIZE_T, BYTE) = (void *)GetProcAddress(k32, "RtlFillMemory");
    void (WINAPI *move)(void *, const void *, SIZE_T) = (void *)GetProcAddress(k32, "RtlMoveMemory");
    SIZE_T (WINAPI *compare)(const void *, const void *, SIZE_T) = (void *)GetProcAddress(k32, "RtlCompareMemory");
    char a[16], b[16];

    ok(zero && fill && move && compare, "kernel32 exports the Rtl memory functions\n");
    if (!zero || !fill || !move || !compare) return;
    fill(a, sizeof(a), 'x');
    ok(a[0] == 'x' && a[15] == 'x', "RtlFillMemory\n");
    zero(a + 4, 4);
    ok(a[3] == 'x' && !a[4] && !a[7] && a[8] == 'x', "RtlZeroMemory\n");
    memcpy(b, "0123456789abcdef", 16);
    move(b + 2, b, 8);
    ok(!memcmp(b, "0101234567abcdef", 16), "RtlMoveMemory overlapping: %.16s\n", b);
    ok(compare("abcdef", "abcxef", 6) == 3, "RtlCompareMemory: %Iu\n", compare("abcdef", "abcxef", 6));
    ok(compare("abc", "abc", 3) == 3, "RtlCompareMemory equal\n");
    ok(GetProcAddress(k32, "RtlCopyMemory") != NULL, "RtlCopyMemory\n");
}

static void test_large_page(void)
{
    ok(GetLargePageMinimum() == 2 * 1024 * 1024, "large page %Iu\n", GetLargePageMinimum());
}

/* --- debugging ------------------------------------------------------------------------------- */

static int breakpoints;
static void *break_address;

static LONG CALLBACK on_breakpoint(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_BREAKPOINT) return EXCEPTION_CONTINUE_SEARCH;
    breakpoints++;
    break_address = ep->ExceptionRecord->ExceptionAddress;
    ep->ContextRecord->Rip++;           /* over the int3 */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_debug_break(void)
{
    void *h = AddVectoredExceptionHandler(1, on_breakpoint);
    BOOL present = 2;

    DebugBreak();
    ok(breakpoints == 1, "breakpoints %d\n", breakpoints);
    ok(break_address && *(BYTE *)break_address == 0xcc, "the address is the int3: %p\n", break_address);
    RemoveVectoredExceptionHandler(h);

    ok(CheckRemoteDebuggerPresent(GetCurrentProcess(), &present) && present == FALSE, "no debugger: %d\n", present);
    SetLastError(0xdeadbeef);
    ok(!CheckRemoteDebuggerPresent(GetCurrentProcess(), NULL) && GetLastError() == ERROR_INVALID_PARAMETER,
       "NULL result: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CheckRemoteDebuggerPresent(NULL, &present) && GetLastError() == ERROR_INVALID_PARAMETER,
       "NULL process: %lu\n", GetLastError());
}

static void test_fatal_app_exit(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    char out[512];
    DWORD got = 0, n, code;

    /* Windows (and Wine) show the message in a box someone must close */
    if (!test_is("wlx")) { skip("FatalAppExit shows a message box here\n"); return; }
    CreatePipe(&rd, &wr, &sa, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = wr;
    ok(start_self(L"fatal", TRUE, 0, &si, &pi), "start: %lu\n", GetLastError());
    CloseHandle(wr);
    while (got < sizeof(out) - 1 && ReadFile(rd, out + got, sizeof(out) - 1 - got, &n, NULL) && n) got += n;
    out[got] = 0;
    CloseHandle(rd);
    code = finish(&pi);
    /* NT's FatalAppExit calls ExitProcess(0) after the message */
    ok(code == 0, "exit code %lx\n", code);
    ok(strstr(out, "the end is near") != NULL, "the message on stderr: %s\n", out);
}

/* --- package identity ------------------------------------------------------------------------ */

static void test_package(void)
{
    UINT32 len;
    WCHAR buf[64];

    len = 0;
    ok(GetCurrentPackageFullName(&len, NULL) == APPMODEL_ERROR_NO_PACKAGE && len == 0, "full name: %u\n", len);
    len = ARRAYSIZE(buf);
    ok(GetCurrentPackageFullName(&len, buf) == APPMODEL_ERROR_NO_PACKAGE, "full name with a buffer\n");
    len = 0;
    ok(GetCurrentPackageFamilyName(&len, NULL) == APPMODEL_ERROR_NO_PACKAGE && len == 0, "family name\n");
    len = 0;
    ok(GetCurrentPackageId(&len, NULL) == APPMODEL_ERROR_NO_PACKAGE && len == 0, "package id\n");
    len = 0;
    ok(GetCurrentPackagePath(&len, NULL) == APPMODEL_ERROR_NO_PACKAGE && len == 0, "package path\n");
    len = 0;
    ok(GetPackageFamilyName(GetCurrentProcess(), &len, NULL) == APPMODEL_ERROR_NO_PACKAGE, "process family name\n");
    len = 0;
    ok(GetPackageFullName(GetCurrentProcess(), &len, NULL) == APPMODEL_ERROR_NO_PACKAGE, "process full name\n");
    {
        HMODULE (WINAPI *load_packaged)(LPCWSTR, DWORD) =
            (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "LoadPackagedLibrary");
        if (load_packaged)
        {
            SetLastError(0xdeadbeef);
            ok(!load_packaged(L"version.dll", 0) && GetLastError() == APPMODEL_ERROR_NO_PACKAGE,
               "LoadPackagedLibrary outside a package: error %lu\n", GetLastError());
        }
    }

    /* Wine 8 has neither */
    if (test_is("wine"))
    {
        skip("Wine 8 lacks Get(Current)ApplicationUserModelId and GetCurrentPackageInfo\n");
        return;
    }
    {
        HMODULE k32 = GetModuleHandleA("kernel32.dll");
        LONG (WINAPI *aumid)(UINT32 *, PWSTR) = (void *)GetProcAddress(k32, "GetCurrentApplicationUserModelId");
        LONG (WINAPI *info)(UINT32, UINT32 *, BYTE *, UINT32 *) = (void *)GetProcAddress(k32, "GetCurrentPackageInfo");
        UINT32 count = 0;
        len = 0;
        ok(aumid(&len, NULL) == APPMODEL_ERROR_NO_APPLICATION && len == 0, "application user model id\n");
        len = 0;
        ok(info(0x10 /* PACKAGE_FILTER_HEAD */, &len, NULL, &count) == APPMODEL_ERROR_NO_PACKAGE, "package info\n");
        LONG (WINAPI *app_id)(HANDLE, UINT32 *, PWSTR) = (void *)GetProcAddress(k32, "GetApplicationUserModelId");
        len = 0;
        ok(app_id(GetCurrentProcess(), &len, NULL) == APPMODEL_ERROR_NO_APPLICATION, "process's application id\n");
    }
}

/* --- process settings --------------------------------------------------------------------------- */

static void test_handle_count(void)
{
    DWORD before = 0, after = 0;
    HANDLE ev;

    ok(GetProcessHandleCount(GetCurrentProcess(), &before), "GetProcessHandleCount: %lu\n", GetLastError());
    ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ok(GetProcessHandleCount(GetCurrentProcess(), &after), "GetProcessHandleCount: %lu\n", GetLastError());
    /* Wine 8 always answers 0 */
    todo_wine(before > 0 && after == before + 1, "counts %lu then %lu\n", before, after);
    CloseHandle(ev);
    ok(GetProcessHandleCount(GetCurrentProcess(), &after), "GetProcessHandleCount\n");
    todo_wine(before > 0 && after == before, "after closing %lu, %lu\n", before, after);
    SetLastError(0xdeadbeef);
    ok(!GetProcessHandleCount(NULL, &after) && GetLastError() == ERROR_INVALID_HANDLE, "NULL: %lu\n", GetLastError());
}

static void test_critical(void)
{
    BOOL critical = 2;
    if (test_is("wine")) { skip("Wine 8 lacks IsProcessCritical\n"); return; }
    ok(IsProcessCritical(GetCurrentProcess(), &critical) && critical == FALSE, "critical: %d\n", critical);
}

static void test_mitigation(void)
{
    PROCESS_MITIGATION_DEP_POLICY dep;
    PROCESS_MITIGATION_ASLR_POLICY aslr;
    DWORD code;    /* PROCESS_MITIGATION_DYNAMIC_CODE_POLICY: mingw-w64's is 8 bytes, Windows' 4 */
    PROCESS_MITIGATION_STRICT_HANDLE_CHECK_POLICY strict;
    PROCESS_MITIGATION_EXTENSION_POINT_DISABLE_POLICY ext;
    DWORD flags;
    BOOL permanent;

    /* Wine 8 answers TRUE and leaves the buffer as it was */
    memset(&dep, 0xcc, sizeof(dep));
    ok(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessDEPPolicy, &dep, sizeof(dep)), "DEP\n");
    todo_wine(dep.Enable && dep.Permanent, "DEP on for good in a 64-bit process: %lx %d\n", dep.Flags, dep.Permanent);
    memset(&aslr, 0xcc, sizeof(aslr));
    ok(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessASLRPolicy, &aslr, sizeof(aslr)), "ASLR\n");
    todo_wine(!aslr.EnableForceRelocateImages && !aslr.DisallowStrippedImages, "ASLR %lx\n", aslr.Flags);
    memset(&code, 0xcc, sizeof(code));
    ok(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessDynamicCodePolicy, &code, sizeof(code)), "code\n");
    todo_wine(code == 0, "dynamic code %lx\n", code);
    memset(&strict, 0xcc, sizeof(strict));
    ok(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessStrictHandleCheckPolicy, &strict, sizeof(strict)),
       "strict handles\n");
    todo_wine(strict.Flags == 0, "strict handle checks %lx\n", strict.Flags);

    /* what programs set on themselves at start is accepted and read back */
    strict.Flags = 0;
    strict.RaiseExceptionOnInvalidHandleReference = 1;
    strict.HandleExceptionsPermanentlyEnabled = 1;
    ok(SetProcessMitigationPolicy(ProcessStrictHandleCheckPolicy, &strict, sizeof(strict)), "set strict: %lu\n",
       GetLastError());
    memset(&strict, 0, sizeof(strict));
    GetProcessMitigationPolicy(GetCurrentProcess(), ProcessStrictHandleCheckPolicy, &strict, sizeof(strict));
    todo_wine(strict.RaiseExceptionOnInvalidHandleReference && strict.HandleExceptionsPermanentlyEnabled,
              "strict read back %lx\n", strict.Flags);
    ext.Flags = 0;
    ext.DisableExtensionPoints = 1;
    ok(SetProcessMitigationPolicy(ProcessExtensionPointDisablePolicy, &ext, sizeof(ext)), "set extension points: %lu\n",
       GetLastError());

    /* "supported for 32-bit processes only" (documented); Wine answers anyway */
    SetLastError(0xdeadbeef);
    todo_wine(!GetProcessDEPPolicy(GetCurrentProcess(), &flags, &permanent) && GetLastError() == ERROR_NOT_SUPPORTED,
              "GetProcessDEPPolicy: %lu\n", GetLastError());
}

static DWORD WINAPI recovery(void *param)
{
    return 0;
}

static void test_restart(void)
{
    APPLICATION_RECOVERY_CALLBACK callback = NULL;
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    HRESULT (WINAPI *get_restart)(HANDLE, PWSTR, DWORD *, DWORD *);
    HRESULT (WINAPI *get_recovery)(HANDLE, APPLICATION_RECOVERY_CALLBACK *, void **, DWORD *, DWORD *);
    HRESULT (WINAPI *reg_module)(PCWSTR, void *);
    HRESULT (WINAPI *reg_block)(void *, DWORD);
    WCHAR cmdline[64];
    DWORD size, flags, ping;
    void *param;
    int block;

    ok(RegisterApplicationRestart(L"/restart", 0) == S_OK, "RegisterApplicationRestart\n");
    ok(RegisterApplicationRestart(NULL, RESTART_NO_CRASH | RESTART_NO_HANG) == S_OK, "no command line\n");
    {
        WCHAR *longer = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (RESTART_MAX_CMD_LINE + 1) * sizeof(WCHAR));
        for (int i = 0; i < RESTART_MAX_CMD_LINE; i++) longer[i] = 'x';
        /* documented: E_INVALIDARG; Wine 8 checks nothing */
        todo_wine(RegisterApplicationRestart(longer, 0) == E_INVALIDARG, "a command line too long\n");
        HeapFree(GetProcessHeap(), 0, longer);
    }
    ok(RegisterApplicationRecoveryCallback(recovery, (void *)7, RECOVERY_DEFAULT_PING_INTERVAL, 0) == S_OK,
       "recovery callback\n");
    /* Wine 8 stubs the rest */
    if (test_is("wine")) { skip("Wine 8 lacks the restart and recovery queries and most Wer* registrations\n"); return; }
    get_restart = (void *)GetProcAddress(k32, "GetApplicationRestartSettings");
    get_recovery = (void *)GetProcAddress(k32, "GetApplicationRecoveryCallback");
    ok(RegisterApplicationRestart(L"/restart", RESTART_NO_PATCH) == S_OK, "RegisterApplicationRestart\n");
    size = 0;
    ok(get_restart(GetCurrentProcess(), NULL, &size, &flags) == S_OK && size == 9, "size %lu\n", size);
    size = 3;
    ok(get_restart(GetCurrentProcess(), cmdline, &size, &flags) == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) &&
       size == 9, "too small: %lu\n", size);
    size = ARRAYSIZE(cmdline);
    ok(get_restart(GetCurrentProcess(), cmdline, &size, &flags) == S_OK && !wcscmp(cmdline, L"/restart") &&
       flags == RESTART_NO_PATCH, "restart settings %ls %lx\n", cmdline, flags);
    ok(UnregisterApplicationRestart() == S_OK, "UnregisterApplicationRestart\n");
    size = ARRAYSIZE(cmdline);
    ok(get_restart(GetCurrentProcess(), cmdline, &size, &flags) == HRESULT_FROM_WIN32(ERROR_NOT_FOUND),
       "no restart\n");
    ok(get_recovery(GetCurrentProcess(), &callback, &param, &ping, &flags) == S_OK && callback == recovery &&
       param == (void *)7 && ping == RECOVERY_DEFAULT_PING_INTERVAL, "recovery callback read back\n");
    ok(UnregisterApplicationRecoveryCallback() == S_OK, "UnregisterApplicationRecoveryCallback\n");
    ok(get_recovery(GetCurrentProcess(), &callback, &param, &ping, &flags) == HRESULT_FROM_WIN32(ERROR_NOT_FOUND),
       "no recovery callback\n");

    /* what crash reports would carry: accepted */
    reg_module = (void *)GetProcAddress(k32, "WerRegisterRuntimeExceptionModule");
    reg_block = (void *)GetProcAddress(k32, "WerRegisterMemoryBlock");
    ok(reg_module(L"C:\\handler.dll", NULL) == S_OK, "WerRegisterRuntimeExceptionModule\n");
    ok(reg_block(&block, sizeof(block)) == S_OK, "WerRegisterMemoryBlock\n");
}

/* the policies of a desktop program, asked by the C runtime and frameworks */
static void test_app_policy(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    LONG (WINAPI *termination)(HANDLE, ULONG *) = (void *)GetProcAddress(k32, "AppPolicyGetProcessTerminationMethod");
    LONG (WINAPI *threads)(HANDLE, ULONG *) = (void *)GetProcAddress(k32, "AppPolicyGetThreadInitializationType");
    LONG (WINAPI *windowing)(HANDLE, ULONG *) = (void *)GetProcAddress(k32, "AppPolicyGetWindowingModel");
    HANDLE token = (HANDLE)(LONG_PTR)-6;   /* GetCurrentThreadEffectiveToken() */
    ULONG value;

    if (test_is("wine")) { skip("Wine 8 has the AppPolicy functions in kernelbase only\n"); return; }
    value = 9;
    ok(!termination(token, &value) && value == 0, "process termination: ExitProcess (%lu)\n", value);
    value = 9;
    ok(!threads(token, &value) && value == 0, "thread initialization: none (%lu)\n", value);
    value = 9;
    ok(!windowing(token, &value) && value == 2, "windowing: classic desktop (%lu)\n", value);
}

static void test_wow64(void)
{
    void *old = (void *)0xdead;
    SetLastError(0xdeadbeef);
    ok(!Wow64DisableWow64FsRedirection(&old) && GetLastError() == ERROR_INVALID_FUNCTION,
       "a 64-bit process has no redirection: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!Wow64RevertWow64FsRedirection(old) && GetLastError() == ERROR_INVALID_FUNCTION, "revert: %lu\n",
       GetLastError());
}

/* --- paths and environment --------------------------------------------------------------------- */

static void test_need_current_directory(void)
{
    SetEnvironmentVariableA("NoDefaultCurrentDirectoryInExePath", NULL);
    ok(NeedCurrentDirectoryForExePathA("cmd.exe"), "no variable\n");
    ok(NeedCurrentDirectoryForExePathW(L"cmd.exe"), "no variable (W)\n");
    SetEnvironmentVariableA("NoDefaultCurrentDirectoryInExePath", "1");
    ok(!NeedCurrentDirectoryForExePathA("cmd.exe"), "variable set\n");
    ok(!NeedCurrentDirectoryForExePathW(L"cmd.exe"), "variable set (W)\n");
    ok(NeedCurrentDirectoryForExePathA("dir\\cmd.exe"), "a name with a folder\n");
    ok(NeedCurrentDirectoryForExePathA(".\\cmd.exe"), "a name in the current folder\n");
    SetEnvironmentVariableA("NoDefaultCurrentDirectoryInExePath", NULL);
}

static void test_dll_directory_a(void)
{
    char buf[64];

    ok(SetDllDirectoryA("C:\\dlls"), "SetDllDirectoryA\n");
    ok(GetDllDirectoryA(sizeof(buf), buf) == 7 && !strcmp(buf, "C:\\dlls"), "GetDllDirectoryA: %s\n", buf);
    ok(GetDllDirectoryA(7, buf) == 8, "too small\n");
    ok(GetDllDirectoryA(8, buf) == 7, "exact\n");
    ok(GetDllDirectoryA(0, NULL) == 8, "size query\n");
    ok(SetDllDirectoryA(NULL), "reset\n");
    buf[0] = 'x';
    ok(GetDllDirectoryA(sizeof(buf), buf) == 0 && !buf[0], "none\n");
}

static void test_environment_strings_a(void)
{
    LPWCH saved = GetEnvironmentStringsW();
    SIZE_T len = 0;
    WCHAR *copy;
    char buf[32];

    while (saved[len]) len += lstrlenW(saved + len) + 1;
    copy = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR));
    memcpy(copy, saved, (len + 1) * sizeof(WCHAR));
    FreeEnvironmentStringsW(saved);

    ok(SetEnvironmentStringsA((char *)"WLX_A=1\0WLX_B=two\0"), "SetEnvironmentStringsA: %lu\n", GetLastError());
    ok(GetEnvironmentVariableA("WLX_B", buf, sizeof(buf)) == 3 && !strcmp(buf, "two"), "WLX_B %s\n", buf);
    ok(!GetEnvironmentVariableA("PATH", buf, sizeof(buf)), "the rest is gone\n");
    SetLastError(0xdeadbeef);
    ok(!SetEnvironmentStringsA((char *)"novalue\0"), "an entry without '='\n");
    ok(SetEnvironmentStringsW(copy), "restore\n");
    HeapFree(GetProcessHeap(), 0, copy);
}

/* last: a permanent setting stays for the rest of the process */
static void test_search_path_mode(void)
{
    SetLastError(0xdeadbeef);
    ok(!SetSearchPathMode(0) && GetLastError() == ERROR_INVALID_PARAMETER, "0: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetSearchPathMode(BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE | BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE) &&
       GetLastError() == ERROR_INVALID_PARAMETER, "both: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetSearchPathMode(BASE_SEARCH_PATH_PERMANENT) && GetLastError() == ERROR_INVALID_PARAMETER,
       "permanent alone: %lu\n", GetLastError());
    ok(SetSearchPathMode(BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE), "enable\n");
    ok(SetSearchPathMode(BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE), "disable\n");
    ok(SetSearchPathMode(BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE | BASE_SEARCH_PATH_PERMANENT), "permanent\n");
    SetLastError(0xdeadbeef);
    ok(!SetSearchPathMode(BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE) && GetLastError() == ERROR_ACCESS_DENIED,
       "after permanent: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetSearchPathMode(BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE) && GetLastError() == ERROR_ACCESS_DENIED,
       "after permanent, even the same: %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "fatal"))
    {
        FatalAppExitA(0, "the end is near");
        return 77;
    }
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("kernel32/startup");
    test_rtl_memory();
    test_large_page();
    test_debug_break();
    test_fatal_app_exit();
    test_package();
    test_handle_count();
    test_critical();
    test_mitigation();
    test_restart();
    test_app_policy();
    test_wow64();
    test_need_current_directory();
    test_dll_directory_a();
    test_environment_strings_a();
    test_search_path_mode();
    return test_summary();
}
