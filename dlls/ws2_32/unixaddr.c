/*
 * AF_UNIX addresses: a Windows program names its socket file with a Windows
 * path in sun_path (UTF-8); Linux needs the Unix path of that file. bind and
 * connect hand ws2_32.so the address with its path translated through
 * ntdll's __wlx_unix_path (the layouts are otherwise the same: a 16-bit
 * family, then 108 bytes of path). Abstract and unnamed addresses pass as
 * they are.
 *
 * A program sizes its Windows path for sun_path; the Unix path can be much
 * longer ("C:" stands for the prefix's drive_c): such a path crosses whole
 * (struct sock_unix_path), and the Unix side names it through its folder.
 *
 * Names Linux reports (getsockname, getpeername) go back to the Windows
 * path: Go, for one, deletes a listener's socket file by the name
 * getsockname gave. A Unix path becomes its DOS path (ntdll's
 * __wlx_dos_path); a name bound through a folder ("/proc/self/fd/N/name",
 * meaningless once the call is over) is looked up among the Windows paths
 * this process bound so, the newest first.
 */
#include "private.h"

NTSTATUS WINAPI __wlx_unix_path(const UNICODE_STRING *nt_name, char *buffer, ULONG size, ULONG *needed);
NTSTATUS WINAPI __wlx_dos_path(const char *unix_path, WCHAR *buffer, ULONG size, ULONG *needed);

#define SUN_PATH_MAX sizeof(((SOCKADDR_UN *)0)->sun_path)

/* long names bound through a folder: what Linux calls them, what the program did */
static struct bound_name { char unix_name[SUN_PATH_MAX + 1], win_name[SUN_PATH_MAX + 1]; } bound[32];
static unsigned int bound_next;
static SRWLOCK bound_lock = SRWLOCK_INIT;

/* addr as Linux wants it: *out (of *len bytes) or addr itself; a WSA error or 0 */
int ws2_unix_address(const struct sockaddr *addr, int *len, struct sock_unix_path *out)
{
    const SOCKADDR_UN *un = (const SOCKADDR_UN *)addr;
    WCHAR wpath[UNIX_PATH_MAX + 1];
    UNICODE_STRING nt;
    NTSTATUS status;
    ULONG needed;
    int n;

    if (!addr || *len <= (int)FIELD_OFFSET(SOCKADDR_UN, sun_path) || addr->sa_family != AF_UNIX || !un->sun_path[0])
        return 0;
    n = MultiByteToWideChar(CP_UTF8, 0, un->sun_path, strnlen(un->sun_path, min(UNIX_PATH_MAX, *len - 2)), wpath,
                            UNIX_PATH_MAX);
    wpath[n] = 0;
    if (!RtlDosPathNameToNtPathName_U(wpath, &nt, NULL, NULL)) return WSAEINVAL;
    out->family = AF_UNIX;
    status = __wlx_unix_path(&nt, out->path, sizeof(out->path), &needed);
    RtlFreeUnicodeString(&nt);
    if (status == STATUS_BUFFER_TOO_SMALL) return WSAENAMETOOLONG;
    if (status) return ws2_status_to_wsa(status);   /* a missing folder: ERROR_PATH_NOT_FOUND */
    /* a path of exactly 108 bytes fills sun_path without its NUL: a plain SOCKADDR_UN still */
    if (needed == SUN_PATH_MAX + 1) needed--;
    *len = FIELD_OFFSET(SOCKADDR_UN, sun_path) + needed;
    return 0;
}

/* after a bind of a long name (addr as the program gave it, un as it crossed:
   the Unix side left the name Linux keeps in un->path) */
void ws2_unix_bound(const struct sockaddr *addr, int len, const struct sock_unix_path *un)
{
    const SOCKADDR_UN *wun = (const SOCKADDR_UN *)addr;
    struct bound_name *b;
    unsigned int i;

    if (un->family != AF_UNIX || len <= (int)FIELD_OFFSET(SOCKADDR_UN, sun_path)) return;
    AcquireSRWLockExclusive(&bound_lock);
    for (i = 0, b = NULL; i < ARRAYSIZE(bound) && !b; i++)
        if (!strcmp(bound[i].unix_name, un->path)) b = &bound[i];
    if (!b) b = &bound[bound_next++ % ARRAYSIZE(bound)];
    lstrcpynA(b->unix_name, un->path, sizeof(b->unix_name));
    memset(b->win_name, 0, sizeof(b->win_name));
    memcpy(b->win_name, wun->sun_path, min(SUN_PATH_MAX, len - FIELD_OFFSET(SOCKADDR_UN, sun_path)));
    ReleaseSRWLockExclusive(&bound_lock);
}

/* an AF_UNIX name Linux reported, in *un (*len bytes), made the Windows path
   it stands for; left as it is when there is none */
void ws2_win_unix_name(SOCKADDR_UN *un, int *len)
{
    char name[SUN_PATH_MAX + 1], win[MAX_PATH * 3];
    WCHAR dos[MAX_PATH];
    unsigned int i;
    ULONG needed;
    int n = *len - FIELD_OFFSET(SOCKADDR_UN, sun_path);

    if (n <= 0 || un->sun_family != AF_UNIX || un->sun_path[0] != '/') return;
    memcpy(name, un->sun_path, min(n, SUN_PATH_MAX));
    name[min(n, SUN_PATH_MAX)] = 0;
    win[0] = 0;
    if (!strncmp(name, "/proc/self/fd/", 14))
    {
        AcquireSRWLockShared(&bound_lock);
        for (i = 0; i < ARRAYSIZE(bound); i++)
            if (!strcmp(bound[i].unix_name, name)) strcpy(win, bound[i].win_name);
        ReleaseSRWLockShared(&bound_lock);
    }
    else if (!__wlx_dos_path(name, dos, sizeof(dos), &needed)
             && !WideCharToMultiByte(CP_UTF8, 0, dos, -1, win, sizeof(win), NULL, NULL))
        win[0] = 0;
    n = strlen(win);
    if (!n || n > (int)SUN_PATH_MAX) return;
    memset(un->sun_path, 0, SUN_PATH_MAX);
    memcpy(un->sun_path, win, n);
    *len = FIELD_OFFSET(SOCKADDR_UN, sun_path) + min(n + 1, (int)SUN_PATH_MAX);
}
