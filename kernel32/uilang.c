/*
 * kernel32/uilang.c — user interface languages (MUI): the thread's UI
 * language and the preferred UI language lists of the user, the system,
 * the process and the thread.
 *
 * wlx's one UI language is en-US: the user's and the system's lists are
 * "en-US". A program may set lists of its own for the process (up to five
 * languages, as documented) and for a thread (up to four here: they are
 * kept in the thread's TLS value, 16 bits each); a language LocaleNameToLCID
 * does not know is not valid and is left out, as Windows leaves out invalid
 * ones. The thread's merged list is its own languages, then the process's,
 * then the user's, then the system default, each language once. The
 * installed UI language (IsValidUILanguage; EnumUILanguages is in
 * localeenum.c) is en-US.
 *
 * Lists go out as Windows gives them (tests/kernel32/uilang.c): a
 * multi-string of names ("en-US") or of hexadecimal language ids ("0409"),
 * ending in two NULs ("" and 2 characters when empty); a NULL buffer with a
 * size of 0 asks for the size; too small a buffer is ERROR_INSUFFICIENT_BUFFER
 * with the size needed.
 */
#include "private.h"

int __cdecl _snwprintf(WCHAR *, size_t, const WCHAR *, ...);   /* ntdll's */

#define MAX_PROCESS_LANGS 5
#define MAX_THREAD_LANGS  4
#define EN_US 0x0409

#define FORMAT_FLAGS (MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME)

/* a list of languages, each once */
struct langs
{
    LANGID id[MAX_THREAD_LANGS + MAX_PROCESS_LANGS + 2];
    ULONG count;
};

static LANGID process_langs[MAX_PROCESS_LANGS];
static ULONG process_count;
static SRWLOCK process_lock = SRWLOCK_INIT;
static DWORD thread_slot = TLS_OUT_OF_INDEXES;

static void add(struct langs *l, LANGID id)
{
    for (ULONG i = 0; i < l->count; i++) if (l->id[i] == id) return;
    if (l->count < ARRAYSIZE(l->id)) l->id[l->count++] = id;
}

/* --- the thread's list, in its TLS value ------------------------------------------ */

