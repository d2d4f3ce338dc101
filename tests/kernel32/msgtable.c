/*
 * tests/kernel32/msgtable.c — FormatMessage from a module's message table
 * (FORMAT_MESSAGE_FROM_HMODULE; Wine's fsutil.exe prints its help so): a
 * NULL module is the program, Unicode and ANSI entries, inserts, and the
 * errors for an id the table lacks and a module with no table.
 */
#include "test.h"

static void test_program_table(void)
{
    WCHAR buf[64];
    char bufa[64];
    const WCHAR *argw[] = { L"World" };
    const char *arga[] = { "there" };
    DWORD n;

    memset(buf, 0xcc, sizeof(buf));
    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, NULL, 100, 0,
                       buf, ARRAYSIZE(buf), (va_list *)argw);
    ok(n == 13 && !wcscmp(buf, L"Hello World\r\n"), "id 100: %lu %ls (error %lu)\n", n, buf, GetLastError());

    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, GetModuleHandleW(NULL), 101, 0,
                       buf, ARRAYSIZE(buf), NULL);
    ok(n == 8 && !wcscmp(buf, L"Second\r\n"), "id 101 (an ANSI entry): %lu %ls\n", n, buf);

    n = FormatMessageA(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, NULL, 100, 0,
                       bufa, sizeof(bufa), (va_list *)arga);
    ok(n == 13 && !strcmp(bufa, "Hello there\r\n"), "FormatMessageA id 100: %lu %s\n", n, bufa);

    SetLastError(0xdeadbeef);
    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 102, 0,
                       buf, ARRAYSIZE(buf), NULL);
    ok(!n && GetLastError() == ERROR_MR_MID_NOT_FOUND, "id 102: %lu, error %lu\n", n, GetLastError());

    /* with FROM_SYSTEM too, an id the module lacks comes from the system */
    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                       NULL, ERROR_FILE_NOT_FOUND, 0, buf, ARRAYSIZE(buf), NULL);
    ok(n > 0, "system fallback: error %lu\n", GetLastError());
}

int main(void)
{
    test_start("kernel32/msgtable");
    test_program_table();
    return test_summary();
}
