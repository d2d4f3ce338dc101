/*
 * ntdll/unwind.c — x64 table-based unwinding: finding a function's
 * RUNTIME_FUNCTION (RtlLookupFunctionEntry: the modules' .pdata, then the
 * dynamic tables of RtlAddFunctionTable/RtlInstallFunctionTableCallback) and
 * undoing one frame (RtlVirtualUnwind: UNWIND_INFO codes, chained info, and
 * the documented epilogue check).
 *
 * Sections: module .pdata (and RtlPcToFileHeader) · dynamic tables ·
 * RtlLookupFunctionEntry · epilogue emulation · RtlVirtualUnwind.
 */
#include "private.h"
#include "loader.h"
#include "exception.h"

/* --- module .pdata ----------------------------------------------------------- */

static IMAGE_DATA_DIRECTORY *image_dir(void *base, int index)
{
    IMAGE_DOS_HEADER *dos = base;
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)base + dos->e_lfanew);
    if ((DWORD)index >= nt->OptionalHeader.NumberOfRvaAndSizes) return NULL;
    return &nt->OptionalHeader.DataDirectory[index];
}

/* .pdata is sorted by BeginAddress (the format requires it): binary search */
static RUNTIME_FUNCTION *search_table(RUNTIME_FUNCTION *table, ULONG count, ULONG rva)
{
    ULONG lo = 0, hi = count;
    while (lo < hi)
    {
        ULONG mid = lo + (hi - lo) / 2;
        if (rva < table[mid].BeginAddress) hi = mid;
        else if (rva >= table[mid].EndAddress) lo = mid + 1;
        else return &table[mid];
    }
    return NULL;
}

/* an entry whose UnwindData has bit 0 set points at another RUNTIME_FUNCTION
   (the "indirect" form some linkers emit to share unwind data) */
static RUNTIME_FUNCTION *resolve_indirect(RUNTIME_FUNCTION *f, ULONG64 base)
{
    while (f && (f->UnwindData & RUNTIME_FUNCTION_INDIRECT))
        f = (RUNTIME_FUNCTION *)(base + (f->UnwindData & ~RUNTIME_FUNCTION_INDIRECT));
    return f;
}

/* Modules' .pdata as lookups need it, kept for lookups without the loader
   lock (an exception walks several frames, each looked up more than once).
   Entries are added under the loader lock; unloading a module empties the
   cache (unwind_forget_modules). Readers check a sequence number, odd while
   the cache changes. */
struct pdata_entry { ULONG64 base, end; RUNTIME_FUNCTION *table; ULONG count; };
#define PDATA_CACHE_SIZE 16
static struct pdata_entry pdata_cache[PDATA_CACHE_SIZE];
static ULONG pdata_cache_next;
static LONG pdata_seq;

static BOOL cache_find(ULONG64 pc, struct pdata_entry *out)
{
    LONG seq = __atomic_load_n(&pdata_seq, __ATOMIC_ACQUIRE);
    if (seq & 1) return FALSE;
    for (int i = 0; i < PDATA_CACHE_SIZE; i++)
    {
        struct pdata_entry e = pdata_cache[i];
        if (pc < e.base || pc >= e.end) continue;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (__atomic_load_n(&pdata_seq, __ATOMIC_RELAXED) != seq) return FALSE;
        *out = e;
        return TRUE;
    }
    return FALSE;
}

static void cache_update(void (*change)(const struct pdata_entry *), const struct pdata_entry *e)
{
    __atomic_fetch_add(&pdata_seq, 1, __ATOMIC_RELEASE);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    change(e);
    __atomic_fetch_add(&pdata_seq, 1, __ATOMIC_RELEASE);
}

static void cache_put(const struct pdata_entry *e)
{
    pdata_cache[pdata_cache_next++ % PDATA_CACHE_SIZE] = *e;
}

static void cache_clear(const struct pdata_entry *e)
{
    (void)e;
    memset(pdata_cache, 0, sizeof(pdata_cache));
}

/* the loader unloads a module (under its lock) */
void unwind_forget_modules(void)
{
    cache_update(cache_clear, NULL);
}

