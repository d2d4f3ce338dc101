/*
 * tests/user32/keyboard.c — ToUnicodeEx and MapVirtualKey with the US English layout, window
 * owners of handles that name no window, and the clipboard's
 * "not open" errors.
 */
#include "test.h"

#define US_LAYOUT ((HKL)(ULONG_PTR)0x04090409)

/* the characters of one key press with the given modifiers down (VK_ codes, 0-terminated) */
static int key_text(UINT vk, const BYTE *mods, WCHAR *buf, int size)
{
    BYTE state[256] = { 0 };

    for (; mods && *mods; mods++) state[*mods] = 0x80;
    memset(buf, 0xcc, size * sizeof(WCHAR));
    return ToUnicodeEx(vk, 0, state, buf, size, 0, US_LAYOUT);
}

static void test_to_unicode(void)
{
    static const BYTE shift[] = { VK_SHIFT, 0 }, ctrl[] = { VK_CONTROL, 0 };
    static const BYTE altgr[] = { VK_CONTROL, VK_MENU, 0 };
    BYTE state[256] = { 0 };
    WCHAR buf[8];
    int n;

    n = key_text('A', NULL, buf, 8);
    ok(n == 1 && buf[0] == 'a' && buf[1] == 0, "A: %d %04x %04x\n", n, buf[0], buf[1]);
    n = key_text('A', shift, buf, 8);
    ok(n == 1 && buf[0] == 'A', "Shift+A: %d %04x\n", n, buf[0]);
    n = key_text('C', ctrl, buf, 8);
    ok(n == 1 && buf[0] == 3, "Ctrl+C: %d %04x\n", n, buf[0]);
    n = key_text('1', shift, buf, 8);
    ok(n == 1 && buf[0] == '!', "Shift+1: %d %04x\n", n, buf[0]);
    n = key_text('7', NULL, buf, 8);
    ok(n == 1 && buf[0] == '7', "7: %d %04x\n", n, buf[0]);
    n = key_text(VK_OEM_2, shift, buf, 8);
    ok(n == 1 && buf[0] == '?', "Shift+/: %d %04x\n", n, buf[0]);
    n = key_text(VK_OEM_7, NULL, buf, 8);
    ok(n == 1 && buf[0] == '\'', "': %d %04x\n", n, buf[0]);
    n = key_text(VK_SPACE, NULL, buf, 8);
    ok(n == 1 && buf[0] == ' ', "space: %d %04x\n", n, buf[0]);
    n = key_text(VK_RETURN, NULL, buf, 8);
    ok(n == 1 && buf[0] == '\r', "return: %d %04x\n", n, buf[0]);
    n = key_text(VK_ESCAPE, NULL, buf, 8);
    ok(n == 1 && buf[0] == 0x1b, "escape: %d %04x\n", n, buf[0]);
    n = key_text(VK_BACK, NULL, buf, 8);
    ok(n == 1 && buf[0] == '\b', "backspace: %d %04x\n", n, buf[0]);
    /* the keypad's digit keys are VK_NUMPADn only while Num Lock is on */
    state[VK_NUMLOCK] = 0x01;
    n = ToUnicodeEx(VK_NUMPAD5, 0x4c, state, buf, 8, 0, US_LAYOUT);
    ok(n == 1 && buf[0] == '5', "numpad 5: %d %04x\n", n, buf[0]);
    state[VK_NUMLOCK] = 0;
    /* keys that give no character */
    n = key_text(VK_F1, NULL, buf, 8);
    ok(n == 0, "F1: %d\n", n);
    n = key_text(VK_LEFT, NULL, buf, 8);
    ok(n == 0, "left: %d\n", n);
    n = key_text(VK_SHIFT, shift, buf, 8);
    ok(n == 0, "shift alone: %d\n", n);
    /* AltGr (Ctrl+Alt) gives nothing in the US layout */
    n = key_text('Q', altgr, buf, 8);
    ok(n == 0, "AltGr+Q: %d %04x\n", n, buf[0]);
    /* Caps Lock is the toggled bit of VK_CAPITAL; Shift undoes it */
    state[VK_CAPITAL] = 0x01;
    n = ToUnicodeEx('B', 0x30, state, buf, 8, 0, US_LAYOUT);
    ok(n == 1 && buf[0] == 'B', "caps lock B: %d %04x\n", n, buf[0]);
    state[VK_SHIFT] = 0x80;
    n = ToUnicodeEx('B', 0x30, state, buf, 8, 0, US_LAYOUT);
    /* Wine ignores Caps Lock when Shift is down; Windows' US layout marks letters CAPLOK */
    todo_wine(n == 1 && buf[0] == 'b', "caps lock Shift+B: %d %04x\n", n, buf[0]);
    /* ToUnicode is the same with the thread's layout */
    memset(state, 0, sizeof(state));
    if (GetKeyboardLayout(0) == US_LAYOUT)
    {
        n = ToUnicode('Z', 0x2c, state, buf, 8, 0);
        ok(n == 1 && buf[0] == 'z', "ToUnicode Z: %d %04x\n", n, buf[0]);
    }
    else skip("the keyboard layout is not US English\n");
}

