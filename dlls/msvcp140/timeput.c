/*
 * dlls/msvcp140/timeput.c — time_put<char> and time_put<wchar_t> (and
 * <unsigned short>) over one body, timeput_t.h.
 */
#include "iostream.h"
#include <time.h>
#include <wchar.h>

struct cvtvec { unsigned int page; unsigned int mbcurmax; int isclocale; unsigned char isleadbyte[32]; };

struct cvtvec *__cdecl Getcvt(struct cvtvec *ret);
struct facet *__cdecl facet_ctor(struct facet *f, size_t refs);
void __cdecl facet_dtor(struct facet *f);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);
size_t __cdecl crt_strftime(char *out, size_t size, const char *fmt, const struct tm *t) __asm__("strftime");
size_t __cdecl crt_wcsftime(WCHAR *out, size_t size, const WCHAR *fmt, const struct tm *t) __asm__("wcsftime");

#define CHAR_T char
#define EOF_T CHAR_EOF
#define SB_STRUCT struct streambuf
#define TP_STRUCT struct time_put_char
#define TPF(name) time_put_char_##name
#define SBF(name) streambuf_##name
#define FTIME crt_strftime
#include "timeput_t.h"
#undef CHAR_T
#undef EOF_T
#undef SB_STRUCT
#undef TP_STRUCT
#undef TPF
#undef SBF
#undef FTIME

#define CHAR_T WCHAR
#define EOF_T WCHAR_EOF
#define SB_STRUCT struct wstreambuf
#define TP_STRUCT struct time_put_wchar
#define TPF(name) time_put_wchar_##name
#define SBF(name) wstreambuf_##name
#define FTIME crt_wcsftime
#include "timeput_t.h"
