/*
 * tools/makeproto/makeproto.c — generates the wlx server protocol code.
 *
 * Usage: makeproto server/protocol.def OUTDIR
 * Reads the protocol definition (format described at the top of
 * server/protocol.def) and writes:
 *   OUTDIR/include/wlx/protocol.h         structs, codes, version, asserts
 *   OUTDIR/server/server_request_table.h  handler prototypes and table
 *   OUTDIR/server/protocol_trace.c        the WLXDEBUG=+server tracer
 * Fixed fields get natural alignment and explicit padding (checked by
 * _Static_asserts); an optional @VARARG ends a message.
 * Sections: data model · parsing · layout · protocol.h · table · tracer.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- data model ---- */

#define MAX_ITEMS 256
#define MAX_NAME 64

struct base_type { const char *name; unsigned size; int is_signed; };

static const struct base_type base_types[] = {
    { "int8_t", 1, 1 },  { "uint8_t", 1, 0 },  { "int16_t", 2, 1 }, { "uint16_t", 2, 0 },
    { "int32_t", 4, 1 }, { "uint32_t", 4, 0 }, { "int64_t", 8, 1 }, { "uint64_t", 8, 0 },
};

struct type {
    char name[MAX_NAME];
    const struct base_type *base;
    char fmt[16];               /* printf conversion, e.g. "%04x" */
};

struct field {
    const struct type *type;
    char name[MAX_NAME];
    unsigned offset;            /* set by layout() */
    unsigned pad_before;        /* explicit padding bytes inserted before it */
};

enum vararg_kind { VARARG_NONE, VARARG_BYTES, VARARG_UNICODE };

struct message {
    struct field fields[MAX_ITEMS];
    int count;
    unsigned size;              /* total, padding included */
    unsigned tail_pad;
    enum vararg_kind vararg;    /* variable-size data after the fixed part */
    char vararg_name[MAX_NAME];
};

struct request {
    char name[MAX_NAME];
    struct message req, reply;
};

static struct type types[MAX_ITEMS];
static int type_count;
static struct request requests[MAX_ITEMS];
static int request_count;
static int version = -1;

static const char *def_path;
static int line_no;

static void fatal(const char *fmt, ...)
{
    va_list args;
    fprintf(stderr, "makeproto: %s:%d: ", def_path, line_no);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    exit(1);
}

/* ---- parsing ---- */

static const struct base_type *find_base(const char *name)
{
    for (size_t i = 0; i < sizeof(base_types) / sizeof(base_types[0]); i++)
        if (!strcmp(base_types[i].name, name)) return &base_types[i];
    return NULL;
}

static const struct type *find_type(const char *name)
{
    for (int i = 0; i < type_count; i++)
        if (!strcmp(types[i].name, name)) return &types[i];
    return NULL;
}

static int is_identifier(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_') return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_') return 0;
    return 1;
}

/* Cuts a '#' comment that is not inside quotes, and trailing blanks. */
static void strip_line(char *line)
{
    int quoted = 0;
    for (char *p = line; *p; p++) {
        if (*p == '"') quoted = !quoted;
        if (*p == '#' && !quoted) { *p = 0; break; }
    }
    size_t len = strlen(line);
    while (len && isspace((unsigned char)line[len - 1])) line[--len] = 0;
}

static void parse_type(const char *args)
{
    struct type *t = &types[type_count];
    char base[MAX_NAME];
    if (type_count >= MAX_ITEMS) fatal("too many types");
    if (sscanf(args, "%63s %63s \"%15[^\"]\"", t->name, base, t->fmt) != 3)
        fatal("expected: @TYPE name base \"fmt\"");
    if (!is_identifier(t->name)) fatal("bad type name '%s'", t->name);
    if (find_type(t->name) || find_base(t->name)) fatal("type '%s' defined twice", t->name);
    if (!(t->base = find_base(base))) fatal("unknown base type '%s'", base);
    /* one integer conversion, last: the tracer inserts "ll" before it */
    if (!strchr(t->fmt, '%') || strchr(t->fmt, '%') != strrchr(t->fmt, '%')
        || !strchr("diuxX", t->fmt[strlen(t->fmt) - 1]))
        fatal("format '%s' must end with its only conversion", t->fmt);
    type_count++;
}

