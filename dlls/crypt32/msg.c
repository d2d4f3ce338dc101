/*
 * dlls/crypt32/msg.c — PKCS#7/CMS messages opened to decode
 * (CryptMsgOpenToDecode): data and signed data (RFC 5652), attached or
 * detached. CryptMsgUpdate gathers the encoded message (then, detached,
 * the content); the message is parsed once it is whole (der.c; BER is
 * made DER first: der_from_ber); CryptMsgGetParam answers
 * from windows into the kept bytes; CryptMsgControl checks a signer's
 * signature: the content's digest (bcrypt) against the messageDigest
 * attribute, then the signature over the signed attributes, or over the
 * content when there are none (verify.c, through hogweed).
 *
 * Sections: messages · parsing · parameters · verifying · the API.
 */
#include "private.h"
#include <bcrypt.h>

#define MSG_MAGIC 0x4d736721     /* "Msg!" */
#define MAX_SIGNERS 64
#define MAX_CERTS 256

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- messages ----------------------------------------------------------------- */

struct signer {
    struct der all;              /* the SignerInfo */
    DWORD version;
    struct der sid;              /* IssuerAndSerialNumber (0x30) or [0] SubjectKeyIdentifier */
    struct der digest_alg;       /* AlgorithmIdentifier */
    struct der auth;             /* [0] signedAttrs, its tag included; p == NULL: none */
    struct der sig_alg;
    struct der sig;              /* the OCTET STRING's content */
    struct der unauth;           /* [1] unsignedAttrs; p == NULL: none */
};

struct msg {
    DWORD magic;
    LONG refs;
    DWORD flags;
    DWORD type;                  /* CMSG_DATA, CMSG_SIGNED; 0 until parsed when opened with 0 */
    CMSG_STREAM_INFO stream;
    BOOL has_stream;
    BYTE *data;                  /* the encoded message, gathered */
    DWORD size, cap;
    BYTE *der;                   /* a BER message made DER (der.c), or NULL */
    BYTE *detached;              /* the detached content, gathered */
    DWORD detached_size, detached_cap;
    BOOL final;                  /* the message is whole and parsed */
    BOOL content_final;          /* detached: so is the content */
    /* once parsed: windows into `data` */
    DWORD version;
    char inner_type[DER_MAX_OID];
    BOOL has_content;
    struct der content;          /* the inner content's bytes (an OCTET STRING's content) */
    DWORD cert_count, crl_count, signer_count;
    struct der certs[MAX_CERTS];
    struct der crls[MAX_CERTS];
    struct signer signers[MAX_SIGNERS];
};

static struct msg *get_msg(HCRYPTMSG h)
{
    struct msg *m = h;
    if (!m || m->magic != MSG_MAGIC) { SetLastError(E_INVALIDARG); return NULL; }
    return m;
}

static BOOL append(BYTE **buf, DWORD *size, DWORD *cap, const BYTE *data, DWORD len)
{
    if (len > MAXDWORD - *size) return FALSE;
    if (*size + len > *cap)
    {
        DWORD cap2 = max(*cap * 2, *size + len);
        BYTE *p = *buf ? HeapReAlloc(GetProcessHeap(), 0, *buf, cap2) : HeapAlloc(GetProcessHeap(), 0, cap2);
        if (!p) return FALSE;
        *buf = p;
        *cap = cap2;
    }
    memcpy(*buf + *size, data, len);
    *size += len;
    return TRUE;
}

/* --- parsing ------------------------------------------------------------------ */

/* SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs
   OPTIONAL, signatureAlgorithm, signature OCTET STRING, [1] unsignedAttrs OPTIONAL } */
static DWORD parse_signer(struct der *list, struct signer *s)
{
    struct der seq, c;
    DWORD err;
    BYTE tag;

    memset(s, 0, sizeof(*s));
    if ((err = der_take(list, 0x30, &seq))) return err;
    s->all = seq;
    if ((err = der_take(&seq, 0x02, &c)) || (err = der_uint(&c, &s->version))) return err;
    if ((err = der_read(&seq, &tag, &s->sid))) return err;
    if (tag != 0x30 && tag != 0x80) return CRYPT_E_ASN1_BADTAG;
    if ((err = der_take(&seq, 0x30, &s->digest_alg))) return err;
    if (der_peek(&seq, 0xa0) && (err = der_take(&seq, 0xa0, &s->auth))) return err;
    if ((err = der_take(&seq, 0x30, &s->sig_alg)) || (err = der_take(&seq, 0x04, &s->sig))) return err;
    if (der_peek(&seq, 0xa1) && (err = der_take(&seq, 0xa1, &s->unauth))) return err;
    return 0;
}

