/*
 * dlls/msvcrt/cxx_except.c — the exceptions the C++ runtime throws itself:
 * std::bad_cast (a failed dynamic_cast to a reference), std::bad_typeid
 * (typeid of *nullptr) and std::__non_rtti_object (an object without
 * RTTI), all derived from std::exception. ucrtbase's are std::, msvcrt's
 * (older compilers) in the global namespace, as their type names say.
 *
 * A program catches them by name (catch (std::bad_cast &) compares its
 * type descriptor's name with ours), calls what() and the destructor
 * through the vtable, and may copy them (catch by value): so each class has
 * the whole of what a compiler would emit for it — type descriptor,
 * catchable type, ThrowInfo, and the RTTI before its vtable (locator,
 * hierarchy, base class descriptors) for typeid and dynamic_cast on it.
 * Their rvas are offsets from this DLL's base, computed once at the first
 * throw (C cannot write an image-relative offset as a constant).
 *
 * The object is laid out as vcruntime's std::exception: a vtable (slot 0
 * the deleting destructor, slot 1 what()) and struct std_exception_data.
 */
#include "cxx.h"

extern IMAGE_DOS_HEADER __ImageBase;

#ifdef WLX_UCRT
#define CLASS_NAME(name) ".?AV" name "@std@@"
#else
#define CLASS_NAME(name) ".?AV" name "@@"
#endif

#define MAX_DEPTH 3               /* __non_rtti_object, bad_typeid, exception */

struct std_object                 /* a std::exception as the program sees it */
{
    const void *const *vtable;
    struct std_exception_data data;
};

/* each class: its name and its base (-1: none) */
static const struct { const char *name; int parent; } class_desc[CXX_STD_COUNT] =
{
    [CXX_STD_EXCEPTION]   = { CLASS_NAME("exception"), -1 },
    [CXX_BAD_CAST]        = { CLASS_NAME("bad_cast"), CXX_STD_EXCEPTION },
    [CXX_BAD_TYPEID]      = { CLASS_NAME("bad_typeid"), CXX_STD_EXCEPTION },
    [CXX_NON_RTTI_OBJECT] = { CLASS_NAME("__non_rtti_object"), CXX_BAD_TYPEID },
};

/* everything a compiler would emit for one class */
struct std_class
{
    struct { const void *vtable; char *undecorated; char name[32]; } type;   /* TypeDescriptor */
    struct cxx_catchable_type catchable;
    struct rtti_base base;                  /* this class within any hierarchy (single inheritance) */
    struct rtti_hierarchy hierarchy;
    int base_rvas[MAX_DEPTH];               /* the hierarchy's classes, this one first */
    struct { int count; int type_rvas[MAX_DEPTH]; } catchables;   /* CatchableTypeArray */
    struct cxx_throw_info throw_info;
    struct rtti_locator locator;
};

static struct std_class classes[CXX_STD_COUNT];
static LONG classes_ready;

struct std_object;
static void *__cdecl object_deleting_dtor(struct std_object *e, unsigned int flags);
static const char *__cdecl object_what(const struct std_object *e);

/* each class's vtable: the RTTI locator, then the virtual functions (an
 * object points at [1]); msvcrt.dll exports them as ??_7<class>@@6B@ */
#define VTABLE(k) { &classes[k].locator, object_deleting_dtor, object_what }
const void *msvcrt_std_vtables[CXX_STD_COUNT][3] =
{
    VTABLE(CXX_STD_EXCEPTION), VTABLE(CXX_BAD_CAST), VTABLE(CXX_BAD_TYPEID), VTABLE(CXX_NON_RTTI_OBJECT),
};
#define VTABLE_OF(k) (&msvcrt_std_vtables[k][1])

/* ---- the virtual functions, the copy constructors, the destructor ---- */

static void __cdecl object_dtor(struct std_object *e)
{
    __std_exception_destroy(&e->data);
}

/* vtable slot 0: the destructor, then operator delete when flags say so */
static void *__cdecl object_deleting_dtor(struct std_object *e, unsigned int flags)
{
    object_dtor(e);
    if (flags & 1) free(e);
    return e;
}

