/*
 * dlls/shlwapi/istream.c — shlwapi's streams: SHCreateMemStream (an
 * IStream over a private copy of some bytes), SHCreateStreamOnFile{A,W,Ex}
 * (an IStream over a file handle), and the helpers IStream_Read,
 * IStream_Write, IStream_Reset and IStream_Size.
 *
 * A memory stream keeps its bytes in a heap block that grows by doubling;
 * a seek may pass the end (a write there fills the gap with zeros), never
 * the start. A file stream reads and writes through ReadFile/WriteFile at
 * the file handle's own position, so Seek is SetFilePointerEx; Stat names
 * the file (a CoTaskMemAlloc'd copy) unless asked not to.
 */
#include "private.h"   /* no COBJMACROS: IStream_Read and IStream_Write are functions here */
#include <objbase.h>
#include "wlx/stream.h"

/* what both kinds share: the object header and CopyTo through Read/Write */
struct stream
{
    IStream iface;
    LONG refs;
};

static struct stream *stream_of(IStream *iface) { return CONTAINING_RECORD(iface, struct stream, iface); }

static HRESULT WINAPI stream_QueryInterface(IStream *iface, REFIID riid, void **out)
{
    if (!out) return E_POINTER;
    if (!wlx_is_stream_iid(riid))
    {
        *out = NULL;
        return E_NOINTERFACE;
    }
    *out = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG WINAPI stream_AddRef(IStream *iface)
{
    return InterlockedIncrement(&stream_of(iface)->refs);
}

static HRESULT WINAPI stream_CopyTo(IStream *iface, IStream *dst, ULARGE_INTEGER count, ULARGE_INTEGER *read,
                                    ULARGE_INTEGER *written)
{
    return wlx_stream_copy(iface, dst, count, read, written);
}

static HRESULT WINAPI stream_Commit(IStream *iface, DWORD flags)
{
    (void)iface; (void)flags;
    return S_OK;
}

static HRESULT WINAPI stream_Revert(IStream *iface)
{
    (void)iface;
    return E_NOTIMPL;
}

static HRESULT WINAPI stream_LockRegion(IStream *iface, ULARGE_INTEGER offset, ULARGE_INTEGER len, DWORD type)
{
    (void)iface; (void)offset; (void)len; (void)type;
    return E_NOTIMPL;
}

static HRESULT WINAPI stream_UnlockRegion(IStream *iface, ULARGE_INTEGER offset, ULARGE_INTEGER len, DWORD type)
{
    (void)iface; (void)offset; (void)len; (void)type;
    return E_NOTIMPL;
}

/* --- memory streams ------------------------------------------------------ */

struct memstream
{
    struct stream s;
    BYTE *data;
    ULONG size, capacity, pos;
};

static const IStreamVtbl memstream_vtbl;

static struct memstream *mem_of(IStream *iface) { return CONTAINING_RECORD(iface, struct memstream, s.iface); }

static ULONG WINAPI memstream_Release(IStream *iface)
{
    struct memstream *m = mem_of(iface);
    ULONG refs = InterlockedDecrement(&m->s.refs);
    if (!refs)
    {
        HeapFree(GetProcessHeap(), 0, m->data);
        HeapFree(GetProcessHeap(), 0, m);
    }
    return refs;
}

/* the block holds at least size bytes; new bytes are zeros */
static BOOL memstream_reserve(struct memstream *m, ULONGLONG size)
{
    if (size <= m->capacity) return TRUE;
    if (size > 0xffffffffu) return FALSE;
    ULONGLONG cap = m->capacity ? m->capacity : 64;
    while (cap < size) cap *= 2;
    if (cap > 0xffffffffu) cap = 0xffffffffu;
    BYTE *p = m->data ? HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, m->data, (SIZE_T)cap)
                      : HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (SIZE_T)cap);
    if (!p) return FALSE;
    m->data = p;
    m->capacity = (ULONG)cap;
    return TRUE;
}

static HRESULT WINAPI memstream_Read(IStream *iface, void *buf, ULONG len, ULONG *read)
{
    struct memstream *m = mem_of(iface);
    ULONG n = m->pos < m->size ? min(len, m->size - m->pos) : 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    if (read) *read = n;
    return S_OK;
}

