/* tests/msvc/dll/cxxdll.cpp — an MSVC-ABI DLL (clang for
   x86_64-pc-windows-msvc, lld-link, vcruntime140) that throws to and
   catches from tests/msvc/cxx_mt.cpp */
#define CXXDLL_BUILD
#include "cxxdll.h"

extern "C" __declspec(dllimport) void *__cdecl malloc(unsigned long long size);
extern "C" __declspec(dllimport) void __cdecl free(void *ptr);
void *operator new(unsigned long long size) { return malloc(size); }
void operator delete(void *ptr) noexcept { free(ptr); }
void operator delete(void *ptr, unsigned long long) noexcept { free(ptr); }

extern "C" __declspec(selectany) const void *const type_info_vtable_[1] = { 0 };
#pragma comment(linker, "/alternatename:??_7type_info@@6B@=type_info_vtable_")

int cxxdll_destroyed;

namespace {
struct Holder { ~Holder() { cxxdll_destroyed++; } };
volatile int sink;
}

__declspec(noinline) static void throw_at(int code, int depth)
{
    Holder h;
    if (depth > 0) { throw_at(code, depth - 1); sink = depth; return; }
    throw DllError(code);
}

void cxxdll_throw(int code, int depth) { throw_at(code, depth); }

int cxxdll_call(int (*callback)(int), int arg, int depth)
{
    Holder h;
    if (depth > 0)
    {
        int r = cxxdll_call(callback, arg, depth - 1);
        sink = r;
        return r + 1;
    }
    return callback(arg);
}

int cxxdll_catch(void (*callback)(void))
{
    try { callback(); }
    catch (DllBase &b) { return b.code; }
    catch (...) { return -1; }
    return 0;
}

void cxxdll_rethrow(void (*callback)(void))
{
    Holder h;
    try { callback(); }
    catch (DllBase &b)
    {
        b.code += 100;
        throw;
    }
}

extern "C" int __stdcall DllMain(void *inst, unsigned long reason, void *reserved) { return 1; }
