/*
 * dlls/crypt32/strtoname.c — CertStrToNameW/A: "CN=www.example.com,
 * O=Example, C=US" encoded as an X.509 Name. Keys are the RDN names of
 * oid.c's table (any case), "OID.1.2.3" or "1.2.3"; values may be quoted
 * ("" is a quote inside); RDNs are separated by commas or semicolons (or
 * what the flags name), attributes of one RDN by plus signs. A value is a
 * PrintableString when it can be, else a BMPString (a UTF8String with the
 * UTF-8 flags); an attribute whose OID names its string types (E, C, DC
 * ...) takes the first that fits.
 *
 * Sections: DER output · parsing · encoding · the API.
 */
#include "private.h"

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- DER output --------------------------------------------------------------- */

/* bytes being built; `bad` once memory ran out */
struct buf { BYTE *p; DWORD len, cap; BOOL bad; };

static void buf_put(struct buf *b, const void *data, DWORD n)
{
    if (b->bad) return;
    if (b->len + n > b->cap)
    {
        DWORD cap = max(b->cap * 2, b->len + n + 64);
        BYTE *p = b->p ? HeapReAlloc(GetProcessHeap(), 0, b->p, cap) : HeapAlloc(GetProcessHeap(), 0, cap);
        if (!p) { b->bad = TRUE; return; }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
}

static void buf_header(struct buf *b, BYTE tag, DWORD len)
{
    BYTE hdr[6];
    DWORD n = 0, i;

    hdr[n++] = tag;
    if (len < 0x80) hdr[n++] = len;
    else
    {
        DWORD bytes = len < 0x100 ? 1 : len < 0x10000 ? 2 : len < 0x1000000 ? 3 : 4;
        hdr[n++] = 0x80 | bytes;
        for (i = bytes; i; i--) hdr[n++] = len >> (8 * (i - 1));
    }
    buf_put(b, hdr, n);
}

/* `inner` as the content of an element tagged `tag` at the end of `b` */
static void buf_wrap(struct buf *b, BYTE tag, const struct buf *inner)
{
    if (inner->bad) { b->bad = TRUE; return; }
    buf_header(b, tag, inner->len);
    buf_put(b, inner->p, inner->len);
}

static void buf_free(struct buf *b) { HeapFree(GetProcessHeap(), 0, b->p); }

/* a dotted OID's DER content; FALSE if it is no OID */
static BOOL encode_oid(struct buf *b, const char *oid)
{
    ULONGLONG arcs[64];
    DWORD n = 0, i;
    const char *p = oid;

    while (*p)
    {
        ULONGLONG v = 0;
        if (n == ARRAY_SIZE(arcs) || *p < '0' || *p > '9') return FALSE;
        while (*p >= '0' && *p <= '9')
        {
            if (v > (~0ull >> 4) / 10) return FALSE;
            v = v * 10 + (*p++ - '0');
        }
        arcs[n++] = v;
        if (*p == '.' && p[1]) p++;
        else if (*p) return FALSE;
    }
    if (n < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return FALSE;
    arcs[1] += arcs[0] * 40;
    for (i = 1; i < n; i++)
    {
        BYTE tmp[10];
        int k = 0;
        ULONGLONG v = arcs[i];
        do tmp[k++] = v & 0x7f; while (v >>= 7);
        while (k--)
        {
            BYTE c = tmp[k] | (k ? 0x80 : 0);
            buf_put(b, &c, 1);
        }
    }
    return TRUE;
}

/* --- parsing ------------------------------------------------------------------ */

#define MAX_ATTRS 64

struct attr {
    char oid[DER_MAX_OID];
    WCHAR *value;            /* unquoted, in the parse's own buffer */
    DWORD len;
    BOOL joined;             /* in the same RDN as the one before ('+') */
    const WCHAR *start;      /* where its key began (for ppszError) */
};

static BOOL is_space(WCHAR c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* whether `c` ends an RDN or an attribute under the flags */
static BOOL is_separator(WCHAR c, DWORD flags)
{
    DWORD only = flags & (CERT_NAME_STR_SEMICOLON_FLAG | CERT_NAME_STR_COMMA_FLAG | CERT_NAME_STR_CRLF_FLAG);

    if (c == '+') return !(flags & CERT_NAME_STR_NO_PLUS_FLAG);
    if (!only) return c == ',' || c == ';';
    return ((only & CERT_NAME_STR_SEMICOLON_FLAG) && c == ';') || ((only & CERT_NAME_STR_COMMA_FLAG) && c == ',') ||
           ((only & CERT_NAME_STR_CRLF_FLAG) && (c == '\r' || c == '\n'));
}

/* the OID a key names: "OID.1.2.3", "1.2.3", or an RDN name */
static BOOL key_oid(const WCHAR *key, DWORD len, char *oid)
{
    WCHAR name[64];
    PCCRYPT_OID_INFO info;
    DWORD i;

    if (len >= 4 && !_wcsnicmp(key, L"OID.", 4)) { key += 4; len -= 4; }
    if (!len || len >= DER_MAX_OID) return FALSE;
    if (key[0] >= '0' && key[0] <= '9')
    {
        for (i = 0; i < len; i++)
        {
            if ((key[i] < '0' || key[i] > '9') && key[i] != '.') return FALSE;
            oid[i] = key[i];
        }
        oid[len] = 0;
        return TRUE;
    }
    if (len >= ARRAY_SIZE(name)) return FALSE;
    memcpy(name, key, len * sizeof(WCHAR));
    name[len] = 0;
    if (!(info = CryptFindOIDInfo(CRYPT_OID_INFO_NAME_KEY, name, CRYPT_RDN_ATTR_OID_GROUP_ID))) return FALSE;
    strcpy(oid, info->pszOID);
    return TRUE;
}

/* the attributes of `s`, unquoted into `out` (as long as `s`); 0 or
   CRYPT_E_INVALID_X500_STRING with *error where it went wrong */
static DWORD parse(const WCHAR *s, DWORD flags, WCHAR *out, struct attr *attrs, DWORD max, DWORD *count,
                   const WCHAR **error)
{
    BOOL joined = FALSE;

    for (*count = 0;;)
    {
        const WCHAR *key;
        struct attr *a;
        DWORD key_len;

        while (is_space(*s)) s++;
        if (!*s) break;
        if (*count == max) { *error = s; return CRYPT_E_INVALID_X500_STRING; }
        a = &attrs[(*count)++];
        a->start = key = s;
        a->joined = joined;
        while (*s && *s != '=' && !is_separator(*s, flags)) s++;
        if (*s != '=') { *error = key; return CRYPT_E_INVALID_X500_STRING; }
        for (key_len = s - key; key_len && is_space(key[key_len - 1]); key_len--) {}
        if (!key_oid(key, key_len, a->oid)) { *error = key; return CRYPT_E_INVALID_X500_STRING; }
        for (s++; is_space(*s); s++) {}
        a->value = out;
        if (*s == '"' && !(flags & CERT_NAME_STR_NO_QUOTING_FLAG))
        {
            const WCHAR *open = s++;
            for (;;)
            {
                if (!*s) { *error = open; return CRYPT_E_INVALID_X500_STRING; }
                if (*s == '"' && s[1] != '"') break;
                if (*s == '"') s++;
                *out++ = *s++;
            }
            a->len = out - a->value;
            for (s++; is_space(*s); s++) {}
            if (*s && !is_separator(*s, flags)) { *error = s; return CRYPT_E_INVALID_X500_STRING; }
        }
        else
        {
            while (*s && !is_separator(*s, flags)) *out++ = *s++;
            while (out > a->value && is_space(out[-1])) out--;
            a->len = out - a->value;
        }
        joined = *s == '+' && !(flags & CERT_NAME_STR_NO_PLUS_FLAG);
        if (*s) s++;
    }
    return 0;
}

/* --- encoding ----------------------------------------------------------------- */

static BOOL printable(const WCHAR *s, DWORD n)
{
    static const char extra[] = " '()+,-./:=?";
    DWORD i;

    for (i = 0; i < n; i++)
    {
        WCHAR c = s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continue;
        if (c >= 0x80 || !strchr(extra, c) || !c) return FALSE;
    }
    return TRUE;
}

static BOOL fits(DWORD type, const WCHAR *s, DWORD n)
{
    DWORD i;

    switch (type)
    {
    case CERT_RDN_PRINTABLE_STRING: return printable(s, n);
    case CERT_RDN_NUMERIC_STRING:
        for (i = 0; i < n; i++) if ((s[i] < '0' || s[i] > '9') && s[i] != ' ') return FALSE;
        return TRUE;
    case CERT_RDN_IA5_STRING:
        for (i = 0; i < n; i++) if (s[i] >= 0x80) return FALSE;
        return TRUE;
    default: return TRUE;                            /* UTF-8 and BMP take any */
    }
}

/* the string type of a value: the first of the attribute's own types that
   fits, else printable, else Unicode (BMP, or UTF-8 with the flags) */
static DWORD value_type(const char *oid, const WCHAR *s, DWORD n, DWORD flags)
{
    PCCRYPT_OID_INFO info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)oid, CRYPT_RDN_ATTR_OID_GROUP_ID);
    DWORD unicode = flags & (CERT_NAME_STR_ENABLE_UTF8_UNICODE_FLAG | CERT_NAME_STR_FORCE_UTF8_DIR_STR_FLAG)
                  ? CERT_RDN_UTF8_STRING : CERT_RDN_UNICODE_STRING;
    const DWORD *types;

    if (info && info->ExtraInfo.cbData >= sizeof(DWORD))
    {
        for (types = (const DWORD *)info->ExtraInfo.pbData; *types; types++)
            if (fits(*types, s, n)) return *types;
        return 0;                                    /* none fits */
    }
    if (flags & CERT_NAME_STR_FORCE_UTF8_DIR_STR_FLAG) return CERT_RDN_UTF8_STRING;
    return printable(s, n) ? CERT_RDN_PRINTABLE_STRING : unicode;
}

/* AttributeTypeAndValue ::= SEQUENCE { type OID, value } */
static BOOL encode_attr(struct buf *out, const struct attr *a, DWORD flags)
{
    static const BYTE tags[] = { [CERT_RDN_NUMERIC_STRING] = 0x12, [CERT_RDN_PRINTABLE_STRING] = 0x13,
                                 [CERT_RDN_IA5_STRING] = 0x16, [CERT_RDN_UNICODE_STRING] = 0x1e,
                                 [CERT_RDN_UTF8_STRING] = 0x0c };
    struct buf seq = { 0 }, oid = { 0 }, value = { 0 };
    DWORD type = value_type(a->oid, a->value, a->len, flags), i;
    BOOL ok = TRUE;

    if (!type) return FALSE;
    if (!encode_oid(&oid, a->oid)) ok = FALSE;
    if (type == CERT_RDN_UNICODE_STRING)
        for (i = 0; i < a->len; i++) { BYTE be[2] = { a->value[i] >> 8, a->value[i] & 0xff }; buf_put(&value, be, 2); }
    else if (type == CERT_RDN_UTF8_STRING && a->len)
    {
        int n = WideCharToMultiByte(CP_UTF8, 0, a->value, a->len, NULL, 0, NULL, NULL);
        char *utf8 = HeapAlloc(GetProcessHeap(), 0, n);
        if (!utf8) value.bad = TRUE;
        else
        {
            WideCharToMultiByte(CP_UTF8, 0, a->value, a->len, utf8, n, NULL, NULL);
            buf_put(&value, utf8, n);
            HeapFree(GetProcessHeap(), 0, utf8);
        }
    }
    else for (i = 0; i < a->len; i++) { BYTE c = a->value[i]; buf_put(&value, &c, 1); }
    if (ok)
    {
        buf_wrap(&seq, 0x06, &oid);
        buf_wrap(&seq, tags[type], &value);
        buf_wrap(out, 0x30, &seq);
    }
    buf_free(&seq);
    buf_free(&oid);
    buf_free(&value);
    return ok;
}

/* Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue),
   the RDNs in the string's order, or reversed */
static DWORD encode_name(const struct attr *attrs, DWORD count, DWORD flags, struct buf *name, const WCHAR **error)
{
    struct buf rdns = { 0 };
    DWORD starts[MAX_ATTRS + 1], n = 0, r, i;

    for (i = 0; i < count; i++) if (!attrs[i].joined) starts[n++] = i;   /* where each RDN begins */
    starts[n] = count;
    for (r = 0; r < n; r++)
    {
        DWORD k = flags & CERT_NAME_STR_REVERSE_FLAG ? n - 1 - r : r;
        struct buf set = { 0 };

        for (i = starts[k]; i < starts[k + 1]; i++)
            if (!encode_attr(&set, &attrs[i], flags))
            {
                *error = attrs[i].start;
                buf_free(&set);
                buf_free(&rdns);
                return CRYPT_E_INVALID_PRINTABLE_STRING;
            }
        buf_wrap(&rdns, 0x31, &set);
        buf_free(&set);
    }
    buf_wrap(name, 0x30, &rdns);
    buf_free(&rdns);
    return name->bad ? ERROR_OUTOFMEMORY : 0;
}

/* --- the API ------------------------------------------------------------------ */

BOOL WINAPI CertStrToNameW(DWORD encoding, LPCWSTR str, DWORD type, void *reserved, BYTE *encoded, DWORD *size,
                           LPCWSTR *error)
{
    struct attr *attrs;
    struct buf name = { 0 };
    const WCHAR *where = NULL;
    WCHAR *values;
    DWORD count, err;
    BOOL ret;

    (void)reserved;
    if (error) *error = NULL;
    if (!str || !size) return fail(E_INVALIDARG);
    if (!(encoding & X509_ASN_ENCODING)) return fail(E_INVALIDARG);
    attrs = HeapAlloc(GetProcessHeap(), 0, MAX_ATTRS * sizeof(*attrs));
    values = HeapAlloc(GetProcessHeap(), 0, (lstrlenW(str) + 1) * sizeof(WCHAR));
    if (!attrs || !values) err = ERROR_OUTOFMEMORY;
    else if (!(err = parse(str, type, values, attrs, MAX_ATTRS, &count, &where)))
        err = encode_name(attrs, count, type, &name, &where);
    if (err)
    {
        if (error) *error = where;
        ret = fail(err);
    }
    else if (!encoded) { *size = name.len; ret = TRUE; }
    else if (*size < name.len) { *size = name.len; ret = fail(ERROR_MORE_DATA); }
    else
    {
        memcpy(encoded, name.p, name.len);
        *size = name.len;
        ret = TRUE;
    }
    buf_free(&name);
    HeapFree(GetProcessHeap(), 0, attrs);
    HeapFree(GetProcessHeap(), 0, values);
    return ret;
}

BOOL WINAPI CertStrToNameA(DWORD encoding, LPCSTR str, DWORD type, void *reserved, BYTE *encoded, DWORD *size,
                           LPCSTR *error)
{
    const WCHAR *werror = NULL;
    WCHAR *wide;
    int n;
    BOOL ret;

    if (error) *error = NULL;
    if (!str || !size) return fail(E_INVALIDARG);
    n = MultiByteToWideChar(CP_ACP, 0, str, -1, NULL, 0);
    if (!(wide = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)))) return fail(ERROR_OUTOFMEMORY);
    MultiByteToWideChar(CP_ACP, 0, str, -1, wide, n);
    ret = CertStrToNameW(encoding, wide, type, reserved, encoded, size, &werror);
    if (!ret && error && werror)   /* the same place in the ANSI string */
        *error = str + WideCharToMultiByte(CP_ACP, 0, wide, werror - wide, NULL, 0, NULL, NULL);
    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}