/* a SET OF (implicitly tagged) into windows, at most `max` */
static DWORD parse_set(struct der *set, struct der *items, DWORD max, DWORD *count)
{
    DWORD err;
    BYTE tag;

    for (*count = 0; set->p < set->end; (*count)++)
    {
        if (*count == max) return CRYPT_E_ASN1_LARGE;
        if ((err = der_read(set, &tag, &items[*count]))) return err;
    }
    return 0;
}

/* SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo
   SEQUENCE { eContentType, [0] EXPLICIT eContent OPTIONAL }, [0] certificates
   OPTIONAL, [1] crls OPTIONAL, signerInfos SET OF SignerInfo } */
static DWORD parse_signed(struct msg *m, struct der *d)
{
    struct der seq, c, encap, oid, set;
    DWORD err;
    BYTE tag;

    if ((err = der_take(d, 0x30, &seq))) return err;
    if ((err = der_take(&seq, 0x02, &c)) || (err = der_uint(&c, &m->version))) return err;
    if ((err = der_take(&seq, 0x31, &c))) return err;
    if ((err = der_take(&seq, 0x30, &encap)) || (err = der_take(&encap, 0x06, &oid))) return err;
    if ((err = der_oid_string(&oid, m->inner_type, sizeof(m->inner_type)))) return err;
    if (der_peek(&encap, 0xa0))
    {
        if ((err = der_take(&encap, 0xa0, &c)) || (err = der_read(&c, &tag, &m->content))) return err;
        /* PKCS#7 1.5 carries other types than data as they are, not in an
           OCTET STRING: the content is then the element's content octets */
        m->has_content = TRUE;
    }
    if (der_peek(&seq, 0xa0))
    {
        if ((err = der_take(&seq, 0xa0, &set)) || (err = parse_set(&set, m->certs, MAX_CERTS, &m->cert_count))) return err;
    }
    if (der_peek(&seq, 0xa1))
    {
        if ((err = der_take(&seq, 0xa1, &set)) || (err = parse_set(&set, m->crls, MAX_CERTS, &m->crl_count))) return err;
    }
    if ((err = der_take(&seq, 0x31, &set))) return err;
    for (m->signer_count = 0; set.p < set.end; m->signer_count++)
    {
        if (m->signer_count == MAX_SIGNERS) return CRYPT_E_ASN1_LARGE;
        if ((err = parse_signer(&set, &m->signers[m->signer_count]))) return err;
    }
    return 0;
}

/* ContentInfo ::= SEQUENCE { contentType OID, [0] EXPLICIT content } */
static DWORD parse_content_info(struct msg *m, const BYTE *data, DWORD size)
{
    struct der all = der_init(data, size), seq, oid, c;
    DWORD err, type;

    if ((err = der_take(&all, 0x30, &seq)) || (err = der_take(&seq, 0x06, &oid))) return err;
    if (der_oid_is(&oid, szOID_RSA_signedData)) type = CMSG_SIGNED;
    else if (der_oid_is(&oid, szOID_RSA_data)) type = CMSG_DATA;
    else return CRYPT_E_INVALID_MSG_TYPE;
    if (m->type && m->type != type) return CRYPT_E_INVALID_MSG_TYPE;
    m->type = type;
    if ((err = der_take(&seq, 0xa0, &c))) return err;
    if (type == CMSG_DATA)
    {
        m->has_content = TRUE;
        strcpy(m->inner_type, szOID_RSA_data);
        return der_take(&c, 0x04, &m->content);
    }
    return parse_signed(m, &c);
}

