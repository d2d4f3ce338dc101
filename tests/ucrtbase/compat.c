/*
 * tests/ucrtbase/compat.c — smaller ucrtbase exports MSVC-built programs
 * import, each looked up by name (mingw's headers would send some calls
 * elsewhere):
 *   - __report_gsfailure: a child that calls it ends with 0xC0000409
 *     (STATUS_STACK_BUFFER_OVERRUN), the /GS fast fail;
 *   - _sopen_dispatch/_wsopen_dispatch, what the headers' C++ _open/_sopen
 *     call: (path, oflag, shflag, pmode, &fd, secure), fd -1 and the errno
 *     value on failure;
 *   - _atoll_l, _wtoll_l, _wcstoimax_l, _wcstoumax_l, _wctomb_l,
 *     _wctomb_s_l, _isblank_l, _iswcsym_l, _iswcsymf_l with the "C" locale;
 *   - _lock_locales/_unlock_locales: recursive, and a second thread waits;
 *   - _getsystime against GetLocalTime; _setsystime refusing a bad date;
 *   - _o_strtold, _o_wcstold, _o____lc_collate_cp_func;
 *   - __dcrt_get_wide_environment_from_os: a copy of the system's block.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include "winestub.h"
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <share.h>
#include <sys/stat.h>
#include <locale.h>
#include <time.h>
#include <wchar.h>
#include <stdint.h>

static HMODULE ucrt;
static int invalid_calls;

static void __cdecl on_invalid(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                               unsigned int line, uintptr_t reserved)
{
    invalid_calls++;
}

#define FUNC(name) ((void *)GetProcAddress(ucrt, name))

static DWORD run_child(const char *arg)
{
    char self[MAX_PATH], cmd[MAX_PATH + 32];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;

    GetModuleFileNameA(NULL, self, sizeof(self));
    sprintf(cmd, "\"%s\" %s", self, arg);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return code;
    WaitForSingleObject(pi.hProcess, 60000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void test_gsfailure(void)
{
    DWORD code;

    /* Wine 8's ucrtbase has it as a stub (the child would end in its debugger) */
    if (!FUNC("__report_gsfailure") || is_wine_stub(FUNC("__report_gsfailure")))
    {
        skip("no __report_gsfailure\n");
        return;
    }
    code = run_child("gsfailure");
    ok(code == 0xC0000409, "a child calling __report_gsfailure ended with %#lx\n", code);
}

static void test_sopen_dispatch(void)
{
    errno_t (__cdecl *p_sopen_dispatch)(const char *, int, int, int, int *, int) = FUNC("_sopen_dispatch");
    errno_t (__cdecl *p_wsopen_dispatch)(const wchar_t *, int, int, int, int *, int) = FUNC("_wsopen_dispatch");
    char dir[MAX_PATH], path[MAX_PATH];
    wchar_t wpath[MAX_PATH];
    int fd, err;
    char buf[8];

    if (!p_sopen_dispatch || !p_wsopen_dispatch) { skip("no _sopen_dispatch\n"); return; }
    GetTempPathA(sizeof(dir), dir);
    sprintf(path, "%swlxdispatch%lu.txt", dir, GetCurrentProcessId());
    MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, MAX_PATH);
    DeleteFileA(path);

    fd = 1234;
    err = p_sopen_dispatch(path, _O_RDONLY, _SH_DENYNO, 0, &fd, 0);
    ok(err == ENOENT && fd == -1, "missing file: %d fd %d\n", err, fd);
    err = p_sopen_dispatch(path, _O_CREAT | _O_WRONLY | _O_BINARY, _SH_DENYNO, _S_IREAD | _S_IWRITE, &fd, 1);
    ok(!err && fd >= 0, "create: %d fd %d\n", err, fd);
    if (fd >= 0)
    {
        ok(_write(fd, "abc", 3) == 3, "write\n");
        _close(fd);
    }
    fd = 1234;
    err = p_wsopen_dispatch(wpath, _O_RDONLY | _O_BINARY, _SH_DENYNO, 0, &fd, 1);
    ok(!err && fd >= 0, "wide open: %d fd %d\n", err, fd);
    if (fd >= 0)
    {
        ok(_read(fd, buf, sizeof(buf)) == 3 && !memcmp(buf, "abc", 3), "read back\n");
        _close(fd);
    }
    /* _O_EXCL on an existing file */
    err = p_sopen_dispatch(path, _O_CREAT | _O_EXCL | _O_WRONLY, _SH_DENYNO, _S_IWRITE, &fd, 0);
    ok(err == EEXIST && fd == -1, "exclusive create: %d fd %d\n", err, fd);

    invalid_calls = 0;
    fd = 1234;
    err = p_sopen_dispatch(NULL, _O_RDONLY, _SH_DENYNO, 0, &fd, 0);
    ok(err == EINVAL && fd == -1 && invalid_calls == 1, "NULL path: %d fd %d, %d reports\n", err, fd, invalid_calls);
    err = p_wsopen_dispatch(wpath, _O_RDONLY, _SH_DENYNO, 0, NULL, 0);
    ok(err == EINVAL && invalid_calls == 2, "NULL fd: %d, %d reports\n", err, invalid_calls);
    DeleteFileA(path);
}

