/*
 * dlls/advapi32/service.c — the service control manager, as console
 * programs meet it. wlx runs no services: opening the manager for queries
 * works and finds no service (ERROR_SERVICE_DOES_NOT_EXIST); asking it to
 * create or change services is refused (ERROR_ACCESS_DENIED), as for a
 * user without those rights on Windows.
 */
#include "secpriv.h"

#define SCM_MAGIC 0x53434d31   /* 'SCM1' */

struct scm { DWORD magic; };

/* what an unprivileged user gets: connect, enumerate, query lock status */
#define SCM_READ_RIGHTS (SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS | \
                         STANDARD_RIGHTS_READ)

SC_HANDLE WINAPI OpenSCManagerW(LPCWSTR machine, LPCWSTR database, DWORD access)
{
    struct scm *scm;

    (void)machine;
    if (database && lstrcmpiW(database, SERVICES_ACTIVE_DATABASEW))
    {
        SetLastError(ERROR_INVALID_NAME);
        return NULL;
    }
    if (access & ~(SCM_READ_RIGHTS | GENERIC_READ | GENERIC_EXECUTE))
    {
        SetLastError(ERROR_ACCESS_DENIED);
        return NULL;
    }
    if (!(scm = sec_alloc(sizeof(*scm)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    scm->magic = SCM_MAGIC;
    return (SC_HANDLE)scm;
}

SC_HANDLE WINAPI OpenSCManagerA(LPCSTR machine, LPCSTR database, DWORD access)
{
    WCHAR *databaseW = sec_strdup_aw(database);
    SC_HANDLE ret = (databaseW || !database) ? OpenSCManagerW(NULL, databaseW, access) : NULL;
    (void)machine;
    sec_free(databaseW);
    return ret;
}

static BOOL is_scm(SC_HANDLE handle)
{
    return sec_is_object(handle, SCM_MAGIC);
}

SC_HANDLE WINAPI OpenServiceW(SC_HANDLE manager, LPCWSTR name, DWORD access)
{
    (void)access;
    if (!is_scm(manager)) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
    if (!name) { SetLastError(ERROR_INVALID_ADDRESS); return NULL; }
    SetLastError(ERROR_SERVICE_DOES_NOT_EXIST);
    return NULL;
}

SC_HANDLE WINAPI OpenServiceA(SC_HANDLE manager, LPCSTR name, DWORD access)
{
    return OpenServiceW(manager, name ? L"" : NULL, access);
}

SC_HANDLE WINAPI CreateServiceW(SC_HANDLE manager, LPCWSTR name, LPCWSTR display, DWORD access, DWORD type,
                                DWORD start, DWORD error, LPCWSTR path, LPCWSTR group, LPDWORD tag, LPCWSTR deps,
                                LPCWSTR user, LPCWSTR password)
{
    (void)name; (void)display; (void)access; (void)type; (void)start; (void)error; (void)path; (void)group;
    (void)tag; (void)deps; (void)user; (void)password;
    SetLastError(is_scm(manager) ? ERROR_ACCESS_DENIED : ERROR_INVALID_HANDLE);
    return NULL;
}

BOOL WINAPI CloseServiceHandle(SC_HANDLE handle)
{
    struct scm *scm = (struct scm *)handle;
    if (!is_scm(handle)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    scm->magic = 0;
    sec_free(scm);
    return TRUE;
}
