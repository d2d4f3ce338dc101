/*
 * Safe arrays: a SAFEARRAY descriptor (bounds stored last dimension first,
 * as Windows does) preceded by 16 bytes whose last 4 hold the VARTYPE
 * (FADF_HAVEVARTYPE), and a zeroed data block. Elements that own something
 * (BSTR, interfaces, VARIANTs) are freed and deep-copied element by element.
 */
#include "private.h"

#define DESC_PREFIX 16   /* bytes before the descriptor; VARTYPE in the last 4 */

static USHORT vt_features(VARTYPE vt)
{
    switch (vt)
    {
    case VT_BSTR: return FADF_BSTR | FADF_HAVEVARTYPE;
    case VT_UNKNOWN: return FADF_UNKNOWN | FADF_HAVEVARTYPE;
    case VT_DISPATCH: return FADF_DISPATCH | FADF_HAVEVARTYPE;
    case VT_VARIANT: return FADF_VARIANT | FADF_HAVEVARTYPE;
    default: return FADF_HAVEVARTYPE;
    }
}

static VARTYPE *sa_vartype(SAFEARRAY *sa) { return (VARTYPE *)((BYTE *)sa - sizeof(DWORD)); }

static ULONG sa_count(const SAFEARRAY *sa)
{
    ULONG count = 1;
    for (USHORT i = 0; i < sa->cDims; i++) count *= sa->rgsabound[i].cElements;
    return count;
}

/* a descriptor for `dims` dimensions of `vt`, its data not yet allocated */
static SAFEARRAY *sa_alloc_descriptor(VARTYPE vt, UINT dims)
{
    SIZE_T size = DESC_PREFIX + sizeof(SAFEARRAY) + (dims - 1) * sizeof(SAFEARRAYBOUND);
    BYTE *block = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
    SAFEARRAY *sa;

    if (!block) return NULL;
    sa = (SAFEARRAY *)(block + DESC_PREFIX);
    sa->cDims = dims;
    sa->fFeatures = vt_features(vt);
    sa->cbElements = oa_vt_size(vt);
    *sa_vartype(sa) = vt;
    return sa;
}

static void sa_free_descriptor(SAFEARRAY *sa)
{
    HeapFree(GetProcessHeap(), 0, (BYTE *)sa - DESC_PREFIX);
}

/* allocates the zeroed data block; fails on an overflowing size */
static HRESULT sa_alloc_data(SAFEARRAY *sa)
{
    ULONGLONG bytes = (ULONGLONG)sa_count(sa) * sa->cbElements;
    if (bytes > 0x7fffffff) return E_OUTOFMEMORY;
    if (!(sa->pvData = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, bytes ? bytes : 1))) return E_OUTOFMEMORY;
    return S_OK;
}

/* releases what the elements own */
static void sa_clear_items(SAFEARRAY *sa)
{
    ULONG count = sa_count(sa);

    if (!sa->pvData) return;
    for (ULONG i = 0; i < count; i++)
    {
        void *item = (BYTE *)sa->pvData + i * sa->cbElements;
        if (sa->fFeatures & FADF_BSTR) SysFreeString(*(BSTR *)item);
        else if (sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH))
        {
            if (*(IUnknown **)item) IUnknown_Release(*(IUnknown **)item);
        }
        else if (sa->fFeatures & FADF_VARIANT) VariantClear(item);
    }
}

/* copies one element, taking its own reference or string */
static HRESULT sa_copy_item(const SAFEARRAY *sa, void *dst, const void *src)
{
    if (sa->fFeatures & FADF_BSTR)
    {
        BSTR str = *(const BSTR *)src;
        *(BSTR *)dst = str ? SysAllocStringByteLen((const char *)str, SysStringByteLen(str)) : NULL;
        return !str || *(BSTR *)dst ? S_OK : E_OUTOFMEMORY;
    }
    if (sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH))
    {
        IUnknown *unk = *(IUnknown *const *)src;
        if (unk) IUnknown_AddRef(unk);
        *(IUnknown **)dst = unk;
        return S_OK;
    }
    if (sa->fFeatures & FADF_VARIANT)
    {
        VariantInit(dst);
        return VariantCopy(dst, (VARIANTARG *)src);
    }
    memcpy(dst, src, sa->cbElements);
    return S_OK;
}

