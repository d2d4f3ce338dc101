/*
 * tests/test.h — the conformance-test harness shared by every test program.
 *
 * A test encodes Windows behaviour. Each program runs under wlx (make check)
 * and under Wine (make check-reference); it prints one line per failure and a
 * summary, and exits non-zero when anything failed.
 *
 *   ok(cond, fmt, ...)        must hold on Windows, Wine and wlx.
 *   todo_wlx(cond, fmt, ...)  Windows behaviour wlx does not have yet: under
 *                             wlx a failure is counted as "todo", a success is
 *                             a failure (so the marker gets removed).
 *   todo_wine(cond, fmt, ...) Windows behaviour Wine gets wrong; the call site
 *                             carries a comment saying how Wine departs.
 *   broken(cond)              an older Windows' documented behaviour: true
 *                             only on real Windows.
 *   skip(fmt, ...)            a part that cannot run here (says why).
 *   test_platform()           "wlx", "wine" or "windows".
 *   test_summary()            prints the summary; returns the exit code.
 */
#ifndef WLX_TEST_H
#define WLX_TEST_H

#include <windows.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int test_count, test_failures, test_todos, test_skips;
static const char *test_name_ = "";

static __attribute__((unused)) const char *test_platform(void)
{
    static const char *platform;
    if (!platform)
    {
        HMODULE ntdll = GetModuleHandleA("ntdll.dll");
        if (ntdll && GetProcAddress(ntdll, "__wlx_version")) platform = "wlx";
        else if (ntdll && GetProcAddress(ntdll, "wine_get_version")) platform = "wine";
        else platform = "windows";
    }
    return platform;
}

static __attribute__((unused)) int test_is(const char *p) { return !strcmp(test_platform(), p); }

static void test_vreport(const char *file, int line, const char *what, const char *fmt, va_list ap)
{
    const char *base = strrchr(file, '/');
    fprintf(stdout, "%s:%d: %s: ", base ? base + 1 : file, line, what);
    vfprintf(stdout, fmt, ap);
    if (!*fmt || fmt[strlen(fmt) - 1] != '\n') fputc('\n', stdout);
    fflush(stdout);
}

/* kind: 0 plain, 1 todo on wlx, 2 todo on wine */
static __attribute__((unused)) int test_ok_(int kind, const char *file, int line, int cond, const char *fmt, ...)
{
    va_list ap;
    int todo = (kind == 1 && test_is("wlx")) || (kind == 2 && test_is("wine"));
    test_count++;
    va_start(ap, fmt);
    if (todo)
    {
        if (cond) { test_vreport(file, line, "Test succeeded inside todo block", fmt, ap); test_failures++; }
        else test_todos++;
    }
    else if (!cond)
    {
        test_vreport(file, line, "Test failed", fmt, ap);
        test_failures++;
    }
    va_end(ap);
    return cond;
}

static __attribute__((unused)) void test_skip_(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    test_vreport(file, line, "Tests skipped", fmt, ap);
    va_end(ap);
    test_skips++;
}

#define ok(cond, ...)        test_ok_(0, __FILE__, __LINE__, !!(cond), __VA_ARGS__)
#define todo_wlx(cond, ...)  test_ok_(1, __FILE__, __LINE__, !!(cond), __VA_ARGS__)
#define todo_wine(cond, ...) test_ok_(2, __FILE__, __LINE__, !!(cond), __VA_ARGS__)
#define skip(...)            test_skip_(__FILE__, __LINE__, __VA_ARGS__)
#define broken(cond)         (test_is("windows") && (cond))

static __attribute__((unused)) void test_start(const char *name) { test_name_ = name; }

static __attribute__((unused)) int test_summary(void)
{
    printf("%s: %d tests executed (%d marked as todo, %d skipped), %d failures\n",
           test_name_, test_count, test_todos, test_skips, test_failures);
    fflush(stdout);
    return test_failures ? 1 : 0;
}

#endif
