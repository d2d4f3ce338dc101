/*
 * server/request.c — checks one complete request, runs its handler from the
 * generated table and builds the reply. Also the no-op ping request.
 */
#include <string.h>
#include <unistd.h>
#define WLX_DEFINE_REQUEST_TABLE
#include "wlxserver.h"

/* Handlers see the body here, aligned: in the input it may sit anywhere. */
static uint64_t request_copy[WLX_MAX_MESSAGE_SIZE / 8];

int check_request_table(void)
{
    for (int i = 0; i < WLX_REQ_COUNT; i++)
        if (request_table[i].request_size + sizeof(struct wlx_request_header) > WLX_MAX_MESSAGE_SIZE
            || request_table[i].reply_size + sizeof(struct wlx_reply_header) > WLX_MAX_MESSAGE_SIZE)
            return -1;
    return 0;
}

/* The status a request gets before its handler runs, or STATUS_SUCCESS. */
static NTSTATUS check_request(struct request_ctx *ctx, const struct wlx_request_header *header)
{
    uint32_t body_size = header->size - sizeof(*header);

    if (header->code >= WLX_REQ_COUNT) return STATUS_NOT_IMPLEMENTED;
    if (header->reserved) return STATUS_INVALID_PARAMETER;
    const struct request_entry *entry = &request_table[header->code];
    if (body_size < entry->request_size || (body_size > entry->request_size && !entry->request_vararg))
        return STATUS_INVALID_PARAMETER;
    if (!header->thread_id) return STATUS_SUCCESS;
    /* the sender's thread must be a live thread of this connection's process */
    if (!ctx->process || !(ctx->thread = get_process_thread(ctx->process, header->thread_id)))
        return STATUS_INVALID_CID;
    return STATUS_SUCCESS;
}

/* before init_process, the Linux pid, as the client's own trace shows */
static uint32_t trace_pid(struct request_ctx *ctx)
{
    return ctx->process ? ctx->process->id : (uint32_t)client_peer_pid(ctx->client);
}

static void trace_request(struct request_ctx *ctx, const struct wlx_request_header *header)
{
    uint32_t fixed = header->code < WLX_REQ_COUNT ? request_table[header->code].request_size : 0;
    uint32_t body_size = header->size - sizeof(*header);
    uint32_t data_size = body_size > fixed ? body_size - fixed : 0;
    wlx_trace_request("server", trace_pid(ctx), header->thread_id, header, request_copy,
                      (char *)request_copy + body_size - data_size, data_size);
}

static void trace_reply(struct request_ctx *ctx, const struct wlx_request_header *header,
                        const struct wlx_reply_header *reply)
{
    wlx_trace_reply("server", trace_pid(ctx), header->thread_id, header->code, reply, reply + 1,
                    ctx->reply_data, ctx->reply_data_size);
}

static void run_handler(struct request_ctx *ctx, const struct wlx_request_header *header,
                        struct wlx_reply_header *reply)
{
    const struct request_entry *entry = &request_table[header->code];
    void *reply_body = reply + 1;

    ctx->data = (char *)request_copy + entry->request_size;
    ctx->data_size = header->size - sizeof(*header) - entry->request_size;
    if (entry->reply_vararg) {
        ctx->reply_data = (char *)reply_body + entry->reply_size;
        ctx->reply_data_max = WLX_MAX_MESSAGE_SIZE - sizeof(*reply) - entry->reply_size;
    }
    memset(reply_body, 0, entry->reply_size);
    reply->status = entry->handler(ctx, request_copy, reply_body);
    if (reply->status != STATUS_SUCCESS) {   /* nothing of a failed call is returned */
        memset(reply_body, 0, entry->reply_size);
        ctx->reply_data_size = 0;
    }
    if (ctx->reply_data_size > ctx->reply_data_max) ctx->reply_data_size = ctx->reply_data_max;
    reply->size += entry->reply_size + ctx->reply_data_size;
}

uint32_t dispatch_request(struct client *client, const struct wlx_request_header *header,
                          const void *body, void *reply_buf, int *reply_fd)
{
    struct request_ctx ctx = { .client = client, .process = client_process(client), .reply_fd = -1,
                               .request_fd = client_take_fd(client) };
    struct wlx_reply_header *reply = reply_buf;

    memcpy(request_copy, body, header->size - sizeof(*header));
    if (debug_server) trace_request(&ctx, header);
    reply->size = sizeof(*reply);
    if (!(reply->status = check_request(&ctx, header))) run_handler(&ctx, header, reply);
    if (debug_server) trace_reply(&ctx, header, reply);
    *reply_fd = ctx.reply_fd;
    if (ctx.request_fd >= 0) close(ctx.request_fd);
    return reply->size;
}

WLX_HANDLER(ping)
{
    (void)req; (void)reply;
    ctx->reply_data_size = ctx->data_size;   /* the reply has room for any request */
    memcpy(ctx->reply_data, ctx->data, ctx->data_size);
    return STATUS_SUCCESS;
}
