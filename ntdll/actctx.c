/*
 * ntdll/actctx.c — activation contexts: creation from a manifest
 * (ntdll/manifest.c reads it), references, the per-thread activation
 * stack, queries, section lookups and application settings. kernel32's
 * CreateActCtx, ActivateActCtx, QueryActCtxW & co. are thin layers over
 * these.
 *
 * A context is a heap block on a list of live ones (a handle that is not on
 * it is an invalid parameter). NULL names the process's default context:
 * the exe's manifest (RT_MANIFEST 1, else EXE.manifest beside it), read on
 * first need; an exe without one has an empty context.
 *
 * The stack of a thread is the ACTIVATION_CONTEXT_STACK in its TEB
 * (ActivationContextStackPointer points at it); frames are heap blocks, a
 * cookie is a frame's sequence number. A new thread starts with its
 * creator's active context (kernel32/thread.c activates it in the new TEB).
 *
 * RtlCreateActivationContext takes an ACTCTXW here; Windows's takes the
 * compiled data its side-by-side service made, which wlx does not have.
 */
#include "actctx.h"

void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);
size_t __cdecl wcslen(const WCHAR *);
int __cdecl wcscmp(const WCHAR *, const WCHAR *);
int __cdecl _wcsicmp(const WCHAR *, const WCHAR *);
int __cdecl _wcsnicmp(const WCHAR *, const WCHAR *, size_t);
ULONG NTAPI RtlGetFullPathName_U(const WCHAR *, ULONG, WCHAR *, WCHAR **);
WCHAR *__cdecl wcsrchr(const WCHAR *, WCHAR);
void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
NTSTATUS NTAPI LdrFindEntryForAddress(const void *, WLX_LDR_ENTRY **);

#define TEB_ACTIVATION_STACK      0x290   /* TEB->_ActivationStack (x64) */
#define TEB_ACTIVATION_STACK_PTR  0x2c8   /* TEB->ActivationContextStackPointer */

/* RTL_QUERY_INFORMATION_ACTIVATION_CONTEXT_FLAG_* */
#define QUERY_USE_ACTIVE   0x00000001
#define QUERY_IS_MODULE    0x00000002
#define QUERY_IS_ADDRESS   0x00000004
#define QUERY_NO_ADDREF    0x80000000

#define ACTCTX_EMPTY_HANDLE          ((HANDLE)(LONG_PTR)-3)
#define ACTCTX_SYSTEM_DEFAULT_HANDLE ((HANDLE)(LONG_PTR)-4)

struct frame
{
    struct frame *previous;      /* as RTL_ACTIVATION_CONTEXT_STACK_FRAME */
    struct actctx *ctx;
    ULONG flags;
    ULONG_PTR cookie;
};

struct stack
{
    struct frame *active;        /* as ACTIVATION_CONTEXT_STACK */
    LIST_ENTRY frame_cache;
    ULONG flags;
    ULONG next_cookie;
    ULONG stack_id;
};

static RTL_SRWLOCK lock;
static struct actctx *contexts;          /* live ones */
static struct actctx *process_ctx;       /* the default: on the list, never released */
static struct actctx empty_ctx = { ACTCTX_MAGIC, 1 };

static struct actctx *get_process_context(void);

/* ======================================================================
 * contexts and references
 * ====================================================================== */

static struct actctx *new_context(void)
{
    struct actctx *ctx = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*ctx));

    if (!ctx) return NULL;
    ctx->magic = ACTCTX_MAGIC;
    ctx->refs = 1;
    ctx->dll_data[0] = sizeof(ctx->dll_data);
    ctx->dll_data[1] = 2;   /* ACTIVATION_CONTEXT_DATA_DLL_REDIRECTION_PATH_OMITS_ASSEMBLY_ROOT */
    return ctx;
}

static void free_context(struct actctx *ctx)
{
    ctx->magic = 0;
    arena_free(&ctx->arena);
    RtlFreeHeap(PROCESS_HEAP(), 0, ctx);
}

static void publish(struct actctx *ctx)
{
    RtlAcquireSRWLockExclusive(&lock);
    ctx->next = contexts;
    contexts = ctx;
    RtlReleaseSRWLockExclusive(&lock);
}

/* the context a handle names, referenced; NULL if it names none */
static struct actctx *grab(HANDLE handle)
{
    struct actctx *ctx;

