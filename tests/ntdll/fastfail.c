/*
 * tests/ntdll/fastfail.c — __fastfail (int 0x29, what the MSVC runtime's
 * invalid-parameter handler, /GS and std::terminate end in): the process
 * ends at once with STATUS_STACK_BUFFER_OVERRUN (0xc0000409), and no
 * vectored or frame handler sees it (learn.microsoft.com "__fastfail":
 * "fast fail requests ... cannot be intercepted by exception handlers").
 *
 * "fastfail.exe child" is the child that fails; its handlers exit 42.
 */
#include <windows.h>
#include <stdlib.h>
#include "test.h"

static LONG CALLBACK vectored(EXCEPTION_POINTERS *ep)
{
    printf("vectored handler saw %08lx\n", ep->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    ExitProcess(42);
}

static LONG WINAPI unhandled(EXCEPTION_POINTERS *ep)
{
    ExitProcess(43);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "child"))
    {
        SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
        AddVectoredExceptionHandler(1, vectored);
        SetUnhandledExceptionFilter(unhandled);
        __asm__ volatile ("int $0x29" :: "c"(7) : "memory");   /* __fastfail(7) */
        return 1;                                             /* never here */
    }

    char module[MAX_PATH], cmd[MAX_PATH + 16];
    test_start("ntdll/fastfail");
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    GetModuleFileNameA(NULL, module, MAX_PATH);
    snprintf(cmd, sizeof(cmd), "\"%s\" child", module);
    if (ok(CreateProcessA(module, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess failed: %lu\n", GetLastError()))
    {
        ok(WaitForSingleObject(pi.hProcess, 30000) == WAIT_OBJECT_0, "the child did not end\n");
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
        ok(code == STATUS_STACK_BUFFER_OVERRUN, "exit code %lx, expected c0000409 (42: a vectored handler saw it, 43: the unhandled filter)\n", code);
    }
    return test_summary();
}
