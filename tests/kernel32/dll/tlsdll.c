/*
 * tlsdll.dll — helper for tests/kernel32/module.c: a DLL with its own TLS
 * callback and a static TLS variable (section ".tls$", which mingw's CRT
 * gathers into the TLS directory), counting the notifications it gets.
 * Loaded with LoadLibrary, so the loader must give it a TLS slot at run time
 * and tell it about threads created afterwards.
 */
#include <windows.h>

/* one counter per (source, reason); indices are DLL_* reasons 0..3 */
static volatile LONG main_calls[4], callback_calls[4];
static volatile LONG callback_before_main;  /* callback saw PROCESS_ATTACH first */
static HINSTANCE self;

/* which threads got which notification: other threads of the process may
 * come and go, so the test asks about its own thread ids */
#define MAX_SEEN 256
static struct { DWORD tid; DWORD reason; int source; } seen[MAX_SEEN];
static volatile LONG seen_count;

static void record(int source, DWORD reason)
{
    LONG i = InterlockedIncrement(&seen_count) - 1;
    if (i >= MAX_SEEN) return;
    seen[i].tid = GetCurrentThreadId();
    seen[i].reason = reason;
    seen[i].source = source;
}

/* how often thread tid got reason through DllMain (source 0) or the TLS
 * callback (source 1) */
__declspec(dllexport) int tlsdll_seen(int source, DWORD reason, DWORD tid)
{
    int i, n = 0, count = seen_count < MAX_SEEN ? seen_count : MAX_SEEN;
    for (i = 0; i < count; i++)
        if (seen[i].tid == tid && seen[i].reason == reason && seen[i].source == source) n++;
    return n;
}

int tls_value __attribute__((section(".tls$"))) = 0x7157;

__declspec(dllexport) LONG tlsdll_main_calls(DWORD reason)
{
    return main_calls[reason];
}

__declspec(dllexport) LONG tlsdll_callback_calls(DWORD reason)
{
    return callback_calls[reason];
}

__declspec(dllexport) LONG tlsdll_callback_first(void)
{
    return callback_before_main;
}

/* address of this thread's copy of tls_value, found through the TEB */
__declspec(dllexport) int *tlsdll_value_ptr(void)
{
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)((char *)self + ((IMAGE_DOS_HEADER *)self)->e_lfanew);
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    IMAGE_TLS_DIRECTORY *tls = (IMAGE_TLS_DIRECTORY *)((char *)self + d->VirtualAddress);
    DWORD index = *(DWORD *)tls->AddressOfIndex;
    char **slots = (char **)__readgsqword(0x58);  /* TEB.ThreadLocalStoragePointer */
    return (int *)(slots[index] + ((char *)&tls_value - (char *)tls->StartAddressOfRawData));
}

__declspec(dllexport) BOOL tlsdll_disable_thread_calls(void)
{
    return DisableThreadLibraryCalls(self);
}

static void NTAPI tls_callback(void *inst, DWORD reason, void *reserved)
{
    if (reason > 3) return;
    if (reason == DLL_PROCESS_ATTACH && !main_calls[DLL_PROCESS_ATTACH]) callback_before_main = 1;
    InterlockedIncrement(&callback_calls[reason]);
    record(1, reason);
}

PIMAGE_TLS_CALLBACK tlsdll_callback __attribute__((section(".CRT$XLB"), used)) = tls_callback;

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    self = inst;
    if (reason <= 3) InterlockedIncrement(&main_calls[reason]);
    record(0, reason);
    return TRUE;
}
