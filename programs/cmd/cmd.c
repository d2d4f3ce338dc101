/*
 * programs/cmd/cmd.c — cmd.exe, the part programs use: "cmd /c COMMAND"
 * (the C runtime's _popen and system, Node's child_process.exec and
 * spawn with a shell, build tools running a command line).
 *
 *   cmd [/d] [/q] [/s] [/a | /u] [/e:..] [/f:..] [/v:..] /c | /k COMMAND
 *
 * A command line: %VAR% expanded (an unknown name stays as written), then
 * commands joined by &, && and || (outside quotes; ^ escapes one
 * character), each with its redirections (<, >, >>, 2>, 2>&1, ...). Built
 * in: echo, exit [/b] [N], cd/chdir, set, type, rem, dir (dir.c). Commands joined by |
 * run at once, each one's stdout the next one's stdin (a builtin among them
 * on a thread). Anything else is a
 * program started with CreateProcess (its search: cmd's folder, the
 * current folder, system32, Windows, PATH); one that is not found says
 * "'NAME' is not recognized as an internal or external command, ..." on
 * stderr, errorlevel 9009, as on Windows. /c exits with the last
 * command's errorlevel. Not here: parentheses, if/for/goto, batch
 * files, the interactive prompt — they say so on stderr (errorlevel 1).
 * /k is taken as /c (there is no prompt to stay in).
 */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <windows.h>
#include "cmd.h"

static DWORD errorlevel;

/* ---- output: a console gets UTF-16, a file or pipe the console's code page ---- */

void write_to(HANDLE h, const WCHAR *text, size_t len)
{
    DWORD mode, n;
    if (!len) return;
    if (GetConsoleMode(h, &mode)) { WriteConsoleW(h, text, len, &n, NULL); return; }
    UINT cp = GetConsoleOutputCP();
    int size = WideCharToMultiByte(cp ? cp : CP_OEMCP, 0, text, len, NULL, 0, NULL, NULL);
    char *buf = malloc(size ? size : 1);
    if (!buf) return;
    WideCharToMultiByte(cp ? cp : CP_OEMCP, 0, text, len, buf, size, NULL, NULL);
    WriteFile(h, buf, size, &n, NULL);
    free(buf);
}

void say(HANDLE h, const WCHAR *fmt, ...)
{
    WCHAR buf[4096];
    va_list args;
    va_start(args, fmt);
    int n = _vsnwprintf(buf, ARRAYSIZE(buf) - 1, fmt, args);
    va_end(args);
    if (n < 0) n = ARRAYSIZE(buf) - 1;
    write_to(h, buf, n);
}

static WCHAR *dup_n(const WCHAR *s, size_t n)
{
    WCHAR *p = malloc((n + 1) * sizeof(WCHAR));
    if (!p) { fputws(L"Not enough memory.\r\n", stderr); ExitProcess(1); }
    memcpy(p, s, n * sizeof(WCHAR));
    p[n] = 0;
    return p;
}

/* ---- %VAR% expansion ---- */

static WCHAR *expand(const WCHAR *line)
{
    size_t cap = wcslen(line) + 1, len = 0;
    WCHAR *out = malloc(cap * sizeof(WCHAR));
    const WCHAR *p = line;
    while (out && *p)
    {
        const WCHAR *add = p, *end;
        WCHAR value[32768];
        size_t n = 1;
        if (*p == '%' && (end = wcschr(p + 1, '%')) && end > p + 1)
        {
            WCHAR *name = dup_n(p + 1, end - p - 1);
            DWORD got = GetEnvironmentVariableW(name, value, ARRAYSIZE(value));
            if (!got && !_wcsicmp(name, L"errorlevel")) got = swprintf(value, 16, L"%lu", errorlevel);
            else if (!got && !_wcsicmp(name, L"cd")) got = GetCurrentDirectoryW(MAX_PATH, value);
            free(name);
            if (got && got < ARRAYSIZE(value)) { add = value; n = got; p = end + 1; }
            else { n = end - p; p = end; }     /* unknown: kept as written, the closing % may open the next */
        }
        else p++;
        if (len + n + 1 > cap)
        {
            cap = (len + n + 1) * 2;
            WCHAR *grown = realloc(out, cap * sizeof(WCHAR));
            if (!grown) { free(out); return NULL; }
            out = grown;
        }
        memcpy(out + len, add, n * sizeof(WCHAR));
        len += n;
    }
    if (out) out[len] = 0;
    return out;
}

/* ---- one command: redirections, then a builtin or a program ---- */

struct redir { HANDLE std[3]; BOOL opened[3]; };

