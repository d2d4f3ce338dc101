/*
 * tests/ntdll/rtlstr.c — ntdll's counted strings and conversions:
 * RtlInitUnicodeString, ANSI <-> Unicode, comparisons, upcasing, integer
 * conversions, RtlNtStatusToDosError and RtlDosPathNameToNtPathName_U.
 * The functions are looked up in ntdll with GetProcAddress.
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>
#include <wchar.h>

static void (WINAPI *pRtlInitUnicodeString)(UNICODE_STRING *, const WCHAR *);
static void (WINAPI *pRtlInitAnsiString)(ANSI_STRING *, const char *);
static NTSTATUS (WINAPI *pRtlAnsiStringToUnicodeString)(UNICODE_STRING *, const ANSI_STRING *, BOOLEAN);
static NTSTATUS (WINAPI *pRtlUnicodeStringToAnsiString)(ANSI_STRING *, const UNICODE_STRING *, BOOLEAN);
static void (WINAPI *pRtlFreeUnicodeString)(UNICODE_STRING *);
static void (WINAPI *pRtlFreeAnsiString)(ANSI_STRING *);
static LONG (WINAPI *pRtlCompareUnicodeString)(const UNICODE_STRING *, const UNICODE_STRING *, BOOLEAN);
static BOOLEAN (WINAPI *pRtlEqualUnicodeString)(const UNICODE_STRING *, const UNICODE_STRING *, BOOLEAN);
static WCHAR (WINAPI *pRtlUpcaseUnicodeChar)(WCHAR);
static NTSTATUS (WINAPI *pRtlIntegerToUnicodeString)(ULONG, ULONG, UNICODE_STRING *);
static NTSTATUS (WINAPI *pRtlUnicodeStringToInteger)(const UNICODE_STRING *, ULONG, ULONG *);
static ULONG (WINAPI *pRtlNtStatusToDosError)(NTSTATUS);
static BOOLEAN (WINAPI *pRtlDosPathNameToNtPathName_U)(const WCHAR *, UNICODE_STRING *, WCHAR **, void *);

static int load_functions(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
#define LOAD(name) if (!(*(FARPROC *)&p##name = GetProcAddress(ntdll, #name))) return 0
    LOAD(RtlInitUnicodeString);
    LOAD(RtlInitAnsiString);
    LOAD(RtlAnsiStringToUnicodeString);
    LOAD(RtlUnicodeStringToAnsiString);
    LOAD(RtlFreeUnicodeString);
    LOAD(RtlFreeAnsiString);
    LOAD(RtlCompareUnicodeString);
    LOAD(RtlEqualUnicodeString);
    LOAD(RtlUpcaseUnicodeChar);
    LOAD(RtlIntegerToUnicodeString);
    LOAD(RtlUnicodeStringToInteger);
    LOAD(RtlNtStatusToDosError);
    LOAD(RtlDosPathNameToNtPathName_U);
#undef LOAD
    return 1;
}

/* a UNICODE_STRING holds exactly the expected text (lengths are in bytes) */
static int ustr_is(const UNICODE_STRING *us, const WCHAR *text)
{
    return us->Length == wcslen(text) * sizeof(WCHAR) && !memcmp(us->Buffer, text, us->Length);
}

static void test_init(void)
{
    static const WCHAR hello[] = L"hello";
    UNICODE_STRING us;
    ANSI_STRING as;

    pRtlInitUnicodeString(&us, hello);
    ok(us.Length == 10 && us.MaximumLength == 12 && us.Buffer == hello, "lengths %u/%u buffer %p\n",
       us.Length, us.MaximumLength, us.Buffer);
    pRtlInitUnicodeString(&us, NULL);
    ok(us.Length == 0 && us.MaximumLength == 0 && us.Buffer == NULL, "NULL source %u/%u\n", us.Length, us.MaximumLength);
    pRtlInitAnsiString(&as, "abc");
    ok(as.Length == 3 && as.MaximumLength == 4, "ansi lengths %u/%u\n", as.Length, as.MaximumLength);
}

