/*
 * tests/kernel32/filemisc.c — file functions legacy and newer programs
 * call: CopyFileEx's progress routine and cancel flag, CopyFile2 (flags,
 * progress messages, HRESULTs), MoveFileWithProgressA, CreateFile2,
 * ReplaceFile with and without a backup, OpenFile (OF_EXIST, OF_READ,
 * OF_CREATE, OF_DELETE, OF_PARSE, OF_REOPEN and the OFSTRUCT), change
 * notifications (a handle signaled by a change in the folder), SetFileValid
 * Data, FindFirstStreamW ("::$DATA"; a folder has none) and
 * FindFirstFileNameW (the file's hard links).
 */
#include "test.h"

static char dir[MAX_PATH];
static WCHAR wdir[MAX_PATH];

static const char *path(const char *name)
{
    static char paths[4][MAX_PATH];
    static int next;
    char *p = paths[next++ & 3];
    sprintf(p, "%s%s", dir, name);
    return p;
}

static const WCHAR *wpath(const WCHAR *name)
{
    static WCHAR paths[4][MAX_PATH];
    static int next;
    WCHAR *p = paths[next++ & 3];
    swprintf(p, MAX_PATH, L"%ls%ls", wdir, name);
    return p;
}

static void put(const char *name, const void *data, DWORD len)
{
    HANDLE h = CreateFileA(path(name), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, data, len, &done, NULL);
    CloseHandle(h);
}

