/* tests/loader/inputs/ctrlc.c — Ctrl-C delivery (driven by tests/loader/ctrlc.sh):
   "handled": a handler sees CTRL_C_EVENT on its own thread and returns TRUE;
   "default": no handler, the process ends with STATUS_CONTROL_C_EXIT;
   "chain": three handlers, the last registered first: the one removed
   again is not called, the two others return FALSE (each prints its
   number), so the process ends with STATUS_CONTROL_C_EXIT. */
#include <windows.h>

static HANDLE event;
static DWORD main_tid, handler_tid;

static void say(const char *s)
{
    DWORD n, len = 0;
    while (s[len]) len++;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, len, &n, NULL);
}

static BOOL WINAPI handler(DWORD type)
{
    handler_tid = GetCurrentThreadId();
    if (type == CTRL_C_EVENT) SetEvent(event);
    return TRUE;
}

static BOOL WINAPI declines_1(DWORD type) { say(type == CTRL_C_EVENT ? "1" : "?"); return FALSE; }
static BOOL WINAPI declines_2(DWORD type) { say(type == CTRL_C_EVENT ? "2" : "?"); return FALSE; }
static BOOL WINAPI removed(DWORD type) { say("removed handler called"); return TRUE; }

void __attribute__((force_align_arg_pointer)) start(void)
{
    const WCHAR *cmd = GetCommandLineW();
    int handled = 0, chain = 0;
    for (const WCHAR *p = cmd; *p; p++) if (p[0] == 'h' && p[1] == 'a' && p[2] == 'n') handled = 1;
    for (const WCHAR *p = cmd; *p; p++) if (p[0] == 'c' && p[1] == 'h' && p[2] == 'a') chain = 1;
    if (chain)
    {
        SetConsoleCtrlHandler(declines_1, TRUE);
        SetConsoleCtrlHandler(removed, TRUE);
        SetConsoleCtrlHandler(declines_2, TRUE);
        SetConsoleCtrlHandler(removed, FALSE);
        say("ready\n");
        Sleep(20000);
        say("not ended\n");
        ExitProcess(1);
    }
    main_tid = GetCurrentThreadId();
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (handled) SetConsoleCtrlHandler(handler, TRUE);
    say("ready\n");
    if (WaitForSingleObject(event, 20000) != WAIT_OBJECT_0) { say("no event\n"); ExitProcess(1); }
    say(handler_tid && handler_tid != main_tid ? "handled on its own thread\n" : "handled on the wrong thread\n");
    ExitProcess(0);
}
