/*
 * tests/advapi32/registry.c — the Reg* API: values of every type, sizes and
 * errors, A/W conversions, enumeration, key facts, trees, RegGetValue,
 * predefined keys, volatile keys, notifications, the keys a new system has,
 * and the Nt*Key size rules underneath.
 *
 * Everything is made below HKCU\Software\WlxRegTest, deleted at the end.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

#define TEST_KEY "Software\\WlxRegTest"
#define STATUS_BUFFER_OVERFLOW  ((NTSTATUS)0x80000005)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
static HKEY root;

static void delete_test_key(void)
{
    RegDeleteTreeA(HKEY_CURRENT_USER, TEST_KEY);
    RegDeleteKeyA(HKEY_CURRENT_USER, TEST_KEY);
}

static void test_create_open(void)
{
    DWORD disp = 0;
    HKEY key, key2;
    LONG ret;

    delete_test_key();
    ret = RegCreateKeyExA(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &root, &disp);
    ok(!ret, "RegCreateKeyExA: %ld\n", ret);
    ok(disp == REG_CREATED_NEW_KEY, "disposition %lu\n", disp);
    ret = RegCreateKeyExA(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, &disp);
    ok(!ret && disp == REG_OPENED_EXISTING_KEY, "second create: %ld disp %lu\n", ret, disp);
    RegCloseKey(key);

    ret = RegOpenKeyExA(HKEY_CURRENT_USER, "software\\WLXREGTEST", 0, KEY_READ, &key);
    ok(!ret, "names are case-insensitive: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(root, "missing", 0, KEY_READ, &key);
    ok(ret == ERROR_FILE_NOT_FOUND, "missing key: %ld\n", ret);
    ret = RegOpenKeyExA(root, NULL, 0, KEY_READ, &key);
    ok(!ret && key && key != root, "NULL subkey opens a new handle: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyA(root, "", &key);
    ok(!ret && key == root, "RegOpenKey with an empty subkey gives the key back: %ld\n", ret);
    ret = RegCreateKeyExA(root, "a\\b\\c", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, &disp);
    ok(!ret && disp == REG_CREATED_NEW_KEY, "nested create: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(root, "a\\b", 0, KEY_READ, &key2);
    ok(!ret, "intermediate keys exist: %ld\n", ret);
    RegCloseKey(key2);

    ret = RegCloseKey(NULL);
    ok(ret == ERROR_INVALID_HANDLE, "RegCloseKey(NULL): %ld\n", ret);
    ret = RegCloseKey(HKEY_LOCAL_MACHINE);
    ok(!ret, "closing a predefined key: %ld\n", ret);
    ret = RegQueryValueExA((HKEY)(ULONG_PTR)0xdead0, "x", NULL, NULL, NULL, NULL);
    ok(ret == ERROR_INVALID_HANDLE, "bad handle: %ld\n", ret);
}

/* every type: what is set comes back, with its type and size */
static void test_value_types(void)
{
    static const struct { const char *name; DWORD type; const char *data; DWORD size; } values[] = {
        { "sz", REG_SZ, "s\0t\0r\0\0", 8 },
        { "expand", REG_EXPAND_SZ, "%\0x\0%\0\0", 8 },
        { "binary", REG_BINARY, "\x01\x02\x00\xff", 4 },
        { "dword", REG_DWORD, "\x2a\0\0\0", 4 },
        { "dword_be", REG_DWORD_BIG_ENDIAN, "\0\0\0\x2a", 4 },
        { "link", REG_LINK, "l\0n\0", 4 },
        { "multi", REG_MULTI_SZ, "a\0\0\0b\0\0\0\0\0", 10 },
        { "qword", REG_QWORD, "\x01\x02\x03\x04\x05\x06\x07\x08", 8 },
        { "none", REG_NONE, "", 0 },
        { "other", 0x1234, "xyz", 3 },
        { "odd_sz", REG_SZ, "abc", 3 },
    };
    BYTE buf[64];
    DWORD type, size;
    LONG ret;

    for (int i = 0; i < (int)(sizeof(values) / sizeof(values[0])); i++) {
        ret = RegSetValueExA(root, values[i].name, 0, values[i].type, (const BYTE *)values[i].data, values[i].size);
        /* the A call converts strings: set the raw bytes through W for those */
        if (values[i].type == REG_SZ || values[i].type == REG_EXPAND_SZ || values[i].type == REG_MULTI_SZ) {
            WCHAR wname[16];
            MultiByteToWideChar(CP_ACP, 0, values[i].name, -1, wname, 16);
            ret = RegSetValueExW(root, wname, 0, values[i].type, (const BYTE *)values[i].data, values[i].size);
        }
        ok(!ret, "set %s: %ld\n", values[i].name, ret);
        size = sizeof(buf);
        type = 0xdead;
        memset(buf, 0xcc, sizeof(buf));
        WCHAR wname[16];
        MultiByteToWideChar(CP_ACP, 0, values[i].name, -1, wname, 16);
        ret = RegQueryValueExW(root, wname, NULL, &type, buf, &size);
        ok(!ret, "query %s: %ld\n", values[i].name, ret);
        ok(type == values[i].type, "%s: type %lu\n", values[i].name, type);
        ok(size == values[i].size, "%s: size %lu\n", values[i].name, size);
        ok(!memcmp(buf, values[i].data, values[i].size), "%s: data differs\n", values[i].name);
    }

    /* sizes: NULL data gives the size; a small buffer ERROR_MORE_DATA and the size */
    size = 0;
    ret = RegQueryValueExA(root, "binary", NULL, &type, NULL, &size);
    ok(!ret && size == 4 && type == REG_BINARY, "size query: %ld %lu\n", ret, size);
    size = 2;
    ret = RegQueryValueExA(root, "binary", NULL, &type, buf, &size);
    ok(ret == ERROR_MORE_DATA && size == 4, "small buffer: %ld %lu\n", ret, size);
    ret = RegQueryValueExA(root, "binary", NULL, &type, buf, NULL);
    ok(ret == ERROR_INVALID_PARAMETER, "data without size: %ld\n", ret);
    ret = RegQueryValueExA(root, "nothing", NULL, &type, NULL, &size);
    ok(ret == ERROR_FILE_NOT_FOUND, "missing value: %ld\n", ret);
    ret = RegDeleteValueA(root, "nothing");
    ok(ret == ERROR_FILE_NOT_FOUND, "delete missing value: %ld\n", ret);
    ret = RegDeleteValueA(root, "none");
    ok(!ret, "delete value: %ld\n", ret);
    ret = RegQueryValueExA(root, "none", NULL, &type, NULL, &size);
    ok(ret == ERROR_FILE_NOT_FOUND, "deleted value: %ld\n", ret);
    ret = RegSetValueExA(root, "null", 0, REG_BINARY, NULL, 4);
    ok(ret == ERROR_NOACCESS, "NULL data with a size: %ld\n", ret);

    /* names keep their case and match without it */
    RegSetValueExA(root, "MixedCase", 0, REG_DWORD, (const BYTE *)"\1\0\0\0", 4);
    ret = RegQueryValueExA(root, "MIXEDCASE", NULL, &type, NULL, &size);
    ok(!ret, "value names are case-insensitive: %ld\n", ret);
    RegSetValueExA(root, "mixedcase", 0, REG_DWORD, (const BYTE *)"\2\0\0\0", 4);
    char name[32];
    DWORD name_len = 32, found = 0;
    for (DWORD i = 0; !RegEnumValueA(root, i, name, &name_len, NULL, NULL, NULL, NULL); i++, name_len = 32)
        if (!lstrcmpiA(name, "mixedcase")) { found++; ok(!strcmp(name, "MixedCase"), "case kept: %s\n", name); }
    ok(found == 1, "one value for both spellings: %lu\n", found);

    /* the default value: NULL and "" name it */
    ret = RegSetValueExA(root, NULL, 0, REG_SZ, (const BYTE *)"def", 4);
    ok(!ret, "default value: %ld\n", ret);
    size = sizeof(buf);
    ret = RegQueryValueExA(root, "", NULL, &type, buf, &size);
    ok(!ret && size == 4 && !strcmp((char *)buf, "def"), "default value by \"\": %ld %lu\n", ret, size);
}

