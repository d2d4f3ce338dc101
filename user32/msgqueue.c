/*
 * user32/msgqueue.c — thread message queues without windows: what console
 * programs, worker threads and runtimes use as a mailbox
 * (PostThreadMessage, GetMessage/PeekMessage loops, PostQuitMessage,
 * MsgWaitForMultipleObjects). There are no windows yet, so every message is
 * a thread message (hwnd NULL) and DispatchMessage has no window procedure
 * to call.
 *
 * A thread gets its queue on its first call that needs one (PeekMessage,
 * GetMessage, MsgWaitForMultipleObjects, GetQueueStatus, PostQuitMessage),
 * as on Windows; PostThreadMessage to a thread without one fails with
 * ERROR_INVALID_THREAD_ID. Queues of this process only: a thread of another
 * process is one without a queue here.
 *
 * "New" messages (QS_* wake bits): MsgWaitForMultipleObjects without
 * MWMO_INPUTAVAILABLE wakes only for messages posted since the thread last
 * looked at its queue; looking clears the bit.
 */
#include "private.h"

struct queue
{
    struct queue *next;
    DWORD tid;
    SRWLOCK lock;
    HANDLE wake;            /* manual-reset: set while `fresh` */
    MSG *msgs;              /* a ring of `cap` */
    UINT head, count, cap;
    BOOL fresh;             /* a message came since the thread last looked */
    BOOL quit;              /* PostQuitMessage: WM_QUIT once the queue is empty */
    int quit_code;
};

static SRWLOCK queues_lock = SRWLOCK_INIT;
static struct queue *queues;

static struct queue *find_queue(DWORD tid)
{
    struct queue *q;

    AcquireSRWLockShared(&queues_lock);
    for (q = queues; q && q->tid != tid; q = q->next);
    ReleaseSRWLockShared(&queues_lock);
    return q;
}

/* the calling thread's queue, made on first use; NULL when out of memory */
static struct queue *own_queue(void)
{
    DWORD tid = GetCurrentThreadId();
    struct queue *q = find_queue(tid);

    if (q) return q;
    if (!(q = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*q)))) return NULL;
    if (!(q->wake = CreateEventW(NULL, TRUE, FALSE, NULL)))
    {
        HeapFree(GetProcessHeap(), 0, q);
        return NULL;
    }
    q->tid = tid;
    InitializeSRWLock(&q->lock);
    AcquireSRWLockExclusive(&queues_lock);
    q->next = queues;
    queues = q;
    ReleaseSRWLockExclusive(&queues_lock);
    return q;
}

/* called when a thread ends: its queue goes (user32's DllMain) */
void msgqueue_thread_detach(void)
{
    DWORD tid = GetCurrentThreadId();
    struct queue **p, *q = NULL;

    AcquireSRWLockExclusive(&queues_lock);
    for (p = &queues; *p; p = &(*p)->next)
        if ((*p)->tid == tid) { q = *p; *p = q->next; break; }
    ReleaseSRWLockExclusive(&queues_lock);
    if (!q) return;
    CloseHandle(q->wake);
    HeapFree(GetProcessHeap(), 0, q->msgs);
    HeapFree(GetProcessHeap(), 0, q);
}

/* appends under q->lock; FALSE when out of memory */
static BOOL push(struct queue *q, const MSG *msg)
{
    if (q->count == q->cap)
    {
        UINT cap = q->cap ? q->cap * 2 : 16, i;
        MSG *ring = HeapAlloc(GetProcessHeap(), 0, cap * sizeof(*ring));
        if (!ring) return FALSE;
        for (i = 0; i < q->count; i++) ring[i] = q->msgs[(q->head + i) % q->cap];
        HeapFree(GetProcessHeap(), 0, q->msgs);
        q->msgs = ring;
        q->head = 0;
        q->cap = cap;
    }
    q->msgs[(q->head + q->count) % q->cap] = *msg;
    q->count++;
    q->fresh = TRUE;
    SetEvent(q->wake);
    return TRUE;
}

/* the thread looked at its queue: nothing is new any more */
static void seen(struct queue *q)
{
    q->fresh = FALSE;
    ResetEvent(q->wake);
}

