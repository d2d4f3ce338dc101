/*
 * VARIANTs: VariantInit/Clear/Copy/CopyInd and VariantChangeType(Ex) between
 * the integer types, R4, R8, BOOL, BSTR, EMPTY and NULL.
 *
 * A conversion reads the source into a `struct number` (signed, unsigned or
 * floating), then writes the target with its range check: DISP_E_OVERFLOW
 * out of range, DISP_E_TYPEMISMATCH for types that do not convert.
 */
#include "private.h"

/* the types a VARIANT may hold by value (VT_RECORD aside) */
static BOOL vt_is_valid(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;
    if (vt & ~(VT_TYPEMASK | VT_ARRAY | VT_BYREF)) return FALSE;
    return base <= VT_UINT && base != 15;   /* 15 has no type */
}

void WINAPI VariantInit(VARIANTARG *v)
{
    V_VT(v) = VT_EMPTY;
}

HRESULT WINAPI VariantClear(VARIANTARG *v)
{
    VARTYPE vt;

    if (!v) return E_INVALIDARG;
    vt = V_VT(v);
    if (!vt_is_valid(vt)) return DISP_E_BADVARTYPE;
    if (!(vt & VT_BYREF))
    {
        if (vt & VT_ARRAY) SafeArrayDestroy(V_ARRAY(v));
        else if (vt == VT_BSTR) SysFreeString(V_BSTR(v));
        else if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && V_UNKNOWN(v)) IUnknown_Release(V_UNKNOWN(v));
    }
    V_VT(v) = VT_EMPTY;
    return S_OK;
}

/* copies the value of `src` (not by reference) into the cleared `dst` */
static HRESULT copy_value(VARIANTARG *dst, const VARIANTARG *src)
{
    VARTYPE vt = V_VT(src);

    *dst = *src;
    if (vt & (VT_BYREF)) return S_OK;
    if (vt & VT_ARRAY)
    {
        if (V_ARRAY(src)) return SafeArrayCopy(V_ARRAY(src), &V_ARRAY(dst));
        return S_OK;
    }
    if (vt == VT_BSTR && V_BSTR(src))
    {
        V_BSTR(dst) = SysAllocStringByteLen((const char *)V_BSTR(src), SysStringByteLen(V_BSTR(src)));
        return V_BSTR(dst) ? S_OK : E_OUTOFMEMORY;
    }
    if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && V_UNKNOWN(src)) IUnknown_AddRef(V_UNKNOWN(src));
    return S_OK;
}

HRESULT WINAPI VariantCopy(VARIANTARG *dst, VARIANTARG *src)
{
    HRESULT hr;
    VARIANTARG copy;

    if (!dst || !src) return E_INVALIDARG;
    if (!vt_is_valid(V_VT(src))) return DISP_E_BADVARTYPE;
    if (dst == src) return S_OK;
    if (FAILED(hr = copy_value(&copy, src))) return hr;
    if (FAILED(hr = VariantClear(dst)) && hr != DISP_E_BADVARTYPE) { VariantClear(&copy); return hr; }
    *dst = copy;
    return S_OK;
}

ULONG oa_vt_size(VARTYPE vt)
{
    switch (vt)
    {
    case VT_I1: case VT_UI1: return 1;
    case VT_I2: case VT_UI2: case VT_BOOL: return 2;
    case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: case VT_R4: case VT_ERROR: return 4;
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: return 8;
    case VT_BSTR: case VT_UNKNOWN: case VT_DISPATCH: return sizeof(void *);
    case VT_DECIMAL: return sizeof(DECIMAL);
    case VT_VARIANT: return sizeof(VARIANT);
    default: return 0;
    }
}

