/*
 * GetAddrInfoExW/GetAddrInfoExA and their frees, the overlapped form
 * (GetAddrInfoExOverlappedResult, GetAddrInfoExCancel), and GetHostNameW.
 *
 * A synchronous query is getaddrinfo's (ws2_resolve) laid out as
 * ADDRINFOEX nodes, each one block with its address and name. An
 * overlapped one (an OVERLAPPED given) runs on a thread of its own and
 * returns WSA_IO_PENDING: the result pointer is filled, the status put in
 * the OVERLAPPED's Internal, then the completion routine is called on that
 * thread, or without one the event set. A cancelled query cannot stop the
 * host's resolver; it completes with WSA_E_CANCELLED when that returns.
 * The timeout is not applied.
 */
#include "private.h"

/* what LPLOOKUPSERVICE_COMPLETION_ROUTINE is (mingw-w64 declares it PVOID) */
typedef void (CALLBACK *completion_routine)(DWORD error, DWORD bytes, OVERLAPPED *ov);

/* ADDRINFOEXA and ADDRINFOEXW share their layout; wide picks the name's form */
static ADDRINFOEXW *build_node(const struct gai_entry *e, const char *canon, BOOL wide)
{
    int name_size = 0;
    ADDRINFOEXW *ai;

    if (canon && *canon)
        name_size = wide ? MultiByteToWideChar(CP_UTF8, 0, canon, -1, NULL, 0) * sizeof(WCHAR) : strlen(canon) + 1;
    if (!(ai = ws2_alloc(sizeof(*ai) + sizeof(e->addr) + name_size))) return NULL;
    memset(ai, 0, sizeof(*ai));
    ai->ai_family = e->family;
    ai->ai_socktype = e->socktype;
    ai->ai_protocol = e->protocol;
    ai->ai_addrlen = e->addrlen;
    ai->ai_addr = (struct sockaddr *)(ai + 1);
    memcpy(ai->ai_addr, e->addr, e->addrlen);
    if (name_size)
    {
        WCHAR *name = (WCHAR *)((char *)(ai + 1) + sizeof(e->addr));
        if (wide) MultiByteToWideChar(CP_UTF8, 0, canon, -1, name, name_size / sizeof(WCHAR));
        else memcpy(name, canon, name_size);
        ai->ai_canonname = name;
    }
    return ai;
}

static void free_list(ADDRINFOEXW *ai)
{
    ADDRINFOEXW *next;

    for (; ai; ai = next)
    {
        next = (ADDRINFOEXW *)ai->ai_next;
        ws2_free(ai);
    }
}

void WINAPI FreeAddrInfoExW(ADDRINFOEXW *ai) { free_list(ai); }
void WINAPI FreeAddrInfoEx(ADDRINFOEXA *ai) { free_list((ADDRINFOEXW *)ai); }

/* one query, whichever form: its strings are the caller's for a synchronous call, copies otherwise */
struct query
{
    struct query *next;        /* in the list of pending overlapped queries */
    char *node, *service;      /* UTF-8 */
    ADDRINFOA hints;           /* flags, family, type, protocol */
    BOOL has_hints, wide;
    ADDRINFOEXW **result;      /* the caller's */
    OVERLAPPED *ov;
    completion_routine routine;   /* or NULL */
    LONG cancelled;
};

static int run_query(struct query *q, ADDRINFOEXW **out)
{
    ADDRINFOEXW *head = NULL, **tail = &head;
    struct ws2_gai_result *res;
    int err, i;

    *out = NULL;
    if (!(res = ws2_alloc(sizeof(*res)))) return WSA_NOT_ENOUGH_MEMORY;
    if (!(err = ws2_resolve(q->node, q->service, q->has_hints ? &q->hints : NULL, res)))
    {
        for (i = 0; i < res->count && !err; i++)
        {
            /* only the first node carries the canonical name */
            if (!(*tail = build_node(&res->entries[i], i ? NULL : res->canon, q->wide))) err = WSA_NOT_ENOUGH_MEMORY;
            else tail = (ADDRINFOEXW **)&(*tail)->ai_next;
        }
        if (err) free_list(head);
        else *out = head;
    }
    ws2_free(res);
    return err;
}

static struct query *pending;
static SRWLOCK pending_lock = SRWLOCK_INIT;

static void query_free(struct query *q)
{
    ws2_free(q->node);
    ws2_free(q->service);
    ws2_free(q);
}

static DWORD WINAPI query_thread(void *arg)
{
    struct query *q = arg, **p;
    ADDRINFOEXW *list;
    OVERLAPPED *ov = q->ov;
    completion_routine routine = q->routine;
    int err = run_query(q, &list);

    AcquireSRWLockExclusive(&pending_lock);
    for (p = &pending; *p; p = &(*p)->next)
        if (*p == q) { *p = q->next; break; }
    ReleaseSRWLockExclusive(&pending_lock);
    if (q->cancelled)
    {
        free_list(list);
        list = NULL;
        err = WSA_E_CANCELLED;
    }
    *q->result = list;
    query_free(q);
    ov->InternalHigh = 0;
    ov->Internal = err;
    if (routine) routine(err, 0, ov);
    else if (ov->hEvent) SetEvent(ov->hEvent);
    return 0;
}

