/*
 * programs/reg/reg.h — declarations shared by reg.exe's sources: reg.c
 * (command line, add, query, delete, output) and regfile.c (export and
 * import of .reg files).
 */
#ifndef WLX_REG_H
#define WLX_REG_H

#include <windows.h>

/* reg.c */
void output(const WCHAR *fmt, ...);                  /* to stdout */
void error(const WCHAR *fmt, ...);                   /* to stderr */
BOOL ask_yes_no(const WCHAR *fmt, ...);              /* prompt on stdout, answer on stdin */
/* "HKCU\Software\x" → the root key, the rest, and the root's long name */
BOOL parse_key(const WCHAR *path, HKEY *root, const WCHAR **subkey, const WCHAR **long_root);
void *reg_alloc(size_t size);                        /* never NULL: exits on failure */

/* regfile.c */
int reg_export(int argc, WCHAR **argv);
int reg_import(int argc, WCHAR **argv);

#endif
