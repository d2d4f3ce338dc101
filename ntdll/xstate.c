/*
 * ntdll/xstate.c — extended CONTEXTs (CONTEXT_XSTATE): which processor
 * state components are enabled, the layout of a CONTEXT followed by its
 * CONTEXT_EX and XSAVE area, locating a feature in it, its feature mask,
 * and copying contexts part by part.
 *
 * Layout (as Windows x64 lays it out): the CONTEXT 16-byte aligned in the
 * caller's buffer, the CONTEXT_EX right after it, the XSAVE area header
 * 64-byte aligned after that, then the features. The lengths asked for
 * assume an 8-byte aligned buffer. Of the extended features wlx knows AVX
 * (the upper halves of ymm0-15), at the same place in the compacted and
 * the standard form: right after the header.
 */
#include "private.h"
#include "wlx/xstate.h"

#define LEGACY_FEATURES   3ULL          /* x87, SSE: in the CONTEXT itself */
#define AVX_FEATURE       4ULL
#define AVX_SIZE          256
#define XSAVE_HEADER_SIZE 64
#define COMPACTED_FORM    0x8000000000000000ULL
#define VALID_FLAGS       (CONTEXT_AMD64 | 0x5f | 0x20000000 | 0x40000000 | 0x80000000)

static void cpuid(unsigned int leaf, unsigned int sub, unsigned int regs[4])
{
    __asm__ ("cpuid" : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3]) : "a"(leaf), "c"(sub));
}

/* x87 and SSE always; AVX when the processor has it and the kernel enabled
   it in XCR0 */
