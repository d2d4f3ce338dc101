/*
 * dlls/msvcp140_1/resource.c — msvcp140_1.dll, std::pmr's process-wide
 * memory resources: new_delete_resource() (two of them: the "aligned" one
 * MSVC's headers pick by default, and the "unaligned" one for code built
 * with /Zc:alignedNew-), null_memory_resource(), and the default resource
 * that get_default_resource()/set_default_resource() read and swap.
 *
 * Each resource is an object laid out as MSVC's std::pmr::memory_resource:
 * a vtable pointer, the vtable [scalar deleting destructor, do_allocate,
 * do_deallocate, do_is_equal], and before the vtable the RTTI a compiler
 * emits (locator, hierarchy, base classes), so typeid and dynamic_cast work
 * on them. The classes derive from _Identity_equal_resource, whose
 * do_is_equal compares addresses.
 */
#include "../msvcrt/cxx.h"

extern IMAGE_DOS_HEADER __ImageBase;

/* msvcp140's std::_Xbad_alloc(): throws std::bad_alloc */
void __cdecl std_Xbad_alloc(void) __asm__("\"?_Xbad_alloc@std@@YAXXZ\"") __attribute__((noreturn));

/* ucrtbase's */
void *__cdecl _aligned_malloc(size_t size, size_t alignment);
void __cdecl _aligned_free(void *ptr);

#define DEFAULT_NEW_ALIGNMENT 16  /* __STDCPP_DEFAULT_NEW_ALIGNMENT__ on x64 */

struct memory_resource
{
    const void *const *vtable;
};

/* ---- the classes ---- */

enum resource_class { RES_ALIGNED, RES_UNALIGNED, RES_NULL, CLASS_COUNT };

/* the class, then its bases outward */
#define DEPTH 3
static const char *const type_names[CLASS_COUNT] =
{
    ".?AV_Aligned_new_delete_resource_impl@pmr@std@@",
    ".?AV_Unaligned_new_delete_resource_impl@pmr@std@@",
    ".?AV_Null_resource@?1??null_memory_resource@@YAPEAVmemory_resource@pmr@std@@XZ",
};
static const char base_names[DEPTH - 1][40] =
{
    ".?AV_Identity_equal_resource@pmr@std@@",
    ".?AVmemory_resource@pmr@std@@",
};

struct type_descriptor
{
    const void *vtable;
    char *undecorated;
    char name[80];
};

/* the RTTI of one class and its vtable */
struct class_tables
{
    struct type_descriptor type;
    struct rtti_base rtti_base;
    struct rtti_hierarchy hierarchy;
    int bases[DEPTH];
    struct rtti_locator locator;
    const void *vtable[5];        /* the locator, then the virtual functions */
};

static struct type_descriptor base_types[DEPTH - 1];
static struct rtti_base base_rtti[DEPTH - 1];
static struct rtti_hierarchy base_hierarchies[DEPTH - 1];
static int base_bases[DEPTH - 1][DEPTH - 1];
static struct class_tables tables[CLASS_COUNT];
static struct memory_resource resources[CLASS_COUNT];

/* the default resource; NULL: the new_delete resource of the caller's kind */
static struct memory_resource *volatile default_resource;

/* ---- the virtual functions ---- */

static void *__cdecl resource_deleting_dtor(struct memory_resource *r, unsigned int flags)
{
    (void)flags;                  /* static objects: never freed */
    return r;
}

static BOOL __cdecl resource_is_equal(const struct memory_resource *r, const struct memory_resource *other)
{
    return r == other;            /* _Identity_equal_resource's */
}

/* ::operator new(bytes, align_val_t) and ::operator new(bytes) */
static void *__cdecl aligned_allocate(struct memory_resource *r, size_t bytes, size_t align)
{
    void *p;

    (void)r;
    if (!bytes) bytes = 1;
    p = align > DEFAULT_NEW_ALIGNMENT ? _aligned_malloc(bytes, align) : malloc(bytes);
    if (!p) std_Xbad_alloc();
    return p;
}

static void __cdecl aligned_deallocate(struct memory_resource *r, void *p, size_t bytes, size_t align)
{
    (void)r;
    (void)bytes;
    if (align > DEFAULT_NEW_ALIGNMENT) _aligned_free(p);
    else free(p);
}

/* without aligned new, an alignment past the default cannot be had */
static void *__cdecl unaligned_allocate(struct memory_resource *r, size_t bytes, size_t align)
{
    void *p;

    (void)r;
    if (align > DEFAULT_NEW_ALIGNMENT) std_Xbad_alloc();
    p = malloc(bytes ? bytes : 1);
    if (!p) std_Xbad_alloc();
    return p;
}

