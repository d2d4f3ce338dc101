/* tests/imm32/context.c — the input method manager without a window: no
   input context, no composition, no IME, and no crash. */
#include <windows.h>
#include <imm.h>
#include <stdio.h>
#include "test.h"

#define US_LAYOUT ((HKL)(ULONG_PTR)0x04090409)   /* English (US), no IME */

int main(void)
{
    WCHAR buf[16];
    char abuf[16] = "x";

    test_start("context");
    ok(ImmGetContext(NULL) == NULL, "a context without a window\n");
    ok(ImmAssociateContext(NULL, NULL) == NULL, "a previous context without a window\n");
    ok(ImmGetCompositionStringW(NULL, GCS_COMPSTR, buf, sizeof(buf)) <= 0, "a composition without a context\n");
    ok(ImmGetCandidateListW(NULL, 0, NULL, 0) == 0, "candidates without a context\n");
    ok(!ImmSetCompositionWindow(NULL, NULL), "a composition window without a context\n");
    ok(!ImmIsIME(US_LAYOUT), "the keyboard layout is an IME\n");
    ok(ImmGetIMEFileNameA(US_LAYOUT, abuf, sizeof(abuf)) == 0, "an IME file name\n");
    ok(!ImmGetOpenStatus(NULL), "an open IME without a context\n");
    return test_summary();
}
