/*
 * Low-level I/O: the fd table over HANDLEs and the functions working on
 * fds (_open family, _read/_write with text-mode translation, _lseek,
 * _close, _dup/_dup2, _setmode, _pipe, _chsize, _locking...).
 *
 * Text modes, as msvcrt: _O_TEXT turns "\n" into "\r\n" on write and
 * "\r\n" into "\n" on read, a ^Z ends the data; _O_WTEXT/_O_U16TEXT move
 * UTF-16 units, _O_U8TEXT converts UTF-16 <-> UTF-8. Wide output to a
 * console goes through WriteConsoleW.
 */
#include "private.h"
#include <io.h>
#include <fcntl.h>
#include <share.h>
#include <string.h>
#include <sys/locking.h>

/* per-fd flags (msvcrt's ioinfo "osfile" bits) */
#define FD_OPEN      0x01
#define FD_EOF       0x02  /* a ^Z was read in text mode */
#define FD_CRLF      0x04
#define FD_PIPE      0x08
#define FD_NOINHERIT 0x10
#define FD_APPEND    0x20
#define FD_DEVICE    0x40
#define FD_TEXT      0x80

struct fd_entry
{
    HANDLE        handle;
    unsigned char flags;
    unsigned char textmode;    /* enum msvcrt_textmode */
    unsigned char has_peek;    /* peek holds a byte read past a CR */
    char          peek;
};

static struct fd_entry fd_table[MSVCRT_MAX_FILES];
static int umask_value;

static struct fd_entry *get_fd(int fd)
{
    if (fd < 0 || fd >= MSVCRT_MAX_FILES || !(fd_table[fd].flags & FD_OPEN))
    {
        msvcrt_get_thread_data()->thread_doserrno = 0;
        *_errno() = EBADF;
        return NULL;
    }
    return &fd_table[fd];
}

/* mirrors fd's entry into __pioinfo, the table programs read directly (pioinfo.c) */
static void publish(int fd)
{
    msvcrt_ioinfo_sync(fd, fd_table[fd].handle, fd_table[fd].flags, fd_table[fd].textmode);
}

static HANDLE fd_handle(struct fd_entry *entry)
{
    return entry->handle;
}

static void set_entry(struct fd_entry *entry, HANDLE handle, int oflags)
{
    DWORD type = GetFileType(handle);
    unsigned char flags = FD_OPEN;

    if (type == FILE_TYPE_CHAR) flags |= FD_DEVICE;
    else if (type == FILE_TYPE_PIPE) flags |= FD_PIPE;
    if (oflags & _O_APPEND) flags |= FD_APPEND;
    if (oflags & _O_NOINHERIT) flags |= FD_NOINHERIT;
    if (!(oflags & _O_BINARY)) flags |= FD_TEXT;
    entry->handle = handle;
    entry->flags = flags;
    entry->has_peek = 0;
    if (oflags & _O_U8TEXT) entry->textmode = TEXTMODE_UTF8;
    else if (oflags & (_O_WTEXT | _O_U16TEXT)) entry->textmode = TEXTMODE_UTF16LE;
    else entry->textmode = TEXTMODE_ANSI;
    publish(entry - fd_table);
}

/* Text flags for an open: explicit ones win, else the global _fmode. */
static int default_text_flags(int oflags)
{
    if (oflags & (_O_TEXT | _O_BINARY | _O_WTEXT | _O_U16TEXT | _O_U8TEXT)) return oflags;
    return oflags | (msvcrt_fmode & _O_BINARY ? _O_BINARY : _O_TEXT);
}

static int alloc_fd_from(HANDLE handle, int oflags, int first)
{
    int fd;

    _lock(MSVCRT_LOCK_OSFHND);
    for (fd = first; fd < MSVCRT_MAX_FILES; fd++)
        if (!(fd_table[fd].flags & FD_OPEN)) break;
    if (fd < MSVCRT_MAX_FILES) set_entry(&fd_table[fd], handle, default_text_flags(oflags));
    _unlock(MSVCRT_LOCK_OSFHND);
    if (fd < MSVCRT_MAX_FILES) return fd;
    *_errno() = EMFILE;
    return -1;
}

int msvcrt_alloc_fd(HANDLE handle, int oflags)
{
    return alloc_fd_from(handle, oflags, 0);
}

