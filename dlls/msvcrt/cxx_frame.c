/*
 * dlls/msvcrt/cxx_frame.c — __CxxFrameHandler3 and __CxxFrameHandler4, the
 * language handlers of functions compiled with MSVC-style C++ exceptions.
 * The two differ only in how their tables are stored: cxx_fh3.c and
 * cxx_fh4.c read them through struct cxx_table_ops (cxx.h).
 *
 * Sections: reading a frame (its state, whether it is a catch funclet),
 * unwinding a frame's states, matching a throw against catch blocks,
 * catching (the RtlUnwindEx consolidation callback that runs the catch
 * funclet), and the handler itself.
 *
 * How a catch runs: the search finds a catch block in frame F, builds the
 * catch object, and calls RtlUnwindEx(F) with a STATUS_UNWIND_CONSOLIDATE
 * record. Every frame below F is unwound (its handler, us, destroys its
 * locals); F itself is unwound down to the try block's state. ntdll then
 * calls catch_callback on the stack where the unwind ran (deeper than the
 * throw, so the exception object stays alive); it runs the catch funclet
 * through cxx_call_catch and returns the address the funclet gave, where F
 * goes on.
 *
 * While a catch block runs, its function's frame F is still on the stack
 * with an instruction pointer inside the try body. The catch block's node
 * (struct cxx_catch_node, a per-thread list) records the state F really is
 * in (the try statement's enclosing state), so that an exception leaving the
 * catch block neither finds F's own try again nor destroys the try body's
 * locals twice.
 */
#include "cxx.h"

static void *rva(ULONG64 base, int offset)
{
    return (void *)(base + offset);
}

/* ---- reading a frame ---- */

/* the try block (and catch block) whose funclet starts at func_rva */
static BOOL find_catch_funclet(const struct cxx_frame *f, DWORD func_rva, struct cxx_try *t, struct cxx_catch *c)
{
    for (UINT i = 0; i < f->try_count; i++)
    {
        f->ops->get_try(f, i, t);
        for (int j = 0; j < t->catch_count; j++)
        {
            f->ops->get_catch(f, t, j, c);
            if ((DWORD)c->handler_rva == func_rva) return TRUE;
        }
    }
    return FALSE;
}

static struct cxx_catch_node *catch_node_of(ULONG64 frame)
{
    for (struct cxx_catch_node *n = msvcrt_get_thread_data()->cxx_catches; n; n = n->next)
        if (n->frame == frame) return n;
    return NULL;
}

/* the running catch blocks changed: the innermost is the current exception */
static void set_catches(struct msvcrt_thread_data *data, struct cxx_catch_node *head)
{
    data->cxx_catches = head;
    data->cxx_current_rec = head ? head->rec : NULL;
    data->cxx_current_ctx = head ? head->context : NULL;
}

/* frames up to and including frame are gone or going: so are their catch blocks */
static void drop_catch_nodes(ULONG64 frame)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    struct cxx_catch_node *n = data->cxx_catches;
    while (n && n->frame <= frame) n = n->next;
    set_catches(data, n);
}

/* the rest of f, once the table format's init filled its part; FALSE for
   a cleanup funclet, which the handler leaves alone */
static BOOL read_frame(struct cxx_frame *f, ULONG64 frame, DISPATCHER_CONTEXT *dispatch)
{
    struct cxx_catch c;
    struct cxx_catch_node *node;

    f->frame = frame;
    f->root = frame;
    f->floor = -1;
    f->in_catch = find_catch_funclet(f, f->func_rva, &f->catch_try, &c);
    /* a cleanup funclet (a destructor call of the unwind map) has nothing to handle */
    if (!f->in_catch && !f->fh4_catch && f->ops->is_cleanup(f, f->func_rva)) return FALSE;
    if (f->in_catch)
    {
        struct cxx_unwind u;
        /* the funclet saved its parent's frame where the table says */
        f->root = *(ULONG64 *)(frame + (f->fh4_catch ? f->fh4_frame_offset : (UINT)c.frame_offset));
        f->ops->get_unwind(f, f->catch_try.start_level, &u);
        f->floor = u.to_state;
    }
    node = catch_node_of(frame);
    f->state = node ? node->state : f->ops->ip_to_state(f, dispatch->ControlPc);
    return TRUE;
}

