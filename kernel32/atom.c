/*
 * kernel32/atom.c — local atoms (AddAtom, FindAtom, DeleteAtom,
 * GetAtomName, InitAtomTable) over an ntdll atom table of the process, and
 * global atoms (GlobalAddAtom & co.) over NtAddAtom & co.
 *
 * The local table is created on first use with 37 buckets, or by
 * InitAtomTable. wlx's global table is per process (ntdll/atom.c says why).
 * The A functions convert through the ANSI code page.
 */
#include "private.h"

typedef USHORT RTL_ATOM;

NTSTATUS NTAPI RtlCreateAtomTable(ULONG, void **);
NTSTATUS NTAPI RtlAddAtomToAtomTable(void *, const WCHAR *, RTL_ATOM *);
NTSTATUS NTAPI RtlLookupAtomInAtomTable(void *, const WCHAR *, RTL_ATOM *);
NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(void *, RTL_ATOM);
NTSTATUS NTAPI RtlQueryAtomInAtomTable(void *, RTL_ATOM, ULONG *, ULONG *, WCHAR *, ULONG *);
NTSTATUS NTAPI NtAddAtomEx(const WCHAR *, ULONG, RTL_ATOM *, ULONG);
NTSTATUS NTAPI NtFindAtom(const WCHAR *, ULONG, RTL_ATOM *);
NTSTATUS NTAPI NtDeleteAtom(RTL_ATOM);
NTSTATUS NTAPI NtQueryInformationAtom(RTL_ATOM, ULONG, void *, ULONG, ULONG *);
void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
size_t __cdecl wcslen(const WCHAR *);
size_t __cdecl strlen(const char *);
void *__cdecl memcpy(void *, const void *, size_t);

#define MAX_ATOM_LEN 255

static void *local_table;
static RTL_SRWLOCK local_lock;

static void *get_local_table(DWORD size)
{
    if (!local_table)
    {
        RtlAcquireSRWLockExclusive(&local_lock);
        RtlCreateAtomTable(size, &local_table);
        RtlReleaseSRWLockExclusive(&local_lock);
    }
    return local_table;
}

BOOL WINAPI InitAtomTable(DWORD size)
{
    return get_local_table(size) != NULL;
}

/* An ANSI name as a wide one in buf; an integer atom passes as it is.
 * FALSE (last error set) for a name too long to be an atom's. */
static BOOL name_AtoW(const char *name, WCHAR *buf, const WCHAR **out)
{
    int len;

    if (!((ULONG_PTR)name >> 16))
    {
        *out = (const WCHAR *)name;
        return TRUE;
    }
    len = MultiByteToWideChar(CP_ACP, 0, name, strlen(name), buf, MAX_ATOM_LEN);
    if (!len && *name)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    buf[len] = 0;
    *out = buf;
    return TRUE;
}

/* --- local atoms ------------------------------------------------------------ */

/* MAKEINTATOM(n) is n without looking at any table; MAKEINTATOM(0) is 0
 * with no error set, 0xC000 and above an invalid parameter */
static BOOL integer_atom(const WCHAR *name, ATOM *atom)
{
    if ((ULONG_PTR)name >> 16) return FALSE;
    *atom = (ULONG_PTR)name;
    if (*atom >= 0xc000)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        *atom = 0;
    }
    return TRUE;
}

ATOM WINAPI AddAtomW(LPCWSTR name)
{
    RTL_ATOM atom = 0;
    void *t;

    if (integer_atom(name, &atom)) return atom;
    t = get_local_table(0);

    if (!t) return set_ntstatus(STATUS_NO_MEMORY), 0;
    if (!set_ntstatus(RtlAddAtomToAtomTable(t, name, &atom))) return 0;
    return atom;
}

ATOM WINAPI AddAtomA(LPCSTR name)
{
    WCHAR buf[MAX_ATOM_LEN + 1];
    const WCHAR *w;

    return name_AtoW(name, buf, &w) ? AddAtomW(w) : 0;
}

ATOM WINAPI FindAtomW(LPCWSTR name)
{
    RTL_ATOM atom = 0;
    void *t;

    if (integer_atom(name, &atom)) return atom;
    t = get_local_table(0);

    if (!t) return set_ntstatus(STATUS_NO_MEMORY), 0;
    if (!set_ntstatus(RtlLookupAtomInAtomTable(t, name, &atom))) return 0;
    return atom;
}

ATOM WINAPI FindAtomA(LPCSTR name)
{
    WCHAR buf[MAX_ATOM_LEN + 1];
    const WCHAR *w;

    return name_AtoW(name, buf, &w) ? FindAtomW(w) : 0;
}

/* 0 when done, the atom when not */
ATOM WINAPI DeleteAtom(ATOM atom)
{
    void *t = get_local_table(0);

    if (!t) return set_ntstatus(STATUS_NO_MEMORY), atom;
    return set_ntstatus(RtlDeleteAtomFromAtomTable(t, atom)) ? 0 : atom;
}

/* A name longer than the buffer is cut to count - 1 characters and
 * terminated (tests/kernel32/atom.c) */
