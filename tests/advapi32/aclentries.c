/*
 * tests/advapi32/aclentries.c — SetEntriesInAcl (grant, deny, set, revoke,
 * trustees by SID and by name, canonical order, merging into an old ACL)
 * and the CryptoAPI provider calls programs make around keys: listing
 * providers, provider parameters, a container without keys.
 */
#include <windows.h>
#include <aclapi.h>
#include <wincrypt.h>
#include "test.h"

static PSID make_sid(BYTE *buf, WELL_KNOWN_SID_TYPE type)
{
    DWORD size = SECURITY_MAX_SID_SIZE;
    return CreateWellKnownSid(type, NULL, buf, &size) ? (PSID)buf : NULL;
}

static void set_entry(EXPLICIT_ACCESS_W *e, ACCESS_MODE mode, DWORD mask, DWORD inherit, PSID sid)
{
    memset(e, 0, sizeof(*e));
    e->grfAccessMode = mode;
    e->grfAccessPermissions = mask;
    e->grfInheritance = inherit;
    e->Trustee.TrusteeForm = TRUSTEE_IS_SID;
    e->Trustee.TrusteeType = TRUSTEE_IS_WELL_KNOWN_GROUP;
    e->Trustee.ptstrName = (LPWSTR)sid;
}

/* ACE i of `acl`: its type, mask and SID */
static BOOL ace_is(PACL acl, DWORD i, BYTE type, DWORD mask, PSID sid)
{
    ACCESS_ALLOWED_ACE *ace;
    if (!GetAce(acl, i, (void **)&ace)) return FALSE;
    return ace->Header.AceType == type && ace->Mask == mask && EqualSid(&ace->SidStart, sid);
}

static void test_set_entries(void)
{
    BYTE world_buf[SECURITY_MAX_SID_SIZE], admins_buf[SECURITY_MAX_SID_SIZE], users_buf[SECURITY_MAX_SID_SIZE];
    PSID world = make_sid(world_buf, WinWorldSid), admins = make_sid(admins_buf, WinBuiltinAdministratorsSid);
    PSID users = make_sid(users_buf, WinBuiltinUsersSid);
    EXPLICIT_ACCESS_W e[3];
    PACL acl = NULL, acl2 = NULL, acl3 = NULL;
    DWORD rc;

    ok(world && admins && users, "CreateWellKnownSid\n");
    set_entry(&e[0], GRANT_ACCESS, GENERIC_READ, NO_INHERITANCE, world);
    set_entry(&e[1], DENY_ACCESS, FILE_WRITE_DATA, NO_INHERITANCE, users);
    set_entry(&e[2], GRANT_ACCESS, GENERIC_ALL, SUB_CONTAINERS_AND_OBJECTS_INHERIT, admins);
    rc = SetEntriesInAclW(3, e, NULL, &acl);
    ok(rc == ERROR_SUCCESS && acl, "SetEntriesInAclW %lu\n", rc);
    if (!acl) return;
    ok(IsValidAcl(acl) && acl->AceCount == 3, "%u ACEs\n", acl->AceCount);
    /* the denial first, then the grants in the order given: "SetEntriesInAcl
       creates a DACL with ACEs in this order" (MSDN, Order of ACEs in a DACL);
       Wine 8.0 keeps the order of the entries */
    todo_wine(ace_is(acl, 0, ACCESS_DENIED_ACE_TYPE, FILE_WRITE_DATA, users), "ACE 0\n");
    todo_wine(ace_is(acl, 1, ACCESS_ALLOWED_ACE_TYPE, GENERIC_READ, world), "ACE 1\n");
    ok(ace_is(acl, 2, ACCESS_ALLOWED_ACE_TYPE, GENERIC_ALL, admins), "ACE 2\n");
    {
        ACE_HEADER *h;
        ok(GetAce(acl, 2, (void **)&h) && h->AceFlags == (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE),
           "inheritance flags\n");
    }

    /* revoke drops every ACE of the trustee; set replaces its grants (Wine
       8.0 revokes only grants, so its denial of Users stays) */
    set_entry(&e[0], REVOKE_ACCESS, 0, NO_INHERITANCE, users);
    set_entry(&e[1], SET_ACCESS, GENERIC_EXECUTE, NO_INHERITANCE, world);
    rc = SetEntriesInAclW(2, e, acl, &acl2);
    ok(rc == ERROR_SUCCESS && acl2, "SetEntriesInAclW on an old ACL %lu\n", rc);
    if (acl2)
    {
        BOOL world_found = FALSE;
        DWORD revoked_left = 0;
        todo_wine(acl2->AceCount == 2, "%u ACEs after revoke and set\n", acl2->AceCount);
        for (DWORD i = 0; i < acl2->AceCount; i++)
        {
            ACCESS_ALLOWED_ACE *ace;
            GetAce(acl2, i, (void **)&ace);
            if (EqualSid(&ace->SidStart, users)) revoked_left++;
            if (EqualSid(&ace->SidStart, world))
            {
                world_found = TRUE;
                ok(ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE && ace->Mask == GENERIC_EXECUTE,
                   "set ACE mask %lx\n", ace->Mask);
            }
        }
        ok(world_found, "no ACE for the set trustee\n");
        todo_wine(!revoked_left, "%lu ACEs of the revoked trustee left\n", revoked_left);
    }

    /* a trustee by name: the caller */
    memset(&e[0], 0, sizeof(e[0]));
    e[0].grfAccessMode = GRANT_ACCESS;
    e[0].grfAccessPermissions = FILE_GENERIC_READ;
    e[0].Trustee.TrusteeForm = TRUSTEE_IS_NAME;
    e[0].Trustee.TrusteeType = TRUSTEE_IS_USER;
    e[0].Trustee.ptstrName = (LPWSTR)L"CURRENT_USER";
    rc = SetEntriesInAclW(1, e, NULL, &acl3);
    ok(rc == ERROR_SUCCESS && acl3 && acl3->AceCount == 1, "CURRENT_USER trustee %lu\n", rc);
    if (acl3)
    {
        HANDLE token;
        BYTE buf[256];
        DWORD len;
        ACCESS_ALLOWED_ACE *ace;
        OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
        ok(GetTokenInformation(token, TokenUser, buf, sizeof(buf), &len), "TokenUser\n");
        GetAce(acl3, 0, (void **)&ace);
        ok(EqualSid(&ace->SidStart, ((TOKEN_USER *)buf)->User.Sid), "CURRENT_USER is not the token's user\n");
        CloseHandle(token);
    }

    e[0].Trustee.ptstrName = (LPWSTR)L"no such account 7f3e";
    /* an account that does not exist maps to no SID (Wine 8.0 answers another error) */
    rc = SetEntriesInAclW(1, e, NULL, &acl2);
    todo_wine(rc == ERROR_NONE_MAPPED, "unknown account: %lu\n", rc);
    ok(SetEntriesInAclW(1, e, NULL, NULL) == ERROR_INVALID_PARAMETER, "NULL result pointer\n");
    LocalFree(acl);
    LocalFree(acl3);
}