static HRESULT WINAPI memstream_Write(IStream *iface, const void *buf, ULONG len, ULONG *written)
{
    struct memstream *m = mem_of(iface);
    if (written) *written = 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    ULONGLONG end = (ULONGLONG)m->pos + len;
    if (!memstream_reserve(m, end)) return STG_E_MEDIUMFULL;
    if (m->pos > m->size) memset(m->data + m->size, 0, m->pos - m->size);   /* the gap a seek left */
    memcpy(m->data + m->pos, buf, len);
    m->pos = (ULONG)end;
    if (m->pos > m->size) m->size = m->pos;
    if (written) *written = len;
    return S_OK;
}

static HRESULT WINAPI memstream_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *newpos)
{
    struct memstream *m = mem_of(iface);
    LONGLONG base;
    switch (origin)
    {
    case STREAM_SEEK_SET: base = 0; break;
    case STREAM_SEEK_CUR: base = m->pos; break;
    case STREAM_SEEK_END: base = m->size; break;
    default: return STG_E_INVALIDFUNCTION;
    }
    LONGLONG target = base + move.QuadPart;
    if (target < 0 || target > 0xffffffffll)
    {
        if (newpos) newpos->QuadPart = m->pos;
        return STG_E_INVALIDFUNCTION;
    }
    m->pos = (ULONG)target;
    if (newpos) newpos->QuadPart = m->pos;
    return S_OK;
}

static HRESULT WINAPI memstream_SetSize(IStream *iface, ULARGE_INTEGER size)
{
    struct memstream *m = mem_of(iface);
    if (size.QuadPart > 0xffffffffu || !memstream_reserve(m, size.QuadPart)) return STG_E_MEDIUMFULL;
    if (size.QuadPart > m->size) memset(m->data + m->size, 0, (SIZE_T)(size.QuadPart - m->size));
    m->size = (ULONG)size.QuadPart;
    return S_OK;
}

static HRESULT WINAPI memstream_Stat(IStream *iface, STATSTG *stat, DWORD flags)
{
    (void)flags;
    if (!stat) return STG_E_INVALIDPOINTER;
    memset(stat, 0, sizeof(*stat));
    stat->type = STGTY_STREAM;
    stat->cbSize.QuadPart = mem_of(iface)->size;
    stat->grfMode = STGM_READWRITE;
    return S_OK;
}

static IStream *memstream_new(const BYTE *data, ULONG size, ULONG pos);

/* a copy of the bytes with the same position (later writes are its own) */
static HRESULT WINAPI memstream_Clone(IStream *iface, IStream **out)
{
    struct memstream *m = mem_of(iface);
    if (!out) return STG_E_INVALIDPOINTER;
    *out = memstream_new(m->data, m->size, m->pos);
    return *out ? S_OK : E_OUTOFMEMORY;
}

static const IStreamVtbl memstream_vtbl = {
    stream_QueryInterface, stream_AddRef, memstream_Release, memstream_Read, memstream_Write, memstream_Seek,
    memstream_SetSize, stream_CopyTo, stream_Commit, stream_Revert, stream_LockRegion, stream_UnlockRegion,
    memstream_Stat, memstream_Clone,
};

static IStream *memstream_new(const BYTE *data, ULONG size, ULONG pos)
{
    struct memstream *m = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*m));
    if (!m) return NULL;
    m->s.iface.lpVtbl = (IStreamVtbl *)&memstream_vtbl;
    m->s.refs = 1;
    if (size && !memstream_reserve(m, size))
    {
        HeapFree(GetProcessHeap(), 0, m);
        return NULL;
    }
    if (data && size) memcpy(m->data, data, size);
    m->size = data ? size : 0;
    m->pos = pos;
    return &m->s.iface;
}

IStream *WINAPI SHCreateMemStream(const BYTE *init, UINT size)
{
    return memstream_new(init, init ? size : 0, 0);
}

/* --- file streams -------------------------------------------------------- */

struct filestream
{
    struct stream s;
    HANDLE file;
    DWORD mode;                 /* the STGM_ flags it was opened with */
    WCHAR *name;
};

static const IStreamVtbl filestream_vtbl;

static struct filestream *file_of(IStream *iface) { return CONTAINING_RECORD(iface, struct filestream, s.iface); }

