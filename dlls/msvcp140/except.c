/*
 * dlls/msvcp140/except.c — the exception classes msvcp140 throws and the
 * throwers MSVC's headers call out of line: std::_Xlength_error and its
 * siblings, _Throw_Cpp_error / _Throw_C_error (std::system_error),
 * _Throw_future_error (std::future_error) and std::uncaught_exception(s).
 *
 * A program catches our objects through the tables a compiler would have
 * emitted for these classes: the catch clause names ".?AVlength_error@std@@"
 * and the frame handler compares that name with our type descriptors'; the
 * catchable-type list of each thrown class holds all its bases, so catch
 * (std::logic_error &) and catch (std::exception &) take it too. The RTTI
 * before each vtable (locator, hierarchy, base classes) lets typeid and
 * dynamic_cast work on a caught object, and each class has its own copy
 * constructor for a catch by value (which slices to the caught class).
 *
 * Layout (MSVC's): the vtable (slot 0 the deleting destructor, slot 1
 * what()), std::exception's message (vcruntime's __std_exception_data),
 * then for std::system_error and std::future_error their std::error_code.
 */
#include "private.h"

extern IMAGE_DOS_HEADER __ImageBase;

#define MAX_DEPTH 5               /* system_error, _System_error, runtime_error, exception */

/* X(id, name, base, what a default-constructed one says, has an error_code) */
#define STD_CLASSES(X) \
    X(STD_EXCEPTION,         "exception",         -1,                   NULL, 0) \
    X(STD_BAD_EXCEPTION,     "bad_exception",     STD_EXCEPTION,        "bad exception", 0) \
    X(STD_BAD_ALLOC,         "bad_alloc",         STD_EXCEPTION,        "bad allocation", 0) \
    X(STD_BAD_FUNCTION_CALL, "bad_function_call", STD_EXCEPTION,        "bad function call", 0) \
    X(STD_LOGIC_ERROR,       "logic_error",       STD_EXCEPTION,        NULL, 0) \
    X(STD_LENGTH_ERROR,      "length_error",      STD_LOGIC_ERROR,      NULL, 0) \
    X(STD_OUT_OF_RANGE,      "out_of_range",      STD_LOGIC_ERROR,      NULL, 0) \
    X(STD_INVALID_ARGUMENT,  "invalid_argument",  STD_LOGIC_ERROR,      NULL, 0) \
    X(STD_RUNTIME_ERROR,     "runtime_error",     STD_EXCEPTION,        NULL, 0) \
    X(STD_OVERFLOW_ERROR,    "overflow_error",    STD_RUNTIME_ERROR,    NULL, 0) \
    X(STD_SYSTEM_ERROR_BASE, "_System_error",     STD_RUNTIME_ERROR,    NULL, 1) \
    X(STD_SYSTEM_ERROR,      "system_error",      STD_SYSTEM_ERROR_BASE, NULL, 1) \
    X(STD_FUTURE_ERROR,      "future_error",      STD_LOGIC_ERROR,      NULL, 1) \
    X(STD_IOS_FAILURE,       "failure@ios_base",  STD_SYSTEM_ERROR,     NULL, 1) \
    X(STD_REGEX_ERROR,       "regex_error",       STD_RUNTIME_ERROR,    NULL, 2)

struct class_desc
{
    const char *name;             /* unqualified: the type name is ".?AV<name>@std@@" */
    int base;                     /* its base class, -1: none */
    const char *default_what;
    int has_code;                 /* after the message: 1 an error_code, 2 an int (regex_error's) */
};

#define DESC(id, name, base, what, code) [id] = { name, base, what, code },
static const struct class_desc descs[STD_CLASS_COUNT] = { STD_CLASSES(DESC) };

