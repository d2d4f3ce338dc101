/*
 * programs/reg/regfile.c — .reg files: reg export writes the format
 * Windows' regedit writes ("Windows Registry Editor Version 5.00", UTF-16LE
 * with a BOM); reg import reads that and the older REGEDIT4 (ANSI).
 *
 * Sections: export · reading a file · parsing values · import.
 *
 * The format: [ROOT\key] lines ([-ROOT\key] deletes the key), then
 * "name"=value or @=value (the default value) lines, value being "text",
 * dword:XXXXXXXX, hex:bb,bb,.. (REG_BINARY), hex(N):bb,.. (any type N;
 * 2 REG_EXPAND_SZ, 7 REG_MULTI_SZ and b REG_QWORD are common) or - (delete).
 * Long hex lines continue after a trailing backslash. In REGEDIT4 files the
 * bytes of hex(2)/hex(7) strings are ANSI, in version 5 UTF-16.
 */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include "reg.h"

#define HEADER5 L"Windows Registry Editor Version 5.00"
#define HEADER4 L"REGEDIT4"

/* ---- export ---- */

struct out {
    WCHAR *buf;
    size_t len, cap;
    size_t line_start;         /* where the current line began (for wrapping) */
};

static void put(struct out *o, const WCHAR *s)
{
    size_t n = wcslen(s);
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        WCHAR *b = realloc(o->buf, o->cap * sizeof(WCHAR));
        if (!b) { fputs("ERROR: Not enough memory.\r\n", stderr); exit(1); }
        o->buf = b;
    }
    memcpy(o->buf + o->len, s, (n + 1) * sizeof(WCHAR));
    o->len += n;
    if (n >= 2 && s[n - 1] == '\n') o->line_start = o->len;
}

static void put_quoted(struct out *o, const WCHAR *s, size_t len)
{
    WCHAR c[3] = { 0 };
    put(o, L"\"");
    for (size_t i = 0; i < len; i++) {
        c[0] = s[i] == '\\' || s[i] == '"' ? '\\' : s[i];
        c[1] = c[0] == '\\' ? s[i] : 0;
        put(o, c);
    }
    put(o, L"\"");
}

/* hex bytes, wrapped as regedit does: lines stay under 80 columns */
static void put_hex(struct out *o, const BYTE *data, DWORD size)
{
    WCHAR b[8];
    for (DWORD i = 0; i < size; i++) {
        swprintf(b, 8, i + 1 < size ? L"%02x," : L"%02x", data[i]);
        put(o, b);
        if (i + 1 < size && o->len - o->line_start > 76) {
            put(o, L"\\\r\n");
            put(o, L"  ");
        }
    }
}

/* a REG_SZ that can be written as "text": one NUL, at the end */
static BOOL plain_string(const BYTE *data, DWORD size)
{
    const WCHAR *w = (const WCHAR *)data;
    DWORD n = size / 2;
    if (size < 2 || (size & 1) || w[n - 1]) return FALSE;
    for (DWORD i = 0; i + 1 < n; i++) if (!w[i]) return FALSE;
    return TRUE;
}

static void export_value(struct out *o, const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
    WCHAR prefix[16];
    if (*name) put_quoted(o, name, wcslen(name));
    else put(o, L"@");
    put(o, L"=");
    if (type == REG_SZ && plain_string(data, size)) put_quoted(o, (const WCHAR *)data, size / 2 - 1);
    else if (type == REG_DWORD && size == 4) {
        swprintf(prefix, 16, L"dword:%08lx", *(const DWORD *)data);
        put(o, prefix);
    } else {
        if (type == REG_BINARY) put(o, L"hex:");
        else { swprintf(prefix, 16, L"hex(%lx):", type); put(o, prefix); }
        put_hex(o, data, size);
    }
    put(o, L"\r\n");
}