/* A/W: strings convert, sizes are in the caller's units */
static void test_ansi(void)
{
    WCHAR wbuf[32];
    char buf[32];
    DWORD type, size;
    LONG ret;

    ret = RegSetValueExA(root, "astr", 0, REG_SZ, (const BYTE *)"hello", 6);
    ok(!ret, "set A: %ld\n", ret);
    size = sizeof(wbuf);
    ret = RegQueryValueExW(root, L"astr", NULL, &type, (BYTE *)wbuf, &size);
    ok(!ret && size == 12 && !lstrcmpW(wbuf, L"hello"), "W sees UTF-16: %ld %lu\n", ret, size);
    size = sizeof(buf);
    ret = RegQueryValueExA(root, "astr", NULL, &type, (BYTE *)buf, &size);
    ok(!ret && size == 6 && !strcmp(buf, "hello"), "A sees ANSI: %ld %lu\n", ret, size);
    size = 3;
    ret = RegQueryValueExA(root, "astr", NULL, &type, (BYTE *)buf, &size);
    ok(ret == ERROR_MORE_DATA && size == 6, "A too small: %ld %lu\n", ret, size);

    ret = RegSetValueExW(root, L"wmulti", 0, REG_MULTI_SZ, (const BYTE *)L"ab\0c\0", 12);
    size = sizeof(buf);
    ret = RegQueryValueExA(root, "wmulti", NULL, &type, (BYTE *)buf, &size);
    ok(!ret && type == REG_MULTI_SZ && size == 6 && !memcmp(buf, "ab\0c\0\0", 6), "A multi: %ld %lu\n", ret, size);
    /* non-string data is not converted */
    ret = RegSetValueExA(root, "abin", 0, REG_BINARY, (const BYTE *)"ab", 2);
    size = sizeof(wbuf);
    ret = RegQueryValueExW(root, L"abin", NULL, &type, (BYTE *)wbuf, &size);
    ok(!ret && size == 2 && !memcmp(wbuf, "ab", 2), "binary is bytes: %ld %lu\n", ret, size);

    /* the Windows 3.1 forms */
    LONG lsize = sizeof(buf);
    ret = RegSetValueA(root, "old", REG_SZ, "xyz", 0);
    ok(!ret, "RegSetValueA: %ld\n", ret);
    ret = RegQueryValueA(root, "old", buf, &lsize);
    ok(!ret && lsize == 4 && !strcmp(buf, "xyz"), "RegQueryValueA: %ld %ld %s\n", ret, lsize, buf);
    ret = RegSetValueA(root, "old", REG_DWORD, "xyz", 0);
    ok(ret == ERROR_INVALID_PARAMETER, "RegSetValueA with REG_DWORD: %ld\n", ret);
}

