/*
 * dlls/shell32/fileop.c — SHFileOperation without a user interface: delete,
 * copy, move and rename of the double-NUL-terminated lists in pFrom/pTo,
 * folders with their contents, wildcards in a source's last component.
 * There is no dialog to ask in: an existing destination file is replaced
 * (as FOF_NOCONFIRMATION answers), and FOF_ALLOWUNDO deletes for good
 * (there is no Recycle Bin). The first failure stops the operation.
 *
 * Also SHGetDesktopFolder and SHBindToParent, which would hand out shell
 * folder objects (IShellFolder); there are none here.
 *
 * Sections: paths · one item · the lists · the exported functions.
 */
#include "private.h"

/* Windows' own codes (documented with SHFileOperation) for cases that are
 * not a Win32 error */
#define DE_SAMEFILE     0x71    /* source and destination are the same file */
#define DE_DESTSUBTREE  0x76    /* the destination is inside the source folder */
#define DE_INVALIDFILES 0x7c    /* a path of the source or destination is invalid */

/* --- paths -------------------------------------------------------------------- */

static BOOL is_dir(const WCHAR *path)
{
    DWORD attr = GetFileAttributesW(path);
    return attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY);
}

static BOOL has_wildcard(const WCHAR *path)
{
    const WCHAR *name = path, *p;

    for (p = path; *p; p++) if (*p == '\\' || *p == '/') name = p + 1;
    return wcspbrk(name, L"*?") != NULL;
}

/* "dir\name" in a new heap string */
static WCHAR *path_join(const WCHAR *dir, const WCHAR *name)
{
    int n = lstrlenW(dir);
    WCHAR *ret = HeapAlloc(GetProcessHeap(), 0, (n + lstrlenW(name) + 2) * sizeof(WCHAR));

    if (!ret) return NULL;
    lstrcpyW(ret, dir);
    if (n && ret[n - 1] != '\\' && ret[n - 1] != '/') ret[n++] = '\\';
    lstrcpyW(ret + n, name);
    return ret;
}

/* the last component of a path */
static const WCHAR *path_name(const WCHAR *path)
{
    const WCHAR *name = path, *p;

    for (p = path; *p; p++) if ((*p == '\\' || *p == '/') && p[1]) name = p + 1;
    return name;
}

/* the folder part of a path, in a new heap string ("" for a bare name) */
static WCHAR *path_dir(const WCHAR *path)
{
    int n = path_name(path) - path;
    WCHAR *ret = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(WCHAR));

    if (ret) { memcpy(ret, path, n * sizeof(WCHAR)); ret[n] = 0; }
    return ret;
}

static void heap_free(void *p) { HeapFree(GetProcessHeap(), 0, p); }

/* 0 when dst is neither src nor inside it, else DE_SAMEFILE or DE_DESTSUBTREE */
static DWORD check_overlap(const WCHAR *src, const WCHAR *dst)
{
    WCHAR a[MAX_PATH], b[MAX_PATH];
    int n;

    if (!GetFullPathNameW(src, MAX_PATH, a, NULL) || !GetFullPathNameW(dst, MAX_PATH, b, NULL)) return 0;
    if (!lstrcmpiW(a, b)) return DE_SAMEFILE;
    n = lstrlenW(a);
    if (CompareStringOrdinal(a, n, b, min(n, lstrlenW(b)), TRUE) == CSTR_EQUAL && b[n] == '\\')
        return DE_DESTSUBTREE;
    return 0;
}

/* --- one item ------------------------------------------------------------------ */

/* calls fn(folder\name) for each entry of a folder but . and .. */
static DWORD for_each_child(const WCHAR *dir, DWORD (*fn)(const WCHAR *, const WCHAR *, const WCHAR *),
                            const WCHAR *dst)
{
    WIN32_FIND_DATAW fd;
    WCHAR *pattern = path_join(dir, L"*");
    HANDLE find;
    DWORD err = 0;

    if (!pattern) return ERROR_NOT_ENOUGH_MEMORY;
    find = FindFirstFileW(pattern, &fd);
    heap_free(pattern);
    if (find == INVALID_HANDLE_VALUE) return GetLastError() == ERROR_FILE_NOT_FOUND ? 0 : GetLastError();
    do
    {
        if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
        err = fn(dir, fd.cFileName, dst);
    } while (!err && FindNextFileW(find, &fd));
    FindClose(find);
    return err;
}

