/*
 * winebuild — turns a DLL's .spec file (the single list of its exports) into
 * what the build needs:
 *   --def        the .def file ld uses to build the DLL's export table
 *   --implib-def the .def file dlltool turns into the import library
 *   --asm        assembly: syscall stubs (-syscall), stubs for '@ stub'
 *                exports, the relay descriptor table, the default entry
 *   --syscalls   the Unix side's list of syscalls, in number order
 *
 * Spec syntax (one export per line, '#' starts a comment):
 *   ORD TYPE [FLAGS] NAME[(ARGS)] [TARGET]
 *     ORD    '@' or an ordinal number
 *     TYPE   stdcall | cdecl | varargs | stub | extern
 *     FLAGS  -noname -private -syscall -ordinal
 *     ARGS   long int64 ptr str wstr double float (for relay tracing)
 *     TARGET dll.function (a forward) or an internal symbol name
 */
#include "wlx/stub.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_FUNC, K_VARARGS, K_STUB, K_EXTERN };
#define MAX_ARGS 32

struct export {
    int ordinal;            /* 0 = none */
    enum kind kind;
    int noname, private_, syscall, norelay;
    char *name;
    char *target;           /* forward "dll.func" or internal symbol, or NULL */
    int nargs;
    char args[MAX_ARGS];    /* 'l' long, 'j' int64, 'p' ptr, 's' str, 'w' wstr, 'd' double, 'f' float */
};

static struct export *exports;
static int nexports;
static const char *spec_path;
static int spec_line;

static void fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (spec_line) fprintf(stderr, "%s:%d: ", spec_path, spec_line);
    else fprintf(stderr, "winebuild: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *r = strdup(s);
    if (!r) fatal("out of memory");
    return r;
}

static int is_forward(const struct export *e)
{
    return e->target && strchr(e->target, '.');
}

