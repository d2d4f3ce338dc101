/*
 * Private declarations shared by the sources of msvcrt.dll and ucrtbase.dll.
 *
 * The same files build both DLLs; ucrtbase is compiled with -DWLX_UCRT.
 * We always use mingw's msvcrt-flavoured headers (never _UCRT), so FILE has
 * msvcrt's public _iobuf layout in both DLLs: UCRT programs see FILE as
 * opaque and never look inside.
 *
 * Sections: header switches, per-thread data, locks, fd table (lowio.c),
 * streams (stdio.c), errno (errno.c), start-up state (startup.c/main.c),
 * environment (environ.c), the Unix door (math.c).
 */
#ifndef WLX_MSVCRT_PRIVATE_H
#define WLX_MSVCRT_PRIVATE_H

/* We define the CRT's functions: they must not be dllimport here. */
#ifndef _CRTIMP
#define _CRTIMP
#endif
#define _SECIMP
#define __CRT__NO_INLINE 1
#define __USE_MINGW_ANSI_STDIO 0
#define _NO_CRT_STDIO_INLINE
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <errno.h>
#include <float.h>
#include <sys/stat.h>

/* mingw's stdio.h makes these macros; here they are functions */
#undef _fgetc_nolock
#undef _fputc_nolock
#undef _getc_nolock
#undef _putc_nolock
#undef _getwc_nolock
#undef _putwc_nolock
#undef getwchar
#undef putwchar
#undef getwc
#undef putwc

/* float.h lacks these _MCW_DN values */
#ifndef _DN_FLUSH_OPERANDS_SAVE_RESULTS
#define _DN_FLUSH_OPERANDS_SAVE_RESULTS 0x02000000
#define _DN_SAVE_OPERANDS_FLUSH_RESULTS 0x03000000
#endif

#ifdef WLX_UCRT
#define MSVCRT_IS_UCRT 1          /* ucrtbase.dll behaviour */
#else
#define MSVCRT_IS_UCRT 0
#endif

/* ---- per-thread data (thread.c) ---- */

struct msvcrt_thread_data
{
    int            thread_errno;       /* _errno() */
    unsigned long  thread_doserrno;    /* __doserrno(): last Win32 error */
    unsigned int   rand_next;          /* rand()'s LCG state, seeded 1 */
    char          *strtok_next;        /* strtok() continuation */
    wchar_t       *wcstok_next;        /* wcstok() continuation */
    unsigned char *mbstok_next;        /* _mbstok() continuation */
    struct tm      tm_buffer;          /* gmtime()/localtime() result */
    char           asctime_buffer[32]; /* asctime()/ctime() result */
    wchar_t        wasctime_buffer[32];/* _wasctime()/_wctime() result */
    char           strerror_buffer[96];/* _strerror() result */
    wchar_t        wcserror_buffer[96];/* __wcserror() result */
    char           cvt_buffer[352];    /* _ecvt()/_fcvt() result (_CVTBUFSIZE) */
    char           tmpnam_buffer[MAX_PATH];
    HANDLE         thread_handle;      /* _beginthread: closed by _endthread */
    void          *start_address;      /* _beginthread(ex) entry */
    void          *start_arg;
    int            beginthreadex;      /* started by _beginthreadex */
    struct cxx_catch_node *cxx_catches;/* running C++ catch blocks, innermost first (cxx_frame.c) */
    EXCEPTION_RECORD *cxx_current_rec; /* __current_exception(): the innermost one's record */
    CONTEXT       *cxx_current_ctx;    /* __current_exception_context() */
    int            cxx_uncaught;       /* unwinds running cleanups: __uncaught_exceptions() */
    void          *cxx_terminate;      /* set_terminate() handler (per thread, as msvcrt) */
    void          *cxx_unexpected;     /* set_unexpected() handler */
    void          *cxx_se_translator;  /* _set_se_translator() function */
    struct cxx_frame_info *cxx_frame_infos; /* _CreateFrameInfo's objects in use (cxx_object.c) */
    uintptr_t      image_base;         /* _SetImageBase/_GetImageBase (procmisc.c) */
    uintptr_t      throw_image_base;   /* _SetThrowImageBase/_GetThrowImageBase */
};

struct msvcrt_thread_data *msvcrt_get_thread_data(void);
void msvcrt_free_thread_data(void);
BOOL msvcrt_init_tls(void);
void msvcrt_free_tls(void);

/* ---- locks: _lock()/_unlock() numbers, as msvcrt's lock table ---- */

