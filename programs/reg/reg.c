/*
 * programs/reg/reg.c — reg.exe: the command line registry tool.
 *
 *   reg add KEY [/v NAME | /ve] [/t TYPE] [/s SEP] [/d DATA] [/f]
 *   reg query KEY [/v NAME | /ve] [/s]
 *   reg delete KEY [/v NAME | /ve | /va] [/f]
 *   reg export KEY FILE [/y]        reg import FILE      (regfile.c)
 *
 * Messages, output layout and exit codes (0 success, 1 failure) follow
 * Windows' reg.exe. Sections: output · key names · add · query · delete ·
 * main.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include "reg.h"

#define MSG_SUCCESS L"The operation completed successfully.\r\n"
#define MSG_NOT_FOUND L"ERROR: The system was unable to find the specified registry key or value.\r\n"

/* ---- output ---- */

void *reg_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) { fputs("ERROR: Not enough memory.\r\n", stderr); exit(1); }
    return p;
}

/* a console gets UTF-16; a file or pipe the console's code page */
static void write_text(DWORD which, const WCHAR *text)
{
    HANDLE h = GetStdHandle(which);
    DWORD mode, n, len = wcslen(text);
    if (GetConsoleMode(h, &mode)) { WriteConsoleW(h, text, len, &n, NULL); return; }
    UINT cp = GetConsoleOutputCP();
    int size = WideCharToMultiByte(cp ? cp : CP_OEMCP, 0, text, len, NULL, 0, NULL, NULL);
    char *buf = reg_alloc(size);
    WideCharToMultiByte(cp ? cp : CP_OEMCP, 0, text, len, buf, size, NULL, NULL);
    WriteFile(h, buf, size, &n, NULL);
    free(buf);
}

static void vwrite(DWORD which, const WCHAR *fmt, va_list args)
{
    WCHAR buf[8192];
    int n = _vsnwprintf(buf, 8191, fmt, args);
    buf[n < 0 ? 8191 : n] = 0;
    write_text(which, buf);
}

void output(const WCHAR *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vwrite(STD_OUTPUT_HANDLE, fmt, args);
    va_end(args);
}

void error(const WCHAR *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vwrite(STD_ERROR_HANDLE, fmt, args);
    va_end(args);
}

BOOL ask_yes_no(const WCHAR *fmt, ...)
{
    char answer[16];
    DWORD n = 0;
    va_list args;
    va_start(args, fmt);
    vwrite(STD_OUTPUT_HANDLE, fmt, args);
    va_end(args);
    if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), answer, sizeof(answer) - 1, &n, NULL)) n = 0;
    return n && (answer[0] == 'y' || answer[0] == 'Y');
}

static int syntax_error(const WCHAR *command)
{
    error(L"ERROR: Invalid syntax.\r\nType \"REG %ls /?\" for usage.\r\n", command);
    return 1;
}

/* ---- key names ---- */

static const struct { const WCHAR *short_name, *long_name; HKEY key; } roots[] = {
    { L"HKLM", L"HKEY_LOCAL_MACHINE", HKEY_LOCAL_MACHINE },
    { L"HKCU", L"HKEY_CURRENT_USER", HKEY_CURRENT_USER },
    { L"HKCR", L"HKEY_CLASSES_ROOT", HKEY_CLASSES_ROOT },
    { L"HKU", L"HKEY_USERS", HKEY_USERS },
    { L"HKCC", L"HKEY_CURRENT_CONFIG", HKEY_CURRENT_CONFIG },
};

BOOL parse_key(const WCHAR *path, HKEY *root, const WCHAR **subkey, const WCHAR **long_root)
{
    if (path[0] == '\\' && path[1] == '\\') {   /* a remote machine: only this one exists here */
        error(L"ERROR: Invalid key name.\r\n");
        return FALSE;
    }
    const WCHAR *slash = wcschr(path, '\\');
    size_t len = slash ? (size_t)(slash - path) : wcslen(path);
    for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        if ((wcslen(roots[i].short_name) == len && !_wcsnicmp(path, roots[i].short_name, len))
            || (wcslen(roots[i].long_name) == len && !_wcsnicmp(path, roots[i].long_name, len))) {
            *root = roots[i].key;
            *subkey = slash ? slash + 1 : L"";
            *long_root = roots[i].long_name;
            return TRUE;
        }
    }
    error(L"ERROR: Invalid key name.\r\n");
    return FALSE;
}