static char parse_arg_type(const char *t)
{
    static const struct { const char *name; char code; } types[] = {
        {"long", 'l'}, {"int64", 'j'}, {"int128", 'j'}, {"ptr", 'p'}, {"str", 's'},
        {"wstr", 'w'}, {"double", 'd'}, {"float", 'f'}, {"segptr", 'p'}, {"word", 'l'},
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (!strcmp(t, types[i].name)) return types[i].code;
    fatal("unknown argument type '%s'", t);
    return 0;
}

static void parse_args(struct export *e, char *p)
{
    for (char *tok = strtok(p, " \t"); tok; tok = strtok(NULL, " \t"))
    {
        if (e->nargs == MAX_ARGS) fatal("too many arguments");
        e->args[e->nargs++] = parse_arg_type(tok);
    }
}

static void parse_line(char *line)
{
    struct export e = {0};
    char *words[8];
    int n = 0;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;

    /* split off the argument list first: it may contain spaces */
    char *paren = strchr(line, '(');
    char *argtext = NULL, *after = NULL;
    if (paren)
    {
        char *close = strchr(paren, ')');
        if (!close) fatal("missing ')'");
        *paren = 0;
        argtext = paren + 1;
        after = close + 1;
        *close = 0;
    }
    for (char *tok = strtok(line, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n"))
    {
        if (n == 8) fatal("too many words");
        words[n++] = tok;
    }
    if (!n) return;
    if (n < 3) fatal("expected 'ORD TYPE NAME'");
    if (!strcmp(words[0], "@")) e.ordinal = 0;
    else
    {
        char *endp;
        e.ordinal = (int)strtol(words[0], &endp, 10);
        if (*endp || e.ordinal <= 0 || e.ordinal > 65535) fatal("bad ordinal '%s'", words[0]);
    }
    if (!strcmp(words[1], "stdcall") || !strcmp(words[1], "cdecl") || !strcmp(words[1], "thiscall")) e.kind = K_FUNC;
    else if (!strcmp(words[1], "varargs")) e.kind = K_VARARGS;
    else if (!strcmp(words[1], "stub")) e.kind = K_STUB;
    else if (!strcmp(words[1], "extern")) e.kind = K_EXTERN;
    else fatal("unknown export type '%s'", words[1]);

    int i = 2;
    for (; i < n && words[i][0] == '-'; i++)
    {
        if (!strcmp(words[i], "-noname")) e.noname = 1;
        else if (!strcmp(words[i], "-private")) e.private_ = 1;
        else if (!strcmp(words[i], "-syscall")) e.syscall = 1;
        else if (!strcmp(words[i], "-norelay")) e.norelay = 1;
        else if (!strcmp(words[i], "-ordinal") || !strncmp(words[i], "-arch=", 6)) ;
        else fatal("unknown flag '%s'", words[i]);
    }
    if (i >= n) fatal("missing export name");
    e.name = xstrdup(words[i++]);
    if (e.noname && !e.ordinal) fatal("-noname needs an ordinal");
    if (argtext)
    {
        if (e.kind == K_STUB || e.kind == K_EXTERN) fatal("'%s' takes no argument list", words[1]);
        /* the target follows the ')' */
        char *t = strtok(after, " \t\r\n");
        if (t) e.target = xstrdup(t);
        parse_args(&e, argtext);
    }
    else
    {
        if (e.kind == K_FUNC || e.kind == K_VARARGS) fatal("'%s' needs an argument list", e.name);
        if (i < n) e.target = xstrdup(words[i++]);
    }
    if (e.syscall && (e.kind != K_FUNC || e.target)) fatal("-syscall needs a plain stdcall function");
    for (int j = 0; j < nexports; j++)
        if (!strcmp(exports[j].name, e.name)) fatal("'%s' exported twice", e.name);
    exports = realloc(exports, (nexports + 1) * sizeof(*exports));
    if (!exports) fatal("out of memory");
    exports[nexports++] = e;
}

static void read_spec(const char *path)
{
    char buf[4096];
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "winebuild: cannot open %s: %s\n", path, strerror(errno)); exit(1); }
    spec_path = path;
    while (fgets(buf, sizeof(buf), f))
    {
        spec_line++;
        parse_line(buf);
    }
    fclose(f);
    spec_line = 0;
}

/* the symbol that implements an export inside the DLL */
static void print_symbol(FILE *out, const struct export *e)
{
    if (e->kind == K_STUB) fprintf(out, "__wlx_stub_%d", (int)(e - exports));
    else if (e->target) fprintf(out, "%s", e->target);
    else fprintf(out, "%s", e->name);
}

static void write_def(FILE *out, const char *dll, int implib)
{
    fprintf(out, "; generated by winebuild from %s — do not edit\nLIBRARY %s\nEXPORTS\n", spec_path, dll);
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (implib && e->private_) continue;
        fprintf(out, "  %s", e->name);
        if (!implib && (e->kind == K_STUB || (e->target && strcmp(e->target, e->name))))
        {
            fprintf(out, "=");
            print_symbol(out, e);
        }
        if (e->ordinal) fprintf(out, " @%d", e->ordinal);
        if (e->noname) fprintf(out, " NONAME");
        if (e->kind == K_EXTERN) fprintf(out, " DATA");
        if (!implib && e->private_) fprintf(out, " PRIVATE");
        fprintf(out, "\n");
    }
    /* the relay descriptors, for WLXDEBUG=+relay (not in import libraries) */
    if (!implib) fprintf(out, "  __wlx_relay_descr DATA PRIVATE\n");
}

static int is_ntdll(const char *dll)
{
    return !strcasecmp(dll, "ntdll.dll");
}

/* -norelay: functions that must see their real caller (RtlCaptureContext) */
static int is_relayed(const struct export *e)
{
    return (e->kind == K_FUNC || e->kind == K_VARARGS) && !e->norelay;
}

static int is_identifier(const char *s)
{
    for (; *s; s++) if (!isalnum((unsigned char)*s) && *s != '_') return 0;
    return 1;
}

