/*
 * ntdll/nls_private.h — declarations shared by ntdll's string, code page,
 * case mapping and error files (nls = national language support), and the
 * NT declarations mingw's winternl.h lacks.
 */
#ifndef WLX_NTDLL_NLS_PRIVATE_H
#define WLX_NTDLL_NLS_PRIVATE_H

#ifndef _NTSYSTEM_
#define _NTSYSTEM_
#endif
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include "wlx/nls.h"

#ifndef STATUS_SOME_NOT_MAPPED
#define STATUS_SOME_NOT_MAPPED ((NTSTATUS)0x00000107)
#endif

extern const struct nls_sbcs_table nls_sbcs_tables[];
extern const unsigned int nls_sbcs_count;

/* codepage.c */
const struct nls_sbcs_table *nls_ansi_table(void);
const struct nls_sbcs_table *nls_oem_table(void);
DWORD nls_sbcs_to_unicode( const struct nls_sbcs_table *t, WCHAR *dst, DWORD dstlen,
                           const char *src, DWORD srclen );
DWORD nls_unicode_to_sbcs( const struct nls_sbcs_table *t, char *dst, DWORD dstlen,
                           const WCHAR *src, DWORD srclen );

/* casemap.c */
WCHAR nls_toupper( WCHAR ch );
WCHAR nls_tolower( WCHAR ch );

/* process heap and TEB fields (offsets of the x64 TEB/PEB) */
static inline char *nls_teb(void)
{
    char *teb;
    __asm__( "movq %%gs:0x30,%0" : "=r" (teb) );
    return teb;
}

static inline HANDLE nls_process_heap(void)
{
    char *peb = *(char **)(nls_teb() + 0x60);
    return *(HANDLE *)(peb + 0x30);
}

/* the heap and CRT-like helpers come from other ntdll files */
PVOID  WINAPI RtlAllocateHeap( PVOID heap, ULONG flags, SIZE_T size );
BOOLEAN WINAPI RtlFreeHeap( PVOID heap, ULONG flags, PVOID ptr );
void  *__cdecl memcpy( void *dst, const void *src, size_t n );
void  *__cdecl memmove( void *dst, const void *src, size_t n );
void  *__cdecl memset( void *dst, int c, size_t n );
size_t __cdecl strlen( const char *s );
size_t __cdecl wcslen( const WCHAR *s );

#endif
