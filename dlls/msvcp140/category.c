/*
 * dlls/msvcp140/category.c — std::system_error's side: the generic
 * error_category object the codes we throw point to, the errno and
 * Windows error tables MSVC's headers call (_Syserror_map, _Winerror_map)
 * and the system messages (_Winerror_message,
 * __std_system_error_allocate_message).
 *
 * An error_category is a vtable and an "address" that operator== compares
 * (MSVC's headers give the generic category 3, the system one 7, so that
 * the program's category objects equal ours). Its virtual functions, in
 * MSVC's vtable order (overloads are grouped, the last declared first):
 * deleting destructor, name(), message(int) (a std::string returned
 * through a hidden pointer), default_error_condition(int) (likewise),
 * equivalent(const error_code &, int), equivalent(int, const
 * error_condition &).
 */
#include "private.h"

/* errc values (MSVC's errno.h) and their messages: the errc names, as
   MSVC's generic category words them */
static const struct { int code; const char *message; } errno_messages[] =
{
    { 1, "operation not permitted" }, { 2, "no such file or directory" }, { 3, "no such process" },
    { 4, "interrupted" }, { 5, "io error" }, { 6, "no such device or address" },
    { 7, "argument list too long" }, { 8, "executable format error" }, { 9, "bad file descriptor" },
    { 10, "no child process" }, { 11, "resource unavailable try again" }, { 12, "not enough memory" },
    { 13, "permission denied" }, { 14, "bad address" }, { 16, "device or resource busy" },
    { 17, "file exists" }, { 18, "cross device link" }, { 19, "no such device" },
    { 20, "not a directory" }, { 21, "is a directory" }, { 22, "invalid argument" },
    { 23, "too many files open in system" }, { 24, "too many files open" },
    { 25, "inappropriate io control operation" }, { 27, "file too large" }, { 28, "no space on device" },
    { 29, "invalid seek" }, { 30, "read only file system" }, { 31, "too many links" },
    { 32, "broken pipe" }, { 33, "argument out of domain" }, { 34, "result out of range" },
    { 36, "resource deadlock would occur" }, { 38, "filename too long" }, { 39, "no lock available" },
    { 40, "function not supported" }, { 41, "directory not empty" }, { 42, "illegal byte sequence" },
    { 100, "address in use" }, { 101, "address not available" }, { 102, "address family not supported" },
    { 103, "connection already in progress" }, { 104, "bad message" }, { 105, "operation canceled" },
    { 106, "connection aborted" }, { 107, "connection refused" }, { 108, "connection reset" },
    { 109, "destination address required" }, { 110, "host unreachable" }, { 111, "identifier removed" },
    { 112, "operation in progress" }, { 113, "already connected" }, { 114, "too many symbolic link levels" },
    { 115, "message size" }, { 116, "network down" }, { 117, "network reset" },
    { 118, "network unreachable" }, { 119, "no buffer space" }, { 120, "no message available" },
    { 121, "no link" }, { 122, "no message" }, { 123, "no protocol option" },
    { 124, "no stream resources" }, { 125, "not a stream" }, { 126, "not connected" },
    { 127, "state not recoverable" }, { 128, "not a socket" }, { 129, "not supported" },
    { 130, "operation not supported" }, { 132, "value too large" }, { 133, "owner dead" },
    { 134, "protocol error" }, { 135, "protocol not supported" }, { 136, "wrong protocol type" },
    { 137, "stream timeout" }, { 138, "timed out" }, { 139, "text file busy" },
    { 140, "operation would block" },
};

/* std::_Syserror_map: the generic category's message for an errc value */
const char *__cdecl std_Syserror_map(int err)
{
    for (size_t i = 0; i < ARRAYSIZE(errno_messages); i++)
        if (errno_messages[i].code == err) return errno_messages[i].message;
    return "unknown error";
}