    if (handle == ACTCTX_EMPTY_HANDLE || handle == ACTCTX_SYSTEM_DEFAULT_HANDLE) return &empty_ctx;
    RtlAcquireSRWLockExclusive(&lock);
    for (ctx = contexts; ctx; ctx = ctx->next) if (ctx == handle) break;
    if (ctx) InterlockedIncrement(&ctx->refs);
    RtlReleaseSRWLockExclusive(&lock);
    return ctx;
}

static void release(struct actctx *ctx)
{
    struct actctx **p;

    if (!ctx || ctx == &empty_ctx) return;
    if (InterlockedDecrement(&ctx->refs)) return;
    RtlAcquireSRWLockExclusive(&lock);
    for (p = &contexts; *p; p = &(*p)->next)
        if (*p == ctx)
        {
            *p = ctx->next;
            break;
        }
    RtlReleaseSRWLockExclusive(&lock);
    free_context(ctx);
}

void NTAPI RtlAddRefActivationContext(HANDLE handle)
{
    grab(handle);
}

void NTAPI RtlReleaseActivationContext(HANDLE handle)
{
    struct actctx *ctx = grab(handle);

    if (!ctx) return;
    release(ctx);      /* the reference grab took */
    release(ctx);
}

NTSTATUS NTAPI RtlZombifyActivationContext(HANDLE handle)
{
    struct actctx *ctx;

    if (!handle || !(ctx = grab(handle)) || ctx == &empty_ctx) return STATUS_INVALID_PARAMETER;
    ctx->zombie = TRUE;
    release(ctx);
    return STATUS_SUCCESS;
}

/* the folder of a path, with its backslash, in the context's arena */
static WCHAR *folder_of(struct actctx *ctx, const WCHAR *path)
{
    const WCHAR *slash = wcsrchr(path, '\\');
    return slash ? arena_strdup(&ctx->arena, path, slash + 1 - path) : NULL;
}

static WCHAR *with_backslash(struct actctx *ctx, const WCHAR *dir)
{
    SIZE_T len = wcslen(dir);
    WCHAR *s = arena_alloc(&ctx->arena, (len + 2) * sizeof(WCHAR));

    if (!s) return NULL;
    memcpy(s, dir, len * sizeof(WCHAR));
    if (len && dir[len - 1] != '\\') s[len++] = '\\';
    s[len] = 0;
    return s;
}

static WCHAR *full_path(struct actctx *ctx, const WCHAR *path)
{
    WCHAR buf[MAX_PATH * 2];
    ULONG len = RtlGetFullPathName_U(path, sizeof(buf), buf, NULL);

    if (!len || len >= sizeof(buf)) return NULL;
    return arena_strdup(&ctx->arena, buf, len / sizeof(WCHAR));
}

static const UNICODE_STRING *exe_path(void)
{
    return (const UNICODE_STRING *)(PROCESS_PARAMS() + PP_IMAGE_PATH);
}

/* the context of a manifest; info as ACTCTXW, with HMODULE_VALID for a
 * resource (kernel32 maps a file named by lpSource for it) */