/* the TLS slot, allocated by the first caller (a race loses one slot, harmlessly) */
static DWORD slot(void)
{
    DWORD s = __atomic_load_n(&thread_slot, __ATOMIC_ACQUIRE), expected = TLS_OUT_OF_INDEXES;
    if (s != TLS_OUT_OF_INDEXES) return s;
    if ((s = TlsAlloc()) == TLS_OUT_OF_INDEXES) return s;
    if (!__atomic_compare_exchange_n(&thread_slot, &expected, s, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        TlsFree(s);
        s = expected;
    }
    return s;
}

static void thread_langs(struct langs *l)
{
    DWORD s = slot(), err = GetLastError();
    ULONG64 packed = s == TLS_OUT_OF_INDEXES ? 0 : (ULONG64)(ULONG_PTR)TlsGetValue(s);
    SetLastError(err);                                 /* TlsGetValue clears it */
    for (; packed; packed >>= 16) add(l, (LANGID)packed);
}

static BOOL set_thread_langs(const LANGID *ids, ULONG count)
{
    ULONG64 packed = 0;
    DWORD s = slot();
    if (s == TLS_OUT_OF_INDEXES) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    while (count--) packed = packed << 16 | ids[count];
    return TlsSetValue(s, (void *)(ULONG_PTR)packed);
}

static void process_list(struct langs *l)
{
    AcquireSRWLockShared(&process_lock);
    for (ULONG i = 0; i < process_count; i++) add(l, process_langs[i]);
    ReleaseSRWLockShared(&process_lock);
}

/* the thread's list merged with the process's, the user's and the system's */
static void merged_list(struct langs *l)
{
    thread_langs(l);
    process_list(l);
    add(l, GetUserDefaultUILanguage());
    add(l, GetSystemDefaultUILanguage());
}

/* --- in and out ------------------------------------------------------------------------ */

/* the languages of a multi-string in names or ids; unknown ones are left out */
static ULONG parse_langs(DWORD flags, const WCHAR *list, LANGID *out, ULONG max)
{
    ULONG count = 0;

    for (const WCHAR *p = list; p && *p && count < max; p += lstrlenW(p) + 1)
    {
        LCID lcid = 0;
        WCHAR name[LOCALE_NAME_MAX_LENGTH];

        if (flags & MUI_LANGUAGE_ID)
        {
            /* exactly four hexadecimal digits, no "0x" (documented) */
            int i, d = 0;
            for (i = 0; p[i] && d >= 0; i++)
            {
                WCHAR c = p[i] | 0x20;
                d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
                lcid = lcid << 4 | (d & 15);
            }
            if (i != 4 || d < 0 || !lcid || !LCIDToLocaleName(lcid, name, ARRAYSIZE(name), LOCALE_ALLOW_NEUTRAL_NAMES))
                lcid = 0;
        }
        else lcid = LocaleNameToLCID(p, LOCALE_ALLOW_NEUTRAL_NAMES);
        if (lcid && lcid != LOCALE_INVARIANT)
        {
            ULONG i;
            for (i = 0; i < count && out[i] != LANGIDFROMLCID(lcid); i++) ;
            if (i == count) out[count++] = LANGIDFROMLCID(lcid);
        }
    }
    return count;
}

/* one language as the caller asked: "en-US" or "0409" */
static int lang_text(DWORD flags, LANGID id, WCHAR *buf)
{
    if (flags & MUI_LANGUAGE_ID) return _snwprintf(buf, 5, L"%04x", id);
    return LCIDToLocaleName(MAKELCID(id, SORT_DEFAULT), buf, LOCALE_NAME_MAX_LENGTH, LOCALE_ALLOW_NEUTRAL_NAMES) - 1;
}

/* the list into the caller's buffer, by the rules in the header */
static BOOL put_langs(DWORD flags, const struct langs *l, ULONG *num, WCHAR *buf, ULONG *size)
{
    WCHAR text[ARRAYSIZE(l->id) * LOCALE_NAME_MAX_LENGTH + 2];
    ULONG len = 0;

    if (!num || !size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    for (ULONG i = 0; i < l->count; i++)
    {
        int n = lang_text(flags, l->id[i], text + len);
        if (n > 0) len += n + 1;
    }
    text[len++] = 0;
    if (len == 1) text[len++] = 0;           /* empty: two NULs */
    if (!buf)
    {
        if (*size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    }
    else if (*size < len)
    {
        *size = len;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    else memcpy(buf, text, len * sizeof(WCHAR));
    *size = len;
    *num = l->count;
    return TRUE;
}

static BOOL bad_format(DWORD flags)
{
    return (flags & FORMAT_FLAGS) == FORMAT_FLAGS;
}

/* --- the functions -------------------------------------------------------------------- */

BOOL WINAPI GetUserPreferredUILanguages(DWORD flags, ULONG *num, PZZWSTR buf, ULONG *size)
{
    struct langs l = { { 0 }, 0 };
    if (bad_format(flags) || (flags & ~FORMAT_FLAGS)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    add(&l, GetUserDefaultUILanguage());
    return put_langs(flags, &l, num, buf, size);
}

BOOL WINAPI GetSystemPreferredUILanguages(DWORD flags, ULONG *num, PZZWSTR buf, ULONG *size)
{
    struct langs l = { { 0 }, 0 };
    if (bad_format(flags) || (flags & ~(FORMAT_FLAGS | MUI_MACHINE_LANGUAGE_SETTINGS)))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    add(&l, GetSystemDefaultUILanguage());
    return put_langs(flags, &l, num, buf, size);
}

BOOL WINAPI GetProcessPreferredUILanguages(DWORD flags, ULONG *num, PZZWSTR buf, ULONG *size)
{
    struct langs l = { { 0 }, 0 };
    if (bad_format(flags) || (flags & ~FORMAT_FLAGS)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    process_list(&l);
    return put_langs(flags, &l, num, buf, size);
}

/* MUI_THREAD_LANGUAGES: the thread's own list; otherwise (MUI_MERGE_USER_FALLBACK
   by default) the merged list */
BOOL WINAPI GetThreadPreferredUILanguages(DWORD flags, ULONG *num, PZZWSTR buf, ULONG *size)
{
    static const DWORD merge = MUI_MERGE_USER_FALLBACK | MUI_MERGE_SYSTEM_FALLBACK;
    struct langs l = { { 0 }, 0 };

    if (bad_format(flags) || (flags & ~(FORMAT_FLAGS | merge | MUI_THREAD_LANGUAGES)) ||
        ((flags & MUI_THREAD_LANGUAGES) && (flags & merge)) ||
        ((flags & merge) == MUI_MERGE_SYSTEM_FALLBACK))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & MUI_THREAD_LANGUAGES) thread_langs(&l);
    else merged_list(&l);
    return put_langs(flags, &l, num, buf, size);
}

/* NULL clears the list; *num (optional) is how many valid languages were set */
BOOL WINAPI SetProcessPreferredUILanguages(DWORD flags, PCZZWSTR list, ULONG *num)
{
    LANGID ids[MAX_PROCESS_LANGS];
    ULONG count;

    if (bad_format(flags) || (flags & ~FORMAT_FLAGS)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    count = parse_langs(flags, list, ids, MAX_PROCESS_LANGS);
    AcquireSRWLockExclusive(&process_lock);
    memcpy(process_langs, ids, count * sizeof(ids[0]));
    process_count = count;
    ReleaseSRWLockExclusive(&process_lock);
    if (num) *num = count;
    return TRUE;
}

/* the console and complex-script filters are accepted and change nothing:
   wlx's one UI language needs no substitute */
BOOL WINAPI SetThreadPreferredUILanguages(DWORD flags, PCZZWSTR list, ULONG *num)
{
    static const DWORD filters = MUI_CONSOLE_FILTER | MUI_COMPLEX_SCRIPT_FILTER | MUI_RESET_FILTERS;
    LANGID ids[MAX_THREAD_LANGS];
    ULONG count;

    if (bad_format(flags) || (flags & ~(FORMAT_FLAGS | filters))) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    count = parse_langs(flags, list, ids, MAX_THREAD_LANGS);
    if (!set_thread_langs(ids, count)) return FALSE;
    if (num) *num = count;
    return TRUE;
}

/* the first language of the thread's merged list */
LANGID WINAPI GetThreadUILanguage(void)
{
    struct langs l = { { 0 }, 0 };
    merged_list(&l);
    return l.count ? l.id[0] : EN_US;
}

/* 0 asks which language the thread has; another sets it as the thread's
   one preferred language and is returned */
LANGID WINAPI SetThreadUILanguage(LANGID id)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];

    if (!id) return GetThreadUILanguage();
    if (!LCIDToLocaleName(MAKELCID(id, SORT_DEFAULT), name, ARRAYSIZE(name), LOCALE_ALLOW_NEUTRAL_NAMES))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return set_thread_langs(&id, 1) ? id : 0;
}

/* the installed UI languages are en-US (EnumUILanguages: localeenum.c) */
BOOL WINAPI IsValidUILanguage(LANGID id)
{
    return id == EN_US;
}
