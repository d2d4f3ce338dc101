/*
 * tests/kernel32/file.c — files and directories through kernel32.
 *
 * Covers CreateFile dispositions and their last errors, ReadFile/WriteFile,
 * file pointers and end of file, sizes, types, attributes, handle
 * information, times, delete/move/copy, directories, FindFirstFile
 * wildcards, share modes, case-insensitive names, UTF-16 names and
 * GetFinalPathNameByHandleW. Everything happens in a private folder under
 * GetTempPathW that is removed at the end.
 */
#include "test.h"

static WCHAR base_dir[MAX_PATH];        /* our folder, with a trailing backslash */

/* base_dir + name into buf (MAX_PATH WCHARs) */
static WCHAR *tmp_path(WCHAR *buf, const WCHAR *name)
{
    lstrcpyW(buf, base_dir);
    lstrcatW(buf, name);
    return buf;
}

static HANDLE create_file(const WCHAR *name, DWORD access, DWORD share, DWORD disposition)
{
    WCHAR path[MAX_PATH];
    return CreateFileW(tmp_path(path, name), access, share, NULL, disposition,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

/* Creates name holding data (a NUL-terminated string, written without its NUL). */
static void make_file(const WCHAR *name, const char *data)
{
    HANDLE h = create_file(name, GENERIC_WRITE, 0, CREATE_ALWAYS);
    DWORD done = 0;
    ok(h != INVALID_HANDLE_VALUE, "cannot create %ls: %lu\n", name, GetLastError());
    ok(WriteFile(h, data, strlen(data), &done, NULL), "WriteFile failed: %lu\n", GetLastError());
    CloseHandle(h);
}

static void delete_file(const WCHAR *name)
{
    WCHAR path[MAX_PATH];
    DeleteFileW(tmp_path(path, name));
}

static DWORD file_size(const WCHAR *path)
{
    WIN32_FILE_ATTRIBUTE_DATA data;

    if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data)) return ~0u;
    return data.nFileSizeLow;
}

static void setup_base_dir(void)
{
    WCHAR tmp[MAX_PATH];
    DWORD len = GetTempPathW(MAX_PATH, tmp);
    ok(len > 0 && len < MAX_PATH, "GetTempPathW returned %lu\n", len);
    _snwprintf(base_dir, MAX_PATH - 1, L"%lswlx-file-%lu", tmp, GetCurrentProcessId());
    ok(CreateDirectoryW(base_dir, NULL), "cannot create %ls: %lu\n", base_dir, GetLastError());
    lstrcatW(base_dir, L"\\");
}

static void test_create_dispositions(void)
{
    HANDLE h;
    DWORD err;

    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_NEW);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "CREATE_NEW failed: %lu\n", err);
    ok(err == 0, "CREATE_NEW of a new file: last error %lu\n", err);
    CloseHandle(h);

    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_NEW);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE, "CREATE_NEW of an existing file succeeded\n");
    ok(err == ERROR_FILE_EXISTS, "CREATE_NEW of an existing file: last error %lu\n", err);

    /* Success, but the last error says the file was already there. */
    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_WRITE, 0, CREATE_ALWAYS);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "CREATE_ALWAYS failed: %lu\n", err);
    ok(err == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS of an existing file: last error %lu\n", err);
    CloseHandle(h);

    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_READ, 0, OPEN_ALWAYS);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "OPEN_ALWAYS failed: %lu\n", err);
    ok(err == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS of an existing file: last error %lu\n", err);
    CloseHandle(h);
    delete_file(L"disp.bin");

    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_READ, 0, OPEN_ALWAYS);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "OPEN_ALWAYS of a new file failed: %lu\n", err);
    ok(err == 0, "OPEN_ALWAYS of a new file: last error %lu\n", err);
    CloseHandle(h);
    delete_file(L"disp.bin");

    SetLastError(0xdeadbeef);
    h = create_file(L"disp.bin", GENERIC_WRITE, 0, CREATE_ALWAYS);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "CREATE_ALWAYS of a new file failed: %lu\n", err);
    ok(err == 0, "CREATE_ALWAYS of a new file: last error %lu\n", err);
    CloseHandle(h);
    delete_file(L"disp.bin");
}

static void test_open_missing(void)
{
    HANDLE h;
    DWORD err;

    SetLastError(0xdeadbeef);
    h = create_file(L"missing.bin", GENERIC_READ, 0, OPEN_EXISTING);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_FILE_NOT_FOUND,
       "OPEN_EXISTING of a missing file: %p, last error %lu\n", h, err);

    SetLastError(0xdeadbeef);
    h = create_file(L"missing.bin", GENERIC_WRITE, 0, TRUNCATE_EXISTING);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_FILE_NOT_FOUND,
       "TRUNCATE_EXISTING of a missing file: %p, last error %lu\n", h, err);

    /* A missing folder on the way is a different error from a missing file. */
    SetLastError(0xdeadbeef);
    h = create_file(L"nodir\\missing.bin", GENERIC_READ, 0, OPEN_EXISTING);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_PATH_NOT_FOUND,
       "file in a missing folder: %p, last error %lu\n", h, err);

    SetLastError(0xdeadbeef);
    h = create_file(L"nodir\\new.bin", GENERIC_WRITE, 0, CREATE_ALWAYS);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_PATH_NOT_FOUND,
       "creating in a missing folder: %p, last error %lu\n", h, err);
}

static void test_truncate_existing(void)
{
    HANDLE h;
    DWORD err;

    make_file(L"trunc.bin", "0123456789");
    SetLastError(0xdeadbeef);
    h = create_file(L"trunc.bin", GENERIC_WRITE, 0, TRUNCATE_EXISTING);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "TRUNCATE_EXISTING failed: %lu\n", err);
    ok(GetFileSize(h, NULL) == 0, "size after TRUNCATE_EXISTING: %lu\n", GetFileSize(h, NULL));
    CloseHandle(h);
    delete_file(L"trunc.bin");
}

