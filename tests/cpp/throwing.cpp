/*
 * tests/cpp/throwing.cpp — g++ (mingw-w64, libstdc++) exceptions the way
 * real programs throw them, built twice: with static runtimes, and against
 * libstdc++-6.dll and libgcc_s_seh-1.dll (tests/cpp-dynamic/). Exceptions
 * cross a DLL both ways (tests/cpp/dll/cppdll.cpp), go through callbacks of
 * wlx's DLLs (msvcrt's qsort and bsearch, kernel32's EnumResourceNamesW and
 * EnumSystemLocalesA) and through generated code known only by a dynamic
 * function table (RtlAddFunctionTable, RtlInstallFunctionTableCallback);
 * are thrown on fibers, thread-pool threads and 8 threads at once; travel
 * between threads as std::exception_ptr; nest (std::throw_with_nested);
 * cross 1000 frames. Children check std::terminate: an exception leaving a
 * destructor during unwinding, one leaving a noexcept function, one nobody
 * catches (in the main thread and in another thread).
 */
#include "test.h"
#include "dll/cppdll.h"
#include <exception>
#include <stdexcept>
#include <string>
#include <cstdlib>

static volatile int sink;

/* ---- across a DLL ---- */

static int __attribute__((noinline)) throwing_callback(int arg)
{
    if (arg == 1) throw exe_error("from the exe", 11);
    if (arg == 2) throw std::string("a string");
    return arg * 2;
}

static void callback_exe_error(void) { throw exe_error("exe", 21); }
static void callback_runtime(void) { throw std::runtime_error("12345"); }
static void callback_double(void) { throw 1.5; }
static void callback_nothing(void) {}

static void test_dll(void)
{
    int code = 0;
    cppdll_destroyed = 0;
    try { cppdll_throw(0, 5); }
    catch (const dll_error &e) { code = e.code; ok(!strcmp(e.what(), "from the dll"), "what() %s\n", e.what()); }
    ok(code == 7, "dll_error from the DLL: code %d\n", code);
    ok(cppdll_destroyed == 6, "%d of the DLL's destructors ran, expected 6\n", cppdll_destroyed);

    std::string what;
    try { cppdll_throw(1, 2); }
    catch (const std::logic_error &e) { what = e.what(); }
    ok(what == "dll range", "std::out_of_range from the DLL caught as std::logic_error: %s\n", what.c_str());

    code = 0;
    try { cppdll_throw(2, 0); }
    catch (long) { code = -1; }
    catch (int v) { code = v; }
    ok(code == 42, "an int from the DLL: %d\n", code);

    /* the program's callback throws through the DLL's frames */
    cppdll_destroyed = 0;
    code = 0;
    try { sink = cppdll_call(throwing_callback, 1, 4); }
    catch (const exe_error &e) { code = e.code; }
    ok(code == 11, "exe_error through the DLL's frames: %d\n", code);
    ok(cppdll_destroyed == 5, "%d of the DLL's destructors ran, expected 5\n", cppdll_destroyed);
    what.clear();
    try { sink = cppdll_call(throwing_callback, 2, 1); }
    catch (const std::string &s) { what = s; }
    ok(what == "a string", "std::string through the DLL's frames: %s\n", what.c_str());
    ok(cppdll_call(throwing_callback, 5, 3) == 13, "no exception: the DLL's result is wrong\n");

    /* the DLL catches what the program throws */
    ok(cppdll_catch(callback_exe_error) == 21, "the DLL did not catch exe_error\n");
    ok(cppdll_catch(callback_runtime) == 1005, "the DLL did not catch std::runtime_error as std::exception\n");
    ok(cppdll_catch(callback_double) == -1, "the DLL's catch (...) did not take a double\n");
    ok(cppdll_catch(callback_nothing) == 0, "the DLL saw an exception where there was none\n");

    /* the DLL rethrows with throw; the program catches the same object */
    code = 0;
    cppdll_destroyed = 0;
    try { cppdll_rethrow(callback_exe_error); }
    catch (const exe_error &e) { code = e.code; }
    ok(code == 22, "the DLL's rethrow: code %d, expected 22\n", code);
    ok(cppdll_destroyed == 1, "the DLL's destructor ran %d times\n", cppdll_destroyed);
}

