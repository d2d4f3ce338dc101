/*
 * dlls/combase/hglobalstream.c — IStream on a global memory block:
 * CreateStreamOnHGlobal and GetHGlobalFromStream (ole32 forwards both).
 *
 * The stream's bytes are the block's: a write past the end grows it with
 * GlobalReAlloc, SetSize makes it exactly so big, and GetHGlobalFromStream
 * hands the block out (its size may be larger than the stream's, as on
 * Windows). A stream made for a block the caller gave starts as long as
 * GlobalSize says. Clone gives a second stream over the same block with a
 * seek pointer of its own; the block (and its size) is shared through a
 * counted object, and freed with the last stream when the creator asked
 * for that (fDeleteOnRelease).
 */
#define COBJMACROS
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <objbase.h>
#include "wlx/stream.h"

struct block
{
    LONG refs;
    HGLOBAL mem;
    ULONGLONG size;             /* the stream's size (the block may be larger) */
    BOOL free_on_release;
    CRITICAL_SECTION lock;      /* size and reallocation; clones share it */
};

struct hstream
{
    IStream iface;
    LONG refs;
    struct block *block;
    ULONGLONG pos;
};

static const IStreamVtbl hstream_vtbl;

static struct hstream *impl(IStream *iface) { return CONTAINING_RECORD(iface, struct hstream, iface); }

static void block_release(struct block *b)
{
    if (InterlockedDecrement(&b->refs)) return;
    if (b->free_on_release) GlobalFree(b->mem);
    DeleteCriticalSection(&b->lock);
    HeapFree(GetProcessHeap(), 0, b);
}

static IStream *hstream_new(struct block *b, ULONGLONG pos)
{
    struct hstream *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
    if (!s) return NULL;
    s->iface.lpVtbl = (IStreamVtbl *)&hstream_vtbl;
    s->refs = 1;
    s->block = b;
    s->pos = pos;
    InterlockedIncrement(&b->refs);
    return &s->iface;
}