/* a VARIANT holding the value a VT_BYREF variant points at (not yet copied) */
static HRESULT deref(const VARIANTARG *src, VARIANTARG *out)
{
    VARTYPE vt = V_VT(src) & ~VT_BYREF;
    ULONG size;

    if (!V_BYREF(src)) return E_INVALIDARG;
    if (vt == VT_VARIANT)
    {
        const VARIANT *inner = V_VARIANTREF(src);
        if (V_VT(inner) & VT_BYREF) return E_INVALIDARG;   /* only one level */
        *out = *inner;
        return S_OK;
    }
    VariantInit(out);
    if (vt & VT_ARRAY) { V_ARRAY(out) = *V_ARRAYREF(src); V_VT(out) = vt; return S_OK; }
    if (vt == VT_DECIMAL) { V_DECIMAL(out) = *V_DECIMALREF(src); V_VT(out) = vt; return S_OK; }   /* spans vt too */
    if (!(size = oa_vt_size(vt))) return DISP_E_BADVARTYPE;
    memcpy(&V_UI1(out), V_BYREF(src), size);
    V_VT(out) = vt;
    return S_OK;
}

HRESULT WINAPI VariantCopyInd(VARIANT *dst, VARIANTARG *src)
{
    VARIANTARG value, copy;
    HRESULT hr;

    if (!dst || !src) return E_INVALIDARG;
    if (!vt_is_valid(V_VT(src))) return DISP_E_BADVARTYPE;
    if (!(V_VT(src) & VT_BYREF)) return VariantCopy(dst, src);
    if (FAILED(hr = deref(src, &value))) return hr;
    if (FAILED(hr = copy_value(&copy, &value))) return hr;
    if (dst != src) VariantClear(dst);
    *dst = copy;
    return S_OK;
}

/* ---- conversions ---- */

enum number_kind { NUM_SIGNED, NUM_UNSIGNED, NUM_FLOAT };
struct number {
    enum number_kind kind;
    LONGLONG i;           /* NUM_SIGNED */
    ULONGLONG u;          /* NUM_UNSIGNED */
    double d;             /* NUM_FLOAT */
};

/* the numeric value of `src`; a BSTR is parsed */
static HRESULT read_number(const VARIANTARG *src, struct number *n)
{
    n->kind = NUM_SIGNED;
    switch (V_VT(src))
    {
    case VT_EMPTY: n->i = 0; return S_OK;
    case VT_I1: n->i = V_I1(src); return S_OK;
    case VT_I2: n->i = V_I2(src); return S_OK;
    case VT_I4: n->i = V_I4(src); return S_OK;
    case VT_INT: n->i = V_INT(src); return S_OK;
    case VT_I8: n->i = V_I8(src); return S_OK;
    case VT_BOOL: n->i = V_BOOL(src); return S_OK;
    case VT_UI1: n->kind = NUM_UNSIGNED; n->u = V_UI1(src); return S_OK;
    case VT_UI2: n->kind = NUM_UNSIGNED; n->u = V_UI2(src); return S_OK;
    case VT_UI4: n->kind = NUM_UNSIGNED; n->u = V_UI4(src); return S_OK;
    case VT_UINT: n->kind = NUM_UNSIGNED; n->u = V_UINT(src); return S_OK;
    case VT_UI8: n->kind = NUM_UNSIGNED; n->u = V_UI8(src); return S_OK;
    case VT_R4: n->kind = NUM_FLOAT; n->d = V_R4(src); return S_OK;
    case VT_R8: n->kind = NUM_FLOAT; n->d = V_R8(src); return S_OK;
    case VT_BSTR: n->kind = NUM_FLOAT; return oa_parse_number(V_BSTR(src), &n->d);
    default: return DISP_E_TYPEMISMATCH;
    }
}

/* the value as a signed 64-bit integer (fractions rounded half to even) */
static HRESULT number_to_int64(const struct number *n, LONGLONG *out)
{
    if (n->kind == NUM_FLOAT) return oa_double_to_int64(n->d, out);
    if (n->kind == NUM_UNSIGNED && n->u > 0x7fffffffffffffffULL) return DISP_E_OVERFLOW;
    *out = n->kind == NUM_SIGNED ? n->i : (LONGLONG)n->u;
    return S_OK;
}

