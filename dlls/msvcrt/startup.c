/*
 * Program start-up and termination: the command line split into argv
 * (msvcrt's rules), the __getmainargs/_configure_*_argv entry points used
 * by mingw's and MSVC's start-up code, the exported start-up variables,
 * _initterm, atexit/_onexit tables, exit/_exit/_cexit, abort, _amsg_exit.
 */
#include "private.h"
#include <string.h>
#include <fcntl.h>
#include <signal.h>

typedef void (__cdecl *vfunc)(void);
typedef int (__cdecl *ifunc)(void);

/* what __getmainargs's last argument points to */
struct startup_info { int newmode; };

/* _onexit_table_t of corecrt_startup.h */
struct onexit_table { vfunc *first, *last, *end; };

int msvcrt_app_type;
int msvcrt_fmode = _O_TEXT;
int msvcrt_commode;
int msvcrt___argc;
char **msvcrt___argv;
wchar_t **msvcrt___wargv;
char *msvcrt_acmdln;
wchar_t *msvcrt_wcmdln;
char *msvcrt_pgmptr;
wchar_t *msvcrt_wpgmptr;
unsigned int msvcrt_osver, msvcrt_winver, msvcrt_winmajor, msvcrt_winminor, msvcrt_osplatform;

static struct onexit_table atexit_table;
static PIMAGE_TLS_CALLBACK tls_exit_callback;   /* thread_local destructors of the exe */
static int abort_behavior = _WRITE_ABORT_MSG | _CALL_REPORTFAULT;
static int exiting;

/* ---- command line ---- */

/* argv[0] ends at the first blank, or at the closing quote: no escapes. */
static const wchar_t *parse_program_name(const wchar_t *cmd, wchar_t **out)
{
    BOOL quoted = FALSE;

    for (; *cmd; cmd++)
    {
        if (*cmd == '"') { quoted = !quoted; continue; }
        if (!quoted && (*cmd == ' ' || *cmd == '\t')) break;
        if (*out) *(*out)++ = *cmd;
    }
    if (*out) *(*out)++ = 0;
    return cmd;
}

/* One argument with the backslash/quote rules; NULL at the end. */
static const wchar_t *parse_argument(const wchar_t *cmd, wchar_t **out)
{
    BOOL quoted = FALSE;
    unsigned int slashes, i;

    while (*cmd == ' ' || *cmd == '\t') cmd++;
    if (!*cmd) return NULL;
    while (*cmd && (quoted || (*cmd != ' ' && *cmd != '\t')))
    {
        for (slashes = 0; *cmd == '\\'; cmd++) slashes++;
        if (*cmd != '"')
        {
            for (i = 0; i < slashes; i++) if (*out) *(*out)++ = '\\';
            if (*cmd && (quoted || (*cmd != ' ' && *cmd != '\t')))
            {
                if (*out) *(*out)++ = *cmd;
                cmd++;
            }
            continue;
        }
        /* 2n backslashes + quote: n backslashes, the quote is syntax;
         * 2n+1: n backslashes and a literal quote */
        for (i = 0; i < slashes / 2; i++) if (*out) *(*out)++ = '\\';
        if (slashes & 1)
        {
            if (*out) *(*out)++ = '"';
            cmd++;
            continue;
        }
        cmd++;
        if (quoted && *cmd == '"')
        {
            /* "" inside quotes is a literal quote, and the quoted part
             * goes on (msvcrt as Wine's reference behaves; older CRTs
             * ended it) */
            if (*out) *(*out)++ = '"';
            cmd++;
            continue;
        }
        quoted = !quoted;
    }
    if (*out) *(*out)++ = 0;
    return cmd;
}

/* Splits cmd into a NULL-terminated array and its strings, one block. */
static wchar_t **split_command_line(const wchar_t *cmd, int *argc)
{
    const wchar_t *p;
    wchar_t **argv, *strings = NULL;
    int count = 1;

    p = parse_program_name(cmd, &strings);
    while ((p = parse_argument(p, &strings))) count++;
    argv = malloc((count + 1) * sizeof(*argv) + (lstrlenW(cmd) + count + 1) * sizeof(wchar_t));
    if (!argv) return NULL;
    strings = (wchar_t *)(argv + count + 1);
    argv[0] = strings;
    p = parse_program_name(cmd, &strings);
    for (count = 1; ; count++)
    {
        argv[count] = strings;
        if (!(p = parse_argument(p, &strings))) break;
    }
    argv[count] = NULL;
    *argc = count;
    return argv;
}

static char **narrow_argv(wchar_t **wargv, int argc)
{
    char **argv = malloc((argc + 1) * sizeof(*argv));
    int i;

    if (!argv) return NULL;
    for (i = 0; i < argc; i++) argv[i] = msvcrt_wide_to_narrow(wargv[i], CP_ACP);
    argv[argc] = NULL;
    return argv;
}

