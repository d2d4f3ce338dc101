/* tests/crypt32/usage.c — what a certificate may be used for: its key
   usage bits (CertGetIntendedKeyUsage) and the enhanced key usages a set
   of certificates allows together (CertGetValidUsages), with the
   certificates of tests/crypt32/certs.h (gencerts.sh: the leaf has
   digitalSignature and keyEncipherment, serverAuth and clientAuth; the root
   keyCertSign and cRLSign and no EKU; "expired" neither). */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "certs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

static void test_intended(PCCERT_CONTEXT root, PCCERT_CONTEXT leaf, PCCERT_CONTEXT expired)
{
    BYTE usage[4];

    memset(usage, 0xcc, sizeof(usage));
    ok(CertGetIntendedKeyUsage(ENC, leaf->pCertInfo, usage, sizeof(usage)), "leaf: failed %lx\n", GetLastError());
    ok(usage[0] == (CERT_DIGITAL_SIGNATURE_KEY_USAGE | CERT_KEY_ENCIPHERMENT_KEY_USAGE) && !usage[1] && !usage[2] && !usage[3],
       "leaf: %02x %02x\n", usage[0], usage[1]);
    ok(CertGetIntendedKeyUsage(ENC, root->pCertInfo, usage, 1), "root: failed\n");
    ok(usage[0] == (CERT_KEY_CERT_SIGN_KEY_USAGE | CERT_CRL_SIGN_KEY_USAGE), "root: %02x\n", usage[0]);
    memset(usage, 0xcc, sizeof(usage));
    ok(!CertGetIntendedKeyUsage(ENC, expired->pCertInfo, usage, sizeof(usage)), "no key usage: TRUE\n");
    /* documented: the buffer zeroed (Wine 8 leaves it) */
    if (test_is("wine")) skip("no key usage: Wine 8 does not zero the buffer\n");
    else ok(!usage[0] && !usage[3], "no key usage: not zeroed\n");
}

/* the OIDs CertGetValidUsages gives for these certificates; -1 all */
static int valid(PCCERT_CONTEXT *certs, DWORD count, char *list, DWORD list_size)
{
    DWORD size = 0, i;
    int num = -2;

    *list = 0;
    if (!CertGetValidUsages(count, certs, &num, NULL, &size)) { ok(0, "size: %lx\n", GetLastError()); return -2; }
    if (num > 0) ok(size > num * sizeof(LPSTR), "size %lu for %d OIDs\n", size, num);
    if (num <= 0) return num;
    {
        BYTE buf[1024];
        LPSTR *got = (LPSTR *)buf;
        DWORD small = size - 1;
        SetLastError(0xdeadbeef);
        ok(!CertGetValidUsages(count, certs, &num, got, &small) && GetLastError() == ERROR_MORE_DATA && small == size,
           "small buffer: %lx %lu\n", GetLastError(), small);
        size = sizeof(buf);
        ok(CertGetValidUsages(count, certs, &num, got, &size), "list: %lx\n", GetLastError());
        for (i = 0; i < (DWORD)num; i++)
        {
            if (*list) strcat(list, " ");
            if (strlen(list) + strlen(got[i]) + 2 < list_size) strcat(list, got[i]);
        }
    }
    return num;
}

int main(void)
{
    PCCERT_CONTEXT root, leaf, expired, certs[3];
    char list[256];
    int num;

    test_start("usage");
    root = CertCreateCertificateContext(ENC, cert_root, sizeof(cert_root));
    leaf = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    expired = CertCreateCertificateContext(ENC, cert_expired, sizeof(cert_expired));
    ok(root && leaf && expired, "certificates\n");
    if (!root || !leaf || !expired) return test_summary();
    test_intended(root, leaf, expired);

    certs[0] = root;
    ok(valid(certs, 1, list, sizeof(list)) == -1, "root: all usages\n");
    certs[0] = leaf;
    num = valid(certs, 1, list, sizeof(list));
    ok(num == 2 && !strcmp(list, szOID_PKIX_KP_SERVER_AUTH " " szOID_PKIX_KP_CLIENT_AUTH), "leaf: %d %s\n", num, list);
    certs[0] = root; certs[1] = leaf; certs[2] = expired;
    num = valid(certs, 3, list, sizeof(list));
    ok(num == 2 && !strcmp(list, szOID_PKIX_KP_SERVER_AUTH " " szOID_PKIX_KP_CLIENT_AUTH), "chain: %d %s\n", num, list);
    ok(valid(certs, 0, list, sizeof(list)) == -1, "no certificates: all usages\n");

    CertFreeCertificateContext(root);
    CertFreeCertificateContext(leaf);
    CertFreeCertificateContext(expired);
    return test_summary();
}
