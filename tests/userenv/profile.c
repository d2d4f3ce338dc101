/*
 * tests/userenv/profile.c — the profile folders (sizes asked, too-small
 * buffers) and environment blocks.
 */
#include "test.h"
#include <userenv.h>

static void test_folders(HANDLE token)
{
    WCHAR buf[MAX_PATH], env[MAX_PATH];
    char abuf[MAX_PATH];
    DWORD size;

    size = MAX_PATH;
    ok(GetUserProfileDirectoryW(token, buf, &size), "GetUserProfileDirectoryW %lu\n", GetLastError());
    ok(size == (DWORD)lstrlenW(buf) + 1, "size %lu for %ls\n", size, buf);
    GetEnvironmentVariableW(L"USERPROFILE", env, MAX_PATH);
    ok(!lstrcmpiW(buf, env), "profile %ls, USERPROFILE %ls\n", buf, env);
    ok(GetFileAttributesW(buf) & FILE_ATTRIBUTE_DIRECTORY, "profile folder missing\n");

    size = 3;
    SetLastError(0xdeadbeef);
    ok(!GetUserProfileDirectoryW(token, buf, &size), "small buffer succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER && size == (DWORD)lstrlenW(env) + 1, "small buffer: %lu size %lu\n",
       GetLastError(), size);
    size = MAX_PATH;
    ok(GetUserProfileDirectoryA(token, abuf, &size) && size == strlen(abuf) + 1, "A form %s\n", abuf);
    size = MAX_PATH;
    ok(!GetUserProfileDirectoryW(NULL, buf, &size), "NULL token\n");

    size = MAX_PATH;
    ok(GetProfilesDirectoryW(buf, &size), "GetProfilesDirectoryW\n");
    ok(!wcsncmp(env, buf, lstrlenW(buf)) && env[lstrlenW(buf)] == '\\', "profiles %ls, profile %ls\n", buf, env);
    size = MAX_PATH;
    buf[0] = 0;
    /* Windows: C:\ProgramData. Wine 8 fails here (no AllUsersProfile in its ProfileList key) */
    todo_wine(GetAllUsersProfileDirectoryW(buf, &size) && buf[1] == ':', "all users %ls\n", buf);
}

static void test_environment(HANDLE token)
{
    WCHAR *block = NULL, *p;
    BOOL found = FALSE;

    ok(CreateEnvironmentBlock((void **)&block, token, TRUE), "CreateEnvironmentBlock %lu\n", GetLastError());
    if (!block) return;
    for (p = block; *p; p += lstrlenW(p) + 1)
        if (!_wcsnicmp(p, L"SystemRoot=", 11)) found = TRUE;
    ok(found, "no SystemRoot in the block\n");
    ok(DestroyEnvironmentBlock(block), "DestroyEnvironmentBlock\n");
}

int main(void)
{
    HANDLE token = NULL;

    test_start("userenv/profile");
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
    {
        skip("no process token (%lu)\n", GetLastError());
        return test_summary();
    }
    test_folders(token);
    test_environment(token);
    CloseHandle(token);
    return test_summary();
}
