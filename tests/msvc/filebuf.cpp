/*
 * tests/msvc/filebuf.cpp — std::ofstream/ifstream as MSVC builds them: its
 * basic_filebuf is header-only, so the program's own code opens the file
 * with msvcp140's _Fiopen and then reads and writes the C runtime's FILE
 * buffer in place — the stream buffer's six pointers are aimed at the
 * FILE's _base, _ptr and _cnt through ucrtbase's
 * _get_stream_buffer_pointers — calling fputc/fgetc/ungetc/fread/fwrite
 * only when that buffer is empty or full. This file's filebuf_ follows
 * that protocol (in its own words) under msvcp140's ostream and istream:
 * formatted and unformatted output and input through it, a large write
 * and read, text mode's "\r\n" on disk, _Fiopen's modes (app, ate, trunc,
 * in|out, binary, and what it refuses), seeking, putting back.
 */
#include "msvctest.h"
#include "msvcios.h"

extern "C" {
__declspec(dllimport) void *__cdecl memset(void *dest, int c, unsigned long long size);
__declspec(dllimport) int __cdecl memcmp(const void *a, const void *b, unsigned long long size);
__declspec(dllimport) FILE_ *__cdecl fopen(const char *name, const char *mode);
__declspec(dllimport) int __cdecl fclose(FILE_ *file);
__declspec(dllimport) unsigned long long __cdecl fread(void *buf, unsigned long long size, unsigned long long n, FILE_ *file);
__declspec(dllimport) unsigned long long __cdecl fwrite(const void *buf, unsigned long long size, unsigned long long n, FILE_ *file);
__declspec(dllimport) int __cdecl fgetc(FILE_ *file);
__declspec(dllimport) int __cdecl fputc(int c, FILE_ *file);
__declspec(dllimport) int __cdecl ungetc(int c, FILE_ *file);
__declspec(dllimport) int __cdecl _fseeki64(FILE_ *file, long long off, int origin);
__declspec(dllimport) long long __cdecl _ftelli64(FILE_ *file);
__declspec(dllimport) int __cdecl _get_stream_buffer_pointers(FILE_ *file, char ***base, char ***ptr, int **count);
__declspec(dllimport) void __cdecl _lock_file(FILE_ *file);
__declspec(dllimport) void __cdecl _unlock_file(FILE_ *file);
__declspec(dllimport) int __cdecl remove(const char *name);
}

extern "C" int _fltused = 0;
void *operator new(unsigned long long size) { return malloc(size); }
void operator delete(void *ptr) noexcept { free(ptr); }
void operator delete(void *ptr, unsigned long long) noexcept { free(ptr); }

/* MSVC's basic_filebuf<char> without a codecvt (the C locale's is noconv) */
class filebuf_ : public std::streambuf
{
public:
    filebuf_() { attach(nullptr); }
    ~filebuf_() { close(); }
    filebuf_ *open(const char *name, int mode)
    {
        if (file) return nullptr;
        FILE_ *f = std::_Fiopen(name, mode, 0x40 /* _SH_DENYNO */);
        if (!f) return nullptr;
        attach(f);
        return this;
    }
    bool close()
    {
        if (!file) return false;
        int r = fclose(file);
        attach(nullptr);
        return r == 0;
    }
    bool is_open() const { return file != nullptr; }
    void _Lock() override { if (file) _lock_file(file); }
    void _Unlock() override { if (file) _unlock_file(file); }
protected:
    int overflow(int c) override
    {
        if (c == -1) return 0;
        if (pptr() && pptr() < epptr()) { *_Pninc() = (char)c; return c; }
        if (!file) return -1;
        return fputc((char)c, file) != -1 ? c : -1;
    }
    int pbackfail(int c) override
    {
        if (gptr() && eback() < gptr() && (c == -1 || (unsigned char)gptr()[-1] == c)) { _Gndec(); return c == -1 ? 0 : c; }
        if (!file || c == -1) return -1;
        return ungetc((unsigned char)c, file) != -1 ? c : -1;
    }
    int underflow() override
    {
        if (gptr() && gptr() < egptr()) return (unsigned char)*gptr();
        int c = uflow();
        if (c != -1) pbackfail(c);
        return c;
    }
    int uflow() override
    {
        if (gptr() && gptr() < egptr()) return (unsigned char)*_Gninc();
        if (!file) return -1;
        int c = fgetc(file);
        return c == -1 ? -1 : (unsigned char)c;
    }
    std::streamsize xsgetn(char *p, std::streamsize n) override
    {
        std::streamsize start = n, avail = _Gnavail();
        if (n <= 0) return 0;
        if (avail > 0)
        {
            std::streamsize k = avail < n ? avail : n;
            __builtin_memcpy(p, gptr(), k);
            p += k; n -= k;
            gbump((int)k);
        }
        if (n > 0 && file) n -= (std::streamsize)fread(p, 1, n, file);
        return start - n;
    }
    std::streamsize xsputn(const char *p, std::streamsize n) override
    {
        std::streamsize start = n, room = _Pnavail();
        if (n > 0 && room > 0)
        {
            std::streamsize k = room < n ? room : n;
            __builtin_memcpy(pptr(), p, k);
            p += k; n -= k;
            pbump((int)k);
        }
        if (n > 0 && file) n -= (std::streamsize)fwrite(p, 1, n, file);
        return start - n;
    }
    std::fpos<_Mbstatet> seekoff(std::streamoff off, int way, int) override
    {
        if (!file || ((off || way != 1) && _fseeki64(file, off, way))) return std::fpos<_Mbstatet>(-1);
        return std::fpos<_Mbstatet>(_ftelli64(file));
    }
    int sync() override { return !file || fflush((FILE *)file) >= 0 ? 0 : -1; }
private:
    void attach(FILE_ *f)
    {
        _Init();
        if (f)
        {
            char **base, **ptr;
            int *cnt;
            _get_stream_buffer_pointers(f, &base, &ptr, &cnt);
            _Init(base, ptr, cnt, base, ptr, cnt);
        }
        file = f;
    }
    FILE_ *file = nullptr;
};

