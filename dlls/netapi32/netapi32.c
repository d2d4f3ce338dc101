/*
 * netapi32 for the one local account: NetUserEnum and NetUserGetInfo know
 * the user running wlx (its name from GetUserName), who is in the local
 * group "Users"; NetWkstaGetInfo describes this machine in the workgroup
 * WORKGROUP. Every answer is one NetApiBufferAllocate block (structures
 * first, then their strings) that NetApiBufferFree frees. Other servers
 * than this machine cannot be reached (ERROR_BAD_NETPATH).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <lm.h>
#include <string.h>

NET_API_STATUS WINAPI NetApiBufferAllocate(DWORD size, LPVOID *buffer)
{
    if (!buffer) return ERROR_INVALID_PARAMETER;
    *buffer = HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
    return *buffer ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

NET_API_STATUS WINAPI NetApiBufferFree(LPVOID buffer)
{
    if (buffer) HeapFree(GetProcessHeap(), 0, buffer);
    return NERR_Success;
}

NET_API_STATUS WINAPI NetApiBufferSize(LPVOID buffer, LPDWORD size)
{
    SIZE_T n;

    if (!buffer || !size) return ERROR_INVALID_PARAMETER;
    if ((n = HeapSize(GetProcessHeap(), 0, buffer)) == (SIZE_T)-1) return ERROR_INVALID_PARAMETER;
    *size = n;
    return NERR_Success;
}

/* NULL, "" and this machine's name (with or without "\\") are the local server */
static BOOL is_local_server(LPCWSTR server)
{
    WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD len = ARRAYSIZE(name);

    if (!server || !*server) return TRUE;
    if (server[0] == '\\' && server[1] == '\\') server += 2;
    return GetComputerNameW(name, &len) && !lstrcmpiW(server, name);
}

/* the one account's name, in buf[UNLEN + 1] */
static BOOL user_name(WCHAR *buf)
{
    DWORD len = UNLEN + 1;
    return GetUserNameW(buf, &len);
}

/* one block holding a structure of `size` bytes followed by `str`; *str_out points at the copy */
static void *block_with_string(DWORD size, const WCHAR *str, WCHAR **str_out)
{
    DWORD len = (lstrlenW(str) + 1) * sizeof(WCHAR);
    BYTE *block;

    if (NetApiBufferAllocate(size + len, (void **)&block)) return NULL;
    memset(block, 0, size);
    *str_out = (WCHAR *)(block + size);
    memcpy(*str_out, str, len);
    return block;
}

/* the account's USER_INFO at `level` (0 or 1) */
static NET_API_STATUS user_info(DWORD level, const WCHAR *name, BYTE **out)
{
    USER_INFO_1 *info1;
    WCHAR *copy;

    switch (level)
    {
    case 0:
        if (!(*out = block_with_string(sizeof(USER_INFO_0), name, &copy))) return ERROR_NOT_ENOUGH_MEMORY;
        ((USER_INFO_0 *)*out)->usri0_name = copy;
        return NERR_Success;
    case 1:
        if (!(info1 = block_with_string(sizeof(*info1), name, &copy))) return ERROR_NOT_ENOUGH_MEMORY;
        info1->usri1_name = copy;
        info1->usri1_priv = USER_PRIV_USER;
        info1->usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
        *out = (BYTE *)info1;
        return NERR_Success;
    default:
        return ERROR_INVALID_LEVEL;
    }
}

NET_API_STATUS WINAPI NetUserEnum(LPCWSTR server, DWORD level, DWORD filter, LPBYTE *buf, DWORD max_len,
                                  LPDWORD read, LPDWORD total, PDWORD resume)
{
    WCHAR name[UNLEN + 1];
    NET_API_STATUS status;

    if (!buf || !read || !total) return ERROR_INVALID_PARAMETER;
    *buf = NULL;
    *read = *total = 0;
    if (!is_local_server(server)) return ERROR_BAD_NETPATH;
    if (level != 0 && level != 1) return ERROR_INVALID_LEVEL;
    /* the account is a normal one: other filters list nothing; a resumed enumeration is over */
    if ((filter && !(filter & FILTER_NORMAL_ACCOUNT)) || (resume && *resume)) return NERR_Success;
    if (!user_name(name)) return GetLastError();
    if ((status = user_info(level, name, buf))) return status;
    *read = *total = 1;
    if (resume) *resume = 0;
    return NERR_Success;
}

NET_API_STATUS WINAPI NetUserGetInfo(LPCWSTR server, LPCWSTR user, DWORD level, LPBYTE *buf)
{
    WCHAR name[UNLEN + 1];

    if (!user || !buf) return ERROR_INVALID_PARAMETER;
    *buf = NULL;
    if (!is_local_server(server)) return ERROR_BAD_NETPATH;
    if (!user_name(name)) return GetLastError();
    if (lstrcmpiW(user, name)) return NERR_UserNotFound;
    return user_info(level, name, buf);
}

/* the account is in "Users" */
NET_API_STATUS WINAPI NetUserGetLocalGroups(LPCWSTR server, LPCWSTR user, DWORD level, DWORD flags, LPBYTE *buf,
                                            DWORD max_len, LPDWORD read, LPDWORD total)
{
    WCHAR name[UNLEN + 1], *copy;
    LOCALGROUP_USERS_INFO_0 *info;

    if (!user || !buf || !read || !total) return ERROR_INVALID_PARAMETER;
    *buf = NULL;
    *read = *total = 0;
    if (level != 0) return ERROR_INVALID_LEVEL;
    if (!is_local_server(server)) return ERROR_BAD_NETPATH;
    if (!user_name(name)) return GetLastError();
    /* "user" and "MACHINE\user" both name the account */
    if (wcschr(user, '\\')) user = wcschr(user, '\\') + 1;
    if (lstrcmpiW(user, name)) return NERR_UserNotFound;
    if (!(info = block_with_string(sizeof(*info), L"Users", &copy))) return ERROR_NOT_ENOUGH_MEMORY;
    info->lgrui0_name = copy;
    *buf = (BYTE *)info;
    *read = *total = 1;
    return NERR_Success;
}

/* level 100: platform, machine name, workgroup, Windows 10 */
NET_API_STATUS WINAPI NetWkstaGetInfo(LMSTR server, DWORD level, LPBYTE *buf)
{
    WCHAR machine[MAX_COMPUTERNAME_LENGTH + 1], *copy;
    DWORD len = ARRAYSIZE(machine), machine_size;
    WKSTA_INFO_100 *info;

    if (!buf) return ERROR_INVALID_PARAMETER;
    *buf = NULL;
    if (!is_local_server(server)) return ERROR_BAD_NETPATH;
    if (level != 100) return ERROR_INVALID_LEVEL;
    if (!GetComputerNameW(machine, &len)) return GetLastError();
    machine_size = (len + 1) * sizeof(WCHAR);
    /* the machine name, then the workgroup name after it */
    if (!(info = block_with_string(sizeof(*info) + machine_size, L"WORKGROUP", &copy))) return ERROR_NOT_ENOUGH_MEMORY;
    info->wki100_platform_id = PLATFORM_ID_NT;
    info->wki100_computername = (WCHAR *)(info + 1);
    memcpy(info->wki100_computername, machine, machine_size);
    info->wki100_langroup = copy;
    info->wki100_ver_major = 10;
    info->wki100_ver_minor = 0;
    *buf = (BYTE *)info;
    return NERR_Success;
}
