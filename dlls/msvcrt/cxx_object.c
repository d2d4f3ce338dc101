/*
 * dlls/msvcrt/cxx_object.c — the thrown object of a C++ exception against a
 * catch block: which of its catchable types a catch block takes, building
 * the catch object, and the runtime's exported helpers that do the same for
 * code with catch blocks of its own making (/EHa filters, other runtimes):
 * __TypeMatch, __BuildCatchObject(Helper), __AdjustPointer,
 * __CxxExceptionFilter, _is_exception_typeof, __DestructExceptionObject,
 * the frame-info list (_CreateFrameInfo, _FindAndUnlinkFrame,
 * _IsExceptionObjectToBeDestroyed) and __CxxRegisterExceptionObject and
 * its partners, which make an exception the current one for a catch block
 * run outside our frame handler.
 *
 * A HandlerType's rvas are relative to the image of the function holding
 * the catch block, a CatchableType's to the image that threw (the record's
 * ExceptionInformation[3]); the exported helpers get no image base, so they
 * ask which image holds the table they are given.
 */
#include "cxx.h"

static void *rva(ULONG64 base, int offset)
{
    return (void *)(base + offset);
}

static const struct cxx_throw_info *throw_info(const EXCEPTION_RECORD *rec)
{
    return (const struct cxx_throw_info *)rec->ExceptionInformation[2];
}

static ULONG64 throw_base(const EXCEPTION_RECORD *rec)
{
    return rec->NumberParameters >= CXX_EXCEPTION_PARAMS ? rec->ExceptionInformation[3] : 0;
}

/* the base of the image holding a table */
static ULONG64 image_of(const void *table)
{
    void *base = NULL;
    RtlPcToFileHeader((void *)table, &base);
    return (ULONG64)base;
}

/* ---- matching ---- */

/* ptr moved to the base class the offsets describe */
void *cxx_adjust_pointer(void *ptr, const struct cxx_this_offsets *off)
{
    char *p = (char *)ptr + off->mdisp;
    if (off->pdisp >= 0)
    {
        const char *vbtable = *(const char **)((char *)ptr + off->pdisp);
        p += *(const int *)(vbtable + off->vdisp) + off->pdisp;
    }
    return p;
}

/* the qualifiers of the thrown object the catch block does not have */
static BOOL qualifiers_fit(UINT throw_flags, UINT catch_flags)
{
    if ((throw_flags & TI_IS_CONST) && !(catch_flags & HT_IS_CONST)) return FALSE;
    if ((throw_flags & TI_IS_VOLATILE) && !(catch_flags & HT_IS_VOLATILE)) return FALSE;
    if ((throw_flags & TI_IS_UNALIGNED) && !(catch_flags & HT_IS_UNALIGNED)) return FALSE;
    return TRUE;
}

BOOL cxx_same_type(const struct cxx_type_descriptor *a, const struct cxx_type_descriptor *b)
{
    return a == b || !strcmp(a->name, b->name);
}

/* does a catch block of this type and these HT_* flags take catchable type ct? */
static BOOL type_fits(const struct cxx_type_descriptor *type, UINT flags, const struct cxx_catchable_type *ct,
                      ULONG64 tbase)
{
    if (!cxx_same_type(rva(tbase, ct->type_rva), type)) return FALSE;
    return !(ct->flags & CT_BY_REFERENCE_ONLY) || (flags & HT_IS_REFERENCE);
}

/* the catchable type of rec (a C++ exception) that a catch block of this
   type and these HT_* flags takes, NULL if none */
const struct cxx_catchable_type *cxx_match(const EXCEPTION_RECORD *rec, const struct cxx_type_descriptor *type,
                                           UINT flags)
{
    const struct cxx_throw_info *ti = throw_info(rec);
    ULONG64 tbase = throw_base(rec);
    const struct cxx_catchable_type_array *types = rva(tbase, ti->catchable_types_rva);

    if (!qualifiers_fit(ti->flags, flags)) return NULL;
    for (int i = 0; i < types->count; i++)
    {
        const struct cxx_catchable_type *ct = rva(tbase, types->type_rvas[i]);
        if (type_fits(type, flags, ct, tbase)) return ct;
    }
    return NULL;
}

/* ---- the catch object ---- */

enum build_result { BUILT, NEEDS_COPY_CTOR, NEEDS_COPY_CTOR_VBASE };

/* everything but a copy constructor's call (what __BuildCatchObjectHelper
   reports): a reference, a scalar or pointer, a class copied bit by bit */