static ULONG64 enabled_features(void)
{
    static ULONG64 enabled;
    if (!enabled)
    {
        unsigned int r[4], lo, hi;
        ULONG64 features = LEGACY_FEATURES;
        cpuid(1, 0, r);
        if ((r[2] & (1u << 27)) && (r[2] & (1u << 28)))   /* OSXSAVE, AVX */
        {
            __asm__ ("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
            if ((lo & 7) == 7) features |= AVX_FEATURE;
        }
        enabled = features;
    }
    return enabled;
}

/* does the processor save in the compacted form (XSAVEC)? */
static BOOL compaction_enabled(void)
{
    static int compaction = -1;
    if (compaction < 0)
    {
        unsigned int r[4];
        cpuid(0, 0, r);
        compaction = 0;
        if (r[0] >= 0xd && (enabled_features() & AVX_FEATURE)) { cpuid(0xd, 1, r); compaction = (r[0] & 2) != 0; }
    }
    return compaction;
}

/* the extended features a context made with this compaction mask holds */
static ULONG64 context_features(ULONG64 compaction_mask)
{
    ULONG64 features = enabled_features() & ~LEGACY_FEATURES;
    return compaction_enabled() ? features & compaction_mask : features;
}

static ULONG features_size(ULONG64 features)
{
    return (features & AVX_FEATURE) ? AVX_SIZE : 0;
}

static BOOL valid_flags(ULONG flags)
{
    return (flags & CONTEXT_AMD64) && !(flags & ~VALID_FLAGS);
}

static ULONG64 *xstate_header(WLX_CONTEXT_EX *ex)
{
    return (ULONG64 *)((BYTE *)ex + ex->XState.Offset);
}

ULONG64 NTAPI RtlGetEnabledExtendedFeatures(ULONG64 mask)
{
    return enabled_features() & mask;
}

NTSTATUS NTAPI RtlGetExtendedContextLength2(ULONG flags, ULONG *length, ULONG64 compaction_mask)
{
    if (!valid_flags(flags)) return STATUS_INVALID_PARAMETER;
    /* 7 and 56: aligning an 8-aligned buffer to 16, then to 64 */
    ULONG size = sizeof(CONTEXT) + sizeof(WLX_CONTEXT_EX) + 7;
    if ((flags & CONTEXT_XSTATE) == CONTEXT_XSTATE)
    {
        if (!(enabled_features() & AVX_FEATURE)) return STATUS_NOT_SUPPORTED;
        size += XSAVE_HEADER_SIZE + features_size(context_features(compaction_mask)) + 56;
    }
    *length = size;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlGetExtendedContextLength(ULONG flags, ULONG *length)
{
    return RtlGetExtendedContextLength2(flags, length, ~0ULL);
}

NTSTATUS NTAPI RtlInitializeExtendedContext2(void *buffer, ULONG flags, WLX_CONTEXT_EX **ex_out, ULONG64 compaction_mask)
{
    ULONG length;
    NTSTATUS status = RtlGetExtendedContextLength2(flags, &length, compaction_mask);
    if (status) return status;
    CONTEXT *ctx = (CONTEXT *)(((ULONG_PTR)buffer + 15) & ~(ULONG_PTR)15);
    WLX_CONTEXT_EX *ex = (WLX_CONTEXT_EX *)(ctx + 1);
    ctx->ContextFlags = flags;
    ex->Legacy.Offset = -(LONG)sizeof(CONTEXT);
    ex->Legacy.Length = sizeof(CONTEXT);
    ex->XState.Offset = sizeof(*ex);
    ex->XState.Length = 0;
    if ((flags & CONTEXT_XSTATE) == CONTEXT_XSTATE)
    {
        ULONG64 features = context_features(compaction_mask);
        ULONG64 *hdr = (ULONG64 *)(((ULONG_PTR)(ex + 1) + 63) & ~(ULONG_PTR)63);
        memset(hdr, 0, XSAVE_HEADER_SIZE);
        if (compaction_enabled()) hdr[1] = COMPACTED_FORM | (enabled_features() & compaction_mask);
        ex->XState.Offset = (LONG)((BYTE *)hdr - (BYTE *)ex);
        ex->XState.Length = XSAVE_HEADER_SIZE + features_size(features);
    }
    ex->All.Offset = -(LONG)sizeof(CONTEXT);
    ex->All.Length = sizeof(CONTEXT) + ex->XState.Offset + ex->XState.Length;
    *ex_out = ex;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlInitializeExtendedContext(void *buffer, ULONG flags, WLX_CONTEXT_EX **ex)
{
    return RtlInitializeExtendedContext2(buffer, flags, ex, ~0ULL);
}

void * NTAPI RtlLocateLegacyContext(WLX_CONTEXT_EX *ex, ULONG *length)
{
    if (length) *length = ex->Legacy.Length;
    return (BYTE *)ex + ex->Legacy.Offset;
}

/* an extended feature (2 and up; the legacy ones live in the CONTEXT) */
void * NTAPI RtlLocateExtendedFeature(WLX_CONTEXT_EX *ex, ULONG id, ULONG *length)
{
    if (id != 2 || ex->XState.Length < XSAVE_HEADER_SIZE + AVX_SIZE) return NULL;
    ULONG64 *hdr = xstate_header(ex);
    if ((hdr[1] & COMPACTED_FORM) && !(hdr[1] & AVX_FEATURE)) return NULL;
    if (length) *length = AVX_SIZE;
    return (BYTE *)hdr + XSAVE_HEADER_SIZE;
}

void * NTAPI RtlLocateExtendedFeature2(WLX_CONTEXT_EX *ex, ULONG id, void *configuration, ULONG *length)
{
    (void)configuration;
    return RtlLocateExtendedFeature(ex, id, length);
}

void NTAPI RtlSetExtendedFeaturesMask(WLX_CONTEXT_EX *ex, ULONG64 mask)
{
    xstate_header(ex)[0] = mask & enabled_features() & ~LEGACY_FEATURES;
}

ULONG64 NTAPI RtlGetExtendedFeaturesMask(WLX_CONTEXT_EX *ex)
{
    return xstate_header(ex)[0];
}

/* --- copying ---------------------------------------------------------------- */

static BOOL has(ULONG flags, ULONG part)
{
    return (flags & part) == part;
}

/* the XSTATE part: the mask and the features it names */
static void copy_xstate(CONTEXT *dst, const CONTEXT *src)
{
    WLX_CONTEXT_EX *dex = (WLX_CONTEXT_EX *)(dst + 1), *sex = (WLX_CONTEXT_EX *)(src + 1);
    ULONG64 mask = RtlGetExtendedFeaturesMask(sex);
    void *to = RtlLocateExtendedFeature(dex, 2, NULL), *from = RtlLocateExtendedFeature(sex, 2, NULL);
    RtlSetExtendedFeaturesMask(dex, mask);
    if ((mask & AVX_FEATURE) && to && from) memcpy(to, from, AVX_SIZE);
}

/* the parts flags names that src holds; dst then holds them too */
NTSTATUS NTAPI RtlCopyContext(CONTEXT *dst, DWORD flags, CONTEXT *src)
{
    if (!valid_flags(flags)) return STATUS_INVALID_PARAMETER;
    DWORD copy = flags & src->ContextFlags;
    if (has(copy, CONTEXT_XSTATE) && !has(dst->ContextFlags, CONTEXT_XSTATE)) return STATUS_BUFFER_OVERFLOW;
    if (has(copy, CONTEXT_CONTROL))
    {
        dst->SegCs = src->SegCs; dst->SegSs = src->SegSs; dst->EFlags = src->EFlags;
        dst->Rsp = src->Rsp; dst->Rip = src->Rip;
    }
    if (has(copy, CONTEXT_INTEGER))
    {
        dst->Rax = src->Rax; dst->Rcx = src->Rcx; dst->Rdx = src->Rdx; dst->Rbx = src->Rbx;
        dst->Rbp = src->Rbp; dst->Rsi = src->Rsi; dst->Rdi = src->Rdi; dst->R8 = src->R8;
        dst->R9 = src->R9; dst->R10 = src->R10; dst->R11 = src->R11; dst->R12 = src->R12;
        dst->R13 = src->R13; dst->R14 = src->R14; dst->R15 = src->R15;
    }
    if (has(copy, CONTEXT_SEGMENTS))
    {
        dst->SegDs = src->SegDs; dst->SegEs = src->SegEs; dst->SegFs = src->SegFs; dst->SegGs = src->SegGs;
    }
    if (has(copy, CONTEXT_FLOATING_POINT))
    {
        dst->MxCsr = src->MxCsr;
        dst->FltSave = src->FltSave;
    }
    if (has(copy, CONTEXT_DEBUG_REGISTERS))
    {
        dst->Dr0 = src->Dr0; dst->Dr1 = src->Dr1; dst->Dr2 = src->Dr2; dst->Dr3 = src->Dr3;
        dst->Dr6 = src->Dr6; dst->Dr7 = src->Dr7;
    }
    if (has(copy, CONTEXT_XSTATE)) copy_xstate(dst, src);
    dst->ContextFlags |= copy;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlCopyExtendedContext(WLX_CONTEXT_EX *dst, ULONG flags, WLX_CONTEXT_EX *src)
{
    return RtlCopyContext(RtlLocateLegacyContext(dst, NULL), flags, RtlLocateLegacyContext(src, NULL));
}
