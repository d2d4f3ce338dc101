/*
 * tests/advapi32/hwprofile.c — GetCurrentHwProfile: a docking state made of
 * the documented bits, a GUID string in braces that stays the same from
 * call to call, a profile name; the A form agrees with the W form.
 * Wine 8.0's GetCurrentHwProfileW is a stub that fails (its A form works).
 */
#include "test.h"

static int is_guid_string(const WCHAR *s)
{
    int i;

    if (lstrlenW(s) != 38 || s[0] != '{' || s[37] != '}') return 0;
    for (i = 1; i < 37; i++)
    {
        if (i == 9 || i == 14 || i == 19 || i == 24) { if (s[i] != '-') return 0; }
        else if (!iswxdigit(s[i])) return 0;
    }
    return 1;
}

int main(void)
{
    HW_PROFILE_INFOW w1, w2;
    HW_PROFILE_INFOA a;
    WCHAR wa[HW_PROFILE_GUIDLEN];

    test_start("advapi32:hwprofile");
    ok(GetCurrentHwProfileA(&a), "GetCurrentHwProfileA: %lu\n", GetLastError());
    ok(a.dwDockInfo && !(a.dwDockInfo & ~(DOCKINFO_DOCKED | DOCKINFO_UNDOCKED | DOCKINFO_USER_SUPPLIED)),
       "dock info %lx\n", a.dwDockInfo);
    MultiByteToWideChar(CP_ACP, 0, a.szHwProfileGuid, -1, wa, HW_PROFILE_GUIDLEN);
    ok(is_guid_string(wa), "guid %s\n", a.szHwProfileGuid);
    ok(a.szHwProfileName[0] != 0, "no profile name\n");

    memset(&w1, 0xcc, sizeof(w1));
    /* Wine 8.0: a stub returning FALSE */
    if (!todo_wine(GetCurrentHwProfileW(&w1), "GetCurrentHwProfileW: %lu\n", GetLastError()))
        return test_summary();
    ok(w1.dwDockInfo == a.dwDockInfo, "dock info %lx\n", w1.dwDockInfo);
    ok(!lstrcmpiW(wa, w1.szHwProfileGuid), "W and A guids differ: %s\n", a.szHwProfileGuid);
    ok(w1.szHwProfileName[0] && lstrlenW(w1.szHwProfileName) < MAX_PROFILE_LEN, "no profile name\n");
    ok(GetCurrentHwProfileW(&w2) && !lstrcmpW(w1.szHwProfileGuid, w2.szHwProfileGuid)
       && !lstrcmpW(w1.szHwProfileName, w2.szHwProfileName), "second call differs\n");
    return test_summary();
}
