/*
 * tests/shlwapi/istream.c — shlwapi's streams: SHCreateMemStream (an
 * IStream over a copy of some bytes), SHCreateStreamOnFileEx/W/A (an
 * IStream over a file: create/open/fail-if-there, share modes, Stat's
 * name and size, SetSize), and the helpers IStream_Read, IStream_Write,
 * IStream_Reset, IStream_Size.
 */
#include <windows.h>
#include <objbase.h>
#include <shlwapi.h>
#include <stdio.h>
#include "test.h"

static ULONGLONG pos_of(IStream *s)
{
    LARGE_INTEGER zero = { 0 };
    ULARGE_INTEGER pos = { 0 };
    s->lpVtbl->Seek(s, zero, STREAM_SEEK_CUR, &pos);
    return pos.QuadPart;
}

static void test_mem_stream(void)
{
    static const BYTE init[] = "abcdefgh";
    BYTE buf[32];
    ULONG n;
    ULARGE_INTEGER size;
    IStream *s = SHCreateMemStream(init, 8);
    ok(s != NULL, "SHCreateMemStream failed\n");
    if (!s) return;
    ok(IStream_Size(s, &size) == S_OK && size.QuadPart == 8, "size %I64u\n", size.QuadPart);
    ok(pos_of(s) == 0, "starts at %I64u\n", pos_of(s));
    ok(s->lpVtbl->Read(s, buf, 3, &n) == S_OK && n == 3 && !memcmp(buf, "abc", 3), "read %lu\n", n);
    /* its own copy: the caller's bytes are not the stream's */
    ok(s->lpVtbl->Write(s, "XY", 2, &n) == S_OK && n == 2, "write\n");
    ok(!memcmp(init, "abcdefgh", 8), "the initial bytes changed\n");
    ok(IStream_Reset(s) == S_OK && pos_of(s) == 0, "reset\n");
    ok(IStream_Read(s, buf, 8) == S_OK && !memcmp(buf, "abcXYfgh", 8), "read %.8s\n", buf);
    /* the helper wants all it asked for */
    ok(IStream_Read(s, buf, 1) == E_FAIL, "a read past the end\n");
    /* a write at the end grows it */
    ok(IStream_Write(s, "12345", 5) == S_OK, "IStream_Write\n");
    ok(IStream_Size(s, &size) == S_OK && size.QuadPart == 13, "size %I64u\n", size.QuadPart);

    LARGE_INTEGER move;
    move.QuadPart = -20;
    ok(FAILED(s->lpVtbl->Seek(s, move, STREAM_SEEK_END, NULL)), "a seek before the start\n");
    ok(pos_of(s) == 13, "the position moved to %I64u\n", pos_of(s));

    size.QuadPart = 4;
    ok(s->lpVtbl->SetSize(s, size) == S_OK, "SetSize\n");
    ok(IStream_Size(s, &size) == S_OK && size.QuadPart == 4, "size %I64u\n", size.QuadPart);

    IUnknown *unk = NULL;
    ok(s->lpVtbl->QueryInterface(s, &IID_ISequentialStream, (void **)&unk) == S_OK && unk, "ISequentialStream\n");
    if (unk) unk->lpVtbl->Release(unk);
    STATSTG st;
    memset(&st, 0xcc, sizeof(st));
    ok(s->lpVtbl->Stat(s, &st, STATFLAG_NONAME) == S_OK && st.type == STGTY_STREAM && st.cbSize.QuadPart == 4,
       "Stat: type %lu size %I64u\n", st.type, st.cbSize.QuadPart);
    ok(s->lpVtbl->Release(s) == 0, "references left\n");

    /* no initial bytes */
    s = SHCreateMemStream(NULL, 10);
    ok(s && IStream_Size(s, &size) == S_OK && !size.QuadPart, "a stream from NULL is %I64u bytes\n", size.QuadPart);
    if (s) s->lpVtbl->Release(s);
}

