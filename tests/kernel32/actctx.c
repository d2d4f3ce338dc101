/*
 * tests/kernel32/actctx.c — activation contexts: CreateActCtxW/A from a
 * manifest file and from a module's resource (actctx.rc), the errors of a
 * missing or malformed manifest, QueryActCtxW (basic, detailed, assembly,
 * file, run level, compatibility), QueryActCtxSettingsW, the per-thread
 * activation stack (ActivateActCtx, DeactivateActCtx and its exceptions,
 * GetCurrentActCtx), AddRef/Release/ZombifyActCtx, FindActCtxSectionString.
 */
#include "test.h"
#include <wchar.h>

#ifndef STATUS_SXS_EARLY_DEACTIVATION
#define STATUS_SXS_EARLY_DEACTIVATION   0xC015000F
#define STATUS_SXS_INVALID_DEACTIVATION 0xC0150010
#endif

/* COMPATIBILITY_CONTEXT_ELEMENT as Windows 10 lays it out */
struct compat_element
{
    GUID Id;
    ACTCTX_COMPATIBILITY_ELEMENT_TYPE Type;
    ULONGLONG MaxVersionTested;
};

static const GUID win10_guid = { 0x8e0f7a12, 0xbfb3, 0x4fe8, { 0xb9, 0xa5, 0x48, 0xfd, 0x50, 0xa1, 0x5a, 0x9a } };

static WCHAR dir[MAX_PATH], app_dir[MAX_PATH], main_path[MAX_PATH], bad_path[MAX_PATH], dep_path[MAX_PATH], exe_path[MAX_PATH];

static const char main_manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<!-- an application manifest with the usual parts -->\n"
    "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v1\" manifestVersion=\"1.0\">\n"
    "  <assemblyIdentity type=\"win32\" name=\"wlx.test.app\" version=\"1.2.3.4\" processorArchitecture=\"amd64\"/>\n"
    "  <description>wlx &amp; test</description>\n"
    "  <file name=\"wlxtestdll.dll\"/>\n"
    "  <file name=\"second.dll\"></file>\n"
    "  <trustInfo xmlns=\"urn:schemas-microsoft-com:asm.v3\">\n"
    "    <security><requestedPrivileges>\n"
    "      <requestedExecutionLevel level='asInvoker' uiAccess='false'/>\n"
    "    </requestedPrivileges></security>\n"
    "  </trustInfo>\n"
    "  <compatibility xmlns=\"urn:schemas-microsoft-com:compatibility.v1\">\n"
    "    <application>\n"
    "      <supportedOS Id=\"{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}\"/>\n"
    "    </application>\n"
    "  </compatibility>\n"
    "  <asmv3:application xmlns:asmv3=\"urn:schemas-microsoft-com:asm.v3\">\n"
    "    <asmv3:windowsSettings xmlns=\"http://schemas.microsoft.com/SMI/2005/WindowsSettings\">\n"
    "      <dpiAware>true</dpiAware>\n"
    "    </asmv3:windowsSettings>\n"
    "    <asmv3:windowsSettings xmlns=\"http://schemas.microsoft.com/SMI/2016/WindowsSettings\">\n"
    "      <longPathAware>true</longPathAware>\n"
    "    </asmv3:windowsSettings>\n"
    "  </asmv3:application>\n"
    "</assembly>\n";

/* what MSVC programs carry: common controls 6 */
static const char dep_manifest[] =
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
    "<assembly xmlns='urn:schemas-microsoft-com:asm.v1' manifestVersion='1.0'>\r\n"
    "  <dependency>\r\n"
    "    <dependentAssembly>\r\n"
    "      <assemblyIdentity type='win32' name='Microsoft.Windows.Common-Controls' version='6.0.0.0'"
    " processorArchitecture='*' publicKeyToken='6595b64144ccf1df' language='*' />\r\n"
    "    </dependentAssembly>\r\n"
    "  </dependency>\r\n"
    "</assembly>\r\n";

static void write_file(const WCHAR *path, const char *data, int len)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, data, len, &done, NULL);
    CloseHandle(h);
}

