/*
 * Socket addresses as text: WSAAddressToStringA/W ("a.b.c.d:port",
 * "[v6%scope]:port") and WSAStringToAddressA/W, which read the forms
 * Windows' RtlIpv4StringToAddressEx (not strict) and
 * RtlIpv6StringToAddressEx read:
 *   IPv4: one to four parts, each decimal, octal (leading 0) or hex (0x),
 *         the last filling what is left of the 32 bits; ":port" in the same
 *         number forms, 1 to 65535;
 *   IPv6: groups with one "::", an IPv4 tail, "%scope", and with
 *         brackets ":port".
 * What fails is WSAEINVAL; an address buffer too small is WSAEFAULT with
 * the size it needs (tests/ws2_32/addrstr.c).
 */
#include "private.h"

/* --- parsing ------------------------------------------------------------- */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* one number of an IPv4 address or port: decimal, 0 octal, 0x hex; the
 * value keeps its low 32 bits, as Windows' does ("0x123456789" is 0x23456789) */
static BOOL parse_number(const char **str, ULONG *out)
{
    const char *p = *str;
    ULONG v = 0;
    int base = 10, d, digits = 0;

    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
    else if (p[0] == '0') base = 8;
    for (;; p++, digits++)
    {
        d = hex_digit(*p);
        if (d < 0 || (base == 10 && d > 9)) break;
        if (base == 8 && d > 7) return FALSE;   /* "08": neither octal nor anything else */
        v = v * base + d;
    }
    if (!digits) return FALSE;
    if (hex_digit(*p) >= 0 || (*p >= 'g' && *p <= 'z') || (*p >= 'G' && *p <= 'Z')) return FALSE;
    *str = p;
    *out = v;
    return TRUE;
}

/* ":port" (or nothing) to the end of the string; the port in network order */
static BOOL parse_port(const char *p, USHORT *port)
{
    ULONG v;

    *port = 0;
    if (!*p) return TRUE;
    if (*p++ != ':' || !parse_number(&p, &v) || *p || !v || v > 0xffff) return FALSE;
    *port = htons((USHORT)v);
    return TRUE;
}

static BOOL parse_ipv4(const char *p, SOCKADDR_IN *out)
{
    static const ULONG last_max[] = { 0xffffffff, 0xffffff, 0xffff, 0xff };
    ULONG parts[4], addr = 0;
    int n = 0, i;

    for (;;)
    {
        if (n == 4 || !parse_number(&p, &parts[n])) return FALSE;
        n++;
        if (*p != '.') break;
        p++;
    }
    for (i = 0; i < n - 1; i++)
    {
        if (parts[i] > 0xff) return FALSE;
        addr |= parts[i] << (24 - 8 * i);
    }
    if (parts[n - 1] > last_max[n - 1]) return FALSE;
    addr |= parts[n - 1];
    if (!parse_port(p, &out->sin_port)) return FALSE;
    out->sin_family = AF_INET;
    out->sin_addr.s_addr = htonl(addr);
    return TRUE;
}

/* a strict dotted-decimal IPv4 tail of an IPv6 address into bytes[4] */
static BOOL parse_ipv4_tail(const char **str, BYTE *bytes)
{
    const char *p = *str;
    int i, v, digits;

    for (i = 0; i < 4; i++)
    {
        if (i && *p++ != '.') return FALSE;
        for (v = 0, digits = 0; *p >= '0' && *p <= '9' && digits < 4; p++, digits++) v = v * 10 + *p - '0';
        if (!digits || v > 255) return FALSE;
        bytes[i] = v;
    }
    *str = p;
    return TRUE;
}

/* the groups of an IPv6 address up to what ends it ('%', ']' or the end) */
static BOOL parse_ipv6_addr(const char **str, IN6_ADDR *addr)
{
    const char *p = *str, *group;
    USHORT words[8];
    int n = 0, gap = -1, d, v, digits;

    if (p[0] == ':')
    {
        if (p[1] != ':') return FALSE;
        gap = 0;
        p += 2;
    }
    while (*p && *p != '%' && *p != ']')
    {
        group = p;
        for (v = 0, digits = 0; (d = hex_digit(*p)) >= 0; p++, digits++) v = v * 16 + d;
        if (*p == '.')
        {
            /* an IPv4 tail: the last 32 bits */
            p = group;
            if (n > 6 || !parse_ipv4_tail(&p, (BYTE *)&words[n])) return FALSE;
            n += 2;
            break;
        }
        if (!digits || digits > 4 || n == 8) return FALSE;
        words[n++] = htons(v);
        if (*p != ':') break;
        if (p[1] == ':')
        {
            if (gap >= 0) return FALSE;
            gap = n;
            p += 2;
        }
        else if (!*++p || *p == '%' || *p == ']') return FALSE;   /* "1:2:3:" */
    }
    /* a "::" stands for two groups at least when it leads: Windows refuses
     * "::1:2:3:4:5:6:7" (but takes "1:2:3:4:5:6:7::") */
    if (gap < 0 ? n != 8 : n > (gap ? 7 : 6)) return FALSE;
    memset(addr, 0, sizeof(*addr));
    if (gap < 0) gap = n;
    memcpy(addr->s6_words, words, gap * sizeof(USHORT));
    memcpy(addr->s6_words + 8 - (n - gap), words + gap, (n - gap) * sizeof(USHORT));
    *str = p;
    return TRUE;
}