/* the subkey without trailing backslashes, in a new buffer */
static WCHAR *trimmed(const WCHAR *subkey)
{
    size_t len = wcslen(subkey);
    while (len && subkey[len - 1] == '\\') len--;
    WCHAR *s = reg_alloc((len + 1) * sizeof(WCHAR));
    memcpy(s, subkey, len * sizeof(WCHAR));
    s[len] = 0;
    return s;
}

static BOOL is_option(const WCHAR *arg, const WCHAR *name)
{
    return (arg[0] == '/' || arg[0] == '-') && !_wcsicmp(arg + 1, name);
}

/* the command line after KEY: which options, and their arguments */
struct options {
    const WCHAR *value;        /* /v NAME, or L"" for /ve */
    const WCHAR *type;         /* /t */
    const WCHAR *data;         /* /d */
    WCHAR separator;           /* /s (add) */
    BOOL all_values;           /* /va */
    BOOL recurse;              /* /s (query) */
    BOOL force;                /* /f */
};

/* with_arg: options that take an argument in this command */
static BOOL parse_options(int argc, WCHAR **argv, struct options *o, BOOL is_add)
{
    memset(o, 0, sizeof(*o));
    for (int i = 0; i < argc; i++) {
        const WCHAR *a = argv[i];
        BOOL has_next = i + 1 < argc;
        if (is_option(a, L"v") && has_next && !o->value) o->value = argv[++i];
        else if (is_option(a, L"ve") && !o->value) o->value = L"";
        else if (is_option(a, L"va") && !is_add) o->all_values = TRUE;
        else if (is_option(a, L"f")) o->force = TRUE;
        else if (is_add && is_option(a, L"t") && has_next && !o->type) o->type = argv[++i];
        else if (is_add && is_option(a, L"d") && has_next && !o->data) o->data = argv[++i];
        else if (is_add && is_option(a, L"s") && has_next && wcslen(argv[i + 1]) == 1) o->separator = argv[++i][0];
        else if (!is_add && is_option(a, L"s")) o->recurse = TRUE;
        else return FALSE;
    }
    return !(o->all_values && o->value);
}

/* ---- add ---- */

static const struct { const WCHAR *name; DWORD type; } types[] = {
    { L"REG_SZ", REG_SZ }, { L"REG_EXPAND_SZ", REG_EXPAND_SZ }, { L"REG_MULTI_SZ", REG_MULTI_SZ },
    { L"REG_DWORD", REG_DWORD }, { L"REG_DWORD_LITTLE_ENDIAN", REG_DWORD },
    { L"REG_DWORD_BIG_ENDIAN", REG_DWORD_BIG_ENDIAN }, { L"REG_QWORD", REG_QWORD },
    { L"REG_BINARY", REG_BINARY }, { L"REG_NONE", REG_NONE }, { L"REG_LINK", REG_LINK },
};

static const WCHAR *type_name(DWORD type)
{
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (types[i].type == type) return types[i].name;
    return L"REG_NONE";
}

static BOOL parse_number(const WCHAR *s, unsigned long long max, unsigned long long *out)
{
    WCHAR *end;
    if (!*s) { *out = 0; return TRUE; }
    *out = wcstoull(s, &end, 0);
    return !*end && *out <= max && s[0] != '-';
}

