/*
 * programs/cmd/dir.c — cmd's "dir": list folders and files.
 *
 *   dir [PATH...] [/b] [/s] [/a[[:]ATTRS]] [/o[[:]ORDER]]
 *
 * /b bare names (full paths with /s), /s every folder below too, /a which
 * entries by attribute (d r h s a, '-' negates; /a alone: all; default:
 * neither hidden nor system), /o the order (n name, e extension, s size,
 * d date, g folders first, '-' reverses; default: the folder's own order,
 * which NTFS keeps sorted by name). Without /b, Windows' long listing:
 * volume, a header per folder, date, time, <DIR> or size, name, and the
 * counts. Other switches of Windows' dir (/w /p /q /t /x ...) are accepted
 * and do not change the listing. Nothing found: "File Not Found" on stderr,
 * errorlevel 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include "cmd.h"

struct dir_options {
    BOOL bare, recurse, all;
    DWORD attr_on, attr_off;   /* entries must have all of attr_on, none of attr_off */
    WCHAR order[8];            /* letters of /o, upper-case; '-' before one reverses it */
};

struct totals {
    ULONGLONG files, dirs, bytes;
    BOOL found;
};

static DWORD attr_bit(WCHAR c)
{
    switch (towupper(c))
    {
    case 'D': return FILE_ATTRIBUTE_DIRECTORY;
    case 'R': return FILE_ATTRIBUTE_READONLY;
    case 'H': return FILE_ATTRIBUTE_HIDDEN;
    case 'S': return FILE_ATTRIBUTE_SYSTEM;
    case 'A': return FILE_ATTRIBUTE_ARCHIVE;
    case 'L': return FILE_ATTRIBUTE_REPARSE_POINT;
    default: return 0;
    }
}

/* one switch (after its '/'); FALSE when it is not dir's */
static BOOL parse_switch(const WCHAR *s, struct dir_options *o)
{
    WCHAR c = towupper(*s++);
    if (*s == ':') s++;
    switch (c)
    {
    case 'B': o->bare = TRUE; return TRUE;
    case 'S': o->recurse = TRUE; return TRUE;
    case 'A':
        o->all = TRUE;
        o->attr_on = o->attr_off = 0;
        for (BOOL neg = FALSE; *s; s++)
        {
            if (*s == '-') { neg = TRUE; continue; }
            if (!attr_bit(*s)) return FALSE;
            if (neg) o->attr_off |= attr_bit(*s); else o->attr_on |= attr_bit(*s);
            neg = FALSE;
        }
        return TRUE;
    case 'O':
    {
        size_t n = 0;
        for (; *s && n < ARRAYSIZE(o->order) - 1; s++)
        {
            if (*s != '-' && !wcschr(L"NnEeSsDdGg", *s)) return FALSE;
            o->order[n++] = towupper(*s);
        }
        o->order[n] = 0;
        if (!n) wcscpy(o->order, L"GN");   /* /o alone: folders first, by name */
        return TRUE;
    }
    case 'W': case 'P': case 'Q': case 'T': case 'X': case 'L': case 'C': case 'N': case '4': case 'D': case 'R':
        return TRUE;
    default:
        return FALSE;
    }
}

static BOOL wanted(const WIN32_FIND_DATAW *fd, const struct dir_options *o)
{
    DWORD a = fd->dwFileAttributes;
    if (o->bare && (!wcscmp(fd->cFileName, L".") || !wcscmp(fd->cFileName, L".."))) return FALSE;
    if (!o->all) return !(a & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM));
    return (a & o->attr_on) == o->attr_on && !(a & o->attr_off);
}

static const WCHAR *order_keys;   /* qsort has no context argument */

static const WCHAR *extension(const WCHAR *name)
{
    const WCHAR *dot = wcsrchr(name, '.');
    return dot && dot != name ? dot : L"";
}

