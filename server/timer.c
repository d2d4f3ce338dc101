/*
 * server/timer.c — shared waitable timers whose setter let go. A named or
 * inheritable timer (KOBJ_TIMER) is fired by the process that set it
 * (ntdll/unix/sync.c), named by its state's owner_pid. When that process
 * closes its last handle or dies while the timer is set and other
 * processes still hold it, the server fires it instead, as Windows' kernel
 * would: a timerfd in the event loop signals the state at the arm's due
 * time (and every period) as long as the arm is the one it took over — a
 * set or cancel elsewhere bumps the arm's generation, and the server lets
 * go — and someone still holds the timer. Completion routines are not run
 * here (their thread is gone).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include "wlxserver.h"
#include "kobject.h"

struct server_timer {
    struct fd_handler handler;      /* the timerfd */
    struct kobject *k;              /* a reference */
    uint32_t gen;                   /* the arm taken over */
};

static struct sync_timer_arm *arm_of(struct sync_state *s)
{
    return (struct sync_timer_arm *)(s + 1);
}

static void timer_stop(struct server_timer *t)
{
    loop_remove(&t->handler);
    close(t->handler.fd);
    release_object(t->k);
    free(t);
}

static void timer_event(struct fd_handler *handler, uint32_t events)
{
    struct server_timer *t = (struct server_timer *)handler;
    uint64_t expirations = 0;
    (void)events;
    if (read(handler->fd, &expirations, sizeof(expirations)) != sizeof(expirations)) return;
    struct sync_state *s = kobject_slot(t->k->slot);
    int locked = kobject_lock_slot(s);
    struct sync_timer_arm *a = arm_of(s);
    int mine = a->gen == t->gen && a->due && !list_empty(&t->k->refs);
    if (mine)
    {
        /* an event's set (ntdll/unix/sync.c, signal_locked) */
        s->count = 1;
        __atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
        s->set_seq = s->seq;
        a->due = a->period ? a->due + (int64_t)a->period * 1000000 * (int64_t)expirations : 0;
    }
    int done = !mine || !a->period;
    kobject_unlock_slot(s, locked, mine);
    if (done) timer_stop(t);
}

void timer_takeover(struct kobject *k, uint32_t process_id)
{
    struct sync_state *s = kobject_slot(k->slot);
    struct sync_timer_arm *a = arm_of(s);
    struct itimerspec its = { { 0, 0 }, { 0, 0 } };
    int locked = kobject_lock_slot(s), take = s->owner_pid == process_id && a->due > 0;
    uint32_t gen = a->gen;
    if (take)
    {
        its.it_value.tv_sec = a->due / 1000000000;
        its.it_value.tv_nsec = a->due % 1000000000;
        its.it_interval.tv_sec = a->period / 1000;
        its.it_interval.tv_nsec = (long)(a->period % 1000) * 1000000;
        s->owner_pid = 0;   /* the server's now */
    }
    kobject_unlock_slot(s, locked, 0);
    if (!take) return;
    struct server_timer *t = calloc(1, sizeof(*t));
    int fd = t ? timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC) : -1;
    if (fd < 0 || timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
    {
        if (fd >= 0) close(fd);
        free(t);
        return;
    }
    t->handler.fd = fd;
    t->handler.on_event = timer_event;
    t->k = grab_object(k);
    t->gen = gen;
    if (loop_add(&t->handler, EPOLLIN) < 0) timer_stop(t);
}
