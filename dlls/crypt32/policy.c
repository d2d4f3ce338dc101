/*
 * dlls/crypt32/policy.c — CertVerifyCertificateChainPolicy: what a chain's
 * trust status means for a policy. BASE and BASIC_CONSTRAINTS map the
 * first error (in Windows' order) to its HRESULT, minus what the caller's
 * flags ignore; SSL does the same with its own ignore flags and then
 * matches the server name against the end certificate (DNS alternative
 * names, else the common names; "*." matches one leftmost label; an IPv4
 * literal matches an iPAddress entry).
 *
 * Sections: errors · server names · the API.
 */
#include "private.h"

/* SSL_EXTRA_CERT_CHAIN_POLICY_PARA's fdwChecks (wininet.h's values) */
#ifndef SECURITY_FLAG_IGNORE_REVOCATION
#define SECURITY_FLAG_IGNORE_REVOCATION        0x00000080
#define SECURITY_FLAG_IGNORE_UNKNOWN_CA        0x00000100
#define SECURITY_FLAG_IGNORE_WRONG_USAGE       0x00000200
#define SECURITY_FLAG_IGNORE_CERT_CN_INVALID   0x00001000
#define SECURITY_FLAG_IGNORE_CERT_DATE_INVALID 0x00002000
#endif

/* --- errors ------------------------------------------------------------------- */

/* trust error bits in the order policies report them, with their HRESULTs */
static const struct { DWORD bit; HRESULT error; } base_errors[] = {
    { CERT_TRUST_IS_NOT_SIGNATURE_VALID, TRUST_E_CERT_SIGNATURE },
    { CERT_TRUST_IS_UNTRUSTED_ROOT, CERT_E_UNTRUSTEDROOT },
    { CERT_TRUST_IS_PARTIAL_CHAIN, CERT_E_CHAINING },
    { CERT_TRUST_IS_REVOKED, CRYPT_E_REVOKED },
    { CERT_TRUST_IS_NOT_VALID_FOR_USAGE, CERT_E_WRONG_USAGE },
    { CERT_TRUST_IS_NOT_TIME_VALID, CERT_E_EXPIRED },
    { CERT_TRUST_INVALID_BASIC_CONSTRAINTS, TRUST_E_BASIC_CONSTRAINTS },
};

/* the error bits the base policy's flags ignore */
static DWORD base_ignored(DWORD flags)
{
    DWORD ignored = 0;
    if (flags & CERT_CHAIN_POLICY_IGNORE_NOT_TIME_VALID_FLAG) ignored |= CERT_TRUST_IS_NOT_TIME_VALID;
    if (flags & CERT_CHAIN_POLICY_ALLOW_UNKNOWN_CA_FLAG) ignored |= CERT_TRUST_IS_UNTRUSTED_ROOT;
    if (flags & CERT_CHAIN_POLICY_IGNORE_WRONG_USAGE_FLAG) ignored |= CERT_TRUST_IS_NOT_VALID_FOR_USAGE;
    if (flags & CERT_CHAIN_POLICY_IGNORE_INVALID_BASIC_CONSTRAINTS_FLAG) ignored |= CERT_TRUST_INVALID_BASIC_CONSTRAINTS;
    return ignored;
}

/* the error bits SSL_EXTRA_CERT_CHAIN_POLICY_PARA's fdwChecks ignore */
static DWORD ssl_ignored(DWORD checks)
{
    DWORD ignored = 0;
    if (checks & SECURITY_FLAG_IGNORE_UNKNOWN_CA) ignored |= CERT_TRUST_IS_UNTRUSTED_ROOT | CERT_TRUST_IS_PARTIAL_CHAIN;
    if (checks & SECURITY_FLAG_IGNORE_CERT_DATE_INVALID) ignored |= CERT_TRUST_IS_NOT_TIME_VALID;
    if (checks & SECURITY_FLAG_IGNORE_WRONG_USAGE) ignored |= CERT_TRUST_IS_NOT_VALID_FOR_USAGE;
    if (checks & SECURITY_FLAG_IGNORE_REVOCATION) ignored |= CERT_TRUST_IS_REVOKED;
    return ignored;
}

/* the first error the chain has that is not ignored, and where it is */
static void first_error(PCCERT_CHAIN_CONTEXT chain, DWORD ignored, PCERT_CHAIN_POLICY_STATUS status)
{
    DWORD errors = chain->TrustStatus.dwErrorStatus & ~ignored, i, c, el;

    for (i = 0; i < ARRAY_SIZE(base_errors); i++)
    {
        if (!(errors & base_errors[i].bit)) continue;
        status->dwError = base_errors[i].error;
        for (c = 0; c < chain->cChain; c++)
            for (el = 0; el < chain->rgpChain[c]->cElement; el++)
                if (chain->rgpChain[c]->rgpElement[el]->TrustStatus.dwErrorStatus & base_errors[i].bit)
                {
                    status->lChainIndex = c;
                    status->lElementIndex = el;
                    return;
                }
        status->lChainIndex = 0;         /* a chain-level error (partial chain): its top */
        status->lElementIndex = chain->rgpChain[0]->cElement - 1;
        return;
    }
}