BOOL WINAPI PostThreadMessageW(DWORD tid, UINT msg, WPARAM wparam, LPARAM lparam)
{
    struct queue *q = find_queue(tid);
    MSG m = { NULL, msg, wparam, lparam, GetTickCount(), { 0, 0 } };   /* no pointer: pt stays 0 */
    BOOL ok;

    if (!q) { SetLastError(ERROR_INVALID_THREAD_ID); return FALSE; }
    AcquireSRWLockExclusive(&q->lock);
    ok = push(q, &m);
    ReleaseSRWLockExclusive(&q->lock);
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_QUOTA);
    return ok;
}

BOOL WINAPI PostThreadMessageA(DWORD tid, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return PostThreadMessageW(tid, msg, wparam, lparam);
}

/* PostMessage to no window (NULL) is PostThreadMessage to the caller */
BOOL WINAPI PostMessageW(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (hwnd) { SetLastError(ERROR_INVALID_WINDOW_HANDLE); return FALSE; }
    if (!own_queue()) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    return PostThreadMessageW(GetCurrentThreadId(), msg, wparam, lparam);
}

BOOL WINAPI PostMessageA(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return PostMessageW(hwnd, msg, wparam, lparam);
}

void WINAPI PostQuitMessage(int code)
{
    struct queue *q = own_queue();

    if (!q) return;
    AcquireSRWLockExclusive(&q->lock);
    q->quit = TRUE;
    q->quit_code = code;
    q->fresh = TRUE;
    SetEvent(q->wake);
    ReleaseSRWLockExclusive(&q->lock);
}

static BOOL in_filter(UINT msg, UINT first, UINT last)
{
    if (!first && !last) return TRUE;
    return msg >= first && msg <= last;
}

/* the first message in [first, last] (WM_QUIT after the others), taken when
   `remove`; FALSE when there is none */
static BOOL take(struct queue *q, MSG *out, UINT first, UINT last, BOOL remove)
{
    UINT i;

    for (i = 0; i < q->count; i++)
    {
        UINT at = (q->head + i) % q->cap;
        if (!in_filter(q->msgs[at].message, first, last)) continue;
        *out = q->msgs[at];
        if (remove)
        {
            for (; i + 1 < q->count; i++)   /* close the gap */
                q->msgs[(q->head + i) % q->cap] = q->msgs[(q->head + i + 1) % q->cap];
            q->count--;
        }
        return TRUE;
    }
    if (q->quit && in_filter(WM_QUIT, first, last))
    {
        MSG quit = { NULL, WM_QUIT, (WPARAM)q->quit_code, 0, GetTickCount() };
        *out = quit;
        if (remove) q->quit = FALSE;
        return TRUE;
    }
    return FALSE;
}

/* a window handle argument: NULL (any of the thread's) or -1 (thread messages
   only) are all there is; anything else names no window */
static BOOL hwnd_ok(HWND hwnd)
{
    if (!hwnd || hwnd == (HWND)-1) return TRUE;
    SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return FALSE;
}

BOOL WINAPI PeekMessageW(MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags)
{
    struct queue *q = own_queue();
    BOOL got;

    if (!q || !msg || !hwnd_ok(hwnd)) return FALSE;
    AcquireSRWLockExclusive(&q->lock);
    got = take(q, msg, first, last, (flags & PM_REMOVE) != 0);
    seen(q);
    ReleaseSRWLockExclusive(&q->lock);
    return got;
}

BOOL WINAPI PeekMessageA(MSG *msg, HWND hwnd, UINT first, UINT last, UINT flags)
{
    return PeekMessageW(msg, hwnd, first, last, flags);
}

/* 0 for WM_QUIT, -1 on error, else nonzero */
BOOL WINAPI GetMessageW(MSG *msg, HWND hwnd, UINT first, UINT last)
{
    struct queue *q = own_queue();

    if (!msg) { SetLastError(ERROR_NOACCESS); return -1; }
    if (!q) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return -1; }
    if (!hwnd_ok(hwnd)) return -1;
    for (;;)
    {
        BOOL got;
        AcquireSRWLockExclusive(&q->lock);
        got = take(q, msg, first, last, TRUE);
        seen(q);
        ReleaseSRWLockExclusive(&q->lock);
        if (got) return msg->message != WM_QUIT;
        /* alertable, as Windows' message waits run APCs */
        WaitForSingleObjectEx(q->wake, INFINITE, TRUE);
    }
}

