/*
 * tests/ntdll/image.c — an image's headers through ntdll: RtlImageNtHeader
 * (and Ex), RtlImageDirectoryEntryToData of a mapped image,
 * RtlImageRvaToSection, and RtlImageRvaToVa / RtlAddressInSectionTable of
 * an image read as a file (GraalVM's native images find their image heap
 * in their own file so).
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>

static IMAGE_NT_HEADERS *(WINAPI *pRtlImageNtHeader)(HMODULE);
static NTSTATUS (WINAPI *pRtlImageNtHeaderEx)(ULONG, void *, ULONG64, IMAGE_NT_HEADERS **);
static void *(WINAPI *pRtlImageDirectoryEntryToData)(HMODULE, BOOLEAN, WORD, ULONG *);
static IMAGE_SECTION_HEADER *(WINAPI *pRtlImageRvaToSection)(const IMAGE_NT_HEADERS *, HMODULE, ULONG);
static void *(WINAPI *pRtlImageRvaToVa)(const IMAGE_NT_HEADERS *, HMODULE, ULONG, IMAGE_SECTION_HEADER **);
static void *(WINAPI *pRtlAddressInSectionTable)(const IMAGE_NT_HEADERS *, HMODULE, ULONG);

int main(int argc, char **argv)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll"), exe = GetModuleHandleA(NULL);
    IMAGE_NT_HEADERS *nt, *file_nt;
    IMAGE_EXPORT_DIRECTORY *exports;
    IMAGE_SECTION_HEADER *sec, *hint = NULL;
    static char junk[4096];
    char path[MAX_PATH], *file;
    HANDLE h, mapping;
    ULONG size = 0;
    DWORD rva;

    test_start("ntdll:image");
    pRtlImageNtHeader = (void *)GetProcAddress(ntdll, "RtlImageNtHeader");
    pRtlImageNtHeaderEx = (void *)GetProcAddress(ntdll, "RtlImageNtHeaderEx");
    pRtlImageDirectoryEntryToData = (void *)GetProcAddress(ntdll, "RtlImageDirectoryEntryToData");
    pRtlImageRvaToSection = (void *)GetProcAddress(ntdll, "RtlImageRvaToSection");
    pRtlImageRvaToVa = (void *)GetProcAddress(ntdll, "RtlImageRvaToVa");
    pRtlAddressInSectionTable = (void *)GetProcAddress(ntdll, "RtlAddressInSectionTable");
    ok(pRtlImageNtHeader && pRtlImageDirectoryEntryToData && pRtlImageRvaToSection && pRtlImageRvaToVa,
       "missing exports\n");
    if (!pRtlImageNtHeader || !pRtlImageDirectoryEntryToData || !pRtlImageRvaToSection || !pRtlImageRvaToVa)
        return test_summary();
    /* Windows has both; Wine 8.0 neither */
    todo_wine(pRtlImageNtHeaderEx && pRtlAddressInSectionTable, "no RtlImageNtHeaderEx or RtlAddressInSectionTable\n");

    nt = pRtlImageNtHeader(exe);
    ok(nt == (IMAGE_NT_HEADERS *)((char *)exe + ((IMAGE_DOS_HEADER *)exe)->e_lfanew), "the exe's headers: %p\n", nt);
    ok(nt && nt->Signature == IMAGE_NT_SIGNATURE && nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC,
       "not PE32+\n");
    ok(pRtlImageNtHeader((HMODULE)junk) == NULL, "headers in a zeroed buffer\n");
    if (pRtlImageNtHeaderEx)
    {
        ok(pRtlImageNtHeaderEx(0, exe, 0x1000, &file_nt) == STATUS_SUCCESS && file_nt == nt, "Ex with a size\n");
        ok(pRtlImageNtHeaderEx(0, exe, 16, &file_nt) != STATUS_SUCCESS, "Ex with a size too small\n");
        ok(pRtlImageNtHeaderEx(0, junk, sizeof(junk), &file_nt) == STATUS_INVALID_IMAGE_FORMAT, "Ex of junk\n");
    }

    exports = pRtlImageDirectoryEntryToData(ntdll, TRUE, IMAGE_DIRECTORY_ENTRY_EXPORT, &size);
    ok(exports && size >= sizeof(*exports) && exports->NumberOfNames > 100, "ntdll's exports: %p, size %lu\n",
       exports, size);
    ok(pRtlImageDirectoryEntryToData(ntdll, TRUE, IMAGE_NUMBEROF_DIRECTORY_ENTRIES, &size) == NULL,
       "a directory past the table\n");

    sec = pRtlImageRvaToSection(nt, exe, nt->OptionalHeader.AddressOfEntryPoint);
    ok(sec && !memcmp(sec->Name, ".text", 6), "the entry point's section: %.8s\n", sec ? (char *)sec->Name : "none");
    ok(!pRtlImageRvaToSection(nt, exe, 0x7ffffff0), "a section far past the image\n");

    /* the exe read as a file: RVAs to file offsets */
    GetModuleFileNameA(NULL, path, sizeof(path));
    h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    mapping = CreateFileMappingA(h, NULL, PAGE_READONLY, 0, 0, NULL);
    file = MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
    ok(file != NULL, "the exe as a file: error %lu\n", GetLastError());
    if (file)
    {
        file_nt = pRtlImageNtHeader((HMODULE)file);
        ok(file_nt != NULL, "the file's headers\n");
        rva = sec ? sec->VirtualAddress + 16 : 0;
        ok(pRtlImageRvaToVa(file_nt, (HMODULE)file, rva, &hint) ==
           file + sec->PointerToRawData + 16 && hint && !memcmp(hint->Name, ".text", 6), "RtlImageRvaToVa\n");
        ok(!memcmp(pRtlImageRvaToVa(file_nt, (HMODULE)file, rva, NULL), (char *)exe + rva, 32),
           "the file has the image's bytes there\n");
        if (pRtlAddressInSectionTable)
            ok(pRtlAddressInSectionTable(file_nt, (HMODULE)file, rva) == file + sec->PointerToRawData + 16,
               "RtlAddressInSectionTable\n");
        UnmapViewOfFile(file);
    }
    CloseHandle(mapping);
    CloseHandle(h);
    return test_summary();
}
