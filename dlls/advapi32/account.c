/*
 * dlls/advapi32/account.c — accounts: GetUserName and LookupAccountSid /
 * LookupAccountName over the well-known SIDs (sidtable.c) and the user
 * (wlx/user.h: the Linux login name, in the machine's domain).
 *
 * Sections: the user's name · SID to name · name to SID · ANSI versions.
 */
#include "sidtable.h"
#include <lmcons.h>

/* --- the user's name ------------------------------------------------------------- */

/* the Linux login name, or FALSE with the error set */
static BOOL user_name(WCHAR *buf, DWORD size)
{
    ULONG n = size;
    NTSTATUS status = __wlx_user_name(buf, &n);
    if (status) SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

/* *len: characters with the NUL, in and out */
BOOL WINAPI GetUserNameW(LPWSTR buf, LPDWORD len)
{
    WCHAR name[UNLEN + 1];
    DWORD n;

    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!user_name(name, ARRAY_SIZE(name))) return FALSE;
    n = lstrlenW(name) + 1;
    if (!buf || *len < n)
    {
        *len = n;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(buf, name, n * sizeof(WCHAR));
    *len = n;
    return TRUE;
}

BOOL WINAPI GetUserNameA(LPSTR buf, LPDWORD len)
{
    WCHAR name[UNLEN + 1];
    DWORD n;

    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!user_name(name, ARRAY_SIZE(name))) return FALSE;
    n = WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL);
    if (!buf || *len < n)
    {
        *len = n;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *len = WideCharToMultiByte(CP_ACP, 0, name, -1, buf, *len, NULL, NULL);
    return TRUE;
}

/* an entry's account name and domain (the machine's name for local ones) */
static BOOL entry_names(const struct wellknown *w, WCHAR *name, WCHAR *domain)
{
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;

    if (w->name) lstrcpyW(name, w->name);
    else if (!user_name(name, UNLEN + 1)) return FALSE;
    if (w->domain) lstrcpyW(domain, w->domain);
    else if (!GetComputerNameW(domain, &n)) return FALSE;
    return TRUE;
}

/* copies `str` to a caller's buffer of *len characters: the Lookup*
   functions' convention (too small: *len becomes the size with the NUL) */
static BOOL give_string(const WCHAR *str, WCHAR *buf, DWORD *len)
{
    DWORD n = lstrlenW(str);
    BOOL fits = buf && *len > n;
    if (fits) memcpy(buf, str, (n + 1) * sizeof(WCHAR));
    *len = fits ? n : n + 1;
    return fits;
}

/* --- SID to name ------------------------------------------------------------------ */

BOOL WINAPI LookupAccountSidW(LPCWSTR system, PSID sid, LPWSTR name, LPDWORD name_len, LPWSTR domain,
                              LPDWORD domain_len, PSID_NAME_USE use)
{
    WCHAR found_name[128], found_domain[MAX_COMPUTERNAME_LENGTH + 16];
    const struct wellknown *w;
    BOOL name_ok, domain_ok;

    (void)system;   /* answered locally */
    if (!sid || !name_len || !domain_len || !use) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!IsValidSid(sid)) { SetLastError(ERROR_INVALID_SID); return FALSE; }
    if (!(w = sec_find_wellknown(sid))) { SetLastError(ERROR_NONE_MAPPED); return FALSE; }
    if (!entry_names(w, found_name, found_domain)) return FALSE;
    name_ok = give_string(found_name, name, name_len);
    domain_ok = give_string(found_domain, domain, domain_len);
    if (!name_ok || !domain_ok)
    {
        /* both sizes are given when either is short */
        if (name_ok) *name_len = lstrlenW(found_name) + 1;
        if (domain_ok) *domain_len = lstrlenW(found_domain) + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *use = w->use;
    return TRUE;
}

/* --- name to SID ------------------------------------------------------------------ */

/* does "name" or "domain\name" name entry `w` */
static BOOL entry_matches(const struct wellknown *w, const WCHAR *account)
{
    WCHAR name[128], domain[MAX_COMPUTERNAME_LENGTH + 16];
    const WCHAR *slash = account, *p;

    for (p = account; *p; p++) if (*p == '\\') slash = p + 1;
    if (!entry_names(w, name, domain)) return FALSE;
    if (lstrcmpiW(slash, name)) return FALSE;
    if (slash == account) return TRUE;
    return lstrlenW(domain) == slash - account - 1 &&
           CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, account, slash - account - 1, domain, -1) == CSTR_EQUAL;
}