/* Windows errors and the errc value each stands for */
static const struct { unsigned short win; unsigned char errc; } win_errors[] =
{
    { ERROR_INVALID_FUNCTION, 40 }, { ERROR_FILE_NOT_FOUND, 2 }, { ERROR_PATH_NOT_FOUND, 2 },
    { ERROR_TOO_MANY_OPEN_FILES, 24 }, { ERROR_ACCESS_DENIED, 13 }, { ERROR_INVALID_HANDLE, 22 },
    { ERROR_NOT_ENOUGH_MEMORY, 12 }, { ERROR_INVALID_ACCESS, 13 }, { ERROR_OUTOFMEMORY, 12 },
    { ERROR_INVALID_DRIVE, 19 }, { ERROR_CURRENT_DIRECTORY, 13 }, { ERROR_NOT_SAME_DEVICE, 18 },
    { ERROR_WRITE_PROTECT, 13 }, { ERROR_BAD_UNIT, 19 }, { ERROR_NOT_READY, 11 },
    { ERROR_SEEK, 5 }, { ERROR_WRITE_FAULT, 5 }, { ERROR_READ_FAULT, 5 },
    { ERROR_SHARING_VIOLATION, 13 }, { ERROR_LOCK_VIOLATION, 39 }, { ERROR_HANDLE_DISK_FULL, 28 },
    { ERROR_DEV_NOT_EXIST, 19 }, { ERROR_FILE_EXISTS, 17 }, { ERROR_CANNOT_MAKE, 13 },
    { ERROR_OPEN_FAILED, 5 }, { ERROR_BUFFER_OVERFLOW, 38 }, { ERROR_DISK_FULL, 28 },
    { ERROR_INVALID_NAME, 2 }, { ERROR_NEGATIVE_SEEK, 22 }, { ERROR_BUSY_DRIVE, 16 },
    { ERROR_DIR_NOT_EMPTY, 41 }, { ERROR_BUSY, 16 }, { ERROR_ALREADY_EXISTS, 17 },
    { ERROR_LOCKED, 39 }, { ERROR_DIRECTORY, 22 }, { ERROR_OPERATION_ABORTED, 105 },
    { ERROR_NOACCESS, 13 }, { ERROR_CANTOPEN, 5 }, { ERROR_CANTREAD, 5 }, { ERROR_CANTWRITE, 5 },
    { ERROR_RETRY, 11 }, { ERROR_DEVICE_IN_USE, 16 }, { ERROR_BAD_NETPATH, 2 }, { ERROR_BROKEN_PIPE, 32 },
    { ERROR_INVALID_PARAMETER, 22 }, { ERROR_NOT_SUPPORTED, 129 }, { ERROR_OPEN_FILES, 16 },
    { ERROR_REPARSE_TAG_INVALID, 22 },
    { WSAEINTR, 4 }, { WSAEBADF, 9 }, { WSAEACCES, 13 }, { WSAEFAULT, 14 }, { WSAEINVAL, 22 },
    { WSAEMFILE, 24 }, { WSAEWOULDBLOCK, 140 }, { WSAEINPROGRESS, 112 }, { WSAEALREADY, 103 },
    { WSAENOTSOCK, 128 }, { WSAEDESTADDRREQ, 109 }, { WSAEMSGSIZE, 115 }, { WSAEPROTOTYPE, 136 },
    { WSAENOPROTOOPT, 123 }, { WSAEPROTONOSUPPORT, 135 }, { WSAEOPNOTSUPP, 130 },
    { WSAEAFNOSUPPORT, 102 }, { WSAEADDRINUSE, 100 }, { WSAEADDRNOTAVAIL, 101 },
    { WSAENETDOWN, 116 }, { WSAENETUNREACH, 118 }, { WSAENETRESET, 117 },
    { WSAECONNABORTED, 106 }, { WSAECONNRESET, 108 }, { WSAENOBUFS, 119 }, { WSAEISCONN, 113 },
    { WSAENOTCONN, 126 }, { WSAETIMEDOUT, 138 }, { WSAECONNREFUSED, 107 },
    { WSAENAMETOOLONG, 38 }, { WSAEHOSTUNREACH, 110 },
};

