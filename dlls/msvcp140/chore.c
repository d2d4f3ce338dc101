/*
 * dlls/msvcp140/chore.c — the thread-pool "chores" std::async runs its
 * tasks on (Concurrency::details::_Schedule_chore and partners, which
 * MSVC's <future> calls through <ppltaskscheduler.h>): a chore is a
 * thread-pool work object that calls the program's callback with its data.
 */
#include "private.h"

struct threadpool_chore           /* Concurrency::details::_Threadpool_chore */
{
    PTP_WORK work;                /* NULL until scheduled, and after release */
    void (__cdecl *callback)(void *);
    void *data;
};

static void CALLBACK run_chore(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    struct threadpool_chore *chore = context;
    (void)instance;
    (void)work;
    chore->callback(chore->data);
}

/* 0, or the Win32 error that kept the chore from being scheduled */
int __cdecl chore_schedule(struct threadpool_chore *chore)
{
    if (!(chore->work = CreateThreadpoolWork(run_chore, chore, NULL))) return GetLastError();
    SubmitThreadpoolWork(chore->work);
    return 0;
}

/* run a scheduled chore once more */
int __cdecl chore_reschedule(const struct threadpool_chore *chore)
{
    if (!chore->work) return ERROR_INVALID_PARAMETER;
    SubmitThreadpoolWork(chore->work);
    return 0;
}

void __cdecl chore_release(struct threadpool_chore *chore)
{
    if (!chore->work) return;
    CloseThreadpoolWork(chore->work);
    chore->work = NULL;
}
