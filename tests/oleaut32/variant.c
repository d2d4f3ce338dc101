/*
 * tests/oleaut32/variant.c — VARIANTs: init/clear/copy, VariantChangeType
 * between integers, R8, BOOL and BSTR (with the overflow and type-mismatch
 * errors), and the string converters VarI4FromStr/VarBstrFromI4.
 */
#include "test.h"
#include <oleauto.h>

static void test_init_clear(void)
{
    VARIANT v;

    memset(&v, 0xcc, sizeof(v));
    VariantInit(&v);
    ok(V_VT(&v) == VT_EMPTY, "vt %u\n", V_VT(&v));

    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"x");
    ok(VariantClear(&v) == S_OK && V_VT(&v) == VT_EMPTY, "clear BSTR\n");

    V_VT(&v) = 0x0fff;   /* no such type */
    ok(VariantClear(&v) == DISP_E_BADVARTYPE, "bad vt\n");
    V_VT(&v) = VT_I4;
    ok(VariantClear(&v) == S_OK, "clear I4\n");
}

static void test_copy(void)
{
    VARIANT src, dst, ref;
    LONG value = 42;

    VariantInit(&src);
    VariantInit(&dst);
    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = SysAllocStringLen(L"a\0b", 3);
    ok(VariantCopy(&dst, &src) == S_OK, "copy\n");
    ok(V_VT(&dst) == VT_BSTR && V_BSTR(&dst) != V_BSTR(&src), "BSTR not duplicated\n");
    ok(SysStringLen(V_BSTR(&dst)) == 3 && V_BSTR(&dst)[2] == 'b', "embedded NUL lost\n");
    VariantClear(&dst);
    VariantClear(&src);

    V_VT(&src) = 0x0fff;
    ok(VariantCopy(&dst, &src) == DISP_E_BADVARTYPE, "copy of a bad vt\n");

    /* VariantCopyInd follows a reference */
    V_VT(&ref) = VT_I4 | VT_BYREF;
    V_I4REF(&ref) = &value;
    VariantInit(&dst);
    ok(VariantCopyInd(&dst, &ref) == S_OK, "copy ind\n");
    ok(V_VT(&dst) == VT_I4 && V_I4(&dst) == 42, "vt %u value %ld\n", V_VT(&dst), V_I4(&dst));
    /* VariantCopy keeps the reference */
    ok(VariantCopy(&dst, &ref) == S_OK && V_VT(&dst) == (VT_I4 | VT_BYREF) && V_I4REF(&dst) == &value, "byref copy\n");
}

/* converts an I4/R8/BSTR to `vt`; returns the HRESULT */
static HRESULT change(VARIANT *out, VARIANT *in, VARTYPE vt)
{
    memset(out, 0, sizeof(*out));
    return VariantChangeType(out, in, 0, vt);
}

static void test_change_integers(void)
{
    VARIANT in, out;

    V_VT(&out) = VT_EMPTY;
    V_VT(&in) = VT_I4;
    V_I4(&in) = 300;
    ok(change(&out, &in, VT_I2) == S_OK && V_VT(&out) == VT_I2 && V_I2(&out) == 300, "I4->I2\n");
    ok(change(&out, &in, VT_UI1) == DISP_E_OVERFLOW, "300 -> UI1 must overflow\n");
    ok(change(&out, &in, VT_R8) == S_OK && V_R8(&out) == 300.0, "I4->R8\n");
    ok(change(&out, &in, VT_BOOL) == S_OK && V_BOOL(&out) == VARIANT_TRUE, "I4->BOOL\n");
    V_I4(&in) = -1;
    ok(change(&out, &in, VT_UI2) == DISP_E_OVERFLOW, "-1 -> UI2 must overflow\n");
    /* between signed and unsigned of one size the bits are kept */
    ok(change(&out, &in, VT_UI4) == S_OK && V_UI4(&out) == 0xffffffff, "-1 -> UI4 %#lx\n", V_UI4(&out));
    ok(change(&out, &in, VT_I8) == S_OK && V_I8(&out) == -1, "I4->I8\n");

    V_VT(&in) = VT_UI2;
    V_UI2(&in) = 65535;
    ok(change(&out, &in, VT_I2) == S_OK && V_I2(&out) == -1, "65535 -> I2 %d\n", V_I2(&out));
    ok(change(&out, &in, VT_I1) == DISP_E_OVERFLOW, "65535 -> I1 must overflow\n");
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == 65535, "UI2->I4\n");

    V_VT(&in) = VT_BOOL;
    V_BOOL(&in) = VARIANT_TRUE;
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == -1, "BOOL->I4 %ld\n", V_I4(&out));
}

static void test_change_r8(void)
{
    VARIANT in, out;

    V_VT(&in) = VT_R8;
    /* banker's rounding: halves go to the even neighbour */
    V_R8(&in) = 2.5;
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == 2, "2.5 -> %ld\n", V_I4(&out));
    V_R8(&in) = 3.5;
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == 4, "3.5 -> %ld\n", V_I4(&out));
    V_R8(&in) = -2.5;
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == -2, "-2.5 -> %ld\n", V_I4(&out));
    V_R8(&in) = 2.6;
    ok(change(&out, &in, VT_I2) == S_OK && V_I2(&out) == 3, "2.6 -> %d\n", V_I2(&out));
    V_R8(&in) = 1e10;
    ok(change(&out, &in, VT_I4) == DISP_E_OVERFLOW, "1e10 -> I4 must overflow\n");
    ok(change(&out, &in, VT_I8) == S_OK && V_I8(&out) == 10000000000LL, "1e10 -> I8\n");
    V_R8(&in) = 0.0;
    ok(change(&out, &in, VT_BOOL) == S_OK && V_BOOL(&out) == VARIANT_FALSE, "0.0 -> BOOL\n");
}

