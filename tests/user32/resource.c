/*
 * tests/user32/resource.c — LoadStringW/A on the string table of
 * resource.rc: copying, truncation, missing ids and the read-only pointer
 * form (LoadStringW with a zero length).
 */
#include "test.h"

static void test_loadstringw(void)
{
    HINSTANCE self = GetModuleHandleW(NULL);
    const WCHAR *ptr = NULL;
    WCHAR buf[64];
    int len;

    len = LoadStringW(self, 1, buf, ARRAYSIZE(buf));
    ok(len == 5 && !lstrcmpW(buf, L"first"), "len %d %ls\n", len, buf);
    len = LoadStringW(self, 17, buf, ARRAYSIZE(buf));
    ok(len == 19 && !lstrcmpW(buf, L"in the second block"), "second block: len %d %ls\n", len, buf);
    len = LoadStringW(NULL, 2, buf, ARRAYSIZE(buf));
    ok(len == 13 && !lstrcmpW(buf, L"second string"), "NULL module: len %d\n", len);

    /* truncated to the buffer, terminated */
    len = LoadStringW(self, 2, buf, 4);
    ok(len == 3 && !lstrcmpW(buf, L"sec"), "truncated: len %d %ls\n", len, buf);

    buf[0] = 'x';
    len = LoadStringW(self, 3, buf, ARRAYSIZE(buf));
    ok(len == 0, "missing id: len %d\n", len);
    ok(buf[0] == 0, "missing id: buffer not emptied\n");

    /* zero length: a pointer into the resource, not terminated there */
    len = LoadStringW(self, 2, (WCHAR *)&ptr, 0);
    ok(len == 13 && ptr && !memcmp(ptr, L"second string", 13 * sizeof(WCHAR)), "pointer form: len %d\n", len);
    /* what follows is the next entry's count (string 3 is absent: 0)... */
    ok(ptr && ptr[13] == 0, "pointer form: %#x after the string\n", ptr ? ptr[13] : 0);
    /* ...so string 1 is followed by string 2's count, not a terminator */
    len = LoadStringW(self, 1, (WCHAR *)&ptr, 0);
    ok(len == 5 && ptr && ptr[5] == 13, "pointer form: string 1 followed by %#x\n", ptr ? ptr[5] : 0);
}

static void test_loadstringa(void)
{
    char buf[64];
    int len;

    len = LoadStringA(GetModuleHandleA(NULL), 1, buf, sizeof(buf));
    ok(len == 5 && !strcmp(buf, "first"), "len %d %s\n", len, buf);
    len = LoadStringA(GetModuleHandleA(NULL), 2, buf, 7);
    ok(len == 6 && !strcmp(buf, "second"), "truncated: len %d %s\n", len, buf);
    len = LoadStringA(GetModuleHandleA(NULL), 4, buf, sizeof(buf));
    ok(len == 0, "missing id: %d\n", len);
}

int main(void)
{
    test_start("user32/resource");
    test_loadstringw();
    test_loadstringa();
    return test_summary();
}