/* ---- through callbacks of wlx's DLLs ---- */

static int compares;

static int __cdecl throwing_compare(const void *a, const void *b)
{
    if (++compares == 5) throw std::runtime_error("compare");
    return *(const int *)a - *(const int *)b;
}

static BOOL CALLBACK throwing_resource(HMODULE module, LPCWSTR type, LPWSTR name, LONG_PTR param)
{
    int *seen = (int *)param;
    if (++*seen == 2) throw (int)(IS_INTRESOURCE(name) ? (ULONG_PTR)name : 0);
    return TRUE;
}

static int locales;

static BOOL CALLBACK throwing_locale(LPSTR name)
{
    if (++locales == 1) throw std::string(name);
    return TRUE;
}

static void test_system_callbacks(void)
{
    int values[64], caught = 0;
    for (int i = 0; i < 64; i++) values[i] = (i * 37) % 64;
    compares = 0;
    try { qsort(values, 64, sizeof(int), throwing_compare); }
    catch (const std::exception &e) { caught = !strcmp(e.what(), "compare"); }
    ok(caught, "no exception out of qsort\n");
    ok(compares == 5, "qsort went on comparing after the throw: %d\n", compares);

    int key = 10;
    caught = 0;
    compares = 4;
    for (int i = 0; i < 64; i++) values[i] = i;
    try { sink = bsearch(&key, values, 64, sizeof(int), throwing_compare) != NULL; }
    catch (const std::runtime_error &) { caught = 1; }
    ok(caught, "no exception out of bsearch\n");

    int seen = 0;
    caught = 0;
    try { EnumResourceNamesW(GetModuleHandleW(NULL), MAKEINTRESOURCEW(10) /* RT_RCDATA */, throwing_resource, (LONG_PTR)&seen); }
    catch (int id) { caught = id; }
    ok(seen == 2, "EnumResourceNamesW: %d calls\n", seen);
    ok(caught == 102, "EnumResourceNamesW: caught %d, expected 102 (the second name)\n", caught);

    std::string name;
    locales = 0;
    try { EnumSystemLocalesA(throwing_locale, LCID_SUPPORTED); }
    catch (const std::string &s) { name = s; }
    ok(locales == 1 && name.size() == 8, "EnumSystemLocalesA: %d calls, caught \"%s\"\n", locales, name.c_str());
}

/* ---- generated code with a dynamic function table ---- */

/*  0: push rbx            53
    1: sub rsp, 0x20       48 83 ec 20
    5: mov rbx, rdx        48 89 d3      (a callee-saved value to restore)
    8: call rcx            ff d1
   10: nop                 90            (the return address is no epilogue)
   11: add rsp, 0x20       48 83 c4 20
   15: pop rbx             5b
   16: ret                 c3 */
static const BYTE jit_code[] = { 0x53, 0x48, 0x83, 0xec, 0x20, 0x48, 0x89, 0xd3, 0xff, 0xd1, 0x90,
                                 0x48, 0x83, 0xc4, 0x20, 0x5b, 0xc3 };
/* UNWIND_INFO: version 1, prolog 5 bytes, 2 codes: at 5 UWOP_ALLOC_SMALL
   (0x20 = (3 + 1) * 8), at 1 UWOP_PUSH_NONVOL rbx */
static const BYTE jit_unwind[] = { 0x01, 0x05, 0x02, 0x00, 0x05, 0x32, 0x01, 0x30 };

static RUNTIME_FUNCTION jit_entry[1];
static int jit_lookups;

static PRUNTIME_FUNCTION CALLBACK jit_table_callback(DWORD64 pc, PVOID context)
{
    jit_lookups++;
    return (PRUNTIME_FUNCTION)context;
}

static int jit_depth_seen;

static void __attribute__((noinline)) jit_throw(void)
{
    void *frames[16];
    jit_depth_seen = RtlCaptureStackBackTrace(0, 16, frames, NULL);
    throw std::runtime_error("from behind generated code");
}

typedef void (*jit_func)(void (*)(void), ULONG_PTR);

static int __attribute__((noinline)) call_jit(jit_func f)
{
    int caught = 0;
    try { f(jit_throw, 0x1234); }
    catch (const std::runtime_error &e) { caught = !strcmp(e.what(), "from behind generated code"); }
    return caught;
}

