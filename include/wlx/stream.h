/*
 * include/wlx/stream.h — what the IStream implementations of combase
 * (hglobalstream.c) and shlwapi (istream.c) share: the interface IDs a
 * stream answers to and CopyTo, which works through the source's Read and
 * the target's Write whatever either stream is.
 */
#ifndef WLX_STREAM_H
#define WLX_STREAM_H

#include <objidl.h>

/* uuid.lib's values, so that neither DLL links it */
static const GUID wlx_iid_unknown = { 0x00000000, 0x0000, 0x0000, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
static const GUID wlx_iid_sequential_stream = { 0x0c733a30, 0x2a1c, 0x11ce, { 0xad, 0xe5, 0x00, 0xaa, 0x00, 0x44, 0x77, 0x3d } };
static const GUID wlx_iid_stream = { 0x0000000c, 0x0000, 0x0000, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

static inline BOOL wlx_is_stream_iid(REFIID riid)
{
    return IsEqualIID(riid, &wlx_iid_unknown) || IsEqualIID(riid, &wlx_iid_sequential_stream) ||
           IsEqualIID(riid, &wlx_iid_stream);
}

/* count bytes from src's position to dst's, in 8 KB steps; both counts told */
static inline HRESULT wlx_stream_copy(IStream *src, IStream *dst, ULARGE_INTEGER count, ULARGE_INTEGER *read,
                                      ULARGE_INTEGER *written)
{
    BYTE buf[8192];
    ULONGLONG left = count.QuadPart, total_read = 0, total_written = 0;
    HRESULT hr = S_OK;
    if (!dst) return STG_E_INVALIDPOINTER;
    while (left)
    {
        ULONG got = 0, put = 0;
        hr = src->lpVtbl->Read(src, buf, left < sizeof(buf) ? (ULONG)left : sizeof(buf), &got);
        if (FAILED(hr) || !got) break;
        total_read += got;
        hr = dst->lpVtbl->Write(dst, buf, got, &put);
        total_written += put;
        if (FAILED(hr) || put != got) break;
        left -= got;
    }
    if (read) read->QuadPart = total_read;
    if (written) written->QuadPart = total_written;
    return hr;
}

#endif