/* the message as DER, else as BER made DER (windows then point into m->der) */
static DWORD parse_msg(struct msg *m)
{
    DWORD err = parse_content_info(m, m->data, m->size), der_err, der_size;

    if (!err || err == CRYPT_E_INVALID_MSG_TYPE) return err;
    if ((der_err = der_from_ber(m->data, m->size, &m->der, &der_size))) return err;
    memset(m->certs, 0, sizeof(m->certs));
    m->cert_count = m->crl_count = m->signer_count = 0;
    m->has_content = FALSE;
    if ((der_err = parse_content_info(m, m->der, der_size))) return der_err;
    return 0;
}

/* the content: detached, what was given after the message */
static BOOL content_bytes(struct msg *m, const BYTE **p, DWORD *n)
{
    if (m->flags & CMSG_DETACHED_FLAG)
    {
        *p = m->detached;
        *n = m->detached_size;
        return TRUE;
    }
    if (!m->has_content) { *p = NULL; *n = 0; return FALSE; }
    *p = m->content.p;
    *n = m->content.end - m->content.p;
    return TRUE;
}

/* --- parameters: one block, the struct first (measured with base NULL) --- */

struct out { BYTE *base; SIZE_T used; };

static void *out_take(struct out *o, SIZE_T size)
{
    BYTE *p = o->base ? o->base + o->used : NULL;
    o->used += (size + 7) & ~(SIZE_T)7;
    return p;
}

static void out_blob(struct out *o, const BYTE *p, DWORD n, BOOL reverse, CRYPT_DATA_BLOB *blob)
{
    BYTE *copy = out_take(o, n);
    DWORD i;

    blob->cbData = n;
    blob->pbData = n ? copy : NULL;
    if (copy) for (i = 0; i < n; i++) copy[i] = reverse ? p[n - 1 - i] : p[i];
}

static DWORD out_oid(struct out *o, const struct der *c, LPSTR *dst)
{
    char buf[DER_MAX_OID];
    DWORD err = der_oid_string(c, buf, sizeof(buf));
    char *copy;

    if (err) return err;
    copy = out_take(o, strlen(buf) + 1);
    if (copy) strcpy(copy, buf);
    *dst = copy;
    return 0;
}

/* AlgorithmIdentifier ::= SEQUENCE { OID, parameters ANY OPTIONAL } (a window) */
static DWORD out_alg(struct out *o, const struct der *alg, CRYPT_ALGORITHM_IDENTIFIER *dst)
{
    struct der seq = *alg, oid;
    DWORD err;

    if ((err = der_take(&seq, 0x06, &oid)) || (err = out_oid(o, &oid, &dst->pszObjId))) return err;
    out_blob(o, seq.p, seq.end - seq.p, FALSE, &dst->Parameters);
    return 0;
}

/* Attributes (the content of a [0]/[1] SET OF Attribute): each value kept encoded */
static DWORD out_attrs(struct out *o, const struct der *set, CRYPT_ATTRIBUTES *attrs)
{
    struct der list = *set, item, oid, values, value;
    CRYPT_ATTRIBUTE *array, scratch;
    DWORD err, i, j;
    BYTE tag;

    attrs->cAttr = 0;
    attrs->rgAttr = NULL;
    if (!set->p) return 0;
    for (list = *set; list.p < list.end; attrs->cAttr++) if ((err = der_read(&list, &tag, &item))) return err;
    array = attrs->rgAttr = out_take(o, attrs->cAttr * sizeof(*array));
    for (list = *set, i = 0; i < attrs->cAttr; i++)
    {
        CRYPT_ATTRIBUTE *a = array ? &array[i] : &scratch;
        CRYPT_ATTR_BLOB *blobs;
        struct der vals;

        if ((err = der_take(&list, 0x30, &item)) || (err = der_take(&item, 0x06, &oid)) ||
            (err = out_oid(o, &oid, &a->pszObjId)) || (err = der_take(&item, 0x31, &values)))
            return err;
        for (a->cValue = 0, vals = values; vals.p < vals.end; a->cValue++)
            if ((err = der_read(&vals, &tag, &value))) return err;
        blobs = a->rgValue = out_take(o, a->cValue * sizeof(*blobs));
        for (vals = values, j = 0; j < a->cValue; j++)
        {
            CRYPT_ATTR_BLOB b;
            der_read(&vals, &tag, &value);
            out_blob(o, value.start, value.end - value.start, FALSE, blobs ? &blobs[j] : &b);
        }
    }
    return 0;
}

/* IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber INTEGER } */
static DWORD out_issuer_serial(struct out *o, const struct der *sid, CERT_NAME_BLOB *issuer, CRYPT_INTEGER_BLOB *serial)
{
    struct der seq = *sid, name, num;
    DWORD err;

    if ((err = der_take(&seq, 0x30, &name)) || (err = der_take(&seq, 0x02, &num))) return err;
    out_blob(o, name.start, name.end - name.start, FALSE, issuer);
    out_blob(o, num.p, num.end - num.p, TRUE, serial);   /* integers little-endian, as decode.c */
    return 0;
}

static DWORD out_signer_info(struct out *o, const struct signer *s, void *dest)
{
    CMSG_SIGNER_INFO *info = dest;
    DWORD err;

    memset(info, 0, sizeof(*info));
    info->dwVersion = s->version;
    if (s->sid.start[0] == 0x30)
    {
        if ((err = out_issuer_serial(o, &s->sid, &info->Issuer, &info->SerialNumber))) return err;
    }
    else out_blob(o, s->sid.p, s->sid.end - s->sid.p, TRUE, &info->SerialNumber);   /* a key id */
    if ((err = out_alg(o, &s->digest_alg, &info->HashAlgorithm)) ||
        (err = out_alg(o, &s->sig_alg, &info->HashEncryptionAlgorithm)))
        return err;
    out_blob(o, s->sig.p, s->sig.end - s->sig.p, FALSE, &info->EncryptedHash);
    if ((err = out_attrs(o, &s->auth, &info->AuthAttrs))) return err;
    return out_attrs(o, &s->unauth, &info->UnauthAttrs);
}

static DWORD out_cms_signer_info(struct out *o, const struct signer *s, void *dest)
{
    CMSG_CMS_SIGNER_INFO *info = dest;
    DWORD err;

    memset(info, 0, sizeof(*info));
    info->dwVersion = s->version;
    if (s->sid.start[0] == 0x30)
    {
        info->SignerId.dwIdChoice = CERT_ID_ISSUER_SERIAL_NUMBER;
        if ((err = out_issuer_serial(o, &s->sid, &info->SignerId.IssuerSerialNumber.Issuer,
                                     &info->SignerId.IssuerSerialNumber.SerialNumber)))
            return err;
    }
    else
    {
        info->SignerId.dwIdChoice = CERT_ID_KEY_IDENTIFIER;
        out_blob(o, s->sid.p, s->sid.end - s->sid.p, FALSE, &info->SignerId.KeyId);
    }
    if ((err = out_alg(o, &s->digest_alg, &info->HashAlgorithm)) ||
        (err = out_alg(o, &s->sig_alg, &info->HashEncryptionAlgorithm)))
        return err;
    out_blob(o, s->sig.p, s->sig.end - s->sig.p, FALSE, &info->EncryptedHash);
    if ((err = out_attrs(o, &s->auth, &info->AuthAttrs))) return err;
    return out_attrs(o, &s->unauth, &info->UnauthAttrs);
}

/* CMSG_SIGNER_CERT_INFO_PARAM: a CERT_INFO with the issuer and serial only */
static DWORD out_signer_cert_info(struct out *o, const struct signer *s, void *dest)
{
    CERT_INFO *info = dest;

    memset(info, 0, sizeof(*info));
    if (s->sid.start[0] == 0x30) return out_issuer_serial(o, &s->sid, &info->Issuer, &info->SerialNumber);
    out_blob(o, s->sid.p, s->sid.end - s->sid.p, TRUE, &info->SerialNumber);
    return 0;
}

static DWORD out_signer_auth(struct out *o, const struct signer *s, void *dest)
{
    return out_attrs(o, &s->auth, dest);
}

static DWORD out_signer_unauth(struct out *o, const struct signer *s, void *dest)
{
    return out_attrs(o, &s->unauth, dest);
}

typedef DWORD (*signer_out)(struct out *o, const struct signer *s, void *dest);