SAFEARRAY * WINAPI SafeArrayCreate(VARTYPE vt, UINT dims, SAFEARRAYBOUND *bounds)
{
    SAFEARRAY *sa;

    if (!bounds || !dims || !oa_vt_size(vt)) return NULL;
    if (!(sa = sa_alloc_descriptor(vt, dims))) return NULL;
    for (UINT i = 0; i < dims; i++) sa->rgsabound[dims - 1 - i] = bounds[i];
    if (FAILED(sa_alloc_data(sa))) { sa_free_descriptor(sa); return NULL; }
    return sa;
}

SAFEARRAY * WINAPI SafeArrayCreateVector(VARTYPE vt, LONG lbound, ULONG count)
{
    SAFEARRAYBOUND bound = { count, lbound };
    return SafeArrayCreate(vt, 1, &bound);
}

HRESULT WINAPI SafeArrayDestroy(SAFEARRAY *sa)
{
    if (!sa) return S_OK;
    if (sa->cLocks) return DISP_E_ARRAYISLOCKED;
    sa_clear_items(sa);
    HeapFree(GetProcessHeap(), 0, sa->pvData);
    sa_free_descriptor(sa);
    return S_OK;
}

UINT WINAPI SafeArrayGetDim(SAFEARRAY *sa) { return sa ? sa->cDims : 0; }
UINT WINAPI SafeArrayGetElemsize(SAFEARRAY *sa) { return sa ? sa->cbElements : 0; }

/* the bounds of dimension `dim` (1 = leftmost) */
static HRESULT sa_bound(SAFEARRAY *sa, UINT dim, SAFEARRAYBOUND **bound)
{
    if (!sa) return E_INVALIDARG;
    if (!dim || dim > sa->cDims) return DISP_E_BADINDEX;
    *bound = &sa->rgsabound[sa->cDims - dim];
    return S_OK;
}

/* the lower or upper bound of dimension `dim` */
static HRESULT get_bound(SAFEARRAY *sa, UINT dim, LONG *out, BOOL upper)
{
    SAFEARRAYBOUND *b;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    if (FAILED(hr = sa_bound(sa, dim, &b))) return hr;
    *out = upper ? b->lLbound + (LONG)b->cElements - 1 : b->lLbound;
    return S_OK;
}

HRESULT WINAPI SafeArrayGetLBound(SAFEARRAY *sa, UINT dim, LONG *lbound) { return get_bound(sa, dim, lbound, FALSE); }
HRESULT WINAPI SafeArrayGetUBound(SAFEARRAY *sa, UINT dim, LONG *ubound) { return get_bound(sa, dim, ubound, TRUE); }

HRESULT WINAPI SafeArrayLock(SAFEARRAY *sa)
{
    if (!sa) return E_INVALIDARG;
    if (InterlockedIncrement((LONG *)&sa->cLocks) > 0xffff)   /* cLocks is a ULONG */
    {
        InterlockedDecrement((LONG *)&sa->cLocks);
        return E_UNEXPECTED;
    }
    return S_OK;
}

HRESULT WINAPI SafeArrayUnlock(SAFEARRAY *sa)
{
    if (!sa) return E_INVALIDARG;
    if (InterlockedDecrement((LONG *)&sa->cLocks) < 0)
    {
        InterlockedIncrement((LONG *)&sa->cLocks);
        return E_UNEXPECTED;
    }
    return S_OK;
}

