/*
 * tests/msvc/wiostream.cpp — msvcp140's iostreams for wchar_t (and
 * unsigned short, the same code under /Zc:wchar_t- names) as an MSVC
 * program built with /MD imports them: basic_streambuf<wchar_t> under the
 * program's own derived buffer, its public members over the virtual ones
 * and the virtual defaults, with wint_t (unsigned short) results: a
 * character past 0x7fff comes back whole, WEOF is 0xffff.
 */
#include "msvctest.h"
#include "msvcios.h"

extern "C" __declspec(dllimport) int __cdecl wcsncmp(const wchar_t *a, const wchar_t *b, unsigned long long n);
extern "C" int _fltused = 0;
void *operator new(unsigned long long size) { return malloc(size); }
void operator delete(void *ptr) noexcept { free(ptr); }
void operator delete(void *ptr, unsigned long long) noexcept { free(ptr); }

typedef std::basic_streambuf<wchar_t, std::char_traits<wchar_t>> wstreambuf;
static const unsigned short WEOF_ = 0xffff;

/* a buffer of the program's: 8 characters of put area, what overflows
   goes to a side array; the get area is refilled 3 characters at a time
   from a source string by underflow */
class wbuf : public wstreambuf
{
public:
    wchar_t area[8], spill[64], chunk[3];
    int spilled = 0, overflows = 0, underflows = 0;
    const wchar_t *source = L"";
    wbuf() { setp(area, area + 8); }
    using wstreambuf::eback;
    using wstreambuf::gptr;
    using wstreambuf::egptr;
    using wstreambuf::pbase;
    using wstreambuf::pptr;
    using wstreambuf::epptr;
    using wstreambuf::setg;
    using wstreambuf::setp;
protected:
    unsigned short overflow(unsigned short c) override
    {
        overflows++;
        if (c == WEOF_) return 0;
        if (spilled == 64) return WEOF_;
        spill[spilled++] = c;
        return c;
    }
    unsigned short underflow() override
    {
        int n = 0;
        underflows++;
        while (n < 3 && *source) chunk[n++] = *source++;
        if (!n) return WEOF_;
        setg(chunk, chunk, chunk + n);
        return (unsigned short)chunk[0];
    }
};

/* a buffer that overrides nothing: the base class's defaults */
class plain : public wstreambuf
{
public:
    using wstreambuf::setg;
    using wstreambuf::gptr;
    using wstreambuf::pptr;
    using wstreambuf::eback;
};

static void test_put(void)
{
    wbuf b;

    ok(b.pbase() == b.area && b.pptr() == b.area && b.epptr() == b.area + 8, "setp: the put area");
    ok(b.sputc(L'A') == L'A', "sputc: the character back");
    ok(b.sputc((wchar_t)0x263a) == 0x263a, "sputc: 0x263a comes back whole");
    ok(b.sputn(L"hello world", 11) == 11, "sputn: all of it");
    ok(b.pptr() == b.epptr() && !wcsncmp(b.area, L"A\x263ahello ", 8), "the put area filled first");
    ok(b.spilled == 5 && !wcsncmp(b.spill, L"world", 5) && b.overflows == 5, "the rest through overflow, one by one");
    ok(b.sputc((wchar_t)0xfffe) == 0xfffe && b.spill[5] == 0xfffe, "sputc through overflow: 0xfffe whole");
    ok(b.pubsync() == 0, "pubsync: the default sync succeeds");
    b.spilled = 64;
    ok(b.sputc(L'x') == WEOF_, "overflow failing: sputc gives WEOF (0xffff)");
    ok(b.sputn(L"xyz", 3) == 0, "overflow failing: sputn puts nothing");
}

static void test_get(void)
{
    wbuf b;
    wchar_t text[8] = L"xy\x263az", got[16];

    b.setg(text, text, text + 4);
    ok(b.in_avail() == 4, "in_avail: the get area's length");
    ok(b.sgetc() == L'x' && b.gptr() == text, "sgetc: the next character, not taken");
    ok(b.sbumpc() == L'x' && b.gptr() == text + 1, "sbumpc: taken");
    ok(b.snextc() == 0x263a && b.gptr() == text + 2, "snextc: the one after, 0x263a whole");
    ok(b.sputbackc(L'y') == L'y' && b.gptr() == text + 1, "sputbackc of the same character: back one");
    ok(b.sungetc() == L'x' && b.gptr() == text, "sungetc: back one more");
    ok(b.sungetc() == WEOF_, "sungetc at the start: pbackfail's WEOF");
    b.stossc();
    ok(b.gptr() == text + 1, "stossc: one taken");

    b.source = L"0123456789";
    ok(b.sgetn(got, 3) == 3 && !wcsncmp(got, L"y\x263az", 3), "sgetn: from the get area");
    ok(b.sgetn(got, 16) == 10 && !wcsncmp(got, L"0123456789", 10), "sgetn: then through uflow/underflow to the end");
    ok(b.underflows >= 4, "underflow called for each chunk and at the end");
    ok(b.sgetc() == WEOF_ && b.sbumpc() == WEOF_, "at the end: WEOF");
}

static void test_defaults(void)
{
    plain p;
    wchar_t text[4] = L"ab", got[4];

    ok(p.eback() == nullptr && p.gptr() == nullptr && p.pptr() == nullptr, "a new buffer: no areas");
    ok(p.sgetc() == WEOF_ && p.sbumpc() == WEOF_, "the default underflow/uflow: WEOF");
    ok(p.sputc(L'a') == WEOF_, "the default overflow: WEOF");
    ok(p.sputn(L"abc", 3) == 0, "the default xsputn: nothing put");
    ok(p.in_avail() == 0, "the default showmanyc: 0");
    p.setg(text, text + 1, text + 2);
    ok(p.sputbackc(L'z') == WEOF_, "the default pbackfail: WEOF for another character");
    ok(p.sgetn(got, 4) == 1 && got[0] == L'b', "the default xsgetn: what the get area holds");
    std::fpos<_Mbstatet> pos = p.pubseekoff(0, 1, 3);
    ok((long long)pos == -1, "the default seekoff: -1");
    ok(p.pubsetbuf(nullptr, 0) == &p, "the default setbuf: the buffer");
}

/* the unsigned short instantiation: the same functions */
class ubuf : public std::basic_streambuf<unsigned short, std::char_traits<unsigned short>>
{
public:
    using basic_streambuf::setg;
};

static void test_unsigned_short(void)
{
    ubuf u;
    unsigned short text[3] = { 0x41, 0x8000, 0 };

    u.setg(text, text, text + 2);
    ok(u.sbumpc() == 0x41 && u.sgetc() == 0x8000, "basic_streambuf<unsigned short>: the same behaviour");
    ok(u.sputc(1) == 0xffff, "basic_streambuf<unsigned short>: WEOF from the default overflow");
}

extern "C" void start(void)
{
    SetErrorMode(0x8003);
    test_put();
    test_get();
    test_defaults();
    test_unsigned_short();
    ExitProcess(test_summary("wiostream"));
}
