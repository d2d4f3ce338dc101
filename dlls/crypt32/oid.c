/*
 * dlls/crypt32/oid.c — CryptFindOIDInfo and CryptEnumOIDInfo over one
 * table of the object identifiers programs ask about: hash, encryption,
 * public-key and signature algorithms (with their CryptoAPI ALG_IDs and
 * CNG algorithm names), name attributes, extensions and attributes, and
 * enhanced key usages, named as Windows names them (.NET's Oid.FriendlyName
 * is this table's pwszName).
 *
 * An OID may have several entries: its first is its name, later ones are
 * other names that also find it (NAME_KEY), or the same OID reached by
 * another ALG_ID (RSA by CALG_RSA_SIGN). Entries registered at run time
 * (CryptRegisterOIDInfo) are not kept: the table is all there is.
 *
 * Sections: the table · looking up.
 */
#include "private.h"
#include <bcrypt.h>

/* --- the table ---------------------------------------------------------------- */

/* ExtraInfo of a signature algorithm: the public key's ALG_ID, then flags;
   of an RDN attribute: the string types it takes, first preferred, 0-ended */
static const DWORD sign_rsa[] = { CALG_RSA_SIGN };
static const DWORD sign_dss[] = { CALG_DSS_SIGN, CRYPT_OID_NO_NULL_ALGORITHM_PARA_FLAG };
static const DWORD sign_ecdsa[] = { CALG_OID_INFO_PARAMETERS, CRYPT_OID_NO_NULL_ALGORITHM_PARA_FLAG };

#define EXTRA(a) { sizeof(a), (BYTE *)(a) }
#define NOEXTRA { 0, NULL }
#define ENTRY(oid, name, group, value, extra, cng, cngx) \
    { sizeof(CRYPT_OID_INFO), oid, name, group, { value }, extra, cng, cngx }
#define HASH(oid, name, algid, cng) ENTRY(oid, name, CRYPT_HASH_ALG_OID_GROUP_ID, algid, NOEXTRA, cng, L"")
#define CIPHER(oid, name, algid, cng) ENTRY(oid, name, CRYPT_ENCRYPT_ALG_OID_GROUP_ID, algid, NOEXTRA, cng, L"")
#define PUBKEY(oid, name, algid, cng) ENTRY(oid, name, CRYPT_PUBKEY_ALG_OID_GROUP_ID, algid, NOEXTRA, cng, L"")
#define SIGN(oid, name, hash, extra, cng, cngx) \
    ENTRY(oid, name, CRYPT_SIGN_ALG_OID_GROUP_ID, hash, EXTRA(extra), cng, cngx)
#define RDN(oid, name) ENTRY(oid, name, CRYPT_RDN_ATTR_OID_GROUP_ID, 0, NOEXTRA, L"", L"")
#define RDN_TYPES(oid, name, types) ENTRY(oid, name, CRYPT_RDN_ATTR_OID_GROUP_ID, 0, EXTRA(types), L"", L"")
#define EXT(oid, name) ENTRY(oid, name, CRYPT_EXT_OR_ATTR_OID_GROUP_ID, 0, NOEXTRA, L"", L"")
#define EKU(oid, name) ENTRY(oid, name, CRYPT_ENHKEY_USAGE_OID_GROUP_ID, 0, NOEXTRA, L"", L"")
#define POLICY(oid, name) ENTRY(oid, name, CRYPT_POLICY_OID_GROUP_ID, 0, NOEXTRA, L"", L"")

/* string types of name attributes that take only some (first preferred);
   the others take a printable string or, when it does not fit, Unicode */
static const DWORD rdn_printable[] = { CERT_RDN_PRINTABLE_STRING, 0 };
static const DWORD rdn_numeric[] = { CERT_RDN_NUMERIC_STRING, 0 };
static const DWORD rdn_ia5[] = { CERT_RDN_IA5_STRING, 0 };
static const DWORD rdn_ia5_utf8[] = { CERT_RDN_IA5_STRING, CERT_RDN_UTF8_STRING, 0 };

