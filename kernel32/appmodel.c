/*
 * kernel32/appmodel.c — package identity (appmodel.h). A program run by
 * wlx is a desktop program: it has no package and no application user
 * model id. Programs ask at start to choose between packaged and
 * unpackaged paths, so the answers are Windows' for an unpackaged process:
 * APPMODEL_ERROR_NO_PACKAGE (15700), and for the application id
 * APPMODEL_ERROR_NO_APPLICATION (15703), the length left as it was.
 *
 * The length parameter is required (ERROR_INVALID_PARAMETER without it),
 * and a buffer is required when the length says there is one.
 */
#include "private.h"

#ifndef APPMODEL_ERROR_NO_PACKAGE
#define APPMODEL_ERROR_NO_PACKAGE     15700
#endif
#ifndef APPMODEL_ERROR_NO_APPLICATION
#define APPMODEL_ERROR_NO_APPLICATION 15703
#endif

/* the answer for this process, after the length parameter's checks */
static LONG no_identity(const UINT32 *length, const void *buffer, LONG error)
{
    if (!length || (*length && !buffer)) return ERROR_INVALID_PARAMETER;
    return error;
}

/* another process: checked to be one, and no more a package than this one */
static LONG no_identity_of(HANDLE process, const UINT32 *length, const void *buffer)
{
    if (!process || (process != GetCurrentProcess() && !GetProcessId(process))) return ERROR_INVALID_HANDLE;
    return no_identity(length, buffer, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentPackageFullName(UINT32 *length, PWSTR name)
{
    return no_identity(length, name, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentPackageFamilyName(UINT32 *length, PWSTR name)
{
    return no_identity(length, name, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentPackageId(UINT32 *length, BYTE *buffer)
{
    return no_identity(length, buffer, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentPackagePath(UINT32 *length, PWSTR path)
{
    return no_identity(length, path, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentPackageInfo(UINT32 flags, UINT32 *length, BYTE *buffer, UINT32 *count)
{
    (void)flags;
    (void)count;
    return no_identity(length, buffer, APPMODEL_ERROR_NO_PACKAGE);
}

LONG WINAPI GetCurrentApplicationUserModelId(UINT32 *length, PWSTR id)
{
    return no_identity(length, id, APPMODEL_ERROR_NO_APPLICATION);
}

LONG WINAPI GetPackageFamilyName(HANDLE process, UINT32 *length, PWSTR name)
{
    return no_identity_of(process, length, name);
}

LONG WINAPI GetPackageFullName(HANDLE process, UINT32 *length, PWSTR name)
{
    return no_identity_of(process, length, name);
}

LONG WINAPI GetApplicationUserModelId(HANDLE process, UINT32 *length, PWSTR id)
{
    LONG ret = no_identity_of(process, length, id);
    return ret == APPMODEL_ERROR_NO_PACKAGE ? APPMODEL_ERROR_NO_APPLICATION : ret;
}

/* --- app policies ---------------------------------------------------------------------------
 * The policies of a desktop program (appmodel.h's AppPolicy* enums), asked
 * by the C runtime (how to end the process, how to start threads) and by
 * frameworks: ExitProcess to end, no WinRT thread initialization, the
 * classic desktop windowing model, developer diagnostics shown, an
 * unmanaged lifecycle, full file access, the classic-desktop CLR, every
 * Media Foundation codec. */

static LONG policy(ULONG *out, ULONG value)
{
    if (!out) return ERROR_INVALID_PARAMETER;
    *out = value;
    return ERROR_SUCCESS;
}

LONG WINAPI AppPolicyGetProcessTerminationMethod(HANDLE token, ULONG *out) { (void)token; return policy(out, 0); }
LONG WINAPI AppPolicyGetThreadInitializationType(HANDLE token, ULONG *out) { (void)token; return policy(out, 0); }
LONG WINAPI AppPolicyGetWindowingModel(HANDLE token, ULONG *out) { (void)token; return policy(out, 2); }
LONG WINAPI AppPolicyGetShowDeveloperDiagnostic(HANDLE token, ULONG *out) { (void)token; return policy(out, 1); }
LONG WINAPI AppPolicyGetLifecycleManagement(HANDLE token, ULONG *out) { (void)token; return policy(out, 0); }
LONG WINAPI AppPolicyGetCreateFileAccess(HANDLE token, ULONG *out) { (void)token; return policy(out, 0); }
LONG WINAPI AppPolicyGetClrCompat(HANDLE token, ULONG *out) { (void)token; return policy(out, 1); }
LONG WINAPI AppPolicyGetMediaFoundationCodecLoading(HANDLE token, ULONG *out) { (void)token; return policy(out, 0); }

/* a DLL from the calling package's own graph: a process outside any
   package has none to load from */
HMODULE WINAPI LoadPackagedLibrary(LPCWSTR name, DWORD reserved)
{
    if (reserved || !name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    SetLastError(APPMODEL_ERROR_NO_PACKAGE);
    return NULL;
}
