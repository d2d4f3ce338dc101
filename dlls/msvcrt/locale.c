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
int __lc_collate_cp;                  /* LC_COLLATE's, the same here */
/* the old CRT's count of setlocale calls under way and of unguarded
   readers: setlocale here never leaves the locale half-changed, so both
   stay 0 (msvcrt's data exports and their accessors) */
int __setlc_active;
unsigned int __unguarded_readlc_active;
int __cdecl ___setlc_active_func(void) { return __setlc_active; }
unsigned int * __cdecl ___unguarded_readlc_active_add_func(void) { return &__unguarded_readlc_active; }
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
    __lc_codepage = __lc_collate_cp = current_codepage;
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

/* --- locale objects (_create_locale) ------------------------------------------------ */

/* A _locale_t points at two blocks that headers' inline code may read.
 * The UCRT's public part of the first is { pctype, mb_cur_max, codepage };
 * msvcrt's threadlocinfo starts { refcount, lc_codepage, lc_collate_cp },
 * its pctype further on. The _l functions here ignore the object (they
 * behave as "C"), so only these fields are filled; the rest is zeros. */
struct crt_locale
{
    void *locinfo;                      /* -> info */
    void *mbcinfo;                      /* -> mbc */
#ifdef WLX_UCRT
    struct { const unsigned short *pctype; int mb_cur_max; unsigned int codepage; } info;
#else
    struct { int refcount; unsigned int codepage, collate_cp; } info;
#endif
    unsigned char zeros[1024];          /* the rest of either layout */
    unsigned char mbc[1024];            /* threadmbcinfo: a single-byte code page */
};

/* ctype.c's __pctype_func (the SDK's declaration goes through dllimport) */
const unsigned short *__cdecl crt_pctype(void) __asm__("__pctype_func");

_locale_t __cdecl _create_locale(int category, const char *name)
{
    struct crt_locale *l;
    unsigned int codepage;

    if (category < LC_ALL || category > LC_MAX || !name) return NULL;
    if (!strcmp(name, "C")) codepage = 0;
    else if (is_user_locale(name)) codepage = 1252;
    else return NULL;
    if (!(l = calloc(1, sizeof(*l)))) return NULL;
    l->locinfo = &l->info;
    l->mbcinfo = l->mbc;
#ifdef WLX_UCRT
    l->info.pctype = crt_pctype();
    l->info.mb_cur_max = 1;
#else
    l->info.refcount = 1;
    l->info.collate_cp = codepage;
#endif
    l->info.codepage = codepage;
    /* threadmbcinfo starts { refcount, mbcodepage }: the "C" locale has no
       multibyte code page (0), the user's its ANSI one */
    memcpy(l->mbc + sizeof(int), &codepage, sizeof(codepage));
    return (_locale_t)l;
}

_locale_t __cdecl _wcreate_locale(int category, const WCHAR *name)
{
    char buf[64];

    if (!name || !WideCharToMultiByte(CP_ACP, 0, name, -1, buf, sizeof(buf), NULL, NULL)) return NULL;
    return _create_locale(category, buf);
}

_locale_t __cdecl _get_current_locale(void)
{
    return _create_locale(LC_ALL, current_name);
}

void __cdecl _free_locale(_locale_t locale)
{
    free(locale);
}

/* _lock_locales/_unlock_locales: hold the CRT's locale lock (recursive, as
 * every _lock is) so a caller can read the global locale while no thread
 * changes it. */
void __cdecl _lock_locales(void) { _lock(MSVCRT_LOCK_LOCALE); }
void __cdecl _unlock_locales(void) { _unlock(MSVCRT_LOCK_LOCALE); }

/* the multibyte code page of a locale object (mbstr.c's _l functions) */
unsigned int msvcrt_locale_mbcp(_locale_t locale)
{
    unsigned int cp;
    memcpy(&cp, ((struct crt_locale *)locale)->mbc + sizeof(int), sizeof(cp));
    return cp;
}
