/*
 * server/loop.c — the single-threaded epoll loop: fd handlers, the idle
 * exit (a few seconds after the last client), and signals (SIGTERM/SIGINT/
 * SIGHUP stop the server, SIGUSR1 dumps every object) read via a signalfd so
 * that handlers never run in the middle of a request.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include "wlxserver.h"

static int epoll_fd = -1;
static struct fd_handler signal_handler;
static int stop_requested;

int loop_add(struct fd_handler *handler, uint32_t events)
{
    struct epoll_event ev = { .events = events, .data.ptr = handler };
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, handler->fd, &ev);
}

int loop_modify(struct fd_handler *handler, uint32_t events)
{
    struct epoll_event ev = { .events = events, .data.ptr = handler };
    return epoll_ctl(epoll_fd, EPOLL_CTL_MOD, handler->fd, &ev);
}

void loop_remove(struct fd_handler *handler)
{
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, handler->fd, NULL);
}

static void signal_event(struct fd_handler *handler, uint32_t events)
{
    struct signalfd_siginfo info;
    (void)events;
    while (read(handler->fd, &info, sizeof(info)) == sizeof(info)) {
        if (info.ssi_signo == SIGUSR1) dump_all_objects();
        else stop_requested = 1;
    }
}

int loop_init(void)
{
    sigset_t set;

    if ((epoll_fd = epoll_create1(EPOLL_CLOEXEC)) < 0) return -1;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal_handler.fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    signal_handler.on_event = signal_event;
    if (signal_handler.fd < 0) return -1;
    return loop_add(&signal_handler, EPOLLIN);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* epoll timeout: none while clients are connected (or persistent), else
 * what is left of the idle delay; 0 once it has run out. */
static int idle_timeout(int persistent, int idle_ms, long long *idle_since)
{
    if (persistent || client_count()) {
        *idle_since = 0;
        return -1;
    }
    if (!*idle_since) *idle_since = now_ms();
    long long left = *idle_since + idle_ms - now_ms();
    return left > 0 ? (int)left : 0;
}

void loop_run(int persistent, int idle_ms)
{
    struct epoll_event events[64];
    long long idle_since = 0;

    while (!stop_requested) {
        int timeout = idle_timeout(persistent, idle_ms, &idle_since);
        if (timeout == 0) break;
        int n = epoll_wait(epoll_fd, events, 64, timeout);
        if (n < 0 && errno != EINTR) {
            perror("wlxserver: epoll_wait");
            break;
        }
        for (int i = 0; i < n; i++) {
            struct fd_handler *handler = events[i].data.ptr;
            handler->on_event(handler, events[i].events);
        }
    }
}
