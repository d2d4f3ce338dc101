/*
 * tests/ucrtbase/undname.c — the C++ name undecorator: ucrtbase's
 * __unDName and __unDNameEx, the same exports of msvcrt and vcruntime140
 * (forwarded to ucrtbase), and type_info's names (__std_type_info_name,
 * msvcrt's type_info::name), which Windows makes with the undecorator.
 *
 * The names: exports of Microsoft's C++ runtimes (msvcp140, concrt140 and
 * msvcrt, as MSVC decorates them, 64-bit and 32-bit), examples of the
 * public descriptions of the scheme, and two globals of Windows' notepad.exe
 * whose undecoration by Windows' undname.exe is public.  The expected
 * strings are Windows' (the flag values are those Microsoft documents for
 * UnDecorateSymbolName and IDiaSymbol::get_undecoratedNameEx; 0x2000 is
 * UNDNAME_TYPE_ONLY, "input is just a type encoding").  Wine implements the
 * undecorator too and agrees on nearly all of them; each row where Wine 8
 * does not says why.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>

#define UNDNAME_COMPLETE 0

typedef void *(__cdecl *alloc_fn)(size_t);
typedef void (__cdecl *free_fn)(void *);
typedef char *(__cdecl *undname_fn)(char *, const char *, int, alloc_fn, free_fn, unsigned short);
typedef char *(__cdecl *undname_ex_fn)(char *, const char *, int, alloc_fn, free_fn, char *(__cdecl *)(long),
                                       unsigned short);

static const struct
{
    const char *name;
    unsigned short flags;
    const char *expect;
    int wine_differs;   /* Wine 8 gives something else: see the comment above the row */
} names[] =
{
    { "??0?$_Yarn@D@std@@QEAA@AEBV01@@Z", UNDNAME_COMPLETE, "public: __cdecl std::_Yarn<char>::_Yarn<char>(class std::_Yarn<char> const & __ptr64) __ptr64" },
    { "??0exception@std@@QEAA@AEBQEBD@Z", UNDNAME_COMPLETE, "public: __cdecl std::exception::exception(char const * __ptr64 const & __ptr64) __ptr64" },
    { "??0bad_cast@std@@AEAA@PEBQEBD@Z", UNDNAME_COMPLETE, "private: __cdecl std::bad_cast::bad_cast(char const * __ptr64 const * __ptr64) __ptr64" },
    { "??1type_info@@UEAA@XZ", UNDNAME_COMPLETE, "public: virtual __cdecl type_info::~type_info(void) __ptr64" },
    { "??4_bstr_t@@QEAAAEAV0@AEBV0@@Z", UNDNAME_COMPLETE, "public: class _bstr_t & __ptr64 __cdecl _bstr_t::operator=(class _bstr_t const & __ptr64) __ptr64" },
    { "??_7exception@std@@6B@", UNDNAME_COMPLETE, "const std::exception::`vftable'" },
    { "??_7type_info@@6B@", UNDNAME_COMPLETE, "const type_info::`vftable'" },
    { "??_R0?AVexception@std@@@8", UNDNAME_COMPLETE, "class std::exception `RTTI Type Descriptor'" },
    { "??_R0?AVbad_alloc@std@@@8", UNDNAME_COMPLETE, "class std::bad_alloc `RTTI Type Descriptor'" },
    { "??_R1A@?0A@EA@exception@std@@8", UNDNAME_COMPLETE, "std::exception::`RTTI Base Class Descriptor at (0,-1,0,64)'" },
    { "??_R2exception@std@@8", UNDNAME_COMPLETE, "std::exception::`RTTI Base Class Array'" },
    { "??_R3exception@std@@8", UNDNAME_COMPLETE, "std::exception::`RTTI Class Hierarchy Descriptor'" },
    { "??_R4exception@std@@6B@", UNDNAME_COMPLETE, "const std::exception::`RTTI Complete Object Locator'" },
    { "??_C@_0BA@HLEOFHPE@Hello?5World?$CB?$AA@", UNDNAME_COMPLETE, "`string'" },
    { "??_GA@@UEAAPEAXI@Z", UNDNAME_COMPLETE, "public: virtual void * __ptr64 __cdecl A::`scalar deleting destructor'(unsigned int) __ptr64" },
    { "??_EA@@UEAAPEAXI@Z", UNDNAME_COMPLETE, "public: virtual void * __ptr64 __cdecl A::`vector deleting destructor'(unsigned int) __ptr64" },
    { "??_F?$basic_filebuf@DU?$char_traits@D@std@@@std@@QEAAXXZ", UNDNAME_COMPLETE, "public: void __cdecl std::basic_filebuf<char,struct std::char_traits<char> >::`default constructor closure'(void) __ptr64" },
    { "??_D?$basic_fstream@DU?$char_traits@D@std@@@std@@QEAAXXZ", UNDNAME_COMPLETE, "public: void __cdecl std::basic_fstream<char,struct std::char_traits<char> >::`vbase destructor'(void) __ptr64" },
    { "??2@YAPEAX_K@Z", UNDNAME_COMPLETE, "void * __ptr64 __cdecl operator new(unsigned __int64)" },
    { "??3@YAXPEAX@Z", UNDNAME_COMPLETE, "void __cdecl operator delete(void * __ptr64)" },
    { "??_U@YAPEAX_K@Z", UNDNAME_COMPLETE, "void * __ptr64 __cdecl operator new[](unsigned __int64)" },
    { "??_V@YAXPEAX@Z", UNDNAME_COMPLETE, "void __cdecl operator delete[](void * __ptr64)" },
    { "??2@YAPAXI@Z", UNDNAME_COMPLETE, "void * __cdecl operator new(unsigned int)" },
    { "??3@YAXPAX@Z", UNDNAME_COMPLETE, "void __cdecl operator delete(void *)" },
    { "??0exception@@QAE@ABQBD@Z", UNDNAME_COMPLETE, "public: __thiscall exception::exception(char const * const &)" },
    { "??1type_info@@UAE@XZ", UNDNAME_COMPLETE, "public: virtual __thiscall type_info::~type_info(void)" },
    { "?what@exception@@UBEPBDXZ", UNDNAME_COMPLETE, "public: virtual char const * __thiscall exception::what(void)const " },
    { "?name@type_info@@QBEPBDXZ", UNDNAME_COMPLETE, "public: char const * __thiscall type_info::name(void)const " },
    { "??4exception@@QAEAAV0@ABV0@@Z", UNDNAME_COMPLETE, "public: class exception & __thiscall exception::operator=(class exception const &)" },
    { "??8type_info@@QBEHABV0@@Z", UNDNAME_COMPLETE, "public: int __thiscall type_info::operator==(class type_info const &)const " },
    { "?set_terminate@@YAP6AXXZP6AXXZ@Z", UNDNAME_COMPLETE, "void (__cdecl*__cdecl set_terminate(void (__cdecl*)(void)))(void)" },
    { "?_set_new_handler@@YAP6AHI@ZP6AHI@Z@Z", UNDNAME_COMPLETE, "int (__cdecl*__cdecl _set_new_handler(int (__cdecl*)(unsigned int)))(unsigned int)" },
    { "?_query_new_handler@@YAP6AH_K@ZXZ", UNDNAME_COMPLETE, "int (__cdecl*__cdecl _query_new_handler(void))(unsigned __int64)" },
    { "?what@exception@std@@UEBAPEBDXZ", UNDNAME_COMPLETE, "public: virtual char const * __ptr64 __cdecl std::exception::what(void)const __ptr64" },
    { "?name@type_info@@QEBAPEBDXZ", UNDNAME_COMPLETE, "public: char const * __ptr64 __cdecl type_info::name(void)const __ptr64" },
    { "?raw_name@type_info@@QEBAPEBDXZ", UNDNAME_COMPLETE, "public: char const * __ptr64 __cdecl type_info::raw_name(void)const __ptr64" },
    { "?h@@YAXJ@Z", UNDNAME_COMPLETE, "void __cdecl h(long)" },
    { "?f@@YAXH@Z", UNDNAME_COMPLETE, "void __cdecl f(int)" },
    { "?f@@YAXHZZ", UNDNAME_COMPLETE, "void __cdecl f(int,...)" },
    { "?f@@YAXZZ", UNDNAME_COMPLETE, "void __cdecl f(...)" },
    { "?f@@YGXXZ", UNDNAME_COMPLETE, "void __stdcall f(void)" },
    { "?f@@YIXXZ", UNDNAME_COMPLETE, "void __fastcall f(void)" },
    /* Wine 8 knows no __vectorcall (Q) */
    { "?f@@YQXXZ", UNDNAME_COMPLETE, "void __vectorcall f(void)", 1 },
    { "?f@A@@QAEXXZ", UNDNAME_COMPLETE, "public: void __thiscall A::f(void)" },
    { "?f@A@@UEBAHXZ", UNDNAME_COMPLETE, "public: virtual int __cdecl A::f(void)const __ptr64" },
    { "?f@A@@SAHXZ", UNDNAME_COMPLETE, "public: static int __cdecl A::f(void)" },
    { "?f@A@@MEAAXXZ", UNDNAME_COMPLETE, "protected: virtual void __cdecl A::f(void) __ptr64" },
    { "?f@A@@AEAAXXZ", UNDNAME_COMPLETE, "private: void __cdecl A::f(void) __ptr64" },
    { "?f@A@@CAXXZ", UNDNAME_COMPLETE, "private: static void __cdecl A::f(void)" },
    { "?f@A@@EEAAXXZ", UNDNAME_COMPLETE, "private: virtual void __cdecl A::f(void) __ptr64" },
    { "?x@@3HA", UNDNAME_COMPLETE, "int x" },
    { "?x@@3HB", UNDNAME_COMPLETE, "int const x" },
    { "?x@A@@2HA", UNDNAME_COMPLETE, "public: static int A::x" },
    { "?x@A@@0HB", UNDNAME_COMPLETE, "private: static int const A::x" },
    { "?x@A@@1PEAHEA", UNDNAME_COMPLETE, "protected: static int * __ptr64 __ptr64 A::x" },
    { "?p@@3PAHA", UNDNAME_COMPLETE, "int * p" },
    { "?p@@3PEAHEA", UNDNAME_COMPLETE, "int * __ptr64 __ptr64 p" },
    { "?p@@3PAY09HA", UNDNAME_COMPLETE, "int (* p)[10]" },
    { "?p@@3P6AXH@ZA", UNDNAME_COMPLETE, "void (__cdecl* p)(int)" },
    { "?f@@YA_N_J_K_W@Z", UNDNAME_COMPLETE, "bool __cdecl f(__int64,unsigned __int64,wchar_t)" },
    { "?f@@YAX_S_U@Z", UNDNAME_COMPLETE, "void __cdecl f(char16_t,char32_t)" },
    { "?f@@YAXCDEFGHIJKMNO@Z", UNDNAME_COMPLETE, "void __cdecl f(signed char,char,unsigned char,short,unsigned short,int,unsigned int,long,unsigned long,float,double,long double)" },
    { "?f@@YAX$$QEAH@Z", UNDNAME_COMPLETE, "void __cdecl f(int && __ptr64)" },
    { "?f@@YAX$$QAH@Z", UNDNAME_COMPLETE, "void __cdecl f(int &&)" },
    { "?f@@YAXAEBVA@@@Z", UNDNAME_COMPLETE, "void __cdecl f(class A const & __ptr64)" },
    { "?f@@YAXPAPAD@Z", UNDNAME_COMPLETE, "void __cdecl f(char * *)" },
    { "?f@@YAXPAXPBX01@Z", UNDNAME_COMPLETE, "void __cdecl f(void *,void const *,void *,void const *)" },
    { "?f@@YAXPAY122H@Z", UNDNAME_COMPLETE, "void __cdecl f(int (*)[3][3])" },
    { "?f@@YAXW4E@@@Z", UNDNAME_COMPLETE, "void __cdecl f(enum E)" },
    { "?f@@YAXTU@@@Z", UNDNAME_COMPLETE, "void __cdecl f(union U)" },
    { "?f@@YAXUS@@@Z", UNDNAME_COMPLETE, "void __cdecl f(struct S)" },
    { "?f@@YAXPEAP6AXH@Z@Z", UNDNAME_COMPLETE, "void __cdecl f(void (__cdecl** __ptr64)(int))" },
    { "?f@@YAXP8A@@EAAXH@Z@Z", UNDNAME_COMPLETE, "void __cdecl f(void (__cdecl A::*)(int) __ptr64)" },
    { "?f@@YAXP8A@@AEXH@Z@Z", UNDNAME_COMPLETE, "void __cdecl f(void (__thiscall A::*)(int))" },
    { "?f@@YAXPQA@@H@Z", UNDNAME_COMPLETE, "void __cdecl f(int A::*)" },
    { "?f@@YAXPEQA@@H@Z", UNDNAME_COMPLETE, "void __cdecl f(int A::* __ptr64)" },
    { "?f@@YAXPRA@@H@Z", UNDNAME_COMPLETE, "void __cdecl f(int const A::*)" },
    { "?f@@YAXQAH@Z", UNDNAME_COMPLETE, "void __cdecl f(int * const)" },
    { "?f@@YAXQEAH@Z", UNDNAME_COMPLETE, "void __cdecl f(int * __ptr64 const)" },
    { "?f@@YAXPIAH@Z", UNDNAME_COMPLETE, "void __cdecl f(int * __restrict)" },
    { "??$f@H$0A@@@YAXXZ", UNDNAME_COMPLETE, "void __cdecl f<int,0>(void)" },
    { "??$f@H$0?0@@YAXXZ", UNDNAME_COMPLETE, "void __cdecl f<int,-1>(void)" },
    { "??$f@$0BA@@@YAXXZ", UNDNAME_COMPLETE, "void __cdecl f<16>(void)" },
    { "??$f@$00@@YAXXZ", UNDNAME_COMPLETE, "void __cdecl f<1>(void)" },
    { "??$_Fabs@M@std@@YAMAEBV?$complex@M@0@PEAH@Z", UNDNAME_COMPLETE, "float __cdecl std::_Fabs<float>(class std::complex<float> const & __ptr64,int * __ptr64)" },
    { "??$?5DU?$char_traits@D@std@@@std@@YAAEAV?$basic_istream@DU?$char_traits@D@std@@@0@AEAV10@AEAC@Z", UNDNAME_COMPLETE, "class std::basic_istream<char,struct std::char_traits<char> > & __ptr64 __cdecl std::operator>><char,struct std::char_traits<char> >(class std::basic_istream<char,struct std::char_traits<char> > & __ptr64,signed char & __ptr64)" },
    { "??$?6DU?$char_traits@D@std@@V?$allocator@D@1@@std@@YAAEAV?$basic_ostream@DU?$char_traits@D@std@@@0@AEAV10@AEBV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@0@@Z", UNDNAME_COMPLETE, "class std::basic_ostream<char,struct std::char_traits<char> > & __ptr64 __cdecl std::operator<<<char,struct std::char_traits<char>,class std::allocator<char> >(class std::basic_ostream<char,struct std::char_traits<char> > & __ptr64,class std::basic_string<char,struct std::char_traits<char>,class std::allocator<char> > const & __ptr64)" },
    { "??$_Getvals@_W@?$time_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@IEAAX_WAEBV_Locinfo@1@@Z", UNDNAME_COMPLETE, "protected: void __cdecl std::time_get<char,class std::istreambuf_iterator<char,struct std::char_traits<char> > >::_Getvals<wchar_t>(wchar_t,class std::_Locinfo const & __ptr64) __ptr64" },
    { "??BA@@QEBAHXZ", UNDNAME_COMPLETE, "public: __cdecl A::operator int(void)const __ptr64" },
    { "?x@?1??f@@YAXXZ@4HA", UNDNAME_COMPLETE, "int `void __cdecl f(void)'::`2'::x" },
    /* Wine 8 cannot read ?A0x anonymous namespaces */
    { "?f@?A0x1234abcd@@YAXXZ", UNDNAME_COMPLETE, "void __cdecl `anonymous namespace'::f(void)", 1 },
    /* Wine 8 cannot read ?A0x anonymous namespaces */
    { "?x@?A0xdeadbeef@ns@@3HA", UNDNAME_COMPLETE, "int ns::`anonymous namespace'::x", 1 },
    { "?_Byte_reverse_table@details@Concurrency@@3QBEB", UNDNAME_COMPLETE, "unsigned char const * const Concurrency::details::_Byte_reverse_table" },
    { "??_7C@@6BA@@@", UNDNAME_COMPLETE, "const C::`vftable'{for `A'}" },
    /* Wine 8 reads no $1 symbol arguments nor $$T */
    { "?dismissButtonImageList@@3V?$unique_any_t@V?$unique_storage@U?$resource_policy@PEAU_IMAGELIST@@P6AHPEAU1@@Z$1?ImageList_Destroy@@YAH0@ZU?$integral_constant@_K$0A@@wistd@@PEAU1@PEAU1@$0A@$$T@details@wil@@@details@wil@@@wil@@A", UNDNAME_COMPLETE, "class wil::unique_any_t<class wil::details::unique_storage<struct wil::details::resource_policy<struct _IMAGELIST * __ptr64,int (__cdecl*)(struct _IMAGELIST * __ptr64),&int __cdecl ImageList_Destroy(struct _IMAGELIST * __ptr64),struct wistd::integral_constant<unsigned __int64,0>,struct _IMAGELIST * __ptr64,struct _IMAGELIST * __ptr64,0,std::nullptr_t> > > dismissButtonImageList", 1 },
    /* Wine 8 reads no $1 symbol arguments nor $$T */
    { "?messageFont@@3V?$unique_any_t@V?$unique_storage@U?$resource_policy@PEAUHFONT__@@P6AHPEAX@Z$1?DeleteObject@@YAH0@ZU?$integral_constant@_K$0A@@wistd@@PEAU1@PEAU1@$0A@$$T@details@wil@@@details@wil@@@wil@@A", UNDNAME_COMPLETE, "class wil::unique_any_t<class wil::details::unique_storage<struct wil::details::resource_policy<struct HFONT__ * __ptr64,int (__cdecl*)(void * __ptr64),&int __cdecl DeleteObject(void * __ptr64),struct wistd::integral_constant<unsigned __int64,0>,struct HFONT__ * __ptr64,struct HFONT__ * __ptr64,0,std::nullptr_t> > > messageFont", 1 },
    { "?testf@Foobar@@SA?AW4foo@1@W421@@Z", UNDNAME_COMPLETE, "public: static enum Foobar::foo __cdecl Foobar::testf(enum Foobar::foo)" },
    { "??1Test@@YE@XZ", UNDNAME_COMPLETE, "__thiscall Test::~Test(void)" },
    { "?_Src@?1??_Getffld@?$num_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@AEBAHPEADAEAV?$istreambuf_iterator@DU?$char_traits@D@std@@@3@1AEAVios_base@3@PEAH@Z@4QBDB", UNDNAME_COMPLETE, "char const * const `private: int __cdecl std::num_get<char,class std::istreambuf_iterator<char,struct std::char_traits<char> > >::_Getffld(char * __ptr64,class std::istreambuf_iterator<char,struct std::char_traits<char> > & __ptr64,class std::istreambuf_iterator<char,struct std::char_traits<char> > & __ptr64,class std::ios_base & __ptr64,int * __ptr64)const __ptr64'::`2'::_Src" },
    /* Wine 8 knows no $$T (std::nullptr_t) */
    { "?f@@YAX$$T@Z", UNDNAME_COMPLETE, "void __cdecl f(std::nullptr_t)", 1 },
    { "?f@@YAXPEAX@Z", UNDNAME_COMPLETE, "void __cdecl f(void * __ptr64)" },
    { "?f@@YAPEAXXZ", UNDNAME_COMPLETE, "void * __ptr64 __cdecl f(void)" },
    { "??0A@@QEAA@$$QEAV0@@Z", UNDNAME_COMPLETE, "public: __cdecl A::A(class A && __ptr64) __ptr64" },
    { "?f@@YAXP6AXXZ@Z", UNDNAME_COMPLETE, "void __cdecl f(void (__cdecl*)(void))" },
    { "?f@A@@QEAAXXZ", UNDNAME_COMPLETE, "public: void __cdecl A::f(void) __ptr64" },
    { "?g@@YA?AVA@@XZ", UNDNAME_COMPLETE, "class A __cdecl g(void)" },
    { "?g@@YA?BVA@@XZ", UNDNAME_COMPLETE, "class A const __cdecl g(void)" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x1, "public: virtual char const * ptr64 cdecl std::exception::what(void)const ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x2, "public: virtual char const * std::exception::what(void)const " },
    { "?what@exception@std@@UEBAPEBDXZ", 0x4, "public: virtual __cdecl std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x10, "public: virtual char const * __ptr64 std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x60, "public: virtual char const * __ptr64 __cdecl std::exception::what(void)" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x80, "virtual char const * __ptr64 __cdecl std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x200, "public: char const * __ptr64 __cdecl std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x280, "char const * __ptr64 __cdecl std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x800, "public: virtual char const * __ptr64 __cdecl std::exception::what(void)const __ptr64" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x1000, "std::exception::what" },
    { "?what@exception@std@@UEBAPEBDXZ", 0x2000, "?what@exception@std@@UEBAPEBDXZ" },
    { "??$_Getvals@_W@?$time_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@IEAAX_WAEBV_Locinfo@1@@Z", 0x1000, "std::time_get<char,std::istreambuf_iterator<char,std::char_traits<char> > >::_Getvals<wchar_t>" },
    { "??$_Getvals@_W@?$time_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@IEAAX_WAEBV_Locinfo@1@@Z", 0x8000, "protected: void __cdecl std::time_get<char,std::istreambuf_iterator<char,std::char_traits<char> > >::_Getvals<wchar_t>(wchar_t,std::_Locinfo const & __ptr64) __ptr64" },
    { "?x@A@@0HB", 0x1000, "A::x" },
    { "?x@A@@0HB", 0x80, "static int const A::x" },
    { "?x@A@@0HB", 0x200, "private: int const A::x" },
    { "??_7exception@std@@6B@", 0x1000, "std::exception::`vftable'" },
    { "??_R0?AVexception@std@@@8", 0x1000, "std::exception `RTTI Type Descriptor'" },
    { "??_R0?AVexception@std@@@8", 0x8000, "std::exception `RTTI Type Descriptor'" },
    { "??4_bstr_t@@QEAAAEAV0@AEBV0@@Z", 0x2, "public: class _bstr_t & _bstr_t::operator=(class _bstr_t const &)" },
    { "??4_bstr_t@@QEAAAEAV0@AEBV0@@Z", 0x1, "public: class _bstr_t & ptr64 cdecl _bstr_t::operator=(class _bstr_t const & ptr64) ptr64" },
    { "?f@@YAXP6AXH@Z@Z", 0x2, "void f(void (*)(int))" },
    { "?f@@YAXP6AXH@Z@Z", 0x10, "void f(void (__cdecl*)(int))" },
    { "??0?$_Yarn@D@std@@QEAA@AEBV01@@Z", 0x1000, "std::_Yarn<char>::_Yarn<char>" },
    { "?set_terminate@@YAP6AXXZP6AXXZ@Z", 0x4, "__cdecl set_terminate(void (__cdecl*)(void))" },
    { "?AVexception@std@@", 0x2000, "class std::exception" },
    { "?AVexception@std@@", 0x2800, "class std::exception" },
    { "?AV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@std@@", 0x2800, "class std::basic_string<char,struct std::char_traits<char>,class std::allocator<char> >" },
    { "?AU?$pair@HH@std@@", 0x2800, "struct std::pair<int,int>" },
    { "?AT?$U@H@@", 0x2800, "union U<int>" },
    { "?AW4E@@", 0x2800, "enum E" },
    { "H", 0x2800, "int" },
    { "_N", 0x2800, "bool" },
    { "_J", 0x2800, "__int64" },
    { "PEAVA@@", 0x2800, "class A * __ptr64" },
    { "PEBD", 0x2800, "char const * __ptr64" },
    { "PAH", 0x2800, "int *" },
    { "AEAVA@@", 0x2800, "class A & __ptr64" },
    { "?BH", 0x2800, "int const" },
    { "P6AXH@Z", 0x2800, "void (__cdecl*)(int)" },
    { "$$BY01H", 0x2800, "int [2]" },
    { "?AV?$A@$$A6AXXZ@@", 0x2800, "class A<void __cdecl(void)>" },
    /* Wine 8 cannot read ?A0x anonymous namespaces */
    { "?AVA@?A0x1234@@", 0x2800, "class `anonymous namespace'::A", 1 },
    { "?f@@YAXH@Z", 0x2000, "?f@@YAXH@Z" },
};

/* an allocator that counts, to see the undecorator frees what it takes */
static int allocs, frees;
static void *__cdecl count_alloc(size_t size) { allocs++; return malloc(size); }
static void __cdecl count_free(void *p) { frees++; free(p); }

static void test_table(undname_fn p_undname, const char *dll)
{
    int differ = 0;

    allocs = frees = 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    {
        char *got = p_undname(NULL, names[i].name, 0, count_alloc, count_free, names[i].flags);
        int same = got && !strcmp(got, names[i].expect);

        if (names[i].wine_differs) todo_wine(same, "%s: %s %#x: got %s\n", dll, names[i].name, names[i].flags, got);
        else if (!ok(same, "%s: %s %#x:\n  got  %s\n  want %s\n", dll, names[i].name, names[i].flags, got,
                     names[i].expect))
            differ++;
        count_free(got);
    }
    /* every block it took is given back: only the results were kept, and
       they are freed */
    ok(allocs && allocs == frees, "%s: %d allocations, %d frees\n", dll, allocs, frees);
    if (differ) printf("%s: %d names differ\n", dll, differ);
}

/* names it cannot read come back as they are, never as garbage */
static void test_invalid(undname_fn p_undname)
{
    static const char *const bad[] = {
        "foo", "", "?", "??", "?f", "?f@@YAX", "?f@@YAXH", "?x@@3", "?x@@3H", "??$f@H", "?f@@YAX9@Z",
        "?f@@Y@XZ", "@", ".H", "??_C@_0",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        char *got = p_undname(NULL, bad[i], 0, malloc, free, 0);
        ok(got && !strcmp(got, bad[i]), "[%s] gave [%s]\n", bad[i], got);
        free(got);
    }
}

static void test_buffer(undname_fn p_undname)
{
    char buf[64];
    char *got;

    memset(buf, 'x', sizeof(buf));
    got = p_undname(buf, "?f@@YAXH@Z", sizeof(buf), count_alloc, count_free, 0);
    ok(got == buf && !strcmp(buf, "void __cdecl f(int)"), "into a buffer: %p %s\n", got, buf);

    /* too small: cut to the buffer, still terminated */
    memset(buf, 'x', sizeof(buf));
    got = p_undname(buf, "?f@@YAXH@Z", 10, count_alloc, count_free, 0);
    ok(got == buf && !strcmp(buf, "void __cd") && buf[10] == 'x', "10 bytes: %p %s\n", got, buf);
    memset(buf, 'x', sizeof(buf));
    got = p_undname(buf, "?f@@YAXH@Z", 1, count_alloc, count_free, 0);
    ok(got == buf && !buf[0] && buf[1] == 'x', "1 byte: %p %.4s\n", got, buf);
    memset(buf, 'x', sizeof(buf));
    got = p_undname(buf, "foo", 2, count_alloc, count_free, 0);
    ok(got == buf && !strcmp(buf, "f"), "an undecorated name cut: %p %s\n", got, buf);

    /* no buffer: the whole name from the given allocator, whatever the length */
    allocs = frees = 0;
    got = p_undname(NULL, "?f@@YAXH@Z", 5, count_alloc, count_free, 0);
    ok(got && !strcmp(got, "void __cdecl f(int)") && allocs == frees + 1, "allocated: %s, %d/%d\n", got, allocs, frees);
    count_free(got);
}

static void test_ex(undname_ex_fn p_undname_ex)
{
    char *got = p_undname_ex(NULL, "?what@exception@std@@UEBAPEBDXZ", 0, malloc, free, NULL, 0);
    ok(got && !strcmp(got, "public: virtual char const * __ptr64 __cdecl std::exception::what(void)const __ptr64"),
       "__unDNameEx: %s\n", got);
    free(got);
    got = p_undname_ex(NULL, "?AVexception@std@@", 0, malloc, free, NULL, 0x2800);
    ok(got && !strcmp(got, "class std::exception"), "__unDNameEx of a type: %s\n", got);
    free(got);
}

/* what the compiler's type descriptor holds past its vtable */
struct type_data
{
    const char *undecorated;
    char decorated[100];
};

static void test_type_info(HMODULE ucrt)
{
    static const struct { const char *raw, *name; } types[] = {
        { ".?AV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@std@@",
          "class std::basic_string<char,struct std::char_traits<char>,class std::allocator<char> >" },
        { ".?AVbad_alloc@std@@", "class std::bad_alloc" },
        { ".?AUS@@", "struct S" },
        { ".?AW4E@ns@@", "enum ns::E" },
        { ".H", "int" },
        { ".PEAVA@@", "class A * __ptr64" },
        { ".PEBD", "char const * __ptr64" },
        { ".P6AXH@Z", "void (__cdecl*)(int)" },
        { ".?AU?$pair@HN@std@@", "struct std::pair<int,double>" },
    };
    const char *(__cdecl *p_name)(struct type_data *, SLIST_HEADER *) = (void *)GetProcAddress(ucrt, "__std_type_info_name");
    void (__cdecl *p_destroy)(SLIST_HEADER *) = (void *)GetProcAddress(ucrt, "__std_type_info_destroy_list");
    HMODULE msvcrt = LoadLibraryA("msvcrt.dll");
    const char *(__cdecl *p_msvcrt_name)(void *) = msvcrt ? (void *)GetProcAddress(msvcrt, "?name@type_info@@QEBAPEBDXZ") : NULL;
    SLIST_HEADER *list = _aligned_malloc(sizeof(*list), 16);

    if (!ok(p_name && p_destroy, "no __std_type_info_name\n")) return;
    InitializeSListHead(list);
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
    {
        struct type_data data = { NULL };
        struct { const void *vtable; struct type_data data; } ti = { NULL, { NULL } };
        const char *name;

        strcpy(data.decorated, types[i].raw);
        name = p_name(&data, list);
        ok(name && !strcmp(name, types[i].name), "type_info name of %s: %s\n", types[i].raw, name);
        ok(data.undecorated == name && p_name(&data, list) == name, "the name is kept in the descriptor\n");

        /* msvcrt's type_info::name: the object is the vtable then the same data */
        if (!p_msvcrt_name) continue;
        strcpy(ti.data.decorated, types[i].raw);
        name = p_msvcrt_name(&ti);
        ok(name && !strcmp(name, types[i].name), "msvcrt type_info::name of %s: %s\n", types[i].raw, name);
    }
    p_destroy(list);
    _aligned_free(list);
}

int main(void)
{
    HMODULE ucrt = GetModuleHandleA("ucrtbase.dll"), msvcrt, vcrt;
    undname_fn p_undname;
    undname_ex_fn p_undname_ex;

    test_start("undname");
    if (!ucrt) ucrt = LoadLibraryA("ucrtbase.dll");
    p_undname = (undname_fn)GetProcAddress(ucrt, "__unDName");
    p_undname_ex = (undname_ex_fn)GetProcAddress(ucrt, "__unDNameEx");
    if (!ok(p_undname && p_undname_ex, "no __unDName in ucrtbase\n")) return test_summary();

    test_table(p_undname, "ucrtbase");
    test_invalid(p_undname);
    test_buffer(p_undname);
    test_ex(p_undname_ex);
    test_type_info(ucrt);

    /* msvcrt has its own export; vcruntime140 forwards to ucrtbase's */
    if ((msvcrt = LoadLibraryA("msvcrt.dll")) && (p_undname = (undname_fn)GetProcAddress(msvcrt, "__unDName")))
        test_table(p_undname, "msvcrt");
    else ok(0, "no __unDName in msvcrt\n");
    if ((vcrt = LoadLibraryA("vcruntime140.dll")))
    {
        p_undname = (undname_fn)GetProcAddress(vcrt, "__unDName");
        p_undname_ex = (undname_ex_fn)GetProcAddress(vcrt, "__unDNameEx");
        ok(p_undname && p_undname_ex, "no __unDName in vcruntime140\n");
        if (p_undname) test_table(p_undname, "vcruntime140");
        if (p_undname_ex) test_ex(p_undname_ex);
    }
    else skip("no vcruntime140.dll\n");
    return test_summary();
}
