/*
 * tests/ucrtbase/crtmisc.c — small CRT functions programs built by MSVC
 * call:
 *   - _searchenv_s/_wsearchenv_s/_searchenv: the current folder first (a
 *     full path), then the variable's folders; ENOENT and an empty string
 *     when nothing is found, EINVAL for NULL arguments, ERANGE for a short
 *     buffer;
 *   - _getws_s reading stdin (a child run with a pipe for stdin): lines,
 *     a line too long (ERANGE, empty buffer), end of file;
 *   - _cgets_s/_cgetws_s parameter checks; _wtmpnam_s;
 *   - _malloc_base, _calloc_base, _realloc_base, _free_base;
 *     _aligned_offset_recalloc (zeroed growth, the offset kept);
 *   - _heapwalk finds a block malloc gave, in use, and ends with _HEAPEND;
 *   - _seterrormode, _crt_debugger_hook, _invoke_watson (a child ends
 *     with STATUS_INVALID_CRUNTIME_PARAMETER);
 *   - _loaddll/_getdllprocaddr/_unloaddll;
 *   - _SetImageBase/_GetImageBase and the throw forms, per thread.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>
#include <errno.h>
#include <malloc.h>
#include <wchar.h>

static HMODULE ucrt;
static int invalid_calls;

static void __cdecl on_invalid(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                               unsigned int line, uintptr_t reserved)
{
    invalid_calls++;
}

#define FUNC(name) ((void *)GetProcAddress(ucrt, name))

/* ---- children ---- */

static int child(char **argv)
{
    if (!strcmp(argv[1], "getws"))   /* reads stdin with _getws_s */
    {
        wchar_t *(__cdecl *p_getws_s)(wchar_t *, size_t) = FUNC("_getws_s");
        wchar_t buf[8];
        int errors = 0;

        _set_invalid_parameter_handler(on_invalid);
        if (!p_getws_s(buf, 8) || wcscmp(buf, L"short")) errors |= 1;
        if (!p_getws_s(buf, 8) || wcscmp(buf, L"")) errors |= 2;
        errno = 0;
        if (p_getws_s(buf, 8) || errno != ERANGE || buf[0] || invalid_calls != 1) errors |= 4;
        buf[0] = 'x';
        if (p_getws_s(buf, 8) || buf[0]) errors |= 8;   /* end of file: NULL, empty buffer */
        return errors;
    }
    if (!strcmp(argv[1], "watson"))
    {
        void (__cdecl *p_invoke_watson)(const wchar_t *, const wchar_t *, const wchar_t *, unsigned int, uintptr_t)
            = FUNC("_invoke_watson");
        p_invoke_watson(NULL, NULL, NULL, 0, 0);
        return 99;
    }
    return 98;
}

