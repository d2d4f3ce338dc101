/*
 * Files by name: _stat/_fstat (all time/size widths), _access, _chmod,
 * _utime/_futime, _findfirst/_findnext/_findclose, _unlink/remove/rename,
 * directories (_mkdir, _rmdir, _chdir, _getcwd, _getdcwd, _getdrive,
 * _chdrive, _fullpath, _getdiskfree), _mktemp, _tempnam, and the path
 * pieces (_splitpath, _makepath).
 *
 * Narrow names are converted with the ANSI code page and served by the
 * wide versions. The unsuffixed names (_stat, _findfirst...) are the x64
 * widths (64-bit time, 32-bit size); the .spec maps them.
 */
#include "private.h"
#include <io.h>
#include <direct.h>
#include <fcntl.h>
#include <string.h>
#include <wchar.h>
#include <sys/stat.h>
#include <sys/utime.h>

#define TICKS_1601_TO_1970 116444736000000000ULL

/* what every stat variant holds, before narrowing */
struct stat_info
{
    unsigned int dev;
    unsigned short mode;
    short nlink;
    unsigned __int64 size;
    __int64 atime, mtime, ctime;
};

/* what every find variant holds */
struct find_info
{
    unsigned int attrib;
    __int64 ctime, atime, wtime;
    unsigned __int64 size;
    const wchar_t *name;
};

static __int64 time_from_filetime(const FILETIME *ft)
{
    unsigned __int64 ticks = (unsigned __int64)ft->dwHighDateTime << 32 | ft->dwLowDateTime;

    if (!ticks) return 0;
    return (__int64)(ticks - TICKS_1601_TO_1970) / 10000000;
}

static void filetime_from_time(__int64 t, FILETIME *ft)
{
    unsigned __int64 ticks = (unsigned __int64)t * 10000000 + TICKS_1601_TO_1970;

    ft->dwLowDateTime = (DWORD)ticks;
    ft->dwHighDateTime = (DWORD)(ticks >> 32);
}

static wchar_t *wide_path(const char *path)
{
    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    return msvcrt_narrow_to_wide(path, CP_ACP);
}

static int fail_win32(void)
{
    msvcrt_set_errno_from_win32(GetLastError());
    return -1;
}

/* ---- stat ---- */

static BOOL has_exec_extension(const wchar_t *path)
{
    static const wchar_t *const exts[] = { L".exe", L".com", L".bat", L".cmd" };
    const wchar_t *dot = wcsrchr(path, '.');
    unsigned int i;

    if (!dot) return FALSE;
    for (i = 0; i < ARRAYSIZE(exts); i++) if (!_wcsicmp(dot, exts[i])) return TRUE;
    return FALSE;
}

static unsigned int drive_of(const wchar_t *path)
{
    wchar_t cwd[MAX_PATH];

    if (path[0] && path[1] == ':') return (path[0] | 0x20) - 'a';
    if (GetCurrentDirectoryW(MAX_PATH, cwd) && cwd[1] == ':') return (cwd[0] | 0x20) - 'a';
    return 0;
}

static int stat_path(const wchar_t *path, struct stat_info *info)
{
    WIN32_FILE_ATTRIBUTE_DATA data;
    wchar_t *copy;
    size_t len;
    BOOL ok;

    if (!path || !info)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    len = wcslen(path);
    if (!len || wcspbrk(path, L"?*"))
    {
        *_errno() = ENOENT;
        return -1;
    }
    /* "dir\" names the directory; a trailing slash on a file does not match */
    copy = _wcsdup(path);
    if (!copy) return -1;
    if (len > 1 && (copy[len - 1] == '\\' || copy[len - 1] == '/') && copy[len - 2] != ':') copy[len - 1] = 0;
    ok = GetFileAttributesExW(copy, GetFileExInfoStandard, &data);
    free(copy);
    if (!ok) return fail_win32();
    if (len > 1 && (path[len - 1] == '\\' || path[len - 1] == '/') &&
        !(data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY))
    {
        *_errno() = ENOENT;
        return -1;
    }
    memset(info, 0, sizeof(*info));
    info->dev = drive_of(path);
    info->nlink = 1;
    info->mode = _S_IREAD;
    if (!(data.dwFileAttributes & FILE_ATTRIBUTE_READONLY)) info->mode |= _S_IWRITE;
    if (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) info->mode |= _S_IFDIR | _S_IEXEC;
    else
    {
        info->mode |= _S_IFREG;
        if (has_exec_extension(path)) info->mode |= _S_IEXEC;
        info->size = (unsigned __int64)data.nFileSizeHigh << 32 | data.nFileSizeLow;
    }
    /* user bits copied to group and other, as msvcrt */
    info->mode |= (info->mode & 0700) >> 3 | (info->mode & 0700) >> 6;
    info->atime = time_from_filetime(&data.ftLastAccessTime);
    info->mtime = time_from_filetime(&data.ftLastWriteTime);
    info->ctime = time_from_filetime(&data.ftCreationTime);
    return 0;
}

