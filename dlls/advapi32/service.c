/*
 * dlls/advapi32/service.c — the service control manager, as console
 * programs meet it. wlx runs no services: opening the manager for queries
 * works and finds no service (ERROR_SERVICE_DOES_NOT_EXIST, and an
 * enumeration lists none); asking it to create or change services is
 * refused (ERROR_ACCESS_DENIED), as for a user without those rights on
 * Windows. As no service can be opened, every call that takes a service
 * handle fails with ERROR_INVALID_HANDLE (tests/advapi32/service.c). The
 * service process's side (StartServiceCtrlDispatcher...) is svcproc.c.
 *
 * Sections: the manager · services by name · enumeration · service handles.
 */
#include "secpriv.h"

#define SCM_MAGIC 0x53434d31   /* 'SCM1' */

struct scm {
    DWORD magic;
    DWORD access;   /* granted, generic rights mapped */
};

/* what an unprivileged user gets: connect, enumerate, query lock status */
#define SCM_READ_RIGHTS (SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS | \
                         STANDARD_RIGHTS_READ)

/* --- the manager ------------------------------------------------------------ */

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
    /* SC_MANAGER_CONNECT comes with every handle */
    scm->access = SC_MANAGER_CONNECT | (access & SCM_READ_RIGHTS);
    if (access & GENERIC_READ) scm->access |= SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS |
                                              STANDARD_RIGHTS_READ;
    if (access & GENERIC_EXECUTE) scm->access |= SC_MANAGER_LOCK | STANDARD_RIGHTS_EXECUTE;
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

/* --- services by name (none exists), closing handles ------------------------ */

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

BOOL WINAPI GetServiceDisplayNameW(SC_HANDLE manager, LPCWSTR name, LPWSTR display, LPDWORD len)
{
    if (!is_scm(manager)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!name || !len) { SetLastError(ERROR_INVALID_ADDRESS); return FALSE; }
    SetLastError(ERROR_SERVICE_DOES_NOT_EXIST);
    return FALSE;
}

BOOL WINAPI GetServiceDisplayNameA(SC_HANDLE manager, LPCSTR name, LPSTR display, LPDWORD len)
{
    return GetServiceDisplayNameW(manager, name ? L"" : NULL, NULL, len);
}

BOOL WINAPI GetServiceKeyNameW(SC_HANDLE manager, LPCWSTR display, LPWSTR name, LPDWORD len)
{
    return GetServiceDisplayNameW(manager, display, NULL, len);
}

BOOL WINAPI GetServiceKeyNameA(SC_HANDLE manager, LPCSTR display, LPSTR name, LPDWORD len)
{
    return GetServiceDisplayNameW(manager, display ? L"" : NULL, NULL, len);
}

/* --- enumeration: no service to list ---------------------------------------- */

static BOOL enum_services(SC_HANDLE manager, DWORD type, DWORD state, LPDWORD needed, LPDWORD returned,
                          LPDWORD resume)
{
    struct scm *scm = (struct scm *)manager;
    DWORD err = 0;

    if (!is_scm(manager)) err = ERROR_INVALID_HANDLE;
    else if (!(scm->access & SC_MANAGER_ENUMERATE_SERVICE)) err = ERROR_ACCESS_DENIED;
    else if (!needed || !returned) err = ERROR_INVALID_ADDRESS;
    else if (!(type & (SERVICE_DRIVER | SERVICE_WIN32)) || (state != SERVICE_ACTIVE &&
             state != SERVICE_INACTIVE && state != SERVICE_STATE_ALL)) err = ERROR_INVALID_PARAMETER;
    if (err) { SetLastError(err); return FALSE; }
    *needed = 0;
    *returned = 0;
    if (resume) *resume = 0;
    return TRUE;
}

BOOL WINAPI EnumServicesStatusExW(SC_HANDLE manager, SC_ENUM_TYPE level, DWORD type, DWORD state, LPBYTE buf,
                                  DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume, LPCWSTR group)
{
    if (level != SC_ENUM_PROCESS_INFO) { SetLastError(ERROR_INVALID_LEVEL); return FALSE; }
    return enum_services(manager, type, state, needed, returned, resume);
}

