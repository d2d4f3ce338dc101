/*
 * Smaller CRT functions MSVC-built programs call: the bounds-checked (_s)
 * forms of the path, time-string, temporary-name and copy functions, the
 * old floating-point to digits conversions (_ecvt, _fcvt, _gcvt and their
 * _s forms), bit rotation and byte swapping, <inttypes.h>'s intmax_t
 * helpers, rand_s and timespec_get.
 *
 * The _s functions follow the CRT's contract: a bad argument calls the
 * invalid parameter handler and, if it returns, the function returns (and
 * sets errno to) EINVAL or ERANGE, leaving an output string empty where
 * there is room for that.
 */
#include "private.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

NTSTATUS WINAPI __wlx_random(void *buf, UINT64 len);
void __cdecl _invalid_parameter_noinfo(void);
size_t __cdecl _fread_nolock(void *ptr, size_t size, size_t count, FILE *file);
int __cdecl _timespec64_get(struct _timespec64 *ts, int base);

static errno_t fail(errno_t err)
{
    *_errno() = err;
    _invalid_parameter_noinfo();
    return err;
}

/* ---- paths ---- */

/* one piece of a split path into (buf, size): ERANGE when it does not fit */
#define PIECE_FITS(buf, size, len) (!(buf) || (len) < (size))

#define SPLITPATH_S(name, type, split, fn_strlen)                                                             \
errno_t __cdecl name(const type *path, type *drive, size_t drive_size, type *dir, size_t dir_size,           \
                     type *fname, size_t fname_size, type *ext, size_t ext_size)                             \
{                                                                                                           \
    type d[_MAX_DRIVE], di[_MAX_PATH], f[_MAX_PATH], e[_MAX_PATH];                                            \
    if (!path || (!drive && drive_size) || (drive && !drive_size) || (!dir && dir_size) ||                   \
        (dir && !dir_size) || (!fname && fname_size) || (fname && !fname_size) || (!ext && ext_size) ||      \
        (ext && !ext_size))                                                                                 \
        return fail(EINVAL);                                                                                \
    if (fn_strlen(path) >= _MAX_PATH)                                                                       \
    {                                                                                                       \
        if (drive) drive[0] = 0;                                                                            \
        if (dir) dir[0] = 0;                                                                                \
        if (fname) fname[0] = 0;                                                                            \
        if (ext) ext[0] = 0;                                                                                \
        return fail(ERANGE);                                                                                \
    }                                                                                                       \
    split(path, d, di, f, e);                                                                               \
    if (!PIECE_FITS(drive, drive_size, fn_strlen(d)) || !PIECE_FITS(dir, dir_size, fn_strlen(di)) ||          \
        !PIECE_FITS(fname, fname_size, fn_strlen(f)) || !PIECE_FITS(ext, ext_size, fn_strlen(e)))             \
    {                                                                                                       \
        if (drive) drive[0] = 0;                                                                            \
        if (dir) dir[0] = 0;                                                                                \
        if (fname) fname[0] = 0;                                                                            \
        if (ext) ext[0] = 0;                                                                                \
        return fail(ERANGE);                                                                                \
    }                                                                                                       \
    if (drive) memcpy(drive, d, (fn_strlen(d) + 1) * sizeof(type));                                         \
    if (dir) memcpy(dir, di, (fn_strlen(di) + 1) * sizeof(type));                                           \
    if (fname) memcpy(fname, f, (fn_strlen(f) + 1) * sizeof(type));                                         \
    if (ext) memcpy(ext, e, (fn_strlen(e) + 1) * sizeof(type));                                             \
    return 0;                                                                                               \
}

SPLITPATH_S(_splitpath_s, char, _splitpath, strlen)
SPLITPATH_S(_wsplitpath_s, wchar_t, _wsplitpath, wcslen)

/* the joined length _makepath would write, its terminator included */
#define MAKEPATH_S(name, type, make, fn_strlen)                                                               \
errno_t __cdecl name(type *path, size_t size, const type *drive, const type *dir, const type *fname,          \
                     const type *ext)                                                                       \
{                                                                                                           \
    size_t need = 1;                                                                                        \
    if (!path || !size) return fail(EINVAL);                                                                \
    if (drive && *drive) need += 2;                                                                         \
    if (dir && *dir)                                                                                        \
    {                                                                                                       \
        size_t n = fn_strlen(dir);                                                                          \
        need += n + (dir[n - 1] != '\\' && dir[n - 1] != '/');                                              \
    }                                                                                                       \
    if (fname && *fname) need += fn_strlen(fname);                                                          \
    if (ext && *ext) need += fn_strlen(ext) + (*ext != '.');                                                \
    if (need > size)                                                                                        \
    {                                                                                                       \
        path[0] = 0;                                                                                        \
        return fail(ERANGE);                                                                                \
    }                                                                                                       \
    make(path, drive, dir, fname, ext);                                                                     \
    return 0;                                                                                               \
}

