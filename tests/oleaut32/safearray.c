/*
 * tests/oleaut32/safearray.c — 1-D safe arrays: creation, bounds, element
 * size, locking, element access and destruction.
 */
#include "test.h"
#include <oleauto.h>

static void test_create(void)
{
    SAFEARRAYBOUND bound = { 10, 5 };
    SAFEARRAY *sa = SafeArrayCreate(VT_I4, 1, &bound);
    LONG lb = 0, ub = 0;
    HRESULT hr;

    ok(sa != NULL, "SafeArrayCreate failed\n");
    if (!sa) return;
    ok(SafeArrayGetDim(sa) == 1, "dims %u\n", SafeArrayGetDim(sa));
    ok(SafeArrayGetElemsize(sa) == 4, "elem size %u\n", SafeArrayGetElemsize(sa));
    ok(sa->cbElements == 4 && sa->cDims == 1, "descriptor\n");
    hr = SafeArrayGetLBound(sa, 1, &lb);
    ok(hr == S_OK && lb == 5, "lbound %ld hr %#lx\n", lb, hr);
    hr = SafeArrayGetUBound(sa, 1, &ub);
    ok(hr == S_OK && ub == 14, "ubound %ld hr %#lx\n", ub, hr);
    hr = SafeArrayGetUBound(sa, 2, &ub);
    ok(hr == DISP_E_BADINDEX, "dim 2: %#lx\n", hr);
    hr = SafeArrayGetLBound(sa, 0, &lb);
    ok(hr == DISP_E_BADINDEX, "dim 0: %#lx\n", hr);
    ok(SafeArrayDestroy(sa) == S_OK, "destroy\n");

    ok(SafeArrayCreate(VT_EMPTY, 1, &bound) == NULL, "VT_EMPTY array should fail\n");
    ok(SafeArrayDestroy(NULL) == S_OK, "destroy NULL\n");

    sa = SafeArrayCreateVector(VT_UI1, 0, 3);
    ok(sa && SafeArrayGetElemsize(sa) == 1 && SafeArrayGetDim(sa) == 1, "vector\n");
    SafeArrayDestroy(sa);

    sa = SafeArrayCreate(VT_BSTR, 1, &bound);
    ok(sa && SafeArrayGetElemsize(sa) == sizeof(BSTR) && (sa->fFeatures & FADF_BSTR), "BSTR array\n");
    SafeArrayDestroy(sa);
    sa = SafeArrayCreate(VT_VARIANT, 1, &bound);
    ok(sa && SafeArrayGetElemsize(sa) == sizeof(VARIANT) && (sa->fFeatures & FADF_VARIANT), "VARIANT array\n");
    SafeArrayDestroy(sa);
}

static void test_access(void)
{
    SAFEARRAYBOUND bound = { 4, 0 };
    SAFEARRAY *sa = SafeArrayCreate(VT_I4, 1, &bound);
    LONG *data = NULL, idx, value;
    HRESULT hr;

    if (!sa) { ok(0, "create failed\n"); return; }
    hr = SafeArrayAccessData(sa, (void **)&data);
    ok(hr == S_OK && data != NULL, "access %#lx\n", hr);
    ok(data[0] == 0 && data[3] == 0, "data not zeroed\n");
    for (int i = 0; i < 4; i++) data[i] = i * 100;
    ok(sa->cLocks == 1, "locks %lu\n", sa->cLocks);
    /* a locked array cannot be destroyed */
    ok(SafeArrayDestroy(sa) == DISP_E_ARRAYISLOCKED, "destroy while locked\n");
    ok(SafeArrayUnaccessData(sa) == S_OK, "unaccess\n");
    ok(SafeArrayUnaccessData(sa) == E_UNEXPECTED, "unbalanced unaccess\n");

    idx = 2;
    hr = SafeArrayGetElement(sa, &idx, &value);
    ok(hr == S_OK && value == 200, "element 2: %ld hr %#lx\n", value, hr);
    value = 7;
    idx = 3;
    ok(SafeArrayPutElement(sa, &idx, &value) == S_OK && data[3] == 7, "put\n");
    idx = 4;
    ok(SafeArrayGetElement(sa, &idx, &value) == DISP_E_BADINDEX, "index past the end\n");
    idx = -1;
    ok(SafeArrayPutElement(sa, &idx, &value) == DISP_E_BADINDEX, "negative index\n");
    ok(SafeArrayDestroy(sa) == S_OK, "destroy\n");
}

static void test_bstr_elements(void)
{
    SAFEARRAY *sa = SafeArrayCreateVector(VT_BSTR, 1, 2), *copy = NULL;
    BSTR in = SysAllocString(L"text"), out = NULL;
    LONG idx = 1;

    if (!sa) { ok(0, "create failed\n"); return; }
    /* PutElement stores a copy: the caller keeps its own string */
    ok(SafeArrayPutElement(sa, &idx, in) == S_OK, "put\n");
    ok(((BSTR *)sa->pvData)[0] != in, "stored the caller's pointer\n");
    ok(SafeArrayGetElement(sa, &idx, &out) == S_OK && out && !lstrcmpW(out, L"text") && out != in, "get\n");
    SysFreeString(out);
    ok(SafeArrayCopy(sa, &copy) == S_OK && copy, "copy\n");
    if (copy)
    {
        BSTR c = ((BSTR *)copy->pvData)[0];
        ok(c && c != ((BSTR *)sa->pvData)[0] && !lstrcmpW(c, L"text"), "deep copy\n");
        SafeArrayDestroy(copy);
    }
    SysFreeString(in);
    ok(SafeArrayDestroy(sa) == S_OK, "destroy\n");
}

int main(void)
{
    test_start("oleaut32/safearray");
    test_create();
    test_access();
    test_bstr_elements();
    return test_summary();
}
