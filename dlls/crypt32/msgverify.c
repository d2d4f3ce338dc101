/*
 * dlls/crypt32/msgverify.c — the simplified message functions over
 * msg.c: CryptVerifyMessageSignature (attached), CryptVerifyDetachedMessageSignature,
 * CryptGetMessageCertificates. A signer's certificate is the caller's
 * (pfnGetSignerCertificate) or the one the message carries with the
 * signer's issuer and serial number.
 */
#include "private.h"

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* the certificate of signer `index`, from the caller or the message's own */
static PCCERT_CONTEXT signer_cert(HCRYPTMSG msg, const CRYPT_VERIFY_MESSAGE_PARA *para, DWORD index, DWORD *err)
{
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_MSG, para->dwMsgAndCertEncodingType, 0, 0, msg);
    PCCERT_CONTEXT cert = NULL;
    CERT_INFO *id = NULL;
    DWORD count = 0, size = sizeof(count);

    *err = 0;
    if (!store) { *err = GetLastError(); return NULL; }
    if (!CryptMsgGetParam(msg, CMSG_SIGNER_COUNT_PARAM, 0, &count, &size)) *err = GetLastError();
    else if (index >= count) *err = CRYPT_E_NO_SIGNER;
    else if (!CryptMsgGetParam(msg, CMSG_SIGNER_CERT_INFO_PARAM, index, NULL, &size) ||
             !(id = HeapAlloc(GetProcessHeap(), 0, size)) ||
             !CryptMsgGetParam(msg, CMSG_SIGNER_CERT_INFO_PARAM, index, id, &size))
        *err = id ? GetLastError() : ERROR_OUTOFMEMORY;
    else if (para->pfnGetSignerCertificate)
    {
        if (!(cert = para->pfnGetSignerCertificate(para->pvGetArg, para->dwMsgAndCertEncodingType, id, store)))
            *err = CRYPT_E_NOT_FOUND;
    }
    else if (!(cert = CertFindCertificateInStore(store, para->dwMsgAndCertEncodingType, 0, CERT_FIND_SUBJECT_CERT, id, NULL)))
        *err = CRYPT_E_NOT_FOUND;
    HeapFree(GetProcessHeap(), 0, id);
    CertCloseStore(store, 0);
    return cert;
}

/* signer `index` of a whole decoded message checked; its content given out
   and its certificate kept when asked */
static BOOL verify_msg(HCRYPTMSG msg, const CRYPT_VERIFY_MESSAGE_PARA *para, DWORD index, BYTE *decoded,
                       DWORD *decoded_size, PCCERT_CONTEXT *signer)
{
    PCCERT_CONTEXT cert;
    DWORD err;
    BOOL ret;

    if (!(cert = signer_cert(msg, para, index, &err))) return fail(err);
    ret = CryptMsgControl(msg, 0, CMSG_CTRL_VERIFY_SIGNATURE, cert->pCertInfo);
    if (ret && decoded_size) ret = CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, decoded, decoded_size);
    if (ret && signer) *signer = cert;
    else CertFreeCertificateContext(cert);
    return ret;
}

static BOOL check_para(const CRYPT_VERIFY_MESSAGE_PARA *para)
{
    if (!para || para->cbSize != sizeof(*para) ||
        GET_CMSG_ENCODING_TYPE(para->dwMsgAndCertEncodingType) != PKCS_7_ASN_ENCODING)
        return fail(E_INVALIDARG);
    return TRUE;
}

BOOL WINAPI CryptVerifyMessageSignature(PCRYPT_VERIFY_MESSAGE_PARA para, DWORD index, const BYTE *blob, DWORD size,
                                        BYTE *decoded, DWORD *decoded_size, PCCERT_CONTEXT *signer)
{
    HCRYPTMSG msg;
    DWORD given = decoded_size ? *decoded_size : 0;
    BOOL ret;

    if (signer) *signer = NULL;
    if (decoded_size) *decoded_size = 0;
    if (!check_para(para)) return FALSE;
    if (!blob || !size) return fail(CRYPT_E_ASN1_EOD);
    if (!(msg = CryptMsgOpenToDecode(para->dwMsgAndCertEncodingType, 0, 0, 0, NULL, NULL))) return FALSE;
    if (decoded_size) *decoded_size = given;
    ret = CryptMsgUpdate(msg, blob, size, TRUE) && verify_msg(msg, para, index, decoded, decoded_size, signer);
    if (!ret && decoded_size && GetLastError() != ERROR_MORE_DATA) *decoded_size = 0;
    CryptMsgClose(msg);
    return ret;
}

BOOL WINAPI CryptVerifyDetachedMessageSignature(PCRYPT_VERIFY_MESSAGE_PARA para, DWORD index, const BYTE *sig,
                                                DWORD sig_size, DWORD count, const BYTE *pieces[], DWORD sizes[],
                                                PCCERT_CONTEXT *signer)
{
    HCRYPTMSG msg;
    DWORD i;
    BOOL ret;

    if (signer) *signer = NULL;
    if (!check_para(para)) return FALSE;
    if (!sig || !sig_size) return fail(CRYPT_E_ASN1_EOD);
    if (count && (!pieces || !sizes)) return fail(E_INVALIDARG);
    msg = CryptMsgOpenToDecode(para->dwMsgAndCertEncodingType, CMSG_DETACHED_FLAG, 0, 0, NULL, NULL);
    if (!msg) return FALSE;
    ret = CryptMsgUpdate(msg, sig, sig_size, TRUE);
    for (i = 0; ret && i < count; i++) ret = CryptMsgUpdate(msg, pieces[i], sizes[i], i == count - 1);
    if (ret && !count) ret = CryptMsgUpdate(msg, NULL, 0, TRUE);
    if (ret) ret = verify_msg(msg, para, index, NULL, NULL, signer);
    CryptMsgClose(msg);
    return ret;
}

HCERTSTORE WINAPI CryptGetMessageCertificates(DWORD encoding, HCRYPTPROV_LEGACY prov, DWORD flags, const BYTE *data,
                                              DWORD size)
{
    HCRYPTMSG msg = CryptMsgOpenToDecode(encoding, 0, 0, prov, NULL, NULL);
    HCERTSTORE store = NULL;

    (void)flags;
    if (!msg) return NULL;
    if (CryptMsgUpdate(msg, data, size, TRUE)) store = CertOpenStore(CERT_STORE_PROV_MSG, encoding, prov, 0, msg);
    CryptMsgClose(msg);
    return store;
}