/* ---- unwinding ---- */

/* one state's cleanup: a funclet, or (FH4) a destructor called directly */
static void run_cleanup(const struct cxx_frame *f, const struct cxx_unwind *u)
{
    void *func = rva(f->base, u->action_rva);
    switch (u->kind)
    {
    case CXX_UNWIND_FUNCLET:
        cxx_call_guarded(func, f->root, f->root, 0);
        break;
    case CXX_UNWIND_DTOR_OBJECT:
        cxx_call_guarded(func, f->root + u->object, 0, 0);
        break;
    case CXX_UNWIND_DTOR_POINTER:
        cxx_call_guarded(func, *(ULONG64 *)(f->root + u->object), 0, 0);
        break;
    }
}

/* leave states down to target, running their cleanups. While they run,
   __uncaught_exceptions() counts this unwind, as MSVC's runtime counts its
   ProcessingThrow: nothing counts a throw before its unwind starts, in the
   catch block, or after an __except block took a C++ exception. */
static void unwind_to_state(struct cxx_frame *f, int target)
{
    struct msvcrt_thread_data *data;
    if (!(f->state > target && f->state < f->max_state)) return;
    data = msvcrt_get_thread_data();
    data->cxx_uncaught++;
    while (f->state > target && f->state < f->max_state)
    {
        struct cxx_unwind u;
        f->ops->get_unwind(f, f->state, &u);
        f->state = u.to_state;
        run_cleanup(f, &u);
    }
    if (data->cxx_uncaught > 0) data->cxx_uncaught--;
}

/* ---- matching ---- */

static BOOL is_catch_all(const struct cxx_frame *f, const struct cxx_catch *h)
{
    const struct cxx_type_descriptor *type = h->type_rva ? rva(f->base, h->type_rva) : NULL;
    return (h->flags & HT_IS_STD_DOTDOT) || !type || !type->name[0];
}

/* the catchable type of rec that catch block h takes, NULL if none */
static const struct cxx_catchable_type *match_type(const struct cxx_frame *f, const struct cxx_catch *h,
                                                   const EXCEPTION_RECORD *rec)
{
    return cxx_match(rec, rva(f->base, h->type_rva), h->flags);
}

/* the catch object of h in the function's frame, from the thrown object */
static void build_catch_object(const struct cxx_frame *f, const struct cxx_catch *h,
                               const struct cxx_catchable_type *ct, const EXCEPTION_RECORD *rec)
{
    if (ct && h->object_offset) cxx_build_catch_object(rva(f->root, h->object_offset), h->flags, ct, rec);
}

/* ---- catching ---- */

/* what the search hands to the unwind and to catch_callback */
struct cxx_catch_info
{
    struct cxx_frame frame;                    /* where the catch block is */
    struct cxx_try try_block;
    struct cxx_catch handler;
    EXCEPTION_RECORD *rec;                     /* the exception */
    CONTEXT *context;
};

static void *catch_callback(EXCEPTION_RECORD *consolidate);

static const struct cxx_catch_info *our_consolidation(const EXCEPTION_RECORD *rec)
{
    if (rec->ExceptionCode != STATUS_UNWIND_CONSOLIDATE || rec->NumberParameters < 2) return NULL;
    if (rec->ExceptionInformation[0] != (ULONG_PTR)catch_callback) return NULL;
    return (const struct cxx_catch_info *)rec->ExceptionInformation[1];
}

/* where the function goes on after the catch block: what the funclet
   returned, or (FH4) a continuation address of the table, which the
   funclet's result picks when there are two */
static void *catch_resume(const struct cxx_catch_info *ci, void *returned)
{
    ULONG_PTR index = (ULONG_PTR)returned;
    if (ci->handler.cont_count == 1) return (void *)ci->handler.cont[0];
    if (ci->handler.cont_count == 2 && index < 2) return (void *)ci->handler.cont[index];
    return returned;
}

