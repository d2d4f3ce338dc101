/*
 * tests/kernel32/actctxexe.c — the process's own activation context, made
 * from the exe's manifest (RT_MANIFEST 1, actctxexe.rc): what NULL names in
 * QueryActCtxW and QueryActCtxSettingsW, with nothing activated.
 */
#include "test.h"
#include <wchar.h>

int main(void)
{
    union { ACTIVATION_CONTEXT_DETAILED_INFORMATION info; BYTE bytes[2048]; } d;
    ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION run;
    WCHAR exe[MAX_PATH], buf[32];
    HANDLE cur = (HANDLE)1;
    SIZE_T size;

    test_start("kernel32:actctxexe");
    GetModuleFileNameW(NULL, exe, MAX_PATH);

    /* the process's context is not on the thread's stack */
    ok(GetCurrentActCtx(&cur) && cur == NULL, "current %p\n", cur);

    memset(&d, 0xcc, sizeof(d));
    ok(QueryActCtxW(0, NULL, NULL, ActivationContextDetailedInformation, &d, sizeof(d), &size),
       "detailed information failed: %lu\n", GetLastError());
    ok(d.info.ulAssemblyCount == 2, "assemblies %lu\n", d.info.ulAssemblyCount);
    ok(d.info.lpRootManifestPath && !wcscmp(d.info.lpRootManifestPath, exe), "root %ls\n", d.info.lpRootManifestPath);

    memset(&run, 0xcc, sizeof(run));
    ok(QueryActCtxW(0, NULL, NULL, RunlevelInformationInActivationContext, &run, sizeof(run), &size),
       "run level failed: %lu\n", GetLastError());
    ok(run.RunLevel == ACTCTX_RUN_LEVEL_HIGHEST_AVAILABLE, "run level %d\n", run.RunLevel);

    memset(buf, 0, sizeof(buf));
    ok(QueryActCtxSettingsW(0, NULL, NULL, L"dpiAware", buf, 32, &size), "dpiAware: %lu\n", GetLastError());
    ok(!wcscmp(buf, L"true/pm"), "dpiAware %ls\n", buf);

    return test_summary();
}
