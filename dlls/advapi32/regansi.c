/*
 * dlls/advapi32/regansi.c — the A forms of the Reg* functions: names and
 * string data (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ) are converted with the
 * ANSI code page and the W function does the work. Sizes an A function
 * reports are in ANSI bytes.
 *
 * Sections: conversions · keys · values · enumeration and key facts.
 */
#include "regprivate.h"

/* ---- conversions ---- */

WCHAR *reg_a_to_w(const char *s)
{
    ULONG len, size;
    WCHAR *w;
    if (!s) return NULL;
    len = lstrlenA(s) + 1;
    RtlMultiByteToUnicodeSize(&size, s, len);
    if ((w = reg_alloc(size))) RtlMultiByteToUnicodeN(w, size, NULL, s, len);
    return w;
}

/* wlen chars of w into out (*out_len bytes of room, NUL included); on
 * success *out_len is the length without the NUL */
LSTATUS reg_w_to_a(const WCHAR *w, DWORD wlen, char *out, DWORD *out_len)
{
    ULONG size;
    RtlUnicodeToMultiByteSize(&size, (WCHAR *)w, wlen * sizeof(WCHAR));
    if (!out_len || size >= *out_len) return ERROR_MORE_DATA;
    RtlUnicodeToMultiByteN(out, size, NULL, w, wlen * sizeof(WCHAR));
    out[size] = 0;
    *out_len = size;
    return ERROR_SUCCESS;
}

/* A string data to W (a new buffer in *wdata, or data itself) */
static LSTATUS data_a_to_w(DWORD type, const BYTE *data, DWORD size, const BYTE **wdata, DWORD *wsize)
{
    ULONG n;
    *wdata = data;
    *wsize = size;
    if (!reg_is_string(type) || !data) return ERROR_SUCCESS;
    RtlMultiByteToUnicodeSize(&n, (const char *)data, size);
    BYTE *w = reg_alloc(n ? n : 1);
    if (!w) return ERROR_NOT_ENOUGH_MEMORY;
    RtlMultiByteToUnicodeN((WCHAR *)w, n, NULL, (const char *)data, size);
    *wdata = w;
    *wsize = n;
    return ERROR_SUCCESS;
}

/* W data (wsize bytes) as an A caller gets it: strings in ANSI bytes;
 * *count is the size needed, ERROR_MORE_DATA when data is too small */
static LSTATUS give_data_a(DWORD type, const BYTE *w, DWORD wsize, BYTE *data, DWORD *count)
{
    DWORD room = count ? *count : 0;
    ULONG size = wsize;
    if (reg_is_string(type)) RtlUnicodeToMultiByteSize(&size, (WCHAR *)w, wsize & ~1u);
    if (count) *count = size;
    if (!data) return ERROR_SUCCESS;
    if (room < size) return ERROR_MORE_DATA;
    if (reg_is_string(type)) RtlUnicodeToMultiByteN((char *)data, size, NULL, (const WCHAR *)w, wsize & ~1u);
    else memcpy(data, w, wsize);
    return ERROR_SUCCESS;
}

/* ---- keys ---- */

LSTATUS WINAPI RegCreateKeyExA(HKEY hkey, LPCSTR subkey, DWORD reserved, LPSTR class_name, DWORD options,
                               REGSAM access, LPSECURITY_ATTRIBUTES sa, PHKEY result, LPDWORD disposition)
{
    WCHAR *sub = reg_a_to_w(subkey), *cls = reg_a_to_w(class_name);
    LSTATUS ret = RegCreateKeyExW(hkey, sub, reserved, cls, options, access, sa, result, disposition);
    reg_free(sub);
    reg_free(cls);
    return ret;
}

LSTATUS WINAPI RegCreateKeyA(HKEY hkey, LPCSTR subkey, PHKEY result)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegCreateKeyW(hkey, sub, result);
    reg_free(sub);
    return ret;
}

LSTATUS WINAPI RegOpenKeyExA(HKEY hkey, LPCSTR subkey, DWORD options, REGSAM access, PHKEY result)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegOpenKeyExW(hkey, sub, options, access, result);
    reg_free(sub);
    return ret;
}

LSTATUS WINAPI RegOpenKeyA(HKEY hkey, LPCSTR subkey, PHKEY result)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegOpenKeyW(hkey, sub, result);
    reg_free(sub);
    return ret;
}

LSTATUS WINAPI RegConnectRegistryA(LPCSTR machine, HKEY hkey, PHKEY result)
{
    WCHAR *m = reg_a_to_w(machine);
    LSTATUS ret = RegConnectRegistryW(m, hkey, result);
    reg_free(m);
    return ret;
}

LSTATUS WINAPI RegDeleteKeyExA(HKEY hkey, LPCSTR subkey, REGSAM access, DWORD reserved)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegDeleteKeyExW(hkey, sub, access, reserved);
    reg_free(sub);
    return ret;
}

