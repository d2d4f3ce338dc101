/*
 * ntdll/unix/objinfo.c — information about handles and objects:
 * NtQueryObject (basic, name, type, handle flags), NtSetInformationObject
 * (handle flags: inherit, protect from close) and NtCompareObjects.
 */
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/kcmp.h>
#include "private.h"
#include "file.h"
#include "sync.h"
#include "xhandle.h"

enum object_info_class {
    ObjectBasicInformation, ObjectNameInformation, ObjectTypeInformation,
    ObjectTypesInformation, ObjectHandleFlagInformation
};

/* OBJECT_BASIC_INFORMATION */
struct basic_info {
    uint32_t attributes, granted_access, handle_count, pointer_count;
    uint32_t paged_pool, nonpaged_pool, reserved[3];
    uint32_t name_info_len, type_info_len, security_len;
    int64_t create_time;
};
_Static_assert(sizeof(struct basic_info) == 56, "OBJECT_BASIC_INFORMATION");

/* OBJECT_TYPE_INFORMATION, the type's name right after it */
struct type_info {
    UNICODE_STRING name;
    uint32_t counts[13];            /* objects, handles, pool usage…, invalid attributes */
    uint32_t generic_mapping[4];
    uint32_t valid_access;
    uint8_t security_required, maintain_handle_count, type_index, reserved;
    uint32_t pool_type, paged_charge, nonpaged_charge;
};
_Static_assert(sizeof(struct type_info) == 0x68, "OBJECT_TYPE_INFORMATION");

/* the referenced object behind a handle; the pseudo-handles too */
static NTSTATUS object_of(HANDLE h, struct wlx_object **obj, ACCESS_MASK *access, unsigned *attributes)
{
    if (h == NtCurrentProcess())
    {
        *access = 0x1fffff;
        *attributes = 0;
        return (*obj = procobj_self()) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    }
    return handle_get_info(h, obj, access, attributes);
}

static NTSTATUS basic_information(struct wlx_object *obj, ACCESS_MASK access, unsigned attributes,
                                  void *info, uint32_t len, uint32_t *ret_len)
{
    struct basic_info b = { 0 };
    *ret_len = sizeof(b);
    if (len < sizeof(b)) return STATUS_INFO_LENGTH_MISMATCH;
    b.attributes = attributes & (OBJ_INHERIT | OBJ_PROTECT_CLOSE);
    b.granted_access = access;
    b.handle_count = b.pointer_count = __atomic_load_n(&obj->refcount, __ATOMIC_RELAXED) - 1;
    b.type_info_len = sizeof(struct type_info) + 2 * (strlen(obj->ops->type) + 1);
    memcpy(info, &b, sizeof(b));
    return STATUS_SUCCESS;
}

static NTSTATUS type_information(struct wlx_object *obj, void *info, uint32_t len, uint32_t *ret_len)
{
    const char *name = obj->ops->type;
    size_t n = strlen(name);
    *ret_len = sizeof(struct type_info) + (n + 1) * sizeof(WCHAR);
    if (len < *ret_len) return STATUS_INFO_LENGTH_MISMATCH;
    struct type_info *t = info;
    memset(t, 0, sizeof(*t));
    WCHAR *buf = (WCHAR *)(t + 1);
    for (size_t i = 0; i <= n; i++) buf[i] = (unsigned char)name[i];
    t->name.Length = n * sizeof(WCHAR);
    t->name.MaximumLength = (n + 1) * sizeof(WCHAR);
    t->name.Buffer = buf;
    t->valid_access = 0x1fffff;
    return STATUS_SUCCESS;
}

/* OBJECT_NAME_INFORMATION: a UNICODE_STRING and the name after it; the
   shared objects' names come from the server, an unnamed object's is empty */
