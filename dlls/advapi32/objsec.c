/*
 * dlls/advapi32/objsec.c — the security of kernel objects by handle:
 * GetKernelObjectSecurity and SetKernelObjectSecurity.
 *
 * As for files (filesec.c), nothing keeps a Windows descriptor: an object's
 * is synthesized (owner and group the user, a DACL giving the user,
 * Administrators and SYSTEM the type's full access; none for an unnamed
 * event, mutex, semaphore, timer or section), and setting one checks
 * the handle, its access and the descriptor, then changes nothing
 * (doc/security.md). What Windows checks is checked: the handle must be
 * valid and carry READ_CONTROL to read the owner, group or DACL,
 * ACCESS_SYSTEM_SECURITY for the SACL, WRITE_DAC and WRITE_OWNER to set
 * them (tests/advapi32/objsec.c).
 */
#include "secpriv.h"

/* the full access of each object type, as the DACL grants it; whether
   the type requires a descriptor (an object of a type that does not gets
   one only when it has a name: an unnamed event has none) */
static const struct { const WCHAR *type; ACCESS_MASK all; BOOL required; } types[] = {
    { L"File", FILE_ALL_ACCESS, TRUE },
    { L"Key", KEY_ALL_ACCESS, TRUE },
    { L"Token", TOKEN_ALL_ACCESS, TRUE },
    { L"Job", JOB_OBJECT_ALL_ACCESS, TRUE },
    { L"Event", EVENT_ALL_ACCESS, FALSE },
    { L"Mutant", MUTANT_ALL_ACCESS, FALSE },
    { L"Semaphore", SEMAPHORE_ALL_ACCESS, FALSE },
    { L"Timer", TIMER_ALL_ACCESS, FALSE },
    { L"Section", SECTION_ALL_ACCESS, FALSE },
    { L"IoCompletion", STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 3, FALSE },
};

struct handle_facts {
    ACCESS_MASK granted;    /* the handle's access */
    ACCESS_MASK all;        /* its type's full access */
    BOOL has_descriptor;    /* FALSE: an unnamed object of a type that needs none */
};

/* is the object behind `handle` named */
static BOOL has_name(HANDLE handle)
{
    union { UNICODE_STRING name; BYTE buf[sizeof(UNICODE_STRING) + MAX_PATH * sizeof(WCHAR)]; } info;
    ULONG len = 0;
    NTSTATUS status = NtQueryObject(handle, ObjectNameInformation, &info, sizeof(info), &len);

    if (status == STATUS_INFO_LENGTH_MISMATCH || status == STATUS_BUFFER_OVERFLOW) return TRUE;
    return !status && info.name.Length;
}

/* what the descriptor of a handle's object depends on; a Win32 error when
   the handle is not one */
static DWORD get_handle_facts(HANDLE handle, struct handle_facts *facts)
{
    OBJECT_BASIC_INFORMATION basic;
    union { OBJECT_TYPE_INFORMATION info; BYTE buf[sizeof(OBJECT_TYPE_INFORMATION) + 64 * sizeof(WCHAR)]; } type;
    NTSTATUS status;

    facts->all = STANDARD_RIGHTS_ALL | SPECIFIC_RIGHTS_ALL;
    facts->has_descriptor = TRUE;
    /* the pseudo-handles of the current process and thread */
    if (handle == (HANDLE)-1 || handle == (HANDLE)-2)
    {
        facts->granted = facts->all;
        return ERROR_SUCCESS;
    }
    if ((status = NtQueryObject(handle, ObjectBasicInformation, &basic, sizeof(basic), NULL)) ||
        (status = NtQueryObject(handle, ObjectTypeInformation, &type, sizeof(type), NULL)))
        return RtlNtStatusToDosError(status);
    facts->granted = basic.GrantedAccess;
    for (size_t i = 0; i < ARRAY_SIZE(types); i++)
    {
        size_t len = lstrlenW(types[i].type);
        if (type.info.TypeName.Length != len * sizeof(WCHAR) ||
            memcmp(type.info.TypeName.Buffer, types[i].type, len * sizeof(WCHAR))) continue;
        facts->all = types[i].all;
        if (!types[i].required) facts->has_descriptor = has_name(handle);
    }
    return ERROR_SUCCESS;
}

/* the rights reading (or writing) these parts of a descriptor needs */
static ACCESS_MASK rights_for(SECURITY_INFORMATION info, BOOL write)
{
    ACCESS_MASK need = 0;

    if (info & SACL_SECURITY_INFORMATION) need |= ACCESS_SYSTEM_SECURITY;
    if (!write && (info & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION)))
        need |= READ_CONTROL;
    if (write && (info & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION))) need |= WRITE_OWNER;
    if (write && (info & DACL_SECURITY_INFORMATION)) need |= WRITE_DAC;
    return need;
}

BOOL WINAPI GetKernelObjectSecurity(HANDLE handle, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR buf, DWORD len,
                                    LPDWORD needed)
{
    ACCESS_MASK need = rights_for(info, FALSE);
    struct handle_facts facts;
    PSECURITY_DESCRIPTOR sd;
    DWORD err = get_handle_facts(handle, &facts), size;

    if (!err && (facts.granted & need) != need) err = ERROR_ACCESS_DENIED;
    if (!err && !needed) err = ERROR_NOACCESS;
    if (err) { SetLastError(err); return FALSE; }
    /* an object without a descriptor answers an empty one */
    if (!facts.has_descriptor) info = 0;
    if (!(sd = sec_object_descriptor(info, facts.all, &size))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    *needed = size;
    if (!buf || len < size) err = ERROR_INSUFFICIENT_BUFFER;
    else memcpy(buf, sd, size);
    LocalFree(sd);
    if (err) { SetLastError(err); return FALSE; }
    return TRUE;
}

BOOL WINAPI SetKernelObjectSecurity(HANDLE handle, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd)
{
    ACCESS_MASK need = rights_for(info, TRUE);
    struct handle_facts facts;
    DWORD err = get_handle_facts(handle, &facts);

    if (!err && !sd) err = ERROR_NOACCESS;
    if (!err && !IsValidSecurityDescriptor(sd)) err = ERROR_INVALID_SECURITY_DESCR;
    if (!err && (facts.granted & need) != need) err = ERROR_ACCESS_DENIED;
    if (err) { SetLastError(err); return FALSE; }
    return TRUE;
}
