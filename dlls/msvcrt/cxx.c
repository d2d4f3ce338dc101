/*
 * dlls/msvcrt/cxx.c — the C++ runtime around MSVC-style exceptions (the
 * frame handler is cxx_frame.c): throwing and rethrowing, the exception
 * object's end, terminate/unexpected and their handlers, the structured
 * exception translator, uncaught and current exceptions, std::exception's
 * string helpers and type_info.
 */
#include "cxx.h"
#include "undname.h"

/* ---- the exception record ---- */

BOOL cxx_is_cxx_exception(const EXCEPTION_RECORD *rec)
{
    return rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
           rec->ExceptionInformation[0] >= CXX_MAGIC_VC6 && rec->ExceptionInformation[0] <= CXX_MAGIC_VC8 &&
           rec->ExceptionInformation[2];
}

/* the thrown object's destructor, once its last catch block is over */
void cxx_destroy_object(const EXCEPTION_RECORD *rec)
{
    const struct cxx_throw_info *ti = (const struct cxx_throw_info *)rec->ExceptionInformation[2];
    void *object = (void *)rec->ExceptionInformation[1];
    ULONG64 base = rec->NumberParameters >= CXX_EXCEPTION_PARAMS ? rec->ExceptionInformation[3] : 0;

    if (object && ti->destructor_rva) cxx_call_guarded((void *)(base + ti->destructor_rva), (ULONG64)object, 0, 0);
}

/* does a running catch block other than skip handle rec's object? (or a
   frame registered with _CreateFrameInfo) */
BOOL cxx_object_in_use(const struct cxx_catch_node *skip, const EXCEPTION_RECORD *rec)
{
    if (cxx_frame_infos_hold((void *)rec->ExceptionInformation[1])) return TRUE;
    for (const struct cxx_catch_node *n = msvcrt_get_thread_data()->cxx_catches; n; n = n->next)
    {
        if (n == skip || !n->rec || !cxx_is_cxx_exception(n->rec)) continue;
        if (n->rec->ExceptionInformation[1] == rec->ExceptionInformation[1]) return TRUE;
    }
    return FALSE;
}

/* throw object; throw; is _CxxThrowException(NULL, NULL): the exception of
   the innermost running catch block again. Without one, the exception has
   no type: no catch block takes it and it ends up unhandled. */
void WINAPI _CxxThrowException(void *object, const struct cxx_throw_info *ti)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    ULONG_PTR args[CXX_EXCEPTION_PARAMS] = { CXX_MAGIC_VC6, (ULONG_PTR)object, (ULONG_PTR)ti, 0 };

    if (!ti)
    {
        const EXCEPTION_RECORD *current = data->cxx_current_rec;
        if (current && cxx_is_cxx_exception(current)) memcpy(args, current->ExceptionInformation, sizeof(args));
    }
    else
    {
        void *base;
        RtlPcToFileHeader((void *)ti, &base);
        args[3] = (ULONG_PTR)base;
    }
    RaiseException(CXX_EXCEPTION, EXCEPTION_NONCONTINUABLE, CXX_EXCEPTION_PARAMS, args);
}

/* is this exception a throw; of one being handled? */
BOOL __cdecl __CxxDetectRethrow(EXCEPTION_POINTERS *ptrs)
{
    if (!ptrs || !cxx_is_cxx_exception(ptrs->ExceptionRecord)) return FALSE;
    return cxx_object_in_use(NULL, ptrs->ExceptionRecord);
}

/* ---- terminate and unexpected ---- */

/* the set_* functions: a per-thread handler's new value, the old one back */
static void *swap_handler(void **slot, void *func)
{
    void *old = *slot;
    *slot = func;
    return old;
}

cxx_terminate_func __cdecl set_terminate(cxx_terminate_func func)
{
    return swap_handler(&msvcrt_get_thread_data()->cxx_terminate, func);
}

cxx_terminate_func __cdecl _get_terminate(void)
{
    return msvcrt_get_thread_data()->cxx_terminate;
}

/* the handler, then abort(): terminate never returns */
void __cdecl terminate(void)
{
    cxx_terminate_func func = msvcrt_get_thread_data()->cxx_terminate;
    if (func) func();
    abort();
}

/* the scope-table handler of a noexcept function holding __try blocks
   (vcruntime140's export; the compiler picks it over __C_specific_handler
   there): a C++ exception that none of the function's scopes takes would
   leave the noexcept function, so the program terminates */
EXCEPTION_DISPOSITION __cdecl __C_specific_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                   DISPATCHER_CONTEXT *dispatch);

EXCEPTION_DISPOSITION __cdecl __C_specific_handler_noexcept(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                            DISPATCHER_CONTEXT *dispatch)
{
    EXCEPTION_DISPOSITION ret = __C_specific_handler(rec, frame, ctx, dispatch);
    if (ret == ExceptionContinueSearch && !(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) &&
        cxx_is_cxx_exception(rec))
        terminate();
    return ret;
}

/* vcruntime's name for what the compiler calls when noexcept is broken */
void __cdecl __std_terminate(void)
{
    terminate();
}

cxx_terminate_func __cdecl set_unexpected(cxx_terminate_func func)
{
    return swap_handler(&msvcrt_get_thread_data()->cxx_unexpected, func);
}

