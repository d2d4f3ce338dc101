/*
 * programs/cmd/cmd.h — what cmd.c shares with its builtins in other files.
 */
#ifndef WLX_CMD_H
#define WLX_CMD_H

#include <windows.h>

/* cmd.c: text to a console (UTF-16) or a file/pipe (the console code page) */
void say(HANDLE h, const WCHAR *fmt, ...);
void write_to(HANDLE h, const WCHAR *text, size_t len);
/* cmd.c: the next word of *p (quotes removed, ^ escapes), advancing *p; malloc'ed */
WCHAR *take_word(const WCHAR **p);

/* dir.c */
DWORD builtin_dir(const WCHAR *args, HANDLE out, HANDLE err);

#endif
