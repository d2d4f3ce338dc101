/*
 * server/regfile.c — the registry in the prefix: <prefix>/system.reg holds
 * \REGISTRY\MACHINE, <prefix>/user.reg holds \REGISTRY\USER.
 *
 * Sections: text escapes · saving · the save timer · loading.
 *
 * Format (UTF-8 text, one item a line; see server/README.md):
 *     WLX REGISTRY 1
 *     key "Software\\Microsoft" 01dc5f5e3b8a4c00 ["class"]
 *     val "Name" 1 str "text"          (REG_SZ/EXPAND_SZ/MULTI_SZ ending in NUL)
 *     val "Count" 4 dword 0000002a     (4-byte REG_DWORD)
 *     val "Blob" 3 hex 00ff10          (anything else: raw bytes)
 *     end
 * Key paths are relative to the hive's root; values belong to the key line
 * above them. "end" marks a complete file: one without it was cut short.
 *
 * Writes are atomic: <file>.tmp is written, fsync'ed, renamed over <file>,
 * and the folder fsync'ed, so a kill at any moment leaves the old file or
 * the new one, never a mix. Changes are saved 1 s after the first unsaved
 * one (debounced), at once on reg_flush, and when the server exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include "wlxserver.h"
#include "registry.h"

#define SAVE_DELAY_MS 1000
#define MAX_LINE_NAME (REG_MAX_DEPTH * (REG_MAX_NAME_CHARS + 1))   /* the longest key path */

static const char *const hive_files[HIVE_COUNT] = { "system.reg", "user.reg" };
static char *hive_paths[HIVE_COUNT];
static char *prefix_path;
static int dirty[HIVE_COUNT];

/* ---- text escapes ---- */

/* a quoted UTF-16 string: UTF-8, with \\ \" \n \r \t and \uXXXX for other
 * controls and lone surrogates */