static void export_key(struct out *o, HKEY key, const WCHAR *path)
{
    DWORD max_name = 0, max_data = 0, type, name_len, size;
    WCHAR sub[256];

    put(o, L"[");
    put(o, path);
    put(o, L"]\r\n");
    RegQueryInfoKeyW(key, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &max_name, &max_data, NULL, NULL);
    WCHAR *name = reg_alloc((max_name + 1) * sizeof(WCHAR));
    BYTE *data = reg_alloc(max_data);
    for (DWORD i = 0;; i++) {
        name_len = max_name + 1;
        size = max_data;
        if (RegEnumValueW(key, i, name, &name_len, NULL, &type, data, &size)) break;
        export_value(o, name, type, data, size);
    }
    free(name);
    free(data);
    put(o, L"\r\n");
    for (DWORD i = 0; !RegEnumKeyW(key, i, sub, 256); i++) {
        HKEY k;
        size_t n = wcslen(path) + wcslen(sub) + 2;
        WCHAR *child = reg_alloc(n * sizeof(WCHAR));
        _snwprintf(child, n, L"%ls\\%ls", path, sub);
        if (!RegOpenKeyExW(key, sub, 0, KEY_READ, &k)) {
            export_key(o, k, child);
            RegCloseKey(k);
        }
        free(child);
    }
}