NTSTATUS NTAPI RtlCreateActivationContext(HANDLE *handle, const ACTCTXW *info)
{
    struct manifest_source src;
    struct actctx *ctx;
    WCHAR module_path[MAX_PATH];
    NTSTATUS status;

    if (!handle || !info || info->cbSize < sizeof(*info)) return STATUS_INVALID_PARAMETER;
    if (info->dwFlags & ~0xff) return STATUS_INVALID_PARAMETER;
    if (!(info->dwFlags & ACTCTX_FLAG_HMODULE_VALID) && !info->lpSource) return STATUS_INVALID_PARAMETER;
    if ((info->dwFlags & ACTCTX_FLAG_HMODULE_VALID) && !(info->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) &&
        !info->lpSource) return STATUS_INVALID_PARAMETER;
    if ((info->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) && !info->lpResourceName) return STATUS_INVALID_PARAMETER;
    if (!(ctx = new_context())) return STATUS_NO_MEMORY;

    memset(&src, 0, sizeof(src));
    if ((info->dwFlags & (ACTCTX_FLAG_HMODULE_VALID | ACTCTX_FLAG_RESOURCE_NAME_VALID)) ==
        (ACTCTX_FLAG_HMODULE_VALID | ACTCTX_FLAG_RESOURCE_NAME_VALID))
    {
        WLX_LDR_ENTRY *entry;
        src.module = info->hModule;
        src.resource = info->lpResourceName;
        src.lang = (info->dwFlags & ACTCTX_FLAG_LANGID_VALID) ? info->wLangId : 0;
        if (info->lpSource) src.path = full_path(ctx, info->lpSource);
        else if (!LdrFindEntryForAddress((void *)((ULONG_PTR)info->hModule & ~(ULONG_PTR)3), &entry))
        {
            SIZE_T n = entry->FullDllName.Length / sizeof(WCHAR);
            if (n >= MAX_PATH) n = MAX_PATH - 1;
            memcpy(module_path, entry->FullDllName.Buffer, n * sizeof(WCHAR));
            module_path[n] = 0;
            src.path = arena_strdup(&ctx->arena, module_path, n);
        }
    }
    else src.path = full_path(ctx, info->lpSource);
    if (!src.path && !src.module)
    {
        free_context(ctx);
        return STATUS_OBJECT_PATH_NOT_FOUND;
    }
    ctx->root_path = (WCHAR *)src.path;

    /* the application's folder is the exe's unless given */
    if (info->dwFlags & ACTCTX_FLAG_APPLICATION_NAME_VALID && info->lpApplicationName)
        ctx->app_dir = with_backslash(ctx, info->lpApplicationName);
    else
    {
        WCHAR *exe = arena_strdup(&ctx->arena, exe_path()->Buffer, exe_path()->Length / sizeof(WCHAR));
        ctx->app_dir = exe ? folder_of(ctx, exe) : NULL;
    }
    /* private dependencies are looked for beside the manifest */
    if (info->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID && info->lpAssemblyDirectory)
        src.probe_dir = with_backslash(ctx, info->lpAssemblyDirectory);
    else if (src.path) src.probe_dir = folder_of(ctx, src.path);
    if (!src.probe_dir) src.probe_dir = ctx->app_dir ? ctx->app_dir : L"";

    if ((status = manifest_load(ctx, &src)))
    {
        free_context(ctx);
        return status;
    }
    if (info->dwFlags & ACTCTX_FLAG_SET_PROCESS_DEFAULT)
    {
        /* the exe's own manifest came first; an empty default may be replaced */
        struct actctx *current = get_process_context();
        RtlAcquireSRWLockExclusive(&lock);
        if (current && current->nassemblies) status = STATUS_SXS_PROCESS_DEFAULT_ALREADY_SET;
        else
        {
            process_ctx = ctx;
            ctx->refs++;
        }
        RtlReleaseSRWLockExclusive(&lock);
        if (status)
        {
            free_context(ctx);
            return status;
        }
    }
    publish(ctx);
    *handle = ctx;
    return STATUS_SUCCESS;
}

/* the exe's context: its RT_MANIFEST 1, else EXE.manifest; else empty */
static struct actctx *get_process_context(void)
{
    static RTL_SRWLOCK init_lock;
    struct actctx *ctx;
    ACTCTXW info;
    HANDLE handle = NULL;
    WCHAR path[MAX_PATH + 16];
    SIZE_T len = exe_path()->Length / sizeof(WCHAR);

    if (process_ctx) return process_ctx;
    RtlAcquireSRWLockExclusive(&init_lock);
    if (!process_ctx)
    {
        memset(&info, 0, sizeof(info));
        info.cbSize = sizeof(info);
        info.dwFlags = ACTCTX_FLAG_HMODULE_VALID | ACTCTX_FLAG_RESOURCE_NAME_VALID;
        info.hModule = PEB_FIELD(HMODULE, PEB_IMAGE_BASE);
        info.lpResourceName = MAKEINTRESOURCEW(1);
        if (len < MAX_PATH)
        {
            memcpy(path, exe_path()->Buffer, len * sizeof(WCHAR));
            path[len] = 0;
            info.lpSource = path;
        }
        if (RtlCreateActivationContext(&handle, &info))
        {
            handle = NULL;
            if (info.lpSource)
            {
                memcpy(path + len, L".manifest", 10 * sizeof(WCHAR));
                info.dwFlags = 0;
                if (RtlCreateActivationContext(&handle, &info)) handle = NULL;
            }
        }
        if (!handle && (ctx = new_context()))
        {
            publish(ctx);
            handle = ctx;
        }
        process_ctx = (struct actctx *)handle;
    }
    RtlReleaseSRWLockExclusive(&init_lock);
    return process_ctx;
}

/* ======================================================================
 * the activation stack
 * ====================================================================== */

