/*
 * tests/ucrtbase/printf.c — the printf family of the Universal CRT
 * (ucrtbase.dll, reached through api-ms-win-crt-stdio), where it differs
 * from msvcrt.dll: C99 spellings of infinities and NaNs, 2-digit
 * exponents, C99 size prefixes (z, j, t, hh, ll), snprintf returning the
 * length it would have written, %n refused unless enabled, and the legacy
 * _snprintf kept as it was.
 *
 * Build against UCRT: tools/ucrt-specs.sh ucrt.specs, then
 *   x86_64-w64-mingw32-gcc -specs=ucrt.specs -D_UCRT
 *     -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin -Itests ...
 */
#include "test.h"
#include <stdlib.h>
#include <stdint.h>
#include <wchar.h>
#include <errno.h>
#include <math.h>

/* some formats are deliberately ones gcc's checker rejects */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

#define CHECK(expect, ...) do { \
        char b_[256]; int r_; \
        memset(b_, 0x55, sizeof(b_)); \
        r_ = sprintf(b_, __VA_ARGS__); \
        ok(!strcmp(b_, expect) && r_ == (int)strlen(expect), \
           "%s: got \"%s\" (%d), expected \"%s\"\n", #__VA_ARGS__, b_, r_, expect); \
    } while (0)

static int invalid_calls;

static void __cdecl on_invalid(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                               unsigned int line, uintptr_t reserved)
{
    invalid_calls++;
}

static void test_c99_sizes(void)
{
    CHECK("18446744073709551615", "%zu", (size_t)-1);
    CHECK("-5", "%zd", (ptrdiff_t)-5);
    CHECK("-9223372036854775807", "%jd", (intmax_t)-9223372036854775807ll);
    CHECK("-3", "%td", (ptrdiff_t)-3);
    CHECK("-5000000000", "%lld", -5000000000ll);
    {
        /* Wine 8's ucrtbase reads hh as h ("300 255", "65535") */
        char b[32];
        sprintf(b, "%hhd %hhd %hhu", 300, 255, -1);
        todo_wine(!strcmp(b, "44 -1 255"), "%%hhd: \"%s\"\n", b);
    }
    /* the Microsoft prefixes still work */
    CHECK("-1 -1 1099511627776", "%I32d %I64d %Iu", -1, -1ll, (size_t)1 << 40);
    CHECK("0000000000001234", "%p", (void *)0x1234);
}

static void test_floats(void)
{
    union { unsigned __int64 i; double d; } ind = { 0xfff8000000000000ull },
                                            qnan = { 0x7ff8000000000000ull };
    double inf = HUGE_VAL;
    char buf[32];

    CHECK("1.000000e+00", "%e", 1.0);
    CHECK("1.000000e+300", "%e", 1e300);
    CHECK("1e-05", "%g", 0.00001);
    CHECK("1.23457e+06", "%g", 1234567.0);
    CHECK("inf -inf INF", "%f %f %F", inf, -inf, inf);
    CHECK("inf", "%e", inf);
    CHECK("nan", "%f", qnan.d);
    CHECK("NAN", "%F", qnan.d);
    /* the x86 "indefinite" NaN keeps a mark of its own */
    CHECK("-nan(ind)", "%f", ind.d);
    CHECK("       inf", "%10f", inf);
    CHECK("0x1.0000000000000p+0", "%a", 1.0);
    CHECK("-0.000000", "%f", -0.0);
    CHECK("3.141593", "%f", 3.14159265);

    /* Exact ties: Windows 10 2004's ucrtbase rounds them to even when the
     * caller passes _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING (the current MSVC
     * headers do), half away from zero otherwise (mingw's headers do not
     * pass it; older ucrtbase always did that). Either is a Windows answer;
     * anything else is not. */
    sprintf(buf, "%.2f %.0f %.0f", 0.125, 2.5, 3.5);
    ok(!strcmp(buf, "0.12 2 4") || !strcmp(buf, "0.13 3 4"), "tie rounding: %s\n", buf);
}