static char *dup_utf8(const WCHAR *w, const char *a, BOOL *failed)
{
    int size;
    char *ret;

    if (!w && !a) return NULL;
    size = w ? WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL) : strlen(a) + 1;
    if (!(ret = ws2_alloc(size))) *failed = TRUE;
    else if (w) WideCharToMultiByte(CP_UTF8, 0, w, -1, ret, size, NULL, NULL);
    else memcpy(ret, a, size);
    return ret;
}

static int get_addr_info_ex(const WCHAR *name_w, const char *name_a, const WCHAR *service_w, const char *service_a,
                            DWORD ns, const ADDRINFOEXW *hints, ADDRINFOEXW **result, OVERLAPPED *ov,
                            LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, HANDLE *handle, BOOL wide)
{
    struct query *q;
    BOOL failed = FALSE;
    HANDLE thread;
    int err;

    if (handle) *handle = NULL;
    /* the host's resolver answers for DNS (and all); a namespace it cannot ask is refused */
    if (!result || (ns != NS_ALL && ns != NS_DNS) || (routine && !ov)) return WSAEINVAL;
    *result = NULL;
    if (!(q = ws2_alloc(sizeof(*q)))) return WSA_NOT_ENOUGH_MEMORY;
    memset(q, 0, sizeof(*q));
    q->node = dup_utf8(name_w, name_a, &failed);
    q->service = dup_utf8(service_w, service_a, &failed);
    if (hints)
    {
        q->has_hints = TRUE;
        q->hints.ai_flags = hints->ai_flags;
        q->hints.ai_family = hints->ai_family;
        q->hints.ai_socktype = hints->ai_socktype;
        q->hints.ai_protocol = hints->ai_protocol;
    }
    q->wide = wide;
    q->result = result;
    q->ov = ov;
    q->routine = (completion_routine)routine;
    if (failed)
    {
        query_free(q);
        return WSA_NOT_ENOUGH_MEMORY;
    }
    if (!ov)
    {
        err = run_query(q, result);
        query_free(q);
        return err;
    }
    AcquireSRWLockExclusive(&pending_lock);
    q->next = pending;
    pending = q;
    if (handle) *handle = (HANDLE)q;
    ov->Internal = WSA_IO_PENDING;
    ReleaseSRWLockExclusive(&pending_lock);
    /* the list lock is taken again by the thread before it frees q */
    if (!(thread = CreateThread(NULL, 0, query_thread, q, 0, NULL)))
    {
        struct query **p;
        AcquireSRWLockExclusive(&pending_lock);
        for (p = &pending; *p; p = &(*p)->next)
            if (*p == q) { *p = q->next; break; }
        ReleaseSRWLockExclusive(&pending_lock);
        if (handle) *handle = NULL;
        query_free(q);
        return WSA_NOT_ENOUGH_MEMORY;
    }
    CloseHandle(thread);
    return WSA_IO_PENDING;
}

INT WINAPI GetAddrInfoExW(const WCHAR *name, const WCHAR *service, DWORD ns, GUID *ns_id, const ADDRINFOEXW *hints,
                          ADDRINFOEXW **result, struct timeval *timeout, OVERLAPPED *ov,
                          LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, HANDLE *handle)
{
    int err;

    (void)ns_id; (void)timeout;
    err = get_addr_info_ex(name, NULL, service, NULL, ns, hints, result, ov, routine, handle, TRUE);
    SetLastError(err);
    return err;
}

INT WINAPI GetAddrInfoExA(const char *name, const char *service, DWORD ns, GUID *ns_id, const ADDRINFOEXA *hints,
                          ADDRINFOEXA **result, struct timeval *timeout, OVERLAPPED *ov,
                          LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, HANDLE *handle)
{
    int err;

    (void)ns_id; (void)timeout;
    err = get_addr_info_ex(NULL, name, NULL, service, ns, (const ADDRINFOEXW *)hints, (ADDRINFOEXW **)result, ov,
                           routine, handle, FALSE);
    SetLastError(err);
    return err;
}

INT WINAPI GetAddrInfoExOverlappedResult(OVERLAPPED *ov)
{
    if (!ov) return WSAEINVAL;
    return (INT)ov->Internal;
}

/* a handle no longer pending (done, or never one) is WSA_INVALID_HANDLE */
INT WINAPI GetAddrInfoExCancel(HANDLE *handle)
{
    struct query *q;
    int err = WSA_INVALID_HANDLE;

    if (!handle) return WSA_INVALID_HANDLE;
    AcquireSRWLockExclusive(&pending_lock);
    for (q = pending; q; q = q->next)
    {
        if ((HANDLE)q != *handle) continue;
        q->cancelled = 1;
        err = 0;
    }
    ReleaseSRWLockExclusive(&pending_lock);
    return err;
}

int WINAPI GetHostNameW(WCHAR *name, int len)
{
    char buf[256];
    int need;

    if (!name)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (gethostname(buf, sizeof(buf))) return SOCKET_ERROR;
    need = MultiByteToWideChar(CP_UTF8, 0, buf, -1, NULL, 0);
    if (len < need)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    MultiByteToWideChar(CP_UTF8, 0, buf, -1, name, len);
    SetLastError(0);
    return 0;
}
