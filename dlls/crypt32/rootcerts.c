/*
 * The trusted root certificates: the "ROOT" system store holds the host's
 * CA bundle (/etc/ssl/certs/ca-certificates.crt through drive Z:), read
 * once per process, as Windows' ROOT store holds its trusted roots. Each
 * certificate becomes a CERT_CONTEXT whose CERT_INFO carries the serial
 * number, issuer, subject and validity read from its DER; the rest of
 * CERT_INFO stays empty. The contexts live as long as the process.
 *
 * Sections: DER reading · one certificate · the bundle.
 */
#include "private.h"

#define BUNDLE_PATH L"Z:\\etc\\ssl\\certs\\ca-certificates.crt"
#define MAX_BUNDLE  (8 * 1024 * 1024)

/* --- DER reading ----------------------------------------------------------------- */

struct der { const BYTE *p, *end; const BYTE *start; };   /* start: of the element, tag included */

/* the next element: its tag and content; FALSE at the end or on a bad length */
static BOOL der_next(struct der *d, BYTE *tag, struct der *content)
{
    DWORD len = 0, n;
    if (d->end - d->p < 2) return FALSE;
    content->start = d->p;
    *tag = *d->p++;
    n = *d->p++;
    if (n & 0x80)
    {
        n &= 0x7f;
        if (n == 0 || n > 4 || d->end - d->p < (ptrdiff_t)n) return FALSE;
        while (n--) len = len << 8 | *d->p++;
    }
    else len = n;
    if ((DWORD)(d->end - d->p) < len) return FALSE;
    content->p = d->p;
    content->end = d->p + len;
    d->p += len;
    return TRUE;
}

static BOOL der_expect(struct der *d, BYTE want, struct der *content)
{
    BYTE tag;
    return der_next(d, &tag, content) && tag == want;
}

static int digits(const BYTE *s, int n)
{
    int v = 0;
    while (n--) v = v * 10 + (*s++ - '0');
    return v;
}

/* a UTCTime (YYMMDDHHMMSSZ, years 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSSZ) */
static BOOL der_time(struct der *d, FILETIME *ft)
{
    struct der c;
    BYTE tag;
    SYSTEMTIME st = { 0 };
    int year_len;

    if (!der_next(d, &tag, &c)) return FALSE;
    year_len = tag == 0x17 ? 2 : tag == 0x18 ? 4 : 0;
    if (!year_len || c.end - c.p < year_len + 10) return FALSE;
    for (const BYTE *q = c.p; q < c.p + year_len + 10; q++) if (*q < '0' || *q > '9') return FALSE;
    st.wYear = digits(c.p, year_len);
    if (year_len == 2) st.wYear += st.wYear < 50 ? 2000 : 1900;
    st.wMonth = digits(c.p + year_len, 2);
    st.wDay = digits(c.p + year_len + 2, 2);
    st.wHour = digits(c.p + year_len + 4, 2);
    st.wMinute = digits(c.p + year_len + 6, 2);
    st.wSecond = digits(c.p + year_len + 8, 2);
    return SystemTimeToFileTime(&st, ft);
}

/* --- one certificate ---------------------------------------------------------------- */

static void set_blob(CRYPT_INTEGER_BLOB *blob, const struct der *c)
{
    blob->pbData = (BYTE *)c->p;
    blob->cbData = c->end - c->p;
}

/* CERT_INFO from the TBSCertificate of a DER certificate (pointers into it) */
static BOOL parse_info(const BYTE *der, DWORD size, CERT_INFO *info)
{
    struct der all = { der, der + size, der }, cert, tbs, field, validity;
    BYTE tag;

    if (!der_expect(&all, 0x30, &cert) || !der_expect(&cert, 0x30, &tbs)) return FALSE;
    if (!der_next(&tbs, &tag, &field)) return FALSE;
    if (tag == 0xa0)                                   /* [0] version */
    {
        struct der v;
        if (der_expect(&field, 0x02, &v) && v.end - v.p == 1) info->dwVersion = *v.p;
        if (!der_next(&tbs, &tag, &field)) return FALSE;
    }
    if (tag != 0x02) return FALSE;                     /* serial number */
    set_blob(&info->SerialNumber, &field);
    if (!der_expect(&tbs, 0x30, &field)) return FALSE; /* signature algorithm */
    if (!der_expect(&tbs, 0x30, &field)) return FALSE; /* issuer: the whole Name, tag included */
    info->Issuer.pbData = (BYTE *)field.start;
    info->Issuer.cbData = field.end - field.start;
    if (!der_expect(&tbs, 0x30, &validity)) return FALSE;
    if (!der_time(&validity, &info->NotBefore) || !der_time(&validity, &info->NotAfter)) return FALSE;
    if (!der_expect(&tbs, 0x30, &field)) return FALSE; /* subject */
    info->Subject.pbData = (BYTE *)field.start;
    info->Subject.cbData = field.end - field.start;
    return TRUE;
}

