/*
 * dlls/advapi32/registry.c — the Reg* API over ntdll's Nt*Key calls: keys,
 * the predefined HKEY_* handles, setting and querying values.
 *
 * Sections: helpers · predefined keys · opening and creating · closing,
 * deleting, flushing · setting values · querying values.
 *
 * Every function checks and translates its arguments, calls one Nt*
 * function and converts the status (RtlNtStatusToDosError), as Windows'
 * advapi32 does. The A functions are in regansi.c, enumeration, key facts,
 * RegGetValue and tree operations in regquery.c.
 */
#include "regprivate.h"
#include "wlx/user.h"

/* ---- helpers ---- */

LSTATUS reg_status(NTSTATUS status)
{
    return status == STATUS_SUCCESS ? ERROR_SUCCESS : RtlNtStatusToDosError(status);
}

void *reg_alloc(SIZE_T size)
{
    return RtlAllocateHeap(GetProcessHeap(), 0, size);
}

void reg_free(void *ptr)
{
    if (ptr) RtlFreeHeap(GetProcessHeap(), 0, ptr);
}

BOOL reg_is_string(DWORD type)
{
    return type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ;
}

static void init_name(UNICODE_STRING *us, const WCHAR *s)
{
    SIZE_T len = 0;
    if (s) while (s[len]) len++;
    us->Buffer = (WCHAR *)s;
    us->Length = us->MaximumLength = (USHORT)(len > 0x7fff ? 0xfffe : len * sizeof(WCHAR));
}

/* KEY_WOW64_32KEY/64KEY choose a view; a 64-bit registry has one here */
static ACCESS_MASK nt_access(REGSAM access)
{
    return access & ~(KEY_WOW64_32KEY | KEY_WOW64_64KEY);
}

/* ---- predefined keys ----
 * HKEY_CLASSES_ROOT .. HKEY_DYN_DATA are 0x80000000.. sign-extended; each
 * is opened once, on first use, and kept. */

#define PREDEF_COUNT 7
static HANDLE predef_handles[PREDEF_COUNT];

static const WCHAR *const predef_paths[PREDEF_COUNT] = {
    L"\\Registry\\Machine\\Software\\Classes",                      /* HKEY_CLASSES_ROOT */
    L"\\Registry\\User\\" WLX_USER_SID_WSTRING,                     /* HKEY_CURRENT_USER */
    L"\\Registry\\Machine",                                         /* HKEY_LOCAL_MACHINE */
    L"\\Registry\\User",                                            /* HKEY_USERS */
    NULL,                                                           /* HKEY_PERFORMANCE_DATA */
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current",
    NULL,                                                           /* HKEY_DYN_DATA (Windows 9x) */
};

static ULONG_PTR predef_index(HKEY hkey)
{
    return (ULONG_PTR)hkey - (ULONG_PTR)HKEY_CLASSES_ROOT;
}

static NTSTATUS open_path(const WCHAR *path, ACCESS_MASK access, HANDLE *handle)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name;
    init_name(&name, path);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    return NtCreateKey(handle, access, &attr, 0, NULL, 0, NULL);
}

LSTATUS reg_get_handle(HKEY hkey, HANDLE *handle)
{
    ULONG_PTR i = predef_index(hkey);
    HANDLE h;
    NTSTATUS status;

    if (!hkey) return ERROR_INVALID_HANDLE;
    if (i >= PREDEF_COUNT) { *handle = hkey; return ERROR_SUCCESS; }
    if (!predef_paths[i]) return i == 4 ? ERROR_CALL_NOT_IMPLEMENTED : ERROR_INVALID_HANDLE;
    if (!(h = predef_handles[i])) {
        if ((status = open_path(predef_paths[i], MAXIMUM_ALLOWED, &h))) return reg_status(status);
        HANDLE old = InterlockedCompareExchangePointer(&predef_handles[i], h, NULL);
        if (old) { CloseHandle(h); h = old; }   /* another thread was first */
    }
    *handle = h;
    return ERROR_SUCCESS;
}

LSTATUS WINAPI RegOpenCurrentUser(REGSAM access, PHKEY result)
{
    if (!result) return ERROR_INVALID_PARAMETER;
    return reg_status(open_path(predef_paths[1], nt_access(access), (HANDLE *)result));
}

LSTATUS WINAPI RegDisablePredefinedCache(void)
{
    return ERROR_SUCCESS;
}