static struct stack *get_stack(BYTE *teb)
{
    struct stack **ptr = (struct stack **)(teb + TEB_ACTIVATION_STACK_PTR);

    if (!*ptr)
    {
        struct stack *s = (struct stack *)(teb + TEB_ACTIVATION_STACK);
        s->frame_cache.Flink = s->frame_cache.Blink = &s->frame_cache;
        *ptr = s;
    }
    return *ptr;
}

NTSTATUS NTAPI RtlActivateActivationContextEx(ULONG flags, void *teb, HANDLE handle, ULONG_PTR *cookie)
{
    struct stack *stack;
    struct frame *frame;
    struct actctx *ctx = NULL;

    if (!cookie) return STATUS_INVALID_PARAMETER;
    if (handle && !(ctx = grab(handle))) return STATUS_INVALID_PARAMETER;
    if (!(frame = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*frame))))
    {
        release(ctx);
        return STATUS_NO_MEMORY;
    }
    stack = get_stack(teb ? teb : teb_ptr());
    frame->previous = stack->active;
    frame->ctx = ctx;
    frame->flags = 0;
    frame->cookie = ++stack->next_cookie;
    stack->active = frame;
    *cookie = frame->cookie;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlActivateActivationContext(ULONG unknown, HANDLE handle, ULONG_PTR *cookie)
{
    return RtlActivateActivationContextEx(0, NULL, handle, cookie);
}

static void pop_frame(struct stack *stack)
{
    struct frame *frame = stack->active;

    stack->active = frame->previous;
    release(frame->ctx);
    RtlFreeHeap(PROCESS_HEAP(), 0, frame);
}

/* the cookie must be the top frame's. Below it: STATUS_SXS_EARLY_DEACTIVATION
 * is raised, unless forced (DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION),
 * which pops down to it; not on the stack: STATUS_SXS_INVALID_DEACTIVATION. */
NTSTATUS NTAPI RtlDeactivateActivationContext(ULONG flags, ULONG_PTR cookie)
{
    struct stack *stack = get_stack(teb_ptr());
    struct frame *frame;

    for (frame = stack->active; frame; frame = frame->previous) if (frame->cookie == cookie) break;
    if (!frame) RtlRaiseStatus(STATUS_SXS_INVALID_DEACTIVATION);
    if (frame != stack->active && !(flags & DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION))
        RtlRaiseStatus(STATUS_SXS_EARLY_DEACTIVATION);
    while (stack->active != frame) pop_frame(stack);
    pop_frame(stack);
    return STATUS_SUCCESS;
}

/* the top frame's context, referenced; NULL when none is active */
NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *handle)
{
    struct stack *stack = get_stack(teb_ptr());
    struct actctx *ctx = stack->active ? stack->active->ctx : NULL;

    if (ctx) InterlockedIncrement(&ctx->refs);
    *handle = ctx;
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI RtlIsActivationContextActive(HANDLE handle)
{
    struct frame *frame;

    for (frame = get_stack(teb_ptr())->active; frame; frame = frame->previous)
        if (frame->ctx == handle) return TRUE;
    return FALSE;
}

NTSTATUS NTAPI RtlAllocateActivationContextStack(void **result)
{
    struct stack *s;

    if (!(s = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*s)))) return STATUS_NO_MEMORY;
    s->frame_cache.Flink = s->frame_cache.Blink = &s->frame_cache;
    *result = s;
    return STATUS_SUCCESS;
}

void NTAPI RtlFreeActivationContextStack(void *ptr)
{
    struct stack *s = ptr;

    if (!s) return;
    while (s->active) pop_frame(s);
    if ((BYTE *)s != teb_ptr() + TEB_ACTIVATION_STACK) RtlFreeHeap(PROCESS_HEAP(), 0, s);
}

/* at thread exit (LdrShutdownThread): what is still active is let go */
void NTAPI RtlFreeThreadActivationContextStack(void)
{
    struct stack **ptr = (struct stack **)(teb_ptr() + TEB_ACTIVATION_STACK_PTR);

    if (!*ptr) return;
    RtlFreeActivationContextStack(*ptr);
    *ptr = NULL;
}

/* ======================================================================
 * queries
 * ====================================================================== */

/* the context a query names, referenced; *named is what basic
 * information reports (NULL for the process's) */