static int is_space(WCHAR c) { return c == ' ' || c == '\t'; }

/* takes the word at *p (quotes kept out, ^ escapes), advances *p */
WCHAR *take_word(const WCHAR **p)
{
    const WCHAR *s = *p;
    WCHAR *w = malloc((wcslen(s) + 1) * sizeof(WCHAR)), *o = w;
    BOOL quoted = FALSE;
    while (is_space(*s)) s++;
    for (; *s && (quoted || (!is_space(*s) && *s != '<' && *s != '>')); s++)
    {
        if (*s == '"') quoted = !quoted;
        else if (*s == '^' && !quoted && s[1]) *o++ = *++s;
        else *o++ = *s;
    }
    *o = 0;
    *p = s;
    return w;
}

static void close_redir(struct redir *r)
{
    for (int i = 0; i < 3; i++) if (r->opened[i]) CloseHandle(r->std[i]);
}

/* removes the redirections from cmd (in place) into r; FALSE: an error was said */
static BOOL parse_redirections(WCHAR *cmd, struct redir *r, HANDLE in_h, HANDLE out_h)
{
    static const DWORD which[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    WCHAR *out = cmd;
    const WCHAR *p = cmd;
    BOOL quoted = FALSE;
    for (int i = 0; i < 3; i++) { r->std[i] = GetStdHandle(which[i]); r->opened[i] = FALSE; }
    if (in_h) r->std[0] = in_h;   /* a pipe of the pipeline; the command's own redirections win */
    if (out_h) r->std[1] = out_h;
    while (*p)
    {
        int fd = -1;
        if (*p == '"') quoted = !quoted;
        if (!quoted && *p == '^' && p[1]) { *out++ = *p++; *out++ = *p++; continue; }
        if (!quoted && (*p == '<' || *p == '>')) fd = *p == '<' ? 0 : 1;
        else if (!quoted && (*p == '1' || *p == '2') && (p[1] == '>' || p[1] == '<')
                 && (p == cmd || is_space(p[-1]))) { fd = *p - '0'; p++; }
        if (fd < 0) { *out++ = *p++; continue; }
        BOOL input = *p == '<', append = p[0] == '>' && p[1] == '>';
        p += append ? 2 : 1;
        if (*p == '&' && p[1] >= '0' && p[1] <= '2')
        {
            int from = p[1] - '0';
            if (r->opened[fd]) CloseHandle(r->std[fd]);
            DuplicateHandle(GetCurrentProcess(), r->std[from], GetCurrentProcess(), &r->std[fd], 0, TRUE, DUPLICATE_SAME_ACCESS);
            r->opened[fd] = TRUE;
            p += 2;
            continue;
        }
        WCHAR *name = *p == '&' ? NULL : take_word(&p);   /* >& names no handle: an error */
        if (!name || !*name) { free(name); say(GetStdHandle(STD_ERROR_HANDLE), L"The syntax of the command is incorrect.\r\n"); close_redir(r); return FALSE; }
        HANDLE h = CreateFileW(name, input ? GENERIC_READ : (append ? FILE_APPEND_DATA : GENERIC_WRITE),
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, &sa,
                               input ? OPEN_EXISTING : (append ? OPEN_ALWAYS : CREATE_ALWAYS), FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE)
        {
            say(GetStdHandle(STD_ERROR_HANDLE), input ? L"The system cannot find the file specified.\r\n"
                                                      : L"The system cannot find the path specified.\r\n");
            free(name);
            close_redir(r);
            return FALSE;
        }
        free(name);
        if (r->opened[fd]) CloseHandle(r->std[fd]);
        r->std[fd] = h;
        r->opened[fd] = TRUE;
    }
    *out = 0;
    return TRUE;
}

static DWORD builtin_set(const WCHAR *args, HANDLE out, HANDLE err)
{
    const WCHAR *eq = wcschr(args, '=');
    if (eq && eq > args)
    {
        WCHAR *name = dup_n(args, eq - args);
        SetEnvironmentVariableW(name, eq[1] ? eq + 1 : NULL);
        free(name);
        return 0;
    }
    WCHAR *env = GetEnvironmentStringsW();
    size_t plen = wcslen(args);
    while (plen && is_space(args[plen - 1])) plen--;
    BOOL any = FALSE;
    for (WCHAR *e = env; e && *e; e += wcslen(e) + 1)
        if (*e != '=' && !_wcsnicmp(e, args, plen))
        {
            say(out, L"%ls\r\n", e);
            any = TRUE;
        }
    FreeEnvironmentStringsW(env);
    if (!any) { say(err, L"Environment variable %.*ls not defined\r\n", (int)plen, args); return 1; }
    return 0;
}

static DWORD builtin_type(const WCHAR *args, HANDLE out, HANDLE err)
{
    const WCHAR *p = args;
    WCHAR *name = take_word(&p);
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    free(name);
    if (h == INVALID_HANDLE_VALUE) { say(err, L"The system cannot find the file specified.\r\n"); return 1; }
    char buf[65536];
    DWORD got, put;
    while (ReadFile(h, buf, sizeof(buf), &got, NULL) && got) WriteFile(out, buf, got, &put, NULL);
    CloseHandle(h);
    return 0;
}

/* the builtin named at the start of cmd: its name's length, or 0 */
static size_t builtin_name(const WCHAR *cmd, const WCHAR *name)
{
    size_t n = wcslen(name);
    if (_wcsnicmp(cmd, name, n)) return 0;
    WCHAR c = cmd[n];
    return !c || is_space(c) || (!wcscmp(name, L"echo") && wcschr(L".:(/\\=,;+[]", c)) ? n : 0;
}

static BOOL exiting;

/* one command with stdin and stdout (NULL: cmd's own); process: where a
   started program's handle goes instead of waiting for it */
static DWORD run_command(WCHAR *cmd, HANDLE in, HANDLE out_pipe, HANDLE *process)
{
    struct redir r;
    size_t n;
    DWORD code = 0;
    while (is_space(*cmd)) cmd++;
    if (!*cmd) return errorlevel;
    if (!parse_redirections(cmd, &r, in, out_pipe)) return 1;
    while (is_space(*cmd)) cmd++;
    size_t len = wcslen(cmd);
    HANDLE out = r.std[1], err = r.std[2];

    if ((n = builtin_name(cmd, L"echo")))
    {
        const WCHAR *text = cmd + n;
        if (!*text) say(out, L"ECHO is on.\r\n");
        else if (!_wcsicmp(text + 1, L"on") || !_wcsicmp(text + 1, L"off")) code = 0;
        else { write_to(out, text + 1, wcslen(text + 1)); write_to(out, L"\r\n", 2); }
    }
    else if ((n = builtin_name(cmd, L"rem"))) code = errorlevel;
    else if ((n = builtin_name(cmd, L"exit")))
    {
        const WCHAR *a = cmd + n;
        while (is_space(*a)) a++;
        if (!_wcsnicmp(a, L"/b", 2) && (!a[2] || is_space(a[2]))) for (a += 2; is_space(*a); a++);
        code = *a ? wcstoul(a, NULL, 10) : errorlevel;
        exiting = TRUE;
    }
    else if ((n = builtin_name(cmd, L"cd")) || (n = builtin_name(cmd, L"chdir")))
    {
        const WCHAR *a = cmd + n;
        while (is_space(*a)) a++;
        if (!_wcsnicmp(a, L"/d", 2) && is_space(a[2])) for (a += 2; is_space(*a); a++);
        if (!*a) { WCHAR dir[MAX_PATH]; GetCurrentDirectoryW(MAX_PATH, dir); say(out, L"%ls\r\n", dir); }
        else
        {
            WCHAR *dir = dup_n(a, wcslen(a)), *q, *o;
            for (q = o = dir; *q; q++) if (*q != '"') *o++ = *q;
            while (o > dir && is_space(o[-1])) o--;
            *o = 0;
            if (!SetCurrentDirectoryW(dir)) { say(err, L"The system cannot find the path specified.\r\n"); code = 1; }
            free(dir);
        }
    }
    else if ((n = builtin_name(cmd, L"set")))
    {
        const WCHAR *a = cmd + n;
        while (is_space(*a)) a++;
        code = builtin_set(a, out, err);
    }
    else if ((n = builtin_name(cmd, L"type"))) code = builtin_type(cmd + n, out, err);
    else if ((n = builtin_name(cmd, L"dir"))) code = builtin_dir(cmd + n, out, err);
    else if (cmd[0] == '(' || !_wcsnicmp(cmd, L"if ", 3) || !_wcsnicmp(cmd, L"for ", 4) || !_wcsnicmp(cmd, L"goto ", 5)
             || !_wcsnicmp(cmd, L"call ", 5))
    {
        say(err, L"cmd: '%ls' is not supported by wlx's cmd.exe\r\n", cmd);
        code = 1;
    }
    else
    {
        STARTUPINFOW si = { sizeof(si) };
        PROCESS_INFORMATION pi;
        WCHAR *line = dup_n(cmd, len);
        HANDLE std[3], made[3] = { NULL, NULL, NULL };
        DWORD flags;
        BOOL started;
        /* a pipe end is inherited only by the command it is for: made
           inheritable for this CreateProcess alone (a pipeline's builtin
           thread holds its write end meanwhile; a reader that inherited it
           too would never see the end of its input) */
        for (int i = 0; i < 3; i++)
        {
            std[i] = r.std[i];
            if (std[i] && GetHandleInformation(std[i], &flags) && !(flags & HANDLE_FLAG_INHERIT)
                && DuplicateHandle(GetCurrentProcess(), std[i], GetCurrentProcess(), &made[i], 0, TRUE,
                                   DUPLICATE_SAME_ACCESS))
                std[i] = made[i];
        }
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = std[0];
        si.hStdOutput = std[1];
        si.hStdError = std[2];
        started = CreateProcessW(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
        for (int i = 0; i < 3; i++) if (made[i]) CloseHandle(made[i]);
        if (started)
        {
            CloseHandle(pi.hThread);
            if (process) *process = pi.hProcess;
            else
            {
                WaitForSingleObject(pi.hProcess, INFINITE);
                GetExitCodeProcess(pi.hProcess, &code);
                CloseHandle(pi.hProcess);
            }
        }
        else
        {
            DWORD e = GetLastError();
            const WCHAR *p = cmd;
            WCHAR *name = take_word(&p);
            if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND || e == ERROR_INVALID_NAME)
            {
                say(err, L"'%ls' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n", name);
                code = 9009;
            }
            else
            {
                say(err, L"cmd: cannot run '%ls' (error %lu)\r\n", name, e);
                code = 1;
            }
            free(name);
        }
        free(line);
    }
    close_redir(&r);
    return code;
}

/* ---- a pipeline: a | b | c ---- */

/* a builtin inside a pipeline runs on a thread of its own, so that a reader
   started after it never finds it blocked on a full pipe */
struct piped_builtin { WCHAR *cmd; HANDLE in, out; };

static DWORD WINAPI builtin_thread(void *arg)
{
    struct piped_builtin *b = arg;
    DWORD code = run_command(b->cmd, b->in, b->out, NULL);
    if (b->in) CloseHandle(b->in);
    if (b->out) CloseHandle(b->out);
    free(b);
    return code;
}

/* the parts of cmd separated by | (outside quotes) */
static DWORD run_pipeline(WCHAR *cmd)
{
    WCHAR *parts[64];
    int n = 0;
    BOOL quoted = FALSE;
    parts[n++] = cmd;
    for (WCHAR *p = cmd; *p; p++)
    {
        if (*p == '"') quoted = !quoted;
        else if (!quoted && *p == '^' && p[1]) p++;
        else if (!quoted && *p == '|')
        {
            if (n == ARRAYSIZE(parts)) { say(GetStdHandle(STD_ERROR_HANDLE), L"cmd: the pipeline is too long\r\n"); return 1; }
            *p = 0;
            parts[n++] = p + 1;
        }
    }
    if (n == 1) return run_command(cmd, NULL, NULL, NULL);

    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, FALSE };   /* see run_command */
    HANDLE waits[64], in = NULL;
    int n_waits = 0;
    DWORD code = 0;
    for (int i = 0; i < n; i++)
    {
        HANDLE read_end = NULL, write_end = NULL, process = NULL;
        const WCHAR *c = parts[i];
        while (is_space(*c)) c++;
        if (!*c) { say(GetStdHandle(STD_ERROR_HANDLE), L"The syntax of the command is incorrect.\r\n"); code = 255; break; }
        if (i < n - 1 && !CreatePipe(&read_end, &write_end, &sa, 0))
        {
            say(GetStdHandle(STD_ERROR_HANDLE), L"cmd: no pipe (error %lu)\r\n", GetLastError());
            code = 1;
            break;
        }
        BOOL builtin = FALSE;
        static const WCHAR *const builtins[] = { L"echo", L"set", L"type", L"cd", L"chdir", L"rem", L"exit", L"dir" };
        for (size_t k = 0; k < ARRAYSIZE(builtins); k++) builtin |= builtin_name(c, builtins[k]) != 0;
        if (builtin && i < n - 1)
        {
            struct piped_builtin *b = malloc(sizeof(*b));
            HANDLE t = NULL;
            if (b)
            {
                *b = (struct piped_builtin){ parts[i], in, write_end };   /* before the thread reads it */
                if (!(t = CreateThread(NULL, 0, builtin_thread, b, 0, NULL))) builtin_thread(b);
            }
            /* the thread closes in and write_end */
            if (t) waits[n_waits++] = t;
            in = read_end;
            continue;
        }
        code = run_command(parts[i], in, write_end, &process);
        if (process) waits[n_waits++] = process;
        if (in) CloseHandle(in);
        if (write_end) CloseHandle(write_end);
        in = read_end;
        if (process && i == n - 1)
        {
            WaitForSingleObject(process, INFINITE);
            GetExitCodeProcess(process, &code);
        }
    }
    if (in) CloseHandle(in);
    for (int i = 0; i < n_waits; i++) { WaitForSingleObject(waits[i], INFINITE); CloseHandle(waits[i]); }
    return code;
}