static HANDLE create_from_file(const WCHAR *path)
{
    ACTCTXW ctx;

    memset(&ctx, 0, sizeof(ctx));
    ctx.cbSize = sizeof(ctx);
    ctx.lpSource = path;
    return CreateActCtxW(&ctx);
}

static void test_create_errors(void)
{
    ACTCTXW ctx;
    HANDLE h;
    WCHAR path[MAX_PATH];

    memset(&ctx, 0, sizeof(ctx));
    ctx.cbSize = sizeof(ctx) - 1;
    ctx.lpSource = main_path;
    SetLastError(0xdeadbeef);
    h = CreateActCtxW(&ctx);
    ok(h == INVALID_HANDLE_VALUE, "wrong cbSize accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ok(CreateActCtxW(NULL) == INVALID_HANDLE_VALUE, "NULL accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    ctx.cbSize = sizeof(ctx);
    ctx.lpSource = NULL;
    SetLastError(0xdeadbeef);
    ok(CreateActCtxW(&ctx) == INVALID_HANDLE_VALUE, "no source accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    swprintf(path, MAX_PATH, L"%lsnothere.manifest", dir);
    SetLastError(0xdeadbeef);
    ok(create_from_file(path) == INVALID_HANDLE_VALUE, "missing manifest accepted\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());

    /* not XML */
    write_file(bad_path, "this is not a manifest", 22);
    SetLastError(0xdeadbeef);
    ok(create_from_file(bad_path) == INVALID_HANDLE_VALUE, "text accepted\n");
    ok(GetLastError() == ERROR_SXS_CANT_GEN_ACTCTX, "error %lu\n", GetLastError());

    /* an element left open */
    write_file(bad_path, "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v1\" manifestVersion=\"1.0\">"
               "<assemblyIdentity name=\"x\" version=\"1.0.0.0\" type=\"win32\">", 125);
    SetLastError(0xdeadbeef);
    ok(create_from_file(bad_path) == INVALID_HANDLE_VALUE, "unclosed element accepted\n");
    ok(GetLastError() == ERROR_SXS_CANT_GEN_ACTCTX, "error %lu\n", GetLastError());

    /* a root that is not <assembly> */
    write_file(bad_path, "<?xml version=\"1.0\"?><notassembly manifestVersion=\"1.0\"/>", 57);
    SetLastError(0xdeadbeef);
    ok(create_from_file(bad_path) == INVALID_HANDLE_VALUE, "wrong root accepted\n");
    ok(GetLastError() == ERROR_SXS_CANT_GEN_ACTCTX, "error %lu\n", GetLastError());

    /* a resource that is not there */
    memset(&ctx, 0, sizeof(ctx));
    ctx.cbSize = sizeof(ctx);
    ctx.dwFlags = ACTCTX_FLAG_RESOURCE_NAME_VALID | ACTCTX_FLAG_HMODULE_VALID;
    ctx.hModule = GetModuleHandleW(NULL);
    ctx.lpSource = exe_path;
    ctx.lpResourceName = MAKEINTRESOURCEW(77);
    SetLastError(0xdeadbeef);
    ok(CreateActCtxW(&ctx) == INVALID_HANDLE_VALUE, "missing resource accepted\n");
    ok(GetLastError() == ERROR_RESOURCE_NAME_NOT_FOUND || GetLastError() == ERROR_RESOURCE_TYPE_NOT_FOUND,
       "error %lu\n", GetLastError());
}

static void test_basic_query(HANDLE h)
{
    ACTIVATION_CONTEXT_BASIC_INFORMATION basic;
    SIZE_T size = 0xdead;

    memset(&basic, 0xcc, sizeof(basic));
    ok(QueryActCtxW(0, h, NULL, ActivationContextBasicInformation, &basic, sizeof(basic), &size),
       "basic information failed: %lu\n", GetLastError());
    ok(size == sizeof(basic), "size %Iu\n", size);
    ok(basic.hActCtx == h, "handle %p, expected %p\n", basic.hActCtx, h);
    ok(basic.dwFlags == 0, "flags %lx\n", basic.dwFlags);
    if (basic.hActCtx == h) ReleaseActCtx(h);   /* the query took a reference */

    SetLastError(0xdeadbeef);
    ok(!QueryActCtxW(0, h, NULL, ActivationContextBasicInformation, &basic, sizeof(basic) - 1, &size),
       "small buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(size == sizeof(basic), "size %Iu\n", size);

    /* NULL: the process's context, itself named NULL */
    memset(&basic, 0xcc, sizeof(basic));
    ok(QueryActCtxW(0, NULL, NULL, ActivationContextBasicInformation, &basic, sizeof(basic), &size),
       "basic information of NULL failed: %lu\n", GetLastError());
    ok(basic.hActCtx == NULL, "handle %p\n", basic.hActCtx);
}

static void test_detailed_query(HANDLE h)
{
    union { ACTIVATION_CONTEXT_DETAILED_INFORMATION info; BYTE bytes[2048]; } d;
    union { ACTIVATION_CONTEXT_ASSEMBLY_DETAILED_INFORMATION info; BYTE bytes[2048]; } a;
    union { ASSEMBLY_FILE_DETAILED_INFORMATION info; BYTE bytes[1024]; } f;
    ACTIVATION_CONTEXT_QUERY_INDEX index;
    SIZE_T size = 0, needed = 0;
    DWORD assembly = 1;
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = QueryActCtxW(0, h, NULL, ActivationContextDetailedInformation, &d, 8, &needed);
    ok(!ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "small buffer: %d %lu\n", ret, GetLastError());
    ok(needed > sizeof(d.info), "needed %Iu\n", needed);

    memset(&d, 0xcc, sizeof(d));
    ok(QueryActCtxW(0, h, NULL, ActivationContextDetailedInformation, &d, sizeof(d), &size),
       "detailed information failed: %lu\n", GetLastError());
    ok(size == needed, "size %Iu, needed %Iu\n", size, needed);
    ok(d.info.dwFlags == 0, "flags %lx\n", d.info.dwFlags);
    ok(d.info.ulFormatVersion == 1, "format %lu\n", d.info.ulFormatVersion);
    ok(d.info.ulAssemblyCount == 1, "assemblies %lu\n", d.info.ulAssemblyCount);
    ok(d.info.ulRootManifestPathType == ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE, "path type %lu\n",
       d.info.ulRootManifestPathType);
    ok(d.info.ulRootManifestPathChars == wcslen(main_path), "path chars %lu\n", d.info.ulRootManifestPathChars);
    ok(d.info.lpRootManifestPath && !wcscmp(d.info.lpRootManifestPath, main_path), "path %ls\n",
       d.info.lpRootManifestPath);
    ok(d.info.ulRootConfigurationPathType == ACTIVATION_CONTEXT_PATH_TYPE_NONE, "config type %lu\n",
       d.info.ulRootConfigurationPathType);
    ok(d.info.ulRootConfigurationPathChars == 0 && !d.info.lpRootConfigurationPath, "a config path\n");
    /* the application's folder is the exe's, not the manifest's */
    ok(d.info.ulAppDirPathType == ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE, "dir type %lu\n", d.info.ulAppDirPathType);
    ok(d.info.lpAppDirPath && !wcscmp(d.info.lpAppDirPath, app_dir), "dir %ls\n", d.info.lpAppDirPath);
    ok(d.info.ulAppDirPathChars == wcslen(app_dir), "dir chars %lu\n", d.info.ulAppDirPathChars);

    memset(&a, 0xcc, sizeof(a));
    ok(QueryActCtxW(0, h, &assembly, AssemblyDetailedInformationInActivationContext, &a, sizeof(a), &size),
       "assembly information failed: %lu\n", GetLastError());
    /* the name, then the other attributes in alphabetical order */
    ok(a.info.lpAssemblyEncodedAssemblyIdentity &&
       !wcscmp(a.info.lpAssemblyEncodedAssemblyIdentity,
               L"wlx.test.app,processorArchitecture=\"amd64\",type=\"win32\",version=\"1.2.3.4\""),
       "identity %ls\n", a.info.lpAssemblyEncodedAssemblyIdentity);
    ok(a.info.ulEncodedAssemblyIdentityLength ==
       wcslen(a.info.lpAssemblyEncodedAssemblyIdentity) * sizeof(WCHAR), "identity length %lu\n",
       a.info.ulEncodedAssemblyIdentityLength);
    ok(a.info.ulManifestPathType == ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE, "path type %lu\n",
       a.info.ulManifestPathType);
    ok(a.info.lpAssemblyManifestPath && !wcscmp(a.info.lpAssemblyManifestPath, main_path), "path %ls\n",
       a.info.lpAssemblyManifestPath);
    ok(a.info.ulManifestPathLength == wcslen(main_path) * sizeof(WCHAR), "path length %lu\n",
       a.info.ulManifestPathLength);
    ok(a.info.ulManifestVersionMajor == 1 && a.info.ulManifestVersionMinor == 0, "manifest version %lu.%lu\n",
       a.info.ulManifestVersionMajor, a.info.ulManifestVersionMinor);
    ok(a.info.ulPolicyPathType == ACTIVATION_CONTEXT_PATH_TYPE_NONE && !a.info.lpAssemblyPolicyPath,
       "policy path type %lu\n", a.info.ulPolicyPathType);

    assembly = 2;
    SetLastError(0xdeadbeef);
    ok(!QueryActCtxW(0, h, &assembly, AssemblyDetailedInformationInActivationContext, &a, sizeof(a), &size),
       "assembly 2 found\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* here both indexes count from 0 */
    index.ulAssemblyIndex = 0;
    index.ulFileIndexInAssembly = 0;
    memset(&f, 0xcc, sizeof(f));
    ok(QueryActCtxW(0, h, &index, FileInformationInAssemblyOfAssemblyInActivationContext, &f, sizeof(f), &size),
       "file information failed: %lu\n", GetLastError());
    ok(f.info.lpFileName && !wcscmp(f.info.lpFileName, L"wlxtestdll.dll"), "file %ls\n", f.info.lpFileName);
    ok(f.info.ulFilenameLength == 14 * sizeof(WCHAR), "name length %lu\n", f.info.ulFilenameLength);
    index.ulFileIndexInAssembly = 1;
    ok(QueryActCtxW(0, h, &index, FileInformationInAssemblyOfAssemblyInActivationContext, &f, sizeof(f), &size),
       "file information failed: %lu\n", GetLastError());
    ok(f.info.lpFileName && !wcscmp(f.info.lpFileName, L"second.dll"), "file %ls\n", f.info.lpFileName);
    index.ulFileIndexInAssembly = 2;
    SetLastError(0xdeadbeef);
    ok(!QueryActCtxW(0, h, &index, FileInformationInAssemblyOfAssemblyInActivationContext, &f, sizeof(f), &size),
       "third file found\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_runlevel_compat(HANDLE h)
{
    ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION run;
    union { DWORD count; BYTE bytes[512]; } c;
    struct compat_element *e = (struct compat_element *)(c.bytes + sizeof(ULONG_PTR));
    SIZE_T size;

    memset(&run, 0xcc, sizeof(run));
    ok(QueryActCtxW(0, h, NULL, RunlevelInformationInActivationContext, &run, sizeof(run), &size),
       "run level failed: %lu\n", GetLastError());
    ok(run.ulFlags == 0, "flags %lx\n", run.ulFlags);
    ok(run.RunLevel == ACTCTX_RUN_LEVEL_AS_INVOKER, "run level %d\n", run.RunLevel);
    ok(run.UiAccess == 0, "uiAccess %lu\n", run.UiAccess);

    memset(&c, 0xcc, sizeof(c));
    ok(QueryActCtxW(0, h, NULL, CompatibilityInformationInActivationContext, &c, sizeof(c), &size),
       "compatibility failed: %lu\n", GetLastError());
    ok(c.count == 1, "%lu elements\n", c.count);
    /* the elements follow the count at the alignment of their 64-bit member */
    ok(!memcmp(&e->Id, &win10_guid, sizeof(GUID)), "not the Windows 10 GUID\n");
    ok(e->Type == ACTCTX_COMPATIBILITY_ELEMENT_TYPE_OS, "type %d\n", e->Type);
}

static void test_settings(HANDLE h)
{
    WCHAR buf[32];
    SIZE_T size = 0;

    memset(buf, 0xcc, sizeof(buf));
    ok(QueryActCtxSettingsW(0, h, NULL, L"dpiAware", buf, 32, &size), "dpiAware: %lu\n", GetLastError());
    ok(!wcscmp(buf, L"true"), "dpiAware %ls\n", buf);
    ok(size == 5, "size %Iu\n", size);

    SetLastError(0xdeadbeef);
    size = 0;
    ok(!QueryActCtxSettingsW(0, h, NULL, L"dpiAware", buf, 2, &size), "small buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(size == 5, "size %Iu\n", size);

    /* only looked for in its own namespace */
    SetLastError(0xdeadbeef);
    ok(!QueryActCtxSettingsW(0, h, NULL, L"longPathAware", buf, 32, &size), "longPathAware in 2005\n");
    ok(GetLastError() == ERROR_SXS_KEY_NOT_FOUND, "error %lu\n", GetLastError());
    ok(QueryActCtxSettingsW(0, h, L"http://schemas.microsoft.com/SMI/2016/WindowsSettings", L"longPathAware",
                            buf, 32, &size), "longPathAware: %lu\n", GetLastError());
    ok(!wcscmp(buf, L"true"), "longPathAware '%ls'\n", buf);

    SetLastError(0xdeadbeef);
    ok(!QueryActCtxSettingsW(0, h, NULL, L"gdiScaling", buf, 32, &size), "absent setting found\n");
    ok(GetLastError() == ERROR_SXS_KEY_NOT_FOUND, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!QueryActCtxSettingsW(0, h, L"http://example.com/nothing", L"dpiAware", buf, 32, &size),
       "unknown namespace accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_section_strings(HANDLE h)
{
    ACTCTX_SECTION_KEYED_DATA data;
    ULONG_PTR cookie;

    memset(&data, 0, sizeof(data));
    data.cbSize = sizeof(data);
    SetLastError(0xdeadbeef);
    ok(!FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"wlxnothere.dll", &data),
       "absent DLL found\n");
    ok(GetLastError() == ERROR_SXS_KEY_NOT_FOUND, "error %lu\n", GetLastError());

    ok(ActivateActCtx(h, &cookie), "activate failed\n");
    SetLastError(0xdeadbeef);
    ok(!FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"wlxnothere.dll", &data),
       "absent DLL found\n");
    ok(GetLastError() == ERROR_SXS_KEY_NOT_FOUND, "error %lu\n", GetLastError());
    memset(&data, 0, sizeof(data));
    data.cbSize = sizeof(data);
    ok(FindActCtxSectionStringW(FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX, NULL,
                                ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"WLXTESTDLL.DLL", &data),
       "the manifest's DLL not found: %lu\n", GetLastError());
    ok(data.ulDataFormatVersion == 1, "format %lu\n", data.ulDataFormatVersion);
    ok(data.lpData != NULL, "no data\n");
    ok(data.hActCtx == h, "context %p\n", data.hActCtx);
    ok(data.ulAssemblyRosterIndex == 1, "roster index %lu\n", data.ulAssemblyRosterIndex);
    /* ACTIVATION_CONTEXT_DATA_DLL_REDIRECTION: its size first */
    ok(data.ulLength >= 20 && data.lpData && *(ULONG *)data.lpData == data.ulLength, "length %lu\n", data.ulLength);
    if (data.hActCtx == h) ReleaseActCtx(h);
    SetLastError(0xdeadbeef);
    ok(!FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_WINDOW_CLASS_REDIRECTION, L"Button", &data),
       "window class found\n");
    ok(GetLastError() == ERROR_SXS_KEY_NOT_FOUND, "error %lu\n", GetLastError());
    data.cbSize = 12;
    SetLastError(0xdeadbeef);
    ok(!FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"second.dll", &data),
       "cbSize 12 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    memset(&data, 0, sizeof(data));
    data.cbSize = sizeof(data);
    ok(FindActCtxSectionStringA(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, "second.dll", &data),
       "A: the manifest's DLL not found: %lu\n", GetLastError());
    ok(DeactivateActCtx(0, cookie), "deactivate failed\n");
}

static HANDLE thread_ctx1, thread_ctx2;
static DWORD caught;

static LONG CALLBACK catch_sxs(EXCEPTION_POINTERS *ptrs)
{
    DWORD code = ptrs->ExceptionRecord->ExceptionCode;
    if (code != STATUS_SXS_EARLY_DEACTIVATION && code != STATUS_SXS_INVALID_DEACTIVATION)
        return EXCEPTION_CONTINUE_SEARCH;
    caught = code;
    ExitThread(0);
}

/* deactivating below the top frame: STATUS_SXS_EARLY_DEACTIVATION */
static DWORD WINAPI early_thread(void *arg)
{
    ULONG_PTR c1, c2;

    ActivateActCtx(thread_ctx1, &c1);
    ActivateActCtx(thread_ctx2, &c2);
    DeactivateActCtx(0, c1);
    return 1;
}

/* a cookie that was never handed out: STATUS_SXS_INVALID_DEACTIVATION */
static DWORD WINAPI invalid_thread(void *arg)
{
    ULONG_PTR c1;

    ActivateActCtx(thread_ctx1, &c1);
    DeactivateActCtx(0, c1 + 0x1234560);
    return 1;
}

/* a new thread starts with its creator's active context */
static DWORD WINAPI inherit_thread(void *arg)
{
    HANDLE cur = (HANDLE)1;
    ULONG_PTR cookie;

    GetCurrentActCtx(&cur);
    if (cur != thread_ctx2) return 2;
    ReleaseActCtx(cur);
    /* and a stack of its own */
    if (!ActivateActCtx(thread_ctx1, &cookie)) return 3;
    return 1;
}

static DWORD run_thread(LPTHREAD_START_ROUTINE fn)
{
    HANDLE t = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    DWORD code = 0xdead;
    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}

static void test_activation(HANDLE h1, HANDLE h2)
{
    ULONG_PTR c1 = 0, c2 = 0, c3 = 0;
    HANDLE cur;
    void *veh;

    cur = (HANDLE)1;
    ok(GetCurrentActCtx(&cur), "GetCurrentActCtx failed\n");
    ok(cur == NULL, "active context %p before any activation\n", cur);

    ok(ActivateActCtx(h1, &c1), "activate 1 failed: %lu\n", GetLastError());
    ok(c1 != 0, "cookie 0\n");
    ok(GetCurrentActCtx(&cur) && cur == h1, "current %p, expected %p\n", cur, h1);
    if (cur) ReleaseActCtx(cur);
    ok(ActivateActCtx(h2, &c2), "activate 2 failed\n");
    ok(c2 != 0 && c2 != c1, "cookies %Ix %Ix\n", c1, c2);
    ok(GetCurrentActCtx(&cur) && cur == h2, "current %p, expected %p\n", cur, h2);
    if (cur) ReleaseActCtx(cur);

    thread_ctx1 = h1;
    thread_ctx2 = h2;
    ok(run_thread(inherit_thread) == 1, "the new thread's context was wrong\n");
    ok(GetCurrentActCtx(&cur) && cur == h2, "the thread changed this one's: current %p\n", cur);
    if (cur) ReleaseActCtx(cur);

    /* NULL activates "no context" */
    ok(ActivateActCtx(NULL, &c3), "activate NULL failed: %lu\n", GetLastError());
    ok(GetCurrentActCtx(&cur) && cur == NULL, "current %p after activating NULL\n", cur);
    ok(DeactivateActCtx(0, c3), "deactivate 3 failed\n");

    ok(DeactivateActCtx(0, c2), "deactivate 2 failed: %lu\n", GetLastError());
    ok(GetCurrentActCtx(&cur) && cur == h1, "current %p after deactivation, expected %p\n", cur, h1);
    if (cur) ReleaseActCtx(cur);
    ok(DeactivateActCtx(0, c1), "deactivate 1 failed\n");
    ok(GetCurrentActCtx(&cur) && cur == NULL, "current %p at the end\n", cur);

    /* deactivating with a wrong cookie raises */
    veh = AddVectoredExceptionHandler(1, catch_sxs);
    caught = 0;
    ok(run_thread(early_thread) == 0, "early deactivation returned\n");
    ok(caught == STATUS_SXS_EARLY_DEACTIVATION, "caught %lx\n", caught);
    caught = 0;
    ok(run_thread(invalid_thread) == 0, "invalid deactivation returned\n");
    ok(caught == STATUS_SXS_INVALID_DEACTIVATION, "caught %lx\n", caught);
    RemoveVectoredExceptionHandler(veh);

    /* FORCE_EARLY_DEACTIVATION pops down to the cookie's frame */
    ok(ActivateActCtx(h1, &c1) && ActivateActCtx(h2, &c2), "activate failed\n");
    ok(DeactivateActCtx(DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION, c1), "forced deactivation failed\n");
    ok(GetCurrentActCtx(&cur) && cur == NULL, "current %p after forced deactivation\n", cur);
}

static void test_query_active(HANDLE h)
{
    ACTIVATION_CONTEXT_BASIC_INFORMATION basic;
    ULONG_PTR cookie;
    SIZE_T size;

    ok(ActivateActCtx(h, &cookie), "activate failed\n");
    memset(&basic, 0xcc, sizeof(basic));
    ok(QueryActCtxW(QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX | QUERY_ACTCTX_FLAG_NO_ADDREF, NULL, NULL,
                    ActivationContextBasicInformation, &basic, sizeof(basic), &size),
       "query failed: %lu\n", GetLastError());
    ok(basic.hActCtx == h, "active %p, expected %p\n", basic.hActCtx, h);
    DeactivateActCtx(0, cookie);
}

static void test_resource(void)
{
    union { ACTIVATION_CONTEXT_DETAILED_INFORMATION info; BYTE bytes[2048]; } d;
    union { ACTIVATION_CONTEXT_ASSEMBLY_DETAILED_INFORMATION info; BYTE bytes[2048]; } a;
    DWORD assembly = 1;
    ACTCTXW ctx;
    ACTCTXA ctxA;
    char exe_pathA[MAX_PATH];
    HANDLE h;
    SIZE_T size;

    memset(&ctx, 0, sizeof(ctx));
    ctx.cbSize = sizeof(ctx);
    ctx.dwFlags = ACTCTX_FLAG_RESOURCE_NAME_VALID | ACTCTX_FLAG_HMODULE_VALID;
    ctx.hModule = GetModuleHandleW(NULL);
    ctx.lpSource = exe_path;
    ctx.lpResourceName = MAKEINTRESOURCEW(5);
    h = CreateActCtxW(&ctx);
    ok(h != INVALID_HANDLE_VALUE, "from the module's resource 5: %lu\n", GetLastError());
    if (h != INVALID_HANDLE_VALUE)
    {
        ok(QueryActCtxW(0, h, NULL, ActivationContextDetailedInformation, &d, sizeof(d), &size),
           "detailed failed: %lu\n", GetLastError());
        ok(d.info.ulAssemblyCount == 1, "assemblies %lu\n", d.info.ulAssemblyCount);
        ok(d.info.ulRootManifestPathType == ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE, "path type %lu\n",
           d.info.ulRootManifestPathType);
        ok(d.info.lpRootManifestPath && !wcscmp(d.info.lpRootManifestPath, exe_path), "path %ls\n",
           d.info.lpRootManifestPath);
        ok(QueryActCtxW(0, h, &assembly, AssemblyDetailedInformationInActivationContext, &a, sizeof(a), &size),
           "assembly failed: %lu\n", GetLastError());
        ok(a.info.lpAssemblyEncodedAssemblyIdentity &&
           !wcsncmp(a.info.lpAssemblyEncodedAssemblyIdentity, L"wlx.test.resource,", 18), "identity %ls\n",
           a.info.lpAssemblyEncodedAssemblyIdentity);
        ReleaseActCtx(h);
    }

    /* a named resource, through the A function, from the file */
    GetModuleFileNameA(NULL, exe_pathA, MAX_PATH);
    memset(&ctxA, 0, sizeof(ctxA));
    ctxA.cbSize = sizeof(ctxA);
    ctxA.dwFlags = ACTCTX_FLAG_RESOURCE_NAME_VALID;
    ctxA.lpSource = exe_pathA;
    ctxA.lpResourceName = "WLXMANIFEST";
    h = CreateActCtxA(&ctxA);
    ok(h != INVALID_HANDLE_VALUE, "from a named resource of the file: %lu\n", GetLastError());
    if (h != INVALID_HANDLE_VALUE) ReleaseActCtx(h);
}

static void test_dependency(void)
{
    ACTIVATION_CONTEXT_DETAILED_INFORMATION d[8];
    HANDLE h;
    SIZE_T size;

    /* a dependency on common controls 6 is found (Windows has it) */
    write_file(dep_path, dep_manifest, sizeof(dep_manifest) - 1);
    h = create_from_file(dep_path);
    ok(h != INVALID_HANDLE_VALUE, "common controls 6 dependency: %lu\n", GetLastError());
    if (h == INVALID_HANDLE_VALUE) return;
    ok(QueryActCtxW(0, h, NULL, ActivationContextDetailedInformation, d, sizeof(d), &size),
       "detailed failed: %lu\n", GetLastError());
    ok(d[0].ulAssemblyCount == 2, "assemblies %lu\n", d[0].ulAssemblyCount);
    ReleaseActCtx(h);
}

static void test_refcounts(HANDLE h)
{
    AddRefActCtx(h);
    ReleaseActCtx(h);
    ReleaseActCtx(NULL);                    /* ignored */
    AddRefActCtx(NULL);
    /* Wine's ZombifyActCtx is a stub that fails */
    todo_wine(ZombifyActCtx(h), "zombify failed: %lu\n", GetLastError());
}

int main(void)
{
    WCHAR temp[MAX_PATH];
    HANDLE h1, h2;

    test_start("kernel32:actctx");
    GetTempPathW(MAX_PATH, temp);
    swprintf(dir, MAX_PATH, L"%lswlx-actctx-%lu\\", temp, GetCurrentProcessId());
    CreateDirectoryW(dir, NULL);
    swprintf(main_path, MAX_PATH, L"%lsapp.manifest", dir);
    swprintf(bad_path, MAX_PATH, L"%lsbad.manifest", dir);
    swprintf(dep_path, MAX_PATH, L"%lsdep.manifest", dir);
    GetModuleFileNameW(NULL, exe_path, MAX_PATH);
    wcscpy(app_dir, exe_path);
    *(wcsrchr(app_dir, '\\') + 1) = 0;
    write_file(main_path, main_manifest, sizeof(main_manifest) - 1);

    test_create_errors();
    h1 = create_from_file(main_path);
    ok(h1 != INVALID_HANDLE_VALUE, "manifest file refused: %lu\n", GetLastError());
    h2 = create_from_file(main_path);
    ok(h2 != INVALID_HANDLE_VALUE && h2 != h1, "second context %p\n", h2);
    if (h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE)
    {
        test_basic_query(h1);
        test_detailed_query(h1);
        test_runlevel_compat(h1);
        test_settings(h1);
        test_section_strings(h1);
        test_activation(h1, h2);
        test_query_active(h1);
        test_refcounts(h2);
        ReleaseActCtx(h1);
        ReleaseActCtx(h2);
    }
    test_resource();
    test_dependency();

    DeleteFileW(main_path);
    DeleteFileW(bad_path);
    DeleteFileW(dep_path);
    RemoveDirectoryW(dir);
    return test_summary();
}
