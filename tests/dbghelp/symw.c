/*
 * tests/dbghelp/symw.c — the lookups Rust's and Node's backtrace code use
 * besides SymFromAddr: SymFromAddrW, SymGetSymFromAddr64, the inline-frame
 * calls (SymAddrIncludeInlineTrace, SymQueryInlineTrace,
 * SymFromInlineContextW), SymLoadModuleExW / SymUnloadModule64 and
 * StackWalkEx. Looked up by name, as backtrace code does.
 */
#include "test.h"
#include <dbghelp.h>

typedef struct { STACKFRAME64 frame; DWORD StackFrameSize, InlineFrameContext; } STACKFRAME_EX_;

static HMODULE dbghelp;
#define FN(name) ((void *)GetProcAddress(dbghelp, #name))

static void test_lookups(void)
{
    HANDLE self = GetCurrentProcess();
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    DWORD64 func = (DWORD64)(ULONG_PTR)GetProcAddress(k32, "GetTickCount"), disp = 99;
    BOOL (WINAPI *from_addr_w)(HANDLE, DWORD64, DWORD64 *, SYMBOL_INFOW *) = FN(SymFromAddrW);
    BOOL (WINAPI *get_sym64)(HANDLE, DWORD64, DWORD64 *, IMAGEHLP_SYMBOL64 *) = FN(SymGetSymFromAddr64);
    DWORD (WINAPI *include_inline)(HANDLE, DWORD64) = FN(SymAddrIncludeInlineTrace);
    BOOL (WINAPI *query_inline)(HANDLE, DWORD64, DWORD, DWORD64, DWORD64, DWORD *, DWORD *) = FN(SymQueryInlineTrace);
    BOOL (WINAPI *from_inline_w)(HANDLE, DWORD64, ULONG, DWORD64 *, SYMBOL_INFOW *) = FN(SymFromInlineContextW);
    char wbuf[sizeof(SYMBOL_INFOW) + 256 * sizeof(WCHAR)], buf[sizeof(IMAGEHLP_SYMBOL64) + 256];
    SYMBOL_INFOW *symw = (SYMBOL_INFOW *)wbuf;
    IMAGEHLP_SYMBOL64 *sym64 = (IMAGEHLP_SYMBOL64 *)buf;

    ok(from_addr_w && get_sym64 && include_inline && query_inline && from_inline_w, "missing exports\n");
    if (!from_addr_w || !get_sym64 || !include_inline || !query_inline || !from_inline_w) return;
    ok(SymInitialize(self, NULL, TRUE), "SymInitialize %lu\n", GetLastError());

    memset(wbuf, 0, sizeof(wbuf));
    symw->SizeOfStruct = sizeof(SYMBOL_INFOW);
    symw->MaxNameLen = 256;
    ok(from_addr_w(self, func, &disp, symw), "SymFromAddrW %lu\n", GetLastError());
    ok(disp == 0 && symw->Address == func && symw->ModBase == (DWORD64)(ULONG_PTR)k32, "displacement %I64u\n", disp);
    ok(wcsstr(symw->Name, L"GetTickCount") != NULL, "name %ls\n", symw->Name);
    ok(symw->NameLen == wcslen(symw->Name), "NameLen %lu for %ls\n", symw->NameLen, symw->Name);

    memset(buf, 0, sizeof(buf));
    sym64->SizeOfStruct = sizeof(IMAGEHLP_SYMBOL64);
    sym64->MaxNameLength = 256;
    /* (at the entry: Wine's own DLLs carry symbols of their inner code, ours only exports) */
    ok(get_sym64(self, func, &disp, sym64), "SymGetSymFromAddr64 %lu\n", GetLastError());
    ok(disp == 0 && sym64->Address == func && strstr(sym64->Name, "GetTickCount"), "got %s +%I64u\n", sym64->Name, disp);

    /* no inline frames at a function's entry */
    ok(include_inline(self, func) == 0, "inline frames at an export\n");
    /* an address with no inline frames: the trace and the lookup are the
       address's own (Wine 8 fails both with ERROR_FILE_NOT_FOUND) */
    DWORD ctx = 77, index = 77;
    todo_wine(query_inline(self, func, 0, func, func, &ctx, &index), "SymQueryInlineTrace %lu\n", GetLastError());
    memset(wbuf, 0, sizeof(wbuf));
    symw->SizeOfStruct = sizeof(SYMBOL_INFOW);
    symw->MaxNameLen = 256;
    todo_wine(from_inline_w(self, func, 0, &disp, symw) && wcsstr(symw->Name, L"GetTickCount"), "SymFromInlineContextW\n");
    SymCleanup(self);
}

