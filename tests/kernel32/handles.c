/*
 * tests/kernel32/handles.c — handles themselves: Get/SetHandleInformation
 * (inherit, protect from close), CloseHandle of bad and protected handles,
 * DuplicateHandle options (same access, close source, inherit),
 * CompareObjectHandles, and NtQueryObject (basic, type names, names, flags).
 */
#include "../test.h"
#include <winternl.h>
#include <ntstatus.h>

static NTSTATUS (WINAPI *pNtQueryObject)(HANDLE, OBJECT_INFORMATION_CLASS, void *, ULONG, ULONG *);
static BOOL (WINAPI *pCompareObjectHandles)(HANDLE, HANDLE);

static void test_flags(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL), i = CreateEventW(&sa, TRUE, FALSE, NULL);
    DWORD flags = 0xdeadbeef;

    ok(GetHandleInformation(e, &flags) && flags == 0, "flags %lx\n", flags);
    ok(GetHandleInformation(i, &flags) && flags == HANDLE_FLAG_INHERIT, "inheritable: flags %lx\n", flags);
    ok(SetHandleInformation(e, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT), "SetHandleInformation failed\n");
    ok(GetHandleInformation(e, &flags) && flags == HANDLE_FLAG_INHERIT, "flags %lx\n", flags);
    /* only the bits in the mask change */
    ok(SetHandleInformation(e, HANDLE_FLAG_PROTECT_FROM_CLOSE, ~0u), "SetHandleInformation failed\n");
    ok(GetHandleInformation(e, &flags) && flags == (HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE),
       "flags %lx\n", flags);

    /* a protected handle stays open */
    SetLastError(0xdeadbeef);
    ok(!CloseHandle(e), "a protected handle was closed\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    ok(SetEvent(e), "the protected handle does not work any more\n");
    ok(SetHandleInformation(e, HANDLE_FLAG_PROTECT_FROM_CLOSE | HANDLE_FLAG_INHERIT, 0), "SetHandleInformation failed\n");
    ok(GetHandleInformation(e, &flags) && flags == 0, "flags %lx\n", flags);
    ok(CloseHandle(e), "CloseHandle failed: %lu\n", GetLastError());
    CloseHandle(i);

    /* bad handles */
    SetLastError(0xdeadbeef);
    ok(!GetHandleInformation((HANDLE)0xdead00, &flags), "a bad handle has flags\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetHandleInformation((HANDLE)0xdead00, HANDLE_FLAG_INHERIT, 0), "a bad handle took flags\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
}

static void test_close(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(CloseHandle(e), "CloseHandle failed\n");
    SetLastError(0xdeadbeef);
    ok(!CloseHandle(e), "closed twice\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CloseHandle((HANDLE)0x7ff0), "a bad handle was closed\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CloseHandle(NULL), "NULL was closed\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
}

static void test_duplicate(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL), d = NULL, p = NULL;
    DWORD flags;

    ok(DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), &d, 0, TRUE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle failed: %lu\n", GetLastError());
    ok(d != e, "same value\n");
    ok(GetHandleInformation(d, &flags) && flags == HANDLE_FLAG_INHERIT, "bInheritHandle not applied: %lx\n", flags);
    ok(SetEvent(d) && WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "not the same event\n");
    if (pCompareObjectHandles)
    {
        ok(pCompareObjectHandles(e, d), "CompareObjectHandles: different\n");
        HANDLE other = CreateEventW(NULL, TRUE, FALSE, NULL);
        ok(!pCompareObjectHandles(e, other), "CompareObjectHandles: same\n");
        CloseHandle(other);
    }
    else skip("no CompareObjectHandles\n");

    /* DUPLICATE_CLOSE_SOURCE: the source goes (its value may be reused by
       the duplicate, so only the new handle is checked) */
    HANDLE d2 = NULL;
    ok(DuplicateHandle(GetCurrentProcess(), d, GetCurrentProcess(), &d2, 0, FALSE,
                       DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE), "DuplicateHandle failed: %lu\n", GetLastError());
    ok(GetHandleInformation(d2, &flags) && flags == 0, "the duplicate: flags %lx\n", flags);
    CloseHandle(d2);

    /* the current process pseudo-handle becomes a real handle */
    ok(DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), GetCurrentProcess(), &p, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle of the process failed: %lu\n", GetLastError());
    ok(p && p != GetCurrentProcess(), "got %p\n", p);
    ok(GetProcessId(p) == GetCurrentProcessId(), "GetProcessId %lu\n", GetProcessId(p));
    ok(WaitForSingleObject(p, 0) == WAIT_TIMEOUT, "our own process is signaled\n");
    CloseHandle(p);

    /* bad source */
    SetLastError(0xdeadbeef);
    ok(!DuplicateHandle(GetCurrentProcess(), (HANDLE)0xdead00, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "a bad handle was duplicated\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    CloseHandle(e);
}

static void check_type(HANDLE h, const WCHAR *want)
{
    union { OBJECT_TYPE_INFORMATION info; BYTE buf[512]; } u;
    ULONG len = 0;
    NTSTATUS status = pNtQueryObject(h, ObjectTypeInformation, &u, sizeof(u), &len);
    ok(!status, "%ls: status %lx\n", want, status);
    if (status) return;
    ok(u.info.TypeName.Length == wcslen(want) * 2 && !memcmp(u.info.TypeName.Buffer, want, u.info.TypeName.Length),
       "type %.*ls, expected %ls\n", u.info.TypeName.Length / 2, u.info.TypeName.Buffer, want);
}

static void test_query_object(void)
{
    union { OBJECT_NAME_INFORMATION info; BYTE buf[512]; } name;
    PUBLIC_OBJECT_BASIC_INFORMATION basic;
    WCHAR objname[64], tmp[MAX_PATH];
    HANDLE h[5];
    ULONG len;
    NTSTATUS status;

    if (!pNtQueryObject) { skip("no NtQueryObject\n"); return; }
    _snwprintf(objname, ARRAYSIZE(objname), L"wlx-handles-%lx", GetCurrentProcessId());
    h[0] = CreateEventW(NULL, TRUE, FALSE, objname);
    h[1] = CreateMutexW(NULL, FALSE, NULL);
    h[2] = CreateSemaphoreW(NULL, 0, 1, NULL);
    GetTempPathW(MAX_PATH, tmp);
    wcscat(tmp, L"wlx-handles.tmp");
    h[3] = CreateFileW(tmp, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    h[4] = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, GetCurrentProcessId());
    check_type(h[0], L"Event");
    check_type(h[1], L"Mutant");
    check_type(h[2], L"Semaphore");
    check_type(h[3], L"File");
    check_type(h[4], L"Process");

    status = pNtQueryObject(h[1], ObjectBasicInformation, &basic, sizeof(basic), &len);
    ok(!status && len == sizeof(basic), "status %lx len %lu\n", status, len);
    ok(basic.Attributes == 0, "attributes %lx\n", basic.Attributes);
    ok(basic.GrantedAccess == MUTEX_ALL_ACCESS, "access %lx\n", basic.GrantedAccess);
    status = pNtQueryObject(h[1], ObjectBasicInformation, &basic, sizeof(basic) - 1, &len);
    ok(status == STATUS_INFO_LENGTH_MISMATCH, "short buffer: status %lx\n", status);

    /* the name of a named object ends with the name it was given */
    status = pNtQueryObject(h[0], ObjectNameInformation, &name, sizeof(name), &len);
    ok(!status, "status %lx\n", status);
    if (!status)
    {
        size_t n = wcslen(objname);
        ok(name.info.Name.Length >= n * 2 &&
           !memcmp(name.info.Name.Buffer + name.info.Name.Length / 2 - n, objname, n * 2),
           "name %.*ls\n", name.info.Name.Length / 2, name.info.Name.Buffer);
        ok(!memcmp(name.info.Name.Buffer, L"\\", 2), "not a full path: %.*ls\n",
           name.info.Name.Length / 2, name.info.Name.Buffer);
    }
    /* unnamed: an empty name */
    status = pNtQueryObject(h[1], ObjectNameInformation, &name, sizeof(name), &len);
    ok(!status && name.info.Name.Length == 0, "status %lx length %u\n", status, name.info.Name.Length);

    status = pNtQueryObject((HANDLE)0xdead00, ObjectBasicInformation, &basic, sizeof(basic), &len);
    ok(status == STATUS_INVALID_HANDLE, "bad handle: status %lx\n", status);
    for (int i = 0; i < 5; i++) CloseHandle(h[i]);
}

int main(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll"), k32 = GetModuleHandleA("kernel32.dll");
    test_start("kernel32:handles");
    pNtQueryObject = (void *)GetProcAddress(ntdll, "NtQueryObject");
    pCompareObjectHandles = (void *)GetProcAddress(k32, "CompareObjectHandles");
    if (!pCompareObjectHandles)
        pCompareObjectHandles = (void *)GetProcAddress(GetModuleHandleA("kernelbase.dll"), "CompareObjectHandles");
    test_flags();
    test_close();
    test_duplicate();
    test_query_object();
    return test_summary();
}