static void test_enum(void)
{
    static const char *const names[] = { "b", "A", "c" };
    HKEY key, sub;
    char name[8];
    DWORD len, subkeys, max_sub, values, max_name, max_data;
    FILETIME ft;
    LONG ret;

    RegCreateKeyExA(root, "enum", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    for (int i = 0; i < 3; i++) {
        RegCreateKeyExA(key, names[i], 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL);
        RegCloseKey(sub);
    }
    /* subkeys come sorted, whatever the creation order */
    len = sizeof(name);
    ret = RegEnumKeyExA(key, 0, name, &len, NULL, NULL, NULL, &ft);
    ok(!ret && !strcmp(name, "A") && len == 1, "first subkey: %ld %s\n", ret, name);
    len = sizeof(name);
    ret = RegEnumKeyExA(key, 1, name, &len, NULL, NULL, NULL, NULL);
    ok(!ret && !strcmp(name, "b"), "second subkey: %ld %s\n", ret, name);
    ret = RegEnumKeyA(key, 2, name, sizeof(name));
    ok(!ret && !strcmp(name, "c"), "third subkey: %ld %s\n", ret, name);
    len = sizeof(name);
    ret = RegEnumKeyExA(key, 3, name, &len, NULL, NULL, NULL, NULL);
    ok(ret == ERROR_NO_MORE_ITEMS, "past the end: %ld\n", ret);
    len = 1;
    ret = RegEnumKeyExA(key, 0, name, &len, NULL, NULL, NULL, NULL);
    ok(ret == ERROR_MORE_DATA, "no room for the NUL: %ld\n", ret);
    WCHAR wname[8];
    len = 8;
    ret = RegEnumKeyExW(key, 0, wname, &len, NULL, NULL, NULL, NULL);
    ok(!ret && !lstrcmpW(wname, L"A") && len == 1, "W enum: %ld\n", ret);

    RegSetValueExA(key, "v1", 0, REG_BINARY, (const BYTE *)"12345", 5);
    RegSetValueExA(key, "value2", 0, REG_DWORD, (const BYTE *)"1234", 4);
    ret = RegQueryInfoKeyA(key, NULL, NULL, NULL, &subkeys, &max_sub, NULL, &values, &max_name, &max_data, NULL, &ft);
    ok(!ret, "RegQueryInfoKeyA: %ld\n", ret);
    ok(subkeys == 3 && max_sub == 1, "subkeys %lu max %lu\n", subkeys, max_sub);
    ok(values == 2 && max_name == 6 && max_data == 5, "values %lu max name %lu max data %lu\n", values, max_name, max_data);
    ok(ft.dwLowDateTime || ft.dwHighDateTime, "a last write time\n");

    DWORD type, size = 2;
    BYTE data[8];
    len = sizeof(name);
    int seen = 0;
    for (DWORD i = 0; i < 2; i++) {
        len = sizeof(name);
        size = sizeof(data);
        ret = RegEnumValueA(key, i, name, &len, NULL, &type, data, &size);
        ok(!ret, "RegEnumValueA %lu: %ld\n", i, ret);
        if (!strcmp(name, "v1")) seen |= 1, ok(type == REG_BINARY && size == 5 && len == 2, "v1 %lu %lu\n", type, size);
        if (!strcmp(name, "value2")) seen |= 2, ok(type == REG_DWORD && size == 4 && len == 6, "value2 %lu %lu\n", type, size);
    }
    ok(seen == 3, "both values enumerated: %d\n", seen);
    len = sizeof(name);
    ret = RegEnumValueA(key, 2, name, &len, NULL, NULL, NULL, NULL);
    ok(ret == ERROR_NO_MORE_ITEMS, "values past the end: %ld\n", ret);
    len = 2;
    ret = RegEnumValueA(key, 0, name, &len, NULL, NULL, NULL, NULL);
    ok(ret == ERROR_MORE_DATA, "value name too long for the buffer: %ld\n", ret);

    /* a key with subkeys cannot be deleted alone */
    ret = RegDeleteKeyA(root, "enum");
    ok(ret == ERROR_ACCESS_DENIED, "delete with children: %ld\n", ret);
    RegCloseKey(key);
}

static void test_trees(void)
{
    HKEY key, copy;
    DWORD size, subkeys, values;
    LONG ret;

    RegCreateKeyExA(root, "tree\\x\\y", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    RegSetValueExA(key, "deep", 0, REG_SZ, (const BYTE *)"d", 2);
    RegCloseKey(key);
    ret = RegSetKeyValueA(root, "tree\\x", "mid", REG_DWORD, "\5\0\0\0", 4);
    ok(!ret, "RegSetKeyValueA: %ld\n", ret);
    ret = RegSetKeyValueA(root, "tree", "top", REG_SZ, "t", 2);

    RegCreateKeyExA(root, "copy", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &copy, NULL);
    ret = RegCopyTreeA(root, "tree", copy);
    ok(!ret, "RegCopyTreeA: %ld\n", ret);
    size = 0;
    ret = RegGetValueA(copy, "x\\y", "deep", RRF_RT_REG_SZ, NULL, NULL, &size);
    ok(!ret && size == 2, "copied deep value: %ld %lu\n", ret, size);
    ret = RegGetValueA(copy, NULL, "top", RRF_RT_ANY, NULL, NULL, &size);
    ok(!ret, "copied top value: %ld\n", ret);

    ret = RegDeleteKeyValueA(root, "tree\\x", "mid");
    ok(!ret, "RegDeleteKeyValueA: %ld\n", ret);
    ret = RegDeleteKeyValueA(root, "tree\\x", "mid");
    ok(ret == ERROR_FILE_NOT_FOUND, "again: %ld\n", ret);

    /* without a subkey the key stays, emptied */
    ret = RegDeleteTreeA(copy, NULL);
    ok(!ret, "RegDeleteTreeA(key, NULL): %ld\n", ret);
    ret = RegQueryInfoKeyA(copy, NULL, NULL, NULL, &subkeys, NULL, NULL, &values, NULL, NULL, NULL, NULL);
    ok(!ret && !subkeys && !values, "emptied: %ld %lu %lu\n", ret, subkeys, values);
    RegCloseKey(copy);
    ret = RegDeleteTreeA(root, "tree");
    ok(!ret, "RegDeleteTreeA: %ld\n", ret);
    ret = RegOpenKeyExA(root, "tree", 0, KEY_READ, &key);
    ok(ret == ERROR_FILE_NOT_FOUND, "tree gone: %ld\n", ret);
    ret = RegDeleteTreeA(root, "tree");
    ok(ret == ERROR_FILE_NOT_FOUND, "deleting it again: %ld\n", ret);
    ret = RegDeleteKeyA(root, "copy");
    ok(!ret, "delete an empty key: %ld\n", ret);
}

static void test_get_value(void)
{
    char buf[64];
    DWORD type, size, dw;
    LONG ret;

    SetEnvironmentVariableA("WLXREGTESTVAR", "abc");
    RegSetValueExA(root, "exp", 0, REG_EXPAND_SZ, (const BYTE *)"%WLXREGTESTVAR%\\d", 18);
    RegSetValueExA(root, "dw", 0, REG_DWORD, (const BYTE *)"\x10\0\0\0", 4);
    RegSetValueExA(root, "bin4", 0, REG_BINARY, (const BYTE *)"\1\2\3\4", 4);
    RegSetValueExA(root, "bin3", 0, REG_BINARY, (const BYTE *)"\1\2\3", 3);
    RegSetValueExW(root, L"unterminated", 0, REG_SZ, (const BYTE *)L"ab", 4);

    size = sizeof(dw);
    ret = RegGetValueA(root, NULL, "dw", RRF_RT_REG_DWORD, &type, &dw, &size);
    ok(!ret && dw == 16 && type == REG_DWORD && size == 4, "dword: %ld\n", ret);
    size = sizeof(buf);
    ret = RegGetValueA(root, NULL, "dw", RRF_RT_REG_SZ, &type, buf, &size);
    ok(ret == ERROR_UNSUPPORTED_TYPE, "type excluded: %ld\n", ret);
    size = sizeof(dw);
    ret = RegGetValueA(root, NULL, "bin4", RRF_RT_DWORD, &type, &dw, &size);
    ok(!ret && type == REG_BINARY, "4-byte binary as RRF_RT_DWORD: %ld\n", ret);
    size = sizeof(dw);
    ret = RegGetValueA(root, NULL, "bin3", RRF_RT_DWORD, &type, &dw, &size);
    ok(ret == ERROR_DATATYPE_MISMATCH, "3-byte binary as RRF_RT_DWORD: %ld\n", ret);

    size = sizeof(buf);
    ret = RegGetValueA(root, NULL, "exp", RRF_RT_REG_SZ, &type, buf, &size);
    ok(!ret && type == REG_SZ && !strcmp(buf, "abc\\d"), "expanded: %ld %lu %s\n", ret, type, buf);
    size = sizeof(buf);
    ret = RegGetValueA(root, NULL, "exp", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, &type, buf, &size);
    ok(!ret && type == REG_EXPAND_SZ && !strcmp(buf, "%WLXREGTESTVAR%\\d"), "not expanded: %ld %s\n", ret, buf);
    ret = RegGetValueA(root, NULL, "exp", RRF_RT_REG_EXPAND_SZ, &type, buf, &size);
    ok(ret == ERROR_INVALID_PARAMETER, "REG_EXPAND_SZ alone without RRF_NOEXPAND: %ld\n", ret);
    ret = RegGetValueA(root, NULL, "exp", 0, &type, buf, &size);
    ok(ret == ERROR_UNSUPPORTED_TYPE, "no type flag: %ld\n", ret);

    WCHAR wbuf[8];
    size = sizeof(wbuf);
    ret = RegGetValueW(root, NULL, L"unterminated", RRF_RT_REG_SZ, &type, wbuf, &size);
    ok(!ret && size == 6 && !lstrcmpW(wbuf, L"ab"), "a NUL is added: %ld %lu\n", ret, size);
    size = 4;
    ret = RegGetValueW(root, NULL, L"unterminated", RRF_RT_REG_SZ, &type, wbuf, &size);
    ok(ret == ERROR_MORE_DATA && size == 6, "no room for the added NUL: %ld %lu\n", ret, size);

    RegCreateKeyExA(root, "sub", 0, NULL, 0, KEY_ALL_ACCESS, NULL, (HKEY[]){0}, NULL);
    ret = RegSetKeyValueA(root, "sub", "inner", REG_SZ, "in", 3);
    size = sizeof(buf);
    ret = RegGetValueA(root, "sub", "inner", RRF_RT_ANY, &type, buf, &size);
    ok(!ret && !strcmp(buf, "in"), "through a subkey: %ld\n", ret);
    ret = RegGetValueA(root, "nosub", "inner", RRF_RT_ANY, &type, buf, &size);
    ok(ret == ERROR_FILE_NOT_FOUND, "missing subkey: %ld\n", ret);
    RegDeleteTreeA(root, "sub");
}

static void test_predefined(void)
{
    HKEY key;
    LONG ret;

    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software", 0, KEY_READ, &key);
    ok(!ret, "HKLM\\Software: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_USERS, ".Default", 0, KEY_READ, &key);
    ok(!ret, "HKU\\.Default: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_CLASSES_ROOT, NULL, 0, KEY_READ, &key);
    ok(!ret, "HKCR: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_CURRENT_CONFIG, NULL, 0, KEY_READ, &key);
    ok(!ret, "HKCC: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software", 0, KEY_READ | KEY_WOW64_64KEY, &key);
    ok(!ret, "KEY_WOW64_64KEY: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenCurrentUser(KEY_READ, &key);
    ok(!ret, "RegOpenCurrentUser: %ld\n", ret);
    if (!ret) {
        HKEY test;
        ret = RegOpenKeyExA(key, TEST_KEY, 0, KEY_READ, &test);
        ok(!ret, "HKCU is the current user's key: %ld\n", ret);
        RegCloseKey(test);
        RegCloseKey(key);
    }
    ret = RegConnectRegistryA(NULL, HKEY_LOCAL_MACHINE, &key);
    ok(!ret, "RegConnectRegistryA(local): %ld\n", ret);
    RegCloseKey(key);
    /* HKCR is HKLM\Software\Classes for what the user has not overridden */
    ret = RegCreateKeyExA(HKEY_LOCAL_MACHINE, "Software\\Classes\\WlxRegTestClass", 0, NULL,
                          REG_OPTION_VOLATILE, KEY_ALL_ACCESS, NULL, &key, NULL);
    if (ret == ERROR_ACCESS_DENIED) skip("no write access to HKLM\n");
    else {
        HKEY cr;
        ok(!ret, "create under HKLM\\Software\\Classes: %ld\n", ret);
        RegCloseKey(key);
        ret = RegOpenKeyExA(HKEY_CLASSES_ROOT, "WlxRegTestClass", 0, KEY_READ, &cr);
        ok(!ret, "seen through HKCR: %ld\n", ret);
        RegCloseKey(cr);
        RegDeleteKeyA(HKEY_LOCAL_MACHINE, "Software\\Classes\\WlxRegTestClass");
    }
    /* a per-user class (HKCU\Software\Classes) is seen through HKCR too */
    ret = RegCreateKeyExA(HKEY_CURRENT_USER, "Software\\Classes\\WlxRegTestUserClass", 0, NULL,
                          REG_OPTION_VOLATILE, KEY_ALL_ACCESS, NULL, &key, NULL);
    ok(!ret, "create under HKCU\\Software\\Classes: %ld\n", ret);
    RegSetValueExA(key, "who", 0, REG_SZ, (const BYTE *)"user", 5);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_CLASSES_ROOT, "WlxRegTestUserClass", 0, KEY_READ, &key);
    /* Windows merges HKCU\Software\Classes into HKCR ("Merged View of
       HKEY_CLASSES_ROOT"); Wine 8 shows only the machine's classes there */
    todo_wine(!ret, "the user's class through HKCR: %ld\n", ret);
    if (!ret) {
        char who[8];
        DWORD size = sizeof(who);
        ok(!RegQueryValueExA(key, "who", NULL, NULL, (BYTE *)who, &size) && !strcmp(who, "user"), "its value\n");
        RegCloseKey(key);
    }
    RegDeleteKeyA(HKEY_CURRENT_USER, "Software\\Classes\\WlxRegTestUserClass");
}

static void test_volatile(void)
{
    HKEY vol, sub;
    LONG ret;

    ret = RegCreateKeyExA(root, "vol", 0, NULL, REG_OPTION_VOLATILE, KEY_ALL_ACCESS, NULL, &vol, NULL);
    ok(!ret, "volatile key: %ld\n", ret);
    ret = RegCreateKeyExA(vol, "stable", 0, NULL, REG_OPTION_NON_VOLATILE, KEY_ALL_ACCESS, NULL, &sub, NULL);
    ok(ret == ERROR_CHILD_MUST_BE_VOLATILE, "stable under volatile: %ld\n", ret);
    ret = RegCreateKeyExA(vol, "vsub", 0, NULL, REG_OPTION_VOLATILE, KEY_ALL_ACCESS, NULL, &sub, NULL);
    ok(!ret, "volatile under volatile: %ld\n", ret);
    RegCloseKey(sub);
    RegCloseKey(vol);
}

static void test_notify(void)
{
    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
    HKEY key, sub;
    LONG ret;

    RegCreateKeyExA(root, "watched", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    ret = RegNotifyChangeKeyValue(key, FALSE, REG_NOTIFY_CHANGE_LAST_SET, NULL, TRUE);
    ok(ret == ERROR_INVALID_HANDLE, "asynchronous without an event: %ld\n", ret);
    ret = RegNotifyChangeKeyValue(key, FALSE, REG_NOTIFY_CHANGE_LAST_SET, event, TRUE);
    ok(!ret, "RegNotifyChangeKeyValue: %ld\n", ret);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "not signaled before a change\n");
    RegSetValueExA(key, "v", 0, REG_DWORD, (const BYTE *)"\1\0\0\0", 4);
    ok(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "signaled by a value change\n");

    /* a subtree watch sees a new key two levels down */
    RegCreateKeyExA(key, "child", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL);
    ret = RegNotifyChangeKeyValue(key, TRUE, REG_NOTIFY_CHANGE_NAME, event, TRUE);
    ok(!ret, "subtree watch: %ld\n", ret);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "not signaled yet\n");
    RegCloseKey(sub);
    RegCreateKeyExA(key, "child\\grandchild", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL);
    /* Wine 8 does not tell a subtree watch about a key created two levels down */
    todo_wine(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "signaled by a key created below\n");
    RegCloseKey(sub);

    /* closing the key ends its pending notification: the event is set */
    ret = RegNotifyChangeKeyValue(key, TRUE, REG_NOTIFY_CHANGE_LAST_SET, event, TRUE);
    ok(!ret, "watch before closing: %ld\n", ret);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "not signaled before the close\n");
    RegCloseKey(key);
    ok(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "signaled by closing the key\n");
    CloseHandle(event);
}

/* a handle does what its access allows */
static void test_access(void)
{
    HKEY key;
    DWORD size = 0;
    LONG ret;

    RegSetValueExA(root, "acc", 0, REG_DWORD, (const BYTE *)"\1\0\0\0", 4);
    ret = RegOpenKeyExA(root, NULL, 0, KEY_READ, &key);
    ok(!ret, "open for reading: %ld\n", ret);
    ret = RegSetValueExA(key, "acc", 0, REG_DWORD, (const BYTE *)"\2\0\0\0", 4);
    ok(ret == ERROR_ACCESS_DENIED, "set through a read handle: %ld\n", ret);
    ret = RegDeleteValueA(key, "acc");
    ok(ret == ERROR_ACCESS_DENIED, "delete through a read handle: %ld\n", ret);
    ret = RegQueryValueExA(key, "acc", NULL, NULL, NULL, &size);
    ok(!ret && size == 4, "query through a read handle: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(root, NULL, 0, KEY_SET_VALUE, &key);
    ok(!ret, "open for setting: %ld\n", ret);
    ret = RegQueryValueExA(key, "acc", NULL, NULL, NULL, &size);
    ok(ret == ERROR_ACCESS_DENIED, "query through a set-only handle: %ld\n", ret);
    ret = RegSetValueExA(key, "acc", 0, REG_DWORD, (const BYTE *)"\3\0\0\0", 4);
    ok(!ret, "set through a set-only handle: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(root, NULL, 0, GENERIC_READ, &key);
    ok(!ret && !RegQueryValueExA(key, "acc", NULL, NULL, NULL, &size), "GENERIC_READ reads: %ld\n", ret);
    RegCloseKey(key);
}

static DWORD get_dword(HKEY key, const char *name, DWORD *type)
{
    DWORD v = 0, size = sizeof(v);
    if (RegQueryValueExA(key, name, NULL, type, (BYTE *)&v, &size)) *type = REG_NONE;
    return v;
}

static int get_string(HKEY key, const char *name, DWORD *type, char *buf, DWORD size)
{
    buf[0] = 0;
    return !RegQueryValueExA(key, name, NULL, type, (BYTE *)buf, &size);
}

static int all_digits(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++) if (*s < '0' || *s > '9') return 0;
    return 1;
}

/* the keys programs read on every Windows: their types and shapes */
static void test_default_keys(void)
{
    char buf[512];
    DWORD type;
    HKEY key;
    LONG ret;

    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software\\Microsoft\\Windows NT\\CurrentVersion", 0, KEY_READ, &key);
    ok(!ret, "CurrentVersion: %ld\n", ret);
    if (!ret) {
        ok(get_string(key, "ProductName", &type, buf, sizeof(buf)) && type == REG_SZ && strstr(buf, "Windows"),
           "ProductName %s\n", buf);
        ok(get_string(key, "CurrentVersion", &type, buf, sizeof(buf)) && type == REG_SZ && buf[0] >= '5' && buf[1] == '.',
           "CurrentVersion %s\n", buf);
        ok(get_string(key, "CurrentBuildNumber", &type, buf, sizeof(buf)) && type == REG_SZ && all_digits(buf),
           "CurrentBuildNumber %s\n", buf);
        ok(get_string(key, "CurrentBuild", &type, buf, sizeof(buf)) && type == REG_SZ && all_digits(buf),
           "CurrentBuild %s\n", buf);
        DWORD major = get_dword(key, "CurrentMajorVersionNumber", &type);
        if (type == REG_NONE) skip("no CurrentMajorVersionNumber (a system before Windows 10)\n");
        else ok(type == REG_DWORD && major >= 10, "CurrentMajorVersionNumber %lu type %lu\n", major, type);
        RegCloseKey(key);
    }
    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "System\\CurrentControlSet\\Control\\Session Manager\\Environment",
                        0, KEY_READ, &key);
    ok(!ret, "Session Manager\\Environment: %ld\n", ret);
    if (!ret) {
        ok(get_string(key, "ComSpec", &type, buf, sizeof(buf)) && (type == REG_EXPAND_SZ || type == REG_SZ)
           && strstr(buf, "cmd.exe"), "ComSpec %s\n", buf);
        ok(get_string(key, "OS", &type, buf, sizeof(buf)) && !strcmp(buf, "Windows_NT"), "OS %s\n", buf);
        ok(get_string(key, "PATHEXT", &type, buf, sizeof(buf)) && strstr(_strupr(buf), ".EXE"), "PATHEXT %s\n", buf);
        ok(get_string(key, "Path", &type, buf, sizeof(buf)) && (type == REG_EXPAND_SZ || type == REG_SZ)
           && strstr(buf, "ystem32"), "Path %s\n", buf);
        RegCloseKey(key);
    }
    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "System\\CurrentControlSet\\Control\\Nls\\CodePage", 0, KEY_READ, &key);
    ok(!ret, "Nls\\CodePage: %ld\n", ret);
    if (!ret) {
        ok(get_string(key, "ACP", &type, buf, sizeof(buf)) && type == REG_SZ && all_digits(buf), "ACP %s\n", buf);
        ok(get_string(key, "OEMCP", &type, buf, sizeof(buf)) && type == REG_SZ && all_digits(buf), "OEMCP %s\n", buf);
        RegCloseKey(key);
    }
    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones", 0,
                        KEY_READ, &key);
    ok(!ret, "Time Zones: %ld\n", ret);
    if (!ret) {
        DWORD zones = 0, size;
        BYTE tzi[64];
        RegQueryInfoKeyA(key, NULL, NULL, NULL, &zones, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        ok(zones > 0, "zones %lu\n", zones);
        ret = RegEnumKeyA(key, 0, buf, sizeof(buf));
        size = sizeof(tzi);
        ok(!ret && !RegGetValueA(key, buf, "TZI", RRF_RT_REG_BINARY, &type, tzi, &size) && size == 44,
           "a zone's TZI: %s %lu\n", buf, size);
        RegCloseKey(key);
    }
    ret = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "System\\CurrentControlSet\\Control\\TimeZoneInformation", 0, KEY_READ, &key);
    ok(!ret, "TimeZoneInformation: %ld\n", ret);
    if (!ret) {
        ok(get_string(key, "StandardName", &type, buf, sizeof(buf)) && type == REG_SZ && *buf, "StandardName %s\n", buf);
        RegCloseKey(key);
    }
    ret = RegOpenKeyExA(HKEY_CURRENT_USER, "Environment", 0, KEY_READ, &key);
    ok(!ret, "HKCU\\Environment: %ld\n", ret);
    RegCloseKey(key);
    ret = RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders",
                        0, KEY_READ, &key);
    if (ret) skip("no User Shell Folders yet (%ld)\n", ret);
    else {
        if (get_string(key, "AppData", &type, buf, sizeof(buf)))
            ok(type == REG_EXPAND_SZ && strstr(buf, "AppData"), "User Shell Folders\\AppData %lu %s\n", type, buf);
        RegCloseKey(key);
    }
}

