/*
 * dlls/msvcrt/cxx_fh4.c — reading __CxxFrameHandler4's compressed tables
 * (MSVC 2019 and later) for cxx_frame.c, from their published on-disk
 * description:
 *
 *   FuncInfo4     header byte (isCatch 0x01, isSeparated 0x02, BBT 0x04,
 *                 UnwindMap 0x08, TryBlockMap 0x10, EHs 0x20, NoExcept 0x40),
 *                 [bbtFlags], [unwind map rva], [try map rva], ip map rva
 *                 (or, separated, the rva of (start rva, ip map rva) pairs),
 *                 [dispFrame of a catch funclet]
 *   unwind map    count, then per state: (nextOffset << 2 | type), [action
 *                 rva], [object]; nextOffset goes back from the entry to the
 *                 entry of the state it leads to (before the first: -1)
 *   try map       count, then per try: low, high, catchHigh, handlers rva
 *   handlers      count, then per catch: header byte (adjectives 0x01,
 *                 type 0x02, catch object 0x04, continuations are rvas 0x08,
 *                 continuation count in bits 4-5), [adjectives], [type rva],
 *                 [catch object offset], funclet rva, [continuations]
 *   ip map        count, then (ip delta from the previous entry, state + 1)
 *
 * Counts, offsets and states are compressed unsigned integers: the low bits
 * of the first byte say the length (xxx0: 1 byte, xx01: 2, x011: 3, 0111:
 * 4, 1111: 5 with the value in the 4 bytes after it), the value is the
 * little-endian rest. Rvas are plain 4-byte integers. Nothing is aligned.
 */
#include "cxx.h"

#define FH4_IS_CATCH      0x01
#define FH4_IS_SEPARATED  0x02
#define FH4_BBT           0x04
#define FH4_UNWIND_MAP    0x08
#define FH4_TRY_MAP       0x10
#define FH4_EHS           0x20
#define FH4_NOEXCEPT      0x40

#define FH4_CATCH_ADJECTIVES  0x01
#define FH4_CATCH_TYPE        0x02
#define FH4_CATCH_OBJECT      0x04
#define FH4_CATCH_CONT_RVA    0x08

/* ---- integers ---- */

static UINT read_uint(const BYTE **p)
{
    const BYTE *b = *p;
    UINT value;
    if (!(b[0] & 1)) { value = b[0] >> 1; *p += 1; }
    else if (!(b[0] & 2)) { value = (b[0] >> 2) | (b[1] << 6); *p += 2; }
    else if (!(b[0] & 4)) { value = (b[0] >> 3) | (b[1] << 5) | (b[2] << 13); *p += 3; }
    else if (!(b[0] & 8)) { value = (b[0] >> 4) | (b[1] << 4) | (b[2] << 12) | ((UINT)b[3] << 20); *p += 4; }
    else { memcpy(&value, b + 1, 4); *p += 5; }
    return value;
}

static int read_int(const BYTE **p)
{
    int value;
    memcpy(&value, *p, 4);
    *p += 4;
    return value;
}

static const BYTE *fh4_rva(const struct cxx_frame *f, int offset)
{
    return (const BYTE *)(f->base + offset);
}

/* ---- the ip-to-state map ---- */

/* the map of this function or funclet: separated code has one per part */
static const BYTE *ip_map(const struct cxx_frame *f)
{
    const BYTE *header = f->info, *p;
    UINT count;
    if (!(header[0] & FH4_IS_SEPARATED)) return f->ip_rva ? fh4_rva(f, f->ip_rva) : NULL;
    p = fh4_rva(f, f->ip_rva);
    count = read_uint(&p);
    for (UINT i = 0; i < count; i++)
    {
        DWORD start = read_int(&p);
        int map = read_int(&p);
        if (start == f->func_rva) return fh4_rva(f, map);
    }
    return NULL;
}

static int fh4_ip_to_state(const struct cxx_frame *f, ULONG64 pc)
{
    const BYTE *p = ip_map(f);
    ULONG64 ip = f->base + f->func_rva;
    int state = -1;
    UINT count = p ? read_uint(&p) : 0;
    for (UINT i = 0; i < count; i++)
    {
        ip += read_uint(&p);
        if (ip > pc) break;
        state = (int)read_uint(&p) - 1;
    }
    return state;
}

/* ---- try blocks and catch blocks ---- */

static void read_try(const BYTE **p, struct cxx_try *t, const struct cxx_frame *f)
{
    const BYTE *catches;
    t->start_level = read_uint(p);
    t->end_level = read_uint(p);
    t->catch_level = read_uint(p);
    catches = fh4_rva(f, read_int(p));
    t->catch_count = read_uint(&catches);
    t->catches = catches;
}

static void fh4_get_try(const struct cxx_frame *f, UINT index, struct cxx_try *t)
{
    const BYTE *p = fh4_rva(f, f->try_rva);
    read_uint(&p);   /* the count */
    for (UINT i = 0; i <= index; i++) read_try(&p, t, f);
}

static void read_catch(const BYTE **p, struct cxx_catch *c, const struct cxx_frame *f)
{
    BYTE header = *(*p)++;
    memset(c, 0, sizeof(*c));
    if (header & FH4_CATCH_ADJECTIVES) c->flags = read_uint(p);
    if (header & FH4_CATCH_TYPE) c->type_rva = read_int(p);
    if (header & FH4_CATCH_OBJECT) c->object_offset = read_uint(p);
    c->handler_rva = read_int(p);
    c->cont_count = (header >> 4) & 3;
    if (c->cont_count > 2) c->cont_count = 0;   /* reserved */
    for (int i = 0; i < c->cont_count; i++)
        c->cont[i] = f->base + ((header & FH4_CATCH_CONT_RVA) ? (ULONG64)read_int(p) : f->func_rva + read_uint(p));
}