/* Base types can be used directly as field types too. */
static const struct type *field_type(const char *name)
{
    const struct type *t = find_type(name);
    const struct base_type *b;
    if (t) return t;
    if (!(b = find_base(name))) fatal("unknown type '%s'", name);
    if (type_count >= MAX_ITEMS) fatal("too many types");
    struct type *nt = &types[type_count++];
    snprintf(nt->name, sizeof(nt->name), "%s", name);
    nt->base = b;
    snprintf(nt->fmt, sizeof(nt->fmt), "%s", b->is_signed ? "%d" : "%u");
    return nt;
}

/* @VARARG(name, bytes|unicode): the data after the fixed fields. */
static void parse_vararg(struct message *msg, const char *line)
{
    char kind[16];
    if (msg->vararg) fatal("only one @VARARG per message");
    if (sscanf(line, "@VARARG(%63[A-Za-z0-9_], %15[a-z])", msg->vararg_name, kind) != 2
        || !strchr(line, ')'))
        fatal("expected @VARARG(name, bytes|unicode)");
    if (!strcmp(kind, "bytes")) msg->vararg = VARARG_BYTES;
    else if (!strcmp(kind, "unicode")) msg->vararg = VARARG_UNICODE;
    else fatal("unknown @VARARG kind '%s'", kind);
}

static void parse_field(struct message *msg, const char *line)
{
    char type[MAX_NAME], name[MAX_NAME], rest[8] = "";
    if (msg->count >= MAX_ITEMS) fatal("too many fields");
    if (msg->vararg) fatal("@VARARG must come after the fields");
    if (sscanf(line, " %63s %63[A-Za-z0-9_] %7s", type, name, rest) < 3 || strcmp(rest, ";"))
        fatal("expected a field: \"type name;\"");
    for (int i = 0; i < msg->count; i++)
        if (!strcmp(msg->fields[i].name, name)) fatal("field '%s' defined twice", name);
    struct field *f = &msg->fields[msg->count++];
    f->type = field_type(type);
    snprintf(f->name, sizeof(f->name), "%s", name);
}

static void parse_request_start(const char *line)
{
    struct request *r = &requests[request_count];
    if (request_count >= MAX_ITEMS) fatal("too many requests");
    if (sscanf(line, "@REQ(%63[A-Za-z0-9_])", r->name) != 1 || !strchr(line, ')'))
        fatal("expected @REQ(name)");
    for (int i = 0; i < request_count; i++)
        if (!strcmp(requests[i].name, r->name)) fatal("request '%s' defined twice", r->name);
}

static void parse_file(FILE *file)
{
    enum { TOP, IN_REQ, IN_REPLY } state = TOP;
    char line[512];

    while (fgets(line, sizeof(line), file)) {
        line_no++;
        strip_line(line);
        char *p = line;
        while (isspace((unsigned char)*p)) p++;
        if (!*p) continue;
        if (!strncmp(p, "@VERSION", 8) && state == TOP) {
            if (sscanf(p + 8, "%d", &version) != 1 || version <= 0) fatal("bad @VERSION");
        } else if (!strncmp(p, "@TYPE", 5) && state == TOP) {
            parse_type(p + 5);
        } else if (!strncmp(p, "@REQ(", 5) && state == TOP) {
            parse_request_start(p);
            state = IN_REQ;
        } else if (!strcmp(p, "@REPLY") && state == IN_REQ) {
            state = IN_REPLY;
        } else if (!strcmp(p, "@END") && state == IN_REPLY) {
            request_count++;
            state = TOP;
        } else if (!strncmp(p, "@VARARG(", 8) && state != TOP) {
            parse_vararg(state == IN_REQ ? &requests[request_count].req
                                         : &requests[request_count].reply, p);
        } else if (*p != '@' && state != TOP) {
            parse_field(state == IN_REQ ? &requests[request_count].req
                                        : &requests[request_count].reply, p);
        } else {
            fatal("unexpected '%s'", p);
        }
    }
    if (state != TOP) fatal("missing @END");
    if (version < 0) fatal("missing @VERSION");
}

/* ---- layout: natural alignment, explicit padding, size a multiple of 8 ---- */

static void layout(struct message *msg)
{
    unsigned offset = 0;
    for (int i = 0; i < msg->count; i++) {
        unsigned size = msg->fields[i].type->base->size;
        unsigned aligned = (offset + size - 1) / size * size;
        msg->fields[i].pad_before = aligned - offset;
        msg->fields[i].offset = aligned;
        offset = aligned + size;
    }
    msg->size = (offset + 7) / 8 * 8;
    msg->tail_pad = msg->size - offset;
}

