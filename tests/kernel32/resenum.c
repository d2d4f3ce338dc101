/*
 * tests/kernel32/resenum.c — the ANSI and Ex forms of the resource
 * enumerations (EnumResourceTypesA/ExA/ExW, EnumResourceNamesA/ExA/ExW,
 * EnumResourceLanguagesA/ExA/ExW) over this program's own resources
 * (resenum.rc): what each callback is given, in order, names converted to
 * ANSI, a callback that stops the walk, and the Ex forms without MUI files.
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static char seen[512];

static void note(const char *s)
{
    if (seen[0]) strcat(seen, ",");
    strcat(seen, s);
}

static void note_key(LPCSTR key)
{
    char buf[32];
    if (IS_INTRESOURCE(key)) { sprintf(buf, "#%u", (unsigned)(ULONG_PTR)key); note(buf); }
    else note(key);
}

static BOOL CALLBACK type_a(HMODULE m, LPSTR type, LONG_PTR param)
{
    (void)m;
    note_key(type);
    return param != 1;   /* 1: stop after the first */
}

static BOOL CALLBACK type_w(HMODULE m, LPWSTR type, LONG_PTR param)
{
    char buf[64];
    (void)m; (void)param;
    if (IS_INTRESOURCE(type)) note_key((LPCSTR)type);
    else { WideCharToMultiByte(CP_ACP, 0, type, -1, buf, sizeof(buf), NULL, NULL); note(buf); }
    return TRUE;
}

static LPCSTR given_type;

static BOOL CALLBACK name_a(HMODULE m, LPCSTR type, LPSTR name, LONG_PTR param)
{
    (void)m; (void)param;
    ok(type == given_type, "the type %p, given %p\n", type, given_type);
    note_key(name);
    return TRUE;
}

static BOOL CALLBACK name_w(HMODULE m, LPCWSTR type, LPWSTR name, LONG_PTR param)
{
    char buf[64];
    (void)m; (void)type; (void)param;
    if (IS_INTRESOURCE(name)) note_key((LPCSTR)name);
    else { WideCharToMultiByte(CP_ACP, 0, name, -1, buf, sizeof(buf), NULL, NULL); note(buf); }
    return TRUE;
}

static BOOL CALLBACK lang_a(HMODULE m, LPCSTR type, LPCSTR name, WORD lang, LONG_PTR param)
{
    char buf[16];
    (void)m; (void)type; (void)name; (void)param;
    sprintf(buf, "%04x", lang);
    note(buf);
    return TRUE;
}

static BOOL CALLBACK lang_w(HMODULE m, LPCWSTR type, LPCWSTR name, WORD lang, LONG_PTR param)
{
    return lang_a(m, (LPCSTR)type, (LPCSTR)name, lang, param);
}

int main(void)
{
    HMODULE self = GetModuleHandleA(NULL);

    seen[0] = 0;
    ok(EnumResourceTypesA(self, type_a, 0), "EnumResourceTypesA failed\n");
    ok(!strcmp(seen, "MYTYPE,#10"), "types %s\n", seen);   /* names first, then IDs (RT_RCDATA 10) */
    /* a callback that says stop: the function fails (Windows 8 and later say
       why; Wine 8 does not) */
    seen[0] = 0;
    SetLastError(0xdeadbeef);
    ok(!EnumResourceTypesA(self, type_a, 1), "a stopped walk succeeded\n");
    todo_wine(GetLastError() == ERROR_RESOURCE_ENUM_USER_STOP, "error %lu\n", GetLastError());
    ok(!strcmp(seen, "MYTYPE"), "a stopped walk saw %s\n", seen);
    seen[0] = 0;
    ok(EnumResourceTypesExA(self, type_a, 0, RESOURCE_ENUM_LN, 0), "EnumResourceTypesExA failed\n");
    ok(!strcmp(seen, "MYTYPE,#10"), "types %s\n", seen);
    seen[0] = 0;
    ok(EnumResourceTypesExW(self, type_w, 0, RESOURCE_ENUM_LN, 0), "EnumResourceTypesExW failed\n");
    ok(!strcmp(seen, "MYTYPE,#10"), "types %s\n", seen);

    seen[0] = 0;
    given_type = (LPCSTR)RT_RCDATA;
    ok(EnumResourceNamesA(self, given_type, name_a, 0), "EnumResourceNamesA failed\n");
    ok(!strcmp(seen, "ALPHA,#7"), "names %s\n", seen);
    seen[0] = 0;
    given_type = "mytype";   /* found without case */
    ok(EnumResourceNamesA(self, given_type, name_a, 0), "EnumResourceNamesA failed\n");
    ok(!strcmp(seen, "BETA"), "names %s\n", seen);
    seen[0] = 0;
    given_type = (LPCSTR)RT_RCDATA;
    ok(EnumResourceNamesExA(self, given_type, name_a, 0, RESOURCE_ENUM_LN, 0), "EnumResourceNamesExA failed\n");
    ok(!strcmp(seen, "ALPHA,#7"), "names %s\n", seen);
    seen[0] = 0;
    ok(EnumResourceNamesExW(self, (LPCWSTR)RT_RCDATA, name_w, 0, RESOURCE_ENUM_LN, 0), "EnumResourceNamesExW failed\n");
    ok(!strcmp(seen, "ALPHA,#7"), "names %s\n", seen);
    SetLastError(0xdeadbeef);
    ok(!EnumResourceNamesA(self, "NOSUCHTYPE", name_a, 0) && GetLastError() == ERROR_RESOURCE_TYPE_NOT_FOUND,
       "a missing type: error %lu\n", GetLastError());

    seen[0] = 0;
    ok(EnumResourceLanguagesA(self, (LPCSTR)RT_RCDATA, "alpha", lang_a, 0), "EnumResourceLanguagesA failed\n");
    ok(!strcmp(seen, "0407,0409"), "languages %s\n", seen);
    seen[0] = 0;
    ok(EnumResourceLanguagesExA(self, (LPCSTR)RT_RCDATA, "ALPHA", lang_a, 0, RESOURCE_ENUM_LN, 0),
       "EnumResourceLanguagesExA failed\n");
    ok(!strcmp(seen, "0407,0409"), "languages %s\n", seen);
    seen[0] = 0;
    ok(EnumResourceLanguagesExW(self, (LPCWSTR)RT_RCDATA, L"ALPHA", lang_w, 0, RESOURCE_ENUM_LN,
                                MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN)), "EnumResourceLanguagesExW failed\n");
    ok(!strcmp(seen, "0407,0409"), "the language filters only MUI files: %s\n", seen);
    SetLastError(0xdeadbeef);
    ok(!EnumResourceLanguagesA(self, (LPCSTR)RT_RCDATA, "GAMMA", lang_a, 0) &&
       GetLastError() == ERROR_RESOURCE_NAME_NOT_FOUND, "a missing name: error %lu\n", GetLastError());
    return test_summary();
}
