/*
 * ntdll/reg.c — the Rtl registry helpers over the Nt*Key system calls
 * (ntdll/unix/registry.c): the current user's key, RtlCheckRegistryKey,
 * RtlWriteRegistryValue.
 */
#include "private.h"
#include <wchar.h>
#include "wlx/user.h"

BOOLEAN NTAPI RtlCreateUnicodeString(UNICODE_STRING *, const WCHAR *);
NTSTATUS NTAPI NtCreateKey(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG, UNICODE_STRING *, ULONG, ULONG *);
NTSTATUS NTAPI NtOpenKey(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtSetValueKey(HANDLE, UNICODE_STRING *, ULONG, ULONG, const void *, ULONG);

#define RTL_REGISTRY_ABSOLUTE   0
#define RTL_REGISTRY_USER       5
#define RTL_REGISTRY_MAXIMUM    6
#define RTL_REGISTRY_HANDLE     0x40000000
#define RTL_REGISTRY_OPTIONAL   0x80000000

static const WCHAR user_key[] = L"\\Registry\\User\\" WLX_USER_SID_WSTRING;

/* where RTL_REGISTRY_* paths start */
static const WCHAR *const relative_roots[RTL_REGISTRY_MAXIMUM] = {
    L"",
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\",
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Control\\",
    L"\\Registry\\Machine\\Software\\Microsoft\\Windows NT\\CurrentVersion\\",
    L"\\Registry\\Machine\\Hardware\\DeviceMap\\",
    user_key,
};

NTSTATUS NTAPI RtlFormatCurrentUserKeyPath(UNICODE_STRING *path)
{
    return RtlCreateUnicodeString(path, user_key) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

static NTSTATUS open_absolute(const WCHAR *path, ACCESS_MASK access, HANDLE *key, BOOL create)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, path);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    return create ? NtCreateKey(key, access, &attr, 0, NULL, 0, NULL) : NtOpenKey(key, access, &attr);
}

NTSTATUS NTAPI RtlOpenCurrentUser(ACCESS_MASK access, HANDLE *key)
{
    return open_absolute(user_key, access, key, FALSE);
}

/* the key RelativeTo + Path names; *close says whether it must be closed */
static NTSTATUS open_relative(ULONG relative_to, const WCHAR *path, ACCESS_MASK access, BOOL create,
                              HANDLE *key, BOOL *close)
{
    ULONG base = relative_to & ~(RTL_REGISTRY_HANDLE | RTL_REGISTRY_OPTIONAL);
    *close = FALSE;
    if (relative_to & RTL_REGISTRY_HANDLE) { *key = (HANDLE)path; return STATUS_SUCCESS; }
    if (base >= RTL_REGISTRY_MAXIMUM || !path) return STATUS_INVALID_PARAMETER;
    SIZE_T n = wcslen(relative_roots[base]) + wcslen(path) + 2;
    WCHAR *full = RtlAllocateHeap(PROCESS_HEAP(), 0, n * sizeof(WCHAR));
    if (!full) return STATUS_NO_MEMORY;
    wcscpy(full, relative_roots[base]);
    if (base == RTL_REGISTRY_USER && *path && *path != '\\') wcscat(full, L"\\");
    wcscat(full, path);
    NTSTATUS status = open_absolute(full, access, key, create);
    RtlFreeHeap(PROCESS_HEAP(), 0, full);
    *close = !status;
    return status;
}

NTSTATUS NTAPI RtlCheckRegistryKey(ULONG relative_to, PWSTR path)
{
    HANDLE key;
    BOOL close;
    NTSTATUS status = open_relative(relative_to, path, KEY_QUERY_VALUE, FALSE, &key, &close);
    if (close) NtClose(key);
    return status;
}

NTSTATUS NTAPI RtlWriteRegistryValue(ULONG relative_to, PCWSTR path, PCWSTR name, ULONG type, PVOID data,
                                     ULONG size)
{
    UNICODE_STRING value;
    HANDLE key;
    BOOL close;
    NTSTATUS status = open_relative(relative_to, path, KEY_SET_VALUE, TRUE, &key, &close);
    if (status) return status;
    RtlInitUnicodeString(&value, name);
    status = NtSetValueKey(key, &value, 0, type, data, size);
    if (close) NtClose(key);
    return status;
}
