/*
 * tests/kernel32/symlink.c — CreateSymbolicLinkW with relative and absolute
 * targets: the link reads as its target, opened as itself it is a reparse
 * point of tag IO_REPARSE_TAG_SYMLINK, FSCTL_GET_REPARSE_POINT gives its
 * substitute and print names (what Rust's fs::read_link reads), deleting it
 * leaves the target; an existing name is ERROR_ALREADY_EXISTS and a plain
 * file is no reparse point.
 */
#include "test.h"
#include <winioctl.h>

/* REPARSE_DATA_BUFFER's symbolic-link form (in the DDK headers only) */
struct symlink_reparse
{
    ULONG tag;
    USHORT data_len, reserved;
    USHORT sub_offset, sub_len, print_offset, print_len;
    ULONG flags;
    WCHAR names[1];
};

static WCHAR dir[MAX_PATH];

static const WCHAR *in_dir(const WCHAR *name, WCHAR *buf)
{
    swprintf(buf, MAX_PATH, L"%s\\%s", dir, name);
    return buf;
}

/* Wine 8's CreateSymbolicLinkW is a stub: it says TRUE and creates nothing */
static BOOL wine_made_nothing(const WCHAR *link)
{
    if (GetFileAttributesW(link) != INVALID_FILE_ATTRIBUTES) return FALSE;
    todo_wine(0, "CreateSymbolicLinkW created nothing\n");
    return test_is("wine");
}

/* creates a link, as a user without the privilege may (developer mode); FALSE: cannot here */
static BOOL make_link(const WCHAR *link, const WCHAR *target, DWORD flags)
{
    if (CreateSymbolicLinkW(link, target, flags)) return TRUE;
    if (GetLastError() != ERROR_PRIVILEGE_NOT_HELD) return FALSE;
    return CreateSymbolicLinkW(link, target, flags | SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE);
}

/* the link's reparse data: names as UTF-16 strings; FALSE on failure */
static BOOL read_reparse(const WCHAR *path, WCHAR *sub, WCHAR *print, ULONG *flags, ULONG *tag)
{
    BYTE buf[MAXIMUM_REPARSE_DATA_BUFFER_SIZE] __attribute__((aligned(8)));
    struct symlink_reparse *r = (struct symlink_reparse *)buf;
    DWORD got = 0;
    HANDLE h = CreateFileW(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                           FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, NULL);
    BOOL ret;

    if (h == INVALID_HANDLE_VALUE) return FALSE;
    ret = DeviceIoControl(h, FSCTL_GET_REPARSE_POINT, NULL, 0, buf, sizeof(buf), &got, NULL);
    CloseHandle(h);
    if (!ret) return FALSE;
    *tag = r->tag;
    *flags = r->flags;
    memcpy(sub, (BYTE *)r->names + r->sub_offset, r->sub_len);
    sub[r->sub_len / 2] = 0;
    memcpy(print, (BYTE *)r->names + r->print_offset, r->print_len);
    print[r->print_len / 2] = 0;
    return got >= 20 + r->sub_len;
}

