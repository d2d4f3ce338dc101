/*
 * kernel32/xstate.c — extended contexts (CONTEXT_XSTATE: the AVX state) for
 * GetThreadContext/SetThreadContext: InitializeContext(2), the features
 * enabled, locating one, the feature mask, CopyContext. ntdll/xstate.c
 * does the work; the legacy features (x87, SSE) live in the CONTEXT itself.
 */
#include "private.h"
#include "wlx/xstate.h"

#define LEGACY_FEATURES 3ULL

static WLX_CONTEXT_EX *context_ex(CONTEXT *ctx)
{
    return (WLX_CONTEXT_EX *)(ctx + 1);
}

static BOOL has_xstate(const CONTEXT *ctx)
{
    return (ctx->ContextFlags & CONTEXT_XSTATE) == CONTEXT_XSTATE;
}

DWORD64 WINAPI GetEnabledXStateFeatures(void)
{
    return RtlGetEnabledExtendedFeatures(~0ULL);
}

/* tests/kernel32/context.c: without a buffer, or with too small a one, the
   length needed and ERROR_INSUFFICIENT_BUFFER */
BOOL WINAPI InitializeContext2(void *buffer, DWORD flags, CONTEXT **context, DWORD *length, ULONG64 compaction_mask)
{
    ULONG needed;
    WLX_CONTEXT_EX *ex;
    if (!set_ntstatus(RtlGetExtendedContextLength2(flags, &needed, compaction_mask))) return FALSE;
    if (!buffer || *length < needed)
    {
        *length = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (!set_ntstatus(RtlInitializeExtendedContext2(buffer, flags, &ex, compaction_mask))) return FALSE;
    *context = (CONTEXT *)((BYTE *)ex + ex->Legacy.Offset);
    return TRUE;
}

BOOL WINAPI InitializeContext(void *buffer, DWORD flags, CONTEXT **context, DWORD *length)
{
    return InitializeContext2(buffer, flags, context, length, ~0ULL);
}

/* x87 state and the xmm registers are in FltSave; AVX after the header */
void * WINAPI LocateXStateFeature(CONTEXT *ctx, DWORD id, DWORD *length)
{
    if (!(ctx->ContextFlags & CONTEXT_AMD64)) return NULL;
    if (id == 0)
    {
        if (length) *length = offsetof(XSAVE_FORMAT, XmmRegisters);
        return &ctx->FltSave;
    }
    if (id == 1)
    {
        if (length) *length = sizeof(ctx->FltSave.XmmRegisters);
        return &ctx->FltSave.XmmRegisters;
    }
    if (!has_xstate(ctx)) return NULL;
    return RtlLocateExtendedFeature(context_ex(ctx), id, length);
}

BOOL WINAPI SetXStateFeaturesMask(CONTEXT *ctx, DWORD64 mask)
{
    if (!has_xstate(ctx)) return FALSE;
    RtlSetExtendedFeaturesMask(context_ex(ctx), mask);
    return TRUE;
}

/* the legacy features count as present with CONTEXT_FLOATING_POINT */
BOOL WINAPI GetXStateFeaturesMask(CONTEXT *ctx, DWORD64 *mask)
{
    if (!(ctx->ContextFlags & CONTEXT_AMD64)) return FALSE;
    *mask = (ctx->ContextFlags & CONTEXT_FLOATING_POINT) == CONTEXT_FLOATING_POINT ? LEGACY_FEATURES : 0;
    if (has_xstate(ctx)) *mask |= RtlGetExtendedFeaturesMask(context_ex(ctx));
    return TRUE;
}

BOOL WINAPI CopyContext(CONTEXT *dst, DWORD flags, CONTEXT *src)
{
    return set_ntstatus(RtlCopyContext(dst, flags, src));
}
