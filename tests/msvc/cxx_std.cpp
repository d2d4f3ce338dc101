/*
 * tests/msvc/cxx_std.cpp — what the C++ runtime throws itself and the
 * helpers it exports for code with catch blocks of its own making: a failed
 * dynamic_cast to a reference throws std::bad_cast, typeid(*nullptr)
 * std::bad_typeid, both caught as std::exception too, typeid of an
 * unreadable object std::__non_rtti_object; then, from __except
 * filters over a real throw (what /EHa code and other runtimes do),
 * __CxxExceptionFilter, _is_exception_typeof, __TypeMatch,
 * __BuildCatchObject(Helper), __AdjustPointer, __DestructExceptionObject,
 * __CxxRegisterExceptionObject/__CxxUnregisterExceptionObject and
 * _IsExceptionObjectToBeDestroyed; and nested exceptions (a destructor
 * that throws and catches during an unwind, throw; from a callee), and
 * what std::exception_ptr does over vcruntime (keep the current exception's
 * record and a copy of its object, raise it again later). Linked into cxx.exe (cxx.cpp runs
 * test_std_exceptions).
 */
#include "msvctest.h"

extern "C" {
struct std_exception_data_ { const char *what; bool do_free; };
__declspec(dllimport) void __cdecl __std_exception_copy(const std_exception_data_ *from, std_exception_data_ *to);
__declspec(dllimport) void __cdecl __std_exception_destroy(std_exception_data_ *data);
__declspec(dllimport) void **__cdecl __current_exception(void);
}

/* the vcruntime classes' layout: a vtable (deleting destructor, what), then
   the message; the program has their code, the runtime throws them */
namespace std {
class type_info { public: virtual ~type_info(); void *data; char name[1]; };
class exception
{
public:
    exception() noexcept : data{ 0, false } {}
    exception(const exception &other) noexcept : data{ 0, false } { __std_exception_copy(&other.data, &data); }
    virtual ~exception() noexcept { __std_exception_destroy(&data); }
    virtual const char *what() const { return data.what ? data.what : "Unknown exception"; }
private:
    std_exception_data_ data;
};
class bad_cast : public exception {};
class bad_typeid : public exception {};
}

static const char *raw_name(const std::type_info &ti) { return ti.name; }

struct Shape { int sides; Shape() : sides(3) {} virtual ~Shape() {} };
struct Square : Shape { Square() { sides = 4; } };

/* ---- bad_cast and bad_typeid ---- */

__declspec(noinline) static int square_sides(Shape &s) { return dynamic_cast<Square &>(s).sides; }
__declspec(noinline) static const char *type_of(Shape *s) { return raw_name(typeid(*s)); }

static void test_bad_cast(void)
{
    Shape triangle;
    Square square;
    const char *what = 0, *type = 0;
    int caught = 0;

    ok(square_sides(square) == 4, "dynamic_cast to a reference that fits");
    try { square_sides(triangle); }
    catch (std::bad_cast &e) { caught = 1; what = e.what(); type = raw_name(typeid(e)); }
    ok(caught == 1, "a failed dynamic_cast to a reference throws std::bad_cast");
    ok(what && what[0], "bad_cast::what() says something");
    ok(type && !strcmp(type, ".?AVbad_cast@std@@"), "typeid of the caught object is std::bad_cast");

    caught = 0;
    try { square_sides(triangle); }
    catch (std::bad_typeid &) { caught = -1; }
    catch (std::exception &e) { caught = dynamic_cast<std::bad_cast *>(&e) ? 1 : -2; }
    ok(caught == 1, "std::bad_cast is caught as std::exception, and dynamic_cast sees it is a bad_cast");

    caught = 0;
    try { square_sides(triangle); }
    catch (std::bad_cast e) { caught = e.what() && e.what()[0] ? 1 : -1; }
    ok(caught == 1, "std::bad_cast caught by value: a copy with the message");
}

