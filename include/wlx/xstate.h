/*
 * include/wlx/xstate.h — extended CONTEXTs (CONTEXT_XSTATE) on the PE side:
 * the documented CONTEXT_EX that follows such a CONTEXT, and ntdll's Rtl
 * functions over it (ntdll/xstate.c), which kernel32's InitializeContext,
 * LocateXStateFeature, CopyContext… (kernel32/xstate.c) wrap. mingw-w64's
 * headers lack both.
 */
#ifndef WLX_XSTATE_H
#define WLX_XSTATE_H

#ifndef CONTEXT_XSTATE
#define CONTEXT_XSTATE (CONTEXT_AMD64 | 0x40)
#endif

/* chunk offsets are relative to the CONTEXT_EX itself */
typedef struct { LONG Offset; ULONG Length; } WLX_CONTEXT_CHUNK;
typedef struct {
    WLX_CONTEXT_CHUNK All;      /* the CONTEXT through the end of the XSTATE area */
    WLX_CONTEXT_CHUNK Legacy;   /* the CONTEXT */
    WLX_CONTEXT_CHUNK XState;   /* XSAVE_AREA_HEADER, then the features */
    ULONG64 align;
} WLX_CONTEXT_EX;

ULONG64 NTAPI RtlGetEnabledExtendedFeatures(ULONG64 mask);
NTSTATUS NTAPI RtlGetExtendedContextLength2(ULONG flags, ULONG *length, ULONG64 compaction_mask);
NTSTATUS NTAPI RtlInitializeExtendedContext2(void *buffer, ULONG flags, WLX_CONTEXT_EX **ex, ULONG64 compaction_mask);
void * NTAPI RtlLocateExtendedFeature(WLX_CONTEXT_EX *ex, ULONG id, ULONG *length);
void NTAPI RtlSetExtendedFeaturesMask(WLX_CONTEXT_EX *ex, ULONG64 mask);
ULONG64 NTAPI RtlGetExtendedFeaturesMask(WLX_CONTEXT_EX *ex);
NTSTATUS NTAPI RtlCopyContext(CONTEXT *dst, DWORD flags, CONTEXT *src);

#endif