/* vtable slot 1 */
static const char *__cdecl object_what(const struct std_object *e)
{
    return e->data.what ? e->data.what : "Unknown exception";
}

/* a copy as class kind: catch (std::exception e) of a bad_cast slices it */
static struct std_object *copy_as(struct std_object *dst, const struct std_object *src, enum cxx_std_exception kind)
{
    dst->vtable = VTABLE_OF(kind);
    __std_exception_copy(&src->data, &dst->data);
    return dst;
}

#define COPY_CTOR(kind) \
    static struct std_object *__cdecl copy_##kind(struct std_object *dst, const struct std_object *src) \
    { return copy_as(dst, src, kind); }
COPY_CTOR(CXX_STD_EXCEPTION)
COPY_CTOR(CXX_BAD_CAST)
COPY_CTOR(CXX_BAD_TYPEID)
COPY_CTOR(CXX_NON_RTTI_OBJECT)

static void *const copy_ctors[CXX_STD_COUNT] =
{
    copy_CXX_STD_EXCEPTION, copy_CXX_BAD_CAST, copy_CXX_BAD_TYPEID, copy_CXX_NON_RTTI_OBJECT,
};

/* ---- the tables ---- */

static int rva_of(const void *p)
{
    return (int)((ULONG_PTR)p - (ULONG_PTR)&__ImageBase);
}

static const struct cxx_this_offsets at_start = { 0, -1, 0 };

/* class k's tables; the others' may not be built yet, only their rvas are taken */
static void build_class(int k)
{
    struct std_class *c = &classes[k];
    int n = 0;

    /* the type descriptor's cached undecorated name is left alone: a
       thread racing this build may have set it */
    c->type.vtable = type_info_vtable;
    strcpy(c->type.name, class_desc[k].name);
    c->catchable.flags = 0;
    c->catchable.type_rva = rva_of(&c->type);
    c->catchable.offsets = at_start;
    c->catchable.size = sizeof(struct std_object);
    c->catchable.copy_ctor_rva = rva_of(copy_ctors[k]);
    for (int j = k; j >= 0; j = class_desc[j].parent, n++)
    {
        c->base_rvas[n] = rva_of(&classes[j].base);
        c->catchables.type_rvas[n] = rva_of(&classes[j].catchable);
    }
    c->catchables.count = n;
    c->base = (struct rtti_base){ rva_of(&c->type), n - 1, at_start, BCD_HAS_HIERARCHY, rva_of(&c->hierarchy) };
    c->hierarchy = (struct rtti_hierarchy){ 0, 0, n, rva_of(c->base_rvas) };
    c->throw_info = (struct cxx_throw_info){ 0, rva_of(object_dtor), 0, rva_of(&c->catchables) };
    c->locator = (struct rtti_locator){ 1, 0, 0, rva_of(&c->type), rva_of(&c->hierarchy), rva_of(&c->locator) };
}

/* Threads racing the first throw all build, writing the same values; each
   uses the tables only once its own build is done. */
static void build_classes(void)
{
    if (__atomic_load_n(&classes_ready, __ATOMIC_ACQUIRE)) return;
    for (int k = 0; k < CXX_STD_COUNT; k++) build_class(k);
    __atomic_store_n(&classes_ready, 1, __ATOMIC_RELEASE);
}

/* throw an exception of class kind, what() giving what */
void cxx_throw_std(enum cxx_std_exception kind, const char *what)
{
    struct std_object e;
    build_classes();
    e.vtable = VTABLE_OF(kind);
    e.data.what = what;
    e.data.do_free = 0;
    _CxxThrowException(&e, &classes[kind].throw_info);
    terminate();   /* _CxxThrowException does not come back */
}

