/*
 * ntdll/unix/wincontext.h — the Windows x64 CONTEXT as the Unix side sees it
 * (documented layouts, fixed-width types), shared by signal.c (exceptions)
 * and context.c (contexts of suspended threads).
 */
#ifndef WLX_NTDLL_UNIX_WINCONTEXT_H
#define WLX_NTDLL_UNIX_WINCONTEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct { uint64_t Low; int64_t High; } M128A;

typedef struct {
    uint64_t PHome[6];
    uint32_t ContextFlags, MxCsr;
    uint16_t SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    uint32_t EFlags;
    uint64_t Dr[6];
    uint64_t Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15, Rip;
    uint8_t FltSave[512];                /* the FXSAVE image */
    M128A VectorRegister[26];
    uint64_t VectorControl, DebugControl, LastBranchToRip, LastBranchFromRip,
             LastExceptionToRip, LastExceptionFromRip;
} WIN_CONTEXT;

_Static_assert(offsetof(WIN_CONTEXT, Rax) == 0x78, "CONTEXT.Rax");
_Static_assert(offsetof(WIN_CONTEXT, Rip) == 0xf8, "CONTEXT.Rip");
_Static_assert(offsetof(WIN_CONTEXT, FltSave) == 0x100, "CONTEXT.FltSave");
_Static_assert(sizeof(WIN_CONTEXT) == 0x4d0, "CONTEXT");

/* CONTEXT_EX follows a CONTEXT that has CONTEXT_XSTATE: chunk offsets are
   relative to the CONTEXT_EX itself; XState points at an XSAVE area header
   (mask, compaction mask, reserved) followed by the extended features */
typedef struct { int32_t Offset; uint32_t Length; } WIN_CONTEXT_CHUNK;
typedef struct { WIN_CONTEXT_CHUNK All, Legacy, XState; uint64_t align; } WIN_CONTEXT_EX;

#define CONTEXT_AMD64_FLAG       0x100000
#define CONTEXT_CONTROL_FLAGS    0x100001
#define CONTEXT_INTEGER_FLAGS    0x100002
#define CONTEXT_FLOATING_FLAGS   0x100008
#define CONTEXT_XSTATE_FLAGS     0x100040
#define CONTEXT_DEBUG_FLAGS      0x100010
#define CONTEXT_ALL_AMD64        0x10001f   /* control, integer, segments, floating point, debug */

#define XSTATE_MASK_AVX          4
#define XSAVE_AVX_OFFSET         576        /* YMM upper halves in the standard XSAVE layout */
#define XSAVE_AVX_SIZE           256

/* Zeroing and copying with 16-byte moves kept inline (sizes: multiples of
   8 known at compile time). On the fault path a memset or memcpy of a
   CONTEXT became "rep stos" or "rep movs", whose start-up cost was nine
   tenths of context_from_ucontext's time (perf, bench/avcatch). */
typedef uint64_t wlx_block16 __attribute__((vector_size(16), aligned(1), may_alias));
typedef uint64_t wlx_word8 __attribute__((aligned(1), may_alias));

static inline __attribute__((always_inline)) void wlx_zero_blocks(void *p, size_t size)
{
#pragma GCC unroll 32
    for (size_t i = 0; i < size / 16; i++) ((wlx_block16 *)p)[i] = (wlx_block16){ 0, 0 };
    if (size % 16) *(wlx_word8 *)((uint8_t *)p + size - 8) = 0;
}

static inline __attribute__((always_inline)) void wlx_copy_blocks(void *dst, const void *src, size_t size)
{
#pragma GCC unroll 32
    for (size_t i = 0; i < size / 16; i++) ((wlx_block16 *)dst)[i] = ((const wlx_block16 *)src)[i];
    if (size % 16) *(wlx_word8 *)((uint8_t *)dst + size - 8) = *(const wlx_word8 *)((const uint8_t *)src + size - 8);
}

struct ucontext_t;
/* context.c */
void context_from_ucontext(WIN_CONTEXT *c, const struct ucontext_t *uc);

#endif
