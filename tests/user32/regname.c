/*
 * tests/user32/regname.c — registered window messages and clipboard
 * formats: a name gets a number in 0xC000..0xFFFF, the same name (in any
 * case, through either function, A or W) the same number, another name
 * another; GetClipboardFormatName gives the name back and has none for a
 * predefined format; a NULL name is refused.
 */
#include "test.h"

int main(void)
{
    UINT msg, msg2, fmt, other;
    WCHAR name[64];
    char aname[64];
    int n;

    test_start("user32/regname");
    msg = RegisterWindowMessageW(L"WLX_Test_Message");
    ok(msg >= 0xc000 && msg <= 0xffff, "RegisterWindowMessageW: %#x\n", msg);
    msg2 = RegisterWindowMessageA("wlx_test_MESSAGE");
    ok(msg2 == msg, "the same name in other case: %#x, %#x\n", msg2, msg);
    fmt = RegisterClipboardFormatW(L"WLX_Test_Message");
    ok(fmt == msg, "one table for messages and formats: %#x, %#x\n", fmt, msg);
    other = RegisterClipboardFormatA("WLX Other Format");
    ok(other >= 0xc000 && other != msg, "another name: %#x\n", other);

    n = GetClipboardFormatNameW(other, name, ARRAYSIZE(name));
    ok(n == 16 && !lstrcmpW(name, L"WLX Other Format"), "GetClipboardFormatNameW: %d '%ls'\n", n, name);
    n = GetClipboardFormatNameA(msg, aname, sizeof(aname));
    ok(n == 16 && !lstrcmpiA(aname, "WLX_Test_Message"), "GetClipboardFormatNameA: %d '%s'\n", n, aname);
    n = GetClipboardFormatNameW(msg, name, 4);
    ok(n == 3 && !lstrcmpW(name, L"WLX"), "a short buffer: %d '%ls'\n", n, name);
    SetLastError(0xdeadbeef);
    ok(!GetClipboardFormatNameW(CF_TEXT, name, ARRAYSIZE(name)), "a predefined format has a name\n");

    SetLastError(0xdeadbeef);
    ok(!RegisterWindowMessageW(NULL), "a NULL message name registered\n");
    return test_summary();
}