static enum build_result build_plain(void *dest, UINT flags, const struct cxx_catchable_type *ct, void *object)
{
    if (flags & HT_IS_REFERENCE)
        *(void **)dest = cxx_adjust_pointer(object, &ct->offsets);
    else if (ct->flags & CT_IS_SIMPLE_TYPE)
    {
        memcpy(dest, object, ct->size);
        /* a pointer to a derived class caught as a pointer to its base */
        if (ct->size == sizeof(void *) && *(void **)dest) *(void **)dest = cxx_adjust_pointer(*(void **)dest, &ct->offsets);
    }
    else if (!ct->copy_ctor_rva)
        memcpy(dest, cxx_adjust_pointer(object, &ct->offsets), ct->size);
    else
        return (ct->flags & CT_HAS_VIRTUAL_BASE) ? NEEDS_COPY_CTOR_VBASE : NEEDS_COPY_CTOR;
    return BUILT;
}

static void call_copy_ctor(void *dest, enum build_result how, const struct cxx_catchable_type *ct, void *object,
                           ULONG64 tbase)
{
    cxx_call_guarded(rva(tbase, ct->copy_ctor_rva), (ULONG64)dest, (ULONG64)cxx_adjust_pointer(object, &ct->offsets),
                     how == NEEDS_COPY_CTOR_VBASE);
}

/* the catch object at dest (HT_* flags) from rec's thrown object, seen as ct */
void cxx_build_catch_object(void *dest, UINT flags, const struct cxx_catchable_type *ct, const EXCEPTION_RECORD *rec)
{
    void *object = (void *)rec->ExceptionInformation[1];
    enum build_result how = build_plain(dest, flags, ct, object);
    if (how != BUILT) call_copy_ctor(dest, how, ct, object, throw_base(rec));
}

/* ---- the exported helpers ---- */

/* HandlerType, as the compiler lays it out (cxx.h's cxx_catch_handler) */
typedef struct cxx_catch_handler handler_type;

static BOOL handler_is_catch_all(const handler_type *h, ULONG64 hbase)
{
    const struct cxx_type_descriptor *type = h->type_rva ? rva(hbase, h->type_rva) : NULL;
    return (h->flags & HT_IS_STD_DOTDOT) || !type || !type->name[0];
}

/* does catch block h take a thrown object of catchable type ct? */
int __cdecl __TypeMatch(const handler_type *h, const struct cxx_catchable_type *ct, const struct cxx_throw_info *ti)
{
    ULONG64 hbase, tbase;
    if (!h || !ct || !ti) return FALSE;
    hbase = image_of(h);
    tbase = image_of(ct);
    if (handler_is_catch_all(h, hbase)) return TRUE;
    return qualifiers_fit(ti->flags, h->flags) && type_fits(rva(hbase, h->type_rva), h->flags, ct, tbase);
}

/* the catch object of h in the frame whose establisher frame is frame; 0
   when done (or nothing to build), else 1 (2 with virtual bases) when the
   caller must still call ct's copy constructor */
int __cdecl __BuildCatchObjectHelper(EXCEPTION_RECORD *rec, void *frame, const handler_type *h,
                                     const struct cxx_catchable_type *ct)
{
    if (!rec || !h || !ct || !cxx_is_cxx_exception(rec) || !h->object_offset) return BUILT;
    if (handler_is_catch_all(h, image_of(h))) return BUILT;
    return build_plain((char *)frame + h->object_offset, h->flags, ct, (void *)rec->ExceptionInformation[1]);
}

void __cdecl __BuildCatchObject(EXCEPTION_RECORD *rec, void *frame, const handler_type *h,
                                const struct cxx_catchable_type *ct)
{
    int how = __BuildCatchObjectHelper(rec, frame, h, ct);
    if (how != BUILT)
        call_copy_ctor((char *)frame + h->object_offset, how, ct, (void *)rec->ExceptionInformation[1], throw_base(rec));
}

void *__cdecl __AdjustPointer(void *ptr, const struct cxx_this_offsets *off)
{
    return cxx_adjust_pointer(ptr, off);
}

/* the record a catch block sees: a rethrow (throw;) stands for the
   exception being handled */
static EXCEPTION_RECORD *effective_record(EXCEPTION_RECORD *rec)
{
    if (rec && rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 && !rec->ExceptionInformation[2])
        rec = msvcrt_get_thread_data()->cxx_current_rec;
    return rec && cxx_is_cxx_exception(rec) ? rec : NULL;
}

/* a filter for a catch block of type (NULL, or a nameless type: catch
   (...)) with HT_* flags: EXCEPTION_EXECUTE_HANDLER when it takes the
   exception, after building the catch object at *copy if copy is given */
