/*
 * dlls/msvcrt/locale.c — setlocale and friends. Two locales exist: "C"
 * (the start-up one: code page 0 in ___lc_codepage_func, bytes map to
 * themselves) and the user's, which setlocale(…, "") selects and names
 * "English_United States.1252" as Windows does for en-US. Other names are
 * refused (NULL), as the CRT does for locales it does not know.
 */
#include "private.h"
#include <locale.h>
#include <string.h>

static char current_name[64] = "C";
static WCHAR current_wname[64] = L"C";
static int current_codepage;          /* 0 in the "C" locale */
int __lc_codepage;                    /* the data export some programs read */
static const char user_locale[] = "English_United States.1252";

static struct lconv lconv_c = {
    ".", "", "", "", "", "", "", "", "", "", 127, 127, 127, 127, 127, 127, 127, 127,
    L".", L"", L"", L"", L"", L"", L"", L"",
};
static struct lconv lconv_user = {
    ".", ",", "\3", "USD", "$", ".", ",", "\3", "", "-", 2, 2, 1, 0, 1, 0, 3, 0,
    L".", L",", L"USD", L"$", L".", L",", L"", L"-",
};

static int is_user_locale(const char *name)
{
    return !*name || !_stricmp(name, user_locale) || !_stricmp(name, "English_United States") ||
           !_stricmp(name, "en-US") || !_stricmp(name, "English") || !_stricmp(name, ".1252") ||
           !_stricmp(name, "american") || !_stricmp(name, "en_US");
}

char * __cdecl setlocale(int category, const char *name)
{
    if (category < LC_ALL || category > LC_MAX) return NULL;
    if (!name) return current_name;
    if (!strcmp(name, "C")) strcpy(current_name, "C");
    else if (is_user_locale(name)) strcpy(current_name, user_locale);
    else return NULL;
    current_codepage = strcmp(current_name, "C") ? 1252 : 0;
    __lc_codepage = current_codepage;
    MultiByteToWideChar(CP_ACP, 0, current_name, -1, current_wname, 64);
    return current_name;
}

WCHAR * __cdecl _wsetlocale(int category, const WCHAR *name)
{
    char buf[64];
    if (name && !WideCharToMultiByte(CP_ACP, 0, name, -1, buf, sizeof(buf), NULL, NULL)) return NULL;
    if (!setlocale(category, name ? buf : NULL)) return NULL;
    return current_wname;
}

struct lconv * __cdecl localeconv(void)
{
    return current_codepage ? &lconv_user : &lconv_c;
}

unsigned int __cdecl ___lc_codepage_func(void) { return current_codepage; }
unsigned int __cdecl ___lc_collate_cp_func(void) { return current_codepage; }

/* one handle per category: 0 (LOCALE_NEUTRAL-ish) in "C", the LCID otherwise */
static LCID lc_handles[LC_MAX + 1];
LCID * __cdecl ___lc_handle_func(void)
{
    for (int i = 0; i <= LC_MAX; i++) lc_handles[i] = current_codepage ? 0x409 : 0;
    return lc_handles;
}

/* _configthreadlocale: whether this thread's setlocale is its own. The flag
   is kept per thread (a TLS slot, NULL meaning the default: shared); wlx's
   locale itself is process-wide, so a thread that enables it still sees
   the others' setlocale (a known limit). */
static DWORD per_thread_slot = TLS_OUT_OF_INDEXES;

static DWORD thread_locale_slot(void)
{
    if (per_thread_slot == TLS_OUT_OF_INDEXES)
    {
        DWORD slot = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&per_thread_slot, slot, TLS_OUT_OF_INDEXES) != (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(slot);
    }
    return per_thread_slot;
}

int __cdecl _configthreadlocale(int type)
{
    DWORD slot = thread_locale_slot();
    int previous = TlsGetValue(slot) ? _ENABLE_PER_THREAD_LOCALE : _DISABLE_PER_THREAD_LOCALE;

    switch (type)
    {
    case 0: break;
    case _ENABLE_PER_THREAD_LOCALE: TlsSetValue(slot, (void *)1); break;
    case _DISABLE_PER_THREAD_LOCALE: TlsSetValue(slot, NULL); break;
    case -1: TlsSetValue(slot, NULL); break;   /* the legacy "global for all threads" */
    default:
        *_errno() = EINVAL;
        msvcrt_invalid_parameter();
        return -1;
    }
    return previous;
}
