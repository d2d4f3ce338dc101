/*
 * ntdll/unix/process.c — the process: PEB, process parameters (image path,
 * command line, current directory, environment, std handles), ids, exit,
 * and the start-up channel of a process created by another wlx process.
 *
 * Sections: ids · command line · environment · start-up channel ·
 * parameters · exit.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"
#include "process.h"
#include "thread.h"
#include "xhandle.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

extern char **environ;
void *wlx_peb;
uint32_t wlx_process_id;
uint32_t wlx_parent_id;
struct process_startup wlx_startup = { .fd = -1 };
size_t wlx_default_stack_reserve = 0x100000;

/* --- ids ---------------------------------------------------------------- */

/* Windows ids are multiples of 4 and processes and threads share one space.
   The server names processes and main threads (multiples of 8); other
   threads name themselves Linux tid*8+4 — unique system-wide, disjoint from
   the server's, and no round trip (server/object.c). */
uint32_t thread_id_from_unix(int tid) { return (uint32_t)tid * 8 + 4; }

/* --- small UTF-16 string builder ---------------------------------------- */

struct wbuf { WCHAR *p; size_t len, cap; };

static void wb_add(struct wbuf *b, const char *utf8, size_t n)
{
    size_t need = wlx_utf8_to_utf16(utf8, n, NULL, 0);
    if (b->len + need + 1 > b->cap)
    {
        b->cap = (b->len + need + 1) * 2 + 64;
        b->p = realloc(b->p, b->cap * sizeof(WCHAR));
    }
    b->len += wlx_utf8_to_utf16(utf8, n, b->p + b->len, need);
    b->p[b->len] = 0;
}
static void wb_str(struct wbuf *b, const char *s) { wb_add(b, s, strlen(s)); }
static void wb_char(struct wbuf *b, char c) { wb_add(b, &c, 1); }

/* a buffer holding exactly these UTF-16 units (from a parent: verbatim) */
static void wbuf_set(struct wbuf *b, const WCHAR *s, size_t len)
{
    b->cap = len + 1;
    b->p = malloc(b->cap * sizeof(WCHAR));
    memcpy(b->p, s, len * sizeof(WCHAR));
    b->p[len] = 0;
    b->len = len;
}

/* --- command line: Windows quoting rules ------------------------------------ */

static void append_quoted(struct wbuf *b, const char *arg)
{
    if (*arg && !strpbrk(arg, " \t\"\n\v")) { wb_str(b, arg); return; }
    wb_char(b, '"');
    for (const char *p = arg; ; p++)
    {
        size_t bs = 0;
        while (*p == '\\') bs++, p++;
        if (!*p) { while (bs--) wb_str(b, "\\\\"); break; }
        if (*p == '"') { while (bs--) wb_str(b, "\\\\"); wb_str(b, "\\\""); }
        else { while (bs--) wb_char(b, '\\'); wb_char(b, *p); }
    }
    wb_char(b, '"');
}

/* --- environment ----------------------------------------------------------- */

static const char *const dropped_vars[] = { "PATH", "TEMP", "TMP", "PWD", "OLDPWD", "WLXPREFIX", NULL };

static void env_add(struct wbuf *b, const char *name, const char *value)
{
    wb_str(b, name);
    wb_char(b, '=');
    wb_str(b, value);
    b->len++;  /* keep the NUL */
    if (b->len + 1 > b->cap) { b->cap = b->cap * 2 + 64; b->p = realloc(b->p, b->cap * sizeof(WCHAR)); }
    b->p[b->len] = 0;
}

static int env_is_dropped(const char *var)
{
    for (int i = 0; dropped_vars[i]; i++)
    {
        size_t n = strlen(dropped_vars[i]);
        if (!strncasecmp(var, dropped_vars[i], n) && var[n] == '=') return 1;
    }
    return 0;
}

