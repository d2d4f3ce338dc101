/*
 * SHGetFileInfo: what a console machine can say about a file without icons
 * or file-type handlers: the kind of program it is (SHGFI_EXETYPE, asked by
 * cmd.exe before it starts a program), its display name, its type name in
 * the plain form Windows gives a type with no handler, and its attributes.
 * Icons and image lists do not exist here; asking for one fails.
 */
#include "private.h"

#define SIG_MZ 0x5a4d   /* 'MZ' */
#define SIG_PE 0x4550   /* 'PE' */
#define SIG_NE 0x454e   /* 'NE' */

/* reads `size` bytes at `offset`; FALSE when the file is shorter */
static BOOL read_at(HANDLE file, DWORD offset, void *buf, DWORD size)
{
    DWORD done;

    if (SetFilePointer(file, offset, NULL, FILE_BEGIN) == INVALID_SET_FILE_POINTER) return FALSE;
    return ReadFile(file, buf, size, &done, NULL) && done == size;
}

/*
 * SHGFI_EXETYPE: 'MZ' for a DOS program; 'PE' (or 'NE') with a zero high
 * word for a console program, with the subsystem version in the high word
 * for a GUI one; 0 for anything else (tests/shell32/fileinfo.c).
 */
static DWORD_PTR exe_type(const WCHAR *path)
{
    IMAGE_DOS_HEADER dos;
    IMAGE_NT_HEADERS64 nt;   /* the fields read sit where they do in the 32-bit form */
    DWORD_PTR ret = 0;
    HANDLE file;

    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) return 0;
    if (!read_at(file, 0, &dos, sizeof(dos)) || dos.e_magic != IMAGE_DOS_SIGNATURE) goto done;
    ret = SIG_MZ;
    if (!read_at(file, dos.e_lfanew, &nt, FIELD_OFFSET(IMAGE_NT_HEADERS64, OptionalHeader.SizeOfStackReserve)))
        goto done;
    if (nt.Signature == IMAGE_NT_SIGNATURE)
    {
        if (nt.OptionalHeader.Subsystem == IMAGE_SUBSYSTEM_WINDOWS_CUI) ret = SIG_PE;
        else ret = MAKELONG(SIG_PE, MAKEWORD(nt.OptionalHeader.MinorSubsystemVersion,
                                             nt.OptionalHeader.MajorSubsystemVersion));
    }
    else if (LOWORD(nt.Signature) == IMAGE_OS2_SIGNATURE)
    {
        IMAGE_OS2_HEADER *ne = (IMAGE_OS2_HEADER *)&nt;
        ret = MAKELONG(SIG_NE, ne->ne_expver);
    }
done:
    CloseHandle(file);
    return ret;
}

/* SHGFI_TYPENAME for a type with no handler: "EXT File", "File", and the
 * names Windows gives programs and folders */
static void type_name(const WCHAR *path, DWORD attr, WCHAR *out, int len)
{
    const WCHAR *ext = PathFindExtensionW(path);

    if (attr & FILE_ATTRIBUTE_DIRECTORY) lstrcpynW(out, L"File folder", len);
    else if (!lstrcmpiW(ext, L".exe") || !lstrcmpiW(ext, L".com")) lstrcpynW(out, L"Application", len);
    else if (!*ext || !ext[1]) lstrcpynW(out, L"File", len);
    else
    {
        int n = LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_UPPERCASE, ext + 1, -1, out, len - 5);
        out[n ? n - 1 : 0] = 0;
        lstrcatW(out, L" File");
    }
}

DWORD_PTR WINAPI SHGetFileInfoW(LPCWSTR path, DWORD attr, SHFILEINFOW *info, UINT size, UINT flags)
{
    WCHAR buf[MAX_PATH];

    if (flags & SHGFI_PIDL)
    {
        if (!SHGetPathFromIDListW((PCIDLIST_ABSOLUTE)path, buf)) return 0;
        path = buf;
    }
    if (!path) return 0;
    if (flags & SHGFI_EXETYPE) return exe_type(path);
    /* no icons, overlays or system image list on this machine */
    if (flags & (SHGFI_ICON | SHGFI_SYSICONINDEX | SHGFI_ICONLOCATION)) return 0;
    if (!(flags & SHGFI_USEFILEATTRIBUTES) && (attr = GetFileAttributesW(path)) == INVALID_FILE_ATTRIBUTES)
        return 0;
    if (!info) return 1;
    if (size && size < sizeof(*info)) return 0;
    if (flags & SHGFI_DISPLAYNAME) lstrcpynW(info->szDisplayName, PathFindFileNameW(path), MAX_PATH);
    if (flags & SHGFI_TYPENAME) type_name(path, attr, info->szTypeName, ARRAYSIZE(info->szTypeName));
    if (flags & SHGFI_ATTRIBUTES)
    {
        info->dwAttributes = SFGAO_CANCOPY | SFGAO_CANMOVE | SFGAO_CANRENAME | SFGAO_CANDELETE |
                             SFGAO_HASPROPSHEET | SFGAO_FILESYSTEM;
        if (attr & FILE_ATTRIBUTE_DIRECTORY) info->dwAttributes |= SFGAO_FOLDER | SFGAO_FILESYSANCESTOR;
        if (attr & FILE_ATTRIBUTE_HIDDEN) info->dwAttributes |= SFGAO_HIDDEN;
        if (attr & FILE_ATTRIBUTE_READONLY) info->dwAttributes |= SFGAO_READONLY;
    }
    return 1;
}

DWORD_PTR WINAPI SHGetFileInfoA(LPCSTR path, DWORD attr, SHFILEINFOA *info, UINT size, UINT flags)
{
    SHFILEINFOW infow;
    WCHAR *pathw = (flags & SHGFI_PIDL) ? (WCHAR *)path : shell32_strdup_aw(path);
    DWORD_PTR ret;

    if (info && size && size < sizeof(*info)) ret = 0;
    else ret = SHGetFileInfoW(pathw, attr, info ? &infow : NULL, sizeof(infow), flags);
    if (pathw != (WCHAR *)path) HeapFree(GetProcessHeap(), 0, pathw);
    if (!ret || !info || (flags & SHGFI_EXETYPE)) return ret;
    if (flags & SHGFI_DISPLAYNAME)
        WideCharToMultiByte(CP_ACP, 0, infow.szDisplayName, -1, info->szDisplayName, MAX_PATH, NULL, NULL);
    if (flags & SHGFI_TYPENAME)
        WideCharToMultiByte(CP_ACP, 0, infow.szTypeName, -1, info->szTypeName, ARRAYSIZE(info->szTypeName), NULL, NULL);
    if (flags & SHGFI_ATTRIBUTES) info->dwAttributes = infow.dwAttributes;
    return ret;
}
