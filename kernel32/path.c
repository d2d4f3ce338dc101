/*
 * kernel32/path.c — path names: full paths, the current directory, the temp
 * folder and temp file names, long and short names (wlx keeps no 8.3 names,
 * so the short name is the long one), SearchPath, the Windows and system
 * folders, drives and volumes.
 *
 * Size rules, as Windows has them: on success the length without the NUL,
 * when the buffer is too small the size needed including it.
 *
 * Sections: helpers · full path and current directory · temp ·
 * long/short names · search · system folders · drives and volumes ·
 * A functions.
 */
#include "private.h"

static const WCHAR windows_dir[] = L"C:\\windows";
static const WCHAR system_dir[] = L"C:\\windows\\system32";

/* --- helpers ---------------------------------------------------------------- */

static DWORD copy_result(const WCHAR *s, DWORD len, WCHAR *buf, DWORD size)
{
    if (len >= size) return len + 1;
    memmove(buf, s, len * sizeof(WCHAR));
    buf[len] = 0;
    return len;
}

static BOOL exists(const WCHAR *path)
{
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

/* the A result of a W call into an A buffer, with the same size rules */
static DWORD result_WtoA(const WCHAR *w, char *buf, DWORD size)
{
    DWORD alen = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if (!alen) return 0;
    if (alen > size) return alen;
    WideCharToMultiByte(CP_ACP, 0, w, -1, buf, size, NULL, NULL);
    return alen - 1;
}

/* --- full path and current directory ------------------------------------------ */

/* RtlGetFullPathName_U counts bytes: the length, or the size needed with the NUL */
DWORD WINAPI GetFullPathNameW(LPCWSTR name, DWORD size, LPWSTR buf, LPWSTR *file_part)
{
    ULONG ret;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    ret = RtlGetFullPathName_U(name, size * sizeof(WCHAR), buf, file_part);
    if (!ret) SetLastError(ERROR_INVALID_NAME);
    return ret / sizeof(WCHAR);
}

DWORD WINAPI GetCurrentDirectoryW(DWORD size, LPWSTR buf)
{
    return RtlGetCurrentDirectory_U(size * sizeof(WCHAR), buf) / sizeof(WCHAR);
}

BOOL WINAPI SetCurrentDirectoryW(LPCWSTR dir)
{
    UNICODE_STRING us;
    if (!dir) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    RtlInitUnicodeString(&us, dir);
    return set_ntstatus(RtlSetCurrentDirectory_U(&us));
}

/* --- temp --------------------------------------------------------------------- */

/* TMP, then TEMP, then USERPROFILE, then the Windows folder; always with a
   final backslash */
DWORD WINAPI GetTempPathW(DWORD size, LPWSTR buf)
{
    static const WCHAR *const vars[] = { L"TMP", L"TEMP", L"USERPROFILE" };
    WCHAR value[MAX_PATH], full[MAX_PATH + 1];
    DWORD len = 0;

    for (int i = 0; i < 3 && !len; i++)
    {
        DWORD n = GetEnvironmentVariableW(vars[i], value, MAX_PATH);
        if (n && n < MAX_PATH) len = GetFullPathNameW(value, MAX_PATH, full, NULL);
        if (len >= MAX_PATH) len = 0;
    }
    if (!len) len = GetWindowsDirectoryW(full, MAX_PATH);
    if (full[len - 1] != '\\') { full[len++] = '\\'; full[len] = 0; }
    return copy_result(full, len, buf, size);
}

/* Windows 11's form: the same for a process that is not SYSTEM */
DWORD WINAPI GetTempPath2W(DWORD size, LPWSTR buf)
{
    return GetTempPathW(size, buf);
}

UINT WINAPI GetTempFileNameW(LPCWSTR dir, LPCWSTR prefix, UINT unique, LPWSTR buf)
{
    static const WCHAR hex[] = L"0123456789ABCDEF";
    WCHAR *p;
    UINT num = unique & 0xffff, tries;

    if (!dir || !buf) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (wcslen(dir) > MAX_PATH - 14) { SetLastError(ERROR_BUFFER_OVERFLOW); return 0; }
    wcscpy(buf, dir);
    p = buf + wcslen(buf);
    if (p > buf && p[-1] != '\\') *p++ = '\\';
    for (int i = 0; prefix && prefix[i] && i < 3; i++) *p++ = prefix[i];
    if (!num)
    {
        LARGE_INTEGER now;
        NtQueryPerformanceCounter(&now, NULL);
        num = (now.u.LowPart ^ (now.u.LowPart >> 16) ^ GetCurrentProcessId()) & 0xffff;
    }
    for (tries = 0; tries < 0x10000; tries++, num = (num + 1) & 0xffff)
    {
        WCHAR *q = p;
        HANDLE h;
        if (!num) continue;
        /* hexadecimal, no leading zeros */
        for (int shift = 12, started = 0; shift >= 0; shift -= 4)
            if (started || (num >> shift) & 0xf || !shift) { *q++ = hex[(num >> shift) & 0xf]; started = 1; }
        wcscpy(q, L".tmp");
        /* a given number only builds the name */
        if (unique) return unique;
        h = CreateFileW(buf, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) { CloseHandle(h); return num; }
        if (GetLastError() != ERROR_FILE_EXISTS && GetLastError() != ERROR_SHARING_VIOLATION) return 0;
    }
    SetLastError(ERROR_FILE_EXISTS);
    return 0;
}

/* --- long/short names ------------------------------------------------------------ */

static DWORD same_name(LPCWSTR in, LPWSTR out, DWORD size)
{
    if (!in) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!*in) { SetLastError(ERROR_PATH_NOT_FOUND); return 0; }
    if (!exists(in)) return 0;
    return copy_result(in, wcslen(in), out, out ? size : 0);
}

