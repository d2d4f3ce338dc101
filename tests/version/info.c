/*
 * tests/version/info.c — GetFileVersionInfo(Size) and VerQueryValue on this
 * program's own version resource (info.rc) and on kernel32.dll when the
 * system's has one.
 */
#include "test.h"
#include <winver.h>

static void *load_info(const WCHAR *file, DWORD *size_out)
{
    DWORD handle = 0xdeadbeef, size;
    void *data;

    size = GetFileVersionInfoSizeW(file, &handle);
    if (size_out) *size_out = size;
    if (!size) return NULL;
    ok(handle == 0, "handle %lu\n", handle);
    data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
    ok(GetFileVersionInfoW(file, 0, size, data), "GetFileVersionInfoW failed %lu\n", GetLastError());
    return data;
}

static void test_own(void)
{
    WCHAR self[MAX_PATH];
    VS_FIXEDFILEINFO *fixed = NULL;
    WORD *translation = NULL;
    WCHAR *text = NULL;
    char *atext = NULL;
    UINT len = 0;
    DWORD size;
    void *data;

    GetModuleFileNameW(NULL, self, MAX_PATH);
    data = load_info(self, &size);
    ok(data != NULL && size > sizeof(VS_FIXEDFILEINFO), "no version info, size %lu\n", size);
    if (!data) return;

    ok(VerQueryValueW(data, L"\\", (void **)&fixed, &len), "root failed\n");
    ok(len == sizeof(VS_FIXEDFILEINFO), "root len %u\n", len);
    ok(fixed && fixed->dwSignature == VS_FFI_SIGNATURE, "signature %#lx\n", fixed ? fixed->dwSignature : 0);
    ok(fixed && fixed->dwFileVersionMS == MAKELONG(2, 1) && fixed->dwFileVersionLS == MAKELONG(4, 3), "file version\n");
    ok(fixed && fixed->dwProductVersionMS == MAKELONG(6, 5) && fixed->dwFileType == VFT_APP, "product version/type\n");

    ok(VerQueryValueW(data, L"\\VarFileInfo\\Translation", (void **)&translation, &len), "translation failed\n");
    ok(len == 4 && translation && translation[0] == 0x409 && translation[1] == 1200, "translation len %u\n", len);

    ok(VerQueryValueW(data, L"\\StringFileInfo\\040904b0\\FileVersion", (void **)&text, &len), "FileVersion failed\n");
    ok(text && !lstrcmpW(text, L"1.2.3.4"), "FileVersion %ls\n", text);
    ok(len == 8, "FileVersion len %u\n", len);
    /* keys match case-insensitively */
    ok(VerQueryValueW(data, L"\\stringfileinfo\\040904B0\\productname", (void **)&text, &len) &&
       !lstrcmpW(text, L"Version Test"), "case-insensitive lookup\n");
    ok(!VerQueryValueW(data, L"\\StringFileInfo\\040904b0\\NoSuchValue", (void **)&text, &len), "missing value\n");

    /* the ANSI query turns text into ANSI */
    ok(VerQueryValueA(data, "\\StringFileInfo\\040904b0\\CompanyName", (void **)&atext, &len), "VerQueryValueA\n");
    ok(atext && !strcmp(atext, "wlx tests"), "ANSI value %s\n", atext);
    HeapFree(GetProcessHeap(), 0, data);

    /* the A entry points */
    {
        char aself[MAX_PATH];
        DWORD h;
        GetModuleFileNameA(NULL, aself, MAX_PATH);
        ok(GetFileVersionInfoSizeA(aself, &h) == size, "GetFileVersionInfoSizeA\n");
    }
}

static void test_errors(void)
{
    DWORD handle = 0xdeadbeef;
    WCHAR path[MAX_PATH];

    SetLastError(0xdeadbeef);
    ok(!GetFileVersionInfoSizeW(L"C:\\no\\such\\file.dll", &handle), "missing file\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND || GetLastError() == ERROR_PATH_NOT_FOUND, "missing file error %lu\n", GetLastError());

    /* a file without resources */
    GetTempPathW(MAX_PATH, path);
    lstrcatW(path, L"verinfo-test.txt");
    {
        HANDLE f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
        DWORD written;
        WriteFile(f, "not a PE file", 13, &written, NULL);
        CloseHandle(f);
    }
    SetLastError(0xdeadbeef);
    ok(!GetFileVersionInfoSizeW(path, &handle), "text file has version info\n");
    ok(GetLastError() != 0xdeadbeef && GetLastError() != ERROR_SUCCESS, "no error for a text file\n");
    DeleteFileW(path);
}

static void test_kernel32(void)
{
    WCHAR path[MAX_PATH];
    VS_FIXEDFILEINFO *fixed;
    UINT len;
    void *data;

    GetSystemDirectoryW(path, MAX_PATH);
    lstrcatW(path, L"\\kernel32.dll");
    if (!GetFileVersionInfoSizeW(path, NULL))
    {
        skip("kernel32.dll has no version resource here\n");
        return;
    }
    data = load_info(path, NULL);
    ok(data && VerQueryValueW(data, L"\\", (void **)&fixed, &len) && fixed->dwSignature == VS_FFI_SIGNATURE,
       "kernel32 fixed info\n");
    HeapFree(GetProcessHeap(), 0, data);
}

int main(void)
{
    test_start("version/info");
    test_own();
    test_errors();
    test_kernel32();
    return test_summary();
}
