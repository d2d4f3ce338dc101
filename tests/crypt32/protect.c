/* tests/crypt32/protect.c — CryptProtectData/CryptUnprotectData: a round
   trip with a description, the data not in the blob in plain, the entropy
   checked, a damaged blob refused. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static BOOL contains(const DATA_BLOB *blob, const char *s)
{
    size_t n = strlen(s);
    for (DWORD i = 0; i + n <= blob->cbData; i++) if (!memcmp(blob->pbData + i, s, n)) return TRUE;
    return FALSE;
}

int main(void)
{
    static char secret[] = "correct horse battery staple";
    static char salt[] = "pepper", other[] = "paprika";
    DATA_BLOB in = { sizeof(secret), (BYTE *)secret }, sealed = { 0 }, out = { 0 };
    DATA_BLOB entropy = { sizeof(salt), (BYTE *)salt }, wrong = { sizeof(other), (BYTE *)other };
    WCHAR *desc = NULL;

    test_start("protect");
    ok(CryptProtectData(&in, L"wlx test", NULL, NULL, NULL, CRYPTPROTECT_UI_FORBIDDEN, &sealed),
       "CryptProtectData failed %lu\n", GetLastError());
    ok(sealed.cbData > in.cbData && !contains(&sealed, secret), "the blob holds the data in plain\n");
    ok(CryptUnprotectData(&sealed, &desc, NULL, NULL, NULL, CRYPTPROTECT_UI_FORBIDDEN, &out),
       "CryptUnprotectData failed %lu\n", GetLastError());
    ok(out.cbData == in.cbData && !memcmp(out.pbData, secret, in.cbData), "got %lu bytes back\n", out.cbData);
    ok(desc && !wcscmp(desc, L"wlx test"), "description %ls\n", desc ? desc : L"(null)");
    LocalFree(out.pbData);
    LocalFree(desc);
    LocalFree(sealed.pbData);

    /* with entropy: the same entropy is needed to open it */
    ok(CryptProtectData(&in, NULL, &entropy, NULL, NULL, 0, &sealed), "with entropy: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CryptUnprotectData(&sealed, NULL, &wrong, NULL, NULL, 0, &out), "the wrong entropy opened it\n");
    ok(GetLastError() == ERROR_INVALID_DATA, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CryptUnprotectData(&sealed, NULL, NULL, NULL, NULL, 0, &out), "no entropy opened it\n");
    ok(CryptUnprotectData(&sealed, NULL, &entropy, NULL, NULL, 0, &out), "the right entropy failed %lu\n", GetLastError());
    ok(out.cbData == in.cbData && !memcmp(out.pbData, secret, in.cbData), "got %lu bytes back\n", out.cbData);
    LocalFree(out.pbData);

    /* a damaged blob */
    sealed.pbData[sealed.cbData - 1] ^= 1;
    SetLastError(0xdeadbeef);
    ok(!CryptUnprotectData(&sealed, NULL, &entropy, NULL, NULL, 0, &out), "a damaged blob opened\n");
    ok(GetLastError() == ERROR_INVALID_DATA, "error %lu\n", GetLastError());
    LocalFree(sealed.pbData);

    SetLastError(0xdeadbeef);
    ok(!CryptProtectData(NULL, NULL, NULL, NULL, NULL, 0, &sealed), "NULL input was sealed\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    return test_summary();
}
