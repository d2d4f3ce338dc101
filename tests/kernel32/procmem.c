/* tests/kernel32/procmem.c — EncodePointer and friends, MulDiv,
   OutputDebugString, Read/WriteProcessMemory (this process and a child),
   VirtualAllocEx/VirtualFreeEx in a child made suspended,
   GetProcessIoCounters, K32GetPerformanceInfo, GetBinaryType and the
   processor group affinities. */
#include <windows.h>
#include <psapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "selfchild.h"

/* the child's copy is read and written by the parent at the same address:
   an image is mapped at the same base in every process of a session */
static volatile LONG64 shared_value = 0x1122334455667788LL;

static void test_pointers(void)
{
    void *p = (void *)0x12345678abcdULL, *e;

    e = EncodePointer(p);
    ok(e != p, "EncodePointer left %p unchanged\n", p);
    ok(DecodePointer(e) == p, "round trip gave %p\n", DecodePointer(e));
    ok(EncodePointer(p) == e, "a second encoding differs\n");
    ok(DecodePointer(EncodePointer(NULL)) == NULL, "NULL round trip\n");
    e = EncodeSystemPointer(p);
    ok(DecodeSystemPointer(e) == p, "system round trip gave %p\n", DecodeSystemPointer(e));
}

static void test_muldiv(void)
{
    ok(MulDiv(6, 7, 2) == 21, "6*7/2 = %d\n", MulDiv(6, 7, 2));
    ok(MulDiv(1, 1, 2) == 1, "1/2 rounds up: %d\n", MulDiv(1, 1, 2));
    ok(MulDiv(1, 1, 3) == 0, "1/3 rounds down: %d\n", MulDiv(1, 1, 3));
    ok(MulDiv(-1, 1, 2) == -1, "-1/2 rounds away from zero: %d\n", MulDiv(-1, 1, 2));
    ok(MulDiv(2, 1, -3) == -1, "2/-3 = %d\n", MulDiv(2, 1, -3));
    ok(MulDiv(-6, -7, 2) == 21, "-6*-7/2 = %d\n", MulDiv(-6, -7, 2));
    ok(MulDiv(0x7fffffff, 0x7fffffff, 0x7fffffff) == 0x7fffffff, "a 62-bit product: %d\n",
       MulDiv(0x7fffffff, 0x7fffffff, 0x7fffffff));
    ok(MulDiv(0x7fffffff, 2, 1) == -1, "overflow gives %d\n", MulDiv(0x7fffffff, 2, 1));
    ok(MulDiv(5, 5, 0) == -1, "division by zero gives %d\n", MulDiv(5, 5, 0));
}

static void test_debug_string(void)
{
    /* nothing to check without a debugger but that it returns */
    OutputDebugStringA("wlx test: OutputDebugStringA\n");
    OutputDebugStringW(L"wlx test: OutputDebugStringW \x00e9\n");
    ok(1, "OutputDebugString returned\n");
}

