/*
 * tests/msvcrt/string.c — string and memory functions of msvcrt.dll:
 * the str* and mem* families, msvcrt's own extensions (_stricmp, _strdup,
 * _strlwr, _strrev…), wide strings (wcs*), mbstowcs/wcstombs in the C
 * locale, strerror texts and _snprintf_s.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin so that gcc does not
 * replace the calls with its own inline code.
 */
#include "test.h"
#include <stdlib.h>
#include <wchar.h>
#include <errno.h>

#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wstringop-truncation"

static void test_copy(void)
{
    char buf[16];

    ok(strlen("") == 0 && strlen("abc") == 3, "strlen\n");
    ok(strcpy(buf, "abc") == buf && !strcmp(buf, "abc"), "strcpy\n");
    /* strncpy pads with NULs up to n, and does not terminate when full */
    memset(buf, 'x', sizeof(buf));
    strncpy(buf, "ab", 5);
    ok(!memcmp(buf, "ab\0\0\0x", 6), "strncpy padding\n");
    memset(buf, 'x', sizeof(buf));
    strncpy(buf, "abcdef", 3);
    ok(!memcmp(buf, "abcx", 4), "strncpy truncation\n");
    strcpy(buf, "ab");
    ok(strcat(buf, "cd") == buf && !strcmp(buf, "abcd"), "strcat\n");
    ok(strncat(buf, "efgh", 2) == buf && !strcmp(buf, "abcdef"), "strncat\n");
}

static void test_compare(void)
{
    ok(strcmp("a", "b") < 0 && strcmp("b", "a") > 0 && strcmp("a", "a") == 0, "strcmp\n");
    /* comparison is of unsigned chars */
    ok(strcmp("\x80", "a") > 0, "strcmp sign\n");
    ok(strncmp("abcx", "abcy", 3) == 0 && strncmp("abcx", "abcy", 4) < 0, "strncmp\n");
    ok(_stricmp("HeLLo", "hello") == 0 && _stricmp("a", "B") < 0, "_stricmp\n");
    /* _stricmp folds to lower case, so '_' (0x5f) sorts before 'A' (0x61
     * once folded), where folding to upper case would put it after */
    ok(_stricmp("_", "A") < 0, "_stricmp folds to lower case\n");
    ok(_strnicmp("ABCd", "abcE", 3) == 0 && _strnicmp("ABCd", "abcE", 4) < 0, "_strnicmp\n");
    ok(memcmp("ab\0c", "ab\0d", 4) < 0 && memcmp("ab", "ab", 2) == 0, "memcmp\n");
    ok(memcmp("\xff", "\x01", 1) > 0, "memcmp is unsigned\n");
}

static void test_search(void)
{
    const char *s = "hello world";
    char buf[32], *tok, *ctx;

    ok(strchr(s, 'o') == s + 4 && strrchr(s, 'o') == s + 7, "strchr/strrchr\n");
    ok(strchr(s, 0) == s + 11, "strchr of NUL\n");
    ok(strchr(s, 'z') == NULL, "strchr missing\n");
    ok(strstr(s, "wor") == s + 6 && strstr(s, "") == s && !strstr(s, "xyz"), "strstr\n");
    ok(strspn("aabbc", "ab") == 4 && strcspn("abc,d", ",;") == 3, "strspn/strcspn\n");
    ok(strpbrk(s, "wr") == s + 6 && strpbrk(s, "xyz") == NULL, "strpbrk\n");
    ok(memchr(s, 'w', 11) == s + 6 && memchr(s, 'w', 5) == NULL, "memchr\n");

    strcpy(buf, ",a,,bc;d");
    tok = strtok(buf, ",;");
    ok(tok && !strcmp(tok, "a"), "strtok 1\n");
    tok = strtok(NULL, ",;");
    ok(tok && !strcmp(tok, "bc"), "strtok 2\n");
    tok = strtok(NULL, ",;");
    ok(tok && !strcmp(tok, "d"), "strtok 3\n");
    ok(strtok(NULL, ",;") == NULL, "strtok end\n");

    strcpy(buf, "x y");
    tok = strtok_s(buf, " ", &ctx);
    ok(tok && !strcmp(tok, "x") && !strcmp(ctx, "y"), "strtok_s\n");
}

static void test_memory(void)
{
    char buf[16];

    strcpy(buf, "abcdef");
    ok(memmove(buf + 1, buf, 5) == buf + 1 && !strcmp(buf, "aabcde"), "memmove overlap\n");
    strcpy(buf, "abcdef");
    memmove(buf, buf + 2, 4);
    ok(!memcmp(buf, "cdefef", 6), "memmove backwards\n");
    ok(memcpy(buf, "xyz", 3) == buf && !memcmp(buf, "xyz", 3), "memcpy\n");
    ok(memset(buf, 0x41, 4) == buf && !memcmp(buf, "AAAA", 4), "memset\n");
}

