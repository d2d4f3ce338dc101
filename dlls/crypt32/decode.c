/*
 * dlls/crypt32/decode.c — CryptDecodeObjectEx and CryptDecodeObject for
 * the X.509 structures a TLS client reads: certificates (X509_CERT,
 * X509_CERT_TO_BE_SIGNED), names (X509_NAME, X509_UNICODE_NAME),
 * extensions and the extensions it checks (basic constraints, key usage,
 * enhanced key usage, alternative names, subject key identifier), public
 * keys, bit strings and octet strings.
 *
 * Every decoder runs twice: first with no buffer to measure (each write
 * then lands in a scratch copy of the struct being filled and nothing is
 * kept), then into the caller's buffer. The result is one block: the
 * struct first, then everything its pointers reach, 8-byte aligned; all
 * data is copied (CRYPT_DECODE_NOCOPY_FLAG is a permission, not a duty).
 * As Windows does, integers and the signature of X509_CERT come out least
 * significant byte first.
 *
 * Sections: output · strings · pieces · structures · the API.
 */
#include "private.h"

/* --- output ------------------------------------------------------------------- */

/* where decoded data goes: `base` NULL while measuring */
struct out { BYTE *base; SIZE_T used; };

/* room for `size` bytes: NULL while measuring */
static void *out_take(struct out *o, SIZE_T size)
{
    BYTE *p = o->base ? o->base + o->used : NULL;
    o->used += (size + 7) & ~(SIZE_T)7;
    return p;
}

/* a copy of bytes as a blob (reversed: INTEGERs are little-endian) */
static void out_bytes(struct out *o, const BYTE *p, DWORD n, BOOL reverse, CRYPT_DATA_BLOB *blob)
{
    BYTE *copy = out_take(o, n + 1);
    DWORD i;

    blob->cbData = n;
    blob->pbData = n ? copy : NULL;
    if (!copy) return;
    for (i = 0; i < n; i++) copy[i] = reverse ? p[n - 1 - i] : p[i];
    copy[n] = 0;                       /* strings among them end readable */
}