/* fds handed down by a parent through STARTUPINFO.lpReserved2 (_spawn) */
static void inherit_fds(void)
{
    STARTUPINFOW si;
    const BYTE *flags;
    const HANDLE UNALIGNED *handles;
    int count, i;

    GetStartupInfoW(&si);
    if (!si.cbReserved2 || !si.lpReserved2 || si.cbReserved2 < sizeof(int)) return;
    count = *(const int UNALIGNED *)si.lpReserved2;
    if (count > MSVCRT_MAX_FILES) count = MSVCRT_MAX_FILES;
    if (si.cbReserved2 < sizeof(int) + count * (1 + sizeof(HANDLE))) return;
    flags = si.lpReserved2 + sizeof(int);
    handles = (const HANDLE UNALIGNED *)(flags + count);
    for (i = 0; i < count; i++)
    {
        if (!(flags[i] & FD_OPEN) || handles[i] == INVALID_HANDLE_VALUE) continue;
        fd_table[i].handle = handles[i];
        fd_table[i].flags = flags[i];
        fd_table[i].textmode = TEXTMODE_ANSI;
        publish(i);
    }
}

/* The fd table as a child gets it (inherit_fds above): the count, a flags
   byte per fd, then a HANDLE per fd; an fd opened with _O_NOINHERIT goes
   as closed. malloc'ed, its length in *size; NULL without memory. */
BYTE *msvcrt_fd_block(WORD *size)
{
    int count = 3, i;
    BYTE *block, *flags;
    HANDLE UNALIGNED *handles;

    _lock(MSVCRT_LOCK_OSFHND);
    for (i = 3; i < MSVCRT_MAX_FILES; i++)
        if (fd_table[i].flags & FD_OPEN) count = i + 1;
    *size = sizeof(int) + count * (1 + sizeof(HANDLE));
    if ((block = malloc(*size)))
    {
        *(int UNALIGNED *)block = count;
        flags = block + sizeof(int);
        handles = (HANDLE UNALIGNED *)(flags + count);
        for (i = 0; i < count; i++)
        {
            BOOL open = (fd_table[i].flags & (FD_OPEN | FD_NOINHERIT)) == FD_OPEN;
            flags[i] = open ? fd_table[i].flags : 0;
            handles[i] = open ? fd_table[i].handle : INVALID_HANDLE_VALUE;
        }
    }
    _unlock(MSVCRT_LOCK_OSFHND);
    return block;
}

static void init_std_fd(int fd, DWORD std)
{
    HANDLE handle = GetStdHandle(std);

    if (fd_table[fd].flags & FD_OPEN) return;
    if (handle && handle != INVALID_HANDLE_VALUE && GetFileType(handle) != FILE_TYPE_UNKNOWN)
    {
        set_entry(&fd_table[fd], handle, _O_TEXT);
        return;
    }
    /* no such std handle (GUI app): the fd exists but writes go nowhere */
    fd_table[fd].handle = INVALID_HANDLE_VALUE;
    fd_table[fd].flags = FD_OPEN | FD_DEVICE | FD_TEXT;
    fd_table[fd].textmode = TEXTMODE_ANSI;
    publish(fd);
}

void msvcrt_init_io(void)
{
    inherit_fds();
    init_std_fd(0, STD_INPUT_HANDLE);
    init_std_fd(1, STD_OUTPUT_HANDLE);
    init_std_fd(2, STD_ERROR_HANDLE);
}

void msvcrt_free_io(void)
{
}

int msvcrt_fd_is_text(int fd)
{
    return fd >= 0 && fd < MSVCRT_MAX_FILES && (fd_table[fd].flags & FD_TEXT);
}

int msvcrt_fd_textmode(int fd)
{
    if (!msvcrt_fd_is_text(fd)) return TEXTMODE_ANSI;
    return fd_table[fd].textmode;
}

int msvcrt_fd_is_device(int fd)
{
    return fd >= 0 && fd < MSVCRT_MAX_FILES && (fd_table[fd].flags & FD_DEVICE);
}

/* ---- opening ---- */

static DWORD creation_disposition(int oflags)
{
    if ((oflags & (_O_CREAT | _O_EXCL)) == (_O_CREAT | _O_EXCL)) return CREATE_NEW;
    if ((oflags & (_O_CREAT | _O_TRUNC)) == (_O_CREAT | _O_TRUNC)) return CREATE_ALWAYS;
    if (oflags & _O_CREAT) return OPEN_ALWAYS;
    if (oflags & _O_TRUNC) return TRUNCATE_EXISTING;
    return OPEN_EXISTING;
}