/* ntdll underneath: the size rules of the information classes */
static void test_nt(void)
{
    NTSTATUS (WINAPI *pNtQueryValueKey)(HANDLE, UNICODE_STRING *, ULONG, void *, ULONG, ULONG *);
    NTSTATUS (WINAPI *pNtQueryKey)(HANDLE, ULONG, void *, ULONG, ULONG *);
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    pNtQueryValueKey = (void *)GetProcAddress(ntdll, "NtQueryValueKey");
    pNtQueryKey = (void *)GetProcAddress(ntdll, "NtQueryKey");
    UNICODE_STRING name = { 10, 12, (WCHAR *)L"ntval" };
    BYTE buf[256];
    ULONG len;
    NTSTATUS status;

    RegSetValueExA(root, "ntval", 0, REG_BINARY, (const BYTE *)"12345678", 8);
    status = pNtQueryValueKey(root, &name, 2 /* KeyValuePartialInformation */, buf, 4, &len);
    ok(status == STATUS_BUFFER_TOO_SMALL && len == 12 + 8, "below the fixed part: %lx %lu\n", status, len);
    status = pNtQueryValueKey(root, &name, 2, buf, 14, &len);
    ok(status == STATUS_BUFFER_OVERFLOW && len == 20, "fixed part only: %lx %lu\n", status, len);
    ok(((ULONG *)buf)[1] == REG_BINARY && ((ULONG *)buf)[2] == 8, "fixed part filled\n");
    status = pNtQueryValueKey(root, &name, 2, buf, sizeof(buf), &len);
    ok(!status && len == 20 && !memcmp(buf + 12, "12345678", 8), "whole: %lx %lu\n", status, len);
    status = pNtQueryValueKey(root, &name, 0 /* KeyValueBasicInformation */, buf, sizeof(buf), &len);
    ok(!status && len == 12 + 10 && ((ULONG *)buf)[2] == 10, "basic: %lx %lu\n", status, len);

    status = pNtQueryKey(root, 3 /* KeyNameInformation */, buf, sizeof(buf) - 2, &len);
    ok(!status, "KeyNameInformation: %lx\n", status);
    if (!status) {
        WCHAR *full = (WCHAR *)(buf + 4);
        full[*(ULONG *)buf / 2] = 0;
        ok(!_wcsnicmp(full, L"\\REGISTRY\\USER\\S-1-5-21-", 24), "full name %ls\n", full);
        ok(!lstrcmpiW(full + lstrlenW(full) - 10, L"WlxRegTest"), "ends with the key: %ls\n", full);
    }
    status = pNtQueryKey(root, 0 /* KeyBasicInformation */, buf, 8, &len);
    ok(status == STATUS_BUFFER_TOO_SMALL, "basic below the fixed part: %lx\n", status);

    /* Wine 8's wineserver crashes on NtRenameKey: not run there */
    if (test_is("wine")) { skip("NtRenameKey under Wine\n"); return; }
    NTSTATUS (WINAPI *pNtRenameKey)(HANDLE, UNICODE_STRING *) = (void *)GetProcAddress(ntdll, "NtRenameKey");
    HKEY key, other;
    UNICODE_STRING new_name = { 12, 14, (WCHAR *)L"ren_to" };
    RegCreateKeyExA(root, "ren_from", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    RegSetValueExA(key, "kept", 0, REG_DWORD, (const BYTE *)"\1\0\0\0", 4);
    status = pNtRenameKey(key, &new_name);
    ok(!status, "NtRenameKey: %lx\n", status);
    ok(!RegQueryValueExA(key, "kept", NULL, NULL, NULL, NULL), "the handle still works\n");
    RegCloseKey(key);
    ok(!RegOpenKeyExA(root, "REN_TO", 0, KEY_READ, &other), "found by its new name\n");
    RegCloseKey(other);
    ok(RegOpenKeyExA(root, "ren_from", 0, KEY_READ, &other) == ERROR_FILE_NOT_FOUND, "old name gone\n");
    RegDeleteKeyA(root, "ren_to");
}

/* ntdll's Rtl registry helpers */
static void test_rtl(void)
{
    NTSTATUS (WINAPI *pRtlFormatCurrentUserKeyPath)(UNICODE_STRING *);
    NTSTATUS (WINAPI *pRtlOpenCurrentUser)(ACCESS_MASK, HANDLE *);
    NTSTATUS (WINAPI *pRtlCheckRegistryKey)(ULONG, const WCHAR *);
    NTSTATUS (WINAPI *pRtlWriteRegistryValue)(ULONG, const WCHAR *, const WCHAR *, ULONG, void *, ULONG);
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    pRtlFormatCurrentUserKeyPath = (void *)GetProcAddress(ntdll, "RtlFormatCurrentUserKeyPath");
    pRtlOpenCurrentUser = (void *)GetProcAddress(ntdll, "RtlOpenCurrentUser");
    pRtlCheckRegistryKey = (void *)GetProcAddress(ntdll, "RtlCheckRegistryKey");
    pRtlWriteRegistryValue = (void *)GetProcAddress(ntdll, "RtlWriteRegistryValue");
    UNICODE_STRING path;
    HANDLE key;
    DWORD v = 77, got = 0, size = sizeof(got);
    NTSTATUS status;

    status = pRtlFormatCurrentUserKeyPath(&path);
    ok(!status && path.Length > 30 && !_wcsnicmp(path.Buffer, L"\\REGISTRY\\USER\\S-1-5-", 20),
       "RtlFormatCurrentUserKeyPath: %lx %.*ls\n", status, path.Length / 2, path.Buffer);
    status = pRtlOpenCurrentUser(KEY_READ, &key);
    ok(!status, "RtlOpenCurrentUser: %lx\n", status);
    if (!status) {
        HKEY test;
        ok(!RegOpenKeyExA(key, TEST_KEY, 0, KEY_READ, &test), "the current user's key\n");
        RegCloseKey(test);
        CloseHandle(key);
    }
    /* RTL_REGISTRY_ABSOLUTE (0) paths below the current user's key */
    WCHAR full[512], missing[512];
    swprintf(full, 512, L"%.*ls\\Software\\WlxRegTest", path.Length / 2, path.Buffer);
    swprintf(missing, 512, L"%ls\\nosuchkey", full);
    status = pRtlCheckRegistryKey(0, full);
    ok(!status, "RtlCheckRegistryKey: %lx\n", status);
    status = pRtlCheckRegistryKey(0, missing);
    ok(status == STATUS_OBJECT_NAME_NOT_FOUND, "RtlCheckRegistryKey of a missing key: %lx\n", status);
    status = pRtlWriteRegistryValue(0, full, L"rtl", REG_DWORD, &v, sizeof(v));
    ok(!status, "RtlWriteRegistryValue: %lx\n", status);
    ok(!RegQueryValueExA(root, "rtl", NULL, NULL, (BYTE *)&got, &size) && got == 77, "written: %lu\n", got);
}

int main(void)
{
    test_start("advapi32/registry");
    test_create_open();
    if (!root) return test_summary();
    test_value_types();
    test_ansi();
    test_enum();
    test_trees();
    test_get_value();
    test_predefined();
    test_volatile();
    test_notify();
    test_access();
    test_default_keys();
    test_nt();
    test_rtl();
    ok(!RegFlushKey(root), "RegFlushKey\n");
    RegCloseKey(root);
    delete_test_key();
    HKEY key;
    ok(RegOpenKeyExA(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &key) == ERROR_FILE_NOT_FOUND, "cleaned up\n");
    return test_summary();
}
