/*
 * tests/ole32/hglobalstream.c — CreateStreamOnHGlobal and
 * GetHGlobalFromStream: an IStream over a global memory block (what
 * clipboard and COM marshalling code, and programs like bun, use as an
 * in-memory stream): reads, writes that grow the block, seeks, SetSize,
 * Stat, CopyTo, Clone sharing the bytes with a seek pointer of its own,
 * a caller's block used as it is, and who frees the block.
 */
#define COBJMACROS
#include <windows.h>
#include <objbase.h>
#include <stdio.h>
#include "test.h"

static ULONGLONG stream_size(IStream *s)
{
    STATSTG st;
    memset(&st, 0xcc, sizeof(st));
    if (FAILED(IStream_Stat(s, &st, STATFLAG_NONAME))) return ~0ull;
    return st.cbSize.QuadPart;
}

static ULONGLONG seek(IStream *s, LONGLONG to, DWORD origin, HRESULT *hr)
{
    LARGE_INTEGER move;
    ULARGE_INTEGER pos;
    move.QuadPart = to;
    pos.QuadPart = 0xdeadbeef;
    HRESULT r = IStream_Seek(s, move, origin, &pos);
    if (hr) *hr = r;
    return pos.QuadPart;
}

static void test_new_block(void)
{
    IStream *s = NULL;
    HGLOBAL mem = NULL;
    char buf[32];
    ULONG n;
    HRESULT hr = E_FAIL;

    ok(CreateStreamOnHGlobal(NULL, TRUE, &s) == S_OK && s, "CreateStreamOnHGlobal failed\n");
    if (!s) return;
    ok(stream_size(s) == 0, "a new stream is %I64u bytes\n", stream_size(s));
    ok(IStream_Write(s, "hello world", 11, &n) == S_OK && n == 11, "write: %lu\n", n);
    ok(stream_size(s) == 11, "size %I64u after the write\n", stream_size(s));
    ok(seek(s, 0, STREAM_SEEK_CUR, NULL) == 11, "position %I64u\n", seek(s, 0, STREAM_SEEK_CUR, NULL));

    ok(seek(s, 6, STREAM_SEEK_SET, &hr) == 6 && hr == S_OK, "seek: %#lx\n", hr);
    memset(buf, 0, sizeof(buf));
    ok(IStream_Read(s, buf, sizeof(buf), &n) == S_OK && n == 5 && !memcmp(buf, "world", 5), "read %lu '%s'\n", n, buf);
    n = 77;
    ok(IStream_Read(s, buf, sizeof(buf), &n) == S_OK && !n, "a read at the end: %lu bytes\n", n);

    /* the block holds the bytes */
    ok(GetHGlobalFromStream(s, &mem) == S_OK && mem, "GetHGlobalFromStream failed\n");
    char *p = GlobalLock(mem);
    ok(p && !memcmp(p, "hello world", 11), "the block holds '%.11s'\n", p ? p : "");
    ok(GlobalSize(mem) >= 11, "the block is %Iu bytes\n", GlobalSize(mem));
    GlobalUnlock(mem);

    /* past the end: a write there grows the stream, the gap reads as zeros */
    ok(seek(s, 4, STREAM_SEEK_END, &hr) == 15 && hr == S_OK, "seek past the end: %#lx\n", hr);
    ok(stream_size(s) == 11, "a seek changed the size to %I64u\n", stream_size(s));
    ok(IStream_Write(s, "!", 1, &n) == S_OK && n == 1, "write\n");
    ok(stream_size(s) == 16, "size %I64u\n", stream_size(s));
    seek(s, 11, STREAM_SEEK_SET, NULL);
    ok(IStream_Read(s, buf, 5, &n) == S_OK && n == 5 && !memcmp(buf, "\0\0\0\0!", 5), "the gap: %lu bytes\n", n);

    /* a seek to before the start fails and leaves the position */
    seek(s, 3, STREAM_SEEK_SET, NULL);
    seek(s, -10, STREAM_SEEK_CUR, &hr);
    ok(FAILED(hr), "a seek before the start: %#lx\n", hr);
    ok(seek(s, 0, STREAM_SEEK_CUR, NULL) == 3, "the position moved to %I64u\n", seek(s, 0, STREAM_SEEK_CUR, NULL));
    seek(s, 0, 7, &hr);
    ok(hr == STG_E_INVALIDFUNCTION || hr == STG_E_SEEKERROR, "an unknown origin: %#lx\n", hr);

    /* SetSize cuts (or grows) the stream, the position stays */
    ULARGE_INTEGER size;
    size.QuadPart = 5;
    ok(IStream_SetSize(s, size) == S_OK, "SetSize failed\n");
    ok(stream_size(s) == 5, "size %I64u\n", stream_size(s));
    seek(s, 0, STREAM_SEEK_SET, NULL);
    ok(IStream_Read(s, buf, sizeof(buf), &n) == S_OK && n == 5 && !memcmp(buf, "hello", 5), "read %lu\n", n);
    size.QuadPart = 100;
    ok(IStream_SetSize(s, size) == S_OK && stream_size(s) == 100, "SetSize 100: %I64u\n", stream_size(s));
    ok(GetHGlobalFromStream(s, &mem) == S_OK && GlobalSize(mem) >= 100, "the block did not grow\n");

    STATSTG st;
    memset(&st, 0xcc, sizeof(st));
    ok(IStream_Stat(s, &st, STATFLAG_DEFAULT) == S_OK, "Stat failed\n");
    ok(st.type == STGTY_STREAM && !st.pwcsName, "type %lu name %p\n", st.type, st.pwcsName);

    ok(IStream_Release(s) == 0, "references left\n");
}