MAKEPATH_S(_makepath_s, char, _makepath, strlen)
MAKEPATH_S(_wmakepath_s, wchar_t, _wmakepath, wcslen)

errno_t __cdecl _mktemp_s(char *template, size_t size)
{
    size_t len;
    if (!template || !size || (len = strnlen(template, size)) >= size || len < 6 ||
        strcmp(template + len - 6, "XXXXXX"))
        return fail(EINVAL);
    if (!_mktemp(template)) return *_errno() = EEXIST;
    return 0;
}

errno_t __cdecl _wmktemp_s(wchar_t *template, size_t size)
{
    size_t len;
    if (!template || !size || (len = wcsnlen(template, size)) >= size || len < 6 ||
        wcscmp(template + len - 6, L"XXXXXX"))
        return fail(EINVAL);
    if (!_wmktemp(template)) return *_errno() = EEXIST;
    return 0;
}

/* ---- time strings ---- */

/* "MM/DD/YY" and "HH:MM:SS": nine characters with the terminator */
#define TIME_STRING_S(name, type, format)                                                                     \
errno_t __cdecl name(type *buf, size_t size)                                                                \
{                                                                                                           \
    SYSTEMTIME st;                                                                                          \
    if (!buf || !size) return fail(EINVAL);                                                                 \
    if (size < 9)                                                                                           \
    {                                                                                                       \
        buf[0] = 0;                                                                                         \
        return fail(ERANGE);                                                                                \
    }                                                                                                       \
    GetLocalTime(&st);                                                                                      \
    format;                                                                                                 \
    return 0;                                                                                               \
}

static void put2(char *p, int v) { p[0] = '0' + v / 10 % 10; p[1] = '0' + v % 10; }
static void wput2(wchar_t *p, int v) { p[0] = '0' + v / 10 % 10; p[1] = '0' + v % 10; }

TIME_STRING_S(_strdate_s, char,
              (put2(buf, st.wMonth), buf[2] = '/', put2(buf + 3, st.wDay), buf[5] = '/', put2(buf + 6, st.wYear),
               buf[8] = 0))
TIME_STRING_S(_wstrdate_s, wchar_t,
              (wput2(buf, st.wMonth), buf[2] = '/', wput2(buf + 3, st.wDay), buf[5] = '/', wput2(buf + 6, st.wYear),
               buf[8] = 0))
TIME_STRING_S(_strtime_s, char,
              (put2(buf, st.wHour), buf[2] = ':', put2(buf + 3, st.wMinute), buf[5] = ':', put2(buf + 6, st.wSecond),
               buf[8] = 0))
TIME_STRING_S(_wstrtime_s, wchar_t,
              (wput2(buf, st.wHour), buf[2] = ':', wput2(buf + 3, st.wMinute), buf[5] = ':',
               wput2(buf + 6, st.wSecond), buf[8] = 0))

errno_t __cdecl _ctime32_s(char *buf, size_t size, const __time32_t *t)
{
    __time64_t t64;
    if (!buf || !size) return fail(EINVAL);
    buf[0] = 0;
    if (size < 26 || !t) return fail(EINVAL);
    t64 = *t;
    return _ctime64_s(buf, size, &t64);
}

/* the narrow text, widened (it is ASCII) */
static errno_t widen26(wchar_t *buf, const char *text)
{
    for (int i = 0; i < 26; i++) buf[i] = (unsigned char)text[i];
    return 0;
}

errno_t __cdecl _wctime64_s(wchar_t *buf, size_t size, const __time64_t *t)
{
    char text[26];
    errno_t err;
    if (!buf || !size) return fail(EINVAL);
    buf[0] = 0;
    if (size < 26 || !t) return fail(EINVAL);
    if ((err = _ctime64_s(text, sizeof(text), t))) return err;
    return widen26(buf, text);
}

errno_t __cdecl _wctime32_s(wchar_t *buf, size_t size, const __time32_t *t)
{
    __time64_t t64 = t ? *t : 0;
    return _wctime64_s(buf, size, t ? &t64 : NULL);   /* which checks the same */
}

errno_t __cdecl _wasctime_s(wchar_t *buf, size_t size, const struct tm *tm)
{
    char text[26];
    errno_t err;
    if (!buf || !size) return fail(EINVAL);
    buf[0] = 0;
    if (size < 26 || !tm) return fail(EINVAL);
    if ((err = asctime_s(text, sizeof(text), tm))) return err;
    return widen26(buf, text);
}