static void test_create_file_a(void)
{
    char path[MAX_PATH];
    WCHAR pathw[MAX_PATH];
    HANDLE h;
    DWORD err;

    WideCharToMultiByte(CP_ACP, 0, base_dir, -1, path, MAX_PATH, NULL, NULL);
    lstrcatA(path, "ansi.txt");
    SetLastError(0xdeadbeef);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    err = GetLastError();
    ok(h != INVALID_HANDLE_VALUE, "CreateFileA failed: %lu\n", err);
    CloseHandle(h);
    ok(GetFileAttributesW(tmp_path(pathw, L"ansi.txt")) != INVALID_FILE_ATTRIBUTES,
       "file made by CreateFileA not visible through the W name\n");

    SetLastError(0xdeadbeef);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_FILE_EXISTS,
       "CreateFileA CREATE_NEW twice: %p, last error %lu\n", h, err);
    ok(DeleteFileA(path), "DeleteFileA failed: %lu\n", GetLastError());
}

static void test_read_write(void)
{
    char buf[32];
    DWORD done, err;
    HANDLE h = create_file(L"rw.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);

    done = 0xdeadbeef;
    ok(WriteFile(h, "hello world", 11, &done, NULL) && done == 11, "WriteFile wrote %lu\n", done);
    done = 0xdeadbeef;
    ok(WriteFile(h, "x", 0, &done, NULL) && done == 0, "zero-byte WriteFile wrote %lu\n", done);
    ok(SetFilePointer(h, 0, NULL, FILE_BEGIN) == 0, "rewind failed\n");

    done = 0xdeadbeef;
    memset(buf, 0, sizeof(buf));
    ok(ReadFile(h, buf, 5, &done, NULL) && done == 5, "ReadFile read %lu\n", done);
    ok(!memcmp(buf, "hello", 5), "read %.5s\n", buf);

    /* Asking for more than is left returns what there is... */
    done = 0xdeadbeef;
    ok(ReadFile(h, buf, sizeof(buf), &done, NULL) && done == 6, "short ReadFile read %lu\n", done);
    ok(!memcmp(buf, " world", 6), "read %.6s\n", buf);

    /* ...and at end of file a read succeeds with zero bytes. */
    done = 0xdeadbeef;
    SetLastError(0xdeadbeef);
    ok(ReadFile(h, buf, sizeof(buf), &done, NULL), "ReadFile at EOF failed: %lu\n", GetLastError());
    ok(done == 0, "ReadFile at EOF read %lu\n", done);
    CloseHandle(h);

    h = create_file(L"rw.bin", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    SetLastError(0xdeadbeef);
    ok(!WriteFile(h, "x", 1, &done, NULL), "WriteFile on a read-only handle succeeded\n");
    err = GetLastError();
    ok(err == ERROR_ACCESS_DENIED, "WriteFile on a read-only handle: last error %lu\n", err);
    CloseHandle(h);

    h = create_file(L"rw.bin", GENERIC_WRITE, 0, OPEN_EXISTING);
    SetLastError(0xdeadbeef);
    ok(!ReadFile(h, buf, 1, &done, NULL), "ReadFile on a write-only handle succeeded\n");
    err = GetLastError();
    ok(err == ERROR_ACCESS_DENIED, "ReadFile on a write-only handle: last error %lu\n", err);
    CloseHandle(h);
    delete_file(L"rw.bin");
}

static void test_file_pointer(void)
{
    HANDLE h = create_file(L"ptr.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    LARGE_INTEGER dist, pos;
    LONG high;
    DWORD ret, err, done;

    WriteFile(h, "0123456789", 10, &done, NULL);
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 10, "position after write is not 10\n");
    ok(SetFilePointer(h, -3, NULL, FILE_END) == 7, "FILE_END -3 is not 7\n");
    ok(SetFilePointer(h, 2, NULL, FILE_CURRENT) == 9, "FILE_CURRENT +2 is not 9\n");

    SetLastError(0xdeadbeef);
    ret = SetFilePointer(h, -20, NULL, FILE_CURRENT);
    err = GetLastError();
    ok(ret == INVALID_SET_FILE_POINTER && err == ERROR_NEGATIVE_SEEK,
       "negative seek: %lu, last error %lu\n", ret, err);
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 9, "a failed seek moved the pointer\n");

    /* 0xffffffff is a valid low part; only the last error tells success. */
    high = 0;
    SetLastError(0xdeadbeef);
    ret = SetFilePointer(h, (LONG)0xffffffff, &high, FILE_BEGIN);
    err = GetLastError();
    ok(ret == 0xffffffff && high == 0 && err == NO_ERROR,
       "seek to 0xffffffff: %lu high %ld, last error %lu\n", ret, high, err);

    dist.QuadPart = 0x100000004LL;
    pos.QuadPart = 0;
    ok(SetFilePointerEx(h, dist, &pos, FILE_BEGIN), "SetFilePointerEx failed: %lu\n", GetLastError());
    ok(pos.QuadPart == 0x100000004LL, "SetFilePointerEx new position %I64d\n", pos.QuadPart);
    dist.QuadPart = -4;
    ok(SetFilePointerEx(h, dist, &pos, FILE_END) && pos.QuadPart == 6,
       "SetFilePointerEx FILE_END -4: %I64d\n", pos.QuadPart);
    dist.QuadPart = -7;
    SetLastError(0xdeadbeef);
    ok(!SetFilePointerEx(h, dist, &pos, FILE_CURRENT), "SetFilePointerEx before start succeeded\n");
    err = GetLastError();
    ok(err == ERROR_NEGATIVE_SEEK, "SetFilePointerEx before start: last error %lu\n", err);
    CloseHandle(h);
    delete_file(L"ptr.bin");
}

static void test_end_of_file(void)
{
    HANDLE h = create_file(L"eof.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    LARGE_INTEGER size;
    DWORD high = 0xdeadbeef, done;
    char buf[4];

    WriteFile(h, "0123456789", 10, &done, NULL);
    ok(GetFileSize(h, &high) == 10 && high == 0, "GetFileSize: high %lu\n", high);

    SetFilePointer(h, 4, NULL, FILE_BEGIN);
    ok(SetEndOfFile(h), "SetEndOfFile (shrink) failed: %lu\n", GetLastError());
    ok(GetFileSize(h, NULL) == 4, "size after shrink %lu\n", GetFileSize(h, NULL));

    /* Growing through SetEndOfFile fills with zeros. */
    SetFilePointer(h, 100, NULL, FILE_BEGIN);
    ok(SetEndOfFile(h), "SetEndOfFile (grow) failed: %lu\n", GetLastError());
    size.QuadPart = 0;
    ok(GetFileSizeEx(h, &size) && size.QuadPart == 100, "GetFileSizeEx %I64d\n", size.QuadPart);
    SetFilePointer(h, 50, NULL, FILE_BEGIN);
    memset(buf, 'x', sizeof(buf));
    ok(ReadFile(h, buf, 4, &done, NULL) && done == 4 && !memcmp(buf, "\0\0\0\0", 4),
       "grown area is not zero-filled\n");

    /* Seeking past the end does not change the size until a write. */
    SetFilePointer(h, 200, NULL, FILE_BEGIN);
    ok(GetFileSize(h, NULL) == 100, "seeking changed the size to %lu\n", GetFileSize(h, NULL));
    WriteFile(h, "z", 1, &done, NULL);
    ok(GetFileSize(h, NULL) == 201, "size after writing past the end %lu\n", GetFileSize(h, NULL));
    CloseHandle(h);
    delete_file(L"eof.bin");
}

static void test_positioned_io(void)
{
    HANDLE h = create_file(L"pos.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    OVERLAPPED ov;
    char buf[8] = {0};
    DWORD done;

    WriteFile(h, "0123456789", 10, &done, NULL);
    /* On a synchronous handle the OVERLAPPED offset says where to read, and
     * the file pointer ends up after the bytes read. */
    memset(&ov, 0, sizeof(ov));
    ov.Offset = 3;
    ok(ReadFile(h, buf, 4, &done, &ov) && done == 4 && !memcmp(buf, "3456", 4),
       "read at offset 3 gave %lu bytes: %.4s\n", done, buf);
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 7, "pointer after positioned read %lu\n",
       SetFilePointer(h, 0, NULL, FILE_CURRENT));
    ov.Offset = 1;
    ok(WriteFile(h, "ab", 2, &done, &ov) && done == 2, "positioned write failed\n");
    ov.Offset = 0;
    ok(ReadFile(h, buf, 4, &done, &ov) && !memcmp(buf, "0ab3", 4), "after positioned write: %.4s\n", buf);
    CloseHandle(h);
    delete_file(L"pos.bin");
}

static void test_append(void)
{
    HANDLE h;
    char buf[16] = {0};
    DWORD done;

    make_file(L"append.txt", "abc");
    /* With only FILE_APPEND_DATA every write goes to the end. */
    h = create_file(L"append.txt", FILE_APPEND_DATA, 0, OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "open for append failed: %lu\n", GetLastError());
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    ok(WriteFile(h, "def", 3, &done, NULL) && done == 3, "append write failed\n");
    CloseHandle(h);
    h = create_file(L"append.txt", GENERIC_READ, 0, OPEN_EXISTING);
    ReadFile(h, buf, sizeof(buf) - 1, &done, NULL);
    ok(done == 6 && !strcmp(buf, "abcdef"), "file holds %lu bytes: %s\n", done, buf);
    CloseHandle(h);
    delete_file(L"append.txt");
}

static void test_delete_on_close(void)
{
    WCHAR path[MAX_PATH];
    HANDLE h, h2;
    DWORD err;

    tmp_path(path, L"doc.tmp");
    h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
                    FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(h != INVALID_HANDLE_VALUE, "create with DELETE_ON_CLOSE failed: %lu\n", GetLastError());
    ok(GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES, "file missing while open\n");
    /* Another open must share delete access with the pending deletion. */
    SetLastError(0xdeadbeef);
    h2 = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    err = GetLastError();
    ok(h2 == INVALID_HANDLE_VALUE && err == ERROR_SHARING_VIOLATION,
       "open without FILE_SHARE_DELETE: %p, last error %lu\n", h2, err);
    CloseHandle(h);
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES, "file still there after close\n");
}

static void test_locks(void)
{
    HANDLE h = create_file(L"lock.bin", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           CREATE_ALWAYS);
    HANDLE h2 = create_file(L"lock.bin", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            OPEN_EXISTING);
    DWORD done, err;
    BOOL ret;

    WriteFile(h, "0123456789", 10, &done, NULL);
    ok(LockFile(h, 0, 0, 5, 0), "LockFile failed: %lu\n", GetLastError());
    /* Locks belong to the handle: another handle cannot take an overlapping one. */
    SetLastError(0xdeadbeef);
    ret = LockFile(h2, 2, 0, 5, 0);
    err = GetLastError();
    ok(!ret && err == ERROR_LOCK_VIOLATION, "overlapping lock: %d, last error %lu\n", ret, err);
    ok(LockFile(h2, 5, 0, 5, 0), "lock of the free range failed: %lu\n", GetLastError());

    ok(!UnlockFile(h2, 0, 0, 5, 0), "a handle unlocked another handle's lock\n");
    ok(UnlockFile(h, 0, 0, 5, 0), "UnlockFile failed: %lu\n", GetLastError());
    ok(LockFile(h2, 2, 0, 3, 0), "lock after unlock failed: %lu\n", GetLastError());

    /* A handle may take a shared lock over its own exclusive one (LMDB
       downgrades its lock file's lock so); the first unlock then removes
       the exclusive lock, the second the shared one (LockFileEx's remarks). */
    {
        OVERLAPPED ov = { 0 };
        ov.Offset = 20;
        ok(LockFile(h, 20, 0, 1, 0), "exclusive lock: %lu\n", GetLastError());
        ok(LockFileEx(h, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov), "shared over the handle's own exclusive lock: %lu\n",
           GetLastError());
        SetLastError(0xdeadbeef);
        ret = LockFileEx(h2, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov);
        err = GetLastError();
        ok(!ret && err == ERROR_LOCK_VIOLATION, "another handle's shared lock meanwhile: %d, %lu\n", ret, err);
        ok(UnlockFile(h, 20, 0, 1, 0), "first unlock: %lu\n", GetLastError());
        ok(LockFileEx(h2, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov),
           "the first unlock removed the exclusive lock: another handle shares now (%lu)\n", GetLastError());
        SetLastError(0xdeadbeef);
        ret = LockFileEx(h2, LOCKFILE_FAIL_IMMEDIATELY | LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &ov);
        err = GetLastError();
        ok(!ret && err == ERROR_LOCK_VIOLATION, "but not exclusively: %d, %lu\n", ret, err);
        ok(UnlockFile(h2, 20, 0, 1, 0), "the other handle's unlock: %lu\n", GetLastError());
        ok(UnlockFile(h, 20, 0, 1, 0), "second unlock, the shared lock: %lu\n", GetLastError());
        SetLastError(0xdeadbeef);
        ret = UnlockFile(h, 20, 0, 1, 0);
        err = GetLastError();
        /* Wine 8 says ERROR_LOCK_VIOLATION here */
        todo_wine(!ret && err == ERROR_NOT_LOCKED, "nothing left: %d, %lu\n", ret, err);

        /* an exclusive lock overlaps nothing, not even the handle's own locks */
        ok(LockFile(h, 30, 0, 1, 0), "exclusive lock: %lu\n", GetLastError());
        SetLastError(0xdeadbeef);
        ret = LockFile(h, 30, 0, 1, 0);
        err = GetLastError();
        ok(!ret && err == ERROR_LOCK_VIOLATION, "exclusive over its own exclusive: %d, %lu\n", ret, err);
        UnlockFile(h, 30, 0, 1, 0);
        ov.Offset = 40;
        ok(LockFileEx(h, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov), "shared lock: %lu\n", GetLastError());
        SetLastError(0xdeadbeef);
        ret = LockFile(h, 40, 0, 1, 0);
        err = GetLastError();
        ok(!ret && err == ERROR_LOCK_VIOLATION, "exclusive over its own shared: %d, %lu\n", ret, err);
        UnlockFile(h, 40, 0, 1, 0);
    }
    CloseHandle(h2);
    /* Closing a handle drops its locks. */
    ok(LockFile(h, 0, 0, 10, 0), "lock after the other handle closed failed: %lu\n", GetLastError());
    CloseHandle(h);
    delete_file(L"lock.bin");
}

static void test_file_type_and_flush(void)
{
    HANDLE h = create_file(L"type.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    DWORD done;

    ok(GetFileType(h) == FILE_TYPE_DISK, "GetFileType of a file %lu\n", GetFileType(h));
    WriteFile(h, "abc", 3, &done, NULL);
    ok(FlushFileBuffers(h), "FlushFileBuffers failed: %lu\n", GetLastError());
    CloseHandle(h);

    h = CreateFileW(base_dir, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "opening a folder with backup semantics failed: %lu\n",
       GetLastError());
    ok(GetFileType(h) == FILE_TYPE_DISK, "GetFileType of a folder %lu\n", GetFileType(h));
    CloseHandle(h);
    delete_file(L"type.bin");
}

static void test_open_directory(void)
{
    HANDLE h;
    DWORD err;

    /* A folder can only be opened with FILE_FLAG_BACKUP_SEMANTICS. */
    SetLastError(0xdeadbeef);
    h = CreateFileW(base_dir, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                    OPEN_EXISTING, 0, NULL);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_ACCESS_DENIED,
       "opening a folder as a file: %p, last error %lu\n", h, err);
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
}

static void test_attributes(void)
{
    WCHAR path[MAX_PATH];
    WIN32_FILE_ATTRIBUTE_DATA data;
    DWORD attr, err;

    make_file(L"attr.txt", "12345");
    attr = GetFileAttributesW(tmp_path(path, L"attr.txt"));
    ok(attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY),
       "attributes of a file %#lx\n", attr);
    attr = GetFileAttributesW(base_dir);
    ok(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY),
       "attributes of a folder %#lx\n", attr);

    memset(&data, 0xcc, sizeof(data));
    ok(GetFileAttributesExW(path, GetFileExInfoStandard, &data), "GetFileAttributesExW failed\n");
    ok(data.nFileSizeLow == 5 && data.nFileSizeHigh == 0, "size %lu\n", data.nFileSizeLow);
    ok(!(data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY), "file data says folder\n");
    ok(data.ftLastWriteTime.dwHighDateTime != 0, "no last write time\n");

    ok(SetFileAttributesW(path, FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN),
       "SetFileAttributesW failed: %lu\n", GetLastError());
    attr = GetFileAttributesW(path);
    ok(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_READONLY),
       "read-only bit not kept: %#lx\n", attr);
    ok(SetFileAttributesW(path, FILE_ATTRIBUTE_NORMAL), "clearing attributes failed\n");
    attr = GetFileAttributesW(path);
    ok(!(attr & (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN)), "attributes not cleared: %#lx\n", attr);

    SetLastError(0xdeadbeef);
    attr = GetFileAttributesW(tmp_path(path, L"missing.txt"));
    err = GetLastError();
    ok(attr == INVALID_FILE_ATTRIBUTES && err == ERROR_FILE_NOT_FOUND,
       "attributes of a missing file: %#lx, last error %lu\n", attr, err);
    SetLastError(0xdeadbeef);
    attr = GetFileAttributesW(tmp_path(path, L"nodir\\missing.txt"));
    err = GetLastError();
    ok(attr == INVALID_FILE_ATTRIBUTES && err == ERROR_PATH_NOT_FOUND,
       "attributes in a missing folder: %#lx, last error %lu\n", attr, err);
    SetLastError(0xdeadbeef);
    ok(!GetFileAttributesExW(tmp_path(path, L"missing.txt"), GetFileExInfoStandard, &data),
       "GetFileAttributesExW of a missing file succeeded\n");
    err = GetLastError();
    ok(err == ERROR_FILE_NOT_FOUND, "GetFileAttributesExW of a missing file: last error %lu\n", err);
    delete_file(L"attr.txt");
}

