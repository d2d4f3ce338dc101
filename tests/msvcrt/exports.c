/*
 * tests/msvcrt/exports.c — msvcrt.dll's later exports, the ones mingw
 * programs reach when they use the "secure" and large-file functions:
 * _set_output_format (printf's exponent digits), the Windows version
 * getters, _get_environ, _get_errno/_set_errno, sprintf_s, memcpy_s,
 * _fseeki64/_ftelli64, mbrtowc/wcrtomb/btowc/wctob, frexpf. Each is
 * looked up in msvcrt.dll by name, so the test is about the DLL's
 * exports, not mingw's static replacements.
 */
#include <windows.h>
#include <stdio.h>
#include <errno.h>
#include <stdarg.h>
#include <wchar.h>
#include "test.h"

static HMODULE crt;
#define GET(name) name##_fn = (void *)GetProcAddress(crt, #name); ok(name##_fn != NULL, "no export " #name "\n")

static unsigned int (__cdecl *_set_output_format_fn)(unsigned int);
static unsigned int (__cdecl *_get_output_format_fn)(void);
static int (__cdecl *_get_osplatform_fn)(unsigned int *);
static int (__cdecl *_get_winmajor_fn)(unsigned int *);
static int (__cdecl *_get_winminor_fn)(unsigned int *);
static int (__cdecl *_get_environ_fn)(char ***);
static int (__cdecl *_get_errno_fn)(int *);
static int (__cdecl *_set_errno_fn)(int);
static int (__cdecl *sprintf_s_fn)(char *, size_t, const char *, ...);
static int (__cdecl *sprintf_fn)(char *, const char *, ...);
static int (__cdecl *memcpy_s_fn)(void *, size_t, const void *, size_t);
static int (__cdecl *_fseeki64_fn)(FILE *, __int64, int);
static __int64 (__cdecl *_ftelli64_fn)(FILE *);
static size_t (__cdecl *mbrtowc_fn)(wchar_t *, const char *, size_t, mbstate_t *);
static size_t (__cdecl *wcrtomb_fn)(char *, wchar_t, mbstate_t *);
static wint_t (__cdecl *btowc_fn)(int);
static int (__cdecl *wctob_fn)(wint_t);
static float (__cdecl *frexpf_fn)(float, int *);
static void *(__cdecl *_set_invalid_parameter_handler_fn)(void *);

/* msvcrt.dll's invalid-parameter handling: returned errors, no report */
static void __cdecl on_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line, uintptr_t r)
{
    (void)e; (void)f; (void)file; (void)line; (void)r;
}

static void test_output_format(void)
{
    char buf[64];
    GET(_set_output_format);
    GET(_get_output_format);
    GET(sprintf);
    if (!_set_output_format_fn || !_get_output_format_fn || !sprintf_fn) return;
    sprintf_fn(buf, "%e", 1.5);
    ok(!strcmp(buf, "1.500000e+000"), "msvcrt's default: %s\n", buf);
    ok(_set_output_format_fn(_TWO_DIGIT_EXPONENT) == 0, "the old format\n");
    ok(_get_output_format_fn() == _TWO_DIGIT_EXPONENT, "the format is %u\n", _get_output_format_fn());
    sprintf_fn(buf, "%e %g", 1.5, 1e-10);
    ok(!strcmp(buf, "1.500000e+00 1e-10"), "two digits: %s\n", buf);
    ok(_set_output_format_fn(0) == _TWO_DIGIT_EXPONENT, "the old format\n");
    sprintf_fn(buf, "%E", 2.0);
    ok(!strcmp(buf, "2.000000E+000"), "three digits again: %s\n", buf);
}

static void test_version_getters(void)
{
    unsigned int v = 0;
    OSVERSIONINFOA info = { sizeof(info) };
    GetVersionExA(&info);
    GET(_get_osplatform);
    GET(_get_winmajor);
    GET(_get_winminor);
    if (!_get_osplatform_fn || !_get_winmajor_fn || !_get_winminor_fn) return;
    ok(!_get_osplatform_fn(&v) && v == VER_PLATFORM_WIN32_NT, "platform %u\n", v);
    ok(!_get_winmajor_fn(&v) && v == info.dwMajorVersion, "major %u, GetVersionEx %lu\n", v, info.dwMajorVersion);
    ok(!_get_winminor_fn(&v) && v == info.dwMinorVersion, "minor %u, GetVersionEx %lu\n", v, info.dwMinorVersion);
    ok(_get_osplatform_fn(NULL) == EINVAL, "a NULL pointer\n");
}

