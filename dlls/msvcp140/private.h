/*
 * dlls/msvcp140/private.h — what the sources of msvcp140.dll share: the
 * C++ exception ABI (dlls/msvcrt/cxx.h, the tables compilers emit), the
 * exception classes msvcp140 throws (except.c), the error categories of
 * std::system_error (category.c) and the _Thrd_result codes.
 *
 * Files: except.c (the std:: exception classes and the _X* throwers),
 * category.c (error_category objects, errno and Windows error maps),
 * excptptr.c (std::exception_ptr), mutex.c (_Mtx_*, _Cnd_*), thread.c
 * (_Thrd_*, time), chore.c (std::async's thread-pool work), lockit.c
 * (_Lockit, _Init_locks, the shared_ptr spin lock), main.c (the entry
 * point, _Random_device); the iostreams and locale core have their own
 * header, iostream.h.
 */
#ifndef WLX_MSVCP140_PRIVATE_H
#define WLX_MSVCP140_PRIVATE_H

#include "../msvcrt/cxx.h"

/* vcruntime140's */
int __cdecl __uncaught_exceptions(void);
EXCEPTION_RECORD **__cdecl __current_exception(void);
void *__cdecl __AdjustPointer(void *ptr, const struct cxx_this_offsets *off);
void __cdecl __DestructExceptionObject(EXCEPTION_RECORD *rec);

/* ---- except.c: the classes, as MSVC's <stdexcept>/<system_error> lay them out ---- */

enum std_class_id
{
    STD_EXCEPTION, STD_BAD_EXCEPTION, STD_BAD_ALLOC, STD_BAD_FUNCTION_CALL,
    STD_LOGIC_ERROR, STD_LENGTH_ERROR, STD_OUT_OF_RANGE, STD_INVALID_ARGUMENT,
    STD_RUNTIME_ERROR, STD_OVERFLOW_ERROR, STD_SYSTEM_ERROR_BASE, STD_SYSTEM_ERROR,
    STD_FUTURE_ERROR, STD_IOS_FAILURE, STD_REGEX_ERROR, STD_CLASS_COUNT
};

/* std::error_code (and std::error_condition): a value and its category */
struct std_error_code
{
    int value;
    const struct std_error_category *category;
};

/* every class msvcp140 throws is std::exception plus, for system_error
   and future_error, its error_code */
struct std_exception_object
{
    const void *const *vtable;
    struct std_exception_data data;
    struct std_error_code code;   /* std::system_error, future_error and ios_base::failure only;
                                     regex_error keeps its error_type in code.value */
};

void msvcp_init_classes(void);
const struct cxx_throw_info *msvcp_init_object(struct std_exception_object *e, enum std_class_id id, const char *what);
void msvcp_throw(enum std_class_id id, const char *what) __attribute__((noreturn));
void msvcp_throw_ios_failure(const char *what) __attribute__((noreturn));
void msvcp_throw_system_error(int value, const struct std_error_category *category, const char *what)
    __attribute__((noreturn));

void msvcp_init_exception_ptr(void);   /* excptptr.c */
void msvcp_init_locks(void);           /* lockit.c */

/* ---- category.c ---- */

struct std_error_category
{
    const void *const *vtable;
    ULONG_PTR addr;               /* what operator== compares: 3 generic, 7 system */
};

extern const struct std_error_category msvcp_generic_category;
const char *__cdecl std_Syserror_map(int err);

/* _Thrd_result, what _Mtx_*, _Cnd_* and _Thrd_* return */
enum thrd_result { THRD_SUCCESS, THRD_NOMEM, THRD_TIMEDOUT, THRD_BUSY, THRD_ERROR };

/* xtime / _timespec64: an absolute UTC time */
struct xtime
{
    __int64 sec;
    long nsec;
};

#define TIME_UTC_BASE 1           /* TIME_UTC, xtime_get's base */
DWORD msvcp_ms_until(const struct xtime *target);

#endif /* WLX_MSVCP140_PRIVATE_H */
