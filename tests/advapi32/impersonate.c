/*
 * tests/advapi32/impersonate.c — ImpersonateAnonymousToken gives the
 * calling thread an impersonation token that RevertToSelf removes.
 */
#include "test.h"

int main(void)
{
    HANDLE token;
    TOKEN_TYPE type;
    DWORD len;

    test_start("advapi32/impersonate");
    /* Wine 8's NtImpersonateAnonymousToken is an unimplemented stub: every
       call fails there (STATUS_NOT_IMPLEMENTED) */
    SetLastError(0xdeadbeef);
    todo_wine(ImpersonateAnonymousToken(GetCurrentThread()), "ImpersonateAnonymousToken: %lu\n", GetLastError());
    /* the thread now has a token of its own (anonymous: opening it as the thread may be refused) */
    if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token))
    {
        ok(GetTokenInformation(token, TokenType, &type, sizeof(type), &len) && type == TokenImpersonation,
           "token type %d\n", type);
        CloseHandle(token);
    }
    else todo_wine(GetLastError() != ERROR_NO_TOKEN, "no thread token after ImpersonateAnonymousToken\n");
    ok(RevertToSelf(), "RevertToSelf: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token), "a token left after RevertToSelf\n");
    ok(GetLastError() == ERROR_NO_TOKEN, "after RevertToSelf: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!ImpersonateAnonymousToken(NULL), "NULL thread accepted\n");
    todo_wine(GetLastError() == ERROR_INVALID_HANDLE, "NULL thread: error %lu\n", GetLastError());
    return test_summary();
}