static void test_locale_forms(void)
{
    long long (__cdecl *p_atoll_l)(const char *, _locale_t) = FUNC("_atoll_l");
    long long (__cdecl *p_wtoll_l)(const wchar_t *, _locale_t) = FUNC("_wtoll_l");
    intmax_t (__cdecl *p_wcstoimax_l)(const wchar_t *, wchar_t **, int, _locale_t) = FUNC("_wcstoimax_l");
    uintmax_t (__cdecl *p_wcstoumax_l)(const wchar_t *, wchar_t **, int, _locale_t) = FUNC("_wcstoumax_l");
    int (__cdecl *p_wctomb_l)(char *, wchar_t, _locale_t) = FUNC("_wctomb_l");
    errno_t (__cdecl *p_wctomb_s_l)(int *, char *, size_t, wchar_t, _locale_t) = FUNC("_wctomb_s_l");
    int (__cdecl *p_isblank_l)(int, _locale_t) = FUNC("_isblank_l");
    int (__cdecl *p_iswcsym_l)(wint_t, _locale_t) = FUNC("_iswcsym_l");
    int (__cdecl *p_iswcsymf_l)(wint_t, _locale_t) = FUNC("_iswcsymf_l");
    _locale_t c = _create_locale(LC_ALL, "C");
    wchar_t *end;
    char mb[4];
    int len;
    errno_t err;

    if (!p_atoll_l || !p_wtoll_l || !p_wcstoimax_l || !p_wcstoumax_l || !p_wctomb_l || !p_wctomb_s_l ||
        !p_isblank_l || !p_iswcsym_l || !p_iswcsymf_l)
    {
        skip("locale forms missing\n");
        return;
    }
    ok(p_atoll_l("  -9000000000123x", c) == -9000000000123LL, "_atoll_l\n");
    ok(p_wtoll_l(L"+77777777777", c) == 77777777777LL, "_wtoll_l\n");
    /* Wine 8 lacks _wcstoimax_l/_wcstoumax_l and _iswcsym_l/_iswcsymf_l (stubs) */
    if (is_wine_stub(p_wcstoimax_l)) skip("_wcstoimax_l is a stub in Wine\n");
    else
    {
    ok(p_wcstoimax_l(L" -0x7fffffffffffffff!", &end, 16, c) == -0x7fffffffffffffffLL && *end == '!',
       "_wcstoimax_l\n");
    ok(p_wcstoumax_l(L"18446744073709551615z", &end, 10, c) == 18446744073709551615ULL && *end == 'z',
       "_wcstoumax_l\n");
    errno = 0;
    ok(p_wcstoimax_l(L"99999999999999999999", NULL, 10, c) == INTMAX_MAX && errno == ERANGE,
       "_wcstoimax_l overflow\n");
    }

    memset(mb, 0, sizeof(mb));
    ok(p_wctomb_l(mb, L'A', c) == 1 && mb[0] == 'A', "_wctomb_l\n");
    errno = 0;
    ok(p_wctomb_l(mb, 0x263a, c) == -1 && errno == EILSEQ, "_wctomb_l of U+263A in \"C\": errno %d\n", errno);
    len = 77;
    err = p_wctomb_s_l(&len, mb, sizeof(mb), L'z', c);
    ok(!err && len == 1 && mb[0] == 'z', "_wctomb_s_l: %d %d\n", err, len);
    invalid_calls = 0;
    err = p_wctomb_s_l(&len, mb, 0, L'z', c);
    ok(err == ERANGE && len == -1 && invalid_calls == 1, "_wctomb_s_l no room: %d %d\n", err, len);

    ok(p_isblank_l(' ', c) && !p_isblank_l('\n', c) && !p_isblank_l('a', c), "_isblank_l\n");
    /* documented: a space or a horizontal tab; Wine 8's _isblank_l says 0 for the tab */
    todo_wine(p_isblank_l('\t', c) != 0, "_isblank_l of a tab\n");
    if (is_wine_stub(p_iswcsym_l)) { skip("_iswcsym_l is a stub in Wine\n"); _free_locale(c); return; }
    ok(p_iswcsym_l(L'_', c) && p_iswcsym_l(L'7', c) && p_iswcsym_l(L'q', c) && !p_iswcsym_l(L'-', c), "_iswcsym_l\n");
    ok(p_iswcsymf_l(L'_', c) && !p_iswcsymf_l(L'7', c) && p_iswcsymf_l(L'Q', c) && !p_iswcsymf_l(L'.', c),
       "_iswcsymf_l\n");
    _free_locale(c);
}

