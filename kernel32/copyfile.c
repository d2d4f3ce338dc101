/*
 * kernel32/copyfile.c — copying a file: CopyFile, CopyFileEx with its
 * progress routine and cancel flag, CopyFile2 with its extended
 * parameters, messages and HRESULTs, and the A forms.
 *
 * One engine copies (copy_file): it opens the source, creates the
 * destination (CREATE_NEW with COPY_FILE_FAIL_IF_EXISTS), copies the data
 * in chunks of 1 MiB and gives the destination the source's times and
 * attributes. It tells its caller's report function about the stream
 * before the data, around every chunk and at the end; the answer, like the
 * cancel flag, may cancel the copy (the destination is deleted), stop it
 * (the destination stays as far as it got: ERROR_REQUEST_ABORTED either
 * way, as CopyFileEx documents) or ask for no more reports. A copy that
 * fails for any other reason deletes what it wrote.
 *
 * Sections: the engine · CopyFileEx · CopyFile2 · A functions.
 */
#include "private.h"

#define CHUNK (1024 * 1024)

#ifndef ERROR_REQUEST_PAUSED
#define ERROR_REQUEST_PAUSED 3050
#endif

/* --- the engine ----------------------------------------------------------------------- */

enum copy_event { COPY_STREAM_START, COPY_CHUNK_START, COPY_CHUNK_DONE, COPY_STREAM_DONE };

/* what the engine reports */
struct copy_state
{
    HANDLE src, dst;
    ULONGLONG size;             /* the source's size */
    ULONGLONG done;             /* bytes copied so far */
    ULONGLONG chunk;            /* the number of the current chunk, from 0 */
    ULONGLONG chunk_size;       /* its bytes (known once it is done) */
};

/* the answers: PROGRESS_CONTINUE, PROGRESS_CANCEL, PROGRESS_STOP, PROGRESS_QUIET;
   and COPY_PAUSE (CopyFile2's): stopped, the error ERROR_REQUEST_PAUSED */
#define COPY_PAUSE 4
typedef DWORD (*copy_report_fn)(enum copy_event event, const struct copy_state *state, void *ctx);

/* asks the report function; a quiet answer ends the reports */
static DWORD report(copy_report_fn *fn, void *ctx, enum copy_event event, const struct copy_state *state)
{
    DWORD action;
    if (!*fn) return PROGRESS_CONTINUE;
    action = (*fn)(event, state, ctx);
    if (action == PROGRESS_QUIET) *fn = NULL;
    return action == PROGRESS_CANCEL || action == PROGRESS_STOP || action == COPY_PAUSE ? action : PROGRESS_CONTINUE;
}

static void delete_on_close(HANDLE h)
{
    FILE_DISPOSITION_INFORMATION disp = { TRUE };
    IO_STATUS_BLOCK io;
    NtSetInformationFile(h, &io, &disp, sizeof(disp), FileDispositionInformation);
}

/* the data of state->src into state->dst; the action that ended it early, or PROGRESS_CONTINUE */
static DWORD copy_data(struct copy_state *state, BOOL *cancel, copy_report_fn *fn, void *ctx, BOOL *ok)
{
    BYTE *buf = RtlAllocateHeap(PROCESS_HEAP(), 0, CHUNK);
    DWORD got, put, action = PROGRESS_CONTINUE;

    *ok = buf != NULL;
    if (!buf) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    while (*ok)
    {
        if (cancel && *cancel) { action = PROGRESS_CANCEL; break; }
        if (!(*ok = ReadFile(state->src, buf, CHUNK, &got, NULL)) || !got) break;
        state->chunk_size = got;
        if ((action = report(fn, ctx, COPY_CHUNK_START, state))) break;
        if (!(*ok = WriteFile(state->dst, buf, got, &put, NULL))) break;
        state->done += got;
        if ((action = report(fn, ctx, COPY_CHUNK_DONE, state))) break;
        state->chunk++;
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, buf);
    return action;
}

