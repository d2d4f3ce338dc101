/*
 * tests/dbghelp/sym.c — symbol sessions, options, module bases, SymFromAddr
 * on exported functions, the function table, a stack walk of this thread,
 * C++ name undecoration, and the calls that must fail cleanly (minidumps,
 * no session).
 */
#include "test.h"
#include <dbghelp.h>

static void test_session(void)
{
    HANDLE self = GetCurrentProcess();
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    char buffer[sizeof(SYMBOL_INFO) + 256];
    SYMBOL_INFO *sym = (SYMBOL_INFO *)buffer;
    FARPROC func = GetProcAddress(k32, "GetTickCount");
    DWORD64 disp = 1;
    DWORD opts;

    SetLastError(0xdeadbeef);
    ok(!SymCleanup(self), "cleanup without a session\n");

    ok(SymInitialize(self, NULL, TRUE), "SymInitialize %lu\n", GetLastError());
    opts = SymGetOptions();
    ok(SymSetOptions(opts | SYMOPT_LOAD_LINES) == (opts | SYMOPT_LOAD_LINES), "SymSetOptions\n");
    ok(SymGetOptions() == (opts | SYMOPT_LOAD_LINES), "SymGetOptions\n");
    SymSetOptions(opts);

    ok(SymGetModuleBase64(self, (DWORD64)(ULONG_PTR)func) == (DWORD64)(ULONG_PTR)k32, "module base of GetTickCount\n");
    ok(SymGetModuleBase64(self, 0x10) == 0, "module base of 0x10\n");

    /* (invade: the session knows the loaded modules) */
    /* an exported function is found by its own address (its export symbol) */
    memset(buffer, 0, sizeof(buffer));
    sym->SizeOfStruct = sizeof(SYMBOL_INFO);
    sym->MaxNameLen = 200;
    ok(SymFromAddr(self, (DWORD64)(ULONG_PTR)func, &disp, sym), "SymFromAddr %lu\n", GetLastError());
    ok(disp == 0 && sym->Address == (DWORD64)(ULONG_PTR)func, "displacement %I64u\n", disp);
    ok(strstr(sym->Name, "GetTickCount") != NULL, "name %s\n", sym->Name);
    ok(sym->ModBase == (DWORD64)(ULONG_PTR)k32, "ModBase\n");

    SetLastError(0xdeadbeef);
    ok(!SymFromAddr(self, 0x10, &disp, sym), "SymFromAddr(0x10) succeeded\n");
    ok(GetLastError() != 0xdeadbeef, "no error set\n");

    ok(SymCleanup(self), "SymCleanup\n");
}

static void test_function_table(void)
{
    void *entry;
    DWORD64 base;

    SymInitialize(GetCurrentProcess(), NULL, TRUE);
    entry = SymFunctionTableAccess64(GetCurrentProcess(), (DWORD64)(ULONG_PTR)test_function_table);
    /* a copy may be given (the entry is read from the process): compare contents */
    ok(entry != NULL && ((RUNTIME_FUNCTION *)entry)->BeginAddress ==
       RtlLookupFunctionEntry((DWORD64)(ULONG_PTR)test_function_table, &base, NULL)->BeginAddress,
       "function table entry %p\n", entry);
    SymCleanup(GetCurrentProcess());
}

static __attribute__((noinline)) int walk_stack(void)
{
    STACKFRAME64 frame;
    CONTEXT ctx;
    int frames = 0, found_main = 0;
    HMODULE self = GetModuleHandleW(NULL);

    SymInitialize(GetCurrentProcess(), NULL, TRUE);
    RtlCaptureContext(&ctx);
    memset(&frame, 0, sizeof(frame));
    frame.AddrPC.Offset = ctx.Rip;
    frame.AddrPC.Mode = AddrModeFlat;
    frame.AddrStack.Offset = ctx.Rsp;
    frame.AddrStack.Mode = AddrModeFlat;
    frame.AddrFrame.Offset = ctx.Rbp;
    frame.AddrFrame.Mode = AddrModeFlat;
    while (frames < 64 && StackWalk64(IMAGE_FILE_MACHINE_AMD64, GetCurrentProcess(), GetCurrentThread(), &frame, &ctx,
                                      NULL, SymFunctionTableAccess64, SymGetModuleBase64, NULL))
    {
        if (!frames) ok(frame.AddrPC.Offset >= (DWORD64)(ULONG_PTR)walk_stack &&
                        frame.AddrPC.Offset < (DWORD64)(ULONG_PTR)walk_stack + 0x400, "first frame %I64x\n", frame.AddrPC.Offset);
        if (SymGetModuleBase64(GetCurrentProcess(), frame.AddrPC.Offset) == (DWORD64)(ULONG_PTR)self) found_main++;
        frames++;
    }
    ok(frames >= 3 && frames < 64, "%d frames\n", frames);
    ok(found_main >= 2, "%d frames in the program\n", found_main);
    SymCleanup(GetCurrentProcess());
    return frames;
}

/* the search path given to SymInitialize or SymSetSearchPath comes back as
   given; a path too long for the buffer is cut to fit */
