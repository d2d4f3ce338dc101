/* tests/kernel32/toolhelp.c — CreateToolhelp32Snapshot with the Process32,
   Thread32 and Module32 walks: this process, its threads and modules, and
   (from a child) the parent. */
#include <windows.h>
#include <tlhelp32.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "selfchild.h"

static const WCHAR *base_name(const WCHAR *path)
{
    const WCHAR *b = path;
    for (const WCHAR *p = path; *p; p++) if (*p == '\\' || *p == '/') b = p + 1;
    return b;
}

/* finds `pid` in a process snapshot; fills `found` */
static BOOL find_process(DWORD pid, PROCESSENTRY32W *found)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    PROCESSENTRY32W pe = { sizeof(pe) };
    BOOL ok_walk, hit = FALSE;

    if (snap == INVALID_HANDLE_VALUE) return FALSE;
    for (ok_walk = Process32FirstW(snap, &pe); ok_walk; ok_walk = Process32NextW(snap, &pe))
        if (pe.th32ProcessID == pid) { *found = pe; hit = TRUE; }
    CloseHandle(snap);
    return hit;
}

static void test_processes(void)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    PROCESSENTRY32W pe;
    PROCESSENTRY32 pa;
    BOOL more;
    int n = 0;

    ok(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot failed %lu\n", GetLastError());
    pe.dwSize = 8;
    SetLastError(0xdeadbeef);
    ok(!Process32FirstW(snap, &pe), "a short dwSize was accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    pe.dwSize = sizeof(pe);
    for (more = Process32FirstW(snap, &pe); more; more = Process32NextW(snap, &pe)) n++;
    ok(n >= 1, "%d processes\n", n);
    ok(GetLastError() == ERROR_NO_MORE_FILES, "end of the list: error %lu\n", GetLastError());
    ok(pe.dwSize == sizeof(pe), "dwSize now %lu\n", pe.dwSize);

    /* the A walk sees the same first entry */
    pa.dwSize = sizeof(pa);
    ok(Process32First(snap, &pa), "Process32First failed %lu\n", GetLastError());
    ok(Process32FirstW(snap, &pe) && pa.th32ProcessID == pe.th32ProcessID, "A %lu, W %lu\n", pa.th32ProcessID, pe.th32ProcessID);
    ok(pa.cntThreads == pe.cntThreads && (char)pe.szExeFile[0] == pa.szExeFile[0], "A entry %lu '%s'\n", pa.cntThreads,
       pa.szExeFile);
    CloseHandle(snap);

    ok(find_process(GetCurrentProcessId(), &pe), "this process is not listed\n");
    ok(!lstrcmpiW(pe.szExeFile, base_name(module)), "exe %ls\n", pe.szExeFile);
    ok(pe.cntThreads >= 1, "%lu threads\n", pe.cntThreads);
}

static DWORD WINAPI idle_thread(void *event)
{
    WaitForSingleObject(event, 5000);
    return 0;
}

static void test_threads(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL), snap;
    DWORD tid = 0;
    HANDLE thread = CreateThread(NULL, 0, idle_thread, event, 0, &tid);
    THREADENTRY32 te = { sizeof(te) };
    BOOL more, seen_self = FALSE, seen_other = FALSE;

    snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
    ok(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot failed %lu\n", GetLastError());
    for (more = Thread32First(snap, &te); more; more = Thread32Next(snap, &te))
    {
        if (te.th32ThreadID == GetCurrentThreadId()) seen_self = te.th32OwnerProcessID == GetCurrentProcessId();
        if (te.th32ThreadID == tid) seen_other = te.th32OwnerProcessID == GetCurrentProcessId();
    }
    ok(seen_self, "this thread is not listed\n");
    ok(seen_other, "the new thread is not listed\n");
    CloseHandle(snap);
    SetEvent(event);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    CloseHandle(event);
}

static void test_modules(void)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPMODULE, 0);
    MODULEENTRY32W me = { sizeof(me) };
    MODULEENTRY32 ma = { sizeof(ma) };
    BOOL more, seen_k32 = FALSE;

    ok(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot failed %lu\n", GetLastError());
    ok(Module32FirstW(snap, &me), "Module32FirstW failed %lu\n", GetLastError());
    ok(me.hModule == GetModuleHandleW(NULL), "first module %p, exe %p\n", me.hModule, GetModuleHandleW(NULL));
    ok(me.modBaseAddr == (BYTE *)me.hModule && me.modBaseSize > 0, "base %p size %lu\n", me.modBaseAddr, me.modBaseSize);
    ok(me.th32ProcessID == GetCurrentProcessId(), "process %lu\n", me.th32ProcessID);
    ok(!lstrcmpiW(me.szExePath, module), "path %ls\n", me.szExePath);
    ok(!lstrcmpiW(me.szModule, base_name(module)), "name %ls\n", me.szModule);
    for (more = TRUE; more; more = Module32NextW(snap, &me))
        if (me.hModule == GetModuleHandleW(L"kernel32.dll")) seen_k32 = !lstrcmpiW(me.szModule, L"kernel32.dll");
    ok(seen_k32, "kernel32.dll is not listed\n");
    ok(Module32First(snap, &ma) && ma.hModule == GetModuleHandleW(NULL), "Module32First: %p\n", ma.hModule);
    {
        char path[MAX_PATH];
        GetModuleFileNameA(NULL, path, MAX_PATH);
        ok(!lstrcmpiA(ma.szExePath, path), "A path %s\n", ma.szExePath);
        ok(ma.modBaseAddr == (BYTE *)ma.hModule && ma.modBaseSize > 0, "A base %p size %lu\n", ma.modBaseAddr,
           ma.modBaseSize);
    }
    CloseHandle(snap);

    /* without TH32CS_SNAPMODULE the module list is empty */
    snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    SetLastError(0xdeadbeef);
    ok(!Module32FirstW(snap, &me), "a process snapshot has modules\n");
    ok(GetLastError() == ERROR_NO_MORE_FILES, "error %lu\n", GetLastError());
    CloseHandle(snap);
}