static void test_read_only_file(void)
{
    WCHAR path[MAX_PATH];
    DWORD err;
    BOOL ret;

    make_file(L"ro.txt", "data");
    SetFileAttributesW(tmp_path(path, L"ro.txt"), FILE_ATTRIBUTE_READONLY);
    /* The read-only attribute forbids deletion even to an administrator. */
    SetLastError(0xdeadbeef);
    ret = DeleteFileW(path);
    err = GetLastError();
    ok(!ret && err == ERROR_ACCESS_DENIED, "deleting a read-only file: %d, last error %lu\n", ret, err);
    SetFileAttributesW(path, FILE_ATTRIBUTE_NORMAL);
    ok(DeleteFileW(path), "deleting after clearing read-only failed: %lu\n", GetLastError());
}

static void test_information_by_handle(void)
{
    BY_HANDLE_FILE_INFORMATION info, info2;
    HANDLE h, h2;
    DWORD done;

    h = create_file(L"info.bin", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, CREATE_ALWAYS);
    WriteFile(h, "abcdefg", 7, &done, NULL);
    memset(&info, 0xcc, sizeof(info));
    ok(GetFileInformationByHandle(h, &info), "GetFileInformationByHandle failed: %lu\n", GetLastError());
    ok(info.nFileSizeLow == 7 && info.nFileSizeHigh == 0, "size %lu\n", info.nFileSizeLow);
    ok(info.nNumberOfLinks == 1, "links %lu\n", info.nNumberOfLinks);
    ok(!(info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY), "attributes %#lx\n", info.dwFileAttributes);

    /* Two handles to one file report the same volume and file index. */
    h2 = create_file(L"info.bin", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    ok(h2 != INVALID_HANDLE_VALUE, "second open failed: %lu\n", GetLastError());
    ok(GetFileInformationByHandle(h2, &info2), "GetFileInformationByHandle failed\n");
    ok(info.dwVolumeSerialNumber == info2.dwVolumeSerialNumber &&
       info.nFileIndexHigh == info2.nFileIndexHigh && info.nFileIndexLow == info2.nFileIndexLow,
       "file identity differs between two handles\n");
    CloseHandle(h2);
    CloseHandle(h);
    delete_file(L"info.bin");
}

static void test_file_time(void)
{
    HANDLE h = create_file(L"time.bin", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    FILETIME create, access, write, set;
    SYSTEMTIME st = { 2001, 2, 0, 3, 4, 5, 6, 0 };

    ok(GetFileTime(h, &create, &access, &write), "GetFileTime failed: %lu\n", GetLastError());
    ok(create.dwHighDateTime != 0 && write.dwHighDateTime != 0, "file times are zero\n");

    /* A whole second is kept exactly by every file system Windows writes to. */
    SystemTimeToFileTime(&st, &set);
    ok(SetFileTime(h, NULL, NULL, &set), "SetFileTime failed: %lu\n", GetLastError());
    ok(GetFileTime(h, NULL, NULL, &write), "GetFileTime failed: %lu\n", GetLastError());
    ok(CompareFileTime(&write, &set) == 0, "last write time %08lx%08lx, set %08lx%08lx\n",
       write.dwHighDateTime, write.dwLowDateTime, set.dwHighDateTime, set.dwLowDateTime);
    CloseHandle(h);
    delete_file(L"time.bin");
}

static void test_invalid_handle(void)
{
    HANDLE h = create_file(L"inv.bin", GENERIC_WRITE, 0, CREATE_ALWAYS);
    char buf[4];
    DWORD done, err;
    BOOL ret;

    ok(CloseHandle(h), "CloseHandle failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = CloseHandle(h);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "second CloseHandle: %d, last error %lu\n", ret, err);

    SetLastError(0xdeadbeef);
    ret = ReadFile(h, buf, 1, &done, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "ReadFile on a closed handle: %d, last error %lu\n", ret, err);

    SetLastError(0xdeadbeef);
    ret = WriteFile(INVALID_HANDLE_VALUE, buf, 1, &done, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "WriteFile on INVALID_HANDLE_VALUE: %d, last error %lu\n", ret, err);
    delete_file(L"inv.bin");
}

static void test_delete(void)
{
    WCHAR path[MAX_PATH];
    DWORD err;
    BOOL ret;

    make_file(L"del.txt", "x");
    ok(DeleteFileW(tmp_path(path, L"del.txt")), "DeleteFileW failed: %lu\n", GetLastError());
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES, "file still there after delete\n");

    SetLastError(0xdeadbeef);
    ret = DeleteFileW(path);
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_NOT_FOUND, "deleting a missing file: %d, last error %lu\n", ret, err);

    SetLastError(0xdeadbeef);
    ret = DeleteFileW(tmp_path(path, L"nodir\\x.txt"));
    err = GetLastError();
    ok(!ret && err == ERROR_PATH_NOT_FOUND, "deleting in a missing folder: %d, last error %lu\n", ret, err);
}

static void test_move(void)
{
    WCHAR src[MAX_PATH], dst[MAX_PATH];
    char buf[8] = {0};
    DWORD done, err;
    HANDLE h;
    BOOL ret;

    make_file(L"move-src.txt", "src");
    make_file(L"move-dst.txt", "dst");
    tmp_path(src, L"move-src.txt");
    tmp_path(dst, L"move-dst.txt");

    SetLastError(0xdeadbeef);
    ret = MoveFileExW(src, dst, 0);
    err = GetLastError();
    ok(!ret && err == ERROR_ALREADY_EXISTS, "move onto an existing file: %d, last error %lu\n", ret, err);

    ok(MoveFileExW(src, dst, MOVEFILE_REPLACE_EXISTING), "MoveFileExW replace failed: %lu\n", GetLastError());
    ok(GetFileAttributesW(src) == INVALID_FILE_ATTRIBUTES, "source still there after move\n");
    h = CreateFileW(dst, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ReadFile(h, buf, sizeof(buf) - 1, &done, NULL);
    ok(!strcmp(buf, "src"), "destination holds %s\n", buf);
    CloseHandle(h);

    SetLastError(0xdeadbeef);
    ret = MoveFileExW(src, dst, MOVEFILE_REPLACE_EXISTING);
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_NOT_FOUND, "moving a missing file: %d, last error %lu\n", ret, err);

    ok(MoveFileW(dst, src), "MoveFileW to a new name failed: %lu\n", GetLastError());
    DeleteFileW(src);
}

static void test_copy(void)
{
    WCHAR src[MAX_PATH], dst[MAX_PATH], missing[MAX_PATH];
    DWORD err;
    BOOL ret;

    make_file(L"copy-src.txt", "source data");
    tmp_path(src, L"copy-src.txt");
    tmp_path(dst, L"copy-dst.txt");
    tmp_path(missing, L"copy-missing.txt");

    ok(CopyFileW(src, dst, TRUE), "CopyFileW failed: %lu\n", GetLastError());
    ok(GetFileAttributesW(src) != INVALID_FILE_ATTRIBUTES, "source gone after copy\n");
    ok(file_size(dst) == 11, "copy has size %lu\n", file_size(dst));

    SetLastError(0xdeadbeef);
    ret = CopyFileW(src, dst, TRUE);
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_EXISTS, "copy onto an existing file: %d, last error %lu\n", ret, err);
    ok(CopyFileW(src, dst, FALSE), "CopyFileW overwrite failed: %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ret = CopyFileW(missing, dst, FALSE);
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_NOT_FOUND, "copying a missing file: %d, last error %lu\n", ret, err);
    DeleteFileW(src);
    DeleteFileW(dst);
}