static volatile LONG locker_done;

static DWORD WINAPI locker(void *arg)
{
    void (__cdecl *p_lock)(void) = FUNC("_lock_locales");
    void (__cdecl *p_unlock)(void) = FUNC("_unlock_locales");
    p_lock();
    InterlockedExchange(&locker_done, 1);
    p_unlock();
    return 0;
}

static void test_lock_locales(void)
{
    void (__cdecl *p_lock)(void) = FUNC("_lock_locales");
    void (__cdecl *p_unlock)(void) = FUNC("_unlock_locales");
    HANDLE thread;

    if (!p_lock || !p_unlock) { skip("no _lock_locales\n"); return; }
    p_lock();
    p_lock();       /* recursive */
    thread = CreateThread(NULL, 0, locker, NULL, 0, NULL);
    /* the other thread cannot take the lock while this one holds it */
    ok(WaitForSingleObject(thread, 200) == WAIT_TIMEOUT && !locker_done, "the lock was not held\n");
    p_unlock();
    ok(!locker_done, "released by one unlock of two\n");
    p_unlock();
    ok(WaitForSingleObject(thread, 30000) == WAIT_OBJECT_0 && locker_done, "the other thread got the lock\n");
    CloseHandle(thread);
}

/* __dcrt_get_wide_environment_from_os: a copy of the system's block, freed with free() */
static void test_dcrt_environment(void)
{
    wchar_t *(__cdecl *p_get)(void) = FUNC("__dcrt_get_wide_environment_from_os");
    void (__cdecl *p_free)(void *) = FUNC("free");
    wchar_t *copy, *block, *p;
    size_t len;
    int found = 0;

    /* a stub in Wine 8 */
    if (!p_get || is_wine_stub(p_get)) { skip("no __dcrt_get_wide_environment_from_os\n"); return; }
    SetEnvironmentVariableW(L"WLXDCRTTEST", L"yes");
    copy = p_get();
    block = GetEnvironmentStringsW();
    ok(copy && copy != block, "a copy: %p %p\n", copy, block);
    for (p = block; *p; p += wcslen(p) + 1) ;
    len = p + 1 - block;
    ok(copy && !memcmp(copy, block, len * sizeof(wchar_t)), "the same block, double NUL included\n");
    for (p = copy; p && *p; p += wcslen(p) + 1) if (!wcscmp(p, L"WLXDCRTTEST=yes")) found = 1;
    ok(found, "the variable set just before is there\n");
    FreeEnvironmentStringsW(block);
    p_free(copy);
    SetEnvironmentVariableW(L"WLXDCRTTEST", NULL);
}

