/*
 * dlls/msvcrt/cxx_fh3.c — reading __CxxFrameHandler3's tables (FuncInfo
 * and the arrays it points to, cxx.h) for cxx_frame.c: plain arrays of
 * image-relative offsets, read in place.
 */
#include "cxx.h"

static const void *fh3_rva(const struct cxx_frame *f, int offset)
{
    return (const void *)(f->base + offset);
}

static const struct cxx_func_info *fh3_info(const struct cxx_frame *f)
{
    return f->info;
}

/* the last ip-to-state entry at or before pc */
static int fh3_ip_to_state(const struct cxx_frame *f, ULONG64 pc)
{
    const struct cxx_ip_state *map = fh3_rva(f, fh3_info(f)->ip_map_rva);
    int state = -1;
    for (UINT i = 0; i < fh3_info(f)->ip_map_count && f->base + (ULONG)map[i].ip_rva <= pc; i++) state = map[i].state;
    return state;
}

static void fh3_get_try(const struct cxx_frame *f, UINT index, struct cxx_try *t)
{
    const struct cxx_try_block *b = (const struct cxx_try_block *)fh3_rva(f, fh3_info(f)->try_map_rva) + index;
    t->start_level = b->start_level;
    t->end_level = b->end_level;
    t->catch_level = b->catch_level;
    t->catch_count = b->catch_count;
    t->catches = fh3_rva(f, b->catch_rva);
}

static void fh3_get_catch(const struct cxx_frame *f, const struct cxx_try *t, int index, struct cxx_catch *c)
{
    const struct cxx_catch_handler *h = (const struct cxx_catch_handler *)t->catches + index;
    (void)f;
    c->flags = h->flags;
    c->type_rva = h->type_rva;
    c->object_offset = h->object_offset;
    c->handler_rva = h->handler_rva;
    c->frame_offset = h->frame_offset;
    c->cont_count = 0;
}

static void fh3_get_unwind(const struct cxx_frame *f, int state, struct cxx_unwind *u)
{
    const struct cxx_unwind_entry *e = (const struct cxx_unwind_entry *)fh3_rva(f, fh3_info(f)->unwind_map_rva) + state;
    u->to_state = e->to_state;
    u->kind = e->action_rva ? CXX_UNWIND_FUNCLET : CXX_UNWIND_NONE;
    u->action_rva = e->action_rva;
    u->object = 0;
}

static BOOL fh3_is_cleanup(const struct cxx_frame *f, DWORD func_rva)
{
    const struct cxx_unwind_entry *map = fh3_rva(f, fh3_info(f)->unwind_map_rva);
    for (int i = 0; i < f->max_state; i++)
        if ((DWORD)map[i].action_rva == func_rva) return TRUE;
    return FALSE;
}

static const struct cxx_table_ops fh3_ops = { fh3_ip_to_state, fh3_get_try, fh3_get_catch, fh3_get_unwind, fh3_is_cleanup };

/* FALSE for a FuncInfo this handler does not know */
BOOL cxx_fh3_init(struct cxx_frame *f, const struct cxx_func_info *info)
{
    UINT magic = info->magic & 0x1fffffff;   /* the top bits are BBT flags */
    if (magic < CXX_MAGIC_VC6 || magic > CXX_MAGIC_VC8) return FALSE;
    f->ops = &fh3_ops;
    f->info = info;
    f->max_state = info->max_state;
    f->try_count = info->try_count;
    f->ehs = magic >= CXX_MAGIC_VC8 && (info->flags & FI_EHS_FLAG);
    f->noexcept = magic >= CXX_MAGIC_VC8 && (info->flags & FI_NOEXCEPT_FLAG);
    f->fh4_catch = FALSE;
    f->fh4_entry_count = 0;
    return TRUE;
}
