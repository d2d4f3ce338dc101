/*
 * Streams: FILE with msvcrt's public _iobuf layout, the _iob[] array and
 * the stream table, buffering (_filbuf/_flsbuf), opening and closing,
 * byte and wide-character I/O, positioning, status, temporary files.
 * Text translation itself happens below, in lowio.c's _read/_write; a
 * stream's buffer holds the program's view of the data ("\n" only).
 * Formatted I/O (printf/scanf on FILEs) is in stdio_print.c.
 *
 * _flag: _IOREAD/_IOWRT say the direction in use; a "+" stream has _IORW
 * and switches direction. While writing, _cnt is the room left in the
 * buffer; while reading, the bytes not yet consumed.
 */
#include "private.h"
#include "format.h"
#include <io.h>
#include <fcntl.h>
#include <share.h>
#include <string.h>
#include <wchar.h>

#define STREAM_BUFSIZ 4096   /* msvcrt's internal buffer size */

struct stream_ex
{
    FILE             file;   /* first: a FILE * is a struct stream_ex * */
    CRITICAL_SECTION cs;
};

FILE msvcrt_iob[_IOB_ENTRIES];
static CRITICAL_SECTION iob_locks[_IOB_ENTRIES];
static FILE *stream_table[MSVCRT_STREAM_MAX];
static int stream_max = 512;   /* _getmaxstdio() */

static BOOL is_iob(FILE *file)
{
    return file >= msvcrt_iob && file < msvcrt_iob + _IOB_ENTRIES;
}

static CRITICAL_SECTION *stream_lock(FILE *file)
{
    if (is_iob(file)) return &iob_locks[file - msvcrt_iob];
    return &((struct stream_ex *)file)->cs;
}

void __cdecl _lock_file(FILE *file)
{
    if (!(file->_flag & _IOSTRG)) EnterCriticalSection(stream_lock(file));
}

void __cdecl _unlock_file(FILE *file)
{
    if (!(file->_flag & _IOSTRG)) LeaveCriticalSection(stream_lock(file));
}

/* ---- the table ---- */

static void init_std_stream(int fd, int flag)
{
    FILE *file = &msvcrt_iob[fd];

    file->_file = fd;
    file->_flag = flag;
    /* stdout/stderr on a device: written out at the end of every call */
    if (fd && msvcrt_fd_is_device(fd)) file->_flag |= MSVCRT_IOTEMPFLUSH;
}

void msvcrt_init_streams(void)
{
    int i;

    for (i = 0; i < _IOB_ENTRIES; i++)
    {
        InitializeCriticalSection(&iob_locks[i]);
        stream_table[i] = &msvcrt_iob[i];
    }
    init_std_stream(0, _IOREAD);
    init_std_stream(1, _IOWRT);
    init_std_stream(2, _IOWRT);
}

void msvcrt_free_streams(void)
{
    int i;

    for (i = 0; i < _IOB_ENTRIES; i++) DeleteCriticalSection(&iob_locks[i]);
}

/* A free FILE (flag 0), returned locked; NULL with EMFILE when full. */
static FILE *alloc_stream(void)
{
    struct stream_ex *ex;
    FILE *file = NULL;
    int i;

    _lock(MSVCRT_LOCK_IOB_SCAN);
    for (i = 3; i < stream_max; i++)
    {
        if (!stream_table[i])
        {
            if (!(ex = calloc(1, sizeof(*ex)))) break;
            InitializeCriticalSection(&ex->cs);
            stream_table[i] = &ex->file;
        }
        if (!stream_table[i]->_flag)
        {
            file = stream_table[i];
            memset(file, 0, sizeof(*file));
            file->_flag = _IOREAD;  /* reserve it until the caller sets the flags */
            file->_file = -1;
            break;
        }
    }
    _unlock(MSVCRT_LOCK_IOB_SCAN);
    if (!file)
    {
        *_errno() = EMFILE;
        return NULL;
    }
    _lock_file(file);
    return file;
}

static void release_stream(FILE *file)
{
    file->_flag = 0;
    _unlock_file(file);
}

FILE * __cdecl __iob_func(void)
{
    return msvcrt_iob;
}

FILE * __cdecl __acrt_iob_func(unsigned int index)
{
    return &msvcrt_iob[index];
}

int __cdecl _getmaxstdio(void)
{
    return stream_max;
}

int __cdecl _setmaxstdio(int max)
{
    if (max < _IOB_ENTRIES || max > MSVCRT_STREAM_MAX)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    return stream_max = max;
}

/* ---- buffers ---- */

static void ensure_buffer(FILE *file)
{
    if (file->_base) return;
    if (!(file->_flag & _IONBF) && (file->_base = malloc(STREAM_BUFSIZ)))
    {
        file->_flag |= _IOMYBUF;
        file->_bufsiz = STREAM_BUFSIZ;
    }
    else
    {
        /* unbuffered: the one-byte _charbuf serves reads and ungetc */
        file->_flag |= _IONBF;
        file->_base = (char *)&file->_charbuf;
        file->_bufsiz = 2;
    }
    file->_ptr = file->_base;
    file->_cnt = 0;
}

static void free_buffer(FILE *file)
{
    if (file->_flag & _IOMYBUF) free(file->_base);
    file->_flag &= ~(_IOMYBUF | MSVCRT_IOUSERBUF);
    file->_base = file->_ptr = NULL;
    file->_cnt = file->_bufsiz = 0;
}

/* Writes out what the buffer holds; 0 or EOF. */
static int flush_buffer(FILE *file)
{
    int used;

    if ((file->_flag & _IOWRT) && file->_base && !(file->_flag & _IONBF))
    {
        used = file->_ptr - file->_base;
        if (used > 0 && _write(file->_file, file->_base, used) != used)
        {
            file->_flag |= _IOERR;
            file->_ptr = file->_base;
            file->_cnt = 0;
            return EOF;
        }
    }
    file->_ptr = file->_base;
    file->_cnt = 0;
    return 0;
}