/* hands a struct built by `func` to the caller's buffer */
static BOOL give_struct(const struct signer *s, signer_out func, SIZE_T struct_size, void *data, DWORD *size)
{
    union { CMSG_CMS_SIGNER_INFO cms; CMSG_SIGNER_INFO info; CERT_INFO cert; CRYPT_ATTRIBUTES attrs; } scratch;
    struct out o = { NULL, 0 };
    DWORD err;

    out_take(&o, struct_size);
    if ((err = func(&o, s, &scratch))) return fail(err);
    if (o.used > MAXDWORD) return fail(CRYPT_E_ASN1_LARGE);
    if (!data) { *size = o.used; return TRUE; }
    if (*size < o.used) { *size = o.used; return fail(ERROR_MORE_DATA); }
    *size = o.used;
    o.base = data;
    o.used = 0;
    func(&o, s, out_take(&o, struct_size));
    return TRUE;
}

static BOOL give_bytes(const void *src, DWORD n, void *data, DWORD *size)
{
    if (!data) { *size = n; return TRUE; }
    if (*size < n) { *size = n; return fail(ERROR_MORE_DATA); }
    *size = n;
    if (n) memcpy(data, src, n);
    return TRUE;
}

static BOOL give_dword(DWORD value, void *data, DWORD *size)
{
    return give_bytes(&value, sizeof(value), data, size);
}

/* the digest of `data` with the algorithm named by `oid`, through bcrypt */
static DWORD digest(const char *oid, const BYTE *data, DWORD n, BYTE *out, DWORD *len)
{
    PCCRYPT_OID_INFO info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)oid, CRYPT_HASH_ALG_OID_GROUP_ID);
    BCRYPT_ALG_HANDLE alg;
    DWORD got;
    NTSTATUS status;

    if (!info || !info->pwszCNGAlgid || BCryptOpenAlgorithmProvider(&alg, info->pwszCNGAlgid, NULL, 0))
        return NTE_BAD_ALGID;
    status = BCryptGetProperty(alg, BCRYPT_HASH_LENGTH, (BYTE *)len, sizeof(*len), &got, 0);
    if (!status) status = BCryptHash(alg, NULL, 0, (BYTE *)data, n, out, *len);
    BCryptCloseAlgorithmProvider(alg, 0);
    return status ? NTE_BAD_ALGID : 0;
}

/* the signer's digest algorithm's OID */
static DWORD signer_hash_oid(const struct signer *s, char *oid)
{
    struct der seq = s->digest_alg, c;
    DWORD err = der_take(&seq, 0x06, &c);
    return err ? err : der_oid_string(&c, oid, DER_MAX_OID);
}

/* the digest of the content as signed: an OCTET STRING's content, or
   (PKCS#7 1.5, other types) the element's content octets */
static DWORD content_digest(struct msg *m, const struct signer *s, BYTE *out, DWORD *len)
{
    char oid[DER_MAX_OID];
    const BYTE *p;
    DWORD n, err;

    if ((err = signer_hash_oid(s, oid))) return err;
    content_bytes(m, &p, &n);
    return digest(oid, p, n, out, len);
}

