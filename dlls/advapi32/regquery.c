/*
 * dlls/advapi32/regquery.c — reading the shape of the registry: enumerating
 * keys and values, RegQueryInfoKey, RegGetValue (type restrictions and
 * expansion), whole trees (RegDeleteTree, RegCopyTree) and change
 * notifications.
 */
#include "regprivate.h"

/* ---- enumeration ---- */

/* Nt info of class cls into a growing buffer from reg_alloc */
static LSTATUS enum_info(HANDLE key, DWORD index, ULONG cls, BOOL values, void **info)
{
    ULONG size = 512, needed;
    NTSTATUS status;
    for (;;) {
        if (!(*info = reg_alloc(size))) return ERROR_NOT_ENOUGH_MEMORY;
        status = values ? NtEnumerateValueKey(key, index, cls, *info, size, &needed)
                        : NtEnumerateKey(key, index, cls, *info, size, &needed);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL) break;
        reg_free(*info);
        size = needed;
    }
    if (status) { reg_free(*info); *info = NULL; }
    return reg_status(status);
}

/* copies len bytes of a name into buf of *buf_len chars with its NUL;
 * ERROR_MORE_DATA (*buf_len unchanged) when it does not fit */
static LSTATUS give_name(const WCHAR *name, DWORD bytes, WCHAR *buf, DWORD *buf_len)
{
    DWORD chars = bytes / sizeof(WCHAR);
    if (!buf_len || chars >= *buf_len) return ERROR_MORE_DATA;
    memcpy(buf, name, bytes);
    buf[chars] = 0;
    *buf_len = chars;
    return ERROR_SUCCESS;
}

LSTATUS WINAPI RegEnumKeyExW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPWSTR class_name, LPDWORD class_len, PFILETIME last_write)
{
    REG_NODE_INFO *info;
    HANDLE key;
    LSTATUS ret;

    if (reserved || !name || !name_len) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key)) || (ret = enum_info(key, index, REG_KEY_NODE, FALSE, (void **)&info)))
        return ret;
    if (last_write) memcpy(last_write, &info->LastWriteTime, sizeof(*last_write));
    ret = give_name(info->Name, info->NameLength, name, name_len);
    if (!ret && class_name) {
        const WCHAR *cls = (const WCHAR *)((BYTE *)info + info->ClassOffset);
        ret = give_name(cls, info->ClassLength, class_name, class_len);
    } else if (!ret && class_len) *class_len = info->ClassLength / sizeof(WCHAR);
    reg_free(info);
    return ret;
}

LSTATUS WINAPI RegEnumKeyW(HKEY hkey, DWORD index, LPWSTR name, DWORD name_len)
{
    return RegEnumKeyExW(hkey, index, name, &name_len, NULL, NULL, NULL, NULL);
}

LSTATUS WINAPI RegEnumValueW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPDWORD type, LPBYTE data, LPDWORD count)
{
    REG_FULL_VALUE_INFO *info;
    HANDLE key;
    LSTATUS ret;

    if (reserved || !name || !name_len || (data && !count)) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key)) || (ret = enum_info(key, index, REG_VALUE_FULL, TRUE, (void **)&info)))
        return ret;
    if (type) *type = info->Type;
    if (data && *count < info->DataLength) ret = ERROR_MORE_DATA;
    else if (data) memcpy(data, (BYTE *)info + info->DataOffset, info->DataLength);
    if (count) *count = info->DataLength;
    if (!ret) ret = give_name(info->Name, info->NameLength, name, name_len);
    reg_free(info);
    return ret;
}

/* ---- key facts ---- */

