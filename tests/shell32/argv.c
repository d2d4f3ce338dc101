/*
 * tests/shell32/argv.c — CommandLineToArgvW's splitting rules: the program
 * name, quotes, backslashes before quotes, doubled quotes, blanks.
 */
#include "test.h"
#include <shellapi.h>

/* splits `cmd` and compares with the NULL-terminated `expect` */
static void check(const WCHAR *cmd, const WCHAR *const *expect, int line)
{
    int count = -1, n = 0;
    WCHAR **argv = CommandLineToArgvW(cmd, &count);

    while (expect[n]) n++;
    if (!ok(argv != NULL, "line %d: failed %lu\n", line, GetLastError())) return;
    ok(count == n, "line %d: [%ls] gives %d arguments, expected %d\n", line, cmd, count, n);
    for (int i = 0; i < n && i < count; i++)
        ok(!lstrcmpW(argv[i], expect[i]), "line %d: [%ls] argument %d is <%ls>, expected <%ls>\n",
           line, cmd, i, argv[i], expect[i]);
    LocalFree(argv);
}
#define CHECK(cmd, ...) do { static const WCHAR *const e[] = { __VA_ARGS__, NULL }; check(cmd, e, __LINE__); } while (0)

static void test_split(void)
{
    CHECK(L"prog a b", L"prog", L"a", L"b");
    CHECK(L"\"C:\\Program Files\\x.exe\" a", L"C:\\Program Files\\x.exe", L"a");
    CHECK(L"prog \"a b\" c", L"prog", L"a b", L"c");
    CHECK(L"prog\ta\t b ", L"prog", L"a", L"b");
    /* backslashes: literal unless before a quote */
    CHECK(L"prog a\\\\b", L"prog", L"a\\\\b");
    CHECK(L"prog a\\\\\\\"b", L"prog", L"a\\\"b");
    CHECK(L"prog a\\\\\"b c\"", L"prog", L"a\\b c");
    CHECK(L"prog \\\"a", L"prog", L"\"a");
    CHECK(L"prog a\\", L"prog", L"a\\");
    CHECK(L"prog \"a\\\\\" b", L"prog", L"a\\", L"b");
    /* quotes inside an argument, empty arguments, doubled quotes */
    CHECK(L"prog a\"b\"c d", L"prog", L"abc", L"d");
    CHECK(L"prog \"\" x", L"prog", L"", L"x");
    CHECK(L"prog \"a\"\"b\" c", L"prog", L"a\"b c");
    CHECK(L"prog \"a\"\"\"b\" c", L"prog", L"a\"b", L"c");
    CHECK(L"prog \"\"\"a\"\"\" b", L"prog", L"\"a\"", L"b");
    CHECK(L"prog \"\"\"\" x", L"prog", L"\" x");
    CHECK(L"prog \"\"\"\"\"\" x", L"prog", L"\"\"", L"x");
    /* the program name: up to the closing quote or the first blank, no escapes */
    CHECK(L"\"pro\"g a", L"pro", L"g", L"a");
    CHECK(L"pro\"g a\" b", L"pro\"g", L"a b");
    CHECK(L"  prog a", L"", L"prog", L"a");
    CHECK(L"C:\\dir\\\"x", L"C:\\dir\\\"x");
}

static void test_special(void)
{
    WCHAR exe[MAX_PATH], **argv;
    int count = -1;

    GetModuleFileNameW(NULL, exe, MAX_PATH);
    argv = CommandLineToArgvW(L"", &count);
    ok(argv && count == 1 && !lstrcmpiW(argv[0], exe), "empty line: %d %ls\n", count, argv ? argv[0] : L"");
    LocalFree(argv);

    SetLastError(0xdeadbeef);
    ok(CommandLineToArgvW(L"x", NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "NULL count\n");
}

int main(void)
{
    test_start("shell32/argv");
    test_split();
    test_special();
    return test_summary();
}
