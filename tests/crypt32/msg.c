/* tests/crypt32/msg.c — PKCS#7/CMS messages opened to decode, made by
   openssl (tests/crypt32/genmsgs.sh writes msgs.h): signed data with RSA
   and ECDSA signers, attached and detached, with and without signed
   attributes, two signers and an extra certificate, a bare data message;
   the parameters read from them, signatures verified (CryptMsgControl),
   tampered content and signatures refused; then CryptFindOIDInfo. */
#define CRYPT_OID_INFO_HAS_EXTRA_FIELDS
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "msgs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)
static const char content[] = "wlx signed content\n";
static const BYTE content_sha256[] = {
    0x6f,0x2f,0xb4,0xd9,0x90,0x30,0xcc,0xd4,0xa1,0x5e,0x11,0x1f,0x4b,0xbd,0x0b,0x85,
    0x0d,0x47,0x53,0x04,0x98,0x2e,0x5c,0xeb,0x4d,0xe8,0x57,0xff,0x27,0xd8,0x5b,0x15,
};

static HCRYPTMSG open_msg(const BYTE *data, DWORD size, DWORD flags)
{
    HCRYPTMSG msg = CryptMsgOpenToDecode(ENC, flags, 0, 0, NULL, NULL);
    ok(msg != NULL, "CryptMsgOpenToDecode failed %lx\n", GetLastError());
    if (!msg) return NULL;
    ok(CryptMsgUpdate(msg, data, size, TRUE), "CryptMsgUpdate failed %lx\n", GetLastError());
    return msg;
}

static DWORD get_dword(HCRYPTMSG msg, DWORD type)
{
    DWORD value = 0xdeadbeef, size = sizeof(value);
    ok(CryptMsgGetParam(msg, type, 0, &value, &size), "CryptMsgGetParam(%lu) failed %lx\n", type, GetLastError());
    return value;
}

/* a parameter in a heap block (free it) */
static void *get_param(HCRYPTMSG msg, DWORD type, DWORD index, DWORD *size)
{
    void *buf;
    *size = 0;
    if (!CryptMsgGetParam(msg, type, index, NULL, size)) return NULL;
    buf = HeapAlloc(GetProcessHeap(), 0, *size);
    if (!CryptMsgGetParam(msg, type, index, buf, size)) { HeapFree(GetProcessHeap(), 0, buf); return NULL; }
    return buf;
}

/* verifies signer `index` with a certificate: its error, 0 if good */
static DWORD verify(HCRYPTMSG msg, DWORD index, const BYTE *cert_der, DWORD cert_size)
{
    PCCERT_CONTEXT cert = CertCreateCertificateContext(ENC, cert_der, cert_size);
    CMSG_CTRL_VERIFY_SIGNATURE_EX_PARA para = { sizeof(para), 0, index, CMSG_VERIFY_SIGNER_CERT, (void *)cert };
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = CryptMsgControl(msg, 0, CMSG_CTRL_VERIFY_SIGNATURE_EX, &para);
    CertFreeCertificateContext(cert);
    return ret ? 0 : GetLastError();
}

/* verifies through CMSG_CTRL_VERIFY_SIGNATURE: the signer a CERT_INFO names */
static DWORD verify_by_info(HCRYPTMSG msg, const BYTE *cert_der, DWORD cert_size)
{
    PCCERT_CONTEXT cert = CertCreateCertificateContext(ENC, cert_der, cert_size);
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = CryptMsgControl(msg, 0, CMSG_CTRL_VERIFY_SIGNATURE, cert->pCertInfo);
    CertFreeCertificateContext(cert);
    return ret ? 0 : GetLastError();
}

