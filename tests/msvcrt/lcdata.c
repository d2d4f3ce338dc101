/*
 * tests/msvcrt/lcdata.c — msvcrt.dll's old locale data exports and their
 * accessors: __lc_collate_cp follows setlocale as ___lc_collate_cp_func
 * does, __setlc_active (no setlocale under way) and
 * __unguarded_readlc_active with ___setlc_active_func and
 * ___unguarded_readlc_active_add_func (the address of the export).
 */
#include "test.h"
#include <locale.h>

static HMODULE crt;
#define FUNC(name) ((void *)GetProcAddress(crt, name))

int main(void)
{
    int *p_collate_cp, *p_setlc_active;
    unsigned int *p_unguarded;
    unsigned int (__cdecl *p_collate_func)(void);
    int (__cdecl *p_setlc_func)(void);
    unsigned int *(__cdecl *p_unguarded_func)(void);
    char *(__cdecl *p_setlocale)(int, const char *);

    crt = LoadLibraryA("msvcrt.dll");
    p_collate_cp = FUNC("__lc_collate_cp");
    p_setlc_active = FUNC("__setlc_active");
    p_unguarded = FUNC("__unguarded_readlc_active");
    p_collate_func = FUNC("___lc_collate_cp_func");
    p_setlc_func = FUNC("___setlc_active_func");
    p_unguarded_func = FUNC("___unguarded_readlc_active_add_func");
    p_setlocale = FUNC("setlocale");
    ok(p_collate_cp && p_setlc_active && p_unguarded && p_collate_func && p_setlc_func && p_unguarded_func,
       "missing exports\n");
    if (!p_collate_cp || !p_setlc_active || !p_unguarded || !p_collate_func || !p_setlc_func || !p_unguarded_func)
        return test_summary();

    ok(*p_collate_cp == 0 && p_collate_func() == 0, "\"C\": %d %u\n", *p_collate_cp, p_collate_func());
    if (p_setlocale(LC_ALL, "English_United States.1252"))
    {
        ok(*p_collate_cp == 1252 && p_collate_func() == 1252, "English: %d %u\n", *p_collate_cp, p_collate_func());
        p_setlocale(LC_ALL, "C");
        ok(*p_collate_cp == 0, "back to \"C\": %d\n", *p_collate_cp);
    }
    else skip("no English locale\n");
    ok(*p_setlc_active == 0 && p_setlc_func() == 0, "no setlocale under way: %d\n", *p_setlc_active);
    ok(p_unguarded_func() == p_unguarded, "the unguarded-readers count is the export: %p %p\n",
       p_unguarded_func(), p_unguarded);
    return test_summary();
}