static void test_directories(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    DWORD err;
    BOOL ret;

    tmp_path(dir, L"sub");
    ok(CreateDirectoryW(dir, NULL), "CreateDirectoryW failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = CreateDirectoryW(dir, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_ALREADY_EXISTS, "creating an existing folder: %d, last error %lu\n", ret, err);

    SetLastError(0xdeadbeef);
    ret = CreateDirectoryW(tmp_path(path, L"nodir\\sub"), NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_PATH_NOT_FOUND, "creating in a missing folder: %d, last error %lu\n", ret, err);

    make_file(L"sub\\f.txt", "x");
    SetLastError(0xdeadbeef);
    ret = RemoveDirectoryW(dir);
    err = GetLastError();
    ok(!ret && err == ERROR_DIR_NOT_EMPTY, "removing a non-empty folder: %d, last error %lu\n", ret, err);

    /* DeleteFile does not remove folders. */
    SetLastError(0xdeadbeef);
    ret = DeleteFileW(dir);
    err = GetLastError();
    ok(!ret && err == ERROR_ACCESS_DENIED, "DeleteFileW on a folder: %d, last error %lu\n", ret, err);

    delete_file(L"sub\\f.txt");
    ok(RemoveDirectoryW(dir), "RemoveDirectoryW failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = RemoveDirectoryW(dir);
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_NOT_FOUND, "removing a missing folder: %d, last error %lu\n", ret, err);
}

/* Runs a FindFirstFile search and returns a bit per expected name found;
 * bit 31 is set for any name outside the list. */
static DWORD find_names(const WCHAR *pattern, const WCHAR *const *names, int count)
{
    WCHAR path[MAX_PATH];
    WIN32_FIND_DATAW fd;
    DWORD found = 0, err;
    HANDLE h = FindFirstFileW(tmp_path(path, pattern), &fd);
    int i;

    if (h == INVALID_HANDLE_VALUE) return 0;
    do
    {
        for (i = 0; i < count; i++) if (!lstrcmpW(fd.cFileName, names[i])) break;
        found |= i < count ? 1u << i : 0x80000000;
    } while (FindNextFileW(h, &fd));
    err = GetLastError();
    ok(err == ERROR_NO_MORE_FILES, "search %ls ended with last error %lu\n", pattern, err);
    ok(FindClose(h), "FindClose failed: %lu\n", GetLastError());
    return found;
}

static void test_find(void)
{
    static const WCHAR *const names[] = { L".", L"..", L"a1.txt", L"a2.txt", L"abc.txt", L"b1.log", L"dir" };
    WCHAR path[MAX_PATH];
    WIN32_FIND_DATAW fd;
    DWORD found, err;
    HANDLE h;

    CreateDirectoryW(tmp_path(path, L"find"), NULL);
    make_file(L"find\\a1.txt", "1");
    make_file(L"find\\a2.txt", "22");
    make_file(L"find\\abc.txt", "333");
    make_file(L"find\\b1.log", "4444");
    CreateDirectoryW(tmp_path(path, L"find\\dir"), NULL);

    found = find_names(L"find\\*", names, 7);
    ok(found == 0x7f, "find\\* found %#lx\n", found);
    found = find_names(L"find\\*.txt", names, 7);
    ok(found == 0x1c, "find\\*.txt found %#lx\n", found);
    found = find_names(L"find\\a?.txt", names, 7);
    ok(found == 0x0c, "find\\a?.txt found %#lx\n", found);
    found = find_names(L"find\\?1.*", names, 7);
    ok(found == 0x24, "find\\?1.* found %#lx\n", found);

    h = FindFirstFileW(tmp_path(path, L"find\\b1.log"), &fd);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileW of one file failed: %lu\n", GetLastError());
    ok(fd.nFileSizeLow == 4 && !(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY),
       "find data: size %lu attributes %#lx\n", fd.nFileSizeLow, fd.dwFileAttributes);
    SetLastError(0xdeadbeef);
    ok(!FindNextFileW(h, &fd), "a second match for an exact name\n");
    err = GetLastError();
    ok(err == ERROR_NO_MORE_FILES, "FindNextFileW after the last: last error %lu\n", err);
    FindClose(h);

    h = FindFirstFileW(tmp_path(path, L"find\\dir"), &fd);
    ok(h != INVALID_HANDLE_VALUE && (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY),
       "folder not found as a folder\n");
    FindClose(h);

    SetLastError(0xdeadbeef);
    h = FindFirstFileW(tmp_path(path, L"find\\*.none"), &fd);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_FILE_NOT_FOUND,
       "search without a match: %p, last error %lu\n", h, err);
    SetLastError(0xdeadbeef);
    h = FindFirstFileW(tmp_path(path, L"nodir\\*"), &fd);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_PATH_NOT_FOUND,
       "search in a missing folder: %p, last error %lu\n", h, err);

    delete_file(L"find\\a1.txt");
    delete_file(L"find\\a2.txt");
    delete_file(L"find\\abc.txt");
    delete_file(L"find\\b1.log");
    RemoveDirectoryW(tmp_path(path, L"find\\dir"));
    ok(RemoveDirectoryW(tmp_path(path, L"find")), "cleanup of find failed: %lu\n", GetLastError());
}

