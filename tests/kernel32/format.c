/*
 * tests/kernel32/format.c — FormatMessageW/A.
 *
 * Covers system messages (text, CRLF ending, unknown ids), allocated
 * buffers, FORMAT_MESSAGE_FROM_STRING with numbered inserts taken from a
 * va_list or an argument array, printf-style !type! specifiers with width
 * and precision, the escapes %n %% %0 "% " %. %!, IGNORE_INSERTS, the
 * MAX_WIDTH_MASK line handling and the buffer-size error.
 */
#include "test.h"

#define ENGLISH MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US)

/* FORMAT_MESSAGE_FROM_STRING with inserts from a va_list; returns the count. */
static DWORD fmt_va(WCHAR *out, DWORD size, DWORD flags, const WCHAR *fmt, ...)
{
    va_list ap;
    DWORD ret;

    va_start(ap, fmt);
    ret = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | flags, fmt, 0, 0, out, size, &ap);
    va_end(ap);
    return ret;
}

static DWORD fmt_array(WCHAR *out, DWORD size, const WCHAR *fmt, const DWORD_PTR *args)
{
    return FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, fmt, 0, 0,
                          out, size, (va_list *)args);
}

static DWORD system_message(DWORD id, WCHAR *out, DWORD size)
{
    return FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, id,
                          ENGLISH, out, size, NULL);
}

/* Wine 8 words its system messages its own way ("File not found." for
 * ERROR_FILE_NOT_FOUND), so only their form is checked on Wine. */
static void check_system_message(DWORD id, const WCHAR *expect)
{
    WCHAR buf[256];
    DWORD len;

    buf[0] = 0;
    len = system_message(id, buf, ARRAYSIZE(buf));
    ok(len > 2 && len == (DWORD)lstrlenW(buf), "message %lu: length %lu\n", id, len);
    ok(len > 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n', "message %lu does not end with CRLF\n", id);
    todo_wine(len == (DWORD)lstrlenW(expect) && !lstrcmpW(buf, expect), "message %lu is \"%ls\"\n", id, buf);
}

static void test_system_messages(void)
{
    WCHAR buf[256];
    DWORD len, err;

    /* System messages end with CRLF. */
    check_system_message(ERROR_SUCCESS, L"The operation completed successfully.\r\n");
    check_system_message(ERROR_FILE_NOT_FOUND, L"The system cannot find the file specified.\r\n");
    check_system_message(ERROR_PATH_NOT_FOUND, L"The system cannot find the path specified.\r\n");
    check_system_message(ERROR_ACCESS_DENIED, L"Access is denied.\r\n");
    check_system_message(ERROR_INVALID_HANDLE, L"The handle is invalid.\r\n");

    /* Inserts are kept as written when ignored. */
    len = system_message(ERROR_BAD_EXE_FORMAT, buf, ARRAYSIZE(buf));
    ok(len > 2 && wcsstr(buf, L"%1") != NULL, "ERROR_BAD_EXE_FORMAT is \"%ls\"\n", buf);
    /* Wine: "Bad EXE format for %1." */
    todo_wine(!lstrcmpW(buf, L"%1 is not a valid Win32 application.\r\n"), "ERROR_BAD_EXE_FORMAT is \"%ls\"\n", buf);

    SetLastError(0xdeadbeef);
    len = system_message(60000, buf, ARRAYSIZE(buf));
    err = GetLastError();
    ok(len == 0 && err == ERROR_MR_MID_NOT_FOUND, "unknown id: %lu, last error %lu\n", len, err);
}

static void test_system_message_ansi(void)
{
    WCHAR bufw[256];
    char buf[256], conv[256];
    DWORD len, lenw;

    /* The A text is the W text converted. */
    lenw = system_message(ERROR_FILE_NOT_FOUND, bufw, ARRAYSIZE(bufw));
    WideCharToMultiByte(CP_ACP, 0, bufw, -1, conv, sizeof(conv), NULL, NULL);
    len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                         ERROR_FILE_NOT_FOUND, ENGLISH, buf, sizeof(buf), NULL);
    ok(len == lenw && !strcmp(buf, conv), "FormatMessageA gave %lu \"%s\"\n", len, buf);
    todo_wine(!strcmp(buf, "The system cannot find the file specified.\r\n"), "FormatMessageA gave \"%s\"\n", buf);
}

