/*
 * tests/msvcp140_codecvt_ids/ids.c — msvcp140_codecvt_ids.dll, the
 * locale::id objects of codecvt<char16_t/char32_t, char/char8_t>: four
 * data exports, each 0 until first use, then numbered by msvcp140's
 * locale::id::operator size_t from the counter all ids share. Wine 8 has
 * no such DLL: the test skips there.
 */
#include "test.h"

static const char *const names[4] =
{
    "?id@?$codecvt@_SDU_Mbstatet@@@std@@2V0locale@2@A",    /* codecvt<char16_t, char> */
    "?id@?$codecvt@_S_QU_Mbstatet@@@std@@2V0locale@2@A",   /* codecvt<char16_t, char8_t> */
    "?id@?$codecvt@_UDU_Mbstatet@@@std@@2V0locale@2@A",    /* codecvt<char32_t, char> */
    "?id@?$codecvt@_U_QU_Mbstatet@@@std@@2V0locale@2@A",   /* codecvt<char32_t, char8_t> */
};

int main(void)
{
    HMODULE dll = LoadLibraryA("msvcp140_codecvt_ids.dll"), msvcp = LoadLibraryA("msvcp140.dll");
    size_t (__cdecl *id_value)(size_t *) = NULL;
    size_t *ids[4], values[4];
    int *id_cnt = NULL;

    test_start("msvcp140_codecvt_ids");
    if (!dll)
    {
        skip("no msvcp140_codecvt_ids.dll (Wine 8 has none)\n");
        return test_summary();
    }
    for (int i = 0; i < 4; i++)
    {
        ids[i] = (size_t *)GetProcAddress(dll, names[i]);
        ok(ids[i] != NULL, "%s exported\n", names[i]);
        if (!ids[i]) return test_summary();
    }
    for (int i = 0; i < 4; i++)
    {
        ok(*ids[i] == 0, "id %d: 0 before first use (%Iu)\n", i, *ids[i]);
        for (int j = 0; j < i; j++) ok(ids[i] != ids[j], "ids %d and %d are different objects\n", i, j);
    }

    if (msvcp)
    {
        id_value = (void *)GetProcAddress(msvcp, "??Bid@locale@std@@QEAA_KXZ");
        id_cnt = (int *)GetProcAddress(msvcp, "?_Id_cnt@id@locale@std@@0HA");
    }
    if (!id_value || !id_cnt)
    {
        skip("no locale::id::operator size_t in msvcp140\n");
        return test_summary();
    }
    for (int i = 0; i < 4; i++)
    {
        int before = *id_cnt;
        values[i] = id_value(ids[i]);
        ok(values[i] == (size_t)before + 1 && *id_cnt == before + 1,
           "id %d: numbered by operator size_t from _Id_cnt (%Iu, count %d then %d)\n", i, values[i], before,
           *id_cnt);
        ok(*ids[i] == values[i], "id %d keeps its number\n", i);
    }
    for (int i = 0; i < 4; i++)
        ok(id_value(ids[i]) == values[i], "id %d: the same number again\n", i);
    return test_summary();
}
