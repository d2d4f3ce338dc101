/*
 * dlls/msvcp140/istream.c — basic_istream<char> and basic_iostream<char>:
 * construction over the virtual base, _Ipfx (the sentry: flush the tied
 * stream, skip white space), the extractors with what num_get does for
 * them in the C locale (the longest prefix of a number read character by
 * character from the buffer, converted as strtol/strtoull/strtod would;
 * nothing read: failbit and 0; out of range: failbit and the limit; the
 * buffer's end: eofbit), and the unformatted input (get, getline, ignore,
 * read, readsome, peek, putback, unget, sync, tellg, seekg) counting what
 * they took in gcount().
 *
 * `this` is the basic_istream subobject; basic_iostream's istream part
 * lies at its start, its ostream part 16 bytes in.
 */
#include "iostream.h"

struct facet *__cdecl facet_ctor(struct facet *f, size_t refs);
void __cdecl facet_dtor(struct facet *f);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);

/* the C runtime's own (mingw's header would name its replacement) */
double __cdecl crt_strtod(const char *str, char **end) __asm__("strtod");

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

#define CHAR_T char
#define INT_T int
#define EOF_T CHAR_EOF
#define IOS_STRUCT struct basic_ios
#define SB_STRUCT struct streambuf
#define OS_STRUCT struct ostream
#define IS_STRUCT struct istream
#define ISENTRY_STRUCT struct isentry
#define ISF(name) istream_##name
#define IOSTF(name) iostream_##name
#define OSF(name) ostream_##name
#define IOSF(name) basic_ios_##name
#define SBF(name) streambuf_##name
#define IOS(is) istream_ios(is)
#define IS_SPACE(c) isspace(c)
#define NG_STRUCT struct num_get_char
#define NGF(name) num_get_char_##name
#include "istream_t.h"
#include "numget_t.h"
#undef NG_STRUCT
#undef NGF
#undef CHAR_T
#undef INT_T
#undef EOF_T
#undef IOS_STRUCT
#undef SB_STRUCT
#undef OS_STRUCT
#undef IS_STRUCT
#undef ISENTRY_STRUCT
#undef ISF
#undef IOSTF
#undef OSF
#undef IOSF
#undef SBF
#undef IOS
#undef IS_SPACE

#define CHAR_T WCHAR
#define INT_T unsigned short
#define EOF_T WCHAR_EOF
#define IOS_STRUCT struct wbasic_ios
#define SB_STRUCT struct wstreambuf
#define OS_STRUCT struct wostream
#define IS_STRUCT struct wistream
#define ISENTRY_STRUCT struct wisentry
#define ISF(name) wistream_##name
#define IOSTF(name) wiostream_##name
#define OSF(name) wostream_##name
#define IOSF(name) wbasic_ios_##name
#define SBF(name) wstreambuf_##name
#define IOS(is) wistream_ios(is)
#define IS_SPACE(c) iswspace(c)
#define NG_STRUCT struct num_get_wchar
#define NGF(name) num_get_wchar_##name
#include "istream_t.h"
#include "numget_t.h"
