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

/* --- scan codes -------------------------------------------------------------------- */

/* The US layout's keys by set-1 scan code (index) and virtual key; 0x100
   marks an extended (E0-prefixed) code. Numeric-pad codes give their
   navigation keys, as the layout does with Num Lock off. */
static const BYTE us_scan_vk[0x59] =
{
    0, VK_ESCAPE, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', VK_OEM_MINUS, VK_OEM_PLUS, VK_BACK, VK_TAB,
    'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', VK_OEM_4, VK_OEM_6, VK_RETURN, VK_LCONTROL, 'A', 'S',
    'D', 'F', 'G', 'H', 'J', 'K', 'L', VK_OEM_1, VK_OEM_7, VK_OEM_3, VK_LSHIFT, VK_OEM_5, 'Z', 'X', 'C', 'V',
    'B', 'N', 'M', VK_OEM_COMMA, VK_OEM_PERIOD, VK_OEM_2, VK_RSHIFT, VK_MULTIPLY, VK_LMENU, VK_SPACE, VK_CAPITAL,
    VK_F1, VK_F2, VK_F3, VK_F4, VK_F5, VK_F6, VK_F7, VK_F8, VK_F9, VK_F10, VK_NUMLOCK, VK_SCROLL,
    VK_HOME, VK_UP, VK_PRIOR, VK_SUBTRACT, VK_LEFT, VK_CLEAR, VK_RIGHT, VK_ADD, VK_END, VK_DOWN, VK_NEXT,
    VK_INSERT, VK_DELETE, 0, 0, VK_OEM_102, VK_F11, VK_F12,
};

/* extended keys that share a scan code with a plain one */
static const struct { WORD vk, scan; } us_extended[] =
{
    { VK_RCONTROL, 0xe01d }, { VK_RMENU, 0xe038 }, { VK_DIVIDE, 0xe035 }, { VK_LWIN, 0xe05b },
    { VK_RWIN, 0xe05c }, { VK_APPS, 0xe05d },
};

/* a key's generic virtual key: left/right Shift, Ctrl and Alt are one each */
static UINT generic_vk(UINT vk)
{
    switch (vk)
    {
    case VK_LSHIFT: case VK_RSHIFT: return VK_SHIFT;
    case VK_LCONTROL: case VK_RCONTROL: return VK_CONTROL;
    case VK_LMENU: case VK_RMENU: return VK_MENU;
    }
    return vk;
}

static UINT vk_to_scan(UINT vk, BOOL extended)
{
    UINT i;

    switch (vk)   /* the generic modifiers are their left keys */
    {
    case VK_SHIFT: vk = VK_LSHIFT; break;
    case VK_CONTROL: vk = VK_LCONTROL; break;
    case VK_MENU: vk = VK_LMENU; break;
    }
    for (i = 0; i < ARRAYSIZE(us_extended); i++)
        if (us_extended[i].vk == vk) return extended ? us_extended[i].scan : us_extended[i].scan & 0xff;
    for (i = 1; i < ARRAYSIZE(us_scan_vk); i++)
        if (us_scan_vk[i] == vk) return i;
    if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) return vk_to_scan(L"\x2d\x23\x28\x22\x25\x0c\x27\x24\x26\x21"[vk - VK_NUMPAD0], FALSE);
    if (vk == VK_DECIMAL) return 0x53;
    return 0;
}

static UINT scan_to_vk(UINT scan, BOOL distinguish)
{
    UINT i, vk = 0;

    if ((scan & 0xff00) == 0xe000)
    {
        for (i = 0; i < ARRAYSIZE(us_extended); i++)
            if (us_extended[i].scan == scan) vk = us_extended[i].vk;
        if (!vk && (scan & 0xff) < ARRAYSIZE(us_scan_vk)) vk = us_scan_vk[scan & 0xff];
    }
    else if (scan < ARRAYSIZE(us_scan_vk)) vk = us_scan_vk[scan];
    return distinguish ? vk : generic_vk(vk);
}

UINT WINAPI MapVirtualKeyExW(UINT code, UINT type, HKL layout)
{
    BYTE state[256] = { 0 };

    switch (type)
    {
    case MAPVK_VK_TO_VSC: return vk_to_scan(code, FALSE);
    case MAPVK_VK_TO_VSC_EX: return vk_to_scan(code, TRUE);
    case MAPVK_VSC_TO_VK: return scan_to_vk(code, FALSE);
    case MAPVK_VSC_TO_VK_EX: return scan_to_vk(code, TRUE);
    case MAPVK_VK_TO_CHAR:
        /* the unshifted character; letters as their capitals */
        if (code >= 'A' && code <= 'Z') return code;
        return code <= 0xff ? us_char(code, state) : 0;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
}

UINT WINAPI MapVirtualKeyW(UINT code, UINT type) { return MapVirtualKeyExW(code, type, GetKeyboardLayout(0)); }
UINT WINAPI MapVirtualKeyA(UINT code, UINT type) { return MapVirtualKeyExW(code, type, GetKeyboardLayout(0)); }
UINT WINAPI MapVirtualKeyExA(UINT code, UINT type, HKL layout) { return MapVirtualKeyExW(code, type, layout); }