static int fflush_nolock(FILE *file)
{
    int ret = 0;

    if ((file->_flag & (_IOREAD | _IOWRT)) == _IOWRT) ret = flush_buffer(file);
    else if (file->_flag & _IOREAD)
    {
        /* an input stream's buffer is discarded (documented) */
        file->_ptr = file->_base;
        file->_cnt = 0;
    }
    if (file->_flag & _IORW) file->_flag &= ~(_IOWRT | _IOREAD);
    if (!ret && (file->_flag & MSVCRT_IOCOMMIT) && _commit(file->_file)) ret = EOF;
    return ret;
}

/* std streams on a device are flushed at the end of each call */
static void end_call(FILE *file)
{
    if (file->_flag & MSVCRT_IOTEMPFLUSH) flush_buffer(file);
}

static __int64 ftell_nolock(FILE *file);

/* "+" stream going from reading to writing: put the fd where the program is. */
static void switch_to_write(FILE *file)
{
    if (file->_cnt > 0)
    {
        __int64 pos = ftell_nolock(file);
        if (pos >= 0) _lseeki64(file->_file, pos, SEEK_SET);
    }
    file->_flag &= ~(_IOREAD | _IOEOF);
    file->_ptr = file->_base;
    file->_cnt = 0;
}

static int prepare_write(FILE *file)
{
    if (!(file->_flag & (_IOWRT | _IORW)) || (file->_flag & _IOSTRG))
    {
        file->_flag |= _IOERR;
        *_errno() = EBADF;
        return -1;
    }
    if (file->_flag & _IOREAD)
    {
        if (!(file->_flag & _IORW))
        {
            file->_flag |= _IOERR;
            *_errno() = EBADF;
            return -1;
        }
        switch_to_write(file);
    }
    file->_flag |= _IOWRT;
    ensure_buffer(file);
    return 0;
}

int __cdecl _flsbuf(int c, FILE *file)
{
    unsigned char ch = c;
    int used;

    if (prepare_write(file) < 0) return EOF;
    if (file->_flag & _IONBF)
    {
        file->_cnt = 0;
        if (_write(file->_file, &ch, 1) == 1) return ch;
        file->_flag |= _IOERR;
        return EOF;
    }
    used = file->_ptr - file->_base;
    if (used >= file->_bufsiz && flush_buffer(file)) return EOF;
    *file->_ptr++ = ch;
    file->_cnt = file->_bufsiz - (file->_ptr - file->_base);
    return ch;
}

static int prepare_read(FILE *file)
{
    if (!(file->_flag & (_IOREAD | _IORW)) || (file->_flag & _IOSTRG))
    {
        if (!(file->_flag & _IOSTRG)) file->_flag |= _IOERR;
        return -1;
    }
    if (file->_flag & _IOWRT)
    {
        if (!(file->_flag & _IORW))
        {
            file->_flag |= _IOERR;
            return -1;
        }
        /* lenient, like many programs expect: write out, then read */
        if (flush_buffer(file)) return -1;
        file->_flag &= ~_IOWRT;
    }
    file->_flag |= _IOREAD;
    ensure_buffer(file);
    return 0;
}

/* Refills the buffer and returns its first byte (consumed), or EOF. */
int __cdecl _filbuf(FILE *file)
{
    int got;

    if (prepare_read(file) < 0) return EOF;
    if (file->_flag & _IOEOF) return EOF;
    /* std output on a device is written before we wait for input */
    if (file == &msvcrt_iob[0]) end_call(&msvcrt_iob[1]);
    got = _read(file->_file, file->_base, (file->_flag & _IONBF) ? 1 : file->_bufsiz);
    file->_ptr = file->_base;
    if (got <= 0)
    {
        file->_flag |= got ? _IOERR : _IOEOF;
        file->_cnt = 0;
        return EOF;
    }
    file->_cnt = got - 1;
    return (unsigned char)*file->_ptr++;
}

int __cdecl fflush(FILE *file)
{
    int ret;

    if (!file) return msvcrt_flush_all(TRUE) < 0 ? EOF : 0;
    _lock_file(file);
    ret = fflush_nolock(file);
    _unlock_file(file);
    return ret;
}

int __cdecl _fflush_nolock(FILE *file)
{
    if (!file) return msvcrt_flush_all(TRUE) < 0 ? EOF : 0;
    return fflush_nolock(file);
}

/* write_only: fflush(NULL) (returns -1 on error); else _flushall (count). */
int msvcrt_flush_all(BOOL write_only)
{
    int i, count = 0, error = 0;
    FILE *file;

    _lock(MSVCRT_LOCK_IOB_SCAN);
    for (i = 0; i < stream_max; i++)
    {
        if (!(file = stream_table[i]) || !file->_flag) continue;
        _lock_file(file);
        if (file->_flag & (_IOREAD | _IOWRT | _IORW))
        {
            if (!write_only || (file->_flag & _IOWRT))
            {
                if (fflush_nolock(file)) error = 1;
            }
            count++;
        }
        _unlock_file(file);
    }
    _unlock(MSVCRT_LOCK_IOB_SCAN);
    if (write_only) return error ? -1 : 0;
    return count;
}

/* Process detach after ExitProcess: other threads are gone and may have
 * died holding a stream lock, so write out without waiting for locks. */
void msvcrt_flush_at_exit(void)
{
    FILE *file;
    int i;

    for (i = 0; i < stream_max; i++)
        if ((file = stream_table[i]) && (file->_flag & _IOWRT)) flush_buffer(file);
}

int __cdecl _flushall(void)
{
    return msvcrt_flush_all(FALSE);
}

