/*
 * tests/msvc/cxx_mt.cpp — MSVC-ABI C++ exceptions (vcruntime140) across a
 * DLL boundary (tests/msvc/dll/cxxdll.cpp: catch types matched across
 * images, this-pointer adjustment to a second base, destructors in the
 * DLL's frames, a rethrow in the DLL), through __try/__finally and
 * __try/__except frames (__C_specific_handler unwinding for a C++
 * exception), between threads as std::exception_ptr (msvcp140), on four
 * threads at once with nested throws in catch blocks; longjmp through frames
 * with destructors; abort() and terminate() in children. Built twice: as clang
 * emits it (__CxxFrameHandler3) and rewritten for __CxxFrameHandler4
 * (TEST_FH4, tests/msvc/fh3to4.py).
 */
#include "msvctest.h"
#include "dll/cxxdll.h"

/* Wine 8's __CxxFrameHandler4 catches without running the destructors of
   the frames it unwinds when they belong to the DLL (FH3): none of them runs */
#ifdef TEST_FH4
#define TEST_NAME "cxx_mt_fh4"
#define ok_fh4_wine todo_wine
#else
#define TEST_NAME "cxx_mt"
#define ok_fh4_wine ok
#endif

extern "C" {
typedef DWORD (__stdcall *thread_proc)(void *);
__declspec(dllimport) HANDLE __stdcall CreateThread(void *attr, unsigned long long stack, thread_proc proc, void *arg,
                                                    DWORD flags, DWORD *tid);
__declspec(dllimport) DWORD __stdcall WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all,
                                                             DWORD timeout);
__declspec(dllimport) int __cdecl __uncaught_exceptions(void);
unsigned long __cdecl _exception_code(void);
}

/* the CRT start-up objects would define it: floating point is used */
extern "C" int _fltused = 0;

void *operator new(unsigned long long size) { return malloc(size); }
void operator delete(void *ptr) noexcept { free(ptr); }
void operator delete(void *ptr, unsigned long long) noexcept { free(ptr); }

/* msvcp140's exception_ptr, by its decorated exports */
__declspec(dllimport) void __cdecl __ExceptionPtrCreate(void *) noexcept;
__declspec(dllimport) void __cdecl __ExceptionPtrDestroy(void *) noexcept;
__declspec(dllimport) bool __cdecl __ExceptionPtrToBool(const void *) noexcept;
__declspec(dllimport) void __cdecl __ExceptionPtrCurrentException(void *) noexcept;
[[noreturn]] __declspec(dllimport) void __cdecl __ExceptionPtrRethrow(const void *);
struct exception_ptr
{
    void *data[2];
    exception_ptr() noexcept { __ExceptionPtrCreate(this); }
    exception_ptr(const exception_ptr &) = delete;
    ~exception_ptr() noexcept { __ExceptionPtrDestroy(this); }
    explicit operator bool() const noexcept { return __ExceptionPtrToBool(this); }
};

static volatile int sink;

/* ---- across the DLL ---- */

static int exe_destroyed;
struct ExeHolder { ~ExeHolder() { exe_destroyed++; } };

static int __cdecl throwing_callback(int arg)
{
    ExeHolder h;
    if (arg < 0) throw ExeError(arg);
    return arg + 1;
}

static void __cdecl throw_exe_error(void) { throw ExeError(55); }
static void __cdecl throw_double(void) { throw 2.5; }
static void __cdecl throw_nothing(void) {}