static void test_own_memory(void)
{
    char src[16] = "hello, memory!", dst[16] = { 0 };
    SIZE_T done = 123;
    DWORD old;
    char *page;

    ok(ReadProcessMemory(GetCurrentProcess(), src, dst, sizeof(src), &done), "read failed %lu\n", GetLastError());
    ok(done == sizeof(src) && !memcmp(src, dst, sizeof(src)), "read %Iu bytes '%s'\n", done, dst);
    ok(WriteProcessMemory(GetCurrentProcess(), dst, "HELLO", 5, &done), "write failed %lu\n", GetLastError());
    ok(done == 5 && !memcmp(dst, "HELLO, memory!", 15), "wrote %Iu bytes: '%s'\n", done, dst);

    /* an unmapped page fails, as documented ("the entire area to be read
       must be accessible"); Wine 8 reads reserved pages of its own process
       as zeroes, hence todo_wine */
    page = VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
    SetLastError(0xdeadbeef);
    done = 123;
    todo_wine(!ReadProcessMemory(GetCurrentProcess(), page, dst, 4, &done), "read of reserved memory worked\n");
    todo_wine(GetLastError() == ERROR_PARTIAL_COPY || broken(GetLastError() == ERROR_NOACCESS), "error %lu\n", GetLastError());
    todo_wine(done == 0, "%Iu bytes read\n", done);

    /* a read that runs into a reserved page fails too */
    VirtualAlloc(page, 0x1000, MEM_COMMIT, PAGE_READWRITE);
    SetLastError(0xdeadbeef);
    todo_wine(!ReadProcessMemory(GetCurrentProcess(), page + 0xff0, dst, 16 + 16, &done), "read across worked\n");
    todo_wine(GetLastError() == ERROR_PARTIAL_COPY, "error %lu\n", GetLastError());

    /* a read-only page is written, as debuggers patch code, and keeps its protection */
    VirtualProtect(page, 0x1000, PAGE_READONLY, &old);
    ok(WriteProcessMemory(GetCurrentProcess(), page, "abc", 3, &done), "write to read-only failed %lu\n", GetLastError());
    ok(!memcmp(page, "abc", 3), "the page holds %.3s\n", page);
    {
        MEMORY_BASIC_INFORMATION mbi;
        VirtualQuery(page, &mbi, sizeof(mbi));
        ok(mbi.Protect == PAGE_READONLY, "protection now %lx\n", mbi.Protect);
    }
    VirtualFree(page, 0, MEM_RELEASE);

    SetLastError(0xdeadbeef);
    ok(!ReadProcessMemory(NULL, src, dst, 4, &done), "a NULL handle worked\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
}

/* child "wait": sleeps until the parent ends it */
static void test_child_memory(void)
{
    PROCESS_INFORMATION pi;
    LONG64 v = 0, nv = 0x0badc0ffee;
    SIZE_T done = 0;

    if (!start_self(L"wait", FALSE, 0, NULL, &pi)) { skip("cannot start a child: %lu\n", GetLastError()); return; }
    Sleep(200);   /* let the child run past its start; the reads below retry anyway */
    for (int i = 0; i < 50 && !ReadProcessMemory(pi.hProcess, (void *)&shared_value, &v, sizeof(v), &done); i++)
        Sleep(20);
    ok(v == 0x1122334455667788LL && done == sizeof(v), "child's value %I64x (%Iu bytes)\n", v, done);
    ok(WriteProcessMemory(pi.hProcess, (void *)&shared_value, &nv, sizeof(nv), &done), "write failed %lu\n", GetLastError());
    v = 0;
    ok(ReadProcessMemory(pi.hProcess, (void *)&shared_value, &v, sizeof(v), NULL) && v == nv, "read back %I64x\n", v);
    ok(shared_value == 0x1122334455667788LL, "the parent's own copy changed\n");
    TerminateProcess(pi.hProcess, 0);
    finish(&pi);
}

/* PostgreSQL's postmaster reserves its shared memory's address in each
   child it makes suspended, before resuming it */
static void test_child_alloc(void)
{
    PROCESS_INFORMATION pi;
    SIZE_T done = 0;
    LONG64 v = 0x5566778899LL, back = 0;

    if (!start_self(L"wait", FALSE, CREATE_SUSPENDED, NULL, &pi)) { skip("cannot start a child: %lu\n", GetLastError()); return; }
    char *any = VirtualAllocEx(pi.hProcess, NULL, 0x100000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    ok(any != NULL, "VirtualAllocEx anywhere: %lu\n", GetLastError());
    if (any)
    {
        ok(WriteProcessMemory(pi.hProcess, any + 0x1000, &v, sizeof(v), &done) && done == sizeof(v),
           "writing the child's new memory: %lu\n", GetLastError());
        ok(ReadProcessMemory(pi.hProcess, any + 0x1000, &back, sizeof(back), NULL) && back == v,
           "reading it back: %I64x\n", back);
        ok(VirtualFreeEx(pi.hProcess, any, 0, MEM_RELEASE), "VirtualFreeEx: %lu\n", GetLastError());
        /* the same address again, reserved only: where it was is free now */
        char *again = VirtualAllocEx(pi.hProcess, any, 0x100000, MEM_RESERVE, PAGE_READWRITE);
        ok(again == any, "VirtualAllocEx at %p: %p, %lu\n", any, again, GetLastError());
        SetLastError(0xdeadbeef);
        char *twice = VirtualAllocEx(pi.hProcess, any, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        ok(!twice && GetLastError() == ERROR_INVALID_ADDRESS, "reserving it twice: %p, %lu\n", twice, GetLastError());
        ok(VirtualFreeEx(pi.hProcess, any, 0, MEM_RELEASE), "VirtualFreeEx of the reservation: %lu\n", GetLastError());
    }
    TerminateProcess(pi.hProcess, 0);
    finish(&pi);
}

static void test_io_counters(void)
{
    IO_COUNTERS before, after;
    WCHAR path[MAX_PATH], dir[MAX_PATH];
    DWORD n;
    HANDLE f;

    ok(GetProcessIoCounters(GetCurrentProcess(), &before), "GetProcessIoCounters failed %lu\n", GetLastError());
    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"wlx", 0, path);
    f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(f != INVALID_HANDLE_VALUE, "CreateFile failed %lu\n", GetLastError());
    for (int i = 0; i < 4; i++) WriteFile(f, "0123456789", 10, &n, NULL);
    CloseHandle(f);
    ok(GetProcessIoCounters(GetCurrentProcess(), &after), "GetProcessIoCounters failed %lu\n", GetLastError());
    ok(after.WriteOperationCount >= before.WriteOperationCount, "write count went back\n");
    ok(after.WriteTransferCount >= before.WriteTransferCount, "write bytes went back\n");
}

static void test_performance_info(void)
{
    PERFORMANCE_INFORMATION pi;
    SYSTEM_INFO si;

    GetSystemInfo(&si);
    SetLastError(0xdeadbeef);
    ok(!K32GetPerformanceInfo(&pi, sizeof(pi) - 1), "a short size was accepted\n");
    ok(GetLastError() == ERROR_BAD_LENGTH, "error %lu\n", GetLastError());
    memset(&pi, 0xcc, sizeof(pi));
    ok(K32GetPerformanceInfo(&pi, sizeof(pi)), "K32GetPerformanceInfo failed %lu\n", GetLastError());
    ok(pi.cb == sizeof(pi), "cb %lu\n", pi.cb);
    ok(pi.PageSize == si.dwPageSize, "page size %Iu\n", pi.PageSize);
    ok(pi.PhysicalTotal > 0 && pi.PhysicalAvailable <= pi.PhysicalTotal, "physical %Iu of %Iu\n",
       pi.PhysicalAvailable, pi.PhysicalTotal);
    ok(pi.CommitLimit >= pi.CommitTotal, "commit %Iu of %Iu\n", pi.CommitTotal, pi.CommitLimit);
    ok(pi.ProcessCount >= 1 && pi.ThreadCount >= 1, "%lu processes, %lu threads\n", pi.ProcessCount, pi.ThreadCount);
}

static void write_file(const WCHAR *path, const void *data, DWORD size)
{
    DWORD n;
    HANDLE f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(f, data, size, &n, NULL);
    CloseHandle(f);
}

static void test_binary_type(void)
{
    WCHAR path[MAX_PATH], dir[MAX_PATH];
    char apath[MAX_PATH];
    DWORD type = 0xdeadbeef;

    ok(GetBinaryTypeW(module, &type), "GetBinaryTypeW(own exe) failed %lu\n", GetLastError());
    ok(type == SCS_64BIT_BINARY, "type %lu\n", type);
    GetModuleFileNameA(NULL, apath, MAX_PATH);
    type = 0xdeadbeef;
    ok(GetBinaryTypeA(apath, &type) && type == SCS_64BIT_BINARY, "GetBinaryTypeA: %lu\n", type);

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"wlx", 0, path);
    write_file(path, "just some text, no program\r\n", 28);
    SetLastError(0xdeadbeef);
    ok(!GetBinaryTypeW(path, &type), "a text file is a program\n");
    DeleteFileW(path);

    SetLastError(0xdeadbeef);
    ok(!GetBinaryTypeW(L"C:\\no\\such\\file.exe", &type), "a missing file is a program\n");
    ok(GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
}

static void test_group_affinity(void)
{
    GROUP_AFFINITY ga, prev, bad;
    DWORD_PTR mask, sys;
    USHORT count = 0, groups[4];

    GetProcessAffinityMask(GetCurrentProcess(), &mask, &sys);
    memset(&ga, 0xcc, sizeof(ga));
    ok(GetThreadGroupAffinity(GetCurrentThread(), &ga), "GetThreadGroupAffinity failed %lu\n", GetLastError());
    ok(ga.Group == 0 && ga.Mask == mask, "group %u mask %Ix (process %Ix)\n", ga.Group, ga.Mask, mask);

    memset(&prev, 0xcc, sizeof(prev));
    ok(SetThreadGroupAffinity(GetCurrentThread(), &ga, &prev), "SetThreadGroupAffinity failed %lu\n", GetLastError());
    ok(prev.Group == 0 && prev.Mask != 0, "previous group %u mask %Ix\n", prev.Group, prev.Mask);

    bad = ga;
    bad.Group = 33;
    SetLastError(0xdeadbeef);
    ok(!SetThreadGroupAffinity(GetCurrentThread(), &bad, NULL), "group 33 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* documented: too small an array fails with ERROR_INSUFFICIENT_BUFFER and
       the count needed; Wine 8 does not implement GetProcessGroupAffinity */
    SetLastError(0xdeadbeef);
    ok(!GetProcessGroupAffinity(GetCurrentProcess(), &count, groups), "no room accepted\n");
    todo_wine(GetLastError() == ERROR_INSUFFICIENT_BUFFER && count == 1, "error %lu count %u\n", GetLastError(), count);
    count = 4;
    todo_wine(GetProcessGroupAffinity(GetCurrentProcess(), &count, groups), "GetProcessGroupAffinity failed %lu\n", GetLastError());
    todo_wine(count == 1 && groups[0] == 0, "count %u group %u\n", count, groups[0]);
}

static DWORD WINAPI read_thread_mode(void *arg)
{
    (void)arg;
    return GetThreadErrorMode();
}

static void test_thread_error_mode(void)
{
    DWORD old = 0xdeadbeef, code = 0xdeadbeef;
    HANDLE t;

    ok(SetThreadErrorMode(SEM_FAILCRITICALERRORS, &old), "SetThreadErrorMode failed %lu\n", GetLastError());
    ok(GetThreadErrorMode() == SEM_FAILCRITICALERRORS, "mode %lu\n", GetThreadErrorMode());
    ok(SetThreadErrorMode(old, &code) && code == SEM_FAILCRITICALERRORS, "old mode %lu\n", code);
    SetLastError(0xdeadbeef);
    ok(!SetThreadErrorMode(0x4000, NULL), "an unknown flag was accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* the mode is the thread's own */
    SetThreadErrorMode(SEM_NOGPFAULTERRORBOX, NULL);
    t = CreateThread(NULL, 0, read_thread_mode, NULL, 0, NULL);
    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(code == 0, "a new thread starts with mode %lu\n", code);
    SetThreadErrorMode(old, NULL);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "wait")) { Sleep(5000); return shared_value == 0x0badc0ffee ? 0 : 1; }
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("procmem");
    test_pointers();
    test_muldiv();
    test_debug_string();
    test_own_memory();
    test_child_memory();
    test_child_alloc();
    test_io_counters();
    test_performance_info();
    test_binary_type();
    test_group_affinity();
    test_thread_error_mode();
    return test_summary();
}
