/*
 * tests/kernel32/profile.c — initialization files: GetPrivateProfileString
 * and its family, as documented and as Windows behaves.
 *
 * Reading: sections and keys match whatever their case; blanks around keys
 * and values go; a value in matching quotes loses them; comments are not
 * keys; the default string loses its trailing blanks; a NULL section lists
 * the sections, a NULL key the keys, as double-NUL lists; a buffer too small
 * gives size - 1 (a string) or size - 2 (a list); a missing file reads as
 * empty and says ERROR_FILE_NOT_FOUND. GetPrivateProfileInt: leading digits,
 * negative values, the default for a missing or empty value.
 * Writing: a NULL value deletes a key, a NULL key a section; a new key goes
 * at the end of its section, a new section at the end of the file; the
 * other lines stay as they were; a missing file is created (ANSI), a
 * Unicode file stays Unicode; structs are hex with a checksum byte.
 * Names: a bare file name is in the Windows folder; win.ini is GetProfile*'s.
 */
#include "test.h"

static char dir[MAX_PATH], file[MAX_PATH];

/* --- helpers ------------------------------------------------------------------- */

static void put_file(const char *name, const void *data, DWORD len)
{
    HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, data, len, &done, NULL);
    CloseHandle(h);
}

static void put_text(const char *text)
{
    put_file(file, text, strlen(text));
}