BOOL WINAPI GetMessageA(MSG *msg, HWND hwnd, UINT first, UINT last)
{
    return GetMessageW(msg, hwnd, first, last);
}

BOOL WINAPI WaitMessage(void)
{
    struct queue *q = own_queue();
    BOOL any;

    if (!q) return FALSE;
    AcquireSRWLockShared(&q->lock);
    any = q->fresh;
    ReleaseSRWLockShared(&q->lock);
    if (!any) WaitForSingleObject(q->wake, INFINITE);
    return TRUE;
}

/* HIWORD: what came since the thread last looked; LOWORD: what is there */
DWORD WINAPI GetQueueStatus(UINT flags)
{
    struct queue *q = own_queue();
    DWORD now = 0, fresh = 0;

    if (!q) return 0;
    AcquireSRWLockExclusive(&q->lock);
    if (q->count || q->quit) now = QS_POSTMESSAGE | QS_ALLPOSTMESSAGE;
    if (q->fresh) fresh = now;
    seen(q);
    ReleaseSRWLockExclusive(&q->lock);
    return MAKELONG(now & flags, fresh & flags);
}

DWORD WINAPI MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, DWORD timeout, DWORD mask, DWORD flags)
{
    HANDLE all[MAXIMUM_WAIT_OBJECTS];
    struct queue *q = own_queue();
    BOOL ready;

    if (!q) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return WAIT_FAILED; }
    if (count >= MAXIMUM_WAIT_OBJECTS || (count && !handles)) { SetLastError(ERROR_INVALID_PARAMETER); return WAIT_FAILED; }
    if (count) memcpy(all, handles, count * sizeof(*all));
    all[count] = q->wake;
    AcquireSRWLockShared(&q->lock);
    ready = (mask & (QS_POSTMESSAGE | QS_ALLPOSTMESSAGE)) &&
            ((flags & MWMO_INPUTAVAILABLE) ? (q->count || q->quit) : q->fresh);
    ReleaseSRWLockShared(&q->lock);
    if (ready && !(flags & MWMO_WAITALL)) return WAIT_OBJECT_0 + count;
    if (!(mask & (QS_POSTMESSAGE | QS_ALLPOSTMESSAGE)))
        return WaitForMultipleObjectsEx(count, handles, (flags & MWMO_WAITALL) != 0, timeout,
                                        (flags & MWMO_ALERTABLE) != 0);
    return WaitForMultipleObjectsEx(count + 1, all, (flags & MWMO_WAITALL) != 0, timeout,
                                    (flags & MWMO_ALERTABLE) != 0);
}

DWORD WINAPI MsgWaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD timeout, DWORD mask)
{
    return MsgWaitForMultipleObjectsEx(count, handles, timeout, mask, wait_all ? MWMO_WAITALL : 0);
}

/* a key press becomes a character message (posted after it), as TranslateMessage does */
BOOL WINAPI TranslateMessage(const MSG *msg)
{
    BYTE state[256];
    WCHAR ch[2];

    if (!msg || (msg->message != WM_KEYDOWN && msg->message != WM_SYSKEYDOWN)) return FALSE;
    if (!GetKeyboardState(state) || ToUnicode((UINT)msg->wParam, HIWORD(msg->lParam) & 0xff, state, ch, 2, 0) != 1)
        return TRUE;
    PostThreadMessageW(GetCurrentThreadId(), msg->message == WM_KEYDOWN ? WM_CHAR : WM_SYSCHAR, ch[0], msg->lParam);
    return TRUE;
}

/* thread messages have no window procedure; a WM_TIMER carrying a callback calls it */
LRESULT WINAPI DispatchMessageW(const MSG *msg)
{
    if (!msg) return 0;
    if (msg->message == WM_TIMER && msg->lParam)
    {
        ((TIMERPROC)msg->lParam)(msg->hwnd, msg->message, msg->wParam, msg->time);
        return 0;
    }
    if (msg->hwnd) SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return 0;
}

LRESULT WINAPI DispatchMessageA(const MSG *msg)
{
    return DispatchMessageW(msg);
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_THREAD_DETACH) msgqueue_thread_detach();
    return TRUE;
}