static DWORD delete_item(const WCHAR *path);

static DWORD delete_child(const WCHAR *dir, const WCHAR *name, const WCHAR *unused)
{
    WCHAR *path = path_join(dir, name);
    DWORD err = path ? delete_item(path) : ERROR_NOT_ENOUGH_MEMORY;

    heap_free(path);
    return err;
}

/* a file, or a folder with everything in it; read-only files too */
static DWORD delete_item(const WCHAR *path)
{
    DWORD attr = GetFileAttributesW(path), err;

    if (attr == INVALID_FILE_ATTRIBUTES) return GetLastError();
    if (attr & FILE_ATTRIBUTE_READONLY) SetFileAttributesW(path, attr & ~FILE_ATTRIBUTE_READONLY);
    if ((attr & FILE_ATTRIBUTE_DIRECTORY) && !(attr & FILE_ATTRIBUTE_REPARSE_POINT))
    {
        if ((err = for_each_child(path, delete_child, NULL))) return err;
        return RemoveDirectoryW(path) ? 0 : GetLastError();
    }
    if (attr & FILE_ATTRIBUTE_DIRECTORY) return RemoveDirectoryW(path) ? 0 : GetLastError();
    return DeleteFileW(path) ? 0 : GetLastError();
}

static DWORD copy_item(const WCHAR *src, const WCHAR *dst);

static DWORD copy_child(const WCHAR *dir, const WCHAR *name, const WCHAR *dst_dir)
{
    WCHAR *src = path_join(dir, name), *dst = path_join(dst_dir, name);
    DWORD err = src && dst ? copy_item(src, dst) : ERROR_NOT_ENOUGH_MEMORY;

    heap_free(src);
    heap_free(dst);
    return err;
}

/* a file (replacing one of that name) or a folder with its contents */
static DWORD copy_item(const WCHAR *src, const WCHAR *dst)
{
    if (is_dir(src))
    {
        if (!CreateDirectoryW(dst, NULL) && GetLastError() != ERROR_ALREADY_EXISTS) return GetLastError();
        return for_each_child(src, copy_child, dst);
    }
    return CopyFileW(src, dst, FALSE) ? 0 : GetLastError();
}

/* a rename where possible, else a copy and a delete (a folder to another drive) */
static DWORD move_item(const WCHAR *src, const WCHAR *dst)
{
    DWORD err;

    if (MoveFileExW(src, dst, is_dir(src) ? 0 : MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED)) return 0;
    if (!is_dir(src) || GetLastError() != ERROR_NOT_SAME_DEVICE) return GetLastError();
    if ((err = copy_item(src, dst))) return err;
    return delete_item(src);
}

/* --- the lists ------------------------------------------------------------------ */

struct fileop
{
    const SHFILEOPSTRUCTW *op;
    const WCHAR *to;            /* the destination of this source (one name or a folder) */
    BOOL into;                  /* `to` is a folder to put the sources in */
};

/* one source path (no wildcard left) */
static DWORD do_one(const struct fileop *f, const WCHAR *src)
{
    WCHAR *dst;
    DWORD err;

    if (f->op->wFunc == FO_DELETE) return delete_item(src);
    if (GetFileAttributesW(src) == INVALID_FILE_ATTRIBUTES) return GetLastError();
    if (f->op->wFunc == FO_RENAME) return MoveFileW(src, f->to) ? 0 : GetLastError();
    if (!(dst = f->into ? path_join(f->to, path_name(src)) : path_join(L"", f->to))) return ERROR_NOT_ENOUGH_MEMORY;
    if (!(err = check_overlap(src, dst)))
        err = f->op->wFunc == FO_COPY ? copy_item(src, dst) : move_item(src, dst);
    heap_free(dst);
    return err;
}