static void test_bad_typeid(void)
{
    Square square;
    Shape *volatile none = 0;
    const char *what = 0;
    int caught = 0;

    ok(!strcmp(type_of(&square), ".?AUSquare@@"), "typeid(*p) of an object");
    try { type_of(none); }
    catch (std::bad_typeid &e) { caught = 1; what = e.what(); }
    ok(caught == 1, "typeid(*p) of a null p throws std::bad_typeid");
    ok(what && what[0], "bad_typeid::what() says something");

    caught = 0;
    try { type_of(none); }
    catch (std::bad_cast &) { caught = -1; }
    catch (std::exception &e) { caught = !strcmp(raw_name(typeid(e)), ".?AVbad_typeid@std@@") ? 1 : -2; }
    ok(caught == 1, "std::bad_typeid is caught as std::exception");

    /* an "object" whose vtable pointer leads nowhere: no RTTI to read */
    static unsigned long long bogus[2] = { 0x10, 0 };
    const char *type = 0;
    caught = 0;
    try { type_of((Shape *)bogus); }
    catch (std::bad_typeid &e) { caught = 1; type = raw_name(typeid(e)); }
    ok(caught == 1, "typeid(*p) of an unreadable object throws a std::bad_typeid");
    ok(type && !strcmp(type, ".?AV__non_rtti_object@std@@"), "namely a std::__non_rtti_object");

    /* a readable vtable whose locator pointer leads nowhere */
    static const void *fake_vtable[2] = { (const void *)0x20, 0 };
    static const void *fake_object[1] = { &fake_vtable[1] };
    type = 0;
    caught = 0;
    try { type_of((Shape *)fake_object); }
    catch (std::bad_typeid &e) { caught = 1; type = raw_name(typeid(e)); }
    ok(caught == 1 && type && !strcmp(type, ".?AV__non_rtti_object@std@@"),
       "typeid(*p) of an object whose RTTI cannot be read throws a std::__non_rtti_object");
}

/* ---- the helpers, from __except filters ---- */

struct EXCEPTION_RECORD_
{
    unsigned int code, flags;
    EXCEPTION_RECORD_ *next;
    void *address;
    unsigned int count;
    unsigned long long info[15];
};
struct EXCEPTION_POINTERS_ { EXCEPTION_RECORD_ *record; void *context; };
#define GetExceptionInformation_() ((EXCEPTION_POINTERS_ *)_exception_info())

struct PMD { int mdisp, pdisp, vdisp; };
struct CatchableType { unsigned int flags; int type; PMD offsets; int size; int copy_ctor; };
struct CatchableTypeArray { int count; int types[1]; };
struct ThrowInfo { unsigned int flags; int dtor, forward, catchables; };
struct HandlerType { unsigned int flags; int type, object, handler, frame; };
#define HT_IS_REFERENCE 8

typedef int (__cdecl *filter_func)(EXCEPTION_POINTERS_ *, const std::type_info *, int, void *);
typedef int (__cdecl *typeof_func)(const std::type_info &, EXCEPTION_POINTERS_ *);
typedef int (__cdecl *typematch_func)(const HandlerType *, const CatchableType *, const ThrowInfo *);
typedef void (__cdecl *build_func)(EXCEPTION_RECORD_ *, void *, const HandlerType *, const CatchableType *);
typedef int (__cdecl *build_helper_func)(EXCEPTION_RECORD_ *, void *, const HandlerType *, const CatchableType *);
typedef void *(__cdecl *adjust_func)(void *, const PMD *);
typedef void (__cdecl *destruct_func)(EXCEPTION_RECORD_ *);
typedef int (__cdecl *size_func)(void);
typedef int (__cdecl *register_func)(EXCEPTION_POINTERS_ *, void *);
typedef void (__cdecl *unregister_func)(void *, int);
typedef int (__cdecl *to_destroy_func)(void *);

static void *vcruntime(const char *name)
{
    return GetProcAddress(GetModuleHandleA("vcruntime140.dll"), name);
}

static int copies, destructions;

struct Payload
{
    int value;
    Payload(int v) : value(v) {}
    Payload(const Payload &o) : value(o.value + 100) { copies++; }
    virtual ~Payload() { destructions++; }
};
struct Other { long long pad[2]; virtual ~Other() {} };
struct Wrapped : Other, Payload { Wrapped(int v) : Payload(v) {} };

__declspec(noinline) static void throw_wrapped(int v) { throw Wrapped(v); }
__declspec(noinline) static void throw_int(int v) { throw v; }

