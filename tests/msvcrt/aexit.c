/*
 * tests/msvcrt/aexit.c — msvcrt.dll's _aexit_rtn: the data export holding
 * the function _amsg_exit (a runtime error "R60nn") ends the process with;
 * it starts as _exit, and a child that puts its own function there sees
 * _amsg_exit call it with 255.
 */
#include "test.h"

static HMODULE crt;
#define FUNC(name) ((void *)GetProcAddress(crt, name))

static void __cdecl my_exit(int code)
{
    ExitProcess(code == 255 ? 77 : 78);
}

static DWORD run_child(const char *arg)
{
    char self[MAX_PATH], cmd[MAX_PATH + 32];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    HANDLE nul = CreateFileA("NUL", GENERIC_WRITE, FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);

    GetModuleFileNameA(NULL, self, sizeof(self));
    sprintf(cmd, "\"%s\" %s", self, arg);
    SetHandleInformation(nul, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    si.dwFlags = STARTF_USESTDHANDLES;   /* the runtime error message goes nowhere */
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = nul;
    if (CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
    {
        WaitForSingleObject(pi.hProcess, 60000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    CloseHandle(nul);
    return code;
}

int main(int argc, char **argv)
{
    void (__cdecl **p_aexit_rtn)(int);
    void (__cdecl *p_amsg_exit)(int);

    crt = LoadLibraryA("msvcrt.dll");
    p_aexit_rtn = FUNC("_aexit_rtn");
    p_amsg_exit = FUNC("_amsg_exit");
    if (argc > 1)
    {
        if (!strcmp(argv[1], "own")) *p_aexit_rtn = my_exit;
        p_amsg_exit(2);
        return 99;
    }
    if (!p_aexit_rtn || !p_amsg_exit) { skip("no _aexit_rtn\n"); return test_summary(); }
    ok(*p_aexit_rtn == FUNC("_exit"), "_aexit_rtn starts as _exit: %p %p\n", *p_aexit_rtn, FUNC("_exit"));
    ok(run_child("own") == 77, "_amsg_exit calls the program's function with 255\n");
    ok(run_child("plain") == 255, "_amsg_exit ends with 255\n");
    return test_summary();
}