/* The last lookups by pc (an exception's dispatch and its unwind pass the
   same return addresses, and so do repeated throws): a direct-mapped table
   whose entries each have a sequence number, odd while one is written. An
   entry holds the pdata_seq it was found under, so a change of the module
   cache (an unload) makes every entry stale at once. */
struct pc_entry { LONG seq; LONG gen; ULONG64 pc, base; RUNTIME_FUNCTION *func; };
#define PC_CACHE_SIZE 256
static struct pc_entry pc_cache[PC_CACHE_SIZE];

static struct pc_entry *pc_slot(ULONG64 pc)
{
    return &pc_cache[(pc ^ (pc >> 8)) % PC_CACHE_SIZE];
}

static BOOL pc_cache_find(ULONG64 pc, LONG gen, ULONG64 *base, RUNTIME_FUNCTION **func)
{
    struct pc_entry *e = pc_slot(pc);
    LONG seq = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
    ULONG64 found_pc = __atomic_load_n(&e->pc, __ATOMIC_RELAXED);
    ULONG64 found_base = __atomic_load_n(&e->base, __ATOMIC_RELAXED);
    RUNTIME_FUNCTION *found_func = __atomic_load_n(&e->func, __ATOMIC_RELAXED);
    LONG found_gen = __atomic_load_n(&e->gen, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if ((seq & 1) || __atomic_load_n(&e->seq, __ATOMIC_RELAXED) != seq) return FALSE;
    if (found_pc != pc || found_gen != gen) return FALSE;
    *base = found_base;
    *func = found_func;
    return TRUE;
}

/* a writer racing another for the entry gives up */
static void pc_cache_put(ULONG64 pc, LONG gen, ULONG64 base, RUNTIME_FUNCTION *func)
{
    struct pc_entry *e = pc_slot(pc);
    LONG seq = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
    if ((seq & 1) || !__atomic_compare_exchange_n(&e->seq, &seq, seq + 1, FALSE, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return;
    __atomic_store_n(&e->pc, pc, __ATOMIC_RELAXED);
    __atomic_store_n(&e->base, base, __ATOMIC_RELAXED);
    __atomic_store_n(&e->func, func, __ATOMIC_RELAXED);
    __atomic_store_n(&e->gen, gen, __ATOMIC_RELAXED);
    __atomic_store_n(&e->seq, seq + 2, __ATOMIC_RELEASE);
}

static RUNTIME_FUNCTION *lookup_module(ULONG64 pc, ULONG64 *base)
{
    struct pdata_entry e;
    RUNTIME_FUNCTION *f;
    LONG gen = __atomic_load_n(&pdata_seq, __ATOMIC_ACQUIRE);
    if (!(gen & 1) && pc_cache_find(pc, gen, base, &f)) return f;
    if (!cache_find(pc, &e))
    {
        RtlEnterCriticalSection(&loader_section);
        WLX_LDR_ENTRY *m = ldr_find_by_address((void *)pc);
        if (!m) { RtlLeaveCriticalSection(&loader_section); return NULL; }
        IMAGE_DATA_DIRECTORY *dir = image_dir(m->DllBase, IMAGE_DIRECTORY_ENTRY_EXCEPTION);
        e.base = (ULONG64)m->DllBase;
        e.end = e.base + m->SizeOfImage;
        e.table = dir && dir->VirtualAddress && dir->Size ? (RUNTIME_FUNCTION *)(e.base + dir->VirtualAddress) : NULL;
        e.count = e.table ? dir->Size / sizeof(RUNTIME_FUNCTION) : 0;
        cache_update(cache_put, &e);
        RtlLeaveCriticalSection(&loader_section);
    }
    *base = e.base;
    f = e.table ? search_table(e.table, e.count, (ULONG)(pc - e.base)) : NULL;
    if (!(gen & 1)) pc_cache_put(pc, gen, e.base, f);
    return f;
}

/* the image holding pc, as the loader knows it */
PVOID NTAPI RtlPcToFileHeader(PVOID pc, PVOID *base)
{
    RtlEnterCriticalSection(&loader_section);
    WLX_LDR_ENTRY *m = ldr_find_by_address(pc);
    *base = m ? m->DllBase : NULL;
    RtlLeaveCriticalSection(&loader_section);
    return *base;
}

/* a module's whole .pdata, its size in bytes */
PRUNTIME_FUNCTION NTAPI RtlLookupFunctionTable(ULONG64 pc, ULONG64 *base, ULONG *length)
{
    IMAGE_DATA_DIRECTORY *dir;
    void *b;
    *length = 0;
    if (!RtlPcToFileHeader((void *)pc, &b)) { *base = 0; return NULL; }
    *base = (ULONG64)b;
    dir = image_dir(b, IMAGE_DIRECTORY_ENTRY_EXCEPTION);
    if (!dir || !dir->VirtualAddress) return NULL;
    *length = dir->Size;
    return (RUNTIME_FUNCTION *)((BYTE *)b + dir->VirtualAddress);
}

/* --- dynamic tables ------------------------------------------------------------ */

struct dynamic_table {
    struct dynamic_table *next;
    ULONG64 base, low, high;           /* [low, high) covered */
    RUNTIME_FUNCTION *table;           /* NULL for a callback */
    ULONG count;
    ULONG64 id;                        /* the table pointer or callback identifier */
    PGET_RUNTIME_FUNCTION_CALLBACK callback;
    void *context;
};

static struct dynamic_table *dynamic_tables;
static volatile LONG dynamic_lock;

static void lock_tables(void)
{
    while (__atomic_exchange_n(&dynamic_lock, 1, __ATOMIC_ACQUIRE)) NtYieldExecution();
}
static void unlock_tables(void) { __atomic_store_n(&dynamic_lock, 0, __ATOMIC_RELEASE); }

/* the list's own copy of *t, or NULL when out of memory */
static struct dynamic_table *add_dynamic(struct dynamic_table *t)
{
    struct dynamic_table *copy = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*copy));
    if (!copy) return NULL;
    *copy = *t;
    lock_tables();
    copy->next = dynamic_tables;
    dynamic_tables = copy;
    unlock_tables();
    return copy;
}

/* unlinks `entry`, or when NULL the table whose identifier is id; FALSE
   when there is none */
static BOOLEAN remove_dynamic(ULONG64 id, struct dynamic_table *entry)
{
    struct dynamic_table **p, *found = NULL;
    lock_tables();
    for (p = &dynamic_tables; *p; p = &(*p)->next)
        if (entry ? *p == entry : (*p)->id == id) { found = *p; *p = found->next; break; }
    unlock_tables();
    if (found) RtlFreeHeap(PROCESS_HEAP(), 0, found);
    return found != NULL;
}

BOOLEAN CDECL RtlAddFunctionTable(RUNTIME_FUNCTION *table, DWORD count, DWORD64 base)
{
    struct dynamic_table t = { 0 };
    ULONG low = ~0u, high = 0;
    for (DWORD i = 0; i < count; i++)
    {
        if (table[i].BeginAddress < low) low = table[i].BeginAddress;
        if (table[i].EndAddress > high) high = table[i].EndAddress;
    }
    t.base = base;
    t.low = count ? base + low : 0;
    t.high = count ? base + high : 0;
    t.table = table;
    t.count = count;
    t.id = (ULONG64)table;
    return add_dynamic(&t) != NULL;
}

BOOLEAN CDECL RtlInstallFunctionTableCallback(DWORD64 id, DWORD64 base, DWORD length,
                                              PGET_RUNTIME_FUNCTION_CALLBACK callback, void *context,
                                              const WCHAR *dll)
{
    struct dynamic_table t = { 0 };
    (void)dll;
    /* the identifier's two low bits must be set: that is how Windows tells
       a callback identifier from a table pointer */
    if ((id & 3) != 3) return FALSE;
    t.base = base;
    t.low = base;
    t.high = base + length;
    t.id = id;
    t.callback = callback;
    t.context = context;
    return add_dynamic(&t) != NULL;
}

BOOLEAN CDECL RtlDeleteFunctionTable(RUNTIME_FUNCTION *table)
{
    return remove_dynamic((ULONG64)table, NULL);
}

/* Growable tables (JITs such as V8's): a table covering [range_base,
   range_end) whose first `count` entries are in use, with room for `max`;
   the program appends entries and then says so with RtlGrowFunctionTable.
   The handle given back is the list's entry itself. */
DWORD NTAPI RtlAddGrowableFunctionTable(void **handle, RUNTIME_FUNCTION *table, DWORD count, DWORD max,
                                        ULONG_PTR range_base, ULONG_PTR range_end)
{
    struct dynamic_table t = { 0 }, *added;

    if (!handle || !table || count > max || range_end < range_base) return STATUS_INVALID_PARAMETER;
    t.base = t.low = range_base;
    t.high = range_end;
    t.table = table;
    t.count = count;
    t.id = (ULONG64)table;
    if (!(added = add_dynamic(&t))) return STATUS_NO_MEMORY;
    *handle = added;
    return STATUS_SUCCESS;
}

/* the new count is published for lookups made after it (the entries were
   written before the call) */
void NTAPI RtlGrowFunctionTable(void *handle, DWORD count)
{
    struct dynamic_table *t = handle;
    if (t) __atomic_store_n(&t->count, count, __ATOMIC_RELEASE);
}

void NTAPI RtlDeleteGrowableFunctionTable(void *handle)
{
    if (handle) remove_dynamic(0, handle);
}

/* the callback runs without the lock held: it may itself look things up */
static RUNTIME_FUNCTION *lookup_dynamic(ULONG64 pc, ULONG64 *base)
{
    struct dynamic_table *t;
    PGET_RUNTIME_FUNCTION_CALLBACK callback = NULL;
    void *context = NULL;
    RUNTIME_FUNCTION *ret = NULL;
    lock_tables();
    for (t = dynamic_tables; t; t = t->next)
    {
        if (pc < t->low || pc >= t->high) continue;
        *base = t->base;
        if (t->callback) { callback = t->callback; context = t->context; }
        else
        {
            /* tables given to RtlAddFunctionTable need not be sorted */
            ULONG rva = (ULONG)(pc - t->base);
            ULONG count = __atomic_load_n(&t->count, __ATOMIC_ACQUIRE);
            for (ULONG i = 0; i < count && !ret; i++)
                if (rva >= t->table[i].BeginAddress && rva < t->table[i].EndAddress) ret = &t->table[i];
        }
        break;
    }
    unlock_tables();
    if (callback) ret = callback(pc, context);
    return ret;
}

/* --- RtlLookupFunctionEntry ------------------------------------------------------ */

PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base, UNWIND_HISTORY_TABLE *history)
{
    RUNTIME_FUNCTION *f;
    ULONG64 b = 0;
    (void)history;   /* only a cache on Windows: ours is pc_cache */
    f = lookup_module(pc, &b);
    if (!f && !b) f = lookup_dynamic(pc, &b);
    *base = b;
    return resolve_indirect(f, b);
}

