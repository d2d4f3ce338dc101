/*
 * tests/kernel32/real_workpool.c — worker pools as real programs build them:
 * a queue of jobs drained by the thread pool API (one work object submitted
 * once per job, WaitForThreadpoolWorkCallbacks at the end), by worker
 * threads blocked in GetQueuedCompletionStatus on a completion port (a
 * quit packet per worker), and by QueueUserWorkItem with a countdown that
 * sets an event. Every job's result is checked exactly.
 */
#include "../test.h"

#define JOBS 2000
#define WORKERS 4

struct queue {
    SRWLOCK lock;
    int next;                    /* the next job to take */
    LONG64 results[JOBS];        /* job i's result, written once */
    LONG done;                   /* jobs finished */
    LONG twice;                  /* results written twice (must stay 0) */
};

/* the job: a little arithmetic whose result says which job ran */
static LONG64 job_result(int i)
{
    LONG64 r = i;
    for (int k = 0; k < 50; k++) r = (r * 31 + k) % 1000003;
    return r + 1;   /* never 0: 0 means "not done" */
}

static void record(struct queue *q, int i)
{
    if (InterlockedCompareExchange64(&q->results[i], job_result(i), 0) != 0) InterlockedIncrement(&q->twice);
    InterlockedIncrement(&q->done);
}

static int check_results(struct queue *q, const char *what)
{
    int bad = 0;
    for (int i = 0; i < JOBS; i++)
        if (q->results[i] != job_result(i)) bad++;
    ok(!bad, "%s: %d jobs with a wrong or no result\n", what, bad);
    ok(q->done == JOBS, "%s: %ld jobs done\n", what, q->done);
    ok(!q->twice, "%s: %ld jobs done twice\n", what, q->twice);
    return !bad;
}

/* --- the thread pool API ----------------------------------------------------- */

static void CALLBACK pool_work(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    struct queue *q = ctx;
    (void)inst; (void)work;
    AcquireSRWLockExclusive(&q->lock);
    int i = q->next++;
    ReleaseSRWLockExclusive(&q->lock);
    if (i < JOBS) record(q, i);
}

static void test_threadpool_work(void)
{
    static struct queue q;
    TP_CALLBACK_ENVIRON env;
    PTP_POOL pool = CreateThreadpool(NULL);

    memset(&q, 0, sizeof(q));
    InitializeSRWLock(&q.lock);
    ok(pool != NULL, "CreateThreadpool failed: %lu\n", GetLastError());
    SetThreadpoolThreadMaximum(pool, WORKERS);
    ok(SetThreadpoolThreadMinimum(pool, 2), "SetThreadpoolThreadMinimum failed\n");
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    PTP_WORK work = CreateThreadpoolWork(pool_work, &q, &env);
    if (!ok(work != NULL, "CreateThreadpoolWork failed: %lu\n", GetLastError())) return;
    for (int i = 0; i < JOBS; i++) SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    check_results(&q, "thread pool");
    CloseThreadpoolWork(work);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
}

/* --- worker threads on a completion port --------------------------------------- */

struct port_ctx {
    HANDLE port;
    struct queue *q;
};

#define QUIT_KEY ((ULONG_PTR)-1)

/* a worker takes packets until its quit packet; the job number is the
   byte count, the key says which batch */
static DWORD WINAPI port_worker(void *arg)
{
    struct port_ctx *c = arg;
    DWORD n, handled = 0;
    ULONG_PTR key;
    OVERLAPPED *ov;
    while (GetQueuedCompletionStatus(c->port, &n, &key, &ov, 10000))
    {
        if (key == QUIT_KEY) return handled;
        if (key == 0x1234 && ov == (OVERLAPPED *)(ULONG_PTR)(n + 1) && n < JOBS)
        {
            record(c->q, n);
            handled++;
        }
    }
    return 0xffffffff;   /* a timeout: the quit packet never came */
}

static void test_iocp_workers(void)
{
    static struct queue q;
    struct port_ctx c = { CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, WORKERS), &q };
    HANDLE threads[WORKERS];
    DWORD total = 0, code;

    memset(&q, 0, sizeof(q));
    if (!ok(c.port != NULL, "CreateIoCompletionPort failed: %lu\n", GetLastError())) return;
    for (int i = 0; i < WORKERS; i++) threads[i] = CreateThread(NULL, 0, port_worker, &c, 0, NULL);
    int posted = 0;
    for (int i = 0; i < JOBS; i++) posted += !!PostQueuedCompletionStatus(c.port, i, 0x1234, (OVERLAPPED *)(ULONG_PTR)(i + 1));
    ok(posted == JOBS, "%d packets posted\n", posted);
    for (int i = 0; i < WORKERS; i++) PostQueuedCompletionStatus(c.port, 0, QUIT_KEY, NULL);
    ok(WaitForMultipleObjects(WORKERS, threads, TRUE, 15000) == WAIT_OBJECT_0, "the workers did not end\n");
    for (int i = 0; i < WORKERS; i++)
    {
        if (GetExitCodeThread(threads[i], &code) && code != 0xffffffff) total += code;
        CloseHandle(threads[i]);
    }
    ok(total == JOBS, "the workers handled %lu packets\n", total);
    check_results(&q, "completion port");
    CloseHandle(c.port);
}

/* --- QueueUserWorkItem with a countdown ---------------------------------------- */

struct countdown {
    struct queue *q;
    LONG left;
    HANDLE all_done;
};

static struct countdown cd;

static DWORD WINAPI work_item(void *arg)
{
    record(cd.q, (int)(ULONG_PTR)arg);
    if (!InterlockedDecrement(&cd.left)) SetEvent(cd.all_done);
    return 0;
}

static void test_queue_user_work_item(void)
{
    static struct queue q;
    memset(&q, 0, sizeof(q));
    cd.q = &q;
    cd.left = JOBS;
    cd.all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (int i = 0; i < JOBS; i++)
        if (!QueueUserWorkItem(work_item, (void *)(ULONG_PTR)i, WT_EXECUTEDEFAULT))
        {
            ok(0, "QueueUserWorkItem failed: %lu\n", GetLastError());
            return;
        }
    ok(WaitForSingleObject(cd.all_done, 15000) == WAIT_OBJECT_0, "the work items did not all run\n");
    check_results(&q, "QueueUserWorkItem");
    CloseHandle(cd.all_done);
}

int main(void)
{
    test_threadpool_work();
    test_iocp_workers();
    test_queue_user_work_item();
    return test_summary();
}