LSTATUS WINAPI RegDeleteKeyA(HKEY hkey, LPCSTR subkey)
{
    return RegDeleteKeyExA(hkey, subkey, 0, 0);
}

LSTATUS WINAPI RegDeleteTreeA(HKEY hkey, LPCSTR subkey)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegDeleteTreeW(hkey, sub);
    reg_free(sub);
    return ret;
}

LSTATUS WINAPI RegCopyTreeA(HKEY src, LPCSTR subkey, HKEY dst)
{
    WCHAR *sub = reg_a_to_w(subkey);
    LSTATUS ret = RegCopyTreeW(src, sub, dst);
    reg_free(sub);
    return ret;
}

/* ---- values ---- */

LSTATUS WINAPI RegSetValueExA(HKEY hkey, LPCSTR name, DWORD reserved, DWORD type, const BYTE *data, DWORD size)
{
    const BYTE *wdata;
    DWORD wsize;
    LSTATUS ret;

    if (!data && size) return ERROR_NOACCESS;
    /* NT counts a forgotten terminating NUL of a string (the byte after
       the data being one) */
    if (data && size && reg_is_string(type) && data[size - 1] && !data[size]) size++;
    if ((ret = data_a_to_w(type, data, size, &wdata, &wsize))) return ret;
    WCHAR *wname = reg_a_to_w(name);
    ret = RegSetValueExW(hkey, wname, reserved, type, wdata, wsize);
    reg_free(wname);
    if (wdata != data) reg_free((void *)wdata);
    return ret;
}

LSTATUS WINAPI RegSetKeyValueA(HKEY hkey, LPCSTR subkey, LPCSTR name, DWORD type, LPCVOID data, DWORD size)
{
    HKEY key = hkey;
    LSTATUS ret;
    if (subkey && *subkey && (ret = RegCreateKeyExA(hkey, subkey, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL)))
        return ret;
    ret = RegSetValueExA(key, name, 0, type, data, size);
    if (key != hkey) RegCloseKey(key);
    return ret;
}

LSTATUS WINAPI RegSetValueA(HKEY hkey, LPCSTR subkey, DWORD type, LPCSTR data, DWORD size)
{
    (void)size;
    if (type != REG_SZ || !data) return ERROR_INVALID_PARAMETER;
    return RegSetKeyValueA(hkey, subkey, NULL, REG_SZ, data, lstrlenA(data) + 1);
}

LSTATUS WINAPI RegDeleteValueA(HKEY hkey, LPCSTR name)
{
    WCHAR *wname = reg_a_to_w(name);
    LSTATUS ret = RegDeleteValueW(hkey, wname);
    reg_free(wname);
    return ret;
}

LSTATUS WINAPI RegDeleteKeyValueA(HKEY hkey, LPCSTR subkey, LPCSTR name)
{
    WCHAR *sub = reg_a_to_w(subkey), *wname = reg_a_to_w(name);
    LSTATUS ret = RegDeleteKeyValueW(hkey, sub, wname);
    reg_free(sub);
    reg_free(wname);
    return ret;
}

LSTATUS WINAPI RegQueryValueExA(HKEY hkey, LPCSTR name, LPDWORD reserved, LPDWORD type, LPBYTE data, LPDWORD count)
{
    REG_PARTIAL_INFO *info;
    HANDLE key;
    LSTATUS ret;

    if ((data && !count) || reserved) return ERROR_INVALID_PARAMETER;
    if ((ret = reg_get_handle(hkey, &key))) return ret;
    WCHAR *wname = reg_a_to_w(name);
    ret = reg_query_partial(key, wname, &info);
    reg_free(wname);
    if (ret) return ret;
    if (type) *type = info->Type;
    ret = give_data_a(info->Type, info->Data, info->DataLength, data, count);
    reg_free(info);
    return ret;
}

LSTATUS WINAPI RegQueryValueA(HKEY hkey, LPCSTR subkey, LPSTR data, LPLONG count)
{
    HKEY key = hkey;
    DWORD size = count ? *count : 0;
    LSTATUS ret;

    if (data && !count) return ERROR_INVALID_PARAMETER;
    if (subkey && *subkey && (ret = RegOpenKeyExA(hkey, subkey, 0, KEY_QUERY_VALUE, &key))) return ret;
    ret = RegQueryValueExA(key, NULL, NULL, NULL, (BYTE *)data, &size);
    if (ret == ERROR_FILE_NOT_FOUND) {   /* never set: an empty string */
        ret = data && size < 1 ? ERROR_MORE_DATA : ERROR_SUCCESS;
        if (data && !ret) data[0] = 0;
        size = 1;
    }
    if (count) *count = size;
    if (key != hkey) RegCloseKey(key);
    return ret;
}

