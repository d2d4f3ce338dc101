/*
 * tests/shlwapi/strret.c — StrRetToStrW/A over the three kinds of STRRET:
 * a task-allocator wide string (handed over: the caller frees the result
 * with CoTaskMemFree), ANSI text in the structure, ANSI text at an offset
 * in the item's PIDL; the results are task-allocator strings.
 */
#include "test.h"
#include <shlwapi.h>
#include <shtypes.h>

static void test_wstr(void)
{
    STRRET sr;
    WCHAR *w = NULL;
    char *a = NULL;

    sr.uType = STRRET_WSTR;
    sr.pOleStr = CoTaskMemAlloc(sizeof(L"wide"));
    memcpy(sr.pOleStr, L"wide", sizeof(L"wide"));
    ok(StrRetToStrW(&sr, NULL, &w) == S_OK && w && !lstrcmpW(w, L"wide"), "WSTR to W\n");
    CoTaskMemFree(w);

    sr.uType = STRRET_WSTR;
    sr.pOleStr = CoTaskMemAlloc(sizeof(L"wide"));
    memcpy(sr.pOleStr, L"wide", sizeof(L"wide"));
    ok(StrRetToStrA(&sr, NULL, &a) == S_OK && a && !strcmp(a, "wide"), "WSTR to A\n");
    CoTaskMemFree(a);
}

static void test_ansi(void)
{
    struct { USHORT cb; char data[14]; USHORT end; } pidl = { 14, "..name.txt", 0 };
    STRRET sr;
    WCHAR *w = NULL;
    char *a = NULL;

    sr.uType = STRRET_CSTR;
    strcpy(sr.cStr, "in the struct");
    ok(StrRetToStrW(&sr, NULL, &w) == S_OK && w && !lstrcmpW(w, L"in the struct"), "CSTR to W\n");
    CoTaskMemFree(w);
    ok(StrRetToStrA(&sr, NULL, &a) == S_OK && a && !strcmp(a, "in the struct"), "CSTR to A\n");
    CoTaskMemFree(a);

    /* uOffset counts from the PIDL's first byte, its size field included */
    sr.uType = STRRET_OFFSET;
    sr.uOffset = 4;
    w = NULL;
    ok(StrRetToStrW(&sr, (PCUITEMID_CHILD)&pidl, &w) == S_OK && w && !lstrcmpW(w, L"name.txt"),
       "OFFSET to W: %s\n", w ? "other text" : "none");
    CoTaskMemFree(w);
    a = NULL;
    ok(StrRetToStrA(&sr, (PCUITEMID_CHILD)&pidl, &a) == S_OK && a && !strcmp(a, "name.txt"), "OFFSET to A: %s\n",
       a ? a : "none");
    CoTaskMemFree(a);
}

int main(void)
{
    test_start("shlwapi/strret");
    test_wstr();
    test_ansi();
    return test_summary();
}
