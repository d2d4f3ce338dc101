/*
 * tests/user32/msgqueue.c — thread message queues without windows, as worker
 * threads use them: PostThreadMessage before and after the target has a
 * queue, a GetMessage loop that ends with PostQuitMessage's WM_QUIT after
 * the messages posted before it, PeekMessage with PM_NOREMOVE and message
 * filters, MsgWaitForMultipleObjects woken by a posted message or by a
 * handle, and GetMessage on a window handle that names no window.
 */
#include "test.h"

#define WM_WORK (WM_APP + 1)
#define WM_DONE (WM_APP + 2)

static HANDLE ready;
static LONG got_sum, got_count, quit_code;

/* a worker: makes its queue, says so, sums WM_WORK's wParam until WM_QUIT */
static DWORD WINAPI worker(void *arg)
{
    MSG msg;
    BOOL ret;

    PeekMessageW(&msg, NULL, 0, 0, PM_NOREMOVE);   /* the queue now exists */
    SetEvent(ready);
    while ((ret = GetMessageW(&msg, NULL, 0, 0)) > 0)
    {
        if (msg.message == WM_WORK) { got_sum += (LONG)msg.wParam; got_count++; }
        if (msg.message == WM_DONE) PostQuitMessage(42);
    }
    quit_code = ret == 0 ? (LONG)msg.wParam : -1;
    return 0;
}

static void test_worker(void)
{
    HANDLE thread;
    DWORD tid, i;

    ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    thread = CreateThread(NULL, 0, worker, NULL, CREATE_SUSPENDED, &tid);
    SetLastError(0xdeadbeef);
    ok(!PostThreadMessageW(tid, WM_WORK, 1, 0), "posted to a thread without a queue\n");
    ok(GetLastError() == ERROR_INVALID_THREAD_ID, "error %lu\n", GetLastError());
    ResumeThread(thread);
    ok(WaitForSingleObject(ready, 5000) == WAIT_OBJECT_0, "the worker never made its queue\n");
    for (i = 1; i <= 100; i++) ok(PostThreadMessageW(tid, WM_WORK, i, 0), "post %lu: %lu\n", i, GetLastError());
    ok(PostThreadMessageW(tid, WM_DONE, 0, 0), "post WM_DONE\n");
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the worker did not end\n");
    ok(got_count == 100 && got_sum == 5050, "worker got %ld messages summing %ld\n", got_count, got_sum);
    ok(quit_code == 42, "WM_QUIT carried %ld\n", quit_code);
    CloseHandle(thread);
    CloseHandle(ready);
}

static void test_peek_and_filters(void)
{
    MSG msg;
    DWORD self = GetCurrentThreadId();

    while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE));   /* empty */
    ok(PostThreadMessageW(self, WM_APP + 10, 1, 0), "post\n");
    ok(PostThreadMessageW(self, WM_APP + 20, 2, 0), "post\n");
    ok(PeekMessageW(&msg, NULL, 0, 0, PM_NOREMOVE) && msg.message == WM_APP + 10, "peek without removing\n");
    ok(PeekMessageW(&msg, NULL, WM_APP + 15, WM_APP + 25, PM_REMOVE) && msg.message == WM_APP + 20 && msg.wParam == 2,
       "filtered peek took %#x\n", msg.message);
    ok(PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE) && msg.message == WM_APP + 10 && !msg.hwnd, "the first one remains\n");
    ok(!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE), "queue not empty\n");

    PostQuitMessage(7);
    ok(PostThreadMessageW(self, WM_APP + 30, 3, 0), "post after the quit\n");
    ok(GetMessageW(&msg, NULL, 0, 0) > 0 && msg.message == WM_APP + 30, "posted message before WM_QUIT\n");
    ok(GetMessageW(&msg, NULL, 0, 0) == 0 && msg.message == WM_QUIT && msg.wParam == 7, "WM_QUIT %#x %Iu\n",
       msg.message, msg.wParam);
    ok(!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE), "a second WM_QUIT\n");
}

static void test_msg_wait(void)
{
    HANDLE event = CreateEventW(NULL, FALSE, FALSE, NULL);
    MSG msg;
    DWORD ret;

    while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE));
    ret = MsgWaitForMultipleObjects(1, &event, FALSE, 0, QS_ALLINPUT);
    ok(ret == WAIT_TIMEOUT, "nothing there: %lu\n", ret);
    PostThreadMessageW(GetCurrentThreadId(), WM_APP, 0, 0);
    ret = MsgWaitForMultipleObjects(1, &event, FALSE, 1000, QS_ALLINPUT);
    ok(ret == WAIT_OBJECT_0 + 1, "a posted message: %lu\n", ret);
    /* looked at (PeekMessage without removing): no longer new, still there */
    ok(PeekMessageW(&msg, NULL, 0, 0, PM_NOREMOVE), "the message\n");
    ret = MsgWaitForMultipleObjects(1, &event, FALSE, 0, QS_ALLINPUT);
    ok(ret == WAIT_TIMEOUT, "an old message woke the wait: %lu\n", ret);
    ret = MsgWaitForMultipleObjectsEx(1, &event, 0, QS_ALLINPUT, MWMO_INPUTAVAILABLE);
    ok(ret == WAIT_OBJECT_0 + 1, "MWMO_INPUTAVAILABLE: %lu\n", ret);
    SetEvent(event);
    ret = MsgWaitForMultipleObjects(1, &event, FALSE, 1000, QS_ALLINPUT);
    ok(ret == WAIT_OBJECT_0, "the event: %lu\n", ret);
    PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE);
    CloseHandle(event);
}

static void test_bad_window(void)
{
    MSG msg;

    SetLastError(0xdeadbeef);
    ok(GetMessageW(&msg, (HWND)(ULONG_PTR)0x1234, 0, 0) == -1, "GetMessage on no window\n");
    ok(GetLastError() == ERROR_INVALID_WINDOW_HANDLE, "error %lu\n", GetLastError());
    memset(&msg, 0, sizeof(msg));
    msg.message = WM_APP;
    ok(!TranslateMessage(&msg), "TranslateMessage of a non-key message\n");
}

int main(void)
{
    test_start("user32/msgqueue");
    test_worker();
    test_peek_and_filters();
    test_msg_wait();
    test_bad_window();
    return test_summary();
}
