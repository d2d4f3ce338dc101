/*
 * tests/kernel32/uilang.c — user interface languages: the user's and the
 * system's preferred UI languages (en-US, the one a fresh Windows in
 * English has), the process's and the thread's lists a program sets, the
 * thread's merged list, GetThreadUILanguage/SetThreadUILanguage, the
 * installed UI languages (EnumUILanguages, IsValidUILanguage); the
 * multi-string buffers (names or hexadecimal ids, double-NUL terminated),
 * the size query with a NULL buffer, too small a buffer.
 */
#include "test.h"

BOOL WINAPI IsValidUILanguage(LANGID);

static BOOL multi_is(const WCHAR *buf, ULONG size, const WCHAR *expected, ULONG expected_size)
{
    return size == expected_size && !memcmp(buf, expected, size * sizeof(WCHAR));
}

static void test_user_and_system(void)
{
    WCHAR buf[64];
    ULONG num, size;
    BOOL ret;

    num = 0xdead; size = 0;
    ret = GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, NULL, &size);
    ok(ret && num == 1 && size == 7, "size query: %d %lu %lu\n", ret, num, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(ret && num == 1 && multi_is(buf, size, L"en-US\0", 7), "names: %d %lu %lu\n", ret, num, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetUserPreferredUILanguages(MUI_LANGUAGE_ID, &num, buf, &size);
    ok(ret && num == 1 && multi_is(buf, size, L"0409\0", 6), "ids: %d %lu %lu\n", ret, num, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetUserPreferredUILanguages(0, &num, buf, &size);
    ok(ret && multi_is(buf, size, L"en-US\0", 7), "names by default: %d %lu\n", ret, size);

    SetLastError(0xdeadbeef);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetUserPreferredUILanguages(MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "both formats: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    num = 0xdead; size = 3;
    ret = GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(!ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER && size == 7, "too small: %d %lu %lu\n", ret,
       GetLastError(), size);

    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetSystemPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(ret && num == 1 && multi_is(buf, size, L"en-US\0", 7), "system: %d %lu %lu\n", ret, num, size);
    num = 0xdead; size = 0;
    ret = GetSystemPreferredUILanguages(MUI_LANGUAGE_ID, &num, NULL, &size);
    ok(ret && num == 1 && size == 6, "system size query: %d %lu %lu\n", ret, num, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetSystemPreferredUILanguages(MUI_MACHINE_LANGUAGE_SETTINGS | MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(ret && multi_is(buf, size, L"en-US\0", 7), "machine settings: %d\n", ret);
    SetLastError(0xdeadbeef);
    ret = GetSystemPreferredUILanguages(MUI_CONSOLE_FILTER, &num, buf, &size);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "bad flag: %d %lu\n", ret, GetLastError());
}

static void test_thread_default(void)
{
    WCHAR buf[64];
    ULONG num, size;
    BOOL ret;

    ok(GetThreadUILanguage() == 0x0409, "thread UI language %04x\n", GetThreadUILanguage());
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(ret && num >= 1 && size >= 7 && !memcmp(buf, L"en-US", 6 * sizeof(WCHAR)), "merged: %d %lu\n", ret, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_ID | MUI_MERGE_USER_FALLBACK, &num, buf, &size);
    ok(ret && !memcmp(buf, L"0409", 5 * sizeof(WCHAR)), "merged ids: %d\n", ret);
    num = 0xdead; size = 0;
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, &num, NULL, &size);
    ok(ret && size >= 7, "size query: %d %lu\n", ret, size);
    SetLastError(0xdeadbeef);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME | MUI_LANGUAGE_ID, &num, buf, &size);
    /* the two formats are exclusive (documented); Wine's thread list does not check */
    todo_wine(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "both formats: %d %lu\n", ret, GetLastError());
}

static DWORD WINAPI other_thread(void *arg)
{
    *(LANGID *)arg = GetThreadUILanguage();
    return 0;
}

static void test_set_lists(void)
{
    WCHAR buf[64];
    ULONG num, size, set;
    LANGID other = 0;
    HANDLE thread;
    BOOL ret;

    /* the process's list; Wine keeps none of these lists */
    set = 0xdead;
    ret = SetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, L"de-DE\0en-US\0", &set);
    ok(ret, "SetProcessPreferredUILanguages: %lu\n", GetLastError());
    todo_wine(set == 2, "languages set: %lu\n", set);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    ok(ret, "GetProcessPreferredUILanguages: %lu\n", GetLastError());
    todo_wine(num == 2 && multi_is(buf, size, L"de-DE\0en-US\0", 13), "process list: %lu %lu\n", num, size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetProcessPreferredUILanguages(MUI_LANGUAGE_ID, &num, buf, &size);
    todo_wine(ret && multi_is(buf, size, L"0407\0" L"0409\0", 11), "process list ids: %lu\n", size);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    todo_wine(ret && multi_is(buf, size, L"de-DE\0en-US\0", 13), "merged with the process list: %lu\n", size);
    ok(SetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, NULL, &set), "clear\n");
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, &num, buf, &size);
    /* documented: an empty list is an empty multi-string of 2 characters */
    todo_wine(ret && num == 0 && multi_is(buf, size, L"\0", 2), "cleared: %lu %lu\n", num, size);

    /* the thread's list */
    set = 0xdead;
    ok(SetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, L"fr-FR\0", &set), "SetThreadPreferredUILanguages\n");
    todo_wine(set == 1, "languages set: %lu\n", set);
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME | MUI_THREAD_LANGUAGES, &num, buf, &size);
    todo_wine(ret && num == 1 && multi_is(buf, size, L"fr-FR\0", 7), "thread list: %lu %lu\n", num, size);
    todo_wine(GetThreadUILanguage() == 0x040c, "thread UI language %04x\n", GetThreadUILanguage());
    thread = CreateThread(NULL, 0, other_thread, &other, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(other == 0x0409, "another thread's language %04x\n", other);
    ok(SetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, NULL, NULL), "clear\n");
    num = 0xdead; size = ARRAYSIZE(buf);
    ret = GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME | MUI_THREAD_LANGUAGES, &num, buf, &size);
    /* documented: "an empty list if no preferred languages are set for the current thread" */
    todo_wine(ret && num == 0 && multi_is(buf, size, L"\0", 2), "thread list cleared: %lu %lu\n", num, size);
    ok(GetThreadUILanguage() == 0x0409, "back to %04x\n", GetThreadUILanguage());

    /* SetThreadUILanguage: the language given is the one returned; 0 asks */
    ok(SetThreadUILanguage(0x0407) == 0x0407, "SetThreadUILanguage\n");
    todo_wine(GetThreadUILanguage() == 0x0407, "after SetThreadUILanguage: %04x\n", GetThreadUILanguage());
    todo_wine(SetThreadUILanguage(0) == 0x0407, "SetThreadUILanguage(0): %04x\n", SetThreadUILanguage(0));
    ok(SetThreadUILanguage(0x0409) == 0x0409, "back\n");
    ok(GetThreadUILanguage() == 0x0409, "back to %04x\n", GetThreadUILanguage());
    ok(SetThreadPreferredUILanguages(0, NULL, NULL), "clear\n");
}