static void test_dll(void)
{
    int code = 0, mix = 0, extra = 0;
    cxxdll_destroyed = 0;
    try { cxxdll_throw(7, 4); }
    catch (DllBase &b) { code = b.code; }
    ok(code == 7, "DllError from the DLL caught as DllBase &");
    ok_fh4_wine(cxxdll_destroyed == 5, "the DLL's 5 destructors ran");

    try { cxxdll_throw(8, 0); }
    catch (DllMixin &m) { mix = m.mix; }
    ok(mix == 0x77, "DllError caught as its second base: the pointer is adjusted");

    try { cxxdll_throw(9, 1); }
    catch (ExeError &) { extra = -1; }
    catch (DllError e) { extra = e.extra; }
    ok(extra == 18, "DllError caught by value after a catch of a sibling class");

    cxxdll_destroyed = exe_destroyed = 0;
    code = 0;
    try { sink = cxxdll_call(throwing_callback, -3, 3); }
    catch (const ExeError &e) { code = e.code; }
    ok(code == -3, "the program's exception through the DLL's frames");
    ok_fh4_wine(cxxdll_destroyed == 4 && exe_destroyed == 1, "destructors of the DLL's and the program's frames ran");
    ok(cxxdll_call(throwing_callback, 1, 2) == 4, "the DLL's result without an exception");

    ok(cxxdll_catch(throw_exe_error) == 55, "the DLL catches the program's ExeError as DllBase &");
    ok(cxxdll_catch(throw_double) == -1, "the DLL's catch (...) takes a double");
    ok(cxxdll_catch(throw_nothing) == 0, "the DLL sees no exception when there is none");

    code = 0;
    cxxdll_destroyed = 0;
    try { cxxdll_rethrow(throw_exe_error); }
    catch (ExeError &e) { code = e.code; }
    ok(code == 155, "the DLL's throw; passes the same object on, changed");
    ok_fh4_wine(cxxdll_destroyed == 1, "the DLL's frame was unwound once");
}

/* ---- SEH frames on the way of a C++ exception ---- */

static int finally_runs, except_runs;

__declspec(noinline) static void throw_int(int v) { throw v; }
static void (*volatile throw_int_ptr)(int) = throw_int;

/* no C++ objects here: clang allows __try only in such functions */
__declspec(noinline) static void seh_finally(int v)
{
    __try { throw_int_ptr(v); }
    __finally { finally_runs++; }
}

__declspec(noinline) static void seh_except_other(int v)
{
    __try { throw_int_ptr(v); }
    __except (_exception_code() == 0xc0000005 ? 1 : 0) { except_runs++; }
}

__declspec(noinline) static int seh_except_cxx(int v)
{
    __try { throw_int_ptr(v); }
    __except (_exception_code() == 0xe06d7363 ? 1 : 0) { return 1; }
    return 0;
}

static void test_seh_frames(void)
{
    int caught = 0;
    finally_runs = except_runs = 0;
    try { seh_finally(3); }
    catch (int v) { caught = v; }
    ok(caught == 3, "a C++ exception through a __try/__finally frame");
    ok(finally_runs == 1, "the __finally block ran during the unwind");

    caught = 0;
    try { seh_except_other(4); }
    catch (int v) { caught = v; }
    ok(caught == 4 && except_runs == 0, "an __except whose filter declines passes the C++ exception on");

    ok(seh_except_cxx(5) == 1, "an __except filter takes a C++ exception by its code");
    ok(__uncaught_exceptions() == 0, "no exception in flight after the __except block");
}

/* ---- exception_ptr between threads ---- */

static exception_ptr *thread_exception;

static DWORD __stdcall capturing_thread(void *arg)
{
    try { cxxdll_throw(31, 2); }
    catch (...) { __ExceptionPtrCurrentException(thread_exception); }
    return 0;
}

static void test_exception_ptr(void)
{
    exception_ptr p;
    thread_exception = &p;
    HANDLE thread = CreateThread(0, 0, capturing_thread, 0, 0, 0);
    ok(thread != 0, "CreateThread");
    if (!thread) return;
    ok(WaitForSingleObject(thread, 10000) == 0, "the thread ended");
    CloseHandle(thread);
    ok((bool)p, "an exception was captured in the thread");
    int code = 0, mix = 0;
    try { if (p) __ExceptionPtrRethrow(&p); }
    catch (DllBase &b) { code = b.code; }
    ok(code == 31, "the other thread's exception rethrown here, caught by base class");
    try { if (p) __ExceptionPtrRethrow(&p); }
    catch (DllMixin &m) { mix = m.mix; }
    ok(mix == 0x77, "rethrown again, caught as the second base");
}