DWORD WINAPI GetLongPathNameW(LPCWSTR shortpath, LPWSTR longpath, DWORD size)
{
    return same_name(shortpath, longpath, size);
}

DWORD WINAPI GetShortPathNameW(LPCWSTR longpath, LPWSTR shortpath, DWORD size)
{
    return same_name(longpath, shortpath, size);
}

/* --- search ------------------------------------------------------------------------ */

/* dir\name(+ext) if it exists: its full path in out (MAX_PATH) */
static BOOL try_candidate(const WCHAR *dir, size_t dirlen, const WCHAR *name, const WCHAR *ext, WCHAR *out)
{
    WCHAR path[MAX_PATH * 2];
    size_t n = 0, nlen = wcslen(name), elen = ext ? wcslen(ext) : 0;
    if (dirlen + nlen + elen + 2 >= ARRAYSIZE(path)) return FALSE;
    if (dirlen)
    {
        memcpy(path, dir, dirlen * sizeof(WCHAR));
        n = dirlen;
        if (path[n - 1] != '\\' && path[n - 1] != '/') path[n++] = '\\';
    }
    memcpy(path + n, name, nlen * sizeof(WCHAR));
    n += nlen;
    if (elen) memcpy(path + n, ext, elen * sizeof(WCHAR));
    path[n + elen] = 0;
    if (!exists(path)) return FALSE;
    return GetFullPathNameW(path, MAX_PATH, out, NULL) < MAX_PATH;
}

/* each folder of a ';' list */
static BOOL search_list(const WCHAR *list, const WCHAR *name, const WCHAR *ext, WCHAR *out)
{
    while (list && *list)
    {
        const WCHAR *end = wcschr(list, ';');
        size_t len = end ? (size_t)(end - list) : wcslen(list);
        if (len && try_candidate(list, len, name, ext, out)) return TRUE;
        list = end ? end + 1 : NULL;
    }
    return FALSE;
}

/* with no path: the program's folder, the current folder, system32, the
   Windows folder, then PATH */
/* SetSearchPathMode: BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE, and
   BASE_SEARCH_PATH_PERMANENT once it may change no more */
static LONG search_mode;