static void test_attached(void)
{
    HCRYPTMSG msg = open_msg(msg_rsa_attached, sizeof(msg_rsa_attached), 0);
    CMSG_SIGNER_INFO *info;
    CMSG_CMS_SIGNER_INFO *cms;
    CERT_INFO *cert_info;
    PCCERT_CONTEXT cert;
    DWORD size, i, found;
    BYTE *data;
    char *oid;

    if (!msg) return;
    ok(get_dword(msg, CMSG_TYPE_PARAM) == CMSG_SIGNED, "type\n");
    ok(get_dword(msg, CMSG_SIGNER_COUNT_PARAM) == 1, "signer count\n");
    ok(get_dword(msg, CMSG_CERT_COUNT_PARAM) == 1, "cert count\n");
    /* Wine 8 has no CMSG_VERSION_PARAM for a message decoded */
    if (test_is("wine")) skip("CMSG_VERSION_PARAM: not in Wine 8\n");
    else ok(get_dword(msg, CMSG_VERSION_PARAM) == 1, "version %lu\n", get_dword(msg, CMSG_VERSION_PARAM));

    data = get_param(msg, CMSG_CONTENT_PARAM, 0, &size);
    ok(data && size == strlen(content) && !memcmp(data, content, size), "content (%lu bytes)\n", size);
    HeapFree(GetProcessHeap(), 0, data);

    oid = get_param(msg, CMSG_INNER_CONTENT_TYPE_PARAM, 0, &size);
    ok(oid && !strcmp(oid, szOID_RSA_data) && size == strlen(szOID_RSA_data) + 1, "inner type %s\n", oid);
    HeapFree(GetProcessHeap(), 0, oid);

    /* the certificate carried is the signer's */
    data = get_param(msg, CMSG_CERT_PARAM, 0, &size);
    ok(data && size == sizeof(cert_rsa) && !memcmp(data, cert_rsa, size), "cert (%lu bytes)\n", size);
    HeapFree(GetProcessHeap(), 0, data);
    SetLastError(0xdeadbeef);
    size = 0;
    ok(!CryptMsgGetParam(msg, CMSG_CERT_PARAM, 1, NULL, &size) && GetLastError() == CRYPT_E_INVALID_INDEX,
       "cert 1: %lx\n", GetLastError());

    /* a buffer too small says how much is needed */
    size = 2;
    {
        BYTE small[2];
        SetLastError(0xdeadbeef);
        ok(!CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, small, &size) && GetLastError() == ERROR_MORE_DATA &&
           size == strlen(content), "small buffer: %lx, %lu\n", GetLastError(), size);
    }

    info = get_param(msg, CMSG_SIGNER_INFO_PARAM, 0, &size);
    ok(info != NULL, "CMSG_SIGNER_INFO_PARAM failed %lx\n", GetLastError());
    if (info)
    {
        cert = CertCreateCertificateContext(ENC, cert_rsa, sizeof(cert_rsa));
        ok(info->dwVersion == 1, "signer version %lu\n", info->dwVersion);
        ok(CertCompareCertificateName(ENC, &info->Issuer, &cert->pCertInfo->Issuer), "issuer\n");
        /* serial numbers little-endian, as in CERT_INFO */
        ok(info->SerialNumber.cbData == 2 && info->SerialNumber.pbData[0] == 0x01 && info->SerialNumber.pbData[1] == 0x10,
           "serial (%lu bytes)\n", info->SerialNumber.cbData);
        ok(!strcmp(info->HashAlgorithm.pszObjId, szOID_NIST_sha256), "hash %s\n", info->HashAlgorithm.pszObjId);
        ok(!strcmp(info->HashEncryptionAlgorithm.pszObjId, szOID_RSA_RSA), "sig alg %s\n",
           info->HashEncryptionAlgorithm.pszObjId);
        ok(info->EncryptedHash.cbData == 256, "signature %lu bytes\n", info->EncryptedHash.cbData);
        /* openssl signs content type, signing time, S/MIME capabilities and the digest */
        for (i = found = 0; i < info->AuthAttrs.cAttr; i++)
        {
            CRYPT_ATTRIBUTE *a = &info->AuthAttrs.rgAttr[i];
            if (!strcmp(a->pszObjId, szOID_RSA_messageDigest))
            {
                found++;
                ok(a->cValue == 1 && a->rgValue[0].cbData == 34 && a->rgValue[0].pbData[0] == 0x04,
                   "message digest attribute: %lu values\n", a->cValue);
            }
            if (!strcmp(a->pszObjId, szOID_RSA_contentType)) found++;
        }
        ok(found == 2, "content type and message digest attributes: %lu\n", found);
        ok(info->UnauthAttrs.cAttr == 0, "unauthenticated attributes %lu\n", info->UnauthAttrs.cAttr);
        CertFreeCertificateContext(cert);
    }
    HeapFree(GetProcessHeap(), 0, info);

    cms = get_param(msg, CMSG_CMS_SIGNER_INFO_PARAM, 0, &size);
    ok(cms != NULL, "CMSG_CMS_SIGNER_INFO_PARAM failed %lx\n", GetLastError());
    if (cms)
    {
        ok(cms->SignerId.dwIdChoice == CERT_ID_ISSUER_SERIAL_NUMBER, "id choice %lu\n", cms->SignerId.dwIdChoice);
        ok(cms->SignerId.IssuerSerialNumber.SerialNumber.cbData == 2, "cms serial\n");
        ok(!strcmp(cms->HashAlgorithm.pszObjId, szOID_NIST_sha256), "cms hash %s\n", cms->HashAlgorithm.pszObjId);
    }
    HeapFree(GetProcessHeap(), 0, cms);

    cert_info = get_param(msg, CMSG_SIGNER_CERT_INFO_PARAM, 0, &size);
    ok(cert_info && cert_info->SerialNumber.cbData == 2 && cert_info->SerialNumber.pbData[0] == 0x01,
       "CMSG_SIGNER_CERT_INFO_PARAM: %lx\n", GetLastError());
    HeapFree(GetProcessHeap(), 0, cert_info);

    /* the computed hash is SHA-256 of the content (`sha256sum` of it) */
    data = get_param(msg, CMSG_COMPUTED_HASH_PARAM, 0, &size);
    ok(data && size == sizeof(content_sha256) && !memcmp(data, content_sha256, size), "computed hash (%lu bytes)\n", size);
    HeapFree(GetProcessHeap(), 0, data);

    ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == 0, "verify: %lx\n", verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
    ok(verify_by_info(msg, cert_rsa, sizeof(cert_rsa)) == 0, "verify by info: %lx\n",
       verify_by_info(msg, cert_rsa, sizeof(cert_rsa)));
    /* another key: the signature does not match it */
    ok(verify(msg, 0, cert_extra, sizeof(cert_extra)) != 0, "verified with another key\n");
    /* a certificate naming no signer */
    ok(verify_by_info(msg, cert_ec, sizeof(cert_ec)) == CRYPT_E_SIGNER_NOT_FOUND, "no signer: %lx\n",
       verify_by_info(msg, cert_ec, sizeof(cert_ec)));
    ok(verify(msg, 1, cert_rsa, sizeof(cert_rsa)) == CRYPT_E_SIGNER_NOT_FOUND, "signer 1: %lx\n",
       verify(msg, 1, cert_rsa, sizeof(cert_rsa)));
    ok(CryptMsgClose(msg), "CryptMsgClose failed\n");
}

