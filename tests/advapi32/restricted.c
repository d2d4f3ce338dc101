/*
 * tests/advapi32/restricted.c — a restricted token (CreateRestrictedToken
 * with Administrators to disable): the group is there deny-only, so
 * CheckTokenMembership no longer finds it; a process started with it
 * (CreateProcessAsUser) runs with it, and so does that process's own child.
 * PostgreSQL's initdb and pg_ctl start themselves again so, since
 * postgres.exe refuses to run as an administrator.
 *
 * "restricted.exe run PROGRAM ARGS..." runs a program so, its std handles
 * inherited, and exits with its exit code: tests/apps/postgres.sh runs
 * postgres --single through it, as from a prompt that is not elevated.
 */
#include "test.h"
#include "../kernel32/selfchild.h"

static PSID admins(void)
{
    static BYTE buf[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(buf);
    CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, buf, &size);
    return buf;
}

/* is the caller's token an administrator's (an enabled Administrators)? */
static BOOL is_admin(void)
{
    BOOL member = 2;
    if (!CheckTokenMembership(NULL, admins(), &member)) return 2;
    return member;
}

/* the attributes of Administrators in the token's groups (~0: not listed) */
static DWORD admin_attributes(HANDLE token)
{
    BYTE buf[4096];
    TOKEN_GROUPS *groups = (TOKEN_GROUPS *)buf;
    DWORD len;
    if (!GetTokenInformation(token, TokenGroups, buf, sizeof(buf), &len)) return ~0u - 1;
    for (DWORD i = 0; i < groups->GroupCount; i++)
        if (EqualSid(groups->Groups[i].Sid, admins())) return groups->Groups[i].Attributes;
    return ~0u;
}

/* child: 10 an administrator, 20 not; "grand": its own child's answer too */
static int child_main(const char *mode)
{
    int code = is_admin() == TRUE ? 10 : is_admin() == FALSE ? 20 : 30;
    if (!strcmp(mode, "grand"))
    {
        PROCESS_INFORMATION pi;
        if (!start_self(L"child", FALSE, 0, NULL, &pi)) return 99;
        code += finish(&pi);
    }
    return code;
}

/* run mode: the command line after "run" (as given), without Administrators */
static int run_restricted(void)
{
    WCHAR *cmd = GetCommandLineW(), *args;
    HANDLE token, restricted;
    SID_AND_ATTRIBUTES disable = { admins(), 0 };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 1;

    /* skip our own name (quoted or not) and "run" */
    if (*cmd == '"') { cmd = wcschr(cmd + 1, '"'); cmd = cmd ? cmd + 1 : L""; }
    else while (*cmd && *cmd != ' ') cmd++;
    while (*cmd == ' ') cmd++;
    args = cmd + 3;
    while (*args == ' ') args++;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &token) ||
        !CreateRestrictedToken(token, 0, 1, &disable, 0, NULL, 0, NULL, &restricted))
        return 125;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!CreateProcessAsUserW(restricted, NULL, args, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) return 126;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    return code;
}

int main(int argc, char **argv)
{
    HANDLE token, restricted, imp;
    SID_AND_ATTRIBUTES disable = { 0 };
    BOOL member;
    DWORD attr, code;

    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc > 2 && !strcmp(argv[1], "run")) return run_restricted();
    if (argc > 1) return child_main(argv[1]);
    test_start("advapi32/restricted");
    if (!ok(OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &token), "OpenProcessToken: %lu\n", GetLastError()))
        return test_summary();
    attr = admin_attributes(token);
    if (attr == ~0u || !(attr & SE_GROUP_ENABLED))
    {
        skip("not an elevated administrator (Administrators: %#lx)\n", attr);
        return test_summary();
    }
    ok(is_admin() == TRUE, "CheckTokenMembership of an elevated administrator: %d\n", is_admin());

    disable.Sid = admins();
    ok(CreateRestrictedToken(token, 0, 1, &disable, 0, NULL, 0, NULL, &restricted),
       "CreateRestrictedToken: %lu\n", GetLastError());
    attr = admin_attributes(restricted);
    ok(attr != ~0u && (attr & SE_GROUP_USE_FOR_DENY_ONLY) && !(attr & (SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT)),
       "Administrators in the restricted token: %#lx\n", attr);
    ok(admin_attributes(token) & SE_GROUP_ENABLED, "the original token changed too\n");
    ok(DuplicateToken(restricted, SecurityImpersonation, &imp), "DuplicateToken: %lu\n", GetLastError());
    member = 2;
    ok(CheckTokenMembership(imp, admins(), &member) && !member, "a deny-only group's membership: %d\n", member);
    CloseHandle(imp);

    /* a process started with it, and its own child */
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    WCHAR cmd[MAX_PATH + 16];
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" grand", module);
    if (ok(CreateProcessAsUserW(restricted, module, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
           "CreateProcessAsUser: %lu\n", GetLastError()))
    {
        code = finish(&pi);
        ok(code == 40, "the child and its child as administrators: %lu (40: neither, 20 each)\n", code);
    }
    /* without it, a child is what its parent is */
    if (start_self(L"child", FALSE, 0, NULL, &pi))
    {
        code = finish(&pi);
        ok(code == 10, "a child of an administrator: %lu (10: an administrator)\n", code);
    }
    CloseHandle(restricted);
    CloseHandle(token);
    return test_summary();
}