static int stat_fd(int fd, struct stat_info *info)
{
    HANDLE handle = (HANDLE)_get_osfhandle(fd);
    BY_HANDLE_FILE_INFORMATION hfi;
    DWORD type, avail;

    if (handle == INVALID_HANDLE_VALUE) return -1;
    if (!info)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    memset(info, 0, sizeof(*info));
    info->dev = fd;
    info->nlink = 1;
    type = GetFileType(handle);
    if (type == FILE_TYPE_CHAR)
    {
        info->mode = _S_IFCHR;
        return 0;
    }
    if (type == FILE_TYPE_PIPE)
    {
        info->mode = _S_IFIFO;
        if (PeekNamedPipe(handle, NULL, 0, NULL, &avail, NULL)) info->size = avail;
        return 0;
    }
    if (!GetFileInformationByHandle(handle, &hfi)) return fail_win32();
    info->mode = _S_IFREG | _S_IREAD;
    if (!(hfi.dwFileAttributes & FILE_ATTRIBUTE_READONLY)) info->mode |= _S_IWRITE;
    if (hfi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) info->mode = (info->mode & ~_S_IFREG) | _S_IFDIR;
    info->mode |= (info->mode & 0700) >> 3 | (info->mode & 0700) >> 6;
    info->nlink = hfi.nNumberOfLinks;
    info->size = (unsigned __int64)hfi.nFileSizeHigh << 32 | hfi.nFileSizeLow;
    info->atime = time_from_filetime(&hfi.ftLastAccessTime);
    info->mtime = time_from_filetime(&hfi.ftLastWriteTime);
    info->ctime = time_from_filetime(&hfi.ftCreationTime);
    return 0;
}

#define FILL_STAT(buf, info, time_type, size_type) do { \
    memset((buf), 0, sizeof(*(buf))); \
    (buf)->st_dev = (buf)->st_rdev = (info).dev; \
    (buf)->st_mode = (info).mode; \
    (buf)->st_nlink = (info).nlink; \
    (buf)->st_size = (size_type)(info).size; \
    (buf)->st_atime = (time_type)(info).atime; \
    (buf)->st_mtime = (time_type)(info).mtime; \
    (buf)->st_ctime = (time_type)(info).ctime; \
} while (0)

/* msvcrt_wstat64, msvcrt_stat64, msvcrt_fstat64 and the other widths */
#define STAT_FUNCS(suffix, type, time_type, size_type) \
int __cdecl msvcrt_wstat##suffix(const wchar_t *path, struct type *buf) \
{ \
    struct stat_info info; \
    if (stat_path(path, &info)) return -1; \
    FILL_STAT(buf, info, time_type, size_type); \
    return 0; \
} \
int __cdecl msvcrt_stat##suffix(const char *path, struct type *buf) \
{ \
    wchar_t *wpath = wide_path(path); \
    int ret; \
    if (!wpath) return -1; \
    ret = msvcrt_wstat##suffix(wpath, buf); \
    free(wpath); \
    return ret; \
} \
int __cdecl msvcrt_fstat##suffix(int fd, struct type *buf) \
{ \
    struct stat_info info; \
    if (stat_fd(fd, &info)) return -1; \
    FILL_STAT(buf, info, time_type, size_type); \
    return 0; \
}