/* called by ntdll once the frames are unwound; returns where to go on */
static void *catch_callback(EXCEPTION_RECORD *consolidate)
{
    const struct cxx_catch_info *ci = our_consolidation(consolidate);
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    struct cxx_catch_node node;
    struct cxx_unwind u;
    void *resume;

    drop_catch_nodes(ci->frame.frame);
    node.next = data->cxx_catches;
    node.frame = ci->frame.frame;
    ci->frame.ops->get_unwind(&ci->frame, ci->try_block.start_level, &u);
    node.state = u.to_state;
    node.rec = ci->rec;
    node.context = ci->context;
    set_catches(data, &node);

    resume = catch_resume(ci, cxx_call_catch(rva(ci->frame.base, ci->handler.handler_rva), ci->frame.root, &node));

    /* the catch block ended normally: so does the exception, unless an
       enclosing catch block still handles the same object (a rethrow
       caught inside it) */
    set_catches(data, node.next);
    if (cxx_is_cxx_exception(node.rec) && !cxx_object_in_use(NULL, node.rec)) cxx_destroy_object(node.rec);
    return resume;
}

/* the unwind handler of cxx_call_catch: an exception leaves a catch block.
   The old exception ends unless it is the one leaving (throw;). The node
   stays until its frame is unwound: that frame's state depends on it. */
EXCEPTION_DISPOSITION WINAPI cxx_catch_unwind_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                      DISPATCHER_CONTEXT *dispatch)
{
    struct cxx_catch_node *node = *(struct cxx_catch_node **)((char *)frame + 0x30);
    (void)ctx;
    (void)dispatch;
    if (!(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) || !node->rec) return ExceptionContinueSearch;
    if (our_consolidation(rec)) rec = our_consolidation(rec)->rec;   /* the exception being caught */
    if (cxx_is_cxx_exception(node->rec))
    {
        BOOL rethrown = cxx_is_cxx_exception(rec) && rec->ExceptionInformation[1] == node->rec->ExceptionInformation[1];
        if (!rethrown && !cxx_object_in_use(node, node->rec)) cxx_destroy_object(node->rec);
    }
    node->rec = NULL;
    return ExceptionContinueSearch;
}

/* the exception handler of cxx_call_guarded: a destructor or copy
   constructor let an exception out during exception handling */
EXCEPTION_DISPOSITION WINAPI cxx_guard_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                               DISPATCHER_CONTEXT *dispatch)
{
    (void)frame;
    (void)ctx;
    (void)dispatch;
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) return ExceptionContinueSearch;
    terminate();
}

/* the exception handler of cxx_read_pointer: a fault there returns FALSE */
EXCEPTION_DISPOSITION WINAPI cxx_read_fault_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                    DISPATCHER_CONTEXT *dispatch)
{
    extern const BYTE cxx_read_pointer_fault[];
    (void)frame;
    (void)dispatch;
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) return ExceptionContinueSearch;
    if (rec->ExceptionCode != EXCEPTION_ACCESS_VIOLATION) return ExceptionContinueSearch;
    ctx->Rip = (ULONG64)cxx_read_pointer_fault;
    return ExceptionContinueExecution;
}

/* catch block h of try block t takes the exception: never returns */
static void catch_it(struct cxx_frame *f, const struct cxx_try *t, const struct cxx_catch *h,
                     const struct cxx_catchable_type *ct, EXCEPTION_RECORD *rec, CONTEXT *ctx,
                     DISPATCHER_CONTEXT *dispatch)
{
    struct cxx_catch_info ci = { *f, *t, *h, rec, ctx };
    EXCEPTION_RECORD consolidate = { 0 };
    CONTEXT unwind_ctx;

    if (cxx_is_cxx_exception(rec)) build_catch_object(f, h, ct, rec);
    consolidate.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
    consolidate.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    consolidate.NumberParameters = 2;
    consolidate.ExceptionInformation[0] = (ULONG_PTR)catch_callback;
    consolidate.ExceptionInformation[1] = (ULONG_PTR)&ci;
    RtlUnwindEx((void *)f->frame, (void *)dispatch->ControlPc, &consolidate, NULL, &unwind_ctx, dispatch->HistoryTable);
    terminate();   /* RtlUnwindEx does not come back */
}