static const char name[] = "filebuf_test.txt";
enum { IN = 1, OUT = 2, ATE = 4, APP = 8, TRUNC = 0x10, BINARY = 0x20 };

/* the file's bytes as they lie on disk */
static long long raw_file(char *buf, long long size)
{
    FILE_ *f = fopen(name, "rb");
    long long n;
    if (!f) return -1;
    n = (long long)fread(buf, 1, size, f);
    fclose(f);
    return n;
}

static void test_write_read(void)
{
    filebuf_ fb;
    char buf[256];
    long long n;

    ok(fb.open(name, OUT | TRUNC) == &fb, "open for writing");
    {
        std::ostream os(&fb);
        os << "line " << 1 << '\n' << 3.25 << ' ' << -42 << '\n';
        os.write("abc\n", 4);
        ok(os.good(), "formatted and unformatted output through the FILE's buffer");
    }
    ok(fb.close(), "close");
    n = raw_file(buf, sizeof(buf));
    ok(n == 23 && !memcmp(buf, "line 1\r\n3.25 -42\r\nabc\r\n", 23), "text mode: \\r\\n on disk");

    ok(fb.open(name, IN) == &fb, "open for reading");
    {
        std::istream is(&fb);
        char word[16];
        int i = 0, j = 0;
        double d = 0;
        is.get(word, sizeof(word), ' ');
        is >> i >> d >> j;
        ok(!strcmp(word, "line") && i == 1 && d == 3.25 && j == -42 && is.good(), "formatted input back");
        is.ignore(10, '\n');
        is.getline(word, sizeof(word), '\n');
        ok(!strcmp(word, "abc") && is.good(), "a line back, \\r\\n read as \\n");
        ok(is.get() == -1 && is.eof(), "then the end");
    }
    fb.close();
}

static void test_large(void)
{
    filebuf_ fb;
    static char data[100000], back[100001];
    long long i, errors = 0;

    for (i = 0; i < (long long)sizeof(data); i++) data[i] = (char)('a' + (i * 7) % 26);
    ok(fb.open(name, OUT | TRUNC | BINARY) == &fb, "open binary");
    {
        std::ostream os(&fb);
        /* one character at a time through the buffer, then a block */
        for (i = 0; i < 5000; i++) os.put(data[i]);
        os.write(data + 5000, sizeof(data) - 5000);
        ok(os.good(), "100000 bytes written");
    }
    fb.close();
    ok(raw_file(back, sizeof(back)) == (long long)sizeof(data) && !memcmp(back, data, sizeof(data)), "the same bytes on disk");

    memset(back, 0, sizeof(back));
    fb.open(name, IN | BINARY);
    {
        std::istream is(&fb);
        for (i = 0; i < 3000; i++) if (is.get() != (unsigned char)data[i]) errors++;
        is.read(back, sizeof(data) - 3000);
        ok(!errors && is.gcount() == (long long)sizeof(data) - 3000 && !memcmp(back, data + 3000, sizeof(data) - 3000),
           "read back one at a time, then as a block");
        ok(is.peek() == -1 && is.eof(), "at the end");
    }
    fb.close();
}

static void test_modes(void)
{
    filebuf_ fb;
    char buf[64];
    long long n;

    fb.open(name, OUT | TRUNC | BINARY);
    { std::ostream os(&fb); os << "first"; }
    fb.close();
    ok(fb.open(name, OUT | APP | BINARY) == &fb, "app");
    { std::ostream os(&fb); os << "+more"; }
    fb.close();
    n = raw_file(buf, sizeof(buf));
    ok(n == 10 && !memcmp(buf, "first+more", 10), "app appends");

    ok(fb.open(name, IN | OUT | BINARY) == &fb, "in|out keeps the file");
    {
        std::iostream ios(&fb);
        char c = 0;
        ios.get(c);
        ok(c == 'f', "in|out reads from the start");
        ios.seekp(0, 0);
        ios << "F";
        ok(ios.good(), "and writes after a seek");
    }
    fb.close();
    n = raw_file(buf, sizeof(buf));
    ok(n == 10 && !memcmp(buf, "First+more", 10), "the byte replaced in place");

    ok(fb.open(name, IN | ATE | BINARY) == &fb, "ate");
    {
        std::istream is(&fb);
        std::fpos<_Mbstatet> pos = is.tellg();
        ok((long long)pos == 10, "ate starts at the end");
        is.seekg(-4, 2);
        char word[8];
        is.read(word, 4);
        ok(is.gcount() == 4 && !memcmp(word, "more", 4), "seekg from the end");
        /* a character read from the refilled FILE buffer can be put back */
        is.seekg(4, 0);
        ok(is.get() == 't', "a character after a seek");
        is.unget();
        ok(is.good() && is.get() == 't', "unget of it");
    }
    fb.close();

    ok(fb.open(name, OUT | TRUNC) == &fb && fb.close(), "trunc");
    ok(raw_file(buf, sizeof(buf)) == 0, "trunc empties the file");
    ok(!fb.open(name, TRUNC), "trunc alone is refused");
    ok(!fb.open(name, IN | APP | TRUNC), "in|app|trunc is refused");
    remove(name);
    ok(!fb.open(name, IN), "in: a missing file is not created");
}

extern "C" void start(void)
{
    test_write_read();
    test_large();
    test_modes();
    remove(name);
    ExitProcess(test_summary("filebuf"));
}
