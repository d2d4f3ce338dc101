/*
 * norelocdll.dll — helper for tests/kernel32/noreloc.c: a data-only DLL
 * with no base relocations, not marked relocs-stripped (as ICU's data DLL
 * icudt77.dll is), preferring 0x250000000.
 *
 * build: x86_64-w64-mingw32-gcc -shared -nostdlib -Wl,-e,0 -Wl,--disable-reloc-section
 *        -Wl,--image-base=0x250000000 norelocdll.c
 */
__declspec(dllexport) const char norelocdll_text[] = "data of a DLL without relocations";
