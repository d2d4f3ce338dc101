/*
 * rstrtmgr: Restart Manager sessions, which installers and some libraries
 * (DuckDB, to say who holds its database file) use to ask which processes
 * use given files, services or applications.
 *
 * Sessions are this process's: a handle, and a key (32 hex digits, random)
 * that RmJoinSession takes. RmRegisterResources keeps what is registered;
 * RmGetList reports the registered applications that still run (by pid and
 * start time, as Windows matches them). Files are not traced to the
 * processes that hold them (under wlx those are Linux descriptors, which
 * this DLL cannot see), and services do not exist: both add nothing to the
 * list. RmShutdown and RmRestart then have nothing they may act on.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <restartmanager.h>

BOOL WINAPI ProcessPrng(BYTE *data, SIZE_T len);

#define MAX_SESSIONS 64     /* per user session on Windows */

#ifndef ERROR_FAIL_SHUTDOWN
#define ERROR_FAIL_SHUTDOWN             351
#endif
#ifndef ERROR_MAX_SESSIONS_REACHED
#define ERROR_MAX_SESSIONS_REACHED      353
#endif
#ifndef ERROR_REQUEST_OUT_OF_SEQUENCE
#define ERROR_REQUEST_OUT_OF_SEQUENCE   776
#endif

struct session
{
    BOOL used;
    WCHAR key[CCH_RM_SESSION_KEY + 1];
    UINT n_files, n_apps;
    RM_UNIQUE_PROCESS *apps;
};

static struct session sessions[MAX_SESSIONS];
static SRWLOCK lock = SRWLOCK_INIT;

/* the session of a handle (1-based), under the lock; NULL if none */
static struct session *session_of(DWORD handle)
{
    return handle >= 1 && handle <= MAX_SESSIONS && sessions[handle - 1].used ? &sessions[handle - 1] : NULL;
}

DWORD WINAPI RmStartSession(DWORD *handle, DWORD flags, WCHAR *key)
{
    static const WCHAR hex[] = L"0123456789abcdef";
    BYTE random[CCH_RM_SESSION_KEY / 2];
    DWORD i, ret = ERROR_MAX_SESSIONS_REACHED;

    (void)flags;
    if (!handle || !key) return ERROR_BAD_ARGUMENTS;
    ProcessPrng(random, sizeof(random));
    AcquireSRWLockExclusive(&lock);
    for (i = 0; i < MAX_SESSIONS; i++)
    {
        struct session *s = &sessions[i];
        if (s->used) continue;
        memset(s, 0, sizeof(*s));
        s->used = TRUE;
        for (DWORD k = 0; k < sizeof(random); k++)
        {
            s->key[2 * k] = hex[random[k] >> 4];
            s->key[2 * k + 1] = hex[random[k] & 15];
        }
        memcpy(key, s->key, sizeof(s->key));
        *handle = i + 1;
        ret = ERROR_SUCCESS;
        break;
    }
    ReleaseSRWLockExclusive(&lock);
    return ret;
}

DWORD WINAPI RmJoinSession(DWORD *handle, const WCHAR *key)
{
    DWORD ret = ERROR_SESSION_CREDENTIAL_CONFLICT;

    if (!handle || !key) return ERROR_BAD_ARGUMENTS;
    AcquireSRWLockShared(&lock);
    for (DWORD i = 0; i < MAX_SESSIONS; i++)
        if (sessions[i].used && !lstrcmpiW(sessions[i].key, key))
        {
            *handle = i + 1;
            ret = ERROR_SUCCESS;
            break;
        }
    ReleaseSRWLockShared(&lock);
    return ret;
}

DWORD WINAPI RmEndSession(DWORD handle)
{
    struct session *s;
    DWORD ret = ERROR_INVALID_HANDLE;

    AcquireSRWLockExclusive(&lock);
    if ((s = session_of(handle)))
    {
        HeapFree(GetProcessHeap(), 0, s->apps);
        memset(s, 0, sizeof(*s));
        ret = ERROR_SUCCESS;
    }
    ReleaseSRWLockExclusive(&lock);
    return ret;
}

