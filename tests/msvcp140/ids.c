/*
 * tests/msvcp140/ids.c — the locale::id objects msvcp140 exports for its
 * wide facets (ctype, codecvt, collate, numpunct, num_get, num_put,
 * time_get, time_put of wchar_t and unsigned short, and the char ones of
 * time_get and time_put): a program naming one must load. Each is its own
 * object, 0 until locale::id::operator size_t numbers it from _Id_cnt.
 */
#include "test.h"

static const char *const names[] =
{
    "?id@?$collate@G@std@@2V0locale@2@A",
    "?id@?$collate@_W@std@@2V0locale@2@A",
    "?id@?$num_get@GV?$istreambuf_iterator@GU?$char_traits@G@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$num_get@_WV?$istreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$num_put@GV?$ostreambuf_iterator@GU?$char_traits@G@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$num_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$numpunct@G@std@@2V0locale@2@A",
    "?id@?$numpunct@_W@std@@2V0locale@2@A",
    "?id@?$time_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$time_get@_WV?$istreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$time_put@GV?$ostreambuf_iterator@GU?$char_traits@G@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$time_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$ctype@_W@std@@2V0locale@2@A",
    "?id@?$ctype@G@std@@2V0locale@2@A",
    "?id@?$codecvt@_WDU_Mbstatet@@@std@@2V0locale@2@A",
    "?id@?$codecvt@GDU_Mbstatet@@@std@@2V0locale@2@A",
};

int main(void)
{
    HMODULE dll = LoadLibraryA("msvcp140.dll");
    size_t (__cdecl *id_value)(size_t *);
    int *id_cnt;
    size_t *ids[ARRAYSIZE(names)];

    test_start("msvcp140 ids");
    ok(dll != NULL, "msvcp140 loads\n");
    if (!dll) return test_summary();
    id_value = (void *)GetProcAddress(dll, "??Bid@locale@std@@QEAA_KXZ");
    id_cnt = (int *)GetProcAddress(dll, "?_Id_cnt@id@locale@std@@0HA");
    ok(id_value && id_cnt, "locale::id::operator size_t and _Id_cnt\n");
    for (int i = 0; i < ARRAYSIZE(names); i++)
    {
        ids[i] = (size_t *)GetProcAddress(dll, names[i]);
        ok(ids[i] != NULL, "%s exported\n", names[i]);
        if (!ids[i]) return test_summary();
        for (int j = 0; j < i; j++) ok(ids[i] != ids[j], "ids %d and %d are different objects\n", i, j);
    }
    if (!id_value || !id_cnt) return test_summary();
    for (int i = 0; i < ARRAYSIZE(names); i++)
    {
        size_t v;
        int before = *id_cnt;
        if (*ids[i]) { ok(*ids[i] <= (size_t)*id_cnt, "%s: numbered already, from _Id_cnt\n", names[i]); continue; }
        v = id_value(ids[i]);
        ok(v == (size_t)before + 1 && *ids[i] == v, "%s: numbered on first use (%Iu)\n", names[i], v);
        ok(id_value(ids[i]) == v, "%s: the same number again\n", names[i]);
    }
    return test_summary();
}