/* a detached signature: the message, then the content through CryptMsgUpdate */
static void test_detached(const BYTE *der, DWORD size, const BYTE *cert, DWORD cert_size, const char *alg_oid)
{
    HCRYPTMSG msg = open_msg(der, size, CMSG_DETACHED_FLAG), dup;
    CMSG_SIGNER_INFO *info;
    DWORD len;

    if (!msg) return;
    ok(get_dword(msg, CMSG_SIGNER_COUNT_PARAM) == 1, "signer count\n");
    info = get_param(msg, CMSG_SIGNER_INFO_PARAM, 0, &len);
    ok(info && !strcmp(info->HashEncryptionAlgorithm.pszObjId, alg_oid), "sig alg %s\n",
       info ? info->HashEncryptionAlgorithm.pszObjId : "none");
    HeapFree(GetProcessHeap(), 0, info);
    ok(CryptMsgUpdate(msg, (const BYTE *)content, strlen(content), TRUE), "content failed %lx\n", GetLastError());
    ok(verify(msg, 0, cert, cert_size) == 0, "detached verify: %lx\n", verify(msg, 0, cert, cert_size));
    dup = CryptMsgDuplicate(msg);
    ok(dup == msg, "CryptMsgDuplicate gave %p\n", dup);
    CryptMsgClose(dup);
    ok(get_dword(msg, CMSG_TYPE_PARAM) == CMSG_SIGNED, "type after a duplicate's close\n");
    CryptMsgClose(msg);

    /* other content: the digest in the signed attributes does not match
       (Wine 8 does not compare it, and takes the signature as good) */
    if (test_is("wine")) { skip("detached, other content: Wine 8 does not check the message digest\n"); return; }
    msg = open_msg(der, size, CMSG_DETACHED_FLAG);
    ok(CryptMsgUpdate(msg, (const BYTE *)"other content", 13, TRUE), "content failed %lx\n", GetLastError());
    ok(verify(msg, 0, cert, cert_size) == CRYPT_E_HASH_VALUE, "other content: %lx\n", verify(msg, 0, cert, cert_size));
    CryptMsgClose(msg);
}