static void test_ansi_conversion(void)
{
    UNICODE_STRING us;
    ANSI_STRING as, back;
    WCHAR small[2];
    NTSTATUS status;

    pRtlInitAnsiString(&as, "Wlx test");
    status = pRtlAnsiStringToUnicodeString(&us, &as, TRUE);
    ok(status == STATUS_SUCCESS, "status %#lx\n", status);
    ok(ustr_is(&us, L"Wlx test") && us.MaximumLength == 18, "converted %u/%u\n", us.Length, us.MaximumLength);
    ok(us.Buffer[8] == 0, "allocated string not terminated\n");

    status = pRtlUnicodeStringToAnsiString(&back, &us, TRUE);
    ok(status == STATUS_SUCCESS, "status %#lx\n", status);
    ok(back.Length == 8 && !memcmp(back.Buffer, "Wlx test", 9), "back %u %.8s\n", back.Length, back.Buffer);
    pRtlFreeAnsiString(&back);
    pRtlFreeUnicodeString(&us);

    /* into the caller's buffer: too small is an overflow, not a truncation */
    us.Buffer = small;
    us.Length = 0;
    us.MaximumLength = sizeof(small);
    status = pRtlAnsiStringToUnicodeString(&us, &as, FALSE);
    ok(status == STATUS_BUFFER_OVERFLOW, "small buffer status %#lx\n", status);
}

static void test_compare(void)
{
    UNICODE_STRING a, b;

    pRtlInitUnicodeString(&a, L"Hello");
    pRtlInitUnicodeString(&b, L"hELLO");
    ok(pRtlCompareUnicodeString(&a, &b, TRUE) == 0, "case-insensitive compare\n");
    ok(pRtlCompareUnicodeString(&a, &b, FALSE) < 0, "'H' sorts before 'h'\n");
    ok(pRtlEqualUnicodeString(&a, &b, TRUE), "case-insensitive equality\n");
    ok(!pRtlEqualUnicodeString(&a, &b, FALSE), "case-sensitive equality\n");

    /* code unit order: 'a' > 'B', but 'A' < 'B' once upcased */
    pRtlInitUnicodeString(&a, L"a");
    pRtlInitUnicodeString(&b, L"B");
    ok(pRtlCompareUnicodeString(&a, &b, FALSE) > 0, "a vs B case-sensitive\n");
    ok(pRtlCompareUnicodeString(&a, &b, TRUE) < 0, "a vs B case-insensitive\n");
    /* a prefix sorts first */
    pRtlInitUnicodeString(&a, L"abc");
    pRtlInitUnicodeString(&b, L"ab");
    ok(pRtlCompareUnicodeString(&a, &b, FALSE) > 0, "abc vs ab\n");

    ok(pRtlUpcaseUnicodeChar('a') == 'A', "upcase a\n");
    ok(pRtlUpcaseUnicodeChar(0xe9) == 0xc9, "upcase e-acute gave %04x\n", pRtlUpcaseUnicodeChar(0xe9));
    ok(pRtlUpcaseUnicodeChar('1') == '1' && pRtlUpcaseUnicodeChar('Z') == 'Z', "upcase of non-lower\n");
}

static void test_integer_to_string(void)
{
    WCHAR buf[40];
    UNICODE_STRING us = { 0, sizeof(buf), buf };
    NTSTATUS status;

    ok(pRtlIntegerToUnicodeString(1234, 10, &us) == STATUS_SUCCESS && ustr_is(&us, L"1234"), "1234: %.*ls\n",
       us.Length / 2, buf);
    ok(pRtlIntegerToUnicodeString(255, 16, &us) == STATUS_SUCCESS && ustr_is(&us, L"FF"), "255 hex: %.*ls\n",
       us.Length / 2, buf);
    ok(pRtlIntegerToUnicodeString(5, 2, &us) == STATUS_SUCCESS && ustr_is(&us, L"101"), "5 binary\n");
    ok(pRtlIntegerToUnicodeString(0, 10, &us) == STATUS_SUCCESS && ustr_is(&us, L"0"), "zero\n");
    status = pRtlIntegerToUnicodeString(7, 3, &us);
    ok(status == STATUS_INVALID_PARAMETER, "base 3 status %#lx\n", status);
    us.MaximumLength = 4;
    status = pRtlIntegerToUnicodeString(123456, 10, &us);
    ok(status == STATUS_BUFFER_OVERFLOW, "short buffer status %#lx\n", status);
}

static ULONG string_to_integer(const WCHAR *text, ULONG base, NTSTATUS *status)
{
    UNICODE_STRING us;
    ULONG value = 0xdeadbeef;
    pRtlInitUnicodeString(&us, text);
    *status = pRtlUnicodeStringToInteger(&us, base, &value);
    return value;
}