/* the catchable type of a thrown object whose type is type */
static const CatchableType *catchable(const EXCEPTION_RECORD_ *rec, const std::type_info &type)
{
    const char *base = (const char *)rec->info[3];
    const ThrowInfo *ti = (const ThrowInfo *)rec->info[2];
    const CatchableTypeArray *types = (const CatchableTypeArray *)(base + ti->catchables);
    for (int i = 0; i < types->count; i++)
    {
        const CatchableType *ct = (const CatchableType *)(base + types->types[i]);
        if (!strcmp(((const std::type_info *)(base + ct->type))->name, type.name)) return ct;
    }
    return 0;
}

static int image_rva(const void *p) { return (int)((const char *)p - (const char *)GetModuleHandleA(0)); }

static int filter_cxx_filter(EXCEPTION_POINTERS_ *ptrs)
{
    filter_func filter = (filter_func)vcruntime("__CxxExceptionFilter");
    typeof_func is_typeof = (typeof_func)vcruntime("_is_exception_typeof");
    Payload *ref = 0;

    /* Wine 8's x64 __CxxExceptionFilter never takes an exception (it
       answers EXCEPTION_CONTINUE_SEARCH even for the thrown type) */
    todo_wine(filter(ptrs, &typeid(Wrapped), HT_IS_REFERENCE, 0) == 1, "__CxxExceptionFilter takes the thrown class");
    todo_wine(filter(ptrs, &typeid(Payload), HT_IS_REFERENCE, 0) == 1, "__CxxExceptionFilter takes a base class");
    ok(filter(ptrs, &typeid(int), 0, 0) == 0, "__CxxExceptionFilter: not an int");
    todo_wine(filter(ptrs, &typeid(Payload), HT_IS_REFERENCE, &ref) == 1 && ref && ref->value == 7,
              "__CxxExceptionFilter builds a reference to the base");
    todo_wine(ref == static_cast<Payload *>((Wrapped *)ptrs->record->info[1]),
              "the reference points at the base in the object");
    /* a stub in Wine 8 (it raises): Windows and wlx only */
    if (is_typeof && !test_is("wine"))
    {
        ok(is_typeof(typeid(Payload), ptrs) == 1, "_is_exception_typeof: a base class");
        ok(is_typeof(typeid(int), ptrs) == 0, "_is_exception_typeof: not an int");
    }
    else skip("_is_exception_typeof");
    return 1;
}

static int filter_int(EXCEPTION_POINTERS_ *ptrs)
{
    filter_func filter = (filter_func)vcruntime("__CxxExceptionFilter");
    int value = 0;
    /* Wine 8: EXCEPTION_CONTINUE_SEARCH whatever the type (see above) */
    todo_wine(filter(ptrs, &typeid(int), 0, 0) == 1, "__CxxExceptionFilter takes an int");
    todo_wine(filter(ptrs, &typeid(int), 0, &value) == 1 && value == 5, "__CxxExceptionFilter copies an int");
    ok(filter(ptrs, &typeid(long), 0, &value) == 0, "__CxxExceptionFilter: not a long");
    return 1;
}

static int filter_not_cxx(EXCEPTION_POINTERS_ *ptrs)
{
    filter_func filter = (filter_func)vcruntime("__CxxExceptionFilter");
    ok(filter(ptrs, &typeid(int), 0, 0) == 0, "__CxxExceptionFilter leaves an access violation alone");
    return 1;
}

static void run_filter(void (*thrower)(int), int value, int (*filter)(EXCEPTION_POINTERS_ *))
{
    __try { thrower(value); }
    __except (filter(GetExceptionInformation_())) {}
}

__declspec(noinline) static void fault(int value) { *(volatile int *)(unsigned long long)value = 1; }

static void test_exception_filter(void)
{
    if (!vcruntime("__CxxExceptionFilter")) { skip("no __CxxExceptionFilter"); return; }
    run_filter(throw_wrapped, 7, filter_cxx_filter);
    run_filter(throw_int, 5, filter_int);
    run_filter(fault, 0, filter_not_cxx);
}

/* a frame the catch object is built in */
struct CatchFrame { long long before; Payload *ref; char value[sizeof(Payload)]; long long after; };

static HandlerType by_ref, by_value, wrong;

