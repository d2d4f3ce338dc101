/*
 * tests/msvc/pmr.cpp — msvcp140_1.dll, std::pmr's process-wide memory
 * resources as MSVC's <memory_resource> reaches them: new_delete_resource()
 * (the aligned kind, and the unaligned one of /Zc:alignedNew- code),
 * null_memory_resource(), get/set_default_resource(). Called through
 * their vtables [deleting destructor, do_allocate, do_deallocate,
 * do_is_equal] as the header's inline allocate() does; the objects'
 * RTTI is checked through typeid and dynamic_cast, and std::bad_alloc is
 * caught by its class.
 */
#include "msvctest.h"

extern "C" __declspec(dllimport) void *__cdecl memset(void *dest, int c, unsigned long long size);

namespace std {
class type_info { public: virtual ~type_info(); void *data; char name[1]; };
struct std_exception_data_ { const char *what; bool do_free; };
class exception
{
public:
    virtual ~exception() noexcept {}
    virtual const char *what() const { return data.what ? data.what : "Unknown exception"; }
private:
    std_exception_data_ data;
};
class bad_alloc : public exception {};

namespace pmr {
/* the layout of MSVC's class: the vtable's order is the declarations' */
class memory_resource
{
public:
    virtual ~memory_resource() noexcept {}
    virtual void *do_allocate(unsigned long long bytes, unsigned long long align) = 0;
    virtual void do_deallocate(void *p, unsigned long long bytes, unsigned long long align) = 0;
    virtual bool do_is_equal(const memory_resource &other) const noexcept = 0;
};
/* the base MSVC's resources share: do_is_equal compares addresses */
class _Identity_equal_resource : public memory_resource
{
public:
    bool do_is_equal(const memory_resource &other) const noexcept override { return this == &other; }
};
}
}
using std::pmr::memory_resource;

extern "C" {
__declspec(dllimport) memory_resource *__cdecl _Aligned_new_delete_resource(void);
__declspec(dllimport) memory_resource *__cdecl _Unaligned_new_delete_resource(void);
__declspec(dllimport) memory_resource *__cdecl null_memory_resource(void);
__declspec(dllimport) memory_resource *__cdecl _Aligned_get_default_resource(void);
__declspec(dllimport) memory_resource *__cdecl _Unaligned_get_default_resource(void);
__declspec(dllimport) memory_resource *__cdecl _Aligned_set_default_resource(memory_resource *r);
__declspec(dllimport) memory_resource *__cdecl _Unaligned_set_default_resource(memory_resource *r);
}

static const char *type_name(const memory_resource *r)
{
    return typeid(*r).name;
}

static bool starts_with(const char *s, const char *prefix)
{
    while (*prefix) if (*s++ != *prefix++) return false;
    return true;
}

static void test_objects(void)
{
    memory_resource *aligned = _Aligned_new_delete_resource(), *unaligned = _Unaligned_new_delete_resource();
    memory_resource *null = null_memory_resource();

    ok(aligned && unaligned && null, "three resources");
    ok(aligned != unaligned && aligned != null && unaligned != null, "three different objects");
    ok(_Aligned_new_delete_resource() == aligned && null_memory_resource() == null, "the same object each call");

    ok(!strcmp(type_name(aligned), ".?AV_Aligned_new_delete_resource_impl@pmr@std@@"), "the aligned resource's class");
    ok(!strcmp(type_name(unaligned), ".?AV_Unaligned_new_delete_resource_impl@pmr@std@@"),
       "the unaligned resource's class");
    ok(starts_with(type_name(null), ".?AV_Null_resource@"), "the null resource's class: local to null_memory_resource");
    ok(dynamic_cast<std::pmr::_Identity_equal_resource *>(aligned) == aligned
       && dynamic_cast<std::pmr::_Identity_equal_resource *>(unaligned) == unaligned
       && dynamic_cast<std::pmr::_Identity_equal_resource *>(null) == null,
       "each derives from _Identity_equal_resource (dynamic_cast through the RTTI)");

    ok(aligned->do_is_equal(*aligned) && null->do_is_equal(*null) && unaligned->do_is_equal(*unaligned),
       "do_is_equal: each equals itself");
    ok(!aligned->do_is_equal(*unaligned) && !aligned->do_is_equal(*null) && !null->do_is_equal(*aligned)
       && !unaligned->do_is_equal(*aligned), "do_is_equal: no two are equal");
}