HRESULT WINAPI SafeArrayAccessData(SAFEARRAY *sa, void **data)
{
    HRESULT hr;

    if (!sa || !data) return E_INVALIDARG;
    if (FAILED(hr = SafeArrayLock(sa))) return hr;
    *data = sa->pvData;
    return S_OK;
}

HRESULT WINAPI SafeArrayUnaccessData(SAFEARRAY *sa)
{
    return SafeArrayUnlock(sa);
}

/* indices[0] is the leftmost dimension */
HRESULT WINAPI SafeArrayPtrOfIndex(SAFEARRAY *sa, LONG *indices, void **item)
{
    ULONG offset = 0;

    if (!sa || !indices || !item) return E_INVALIDARG;
    for (USHORT d = 0; d < sa->cDims; d++)
    {
        const SAFEARRAYBOUND *b = &sa->rgsabound[sa->cDims - 1 - d];
        LONG pos = indices[d] - b->lLbound;
        if (pos < 0 || (ULONG)pos >= b->cElements) return DISP_E_BADINDEX;
        offset = offset * b->cElements + pos;
    }
    *item = (BYTE *)sa->pvData + (SIZE_T)offset * sa->cbElements;
    return S_OK;
}

HRESULT WINAPI SafeArrayGetElement(SAFEARRAY *sa, LONG *indices, void *out)
{
    void *item;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    if (FAILED(hr = SafeArrayPtrOfIndex(sa, indices, &item))) return hr;
    return sa_copy_item(sa, out, item);
}

/* a BSTR array takes a copy of the OLECHAR string given; an interface array
 * the IUnknown pointer itself; others the bytes `value` points at */
HRESULT WINAPI SafeArrayPutElement(SAFEARRAY *sa, LONG *indices, void *value)
{
    void *item;
    HRESULT hr;

    if (FAILED(hr = SafeArrayPtrOfIndex(sa, indices, &item))) return hr;
    if (sa->fFeatures & FADF_BSTR)
    {
        BSTR fresh = value ? SysAllocStringByteLen(value, SysStringByteLen(value)) : NULL;
        if (value && !fresh) return E_OUTOFMEMORY;
        SysFreeString(*(BSTR *)item);
        *(BSTR *)item = fresh;
        return S_OK;
    }
    if (sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH))
    {
        IUnknown *old = *(IUnknown **)item;
        if (value) IUnknown_AddRef((IUnknown *)value);
        *(IUnknown **)item = value;
        if (old) IUnknown_Release(old);
        return S_OK;
    }
    if (!value) return E_INVALIDARG;
    if (sa->fFeatures & FADF_VARIANT) return VariantCopy(item, value);
    memcpy(item, value, sa->cbElements);
    return S_OK;
}

HRESULT WINAPI SafeArrayCopy(SAFEARRAY *sa, SAFEARRAY **out)
{
    SAFEARRAY *copy;
    ULONG count;
    HRESULT hr = S_OK;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!sa) return S_OK;
    if (!sa->cDims) return E_INVALIDARG;
    if (!(copy = sa_alloc_descriptor(*sa_vartype(sa), sa->cDims))) return E_OUTOFMEMORY;
    memcpy(copy->rgsabound, sa->rgsabound, sa->cDims * sizeof(SAFEARRAYBOUND));
    copy->cbElements = sa->cbElements;
    copy->fFeatures = sa->fFeatures & ~(FADF_AUTO | FADF_STATIC | FADF_EMBEDDED | FADF_FIXEDSIZE);
    if (FAILED(hr = sa_alloc_data(copy))) { sa_free_descriptor(copy); return hr; }
    count = sa_count(sa);
    for (ULONG i = 0; i < count && SUCCEEDED(hr); i++)
        hr = sa_copy_item(sa, (BYTE *)copy->pvData + i * copy->cbElements, (BYTE *)sa->pvData + i * sa->cbElements);
    if (FAILED(hr)) { SafeArrayDestroy(copy); return hr; }
    *out = copy;
    return S_OK;
}