static void test_two_signers(void)
{
    HCRYPTMSG msg;
    DWORD size, i, rsa = 2;
    CMSG_SIGNER_INFO *info;

    /* Wine 8 fails to decode a message with an ECDSA signer (CRYPT_E_ASN1_BADTAG) */
    if (test_is("wine")) { skip("ECDSA signers: Wine 8 cannot decode them\n"); return; }
    msg = open_msg(msg_two_signers, sizeof(msg_two_signers), 0);
    if (!msg) return;
    ok(get_dword(msg, CMSG_SIGNER_COUNT_PARAM) == 2, "signer count\n");
    ok(get_dword(msg, CMSG_CERT_COUNT_PARAM) == 3, "cert count %lu\n", get_dword(msg, CMSG_CERT_COUNT_PARAM));
    for (i = 0; i < 2; i++)
    {
        info = get_param(msg, CMSG_SIGNER_INFO_PARAM, i, &size);
        if (info && !strcmp(info->HashEncryptionAlgorithm.pszObjId, szOID_RSA_RSA)) rsa = i;
        HeapFree(GetProcessHeap(), 0, info);
    }
    ok(rsa < 2, "no RSA signer\n");
    if (rsa < 2)
    {
        ok(verify(msg, rsa, cert_rsa, sizeof(cert_rsa)) == 0, "RSA signer: %lx\n", verify(msg, rsa, cert_rsa, sizeof(cert_rsa)));
        ok(verify(msg, !rsa, cert_ec, sizeof(cert_ec)) == 0, "EC signer: %lx\n", verify(msg, !rsa, cert_ec, sizeof(cert_ec)));
    }
    ok(verify_by_info(msg, cert_ec, sizeof(cert_ec)) == 0, "EC signer by info: %lx\n",
       verify_by_info(msg, cert_ec, sizeof(cert_ec)));
    ok(verify_by_info(msg, cert_extra, sizeof(cert_extra)) == CRYPT_E_SIGNER_NOT_FOUND, "extra: %lx\n",
       verify_by_info(msg, cert_extra, sizeof(cert_extra)));
    CryptMsgClose(msg);
}

/* a copy with the first byte of the content (inside the message) changed */
static BYTE *tamper_content(const BYTE *der, DWORD size)
{
    BYTE *copy = HeapAlloc(GetProcessHeap(), 0, size);
    DWORD i, n = strlen(content);

    memcpy(copy, der, size);
    for (i = 0; i + n <= size; i++)
        if (!memcmp(copy + i, content, n)) { copy[i] ^= 1; return copy; }
    ok(0, "content not found in the message\n");
    return copy;
}

static void test_tampered(void)
{
    BYTE *bad = tamper_content(msg_rsa_attached, sizeof(msg_rsa_attached));
    HCRYPTMSG msg = open_msg(bad, sizeof(msg_rsa_attached), 0);
    CMSG_SIGNER_INFO *info;
    DWORD size;

    /* the content no longer has the digest the signed attributes carry
       (Wine 8 does not compare it, and takes the signature as good) */
    if (test_is("wine")) skip("tampered content: Wine 8 does not check the message digest\n");
    else if (msg) ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == CRYPT_E_HASH_VALUE, "tampered content: %lx\n",
                verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
    CryptMsgClose(msg);
    HeapFree(GetProcessHeap(), 0, bad);

    /* without signed attributes the content itself is signed */
    msg = open_msg(msg_rsa_noattr, sizeof(msg_rsa_noattr), 0);
    if (msg)
    {
        info = get_param(msg, CMSG_SIGNER_INFO_PARAM, 0, &size);
        ok(info && info->AuthAttrs.cAttr == 0, "no signed attributes\n");
        HeapFree(GetProcessHeap(), 0, info);
        info = get_param(msg, CMSG_SIGNER_AUTH_ATTR_PARAM, 0, &size);
        ok(info && ((CRYPT_ATTRIBUTES *)info)->cAttr == 0, "auth attrs: %lx\n", GetLastError());
        HeapFree(GetProcessHeap(), 0, info);
        ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == 0, "no attributes: %lx\n", verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
        CryptMsgClose(msg);
    }
    bad = tamper_content(msg_rsa_noattr, sizeof(msg_rsa_noattr));
    msg = open_msg(bad, sizeof(msg_rsa_noattr), 0);
    if (msg) ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == NTE_BAD_SIGNATURE, "tampered, no attributes: %lx\n",
                verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
    CryptMsgClose(msg);
    HeapFree(GetProcessHeap(), 0, bad);

    /* the signature's last byte changed (it ends the message) */
    bad = HeapAlloc(GetProcessHeap(), 0, sizeof(msg_rsa_attached));
    memcpy(bad, msg_rsa_attached, sizeof(msg_rsa_attached));
    bad[sizeof(msg_rsa_attached) - 1] ^= 0x40;
    msg = open_msg(bad, sizeof(msg_rsa_attached), 0);
    if (msg) ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == NTE_BAD_SIGNATURE, "tampered signature: %lx\n",
                verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
    CryptMsgClose(msg);
    HeapFree(GetProcessHeap(), 0, bad);
}

