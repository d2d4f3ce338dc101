/*
 * tests/msvcrt/thread.c — threads started through msvcrt.dll:
 * _beginthreadex (a waitable handle and the exit code), _endthreadex,
 * _beginthread (whose handle the CRT closes itself), and the per-thread
 * CRT state: errno, rand's seed and strtok's position.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <process.h>
#include <stdlib.h>
#include <errno.h>

static unsigned __stdcall returns_value(void *arg)
{
    return (unsigned)(ULONG_PTR)arg * 2;
}

static void __attribute__((noinline)) end_deep(unsigned code)
{
    _endthreadex(code);
}

static unsigned __stdcall ends_early(void *arg)
{
    end_deep(77);
    return 1;   /* not reached */
}

struct state
{
    int errno_at_start;
    int first_rand;
    char *token;
};

/* errno, the rand seed and strtok's position belong to each thread */
static unsigned __stdcall crt_state(void *arg)
{
    struct state *st = arg;
    st->errno_at_start = errno;
    errno = ERANGE;
    st->first_rand = rand();
    st->token = strtok(NULL, ",");
    return 0;
}

static HANDLE done_event;
static volatile LONG plain_ran;

static void __cdecl plain_thread(void *arg)
{
    InterlockedExchange(&plain_ran, (LONG)(ULONG_PTR)arg);
    SetEvent(done_event);
}

static void test_beginthreadex(void)
{
    unsigned id = 0;
    DWORD code = 0;
    HANDLE h;

    h = (HANDLE)_beginthreadex(NULL, 0, returns_value, (void *)21, 0, &id);
    ok(h != NULL && id != 0, "_beginthreadex failed\n");
    ok(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "wait\n");
    ok(GetExitCodeThread(h, &code) && code == 42, "exit code %lu\n", code);
    CloseHandle(h);

    h = (HANDLE)_beginthreadex(NULL, 0, ends_early, NULL, CREATE_SUSPENDED, NULL);
    ok(GetExitCodeThread(h, &code) && code == STILL_ACTIVE, "suspended thread: %lu\n", code);
    ResumeThread(h);
    WaitForSingleObject(h, 10000);
    ok(GetExitCodeThread(h, &code) && code == 77, "_endthreadex code %lu\n", code);
    CloseHandle(h);
}

static void test_beginthread(void)
{
    uintptr_t h;

    done_event = CreateEventA(NULL, FALSE, FALSE, NULL);
    h = _beginthread(plain_thread, 0, (void *)5);
    ok(h != (uintptr_t)-1, "_beginthread failed\n");
    ok(WaitForSingleObject(done_event, 10000) == WAIT_OBJECT_0, "thread did not run\n");
    ok(plain_ran == 5, "argument %ld\n", plain_ran);
    CloseHandle(done_event);
}

static void test_thread_state(void)
{
    struct state st = { -1, -1, NULL };
    char text[] = "a,b,c";
    HANDLE h;

    errno = EDOM;
    srand(12345);
    rand();
    strtok(text, ",");
    h = (HANDLE)_beginthreadex(NULL, 0, crt_state, &st, 0, NULL);
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    ok(st.errno_at_start == 0, "new thread's errno %d\n", st.errno_at_start);
    ok(errno == EDOM, "main errno changed to %d\n", errno);
    /* a new thread starts from seed 1: 41 is the first value */
    ok(st.first_rand == 41, "new thread's rand %d\n", st.first_rand);
    ok(st.token == NULL, "strtok continued another thread's string\n");
    ok(!strcmp(strtok(NULL, ","), "b"), "main strtok lost its place\n");
}

int main(int argc, char **argv)
{
    test_start("msvcrt:thread");
    test_beginthreadex();
    test_beginthread();
    test_thread_state();
    return test_summary();
}
