/*
 * dlls/msvcp140/excptptr.c — std::exception_ptr's out-of-line half
 * (current_exception, rethrow_exception, make_exception_ptr and the
 * object's copies and comparisons).
 *
 * An exception_ptr is two pointers, as MSVC's (a shared_ptr to an
 * EXCEPTION_RECORD): the record, and the block holding it with its
 * reference count. A C++ exception's record points at the block's own
 * copy of the thrown object, made with the object's copy constructor
 * (its most derived catchable type, the first of the list); the copy's
 * destructor runs when the last exception_ptr to it goes. Any other
 * exception (an SEH one caught by catch (...)) keeps its record alone.
 *
 * rethrow_exception throws a fresh copy of the kept object, made on its
 * own stack (catch blocks run below the throwing frame, and the frame
 * handler destroys that copy when its catch block ends), so the kept one
 * lives on for further rethrows.
 */
#include "private.h"

struct eptr_block
{
    LONG refs;
    EXCEPTION_RECORD rec;
    __attribute__((aligned(16))) char object[];   /* a C++ exception's copy */
};

struct exception_ptr              /* the program's std::exception_ptr */
{
    EXCEPTION_RECORD *rec;        /* NULL: the null exception_ptr */
    struct eptr_block *block;
};

static const struct cxx_catchable_type *most_derived_type(const EXCEPTION_RECORD *rec)
{
    const struct cxx_throw_info *ti = (const struct cxx_throw_info *)rec->ExceptionInformation[2];
    ULONG64 base = rec->ExceptionInformation[3];
    const struct cxx_catchable_type_array *types = (const void *)(base + ti->catchable_types_rva);
    return (const void *)(base + types->type_rvas[0]);
}

/* a C++ exception of the current compiler's format (with its image base) */
static BOOL is_cxx(const EXCEPTION_RECORD *rec)
{
    return rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= CXX_EXCEPTION_PARAMS &&
           rec->ExceptionInformation[0] >= CXX_MAGIC_VC6 && rec->ExceptionInformation[0] <= CXX_MAGIC_VC8 &&
           rec->ExceptionInformation[2];
}

/* dest = a copy of the thrown object src, as ct describes it */
static void copy_object(void *dest, const void *src, const struct cxx_catchable_type *ct, ULONG64 base)
{
    typedef void *(__cdecl *copy_ctor)(void *, const void *, int);
    const void *from = __AdjustPointer((void *)src, &ct->offsets);

    if ((ct->flags & CT_IS_SIMPLE_TYPE) || !ct->copy_ctor_rva) memcpy(dest, from, ct->size);
    else ((copy_ctor)(base + ct->copy_ctor_rva))(dest, from, !!(ct->flags & CT_HAS_VIRTUAL_BASE));
}

/* ---- the blocks ---- */

/* a block for rec; a C++ exception's object is copied into it */
static struct eptr_block *block_from_record(const EXCEPTION_RECORD *rec)
{
    const struct cxx_catchable_type *ct = is_cxx(rec) ? most_derived_type(rec) : NULL;
    struct eptr_block *block = malloc(sizeof(*block) + (ct ? ct->size : 0));

    if (!block) return NULL;
    block->refs = 1;
    block->rec = *rec;
    block->rec.ExceptionRecord = NULL;
    if (ct)
    {
        copy_object(block->object, (void *)rec->ExceptionInformation[1], ct, rec->ExceptionInformation[3]);
        block->rec.ExceptionInformation[1] = (ULONG_PTR)block->object;
    }
    return block;
}

static void block_release(struct eptr_block *block)
{
    if (!block || InterlockedDecrement(&block->refs)) return;
    if (is_cxx(&block->rec)) __DestructExceptionObject(&block->rec);
    free(block);
}

static void eptr_set(struct exception_ptr *ptr, struct eptr_block *block)
{
    ptr->block = block;
    ptr->rec = block ? &block->rec : NULL;
}

/* ptr takes block (one reference), letting its old one go */
static void eptr_replace(struct exception_ptr *ptr, struct eptr_block *block)
{
    struct eptr_block *old = ptr->block;
    eptr_set(ptr, block);
    block_release(old);
}

/* what a copy that finds no memory gives: a bad_alloc, made at start */
static struct exception_ptr bad_alloc_ptr;

static void eptr_from_bad_alloc(struct exception_ptr *ptr)
{
    if (bad_alloc_ptr.block) InterlockedIncrement(&bad_alloc_ptr.block->refs);
    eptr_replace(ptr, bad_alloc_ptr.block);
}