static void write_asm(FILE *out, const char *dll)
{
    int nsys = 0;
    fprintf(out, "/* generated by winebuild from %s — do not edit */\n", spec_path);
    fprintf(out, "\t.text\n");
    /* syscall stubs: number in eax, then the common door (ntdll/door.S) */
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (!e->syscall) continue;
        fprintf(out, "\t.globl %s\n\t.def %s; .scl 2; .type 32; .endef\n", e->name, e->name);
        fprintf(out, "\t.seh_proc %s\n%s:\n\t.seh_endprologue\n", e->name, e->name);
        /* at most four arguments: all in registers, nothing to copy */
        fprintf(out, "\tmovl $%d, %%eax\n\tjmp %s\n\t.seh_endproc\n", nsys++,
                e->kind != K_VARARGS && e->nargs <= 4 ? "__wlx_syscall_regs" : "__wlx_syscall");
    }
    /* stubs for unimplemented exports: name the function, then stop */
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (e->kind != K_STUB) continue;
        /* named by index: C++ exports have names gas cannot take */
        fprintf(out, "\t.balign 8\n\t.quad 0x%llx\n", (unsigned long long)WLX_STUB_MARKER);
        fprintf(out, "\t.globl __wlx_stub_%d\n\t.def __wlx_stub_%d; .scl 2; .type 32; .endef\n", i, i);
        fprintf(out, "\t.seh_proc __wlx_stub_%d\n__wlx_stub_%d:\n\tsubq $40, %%rsp\n\t.seh_stackalloc 40\n\t.seh_endprologue\n", i, i);
        fprintf(out, "\tleaq .Lstub_dll(%%rip), %%rcx\n\tleaq .Lstub_name_%d(%%rip), %%rdx\n", i);
        if (is_ntdll(dll)) fprintf(out, "\tcall __wlx_unimplemented\n");
        else fprintf(out, "\tcall *__imp___wlx_unimplemented(%%rip)\n");
        fprintf(out, "\tint3\n\t.seh_endproc\n");
    }
    /* forwards to another DLL also get a local thunk, so code inside this
       DLL can call its own forwarded exports (HeapAlloc in kernel32) */
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (!is_forward(e) || e->kind == K_EXTERN || strchr(e->target, '#') || !is_identifier(e->name)) continue;
        /* same name on both sides: the import library's thunk serves */
        if (!strcmp(e->name, strchr(e->target, '.') + 1)) continue;
        fprintf(out, "\t.globl %s\n\t.def %s; .scl 2; .type 32; .endef\n", e->name, e->name);
        fprintf(out, "%s:\n\tjmp *__imp_%s(%%rip)\n", e->name, strchr(e->target, '.') + 1);
    }
    fprintf(out, "\t.globl __wlx_default_entry\n__wlx_default_entry:\n\tmovl $1, %%eax\n\tret\n");
    /* relay descriptors: one per exported function, for WLXDEBUG=+relay */
    fprintf(out, "\t.section .rdata,\"dr\"\n");
    fprintf(out, "\t.balign 8\n\t.globl __wlx_relay_descr\n__wlx_relay_descr:\n");
    fprintf(out, "\t.quad .Lstub_dll\n");
    int nfuncs = 0;
    for (int i = 0; i < nexports; i++) if (is_relayed(&exports[i])) nfuncs++;
    fprintf(out, "\t.long %d, 0\n", nfuncs);
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (!is_relayed(e)) continue;
        fprintf(out, "\t.quad .Lstub_name_%d, .Lrelay_args_%d\n", i, i);
    }
    fprintf(out, ".Lstub_dll:\n\t.asciz \"%.*s\"\n", (int)(strchr(dll, '.') ? strchr(dll, '.') - dll : (long)strlen(dll)), dll);
    for (int i = 0; i < nexports; i++)
    {
        const struct export *e = &exports[i];
        if (e->kind == K_EXTERN) continue;
        fprintf(out, ".Lstub_name_%d:\n\t.asciz \"%s\"\n", i, e->name);
        if (e->kind == K_FUNC || e->kind == K_VARARGS)
            fprintf(out, ".Lrelay_args_%d:\n\t.asciz \"%.*s%s\"\n", i, e->nargs, e->args, e->kind == K_VARARGS ? "." : "");
    }
}

static void write_syscalls(FILE *out)
{
    int n = 0;
    fprintf(out, "/* generated by winebuild from %s — do not edit */\n", spec_path);
    for (int i = 0; i < nexports; i++)
        if (exports[i].syscall)
            fprintf(out, "WLX_SYSCALL(%s, %d, %d)\n", exports[i].name, n++, exports[i].nargs);
    fprintf(out, "#define WLX_SYSCALL_COUNT %d\n", n);
}

static void usage(void)
{
    fprintf(stderr, "usage: winebuild --def|--implib-def|--asm|--syscalls SPEC DLLNAME OUTPUT\n");
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc != 5) usage();
    read_spec(argv[2]);
    FILE *out = fopen(argv[4], "w");
    if (!out) { fprintf(stderr, "winebuild: cannot write %s: %s\n", argv[4], strerror(errno)); return 1; }
    if (!strcmp(argv[1], "--def")) write_def(out, argv[3], 0);
    else if (!strcmp(argv[1], "--implib-def")) write_def(out, argv[3], 1);
    else if (!strcmp(argv[1], "--asm")) write_asm(out, argv[3]);
    else if (!strcmp(argv[1], "--syscalls")) write_syscalls(out);
    else usage();
    if (fclose(out)) { fprintf(stderr, "winebuild: writing %s failed\n", argv[4]); return 1; }
    return 0;
}
