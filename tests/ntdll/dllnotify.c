/*
 * tests/ntdll/dllnotify.c — LdrRegisterDllNotification: a callback told of
 * each DLL the process maps (LDR_DLL_NOTIFICATION_REASON_LOADED, with its
 * names, base and size) and unmaps (…_UNLOADED), until the registration is
 * removed; a cookie removed twice is refused.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

typedef struct {
    ULONG Flags;
    const UNICODE_STRING *FullDllName;
    const UNICODE_STRING *BaseDllName;
    void *DllBase;
    ULONG SizeOfImage;
} NOTIFICATION_DATA;

typedef void (CALLBACK *NOTIFICATION_FUNCTION)(ULONG, const NOTIFICATION_DATA *, void *);
static NTSTATUS (NTAPI *pLdrRegisterDllNotification)(ULONG, NOTIFICATION_FUNCTION, void *, void **);
static NTSTATUS (NTAPI *pLdrUnregisterDllNotification)(void *);

#define MAX_SEEN 32
static struct { ULONG reason; WCHAR base_name[MAX_PATH], full_name[MAX_PATH]; void *base; ULONG size; } seen[MAX_SEEN];
static int nseen;
static void *seen_context;

static void CALLBACK notified(ULONG reason, const NOTIFICATION_DATA *data, void *context)
{
    seen_context = context;
    if (nseen >= MAX_SEEN) return;
    seen[nseen].reason = reason;
    lstrcpynW(seen[nseen].base_name, data->BaseDllName->Buffer, min(MAX_PATH, data->BaseDllName->Length / 2 + 1));
    lstrcpynW(seen[nseen].full_name, data->FullDllName->Buffer, min(MAX_PATH, data->FullDllName->Length / 2 + 1));
    seen[nseen].base = data->DllBase;
    seen[nseen].size = data->SizeOfImage;
    nseen++;
}

static int find_seen(ULONG reason, const WCHAR *name)
{
    for (int i = 0; i < nseen; i++)
        if (seen[i].reason == reason && !lstrcmpiW(seen[i].base_name, name)) return i;
    return -1;
}

int main(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll"), dll;
    void *cookie = NULL;
    NTSTATUS status;
    int i;

    test_start("ntdll/dllnotify");
    pLdrRegisterDllNotification = (void *)GetProcAddress(ntdll, "LdrRegisterDllNotification");
    pLdrUnregisterDllNotification = (void *)GetProcAddress(ntdll, "LdrUnregisterDllNotification");
    if (!ok(pLdrRegisterDllNotification && pLdrUnregisterDllNotification, "no LdrRegisterDllNotification\n"))
        return test_summary();
    ok(!pLdrRegisterDllNotification(0, notified, (void *)0x1234, &cookie) && cookie, "register failed\n");
    ok(!GetModuleHandleA("version.dll"), "version.dll is loaded already\n");

    dll = LoadLibraryA("version.dll");
    ok(dll != NULL, "LoadLibrary(version.dll): %lu\n", GetLastError());
    i = find_seen(1, L"version.dll");
    ok(i >= 0, "no LOADED notification for version.dll (%d notifications)\n", nseen);
    if (i >= 0)
    {
        size_t n = lstrlenW(seen[i].full_name);
        ok(seen[i].base == dll, "base %p, module %p\n", seen[i].base, dll);
        ok(seen[i].size >= 0x1000, "size %#lx\n", seen[i].size);
        ok(n > 12 && !lstrcmpiW(seen[i].full_name + n - 12, L"\\version.dll"), "full name %ls\n", seen[i].full_name);
        ok(seen_context == (void *)0x1234, "context %p\n", seen_context);
    }
    ok(find_seen(2, L"version.dll") < 0, "UNLOADED before FreeLibrary\n");
    ok(FreeLibrary(dll), "FreeLibrary failed\n");
    i = find_seen(2, L"version.dll");
    ok(i >= 0, "no UNLOADED notification for version.dll\n");
    if (i >= 0) ok(seen[i].base == dll, "unloaded base %p, module %p\n", seen[i].base, dll);

    /* removed: no more notifications; a second removal is refused */
    ok(!pLdrUnregisterDllNotification(cookie), "unregister failed\n");
    status = pLdrUnregisterDllNotification(cookie);
    /* Windows refuses a cookie it no longer has; Wine 8 takes it again and
       answers success (it does not look the cookie up) */
    todo_wine(status == STATUS_DLL_NOT_FOUND, "a second unregister: %#lx\n", status);
    nseen = 0;
    dll = LoadLibraryA("version.dll");
    ok(dll && !nseen, "%d notifications after unregistering\n", nseen);
    FreeLibrary(dll);
    return test_summary();
}