static struct eptr_block *block_for_throw(const void *object, const struct cxx_throw_info *ti)
{
    EXCEPTION_RECORD rec = { CXX_EXCEPTION, EXCEPTION_NONCONTINUABLE };
    void *base = NULL;

    RtlPcToFileHeader((void *)ti, &base);
    rec.NumberParameters = CXX_EXCEPTION_PARAMS;
    rec.ExceptionInformation[0] = CXX_MAGIC_VC6;
    rec.ExceptionInformation[1] = (ULONG_PTR)object;
    rec.ExceptionInformation[2] = (ULONG_PTR)ti;
    rec.ExceptionInformation[3] = (ULONG_PTR)base;
    return block_from_record(&rec);
}

void msvcp_init_exception_ptr(void)
{
    struct std_exception_object e;
    const struct cxx_throw_info *ti = msvcp_init_object(&e, STD_BAD_ALLOC, NULL);
    eptr_set(&bad_alloc_ptr, block_for_throw(&e, ti));
}

/* ---- the exports ---- */

void __cdecl eptr_create(struct exception_ptr *ptr)
{
    eptr_set(ptr, NULL);
}

void __cdecl eptr_destroy(struct exception_ptr *ptr)
{
    eptr_replace(ptr, NULL);
}

void __cdecl eptr_copy(struct exception_ptr *dst, const struct exception_ptr *src)
{
    if (src->block) InterlockedIncrement(&src->block->refs);
    eptr_set(dst, src->block);
}

void __cdecl eptr_assign(struct exception_ptr *dst, const struct exception_ptr *src)
{
    if (src->block) InterlockedIncrement(&src->block->refs);
    eptr_replace(dst, src->block);
}

_Bool __cdecl eptr_compare(const struct exception_ptr *a, const struct exception_ptr *b)
{
    return a->rec == b->rec;
}

_Bool __cdecl eptr_to_bool(const struct exception_ptr *ptr)
{
    return ptr->rec != NULL;
}

void __cdecl eptr_swap(struct exception_ptr *a, struct exception_ptr *b)
{
    struct exception_ptr tmp = *a;
    *a = *b;
    *b = tmp;
}

/* std::current_exception(): the exception of the innermost running catch
   block, or null outside one; an allocation failure gives a bad_alloc */
void __cdecl eptr_current_exception(struct exception_ptr *ptr)
{
    const EXCEPTION_RECORD *rec = *__current_exception();
    struct eptr_block *block = NULL;

    if (rec && !(block = block_from_record(rec))) eptr_from_bad_alloc(ptr);
    else eptr_replace(ptr, block);
}

/* std::make_exception_ptr(object): as if object had been thrown with ti */
void __cdecl eptr_copy_exception(struct exception_ptr *ptr, const void *object, const struct cxx_throw_info *ti)
{
    struct eptr_block *block = block_for_throw(object, ti);
    if (!block) eptr_from_bad_alloc(ptr);
    else eptr_replace(ptr, block);
}

/* throw what ptr holds: a null one throws std::bad_exception; the kept
   object is thrown as a copy on this stack. An owned ptr (an argument
   passed by value, which the callee destroys) goes before the throw. */
static void rethrow(const struct exception_ptr *ptr, BOOL owned)
{
    EXCEPTION_RECORD rec;
    const struct cxx_catchable_type *ct;
    void *copy;

    if (!ptr->rec) msvcp_throw(STD_BAD_EXCEPTION, NULL);
    rec = *ptr->rec;
    if (!is_cxx(&rec))
    {
        if (owned) eptr_destroy((struct exception_ptr *)ptr);
        RaiseException(rec.ExceptionCode, rec.ExceptionFlags & EXCEPTION_NONCONTINUABLE, rec.NumberParameters,
                       rec.ExceptionInformation);
        abort();
    }
    ct = most_derived_type(&rec);
    copy = __builtin_alloca(ct->size);
    copy_object(copy, (void *)rec.ExceptionInformation[1], ct, rec.ExceptionInformation[3]);
    if (owned) eptr_destroy((struct exception_ptr *)ptr);
    _CxxThrowException(copy, (const struct cxx_throw_info *)rec.ExceptionInformation[2]);
    abort();
}

void __cdecl eptr_rethrow(const struct exception_ptr *ptr)
{
    rethrow(ptr, FALSE);
}

/* std::future's get() of a stored exception: the exception_ptr comes by
   value, so it is ours to destroy */
void __cdecl std_Rethrow_future_exception(struct exception_ptr *ptr)
{
    rethrow(ptr, TRUE);
}
