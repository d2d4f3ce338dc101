/*
 * tests/cpp/exception.cpp — C++ exceptions as mingw-w64's g++ implements
 * them on x64: libgcc's SEH unwinder raises with RaiseException, finds frames
 * with RtlLookupFunctionEntry/RtlVirtualUnwind, and reaches landing pads and
 * catch blocks through RtlUnwindEx (a collided unwind for every cleanup).
 * Here: a throw caught 10 frames up, destructors run on the way in order,
 * catch by base class, rethrow, a nested throw caught inside a destructor,
 * and a hardware fault in the middle of C++ frames left to a vectored
 * handler.
 */
#include "test.h"
#include <stdexcept>
#include <string>

static int destroyed[16];
static int ndestroyed;

struct guard {
    int id;
    explicit guard(int i) : id(i) {}
    ~guard() { if (ndestroyed < 16) destroyed[ndestroyed++] = id; }
};

struct my_error : std::runtime_error {
    int depth;
    my_error(const char *what, int d) : std::runtime_error(what), depth(d) {}
};

static volatile int sink;

static int __attribute__((noinline)) descend(int depth)
{
    guard g(depth);
    if (depth == 10) throw my_error("deep", depth);
    int r = descend(depth + 1);
    sink = r;   /* no tail call: every level keeps its frame */
    return r + 1;
}

static void test_throw_across_frames(void)
{
    int caught_depth = -1;
    std::string what;
    ndestroyed = 0;
    try
    {
        descend(1);
    }
    catch (const my_error &e)
    {
        caught_depth = e.depth;
        what = e.what();
    }
    ok(caught_depth == 10, "caught depth %d\n", caught_depth);
    ok(what == "deep", "what() is %s\n", what.c_str());
    ok(ndestroyed == 10, "%d destructors ran\n", ndestroyed);
    int in_order = 1;
    for (int i = 0; i < ndestroyed; i++) if (destroyed[i] != 10 - i) in_order = 0;
    ok(in_order, "destructors ran out of order (first %d)\n", destroyed[0]);
}

static void __attribute__((noinline)) throw_int(int v) { guard g(100); throw v; }

static void test_catch_kinds(void)
{
    int got = 0;
    try { throw_int(42); }
    catch (double) { got = -1; }
    catch (int v) { got = v; }
    ok(got == 42, "caught %d\n", got);

    /* by base class */
    const char *msg = NULL;
    try { throw std::out_of_range("range"); }
    catch (const std::logic_error &e) { msg = e.what(); }
    ok(msg && !strcmp(msg, "range"), "caught %s\n", msg ? msg : "nothing");

    /* a rethrow reaches the outer handler */
    int outer = 0, inner = 0;
    try
    {
        try { throw_int(7); }
        catch (int) { inner = 1; throw; }
    }
    catch (int v) { outer = v; }
    ok(inner == 1 && outer == 7, "inner %d outer %d\n", inner, outer);
}

/* an exception thrown and caught while another one unwinds */
struct catches_in_destructor {
    int *seen;
    ~catches_in_destructor()
    {
        try { throw_int(5); }
        catch (int v) { *seen = v; }
    }
};

static void __attribute__((noinline)) throw_with_busy_destructor(int *seen)
{
    catches_in_destructor c = { seen };
    throw std::runtime_error("outer");
}

static void test_nested(void)
{
    int seen = 0;
    std::string what;
    try { throw_with_busy_destructor(&seen); }
    catch (const std::exception &e) { what = e.what(); }
    ok(seen == 5, "the destructor's own exception gave %d\n", seen);
    ok(what == "outer", "caught %s\n", what.c_str());
}

/* a fault inside C++ frames, resumed by a vectored handler */
extern "C" char cpp_fault_resume[];
static LONG CALLBACK skip_fault(EXCEPTION_POINTERS *ptrs)
{
    if (ptrs->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION) return EXCEPTION_CONTINUE_SEARCH;
    ptrs->ContextRecord->Rip = (ULONG_PTR)cpp_fault_resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static int __attribute__((noinline)) fault_then_throw(void)
{
    guard g(200);
    __asm__ volatile("xorl %%eax, %%eax\n\tmovl (%%rax), %%eax\n"
                     "cpp_fault_resume:\n\tnop" ::: "rax", "memory");
    throw 3;
}

static void test_fault_in_cpp(void)
{
    void *h = AddVectoredExceptionHandler(1, skip_fault);
    int got = 0;
    ndestroyed = 0;
    try { fault_then_throw(); }
    catch (int v) { got = v; }
    ok(got == 3, "caught %d\n", got);
    ok(ndestroyed == 1 && destroyed[0] == 200, "%d destructors ran\n", ndestroyed);
    RemoveVectoredExceptionHandler(h);
}

int main(void)
{
    test_start("cpp-exception");
    test_throw_across_frames();
    test_catch_kinds();
    test_nested();
    test_fault_in_cpp();
    return test_summary();
}
