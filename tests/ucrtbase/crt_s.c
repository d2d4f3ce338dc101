/*
 * tests/ucrtbase/crt_s.c — smaller CRT functions MSVC-built programs call,
 * looked up in ucrtbase.dll itself: the bounds-checked path, time-string,
 * temporary-name and copy functions (_splitpath_s, _makepath_s,
 * _strdate_s, _ctime32_s, _wasctime_s, _mktemp_s, wmemcpy_s, fread_s), the
 * digit conversions (_ecvt, _fcvt, _gcvt and their _s forms), byte swaps
 * and rotations, imaxabs/imaxdiv, atoll, rand_s and timespec_get.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <time.h>

static HMODULE ucrt;
#define GET(name) ((void *)GetProcAddress(ucrt, name))

static void __cdecl quiet_handler(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned int line,
                                  uintptr_t r)
{
}

static void test_paths(void)
{
    errno_t (__cdecl *p_splitpath_s)(const char *, char *, size_t, char *, size_t, char *, size_t, char *, size_t) =
        GET("_splitpath_s");
    errno_t (__cdecl *p_wsplitpath_s)(const wchar_t *, wchar_t *, size_t, wchar_t *, size_t, wchar_t *, size_t,
                                      wchar_t *, size_t) = GET("_wsplitpath_s");
    errno_t (__cdecl *p_makepath_s)(char *, size_t, const char *, const char *, const char *, const char *) =
        GET("_makepath_s");
    errno_t (__cdecl *p_mktemp_s)(char *, size_t) = GET("_mktemp_s");
    char drive[_MAX_DRIVE], dir[_MAX_DIR], fname[_MAX_FNAME], ext[_MAX_EXT], small[4], path[MAX_PATH];
    wchar_t wdir[_MAX_DIR], wfname[_MAX_FNAME];
    char tmpl[] = "wlxXXXXXX";

    if (!ok(p_splitpath_s && p_wsplitpath_s && p_makepath_s && p_mktemp_s, "path functions missing\n")) return;
    ok(!p_splitpath_s("c:\\dir\\sub\\name.tar.gz", drive, sizeof(drive), dir, sizeof(dir), fname, sizeof(fname), ext,
                      sizeof(ext)),
       "_splitpath_s failed\n");
    ok(!strcmp(drive, "c:") && !strcmp(dir, "\\dir\\sub\\") && !strcmp(fname, "name.tar") && !strcmp(ext, ".gz"),
       "pieces '%s' '%s' '%s' '%s'\n", drive, dir, fname, ext);
    /* a piece may be left out (NULL with size 0) */
    ok(!p_splitpath_s("x/y.txt", NULL, 0, NULL, 0, fname, sizeof(fname), NULL, 0) && !strcmp(fname, "y"),
       "fname only: '%s'\n", fname);
    /* NULL with a size, or a size without a buffer: EINVAL */
    ok(p_splitpath_s("a.b", NULL, 3, dir, sizeof(dir), fname, sizeof(fname), ext, sizeof(ext)) == EINVAL,
       "a NULL piece with a size\n");
    ok(p_splitpath_s(NULL, drive, sizeof(drive), dir, sizeof(dir), fname, sizeof(fname), ext, sizeof(ext)) == EINVAL,
       "a NULL path\n");
    /* a piece too long for its buffer: ERANGE and every piece empty */
    strcpy(dir, "x");
    ok(p_splitpath_s("c:\\d\\longname.txt", drive, sizeof(drive), dir, sizeof(dir), small, sizeof(small), ext,
                     sizeof(ext)) == ERANGE,
       "a name longer than its buffer\n");
    ok(!drive[0] && !dir[0] && !small[0] && !ext[0], "the pieces are emptied\n");
    ok(!p_wsplitpath_s(L"\\\\server\\share\\f.c", NULL, 0, wdir, ARRAYSIZE(wdir), wfname, ARRAYSIZE(wfname), NULL, 0) &&
       !wcscmp(wdir, L"\\\\server\\share\\") && !wcscmp(wfname, L"f"), "_wsplitpath_s '%ls' '%ls'\n", wdir, wfname);

    ok(!p_makepath_s(path, sizeof(path), "c", "\\dir", "name", "txt") && !strcmp(path, "c:\\dir\\name.txt"),
       "_makepath_s '%s'\n", path);
    ok(!p_makepath_s(path, sizeof(path), NULL, "d/", "n", ".e") && !strcmp(path, "d/n.e"), "_makepath_s '%s'\n", path);
    ok(p_makepath_s(small, sizeof(small), "c", "dir", "name", "ext") == ERANGE && !small[0], "_makepath_s too small\n");
    ok(p_makepath_s(NULL, 10, "c", NULL, NULL, NULL) == EINVAL, "_makepath_s NULL\n");

    ok(!p_mktemp_s(tmpl, sizeof(tmpl)) && strncmp(tmpl, "wlx", 3) == 0 && !strchr(tmpl, 'X'), "_mktemp_s '%s'\n",
       tmpl);
    strcpy(tmpl, "wlxXXXXXX");
    ok(p_mktemp_s(tmpl, 4) == EINVAL, "_mktemp_s with a size shorter than the template\n");
    strcpy(path, "noXs");
    ok(p_mktemp_s(path, sizeof(path)) == EINVAL, "_mktemp_s without XXXXXX\n");
}