/* ---- copies ---- */

errno_t __cdecl wmemcpy_s(wchar_t *dst, size_t size, const wchar_t *src, size_t count)
{
    if (!count) return 0;
    if (!dst) return fail(EINVAL);
    if (!src) { memset(dst, 0, size * sizeof(wchar_t)); return fail(EINVAL); }
    if (count > size) { memset(dst, 0, size * sizeof(wchar_t)); return fail(ERANGE); }
    memmove(dst, src, count * sizeof(wchar_t));
    return 0;
}

errno_t __cdecl wmemmove_s(wchar_t *dst, size_t size, const wchar_t *src, size_t count)
{
    if (!count) return 0;
    if (!dst || !src) return fail(EINVAL);
    if (count > size) return fail(ERANGE);
    memmove(dst, src, count * sizeof(wchar_t));
    return 0;
}

/* fread with the buffer's size: elements are read until count, the end of
   the data, or a full buffer; a buffer that fills while more was asked
   for and more is there is zeroed, and the answer is 0 with ERANGE */
static size_t read_bounded(void *buf, size_t buf_size, size_t elem, size_t count, FILE *file, BOOL lock)
{
    size_t fit, got;
    int c;
    if (!elem || !count) return 0;
    if (!buf || !file) { fail(EINVAL); return 0; }
    if (count <= buf_size / elem) return lock ? fread(buf, elem, count, file) : _fread_nolock(buf, elem, count, file);
    if (lock) _lock_file(file);
    fit = buf_size / elem;
    got = _fread_nolock(buf, elem, fit, file);
    if (got == fit && (c = _fgetc_nolock(file)) != EOF)
    {
        _ungetc_nolock(c, file);
        memset(buf, 0, buf_size);
        got = 0;
        fail(ERANGE);
    }
    if (lock) _unlock_file(file);
    return got;
}

size_t __cdecl fread_s(void *buf, size_t buf_size, size_t elem, size_t count, FILE *file)
{
    return read_bounded(buf, buf_size, elem, count, file, TRUE);
}

size_t __cdecl _fread_nolock_s(void *buf, size_t buf_size, size_t elem, size_t count, FILE *file)
{
    return read_bounded(buf, buf_size, elem, count, file, FALSE);
}

/* ---- digits of a double: _ecvt, _fcvt, _gcvt ---- */

#define CVT_DIGITS 349    /* DBL_MAX has 309 integer digits, plus fractions */

/* digits of |value|, rounded to `count` significant digits (ecvt) or to
   `count` digits after the point (fcvt), into out (no point, no sign) */
static void convert(double value, int count, BOOL fixed, char *out, size_t size, int *point, int *negative)
{
    char text[CVT_DIGITS + 32];
    const char *p;
    int exp, n, len = 0;

    *negative = value < 0 || (value == 0 && 1 / value < 0);
    if (value < 0) value = -value;
    if (count < 0) count = 0;
    if (value == 0)
    {
        n = count < (int)size - 1 ? count : (int)size - 1;
        memset(out, '0', n);
        out[n] = 0;
        *point = 0;
        return;
    }
    /* the exponent of the leading digit, before any rounding (17 digits
       show a double exactly enough not to carry) */
    _snprintf(text, sizeof(text), "%.16e", value);
    exp = atoi(strchr(text, 'e') + 1);
    n = fixed ? exp + 1 + count : count;
    if (n <= 0)
    {
        /* nothing at or above the last wanted place, unless it rounds up to it */
        _snprintf(text, sizeof(text), "%.*f", count, value);
        *point = -count;
        out[0] = 0;
        for (p = text; *p; p++)
            if (*p >= '1' && *p <= '9') { out[0] = '1'; out[1] = 0; *point = -count + 1; break; }
        return;
    }
    if (n > CVT_DIGITS) n = CVT_DIGITS;
    _snprintf(text, sizeof(text), "%.*e", n - 1, value);
    for (p = text; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && len < (int)size - 1) out[len++] = *p;
    exp = atoi(p + 1);
    *point = exp + 1;
    /* a rounding that carried into a new leading digit (9.996 -> 10.00)
       leaves fcvt one digit short of `count` after the point */
    if (fixed)
        while (len < exp + 1 + count && len < (int)size - 1 && len < CVT_DIGITS) out[len++] = '0';
    out[len] = 0;
}