/* the file's first bytes as a string, "(none)" when it is not there */
static const char *get(const char *name)
{
    static char bufs[4][64];
    static int next;
    char *b = bufs[next++ & 3];
    DWORD done = 0;
    HANDLE h = CreateFileA(path(name), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return "(none)";
    ReadFile(h, b, sizeof(bufs[0]) - 1, &done, NULL);
    b[done] = 0;
    CloseHandle(h);
    return b;
}

static BOOL exists(const char *name)
{
    return GetFileAttributesA(path(name)) != INVALID_FILE_ATTRIBUTES;
}

/* --- CopyFileEx ---------------------------------------------------------------------- */

static struct
{
    int calls;
    DWORD first_reason, last_reason;
    LONGLONG first_done, last_done, total;
    void *param;
    DWORD answer;
} progress;

static DWORD CALLBACK progress_routine(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER stream_size,
                                       LARGE_INTEGER stream_done, DWORD stream, DWORD reason, HANDLE src, HANDLE dst,
                                       LPVOID param)
{
    if (!progress.calls++) { progress.first_reason = reason; progress.first_done = done.QuadPart; }
    progress.last_reason = reason;
    progress.last_done = done.QuadPart;
    progress.total = total.QuadPart;
    progress.param = param;
    return progress.answer;
}

static void test_copy_file_ex(void)
{
    static char big[300000];
    BOOL ret, cancel;

    memset(big, 'b', sizeof(big));
    put("src", big, sizeof(big));
    DeleteFileA(path("dst"));

    /* Wine 8 calls no progress routine and looks at no cancel flag */
    memset(&progress, 0, sizeof(progress));
    ret = CopyFileExA(path("src"), path("dst"), progress_routine, (void *)0x1234, NULL, 0);
    ok(ret, "CopyFileExA: %lu\n", GetLastError());
    todo_wine(progress.calls >= 2, "progress calls %d\n", progress.calls);
    todo_wine(progress.first_reason == CALLBACK_STREAM_SWITCH && progress.first_done == 0,
              "first call: reason %lu done %I64d\n", progress.first_reason, progress.first_done);
    todo_wine(progress.last_reason == CALLBACK_CHUNK_FINISHED && progress.last_done == sizeof(big) &&
              progress.total == sizeof(big) && progress.param == (void *)0x1234,
              "last call: reason %lu done %I64d total %I64d\n", progress.last_reason, progress.last_done,
              progress.total);
    ok(!strncmp(get("dst"), "bbbb", 4), "copied\n");

    SetLastError(0xdeadbeef);
    ok(!CopyFileExA(path("src"), path("dst"), NULL, NULL, NULL, COPY_FILE_FAIL_IF_EXISTS) &&
       GetLastError() == ERROR_FILE_EXISTS, "COPY_FILE_FAIL_IF_EXISTS: %lu\n", GetLastError());
    DeleteFileA(path("dst"));

    /* documented: PROGRESS_CANCEL deletes the copy, PROGRESS_STOP keeps it; both ERROR_REQUEST_ABORTED */
    memset(&progress, 0, sizeof(progress));
    progress.answer = PROGRESS_CANCEL;
    SetLastError(0xdeadbeef);
    ret = CopyFileExW(wpath(L"src"), wpath(L"dst"), progress_routine, NULL, NULL, 0);
    todo_wine(!ret && GetLastError() == ERROR_REQUEST_ABORTED, "PROGRESS_CANCEL: %d %lu\n", ret, GetLastError());
    todo_wine(!exists("dst"), "the copy is deleted\n");
    DeleteFileA(path("dst"));
    memset(&progress, 0, sizeof(progress));
    progress.answer = PROGRESS_STOP;
    SetLastError(0xdeadbeef);
    ret = CopyFileExW(wpath(L"src"), wpath(L"dst"), progress_routine, NULL, NULL, 0);
    todo_wine(!ret && GetLastError() == ERROR_REQUEST_ABORTED, "PROGRESS_STOP: %d %lu\n", ret, GetLastError());
    ok(exists("dst"), "the copy stays\n");
    DeleteFileA(path("dst"));
    memset(&progress, 0, sizeof(progress));
    progress.answer = PROGRESS_QUIET;
    ret = CopyFileExW(wpath(L"src"), wpath(L"dst"), progress_routine, NULL, NULL, 0);
    ok(ret, "PROGRESS_QUIET: %lu\n", GetLastError());
    todo_wine(progress.calls == 1, "no more calls after PROGRESS_QUIET: %d\n", progress.calls);
    DeleteFileA(path("dst"));
    cancel = TRUE;
    SetLastError(0xdeadbeef);
    ret = CopyFileExA(path("src"), path("dst"), NULL, NULL, &cancel, 0);
    todo_wine(!ret && GetLastError() == ERROR_REQUEST_ABORTED, "cancel flag: %d %lu\n", ret, GetLastError());
    todo_wine(!exists("dst"), "no copy\n");
    DeleteFileA(path("dst"));

    /* a copy of nothing, and MoveFileWithProgressA */
    put("empty", "", 0);
    ok(CopyFileExA(path("empty"), path("dst"), NULL, NULL, NULL, 0), "empty file\n");
    ok(MoveFileWithProgressA(path("dst"), path("moved"), NULL, NULL, 0), "MoveFileWithProgressA\n");
    ok(!exists("dst") && exists("moved"), "moved\n");
    SetLastError(0xdeadbeef);
    ok(!MoveFileWithProgressA(path("src"), path("moved"), NULL, NULL, 0) && GetLastError() == ERROR_ALREADY_EXISTS,
       "onto an existing file: %lu\n", GetLastError());
    ok(MoveFileWithProgressA(path("src"), path("moved"), NULL, NULL, MOVEFILE_REPLACE_EXISTING), "replace\n");
    ok(!exists("src") && !strncmp(get("moved"), "bbbb", 4), "moved over\n");
    DeleteFileA(path("moved"));
    DeleteFileA(path("empty"));
}

/* --- CopyFile2 ----------------------------------------------------------------------------- */

static struct
{
    int messages, chunks_finished;
    COPYFILE2_MESSAGE_TYPE first, last;
    ULONGLONG last_done;
    COPYFILE2_MESSAGE_ACTION answer;
} messages;

static COPYFILE2_MESSAGE_ACTION CALLBACK copy2_routine(const COPYFILE2_MESSAGE *msg, PVOID ctx)
{
    if (!messages.messages++) messages.first = msg->Type;
    messages.last = msg->Type;
    if (msg->Type == COPYFILE2_CALLBACK_CHUNK_FINISHED)
    {
        messages.chunks_finished++;
        messages.last_done = msg->Info.ChunkFinished.uliTotalBytesTransferred.QuadPart;
    }
    ok(ctx == (void *)0x5678, "context %p\n", ctx);
    return messages.answer;
}

static void test_copy_file2(void)
{
    COPYFILE2_EXTENDED_PARAMETERS params = { sizeof(params) };
    static char data[100000];
    BOOL cancel;
    HRESULT hr;

    if (test_is("wine")) { skip("Wine 8 has no CopyFile2\n"); return; }
    memset(data, 'c', sizeof(data));
    put("src", data, sizeof(data));
    DeleteFileA(path("dst"));
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), NULL) == S_OK, "CopyFile2\n");
    ok(!strncmp(get("dst"), "cccc", 4), "copied\n");
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), NULL) == S_OK, "over an existing file\n");
    params.dwCopyFlags = COPY_FILE_FAIL_IF_EXISTS;
    hr = CopyFile2(wpath(L"src"), wpath(L"dst"), &params);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILE_EXISTS), "COPY_FILE_FAIL_IF_EXISTS: %08lx\n", hr);
    hr = CopyFile2(wpath(L"missing"), wpath(L"dst2"), NULL);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), "missing source: %08lx\n", hr);
    params.dwCopyFlags = 0x80000000;
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), &params) == E_INVALIDARG, "unknown flag\n");
    params.dwCopyFlags = 0;
    params.dwSize = sizeof(params) - 1;
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), &params) == E_INVALIDARG, "bad size\n");
    params.dwSize = sizeof(params);

    /* the flags programs pass are taken */
    DeleteFileA(path("dst"));
    params.dwCopyFlags = COPY_FILE_NO_BUFFERING | COPY_FILE_RESTARTABLE | COPY_FILE_COPY_SYMLINK | COPY_FILE_NO_OFFLOAD;
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), &params) == S_OK, "common flags\n");

    /* progress messages: the stream starts, chunks finish, the stream finishes */
    DeleteFileA(path("dst"));
    params.dwCopyFlags = 0;
    params.pProgressRoutine = copy2_routine;
    params.pvCallbackContext = (void *)0x5678;
    memset(&messages, 0, sizeof(messages));
    ok(CopyFile2(wpath(L"src"), wpath(L"dst"), &params) == S_OK, "with a progress routine\n");
    ok(messages.first == COPYFILE2_CALLBACK_STREAM_STARTED, "first message %d\n", messages.first);
    ok(messages.last == COPYFILE2_CALLBACK_STREAM_FINISHED, "last message %d\n", messages.last);
    ok(messages.chunks_finished >= 1 && messages.last_done == sizeof(data), "chunks %d, done %I64u\n",
       messages.chunks_finished, messages.last_done);

    DeleteFileA(path("dst"));
    memset(&messages, 0, sizeof(messages));
    messages.answer = COPYFILE2_PROGRESS_CANCEL;
    hr = CopyFile2(wpath(L"src"), wpath(L"dst"), &params);
    ok(hr == HRESULT_FROM_WIN32(ERROR_REQUEST_ABORTED), "cancelled: %08lx\n", hr);
    ok(!exists("dst"), "a cancelled copy is deleted\n");
    params.pProgressRoutine = NULL;
    cancel = TRUE;
    params.pfCancel = &cancel;
    hr = CopyFile2(wpath(L"src"), wpath(L"dst"), &params);
    ok(hr == HRESULT_FROM_WIN32(ERROR_REQUEST_ABORTED), "pfCancel: %08lx\n", hr);
    DeleteFileA(path("dst"));
    DeleteFileA(path("src"));
}