STAT_FUNCS(64, _stat64, __time64_t, __int64)
STAT_FUNCS(64i32, _stat64i32, __time64_t, _off_t)
STAT_FUNCS(32, _stat32, __time32_t, _off_t)
STAT_FUNCS(32i64, _stat32i64, __time32_t, __int64)

/* ---- access, chmod, utime ---- */

int __cdecl _waccess(const wchar_t *path, int mode)
{
    DWORD attrs;

    /* ucrtbase rejects modes other than 0, 2, 4, 6; msvcrt.dll ignores the rest */
    if (!path || (MSVCRT_IS_UCRT && (mode & ~6)))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if ((attrs = GetFileAttributesW(path)) == INVALID_FILE_ATTRIBUTES) return fail_win32();
    /* a read-only file refuses write access; directories never do */
    if ((mode & 2) && (attrs & FILE_ATTRIBUTE_READONLY) && !(attrs & FILE_ATTRIBUTE_DIRECTORY))
    {
        *_errno() = EACCES;
        return -1;
    }
    return 0;
}

int __cdecl _access(const char *path, int mode)
{
    wchar_t *wpath = wide_path(path);
    int ret;

    if (!wpath) return -1;
    ret = _waccess(wpath, mode);
    free(wpath);
    return ret;
}

errno_t __cdecl _waccess_s(const wchar_t *path, int mode)
{
    return _waccess(path, mode) ? *_errno() : 0;
}

errno_t __cdecl _access_s(const char *path, int mode)
{
    return _access(path, mode) ? *_errno() : 0;
}

int __cdecl _wchmod(const wchar_t *path, int mode)
{
    DWORD attrs;

    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if ((attrs = GetFileAttributesW(path)) == INVALID_FILE_ATTRIBUTES) return fail_win32();
    if (mode & _S_IWRITE) attrs &= ~FILE_ATTRIBUTE_READONLY;
    else attrs |= FILE_ATTRIBUTE_READONLY;
    return SetFileAttributesW(path, attrs) ? 0 : fail_win32();
}

int __cdecl _chmod(const char *path, int mode)
{
    wchar_t *wpath = wide_path(path);
    int ret;

    if (!wpath) return -1;
    ret = _wchmod(wpath, mode);
    free(wpath);
    return ret;
}

static int set_times(HANDLE handle, BOOL now, __int64 atime, __int64 mtime)
{
    FILETIME at, mt;

    if (now)
    {
        GetSystemTimeAsFileTime(&at);
        mt = at;
    }
    else
    {
        filetime_from_time(atime, &at);
        filetime_from_time(mtime, &mt);
    }
    return SetFileTime(handle, NULL, &at, &mt) ? 0 : fail_win32();
}

int __cdecl _futime64(int fd, struct __utimbuf64 *times)
{
    HANDLE handle = (HANDLE)_get_osfhandle(fd);

    if (handle == INVALID_HANDLE_VALUE) return -1;
    return set_times(handle, !times, times ? times->actime : 0, times ? times->modtime : 0);
}

int __cdecl _futime32(int fd, struct __utimbuf32 *times)
{
    struct __utimbuf64 t64;

    if (!times) return _futime64(fd, NULL);
    t64.actime = times->actime;
    t64.modtime = times->modtime;
    return _futime64(fd, &t64);
}