static int found_w, found_a, found_count;
static LONG_PTR found_param;
static const WCHAR *wanted_w;

static BOOL CALLBACK enum_w(LPWSTR lang, LONG_PTR param)
{
    found_count++;
    found_param = param;
    if (!wcscmp(lang, wanted_w)) found_w++;
    return TRUE;
}

static BOOL CALLBACK enum_a(LPSTR lang, LONG_PTR param)
{
    if (!strcmp(lang, "0409")) found_a++;
    return TRUE;
}

/* the installed UI languages include en-US (Wine lists every language it knows) */
static void test_enum(void)
{
    found_w = found_count = 0;
    wanted_w = L"0409";
    ok(EnumUILanguagesW(enum_w, 0, 42), "EnumUILanguagesW: %lu\n", GetLastError());
    ok(found_w == 1 && found_param == 42, "0409 %d times, param %Id\n", found_w, found_param);
    found_w = 0;
    wanted_w = L"en-US";
    ok(EnumUILanguagesW(enum_w, MUI_LANGUAGE_NAME, 0), "names\n");
    ok(found_w == 1, "en-US %d times\n", found_w);
    ok(EnumUILanguagesA(enum_a, MUI_LANGUAGE_ID, 0), "EnumUILanguagesA\n");
    ok(found_a == 1, "A: 0409 %d times\n", found_a);
    ok(!EnumUILanguagesW(NULL, 0, 0), "no callback\n");
    if (test_is("wine")) { skip("Wine 8 has no IsValidUILanguage\n"); return; }
    ok(IsValidUILanguage(0x0409), "en-US is a valid UI language\n");
}

int main(void)
{
    test_start("kernel32/uilang");
    test_user_and_system();
    test_thread_default();
    test_set_lists();
    test_enum();
    return test_summary();
}