/* --- CreateFile2 ---------------------------------------------------------------------------- */

static void test_create_file2(void)
{
    CREATEFILE2_EXTENDED_PARAMETERS params = { sizeof(params) };
    HANDLE h;

    DeleteFileA(path("cf2"));
    h = CreateFile2(wpath(L"cf2"), GENERIC_WRITE, 0, CREATE_NEW, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFile2: %lu\n", GetLastError());
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    h = CreateFile2(wpath(L"cf2"), GENERIC_WRITE, 0, CREATE_NEW, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW again: %lu\n", GetLastError());
    h = CreateFile2(wpath(L"cf2"), GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, &params);
    ok(h != INVALID_HANDLE_VALUE, "OPEN_EXISTING with parameters: %lu\n", GetLastError());
    CloseHandle(h);
    params.dwFileFlags = FILE_FLAG_DELETE_ON_CLOSE;
    h = CreateFile2(wpath(L"cf2"), GENERIC_WRITE | DELETE, 0, CREATE_ALWAYS, &params);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS: %lu\n", GetLastError());
    CloseHandle(h);
    ok(!exists("cf2"), "FILE_FLAG_DELETE_ON_CLOSE\n");
    SetLastError(0xdeadbeef);
    h = CreateFile2(wpath(L"nodir\\x"), GENERIC_WRITE, 0, CREATE_NEW, NULL);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "missing folder: %lu\n", GetLastError());
}

/* --- ReplaceFile ------------------------------------------------------------------------------ */

static void test_replace_file(void)
{
    WIN32_FILE_ATTRIBUTE_DATA data;
    SYSTEMTIME st = { 2001, 2, 0, 3, 4, 5, 6, 0 };
    FILETIME created;
    DWORD error;
    HANDLE h;
    BOOL ret;

    ok(GetProcAddress(GetModuleHandleA("kernel32.dll"), "ReplaceFile") != NULL, "ReplaceFile is exported\n");
    put("old", "OLD", 3);
    put("new", "NEW", 3);
    DeleteFileA(path("bak"));
    SystemTimeToFileTime(&st, &created);
    h = CreateFileA(path("old"), FILE_WRITE_ATTRIBUTES, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetFileTime(h, &created, NULL, NULL);
    CloseHandle(h);
    SetFileAttributesA(path("old"), FILE_ATTRIBUTE_HIDDEN);

    ret = ReplaceFileA(path("old"), path("new"), path("bak"), 0, NULL, NULL);
    ok(ret, "with a backup: %lu\n", GetLastError());
    ok(!strcmp(get("old"), "NEW") && !exists("new") && !strcmp(get("bak"), "OLD"), "old %s new %s bak %s\n",
       get("old"), get("new"), get("bak"));
    GetFileAttributesExA(path("old"), GetFileExInfoStandard, &data);
    /* documented: the replacement keeps the replaced file's creation time
       (and its attributes); Wine keeps the replacement's own, and wlx cannot
       set a Linux file's birth time */
    if (test_is("wlx")) todo_wlx(!CompareFileTime(&data.ftCreationTime, &created), "creation time kept\n");
    else todo_wine(!CompareFileTime(&data.ftCreationTime, &created), "creation time kept\n");
    todo_wine(data.dwFileAttributes & FILE_ATTRIBUTE_HIDDEN, "attributes kept: %lx\n", data.dwFileAttributes);
    SetFileAttributesA(path("old"), FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesA(path("bak"), FILE_ATTRIBUTE_NORMAL);

    put("new", "NEWER", 5);
    ok(ReplaceFileW(wpath(L"old"), wpath(L"new"), NULL, 0, NULL, NULL), "without a backup: %lu\n", GetLastError());
    ok(!strcmp(get("old"), "NEWER") && !exists("new"), "old %s\n", get("old"));
    put("new", "THIRD", 5);
    ok(ReplaceFileA(path("old"), path("new"), path("bak"), 0, NULL, NULL), "over an existing backup: %lu\n",
       GetLastError());
    ok(!strcmp(get("old"), "THIRD") && !strcmp(get("bak"), "NEWER"), "old %s bak %s\n", get("old"), get("bak"));

    /* a missing file: nothing moves */
    SetLastError(0xdeadbeef);
    ret = ReplaceFileA(path("missing"), path("old"), NULL, 0, NULL, NULL);
    error = GetLastError();
    ok(!ret && !strcmp(get("old"), "THIRD"), "replaced missing\n");
    ok(error == ERROR_FILE_NOT_FOUND, "error %lu\n", error);
    SetLastError(0xdeadbeef);
    ret = ReplaceFileA(path("old"), path("missing"), path("bak2"), 0, NULL, NULL);
    error = GetLastError();
    ok(!ret && !strcmp(get("old"), "THIRD") && !exists("bak2"), "replacement missing\n");
    ok(error == ERROR_FILE_NOT_FOUND, "error %lu\n", error);
    SetLastError(0xdeadbeef);
    ok(!ReplaceFileA(path("old"), NULL, NULL, 0, NULL, NULL) && GetLastError() == ERROR_INVALID_PARAMETER,
       "NULL replacement: %lu\n", GetLastError());

    /* a replaced file held without delete sharing cannot go */
    put("new", "FOURTH", 6);
    h = CreateFileA(path("old"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    ret = ReplaceFileA(path("old"), path("new"), NULL, 0, NULL, NULL);
    ok(!ret && GetLastError() == ERROR_SHARING_VIOLATION, "replaced in use: %d %lu\n", ret, GetLastError());
    CloseHandle(h);
    ok(!strcmp(get("old"), "THIRD") && !strcmp(get("new"), "FOURTH"), "both stay\n");
    DeleteFileA(path("old"));
    DeleteFileA(path("new"));
    DeleteFileA(path("bak"));
}

/* --- OpenFile ------------------------------------------------------------------------------------- */

static void test_open_file(void)
{
    char cwd[MAX_PATH], full[MAX_PATH];
    OFSTRUCT ofs;
    HFILE f;
    DWORD done;
    char buf[16];

    put("of.txt", "hello", 5);
    memset(&ofs, 0xcc, sizeof(ofs));
    ok(OpenFile(path("of.txt"), &ofs, OF_EXIST) == 1, "OF_EXIST\n");
    ok(ofs.cBytes == sizeof(ofs) && ofs.nErrCode == 0, "cBytes %u nErrCode %u\n", ofs.cBytes, ofs.nErrCode);
    ok(!lstrcmpiA(ofs.szPathName, path("of.txt")), "path %s\n", ofs.szPathName);

    memset(&ofs, 0xcc, sizeof(ofs));
    ok(OpenFile(path("none.txt"), &ofs, OF_EXIST) == HFILE_ERROR, "OF_EXIST of a missing file\n");
    ok(ofs.nErrCode == ERROR_FILE_NOT_FOUND, "nErrCode %u\n", ofs.nErrCode);
    ok(!lstrcmpiA(ofs.szPathName, path("none.txt")), "path %s\n", ofs.szPathName);

    memset(&ofs, 0xcc, sizeof(ofs));
    f = OpenFile(path("of.txt"), &ofs, OF_READ);
    ok(f != HFILE_ERROR, "OF_READ: %u\n", ofs.nErrCode);
    memset(buf, 0, sizeof(buf));
    ok(ReadFile((HANDLE)(INT_PTR)f, buf, sizeof(buf), &done, NULL) && done == 5 && !strcmp(buf, "hello"), "read\n");
    SetLastError(0xdeadbeef);
    ok(!WriteFile((HANDLE)(INT_PTR)f, "x", 1, &done, NULL) && GetLastError() == ERROR_ACCESS_DENIED,
       "read only: %lu\n", GetLastError());
    CloseHandle((HANDLE)(INT_PTR)f);

    f = OpenFile(path("of.txt"), &ofs, OF_CREATE | OF_WRITE);
    ok(f != HFILE_ERROR, "OF_CREATE: %u\n", ofs.nErrCode);
    ok(WriteFile((HANDLE)(INT_PTR)f, "xyz", 3, &done, NULL), "write\n");
    CloseHandle((HANDLE)(INT_PTR)f);
    ok(!strcmp(get("of.txt"), "xyz"), "truncated and written: %s\n", get("of.txt"));

    strcpy(ofs.szPathName, path("of.txt"));
    f = OpenFile(NULL, &ofs, OF_REOPEN | OF_READ);
    ok(f != HFILE_ERROR, "OF_REOPEN: %u\n", ofs.nErrCode);
    CloseHandle((HANDLE)(INT_PTR)f);

    /* a bare name is searched for: the current folder is one place */
    GetCurrentDirectoryA(MAX_PATH, cwd);
    SetCurrentDirectoryA(dir);
    memset(&ofs, 0xcc, sizeof(ofs));
    ok(OpenFile("of.txt", &ofs, OF_EXIST) == 1, "a bare name\n");
    ok(!lstrcmpiA(ofs.szPathName, path("of.txt")), "found at %s\n", ofs.szPathName);
    memset(&ofs, 0xcc, sizeof(ofs));
    ok(OpenFile("parse.txt", &ofs, OF_PARSE) == 0, "OF_PARSE\n");
    GetFullPathNameA("parse.txt", MAX_PATH, full, NULL);
    ok(!lstrcmpiA(ofs.szPathName, full) && ofs.cBytes == sizeof(ofs), "parsed %s\n", ofs.szPathName);
    SetCurrentDirectoryA(cwd);

    memset(&ofs, 0xcc, sizeof(ofs));
    ok(OpenFile(path("of.txt"), &ofs, OF_DELETE) == 1, "OF_DELETE\n");
    ok(!exists("of.txt"), "deleted\n");
    ok(OpenFile(path("of.txt"), &ofs, OF_DELETE) == HFILE_ERROR && ofs.nErrCode == ERROR_FILE_NOT_FOUND,
       "OF_DELETE of a missing file: %u\n", ofs.nErrCode);
}

/* --- change notifications ------------------------------------------------------------------------- */

static void test_change_notification(void)
{
    HANDLE h, sub;

    CreateDirectoryA(path("watched"), NULL);
    h = FindFirstChangeNotificationA(path("watched"), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstChangeNotificationA: %lu\n", GetLastError());
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "signaled before any change\n");
    put("watched\\a.txt", "a", 1);
    ok(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "a new file signals it\n");
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "it stays signaled\n");
    ok(FindNextChangeNotification(h), "FindNextChangeNotification: %lu\n", GetLastError());
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "reset by the next request\n");
    DeleteFileA(path("watched\\a.txt"));
    ok(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "a deleted file signals it\n");
    ok(FindCloseChangeNotification(h), "FindCloseChangeNotification\n");

    /* a change made before FindNextChangeNotification is not lost */
    h = FindFirstChangeNotificationW(wpath(L"watched"), TRUE, FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_DIR_NAME);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstChangeNotificationW: %lu\n", GetLastError());
    CreateDirectoryA(path("watched\\sub"), NULL);
    ok(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "a new folder signals it\n");
    put("watched\\sub\\b.txt", "b", 1);
    Sleep(100);
    ok(FindNextChangeNotification(h), "FindNextChangeNotification: %lu\n", GetLastError());
    /* documented: "the operating system records the change" and it satisfies
       the next wait at once; Wine forgets it */
    todo_wine(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "a change before the request signals it\n");
    sub = h;
    todo_wine(WaitForMultipleObjects(1, &sub, FALSE, 0) == WAIT_OBJECT_0, "WaitForMultipleObjects\n");
    ok(CloseHandle(h), "CloseHandle closes it too\n");
    DeleteFileA(path("watched\\sub\\b.txt"));
    RemoveDirectoryA(path("watched\\sub"));

    SetLastError(0xdeadbeef);
    ok(FindFirstChangeNotificationA(path("watched"), FALSE, 0) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_INVALID_PARAMETER, "no filter: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(FindFirstChangeNotificationA(path("nowhere"), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_FILE_NOT_FOUND, "missing folder: %lu\n", GetLastError());
    put("plain", "p", 1);
    SetLastError(0xdeadbeef);
    ok(FindFirstChangeNotificationA(path("plain"), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_DIRECTORY, "a file: %lu\n", GetLastError());
    DeleteFileA(path("plain"));
    RemoveDirectoryA(path("watched"));
}

/* --- SetFileValidData -------------------------------------------------------------------------------- */

static BOOL enable_manage_volume(BOOL enable)
{
    TOKEN_PRIVILEGES tp = { 1 };
    HANDLE token;
    BOOL ret;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES, &token)) return FALSE;
    LookupPrivilegeValueA(NULL, "SeManageVolumePrivilege", &tp.Privileges[0].Luid);
    tp.Privileges[0].Attributes = enable ? SE_PRIVILEGE_ENABLED : 0;
    ret = AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL) && GetLastError() == ERROR_SUCCESS;
    CloseHandle(token);
    return ret;
}

static void test_set_file_valid_data(void)
{
    LARGE_INTEGER size;
    HANDLE h;

    h = CreateFileA(path("vdl"), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    size.QuadPart = 8192;
    SetFilePointerEx(h, size, NULL, FILE_BEGIN);
    SetEndOfFile(h);
    /* documented: the caller needs SeManageVolumePrivilege enabled; Wine asks for none */
    enable_manage_volume(FALSE);
    SetLastError(0xdeadbeef);
    todo_wine(!SetFileValidData(h, 4096) && GetLastError() == ERROR_PRIVILEGE_NOT_HELD, "no privilege: %lu\n",
              GetLastError());
    if (!enable_manage_volume(TRUE))
    {
        skip("SeManageVolumePrivilege cannot be enabled here\n");
        CloseHandle(h);
        DeleteFileA(path("vdl"));
        return;
    }
    ok(SetFileValidData(h, 4096), "SetFileValidData: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetFileValidData(h, 16384) && GetLastError() == ERROR_INVALID_PARAMETER, "past the end: %lu\n",
       GetLastError());
    CloseHandle(h);
    h = CreateFileA(path("vdl"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    ok(!SetFileValidData(h, 4096) && GetLastError() == ERROR_ACCESS_DENIED, "read-only handle: %lu\n", GetLastError());
    CloseHandle(h);
    enable_manage_volume(FALSE);
    DeleteFileA(path("vdl"));
}

/* --- streams and names ------------------------------------------------------------------------------ */

static void test_streams(void)
{
    WIN32_FIND_STREAM_DATA data;
    HANDLE h;

    put("streams", "12345", 5);
    memset(&data, 0xcc, sizeof(data));
    h = FindFirstStreamW(wpath(L"streams"), FindStreamInfoStandard, &data, 0);
    /* Wine 8 finds no stream anywhere */
    todo_wine(h != INVALID_HANDLE_VALUE, "FindFirstStreamW: %lu\n", GetLastError());
    if (h != INVALID_HANDLE_VALUE)
    {
        ok(!wcscmp(data.cStreamName, L"::$DATA") && data.StreamSize.QuadPart == 5, "stream %ls size %I64d\n",
           data.cStreamName, data.StreamSize.QuadPart);
        SetLastError(0xdeadbeef);
        ok(!FindNextStreamW(h, &data) && GetLastError() == ERROR_HANDLE_EOF, "one stream: %lu\n", GetLastError());
        ok(FindClose(h), "FindClose\n");
    }
    SetLastError(0xdeadbeef);
    h = FindFirstStreamW(wdir, FindStreamInfoStandard, &data, 0);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_HANDLE_EOF, "a folder has no stream: %lu\n",
       GetLastError());
    SetLastError(0xdeadbeef);
    h = FindFirstStreamW(wpath(L"missing"), FindStreamInfoStandard, &data, 0);
    todo_wine(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "missing file: %lu\n",
              GetLastError());
    SetLastError(0xdeadbeef);
    h = FindFirstStreamW(wpath(L"streams"), FindStreamInfoMaxInfoLevel, &data, 0);
    todo_wine(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "bad level: %lu\n",
              GetLastError());
    DeleteFileA(path("streams"));
}

static void test_file_names(void)
{
    WCHAR name[MAX_PATH], other[MAX_PATH], full[MAX_PATH];
    DWORD len;
    HANDLE h;

    if (test_is("wine")) { skip("Wine 8 has no FindFirstFileNameW\n"); return; }
    put("link1", "x", 1);
    GetFullPathNameW(wpath(L"link1"), MAX_PATH, full, NULL);
    len = ARRAYSIZE(name);
    h = FindFirstFileNameW(wpath(L"link1"), 0, &len, name);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileNameW: %lu\n", GetLastError());
    /* the name from the volume's root, without the drive */
    ok(!lstrcmpiW(name, full + 2) && len == wcslen(name) + 1, "name %ls len %lu\n", name, len);
    len = ARRAYSIZE(name);
    SetLastError(0xdeadbeef);
    ok(!FindNextFileNameW(h, &len, name) && GetLastError() == ERROR_HANDLE_EOF, "one name: %lu\n", GetLastError());
    ok(FindClose(h), "FindClose\n");

    len = 3;
    SetLastError(0xdeadbeef);
    h = FindFirstFileNameW(wpath(L"link1"), 0, &len, name);
    ok(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_MORE_DATA && len == wcslen(full + 2) + 1,
       "too small: %lu %lu\n", GetLastError(), len);
    SetLastError(0xdeadbeef);
    len = ARRAYSIZE(name);
    ok(FindFirstFileNameW(wpath(L"link1"), 1, &len, name) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_INVALID_PARAMETER, "flags: %lu\n", GetLastError());

    /* a second link */
    ok(CreateHardLinkW(wpath(L"link2"), wpath(L"link1"), NULL), "CreateHardLinkW: %lu\n", GetLastError());
    len = ARRAYSIZE(name);
    h = FindFirstFileNameW(wpath(L"link1"), 0, &len, name);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileNameW: %lu\n", GetLastError());
    len = ARRAYSIZE(other);
    ok(FindNextFileNameW(h, &len, other), "the second name: %lu\n", GetLastError());
    GetFullPathNameW(wpath(L"link2"), MAX_PATH, full, NULL);
    ok(!lstrcmpiW(other, full + 2) || !lstrcmpiW(name, full + 2), "names %ls %ls\n", name, other);
    len = ARRAYSIZE(other);
    ok(!FindNextFileNameW(h, &len, other) && GetLastError() == ERROR_HANDLE_EOF, "two names\n");
    FindClose(h);
    DeleteFileA(path("link1"));
    DeleteFileA(path("link2"));
}

int main(void)
{
    test_start("kernel32/filemisc");
    GetTempPathA(MAX_PATH, dir);
    strcat(dir, "wlx_filemisc\\");
    CreateDirectoryA(dir, NULL);
    MultiByteToWideChar(CP_ACP, 0, dir, -1, wdir, MAX_PATH);

    test_copy_file_ex();
    test_copy_file2();
    test_create_file2();
    test_replace_file();
    test_open_file();
    test_change_notification();
    test_set_file_valid_data();
    test_streams();
    test_file_names();

    RemoveDirectoryA(dir);
    return test_summary();
}
