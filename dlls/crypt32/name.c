/*
 * dlls/crypt32/name.c — certificate names as text: CertGetNameStringA/W
 * (simple display, DNS, e-mail, URL, one attribute, the RDN string) and
 * CertNameToStrA/W (simple, OID and X.500 forms). Names are decoded as
 * X509_UNICODE_NAME and alternative names as X509_ALTERNATE_NAME
 * (decode.c), so every value is UTF-16 here; the A forms convert at the
 * end with the ANSI code page.
 *
 * Sections: text building · names as strings · CertGetNameString.
 */
#include "private.h"

/* --- text building ------------------------------------------------------------ */

/* a string being built: `buf` NULL (or `cap` 0) only counts */
struct text { WCHAR *buf; DWORD cap, len; };

static void put(struct text *t, WCHAR c)
{
    if (t->buf && t->len < t->cap) t->buf[t->len] = c;
    t->len++;
}

static void put_n(struct text *t, const WCHAR *s, DWORD n) { while (n--) put(t, *s++); }
static void put_str(struct text *t, const WCHAR *s) { while (*s) put(t, *s++); }
static void put_ascii(struct text *t, const char *s) { while (*s) put(t, (BYTE)*s++); }

/* the terminating NUL (always written when there is room for anything) and
   the count the API returns: characters with the NUL, those written when
   the buffer was too small (tests/crypt32/name.c) */
static DWORD finish(struct text *t)
{
    put(t, 0);
    if (!t->buf || !t->cap || t->len <= t->cap) return t->len;
    t->buf[t->cap - 1] = 0;
    return t->cap;
}

/* an RDN value from X509_UNICODE_NAME: UTF-16 strings, other blobs in hex */
static void put_value(struct text *t, const CERT_RDN_ATTR *attr, BOOL quote)
{
    static const char hex[] = "0123456789ABCDEF";
    const WCHAR *s = (const WCHAR *)attr->Value.pbData;
    DWORD n = attr->Value.cbData / sizeof(WCHAR), i;
    BOOL needs = FALSE;

    if (attr->dwValueType == CERT_RDN_ENCODED_BLOB || attr->dwValueType == CERT_RDN_OCTET_STRING)
    {
        put(t, '#');
        for (i = 0; i < attr->Value.cbData; i++)
        {
            put(t, hex[attr->Value.pbData[i] >> 4]);
            put(t, hex[attr->Value.pbData[i] & 15]);
        }
        return;
    }
    if (quote)   /* X.500 strings quote values holding separators or edge spaces */
    {
        needs = n && (s[0] == ' ' || s[n - 1] == ' ' || s[0] == '#');
        for (i = 0; i < n && !needs; i++) needs = s[i] && strchr(",+=\"\n<>;", s[i] < 128 ? s[i] : 'a');
    }
    if (needs) put(t, '"');
    for (i = 0; i < n; i++)
    {
        if (needs && s[i] == '"') put(t, '"');
        put(t, s[i]);
    }
    if (needs) put(t, '"');
}

/* --- names as strings --------------------------------------------------------- */

static const struct { const char *oid, *key; } name_keys[] = {
    { szOID_COMMON_NAME, "CN" }, { szOID_ORGANIZATION_NAME, "O" }, { szOID_ORGANIZATIONAL_UNIT_NAME, "OU" },
    { szOID_COUNTRY_NAME, "C" }, { szOID_STATE_OR_PROVINCE_NAME, "S" }, { szOID_LOCALITY_NAME, "L" },
    { szOID_STREET_ADDRESS, "STREET" }, { szOID_TITLE, "T" }, { szOID_GIVEN_NAME, "G" },
    { szOID_INITIALS, "I" }, { szOID_SUR_NAME, "SN" }, { szOID_DOMAIN_COMPONENT, "DC" },
    { szOID_RSA_emailAddr, "E" }, { szOID_DEVICE_SERIAL_NUMBER, "SERIALNUMBER" },
};

static const char *key_of(const char *oid)
{
    DWORD i;
    for (i = 0; i < ARRAY_SIZE(name_keys); i++) if (!strcmp(name_keys[i].oid, oid)) return name_keys[i].key;
    return NULL;
}

static CERT_NAME_INFO *decode_name(const CERT_NAME_BLOB *blob)
{
    void *info;
    if (!blob || !blob->cbData || crypt32_decode(X509_UNICODE_NAME, blob->pbData, blob->cbData, &info)) return NULL;
    return info;
}