static void test_string_to_integer(void)
{
    NTSTATUS status;
    ULONG v;

    v = string_to_integer(L"1234", 0, &status);
    ok(status == STATUS_SUCCESS && v == 1234, "1234: %#lx %lu\n", status, v);
    /* base 0 takes a 0x, 0o or 0b prefix */
    v = string_to_integer(L"0x1A", 0, &status);
    ok(status == STATUS_SUCCESS && v == 26, "0x1A: %lu\n", v);
    v = string_to_integer(L"0b101", 0, &status);
    ok(status == STATUS_SUCCESS && v == 5, "0b101: %lu\n", v);
    v = string_to_integer(L"  -12", 10, &status);
    ok(status == STATUS_SUCCESS && v == (ULONG)-12, "  -12: %ld\n", (LONG)v);
    v = string_to_integer(L"ff", 16, &status);
    ok(status == STATUS_SUCCESS && v == 255, "ff: %lu\n", v);
    /* conversion stops at the first non-digit */
    v = string_to_integer(L"42abc", 10, &status);
    ok(status == STATUS_SUCCESS && v == 42, "42abc: %lu\n", v);
    string_to_integer(L"1", 3, &status);
    ok(status == STATUS_INVALID_PARAMETER, "base 3 status %#lx\n", status);
}

static void test_status_to_dos(void)
{
    static const struct { NTSTATUS status; ULONG error; } map[] =
    {
        { STATUS_SUCCESS, ERROR_SUCCESS },
        { STATUS_OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND },
        { STATUS_OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND },
        { STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED },
        { STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE },
        { STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY },
        { STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER },
        { STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER },
        { STATUS_OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS },
        { STATUS_SHARING_VIOLATION, ERROR_SHARING_VIOLATION },
        { STATUS_END_OF_FILE, ERROR_HANDLE_EOF },
        { STATUS_NO_SUCH_FILE, ERROR_FILE_NOT_FOUND },
        { STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA },
        { STATUS_FILE_IS_A_DIRECTORY, ERROR_ACCESS_DENIED },
        /* no mapping: ERROR_MR_MID_NOT_FOUND */
        { (NTSTATUS)0xc0ffee00, ERROR_MR_MID_NOT_FOUND },
        /* a HRESULT-style Win32 status carries its error code */
        { (NTSTATUS)0xc0070005, ERROR_ACCESS_DENIED },
    };
    unsigned int i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        ok(pRtlNtStatusToDosError(map[i].status) == map[i].error, "status %#lx gave %lu, expected %lu\n",
           map[i].status, pRtlNtStatusToDosError(map[i].status), map[i].error);
}

#define ANY_PART ((const WCHAR *)1)  /* file part not checked */

static void check_nt_path_(int line, const WCHAR *dos, const WCHAR *nt, const WCHAR *file_part)
{
    UNICODE_STRING us = { 0 };
    WCHAR *part = NULL;
    BOOLEAN ret = pRtlDosPathNameToNtPathName_U(dos, &us, &part, NULL);

    test_ok_(0, __FILE__, line, ret && ustr_is(&us, nt), "%ls gave %.*ls\n", dos, us.Length / 2,
             us.Buffer ? us.Buffer : L"");
    if (ret && file_part != ANY_PART)
        test_ok_(0, __FILE__, line, file_part ? part && !wcscmp(part, file_part) : !part,
                 "file part %ls\n", part ? part : L"(null)");
    if (ret) pRtlFreeUnicodeString(&us);
}
#define check_nt_path(d, n, f) check_nt_path_(__LINE__, d, n, f)

static void test_dos_path(void)
{
    check_nt_path(L"C:\\a\\b", L"\\??\\C:\\a\\b", L"b");
    check_nt_path(L"C:/a/./x/../b.txt", L"\\??\\C:\\a\\b.txt", L"b.txt");
    /* a trailing separator leaves no file part */
    check_nt_path(L"C:\\dir\\", L"\\??\\C:\\dir\\", NULL);
    check_nt_path(L"\\\\server\\share\\f", L"\\??\\UNC\\server\\share\\f", L"f");
    /* \\?\ paths pass through untouched */
    check_nt_path(L"\\\\?\\C:\\raw\\..\\x", L"\\??\\C:\\raw\\..\\x", ANY_PART);
}

int main(int argc, char **argv)
{
    test_start("ntdll:rtlstr");
    if (!load_functions())
    {
        ok(0, "an Rtl string function is missing from ntdll\n");
        return test_summary();
    }
    test_init();
    test_ansi_conversion();
    test_compare();
    test_integer_to_string();
    test_string_to_integer();
    test_status_to_dos();
    test_dos_path();
    return test_summary();
}