LSTATUS WINAPI RegQueryInfoKeyW(HKEY hkey, LPWSTR class_name, LPDWORD class_len, LPDWORD reserved,
                                LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class, LPDWORD values,
                                LPDWORD max_value_name, LPDWORD max_value_data, LPDWORD security,
                                PFILETIME last_write)
{
    REG_FULL_KEY_INFO *info;
    ULONG size = 512, needed;
    NTSTATUS status;
    HANDLE key;
    LSTATUS ret;

    if (reserved || (class_name && !class_len)) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key))) return ret;
    for (;;) {
        if (!(info = reg_alloc(size))) return ERROR_NOT_ENOUGH_MEMORY;
        status = NtQueryKey(key, REG_KEY_FULL, info, size, &needed);
        if (status != STATUS_BUFFER_OVERFLOW) break;
        reg_free(info);
        size = needed;
    }
    if (status) { reg_free(info); return reg_status(status); }
    if (class_name) {
        DWORD room = *class_len;
        ret = give_name(info->Class, info->ClassLength, class_name, &room);
        *class_len = ret ? info->ClassLength / sizeof(WCHAR) : room;
    } else if (class_len) *class_len = info->ClassLength / sizeof(WCHAR);
    if (subkeys) *subkeys = info->SubKeys;
    if (max_subkey) *max_subkey = info->MaxNameLen / sizeof(WCHAR);
    if (max_class) *max_class = info->MaxClassLen / sizeof(WCHAR);
    if (values) *values = info->Values;
    if (max_value_name) *max_value_name = info->MaxValueNameLen / sizeof(WCHAR);
    if (max_value_data) *max_value_data = info->MaxValueDataLen;
    if (security) *security = 0;   /* keys carry no security descriptor here */
    if (last_write) memcpy(last_write, &info->LastWriteTime, sizeof(*last_write));
    reg_free(info);
    return ret;
}

/* ---- RegGetValue ---- */

/* the RRF_RT_* bit of a value type (0: a type no flag but RRF_RT_ANY names) */
static DWORD type_flag(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    }
    return 0;
}

/* ERROR_UNSUPPORTED_TYPE when flags exclude the type; a REG_BINARY asked
 * for as RRF_RT_DWORD / RRF_RT_QWORD must have that size */
static LSTATUS check_type(DWORD flags, DWORD type, DWORD size)
{
    DWORD want = flags & RRF_RT_ANY, flag = type_flag(type);
    if (want == RRF_RT_ANY) return ERROR_SUCCESS;
    if (!(want & flag)) return ERROR_UNSUPPORTED_TYPE;
    if (type == REG_BINARY && want == RRF_RT_DWORD && size != 4) return ERROR_DATATYPE_MISMATCH;
    if (type == REG_BINARY && want == RRF_RT_QWORD && size != 8) return ERROR_DATATYPE_MISMATCH;
    return ERROR_SUCCESS;
}

/* the value as RegGetValue gives it: REG_EXPAND_SZ expanded (then REG_SZ)
 * unless RRF_NOEXPAND, strings always NUL-terminated. *out from reg_alloc. */
static LSTATUS final_value(HANDLE key, const WCHAR *value, DWORD flags, DWORD *type, BYTE **out, DWORD *size)
{
    REG_PARTIAL_INFO *info;
    LSTATUS ret = reg_query_partial(key, value, &info);
    if (ret) return ret;
    *type = info->Type;
    *size = info->DataLength;
    DWORD chars = info->DataLength / sizeof(WCHAR);
    const WCHAR *w = (const WCHAR *)info->Data;
    if (reg_is_string(*type) && (!chars || w[chars - 1])) chars++;   /* a NUL is added */
    if (*type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
        WCHAR *src = reg_alloc(chars * sizeof(WCHAR));
        DWORD n = 0;
        if (src) {
            memcpy(src, w, info->DataLength & ~1u);
            src[chars - 1] = 0;
            n = ExpandEnvironmentStringsW(src, NULL, 0);
        }
        if (!n || !(*out = reg_alloc(n * sizeof(WCHAR)))) ret = ERROR_NOT_ENOUGH_MEMORY;
        else ExpandEnvironmentStringsW(src, (WCHAR *)*out, n);
        reg_free(src);
        *type = REG_SZ;
        *size = n * sizeof(WCHAR);
    } else if (reg_is_string(*type)) {
        if (!(*out = reg_alloc(chars * sizeof(WCHAR)))) ret = ERROR_NOT_ENOUGH_MEMORY;
        else {
            memcpy(*out, w, info->DataLength & ~1u);
            ((WCHAR *)*out)[chars - 1] = 0;
        }
        *size = chars * sizeof(WCHAR);
    } else if (!(*out = reg_alloc(*size ? *size : 1))) ret = ERROR_NOT_ENOUGH_MEMORY;
    else memcpy(*out, info->Data, *size);
    reg_free(info);
    return ret;
}