/* BER: indefinite lengths, the content in a constructed OCTET STRING */
static void test_ber(void)
{
    HCRYPTMSG msg;
    DWORD size, i, bad;
    BYTE *data, deep[400];

    /* cut at every length before the end-of-contents octets that end it
       (Wine 8 takes a message missing some of those), and nested 200
       deep: errors, never a crash */
    for (size = sizeof(msg_rsa_stream); size && !msg_rsa_stream[size - 1]; size--) {}
    for (i = bad = 0; i < size; i++)
    {
        msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
        if (CryptMsgUpdate(msg, msg_rsa_stream, i, TRUE)) bad++;
        CryptMsgClose(msg);
    }
    ok(!bad, "%lu truncated BER messages decoded\n", bad);
    for (i = 0; i < sizeof(deep); i += 2) { deep[i] = 0x30; deep[i + 1] = 0x80; }
    msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
    ok(!CryptMsgUpdate(msg, deep, sizeof(deep), TRUE), "deep nesting decoded\n");
    CryptMsgClose(msg);

    msg = open_msg(msg_rsa_stream, sizeof(msg_rsa_stream), 0);
    if (!msg) return;
    data = get_param(msg, CMSG_CONTENT_PARAM, 0, &size);
    ok(data && size == strlen(content) && !memcmp(data, content, size), "BER content (%lu bytes)\n", size);
    HeapFree(GetProcessHeap(), 0, data);
    ok(get_dword(msg, CMSG_CERT_COUNT_PARAM) == 1, "BER cert count\n");
    ok(verify(msg, 0, cert_rsa, sizeof(cert_rsa)) == 0, "BER verify: %lx\n", verify(msg, 0, cert_rsa, sizeof(cert_rsa)));
    CryptMsgClose(msg);
}

static void test_data_and_errors(void)
{
    HCRYPTMSG msg = open_msg(msg_data, sizeof(msg_data), 0);
    DWORD size, value, i, bad;
    BYTE *data;

    if (msg)
    {
        ok(get_dword(msg, CMSG_TYPE_PARAM) == CMSG_DATA, "data type\n");
        data = get_param(msg, CMSG_CONTENT_PARAM, 0, &size);
        ok(data && size == strlen(content) && !memcmp(data, content, size), "data content\n");
        HeapFree(GetProcessHeap(), 0, data);
        size = sizeof(value);
        SetLastError(0xdeadbeef);
        ok(!CryptMsgGetParam(msg, CMSG_SIGNER_COUNT_PARAM, 0, &value, &size) &&
           GetLastError() == CRYPT_E_INVALID_MSG_TYPE, "signer count of data: %lx\n", GetLastError());
        CryptMsgClose(msg);
    }

    /* cut short */
    msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
    SetLastError(0xdeadbeef);
    ok(!CryptMsgUpdate(msg, msg_rsa_attached, 100, TRUE) && GetLastError() == CRYPT_E_ASN1_EOD,
       "truncated: %lx\n", GetLastError());
    CryptMsgClose(msg);

    /* cut at every length: an error each time, never a crash */
    for (i = bad = 0; i < sizeof(msg_rsa_attached); i++)
    {
        msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
        if (CryptMsgUpdate(msg, msg_rsa_attached, i, TRUE)) bad++;
        CryptMsgClose(msg);
    }
    ok(!bad, "%lu truncated messages decoded\n", bad);

    /* not a message at all */
    msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
    SetLastError(0xdeadbeef);
    ok(!CryptMsgUpdate(msg, cert_rsa, sizeof(cert_rsa), TRUE), "a certificate decoded as a message\n");
    CryptMsgClose(msg);

    /* parameters before the message is whole */
    msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
    CryptMsgUpdate(msg, msg_rsa_attached, 100, FALSE);
    size = sizeof(value);
    SetLastError(0xdeadbeef);
    ok(!CryptMsgGetParam(msg, CMSG_SIGNER_COUNT_PARAM, 0, &value, &size), "signer count of half a message\n");
    CryptMsgClose(msg);

    ok(CryptGetMessageSignerCount(ENC, msg_rsa_attached, sizeof(msg_rsa_attached)) == 1, "CryptGetMessageSignerCount\n");
    ok(CryptMsgClose(NULL), "CryptMsgClose(NULL)\n");
}

static PCCERT_CONTEXT WINAPI get_signer(void *arg, DWORD encoding, PCERT_INFO id, HCERTSTORE store)
{
    (*(int *)arg)++;
    return CertCreateCertificateContext(encoding, cert_rsa, sizeof(cert_rsa));
}