/* a context for the DER certificate (copied), NULL if it does not parse */
static CERT_CONTEXT *new_context(const BYTE *der, DWORD size, HCERTSTORE store)
{
    struct { CERT_CONTEXT ctx; CERT_INFO info; } *c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c) + size);
    BYTE *copy;

    if (!c) return NULL;
    copy = (BYTE *)(c + 1);
    memcpy(copy, der, size);
    if (!parse_info(copy, size, &c->info))
    {
        HeapFree(GetProcessHeap(), 0, c);
        return NULL;
    }
    c->ctx.dwCertEncodingType = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;
    c->ctx.pbCertEncoded = copy;
    c->ctx.cbCertEncoded = size;
    c->ctx.pCertInfo = &c->info;
    c->ctx.hCertStore = store;
    return &c->ctx;
}

/* --- the bundle ------------------------------------------------------------------------ */

static PCCERT_CONTEXT *roots;
static DWORD root_count;
static INIT_ONCE roots_once = INIT_ONCE_STATIC_INIT;

static char *read_bundle(DWORD *size)
{
    HANDLE f = CreateFileW(BUNDLE_PATH, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER len;
    char *buf = NULL;

    if (f == INVALID_HANDLE_VALUE) return NULL;
    if (GetFileSizeEx(f, &len) && len.QuadPart > 0 && len.QuadPart < MAX_BUNDLE &&
        (buf = HeapAlloc(GetProcessHeap(), 0, len.QuadPart)) && !ReadFile(f, buf, len.LowPart, size, NULL))
    {
        HeapFree(GetProcessHeap(), 0, buf);
        buf = NULL;
    }
    CloseHandle(f);
    return buf;
}

/* each "-----BEGIN CERTIFICATE-----" block of the bundle, decoded */
static BOOL CALLBACK load_roots(INIT_ONCE *once, void *store, void **ctx)
{
    static const char begin[] = "-----BEGIN CERTIFICATE-----";
    DWORD size = 0, pos = 0, der_size, skip, cap = 0;
    char *text = read_bundle(&size);
    BYTE *der;

    (void)once; (void)ctx;
    if (!text) return TRUE;
    while (pos < size)
    {
        const char *block = text + pos;
        DWORD rest = size - pos, end;
        PCCERT_CONTEXT c;

        for (end = 0; end + 25 <= rest && memcmp(block + end, "-----END CERTIFICATE-----", 25); end++) {}
        if (end + 25 > rest) break;
        end += 25;
        pos += end;
        if (end < sizeof(begin) || !CryptStringToBinaryA(block, end, CRYPT_STRING_BASE64HEADER, NULL, &der_size, &skip, NULL))
            continue;
        if (!(der = HeapAlloc(GetProcessHeap(), 0, der_size))) break;
        if (CryptStringToBinaryA(block, end, CRYPT_STRING_BASE64HEADER, der, &der_size, NULL, NULL) &&
            (c = new_context(der, der_size, store)))
        {
            if (root_count == cap)
            {
                PCCERT_CONTEXT *list = cap ? HeapReAlloc(GetProcessHeap(), 0, roots, 2 * cap * sizeof(*list))
                                           : HeapAlloc(GetProcessHeap(), 0, 64 * sizeof(*list));
                if (!list) { HeapFree(GetProcessHeap(), 0, der); break; }
                roots = list;
                cap = cap ? 2 * cap : 64;
            }
            roots[root_count++] = c;
        }
        HeapFree(GetProcessHeap(), 0, der);
    }
    HeapFree(GetProcessHeap(), 0, text);
    return TRUE;
}

/* the root certificates, loaded on first use; `store` is the ROOT store
   they name as theirs */
DWORD crypt32_root_certs(HCERTSTORE store, const PCCERT_CONTEXT **list)
{
    InitOnceExecuteOnce(&roots_once, load_roots, store, NULL);
    *list = roots;
    return root_count;
}