static BOOL copy_file(const WCHAR *src, const WCHAR *dst, DWORD flags, BOOL *cancel, copy_report_fn fn, void *ctx)
{
    FILE_NETWORK_OPEN_INFORMATION open_info;
    FILE_BASIC_INFORMATION info;
    struct copy_state state = { 0 };
    IO_STATUS_BLOCK io;
    DWORD action = PROGRESS_CONTINUE;
    BOOL ok;

    if (!src || !dst) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    state.src = CreateFileW(src, GENERIC_READ | ((flags & COPY_FILE_OPEN_SOURCE_FOR_WRITE) ? GENERIC_WRITE : 0),
                            FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    if (state.src == INVALID_HANDLE_VALUE) return FALSE;
    if (!set_ntstatus(NtQueryInformationFile(state.src, &io, &open_info, sizeof(open_info),
                                             FileNetworkOpenInformation)))
    {
        CloseHandle(state.src);
        return FALSE;
    }
    state.size = open_info.EndOfFile.QuadPart;
    state.dst = CreateFileW(dst, GENERIC_WRITE | DELETE, 0, NULL,
                            (flags & COPY_FILE_FAIL_IF_EXISTS) ? CREATE_NEW : CREATE_ALWAYS,
                            open_info.FileAttributes & ~(FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_DIRECTORY), NULL);
    if (state.dst == INVALID_HANDLE_VALUE) { CloseHandle(state.src); return FALSE; }

    if (cancel && *cancel) action = PROGRESS_CANCEL;
    else action = report(&fn, ctx, COPY_STREAM_START, &state);
    ok = TRUE;
    if (!action) action = copy_data(&state, cancel, &fn, ctx, &ok);
    if (ok && !action) action = report(&fn, ctx, COPY_STREAM_DONE, &state);
    if (ok && !action)
    {
        /* the copy has the source's times and attributes */
        info.CreationTime = open_info.CreationTime;
        info.LastAccessTime = open_info.LastAccessTime;
        info.LastWriteTime = open_info.LastWriteTime;
        info.ChangeTime.QuadPart = 0;
        info.FileAttributes = open_info.FileAttributes;
        NtSetInformationFile(state.dst, &io, &info, sizeof(info), FileBasicInformation);
    }
    else
    {
        if (action) SetLastError(action == COPY_PAUSE ? ERROR_REQUEST_PAUSED : ERROR_REQUEST_ABORTED);
        /* stopped (or paused) copies stay to be resumed; others go */
        if (action != PROGRESS_STOP && action != COPY_PAUSE) delete_on_close(state.dst);
        ok = FALSE;
    }
    CloseHandle(state.src);
    CloseHandle(state.dst);
    return ok;
}

/* --- CopyFileEx --------------------------------------------------------------------------- */

struct ex_report
{
    LPPROGRESS_ROUTINE routine;
    void *param;
};

/* CALLBACK_STREAM_SWITCH before the data, CALLBACK_CHUNK_FINISHED after each chunk */
static DWORD ex_report(enum copy_event event, const struct copy_state *state, void *ctx)
{
    struct ex_report *r = ctx;
    LARGE_INTEGER total, done;

    if (event == COPY_CHUNK_START || event == COPY_STREAM_DONE) return PROGRESS_CONTINUE;
    total.QuadPart = state->size;
    done.QuadPart = state->done;
    return r->routine(total, done, total, done, 1,
                      event == COPY_STREAM_START ? CALLBACK_STREAM_SWITCH : CALLBACK_CHUNK_FINISHED,
                      state->src, state->dst, r->param);
}

BOOL WINAPI CopyFileExW(LPCWSTR src, LPCWSTR dst, LPPROGRESS_ROUTINE progress, LPVOID param, LPBOOL cancel, DWORD flags)
{
    struct ex_report r = { progress, param };
    return copy_file(src, dst, flags, cancel, progress ? ex_report : NULL, &r);
}

BOOL WINAPI CopyFileW(LPCWSTR src, LPCWSTR dst, BOOL fail_if_exists)
{
    return CopyFileExW(src, dst, NULL, NULL, NULL, fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

/* --- CopyFile2 ------------------------------------------------------------------------------ */

/* Windows 10 2004's flags (mingw-w64 has them only for that NTDDI_VERSION) */
#ifndef COPY_FILE_DIRECTORY
#define COPY_FILE_OPEN_AND_COPY_REPARSE_POINT 0x00200000
#define COPY_FILE_DIRECTORY                   0x00000080
#define COPY_FILE_SKIP_ALTERNATE_STREAMS      0x00008000
#define COPY_FILE_DISABLE_PRE_ALLOCATION      0x04000000
#define COPY_FILE_ENABLE_LOW_FREE_SPACE_MODE  0x08000000
#endif

/* the COPY_FILE_* flags CopyFile2 documents; any other is E_INVALIDARG */
#define COPYFILE2_FLAGS (COPY_FILE_FAIL_IF_EXISTS | COPY_FILE_RESTARTABLE | COPY_FILE_OPEN_SOURCE_FOR_WRITE | \
                         COPY_FILE_ALLOW_DECRYPTED_DESTINATION | COPY_FILE_COPY_SYMLINK | COPY_FILE_NO_BUFFERING | \
                         COPY_FILE_REQUEST_SECURITY_PRIVILEGES | COPY_FILE_RESUME_FROM_PAUSE | \
                         COPY_FILE_NO_OFFLOAD | COPY_FILE_IGNORE_EDP_BLOCK | COPY_FILE_IGNORE_SOURCE_ENCRYPTION | \
                         COPY_FILE_DONT_REQUEST_DEST_WRITE_DAC | COPY_FILE_REQUEST_COMPRESSED_TRAFFIC | \
                         COPY_FILE_OPEN_AND_COPY_REPARSE_POINT | COPY_FILE_DIRECTORY | \
                         COPY_FILE_SKIP_ALTERNATE_STREAMS | COPY_FILE_DISABLE_PRE_ALLOCATION | \
                         COPY_FILE_ENABLE_LOW_FREE_SPACE_MODE)

struct copy2_report
{
    PCOPYFILE2_PROGRESS_ROUTINE routine;
    void *ctx;
};

/* the engine's reports as COPYFILE2_MESSAGEs for stream 1 */
static DWORD copy2_report(enum copy_event event, const struct copy_state *state, void *ctx)
{
    struct copy2_report *r = ctx;
    COPYFILE2_MESSAGE msg;

    memset(&msg, 0, sizeof(msg));
    switch (event)
    {
    case COPY_STREAM_START:
        msg.Type = COPYFILE2_CALLBACK_STREAM_STARTED;
        msg.Info.StreamStarted.dwStreamNumber = 1;
        msg.Info.StreamStarted.hSourceFile = state->src;
        msg.Info.StreamStarted.hDestinationFile = state->dst;
        msg.Info.StreamStarted.uliStreamSize.QuadPart = state->size;
        msg.Info.StreamStarted.uliTotalFileSize.QuadPart = state->size;
        break;
    case COPY_CHUNK_START:
        msg.Type = COPYFILE2_CALLBACK_CHUNK_STARTED;
        msg.Info.ChunkStarted.dwStreamNumber = 1;
        msg.Info.ChunkStarted.hSourceFile = state->src;
        msg.Info.ChunkStarted.hDestinationFile = state->dst;
        msg.Info.ChunkStarted.uliChunkNumber.QuadPart = state->chunk;
        msg.Info.ChunkStarted.uliChunkSize.QuadPart = state->chunk_size;
        msg.Info.ChunkStarted.uliStreamSize.QuadPart = state->size;
        msg.Info.ChunkStarted.uliTotalFileSize.QuadPart = state->size;
        break;
    case COPY_CHUNK_DONE:
        msg.Type = COPYFILE2_CALLBACK_CHUNK_FINISHED;
        msg.Info.ChunkFinished.dwStreamNumber = 1;
        msg.Info.ChunkFinished.hSourceFile = state->src;
        msg.Info.ChunkFinished.hDestinationFile = state->dst;
        msg.Info.ChunkFinished.uliChunkNumber.QuadPart = state->chunk;
        msg.Info.ChunkFinished.uliChunkSize.QuadPart = state->chunk_size;
        msg.Info.ChunkFinished.uliStreamSize.QuadPart = state->size;
        msg.Info.ChunkFinished.uliStreamBytesTransferred.QuadPart = state->done;
        msg.Info.ChunkFinished.uliTotalFileSize.QuadPart = state->size;
        msg.Info.ChunkFinished.uliTotalBytesTransferred.QuadPart = state->done;
        break;
    case COPY_STREAM_DONE:
        msg.Type = COPYFILE2_CALLBACK_STREAM_FINISHED;
        msg.Info.StreamFinished.dwStreamNumber = 1;
        msg.Info.StreamFinished.hSourceFile = state->src;
        msg.Info.StreamFinished.hDestinationFile = state->dst;
        msg.Info.StreamFinished.uliStreamSize.QuadPart = state->size;
        msg.Info.StreamFinished.uliStreamBytesTransferred.QuadPart = state->done;
        msg.Info.StreamFinished.uliTotalFileSize.QuadPart = state->size;
        msg.Info.StreamFinished.uliTotalBytesTransferred.QuadPart = state->done;
        break;
    }
    /* COPYFILE2_PROGRESS_CONTINUE, _CANCEL, _STOP, _QUIET are PROGRESS_*'s values; _PAUSE is COPY_PAUSE */
    return r->routine(&msg, r->ctx);
}

/* a folder (COPY_FILE_DIRECTORY): the folder itself, not what is in it */
static BOOL copy_directory(const WCHAR *src, const WCHAR *dst, DWORD flags)
{
    if (CreateDirectoryExW(src, dst, NULL)) return TRUE;
    return GetLastError() == ERROR_ALREADY_EXISTS && !(flags & COPY_FILE_FAIL_IF_EXISTS);
}

/* S_OK, or the failure as HRESULT_FROM_WIN32 (ERROR_FILE_EXISTS: 0x80070050) */
HRESULT WINAPI CopyFile2(PCWSTR src, PCWSTR dst, COPYFILE2_EXTENDED_PARAMETERS *params)
{
    struct copy2_report r = { NULL, NULL };
    DWORD flags = 0, attr;
    BOOL *cancel = NULL, ok;

    if (params)
    {
        if (params->dwSize != sizeof(*params) || (params->dwCopyFlags & ~COPYFILE2_FLAGS)) return E_INVALIDARG;
        flags = params->dwCopyFlags;
        cancel = params->pfCancel;
        r.routine = params->pProgressRoutine;
        r.ctx = params->pvCallbackContext;
    }
    if (!src || !dst) return E_INVALIDARG;
    attr = GetFileAttributesW(src);
    if (attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY) && (flags & COPY_FILE_DIRECTORY))
        ok = copy_directory(src, dst, flags);
    else
        ok = copy_file(src, dst, flags, cancel, r.routine ? copy2_report : NULL, &r);
    return ok ? S_OK : HRESULT_FROM_WIN32(GetLastError());
}

/* --- A functions ----------------------------------------------------------------------------- */

static void free_w(WCHAR *w)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
}

BOOL WINAPI CopyFileExA(LPCSTR src, LPCSTR dst, LPPROGRESS_ROUTINE progress, LPVOID param, LPBOOL cancel, DWORD flags)
{
    WCHAR *w1 = src ? k32_strdup_AtoW(src) : NULL, *w2 = dst ? k32_strdup_AtoW(dst) : NULL;
    BOOL ret = FALSE;

    if ((src && !w1) || (dst && !w2)) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else ret = CopyFileExW(w1, w2, progress, param, cancel, flags);
    free_w(w1);
    free_w(w2);
    return ret;
}

BOOL WINAPI CopyFileA(LPCSTR src, LPCSTR dst, BOOL fail_if_exists)
{
    return CopyFileExA(src, dst, NULL, NULL, NULL, fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}
