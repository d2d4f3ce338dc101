/* tests/msvcrt/threadlocale.c — _configthreadlocale: the per-thread locale
   switch, per thread, reporting the previous setting */
#include <windows.h>
#include <locale.h>
#include <stdlib.h>
#include "test.h"

static void __cdecl on_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line, uintptr_t r)
{
    (void)e; (void)f; (void)file; (void)line; (void)r;
}

/* mingw's own libraries carry an emulation of it, and Wine's msvcrt.dll
   lacks it: call the UCRT's (our ucrtbase is msvcrt's code) */
static int (__cdecl *p_configthreadlocale)(int);
static _invalid_parameter_handler (__cdecl *p_set_invalid_parameter_handler)(_invalid_parameter_handler);
#define _configthreadlocale p_configthreadlocale

static DWORD WINAPI fresh_thread(void *arg)
{
    (void)arg;
    return _configthreadlocale(0);
}

int main(void)
{
    HANDLE t;
    DWORD code = 0;

    HMODULE ucrt = LoadLibraryA("ucrtbase.dll");
    p_configthreadlocale = (void *)GetProcAddress(ucrt, "_configthreadlocale");
    p_set_invalid_parameter_handler = (void *)GetProcAddress(ucrt, "_set_invalid_parameter_handler");
    ok(p_configthreadlocale && p_set_invalid_parameter_handler, "ucrtbase.dll lacks exports\n");
    if (!p_configthreadlocale || !p_set_invalid_parameter_handler) return test_summary();

    ok(_configthreadlocale(0) == _DISABLE_PER_THREAD_LOCALE, "default %d\n", _configthreadlocale(0));
    ok(_configthreadlocale(_ENABLE_PER_THREAD_LOCALE) == _DISABLE_PER_THREAD_LOCALE, "enable: previous wrong\n");
    ok(_configthreadlocale(0) == _ENABLE_PER_THREAD_LOCALE, "now %d\n", _configthreadlocale(0));

    /* another thread has its own setting */
    t = CreateThread(NULL, 0, fresh_thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(code == _DISABLE_PER_THREAD_LOCALE, "a new thread starts with %lu\n", code);

    ok(_configthreadlocale(_DISABLE_PER_THREAD_LOCALE) == _ENABLE_PER_THREAD_LOCALE, "disable: previous wrong\n");
    ok(_configthreadlocale(0) == _DISABLE_PER_THREAD_LOCALE, "now %d\n", _configthreadlocale(0));

    /* a bad argument: -1, through the invalid parameter handler */
    p_set_invalid_parameter_handler(on_invalid);
    ok(_configthreadlocale(5) == -1, "a bad type was accepted\n");
    return test_summary();
}