/* ---- output helpers ---- */

static FILE *open_output(const char *outdir, const char *sub, const char *name)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", outdir, sub);
    /* make each level of the folder */
    for (char *p = path + 1; ; p++) {
        if (*p == '/' || !*p) {
            char c = *p;
            *p = 0;
            if (mkdir(path, 0777) < 0 && errno != EEXIST) {
                fprintf(stderr, "makeproto: cannot create %s: %s\n", path, strerror(errno));
                exit(1);
            }
            if (!(*p = c)) break;
        }
    }
    snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "makeproto: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    fprintf(f, "/* %s — generated by tools/makeproto from %s; do not edit. */\n\n", name, def_path);
    return f;
}

static void upper(char *dst, const char *src)
{
    while ((*dst++ = toupper((unsigned char)*src++)));
}

/* ---- protocol.h ---- */

static void emit_fixed_part(FILE *f)
{
    fprintf(f, "#ifndef WLX_PROTOCOL_H\n#define WLX_PROTOCOL_H\n\n");
    fprintf(f, "#include <stddef.h>\n#include <stdint.h>\n\n");
    fprintf(f, "#define WLX_PROTOCOL_VERSION %d\n", version);
    fprintf(f, "#define WLX_HELLO_MAGIC 0x584c5721u /* \"!WLX\" */\n");
    fprintf(f, "#define WLX_MAX_MESSAGE_SIZE 65536 /* header included */\n\n");
    fprintf(f,
        "/* Sent by the server on accept, with one fd (SCM_RIGHTS): the client's end\n"
        " * of a socket pair whose other end only the server holds (death watch). */\n"
        "struct wlx_hello {\n"
        "    uint32_t magic;       /* WLX_HELLO_MAGIC */\n"
        "    uint32_t version;     /* WLX_PROTOCOL_VERSION of the server */\n"
        "    int32_t  server_pid;\n"
        "    uint32_t reserved;\n"
        "};\n\n"
        "struct wlx_request_header {\n"
        "    uint32_t code;        /* enum wlx_request_code */\n"
        "    uint32_t size;        /* whole message, header included */\n"
        "    uint32_t thread_id;   /* sender's Windows thread id, 0 before it has one */\n"
        "    uint32_t reserved;    /* must be 0 */\n"
        "};\n\n"
        "struct wlx_reply_header {\n"
        "    uint32_t status;      /* NTSTATUS */\n"
        "    uint32_t size;        /* whole message, header included */\n"
        "};\n\n");
    for (int i = 0; i < type_count; i++)
        if (strcmp(types[i].name, types[i].base->name))
            fprintf(f, "typedef %s %s;\n", types[i].base->name, types[i].name);
    fprintf(f, "\n");
}

static void emit_codes(FILE *f)
{
    char up[MAX_NAME];
    fprintf(f, "enum wlx_request_code {\n");
    for (int i = 0; i < request_count; i++) {
        upper(up, requests[i].name);
        fprintf(f, "    WLX_REQ_%s = %d,\n", up, i);
    }
    fprintf(f, "    WLX_REQ_COUNT = %d\n};\n\n", request_count);
}

static void emit_struct(FILE *f, const char *req_name, const char *kind, const struct message *msg)
{
    fprintf(f, "struct wlx_%s_%s {\n", req_name, kind);
    for (int i = 0; i < msg->count; i++) {
        const struct field *fl = &msg->fields[i];
        if (fl->pad_before)
            fprintf(f, "    uint8_t __pad%u[%u];\n", fl->offset - fl->pad_before, fl->pad_before);
        fprintf(f, "    %s %s;\n", fl->type->name, fl->name);
    }
    if (msg->tail_pad)
        fprintf(f, "    uint8_t __pad%u[%u];\n", msg->size - msg->tail_pad, msg->tail_pad);
    if (msg->vararg)
        fprintf(f, "    /* VARARG(%s, %s) follows */\n", msg->vararg_name,
                msg->vararg == VARARG_BYTES ? "bytes" : "unicode");
    fprintf(f, "};\n");
}

static void emit_asserts(FILE *f, const char *req_name, const char *kind, const struct message *msg)
{
    fprintf(f, "_Static_assert(sizeof(struct wlx_%s_%s) == %u, \"wlx_%s_%s size\");\n",
            req_name, kind, msg->size, req_name, kind);
    for (int i = 0; i < msg->count; i++)
        fprintf(f, "_Static_assert(offsetof(struct wlx_%s_%s, %s) == %u, \"wlx_%s_%s.%s\");\n",
                req_name, kind, msg->fields[i].name, msg->fields[i].offset,
                req_name, kind, msg->fields[i].name);
}

