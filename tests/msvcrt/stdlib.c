/*
 * tests/msvcrt/stdlib.c — <stdlib.h> of msvcrt.dll: number parsing
 * (ato*, strto*, overflow and errno), number formatting (_itoa…), qsort and
 * bsearch, integer helpers, the heap (malloc…, _msize, _aligned_malloc), the
 * environment, rand's documented sequence, the command line as msvcrt parses
 * it (__argc/__argv), paths (_fullpath, _splitpath, _makepath, _getcwd,
 * _chdir) and exit: atexit order and the exit code, seen from a child run of
 * this same program.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <malloc.h>
#include <direct.h>

static void test_atoi(void)
{
    ok(atoi("  -123abc") == -123 && atoi("abc") == 0 && atoi("+7") == 7, "atoi\n");
    ok(atol("2147483647") == 2147483647L, "atol\n");
    ok(_atoi64("-9223372036854775807") == -9223372036854775807ll, "_atoi64\n");
    ok(atof("1.5e2") == 150.0, "atof\n");
}

static void test_strtol(void)
{
    const char *s;
    char *end;
    long l;

    s = "  0x1Fz";
    ok(strtol(s, &end, 0) == 31 && end == s + 6, "strtol base 0 hex\n");
    s = "0755";
    ok(strtol(s, &end, 0) == 0755 && end == s + 4, "strtol base 0 octal\n");
    ok(strtol("ff", NULL, 16) == 255 && strtol("0xff", NULL, 16) == 255, "strtol base 16\n");
    ok(strtol("z", NULL, 36) == 35, "strtol base 36\n");
    s = "xyz";
    ok(strtol(s, &end, 10) == 0 && end == s, "no digits: endptr is the string\n");

    errno = 0;
    l = strtol("99999999999", &end, 10);
    ok(l == LONG_MAX && errno == ERANGE && *end == 0, "strtol overflow: %ld errno %d\n", l, errno);
    errno = 0;
    l = strtol("-99999999999", NULL, 10);
    ok(l == LONG_MIN && errno == ERANGE, "strtol underflow: %ld\n", l);
    errno = 0;
    ok(strtol("12", NULL, 10) == 12 && errno == 0, "errno untouched on success\n");

    /* strtoul accepts a sign and negates in unsigned arithmetic */
    ok(strtoul("-1", NULL, 10) == ULONG_MAX, "strtoul(-1)\n");
    errno = 0;
    ok(strtoul("4294967296", NULL, 10) == ULONG_MAX && errno == ERANGE, "strtoul overflow\n");
    ok(_strtoi64("-0x8000000000000000", NULL, 16) == LLONG_MIN, "_strtoi64\n");
    errno = 0;
    ok(_strtoi64("9223372036854775808", NULL, 10) == LLONG_MAX && errno == ERANGE, "_strtoi64 overflow\n");
    ok(_strtoui64("18446744073709551615", NULL, 10) == ULLONG_MAX, "_strtoui64\n");
}

/* mingw links its own strtod ahead of msvcrt.dll's: call the DLL's. */
static double (__cdecl *p_strtod)(const char *, char **);
#undef strtod
#define strtod p_strtod

static void test_strtod(void)
{
    const char *s;
    char *end;
    double d;

    p_strtod = (void *)GetProcAddress(GetModuleHandleA("msvcrt.dll"), "strtod");
    if (!ok(p_strtod != NULL, "no strtod export\n")) return;

    s = "  -1.25e-2xyz";
    d = strtod(s, &end);
    ok(d == -0.0125 && end == s + 10, "strtod: %g\n", d);
    errno = 0;
    d = strtod("1e400", &end);
    ok(d == HUGE_VAL && errno == ERANGE, "strtod overflow: %g errno %d\n", d, errno);
    errno = 0;
    d = strtod("-1e400", NULL);
    ok(d == -HUGE_VAL && errno == ERANGE, "strtod negative overflow\n");
    errno = 0;
    d = strtod("1e-400", NULL);
    ok(d == 0.0 && errno == ERANGE, "strtod underflow: %g errno %d\n", d, errno);
    s = ".5";
    ok(strtod(s, &end) == 0.5 && end == s + 2, "strtod leading dot\n");
    ok(strtod("0.1", NULL) == 0.1, "strtod rounding of 0.1\n");
}