static double number_to_double(const struct number *n)
{
    if (n->kind == NUM_FLOAT) return n->d;
    return n->kind == NUM_SIGNED ? (double)n->i : (double)n->u;
}

/* writes an integer target after its range check */
static HRESULT write_integer(VARIANTARG *dst, const struct number *n, VARTYPE vt)
{
    static const struct { VARTYPE vt; LONGLONG min, max; } ranges[] = {
        { VT_I1, -128, 127 }, { VT_UI1, 0, 255 }, { VT_I2, -32768, 32767 }, { VT_UI2, 0, 65535 },
        { VT_I4, -2147483647LL - 1, 2147483647 }, { VT_INT, -2147483647LL - 1, 2147483647 },
        { VT_UI4, 0, 4294967295LL }, { VT_UINT, 0, 4294967295LL },
        { VT_I8, -9223372036854775807LL - 1, 9223372036854775807LL },
    };
    LONGLONG value;
    HRESULT hr;

    if (vt == VT_UI8 && n->kind == NUM_UNSIGNED) { V_UI8(dst) = n->u; return S_OK; }
    if (vt == VT_UI8 && n->kind == NUM_FLOAT && n->d >= 9223372036854775808.0)
    {
        if (n->d >= 18446744073709551616.0) return DISP_E_OVERFLOW;
        V_UI8(dst) = (ULONGLONG)n->d;
        return S_OK;
    }
    if (FAILED(hr = number_to_int64(n, &value))) return hr;
    if (vt == VT_UI8)
    {
        if (value < 0) return DISP_E_OVERFLOW;
        V_UI8(dst) = value;
        return S_OK;
    }
    for (size_t i = 0; i < ARRAYSIZE(ranges); i++)
    {
        if (ranges[i].vt != vt) continue;
        if (value < ranges[i].min || value > ranges[i].max) return DISP_E_OVERFLOW;
        switch (vt)
        {
        case VT_I1: V_I1(dst) = (CHAR)value; break;
        case VT_UI1: V_UI1(dst) = (BYTE)value; break;
        case VT_I2: V_I2(dst) = (SHORT)value; break;
        case VT_UI2: V_UI2(dst) = (USHORT)value; break;
        case VT_I4: case VT_INT: V_I4(dst) = (LONG)value; break;
        case VT_UI4: case VT_UINT: V_UI4(dst) = (ULONG)value; break;
        default: V_I8(dst) = value; break;
        }
        return S_OK;
    }
    return DISP_E_TYPEMISMATCH;
}

/* the string form of `src`; VARIANT_ALPHABOOL gives BOOLs as "True"/"False" */
static HRESULT write_bstr(VARIANTARG *dst, const VARIANTARG *src, USHORT flags)
{
    struct number n;
    HRESULT hr;
    BSTR str;

    if (V_VT(src) == VT_BOOL && (flags & VARIANT_ALPHABOOL))
        return VarBstrFromBool(V_BOOL(src), 0, 0, &V_BSTR(dst));
    if (V_VT(src) == VT_EMPTY) str = SysAllocStringLen(NULL, 0);
    else
    {
        if (FAILED(hr = read_number(src, &n))) return hr;
        if (n.kind == NUM_FLOAT) str = oa_format_double(n.d, V_VT(src) == VT_R4 ? 7 : 15);
        else if (n.kind == NUM_UNSIGNED && n.u > 0x7fffffffffffffffULL)
            str = oa_format_double((double)n.u, 15);   /* beyond int64: rare, approximate */
        else str = oa_format_int64(n.kind == NUM_SIGNED ? n.i : (LONGLONG)n.u);
    }
    V_BSTR(dst) = str;
    return str ? S_OK : E_OUTOFMEMORY;
}

/* the byte size of an integer type, 0 for others */
static int integer_size(VARTYPE vt)
{
    switch (vt)
    {
    case VT_I1: case VT_UI1: return 1;
    case VT_I2: case VT_UI2: return 2;
    case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: return 4;
    case VT_I8: case VT_UI8: return 8;
    default: return 0;
    }
}

