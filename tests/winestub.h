/*
 * tests/winestub.h — is_wine_stub(fn): whether an export GetProcAddress
 * found is, under Wine, one of Wine's "unimplemented function" stubs.
 * Wine resolves its @ stub exports to code that ends the process, so a
 * test looks before calling and skips what Wine lacks. winebuild's x86_64
 * stub starts "sub rsp,0x28; lea rcx,[rip+module]; lea rdx,[rip+name];
 * call __wine_spec_unimplemented_stub". Outside Wine it answers FALSE.
 */
#ifndef WLX_TEST_WINESTUB_H
#define WLX_TEST_WINESTUB_H
#include "test.h"

static __attribute__((unused)) int is_wine_stub(const void *fn)
{
    const unsigned char *p = fn;
    if (!p || !test_is("wine")) return 0;
    return p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xec && p[3] == 0x28 &&
           p[4] == 0x48 && p[5] == 0x8d && p[6] == 0x0d &&
           p[11] == 0x48 && p[12] == 0x8d && p[13] == 0x15 && p[18] == 0xe8;
}

#endif
