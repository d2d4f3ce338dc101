/* tests/crypt32/base64.c — CryptBinaryToString and CryptStringToBinary:
   base64 (bare and with a header), hex and raw hex, sizes, errors. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static const BYTE data[] = "Hello, wlx! A line long enough to wrap at sixty-four characters of base64.";
#define DATA_LEN (sizeof(data) - 1)

static void test_base64_encode(void)
{
    char buf[512];
    WCHAR wbuf[512];
    DWORD n = 0, need;

    ok(CryptBinaryToStringA((const BYTE *)"Man", 3, CRYPT_STRING_BASE64, NULL, &n), "sizing failed %lu\n", GetLastError());
    ok(n == 7, "need %lu for \"Man\"\n", n);   /* "TWFu\r\n" and the NUL */
    need = n;
    ok(CryptBinaryToStringA((const BYTE *)"Man", 3, CRYPT_STRING_BASE64, buf, &n), "failed %lu\n", GetLastError());
    ok(n == need - 1 && !strcmp(buf, "TWFu\r\n"), "got %lu '%s'\n", n, buf);

    n = sizeof(buf);
    ok(CryptBinaryToStringA((const BYTE *)"Ma", 2, CRYPT_STRING_BASE64 | CRYPT_STRING_NOCRLF, buf, &n), "failed\n");
    ok(!strcmp(buf, "TWE=") && n == 4, "padding: '%s' %lu\n", buf, n);
    n = sizeof(buf);
    ok(CryptBinaryToStringA((const BYTE *)"M", 1, CRYPT_STRING_BASE64 | CRYPT_STRING_NOCR, buf, &n), "failed\n");
    ok(!strcmp(buf, "TQ==\n"), "NOCR: '%s'\n", buf);

    /* 64 characters a line */
    n = sizeof(buf);
    ok(CryptBinaryToStringA(data, DATA_LEN, CRYPT_STRING_BASE64, buf, &n), "failed %lu\n", GetLastError());
    ok(n > 66 && buf[64] == '\r' && buf[65] == '\n' && !strcmp(buf + n - 2, "\r\n"), "line breaks: '%s'\n", buf);

    n = 3;
    SetLastError(0xdeadbeef);
    ok(!CryptBinaryToStringA(data, DATA_LEN, CRYPT_STRING_BASE64, buf, &n), "a short buffer was enough\n");
    ok(GetLastError() == ERROR_MORE_DATA, "error %lu\n", GetLastError());

    n = ARRAYSIZE(wbuf);
    ok(CryptBinaryToStringW((const BYTE *)"Man", 3, CRYPT_STRING_BASE64, wbuf, &n), "W failed %lu\n", GetLastError());
    ok(n == 6 && !wcscmp(wbuf, L"TWFu\r\n"), "W got %lu '%ls'\n", n, wbuf);

    n = sizeof(buf);
    ok(CryptBinaryToStringA((const BYTE *)"Man", 3, CRYPT_STRING_BASE64HEADER, buf, &n), "header failed\n");
    ok(!strcmp(buf, "-----BEGIN CERTIFICATE-----\r\nTWFu\r\n-----END CERTIFICATE-----\r\n"), "header: '%s'\n", buf);
}

static void test_hex_encode(void)
{
    static const BYTE bytes[18] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xff, 0xab, 0x10 };
    char buf[256];
    DWORD n = sizeof(buf);

    ok(CryptBinaryToStringA(bytes, 4, CRYPT_STRING_HEXRAW | CRYPT_STRING_NOCRLF, buf, &n), "hexraw failed %lu\n", GetLastError());
    ok(!strcmp(buf, "00010203") && n == 8, "hexraw '%s'\n", buf);
    /* CRYPT_STRING_HEX is documented; Wine 8 does not implement it */
    n = sizeof(buf);
    memset(buf, 0, sizeof(buf));
    todo_wine(CryptBinaryToStringA(bytes, 18, CRYPT_STRING_HEX, buf, &n), "hex failed %lu\n", GetLastError());
    todo_wine(!strcmp(buf, "00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e ff\r\nab 10\r\n"), "hex '%s'\n", buf);
}