static void build_environment(struct wbuf *b, const char *user)
{
    char buf[512], host[256] = "WLX";
    long ncpu = wlx_cpu_count();
    b->p = calloc(1024, sizeof(WCHAR));
    b->cap = 1024;
    b->len = 0;
    for (char **e = environ; *e; e++)
    {
        if (env_is_dropped(*e) || !strchr(*e, '=') || **e == '=') continue;
        wb_str(b, *e);
        b->len++;
        if (b->len + 1 > b->cap) { b->cap = b->cap * 2 + 64; b->p = realloc(b->p, b->cap * sizeof(WCHAR)); }
        b->p[b->len] = 0;
    }
    gethostname(host, sizeof(host) - 1);
    for (char *p = host; *p; p++) { *p = toupper((unsigned char)*p); if (*p == '.') { *p = 0; break; } }
    env_add(b, "ALLUSERSPROFILE", "C:\\ProgramData");
    snprintf(buf, sizeof(buf), "C:\\users\\%s\\AppData\\Roaming", user); env_add(b, "APPDATA", buf);
    env_add(b, "CommonProgramFiles", "C:\\Program Files\\Common Files");
    env_add(b, "ComSpec", "C:\\windows\\system32\\cmd.exe");
    env_add(b, "COMPUTERNAME", host);
    env_add(b, "HOMEDRIVE", "C:");
    snprintf(buf, sizeof(buf), "\\users\\%s", user); env_add(b, "HOMEPATH", buf);
    snprintf(buf, sizeof(buf), "C:\\users\\%s\\AppData\\Local", user); env_add(b, "LOCALAPPDATA", buf);
    snprintf(buf, sizeof(buf), "%ld", ncpu > 0 ? ncpu : 1); env_add(b, "NUMBER_OF_PROCESSORS", buf);
    env_add(b, "OS", "Windows_NT");
    env_add(b, "PATH", "C:\\windows\\system32;C:\\windows;C:\\windows\\system32\\wbem");
    env_add(b, "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
    env_add(b, "PROCESSOR_ARCHITECTURE", "AMD64");
    env_add(b, "PROCESSOR_IDENTIFIER", "Intel64 Family 6 Model 85 Stepping 7, GenuineIntel");
    env_add(b, "PROCESSOR_LEVEL", "6");
    env_add(b, "PROCESSOR_REVISION", "5507");
    env_add(b, "ProgramData", "C:\\ProgramData");
    env_add(b, "ProgramFiles", "C:\\Program Files");
    env_add(b, "ProgramFiles(x86)", "C:\\Program Files (x86)");
    env_add(b, "ProgramW6432", "C:\\Program Files");
    env_add(b, "PUBLIC", "C:\\users\\Public");
    env_add(b, "SystemDrive", "C:");
    env_add(b, "SystemRoot", "C:\\windows");
    snprintf(buf, sizeof(buf), "C:\\users\\%s\\AppData\\Local\\Temp", user);
    env_add(b, "TEMP", buf);
    env_add(b, "TMP", buf);
    env_add(b, "USERDOMAIN", host);
    env_add(b, "USERNAME", user);
    snprintf(buf, sizeof(buf), "C:\\users\\%s", user); env_add(b, "USERPROFILE", buf);
    env_add(b, "windir", "C:\\windows");
    b->len++;  /* the final NUL of the block */
}

/* the name of uid's line in /etc/passwd: 0 when it has none */
static int passwd_file_name(uid_t uid, char *name, size_t size)
{
    char buf[16384], *line, *end;
    int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

    if (fd >= 0) close(fd);
    if (n <= 0 || n == sizeof(buf) - 1) return 0;   /* a longer file: NSS reads it */
    buf[n] = 0;
    for (line = buf; line && *line; line = end ? end + 1 : NULL)
    {
        char *f1, *f2;
        end = strchr(line, '\n');
        if (end) *end = 0;
        if (!(f1 = strchr(line, ':')) || !(f2 = strchr(f1 + 1, ':'))) continue;
        if (strtoul(f2 + 1, NULL, 10) != uid || f2[1] < '0' || f2[1] > '9' || f1 == line) continue;
        snprintf(name, size, "%.*s", (int)(f1 - line), line);
        return 1;
    }
    return 0;
}

const char *process_user_name(void)
{
    static char name[64];
    if (!name[0])
    {
        /* the user's line of /etc/passwd, else NSS: getpwuid alone (two
           nscd connects, nsswitch.conf, /etc/passwd) was 4% of a tiny
           program's start */
        struct passwd *pw;
        if (!passwd_file_name(getuid(), name, sizeof(name)) && (pw = getpwuid(getuid())) && pw->pw_name)
            snprintf(name, sizeof(name), "%s", pw->pw_name);
        if (!name[0]) snprintf(name, sizeof(name), "user");
    }
    return name;
}

/* --- start-up channel ---------------------------------------------------------
   A parent wlx passes WLX_STARTUP_FD: a socket carrying the exact Windows
   command line, current folder and environment block (taken verbatim: a
   child started by a Windows program gets no variables of ours). */

static int read_full(int fd, void *buf, size_t size)
{
    for (size_t done = 0; done < size; )
    {
        ssize_t n = read(fd, (char *)buf + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        done += n;
    }
    return 0;
}

/* a NUL-terminated copy of the next `bytes` of the blob */
static WCHAR *take_wstr(const char **blob, size_t bytes)
{
    WCHAR *s = calloc(1, bytes + 2 * sizeof(WCHAR));
    if (!s) wlx_fatal("out of memory reading the start-up data");
    memcpy(s, *blob, bytes);
    *blob += bytes;
    return s;
}

/* command line, folder, environment and runtime data: read in one go (the
   parent wrote them in one), then each kept in its own buffer */
static void read_strings(int fd, const struct wlx_startup_header *hdr)
{
    uint64_t cmd = hdr->cmdline_len * (uint64_t)sizeof(WCHAR), cur = hdr->curdir_len * (uint64_t)sizeof(WCHAR);
    uint64_t total = cmd + cur + hdr->env_size + hdr->runtime_size;
    char *blob = hdr->env_size < (1u << 30) && total < (1u << 30) ? malloc(total + 1) : NULL;
    const char *p = blob;
    if (!blob || read_full(fd, blob, total)) wlx_fatal("broken start-up data from the parent process");
    wlx_startup.cmdline = take_wstr(&p, cmd);
    wlx_startup.curdir = take_wstr(&p, cur);
    wlx_startup.env = take_wstr(&p, hdr->env_size);
    if (hdr->runtime_size) wlx_startup.runtime = take_wstr(&p, hdr->runtime_size);
    free(blob);
}

void process_read_startup(void)
{
    const char *var = getenv(WLX_STARTUP_FD_VAR);
    if (!var) return;
    int fd = atoi(var);
    unsetenv(WLX_STARTUP_FD_VAR);   /* not for our own children */
    if (read_full(fd, &wlx_startup.hdr, sizeof(wlx_startup.hdr)) || wlx_startup.hdr.magic != WLX_STARTUP_MAGIC)
        wlx_fatal("broken start-up data from the parent process");
    wlx_startup.fd = fd;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    read_strings(fd, &wlx_startup.hdr);
    xhandle_receive_inherited(fd, wlx_startup.hdr.handle_count);
    wlx_parent_id = wlx_startup.hdr.parent_id;
    token_start(wlx_startup.hdr.deny_groups);
}

void process_report_ids(uint32_t pid, uint32_t tid)
{
    uint32_t ids[2] = { pid, tid };
    if (wlx_startup.fd < 0) return;
    /* inherited handles first: until the parent has our ids it holds its
       references, so no shared object can vanish meanwhile */
    xhandle_install_inherited();
    job_breakaway(wlx_startup.hdr.flags);
    if (write(wlx_startup.fd, ids, sizeof(ids)) != sizeof(ids)) _exit(1);
}

/* The server would not register us (a job at its active process limit):
   the parent's CreateProcess fails with this status, and we end quietly,
   as a process Windows never started says nothing. Without a parent wlx
   the caller reports it. */
void process_report_refusal(NTSTATUS status)
{
    uint32_t ids[2] = { 0, (uint32_t)status };
    if (wlx_startup.fd < 0) return;
    if (write(wlx_startup.fd, ids, sizeof(ids)) != sizeof(ids)) _exit(1);
    _exit(1);
}

/* CREATE_SUSPENDED: the main thread waits for ResumeThread (one byte). If the
   parent goes away first nobody can resume it any more: it ends (Windows would
   keep it suspended forever). */
void process_wait_resume(void)
{
    char c;
    if (wlx_startup.fd < 0) return;
    if ((wlx_startup.hdr.flags & 0x4 /* CREATE_SUSPENDED */) && read_full(wlx_startup.fd, &c, 1)) _exit(1);
    close(wlx_startup.fd);
    wlx_startup.fd = -1;
}

/* --- process parameters ---------------------------------------------------- */

static uint8_t *pp_cursor;

static void put_string(uint8_t *params, size_t field, const WCHAR *s, size_t len, size_t max)
{
    UNICODE_STRING *us = (UNICODE_STRING *)(params + field);
    memcpy(pp_cursor, s, len * sizeof(WCHAR));
    ((WCHAR *)pp_cursor)[len] = 0;
    us->Buffer = (WCHAR *)pp_cursor;
    us->Length = len * sizeof(WCHAR);
    us->MaximumLength = (max > len ? max : len + 1) * sizeof(WCHAR);
    pp_cursor += ((max > len ? max : len + 1) * sizeof(WCHAR) + 7) & ~7UL;
}

void process_build_parameters(void *peb, const char *exe_unix, int argc, char **argv)
{
    struct wbuf cmd = {0}, img = {0}, cur = {0}, env = {0};
    char cwd[4096];
    char *dos;

    dos = path_unix_to_dos(exe_unix);
    wb_str(&img, dos);
    if (wlx_startup.cmdline) wbuf_set(&cmd, wlx_startup.cmdline, wlx_startup.hdr.cmdline_len);
    else append_quoted(&cmd, dos);
    free(dos);
    for (int i = 1; i < argc && !wlx_startup.cmdline; i++) { wb_char(&cmd, ' '); append_quoted(&cmd, argv[i]); }

    if (wlx_startup.curdir) wbuf_set(&cur, wlx_startup.curdir, wlx_startup.hdr.curdir_len);
    else
    {
        if (!getcwd(cwd, sizeof(cwd))) strcpy(cwd, "/");
        dos = path_unix_to_dos(cwd);
        wb_str(&cur, dos);
        free(dos);
    }
    if (!cur.len || cur.p[cur.len - 1] != '\\') wb_char(&cur, '\\');
    if (wlx_startup.env) wbuf_set(&env, wlx_startup.env, wlx_startup.hdr.env_size / sizeof(WCHAR));
    else build_environment(&env, process_user_name());

    size_t total = PP_SIZE + (img.len + 1) * 4 + (cmd.len + 1) * 2 + 260 * 2 + 64 + 16;
    uint8_t *params = virtual_alloc_system(total, VPROT_READ | VPROT_WRITE);
    WCHAR *envblock = virtual_alloc_system(env.len * sizeof(WCHAR), VPROT_READ | VPROT_WRITE);
    if (!params || !envblock) wlx_fatal("out of memory building the process parameters");
    memcpy(envblock, env.p, env.len * sizeof(WCHAR));

    *(uint32_t *)(params + PP_MAXIMUM_LENGTH) = total;
    *(uint32_t *)(params + PP_LENGTH) = total;
    *(uint32_t *)(params + PP_FLAGS) = 1;  /* PROCESS_PARAMS_FLAG_NORMALIZED: pointers, not offsets */
    pp_cursor = params + PP_SIZE;
    put_string(params, PP_IMAGE_PATH, img.p, img.len, 0);
    put_string(params, PP_COMMAND_LINE, cmd.p, cmd.len, 0);
    put_string(params, PP_CURDIR, cur.p, cur.len, 260);
    put_string(params, PP_WINDOW_TITLE, img.p, img.len, 0);
    put_string(params, PP_DLL_PATH, (const WCHAR[]){0}, 0, 0);
    put_string(params, PP_DESKTOP_INFO, (const WCHAR[]){0}, 0, 0);
    put_string(params, PP_SHELL_INFO, (const WCHAR[]){0}, 0, 0);
    *(void **)(params + PP_ENVIRONMENT) = envblock;
    *(uint64_t *)(params + PP_ENVIRONMENT_SIZE) = env.len * sizeof(WCHAR);
    *(HANDLE *)(params + PP_STDIN) = xhandle_std_handle(0);    /* inherited, else fds 0/1/2 */
    *(HANDLE *)(params + PP_STDOUT) = xhandle_std_handle(1);
    *(HANDLE *)(params + PP_STDERR) = xhandle_std_handle(2);
    *(uint32_t *)(params + PP_SHOW_WINDOW_FLAGS) = 1;  /* SW_SHOWNORMAL */
    if (wlx_startup.cmdline)   /* what the parent's STARTUPINFO said: GetStartupInfo gives it back */
    {
        UNICODE_STRING *rt = (UNICODE_STRING *)(params + PP_RUNTIME_DATA);
        *(uint32_t *)(params + PP_WINDOW_FLAGS) = wlx_startup.hdr.startup_flags;
        *(uint32_t *)(params + PP_SHOW_WINDOW_FLAGS) = wlx_startup.hdr.show_window;
        rt->Buffer = wlx_startup.runtime;
        rt->Length = rt->MaximumLength = wlx_startup.runtime ? wlx_startup.hdr.runtime_size : 0;
    }
    *(void **)((uint8_t *)peb + PEB_PROCESS_PARAMETERS) = params;
    free(cmd.p); free(img.p); free(cur.p); free(env.p);
}

/* --- exit -------------------------------------------------------------------- */

void process_exit(int32_t code)
{
    /* the full 32-bit code goes to the server (GetExitCodeProcess); Linux keeps 8 bits */
    struct wlx_exit_process_request req = { .exit_code = (uint32_t)code };
    wlx_server_call(WLX_REQ_EXIT_PROCESS, &req, sizeof(req), NULL, 0, NULL);
    syscall(SYS_exit_group, code & 0xff);
    __builtin_unreachable();
}

NTSTATUS WINAPI unix_NtTerminateProcess(HANDLE handle, NTSTATUS code)
{
    /* handle 0: end every other thread first; exit_group below does it anyway */
    if (!handle) return STATUS_SUCCESS;
    if (handle != NtCurrentProcess()) return procobj_terminate(handle, code);
    process_exit(code);
}
