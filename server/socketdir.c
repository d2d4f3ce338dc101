/*
 * server/socketdir.c — the server's folder /tmp/.wlx-<uid>/server-<dev>-<ino>/
 * (dev/ino of the prefix folder): its safety checks, the lock that lets one
 * server run per prefix, the listening socket, and `wlxserver -k`.
 *
 * Start-up order makes concurrent starts safe: take the lock (the loser
 * exits quietly), only then replace a stale socket and listen. Clients
 * retry their connect until the winner listens.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include "wlxserver.h"

#define DIR_MAX 96   /* the longest folder name is about 70 bytes */

static char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];

/* A folder anyone else could write to or own would let another user
 * intercept or impersonate the server: refuse it. */
static int check_private_dir(const char *path)
{
    struct stat st;

    if (mkdir(path, 0700) < 0 && errno != EEXIST) {
        fprintf(stderr, "wlxserver: cannot create %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (lstat(path, &st) < 0) {
        fprintf(stderr, "wlxserver: cannot stat %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077)) {
        fprintf(stderr, "wlxserver: %s must be a folder owned by uid %u with mode 0700 "
                "(it has uid %u, mode %03o); refusing to use it\n",
                path, getuid(), st.st_uid, st.st_mode & 07777);
        return -1;
    }
    return 0;
}

int server_dir_path(const char *prefix, char *path, size_t size)
{
    struct stat st;

    if (stat(prefix, &st) < 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "wlxserver: the prefix %s is not a folder\n", prefix);
        return -1;
    }
    snprintf(path, size, WLX_SERVER_DIR_FMT, getuid(),
             (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
    return 0;
}

static int make_dirs(const char *prefix, char *dir, size_t size)
{
    char base[64];

    snprintf(base, sizeof(base), WLX_SERVER_BASE_FMT, getuid());
    if (check_private_dir(base) < 0) return -1;
    if (server_dir_path(prefix, dir, size) < 0) return -1;
    return check_private_dir(dir);
}

/* Takes the lock (kept until exit) and writes our pid in it for -k.
 * -2 when another server holds it. */
static int take_lock(const char *dir)
{
    char path[DIR_MAX + 16], pid[32];
    int fd;

    snprintf(path, sizeof(path), "%s/" WLX_SERVER_LOCK, dir);
    if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
        fprintf(stderr, "wlxserver: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        close(fd);
        return errno == EWOULDBLOCK ? -2 : -1;
    }
    int len = snprintf(pid, sizeof(pid), "%d\n", getpid());
    if (ftruncate(fd, 0) < 0 || pwrite(fd, pid, len, 0) != len) return -1;
    return fd;   /* deliberately left open: closing it would drop the lock */
}

static int listen_socket(const char *dir)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s/" WLX_SERVER_SOCKET, dir);
    unlink(addr.sun_path);   /* stale, from a server that died */
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) < 0) return -1;
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 128) < 0) {
        fprintf(stderr, "wlxserver: cannot listen on %s: %s\n", addr.sun_path, strerror(errno));
        close(fd);
        return -1;
    }
    memcpy(socket_path, addr.sun_path, sizeof(socket_path));
    return fd;
}

int server_dir_open(const char *prefix)
{
    char dir[DIR_MAX];
    int lock;

    umask(077);
    if (make_dirs(prefix, dir, sizeof(dir)) < 0) return -1;
    if ((lock = take_lock(dir)) < 0) return lock;
    return listen_socket(dir);
}

void server_dir_cleanup(void)
{
    if (socket_path[0]) unlink(socket_path);
}

/* ---- wlxserver -k ---- */

static int lock_is_free(int fd)
{
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) return 0;
    flock(fd, LOCK_UN);
    return 1;
}

/* Waits up to ms for the server holding the lock to go. */
static int wait_lock_free(int fd, int ms)
{
    struct timespec tick = { 0, 10 * 1000000 };
    for (int waited = 0; waited < ms; waited += 10) {
        if (lock_is_free(fd)) return 1;
        nanosleep(&tick, NULL);
    }
    return lock_is_free(fd);
}

static pid_t read_lock_pid(int fd)
{
    char buf[32] = "";
    for (int tries = 0; tries < 100; tries++) {   /* the pid is written just after locking */
        ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
        if (n > 0) {
            buf[n] = 0;
            return atoi(buf);
        }
        usleep(1000);
    }
    return 0;
}

int server_kill(const char *prefix)
{
    char dir[DIR_MAX], path[DIR_MAX + 16];
    int fd;
    pid_t pid;

    if (server_dir_path(prefix, dir, sizeof(dir)) < 0) return 1;
    snprintf(path, sizeof(path), "%s/" WLX_SERVER_LOCK, dir);
    if ((fd = open(path, O_RDWR | O_CLOEXEC)) < 0 || lock_is_free(fd)) return 0;   /* none runs */
    if ((pid = read_lock_pid(fd)) <= 0) {
        fprintf(stderr, "wlxserver: the lock file %s holds no pid\n", path);
        return 1;
    }
    kill(pid, SIGTERM);
    if (wait_lock_free(fd, 5000)) return 0;
    kill(pid, SIGKILL);
    return wait_lock_free(fd, 2000) ? 0 : 1;
}