/* the text of a decoded name in CertNameToStr's `type` */
static void name_text(struct text *t, const CERT_NAME_INFO *name, DWORD type)
{
    BOOL reverse = type & CERT_NAME_STR_REVERSE_FLAG, first = TRUE;
    const char *sep = type & CERT_NAME_STR_SEMICOLON_FLAG ? "; " : type & CERT_NAME_STR_CRLF_FLAG ? "\r\n" : ", ";
    DWORD form = type & 0xff, i, j;

    for (i = 0; i < name->cRDN; i++)
    {
        const CERT_RDN *rdn = &name->rgRDN[reverse ? name->cRDN - 1 - i : i];
        for (j = 0; j < rdn->cRDNAttr; j++)
        {
            const CERT_RDN_ATTR *attr = &rdn->rgRDNAttr[j];
            const char *key = key_of(attr->pszObjId);

            if (!first) put_ascii(t, j ? (type & CERT_NAME_STR_NO_PLUS_FLAG ? " " : " + ") : sep);
            first = FALSE;
            if (form == CERT_OID_NAME_STR || (form == CERT_X500_NAME_STR && !key))
            {
                if (form == CERT_X500_NAME_STR) put_ascii(t, "OID.");
                put_ascii(t, attr->pszObjId);
                put(t, '=');
            }
            else if (form == CERT_X500_NAME_STR)
            {
                put_ascii(t, key);
                put(t, '=');
            }
            put_value(t, attr, form != CERT_SIMPLE_NAME_STR && !(type & CERT_NAME_STR_NO_QUOTING_FLAG));
        }
    }
}

DWORD WINAPI CertNameToStrW(DWORD encoding, PCERT_NAME_BLOB blob, DWORD type, LPWSTR str, DWORD len)
{
    CERT_NAME_INFO *name = decode_name(blob);
    struct text t = { str, str ? len : 0, 0 };

    (void)encoding;
    if (name) name_text(&t, name, type);
    HeapFree(GetProcessHeap(), 0, name);
    return finish(&t);
}

/* the A form of a W string function's result: `wide` holds `n` characters */
static DWORD to_ansi(const WCHAR *wide, DWORD n, LPSTR str, DWORD len)
{
    DWORD need = WideCharToMultiByte(CP_ACP, 0, wide, n, NULL, 0, NULL, NULL);
    if (!str || !len) return need;
    if (need > len)
    {
        need = WideCharToMultiByte(CP_ACP, 0, wide, n, str, len, NULL, NULL);
        str[len - 1] = 0;
        return len;
    }
    return WideCharToMultiByte(CP_ACP, 0, wide, n, str, len, NULL, NULL);
}

DWORD WINAPI CertNameToStrA(DWORD encoding, PCERT_NAME_BLOB blob, DWORD type, LPSTR str, DWORD len)
{
    DWORD n = CertNameToStrW(encoding, blob, type, NULL, 0), ret;
    WCHAR *wide = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR));

    if (!wide) { if (str && len) *str = 0; return 0; }
    CertNameToStrW(encoding, blob, type, wide, n);
    ret = to_ansi(wide, n, str, len);
    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}

/* --- CertGetNameString -------------------------------------------------------- */

/* the first attribute of `oid` in a decoded name */
static const CERT_RDN_ATTR *find_attr(const CERT_NAME_INFO *name, const char *oid)
{
    DWORD i, j;
    if (!name || !oid) return NULL;
    for (i = 0; i < name->cRDN; i++)
        for (j = 0; j < name->rgRDN[i].cRDNAttr; j++)
            if (!strcmp(name->rgRDN[i].rgRDNAttr[j].pszObjId, oid)) return &name->rgRDN[i].rgRDNAttr[j];
    return NULL;
}

/* the certificate's subject (or issuer) alternative names, decoded */
static CERT_ALT_NAME_INFO *alt_names(PCCERT_CONTEXT ctx, BOOL issuer)
{
    const CERT_INFO *info = ctx->pCertInfo;
    CERT_EXTENSION *ext = CertFindExtension(issuer ? szOID_ISSUER_ALT_NAME2 : szOID_SUBJECT_ALT_NAME2,
                                            info->cExtension, info->rgExtension);
    void *names;

    if (!ext) ext = CertFindExtension(issuer ? szOID_ISSUER_ALT_NAME : szOID_SUBJECT_ALT_NAME,
                                      info->cExtension, info->rgExtension);
    if (!ext || crypt32_decode(X509_ALTERNATE_NAME, ext->Value.pbData, ext->Value.cbData, &names)) return NULL;
    return names;
}