static BOOL get_param(struct msg *m, DWORD type, DWORD index, void *data, DWORD *size)
{
    const struct signer *s = index < m->signer_count ? &m->signers[index] : NULL;
    const BYTE *p;
    DWORD n, err;
    BYTE hash[64];

    switch (type)
    {
    case CMSG_TYPE_PARAM:
        return give_dword(m->type, data, size);
    case CMSG_ENCODED_MESSAGE:
        return give_bytes(m->data, m->size, data, size);
    case CMSG_CONTENT_PARAM:
        if (m->type == CMSG_SIGNED && (m->flags & CMSG_DETACHED_FLAG)) return fail(CRYPT_E_INVALID_MSG_TYPE);
        if (!content_bytes(m, &p, &n)) return give_bytes(NULL, 0, data, size);
        return give_bytes(p, n, data, size);
    }
    if (m->type != CMSG_SIGNED) return fail(CRYPT_E_INVALID_MSG_TYPE);
    switch (type)
    {
    case CMSG_VERSION_PARAM:
        return give_dword(m->version, data, size);
    case CMSG_INNER_CONTENT_TYPE_PARAM:
        return give_bytes(m->inner_type, strlen(m->inner_type) + 1, data, size);
    case CMSG_SIGNER_COUNT_PARAM:
        return give_dword(m->signer_count, data, size);
    case CMSG_CERT_COUNT_PARAM:
        return give_dword(m->cert_count, data, size);
    case CMSG_CRL_COUNT_PARAM:
        return give_dword(m->crl_count, data, size);
    case CMSG_CERT_PARAM:
        if (index >= m->cert_count) return fail(CRYPT_E_INVALID_INDEX);
        return give_bytes(m->certs[index].start, m->certs[index].end - m->certs[index].start, data, size);
    case CMSG_CRL_PARAM:
        if (index >= m->crl_count) return fail(CRYPT_E_INVALID_INDEX);
        return give_bytes(m->crls[index].start, m->crls[index].end - m->crls[index].start, data, size);
    }
    if (!s) return fail(CRYPT_E_INVALID_INDEX);
    switch (type)
    {
    case CMSG_SIGNER_INFO_PARAM:
        return give_struct(s, out_signer_info, sizeof(CMSG_SIGNER_INFO), data, size);
    case CMSG_CMS_SIGNER_INFO_PARAM:
        return give_struct(s, out_cms_signer_info, sizeof(CMSG_CMS_SIGNER_INFO), data, size);
    case CMSG_SIGNER_CERT_INFO_PARAM:
        return give_struct(s, out_signer_cert_info, sizeof(CERT_INFO), data, size);
    /* no attributes: an empty list (as Wine's crypt32, tests/crypt32/msg.c) */
    case CMSG_SIGNER_AUTH_ATTR_PARAM:
        return give_struct(s, out_signer_auth, sizeof(CRYPT_ATTRIBUTES), data, size);
    case CMSG_SIGNER_UNAUTH_ATTR_PARAM:
        return give_struct(s, out_signer_unauth, sizeof(CRYPT_ATTRIBUTES), data, size);
    case CMSG_COMPUTED_HASH_PARAM:
        if ((err = content_digest(m, s, hash, &n))) return fail(err);
        return give_bytes(hash, n, data, size);
    case CMSG_ENCRYPTED_DIGEST:
        return give_bytes(s->sig.p, s->sig.end - s->sig.p, data, size);
    default:
        return fail(CRYPT_E_INVALID_MSG_TYPE);
    }
}

/* --- verifying ---------------------------------------------------------------- */

/* the messageDigest attribute's OCTET STRING, if the signed attributes have one */
static DWORD find_message_digest(const struct signer *s, struct der *value)
{
    struct der list = s->auth, item, oid, values;
    DWORD err;

    while (list.p < list.end)
    {
        if ((err = der_take(&list, 0x30, &item)) || (err = der_take(&item, 0x06, &oid))) return err;
        if (!der_oid_is(&oid, szOID_RSA_messageDigest)) continue;
        if ((err = der_take(&item, 0x31, &values))) return err;
        return der_take(&values, 0x04, value);
    }
    return CRYPT_E_AUTH_ATTR_MISSING;
}

/* the signer's signature checked with `key` */
static DWORD verify_signer(struct msg *m, const struct signer *s, const CERT_PUBLIC_KEY_INFO *key)
{
    CRYPT_ALGORITHM_IDENTIFIER alg;
    char hash_oid[DER_MAX_OID], sig_oid[DER_MAX_OID];
    struct der seq = s->sig_alg, c, md;
    BYTE hash[64], *signed_attrs;
    const BYTE *p;
    DWORD n, len, err;

    if ((m->flags & CMSG_DETACHED_FLAG) && !m->content_final) return CRYPT_E_MSG_ERROR;
    if ((err = signer_hash_oid(s, hash_oid)) || (err = der_take(&seq, 0x06, &c)) ||
        (err = der_oid_string(&c, sig_oid, sizeof(sig_oid))))
        return err;
    alg.pszObjId = sig_oid;
    alg.Parameters.pbData = (BYTE *)seq.p;
    alg.Parameters.cbData = seq.end - seq.p;
    if (!s->auth.p)
    {
        content_bytes(m, &p, &n);
        return crypt32_verify_data(p, n, &alg, hash_oid, s->sig.p, s->sig.end - s->sig.p, key);
    }
    /* with signed attributes, the content is signed through its digest, and
       the attributes are signed as a SET OF (RFC 5652, 5.4) */
    if ((err = content_digest(m, s, hash, &len)) || (err = find_message_digest(s, &md))) return err;
    if (md.end - md.p != len || memcmp(md.p, hash, len)) return CRYPT_E_HASH_VALUE;
    n = s->auth.end - s->auth.start;
    if (!(signed_attrs = HeapAlloc(GetProcessHeap(), 0, n))) return ERROR_OUTOFMEMORY;
    memcpy(signed_attrs, s->auth.start, n);
    signed_attrs[0] = 0x31;
    err = crypt32_verify_data(signed_attrs, n, &alg, hash_oid, s->sig.p, s->sig.end - s->sig.p, key);
    HeapFree(GetProcessHeap(), 0, signed_attrs);
    return err;
}

