/*
 * tests/msvc/msvcios.h — msvcp140's iostreams for char (and the wchar_t
 * ones: basic_streambuf, basic_ios, basic_ostream, basic_istream) as an x64 MSVC
 * program sees them: the classes laid out as MSVC's <xiosbase>, <streambuf>,
 * <ios>, <ostream>, <istream> and <xlocale> lay them out (explicit
 * instantiations imported whole from msvcp140.dll, virtual bases with
 * vtordisp, as MSVC's #pragma vtordisp(2) around the stream classes gives),
 * declared here without Microsoft's headers. Members are declared, not
 * defined, so that every call goes to the DLL by its decorated name: what
 * a program built with /MD imports where MSVC did not inline.
 */
#ifndef WLX_MSVCIOS_H
#define WLX_MSVCIOS_H

typedef long long streamsize_;
extern "C" struct _iobuf;
typedef _iobuf FILE_;

extern "C" struct _Mbstatet { unsigned long _Wchar; unsigned short _Byte, _State; };
struct tm { int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst; };

namespace std {
typedef unsigned long long size_t;
typedef long long streamoff;
typedef long long streamsize;

/* int_type as MSVC's char_traits has it: int for char, wint_t (unsigned
   short) for wchar_t and unsigned short */
template <class E> struct char_traits {};
template <> struct char_traits<char> { typedef int int_type; };
template <> struct char_traits<wchar_t> { typedef unsigned short int_type; };
template <> struct char_traits<unsigned short> { typedef unsigned short int_type; };

template <class S> class fpos
{
public:
    fpos(streamoff off = 0) : _Myoff(off), _Fpos(0), _Mystate() {}
    operator streamoff() const { return _Myoff + _Fpos; }
    streamoff _Myoff;
    long long _Fpos;
    S _Mystate;
};
typedef fpos<_Mbstatet> streampos;

class __declspec(dllimport) _Lockit
{
public:
    explicit _Lockit(int kind);
    ~_Lockit();
private:
    int _Locktype;
};

template <class E> class _Yarn
{
public:
    _Yarn();
    _Yarn(const _Yarn &);
    _Yarn(const E *);
    ~_Yarn();
    _Yarn &operator=(const _Yarn &);
    _Yarn &operator=(const E *);
    bool empty() const;
    const E *c_str() const;
    bool _Empty() const;
    const E *_C_str() const;
    E *_Myptr;
    E _Nul;
private:
    void _Tidy();
};
extern template class __declspec(dllimport) _Yarn<char>;
extern template class __declspec(dllimport) _Yarn<wchar_t>;

class _Locinfo
{
public:
    __declspec(dllimport) static void __cdecl _Locinfo_ctor(_Locinfo *, const char *);
    __declspec(dllimport) static void __cdecl _Locinfo_ctor(_Locinfo *, int, const char *);
    __declspec(dllimport) static void __cdecl _Locinfo_dtor(_Locinfo *);
    __declspec(dllimport) static _Locinfo &__cdecl _Locinfo_Addcats(_Locinfo *, int, const char *);
    _Lockit _Lock;
    _Yarn<char> _Days, _Months;
    _Yarn<wchar_t> _W_Days, _W_Months;
    _Yarn<char> _Oldlocname, _Newlocname;
};

class _Facet_base
{
public:
    virtual ~_Facet_base() {}
    virtual void _Incref() = 0;
    virtual _Facet_base *_Decref() = 0;
};

class locale
{
    friend struct msvcios_probe;
public:
    class __declspec(dllimport) id
    {
    public:
        id(size_t val = 0) : _Id(val) {}
        size_t _Id;
    private:
        static int _Id_cnt;
        friend struct msvcios_probe;
    };
    class __declspec(dllimport) facet : public _Facet_base
    {
    public:
        void _Incref() override;
        _Facet_base *_Decref() override;
        static size_t __cdecl _Getcat(const facet ** = nullptr, const locale * = nullptr);
        long _Myrefs;
    protected:
        explicit facet(size_t refs = 0);
        ~facet() override;
    };
    class __declspec(dllimport) _Locimp : public facet
    {
        friend struct msvcios_probe;
    private:
        static _Locimp *__cdecl _New_Locimp(bool = false);
        static _Locimp *__cdecl _New_Locimp(const _Locimp &);
        static void __cdecl _Locimp_dtor(_Locimp *);
        static void __cdecl _Locimp_Addfac(_Locimp *, facet *, size_t);
        static void __cdecl _Locimp_ctor(_Locimp *, const _Locimp &);
        static _Locimp *_Clocptr;
    public:
        facet **_Facetvec;
        size_t _Facetcount;
        int _Catmask;
        bool _Xparent;
        _Yarn<char> _Name;
    };
    locale() : _Ptr(_Init(true)) {}
    locale(const locale &other) : _Ptr(other._Ptr) { _Ptr->_Incref(); }
    ~locale() { if (_Ptr) delete _Ptr->_Decref(); }
    __declspec(dllimport) static const locale &__cdecl classic();
    __declspec(dllimport) static locale __cdecl global(const locale &);
    __declspec(dllimport) static locale __cdecl empty();
    _Locimp *_Ptr;
private:
    __declspec(dllimport) static _Locimp *__cdecl _Init(bool = false);
    __declspec(dllimport) static _Locimp *__cdecl _Getgloballocale();
    __declspec(dllimport) static void __cdecl _Setgloballocale(void *);
};

template <class S> class codecvt_ : public locale::facet {};

class __declspec(dllimport) codecvt_base : public locale::facet
{
public:
    bool always_noconv() const { return do_always_noconv(); }
    int max_length() const { return do_max_length(); }
    int encoding() const { return do_encoding(); }
protected:
    virtual bool do_always_noconv() const;
    virtual int do_max_length() const;
    virtual int do_encoding() const;
};

template <class E, class B, class S> class codecvt : public codecvt_base
{
public:
    int in(S &st, const B *f1, const B *l1, const B *&m1, E *f2, E *l2, E *&m2) const { return do_in(st, f1, l1, m1, f2, l2, m2); }
    int out(S &st, const E *f1, const E *l1, const E *&m1, B *f2, B *l2, B *&m2) const { return do_out(st, f1, l1, m1, f2, l2, m2); }
    int length(S &st, const B *f1, const B *l1, size_t n) const { return do_length(st, f1, l1, n); }
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
    explicit codecvt(size_t = 0);
protected:
    virtual int do_in(S &, const B *, const B *, const B *&, E *, E *, E *&) const;
    virtual int do_out(S &, const E *, const E *, const E *&, B *, B *, B *&) const;
    virtual int do_unshift(S &, B *, B *, B *&) const;
    virtual int do_length(S &, const B *, const B *, size_t) const;
};
extern template class __declspec(dllimport) codecvt<char, char, _Mbstatet>;
extern template class __declspec(dllimport) codecvt<wchar_t, char, _Mbstatet>;
template <class E> class ctype;
struct __declspec(dllimport) ctype_base : locale::facet
{
    enum { alnum = 0x107, alpha = 0x103, cntrl = 0x20, digit = 0x4, graph = 0x117, lower = 0x2, print = 0x1d7,
           punct = 0x10, space = 0x48, upper = 0x1, xdigit = 0x80, blank = 0x48 };
    typedef short mask;
    ctype_base(size_t refs = 0);
    ~ctype_base() noexcept;
};
struct _Ctypevec_ { unsigned long _Page; const short *_Table; int _Delfl; wchar_t *_LocaleName; };
template <> class __declspec(dllimport) ctype<char> : public ctype_base
{
public:
    bool is(mask, char) const;
    const char *is(const char *, const char *, mask *) const;
    const char *scan_is(mask, const char *, const char *) const;
    const char *scan_not(mask, const char *, const char *) const;
    char tolower(char) const;
    const char *tolower(char *, const char *) const;
    char toupper(char) const;
    const char *toupper(char *, const char *) const;
    char widen(char) const;
    const char *widen(const char *, const char *, char *) const;
    char narrow(char, char = '\0') const;
    const char *narrow(const char *, const char *, char, char *) const;
    static locale::id id;
    explicit ctype(const mask * = nullptr, bool = false, size_t = 0);
    ctype(const _Locinfo &, size_t = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    const mask *table() const noexcept;
    static const mask *__cdecl classic_table() noexcept;
protected:
    virtual ~ctype() noexcept;
    virtual char do_tolower(char) const;
    virtual const char *do_tolower(char *, const char *) const;
    virtual char do_toupper(char) const;
    virtual const char *do_toupper(char *, const char *) const;
    virtual char do_widen(char) const;
    virtual const char *do_widen(const char *, const char *, char *) const;
    virtual char do_narrow(char, char) const;
    virtual const char *do_narrow(const char *, const char *, char, char *) const;
private:
    _Ctypevec_ _Ctype;
};
struct _Cvtvec_ { unsigned int _Page; unsigned int _Mbcurmax; int _Isclocale; unsigned char _Isleadbyte[32]; };
template <> class __declspec(dllimport) ctype<wchar_t> : public ctype_base
{
public:
    bool is(mask, wchar_t) const;
    const wchar_t *is(const wchar_t *, const wchar_t *, mask *) const;
    const wchar_t *scan_is(mask, const wchar_t *, const wchar_t *) const;
    const wchar_t *scan_not(mask, const wchar_t *, const wchar_t *) const;
    wchar_t tolower(wchar_t) const;
    const wchar_t *tolower(wchar_t *, const wchar_t *) const;
    wchar_t toupper(wchar_t) const;
    const wchar_t *toupper(wchar_t *, const wchar_t *) const;
    wchar_t widen(char) const;
    const char *widen(const char *, const char *, wchar_t *) const;
    char narrow(wchar_t, char = '\0') const;
    const wchar_t *narrow(const wchar_t *, const wchar_t *, char, char *) const;
    static locale::id id;
    explicit ctype(size_t = 0);
    ctype(const _Locinfo &, size_t = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
protected:
    virtual ~ctype() noexcept;
    virtual bool do_is(mask, wchar_t) const;
    virtual const wchar_t *do_is(const wchar_t *, const wchar_t *, mask *) const;
    virtual const wchar_t *do_scan_is(mask, const wchar_t *, const wchar_t *) const;
    virtual const wchar_t *do_scan_not(mask, const wchar_t *, const wchar_t *) const;
    virtual wchar_t do_tolower(wchar_t) const;
    virtual const wchar_t *do_tolower(wchar_t *, const wchar_t *) const;
    virtual wchar_t do_toupper(wchar_t) const;
    virtual const wchar_t *do_toupper(wchar_t *, const wchar_t *) const;
    wchar_t _Dowiden(char) const;
    virtual wchar_t do_widen(char) const;
    virtual const char *do_widen(const char *, const char *, wchar_t *) const;
    char _Donarrow(wchar_t, char) const;
    virtual char do_narrow(wchar_t, char) const;
    virtual const wchar_t *do_narrow(const wchar_t *, const wchar_t *, char, char *) const;
private:
    _Ctypevec_ _Ctype;
    _Cvtvec_ _Cvt;
};
template <class E> class numpunct { public: static locale::id id; };
extern template class __declspec(dllimport) numpunct<char>;
template <class E, class T> class basic_streambuf;
/* as MSVC's: the buffer (nullptr at the end), whether the character was read, the character */
template <class E, class T> class istreambuf_iterator
{
public:
    istreambuf_iterator() : _Strbuf(nullptr), _Got(true), _Val() {}
    istreambuf_iterator(basic_streambuf<E, T> *sb) : _Strbuf(sb), _Got(!sb), _Val() {}
    bool at_end() const { return !_Strbuf; }
    basic_streambuf<E, T> *_Strbuf;
    bool _Got;
    E _Val;
};
template <class E, class T> class basic_streambuf;
/* as MSVC's: whether a write failed, and the buffer */
template <class E, class T> class ostreambuf_iterator
{
public:
    ostreambuf_iterator(basic_streambuf<E, T> *sb) : _Failed(false), _Strbuf(sb) {}
    bool failed() const { return _Failed; }
    bool _Failed;
    basic_streambuf<E, T> *_Strbuf;
};
template <class E, class I> class num_get;
template <class E, class I> class num_put;
template <class E> class collate { public: static locale::id id; };
extern template class __declspec(dllimport) collate<char>;

class __declspec(dllimport) ios_base
{
    friend struct msvcios_probe;
public:
    enum { skipws = 1, unitbuf = 2, uppercase = 4, showbase = 8, showpoint = 0x10, showpos = 0x20, left = 0x40,
           right = 0x80, internal = 0x100, dec = 0x200, oct = 0x400, hex = 0x800, scientific = 0x1000,
           fixed = 0x2000, boolalpha = 0x4000, adjustfield = 0x1c0, basefield = 0xe00, floatfield = 0x3000 };
    enum { goodbit = 0, eofbit = 1, failbit = 2, badbit = 4 };
    enum { in = 1, out = 2, ate = 4, app = 8, trunc = 0x10, binary = 0x20 };
    enum { beg = 0, cur = 1, end = 2 };
    enum event { erase_event, imbue_event, copyfmt_event };
    typedef void(__cdecl *event_callback)(event, ios_base &, int);
    class __declspec(dllimport) Init
    {
    public:
        Init();
        ~Init();
    private:
        static void __cdecl _Init_ctor(Init *);
        static void __cdecl _Init_dtor(Init *);
        static int _Init_cnt;
        static int &__cdecl _Init_cnt_func();
        friend struct msvcios_probe;
    };
    explicit operator bool() const;
    bool operator!() const;
    void clear(int, bool);
    void clear(int = 0);
    void clear(unsigned int);
    int rdstate() const;
    void setstate(int, bool);
    void setstate(int);
    void setstate(unsigned int);
    bool good() const;
    bool eof() const;
    bool fail() const;
    bool bad() const;
    int exceptions() const;
    void exceptions(int);
    void exceptions(unsigned int);
    int flags() const;
    int flags(int);
    int setf(int);
    int setf(int, int);
    void unsetf(int);
    streamsize precision() const;
    streamsize precision(streamsize);
    streamsize width() const;
    streamsize width(streamsize);
    locale getloc() const;
    locale imbue(const locale &);
    static int __cdecl xalloc();
    long &iword(int);
    void *&pword(int);
    void register_callback(event_callback, int);
    ios_base &copyfmt(const ios_base &);
    static bool __cdecl sync_with_stdio(bool = true);
    void swap(ios_base &);
    virtual ~ios_base();
    static void __cdecl _Addstd(ios_base *);
    size_t _Stdstr;
protected:
    ios_base();
    void _Init();
private:
    static void __cdecl _Ios_base_dtor(ios_base *);
    static int _Index;
    static bool _Sync;
public:
    int _Mystate, _Except, _Fmtfl;
    streamsize _Prec, _Wide;
    void *_Arr, *_Calls;
    locale *_Ploc;
};

template <class E, class T> class basic_ostream;
template <class E, class T> class basic_istream;

template <class E, class T> class basic_streambuf
{
    friend struct msvcios_probe;
protected:
    basic_streambuf();
    basic_streambuf(const basic_streambuf &);
    basic_streambuf &operator=(const basic_streambuf &);
    void swap(basic_streambuf &);
public:
    virtual ~basic_streambuf();
    locale getloc() const;
    locale pubimbue(const locale &);
    streamsize in_avail();
    int pubsync();
    typename T::int_type sbumpc();
    typename T::int_type sgetc();
    streamsize sgetn(E *, streamsize);
    typename T::int_type snextc();
    typename T::int_type sputbackc(E);
    typename T::int_type sungetc();
    typename T::int_type sputc(E);
    streamsize sputn(const E *, streamsize);
    void stossc();
    fpos<_Mbstatet> pubseekoff(streamoff, int, int = 3);
    fpos<_Mbstatet> pubseekpos(fpos<_Mbstatet>, int = 3);
    basic_streambuf *pubsetbuf(E *, streamsize);
    virtual void _Lock();
    virtual void _Unlock();
protected:
    E *eback() const;
    E *gptr() const;
    E *egptr() const;
    E *pbase() const;
    E *pptr() const;
    E *epptr() const;
    void gbump(int);
    void pbump(int);
    void setg(E *, E *, E *);
    void setp(E *, E *);
    void setp(E *, E *, E *);
    streamsize _Gnavail() const;
    streamsize _Pnavail() const;
    E *_Gndec();
    E *_Gninc();
    E *_Gnpreinc();
    E *_Pninc();
    void _Init();
    void _Init(E **, E **, int *, E **, E **, int *);
    virtual typename T::int_type overflow(typename T::int_type = (typename T::int_type)-1);
    virtual typename T::int_type pbackfail(typename T::int_type = (typename T::int_type)-1);
    virtual streamsize showmanyc();
    virtual typename T::int_type underflow();
    virtual typename T::int_type uflow();
    virtual streamsize xsgetn(E *, streamsize);
    virtual streamsize xsputn(const E *, streamsize);
    virtual fpos<_Mbstatet> seekoff(streamoff, int, int = 3);
    virtual fpos<_Mbstatet> seekpos(fpos<_Mbstatet>, int = 3);
    virtual basic_streambuf *setbuf(E *, streamsize);
    virtual int sync();
    virtual void imbue(const locale &);
private:
    E *_Gfirst, *_Pfirst, **_IGfirst, **_IPfirst, *_Gnext, *_Pnext, **_IGnext, **_IPnext;
    int _Gcount, _Pcount, *_IGcount, *_IPcount;
protected:
    locale *_Plocale;
};

template <class E, class T> class basic_ios : public ios_base
{
    friend struct msvcios_probe;
public:
    explicit basic_ios(basic_streambuf<E, T> *);
    ~basic_ios() override;
    void clear(int = 0, bool = false);
    void setstate(int, bool = false);
    void clear(unsigned int);
    void setstate(unsigned int);
    basic_ios &copyfmt(const basic_ios &);
    basic_ostream<E, T> *tie() const;
    basic_ostream<E, T> *tie(basic_ostream<E, T> *);
    basic_streambuf<E, T> *rdbuf() const;
    basic_streambuf<E, T> *rdbuf(basic_streambuf<E, T> *);
    locale imbue(const locale &);
    E fill() const;
    E fill(E);
    char narrow(E, char = '\0') const;
    E widen(char) const;
    void move(basic_ios &);
    void swap(basic_ios &);
    void set_rdbuf(basic_streambuf<E, T> *);
protected:
    void init(basic_streambuf<E, T> * = nullptr, bool = false);
    basic_ios();
private:
    basic_streambuf<E, T> *_Mystrbuf;
    basic_ostream<E, T> *_Tiestr;
    E _Fillch;
};

#pragma vtordisp(push, 2)
template <class E, class T> class basic_ostream : virtual public basic_ios<E, T>
{
    friend struct msvcios_probe;
public:
    explicit basic_ostream(basic_streambuf<E, T> *, bool = false);
    ~basic_ostream() override;
protected:
    basic_ostream(basic_ostream &&);
    basic_ostream &operator=(basic_ostream &&);
    void swap(basic_ostream &);
public:
    /* inline, as MSVC's header has them (Wine's msvcp140 exports none) */
    class _Sentry_base
    {
    public:
        _Sentry_base(basic_ostream &os) : _Myostr(os) { if (os.rdbuf()) os.rdbuf()->_Lock(); }
        ~_Sentry_base() { if (_Myostr.rdbuf()) _Myostr.rdbuf()->_Unlock(); }
        basic_ostream &_Myostr;
    };
    class sentry : public _Sentry_base
    {
    public:
        explicit sentry(basic_ostream &os) : _Sentry_base(os)
        {
            if (!os.good()) { _Ok = false; return; }
            if (!os.tie() || os.tie() == &os) { _Ok = true; return; }
            os.tie()->flush();
            _Ok = os.good();
        }
        ~sentry() { if (!uncaught_exception_()) this->_Myostr._Osfx(); }
        explicit operator bool() const { return _Ok; }
    private:
        static bool uncaught_exception_();
        bool _Ok;
    };
    bool opfx();
    void osfx();
    basic_ostream &operator<<(basic_ostream &(__cdecl *)(basic_ostream &));
    basic_ostream &operator<<(basic_ios<E, T> &(__cdecl *)(basic_ios<E, T> &));
    basic_ostream &operator<<(ios_base &(__cdecl *)(ios_base &));
    basic_ostream &operator<<(bool);
    basic_ostream &operator<<(short);
    basic_ostream &operator<<(unsigned short);
    basic_ostream &operator<<(int);
    basic_ostream &operator<<(unsigned int);
    basic_ostream &operator<<(long);
    basic_ostream &operator<<(unsigned long);
    basic_ostream &operator<<(long long);
    basic_ostream &operator<<(unsigned long long);
    basic_ostream &operator<<(float);
    basic_ostream &operator<<(double);
    basic_ostream &operator<<(long double);
    basic_ostream &operator<<(const void *);
    basic_ostream &operator<<(basic_streambuf<E, T> *);
    basic_ostream &put(E);
    basic_ostream &write(const E *, streamsize);
    basic_ostream &flush();
    basic_ostream &seekp(streamoff, int);
    basic_ostream &seekp(fpos<_Mbstatet>);
    fpos<_Mbstatet> tellp();
    void _Osfx();
};

template <class E, class T> class basic_istream : virtual public basic_ios<E, T>
{
    friend struct msvcios_probe;
public:
    explicit basic_istream(basic_streambuf<E, T> *, bool = false);
protected:
    basic_istream(basic_istream &&);
    basic_istream &operator=(basic_istream &&);
    void swap(basic_istream &);
public:
    ~basic_istream() override;
    class _Sentry_base
    {
    public:
        _Sentry_base(basic_istream &);
        ~_Sentry_base();
        basic_istream &_Myistr;
    };
    class sentry : public _Sentry_base
    {
    public:
        explicit sentry(basic_istream &, bool = false);
        ~sentry();
        explicit operator bool() const;
    private:
        bool _Ok;
    };
    bool _Ipfx(bool = false);
    bool ipfx(bool = false);
    void isfx();
    basic_istream &operator>>(basic_istream &(__cdecl *)(basic_istream &));
    basic_istream &operator>>(basic_ios<E, T> &(__cdecl *)(basic_ios<E, T> &));
    basic_istream &operator>>(ios_base &(__cdecl *)(ios_base &));
    basic_istream &operator>>(basic_streambuf<E, T> *);
    basic_istream &operator>>(bool &);
    basic_istream &operator>>(short &);
    basic_istream &operator>>(unsigned short &);
    basic_istream &operator>>(int &);
    basic_istream &operator>>(unsigned int &);
    basic_istream &operator>>(long &);
    basic_istream &operator>>(unsigned long &);
    basic_istream &operator>>(long long &);
    basic_istream &operator>>(unsigned long long &);
    basic_istream &operator>>(float &);
    basic_istream &operator>>(double &);
    basic_istream &operator>>(long double &);
    basic_istream &operator>>(void *&);
    typename T::int_type get();
    basic_istream &get(E &);
    basic_istream &get(E *, streamsize);
    basic_istream &get(E *, streamsize, E);
    basic_istream &get(basic_streambuf<E, T> &);
    basic_istream &get(basic_streambuf<E, T> &, E);
    basic_istream &getline(E *, streamsize);
    basic_istream &getline(E *, streamsize, E);
    basic_istream &ignore(streamsize = 1, typename T::int_type = (typename T::int_type)-1);
    typename T::int_type peek();
    basic_istream &read(E *, streamsize);
    streamsize readsome(E *, streamsize);
    basic_istream &putback(E);
    basic_istream &unget();
    streamsize gcount() const;
    int sync();
    fpos<_Mbstatet> tellg();
    basic_istream &seekg(streamoff, int);
    basic_istream &seekg(fpos<_Mbstatet>);
private:
    streamsize _Chcount;
};

template <class E, class T> class basic_iostream : public basic_istream<E, T>, public basic_ostream<E, T>
{
    friend struct msvcios_probe;
public:
    explicit basic_iostream(basic_streambuf<E, T> *);
    ~basic_iostream() override;
protected:
    basic_iostream(basic_iostream &&);
    basic_iostream &operator=(basic_iostream &&);
    void swap(basic_iostream &);
};
#pragma vtordisp(pop)

extern template class __declspec(dllimport) basic_streambuf<char, char_traits<char>>;
extern template class __declspec(dllimport) basic_streambuf<wchar_t, char_traits<wchar_t>>;
extern template class __declspec(dllimport) basic_streambuf<unsigned short, char_traits<unsigned short>>;
extern template class __declspec(dllimport) basic_ios<char, char_traits<char>>;
extern template class __declspec(dllimport) basic_ostream<char, char_traits<char>>;
extern template class __declspec(dllimport) basic_istream<char, char_traits<char>>;
extern template class __declspec(dllimport) basic_ios<wchar_t, char_traits<wchar_t>>;
extern template class __declspec(dllimport) basic_ostream<wchar_t, char_traits<wchar_t>>;
extern template class __declspec(dllimport) basic_ios<unsigned short, char_traits<unsigned short>>;
extern template class __declspec(dllimport) basic_ostream<unsigned short, char_traits<unsigned short>>;
extern template class __declspec(dllimport) basic_istream<wchar_t, char_traits<wchar_t>>;
extern template class __declspec(dllimport) basic_iostream<wchar_t, char_traits<wchar_t>>;
extern template class __declspec(dllimport) basic_iostream<char, char_traits<char>>;

/* time_put as MSVC's <xloctime> declares it */
template <class E, class I> class time_put : public locale::facet
{
public:
    static locale::id id;
    explicit time_put(size_t = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    I put(I, ios_base &, E, const ::tm *, const E *, const E *) const;
    I put(I, ios_base &, E, const ::tm *, char, char = 0) const;
protected:
    virtual ~time_put() noexcept;
    virtual I do_put(I, ios_base &, E, const ::tm *, char, char) const;
};
extern template class __declspec(dllimport) time_put<char, ostreambuf_iterator<char, char_traits<char>>>;
extern template class __declspec(dllimport) time_put<wchar_t, ostreambuf_iterator<wchar_t, char_traits<wchar_t>>>;

/* num_get as MSVC's <xlocnum> declares it: do_get's overloads in this order */
template <class E, class I> class num_get : public locale::facet
{
public:
    static locale::id id;
    explicit num_get(size_t = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    I get(I, I, ios_base &, int &, bool &) const;
    I get(I, I, ios_base &, int &, unsigned short &) const;
    I get(I, I, ios_base &, int &, unsigned int &) const;
    I get(I, I, ios_base &, int &, long &) const;
    I get(I, I, ios_base &, int &, unsigned long &) const;
    I get(I, I, ios_base &, int &, long long &) const;
    I get(I, I, ios_base &, int &, unsigned long long &) const;
    I get(I, I, ios_base &, int &, float &) const;
    I get(I, I, ios_base &, int &, double &) const;
    I get(I, I, ios_base &, int &, long double &) const;
    I get(I, I, ios_base &, int &, void *&) const;
protected:
    virtual ~num_get() noexcept;
    virtual I do_get(I, I, ios_base &, int &, bool &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned short &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned int &) const;
    virtual I do_get(I, I, ios_base &, int &, long &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned long &) const;
    virtual I do_get(I, I, ios_base &, int &, long long &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned long long &) const;
    virtual I do_get(I, I, ios_base &, int &, float &) const;
    virtual I do_get(I, I, ios_base &, int &, double &) const;
    virtual I do_get(I, I, ios_base &, int &, long double &) const;
    virtual I do_get(I, I, ios_base &, int &, void *&) const;
};
extern template class __declspec(dllimport) num_get<char, istreambuf_iterator<char, char_traits<char>>>;
extern template class __declspec(dllimport) num_get<wchar_t, istreambuf_iterator<wchar_t, char_traits<wchar_t>>>;

/* num_put as MSVC's <xlocnum> declares it: do_put's overloads in this order */
template <class E, class I> class num_put : public locale::facet
{
public:
    static locale::id id;
    explicit num_put(size_t = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    I put(I, ios_base &, E, bool) const;
    I put(I, ios_base &, E, long) const;
    I put(I, ios_base &, E, unsigned long) const;
    I put(I, ios_base &, E, long long) const;
    I put(I, ios_base &, E, unsigned long long) const;
    I put(I, ios_base &, E, double) const;
    I put(I, ios_base &, E, long double) const;
    I put(I, ios_base &, E, const void *) const;
protected:
    virtual ~num_put() noexcept;
    virtual I do_put(I, ios_base &, E, bool) const;
    virtual I do_put(I, ios_base &, E, long) const;
    virtual I do_put(I, ios_base &, E, unsigned long) const;
    virtual I do_put(I, ios_base &, E, long long) const;
    virtual I do_put(I, ios_base &, E, unsigned long long) const;
    virtual I do_put(I, ios_base &, E, double) const;
    virtual I do_put(I, ios_base &, E, long double) const;
    virtual I do_put(I, ios_base &, E, const void *) const;
};
extern template class __declspec(dllimport) num_put<char, ostreambuf_iterator<char, char_traits<char>>>;
extern template class __declspec(dllimport) num_put<wchar_t, ostreambuf_iterator<wchar_t, char_traits<wchar_t>>>;

typedef basic_streambuf<char, char_traits<char>> streambuf;
typedef basic_ios<char, char_traits<char>> ios;
typedef basic_ostream<char, char_traits<char>> ostream;
typedef basic_istream<char, char_traits<char>> istream;
typedef basic_iostream<char, char_traits<char>> iostream;

__declspec(dllimport) extern ostream cout, cerr, clog;
__declspec(dllimport) extern istream cin;
typedef basic_streambuf<wchar_t, char_traits<wchar_t>> wstreambuf;
typedef basic_ios<wchar_t, char_traits<wchar_t>> wios;
typedef basic_ostream<wchar_t, char_traits<wchar_t>> wostream;
__declspec(dllimport) extern wostream wcout, wcerr, wclog;
typedef basic_istream<wchar_t, char_traits<wchar_t>> wistream;
typedef basic_iostream<wchar_t, char_traits<wchar_t>> wiostream;
__declspec(dllimport) extern wistream wcin;

template <class A> struct _Smanip { void(__cdecl *_Pfun)(ios_base &, A); A _Manarg; };
__declspec(dllimport) FILE_ *__cdecl _Fiopen(const char *, int, int);
__declspec(dllimport) FILE_ *__cdecl _Fiopen(const wchar_t *, int, int);
__declspec(dllimport) _Smanip<streamsize> __cdecl setw(streamsize);
__declspec(dllimport) _Smanip<streamsize> __cdecl setprecision(streamsize);
__declspec(dllimport) _Smanip<int> __cdecl setiosflags(int);
__declspec(dllimport) _Smanip<int> __cdecl resetiosflags(int);
__declspec(dllimport) bool __cdecl uncaught_exception();
template <class E, class T> inline bool basic_ostream<E, T>::sentry::uncaught_exception_() { return uncaught_exception(); }
}

/* <ostream>'s inserters of a character and a string: templates the
   program instantiates itself over msvcp140's sentry, sputc, sputn, width
   and fill (the standard's padding rules) */
inline std::ostream &put_padded_(std::ostream &os, const char *s, std::streamsize n)
{
    int state = 0;
    std::streamsize pad = os.width() <= 0 || os.width() <= n ? 0 : os.width() - n;
    const std::ostream::sentry guard(os);
    if (!guard) state = std::ios_base::badbit;
    else
    {
        if ((os.flags() & std::ios_base::adjustfield) != std::ios_base::left)
            for (; pad > 0; pad--) if (os.rdbuf()->sputc(os.fill()) == -1) { state = std::ios_base::badbit; break; }
        if (!state && os.rdbuf()->sputn(s, n) != n) state = std::ios_base::badbit;
        if (!state) for (; pad > 0; pad--) if (os.rdbuf()->sputc(os.fill()) == -1) { state = std::ios_base::badbit; break; }
        os.width(0);
    }
    os.setstate(state);
    return os;
}
inline std::ostream &operator<<(std::ostream &os, const char *s)
{
    std::streamsize n = 0;
    while (s[n]) n++;
    return put_padded_(os, s, n);
}
inline std::ostream &operator<<(std::ostream &os, char c) { return put_padded_(os, &c, 1); }

/* the same for wchar_t: WEOF (0xffff) is the buffer's refusal */
inline std::wostream &put_padded_(std::wostream &os, const wchar_t *s, std::streamsize n)
{
    int state = 0;
    const unsigned short weof = 0xffff;
    std::streamsize pad = os.width() <= 0 || os.width() <= n ? 0 : os.width() - n;
    const std::wostream::sentry guard(os);
    if (!guard) state = std::ios_base::badbit;
    else
    {
        if ((os.flags() & std::ios_base::adjustfield) != std::ios_base::left)
            for (; pad > 0; pad--) if (os.rdbuf()->sputc(os.fill()) == weof) { state = std::ios_base::badbit; break; }
        if (!state && os.rdbuf()->sputn(s, n) != n) state = std::ios_base::badbit;
        if (!state) for (; pad > 0; pad--) if (os.rdbuf()->sputc(os.fill()) == weof) { state = std::ios_base::badbit; break; }
        os.width(0);
    }
    os.setstate(state);
    return os;
}
inline std::wostream &operator<<(std::wostream &os, const wchar_t *s)
{
    std::streamsize n = 0;
    while (s[n]) n++;
    return put_padded_(os, s, n);
}
inline std::wostream &operator<<(std::wostream &os, wchar_t c) { return put_padded_(os, &c, 1); }

/* what <iomanip>'s inline operator<< does with an _Smanip */
template <class A> inline std::ostream &operator<<(std::ostream &os, const std::_Smanip<A> &m)
{
    (*m._Pfun)(os, m._Manarg);
    return os;
}
template <class A> inline std::wostream &operator<<(std::wostream &os, const std::_Smanip<A> &m)
{
    (*m._Pfun)(os, m._Manarg);
    return os;
}
template <class A> inline std::istream &operator>>(std::istream &is, const std::_Smanip<A> &m)
{
    (*m._Pfun)(is, m._Manarg);
    return is;
}

#endif