static void emit_protocol_h(const char *outdir)
{
    FILE *f = open_output(outdir, "include/wlx", "protocol.h");
    emit_fixed_part(f);
    emit_codes(f);
    for (int i = 0; i < request_count; i++) {
        emit_struct(f, requests[i].name, "request", &requests[i].req);
        emit_struct(f, requests[i].name, "reply", &requests[i].reply);
        fprintf(f, "\n");
    }
    fprintf(f, "_Static_assert(sizeof(struct wlx_hello) == 16, \"wlx_hello size\");\n");
    fprintf(f, "_Static_assert(sizeof(struct wlx_request_header) == 16, \"request header size\");\n");
    fprintf(f, "_Static_assert(sizeof(struct wlx_reply_header) == 8, \"reply header size\");\n");
    for (int i = 0; i < request_count; i++) {
        emit_asserts(f, requests[i].name, "request", &requests[i].req);
        emit_asserts(f, requests[i].name, "reply", &requests[i].reply);
    }
    fprintf(f,
        "\n/* protocol_trace.c: one line per message on stderr. side is \"client\" or\n"
        " * \"server\"; pid/tid are Windows ids (or Linux ones before init); body is\n"
        " * the fixed part, data/data_size the VARARG part (NULL/0 if none). */\n"
        "extern const char *const wlx_request_names[WLX_REQ_COUNT];\n"
        "void wlx_trace_request(const char *side, uint32_t pid, uint32_t tid,\n"
        "                       const struct wlx_request_header *header, const void *body,\n"
        "                       const void *data, uint32_t data_size);\n"
        "void wlx_trace_reply(const char *side, uint32_t pid, uint32_t tid, uint32_t code,\n"
        "                     const struct wlx_reply_header *header, const void *body,\n"
        "                     const void *data, uint32_t data_size);\n"
        "\n#endif /* WLX_PROTOCOL_H */\n");
    fclose(f);
}

/* ---- server_request_table.h ---- */

static void emit_table(const char *outdir)
{
    FILE *f = open_output(outdir, "server", "server_request_table.h");
    char up[MAX_NAME];
    fprintf(f, "/* Include after wlx/protocol.h and the declarations of struct request_ctx\n"
               " * and NTSTATUS. The dispatcher defines WLX_DEFINE_REQUEST_TABLE first to\n"
               " * get the table too; handler files get the prototypes only. */\n\n"
               "#ifndef SERVER_REQUEST_TABLE_H\n#define SERVER_REQUEST_TABLE_H\n\n");
    fprintf(f, "#define WLX_HANDLER(name) NTSTATUS req_##name(struct request_ctx *ctx, \\\n"
               "    const struct wlx_##name##_request *req, struct wlx_##name##_reply *reply)\n\n");
    for (int i = 0; i < request_count; i++)
        fprintf(f, "WLX_HANDLER(%s);\n", requests[i].name);
    fprintf(f, "\n#endif /* SERVER_REQUEST_TABLE_H */\n\n#ifdef WLX_DEFINE_REQUEST_TABLE\n");
    fprintf(f, "\ntypedef NTSTATUS (*request_handler)(struct request_ctx *ctx, const void *req, void *reply);\n\n");
    for (int i = 0; i < request_count; i++)
        fprintf(f, "static NTSTATUS call_%s(struct request_ctx *ctx, const void *req, void *reply)\n"
                   "{\n    return req_%s(ctx, req, reply);\n}\n\n", requests[i].name, requests[i].name);
    fprintf(f, "static const struct request_entry {\n"
               "    request_handler handler;\n"
               "    uint32_t request_size;  /* fixed body, header excluded */\n"
               "    uint32_t reply_size;\n"
               "    uint8_t request_vararg; /* variable data may follow the request body */\n"
               "    uint8_t reply_vararg;   /* ... the reply body */\n"
               "} request_table[WLX_REQ_COUNT] = {\n");
    for (int i = 0; i < request_count; i++) {
        upper(up, requests[i].name);
        fprintf(f, "    [WLX_REQ_%s] = { call_%s, sizeof(struct wlx_%s_request), sizeof(struct wlx_%s_reply), %d, %d },\n",
                up, requests[i].name, requests[i].name, requests[i].name,
                !!requests[i].req.vararg, !!requests[i].reply.vararg);
    }
    fprintf(f, "};\n\n#endif /* WLX_DEFINE_REQUEST_TABLE */\n");
    fclose(f);
}