/* the bytes /d gives for the type; NULL after printing why */
static BYTE *make_data(DWORD type, const WCHAR *text, WCHAR separator, DWORD *size)
{
    size_t len = wcslen(text);
    unsigned long long n;
    BYTE *data;

    switch (type) {
    case REG_DWORD: case REG_DWORD_BIG_ENDIAN: case REG_QWORD:
        if (!parse_number(text, type == REG_QWORD ? ~0ULL : 0xffffffffULL, &n)) {
            error(L"ERROR: Invalid syntax.\r\n");
            return NULL;
        }
        *size = type == REG_QWORD ? 8 : 4;
        data = reg_alloc(8);
        if (type == REG_DWORD_BIG_ENDIAN) n = ((n & 0xff) << 24) | ((n & 0xff00) << 8) | ((n >> 8) & 0xff00) | ((n >> 24) & 0xff);
        memcpy(data, &n, *size);
        return data;
    case REG_BINARY: case REG_NONE:
        if (len & 1) { error(L"ERROR: Invalid syntax.\r\n"); return NULL; }
        data = reg_alloc(len / 2);
        for (size_t i = 0; i < len / 2; i++) {
            WCHAR pair[3] = { text[2 * i], text[2 * i + 1], 0 }, *end;
            data[i] = (BYTE)wcstoul(pair, &end, 16);
            if (*end || !iswxdigit(pair[0])) { free(data); error(L"ERROR: Invalid syntax.\r\n"); return NULL; }
        }
        *size = len / 2;
        return data;
    case REG_MULTI_SZ: {
        /* parts separated by the separator, or by the two characters \0 */
        WCHAR *out = reg_alloc((len + 2) * sizeof(WCHAR)), *p = out;
        for (size_t i = 0; i < len; i++) {
            if (separator ? text[i] == separator : (text[i] == '\\' && text[i + 1] == '0')) {
                if (p == out || p[-1] == 0) { free(out); error(L"ERROR: Invalid syntax.\r\n"); return NULL; }
                *p++ = 0;
                if (!separator) i++;
            } else *p++ = text[i];
        }
        if (p != out) *p++ = 0;
        *p++ = 0;
        *size = (p - out) * sizeof(WCHAR);
        return (BYTE *)out;
    }
    default:   /* REG_SZ, REG_EXPAND_SZ and the rest: the text */
        *size = (len + 1) * sizeof(WCHAR);
        data = reg_alloc(*size);
        memcpy(data, text, *size);
        return data;
    }
}

static int reg_add(int argc, WCHAR **argv)
{
    struct options o;
    const WCHAR *subkey, *long_root;
    DWORD type = REG_SZ, size;
    HKEY root, key;
    LONG ret;

    if (argc < 1 || !parse_options(argc - 1, argv + 1, &o, TRUE)) return syntax_error(L"ADD");
    if (!parse_key(argv[0], &root, &subkey, &long_root)) return 1;
    if (o.type) {
        size_t i;
        for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) if (!_wcsicmp(o.type, types[i].name)) break;
        if (i == sizeof(types) / sizeof(types[0])) {
            error(L"ERROR: Invalid type: %ls\r\n", o.type);   /* not a type reg knows */
            return 1;
        }
        type = types[i].type;
    }
    if (o.separator && type != REG_MULTI_SZ) return syntax_error(L"ADD");
    WCHAR *sub = trimmed(subkey);
    ret = RegCreateKeyExW(root, sub, 0, NULL, 0, KEY_READ | KEY_WRITE, NULL, &key, NULL);
    free(sub);
    if (ret) { error(L"ERROR: Access is denied.\r\n"); return 1; }
    if (o.value) {
        if (!o.force && !RegQueryValueExW(key, o.value, NULL, NULL, NULL, NULL)
            && !ask_yes_no(L"Value %ls exists, overwrite(Yes/No)? ", *o.value ? o.value : L"(Default)")) {
            RegCloseKey(key);
            error(L"The operation was canceled by the user.\r\n");
            return 0;
        }
        BYTE *data = make_data(type, o.data ? o.data : L"", o.separator, &size);
        if (!data) { RegCloseKey(key); return 1; }
        ret = RegSetValueExW(key, o.value, 0, type, data, size);
        free(data);
    } else if (o.data || o.type) {   /* /d or /t without /v: the default value */
        BYTE *data = make_data(type, o.data ? o.data : L"", o.separator, &size);
        if (!data) { RegCloseKey(key); return 1; }
        ret = RegSetValueExW(key, NULL, 0, type, data, size);
        free(data);
    }
    RegCloseKey(key);
    if (ret) { error(L"ERROR: Access is denied.\r\n"); return 1; }
    output(MSG_SUCCESS);
    return 0;
}