#ifndef WLX_UCRT
/* ---- msvcrt.dll's exported members of these classes (global namespace) ----
 * A constructor taking the message by reference copies it (what() then
 * owns a copy); the "no copy" ones keep the caller's pointer. The old
 * class's flag is an int (MSVC 6's _m_doFree): all four bytes are written.
 * Assignment is exception's for all four classes, which destroys and
 * copy-constructs as an exception: the target ends with exception's
 * vtable (as Wine's does, from MSVC's own explicit destructor call). */

__asm__(".globl msvcrt_exception_vftable\n.set msvcrt_exception_vftable, msvcrt_std_vtables+8\n"
        ".globl msvcrt_bad_cast_vftable\n.set msvcrt_bad_cast_vftable, msvcrt_std_vtables+32\n"
        ".globl msvcrt_bad_typeid_vftable\n.set msvcrt_bad_typeid_vftable, msvcrt_std_vtables+56\n"
        ".globl msvcrt_non_rtti_object_vftable\n.set msvcrt_non_rtti_object_vftable, msvcrt_std_vtables+80\n");

static struct std_object *int_flag(struct std_object *e)
{
    int flag = e->data.do_free != 0;
    memcpy(&e->data.do_free, &flag, sizeof(flag));
    return e;
}

static struct std_object *init_object(struct std_object *e, enum cxx_std_exception kind, const char *what, int copy)
{
    struct std_exception_data data = { what, 1 };
    build_classes();
    e->vtable = VTABLE_OF(kind);
    if (copy && what) __std_exception_copy(&data, &e->data);
    else { e->data.what = what; e->data.do_free = 0; }
    return int_flag(e);
}

static struct std_object *assign_object(struct std_object *e, const struct std_object *rhs)
{
    if (e != rhs)
    {
        object_dtor(e);
        copy_as(e, rhs, CXX_STD_EXCEPTION);
    }
    return int_flag(e);
}

struct std_object *__cdecl msvcrt_exception_ctor(struct std_object *e) { return init_object(e, CXX_STD_EXCEPTION, NULL, 0); }
struct std_object *__cdecl msvcrt_exception_ctor_copystr(struct std_object *e, const char *const *what)
{
    return init_object(e, CXX_STD_EXCEPTION, *what, 1);
}
struct std_object *__cdecl msvcrt_exception_ctor_nocopy(struct std_object *e, const char *const *what, int unused)
{
    return init_object(e, CXX_STD_EXCEPTION, *what, 0);
}
void __cdecl msvcrt_exception_dtor(struct std_object *e) { object_dtor(e); }
struct std_object *__cdecl msvcrt_exception_assign(struct std_object *e, const struct std_object *rhs) { return assign_object(e, rhs); }
const char *__cdecl msvcrt_exception_what(const struct std_object *e) { return object_what(e); }

#define MEMBERS(cls, kind, default_what) \
    struct std_object *__cdecl msvcrt_##cls##_copy_ctor(struct std_object *e, const struct std_object *rhs) \
    { build_classes(); return int_flag(copy_as(e, rhs, kind)); } \
    struct std_object *__cdecl msvcrt_##cls##_ctor_str(struct std_object *e, const char *what) \
    { return init_object(e, kind, what, 1); } \
    struct std_object *__cdecl msvcrt_##cls##_ctor_default(struct std_object *e) \
    { return init_object(e, kind, default_what, 0); }

MEMBERS(exception, CXX_STD_EXCEPTION, NULL)
MEMBERS(bad_cast, CXX_BAD_CAST, "bad cast")
MEMBERS(bad_typeid, CXX_BAD_TYPEID, "bad typeid")
MEMBERS(non_rtti_object, CXX_NON_RTTI_OBJECT, "non-RTTI object")

/* bad_cast(const char * const &) copies; the private bad_cast(const char * const *) does not */
struct std_object *__cdecl msvcrt_bad_cast_ctor_ref(struct std_object *e, const char *const *what)
{
    return init_object(e, CXX_BAD_CAST, *what, 1);
}
struct std_object *__cdecl msvcrt_bad_cast_ctor_ptr(struct std_object *e, const char *const *what)
{
    return init_object(e, CXX_BAD_CAST, *what, 0);
}
#endif