/* std::_Winerror_map: the errc value of a Windows error, 0 if none */
int __cdecl std_Winerror_map(int err)
{
    for (size_t i = 0; i < ARRAYSIZE(win_errors); i++)
        if (win_errors[i].win == err) return win_errors[i].errc;
    return 0;
}

/* the length of a system message without its trailing spaces and line ends */
static DWORD trim_message(const char *msg, DWORD len)
{
    while (len && (msg[len - 1] == ' ' || msg[len - 1] == '\r' || msg[len - 1] == '\n')) len--;
    return len;
}

#define MESSAGE_FLAGS (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS)

/* std::_Winerror_message: the system's message for a Windows error in buf,
   its length without the trailing spaces and line end back (0: none) */
unsigned long __cdecl std_Winerror_message(unsigned long err, char *buf, unsigned long size)
{
    DWORD len = buf && size ? FormatMessageA(MESSAGE_FLAGS, NULL, err, 0, buf, size, NULL) : 0;
    return trim_message(buf, len);   /* the line end stays in buf, as on Windows */
}

/* what system_category().message() uses in newer headers: *out is a
   buffer the caller gives back to __std_system_error_deallocate_message
   (whatever came back); the length leaves out the trailing line end */
size_t __cdecl __std_system_error_allocate_message(unsigned long err, char **out)
{
    DWORD len;
    *out = NULL;
    len = FormatMessageA(MESSAGE_FLAGS | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, err, 0, (char *)out, 0, NULL);
    return *out ? trim_message(*out, len) : 0;
}

void __cdecl __std_system_error_deallocate_message(char *msg)
{
    LocalFree(msg);
}

/* ---- the generic category ---- */

#define GENERIC_CATEGORY_ADDR 3

/* MSVC's std::string (release layout): short strings in place */
struct msvc_string
{
    union { char buf[16]; char *ptr; } data;
    size_t size;
    size_t capacity;              /* 15 while the text is in place */
};

static struct msvc_string *make_string(struct msvc_string *s, const char *text)
{
    size_t len = strlen(text);
    char *dest = s->data.buf;
    s->capacity = 15;
    if (len > 15)
    {
        /* the program frees it with operator delete (ucrtbase's free) */
        if (!(dest = malloc(len + 1))) msvcp_throw(STD_BAD_ALLOC, NULL);
        s->data.ptr = dest;
        s->capacity = len;
    }
    memcpy(dest, text, len + 1);
    s->size = len;
    return s;
}

static BOOL same_category(const struct std_error_category *a, const struct std_error_category *b)
{
    return a->addr == b->addr;
}

static void *__cdecl category_dtor(struct std_error_category *cat, unsigned int flags)
{
    (void)flags;   /* immortal */
    return cat;
}

static const char *__cdecl generic_name(const struct std_error_category *cat)
{
    (void)cat;
    return "generic";
}

static struct msvc_string *__cdecl generic_message(const struct std_error_category *cat, struct msvc_string *ret,
                                                   int value)
{
    (void)cat;
    return make_string(ret, std_Syserror_map(value));
}

static struct std_error_code *__cdecl category_default_condition(const struct std_error_category *cat,
                                                                 struct std_error_code *ret, int value)
{
    ret->value = value;
    ret->category = cat;
    return ret;
}

/* equivalent(const error_code &code, int value) */
static _Bool __cdecl category_equivalent_code(const struct std_error_category *cat, const struct std_error_code *code,
                                              int value)
{
    return same_category(cat, code->category) && code->value == value;
}

/* equivalent(int value, const error_condition &cond) */
static _Bool __cdecl category_equivalent_condition(const struct std_error_category *cat, int value,
                                                   const struct std_error_code *cond)
{
    return same_category(cat, cond->category) && cond->value == value;
}

static const void *const generic_vtable[] =
{
    NULL,                         /* no RTTI: nobody takes typeid of a category */
    category_dtor, generic_name, generic_message, category_default_condition,
    category_equivalent_code, category_equivalent_condition,
};

const struct std_error_category msvcp_generic_category = { &generic_vtable[1], GENERIC_CATEGORY_ADDR };
