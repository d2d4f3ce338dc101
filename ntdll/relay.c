/*
 * ntdll/relay.c — WLXDEBUG=+relay: every call into a builtin DLL traced with
 * its arguments and return value. Driven by the relay descriptors winebuild
 * emits from each .spec (argument types per export): when a builtin's export
 * is resolved and the channel is on, the caller gets a small thunk that
 * enters __wlx_relay_entry (relay_entry.S). When the channel is off, exports
 * resolve to the functions themselves and nothing is paid.
 */
#include "private.h"
#include "loader.h"

struct relay_descr_entry { const char *name; const char *args; };
struct relay_descr { const char *dll; ULONG count, pad; struct relay_descr_entry entries[1]; };

struct relay_entry {
    void *func;                 /* first: relay_entry.S calls through it */
    const char *dll, *name, *args;
};

struct relay_thunk {            /* movabs $entry, %rax; jmp *0(%rip); .quad __wlx_relay_entry */
    BYTE movabs[2]; struct relay_entry *entry;
    BYTE jmp[6]; void *target;
} __attribute__((packed));

extern void __wlx_relay_entry(void);
static BYTE *thunk_pool;
static SIZE_T thunk_used, thunk_size;
static int relay_on;

void relay_init(void)
{
    relay_on = DEBUG_ON(RELAY) != 0;
}

static const struct relay_descr_entry *find_descr(WLX_LDR_ENTRY *m, const char *name)
{
    const struct relay_descr *d = ldr_find_export(m, "__wlx_relay_descr", -1, 0);
    if (!d || !name) return NULL;
    for (ULONG i = 0; i < d->count; i++) if (!strcmp(d->entries[i].name, name)) return &d->entries[i];
    return NULL;
}

static const char *export_name(WLX_LDR_ENTRY *m, DWORD index)
{
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)m->DllBase + ((IMAGE_DOS_HEADER *)m->DllBase)->e_lfanew);
    IMAGE_EXPORT_DIRECTORY *exp = (IMAGE_EXPORT_DIRECTORY *)((BYTE *)m->DllBase +
        nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT].VirtualAddress);
    const DWORD *names = (const DWORD *)((BYTE *)m->DllBase + exp->AddressOfNames);
    const WORD *ords = (const WORD *)((BYTE *)m->DllBase + exp->AddressOfNameOrdinals);
    for (DWORD i = 0; i < exp->NumberOfNames; i++) if (ords[i] == index) return (const char *)m->DllBase + names[i];
    return NULL;
}

void *relay_wrap(WLX_LDR_ENTRY *m, DWORD index, void *addr)
{
    if (!relay_on || !m->is_builtin) return addr;
    const char *name = export_name(m, index);
    if (!name || !strncmp(name, "__wlx_", 6)) return addr;
    const struct relay_descr_entry *d = find_descr(m, name);
    if (!d) return addr;    /* data exports and internal symbols */
    if (thunk_used + sizeof(struct relay_thunk) + sizeof(struct relay_entry) > thunk_size)
    {
        void *p = NULL;
        SIZE_T size = 0x10000;
        if (NtAllocateVirtualMemory(NtCurrentProcess(), &p, 0, &size, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE))
            return addr;
        thunk_pool = p; thunk_size = size; thunk_used = 0;
    }
    struct relay_entry *e = (struct relay_entry *)(thunk_pool + thunk_used);
    struct relay_thunk *t = (struct relay_thunk *)(e + 1);
    thunk_used += (sizeof(*e) + sizeof(*t) + 15) & ~15;
    e->func = addr;
    e->dll = ((const struct relay_descr *)ldr_find_export(m, "__wlx_relay_descr", -1, 0))->dll;
    e->name = d->name;
    e->args = d->args;
    t->movabs[0] = 0x48; t->movabs[1] = 0xb8; t->entry = e;
    t->jmp[0] = 0xff; t->jmp[1] = 0x25; t->jmp[2] = t->jmp[3] = t->jmp[4] = t->jmp[5] = 0;
    t->target = (void *)__wlx_relay_entry;
    return t;
}

static int readable(const void *p)
{
    MEMORY_BASIC_INFORMATION mbi;
    if ((ULONG_PTR)p < 0x10000) return 0;
    if (NtQueryVirtualMemory(NtCurrentProcess(), p, 0, &mbi, sizeof(mbi), NULL)) return 1;  /* host memory */
    return mbi.State == MEM_COMMIT && !(mbi.Protect & (PAGE_NOACCESS | PAGE_GUARD));
}

static int put_str(char *buf, int size, const void *p, int wide)
{
    int n = 0;
    if (!p || !readable(p)) return wlx_snprintf(buf, size, "%p", p);
    buf[n++] = wide ? 'L' : ' ';
    buf[n++] = '"';
    for (int i = 0; i < 80 && n < size - 8; i++)
    {
        unsigned c = wide ? ((const WCHAR *)p)[i] : ((const unsigned char *)p)[i];
        if (!c) break;
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') buf[n++] = (char)c;
        else { buf[n++] = '\\'; buf[n++] = 'x'; buf[n++] = "0123456789abcdef"[(c >> 4) & 15]; buf[n++] = "0123456789abcdef"[c & 15]; }
    }
    buf[n++] = '"';
    if (buf[0] == ' ') { memmove(buf, buf + 1, n - 1); n--; }
    buf[n] = 0;   /* the caller's line may end here */
    return n;
}

void relay_log_call(struct relay_entry *e, ULONG_PTR *args, BYTE *xmm, void *ret_addr)
{
    char buf[1024];
    int n = 0;
    const char *a = e->args;
    (void)xmm;
    n += wlx_snprintf(buf + n, sizeof(buf) - n, "Call %s.%s(", e->dll, e->name);
    for (int i = 0; a[i] && a[i] != '.' && n < (int)sizeof(buf) - 100; i++)
    {
        if (i) buf[n++] = ',';
        switch (a[i])
        {
        case 'w': n += put_str(buf + n, sizeof(buf) - n, (void *)args[i], 1); break;
        case 's': n += put_str(buf + n, sizeof(buf) - n, (void *)args[i], 0); break;
        case 'l': n += wlx_snprintf(buf + n, sizeof(buf) - n, "%08x", (unsigned)args[i]); break;
        default:  n += wlx_snprintf(buf + n, sizeof(buf) - n, "%I64x", (ULONGLONG)args[i]); break;
        }
    }
    if (a[0] && a[strlen(a) - 1] == '.') n += wlx_snprintf(buf + n, sizeof(buf) - n, ",...");
    wlx_dbg("%s) ret=%p\n", buf, ret_addr);
}

void relay_log_ret(struct relay_entry *e, ULONG_PTR ret, void *ret_addr)
{
    wlx_dbg("Ret  %s.%s() retval=%I64x ret=%p\n", e->dll, e->name, (ULONGLONG)ret, ret_addr);
}