static void test_allocate(void)
{
    static const unsigned long long sizes[] = { 1, 24, 100, 5000 };
    memory_resource *aligned = _Aligned_new_delete_resource(), *unaligned = _Unaligned_new_delete_resource();
    int misaligned = 0, count = 0;

    for (unsigned long long align = 1; align <= 4096; align *= 2)
        for (unsigned long long size : sizes)
        {
            unsigned char *p = (unsigned char *)aligned->do_allocate(size, align);
            if (!p || (unsigned long long)p % align) misaligned++;
            if (p) memset(p, 0xa5, size);       /* all of it writable */
            aligned->do_deallocate(p, size, align);
            count++;
        }
    ok(count == 52 && !misaligned, "the aligned resource: 1 to 4096-byte alignments honoured");

    misaligned = 0;
    for (unsigned long long align = 1; align <= 16; align *= 2)
    {
        unsigned char *p = (unsigned char *)unaligned->do_allocate(40, align);
        if (!p || (unsigned long long)p % align) misaligned++;
        if (p) memset(p, 0x5a, 40);
        unaligned->do_deallocate(p, 40, align);
    }
    ok(!misaligned, "the unaligned resource: alignments up to 16 (operator new's) honoured");
    int refused = 0;
    try { unaligned->do_allocate(64, 32); }
    catch (std::bad_alloc &) { refused = 1; }
    ok(refused, "the unaligned resource: std::bad_alloc for an alignment past 16");

    void *p = aligned->do_allocate(0, 8);
    ok(p != 0, "zero bytes: a pointer all the same (operator new's)");
    aligned->do_deallocate(p, 0, 8);

    int caught = 0;
    try { aligned->do_allocate(1ull << 62, 64); }
    catch (std::bad_alloc &e) { caught = !strcmp(e.what(), "bad allocation"); }
    ok(caught, "the aligned resource: std::bad_alloc when memory runs out");
    caught = 0;
    try { aligned->do_allocate(1ull << 62, 8); }
    catch (std::bad_alloc &) { caught = 1; }
    ok(caught, "the aligned resource, small alignment: std::bad_alloc when memory runs out");
}

static void test_null(void)
{
    memory_resource *null = null_memory_resource();
    int caught = 0;

    for (unsigned long long size = 0; size <= 64; size += 64)
        try { null->do_allocate(size, 8); }
        catch (std::bad_alloc &e) { caught += !strcmp(e.what(), "bad allocation"); }
    ok(caught == 2, "the null resource: std::bad_alloc for any allocation, even of 0 bytes");
    caught = 0;
    try { null->do_allocate(8, 8); }
    catch (std::exception &) { caught = 1; }
    ok(caught, "the null resource: the bad_alloc is caught as std::exception");
    null->do_deallocate((void *)0x1234, 16, 8);   /* nothing was allocated: a no-op */
    ok(1, "the null resource: deallocate does nothing");
}

static void test_default(void)
{
    memory_resource *aligned = _Aligned_new_delete_resource(), *unaligned = _Unaligned_new_delete_resource();
    memory_resource *null = null_memory_resource();

    ok(_Aligned_get_default_resource() == aligned, "the default: the aligned new_delete resource");
    ok(_Unaligned_get_default_resource() == unaligned, "the default, unaligned: the unaligned new_delete resource");
    ok(_Aligned_set_default_resource(null) == aligned, "set: the previous default back");
    ok(_Aligned_get_default_resource() == null, "get: the new default");
    ok(_Unaligned_get_default_resource() == null, "one default for both kinds");
    ok(_Aligned_set_default_resource(unaligned) == null, "set again: the previous one back");
    ok(_Aligned_get_default_resource() == unaligned, "any resource can be the default");
    ok(_Unaligned_set_default_resource(0) == unaligned, "set(nullptr): the previous one back");
    ok(_Aligned_get_default_resource() == aligned && _Unaligned_get_default_resource() == unaligned,
       "after set(nullptr): the new_delete resources again");
    ok(_Aligned_set_default_resource(0) == aligned, "set(nullptr) unset: the new_delete resource back");
}

extern "C" void start(void)
{
    SetErrorMode(0x8003);
    test_objects();
    test_allocate();
    test_null();
    test_default();
    ExitProcess(test_summary("pmr"));
}