static void test_relative(void)
{
    WCHAR link[MAX_PATH], target[MAX_PATH], sub[MAX_PATH], print[MAX_PATH];
    FILE_ATTRIBUTE_TAG_INFO tag_info;
    BY_HANDLE_FILE_INFORMATION info;
    ULONG flags = 0, tag = 0;
    char buf[16] = { 0 };
    DWORD got;
    HANDLE h;

    h = CreateFileW(in_dir(L"target.txt", target), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, "data", 4, &got, NULL);
    CloseHandle(h);
    if (!make_link(in_dir(L"link.txt", link), L"target.txt", 0))
    {
        skip("cannot create symbolic links here: %lu\n", GetLastError());
        DeleteFileW(target);
        return;
    }
    if (wine_made_nothing(link)) { DeleteFileW(target); return; }
    /* through the link: the target's data */
    h = CreateFileW(link, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "open through the link: %lu\n", GetLastError());
    ReadFile(h, buf, sizeof(buf), &got, NULL);
    ok(got == 4 && !memcmp(buf, "data", 4), "read %lu bytes through the link\n", got);
    CloseHandle(h);

    /* as itself: a reparse point */
    h = CreateFileW(link, 0, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    ok(h != INVALID_HANDLE_VALUE, "open the link itself: %lu\n", GetLastError());
    ok(GetFileInformationByHandle(h, &info) && (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT),
       "attributes %#lx\n", info.dwFileAttributes);
    ok(GetFileInformationByHandleEx(h, FileAttributeTagInfo, &tag_info, sizeof(tag_info)) &&
       tag_info.ReparseTag == IO_REPARSE_TAG_SYMLINK, "tag %#lx\n", tag_info.ReparseTag);
    CloseHandle(h);

    ok(read_reparse(link, sub, print, &flags, &tag), "FSCTL_GET_REPARSE_POINT: %lu\n", GetLastError());
    ok(tag == IO_REPARSE_TAG_SYMLINK && flags == SYMLINK_FLAG_RELATIVE, "tag %#lx flags %lu\n", tag, flags);
    ok(!wcscmp(sub, L"target.txt") && !wcscmp(print, L"target.txt"), "names %ls, %ls\n", sub, print);

    SetLastError(0xdeadbeef);
    ok(!make_link(link, L"target.txt", 0), "an existing name was taken\n");
    ok(GetLastError() == ERROR_ALREADY_EXISTS, "existing name: error %lu\n", GetLastError());

    ok(DeleteFileW(link), "delete the link: %lu\n", GetLastError());
    ok(GetFileAttributesW(link) == INVALID_FILE_ATTRIBUTES, "the link is still there\n");
    ok(GetFileAttributesW(target) != INVALID_FILE_ATTRIBUTES, "the target went with the link\n");
    DeleteFileW(target);
}

static void test_absolute(void)
{
    WCHAR link[MAX_PATH], target[MAX_PATH], sub[MAX_PATH], print[MAX_PATH], want[MAX_PATH + 4];
    ULONG flags = 1, tag = 0;
    HANDLE h;

    h = CreateFileW(in_dir(L"abs-target.txt", target), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
    if (!make_link(in_dir(L"abs-link.txt", link), target, 0))
    {
        skip("cannot create symbolic links here: %lu\n", GetLastError());
        DeleteFileW(target);
        return;
    }
    if (wine_made_nothing(link)) { DeleteFileW(target); return; }
    ok(read_reparse(link, sub, print, &flags, &tag), "FSCTL_GET_REPARSE_POINT: %lu\n", GetLastError());
    swprintf(want, MAX_PATH + 4, L"\\??\\%s", target);
    ok(flags == 0, "flags %lu\n", flags);
    ok(!lstrcmpiW(sub, want), "substitute name %ls, not %ls\n", sub, want);
    ok(!lstrcmpiW(print, target), "print name %ls, not %ls\n", print, target);
    DeleteFileW(link);
    DeleteFileW(target);
}

static void test_not_a_link(void)
{
    WCHAR path[MAX_PATH];
    BYTE buf[1024];
    DWORD got;
    HANDLE h = CreateFileW(in_dir(L"plain.txt", path), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OPEN_REPARSE_POINT, NULL);

    SetLastError(0xdeadbeef);
    ok(!DeviceIoControl(h, FSCTL_GET_REPARSE_POINT, NULL, 0, buf, sizeof(buf), &got, NULL), "a plain file\n");
    ok(GetLastError() == ERROR_NOT_A_REPARSE_POINT, "plain file: error %lu\n", GetLastError());
    CloseHandle(h);
    DeleteFileW(path);
}

int main(void)
{
    test_start("kernel32/symlink");
    GetTempPathW(MAX_PATH, dir);
    wcscat(dir, L"wlx-symlink");
    CreateDirectoryW(dir, NULL);
    test_relative();
    test_absolute();
    test_not_a_link();
    ok(RemoveDirectoryW(dir), "folder left non-empty: %lu\n", GetLastError());
    return test_summary();
}