static void fh4_get_catch(const struct cxx_frame *f, const struct cxx_try *t, int index, struct cxx_catch *c)
{
    const BYTE *p = t->catches;
    for (int i = 0; i <= index; i++) read_catch(&p, c, f);
}

/* ---- the unwind map ---- */

static void read_unwind(const BYTE **p, struct cxx_unwind *u, UINT *back)
{
    UINT first = read_uint(p);
    static const int kinds[4] = { CXX_UNWIND_NONE, CXX_UNWIND_DTOR_OBJECT, CXX_UNWIND_DTOR_POINTER, CXX_UNWIND_FUNCLET };
    u->kind = kinds[first & 3];
    *back = first >> 2;
    u->action_rva = u->kind != CXX_UNWIND_NONE ? read_int(p) : 0;
    u->object = (u->kind == CXX_UNWIND_DTOR_OBJECT || u->kind == CXX_UNWIND_DTOR_POINTER) ? read_uint(p) : 0;
}

/* the state whose entry starts at target, from the entries' starts */
static int state_at(const struct cxx_frame *f, const BYTE *target)
{
    int lo = 0, hi = f->fh4_entry_count;
    while (lo < hi)
    {
        int mid = (lo + hi) / 2;
        if (f->fh4_entries[mid] == target) return mid;
        if (f->fh4_entries[mid] < target) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

/* entry state's cleanup, and the state it leads to: the entry nextOffset
   bytes back from it. The entries are variable-sized: a small map's
   starts were noted by cxx_fh4_init, a large one is read from its start. */
static void fh4_get_unwind(const struct cxx_frame *f, int state, struct cxx_unwind *u)
{
    const BYTE *p = fh4_rva(f, f->unwind_rva), *entry, *target;
    struct cxx_unwind skip;
    UINT back;
    if (state < f->fh4_entry_count)
    {
        entry = p = f->fh4_entries[state];
        read_unwind(&p, u, &back);
        u->to_state = state_at(f, entry - back);
        return;
    }
    read_uint(&p);   /* the count */
    const BYTE *first = p;
    for (int i = 0; i < state; i++) read_unwind(&p, &skip, &back);
    entry = p;
    read_unwind(&p, u, &back);
    target = entry - back;
    u->to_state = -1;
    for (int i = 0; i < state; i++)
    {
        if (first == target) { u->to_state = i; break; }
        read_unwind(&first, &skip, &back);
    }
}

/* one pass over the map: fh4_get_unwind decodes from the start each time */
static BOOL fh4_is_cleanup(const struct cxx_frame *f, DWORD func_rva)
{
    const BYTE *p;
    struct cxx_unwind u;
    UINT back;
    if (!f->unwind_rva) return FALSE;
    p = fh4_rva(f, f->unwind_rva);
    read_uint(&p);   /* the count */
    for (int i = 0; i < f->max_state; i++)
    {
        read_unwind(&p, &u, &back);
        if (u.kind == CXX_UNWIND_FUNCLET && (DWORD)u.action_rva == func_rva) return TRUE;
    }
    return FALSE;
}

static const struct cxx_table_ops fh4_ops = { fh4_ip_to_state, fh4_get_try, fh4_get_catch, fh4_get_unwind, fh4_is_cleanup };

/* the unwind map's entry count, 0 without one */
static int count_at(const struct cxx_frame *f, int offset)
{
    const BYTE *p;
    if (!offset) return 0;
    p = fh4_rva(f, offset);
    return read_uint(&p);
}

/* note where each entry of a small unwind map starts */
static void note_entries(struct cxx_frame *f)
{
    const BYTE *p;
    struct cxx_unwind u;
    UINT back;
    f->fh4_entry_count = 0;
    if (!f->unwind_rva || f->max_state > (int)(sizeof(f->fh4_entries) / sizeof(f->fh4_entries[0]))) return;
    p = fh4_rva(f, f->unwind_rva);
    read_uint(&p);   /* the count */
    for (int i = 0; i < f->max_state; i++)
    {
        f->fh4_entries[i] = p;
        read_unwind(&p, &u, &back);
    }
    f->fh4_entry_count = f->max_state;
}

BOOL cxx_fh4_init(struct cxx_frame *f, const BYTE *info)
{
    const BYTE *p = info + 1;
    BYTE header = info[0];

    if (header & 0x80) return FALSE;   /* reserved: a later format */
    f->ops = &fh4_ops;
    f->info = info;
    if (header & FH4_BBT) read_uint(&p);
    f->unwind_rva = (header & FH4_UNWIND_MAP) ? read_int(&p) : 0;
    f->try_rva = (header & FH4_TRY_MAP) ? read_int(&p) : 0;
    f->ip_rva = read_int(&p);
    f->fh4_catch = (header & FH4_IS_CATCH) != 0;
    f->fh4_frame_offset = f->fh4_catch ? read_uint(&p) : 0;
    f->max_state = count_at(f, f->unwind_rva);
    f->try_count = count_at(f, f->try_rva);
    f->ehs = (header & FH4_EHS) != 0;
    f->noexcept = (header & FH4_NOEXCEPT) != 0;
    note_entries(f);
    return TRUE;
}
