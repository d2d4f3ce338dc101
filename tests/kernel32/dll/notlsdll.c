/*
 * notlsdll.dll — helper for tests/kernel32/module.c: a DLL without a TLS
 * directory (built -nostdlib with DllMain as its entry point, since mingw's
 * CRT gives every DLL one), on which DisableThreadLibraryCalls succeeds.
 *
 * build: x86_64-w64-mingw32-gcc -shared -nostdlib -Wl,-e,DllMain notlsdll.c -lkernel32
 */
#include <windows.h>

#define MAX_SEEN 64
static DWORD attached_tids[MAX_SEEN];
static volatile LONG attached_count;
static HINSTANCE self;

/* whether DllMain got DLL_THREAD_ATTACH in thread tid */
__declspec(dllexport) BOOL notlsdll_attached(DWORD tid)
{
    LONG i, count = attached_count < MAX_SEEN ? attached_count : MAX_SEEN;
    for (i = 0; i < count; i++) if (attached_tids[i] == tid) return TRUE;
    return FALSE;
}

__declspec(dllexport) BOOL notlsdll_disable_thread_calls(void)
{
    return DisableThreadLibraryCalls(self);
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    LONG i;
    self = inst;
    if (reason == DLL_THREAD_ATTACH && (i = InterlockedIncrement(&attached_count) - 1) < MAX_SEEN)
        attached_tids[i] = GetCurrentThreadId();
    return TRUE;
}