static void test_providers(void)
{
    WCHAR name[256];
    char aname[256];
    DWORD type, size, len, value;
    HCRYPTPROV prov;
    HCRYPTKEY key = 0;
    HCRYPTHASH hash;
    BYTE sig[256];
    BOOL found_aes = FALSE;

    for (DWORD i = 0; ; i++)
    {
        size = sizeof(name);
        if (!CryptEnumProvidersW(i, NULL, 0, &type, name, &size)) { ok(GetLastError() == ERROR_NO_MORE_ITEMS, "end %lu\n", GetLastError()); break; }
        /* "the number of bytes stored in the buffer" (Wine 8.0 leaves the buffer's size) */
        todo_wine(size == (lstrlenW(name) + 1) * sizeof(WCHAR), "size %lu for %ls\n", size, name);
        if (!lstrcmpW(name, MS_ENH_RSA_AES_PROV_W)) { found_aes = TRUE; ok(type == PROV_RSA_AES, "AES provider type %lu\n", type); }
        if (i > 100) break;
    }
    ok(found_aes, "the AES provider is not listed\n");

    ok(CryptAcquireContextW(&prov, NULL, MS_ENH_RSA_AES_PROV_W, PROV_RSA_AES, CRYPT_VERIFYCONTEXT), "acquire %lu\n", GetLastError());
    len = sizeof(aname);
    ok(CryptGetProvParam(prov, PP_NAME, (BYTE *)aname, &len, 0), "PP_NAME %lu\n", GetLastError());
    ok(!strcmp(aname, MS_ENH_RSA_AES_PROV_A) && len == strlen(aname) + 1, "name %s (%lu)\n", aname, len);
    len = sizeof(value);
    /* PP_PROVTYPE is documented; Wine 8.0's rsaenh does not fill it in */
    value = 0;
    todo_wine(CryptGetProvParam(prov, PP_PROVTYPE, (BYTE *)&value, &len, 0) && value == PROV_RSA_AES, "PP_PROVTYPE %lu\n", value);
    len = sizeof(value);
    ok(CryptGetProvParam(prov, PP_IMPTYPE, (BYTE *)&value, &len, 0) && value == CRYPT_IMPL_SOFTWARE, "PP_IMPTYPE %lu\n", value);

    /* a verification context has no key container, so no keys */
    SetLastError(0xdeadbeef);
    ok(!CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "a user key in a verify context\n");
    ok(GetLastError() == (DWORD)NTE_NO_KEY, "error %lx\n", GetLastError());

    ok(CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash), "CryptCreateHash %lx\n", GetLastError());
    {
        BYTE value32[32], out[32];
        for (int i = 0; i < 32; i++) value32[i] = (BYTE)i;
        ok(CryptSetHashParam(hash, HP_HASHVAL, value32, 0), "HP_HASHVAL %lx\n", GetLastError());
        len = sizeof(out);
        ok(CryptGetHashParam(hash, HP_HASHVAL, out, &len, 0) && !memcmp(out, value32, 32), "hash value set\n");
    }
    len = sizeof(sig);
    SetLastError(0xdeadbeef);
    ok(!CryptSignHashW(hash, AT_SIGNATURE, NULL, 0, sig, &len), "signed without a key\n");
    ok(GetLastError() == (DWORD)NTE_NO_KEY || GetLastError() == (DWORD)NTE_BAD_KEYSET, "sign error %lx\n", GetLastError());
    CryptDestroyHash(hash);
    CryptReleaseContext(prov, 0);
}

int main(void)
{
    test_start("advapi32/aclentries");
    test_set_entries();
    test_providers();
    return test_summary();
}