static int filter_build(EXCEPTION_POINTERS_ *ptrs)
{
    typematch_func type_match = (typematch_func)vcruntime("__TypeMatch");
    build_func build = (build_func)vcruntime("__BuildCatchObject");
    build_helper_func helper = (build_helper_func)vcruntime("__BuildCatchObjectHelper");
    adjust_func adjust = (adjust_func)vcruntime("__AdjustPointer");
    EXCEPTION_RECORD_ *rec = ptrs->record;
    const ThrowInfo *ti = (const ThrowInfo *)rec->info[2];
    const CatchableType *ct = catchable(rec, typeid(Payload));
    Wrapped *object = (Wrapped *)rec->info[1];
    CatchFrame frame = {};

    /* in the image, as the compiler's are: their rvas are the image's */
    by_ref = { HT_IS_REFERENCE, image_rva(&typeid(Payload)), (int)__builtin_offsetof(CatchFrame, ref), 0, 0 };
    by_value = { 0, image_rva(&typeid(Payload)), (int)__builtin_offsetof(CatchFrame, value), 0, 0 };
    wrong = { 0, image_rva(&typeid(int)), (int)__builtin_offsetof(CatchFrame, value), 0, 0 };

    if (!ok(ct != 0, "the thrown object is catchable as its base")) return 1;
    ok(type_match(&by_ref, ct, ti) == 1, "__TypeMatch: the base class, by reference");
    ok(type_match(&by_value, ct, ti) == 1, "__TypeMatch: the base class, by value");
    ok(type_match(&wrong, ct, ti) == 0, "__TypeMatch: not an int");

    ok(adjust(object, &ct->offsets) == static_cast<Payload *>(object), "__AdjustPointer gives the base in the object");

    build(rec, &frame, &by_ref, ct);
    ok(frame.ref == static_cast<Payload *>(object), "__BuildCatchObject: a reference to the base");
    ok(!frame.before && !frame.after, "__BuildCatchObject writes only the catch object");

    copies = 0;
    ok(helper(rec, &frame, &by_value, ct) == 1 && copies == 0, "__BuildCatchObjectHelper leaves the copy constructor to the caller");
    build(rec, &frame, &by_value, ct);
    ok(copies == 1 && ((Payload *)frame.value)->value == 109, "__BuildCatchObject calls the copy constructor");
    ((Payload *)frame.value)->~Payload();
    return 1;
}

static int filter_destruct(EXCEPTION_POINTERS_ *ptrs)
{
    destruct_func destruct = (destruct_func)vcruntime("__DestructExceptionObject");
    destructions = 0;
    destruct(ptrs->record);
    ok(destructions == 1, "__DestructExceptionObject calls the thrown object's destructor");
    return 1;
}

static int filter_register(EXCEPTION_POINTERS_ *ptrs)
{
    size_func query_size = (size_func)vcruntime("__CxxQueryExceptionSize");
    register_func reg = (register_func)vcruntime("__CxxRegisterExceptionObject");
    unregister_func unreg = (unregister_func)vcruntime("__CxxUnregisterExceptionObject");
    to_destroy_func to_destroy = (to_destroy_func)vcruntime("_IsExceptionObjectToBeDestroyed");
    void *object = (void *)ptrs->record->info[1];
    void *before = *__current_exception();
    unsigned long long buffer[64];
    int size = query_size();

    ok(size > 0 && size <= (int)sizeof(buffer), "__CxxQueryExceptionSize gives a buffer size");
    if (size <= 0 || size > (int)sizeof(buffer)) return 1;
    destructions = 0;
    ok(reg(ptrs, buffer) != 0, "__CxxRegisterExceptionObject");
    ok(*__current_exception() == ptrs->record, "the registered exception is the current one");
    ok(!to_destroy(object), "a registered object is not to be destroyed");
    unreg(buffer, 0);
    ok(destructions == 1, "__CxxUnregisterExceptionObject destroys the object");
    ok(to_destroy(object), "an unregistered object is to be destroyed");
    ok(*__current_exception() == before, "the current exception is the one before");
    return 1;
}

