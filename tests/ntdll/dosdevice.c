/*
 * tests/ntdll/dosdevice.c — RtlIsDosDeviceName_U, which Go's standard
 * library calls to tell reserved names (filepath.IsLocal, os.Root): the
 * device names, where in the path they are found, what may follow them
 * (an extension, spaces, a colon), and the paths that name no device.
 * The answer is MAKELONG(length, offset), both in bytes. (\\.\CON is left
 * out: Windows versions disagree on it.)
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static const struct { const WCHAR *path; WORD offset, length; } cases[] = {
    { L"CON", 0, 6 },
    { L"con", 0, 6 },
    { L"nul", 0, 6 },
    { L"Aux", 0, 6 },
    { L"PRN", 0, 6 },
    { L"COM1", 0, 8 },
    { L"lpt9", 0, 8 },
    { L"c:\\nul", 6, 6 },
    { L"c:/nul", 6, 6 },
    { L"c:nul", 4, 6 },
    { L"c:\\dir\\aux", 14, 6 },
    { L"\\dir\\prn", 10, 6 },
    { L"dir/sub/com3", 16, 8 },
    { L"nul.txt", 0, 6 },
    { L"c:\\dir\\con.foo.bar", 14, 6 },
    { L"nul:", 0, 6 },
    { L"nul ", 0, 6 },
    { L"nul   .txt", 0, 6 },
    { L"c:\\nul:", 6, 6 },
    /* no device */
    { L"", 0, 0 },
    { L"nulx", 0, 0 },
    { L"xnul", 0, 0 },
    { L"COM10", 0, 0 },
    { L"LPT", 0, 0 },
    { L"connect", 0, 0 },
    { L"c:\\nul\\", 0, 0 },
    { L"c:\\nul\\file", 0, 0 },
    { L"\\\\?\\c:\\nul", 0, 0 },
    { L"\\\\server\\share\\nul", 0, 0 },
    { L"nul x", 0, 0 },
};

int main(void)
{
    ULONG (WINAPI *is_device)(const WCHAR *) = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "RtlIsDosDeviceName_U");
    ok(is_device != NULL, "no RtlIsDosDeviceName_U\n");
    if (!is_device) return test_summary();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        ULONG want = MAKELONG(cases[i].length, cases[i].offset), got = is_device(cases[i].path);
        ok(got == want, "%ls: %#lx, expected %#lx\n", cases[i].path, got, want);
    }
    return test_summary();
}
