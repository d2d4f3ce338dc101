/*
 * tests/advapi32/regprog.c — reg.exe through CreateProcess: add, query,
 * delete, export and import, checked through the Reg API and the files
 * (under Wine this runs Wine's reg.exe: the reference).
 *
 * "regprog.exe flush SUBKEY" only flushes HKCU\SUBKEY (RegFlushKey) and
 * exits: tests/loader/registry.sh uses it.
 */
#include <windows.h>
#include <stdlib.h>
#include "test.h"

#define KEY "HKCU\\Software\\WlxRegProg"
#define SUBKEY "Software\\WlxRegProg"

static char out_file[MAX_PATH], reg_file[MAX_PATH];

/* runs "reg.exe <args>" with stdout and stderr into out_file, stdin empty;
   the exit code, or -1 */
static DWORD run_reg(const char *args)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[1024];
    DWORD code = (DWORD)-1;

    HANDLE out = CreateFileA(out_file, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
    HANDLE in = CreateFileA("NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
    snprintf(cmd, sizeof(cmd), "reg.exe %s", args);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in;
    si.hStdOutput = out;
    si.hStdError = out;
    if (CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        if (WaitForSingleObject(pi.hProcess, 30000) == WAIT_OBJECT_0) GetExitCodeProcess(pi.hProcess, &code);
        else TerminateProcess(pi.hProcess, 1);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    CloseHandle(out);
    if (in != INVALID_HANDLE_VALUE) CloseHandle(in);
    return code;
}

/* a whole file, NUL-terminated (two NULs, for UTF-16) */
static char *read_all(const char *path, DWORD *size)
{
    HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    DWORD n = 0;
    if (h == INVALID_HANDLE_VALUE) return NULL;
    *size = GetFileSize(h, NULL);
    char *buf = calloc(1, *size + 2);
    ReadFile(h, buf, *size, &n, NULL);
    CloseHandle(h);
    return buf;
}

static BOOL output_has(const char *text)
{
    DWORD size;
    char *buf = read_all(out_file, &size);
    BOOL found = buf && strstr(buf, text);
    free(buf);
    return found;
}

static BOOL get_value(const char *name, DWORD flags, void *data, DWORD size, DWORD *type)
{
    return !RegGetValueA(HKEY_CURRENT_USER, SUBKEY, name, flags, type, data, &size);
}

static BOOL value_exists(const char *name)
{
    DWORD type;
    return get_value(name, RRF_RT_ANY | RRF_NOEXPAND, NULL, 0, &type);
}

static void test_add(void)
{
    char buf[64];
    DWORD dw, type;
    ULONGLONG qw;

    RegDeleteTreeA(HKEY_CURRENT_USER, SUBKEY);
    RegDeleteKeyA(HKEY_CURRENT_USER, SUBKEY);
    ok(run_reg("add " KEY " /v str /t REG_SZ /d hello /f") == 0, "add REG_SZ\n");
    ok(get_value("str", RRF_RT_REG_SZ, buf, sizeof(buf), &type) && !strcmp(buf, "hello"), "REG_SZ %s\n", buf);
    ok(run_reg("add " KEY " /v dw /t REG_DWORD /d 0x10 /f") == 0, "add REG_DWORD\n");
    ok(get_value("dw", RRF_RT_REG_DWORD, &dw, sizeof(dw), &type) && dw == 16, "REG_DWORD %lu\n", dw);
    ok(run_reg("add " KEY " /v dec /t REG_DWORD /d 123 /f") == 0, "add decimal REG_DWORD\n");
    ok(get_value("dec", RRF_RT_REG_DWORD, &dw, sizeof(dw), &type) && dw == 123, "decimal %lu\n", dw);
    ok(run_reg("add " KEY " /v qw /t REG_QWORD /d 0x100000000 /f") == 0, "add REG_QWORD\n");
    ok(get_value("qw", RRF_RT_REG_QWORD, &qw, sizeof(qw), &type) && qw == 0x100000000ULL, "REG_QWORD\n");
    ok(run_reg("add " KEY " /v bin /t REG_BINARY /d 0102ff /f") == 0, "add REG_BINARY\n");
    ok(get_value("bin", RRF_RT_REG_BINARY, buf, sizeof(buf), &type) && !memcmp(buf, "\1\2\xff", 3), "REG_BINARY\n");
    ok(run_reg("add " KEY " /v multi /t REG_MULTI_SZ /d a\\0bc /f") == 0, "add REG_MULTI_SZ\n");
    ok(get_value("multi", RRF_RT_REG_MULTI_SZ, buf, sizeof(buf), &type) && !memcmp(buf, "a\0bc\0\0", 6),
       "REG_MULTI_SZ\n");
    ok(run_reg("add " KEY " /v sep /t REG_MULTI_SZ /s # /d x#y /f") == 0, "add REG_MULTI_SZ with /s\n");
    ok(get_value("sep", RRF_RT_REG_MULTI_SZ, buf, sizeof(buf), &type) && !memcmp(buf, "x\0y\0\0", 5), "/s\n");
    ok(run_reg("add " KEY " /v exp /t REG_EXPAND_SZ /d %WLXNOSUCHVAR%x /f") == 0, "add REG_EXPAND_SZ\n");
    ok(get_value("exp", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, buf, sizeof(buf), &type) && type == REG_EXPAND_SZ
       && !strcmp(buf, "%WLXNOSUCHVAR%x"), "REG_EXPAND_SZ %s\n", buf);
    ok(run_reg("add " KEY " /ve /d def /f") == 0, "add the default value\n");
    ok(get_value(NULL, RRF_RT_REG_SZ, buf, sizeof(buf), &type) && !strcmp(buf, "def"), "default %s\n", buf);
    ok(run_reg("add " KEY "\\sub\\deeper /f") == 0, "add a key\n");

    ok(run_reg("add " KEY " /v bad /t REG_NOSUCHTYPE /d 1 /f") == 1, "unknown type\n");
    ok(run_reg("add HKXX\\Software\\x /f") == 1, "unknown root\n");
    ok(run_reg("add " KEY " /v bad /t REG_DWORD /d notanumber /f") == 1, "bad number\n");
    ok(run_reg("frobnicate " KEY) == 1, "unknown operation\n");
}

static void test_query(void)
{
    ok(run_reg("query " KEY " /v str") == 0, "query a value\n");
    ok(output_has("str") && output_has("REG_SZ") && output_has("hello"), "query output names it\n");
    ok(output_has("HKEY_CURRENT_USER\\Software\\WlxRegProg"), "query output has the key's long name\n");
    ok(run_reg("query " KEY " /v dw") == 0 && output_has("0x10"), "REG_DWORD shown in hex\n");
    ok(run_reg("query " KEY " /v nosuchvalue") == 1, "missing value\n");
    ok(run_reg("query " KEY "\\nosuchkey") == 1, "missing key\n");
    ok(run_reg("query " KEY) == 0 && output_has("multi")
       && output_has("HKEY_CURRENT_USER\\Software\\WlxRegProg\\sub"), "query lists values and subkeys\n");
    ok(run_reg("query " KEY " /s") == 0 && output_has("HKEY_CURRENT_USER\\Software\\WlxRegProg\\sub\\deeper"),
       "query /s goes down\n");
}

/* wide text inside a UTF-16 file */
static BOOL file_has_w(const char *file, const WCHAR *text)
{
    DWORD size;
    char *buf = read_all(file, &size);
    BOOL found = buf && size > 2 && wcsstr((WCHAR *)(buf + 2), text);
    free(buf);
    return found;
}

static void test_export_import(void)
{
    char args[MAX_PATH + 64], buf[64];
    DWORD size, dw, type;

    snprintf(args, sizeof(args), "export " KEY " \"%s\" /y", reg_file);
    ok(run_reg(args) == 0, "export\n");
    char *text = read_all(reg_file, &size);
    ok(text && size > 2 && (BYTE)text[0] == 0xff && (BYTE)text[1] == 0xfe, "UTF-16LE with a BOM\n");
    ok(text && !wcsncmp((WCHAR *)(text + 2), L"Windows Registry Editor Version 5.00\r\n", 38), "version 5 header\n");
    free(text);
    ok(file_has_w(reg_file, L"[HKEY_CURRENT_USER\\Software\\WlxRegProg]\r\n"), "key line\n");
    ok(file_has_w(reg_file, L"\"str\"=\"hello\"\r\n"), "REG_SZ line\n");
    ok(file_has_w(reg_file, L"\"dw\"=dword:00000010\r\n"), "REG_DWORD line\n");
    ok(file_has_w(reg_file, L"\"bin\"=hex:01,02,ff\r\n"), "REG_BINARY line\n");
    ok(file_has_w(reg_file, L"\"qw\"=hex(b):00,00,00,00,01,00,00,00\r\n"), "REG_QWORD line\n");
    ok(file_has_w(reg_file, L"@=\"def\"\r\n"), "default value line\n");
    ok(file_has_w(reg_file, L"[HKEY_CURRENT_USER\\Software\\WlxRegProg\\sub\\deeper]"), "subkeys exported\n");

    ok(run_reg("delete " KEY " /v str /f") == 0, "delete a value\n");
    ok(!value_exists("str"), "value gone\n");
    ok(run_reg("delete " KEY " /v str /f") == 1, "delete a missing value\n");
    ok(run_reg("delete " KEY " /va /f") == 0, "delete all values\n");
    ok(!value_exists("dw") && !value_exists("bin"), "values gone\n");
    ok(run_reg("delete " KEY " /f") == 0, "delete the key\n");
    HKEY key;
    ok(RegOpenKeyExA(HKEY_CURRENT_USER, SUBKEY, 0, KEY_READ, &key) == ERROR_FILE_NOT_FOUND, "key gone\n");
    ok(run_reg("delete " KEY " /f") == 1, "delete a missing key\n");

    snprintf(args, sizeof(args), "import \"%s\"", reg_file);
    ok(run_reg(args) == 0, "import the export\n");
    ok(get_value("str", RRF_RT_REG_SZ, buf, sizeof(buf), &type) && !strcmp(buf, "hello"), "REG_SZ back\n");
    ok(get_value("dw", RRF_RT_REG_DWORD, &dw, sizeof(dw), &type) && dw == 16, "REG_DWORD back\n");
    ok(get_value("multi", RRF_RT_REG_MULTI_SZ, buf, sizeof(buf), &type) && !memcmp(buf, "a\0bc\0\0", 6), "multi back\n");
    ok(RegOpenKeyExA(HKEY_CURRENT_USER, SUBKEY "\\sub\\deeper", 0, KEY_READ, &key) == 0, "subkey back\n");
    RegCloseKey(key);

    /* REGEDIT4: ANSI, hex(2) bytes are ANSI, continuation lines, deletions */
    static const char v4[] =
        "REGEDIT4\r\n\r\n"
        "[HKEY_CURRENT_USER\\Software\\WlxRegProg]\r\n"
        "\"quoted\"=\"a \\\"b\\\" \\\\ c\"\r\n"
        "\"exp4\"=hex(2):25,57,4c,58,4e,4f,\\\r\n"
        "  53,55,43,48,25,00\r\n"
        "\"dw\"=-\r\n"
        "\"dw4\"=dword:0000002a\r\n"
        "[-HKEY_CURRENT_USER\\Software\\WlxRegProg\\sub]\r\n";
    HANDLE h = CreateFileA(reg_file, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(h, v4, sizeof(v4) - 1, &n, NULL);
    CloseHandle(h);
    ok(run_reg(args) == 0, "import REGEDIT4\n");
    ok(get_value("quoted", RRF_RT_REG_SZ, buf, sizeof(buf), &type) && !strcmp(buf, "a \"b\" \\ c"), "escapes %s\n", buf);
    ok(get_value("exp4", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, buf, sizeof(buf), &type) && !strcmp(buf, "%WLXNOSUCH%"),
       "hex(2) continued %s\n", buf);
    ok(!value_exists("dw"), "\"dw\"=- deletes\n");
    ok(get_value("dw4", RRF_RT_REG_DWORD, &dw, sizeof(dw), &type) && dw == 42, "dword 2a\n");
    ok(RegOpenKeyExA(HKEY_CURRENT_USER, SUBKEY "\\sub", 0, KEY_READ, &key) == ERROR_FILE_NOT_FOUND, "[-key] deletes\n");

    h = CreateFileA(reg_file, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, "not a registry file\r\n", 21, &n, NULL);
    CloseHandle(h);
    ok(run_reg(args) == 1, "not a registry file\n");
    DeleteFileA(reg_file);
}

int main(int argc, char **argv)
{
    char dir[MAX_PATH];
    if (argc == 3 && !strcmp(argv[1], "flush")) {
        HKEY key;
        if (RegOpenKeyExA(HKEY_CURRENT_USER, argv[2], 0, KEY_READ, &key)) return 2;
        return RegFlushKey(key) ? 3 : 0;
    }
    test_start("advapi32/regprog");
    GetTempPathA(MAX_PATH, dir);
    snprintf(out_file, MAX_PATH, "%sregprog-%lu.txt", dir, GetCurrentProcessId());
    snprintf(reg_file, MAX_PATH, "%sregprog-%lu.reg", dir, GetCurrentProcessId());
    test_add();
    test_query();
    test_export_import();
    RegDeleteTreeA(HKEY_CURRENT_USER, SUBKEY);
    RegDeleteKeyA(HKEY_CURRENT_USER, SUBKEY);
    DeleteFileA(out_file);
    return test_summary();
}