static void test_system_message_with_insert(void)
{
    DWORD_PTR args[] = { (DWORD_PTR)L"prog.exe" };
    WCHAR buf[256];
    DWORD len;

    len = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ARGUMENT_ARRAY, NULL,
                         ERROR_BAD_EXE_FORMAT, ENGLISH, buf, ARRAYSIZE(buf), (va_list *)args);
    ok(len > 9 && wcsstr(buf, L"prog.exe") && !wcsstr(buf, L"%1"), "ERROR_BAD_EXE_FORMAT with insert: \"%ls\"\n", buf);
}

static void test_allocate_buffer(void)
{
    WCHAR *buf = NULL;
    char *bufa = NULL;
    DWORD len;

    /* nSize is then a minimum, and the buffer comes from LocalAlloc. */
    len = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                         FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_ACCESS_DENIED, ENGLISH,
                         (WCHAR *)&buf, 0, NULL);
    ok(len > 2 && buf && len == (DWORD)lstrlenW(buf), "allocated message %lu\n", len);
    ok(buf && LocalSize(buf) >= (len + 1) * sizeof(WCHAR), "allocation of %Iu bytes\n", LocalSize(buf));
    ok(LocalFree(buf) == NULL, "LocalFree failed: %lu\n", GetLastError());

    len = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_STRING |
                         FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1!d! apples",
                         0, 0, (char *)&bufa, 0, (va_list *)(DWORD_PTR[]){ 12 });
    ok(len == 9 && bufa && !strcmp(bufa, "12 apples"), "allocated A string %lu\n", len);
    ok(LocalFree(bufa) == NULL, "LocalFree failed: %lu\n", GetLastError());
}

static void test_inserts(void)
{
    DWORD_PTR args[] = { (DWORD_PTR)L"abc", 42, (DWORD_PTR)L"xyz" };
    WCHAR buf[128];
    DWORD len;

    /* The default type of an insert is a string. */
    len = fmt_va(buf, ARRAYSIZE(buf), 0, L"%1 is %2!d!", L"abc", 42);
    ok(len == 9 && !lstrcmpW(buf, L"abc is 42"), "va_list inserts gave %lu \"%ls\"\n", len, buf);

    /* Inserts can be used out of order and more than once. */
    len = fmt_array(buf, ARRAYSIZE(buf), L"%3-%1-%1 %2!d!", args);
    ok(len == 14 && !lstrcmpW(buf, L"xyz-abc-abc 42"), "array inserts gave %lu \"%ls\"\n", len, buf);

    len = fmt_va(buf, ARRAYSIZE(buf), 0, L"[%1!x!] [%1!X!] [%1!u!] [%2!c!]", 0xbeef, (int)'q');
    ok(!lstrcmpW(buf, L"[beef] [BEEF] [48879] [q]"), "types gave \"%ls\"\n", buf);

    len = fmt_va(buf, ARRAYSIZE(buf), 0, L"%1!s!/%2!S!", L"wide", "narrow");
    ok(!lstrcmpW(buf, L"wide/narrow"), "!s! and !S! gave \"%ls\"\n", buf);
}