static void test_case_insensitive(void)
{
    WCHAR path[MAX_PATH];
    WIN32_FIND_DATAW fd;
    HANDLE h;

    make_file(L"MixedCase.TXT", "mixed");
    h = create_file(L"mixedcase.txt", GENERIC_READ, 0, OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "opening with other case failed: %lu\n", GetLastError());
    ok(GetFileSize(h, NULL) == 5, "wrong file opened: size %lu\n", GetFileSize(h, NULL));
    CloseHandle(h);

    /* The name keeps the case it was created with. */
    h = FindFirstFileW(tmp_path(path, L"MIXEDCASE.txt"), &fd);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileW with other case failed: %lu\n", GetLastError());
    ok(!lstrcmpW(fd.cFileName, L"MixedCase.TXT"), "found name %ls\n", fd.cFileName);
    FindClose(h);

    /* CREATE_NEW sees the file under another case. */
    SetLastError(0xdeadbeef);
    h = create_file(L"MIXEDCASE.TXT", GENERIC_WRITE, 0, CREATE_NEW);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS,
       "CREATE_NEW with other case: %p, last error %lu\n", h, GetLastError());
    ok(DeleteFileW(tmp_path(path, L"MIXEDCASE.txt")), "delete with other case failed: %lu\n", GetLastError());
    ok(GetFileAttributesW(tmp_path(path, L"MixedCase.TXT")) == INVALID_FILE_ATTRIBUTES,
       "file still there after delete with other case\n");
}