/* the signer a certificate names: the same issuer and serial number, or
   the same subject key identifier */
static BOOL signer_is(const struct signer *s, const CERT_INFO *cert)
{
    struct der seq = s->sid, name, num;
    DWORD i, n;

    if (s->sid.start[0] != 0x30)
    {
        CERT_EXTENSION *ext = CertFindExtension(szOID_SUBJECT_KEY_IDENTIFIER, cert->cExtension, cert->rgExtension);
        CRYPT_DATA_BLOB *id;
        BOOL same;
        if (!ext || crypt32_decode(X509_OCTET_STRING, ext->Value.pbData, ext->Value.cbData, (void **)&id)) return FALSE;
        same = id->cbData == (DWORD)(s->sid.end - s->sid.p) && !memcmp(id->pbData, s->sid.p, id->cbData);
        HeapFree(GetProcessHeap(), 0, id);
        return same;
    }
    if (der_take(&seq, 0x30, &name) || der_take(&seq, 0x02, &num)) return FALSE;
    n = num.end - num.p;
    if (cert->Issuer.cbData != (DWORD)(name.end - name.start) || memcmp(cert->Issuer.pbData, name.start, cert->Issuer.cbData))
        return FALSE;
    if (cert->SerialNumber.cbData != n) return FALSE;
    for (i = 0; i < n; i++) if (cert->SerialNumber.pbData[i] != num.p[n - 1 - i]) return FALSE;
    return TRUE;
}

static BOOL control(struct msg *m, DWORD type, const void *para)
{
    const CMSG_CTRL_VERIFY_SIGNATURE_EX_PARA *ex = para;
    const CERT_INFO *cert = para;
    const CERT_PUBLIC_KEY_INFO *key;
    DWORD i, err;

    if (!m->final) return fail(CRYPT_E_MSG_ERROR);
    if (m->type != CMSG_SIGNED) return fail(CRYPT_E_INVALID_MSG_TYPE);
    switch (type)
    {
    case CMSG_CTRL_VERIFY_SIGNATURE:
        if (!cert) return fail(E_INVALIDARG);
        for (i = 0; i < m->signer_count && !signer_is(&m->signers[i], cert); i++) {}
        if (i == m->signer_count) return fail(CRYPT_E_SIGNER_NOT_FOUND);
        err = verify_signer(m, &m->signers[i], &cert->SubjectPublicKeyInfo);
        return err ? fail(err) : TRUE;
    case CMSG_CTRL_VERIFY_SIGNATURE_EX:
        if (!ex || ex->cbSize < sizeof(*ex) || !ex->pvSigner) return fail(E_INVALIDARG);
        if (ex->dwSignerIndex >= m->signer_count) return fail(CRYPT_E_SIGNER_NOT_FOUND);
        switch (ex->dwSignerType)
        {
        case CMSG_VERIFY_SIGNER_PUBKEY: key = ex->pvSigner; break;
        case CMSG_VERIFY_SIGNER_CERT: key = &((PCCERT_CONTEXT)ex->pvSigner)->pCertInfo->SubjectPublicKeyInfo; break;
        case CMSG_VERIFY_SIGNER_CHAIN:
            key = &((PCCERT_CHAIN_CONTEXT)ex->pvSigner)->rgpChain[0]->rgpElement[0]->pCertContext->pCertInfo->SubjectPublicKeyInfo;
            break;
        default: return fail(E_INVALIDARG);
        }
        err = verify_signer(m, &m->signers[ex->dwSignerIndex], key);
        return err ? fail(err) : TRUE;
    default:
        return fail(CRYPT_E_CONTROL_TYPE);
    }
}

/* --- the API ------------------------------------------------------------------ */