static BOOL search_default(const WCHAR *name, const WCHAR *ext, WCHAR *out)
{
    UNICODE_STRING *image = (UNICODE_STRING *)(k32_params() + PP_IMAGE_PATH);
    BOOL safe = (search_mode & BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE) != 0;
    const WCHAR *slash = NULL;
    WCHAR *pathvar;
    BOOL found;
    for (USHORT i = 0; i < image->Length / sizeof(WCHAR); i++) if (image->Buffer[i] == '\\') slash = image->Buffer + i;
    if (slash && try_candidate(image->Buffer, slash - image->Buffer, name, ext, out)) return TRUE;
    if (!safe && try_candidate(L".", 1, name, ext, out)) return TRUE;
    if (try_candidate(system_dir, wcslen(system_dir), name, ext, out)) return TRUE;
    if (try_candidate(windows_dir, wcslen(windows_dir), name, ext, out)) return TRUE;
    /* safe search mode: the current folder after the system's */
    if (safe && try_candidate(L".", 1, name, ext, out)) return TRUE;
    DWORD len = GetEnvironmentVariableW(L"PATH", NULL, 0);
    if (!len || !(pathvar = RtlAllocateHeap(PROCESS_HEAP(), 0, len * sizeof(WCHAR)))) return FALSE;
    GetEnvironmentVariableW(L"PATH", pathvar, len);
    found = search_list(pathvar, name, ext, out);
    RtlFreeHeap(PROCESS_HEAP(), 0, pathvar);
    return found;
}

DWORD WINAPI SearchPathW(LPCWSTR path, LPCWSTR name, LPCWSTR ext, DWORD size, LPWSTR buf, LPWSTR *file_part)
{
    WCHAR found[MAX_PATH];
    const WCHAR *base;
    BOOL ok;
    DWORD len;

    if (!name || !*name) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    base = name;
    for (const WCHAR *p = name; *p; p++) if (*p == '\\' || *p == '/' || *p == ':') base = p + 1;
    /* the extension is only added to a name without one */
    if (wcschr(base, '.')) ext = NULL;
    /* a name with a folder in it is looked up as it is */
    if (base != name || (name[0] == '.' && (name[1] == '\\' || (name[1] == '.' && name[2] == '\\'))))
        ok = try_candidate(NULL, 0, name, ext, found);
    else if (path)
        ok = search_list(path, name, ext, found);
    else
        ok = search_default(name, ext, found);
    if (!ok) { SetLastError(ERROR_FILE_NOT_FOUND); return 0; }
    len = copy_result(found, wcslen(found), buf, buf ? size : 0);
    if (file_part && len < size)
    {
        WCHAR *slash = wcsrchr(buf, '\\');
        *file_part = slash ? slash + 1 : buf;
    }
    return len;
}

/* one of enable or disable, maybe made permanent (only when enabling);
   after a permanent setting no change is allowed (ERROR_ACCESS_DENIED) */