/* what the compiler would have emitted for one class */
struct class_tables
{
    struct { const void *vtable; char *undecorated; char name[32]; } type;   /* TypeDescriptor (no
                                   vtable: type_info's members are the program's and call none) */
    struct cxx_catchable_type catchable;
    struct rtti_base rtti_base;                 /* the class in any hierarchy (single inheritance) */
    struct rtti_hierarchy hierarchy;
    int bases[MAX_DEPTH];                       /* the class, then its bases outward */
    struct { int count; int rvas[MAX_DEPTH]; } catchables;   /* CatchableTypeArray */
    struct cxx_throw_info throw_info;
    struct rtti_locator locator;
    const void *vtable[3];                      /* the locator, then the virtual functions */
};

static struct class_tables tables[STD_CLASS_COUNT];

/* ---- the members ---- */

static void __cdecl object_dtor(struct std_exception_object *e)
{
    __std_exception_destroy(&e->data);
}

static void *__cdecl object_deleting_dtor(struct std_exception_object *e, unsigned int flags)
{
    object_dtor(e);
    if (flags & 1) free(e);
    return e;
}

static const char *__cdecl object_what(const struct std_exception_object *e)
{
    return e->data.what ? e->data.what : "Unknown exception";
}

static size_t object_size(enum std_class_id id)
{
    static const size_t extra[] = { 0, sizeof(struct std_error_code), 8 };
    return offsetof(struct std_exception_object, code) + extra[descs[id].has_code];
}

/* the copy constructor of class id: the copy is an id, whatever src is */
static void *copy_as(struct std_exception_object *dst, const struct std_exception_object *src, enum std_class_id id)
{
    dst->vtable = &tables[id].vtable[1];
    __std_exception_copy(&src->data, &dst->data);
    if (descs[id].has_code == 1) dst->code = src->code;
    else if (descs[id].has_code == 2) dst->code.value = src->code.value;
    return dst;
}

#define COPY_CTOR(id, name, base, what, code) \
    static void *__cdecl copy_##id(struct std_exception_object *d, const struct std_exception_object *s) \
    { return copy_as(d, s, id); }
STD_CLASSES(COPY_CTOR)
#define COPY_CTOR_ENTRY(id, name, base, what, code) [id] = copy_##id,
static void *const copy_ctors[STD_CLASS_COUNT] = { STD_CLASSES(COPY_CTOR_ENTRY) };

/* ---- the tables, built once at process attach ---- */

static int rva(const void *p)
{
    return (int)((const char *)p - (const char *)&__ImageBase);
}

static void build_tables(enum std_class_id id)
{
    static const struct cxx_this_offsets at_start = { 0, -1, 0 };
    struct class_tables *t = &tables[id];
    int depth = 0;

    strcpy(t->type.name, ".?AV");
    strcat(strcat(t->type.name, descs[id].name), "@std@@");
    t->catchable = (struct cxx_catchable_type){ 0, rva(&t->type), at_start, (int)object_size(id), rva(copy_ctors[id]) };
    for (int c = id; c >= 0; c = descs[c].base, depth++)
    {
        t->bases[depth] = rva(&tables[c].rtti_base);
        t->catchables.rvas[depth] = rva(&tables[c].catchable);
    }
    t->catchables.count = depth;
    t->rtti_base = (struct rtti_base){ rva(&t->type), depth - 1, at_start, BCD_HAS_HIERARCHY, rva(&t->hierarchy) };
    t->hierarchy = (struct rtti_hierarchy){ 0, 0, depth, rva(t->bases) };
    t->throw_info = (struct cxx_throw_info){ 0, rva(object_dtor), 0, rva(&t->catchables) };
    t->locator = (struct rtti_locator){ 1, 0, 0, rva(&t->type), rva(&t->hierarchy), rva(&t->locator) };
    t->vtable[0] = &t->locator;
    t->vtable[1] = object_deleting_dtor;
    t->vtable[2] = object_what;
}

void msvcp_init_classes(void)
{
    for (int id = 0; id < STD_CLASS_COUNT; id++) build_tables(id);
}

/* ---- throwing ---- */