/* one source entry: a path, or a pattern in its last component */
static DWORD do_entry(const struct fileop *f, const WCHAR *src)
{
    WIN32_FIND_DATAW fd;
    WCHAR *dir, *path;
    HANDLE find;
    DWORD err = 0;

    if (!has_wildcard(src)) return do_one(f, src);
    if ((find = FindFirstFileW(src, &fd)) == INVALID_HANDLE_VALUE)
        return GetLastError() == ERROR_FILE_NOT_FOUND ? 0 : GetLastError();
    if (!(dir = path_dir(src))) { FindClose(find); return ERROR_NOT_ENOUGH_MEMORY; }
    do
    {
        if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
        if ((f->op->fFlags & FOF_FILESONLY) && (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) continue;
        if (!(path = path_join(dir, fd.cFileName))) { err = ERROR_NOT_ENOUGH_MEMORY; break; }
        err = do_one(f, path);
        heap_free(path);
    } while (!err && FindNextFileW(find, &fd));
    FindClose(find);
    heap_free(dir);
    return err;
}

static int list_count(const WCHAR *list)
{
    int n = 0;

    for (; list && *list; list += lstrlenW(list) + 1) n++;
    return n;
}

static DWORD file_operation(const SHFILEOPSTRUCTW *op)
{
    struct fileop f = { op, op->pTo, FALSE };
    const WCHAR *src = op->pFrom;
    int sources = list_count(op->pFrom);
    BOOL multi = (op->fFlags & FOF_MULTIDESTFILES) && list_count(op->pTo) > 1;
    DWORD err = 0;

    if (op->wFunc < FO_MOVE || op->wFunc > FO_RENAME) return ERROR_INVALID_PARAMETER;
    if (!sources) return ERROR_INVALID_PARAMETER;
    if (op->wFunc != FO_DELETE)
    {
        if (!op->pTo || !*op->pTo) return DE_INVALIDFILES;
        if (op->wFunc == FO_RENAME && (sources > 1 || has_wildcard(src))) return DE_INVALIDFILES;
        if (multi && list_count(op->pTo) != sources) return DE_INVALIDFILES;
    }
    if (op->wFunc == FO_COPY || op->wFunc == FO_MOVE)
    {
        /* one destination: a folder to put things in when it is one, or when
         * there are several sources (it is made then) */
        if (!multi && (is_dir(op->pTo) || sources > 1 || has_wildcard(src)))
        {
            f.into = TRUE;
            if (!is_dir(op->pTo) && (err = SHCreateDirectoryExW(NULL, op->pTo, NULL))) return err;
        }
    }
    for (; *src && !err; src += lstrlenW(src) + 1)
    {
        if (multi)
        {
            f.into = is_dir(f.to) && !is_dir(src);
            err = do_entry(&f, src);
            f.to += lstrlenW(f.to) + 1;
        }
        else err = do_entry(&f, src);
    }
    return err;
}

/* --- the exported functions ----------------------------------------------------------- */

int WINAPI SHFileOperationW(LPSHFILEOPSTRUCTW op)
{
    DWORD err;

    if (!op) return ERROR_INVALID_PARAMETER;
    op->fAnyOperationsAborted = FALSE;
    op->hNameMappings = NULL;
    err = file_operation(op);
    if (err) op->fAnyOperationsAborted = TRUE;
    return err;
}

/* a double-NUL-terminated ANSI list as a new UTF-16 one (NULL stays NULL) */
static WCHAR *list_aw(const char *list)
{
    const char *p = list;
    WCHAR *ret;
    int n;

    if (!list) return NULL;
    while (*p) p += strlen(p) + 1;
    n = MultiByteToWideChar(CP_ACP, 0, list, p - list + 1, NULL, 0);
    if ((ret = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
        MultiByteToWideChar(CP_ACP, 0, list, p - list + 1, ret, n);
    return ret;
}

int WINAPI SHFileOperationA(LPSHFILEOPSTRUCTA op)
{
    SHFILEOPSTRUCTW w;
    int ret;

    if (!op) return ERROR_INVALID_PARAMETER;
    memcpy(&w, op, sizeof(w));
    w.pFrom = list_aw(op->pFrom);
    w.pTo = list_aw(op->pTo);
    w.lpszProgressTitle = NULL;
    ret = SHFileOperationW(&w);
    op->fAnyOperationsAborted = w.fAnyOperationsAborted;
    op->hNameMappings = NULL;
    heap_free((void *)w.pFrom);
    heap_free((void *)w.pTo);
    return ret;
}

/* no shell folder objects: E_NOTIMPL, documented as "not implemented" */
HRESULT WINAPI SHGetDesktopFolder(IShellFolder **folder)
{
    if (!folder) return E_INVALIDARG;
    *folder = NULL;
    return E_NOTIMPL;
}

HRESULT WINAPI SHBindToParent(PCIDLIST_ABSOLUTE pidl, REFIID iid, void **out, PCUITEMID_CHILD *last)
{
    if (out) *out = NULL;
    if (last) *last = NULL;
    if (!pidl || !out) return E_INVALIDARG;
    return E_NOTIMPL;
}
