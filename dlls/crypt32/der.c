/*
 * dlls/crypt32/der.c — the DER reader every decoder of crypt32 stands on.
 * A `struct der` is a window [p, end) over bytes that are not trusted:
 * each step checks that the tag, the length and the content lie inside
 * the window before anything is read, so a truncated or lying encoding is
 * an error (CRYPT_E_ASN1_EOD, _BADTAG, _CORRUPT), never a read past it.
 * Only DER is read: definite lengths of at most four bytes, tags below 31.
 *
 * Sections: elements · values (integers, times, object identifiers) · BER.
 */
#include "private.h"

/* --- elements ----------------------------------------------------------------- */

/* the next element of `d`: its tag and its content window (with `start` at
   its tag); `d` moves past it */
DWORD der_read(struct der *d, BYTE *tag, struct der *elem)
{
    const BYTE *p = d->p;
    DWORD len, n;

    if (d->end - p < 2) return CRYPT_E_ASN1_EOD;
    if ((p[0] & 0x1f) == 0x1f) return CRYPT_E_ASN1_BADTAG;   /* high tag numbers: none in X.509 */
    *tag = p[0];
    len = p[1];
    p += 2;
    if (len & 0x80)
    {
        n = len & 0x7f;
        if (!n) return CRYPT_E_ASN1_CORRUPT;                  /* indefinite length: BER, not DER */
        if (n > 4) return CRYPT_E_ASN1_LARGE;
        if (d->end - p < (ptrdiff_t)n) return CRYPT_E_ASN1_EOD;
        for (len = 0; n; n--) len = len << 8 | *p++;
    }
    if ((size_t)(d->end - p) < len) return CRYPT_E_ASN1_EOD;
    elem->start = d->p;
    elem->p = p;
    elem->end = p + len;
    d->p = p + len;
    return 0;
}

/* the next element, which must carry `tag` */
DWORD der_take(struct der *d, BYTE tag, struct der *elem)
{
    struct der save = *d;
    BYTE got;
    DWORD err = der_read(d, &got, elem);

    if (!err && got != tag) { *d = save; return CRYPT_E_ASN1_BADTAG; }
    return err;
}

/* whether the next element carries `tag` (nothing is consumed) */
BOOL der_peek(const struct der *d, BYTE tag)
{
    return d->end - d->p >= 2 && d->p[0] == tag;
}

/* a window over a whole buffer */
struct der der_init(const BYTE *data, DWORD size)
{
    struct der d = { data, data, data + size };
    return d;
}

/* --- values ------------------------------------------------------------------- */

/* a small non-negative INTEGER content (a version, a path length) */
DWORD der_uint(const struct der *c, DWORD *value)
{
    const BYTE *p = c->p;
    DWORD v = 0;

    if (c->end == p) return CRYPT_E_ASN1_CORRUPT;
    if (*p & 0x80) return CRYPT_E_ASN1_CORRUPT;              /* negative */
    if (c->end - p > 5 || (c->end - p == 5 && *p)) return CRYPT_E_ASN1_LARGE;
    while (p < c->end) v = v << 8 | *p++;
    *value = v;
    return 0;
}

static int two_digits(const BYTE *s) { return (s[0] - '0') * 10 + s[1] - '0'; }

/* a UTCTime (YYMMDDHHMMSSZ: 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSSZ) */
DWORD der_time(struct der *d, FILETIME *ft)
{
    struct der c;
    SYSTEMTIME st = { 0 };
    BYTE tag;
    DWORD err = der_read(d, &tag, &c);
    int year_len, i;

    if (err) return err;
    if (tag != 0x17 && tag != 0x18) return CRYPT_E_ASN1_BADTAG;
    year_len = tag == 0x17 ? 2 : 4;
    if (c.end - c.p != year_len + 11 || c.p[year_len + 10] != 'Z') return CRYPT_E_ASN1_CORRUPT;
    for (i = 0; i < year_len + 10; i++) if (c.p[i] < '0' || c.p[i] > '9') return CRYPT_E_ASN1_CORRUPT;
    st.wYear = two_digits(c.p);
    if (year_len == 4) st.wYear = st.wYear * 100 + two_digits(c.p + 2);
    else st.wYear += st.wYear < 50 ? 2000 : 1900;
    st.wMonth = two_digits(c.p + year_len);
    st.wDay = two_digits(c.p + year_len + 2);
    st.wHour = two_digits(c.p + year_len + 4);
    st.wMinute = two_digits(c.p + year_len + 6);
    st.wSecond = two_digits(c.p + year_len + 8);
    return SystemTimeToFileTime(&st, ft) ? 0 : CRYPT_E_ASN1_CORRUPT;
}