/* --- epilogue emulation ---------------------------------------------------------- */

static ULONG64 *int_reg(CONTEXT *ctx, int n) { return &ctx->Rax + n; }

static void set_int(CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg, ULONG64 *from)
{
    *int_reg(ctx, reg) = *from;
    if (ptrs) ptrs->IntegerContext[reg] = from;
}

static void set_xmm(CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg, M128A *from)
{
    (&ctx->Xmm0)[reg] = *from;
    if (ptrs) ptrs->FloatingContext[reg] = from;
}

/* The documented rule: the code at pc is an epilogue when it is an optional
   "add rsp, imm" or "lea rsp, [framereg + disp]", then 64-bit pops only, then
   a ret or a jmp leaving the function. Returns the length of the first part
   (0 when absent) or -1 when this is not an epilogue. */
static int epilogue_head(const BYTE *p, int frame_reg, ULONG64 *imm, int *lea)
{
    *lea = 0;
    *imm = 0;
    if ((p[0] & 0xf8) == 0x48)
    {
        int rexb = p[0] & 1;
        if (p[1] == 0x83 && p[2] == 0xc4 && !rexb) { *imm = (signed char)p[3]; return 4; }
        if (p[1] == 0x81 && p[2] == 0xc4 && !rexb) { *imm = *(const int *)(p + 3); return 7; }
        if (p[1] == 0x8d && frame_reg >= 0 && (p[2] & 0x38) == 0x20 && ((p[2] & 7) | (rexb << 3)) == frame_reg &&
            (p[2] & 7) != 4)
        {
            *lea = 1;
            if ((p[2] >> 6) == 1) { *imm = (signed char)p[3]; return 4; }
            if ((p[2] >> 6) == 2) { *imm = *(const int *)(p + 3); return 7; }
        }
    }
    return 0;
}