static void __cdecl unaligned_deallocate(struct memory_resource *r, void *p, size_t bytes, size_t align)
{
    (void)r;
    (void)bytes;
    (void)align;
    free(p);
}

static void *__cdecl null_allocate(struct memory_resource *r, size_t bytes, size_t align)
{
    (void)r;
    (void)bytes;
    (void)align;
    std_Xbad_alloc();
}

static void __cdecl null_deallocate(struct memory_resource *r, void *p, size_t bytes, size_t align)
{
    (void)r;
    (void)p;
    (void)bytes;
    (void)align;
}

static const void *const functions[CLASS_COUNT][2] =
{
    { aligned_allocate, aligned_deallocate },
    { unaligned_allocate, unaligned_deallocate },
    { null_allocate, null_deallocate },
};

/* ---- the tables, built once at process attach ---- */

static int rva(const void *p)
{
    return (int)((const char *)p - (const char *)&__ImageBase);
}

static void build_bases(void)
{
    static const struct cxx_this_offsets at_start = { 0, -1, 0 };

    for (int i = 0; i < DEPTH - 1; i++)
    {
        int count = DEPTH - 1 - i;  /* _Identity_equal_resource has one base */

        strcpy(base_types[i].name, base_names[i]);
        for (int j = 0; j < count; j++) base_bases[i][j] = rva(&base_rtti[i + j]);
        base_hierarchies[i] = (struct rtti_hierarchy){ 0, 0, count, rva(base_bases[i]) };
        base_rtti[i] = (struct rtti_base){ rva(&base_types[i]), count - 1, at_start, BCD_HAS_HIERARCHY,
                                           rva(&base_hierarchies[i]) };
    }
}

static void build_class(enum resource_class id)
{
    static const struct cxx_this_offsets at_start = { 0, -1, 0 };
    struct class_tables *t = &tables[id];

    strcpy(t->type.name, type_names[id]);
    t->bases[0] = rva(&t->rtti_base);
    for (int i = 1; i < DEPTH; i++) t->bases[i] = rva(&base_rtti[i - 1]);
    t->rtti_base = (struct rtti_base){ rva(&t->type), DEPTH - 1, at_start, BCD_HAS_HIERARCHY, rva(&t->hierarchy) };
    t->hierarchy = (struct rtti_hierarchy){ 0, 0, DEPTH, rva(t->bases) };
    t->locator = (struct rtti_locator){ 1, 0, 0, rva(&t->type), rva(&t->hierarchy), rva(&t->locator) };
    t->vtable[0] = &t->locator;
    t->vtable[1] = resource_deleting_dtor;
    t->vtable[2] = functions[id][0];
    t->vtable[3] = functions[id][1];
    t->vtable[4] = resource_is_equal;
    resources[id].vtable = &t->vtable[1];
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    (void)inst;
    (void)reserved;
    if (reason != DLL_PROCESS_ATTACH) return TRUE;
    build_bases();
    for (int id = 0; id < CLASS_COUNT; id++) build_class(id);
    return TRUE;
}

/* ---- the exports ---- */

struct memory_resource *__cdecl _Aligned_new_delete_resource(void)
{
    return &resources[RES_ALIGNED];
}

struct memory_resource *__cdecl _Unaligned_new_delete_resource(void)
{
    return &resources[RES_UNALIGNED];
}

struct memory_resource *__cdecl null_memory_resource(void)
{
    return &resources[RES_NULL];
}

/* one default for both kinds; unset, each kind's new_delete resource */
static struct memory_resource *or_new_delete(struct memory_resource *r, enum resource_class kind)
{
    return r ? r : &resources[kind];
}

struct memory_resource *__cdecl _Aligned_get_default_resource(void)
{
    return or_new_delete(InterlockedCompareExchangePointer((void **)&default_resource, NULL, NULL), RES_ALIGNED);
}

struct memory_resource *__cdecl _Unaligned_get_default_resource(void)
{
    return or_new_delete(InterlockedCompareExchangePointer((void **)&default_resource, NULL, NULL), RES_UNALIGNED);
}

struct memory_resource *__cdecl _Aligned_set_default_resource(struct memory_resource *r)
{
    return or_new_delete(InterlockedExchangePointer((void **)&default_resource, r), RES_ALIGNED);
}

struct memory_resource *__cdecl _Unaligned_set_default_resource(struct memory_resource *r)
{
    return or_new_delete(InterlockedExchangePointer((void **)&default_resource, r), RES_UNALIGNED);
}
