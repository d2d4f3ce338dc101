/*
 * dlls/ole32/propvar.c — PROPVARIANTs: PropVariantClear, PropVariantCopy,
 * FreePropVariantArray. What a PROPVARIANT owns is freed (or copied) by
 * its type: strings, CLSIDs, blobs and clipboard data are task memory
 * (CoTaskMem*), a BSTR and a SAFEARRAY are oleaut32's (loaded when one is
 * met, as Windows' ole32 delay-loads it), interfaces are referenced, a
 * VT_VECTOR is a counted array of elements, each owned the same way.
 * A type a PROPVARIANT cannot hold is refused: PropVariantClear empties the
 * variant and answers STG_E_INVALIDPARAMETER, PropVariantCopy
 * DISP_E_BADVARTYPE (tests/ole32/propvar.c).
 */
#include "private.h"
#include <propidl.h>

/* --- oleaut32, for BSTRs and safe arrays -------------------------------------- */

static struct {
    void (WINAPI *SysFreeString)(BSTR);
    BSTR (WINAPI *SysAllocStringByteLen)(const char *, UINT);
    UINT (WINAPI *SysStringByteLen)(BSTR);
    HRESULT (WINAPI *SafeArrayDestroy)(SAFEARRAY *);
    HRESULT (WINAPI *SafeArrayCopy)(SAFEARRAY *, SAFEARRAY **);
} oleaut;

static BOOL load_oleaut32(void)
{
    HMODULE mod;

    if (oleaut.SafeArrayCopy) return TRUE;
    if (!(mod = LoadLibraryW(L"oleaut32.dll"))) return FALSE;
    oleaut.SysFreeString = (void *)GetProcAddress(mod, "SysFreeString");
    oleaut.SysAllocStringByteLen = (void *)GetProcAddress(mod, "SysAllocStringByteLen");
    oleaut.SysStringByteLen = (void *)GetProcAddress(mod, "SysStringByteLen");
    oleaut.SafeArrayDestroy = (void *)GetProcAddress(mod, "SafeArrayDestroy");
    oleaut.SafeArrayCopy = (void *)GetProcAddress(mod, "SafeArrayCopy");
    return oleaut.SysFreeString && oleaut.SysAllocStringByteLen && oleaut.SysStringByteLen &&
           oleaut.SafeArrayDestroy && oleaut.SafeArrayCopy;
}

static void free_bstr(BSTR str)
{
    if (str && load_oleaut32()) oleaut.SysFreeString(str);
}

/* a BSTR's copy, its bytes as they are; *ok FALSE when out of memory */
static BSTR copy_bstr(BSTR str, BOOL *ok)
{
    BSTR ret;

    if (!str) return NULL;
    if (!load_oleaut32()) { *ok = FALSE; return NULL; }
    ret = oleaut.SysAllocStringByteLen((const char *)str, oleaut.SysStringByteLen(str));
    if (!ret) *ok = FALSE;
    return ret;
}

/* --- element types ---------------------------------------------------------------- */

/* the size of one element of a VT_VECTOR of `vt`; 0 when vt is no
   PROPVARIANT type (VT_VARIANT here means PROPVARIANT) */
static size_t element_size(VARTYPE vt)
{
    switch (vt)
    {
    case VT_I1: case VT_UI1: return 1;
    case VT_I2: case VT_UI2: case VT_BOOL: return 2;
    case VT_I4: case VT_UI4: case VT_R4: case VT_ERROR: return 4;
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: case VT_FILETIME: return 8;
    case VT_CLSID: return sizeof(CLSID);
    case VT_BSTR: case VT_LPSTR: case VT_LPWSTR: return sizeof(void *);
    case VT_CF: return sizeof(CLIPDATA);
    case VT_VARIANT: return sizeof(PROPVARIANT);
    default: return 0;
    }
}

/* the types a plain PROPVARIANT may have, and whether it owns memory */
static BOOL is_scalar(VARTYPE vt)
{
    switch (vt)
    {
    case VT_EMPTY: case VT_NULL: case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_BOOL:
    case VT_I4: case VT_UI4: case VT_R4: case VT_INT: case VT_UINT: case VT_ERROR:
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: case VT_FILETIME: case VT_DECIMAL:
        return TRUE;
    default:
        return FALSE;
    }
}