BOOL WINAPI LookupAccountNameW(LPCWSTR system, LPCWSTR account, PSID sid, LPDWORD sid_len, LPWSTR domain,
                               LPDWORD domain_len, PSID_NAME_USE use)
{
    WCHAR found_name[128], found_domain[MAX_COMPUTERNAME_LENGTH + 16];
    BYTE buf[SECURITY_MAX_SID_SIZE];
    const struct wellknown *w = NULL;
    DWORD need;
    BOOL sid_ok, domain_ok;

    (void)system;
    if (!account || !sid_len || !domain_len || !use) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    for (DWORD i = 0; i < sec_wellknown_count && !w; i++)
        if (entry_matches(&sec_wellknown[i], account)) w = &sec_wellknown[i];
    if (!w) { SetLastError(ERROR_NONE_MAPPED); return FALSE; }
    if (!entry_names(w, found_name, found_domain)) return FALSE;
    sec_wellknown_sid(w, (SID *)buf);
    need = GetLengthSid(buf);
    sid_ok = sid && *sid_len >= need;
    if (sid_ok) memcpy(sid, buf, need);
    *sid_len = need;
    domain_ok = give_string(found_domain, domain, domain_len);
    if (!sid_ok || !domain_ok)
    {
        if (domain_ok) *domain_len = lstrlenW(found_domain) + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *use = w->use;
    return TRUE;
}

/* --- ANSI versions ------------------------------------------------------------------ */

/* a UTF-16 result in an ANSI buffer of *len characters, Lookup* style */
static BOOL give_ansi(const WCHAR *str, char *buf, DWORD *len)
{
    DWORD n = WideCharToMultiByte(CP_ACP, 0, str, -1, NULL, 0, NULL, NULL);
    BOOL fits = buf && *len >= n;
    if (fits) WideCharToMultiByte(CP_ACP, 0, str, -1, buf, n, NULL, NULL);
    *len = fits ? n - 1 : n;
    return fits;
}

BOOL WINAPI LookupAccountSidA(LPCSTR system, PSID sid, LPSTR name, LPDWORD name_len, LPSTR domain,
                              LPDWORD domain_len, PSID_NAME_USE use)
{
    WCHAR nameW[128], domainW[MAX_COMPUTERNAME_LENGTH + 16];
    DWORD nlen = ARRAY_SIZE(nameW), dlen = ARRAY_SIZE(domainW);
    BOOL name_ok, domain_ok;

    (void)system;
    if (!name_len || !domain_len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!LookupAccountSidW(NULL, sid, nameW, &nlen, domainW, &dlen, use)) return FALSE;
    name_ok = give_ansi(nameW, name, name_len);
    domain_ok = give_ansi(domainW, domain, domain_len);
    if (name_ok && domain_ok) return TRUE;
    if (name_ok) (*name_len)++;
    if (domain_ok) (*domain_len)++;
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return FALSE;
}

BOOL WINAPI LookupAccountNameA(LPCSTR system, LPCSTR account, PSID sid, LPDWORD sid_len, LPSTR domain,
                               LPDWORD domain_len, PSID_NAME_USE use)
{
    WCHAR *accountW, domainW[MAX_COMPUTERNAME_LENGTH + 16];
    DWORD dlen = ARRAY_SIZE(domainW);
    BOOL ret = FALSE, sid_ok, domain_ok;

    (void)system;
    if (!account || !domain_len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(accountW = sec_strdup_aw(account))) return FALSE;
    /* domainW is large: a short buffer can only be the caller's SID */
    sid_ok = LookupAccountNameW(NULL, accountW, sid, sid_len, domainW, &dlen, use);
    if (sid_ok || GetLastError() == ERROR_INSUFFICIENT_BUFFER)
    {
        domain_ok = give_ansi(domainW, domain, domain_len);
        ret = sid_ok && domain_ok;
        if (!ret && domain_ok) (*domain_len)++;
        if (!ret) SetLastError(ERROR_INSUFFICIENT_BUFFER);
    }
    sec_free(accountW);
    return ret;
}
