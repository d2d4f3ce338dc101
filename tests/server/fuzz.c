/*
 * tests/server/fuzz.c — malformed traffic must not disturb the server or its
 * other clients. A well-behaved client pings all along while raw
 * connections send random bytes, unknown codes, wrong sizes, bad thread
 * ids, truncated and oversized messages (20000 rounds, seed $FUZZ_SEED or
 * fixed). First, the documented answers to each kind of error are checked
 * one by one.
 */
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "common.h"

#define ROUNDS 20000

/* ---- raw connections ---- */

static int raw_connect(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct wlx_hello hello;
    char control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { &hello, sizeof(hello) };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = control, .msg_controllen = sizeof(control) };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    server_file(WLX_SERVER_SOCKET, addr.sun_path, sizeof(addr.sun_path));
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0
        || recvmsg(fd, &msg, MSG_CMSG_CLOEXEC) != sizeof(hello)) {
        close(fd);
        return -1;
    }
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (c && c->cmsg_type == SCM_RIGHTS) {
        int watch;
        memcpy(&watch, CMSG_DATA(c), sizeof(int));
        close(watch);
    }
    return fd;
}

/* Sends a request; reads the reply header. 0 when the server closed the
 * connection instead of answering. */
static int raw_call(int fd, const void *msg, size_t size, struct wlx_reply_header *reply)
{
    char body[256];
    struct pollfd pfd = { fd, POLLIN, 0 };
    if (send(fd, msg, size, MSG_NOSIGNAL) != (ssize_t)size) return 0;
    if (poll(&pfd, 1, 5000) != 1 || recv(fd, reply, sizeof(*reply), MSG_WAITALL) != sizeof(*reply))
        return 0;
    if (reply->size > sizeof(*reply) && reply->size - sizeof(*reply) <= sizeof(body))
        recv(fd, body, reply->size - sizeof(*reply), MSG_WAITALL);
    return 1;
}

static void test_error_replies(void)
{
    struct { struct wlx_request_header h; uint32_t body[4]; } m;
    struct wlx_reply_header r;
    int fd = raw_connect();

    ok(fd >= 0, "raw connection gets the hello");
    m.h = (struct wlx_request_header){ WLX_REQ_COUNT + 7, sizeof(m.h), 0, 0 };
    ok(raw_call(fd, &m, sizeof(m.h), &r) && r.status == (uint32_t)STATUS_NOT_IMPLEMENTED,
       "unknown request -> STATUS_NOT_IMPLEMENTED");
    m.h = (struct wlx_request_header){ WLX_REQ_GET_PROCESS_INFO, sizeof(m.h) + 4, 0, 0 };
    ok(raw_call(fd, &m, sizeof(m.h) + 4, &r) && r.status == (uint32_t)STATUS_INVALID_PARAMETER,
       "short body -> STATUS_INVALID_PARAMETER");
    m.h = (struct wlx_request_header){ WLX_REQ_PING, sizeof(m.h), 0, 1 };
    ok(raw_call(fd, &m, sizeof(m.h), &r) && r.status == (uint32_t)STATUS_INVALID_PARAMETER,
       "reserved field set -> STATUS_INVALID_PARAMETER");
    m.h = (struct wlx_request_header){ WLX_REQ_PING, sizeof(m.h), 0x1234, 0 };
    ok(raw_call(fd, &m, sizeof(m.h), &r) && r.status == (uint32_t)STATUS_INVALID_CID,
       "thread id not ours -> STATUS_INVALID_CID");
    m.h = (struct wlx_request_header){ WLX_REQ_EXIT_PROCESS, sizeof(m.h) + 8, 0, 0 };
    ok(raw_call(fd, &m, sizeof(m.h) + 8, &r) && r.status == (uint32_t)STATUS_INVALID_DEVICE_STATE,
       "exit_process before init_process -> STATUS_INVALID_DEVICE_STATE");
    m.h = (struct wlx_request_header){ WLX_REQ_PING, sizeof(m.h), 0, 0 };
    ok(raw_call(fd, &m, sizeof(m.h), &r) && r.status == 0 && r.size == sizeof(r),
       "the connection still answers ping");
    m.h = (struct wlx_request_header){ WLX_REQ_PING, WLX_MAX_MESSAGE_SIZE + 1, 0, 0 };
    ok(!raw_call(fd, &m, sizeof(m.h), &r), "oversized request -> connection dropped");
    close(fd);
    fd = raw_connect();
    m.h = (struct wlx_request_header){ WLX_REQ_PING, 3, 0, 0 };
    ok(!raw_call(fd, &m, sizeof(m.h), &r), "size below the header -> connection dropped");
    close(fd);
}

/* ---- the well-behaved client ---- */

/* Pings until stop_fd is closed; writes {pings, failures} to report_fd. */
static pid_t start_pinger(int stop[2], int report_fd)
{
    int stop_fd = stop[0];
    pid_t pid = fork();
    if (pid) return pid;
    close(stop[1]);
    uint32_t p, t, counts[2] = { 0, 0 };
    if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(1);
    if (write(report_fd, counts, sizeof(counts)) != sizeof(counts)) _exit(1);   /* ready */
    fcntl(stop_fd, F_SETFL, O_NONBLOCK);
    for (;;) {
        char c;
        if (read(stop_fd, &c, 1) == 0) break;
        for (int i = 0; i < 50; i++) counts[ping() ? 1 : 0]++;
    }
    if (write(report_fd, counts, sizeof(counts)) != sizeof(counts)) _exit(1);
    _exit(0);
}