static void test_environ_errno(void)
{
    char **env = NULL;
    int e = 0;
    GET(_get_environ);
    char ***environ_var = (char ***)GetProcAddress(crt, "_environ");   /* a data export */
    GET(_get_errno);
    GET(_set_errno);
    ok(environ_var != NULL, "no export _environ\n");
    /* Wine 8's gives NULL */
    if (_get_environ_fn && environ_var)
        todo_wine(!_get_environ_fn(&env) && env == *environ_var, "_get_environ gave %p, _environ is %p\n", env, *environ_var);
    if (_get_errno_fn && _set_errno_fn)
    {
        ok(!_set_errno_fn(ERANGE) && !_get_errno_fn(&e) && e == ERANGE, "errno %d\n", e);
        _set_errno_fn(0);
    }
}

static void test_secure(void)
{
    char buf[8];
    int r;
    GET(sprintf_s);
    GET(memcpy_s);
    if (sprintf_s_fn)
    {
        ok(sprintf_s_fn(buf, sizeof(buf), "%d-%s", 42, "ab") == 5 && !strcmp(buf, "42-ab"), "sprintf_s: %s\n", buf);
        memset(buf, 'x', sizeof(buf));
        r = sprintf_s_fn(buf, 4, "%s", "too long");
        ok(r == -1, "an overflow: %d\n", r);
        /* "the buffer is set to an empty string": Wine 8 leaves what it wrote */
        todo_wine(!buf[0], "an overflow left '%.8s'\n", buf);
    }
    if (memcpy_s_fn)
    {
        ok(!memcpy_s_fn(buf, sizeof(buf), "abc", 4) && !strcmp(buf, "abc"), "memcpy_s\n");
        r = memcpy_s_fn(buf, 2, "abcdef", 6);
        ok(r == ERANGE && !buf[0] && !buf[1], "too small: %d\n", r);
    }
}

static void test_seek64(void)
{
    char path[MAX_PATH];
    GET(_fseeki64);
    GET(_ftelli64);
    if (!_fseeki64_fn || !_ftelli64_fn) return;
    GetTempPathA(MAX_PATH, path);
    lstrcatA(path, "msvcrt_exports.tmp");
    /* the FILE must be msvcrt.dll's: fopen here is mingw's msvcrt import */
    FILE *f = fopen(path, "w+b");
    ok(f != NULL, "fopen failed\n");
    if (!f) return;
    fwrite("0123456789", 1, 10, f);
    ok(!_fseeki64_fn(f, 3, SEEK_SET) && _ftelli64_fn(f) == 3, "at %I64d\n", _ftelli64_fn(f));
    ok(fgetc(f) == '3', "read after the seek\n");
    ok(!_fseeki64_fn(f, -2, SEEK_END) && _ftelli64_fn(f) == 8, "from the end: %I64d\n", _ftelli64_fn(f));
    fclose(f);
    DeleteFileA(path);
}

static void test_multibyte(void)
{
    wchar_t wc = 0;
    char out[8];
    mbstate_t st;
    GET(mbrtowc);
    GET(wcrtomb);
    GET(btowc);
    GET(wctob);
    GET(frexpf);
    memset(&st, 0, sizeof(st));
    if (mbrtowc_fn) ok(mbrtowc_fn(&wc, "A", 1, &st) == 1 && wc == L'A', "mbrtowc: %#x\n", wc);
    if (wcrtomb_fn) ok(wcrtomb_fn(out, L'z', &st) == 1 && out[0] == 'z', "wcrtomb\n");
    if (btowc_fn) ok(btowc_fn('q') == L'q' && btowc_fn(EOF) == WEOF, "btowc\n");
    if (wctob_fn) ok(wctob_fn(L'q') == 'q', "wctob\n");
    int e = 0;
    if (frexpf_fn) ok(frexpf_fn(8.0f, &e) == 0.5f && e == 4, "frexpf: exponent %d\n", e);
}

int main(void)
{
    crt = GetModuleHandleA("msvcrt.dll");
    _set_invalid_parameter_handler_fn = (void *)GetProcAddress(crt, "_set_invalid_parameter_handler");
    if (_set_invalid_parameter_handler_fn) _set_invalid_parameter_handler_fn(on_invalid);
    test_output_format();
    test_version_getters();
    test_environ_errno();
    test_secure();
    test_seek64();
    test_multibyte();
    return test_summary();
}