/* scan codes of the US layout (set 1, as the keyboard sends them) and back */
static void test_map_virtual_key(void)
{
    static const struct { UINT vk, scan; } keys[] =
    {
        { 'A', 0x1e }, { 'Z', 0x2c }, { '1', 0x02 }, { '0', 0x0b }, { VK_ESCAPE, 0x01 }, { VK_RETURN, 0x1c },
        { VK_SPACE, 0x39 }, { VK_TAB, 0x0f }, { VK_BACK, 0x0e }, { VK_F1, 0x3b }, { VK_F12, 0x58 },
        { VK_OEM_1, 0x27 }, { VK_OEM_COMMA, 0x33 }, { VK_CAPITAL, 0x3a },
    };
    UINT i;

    for (i = 0; i < ARRAYSIZE(keys); i++)
    {
        UINT scan = MapVirtualKeyW(keys[i].vk, MAPVK_VK_TO_VSC), vk = MapVirtualKeyW(keys[i].scan, MAPVK_VSC_TO_VK);
        ok(scan == keys[i].scan, "vk %#x: scan %#x, not %#x\n", keys[i].vk, scan, keys[i].scan);
        ok(vk == keys[i].vk, "scan %#x: vk %#x, not %#x\n", keys[i].scan, vk, keys[i].vk);
    }
    ok(MapVirtualKeyW(VK_SHIFT, MAPVK_VK_TO_VSC) == 0x2a, "VK_SHIFT\n");
    ok(MapVirtualKeyW(VK_RSHIFT, MAPVK_VK_TO_VSC) == 0x36, "VK_RSHIFT\n");
    ok(MapVirtualKeyW(0x36, MAPVK_VSC_TO_VK) == VK_SHIFT, "scan 0x36 as a generic key\n");
    ok(MapVirtualKeyW(0x36, MAPVK_VSC_TO_VK_EX) == VK_RSHIFT, "scan 0x36 told apart\n");
    ok(MapVirtualKeyW(0x1d, MAPVK_VSC_TO_VK_EX) == VK_LCONTROL, "scan 0x1d told apart\n");
    ok(MapVirtualKeyW('A', MAPVK_VK_TO_CHAR) == 'A', "char of A: %#x\n", MapVirtualKeyW('A', MAPVK_VK_TO_CHAR));
    ok(MapVirtualKeyW('5', MAPVK_VK_TO_CHAR) == '5', "char of 5\n");
    ok(MapVirtualKeyW(VK_OEM_1, MAPVK_VK_TO_CHAR) == ';', "char of VK_OEM_1\n");
    ok(MapVirtualKeyA('Q', MAPVK_VK_TO_VSC) == 0x10, "MapVirtualKeyA\n");
}

static void test_window_owner(void)
{
    DWORD pid = 0xdeadbeef, tid;

    SetLastError(0xdeadbeef);
    tid = GetWindowThreadProcessId(NULL, &pid);
    ok(tid == 0, "NULL window: thread %lu\n", tid);
    ok(GetLastError() == ERROR_INVALID_WINDOW_HANDLE, "NULL window: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    tid = GetWindowThreadProcessId((HWND)(ULONG_PTR)0xdead0000, NULL);
    ok(tid == 0, "bogus window: thread %lu\n", tid);
    ok(GetLastError() == ERROR_INVALID_WINDOW_HANDLE, "bogus window: error %lu\n", GetLastError());
}

/* the calls that need an open clipboard fail the same way when it is not */
static void test_clipboard_not_open(void)
{
    HGLOBAL mem;

    SetLastError(0xdeadbeef);
    ok(!CloseClipboard(), "CloseClipboard without OpenClipboard succeeded\n");
    ok(GetLastError() == ERROR_CLIPBOARD_NOT_OPEN, "CloseClipboard: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!EmptyClipboard(), "EmptyClipboard without OpenClipboard succeeded\n");
    ok(GetLastError() == ERROR_CLIPBOARD_NOT_OPEN, "EmptyClipboard: error %lu\n", GetLastError());
    mem = GlobalAlloc(GMEM_MOVEABLE, 4);
    SetLastError(0xdeadbeef);
    ok(!SetClipboardData(CF_TEXT, mem), "SetClipboardData without OpenClipboard succeeded\n");
    ok(GetLastError() == ERROR_CLIPBOARD_NOT_OPEN, "SetClipboardData: error %lu\n", GetLastError());
    GlobalFree(mem);
}

/* opened, the clipboard takes text; without a window station it cannot be opened at all */
static void test_clipboard_open(void)
{
    HGLOBAL mem;

    SetLastError(0xdeadbeef);
    if (!OpenClipboard(NULL))
    {
        ok(GetLastError() == ERROR_ACCESS_DENIED, "OpenClipboard: error %lu\n", GetLastError());
        return;
    }
    ok(EmptyClipboard(), "EmptyClipboard: error %lu\n", GetLastError());
    mem = GlobalAlloc(GMEM_MOVEABLE, 6);
    memcpy(GlobalLock(mem), "hello", 6);
    GlobalUnlock(mem);
    ok(SetClipboardData(CF_TEXT, mem) == mem, "SetClipboardData: error %lu\n", GetLastError());
    ok(CloseClipboard(), "CloseClipboard: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CloseClipboard(), "second CloseClipboard succeeded\n");
    ok(GetLastError() == ERROR_CLIPBOARD_NOT_OPEN, "second CloseClipboard: error %lu\n", GetLastError());
}

int main(void)
{
    test_start("user32/keyboard");
    test_map_virtual_key();
    test_to_unicode();
    test_window_owner();
    test_clipboard_not_open();
    test_clipboard_open();
    return test_summary();
}
