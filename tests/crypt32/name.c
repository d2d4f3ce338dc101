/* tests/crypt32/name.c — certificate names as text: CertGetNameStringA/W
   (simple display, DNS, attribute, e-mail, RDN, issuer, all DNS names) and
   CertNameToStrA/W, on the certificates of tests/crypt32/certs.h. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "certs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

static PCCERT_CONTEXT leaf, pss;

static BOOL name_is(PCCERT_CONTEXT c, DWORD type, DWORD flags, void *para, const char *want)
{
    char buf[256];
    DWORD n = CertGetNameStringA(c, type, flags, para, buf, sizeof(buf));
    if (n != strlen(want) + 1 || strcmp(buf, want)) { printf("got \"%s\" (%lu)\n", buf, n); return FALSE; }
    return TRUE;
}

static void test_get_name_string(void)
{
    DWORD str_type = CERT_X500_NAME_STR;
    WCHAR wide[64];
    char multi[64];
    DWORD n;

    ok(name_is(leaf, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, "www.wlx.test"), "simple display\n");
    ok(name_is(leaf, CERT_NAME_SIMPLE_DISPLAY_TYPE, CERT_NAME_ISSUER_FLAG, NULL, "wlx test intermediate"), "issuer\n");
    ok(name_is(leaf, CERT_NAME_FRIENDLY_DISPLAY_TYPE, 0, NULL, "www.wlx.test"), "friendly display\n");
    ok(name_is(leaf, CERT_NAME_DNS_TYPE, 0, NULL, "www.wlx.test"), "DNS\n");
    ok(name_is(pss, CERT_NAME_DNS_TYPE, 0, NULL, "pss.wlx.test"), "DNS without SAN: the CN\n");
    ok(name_is(leaf, CERT_NAME_ATTR_TYPE, 0, (void *)szOID_ORGANIZATION_NAME, "wlx"), "attribute O\n");
    ok(name_is(leaf, CERT_NAME_ATTR_TYPE, 0, (void *)szOID_COUNTRY_NAME, ""), "missing attribute\n");
    ok(name_is(leaf, CERT_NAME_EMAIL_TYPE, 0, NULL, ""), "no e-mail\n");
    ok(name_is(leaf, CERT_NAME_RDN_TYPE, 0, &str_type, "CN=www.wlx.test, O=wlx"), "RDN X.500\n");
    str_type = CERT_SIMPLE_NAME_STR;
    ok(name_is(leaf, CERT_NAME_RDN_TYPE, 0, &str_type, "www.wlx.test, wlx"), "RDN simple\n");

    n = CertGetNameStringW(leaf, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, NULL, 0);
    ok(n == 13, "size query gave %lu\n", n);
    n = CertGetNameStringW(leaf, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, wide, ARRAYSIZE(wide));
    ok(n == 13 && !lstrcmpW(wide, L"www.wlx.test"), "W form gave %lu\n", n);

    /* too small a buffer: what fits, ended by a NUL */
    n = CertGetNameStringW(leaf, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, wide, 5);
    ok(n == 5 && !lstrcmpW(wide, L"www."), "truncated: %lu\n", n);

    /* every DNS name, as a multi-string */
    n = CertGetNameStringA(leaf, CERT_NAME_DNS_TYPE, CERT_NAME_SEARCH_ALL_NAMES_FLAG, NULL, multi, sizeof(multi));
    ok(n == 29 && !memcmp(multi, "www.wlx.test\0*.api.wlx.test\0\0", 29), "all DNS names: %lu\n", n);
}

static void test_name_to_str(void)
{
    CERT_NAME_BLOB *subject = &leaf->pCertInfo->Subject;
    char buf[128];
    WCHAR wide[128];
    DWORD n;

    n = CertNameToStrA(ENC, subject, CERT_X500_NAME_STR, buf, sizeof(buf));
    ok(n == 23 && !strcmp(buf, "CN=www.wlx.test, O=wlx"), "X.500: %s (%lu)\n", buf, n);
    n = CertNameToStrA(ENC, subject, CERT_X500_NAME_STR | CERT_NAME_STR_REVERSE_FLAG, buf, sizeof(buf));
    ok(!strcmp(buf, "O=wlx, CN=www.wlx.test"), "reversed: %s\n", buf);
    n = CertNameToStrA(ENC, subject, CERT_X500_NAME_STR | CERT_NAME_STR_SEMICOLON_FLAG, buf, sizeof(buf));
    ok(!strcmp(buf, "CN=www.wlx.test; O=wlx"), "semicolons: %s\n", buf);
    n = CertNameToStrW(ENC, subject, CERT_OID_NAME_STR, wide, ARRAYSIZE(wide));
    ok(!lstrcmpW(wide, L"2.5.4.3=www.wlx.test, 2.5.4.10=wlx"), "OIDs: %ls\n", wide);
    n = CertNameToStrA(ENC, subject, CERT_X500_NAME_STR, NULL, 0);
    ok(n == 23, "size query gave %lu\n", n);
}

int main(void)
{
    test_start("name");
    leaf = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    pss = CertCreateCertificateContext(ENC, cert_pss, sizeof(cert_pss));
    ok(leaf && pss, "CertCreateCertificateContext failed %lx\n", GetLastError());
    if (!leaf || !pss) return test_summary();
    test_get_name_string();
    test_name_to_str();
    CertFreeCertificateContext(leaf);
    CertFreeCertificateContext(pss);
    return test_summary();
}