static DWORD share_mode(int shflag)
{
    switch (shflag)
    {
    case _SH_DENYRW: return 0;
    case _SH_DENYWR: return FILE_SHARE_READ;
    case _SH_DENYRD: return FILE_SHARE_WRITE;
    case _SH_DENYNO: return FILE_SHARE_READ | FILE_SHARE_WRITE;
    }
    return (DWORD)-1;
}

static DWORD open_access(int oflags)
{
    switch (oflags & _O_ACCMODE)
    {
    case _O_RDONLY: return GENERIC_READ;
    case _O_WRONLY: return GENERIC_WRITE;
    case _O_RDWR: return GENERIC_READ | GENERIC_WRITE;
    }
    return 0;
}

/* Unicode text modes: an empty file opened for writing gets the BOM; one
 * opened for reading has its BOM skipped, and with _O_WTEXT the BOM
 * found picks the encoding, none meaning ANSI text (as msvcrt's _open). */
static void handle_bom(int fd, int oflags)
{
    static const unsigned char utf8_bom[3] = { 0xef, 0xbb, 0xbf }, utf16_bom[2] = { 0xff, 0xfe };
    struct fd_entry *entry = &fd_table[fd];
    unsigned char textmode = entry->textmode, head[3];
    DWORD got = 0;

    entry->flags &= ~FD_TEXT;
    if ((oflags & _O_ACCMODE) != _O_RDONLY && _filelengthi64(fd) == 0)
    {
        if (oflags & _O_U8TEXT) _write(fd, utf8_bom, 3);
        else _write(fd, utf16_bom, 2);
    }
    else if ((oflags & _O_ACCMODE) != _O_WRONLY)
    {
        ReadFile(entry->handle, head, 3, &got, NULL);
        if (got == 3 && !memcmp(head, utf8_bom, 3))
        {
            if (oflags & _O_WTEXT) textmode = TEXTMODE_UTF8;
        }
        else if (got >= 2 && !memcmp(head, utf16_bom, 2))
        {
            if (oflags & _O_WTEXT) textmode = TEXTMODE_UTF16LE;
            SetFilePointer(entry->handle, 2, NULL, FILE_BEGIN);
        }
        else
        {
            /* no BOM: _O_WTEXT reads the bytes as text, not as UTF-16
               (tests/msvcrt/ccsread.c) */
            if (oflags & _O_WTEXT) textmode = TEXTMODE_ANSI;
            SetFilePointer(entry->handle, 0, NULL, FILE_BEGIN);
        }
    }
    entry->flags |= FD_TEXT;
    entry->textmode = textmode;
    publish(fd);
}

static int open_handle(const wchar_t *path, int oflags, int shflag, int pmode)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, !(oflags & _O_NOINHERIT) };
    DWORD access = open_access(oflags), share = share_mode(shflag);
    DWORD attrs = FILE_ATTRIBUTE_NORMAL;
    HANDLE handle;
    int fd;

    if (!path || !access || share == (DWORD)-1)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    /* only a file we create takes the permission: no write bit = read-only */
    if ((oflags & _O_CREAT) && !((pmode & ~umask_value) & _S_IWRITE)) attrs = FILE_ATTRIBUTE_READONLY;
    if (oflags & _O_TEMPORARY)
    {
        attrs |= FILE_FLAG_DELETE_ON_CLOSE;
        access |= DELETE;
        share |= FILE_SHARE_DELETE;
    }
    if (oflags & _O_SHORT_LIVED) attrs |= FILE_ATTRIBUTE_TEMPORARY;
    if (oflags & _O_SEQUENTIAL) attrs |= FILE_FLAG_SEQUENTIAL_SCAN;
    else if (oflags & _O_RANDOM) attrs |= FILE_FLAG_RANDOM_ACCESS;

    handle = CreateFileW(path, access, share, &sa, creation_disposition(oflags), attrs, NULL);
    if (handle == INVALID_HANDLE_VALUE)
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    if ((fd = msvcrt_alloc_fd(handle, oflags)) < 0) CloseHandle(handle);
    else if (oflags & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT)) handle_bom(fd, oflags);
    return fd;
}

