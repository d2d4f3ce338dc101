/*
 * kernel32/idn.c — internationalized domain names: IdnToAscii,
 * IdnToUnicode, IdnToNameprepUnicode, with Punycode (RFC 3492).
 *
 * A name is split into labels at '.' and its ideographic and fullwidth
 * forms. An ASCII label stays as it is; another is mapped (lower case,
 * NFKC: kernel32/normalize.c, the characters mapped to nothing dropped), as
 * IDNA does, and, if still not ASCII, written "xn--" + Punycode. As since
 * Windows 8 (IDNA2008), the sharp s and the final sigma are kept, not
 * mapped to "ss" and a sigma. A label is 1 to 63 characters (only the last
 * may be empty: a trailing dot), the name at most 255; anything else,
 * characters IDNA forbids and, under IDN_USE_STD3_ASCII_RULES, ASCII
 * other than letters, digits and inner hyphens are ERROR_INVALID_NAME.
 * IdnToUnicode decodes the "xn--" labels and checks that they encode back
 * the same.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);
size_t __cdecl wcslen(const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);
int __cdecl _wcsnicmp(const WCHAR *, const WCHAR *, size_t);

#define MAX_LABEL   63
#define MAX_NAME    255
#define MAX_WORK    (MAX_NAME * 18 + 16)

#define IDN_FLAGS (IDN_ALLOW_UNASSIGNED | IDN_USE_STD3_ASCII_RULES | IDN_EMAIL_ADDRESS | IDN_RAW_PUNYCODE)

static int fail(DWORD err)
{
    RtlSetLastWin32Error(err);
    return 0;
}

static BOOL is_dot(WCHAR c)
{
    return c == '.' || c == 0x3002 || c == 0xff0e || c == 0xff61;
}

/* ======================================================================
 * Punycode (RFC 3492): base 36, tmin 1, tmax 26, skew 38, damp 700,
 * initial bias 72, initial n 128
 * ====================================================================== */

#define PUNY_BASE 36
#define PUNY_TMIN 1
#define PUNY_TMAX 26
#define PUNY_SKEW 38
#define PUNY_DAMP 700
#define PUNY_BIAS 72
#define PUNY_N    128

static int adapt(int delta, int points, BOOL first)
{
    int k = 0;

    delta = first ? delta / PUNY_DAMP : delta / 2;
    delta += delta / points;
    while (delta > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) / 2)
    {
        delta /= PUNY_BASE - PUNY_TMIN;
        k += PUNY_BASE;
    }
    return k + (PUNY_BASE - PUNY_TMIN + 1) * delta / (delta + PUNY_SKEW);
}

static WCHAR digit_char(int d)
{
    return d < 26 ? 'a' + d : '0' + d - 26;
}

static int char_digit(WCHAR c)
{
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '0' && c <= '9') return c - '0' + 26;
    return -1;
}

static int threshold(int k, int bias)
{
    if (k <= bias) return PUNY_TMIN;
    if (k >= bias + PUNY_TMAX) return PUNY_TMAX;
    return k - bias;
}

/* the code points of a label (surrogate pairs joined); -1 on a lone one */
static int to_code_points(const WCHAR *s, int len, unsigned int *cp)
{
    int i, n = 0;

    for (i = 0; i < len; i++)
    {
        if (s[i] >= 0xd800 && s[i] <= 0xdbff && i + 1 < len && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff)
        {
            cp[n++] = 0x10000 + ((s[i] - 0xd800) << 10) + (s[i + 1] - 0xdc00);
            i++;
        }
        else if (s[i] >= 0xd800 && s[i] <= 0xdfff) return -1;
        else cp[n++] = s[i];
    }
    return n;
}

