/*
 * dlls/msvcp140_atomic_wait/pool.c — what the parallel algorithms
 * (std::execution::par) and a few other headers call: the number of
 * hardware threads, thread-pool work created, submitted (one or many at
 * once), waited for and closed; a shared mutex per object address,
 * reference-counted; and the C runtime's calloc/free for the headers' own
 * allocations.
 */
#include "private.h"

unsigned int WINAPI __std_parallel_algorithms_hw_threads(void)
{
    SYSTEM_INFO si;
    GetNativeSystemInfo(&si);
    return si.dwNumberOfProcessors;
}

PTP_WORK WINAPI __std_create_threadpool_work(PTP_WORK_CALLBACK callback, void *context, PTP_CALLBACK_ENVIRON env)
{
    return CreateThreadpoolWork(callback, context, env);
}

void WINAPI __std_submit_threadpool_work(PTP_WORK work) { SubmitThreadpoolWork(work); }

void WINAPI __std_bulk_submit_threadpool_work(PTP_WORK work, SIZE_T count)
{
    while (count--) SubmitThreadpoolWork(work);
}

void WINAPI __std_close_threadpool_work(PTP_WORK work) { CloseThreadpoolWork(work); }

void WINAPI __std_wait_for_threadpool_work_callbacks(PTP_WORK work, BOOL cancel)
{
    WaitForThreadpoolWorkCallbacks(work, cancel);
}

/* ---- a shared mutex (an SRW lock) per object, while it is acquired ---- */

struct instance_mutex
{
    SRWLOCK lock;                      /* what the caller gets: std::shared_mutex is one SRWLOCK */
    struct instance_mutex *next;
    void *instance;
    SIZE_T refs;
};

static SRWLOCK instances_lock = SRWLOCK_INIT;
static struct instance_mutex *instances;

void *WINAPI __std_acquire_shared_mutex_for_instance(void *instance)
{
    struct instance_mutex *m;
    AcquireSRWLockExclusive(&instances_lock);
    for (m = instances; m && m->instance != instance; m = m->next);
    if (!m && (m = calloc(1, sizeof(*m))))
    {
        m->instance = instance;
        m->next = instances;
        instances = m;
    }
    if (m) m->refs++;
    ReleaseSRWLockExclusive(&instances_lock);
    if (!m) RaiseException(STATUS_NO_MEMORY, 0, 0, NULL);
    return &m->lock;
}

void WINAPI __std_release_shared_mutex_for_instance(void *instance)
{
    struct instance_mutex **p, *m;
    AcquireSRWLockExclusive(&instances_lock);
    for (p = &instances; (m = *p) && m->instance != instance; p = &m->next);
    if (m && !--m->refs)
    {
        *p = m->next;
        free(m);
    }
    ReleaseSRWLockExclusive(&instances_lock);
}

void *WINAPI __std_calloc_crt(SIZE_T count, SIZE_T size) { return calloc(count, size); }
void WINAPI __std_free_crt(void *ptr) { free(ptr); }
