/*
 * tests/msvcp140/data.c — msvcp140's data exports beside the objects:
 * the standard streams' _Ptr_* pointers, _BADOFF, and the vbtables
 * (??_8) and vftables (??_7) of the stream classes for char, wchar_t and
 * unsigned short, checked against the standard stream objects that use
 * them (a stream starts with its vbtable pointer; its basic_ios, where
 * vbtable[1] says, starts with the class's vftable).
 */
#include "test.h"

static HMODULE dll;

static void *get(const char *fmt, const char *ch)
{
    char name[256];
    sprintf(name, fmt, ch, ch, ch, ch);
    return GetProcAddress(dll, name);
}

static void test_streams(const char *ch, const char *pre)
{
    char fmt[200];
    void *out, *in, **pout, **pin;
    const int *vb_o, *vb_i, *vb_io_i, *vb_io_o;
    const void *vf_o, *vf_i;

    sprintf(fmt, "?%scout@std@@3V?$basic_ostream@%%sU?$char_traits@%%s@std@@@1@A", pre);
    out = get(fmt, ch);
    sprintf(fmt, "?%scin@std@@3V?$basic_istream@%%sU?$char_traits@%%s@std@@@1@A", pre);
    in = get(fmt, ch);
    sprintf(fmt, "?_Ptr_%scout@std@@3PEAV?$basic_ostream@%%sU?$char_traits@%%s@std@@@1@EA", pre);
    pout = get(fmt, ch);
    sprintf(fmt, "?_Ptr_%scin@std@@3PEAV?$basic_istream@%%sU?$char_traits@%%s@std@@@1@EA", pre);
    pin = get(fmt, ch);
    vb_o = get("??_8?$basic_ostream@%sU?$char_traits@%s@std@@@std@@7B@", ch);
    vb_i = get("??_8?$basic_istream@%sU?$char_traits@%s@std@@@std@@7B@", ch);
    vb_io_i = get("??_8?$basic_iostream@%sU?$char_traits@%s@std@@@std@@7B?$basic_istream@%sU?$char_traits@%s@std@@@1@@", ch);
    vb_io_o = get("??_8?$basic_iostream@%sU?$char_traits@%s@std@@@std@@7B?$basic_ostream@%sU?$char_traits@%s@std@@@1@@", ch);
    vf_o = get("??_7?$basic_ostream@%sU?$char_traits@%s@std@@@std@@6B@", ch);
    vf_i = get("??_7?$basic_istream@%sU?$char_traits@%s@std@@@std@@6B@", ch);

    ok(out && in && pout && pin && vb_o && vb_i && vb_io_i && vb_io_o && vf_o && vf_i, "%s: all exported\n", ch);
    if (!out || !in || !pout || !pin || !vb_o || !vb_i || !vb_io_i || !vb_io_o || !vf_o || !vf_i) return;
    ok(*pout == out && *pin == in, "%s: _Ptr_%scout and _Ptr_%scin point at the objects\n", ch, pre, pre);
    ok(vb_o[0] == 0 && vb_o[1] == 16 && vb_i[0] == 0 && vb_i[1] == 24, "%s: the vbtables: basic_ios 16 bytes into an ostream, 24 into an istream\n", ch);
    ok(vb_io_i[1] == 32 && vb_io_o[1] == 16, "%s: an iostream's vbtables: its basic_ios 32 bytes in, 16 from its ostream part\n", ch);
    /* Wine 8's unsigned short streams point at its wchar_t vbtables */
    if (!strcmp(ch, "G"))
        todo_wine(*(const int **)out == vb_o && *(const int **)in == vb_i, "%s: the standard streams use the exported vbtables\n", ch);
    else
        ok(*(const int **)out == vb_o && *(const int **)in == vb_i, "%s: the standard streams use the exported vbtables\n", ch);
    ok(*(const void **)((char *)out + vb_o[1]) == vf_o && *(const void **)((char *)in + vb_i[1]) == vf_i,
       "%s: and the exported vftables\n", ch);
}

int main(void)
{
    const __int64 *badoff;

    test_start("msvcp140 data");
    dll = LoadLibraryA("msvcp140.dll");
    ok(dll != NULL, "msvcp140 loads\n");
    if (!dll) return test_summary();
    badoff = (const __int64 *)GetProcAddress(dll, "?_BADOFF@std@@3_JB");
    ok(badoff && *badoff == -1, "_BADOFF is -1\n");
    test_streams("D", "");
    test_streams("_W", "w");
    test_streams("G", "w");
    return test_summary();
}