cxx_terminate_func __cdecl _get_unexpected(void)
{
    return msvcrt_get_thread_data()->cxx_unexpected;
}

void __cdecl unexpected(void)
{
    cxx_terminate_func func = msvcrt_get_thread_data()->cxx_unexpected;
    if (func) func();
    terminate();
}

/* the function that turns a system exception into a C++ one (per thread) */
cxx_se_translator_func __cdecl _set_se_translator(cxx_se_translator_func func)
{
    return swap_handler(&msvcrt_get_thread_data()->cxx_se_translator, func);
}

/* ---- uncaught and current exceptions ---- */

int __cdecl __uncaught_exceptions(void)
{
    return msvcrt_get_thread_data()->cxx_uncaught;
}

BOOL __cdecl __uncaught_exception(void)
{
    return __uncaught_exceptions() != 0;
}

/* the record and context of the innermost running catch block's exception */
EXCEPTION_RECORD **__cdecl __current_exception(void)
{
    return &msvcrt_get_thread_data()->cxx_current_rec;
}

CONTEXT **__cdecl __current_exception_context(void)
{
    return &msvcrt_get_thread_data()->cxx_current_ctx;
}

int *__cdecl __processing_throw(void)
{
    return &msvcrt_get_thread_data()->cxx_uncaught;
}

/* ---- std::exception's message (vcruntime's __std_exception_*) ---- */

void __cdecl __std_exception_copy(const struct std_exception_data *from, struct std_exception_data *to)
{
    to->what = from->what;
    to->do_free = 0;
    if (!from->do_free || !from->what) return;
    char *copy = malloc(strlen(from->what) + 1);
    if (!copy) return;   /* keep the pointer, as vcruntime does, but never free it */
    strcpy(copy, from->what);
    to->what = copy;
    to->do_free = 1;
}

void __cdecl __std_exception_destroy(struct std_exception_data *data)
{
    if (data->do_free) free((char *)data->what);
    data->what = NULL;
    data->do_free = 0;
}

/* ---- type_info ---- */

/* what the compiler's type descriptors are, past their vtable pointer */
struct std_type_info_data
{
    char *undecorated;
    char decorated[1];
};

/* "class std::bad_alloc" from ".?AVbad_alloc@std@@", as vcruntime: the
   type's encoding past its '.' through the undecorator (undname.c) as a
   32-bit type alone, trailing blanks cut; what it cannot read comes back as
   it is */
static char *undecorate_type(const char *raw)
{
    char *name = undname_run(NULL, raw + 1, 0, malloc, free, UNDNAME_32_BIT_DECODE | UNDNAME_TYPE_ONLY);
    size_t len;

    if (!name) return NULL;
    len = strlen(name);
    while (len && name[len - 1] == ' ') name[--len] = 0;
    return name;
}

const char *__cdecl __std_type_info_name(struct std_type_info_data *data, void *list)
{
    (void)list;   /* the names are kept for the process' life */
    if (!data->undecorated)
    {
        char *name = undecorate_type(data->decorated);
        if (name && InterlockedCompareExchangePointer((void **)&data->undecorated, name, NULL)) free(name);
    }
    return data->undecorated;
}

void __cdecl __std_type_info_destroy_list(void *list)
{
    (void)list;
}

int __cdecl __std_type_info_compare(const struct std_type_info_data *a, const struct std_type_info_data *b)
{
    return a == b ? 0 : strcmp(a->decorated + 1, b->decorated + 1);
}

size_t __cdecl __std_type_info_hash(const struct std_type_info_data *data)
{
    size_t hash = 0xcbf29ce484222325ull;   /* FNV-1a, as vcruntime */
    for (const char *p = data->decorated + 1; *p; p++) hash = (hash ^ (unsigned char)*p) * 0x100000001b3ull;
    return hash;
}

/* msvcrt's type_info members: this is the object, past it its data */
struct type_info
{
    const void *vtable;
    struct std_type_info_data data;
};

const char *__cdecl type_info_name(const struct type_info *ti)
{
    return __std_type_info_name((struct std_type_info_data *)&ti->data, NULL);
}

const char *__cdecl type_info_raw_name(const struct type_info *ti)
{
    return ti->data.decorated;
}

int __cdecl type_info_equal(const struct type_info *a, const struct type_info *b)
{
    return !__std_type_info_compare(&a->data, &b->data);
}

int __cdecl type_info_not_equal(const struct type_info *a, const struct type_info *b)
{
    return !type_info_equal(a, b);
}

int __cdecl type_info_before(const struct type_info *a, const struct type_info *b)
{
    return __std_type_info_compare(&a->data, &b->data) < 0;
}

void __cdecl type_info_dtor(struct type_info *ti)
{
    (void)ti;   /* the cached name belongs to the type, which outlives this object */
}

/* ??_Etype_info@@UEAAPEAXI@Z: the vector deleting destructor */
void *__cdecl type_info_vector_dtor(struct type_info *ti, unsigned int flags)
{
    if (flags & 1) free(ti);
    return ti;
}

/* type_info's vtable, ??_7type_info@@6B@ */
const void *const type_info_vtable[1] = { (const void *)type_info_vector_dtor };
