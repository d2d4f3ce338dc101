/*
 * dlls/advapi32/regprivate.h — declarations shared by the registry sources
 * of advapi32: registry.c (keys, predefined handles, values), regquery.c
 * (enumeration, key facts, RegGetValue, trees, notifications) and
 * regansi.c (the A functions, converting and calling the W ones).
 */
#ifndef WLX_ADVAPI32_REGPRIVATE_H
#define WLX_ADVAPI32_REGPRIVATE_H

#define _ADVAPI32_
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

/* ntdll's registry calls, as ntdll.spec exports them (winternl.h has the rest) */
NTSTATUS NTAPI NtCreateKey(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG, UNICODE_STRING *, ULONG, ULONG *);
NTSTATUS NTAPI NtOpenKeyEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTSTATUS NTAPI NtDeleteKey(HANDLE);
NTSTATUS NTAPI NtDeleteValueKey(HANDLE, UNICODE_STRING *);
NTSTATUS NTAPI NtSetValueKey(HANDLE, UNICODE_STRING *, ULONG, ULONG, const void *, ULONG);
NTSTATUS NTAPI NtQueryValueKey(HANDLE, UNICODE_STRING *, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtEnumerateKey(HANDLE, ULONG, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtEnumerateValueKey(HANDLE, ULONG, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtQueryKey(HANDLE, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtFlushKey(HANDLE);
NTSTATUS NTAPI NtNotifyChangeKey(HANDLE, HANDLE, void *, void *, IO_STATUS_BLOCK *, ULONG, BOOLEAN, void *, ULONG, BOOLEAN);
NTSTATUS NTAPI RtlMultiByteToUnicodeN(WCHAR *, ULONG, ULONG *, const char *, ULONG);
NTSTATUS NTAPI RtlUnicodeToMultiByteN(char *, ULONG, ULONG *, const WCHAR *, ULONG);
NTSTATUS NTAPI RtlMultiByteToUnicodeSize(ULONG *, const char *, ULONG);

/* the layouts of the Nt*Key information classes this DLL asks for */
typedef struct { ULONG TitleIndex, Type, DataLength; BYTE Data[1]; } REG_PARTIAL_INFO;
typedef struct { ULONG TitleIndex, Type, DataOffset, DataLength, NameLength; WCHAR Name[1]; } REG_FULL_VALUE_INFO;
typedef struct {
    LARGE_INTEGER LastWriteTime; ULONG TitleIndex, ClassOffset, ClassLength, NameLength; WCHAR Name[1];
} REG_NODE_INFO;
typedef struct {
    LARGE_INTEGER LastWriteTime; ULONG TitleIndex, ClassOffset, ClassLength, SubKeys, MaxNameLen,
    MaxClassLen, Values, MaxValueNameLen, MaxValueDataLen; WCHAR Class[1];
} REG_FULL_KEY_INFO;
enum { REG_VALUE_FULL = 1, REG_VALUE_PARTIAL = 2, REG_KEY_NODE = 1, REG_KEY_FULL = 2 };

/* registry.c */
LSTATUS reg_status(NTSTATUS status);                       /* NTSTATUS -> Win32 error */
LSTATUS reg_get_handle(HKEY hkey, HANDLE *handle);         /* predefined keys opened on demand */
void *reg_alloc(SIZE_T size);
void reg_free(void *ptr);
/* a value's partial information, in a buffer from reg_alloc (free it) */
LSTATUS reg_query_partial(HANDLE key, const WCHAR *name, REG_PARTIAL_INFO **info);
BOOL reg_is_string(DWORD type);

/* regansi.c */
WCHAR *reg_a_to_w(const char *s);                          /* NULL stays NULL; free with reg_free */
LSTATUS reg_w_to_a(const WCHAR *w, DWORD wlen, char *out, DWORD *out_len);   /* chars, no NUL */

#endif