/* a new object of class id at e; its ThrowInfo back */
const struct cxx_throw_info *msvcp_init_object(struct std_exception_object *e, enum std_class_id id, const char *what)
{
    /* exception(const char *) keeps a copy of the message; the classes
       with a fixed message keep the literal */
    struct std_exception_data given = { what, 1 };

    memset(e, 0, sizeof(*e));
    e->vtable = &tables[id].vtable[1];
    if (what) __std_exception_copy(&given, &e->data);
    else e->data.what = descs[id].default_what;
    return &tables[id].throw_info;
}

void msvcp_throw(enum std_class_id id, const char *what)
{
    struct std_exception_object e;
    _CxxThrowException(&e, msvcp_init_object(&e, id, what));
    abort();   /* _CxxThrowException does not come back */
}

/* std::system_error(value, category, what): what() is "what: " followed
   by the code's message, as _System_error builds it (our only category
   here is the generic one, whose messages are _Syserror_map's) */
void msvcp_throw_system_error(int value, const struct std_error_category *category, const char *what)
{
    struct std_exception_object e;
    const char *message = std_Syserror_map(value);
    size_t len = strlen(what), mlen = strlen(message);
    char *full = malloc(len + 2 + mlen + 1);

    if (!full) msvcp_throw(STD_BAD_ALLOC, NULL);
    memcpy(full, what, len);
    memcpy(full + len, ": ", 2);
    memcpy(full + len + 2, message, mlen + 1);
    const struct cxx_throw_info *ti = msvcp_init_object(&e, STD_SYSTEM_ERROR, full);

    free(full);
    e.code.value = value;
    e.code.category = category;
    _CxxThrowException(&e, ti);
    abort();
}

void __cdecl std_Xbad_alloc(void) { msvcp_throw(STD_BAD_ALLOC, NULL); }
void __cdecl std_Xbad_function_call(void) { msvcp_throw(STD_BAD_FUNCTION_CALL, NULL); }
void __cdecl std_Xinvalid_argument(const char *what) { msvcp_throw(STD_INVALID_ARGUMENT, what); }
void __cdecl std_Xlength_error(const char *what) { msvcp_throw(STD_LENGTH_ERROR, what); }
void __cdecl std_Xout_of_range(const char *what) { msvcp_throw(STD_OUT_OF_RANGE, what); }
void __cdecl std_Xoverflow_error(const char *what) { msvcp_throw(STD_OVERFLOW_ERROR, what); }
void __cdecl std_Xruntime_error(const char *what) { msvcp_throw(STD_RUNTIME_ERROR, what); }

/* _Throw_Cpp_error's codes (MSVC's _Cpp_error enum) and what each throws */
static const struct { int errc; const char *what; } cpp_errors[] =
{
    { 16, "device or resource busy" },          /* _BUSY: errc::device_or_resource_busy */
    { 22, "invalid argument" },                 /* _INVALID_ARGUMENT */
    { 3,  "no such process" },                  /* _NO_SUCH_PROCESS */
    { 12, "not enough memory" },                /* _NOT_ENOUGH_MEMORY */
    { 1,  "operation not permitted" },          /* _OPERATION_NOT_PERMITTED */
    { 36, "resource deadlock would occur" },    /* _RESOURCE_DEADLOCK_WOULD_OCCUR */
    { 11, "resource unavailable try again" },   /* _RESOURCE_UNAVAILABLE_TRY_AGAIN */
};

void __cdecl std_Throw_Cpp_error(int code)
{
    if (code < 0 || code >= (int)(sizeof(cpp_errors) / sizeof(cpp_errors[0]))) abort();
    msvcp_throw_system_error(cpp_errors[code].errc, &msvcp_generic_category, cpp_errors[code].what);
}

/* a _Thrd_result the headers' _Check_C_return found wrong */
void __cdecl std_Throw_C_error(int code)
{
    switch (code)
    {
    case THRD_NOMEM:
    case THRD_TIMEDOUT: std_Throw_Cpp_error(6);
    case THRD_BUSY:     std_Throw_Cpp_error(0);
    case THRD_ERROR:    std_Throw_Cpp_error(1);
    default:            abort();
    }
}