int __cdecl _wutime64(const wchar_t *path, struct __utimbuf64 *times)
{
    HANDLE handle;
    int ret;

    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    handle = CreateFileW(path, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                         OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (handle == INVALID_HANDLE_VALUE) return fail_win32();
    ret = set_times(handle, !times, times ? times->actime : 0, times ? times->modtime : 0);
    CloseHandle(handle);
    return ret;
}

int __cdecl _wutime32(const wchar_t *path, struct __utimbuf32 *times)
{
    struct __utimbuf64 t64;

    if (!times) return _wutime64(path, NULL);
    t64.actime = times->actime;
    t64.modtime = times->modtime;
    return _wutime64(path, &t64);
}

int __cdecl _utime64(const char *path, struct __utimbuf64 *times)
{
    wchar_t *wpath = wide_path(path);
    int ret;

    if (!wpath) return -1;
    ret = _wutime64(wpath, times);
    free(wpath);
    return ret;
}

int __cdecl _utime32(const char *path, struct __utimbuf32 *times)
{
    wchar_t *wpath = wide_path(path);
    int ret;

    if (!wpath) return -1;
    ret = _wutime32(wpath, times);
    free(wpath);
    return ret;
}

/* ---- find ---- */

static void find_info_from(const WIN32_FIND_DATAW *data, struct find_info *info)
{
    /* FILE_ATTRIBUTE_NORMAL alone reads as _A_NORMAL (0) */
    info->attrib = data->dwFileAttributes == FILE_ATTRIBUTE_NORMAL ? 0 : data->dwFileAttributes;
    info->ctime = time_from_filetime(&data->ftCreationTime);
    info->atime = time_from_filetime(&data->ftLastAccessTime);
    info->wtime = time_from_filetime(&data->ftLastWriteTime);
    info->size = (unsigned __int64)data->nFileSizeHigh << 32 | data->nFileSizeLow;
    info->name = data->cFileName;
}

static intptr_t find_first(const wchar_t *spec, struct find_info *info, WIN32_FIND_DATAW *data)
{
    HANDLE handle;

    if (!spec)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    handle = FindFirstFileW(spec, data);
    if (handle == INVALID_HANDLE_VALUE)
    {
        fail_win32();
        return -1;
    }
    find_info_from(data, info);
    return (intptr_t)handle;
}

static int find_next(intptr_t handle, struct find_info *info, WIN32_FIND_DATAW *data)
{
    if (!FindNextFileW((HANDLE)handle, data))
    {
        /* the end of the list is ENOENT */
        *_errno() = ENOENT;
        return -1;
    }
    find_info_from(data, info);
    return 0;
}

int __cdecl _findclose(intptr_t handle)
{
    if (!FindClose((HANDLE)handle))
    {
        *_errno() = ENOENT;
        return -1;
    }
    return 0;
}

#define FILL_FIND(buf, info, time_type, size_type) do { \
    (buf)->attrib = (info).attrib; \
    (buf)->time_create = (time_type)(info).ctime; \
    (buf)->time_access = (time_type)(info).atime; \
    (buf)->time_write = (time_type)(info).wtime; \
    (buf)->size = (size_type)(info).size; \
} while (0)

#define FIND_FUNCS(suffix, ntype, wtype, time_type, size_type) \
intptr_t __cdecl msvcrt_wfindfirst##suffix(const wchar_t *spec, struct wtype *buf) \
{ \
    WIN32_FIND_DATAW data; \
    struct find_info info; \
    intptr_t ret = find_first(spec, &info, &data); \
    if (ret == -1) return -1; \
    FILL_FIND(buf, info, time_type, size_type); \
    lstrcpynW(buf->name, info.name, ARRAYSIZE(buf->name)); \
    return ret; \
} \
int __cdecl msvcrt_wfindnext##suffix(intptr_t handle, struct wtype *buf) \
{ \
    WIN32_FIND_DATAW data; \
    struct find_info info; \
    if (find_next(handle, &info, &data)) return -1; \
    FILL_FIND(buf, info, time_type, size_type); \
    lstrcpynW(buf->name, info.name, ARRAYSIZE(buf->name)); \
    return 0; \
} \
intptr_t __cdecl msvcrt_findfirst##suffix(const char *spec, struct ntype *buf) \
{ \
    WIN32_FIND_DATAW data; \
    struct find_info info; \
    wchar_t *wspec = wide_path(spec); \
    intptr_t ret; \
    if (!wspec) return -1; \
    ret = find_first(wspec, &info, &data); \
    free(wspec); \
    if (ret == -1) return -1; \
    FILL_FIND(buf, info, time_type, size_type); \
    WideCharToMultiByte(CP_ACP, 0, info.name, -1, buf->name, sizeof(buf->name), NULL, NULL); \
    return ret; \
} \
int __cdecl msvcrt_findnext##suffix(intptr_t handle, struct ntype *buf) \
{ \
    WIN32_FIND_DATAW data; \
    struct find_info info; \
    if (find_next(handle, &info, &data)) return -1; \
    FILL_FIND(buf, info, time_type, size_type); \
    WideCharToMultiByte(CP_ACP, 0, info.name, -1, buf->name, sizeof(buf->name), NULL, NULL); \
    return 0; \
}