static void drain(int fd)
{
    char buf[4096];
    while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0);
}

/* ---- fuzzing ---- */

static uint32_t body_size[WLX_REQ_COUNT];

/* Learns each request's body size from the server's answers (a wrong size
 * gets STATUS_INVALID_PARAMETER), so that the fuzzer also sends well-formed
 * requests with random contents. */
static void probe_body_sizes(void)
{
    struct { struct wlx_request_header h; uint8_t body[256]; } m;
    struct wlx_reply_header r;
    int found = 0;

    memset(&m, 0, sizeof(m));
    for (uint32_t code = 0; code < WLX_REQ_COUNT; code++) {
        int fd = raw_connect();
        for (uint32_t size = 0; fd >= 0 && size <= 128; size += 4) {
            m.h = (struct wlx_request_header){ code, sizeof(m.h) + size, 0, 0 };
            if (!raw_call(fd, &m, sizeof(m.h) + size, &r)) break;
            if (r.status != (uint32_t)STATUS_INVALID_PARAMETER) {
                body_size[code] = size;
                found++;
                break;
            }
        }
        if (fd >= 0) close(fd);
    }
    ok(found == WLX_REQ_COUNT, "body sizes of all %d requests found by probing", found);
}

/* A message of one random kind in buf; returns its length. */
static size_t make_message(unsigned char *buf, size_t max)
{
    struct wlx_request_header *h = (struct wlx_request_header *)buf;
    size_t len;
    int kind = rand() % 10;

    for (size_t i = 0; i < 256; i++) buf[i] = rand();
    h->code = rand() % (WLX_REQ_COUNT + 2);
    h->reserved = rand() % 16 ? 0 : rand();
    h->thread_id = rand() % 2 ? 0 : 0x20 + (rand() % 64) * 4;   /* ids start at 0x20 */
    len = sizeof(*h) + (rand() % 5) * 4;
    switch (kind) {
    case 0: return 1 + rand() % 200;                                    /* random bytes */
    case 1: h->size = WLX_MAX_MESSAGE_SIZE + 1 + rand() % 1000; return sizeof(*h);  /* oversized */
    case 2: h->size = rand() % sizeof(*h); return sizeof(*h);          /* below the header */
    case 3: h->size = len; return len - 1 - rand() % 4;                /* truncated */
    case 4: h->code = rand(); h->size = len; return len;               /* unknown code */
    case 5:                                                              /* big, valid framing */
        len = sizeof(*h) + rand() % (max - sizeof(*h));
        h->size = len;
        return len;
    case 6: h->size = len; return len;                                  /* plausible request */
    default:                                                            /* well-formed request */
        h->code = rand() % WLX_REQ_COUNT;
        h->size = sizeof(*h) + body_size[h->code];
        return h->size;
    }
}

/* Sends without ever blocking for long; 0 when the connection is unusable. */
static int send_message(int fd, const unsigned char *buf, size_t len)
{
    size_t done = 0;
    for (int tries = 0; done < len && tries < 100; tries++) {
        ssize_t n = send(fd, buf + done, len - done, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) done += n;
        else if (n < 0 && errno != EAGAIN) return 0;
        drain(fd);
        if (n <= 0) sleep_ms(1);
    }
    return done == len;
}

static void fuzz(unsigned int seed)
{
    static unsigned char buf[WLX_MAX_MESSAGE_SIZE];
    int fd = -1, reconnects = 0, round;

    srand(seed);
    for (round = 0; round < ROUNDS; round++) {
        if (fd < 0 || rand() % 64 == 0) {   /* also leaves partial messages behind */
            if (fd >= 0) close(fd);
            if ((fd = raw_connect()) < 0) break;
            reconnects++;
        }
        size_t len = make_message(buf, sizeof(buf));
        if (!send_message(fd, buf, len)) {
            close(fd);
            fd = -1;
        }
        if (fd >= 0) drain(fd);
    }
    if (fd >= 0) close(fd);
    ok(round == ROUNDS, "fuzzed %d rounds over %d connections, each accepted (seed %u)",
       round, reconnects, seed);
}

int main(int argc, char **argv)
{
    int stop[2], report[2];
    uint32_t counts[2] = { 0, 0 };
    unsigned int seed = getenv("FUZZ_SEED") ? strtoul(getenv("FUZZ_SEED"), NULL, 0) : 20261126;

    test_start(argc, argv);
    if (pipe(stop) < 0 || pipe(report) < 0) return 2;
    pid_t pinger = start_pinger(stop, report[1]);
    close(stop[0]);
    ok(read(report[0], counts, sizeof(counts)) == sizeof(counts), "pinger connected");
    pid_t server = server_pid();
    test_error_replies();
    probe_body_sizes();
    fuzz(seed);
    close(stop[1]);
    int got = read(report[0], counts, sizeof(counts));
    ok(got == sizeof(counts) && counts[0] > 0 && !counts[1],
       "the other client's pings all succeeded (%u ok, %u failed)", counts[0], counts[1]);
    waitpid(pinger, NULL, 0);
    ok(server > 0 && server_pid() == server && kill(server, 0) == 0, "the server is still alive");
    int fd = raw_connect();
    struct wlx_request_header h = { WLX_REQ_PING, sizeof(h), 0, 0 };
    struct wlx_reply_header r;
    ok(fd >= 0 && raw_call(fd, &h, sizeof(h), &r) && r.status == 0, "a new client is served");
    if (fd >= 0) close(fd);
    return test_end("fuzz");
}