static ULONG WINAPI filestream_Release(IStream *iface)
{
    struct filestream *f = file_of(iface);
    ULONG refs = InterlockedDecrement(&f->s.refs);
    if (!refs)
    {
        CloseHandle(f->file);
        HeapFree(GetProcessHeap(), 0, f->name);
        HeapFree(GetProcessHeap(), 0, f);
    }
    return refs;
}

static HRESULT WINAPI filestream_Read(IStream *iface, void *buf, ULONG len, ULONG *read)
{
    DWORD n = 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    BOOL okay = ReadFile(file_of(iface)->file, buf, len, &n, NULL);
    if (read) *read = n;
    if (!okay) return HRESULT_FROM_WIN32(GetLastError());
    return n < len ? S_FALSE : S_OK;
}

static HRESULT WINAPI filestream_Write(IStream *iface, const void *buf, ULONG len, ULONG *written)
{
    DWORD n = 0;
    if (!buf) return STG_E_INVALIDPOINTER;
    BOOL okay = WriteFile(file_of(iface)->file, buf, len, &n, NULL);
    if (written) *written = n;
    return okay ? S_OK : HRESULT_FROM_WIN32(GetLastError());
}

static HRESULT WINAPI filestream_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *newpos)
{
    LARGE_INTEGER pos;
    if (origin > STREAM_SEEK_END) return STG_E_INVALIDFUNCTION;
    if (!SetFilePointerEx(file_of(iface)->file, move, &pos, origin)) return HRESULT_FROM_WIN32(GetLastError());
    if (newpos) newpos->QuadPart = pos.QuadPart;
    return S_OK;
}

static HRESULT WINAPI filestream_SetSize(IStream *iface, ULARGE_INTEGER size)
{
    HANDLE h = file_of(iface)->file;
    LARGE_INTEGER zero = { 0 }, here, to;
    to.QuadPart = size.QuadPart;
    if (!SetFilePointerEx(h, zero, &here, FILE_CURRENT) || !SetFilePointerEx(h, to, NULL, FILE_BEGIN) ||
        !SetEndOfFile(h))
        return HRESULT_FROM_WIN32(GetLastError());
    SetFilePointerEx(h, here, NULL, FILE_BEGIN);   /* the position stays, even past the new end */
    return S_OK;
}

static HRESULT WINAPI filestream_Commit(IStream *iface, DWORD flags)
{
    (void)flags;
    FlushFileBuffers(file_of(iface)->file);
    return S_OK;
}

static HRESULT WINAPI filestream_Stat(IStream *iface, STATSTG *stat, DWORD flags)
{
    struct filestream *f = file_of(iface);
    BY_HANDLE_FILE_INFORMATION info;
    if (!stat) return STG_E_INVALIDPOINTER;
    memset(stat, 0, sizeof(*stat));
    if (!GetFileInformationByHandle(f->file, &info)) return HRESULT_FROM_WIN32(GetLastError());
    stat->type = STGTY_STREAM;
    stat->cbSize.QuadPart = ((ULONGLONG)info.nFileSizeHigh << 32) | info.nFileSizeLow;
    stat->mtime = info.ftLastWriteTime;
    stat->ctime = info.ftCreationTime;
    stat->atime = info.ftLastAccessTime;
    stat->grfMode = f->mode;
    if (!(flags & STATFLAG_NONAME))
    {
        size_t bytes = (lstrlenW(f->name) + 1) * sizeof(WCHAR);
        if (!(stat->pwcsName = CoTaskMemAlloc(bytes))) return STG_E_INSUFFICIENTMEMORY;
        memcpy(stat->pwcsName, f->name, bytes);
    }
    return S_OK;
}

static HRESULT WINAPI filestream_Clone(IStream *iface, IStream **out)
{
    (void)iface;
    if (out) *out = NULL;
    return E_NOTIMPL;
}

static const IStreamVtbl filestream_vtbl = {
    stream_QueryInterface, stream_AddRef, filestream_Release, filestream_Read, filestream_Write, filestream_Seek,
    filestream_SetSize, stream_CopyTo, filestream_Commit, stream_Revert, stream_LockRegion, stream_UnlockRegion,
    filestream_Stat, filestream_Clone,
};

