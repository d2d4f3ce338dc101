/*
 * server/main.c — wlxserver's command line and start-up.
 *
 *   wlxserver [--prefix DIR] [-p|--persistent] [-k|--kill] [--help]
 * The prefix is DIR, else $WLXPREFIX, else ~/.wlx. The server is normally
 * started by the first wlx of a prefix (detached, see ntdll/unix/server.c)
 * and exits IDLE_MS after its last client went.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pwd.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include "wlxserver.h"

#define IDLE_MS 3000

int debug_server;

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: wlxserver [options]\n"
        "The wlx server of one prefix: processes, threads and (later) shared objects.\n"
        "wlx starts it on demand; it exits %d seconds after its last client.\n\n"
        "  --prefix DIR      serve this prefix (default: $WLXPREFIX, else ~/.wlx)\n"
        "  -p, --persistent  keep running when no client is left\n"
        "  -k, --kill        stop the server running for the prefix, and exit\n"
        "  -h, --help        show this help\n\n"
        "WLXDEBUG=+server traces every request and reply on stderr.\n", IDLE_MS / 1000);
}

static const char *default_prefix(void)
{
    static char path[4096];
    const char *home = getenv("HOME");
    struct passwd *pw;

    if (getenv("WLXPREFIX") && *getenv("WLXPREFIX")) return getenv("WLXPREFIX");
    if ((!home || !*home) && (pw = getpwuid(getuid()))) home = pw->pw_dir;
    snprintf(path, sizeof(path), "%s/.wlx", home ? home : "");
    return path;
}

static int debug_enabled(void)
{
    const char *s = getenv("WLXDEBUG");
    return s && (strstr(s, "+server") || strstr(s, "+all"));
}

static void listener_event(struct fd_handler *handler, uint32_t events)
{
    (void)events;
    client_accept(handler->fd);
}

/* Each client costs two fds (its socket and the death-watch end). */
static void raise_fd_limit(void)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) < 0 || limit.rlim_cur == limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

static int serve(const char *prefix, int persistent)
{
    static struct fd_handler listener = { .on_event = listener_event };
    int fd = server_dir_open(prefix);

    if (fd == -2) return 0;            /* another server won the race: it serves */
    if (fd < 0) return 1;
    if (check_request_table() < 0) {
        fprintf(stderr, "wlxserver: a request or reply of the table exceeds the message size\n");
        return 1;
    }
    raise_fd_limit();
    if (chdir("/") < 0 || loop_init() < 0) {
        perror("wlxserver: start-up");
        server_dir_cleanup();
        return 1;
    }
    registry_init(prefix);             /* loads system.reg and user.reg (regfile.c) */
    listener.fd = fd;
    loop_add(&listener, EPOLLIN);
    loop_run(persistent, IDLE_MS);
    registry_save_all();               /* unsaved registry changes, atomically */
    server_dir_cleanup();              /* before exit releases the lock */
    return 0;
}

int main(int argc, char **argv)
{
    const char *prefix = NULL;
    int persistent = 0, kill_it = 0;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-p") || !strcmp(argv[i], "--persistent")) persistent = 1;
        else if (!strcmp(argv[i], "-k") || !strcmp(argv[i], "--kill")) kill_it = 1;
        else if (!strcmp(argv[i], "--prefix") && i + 1 < argc) prefix = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "wlxserver: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (!prefix) prefix = default_prefix();
    debug_server = debug_enabled();
    if (kill_it) return server_kill(prefix);
    return serve(prefix, persistent);
}