char * __cdecl _ecvt(double value, int count, int *point, int *negative)
{
    char *buf = msvcrt_get_thread_data()->cvt_buffer;
    if (!point || !negative) { fail(EINVAL); return NULL; }
    if (count > CVT_DIGITS) count = CVT_DIGITS;
    convert(value, count < 1 ? 1 : count, FALSE, buf, CVT_DIGITS + 2, point, negative);
    if (count < 1) buf[0] = 0;
    return buf;
}

char * __cdecl _fcvt(double value, int count, int *point, int *negative)
{
    char *buf = msvcrt_get_thread_data()->cvt_buffer;
    if (!point || !negative) { fail(EINVAL); return NULL; }
    convert(value, count, TRUE, buf, CVT_DIGITS + 2, point, negative);
    return buf;
}

errno_t __cdecl _ecvt_s(char *buf, size_t size, double value, int count, int *point, int *negative)
{
    char *digits;
    if (!buf || !point || !negative || size < 1) return fail(EINVAL);
    if ((size_t)count >= size && count > 0) { buf[0] = 0; return fail(ERANGE); }
    if (!(digits = _ecvt(value, count, point, negative))) { buf[0] = 0; return *_errno(); }
    strcpy(buf, digits);
    return 0;
}

errno_t __cdecl _fcvt_s(char *buf, size_t size, double value, int count, int *point, int *negative)
{
    char *digits;
    if (!buf || !point || !negative || size < 1) return fail(EINVAL);
    if (!(digits = _fcvt(value, count, point, negative))) { buf[0] = 0; return *_errno(); }
    if (strlen(digits) >= size) { buf[0] = 0; return fail(ERANGE); }
    strcpy(buf, digits);
    return 0;
}

/* %g with `digits` significant digits, as the CRT's printf writes it */
char * __cdecl _gcvt(double value, int digits, char *buf)
{
    if (!buf || digits < 0) { fail(EINVAL); return NULL; }
    _snprintf(buf, CVT_DIGITS + 32, "%.*g", digits ? digits : 1, value);
    return buf;
}

errno_t __cdecl _gcvt_s(char *buf, size_t size, double value, int digits)
{
    char text[CVT_DIGITS + 32];
    if (!buf || !size || digits < 0) { if (buf && size) buf[0] = 0; return fail(EINVAL); }
    _snprintf(text, sizeof(text), "%.*g", digits ? digits : 1, value);
    if (strlen(text) >= size) { buf[0] = 0; return fail(ERANGE); }
    strcpy(buf, text);
    return 0;
}

/* ---- bits ---- */

unsigned short __cdecl _byteswap_ushort(unsigned short v) { return __builtin_bswap16(v); }
unsigned long __cdecl _byteswap_ulong(unsigned long v) { return __builtin_bswap32(v); }
unsigned __int64 __cdecl _byteswap_uint64(unsigned __int64 v) { return __builtin_bswap64(v); }

unsigned int __cdecl wlx_rotl(unsigned int v, int n) { n &= 31; return n ? (v << n) | (v >> (32 - n)) : v; }
unsigned int __cdecl wlx_rotr(unsigned int v, int n) { n &= 31; return n ? (v >> n) | (v << (32 - n)) : v; }
unsigned __int64 __cdecl wlx_rotl64(unsigned __int64 v, int n) { n &= 63; return n ? (v << n) | (v >> (64 - n)) : v; }
unsigned __int64 __cdecl wlx_rotr64(unsigned __int64 v, int n) { n &= 63; return n ? (v >> n) | (v << (64 - n)) : v; }

/* ---- <inttypes.h> ---- */

__int64 __cdecl imaxabs(__int64 v) { return v < 0 ? -v : v; }

typedef struct { __int64 quot, rem; } wlx_imaxdiv_t;
wlx_imaxdiv_t __cdecl imaxdiv(__int64 num, __int64 den)
{
    wlx_imaxdiv_t r = { num / den, num % den };
    return r;
}

/* ---- random numbers and time ---- */

errno_t __cdecl rand_s(unsigned int *value)
{
    if (!value) return fail(EINVAL);
    if (__wlx_random(value, sizeof(*value))) { *value = 0; return *_errno() = ENOMEM; }
    return 0;
}

struct wlx_timespec32 { __time32_t tv_sec; long tv_nsec; };

int __cdecl _timespec32_get(struct wlx_timespec32 *ts, int base)
{
    struct _timespec64 t64;
    if (!ts) { fail(EINVAL); return 0; }
    if (_timespec64_get(&t64, base) != base || !base) return 0;
    ts->tv_sec = (__time32_t)t64.tv_sec;
    ts->tv_nsec = t64.tv_nsec;
    return base;
}