static NTSTATUS query_context(ULONG flags, HANDLE handle, struct actctx **result, HANDLE *named)
{
    struct actctx *ctx;

    if (flags & QUERY_USE_ACTIVE)
    {
        RtlGetActiveActivationContext(&handle);
        if (handle)
        {
            *result = *named = handle;
            return STATUS_SUCCESS;
        }
    }
    else if (flags & (QUERY_IS_MODULE | QUERY_IS_ADDRESS))
    {
        /* wlx does not read the manifests of DLLs: every module has the process's */
        WLX_LDR_ENTRY *entry;
        if (LdrFindEntryForAddress(handle, &entry)) return STATUS_DLL_NOT_FOUND;
        handle = NULL;
    }
    *named = handle;
    if (!handle)
    {
        if (!(ctx = get_process_context())) return STATUS_NO_MEMORY;
        InterlockedIncrement(&ctx->refs);
    }
    else if (!(ctx = grab(handle))) return STATUS_INVALID_PARAMETER;
    *result = ctx;
    return STATUS_SUCCESS;
}

/* the context's encoded identity: the name, then attribute="value" for the
 * others, in alphabetical order, all separated by commas */
static SIZE_T encode_identity(const struct assembly_identity *id, WCHAR *out)
{
    const WCHAR *names[5] = { L"language", L"processorArchitecture", L"publicKeyToken", L"type", L"version" };
    const WCHAR *values[5] = { id->language, id->arch, id->token, id->type, id->version };
    SIZE_T len = 0, n;
    int i;

#define PUT(s, l) do { if (out) memcpy(out + len, s, (l) * sizeof(WCHAR)); len += (l); } while (0)
    if (id->name) PUT(id->name, wcslen(id->name));
    for (i = 0; i < 5; i++)
    {
        if (!values[i]) continue;
        PUT(L",", 1);
        PUT(names[i], wcslen(names[i]));
        PUT(L"=\"", 2);
        n = wcslen(values[i]);
        PUT(values[i], n);
        PUT(L"\"", 1);
    }
    if (out) out[len] = 0;
#undef PUT
    return len;
}

/* appends a string after a query's structure; returns where it went */
static const WCHAR *put_string(BYTE **pos, const WCHAR *s, SIZE_T len)
{
    WCHAR *dst = (WCHAR *)*pos;
    memcpy(dst, s, len * sizeof(WCHAR));
    dst[len] = 0;
    *pos += (len + 1) * sizeof(WCHAR);
    return dst;
}

static SIZE_T str_room(const WCHAR *s)
{
    return s ? (wcslen(s) + 1) * sizeof(WCHAR) : 0;
}

static NTSTATUS query_detailed(struct actctx *ctx, void *buffer, SIZE_T size, SIZE_T *needed)
{
    ACTIVATION_CONTEXT_DETAILED_INFORMATION *info = buffer;
    BYTE *pos;

    *needed = sizeof(*info) + str_room(ctx->root_path) + str_room(ctx->app_dir);
    if (size < *needed) return STATUS_BUFFER_TOO_SMALL;
    memset(info, 0, sizeof(*info));
    pos = (BYTE *)(info + 1);
    info->ulFormatVersion = 1;
    info->ulAssemblyCount = ctx->nassemblies;
    info->ulRootManifestPathType = ctx->root_path ? ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE : ACTIVATION_CONTEXT_PATH_TYPE_NONE;
    info->ulRootConfigurationPathType = ACTIVATION_CONTEXT_PATH_TYPE_NONE;
    info->ulAppDirPathType = ctx->app_dir ? ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE : ACTIVATION_CONTEXT_PATH_TYPE_NONE;
    if (ctx->root_path)
    {
        info->ulRootManifestPathChars = wcslen(ctx->root_path);
        info->lpRootManifestPath = put_string(&pos, ctx->root_path, info->ulRootManifestPathChars);
    }
    if (ctx->app_dir)
    {
        info->ulAppDirPathChars = wcslen(ctx->app_dir);
        info->lpAppDirPath = put_string(&pos, ctx->app_dir, info->ulAppDirPathChars);
    }
    return STATUS_SUCCESS;
}