FIND_FUNCS(64, __finddata64_t, _wfinddata64_t, __time64_t, __int64)
FIND_FUNCS(64i32, _finddata64i32_t, _wfinddata64i32_t, __time64_t, _fsize_t)
FIND_FUNCS(32, _finddata32_t, _wfinddata32_t, __time32_t, _fsize_t)
FIND_FUNCS(32i64, _finddata32i64_t, _wfinddata32i64_t, __time32_t, __int64)

/* ---- removing and renaming ---- */

int __cdecl _wunlink(const wchar_t *path)
{
    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    return DeleteFileW(path) ? 0 : fail_win32();
}

int __cdecl _unlink(const char *path)
{
    wchar_t *wpath = wide_path(path);
    int ret;

    if (!wpath) return -1;
    ret = _wunlink(wpath);
    free(wpath);
    return ret;
}

int __cdecl _wremove(const wchar_t *path)
{
    return _wunlink(path);
}

int __cdecl remove(const char *path)
{
    return _unlink(path);
}

int __cdecl _wrename(const wchar_t *from, const wchar_t *to)
{
    if (!from || !to)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    /* an existing target is an error, as on Windows */
    return MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED) ? 0 : fail_win32();
}

int __cdecl rename(const char *from, const char *to)
{
    wchar_t *wfrom = wide_path(from), *wto = wfrom ? wide_path(to) : NULL;
    int ret = -1;

    if (wfrom && wto) ret = _wrename(wfrom, wto);
    free(wfrom);
    free(wto);
    return ret;
}

/* ---- directories ---- */

int __cdecl _wmkdir(const wchar_t *path)
{
    if (!path) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return CreateDirectoryW(path, NULL) ? 0 : fail_win32();
}

int __cdecl _wrmdir(const wchar_t *path)
{
    if (!path) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return RemoveDirectoryW(path) ? 0 : fail_win32();
}

int __cdecl _wchdir(const wchar_t *path)
{
    wchar_t cwd[MAX_PATH], var[4] = L"=A:";

    if (!path) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    if (!SetCurrentDirectoryW(path)) return fail_win32();
    /* remember the drive's directory in "=X:", as cmd.exe and msvcrt do */
    if (GetCurrentDirectoryW(MAX_PATH, cwd) && cwd[1] == ':')
    {
        var[1] = cwd[0] & ~0x20;
        SetEnvironmentVariableW(var, cwd);
    }
    return 0;
}

#define NARROW_PATH_CALL(name, wname) \
int __cdecl name(const char *path) \
{ \
    wchar_t *wpath = wide_path(path); \
    int ret; \
    if (!wpath) return -1; \
    ret = wname(wpath); \
    free(wpath); \
    return ret; \
}

NARROW_PATH_CALL(_mkdir, _wmkdir)
NARROW_PATH_CALL(_rmdir, _wrmdir)
NARROW_PATH_CALL(_chdir, _wchdir)

/* Copies a result into buf (or a new block when buf is NULL). */
static wchar_t *return_wide(wchar_t *buf, int size, const wchar_t *value)
{
    int len = wcslen(value) + 1;

    if (!buf)
    {
        if (!(buf = malloc((size > len ? size : len) * sizeof(wchar_t))))
        {
            *_errno() = ENOMEM;
            return NULL;
        }
    }
    else if (len > size)
    {
        *_errno() = ERANGE;
        return NULL;
    }
    memcpy(buf, value, len * sizeof(wchar_t));
    return buf;
}