void msvcrt_init_args(void)
{
    wchar_t path[MAX_PATH];
    OSVERSIONINFOW info = { sizeof(info) };

    msvcrt_wcmdln = _wcsdup(GetCommandLineW());
    msvcrt_acmdln = msvcrt_wide_to_narrow(msvcrt_wcmdln, CP_ACP);
    msvcrt___wargv = split_command_line(msvcrt_wcmdln, &msvcrt___argc);
    if (msvcrt___wargv) msvcrt___argv = narrow_argv(msvcrt___wargv, msvcrt___argc);
    GetModuleFileNameW(NULL, path, MAX_PATH);
    msvcrt_wpgmptr = _wcsdup(path);
    msvcrt_pgmptr = msvcrt_wide_to_narrow(path, CP_ACP);

    GetVersionExW(&info);
    msvcrt_winmajor = info.dwMajorVersion;
    msvcrt_winminor = info.dwMinorVersion;
    msvcrt_osver = info.dwBuildNumber & 0xffff;
    msvcrt_winver = (info.dwMajorVersion << 8) | info.dwMinorVersion;
    msvcrt_osplatform = info.dwPlatformId;
}

/* ---- start-up entry points ---- */

int __cdecl __getmainargs(int *argc, char ***argv, char ***envp, int expand, struct startup_info *info)
{
    /* wildcard expansion (expand != 0) is not done yet */
    (void)expand;
    *argc = msvcrt___argc;
    *argv = msvcrt___argv;
    *envp = *__p__environ();
    if (info) _set_new_mode(info->newmode);
    return 0;
}

int __cdecl __wgetmainargs(int *argc, wchar_t ***argv, wchar_t ***envp, int expand, struct startup_info *info)
{
    (void)expand;
    *argc = msvcrt___argc;
    *argv = msvcrt___wargv;
    *envp = *__p__wenviron();
    if (info) _set_new_mode(info->newmode);
    return 0;
}

/* WinMain's lpCmdLine: the command line after the program name and blanks */
static const wchar_t *skip_program_name(const wchar_t *cmd)
{
    wchar_t *none = NULL;

    cmd = parse_program_name(cmd, &none);
    while (*cmd == ' ' || *cmd == '\t') cmd++;
    return cmd;
}

char * __cdecl _get_narrow_winmain_command_line(void)
{
    const char *cmd = msvcrt_acmdln;
    BOOL quoted = FALSE;

    for (; *cmd; cmd++)
    {
        if (*cmd == '"') quoted = !quoted;
        else if (!quoted && (*cmd == ' ' || *cmd == '\t')) break;
    }
    while (*cmd == ' ' || *cmd == '\t') cmd++;
    return (char *)cmd;
}

wchar_t * __cdecl _get_wide_winmain_command_line(void)
{
    return (wchar_t *)skip_program_name(msvcrt_wcmdln);
}

int __cdecl _query_app_type(void)
{
    return msvcrt_app_type;
}

int __cdecl _configure_narrow_argv(int mode)
{
    (void)mode;  /* argv is built at load time */
    return 0;
}

int __cdecl _configure_wide_argv(int mode)
{
    (void)mode;
    return 0;
}

int * __cdecl __p___argc(void) { return &msvcrt___argc; }
char *** __cdecl __p___argv(void) { return &msvcrt___argv; }
wchar_t *** __cdecl __p___wargv(void) { return &msvcrt___wargv; }
char ** __cdecl __p__acmdln(void) { return &msvcrt_acmdln; }
wchar_t ** __cdecl __p__wcmdln(void) { return &msvcrt_wcmdln; }
char ** __cdecl __p__pgmptr(void) { return &msvcrt_pgmptr; }
wchar_t ** __cdecl __p__wpgmptr(void) { return &msvcrt_wpgmptr; }
int * __cdecl __p__fmode(void) { return &msvcrt_fmode; }
int * __cdecl __p__commode(void) { return &msvcrt_commode; }
unsigned int * __cdecl __p__osver(void) { return &msvcrt_osver; }
unsigned int * __cdecl __p__winver(void) { return &msvcrt_winver; }
unsigned int * __cdecl __p__winmajor(void) { return &msvcrt_winmajor; }
unsigned int * __cdecl __p__winminor(void) { return &msvcrt_winminor; }

errno_t __cdecl _get_pgmptr(char **value)
{
    if (!value) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    *value = msvcrt_pgmptr;
    return 0;
}

errno_t __cdecl _get_wpgmptr(wchar_t **value)
{
    if (!value) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    *value = msvcrt_wpgmptr;
    return 0;
}