UINT WINAPI GetAtomNameW(ATOM atom, LPWSTR buffer, int count)
{
    WCHAR name[MAX_ATOM_LEN + 1];
    ULONG len = sizeof(name);
    NTSTATUS status;
    void *t = get_local_table(0);

    if (!t) return set_ntstatus(STATUS_NO_MEMORY), 0;
    status = RtlQueryAtomInAtomTable(t, atom, NULL, NULL, name, &len);
    if (!set_ntstatus(status)) return 0;
    if (count <= 0)
    {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    len /= sizeof(WCHAR);
    if ((int)len >= count) len = count - 1;
    memcpy(buffer, name, len * sizeof(WCHAR));
    buffer[len] = 0;
    return len;
}

UINT WINAPI GetAtomNameA(ATOM atom, LPSTR buffer, int count)
{
    WCHAR name[MAX_ATOM_LEN + 1];
    char tmp[2 * MAX_ATOM_LEN + 2];
    UINT len;

    if (count <= 0)
    {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    if (!(len = GetAtomNameW(atom, name, MAX_ATOM_LEN + 1))) return 0;
    len = WideCharToMultiByte(CP_ACP, 0, name, len, tmp, sizeof(tmp), NULL, NULL);
    if ((int)len >= count)
    {
        SetLastError(ERROR_MORE_DATA);
        len = count - 1;
    }
    memcpy(buffer, tmp, len);
    buffer[len] = 0;
    return len;
}

/* --- global atoms ----------------------------------------------------------- */

static ULONG name_bytes(const WCHAR *name)
{
    return (ULONG_PTR)name >> 16 ? wcslen(name) * sizeof(WCHAR) : 0;
}

ATOM WINAPI GlobalAddAtomExW(LPCWSTR name, DWORD flags)
{
    RTL_ATOM atom = 0;
    if (!set_ntstatus(NtAddAtomEx(name, name_bytes(name), &atom, flags))) return 0;
    return atom;
}

ATOM WINAPI GlobalAddAtomW(LPCWSTR name)
{
    return GlobalAddAtomExW(name, 0);
}

ATOM WINAPI GlobalAddAtomExA(LPCSTR name, DWORD flags)
{
    WCHAR buf[MAX_ATOM_LEN + 1];
    const WCHAR *w;

    return name_AtoW(name, buf, &w) ? GlobalAddAtomExW(w, flags) : 0;
}

ATOM WINAPI GlobalAddAtomA(LPCSTR name)
{
    return GlobalAddAtomExA(name, 0);
}

ATOM WINAPI GlobalFindAtomW(LPCWSTR name)
{
    RTL_ATOM atom = 0;
    if (!set_ntstatus(NtFindAtom(name, name_bytes(name), &atom))) return 0;
    return atom;
}

ATOM WINAPI GlobalFindAtomA(LPCSTR name)
{
    WCHAR buf[MAX_ATOM_LEN + 1];
    const WCHAR *w;

    return name_AtoW(name, buf, &w) ? GlobalFindAtomW(w) : 0;
}

ATOM WINAPI GlobalDeleteAtom(ATOM atom)
{
    return set_ntstatus(NtDeleteAtom(atom)) ? 0 : atom;
}

/* the name and its length in characters, 0 (last error set) on failure */
static ULONG global_name(ATOM atom, WCHAR *name)
{
    struct { USHORT refs, pinned, len; WCHAR name[MAX_ATOM_LEN + 1]; } info;
    ULONG size;

    if (!set_ntstatus(NtQueryInformationAtom(atom, 0, &info, sizeof(info), &size))) return 0;
    memcpy(name, info.name, info.len);
    return info.len / sizeof(WCHAR);
}

/* A name that fits exactly without its terminator is copied unterminated
 * and counts as success; a longer one is cut, counted, and
 * ERROR_MORE_DATA (tests/kernel32/atom.c). */
UINT WINAPI GlobalGetAtomNameW(ATOM atom, LPWSTR buffer, int count)
{
    WCHAR name[MAX_ATOM_LEN + 1];
    ULONG len;

    if (!(len = global_name(atom, name))) return 0;
    if (count <= 0)
    {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    if ((int)len > count)
    {
        SetLastError(ERROR_MORE_DATA);
        len = count;
    }
    memcpy(buffer, name, len * sizeof(WCHAR));
    if ((int)len < count) buffer[len] = 0;
    return len;
}

/* A name that does not fit with its terminator is cut and terminated, and
 * the call fails with ERROR_MORE_DATA */
UINT WINAPI GlobalGetAtomNameA(ATOM atom, LPSTR buffer, int count)
{
    WCHAR name[MAX_ATOM_LEN + 1];
    char tmp[2 * MAX_ATOM_LEN + 2];
    ULONG len;

    if (!(len = global_name(atom, name))) return 0;
    if (count <= 0)
    {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    len = WideCharToMultiByte(CP_ACP, 0, name, len, tmp, sizeof(tmp), NULL, NULL);
    if ((int)len >= count)
    {
        memcpy(buffer, tmp, count - 1);
        buffer[count - 1] = 0;
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    memcpy(buffer, tmp, len);
    buffer[len] = 0;
    return len;
}