static char *return_narrow(char *buf, int size, const wchar_t *value)
{
    char *narrow = msvcrt_wide_to_narrow(value, CP_ACP);
    int len;

    if (!narrow) return NULL;
    len = strlen(narrow) + 1;
    if (!buf)
    {
        if (size > len && (buf = malloc(size))) memcpy(buf, narrow, len);
        else buf = narrow, narrow = NULL;
    }
    else if (len > size)
    {
        *_errno() = ERANGE;
        buf = NULL;
    }
    else memcpy(buf, narrow, len);
    free(narrow);
    return buf;
}

wchar_t * __cdecl _wgetcwd(wchar_t *buf, int size)
{
    wchar_t cwd[MAX_PATH];

    if (buf && size <= 0) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    if (!GetCurrentDirectoryW(MAX_PATH, cwd)) { fail_win32(); return NULL; }
    return return_wide(buf, size, cwd);
}

char * __cdecl _getcwd(char *buf, int size)
{
    wchar_t cwd[MAX_PATH];

    if (buf && size <= 0) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    if (!GetCurrentDirectoryW(MAX_PATH, cwd)) { fail_win32(); return NULL; }
    return return_narrow(buf, size, cwd);
}

static BOOL drive_cwd(int drive, wchar_t *cwd)
{
    wchar_t spec[3] = L"A:";

    if (!drive) return GetCurrentDirectoryW(MAX_PATH, cwd) != 0;
    if (drive < 1 || drive > 26 || !(GetLogicalDrives() & (1u << (drive - 1))))
    {
        *_errno() = EACCES;
        msvcrt_get_thread_data()->thread_doserrno = ERROR_INVALID_DRIVE;
        return FALSE;
    }
    spec[0] += drive - 1;
    return GetFullPathNameW(spec, MAX_PATH, cwd, NULL) != 0;
}

wchar_t * __cdecl _wgetdcwd(int drive, wchar_t *buf, int size)
{
    wchar_t cwd[MAX_PATH];

    if (!drive_cwd(drive, cwd)) return NULL;
    return return_wide(buf, size, cwd);
}

char * __cdecl _getdcwd(int drive, char *buf, int size)
{
    wchar_t cwd[MAX_PATH];

    if (!drive_cwd(drive, cwd)) return NULL;
    return return_narrow(buf, size, cwd);
}

int __cdecl _getdrive(void)
{
    wchar_t cwd[MAX_PATH];

    if (GetCurrentDirectoryW(MAX_PATH, cwd) && cwd[1] == ':') return (cwd[0] | 0x20) - 'a' + 1;
    return 0;
}

int __cdecl _chdrive(int drive)
{
    wchar_t spec[3] = L"A:";

    if (drive < 1 || drive > 26)
    {
        msvcrt_invalid_parameter();
        *_errno() = EACCES;
        return -1;
    }
    spec[0] += drive - 1;
    return SetCurrentDirectoryW(spec) ? 0 : fail_win32();
}

unsigned long __cdecl _getdrives(void)
{
    return GetLogicalDrives();
}

wchar_t * __cdecl _wfullpath(wchar_t *abs, const wchar_t *rel, size_t size)
{
    wchar_t full[MAX_PATH];

    if (!rel || !*rel) return _wgetcwd(abs, size);
    if (!GetFullPathNameW(rel, MAX_PATH, full, NULL)) { fail_win32(); return NULL; }
    return return_wide(abs, abs ? (int)size : MAX_PATH, full);
}

char * __cdecl _fullpath(char *abs, const char *rel, size_t size)
{
    wchar_t *wrel, full[MAX_PATH];

    if (!rel || !*rel) return _getcwd(abs, size);
    if (!(wrel = msvcrt_narrow_to_wide(rel, CP_ACP))) return NULL;
    if (!GetFullPathNameW(wrel, MAX_PATH, full, NULL))
    {
        free(wrel);
        fail_win32();
        return NULL;
    }
    free(wrel);
    return return_narrow(abs, abs ? (int)size : MAX_PATH, full);
}