/* ---- a command line: commands joined by &, &&, || ---- */

static DWORD run_line(const WCHAR *text)
{
    WCHAR *line = expand(text);
    if (!line) return 1;
    WCHAR *p = line, *start = line;
    int op = '&';             /* how the next command joins the one before: '&', 'a' (&&), 'o' (||) */
    BOOL quoted = FALSE;
    for (;;)
    {
        if (*p == '"') quoted = !quoted;
        else if (!quoted && *p == '^' && p[1]) { p += 2; continue; }
        if (*p && (quoted || (*p != '&' && *p != '|') || (*p == '&' && p > line && (p[-1] == '>' || p[-1] == '<'))))
        {
            p++;                  /* not an operator: text, or the & of 2>&1 */
            continue;
        }
        if (*p == '|' && p[1] != '|') { p++; continue; }   /* a pipe: run_pipeline's */
        int next = !*p ? 0 : *p == '|' ? 'o' : p[1] == '&' ? 'a' : '&';
        WCHAR *end = p;
        p += next == 0 ? 0 : next == '&' ? 1 : 2;
        *end = 0;
        if (op == '&' || (op == 'a' && !errorlevel) || (op == 'o' && errorlevel))
            errorlevel = run_pipeline(start);
        if (exiting || !next) break;
        op = next;
        start = p;
    }
    free(line);
    return errorlevel;
}