static void test_generated_code(void)
{
    BYTE *mem = (BYTE *)VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    ok(mem != NULL, "VirtualAlloc failed\n");
    if (!mem) return;
    memcpy(mem + 0x100, jit_code, sizeof(jit_code));
    memcpy(mem + 0x800, jit_unwind, sizeof(jit_unwind));
    jit_entry[0].BeginAddress = 0x100;
    jit_entry[0].EndAddress = 0x100 + sizeof(jit_code);
    jit_entry[0].UnwindData = 0x800;
    FlushInstructionCache(GetCurrentProcess(), mem, 0x1000);
    jit_func f = (jit_func)(mem + 0x100);

    ok(RtlAddFunctionTable(jit_entry, 1, (DWORD64)mem), "RtlAddFunctionTable failed\n");
    jit_depth_seen = 0;
    ok(call_jit(f), "the exception did not come through the generated code (function table)\n");
    ok(jit_depth_seen >= 4, "the back trace through the generated code has %d frames\n", jit_depth_seen);
    ok(call_jit(f), "a second exception did not come through the generated code\n");
    ok(RtlDeleteFunctionTable(jit_entry), "RtlDeleteFunctionTable failed\n");

    jit_lookups = 0;
    ok(RtlInstallFunctionTableCallback((DWORD64)mem | 3, (DWORD64)mem, 0x10000, jit_table_callback, jit_entry, NULL),
       "RtlInstallFunctionTableCallback failed\n");
    ok(call_jit(f), "the exception did not come through the generated code (callback)\n");
    ok(jit_lookups > 0, "the table callback was never asked\n");
    ok(RtlDeleteFunctionTable((PRUNTIME_FUNCTION)((DWORD64)mem | 3)), "deleting the callback failed\n");
    VirtualFree(mem, 0, MEM_RELEASE);
}

/* ---- 1000 frames ---- */

static int deep_destroyed;
struct counted { ~counted() { deep_destroyed++; } };

static int __attribute__((noinline)) recurse(int n)
{
    counted c;
    volatile char pad[200];
    pad[n % 200] = (char)n;
    if (n == 0) throw std::overflow_error("bottom");
    int r = recurse(n - 1);
    return r + pad[(n + 1) % 200];
}

static void test_deep(void)
{
    std::string what;
    deep_destroyed = 0;
    try { sink = recurse(999); }
    catch (const std::exception &e) { what = e.what(); }
    ok(what == "bottom", "caught \"%s\" from 1000 frames down\n", what.c_str());
    ok(deep_destroyed == 1000, "%d of 1000 destructors ran\n", deep_destroyed);
}

/* ---- std::exception_ptr between threads; nesting ---- */

static std::exception_ptr thread_exception;

static DWORD WINAPI capturing_thread(void *arg)
{
    try
    {
        if (arg) throw exe_error("in a thread", 33);
        throw std::runtime_error("runtime in a thread");
    }
    catch (...) { thread_exception = std::current_exception(); }
    return 0;
}

static void run_capturing_thread(void *arg)
{
    HANDLE thread = CreateThread(NULL, 0, capturing_thread, arg, 0, NULL);
    ok(thread != NULL, "CreateThread failed\n");
    if (!thread) return;
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
    CloseHandle(thread);
}

static void test_exception_ptr(void)
{
    int code = 0;
    thread_exception = nullptr;
    run_capturing_thread((void *)1);
    ok(thread_exception != nullptr, "no exception captured\n");
    try { if (thread_exception) std::rethrow_exception(thread_exception); }
    catch (const exe_error &e) { code = e.code; }
    ok(code == 33, "rethrow_exception in another thread: code %d\n", code);

    /* rethrown twice: the same object both times */
    const void *first = nullptr, *second = nullptr;
    run_capturing_thread(NULL);
    try { std::rethrow_exception(thread_exception); } catch (const std::exception &e) { first = &e; }
    try { std::rethrow_exception(thread_exception); } catch (const std::runtime_error &e) { second = &e; }
    ok(first && first == second, "two rethrows gave %p and %p\n", first, second);
    thread_exception = nullptr;

    std::exception_ptr p = std::make_exception_ptr(std::length_error("made"));
    std::string what;
    try { std::rethrow_exception(p); } catch (const std::logic_error &e) { what = e.what(); }
    ok(what == "made", "make_exception_ptr: %s\n", what.c_str());
}