static NTSTATUS name_information(struct wlx_object *obj, void *info, uint32_t len, uint32_t *ret_len)
{
    WCHAR name[512];
    uint32_t size = 0;
    if (sync_object_size(obj->ops))
    {
        struct sync_object *o = (struct sync_object *)obj;
        if (o->slot) syncshare_name(o, name, sizeof(name), &size);
        else if (o->name) memcpy(name, o->name, (size = (o->name_len < 512 ? o->name_len : 511) * sizeof(WCHAR)));
    }
    *ret_len = sizeof(UNICODE_STRING) + (size ? size + sizeof(WCHAR) : 0);
    if (len < *ret_len) return STATUS_INFO_LENGTH_MISMATCH;
    UNICODE_STRING *us = info;
    memset(us, 0, sizeof(*us));
    if (!size) return STATUS_SUCCESS;
    us->Buffer = (WCHAR *)(us + 1);
    memcpy(us->Buffer, name, size);
    us->Buffer[size / sizeof(WCHAR)] = 0;
    us->Length = size;
    us->MaximumLength = size + sizeof(WCHAR);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtQueryObject(HANDLE h, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct wlx_object *obj;
    ACCESS_MASK access;
    unsigned attributes;
    uint32_t needed = 0;

    if (cls > ObjectHandleFlagInformation || cls == ObjectTypesInformation) return STATUS_INVALID_INFO_CLASS;
    NTSTATUS status = object_of(h, &obj, &access, &attributes);
    if (status) return status;
    switch (cls)
    {
    case ObjectBasicInformation: status = basic_information(obj, access, attributes, info, len, &needed); break;
    case ObjectNameInformation: status = name_information(obj, info, len, &needed); break;
    case ObjectTypeInformation: status = type_information(obj, info, len, &needed); break;
    case ObjectHandleFlagInformation:
        needed = 2;
        if (len < 2) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        ((uint8_t *)info)[0] = !!(attributes & OBJ_INHERIT);
        ((uint8_t *)info)[1] = !!(attributes & OBJ_PROTECT_CLOSE);
        break;
    }
    object_release(obj);
    if (ret_len) *ret_len = needed;
    return status;
}

/* ObjectHandleFlagInformation only: { BOOLEAN Inherit, ProtectFromClose; } */
NTSTATUS WINAPI unix_NtSetInformationObject(HANDLE h, uint32_t cls, const void *info, uint32_t len)
{
    if (cls != ObjectHandleFlagInformation) return STATUS_INVALID_INFO_CLASS;
    if (len < 2) return STATUS_INFO_LENGTH_MISMATCH;
    const uint8_t *flags = info;
    unsigned value = (flags[0] ? OBJ_INHERIT : 0) | (flags[1] ? OBJ_PROTECT_CLOSE : 0);
    return handle_set_attributes(h, OBJ_INHERIT | OBJ_PROTECT_CLOSE, value);
}

/* STATUS_SUCCESS when both handles name the same object, else STATUS_NOT_SAME_OBJECT */
/* two file objects over one open file description: a handle that came from
   another process (DuplicateHandle, inheritance) is a new object over a
   dup of the fd (tests/kernel32/xdup.c) */
static int same_file(HANDLE a, HANDLE b)
{
    int fa = file_handle_fd(a), fb = file_handle_fd(b);
    return fa >= 0 && fb >= 0 && !syscall(SYS_kcmp, getpid(), getpid(), KCMP_FILE, fa, fb);
}

NTSTATUS WINAPI unix_NtCompareObjects(HANDLE a, HANDLE b)
{
    struct wlx_object *x, *y;
    NTSTATUS status = handle_get(a, NULL, &x);
    if (status) return status;
    if ((status = handle_get(b, NULL, &y))) { object_release(x); return status; }
    int same = x == y;
    /* two local objects of one shared slot are one object */
    if (!same && x->ops == y->ops && sync_object_size(x->ops))
        same = ((struct sync_object *)x)->slot && ((struct sync_object *)x)->slot == ((struct sync_object *)y)->slot;
    if (!same && x->ops == y->ops && x->ops == &file_ops) same = same_file(a, b);
    object_release(x);
    object_release(y);
    return same ? STATUS_SUCCESS : (NTSTATUS)0xC00001AC;   /* STATUS_NOT_SAME_OBJECT */
}