/* encodes len code points; the output length, -1 if it does not fit */
static int punycode_encode(const unsigned int *cp, int len, WCHAR *out, int room)
{
    unsigned int n = PUNY_N, m;
    int delta = 0, bias = PUNY_BIAS, h, b = 0, o = 0, i;

    for (i = 0; i < len; i++)
        if (cp[i] < 0x80)
        {
            if (o >= room) return -1;
            out[o++] = cp[i];
            b++;
        }
    if (b)
    {
        if (o >= room) return -1;
        out[o++] = '-';
    }
    for (h = b; h < len; n++, delta++)
    {
        for (m = 0x110000, i = 0; i < len; i++) if (cp[i] >= n && cp[i] < m) m = cp[i];
        if ((m - n) > (unsigned int)(0x7fffffff - delta) / (h + 1)) return -1;
        delta += (m - n) * (h + 1);
        n = m;
        for (i = 0; i < len; i++)
        {
            if (cp[i] < n) delta++;
            if (cp[i] != n) continue;
            {
                int q = delta, k;
                for (k = PUNY_BASE;; k += PUNY_BASE)
                {
                    int t = threshold(k, bias);
                    if (q < t) break;
                    if (o >= room) return -1;
                    out[o++] = digit_char(t + (q - t) % (PUNY_BASE - t));
                    q = (q - t) / (PUNY_BASE - t);
                }
                if (o >= room) return -1;
                out[o++] = digit_char(q);
                bias = adapt(delta, h + 1, h == b);
                delta = 0;
                h++;
            }
        }
    }
    return o;
}

static void memmove_cp(unsigned int *dst, const unsigned int *src, int n)
{
    while (n-- > 0) dst[n] = src[n];
}

