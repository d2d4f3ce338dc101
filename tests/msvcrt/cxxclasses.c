/*
 * tests/msvcrt/cxxclasses.c — the C++ classes msvcrt.dll exports for old
 * MSVC programs (exception, bad_cast, bad_typeid, __non_rtti_object, in
 * the global namespace), called as such a program calls them: through
 * their decorated names, on objects laid out as MSVC lays them out
 * (a vtable pointer, the message, whether the object owns it), with the
 * vtables as data exports (??_7...@@6B@) whose slot -1 is the RTTI
 * locator; and the C++ names of the new-handler functions.
 */
#include "test.h"
#include "winestub.h"

static HMODULE crt;
#define FUNC(name) ((void *)GetProcAddress(crt, name))

struct object { const void *const *vtable; const char *what; int do_free; };

typedef struct object *(__cdecl *ctor_ref_fn)(struct object *, const char *const *);
typedef struct object *(__cdecl *ctor_str_fn)(struct object *, const char *);
typedef struct object *(__cdecl *ctor_fn)(struct object *);
typedef struct object *(__cdecl *copy_fn)(struct object *, const struct object *);
typedef void (__cdecl *dtor_fn)(struct object *);
typedef const char *(__cdecl *what_fn)(const struct object *);
typedef void *(__cdecl *vdtor_fn)(struct object *, unsigned int);

/* the type name in the RTTI locator before a vtable */
static const char *rtti_name(const void *const *vtable)
{
    const int *locator = vtable[-1];
    char *base = (char *)crt;
    if (!locator || locator[0] != 1) return "(no locator)";
    return base + locator[3] + 16;     /* TypeDescriptor: vtable, spare, name */
}

static void test_exception(void)
{
    ctor_ref_fn p_ctor_copystr = FUNC("??0exception@@QEAA@AEBQEBD@Z");
    struct object *(__cdecl *p_ctor_nocopy)(struct object *, const char *const *, int) = FUNC("??0exception@@QEAA@AEBQEBDH@Z");
    ctor_fn p_ctor = FUNC("??0exception@@QEAA@XZ");
    copy_fn p_copy = FUNC("??0exception@@QEAA@AEBV0@@Z");
    copy_fn p_assign = FUNC("??4exception@@QEAAAEAV0@AEBV0@@Z");
    dtor_fn p_dtor = FUNC("??1exception@@UEAA@XZ");
    what_fn p_what = FUNC("?what@exception@@UEBAPEBDXZ");
    const void *const *vtable = FUNC("??_7exception@@6B@");
    void *(__cdecl *p_malloc)(size_t) = FUNC("malloc");
    static const char msg[] = "a message";
    const char *name = msg;
    struct object e, e2, *heap;

    if (!p_ctor_copystr || !p_ctor_nocopy || !p_ctor || !p_copy || !p_assign || !p_dtor || !p_what || !vtable)
    {
        skip("exception's members are missing\n");
        return;
    }
    memset(&e, 0xcc, sizeof(e));
    ok(p_ctor_copystr(&e, &name) == &e, "the constructor returns this\n");
    ok(e.vtable == vtable, "vtable %p, not the exported %p\n", e.vtable, vtable);
    ok(e.what != msg && !strcmp(e.what, msg) && e.do_free, "the message is copied: %p %d\n", e.what, e.do_free);
    ok(p_what(&e) == e.what, "what()\n");
    ok(((what_fn)vtable[1])(&e) == e.what, "what() through the vtable\n");
    ok(!strcmp(rtti_name(vtable), ".?AVexception@@"), "RTTI name %s\n", rtti_name(vtable));

    memset(&e2, 0xcc, sizeof(e2));
    p_copy(&e2, &e);
    ok(e2.vtable == vtable && e2.what != e.what && !strcmp(e2.what, msg) && e2.do_free, "the copy owns its message\n");
    p_dtor(&e2);

    p_ctor_nocopy(&e2, &name, 1);
    ok(e2.what == msg && !e2.do_free, "the no-copy constructor keeps the pointer: %p %d\n", e2.what, e2.do_free);
    p_assign(&e2, &e);
    ok(e2.vtable == vtable && e2.what != e.what && !strcmp(e2.what, msg), "assignment copies the message\n");
    p_dtor(&e2);
    p_dtor(&e);

    p_ctor(&e);
    ok(e.vtable == vtable && !e.what, "default: %p\n", e.what);
    ok(!strcmp(p_what(&e), "Unknown exception"), "what() of a default exception: %s\n", p_what(&e));
    p_dtor(&e);

    /* the deleting destructor (vtable slot 0) frees with operator delete when asked */
    heap = p_malloc(sizeof(*heap));
    p_ctor_copystr(heap, &name);
    ok(((vdtor_fn)vtable[0])(heap, 1) == heap, "the deleting destructor returns this\n");
}

