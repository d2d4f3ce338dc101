/*
 * ntdll/unix/token.c — access tokens: handles, enabled privileges, ids and
 * each thread's impersonation token (include/wlx/token.h).
 *
 * Every process has one synthesized primary token (no server): its fixed
 * content (user, groups, privileges held) is built by ntdll's PE side
 * (ntdll/security.c). Here a token is a shared `token_state` (what can
 * change); each handle is a `token` object carrying the access it was opened
 * with, so that several handles to the process token see the same enabled
 * privileges, as on Windows.
 *
 * Sections: states and handles · open and duplicate · privileges and queries
 * · impersonation · the user's name.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "private.h"
#include "process.h"
#include "thread.h"
#include "wlx/token.h"

#define STATUS_NOT_ALL_ASSIGNED         ((NTSTATUS)0x00000106)
#define STATUS_NO_TOKEN                 ((NTSTATUS)0xC000007C)
#define STATUS_BAD_IMPERSONATION_LEVEL  ((NTSTATUS)0xC00000A5)
#define STATUS_BAD_TOKEN_TYPE           ((NTSTATUS)0xC00000A8)

#define TOKEN_PRIMARY        1
#define TOKEN_IMPERSONATION  2
#define SECURITY_ANONYMOUS   0
#define SECURITY_DELEGATION  3

/* token access rights and their generic mapping */
#define TOKEN_ALL_ACCESS     0x000F01FFu
#define TOKEN_READ           0x00020008u
#define TOKEN_WRITE          0x000200E0u
#define TOKEN_EXECUTE        0x00020000u
#define TOKEN_QUERY          0x00000008u
#define TOKEN_ADJUST_PRIVILEGES 0x00000020u
#define TOKEN_DUPLICATE      0x00000002u
#define TOKEN_IMPERSONATE    0x00000004u
#define MAXIMUM_ALLOWED      0x02000000u
#define GENERIC_ALL          0x10000000u
#define GENERIC_EXECUTE      0x20000000u
#define GENERIC_WRITE        0x40000000u
#define GENERIC_READ         0x80000000u

/* --- states and handles ------------------------------------------------ */

struct token_state {
    int refcount;
    uint32_t type, level;
    uint64_t enabled;
    uint64_t token_id, modified_id;
    uint32_t deny_groups;       /* groups made deny-only (NtFilterToken); a child inherits its primary token's */
};

struct token {
    struct wlx_object obj;
    struct token_state *state;
    uint32_t access;
};

static struct token_state process_token = {
    1, TOKEN_PRIMARY, SECURITY_ANONYMOUS, WLX_PRIVILEGES_DEFAULT, 0x10001, 0x10002
};
static uint64_t next_id = 0x10010;       /* LUIDs of later tokens */
static pthread_mutex_t token_lock = PTHREAD_MUTEX_INITIALIZER;   /* guards `enabled` and ids */
static __thread struct token_state *thread_token;   /* impersonation, or NULL */

static void state_release(struct token_state *s)
{
    if (s != &process_token && __atomic_sub_fetch(&s->refcount, 1, __ATOMIC_ACQ_REL) == 0) free(s);
}

static struct token_state *state_ref(struct token_state *s)
{
    __atomic_add_fetch(&s->refcount, 1, __ATOMIC_ACQ_REL);
    return s;
}

static void token_destroy(struct wlx_object *obj)
{
    state_release(((struct token *)obj)->state);
}

static const struct object_ops token_ops = { "token", token_destroy, NULL, NULL };

static uint32_t map_access(uint32_t access)
{
    if (access & MAXIMUM_ALLOWED) access |= TOKEN_ALL_ACCESS;
    if (access & GENERIC_READ) access |= TOKEN_READ;
    if (access & GENERIC_WRITE) access |= TOKEN_WRITE;
    if (access & GENERIC_EXECUTE) access |= TOKEN_EXECUTE;
    if (access & GENERIC_ALL) access |= TOKEN_ALL_ACCESS;
    return access & TOKEN_ALL_ACCESS;
}