HCRYPTMSG WINAPI CryptMsgOpenToDecode(DWORD encoding, DWORD flags, DWORD type, HCRYPTPROV_LEGACY prov,
                                      PCERT_INFO recipient, PCMSG_STREAM_INFO stream)
{
    struct msg *m;

    (void)prov; (void)recipient;
    if ((encoding & CMSG_ENCODING_TYPE_MASK) != PKCS_7_ASN_ENCODING) { SetLastError(E_INVALIDARG); return NULL; }
    if (type && type != CMSG_DATA && type != CMSG_SIGNED) { SetLastError(CRYPT_E_INVALID_MSG_TYPE); return NULL; }
    if (!(m = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*m)))) { SetLastError(ERROR_OUTOFMEMORY); return NULL; }
    m->magic = MSG_MAGIC;
    m->refs = 1;
    m->flags = flags;
    m->type = type;
    if (stream) { m->stream = *stream; m->has_stream = TRUE; }
    return m;
}

BOOL WINAPI CryptMsgUpdate(HCRYPTMSG h, const BYTE *data, DWORD size, BOOL final)
{
    struct msg *m = get_msg(h);
    const BYTE *p;
    DWORD n, err;

    if (!m) return FALSE;
    if (size && !data) return fail(E_INVALIDARG);
    if (m->final)
    {
        /* after the whole message, a detached one's content */
        if (!(m->flags & CMSG_DETACHED_FLAG) || m->content_final) return fail(CRYPT_E_MSG_ERROR);
        if (!append(&m->detached, &m->detached_size, &m->detached_cap, data, size)) return fail(ERROR_OUTOFMEMORY);
        if (final) m->content_final = TRUE;
        return TRUE;
    }
    if (!append(&m->data, &m->size, &m->cap, data, size)) return fail(ERROR_OUTOFMEMORY);
    if (!final) return TRUE;
    if ((err = parse_msg(m))) return fail(err);
    m->final = TRUE;
    if (m->has_stream && m->stream.pfnStreamOutput && content_bytes(m, &p, &n) && !(m->flags & CMSG_DETACHED_FLAG))
        return m->stream.pfnStreamOutput(m->stream.pvArg, (BYTE *)p, n, TRUE);
    return TRUE;
}

BOOL WINAPI CryptMsgGetParam(HCRYPTMSG h, DWORD type, DWORD index, void *data, DWORD *size)
{
    struct msg *m = get_msg(h);

    if (!m) return FALSE;
    if (!size) return fail(E_INVALIDARG);
    if (!m->final) return fail(CRYPT_E_STREAM_MSG_NOT_READY);
    return get_param(m, type, index, data, size);
}

BOOL WINAPI CryptMsgControl(HCRYPTMSG h, DWORD flags, DWORD type, const void *para)
{
    struct msg *m = get_msg(h);

    (void)flags;
    return m ? control(m, type, para) : FALSE;
}

HCRYPTMSG WINAPI CryptMsgDuplicate(HCRYPTMSG h)
{
    struct msg *m = h ? get_msg(h) : NULL;
    if (m) InterlockedIncrement(&m->refs);
    return m;
}

BOOL WINAPI CryptMsgClose(HCRYPTMSG h)
{
    struct msg *m;

    if (!h) return TRUE;
    if (!(m = get_msg(h))) return FALSE;
    if (InterlockedDecrement(&m->refs)) return TRUE;
    m->magic = 0;
    HeapFree(GetProcessHeap(), 0, m->data);
    HeapFree(GetProcessHeap(), 0, m->detached);
    HeapFree(GetProcessHeap(), 0, m->der);
    HeapFree(GetProcessHeap(), 0, m);
    return TRUE;
}

/* the signers of an encoded signed message */
LONG WINAPI CryptGetMessageSignerCount(DWORD encoding, const BYTE *data, DWORD size)
{
    HCRYPTMSG msg = CryptMsgOpenToDecode(encoding, 0, 0, 0, NULL, NULL);
    DWORD count = 0, len = sizeof(count);
    BOOL ok;

    if (!msg) return -1;
    ok = CryptMsgUpdate(msg, data, size, TRUE) && CryptMsgGetParam(msg, CMSG_SIGNER_COUNT_PARAM, 0, &count, &len);
    CryptMsgClose(msg);
    return ok ? (LONG)count : -1;
}