/* --- server names ------------------------------------------------------------- */

/* a DNS name against a pattern, ignoring case: "*." stands for one label */
static BOOL dns_match(const WCHAR *pattern, const WCHAR *name)
{
    const WCHAR *dot;

    if (pattern[0] == '*' && pattern[1] == '.')
    {
        if (!(dot = wcschr(name, '.')) || dot == name) return FALSE;
        return !_wcsicmp(pattern + 1, dot);
    }
    return !_wcsicmp(pattern, name);
}

/* an IPv4 literal ("a.b.c.d") as 4 bytes */
static BOOL parse_ipv4(const WCHAR *s, BYTE addr[4])
{
    int i;
    for (i = 0; i < 4; i++)
    {
        DWORD v = 0, digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 4) { v = v * 10 + *s++ - '0'; digits++; }
        if (!digits || v > 255 || *s != (i < 3 ? '.' : 0)) return FALSE;
        addr[i] = v;
        s++;
    }
    return TRUE;
}

/* the end certificate names `server` */
static BOOL name_matches(PCCERT_CONTEXT cert, const WCHAR *server)
{
    const CERT_INFO *info = cert->pCertInfo;
    CERT_EXTENSION *ext = CertFindExtension(szOID_SUBJECT_ALT_NAME2, info->cExtension, info->rgExtension);
    CERT_ALT_NAME_INFO *alt = NULL;
    BYTE ip[4];
    BOOL is_ip = parse_ipv4(server, ip), has_dns = FALSE, match = FALSE;
    WCHAR cn[256];
    DWORD i;

    if (ext && !crypt32_decode(X509_ALTERNATE_NAME, ext->Value.pbData, ext->Value.cbData, (void **)&alt))
    {
        for (i = 0; i < alt->cAltEntry && !match; i++)
        {
            const CERT_ALT_NAME_ENTRY *entry = &alt->rgAltEntry[i];
            if (entry->dwAltNameChoice == CERT_ALT_NAME_DNS_NAME)
            {
                has_dns = TRUE;
                match = !is_ip && dns_match(entry->pwszDNSName, server);
            }
            else if (entry->dwAltNameChoice == CERT_ALT_NAME_IP_ADDRESS)
                match = is_ip && entry->IPAddress.cbData == 4 && !memcmp(entry->IPAddress.pbData, ip, 4);
        }
        HeapFree(GetProcessHeap(), 0, alt);
        if (match || has_dns) return match;
    }
    /* no DNS alternative name: the common name */
    if (CertGetNameStringW(cert, CERT_NAME_ATTR_TYPE, 0, (void *)szOID_COMMON_NAME, cn, ARRAY_SIZE(cn)) <= 1) return FALSE;
    return dns_match(cn, server);
}

/* --- the API ------------------------------------------------------------------ */

static void verify_ssl(PCCERT_CHAIN_CONTEXT chain, const CERT_CHAIN_POLICY_PARA *para, PCERT_CHAIN_POLICY_STATUS status)
{
    const SSL_EXTRA_CERT_CHAIN_POLICY_PARA *ssl = para ? para->pvExtraPolicyPara : NULL;
    DWORD checks = ssl ? ssl->fdwChecks : 0;

    first_error(chain, ssl_ignored(checks) | base_ignored(para ? para->dwFlags : 0), status);
    if (status->dwError) return;
    if (!ssl || !ssl->pwszServerName || !*ssl->pwszServerName || (checks & SECURITY_FLAG_IGNORE_CERT_CN_INVALID)) return;
    if (ssl->dwAuthType == AUTHTYPE_CLIENT) return;
    if (!name_matches(chain->rgpChain[0]->rgpElement[0]->pCertContext, ssl->pwszServerName))
    {
        status->dwError = CERT_E_CN_NO_MATCH;
        status->lChainIndex = 0;
        status->lElementIndex = 0;
    }
}

BOOL WINAPI CertVerifyCertificateChainPolicy(LPCSTR policy, PCCERT_CHAIN_CONTEXT chain, PCERT_CHAIN_POLICY_PARA para,
                                             PCERT_CHAIN_POLICY_STATUS status)
{
    if (!chain || !status) { SetLastError(E_INVALIDARG); return FALSE; }
    status->dwError = 0;
    status->lChainIndex = status->lElementIndex = -1;
    switch ((ULONG_PTR)policy)
    {
    case (ULONG_PTR)CERT_CHAIN_POLICY_BASE:
        first_error(chain, base_ignored(para ? para->dwFlags : 0), status);
        return TRUE;
    case (ULONG_PTR)CERT_CHAIN_POLICY_BASIC_CONSTRAINTS:     /* only the constraints count */
        first_error(chain, ~CERT_TRUST_INVALID_BASIC_CONSTRAINTS, status);
        return TRUE;
    case (ULONG_PTR)CERT_CHAIN_POLICY_SSL:
        verify_ssl(chain, para, status);
        return TRUE;
    default:
        SetLastError(CRYPT_E_NOT_FOUND);
        return FALSE;
    }
}
