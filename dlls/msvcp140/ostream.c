/*
 * dlls/msvcp140/ostream.c — basic_ostream<char>: construction over the
 * virtual base basic_ios, the sentry (lock the buffer, flush the tied
 * stream; afterwards _Osfx's flush for unitbuf), the inserters and what
 * num_put does for them in the C locale — printf formats built from the
 * flags as MSVC's num_put builds them (%+#lx, %.*g …), then the field
 * padded to width() with the fill character at the place adjustfield
 * says (internal: after the sign or 0x) — and put, write, flush, tellp,
 * seekp.
 *
 * `this` is the basic_ostream subobject (its vbtable pointer); its
 * basic_ios lies where vbtable[1] says.
 */
#include "iostream.h"

BOOL __cdecl std_uncaught_exception(void);

int __cdecl fmt_print(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = __stdio_common_vsprintf(0, buf, size, fmt, NULL, ap);
    va_end(ap);
    return n;
}

#define CHAR_T char
#define EOF_T CHAR_EOF
#define IOS_STRUCT struct basic_ios
#define SB_STRUCT struct streambuf
#define OS_STRUCT struct ostream
#define SENTRY_STRUCT struct sentry
#define OSF(name) ostream_##name
#define IOSF(name) basic_ios_##name
#define SBF(name) streambuf_##name
#define IOS(os) ostream_ios(os)
#define WIDEN(c) (c)
#include "ostream_t.h"
#undef CHAR_T
#undef EOF_T
#undef IOS_STRUCT
#undef SB_STRUCT
#undef OS_STRUCT
#undef SENTRY_STRUCT
#undef OSF
#undef IOSF
#undef SBF
#undef IOS
#undef WIDEN

#define CHAR_T WCHAR
#define EOF_T WCHAR_EOF
#define IOS_STRUCT struct wbasic_ios
#define SB_STRUCT struct wstreambuf
#define OS_STRUCT struct wostream
#define SENTRY_STRUCT struct wsentry
#define OSF(name) wostream_##name
#define IOSF(name) wbasic_ios_##name
#define SBF(name) wstreambuf_##name
#define IOS(os) wostream_ios(os)
#define WIDEN(c) ((WCHAR)(unsigned char)(c))
#include "ostream_t.h"