/* Remapping the predefined keys (used by installers' sandboxes) is not
 * supported: it fails cleanly. */
LSTATUS WINAPI RegOverridePredefKey(HKEY hkey, HKEY new_key)
{
    (void)new_key;
    return predef_index(hkey) < PREDEF_COUNT ? ERROR_CALL_NOT_IMPLEMENTED : ERROR_INVALID_HANDLE;
}

/* ---- opening and creating ---- */

/* HKEY_CLASSES_ROOT\subkey: the user's HKCU\Software\Classes\subkey when
 * it exists there (a per-user registration wins, as in Windows' merged
 * view), else the machine's. Only subkeys opened through HKCR merge; the
 * HKCR handle itself is the machine's. */
static BOOL open_user_class(const WCHAR *subkey, ACCESS_MASK access, HANDLE *result)
{
    static const WCHAR prefix[] = L"\\Registry\\User\\" WLX_USER_SID_WSTRING L"\\Software\\Classes\\";
    SIZE_T len = lstrlenW(subkey);
    WCHAR *path = reg_alloc(sizeof(prefix) + len * sizeof(WCHAR));
    if (!path) return FALSE;
    memcpy(path, prefix, sizeof(prefix));
    memcpy(path + ARRAYSIZE(prefix) - 1, subkey, (len + 1) * sizeof(WCHAR));
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name;
    init_name(&name, path);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    NTSTATUS status = NtOpenKeyEx(result, access, &attr, 0);
    reg_free(path);
    return !status;
}

static LSTATUS open_or_create(HKEY hkey, const WCHAR *subkey, const WCHAR *class_name, DWORD options,
                              REGSAM access, PHKEY result, DWORD *disposition, BOOL create)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name, cls;
    HANDLE parent;
    LSTATUS ret = reg_get_handle(hkey, &parent);

    if (ret) return ret;
    if (hkey == HKEY_CLASSES_ROOT && subkey && *subkey && subkey[0] != '\\'
        && open_user_class(subkey, nt_access(access), (HANDLE *)result)) {
        if (disposition) *disposition = REG_OPENED_EXISTING_KEY;
        return ERROR_SUCCESS;
    }
    init_name(&name, subkey);
    init_name(&cls, class_name);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, parent, NULL);
    if (options & REG_OPTION_OPEN_LINK) attr.Attributes |= OBJ_OPENLINK;
    if (!create) return reg_status(NtOpenKeyEx((HANDLE *)result, nt_access(access), &attr, 0));
    return reg_status(NtCreateKey((HANDLE *)result, nt_access(access), &attr, 0, class_name ? &cls : NULL,
                                  options & (REG_OPTION_VOLATILE | REG_OPTION_CREATE_LINK), disposition));
}

LSTATUS WINAPI RegCreateKeyExW(HKEY hkey, LPCWSTR subkey, DWORD reserved, LPWSTR class_name, DWORD options,
                               REGSAM access, LPSECURITY_ATTRIBUTES sa, PHKEY result, LPDWORD disposition)
{
    (void)reserved; (void)sa;
    if (!result) return ERROR_BADKEY;
    return open_or_create(hkey, subkey, class_name, options, access, result, disposition, TRUE);
}

LSTATUS WINAPI RegCreateKeyW(HKEY hkey, LPCWSTR subkey, PHKEY result)
{
    if (!result) return ERROR_INVALID_PARAMETER;
    return RegCreateKeyExW(hkey, subkey, 0, NULL, REG_OPTION_NON_VOLATILE, MAXIMUM_ALLOWED, NULL, result, NULL);
}

LSTATUS WINAPI RegOpenKeyExW(HKEY hkey, LPCWSTR subkey, DWORD options, REGSAM access, PHKEY result)
{
    if (!result) return ERROR_INVALID_PARAMETER;
    *result = NULL;
    return open_or_create(hkey, subkey, NULL, options, access, result, NULL, FALSE);
}

/* documented: a NULL or empty subkey gives back hkey itself */
LSTATUS WINAPI RegOpenKeyW(HKEY hkey, LPCWSTR subkey, PHKEY result)
{
    if (!result) return ERROR_INVALID_PARAMETER;
    if (!subkey || !*subkey) { *result = hkey; return ERROR_SUCCESS; }
    return RegOpenKeyExW(hkey, subkey, 0, MAXIMUM_ALLOWED, result);
}

