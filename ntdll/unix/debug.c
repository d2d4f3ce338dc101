/*
 * ntdll/unix/debug.c — WLXDEBUG channels and the messages wlx prints.
 * WLXDEBUG=+loaddll,+relay,... ; "+all" turns every channel on.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"

unsigned wlx_debug_flags;

static const struct { const char *name; unsigned flag; } channels[] = {
    {"loaddll", WLX_DBG_LOADDLL}, {"relay", WLX_DBG_RELAY}, {"seh", WLX_DBG_SEH},
    {"server", WLX_DBG_SERVER}, {"file", WLX_DBG_FILE}, {"virtual", WLX_DBG_VIRTUAL},
    {"thread", WLX_DBG_THREAD}, {"debugstr", WLX_DBG_DEBUGSTR}, {"all", ~0u},
};

void wlx_debug_init(void)
{
    const char *s = getenv("WLXDEBUG");
    while (s && *s)
    {
        size_t len = strcspn(s, ",");
        int on = 1;
        const char *name = s;
        if (*name == '+' || *name == '-') { on = *name == '+'; name++; }
        for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
            if (strlen(channels[i].name) == len - (size_t)(name - s) && !strncmp(name, channels[i].name, len - (name - s)))
            {
                if (on) wlx_debug_flags |= channels[i].flag; else wlx_debug_flags &= ~channels[i].flag;
            }
        s += len;
        if (*s == ',') s++;
    }
}

/* one write per line so threads do not interleave */
void wlx_trace(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n = snprintf(buf, sizeof(buf), "%04x:", (unsigned)syscall(SYS_gettid));
    va_start(ap, fmt);
    n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof(buf)) n = sizeof(buf);
    write(2, buf, n);
}

void wlx_fatal(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n = snprintf(buf, sizeof(buf), "wlx: ");
    va_start(ap, fmt);
    n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(buf) - 1) n = sizeof(buf) - 2;
    if (buf[n - 1] != '\n') buf[n++] = '\n';
    write(2, buf, n);
    _exit(126);
}