BOOL WINAPI EnumServicesStatusExA(SC_HANDLE manager, SC_ENUM_TYPE level, DWORD type, DWORD state, LPBYTE buf,
                                  DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume, LPCSTR group)
{
    if (level != SC_ENUM_PROCESS_INFO) { SetLastError(ERROR_INVALID_LEVEL); return FALSE; }
    return enum_services(manager, type, state, needed, returned, resume);
}

BOOL WINAPI EnumServicesStatusW(SC_HANDLE manager, DWORD type, DWORD state, LPENUM_SERVICE_STATUSW buf, DWORD size,
                                LPDWORD needed, LPDWORD returned, LPDWORD resume)
{
    return enum_services(manager, type, state, needed, returned, resume);
}

BOOL WINAPI EnumServicesStatusA(SC_HANDLE manager, DWORD type, DWORD state, LPENUM_SERVICE_STATUSA buf, DWORD size,
                                LPDWORD needed, LPDWORD returned, LPDWORD resume)
{
    return enum_services(manager, type, state, needed, returned, resume);
}

/* --- service handles: OpenService never gives one ------------------------------- */

static BOOL no_service_handle(void)
{
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

BOOL WINAPI QueryServiceStatus(SC_HANDLE service, LPSERVICE_STATUS status)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceStatusEx(SC_HANDLE service, SC_STATUS_TYPE level, LPBYTE buf, DWORD size, LPDWORD needed)
{
    return no_service_handle();
}

BOOL WINAPI ControlService(SC_HANDLE service, DWORD control, LPSERVICE_STATUS status)
{
    return no_service_handle();
}

BOOL WINAPI ControlServiceExW(SC_HANDLE service, DWORD control, DWORD level, PVOID params)
{
    return no_service_handle();
}

BOOL WINAPI ControlServiceExA(SC_HANDLE service, DWORD control, DWORD level, PVOID params)
{
    return no_service_handle();
}

BOOL WINAPI StartServiceW(SC_HANDLE service, DWORD argc, LPCWSTR *argv)
{
    return no_service_handle();
}

BOOL WINAPI StartServiceA(SC_HANDLE service, DWORD argc, LPCSTR *argv)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceConfigW(SC_HANDLE service, LPQUERY_SERVICE_CONFIGW config, DWORD size, LPDWORD needed)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceConfigA(SC_HANDLE service, LPQUERY_SERVICE_CONFIGA config, DWORD size, LPDWORD needed)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceConfig2W(SC_HANDLE service, DWORD level, LPBYTE buf, DWORD size, LPDWORD needed)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceConfig2A(SC_HANDLE service, DWORD level, LPBYTE buf, DWORD size, LPDWORD needed)
{
    return no_service_handle();
}

BOOL WINAPI ChangeServiceConfigW(SC_HANDLE service, DWORD type, DWORD start, DWORD error, LPCWSTR path,
                                 LPCWSTR group, LPDWORD tag, LPCWSTR deps, LPCWSTR user, LPCWSTR password,
                                 LPCWSTR display)
{
    return no_service_handle();
}

BOOL WINAPI ChangeServiceConfigA(SC_HANDLE service, DWORD type, DWORD start, DWORD error, LPCSTR path,
                                 LPCSTR group, LPDWORD tag, LPCSTR deps, LPCSTR user, LPCSTR password,
                                 LPCSTR display)
{
    return no_service_handle();
}

BOOL WINAPI ChangeServiceConfig2W(SC_HANDLE service, DWORD level, LPVOID info)
{
    return no_service_handle();
}

BOOL WINAPI ChangeServiceConfig2A(SC_HANDLE service, DWORD level, LPVOID info)
{
    return no_service_handle();
}

BOOL WINAPI DeleteService(SC_HANDLE service)
{
    return no_service_handle();
}

BOOL WINAPI QueryServiceObjectSecurity(SC_HANDLE service, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd,
                                       DWORD size, LPDWORD needed)
{
    return no_service_handle();
}