/* ---- the command line of cmd itself ---- */

/* the text after /c, with cmd's quote rule: kept when there are exactly two
   quotes around a name with a space that is a file and no special
   character, no /s; else a leading quote and the last one are dropped */
static WCHAR *command_text(const WCHAR *rest, BOOL s_option)
{
    while (is_space(*rest)) rest++;
    size_t len = wcslen(rest);
    WCHAR *text = dup_n(rest, len);
    if (*text != '"') return text;
    const WCHAR *first = text, *last = wcsrchr(text, '"');
    int quotes = 0;
    for (const WCHAR *q = text; *q; q++) quotes += *q == '"';
    if (!s_option && quotes == 2)
    {
        WCHAR *inner = dup_n(first + 1, last - first - 1);
        BOOL special = wcspbrk(inner, L"&<>()@^|") != NULL, space = wcspbrk(inner, L" \t") != NULL;
        DWORD attr = GetFileAttributesW(inner);
        free(inner);
        if (!special && space && attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY)) return text;
    }
    if (last == first) { memmove(text, text + 1, len * sizeof(WCHAR)); return text; }
    WCHAR *l = (WCHAR *)last;
    memmove(l, l + 1, wcslen(l + 1) * sizeof(WCHAR) + sizeof(WCHAR));
    memmove(text, text + 1, wcslen(text) * sizeof(WCHAR));
    return text;
}

int wmain(void)
{
    const WCHAR *p = GetCommandLineW();
    BOOL s_option = FALSE, quoted = FALSE;
    for (; *p && (quoted || !is_space(*p)); p++) if (*p == '"') quoted = !quoted;   /* the program's name */
    for (;;)
    {
        while (is_space(*p)) p++;
        if (*p != '/') break;
        WCHAR opt = towlower(p[1]);
        if (opt == 'c' || opt == 'k')
        {
            WCHAR *text = command_text(p + 2, s_option);
            DWORD code = run_line(text);
            free(text);
            fflush(stdout);
            return code;
        }
        if (opt == 's') s_option = TRUE;
        for (p++; *p && !is_space(*p) && *p != '/'; p++);
    }
    if (*p)
    {
        say(GetStdHandle(STD_ERROR_HANDLE), L"cmd: unknown option or text '%ls' (wlx's cmd.exe runs /c COMMAND)\r\n", p);
        return 1;
    }
    say(GetStdHandle(STD_ERROR_HANDLE), L"cmd: wlx's cmd.exe has no interactive prompt; run cmd /c COMMAND\r\n");
    return 1;
}
