/*
 * testdll.dll — helper for tests/kernel32/module.c. Exports by name, by
 * ordinal and without a name (testdll.def), forwards one export to ntdll,
 * imports depdll.dll, and reports what its DllMain saw.
 */
#include <windows.h>

LONG dep_attached(void);
void dep_set_log(LONG *log);

static LONG attach_count;      /* DLL_PROCESS_ATTACH calls seen */
static LONG dep_was_attached;  /* depdll's DllMain had run before ours */
static LONG *detach_log;       /* the test's log: [0] = count, then ids */

LONG testdll_attach_count(void)
{
    return attach_count;
}

LONG testdll_dep_first(void)
{
    return dep_was_attached;
}

void testdll_set_log(LONG *log)
{
    detach_log = log;
    dep_set_log(log);
}

/* exported only by ordinal (NONAME in testdll.def) */
int testdll_hidden(void)
{
    return 0x5eed;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
    {
        attach_count++;
        dep_was_attached = dep_attached();
    }
    if (reason == DLL_PROCESS_DETACH && detach_log)
        detach_log[InterlockedIncrement(&detach_log[0])] = 'T';
    return TRUE;
}