static BOOL parse_ipv6(const char *p, SOCKADDR_IN6 *out)
{
    BOOL bracket = *p == '[';
    ULONG scope = 0;

    if (bracket) p++;
    if (!parse_ipv6_addr(&p, &out->sin6_addr)) return FALSE;
    if (*p == '%')
    {
        p++;
        if (*p < '0' || *p > '9') return FALSE;
        while (*p >= '0' && *p <= '9') scope = scope * 10 + *p++ - '0';
    }
    if (bracket)
    {
        if (*p++ != ']' || !parse_port(p, &out->sin6_port)) return FALSE;
    }
    else if (*p) return FALSE;
    out->sin6_family = AF_INET6;
    out->sin6_scope_id = scope;
    return TRUE;
}

INT WINAPI WSAStringToAddressA(char *str, INT family, WSAPROTOCOL_INFOA *info, SOCKADDR *addr, INT *len)
{
    int need = family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
    BOOL ok;

    (void)info;
    if (!str || !addr || !len || (family != AF_INET && family != AF_INET6))
    {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (*len < need)
    {
        *len = need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memset(addr, 0, need);
    ok = family == AF_INET ? parse_ipv4(str, (SOCKADDR_IN *)addr) : parse_ipv6(str, (SOCKADDR_IN6 *)addr);
    if (!ok)
    {
        memset(addr, 0, need);
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    *len = need;
    return 0;
}

INT WINAPI WSAStringToAddressW(WCHAR *str, INT family, WSAPROTOCOL_INFOW *info, SOCKADDR *addr, INT *len)
{
    char buf[128];
    int i;

    (void)info;
    if (!str) return WSAStringToAddressA(NULL, family, NULL, addr, len);
    /* no address is longer; anything not ASCII is no address */
    for (i = 0; str[i] && i < (int)sizeof(buf) - 1; i++) buf[i] = str[i] < 0x80 ? (char)str[i] : '?';
    buf[i] = 0;
    if (str[i]) strcpy(buf, "?");
    return WSAStringToAddressA(buf, family, NULL, addr, len);
}

/* --- formatting ---------------------------------------------------------- */

static void append_decimal(char *out, ULONG v)
{
    char digits[12];
    int n = 0;

    out += strlen(out);
    do digits[n++] = '0' + v % 10; while (v /= 10);
    while (n) *out++ = digits[--n];
    *out = 0;
}

/* the text of addr into buf[64]; a Winsock error */
static int address_text(const SOCKADDR *addr, DWORD addr_len, char buf[64])
{
    if (!addr || addr_len < sizeof(addr->sa_family)) return WSAEFAULT;
    if (addr->sa_family == AF_INET)
    {
        const SOCKADDR_IN *in = (const SOCKADDR_IN *)addr;

        if (addr_len < sizeof(*in)) return WSAEFAULT;
        if (!inet_ntop(AF_INET, &in->sin_addr, buf, 64)) return WSAEINVAL;
        if (in->sin_port)
        {
            strcat(buf, ":");
            append_decimal(buf, ntohs(in->sin_port));
        }
        return 0;
    }
    if (addr->sa_family == AF_INET6)
    {
        const SOCKADDR_IN6 *in6 = (const SOCKADDR_IN6 *)addr;
        char text[48];

        if (addr_len < sizeof(*in6)) return WSAEFAULT;
        if (!inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text))) return WSAEINVAL;
        strcpy(buf, in6->sin6_port ? "[" : "");
        strcat(buf, text);
        if (in6->sin6_scope_id)
        {
            strcat(buf, "%");
            append_decimal(buf, in6->sin6_scope_id);
        }
        if (in6->sin6_port)
        {
            strcat(buf, "]:");
            append_decimal(buf, ntohs(in6->sin6_port));
        }
        return 0;
    }
    return WSAEINVAL;
}

/* the string's length with its nul must fit *len (characters); else WSAEFAULT and the length needed */
static int check_room(const char *text, void *out, DWORD *len)
{
    DWORD need = strlen(text) + 1;

    if (!len) return WSAEFAULT;
    if (!out || *len < need)
    {
        *len = need;
        return WSAEFAULT;
    }
    *len = need;
    return 0;
}

INT WINAPI WSAAddressToStringA(SOCKADDR *addr, DWORD addr_len, WSAPROTOCOL_INFOA *info, char *out, DWORD *len)
{
    char text[64];
    int err;

    (void)info;
    if (!(err = address_text(addr, addr_len, text)) && !(err = check_room(text, out, len))) strcpy(out, text);
    if (!err) return 0;
    SetLastError(err);
    return SOCKET_ERROR;
}

INT WINAPI WSAAddressToStringW(SOCKADDR *addr, DWORD addr_len, WSAPROTOCOL_INFOW *info, WCHAR *out, DWORD *len)
{
    char text[64];
    int err, i;

    (void)info;
    if (!(err = address_text(addr, addr_len, text)) && !(err = check_room(text, out, len)))
        for (i = 0; i == 0 || text[i - 1]; i++) out[i] = (BYTE)text[i];
    if (!err) return 0;
    SetLastError(err);
    return SOCKET_ERROR;
}
