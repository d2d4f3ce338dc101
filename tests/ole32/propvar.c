/*
 * tests/ole32/propvar.c — PROPVARIANTs: PropVariantClear frees what each
 * type owns (strings, CLSIDs, blobs, BSTRs, vectors, interfaces) and
 * empties the variant, PropVariantCopy copies deeply, FreePropVariantArray,
 * and types a PROPVARIANT cannot hold.
 */
#define COBJMACROS
#include "test.h"
#include <objbase.h>
#include <propidl.h>

/* a minimal object counting its references */
static LONG refs;
static HRESULT WINAPI unk_qi(IUnknown *iface, REFIID iid, void **out) { *out = NULL; return E_NOINTERFACE; }
static ULONG WINAPI unk_addref(IUnknown *iface) { return InterlockedIncrement(&refs); }
static ULONG WINAPI unk_release(IUnknown *iface) { return InterlockedDecrement(&refs); }
static IUnknownVtbl unk_vtbl = { unk_qi, unk_addref, unk_release };
static IUnknown unk = { &unk_vtbl };

static WCHAR *task_wstr(const WCHAR *s)
{
    WCHAR *ret = CoTaskMemAlloc((lstrlenW(s) + 1) * sizeof(WCHAR));
    lstrcpyW(ret, s);
    return ret;
}

static BOOL is_empty(const PROPVARIANT *pv)
{
    static const PROPVARIANT zero;
    return !memcmp(pv, &zero, sizeof(zero));
}

static void test_clear(void)
{
    PROPVARIANT pv;
    CLSID *clsid;

    memset(&pv, 0xcc, sizeof(pv));
    pv.vt = VT_I4;
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_I4 not emptied\n");

    PropVariantInit(&pv);
    pv.vt = VT_LPWSTR;
    pv.pwszVal = task_wstr(L"a string");
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_LPWSTR\n");

    pv.vt = VT_CLSID;
    pv.puuid = clsid = CoTaskMemAlloc(sizeof(*clsid));
    memset(clsid, 1, sizeof(*clsid));
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_CLSID\n");

    pv.vt = VT_BLOB;
    pv.blob.cbSize = 10;
    pv.blob.pBlobData = CoTaskMemAlloc(10);
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_BLOB\n");

    pv.vt = VT_BSTR;
    pv.bstrVal = SysAllocString(L"a BSTR");
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_BSTR\n");

    pv.vt = VT_VECTOR | VT_LPWSTR;
    pv.calpwstr.cElems = 2;
    pv.calpwstr.pElems = CoTaskMemAlloc(2 * sizeof(WCHAR *));
    pv.calpwstr.pElems[0] = task_wstr(L"one");
    pv.calpwstr.pElems[1] = task_wstr(L"two");
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_VECTOR|VT_LPWSTR\n");

    refs = 1;
    pv.vt = VT_UNKNOWN;
    pv.punkVal = &unk;
    ok(PropVariantClear(&pv) == S_OK && is_empty(&pv), "VT_UNKNOWN\n");
    ok(refs == 0, "interface not released: %ld\n", refs);

    /* what a PROPVARIANT cannot hold is refused, the variant emptied */
    pv.vt = 80;   /* no type */
    pv.lVal = 5;
    ok(PropVariantClear(&pv) == STG_E_INVALIDPARAMETER, "bad type accepted\n");
    ok(is_empty(&pv), "bad type left\n");
    pv.vt = VT_VECTOR | VT_EMPTY;
    ok(PropVariantClear(&pv) == STG_E_INVALIDPARAMETER, "vector of VT_EMPTY accepted\n");
    ok(PropVariantClear(NULL) == S_OK, "NULL\n");
}

static void test_copy(void)
{
    PROPVARIANT src, dst;

    PropVariantInit(&src);
    src.vt = VT_LPWSTR;
    src.pwszVal = task_wstr(L"copied");
    ok(PropVariantCopy(&dst, &src) == S_OK, "copy VT_LPWSTR\n");
    ok(dst.vt == VT_LPWSTR && dst.pwszVal != src.pwszVal && !lstrcmpW(dst.pwszVal, L"copied"), "not a deep copy\n");
    PropVariantClear(&src);
    PropVariantClear(&dst);

    src.vt = VT_LPSTR;
    src.pszVal = CoTaskMemAlloc(4);
    lstrcpyA(src.pszVal, "abc");
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.pszVal != src.pszVal && !lstrcmpA(dst.pszVal, "abc"),
       "copy VT_LPSTR\n");
    PropVariantClear(&src);
    PropVariantClear(&dst);

    src.vt = VT_BSTR;
    src.bstrVal = SysAllocString(L"a BSTR");
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.bstrVal != src.bstrVal, "copy VT_BSTR\n");
    ok(SysStringLen(dst.bstrVal) == 6 && !lstrcmpW(dst.bstrVal, L"a BSTR"), "BSTR contents\n");
    PropVariantClear(&src);
    PropVariantClear(&dst);

    src.vt = VT_VECTOR | VT_I4;
    src.cal.cElems = 3;
    src.cal.pElems = CoTaskMemAlloc(3 * sizeof(LONG));
    src.cal.pElems[0] = 1; src.cal.pElems[1] = 2; src.cal.pElems[2] = 3;
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.cal.cElems == 3 && dst.cal.pElems != src.cal.pElems &&
       dst.cal.pElems[2] == 3, "copy VT_VECTOR|VT_I4\n");
    PropVariantClear(&src);
    PropVariantClear(&dst);

    src.vt = VT_VECTOR | VT_LPWSTR;
    src.calpwstr.cElems = 1;
    src.calpwstr.pElems = CoTaskMemAlloc(sizeof(WCHAR *));
    src.calpwstr.pElems[0] = task_wstr(L"element");
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.calpwstr.pElems[0] != src.calpwstr.pElems[0] &&
       !lstrcmpW(dst.calpwstr.pElems[0], L"element"), "copy VT_VECTOR|VT_LPWSTR\n");
    PropVariantClear(&src);
    PropVariantClear(&dst);

    refs = 1;
    src.vt = VT_UNKNOWN;
    src.punkVal = &unk;
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.punkVal == &unk && refs == 2, "copy VT_UNKNOWN: %ld\n", refs);
    PropVariantClear(&dst);
    ok(refs == 1, "copy released: %ld\n", refs);

    src.vt = VT_R8;
    src.dblVal = 2.5;
    ok(PropVariantCopy(&dst, &src) == S_OK && dst.vt == VT_R8 && dst.dblVal == 2.5, "copy VT_R8\n");

    src.vt = 80;
    memset(&dst, 0xcc, sizeof(dst));
    ok(PropVariantCopy(&dst, &src) == DISP_E_BADVARTYPE, "bad type copied\n");
}

static void test_free_array(void)
{
    PROPVARIANT pvs[2];

    pvs[0].vt = VT_LPWSTR;
    pvs[0].pwszVal = task_wstr(L"first");
    pvs[1].vt = VT_UI4;
    pvs[1].ulVal = 7;
    ok(FreePropVariantArray(2, pvs) == S_OK && is_empty(&pvs[0]) && is_empty(&pvs[1]), "FreePropVariantArray\n");
    ok(FreePropVariantArray(1, NULL) == E_INVALIDARG, "NULL array\n");
}

int main(void)
{
    test_start("ole32/propvar");
    test_clear();
    test_copy();
    test_free_array();
    return test_summary();
}