static void __attribute__((noinline)) level3(void) { throw std::invalid_argument("level 3"); }
static void __attribute__((noinline)) level2(void)
{
    try { level3(); } catch (...) { std::throw_with_nested(std::runtime_error("level 2")); }
}
static void __attribute__((noinline)) level1(void)
{
    try { level2(); } catch (...) { std::throw_with_nested(std::runtime_error("level 1")); }
}

static void unwrap(const std::exception &e, std::string &chain)
{
    chain += e.what();
    chain += ";";
    try { std::rethrow_if_nested(e); }
    catch (const std::exception &inner) { unwrap(inner, chain); }
}

static void test_nested(void)
{
    std::string chain;
    try { level1(); } catch (const std::exception &e) { unwrap(e, chain); }
    ok(chain == "level 1;level 2;level 3;", "nested chain \"%s\"\n", chain.c_str());
}

/* ---- fibers and thread-pool threads ---- */

static LPVOID main_fiber;
static int fiber_caught;

static void CALLBACK fiber_proc(void *arg)
{
    try { sink = recurse(50); }
    catch (const std::overflow_error &) { fiber_caught++; }
    SwitchToFiber(main_fiber);
    try { throw std::string("second"); }
    catch (const std::string &) { fiber_caught++; }
    SwitchToFiber(main_fiber);
}

static void test_fiber(void)
{
    main_fiber = ConvertThreadToFiber(NULL);
    ok(main_fiber != NULL, "ConvertThreadToFiber failed\n");
    LPVOID fiber = CreateFiber(256 * 1024, fiber_proc, NULL);
    ok(fiber != NULL, "CreateFiber failed\n");
    if (!main_fiber || !fiber) return;
    fiber_caught = 0;
    SwitchToFiber(fiber);
    ok(fiber_caught == 1, "the first exception on the fiber: %d caught\n", fiber_caught);
    /* the main fiber throws too while the other one is suspended */
    int caught = 0;
    try { sink = recurse(20); } catch (const std::exception &) { caught = 1; }
    ok(caught, "the main fiber's exception was not caught\n");
    SwitchToFiber(fiber);
    ok(fiber_caught == 2, "the second exception on the fiber: %d caught\n", fiber_caught);
    DeleteFiber(fiber);
    ConvertFiberToThread();
}

static volatile LONG pool_caught;

static void CALLBACK pool_work(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    try { cppdll_throw(0, 3); }
    catch (const dll_error &e) { if (e.code == 7) InterlockedIncrement(&pool_caught); }
    try { sink = recurse(30); }
    catch (const std::overflow_error &) { InterlockedIncrement(&pool_caught); }
}

static void test_thread_pool(void)
{
    pool_caught = 0;
    PTP_WORK work = CreateThreadpoolWork(pool_work, NULL, NULL);
    ok(work != NULL, "CreateThreadpoolWork failed\n");
    if (!work) return;
    for (int i = 0; i < 8; i++) SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    CloseThreadpoolWork(work);
    ok(pool_caught == 16, "%ld of 16 exceptions caught on thread-pool threads\n", pool_caught);
}

/* ---- many threads at once ---- */

#define THROWERS 8
#define THROWS 10000

struct concurrent_error { int thread, n; };
static int thread_caught[THROWERS], thread_wrong[THROWERS];
static volatile LONG thread_destroyed;
struct thread_counted { ~thread_counted() { InterlockedIncrement(&thread_destroyed); } };

static void __attribute__((noinline)) concurrent_throw(int thread, int n)
{
    thread_counted c;
    if (n % 3 == 0) throw concurrent_error{ thread, n };
    if (n % 3 == 1) throw std::runtime_error("r");
    cppdll_throw(0, 1);
}

static DWORD WINAPI thrower_thread(void *arg)
{
    int t = (int)(ULONG_PTR)arg;
    for (int n = 0; n < THROWS; n++)
    {
        try { concurrent_throw(t, n); }
        catch (const concurrent_error &e) { if (e.thread == t && e.n == n) thread_caught[t]++; else thread_wrong[t]++; }
        catch (const dll_error &e) { if (e.code == 7 && n % 3 == 2) thread_caught[t]++; else thread_wrong[t]++; }
        catch (const std::exception &) { if (n % 3 == 1) thread_caught[t]++; else thread_wrong[t]++; }
    }
    return 0;
}

