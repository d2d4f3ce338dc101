/*
 * Miscellaneous: rand/srand (msvcrt's LCG, per thread), sorting and
 * searching (qsort, bsearch, _lfind, _lsearch and *_s forms), integer
 * helpers (abs, div...), signal/raise, _getpid, _sleep.
 */
#include "private.h"
#include <search.h>
#include <signal.h>
#include <string.h>

/* ---- rand ---- */

void __cdecl srand(unsigned int seed)
{
    msvcrt_get_thread_data()->rand_next = seed;
}

int __cdecl rand(void)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();

    /* the documented Microsoft LCG; 15 bits out */
    data->rand_next = data->rand_next * 214013 + 2531011;
    return (data->rand_next >> 16) & 0x7fff;
}

/* ---- integers ---- */

int __cdecl abs(int v) { return v < 0 ? -v : v; }
long __cdecl labs(long v) { return v < 0 ? -v : v; }
long long __cdecl llabs(long long v) { return v < 0 ? -v : v; }
__int64 __cdecl _abs64(__int64 v) { return v < 0 ? -v : v; }

div_t __cdecl div(int num, int den)
{
    div_t r = { num / den, num % den };
    return r;
}

ldiv_t __cdecl ldiv(long num, long den)
{
    ldiv_t r = { num / den, num % den };
    return r;
}

lldiv_t __cdecl lldiv(long long num, long long den)
{
    lldiv_t r = { num / den, num % den };
    return r;
}

/* ---- sorting ---- */

typedef int (__cdecl *cmp_ctx_func)(void *, const void *, const void *);

struct sort
{
    size_t size;
    int (__cdecl *cmp)(const void *, const void *);
    cmp_ctx_func cmp_ctx;
    void *ctx;
};

static int sort_cmp(const struct sort *s, const void *a, const void *b)
{
    return s->cmp ? s->cmp(a, b) : s->cmp_ctx(s->ctx, a, b);
}

static void swap_bytes(char *a, char *b, size_t size)
{
    char tmp;

    if (a == b) return;
    while (size--)
    {
        tmp = *a;
        *a++ = *b;
        *b++ = tmp;
    }
}

static void insertion_sort(const struct sort *s, char *base, size_t count)
{
    size_t i, j;

    for (i = 1; i < count; i++)
        for (j = i; j > 0 && sort_cmp(s, base + (j - 1) * s->size, base + j * s->size) > 0; j--)
            swap_bytes(base + (j - 1) * s->size, base + j * s->size, s->size);
}

/* Quicksort, median-of-three pivot, recursion on the smaller part only. */
static void quick_sort(const struct sort *s, char *base, size_t count)
{
    size_t size = s->size, i, j;
    char *mid, *last;

    while (count > 8)
    {
        mid = base + count / 2 * size;
        last = base + (count - 1) * size;
        if (sort_cmp(s, base, mid) > 0) swap_bytes(base, mid, size);
        if (sort_cmp(s, mid, last) > 0) swap_bytes(mid, last, size);
        if (sort_cmp(s, base, mid) > 0) swap_bytes(base, mid, size);
        swap_bytes(mid, base, size);   /* pivot at base */
        i = 0;
        j = count;
        for (;;)
        {
            do i++; while (i < count && sort_cmp(s, base + i * size, base) < 0);
            do j--; while (sort_cmp(s, base + j * size, base) > 0);
            if (i >= j) break;
            swap_bytes(base + i * size, base + j * size, size);
        }
        swap_bytes(base, base + j * size, size);
        if (j < count - j - 1)
        {
            quick_sort(s, base, j);
            base += (j + 1) * size;
            count -= j + 1;
        }
        else
        {
            quick_sort(s, base + (j + 1) * size, count - j - 1);
            count = j;
        }
    }
    insertion_sort(s, base, count);
}

void __cdecl qsort(void *base, size_t count, size_t size, int (__cdecl *cmp)(const void *, const void *))
{
    struct sort s = { size, cmp, NULL, NULL };

    if (!base && count) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return; }
    if (!cmp || !size) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return; }
    quick_sort(&s, base, count);
}

void __cdecl qsort_s(void *base, size_t count, size_t size, cmp_ctx_func cmp, void *ctx)
{
    struct sort s = { size, NULL, cmp, ctx };

    if ((!base && count) || !cmp || !size) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return; }
    quick_sort(&s, base, count);
}