static void test_time_strings(void)
{
    errno_t (__cdecl *p_strdate_s)(char *, size_t) = GET("_strdate_s");
    errno_t (__cdecl *p_strtime_s)(char *, size_t) = GET("_strtime_s");
    errno_t (__cdecl *p_wstrdate_s)(wchar_t *, size_t) = GET("_wstrdate_s");
    errno_t (__cdecl *p_ctime32_s)(char *, size_t, const __time32_t *) = GET("_ctime32_s");
    errno_t (__cdecl *p_wctime64_s)(wchar_t *, size_t, const __time64_t *) = GET("_wctime64_s");
    errno_t (__cdecl *p_wasctime_s)(wchar_t *, size_t, const struct tm *) = GET("_wasctime_s");
    char buf[32], shortbuf[8];
    wchar_t wbuf[32];
    __time32_t t32 = 86400 * 365;
    __time64_t t64 = 86400 * 365;
    struct tm tm = { 5, 4, 3, 16, 0, 80, 3, 15, 0 };   /* Wed Jan 16 03:04:05 1980 */

    if (!ok(p_strdate_s && p_strtime_s && p_wstrdate_s && p_ctime32_s && p_wctime64_s && p_wasctime_s,
            "time string functions missing\n"))
        return;
    ok(!p_strdate_s(buf, sizeof(buf)) && strlen(buf) == 8 && buf[2] == '/' && buf[5] == '/', "_strdate_s '%s'\n", buf);
    ok(!p_strtime_s(buf, sizeof(buf)) && strlen(buf) == 8 && buf[2] == ':' && buf[5] == ':', "_strtime_s '%s'\n", buf);
    strcpy(shortbuf, "xxxxxxx");
    ok(p_strdate_s(shortbuf, sizeof(shortbuf)) == ERANGE && !shortbuf[0], "_strdate_s in 8 bytes\n");
    ok(p_strdate_s(NULL, 9) == EINVAL, "_strdate_s NULL\n");
    ok(!p_wstrdate_s(wbuf, ARRAYSIZE(wbuf)) && wcslen(wbuf) == 8 && wbuf[2] == '/', "_wstrdate_s '%ls'\n", wbuf);
    ok(!p_ctime32_s(buf, sizeof(buf), &t32) && strlen(buf) == 25 && buf[24] == '\n', "_ctime32_s '%s'\n", buf);
    {
        errno_t e = p_ctime32_s(buf, 20, &t32);
        ok(e == EINVAL, "_ctime32_s in 20 bytes: %d '%s'\n", e, buf);
    }
    ok(!p_wctime64_s(wbuf, ARRAYSIZE(wbuf), &t64) && wcslen(wbuf) == 25, "_wctime64_s '%ls'\n", wbuf);
    ok(!p_wasctime_s(wbuf, ARRAYSIZE(wbuf), &tm) && !wcscmp(wbuf, L"Wed Jan 16 03:04:05 1980\n"), "_wasctime_s '%ls'\n",
       wbuf);
    /* the Universal CRT pads the day with a space (msvcrt.dll with a zero) */
    tm.tm_mday = 2;
    ok(!p_wasctime_s(wbuf, ARRAYSIZE(wbuf), &tm) && !wcscmp(wbuf, L"Wed Jan  2 03:04:05 1980\n"), "_wasctime_s '%ls'\n",
       wbuf);
}