static void test_catch_helpers(void)
{
    /* __TypeMatch and __BuildCatchObject(Helper) are stubs in Wine 8 (they raise) */
    if (!vcruntime("__BuildCatchObject") || test_is("wine")) skip("__TypeMatch, __BuildCatchObject");
    else run_filter(throw_wrapped, 9, filter_build);
    run_filter(throw_wrapped, 1, filter_destruct);
    run_filter(throw_wrapped, 2, filter_register);
}

/* ---- nested exceptions ---- */

static int inner_caught, uncaught_in_dtor;
extern "C" __declspec(dllimport) int __cdecl __uncaught_exceptions(void);

/* a destructor run by an unwind may throw, as long as it catches */
struct CatchingDtor
{
    ~CatchingDtor()
    {
        uncaught_in_dtor = __uncaught_exceptions();
        try { throw_int(5); }
        catch (int v) { inner_caught = v; }
    }
};

__declspec(noinline) static void unwind_through_catching_dtor(void) { CatchingDtor d; throw_int(1); }
__declspec(noinline) static void rethrow_here(void) { throw; }

static void test_nested(void)
{
    int caught = 0;
    inner_caught = uncaught_in_dtor = 0;
    try { unwind_through_catching_dtor(); }
    catch (int v) { caught = v; }
    ok(uncaught_in_dtor == 1, "the destructor runs while the first exception is uncaught");
    ok(inner_caught == 5, "a destructor run by the unwind throws and catches an exception of its own");
    ok(caught == 1, "the first exception still reaches its catch block");
    ok(__uncaught_exceptions() == 0, "no uncaught exception left");

#ifdef TEST_FH4
    /* Wine 8's __CxxFrameHandler4 destroys this object twice, and the
       program crashes later */
    if (test_is("wine")) { skip("throw; from a callee (Wine 8, FH4)"); return; }
#endif
    caught = 0;
    destructions = copies = 0;
    try
    {
        try { throw_wrapped(3); }
        catch (Payload &) { rethrow_here(); }
    }
    catch (Wrapped &w) { caught = w.value; }
    ok(caught == 3, "throw; in a function called by a catch block rethrows the exception");
    ok(destructions == 1 && copies == 0, "the rethrown object is destroyed once");
}

/* ---- what std::exception_ptr does (msvcp140, over vcruntime) ---- */

extern "C" {
__declspec(dllimport) void **__cdecl __current_exception_context(void);
__declspec(dllimport) void __stdcall RaiseException(unsigned int code, unsigned int flags, unsigned int count,
                                                    const unsigned long long *args);
}

/* in a catch block: keep the record and a copy of the object (its most
   derived type, catchable type 0); later: raise it again */
static void test_exception_ptr(void)
{
    static EXCEPTION_RECORD_ saved;
    static __declspec(align(16)) char copy[sizeof(Wrapped)];
    int caught = 0;

    destructions = copies = 0;
    try { throw_wrapped(4); }
    catch (Payload &)
    {
        EXCEPTION_RECORD_ *rec = (EXCEPTION_RECORD_ *)*__current_exception();
        ok(rec && rec->code == 0xe06d7363 && rec->count >= 4, "__current_exception in a catch block");
        ok(*__current_exception_context() != 0, "__current_exception_context in a catch block");
        if (!rec) return;
        const char *base = (const char *)rec->info[3];
        const ThrowInfo *ti = (const ThrowInfo *)rec->info[2];
        const CatchableType *ct = (const CatchableType *)(base + ((const CatchableTypeArray *)(base + ti->catchables))->types[0]);
        ((void (*)(void *, const void *))(base + ct->copy_ctor))(copy, (const void *)rec->info[1]);
        saved = *rec;
        saved.info[1] = (unsigned long long)copy;
    }
    ok(destructions == 1 && copies == 1, "the thrown object is gone, its copy kept");
    try { RaiseException(saved.code, saved.flags, saved.count, saved.info); }
    catch (Wrapped &w) { caught = w.value; }
    ok(caught == 104, "the record raised again is caught as its type, with the copied object");
    ok(destructions == 2, "the copy is destroyed when that catch block ends");
}

extern "C" void test_std_exceptions(void)
{
    test_nested();
    test_exception_ptr();
    test_bad_cast();
    test_bad_typeid();
    test_exception_filter();
    test_catch_helpers();
}