static void *binary_search(const struct sort *s, const void *key, const char *base, size_t count)
{
    size_t lo = 0, hi = count, mid;
    int r;

    while (lo < hi)
    {
        mid = lo + (hi - lo) / 2;
        r = s->cmp ? s->cmp(key, base + mid * s->size) : s->cmp_ctx(s->ctx, key, base + mid * s->size);
        if (!r) return (void *)(base + mid * s->size);
        if (r < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

void * __cdecl bsearch(const void *key, const void *base, size_t count, size_t size,
                       int (__cdecl *cmp)(const void *, const void *))
{
    struct sort s = { size, cmp, NULL, NULL };

    if (!cmp || (!base && count)) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return binary_search(&s, key, base, count);
}

void * __cdecl bsearch_s(const void *key, const void *base, size_t count, size_t size,
                         cmp_ctx_func cmp, void *ctx)
{
    struct sort s = { size, NULL, cmp, ctx };

    if (!cmp || (!base && count)) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return binary_search(&s, key, base, count);
}

static void *linear_find(const struct sort *s, const void *key, const char *base, unsigned int count)
{
    unsigned int i;

    for (i = 0; i < count; i++)
    {
        const char *elem = base + i * s->size;
        if (!(s->cmp ? s->cmp(key, elem) : s->cmp_ctx(s->ctx, key, elem))) return (void *)elem;
    }
    return NULL;
}

void * __cdecl _lfind(const void *key, const void *base, unsigned int *count, unsigned int size,
                      int (__cdecl *cmp)(const void *, const void *))
{
    struct sort s = { size, cmp, NULL, NULL };

    if (!count || !cmp) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return linear_find(&s, key, base, *count);
}

void * __cdecl _lfind_s(const void *key, const void *base, unsigned int *count, size_t size,
                        cmp_ctx_func cmp, void *ctx)
{
    struct sort s = { size, NULL, cmp, ctx };

    if (!count || !cmp) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return linear_find(&s, key, base, *count);
}

/* _lsearch: as _lfind, but a missing key is appended (the array must have room) */
void * __cdecl _lsearch(const void *key, void *base, unsigned int *count, unsigned int size,
                        int (__cdecl *cmp)(const void *, const void *))
{
    void *found = _lfind(key, base, count, size, cmp);

    if (found || !count || !cmp) return found;
    found = (char *)base + *count * size;
    memcpy(found, key, size);
    (*count)++;
    return found;
}

void * __cdecl _lsearch_s(const void *key, void *base, unsigned int *count, size_t size,
                          cmp_ctx_func cmp, void *ctx)
{
    void *found = _lfind_s(key, base, count, size, cmp, ctx);

    if (found || !count || !cmp) return found;
    found = (char *)base + *count * size;
    memcpy(found, key, size);
    (*count)++;
    return found;
}

/* ---- signals ---- */

typedef void (__cdecl *sig_handler)(int);

#define SIG_SLOTS 23   /* highest number: SIGABRT (22) */

static sig_handler handlers[SIG_SLOTS];
static LONG ctrl_handler_installed;

static BOOL valid_signal(int sig)
{
    switch (sig)
    {
    case SIGINT: case SIGILL: case SIGFPE: case SIGSEGV: case SIGTERM:
    case SIGBREAK: case SIGABRT: case SIGABRT_COMPAT:
        return TRUE;
    }
    return FALSE;
}

static int signal_slot(int sig)
{
    /* SIGABRT_COMPAT (6) is an alias of SIGABRT */
    return sig == SIGABRT_COMPAT ? SIGABRT : sig;
}

static BOOL WINAPI console_ctrl(DWORD type)
{
    int sig = (type == CTRL_C_EVENT) ? SIGINT : (type == CTRL_BREAK_EVENT ? SIGBREAK : 0);
    sig_handler handler;

    if (!sig) return FALSE;
    handler = handlers[sig];
    if (handler == SIG_DFL) return FALSE;
    if (handler != SIG_IGN)
    {
        handlers[sig] = SIG_DFL;  /* reset before the call, as msvcrt */
        handler(sig);
    }
    return TRUE;
}

sig_handler __cdecl signal(int sig, sig_handler handler)
{
    sig_handler old;

    if (!valid_signal(sig) || handler == SIG_ERR)
    {
        *_errno() = EINVAL;
        return SIG_ERR;
    }
    sig = signal_slot(sig);
    _lock(MSVCRT_LOCK_SIGNAL);
    old = handlers[sig];
    handlers[sig] = handler;
    _unlock(MSVCRT_LOCK_SIGNAL);
    if ((sig == SIGINT || sig == SIGBREAK) && !InterlockedExchange(&ctrl_handler_installed, 1))
        SetConsoleCtrlHandler(console_ctrl, TRUE);
    return old;
}

/* abort(): has the program a SIGABRT handler of its own? */
BOOL msvcrt_sigabrt_handled(void)
{
    return __atomic_load_n(&handlers[SIGABRT], __ATOMIC_ACQUIRE) != SIG_DFL;
}

int __cdecl raise(int sig)
{
    sig_handler handler;

    if (!valid_signal(sig))
    {
        *_errno() = EINVAL;
        return -1;
    }
    sig = signal_slot(sig);
    _lock(MSVCRT_LOCK_SIGNAL);
    handler = handlers[sig];
    /* a handler is reset to SIG_DFL before it runs (documented) */
    if (handler != SIG_IGN && handler != SIG_DFL) handlers[sig] = SIG_DFL;
    _unlock(MSVCRT_LOCK_SIGNAL);
    if (handler == SIG_IGN) return 0;
    if (handler == SIG_DFL)
    {
        /* default action: leave with exit code 3 */
        _exit(3);
    }
    if (sig == SIGFPE) ((void (__cdecl *)(int, int))handler)(sig, _FPE_EXPLICITGEN);
    else handler(sig);
    return 0;
}

void ** __cdecl __pxcptinfoptrs(void)
{
    static void *info;
    return &info;
}

/* The C runtime's filter around main (and a thread's start): an exception
   with a signal meaning (an access violation is SIGSEGV, ...) goes to the
   program's signal() handler, which decides: SIG_DFL lets the search go on
   (the process crashes as it would), SIG_IGN or a handler that returns
   resumes execution. */
static const struct { DWORD code; int sig, fpe; } exception_signals[] =
{
    { EXCEPTION_ACCESS_VIOLATION,         SIGSEGV, 0 },
    { EXCEPTION_ILLEGAL_INSTRUCTION,      SIGILL,  0 },
    { EXCEPTION_PRIV_INSTRUCTION,         SIGILL,  0 },
    { EXCEPTION_FLT_DENORMAL_OPERAND,     SIGFPE,  _FPE_DENORMAL },
    { EXCEPTION_FLT_DIVIDE_BY_ZERO,       SIGFPE,  _FPE_ZERODIVIDE },
    { EXCEPTION_FLT_INEXACT_RESULT,       SIGFPE,  _FPE_INEXACT },
    { EXCEPTION_FLT_INVALID_OPERATION,    SIGFPE,  _FPE_INVALID },
    { EXCEPTION_FLT_OVERFLOW,             SIGFPE,  _FPE_OVERFLOW },
    { EXCEPTION_FLT_STACK_CHECK,          SIGFPE,  _FPE_STACKOVERFLOW },
    { EXCEPTION_FLT_UNDERFLOW,            SIGFPE,  _FPE_UNDERFLOW },
};

int __cdecl _XcptFilter(unsigned long code, EXCEPTION_POINTERS *ptrs)
{
    sig_handler handler;
    void *saved, **info;
    int i, sig;

    for (i = 0; i < (int)ARRAYSIZE(exception_signals); i++) if (exception_signals[i].code == code) break;
    if (i == (int)ARRAYSIZE(exception_signals)) return EXCEPTION_CONTINUE_SEARCH;
    sig = exception_signals[i].sig;
    _lock(MSVCRT_LOCK_SIGNAL);
    handler = handlers[sig];
    if (handler != SIG_DFL && handler != SIG_IGN) handlers[sig] = SIG_DFL;   /* reset before the call */
    _unlock(MSVCRT_LOCK_SIGNAL);
    if (handler == SIG_DFL) return EXCEPTION_CONTINUE_SEARCH;
    if (handler == SIG_IGN) return EXCEPTION_CONTINUE_EXECUTION;
    /* the handler may look at the exception through _pxcptinfoptrs */
    info = __pxcptinfoptrs();
    saved = *info;
    *info = ptrs;
    if (sig == SIGFPE) ((void (__cdecl *)(int, int))handler)(sig, exception_signals[i].fpe);
    else handler(sig);
    *info = saved;
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* the UCRT's name for the same filter around an exe's main */
int __cdecl _seh_filter_exe(unsigned long code, EXCEPTION_POINTERS *ptrs)
{
    return _XcptFilter(code, ptrs);
}

/* the UCRT's filter around a DLL's DllMain: only a C++ exception would be
   the exe filter's business, and that one has no signal: everything goes
   on to the next handler */
int __cdecl _seh_filter_dll(unsigned long code, EXCEPTION_POINTERS *ptrs)
{
    if (code != 0xe06d7363) return EXCEPTION_CONTINUE_SEARCH;
    return _seh_filter_exe(code, ptrs);
}

/* ---- process ---- */

int __cdecl _getpid(void)
{
    return GetCurrentProcessId();
}

void __cdecl _sleep(unsigned long ms)
{
    Sleep(ms);
}

void __cdecl _beep(unsigned int freq, unsigned int duration)
{
    Beep(freq, duration);
}

int __cdecl _set_error_mode(int mode)
{
    static int error_mode;
    int old = error_mode;

    if (mode == 3) return old;   /* _REPORT_ERRMODE: query */
    if (mode < 0 || mode > 2)
    {
        *_errno() = EINVAL;
        return -1;
    }
    error_mode = mode;
    return old;
}
