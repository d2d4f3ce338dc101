/*
 * ntdll/manifest.c — side-by-side manifests read into an activation
 * context (ntdll/actctx.c).
 *
 * Sections:
 *   arena        the memory a context's strings live in
 *   reading      a manifest file or RT_MANIFEST resource, as UTF-16
 *   XML          a small parser into a tree: elements, attributes,
 *                namespaces (xmlns, xmlns:p), text, entities, comments,
 *                processing instructions, CDATA
 *   compiling    the tree into the context: assemblyIdentity, file (and its
 *                windowClass), dependency, trustInfo's
 *                requestedExecutionLevel, compatibility, windowsSettings
 *
 * A manifest that is not well-formed XML, or whose root is not
 * <assembly manifestVersion="1.0"> of urn:schemas-microsoft-com:asm.v1, is
 * STATUS_SXS_CANT_GEN_ACTCTX, as on Windows.
 *
 * Dependencies: an assembly of the system (a name starting "Microsoft.",
 * such as Microsoft.Windows.Common-Controls) is listed in the context with
 * its identity and nothing else; which DLL the loader picks does not change
 * (comctl32 is wlx's one comctl32). Any other dependency is a private
 * assembly, looked for as NAME.manifest or NAME\NAME.manifest in the
 * application's folder; one not found fails the context unless optional.
 */
#include "actctx.h"

void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);
size_t __cdecl wcslen(const WCHAR *);
int __cdecl _wcsicmp(const WCHAR *, const WCHAR *);
int __cdecl _wcsnicmp(const WCHAR *, const WCHAR *, size_t);
int __cdecl wcscmp(const WCHAR *, const WCHAR *);
NTSTATUS NTAPI RtlUTF8ToUnicodeN(WCHAR *, ULONG, ULONG *, const char *, ULONG);
NTSTATUS NTAPI NtOpenFile(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG);
NTSTATUS NTAPI NtClose(HANDLE);
NTSTATUS NTAPI NtQueryInformationFile(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);
typedef struct { ULONG_PTR Type, Name, Language; } LDR_RESOURCE_INFO_;
NTSTATUS NTAPI LdrFindResource_U(void *, const LDR_RESOURCE_INFO_ *, ULONG, const IMAGE_RESOURCE_DATA_ENTRY **);
NTSTATUS NTAPI LdrAccessResource(void *, const IMAGE_RESOURCE_DATA_ENTRY *, void **, ULONG *);

#define MAX_DEPTH        8           /* of private dependencies, and XML nesting / 8 */
#define MAX_MANIFEST     (4 << 20)

/* ======================================================================
 * arena
 * ====================================================================== */

struct arena_chunk
{
    struct arena_chunk *next;
    SIZE_T size, used;
    /* the memory follows, 16-aligned */
};

#define CHUNK_HEADER ((sizeof(struct arena_chunk) + 15) & ~15)