int __cdecl setvbuf(FILE *file, char *buf, int mode, size_t size)
{
    if (!file || (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) ||
        (mode != _IONBF && (size < 2 || size > INT_MAX)))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    _lock_file(file);
    fflush_nolock(file);
    free_buffer(file);
    file->_flag &= ~(_IONBF | MSVCRT_IOTEMPFLUSH);
    if (mode == _IONBF)
        file->_flag |= _IONBF;
    else if (buf)
    {
        /* _IOLBF is full buffering in msvcrt */
        file->_flag |= MSVCRT_IOUSERBUF;
        file->_base = file->_ptr = buf;
        file->_bufsiz = size & ~1u;
    }
    else if ((file->_base = file->_ptr = malloc(size)))
    {
        file->_flag |= _IOMYBUF;
        file->_bufsiz = size;
    }
    file->_cnt = 0;
    _unlock_file(file);
    return 0;
}

void __cdecl setbuf(FILE *file, char *buf)
{
    setvbuf(file, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

/* ---- opening ---- */

/* fopen mode string -> _open flags and stream flags; -1 if invalid. */
int msvcrt_stream_mode_flags(const wchar_t *mode, int *open_flags, int *stream_flags)
{
    int oflags, sflags;

    while (*mode == ' ') mode++;
    switch (*mode++)
    {
    case 'r': oflags = _O_RDONLY; sflags = _IOREAD; break;
    case 'w': oflags = _O_WRONLY | _O_CREAT | _O_TRUNC; sflags = _IOWRT; break;
    case 'a': oflags = _O_WRONLY | _O_CREAT | _O_APPEND; sflags = _IOWRT; break;
    default: return -1;
    }
    for (; *mode && *mode != ','; mode++)
    {
        switch (*mode)
        {
        case '+': oflags = (oflags & ~_O_ACCMODE) | _O_RDWR; sflags = _IORW; break;
        case 'b': oflags = (oflags & ~_O_TEXT) | _O_BINARY; break;
        case 't': oflags = (oflags & ~_O_BINARY) | _O_TEXT; break;
        case 'c': sflags |= MSVCRT_IOCOMMIT; break;
        case 'n': sflags &= ~MSVCRT_IOCOMMIT; break;
        case 'N': oflags |= _O_NOINHERIT; break;
        case 'S': oflags |= _O_SEQUENTIAL; break;
        case 'R': oflags |= _O_RANDOM; break;
        case 'T': oflags |= _O_SHORT_LIVED; break;
        case 'D': oflags |= _O_TEMPORARY; break;
#ifdef WLX_UCRT
        case 'x': oflags |= _O_EXCL; break;  /* C11, ucrtbase only */
#endif
        case ' ': break;
        default: return -1;
        }
    }
    if (*mode == ',')
    {
        /* ",ccs=ENCODING" */
        mode++;
        while (*mode == ' ') mode++;
        if (wcsncmp(mode, L"ccs=", 4) && wcsncmp(mode, L"ccs =", 5)) return -1;
        mode = wcschr(mode, '=') + 1;
        while (*mode == ' ') mode++;
        oflags &= ~(_O_TEXT | _O_BINARY);
        if (!_wcsicmp(mode, L"UTF-8")) oflags |= _O_U8TEXT;
        else if (!_wcsicmp(mode, L"UTF-16LE")) oflags |= _O_U16TEXT;
        else if (!_wcsicmp(mode, L"UNICODE")) oflags |= _O_WTEXT;
        else return -1;
    }
    *open_flags = oflags;
    *stream_flags = sflags;
    return 0;
}

static FILE *open_stream(FILE *file, const wchar_t *path, const wchar_t *mode, int shflag)
{
    int oflags, sflags, fd;

    if (!path || !mode || msvcrt_stream_mode_flags(mode, &oflags, &sflags) < 0)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if ((fd = _wsopen(path, oflags, shflag, _S_IREAD | _S_IWRITE)) < 0) return NULL;
    /* field by field: a zero _flag would let another thread take this FILE */
    file->_ptr = file->_base = file->_tmpfname = NULL;
    file->_cnt = file->_bufsiz = file->_charbuf = 0;
    file->_file = fd;
    file->_flag = sflags;
    return file;
}

FILE * __cdecl _wfsopen(const wchar_t *path, const wchar_t *mode, int shflag)
{
    FILE *file = alloc_stream(), *ret;

    if (!file) return NULL;
    if (!(ret = open_stream(file, path, mode, shflag))) release_stream(file);
    else _unlock_file(ret);
    return ret;
}

/* Narrow path and mode as wide strings, then fn. */
static wchar_t *mode_to_wide(const char *mode)
{
    return mode ? msvcrt_narrow_to_wide(mode, CP_ACP) : NULL;
}

FILE * __cdecl _fsopen(const char *path, const char *mode, int shflag)
{
    wchar_t *wpath = path ? msvcrt_narrow_to_wide(path, CP_ACP) : NULL;
    wchar_t *wmode = mode_to_wide(mode);
    FILE *file = NULL;

    if (!path || !mode)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
    }
    else if (wpath && wmode) file = _wfsopen(wpath, wmode, shflag);
    free(wpath);
    free(wmode);
    return file;
}

FILE * __cdecl fopen(const char *path, const char *mode)
{
    return _fsopen(path, mode, _SH_DENYNO);
}

FILE * __cdecl _wfopen(const wchar_t *path, const wchar_t *mode)
{
    return _wfsopen(path, mode, _SH_DENYNO);
}

errno_t __cdecl fopen_s(FILE **ret, const char *path, const char *mode)
{
    if (!ret)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    /* the secure variant opens without sharing for writers (documented) */
    *ret = _fsopen(path, mode, _SH_DENYWR);
    return *ret ? 0 : *_errno();
}

errno_t __cdecl _wfopen_s(FILE **ret, const wchar_t *path, const wchar_t *mode)
{
    if (!ret)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *ret = _wfsopen(path, mode, _SH_DENYWR);
    return *ret ? 0 : *_errno();
}

FILE * __cdecl _wfdopen(int fd, const wchar_t *mode)
{
    int oflags, sflags;
    FILE *file;

    if (!mode || msvcrt_stream_mode_flags(mode, &oflags, &sflags) < 0)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (_get_osfhandle(fd) == (intptr_t)INVALID_HANDLE_VALUE) return NULL;
    if (!(file = alloc_stream())) return NULL;
    file->_file = fd;
    file->_flag = sflags;
    _unlock_file(file);
    return file;
}

FILE * __cdecl _fdopen(int fd, const char *mode)
{
    wchar_t *wmode = mode_to_wide(mode);
    FILE *file;

    if (!mode)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    file = wmode ? _wfdopen(fd, wmode) : NULL;
    free(wmode);
    return file;
}

/* keep_reserved: freopen keeps the FILE taken while it reopens it */
static int close_stream(FILE *file, BOOL keep_reserved)
{
    int ret = 0;

    if (!(file->_flag & (_IOREAD | _IOWRT | _IORW)))
    {
        *_errno() = EINVAL;
        return EOF;
    }
    if ((file->_flag & _IOWRT) && flush_buffer(file)) ret = EOF;
    free_buffer(file);
    if (file->_file >= 0 && _close(file->_file) < 0) ret = EOF;
    if (file->_tmpfname)
    {
        /* tmpfile(): the name is ours to delete */
        _unlink(file->_tmpfname);
        free(file->_tmpfname);
        file->_tmpfname = NULL;
    }
    file->_flag = keep_reserved ? _IOREAD : 0;
    file->_file = -1;
    return ret;
}

static int fclose_nolock(FILE *file)
{
    return close_stream(file, FALSE);
}

int __cdecl fclose(FILE *file)
{
    int ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock_file(file);
    ret = fclose_nolock(file);
    _unlock_file(file);
    return ret;
}

int __cdecl _fclose_nolock(FILE *file)
{
    return file ? fclose_nolock(file) : EOF;
}

int __cdecl _fcloseall(void)
{
    int i, count = 0;
    FILE *file;

    for (i = 3; i < stream_max; i++)
    {
        if (!(file = stream_table[i]) || !file->_flag) continue;
        if (!fclose(file)) count++;
    }
    return count;
}

FILE * __cdecl _wfreopen(const wchar_t *path, const wchar_t *mode, FILE *file)
{
    FILE *ret;

    if (!file || !path || !mode)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    _lock_file(file);
    if (file->_flag & (_IOREAD | _IOWRT | _IORW)) close_stream(file, TRUE);
    else file->_flag = _IOREAD;   /* reserved while reopening */
    if (!(ret = open_stream(file, path, mode, _SH_DENYNO))) file->_flag = 0;
    _unlock_file(file);
    return ret;
}

FILE * __cdecl freopen(const char *path, const char *mode, FILE *file)
{
    wchar_t *wpath = path ? msvcrt_narrow_to_wide(path, CP_ACP) : NULL;
    wchar_t *wmode = mode_to_wide(mode);
    FILE *ret = NULL;

    if (!path || !mode)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
    }
    else if (wpath && wmode) ret = _wfreopen(wpath, wmode, file);
    free(wpath);
    free(wmode);
    return ret;
}