static void test_itoa(void)
{
    char buf[80];

    ok(!strcmp(_itoa(-255, buf, 10), "-255"), "_itoa: %s\n", buf);
    /* outside base 10 the value is taken as unsigned */
    ok(!strcmp(_itoa(-1, buf, 16), "ffffffff"), "_itoa hex: %s\n", buf);
    ok(!strcmp(_itoa(5, buf, 2), "101"), "_itoa binary\n");
    ok(!strcmp(_ltoa(-2147483647L - 1, buf, 10), "-2147483648"), "_ltoa: %s\n", buf);
    ok(!strcmp(_ui64toa(18446744073709551615ull, buf, 10), "18446744073709551615"), "_ui64toa\n");
    ok(!strcmp(_i64toa(-1, buf, 36), "3w5e11264sgsf"), "_i64toa base 36: %s\n", buf);
    ok(!strcmp(_ultoa(0xabcdul, buf, 16), "abcd"), "_ultoa\n");
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void test_sort(void)
{
    int v[] = { 5, -3, 9, 0, 5, 2, -8, 7 }, key, *found, i, sorted = 1;

    qsort(v, 8, sizeof(int), cmp_int);
    for (i = 1; i < 8; i++) if (v[i - 1] > v[i]) sorted = 0;
    ok(sorted && v[0] == -8 && v[7] == 9, "qsort\n");
    key = 7;
    found = bsearch(&key, v, 8, sizeof(int), cmp_int);
    ok(found && *found == 7, "bsearch found\n");
    key = 4;
    ok(bsearch(&key, v, 8, sizeof(int), cmp_int) == NULL, "bsearch missing\n");
}

static void test_arith(void)
{
    div_t d = div(-7, 2);
    ldiv_t ld = ldiv(7L, -2L);

    ok(abs(-5) == 5 && labs(-5L) == 5 && _abs64(-5ll) == 5, "abs\n");
    /* C89 on Windows already truncates towards zero */
    ok(d.quot == -3 && d.rem == -1, "div: %d %d\n", d.quot, d.rem);
    ok(ld.quot == -3 && ld.rem == 1, "ldiv\n");
    ok(_rotl(0x80000001u, 1) == 3 && _rotr(1u, 1) == 0x80000000u, "_rotl/_rotr\n");
}

static void test_heap(void)
{
    char *p, *q;
    int i, zero = 1;

    p = malloc(100);
    ok(p != NULL && ((ULONG_PTR)p & 15) == 0, "malloc is 16-byte aligned: %p\n", p);
    ok(_msize(p) == 100, "_msize: %u\n", (unsigned)_msize(p));
    memset(p, 'x', 100);
    q = realloc(p, 10000);
    ok(q != NULL && q[99] == 'x' && _msize(q) == 10000, "realloc keeps the data\n");
    free(q);
    p = calloc(50, 4);
    for (i = 0; p && i < 200; i++) if (p[i]) zero = 0;
    ok(p && zero, "calloc zeroes\n");
    free(p);
    p = malloc(0);
    ok(p != NULL, "malloc(0) returns a block\n");
    free(p);
    free(NULL);
    p = realloc(NULL, 8);
    ok(p != NULL, "realloc(NULL) allocates\n");
    free(p);

    p = _aligned_malloc(100, 256);
    ok(p && ((ULONG_PTR)p & 255) == 0, "_aligned_malloc: %p\n", p);
    _aligned_free(p);
    p = _aligned_offset_malloc(64, 32, 8);
    ok(p && ((ULONG_PTR)(p + 8) & 31) == 0, "_aligned_offset_malloc\n");
    _aligned_free(p);
}

static void test_environment(void)
{
    char buf[64];

    ok(getenv("WLX_TEST_UNSET_VAR") == NULL, "getenv of unset\n");
    ok(_putenv("WLX_TEST_VAR=hello") == 0, "_putenv\n");
    ok(getenv("WLX_TEST_VAR") && !strcmp(getenv("WLX_TEST_VAR"), "hello"), "getenv\n");
    /* names are case-insensitive */
    ok(getenv("wlx_test_var") != NULL, "getenv case\n");
    ok(_wgetenv(L"WLX_TEST_VAR") && !wcscmp(_wgetenv(L"WLX_TEST_VAR"), L"hello"), "_wgetenv\n");
    /* the process environment follows */
    ok(GetEnvironmentVariableA("WLX_TEST_VAR", buf, sizeof(buf)) == 5 && !strcmp(buf, "hello"),
       "GetEnvironmentVariable: %s\n", buf);
    /* "NAME=" removes the variable */
    ok(_putenv("WLX_TEST_VAR=") == 0 && getenv("WLX_TEST_VAR") == NULL, "_putenv removal\n");
    ok(GetEnvironmentVariableA("WLX_TEST_VAR", buf, sizeof(buf)) == 0, "removed from the process\n");
}

static void test_rand(void)
{
    int a, b, c;

    /* the documented LCG: seed = seed * 214013 + 2531011, (seed >> 16) & 0x7fff */
    srand(1);
    a = rand(); b = rand(); c = rand();
    ok(a == 41 && b == 18467 && c == 6334, "rand after srand(1): %d %d %d\n", a, b, c);
    srand(1);
    ok(rand() == 41, "srand restarts the sequence\n");
    ok(RAND_MAX == 0x7fff, "RAND_MAX\n");
}

static void test_paths(void)
{
    char cwd[MAX_PATH], buf[MAX_PATH], tmp[MAX_PATH], expect[MAX_PATH];
    char drive[8], dir[MAX_PATH], fname[MAX_PATH], ext[MAX_PATH];

    ok(_getcwd(cwd, sizeof(cwd)) == cwd, "_getcwd\n");
    GetCurrentDirectoryA(sizeof(buf), buf);
    ok(!strcmp(cwd, buf), "_getcwd %s vs %s\n", cwd, buf);

    ok(_fullpath(buf, "a\\..\\b.txt", sizeof(buf)) == buf, "_fullpath\n");
    sprintf(expect, "%s%sb.txt", cwd, cwd[strlen(cwd) - 1] == '\\' ? "" : "\\");
    ok(!_stricmp(buf, expect), "_fullpath: %s, expected %s\n", buf, expect);

    _splitpath("C:\\dir\\sub\\file.tar.gz", drive, dir, fname, ext);
    ok(!strcmp(drive, "C:") && !strcmp(dir, "\\dir\\sub\\") && !strcmp(fname, "file.tar")
       && !strcmp(ext, ".gz"), "_splitpath: %s|%s|%s|%s\n", drive, dir, fname, ext);
    _splitpath("name", drive, dir, fname, ext);
    ok(!*drive && !*dir && !strcmp(fname, "name") && !*ext, "_splitpath plain name\n");
    _makepath(buf, "D", "\\top", "f", "txt");
    ok(!strcmp(buf, "D:\\top\\f.txt"), "_makepath: %s\n", buf);

    GetTempPathA(sizeof(tmp), tmp);
    ok(_chdir(tmp) == 0, "_chdir\n");
    _getcwd(buf, sizeof(buf));
    strcat(buf, "\\");
    ok(!_stricmp(buf, tmp), "after _chdir: %s vs %s\n", buf, tmp);
    errno = 0;
    ok(_chdir("Z:\\wlx-no-such-dir\\x") == -1 && errno == ENOENT, "_chdir missing: errno %d\n", errno);
    _chdir(cwd);
}

/* ---- child side: what a run of this program with arguments does ---- */

static FILE *child_out;

static void at_first(void) { fputs("first;", child_out); fclose(child_out); }
static void at_second(void) { fputs("second;", child_out); }

static int child_main(int argc, char **argv)
{
    int i;

    child_out = fopen(argv[2], "w");
    if (!strcmp(argv[1], "args"))
    {
        fprintf(child_out, "%d", argc);
        for (i = 3; i < argc; i++) fprintf(child_out, "|%s", argv[i]);
        fprintf(child_out, "|%d|%d", __argc == argc, !strcmp(__argv[argc - 1], argv[argc - 1]));
        fclose(child_out);
        return 0;
    }
    /* "exit": handlers run in reverse order of registration */
    atexit(at_first);
    atexit(at_second);
    fputs("main;", child_out);
    exit(42);
}

/* Runs this program with the given arguments; returns its exit code and
 * what it wrote to its output file. */
static DWORD run_child(const char *args, char *out, size_t size)
{
    char self[MAX_PATH], path[MAX_PATH], cmd[1024];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    FILE *f;
    size_t n = 0;

    GetModuleFileNameA(NULL, self, sizeof(self));
    GetTempPathA(sizeof(path), path);
    strcat(path, "wlx_stdlib_child.txt");
    DeleteFileA(path);
    _snprintf(cmd, sizeof(cmd), "\"%s\" %s %s", self, args, path);
    if (!CreateProcessA(self, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return code;
    WaitForSingleObject(pi.hProcess, 30000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if ((f = fopen(path, "r")))
    {
        n = fread(out, 1, size - 1, f);
        fclose(f);
    }
    out[n] = 0;
    DeleteFileA(path);
    return code;
}

/* The child's own command line puts its output file second, so the parsed
 * arguments we want to see start at argv[3]. */
static void test_command_line(int argc, char **argv)
{
    char out[512];
    DWORD code;

    /* mingw's start-up code may hand main a copy of msvcrt's __argv */
    ok(__argc == argc && !strcmp(__argv[0], argv[0]), "__argc/__argv\n");
    ok(strstr(GetCommandLineA(), "stdlib") != NULL, "GetCommandLine: %s\n", GetCommandLineA());

    code = run_child("args", out, sizeof(out));
    ok(code == 0, "args child exit code %lu\n", code);
    ok(!strcmp(out, "3|1|1"), "no extra arguments: %s\n", out);
}

static void test_quoting(void)
{
    char self[MAX_PATH], out[512], path[MAX_PATH], cmd[1024];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    FILE *f;
    size_t n = 0;

    /* argv[2] (the output file) comes first so the tricky part is last */
    GetModuleFileNameA(NULL, self, sizeof(self));
    GetTempPathA(sizeof(path), path);
    strcat(path, "wlx_stdlib_args.txt");
    _snprintf(cmd, sizeof(cmd), "\"%s\" args %s plain \"two words\" back\\slash q\\\"d \"tail\\\\\" x\"y z\"",
              self, path);
    if (!CreateProcessA(self, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
    {
        ok(0, "CreateProcess failed: %lu\n", GetLastError());
        return;
    }
    WaitForSingleObject(pi.hProcess, 30000);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if ((f = fopen(path, "r"))) { n = fread(out, 1, sizeof(out) - 1, f); fclose(f); }
    out[n] = 0;
    DeleteFileA(path);
    /* backslashes are literal unless they precede a quote; \" is a quote;
     * 2n backslashes + quote are n backslashes and a quote that toggles */
    ok(!strcmp(out, "9|plain|two words|back\\slash|q\"d|tail\\|xy z|1|1"), "parsed: %s\n", out);
}

static void test_exit(void)
{
    char out[256];
    DWORD code = run_child("exit", out, sizeof(out));

    ok(code == 42, "exit code %lu\n", code);
    ok(!strcmp(out, "main;second;first;"), "atexit order: %s\n", out);
}

static void test_errno(void)
{
    errno = 0;
    ok(_errno() == &errno, "_errno() is errno's address\n");
    strtol("99999999999", NULL, 10);
    ok(*_errno() == ERANGE && ERANGE == 34 && EDOM == 33 && ENOENT == 2 && EEXIST == 17, "errno values\n");
}

int main(int argc, char **argv)
{
    if (argc >= 3) return child_main(argc, argv);

    test_start("msvcrt:stdlib");
    test_atoi();
    test_strtol();
    test_strtod();
    test_itoa();
    test_sort();
    test_arith();
    test_heap();
    test_environment();
    test_rand();
    test_paths();
    test_command_line(argc, argv);
    test_quoting();
    test_exit();
    test_errno();
    return test_summary();
}