/* Only the local machine: its name (with or without "\\") or none. */
LSTATUS WINAPI RegConnectRegistryW(LPCWSTR machine, HKEY hkey, PHKEY result)
{
    WCHAR local[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD len = MAX_COMPUTERNAME_LENGTH + 1;

    if (!result) return ERROR_INVALID_PARAMETER;
    if (machine && *machine) {
        if (machine[0] == '\\' && machine[1] == '\\') machine += 2;
        if (!GetComputerNameW(local, &len) || lstrcmpiW(machine, local)) return ERROR_BAD_NETPATH;
    }
    return RegOpenKeyExW(hkey, NULL, 0, MAXIMUM_ALLOWED, result);
}

/* ---- closing, deleting, flushing ---- */

LSTATUS WINAPI RegCloseKey(HKEY hkey)
{
    if (!hkey) return ERROR_INVALID_HANDLE;
    if (predef_index(hkey) < PREDEF_COUNT) return ERROR_SUCCESS;
    return reg_status(NtClose(hkey));
}

LSTATUS WINAPI RegDeleteKeyExW(HKEY hkey, LPCWSTR subkey, REGSAM access, DWORD reserved)
{
    HKEY key;
    LSTATUS ret;
    (void)reserved;

    if (!subkey) return ERROR_INVALID_PARAMETER;
    /* an empty subkey names hkey itself, but a predefined key cannot go */
    if (!*subkey && predef_index(hkey) < PREDEF_COUNT) return ERROR_ACCESS_DENIED;
    if ((ret = RegOpenKeyExW(hkey, subkey, 0, access | DELETE, &key))) return ret;
    ret = reg_status(NtDeleteKey(key));
    RegCloseKey(key);
    return ret;
}

LSTATUS WINAPI RegDeleteKeyW(HKEY hkey, LPCWSTR subkey)
{
    return RegDeleteKeyExW(hkey, subkey, 0, 0);
}

LSTATUS WINAPI RegFlushKey(HKEY hkey)
{
    HANDLE key;
    LSTATUS ret = reg_get_handle(hkey, &key);
    return ret ? ret : reg_status(NtFlushKey(key));
}

/* ---- setting values ---- */

LSTATUS WINAPI RegSetValueExW(HKEY hkey, LPCWSTR name, DWORD reserved, DWORD type, const BYTE *data, DWORD size)
{
    UNICODE_STRING us;
    HANDLE key;
    LSTATUS ret;
    (void)reserved;

    if (!data && size) return ERROR_NOACCESS;
    if ((ret = reg_get_handle(hkey, &key))) return ret;
    init_name(&us, name);
    return reg_status(NtSetValueKey(key, &us, 0, type, data, size));
}

/* opens subkey (or uses hkey when there is none) for fn, then closes it */
static LSTATUS with_subkey(HKEY hkey, LPCWSTR subkey, REGSAM access, BOOL create, HKEY *key)
{
    if (!subkey || !*subkey) { *key = hkey; return ERROR_SUCCESS; }
    if (create) return RegCreateKeyExW(hkey, subkey, 0, NULL, 0, access, NULL, key, NULL);
    return RegOpenKeyExW(hkey, subkey, 0, access, key);
}

static void done_subkey(HKEY hkey, HKEY key)
{
    if (key != hkey) RegCloseKey(key);
}

LSTATUS WINAPI RegSetKeyValueW(HKEY hkey, LPCWSTR subkey, LPCWSTR name, DWORD type, LPCVOID data, DWORD size)
{
    HKEY key;
    LSTATUS ret = with_subkey(hkey, subkey, KEY_SET_VALUE, TRUE, &key);
    if (ret) return ret;
    ret = RegSetValueExW(key, name, 0, type, data, size);
    done_subkey(hkey, key);
    return ret;
}

/* the Windows 3.1 form: the default value of subkey, always REG_SZ; the
 * size given is ignored (the string's own length counts) */
LSTATUS WINAPI RegSetValueW(HKEY hkey, LPCWSTR subkey, DWORD type, LPCWSTR data, DWORD size)
{
    (void)size;
    if (type != REG_SZ || !data) return ERROR_INVALID_PARAMETER;
    return RegSetKeyValueW(hkey, subkey, NULL, REG_SZ, data, (lstrlenW(data) + 1) * sizeof(WCHAR));
}

LSTATUS WINAPI RegDeleteValueW(HKEY hkey, LPCWSTR name)
{
    UNICODE_STRING us;
    HANDLE key;
    LSTATUS ret = reg_get_handle(hkey, &key);
    if (ret) return ret;
    init_name(&us, name);
    return reg_status(NtDeleteValueKey(key, &us));
}

LSTATUS WINAPI RegDeleteKeyValueW(HKEY hkey, LPCWSTR subkey, LPCWSTR name)
{
    HKEY key;
    LSTATUS ret = with_subkey(hkey, subkey, KEY_SET_VALUE, FALSE, &key);
    if (ret) return ret;
    ret = RegDeleteValueW(key, name);
    done_subkey(hkey, key);
    return ret;
}

/* ---- querying values ---- */

LSTATUS reg_query_partial(HANDLE key, const WCHAR *name, REG_PARTIAL_INFO **info)
{
    UNICODE_STRING us;
    ULONG size = 256, needed;
    NTSTATUS status;

    init_name(&us, name);
    for (;;) {
        if (!(*info = reg_alloc(size))) return ERROR_NOT_ENOUGH_MEMORY;
        status = NtQueryValueKey(key, &us, REG_VALUE_PARTIAL, *info, size, &needed);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL) break;
        reg_free(*info);
        size = needed;
    }
    if (status) { reg_free(*info); *info = NULL; }
    return reg_status(status);
}

