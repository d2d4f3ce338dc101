/*
 * tests/ucrtbase/misc.c — the Universal CRT beyond stdio: strtod's C99
 * forms (hex floats, inf, nan), the start-up path (mingw's start-up asks
 * ucrtbase for the arguments through _configure_narrow_argv and
 * __p___argc/__p___argv), exit codes and exit handlers (atexit,
 * at_quick_exit) seen from a child run of this program, and the
 * environment (getenv, _putenv_s, _dupenv_s), strnlen, locale objects
 * (_create_locale), the C99 64-bit conversions (strtoll, strtoull,
 * wcstoull: GraalVM's images parse -Xmx with strtoull).
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>
#include <errno.h>
#include <math.h>
#include <locale.h>

static HMODULE ucrt;

/* mingw may put its own strtod ahead of the CRT's: call ucrtbase's */
static void test_strtod(void)
{
    double (__cdecl *p_strtod)(const char *, char **) = (void *)GetProcAddress(ucrt, "strtod");
    float (__cdecl *p_strtof)(const char *, char **) = (void *)GetProcAddress(ucrt, "strtof");
    const char *s;
    char *end;
    double d;

    if (!ok(p_strtod && p_strtof, "no strtod/strtof in ucrtbase\n")) return;
    s = "0x1.8p1z";
    d = p_strtod(s, &end);
    ok(d == 3.0 && end == s + 7, "hex float: %g, %d chars\n", d, (int)(end - s));
    ok(p_strtod("0X10", NULL) == 16.0, "hex without exponent\n");
    ok(p_strtod("-0x.8", NULL) == -0.5, "hex fraction\n");
    s = "INFINITY!";
    ok(p_strtod(s, &end) == HUGE_VAL && end == s + 8, "INFINITY\n");
    s = "-inf";
    ok(p_strtod(s, &end) == -HUGE_VAL && end == s + 4, "-inf\n");
    s = "nan(123)x";
    d = p_strtod(s, &end);
    ok(isnan(d), "nan(123)\n");
    /* C99's nan(n-char-sequence): Wine 8 stops after "nan" */
    todo_wine(end == s + 8, "nan(123): %d chars\n", (int)(end - s));
    errno = 0;
    ok(p_strtod("1e400", NULL) == HUGE_VAL && errno == ERANGE, "overflow\n");
    ok(p_strtof("1.5", NULL) == 1.5f, "strtof\n");
    errno = 0;
    ok(p_strtof("1e40", NULL) == HUGE_VALF && errno == ERANGE, "strtof overflow\n");
}

/* strnlen (api-ms-win-crt-string; libvips imports it): stops at the NUL
 * or at the limit, whichever comes first */
static void test_strtoll(void)
{
    long long (__cdecl *p_strtoll)(const char *, char **, int) = (void *)GetProcAddress(ucrt, "strtoll");
    unsigned long long (__cdecl *p_strtoull)(const char *, char **, int) = (void *)GetProcAddress(ucrt, "strtoull");
    unsigned long long (__cdecl *p_wcstoull)(const wchar_t *, wchar_t **, int) = (void *)GetProcAddress(ucrt, "wcstoull");
    char *end;
    wchar_t *wend;

    if (!ok(p_strtoll && p_strtoull && p_wcstoull, "no strtoll/strtoull/wcstoull in ucrtbase\n")) return;
    ok(p_strtoull("16777216m", &end, 10) == 16777216ULL && *end == 'm', "strtoull with a suffix\n");
    ok(p_strtoull("0xffffffffffffffff", &end, 0) == ~0ULL && !*end, "strtoull of 2^64-1\n");
    errno = 0;
    ok(p_strtoull("18446744073709551616", &end, 10) == ~0ULL && errno == ERANGE, "strtoull overflow\n");
    ok(p_strtoll("-9223372036854775808", &end, 10) == (-9223372036854775807LL - 1) && !*end, "strtoll minimum\n");
    errno = 0;
    ok(p_strtoll("9223372036854775808", &end, 10) == 9223372036854775807LL && errno == ERANGE, "strtoll overflow\n");
    ok(p_wcstoull(L" 077x", &wend, 0) == 077 && *wend == 'x', "wcstoull octal\n");
}

static void test_strnlen(void)
{
    size_t (__cdecl *p_strnlen)(const char *, size_t) = (void *)GetProcAddress(ucrt, "strnlen");
    char unterminated[4] = { 'a', 'b', 'c', 'd' };

    if (!ok(p_strnlen != NULL, "no strnlen in ucrtbase\n")) return;
    ok(p_strnlen("abc", 10) == 3, "shorter than the limit\n");
    ok(p_strnlen(unterminated, 4) == 4, "no NUL within the limit\n");
    ok(p_strnlen("abc", 2) == 2, "longer than the limit\n");
    ok(p_strnlen("", 5) == 0 && p_strnlen("abc", 0) == 0, "empty, zero limit\n");
}

/* _create_locale (libvips makes a "C" one for its number formatting):
 * known names give an object the _l functions take, others NULL */