/* index counts from 1 */
static NTSTATUS query_assembly(struct actctx *ctx, const DWORD *index, void *buffer, SIZE_T size, SIZE_T *needed)
{
    ACTIVATION_CONTEXT_ASSEMBLY_DETAILED_INFORMATION *info = buffer;
    const struct assembly *a;
    SIZE_T id_len;
    BYTE *pos;

    if (!index || !*index || *index > ctx->nassemblies) return STATUS_INVALID_PARAMETER;
    a = &ctx->assemblies[*index - 1];
    id_len = encode_identity(&a->id, NULL);
    *needed = sizeof(*info) + (id_len + 1) * sizeof(WCHAR) + str_room(a->manifest_path) + str_room(a->directory);
    if (size < *needed) return STATUS_BUFFER_TOO_SMALL;
    memset(info, 0, sizeof(*info));
    pos = (BYTE *)(info + 1);
    info->ulEncodedAssemblyIdentityLength = id_len * sizeof(WCHAR);
    info->lpAssemblyEncodedAssemblyIdentity = (WCHAR *)pos;
    encode_identity(&a->id, (WCHAR *)pos);
    pos += (id_len + 1) * sizeof(WCHAR);
    info->ulManifestPathType = a->manifest_path ? ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE : ACTIVATION_CONTEXT_PATH_TYPE_NONE;
    if (a->manifest_path)
    {
        info->ulManifestPathLength = wcslen(a->manifest_path) * sizeof(WCHAR);
        info->lpAssemblyManifestPath = put_string(&pos, a->manifest_path, wcslen(a->manifest_path));
    }
    info->ulPolicyPathType = ACTIVATION_CONTEXT_PATH_TYPE_NONE;
    info->ulManifestVersionMajor = 1;
    if (a->directory)
    {
        info->ulAssemblyDirectoryNameLength = wcslen(a->directory) * sizeof(WCHAR);
        info->lpAssemblyDirectoryName = put_string(&pos, a->directory, wcslen(a->directory));
    }
    info->ulFileCount = a->nfiles;
    return STATUS_SUCCESS;
}

/* both indexes count from 0 */
static NTSTATUS query_file(struct actctx *ctx, const ACTIVATION_CONTEXT_QUERY_INDEX *index, void *buffer,
                           SIZE_T size, SIZE_T *needed)
{
    ASSEMBLY_FILE_DETAILED_INFORMATION *info = buffer;
    const struct assembly *a;
    const WCHAR *name;
    BYTE *pos;

    if (!index || index->ulAssemblyIndex >= ctx->nassemblies) return STATUS_INVALID_PARAMETER;
    a = &ctx->assemblies[index->ulAssemblyIndex];
    if (index->ulFileIndexInAssembly >= a->nfiles) return STATUS_INVALID_PARAMETER;
    name = a->files[index->ulFileIndexInAssembly].name;
    *needed = sizeof(*info) + str_room(name);
    if (size < *needed) return STATUS_BUFFER_TOO_SMALL;
    memset(info, 0, sizeof(*info));
    pos = (BYTE *)(info + 1);
    info->ulFlags = 2;   /* as ACTIVATION_CONTEXT_DATA_DLL_REDIRECTION: no path of its own */
    info->ulFilenameLength = wcslen(name) * sizeof(WCHAR);
    info->lpFileName = put_string(&pos, name, wcslen(name));
    return STATUS_SUCCESS;
}