int __cdecl __CxxExceptionFilter(EXCEPTION_POINTERS *ptrs, const struct cxx_type_descriptor *type, int flags,
                                 void **copy)
{
    EXCEPTION_RECORD *rec = ptrs ? effective_record(ptrs->ExceptionRecord) : NULL;
    const struct cxx_catchable_type *ct;

    if (!rec) return EXCEPTION_CONTINUE_SEARCH;
    if (!type || !type->name[0] || (flags & HT_IS_STD_DOTDOT)) return EXCEPTION_EXECUTE_HANDLER;
    if (!(ct = cxx_match(rec, type, flags))) return EXCEPTION_CONTINUE_SEARCH;
    if (copy) cxx_build_catch_object(copy, flags, ct, rec);
    return EXCEPTION_EXECUTE_HANDLER;
}

/* is the exception a C++ exception one of whose types is type? */
int __cdecl _is_exception_typeof(const struct cxx_type_descriptor *type, EXCEPTION_POINTERS *ptrs)
{
    EXCEPTION_RECORD *rec = ptrs ? effective_record(ptrs->ExceptionRecord) : NULL;
    return rec && type && cxx_match(rec, type, HT_IS_REFERENCE | HT_IS_CONST | HT_IS_VOLATILE | HT_IS_UNALIGNED);
}

/* the thrown object's destructor (a destructor that throws terminates) */
void __cdecl __DestructExceptionObject(EXCEPTION_RECORD *rec)
{
    if (rec && cxx_is_cxx_exception(rec)) cxx_destroy_object(rec);
}

/* ---- objects in use outside our frame handler ---- */

struct cxx_frame_info *__cdecl _CreateFrameInfo(struct cxx_frame_info *fi, void *object)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    fi->object = object;
    fi->next = data->cxx_frame_infos;
    data->cxx_frame_infos = fi;
    return fi;
}

/* fi and whatever was registered after it and never unlinked */
void __cdecl _FindAndUnlinkFrame(struct cxx_frame_info *fi)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    for (struct cxx_frame_info *f = data->cxx_frame_infos; f; f = f->next)
        if (f == fi) { data->cxx_frame_infos = fi->next; return; }
}

BOOL cxx_frame_infos_hold(const void *object)
{
    for (struct cxx_frame_info *f = msvcrt_get_thread_data()->cxx_frame_infos; f; f = f->next)
        if (f->object == object) return TRUE;
    return FALSE;
}

/* FALSE while a registered frame still uses the object */
BOOL __cdecl _IsExceptionObjectToBeDestroyed(const void *object)
{
    return !cxx_frame_infos_hold(object);
}

/* what __CxxRegisterExceptionObject keeps in the caller's buffer */
struct cxx_registration
{
    struct cxx_frame_info info;
    EXCEPTION_RECORD *rec;        /* the exception made current */
    EXCEPTION_RECORD *saved_rec;  /* the current exception before */
    CONTEXT *saved_ctx;
};

int __cdecl __CxxQueryExceptionSize(void)
{
    return sizeof(struct cxx_registration);
}

/* a catch block begins: its exception is the current one, its object in
   use until __CxxUnregisterExceptionObject */
int __cdecl __CxxRegisterExceptionObject(EXCEPTION_POINTERS *ptrs, void *buffer)
{
    struct cxx_registration *reg = buffer;
    struct msvcrt_thread_data *data;
    EXCEPTION_RECORD *rec;

    if (!reg) return FALSE;
    reg->rec = NULL;
    if (!ptrs || !ptrs->ExceptionRecord) return FALSE;
    data = msvcrt_get_thread_data();
    rec = effective_record(ptrs->ExceptionRecord);
    if (!rec) rec = ptrs->ExceptionRecord;
    _CreateFrameInfo(&reg->info, cxx_is_cxx_exception(rec) ? (void *)rec->ExceptionInformation[1] : NULL);
    reg->rec = rec;
    reg->saved_rec = data->cxx_current_rec;
    reg->saved_ctx = data->cxx_current_ctx;
    data->cxx_current_rec = rec;
    data->cxx_current_ctx = ptrs->ContextRecord;
    return TRUE;
}

/* the catch block ends: its object too, unless it was rethrown or another
   catch block still uses it */
void __cdecl __CxxUnregisterExceptionObject(void *buffer, int rethrow)
{
    struct cxx_registration *reg = buffer;
    struct msvcrt_thread_data *data;

    if (!reg || !reg->rec) return;
    data = msvcrt_get_thread_data();
    _FindAndUnlinkFrame(&reg->info);
    if (!rethrow && cxx_is_cxx_exception(reg->rec) && !cxx_object_in_use(NULL, reg->rec))
        cxx_destroy_object(reg->rec);
    data->cxx_current_rec = reg->saved_rec;
    data->cxx_current_ctx = reg->saved_ctx;
    reg->rec = NULL;
}