static BOOL write_file(const WCHAR *file, const WCHAR *text, size_t len)
{
    static const BYTE bom[2] = { 0xff, 0xfe };
    DWORD n;
    HANDLE h = CreateFileW(file, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    BOOL ok = WriteFile(h, bom, 2, &n, NULL) && WriteFile(h, text, len * sizeof(WCHAR), &n, NULL);
    CloseHandle(h);
    return ok;
}

int reg_export(int argc, WCHAR **argv)
{
    const WCHAR *subkey, *long_root;
    struct out o = { 0 };
    HKEY root, key;

    if (argc < 2 || argc > 3 || (argc == 3 && _wcsicmp(argv[2], L"/y") && _wcsicmp(argv[2], L"-y"))) {
        error(L"ERROR: Invalid syntax.\r\nType \"REG EXPORT /?\" for usage.\r\n");
        return 1;
    }
    if (!parse_key(argv[0], &root, &subkey, &long_root)) return 1;
    if (RegOpenKeyExW(root, subkey, 0, KEY_READ, &key)) {
        error(L"ERROR: The system was unable to find the specified registry key or value.\r\n");
        return 1;
    }
    if (argc == 2 && GetFileAttributesW(argv[1]) != INVALID_FILE_ATTRIBUTES
        && !ask_yes_no(L"File %ls already exists. Overwrite (Yes/No)? ", argv[1])) {
        RegCloseKey(key);
        error(L"The operation was canceled by the user.\r\n");
        return 0;
    }
    size_t n = wcslen(long_root) + wcslen(subkey) + 2;
    WCHAR *path = reg_alloc(n * sizeof(WCHAR));
    _snwprintf(path, n, *subkey ? L"%ls\\%ls" : L"%ls", long_root, subkey);
    while (wcslen(path) && path[wcslen(path) - 1] == '\\') path[wcslen(path) - 1] = 0;
    put(&o, HEADER5 L"\r\n\r\n");
    export_key(&o, key, path);
    RegCloseKey(key);
    free(path);
    BOOL ok = write_file(argv[1], o.buf, o.len);
    free(o.buf);
    if (!ok) {
        error(L"ERROR: Unable to write to the file. There may be a disk or file system error.\r\n");
        return 1;
    }
    output(L"The operation completed successfully.\r\n");
    return 0;
}

/* ---- reading a file: UTF-16LE with a BOM, else ANSI ---- */

static WCHAR *read_text(const WCHAR *file)
{
    HANDLE h = CreateFileW(file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD size, n;
    if (h == INVALID_HANDLE_VALUE) return NULL;
    size = GetFileSize(h, NULL);
    BYTE *raw = reg_alloc(size + 2);
    BOOL ok = size != INVALID_FILE_SIZE && ReadFile(h, raw, size, &n, NULL) && n == size;
    CloseHandle(h);
    if (!ok) { free(raw); return NULL; }
    WCHAR *text;
    if (size >= 2 && raw[0] == 0xff && raw[1] == 0xfe) {
        text = reg_alloc(size);
        memcpy(text, raw + 2, size - 2);
        text[(size - 2) / 2] = 0;
    } else {
        int len = MultiByteToWideChar(CP_ACP, 0, (char *)raw, size, NULL, 0);
        text = reg_alloc((len + 1) * sizeof(WCHAR));
        MultiByteToWideChar(CP_ACP, 0, (char *)raw, size, text, len);
        text[len] = 0;
    }
    free(raw);
    return text;
}

/* the next logical line (continuations joined, leading blanks skipped);
 * *pos moves past it; NULL at the end */
static WCHAR *next_line(WCHAR **pos)
{
    WCHAR *p = *pos, *out, *o;
    if (!*p) return NULL;
    out = o = p;   /* joined in place: the result is never longer */
    while (*p == ' ' || *p == '\t') p++;
    for (;;) {
        while (*p && *p != '\r' && *p != '\n') *o++ = *p++;
        /* hex data continues after a trailing backslash (after a comma,
           the colon of hex:, or a digit); a string value ends in a quote */
        if (o - out >= 2 && o[-1] == '\\' && out[0] != '[' && wcschr(out, '=')
            && (o[-2] == ',' || o[-2] == ':' || iswxdigit(o[-2]))) {
            o--;
            if (*p == '\r') p++;
            if (*p == '\n') p++;
            while (*p == ' ' || *p == '\t') p++;
            continue;
        }
        break;
    }
    if (*p == '\r') p++;
    if (*p == '\n') p++;
    *o = 0;
    *pos = p;
    return out;
}

/* ---- parsing values ---- */

/* a quoted string at *p: unescaped in place into out; *p after it */
static BOOL parse_quoted(WCHAR **p, WCHAR **out)
{
    WCHAR *s = *p, *o;
    if (*s++ != '"') return FALSE;
    *out = o = s;
    while (*s && *s != '"') {
        if (*s == '\\' && s[1]) s++;
        *o++ = *s++;
    }
    if (*s != '"') return FALSE;
    *p = s + 1;
    *o = 0;
    return TRUE;
}

/* bb,bb,... into a new buffer */
static BOOL parse_hex(const WCHAR *s, BYTE **data, DWORD *size)
{
    size_t max = wcslen(s) / 2 + 1;
    *data = reg_alloc(max);
    *size = 0;
    while (*s == ' ') s++;
    while (*s) {
        WCHAR *end;
        unsigned long b = wcstoul(s, &end, 16);
        if (end == s || end - s > 2 || b > 255) { free(*data); return FALSE; }
        (*data)[(*size)++] = (BYTE)b;
        s = end;
        while (*s == ' ') s++;
        if (*s == ',') s++;
        while (*s == ' ') s++;
    }
    return TRUE;
}

/* the value after '=': its type and bytes (a new buffer); FALSE if bad */
static BOOL parse_data(WCHAR *s, BOOL ansi_file, DWORD *type, BYTE **data, DWORD *size)
{
    WCHAR *text;
    if (*s == '"') {
        if (!parse_quoted(&s, &text)) return FALSE;
        *type = REG_SZ;
        *size = (wcslen(text) + 1) * sizeof(WCHAR);
        *data = reg_alloc(*size);
        memcpy(*data, text, *size);
        return TRUE;
    }
    if (!_wcsnicmp(s, L"dword:", 6)) {
        WCHAR *end;
        DWORD v = wcstoul(s + 6, &end, 16);
        if (end == s + 6 || *end || wcslen(s + 6) > 8) return FALSE;
        *type = REG_DWORD;
        *size = 4;
        *data = reg_alloc(4);
        memcpy(*data, &v, 4);
        return TRUE;
    }
    if (!_wcsnicmp(s, L"hex:", 4)) { *type = REG_BINARY; return parse_hex(s + 4, data, size); }
    if (!_wcsnicmp(s, L"hex(", 4)) {
        WCHAR *end;
        *type = wcstoul(s + 4, &end, 16);
        if (end == s + 4 || end[0] != ')' || end[1] != ':' || !parse_hex(end + 2, data, size)) return FALSE;
        if (ansi_file && (*type == REG_EXPAND_SZ || *type == REG_MULTI_SZ)) {   /* ANSI bytes → UTF-16 */
            int n = MultiByteToWideChar(CP_ACP, 0, (char *)*data, *size, NULL, 0);
            WCHAR *w = reg_alloc((n + 1) * sizeof(WCHAR));
            MultiByteToWideChar(CP_ACP, 0, (char *)*data, *size, w, n);
            free(*data);
            *data = (BYTE *)w;
            *size = n * sizeof(WCHAR);
        }
        return TRUE;
    }
    return FALSE;
}

/* ---- import ---- */

static HKEY open_import_key(const WCHAR *path, BOOL delete)
{
    const WCHAR *subkey, *long_root;
    HKEY root, key = NULL;
    if (!parse_key(path, &root, &subkey, &long_root)) return NULL;
    if (delete) { RegDeleteTreeW(root, subkey); return NULL; }
    if (RegCreateKeyExW(root, subkey, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)) return NULL;
    return key;
}

/* "name"=data, @=data, "name"=- ; FALSE if malformed */
static BOOL import_value(HKEY key, WCHAR *line, BOOL ansi_file)
{
    WCHAR *name, *p = line;
    DWORD type, size;
    BYTE *data;
    if (*p == '@') { name = NULL; p++; }
    else if (!parse_quoted(&p, &name)) return FALSE;
    while (*p == ' ') p++;
    if (*p++ != '=') return FALSE;
    while (*p == ' ') p++;
    if (!key) return TRUE;   /* below a key that could not be opened: skipped */
    if (p[0] == '-' && !p[1]) { RegDeleteValueW(key, name); return TRUE; }
    if (!parse_data(p, ansi_file, &type, &data, &size)) return FALSE;
    RegSetValueExW(key, name, 0, type, data, size);
    free(data);
    return TRUE;
}

int reg_import(int argc, WCHAR **argv)
{
    if (argc != 1) {
        error(L"ERROR: Invalid syntax.\r\nType \"REG IMPORT /?\" for usage.\r\n");
        return 1;
    }
    WCHAR *text = read_text(argv[0]), *pos = text, *line;
    if (!text) {
        error(L"ERROR: Error opening the file. There may be a disk or file system error.\r\n");
        return 1;
    }
    line = next_line(&pos);
    BOOL v5 = line && !wcscmp(line, HEADER5), v4 = line && !wcscmp(line, HEADER4);
    if (!v5 && !v4) {
        free(text);
        error(L"ERROR: The specified file is not a registry file.\r\n");
        return 1;
    }
    HKEY key = NULL;
    BOOL bad = FALSE;
    while ((line = next_line(&pos))) {
        size_t len = wcslen(line);
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t')) line[--len] = 0;
        if (!len || line[0] == ';' || line[0] == '#') continue;
        if (line[0] == '[') {
            if (key) RegCloseKey(key);
            key = NULL;
            if (line[len - 1] != ']') { bad = TRUE; continue; }
            line[len - 1] = 0;
            key = open_import_key(line[1] == '-' ? line + 2 : line + 1, line[1] == '-');
        } else if (!import_value(key, line, v4)) bad = TRUE;
    }
    if (key) RegCloseKey(key);
    free(text);
    if (bad) {
        error(L"ERROR: Not all data was successfully written to the registry.\r\n");
        return 1;
    }
    error(L"The operation completed successfully.\r\n");
    return 0;
}