/* does a try block of this frame hold the current state? (a catch
   funclet's frame only looks at the try blocks inside its catch block) */
static BOOL try_holds_state(const struct cxx_frame *f, const struct cxx_try *t)
{
    if (f->state < t->start_level || f->state > t->end_level) return FALSE;
    if (f->in_catch && (t->start_level <= f->catch_try.end_level || t->end_level > f->catch_try.catch_level))
        return FALSE;
    return TRUE;
}

/* the search: the first catch block of the innermost try blocks that takes it */
static void find_catch(struct cxx_frame *f, EXCEPTION_RECORD *rec, CONTEXT *ctx, DISPATCHER_CONTEXT *dispatch)
{
    BOOL cxx = cxx_is_cxx_exception(rec);

    for (UINT i = 0; i < f->try_count; i++)
    {
        struct cxx_try t;
        f->ops->get_try(f, i, &t);
        if (!try_holds_state(f, &t)) continue;
        for (int j = 0; j < t.catch_count; j++)
        {
            struct cxx_catch h;
            const struct cxx_catchable_type *ct = NULL;
            f->ops->get_catch(f, &t, j, &h);
            if (!is_catch_all(f, &h) && (!cxx || !(ct = match_type(f, &h, rec)))) continue;
            catch_it(f, &t, &h, ct, rec, ctx, dispatch);
        }
    }
}

/* a system exception in a frame that can catch one: the translator, if
   any, turns it into a C++ exception by throwing (and never returns) */
static void translate(const struct cxx_frame *f, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    cxx_se_translator_func translator = msvcrt_get_thread_data()->cxx_se_translator;
    EXCEPTION_POINTERS ptrs = { rec, ctx };

    if (!translator) return;
    for (UINT i = 0; i < f->try_count; i++)
    {
        struct cxx_try t;
        f->ops->get_try(f, i, &t);
        if (!try_holds_state(f, &t)) continue;
        translator(rec->ExceptionCode, &ptrs);
        return;
    }
}

/* the handler of both formats, once the format's init read f's tables */
static EXCEPTION_DISPOSITION cxx_frame_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                               DISPATCHER_CONTEXT *dispatch, struct cxx_frame *f)
{
    if (!read_frame(f, frame, dispatch)) return ExceptionContinueSearch;

    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))
    {
        const struct cxx_catch_info *ci = our_consolidation(rec);
        int target = f->floor;
        if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) && ci && ci->frame.frame == frame)
            target = ci->try_block.start_level;
        unwind_to_state(f, target);
        drop_catch_nodes(frame);
        return ExceptionContinueSearch;
    }

    if (!cxx_is_cxx_exception(rec))
    {
        /* compiled /EHs: catch (...) does not take system exceptions */
        if (f->ehs) return ExceptionContinueSearch;
        translate(f, rec, ctx);
    }
    find_catch(f, rec, ctx, dispatch);
    if (f->noexcept && cxx_is_cxx_exception(rec)) terminate();
    return ExceptionContinueSearch;
}

/* the tables' format decides how they are read; the handling is the same */
static EXCEPTION_DISPOSITION handle_frame(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                          DISPATCHER_CONTEXT *dispatch, BOOL fh4)
{
    const void *info = rva(dispatch->ImageBase, *(int *)dispatch->HandlerData);
    struct cxx_frame f;
    f.base = dispatch->ImageBase;
    f.func_rva = dispatch->FunctionEntry->BeginAddress;
    if (!(fh4 ? cxx_fh4_init(&f, info) : cxx_fh3_init(&f, info))) return ExceptionContinueSearch;
    return cxx_frame_handler(rec, frame, ctx, dispatch, &f);
}

/* x64 has one FH3 format under three names */
EXCEPTION_DISPOSITION __cdecl __CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dispatch)
{
    return handle_frame(rec, frame, ctx, dispatch, FALSE);
}

/* the compressed format of MSVC 2019 on (vcruntime140_1.dll) */
EXCEPTION_DISPOSITION __cdecl __CxxFrameHandler4(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dispatch)
{
    return handle_frame(rec, frame, ctx, dispatch, TRUE);
}