LSTATUS WINAPI RegGetValueW(HKEY hkey, LPCWSTR subkey, LPCWSTR value, DWORD flags, LPDWORD type,
                            PVOID data, LPDWORD count)
{
    DWORD room = data && count ? *count : 0, vtype = 0, size = 0;
    BYTE *buf = NULL;
    HKEY key = hkey;
    LSTATUS ret;

    if (data && !count) return ERROR_INVALID_PARAMETER;
    /* expanding makes a REG_SZ: asking for REG_EXPAND_SZ alone cannot succeed */
    if ((flags & RRF_RT_ANY) == RRF_RT_REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) return ERROR_INVALID_PARAMETER;
    if (subkey && *subkey && (ret = RegOpenKeyExW(hkey, subkey, 0, KEY_QUERY_VALUE, &key))) return ret;
    HANDLE h;
    if (!(ret = reg_get_handle(key, &h)) && !(ret = final_value(h, value, flags, &vtype, &buf, &size))
        && !(ret = check_type(flags, vtype, size))) {
        if (data && room < size) ret = ERROR_MORE_DATA;
        else if (data) memcpy(data, buf, size);
    }
    if (!ret || ret == ERROR_MORE_DATA) {
        if (type) *type = vtype;
        if (count) *count = size;
    } else if (data && count && (flags & RRF_ZEROONFAILURE)) memset(data, 0, room);
    if (ret == ERROR_MORE_DATA && data && (flags & RRF_ZEROONFAILURE)) memset(data, 0, room);
    reg_free(buf);
    if (key != hkey) RegCloseKey(key);
    return ret;
}

/* ---- trees ---- */

/* the name of key's first subkey (index 0), in a buffer from reg_alloc */
static LSTATUS subkey_name(HKEY key, DWORD index, WCHAR **name)
{
    REG_NODE_INFO *info;
    HANDLE h;
    LSTATUS ret;
    if ((ret = reg_get_handle(key, &h)) || (ret = enum_info(h, index, REG_KEY_NODE, FALSE, (void **)&info)))
        return ret;
    if ((*name = reg_alloc(info->NameLength + sizeof(WCHAR)))) {
        memcpy(*name, info->Name, info->NameLength);
        (*name)[info->NameLength / sizeof(WCHAR)] = 0;
    } else ret = ERROR_NOT_ENOUGH_MEMORY;
    reg_free(info);
    return ret;
}

/* deletes every value of key (the first one each time: the rest move down) */
static LSTATUS delete_values(HKEY key)
{
    DWORD len;
    LSTATUS ret;
    WCHAR *name = reg_alloc(16384 * sizeof(WCHAR));
    if (!name) return ERROR_NOT_ENOUGH_MEMORY;
    do {
        len = 16384;
        if (!(ret = RegEnumValueW(key, 0, name, &len, NULL, NULL, NULL, NULL))) ret = RegDeleteValueW(key, name);
    } while (!ret);
    reg_free(name);
    return ret == ERROR_NO_MORE_ITEMS ? ERROR_SUCCESS : ret;
}

/* empties key: every value, then every subkey (deleted depth first); the
 * frames stay small, a tree may be 512 levels deep */
