/*
 * dlls/msvcp140/streambuf.c — basic_streambuf<char>: the get and put areas
 * reached through their pointers-to-pointers (_IGfirst …, as derived
 * buffers such as basic_filebuf may point them at their own fields), the
 * public members over the virtual ones, and the virtual defaults a derived
 * class of the program inherits (overflow fails, xsputn goes through the
 * put area and overflow, uflow through underflow …).
 *
 * Virtual calls go through the object's own vtable (iostream.h's SB_*
 * slots): the program's derived buffer overrides what it needs.
 */
#include "iostream.h"

#define VCALL(sb, slot, type) ((type)(sb)->vtable[slot])

/* basic_streambuf<char> */
#define CHAR_T char
#define INT_T int
#define EOF_T CHAR_EOF
#define TO_INT (unsigned char)
#define SB_STRUCT struct streambuf
#define SBF(name) streambuf_##name
#include "streambuf_t.h"
#undef CHAR_T
#undef INT_T
#undef EOF_T
#undef TO_INT
#undef SB_STRUCT
#undef SBF

/* basic_streambuf<wchar_t> (and <unsigned short>) */
#define CHAR_T WCHAR
#define INT_T unsigned short
#define EOF_T WCHAR_EOF
#define TO_INT (unsigned short)
#define SB_STRUCT struct wstreambuf
#define SBF(name) wstreambuf_##name
#include "streambuf_t.h"

/* the char names other files use */
void sb_lock(struct streambuf *sb) { streambuf_lock_vcall(sb); }
void sb_unlock(struct streambuf *sb) { streambuf_unlock_vcall(sb); }