/* decodes a label's Punycode into code points; their count, -1 if invalid */
static int punycode_decode(const WCHAR *in, int len, unsigned int *cp, int room)
{
    unsigned int n = PUNY_N;
    int i = 0, bias = PUNY_BIAS, b = 0, j, o = 0, pos;

    for (j = 0; j < len; j++) if (in[j] == '-') b = j;
    for (j = 0; j < b; j++)
    {
        if (in[j] >= 0x80 || o >= room) return -1;
        cp[o++] = in[j];
    }
    for (pos = b ? b + 1 : 0; pos < len; )
    {
        int old = i, w = 1, k;
        for (k = PUNY_BASE;; k += PUNY_BASE)
        {
            int digit, t;
            if (pos >= len || (digit = char_digit(in[pos++])) < 0) return -1;
            if (digit > (0x7fffffff - i) / w) return -1;
            i += digit * w;
            t = threshold(k, bias);
            if (digit < t) break;
            if (w > 0x7fffffff / (PUNY_BASE - t)) return -1;
            w *= PUNY_BASE - t;
        }
        bias = adapt(i - old, o + 1, old == 0);
        if (i / (o + 1) > (int)(0x10ffff - n)) return -1;
        n += i / (o + 1);
        i %= o + 1;
        if (o >= room || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return -1;
        memmove_cp(cp + i + 1, cp + i, o - i);
        cp[i++] = n;
        o++;
    }
    return o;
}

/* writes code points as UTF-16; the length, -1 if it does not fit */
static int from_code_points(const unsigned int *cp, int n, WCHAR *out, int room)
{
    int i, o = 0;

    for (i = 0; i < n; i++)
    {
        if (cp[i] >= 0x10000)
        {
            if (o + 2 > room) return -1;
            out[o++] = 0xd800 + ((cp[i] - 0x10000) >> 10);
            out[o++] = 0xdc00 + ((cp[i] - 0x10000) & 0x3ff);
        }
        else
        {
            if (o + 1 > room) return -1;
            out[o++] = cp[i];
        }
    }
    return o;
}

/* ======================================================================
 * labels
 * ====================================================================== */

static BOOL all_ascii(const WCHAR *s, int len)
{
    int i;
    for (i = 0; i < len; i++) if (s[i] >= 0x80) return FALSE;
    return TRUE;
}

/* STD3: letters, digits and hyphens, no hyphen first or last */
static BOOL std3_label(const WCHAR *s, int len)
{
    int i;
    for (i = 0; i < len; i++)
    {
        WCHAR c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return FALSE;
    }
    return !len || (s[0] != '-' && s[len - 1] != '-');
}

/* what IDNA maps to nothing: soft hyphen, joiners, variation selectors, BOM */
static BOOL mapped_to_nothing(WCHAR c)
{
    return c == 0x00ad || c == 0x034f || c == 0x1806 || (c >= 0x180b && c <= 0x180d) || c == 0x200b ||
           c == 0x2060 || (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff;
}

/* what no label may hold once mapped: controls, spaces, the private use
 * area, non-characters and the structural characters IDNA prohibits */
static BOOL prohibited(WCHAR c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) return TRUE;
    if (c == 0x20 || c == 0x00a0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
        c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000) return TRUE;
    if ((c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x206a && c <= 0x206f)) return TRUE;
    if (c >= 0xe000 && c <= 0xf8ff) return TRUE;
    if (c == 0xfffe || c == 0xffff || (c >= 0xfff9 && c <= 0xfffd)) return TRUE;
    if (c >= 0x2ff0 && c <= 0x2ffb) return TRUE;
    return FALSE;
}

/* IDNA's mapping of a label: lower case, NFKC; the length, -1 if invalid */
static int nameprep(const WCHAR *src, int len, WCHAR *out)
{
    WCHAR lower[MAX_WORK];
    int i, n = 0, m;

    if (len > MAX_NAME) return -1;
    for (i = 0; i < len; i++)
        if (!mapped_to_nothing(src[i])) lower[n++] = RtlDowncaseUnicodeChar(src[i]);
    if ((m = k32_nfkc(lower, n, out)) < 0) return -1;
    /* NFKC may bring back capitals (the Kelvin sign): lower case again */
    for (i = 0; i < m; i++)
    {
        out[i] = RtlDowncaseUnicodeChar(out[i]);
        if (prohibited(out[i])) return -1;
    }
    return m;
}

/* one label to ASCII, appended to out at *pos */
static BOOL label_to_ascii(DWORD flags, const WCHAR *label, int len, WCHAR *out, int *pos)
{
    WCHAR mapped[MAX_WORK];
    unsigned int cp[MAX_WORK];
    int n, ncp, written;

    if (all_ascii(label, len) && !(flags & IDN_RAW_PUNYCODE && !all_ascii(label, len)))
    {
        if ((flags & IDN_USE_STD3_ASCII_RULES) && !std3_label(label, len)) return FALSE;
        if (len > MAX_LABEL) return FALSE;
        for (n = 0; n < len; n++) if (label[n] < 0x20 || label[n] == 0x7f) return FALSE;
        memcpy(out + *pos, label, len * sizeof(WCHAR));
        *pos += len;
        return TRUE;
    }
    if (flags & IDN_RAW_PUNYCODE)
    {
        memcpy(mapped, label, len * sizeof(WCHAR));
        n = len;
    }
    else if ((n = nameprep(label, len, mapped)) < 0) return FALSE;
    if (!n) return FALSE;
    if (all_ascii(mapped, n))
    {
        if ((flags & IDN_USE_STD3_ASCII_RULES) && !std3_label(mapped, n)) return FALSE;
        if (n > MAX_LABEL) return FALSE;
        memcpy(out + *pos, mapped, n * sizeof(WCHAR));
        *pos += n;
        return TRUE;
    }
    /* a label already in ACE form cannot be encoded again */
    if (n >= 4 && !_wcsnicmp(mapped, L"xn--", 4)) return FALSE;
    if ((ncp = to_code_points(mapped, n, cp)) < 0) return FALSE;
    memcpy(out + *pos, L"xn--", 4 * sizeof(WCHAR));
    if ((written = punycode_encode(cp, ncp, out + *pos + 4, MAX_LABEL - 4 + 1)) < 0) return FALSE;
    if (written + 4 > MAX_LABEL) return FALSE;
    *pos += written + 4;
    return TRUE;
}

/* one label to Unicode: an "xn--" label decoded and checked by encoding it
 * back; another as it is */
static BOOL label_to_unicode(DWORD flags, const WCHAR *label, int len, WCHAR *out, int *pos)
{
    unsigned int cp[MAX_LABEL + 1];
    WCHAR check[MAX_LABEL + 16];
    int n, m, again = 0;

    if (!all_ascii(label, len) || len > MAX_LABEL) return FALSE;
    if ((flags & IDN_USE_STD3_ASCII_RULES) && !std3_label(label, len)) return FALSE;
    if (len < 4 || _wcsnicmp(label, L"xn--", 4))
    {
        memcpy(out + *pos, label, len * sizeof(WCHAR));
        *pos += len;
        return TRUE;
    }
    if ((n = punycode_decode(label + 4, len - 4, cp, MAX_LABEL)) < 0) return FALSE;
    if ((m = from_code_points(cp, n, out + *pos, MAX_NAME)) < 0) return FALSE;
    if (!(flags & IDN_RAW_PUNYCODE))
    {
        if (!label_to_ascii(flags, out + *pos, m, check, &again)) return FALSE;
        if (again != len || _wcsnicmp(check, label, len)) return FALSE;
    }
    *pos += m;
    return TRUE;
}

/* ======================================================================
 * the API
 * ====================================================================== */

typedef BOOL (*label_fn)(DWORD, const WCHAR *, int, WCHAR *, int *);

/* converts a name label by label into work; its length, -1 if invalid */
static int convert_name(DWORD flags, const WCHAR *src, int len, label_fn convert, WCHAR *work)
{
    int start = 0, i, pos = 0;

    if (!len) return -1;
    for (i = 0; i <= len; i++)
    {
        if (i < len && !is_dot(src[i])) continue;
        if (i == start)
        {
            /* an empty label: only after the last dot */
            if (i != len || !i) return -1;
            break;
        }
        if (!convert(flags, src + start, i - start, work, &pos)) return -1;
        if (i < len) work[pos++] = '.';
        if (pos > MAX_NAME) return -1;
        start = i + 1;
    }
    return pos;
}

/* the result, with a terminator when the input had one (srclen -1) */
static int give(const WCHAR *work, int n, BOOL terminated, WCHAR *dst, int dstlen)
{
    int total = n + (terminated ? 1 : 0);

    if (!dstlen) return total;
    if (dstlen < total) return fail(ERROR_INSUFFICIENT_BUFFER);
    memcpy(dst, work, n * sizeof(WCHAR));
    if (terminated) dst[n] = 0;
    return total;
}

static int idn_convert(DWORD flags, const WCHAR *src, int srclen, WCHAR *dst, int dstlen, label_fn convert)
{
    WCHAR work[MAX_WORK];
    const WCHAR *at = NULL;
    BOOL terminated = srclen == -1;
    int n, local = 0, i;

    if (flags & ~IDN_FLAGS) return fail(ERROR_INVALID_FLAGS);
    if (!src || srclen < -1 || !srclen || dstlen < 0 || (dstlen && !dst)) return fail(ERROR_INVALID_PARAMETER);
    if (terminated) srclen = wcslen(src);
    if (srclen > MAX_WORK / 18) return fail(ERROR_INVALID_NAME);
    /* an e-mail address: the local part stays as it is (when ASCII) */
    if (flags & IDN_EMAIL_ADDRESS)
    {
        for (i = 0; i < srclen; i++) if (src[i] == '@') at = src + i;
        if (at)
        {
            local = at + 1 - src;
            if (!all_ascii(src, local)) return fail(ERROR_INVALID_NAME);
            memcpy(work, src, local * sizeof(WCHAR));
        }
    }
    n = convert_name(flags & ~IDN_EMAIL_ADDRESS, src + local, srclen - local, convert, work + local);
    if (n < 0) return fail(ERROR_INVALID_NAME);
    return give(work, local + n, terminated, dst, dstlen);
}

int WINAPI IdnToAscii(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    return idn_convert(flags, src, srclen, dst, dstlen, label_to_ascii);
}

int WINAPI IdnToUnicode(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    return idn_convert(flags, src, srclen, dst, dstlen, label_to_unicode);
}

/* IDNA's mapping alone, label by label */
static BOOL label_nameprep(DWORD flags, const WCHAR *label, int len, WCHAR *out, int *pos)
{
    int n;

    if ((n = nameprep(label, len, out + *pos)) <= 0) return FALSE;
    if ((flags & IDN_USE_STD3_ASCII_RULES) && all_ascii(out + *pos, n) && !std3_label(out + *pos, n)) return FALSE;
    *pos += n;
    return TRUE;
}

int WINAPI IdnToNameprepUnicode(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    if (flags & (IDN_EMAIL_ADDRESS | IDN_RAW_PUNYCODE)) return fail(ERROR_INVALID_FLAGS);
    return idn_convert(flags, src, srclen, dst, dstlen, label_nameprep);
}