static BOOL is_interface(VARTYPE vt)
{
    return vt == VT_UNKNOWN || vt == VT_DISPATCH || vt == VT_STREAM || vt == VT_STREAMED_OBJECT ||
           vt == VT_STORAGE || vt == VT_STORED_OBJECT;
}

static BOOL is_valid(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;

    if (vt & VT_BYREF) return TRUE;
    if (vt & VT_ARRAY) return !(vt & VT_VECTOR);
    if (vt & VT_VECTOR) return (vt & ~(VT_VECTOR | VT_TYPEMASK)) == 0 && element_size(base) != 0;
    return vt == base && (is_scalar(vt) || is_interface(vt) || vt == VT_BSTR || vt == VT_LPSTR ||
                          vt == VT_LPWSTR || vt == VT_CLSID || vt == VT_BLOB || vt == VT_BLOB_OBJECT ||
                          vt == VT_CF || vt == VT_VERSIONED_STREAM);
}

/* --- clearing -------------------------------------------------------------------------- */

static void free_clipdata(CLIPDATA *cf)
{
    if (cf) CoTaskMemFree(cf->pClipData);
}

static void free_vector(VARTYPE vt, ULONG count, void *elems)
{
    for (ULONG i = 0; i < count && elems; i++)
        switch (vt)
        {
        case VT_BSTR: free_bstr(((BSTR *)elems)[i]); break;
        case VT_LPSTR: case VT_LPWSTR: CoTaskMemFree(((void **)elems)[i]); break;
        case VT_CF: free_clipdata(&((CLIPDATA *)elems)[i]); break;
        case VT_VARIANT: PropVariantClear(&((PROPVARIANT *)elems)[i]); break;
        }
    CoTaskMemFree(elems);
}

HRESULT WINAPI PropVariantClear(PROPVARIANT *pv)
{
    VARTYPE vt;

    if (!pv) return S_OK;
    vt = pv->vt;
    if (!is_valid(vt))
    {
        memset(pv, 0, sizeof(*pv));
        return STG_E_INVALIDPARAMETER;
    }
    if (vt & VT_BYREF) ;
    else if (vt & VT_ARRAY) { if (pv->parray && load_oleaut32()) oleaut.SafeArrayDestroy(pv->parray); }
    else if (vt & VT_VECTOR) free_vector(vt & VT_TYPEMASK, pv->cac.cElems, pv->cac.pElems);
    else if (is_interface(vt)) { if (pv->punkVal) IUnknown_Release(pv->punkVal); }
    else switch (vt)
    {
    case VT_BSTR: free_bstr(pv->bstrVal); break;
    case VT_LPSTR: case VT_LPWSTR: case VT_CLSID: CoTaskMemFree(pv->pszVal); break;
    case VT_BLOB: case VT_BLOB_OBJECT: CoTaskMemFree(pv->blob.pBlobData); break;
    case VT_CF: if (pv->pclipdata) { free_clipdata(pv->pclipdata); CoTaskMemFree(pv->pclipdata); } break;
    case VT_VERSIONED_STREAM:
        if (pv->pVersionedStream)
        {
            if (pv->pVersionedStream->pStream) IStream_Release(pv->pVersionedStream->pStream);
            CoTaskMemFree(pv->pVersionedStream);
        }
        break;
    }
    memset(pv, 0, sizeof(*pv));
    return S_OK;
}

HRESULT WINAPI FreePropVariantArray(ULONG count, PROPVARIANT *pvs)
{
    if (!pvs) return E_INVALIDARG;
    for (ULONG i = 0; i < count; i++) PropVariantClear(&pvs[i]);
    return S_OK;
}

/* --- copying -------------------------------------------------------------------------- */

/* a copy of `size` bytes in task memory (NULL stays NULL); *ok FALSE when
   out of memory */
static void *copy_bytes(const void *src, size_t size, BOOL *ok)
{
    void *ret;

    if (!src) return NULL;
    if (!(ret = CoTaskMemAlloc(size ? size : 1))) { *ok = FALSE; return NULL; }
    memcpy(ret, src, size);
    return ret;
}

static char *copy_str(const char *s, BOOL *ok)
{
    return s ? copy_bytes(s, strlen(s) + 1, ok) : NULL;
}

static WCHAR *copy_wstr(const WCHAR *s, BOOL *ok)
{
    return s ? copy_bytes(s, (lstrlenW(s) + 1) * sizeof(WCHAR), ok) : NULL;
}

