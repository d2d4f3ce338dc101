/*
 * tests/msvcp140/data.c — msvcp140's data exports beside the objects:
 * the standard streams' _Ptr_* pointers, _BADOFF, and the vbtables
 * (??_8) and vftables (??_7) of the stream classes for char, wchar_t and
 * unsigned short, checked against the standard stream objects that use
 * them (a stream starts with its vbtable pointer; its basic_ios, where
 * vbtable[1] says, starts with the class's vftable); and the vftables of
 * locale::facet, codecvt_base, ios_base, _Facet_base and _Locimp against
 * objects their exported constructors build, _Winit's count.
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

static void test_base_classes(void)
{
    void *(__cdecl *facet_ctor)(void *, size_t) = (void *)GetProcAddress(dll, "??0facet@locale@std@@IEAA@_K@Z");
    void (__cdecl *facet_closure)(void *) = (void *)GetProcAddress(dll, "??_Ffacet@locale@std@@QEAAXXZ");
    void *(__cdecl *cvt_ctor)(void *, size_t) = (void *)GetProcAddress(dll, "??0codecvt_base@std@@QEAA@_K@Z");
    void (__cdecl *cvt_dtor)(void *) = (void *)GetProcAddress(dll, "??1codecvt_base@std@@UEAA@XZ");
    BOOL (__cdecl *cvt_noconv)(void *) = (void *)GetProcAddress(dll, "?always_noconv@codecvt_base@std@@QEBA_NXZ");
    int (__cdecl *cvt_maxlen)(void *) = (void *)GetProcAddress(dll, "?max_length@codecvt_base@std@@QEBAHXZ");
    int (__cdecl *cvt_encoding)(void *) = (void *)GetProcAddress(dll, "?encoding@codecvt_base@std@@QEBAHXZ");
    void *(__cdecl *ios_ctor)(void *) = (void *)GetProcAddress(dll, "??0ios_base@std@@IEAA@XZ");
    void (__cdecl *ios_dtor)(void *) = (void *)GetProcAddress(dll, "??1ios_base@std@@UEAA@XZ");
    void *(__cdecl *fb_ctor)(void *) = (void *)GetProcAddress(dll, "??0_Facet_base@std@@QEAA@XZ");
    void *(__cdecl *locale_init)(BOOL) = (void *)GetProcAddress(dll, "?_Init@locale@std@@CAPEAV_Locimp@12@_N@Z");
    void *(__cdecl *winit_ctor)(void *) = (void *)GetProcAddress(dll, "??0_Winit@std@@QEAA@XZ");
    void (__cdecl *winit_dtor)(void *) = (void *)GetProcAddress(dll, "??1_Winit@std@@QEAA@XZ");
    int *winit_cnt = (int *)GetProcAddress(dll, "?_Init_cnt@_Winit@std@@0HA");
    const void *vf_facet;
    void *obj[32] = { 0 }, *imp;
    int before;

    vf_facet = GetProcAddress(dll, "??_7facet@locale@std@@6B@");
    ok(facet_ctor && facet_closure && vf_facet, "locale::facet's constructors and vftable exported\n");
    if (facet_ctor && vf_facet)
    {
        facet_ctor(obj, 5);
        ok(obj[0] == vf_facet && *(int *)&obj[1] == 5, "facet(5): the exported vftable, 5 references\n");
    }
    facet_closure(obj);
    ok(obj[0] == vf_facet && *(int *)&obj[1] == 0, "the closure: facet(0)\n");
    ok(cvt_ctor && cvt_dtor && cvt_noconv && cvt_maxlen && cvt_encoding, "codecvt_base's members exported\n");
    if (cvt_ctor && cvt_dtor && cvt_noconv && cvt_maxlen && cvt_encoding)
    {
        cvt_ctor(obj, 1);
        ok(obj[0] == GetProcAddress(dll, "??_7codecvt_base@std@@6B@"), "codecvt_base: the exported vftable\n");
        ok(!cvt_noconv(obj) && cvt_maxlen(obj) == 1 && cvt_encoding(obj) == 1,
           "codecvt_base: always_noconv false, max_length and encoding 1\n");
        cvt_dtor(obj);
    }
    ok(ios_ctor && ios_dtor, "ios_base's constructor and destructor exported\n");
    if (ios_ctor && ios_dtor)
    {
        ios_ctor(obj);
        /* ios_base() sets the vftable alone: no destructor after it */
        ok(obj[0] == GetProcAddress(dll, "??_7ios_base@std@@6B@"), "ios_base: the exported vftable\n");
    }
    /* Wine 8 stubs _Facet_base's constructor */
    if (test_is("wine")) skip("Wine 8 stubs _Facet_base's constructor\n");
    else ok(fb_ctor && fb_ctor(obj) == obj && obj[0] == GetProcAddress(dll, "??_7_Facet_base@std@@6B@"),
            "_Facet_base: the exported vftable\n");
    imp = locale_init ? locale_init(FALSE) : NULL;
    ok(imp && *(void **)imp == GetProcAddress(dll, "??_7_Locimp@locale@std@@6B@"), "the global _Locimp: the exported vftable\n");
    ok(winit_ctor && winit_dtor && winit_cnt, "_Winit exported\n");
    if (winit_ctor && winit_dtor && winit_cnt)
    {
        before = *winit_cnt;
        /* counted as ios_base::Init is; Wine 8 leaves the count alone */
        winit_ctor(obj);
        todo_wine(*winit_cnt == before + 1, "_Winit(): counted\n");
        before = *winit_cnt;
        winit_dtor(obj);
        ok(*winit_cnt == before - 1, "~_Winit(): uncounted\n");
    }
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
    test_base_classes();
    return test_summary();
}
