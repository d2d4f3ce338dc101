/*
 * ntdll/env.c — environment blocks: "name=value\0...\0\0" in UTF-16.
 * Query, set, expand, create and destroy; the process's own block is the one
 * at ProcessParameters->Environment. Names compare case-insensitively and
 * keep the case they were set with; a name may start with '=' (the hidden
 * "=C:=C:\dir" entries) but holds no other '='.
 *
 * Sections: the block · query · set · expand · create/destroy.
 */
#include "private.h"

#ifndef STATUS_VARIABLE_NOT_FOUND
#define STATUS_VARIABLE_NOT_FOUND ((NTSTATUS)0xC0000100)
#endif

WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);

static volatile LONG env_lock_word;

/* the process block changes under a lock (Windows takes the PEB lock) */
static void env_lock(void)
{
    while (InterlockedCompareExchange(&env_lock_word, 1, 0)) NtYieldExecution();
}

static void env_unlock(void)
{
    InterlockedExchange(&env_lock_word, 0);
}

/* --- the block ------------------------------------------------------------ */

static WCHAR **process_env(void)
{
    return (WCHAR **)(PROCESS_PARAMS() + PP_ENVIRONMENT);
}

/* size in WCHARs, the final NUL included */
static SIZE_T block_len(const WCHAR *env)
{
    const WCHAR *p = env;
    if (!*p) return 2;
    while (*p) p += wcslen(p) + 1;
    return p - env + 1;
}

/* the length of an entry's name: up to the first '=' after its first character */
static SIZE_T entry_name_len(const WCHAR *entry)
{
    const WCHAR *eq = entry[0] ? wcschr(entry + 1, '=') : NULL;
    return eq ? (SIZE_T)(eq - entry) : wcslen(entry);
}

