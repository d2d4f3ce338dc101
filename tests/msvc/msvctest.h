/*
 * tests/msvc/msvctest.h — the harness of the MSVC-ABI programs (clang
 * --target=x86_64-pc-windows-msvc, linked by lld-link against vcruntime140,
 * ucrtbase and kernel32, no CRT start-up, no Microsoft header). The same
 * interface as tests/test.h: ok, todo_wlx, todo_wine, skip, test_summary;
 * plus the few Windows and CRT declarations the programs use.
 */
#ifndef WLX_MSVCTEST_H
#define WLX_MSVCTEST_H

typedef unsigned long DWORD;
typedef int BOOL;
typedef void *HANDLE;
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)

extern "C" {
/* kernel32 */
__declspec(dllimport) HANDLE __stdcall GetModuleHandleA(const char *name);
__declspec(dllimport) void *__stdcall GetProcAddress(HANDLE module, const char *name);
__declspec(dllimport) void __stdcall ExitProcess(unsigned int code);
__declspec(dllimport) char *__stdcall GetCommandLineA(void);
__declspec(dllimport) DWORD __stdcall GetModuleFileNameA(HANDLE module, char *buf, DWORD size);
__declspec(dllimport) DWORD __stdcall WaitForSingleObject(HANDLE handle, DWORD timeout);
__declspec(dllimport) BOOL __stdcall GetExitCodeProcess(HANDLE process, DWORD *code);
__declspec(dllimport) BOOL __stdcall CloseHandle(HANDLE handle);
__declspec(dllimport) HANDLE __stdcall GetStdHandle(DWORD which);
__declspec(dllimport) BOOL __stdcall SetStdHandle(DWORD which, HANDLE handle);
__declspec(dllimport) DWORD __stdcall SetErrorMode(DWORD mode);

struct STARTUPINFOA
{
    DWORD cb;
    char *reserved, *desktop, *title;
    DWORD x, y, xsize, ysize, xcount, ycount, fill, flags;
    unsigned short show, reserved2;
    void *reserved3;
    HANDLE in, out, err;
};
struct PROCESS_INFORMATION { HANDLE process, thread; DWORD pid, tid; };
__declspec(dllimport) BOOL __stdcall CreateProcessA(const char *app, char *cmdline, void *pattr, void *tattr,
                                                    BOOL inherit, DWORD flags, void *env, const char *dir,
                                                    STARTUPINFOA *si, PROCESS_INFORMATION *pi);

/* ucrtbase */
struct FILE;
__declspec(dllimport) FILE *__cdecl __acrt_iob_func(unsigned int index);
__declspec(dllimport) int __cdecl __stdio_common_vfprintf(unsigned long long options, FILE *file, const char *fmt,
                                                          void *locale, va_list ap);
__declspec(dllimport) int __cdecl fflush(FILE *file);
__declspec(dllimport) void *__cdecl malloc(unsigned long long size);
__declspec(dllimport) void __cdecl free(void *ptr);
__declspec(dllimport) int __cdecl strcmp(const char *a, const char *b);
__declspec(dllimport) char *__cdecl strrchr(const char *s, int c);
__declspec(dllimport) char *__cdecl strstr(const char *s, const char *t);
__declspec(dllimport) unsigned long long __cdecl strlen(const char *s);
__declspec(dllimport) void __cdecl qsort(void *base, unsigned long long count, unsigned long long size,
                                         int (__cdecl *cmp)(const void *, const void *));
}

/* the vtable type_info objects point to: MSVC links it into the program
   from its static CRT library, so a program without one provides it */
extern "C" __declspec(selectany) const void *const type_info_vtable_[1] = { 0 };
#pragma comment(linker, "/alternatename:??_7type_info@@6B@=type_info_vtable_")

/* dest = the strings one after another, cut to size */
static __attribute__((unused)) void test_concat(char *dest, unsigned long long size, const char *a, const char *b, const char *c, const char *d)
{
    const char *parts[4] = { a, b, c, d };
    unsigned long long n = 0;
    for (int i = 0; i < 4; i++)
        for (const char *p = parts[i]; *p && n + 1 < size; p++) dest[n++] = *p;
    dest[n] = 0;
}

/* one set of counters for all the program's files (selectany: defined in
   each, kept once) */
extern "C" __declspec(selectany) int test_count = 0, test_failures = 0, test_todos = 0, test_skips = 0;

static __attribute__((unused)) void test_print(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __stdio_common_vfprintf(0, __acrt_iob_func(1), fmt, 0, ap);
    va_end(ap);
    fflush(__acrt_iob_func(1));
}

static const char *test_platform(void)
{
    HANDLE ntdll = GetModuleHandleA("ntdll.dll");
    if (ntdll && GetProcAddress(ntdll, "__wlx_version")) return "wlx";
    if (ntdll && GetProcAddress(ntdll, "wine_get_version")) return "wine";
    return "windows";
}

static __attribute__((unused)) int test_is(const char *p) { return !strcmp(test_platform(), p); }

/* kind: 0 plain, 1 todo on wlx, 2 todo on wine */
static __attribute__((unused)) int test_ok_(int kind, const char *file, int line, int cond, const char *what)
{
    int todo = (kind == 1 && test_is("wlx")) || (kind == 2 && test_is("wine"));
    const char *base = strrchr(file, '/');
    test_count++;
    if (todo && cond) { test_print("%s:%d: Test succeeded inside todo block: %s\n", base ? base + 1 : file, line, what); test_failures++; }
    else if (todo) test_todos++;
    else if (!cond) { test_print("%s:%d: Test failed: %s\n", base ? base + 1 : file, line, what); test_failures++; }
    return cond;
}

#define ok(cond, what)        test_ok_(0, __FILE__, __LINE__, !!(cond), what)
#define todo_wlx(cond, what)  test_ok_(1, __FILE__, __LINE__, !!(cond), what)
#define todo_wine(cond, what) test_ok_(2, __FILE__, __LINE__, !!(cond), what)
#define skip(what)            (test_print("%s:%d: Tests skipped: %s\n", __FILE__, __LINE__, what), test_skips++)

static __attribute__((unused)) int test_summary(const char *name)
{
    test_print("%s: %d tests executed (%d marked as todo, %d skipped), %d failures\n", name, test_count, test_todos,
               test_skips, test_failures);
    return test_failures ? 1 : 0;
}

#endif