static const CRYPT_OID_INFO oid_table[] = {
    /* hashes */
    HASH(szOID_OIWSEC_sha1, L"sha1", CALG_SHA1, BCRYPT_SHA1_ALGORITHM),
    HASH(szOID_RSA_MD5, L"md5", CALG_MD5, BCRYPT_MD5_ALGORITHM),
    HASH(szOID_RSA_MD4, L"md4", CALG_MD4, BCRYPT_MD4_ALGORITHM),
    HASH(szOID_RSA_MD2, L"md2", CALG_MD2, BCRYPT_MD2_ALGORITHM),
    HASH(szOID_NIST_sha256, L"sha256", CALG_SHA_256, BCRYPT_SHA256_ALGORITHM),
    HASH(szOID_NIST_sha384, L"sha384", CALG_SHA_384, BCRYPT_SHA384_ALGORITHM),
    HASH(szOID_NIST_sha512, L"sha512", CALG_SHA_512, BCRYPT_SHA512_ALGORITHM),
    HASH(szOID_OIWSEC_sha1, L"sha", CALG_SHA1, BCRYPT_SHA1_ALGORITHM),
    HASH(szOID_OIWSEC_sha1, L"sha-1", CALG_SHA1, BCRYPT_SHA1_ALGORITHM),
    HASH(szOID_OIWSEC_sha, L"sha", CALG_SHA, BCRYPT_SHA1_ALGORITHM),

    /* symmetric ciphers */
    CIPHER(szOID_RSA_RC2CBC, L"rc2", CALG_RC2, BCRYPT_RC2_ALGORITHM),
    CIPHER(szOID_RSA_RC4, L"rc4", CALG_RC4, BCRYPT_RC4_ALGORITHM),
    CIPHER(szOID_OIWSEC_desCBC, L"des", CALG_DES, BCRYPT_DES_ALGORITHM),
    CIPHER(szOID_RSA_DES_EDE3_CBC, L"3des", CALG_3DES, BCRYPT_3DES_ALGORITHM),
    CIPHER(szOID_NIST_AES128_CBC, L"aes128", CALG_AES_128, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_NIST_AES192_CBC, L"aes192", CALG_AES_192, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_NIST_AES256_CBC, L"aes256", CALG_AES_256, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_NIST_AES128_WRAP, L"aes128wrap", CALG_OID_INFO_CNG_ONLY, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_NIST_AES192_WRAP, L"aes192wrap", CALG_OID_INFO_CNG_ONLY, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_NIST_AES256_WRAP, L"aes256wrap", CALG_OID_INFO_CNG_ONLY, BCRYPT_AES_ALGORITHM),
    CIPHER(szOID_RSA_SMIMEalgCMS3DESwrap, L"CMS3DESwrap", CALG_3DES, BCRYPT_3DES_ALGORITHM),
    CIPHER(szOID_RSA_SMIMEalgCMSRC2wrap, L"CMSRC2wrap", CALG_RC2, BCRYPT_RC2_ALGORITHM),

    /* public keys */
    PUBKEY(szOID_RSA_RSA, L"RSA", CALG_RSA_KEYX, BCRYPT_RSA_ALGORITHM),
    PUBKEY(szOID_X957_DSA, L"DSA", CALG_DSS_SIGN, BCRYPT_DSA_ALGORITHM),
    PUBKEY(szOID_ANSI_X942_DH, L"DH", CALG_DH_SF, BCRYPT_DH_ALGORITHM),
    PUBKEY(szOID_RSA_RSA, L"RSA", CALG_RSA_SIGN, BCRYPT_RSA_ALGORITHM),
    PUBKEY(szOID_OIWSEC_rsaXchg, L"RSA_KEYX", CALG_RSA_KEYX, BCRYPT_RSA_ALGORITHM),
    PUBKEY(szOID_OIWSEC_dsa, L"DSA", CALG_DSS_SIGN, BCRYPT_DSA_ALGORITHM),
    PUBKEY(szOID_RSA_DH, L"DH", CALG_DH_SF, BCRYPT_DH_ALGORITHM),
    PUBKEY(szOID_RSAES_OAEP, L"RSAES_OAEP", CALG_RSA_KEYX, CRYPT_OID_INFO_OAEP_PARAMETERS_ALGORITHM),
    PUBKEY(szOID_ECC_PUBLIC_KEY, L"ECC", CALG_OID_INFO_PARAMETERS, CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P256, L"nistP256", 0, L"nistP256"),
    PUBKEY(szOID_ECC_CURVE_P384, L"nistP384", 0, L"nistP384"),
    PUBKEY(szOID_ECC_CURVE_P521, L"nistP521", 0, L"nistP521"),
    PUBKEY(szOID_ECC_CURVE_P256, L"ECDSA_P256", 0, BCRYPT_ECDSA_P256_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P384, L"ECDSA_P384", 0, BCRYPT_ECDSA_P384_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P521, L"ECDSA_P521", 0, BCRYPT_ECDSA_P521_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P256, L"ECDH_P256", 0, BCRYPT_ECDH_P256_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P384, L"ECDH_P384", 0, BCRYPT_ECDH_P384_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P521, L"ECDH_P521", 0, BCRYPT_ECDH_P521_ALGORITHM),
    PUBKEY(szOID_ECC_CURVE_P256, L"secP256r1", 0, L"secP256r1"),
    PUBKEY(szOID_ECC_CURVE_P384, L"secP384r1", 0, L"secP384r1"),
    PUBKEY(szOID_ECC_CURVE_P521, L"secP521r1", 0, L"secP521r1"),
    PUBKEY(szOID_ECC_CURVE_P256, L"x962P256v1", 0, L"x962P256v1"),

    /* signatures: ALG_ID of the hash; CNG names of the hash and the key */
    SIGN(szOID_RSA_SHA1RSA, L"sha1RSA", CALG_SHA1, sign_rsa, BCRYPT_SHA1_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_SHA256RSA, L"sha256RSA", CALG_SHA_256, sign_rsa, BCRYPT_SHA256_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_SHA384RSA, L"sha384RSA", CALG_SHA_384, sign_rsa, BCRYPT_SHA384_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_SHA512RSA, L"sha512RSA", CALG_SHA_512, sign_rsa, BCRYPT_SHA512_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_MD5RSA, L"md5RSA", CALG_MD5, sign_rsa, BCRYPT_MD5_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_MD4RSA, L"md4RSA", CALG_MD4, sign_rsa, BCRYPT_MD4_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_RSA_MD2RSA, L"md2RSA", CALG_MD2, sign_rsa, BCRYPT_MD2_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWSEC_sha1RSASign, L"sha1RSA", CALG_SHA1, sign_rsa, BCRYPT_SHA1_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWSEC_shaRSA, L"shaRSA", CALG_SHA1, sign_rsa, BCRYPT_SHA1_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWSEC_md5RSA, L"md5RSA", CALG_MD5, sign_rsa, BCRYPT_MD5_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWSEC_md4RSA, L"md4RSA", CALG_MD4, sign_rsa, BCRYPT_MD4_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWSEC_md4RSA2, L"md4RSA", CALG_MD4, sign_rsa, BCRYPT_MD4_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_OIWDIR_md2RSA, L"md2RSA", CALG_MD2, sign_rsa, BCRYPT_MD2_ALGORITHM, BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_X957_SHA1DSA, L"sha1DSA", CALG_SHA1, sign_dss, BCRYPT_SHA1_ALGORITHM, BCRYPT_DSA_ALGORITHM),
    SIGN(szOID_OIWSEC_shaDSA, L"sha1DSA", CALG_SHA1, sign_dss, BCRYPT_SHA1_ALGORITHM, BCRYPT_DSA_ALGORITHM),
    SIGN(szOID_OIWSEC_dsaSHA1, L"dsaSHA1", CALG_SHA1, sign_dss, BCRYPT_SHA1_ALGORITHM, BCRYPT_DSA_ALGORITHM),
    SIGN(szOID_ECDSA_SHA1, L"sha1ECDSA", CALG_OID_INFO_CNG_ONLY, sign_ecdsa, BCRYPT_SHA1_ALGORITHM, CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    SIGN(szOID_ECDSA_SHA256, L"sha256ECDSA", CALG_OID_INFO_CNG_ONLY, sign_ecdsa, BCRYPT_SHA256_ALGORITHM,
         CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    SIGN(szOID_ECDSA_SHA384, L"sha384ECDSA", CALG_OID_INFO_CNG_ONLY, sign_ecdsa, BCRYPT_SHA384_ALGORITHM,
         CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    SIGN(szOID_ECDSA_SHA512, L"sha512ECDSA", CALG_OID_INFO_CNG_ONLY, sign_ecdsa, BCRYPT_SHA512_ALGORITHM,
         CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    SIGN(szOID_ECDSA_SPECIFIED, L"specifiedECDSA", CALG_OID_INFO_CNG_ONLY, sign_ecdsa,
         CRYPT_OID_INFO_HASH_PARAMETERS_ALGORITHM, CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM),
    SIGN(szOID_RSA_SSA_PSS, L"RSASSA-PSS", CALG_OID_INFO_PARAMETERS, sign_rsa, CRYPT_OID_INFO_HASH_PARAMETERS_ALGORITHM,
         BCRYPT_RSA_ALGORITHM),
    SIGN(szOID_PKIX_NO_SIGNATURE, L"NO_SIGN", CALG_NO_SIGN, sign_rsa, CRYPT_OID_INFO_NO_SIGN_ALGORITHM, L""),

    /* name attributes */
    RDN(szOID_COMMON_NAME, L"CN"),
    RDN(szOID_LOCALITY_NAME, L"L"),
    RDN(szOID_ORGANIZATION_NAME, L"O"),
    RDN(szOID_ORGANIZATIONAL_UNIT_NAME, L"OU"),
    RDN_TYPES(szOID_RSA_emailAddr, L"E", rdn_ia5),
    RDN_TYPES(szOID_RSA_emailAddr, L"Email", rdn_ia5),
    RDN_TYPES(szOID_COUNTRY_NAME, L"C", rdn_printable),
    RDN(szOID_STATE_OR_PROVINCE_NAME, L"S"),
    RDN(szOID_STATE_OR_PROVINCE_NAME, L"ST"),
    RDN(szOID_STREET_ADDRESS, L"STREET"),
    RDN(szOID_TITLE, L"T"),
    RDN(szOID_TITLE, L"Title"),
    RDN(szOID_GIVEN_NAME, L"G"),
    RDN(szOID_GIVEN_NAME, L"GN"),
    RDN(szOID_GIVEN_NAME, L"GivenName"),
    RDN(szOID_INITIALS, L"I"),
    RDN(szOID_INITIALS, L"Initials"),
    RDN(szOID_SUR_NAME, L"SN"),
    RDN_TYPES(szOID_DOMAIN_COMPONENT, L"DC", rdn_ia5_utf8),
    RDN_TYPES(szOID_DEVICE_SERIAL_NUMBER, L"SERIALNUMBER", rdn_printable),
    RDN(szOID_DESCRIPTION, L"Description"),
    RDN(szOID_POSTAL_CODE, L"PostalCode"),
    RDN(szOID_POST_OFFICE_BOX, L"POBox"),
    RDN_TYPES(szOID_TELEPHONE_NUMBER, L"Phone", rdn_printable),
    RDN_TYPES(szOID_X21_ADDRESS, L"X21Address", rdn_numeric),
    RDN_TYPES(szOID_DN_QUALIFIER, L"dnQualifier", rdn_printable),
    RDN_TYPES(szOID_RSA_unstructName, L"UnstructuredName", rdn_ia5),
    RDN_TYPES(szOID_RSA_unstructAddr, L"UnstructuredAddress", rdn_printable),

    /* extensions and attributes */
    EXT(szOID_AUTHORITY_KEY_IDENTIFIER2, L"Authority Key Identifier"),
    EXT(szOID_AUTHORITY_KEY_IDENTIFIER, L"Authority Key Identifier"),
    EXT(szOID_KEY_ATTRIBUTES, L"Key Attributes"),
    EXT(szOID_KEY_USAGE_RESTRICTION, L"Key Usage Restriction"),
    EXT(szOID_SUBJECT_ALT_NAME2, L"Subject Alternative Name"),
    EXT(szOID_SUBJECT_ALT_NAME, L"Subject Alternative Name"),
    EXT(szOID_ISSUER_ALT_NAME2, L"Issuer Alternative Name"),
    EXT(szOID_ISSUER_ALT_NAME, L"Issuer Alternative Name"),
    EXT(szOID_BASIC_CONSTRAINTS2, L"Basic Constraints"),
    EXT(szOID_BASIC_CONSTRAINTS, L"Basic Constraints"),
    EXT(szOID_KEY_USAGE, L"Key Usage"),
    EXT(szOID_CERT_POLICIES, L"Certificate Policies"),
    EXT(szOID_CERT_POLICIES_95, L"Certificate Policies"),
    EXT(szOID_SUBJECT_KEY_IDENTIFIER, L"Subject Key Identifier"),
    EXT(szOID_CRL_REASON_CODE, L"CRL Reason Code"),
    EXT(szOID_CRL_DIST_POINTS, L"CRL Distribution Points"),
    EXT(szOID_ENHANCED_KEY_USAGE, L"Enhanced Key Usage"),
    EXT(szOID_AUTHORITY_INFO_ACCESS, L"Authority Information Access"),
    EXT(szOID_CERT_EXTENSIONS, L"Certificate Extensions"),
    EXT(szOID_NEXT_UPDATE_LOCATION, L"Next Update Location"),
    EXT(szOID_YESNO_TRUST_ATTR, L"Yes or No Trust"),
    EXT(szOID_RSA_emailAddr, L"Email Address"),
    EXT(szOID_RSA_unstructName, L"Unstructured Name"),
    EXT(szOID_RSA_contentType, L"Content Type"),
    EXT(szOID_RSA_messageDigest, L"Message Digest"),
    EXT(szOID_RSA_signingTime, L"Signing Time"),
    EXT(szOID_RSA_counterSign, L"Counter Sign"),
    EXT(szOID_RSA_challengePwd, L"Challenge Password"),
    EXT(szOID_RSA_unstructAddr, L"Unstructured Address"),
    EXT(szOID_RSA_SMIMECapabilities, L"SMIME Capabilities"),
    EXT(szOID_RSA_preferSignedData, L"Prefer Signed Data"),
    EXT(szOID_PKIX_POLICY_QUALIFIER_CPS, L"CPS"),
    EXT(szOID_PKIX_POLICY_QUALIFIER_USERNOTICE, L"User Notice"),
    EXT(szOID_PKIX_OCSP, L"On-line Certificate Status Protocol"),
    EXT(szOID_PKIX_CA_ISSUERS, L"Certification Authority Issuer"),
    EXT(szOID_ENROLL_CERTTYPE_EXTENSION, L"Certificate Template Name"),
    EXT(szOID_CERT_MANIFOLD, L"Certificate Manifold"),
    EXT(szOID_NETSCAPE_CERT_TYPE, L"Netscape Cert Type"),
    EXT(szOID_NETSCAPE_BASE_URL, L"Netscape Base URL"),
    EXT(szOID_NETSCAPE_REVOCATION_URL, L"Netscape Revocation URL"),
    EXT(szOID_NETSCAPE_CA_REVOCATION_URL, L"Netscape CA Revocation URL"),
    EXT(szOID_NETSCAPE_CERT_RENEWAL_URL, L"Netscape Cert Renewal URL"),
    EXT(szOID_NETSCAPE_CA_POLICY_URL, L"Netscape CA Policy URL"),
    EXT(szOID_NETSCAPE_SSL_SERVER_NAME, L"Netscape SSL ServerName"),
    EXT(szOID_NETSCAPE_COMMENT, L"Netscape Comment"),
    EXT(szOID_CERTSRV_CA_VERSION, L"CA Version"),
    EXT(szOID_CRL_NUMBER, L"CRL Number"),
    EXT(szOID_DELTA_CRL_INDICATOR, L"Delta CRL Indicator"),
    EXT(szOID_ISSUING_DIST_POINT, L"Issuing Distribution Point"),
    EXT(szOID_FRESHEST_CRL, L"Freshest CRL"),
    EXT(szOID_NAME_CONSTRAINTS, L"Name Constraints"),
    EXT(szOID_POLICY_MAPPINGS, L"Policy Mappings"),
    EXT(szOID_POLICY_CONSTRAINTS, L"Policy Constraints"),
    EXT(szOID_CROSS_CERT_DIST_POINTS, L"Cross-Certificate Distribution Points"),
    EXT(szOID_APPLICATION_CERT_POLICIES, L"Application Policies"),
    EXT(szOID_APPLICATION_POLICY_MAPPINGS, L"Application Policy Mappings"),
    EXT(szOID_APPLICATION_POLICY_CONSTRAINTS, L"Application Policy Constraints"),
    EXT(szOID_CERTIFICATE_TEMPLATE, L"Certificate Template Information"),
    EXT(szOID_CERTSRV_PREVIOUS_CERT_HASH, L"Previous CA Certificate Hash"),
    EXT(szOID_SUBJECT_DIR_ATTRS, L"Subject Directory Attributes"),
    EXT(szOID_SUBJECT_INFO_ACCESS, L"Subject Information Access"),

    /* enhanced key usages */
    EKU(szOID_PKIX_KP_SERVER_AUTH, L"Server Authentication"),
    EKU(szOID_PKIX_KP_CLIENT_AUTH, L"Client Authentication"),
    EKU(szOID_PKIX_KP_CODE_SIGNING, L"Code Signing"),
    EKU(szOID_PKIX_KP_EMAIL_PROTECTION, L"Secure Email"),
    EKU(szOID_PKIX_KP_IPSEC_END_SYSTEM, L"IP security end system"),
    EKU(szOID_PKIX_KP_IPSEC_TUNNEL, L"IP security tunnel termination"),
    EKU(szOID_PKIX_KP_IPSEC_USER, L"IP security user"),
    EKU(szOID_PKIX_KP_TIMESTAMP_SIGNING, L"Time Stamping"),
    EKU(szOID_PKIX_KP_OCSP_SIGNING, L"OCSP Signing"),
    EKU(szOID_IPSEC_KP_IKE_INTERMEDIATE, L"IP security IKE intermediate"),
    EKU(szOID_ANY_ENHANCED_KEY_USAGE, L"Any Purpose"),
    EKU(szOID_KP_CTL_USAGE_SIGNING, L"Microsoft Trust List Signing"),
    EKU(szOID_KP_TIME_STAMP_SIGNING, L"Microsoft Time Stamping"),
    EKU(szOID_SERVER_GATED_CRYPTO, L"Microsoft Server Gated Crypto"),
    EKU(szOID_SGC_NETSCAPE, L"Netscape Server Gated Crypto"),
    EKU(szOID_KP_EFS, L"Encrypting File System"),
    EKU(szOID_EFS_RECOVERY, L"File Recovery"),
    EKU(szOID_WHQL_CRYPTO, L"Windows Hardware Driver Verification"),
    EKU(szOID_NT5_CRYPTO, L"Windows System Component Verification"),
    EKU(szOID_OEM_WHQL_CRYPTO, L"OEM Windows System Component Verification"),
    EKU(szOID_EMBEDDED_NT_CRYPTO, L"Embedded Windows System Component Verification"),
    EKU(szOID_ROOT_LIST_SIGNER, L"Root List Signer"),
    EKU(szOID_KP_QUALIFIED_SUBORDINATION, L"Qualified Subordination"),
    EKU(szOID_KP_KEY_RECOVERY, L"Key Recovery"),
    EKU(szOID_KP_DOCUMENT_SIGNING, L"Document Signing"),
    EKU(szOID_KP_LIFETIME_SIGNING, L"Lifetime Signing"),
    EKU(szOID_DRM, L"Digital Rights"),
    EKU(szOID_LICENSES, L"Key Pack Licenses"),
    EKU(szOID_LICENSE_SERVER, L"License Server Verification"),
    EKU(szOID_ENROLLMENT_AGENT, L"Certificate Request Agent"),
    EKU(szOID_KP_SMARTCARD_LOGON, L"Smart Card Logon"),
    EKU(szOID_KP_CA_EXCHANGE, L"Private Key Archival"),
    EKU(szOID_KP_KEY_RECOVERY_AGENT, L"Key Recovery Agent"),
    EKU(szOID_DS_EMAIL_REPLICATION, L"Directory Service Email Replication"),

    /* policies */
    POLICY(szOID_ANY_CERT_POLICY, L"All issuance policies"),
    POLICY(szOID_ANY_APPLICATION_POLICY, L"All application policies"),
};

/* --- looking up --------------------------------------------------------------- */

static BOOL matches(const CRYPT_OID_INFO *info, DWORD key_type, const void *key)
{
    const ALG_ID *algs = key;
    const DWORD *extra = (const DWORD *)info->ExtraInfo.pbData;

    switch (key_type)
    {
    case CRYPT_OID_INFO_OID_KEY: return !strcmp(info->pszOID, key);
    case CRYPT_OID_INFO_NAME_KEY: return !lstrcmpiW(info->pwszName, key);
    case CRYPT_OID_INFO_ALGID_KEY: return info->Algid == *algs;
    case CRYPT_OID_INFO_SIGN_KEY:
        return info->Algid == algs[0] && info->ExtraInfo.cbData >= sizeof(DWORD) && extra[0] == algs[1];
    case CRYPT_OID_INFO_CNG_ALGID_KEY: return info->pwszCNGAlgid && !lstrcmpW(info->pwszCNGAlgid, key);
    case CRYPT_OID_INFO_CNG_SIGN_KEY:
    {
        const WCHAR *const *names = key;
        return info->pwszCNGAlgid && info->pwszCNGExtraAlgid && !lstrcmpW(info->pwszCNGAlgid, names[0]) &&
               !lstrcmpW(info->pwszCNGExtraAlgid, names[1]);
    }
    default: return FALSE;
    }
}

/* the group's bits: CRYPT_OID_DISABLE_SEARCH_DS_FLAG and the rest of
   the high flags are about directory searches and key lengths, which
   this table does not have */
PCCRYPT_OID_INFO WINAPI CryptFindOIDInfo(DWORD key_type, void *key, DWORD group)
{
    DWORD i;

    group &= ~(CRYPT_OID_DISABLE_SEARCH_DS_FLAG | CRYPT_OID_PREFER_CNG_ALGID_FLAG | CRYPT_OID_INFO_OID_GROUP_BIT_LEN_MASK);
    key_type &= ~CRYPT_OID_INFO_OID_KEY_FLAGS_MASK;
    if (!key) return NULL;
    for (i = 0; i < ARRAY_SIZE(oid_table); i++)
    {
        if (group && oid_table[i].dwGroupId != group) continue;
        if (matches(&oid_table[i], key_type, key)) return &oid_table[i];
    }
    return NULL;
}

BOOL WINAPI CryptEnumOIDInfo(DWORD group, DWORD flags, void *arg, PFN_CRYPT_ENUM_OID_INFO callback)
{
    DWORD i;

    (void)flags;
    if (!callback) { SetLastError(E_INVALIDARG); return FALSE; }
    for (i = 0; i < ARRAY_SIZE(oid_table); i++)
    {
        if (group && oid_table[i].dwGroupId != group) continue;
        if (!callback(&oid_table[i], arg)) return FALSE;
    }
    return TRUE;
}