static void put_string(FILE *f, const uint16_t *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        uint32_t c = s[i];
        if (c == '\\' || c == '"') fprintf(f, "\\%c", (int)c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f) fprintf(f, "\\u%04x", c);
        else if (c < 0x80) fputc(c, f);
        else if (c >= 0xd800 && c < 0xdc00 && i + 1 < len && s[i + 1] >= 0xdc00 && s[i + 1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (s[++i] - 0xdc00);
            fprintf(f, "%c%c%c%c", 0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
        }
        else if (c >= 0xd800 && c < 0xe000) fprintf(f, "\\u%04x", c);
        else if (c < 0x800) fprintf(f, "%c%c", 0xc0 | (c >> 6), 0x80 | (c & 63));
        else fprintf(f, "%c%c%c", 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    fputc('"', f);
}

/* reads a quoted string at *p into out (room: max chars); advances *p past
 * it; returns the length or -1 when malformed */
static long get_string(const char **p, uint16_t *out, size_t max)
{
    const unsigned char *s = (const unsigned char *)*p;
    size_t n = 0;
    while (*s == ' ') s++;
    if (*s++ != '"') return -1;
    while (*s != '"') {
        uint32_t c = *s++;
        unsigned int v;
        if (!c) return -1;
        if (c == '\\') {
            c = *s++;
            if (c == 'n') c = '\n';
            else if (c == 'r') c = '\r';
            else if (c == 't') c = '\t';
            else if (c == 'u') {
                if (sscanf((const char *)s, "%4x", &v) != 1) return -1;
                c = v;
                s += 4;
            } else if (c != '\\' && c != '"') return -1;
        } else if (c >= 0xf0) {
            if ((s[0] & 0xc0) != 0x80 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80) return -1;
            c = ((c & 7) << 18) | ((s[0] & 63) << 12) | ((s[1] & 63) << 6) | (s[2] & 63);
            s += 3;
        } else if (c >= 0xe0) {
            if ((s[0] & 0xc0) != 0x80 || (s[1] & 0xc0) != 0x80) return -1;
            c = ((c & 15) << 12) | ((s[0] & 63) << 6) | (s[1] & 63);
            s += 2;
        } else if (c >= 0xc0) {
            if ((s[0] & 0xc0) != 0x80) return -1;
            c = ((c & 31) << 6) | (s[0] & 63);
            s++;
        }
        if (n + 2 > max) return -1;
        if (c >= 0x10000) {
            out[n++] = 0xd800 | ((c - 0x10000) >> 10);
            out[n++] = 0xdc00 | (c & 0x3ff);
        } else out[n++] = c;
    }
    *p = (const char *)s + 1;
    return n;
}

/* ---- saving ---- */

static int is_text_value(const struct reg_value *v)
{
    const uint16_t *w = (const uint16_t *)v->data;
    return (v->type == REG_SZ || v->type == REG_EXPAND_SZ || v->type == REG_MULTI_SZ)
        && v->size >= 2 && !(v->size & 1) && !w[v->size / 2 - 1];
}

static void save_value(FILE *f, const struct reg_value *v)
{
    fputs("val ", f);
    put_string(f, v->name, v->name_len);
    fprintf(f, " %u ", v->type);
    if (is_text_value(v)) {
        fputs("str ", f);
        put_string(f, (const uint16_t *)v->data, v->size / 2 - 1);
    } else if (v->type == REG_DWORD && v->size == 4) {
        uint32_t d;
        memcpy(&d, v->data, 4);
        fprintf(f, "dword %08x", d);
    } else {
        fputs("hex ", f);
        for (uint32_t i = 0; i < v->size; i++) fprintf(f, "%02x", v->data[i]);
    }
    fputc('\n', f);
}

/* path: the key's path below the hive root (len chars) */
static void save_key(FILE *f, const struct reg_key *key, uint16_t *path, size_t len)
{
    if (key->is_volatile) return;
    fputs("key ", f);
    put_string(f, path, len);
    fprintf(f, " %016llx", (unsigned long long)key->last_write);
    if (key->class_name) {
        fputc(' ', f);
        put_string(f, key->class_name, key->class_len);
    }
    fputc('\n', f);
    for (uint32_t i = 0; i < key->nvalues; i++) save_value(f, &key->values[i]);
    for (uint32_t i = 0; i < key->nsubkeys; i++) {
        const struct reg_key *k = key->subkeys[i];
        size_t n = len;
        if (n + 1 + k->name_len >= MAX_LINE_NAME) continue;   /* deeper than any Windows path */
        if (n) path[n++] = '\\';
        memcpy(path + n, k->name, k->name_len * 2);
        save_key(f, k, path, n + k->name_len);
    }
}

static void fsync_folder(void)
{
    int fd = open(prefix_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

/* 0, or -1 after a warning (the hive stays dirty: the next save retries) */
static int save_hive(enum reg_hive hive)
{
    static uint16_t path[MAX_LINE_NAME];
    char tmp[4200];
    snprintf(tmp, sizeof(tmp), "%s.tmp", hive_paths[hive]);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
    if (!f) goto fail;
    fputs("WLX REGISTRY 1\n", f);
    save_key(f, reg_hive_root(hive), path, 0);
    fputs("end\n", f);
    if (fflush(f) || ferror(f) || fsync(fd)) goto fail;
    fclose(f);
    f = NULL;
    fd = -1;
    if (rename(tmp, hive_paths[hive])) goto fail;
    fsync_folder();
    dirty[hive] = 0;
    return 0;
fail:
    fprintf(stderr, "wlxserver: cannot save the registry to %s: %s\n", hive_paths[hive], strerror(errno));
    if (f) fclose(f);
    else if (fd >= 0) close(fd);
    unlink(tmp);
    return -1;
}

void registry_save_all(void)
{
    for (int h = 0; h < HIVE_COUNT; h++)
        if (dirty[h] && hive_paths[h]) save_hive(h);
}

/* ---- the save timer: one timerfd in the event loop ---- */

static struct fd_handler save_timer = { .fd = -1 };
static int timer_armed;

static void save_timer_event(struct fd_handler *handler, uint32_t events)
{
    uint64_t count;
    (void)events;
    if (read(handler->fd, &count, sizeof(count)) < 0) { /* spurious: save anyway */ }
    timer_armed = 0;
    registry_save_all();
}

void registry_mark_dirty(enum reg_hive hive)
{
    dirty[hive] = 1;
    if (timer_armed || save_timer.fd < 0) return;
    struct itimerspec its = { .it_value = { SAVE_DELAY_MS / 1000, (SAVE_DELAY_MS % 1000) * 1000000 } };
    if (!timerfd_settime(save_timer.fd, 0, &its, NULL)) timer_armed = 1;
}

/* ---- loading ---- */

struct load_state {
    enum reg_hive hive;
    struct reg_key *key;       /* of the last key line; NULL after a bad one */
    uint16_t *buf;             /* MAX_LINE_NAME chars */
    uint8_t *bytes;            /* room for a value's data */
};

static int load_key_line(struct load_state *st, const char *p)
{
    unsigned long long time;
    int n;
    long len = get_string(&p, st->buf, MAX_LINE_NAME);
    st->key = NULL;
    if (len < 0 || sscanf(p, " %llx%n", &time, &n) != 1) return -1;
    p += n;
    struct reg_key *key = reg_create_path(reg_hive_root(st->hive), st->buf, len, 0, NULL);
    if (!key) return -1;
    st->key = key;
    long clen = get_string(&p, st->buf, MAX_LINE_NAME);
    if (clen > 0 && !key->class_name && (key->class_name = malloc(clen * 2))) {
        memcpy(key->class_name, st->buf, clen * 2);
        key->class_len = clen;
    }
    key->last_write = time;
    return 0;
}

static long load_hex(const char *p, uint8_t *out, size_t max)
{
    size_t n = 0;
    unsigned int b;
    while (*p == ' ') p++;
    for (; p[0] && p[0] != '\n'; p += 2) {
        if (n >= max || sscanf(p, "%2x", &b) != 1) return -1;
        out[n++] = b;
    }
    return n;
}

static int load_value_line(struct load_state *st, const char *p)
{
    unsigned int type, dword;
    char form[8];
    int n;
    long size, len = get_string(&p, st->buf, MAX_LINE_NAME);
    if (!st->key || len < 0 || sscanf(p, " %u %7s%n", &type, form, &n) != 2) return -1;
    p += n;
    uint16_t *name = malloc(len * 2 + 1);
    if (!name) return -1;
    memcpy(name, st->buf, len * 2);
    if (!strcmp(form, "str")) {
        size = get_string(&p, (uint16_t *)st->bytes, WLX_MAX_MESSAGE_SIZE / 2 - 1);
        if (size >= 0) ((uint16_t *)st->bytes)[size] = 0;
        size = size < 0 ? -1 : (size + 1) * 2;
    } else if (!strcmp(form, "dword")) {
        size = sscanf(p, " %x", &dword) == 1 ? 4 : -1;
        memcpy(st->bytes, &dword, 4);
    } else if (!strcmp(form, "hex")) size = load_hex(p, st->bytes, WLX_MAX_MESSAGE_SIZE);
    else size = -1;
    uint64_t time = st->key->last_write;
    int ret = size < 0 ? -1 : reg_set_value(st->key, name, len, type, st->bytes, size);
    st->key->last_write = time;
    free(name);
    return ret;
}

/* loads text (NUL-terminated, modified in place); returns the bad lines,
 * -1 when it is no registry file at all, or bad+1000000 if cut short */
static int load_text(enum reg_hive hive, char *text)
{
    struct load_state st = { .hive = hive, .buf = malloc(MAX_LINE_NAME * 2),
                             .bytes = malloc(WLX_MAX_MESSAGE_SIZE) };
    int bad = 0, ended = 0;
    char *line = text, *next;
    if (strncmp(text, "WLX REGISTRY 1\n", 15) || !st.buf || !st.bytes) bad = -1;
    else for (line = text + 15; *line && !ended; line = next) {
        if ((next = strchr(line, '\n'))) *next++ = 0;
        else next = line + strlen(line);
        if (!*line || *line == '#') continue;
        if (!strncmp(line, "key ", 4)) bad += load_key_line(&st, line + 4) < 0;
        else if (!strncmp(line, "val ", 4)) bad += load_value_line(&st, line + 4) < 0;
        else if (!strcmp(line, "end")) ended = 1;
        else bad++;
    }
    free(st.buf);
    free(st.bytes);
    return bad >= 0 && !ended ? bad + 1000000 : bad;
}

static char *read_file(const char *path, int *missing)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long size;
    *missing = !f && errno == ENOENT;
    if (!f) return NULL;
    if (!fseek(f, 0, SEEK_END) && (size = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET)
        && (text = malloc(size + 1))) {
        size = fread(text, 1, size, f);
        text[size] = 0;
    }
    fclose(f);
    return text;
}

/* Loads a hive; 1 when it must be written (a new prefix's defaults, or a
 * damaged file: one line says so, what was read is kept, the file is kept
 * beside as <file>.bad and rewritten clean). */
static int load_hive(enum reg_hive hive)
{
    int missing;
    char *text = read_file(hive_paths[hive], &missing);
    if (missing) {
        registry_add_defaults(hive);
        return 1;
    }
    int bad = text ? load_text(hive, text) : -1;
    free(text);
    if (!bad) return 0;
    char backup[4200];
    snprintf(backup, sizeof(backup), "%s.bad", hive_paths[hive]);
    fprintf(stderr, "wlxserver: warning: %s is %s; kept what could be read (the file is saved as %s)\n",
            hive_paths[hive], bad < 0 ? "not a wlx registry file" : bad >= 1000000 ? "cut short" : "damaged",
            backup);
    if (rename(hive_paths[hive], backup)) { /* then it is simply rewritten */ }
    if (bad < 0) registry_add_defaults(hive);
    return 1;
}

/* at start-up, after loop_init */
void registry_load(const char *prefix)
{
    int need_save[HIVE_COUNT] = { 0 };
    if (!(prefix_path = realpath(prefix, NULL))) prefix_path = strdup(prefix);
    for (int h = 0; h < HIVE_COUNT; h++) {
        size_t n = strlen(prefix_path) + strlen(hive_files[h]) + 2;
        if ((hive_paths[h] = malloc(n))) snprintf(hive_paths[h], n, "%s/%s", prefix_path, hive_files[h]);
        if (hive_paths[h]) need_save[h] = load_hive(h);
    }
    registry_add_volatile();
    for (int h = 0; h < HIVE_COUNT; h++) {
        dirty[h] = need_save[h];   /* loading itself is no change */
        if (dirty[h]) save_hive(h);
    }
    save_timer.fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    save_timer.on_event = save_timer_event;
    if (save_timer.fd >= 0 && loop_add(&save_timer, EPOLLIN) < 0) {
        close(save_timer.fd);
        save_timer.fd = -1;     /* then changes are saved at flush and exit only */
    }
}
