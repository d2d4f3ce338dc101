/*
 * tests/msvcrt/nlswrap.c — msvcrt.dll's old wrappers of kernel32's
 * national-language functions (__crtCompareStringA/W, __crtLCMapStringA/W,
 * __crtGetLocaleInfoW, __crtGetStringTypeW: the same answers as the
 * kernel32 functions), _heapadd (not supported on Win32: -1, ENOSYS) and
 * __CppXcptFilter (only C++ exceptions go on to _XcptFilter).
 */
#include "test.h"
#include "winestub.h"
#include <errno.h>

static HMODULE crt;
#define FUNC(name) ((void *)GetProcAddress(crt, name))

static void test_wrappers(void)
{
    int (__cdecl *p_cmpA)(LCID, DWORD, const char *, int, const char *, int) = FUNC("__crtCompareStringA");
    int (__cdecl *p_cmpW)(LCID, DWORD, const wchar_t *, int, const wchar_t *, int) = FUNC("__crtCompareStringW");
    int (__cdecl *p_mapA)(LCID, DWORD, const char *, int, char *, int, unsigned int, int) = FUNC("__crtLCMapStringA");
    int (__cdecl *p_mapW)(LCID, DWORD, const wchar_t *, int, wchar_t *, int, unsigned int, int) = FUNC("__crtLCMapStringW");
    int (__cdecl *p_infoW)(LCID, LCTYPE, wchar_t *, int) = FUNC("__crtGetLocaleInfoW");
    BOOL (__cdecl *p_typeW)(DWORD, DWORD, const wchar_t *, int, WORD *) = FUNC("__crtGetStringTypeW");
    char buf[16];
    wchar_t wbuf[64], expect[64];
    WORD types[3];
    int ret;

    if (!p_cmpA || !p_cmpW || !p_mapA || !p_mapW || !p_infoW || !p_typeW) { skip("no __crt wrappers\n"); return; }
    ok(p_cmpA(0x409, NORM_IGNORECASE, "abc", -1, "ABC", -1) == CSTR_EQUAL, "__crtCompareStringA equal\n");
    ok(p_cmpA(0x409, 0, "abc", -1, "abd", -1) == CSTR_LESS_THAN, "__crtCompareStringA less\n");
    ok(p_cmpA(0x409, 0, "abcz", 3, "abc", -1) == CSTR_EQUAL, "__crtCompareStringA with a length\n");
    ok(p_cmpW(0x409, 0, L"b", -1, L"a", -1) == CSTR_GREATER_THAN, "__crtCompareStringW greater\n");
    ok(p_cmpW(0x409, NORM_IGNORECASE, L"Q", 1, L"q", 1) == CSTR_EQUAL, "__crtCompareStringW ignoring case\n");

    memset(buf, 0, sizeof(buf));
    ret = p_mapA(0x409, LCMAP_UPPERCASE, "abc", -1, buf, sizeof(buf), 0, 0);
    ok(ret == 4 && !strcmp(buf, "ABC"), "__crtLCMapStringA: %d %s\n", ret, buf);
    ret = p_mapW(0x409, LCMAP_LOWERCASE, L"XyZ", -1, wbuf, 64, 0, 0);
    ok(ret == 4 && !wcscmp(wbuf, L"xyz"), "__crtLCMapStringW: %d\n", ret);
    ret = p_mapW(0x409, LCMAP_LOWERCASE, L"XyZ", -1, NULL, 0, 0, 0);
    ok(ret == 4, "__crtLCMapStringW size query: %d\n", ret);

    ret = p_infoW(0x409, LOCALE_SENGLANGUAGE, wbuf, 64);
    GetLocaleInfoW(0x409, LOCALE_SENGLANGUAGE, expect, 64);
    ok(ret > 1 && !wcscmp(wbuf, expect), "__crtGetLocaleInfoW: %d %ls\n", ret, wbuf);
    ok(!wcscmp(wbuf, L"English"), "the language is %ls\n", wbuf);

    memset(types, 0, sizeof(types));
    ok(p_typeW(0, CT_CTYPE1, L"a1 ", 3, types), "__crtGetStringTypeW failed\n");
    ok((types[0] & C1_LOWER) && (types[1] & C1_DIGIT) && (types[2] & C1_SPACE) && !(types[0] & C1_DIGIT),
       "types %#x %#x %#x\n", types[0], types[1], types[2]);
}

static void test_heapadd(void)
{
    int (__cdecl *p_heapadd)(void *, size_t) = FUNC("_heapadd");
    int *(__cdecl *p_errno)(void) = FUNC("_errno");
    static char block[4096];

    if (!p_heapadd || is_wine_stub(p_heapadd)) { skip("no _heapadd\n"); return; }
    *p_errno() = 0;
    ok(p_heapadd(block, sizeof(block)) == -1 && *p_errno() == ENOSYS, "_heapadd: errno %d\n", *p_errno());
}

static void test_cppxcptfilter(void)
{
    int (__cdecl *p_filter)(unsigned long, EXCEPTION_POINTERS *) = FUNC("__CppXcptFilter");
    int (__cdecl *p_xcptfilter)(unsigned long, EXCEPTION_POINTERS *) = FUNC("_XcptFilter");
    EXCEPTION_RECORD rec = { 0 };
    CONTEXT ctx;
    EXCEPTION_POINTERS ptrs = { &rec, &ctx };

    if (!p_filter || !p_xcptfilter) { skip("no __CppXcptFilter\n"); return; }
    /* not a C++ exception: not the filter's business, whatever it is */
    rec.ExceptionCode = EXCEPTION_ACCESS_VIOLATION;
    ok(p_filter(EXCEPTION_ACCESS_VIOLATION, &ptrs) == EXCEPTION_CONTINUE_SEARCH, "an access violation\n");
    rec.ExceptionCode = STATUS_INTEGER_DIVIDE_BY_ZERO;
    ok(p_filter(STATUS_INTEGER_DIVIDE_BY_ZERO, &ptrs) == EXCEPTION_CONTINUE_SEARCH, "a division by zero\n");
    /* a C++ exception: what _XcptFilter says */
    rec.ExceptionCode = 0xe06d7363;
    ok(p_filter(0xe06d7363, &ptrs) == p_xcptfilter(0xe06d7363, &ptrs), "a C++ exception\n");
}

int main(void)
{
    crt = LoadLibraryA("msvcrt.dll");
    test_wrappers();
    test_heapadd();
    test_cppxcptfilter();
    return test_summary();
}