/* ---- four threads at once ---- */

#define THREADS 4
#define ROUNDS 5000

static volatile long live_objects;
struct Tracked
{
    int thread, round;
    Tracked(int t, int r) : thread(t), round(r) { __atomic_fetch_add(&live_objects, 1, __ATOMIC_RELAXED); }
    Tracked(const Tracked &o) : thread(o.thread), round(o.round) { __atomic_fetch_add(&live_objects, 1, __ATOMIC_RELAXED); }
    ~Tracked() { __atomic_fetch_sub(&live_objects, 1, __ATOMIC_RELAXED); }
};

static int good[THREADS], bad[THREADS];

__declspec(noinline) static void throw_tracked(int t, int r) { Tracked local(t, -1); throw Tracked(t, r); }

static DWORD __stdcall thrower(void *arg)
{
    int t = (int)(unsigned long long)arg;
    for (int r = 0; r < ROUNDS; r++)
    {
        try
        {
            if (r % 4 == 3) cxxdll_throw(r, 1);
            throw_tracked(t, r);
        }
        catch (const Tracked &e)
        {
            int inner = 0;
            /* a throw and catch inside the catch block */
            try { throw_int(r); } catch (int v) { inner = v; }
            if (e.thread == t && e.round == r && inner == r && __uncaught_exceptions() == 0) good[t]++;
            else bad[t]++;
        }
        catch (DllBase &b)
        {
            if (b.code == r && r % 4 == 3) good[t]++;
            else bad[t]++;
        }
    }
    return 0;
}

static void test_threads(void)
{
    HANDLE threads[THREADS];
    int started = 0, total = 0, wrong = 0;
    live_objects = 0;
    for (int t = 0; t < THREADS; t++)
        if ((threads[started] = CreateThread(0, 0, thrower, (void *)(unsigned long long)t, 0, 0))) started++;
    ok(started == THREADS, "the threads started");
    ok(WaitForMultipleObjects(started, threads, 1, 120000) == 0, "the threads ended");
    for (int t = 0; t < started; t++) CloseHandle(threads[t]);
    for (int t = 0; t < THREADS; t++) { total += good[t]; wrong += bad[t]; }
    ok(total == THREADS * ROUNDS, "every exception caught by the right handler of its thread");
    ok(wrong == 0, "no exception reached the wrong thread or handler");
    ok(live_objects == 0, "every thrown object and local was destroyed");
}

/* ---- longjmp through C++ frames ---- */

extern "C" {
struct jump_buffer { __declspec(align(16)) unsigned long long words[32]; };
__declspec(dllimport) int __cdecl __intrinsic_setjmp(jump_buffer *buf, void *frame);
[[noreturn]] __declspec(dllimport) void __cdecl longjmp(jump_buffer *buf, int value);
}

static jump_buffer jump;
static int jump_dtors;
struct JumpLocal { ~JumpLocal() { jump_dtors++; } };

__declspec(noinline) static void jump_from(int depth)
{
    JumpLocal local;
    if (depth == 4) longjmp(&jump, 9);
    jump_from(depth + 1);
}

__declspec(noinline) static void test_longjmp(void)
{
    jump_dtors = 0;
    /* what MSVC's setjmp passes: the caller's frame */
    volatile int r = __intrinsic_setjmp(&jump, __builtin_frame_address(0));
    if (!r) jump_from(0);
    ok(r == 9, "setjmp returns longjmp's value");
    ok(jump_dtors == 5, "longjmp unwinds: the destructors of the 5 frames it leaves run");
}

/* ---- children: abort ---- */

