/*
 * dlls/combase/roapi.c — RoInitialize / RoUninitialize: a thread's
 * Windows Runtime initialization is its COM apartment (RO_INIT_SINGLETHREADED
 * an STA, RO_INIT_MULTITHREADED the MTA), with CoInitializeEx's answers
 * (S_FALSE when already so, RPC_E_CHANGED_MODE for the other kind). The
 * apartments live in ole32, which imports this DLL: it is reached at run
 * time, not linked.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <objbase.h>

static HRESULT (WINAPI *co_initialize_ex)(void *, DWORD);
static void (WINAPI *co_uninitialize)(void);

static BOOL CALLBACK find_ole32(INIT_ONCE *once, void *param, void **context)
{
    HMODULE ole32 = LoadLibraryW(L"ole32.dll");
    (void)once; (void)param; (void)context;
    if (ole32)
    {
        co_initialize_ex = (void *)GetProcAddress(ole32, "CoInitializeEx");
        co_uninitialize = (void *)GetProcAddress(ole32, "CoUninitialize");
    }
    return TRUE;
}

static BOOL have_ole32(void)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    InitOnceExecuteOnce(&once, find_ole32, NULL, NULL);
    return co_initialize_ex && co_uninitialize;
}

HRESULT WINAPI RoInitialize(int type)
{
    if (type != 0 && type != 1) return E_INVALIDARG;   /* RO_INIT_SINGLETHREADED, RO_INIT_MULTITHREADED */
    if (!have_ole32()) return E_UNEXPECTED;
    return co_initialize_ex(NULL, type ? COINIT_MULTITHREADED : COINIT_APARTMENTTHREADED);
}

void WINAPI RoUninitialize(void)
{
    if (have_ole32()) co_uninitialize();
}