/* ---- protocol_trace.c ---- */

/* "%04x" -> "%04llx": the tracer widens every value to (unsigned) long long */
static void long_format(char *dst, size_t size, const char *fmt)
{
    size_t len = strlen(fmt);
    snprintf(dst, size, "%.*sll%c", (int)(len - 1), fmt, fmt[len - 1]);
}

static void emit_trace_fields(FILE *f, const char *req_name, const char *kind, const struct message *msg)
{
    char fmt[32];
    fprintf(f, "static void trace_%s_%s(struct trace_line *line, const void *body,\n"
               "                       const void *data, uint32_t data_size)\n{\n", req_name, kind);
    fprintf(f, "    (void)line; (void)body; (void)data; (void)data_size;\n");
    if (msg->count) fprintf(f, "    const struct wlx_%s_%s *m = body;\n", req_name, kind);
    for (int i = 0; i < msg->count; i++) {
        const struct field *fl = &msg->fields[i];
        long_format(fmt, sizeof(fmt), fl->type->fmt);
        fprintf(f, "    trace_put(line, \"%s%s=%s\", (%s)m->%s);\n", i ? ", " : " ", fl->name, fmt,
                fl->type->base->is_signed ? "long long" : "unsigned long long", fl->name);
    }
    if (msg->vararg)
        fprintf(f, "    trace_%s(line, \"%s%s\", data, data_size);\n",
                msg->vararg == VARARG_BYTES ? "bytes" : "unicode", msg->count ? ", " : " ", msg->vararg_name);
    if (msg->count || msg->vararg) fprintf(f, "    trace_put(line, \" \");\n");
    fprintf(f, "}\n\n");
}

static const char trace_helpers[] =
    "#include <stdarg.h>\n#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n"
    "#include \"wlx/protocol.h\"\n\n"
    "struct trace_line { char text[1024]; size_t len; };\n\n"
    "static void trace_put(struct trace_line *line, const char *fmt, ...)\n{\n"
    "    va_list args;\n    int n;\n"
    "    if (line->len >= sizeof(line->text) - 1) return;\n"
    "    va_start(args, fmt);\n"
    "    n = vsnprintf(line->text + line->len, sizeof(line->text) - line->len, fmt, args);\n"
    "    va_end(args);\n"
    "    if (n > 0) line->len += n;\n"
    "    if (line->len > sizeof(line->text) - 2) line->len = sizeof(line->text) - 2;\n}\n\n"
    "/* one write per line so that lines of threads and processes do not mix */\n"
    "static void trace_flush(struct trace_line *line)\n{\n"
    "    line->text[line->len++] = '\\n';\n"
    "    if (write(2, line->text, line->len) < 0) return;\n}\n\n"
    "/* VARARG bytes: the size and the first 16 bytes in hex */\n"
    "static __attribute__((unused)) void trace_bytes(struct trace_line *line, const char *name, const void *data, uint32_t size)\n{\n"
    "    const unsigned char *p = data;\n"
    "    trace_put(line, \"%s={%u bytes:\", name, size);\n"
    "    for (uint32_t i = 0; i < size && i < 16; i++) trace_put(line, \" %02x\", p[i]);\n"
    "    trace_put(line, \"%s}\", size > 16 ? \" ...\" : \"\");\n}\n\n"
    "/* VARARG unicode: UTF-16LE shown as L\"...\", other than printable ASCII escaped */\n"
    "static __attribute__((unused)) void trace_unicode(struct trace_line *line, const char *name, const void *data, uint32_t size)\n{\n"
    "    const unsigned char *p = data;\n"
    "    trace_put(line, \"%s=L\\\"\", name);\n"
    "    for (uint32_t i = 0; i + 1 < size && i < 400; i += 2) {\n"
    "        unsigned c = p[i] | p[i + 1] << 8;\n"
    "        if (c >= 0x20 && c < 0x7f && c != '\"' && c != '\\\\') trace_put(line, \"%c\", c);\n"
    "        else trace_put(line, \"\\\\x%04x\", c);\n"
    "    }\n"
    "    trace_put(line, \"\\\"%s\", size > 400 ? \"...\" : \"\");\n}\n\n";

