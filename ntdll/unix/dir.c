/*
 * ntdll/unix/dir.c — NtQueryDirectoryFile: listing a folder with a DOS
 * wildcard mask ('*', '?', case-insensitive), "." and ".." first as NTFS
 * reports them, in the information classes FindFirstFile and friends use.
 * A mask without wildcards (FindFirstFile of one name, which programs use to
 * ask whether a file exists) is answered from the folder's cached names
 * without reading it, when dircache.c keeps that folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

enum { FileDirectoryInformation = 1, FileFullDirectoryInformation = 2, FileBothDirectoryInformation = 3,
       FileNamesInformation = 12, FileIdBothDirectoryInformation = 37, FileIdFullDirectoryInformation = 38 };

void dir_close(struct file *f)
{
    if (f->dir) closedir(f->dir);
    f->dir = NULL;
    dircache_free_list(f->names);
    f->names = NULL;
    free(f->held);
    free(f->given);
    f->held = f->given = NULL;
    free(f->pattern);
    f->pattern = NULL;
}

/* the characters the name has left after position i that are not its last dot */
static size_t last_dot(const WCHAR *n, size_t nlen)
{
    for (size_t i = nlen; i; i--) if (n[i - 1] == '.') return i - 1;
    return nlen;
}

/* DOS wildcards as the file systems match them: '*' any run, '?' one
   character, and the forms kernel32 rewrites FindFirstFile masks into:
   '<' (DOS_STAR) any run up to the last dot, '>' (DOS_QM) one character or
   nothing at a dot or the end, '"' (DOS_DOT) a dot or the end of the name */
static int match(const WCHAR *p, size_t plen, const WCHAR *n, size_t nlen)
{
    while (plen)
    {
        switch (*p)
        {
        case '*':
        case '<':
        {
            size_t limit = *p == '<' && last_dot(n, nlen) < nlen ? last_dot(n, nlen) : nlen;
            p++, plen--;
            if (!plen && limit == nlen) return 1;
            for (size_t i = 0; i <= limit; i++)
                if (match(p, plen, n + i, nlen - i)) return 1;
            return 0;
        }
        case '>':
            if (nlen && *n != '.') n++, nlen--;
            p++, plen--;
            continue;
        case '"':
            if (nlen && *n == '.') n++, nlen--;
            else if (nlen) return 0;
            p++, plen--;
            continue;
        case '?':
            if (!nlen) return 0;
            break;
        default:
            if (!nlen || wlx_toupper(*p) != wlx_toupper(*n)) return 0;
        }
        p++, plen--, n++, nlen--;
    }
    return !nlen;
}

static size_t entry_size(uint32_t klass, size_t name_bytes)
{
    size_t base;
    switch (klass)
    {
    case FileDirectoryInformation: base = 64; break;
    case FileFullDirectoryInformation: base = 68; break;
    case FileIdFullDirectoryInformation: base = 80; break;
    case FileBothDirectoryInformation: base = 94; break;
    case FileIdBothDirectoryInformation: base = 104; break;
    case FileNamesInformation: base = 12; break;
    default: return 0;
    }
    return (base + name_bytes + 7) & ~7;
}

static void fill_entry(uint8_t *p, uint32_t klass, const struct stat *st, int64_t birth, uint32_t attributes,
                       const WCHAR *name, size_t nlen)
{
    size_t name_off;
    uint32_t *u = (uint32_t *)p;
    memset(p, 0, entry_size(klass, nlen * 2));
    if (klass == FileNamesInformation)
    {
        u[2] = nlen * 2;
        memcpy(p + 12, name, nlen * 2);
        return;
    }
    int64_t *t = (int64_t *)(p + 8);
    t[0] = birth;
    t[1] = unix_time_to_filetime(&st->st_atim);
    t[2] = unix_time_to_filetime(&st->st_mtim);
    t[3] = unix_time_to_filetime(&st->st_ctim);
    t[4] = S_ISDIR(st->st_mode) ? 0 : st->st_size;
    t[5] = S_ISDIR(st->st_mode) ? 0 : (int64_t)st->st_blocks * 512;
    u[14] = attributes;
    u[15] = nlen * 2;
    switch (klass)
    {
    case FileDirectoryInformation: name_off = 64; break;
    case FileFullDirectoryInformation: name_off = 68; break;
    case FileIdFullDirectoryInformation: name_off = 80; *(uint64_t *)(p + 72) = st->st_ino; break;
    case FileBothDirectoryInformation: name_off = 94; break;
    default: name_off = 104; *(uint64_t *)(p + 96) = st->st_ino; break;
    }
    memcpy(p + name_off, name, nlen * 2);
}

/* with the hidden and system bits kept beside the entry ("." and ".." have none) */
static uint32_t entry_attributes(struct file *f, const struct stat *st, const char *name)
{
    uint32_t a = file_attributes(st, name);
    if (!strcmp(name, ".") || !strcmp(name, "..")) return a;
    return a | file_xattr_attributes_at(f->fd, f->unix_path, name);
}