errno_t __cdecl _set_fmode(int mode)
{
    if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT &&
        mode != _O_U16TEXT && mode != _O_U8TEXT)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    msvcrt_fmode = mode;
    return 0;
}

errno_t __cdecl _get_fmode(int *mode)
{
    if (!mode) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    *mode = msvcrt_fmode;
    return 0;
}

void __cdecl __set_app_type(int type)
{
    msvcrt_app_type = type;
}

void __cdecl _set_app_type(int type)
{
    msvcrt_app_type = type;
}

void __cdecl _initterm(vfunc *start, vfunc *end)
{
    for (; start < end; start++) if (*start) (*start)();
}

int __cdecl _initterm_e(ifunc *start, ifunc *end)
{
    int ret;

    for (; start < end; start++)
        if (*start && (ret = (*start)())) return ret;
    return 0;
}

/* ---- onexit tables ---- */

int __cdecl _initialize_onexit_table(struct onexit_table *table)
{
    if (!table) return -1;
    if (table->first == table->end) table->first = table->last = table->end = NULL;
    return 0;
}

static int table_add(struct onexit_table *table, vfunc func)
{
    size_t count, size;
    vfunc *grown;

    if (table->last == table->end)
    {
        count = table->last - table->first;
        size = count ? count * 2 : 32;
        if (!(grown = realloc(table->first, size * sizeof(*grown)))) return -1;
        table->first = grown;
        table->last = grown + count;
        table->end = grown + size;
    }
    *table->last++ = func;
    return 0;
}

int __cdecl _register_onexit_function(struct onexit_table *table, vfunc func)
{
    int ret;

    if (!table) return -1;
    _lock(MSVCRT_LOCK_EXIT);
    ret = table_add(table, func);
    _unlock(MSVCRT_LOCK_EXIT);
    return ret;
}

/* Runs the functions last-registered first, then empties the table. */
int __cdecl _execute_onexit_table(struct onexit_table *table)
{
    vfunc *first, *last;

    if (!table) return -1;
    _lock(MSVCRT_LOCK_EXIT);
    first = table->first;
    last = table->last;
    table->first = table->last = table->end = NULL;
    _unlock(MSVCRT_LOCK_EXIT);
    while (last > first) if (*--last) (*last)();
    free(first);
    return 0;
}

_onexit_t __cdecl _onexit(_onexit_t func)
{
    if (!func) return NULL;
    return _register_onexit_function(&atexit_table, (vfunc)func) ? NULL : func;
}

int __cdecl atexit(void (__cdecl *func)(void))
{
    return _onexit((_onexit_t)func) ? 0 : -1;
}

int __cdecl _crt_atexit(void (__cdecl *func)(void))
{
    return atexit(func);
}

/* old DLL start-up code: a table per DLL, passed by address */
_onexit_t __cdecl __dllonexit(_onexit_t func, vfunc **start, vfunc **end)
{
    struct onexit_table table;

    if (!func || !start || !end) return NULL;
    _lock(MSVCRT_LOCK_EXIT);
    table.first = *start;
    table.last = table.end = *end;
    /* the table may have come from the DLL's own malloc of the exact size */
    if (table.first && _msize(table.first) / sizeof(vfunc) > (size_t)(table.last - table.first))
        table.end = table.first + _msize(table.first) / sizeof(vfunc);
    if (table_add(&table, (vfunc)func)) func = NULL;
    *start = table.first;
    *end = table.last;
    _unlock(MSVCRT_LOCK_EXIT);
    return func;
}

void msvcrt_run_atexit(void)
{
    PIMAGE_TLS_CALLBACK callback = tls_exit_callback;

    /* the main thread's thread_local objects die before the atexit list runs */
    tls_exit_callback = NULL;
    if (callback) callback(NULL, DLL_PROCESS_DETACH, NULL);
    _execute_onexit_table(&atexit_table);
}

void __cdecl _register_thread_local_exe_atexit_callback(PIMAGE_TLS_CALLBACK callback)
{
    tls_exit_callback = callback;
}

/* ---- termination ---- */

void __cdecl _cexit(void)
{
    msvcrt_run_atexit();
    msvcrt_flush_all(FALSE);
}

void __cdecl _c_exit(void)
{
}

void __cdecl exit(int code)
{
    _cexit();
    exiting = 1;
    ExitProcess(code);
}

void __cdecl _exit(int code)
{
    /* no atexit functions, no stream flushing (documented) */
    exiting = 1;
    ExitProcess(code);
}

void __cdecl _Exit(int code)
{
    _exit(code);
}

/* at_quick_exit handlers: run last-registered first by quick_exit, which
   then ends the process without atexit handlers or stream flushing */