errno_t __cdecl freopen_s(FILE **ret, const char *path, const char *mode, FILE *file)
{
    if (!ret)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *ret = freopen(path, mode, file);
    return *ret ? 0 : *_errno();
}

errno_t __cdecl _wfreopen_s(FILE **ret, const wchar_t *path, const wchar_t *mode, FILE *file)
{
    if (!ret)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *ret = _wfreopen(path, mode, file);
    return *ret ? 0 : *_errno();
}

/* ---- byte I/O ---- */

static int getc_nolock(FILE *file)
{
    if (!(file->_flag & _IOWRT) && file->_cnt > 0)
    {
        file->_cnt--;
        return (unsigned char)*file->_ptr++;
    }
    return _filbuf(file);
}

static int putc_nolock(int c, FILE *file)
{
    if ((file->_flag & _IOWRT) && file->_cnt > 0)
    {
        file->_cnt--;
        return (unsigned char)(*file->_ptr++ = (char)c);
    }
    return _flsbuf(c, file);
}

int __cdecl _fgetc_nolock(FILE *file) { return getc_nolock(file); }
int __cdecl _getc_nolock(FILE *file) { return getc_nolock(file); }
int __cdecl _fputc_nolock(int c, FILE *file) { return putc_nolock(c, file); }
int __cdecl _putc_nolock(int c, FILE *file) { return putc_nolock(c, file); }

int __cdecl fgetc(FILE *file)
{
    int c;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock_file(file);
    c = getc_nolock(file);
    _unlock_file(file);
    return c;
}

int __cdecl getc(FILE *file)
{
    return fgetc(file);
}

int __cdecl getchar(void)
{
    return fgetc(&msvcrt_iob[0]);
}

int __cdecl _fgetchar(void)
{
    return fgetc(&msvcrt_iob[0]);
}

int __cdecl fputc(int c, FILE *file)
{
    int ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock_file(file);
    ret = putc_nolock(c, file);
    end_call(file);
    _unlock_file(file);
    return ret;
}

int __cdecl putc(int c, FILE *file)
{
    return fputc(c, file);
}

int __cdecl putchar(int c)
{
    return fputc(c, &msvcrt_iob[1]);
}

int __cdecl _fputchar(int c)
{
    return fputc(c, &msvcrt_iob[1]);
}

