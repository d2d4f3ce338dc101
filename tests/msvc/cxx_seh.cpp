/*
 * tests/msvc/cxx_seh.cpp — _set_se_translator: an access violation becomes
 * a C++ exception the catch block takes. The translator is only called for
 * frames compiled /EHa; clang 14 cannot compile /EHa (-fasync-exceptions
 * crashes it), so the Makefile clears the /EHs bit of this file's FuncInfo
 * EHFlags in its assembly: the tables are then the ones MSVC /EHa makes
 * for these functions (the faulting access is in a function of its own,
 * so the call site's state is exact).
 */
#include "msvctest.h"

struct EXCEPTION_POINTERS_ { unsigned int *record; void *context; };
typedef void (__cdecl *se_translator)(unsigned int, EXCEPTION_POINTERS_ *);
extern "C" __declspec(dllimport) se_translator __cdecl _set_se_translator(se_translator func);

struct SystemError { unsigned int code; };

static void __cdecl translator(unsigned int code, EXCEPTION_POINTERS_ *ptrs)
{
    if (ptrs->record[0] == code) throw SystemError{ code };
}

__declspec(noinline) static void touch(volatile int *p) { *p = 1; }
/* called through a pointer: clang must not prove that it cannot throw */
static void (*volatile touch_ptr)(volatile int *) = touch;

static int destroyed;
struct Local { ~Local() { destroyed++; } };

__declspec(noinline) static void touch_with_local(volatile int *p) { Local l; touch_ptr(p); }

extern "C" void test_se_translator(void)
{
    unsigned int code = 0;
    se_translator old = _set_se_translator(translator);
    ok(!old, "no translator at first");
    try { touch_with_local((volatile int *)0); }
    catch (SystemError &e) { code = e.code; }
    ok(code == 0xc0000005, "the translator turns an access violation into a C++ exception");
    ok(destroyed == 1, "the faulting frames' locals are destroyed");
    ok(_set_se_translator(old) == translator, "_set_se_translator returns the previous one");

    /* /EHa without a translator: catch (...) takes the access violation
       itself, a typed catch does not */
    int caught = 0;
    destroyed = 0;
    try
    {
        try { touch_with_local((volatile int *)0); }
        catch (SystemError &) { caught = -1; }
    }
    catch (...) { caught = 1; }
    ok(caught == 1, "/EHa: catch (...) takes an access violation, catch (SystemError &) does not");
    ok(destroyed == 1, "/EHa: the faulting frames' locals are destroyed for catch (...)");
}