void *arena_alloc(struct arena *a, SIZE_T size)
{
    struct arena_chunk *c = a->chunks;
    void *p;

    size = (size + 15) & ~(SIZE_T)15;
    if (!c || c->used + size > c->size)
    {
        SIZE_T room = size > 16384 ? size : 16384;
        if (!(c = RtlAllocateHeap(PROCESS_HEAP(), 0, CHUNK_HEADER + room))) return NULL;
        c->size = room;
        c->used = 0;
        c->next = a->chunks;
        a->chunks = c;
    }
    p = (BYTE *)c + CHUNK_HEADER + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

WCHAR *arena_strdup(struct arena *a, const WCHAR *s, SIZE_T len)
{
    WCHAR *d = arena_alloc(a, (len + 1) * sizeof(WCHAR));
    if (!d) return NULL;
    memcpy(d, s, len * sizeof(WCHAR));
    d[len] = 0;
    return d;
}

void arena_free(struct arena *a)
{
    while (a->chunks)
    {
        struct arena_chunk *next = a->chunks->next;
        RtlFreeHeap(PROCESS_HEAP(), 0, a->chunks);
        a->chunks = next;
    }
}

/* grows an array kept in the arena by one element */
static void *grow(struct arena *a, void *array, unsigned int count, unsigned int *size, SIZE_T elem)
{
    void *bigger;

    if (count < *size) return array;
    *size = *size ? *size * 2 : 4;
    if (!(bigger = arena_alloc(a, *size * elem))) return NULL;
    if (count) memcpy(bigger, array, count * elem);
    return bigger;
}

/* ======================================================================
 * reading
 * ====================================================================== */

/* the bytes as UTF-16: a BOM or a '<' followed by 0 says UTF-16LE, else
 * UTF-8 (a UTF-8 BOM skipped) */
static NTSTATUS to_utf16(struct arena *a, const BYTE *data, ULONG size, WCHAR **text, ULONG *len)
{
    ULONG out;

    if (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == '<' && !data[1])))
    {
        if (data[0] == 0xff) data += 2, size -= 2;
        *len = size / sizeof(WCHAR);
        if (!(*text = arena_alloc(a, (*len + 1) * sizeof(WCHAR)))) return STATUS_NO_MEMORY;
        memcpy(*text, data, *len * sizeof(WCHAR));
        return STATUS_SUCCESS;
    }
    if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf) data += 3, size -= 3;
    if (!(*text = arena_alloc(a, (size + 1) * sizeof(WCHAR)))) return STATUS_NO_MEMORY;
    RtlUTF8ToUnicodeN(*text, size * sizeof(WCHAR), &out, (const char *)data, size);
    *len = out / sizeof(WCHAR);
    return STATUS_SUCCESS;
}