/* std::_Future_error_map: future_errc's messages, NULL for another value */
const char *__cdecl std_Future_error_map(int code)
{
    static const char *const messages[] =
    {
        NULL, "broken promise", "future already retrieved", "promise already satisfied", "no state",
    };
    return code > 0 && code < (int)ARRAYSIZE(messages) ? messages[code] : NULL;
}

/* std::future_error(code): a logic_error whose what() is the code's
   message (the category is the program's future_category()) */
void __cdecl std_Throw_future_error(const struct std_error_code *code)
{
    struct std_exception_object e;
    const struct cxx_throw_info *ti = msvcp_init_object(&e, STD_FUTURE_ERROR, NULL);
    const char *message = std_Future_error_map(code->value);

    e.data.what = message ? message : "Unknown exception";
    e.code = *code;
    _CxxThrowException(&e, ti);
    abort();
}

BOOL __cdecl std_uncaught_exception(void)
{
    return __uncaught_exceptions() > 0;
}

int __cdecl std_uncaught_exceptions(void)
{
    return __uncaught_exceptions();
}

/* std::_Raise_handler: a hook the library's exception raising calls when
   set (ICU's icuin77.dll imports it; nothing here ever sets it) */
void (*msvcp_raise_handler)(const void *exception) = 0;

/* std::_Xregex_error(error_type): a std::regex_error carrying the code,
   its message the standard's description of it */
void __cdecl std_Xregex_error(int code)
{
    static const char *const messages[] =
    {
        "regex_error(error_collate): The expression contained an invalid collating element name.",
        "regex_error(error_ctype): The expression contained an invalid character class name.",
        "regex_error(error_escape): The expression contained an invalid escaped character, or a trailing escape.",
        "regex_error(error_backref): The expression contained an invalid back reference.",
        "regex_error(error_brack): The expression contained mismatched [ and ].",
        "regex_error(error_paren): The expression contained mismatched ( and ).",
        "regex_error(error_brace): The expression contained mismatched { and }.",
        "regex_error(error_badbrace): The expression contained an invalid range in a { expression }.",
        "regex_error(error_range): The expression contained an invalid character range, such as [b-a] in most encodings.",
        "regex_error(error_space): There was insufficient memory to convert the expression into a finite state machine.",
        "regex_error(error_badrepeat): One of *?+{ was not preceded by a valid regular expression.",
        "regex_error(error_complexity): The complexity of an attempted match against a regular expression exceeded a pre-set level.",
        "regex_error(error_stack): There was insufficient memory to determine whether the regular expression could match the specified character sequence.",
        "regex_error(error_parse)",
        "regex_error(error_syntax)",
    };
    struct std_exception_object e;
    const char *what = code >= 0 && code < (int)ARRAYSIZE(messages) ? messages[code] : "regex_error";
    const struct cxx_throw_info *ti = msvcp_init_object(&e, STD_REGEX_ERROR, NULL);

    e.data.what = what;                       /* a literal, never freed */
    e.code.value = code;
    _CxxThrowException(&e, ti);
    abort();
}

/* ios_base::failure(what), as ios_base::clear throws it for a state bit
   the stream's exceptions() asked for: a system_error of io_errc::stream
   (1), whose what() is "what: iostream stream error" */
void msvcp_throw_ios_failure(const char *what)
{
    struct std_exception_object e;
    char full[96];
    const struct cxx_throw_info *ti;

    strcpy(full, what);                       /* one of clear()'s three messages: it fits */
    strcat(full, ": iostream stream error");
    ti = msvcp_init_object(&e, STD_IOS_FAILURE, full);
    e.code.value = 1;
    e.code.category = &msvcp_generic_category;
    _CxxThrowException(&e, ti);
    abort();
}