/* a mask that names one entry, in any case ("." and ".." are listed as dots) */
static int literal_mask(const WCHAR *p, size_t len)
{
    if (!len || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.')) return 0;
    for (size_t i = 0; i < len; i++)
        if (p[i] == '*' || p[i] == '?' || p[i] == '<' || p[i] == '>' || p[i] == '"') return 0;
    return 1;
}

/* a new listing: the names the folder cache has for a literal mask, else
   the folder read from its start (through its own fd: its own position) */
static NTSTATUS dir_start(struct file *f, const UNICODE_STRING *mask)
{
    dev_t dev;
    ino_t ino;
    dir_close(f);
    if (mask && mask->Length)
    {
        if (!(f->pattern = malloc(mask->Length))) return STATUS_NO_MEMORY;
        memcpy(f->pattern, mask->Buffer, mask->Length);
        f->pattern_len = mask->Length / 2;
    }
    f->listed_dots = 0;
    if (f->pattern && literal_mask(f->pattern, f->pattern_len) && !file_inode_id(f, &dev, &ino) &&
        dircache_matches(dev, ino, f->pattern, f->pattern_len, &f->names) >= 0)
    {
        f->names_pos = 0;
        f->listed_dots = 2;
        return STATUS_SUCCESS;
    }
    int fd = openat(f->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && !(f->dir = fdopendir(fd))) close(fd);
    return f->dir ? STATUS_SUCCESS : errno_to_status(errno);
}

/* the listing's next name (NULL at its end), valid until the next call;
   *pos says where it was taken from */
static const char *dir_next(struct file *f, long *pos)
{
    struct dirent *de;
    if (f->names)
    {
        *pos = f->names_pos;
        return f->names[f->names_pos] ? f->names[f->names_pos++] : NULL;
    }
    *pos = 0;
    if (f->listed_dots < 2) return f->listed_dots ? ".." : ".";
    if (f->held)
    {
        free(f->given);
        f->given = f->held;
        f->held = NULL;
        return f->given;
    }
    while ((de = readdir(f->dir)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) return de->d_name;
    return NULL;
}

/* the entry just read (name, taken at pos) comes first next time: it did
   not fit. A folder stream is not sought back: on ext4 a seek into a large
   hashed folder reads it again from the disk blocks (a listing of 2,650
   names in FindNextFile's buffers: 34 ms, 200 getdents of 390 us each) */
static void dir_step_back(struct file *f, const char *name, long pos)
{
    if (f->names) f->names_pos = pos;
    else if (f->listed_dots >= 2) f->held = strdup(name);
}

NTSTATUS WINAPI unix_NtQueryDirectoryFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                          void *buffer, uint32_t length, uint32_t klass, uint8_t single,
                                          const UNICODE_STRING *mask, uint8_t restart)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    uint8_t *out = buffer, *prev = NULL;
    size_t used = 0;
    (void)event; (void)apc; (void)apc_ctx;
    if (status) return status;
    if (!entry_size(klass, 0)) { object_release(&f->obj); return STATUS_INVALID_INFO_CLASS; }
    if (!f->is_dir) { object_release(&f->obj); return STATUS_INVALID_PARAMETER; }

    int first = (!f->dir && !f->names) || restart;
    if (first && (status = dir_start(f, mask))) goto done;
    for (;;)
    {
        struct stat st;
        int64_t birth = 0;
        WCHAR wname[512];
        long pos;
        const char *name = dir_next(f, &pos);   /* valid until the next dir_next */
        if (!name) break;
        size_t nlen = wlx_utf8_to_utf16(name, strlen(name), wname, 512);
        if (nlen > 512) { if (f->listed_dots < 2) f->listed_dots++; continue; }
        if (f->pattern && !match(f->pattern, f->pattern_len, wname, nlen)) { if (f->listed_dots < 2) f->listed_dots++; continue; }
        if (file_statx(f->fd, name, 1, &st, &birth) && file_statx(f->fd, name, 0, &st, &birth))
        { if (f->listed_dots < 2) f->listed_dots++; continue; }
        size_t size = entry_size(klass, nlen * 2);
        if (used + size > length)
        {
            if (!used) status = STATUS_BUFFER_OVERFLOW;
            dir_step_back(f, name, pos);
            break;
        }
        if (prev) *(uint32_t *)prev = out + used - prev;
        prev = out + used;
        if (klass == FileNamesInformation) fill_entry(out + used, klass, &st, 0, 0, wname, nlen);
        else fill_entry(out + used, klass, &st, birth, entry_attributes(f, &st, name),
                        wname, nlen);
        used += size;
        if (f->listed_dots < 2) f->listed_dots++;
        if (single) break;
    }
    if (!used && !status) status = first ? STATUS_NO_SUCH_FILE : STATUS_NO_MORE_FILES;
done:
    object_release(&f->obj);
    io->Status = status;
    io->Information = used;
    return status;
}
