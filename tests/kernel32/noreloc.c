/*
 * tests/kernel32/noreloc.c — a DLL with no relocation directory, not marked
 * IMAGE_FILE_RELOCS_STRIPPED, whose base address is taken, loads somewhere
 * else (nothing in it needs fixing): PostgreSQL's ICU data DLL
 * (icudt77.dll, 31 MB, base 0x180000000 like every MSVC DLL beside it) is
 * one. Its data reads back through GetProcAddress.
 */
#include "test.h"

int main(void)
{
    char *want = (char *)0x250000000, *taken;
    const char *text;
    HMODULE h;

    test_start("kernel32:noreloc");
    h = LoadLibraryA("norelocdll.dll");
    ok(h == (HMODULE)want, "at its base: %p, error %lu\n", h, GetLastError());
    if (h) FreeLibrary(h);

    taken = VirtualAlloc(want, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
    ok(taken == want, "cannot reserve %p for the test: error %lu\n", want, GetLastError());
    h = LoadLibraryA("norelocdll.dll");
    ok(h != NULL && h != (HMODULE)want, "with its base taken: %p, error %lu\n", h, GetLastError());
    if (!h) return test_summary();
    text = (const char *)GetProcAddress(h, "norelocdll_text");
    ok(text && !strcmp(text, "data of a DLL without relocations"), "its data: %s\n", text ? text : "(none)");
    ok(FreeLibrary(h), "FreeLibrary\n");
    VirtualFree(taken, 0, MEM_RELEASE);
    return test_summary();
}