/* the simplified functions: CryptVerifyMessageSignature, its detached
   kind, CryptGetMessageCertificates and CERT_STORE_PROV_MSG */
static void test_simplified(void)
{
    CRYPT_VERIFY_MESSAGE_PARA para = { sizeof(para), ENC };
    const BYTE *pieces[2] = { (const BYTE *)content, (const BYTE *)content + 4 };
    DWORD sizes[2] = { 4, strlen(content) - 4 }, size, count;
    PCCERT_CONTEXT signer = NULL, c;
    BYTE decoded[64], *bad;
    HCERTSTORE store;
    HCRYPTMSG msg;
    int calls = 0;

    size = sizeof(decoded);
    ok(CryptVerifyMessageSignature(&para, 0, msg_rsa_attached, sizeof(msg_rsa_attached), decoded, &size, &signer),
       "CryptVerifyMessageSignature failed %lx\n", GetLastError());
    ok(size == strlen(content) && !memcmp(decoded, content, size), "decoded %lu bytes\n", size);
    ok(signer && signer->cbCertEncoded == sizeof(cert_rsa) && !memcmp(signer->pbCertEncoded, cert_rsa, sizeof(cert_rsa)),
       "signer certificate\n");
    CertFreeCertificateContext(signer);

    /* the size alone */
    size = 0;
    ok(CryptVerifyMessageSignature(&para, 0, msg_rsa_attached, sizeof(msg_rsa_attached), NULL, &size, NULL) &&
       size == strlen(content), "size: %lx %lu\n", GetLastError(), size);
    /* no signer 1: CRYPT_E_NO_SIGNER, as documented (Wine 8 says CRYPT_E_UNEXPECTED_MSG_TYPE) */
    SetLastError(0xdeadbeef);
    ok(!CryptVerifyMessageSignature(&para, 1, msg_rsa_attached, sizeof(msg_rsa_attached), NULL, NULL, &signer) && !signer,
       "signer 1 verified\n");
    ok(test_is("wine") || GetLastError() == CRYPT_E_NO_SIGNER, "signer 1: %lx\n", GetLastError());
    para.cbSize = 4;
    SetLastError(0xdeadbeef);
    ok(!CryptVerifyMessageSignature(&para, 0, msg_rsa_attached, sizeof(msg_rsa_attached), NULL, NULL, NULL) &&
       GetLastError() == E_INVALIDARG, "bad cbSize: %lx\n", GetLastError());
    para.cbSize = sizeof(para);

    /* the caller names the signer's certificate */
    para.pfnGetSignerCertificate = get_signer;
    para.pvGetArg = &calls;
    ok(CryptVerifyMessageSignature(&para, 0, msg_rsa_noattr, sizeof(msg_rsa_noattr), NULL, NULL, NULL),
       "with the caller's certificate: %lx\n", GetLastError());
    ok(calls == 1, "callback called %d times\n", calls);
    para.pfnGetSignerCertificate = NULL;

    if (test_is("wine")) skip("tampered content: Wine 8 does not check the message digest\n");
    else
    {
        bad = tamper_content(msg_rsa_attached, sizeof(msg_rsa_attached));
        SetLastError(0xdeadbeef);
        ok(!CryptVerifyMessageSignature(&para, 0, bad, sizeof(msg_rsa_attached), NULL, NULL, NULL) &&
           GetLastError() == CRYPT_E_HASH_VALUE, "tampered: %lx\n", GetLastError());
        HeapFree(GetProcessHeap(), 0, bad);
    }

    /* detached: the content whole, then in two pieces (Wine 8 fails to
       take the content in more than one CryptMsgUpdate) */
    size = strlen(content);
    ok(CryptVerifyDetachedMessageSignature(&para, 0, msg_rsa_detached, sizeof(msg_rsa_detached), 1, pieces, &size, &signer),
       "CryptVerifyDetachedMessageSignature failed %lx\n", GetLastError());
    ok(signer != NULL, "no signer certificate\n");
    CertFreeCertificateContext(signer);
    if (test_is("wine")) skip("detached content in pieces: Wine 8 fails\n");
    else ok(CryptVerifyDetachedMessageSignature(&para, 0, msg_rsa_detached, sizeof(msg_rsa_detached), 2, pieces, sizes, NULL),
            "CryptVerifyDetachedMessageSignature (two pieces) failed %lx\n", GetLastError());
    sizes[1]--;
    SetLastError(0xdeadbeef);
    ok(!CryptVerifyDetachedMessageSignature(&para, 0, msg_rsa_detached, sizeof(msg_rsa_detached), 2, pieces, sizes, NULL),
       "detached, content cut short\n");
    ok(test_is("wine") || GetLastError() == CRYPT_E_HASH_VALUE, "detached, cut short: %lx\n", GetLastError());

    store = CryptGetMessageCertificates(ENC, 0, 0, msg_rsa_attached, sizeof(msg_rsa_attached));
    ok(store != NULL, "CryptGetMessageCertificates failed %lx\n", GetLastError());
    for (c = NULL, count = 0; (c = CertEnumCertificatesInStore(store, c)); count++) {}
    ok(count == 1, "%lu certificates\n", count);
    CertCloseStore(store, 0);

    msg = CryptMsgOpenToDecode(ENC, 0, 0, 0, NULL, NULL);
    CryptMsgUpdate(msg, msg_rsa_attached, sizeof(msg_rsa_attached), TRUE);
    store = CertOpenStore(CERT_STORE_PROV_MSG, ENC, 0, 0, msg);
    ok(store != NULL, "CERT_STORE_PROV_MSG failed %lx\n", GetLastError());
    c = CertEnumCertificatesInStore(store, NULL);
    ok(c && c->cbCertEncoded == sizeof(cert_rsa), "the message's certificate\n");
    CertFreeCertificateContext(c);
    CertCloseStore(store, 0);
    CryptMsgClose(msg);
}

