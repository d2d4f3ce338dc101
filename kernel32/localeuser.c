/*
 * kernel32/localeuser.c — SetLocaleInfoA/W: the user's overrides of the
 * locale's settings (decimal separator, date formats, ...).
 *
 * Windows keeps them in HKCU\Control Panel\International, for every
 * process of the user and across sessions. wlx keeps them in the process
 * that set them: GetLocaleInfo and the formatting functions of this
 * process see them (unless LOCALE_NOUSEROVERRIDE), others do not.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
size_t __cdecl wcslen(const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);

/* what SetLocaleInfo may set, and the longest value each takes with its
 * terminator, as the LOCALE_ constants document */
static const struct
{
    LCTYPE type;
    BYTE   max;
} settable[] =
{
    { LOCALE_ICALENDARTYPE, 3 },   { LOCALE_ICURRDIGITS, 3 },     { LOCALE_ICURRENCY, 2 },
    { LOCALE_IDIGITS, 2 },         { LOCALE_IFIRSTDAYOFWEEK, 2 }, { LOCALE_IFIRSTWEEKOFYEAR, 2 },
    { LOCALE_ILZERO, 2 },          { LOCALE_IMEASURE, 2 },        { LOCALE_INEGCURR, 3 },
    { LOCALE_INEGNUMBER, 2 },      { LOCALE_IPAPERSIZE, 3 },      { LOCALE_ITIME, 2 },
    { LOCALE_IDIGITSUBSTITUTION, 2 },
    { LOCALE_S1159, 15 },          { LOCALE_S2359, 15 },          { LOCALE_SCURRENCY, 13 },
    { LOCALE_SDATE, 4 },           { LOCALE_SDECIMAL, 4 },        { LOCALE_SGROUPING, 10 },
    { LOCALE_SLIST, 4 },           { LOCALE_SLONGDATE, 80 },      { LOCALE_SMONDECIMALSEP, 4 },
    { LOCALE_SMONGROUPING, 10 },   { LOCALE_SMONTHOUSANDSEP, 4 }, { LOCALE_SNEGATIVESIGN, 5 },
    { LOCALE_SPOSITIVESIGN, 5 },   { LOCALE_SSHORTDATE, 80 },     { LOCALE_STHOUSAND, 4 },
    { LOCALE_STIME, 4 },           { LOCALE_STIMEFORMAT, 80 },    { LOCALE_SYEARMONTH, 80 },
    { LOCALE_SSHORTTIME, 80 },     { LOCALE_SNATIVEDIGITS, 11 },
};

#define NSETTABLE (sizeof(settable) / sizeof(settable[0]))

static RTL_SRWLOCK lock;
static BOOL set[NSETTABLE];
static WCHAR values[NSETTABLE][K32_USER_VALUE_MAX + 1];

static BOOL starts_with(const WCHAR *s, const WCHAR *prefix, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) if (s[i] != prefix[i]) return FALSE;
    return TRUE;
}

static int slot_of(LCTYPE type)
{
    unsigned int i;
    for (i = 0; i < NSETTABLE; i++) if (settable[i].type == type) return i;
    return -1;
}

BOOL k32_user_override(LCTYPE type, WCHAR *value)
{
    int slot = slot_of(type);
    BOOL found = FALSE;

    if (slot < 0) return FALSE;
    RtlAcquireSRWLockExclusive(&lock);
    if (set[slot])
    {
        memcpy(value, values[slot], sizeof(values[slot]));
        found = TRUE;
    }
    RtlReleaseSRWLockExclusive(&lock);
    return found;
}

static void store(int slot, const WCHAR *value)
{
    size_t len = wcslen(value);

    RtlAcquireSRWLockExclusive(&lock);
    memcpy(values[slot], value, len * sizeof(WCHAR));
    values[slot][len] = 0;
    set[slot] = TRUE;
    RtlReleaseSRWLockExclusive(&lock);
}

/* a new date or time separator goes into the format that uses it: every
 * unquoted copy of the old separator in it is replaced */
static void replace_separator(LCTYPE sep_type, LCTYPE format_type, const WCHAR *sep)
{
    WCHAR old[8], format[K32_USER_VALUE_MAX + 1], result[K32_USER_VALUE_MAX + 1];
    size_t old_len, sep_len = wcslen(sep), n = 0;
    const WCHAR *p;
    BOOL quoted = FALSE;

    if (!GetLocaleInfoW(LOCALE_USER_DEFAULT, sep_type, old, 8) || !*old) return;
    if (!GetLocaleInfoW(LOCALE_USER_DEFAULT, format_type, format, K32_USER_VALUE_MAX + 1)) return;
    old_len = wcslen(old);
    for (p = format; *p; )
    {
        if (*p == '\'') quoted = !quoted;
        if (!quoted && starts_with(p, old, old_len))
        {
            if (n + sep_len > K32_USER_VALUE_MAX) return;
            memcpy(result + n, sep, sep_len * sizeof(WCHAR));
            n += sep_len;
            p += old_len;
            continue;
        }
        if (n + 1 > K32_USER_VALUE_MAX) return;
        result[n++] = *p++;
    }
    result[n] = 0;
    store(slot_of(format_type), result);
}

BOOL WINAPI SetLocaleInfoW(LCID lcid, LCTYPE lctype, LPCWSTR data)
{
    LCTYPE type = lctype & ~LOCALE_USE_CP_ACP;
    int slot = slot_of(type);

    if (!k32_resolve_lcid(lcid))
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (slot < 0)
    {
        RtlSetLastWin32Error(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (!data || wcslen(data) >= settable[slot].max)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (type == LOCALE_SDATE) replace_separator(LOCALE_SDATE, LOCALE_SSHORTDATE, data);
    if (type == LOCALE_STIME) replace_separator(LOCALE_STIME, LOCALE_STIMEFORMAT, data);
    store(slot, data);
    return TRUE;
}

BOOL WINAPI SetLocaleInfoA(LCID lcid, LCTYPE lctype, LPCSTR data)
{
    WCHAR wide[K32_USER_VALUE_MAX + 1];
    int len;

    if (!data)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    len = MultiByteToWideChar(CP_ACP, 0, data, -1, wide, K32_USER_VALUE_MAX + 1);
    if (!len)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return SetLocaleInfoW(lcid, lctype, wide);
}