static int ungetc_nolock(int c, FILE *file)
{
    if (c == EOF || !(file->_flag & (_IOREAD | _IORW))) return EOF;
    if (file->_flag & _IOWRT)
    {
        if (!(file->_flag & _IORW) || flush_buffer(file)) return EOF;
        file->_flag &= ~_IOWRT;
    }
    ensure_buffer(file);
    if (file->_ptr == file->_base)
    {
        /* room for one pushed-back byte only when the buffer is empty */
        if (file->_cnt) return EOF;
        file->_ptr++;
    }
    file->_ptr--;
    if (file->_flag & _IOSTRG)
    {
        if (*file->_ptr != (char)c)
        {
            file->_ptr++;
            return EOF;
        }
    }
    else *file->_ptr = (char)c;
    file->_cnt++;
    file->_flag &= ~_IOEOF;
    file->_flag |= _IOREAD;
    return (unsigned char)c;
}

int __cdecl ungetc(int c, FILE *file)
{
    int ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock_file(file);
    ret = ungetc_nolock(c, file);
    _unlock_file(file);
    return ret;
}

int __cdecl _ungetc_nolock(int c, FILE *file)
{
    return ungetc_nolock(c, file);
}

char * __cdecl fgets(char *buf, int size, FILE *file)
{
    int i = 0, c = 0;

    if (!buf || size < 0 || !file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (!size) return NULL;
    _lock_file(file);
    while (i < size - 1 && (c = getc_nolock(file)) != EOF)
    {
        buf[i++] = (char)c;
        if (c == '\n') break;
    }
    _unlock_file(file);
    /* nothing read at all: NULL, buffer untouched */
    if (!i && (c == EOF || size > 1)) return NULL;
    buf[i] = 0;
    return buf;
}

char * __cdecl gets(char *buf)
{
    FILE *file = &msvcrt_iob[0];
    int c, i = 0;

    _lock_file(file);
    while ((c = getc_nolock(file)) != EOF && c != '\n') buf[i++] = (char)c;
    _unlock_file(file);
    if (c == EOF && !i) return NULL;
    buf[i] = 0;
    return buf;
}

char * __cdecl gets_s(char *buf, size_t size)
{
    FILE *file = &msvcrt_iob[0];
    size_t i = 0;
    int c;

    if (!buf || !size)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    _lock_file(file);
    while ((c = getc_nolock(file)) != EOF && c != '\n')
        if (i < size - 1) buf[i++] = (char)c;
    _unlock_file(file);
    buf[i] = 0;
    return c == EOF && !i ? NULL : buf;
}

int __cdecl fputs(const char *str, FILE *file)
{
    size_t len;
    int ret;

    if (!str || !file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    len = strlen(str);
    _lock_file(file);
    ret = msvcrt_fwrite_nolock(str, len, file) == (int)len ? 0 : EOF;
    end_call(file);
    _unlock_file(file);
    return ret;
}

int __cdecl puts(const char *str)
{
    FILE *file = &msvcrt_iob[1];
    size_t len;
    int ret = 0;

    if (!str)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    len = strlen(str);
    _lock_file(file);
    if (msvcrt_fwrite_nolock(str, len, file) != (int)len || putc_nolock('\n', file) == EOF)
        ret = EOF;
    end_call(file);
    _unlock_file(file);
    return ret;
}

int __cdecl _getw(FILE *file)
{
    int value, i, c;
    unsigned char *bytes = (unsigned char *)&value;

    _lock_file(file);
    for (i = 0; i < (int)sizeof(value); i++)
    {
        if ((c = getc_nolock(file)) == EOF)
        {
            _unlock_file(file);
            return EOF;
        }
        bytes[i] = c;
    }
    _unlock_file(file);
    return value;
}

int __cdecl _putw(int value, FILE *file)
{
    int ret;

    _lock_file(file);
    ret = msvcrt_fwrite_nolock(&value, sizeof(value), file) == sizeof(value) ? value : EOF;
    end_call(file);
    _unlock_file(file);
    return ret;
}

/* ---- block I/O ---- */

/* Writes len bytes through the buffer; returns the bytes accepted. */
int msvcrt_fwrite_nolock(const void *ptr, size_t len, FILE *file)
{
    const char *data = ptr;
    size_t done = 0, room, chunk;
    int used;

    if (!len) return 0;
    if (prepare_write(file) < 0) return 0;
    if (file->_flag & _IONBF)
        return _write(file->_file, data, len) == (int)len ? (int)len : 0;
    while (done < len)
    {
        used = file->_ptr - file->_base;
        room = file->_bufsiz - used;
        if (!used && len - done >= (size_t)file->_bufsiz)
        {
            /* whole buffers go straight to the fd */
            chunk = (len - done) / file->_bufsiz * file->_bufsiz;
            if (_write(file->_file, data + done, chunk) != (int)chunk)
            {
                file->_flag |= _IOERR;
                break;
            }
            done += chunk;
            continue;
        }
        if (!room)
        {
            if (flush_buffer(file)) break;
            continue;
        }
        chunk = len - done < room ? len - done : room;
        memcpy(file->_ptr, data + done, chunk);
        file->_ptr += chunk;
        done += chunk;
    }
    file->_cnt = file->_bufsiz - (file->_ptr - file->_base);
    return done;
}

size_t __cdecl _fwrite_nolock(const void *ptr, size_t size, size_t count, FILE *file)
{
    size_t total;

    if (!size || !count) return 0;
    if (!ptr || !file || count > (size_t)-1 / size)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    total = size * count;
    return msvcrt_fwrite_nolock(ptr, total, file) / size;
}

size_t __cdecl fwrite(const void *ptr, size_t size, size_t count, FILE *file)
{
    size_t ret;

    if (!file) return _fwrite_nolock(ptr, size, count, file);
    _lock_file(file);
    ret = _fwrite_nolock(ptr, size, count, file);
    end_call(file);
    _unlock_file(file);
    return ret;
}

static size_t read_bytes(FILE *file, char *out, size_t len)
{
    size_t done = 0, chunk;
    int got, c;

    while (done < len)
    {
        if (!(file->_flag & _IOWRT) && file->_cnt > 0)
        {
            chunk = len - done < (size_t)file->_cnt ? len - done : (size_t)file->_cnt;
            memcpy(out + done, file->_ptr, chunk);
            file->_ptr += chunk;
            file->_cnt -= chunk;
            done += chunk;
            continue;
        }
        if (prepare_read(file) < 0 || (file->_flag & _IOEOF)) break;
        if (!(file->_flag & _IONBF) && len - done >= (size_t)file->_bufsiz)
        {
            /* large reads bypass the buffer */
            chunk = (len - done) / file->_bufsiz * file->_bufsiz;
            if (chunk > INT_MAX) chunk = INT_MAX / file->_bufsiz * file->_bufsiz;
            got = _read(file->_file, out + done, chunk);
            if (got <= 0)
            {
                file->_flag |= got ? _IOERR : _IOEOF;
                break;
            }
            done += got;
            continue;
        }
        if ((c = _filbuf(file)) == EOF) break;
        out[done++] = (char)c;
    }
    return done;
}

size_t __cdecl _fread_nolock(void *ptr, size_t size, size_t count, FILE *file)
{
    if (!size || !count) return 0;
    if (!ptr || !file || count > (size_t)-1 / size)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    return read_bytes(file, ptr, size * count) / size;
}

size_t __cdecl fread(void *ptr, size_t size, size_t count, FILE *file)
{
    size_t ret;

    if (!file) return _fread_nolock(ptr, size, count, file);
    _lock_file(file);
    ret = _fread_nolock(ptr, size, count, file);
    _unlock_file(file);
    return ret;
}

/* ---- positioning ---- */

static int count_newlines(const char *buf, int len)
{
    int i, n = 0;

    for (i = 0; i < len; i++) if (buf[i] == '\n') n++;
    return n;
}

static __int64 ftell_nolock(FILE *file)
{
    __int64 pos = _lseeki64(file->_file, 0, SEEK_CUR);
    int text = msvcrt_fd_is_text(file->_file) && msvcrt_fd_textmode(file->_file) == TEXTMODE_ANSI;
    int used;

    if (pos < 0 || !file->_base) return pos;
    if (file->_flag & _IOWRT)
    {
        used = file->_ptr - file->_base;
        if (used <= 0) return pos;
        /* each buffered "\n" becomes "\r\n" in the file */
        return pos + used + (text ? count_newlines(file->_base, used) : 0);
    }
    if ((file->_flag & _IOREAD) && file->_cnt > 0)
    {
        pos -= file->_cnt;
        if (text) pos -= count_newlines(file->_ptr, file->_cnt);
    }
    return pos;
}

static int fseek_nolock(FILE *file, __int64 offset, int origin)
{
    if (origin < SEEK_SET || origin > SEEK_END)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (origin == SEEK_CUR)
    {
        __int64 pos = ftell_nolock(file);
        if (pos < 0) return -1;
        offset += pos;
        origin = SEEK_SET;
    }
    if ((file->_flag & _IOWRT) && flush_buffer(file)) return -1;
    if (file->_flag & _IORW) file->_flag &= ~(_IOREAD | _IOWRT);
    file->_flag &= ~_IOEOF;
    file->_ptr = file->_base;
    file->_cnt = 0;
    return _lseeki64(file->_file, offset, origin) < 0 ? -1 : 0;
}

int __cdecl _fseeki64(FILE *file, __int64 offset, int origin)
{
    int ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    _lock_file(file);
    ret = fseek_nolock(file, offset, origin);
    _unlock_file(file);
    return ret;
}

int __cdecl fseek(FILE *file, long offset, int origin)
{
    return _fseeki64(file, offset, origin);
}

int __cdecl _fseek_nolock(FILE *file, long offset, int origin)
{
    return fseek_nolock(file, offset, origin);
}

int __cdecl _fseeki64_nolock(FILE *file, __int64 offset, int origin)
{
    return fseek_nolock(file, offset, origin);
}

__int64 __cdecl _ftelli64(FILE *file)
{
    __int64 ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    _lock_file(file);
    ret = ftell_nolock(file);
    _unlock_file(file);
    return ret;
}

long __cdecl ftell(FILE *file)
{
    __int64 pos = _ftelli64(file);

    if (pos > 0x7fffffff)
    {
        *_errno() = EINVAL;
        return -1;
    }
    return (long)pos;
}

long __cdecl _ftell_nolock(FILE *file)
{
    return (long)ftell_nolock(file);
}

__int64 __cdecl _ftelli64_nolock(FILE *file)
{
    return ftell_nolock(file);
}

void __cdecl rewind(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return;
    }
    _lock_file(file);
    fseek_nolock(file, 0, SEEK_SET);
    file->_flag &= ~(_IOERR | _IOEOF);
    _unlock_file(file);
}

int __cdecl fgetpos(FILE *file, fpos_t *pos)
{
    if (!file || !pos)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    *pos = _ftelli64(file);
    return *pos < 0 ? -1 : 0;
}

int __cdecl fsetpos(FILE *file, const fpos_t *pos)
{
    if (!file || !pos)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    return _fseeki64(file, *pos, SEEK_SET);
}

/* ---- status ---- */

int __cdecl feof(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    return file->_flag & _IOEOF;
}

int __cdecl ferror(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    return file->_flag & _IOERR;
}

void __cdecl clearerr(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return;
    }
    _lock_file(file);
    file->_flag &= ~(_IOERR | _IOEOF);
    _unlock_file(file);
}

