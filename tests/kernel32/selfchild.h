/*
 * tests/kernel32/selfchild.h — for tests that run their own program as a
 * child ("<exe> <mode> <args>"): starting it and collecting its exit code.
 * The including test fills `module` with its own path first.
 */
#ifndef WLX_TESTS_SELFCHILD_H
#define WLX_TESTS_SELFCHILD_H

static WCHAR module[MAX_PATH];

/* si NULL: a default STARTUPINFO */
static BOOL start_self(const WCHAR *args, BOOL inherit, DWORD flags, STARTUPINFOW *si, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[1024];
    STARTUPINFOW def = { sizeof(def) };
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" %ls", module, args);
    return CreateProcessW(module, cmd, NULL, NULL, inherit, flags, NULL, NULL, si ? si : &def, pi);
}

/* waits for the child (10 s at most: a broken wait fails, never hangs)
   and returns its exit code */
static DWORD finish(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdeadbeef;
    ok(WaitForSingleObject(pi->hProcess, 10000) == WAIT_OBJECT_0, "child did not end\n");
    GetExitCodeProcess(pi->hProcess, &code);
    CloseHandle(pi->hProcess);
    CloseHandle(pi->hThread);
    return code;
}

#endif