static int names_compare(const WCHAR *a, SIZE_T alen, const WCHAR *b, SIZE_T blen)
{
    for (SIZE_T i = 0; i < alen && i < blen; i++)
    {
        WCHAR ca = RtlUpcaseUnicodeChar(a[i]), cb = RtlUpcaseUnicodeChar(b[i]);
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/* the entry called name, or NULL */
static WCHAR *find_entry(WCHAR *env, const WCHAR *name, SIZE_T len)
{
    for (WCHAR *p = env; *p; p += wcslen(p) + 1)
        if (!names_compare(p, entry_name_len(p), name, len)) return p;
    return NULL;
}

/* --- query ------------------------------------------------------------------ */

/* NULL means the process block, read under the lock: pair with env_release */
static WCHAR *env_acquire(WCHAR *env)
{
    if (env) return env;
    env_lock();
    return *process_env();
}

static void env_release(WCHAR *env)
{
    if (!env) env_unlock();
}

static NTSTATUS lookup(WCHAR *env, const WCHAR *name, SIZE_T namelen, const WCHAR **value, SIZE_T *len)
{
    WCHAR *entry = find_entry(env, name, namelen);
    if (!entry) return STATUS_VARIABLE_NOT_FOUND;
    entry += entry_name_len(entry);
    *value = *entry ? entry + 1 : entry;
    *len = wcslen(*value);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(WCHAR *env, const UNICODE_STRING *name, UNICODE_STRING *value)
{
    const WCHAR *v;
    SIZE_T len;
    NTSTATUS status = lookup(env_acquire(env), name->Buffer, name->Length / sizeof(WCHAR), &v, &len);
    if (!status)
    {
        value->Length = len * sizeof(WCHAR);
        if ((len + 1) * sizeof(WCHAR) > value->MaximumLength) status = STATUS_BUFFER_TOO_SMALL;
        else { memcpy(value->Buffer, v, len * sizeof(WCHAR)); value->Buffer[len] = 0; }
    }
    env_release(env);
    return status;
}

/* ret_len: the length without the NUL, or the size needed with it */
NTSTATUS NTAPI RtlQueryEnvironmentVariable(WCHAR *env, const WCHAR *name, SIZE_T namelen, WCHAR *value,
                                           SIZE_T value_len, SIZE_T *ret_len)
{
    const WCHAR *v;
    SIZE_T len = 0;
    NTSTATUS status = lookup(env_acquire(env), name, namelen, &v, &len);
    if (!status)
    {
        if (len < value_len) { memcpy(value, v, len * sizeof(WCHAR)); value[len] = 0; }
        else { status = STATUS_BUFFER_TOO_SMALL; len++; }
    }
    env_release(env);
    if (ret_len) *ret_len = len;
    return status;
}

/* --- set ---------------------------------------------------------------------- */

static WCHAR *alloc_block(SIZE_T chars)
{
    void *p = NULL;
    SIZE_T size = chars * sizeof(WCHAR);
    return NtAllocateVirtualMemory(NtCurrentProcess(), &p, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE) ? NULL : p;
}

static void free_block(WCHAR *env)
{
    void *p = env;
    SIZE_T size = 0;
    /* the loader's first block is not ours to free: that fails harmlessly */
    NtFreeVirtualMemory(NtCurrentProcess(), &p, &size, MEM_RELEASE);
}

/* a new block: env without the entry `drop`, with name=value inserted in order */
static WCHAR *rebuild(const WCHAR *env, const WCHAR *drop, const WCHAR *name, SIZE_T nlen,
                      const WCHAR *value, SIZE_T vlen)
{
    SIZE_T total = block_len(env) + (value ? nlen + vlen + 2 : 0);
    WCHAR *out = alloc_block(total), *o = out;
    int inserted = !value;
    if (!out) return NULL;
    for (const WCHAR *p = env; *p; p += wcslen(p) + 1)
    {
        SIZE_T len = wcslen(p) + 1;
        if (p == drop) continue;
        if (!inserted && names_compare(p, entry_name_len(p), name, nlen) > 0)
        {
            memcpy(o, name, nlen * sizeof(WCHAR)); o += nlen; *o++ = '=';
            memcpy(o, value, vlen * sizeof(WCHAR)); o += vlen; *o++ = 0;
            inserted = 1;
        }
        memcpy(o, p, len * sizeof(WCHAR));
        o += len;
    }
    if (!inserted)
    {
        memcpy(o, name, nlen * sizeof(WCHAR)); o += nlen; *o++ = '=';
        memcpy(o, value, vlen * sizeof(WCHAR)); o += vlen; *o++ = 0;
    }
    *o++ = 0;
    if (o == out + 1) *o = 0;    /* an empty block is two NULs */
    return out;
}

static int valid_name(const WCHAR *name, SIZE_T len)
{
    if (!len) return 0;
    for (SIZE_T i = 1; i < len; i++) if (name[i] == '=') return 0;
    return 1;
}

NTSTATUS NTAPI RtlSetEnvironmentVariable(WCHAR **penv, const UNICODE_STRING *name, const UNICODE_STRING *value)
{
    SIZE_T nlen = name ? name->Length / sizeof(WCHAR) : 0;
    WCHAR **where = penv ? penv : process_env(), *env, *out;
    if (!name || !valid_name(name->Buffer, nlen)) return STATUS_INVALID_PARAMETER;
    if (!penv) env_lock();
    env = *where;
    WCHAR *old = find_entry(env, name->Buffer, nlen);
    if (!old && !value) { if (!penv) env_unlock(); return STATUS_SUCCESS; }
    out = rebuild(env, old, name->Buffer, nlen, value ? value->Buffer : NULL, value ? value->Length / sizeof(WCHAR) : 0);
    if (out)
    {
        *where = out;
        if (!penv) *(SIZE_T *)(PROCESS_PARAMS() + PP_ENVIRONMENT_SIZE) = block_len(out) * sizeof(WCHAR);
        free_block(env);
    }
    if (!penv) env_unlock();
    return out ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

/* --- expand ---------------------------------------------------------------------- */

/* "%name%" becomes the value; unknown names and lone '%' stay as they are.
   Returns the length needed in WCHARs, the NUL included. */
static SIZE_T expand(WCHAR *env, const WCHAR *src, SIZE_T srclen, WCHAR *dst, SIZE_T dstlen)
{
    SIZE_T n = 0;
    const WCHAR *end = src + srclen;
    while (src < end)
    {
        const WCHAR *piece = src, *close;
        SIZE_T len = 1;
        if (*src == '%')
        {
            for (close = src + 1; close < end && *close != '%'; close++) ;
            if (close < end && close > src + 1 && !lookup(env, src + 1, close - src - 1, &piece, &len))
                src = close + 1;
            else
            {
                /* keep "%unknown" and look again from the closing '%' */
                len = close < end ? (SIZE_T)(close - src) : (SIZE_T)(end - src);
                src += len;
            }
        }
        else src++;
        for (SIZE_T i = 0; i < len; i++, n++) if (n < dstlen) dst[n] = piece[i];
    }
    if (n < dstlen) dst[n] = 0;
    return n + 1;
}

NTSTATUS NTAPI RtlExpandEnvironmentStrings(WCHAR *env, const WCHAR *src, SIZE_T srclen, WCHAR *dst,
                                           SIZE_T dstlen, SIZE_T *needed)
{
    SIZE_T len = expand(env_acquire(env), src, srclen, dst, dstlen);
    env_release(env);
    if (needed) *needed = len;
    if (len > dstlen)
    {
        if (dstlen) dst[dstlen - 1] = 0;
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}

/* needed: in bytes, the NUL included */
NTSTATUS NTAPI RtlExpandEnvironmentStrings_U(WCHAR *env, const UNICODE_STRING *src, UNICODE_STRING *dst, ULONG *needed)
{
    SIZE_T len = expand(env_acquire(env), src->Buffer, src->Length / sizeof(WCHAR), dst->Buffer,
                        dst->MaximumLength / sizeof(WCHAR));
    env_release(env);
    if (needed) *needed = len * sizeof(WCHAR);
    if (len * sizeof(WCHAR) > dst->MaximumLength) return STATUS_BUFFER_TOO_SMALL;
    dst->Length = (len - 1) * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* --- create/destroy ------------------------------------------------------------- */

NTSTATUS NTAPI RtlCreateEnvironment(BOOLEAN inherit, WCHAR **env)
{
    WCHAR *out;
    if (inherit)
    {
        env_lock();
        SIZE_T len = block_len(*process_env());
        if ((out = alloc_block(len))) memcpy(out, *process_env(), len * sizeof(WCHAR));
        env_unlock();
    }
    else if ((out = alloc_block(2))) out[0] = out[1] = 0;
    *env = out;
    return out ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

NTSTATUS NTAPI RtlDestroyEnvironment(WCHAR *env)
{
    free_block(env);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlSetCurrentEnvironment(WCHAR *env, WCHAR **old)
{
    env_lock();
    WCHAR *prev = *process_env();
    *process_env() = env;
    *(SIZE_T *)(PROCESS_PARAMS() + PP_ENVIRONMENT_SIZE) = block_len(env) * sizeof(WCHAR);
    env_unlock();
    if (old) *old = prev;
    else free_block(prev);
    return STATUS_SUCCESS;
}