static void test_lengths(void)
{
    char buf[16];
    int r;

    /* C99 snprintf: the would-be length, always terminated */
    memset(buf, 'x', sizeof(buf));
    r = snprintf(buf, 4, "%s", "hello");
    ok(r == 5 && !strcmp(buf, "hel"), "snprintf: %d \"%s\"\n", r, buf);
    ok(snprintf(NULL, 0, "%d", 123456) == 6, "snprintf(NULL, 0)\n");

    /* the legacy _snprintf is unchanged: -1 and no terminator */
    memset(buf, 'x', sizeof(buf));
    r = _snprintf(buf, 4, "%s", "hello");
    ok(r == -1 && !memcmp(buf, "hellx", 5), "_snprintf: %d\n", r);
    memset(buf, 'x', sizeof(buf));
    r = _snprintf(buf, 5, "%s", "hello");
    ok(r == 5 && buf[5] == 'x', "_snprintf exactly full: %d\n", r);
    ok(_scprintf("%s%d", "ab", 12) == 4, "_scprintf\n");
}

static void test_percent_n(void)
{
    _invalid_parameter_handler old;
    char buf[32];
    int n = -1, r;

    /* %n is off by default: the invalid parameter handler runs and the
     * call fails with EINVAL */
    ok(_get_printf_count_output() == 0, "%%n enabled by default\n");
    old = _set_invalid_parameter_handler(on_invalid);
    errno = 0;
    r = sprintf(buf, "ab%n", &n);
    ok(r == -1 && errno == EINVAL, "%%n off: %d errno %d\n", r, errno);
    ok(invalid_calls == 1, "handler called %d times\n", invalid_calls);

    ok(_set_printf_count_output(1) == 0, "_set_printf_count_output returns the old state\n");
    ok(_get_printf_count_output() == 1, "enabled\n");
    r = sprintf(buf, "abc%nd", &n);
    ok(r == 4 && n == 3, "%%n on: %d %d\n", r, n);
    _set_printf_count_output(0);
    _set_invalid_parameter_handler(old);
}

static void test_wide(void)
{
    wchar_t buf[32];
    int r;

    /* without _CRT_STDIO_ISO_WIDE_SPECIFIERS %s stays wide in wide calls */
    r = swprintf(buf, 32, L"%s|%S|%hs|%d", L"wide", "narrow", "h", 5);
    ok(r == 15 && !wcscmp(buf, L"wide|narrow|h|5"), "swprintf: %d \"%ls\"\n", r, buf);
    r = swprintf(buf, 4, L"%s", L"toolong");
    ok(r == -1, "swprintf overflow: %d\n", r);
    r = swprintf(buf, 32, L"%e %f", 1.0, HUGE_VAL);
    ok(!wcscmp(buf, L"1.000000e+00 inf"), "swprintf floats: \"%ls\"\n", buf);
}

static void test_file(void)
{
    char path[MAX_PATH], buf[32];
    FILE *f;
    size_t n;

    GetTempPathA(sizeof(path), path);
    strcat(path, "wlx_ucrt_printf.txt");
    f = fopen(path, "w");
    ok(fprintf(f, "%zu %e\n", (size_t)7, 2.0) == 15, "fprintf\n");
    fclose(f);
    f = fopen(path, "rb");
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    ok(!strcmp(buf, "7 2.000000e+00\r\n"), "file: \"%s\"\n", buf);
    remove(path);
}

int main(int argc, char **argv)
{
    test_start("ucrtbase:printf");
    ok(GetModuleHandleA("ucrtbase.dll") != NULL, "not linked against ucrtbase\n");
    test_c99_sizes();
    test_floats();
    test_lengths();
    test_percent_n();
    test_wide();
    test_file();
    return test_summary();
}
