/*
 * dlls/advapi32/trustee.c — filling and reading TRUSTEE and EXPLICIT_ACCESS
 * structures (BuildExplicitAccessWithName, BuildTrusteeWith*, GetTrustee*),
 * what programs hand to SetEntriesInAcl (aclentries.c). Pure structure
 * work: a name is not looked up here, and the structures point at the
 * caller's strings and SIDs.
 */
#include "secpriv.h"
#include <aclapi.h>

/* the A and W structures have one layout: only ptstrName's type differs */
static void build_trustee(TRUSTEE_W *trustee, TRUSTEE_FORM form, void *name)
{
    trustee->pMultipleTrustee = NULL;
    trustee->MultipleTrusteeOperation = NO_MULTIPLE_TRUSTEE;
    trustee->TrusteeForm = form;
    trustee->TrusteeType = TRUSTEE_IS_UNKNOWN;
    trustee->ptstrName = name;
}

void WINAPI BuildTrusteeWithNameW(PTRUSTEE_W trustee, LPWSTR name)
{
    build_trustee(trustee, TRUSTEE_IS_NAME, name);
}

void WINAPI BuildTrusteeWithNameA(PTRUSTEE_A trustee, LPSTR name)
{
    build_trustee((TRUSTEE_W *)trustee, TRUSTEE_IS_NAME, name);
}

void WINAPI BuildTrusteeWithSidW(PTRUSTEE_W trustee, PSID sid)
{
    build_trustee(trustee, TRUSTEE_IS_SID, sid);
}

void WINAPI BuildTrusteeWithSidA(PTRUSTEE_A trustee, PSID sid)
{
    build_trustee((TRUSTEE_W *)trustee, TRUSTEE_IS_SID, sid);
}

static void build_access(EXPLICIT_ACCESS_W *ea, void *name, DWORD rights, ACCESS_MODE mode, DWORD inheritance)
{
    ea->grfAccessPermissions = rights;
    ea->grfAccessMode = mode;
    ea->grfInheritance = inheritance;
    build_trustee(&ea->Trustee, TRUSTEE_IS_NAME, name);
}

void WINAPI BuildExplicitAccessWithNameW(PEXPLICIT_ACCESS_W ea, LPWSTR name, DWORD rights, ACCESS_MODE mode,
                                         DWORD inheritance)
{
    build_access(ea, name, rights, mode, inheritance);
}

void WINAPI BuildExplicitAccessWithNameA(PEXPLICIT_ACCESS_A ea, LPSTR name, DWORD rights, ACCESS_MODE mode,
                                         DWORD inheritance)
{
    build_access((EXPLICIT_ACCESS_W *)ea, name, rights, mode, inheritance);
}

LPWSTR WINAPI GetTrusteeNameW(PTRUSTEE_W trustee)
{
    return trustee->ptstrName;
}

LPSTR WINAPI GetTrusteeNameA(PTRUSTEE_A trustee)
{
    return trustee->ptstrName;
}

TRUSTEE_FORM WINAPI GetTrusteeFormW(PTRUSTEE_W trustee)
{
    return trustee ? trustee->TrusteeForm : TRUSTEE_BAD_FORM;
}

TRUSTEE_FORM WINAPI GetTrusteeFormA(PTRUSTEE_A trustee)
{
    return trustee ? trustee->TrusteeForm : TRUSTEE_BAD_FORM;
}

TRUSTEE_TYPE WINAPI GetTrusteeTypeW(PTRUSTEE_W trustee)
{
    return trustee ? trustee->TrusteeType : TRUSTEE_IS_UNKNOWN;
}

TRUSTEE_TYPE WINAPI GetTrusteeTypeA(PTRUSTEE_A trustee)
{
    return trustee ? trustee->TrusteeType : TRUSTEE_IS_UNKNOWN;
}