static void test_share_modes(void)
{
    WCHAR path[MAX_PATH];
    HANDLE h, h2;
    DWORD err;
    BOOL ret;

    h = create_file(L"share.bin", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, CREATE_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE, "create failed: %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    h2 = create_file(L"share.bin", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    err = GetLastError();
    ok(h2 == INVALID_HANDLE_VALUE && err == ERROR_SHARING_VIOLATION,
       "write open against FILE_SHARE_READ: %p, last error %lu\n", h2, err);

    /* A reader must itself share write access with the existing writer. */
    SetLastError(0xdeadbeef);
    h2 = create_file(L"share.bin", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    err = GetLastError();
    ok(h2 == INVALID_HANDLE_VALUE && err == ERROR_SHARING_VIOLATION,
       "read open not sharing write: %p, last error %lu\n", h2, err);

    h2 = create_file(L"share.bin", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    ok(h2 != INVALID_HANDLE_VALUE, "compatible read open failed: %lu\n", GetLastError());
    CloseHandle(h2);

    /* Deleting needs FILE_SHARE_DELETE from every open handle. */
    SetLastError(0xdeadbeef);
    ret = DeleteFileW(tmp_path(path, L"share.bin"));
    err = GetLastError();
    ok(!ret && err == ERROR_SHARING_VIOLATION, "deleting an open file: %d, last error %lu\n", ret, err);
    CloseHandle(h);

    h = create_file(L"share.bin", GENERIC_READ, 0, OPEN_EXISTING);
    SetLastError(0xdeadbeef);
    h2 = create_file(L"share.bin", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    err = GetLastError();
    ok(h2 == INVALID_HANDLE_VALUE && err == ERROR_SHARING_VIOLATION,
       "open against share mode 0: %p, last error %lu\n", h2, err);
    CloseHandle(h);
    ok(DeleteFileW(path), "delete after close failed: %lu\n", GetLastError());
}

/* An open asking for no data access (none of read, write, execute, delete:
   0, or FILE_READ_ATTRIBUTES only) is not checked against the other opens'
   share modes, and its own share mode holds nobody back: libarchive on
   Windows (cmake's file(ARCHIVE_EXTRACT)) opens the folder an entry goes in
   with access 0 and share 0, which is also the current directory */
static void test_share_no_data_access(void)
{
    WCHAR path[MAX_PATH], cwd[MAX_PATH];
    HANDLE h, h2, h3;
    BY_HANDLE_FILE_INFORMATION info;
    DWORD err;

    make_file(L"nodata.bin", "0123456789");
    h = create_file(L"nodata.bin", GENERIC_READ, 0, OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "open with share 0 failed: %lu\n", GetLastError());
    h2 = create_file(L"nodata.bin", 0, 0, OPEN_EXISTING);
    ok(h2 != INVALID_HANDLE_VALUE, "access 0 against share 0: %lu\n", GetLastError());
    h3 = create_file(L"nodata.bin", FILE_READ_ATTRIBUTES, 0, OPEN_EXISTING);
    ok(h3 != INVALID_HANDLE_VALUE, "FILE_READ_ATTRIBUTES against share 0: %lu\n", GetLastError());
    ok(h3 != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h3, &info) && info.nFileSizeLow == 10,
       "the attributes-only handle's information: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    HANDLE h4 = create_file(L"nodata.bin", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
    err = GetLastError();
    ok(h4 == INVALID_HANDLE_VALUE && err == ERROR_SHARING_VIOLATION, "a reader against share 0: %p, last error %lu\n", h4, err);
    if (h4 != INVALID_HANDLE_VALUE) CloseHandle(h4);
    CloseHandle(h);
    /* the access-0 handles (share 0) do not stop an exclusive writer */
    h = create_file(L"nodata.bin", GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "an exclusive open beside access-0 opens with share 0: %lu\n", GetLastError());
    CloseHandle(h);
    CloseHandle(h2);
    if (h3 != INVALID_HANDLE_VALUE) CloseHandle(h3);
    ok(DeleteFileW(tmp_path(path, L"nodata.bin")), "delete failed: %lu\n", GetLastError());

    /* the current directory, opened with access 0 and share 0 */
    GetCurrentDirectoryW(MAX_PATH, cwd);
    CreateDirectoryW(tmp_path(path, L"nodatadir"), NULL);
    ok(SetCurrentDirectoryW(path), "SetCurrentDirectory failed: %lu\n", GetLastError());
    h = CreateFileW(path, 0, 0, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "the current directory, access 0, share 0: %lu\n", GetLastError());
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    SetCurrentDirectoryW(cwd);
    ok(RemoveDirectoryW(path), "RemoveDirectory failed: %lu\n", GetLastError());
}

static void test_final_path(void)
{
    WCHAR path[MAX_PATH], expect[MAX_PATH + 8], got[MAX_PATH + 8];
    DWORD len;
    HANDLE h;

    make_file(L"final.txt", "f");
    h = create_file(L"final.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    /* The temp path may be a short (8.3) name; the final path is the long one. */
    lstrcpyW(expect, L"\\\\?\\");
    GetLongPathNameW(tmp_path(path, L"final.txt"), expect + 4, MAX_PATH);
    len = GetFinalPathNameByHandleW(h, got, MAX_PATH + 8, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    ok(len == (DWORD)lstrlenW(got), "GetFinalPathNameByHandleW returned %lu for %ls\n", len, got);
    ok(!lstrcmpiW(got, expect), "final path %ls, expected %ls\n", got, expect);

    /* Too small a buffer: the size needed, counting the NUL. */
    len = GetFinalPathNameByHandleW(h, got, 4, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    ok(len == (DWORD)lstrlenW(expect) + 1, "size needed %lu, expected %d\n", len, lstrlenW(expect) + 1);
    CloseHandle(h);
    delete_file(L"final.txt");
}

static void test_unicode_names(void)
{
    /* Latin accents, Greek and CJK: all outside any ANSI code page at once. */
    static const WCHAR name[] = L"\x00e9t\x00e9-\x03b1\x03b2-\x65e5\x672c.txt";
    WCHAR path[MAX_PATH];
    WIN32_FIND_DATAW fd;
    HANDLE h;

    make_file(name, "utf16");
    ok(GetFileAttributesW(tmp_path(path, name)) != INVALID_FILE_ATTRIBUTES,
       "UTF-16 named file not found: %lu\n", GetLastError());
    h = FindFirstFileW(tmp_path(path, L"*-\x03b1\x03b2-*"), &fd);
    ok(h != INVALID_HANDLE_VALUE, "wildcard search for a UTF-16 name failed: %lu\n", GetLastError());
    ok(!lstrcmpW(fd.cFileName, name), "found %ls\n", fd.cFileName);
    FindClose(h);

    /* Case-insensitivity extends beyond ASCII. */
    h = create_file(L"\x00c9T\x00c9-\x0391\x0392-\x65e5\x672c.TXT", GENERIC_READ, 0, OPEN_EXISTING);
    ok(h != INVALID_HANDLE_VALUE, "opening the upper-case UTF-16 name failed: %lu\n", GetLastError());
    CloseHandle(h);
    ok(DeleteFileW(tmp_path(path, name)), "deleting the UTF-16 name failed: %lu\n", GetLastError());
}

static void cleanup_base_dir(void)
{
    base_dir[lstrlenW(base_dir) - 1] = 0;
    ok(RemoveDirectoryW(base_dir), "test folder left behind (%lu): %ls\n", GetLastError(), base_dir);
}

int main(int argc, char **argv)
{
    test_start("kernel32:file");
    setup_base_dir();
    test_create_dispositions();
    test_open_missing();
    test_truncate_existing();
    test_create_file_a();
    test_read_write();
    test_file_pointer();
    test_end_of_file();
    test_positioned_io();
    test_append();
    test_delete_on_close();
    test_locks();
    test_file_type_and_flush();
    test_open_directory();
    test_attributes();
    test_read_only_file();
    test_information_by_handle();
    test_file_time();
    test_invalid_handle();
    test_delete();
    test_move();
    test_copy();
    test_directories();
    test_find();
    test_case_insensitive();
    test_share_modes();
    test_share_no_data_access();
    test_final_path();
    test_unicode_names();
    cleanup_base_dir();
    return test_summary();
}
