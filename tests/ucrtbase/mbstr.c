/*
 * tests/ucrtbase/mbstr.c — tests/msvcrt/mbstr.c against ucrtbase.dll,
 * which exports the same multibyte functions (and their _l and _s forms).
 */
#define CRT_DLL "ucrtbase.dll"
#include "msvcrt/mbstr.c"