static HRESULT WINAPI hstream_QueryInterface(IStream *iface, REFIID riid, void **out)
{
    if (!out) return E_POINTER;
    if (wlx_is_stream_iid(riid))
    {
        *out = iface;
        IStream_AddRef(iface);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG WINAPI hstream_AddRef(IStream *iface)
{
    return InterlockedIncrement(&impl(iface)->refs);
}

static ULONG WINAPI hstream_Release(IStream *iface)
{
    struct hstream *s = impl(iface);
    ULONG refs = InterlockedDecrement(&s->refs);
    if (!refs)
    {
        block_release(s->block);
        HeapFree(GetProcessHeap(), 0, s);
    }
    return refs;
}

/* under the lock: the block holds at least size bytes */
static HRESULT block_fit(struct block *b, ULONGLONG size)
{
    if (size > 0xffffffffu) return STG_E_MEDIUMFULL;
    if (size <= GlobalSize(b->mem)) return S_OK;
    HGLOBAL grown = GlobalReAlloc(b->mem, (SIZE_T)size, GMEM_MOVEABLE);
    if (!grown) return E_OUTOFMEMORY;
    b->mem = grown;
    return S_OK;
}

static HRESULT WINAPI hstream_Read(IStream *iface, void *buf, ULONG len, ULONG *read)
{
    struct hstream *s = impl(iface);
    struct block *b = s->block;
    ULONG n = 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    EnterCriticalSection(&b->lock);
    if (s->pos < b->size)
    {
        n = b->size - s->pos < len ? (ULONG)(b->size - s->pos) : len;
        BYTE *p = GlobalLock(b->mem);
        if (p)
        {
            memcpy(buf, p + s->pos, n);
            GlobalUnlock(b->mem);
        }
        else n = 0;
        s->pos += n;
    }
    LeaveCriticalSection(&b->lock);
    if (read) *read = n;
    return S_OK;
}

static HRESULT WINAPI hstream_Write(IStream *iface, const void *buf, ULONG len, ULONG *written)
{
    struct hstream *s = impl(iface);
    struct block *b = s->block;
    HRESULT hr = S_OK;
    if (written) *written = 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    if (!len) return S_OK;
    EnterCriticalSection(&b->lock);
    ULONGLONG end = s->pos + len;
    if (end > b->size && SUCCEEDED(hr = block_fit(b, end))) b->size = end;
    if (SUCCEEDED(hr))
    {
        BYTE *p = GlobalLock(b->mem);
        if (p)
        {
            memcpy(p + s->pos, buf, len);
            GlobalUnlock(b->mem);
            s->pos = end;
            if (written) *written = len;
        }
        else hr = E_OUTOFMEMORY;
    }
    LeaveCriticalSection(&b->lock);
    return hr;
}

static HRESULT WINAPI hstream_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *newpos)
{
    struct hstream *s = impl(iface);
    struct block *b = s->block;
    LONGLONG base;
    EnterCriticalSection(&b->lock);
    switch (origin)
    {
    case STREAM_SEEK_SET: base = 0; break;
    case STREAM_SEEK_CUR: base = s->pos; break;
    case STREAM_SEEK_END: base = b->size; break;
    default:
        LeaveCriticalSection(&b->lock);
        return STG_E_SEEKERROR;
    }
    LONGLONG target = base + move.QuadPart;
    HRESULT hr = S_OK;
    /* before the start, or past what a 32-bit block can hold: refused,
       the position unchanged */
    if (target < 0 || (ULONGLONG)target > 0xffffffffu) hr = STG_E_SEEKERROR;
    else s->pos = target;
    if (newpos) newpos->QuadPart = s->pos;
    LeaveCriticalSection(&b->lock);
    return hr;
}

static HRESULT WINAPI hstream_SetSize(IStream *iface, ULARGE_INTEGER size)
{
    struct block *b = impl(iface)->block;
    HRESULT hr = S_OK;
    if (size.QuadPart > 0xffffffffu) return STG_E_MEDIUMFULL;
    EnterCriticalSection(&b->lock);
    if (size.QuadPart != b->size)
    {
        HGLOBAL resized = GlobalReAlloc(b->mem, (SIZE_T)size.QuadPart, GMEM_MOVEABLE);
        if (resized)
        {
            b->mem = resized;
            b->size = size.QuadPart;
        }
        else hr = E_OUTOFMEMORY;
    }
    LeaveCriticalSection(&b->lock);
    return hr;
}

static HRESULT WINAPI hstream_CopyTo(IStream *iface, IStream *dst, ULARGE_INTEGER count, ULARGE_INTEGER *read,
                                     ULARGE_INTEGER *written)
{
    return wlx_stream_copy(iface, dst, count, read, written);
}

static HRESULT WINAPI hstream_Commit(IStream *iface, DWORD flags)
{
    (void)iface; (void)flags;
    return S_OK;
}

static HRESULT WINAPI hstream_Revert(IStream *iface)
{
    (void)iface;
    return S_OK;
}

static HRESULT WINAPI hstream_LockRegion(IStream *iface, ULARGE_INTEGER offset, ULARGE_INTEGER len, DWORD type)
{
    (void)iface; (void)offset; (void)len; (void)type;
    return STG_E_INVALIDFUNCTION;
}

static HRESULT WINAPI hstream_UnlockRegion(IStream *iface, ULARGE_INTEGER offset, ULARGE_INTEGER len, DWORD type)
{
    (void)iface; (void)offset; (void)len; (void)type;
    return STG_E_INVALIDFUNCTION;
}

static HRESULT WINAPI hstream_Stat(IStream *iface, STATSTG *stat, DWORD flags)
{
    struct block *b = impl(iface)->block;
    (void)flags;   /* there is no name to leave out */
    if (!stat) return STG_E_INVALIDPOINTER;
    memset(stat, 0, sizeof(*stat));
    stat->type = STGTY_STREAM;
    EnterCriticalSection(&b->lock);
    stat->cbSize.QuadPart = b->size;
    LeaveCriticalSection(&b->lock);
    return S_OK;
}

static HRESULT WINAPI hstream_Clone(IStream *iface, IStream **out)
{
    struct hstream *s = impl(iface);
    if (!out) return STG_E_INVALIDPOINTER;
    *out = hstream_new(s->block, s->pos);
    return *out ? S_OK : E_OUTOFMEMORY;
}

static const IStreamVtbl hstream_vtbl = {
    hstream_QueryInterface, hstream_AddRef, hstream_Release, hstream_Read, hstream_Write, hstream_Seek,
    hstream_SetSize, hstream_CopyTo, hstream_Commit, hstream_Revert, hstream_LockRegion, hstream_UnlockRegion,
    hstream_Stat, hstream_Clone,
};

HRESULT WINAPI CreateStreamOnHGlobal(HGLOBAL mem, BOOL free_on_release, IStream **out)
{
    struct block *b;
    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!(b = HeapAlloc(GetProcessHeap(), 0, sizeof(*b)))) return E_OUTOFMEMORY;
    b->refs = 1;
    b->free_on_release = free_on_release;
    b->mem = mem;
    if (!mem && !(b->mem = GlobalAlloc(GMEM_MOVEABLE | GMEM_NODISCARD, 0)))
    {
        HeapFree(GetProcessHeap(), 0, b);
        return E_OUTOFMEMORY;
    }
    b->size = mem ? GlobalSize(mem) : 0;
    InitializeCriticalSection(&b->lock);
    *out = hstream_new(b, 0);
    block_release(b);   /* the stream holds it now */
    return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI GetHGlobalFromStream(IStream *stream, HGLOBAL *mem)
{
    if (!mem) return E_INVALIDARG;
    *mem = NULL;
    if (!stream || stream->lpVtbl != &hstream_vtbl) return E_INVALIDARG;
    struct block *b = impl(stream)->block;
    EnterCriticalSection(&b->lock);
    *mem = b->mem;
    LeaveCriticalSection(&b->lock);
    return S_OK;
}
