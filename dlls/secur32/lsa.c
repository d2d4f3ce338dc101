/*
 * Logon sessions (LsaEnumerateLogonSessions, LsaGetLogonSessionData): every
 * wlx process runs in one interactive session of its one user, the
 * AuthenticationId of its token (include/wlx/user.h). The data is one
 * process-heap block (structure, SID and strings), which
 * LsaFreeReturnBuffer frees.
 */
#define WIN32_NO_STATUS
#include "private.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>

/* the token's facts: its logon session and its user's SID (in sid_buf) */
static BOOL token_facts(LUID *logon, BYTE *sid_buf, DWORD sid_size)
{
    TOKEN_STATISTICS stats;
    HANDLE token;
    DWORD len;
    BOOL ok;

    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return FALSE;
    ok = GetTokenInformation(token, TokenStatistics, &stats, sizeof(stats), &len) &&
         GetTokenInformation(token, TokenUser, sid_buf, sid_size, &len);
    CloseHandle(token);
    if (ok) *logon = stats.AuthenticationId;
    return ok;
}

NTSTATUS NTAPI LsaEnumerateLogonSessions(PULONG count, PLUID *list)
{
    BYTE user[SECURITY_MAX_SID_SIZE + sizeof(TOKEN_USER)];
    LUID logon;

    if (!count || !list) return STATUS_INVALID_PARAMETER;
    if (!token_facts(&logon, user, sizeof(user))) return STATUS_ACCESS_DENIED;
    if (!(*list = HeapAlloc(GetProcessHeap(), 0, sizeof(LUID)))) return STATUS_NO_MEMORY;
    **list = logon;
    *count = 1;
    return STATUS_SUCCESS;
}

/* copies `src` to *cursor as the buffer of `str` and moves the cursor past it */
static void put_string(LSA_UNICODE_STRING *str, WCHAR **cursor, const WCHAR *src)
{
    int len = lstrlenW(src);

    memcpy(*cursor, src, (len + 1) * sizeof(WCHAR));
    str->Buffer = *cursor;
    str->Length = len * sizeof(WCHAR);
    str->MaximumLength = str->Length + sizeof(WCHAR);
    *cursor += len + 1;
}

/* the characters the strings of a session need, NULs included */
#define SESSION_CHARS (2 * (MAX_COMPUTERNAME_LENGTH + 1) + 256 + 8)

NTSTATUS NTAPI LsaGetLogonSessionData(PLUID id, PSECURITY_LOGON_SESSION_DATA *out)
{
    BYTE user_buf[SECURITY_MAX_SID_SIZE + sizeof(TOKEN_USER)];
    TOKEN_USER *user = (TOKEN_USER *)user_buf;
    WCHAR name[257], machine[MAX_COMPUTERNAME_LENGTH + 1], *cursor;
    DWORD name_len = ARRAYSIZE(name), machine_len = ARRAYSIZE(machine), sid_len;
    SECURITY_LOGON_SESSION_DATA *data;
    LUID logon;

    if (!id || !out) return STATUS_INVALID_PARAMETER;
    if (!token_facts(&logon, user_buf, sizeof(user_buf))) return STATUS_ACCESS_DENIED;
    if (id->LowPart != logon.LowPart || id->HighPart != logon.HighPart) return STATUS_NO_SUCH_LOGON_SESSION;
    if (!GetUserNameW(name, &name_len) || !GetComputerNameW(machine, &machine_len)) return STATUS_ACCESS_DENIED;
    sid_len = GetLengthSid(user->User.Sid);
    data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data) + sid_len + SESSION_CHARS * sizeof(WCHAR));
    if (!data) return STATUS_NO_MEMORY;
    data->Size = sizeof(*data);
    data->LogonId = logon;
    data->LogonType = Interactive;
    data->Session = 1;                  /* the one interactive session */
    data->Sid = (PSID)(data + 1);
    CopySid(sid_len, data->Sid, user->User.Sid);
    cursor = (WCHAR *)((BYTE *)data->Sid + sid_len);
    put_string(&data->UserName, &cursor, name);
    put_string(&data->LogonDomain, &cursor, machine);
    put_string(&data->LogonServer, &cursor, machine);
    put_string(&data->AuthenticationPackage, &cursor, L"NTLM");
    *out = data;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI LsaFreeReturnBuffer(PVOID buffer)
{
    if (buffer) HeapFree(GetProcessHeap(), 0, buffer);
    return STATUS_SUCCESS;
}