LSTATUS WINAPI RegGetValueA(HKEY hkey, LPCSTR subkey, LPCSTR value, DWORD flags, LPDWORD type,
                            PVOID data, LPDWORD count)
{
    WCHAR *sub = reg_a_to_w(subkey), *wvalue = reg_a_to_w(value);
    DWORD wtype = 0, wsize = 0, room = data && count ? *count : 0;
    BYTE *buf = NULL;
    LSTATUS ret;

    if (data && !count) ret = ERROR_INVALID_PARAMETER;
    else if (!(ret = RegGetValueW(hkey, sub, wvalue, flags, &wtype, NULL, &wsize))) {
        if (!(buf = reg_alloc(wsize ? wsize : 1))) ret = ERROR_NOT_ENOUGH_MEMORY;
        else ret = RegGetValueW(hkey, sub, wvalue, flags, &wtype, buf, &wsize);
    }
    if (!ret) {
        ret = give_data_a(wtype, buf, wsize, data, count);
        if (type) *type = wtype;
        if (ret && data && (flags & RRF_ZEROONFAILURE)) memset(data, 0, room);
    }
    reg_free(buf);
    reg_free(sub);
    reg_free(wvalue);
    return ret;
}

/* ---- enumeration and key facts ---- */

LSTATUS WINAPI RegEnumKeyExA(HKEY hkey, DWORD index, LPSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPSTR class_name, LPDWORD class_len, PFILETIME last_write)
{
    WCHAR wname[256], wclass[256];
    DWORD wname_len = 256, wclass_len = 256;
    LSTATUS ret;

    if (reserved || !name || !name_len) return ERROR_INVALID_PARAMETER;
    ret = RegEnumKeyExW(hkey, index, wname, &wname_len, NULL, class_name ? wclass : NULL,
                        class_name || class_len ? &wclass_len : NULL, last_write);
    if (!ret) ret = reg_w_to_a(wname, wname_len, name, name_len);
    if (!ret && class_name) ret = reg_w_to_a(wclass, wclass_len, class_name, class_len);
    else if (!ret && class_len) *class_len = wclass_len;
    return ret;
}

LSTATUS WINAPI RegEnumKeyA(HKEY hkey, DWORD index, LPSTR name, DWORD name_len)
{
    return RegEnumKeyExA(hkey, index, name, &name_len, NULL, NULL, NULL, NULL);
}

LSTATUS WINAPI RegEnumValueA(HKEY hkey, DWORD index, LPSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPDWORD type, LPBYTE data, LPDWORD count)
{
    DWORD wname_len = 16384, wtype, wsize = 0;
    WCHAR *wname = reg_alloc(wname_len * sizeof(WCHAR));
    BYTE *buf = NULL;
    LSTATUS ret;

    if (reserved || !name || !name_len || (data && !count)) ret = ERROR_INVALID_PARAMETER;
    else if (!wname) ret = ERROR_NOT_ENOUGH_MEMORY;
    else if (!(ret = RegEnumValueW(hkey, index, wname, &wname_len, NULL, &wtype, NULL, &wsize))) {
        wname_len = 16384;
        if (!(buf = reg_alloc(wsize ? wsize : 1))) ret = ERROR_NOT_ENOUGH_MEMORY;
        else ret = RegEnumValueW(hkey, index, wname, &wname_len, NULL, &wtype, buf, &wsize);
    }
    if (!ret) {
        if (type) *type = wtype;
        ret = give_data_a(wtype, buf, wsize, data, count);
        if (!ret) ret = reg_w_to_a(wname, wname_len, name, name_len);
    }
    reg_free(buf);
    reg_free(wname);
    return ret;
}

LSTATUS WINAPI RegQueryInfoKeyA(HKEY hkey, LPSTR class_name, LPDWORD class_len, LPDWORD reserved,
                                LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class, LPDWORD values,
                                LPDWORD max_value_name, LPDWORD max_value_data, LPDWORD security,
                                PFILETIME last_write)
{
    WCHAR wclass[256];
    DWORD wclass_len = 256;
    LSTATUS ret;

    if (reserved || (class_name && !class_len)) return ERROR_INVALID_PARAMETER;
    ret = RegQueryInfoKeyW(hkey, class_name ? wclass : NULL, class_len ? &wclass_len : NULL, NULL, subkeys,
                           max_subkey, max_class, values, max_value_name, max_value_data, security, last_write);
    if (!ret && class_name) {
        DWORD room = *class_len;
        ret = reg_w_to_a(wclass, wclass_len, class_name, &room);
        if (ret) RtlUnicodeToMultiByteSize(class_len, wclass, wclass_len * sizeof(WCHAR));
        else *class_len = room;
    } else if (!ret && class_len) *class_len = wclass_len;
    return ret;
}
