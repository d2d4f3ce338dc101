/*
 * include/wlx/nls.h — code page tables shared by ntdll and kernel32 (PE side).
 *
 * ntdll owns the single-byte code page data (ntdll/codepage_tables.c);
 * kernel32's MultiByteToWideChar/WideCharToMultiByte reach it through the
 * private export __wlx_nls_sbcs_table instead of carrying a second copy.
 */
#ifndef WLX_NLS_H
#define WLX_NLS_H

/* one UTF-16 code unit that converts to a byte; sorted by wc */
struct nls_reverse
{
    WCHAR wc;
    BYTE  ch;
    BYTE  best_fit;     /* lossy mapping, skipped under WC_NO_BEST_FIT_CHARS */
};

struct nls_sbcs_table
{
    USHORT codepage;
    USHORT reverse_count;            /* entries in from_unicode */
    BYTE   glyphs;                   /* MB_USEGLYPHCHARS applies (IBM PC glyphs) */
    const WCHAR *to_unicode;         /* 256 entries */
    const struct nls_reverse *from_unicode;
    const WCHAR *name;               /* GetCPInfoEx CodePageName */
};

/* ntdll export: the table of a single-byte code page, or NULL */
const struct nls_sbcs_table * __stdcall __wlx_nls_sbcs_table( UINT codepage );
/* ntdll export: byte that wc converts to in table, or -1; *best_fit set when lossy */
int __stdcall __wlx_nls_sbcs_lookup( const struct nls_sbcs_table *table, WCHAR wc, BOOLEAN *best_fit );

#endif