int __cdecl _wsopen(const wchar_t *path, int oflags, int shflag, ...)
{
    int pmode = 0;
    va_list args;

    if (oflags & _O_CREAT)
    {
        va_start(args, shflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return open_handle(path, oflags, shflag, pmode);
}

static int narrow_open(const char *path, int oflags, int shflag, int pmode)
{
    wchar_t *wpath;
    int fd;

    if (!path)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!(wpath = msvcrt_narrow_to_wide(path, CP_ACP))) return -1;
    fd = open_handle(wpath, oflags, shflag, pmode);
    free(wpath);
    return fd;
}

int __cdecl _sopen(const char *path, int oflags, int shflag, ...)
{
    int pmode = 0;
    va_list args;

    if (oflags & _O_CREAT)
    {
        va_start(args, shflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return narrow_open(path, oflags, shflag, pmode);
}

int __cdecl _open(const char *path, int oflags, ...)
{
    int pmode = 0;
    va_list args;

    if (oflags & _O_CREAT)
    {
        va_start(args, oflags);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return narrow_open(path, oflags, _SH_DENYNO, pmode);
}

int __cdecl _wopen(const wchar_t *path, int oflags, ...)
{
    int pmode = 0;
    va_list args;

    if (oflags & _O_CREAT)
    {
        va_start(args, oflags);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return open_handle(path, oflags, _SH_DENYNO, pmode);
}

errno_t __cdecl _sopen_s(int *fd, const char *path, int oflags, int shflag, int pmode)
{
    if (!fd)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *fd = narrow_open(path, oflags, shflag, pmode);
    return *fd < 0 ? *_errno() : 0;
}

errno_t __cdecl _wsopen_s(int *fd, const wchar_t *path, int oflags, int shflag, int pmode)
{
    if (!fd)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *fd = open_handle(path, oflags, shflag, pmode);
    return *fd < 0 ? *_errno() : 0;
}

/* _sopen_dispatch / _wsopen_dispatch: what the UCRT headers' C++ _open and
 * _sopen overloads call — (path, oflag, shflag, pmode, &fd, secure). The fd
 * is -1 on any failure and the result is the errno value; secure says the
 * caller is _sopen_s, whose pmode is checked even without _O_CREAT. */
static errno_t open_dispatch(const char *path, const wchar_t *wpath, int oflags, int shflag,
                             int pmode, int *fd, int secure)
{
    if (!fd || (!path && !wpath))
    {
        if (fd) *fd = -1;
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *fd = -1;
    if (secure && (pmode & ~(_S_IREAD | _S_IWRITE)))
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *fd = path ? narrow_open(path, oflags, shflag, pmode) : open_handle(wpath, oflags, shflag, pmode);
    return *fd < 0 ? *_errno() : 0;
}

errno_t __cdecl _sopen_dispatch(const char *path, int oflags, int shflag, int pmode, int *fd, int secure)
{
    return open_dispatch(path, NULL, oflags, shflag, pmode, fd, secure);
}

errno_t __cdecl _wsopen_dispatch(const wchar_t *path, int oflags, int shflag, int pmode, int *fd, int secure)
{
    return open_dispatch(NULL, path, oflags, shflag, pmode, fd, secure);
}

int __cdecl _creat(const char *path, int pmode)
{
    return narrow_open(path, _O_CREAT | _O_TRUNC | _O_RDWR, _SH_DENYNO, pmode);
}

int __cdecl _wcreat(const wchar_t *path, int pmode)
{
    return open_handle(path, _O_CREAT | _O_TRUNC | _O_RDWR, _SH_DENYNO, pmode);
}

int __cdecl _open_osfhandle(intptr_t handle, int oflags)
{
    /* only these flags mean something here (documented) */
    oflags &= _O_APPEND | _O_RDONLY | _O_TEXT | _O_BINARY | _O_WTEXT | _O_U16TEXT | _O_U8TEXT | _O_NOINHERIT;
    /* binary unless a text mode is asked: _fmode is not looked at here */
    if (!(oflags & (_O_TEXT | _O_WTEXT | _O_U16TEXT | _O_U8TEXT))) oflags |= _O_BINARY;
    if (GetFileType((HANDLE)handle) == FILE_TYPE_UNKNOWN && GetLastError() != NO_ERROR)
    {
        *_errno() = EBADF;
        return -1;
    }
    return msvcrt_alloc_fd((HANDLE)handle, oflags);
}

intptr_t __cdecl _get_osfhandle(int fd)
{
    struct fd_entry *entry = get_fd(fd);

    return entry ? (intptr_t)fd_handle(entry) : (intptr_t)INVALID_HANDLE_VALUE;
}

/* ---- closing and duplicating ---- */

static void forget_std_handle(int fd)
{
    static const DWORD std_ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };

    /* closing fd 0-2 also clears the process std handle, as msvcrt */
    if (fd <= 2) SetStdHandle(std_ids[fd], NULL);
}

int __cdecl _close(int fd)
{
    struct fd_entry *entry;
    HANDLE handle;
    int ret = 0;

    _lock(MSVCRT_LOCK_OSFHND);
    if (!(entry = get_fd(fd)))
    {
        _unlock(MSVCRT_LOCK_OSFHND);
        return -1;
    }
    handle = entry->handle;
    entry->flags = 0;
    entry->handle = INVALID_HANDLE_VALUE;
    publish(fd);
    _unlock(MSVCRT_LOCK_OSFHND);
    if (handle != INVALID_HANDLE_VALUE && !CloseHandle(handle))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        ret = -1;
    }
    forget_std_handle(fd);
    return ret;
}

static HANDLE duplicate_handle(struct fd_entry *entry)
{
    HANDLE dup;

    if (!DuplicateHandle(GetCurrentProcess(), entry->handle, GetCurrentProcess(), &dup,
                         0, TRUE, DUPLICATE_SAME_ACCESS))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return NULL;
    }
    return dup;
}

int __cdecl _dup(int fd)
{
    struct fd_entry *entry = get_fd(fd);
    HANDLE dup;
    int new_fd;

    if (!entry || !(dup = duplicate_handle(entry))) return -1;
    if ((new_fd = msvcrt_alloc_fd(dup, 0)) < 0)
    {
        CloseHandle(dup);
        return -1;
    }
    fd_table[new_fd].flags = entry->flags & ~FD_NOINHERIT;
    fd_table[new_fd].textmode = entry->textmode;
    publish(new_fd);
    return new_fd;
}

int __cdecl _dup2(int fd, int fd2)
{
    static const DWORD std_ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
    struct fd_entry *entry = get_fd(fd);
    HANDLE dup;

    if (!entry) return -1;
    if (fd2 < 0 || fd2 >= MSVCRT_MAX_FILES)
    {
        *_errno() = EBADF;
        return -1;
    }
    if (fd == fd2) return 0;
    if (!(dup = duplicate_handle(entry))) return -1;
    if (fd_table[fd2].flags & FD_OPEN) _close(fd2);
    _lock(MSVCRT_LOCK_OSFHND);
    fd_table[fd2] = *entry;
    fd_table[fd2].handle = dup;
    fd_table[fd2].flags &= ~FD_NOINHERIT;
    fd_table[fd2].has_peek = 0;
    publish(fd2);
    _unlock(MSVCRT_LOCK_OSFHND);
    if (fd2 <= 2) SetStdHandle(std_ids[fd2], dup);
    return 0;
}

/* ---- reading ---- */

static int raw_read(struct fd_entry *entry, void *buf, DWORD count, DWORD *done)
{
    char *out = buf;
    DWORD got = 0;

    *done = 0;
    if (entry->has_peek && count)
    {
        *out++ = entry->peek;
        entry->has_peek = 0;
        count--;
        *done = 1;
    }
    if (!count) return 0;
    if (ReadFile(entry->handle, out, count, &got, NULL))
    {
        *done += got;
        return 0;
    }
    /* a closed pipe is the end of the data, not an error */
    if (GetLastError() == ERROR_BROKEN_PIPE) return 0;
    if (*done) return 0;
    msvcrt_set_errno_from_win32(GetLastError());
    return -1;
}

/* A CR ended the buffer: the next byte decides. Files are seeked back so
 * that the next read starts on that byte (a CR LF pair is then read as
 * "\n" next time), unless nothing was stored yet; pipes and devices keep
 * the byte for the next read. Returns the character to store, or -1. */
static int char_after_cr(struct fd_entry *entry, BOOL first)
{
    DWORD got = 0;
    char next;

    if (!ReadFile(entry->handle, &next, 1, &got, NULL) || !got) return '\r';
    if (entry->flags & (FD_PIPE | FD_DEVICE))
    {
        if (next == '\n') return '\n';
        entry->peek = next;
        entry->has_peek = 1;
        return '\r';
    }
    if (first && next == '\n') return '\n';
    SetFilePointer(entry->handle, -1, NULL, FILE_CURRENT);
    return next == '\n' ? -1 : '\r';
}

/* "\r\n" -> "\n", stop at ^Z; returns bytes kept. */
static DWORD translate_ansi_read(struct fd_entry *entry, char *buf, DWORD count)
{
    DWORD i, out = 0;
    int c;

    for (i = 0; i < count; i++)
    {
        c = buf[i];
        if (c == 0x1a)
        {
            entry->flags |= FD_EOF;
            /* a file is left positioned on the ^Z (msvcrt seeks back) */
            if (!(entry->flags & (FD_PIPE | FD_DEVICE)))
                SetFilePointer(entry->handle, (LONG)i - (LONG)count, NULL, FILE_CURRENT);
            break;
        }
        if (c != '\r') { buf[out++] = c; continue; }
        if (i + 1 < count)
        {
            if (buf[i + 1] == '\n') i++, c = '\n';
            buf[out++] = c;
            continue;
        }
        if ((c = char_after_cr(entry, out == 0)) >= 0) buf[out++] = c;
    }
    return out;
}

/* UTF-16 text: "\r\n" units -> "\n", stop at ^Z. */
static DWORD translate_utf16_read(struct fd_entry *entry, wchar_t *buf, DWORD count)
{
    DWORD i, out = 0;

    for (i = 0; i < count; i++)
    {
        if (buf[i] == 0x1a) { entry->flags |= FD_EOF; break; }
        if (buf[i] == '\r' && i + 1 < count && buf[i + 1] == '\n') continue;
        buf[out++] = buf[i];
    }
    return out;
}

/* Complete a UTF-8 sequence cut by the end of the buffer. */
static DWORD complete_utf8(struct fd_entry *entry, unsigned char *buf, DWORD len)
{
    DWORD start = len, need, got;

    while (start > 0 && len - start < 4 && (buf[start - 1] & 0xc0) == 0x80) start--;
    if (!start) return len;
    start--;
    if (buf[start] >= 0xf0) need = 4;
    else if (buf[start] >= 0xe0) need = 3;
    else if (buf[start] >= 0xc0) need = 2;
    else return len;
    if (len - start >= need) return len;
    if (ReadFile(entry->handle, buf + len, need - (len - start), &got, NULL)) len += got;
    return len;
}

static int read_utf8(struct fd_entry *entry, wchar_t *buf, unsigned int count)
{
    unsigned int max = count / 2;
    unsigned char *raw;
    DWORD done;
    int len;

    if (!max) return 0;
    if (!(raw = malloc(max + 4))) return -1;
    if (raw_read(entry, raw, max, &done) < 0) { free(raw); return -1; }
    done = complete_utf8(entry, raw, done);
    len = MultiByteToWideChar(CP_UTF8, 0, (char *)raw, done, buf, max);
    free(raw);
    return translate_utf16_read(entry, buf, len) * sizeof(wchar_t);
}

int __cdecl _read(int fd, void *buf, unsigned int count)
{
    struct fd_entry *entry = get_fd(fd);
    DWORD done;

    if (!entry) return -1;
    if (!buf && count)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!count || (entry->flags & FD_EOF)) return 0;
    if ((entry->flags & FD_TEXT) && entry->textmode == TEXTMODE_UTF8)
        return read_utf8(entry, buf, count);
    if ((entry->flags & FD_TEXT) && entry->textmode == TEXTMODE_UTF16LE) count &= ~1u;
    if (raw_read(entry, buf, count, &done) < 0) return -1;
    if (!(entry->flags & FD_TEXT) || !done) return done;
    if (entry->textmode == TEXTMODE_UTF16LE)
        return translate_utf16_read(entry, buf, done / 2) * sizeof(wchar_t);
    return translate_ansi_read(entry, buf, done);
}

/* ---- writing ---- */

static int write_all(struct fd_entry *entry, const void *buf, DWORD len)
{
    DWORD written;

    if (!WriteFile(entry->handle, buf, len, &written, NULL))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    if (written < len)
    {
        /* a short write to a file means the disk is full */
        *_errno() = ENOSPC;
        msvcrt_get_thread_data()->thread_doserrno = 0;
        return -1;
    }
    return 0;
}

static BOOL is_console(struct fd_entry *entry)
{
    DWORD mode;

    return (entry->flags & FD_DEVICE) && GetConsoleMode(entry->handle, &mode);
}

int msvcrt_console_write_wide(int fd, const wchar_t *str, unsigned int len)
{
    struct fd_entry *entry = get_fd(fd);
    DWORD written;

    if (!entry) return -1;
    if (!WriteConsoleW(entry->handle, str, len, &written, NULL))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    return 0;
}

static int write_ansi_text(struct fd_entry *entry, const char *buf, unsigned int count)
{
    char chunk[1024];
    unsigned int i = 0, len;

    while (i < count)
    {
        for (len = 0; i < count && len < sizeof(chunk) - 1; i++)
        {
            if (buf[i] == '\n') chunk[len++] = '\r';
            chunk[len++] = buf[i];
        }
        if (write_all(entry, chunk, len) < 0) return -1;
    }
    return count;
}

static int write_utf16_text(struct fd_entry *entry, const wchar_t *buf, unsigned int units)
{
    wchar_t chunk[512];
    unsigned int i = 0, len;

    if (is_console(entry))
        return WriteConsoleW(entry->handle, buf, units, (DWORD *)&len, NULL) ? (int)(units * 2) : -1;
    while (i < units)
    {
        for (len = 0; i < units && len < ARRAYSIZE(chunk) - 1; i++)
        {
            if (buf[i] == '\n') chunk[len++] = '\r';
            chunk[len++] = buf[i];
        }
        if (write_all(entry, chunk, len * sizeof(wchar_t)) < 0) return -1;
    }
    return units * 2;
}

static int write_utf8_text(struct fd_entry *entry, const wchar_t *buf, unsigned int units)
{
    wchar_t chunk[256];
    char utf8[256 * 3];
    unsigned int i = 0, len;
    int bytes;

    if (is_console(entry))
        return WriteConsoleW(entry->handle, buf, units, (DWORD *)&len, NULL) ? (int)(units * 2) : -1;
    while (i < units)
    {
        for (len = 0; i < units && len < ARRAYSIZE(chunk) - 2; i++)
        {
            if (buf[i] == '\n') chunk[len++] = '\r';
            chunk[len++] = buf[i];
        }
        /* never split a surrogate pair across chunks */
        if (i < units && IS_HIGH_SURROGATE(chunk[len - 1])) chunk[len++] = buf[i++];
        bytes = WideCharToMultiByte(CP_UTF8, 0, chunk, len, utf8, sizeof(utf8), NULL, NULL);
        if (write_all(entry, utf8, bytes) < 0) return -1;
    }
    return units * 2;
}

int __cdecl _write(int fd, const void *buf, unsigned int count)
{
    struct fd_entry *entry = get_fd(fd);

    if (!entry) return -1;
    if (!count) return 0;
    if (!buf)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (entry->handle == INVALID_HANDLE_VALUE)
    {
        *_errno() = EBADF;
        return -1;
    }
    if (entry->flags & FD_APPEND) SetFilePointer(entry->handle, 0, NULL, FILE_END);
    if (!(entry->flags & FD_TEXT))
        return write_all(entry, buf, count) < 0 ? -1 : (int)count;
    if (entry->textmode == TEXTMODE_ANSI) return write_ansi_text(entry, buf, count);
    if (count & 1)
    {
        /* wide text modes move whole UTF-16 units only */
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (entry->textmode == TEXTMODE_UTF8) return write_utf8_text(entry, buf, count / 2);
    return write_utf16_text(entry, buf, count / 2);
}

/* ---- positioning ---- */

__int64 __cdecl _lseeki64(int fd, __int64 offset, int origin)
{
    struct fd_entry *entry = get_fd(fd);
    LARGE_INTEGER dist, pos;

    if (!entry) return -1;
    if (origin < SEEK_SET || origin > SEEK_END)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    dist.QuadPart = offset;
    /* SEEK_SET/CUR/END have FILE_BEGIN/CURRENT/END's values */
    if (!SetFilePointerEx(entry->handle, dist, &pos, origin))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    entry->flags &= ~FD_EOF;
    entry->has_peek = 0;
    return pos.QuadPart;
}

long __cdecl _lseek(int fd, long offset, int origin)
{
    __int64 pos = _lseeki64(fd, offset, origin);

    if (pos > 0x7fffffff)
    {
        *_errno() = EINVAL;
        return -1;
    }
    return (long)pos;
}

long __cdecl _tell(int fd)
{
    return _lseek(fd, 0, SEEK_CUR);
}

__int64 __cdecl _telli64(int fd)
{
    return _lseeki64(fd, 0, SEEK_CUR);
}

__int64 __cdecl _filelengthi64(int fd)
{
    struct fd_entry *entry = get_fd(fd);
    LARGE_INTEGER size;

    if (!entry) return -1;
    if (!GetFileSizeEx(entry->handle, &size))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    return size.QuadPart;
}

long __cdecl _filelength(int fd)
{
    return (long)_filelengthi64(fd);
}

int __cdecl _eof(int fd)
{
    __int64 pos, size;

    if (!get_fd(fd)) return -1;
    if (fd_table[fd].flags & FD_EOF) return 1;
    if ((pos = _telli64(fd)) < 0 || (size = _filelengthi64(fd)) < 0) return -1;
    return pos >= size;
}

/* ---- modes and properties ---- */

int __cdecl _setmode(int fd, int mode)
{
    struct fd_entry *entry = get_fd(fd);
    int old;

    if (!entry) return -1;
    if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT &&
        mode != _O_U16TEXT && mode != _O_U8TEXT)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!(entry->flags & FD_TEXT)) old = _O_BINARY;
    else if (entry->textmode == TEXTMODE_UTF8) old = _O_U8TEXT;
    else if (entry->textmode == TEXTMODE_UTF16LE) old = _O_WTEXT;
    else old = _O_TEXT;
    if (mode == _O_BINARY) entry->flags &= ~FD_TEXT;
    else entry->flags |= FD_TEXT;
    if (mode == _O_U8TEXT) entry->textmode = TEXTMODE_UTF8;
    else if (mode == _O_WTEXT || mode == _O_U16TEXT) entry->textmode = TEXTMODE_UTF16LE;
    else entry->textmode = TEXTMODE_ANSI;
    publish(fd);
    return old;
}

int __cdecl _isatty(int fd)
{
    struct fd_entry *entry = get_fd(fd);

    /* any character device counts, NUL included (documented quirk) */
    return entry && (entry->flags & FD_DEVICE) ? FD_DEVICE : 0;
}

int __cdecl _commit(int fd)
{
    struct fd_entry *entry = get_fd(fd);

    if (!entry) return -1;
    if (!FlushFileBuffers(entry->handle))
    {
        /* consoles cannot be flushed: not an error */
        if (GetLastError() == ERROR_INVALID_HANDLE && (entry->flags & FD_DEVICE)) return 0;
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    return 0;
}

errno_t __cdecl _chsize_s(int fd, __int64 size)
{
    struct fd_entry *entry = get_fd(fd);
    __int64 pos;
    errno_t ret = 0;

    if (!entry) return EBADF;
    if (size < 0)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if ((pos = _telli64(fd)) < 0 || _lseeki64(fd, size, SEEK_SET) < 0) return *_errno();
    if (!SetEndOfFile(entry->handle))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        ret = *_errno();
    }
    _lseeki64(fd, pos, SEEK_SET);
    return ret;
}

int __cdecl _chsize(int fd, long size)
{
    return _chsize_s(fd, size) ? -1 : 0;
}

int __cdecl _umask(int mask)
{
    int old = umask_value;

    umask_value = mask;
    return old;
}

errno_t __cdecl _umask_s(int mask, int *old)
{
    if (!old)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *old = _umask(mask);
    return 0;
}

int __cdecl _pipe(int *fds, unsigned int size, int textmode)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, !(textmode & _O_NOINHERIT) };
    HANDLE readh, writeh;

    if (!fds)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!CreatePipe(&readh, &writeh, &sa, size))
    {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    if ((fds[0] = msvcrt_alloc_fd(readh, textmode)) < 0)
    {
        CloseHandle(readh);
        CloseHandle(writeh);
        return -1;
    }
    if ((fds[1] = msvcrt_alloc_fd(writeh, textmode)) < 0)
    {
        _close(fds[0]);
        CloseHandle(writeh);
        return -1;
    }
    return 0;
}

int __cdecl _locking(int fd, int mode, long bytes)
{
    struct fd_entry *entry = get_fd(fd);
    DWORD pos;
    int tries;

    if (!entry) return -1;
    if (mode < _LK_UNLCK || mode > _LK_NBRLCK || bytes < 0)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    pos = SetFilePointer(entry->handle, 0, NULL, FILE_CURRENT);
    if (mode == _LK_UNLCK)
    {
        if (UnlockFile(entry->handle, pos, 0, bytes, 0)) return 0;
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    /* _LK_LOCK/_LK_RLCK retry ten times, a second apart (documented) */
    for (tries = (mode == _LK_LOCK || mode == _LK_RLCK) ? 10 : 1; tries; tries--)
    {
        if (LockFile(entry->handle, pos, 0, bytes, 0)) return 0;
        if (tries > 1) Sleep(1000);
    }
    *_errno() = EDEADLOCK;
    return -1;
}