/* the file's bytes (NUL-terminated in buf); -1 when it cannot be read */
static int get_file(const char *name, char *buf, DWORD size)
{
    HANDLE h = CreateFileA(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done = 0;
    if (h == INVALID_HANDLE_VALUE) return -1;
    ReadFile(h, buf, size - 1, &done, NULL);
    CloseHandle(h);
    buf[done] = 0;
    return done;
}

static BOOL file_is(const char *expected)
{
    static char buf[4096];
    int len = get_file(file, buf, sizeof(buf));
    if (len == (int)strlen(expected) && !memcmp(buf, expected, len)) return TRUE;
    printf("file is \"");
    for (int i = 0; i < len; i++)
        if (buf[i] == '\r') printf("\\r"); else if (buf[i] == '\n') printf("\\n"); else putchar(buf[i]);
    printf("\"\n");
    return FALSE;
}

/* a double-NUL list of `len` characters equals `expected` (given with its NULs) */
static BOOL list_is(const char *buf, DWORD ret, const char *expected, DWORD expected_len)
{
    return ret == expected_len && !memcmp(buf, expected, expected_len) && !buf[expected_len];
}

static DWORD get_string(const char *section, const char *key, const char *def, char *buf, DWORD size)
{
    memset(buf, '#', size ? size : 1);
    return GetPrivateProfileStringA(section, key, def, buf, size, file);
}

/* --- reading --------------------------------------------------------------------- */

static const char basic[] =
    "; a comment\r\n"
    "[Section1]\r\n"
    "key1=value1\r\n"
    "  Key2  =   spaced value   \r\n"
    "quoted=\"in quotes\"\r\n"
    "single='single'\r\n"
    "mixed=\"not'\r\n"
    "inner=a \"b\" c\r\n"
    ";commented=1\r\n"
    "empty=\r\n"
    "\r\n"
    "[section2]\r\n"
    "key1=other\r\n";

static void test_strings(void)
{
    char buf[256];
    DWORD ret;

    put_text(basic);
    ret = get_string("section1", "KEY1", "def", buf, sizeof(buf));
    ok(ret == 6 && !strcmp(buf, "value1"), "key1: %lu %s\n", ret, buf);
    ret = get_string("SECTION1", "key2", "def", buf, sizeof(buf));
    ok(ret == 12 && !strcmp(buf, "spaced value"), "key2: %lu '%s'\n", ret, buf);
    ret = get_string("Section1", "quoted", "def", buf, sizeof(buf));
    ok(ret == 9 && !strcmp(buf, "in quotes"), "double quotes: %lu %s\n", ret, buf);
    ret = get_string("Section1", "single", "def", buf, sizeof(buf));
    ok(ret == 6 && !strcmp(buf, "single"), "single quotes: %lu %s\n", ret, buf);
    ret = get_string("Section1", "mixed", "def", buf, sizeof(buf));
    ok(ret == 5 && !strcmp(buf, "\"not'"), "quotes that do not match stay: %lu %s\n", ret, buf);
    ret = get_string("Section1", "inner", "def", buf, sizeof(buf));
    ok(ret == 7 && !strcmp(buf, "a \"b\" c"), "inner quotes stay: %lu %s\n", ret, buf);
    ret = get_string("Section1", "empty", "def", buf, sizeof(buf));
    ok(ret == 0 && !buf[0], "an empty value is not the default: %lu %s\n", ret, buf);
    ret = get_string("Section1", "commented", "def", buf, sizeof(buf));
    ok(ret == 3 && !strcmp(buf, "def"), "a comment is no key: %lu %s\n", ret, buf);
    ret = get_string("section2", "key1", "def", buf, sizeof(buf));
    ok(ret == 5 && !strcmp(buf, "other"), "section2: %lu %s\n", ret, buf);

    /* the default */
    ret = get_string("Section1", "missing", "def", buf, sizeof(buf));
    ok(ret == 3 && !strcmp(buf, "def"), "missing key: %lu %s\n", ret, buf);
    ret = get_string("nosection", "key1", "def", buf, sizeof(buf));
    ok(ret == 3 && !strcmp(buf, "def"), "missing section: %lu %s\n", ret, buf);
    ret = get_string("Section1", "missing", "def   ", buf, sizeof(buf));
    ok(ret == 3 && !strcmp(buf, "def"), "trailing blanks of the default go: %lu '%s'\n", ret, buf);
    ret = get_string("Section1", "missing", "  def", buf, sizeof(buf));
    ok(ret == 5 && !strcmp(buf, "  def"), "leading blanks of the default stay: %lu '%s'\n", ret, buf);
    ret = get_string("Section1", "missing", NULL, buf, sizeof(buf));
    ok(ret == 0 && !buf[0], "NULL default: %lu %s\n", ret, buf);

    /* too small: size - 1 characters and a NUL */
    ret = get_string("Section1", "key1", "def", buf, 4);
    ok(ret == 3 && !strcmp(buf, "val"), "cut value: %lu %s\n", ret, buf);
    ret = get_string("Section1", "key1", "def", buf, 6);
    ok(ret == 5 && !strcmp(buf, "value"), "value one too long: %lu %s\n", ret, buf);
    ret = get_string("Section1", "key1", "def", buf, 7);
    ok(ret == 6 && !strcmp(buf, "value1"), "exact fit: %lu %s\n", ret, buf);
    ret = get_string("Section1", "missing", "default", buf, 3);
    ok(ret == 2 && !strcmp(buf, "de"), "cut default: %lu %s\n", ret, buf);
    ret = get_string("Section1", "key1", "def", buf, 1);
    ok(ret == 0 && !buf[0], "size 1: %lu\n", ret);
    ret = get_string("Section1", "key1", "def", buf, 0);
    ok(ret == 0 && buf[0] == '#', "size 0 writes nothing: %lu\n", ret);
    ok(GetPrivateProfileStringA("Section1", "key1", "def", NULL, 10, file) == 0, "NULL buffer\n");
}

static void test_lists(void)
{
    static const char keys[] = "key1\0Key2\0quoted\0single\0mixed\0inner\0empty\0";
    static const char sections[] = "Section1\0section2\0";
    static const char section1[] = "key1=value1\0Key2=spaced value\0quoted=\"in quotes\"\0single='single'\0"
                                   "mixed=\"not'\0inner=a \"b\" c\0empty=\0";
    char buf[256];
    DWORD ret;

    put_text(basic);
    ret = get_string("section1", NULL, "def", buf, sizeof(buf));
    ok(list_is(buf, ret, keys, sizeof(keys) - 1), "keys: %lu\n", ret);
    ret = get_string(NULL, NULL, "def", buf, sizeof(buf));
    ok(list_is(buf, ret, sections, sizeof(sections) - 1), "sections: %lu\n", ret);
    ret = get_string(NULL, "key1", "def", buf, sizeof(buf));
    ok(list_is(buf, ret, sections, sizeof(sections) - 1), "sections with a key: %lu\n", ret);
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionNamesA(buf, sizeof(buf), file);
    ok(list_is(buf, ret, sections, sizeof(sections) - 1), "GetPrivateProfileSectionNames: %lu\n", ret);
    /* "comments are stripped out"; keys and values lose their blanks, not their quotes */
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionA("SECTION1", buf, sizeof(buf), file);
    ok(list_is(buf, ret, section1, sizeof(section1) - 1), "GetPrivateProfileSection: %lu\n", ret);
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionA("nosection", buf, sizeof(buf), file);
    ok(ret == 0 && !buf[0], "missing section: %lu\n", ret);

    /* too small: the last string is cut and followed by two NULs, size - 2 returned */
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionNamesA(buf, 12, file);
    ok(ret == 10 && !memcmp(buf, "Section1\0s", 10) && !buf[10], "cut section names: %lu\n", ret);
    /* Wine leaves the last character of the buffer as it was */
    todo_wine(!buf[11], "no second NUL: %02x\n", buf[11]);
    ret = get_string(NULL, NULL, "def", buf, 5);
    ok(ret == 3 && !memcmp(buf, "Sec", 3) && !buf[3], "cut sections: %lu\n", ret);
    todo_wine(!buf[4], "no second NUL: %02x\n", buf[4]);
    ret = get_string("section1", NULL, "def", buf, 9);
    ok(ret == 7 && !memcmp(buf, "key1\0Ke", 7) && !buf[7], "cut keys: %lu\n", ret);
    todo_wine(!buf[8], "no second NUL: %02x\n", buf[8]);
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionA("section1", buf, 10, file);
    ok(ret == 8 && !memcmp(buf, "key1=val", 8) && !buf[8] && !buf[9], "cut section: %lu\n", ret);
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionA("section1", buf, 15, file);
    ok(ret == 13 && !memcmp(buf, "key1=value1\0K", 13) && !buf[13] && !buf[14], "cut second string: %lu\n", ret);
}

static void test_missing_file(void)
{
    char buf[64], missing[MAX_PATH];
    DWORD ret;

    sprintf(missing, "%smissing.ini", dir);
    SetLastError(0xdeadbeef);
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileStringA("s", "k", "def", buf, sizeof(buf), missing);
    ok(ret == 3 && !strcmp(buf, "def"), "missing file: %lu %s\n", ret, buf);
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionNamesA(buf, sizeof(buf), missing);
    ok(ret == 0 && !buf[0], "no sections: %lu\n", ret);
    ok(GetPrivateProfileIntA("s", "k", 17, missing) == 17, "int default\n");
    ok(GetFileAttributesA(missing) == INVALID_FILE_ATTRIBUTES, "reading created the file\n");
}

static void test_int(void)
{
    put_text("[n]\r\ndec=123\r\nneg=-45\r\njunk=102abc\r\nword=abc\r\nempty=\r\nspaced=  77  \r\nplus=+8\r\n"
             "zero=0\r\n");
    ok(GetPrivateProfileIntA("n", "dec", 5, file) == 123, "dec\n");
    ok((int)GetPrivateProfileIntA("n", "neg", 5, file) == -45, "negative: %d\n", (int)GetPrivateProfileIntA("n", "neg", 5, file));
    ok(GetPrivateProfileIntA("N", "JUNK", 5, file) == 102, "digits then letters\n");
    ok(GetPrivateProfileIntA("n", "word", 5, file) == 0, "no digits: %u\n", GetPrivateProfileIntA("n", "word", 5, file));
    ok(GetPrivateProfileIntA("n", "empty", 5, file) == 5, "empty: %u\n", GetPrivateProfileIntA("n", "empty", 5, file));
    ok(GetPrivateProfileIntA("n", "spaced", 5, file) == 77, "blanks\n");
    ok(GetPrivateProfileIntA("n", "plus", 5, file) == 8, "plus sign\n");
    ok(GetPrivateProfileIntA("n", "zero", 5, file) == 0, "zero\n");
    ok(GetPrivateProfileIntA("n", "missing", 5, file) == 5, "missing key\n");
    ok((int)GetPrivateProfileIntA("n", "missing", -3, file) == -3, "negative default\n");
    ok(GetPrivateProfileIntA("nosection", "dec", 9, file) == 9, "missing section\n");
}

/* --- writing ------------------------------------------------------------------------ */

static void test_write_string(void)
{
    char buf[64];

    put_text("; top\r\n[a]\r\nk1=1\r\n[b]\r\nk2=2\r\n");
    ok(WritePrivateProfileStringA("a", "k3", "3", file), "new key\n");
    ok(file_is("; top\r\n[a]\r\nk1=1\r\nk3=3\r\n[b]\r\nk2=2\r\n"), "new key at the end of its section\n");
    ok(WritePrivateProfileStringA("c", "k4", "4", file), "new section\n");
    ok(file_is("; top\r\n[a]\r\nk1=1\r\nk3=3\r\n[b]\r\nk2=2\r\n[c]\r\nk4=4\r\n"), "new section at the end\n");
    ok(WritePrivateProfileStringA("A", "K1", "one", file), "existing key\n");
    ok(file_is("; top\r\n[a]\r\nk1=one\r\nk3=3\r\n[b]\r\nk2=2\r\n[c]\r\nk4=4\r\n"), "the key keeps its spelling\n");
    ok(WritePrivateProfileStringA("a", "k1", NULL, file), "delete key\n");
    ok(file_is("; top\r\n[a]\r\nk3=3\r\n[b]\r\nk2=2\r\n[c]\r\nk4=4\r\n"), "key deleted\n");
    ok(WritePrivateProfileStringA("B", NULL, NULL, file), "delete section\n");
    ok(file_is("; top\r\n[a]\r\nk3=3\r\n[c]\r\nk4=4\r\n"), "section deleted\n");
    ok(WritePrivateProfileStringA("a", "k3", "", file), "empty value\n");
    ok(file_is("; top\r\n[a]\r\nk3=\r\n[c]\r\nk4=4\r\n"), "empty value written\n");
    ok(WritePrivateProfileStringA("a", "missing", NULL, file), "deleting a missing key succeeds\n");
    ok(WritePrivateProfileStringA("missing", NULL, NULL, file), "deleting a missing section succeeds\n");
    ok(file_is("; top\r\n[a]\r\nk3=\r\n[c]\r\nk4=4\r\n"), "nothing changed\n");

    /* documented: all NULL "flushes the cache" and returns FALSE; no section writes nothing */
    SetLastError(0xdeadbeef);
    ok(!WritePrivateProfileStringA(NULL, NULL, NULL, file), "flush returns FALSE\n");
    ok(!WritePrivateProfileStringA(NULL, "k", "v", file), "NULL section\n");
    ok(file_is("; top\r\n[a]\r\nk3=\r\n[c]\r\nk4=4\r\n"), "nothing changed\n");

    /* a file without a final line break */
    put_text("[a]\r\nk1=1");
    ok(WritePrivateProfileStringA("a", "k2", "2", file), "after a last line without a break\n");
    ok(file_is("[a]\r\nk1=1\r\nk2=2\r\n"), "line break added\n");
    put_text("[a]\r\nk1=1");
    ok(WritePrivateProfileStringA("b", "k2", "2", file), "new section after a last line without a break\n");
    ok(file_is("[a]\r\nk1=1\r\n[b]\r\nk2=2\r\n"), "section on its own line\n");

    /* a missing file is created */
    DeleteFileA(file);
    ok(WritePrivateProfileStringA("s", "k", "v", file), "create\n");
    ok(file_is("[s]\r\nk=v\r\n"), "created\n");
    ok(WritePrivateProfileStringA("t", "k", "w", file), "second section\n");
    ok(file_is("[s]\r\nk=v\r\n[t]\r\nk=w\r\n"), "second section\n");
    ok(get_string("t", "k", "", buf, sizeof(buf)) == 1 && !strcmp(buf, "w"), "read back: %s\n", buf);

    /* a file another handle holds without sharing is neither read nor written */
    {
        HANDLE h = CreateFileA(file, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
        SetLastError(0xdeadbeef);
        ok(!WritePrivateProfileStringA("s", "k", "x", file), "write to a file held without sharing\n");
        ok(GetLastError() == ERROR_SHARING_VIOLATION, "error %lu\n", GetLastError());
        CloseHandle(h);
        ok(file_is("[s]\r\nk=v\r\n[t]\r\nk=w\r\n"), "file kept\n");
    }

    /* a missing folder is not */
    sprintf(buf, "%snofolder\\x.ini", dir);
    ok(!WritePrivateProfileStringA("s", "k", "v", buf), "missing folder\n");
}

/* the lines a write does not touch stay as they were */
static void test_write_keeps(void)
{
    char buf[64];

    put_text("; top\r\n[a]\r\n k1 = 1 \r\n\r\n;note\r\n[b]\r\nk2=2\r\n");
    ok(WritePrivateProfileStringA("b", "k3", "3", file), "write\n");
    /* Wine writes the file anew from what it parsed: blanks around the
       untouched key and the blank line are lost */
    todo_wine(file_is("; top\r\n[a]\r\n k1 = 1 \r\n\r\n;note\r\n[b]\r\nk2=2\r\nk3=3\r\n"), "other lines kept\n");
    ok(get_string("a", "k1", "", buf, sizeof(buf)) == 1 && !strcmp(buf, "1"), "k1 %s\n", buf);
    ok(get_string("b", "k3", "", buf, sizeof(buf)) == 1 && !strcmp(buf, "3"), "k3 %s\n", buf);

    /* a new key goes after the last line of its section, before the blank lines */
    put_text("[a]\r\nk1=1\r\n\r\n[b]\r\n");
    ok(WritePrivateProfileStringA("a", "k2", "2", file), "write\n");
    /* Wine drops the blank line */
    todo_wine(file_is("[a]\r\nk1=1\r\nk2=2\r\n\r\n[b]\r\n"), "blank line kept\n");
}

static void test_write_section(void)
{
    char buf[128];
    DWORD ret;

    put_text("[s]\r\nold=1\r\nolder=2\r\n[t]\r\nk=v\r\n");
    ok(WritePrivateProfileSectionA("S", "x=1\0y=2\0", file), "replace section\n");
    ok(file_is("[s]\r\nx=1\r\ny=2\r\n[t]\r\nk=v\r\n"), "section replaced\n");
    ok(WritePrivateProfileSectionA("new", "a=b\0", file), "new section\n");
    ok(file_is("[s]\r\nx=1\r\ny=2\r\n[t]\r\nk=v\r\n[new]\r\na=b\r\n"), "section added\n");
    ok(WritePrivateProfileSectionA("t", NULL, file), "delete section\n");
    ok(file_is("[s]\r\nx=1\r\ny=2\r\n[new]\r\na=b\r\n"), "section deleted\n");
    memset(buf, '#', sizeof(buf));
    ret = GetPrivateProfileSectionA("s", buf, sizeof(buf), file);
    ok(list_is(buf, ret, "x=1\0y=2\0", 8), "read back %lu\n", ret);
}

static void test_struct(void)
{
    BYTE data[3] = { 0x01, 0xab, 0x10 }, out[4];
    char buf[64];

    put_text("[s]\r\n");
    ok(WritePrivateProfileStructA("s", "st", data, sizeof(data), file), "write struct\n");
    ok(file_is("[s]\r\nst=01AB10BC\r\n"), "hex and checksum\n");
    memset(out, 0, sizeof(out));
    ok(GetPrivateProfileStructA("s", "st", out, 3, file), "read struct\n");
    ok(!memcmp(out, data, 3), "data %02x %02x %02x\n", out[0], out[1], out[2]);
    ok(!GetPrivateProfileStructA("s", "st", out, 2, file), "size too small\n");
    ok(!GetPrivateProfileStructA("s", "st", out, 4, file), "size too large\n");
    ok(!GetPrivateProfileStructA("s", "missing", out, 3, file), "missing key\n");
    WritePrivateProfileStringA("s", "low", "01ab10bc", file);
    ok(GetPrivateProfileStructA("s", "low", out, 3, file), "lower case hex\n");
    WritePrivateProfileStringA("s", "sum", "01AB1000", file);
    memset(out, 0x55, sizeof(out));
    ok(!GetPrivateProfileStructA("s", "sum", out, 3, file), "bad checksum\n");
    WritePrivateProfileStringA("s", "nothex", "0xAB1000", file);
    ok(!GetPrivateProfileStructA("s", "nothex", out, 3, file), "not hex\n");
    WritePrivateProfileStructA("s", "st", NULL, 0, file);
    ok(get_string("s", "st", "gone", buf, sizeof(buf)) == 4, "NULL data deletes the key: %s\n", buf);
}

/* --- encodings ------------------------------------------------------------------------- */

static void test_unicode(void)
{
    static const WCHAR text[] = L"\xfeff[Раздел]\r\nключ=значение\r\n";
    WCHAR wfile[MAX_PATH], buf[64];
    char raw[256];
    DWORD ret;
    int len;

    MultiByteToWideChar(CP_ACP, 0, file, -1, wfile, MAX_PATH);
    put_file(file, text, sizeof(text) - sizeof(WCHAR));
    ret = GetPrivateProfileStringW(L"Раздел", L"ключ", L"", buf, ARRAYSIZE(buf), wfile);
    ok(ret == 8 && !wcscmp(buf, L"значение"), "unicode file: %lu\n", ret);
    /* Wine matches names with an ASCII-only case fold */
    ret = GetPrivateProfileStringW(L"раздел", L"КЛЮЧ", L"", buf, ARRAYSIZE(buf), wfile);
    todo_wine(ret == 8 && !wcscmp(buf, L"значение"), "case of non-ASCII names: %lu\n", ret);
    ok(WritePrivateProfileStringW(L"Раздел", L"новый", L"ключ", wfile), "write\n");
    len = get_file(file, raw, sizeof(raw));
    ok(len > 2 && (BYTE)raw[0] == 0xff && (BYTE)raw[1] == 0xfe, "BOM kept\n");
    ok(len == sizeof(text) - sizeof(WCHAR) + 12 * sizeof(WCHAR) &&
       !memcmp(raw + sizeof(text) - sizeof(WCHAR), L"новый=ключ\r\n", 12 * sizeof(WCHAR)), "UTF-16 line: %d\n", len);
    ret = GetPrivateProfileStringW(L"Раздел", L"новый", L"", buf, ARRAYSIZE(buf), wfile);
    ok(ret == 4 && !wcscmp(buf, L"ключ"), "read back: %lu\n", ret);

    /* the W functions create an ANSI file */
    DeleteFileA(file);
    ok(WritePrivateProfileStringW(L"s", L"k", L"v", wfile), "create\n");
    ok(file_is("[s]\r\nk=v\r\n"), "ANSI file\n");
    ret = GetPrivateProfileStringW(L"S", L"K", L"", buf, ARRAYSIZE(buf), wfile);
    ok(ret == 1 && !wcscmp(buf, L"v"), "W read of ANSI: %lu\n", ret);

    /* W lists and their truncation */
    put_text("[one]\r\na=1\r\n[two]\r\n");
    ret = GetPrivateProfileSectionNamesW(buf, ARRAYSIZE(buf), wfile);
    ok(ret == 8 && !memcmp(buf, L"one\0two\0", 9 * sizeof(WCHAR)), "W names: %lu\n", ret);
    memset(buf, 0x23, sizeof(buf));
    ret = GetPrivateProfileSectionW(L"one", buf, 4, wfile);
    ok(ret == 2 && !memcmp(buf, L"a=\0", 4 * sizeof(WCHAR)), "W cut section: %lu\n", ret);
    memset(buf, 0x23, sizeof(buf));
    ret = GetPrivateProfileStringW(L"one", L"a", NULL, buf, 1, wfile);
    ok(ret == 0 && !buf[0], "W size 1: %lu\n", ret);
    ok(GetPrivateProfileIntW(L"ONE", L"A", 7, wfile) == 1, "W int\n");
}

/* --- where files are ---------------------------------------------------------------------- */

static void test_windows_folder(void)
{
    char windir[MAX_PATH], path[MAX_PATH], cwd[MAX_PATH], buf[64];
    DWORD ret;

    GetWindowsDirectoryA(windir, MAX_PATH);
    sprintf(path, "%s\\wlx_profile_test.ini", windir);
    DeleteFileA(path);
    if (!WritePrivateProfileStringA("s", "k", "in windir", "wlx_profile_test.ini"))
    {
        skip("cannot write in the Windows folder (%lu)\n", GetLastError());
        return;
    }
    ok(GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES, "a bare name is in the Windows folder\n");
    memset(buf, 0, sizeof(buf));
    ret = GetPrivateProfileStringA("s", "k", "", buf, sizeof(buf), path);
    ok(ret == 9 && !strcmp(buf, "in windir"), "full path: %lu %s\n", ret, buf);
    ret = GetPrivateProfileStringA("s", "k", "", buf, sizeof(buf), "WLX_PROFILE_TEST.INI");
    ok(ret == 9, "bare name read: %lu\n", ret);
    DeleteFileA(path);

    /* a name with a folder in it is relative to the current folder */
    GetCurrentDirectoryA(MAX_PATH, cwd);
    SetCurrentDirectoryA(dir);
    ok(WritePrivateProfileStringA("s", "k", "here", ".\\rel.ini"), "relative write\n");
    sprintf(path, "%srel.ini", dir);
    ok(GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES, ".\\rel.ini is in the current folder\n");
    ret = GetPrivateProfileStringA("s", "k", "", buf, sizeof(buf), ".\\rel.ini");
    ok(ret == 4 && !strcmp(buf, "here"), "relative read: %lu %s\n", ret, buf);
    SetCurrentDirectoryA(cwd);
    DeleteFileA(path);
}

static void test_win_ini(void)
{
    static const char section[] = "wlx profile test";
    char buf[128], windir[MAX_PATH], winini[MAX_PATH];
    DWORD ret;

    if (!WriteProfileStringA(section, "key", "value"))
    {
        skip("cannot write win.ini (%lu)\n", GetLastError());
        return;
    }
    GetWindowsDirectoryA(windir, MAX_PATH);
    sprintf(winini, "%s\\win.ini", windir);
    ret = GetProfileStringA(section, "KEY", "", buf, sizeof(buf));
    ok(ret == 5 && !strcmp(buf, "value"), "GetProfileString: %lu %s\n", ret, buf);
    ret = GetPrivateProfileStringA(section, "key", "", buf, sizeof(buf), "win.ini");
    ok(ret == 5 && !strcmp(buf, "value"), "win.ini by name: %lu %s\n", ret, buf);
    ret = GetPrivateProfileStringA(section, "key", "", buf, sizeof(buf), winini);
    ok(ret == 5 && !strcmp(buf, "value"), "win.ini by path: %lu %s\n", ret, buf);
    ok(WriteProfileStringA(section, "num", "42"), "WriteProfileString\n");
    ok(GetProfileIntA(section, "num", 0) == 42, "GetProfileInt\n");
    ok(GetProfileIntA(section, "none", 7) == 7, "GetProfileInt default\n");
    memset(buf, '#', sizeof(buf));
    ret = GetProfileSectionA(section, buf, sizeof(buf));
    ok(list_is(buf, ret, "key=value\0num=42\0", 17), "GetProfileSection: %lu\n", ret);
    ok(WriteProfileSectionA(section, "only=1\0"), "WriteProfileSection\n");
    /* Wine's WriteProfileSection says it succeeded but leaves win.ini as it was */
    ret = GetProfileStringA(section, "only", "", buf, sizeof(buf));
    todo_wine(ret == 1 && !strcmp(buf, "1"), "after WriteProfileSection: %s\n", buf);
    ret = GetProfileStringA(section, "key", "gone", buf, sizeof(buf));
    todo_wine(!strcmp(buf, "gone"), "old keys replaced: %s\n", buf);
    ok(WriteProfileStringW(L"wlx profile test", NULL, NULL), "delete the section\n");
    ret = GetProfileStringA(section, NULL, "", buf, sizeof(buf));
    ok(ret == 0, "section gone: %lu\n", ret);
}

int main(void)
{
    test_start("kernel32/profile");
    GetTempPathA(MAX_PATH, dir);
    strcat(dir, "wlx_profile\\");
    CreateDirectoryA(dir, NULL);
    sprintf(file, "%stest.ini", dir);

    test_strings();
    test_lists();
    test_missing_file();
    test_int();
    test_write_string();
    test_write_keeps();
    test_write_section();
    test_struct();
    test_unicode();
    test_windows_folder();
    test_win_ini();

    DeleteFileA(file);
    RemoveDirectoryA(dir);
    return test_summary();
}