DWORD WINAPI RmRegisterResources(DWORD handle, UINT n_files, const WCHAR **files, UINT n_apps,
                                 RM_UNIQUE_PROCESS *apps, UINT n_services, const WCHAR **services)
{
    struct session *s;
    DWORD ret = ERROR_INVALID_HANDLE;

    if ((n_files && !files) || (n_apps && !apps) || (n_services && !services)) return ERROR_BAD_ARGUMENTS;
    for (UINT i = 0; i < n_files; i++) if (!files[i]) return ERROR_BAD_ARGUMENTS;
    AcquireSRWLockExclusive(&lock);
    if ((s = session_of(handle)))
    {
        RM_UNIQUE_PROCESS *more = n_apps ? HeapAlloc(GetProcessHeap(), 0, (s->n_apps + n_apps) * sizeof(*more)) : NULL;
        ret = ERROR_SUCCESS;
        if (n_apps && !more) ret = ERROR_OUTOFMEMORY;
        else if (n_apps)
        {
            if (s->n_apps) memcpy(more, s->apps, s->n_apps * sizeof(*more));
            memcpy(more + s->n_apps, apps, n_apps * sizeof(*more));
            HeapFree(GetProcessHeap(), 0, s->apps);
            s->apps = more;
            s->n_apps += n_apps;
        }
        if (!ret) s->n_files += n_files;
    }
    ReleaseSRWLockExclusive(&lock);
    return ret;
}

/* app, if it still runs (the same pid and start time), into *info */
static BOOL app_running(const RM_UNIQUE_PROCESS *app, RM_PROCESS_INFO *info)
{
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, app->dwProcessId);
    FILETIME created, exited, kernel, user;
    WCHAR path[MAX_PATH];
    DWORD len = MAX_PATH, code;
    BOOL ret = FALSE;

    if (!process) return FALSE;
    if (GetProcessTimes(process, &created, &exited, &kernel, &user) && GetExitCodeProcess(process, &code)
        && code == STILL_ACTIVE && !CompareFileTime(&created, &app->ProcessStartTime))
    {
        const WCHAR *name = path;
        memset(info, 0, sizeof(*info));
        info->Process = *app;
        if (QueryFullProcessImageNameW(process, 0, path, &len))
            for (const WCHAR *p = path; *p; p++) if (*p == '\\') name = p + 1;
        lstrcpynW(info->strAppName, len ? name : L"", CCH_RM_MAX_APP_NAME + 1);
        info->ApplicationType = RmConsole;
        info->AppStatus = RmStatusRunning;
        info->TSSessionId = 1;
        ProcessIdToSessionId(app->dwProcessId, &info->TSSessionId);
        info->bRestartable = FALSE;
        ret = TRUE;
    }
    CloseHandle(process);
    return ret;
}

DWORD WINAPI RmGetList(DWORD handle, UINT *needed, UINT *count, RM_PROCESS_INFO *affected, DWORD *reasons)
{
    struct session *s;
    DWORD ret = ERROR_INVALID_HANDLE;
    UINT n = 0;

    if (!needed || !count || !reasons || (*count && !affected)) return ERROR_BAD_ARGUMENTS;
    AcquireSRWLockShared(&lock);
    if ((s = session_of(handle)))
    {
        RM_PROCESS_INFO info;
        for (UINT i = 0; i < s->n_apps; i++)
            if (app_running(&s->apps[i], &info))
            {
                if (n < *count) affected[n] = info;
                n++;
            }
        ret = ERROR_SUCCESS;
    }
    ReleaseSRWLockShared(&lock);
    if (ret) return ret;
    *needed = n;
    *reasons = RmRebootReasonNone;
    if (n > *count) return ERROR_MORE_DATA;
    *count = n;
    return ERROR_SUCCESS;
}

/* ERROR_INVALID_HANDLE, or success with the number of applications registered */
static DWORD registered_apps(DWORD handle, UINT *n_apps)
{
    struct session *s;

    AcquireSRWLockShared(&lock);
    if ((s = session_of(handle))) *n_apps = s->n_apps;
    ReleaseSRWLockShared(&lock);
    return s ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

/* wlx never shuts down or restarts what is listed: with applications
   registered, RmShutdown fails as when one would not stop; RmRestart then
   has nothing it shut down */
DWORD WINAPI RmShutdown(DWORD handle, ULONG flags, RM_WRITE_STATUS_CALLBACK progress)
{
    UINT n_apps = 0;
    DWORD ret = registered_apps(handle, &n_apps);

    (void)flags;
    if (!ret && n_apps) ret = ERROR_FAIL_SHUTDOWN;
    if (!ret && progress) progress(100);
    return ret;
}

DWORD WINAPI RmRestart(DWORD handle, DWORD flags, RM_WRITE_STATUS_CALLBACK progress)
{
    UINT n_apps = 0;
    DWORD ret = registered_apps(handle, &n_apps);

    (void)flags; (void)progress;
    return ret ? ret : ERROR_REQUEST_OUT_OF_SEQUENCE;
}