static const char trace_entry_points[] =
    "/* The fixed part must have its exact size; data is the VARARG part. */\n"
    "static int sizes_match(uint32_t fixed, uint32_t expected, int vararg, uint32_t data_size)\n{\n"
    "    return fixed == expected && (vararg || !data_size);\n}\n\n"
    "void wlx_trace_request(const char *side, uint32_t pid, uint32_t tid,\n"
    "                       const struct wlx_request_header *header, const void *body,\n"
    "                       const void *data, uint32_t data_size)\n{\n"
    "    struct trace_line line = { .len = 0 };\n"
    "    uint32_t fixed = header->size - sizeof(*header) - data_size;\n"
    "    trace_put(&line, \"%04x:%04x:%s: \", pid, tid, side);\n"
    "    if (header->code >= WLX_REQ_COUNT)\n"
    "        trace_put(&line, \"unknown_request_%u( size=%u )\", header->code, header->size);\n"
    "    else if (!sizes_match(fixed, tracers[header->code].request_size,\n"
    "                          tracers[header->code].request_vararg, data_size))\n"
    "        trace_put(&line, \"%s( bad size %u )\", wlx_request_names[header->code], header->size);\n"
    "    else {\n"
    "        trace_put(&line, \"%s(\", wlx_request_names[header->code]);\n"
    "        tracers[header->code].request(&line, body, data, data_size);\n"
    "        trace_put(&line, \")\");\n"
    "    }\n"
    "    trace_flush(&line);\n}\n\n"
    "void wlx_trace_reply(const char *side, uint32_t pid, uint32_t tid, uint32_t code,\n"
    "                     const struct wlx_reply_header *header, const void *body,\n"
    "                     const void *data, uint32_t data_size)\n{\n"
    "    struct trace_line line = { .len = 0 };\n"
    "    const char *name = code < WLX_REQ_COUNT ? wlx_request_names[code] : \"unknown_request\";\n"
    "    uint32_t fixed = header->size - sizeof(*header) - data_size;\n"
    "    trace_put(&line, \"%04x:%04x:%s: %s() = 0x%08x\", pid, tid, side, name, header->status);\n"
    "    if (code < WLX_REQ_COUNT && sizes_match(fixed, tracers[code].reply_size,\n"
    "                                            tracers[code].reply_vararg, data_size)) {\n"
    "        trace_put(&line, \" {\");\n"
    "        tracers[code].reply(&line, body, data, data_size);\n"
    "        trace_put(&line, \"}\");\n"
    "    }\n"
    "    trace_flush(&line);\n}\n";

static void emit_trace(const char *outdir)
{
    FILE *f = open_output(outdir, "server", "protocol_trace.c");
    fputs(trace_helpers, f);
    fprintf(f, "const char *const wlx_request_names[WLX_REQ_COUNT] = {\n");
    for (int i = 0; i < request_count; i++) fprintf(f, "    \"%s\",\n", requests[i].name);
    fprintf(f, "};\n\n");
    for (int i = 0; i < request_count; i++) {
        emit_trace_fields(f, requests[i].name, "request", &requests[i].req);
        emit_trace_fields(f, requests[i].name, "reply", &requests[i].reply);
    }
    fprintf(f, "typedef void (*field_tracer)(struct trace_line *, const void *, const void *, uint32_t);\n\n"
               "static const struct {\n    field_tracer request, reply;\n"
               "    uint32_t request_size, reply_size;\n"
               "    uint8_t request_vararg, reply_vararg;\n} tracers[WLX_REQ_COUNT] = {\n");
    for (int i = 0; i < request_count; i++)
        fprintf(f, "    { trace_%s_request, trace_%s_reply, %u, %u, %d, %d },\n",
                requests[i].name, requests[i].name, requests[i].req.size, requests[i].reply.size,
                !!requests[i].req.vararg, !!requests[i].reply.vararg);
    fprintf(f, "};\n\n");
    fputs(trace_entry_points, f);
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: makeproto PROTOCOL.DEF OUTDIR\n");
        return 2;
    }
    def_path = argv[1];
    FILE *file = fopen(def_path, "r");
    if (!file) {
        fprintf(stderr, "makeproto: cannot open %s: %s\n", def_path, strerror(errno));
        return 1;
    }
    parse_file(file);
    fclose(file);
    for (int i = 0; i < request_count; i++) {
        layout(&requests[i].req);
        layout(&requests[i].reply);
    }
    emit_protocol_h(argv[2]);
    emit_table(argv[2]);
    emit_trace(argv[2]);
    return 0;
}