static int compare_entries(const void *pa, const void *pb)
{
    const WIN32_FIND_DATAW *a = pa, *b = pb;
    for (const WCHAR *k = order_keys; *k; k++)
    {
        int sign = 1, c = 0;
        if (*k == '-') { sign = -1; if (!*++k) break; }
        switch (*k)
        {
        case 'N': c = _wcsicmp(a->cFileName, b->cFileName); break;
        case 'E': c = _wcsicmp(extension(a->cFileName), extension(b->cFileName)); break;
        case 'S':
        {
            ULONGLONG sa = (ULONGLONG)a->nFileSizeHigh << 32 | a->nFileSizeLow;
            ULONGLONG sb = (ULONGLONG)b->nFileSizeHigh << 32 | b->nFileSizeLow;
            c = sa < sb ? -1 : sa > sb;
            break;
        }
        case 'D': c = CompareFileTime(&a->ftLastWriteTime, &b->ftLastWriteTime); break;
        case 'G':
            c = !!(b->dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) - !!(a->dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
            break;
        }
        if (c) return c * sign;
    }
    return _wcsicmp(a->cFileName, b->cFileName);   /* ties by name: qsort is not stable */
}

/* 1234567 -> "1,234,567" */
static void with_commas(ULONGLONG v, WCHAR *out)
{
    WCHAR digits[32];
    int n = swprintf(digits, 32, L"%llu", v), o = 0;
    for (int i = 0; i < n; i++)
    {
        if (i && (n - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = 0;
}

static void say_entry(HANDLE out, const WIN32_FIND_DATAW *fd)
{
    FILETIME local;
    SYSTEMTIME st;
    WCHAR date[32], time[32], size[32];

    FileTimeToLocalFileTime(&fd->ftLastWriteTime, &local);
    FileTimeToSystemTime(&local, &st);
    if (!GetDateFormatW(LOCALE_USER_DEFAULT, 0, &st, L"MM/dd/yyyy", date, 32)) date[0] = 0;
    if (!GetTimeFormatW(LOCALE_USER_DEFAULT, 0, &st, L"hh:mm tt", time, 32)) time[0] = 0;
    if (fd->dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        say(out, L"%ls  %ls    <DIR>          %ls\r\n", date, time, fd->cFileName);
    else
    {
        with_commas((ULONGLONG)fd->nFileSizeHigh << 32 | fd->nFileSizeLow, size);
        say(out, L"%ls  %ls %17ls %ls\r\n", date, time, size, fd->cFileName);
    }
}

static void say_free(HANDLE out, const WCHAR *folder, ULONGLONG dirs)
{
    ULARGE_INTEGER avail;
    WCHAR free_text[32];
    if (!GetDiskFreeSpaceExW(folder, &avail, NULL, NULL)) avail.QuadPart = 0;
    with_commas(avail.QuadPart, free_text);
    say(out, L"%16llu Dir(s) %15ls bytes free\r\n", dirs, free_text);
}

/* lists folder\mask (folder ends with '\'); then its subfolders with /s */
static void list_folder(const WCHAR *folder, const WCHAR *mask, const struct dir_options *o, struct totals *t,
                        HANDLE out)
{
    WCHAR *pattern = malloc((wcslen(folder) + wcslen(mask) + 3) * sizeof(WCHAR));
    WIN32_FIND_DATAW fd, *list = NULL;
    size_t count = 0, cap = 0;
    ULONGLONG files = 0, dirs = 0, bytes = 0;
    HANDLE find;

    if (!pattern) return;
    swprintf(pattern, wcslen(folder) + wcslen(mask) + 3, L"%ls%ls", folder, mask);
    if ((find = FindFirstFileW(pattern, &fd)) != INVALID_HANDLE_VALUE)
    {
        do
        {
            if (!wanted(&fd, o)) continue;
            if (count == cap)
            {
                WIN32_FIND_DATAW *grown = realloc(list, (cap = cap ? cap * 2 : 32) * sizeof(*list));
                if (!grown) break;
                list = grown;
            }
            list[count++] = fd;
        } while (FindNextFileW(find, &fd));
        FindClose(find);
    }
    free(pattern);
    if (o->order[0])
    {
        order_keys = o->order;
        qsort(list, count, sizeof(*list), compare_entries);
    }
    if (count && !o->bare)
    {
        size_t len = wcslen(folder);
        /* "Directory of C:\" keeps a root's backslash, drops any other's */
        say(out, L"\r\n Directory of %.*ls\r\n\r\n", (int)(len > 3 ? len - 1 : len), folder);
    }
    for (size_t i = 0; i < count; i++)
    {
        if (list[i].dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) dirs++;
        else { files++; bytes += (ULONGLONG)list[i].nFileSizeHigh << 32 | list[i].nFileSizeLow; }
        if (!o->bare) say_entry(out, &list[i]);
        else if (o->recurse) say(out, L"%ls%ls\r\n", folder, list[i].cFileName);
        else say(out, L"%ls\r\n", list[i].cFileName);
    }
    if (count)
    {
        WCHAR size[32];
        t->found = TRUE;
        with_commas(bytes, size);
        if (!o->bare) say(out, L"%16llu File(s) %14ls bytes\r\n", files, size);
        if (!o->bare && !o->recurse) say_free(out, folder, dirs);
    }
    t->files += files;
    t->dirs += dirs;
    t->bytes += bytes;
    free(list);
    if (!o->recurse) return;

    /* every subfolder, whatever the mask and /a say */
    WCHAR *all = malloc((wcslen(folder) + 2) * sizeof(WCHAR));
    if (!all) return;
    swprintf(all, wcslen(folder) + 2, L"%ls*", folder);
    if ((find = FindFirstFileW(all, &fd)) != INVALID_HANDLE_VALUE)
    {
        do
        {
            if (!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) || !wcscmp(fd.cFileName, L".") ||
                !wcscmp(fd.cFileName, L"..") || (fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT))
                continue;
            size_t len = wcslen(folder) + wcslen(fd.cFileName) + 2;
            WCHAR *sub = malloc(len * sizeof(WCHAR));
            if (!sub) continue;
            swprintf(sub, len, L"%ls%ls\\", folder, fd.cFileName);
            list_folder(sub, mask, o, t, out);
            free(sub);
        } while (FindNextFileW(find, &fd));
        FindClose(find);
    }
    free(all);
}

/* one PATH: a folder lists all of it, anything else is folder + mask */
static void list_path(const WCHAR *path, const struct dir_options *o, struct totals *t, HANDLE out)
{
    WCHAR full[MAX_PATH], *part = NULL, folder[MAX_PATH], root[MAX_PATH], label[MAX_PATH + 1];
    const WCHAR *mask = L"*";
    DWORD attr, serial = 0;

    if (!GetFullPathNameW(path, MAX_PATH, full, &part)) return;
    attr = GetFileAttributesW(full);
    wcscpy(folder, full);
    if (attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY))
    {
        if (folder[wcslen(folder) - 1] != '\\') wcscat(folder, L"\\");
    }
    else if (part)
    {
        folder[part - full] = 0;
        mask = part;
    }
    if (!o->bare && GetVolumePathNameW(folder, root, MAX_PATH))
    {
        if (!GetVolumeInformationW(root, label, ARRAYSIZE(label), &serial, NULL, NULL, NULL, 0)) label[0] = 0;
        if (label[0]) say(out, L" Volume in drive %lc is %ls\r\n", root[0], label);
        else say(out, L" Volume in drive %lc has no label.\r\n", root[0]);
        say(out, L" Volume Serial Number is %04lX-%04lX\r\n", serial >> 16, serial & 0xffff);
    }
    list_folder(folder, mask, o, t, out);
    if (!o->bare && o->recurse && t->found)
    {
        WCHAR size[32];
        with_commas(t->bytes, size);
        say(out, L"\r\n     Total Files Listed:\r\n%16llu File(s) %14ls bytes\r\n", t->files, size);
        say_free(out, folder, t->dirs);
    }
}

DWORD builtin_dir(const WCHAR *args, HANDLE out, HANDLE err)
{
    struct dir_options o = { 0 };
    struct totals t = { 0 };
    const WCHAR *p;
    WCHAR *word;
    BOOL any_path = FALSE;

    /* switches first: they apply to every path, wherever they are written */
    for (p = args; *(word = take_word(&p)); free(word))
        for (WCHAR *s = word; (s = wcschr(s, '/')); )
        {
            WCHAR *next = wcschr(s + 1, '/'), saved = 0;
            if (next) { saved = *next; *next = 0; }
            if (!parse_switch(s + 1, &o))
            {
                say(err, L"Invalid switch - \"%ls\".\r\n", s + 1);
                free(word);
                return 1;
            }
            if (next) *next = saved;
            s = next ? next : s + wcslen(s);
        }
    free(word);
    for (p = args; *(word = take_word(&p)); free(word))
    {
        WCHAR *slash = wcschr(word, '/');
        if (slash == word) continue;
        if (slash) *slash = 0;
        any_path = TRUE;
        list_path(word, &o, &t, out);
    }
    free(word);
    if (!any_path) list_path(L".", &o, &t, out);
    if (!t.found)
    {
        say(err, L"File Not Found\r\n");
        return 1;
    }
    return 0;
}