/* child "parent PID": finds itself with PID as its parent, and PID itself */
static int child_parent(DWORD parent)
{
    PROCESSENTRY32W self, up;
    if (!find_process(GetCurrentProcessId(), &self)) return 10;
    if (self.th32ParentProcessID != parent) return 11;
    if (!find_process(parent, &up)) return 12;
    if (lstrcmpiW(up.szExeFile, self.szExeFile)) return 13;   /* the parent runs the same program */
    return 0;
}

static void test_parent(void)
{
    PROCESS_INFORMATION pi;
    WCHAR args[32];

    swprintf(args, 32, L"parent %lu", GetCurrentProcessId());
    if (!start_self(args, FALSE, 0, NULL, &pi)) { skip("cannot start a child: %lu\n", GetLastError()); return; }
    ok(finish(&pi) == 0, "the child did not find its parent\n");
}

static void test_read_memory(void)
{
    static const char secret[] = "toolhelp";
    char buf[16] = { 0 };
    SIZE_T done = 0;

    ok(Toolhelp32ReadProcessMemory(0, secret, buf, sizeof(secret), &done), "failed %lu\n", GetLastError());
    ok(done == sizeof(secret) && !strcmp(buf, secret), "read %Iu bytes '%s'\n", done, buf);
    memset(buf, 0, sizeof(buf));
    ok(Toolhelp32ReadProcessMemory(GetCurrentProcessId(), secret, buf, sizeof(secret), NULL) && !strcmp(buf, secret),
       "by id: '%s'\n", buf);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "parent")) return child_parent(strtoul(argv[2], NULL, 10));
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("toolhelp");
    test_processes();
    test_threads();
    test_modules();
    test_parent();
    test_read_memory();
    return test_summary();
}
