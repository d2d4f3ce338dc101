/*
 * ntdll/sysinfo.c — system information on ntdll's PE side: processor
 * features (cpuid), the version check of RtlVerifyVersionInfo and its
 * condition masks, the product type.
 *
 * Sections: processor features · version checks · product.
 */
#include "private.h"
#include "wlx/sysinfo.h"

#ifndef STATUS_REVISION_MISMATCH
#define STATUS_REVISION_MISMATCH ((NTSTATUS)0xC0000059)
#endif

NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOW *);   /* misc.c */

NTSTATUS NTAPI RtlGetNativeSystemInformation(SYSTEM_INFORMATION_CLASS class, void *buf, ULONG len, ULONG *ret)
{
    return NtQuerySystemInformation(class, buf, len, ret);   /* a 64-bit process is native */
}

/* --- processor features ------------------------------------------------------ */

/* The table is computed once; cpuid is slow under a hypervisor. */
BOOLEAN NTAPI RtlIsProcessorFeaturePresent(ULONG feature)
{
    static BYTE features[64];
    static LONG done;
    if (!done)
    {
        wlx_cpu_features(features);
        InterlockedExchange(&done, 1);
    }
    return feature < 64 && features[feature];
}

/* --- version checks ---------------------------------------------------------- */

/* Each VER_* type bit owns 3 bits of the condition mask, in bit order. */
static unsigned condition_of(ULONGLONG conditions, DWORD type)
{
    unsigned i = 0;
    while (!(type & 1)) { type >>= 1; i++; }
    return (conditions >> (3 * i)) & 7;
}

ULONGLONG NTAPI VerSetConditionMask(ULONGLONG conditions, DWORD type, BYTE condition)
{
    condition &= 7;
    if (!condition) return conditions;
    for (unsigned i = 0; i < 8; i++)
        if (type & (1u << i))
            conditions = (conditions & ~(7ULL << (3 * i))) | ((ULONGLONG)condition << (3 * i));
    return conditions;
}

static BOOL compare(ULONGLONG have, ULONGLONG want, unsigned condition)
{
    switch (condition)
    {
    case VER_EQUAL: return have == want;
    case VER_GREATER: return have > want;
    case VER_GREATER_EQUAL: return have >= want;
    case VER_LESS: return have < want;
    case VER_LESS_EQUAL: return have <= want;
    default: return FALSE;
    }
}

/* Major, minor and service pack numbers form one version compared as a
   whole under the condition of its most significant part that was asked. */
static BOOL compare_version(const OSVERSIONINFOEXW *have, const OSVERSIONINFOEXW *want, DWORD type,
                            ULONGLONG conditions)
{
    static const DWORD order[4] = { VER_MAJORVERSION, VER_MINORVERSION, VER_SERVICEPACKMAJOR, VER_SERVICEPACKMINOR };
    ULONGLONG h = 0, w = 0;
    unsigned condition = 0;
    DWORD hv[4] = { have->dwMajorVersion, have->dwMinorVersion, have->wServicePackMajor, have->wServicePackMinor };
    DWORD wv[4] = { want->dwMajorVersion, want->dwMinorVersion, want->wServicePackMajor, want->wServicePackMinor };

    for (int i = 0; i < 4; i++)
    {
        h <<= 16; w <<= 16;
        if (!(type & order[i])) continue;
        if (!condition) condition = condition_of(conditions, order[i]);
        h |= hv[i] & 0xffff; w |= wv[i] & 0xffff;
    }
    return !condition || compare(h, w, condition);
}

NTSTATUS NTAPI __wlx_verify_version(const OSVERSIONINFOEXW *have, const OSVERSIONINFOEXW *want, DWORD type,
                                    ULONGLONG conditions)
{
    if (!type || !conditions) return STATUS_INVALID_PARAMETER;
    if (!compare_version(have, want, type, conditions)) return STATUS_REVISION_MISMATCH;
    if ((type & VER_BUILDNUMBER) &&
        !compare(have->dwBuildNumber, want->dwBuildNumber, condition_of(conditions, VER_BUILDNUMBER)))
        return STATUS_REVISION_MISMATCH;
    if ((type & VER_PLATFORMID) &&
        !compare(have->dwPlatformId, want->dwPlatformId, condition_of(conditions, VER_PLATFORMID)))
        return STATUS_REVISION_MISMATCH;
    if ((type & VER_PRODUCT_TYPE) &&
        !compare(have->wProductType, want->wProductType, condition_of(conditions, VER_PRODUCT_TYPE)))
        return STATUS_REVISION_MISMATCH;
    if (type & VER_SUITENAME)
    {
        unsigned c = condition_of(conditions, VER_SUITENAME);
        WORD common = have->wSuiteMask & want->wSuiteMask;
        if (c == VER_AND ? common != want->wSuiteMask : !common) return STATUS_REVISION_MISMATCH;
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlVerifyVersionInfo(const OSVERSIONINFOEXW *want, DWORD type, ULONGLONG conditions)
{
    OSVERSIONINFOEXW have = { sizeof(have) };
    RtlGetVersion((OSVERSIONINFOW *)&have);
    return __wlx_verify_version(&have, want, type, conditions);
}

/* --- product ------------------------------------------------------------------- */

BOOLEAN NTAPI RtlGetProductInfo(DWORD major, DWORD minor, DWORD sp_major, DWORD sp_minor, DWORD *type)
{
    (void)minor; (void)sp_major; (void)sp_minor;
    if (major < 6) { *type = PRODUCT_UNDEFINED; return FALSE; }   /* product types came with Vista */
    *type = PRODUCT_PROFESSIONAL;
    return TRUE;
}