/* the alternative names of one kind: the first, or all as a multi-string */
static BOOL put_alt(struct text *t, const CERT_ALT_NAME_INFO *alt, DWORD choice, BOOL all)
{
    BOOL found = FALSE;
    DWORD i;

    for (i = 0; alt && i < alt->cAltEntry; i++)
    {
        if (alt->rgAltEntry[i].dwAltNameChoice != choice) continue;
        if (found) put(t, 0);
        put_str(t, alt->rgAltEntry[i].pwszDNSName);      /* the union's string member */
        found = TRUE;
        if (!all) break;
    }
    if (found && all) put(t, 0);                           /* a multi-string ends twice */
    return found;
}

static BOOL put_attr(struct text *t, const CERT_NAME_INFO *name, const char *oid)
{
    const CERT_RDN_ATTR *attr = find_attr(name, oid);
    if (attr) put_value(t, attr, FALSE);
    return attr != NULL;
}

/* CERT_NAME_SIMPLE_DISPLAY_TYPE: the first of CN, OU, O, e-mail RDNs, then
   the first alternative name (an e-mail address) */
static void put_simple_display(struct text *t, const CERT_NAME_INFO *name, const CERT_ALT_NAME_INFO *alt)
{
    static const char *const oids[] = { szOID_COMMON_NAME, szOID_ORGANIZATIONAL_UNIT_NAME,
                                        szOID_ORGANIZATION_NAME, szOID_RSA_emailAddr };
    DWORD i;
    for (i = 0; i < ARRAY_SIZE(oids); i++) if (put_attr(t, name, oids[i])) return;
    put_alt(t, alt, CERT_ALT_NAME_RFC822_NAME, FALSE);
}

static void name_string(struct text *t, PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para)
{
    BOOL issuer = flags & CERT_NAME_ISSUER_FLAG, all = flags & CERT_NAME_SEARCH_ALL_NAMES_FLAG;
    const CERT_NAME_BLOB *blob = issuer ? &ctx->pCertInfo->Issuer : &ctx->pCertInfo->Subject;
    CERT_NAME_INFO *name = decode_name(blob);
    CERT_ALT_NAME_INFO *alt = alt_names(ctx, issuer);

    switch (type)
    {
    case CERT_NAME_EMAIL_TYPE:
        if (!put_alt(t, alt, CERT_ALT_NAME_RFC822_NAME, FALSE)) put_attr(t, name, szOID_RSA_emailAddr);
        break;
    case CERT_NAME_RDN_TYPE:
        if (name) name_text(t, name, para ? *(DWORD *)para : CERT_SIMPLE_NAME_STR);
        break;
    case CERT_NAME_ATTR_TYPE:                            /* an e-mail RDN may live in the alt names */
        if (!put_attr(t, name, para) && para && !strcmp(para, szOID_RSA_emailAddr))
            put_alt(t, alt, CERT_ALT_NAME_RFC822_NAME, FALSE);
        break;
    case CERT_NAME_SIMPLE_DISPLAY_TYPE:
    case CERT_NAME_FRIENDLY_DISPLAY_TYPE:                  /* no friendly name property is ever set */
        put_simple_display(t, name, alt);
        break;
    case CERT_NAME_DNS_TYPE:
        if (!put_alt(t, alt, CERT_ALT_NAME_DNS_NAME, all) && put_attr(t, name, szOID_COMMON_NAME) && all) put(t, 0);
        break;
    case CERT_NAME_URL_TYPE:
        put_alt(t, alt, CERT_ALT_NAME_URL, FALSE);
        break;
    }
    HeapFree(GetProcessHeap(), 0, name);
    HeapFree(GetProcessHeap(), 0, alt);
}

DWORD WINAPI CertGetNameStringW(PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para, LPWSTR str, DWORD len)
{
    struct text t = { str, str ? len : 0, 0 };

    if (ctx && cert_get(ctx)) name_string(&t, ctx, type, flags, para);
    return finish(&t);
}

DWORD WINAPI CertGetNameStringA(PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para, LPSTR str, DWORD len)
{
    DWORD n = CertGetNameStringW(ctx, type, flags, para, NULL, 0), ret;
    WCHAR *wide = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR));

    if (!wide) { if (str && len) *str = 0; return 0; }
    CertGetNameStringW(ctx, type, flags, para, wide, n);
    ret = to_ansi(wide, n, str, len);
    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}
