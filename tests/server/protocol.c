/*
 * tests/server/protocol.c — variable-size messages (VARARG, through ping's
 * echo), the client's limits, and the WLXDEBUG=+server tracer of both sides.
 */
#include "common.h"

static int echo(uint32_t size, uint32_t reply_max, uint32_t *reply_size, int *same)
{
    static unsigned char out[WLX_MAX_MESSAGE_SIZE], in[WLX_MAX_MESSAGE_SIZE];
    struct wlx_server_data data = { out, size, in, reply_max, 0 };

    for (uint32_t i = 0; i < size; i++) out[i] = i * 7 + 1;
    memset(in, 0, sizeof(in));
    NTSTATUS status = wlx_server_call_data(WLX_REQ_PING, NULL, 0, NULL, 0, &data, NULL);
    *reply_size = data.reply_data_size;
    uint32_t kept = size < reply_max ? size : reply_max;
    *same = !memcmp(in, out, kept) && (kept == sizeof(in) || !in[kept]);
    return status;
}

static int varargs(void)
{
    uint32_t sizes[] = { 0, 1, 3, 1000, WLX_MAX_MESSAGE_SIZE - sizeof(struct wlx_request_header) };
    uint32_t got;
    int same, bad = 0;

    for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
        if (echo(sizes[i], WLX_MAX_MESSAGE_SIZE, &got, &same) || got != sizes[i] || !same) bad |= 1;
    if (echo(1000, 10, &got, &same) || got != 1000 || !same) bad |= 2;   /* cut to 10 */
    if (echo(WLX_MAX_MESSAGE_SIZE, WLX_MAX_MESSAGE_SIZE, &got, &same) != STATUS_INVALID_PARAMETER)
        bad |= 4;
    if (ping()) bad |= 8;   /* still in step */
    return bad;
}

static pid_t start_client(int (*body)(void), int err_fd)
{
    pid_t pid = fork();
    if (pid) return pid;
    uint32_t p, t;
    if (err_fd >= 0) dup2(err_fd, 2);
    if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(100);
    _exit(body());
}

static int wait_status(pid_t pid)
{
    int status;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int traced_calls(void)
{
    struct wlx_server_data data = { "abc", 3, NULL, 0, 0 };
    struct wlx_get_process_info_request req = { .process_id = 0x1234 };
    struct wlx_get_process_info_reply reply;
    wlx_server_call_data(WLX_REQ_PING, NULL, 0, NULL, 0, &data, NULL);
    wlx_server_call(WLX_REQ_GET_PROCESS_INFO, &req, sizeof(req), &reply, sizeof(reply), NULL);
    return 0;
}

/* Reads what the traced client and the server it started wrote (the server
 * keeps the pipe open: read what is there, without waiting for EOF). */
static void read_trace(int fd, char *text, size_t size)
{
    size_t len = 0;
    ssize_t n;
    sleep_ms(100);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    while (len < size - 1 && (n = read(fd, text + len, size - 1 - len)) > 0) len += n;
    text[len] = 0;
}

static void test_trace(void)
{
    static char text[16384];
    int err[2];
    if (pipe(err) < 0) exit(2);
    setenv("WLXDEBUG", "+server", 1);
    pid_t pid = start_client(traced_calls, err[1]);
    unsetenv("WLXDEBUG");
    close(err[1]);
    ok(wait_status(pid) == 0, "traced client ran");
    read_trace(err[0], text, sizeof(text));
    ok(strstr(text, ":client: init_process( unix_pid=") != NULL, "client traces init_process fields");
    ok(strstr(text, ":server: init_process() = 0x00000000 { process_id=") != NULL,
       "server traces the init_process reply");
    ok(strstr(text, ":client: ping( data={3 bytes: 61 62 63} )") != NULL, "client traces VARARG bytes");
    ok(strstr(text, ":server: ping() = 0x00000000 { data={3 bytes: 61 62 63} }") != NULL,
       "server traces the VARARG reply");
    ok(strstr(text, ":client: get_process_info() = 0xc000000b") != NULL, "client traces an error status");
    if (tests_failed) printf("trace was:\n%s", text);
    close(err[0]);
}

int main(int argc, char **argv)
{
    test_start(argc, argv);
    unsetenv("WLXDEBUG");
    test_trace();
    int bad = wait_status(start_client(varargs, -1));
    ok(bad == 0, "VARARG echo of 0 B to 64 KiB, cut replies, too large requests (status %d)", bad);
    return test_end("protocol");
}