errno_t __cdecl clearerr_s(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    clearerr(file);
    return 0;
}

int __cdecl _fileno(FILE *file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    return file->_file;
}

/* ucrtbase: lets a program reach the buffer fields of an opaque FILE */
errno_t __cdecl _get_stream_buffer_pointers(FILE *file, char ***base, char ***ptr, int **count)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (base) *base = &file->_base;
    if (ptr) *ptr = &file->_ptr;
    if (count) *count = &file->_cnt;
    return 0;
}

/* ---- wide characters ---- */

static int stream_is_wide_text(FILE *file)
{
    return msvcrt_fd_is_text(file->_file) && msvcrt_fd_textmode(file->_file) != TEXTMODE_ANSI;
}

int msvcrt_fputwc_nolock(wchar_t c, FILE *file)
{
    char bytes[8];
    int len;

    /* binary and UTF-16/UTF-8 text streams move the UTF-16 unit itself */
    if (stream_is_wide_text(file) || !msvcrt_fd_is_text(file->_file))
        return msvcrt_fwrite_nolock(&c, sizeof(c), file) == sizeof(c) ? c : WEOF;
    /* ANSI text: the character in the locale's code page */
    if ((len = msvcrt_wc_to_mb(c, bytes)) < 0)
    {
        *_errno() = EILSEQ;
        return WEOF;
    }
    return msvcrt_fwrite_nolock(bytes, len, file) == len ? c : WEOF;
}