/* runs this program with arg; input (if any) on its stdin; its exit code */
static DWORD run_child(const char *arg, const char *input)
{
    char self[MAX_PATH], cmd[MAX_PATH + 32];
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    DWORD code = 0xdeadbeef, done;

    GetModuleFileNameA(NULL, self, sizeof(self));
    sprintf(cmd, "\"%s\" %s", self, arg);
    if (!CreatePipe(&rd, &wr, &sa, 0)) return code;
    SetHandleInformation(wr, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = rd;
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
    {
        CloseHandle(rd);
        if (input) WriteFile(wr, input, strlen(input), &done, NULL);
        CloseHandle(wr);
        WaitForSingleObject(pi.hProcess, 60000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    else
    {
        CloseHandle(rd);
        CloseHandle(wr);
    }
    return code;
}

/* ---- the parent's tests ---- */

static void test_searchenv(void)
{
    errno_t (__cdecl *p_searchenv_s)(const char *, const char *, char *, size_t) = FUNC("_searchenv_s");
    errno_t (__cdecl *p_wsearchenv_s)(const wchar_t *, const wchar_t *, wchar_t *, size_t) = FUNC("_wsearchenv_s");
    void (__cdecl *p_searchenv)(const char *, const char *, char *) = FUNC("_searchenv");
    char dir[MAX_PATH], sub[MAX_PATH], file[MAX_PATH], cwd[MAX_PATH], expect[MAX_PATH], buf[MAX_PATH];
    wchar_t wbuf[MAX_PATH];
    errno_t err;
    FILE *f;

    GetTempPathA(sizeof(dir), dir);
    sprintf(sub, "%swlxsearch%lu", dir, GetCurrentProcessId());
    CreateDirectoryA(sub, NULL);
    sprintf(file, "%s\\findme.txt", sub);
    if (!(f = fopen(file, "w"))) { skip("cannot write %s\n", file); return; }
    fclose(f);

    sprintf(buf, "WLXSEARCH=%s\\nowhere;%s", dir, sub);
    _putenv(buf);
    memset(buf, 'x', sizeof(buf));
    err = p_searchenv_s("findme.txt", "WLXSEARCH", buf, sizeof(buf));
    sprintf(expect, "%s\\findme.txt", sub);
    ok(!err && !_stricmp(buf, expect), "_searchenv_s: %d %s\n", err, buf);
    err = p_wsearchenv_s(L"findme.txt", L"WLXSEARCH", wbuf, MAX_PATH);
    ok(!err && wcsstr(wbuf, L"findme.txt"), "_wsearchenv_s: %d %ls\n", err, wbuf);
    p_searchenv("findme.txt", "WLXSEARCH", buf);
    ok(!_stricmp(buf, expect), "_searchenv: %s\n", buf);

    errno = 0;
    err = p_searchenv_s("findme.txt", "WLXSEARCH", buf, 5);
    ok(err == ERANGE && errno == ERANGE && !buf[0], "short buffer: %d errno %d\n", err, errno);

    /* the current folder comes first, as a full path */
    GetCurrentDirectoryA(sizeof(cwd), cwd);
    SetCurrentDirectoryA(sub);
    err = p_searchenv_s("findme.txt", "WLXNOSUCHVAR", buf, sizeof(buf));
    ok(!err && !_stricmp(buf, expect), "in the current folder: %d %s\n", err, buf);
    SetCurrentDirectoryA(cwd);

    memset(buf, 'x', sizeof(buf));
    errno = 0;
    err = p_searchenv_s("wlx-not-there.txt", "WLXSEARCH", buf, sizeof(buf));
    ok(err == ENOENT && errno == ENOENT && !buf[0], "not found: %d errno %d %.8s\n", err, errno, buf);
    memset(buf, 'x', sizeof(buf));
    err = p_searchenv_s("", "WLXSEARCH", buf, sizeof(buf));
    /* documented: ENOENT for an empty name; Wine 8 returns 0 */
    todo_wine(err == ENOENT, "empty name: %d\n", err);

    invalid_calls = 0;
    errno = 0;
    err = p_searchenv_s(NULL, "WLXSEARCH", buf, sizeof(buf));
    ok(err == EINVAL && errno == EINVAL, "NULL name: %d\n", err);
    err = p_searchenv_s("findme.txt", "WLXSEARCH", NULL, sizeof(buf));
    ok(err == EINVAL, "NULL buffer: %d\n", err);
    err = p_searchenv_s("findme.txt", "WLXSEARCH", buf, 0);
    ok(err == EINVAL, "zero size: %d\n", err);
    ok(invalid_calls == 3, "invalid parameter handler called %d times\n", invalid_calls);

    _putenv("WLXSEARCH=");
    DeleteFileA(file);
    RemoveDirectoryA(sub);
}

static void test_input(void)
{
    errno_t (__cdecl *p_cgets_s)(char *, size_t, size_t *) = FUNC("_cgets_s");
    errno_t (__cdecl *p_cgetws_s)(wchar_t *, size_t, size_t *) = FUNC("_cgetws_s");
    errno_t (__cdecl *p_wtmpnam_s)(wchar_t *, size_t) = FUNC("_wtmpnam_s");
    wchar_t wbuf[MAX_PATH];
    char buf[8] = "abc";
    size_t n = 5;
    DWORD code;

    if (test_is("wine")) skip("Wine 8's _getws_s is a stub that ends the process\n");
    else
    {
        code = run_child("getws", "short\n\nmuch too long\n");
        ok(code == 0, "_getws_s in the child: failures %#lx\n", code);
    }

    if (test_is("wine")) skip("Wine 8's _cgets_s and _cgetws_s are stubs that end the process\n");
    else
    {
        invalid_calls = 0;
        ok(p_cgets_s(NULL, 8, &n) == EINVAL, "_cgets_s NULL buffer\n");
        ok(p_cgets_s(buf, 0, &n) == EINVAL && buf[0] == 'a', "_cgets_s zero size\n");
        ok(p_cgets_s(buf, 8, NULL) == EINVAL && buf[0] == 0, "_cgets_s NULL count: buffer %x\n", buf[0]);
        ok(p_cgetws_s(NULL, 8, &n) == EINVAL, "_cgetws_s NULL buffer\n");
        ok(invalid_calls == 4, "invalid parameter handler called %d times\n", invalid_calls);
    }

    ok(!p_wtmpnam_s(wbuf, MAX_PATH) && wbuf[0], "_wtmpnam_s: %ls\n", wbuf);
    ok(p_wtmpnam_s(wbuf, 2) == ERANGE, "_wtmpnam_s into 2 characters\n");
}

static void test_recalloc(void *(__cdecl *p_recalloc)(void *, size_t, size_t, size_t, size_t))
{
    unsigned char *p, *q;
    int i, zero = 1;

    p = p_recalloc(NULL, 10, 4, 64, 8);
    ok(p && ((uintptr_t)p + 8) % 64 == 0, "_aligned_offset_recalloc: %p\n", p);
    if (!p) return;
    memset(p, 0xaa, 40);
    q = p_recalloc(p, 20, 4, 64, 8);
    ok(q && ((uintptr_t)q + 8) % 64 == 0, "_aligned_offset_recalloc growing: %p\n", q);
    for (i = 0; q && i < 80; i++)
        if (q[i] != (i < 40 ? 0xaa : 0)) zero = 0;
    ok(zero, "the old bytes kept, the new ones zeroed\n");
    _aligned_free(q);
}

static void test_heap(void)
{
    void *(__cdecl *p_malloc_base)(size_t) = FUNC("_malloc_base");
    void *(__cdecl *p_calloc_base)(size_t, size_t) = FUNC("_calloc_base");
    void *(__cdecl *p_realloc_base)(void *, size_t) = FUNC("_realloc_base");
    void (__cdecl *p_free_base)(void *) = FUNC("_free_base");
    void *(__cdecl *p_recalloc)(void *, size_t, size_t, size_t, size_t) = FUNC("_aligned_offset_recalloc");
    int (__cdecl *p_heapwalk)(_HEAPINFO *) = FUNC("_heapwalk");
    unsigned char *p;
    _HEAPINFO info;
    int ret, found = 0, entries = 0;

    p = p_malloc_base(100);
    ok(p != NULL, "_malloc_base\n");
    p = p_realloc_base(p, 200);
    ok(p != NULL && _msize(p) == 200, "_realloc_base\n");
    free(p);   /* the same heap as free */
    p = p_calloc_base(10, 10);
    ok(p && !p[0] && !p[99], "_calloc_base\n");
    p_free_base(p);

    if (test_is("wine")) skip("Wine 8's _aligned_offset_recalloc is a stub that ends the process\n");
    else test_recalloc(p_recalloc);

    p = malloc(100000);
    info._pentry = NULL;
    while ((ret = p_heapwalk(&info)) == _HEAPOK && entries < 1000000)
    {
        entries++;
        if (info._pentry == (int *)p)
            found = info._useflag == _USEDENTRY && info._size >= 100000;
    }
    ok(ret == _HEAPEND, "_heapwalk ended with %d after %d entries\n", ret, entries);
    ok(found, "_heapwalk did not report the block in use\n");
    free(p);
}

static DWORD WINAPI image_base_thread(void *arg)
{
    uintptr_t (__cdecl *p_get)(void) = FUNC("_GetImageBase");
    return (DWORD)p_get();
}

static void test_process_misc(void)
{
    void (__cdecl *p_seterrormode)(int) = FUNC("_seterrormode");
    void (__cdecl *p_debugger_hook)(int) = FUNC("_crt_debugger_hook");
    intptr_t (__cdecl *p_loaddll)(const char *) = FUNC("_loaddll");
    int (__cdecl *p_unloaddll)(intptr_t) = FUNC("_unloaddll");
    void *(__cdecl *p_getdllprocaddr)(intptr_t, const char *, int) = FUNC("_getdllprocaddr");
    uintptr_t (__cdecl *p_get_base)(void) = FUNC("_GetImageBase");
    void (__cdecl *p_set_base)(uintptr_t) = FUNC("_SetImageBase");
    uintptr_t (__cdecl *p_get_throw)(void) = FUNC("_GetThrowImageBase");
    void (__cdecl *p_set_throw)(uintptr_t) = FUNC("_SetThrowImageBase");
    UINT old = GetErrorMode();
    HANDLE thread;
    DWORD code;
    intptr_t dll;

    p_seterrormode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX);
    ok(GetErrorMode() == (SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX), "_seterrormode: %x\n", GetErrorMode());
    SetErrorMode(old);
    p_debugger_hook(0);

    dll = p_loaddll("kernel32.dll");
    ok(dll != 0, "_loaddll\n");
    ok(p_getdllprocaddr(dll, "GetCurrentProcessId", -1) == (void *)GetProcAddress((HMODULE)dll, "GetCurrentProcessId"),
       "_getdllprocaddr by name\n");
    ok(p_getdllprocaddr(dll, "GetCurrentProcessId", 3) == NULL, "_getdllprocaddr by name with an ordinal\n");
    ok(p_getdllprocaddr(dll, NULL, 1) == (void *)GetProcAddress((HMODULE)dll, (const char *)1),
       "_getdllprocaddr by ordinal\n");
    ok(p_getdllprocaddr(dll, NULL, 0x10001) == NULL, "_getdllprocaddr past 16 bits\n");
    ok(p_unloaddll(dll) == 0, "_unloaddll\n");
    ok(p_loaddll("wlx-no-such.dll") == 0, "_loaddll of a missing DLL\n");

    if (test_is("wine")) skip("Wine 8's image base functions are stubs that end the process\n");
    else
    {
        p_set_base(0x12340000);
        p_set_throw(0x56780000);
        ok(p_get_base() == 0x12340000 && p_get_throw() == 0x56780000, "image bases: %p %p\n",
           (void *)p_get_base(), (void *)p_get_throw());
        thread = CreateThread(NULL, 0, image_base_thread, NULL, 0, NULL);
        WaitForSingleObject(thread, INFINITE);
        GetExitCodeThread(thread, &code);
        CloseHandle(thread);
        ok(code == 0, "another thread's image base: %lx\n", code);
        p_set_base(0);
        p_set_throw(0);
    }

    /* Windows with fast fail (8 and later) ends with the fast-fail status */
    if (test_is("wine")) skip("Wine 8's _invoke_watson is a stub\n");
    else
    {
        code = run_child("watson", NULL);
        ok(code == STATUS_INVALID_CRUNTIME_PARAMETER || broken(code == STATUS_STACK_BUFFER_OVERRUN),
           "_invoke_watson: exit code %#lx\n", code);
    }
}

int main(int argc, char **argv)
{
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (argc > 1) return child(argv);

    test_start("ucrtbase:crtmisc");
    _set_invalid_parameter_handler(on_invalid);
    test_searchenv();
    test_input();
    test_heap();
    test_process_misc();
    return test_summary();
}