/* ---- query ---- */

static void print_value(const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
    output(L"    %ls    %ls    ", *name ? name : L"(Default)", type_name(type));
    if (type == REG_SZ || type == REG_EXPAND_SZ) {
        WCHAR *s = reg_alloc(size + 2);
        memcpy(s, data, size);
        s[size / 2] = 0;
        output(L"%ls", s);
        free(s);
    } else if (type == REG_MULTI_SZ) {
        const WCHAR *p = (const WCHAR *)data, *end = p + size / 2;
        while (p < end && *p) {
            output(L"%ls", p);
            p += wcslen(p) + 1;
            if (p < end && *p) output(L"\\0");
        }
    } else if (type == REG_DWORD && size == 4) output(L"0x%lx", *(const DWORD *)data);
    else if (type == REG_QWORD && size == 8) output(L"0x%I64x", *(const ULONGLONG *)data);
    else for (DWORD i = 0; i < size; i++) output(L"%02X", data[i]);
    output(L"\r\n");
}

/* one value: NULL name → all of them; returns FALSE when it is missing */
static BOOL query_values(HKEY key, const WCHAR *only)
{
    DWORD max_name, max_data, type, name_len, size;
    BOOL found = FALSE;
    if (RegQueryInfoKeyW(key, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &max_name, &max_data, NULL, NULL)) return FALSE;
    WCHAR *name = reg_alloc((max_name + 1) * sizeof(WCHAR));
    BYTE *data = reg_alloc(max_data + 2);
    for (DWORD i = 0;; i++) {
        name_len = max_name + 1;
        size = max_data + 2;
        if (RegEnumValueW(key, i, name, &name_len, NULL, &type, data, &size)) break;
        if (only && _wcsicmp(only, name)) continue;
        print_value(name, type, data, size);
        found = TRUE;
    }
    free(name);
    free(data);
    return found;
}

static void query_key(HKEY key, const WCHAR *path, const WCHAR *only, BOOL recurse)
{
    WCHAR sub[256];
    output(L"\r\n%ls\r\n", path);
    query_values(key, only);
    if (only) return;
    if (!recurse) output(L"\r\n");
    for (DWORD i = 0; !RegEnumKeyW(key, i, sub, 256); i++) {
        size_t n = wcslen(path) + wcslen(sub) + 2;
        WCHAR *child = reg_alloc(n * sizeof(WCHAR));
        _snwprintf(child, n, L"%ls\\%ls", path, sub);
        HKEY k;
        if (!recurse) output(L"%ls\r\n", child);
        else if (!RegOpenKeyExW(key, sub, 0, KEY_READ, &k)) {
            query_key(k, child, NULL, TRUE);
            RegCloseKey(k);
        }
        free(child);
    }
}

static int reg_query(int argc, WCHAR **argv)
{
    struct options o;
    const WCHAR *subkey, *long_root;
    HKEY root, key;

    if (argc < 1 || !parse_options(argc - 1, argv + 1, &o, FALSE) || o.all_values || o.force)
        return syntax_error(L"QUERY");
    if (!parse_key(argv[0], &root, &subkey, &long_root)) return 1;
    WCHAR *sub = trimmed(subkey);
    LONG ret = RegOpenKeyExW(root, sub, 0, KEY_READ, &key);
    size_t n = wcslen(long_root) + wcslen(sub) + 2;
    WCHAR *path = reg_alloc(n * sizeof(WCHAR));
    _snwprintf(path, n, *sub ? L"%ls\\%ls" : L"%ls", long_root, sub);
    free(sub);
    if (ret) { free(path); error(MSG_NOT_FOUND); return 1; }
    if (o.value) {
        DWORD type;
        if (RegQueryValueExW(key, *o.value ? o.value : NULL, NULL, &type, NULL, NULL)) {
            RegCloseKey(key);
            free(path);
            error(MSG_NOT_FOUND);
            return 1;
        }
        output(L"\r\n%ls\r\n", path);
        query_values(key, o.value);
        output(L"\r\n");
    } else {
        query_key(key, path, NULL, o.recurse);
        if (o.recurse) output(L"\r\n");
    }
    RegCloseKey(key);
    free(path);
    return 0;
}