static void test_search_path(void)
{
    HANDLE self = GetCurrentProcess();
    WCHAR buf[MAX_PATH];
    char abuf[MAX_PATH];
    IMAGEHLP_LINE64 line = { sizeof(line) };
    DWORD disp;

    SetLastError(0xdeadbeef);
    ok(!SymGetLineFromAddr64(self, (DWORD64)(ULONG_PTR)test_search_path, &disp, &line), "lines without a session\n");

    ok(SymInitializeW(self, L"C:\\syms;D:\\more", FALSE), "SymInitializeW %lu\n", GetLastError());
    memset(buf, 0, sizeof(buf));
    ok(SymGetSearchPathW(self, buf, ARRAYSIZE(buf)), "SymGetSearchPathW %lu\n", GetLastError());
    ok(!lstrcmpW(buf, L"C:\\syms;D:\\more"), "path %ls\n", buf);

    ok(SymSetSearchPathW(self, L"E:\\x"), "SymSetSearchPathW %lu\n", GetLastError());
    ok(SymGetSearchPathW(self, buf, ARRAYSIZE(buf)) && !lstrcmpW(buf, L"E:\\x"), "path %ls\n", buf);
    ok(SymGetSearchPath(self, abuf, sizeof(abuf)) && !strcmp(abuf, "E:\\x"), "ANSI path %s\n", abuf);
    ok(SymSetSearchPath(self, "F:\\y;G:\\z"), "SymSetSearchPath %lu\n", GetLastError());
    ok(SymGetSearchPathW(self, buf, ARRAYSIZE(buf)) && !lstrcmpW(buf, L"F:\\y;G:\\z"), "path %ls\n", buf);
    ok(SymCleanup(self), "SymCleanup\n");

    SetLastError(0xdeadbeef);
    ok(!SymGetSearchPathW(self, buf, ARRAYSIZE(buf)), "search path without a session\n");
    ok(!SymSetSearchPathW(self, L"E:\\x"), "set search path without a session\n");
}

static void test_misc(void)
{
    char out[64];
    API_VERSION *version = ImagehlpApiVersion();
    WCHAR path[MAX_PATH];
    HANDLE file;

    ok(version != NULL && version->MajorVersion >= 4, "ImagehlpApiVersion\n");
    /* a C name has nothing to undecorate */
    ok(UnDecorateSymbolName("plain_name", out, sizeof(out), UNDNAME_COMPLETE) == 10 && !strcmp(out, "plain_name"),
       "undecorate %s\n", out);

    GetTempPathW(MAX_PATH, path);
    lstrcatW(path, L"dbghelp-test.dmp");
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(!MiniDumpWriteDump(NULL, GetCurrentProcessId(), file, MiniDumpNormal, NULL, NULL, NULL),
       "a dump with no process handle\n");
    CloseHandle(file);
}

/* C++ names: the same undecorator as msvcrt's __unDName (tests/ucrtbase/undname.c
   has the many names); here what dbghelp adds: the length returned, the
   buffer's size, the wide form, and UNDNAME_NO_PTR64 past 16 bits */
static void test_undecorate(void)
{
    static const char bstr[] = "??4_bstr_t@@QEAAAEAV0@AEBV0@@Z";
    char out[256];
    WCHAR wout[256];
    DWORD len;

    len = UnDecorateSymbolName("?f@@YAXH@Z", out, sizeof(out), UNDNAME_COMPLETE);
    ok(len == 19 && !strcmp(out, "void __cdecl f(int)"), "undecorate: %lu %s\n", len, out);
    len = UnDecorateSymbolName(bstr, out, sizeof(out), UNDNAME_COMPLETE);
    ok(len == strlen(out) && !strcmp(out, "public: class _bstr_t & __ptr64 __cdecl _bstr_t::operator=(class _bstr_t const & __ptr64) __ptr64"),
       "undecorate: %s\n", out);
    /* what WinDbg shows (UNDNAME_NO_PTR64 | UNDNAME_32_BIT_DECODE, the flags msdia140 uses); Wine
       8 hands only 16 bits of the flags to its undecorator and keeps the __ptr64s */
    len = UnDecorateSymbolName(bstr, out, sizeof(out), 0x20000 | UNDNAME_32_BIT_DECODE);
    todo_wine(len == strlen(out) && !strcmp(out, "public: class _bstr_t & __cdecl _bstr_t::operator=(class _bstr_t const &)"),
              "no ptr64: %s\n", out);
    len = UnDecorateSymbolName("?what@exception@std@@UEBAPEBDXZ", out, sizeof(out), UNDNAME_NAME_ONLY);
    ok(len == 20 && !strcmp(out, "std::exception::what"), "name only: %lu %s\n", len, out);
    len = UnDecorateSymbolName("?what@exception@std@@UEBAPEBDXZ", out, sizeof(out),
                               UNDNAME_NO_ACCESS_SPECIFIERS | UNDNAME_NO_MEMBER_TYPE | UNDNAME_NO_MS_KEYWORDS);
    ok(!strcmp(out, "char const * std::exception::what(void)const ") && len == strlen(out), "no keywords: %s\n", out);

    /* too small a buffer: cut, terminated, the length of what fits */
    memset(out, 'x', sizeof(out));
    len = UnDecorateSymbolName("?f@@YAXH@Z", out, 10, UNDNAME_COMPLETE);
    ok(len == 9 && !strcmp(out, "void __cd") && out[10] == 'x', "10 bytes: %lu %s\n", len, out);

    len = UnDecorateSymbolNameW(L"?f@@YAXH@Z", wout, ARRAYSIZE(wout), UNDNAME_COMPLETE);
    ok(len == 19 && !lstrcmpW(wout, L"void __cdecl f(int)"), "wide: %lu %ls\n", len, wout);
    len = UnDecorateSymbolNameW(L"plain_name", wout, ARRAYSIZE(wout), UNDNAME_COMPLETE);
    ok(len == 10 && !lstrcmpW(wout, L"plain_name"), "wide plain: %lu %ls\n", len, wout);
}

int main(void)
{
    test_start("dbghelp/sym");
    test_session();
    test_function_table();
    test_search_path();
    walk_stack();
    test_misc();
    test_undecorate();
    return test_summary();
}