static void test_extensions(void)
{
    char buf[16], *dup;

    dup = _strdup("copy");
    ok(dup && !strcmp(dup, "copy"), "_strdup\n");
    free(dup);
    strcpy(buf, "MiXeD1");
    ok(_strlwr(buf) == buf && !strcmp(buf, "mixed1"), "_strlwr\n");
    ok(_strupr(buf) == buf && !strcmp(buf, "MIXED1"), "_strupr\n");
    strcpy(buf, "abc");
    ok(_strrev(buf) == buf && !strcmp(buf, "cba"), "_strrev\n");
    strcpy(buf, "");
    ok(!strcmp(_strrev(buf), ""), "_strrev empty\n");
    ok(_strset(strcpy(buf, "abc"), 'z') == buf && !strcmp(buf, "zzz"), "_strset\n");
    ok(!strcmp(_strnset(strcpy(buf, "abc"), 'y', 2) ? buf : "", "yyc"), "_strnset\n");
    /* Wine 8 returns a pointer past the last character it set, not the
     * string as Windows (and the documentation) do */
    todo_wine(_strnset(strcpy(buf, "abc"), 'y', 2) == buf, "_strnset return value\n");

    ok(_snprintf_s(buf, sizeof(buf), _TRUNCATE, "%s", "fits") == 4 && !strcmp(buf, "fits"), "_snprintf_s\n");
    /* _TRUNCATE: truncate, terminate, return -1 */
    ok(_snprintf_s(buf, 4, _TRUNCATE, "%s", "toolong") == -1 && !strcmp(buf, "too"), "_snprintf_s truncation\n");
    ok(strcpy_s(buf, sizeof(buf), "safe") == 0 && !strcmp(buf, "safe"), "strcpy_s\n");
}

static void test_errors(void)
{
    ok(!strcmp(strerror(ENOENT), "No such file or directory"), "strerror(ENOENT): %s\n", strerror(ENOENT));
    ok(!strcmp(strerror(EACCES), "Permission denied"), "strerror(EACCES): %s\n", strerror(EACCES));
    /* Wine 8 has the glibc texts where Windows' differ: "Success" for 0,
     * "Cannot allocate memory" for ENOMEM */
    todo_wine(!strcmp(strerror(0), "No error"), "strerror(0): %s\n", strerror(0));
    todo_wine(!strcmp(strerror(ENOMEM), "Not enough space"), "strerror(ENOMEM): %s\n", strerror(ENOMEM));
    ok(!strcmp(strerror(1000), "Unknown error"), "strerror(1000): %s\n", strerror(1000));
}

static void test_wide(void)
{
    wchar_t buf[16], *dup, *tok, *ctx;

    ok(wcslen(L"wide") == 4, "wcslen\n");
    ok(wcscpy(buf, L"abc") == buf && !wcscmp(buf, L"abc"), "wcscpy\n");
    ok(wcscmp(L"a", L"b") < 0 && wcscmp(L"\x100", L"a") > 0, "wcscmp\n");
    ok(_wcsicmp(L"ABC", L"abc") == 0, "_wcsicmp\n");
    ok(wcschr(L"abc", L'c') && *wcschr(L"abc", L'c') == L'c', "wcschr\n");
    ok(wcsstr(L"haystack", L"st") != NULL && !wcsstr(L"abc", L"d"), "wcsstr\n");
    dup = _wcsdup(L"dup");
    ok(dup && !wcscmp(dup, L"dup"), "_wcsdup\n");
    free(dup);
    wcscpy(buf, L"a b");
    tok = wcstok_s(buf, L" ", &ctx);
    ok(tok && !wcscmp(tok, L"a"), "wcstok_s\n");
    ok(wcsncmp(L"abcd", L"abce", 3) == 0, "wcsncmp\n");
    wcscpy(buf, L"x");
    ok(wcscat(buf, L"yz") == buf && !wcscmp(buf, L"xyz"), "wcscat\n");
}

static void test_conversion(void)
{
    wchar_t wbuf[16];
    char buf[16];
    size_t n;

    n = mbstowcs(wbuf, "conv", 16);
    ok(n == 4 && !wcscmp(wbuf, L"conv"), "mbstowcs: %u\n", (unsigned)n);
    ok(mbstowcs(NULL, "length", 0) == 6, "mbstowcs length\n");
    n = wcstombs(buf, L"back", 16);
    ok(n == 4 && !strcmp(buf, "back"), "wcstombs: %u\n", (unsigned)n);
    ok(wcstombs(NULL, L"len", 0) == 3, "wcstombs length\n");
    /* the C locale maps bytes 0x80..0xff to the same code points */
    n = mbstowcs(wbuf, "\xe9", 16);
    ok(n == 1 && wbuf[0] == 0xe9, "mbstowcs high byte: %u %x\n", (unsigned)n, wbuf[0]);
    /* ...and a wide character above 0xff cannot be converted */
    n = wcstombs(buf, L"\x263a", 16);
    ok(n == (size_t)-1, "wcstombs unconvertible: %d\n", (int)n);
}

int main(int argc, char **argv)
{
    test_start("msvcrt:string");
    test_copy();
    test_compare();
    test_search();
    test_memory();
    test_extensions();
    test_errors();
    test_wide();
    test_conversion();
    return test_summary();
}