static void test_copies(void)
{
    errno_t (__cdecl *p_wmemcpy_s)(wchar_t *, size_t, const wchar_t *, size_t) = GET("wmemcpy_s");
    errno_t (__cdecl *p_wmemmove_s)(wchar_t *, size_t, const wchar_t *, size_t) = GET("wmemmove_s");
    size_t (__cdecl *p_fread_s)(void *, size_t, size_t, size_t, FILE *) = GET("fread_s");
    FILE *(__cdecl *p_fopen)(const char *, const char *) = GET("fopen");
    int (__cdecl *p_fclose)(FILE *) = GET("fclose");
    size_t (__cdecl *p_fwrite)(const void *, size_t, size_t, FILE *) = GET("fwrite");
    int *(__cdecl *p_errno)(void) = GET("_errno");
    wchar_t w[8] = L"abcdefg";
    char buf[16], path[MAX_PATH];
    FILE *f;

    if (!ok(p_wmemcpy_s && p_wmemmove_s && p_fread_s && p_fopen && p_fclose && p_fwrite && p_errno,
            "copy functions missing\n"))
        return;
    ok(!p_wmemcpy_s(w, 8, L"xyz", 3) && !wcscmp(w, L"xyzdefg"), "wmemcpy_s '%ls'\n", w);
    ok(p_wmemcpy_s(w, 2, L"xyz", 3) == ERANGE && !w[0] && !w[1], "wmemcpy_s too long: zeroed\n");
    wcscpy(w, L"abcdefg");
    ok(!p_wmemmove_s(w + 1, 7, w, 3) && !wcscmp(w, L"aabcefg"), "wmemmove_s overlapping '%ls'\n", w);
    ok(p_wmemmove_s(w, 2, L"xyz", 3) == ERANGE, "wmemmove_s too long\n");

    GetTempPathA(MAX_PATH - 20, path);
    strcat(path, "wlx-fread_s.bin");
    f = p_fopen(path, "wb");
    ok(f != NULL, "fopen for writing\n");
    if (!f) return;
    p_fwrite("0123456789", 1, 10, f);
    p_fclose(f);
    f = p_fopen(path, "rb");
    ok(p_fread_s(buf, sizeof(buf), 2, 3, f) == 3 && !memcmp(buf, "012345", 6), "fread_s of 3 pairs\n");
    ok(p_fread_s(buf, sizeof(buf), 1, 0, f) == 0, "fread_s of nothing\n");
    /* more asked than the buffer holds, and more is there: the buffer is zeroed */
    memset(buf, 'x', sizeof(buf));
    *p_errno() = 0;
    ok(p_fread_s(buf, 2, 1, 4, f) == 0 && *p_errno() == ERANGE && !buf[0] && !buf[1], "fread_s into a short buffer\n");
    p_fclose(f);
    DeleteFileA(path);
}

static void test_conversions(void)
{
    char *(__cdecl *p_ecvt)(double, int, int *, int *) = GET("_ecvt");
    char *(__cdecl *p_fcvt)(double, int, int *, int *) = GET("_fcvt");
    char *(__cdecl *p_gcvt)(double, int, char *) = GET("_gcvt");
    errno_t (__cdecl *p_ecvt_s)(char *, size_t, double, int, int *, int *) = GET("_ecvt_s");
    errno_t (__cdecl *p_fcvt_s)(char *, size_t, double, int, int *, int *) = GET("_fcvt_s");
    char *s, buf[64];
    int dec = 0, sign = 0;

    if (!ok(p_ecvt && p_fcvt && p_gcvt && p_ecvt_s && p_fcvt_s, "conversions missing\n")) return;
    s = p_ecvt(3.14159265, 5, &dec, &sign);
    ok(!strcmp(s, "31416") && dec == 1 && !sign, "_ecvt '%s' %d %d\n", s, dec, sign);
    s = p_ecvt(-1234.5, 2, &dec, &sign);
    ok(!strcmp(s, "12") && dec == 4 && sign, "_ecvt '%s' %d %d\n", s, dec, sign);
    s = p_ecvt(0.00125, 3, &dec, &sign);
    ok(!strcmp(s, "125") && dec == -2, "_ecvt '%s' %d\n", s, dec);
    s = p_ecvt(9.99, 2, &dec, &sign);
    ok(!strcmp(s, "10") && dec == 2, "_ecvt rounding up '%s' %d\n", s, dec);
    s = p_fcvt(3.1415926535, 7, &dec, &sign);
    ok(!strcmp(s, "31415927") && dec == 1, "_fcvt '%s' %d\n", s, dec);
    s = p_fcvt(-12.5, 2, &dec, &sign);
    ok(!strcmp(s, "1250") && dec == 2 && sign, "_fcvt '%s' %d %d\n", s, dec, sign);
    s = p_fcvt(9.996, 2, &dec, &sign);
    ok(!strcmp(s, "1000") && dec == 2, "_fcvt rounding up '%s' %d\n", s, dec);
    s = p_fcvt(123.0, 0, &dec, &sign);
    ok(!strcmp(s, "123") && dec == 3, "_fcvt no decimals '%s' %d\n", s, dec);
    ok(!strcmp(p_gcvt(1234.5678, 6, buf), "1234.57"), "_gcvt '%s'\n", buf);
    ok(!strcmp(p_gcvt(0.5, 3, buf), "0.5"), "_gcvt '%s'\n", buf);
    ok(!p_ecvt_s(buf, sizeof(buf), 2.5, 3, &dec, &sign) && !strcmp(buf, "250") && dec == 1, "_ecvt_s '%s'\n", buf);
    ok(!p_fcvt_s(buf, sizeof(buf), 2.26, 1, &dec, &sign) && !strcmp(buf, "23") && dec == 1, "_fcvt_s '%s'\n", buf);
}