static int is_epilogue(const BYTE *p, ULONG64 begin, ULONG64 end, int frame_reg, int *head_len)
{
    ULONG64 imm;
    int lea;
    *head_len = epilogue_head(p, frame_reg, &imm, &lea);
    p += *head_len;
    for (;;)
    {
        if ((p[0] & 0xf8) == 0x58) { p++; continue; }
        if ((p[0] & 0xf0) == 0x40 && (p[1] & 0xf8) == 0x58) { p += 2; continue; }
        break;
    }
    if (p[0] == 0xc3 || (p[0] == 0xf3 && p[1] == 0xc3)) return 1;
    if (p[0] == 0xe9)   /* a tail call: only when it leaves the function */
    {
        ULONG64 target = (ULONG64)p + 5 + *(const int *)(p + 1);
        return target < begin || target >= end;
    }
    if (p[0] == 0xeb)
    {
        ULONG64 target = (ULONG64)p + 2 + (signed char)p[1];
        return target < begin || target >= end;
    }
    if (p[0] == 0xff && p[1] == 0x25) return 1;
    if ((p[0] & 0xf8) == 0x48 && p[1] == 0xff && p[2] == 0x25) return 1;
    return 0;
}

/* run the rest of the epilogue forward: that is the unwind */
static void emulate_epilogue(const BYTE *p, CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int frame_reg)
{
    ULONG64 imm;
    int lea;
    int len = epilogue_head(p, frame_reg, &imm, &lea);
    if (len) ctx->Rsp = (lea ? *int_reg(ctx, frame_reg) : ctx->Rsp) + imm;
    p += len;
    for (;;)
    {
        int reg;
        if ((p[0] & 0xf8) == 0x58) reg = p[0] & 7, p++;
        else if ((p[0] & 0xf0) == 0x40 && (p[1] & 0xf8) == 0x58) reg = (p[1] & 7) | ((p[0] & 1) << 3), p += 2;
        else break;
        set_int(ctx, ptrs, reg, (ULONG64 *)ctx->Rsp);
        ctx->Rsp += 8;
    }
    /* ret, or a jmp: either way the return address is on top */
    ctx->Rip = *(ULONG64 *)ctx->Rsp;
    ctx->Rsp += 8;
}