static void test_decode(void)
{
    BYTE out[256];
    DWORD n = 0, skip = 99, used = 99;
    static const char pem[] = "junk\n-----BEGIN CERTIFICATE-----\nTWFu\n-----END CERTIFICATE-----\n";

    ok(CryptStringToBinaryA("TWFu", 0, CRYPT_STRING_BASE64, NULL, &n, NULL, NULL), "sizing failed %lu\n", GetLastError());
    ok(n == 3, "need %lu\n", n);
    n = sizeof(out);
    ok(CryptStringToBinaryA("TW\r\nE=", 0, CRYPT_STRING_BASE64, out, &n, NULL, NULL), "failed %lu\n", GetLastError());
    ok(n == 2 && !memcmp(out, "Ma", 2), "got %lu bytes\n", n);

    /* documented: a short buffer fails with ERROR_MORE_DATA (Wine 8 says
       ERROR_INSUFFICIENT_BUFFER) */
    n = 1;
    SetLastError(0xdeadbeef);
    ok(!CryptStringToBinaryA("TWFu", 0, CRYPT_STRING_BASE64, out, &n, NULL, NULL), "a short buffer was enough\n");
    todo_wine(GetLastError() == ERROR_MORE_DATA, "error %lu\n", GetLastError());

    n = sizeof(out);
    SetLastError(0xdeadbeef);
    ok(!CryptStringToBinaryA("TW*u", 0, CRYPT_STRING_BASE64, out, &n, NULL, NULL), "'*' was decoded\n");
    ok(GetLastError() == ERROR_INVALID_DATA, "error %lu\n", GetLastError());

    n = sizeof(out);
    ok(CryptStringToBinaryA(pem, 0, CRYPT_STRING_BASE64HEADER, out, &n, &skip, &used), "header failed %lu\n", GetLastError());
    ok(n == 3 && !memcmp(out, "Man", 3) && skip == 5 && used == CRYPT_STRING_BASE64HEADER, "%lu bytes, skip %lu, flags %lu\n",
       n, skip, used);
    n = sizeof(out);
    ok(CryptStringToBinaryA(pem, 0, CRYPT_STRING_ANY, out, &n, NULL, &used), "any failed %lu\n", GetLastError());
    ok(n == 3 && used == CRYPT_STRING_BASE64HEADER, "any: %lu bytes as %lu\n", n, used);
    n = sizeof(out);
    ok(CryptStringToBinaryA("TWFu", 0, CRYPT_STRING_BASE64_ANY, out, &n, NULL, &used), "base64_any failed\n");
    ok(n == 3 && used == CRYPT_STRING_BASE64, "base64_any: %lu bytes as %lu\n", n, used);

    /* CRYPT_STRING_HEX input: documented, not implemented by Wine 8 */
    n = sizeof(out);
    todo_wine(CryptStringToBinaryA("0a ff 10", 0, CRYPT_STRING_HEX, out, &n, NULL, NULL), "hex failed %lu\n", GetLastError());
    todo_wine(n == 3 && out[0] == 0x0a && out[1] == 0xff && out[2] == 0x10, "hex gave %lu bytes\n", n);
    n = sizeof(out);
    ok(CryptStringToBinaryW(L"TWFu", 0, CRYPT_STRING_BASE64, out, &n, NULL, NULL), "W failed %lu\n", GetLastError());
    ok(n == 3 && !memcmp(out, "Man", 3), "W got %lu bytes\n", n);

    SetLastError(0xdeadbeef);
    ok(!CryptStringToBinaryA(NULL, 0, CRYPT_STRING_BASE64, out, &n, NULL, NULL), "NULL text worked\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

/* encode then decode gives the bytes back */
static void test_round_trip(void)
{
    char text[512];
    BYTE back[256];
    DWORD n = sizeof(text), m = sizeof(back);

    ok(CryptBinaryToStringA(data, DATA_LEN, CRYPT_STRING_BASE64HEADER, text, &n), "encode failed\n");
    ok(CryptStringToBinaryA(text, n, CRYPT_STRING_BASE64HEADER, back, &m, NULL, NULL), "decode failed %lu\n", GetLastError());
    ok(m == DATA_LEN && !memcmp(back, data, m), "round trip: %lu bytes\n", m);
}

int main(void)
{
    test_start("base64");
    test_base64_encode();
    test_hex_encode();
    test_decode();
    test_round_trip();
    return test_summary();
}
