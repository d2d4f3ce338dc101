/*
 * tests/server/slotlock.c — the lock of a sync state shared between
 * processes (include/wlx/syncslot.h: a PI futex holding the holder's tid),
 * on a memfd mapped MAP_SHARED as the server's slots are:
 * - two processes incrementing a counter under it lose no update;
 * - a holder that exits without unlocking is taken over by the next locker;
 * - a holder killed while another process sleeps on the lock: the sleeper
 *   gets it within a second (the kernel hands it over);
 * - a live holder makes a timed lock time out.
 * No server is involved; bounded in time.
 */
#include "common.h"
#include <pthread.h>
#include <sys/mman.h>
#include "wlx/syncslot.h"

#define ROUNDS 20000

struct shared { struct sync_state s; uint32_t counter; };

static struct shared *map_shared(void)
{
    int fd = memfd_create("slotlock", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, 4096) < 0) return NULL;
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    return p == MAP_FAILED ? NULL : p;
}

static void in_future(struct timespec *ts, int ms)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000) { ts->tv_sec++; ts->tv_nsec -= 1000000000; }
}

static void count_rounds(struct shared *m)
{
    uint32_t tid = gettid();
    for (int i = 0; i < ROUNDS; i++)
    {
        sync_shared_lock(&m->s, tid, NULL);
        m->counter = m->counter + 1;   /* not atomic: the lock must make it safe */
        sync_shared_unlock(&m->s, tid);
    }
}

static void test_exclusion(struct shared *m)
{
    memset(m, 0, sizeof(*m));
    pid_t pid = fork();
    if (!pid) { count_rounds(m); _exit(0); }
    count_rounds(m);
    waitpid(pid, NULL, 0);
    ok(m->counter == 2 * ROUNDS, "two processes counted %u of %u under the lock", m->counter, 2 * ROUNDS);
}

static void test_dead_holder(struct shared *m)
{
    struct timespec until;
    memset(m, 0, sizeof(*m));
    pid_t pid = fork();
    if (!pid) { sync_shared_lock(&m->s, gettid(), NULL); _exit(0); }   /* exits holding it */
    waitpid(pid, NULL, 0);
    ok(m->s.lock == (uint32_t)pid, "the dead child holds the word (%u)", m->s.lock);
    in_future(&until, 2000);
    int r = sync_shared_lock(&m->s, gettid(), &until);
    ok(r == 0 && (m->s.lock & FUTEX_TID_MASK) == (uint32_t)gettid(), "the lock of a dead holder is taken over (%d)", r);
    sync_shared_unlock(&m->s, gettid());
    ok(m->s.lock == 0, "and released (%#x)", m->s.lock);
}

struct sleeper { struct shared *m; int result; long long took; };

static void *sleep_on_lock(void *arg)
{
    struct sleeper *s = arg;
    struct timespec until;
    long long start = now_ms();
    in_future(&until, 5000);
    s->result = sync_shared_lock(&s->m->s, gettid(), &until);
    s->took = now_ms() - start;
    if (!s->result) sync_shared_unlock(&s->m->s, gettid());
    return NULL;
}

/* a child that takes the lock and keeps it until killed; its pid, or -1 */
static pid_t fork_holder(struct shared *m)
{
    int pipefd[2];
    char c;
    memset(m, 0, sizeof(*m));
    if (pipe(pipefd)) return -1;
    pid_t pid = fork();
    if (!pid) { sync_shared_lock(&m->s, gettid(), NULL); (void)!write(pipefd[1], "x", 1); pause(); _exit(0); }
    ok(read(pipefd[0], &c, 1) == 1, "the child holds the lock");
    close(pipefd[0]);
    close(pipefd[1]);
    return pid;
}

static void test_killed_holder(struct shared *m)
{
    struct sleeper sl = { m, -1, 0 };
    pthread_t thread;
    pid_t pid = fork_holder(m);
    if (pid < 0) return;
    pthread_create(&thread, NULL, sleep_on_lock, &sl);
    sleep_ms(100);                       /* let it sleep in the kernel */
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    pthread_join(thread, NULL);
    ok(sl.result == 0 && sl.took < 1500, "a sleeper gets the lock of a killed holder (%d after %lld ms)",
       sl.result, sl.took);
}

static void test_timeout(struct shared *m)
{
    struct timespec until;
    pid_t pid = fork_holder(m);
    if (pid < 0) return;
    in_future(&until, 100);
    ok(sync_shared_lock(&m->s, gettid(), &until) == -ETIMEDOUT, "a live holder: the timed lock times out");
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
    test_start(argc, argv);
    struct shared *m = map_shared();
    ok(m != NULL, "a shared mapping");
    if (m)
    {
        test_exclusion(m);
        test_dead_holder(m);
        test_killed_holder(m);
        test_timeout(m);
    }
    return test_end("slotlock");
}