static void test_bits_and_random(void)
{
    unsigned short (__cdecl *p_bswap16)(unsigned short) = GET("_byteswap_ushort");
    unsigned long (__cdecl *p_bswap32)(unsigned long) = GET("_byteswap_ulong");
    unsigned __int64 (__cdecl *p_bswap64)(unsigned __int64) = GET("_byteswap_uint64");
    unsigned int (__cdecl *p_rotl)(unsigned int, int) = GET("_rotl");
    unsigned int (__cdecl *p_rotr)(unsigned int, int) = GET("_rotr");
    unsigned __int64 (__cdecl *p_rotl64)(unsigned __int64, int) = GET("_rotl64");
    unsigned long (__cdecl *p_lrotr)(unsigned long, int) = GET("_lrotr");
    __int64 (__cdecl *p_imaxabs)(__int64) = GET("imaxabs");
    long long (__cdecl *p_atoll)(const char *) = GET("atoll");
    __int64 (__cdecl *p_wcstoimax)(const wchar_t *, wchar_t **, int) = GET("wcstoimax");
    errno_t (__cdecl *p_rand_s)(unsigned int *) = GET("rand_s");
    int (__cdecl *p_timespec_get)(struct _timespec64 *, int) = GET("timespec_get");
    unsigned int r1 = 0, r2 = 0, r3 = 0;
    struct _timespec64 ts = { 0 };
    FILETIME ft;
    __int64 now;

    if (!ok(p_bswap16 && p_bswap32 && p_bswap64 && p_rotl && p_rotr && p_rotl64 && p_lrotr && p_imaxabs && p_atoll &&
            p_wcstoimax && p_rand_s, "bit/random functions missing\n"))
        return;
    ok(p_bswap16(0x1234) == 0x3412 && p_bswap32(0x12345678) == 0x78563412 &&
       p_bswap64(0x0102030405060708ull) == 0x0807060504030201ull, "byte swaps\n");
    ok(p_rotl(0x80000001, 1) == 3 && p_rotr(3, 1) == 0x80000001 && p_rotl(0x12345678, 32) == 0x12345678,
       "32-bit rotations\n");
    ok(p_rotl64(0x8000000000000001ull, 4) == 0x18 && p_lrotr(1, 4) == 0x10000000, "rotations\n");
    ok(p_imaxabs(-5) == 5 && p_atoll("-9000000000") == -9000000000ll, "imaxabs, atoll\n");
    /* Wine 8's wcstoimax is a stub that ends the process */
    if (!test_is("wine")) ok(p_wcstoimax(L"7fffffffffff", NULL, 16) == 0x7fffffffffffll, "wcstoimax\n");
    ok(!p_rand_s(&r1) && !p_rand_s(&r2) && !p_rand_s(&r3) && (r1 != r2 || r2 != r3), "rand_s %u %u %u\n", r1, r2, r3);
    ok(p_rand_s(NULL) == EINVAL, "rand_s(NULL)\n");
    GetSystemTimeAsFileTime(&ft);
    now = (((__int64)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - 116444736000000000ll) / 10000000;
    /* Wine 8's ucrtbase has _timespec64_get but not timespec_get itself */
    todo_wine(p_timespec_get != NULL, "timespec_get missing\n");
    if (!p_timespec_get) return;
    ok(p_timespec_get(&ts, 1 /* TIME_UTC */) == 1, "timespec_get\n");
    ok(ts.tv_sec >= now - 5 && ts.tv_sec <= now + 5 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000,
       "timespec_get %I64d.%09ld, now %I64d\n", ts.tv_sec, ts.tv_nsec, now);
    ok(p_timespec_get(&ts, 0) == 0, "timespec_get of base 0\n");
}

int main(void)
{
    void (__cdecl *p_set_handler)(void *);
    test_start("ucrtbase/crt_s");
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (!ucrt) ucrt = LoadLibraryA("ucrtbase.dll");
    if (!ok(ucrt != NULL, "no ucrtbase.dll\n")) return test_summary();
    /* the _s functions call the invalid parameter handler: one that returns */
    p_set_handler = GET("_set_invalid_parameter_handler");
    if (p_set_handler) p_set_handler(quiet_handler);
    test_paths();
    test_time_strings();
    test_copies();
    test_conversions();
    test_bits_and_random();
    return test_summary();
}
