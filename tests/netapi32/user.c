/*
 * tests/netapi32/user.c — the local account through NetUserEnum,
 * NetUserGetInfo and NetUserGetLocalGroups, the workstation's facts, and
 * the buffers they hand out.
 */
#include "test.h"
#include <lm.h>

static WCHAR user[UNLEN + 1];

static void test_enum(void)
{
    USER_INFO_0 *info = NULL;
    DWORD read = 0, total = 0, resume = 0, i;
    NET_API_STATUS status;
    BOOL found = FALSE;

    status = NetUserEnum(NULL, 0, FILTER_NORMAL_ACCOUNT, (BYTE **)&info, MAX_PREFERRED_LENGTH, &read, &total,
                         &resume);
    ok(status == NERR_Success, "NetUserEnum: %lu\n", status);
    ok(read >= 1 && total >= read, "read %lu total %lu\n", read, total);
    for (i = 0; info && i < read; i++) if (!lstrcmpiW(info[i].usri0_name, user)) found = TRUE;
    ok(found, "%ls not listed\n", user);
    ok(NetApiBufferFree(info) == NERR_Success, "NetApiBufferFree\n");
    status = NetUserEnum(NULL, 12345, 0, (BYTE **)&info, MAX_PREFERRED_LENGTH, &read, &total, NULL);
    ok(status == ERROR_INVALID_LEVEL, "bad level: %lu\n", status);
}

static void test_get_info(void)
{
    USER_INFO_1 *info = NULL;
    LOCALGROUP_USERS_INFO_0 *groups = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS status;

    status = NetUserGetInfo(NULL, user, 1, (BYTE **)&info);
    ok(status == NERR_Success && info, "NetUserGetInfo: %lu\n", status);
    if (info)
    {
        ok(!lstrcmpiW(info->usri1_name, user), "name %ls\n", info->usri1_name);
        /* Wine 8 leaves the flags 0; a local account of Windows is UF_NORMAL_ACCOUNT */
        todo_wine(info->usri1_flags & UF_NORMAL_ACCOUNT, "flags %#lx\n", info->usri1_flags);
        NetApiBufferFree(info);
    }
    status = NetUserGetInfo(NULL, L"wlx-no-such-user", 0, (BYTE **)&info);
    ok(status == NERR_UserNotFound, "unknown user: %lu\n", status);

    status = NetUserGetLocalGroups(NULL, user, 0, 0, (BYTE **)&groups, MAX_PREFERRED_LENGTH, &read, &total);
    ok(status == NERR_Success, "NetUserGetLocalGroups: %lu\n", status);
    ok(total >= read, "read %lu total %lu\n", read, total);
    if (groups) NetApiBufferFree(groups);
}

static void test_workstation(void)
{
    WKSTA_INFO_100 *info = NULL;
    WCHAR machine[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD len = ARRAYSIZE(machine), size = 0;
    NET_API_STATUS status;
    void *buf = NULL;

    GetComputerNameW(machine, &len);
    status = NetWkstaGetInfo(NULL, 100, (BYTE **)&info);
    ok(status == NERR_Success && info, "NetWkstaGetInfo: %lu\n", status);
    if (info)
    {
        ok(info->wki100_platform_id == PLATFORM_ID_NT, "platform %lu\n", info->wki100_platform_id);
        ok(!lstrcmpiW(info->wki100_computername, machine), "computer %ls, not %ls\n", info->wki100_computername,
           machine);
        ok(info->wki100_langroup != NULL, "no lan group\n");
        NetApiBufferFree(info);
    }
    ok(NetApiBufferAllocate(100, &buf) == NERR_Success && buf, "NetApiBufferAllocate\n");
    ok(NetApiBufferSize(buf, &size) == NERR_Success && size >= 100, "size %lu\n", size);
    ok(NetApiBufferFree(buf) == NERR_Success, "free\n");
    ok(NetApiBufferFree(NULL) == NERR_Success, "free NULL\n");
}

int main(void)
{
    DWORD len = ARRAYSIZE(user);

    test_start("netapi32/user");
    GetUserNameW(user, &len);
    test_enum();
    test_get_info();
    test_workstation();
    return test_summary();
}
