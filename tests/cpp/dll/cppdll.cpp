/* tests/cpp/dll/cppdll.cpp — a g++ DLL that throws to, and catches from,
   tests/cpp/throwing.cpp */
#define CPPDLL_BUILD
#include "cppdll.h"

int cppdll_destroyed;

namespace {
struct holder {
    ~holder() { cppdll_destroyed++; }
};
volatile int sink;
}

static void __attribute__((noinline)) throw_at(int kind, int depth)
{
    holder h;
    if (depth > 0) { throw_at(kind, depth - 1); sink = depth; return; }
    if (kind == 0) throw dll_error("from the dll", 7);
    if (kind == 1) throw std::out_of_range("dll range");
    throw 42;
}

void cppdll_throw(int kind, int depth)
{
    throw_at(kind, depth);
}

int cppdll_call(int (*callback)(int), int arg, int depth)
{
    holder h;
    if (depth > 0)
    {
        int r = cppdll_call(callback, arg, depth - 1);
        sink = r;
        return r + 1;
    }
    return callback(arg);
}

int cppdll_catch(void (*callback)(void))
{
    try { callback(); }
    catch (const exe_error &e) { return e.code; }
    catch (const std::exception &e) { return 1000 + (int)std::char_traits<char>::length(e.what()); }
    catch (...) { return -1; }
    return 0;
}

void cppdll_rethrow(void (*callback)(void))
{
    holder h;
    try { callback(); }
    catch (exe_error &e)
    {
        e.code++;
        throw;
    }
}