/* the whole encoding of an element (its tag included) */
static void out_encoded(struct out *o, const struct der *elem, CRYPT_DATA_BLOB *blob)
{
    out_bytes(o, elem->start, elem->end - elem->start, FALSE, blob);
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

/* the number of elements in a SEQUENCE OF / SET OF, each well formed */
static DWORD count_items(struct der list, DWORD *count)
{
    struct der item;
    DWORD err;
    BYTE tag;

    for (*count = 0; list.p < list.end; (*count)++)
        if ((err = der_read(&list, &tag, &item))) return err;
    return 0;
}

/* decodes one item of a list into `item`; `flag` is the list's to pass on */
typedef DWORD (*item_func)(struct out *o, struct der *d, BOOL flag, void *item);

/* a SEQUENCE OF / SET OF (tagged `tag`) as an array of `count` items of
   `size`, each made by `func`; measuring, each lands in a scratch item */
static DWORD decode_list(struct out *o, struct der *d, BYTE tag, SIZE_T size, item_func func, BOOL flag,
                         DWORD *count, void **array)
{
    union { CERT_RDN_ATTR attr; CERT_RDN rdn; CERT_EXTENSION ext; CERT_ALT_NAME_ENTRY entry; LPSTR oid; } scratch;
    struct der list;
    BYTE *items;
    DWORD err, i;

    if ((err = der_take(d, tag, &list)) || (err = count_items(list, count))) return err;
    *array = items = out_take(o, *count * size);
    for (i = 0; i < *count; i++)
        if ((err = func(o, &list, flag, items ? items + i * size : (BYTE *)&scratch))) return err;
    return 0;
}

/* --- strings ------------------------------------------------------------------ */

/* UTF-16 units of a string element (kind: its tag); `out` NULL counts */
static DWORD widen(BYTE tag, const BYTE *p, DWORD n, WCHAR *out, DWORD *units)
{
    DWORD i, len = 0;

    switch (tag)
    {
    case 0x0c:                                              /* UTF8String */
        if (!n) break;
        if (!(len = MultiByteToWideChar(CP_UTF8, 0, (const char *)p, n, out, out ? *units : 0)))
            return CRYPT_E_ASN1_CORRUPT;
        break;
    case 0x1e:                                              /* BMPString: UCS-2 big-endian */
        if (n % 2) return CRYPT_E_ASN1_CORRUPT;
        for (i = 0; i < n; i += 2, len++) if (out) out[len] = p[i] << 8 | p[i + 1];
        break;
    case 0x1c:                                              /* UniversalString: UCS-4 big-endian */
        if (n % 4) return CRYPT_E_ASN1_CORRUPT;
        for (i = 0; i < n; i += 4)
        {
            DWORD c = (DWORD)p[i] << 24 | p[i + 1] << 16 | p[i + 2] << 8 | p[i + 3];
            if (c > 0x10ffff) return CRYPT_E_ASN1_CORRUPT;
            if (c >= 0x10000)
            {
                if (out) { out[len] = 0xd800 | (c - 0x10000) >> 10; out[len + 1] = 0xdc00 | (c & 0x3ff); }
                len += 2;
            }
            else { if (out) out[len] = c; len++; }
        }
        break;
    default:                                                /* the 8-bit strings: Latin-1 */
        for (i = 0; i < n; i++, len++) if (out) out[len] = p[i];
        break;
    }
    *units = len;
    return 0;
}

/* a string element as a NUL-terminated UTF-16 copy; its length in units */
static DWORD out_wide(struct out *o, BYTE tag, const struct der *c, LPWSTR *dst, DWORD *units)
{
    DWORD n = c->end - c->p, len, err;
    WCHAR *copy;

    if ((err = widen(tag, c->p, n, NULL, &len))) return err;
    copy = out_take(o, (len + 1) * sizeof(WCHAR));
    if (copy)
    {
        widen(tag, c->p, n, copy, &len);
        copy[len] = 0;
    }
    *dst = copy;
    if (units) *units = len;
    return 0;
}

/* CERT_RDN_* for a string tag, 0 for tags that are not strings */
static DWORD rdn_type(BYTE tag)
{
    switch (tag)
    {
    case 0x04: return CERT_RDN_OCTET_STRING;
    case 0x0c: return CERT_RDN_UTF8_STRING;
    case 0x12: return CERT_RDN_NUMERIC_STRING;
    case 0x13: return CERT_RDN_PRINTABLE_STRING;
    case 0x14: return CERT_RDN_TELETEX_STRING;
    case 0x15: return CERT_RDN_VIDEOTEX_STRING;
    case 0x16: return CERT_RDN_IA5_STRING;
    case 0x19: return CERT_RDN_GRAPHIC_STRING;
    case 0x1a: return CERT_RDN_VISIBLE_STRING;
    case 0x1b: return CERT_RDN_GENERAL_STRING;
    case 0x1c: return CERT_RDN_UNIVERSAL_STRING;
    case 0x1e: return CERT_RDN_BMP_STRING;
    default: return 0;
    }
}

/* --- pieces ------------------------------------------------------------------- */

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
static DWORD decode_algorithm(struct out *o, struct der *d, CRYPT_ALGORITHM_IDENTIFIER *alg)
{
    struct der seq, oid;
    DWORD err;

    if ((err = der_take(d, 0x30, &seq)) || (err = der_take(&seq, 0x06, &oid))) return err;
    if ((err = out_oid(o, &oid, &alg->pszObjId))) return err;
    alg->Parameters.cbData = 0;
    alg->Parameters.pbData = NULL;
    if (seq.p < seq.end)                                    /* the parameters, kept encoded */
        out_bytes(o, seq.p, seq.end - seq.p, FALSE, &alg->Parameters);
    return 0;
}

/* a BIT STRING: its first content byte counts the unused bits */
static DWORD decode_bits(struct out *o, struct der *d, BOOL reverse, CRYPT_BIT_BLOB *bits)
{
    struct der c;
    CRYPT_DATA_BLOB blob;
    DWORD err = der_take(d, 0x03, &c);

    if (err) return err;
    if (c.p == c.end || *c.p > 7 || (c.end - c.p == 1 && *c.p)) return CRYPT_E_ASN1_CORRUPT;
    out_bytes(o, c.p + 1, c.end - c.p - 1, reverse, &blob);
    bits->cbData = blob.cbData;
    bits->pbData = blob.pbData;
    bits->cUnusedBits = *c.p;
    return 0;
}

/* AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY } */
static DWORD decode_attr(struct out *o, struct der *d, BOOL unicode, void *item)
{
    CERT_RDN_ATTR *attr = item;
    struct der seq, oid, value;
    DWORD err, units;
    BYTE tag;

    if ((err = der_take(d, 0x30, &seq)) || (err = der_take(&seq, 0x06, &oid))) return err;
    if ((err = out_oid(o, &oid, &attr->pszObjId))) return err;
    if ((err = der_read(&seq, &tag, &value))) return err;
    attr->dwValueType = rdn_type(tag);
    if (!attr->dwValueType)                                 /* not a string: kept encoded */
    {
        attr->dwValueType = CERT_RDN_ENCODED_BLOB;
        out_encoded(o, &value, &attr->Value);
    }
    else if (unicode || tag == 0x0c || tag == 0x1e || tag == 0x1c)
    {
        /* X509_UNICODE_NAME widens every string; X509_NAME the Unicode ones */
        LPWSTR wide;
        if ((err = out_wide(o, tag, &value, &wide, &units))) return err;
        attr->Value.pbData = (BYTE *)wide;
        attr->Value.cbData = units * sizeof(WCHAR);
    }
    else out_bytes(o, value.p, value.end - value.p, FALSE, &attr->Value);
    return 0;
}

/* RelativeDistinguishedName ::= SET OF AttributeTypeAndValue */
static DWORD decode_rdn(struct out *o, struct der *d, BOOL unicode, void *item)
{
    CERT_RDN *rdn = item;
    return decode_list(o, d, 0x31, sizeof(CERT_RDN_ATTR), decode_attr, unicode, &rdn->cRDNAttr, (void **)&rdn->rgRDNAttr);
}

/* Name ::= SEQUENCE OF RelativeDistinguishedName */
static DWORD decode_name_info(struct out *o, struct der *d, BOOL unicode, CERT_NAME_INFO *name)
{
    return decode_list(o, d, 0x30, sizeof(CERT_RDN), decode_rdn, unicode, &name->cRDN, (void **)&name->rgRDN);
}

/* Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
static DWORD decode_extension(struct out *o, struct der *d, BOOL flag, void *item)
{
    CERT_EXTENSION *ext = item;
    struct der seq, oid, c;
    DWORD err;

    if ((err = der_take(d, 0x30, &seq)) || (err = der_take(&seq, 0x06, &oid))) return err;
    if ((err = out_oid(o, &oid, &ext->pszObjId))) return err;
    ext->fCritical = FALSE;
    if (der_peek(&seq, 0x01))
    {
        if ((err = der_take(&seq, 0x01, &c))) return err;
        if (c.end - c.p != 1) return CRYPT_E_ASN1_CORRUPT;
        ext->fCritical = *c.p != 0;
    }
    if ((err = der_take(&seq, 0x04, &c))) return err;
    out_bytes(o, c.p, c.end - c.p, FALSE, &ext->Value);
    return 0;
}

/* Extensions ::= SEQUENCE OF Extension */
static DWORD decode_extension_list(struct out *o, struct der *d, DWORD *count, CERT_EXTENSION **list)
{
    return decode_list(o, d, 0x30, sizeof(CERT_EXTENSION), decode_extension, FALSE, count, (void **)list);
}

/* SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } */
static DWORD decode_key_info(struct out *o, struct der *d, CERT_PUBLIC_KEY_INFO *key)
{
    struct der seq;
    DWORD err;

    if ((err = der_take(d, 0x30, &seq)) || (err = decode_algorithm(o, &seq, &key->Algorithm))) return err;
    return decode_bits(o, &seq, FALSE, &key->PublicKey);
}

/* --- structures --------------------------------------------------------------- */

static DWORD decode_name(struct out *o, struct der *d, void *dest) { return decode_name_info(o, d, FALSE, dest); }
static DWORD decode_unicode_name(struct out *o, struct der *d, void *dest) { return decode_name_info(o, d, TRUE, dest); }
static DWORD decode_public_key(struct out *o, struct der *d, void *dest) { return decode_key_info(o, d, dest); }

static DWORD decode_extensions(struct out *o, struct der *d, void *dest)
{
    CERT_EXTENSIONS *exts = dest;
    return decode_extension_list(o, d, &exts->cExtension, &exts->rgExtension);
}

/* TBSCertificate ::= SEQUENCE { [0] version DEFAULT v1, serialNumber,
   signature, issuer, validity, subject, subjectPublicKeyInfo,
   [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions } */
static DWORD decode_cert_info(struct out *o, struct der *d, void *dest)
{
    CERT_INFO *info = dest;
    struct der tbs, c, inner;
    DWORD err;

    memset(info, 0, sizeof(*info));
    if ((err = der_take(d, 0x30, &tbs))) return err;
    /* as on Windows, a whole signed certificate is read as its TBSCertificate */
    if (der_peek(&tbs, 0x30))
    {
        if ((err = der_take(&tbs, 0x30, &c))) return err;
        tbs = c;
    }
    if (der_peek(&tbs, 0xa0))
    {
        if ((err = der_take(&tbs, 0xa0, &c)) || (err = der_take(&c, 0x02, &inner)) ||
            (err = der_uint(&inner, &info->dwVersion)))
            return err;
    }
    if ((err = der_take(&tbs, 0x02, &c))) return err;
    if (c.p == c.end) return CRYPT_E_ASN1_CORRUPT;
    out_bytes(o, c.p, c.end - c.p, TRUE, &info->SerialNumber);
    if ((err = decode_algorithm(o, &tbs, &info->SignatureAlgorithm))) return err;
    if ((err = der_take(&tbs, 0x30, &c))) return err;
    out_encoded(o, &c, &info->Issuer);
    if ((err = der_take(&tbs, 0x30, &c)) || (err = der_time(&c, &info->NotBefore)) ||
        (err = der_time(&c, &info->NotAfter)))
        return err;
    if ((err = der_take(&tbs, 0x30, &c))) return err;
    out_encoded(o, &c, &info->Subject);
    if ((err = decode_key_info(o, &tbs, &info->SubjectPublicKeyInfo))) return err;
    if (der_peek(&tbs, 0x81) && (err = der_take(&tbs, 0x81, &c))) return err;   /* unique ids: skipped */
    if (der_peek(&tbs, 0x82) && (err = der_take(&tbs, 0x82, &c))) return err;
    if (der_peek(&tbs, 0xa3))
    {
        if ((err = der_take(&tbs, 0xa3, &c))) return err;
        return decode_extension_list(o, &c, &info->cExtension, &info->rgExtension);
    }
    return 0;
}

/* Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature BIT STRING } */
static DWORD decode_signed(struct out *o, struct der *d, void *dest)
{
    CERT_SIGNED_CONTENT_INFO *info = dest;
    struct der seq, tbs;
    DWORD err;

    if ((err = der_take(d, 0x30, &seq)) || (err = der_take(&seq, 0x30, &tbs))) return err;
    out_encoded(o, &tbs, &info->ToBeSigned);
    if ((err = decode_algorithm(o, &seq, &info->SignatureAlgorithm))) return err;
    return decode_bits(o, &seq, TRUE, &info->Signature);
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
static DWORD decode_basic_constraints2(struct out *o, struct der *d, void *dest)
{
    CERT_BASIC_CONSTRAINTS2_INFO *bc = dest;
    struct der seq, c;
    DWORD err;

    (void)o;
    memset(bc, 0, sizeof(*bc));
    if ((err = der_take(d, 0x30, &seq))) return err;
    if (der_peek(&seq, 0x01))
    {
        if ((err = der_take(&seq, 0x01, &c))) return err;
        if (c.end - c.p != 1) return CRYPT_E_ASN1_CORRUPT;
        bc->fCA = *c.p != 0;
    }
    if (der_peek(&seq, 0x02))
    {
        if ((err = der_take(&seq, 0x02, &c)) || (err = der_uint(&c, &bc->dwPathLenConstraint))) return err;
        bc->fPathLenConstraint = TRUE;
    }
    return 0;
}

/* KeyPurposeId ::= OBJECT IDENTIFIER */
static DWORD decode_usage(struct out *o, struct der *d, BOOL flag, void *item)
{
    struct der oid;
    DWORD err = der_take(d, 0x06, &oid);
    return err ? err : out_oid(o, &oid, item);
}

/* ExtKeyUsageSyntax ::= SEQUENCE OF KeyPurposeId */
static DWORD decode_enhanced_key_usage(struct out *o, struct der *d, void *dest)
{
    CERT_ENHKEY_USAGE *usage = dest;
    return decode_list(o, d, 0x30, sizeof(LPSTR), decode_usage, FALSE, &usage->cUsageIdentifier,
                       (void **)&usage->rgpszUsageIdentifier);
}

/* GeneralName: [0] otherName, [1] rfc822Name, [2] dNSName, [4] directoryName,
   [6] URI, [7] iPAddress, [8] registeredID; x400Address and ediPartyName
   are refused */
static DWORD decode_alt_entry(struct out *o, struct der *d, BOOL flag, void *item)
{
    CERT_ALT_NAME_ENTRY *entry = item;
    struct der c, inner;
    DWORD err;
    BYTE tag;

    if ((err = der_read(d, &tag, &c))) return err;
    entry->dwAltNameChoice = (tag & 0x1f) + 1;
    switch (tag)
    {
    case 0x81: case 0x82: case 0x86:                        /* IA5 strings */
        return out_wide(o, 0x16, &c, &entry->pwszDNSName, NULL);
    case 0x87:
        out_bytes(o, c.p, c.end - c.p, FALSE, &entry->IPAddress);
        return 0;
    case 0x88:
        return out_oid(o, &c, &entry->pszRegisteredID);
    case 0xa4:                                              /* explicit: the Name inside */
        if ((err = der_take(&c, 0x30, &inner))) return err;
        out_encoded(o, &inner, &entry->DirectoryName);
        return 0;
    case 0xa0:                                              /* SEQUENCE { type-id OID, [0] value } */
    {
        CERT_OTHER_NAME *other = out_take(o, sizeof(*other)), scratch;
        struct der oid, value;
        entry->pOtherName = other;
        if (!other) other = &scratch;
        if ((err = der_take(&c, 0x06, &oid)) || (err = out_oid(o, &oid, &other->pszObjId)) ||
            (err = der_take(&c, 0xa0, &value)))
            return err;
        out_bytes(o, value.p, value.end - value.p, FALSE, &other->Value);
        return 0;
    }
    default:
        return CRYPT_E_ASN1_BADTAG;
    }
}

/* GeneralNames ::= SEQUENCE OF GeneralName */
static DWORD decode_alt_name(struct out *o, struct der *d, void *dest)
{
    CERT_ALT_NAME_INFO *names = dest;
    return decode_list(o, d, 0x30, sizeof(CERT_ALT_NAME_ENTRY), decode_alt_entry, FALSE, &names->cAltEntry,
                       (void **)&names->rgAltEntry);
}

static DWORD decode_octets(struct out *o, struct der *d, void *dest)
{
    struct der c;
    DWORD err = der_take(d, 0x04, &c);

    if (!err) out_bytes(o, c.p, c.end - c.p, FALSE, dest);
    return err;
}

/* KeyUsage and other BIT STRINGs: the bytes as they come, first bit highest */
static DWORD decode_bit_string(struct out *o, struct der *d, void *dest)
{
    return decode_bits(o, d, FALSE, dest);
}

/* --- the API ------------------------------------------------------------------ */

typedef DWORD (*decode_func)(struct out *o, struct der *d, void *dest);

struct decoder {
    ULONG_PTR type;          /* X509_* constant, or 0 when matched by OID */
    const char *oid;
    decode_func func;
    SIZE_T struct_size;
};

static const struct decoder decoders[] = {
    { (ULONG_PTR)X509_CERT, NULL, decode_signed, sizeof(CERT_SIGNED_CONTENT_INFO) },
    { (ULONG_PTR)X509_CERT_TO_BE_SIGNED, NULL, decode_cert_info, sizeof(CERT_INFO) },
    { (ULONG_PTR)X509_NAME, NULL, decode_name, sizeof(CERT_NAME_INFO) },
    { (ULONG_PTR)X509_UNICODE_NAME, NULL, decode_unicode_name, sizeof(CERT_NAME_INFO) },
    { (ULONG_PTR)X509_PUBLIC_KEY_INFO, NULL, decode_public_key, sizeof(CERT_PUBLIC_KEY_INFO) },
    { (ULONG_PTR)X509_EXTENSIONS, NULL, decode_extensions, sizeof(CERT_EXTENSIONS) },
    { (ULONG_PTR)X509_ALTERNATE_NAME, szOID_SUBJECT_ALT_NAME2, decode_alt_name, sizeof(CERT_ALT_NAME_INFO) },
    { 0, szOID_ISSUER_ALT_NAME2, decode_alt_name, sizeof(CERT_ALT_NAME_INFO) },
    { 0, szOID_SUBJECT_ALT_NAME, decode_alt_name, sizeof(CERT_ALT_NAME_INFO) },
    { 0, szOID_ISSUER_ALT_NAME, decode_alt_name, sizeof(CERT_ALT_NAME_INFO) },
    { (ULONG_PTR)X509_BASIC_CONSTRAINTS2, szOID_BASIC_CONSTRAINTS2, decode_basic_constraints2,
      sizeof(CERT_BASIC_CONSTRAINTS2_INFO) },
    { (ULONG_PTR)X509_ENHANCED_KEY_USAGE, szOID_ENHANCED_KEY_USAGE, decode_enhanced_key_usage,
      sizeof(CERT_ENHKEY_USAGE) },
    { (ULONG_PTR)X509_OCTET_STRING, NULL, decode_octets, sizeof(CRYPT_DATA_BLOB) },
    { 0, szOID_SUBJECT_KEY_IDENTIFIER, decode_octets, sizeof(CRYPT_DATA_BLOB) },
    { (ULONG_PTR)X509_KEY_USAGE, szOID_KEY_USAGE, decode_bit_string, sizeof(CRYPT_BIT_BLOB) },
    { (ULONG_PTR)X509_BITS, NULL, decode_bit_string, sizeof(CRYPT_BIT_BLOB) },
};

static const struct decoder *find_decoder(LPCSTR type)
{
    DWORD i;

    for (i = 0; i < ARRAY_SIZE(decoders); i++)
    {
        if (IS_INTRESOURCE(type) ? decoders[i].type == (ULONG_PTR)type
                                 : decoders[i].oid && !strcmp(decoders[i].oid, type))
            return &decoders[i];
    }
    return NULL;
}

/* one run of a decoder: into `buf` (which the caller sized), or, `buf`
   NULL, only to learn the size */
static DWORD run_decoder(const struct decoder *dec, const BYTE *data, DWORD size, BYTE *buf, SIZE_T *needed)
{
    union { CERT_INFO info; CERT_SIGNED_CONTENT_INFO signed_info; BYTE bytes[256]; } scratch;
    struct der d = der_init(data, size);
    struct out o = { buf, 0 };
    void *dest = out_take(&o, dec->struct_size);
    DWORD err;

    C_ASSERT(sizeof(CERT_INFO) <= 256);
    err = dec->func(&o, &d, dest ? dest : &scratch);
    if (!err && o.used > MAXDWORD) err = CRYPT_E_ASN1_LARGE;
    *needed = o.used;
    return err;
}

/* crypt32's own use: the decoded struct in one heap block (HeapFree it) */
DWORD crypt32_decode(LPCSTR type, const BYTE *data, DWORD size, void **result)
{
    const struct decoder *dec = find_decoder(type);
    SIZE_T needed;
    DWORD err;

    *result = NULL;
    if (!dec) return ERROR_FILE_NOT_FOUND;
    if ((err = run_decoder(dec, data, size, NULL, &needed))) return err;
    if (!(*result = HeapAlloc(GetProcessHeap(), 0, needed))) return ERROR_OUTOFMEMORY;
    return run_decoder(dec, data, size, *result, &needed);
}

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

BOOL WINAPI CryptDecodeObjectEx(DWORD encoding, LPCSTR type, const BYTE *data, DWORD size, DWORD flags,
                                PCRYPT_DECODE_PARA para, void *info, DWORD *info_size)
{
    const struct decoder *dec;
    SIZE_T needed;
    BYTE *buf;
    DWORD err;

    if (!data || !size || !info_size) return fail(!data || !info_size ? ERROR_INVALID_PARAMETER : CRYPT_E_ASN1_EOD);
    if (!(encoding & X509_ASN_ENCODING) || !(dec = find_decoder(type))) return fail(ERROR_FILE_NOT_FOUND);
    if ((err = run_decoder(dec, data, size, NULL, &needed))) return fail(err);
    if (flags & CRYPT_DECODE_ALLOC_FLAG)
    {
        if (!info) return fail(ERROR_INVALID_PARAMETER);
        buf = para && para->pfnAlloc ? para->pfnAlloc(needed) : LocalAlloc(LPTR, needed);
        if (!buf) return fail(ERROR_OUTOFMEMORY);
        *(BYTE **)info = buf;
    }
    else
    {
        buf = info;
        if (buf && *info_size < needed)
        {
            *info_size = needed;
            return fail(ERROR_MORE_DATA);
        }
    }
    *info_size = needed;
    if (buf) run_decoder(dec, data, size, buf, &needed);   /* measured: cannot fail now */
    return TRUE;
}

BOOL WINAPI CryptDecodeObject(DWORD encoding, LPCSTR type, const BYTE *data, DWORD size, DWORD flags,
                              void *info, DWORD *info_size)
{
    return CryptDecodeObjectEx(encoding, type, data, size, flags & ~CRYPT_DECODE_ALLOC_FLAG, NULL, info, info_size);
}
