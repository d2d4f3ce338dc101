/*
 * dlls/msvcrt/timenames.c — the locale's time names, as the C++ library's
 * time_get and time_put read them (Microsoft's msvcp60/msvcp140 import
 * these): _Getdays and _Getmonths give ":Sun:Sunday:Mon:Monday:..." and
 * ":Jan:January:..." on the heap, _W_Getdays/_W_Getmonths the same wide;
 * _Gettnames/_W_Gettnames a heap copy of the locale's time data that
 * _Strftime/_Wcsftime take in place of the current locale's (NULL: the
 * current one). The caller frees each result with free().
 *
 * The time data starts as the CRT's __lc_time_data does: 43 narrow strings
 * (7 short and 7 long day names, 12 short and 12 long month names, AM, PM,
 * the short date, long date and time formats), then, as ucrtbase lays it
 * out, a calendar type and a reference count, the same 43 strings wide
 * and the locale's name. Everything is in the one block.
 *
 * The names are the "C" locale's, which the only other locale here
 * (English_United States.1252, locale.c) shares; strftime (time.c) prints
 * msvcrt_time_names_c unless given others.
 */
#include "private.h"
#include <locale.h>
#include <string.h>
#include <wchar.h>

const struct msvcrt_time_names msvcrt_time_names_c =
{
    { L"Sun", L"Mon", L"Tue", L"Wed", L"Thu", L"Fri", L"Sat" },
    { L"Sunday", L"Monday", L"Tuesday", L"Wednesday", L"Thursday", L"Friday", L"Saturday" },
    { L"Jan", L"Feb", L"Mar", L"Apr", L"May", L"Jun", L"Jul", L"Aug", L"Sep", L"Oct", L"Nov", L"Dec" },
    { L"January", L"February", L"March", L"April", L"May", L"June", L"July", L"August",
      L"September", L"October", L"November", L"December" },
    { L"AM", L"PM" },
};

#define NAME_COUNT 40   /* the strings of struct msvcrt_time_names */
#define TIME_STRINGS 43 /* and the three formats */

/* the "C" locale's short date, long date and time formats */
static const wchar_t *const formats_c[3] = { L"MM/dd/yy", L"dddd, MMMM dd, yyyy", L"HH:mm:ss" };

struct lc_time_data
{
    char *str[TIME_STRINGS];
    int caltype;
    int refcount;
    wchar_t *wstr[TIME_STRINGS];   /* its first 40 are a struct msvcrt_time_names */
    wchar_t *locale_name;          /* NULL in the "C" locale */
};

static const wchar_t *time_string(int i)
{
    return i < NAME_COUNT ? ((const wchar_t *const *)&msvcrt_time_names_c)[i] : formats_c[i - NAME_COUNT];
}

/* ":short:long" for each of count days or months, wide or narrow */
static void *name_list(const wchar_t *const *abbr, const wchar_t *const *full, int count, BOOL wide)
{
    size_t len = 1, pos = 0, n;
    int i;
    wchar_t *w;
    char *a;

    for (i = 0; i < count; i++) len += wcslen(abbr[i]) + wcslen(full[i]) + 2;
    if (!(w = malloc(len * sizeof(wchar_t)))) return NULL;
    for (i = 0; i < count; i++)
    {
        w[pos++] = ':';
        wcscpy(w + pos, abbr[i]);
        pos += wcslen(abbr[i]);
        w[pos++] = ':';
        wcscpy(w + pos, full[i]);
        pos += wcslen(full[i]);
    }
    w[pos] = 0;
    if (wide) return w;
    n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if ((a = malloc(n))) WideCharToMultiByte(CP_ACP, 0, w, -1, a, n, NULL, NULL);
    free(w);
    return a;
}

char * __cdecl _Getdays(void)
{
    return name_list(msvcrt_time_names_c.wday_abbr, msvcrt_time_names_c.wday, 7, FALSE);
}

char * __cdecl _Getmonths(void)
{
    return name_list(msvcrt_time_names_c.month_abbr, msvcrt_time_names_c.month, 12, FALSE);
}

wchar_t * __cdecl _W_Getdays(void)
{
    return name_list(msvcrt_time_names_c.wday_abbr, msvcrt_time_names_c.wday, 7, TRUE);
}

wchar_t * __cdecl _W_Getmonths(void)
{
    return name_list(msvcrt_time_names_c.month_abbr, msvcrt_time_names_c.month, 12, TRUE);
}

void * __cdecl _Gettnames(void)
{
    const wchar_t *locale = ___lc_codepage_func() ? L"en-US" : NULL;
    size_t size = sizeof(struct lc_time_data), len;
    struct lc_time_data *data;
    char *p;
    int i;

    for (i = 0; i < TIME_STRINGS; i++)
        size += WideCharToMultiByte(CP_ACP, 0, time_string(i), -1, NULL, 0, NULL, NULL) +
                (wcslen(time_string(i)) + 1) * sizeof(wchar_t);
    if (locale) size += (wcslen(locale) + 1) * sizeof(wchar_t);
    if (!(data = calloc(1, size))) return NULL;
    p = (char *)(data + 1);
    for (i = 0; i < TIME_STRINGS; i++)   /* the wide strings first: they stay aligned */
    {
        len = (wcslen(time_string(i)) + 1) * sizeof(wchar_t);
        data->wstr[i] = memcpy(p, time_string(i), len);
        p += len;
    }
    if (locale)
    {
        len = (wcslen(locale) + 1) * sizeof(wchar_t);
        data->locale_name = memcpy(p, locale, len);
        p += len;
    }
    for (i = 0; i < TIME_STRINGS; i++)
    {
        data->str[i] = p;
        p += WideCharToMultiByte(CP_ACP, 0, time_string(i), -1, p, size - (p - (char *)data), NULL, NULL);
    }
    data->refcount = 1;
    return data;
}

void * __cdecl _W_Gettnames(void)
{
    return _Gettnames();
}

static const struct msvcrt_time_names *names_of(const void *lc_time)
{
    return lc_time ? (const struct msvcrt_time_names *)((const struct lc_time_data *)lc_time)->wstr : NULL;
}

size_t __cdecl _Strftime(char *buf, size_t size, const char *fmt, const struct tm *tm, void *lc_time)
{
    return msvcrt_strftime(buf, size, fmt, tm, names_of(lc_time));
}

size_t __cdecl _Wcsftime(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm, void *lc_time)
{
    return msvcrt_wcsftime(buf, size, fmt, tm, names_of(lc_time));
}
