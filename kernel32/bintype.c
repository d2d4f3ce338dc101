/*
 * kernel32/bintype.c — GetBinaryTypeW/A: what kind of program a file is,
 * from its headers: a PE image's machine (SCS_64BIT_BINARY for x64 and
 * ARM64, SCS_32BIT_BINARY for i386), an NE image (SCS_WOW_BINARY), an
 * OS/2 LE/LX one (SCS_OS216_BINARY), another MZ file (SCS_DOS_BINARY).
 * Anything else is not a program: FALSE with ERROR_BAD_EXE_FORMAT.
 */
#include "private.h"

/* reads `size` bytes at `offset`; FALSE if the file is shorter */
static BOOL read_at(HANDLE file, DWORD offset, void *buf, DWORD size)
{
    OVERLAPPED ov = { 0 };
    DWORD got;
    ov.Offset = offset;
    return ReadFile(file, buf, size, &got, &ov) && got == size;
}

static BOOL classify(HANDLE file, DWORD *type)
{
    IMAGE_DOS_HEADER dos;
    struct { DWORD signature; IMAGE_FILE_HEADER file; } nt;

    if (!read_at(file, 0, &dos, sizeof(dos)) || dos.e_magic != IMAGE_DOS_SIGNATURE) return FALSE;
    *type = SCS_DOS_BINARY;
    if (!read_at(file, dos.e_lfanew, &nt, sizeof(nt))) return TRUE;
    if (nt.signature == IMAGE_NT_SIGNATURE)
    {
        switch (nt.file.Machine)
        {
        case IMAGE_FILE_MACHINE_AMD64: case IMAGE_FILE_MACHINE_ARM64: case IMAGE_FILE_MACHINE_IA64:
            *type = SCS_64BIT_BINARY; break;
        case IMAGE_FILE_MACHINE_I386: case IMAGE_FILE_MACHINE_ARMNT:
            *type = SCS_32BIT_BINARY; break;
        default: return FALSE;
        }
    }
    else if (LOWORD(nt.signature) == IMAGE_OS2_SIGNATURE) *type = SCS_WOW_BINARY;
    else if (LOWORD(nt.signature) == IMAGE_OS2_SIGNATURE_LE || LOWORD(nt.signature) == 0x584c /* LX */)
        *type = SCS_OS216_BINARY;
    return TRUE;
}

BOOL WINAPI GetBinaryTypeW(const WCHAR *name, DWORD *type)
{
    HANDLE file;
    BOOL ok;

    if (!name || !type) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    file = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) return FALSE;
    ok = classify(file, type);
    CloseHandle(file);
    if (!ok) SetLastError(ERROR_BAD_EXE_FORMAT);
    return ok;
}

BOOL WINAPI GetBinaryTypeA(const char *name, DWORD *type)
{
    WCHAR *w;
    BOOL ok;

    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(w = k32_strdup_AtoW(name))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    ok = GetBinaryTypeW(w, type);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ok;
}
