/*
 * Text <-> binary addresses: inet_addr, inet_ntoa, inet_pton/inet_ntop and
 * their wide forms InetPtonW/InetNtopW. Parsing and formatting are the
 * host's (one crossing); Windows' error conventions are kept here.
 */
#include "private.h"

static int pton(int family, const char *str, void *out)
{
    struct sock_params p;

    memset(&p, 0, sizeof(p));
    p.a = family;
    p.buf = (UINT_PTR)str;
    p.addr = (UINT_PTR)out;
    return (int)ws2_sock_call(unix_pton, &p);
}

unsigned long WINAPI inet_addr(const char *str)
{
    struct in_addr addr;

    /* dotted forms with fewer parts, octal and hex are accepted (inet_aton's
     * rules); anything else is INADDR_NONE */
    if (!str || pton(0, str, &addr) != 1) return INADDR_NONE;
    return addr.s_addr;
}

/* one buffer for the process: Windows keeps it per thread */
static char ntoa_buf[16];

char * WINAPI inet_ntoa(struct in_addr in)
{
    const BYTE *b = (const BYTE *)&in;
    char *p = ntoa_buf;
    int i, v;

    for (i = 0; i < 4; i++)
    {
        v = b[i];
        if (v >= 100) *p++ = '0' + v / 100;
        if (v >= 10) *p++ = '0' + v / 10 % 10;
        *p++ = '0' + v % 10;
        *p++ = i < 3 ? '.' : 0;
    }
    return ntoa_buf;
}

INT WINAPI inet_pton(INT family, const char *str, void *out)
{
    if (!str || !out)
    {
        SetLastError(WSAEFAULT);
        return -1;
    }
    return pton(family, str, out);
}

const char * WINAPI inet_ntop(INT family, const void *addr, char *buf, size_t len)
{
    struct sock_params p;

    memset(&p, 0, sizeof(p));
    p.a = family;
    p.addr = (UINT_PTR)addr;
    p.buf = (UINT_PTR)buf;
    p.len = len > 0x7fffffff ? 0x7fffffff : (int)len;
    return ws2_sock_call(unix_ntop, &p) < 0 ? NULL : buf;
}

INT WINAPI InetPtonW(INT family, const WCHAR *str, void *out)
{
    char buf[64];

    if (!str || !out)
    {
        SetLastError(WSAEFAULT);
        return -1;
    }
    /* too long for any address: not one */
    if (!WideCharToMultiByte(CP_UTF8, 0, str, -1, buf, sizeof(buf), NULL, NULL))
        return (family == AF_INET || family == AF_INET6) ? 0 : pton(family, "", out);
    return pton(family, buf, out);
}

const WCHAR * WINAPI InetNtopW(INT family, const void *addr, WCHAR *buf, size_t len)
{
    char str[64];
    int i;

    if (!inet_ntop(family, addr, str, sizeof(str))) return NULL;
    if (!buf || strlen(str) + 1 > len)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    for (i = 0; str[i]; i++) buf[i] = str[i];
    buf[i] = 0;
    return buf;
}