#define MAX_QUICK_EXIT 32
static void (__cdecl *quick_exit_funcs[MAX_QUICK_EXIT])(void);
static LONG quick_exit_count;

void __cdecl quick_exit(int code)
{
    LONG n = __atomic_exchange_n(&quick_exit_count, 0, __ATOMIC_ACQ_REL);
    while (n > 0) quick_exit_funcs[--n]();
    _exit(code);
}

int __cdecl _crt_at_quick_exit(void (__cdecl *func)(void))
{
    LONG i = __atomic_fetch_add(&quick_exit_count, 1, __ATOMIC_ACQ_REL);
    if (!func || i >= MAX_QUICK_EXIT) { __atomic_fetch_sub(&quick_exit_count, 1, __ATOMIC_ACQ_REL); return -1; }
    quick_exit_funcs[i] = func;
    return 0;
}

int __cdecl at_quick_exit(void (__cdecl *func)(void))
{
    return _crt_at_quick_exit(func);
}

/* DllMain at process detach: flush unless exit/_exit already decided. */
BOOL msvcrt_exiting(void)
{
    return exiting;
}

unsigned int __cdecl _set_abort_behavior(unsigned int flags, unsigned int mask)
{
    unsigned int old = abort_behavior;

    abort_behavior = (abort_behavior & ~mask) | (flags & mask);
    return old;
}

void __cdecl abort(void)
{
    static const char msg[] =
        "\nThis application has requested the Runtime to terminate it in an unusual way.\n"
        "Please contact the application's support team for more information.\n";

    if (MSVCRT_IS_UCRT)
    {
        /* the UCRT raises SIGABRT only for a handler the program set; then,
           as release builds have _CALL_REPORTFAULT, fails fast (Windows
           Error Reporting's way): the process ends with
           STATUS_STACK_BUFFER_OVERRUN, the well-known 0xC0000409 of an MSVC
           program that called abort() or left a C++ exception unhandled */
        if (msvcrt_sigabrt_handled()) raise(SIGABRT);
        if (abort_behavior & _CALL_REPORTFAULT)
            __asm__ volatile ("int $0x29" :: "c"(FAST_FAIL_FATAL_APP_EXIT) : "memory");
        _exit(3);
    }
    if (abort_behavior & _WRITE_ABORT_MSG) _write(2, msg, sizeof(msg) - 1);
    raise(SIGABRT);
    /* the SIGABRT handler returned, or there is none: exit code 3 */
    _exit(3);
}

/* what _amsg_exit ends the process with (msvcrt's data export _aexit_rtn:
   a program may put its own function there) */
void (__cdecl *msvcrt_aexit_rtn)(int) = _exit;

void __cdecl _amsg_exit(int code)
{
    char msg[] = "\nruntime error R60XX\n";

    msg[18] = '0' + (code / 10) % 10;
    msg[19] = '0' + code % 10;
    _write(2, msg, sizeof(msg) - 1);
    msvcrt_aexit_rtn(255);
    _exit(255);
}

/* "Assertion failed: expr, file f, line n", then abort() */
void __cdecl _wassert(const wchar_t *expr, const wchar_t *file, unsigned int line)
{
    char *nexpr = msvcrt_wide_to_narrow(expr, CP_ACP), *nfile = msvcrt_wide_to_narrow(file, CP_ACP);
    char number[16];
    int len = 0;

    do number[len++] = '0' + line % 10; while ((line /= 10));
    _write(2, "Assertion failed: ", 18);
    if (nexpr) _write(2, nexpr, strlen(nexpr));
    _write(2, ", file ", 7);
    if (nfile) _write(2, nfile, strlen(nfile));
    _write(2, ", line ", 7);
    while (len) _write(2, &number[--len], 1);
    _write(2, "\n", 1);
    abort();
}

void __cdecl _assert(const char *expr, const char *file, unsigned int line)
{
    wchar_t *wexpr = msvcrt_narrow_to_wide(expr, CP_ACP), *wfile = msvcrt_narrow_to_wide(file, CP_ACP);

    _wassert(wexpr ? wexpr : L"", wfile ? wfile : L"", line);
}

typedef void (__cdecl *purecall_handler)(void);
static purecall_handler purecall_func;

purecall_handler __cdecl _set_purecall_handler(purecall_handler handler)
{
    return InterlockedExchangePointer((void **)&purecall_func, (void *)handler);
}

purecall_handler __cdecl _get_purecall_handler(void)
{
    return purecall_func;
}

/* a pure virtual function was called: the handler, else runtime error R6025 */
int __cdecl _purecall(void)
{
    if (purecall_func) purecall_func();
    _amsg_exit(25);
    return 0;
}

void __cdecl __crtExitProcess(int code)
{
    ExitProcess(code);
}