static NTSTATUS query_compat(struct actctx *ctx, void *buffer, SIZE_T size, SIZE_T *needed)
{
    /* Windows 10's layout: elements of 32 bytes (Id, Type, MaxVersionTested)
     * after the count, 8-aligned */
    struct { DWORD count; DWORD pad; struct { GUID id; ULONG type; ULONGLONG max_tested; } e[1]; } *info = buffer;
    unsigned int i;

    *needed = FIELD_OFFSET(typeof(*info), e[ctx->ncompat]);
    if (size < *needed) return STATUS_BUFFER_TOO_SMALL;
    info->count = ctx->ncompat;
    info->pad = 0;
    for (i = 0; i < ctx->ncompat; i++)
    {
        info->e[i].id = ctx->compat[i].id;
        info->e[i].type = ctx->compat[i].type;
        info->e[i].max_tested = ctx->compat[i].max_tested;
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlQueryInformationActivationContext(ULONG flags, HANDLE handle, void *subinst, ULONG class,
                                                    void *buffer, SIZE_T size, SIZE_T *ret_size)
{
    struct actctx *ctx;
    HANDLE named;
    SIZE_T needed = 0;
    NTSTATUS status;

    if (flags & ~(QUERY_USE_ACTIVE | QUERY_IS_MODULE | QUERY_IS_ADDRESS | QUERY_NO_ADDREF))
        return STATUS_INVALID_PARAMETER;
    if (size && !buffer) return STATUS_INVALID_PARAMETER;
    if ((status = query_context(flags, handle, &ctx, &named))) return status;
    switch (class)
    {
    case ActivationContextBasicInformation:
    {
        ACTIVATION_CONTEXT_BASIC_INFORMATION *info = buffer;
        needed = sizeof(*info);
        if (size < needed) status = STATUS_BUFFER_TOO_SMALL;
        else
        {
            info->hActCtx = named;
            info->dwFlags = 0;
            /* the caller gets a reference of its own unless told not to */
            if (named && !(flags & QUERY_NO_ADDREF)) grab(named);
        }
        break;
    }
    case ActivationContextDetailedInformation:
        status = query_detailed(ctx, buffer, size, &needed);
        break;
    case AssemblyDetailedInformationInActivationContext:
        status = query_assembly(ctx, subinst, buffer, size, &needed);
        break;
    case FileInformationInAssemblyOfAssemblyInActivationContext:
        status = query_file(ctx, subinst, buffer, size, &needed);
        break;
    case RunlevelInformationInActivationContext:
    {
        ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION *info = buffer;
        needed = sizeof(*info);
        if (size < needed) status = STATUS_BUFFER_TOO_SMALL;
        else
        {
            info->ulFlags = 0;
            info->RunLevel = ctx->run_level;
            info->UiAccess = ctx->ui_access;
        }
        break;
    }
    case CompatibilityInformationInActivationContext:
        status = query_compat(ctx, buffer, size, &needed);
        break;
    default:
        status = STATUS_INVALID_PARAMETER;
    }
    release(ctx);
    if (ret_size) *ret_size = needed;
    return status;
}

NTSTATUS NTAPI RtlQueryInformationActiveActivationContext(ULONG class, void *buffer, SIZE_T size, SIZE_T *ret_size)
{
    return RtlQueryInformationActivationContext(QUERY_USE_ACTIVE, NULL, NULL, class, buffer, size, ret_size);
}

/* ======================================================================
 * sections and settings
 * ====================================================================== */

/* ACTCTX_SECTION_KEYED_DATA: the size of its first version (Windows XP) */
#define KEYED_DATA_MIN FIELD_OFFSET(ACTCTX_SECTION_KEYED_DATA, ulFlags)

/* a DLL or a window class in a context: which assembly, and its data */
static BOOL find_key(struct actctx *ctx, ULONG section, const UNICODE_STRING *key, ULONG *index,
                     void **data, ULONG *len)
{
    unsigned int i, j, k;

    for (i = 0; i < ctx->nassemblies; i++)
    {
        const struct assembly *a = &ctx->assemblies[i];
        for (j = 0; j < a->nfiles; j++)
        {
            const struct assembly_file *f = &a->files[j];
            if (section == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION)
            {
                if (wcslen(f->name) * sizeof(WCHAR) != key->Length ||
                    _wcsnicmp(f->name, key->Buffer, key->Length / sizeof(WCHAR))) continue;
                *data = ctx->dll_data;
                *len = sizeof(ctx->dll_data);
                *index = i + 1;
                return TRUE;
            }
            for (k = 0; k < f->nclasses; k++)
            {
                if (wcslen(f->classes[k].name) * sizeof(WCHAR) != key->Length ||
                    _wcsnicmp(f->classes[k].name, key->Buffer, key->Length / sizeof(WCHAR))) continue;
                *data = f->classes[k].data;
                *len = f->classes[k].size;
                *index = i + 1;
                return TRUE;
            }
        }
    }
    return FALSE;
}

NTSTATUS NTAPI RtlFindActivationContextSectionString(ULONG flags, const GUID *guid, ULONG section,
                                                     const UNICODE_STRING *key, void *ptr)
{
    ACTCTX_SECTION_KEYED_DATA *data = ptr;
    struct actctx *ctx = NULL, *candidates[2];
    HANDLE active;
    ULONG index, len;
    void *found;
    int i;

    if (guid || !key || !data || data->cbSize < KEYED_DATA_MIN || (flags & ~7)) return STATUS_INVALID_PARAMETER;
    switch (section)
    {
    case ACTIVATION_CONTEXT_SECTION_ASSEMBLY_INFORMATION:
    case ACTIVATION_CONTEXT_SECTION_COM_PROGID_REDIRECTION:
    case ACTIVATION_CONTEXT_SECTION_GLOBAL_OBJECT_RENAME_TABLE:
        return STATUS_SXS_KEY_NOT_FOUND;   /* nothing wlx keeps there */
    case ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION:
    case ACTIVATION_CONTEXT_SECTION_WINDOW_CLASS_REDIRECTION:
        break;
    default:
        return STATUS_SXS_SECTION_NOT_FOUND;
    }
    /* the active context, then the process's */
    RtlGetActiveActivationContext(&active);
    candidates[0] = active;
    candidates[1] = get_process_context();
    for (i = 0; i < 2 && !ctx; i++)
        if (candidates[i] && find_key(candidates[i], section, key, &index, &found, &len)) ctx = candidates[i];
    if (!ctx)
    {
        release(active);
        return STATUS_SXS_KEY_NOT_FOUND;
    }
    memset((BYTE *)data + sizeof(data->cbSize), 0, data->cbSize - sizeof(data->cbSize));
    data->ulDataFormatVersion = 1;
    data->lpData = found;
    data->ulLength = len;
    data->lpSectionBase = found;
    data->ulSectionTotalLength = len;
    data->ulAssemblyRosterIndex = index;
    if (flags & FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX && ctx != process_ctx)
    {
        InterlockedIncrement(&ctx->refs);
        data->hActCtx = ctx;
    }
    release(active);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlFindActivationContextSectionGuid(ULONG flags, const GUID *ext, ULONG section, const GUID *guid,
                                                   void *ptr)
{
    ACTCTX_SECTION_KEYED_DATA *data = ptr;

    if (ext || !guid || !data || data->cbSize < KEYED_DATA_MIN) return STATUS_INVALID_PARAMETER;
    switch (section)
    {
    case ACTIVATION_CONTEXT_SECTION_COM_SERVER_REDIRECTION:
    case ACTIVATION_CONTEXT_SECTION_COM_INTERFACE_REDIRECTION:
    case ACTIVATION_CONTEXT_SECTION_COM_TYPE_LIBRARY_REDIRECTION:
    case ACTIVATION_CONTEXT_SECTION_CLR_SURROGATES:
        return STATUS_SXS_KEY_NOT_FOUND;   /* manifests' COM entries are not kept */
    }
    return STATUS_SXS_SECTION_NOT_FOUND;
}

static const WCHAR *const settings_namespaces[] =
{
    L"http://schemas.microsoft.com/SMI/2005/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2011/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2013/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2014/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2016/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2017/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2019/WindowsSettings",
    L"http://schemas.microsoft.com/SMI/2020/WindowsSettings",
};

/* a <windowsSettings> value by namespace (NULL: the 2005 one) and name;
 * *written counts characters with the terminator */
NTSTATUS NTAPI RtlQueryActivationContextApplicationSettings(DWORD flags, HANDLE handle, const WCHAR *ns,
                                                            const WCHAR *name, WCHAR *buffer, SIZE_T size,
                                                            SIZE_T *written)
{
    struct actctx *ctx;
    const WCHAR *value = NULL;
    unsigned int i;
    SIZE_T len;

    if (flags || !name) return STATUS_INVALID_PARAMETER;
    if (!ns) ns = settings_namespaces[0];
    for (i = 0; i < sizeof(settings_namespaces) / sizeof(settings_namespaces[0]); i++)
        if (!wcscmp(ns, settings_namespaces[i])) break;
    if (i == sizeof(settings_namespaces) / sizeof(settings_namespaces[0])) return STATUS_INVALID_PARAMETER;
    if (!handle)
    {
        if (!(ctx = get_process_context())) return STATUS_NO_MEMORY;
        InterlockedIncrement(&ctx->refs);
    }
    else if (!(ctx = grab(handle))) return STATUS_INVALID_PARAMETER;
    for (i = 0; i < ctx->nsettings && !value; i++)
        if (!wcscmp(ctx->settings[i].ns, ns) && !wcscmp(ctx->settings[i].name, name)) value = ctx->settings[i].value;
    if (!value)
    {
        release(ctx);
        return STATUS_SXS_KEY_NOT_FOUND;
    }
    len = wcslen(value) + 1;
    if (written) *written = len;
    if (size < len)
    {
        release(ctx);
        return STATUS_BUFFER_TOO_SMALL;
    }
    memcpy(buffer, value, len * sizeof(WCHAR));
    release(ctx);
    return STATUS_SUCCESS;
}
