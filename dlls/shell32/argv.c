/*
 * CommandLineToArgvW: Windows' splitting rules, proven against Windows'
 * behaviour in tests/shell32/argv.c:
 *  - the program name (argv[0]) ends at the next '"' if it starts with one,
 *    else at the first space or tab (so leading blanks give an empty name);
 *    no backslash is special in it;
 *  - later arguments are separated by spaces and tabs outside quotes;
 *  - 2n backslashes then '"' give n backslashes and a quote that toggles
 *    quoting; 2n+1 backslashes then '"' give n backslashes and a literal '"';
 *    other backslashes are literal;
 *  - inside quotes, '""' is a literal '"' that also ends the quoting;
 *  - an empty command line gives the program's path alone.
 * The result is one LocalAlloc block: the pointers (NULL-terminated), then
 * the strings; the caller frees it with LocalFree.
 */
#include "private.h"

static BOOL is_blank(WCHAR c) { return c == ' ' || c == '\t'; }

/* splits `cmd` into `argv`/`out` (when not NULL); returns the count and the
 * characters needed (NULs included) in *chars */
static int split(const WCHAR *cmd, WCHAR **argv, WCHAR *out, size_t *chars)
{
    const WCHAR *p = cmd;
    size_t n = 0;
    int argc = 0;

#define PUT(c) do { WCHAR c_ = (c); if (out) out[n] = c_; n++; } while (0)   /* c is evaluated once */
    /* the program name */
    if (argv) argv[argc] = out + n;
    argc++;
    if (*p == '"')
    {
        for (p++; *p && *p != '"'; p++) PUT(*p);
        if (*p) p++;
    }
    else for (; *p && !is_blank(*p); p++) PUT(*p);
    PUT(0);

    for (;;)
    {
        BOOL quoted = FALSE;

        while (is_blank(*p)) p++;
        if (!*p) break;
        if (argv) argv[argc] = out + n;
        argc++;
        while (*p && (quoted || !is_blank(*p)))
        {
            if (*p == '\\')
            {
                size_t slashes = 0;
                while (*p == '\\') { slashes++; p++; }
                if (*p == '"')
                {
                    for (size_t i = 0; i < slashes / 2; i++) PUT('\\');
                    if (slashes & 1) { PUT('"'); p++; }
                }
                else for (size_t i = 0; i < slashes; i++) PUT('\\');
            }
            else if (*p == '"')
            {
                p++;
                if (quoted && *p == '"') { PUT('"'); p++; quoted = FALSE; }
                else quoted = !quoted;
            }
            else { PUT(*p); p++; }
        }
        PUT(0);
    }
#undef PUT
    *chars = n;
    return argc;
}

LPWSTR * WINAPI CommandLineToArgvW(LPCWSTR cmd, int *count)
{
    WCHAR exe[MAX_PATH], **argv;
    size_t chars;
    int argc;

    if (!count)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!cmd || !*cmd)
    {
        /* the program's own path, alone */
        DWORD len = GetModuleFileNameW(NULL, exe, MAX_PATH);
        if (!(argv = LocalAlloc(LMEM_FIXED, 2 * sizeof(WCHAR *) + (len + 1) * sizeof(WCHAR)))) return NULL;
        argv[0] = (WCHAR *)(argv + 2);
        memcpy(argv[0], exe, (len + 1) * sizeof(WCHAR));
        argv[1] = NULL;
        *count = 1;
        return argv;
    }
    argc = split(cmd, NULL, NULL, &chars);
    if (!(argv = LocalAlloc(LMEM_FIXED, (argc + 1) * sizeof(WCHAR *) + chars * sizeof(WCHAR)))) return NULL;
    split(cmd, argv, (WCHAR *)(argv + argc + 1), &chars);
    argv[argc] = NULL;
    *count = argc;
    return argv;
}
