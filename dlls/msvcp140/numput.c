/*
 * dlls/msvcp140/numput.c — num_put<char> and num_put<wchar_t> (and
 * <unsigned short>) over one body, numput_t.h.
 */
#include "iostream.h"

struct facet *__cdecl facet_ctor(struct facet *f, size_t refs);
void __cdecl facet_dtor(struct facet *f);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);

#define CHAR_T char
#define EOF_T CHAR_EOF
#define SB_STRUCT struct streambuf
#define NP_STRUCT struct num_put_char
#define NPF(name) num_put_char_##name
#define SBF(name) streambuf_##name
#define WIDEN(c) (c)
#include "numput_t.h"
#undef CHAR_T
#undef EOF_T
#undef SB_STRUCT
#undef NP_STRUCT
#undef NPF
#undef SBF
#undef WIDEN

#define CHAR_T WCHAR
#define EOF_T WCHAR_EOF
#define SB_STRUCT struct wstreambuf
#define NP_STRUCT struct num_put_wchar
#define NPF(name) num_put_wchar_##name
#define SBF(name) wstreambuf_##name
#define WIDEN(c) ((WCHAR)(unsigned char)(c))
#include "numput_t.h"