static BOOL same_size_integers(VARTYPE a, VARTYPE b)
{
    return integer_size(a) && integer_size(a) == integer_size(b);
}

/* converts a by-value `src` into `dst` (already free to overwrite) */
static HRESULT convert(VARIANTARG *dst, const VARIANTARG *src, USHORT flags, VARTYPE vt)
{
    struct number n;
    HRESULT hr;

    if (vt == VT_BSTR) return write_bstr(dst, src, flags);
    if (V_VT(src) == VT_NULL) return DISP_E_TYPEMISMATCH;
    if (vt == VT_BOOL && V_VT(src) == VT_BSTR) return VarBoolFromStr(V_BSTR(src), 0, 0, &V_BOOL(dst));
    if (FAILED(hr = read_number(src, &n))) return hr;
    if (same_size_integers(V_VT(src), vt))
    {
        /* signed <-> unsigned of one size keeps the bits: I4 -1 is UI4 0xffffffff */
        V_UI8(dst) = n.kind == NUM_SIGNED ? (ULONGLONG)n.i : n.u;
        return S_OK;
    }
    switch (vt)
    {
    case VT_BOOL:
        V_BOOL(dst) = number_to_double(&n) != 0 ? VARIANT_TRUE : VARIANT_FALSE;
        return S_OK;
    case VT_R8:
        V_R8(dst) = number_to_double(&n);
        return S_OK;
    case VT_R4:
    {
        double d = number_to_double(&n);
        if (d > 3.402823466e38 || d < -3.402823466e38) return DISP_E_OVERFLOW;
        V_R4(dst) = (float)d;
        return S_OK;
    }
    default:
        return write_integer(dst, &n, vt);
    }
}

static BOOL vt_is_convertible(VARTYPE vt)
{
    switch (vt)
    {
    case VT_I1: case VT_I2: case VT_I4: case VT_I8: case VT_INT:
    case VT_UI1: case VT_UI2: case VT_UI4: case VT_UI8: case VT_UINT:
    case VT_R4: case VT_R8: case VT_BOOL: case VT_BSTR:
        return TRUE;
    default:
        return FALSE;
    }
}

HRESULT WINAPI VariantChangeTypeEx(VARIANTARG *dst, VARIANTARG *src, LCID lcid, USHORT flags, VARTYPE vt)
{
    VARIANTARG value, result;
    HRESULT hr;

    if (!dst || !src) return E_INVALIDARG;
    if (!vt_is_valid(V_VT(src)) || !vt_is_valid(vt)) return DISP_E_BADVARTYPE;
    if (V_VT(src) & VT_BYREF)
    {
        if (FAILED(hr = deref(src, &value))) return hr;
    }
    else value = *src;

    if (vt == V_VT(&value) || vt == VT_EMPTY || vt == VT_NULL)
    {
        if (vt == V_VT(&value)) return VariantCopy(dst, &value);
        if (vt == VT_NULL && V_VT(&value) != VT_EMPTY && V_VT(&value) != VT_NULL) return DISP_E_TYPEMISMATCH;
        if (FAILED(hr = VariantClear(dst))) return hr;
        V_VT(dst) = vt;
        return S_OK;
    }
    if (!vt_is_convertible(vt) || (vt & (VT_ARRAY | VT_BYREF))) return DISP_E_TYPEMISMATCH;

    VariantInit(&result);
    if (FAILED(hr = convert(&result, &value, flags, vt))) return hr;
    V_VT(&result) = vt;
    VariantClear(dst);   /* may be `src`: its value has been read */
    *dst = result;
    return S_OK;
}

HRESULT WINAPI VariantChangeType(VARIANTARG *dst, VARIANTARG *src, USHORT flags, VARTYPE vt)
{
    return VariantChangeTypeEx(dst, src, LOCALE_USER_DEFAULT, flags, vt);
}