LSTATUS WINAPI RegQueryValueExW(HKEY hkey, LPCWSTR name, LPDWORD reserved, LPDWORD type, LPBYTE data, LPDWORD count)
{
    REG_PARTIAL_INFO *info;
    HANDLE key;
    LSTATUS ret;

    if ((data && !count) || reserved) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key)) || (ret = reg_query_partial(key, name, &info))) return ret;
    if (type) *type = info->Type;
    if (data && *count < info->DataLength) ret = ERROR_MORE_DATA;
    else if (data) memcpy(data, info->Data, info->DataLength);
    if (count) *count = info->DataLength;
    reg_free(info);
    return ret;
}

/* the Windows 3.1 form: subkey's default value; one never set reads as an
 * empty string */
LSTATUS WINAPI RegQueryValueW(HKEY hkey, LPCWSTR subkey, LPWSTR data, LPLONG count)
{
    DWORD size = count ? *count : 0;
    HKEY key;
    LSTATUS ret;

    if (data && !count) return ERROR_INVALID_PARAMETER;
    if ((ret = with_subkey(hkey, subkey, KEY_QUERY_VALUE, FALSE, &key))) return ret;
    ret = RegQueryValueExW(key, NULL, NULL, NULL, (BYTE *)data, &size);
    if (ret == ERROR_FILE_NOT_FOUND) {
        ret = data && size < sizeof(WCHAR) ? ERROR_MORE_DATA : ERROR_SUCCESS;
        if (data && !ret) data[0] = 0;
        size = sizeof(WCHAR);
    }
    if (count) *count = size;
    done_subkey(hkey, key);
    return ret;
}

/* The plain-string case: the value is copied as it is. Indirect strings
 * ("@file.dll,-id") need resource loading that is not done. */
LSTATUS WINAPI RegLoadMUIStringW(HKEY hkey, LPCWSTR value, LPWSTR out, DWORD out_size, LPDWORD needed,
                                 DWORD flags, LPCWSTR directory)
{
    REG_PARTIAL_INFO *info;
    HANDLE key;
    LSTATUS ret;
    (void)directory;

    if ((out_size && !out) || (out_size & 1) || flags > 1) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key)) || (ret = reg_query_partial(key, value, &info))) return ret;
    if (info->Type != REG_SZ && info->Type != REG_EXPAND_SZ) ret = ERROR_FILE_NOT_FOUND;
    else if (info->DataLength >= 2 && ((WCHAR *)info->Data)[0] == '@') ret = ERROR_CALL_NOT_IMPLEMENTED;
    else {
        DWORD size = info->DataLength & ~1u;
        if (!size || ((WCHAR *)info->Data)[size / 2 - 1]) size += sizeof(WCHAR);   /* room for the NUL */
        if (needed) *needed = size;
        if (out_size < size) ret = ERROR_MORE_DATA;
        else {
            memcpy(out, info->Data, info->DataLength & ~1u);
            out[size / 2 - 1] = 0;
        }
    }
    reg_free(info);
    return ret;
}