/* ---- delete ---- */

static int reg_delete(int argc, WCHAR **argv)
{
    struct options o;
    const WCHAR *subkey, *long_root;
    HKEY root, key;
    LONG ret;

    if (argc < 1 || !parse_options(argc - 1, argv + 1, &o, FALSE) || o.recurse) return syntax_error(L"DELETE");
    if (!parse_key(argv[0], &root, &subkey, &long_root)) return 1;
    WCHAR *sub = trimmed(subkey);
    if (!*sub && !o.value && !o.all_values) {   /* a whole root key: never */
        free(sub);
        error(L"ERROR: Invalid key name.\r\n");
        return 1;
    }
    if ((ret = RegOpenKeyExW(root, sub, 0, KEY_ALL_ACCESS, &key))) {
        free(sub);
        error(MSG_NOT_FOUND);
        return 1;
    }
    if (!o.force && !ask_yes_no(o.value || o.all_values ? L"Delete the registry value %ls (Yes/No)? "
                                                         : L"Permanently delete the registry key %ls (Yes/No)? ",
                                o.value && *o.value ? o.value : argv[0])) {
        RegCloseKey(key);
        free(sub);
        error(L"The operation was canceled by the user.\r\n");
        return 0;
    }
    if (o.value) ret = RegDeleteValueW(key, *o.value ? o.value : NULL);
    else if (o.all_values) {
        WCHAR name[16384];
        DWORD len;
        /* deleting shifts the rest down: always the first one */
        for (;;) {
            len = 16384;
            if (RegEnumValueW(key, 0, name, &len, NULL, NULL, NULL, NULL)) break;
            if ((ret = RegDeleteValueW(key, name))) break;
        }
    } else ret = RegDeleteTreeW(root, sub);
    RegCloseKey(key);
    free(sub);
    if (ret == ERROR_FILE_NOT_FOUND) { error(MSG_NOT_FOUND); return 1; }
    if (ret) { error(L"ERROR: Access is denied.\r\n"); return 1; }
    output(MSG_SUCCESS);
    return 0;
}

/* ---- main ---- */

static void usage(void)
{
    output(L"REG <operation> [parameter list]\r\n\r\n"
           L"  <operation> == [ QUERY | ADD | DELETE | IMPORT | EXPORT ]\r\n\r\n"
           L"  REG ADD KEY [/v NAME | /ve] [/t TYPE] [/s SEP] [/d DATA] [/f]\r\n"
           L"  REG QUERY KEY [/v NAME | /ve] [/s]\r\n"
           L"  REG DELETE KEY [/v NAME | /ve | /va] [/f]\r\n"
           L"  REG EXPORT KEY FILE [/y]\r\n"
           L"  REG IMPORT FILE\r\n\r\n"
           L"KEY is ROOT\\subkey, ROOT one of HKLM, HKCU, HKCR, HKU, HKCC.\r\n"
           L"Return code: 0 success, 1 failure.\r\n");
}

int wmain(int argc, WCHAR **argv)
{
    static const struct { const WCHAR *name; int (*run)(int, WCHAR **); } ops[] = {
        { L"add", reg_add }, { L"query", reg_query }, { L"delete", reg_delete },
        { L"export", reg_export }, { L"import", reg_import },
    };
    if (argc < 2) {
        error(L"ERROR: Invalid syntax.\r\nType \"REG /?\" for usage.\r\n");
        return 1;
    }
    if (is_option(argv[1], L"?") || is_option(argv[1], L"h")) { usage(); return 0; }
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        if (_wcsicmp(argv[1], ops[i].name)) continue;
        if (argc > 2 && is_option(argv[2], L"?")) { usage(); return 0; }
        return ops[i].run(argc - 2, argv + 2);
    }
    error(L"ERROR: Invalid syntax.\r\nType \"REG /?\" for usage.\r\n");
    return 1;
}
