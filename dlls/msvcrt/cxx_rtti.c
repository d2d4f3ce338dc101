/*
 * dlls/msvcrt/cxx_rtti.c — what the compiler calls for typeid(*p) and
 * dynamic_cast on x64 (MSVC ABI): __RTtypeid, __RTCastToVoid and
 * __RTDynamicCast, reading the RTTI the compiler puts before each vtable.
 *
 * vtable[-1] is the object's CompleteObjectLocator; its rvas are relative
 * to the image that holds it (x64: the locator gives its own rva). The
 * hierarchy descriptor lists every base class of the complete object, the
 * class itself first, with where each lies in it.
 */
#include "cxx.h"

/* the object's locator, vtable[-1]; what has none, or cannot be read,
   has no RTTI */
static const struct rtti_locator *locator_of(const void *obj, ULONG64 *base)
{
    const void *vtable, *col, *rvas;
    if (!cxx_read_pointer(obj, &vtable) || !cxx_read_pointer((const void *const *)vtable - 1, &col))
        cxx_throw_std(CXX_NON_RTTI_OBJECT, "Access violation - no RTTI data!");
    /* its last two fields, hierarchy_rva and self_rva, as one read */
    if (!col || !cxx_read_pointer((const void *const *)&((const struct rtti_locator *)col)->hierarchy_rva, &rvas))
        cxx_throw_std(CXX_NON_RTTI_OBJECT, "Bad read pointer - no RTTI data!");
    *base = (ULONG64)col - ((const struct rtti_locator *)col)->self_rva;
    return col;
}

/* the complete object a subobject pointer belongs to */
void *__cdecl __RTCastToVoid(void *obj)
{
    ULONG64 base;
    const struct rtti_locator *col;
    char *complete;

    if (!obj) return NULL;
    col = locator_of(obj, &base);
    complete = (char *)obj - col->offset;
    if (col->cd_offset) complete -= *(const int *)((char *)obj - col->cd_offset);
    return complete;
}

/* typeid(*obj): the type_info of the complete object. The compiler calls
   this with NULL for typeid(*p) of a null p: std::bad_typeid. */
const struct cxx_type_descriptor *__cdecl __RTtypeid(void *obj)
{
    const struct rtti_locator *col;
    ULONG64 base;
    if (!obj) cxx_throw_std(CXX_BAD_TYPEID, "Attempted a typeid of nullptr pointer!");
    col = locator_of(obj, &base);
    return (const struct cxx_type_descriptor *)(base + col->type_rva);
}

/* dynamic_cast<dst>(obj): obj's complete object seen as its public,
   unambiguous base (or itself) of type dst, else NULL; a failed cast to a
   reference throws std::bad_cast */
void *__cdecl __RTDynamicCast(void *obj, LONG vfdelta, const struct cxx_type_descriptor *src,
                              const struct cxx_type_descriptor *dst, BOOL is_reference)
{
    const struct rtti_locator *col;
    const struct rtti_hierarchy *hierarchy;
    const int *bases;
    ULONG64 base;
    char *complete;

    (void)src;
    if (!obj) return NULL;
    obj = (char *)obj + vfdelta;
    complete = __RTCastToVoid(obj);
    col = locator_of(obj, &base);
    hierarchy = (const struct rtti_hierarchy *)(base + col->hierarchy_rva);
    bases = (const int *)(base + hierarchy->bases_rva);
    for (DWORD i = 0; i < hierarchy->count; i++)
    {
        const struct rtti_base *b = (const struct rtti_base *)(base + bases[i]);
        if (!cxx_same_type((const struct cxx_type_descriptor *)(base + b->type_rva), dst)) continue;
        if (b->attributes & (BCD_NOT_VISIBLE | BCD_AMBIGUOUS)) break;
        return cxx_adjust_pointer(complete, &b->offsets);
    }
    if (is_reference) cxx_throw_std(CXX_BAD_CAST, "Bad dynamic_cast!");
    return NULL;
}