HRESULT WINAPI SHCreateStreamOnFileEx(LPCWSTR path, DWORD mode, DWORD attributes, BOOL create, IStream *template,
                                      IStream **out)
{
    DWORD access, share, disposition;
    (void)template;
    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!path) return E_INVALIDARG;
    switch (mode & 3)
    {
    case STGM_READ: access = GENERIC_READ; break;
    case STGM_WRITE: access = GENERIC_WRITE; break;
    case STGM_READWRITE: access = GENERIC_READ | GENERIC_WRITE; break;
    default: return E_INVALIDARG;
    }
    switch (mode & 0x70)
    {
    case 0:   /* none said: as STGM_SHARE_DENY_NONE */
    case STGM_SHARE_DENY_NONE: share = FILE_SHARE_READ | FILE_SHARE_WRITE; break;
    case STGM_SHARE_DENY_READ: share = FILE_SHARE_WRITE; break;
    case STGM_SHARE_DENY_WRITE: share = FILE_SHARE_READ; break;
    case STGM_SHARE_EXCLUSIVE: share = 0; break;
    default: return E_INVALIDARG;
    }
    if (mode & STGM_CREATE) disposition = CREATE_ALWAYS;
    else if (create) disposition = CREATE_NEW;   /* STGM_FAILIFTHERE: make it, unless it exists */
    else disposition = OPEN_EXISTING;
    HANDLE h = CreateFileW(path, access, share, NULL, disposition,
                           attributes ? attributes : FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return HRESULT_FROM_WIN32(GetLastError());
    struct filestream *f = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*f));
    size_t bytes = (lstrlenW(path) + 1) * sizeof(WCHAR);
    if (!f || !(f->name = HeapAlloc(GetProcessHeap(), 0, bytes)))
    {
        HeapFree(GetProcessHeap(), 0, f);
        CloseHandle(h);
        return E_OUTOFMEMORY;
    }
    memcpy(f->name, path, bytes);
    f->s.iface.lpVtbl = (IStreamVtbl *)&filestream_vtbl;
    f->s.refs = 1;
    f->file = h;
    f->mode = mode;
    *out = &f->s.iface;
    return S_OK;
}

/* the modes a plain SHCreateStreamOnFile refuses */
#define UNSUPPORTED_MODES (STGM_TRANSACTED | STGM_CONVERT | STGM_PRIORITY | STGM_DELETEONRELEASE)

HRESULT WINAPI SHCreateStreamOnFileW(LPCWSTR path, DWORD mode, IStream **out)
{
    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (mode & UNSUPPORTED_MODES) return E_INVALIDARG;
    return SHCreateStreamOnFileEx(path, mode, 0, FALSE, NULL, out);
}

HRESULT WINAPI SHCreateStreamOnFileA(LPCSTR path, DWORD mode, IStream **out)
{
    WCHAR wpath[MAX_PATH];
    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!path) return E_INVALIDARG;
    if (!MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, MAX_PATH)) return HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
    return SHCreateStreamOnFileW(wpath, mode, out);
}

/* --- helpers ------------------------------------------------------------- */

/* all of len or a failure (S_FALSE from a short read becomes E_FAIL) */
HRESULT WINAPI IStream_Read(IStream *stream, void *buf, ULONG len)
{
    ULONG n = 0;
    HRESULT hr = stream->lpVtbl->Read(stream, buf, len, &n);
    return SUCCEEDED(hr) && n != len ? E_FAIL : hr;
}

HRESULT WINAPI IStream_Write(IStream *stream, const void *buf, ULONG len)
{
    ULONG n = 0;
    HRESULT hr = stream->lpVtbl->Write(stream, buf, len, &n);
    return SUCCEEDED(hr) && n != len ? E_FAIL : hr;
}

HRESULT WINAPI IStream_Reset(IStream *stream)
{
    LARGE_INTEGER zero = { 0 };
    return stream->lpVtbl->Seek(stream, zero, STREAM_SEEK_SET, NULL);
}

HRESULT WINAPI IStream_Size(IStream *stream, ULARGE_INTEGER *size)
{
    STATSTG st;
    HRESULT hr = stream->lpVtbl->Stat(stream, &st, STATFLAG_NONAME);
    if (SUCCEEDED(hr) && size) *size = st.cbSize;
    return hr;
}