static void test_width_precision(void)
{
    WCHAR buf[128];

    fmt_va(buf, ARRAYSIZE(buf), 0, L"[%1!5d!] [%1!-5d!] [%1!05d!]", 42);
    ok(!lstrcmpW(buf, L"[   42] [42   ] [00042]"), "widths gave \"%ls\"\n", buf);
    fmt_va(buf, ARRAYSIZE(buf), 0, L"[%1!.3s!] [%1!6.2s!]", L"abcdef");
    ok(!lstrcmpW(buf, L"[abc] [    ab]"), "precisions gave \"%ls\"\n", buf);
    fmt_va(buf, ARRAYSIZE(buf), 0, L"[%1!08X!]", 0xbeef);
    ok(!lstrcmpW(buf, L"[0000BEEF]"), "zero-padded hex gave \"%ls\"\n", buf);
}

static void test_escapes(void)
{
    WCHAR buf[128];
    DWORD len;

    len = fmt_va(buf, ARRAYSIZE(buf), 0, L"a%nb%%c% d%.e%!f");
    ok(len == 12 && !lstrcmpW(buf, L"a\r\nb%c d.e!f"), "escapes gave %lu \"%ls\"\n", len, buf);

    /* %0 ends the message: nothing after it, no line break. */
    len = fmt_va(buf, ARRAYSIZE(buf), 0, L"stop%0ignored");
    ok(len == 4 && !lstrcmpW(buf, L"stop"), "%%0 gave %lu \"%ls\"\n", len, buf);
}

static void test_ignore_inserts(void)
{
    WCHAR buf[128];
    DWORD len;

    len = fmt_va(buf, ARRAYSIZE(buf), FORMAT_MESSAGE_IGNORE_INSERTS, L"%1 and %2!d! %n", L"unused");
    ok(len == 15 && !lstrcmpW(buf, L"%1 and %2!d! \r\n"), "ignored inserts gave %lu \"%ls\"\n", len, buf);
}

static void test_max_width(void)
{
    WCHAR buf[128];
    DWORD len;

    /* With the mask, line breaks in the text become spaces; %n still breaks. */
    len = fmt_va(buf, ARRAYSIZE(buf), FORMAT_MESSAGE_MAX_WIDTH_MASK, L"a\r\nb%nc");
    ok(len == 6 && !lstrcmpW(buf, L"a b\r\nc"), "MAX_WIDTH_MASK gave %lu \"%ls\"\n", len, buf);
}

static void test_buffer_too_small(void)
{
    WCHAR buf[8];
    char bufa[8];
    DWORD len, err;

    SetLastError(0xdeadbeef);
    len = fmt_va(buf, 5, 0, L"hello world");
    err = GetLastError();
    ok(len == 0 && err == ERROR_INSUFFICIENT_BUFFER, "small buffer: %lu, last error %lu\n", len, err);

    /* The NUL must fit too. */
    SetLastError(0xdeadbeef);
    len = fmt_va(buf, 5, 0, L"hello");
    err = GetLastError();
    ok(len == 0 && err == ERROR_INSUFFICIENT_BUFFER, "no room for the NUL: %lu, last error %lu\n", len, err);
    len = fmt_va(buf, 6, 0, L"hello");
    ok(len == 5 && !lstrcmpW(buf, L"hello"), "exact fit gave %lu\n", len);

    SetLastError(0xdeadbeef);
    len = system_message(ERROR_FILE_NOT_FOUND, buf, ARRAYSIZE(buf));
    err = GetLastError();
    ok(len == 0 && err == ERROR_INSUFFICIENT_BUFFER, "small buffer for a system message: %lu, last error %lu\n",
       len, err);

    SetLastError(0xdeadbeef);
    len = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "longer than eight", 0, 0, bufa, sizeof(bufa), NULL);
    err = GetLastError();
    ok(len == 0 && err == ERROR_INSUFFICIENT_BUFFER, "small A buffer: %lu, last error %lu\n", len, err);
}

int main(int argc, char **argv)
{
    test_start("kernel32:format");
    test_system_messages();
    test_system_message_ansi();
    test_system_message_with_insert();
    test_allocate_buffer();
    test_inserts();
    test_width_precision();
    test_escapes();
    test_ignore_inserts();
    test_max_width();
    test_buffer_too_small();
    return test_summary();
}