BOOL WINAPI SetSearchPathMode(DWORD flags)
{
    DWORD mode = flags & ~BASE_SEARCH_PATH_PERMANENT;
    LONG old, new;

    if ((mode != BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE && mode != BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE) ||
        ((flags & BASE_SEARCH_PATH_PERMANENT) && mode != BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    new = mode == BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE ? (LONG)flags : 0;
    do
    {
        old = __atomic_load_n(&search_mode, __ATOMIC_ACQUIRE);
        if (old & BASE_SEARCH_PATH_PERMANENT) { SetLastError(ERROR_ACCESS_DENIED); return FALSE; }
    } while (!__atomic_compare_exchange_n(&search_mode, &old, new, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
    return TRUE;
}

/* whether CreateProcess-style searches for `name` include the current
   folder: always for a name with a folder in it, else unless the variable
   NoDefaultCurrentDirectoryInExePath is set (documented) */
BOOL WINAPI NeedCurrentDirectoryForExePathW(LPCWSTR name)
{
    WCHAR value[1];
    DWORD err = GetLastError();
    BOOL ret;

    if (name && wcschr(name, '\\')) return TRUE;
    ret = !GetEnvironmentVariableW(L"NoDefaultCurrentDirectoryInExePath", value, ARRAYSIZE(value));
    SetLastError(err);
    return ret;
}

/* --- system folders ----------------------------------------------------------------- */

UINT WINAPI GetWindowsDirectoryW(LPWSTR buf, UINT size)
{
    return copy_result(windows_dir, wcslen(windows_dir), buf, buf ? size : 0);
}

UINT WINAPI GetSystemWindowsDirectoryW(LPWSTR buf, UINT size)
{
    return GetWindowsDirectoryW(buf, size);
}

UINT WINAPI GetSystemDirectoryW(LPWSTR buf, UINT size)
{
    return copy_result(system_dir, wcslen(system_dir), buf, buf ? size : 0);
}

/* no 32-bit side */
UINT WINAPI GetSystemWow64DirectoryW(LPWSTR buf, UINT size)
{
    (void)buf; (void)size;
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return 0;
}

/* --- drives and volumes --------------------------------------------------------------- */

static BOOL drive_exists(int letter)
{
    WCHAR root[4] = { (WCHAR)('A' + letter), ':', '\\', 0 };
    DWORD attr = GetFileAttributesW(root);
    return attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY);
}

DWORD WINAPI GetLogicalDrives(void)
{
    DWORD mask = 0;
    for (int i = 0; i < 26; i++) if (drive_exists(i)) mask |= 1u << i;
    return mask;
}

DWORD WINAPI GetLogicalDriveStringsW(DWORD size, LPWSTR buf)
{
    DWORD mask = GetLogicalDrives(), count = 0, n = 0;
    for (int i = 0; i < 26; i++) if (mask & (1u << i)) count++;
    if (count * 4 + 1 > size) return count * 4 + 1;
    for (int i = 0; i < 26; i++)
    {
        if (!(mask & (1u << i))) continue;
        buf[n++] = 'A' + i; buf[n++] = ':'; buf[n++] = '\\'; buf[n++] = 0;
    }
    buf[n] = 0;
    return n;
}

int __cdecl _snwprintf(WCHAR *, size_t, const WCHAR *, ...);   /* ntdll's */

/* --- QueryDosDevice: the DOS device names and what they stand for. Drives
   are volumes numbered by letter; NUL is the null device. --- */

/* the NT target of one DOS device name into buf (size characters); its
   length, 0 when the name is unknown */
static DWORD dos_device_target(const WCHAR *name, WCHAR *buf, DWORD size)
{
    WCHAR target[64];
    DWORD mask = GetLogicalDrives(), len = 0;
    if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) && name[1] == ':' && !name[2])
    {
        int d = (name[0] | 0x20) - 'a';
        if (!(mask & (1u << d))) return 0;
        _snwprintf(target, ARRAYSIZE(target), L"\\Device\\HarddiskVolume%d", d + 1);
    }
    else if (!lstrcmpiW(name, L"NUL")) lstrcpyW(target, L"\\Device\\Null");
    else return 0;
    len = lstrlenW(target);
    if (len + 2 <= size) { memcpy(buf, target, (len + 1) * sizeof(WCHAR)); buf[len + 1] = 0; }
    return len + 2;   /* the target and the list's final NUL */
}

DWORD WINAPI QueryDosDeviceW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    DWORD n = 0;
    if (name)
    {
        DWORD need = dos_device_target(name, buf, size);
        if (!need) { SetLastError(ERROR_FILE_NOT_FOUND); return 0; }
        if (need > size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        return need;
    }
    /* all names: "C:\0Z:\0NUL\0\0" */
    DWORD mask = GetLogicalDrives();
    for (int i = 0; i <= 26; i++)
    {
        WCHAR item[4] = { (WCHAR)('A' + i), ':', 0 };
        if (i < 26 && !(mask & (1u << i))) continue;
        if (i == 26) lstrcpyW(item, L"NUL");
        DWORD len = lstrlenW(item) + 1;
        if (n + len + 1 > size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        memcpy(buf + n, item, len * sizeof(WCHAR));
        n += len;
    }
    buf[n++] = 0;
    return n;
}

DWORD WINAPI QueryDosDeviceA(LPCSTR name, LPSTR buf, DWORD size)
{
    WCHAR wname[MAX_PATH], *wbuf;
    DWORD n;
    if (name && !MultiByteToWideChar(CP_ACP, 0, name, -1, wname, MAX_PATH)) { SetLastError(ERROR_FILE_NOT_FOUND); return 0; }
    if (!(wbuf = HeapAlloc(GetProcessHeap(), 0, (size + 1) * sizeof(WCHAR)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    n = QueryDosDeviceW(name ? wname : NULL, wbuf, size);
    /* the names and targets are ASCII: one byte each */
    for (DWORD i = 0; i < n; i++) buf[i] = (char)wbuf[i];
    HeapFree(GetProcessHeap(), 0, wbuf);
    return n;
}

/* root: "X:\", "X:" or NULL for the current drive; returns the drive index or -1 */
static int drive_of(const WCHAR *root)
{
    WCHAR cur[MAX_PATH];
    if (!root)
    {
        if (!GetCurrentDirectoryW(MAX_PATH, cur)) return -1;
        root = cur;
    }
    if (!root[0] || root[1] != ':') return -1;
    WCHAR c = root[0] | 0x20;
    return c >= 'a' && c <= 'z' ? c - 'a' : -1;
}

UINT WINAPI GetDriveTypeW(LPCWSTR root)
{
    int d = drive_of(root);
    if (d < 0 || !drive_exists(d)) return DRIVE_NO_ROOT_DIR;
    return DRIVE_FIXED;
}

/* a handle on a folder of the volume: the one given (a folder elsewhere
   than the root may be another Unix file system), or the current drive's root */
static HANDLE open_root(const WCHAR *dir)
{
    WCHAR path[4];
    if (!dir)
    {
        int d = drive_of(NULL);
        if (d < 0) { SetLastError(ERROR_PATH_NOT_FOUND); return INVALID_HANDLE_VALUE; }
        path[0] = 'A' + d; path[1] = ':'; path[2] = '\\'; path[3] = 0;
        dir = path;
    }
    return CreateFileW(dir, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

/* what GetVolumeInformation(ByHandle)W report, from a handle on the volume */
static BOOL volume_info(HANDLE h, LPWSTR label, DWORD label_size, DWORD *serial,
                        DWORD *max_component, DWORD *fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
    BYTE volbuf[sizeof(FILE_FS_VOLUME_INFORMATION) + 64 * sizeof(WCHAR)];
    BYTE attrbuf[sizeof(FILE_FS_ATTRIBUTE_INFORMATION) + 64 * sizeof(WCHAR)];
    FILE_FS_VOLUME_INFORMATION *vol = (FILE_FS_VOLUME_INFORMATION *)volbuf;
    FILE_FS_ATTRIBUTE_INFORMATION *fs = (FILE_FS_ATTRIBUTE_INFORMATION *)attrbuf;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    status = NtQueryVolumeInformationFile(h, &io, vol, sizeof(volbuf), FileFsVolumeInformation);
    if (!status || status == STATUS_BUFFER_OVERFLOW)
        status = NtQueryVolumeInformationFile(h, &io, fs, sizeof(attrbuf), FileFsAttributeInformation);
    if (status && status != STATUS_BUFFER_OVERFLOW) return set_ntstatus(status);
    if (label && label_size)
    {
        DWORD n = min(vol->VolumeLabelLength / sizeof(WCHAR), label_size - 1);
        memcpy(label, vol->VolumeLabel, n * sizeof(WCHAR));
        label[n] = 0;
    }
    if (serial) *serial = vol->VolumeSerialNumber;
    if (max_component) *max_component = fs->MaximumComponentNameLength;
    if (fs_flags) *fs_flags = fs->FileSystemAttributes;
    if (fs_name && fs_name_size)
    {
        DWORD n = min(fs->FileSystemNameLength / sizeof(WCHAR), fs_name_size - 1);
        memcpy(fs_name, fs->FileSystemName, n * sizeof(WCHAR));
        fs_name[n] = 0;
    }
    return TRUE;
}

BOOL WINAPI GetVolumeInformationW(LPCWSTR root, LPWSTR label, DWORD label_size, DWORD *serial,
                                  DWORD *max_component, DWORD *fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
    HANDLE h;
    BOOL ret;

    /* a root is given with its final backslash */
    if (root && root[0] && root[wcslen(root) - 1] != '\\') { SetLastError(ERROR_INVALID_NAME); return FALSE; }
    if ((h = open_root(root)) == INVALID_HANDLE_VALUE) return FALSE;
    ret = volume_info(h, label, label_size, serial, max_component, fs_flags, fs_name, fs_name_size);
    CloseHandle(h);
    return ret;
}

/* the same for the volume a file or folder handle is on */
BOOL WINAPI GetVolumeInformationByHandleW(HANDLE h, LPWSTR label, DWORD label_size, DWORD *serial,
                                          DWORD *max_component, DWORD *fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
    return volume_info(h, label, label_size, serial, max_component, fs_flags, fs_name, fs_name_size);
}

BOOL WINAPI GetDiskFreeSpaceExW(LPCWSTR dir, ULARGE_INTEGER *avail, ULARGE_INTEGER *total, ULARGE_INTEGER *free_bytes)
{
    FILE_FS_FULL_SIZE_INFORMATION info;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    HANDLE h = open_root(dir);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    status = NtQueryVolumeInformationFile(h, &io, &info, sizeof(info), FileFsFullSizeInformation);
    CloseHandle(h);
    if (!set_ntstatus(status)) return FALSE;
    ULONGLONG unit = (ULONGLONG)info.SectorsPerAllocationUnit * info.BytesPerSector;
    if (avail) avail->QuadPart = info.CallerAvailableAllocationUnits.QuadPart * unit;
    if (total) total->QuadPart = info.TotalAllocationUnits.QuadPart * unit;
    if (free_bytes) free_bytes->QuadPart = info.ActualAvailableAllocationUnits.QuadPart * unit;
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceW(LPCWSTR root, DWORD *sectors_per_cluster, DWORD *bytes_per_sector,
                              DWORD *free_clusters, DWORD *total_clusters)
{
    FILE_FS_SIZE_INFORMATION info;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    HANDLE h = open_root(root);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    status = NtQueryVolumeInformationFile(h, &io, &info, sizeof(info), FileFsSizeInformation);
    CloseHandle(h);
    if (!set_ntstatus(status)) return FALSE;
    /* the counts are 32-bit: big volumes report what fits, as Windows does */
    if (sectors_per_cluster) *sectors_per_cluster = info.SectorsPerAllocationUnit;
    if (bytes_per_sector) *bytes_per_sector = info.BytesPerSector;
    if (free_clusters) *free_clusters = min(info.AvailableAllocationUnits.QuadPart, 0xffffffffULL);
    if (total_clusters) *total_clusters = min(info.TotalAllocationUnits.QuadPart, 0xffffffffULL);
    return TRUE;
}

/* the root of the volume a path is on: its drive's root */
BOOL WINAPI GetVolumePathNameW(LPCWSTR path, LPWSTR buf, DWORD size)
{
    WCHAR full[MAX_PATH * 4];
    DWORD len = GetFullPathNameW(path, ARRAYSIZE(full), full, NULL);
    if (!len || len >= ARRAYSIZE(full)) return FALSE;
    if (full[1] != ':') { SetLastError(ERROR_INVALID_NAME); return FALSE; }
    if (size < 4) { SetLastError(ERROR_FILENAME_EXCED_RANGE); return FALSE; }
    buf[0] = full[0]; buf[1] = ':'; buf[2] = '\\'; buf[3] = 0;
    return TRUE;
}

/* --- A functions ----------------------------------------------------------------------- */

static WCHAR *AtoW(const char *s)
{
    WCHAR *w = s ? k32_strdup_AtoW(s) : NULL;
    if (s && !w) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return w;
}

static void free_w(WCHAR *w)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
}

DWORD WINAPI GetFullPathNameA(LPCSTR name, DWORD size, LPSTR buf, LPSTR *file_part)
{
    WCHAR *w = AtoW(name), full[MAX_PATH * 4], *wpart = NULL;
    DWORD len, ret;
    if (!w) { if (!name) SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    len = GetFullPathNameW(w, ARRAYSIZE(full), full, &wpart);
    free_w(w);
    if (!len || len >= ARRAYSIZE(full)) return 0;
    ret = result_WtoA(full, buf, size);
    if (file_part)
    {
        *file_part = NULL;
        if (ret < size && wpart)
            *file_part = buf + WideCharToMultiByte(CP_ACP, 0, full, wpart - full, NULL, 0, NULL, NULL);
    }
    return ret;
}

DWORD WINAPI GetCurrentDirectoryA(DWORD size, LPSTR buf)
{
    WCHAR w[MAX_PATH * 4];
    DWORD len = GetCurrentDirectoryW(ARRAYSIZE(w), w);
    if (!len || len >= ARRAYSIZE(w)) return 0;
    return result_WtoA(w, buf, size);
}

BOOL WINAPI SetCurrentDirectoryA(LPCSTR dir)
{
    WCHAR *w = AtoW(dir);
    BOOL ret;
    if (!w) { if (!dir) SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    ret = SetCurrentDirectoryW(w);
    free_w(w);
    return ret;
}

DWORD WINAPI GetTempPathA(DWORD size, LPSTR buf)
{
    WCHAR w[MAX_PATH + 1];
    DWORD len = GetTempPathW(ARRAYSIZE(w), w);
    if (!len || len >= ARRAYSIZE(w)) return 0;
    return result_WtoA(w, buf, size);
}

UINT WINAPI GetTempFileNameA(LPCSTR dir, LPCSTR prefix, UINT unique, LPSTR buf)
{
    WCHAR *wdir = AtoW(dir), *wprefix = AtoW(prefix), wbuf[MAX_PATH];
    UINT ret = 0;
    if (wdir && (wprefix || !prefix))
    {
        ret = GetTempFileNameW(wdir, wprefix, unique, wbuf);
        if (ret) WideCharToMultiByte(CP_ACP, 0, wbuf, -1, buf, MAX_PATH, NULL, NULL);
    }
    else if (!dir) SetLastError(ERROR_INVALID_PARAMETER);
    free_w(wdir);
    free_w(wprefix);
    return ret;
}

static DWORD same_name_A(LPCSTR in, LPSTR out, DWORD size)
{
    WCHAR *w = AtoW(in);
    DWORD ret = 0;
    if (!w) { if (!in) SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (same_name(w, NULL, 0)) ret = result_WtoA(w, out, out ? size : 0);
    free_w(w);
    return ret;
}

DWORD WINAPI GetLongPathNameA(LPCSTR shortpath, LPSTR longpath, DWORD size)
{
    return same_name_A(shortpath, longpath, size);
}

DWORD WINAPI GetShortPathNameA(LPCSTR longpath, LPSTR shortpath, DWORD size)
{
    return same_name_A(longpath, shortpath, size);
}

DWORD WINAPI SearchPathA(LPCSTR path, LPCSTR name, LPCSTR ext, DWORD size, LPSTR buf, LPSTR *file_part)
{
    WCHAR *wpath = AtoW(path), *wname = AtoW(name), *wext = AtoW(ext), found[MAX_PATH];
    DWORD ret = 0;
    if (wname && SearchPathW(wpath, wname, wext, MAX_PATH, found, NULL))
    {
        ret = result_WtoA(found, buf, size);
        if (file_part && ret < size)
        {
            char *slash = strrchr(buf, '\\');
            *file_part = slash ? slash + 1 : buf;
        }
    }
    else if (!name) SetLastError(ERROR_INVALID_PARAMETER);
    free_w(wpath);
    free_w(wname);
    free_w(wext);
    return ret;
}

BOOL WINAPI NeedCurrentDirectoryForExePathA(LPCSTR name)
{
    if (name && strchr(name, '\\')) return TRUE;
    return NeedCurrentDirectoryForExePathW(NULL);
}

UINT WINAPI GetWindowsDirectoryA(LPSTR buf, UINT size)
{
    return result_WtoA(windows_dir, buf, buf ? size : 0);
}

UINT WINAPI GetSystemWindowsDirectoryA(LPSTR buf, UINT size)
{
    return GetWindowsDirectoryA(buf, size);
}

UINT WINAPI GetSystemDirectoryA(LPSTR buf, UINT size)
{
    return result_WtoA(system_dir, buf, buf ? size : 0);
}

UINT WINAPI GetSystemWow64DirectoryA(LPSTR buf, UINT size)
{
    (void)buf; (void)size;
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return 0;
}

UINT WINAPI GetDriveTypeA(LPCSTR root)
{
    WCHAR *w = AtoW(root);
    UINT ret = GetDriveTypeW(w);
    free_w(w);
    return ret;
}

DWORD WINAPI GetLogicalDriveStringsA(DWORD size, LPSTR buf)
{
    DWORD mask = GetLogicalDrives(), count = 0, n = 0;
    for (int i = 0; i < 26; i++) if (mask & (1u << i)) count++;
    if (count * 4 + 1 > size) return count * 4 + 1;
    for (int i = 0; i < 26; i++)
    {
        if (!(mask & (1u << i))) continue;
        buf[n++] = 'A' + i; buf[n++] = ':'; buf[n++] = '\\'; buf[n++] = 0;
    }
    buf[n] = 0;
    return n;
}

BOOL WINAPI GetVolumeInformationA(LPCSTR root, LPSTR label, DWORD label_size, DWORD *serial,
                                  DWORD *max_component, DWORD *fs_flags, LPSTR fs_name, DWORD fs_name_size)
{
    WCHAR *w = AtoW(root), wlabel[MAX_PATH + 1], wfs[MAX_PATH + 1];
    BOOL ret = (w || !root) && GetVolumeInformationW(w, wlabel, ARRAYSIZE(wlabel), serial, max_component, fs_flags,
                                                     wfs, ARRAYSIZE(wfs));
    free_w(w);
    if (!ret) return FALSE;
    if (label && label_size) WideCharToMultiByte(CP_ACP, 0, wlabel, -1, label, label_size, NULL, NULL);
    if (fs_name && fs_name_size) WideCharToMultiByte(CP_ACP, 0, wfs, -1, fs_name, fs_name_size, NULL, NULL);
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceExA(LPCSTR dir, ULARGE_INTEGER *avail, ULARGE_INTEGER *total, ULARGE_INTEGER *free_bytes)
{
    WCHAR *w = AtoW(dir);
    BOOL ret = (w || !dir) && GetDiskFreeSpaceExW(w, avail, total, free_bytes);
    free_w(w);
    return ret;
}

BOOL WINAPI GetDiskFreeSpaceA(LPCSTR root, DWORD *spc, DWORD *bps, DWORD *free_clusters, DWORD *total_clusters)
{
    WCHAR *w = AtoW(root);
    BOOL ret = (w || !root) && GetDiskFreeSpaceW(w, spc, bps, free_clusters, total_clusters);
    free_w(w);
    return ret;
}

DWORD WINAPI GetTempPath2A(DWORD size, LPSTR buf)
{
    return GetTempPathA(size, buf);
}

BOOL WINAPI GetVolumePathNameA(LPCSTR path, LPSTR buf, DWORD size)
{
    WCHAR *w = AtoW(path), wbuf[4];
    BOOL ret = w && GetVolumePathNameW(w, wbuf, ARRAYSIZE(wbuf));
    free_w(w);
    if (!ret) return FALSE;
    if (size < 4) { SetLastError(ERROR_FILENAME_EXCED_RANGE); return FALSE; }
    for (int i = 0; i < 4; i++) buf[i] = (char)wbuf[i];
    return TRUE;
}
