/*
 * tests/oleaut32/bstr.c — BSTRs: the byte-length prefix, the NUL after the
 * characters, NULL handling, byte-length strings and reallocation.
 */
#include "test.h"
#include <oleauto.h>

static void test_alloc(void)
{
    BSTR s = SysAllocString(L"hello");

    ok(s != NULL, "SysAllocString failed\n");
    ok(SysStringLen(s) == 5, "length %u\n", SysStringLen(s));
    ok(SysStringByteLen(s) == 10, "byte length %u\n", SysStringByteLen(s));
    ok(((DWORD *)s)[-1] == 10, "prefix %lu\n", ((DWORD *)s)[-1]);
    ok(!memcmp(s, L"hello", 12), "contents or NUL wrong\n");
    SysFreeString(s);

    ok(SysAllocString(NULL) == NULL, "SysAllocString(NULL) should be NULL\n");
    ok(SysStringLen(NULL) == 0, "SysStringLen(NULL)\n");
    ok(SysStringByteLen(NULL) == 0, "SysStringByteLen(NULL)\n");
    SysFreeString(NULL);   /* harmless */

    s = SysAllocString(L"");
    ok(s != NULL && SysStringLen(s) == 0 && s[0] == 0, "empty string\n");
    SysFreeString(s);
}

static void test_alloc_len(void)
{
    /* embedded NULs are kept: the length is the prefix, not wcslen */
    BSTR s = SysAllocStringLen(L"a\0b\0c", 5);

    ok(s && SysStringLen(s) == 5, "length %u\n", SysStringLen(s));
    ok(s && s[2] == 'b' && s[5] == 0, "contents\n");
    SysFreeString(s);

    s = SysAllocStringLen(L"abcdef", 3);
    ok(s && SysStringLen(s) == 3 && !memcmp(s, L"abc", 8), "prefix copy\n");
    SysFreeString(s);

    /* NULL source: room for the characters, terminated */
    s = SysAllocStringLen(NULL, 4);
    ok(s && SysStringLen(s) == 4 && s[4] == 0, "NULL source\n");
    SysFreeString(s);
}

static void test_byte_len(void)
{
    BSTR s = SysAllocStringByteLen("abc", 3);

    ok(s != NULL, "failed\n");
    ok(SysStringByteLen(s) == 3, "byte length %u\n", SysStringByteLen(s));
    ok(SysStringLen(s) == 1, "character length %u\n", SysStringLen(s));
    ok(!memcmp(s, "abc", 4), "contents or terminator\n");
    SysFreeString(s);

    s = SysAllocStringByteLen(NULL, 6);
    ok(s && SysStringByteLen(s) == 6 && SysStringLen(s) == 3, "NULL source\n");
    SysFreeString(s);
}

static void test_realloc(void)
{
    BSTR s = SysAllocString(L"short");

    ok(SysReAllocString(&s, L"a longer string") == TRUE, "SysReAllocString failed\n");
    ok(SysStringLen(s) == 15 && !lstrcmpW(s, L"a longer string"), "contents\n");

    ok(SysReAllocStringLen(&s, L"xyz123", 3) == TRUE, "SysReAllocStringLen failed\n");
    ok(SysStringLen(s) == 3 && !lstrcmpW(s, L"xyz"), "contents after len\n");

    /* the source may be the old string itself */
    ok(SysReAllocStringLen(&s, s, 2) == TRUE, "self realloc failed\n");
    ok(SysStringLen(s) == 2 && !lstrcmpW(s, L"xy"), "self realloc contents\n");
    SysFreeString(s);

    s = NULL;
    ok(SysReAllocString(&s, L"new") == TRUE && s && !lstrcmpW(s, L"new"), "realloc of NULL\n");
    SysFreeString(s);
}

int main(void)
{
    test_start("oleaut32/bstr");
    test_alloc();
    test_alloc_len();
    test_byte_len();
    test_realloc();
    return test_summary();
}
