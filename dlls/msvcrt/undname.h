/*
 * The C++ name undecorator (undname.c), shared by __unDName, type_info's
 * names (cxx.c) and, through __unDName's export, dbghelp.
 *
 * Flag values as Microsoft documents them for UnDecorateSymbolName and
 * IDiaSymbol::get_undecoratedNameEx; 0x2000 is both dbghelp's
 * UNDNAME_NO_ARGUMENTS and the undecorator's UNDNAME_TYPE_ONLY ("input is
 * just a type encoding").
 */
#ifndef WLX_MSVCRT_UNDNAME_H
#define WLX_MSVCRT_UNDNAME_H

#include <stddef.h>

#define UNDNAME_COMPLETE               0x0000
#define UNDNAME_NO_LEADING_UNDERSCORES 0x0001
#define UNDNAME_NO_MS_KEYWORDS         0x0002
#define UNDNAME_NO_FUNCTION_RETURNS    0x0004
#define UNDNAME_NO_ALLOCATION_MODEL    0x0008
#define UNDNAME_NO_ALLOCATION_LANGUAGE 0x0010
#define UNDNAME_NO_MS_THISTYPE         0x0020
#define UNDNAME_NO_CV_THISTYPE         0x0040
#define UNDNAME_NO_THISTYPE            0x0060
#define UNDNAME_NO_ACCESS_SPECIFIERS   0x0080
#define UNDNAME_NO_THROW_SIGNATURES    0x0100
#define UNDNAME_NO_MEMBER_TYPE         0x0200
#define UNDNAME_NO_RETURN_UDT_MODEL    0x0400
#define UNDNAME_32_BIT_DECODE          0x0800
#define UNDNAME_NAME_ONLY              0x1000
#define UNDNAME_TYPE_ONLY              0x2000
#define UNDNAME_NO_SPECIAL_SYMS        0x4000
#define UNDNAME_NO_ECSU                0x8000
#define UNDNAME_NO_PTR64               0x20000

/* __unDName with flags past 16 bits (UNDNAME_NO_PTR64) */
char *undname_run(char *buffer, const char *mangled, int buflen, void *(__cdecl *alloc)(size_t),
                  void (__cdecl *release)(void *), unsigned int flags);

#endif