/* ---- _mktemp: "XXXXXX" -> letter + 5 digits of the process id ---- */

wchar_t * __cdecl _wmktemp(wchar_t *template)
{
    size_t len;
    wchar_t *x;
    DWORD id = GetCurrentProcessId() % 100000;
    int i;

    if (!template || (len = wcslen(template)) < 6 || wcscmp(template + len - 6, L"XXXXXX"))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    x = template + len - 6;
    for (i = 5; i >= 1; i--, id /= 10) x[i] = '0' + id % 10;
    for (x[0] = 'a'; x[0] <= 'z'; x[0]++)
        if (GetFileAttributesW(template) == INVALID_FILE_ATTRIBUTES) return template;
    *_errno() = EEXIST;
    return NULL;
}

char * __cdecl _mktemp(char *template)
{
    size_t len;
    char *x;
    DWORD id = GetCurrentProcessId() % 100000;
    int i;

    if (!template || (len = strlen(template)) < 6 || strcmp(template + len - 6, "XXXXXX"))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    x = template + len - 6;
    for (i = 5; i >= 1; i--, id /= 10) x[i] = '0' + id % 10;
    for (x[0] = 'a'; x[0] <= 'z'; x[0]++)
        if (GetFileAttributesA(template) == INVALID_FILE_ATTRIBUTES) return template;
    *_errno() = EEXIST;
    return NULL;
}

/* ---- _tempnam: dir from TMP, else the given one, else the temp folder ---- */

wchar_t * __cdecl _wtempnam(const wchar_t *dir, const wchar_t *prefix)
{
    const wchar_t *tmp = _wgetenv(L"TMP");
    wchar_t path[MAX_PATH], name[MAX_PATH];
    DWORD attrs;

    if (tmp && (attrs = GetFileAttributesW(tmp)) != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY))
        dir = tmp;
    else if (!dir || (attrs = GetFileAttributesW(dir)) == INVALID_FILE_ATTRIBUTES || !(attrs & FILE_ATTRIBUTE_DIRECTORY))
    {
        if (!GetTempPathW(MAX_PATH, path)) return NULL;
        dir = path;
    }
    /* GetTempFileName creates the file; _tempnam only names one */
    if (!GetTempFileNameW(dir, prefix ? prefix : L"", 0, name)) { fail_win32(); return NULL; }
    DeleteFileW(name);
    return _wcsdup(name);
}

char * __cdecl _tempnam(const char *dir, const char *prefix)
{
    wchar_t *wdir = dir ? msvcrt_narrow_to_wide(dir, CP_ACP) : NULL;
    wchar_t *wprefix = prefix ? msvcrt_narrow_to_wide(prefix, CP_ACP) : NULL;
    wchar_t *name = _wtempnam(wdir, wprefix);
    char *ret = name ? msvcrt_wide_to_narrow(name, CP_ACP) : NULL;

    free(wdir);
    free(wprefix);
    free(name);
    return ret;
}

unsigned int __cdecl _getdiskfree(unsigned int drive, struct _diskfree_t *info)
{
    wchar_t root[4] = L"A:\\";
    DWORD sectors_per_cluster, bytes_per_sector, free_clusters, total_clusters;

    if (!info) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    if (drive > 26) return ERROR_INVALID_PARAMETER;
    if (drive) root[0] += drive - 1;
    if (!GetDiskFreeSpaceW(drive ? root : NULL, &sectors_per_cluster, &bytes_per_sector,
                           &free_clusters, &total_clusters))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return GetLastError();
    }
    info->total_clusters = total_clusters;
    info->avail_clusters = free_clusters;
    info->sectors_per_cluster = sectors_per_cluster;
    info->bytes_per_sector = bytes_per_sector;
    return 0;
}

/* ---- path pieces ---- */

/* Copies len units of src to dst (if dst), with a terminator. */
static void copy_piece(wchar_t *dst, const wchar_t *src, size_t len)
{
    if (!dst) return;
    memcpy(dst, src, len * sizeof(wchar_t));
    dst[len] = 0;
}