/* a new handle on `state` (whose reference the caller gives up) */
static NTSTATUS token_handle(struct token_state *state, uint32_t access, uint32_t attributes, HANDLE *out)
{
    struct token *t = object_new(&token_ops, sizeof(*t));
    if (!out) { state_release(state); if (t) free(t); return STATUS_ACCESS_VIOLATION; }
    if (!t) { state_release(state); return STATUS_NO_MEMORY; }
    t->state = state;
    t->access = map_access(access);
    *out = handle_alloc(&t->obj, t->access, attributes & OBJ_INHERIT);
    if (!*out) { object_release(&t->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* the state behind a token handle or pseudo-handle, referenced, if the
   handle grants `need` */
static NTSTATUS token_state_get(HANDLE h, uint32_t need, struct token_state **state, uint32_t *access)
{
    struct wlx_object *obj;
    NTSTATUS status;

    if (h == WLX_CURRENT_PROCESS_TOKEN || h == WLX_CURRENT_THREAD_TOKEN || h == WLX_CURRENT_THREAD_EFFECTIVE_TOKEN)
    {
        /* Windows 8+: query-only pseudo-handles */
        struct token_state *s = thread_token;
        if (h == WLX_CURRENT_PROCESS_TOKEN || (!s && h == WLX_CURRENT_THREAD_EFFECTIVE_TOKEN)) s = &process_token;
        if (!s) return STATUS_NO_TOKEN;
        if (need & ~(TOKEN_QUERY | 0x10u /* TOKEN_QUERY_SOURCE */)) return STATUS_ACCESS_DENIED;
        *state = state_ref(s);
        if (access) *access = TOKEN_QUERY | 0x10u;
        return STATUS_SUCCESS;
    }
    if ((status = handle_get(h, &token_ops, &obj))) return status;
    struct token *t = (struct token *)obj;
    if ((t->access & need) != need) status = STATUS_ACCESS_DENIED;
    else
    {
        *state = state_ref(t->state);
        if (access) *access = t->access;
    }
    object_release(obj);
    return status;
}

/* --- open and duplicate ------------------------------------------------- */

/* a process handle: the current process or one opened by OpenProcess; every
   wlx process of this user has the same synthesized token */
static NTSTATUS check_process(HANDLE process)
{
    struct wlx_object *obj;
    NTSTATUS status;

    if (process == NtCurrentProcess()) return STATUS_SUCCESS;
    if ((status = handle_get(process, &process_ops, &obj))) return status;
    object_release(obj);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtOpenProcessTokenEx(HANDLE process, uint32_t access, uint32_t attributes, HANDLE *out)
{
    NTSTATUS status = check_process(process);
    if (status) return status;
    return token_handle(state_ref(&process_token), access, attributes, out);
}

NTSTATUS WINAPI unix_NtOpenProcessToken(HANDLE process, uint32_t access, HANDLE *out)
{
    return unix_NtOpenProcessTokenEx(process, access, 0, out);
}

/* each thread keeps its impersonation token in thread_token, which only it
   can read: another thread's token reads as none (doc/security.md) */
NTSTATUS WINAPI unix_NtOpenThreadTokenEx(HANDLE thread, uint32_t access, uint8_t as_self, uint32_t attributes,
                                         HANDLE *out)
{
    struct wlx_object *obj;
    NTSTATUS status;
    int self = 1;

    (void)as_self;
    if (thread != NtCurrentThread())
    {
        if ((status = handle_get(thread, &thread_ops, &obj))) return status;
        self = pthread_equal(((struct wlx_thread *)obj)->pthread, pthread_self());
        object_release(obj);
    }
    if (!self || !thread_token) return STATUS_NO_TOKEN;
    return token_handle(state_ref(thread_token), access, attributes, out);
}

NTSTATUS WINAPI unix_NtOpenThreadToken(HANDLE thread, uint32_t access, uint8_t as_self, HANDLE *out)
{
    return unix_NtOpenThreadTokenEx(thread, access, as_self, 0, out);
}

/* the impersonation level asked for in the attributes' quality of service
   (SECURITY_QUALITY_OF_SERVICE: Length, then ImpersonationLevel) */
static uint32_t requested_level(const OBJECT_ATTRIBUTES *attr, uint32_t dflt)
{
    const uint32_t *qos = attr ? attr->SecurityQualityOfService : NULL;
    return qos ? qos[1] : dflt;
}

NTSTATUS WINAPI unix_NtDuplicateToken(HANDLE token, uint32_t access, const OBJECT_ATTRIBUTES *attr,
                                      uint8_t effective_only, uint32_t type, HANDLE *out)
{
    struct token_state *src, *copy;
    NTSTATUS status;

    (void)effective_only;
    if (type != TOKEN_PRIMARY && type != TOKEN_IMPERSONATION) return STATUS_INVALID_PARAMETER;
    if ((status = token_state_get(token, TOKEN_DUPLICATE, &src, NULL))) return status;
    uint32_t level = requested_level(attr, src->type == TOKEN_IMPERSONATION ? src->level : SECURITY_ANONYMOUS);
    /* an impersonation token can become no more than it is */
    if (level > SECURITY_DELEGATION ||
        (src->type == TOKEN_IMPERSONATION && level > src->level))
    {
        state_release(src);
        return STATUS_BAD_IMPERSONATION_LEVEL;
    }
    if (!(copy = malloc(sizeof(*copy)))) { state_release(src); return STATUS_NO_MEMORY; }
    pthread_mutex_lock(&token_lock);
    *copy = *src;
    copy->token_id = next_id++;
    copy->modified_id = src->modified_id;
    pthread_mutex_unlock(&token_lock);
    state_release(src);
    copy->refcount = 1;
    copy->type = type;
    copy->level = type == TOKEN_IMPERSONATION ? level : SECURITY_ANONYMOUS;
    return token_handle(copy, access, attr ? attr->Attributes : 0, out);
}

/* --- privileges and queries ---------------------------------------------- */

/* enables `enable` and disables `disable` (masks of wlx/token.h);
   `previous` (optional) gets the privileges enabled before. Privileges the
   token does not hold are left: STATUS_NOT_ALL_ASSIGNED. */
NTSTATUS WINAPI unix___wlx_token_adjust(HANDLE token, uint64_t enable, uint64_t disable, uint64_t *previous)
{
    struct token_state *s;
    NTSTATUS status;

    if ((status = token_state_get(token, TOKEN_ADJUST_PRIVILEGES, &s, NULL))) return status;
    pthread_mutex_lock(&token_lock);
    if (previous) *previous = s->enabled;
    uint64_t before = s->enabled;
    s->enabled = (s->enabled & ~disable) | (enable & WLX_PRIVILEGES_HELD);
    if (s->enabled != before) s->modified_id = next_id++;
    pthread_mutex_unlock(&token_lock);
    state_release(s);
    return (enable & ~WLX_PRIVILEGES_HELD) ? STATUS_NOT_ALL_ASSIGNED : STATUS_SUCCESS;
}

/* what can change of a token: its type, level, privileges and ids. `need`
   is the access the caller's request takes (TOKEN_QUERY for most). */
NTSTATUS WINAPI unix___wlx_token_info(HANDLE token, uint32_t need, struct wlx_token_info *info)
{
    struct token_state *s;
    NTSTATUS status;
    uint32_t access;

    if ((status = token_state_get(token, need, &s, &access))) return status;
    pthread_mutex_lock(&token_lock);
    info->type = s->type;
    info->level = s->level;
    info->enabled = s->enabled;
    info->token_id = s->token_id;
    info->modified_id = s->modified_id;
    info->deny_groups = s->deny_groups;
    pthread_mutex_unlock(&token_lock);
    info->access = access;
    state_release(s);
    return STATUS_SUCCESS;
}

/* NtFilterToken's SIDs to disable, on the copy it just made: the groups
   of mask become deny-only (CheckTokenMembership no longer finds them) */
NTSTATUS WINAPI unix___wlx_token_deny(HANDLE token, uint32_t mask)
{
    struct token_state *s;
    NTSTATUS status;

    if ((status = token_state_get(token, TOKEN_QUERY, &s, NULL))) return status;
    if (s == &process_token) status = STATUS_ACCESS_DENIED;   /* only a new token changes so */
    else
    {
        pthread_mutex_lock(&token_lock);
        s->deny_groups |= mask;
        s->modified_id = next_id++;
        pthread_mutex_unlock(&token_lock);
    }
    state_release(s);
    return status;
}

/* the deny-only groups a child started with `token` (NULL: the caller's
   primary token) has: CreateProcessAsUser's token, or what the parent has */
uint32_t token_child_deny_groups(HANDLE token)
{
    struct token_state *s;
    uint32_t mask;
    if (!token || token_state_get(token, 0, &s, NULL)) return process_token.deny_groups;
    mask = s->deny_groups;
    state_release(s);
    return mask;
}

/* a child's primary token: its parent's deny-only groups (process.c, at start) */
void token_start(uint32_t deny_groups)
{
    process_token.deny_groups = deny_groups;
}

/* --- impersonation -------------------------------------------------------- */

static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

static void thread_key_destroy(void *state)
{
    state_release(state);
}

static void thread_key_init(void)
{
    pthread_key_create(&thread_key, thread_key_destroy);
}

/* the current thread impersonates `token` (an impersonation token), or
   reverts to its process's token when `token` is 0 */
NTSTATUS WINAPI unix___wlx_set_thread_token(HANDLE token)
{
    struct token_state *s = NULL;
    NTSTATUS status;

    if (token)
    {
        if ((status = token_state_get(token, TOKEN_IMPERSONATE, &s, NULL))) return status;
        if (s->type != TOKEN_IMPERSONATION) { state_release(s); return STATUS_BAD_TOKEN_TYPE; }
    }
    if (thread_token) state_release(thread_token);
    thread_token = s;
    /* the key's destructor drops the reference when the thread ends */
    pthread_once(&thread_key_once, thread_key_init);
    pthread_setspecific(thread_key, s);
    return STATUS_SUCCESS;
}

/* --- the user's name ------------------------------------------------------- */

const char *process_user_name(void);   /* process.c */

/* the Linux login name in UTF-16; *size in characters, with the NUL */
NTSTATUS WINAPI unix___wlx_user_name(WCHAR *buf, uint32_t *size)
{
    const char *name = process_user_name();
    size_t len = wlx_utf8_to_utf16(name, strlen(name), NULL, 0);

    if (!buf || *size < len + 1)
    {
        *size = len + 1;
        return STATUS_BUFFER_TOO_SMALL;
    }
    wlx_utf8_to_utf16(name, strlen(name), buf, len);
    buf[len] = 0;
    *size = len + 1;
    return STATUS_SUCCESS;
}