static void test_file_stream(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    IStream *s = NULL, *s2 = NULL;
    BYTE buf[32];
    HRESULT hr;
    ULARGE_INTEGER size;

    GetTempPathW(MAX_PATH, dir);
    swprintf(path, MAX_PATH, L"%lsshlwapi_istream_%lu.bin", dir, GetCurrentProcessId());
    DeleteFileW(path);

    hr = SHCreateStreamOnFileEx(path, STGM_READ, 0, FALSE, NULL, &s);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) && !s, "a missing file: %#lx\n", hr);

    /* fCreate makes it (and fails when it exists, STGM_FAILIFTHERE) */
    hr = SHCreateStreamOnFileEx(path, STGM_READWRITE | STGM_SHARE_DENY_WRITE, FILE_ATTRIBUTE_NORMAL, TRUE, NULL, &s);
    ok(hr == S_OK && s, "create: %#lx\n", hr);
    if (!s) return;
    ok(IStream_Write(s, "hello, file", 11) == S_OK, "write\n");
    ok(IStream_Reset(s) == S_OK && IStream_Read(s, buf, 11) == S_OK && !memcmp(buf, "hello, file", 11), "read back\n");
    ok(IStream_Size(s, &size) == S_OK && size.QuadPart == 11, "size %I64u\n", size.QuadPart);
    STATSTG st;
    memset(&st, 0, sizeof(st));
    ok(s->lpVtbl->Stat(s, &st, STATFLAG_DEFAULT) == S_OK, "Stat\n");
    ok(st.cbSize.QuadPart == 11, "size %I64u\n", st.cbSize.QuadPart);
    ok(st.pwcsName && !lstrcmpiW(st.pwcsName, path), "name %ls\n", st.pwcsName ? st.pwcsName : L"(null)");
    CoTaskMemFree(st.pwcsName);

    /* the share mode it was opened with is the file's */
    hr = SHCreateStreamOnFileEx(path, STGM_WRITE | STGM_SHARE_DENY_NONE, 0, FALSE, NULL, &s2);
    ok(hr == HRESULT_FROM_WIN32(ERROR_SHARING_VIOLATION) && !s2, "a second writer: %#lx\n", hr);
    hr = SHCreateStreamOnFileEx(path, STGM_READ | STGM_SHARE_DENY_NONE, 0, FALSE, NULL, &s2);
    ok(hr == S_OK && s2, "a reader: %#lx\n", hr);
    if (s2)
    {
        ok(IStream_Read(s2, buf, 5) == S_OK && !memcmp(buf, "hello", 5), "the reader reads\n");
        s2->lpVtbl->Release(s2);
        s2 = NULL;
    }

    size.QuadPart = 5;
    ok(s->lpVtbl->SetSize(s, size) == S_OK, "SetSize\n");
    ok(IStream_Size(s, &size) == S_OK && size.QuadPart == 5, "size %I64u\n", size.QuadPart);
    s->lpVtbl->Release(s);
    s = NULL;

    hr = SHCreateStreamOnFileEx(path, STGM_WRITE | STGM_FAILIFTHERE, 0, TRUE, NULL, &s);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILE_EXISTS) && !s, "create over an existing file: %#lx\n", hr);
    if (s) { s->lpVtbl->Release(s); s = NULL; }

    /* STGM_CREATE: truncated */
    hr = SHCreateStreamOnFileEx(path, STGM_READWRITE | STGM_CREATE, 0, FALSE, NULL, &s);
    ok(hr == S_OK && s && IStream_Size(s, &size) == S_OK && !size.QuadPart, "STGM_CREATE: %#lx size %I64u\n", hr,
       size.QuadPart);
    if (s) { s->lpVtbl->Release(s); s = NULL; }

    /* the plain form and its ANSI twin */
    hr = SHCreateStreamOnFileW(path, STGM_READ, &s);
    ok(hr == S_OK && s, "SHCreateStreamOnFileW: %#lx\n", hr);
    if (s) { s->lpVtbl->Release(s); s = NULL; }
    hr = SHCreateStreamOnFileW(path, STGM_READ | STGM_TRANSACTED, &s);
    ok(hr == E_INVALIDARG && !s, "STGM_TRANSACTED: %#lx\n", hr);
    char apath[MAX_PATH];
    WideCharToMultiByte(CP_ACP, 0, path, -1, apath, MAX_PATH, NULL, NULL);
    hr = SHCreateStreamOnFileA(apath, STGM_READ, &s);
    ok(hr == S_OK && s, "SHCreateStreamOnFileA: %#lx\n", hr);
    if (s) { s->lpVtbl->Release(s); s = NULL; }

    ok(DeleteFileW(path), "the file is still open\n");
}

int main(void)
{
    test_mem_stream();
    test_file_stream();
    return test_summary();
}