static LSTATUS empty_key(HKEY key)
{
    WCHAR *name;
    LSTATUS ret = delete_values(key);
    while (!ret && !(ret = subkey_name(key, 0, &name))) {
        HKEY sub;
        if (!(ret = RegOpenKeyExW(key, name, 0, KEY_ALL_ACCESS, &sub))) {
            ret = empty_key(sub);
            RegCloseKey(sub);
        }
        if (!ret) ret = RegDeleteKeyW(key, name);
        reg_free(name);
    }
    return ret == ERROR_NO_MORE_ITEMS ? ERROR_SUCCESS : ret;
}

LSTATUS WINAPI RegDeleteTreeW(HKEY hkey, LPCWSTR subkey)
{
    HKEY key = hkey;
    LSTATUS ret;
    if (subkey && *subkey && (ret = RegOpenKeyExW(hkey, subkey, 0, KEY_ALL_ACCESS, &key))) return ret;
    ret = empty_key(key);
    if (key != hkey) {
        RegCloseKey(key);
        if (!ret) ret = RegDeleteKeyW(hkey, subkey);
    }
    return ret;
}

static LSTATUS copy_values(HKEY src, HKEY dst)
{
    REG_FULL_VALUE_INFO *info;
    HANDLE h;
    LSTATUS ret = reg_get_handle(src, &h);
    for (DWORD i = 0; !ret; i++) {
        if ((ret = enum_info(h, i, REG_VALUE_FULL, TRUE, (void **)&info))) break;
        WCHAR *name = reg_alloc(info->NameLength + sizeof(WCHAR));
        if (!name) ret = ERROR_NOT_ENOUGH_MEMORY;
        else {
            memcpy(name, info->Name, info->NameLength);
            name[info->NameLength / sizeof(WCHAR)] = 0;
            ret = RegSetValueExW(dst, name, 0, info->Type, (BYTE *)info + info->DataOffset, info->DataLength);
            reg_free(name);
        }
        reg_free(info);
    }
    return ret == ERROR_NO_MORE_ITEMS ? ERROR_SUCCESS : ret;
}

static LSTATUS copy_tree(HKEY src, HKEY dst)
{
    LSTATUS ret = copy_values(src, dst);
    WCHAR *name;
    for (DWORD i = 0; !ret && !(ret = subkey_name(src, i, &name)); i++) {
        HKEY from, to;
        if (!(ret = RegOpenKeyExW(src, name, 0, KEY_READ, &from))) {
            if (!(ret = RegCreateKeyExW(dst, name, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &to, NULL))) {
                ret = copy_tree(from, to);
                RegCloseKey(to);
            }
            RegCloseKey(from);
        }
        reg_free(name);
    }
    return ret == ERROR_NO_MORE_ITEMS ? ERROR_SUCCESS : ret;
}

LSTATUS WINAPI RegCopyTreeW(HKEY src, LPCWSTR subkey, HKEY dst)
{
    HKEY key = src;
    LSTATUS ret;
    if (!dst) return ERROR_INVALID_HANDLE;
    if (subkey && *subkey && (ret = RegOpenKeyExW(src, subkey, 0, KEY_READ, &key))) return ret;
    ret = copy_tree(key, dst);
    if (key != src) RegCloseKey(key);
    return ret;
}

/* ---- notifications ---- */

LSTATUS WINAPI RegNotifyChangeKeyValue(HKEY hkey, BOOL subtree, DWORD filter, HANDLE event, BOOL async)
{
    IO_STATUS_BLOCK iosb;
    HANDLE key;
    LSTATUS ret;

    if (async && !event) return ERROR_INVALID_HANDLE;
    if ((ret = reg_get_handle(hkey, &key))) return ret;
    NTSTATUS status = NtNotifyChangeKey(key, event, NULL, NULL, async ? NULL : &iosb, filter, subtree, NULL, 0, async);
    return status == STATUS_PENDING ? ERROR_SUCCESS : reg_status(status);
}