static void test_derived(void)
{
    static const struct { const char *cls; const char *rtti; const char *dflt; } classes[] =
    {
        { "bad_cast", ".?AVbad_cast@@", "bad cast" },
        { "bad_typeid", ".?AVbad_typeid@@", "bad typeid" },
        { "__non_rtti_object", ".?AV__non_rtti_object@@", NULL },
    };
    what_fn p_what = FUNC("?what@exception@@UEBAPEBDXZ");
    char sym[64];

    for (int i = 0; i < 3; i++)
    {
        const void *const *vtable;
        ctor_str_fn p_ctor;
        copy_fn p_copy, p_assign;
        dtor_fn p_dtor;
        struct object e, e2;

        sprintf(sym, "??_7%s@@6B@", classes[i].cls);
        vtable = FUNC(sym);
        sprintf(sym, "??0%s@@QEAA@PEBD@Z", classes[i].cls);
        p_ctor = FUNC(sym);
        sprintf(sym, "??0%s@@QEAA@AEBV0@@Z", classes[i].cls);
        p_copy = FUNC(sym);
        sprintf(sym, "??4%s@@QEAAAEAV0@AEBV0@@Z", classes[i].cls);
        p_assign = FUNC(sym);
        sprintf(sym, "??1%s@@UEAA@XZ", classes[i].cls);
        p_dtor = FUNC(sym);
        if (!vtable || !p_ctor || !p_copy || !p_assign || !p_dtor) { skip("%s is missing\n", classes[i].cls); continue; }

        p_ctor(&e, "why");
        ok(e.vtable == vtable && !strcmp(e.what, "why") && e.do_free, "%s(const char *)\n", classes[i].cls);
        ok(!strcmp(p_what(&e), "why") && ((what_fn)vtable[1])(&e) == e.what, "%s: what()\n", classes[i].cls);
        ok(!strcmp(rtti_name(vtable), classes[i].rtti), "%s: RTTI name %s\n", classes[i].cls, rtti_name(vtable));
        p_copy(&e2, &e);
        ok(e2.vtable == vtable && !strcmp(e2.what, "why"), "%s: copy\n", classes[i].cls);
        p_dtor(&e2);
        p_ctor(&e2, "other");
        p_assign(&e2, &e);
        /* the assignment is exception's: the object becomes an exception (Wine 8 agrees) */
        ok(e2.vtable == FUNC("??_7exception@@6B@") && !strcmp(e2.what, "why"), "%s: assignment: vtable %p\n",
           classes[i].cls, e2.vtable);
        p_dtor(&e2);
        p_dtor(&e);
        if (classes[i].dflt)
        {
            ctor_fn p_default;
            sprintf(sym, "??_F%s@@QEAAXXZ", classes[i].cls);
            p_default = FUNC(sym);
            if (!p_default) { skip("no default constructor closure\n"); continue; }
            p_default(&e);
            ok(e.vtable == vtable && !strcmp(p_what(&e), classes[i].dflt), "%s(): %s\n", classes[i].cls, p_what(&e));
            p_dtor(&e);
        }
    }
}

static void test_bad_cast_ref(void)
{
    ctor_ref_fn p_ref = FUNC("??0bad_cast@@QEAA@AEBQEBD@Z");
    ctor_ref_fn p_ptr = FUNC("??0bad_cast@@AEAA@PEBQEBD@Z");
    dtor_fn p_dtor = FUNC("??1bad_cast@@UEAA@XZ");
    static const char msg[] = "cast";
    const char *name = msg;
    struct object e;

    if (!p_ref || !p_ptr || !p_dtor) { skip("bad_cast's constructors are missing\n"); return; }
    p_ref(&e, &name);
    ok(e.what != msg && !strcmp(e.what, msg), "bad_cast(const char * const &) copies\n");
    p_dtor(&e);
    p_ptr(&e, &name);
    ok(!strcmp(e.what, msg), "bad_cast(const char * const *)\n");
    p_dtor(&e);
}

static int __cdecl handler(size_t size) { return 0; }

static void test_new_handler(void)
{
    int (__cdecl *(__cdecl *p_set)(int (__cdecl *)(size_t)))(size_t) = FUNC("?_set_new_handler@@YAP6AH_K@ZP6AH0@Z@Z");
    int (__cdecl *(__cdecl *p_query)(void))(size_t) = FUNC("?_query_new_handler@@YAP6AH_K@ZXZ");
    int (__cdecl *p_set_mode)(int) = FUNC("?_set_new_mode@@YAHH@Z");
    int (__cdecl *p_query_mode)(void) = FUNC("?_query_new_mode@@YAHXZ");
    int (__cdecl *old)(size_t);
    int mode;

    if (!p_set || !p_query || !p_set_mode || !p_query_mode) { skip("no new-handler functions\n"); return; }
    old = p_set(handler);
    ok(p_query() == handler, "_query_new_handler\n");
    ok(p_set(old) == handler, "_set_new_handler returns the previous one\n");
    mode = p_set_mode(1);
    ok(p_query_mode() == 1, "_query_new_mode\n");
    ok(p_set_mode(mode) == 1, "_set_new_mode returns the previous mode\n");
}

int main(void)
{
    crt = LoadLibraryA("msvcrt.dll");
    test_exception();
    test_derived();
    test_bad_cast_ref();
    test_new_handler();
    return test_summary();
}
