/*
 * kernel32/job.c — job objects: CreateJobObject, OpenJobObject,
 * AssignProcessToJobObject, Set/QueryInformationJobObject,
 * TerminateJobObject, IsProcessInJob, on ntdll's Nt*JobObject calls (the
 * server keeps membership: ntdll/unix/job.c, server/job.c).
 */
#include "private.h"

NTSTATUS NTAPI NtCreateJobObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtOpenJobObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtAssignProcessToJobObject(HANDLE, HANDLE);
NTSTATUS NTAPI NtTerminateJobObject(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtIsProcessInJob(HANDLE, HANDLE);
NTSTATUS NTAPI NtSetInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, void *, ULONG);
NTSTATUS NTAPI NtQueryInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, void *, ULONG, ULONG *);

HANDLE WINAPI CreateJobObjectW(SECURITY_ATTRIBUTES *sa, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    n.attr.Attributes |= OBJ_OPENIF;
    NTSTATUS status = NtCreateJobObject(&h, JOB_OBJECT_ALL_ACCESS, &n.attr);
    if (status == STATUS_OBJECT_NAME_EXISTS) SetLastError(ERROR_ALREADY_EXISTS);
    else if (status) { set_ntstatus(status); return NULL; }
    else SetLastError(0);
    return h;
}

HANDLE WINAPI CreateJobObjectA(SECURITY_ATTRIBUTES *sa, const char *name)
{
    WCHAR *w = name ? k32_strdup_AtoW(name) : NULL;
    if (name && !w) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    HANDLE h = CreateJobObjectW(sa, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

HANDLE WINAPI OpenJobObjectW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    return set_ntstatus(NtOpenJobObject(&h, access, &n.attr)) ? h : NULL;
}

HANDLE WINAPI OpenJobObjectA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *w = name ? k32_strdup_AtoW(name) : NULL;
    if (name && !w) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    HANDLE h = OpenJobObjectW(access, inherit, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

BOOL WINAPI AssignProcessToJobObject(HANDLE job, HANDLE process)
{
    return set_ntstatus(NtAssignProcessToJobObject(job, process));
}

BOOL WINAPI TerminateJobObject(HANDLE job, UINT code)
{
    return set_ntstatus(NtTerminateJobObject(job, code));
}

BOOL WINAPI IsProcessInJob(HANDLE process, HANDLE job, BOOL *result)
{
    NTSTATUS status = NtIsProcessInJob(process, job);
    if (status == STATUS_PROCESS_IN_JOB) { *result = TRUE; return TRUE; }
    if (status == STATUS_PROCESS_NOT_IN_JOB) { *result = FALSE; return TRUE; }
    return set_ntstatus(status);
}

BOOL WINAPI SetInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, void *info, DWORD len)
{
    return set_ntstatus(NtSetInformationJobObject(job, cls, info, len));
}

BOOL WINAPI QueryInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, void *info, DWORD len, DWORD *ret_len)
{
    ULONG got = 0;
    NTSTATUS status = NtQueryInformationJobObject(job, cls, info, len, &got);
    if (ret_len) *ret_len = got;
    return set_ntstatus(status);
}
