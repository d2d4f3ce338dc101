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

struct rtti_locator               /* CompleteObjectLocator */
{
    DWORD signature;              /* 1 on x64: rvas below */
    DWORD offset;                 /* of this vtable's subobject in the complete object */
    DWORD cd_offset;              /* constructor displacement (virtual bases) */
    int   type_rva;               /* the complete object's TypeDescriptor */
    int   hierarchy_rva;          /* its ClassHierarchyDescriptor */
    int   self_rva;               /* this locator */
};

struct rtti_hierarchy             /* ClassHierarchyDescriptor */
{
    DWORD signature;
    DWORD attributes;
    DWORD count;                  /* base classes, the class itself included */
    int   bases_rva;              /* array of BaseClassDescriptor rvas */
};

#define BCD_NOT_VISIBLE 0x01      /* a private or protected base */
#define BCD_AMBIGUOUS   0x02      /* more than one of it */

struct rtti_base                  /* BaseClassDescriptor */
{
    int   type_rva;
    DWORD contained;              /* bases of this base that follow it */
    struct cxx_this_offsets offsets;
    DWORD attributes;             /* BCD_* */
    int   hierarchy_rva;
};

static const struct rtti_locator *locator_of(const void *obj, ULONG64 *base)
{
    const struct rtti_locator *col = (*(const struct rtti_locator *const **)obj)[-1];
    *base = (ULONG64)col - col->self_rva;
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

/* typeid(*obj): the type_info of the complete object; NULL for a null
   object (Windows throws std::bad_typeid, which we do not have yet) */
const struct cxx_type_descriptor *__cdecl __RTtypeid(void *obj)
{
    const struct rtti_locator *col;
    ULONG64 base;
    if (!obj) return NULL;
    col = locator_of(obj, &base);
    return (const struct cxx_type_descriptor *)(base + col->type_rva);
}

static BOOL same_type(const struct cxx_type_descriptor *a, const struct cxx_type_descriptor *b)
{
    return a == b || !strcmp(a->name, b->name);
}

/* where the base class lies in the complete object */
static void *base_in(char *complete, const struct cxx_this_offsets *off)
{
    char *p = complete + off->mdisp;
    if (off->pdisp >= 0) p += *(const int *)(*(const char **)(complete + off->pdisp) + off->vdisp) + off->pdisp;
    return p;
}

/* dynamic_cast<dst>(obj): obj's complete object seen as its public,
   unambiguous base (or itself) of type dst, else NULL. A failed cast to a
   reference should throw std::bad_cast, which we do not have yet: it gives
   NULL as well. */
void *__cdecl __RTDynamicCast(void *obj, LONG vfdelta, const struct cxx_type_descriptor *src,
                              const struct cxx_type_descriptor *dst, BOOL is_reference)
{
    const struct rtti_locator *col;
    const struct rtti_hierarchy *hierarchy;
    const int *bases;
    ULONG64 base;
    char *complete;

    (void)src;
    (void)is_reference;
    if (!obj) return NULL;
    obj = (char *)obj + vfdelta;
    complete = __RTCastToVoid(obj);
    col = locator_of(obj, &base);
    hierarchy = (const struct rtti_hierarchy *)(base + col->hierarchy_rva);
    bases = (const int *)(base + hierarchy->bases_rva);
    for (DWORD i = 0; i < hierarchy->count; i++)
    {
        const struct rtti_base *b = (const struct rtti_base *)(base + bases[i]);
        if (!same_type((const struct cxx_type_descriptor *)(base + b->type_rva), dst)) continue;
        if (b->attributes & (BCD_NOT_VISIBLE | BCD_AMBIGUOUS)) return NULL;
        return base_in(complete, &b->offsets);
    }
    return NULL;
}