/* _o_ forms: the same functions under the names the UCRT's own code imports */
static void test_o_forms(void)
{
    double (__cdecl *p_o_strtold)(const char *, char **) = FUNC("_o_strtold");
    double (__cdecl *p_o_wcstold)(const wchar_t *, wchar_t **) = FUNC("_o_wcstold");
    unsigned int (__cdecl *p_o_collate)(void) = FUNC("_o____lc_collate_cp_func");
    unsigned int (__cdecl *p_collate)(void) = FUNC("___lc_collate_cp_func");
    char *end;
    wchar_t *wend;

    if (!p_o_strtold || !p_o_wcstold || !p_o_collate) { skip("no _o_strtold\n"); return; }
    ok(p_o_strtold("1.5e3x", &end) == 1500.0 && *end == 'x', "_o_strtold\n");
    ok(p_o_wcstold(L"-0.25", &wend) == -0.25 && !*wend, "_o_wcstold\n");
    ok(p_o_collate() == p_collate(), "_o____lc_collate_cp_func: %u\n", p_o_collate());
}

static void test_systime(void)
{
    unsigned int (__cdecl *p_getsystime)(struct tm *) = FUNC("_getsystime");
    unsigned int (__cdecl *p_setsystime)(struct tm *, unsigned int) = FUNC("_setsystime");
    SYSTEMTIME before, after;
    struct tm tm;
    unsigned int ms;

    /* Wine 8 has both as stubs */
    if (!p_getsystime || !p_setsystime || is_wine_stub(p_getsystime)) { skip("no _getsystime\n"); return; }
    /* compare field by field when no second passed between the readings */
    for (int tries = 0; tries < 10; tries++)
    {
        GetLocalTime(&before);
        memset(&tm, 0xcc, sizeof(tm));
        ms = p_getsystime(&tm);
        GetLocalTime(&after);
        if (before.wSecond == after.wSecond && before.wMinute == after.wMinute) break;
    }
    ok(tm.tm_year == before.wYear - 1900 && tm.tm_mon == before.wMonth - 1 && tm.tm_mday == before.wDay,
       "date %d-%d-%d\n", tm.tm_year, tm.tm_mon, tm.tm_mday);
    ok(tm.tm_hour == before.wHour && tm.tm_min == before.wMinute && tm.tm_sec == before.wSecond,
       "time %d:%d:%d\n", tm.tm_hour, tm.tm_min, tm.tm_sec);
    ok(tm.tm_wday == before.wDayOfWeek, "weekday %d, not %d\n", tm.tm_wday, before.wDayOfWeek);
    ok(ms < 1000 && ms >= before.wMilliseconds && ms <= after.wMilliseconds, "milliseconds %u\n", ms);
    {
        struct tm copy = tm;
        copy.tm_isdst = -1;
        mktime(&copy);
        ok(tm.tm_yday == copy.tm_yday, "day of the year %d, not %d\n", tm.tm_yday, copy.tm_yday);
    }
    /* month 13 is no date: refused, nothing set */
    tm.tm_mon = 12;
    ok(p_setsystime(&tm, 0) != 0, "_setsystime took month 13\n");
}

int main(int argc, char **argv)
{
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (argc > 1 && !strcmp(argv[1], "gsfailure"))
    {
        void (__cdecl *p_report_gsfailure)(uintptr_t) = FUNC("__report_gsfailure");
        SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
        p_report_gsfailure(0x1234);
        return 99;
    }
    _set_invalid_parameter_handler(on_invalid);
    test_gsfailure();
    test_sopen_dispatch();
    test_locale_forms();
    test_lock_locales();
    test_systime();
    test_o_forms();
    test_dcrt_environment();
    return test_summary();
}