/* Wine 8's table lacks what Windows Vista added: CNG names of hashes and
   RSA, the ECC key, names found in any case, and group flags ignored
   (.NET passes CRYPT_OID_DISABLE_SEARCH_DS_FLAG in the group) */
static void test_find_oid_info(void)
{
    BOOL wine = test_is("wine");
    PCCRYPT_OID_INFO info;
    ALG_ID algs[2];

    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_NIST_sha256, 0);
    ok(info && !lstrcmpW(info->pwszName, L"sha256") && info->dwGroupId == CRYPT_HASH_ALG_OID_GROUP_ID &&
       info->Algid == CALG_SHA_256, "sha256\n");
    if (wine) skip("CNG names: not in Wine 8\n");
    else ok(info && info->pwszCNGAlgid && !lstrcmpW(info->pwszCNGAlgid, L"SHA256"), "sha256's CNG name\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_OIWSEC_sha1, CRYPT_HASH_ALG_OID_GROUP_ID);
    ok(info && !lstrcmpW(info->pwszName, L"sha1") && info->Algid == CALG_SHA1, "sha1\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, (void *)L"sha384", 0);
    ok(info && !strcmp(info->pszOID, szOID_NIST_sha384), "sha384 by name\n");
    if (wine) skip("names in any case: not in Wine 8\n");
    else
    {
        info = CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, (void *)L"SHA384", 0);
        ok(info && !strcmp(info->pszOID, szOID_NIST_sha384), "sha384 by name in capitals\n");
    }
    algs[0] = CALG_SHA_512;
    info = CryptFindOIDInfo(CRYPT_OID_INFO_ALGID_KEY, algs, 0);
    ok(info && !strcmp(info->pszOID, szOID_NIST_sha512), "sha512 by ALG_ID\n");
    if (wine) skip("CNG names: not in Wine 8\n");
    else
    {
        info = CryptFindOIDInfo(CRYPT_OID_INFO_CNG_ALGID_KEY, (void *)L"SHA256", CRYPT_HASH_ALG_OID_GROUP_ID);
        ok(info && !strcmp(info->pszOID, szOID_NIST_sha256), "sha256 by CNG name\n");
    }

    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_RSA_SHA256RSA, 0);
    ok(info && !lstrcmpW(info->pwszName, L"sha256RSA") && info->dwGroupId == CRYPT_SIGN_ALG_OID_GROUP_ID &&
       info->Algid == CALG_SHA_256 && info->ExtraInfo.cbData >= 4 && *(DWORD *)info->ExtraInfo.pbData == CALG_RSA_SIGN,
       "sha256RSA\n");
    if (wine) skip("CNG names: not in Wine 8\n");
    else ok(info && info->pwszCNGAlgid && !lstrcmpW(info->pwszCNGAlgid, L"SHA256") && info->pwszCNGExtraAlgid &&
            !lstrcmpW(info->pwszCNGExtraAlgid, L"RSA"), "sha256RSA's CNG names\n");
    algs[0] = CALG_SHA1; algs[1] = CALG_RSA_SIGN;
    info = CryptFindOIDInfo(CRYPT_OID_INFO_SIGN_KEY, algs, 0);
    ok(info && !strcmp(info->pszOID, szOID_RSA_SHA1RSA), "sha1RSA by its ALG_IDs: %s\n", info ? info->pszOID : "none");
    /* ECDSA has no CryptoAPI ALG_ID: CNG only, the curve from the key's parameters */
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_ECDSA_SHA256, 0);
    ok(info && !lstrcmpW(info->pwszName, L"sha256ECDSA") && info->Algid == CALG_OID_INFO_CNG_ONLY &&
       info->ExtraInfo.cbData >= 4 && *(DWORD *)info->ExtraInfo.pbData == CALG_OID_INFO_PARAMETERS &&
       !lstrcmpW(info->pwszCNGAlgid, L"SHA256") && !lstrcmpW(info->pwszCNGExtraAlgid, CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
       "sha256ECDSA\n");

    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_RSA_RSA, 0);
    ok(info && !lstrcmpW(info->pwszName, L"RSA") && info->dwGroupId == CRYPT_PUBKEY_ALG_OID_GROUP_ID &&
       info->Algid == CALG_RSA_KEYX, "RSA\n");
    if (wine) skip("ECC: not in Wine 8\n");
    else
    {
        ok(info && info->pwszCNGAlgid && !lstrcmpW(info->pwszCNGAlgid, L"RSA"), "RSA's CNG name\n");
        info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_ECC_PUBLIC_KEY, 0);
        ok(info && !lstrcmpW(info->pwszName, L"ECC") && info->dwGroupId == CRYPT_PUBKEY_ALG_OID_GROUP_ID, "ECC\n");
    }

    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_COMMON_NAME, 0);
    ok(info && !lstrcmpW(info->pwszName, L"CN") && info->dwGroupId == CRYPT_RDN_ATTR_OID_GROUP_ID, "CN\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, (void *)L"O", CRYPT_RDN_ATTR_OID_GROUP_ID);
    ok(info && !strcmp(info->pszOID, szOID_ORGANIZATION_NAME), "O\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_STATE_OR_PROVINCE_NAME, 0);
    ok(info && !lstrcmpW(info->pwszName, L"S"), "S\n");
    /* an e-mail address is an IA5String only */
    info = CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, (void *)L"E", 0);
    ok(info && !strcmp(info->pszOID, szOID_RSA_emailAddr) && info->ExtraInfo.cbData >= 4 &&
       *(DWORD *)info->ExtraInfo.pbData == CERT_RDN_IA5_STRING, "E\n");

    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_PKIX_KP_SERVER_AUTH, 0);
    ok(info && !lstrcmpW(info->pwszName, L"Server Authentication") && info->dwGroupId == CRYPT_ENHKEY_USAGE_OID_GROUP_ID,
       "server auth\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_PKIX_KP_CODE_SIGNING, CRYPT_ENHKEY_USAGE_OID_GROUP_ID);
    ok(info && !lstrcmpW(info->pwszName, L"Code Signing"), "code signing\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_BASIC_CONSTRAINTS2, 0);
    ok(info && !lstrcmpW(info->pwszName, L"Basic Constraints") && info->dwGroupId == CRYPT_EXT_OR_ATTR_OID_GROUP_ID,
       "basic constraints\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_SUBJECT_ALT_NAME2, 0);
    ok(info && !lstrcmpW(info->pwszName, L"Subject Alternative Name"), "SAN\n");
    info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_RSA_messageDigest, 0);
    ok(info && !lstrcmpW(info->pwszName, L"Message Digest"), "message digest\n");

    /* a group filters */
    ok(!CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_NIST_sha256, CRYPT_SIGN_ALG_OID_GROUP_ID), "wrong group\n");
    if (wine) skip("group flags: not in Wine 8\n");
    else
    {
        info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)szOID_NIST_sha256,
                                CRYPT_HASH_ALG_OID_GROUP_ID | CRYPT_OID_DISABLE_SEARCH_DS_FLAG);
        ok(info && info->Algid == CALG_SHA_256, "group with the DS flag\n");
    }
    ok(!CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)"1.2.3.4.5.6.7.8.9", 0), "unknown OID\n");
    ok(!CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, (void *)L"no such name", 0), "unknown name\n");
}

int main(void)
{
    test_start("msg");
    test_attached();
    test_detached(msg_rsa_detached, sizeof(msg_rsa_detached), cert_rsa, sizeof(cert_rsa), szOID_RSA_RSA);
    if (test_is("wine")) skip("ECDSA signers: Wine 8 cannot decode them\n");
    else test_detached(msg_ec_detached, sizeof(msg_ec_detached), cert_ec, sizeof(cert_ec), szOID_ECDSA_SHA256);
    test_two_signers();
    test_tampered();
    test_ber();
    test_data_and_errors();
    test_simplified();
    test_find_oid_info();
    return test_summary();
}