wint_t msvcrt_fgetwc_nolock(FILE *file)
{
    msvcrt_wchar wc;
    char bytes[2];
    int c;

    if (stream_is_wide_text(file) || !msvcrt_fd_is_text(file->_file))
        return read_bytes(file, (char *)&wc, sizeof(wc)) == sizeof(wc) ? wc : WEOF;
    if ((c = getc_nolock(file)) == EOF) return WEOF;
    bytes[0] = (char)c;
    if (msvcrt_mb_to_wc(bytes, 1, &wc) == 1) return wc;
    /* a lead byte: the character takes two */
    if ((c = getc_nolock(file)) == EOF) return WEOF;
    bytes[1] = (char)c;
    if (msvcrt_mb_to_wc(bytes, 2, &wc) < 0)
    {
        *_errno() = EILSEQ;
        return WEOF;
    }
    return wc;
}

wint_t __cdecl fputwc(wchar_t c, FILE *file)
{
    wint_t ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return WEOF;
    }
    _lock_file(file);
    ret = msvcrt_fputwc_nolock(c, file);
    end_call(file);
    _unlock_file(file);
    return ret;
}

wint_t __cdecl putwc(wchar_t c, FILE *file)
{
    return fputwc(c, file);
}

wint_t __cdecl putwchar(wchar_t c)
{
    return fputwc(c, &msvcrt_iob[1]);
}

wint_t __cdecl _fputwchar(wchar_t c)
{
    return fputwc(c, &msvcrt_iob[1]);
}

wint_t __cdecl _fputwc_nolock(wchar_t c, FILE *file)
{
    return msvcrt_fputwc_nolock(c, file);
}

wint_t __cdecl _putwc_nolock(wchar_t c, FILE *file)
{
    return msvcrt_fputwc_nolock(c, file);
}

wint_t __cdecl fgetwc(FILE *file)
{
    wint_t ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return WEOF;
    }
    _lock_file(file);
    ret = msvcrt_fgetwc_nolock(file);
    _unlock_file(file);
    return ret;
}

wint_t __cdecl getwc(FILE *file)
{
    return fgetwc(file);
}

wint_t __cdecl getwchar(void)
{
    return fgetwc(&msvcrt_iob[0]);
}

wint_t __cdecl _fgetwchar(void)
{
    return fgetwc(&msvcrt_iob[0]);
}

wint_t __cdecl _fgetwc_nolock(FILE *file)
{
    return msvcrt_fgetwc_nolock(file);
}

wint_t __cdecl _getwc_nolock(FILE *file)
{
    return msvcrt_fgetwc_nolock(file);
}

static wint_t ungetwc_nolock(wint_t c, FILE *file)
{
    char bytes[8];
    int len, i;

    if (c == WEOF) return WEOF;
    if (stream_is_wide_text(file) || !msvcrt_fd_is_text(file->_file))
    {
        bytes[0] = (char)(c & 0xff);
        bytes[1] = (char)(c >> 8);
        len = 2;
    }
    else if ((len = msvcrt_wc_to_mb(c, bytes)) < 0) return WEOF;
    for (i = len - 1; i >= 0; i--)
        if (ungetc_nolock((unsigned char)bytes[i], file) == EOF) return WEOF;
    return c;
}

wint_t __cdecl ungetwc(wint_t c, FILE *file)
{
    wint_t ret;

    if (!file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return WEOF;
    }
    _lock_file(file);
    ret = ungetwc_nolock(c, file);
    _unlock_file(file);
    return ret;
}

wint_t __cdecl _ungetwc_nolock(wint_t c, FILE *file)
{
    return ungetwc_nolock(c, file);
}