static void test_create_locale(void)
{
    _locale_t (__cdecl *p_create)(int, const char *) = (void *)GetProcAddress(ucrt, "_create_locale");
    void (__cdecl *p_free)(_locale_t) = (void *)GetProcAddress(ucrt, "_free_locale");
    double (__cdecl *p_strtod_l)(const char *, char **, _locale_t) = (void *)GetProcAddress(ucrt, "_strtod_l");
    _locale_t loc;

    if (!ok(p_create && p_free && p_strtod_l, "no _create_locale, _free_locale or _strtod_l\n")) return;
    loc = p_create(LC_ALL, "C");
    ok(loc != NULL && loc->locinfo != NULL, "C locale: %p\n", loc);
    if (loc) ok(p_strtod_l("2.5", NULL, loc) == 2.5, "_strtod_l in C\n");
    p_free(loc);
    loc = p_create(LC_NUMERIC, "");
    ok(loc != NULL, "the user's locale: %p\n", loc);
    p_free(loc);
    ok(p_create(LC_ALL, "no-such-locale-name") == NULL, "an unknown name\n");
    ok(p_create(12345, "C") == NULL, "an unknown category\n");
    p_free(NULL);
}

static void test_environment(void)
{
    char *value = NULL;
    size_t len = 0;

    ok(getenv("WLX_UCRT_VAR") == NULL, "set before the test\n");
    ok(_putenv_s("WLX_UCRT_VAR", "v1") == 0, "_putenv_s\n");
    ok(getenv("WLX_UCRT_VAR") && !strcmp(getenv("WLX_UCRT_VAR"), "v1"), "getenv\n");
    ok(_dupenv_s(&value, &len, "WLX_UCRT_VAR") == 0 && value && !strcmp(value, "v1") && len == 3,
       "_dupenv_s: %s %u\n", value ? value : "(null)", (unsigned)len);
    free(value);
    ok(_putenv_s("WLX_UCRT_VAR", "") == 0 && getenv("WLX_UCRT_VAR") == NULL, "empty value removes\n");
}

/* ---- child side ---- */

static FILE *child_out;

static void at_exit_1(void) { fputs("atexit1;", child_out); fflush(child_out); }
static void at_exit_2(void) { fputs("atexit2;", child_out); fflush(child_out); }
static void at_quick(void) { fputs("quick;", child_out); fflush(child_out); }

static int child_main(int argc, char **argv)
{
    int i;

    child_out = fopen(argv[2], "w");
    if (!strcmp(argv[1], "args"))
    {
        fprintf(child_out, "%d", argc);
        for (i = 3; i < argc; i++) fprintf(child_out, "|%s", argv[i]);
        fprintf(child_out, "|%d|%s", *__p___argc() == argc, (*__p___argv())[argc - 1]);
        fclose(child_out);
        return 0x12345;   /* the full 32 bits reach GetExitCodeProcess */
    }
    atexit(at_exit_1);
    atexit(at_exit_2);
    at_quick_exit(at_quick);
    if (!strcmp(argv[1], "quick")) quick_exit(9);
    exit(7);
}

/* Runs this program as "self MODE OUTFILE EXTRA"; returns its exit code
 * and what it wrote to OUTFILE. */
static DWORD run_child(const char *mode, const char *extra, char *out, size_t size)
{
    char self[MAX_PATH], path[MAX_PATH], cmd[1024];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    FILE *f;
    size_t n = 0;

    GetModuleFileNameA(NULL, self, sizeof(self));
    GetTempPathA(sizeof(path), path);
    strcat(path, "wlx_ucrt_child.txt");
    DeleteFileA(path);
    _snprintf(cmd, sizeof(cmd), "\"%s\" %s %s %s", self, mode, path, extra);
    if (!CreateProcessA(self, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return code;
    WaitForSingleObject(pi.hProcess, 30000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if ((f = fopen(path, "r"))) { n = fread(out, 1, size - 1, f); fclose(f); }
    out[n] = 0;
    DeleteFileA(path);
    return code;
}

static void test_startup(int argc, char **argv)
{
    char out[512];
    DWORD code;

    ok(*__p___argc() == argc && !strcmp((*__p___argv())[0], argv[0]), "__p___argc/__p___argv\n");
    ok(argc == 1 && strstr(argv[0], "misc") != NULL, "argv[0] %s\n", argv[0]);

    code = run_child("args", "one \"two three\" a\\\\\\\"b \"c\\\\\"", out, sizeof(out));
    ok(code == 0x12345, "exit code %lx\n", code);
    ok(!strcmp(out, "7|one|two three|a\\\"b|c\\|1|c\\"), "child argv: %s\n", out);
}

static void test_exit(void)
{
    char out[256];
    DWORD code;

    /* exit: atexit handlers in reverse order, quick_exit handlers not */
    code = run_child("exit", "", out, sizeof(out));
    ok(code == 7, "exit code %lu\n", code);
    ok(!strcmp(out, "atexit2;atexit1;"), "exit handlers: %s\n", out);
    /* quick_exit: only the at_quick_exit handlers */
    code = run_child("quick", "", out, sizeof(out));
    ok(code == 9, "quick_exit code %lu\n", code);
    ok(!strcmp(out, "quick;"), "quick_exit handlers: %s\n", out);
}

int main(int argc, char **argv)
{
    if (argc >= 3) return child_main(argc, argv);

    test_start("ucrtbase:misc");
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (!ok(ucrt != NULL, "not linked against ucrtbase\n")) return test_summary();
    test_strtod();
    test_strtoll();
    test_strnlen();
    test_create_locale();
    test_environment();
    test_startup(argc, argv);
    test_exit();
    return test_summary();
}
