/*
 * Keys to characters without a window system: ToUnicodeEx/ToUnicode with
 * the US English layout (the one GetKeyboardLayout reports), which is what
 * console programs use to turn the virtual keys of console input events
 * into text.
 */
#include "private.h"

/* the keyboard state's "down" and "toggled" bits */
#define KEY_DOWN    0x80
#define KEY_TOGGLED 0x01

/* one key of the layout: its character, shifted and with Ctrl (0: none) */
struct key_chars
{
    BYTE vk;
    WCHAR plain, shifted, ctrl;
};

/* US English punctuation, space and editing keys (kbdus); letters and digits are computed */
static const struct key_chars us_keys[] =
{
    { VK_SPACE, ' ', ' ', ' ' },
    { VK_RETURN, '\r', '\r', '\n' },
    { VK_TAB, '\t', '\t', 0 },
    { VK_BACK, '\b', '\b', 0x7f },
    { VK_ESCAPE, 0x1b, 0x1b, 0x1b },
    { VK_CANCEL, 0x03, 0x03, 0x03 },
    { VK_OEM_1, ';', ':', 0 },
    { VK_OEM_PLUS, '=', '+', 0 },
    { VK_OEM_COMMA, ',', '<', 0 },
    { VK_OEM_MINUS, '-', '_', 0 },
    { VK_OEM_PERIOD, '.', '>', 0 },
    { VK_OEM_2, '/', '?', 0 },
    { VK_OEM_3, '`', '~', 0 },
    { VK_OEM_4, '[', '{', 0x1b },
    { VK_OEM_5, '\\', '|', 0x1c },
    { VK_OEM_6, ']', '}', 0x1d },
    { VK_OEM_7, '\'', '"', 0 },
    { VK_OEM_102, '\\', '|', 0x1c },
    { VK_MULTIPLY, '*', '*', 0 },
    { VK_ADD, '+', '+', 0 },
    { VK_SUBTRACT, '-', '-', 0 },
    { VK_DECIMAL, '.', '.', 0 },
    { VK_DIVIDE, '/', '/', 0 },
};

static BOOL key_down(const BYTE *state, int vk) { return (state[vk] & KEY_DOWN) != 0; }

/* the character `vk` gives with the modifiers of `state` in the US layout, 0 for none */
static WCHAR us_char(UINT vk, const BYTE *state)
{
    BOOL shift = key_down(state, VK_SHIFT), ctrl = key_down(state, VK_CONTROL);
    BOOL alt = key_down(state, VK_MENU);
    unsigned int i;

    /* Ctrl+Alt is AltGr, which gives nothing in the US layout */
    if (ctrl && alt) return 0;
    if (vk >= 'A' && vk <= 'Z')
    {
        if (ctrl) return vk - 'A' + 1;
        if (shift != ((state[VK_CAPITAL] & KEY_TOGGLED) != 0)) return vk;
        return vk - 'A' + 'a';
    }
    if (vk >= '0' && vk <= '9')
    {
        if (ctrl) return 0;
        return shift ? L")!@#$%^&*("[vk - '0'] : vk;
    }
    if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) return ctrl ? 0 : '0' + vk - VK_NUMPAD0;
    for (i = 0; i < ARRAYSIZE(us_keys); i++)
    {
        if (us_keys[i].vk != vk) continue;
        if (ctrl) return us_keys[i].ctrl;
        return shift ? us_keys[i].shifted : us_keys[i].plain;
    }
    return 0;
}

/* the number of characters written (0: the key gives none); there are no dead keys in the US layout */
int WINAPI ToUnicodeEx(UINT vk, UINT scan, const BYTE *state, LPWSTR buf, int size, UINT flags, HKL layout)
{
    WCHAR ch;

    if (!state || !buf) return 0;
    if (vk > 0xff || !(ch = us_char(vk, state))) return 0;
    if (size < 1) return 0;
    buf[0] = ch;
    if (size > 1) buf[1] = 0;
    return 1;
}

int WINAPI ToUnicode(UINT vk, UINT scan, const BYTE *state, LPWSTR buf, int size, UINT flags)
{
    return ToUnicodeEx(vk, scan, state, buf, size, flags, GetKeyboardLayout(0));
}