static void test_concurrent(void)
{
    HANDLE threads[THROWERS];
    int started = 0, caught = 0, wrong = 0;
    thread_destroyed = 0;
    for (int t = 0; t < THROWERS; t++)
        if ((threads[started] = CreateThread(NULL, 0, thrower_thread, (void *)(ULONG_PTR)t, 0, NULL))) started++;
    ok(started == THROWERS, "%d threads started\n", started);
    ok(WaitForMultipleObjects(started, threads, TRUE, 120000) == WAIT_OBJECT_0, "the throwing threads did not end\n");
    for (int t = 0; t < started; t++) CloseHandle(threads[t]);
    for (int t = 0; t < THROWERS; t++) { caught += thread_caught[t]; wrong += thread_wrong[t]; }
    ok(caught == THROWERS * THROWS, "%d of %d exceptions caught\n", caught, THROWERS * THROWS);
    ok(wrong == 0, "%d exceptions caught by the wrong handler or thread\n", wrong);
    ok(thread_destroyed == THROWERS * THROWS, "%ld of %d destructors ran\n", thread_destroyed, THROWERS * THROWS);
}

/* ---- children: std::terminate ---- */

static void exit_42(void) { ExitProcess(42); }

struct throwing_destructor { ~throwing_destructor() noexcept(false) { throw 2; } };
static void __attribute__((noinline)) destructor_thrower(void) { throwing_destructor t; throw 1; }
static void __attribute__((noinline)) throw_one(void) { throw 1; }
static void (*volatile thrower)(void) = throw_one;
static void __attribute__((noinline)) noexcept_thrower(void) noexcept { thrower(); }

static DWORD WINAPI unhandled_thread(void *arg)
{
    throw std::runtime_error("nobody catches this");
}

static int child(const char *what)
{
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    if (strcmp(what, "default")) std::set_terminate(exit_42);
    if (!strcmp(what, "dtor"))
    {
        try { destructor_thrower(); } catch (...) {}
    }
    else if (!strcmp(what, "noexcept"))
    {
        void (*volatile f)(void) = noexcept_thrower;
        try { f(); } catch (...) {}
    }
    else if (!strcmp(what, "unhandled") || !strcmp(what, "default"))
        throw std::runtime_error("nobody catches this");
    else if (!strcmp(what, "thread"))
    {
        HANDLE thread = CreateThread(NULL, 0, unhandled_thread, NULL, 0, NULL);
        WaitForSingleObject(thread, 10000);
    }
    return 1;
}

static DWORD run_child(const char *what)
{
    char path[MAX_PATH], cmd[MAX_PATH + 40];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    si.dwFlags = STARTF_USESTDHANDLES;   /* no handles: terminate's message stays out of the log */
    GetModuleFileNameA(NULL, path, sizeof(path));
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", path, what);
    if (!CreateProcessA(path, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return code;
    if (WaitForSingleObject(pi.hProcess, 20000) != WAIT_OBJECT_0) TerminateProcess(pi.hProcess, 0xdead);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void test_terminate(void)
{
    DWORD code;
    code = run_child("dtor");
    ok(code == 42, "an exception leaving a destructor during unwinding: exit code %#lx\n", code);
    code = run_child("noexcept");
    ok(code == 42, "an exception leaving a noexcept function: exit code %#lx\n", code);
    code = run_child("unhandled");
    ok(code == 42, "an unhandled exception: exit code %#lx\n", code);
    code = run_child("thread");
    ok(code == 42, "an unhandled exception in another thread: exit code %#lx\n", code);
    /* libstdc++'s own terminate handler calls abort(): msvcrt's exit code 3 */
    code = run_child("default");
    ok(code == 3, "an unhandled exception, no terminate handler: exit code %#lx\n", code);
}

int main(int argc, char **argv)
{
    if (argc > 1) return child(argv[1]);
    test_start("throwing");
    test_dll();
    test_system_callbacks();
    test_generated_code();
    test_deep();
    test_exception_ptr();
    test_nested();
    test_fiber();
    test_thread_pool();
    test_concurrent();
    test_terminate();
    return test_summary();
}