/* converts `in` to a BSTR and compares with `expect` */
static void check_bstr(VARIANT *in, USHORT flags, const WCHAR *expect, int line)
{
    VARIANT out;
    HRESULT hr;

    VariantInit(&out);
    hr = VariantChangeType(&out, in, flags, VT_BSTR);
    ok(hr == S_OK && V_VT(&out) == VT_BSTR && !lstrcmpW(V_BSTR(&out), expect),
       "line %d: hr %#lx got %ls expected %ls\n", line, hr, hr == S_OK ? V_BSTR(&out) : L"?", expect);
    VariantClear(&out);
}

static void test_change_bstr(void)
{
    VARIANT in, out;

    V_VT(&in) = VT_I4;
    V_I4(&in) = -1234;
    check_bstr(&in, 0, L"-1234", __LINE__);
    V_VT(&in) = VT_R8;
    V_R8(&in) = 1.5;
    check_bstr(&in, 0, L"1.5", __LINE__);
    V_R8(&in) = -0.25;
    check_bstr(&in, 0, L"-0.25", __LINE__);
    V_R8(&in) = 100;
    check_bstr(&in, 0, L"100", __LINE__);
    V_R8(&in) = 1e20;
    check_bstr(&in, 0, L"1E+20", __LINE__);
    V_R8(&in) = 1.0 / 3;
    check_bstr(&in, 0, L"0.333333333333333", __LINE__);
    V_VT(&in) = VT_R4;
    V_R4(&in) = 1.0f / 3;
    check_bstr(&in, 0, L"0.3333333", __LINE__);
    V_VT(&in) = VT_BOOL;
    V_BOOL(&in) = VARIANT_TRUE;
    check_bstr(&in, 0, L"-1", __LINE__);
    check_bstr(&in, VARIANT_ALPHABOOL, L"True", __LINE__);
    V_BOOL(&in) = VARIANT_FALSE;
    check_bstr(&in, VARIANT_ALPHABOOL, L"False", __LINE__);

    V_VT(&in) = VT_BSTR;
    V_BSTR(&in) = SysAllocString(L" 123 ");
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == 123, "' 123 ' -> %ld\n", V_I4(&out));
    SysFreeString(V_BSTR(&in));
    V_BSTR(&in) = SysAllocString(L"12abc");
    ok(change(&out, &in, VT_I4) == DISP_E_TYPEMISMATCH, "'12abc' must not convert\n");
    SysFreeString(V_BSTR(&in));
    V_BSTR(&in) = SysAllocString(L"70000");
    ok(change(&out, &in, VT_I2) == DISP_E_OVERFLOW, "'70000' -> I2 must overflow\n");
    SysFreeString(V_BSTR(&in));
    V_BSTR(&in) = SysAllocString(L"-2.75");
    ok(change(&out, &in, VT_R8) == S_OK && V_R8(&out) == -2.75, "'-2.75' -> R8\n");
    SysFreeString(V_BSTR(&in));

    /* in place: the source string is released */
    V_BSTR(&in) = SysAllocString(L"77");
    ok(VariantChangeType(&in, &in, 0, VT_I4) == S_OK && V_VT(&in) == VT_I4 && V_I4(&in) == 77, "in place\n");

    V_VT(&in) = VT_NULL;
    ok(change(&out, &in, VT_I4) == DISP_E_TYPEMISMATCH, "NULL -> I4\n");
    V_VT(&in) = VT_EMPTY;
    ok(change(&out, &in, VT_I4) == S_OK && V_I4(&out) == 0, "EMPTY -> I4\n");
    check_bstr(&in, 0, L"", __LINE__);
}

static void test_converters(void)
{
    LONG value = 0;
    BSTR str = NULL;

    ok(VarI4FromStr((OLECHAR *)L"2147483647", LOCALE_USER_DEFAULT, 0, &value) == S_OK && value == 2147483647, "max\n");
    ok(VarI4FromStr((OLECHAR *)L"2147483648", LOCALE_USER_DEFAULT, 0, &value) == DISP_E_OVERFLOW, "max+1\n");
    ok(VarI4FromStr((OLECHAR *)L"-42", LOCALE_USER_DEFAULT, 0, &value) == S_OK && value == -42, "-42\n");
    ok(VarI4FromStr((OLECHAR *)L"", LOCALE_USER_DEFAULT, 0, &value) == DISP_E_TYPEMISMATCH, "empty\n");
    ok(VarI4FromStr((OLECHAR *)L"x", LOCALE_USER_DEFAULT, 0, &value) == DISP_E_TYPEMISMATCH, "x\n");
    ok(VarBstrFromI4(-7, LOCALE_USER_DEFAULT, 0, &str) == S_OK && str && !lstrcmpW(str, L"-7"), "VarBstrFromI4\n");
    SysFreeString(str);
}

int main(void)
{
    test_start("oleaut32/variant");
    test_init_clear();
    test_copy();
    test_change_integers();
    test_change_r8();
    test_change_bstr();
    test_converters();
    return test_summary();
}