wchar_t * __cdecl fgetws(wchar_t *buf, int size, FILE *file)
{
    int i = 0;
    wint_t c = 0;

    if (!buf || size < 0 || !file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (!size) return NULL;
    _lock_file(file);
    while (i < size - 1 && (c = msvcrt_fgetwc_nolock(file)) != WEOF)
    {
        buf[i++] = c;
        if (c == '\n') break;
    }
    _unlock_file(file);
    if (!i && (c == WEOF || size > 1)) return NULL;
    buf[i] = 0;
    return buf;
}

wchar_t * __cdecl _getws(wchar_t *buf)
{
    FILE *file = &msvcrt_iob[0];
    wint_t c;
    int i = 0;

    _lock_file(file);
    while ((c = msvcrt_fgetwc_nolock(file)) != WEOF && c != '\n') buf[i++] = c;
    _unlock_file(file);
    if (c == WEOF && !i) return NULL;
    buf[i] = 0;
    return buf;
}

/* documented: a line that does not fit with its NUL is an invalid
   parameter (ERANGE, an empty buffer, NULL back); end of file before any
   character, NULL with an empty buffer */
wchar_t * __cdecl _getws_s(wchar_t *buf, size_t size)
{
    FILE *file = &msvcrt_iob[0];
    size_t i = 0;
    BOOL too_long = FALSE;
    wint_t c;

    if (!buf || !size)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    _lock_file(file);
    while ((c = msvcrt_fgetwc_nolock(file)) != WEOF && c != '\n')
        if (i < size - 1) buf[i++] = c;
        else too_long = TRUE;
    _unlock_file(file);
    if (too_long)
    {
        buf[0] = 0;
        msvcrt_invalid_parameter();
        *_errno() = ERANGE;
        return NULL;
    }
    buf[i] = 0;
    return c == WEOF && !i ? NULL : buf;
}

int __cdecl fputws(const wchar_t *str, FILE *file)
{
    int ret = 0;

    if (!str || !file)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock_file(file);
    for (; *str; str++)
        if (msvcrt_fputwc_nolock(*str, file) == WEOF) { ret = EOF; break; }
    end_call(file);
    _unlock_file(file);
    return ret;
}

int __cdecl _putws(const wchar_t *str)
{
    FILE *file = &msvcrt_iob[1];
    int ret;

    _lock_file(file);
    ret = fputws(str, file);
    if (!ret && msvcrt_fputwc_nolock('\n', file) == WEOF) ret = EOF;
    end_call(file);
    _unlock_file(file);
    return ret;
}

/* ---- temporary files ---- */

static void tmp_dir(wchar_t *dir)
{
#ifdef WLX_UCRT
    GetTempPathW(MAX_PATH - 16, dir);    /* ucrtbase: the user's temp folder */
#else
    lstrcpyW(dir, L"\\");                /* msvcrt: root of the current drive */
#endif
}

/* A name that does not exist yet: <dir>s<pid>.<n>, in base 32 like msvcrt. */
static BOOL unique_tmp_name(wchar_t *buf)
{
    static LONG counter;
    static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
    DWORD pid = GetCurrentProcessId(), n;
    int tries, len;

    for (tries = 0; tries < TMP_MAX; tries++)
    {
        tmp_dir(buf);
        len = lstrlenW(buf);
        buf[len++] = 's';
        for (n = pid; n; n >>= 5) buf[len++] = digits[n & 31];
        buf[len++] = '.';
        for (n = InterlockedIncrement(&counter); n; n >>= 5) buf[len++] = digits[n & 31];
        buf[len] = 0;
        if (GetFileAttributesW(buf) == INVALID_FILE_ATTRIBUTES) return TRUE;
    }
    return FALSE;
}

char * __cdecl tmpnam(char *buf)
{
    wchar_t name[MAX_PATH];
    char *narrow;

    if (!unique_tmp_name(name)) return NULL;
    if (!buf) buf = msvcrt_get_thread_data()->tmpnam_buffer;
    if (!(narrow = msvcrt_wide_to_narrow(name, CP_ACP))) return NULL;
    lstrcpynA(buf, narrow, MAX_PATH);
    free(narrow);
    return buf;
}

wchar_t * __cdecl _wtmpnam(wchar_t *buf)
{
    static wchar_t static_buf[MAX_PATH];

    if (!buf) buf = static_buf;
    return unique_tmp_name(buf) ? buf : NULL;
}

errno_t __cdecl tmpnam_s(char *buf, size_t size)
{
    char name[MAX_PATH];

    if (!buf || !size)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (!tmpnam(name)) return *_errno();
    if (strlen(name) >= size) return *_errno() = ERANGE;
    strcpy(buf, name);
    return 0;
}

errno_t __cdecl _wtmpnam_s(wchar_t *buf, size_t size)
{
    wchar_t name[MAX_PATH];

    if (!buf || !size)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (!_wtmpnam(name)) return *_errno();
    if (wcslen(name) >= size) return *_errno() = ERANGE;
    wcscpy(buf, name);
    return 0;
}

FILE * __cdecl tmpfile(void)
{
    wchar_t name[MAX_PATH];
    FILE *file;
    int fd;

    if (!unique_tmp_name(name)) return NULL;
    /* deleted when closed; _O_TEMPORARY does it even if the program crashes */
    fd = _wsopen(name, _O_CREAT | _O_EXCL | _O_RDWR | _O_BINARY | _O_TEMPORARY,
                 _SH_DENYNO, _S_IREAD | _S_IWRITE);
    if (fd < 0) return NULL;
    if (!(file = alloc_stream()))
    {
        _close(fd);
        return NULL;
    }
    file->_file = fd;
    file->_flag = _IORW;
    _unlock_file(file);
    return file;
}

errno_t __cdecl tmpfile_s(FILE **file)
{
    if (!file)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *file = tmpfile();
    return *file ? 0 : *_errno();
}

int __cdecl _rmtmp(void)
{
    int i, count = 0;
    FILE *file;

    for (i = 3; i < stream_max; i++)
    {
        if (!(file = stream_table[i]) || !file->_flag || !file->_tmpfname) continue;
        if (!fclose(file)) count++;
    }
    return count;
}

/* ---- perror ---- */

void __cdecl perror(const char *prefix)
{
    const char *msg = strerror(*_errno());

    /* stderr first, so that the message lands after what it holds */
    fflush(&msvcrt_iob[2]);
    if (prefix && *prefix)
    {
        _write(2, prefix, strlen(prefix));
        _write(2, ": ", 2);
    }
    _write(2, msg, strlen(msg));
    _write(2, "\n", 1);
}

void __cdecl _wperror(const wchar_t *prefix)
{
    char *narrow = prefix ? msvcrt_wide_to_narrow(prefix, CP_ACP) : NULL;

    perror(narrow);
    free(narrow);
}