enum msvcrt_lock
{
    MSVCRT_LOCK_SIGNAL = 0,
    MSVCRT_LOCK_IOB_SCAN = 1,
    MSVCRT_LOCK_TMPNAM = 2,
    MSVCRT_LOCK_CONIO = 3,
    MSVCRT_LOCK_HEAP = 4,
    MSVCRT_LOCK_TIME = 6,
    MSVCRT_LOCK_ENV = 7,
    MSVCRT_LOCK_EXIT = 8,
    MSVCRT_LOCK_OSFHND = 11,
    MSVCRT_LOCK_LOCALE = 12,
    MSVCRT_LOCK_COUNT = 48
};

void __cdecl _lock(int locknum);
void __cdecl _unlock(int locknum);
void msvcrt_init_locks(void);
void msvcrt_free_locks(void);

/* ---- low-level I/O (lowio.c) ---- */

#define MSVCRT_MAX_FILES 2048

/* text translation of an fd (msvcrt's ioinfo textmode) */
enum msvcrt_textmode { TEXTMODE_ANSI = 0, TEXTMODE_UTF8 = 1, TEXTMODE_UTF16LE = 2 };
/* an fd's entry changed: mirror it into __pioinfo (pioinfo.c) */
void msvcrt_ioinfo_sync(int fd, HANDLE handle, unsigned char flags, unsigned char textmode);

void msvcrt_init_io(void);
void msvcrt_free_io(void);
int msvcrt_fd_is_text(int fd);
int msvcrt_fd_textmode(int fd);
int msvcrt_fd_is_device(int fd);
int msvcrt_alloc_fd(HANDLE handle, int oflags);
int msvcrt_console_write_wide(int fd, const wchar_t *str, unsigned int len);
BOOL msvcrt_conio_write(const void *units, DWORD count, BOOL wide);   /* conio.c, to CONOUT$ */
BYTE *msvcrt_fd_block(WORD *size);

/* ---- streams (stdio.c) ---- */

#define MSVCRT_STREAM_MAX 2048

/* private _flag bits next to the public _IOREAD/_IOWRT/... */
#define MSVCRT_IOUSERBUF   0x0100  /* buffer given by setvbuf */
#define MSVCRT_IOTEMPFLUSH 0x1000  /* std stream on a device: flush per call */
#define MSVCRT_IOCOMMIT    0x4000  /* fopen "c": fflush commits to disk */

extern FILE msvcrt_iob[_IOB_ENTRIES];

void msvcrt_init_streams(void);
void msvcrt_free_streams(void);
int msvcrt_flush_all(BOOL write_only);
void msvcrt_flush_at_exit(void);
int msvcrt_fwrite_nolock(const void *ptr, size_t size, FILE *file);
int msvcrt_fputwc_nolock(wchar_t c, FILE *file);
wint_t msvcrt_fgetwc_nolock(FILE *file);
int msvcrt_stream_mode_flags(const wchar_t *mode, int *open_flags, int *stream_flags);

/* ---- the SSE control and status register (math.c) ---- */

unsigned int msvcrt_get_mxcsr(void);
void msvcrt_set_mxcsr(unsigned int csr);

/* ---- errno (errno.c) ---- */

void msvcrt_set_errno_from_win32(DWORD error);
int msvcrt_errno_from_win32(DWORD error);
void msvcrt_invalid_parameter(void);

/* ---- start-up state (startup.c, main.c, environ.c) ---- */

extern int msvcrt_app_type;
extern int msvcrt_fmode;
extern HMODULE msvcrt_module;
extern unsigned int msvcrt_clock_start_ms;

char *** __cdecl __p__environ(void);
wchar_t *** __cdecl __p__wenviron(void);
int __cdecl _set_new_mode(int mode);
int __cdecl _fgetc_nolock(FILE *file);
int __cdecl _ungetc_nolock(int c, FILE *file);
wint_t __cdecl _ungetwc_nolock(wint_t c, FILE *file);
void msvcrt_init_args(void);
void msvcrt_init_environ(void);
void msvcrt_free_environ(void);
void msvcrt_init_time(void);
void msvcrt_run_atexit(void);
BOOL msvcrt_exiting(void);
BOOL msvcrt_sigabrt_handled(void);
char *msvcrt_wide_to_narrow(const wchar_t *str, UINT cp);
wchar_t *msvcrt_narrow_to_wide(const char *str, UINT cp);

/* ---- time names (timenames.c), what strftime's %a %A %b %B %p print (time.c) ---- */

struct msvcrt_time_names
{
    const wchar_t *wday_abbr[7], *wday[7], *month_abbr[12], *month[12], *ampm[2];
};
extern const struct msvcrt_time_names msvcrt_time_names_c;
size_t msvcrt_wcsftime(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm,
                       const struct msvcrt_time_names *names);
size_t msvcrt_strftime(char *buf, size_t size, const char *fmt, const struct tm *tm,
                       const struct msvcrt_time_names *names);

/* ---- the Unix door (math.c) ---- */

NTSTATUS msvcrt_unix_call(UINT32 code, void *params);

#endif /* WLX_MSVCRT_PRIVATE_H */