static int put_decimal(char *out, ULONGLONG v)
{
    char tmp[24];
    int n = 0, i;
    do tmp[n++] = '0' + v % 10; while (v /= 10);
    for (i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

/* an OBJECT IDENTIFIER's content as "1.2.840..." in `buf` (of `size`
   chars, NUL included); arcs wider than 64 bits are refused */
DWORD der_oid_string(const struct der *c, char *buf, DWORD size)
{
    const BYTE *p = c->p;
    DWORD n = 0;
    BOOL first = TRUE;

    if (p == c->end) return CRYPT_E_ASN1_CORRUPT;
    while (p < c->end)
    {
        ULONGLONG arc = 0;
        char digits[48];
        int len = 0;

        do
        {
            if (p == c->end) return CRYPT_E_ASN1_EOD;      /* the last byte still had its high bit */
            if (arc >> 57) return CRYPT_E_ASN1_LARGE;
            arc = arc << 7 | (*p & 0x7f);
        } while (*p++ & 0x80);
        if (first)                                         /* the first byte holds two arcs */
        {
            int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
            len = put_decimal(digits, top);
            digits[len++] = '.';
            arc -= top * 40;
            first = FALSE;
        }
        else digits[len++] = '.';
        len += put_decimal(digits + len, arc);
        if (n + len + 1 > size) return CRYPT_E_ASN1_LARGE;
        memcpy(buf + n, digits, len);
        n += len;
    }
    buf[n] = 0;
    return 0;
}

/* whether an OBJECT IDENTIFIER's content is `oid` ("1.2.3") */
BOOL der_oid_is(const struct der *c, const char *oid)
{
    char buf[DER_MAX_OID];
    return !der_oid_string(c, buf, sizeof(buf)) && !strcmp(buf, oid);
}

/* --- BER ---------------------------------------------------------------------- */

/* PKCS#7 messages may be BER (openssl's -stream, Java, streaming encoders):
   indefinite lengths ended by 00 00, and OCTET STRINGs sent as constructed
   chunks. der_from_ber rewrites such an encoding as DER, leaving DER parts
   byte for byte as they were (signatures over them still hold). */

#define BER_MAX_DEPTH 64

static DWORD put_len(BYTE *out, DWORD len)
{
    DWORD n = len < 0x80 ? 0 : len < 0x100 ? 1 : len < 0x10000 ? 2 : len < 0x1000000 ? 3 : 4, i;

    if (out)
    {
        if (!n) out[0] = len;
        else for (out[0] = 0x80 | n, i = 0; i < n; i++) out[1 + i] = len >> (8 * (n - 1 - i));
    }
    return 1 + n;
}

/* one element at *p (moved past it): its DER in `out` (NULL: measured),
   its size in *len; an OCTET STRING's chunks (`octets`) give only their bytes */
static DWORD ber_elem(const BYTE **p, const BYTE *end, BYTE *out, DWORD *len, BOOL octets, int depth)
{
    const BYTE *q = *p, *content;
    DWORD n, hdr, sum = 0, child, err;
    BOOL indefinite = FALSE;
    BYTE tag;

    if (depth > BER_MAX_DEPTH) return CRYPT_E_ASN1_LARGE;
    if (end - q < 2) return CRYPT_E_ASN1_EOD;
    tag = *q++;
    if ((tag & 0x1f) == 0x1f) return CRYPT_E_ASN1_BADTAG;
    n = *q++;
    if (n == 0x80)
    {
        if (!(tag & 0x20)) return CRYPT_E_ASN1_CORRUPT;     /* only constructed ones may be indefinite */
        indefinite = TRUE;
        n = end - q;
    }
    else if (n & 0x80)
    {
        DWORD k = n & 0x7f;
        if (k > 4) return CRYPT_E_ASN1_LARGE;
        if (end - q < (ptrdiff_t)k) return CRYPT_E_ASN1_EOD;
        for (n = 0; k; k--) n = n << 8 | *q++;
        if ((size_t)(end - q) < n) return CRYPT_E_ASN1_EOD;
    }
    else if ((size_t)(end - q) < n) return CRYPT_E_ASN1_EOD;
    content = q;
    if (!(tag & 0x20))                                       /* primitive: as it is */
    {
        if (octets)
        {
            if (tag != 0x04) return CRYPT_E_ASN1_CORRUPT;
            if (out) memcpy(out, content, n);
            *len = n;
        }
        else
        {
            hdr = put_len(NULL, n) + 1;
            if (out) { out[0] = tag; put_len(out + 1, n); memcpy(out + hdr, content, n); }
            *len = hdr + n;
        }
        *p = content + n;
        return 0;
    }
    if (octets && tag != 0x24) return CRYPT_E_ASN1_CORRUPT;
    /* constructed: the children, measured, then (when writing) written after the header */
    {
        const BYTE *c = content, *cend = indefinite ? end : content + n;
        BOOL chunks = tag == 0x24;                           /* an OCTET STRING in pieces becomes one */
        BYTE *dst = NULL;

        for (;;)
        {
            if (indefinite && cend - c >= 2 && !c[0] && !c[1]) { c += 2; break; }
            if (!indefinite && c == cend) break;
            if (indefinite && cend - c < 2) return CRYPT_E_ASN1_EOD;
            if ((err = ber_elem(&c, cend, NULL, &child, chunks, depth + 1))) return err;
            sum += child;
        }
        *p = c;
        if (octets) hdr = 0;
        else hdr = 1 + put_len(NULL, sum);
        *len = hdr + sum;
        if (!out) return 0;
        if (!octets) { out[0] = chunks ? 0x04 : tag; put_len(out + 1, sum); }
        dst = out + hdr;
        for (c = content; dst < out + hdr + sum; dst += child)
            if ((err = ber_elem(&c, cend, dst, &child, chunks, depth + 1))) return err;
        return 0;
    }
}

/* a BER element (with nothing after it) as DER, in a new heap block */
DWORD der_from_ber(const BYTE *data, DWORD size, BYTE **out, DWORD *out_size)
{
    const BYTE *p = data;
    DWORD err, len;

    *out = NULL;
    if ((err = ber_elem(&p, data + size, NULL, &len, FALSE, 0))) return err;
    if (!(*out = HeapAlloc(GetProcessHeap(), 0, len ? len : 1))) return ERROR_OUTOFMEMORY;
    p = data;
    if ((err = ber_elem(&p, data + size, *out, &len, FALSE, 0)))
    {
        HeapFree(GetProcessHeap(), 0, *out);
        *out = NULL;
        return err;
    }
    *out_size = len;
    return 0;
}