static void test_interfaces(void)
{
    static const GUID iid_storage = { 0x0000000b, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
    IStream *s;
    IUnknown *unk = (IUnknown *)0xdead;
    ok(CreateStreamOnHGlobal(NULL, TRUE, &s) == S_OK, "CreateStreamOnHGlobal failed\n");
    ok(IStream_QueryInterface(s, &IID_IUnknown, (void **)&unk) == S_OK && unk, "IUnknown\n");
    IUnknown_Release(unk);
    ok(IStream_QueryInterface(s, &IID_ISequentialStream, (void **)&unk) == S_OK && unk, "ISequentialStream\n");
    IUnknown_Release(unk);
    ok(IStream_QueryInterface(s, &iid_storage, (void **)&unk) == E_NOINTERFACE && !unk, "IStorage: %p\n", unk);
    ok(IStream_AddRef(s) == 2 && IStream_Release(s) == 1, "reference counts\n");
    IStream_Release(s);

    HGLOBAL mem = (HGLOBAL)0xdead;
    ok(GetHGlobalFromStream(NULL, &mem) == E_INVALIDARG, "a NULL stream\n");
    ok(CreateStreamOnHGlobal(NULL, TRUE, NULL) == E_INVALIDARG, "no out pointer\n");
}

static void test_callers_block(void)
{
    HGLOBAL mem = GlobalAlloc(GMEM_MOVEABLE, 10), got = NULL;
    IStream *s;
    char buf[16];
    ULONG n;
    char *p = GlobalLock(mem);
    memcpy(p, "0123456789", 10);
    GlobalUnlock(mem);

    /* the stream starts as long as the block, over its bytes */
    ok(CreateStreamOnHGlobal(mem, FALSE, &s) == S_OK, "CreateStreamOnHGlobal failed\n");
    ok(stream_size(s) == GlobalSize(mem), "size %I64u, the block %Iu\n", stream_size(s), GlobalSize(mem));
    ok(IStream_Read(s, buf, 4, &n) == S_OK && n == 4 && !memcmp(buf, "0123", 4), "read %lu\n", n);
    ok(GetHGlobalFromStream(s, &got) == S_OK && got == mem, "the block %p, given %p\n", got, mem);
    ok(IStream_Write(s, "ab", 2, &n) == S_OK && n == 2, "write\n");
    IStream_Release(s);
    /* not freed with the stream: its bytes are the stream's writes */
    p = GlobalLock(mem);
    ok(p && !memcmp(p, "0123ab6789", 10), "the block holds '%.10s'\n", p ? p : "");
    GlobalUnlock(mem);
    ok(GlobalFree(mem) == NULL, "the block was freed with the stream\n");
}

static void test_clone_and_copy(void)
{
    IStream *s, *c = NULL, *dst;
    char buf[16];
    ULONG n;
    ok(CreateStreamOnHGlobal(NULL, TRUE, &s) == S_OK, "CreateStreamOnHGlobal failed\n");
    IStream_Write(s, "abcdef", 6, &n);
    seek(s, 2, STREAM_SEEK_SET, NULL);
    ok(IStream_Clone(s, &c) == S_OK && c, "Clone failed\n");
    if (!c) { IStream_Release(s); return; }
    ok(seek(c, 0, STREAM_SEEK_CUR, NULL) == 2, "the clone starts at %I64u\n", seek(c, 0, STREAM_SEEK_CUR, NULL));
    /* its own position, the same bytes */
    ok(IStream_Write(c, "XY", 2, &n) == S_OK, "write to the clone\n");
    ok(seek(s, 0, STREAM_SEEK_CUR, NULL) == 2, "the original moved\n");
    ok(IStream_Read(s, buf, 4, &n) == S_OK && n == 4 && !memcmp(buf, "XYef", 4), "read %.4s\n", buf);
    IStream_Write(c, "0123", 4, &n);   /* grows the stream through the clone */
    ok(stream_size(s) == 8, "the original's size %I64u\n", stream_size(s));
    HGLOBAL m1, m2;
    ok(GetHGlobalFromStream(s, &m1) == S_OK && GetHGlobalFromStream(c, &m2) == S_OK && m1 == m2, "two blocks\n");
    /* the block lives while a clone does */
    IStream_Release(s);
    seek(c, 0, STREAM_SEEK_SET, NULL);
    ok(IStream_Read(c, buf, 8, &n) == S_OK && n == 8 && !memcmp(buf, "abXY0123", 8), "read %.8s\n", buf);

    /* CopyTo: from the position, up to the count, both counts told */
    ok(CreateStreamOnHGlobal(NULL, TRUE, &dst) == S_OK, "CreateStreamOnHGlobal failed\n");
    ULARGE_INTEGER count, read, written;
    count.QuadPart = 5;
    seek(c, 1, STREAM_SEEK_SET, NULL);
    ok(IStream_CopyTo(c, dst, count, &read, &written) == S_OK, "CopyTo failed\n");
    ok(read.QuadPart == 5 && written.QuadPart == 5, "read %I64u written %I64u\n", read.QuadPart, written.QuadPart);
    count.QuadPart = 1000;
    ok(IStream_CopyTo(c, dst, count, &read, &written) == S_OK, "CopyTo failed\n");
    ok(read.QuadPart == 2 && written.QuadPart == 2, "read %I64u written %I64u\n", read.QuadPart, written.QuadPart);
    seek(dst, 0, STREAM_SEEK_SET, NULL);
    ok(IStream_Read(dst, buf, sizeof(buf), &n) == S_OK && n == 7 && !memcmp(buf, "bXY0123", 7), "copied %.7s\n", buf);
    IStream_Release(dst);
    IStream_Release(c);
}

int main(void)
{
    test_new_block();
    test_interfaces();
    test_callers_block();
    test_clone_and_copy();
    return test_summary();
}
