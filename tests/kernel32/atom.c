/*
 * tests/kernel32/atom.c — local and global atoms: AddAtom, FindAtom,
 * DeleteAtom, GetAtomName, InitAtomTable and their Global* twins. Integer
 * atoms (MAKEINTATOM and "#n"), string atoms from 0xC000, case-insensitive
 * names, reference counts, the 255-character limit, names cut to the buffer.
 */
#include "test.h"

static char long_name[300];

static void test_integer_atoms(void)
{
    char buf[16];
    WCHAR bufW[16];
    ATOM atom;

    SetLastError(0xdeadbeef);
    ok(AddAtomA(MAKEINTATOM(123)) == 123, "MAKEINTATOM(123) is 123\n");
    ok(GetLastError() == 0xdeadbeef, "error set: %lu\n", GetLastError());
    ok(AddAtomA("#123") == 123, "\"#123\" is 123\n");
    ok(AddAtomW(L"#49151") == 0xbfff, "\"#49151\" is the last integer atom\n");
    ok(FindAtomA(MAKEINTATOM(77)) == 77, "an integer atom is always found\n");
    ok(FindAtomA("#77") == 77, "so is \"#77\"\n");
    ok(GlobalAddAtomA("#5") == 5, "global \"#5\"\n");
    ok(GlobalFindAtomW(L"#6") == 6, "global \"#6\" found\n");

    SetLastError(0xdeadbeef);
    ok(!AddAtomA("#0"), "\"#0\" accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!AddAtomA("#49152"), "\"#49152\" accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!AddAtomA(MAKEINTATOM(0xc000)), "MAKEINTATOM(0xc000) accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GlobalAddAtomA(MAKEINTATOM(0xc000)), "global MAKEINTATOM(0xc000) accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* "#" with anything but digits after it names a string atom */
    atom = AddAtomA("#12a");
    ok(atom >= 0xc000, "\"#12a\" gave %04x\n", atom);
    ok(FindAtomA("#12A") == atom, "\"#12A\" not the same\n");
    ok(DeleteAtom(atom) == 0, "delete failed\n");
    atom = AddAtomA("#");
    ok(atom >= 0xc000, "\"#\" gave %04x\n", atom);
    DeleteAtom(atom);

    /* nothing is stored for an integer atom: deleting it is a no-op */
    ok(DeleteAtom(123) == 0, "deleting an integer atom failed\n");
    ok(FindAtomA("#123") == 123, "integer atom gone\n");
    ok(GlobalDeleteAtom(5) == 0, "deleting a global integer atom failed\n");

    /* the name of an integer atom is "#n" */
    memset(buf, '.', sizeof(buf));
    ok(GetAtomNameA(123, buf, sizeof(buf)) == 4 && !strcmp(buf, "#123"), "name %s\n", buf);
    ok(GetAtomNameW(0xbfff, bufW, 16) == 6 && !wcscmp(bufW, L"#49151"), "name %ls\n", bufW);
    memset(buf, '.', sizeof(buf));
    ok(GlobalGetAtomNameA(42, buf, sizeof(buf)) == 3 && !strcmp(buf, "#42"), "global name %s\n", buf);
    ok(GlobalGetAtomNameW(42, bufW, 16) == 3 && !wcscmp(bufW, L"#42"), "global name %ls\n", bufW);
    SetLastError(0xdeadbeef);
    ok(!GlobalGetAtomNameA(42, buf, 2), "a global integer name fit in 2\n");
    ok(GetLastError() == ERROR_MORE_DATA, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetAtomNameA(0, buf, sizeof(buf)), "atom 0 has a name\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_string_atoms(void)
{
    char buf[16];
    WCHAR bufW[16];
    ATOM atom, other;

    SetLastError(0xdeadbeef);
    ok(!FindAtomA("wlx atom test"), "found before added\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());

    atom = AddAtomA("wlx atom test");
    ok(atom >= 0xc000, "string atom %04x\n", atom);
    ok(AddAtomA("WLX Atom TEST") == atom, "case matters\n");
    ok(AddAtomW(L"wlx atom test") == atom, "W gives another atom\n");
    ok(FindAtomW(L"Wlx Atom Test") == atom, "not found case-insensitively\n");
    other = AddAtomA("wlx atom test 2");
    ok(other >= 0xc000 && other != atom, "second atom %04x\n", other);

    /* the case of the first addition is kept */
    memset(buf, '.', sizeof(buf));
    ok(GetAtomNameA(atom, buf, sizeof(buf)) == 13 && !strcmp(buf, "wlx atom test"), "name %s\n", buf);
    ok(GetAtomNameW(atom, bufW, 16) == 13 && !wcscmp(bufW, L"wlx atom test"), "name %ls\n", bufW);

    /* a short buffer gets the start of the name, terminated */
    memset(buf, '.', sizeof(buf));
    ok(GetAtomNameA(atom, buf, 6) == 5 && !memcmp(buf, "wlx a\0.", 7), "cut name %.7s\n", buf);
    memset(bufW, '.', sizeof(bufW));
    ok(GetAtomNameW(atom, bufW, 6) == 5 && !memcmp(bufW, L"wlx a\0", 12), "cut name %ls\n", bufW);
    memset(buf, '.', sizeof(buf));
    SetLastError(0xdeadbeef);
    ok(!GetAtomNameA(atom, buf, 0), "size 0 succeeded\n");
    ok(buf[0] == '.', "size 0 wrote\n");

    /* three additions, three deletions */
    ok(DeleteAtom(atom) == 0, "delete 1\n");
    ok(FindAtomA("wlx atom test") == atom, "gone after one deletion\n");
    ok(DeleteAtom(atom) == 0, "delete 2\n");
    ok(FindAtomA("wlx atom test") == atom, "gone after two deletions\n");
    ok(DeleteAtom(atom) == 0, "delete 3\n");
    SetLastError(0xdeadbeef);
    ok(!FindAtomA("wlx atom test"), "still there after three deletions\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(DeleteAtom(atom) == atom, "deleting a deleted atom succeeded\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetAtomNameA(atom, buf, sizeof(buf)), "a deleted atom has a name\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
    ok(FindAtomA("wlx atom test 2") == other, "the other atom went too\n");
    DeleteAtom(other);

    /* names are compared by Unicode case: e-acute and E-acute are the same */
    atom = AddAtomA("\xe9t\xe9");
    ok(atom >= 0xc000, "accented atom %04x\n", atom);
    ok(FindAtomW(L"\x00c9T\x00c9") == atom, "upper case accents not matched\n");
    ok(GetAtomNameW(atom, bufW, 16) == 3 && !wcscmp(bufW, L"\x00e9t\x00e9"), "name %ls\n", bufW);
    DeleteAtom(atom);

    SetLastError(0xdeadbeef);
    ok(!AddAtomA(""), "empty name accepted\n");
    ok(GetLastError() == ERROR_INVALID_NAME, "error %lu\n", GetLastError());
    ok(!GlobalAddAtomA(""), "empty global name accepted\n");
    ok(!AddAtomA(MAKEINTATOM(0)), "MAKEINTATOM(0) accepted\n");
}

static void test_length_limit(void)
{
    WCHAR longW[300];
    char buf[300];
    ATOM atom;
    int i;

    memset(long_name, 'x', 255);
    long_name[255] = 0;
    atom = AddAtomA(long_name);
    ok(atom >= 0xc000, "255 characters refused\n");
    ok(FindAtomA(long_name) == atom, "255 characters not found\n");
    ok(GetAtomNameA(atom, buf, sizeof(buf)) == 255 && !strcmp(buf, long_name), "name of 255\n");
    DeleteAtom(atom);

    long_name[255] = 'x';
    long_name[256] = 0;
    SetLastError(0xdeadbeef);
    ok(!AddAtomA(long_name), "256 characters accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!FindAtomA(long_name), "256 characters found\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    for (i = 0; i < 256; i++) longW[i] = 'y';
    longW[256] = 0;
    SetLastError(0xdeadbeef);
    ok(!GlobalAddAtomW(longW), "global 256 characters accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    longW[255] = 0;
    atom = GlobalAddAtomW(longW);
    ok(atom >= 0xc000, "global 255 characters refused\n");
    ok(GlobalDeleteAtom(atom) == 0, "delete failed\n");
}

static void test_global_atoms(void)
{
    char buf[16];
    WCHAR bufW[16];
    ATOM atom, local;
    int i;

    atom = GlobalAddAtomA("wlx global atom");
    ok(atom >= 0xc000, "global atom %04x\n", atom);
    ok(GlobalAddAtomW(L"WLX GLOBAL ATOM") == atom, "case matters\n");
    ok(GlobalFindAtomA("Wlx Global Atom") == atom, "not found\n");

    /* the local and the global tables are apart */
    SetLastError(0xdeadbeef);
    ok(!FindAtomA("wlx global atom"), "a global atom is found locally\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
    local = AddAtomA("wlx local atom");
    SetLastError(0xdeadbeef);
    ok(!GlobalFindAtomA("wlx local atom"), "a local atom is found globally\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
    DeleteAtom(local);

    memset(buf, '.', sizeof(buf));
    ok(GlobalGetAtomNameA(atom, buf, sizeof(buf)) == 15 && !strcmp(buf, "wlx global atom"), "name %s\n", buf);
    ok(GlobalGetAtomNameW(atom, bufW, 16) == 15 && !wcscmp(bufW, L"wlx global atom"), "name %ls\n", bufW);
    memset(buf, '.', sizeof(buf));
    ok(!GlobalGetAtomNameA(atom, buf, 0), "size 0 succeeded\n");
    ok(buf[0] == '.', "size 0 wrote\n");

    /* added twice: two deletions */
    ok(GlobalDeleteAtom(atom) == 0, "delete 1\n");
    ok(GlobalFindAtomA("wlx global atom") == atom, "gone after one deletion\n");
    ok(GlobalDeleteAtom(atom) == 0, "delete 2\n");
    SetLastError(0xdeadbeef);
    ok(!GlobalFindAtomA("wlx global atom"), "still there\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(GlobalDeleteAtom(atom) == atom, "deleted twice\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());

    /* many atoms, all distinct, all found */
    {
        ATOM atoms[200];
        char name[32];
        BOOL good = TRUE;

        for (i = 0; i < 200; i++)
        {
            sprintf(name, "wlx many %d", i);
            atoms[i] = GlobalAddAtomA(name);
            if (atoms[i] < 0xc000) good = FALSE;
        }
        for (i = 0; i < 200 && good; i++)
        {
            sprintf(name, "WLX MANY %d", i);
            if (GlobalFindAtomA(name) != atoms[i]) good = FALSE;
            if (i && atoms[i] == atoms[i - 1]) good = FALSE;
        }
        ok(good, "200 atoms not kept apart\n");
        for (i = 0; i < 200; i++) GlobalDeleteAtom(atoms[i]);
        ok(!GlobalFindAtomA("wlx many 100"), "deleted atom found\n");
    }
}

static void test_init_atom_table(void)
{
    ATOM atom;

    /* the local table exists already: InitAtomTable keeps it */
    atom = AddAtomA("wlx kept");
    ok(InitAtomTable(100), "InitAtomTable failed\n");
    ok(FindAtomA("wlx kept") == atom, "table replaced\n");
    DeleteAtom(atom);
}

int main(void)
{
    test_start("kernel32:atom");
    test_integer_atoms();
    test_string_atoms();
    test_length_limit();
    test_global_atoms();
    test_init_atom_table();
    return test_summary();
}
