/*
 * The path functions of shlwapi, written once for both character types:
 * path.c includes this file twice, with T the character type and FN(x)
 * naming the function (xW for WCHAR, xA for char). They work on the
 * characters alone, as Windows does: separators are '\' (and '/' where
 * Windows accepts it), a drive is "X:", a UNC path starts with "\\".
 * Only PathFileExists and PathIsDirectory look at the file system.
 */

/* the length of a NUL-terminated string of T */
static size_t FN(len)(const T *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* TRUE for '\' and '/' */
static BOOL FN(is_sep)(T c) { return c == '\\' || c == '/'; }

/* TRUE when `path` begins with a drive letter and a colon */
static BOOL FN(has_drive)(const T *path)
{
    return ((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') && path[1] == ':';
}

/* the length of the root of `path`: "X:\", "X:", "\\server\share\", "\" or 0 */
static size_t FN(root_len)(const T *path)
{
    size_t n;
    int parts;

    if (FN(has_drive)(path)) return path[2] == '\\' ? 3 : 2;
    if (path[0] == '\\' && path[1] == '\\')
    {
        /* the server and share names, and the backslash after them */
        for (n = 2, parts = 0; path[n]; n++)
            if (path[n] == '\\' && ++parts == 2) return n + 1;
        return n;
    }
    return path[0] == '\\' ? 1 : 0;
}

BOOL WINAPI FN(PathIsRelative)(const T *path)
{
    if (!path || !*path) return TRUE;
    return path[0] != '\\' && !FN(has_drive)(path);
}

BOOL WINAPI FN(PathIsUNC)(const T *path)
{
    return path && path[0] == '\\' && path[1] == '\\';
}

/* "\", "X:\", "\\server" and "\\server\share" are roots */
BOOL WINAPI FN(PathIsRoot)(const T *path)
{
    size_t n;
    int parts = 0;

    if (!path || !*path) return FALSE;
    if (path[0] == '\\' && !path[1]) return TRUE;
    if (FN(has_drive)(path)) return path[2] == '\\' && !path[3];
    if (path[0] != '\\' || path[1] != '\\') return FALSE;
    for (n = 2; path[n]; n++)
        if (path[n] == '\\' && (++parts > 1 || !path[n + 1])) return FALSE;
    return TRUE;
}

/* the last component: after the last separator or drive colon that something follows */
T * WINAPI FN(PathFindFileName)(const T *path)
{
    const T *name = path;

    if (!path) return NULL;
    for (; *path; path++)
        if ((FN(is_sep)(*path) || *path == ':') && path[1] && !FN(is_sep)(path[1])) name = path + 1;
    return (T *)name;
}

/* the last '.' of the last component (a space also ends the search), else the terminating NUL */
T * WINAPI FN(PathFindExtension)(const T *path)
{
    const T *dot = NULL;

    if (!path) return NULL;
    for (; *path; path++)
    {
        if (*path == '\\' || *path == ' ') dot = NULL;
        else if (*path == '.') dot = path;
    }
    return (T *)(dot ? dot : path);
}

void WINAPI FN(PathRemoveExtension)(T *path)
{
    if (path) *FN(PathFindExtension)(path) = 0;
}

/* "C:\a\b" -> "C:\a", "C:\a" -> "C:\", "\a" -> "\"; TRUE when something was removed */
BOOL WINAPI FN(PathRemoveFileSpec)(T *path)
{
    T *name, *end;
    size_t root;

    if (!path || !*path) return FALSE;
    root = FN(root_len)(path);
    name = FN(PathFindFileName)(path);
    if (name <= path + root)
    {
        /* only the root and a name, or only a root */
        if (!path[root]) return FALSE;
        path[root] = 0;
        return TRUE;
    }
    end = name - 1;                 /* the separator before the name */
    while (end > path + root && FN(is_sep)(end[-1])) end--;
    *end = 0;
    return TRUE;
}

/* appends '\' unless there is one; the new end, or NULL when it would not fit MAX_PATH */
T * WINAPI FN(PathAddBackslash)(T *path)
{
    size_t n;

    if (!path) return NULL;
    n = FN(len)(path);
    if (n >= MAX_PATH - 1) return NULL;
    if (n && path[n - 1] != '\\')
    {
        path[n++] = '\\';
        path[n] = 0;
    }
    return path + n;
}

/* removes one trailing '\' unless it belongs to a root; the last character after that */
T * WINAPI FN(PathRemoveBackslash)(T *path)
{
    size_t n;

    if (!path) return NULL;
    n = FN(len)(path);
    if (!n) return path;
    if (path[n - 1] == '\\' && !FN(PathIsRoot)(path))
    {
        path[n - 1] = 0;
        return path + n - 1;
    }
    return path + n - 1;
}

/* moves the last component to the start of the buffer */
void WINAPI FN(PathStripPath)(T *path)
{
    T *name;

    if (!path) return;
    name = FN(PathFindFileName)(path);
    if (name != path) memmove(path, name, (FN(len)(name) + 1) * sizeof(T));
}

/* the characters of the component at `src`: up to a separator or the end */
static size_t FN(component_len)(const T *src)
{
    size_t n = 0;
    while (src[n] && src[n] != '\\') n++;
    return n;
}

/* removes "." and ".." components, never going above the root; FALSE when the result would not fit MAX_PATH */
BOOL WINAPI FN(PathCanonicalize)(T *dst, const T *src)
{
    size_t root, out, n;

    if (!dst || !src)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (FN(len)(src) >= MAX_PATH) { *dst = 0; return FALSE; }
    if (!*src) { dst[0] = '\\'; dst[1] = 0; return TRUE; }
    root = out = FN(root_len)(src);
    memmove(dst, src, root * sizeof(T));
    for (src += root; *src; )
    {
        n = FN(component_len)(src);
        if (n == 1 && src[0] == '.') ;   /* drop it */
        else if (n == 2 && src[0] == '.' && src[1] == '.')
        {
            /* back over the previous component, not past the root */
            if (out > root && dst[out - 1] == '\\') out--;
            while (out > root && dst[out - 1] != '\\') out--;
        }
        else
        {
            memmove(dst + out, src, n * sizeof(T));
            out += n;
            if (src[n]) dst[out++] = '\\';
        }
        src += n;
        if (*src) src++;
    }
    /* "X:\a\.." leaves "X:\a\" stripped to "X:\"; a trailing '\' of a non-root stays only if the source had one */
    dst[out] = 0;
    if (out > root && dst[out - 1] == '\\' && src[-1] != '\\') dst[--out] = 0;
    if (!out) { dst[0] = '\\'; dst[1] = 0; }
    return TRUE;
}

/* dir + '\' + file, canonicalized; an absolute file replaces dir (a rooted one keeps dir's root) */
T * WINAPI FN(PathCombine)(T *dst, const T *dir, const T *file)
{
    static const T empty[1] = { 0 };
    T buf[MAX_PATH * 2];
    size_t n = 0, dir_len, file_len;

    if (!dst) return NULL;
    if (!dir && !file) { dst[0] = 0; return NULL; }
    if (!file || !*file) file = NULL;
    if (!dir) dir = empty;
    dir_len = FN(len)(dir);
    file_len = file ? FN(len)(file) : 0;
    if (dir_len >= MAX_PATH || file_len >= MAX_PATH) { dst[0] = 0; return NULL; }
    if (file && (FN(has_drive)(file) || FN(PathIsUNC)(file))) n = 0;
    else if (file && file[0] == '\\')
    {
        /* rooted: the drive of dir, then file */
        n = FN(has_drive)(dir) ? 2 : 0;
        memcpy(buf, dir, n * sizeof(T));
    }
    else
    {
        memcpy(buf, dir, dir_len * sizeof(T));
        n = dir_len;
        if (file && n && buf[n - 1] != '\\') buf[n++] = '\\';
    }
    if (file) memcpy(buf + n, file, file_len * sizeof(T));
    buf[n + file_len] = 0;
    if (!FN(PathCanonicalize)(dst, buf)) { dst[0] = 0; return NULL; }
    return dst;
}

/* path + '\' + more (a leading '\' of a relative `more` is skipped) */
BOOL WINAPI FN(PathAppend)(T *path, const T *more)
{
    if (!path || !more) return FALSE;
    if (!FN(PathIsUNC)(more)) while (*more == '\\') more++;
    return FN(PathCombine)(path, path, more) != NULL;
}

/* the arguments after the first token (quotes group spaces), or the terminating NUL */
T * WINAPI FN(PathGetArgs)(const T *path)
{
    BOOL quoted = FALSE;

    if (!path) return NULL;
    for (; *path; path++)
    {
        if (*path == ' ' && !quoted) return (T *)path + 1;
        if (*path == '"') quoted = !quoted;
    }
    return (T *)path;
}

/* "a b" for a path with spaces; FALSE when it has none or would not fit MAX_PATH */
BOOL WINAPI FN(PathQuoteSpaces)(T *path)
{
    size_t n, i;

    if (!path) return FALSE;
    n = FN(len)(path);
    for (i = 0; i < n && path[i] != ' '; i++) ;
    if (i == n || n + 3 > MAX_PATH) return FALSE;
    memmove(path + 1, path, n * sizeof(T));
    path[0] = path[n + 1] = '"';
    path[n + 2] = 0;
    return TRUE;
}

/* removes quotes around the whole path */
BOOL WINAPI FN(PathUnquoteSpaces)(T *path)
{
    size_t n;

    if (!path || path[0] != '"') return FALSE;
    n = FN(len)(path);
    if (n < 2 || path[n - 1] != '"') return FALSE;
    memmove(path, path + 1, (n - 2) * sizeof(T));
    path[n - 2] = 0;
    return TRUE;
}