extern "C" {
__declspec(dllimport) void __cdecl abort(void);
__declspec(dllimport) void __cdecl __std_terminate(void);
__declspec(dllimport) void (__cdecl *__cdecl signal(int sig, void (__cdecl *func)(int)))(int);
}

static void __cdecl sigabrt_exit_44(int sig) { ExitProcess(sig == 22 ? 44 : 45); }

extern "C" int seh_noexcept_call(void (*f)(int), int v);   /* cxx_noexcept.cpp */
extern "C" __declspec(dllimport) void __stdcall RaiseException(unsigned int code, unsigned int flags, unsigned int count,
                                                               const unsigned long long *args);
extern "C" __declspec(dllimport) void *__cdecl set_terminate(void (__cdecl *func)(void));
static void __cdecl terminate_exit_43(void) { ExitProcess(43); }
static void raise_e0000100(int) { RaiseException(0xe0000100, 0, 0, 0); }

static void child(const char *what)
{
    static const char *const names[] = { "abort", "abort-handler", "terminate", "noexcept-seh", "noexcept-cxx" };
    bool known = false;
    for (const char *name : names) known = known || !strcmp(what, name);
    if (!known) return;
    SetErrorMode(3);
    if (!strcmp(what, "abort")) abort();
    if (!strcmp(what, "abort-handler")) { signal(22 /* SIGABRT */, sigabrt_exit_44); abort(); }
    if (!strcmp(what, "terminate")) __std_terminate();
    if (!strcmp(what, "noexcept-seh")) ExitProcess(seh_noexcept_call(raise_e0000100, 0) == 1 ? 0 : 2);
    if (!strcmp(what, "noexcept-cxx"))
    {
        set_terminate(terminate_exit_43);
        try { seh_noexcept_call(throw_int_ptr, 5); } catch (...) { ExitProcess(3); }
    }
    ExitProcess(1);
}

static DWORD run_child(const char *what)
{
    char path[260], cmd[400];
    STARTUPINFOA si = {};
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;
    si.cb = sizeof(si);
    si.flags = 0x100;   /* STARTF_USESTDHANDLES, none */
    GetModuleFileNameA(0, path, sizeof(path));
    test_concat(cmd, sizeof(cmd), "\"", path, "\" ", what);
    if (!CreateProcessA(path, cmd, 0, 0, 0, 0, 0, 0, &si, &pi)) return code;
    WaitForSingleObject(pi.process, 20000);
    GetExitCodeProcess(pi.process, &code);
    CloseHandle(pi.process);
    CloseHandle(pi.thread);
    return code;
}

static void test_abort(void)
{
    /* a release UCRT's abort() fails fast (_CALL_REPORTFAULT): 0xC0000409,
       which is how an MSVC program that left a C++ exception unhandled
       ends; Wine 8's ucrtbase exits with 3 */
    todo_wine(run_child("abort") == 0xc0000409, "abort() fails fast");
    todo_wine(run_child("terminate") == 0xc0000409, "terminate() without a handler aborts, failing fast");
    ok(run_child("abort-handler") == 44, "abort() raises SIGABRT for the program's handler first");
    /* __C_specific_handler_noexcept; under Wine 8 the C++ exception ends
       neither in terminate nor in the caller's catch (...): the function
       returns */
    ok(run_child("noexcept-seh") == 0, "__C_specific_handler_noexcept: an SEH exception taken by __except");
    todo_wine(run_child("noexcept-cxx") == 43, "__C_specific_handler_noexcept: a C++ exception leaving terminates");
}

extern "C" void start(void)
{
    const char *cmd = GetCommandLineA(), *arg = strrchr(cmd, ' ');
    if (arg) child(arg + 1);
    test_dll();
    test_seh_frames();
    test_exception_ptr();
    test_threads();
    test_longjmp();
    test_abort();
    ExitProcess(test_summary(TEST_NAME));
}