static void copy_clipdata(CLIPDATA *dst, const CLIPDATA *src, BOOL *ok)
{
    *dst = *src;
    dst->pClipData = copy_bytes(src->pClipData, src->cbSize >= 4 ? src->cbSize - 4 : 0, ok);
}

/* the elements the vector's memory points to (its array is copied already) */
static void copy_elements(VARTYPE vt, ULONG count, void *dst, const void *src, BOOL *ok)
{
    for (ULONG i = 0; i < count; i++)
        switch (vt)
        {
        case VT_BSTR: ((BSTR *)dst)[i] = copy_bstr(((BSTR *)src)[i], ok); break;
        case VT_LPSTR: ((char **)dst)[i] = copy_str(((char **)src)[i], ok); break;
        case VT_LPWSTR: ((WCHAR **)dst)[i] = copy_wstr(((WCHAR **)src)[i], ok); break;
        case VT_CF: copy_clipdata(&((CLIPDATA *)dst)[i], &((const CLIPDATA *)src)[i], ok); break;
        case VT_VARIANT:
            if (FAILED(PropVariantCopy(&((PROPVARIANT *)dst)[i], &((const PROPVARIANT *)src)[i]))) *ok = FALSE;
            break;
        }
}

HRESULT WINAPI PropVariantCopy(PROPVARIANT *dst, const PROPVARIANT *src)
{
    VARTYPE vt = src->vt;
    BOOL ok = TRUE;

    if (!is_valid(vt)) return DISP_E_BADVARTYPE;
    *dst = *src;
    if (vt & VT_BYREF) return S_OK;
    if (vt & VT_ARRAY)
    {
        dst->parray = NULL;
        if (src->parray && (!load_oleaut32() || FAILED(oleaut.SafeArrayCopy(src->parray, &dst->parray))))
            ok = FALSE;
    }
    else if (vt & VT_VECTOR)
    {
        VARTYPE type = vt & VT_TYPEMASK;
        size_t size = element_size(type);
        dst->cac.pElems = NULL;
        if (src->cac.cElems && src->cac.pElems)
        {
            if (!(dst->cac.pElems = CoTaskMemAlloc(size * src->cac.cElems))) ok = FALSE;
            else if (type == VT_BSTR || type == VT_LPSTR || type == VT_LPWSTR || type == VT_CF || type == VT_VARIANT)
            {
                /* empty first: a failure half-way frees only what was copied */
                memset(dst->cac.pElems, 0, size * src->cac.cElems);
                copy_elements(type, src->cac.cElems, dst->cac.pElems, src->cac.pElems, &ok);
            }
            else memcpy(dst->cac.pElems, src->cac.pElems, size * src->cac.cElems);
        }
    }
    else if (is_interface(vt)) { if (dst->punkVal) IUnknown_AddRef(dst->punkVal); }
    else switch (vt)
    {
    case VT_BSTR: dst->bstrVal = copy_bstr(src->bstrVal, &ok); break;
    case VT_LPSTR: dst->pszVal = copy_str(src->pszVal, &ok); break;
    case VT_LPWSTR: dst->pwszVal = copy_wstr(src->pwszVal, &ok); break;
    case VT_CLSID: dst->puuid = copy_bytes(src->puuid, sizeof(CLSID), &ok); break;
    case VT_BLOB: case VT_BLOB_OBJECT:
        dst->blob.pBlobData = copy_bytes(src->blob.pBlobData, src->blob.cbSize, &ok);
        break;
    case VT_CF:
        if (src->pclipdata && (dst->pclipdata = copy_bytes(src->pclipdata, sizeof(CLIPDATA), &ok)))
            copy_clipdata(dst->pclipdata, src->pclipdata, &ok);
        break;
    case VT_VERSIONED_STREAM:
        if (src->pVersionedStream &&
            (dst->pVersionedStream = copy_bytes(src->pVersionedStream, sizeof(*src->pVersionedStream), &ok)) &&
            dst->pVersionedStream->pStream)
            IStream_AddRef(dst->pVersionedStream->pStream);
        break;
    }
    if (ok) return S_OK;
    /* what was copied goes; the destination is left empty */
    PropVariantClear(dst);
    return E_OUTOFMEMORY;
}
