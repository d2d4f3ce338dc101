/*
 * kernel32/muldiv.c — MulDiv: a * b / c through a 64-bit product, rounded
 * half away from zero; -1 when c is 0 or the result does not fit in an int.
 */
#include "private.h"

int WINAPI MulDiv(int a, int b, int c)
{
    LONGLONG product = (LONGLONG)a * b, result;

    if (!c) return -1;
    if (c < 0) { c = -c; product = -product; }      /* |product| <= 2^62: no overflow */
    result = (product >= 0 ? product + c / 2 : product - c / 2) / c;
    if (result > MAXLONG || result < -MAXLONG - 1) return -1;
    return (int)result;
}