/* drive "X:", dir up to the last slash, fname up to the last dot, ext */
void __cdecl _wsplitpath(const wchar_t *path, wchar_t *drive, wchar_t *dir, wchar_t *fname, wchar_t *ext)
{
    const wchar_t *p, *last_slash = NULL, *last_dot = NULL, *end;

    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return;
    }
    if (path[0] && path[1] == ':')
    {
        copy_piece(drive, path, 2);
        path += 2;
    }
    else copy_piece(drive, path, 0);
    for (p = path; *p; p++)
    {
        if (*p == '\\' || *p == '/') last_slash = p;
        else if (*p == '.') last_dot = p;
    }
    end = p;
    if (last_slash)
    {
        copy_piece(dir, path, last_slash + 1 - path);
        path = last_slash + 1;
    }
    else copy_piece(dir, path, 0);
    if (last_dot && last_dot >= path)
    {
        copy_piece(fname, path, last_dot - path);
        copy_piece(ext, last_dot, end - last_dot);
    }
    else
    {
        copy_piece(fname, path, end - path);
        copy_piece(ext, end, 0);
    }
}

void __cdecl _splitpath(const char *path, char *drive, char *dir, char *fname, char *ext)
{
    wchar_t *wpath = wide_path(path);
    wchar_t wdrive[_MAX_DRIVE], wdir[_MAX_DIR], wfname[_MAX_FNAME], wext[_MAX_EXT];

    if (!wpath) return;
    _wsplitpath(wpath, wdrive, wdir, wfname, wext);
    if (drive) WideCharToMultiByte(CP_ACP, 0, wdrive, -1, drive, _MAX_DRIVE, NULL, NULL);
    if (dir) WideCharToMultiByte(CP_ACP, 0, wdir, -1, dir, _MAX_DIR, NULL, NULL);
    if (fname) WideCharToMultiByte(CP_ACP, 0, wfname, -1, fname, _MAX_FNAME, NULL, NULL);
    if (ext) WideCharToMultiByte(CP_ACP, 0, wext, -1, ext, _MAX_EXT, NULL, NULL);
    free(wpath);
}

/* Joins the pieces: a drive letter gets ':', a dir a trailing '\\', an
 * extension its '.', as needed. */
void __cdecl _wmakepath(wchar_t *path, const wchar_t *drive, const wchar_t *dir,
                        const wchar_t *fname, const wchar_t *ext)
{
    wchar_t *p = path;
    size_t len;

    if (!path) return;
    if (drive && *drive)
    {
        *p++ = drive[0];
        *p++ = ':';
    }
    if (dir && *dir)
    {
        len = wcslen(dir);
        memcpy(p, dir, len * sizeof(wchar_t));
        p += len;
        if (dir[len - 1] != '\\' && dir[len - 1] != '/') *p++ = '\\';
    }
    if (fname && *fname)
    {
        len = wcslen(fname);
        memcpy(p, fname, len * sizeof(wchar_t));
        p += len;
    }
    if (ext && *ext)
    {
        if (*ext != '.') *p++ = '.';
        len = wcslen(ext);
        memcpy(p, ext, len * sizeof(wchar_t));
        p += len;
    }
    *p = 0;
}

void __cdecl _makepath(char *path, const char *drive, const char *dir, const char *fname, const char *ext)
{
    char *p = path;
    size_t len;

    if (!path) return;
    if (drive && *drive)
    {
        *p++ = drive[0];
        *p++ = ':';
    }
    if (dir && *dir)
    {
        len = strlen(dir);
        memcpy(p, dir, len);
        p += len;
        if (dir[len - 1] != '\\' && dir[len - 1] != '/') *p++ = '\\';
    }
    if (fname && *fname)
    {
        len = strlen(fname);
        memcpy(p, fname, len);
        p += len;
    }
    if (ext && *ext)
    {
        if (*ext != '.') *p++ = '.';
        len = strlen(ext);
        memcpy(p, ext, len);
        p += len;
    }
    *p = 0;
}