/* --- RtlVirtualUnwind ---------------------------------------------------------- */

static int code_slots(const BYTE *code, int version)
{
    switch (code[1] & 0x0f)
    {
    case UWOP_ALLOC_LARGE: return (code[1] >> 4) ? 3 : 2;
    case UWOP_SAVE_NONVOL: return 2;
    case UWOP_SAVE_NONVOL_FAR: return 3;
    case UWOP_EPILOG: return version >= 2 ? 1 : 2;
    case UWOP_SPARE_CODE: return 3;
    case UWOP_SAVE_XMM128: return 2;
    case UWOP_SAVE_XMM128_FAR: return 3;
    default: return 1;
    }
}

/* apply one UNWIND_INFO's codes; returns 1 when a machine frame was popped
   (Rip and Rsp are then already restored) */
static int apply_codes(UNWIND_INFO_X64 *info, ULONG prolog_offset, ULONG64 frame, CONTEXT *ctx,
                       KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const BYTE *codes = info->codes;
    int i = 0;
    while (i < info->count_of_codes)
    {
        const BYTE *c = codes + 2 * i;
        int op = c[1] & 0x0f, opinfo = c[1] >> 4;
        const USHORT *next = (const USHORT *)(c + 2);
        int slots = code_slots(c, info->version_flags & 7);
        i += slots;
        if (prolog_offset < c[0]) continue;   /* that prolog instruction has not run yet */
        switch (op)
        {
        case UWOP_PUSH_NONVOL:
            set_int(ctx, ptrs, opinfo, (ULONG64 *)ctx->Rsp);
            ctx->Rsp += 8;
            break;
        case UWOP_ALLOC_LARGE:
            ctx->Rsp += opinfo ? *(const ULONG *)next : next[0] * 8u;
            break;
        case UWOP_ALLOC_SMALL:
            ctx->Rsp += opinfo * 8 + 8;
            break;
        case UWOP_SET_FPREG:
            ctx->Rsp = *int_reg(ctx, info->frame & 0x0f) - (info->frame >> 4) * 16;
            break;
        case UWOP_SAVE_NONVOL:
            set_int(ctx, ptrs, opinfo, (ULONG64 *)(frame + next[0] * 8u));
            break;
        case UWOP_SAVE_NONVOL_FAR:
            set_int(ctx, ptrs, opinfo, (ULONG64 *)(frame + *(const ULONG *)next));
            break;
        case UWOP_SAVE_XMM128:
            set_xmm(ctx, ptrs, opinfo, (M128A *)(frame + next[0] * 16u));
            break;
        case UWOP_SAVE_XMM128_FAR:
            set_xmm(ctx, ptrs, opinfo, (M128A *)(frame + *(const ULONG *)next));
            break;
        case UWOP_PUSH_MACHFRAME:
        {
            /* the CPU pushed SS, RSP, EFLAGS, CS, RIP (and maybe an error code) */
            ULONG64 *m = (ULONG64 *)(ctx->Rsp + (opinfo ? 8 : 0));
            ctx->Rip = m[0];
            ctx->SegCs = (WORD)m[1];
            ctx->EFlags = (DWORD)m[2];
            ctx->Rsp = m[3];
            ctx->SegSs = (WORD)m[4];
            return 1;
        }
        default:
            break;   /* UWOP_EPILOG (version 2) describes epilogues only */
        }
    }
    return 0;
}

PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(DWORD type, DWORD64 base, DWORD64 pc, RUNTIME_FUNCTION *func,
                                          CONTEXT *ctx, void **data, DWORD64 *frame_ret,
                                          KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    UNWIND_INFO_X64 *info = (UNWIND_INFO_X64 *)(base + func->UnwindData);
    ULONG prolog_offset = (ULONG)(pc - base - func->BeginAddress);
    int frame_reg = (info->frame & 0x0f) ? (info->frame & 0x0f) : -1;
    ULONG64 frame = ctx->Rsp;
    PEXCEPTION_ROUTINE handler = NULL;
    int head_len;

    /* the establisher frame: the frame register minus its offset once the
       prolog has set it, else rsp */
    if (frame_reg >= 0)
    {
        int set = prolog_offset >= info->size_of_prolog;
        for (int i = 0; !set && i < info->count_of_codes; i += code_slots(info->codes + 2 * i, info->version_flags & 7))
            if ((info->codes[2 * i + 1] & 0x0f) == UWOP_SET_FPREG && prolog_offset >= info->codes[2 * i]) set = 1;
        if (set) frame = *int_reg(ctx, frame_reg) - (info->frame >> 4) * 16;
    }
    *frame_ret = frame;
    if (data) *data = NULL;

    if (prolog_offset >= info->size_of_prolog &&
        is_epilogue((const BYTE *)pc, base + func->BeginAddress, base + func->EndAddress, frame_reg, &head_len))
    {
        TRACE_SEH("unwind: pc %p is in an epilogue\n", (void *)pc);
        emulate_epilogue((const BYTE *)pc, ctx, ptrs, frame_reg);
        return NULL;
    }

    for (;;)
    {
        int flags = info->version_flags >> 3;
        if (apply_codes(info, prolog_offset, frame, ctx, ptrs)) return NULL;
        if (!(flags & UNW_FLAG_CHAININFO))
        {
            if ((flags & type) && prolog_offset >= info->size_of_prolog)
            {
                ULONG *after = (ULONG *)(info->codes + 2 * ((info->count_of_codes + 1) & ~1));
                handler = (PEXCEPTION_ROUTINE)(base + after[0]);
                if (data) *data = after + 1;
            }
            break;
        }
        /* chained: the parent's codes all apply (its prolog has run) */
        RUNTIME_FUNCTION *parent = (RUNTIME_FUNCTION *)(info->codes + 2 * ((info->count_of_codes + 1) & ~1));
        parent = resolve_indirect(parent, base);
        info = (UNWIND_INFO_X64 *)(base + parent->UnwindData);
        prolog_offset = ~0u;
    }
    ctx->Rip = *(ULONG64 *)ctx->Rsp;
    ctx->Rsp += 8;
    return handler;
}