static void test_load_module(void)
{
    HANDLE self = GetCurrentProcess();
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    DWORD64 (WINAPI *load_w)(HANDLE, HANDLE, PCWSTR, PCWSTR, DWORD64, DWORD, void *, DWORD) = FN(SymLoadModuleExW);
    BOOL (WINAPI *unload)(HANDLE, DWORD64) = FN(SymUnloadModule64);
    WCHAR path[MAX_PATH];
    if (!load_w || !unload) { ok(0, "missing exports\n"); return; }
    GetModuleFileNameW(k32, path, MAX_PATH);
    /* a session that did not invade the process: modules are loaded on request */
    ok(SymInitialize(self, NULL, FALSE), "SymInitialize %lu\n", GetLastError());
    DWORD64 base = load_w(self, NULL, path, NULL, (DWORD64)(ULONG_PTR)k32, 0, NULL, 0);
    ok(base == (DWORD64)(ULONG_PTR)k32, "loaded at %I64x, kernel32 at %p\n", base, k32);
    SetLastError(0xdeadbeef);
    ok(!load_w(self, NULL, path, NULL, (DWORD64)(ULONG_PTR)k32, 0, NULL, 0) && GetLastError() == ERROR_SUCCESS,
       "a second load: error %lu\n", GetLastError());
    ok(unload(self, (DWORD64)(ULONG_PTR)k32), "SymUnloadModule64 %lu\n", GetLastError());
    ok(!unload(self, (DWORD64)(ULONG_PTR)k32), "a second unload\n");
    SymCleanup(self);
}

static void __attribute__((noinline)) test_stack_walk_ex(void)
{
    BOOL (WINAPI *walk_ex)(DWORD, HANDLE, HANDLE, STACKFRAME_EX_ *, void *, void *, void *, void *, void *, DWORD) =
        FN(StackWalkEx);
    HANDLE self = GetCurrentProcess();
    CONTEXT ctx;
    STACKFRAME_EX_ frame;
    int frames = 0;
    if (!walk_ex) { ok(0, "no StackWalkEx\n"); return; }
    ok(SymInitialize(self, NULL, TRUE), "SymInitialize %lu\n", GetLastError());
    RtlCaptureContext(&ctx);
    memset(&frame, 0, sizeof(frame));
    frame.StackFrameSize = sizeof(frame);
    frame.frame.AddrPC.Offset = ctx.Rip;
    frame.frame.AddrPC.Mode = AddrModeFlat;
    frame.frame.AddrStack.Offset = ctx.Rsp;
    frame.frame.AddrStack.Mode = AddrModeFlat;
    frame.frame.AddrFrame.Offset = ctx.Rbp;
    frame.frame.AddrFrame.Mode = AddrModeFlat;
    while (frames < 64 && walk_ex(IMAGE_FILE_MACHINE_AMD64, self, GetCurrentThread(), &frame, &ctx, NULL,
                                  SymFunctionTableAccess64, SymGetModuleBase64, NULL, 0))
    {
        if (frames == 0)
            ok(frame.frame.AddrPC.Offset > (DWORD64)(ULONG_PTR)test_stack_walk_ex &&
               frame.frame.AddrPC.Offset < (DWORD64)(ULONG_PTR)test_stack_walk_ex + 0x400, "the first frame at %I64x\n",
               frame.frame.AddrPC.Offset);
        frames++;
    }
    ok(frames >= 3, "%d frames\n", frames);
    SymCleanup(self);
}

int main(void)
{
    dbghelp = LoadLibraryA("dbghelp.dll");
    test_lookups();
    test_load_module();
    test_stack_walk_ex();
    return test_summary();
}