static NTSTATUS read_file(struct arena *a, const WCHAR *path, WCHAR **text, ULONG *len)
{
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    FILE_STANDARD_INFORMATION info;
    UNICODE_STRING nt;
    HANDLE file;
    NTSTATUS status;
    BYTE *data;
    ULONG size;

    if ((status = path_dos_to_nt(path, &nt))) return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(&file, GENERIC_READ | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_DELETE,
                        FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    if (status) return status;
    status = NtQueryInformationFile(file, &io, &info, sizeof(info), FileStandardInformation);
    if (!status && info.EndOfFile.QuadPart > MAX_MANIFEST) status = STATUS_SXS_CANT_GEN_ACTCTX;
    size = status ? 0 : info.EndOfFile.LowPart;
    if (!status && !(data = RtlAllocateHeap(PROCESS_HEAP(), 0, size + 1))) status = STATUS_NO_MEMORY;
    if (!status)
    {
        status = NtReadFile(file, NULL, NULL, NULL, &io, data, size, NULL, NULL);
        if (status == STATUS_END_OF_FILE) status = STATUS_SUCCESS, io.Information = 0;
        if (!status) status = to_utf16(a, data, io.Information, text, len);
        RtlFreeHeap(PROCESS_HEAP(), 0, data);
    }
    NtClose(file);
    return status;
}

static NTSTATUS read_resource(struct arena *a, HMODULE module, const WCHAR *name, LANGID lang,
                              WCHAR **text, ULONG *len)
{
    LDR_RESOURCE_INFO_ info = { (ULONG_PTR)RT_MANIFEST, (ULONG_PTR)name, lang };
    const IMAGE_RESOURCE_DATA_ENTRY *entry;
    NTSTATUS status;
    void *data;
    ULONG size;

    if ((status = LdrFindResource_U(module, &info, 3, &entry))) return status;
    if ((status = LdrAccessResource(module, entry, &data, &size))) return status;
    return to_utf16(a, data, size, text, len);
}

/* ======================================================================
 * XML
 * ====================================================================== */

struct xml_attr
{
    WCHAR *name;                 /* as written, prefix included */
    WCHAR *value;                /* entities replaced */
};

struct xml_ns
{
    struct xml_ns *next;
    WCHAR *prefix;               /* "" for the default namespace */
    WCHAR *uri;
};

struct xml_node
{
    struct xml_node *parent, *children, *last_child, *next;
    WCHAR *ns;                   /* the element's namespace URI, "" if none */
    WCHAR *name;                 /* local name */
    struct xml_attr *attrs;
    unsigned int nattrs;
    struct xml_ns *scope;        /* declarations made on this element */
    WCHAR *text;                 /* its text, entities replaced; NULL if none */
    SIZE_T text_len;
};

struct xml_parser
{
    struct arena *arena;
    const WCHAR *p, *end;
    int depth;
};

static BOOL is_space(WCHAR c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static BOOL is_name_char(WCHAR c)
{
    return !is_space(c) && c != '<' && c != '>' && c != '/' && c != '=' && c != '"' && c != '\'' &&
           c != '?' && c != '!' && c != '&';
}

static BOOL starts(struct xml_parser *x, const WCHAR *s)
{
    const WCHAR *p = x->p;
    for (; *s; s++, p++) if (p >= x->end || *p != *s) return FALSE;
    return TRUE;
}

/* moves past the next occurrence of s; FALSE at the end */
static BOOL skip_past(struct xml_parser *x, const WCHAR *s)
{
    while (x->p < x->end)
    {
        if (starts(x, s))
        {
            x->p += wcslen(s);
            return TRUE;
        }
        x->p++;
    }
    return FALSE;
}

static void skip_spaces(struct xml_parser *x)
{
    while (x->p < x->end && is_space(*x->p)) x->p++;
}

/* comments, processing instructions and <!DOCTYPE>; FALSE on a bad one */
static BOOL skip_misc(struct xml_parser *x, BOOL *skipped)
{
    *skipped = TRUE;
    if (starts(x, L"<!--")) return skip_past(x, L"-->");
    if (starts(x, L"<?")) return skip_past(x, L"?>");
    if (starts(x, L"<!DOCTYPE")) return skip_past(x, L">");
    *skipped = FALSE;
    return TRUE;
}

static WCHAR *parse_name(struct xml_parser *x)
{
    const WCHAR *start = x->p;
    while (x->p < x->end && is_name_char(*x->p)) x->p++;
    if (x->p == start) return NULL;
    return arena_strdup(x->arena, start, x->p - start);
}

/* appends text with its entities replaced; FALSE on an unknown entity */
static BOOL append_text(struct xml_parser *x, WCHAR **buf, SIZE_T *len, const WCHAR *s, SIZE_T n, BOOL entities)
{
    WCHAR *out = arena_alloc(x->arena, (*len + n + 1) * sizeof(WCHAR));
    SIZE_T i, o = *len;

    if (!out) return FALSE;
    if (*len) memcpy(out, *buf, *len * sizeof(WCHAR));
    for (i = 0; i < n; i++)
    {
        ULONG c = 0;
        SIZE_T j;

        if (s[i] != '&' || !entities)
        {
            out[o++] = s[i];
            continue;
        }
        for (j = i + 1; j < n && s[j] != ';'; j++) ;
        if (j == n) return FALSE;
        if (j - i == 3 && !_wcsnicmp(s + i + 1, L"lt", 2)) c = '<';
        else if (j - i == 3 && !_wcsnicmp(s + i + 1, L"gt", 2)) c = '>';
        else if (j - i == 4 && !_wcsnicmp(s + i + 1, L"amp", 3)) c = '&';
        else if (j - i == 5 && !_wcsnicmp(s + i + 1, L"quot", 4)) c = '"';
        else if (j - i == 5 && !_wcsnicmp(s + i + 1, L"apos", 4)) c = '\'';
        else if (s[i + 1] == '#')
        {
            SIZE_T k = i + 2;
            int base = 10;
            if (k < j && (s[k] == 'x' || s[k] == 'X')) base = 16, k++;
            if (k == j) return FALSE;
            for (; k < j; k++)
            {
                int d;
                if (s[k] >= '0' && s[k] <= '9') d = s[k] - '0';
                else if (base == 16 && (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'f') d = (s[k] | 0x20) - 'a' + 10;
                else return FALSE;
                c = c * base + d;
                if (c > 0x10ffff) return FALSE;
            }
        }
        else return FALSE;
        if (c >= 0x10000)
        {
            out[o++] = 0xd800 + ((c - 0x10000) >> 10);
            out[o++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
        }
        else out[o++] = c;
        i = j;
    }
    out[o] = 0;
    *buf = out;
    *len = o;
    return TRUE;
}

static const WCHAR *lookup_ns(const struct xml_node *node, const WCHAR *prefix, SIZE_T len)
{
    for (; node; node = node->parent)
    {
        const struct xml_ns *ns;
        for (ns = node->scope; ns; ns = ns->next)
            if (wcslen(ns->prefix) == len && !memcmp(ns->prefix, prefix, len * sizeof(WCHAR))) return ns->uri;
    }
    if (len == 3 && !memcmp(prefix, L"xml", 6)) return L"http://www.w3.org/XML/1998/namespace";
    return len ? NULL : L"";
}

/* the attributes of a start tag up to '>' or '/>' */
static BOOL parse_attributes(struct xml_parser *x, struct xml_node *node)
{
    unsigned int size = 0;

    for (;;)
    {
        struct xml_attr *a;
        const WCHAR *start;
        WCHAR quote;
        SIZE_T len = 0;

        skip_spaces(x);
        if (x->p >= x->end) return FALSE;
        if (*x->p == '>' || *x->p == '/') return TRUE;
        if (!(node->attrs = grow(x->arena, node->attrs, node->nattrs, &size, sizeof(*node->attrs)))) return FALSE;
        a = &node->attrs[node->nattrs++];
        if (!(a->name = parse_name(x))) return FALSE;
        skip_spaces(x);
        if (x->p >= x->end || *x->p++ != '=') return FALSE;
        skip_spaces(x);
        if (x->p >= x->end || (*x->p != '"' && *x->p != '\'')) return FALSE;
        quote = *x->p++;
        for (start = x->p; x->p < x->end && *x->p != quote; x->p++) if (*x->p == '<') return FALSE;
        if (x->p >= x->end) return FALSE;
        a->value = NULL;
        if (!append_text(x, &a->value, &len, start, x->p - start, TRUE)) return FALSE;
        x->p++;
        /* xmlns and xmlns:prefix declare namespaces for this element and below */
        if (!wcscmp(a->name, L"xmlns") || !_wcsnicmp(a->name, L"xmlns:", 6))
        {
            struct xml_ns *ns = arena_alloc(x->arena, sizeof(*ns));
            if (!ns) return FALSE;
            ns->prefix = a->name[5] ? a->name + 6 : L"";
            ns->uri = a->value;
            ns->next = node->scope;
            node->scope = ns;
        }
    }
}

static BOOL parse_element(struct xml_parser *x, struct xml_node *parent, struct xml_node **result);

/* an element's content up to and past its end tag */
static BOOL parse_content(struct xml_parser *x, struct xml_node *node, const WCHAR *qname)
{
    for (;;)
    {
        const WCHAR *start = x->p;
        BOOL skipped;

        while (x->p < x->end && *x->p != '<') x->p++;
        if (x->p >= x->end) return FALSE;
        if (x->p > start && !append_text(x, &node->text, &node->text_len, start, x->p - start, TRUE)) return FALSE;
        if (starts(x, L"</"))
        {
            SIZE_T n = wcslen(qname);
            x->p += 2;
            if ((SIZE_T)(x->end - x->p) < n || memcmp(x->p, qname, n * sizeof(WCHAR))) return FALSE;
            x->p += n;
            skip_spaces(x);
            if (x->p >= x->end || *x->p != '>') return FALSE;
            x->p++;
            return TRUE;
        }
        if (starts(x, L"<![CDATA["))
        {
            x->p += 9;
            start = x->p;
            if (!skip_past(x, L"]]>")) return FALSE;
            if (!append_text(x, &node->text, &node->text_len, start, x->p - 3 - start, FALSE)) return FALSE;
            continue;
        }
        if (!skip_misc(x, &skipped)) return FALSE;
        if (skipped) continue;
        if (!parse_element(x, node, NULL)) return FALSE;
    }
}

static BOOL parse_element(struct xml_parser *x, struct xml_node *parent, struct xml_node **result)
{
    struct xml_node *node;
    WCHAR *qname, *colon;
    const WCHAR *uri;

    if (++x->depth > MAX_DEPTH * 8) return FALSE;
    if (x->p >= x->end || *x->p != '<') return FALSE;
    x->p++;
    if (!(node = arena_alloc(x->arena, sizeof(*node))) || !(qname = parse_name(x))) return FALSE;
    node->parent = parent;
    if (!parse_attributes(x, node)) return FALSE;
    for (colon = qname; *colon && *colon != ':'; colon++) ;
    if (*colon)
    {
        uri = lookup_ns(node, qname, colon - qname);
        node->name = colon + 1;
    }
    else
    {
        uri = lookup_ns(node, L"", 0);
        node->name = qname;
    }
    if (!uri) return FALSE;   /* an undeclared prefix */
    node->ns = (WCHAR *)uri;
    if (parent)
    {
        if (parent->last_child) parent->last_child->next = node;
        else parent->children = node;
        parent->last_child = node;
    }
    if (result) *result = node;
    if (*x->p == '/')
    {
        x->p++;
        if (x->p >= x->end || *x->p++ != '>') return FALSE;
    }
    else
    {
        x->p++;   /* '>' */
        if (!parse_content(x, node, qname)) return FALSE;
    }
    x->depth--;
    return TRUE;
}

/* the document's root element; NULL when the text is not well-formed */
static struct xml_node *parse_document(struct arena *a, const WCHAR *text, ULONG len)
{
    struct xml_parser x = { a, text, text + len, 0 };
    struct xml_node *root = NULL;
    BOOL skipped;

    if (x.p < x.end && *x.p == 0xfeff) x.p++;
    for (;;)
    {
        skip_spaces(&x);
        if (!skip_misc(&x, &skipped)) return NULL;
        if (!skipped) break;
    }
    if (!parse_element(&x, NULL, &root)) return NULL;
    for (;;)
    {
        skip_spaces(&x);
        if (x.p >= x.end || !*x.p) return root;
        if (!skip_misc(&x, &skipped) || !skipped) return NULL;
    }
}

static const WCHAR *attr(const struct xml_node *node, const WCHAR *name)
{
    unsigned int i;
    for (i = 0; i < node->nattrs; i++) if (!wcscmp(node->attrs[i].name, name)) return node->attrs[i].value;
    return NULL;
}

static BOOL is(const struct xml_node *node, const WCHAR *name)
{
    return !wcscmp(node->name, name);
}

/* ======================================================================
 * compiling
 * ====================================================================== */

#define ASM_V1 L"urn:schemas-microsoft-com:asm.v1"

struct compiler
{
    struct actctx *ctx;
    const WCHAR *probe_dir;
    int depth;
};

static NTSTATUS load_assembly(struct compiler *c, const struct manifest_source *src, unsigned int index);

static WCHAR *dup(struct actctx *ctx, const WCHAR *s)
{
    return s ? arena_strdup(&ctx->arena, s, wcslen(s)) : NULL;
}

static NTSTATUS read_identity(struct actctx *ctx, const struct xml_node *node, struct assembly_identity *id)
{
    id->name = dup(ctx, attr(node, L"name"));
    id->type = dup(ctx, attr(node, L"type"));
    id->version = dup(ctx, attr(node, L"version"));
    id->arch = dup(ctx, attr(node, L"processorArchitecture"));
    id->token = dup(ctx, attr(node, L"publicKeyToken"));
    id->language = dup(ctx, attr(node, L"language"));
    return STATUS_SUCCESS;
}

static struct assembly *add_assembly(struct actctx *ctx)
{
    struct assembly *a;

    if (!(ctx->assemblies = grow(&ctx->arena, ctx->assemblies, ctx->nassemblies, &ctx->assemblies_size,
                                 sizeof(*ctx->assemblies)))) return NULL;
    a = &ctx->assemblies[ctx->nassemblies++];
    memset(a, 0, sizeof(*a));
    return a;
}

/* ACTIVATION_CONTEXT_DATA_WINDOW_CLASS_REDIRECTION: Size, Flags, the
 * versioned class name's length and offset, the DLL's; the names follow
 * (offsets from the start: it is also the section's base). wlx does not
 * version class names: the versioned name is the name. */
static void *window_class_data(struct actctx *ctx, const WCHAR *name, const WCHAR *dll, ULONG *size)
{
    ULONG name_len = wcslen(name) * sizeof(WCHAR), dll_len = wcslen(dll) * sizeof(WCHAR);
    ULONG *data;

    *size = 6 * sizeof(ULONG) + name_len + dll_len + 2 * sizeof(WCHAR);
    if (!(data = arena_alloc(&ctx->arena, *size))) return NULL;
    data[0] = 6 * sizeof(ULONG);
    data[1] = 0;
    data[2] = name_len;
    data[3] = 6 * sizeof(ULONG);
    data[4] = dll_len;
    data[5] = data[3] + name_len + sizeof(WCHAR);
    memcpy((BYTE *)data + data[3], name, name_len);
    memcpy((BYTE *)data + data[5], dll, dll_len);
    return data;
}

static NTSTATUS read_file_element(struct actctx *ctx, unsigned int index, const struct xml_node *node)
{
    struct assembly *a = &ctx->assemblies[index];
    struct assembly_file *f, *copy;
    const struct xml_node *child;

    if (!attr(node, L"name")) return STATUS_SXS_CANT_GEN_ACTCTX;
    /* a manifest lists a few files: a new array each time keeps this simple */
    if (!(copy = arena_alloc(&ctx->arena, (a->nfiles + 1) * sizeof(*copy)))) return STATUS_NO_MEMORY;
    if (a->nfiles) memcpy(copy, a->files, a->nfiles * sizeof(*copy));
    a->files = copy;
    f = &a->files[a->nfiles++];
    f->name = dup(ctx, attr(node, L"name"));
    for (child = node->children; child; child = child->next)
    {
        struct window_class *classes, *wc;
        if (!is(child, L"windowClass") || !child->text) continue;
        if (!(classes = arena_alloc(&ctx->arena, (f->nclasses + 1) * sizeof(*classes)))) return STATUS_NO_MEMORY;
        if (f->nclasses) memcpy(classes, f->classes, f->nclasses * sizeof(*classes));
        f->classes = classes;
        wc = &classes[f->nclasses++];
        wc->name = dup(ctx, child->text);
        if (!(wc->data = window_class_data(ctx, wc->name, f->name, &wc->size))) return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
}

static BOOL system_assembly(const WCHAR *name)
{
    return name && !_wcsnicmp(name, L"Microsoft.", 10);
}

static BOOL already_listed(struct actctx *ctx, const WCHAR *name)
{
    unsigned int i;
    for (i = 0; i < ctx->nassemblies; i++)
        if (ctx->assemblies[i].id.name && !_wcsicmp(ctx->assemblies[i].id.name, name)) return TRUE;
    return FALSE;
}

static WCHAR *concat(struct actctx *ctx, const WCHAR *a, const WCHAR *b, const WCHAR *c, const WCHAR *d)
{
    SIZE_T la = wcslen(a), lb = wcslen(b), lc = wcslen(c), ld = wcslen(d);
    WCHAR *s = arena_alloc(&ctx->arena, (la + lb + lc + ld + 1) * sizeof(WCHAR));
    if (!s) return NULL;
    memcpy(s, a, la * sizeof(WCHAR));
    memcpy(s + la, b, lb * sizeof(WCHAR));
    memcpy(s + la + lb, c, lc * sizeof(WCHAR));
    memcpy(s + la + lb + lc, d, ld * sizeof(WCHAR));
    return s;
}

/* a <dependentAssembly>: listed, and read when it is a private one */
static NTSTATUS add_dependency(struct compiler *c, const struct xml_node *node, BOOL optional)
{
    struct actctx *ctx = c->ctx;
    const struct xml_node *id;
    struct assembly_identity ident;
    struct manifest_source src;
    unsigned int index;
    NTSTATUS status;

    for (id = node->children; id; id = id->next) if (is(id, L"assemblyIdentity")) break;
    if (!id) return STATUS_SXS_CANT_GEN_ACTCTX;
    memset(&ident, 0, sizeof(ident));
    read_identity(ctx, id, &ident);
    if (!ident.name) return STATUS_SXS_CANT_GEN_ACTCTX;
    if (already_listed(ctx, ident.name)) return STATUS_SUCCESS;
    if (system_assembly(ident.name))
    {
        struct assembly *a = add_assembly(ctx);
        if (!a) return STATUS_NO_MEMORY;
        a->id = ident;
        return STATUS_SUCCESS;
    }
    if (c->depth >= MAX_DEPTH) return STATUS_SXS_CANT_GEN_ACTCTX;
    memset(&src, 0, sizeof(src));
    src.probe_dir = c->probe_dir;
    index = ctx->nassemblies;
    if (!add_assembly(ctx)) return STATUS_NO_MEMORY;
    ctx->assemblies[index].id = ident;
    /* NAME.manifest beside the application, then in a folder of its name */
    src.path = concat(ctx, c->probe_dir, ident.name, L".manifest", L"");
    c->depth++;
    status = load_assembly(c, &src, index);
    if (status == STATUS_OBJECT_NAME_NOT_FOUND || status == STATUS_OBJECT_PATH_NOT_FOUND)
    {
        src.path = concat(ctx, c->probe_dir, ident.name, L"\\", ident.name);
        src.path = concat(ctx, src.path, L".manifest", L"", L"");
        status = load_assembly(c, &src, index);
        if (!status) ctx->assemblies[index].directory = concat(ctx, c->probe_dir, ident.name, L"\\", L"");
    }
    c->depth--;
    if (status == STATUS_OBJECT_NAME_NOT_FOUND || status == STATUS_OBJECT_PATH_NOT_FOUND)
    {
        ctx->nassemblies = index;   /* not there */
        return optional ? STATUS_SUCCESS : STATUS_SXS_CANT_GEN_ACTCTX;
    }
    return status;
}

static ULONG run_level(const WCHAR *level)
{
    if (!level) return ACTCTX_RUN_LEVEL_UNSPECIFIED;
    if (!wcscmp(level, L"asInvoker")) return ACTCTX_RUN_LEVEL_AS_INVOKER;
    if (!wcscmp(level, L"highestAvailable")) return ACTCTX_RUN_LEVEL_HIGHEST_AVAILABLE;
    if (!wcscmp(level, L"requireAdministrator")) return ACTCTX_RUN_LEVEL_REQUIRE_ADMIN;
    return ACTCTX_RUN_LEVEL_UNSPECIFIED;
}

static void read_trust_info(struct actctx *ctx, const struct xml_node *node)
{
    const struct xml_node *child;

    for (child = node->children; child; child = child->next)
    {
        if (is(child, L"requestedExecutionLevel"))
        {
            const WCHAR *ui = attr(child, L"uiAccess");
            ctx->run_level = run_level(attr(child, L"level"));
            ctx->ui_access = ui && !_wcsicmp(ui, L"true");
        }
        else read_trust_info(ctx, child);   /* security, requestedPrivileges */
    }
}

static int hex_digit(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}" */
static BOOL parse_guid(const WCHAR *s, GUID *guid)
{
    static const int groups[5] = { 8, 4, 4, 4, 12 };
    BYTE bytes[16];
    int g, i, n = 0;

    if (!s || *s++ != '{') return FALSE;
    for (g = 0; g < 5; g++)
    {
        for (i = 0; i < groups[g]; i += 2, n++)
        {
            int hi = hex_digit(s[i]), lo = hi < 0 ? -1 : hex_digit(s[i + 1]);
            if (lo < 0) return FALSE;
            bytes[n] = hi * 16 + lo;
        }
        s += groups[g];
        if (*s++ != (g == 4 ? '}' : '-')) return FALSE;
    }
    if (*s) return FALSE;
    guid->Data1 = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    guid->Data2 = (bytes[4] << 8) | bytes[5];
    guid->Data3 = (bytes[6] << 8) | bytes[7];
    memcpy(guid->Data4, bytes + 8, 8);
    return TRUE;
}

/* "10.0.18362.1" as the four 16-bit parts of a ULONGLONG */
static ULONGLONG parse_version(const WCHAR *s)
{
    ULONGLONG v = 0;
    int part;

    for (part = 0; part < 4; part++)
    {
        ULONG n = 0;
        while (*s >= '0' && *s <= '9') n = n * 10 + *s++ - '0';
        v = (v << 16) | (n & 0xffff);
        if (*s == '.') s++;
    }
    return v;
}

static NTSTATUS add_compat(struct actctx *ctx, const GUID *id, ULONG type, ULONGLONG max_tested)
{
    struct compat_element *e;

    if (!(ctx->compat = grow(&ctx->arena, ctx->compat, ctx->ncompat, &ctx->compat_size, sizeof(*ctx->compat))))
        return STATUS_NO_MEMORY;
    e = &ctx->compat[ctx->ncompat++];
    e->id = *id;
    e->type = type;
    e->max_tested = max_tested;
    return STATUS_SUCCESS;
}

static NTSTATUS read_compatibility(struct actctx *ctx, const struct xml_node *node)
{
    const struct xml_node *app, *e;
    ULONGLONG max_tested = 0;
    GUID guid;
    NTSTATUS status;

    for (app = node->children; app; app = app->next)
    {
        if (!is(app, L"application")) continue;
        for (e = app->children; e; e = e->next)
            if (is(e, L"maxversiontested") && attr(e, L"Id")) max_tested = parse_version(attr(e, L"Id"));
        for (e = app->children; e; e = e->next)
        {
            if (!is(e, L"supportedOS")) continue;
            if (!parse_guid(attr(e, L"Id"), &guid)) continue;
            if ((status = add_compat(ctx, &guid, ACTCTX_COMPATIBILITY_ELEMENT_TYPE_OS, max_tested))) return status;
        }
    }
    return STATUS_SUCCESS;
}

static NTSTATUS read_settings(struct actctx *ctx, const struct xml_node *node)
{
    const struct xml_node *ws, *s;

    for (ws = node->children; ws; ws = ws->next)
    {
        if (!is(ws, L"windowsSettings")) continue;
        for (s = ws->children; s; s = s->next)
        {
            struct app_setting *set;
            if (!(ctx->settings = grow(&ctx->arena, ctx->settings, ctx->nsettings, &ctx->settings_size,
                                       sizeof(*ctx->settings)))) return STATUS_NO_MEMORY;
            set = &ctx->settings[ctx->nsettings++];
            set->ns = s->ns;
            set->name = s->name;
            set->value = s->text ? s->text : L"";
        }
    }
    return STATUS_SUCCESS;
}

static NTSTATUS compile(struct compiler *c, const struct xml_node *root, unsigned int index)
{
    struct actctx *ctx = c->ctx;
    const struct xml_node *node, *dep;
    const WCHAR *version = attr(root, L"manifestVersion");
    NTSTATUS status;

    if (!is(root, L"assembly") || wcscmp(root->ns, ASM_V1) || !version || wcscmp(version, L"1.0"))
        return STATUS_SXS_CANT_GEN_ACTCTX;
    for (node = root->children; node; node = node->next)
    {
        status = STATUS_SUCCESS;
        if (is(node, L"assemblyIdentity"))
        {
            if (!index) status = read_identity(ctx, node, &ctx->assemblies[0].id);
        }
        else if (is(node, L"file")) status = read_file_element(ctx, index, node);
        else if (is(node, L"dependency"))
        {
            const WCHAR *optional = attr(node, L"optional");
            for (dep = node->children; dep && !status; dep = dep->next)
                if (is(dep, L"dependentAssembly"))
                    status = add_dependency(c, dep, optional && !_wcsicmp(optional, L"yes"));
        }
        else if (!index && is(node, L"trustInfo")) read_trust_info(ctx, node);
        else if (!index && is(node, L"compatibility")) status = read_compatibility(ctx, node);
        else if (!index && is(node, L"application")) status = read_settings(ctx, node);
        if (status) return status;
    }
    return STATUS_SUCCESS;
}

/* reads the manifest of assembly index of the context */
static NTSTATUS load_assembly(struct compiler *c, const struct manifest_source *src, unsigned int index)
{
    struct arena doc = { NULL };
    struct xml_node *root;
    WCHAR *text;
    ULONG len;
    NTSTATUS status;

    if (src->module) status = read_resource(&doc, src->module, src->resource, src->lang, &text, &len);
    else status = read_file(&doc, src->path, &text, &len);
    if (!status)
    {
        if (!(root = parse_document(&c->ctx->arena, text, len))) status = STATUS_SXS_CANT_GEN_ACTCTX;
        else
        {
            c->ctx->assemblies[index].manifest_path = dup(c->ctx, src->path);
            status = compile(c, root, index);
        }
    }
    arena_free(&doc);
    return status;
}

NTSTATUS manifest_load(struct actctx *ctx, const struct manifest_source *src)
{
    struct compiler c = { ctx, src->probe_dir, 0 };

    if (!add_assembly(ctx)) return STATUS_NO_MEMORY;
    return load_assembly(&c, src, 0);
}
