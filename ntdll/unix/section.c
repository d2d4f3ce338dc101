/*
 * ntdll/unix/section.c — sections (file mappings): NtCreateSection(Ex),
 * NtOpenSection, NtMapViewOfSection(Ex), NtUnmapViewOfSection(Ex),
 * NtQuerySection, NtExtendSection, NtFlushVirtualMemory.
 *
 * A section is an fd and a size: a memfd for a pagefile-backed section, a
 * dup of the file's fd for a file-backed one. A view is an mmap of that fd
 * (virtual.c records it as MEM_MAPPED): MAP_SHARED when the section is
 * writable, so views, ReadFile/WriteFile and other processes all see the
 * same page cache; MAP_PRIVATE for write-copy views and read-only sections
 * (on Linux a private mapping still shows the file's changes to pages it
 * has not written).
 *
 * Sections: constants · the object · creation · views · other syscalls.
 *
 * Names go through sync.c's namespace (the object starts with a struct
 * sync_object) to wlxserver's. Everything another process needs to map the
 * section is the fd plus size, protection and attributes, which ops->export
 * hands out (EXPORT_SECTION) once the section is set up (sync_named_ready):
 * a process opening the name, or given the handle, imports it.
 * A SEC_IMAGE section is an x86_64 PE file; its views are laid out and
 * relocated as the loader does a DLL (image.c), and are MEM_IMAGE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"
#include "file.h"
#include "xhandle.h"
#include "sync.h"

/* --- constants ------------------------------------------------------------ */

#define PAGE_SIZE   0x1000ULL
#define GRANULARITY 0x10000ULL

#define SECTION_QUERY                0x0001
#define SECTION_MAP_WRITE            0x0002
#define SECTION_MAP_READ             0x0004
#define SECTION_MAP_EXECUTE          0x0008
#define SECTION_EXTEND_SIZE          0x0010
#define SECTION_MAP_EXECUTE_EXPLICIT 0x0020
#define SECTION_ALL_ACCESS           0x000f001f
#define STANDARD_RIGHTS_READ         0x00020000

#define SEC_FILE        0x00800000
#define SEC_IMAGE       0x01000000
#define SEC_RESERVE     0x04000000
#define SEC_COMMIT      0x08000000
#define SEC_NOCACHE     0x10000000
#define SEC_WRITECOMBINE 0x40000000
#define SEC_LARGE_PAGES 0x80000000
#define SEC_KNOWN (SEC_FILE | SEC_IMAGE | SEC_RESERVE | SEC_COMMIT | SEC_NOCACHE | SEC_WRITECOMBINE | \
                   SEC_LARGE_PAGES | 0x00080000 /* SEC_64K_PAGES */)

#define MEM_RESERVE     0x2000
#define MEM_TOP_DOWN    0x100000
#define MEM_REPLACE_PLACEHOLDER 0x4000
#define MEM_LARGE_PAGES 0x20000000

#define STATUS_INVALID_VIEW_SIZE        ((NTSTATUS)0xC000001F)
#define STATUS_INVALID_FILE_FOR_SECTION ((NTSTATUS)0xC0000020)
#define STATUS_SECTION_TOO_BIG          ((NTSTATUS)0xC0000040)
#define STATUS_SECTION_NOT_IMAGE        ((NTSTATUS)0xC0000049)
#define STATUS_SECTION_NOT_EXTENDED     ((NTSTATUS)0xC0000087)
#define STATUS_MAPPED_FILE_SIZE_ZERO    ((NTSTATUS)0xC000011E)
#define STATUS_MAPPED_ALIGNMENT         ((NTSTATUS)0xC0000220)
#define STATUS_INVALID_PARAMETER_N(n)   ((NTSTATUS)(0xC00000EE + (n)))

/* --- the object --------------------------------------------------------------- */

/* what a section is made of (built before a new one is published) */
struct section_data {
    int fd;                     /* memfd, or a dup of the file's fd */
    uint64_t size;              /* maximum size in bytes (NtExtendSection grows it) */
    uint32_t protect;           /* PAGE_* it was created with */
    uint32_t attributes;        /* SEC_*, SEC_FILE for a file-backed one */
    int writable;               /* views may be MAP_SHARED writable */
    WCHAR *file_name;           /* a file's NT name (\Device\HarddiskVolumeN\...): its views' */
    size_t file_name_len;       /* in WCHARs */
};

struct section {
    struct sync_object named;   /* name in sync.c's namespace; state unused */
    struct section_data d;
    int ready;                  /* d is set (a named section is visible a
                                   moment before it is) */
};

NTSTATUS WINAPI unix_NtAllocateVirtualMemory(HANDLE process, void **ret, uintptr_t zero_bits, size_t *size,
                                             uint32_t type, uint32_t prot);

static pthread_mutex_t extend_lock = PTHREAD_MUTEX_INITIALIZER;

static void section_destroy(struct wlx_object *obj)
{
    struct section *s = (struct section *)obj;
    if (s->ready) close(s->d.fd);
    free(s->d.file_name);
    sync_named_destroy(obj);
}

static NTSTATUS section_export(struct wlx_object *obj, struct object_export *ex, int *fd);

static const struct object_ops section_ops = { "Section", section_destroy, NULL, NULL, section_export };

/* generic rights → section rights */
static ACCESS_MASK map_access(ACCESS_MASK a)
{
    if (a & GENERIC_READ) a |= STANDARD_RIGHTS_READ | SECTION_QUERY | SECTION_MAP_READ;
    if (a & GENERIC_WRITE) a |= STANDARD_RIGHTS_READ | SECTION_MAP_WRITE;
    if (a & GENERIC_EXECUTE) a |= STANDARD_RIGHTS_READ | SECTION_MAP_EXECUTE;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED)) a |= SECTION_ALL_ACCESS;
    return a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED);
}

/* a named section is visible a moment before its creator fills it in */
static void wait_ready(struct section *s)
{
    while (!__atomic_load_n(&s->ready, __ATOMIC_ACQUIRE)) sched_yield();
}

/* the section behind a handle, with the handle's access */
static NTSTATUS section_get(HANDLE h, struct section **s, ACCESS_MASK *access)
{
    struct wlx_object *obj;
    unsigned attributes;
    NTSTATUS status = handle_get_info(h, &obj, access, &attributes);
    if (status) return status;
    if (obj->ops != &section_ops)
    {
        object_release(obj);
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    *s = (struct section *)obj;
    wait_ready(*s);
    return STATUS_SUCCESS;
}

/* the VPROT_* of a section's or a view's protection; only the protections
   CreateFileMapping documents (and PAGE_EXECUTE) are section protections */
static NTSTATUS section_vprot(uint32_t protect, uint8_t *vprot)
{
    if (virtual_prot_to_vprot(protect, vprot) || !(*vprot & (VPROT_READ | VPROT_EXEC)) || (*vprot & VPROT_GUARD))
        return STATUS_INVALID_PAGE_PROTECTION;
    return STATUS_SUCCESS;
}

static int shares_writes(uint8_t vprot)
{
    return (vprot & VPROT_WRITE) && !(vprot & VPROT_COW);
}

/* --- creation ------------------------------------------------------------------ */

/* the NT name views of a file report (GetMappedFileName): drive X: is
   \Device\HarddiskVolumeN, N its number from 1, as QueryDosDevice says;
   NULL when out of memory */
static WCHAR *nt_file_name(const char *unix_path, size_t *len)
{
    char *dos = path_unix_to_dos(unix_path), device[32];
    WCHAR *name;
    if (!dos) return NULL;
    size_t dlen = snprintf(device, sizeof(device), "\\Device\\HarddiskVolume%d", (dos[0] | 0x20) - 'a' + 1);
    size_t plen = strlen(dos + 2);
    if ((name = malloc((dlen + plen) * sizeof(WCHAR))))
    {
        *len = wlx_utf8_to_utf16(device, dlen, name, dlen);
        *len += wlx_utf8_to_utf16(dos + 2, plen, name + *len, plen);
    }
    free(dos);
    return name;
}

static void init_file_name(struct section_data *init, const struct file *f)
{
    if (f->unix_path) init->file_name = nt_file_name(f->unix_path, &init->file_name_len);
}

/* names an image the loader mapped from unix_path (loadimage.c) */
void section_name_image(void *base, const char *unix_path)
{
    size_t len = 0;
    WCHAR *name = nt_file_name(unix_path, &len);
    if (name) virtual_set_view_name(base, name, len);
    free(name);
}

static NTSTATUS init_pagefile(struct section_data *init, const LARGE_INTEGER *size, uint8_t vprot)
{
    if (!size || size->QuadPart <= 0) return STATUS_INVALID_PARAMETER;
    init->size = (size->QuadPart + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    init->fd = memfd_create("wlx-section", MFD_CLOEXEC);
    if (init->fd < 0) return errno_to_status(errno);
    if (ftruncate(init->fd, (off_t)init->size))
    {
        int err = errno;
        close(init->fd);
        return err == EFBIG || err == EINVAL ? STATUS_SECTION_TOO_BIG : errno_to_status(err);
    }
    init->writable = shares_writes(vprot);
    return STATUS_SUCCESS;
}

/* a file-backed section: the file must allow what the protection does; a
   section larger than the file extends it only when the section is
   writable (tests/kernel32/mapping.c) */
static NTSTATUS init_file(struct section_data *init, HANDLE file, const LARGE_INTEGER *size, uint8_t vprot)
{
    struct file *f;
    struct stat st;
    NTSTATUS status = file_get(file, &f);
    if (status) return status;
    ACCESS_MASK need = FILE_READ_DATA | (shares_writes(vprot) ? FILE_WRITE_DATA : 0) |
                       ((vprot & VPROT_EXEC) ? FILE_EXECUTE : 0);
    int64_t want = size ? size->QuadPart : 0;
    if ((f->access & need) != need) status = STATUS_ACCESS_DENIED;
    else if (f->is_dir || fstat(f->fd, &st) || !S_ISREG(st.st_mode)) status = STATUS_INVALID_FILE_FOR_SECTION;
    else if (want < 0) status = STATUS_INVALID_PARAMETER_N(4);
    else if (!want && !st.st_size) status = STATUS_MAPPED_FILE_SIZE_ZERO;
    else if (want > st.st_size && !shares_writes(vprot)) status = STATUS_SECTION_TOO_BIG;
    else if (want > st.st_size && ftruncate(f->fd, want)) status = errno_to_status(errno);
    else if ((init->fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 3)) < 0) status = errno_to_status(errno);
    else
    {
        init->size = want ? (uint64_t)want : (uint64_t)st.st_size;
        /* a file's section is committed by nature: Windows reports SEC_FILE alone */
        init->attributes = (init->attributes & ~(SEC_COMMIT | SEC_RESERVE)) | SEC_FILE;
        init->writable = shares_writes(vprot) && (fcntl(init->fd, F_GETFL) & O_ACCMODE) == O_RDWR;
        init_file_name(init, f);
    }
    object_release(&f->obj);
    return status;
}

/* SEC_IMAGE: a PE file wlx can map (x86_64); its size is SizeOfImage */
static NTSTATUS init_image(struct section_data *init, HANDLE file)
{
    struct file *f;
    NTSTATUS status = file_get(file, &f);
    if (status) return status;
    if (!(f->access & FILE_READ_DATA)) status = STATUS_ACCESS_DENIED;
    else if ((status = image_check(f->fd, &init->size)))
        status = status == STATUS_FILE_IS_A_DIRECTORY ? STATUS_INVALID_FILE_FOR_SECTION : status;
    else if ((init->fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 3)) < 0) status = errno_to_status(errno);
    else
    {
        init->attributes = SEC_IMAGE | SEC_FILE;
        init_file_name(init, f);
    }
    object_release(&f->obj);
    return status;
}

/* gives the new section its name and a handle; when the name exists, the
   handle is to the existing section (only with OBJ_OPENIF, as kernel32
   asks: else STATUS_OBJECT_NAME_COLLISION) and init's fd is not needed */
static NTSTATUS publish(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                        const struct section_data *init)
{
    struct sync_object *created;
    NTSTATUS status = sync_create_named(handle, map_access(access), attr, &section_ops, sizeof(struct section),
                                        &created);
    if (!created)
    {
        close(init->fd);
        free(init->file_name);
        if (status == STATUS_OBJECT_NAME_EXISTS && !(attr->Attributes & OBJ_OPENIF))
        {
            handle_close(*handle);
            *handle = NULL;
            status = STATUS_OBJECT_NAME_COLLISION;
        }
        return status;
    }
    struct section *s = (struct section *)created;
    s->d = *init;
    __atomic_store_n(&s->ready, 1, __ATOMIC_RELEASE);
    sync_named_ready(&s->named);   /* other processes may now open it by name */
    return status;
}

NTSTATUS WINAPI unix_NtCreateSection(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                     const LARGE_INTEGER *size, uint32_t protect, uint32_t attributes, HANDLE file)
{
    struct section_data init = { -1, 0, protect, attributes, 0, NULL, 0 };
    uint8_t vprot;
    NTSTATUS status;

    if (!handle) return STATUS_ACCESS_VIOLATION;
    if ((status = section_vprot(protect, &vprot))) return status;
    if ((attributes & ~SEC_KNOWN) || !(attributes & (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE)))
        return STATUS_INVALID_PARAMETER;
    if (attributes & SEC_IMAGE) status = file ? init_image(&init, file) : STATUS_INVALID_FILE_FOR_SECTION;
    else if (file) status = init_file(&init, file, size, vprot);
    else status = init_pagefile(&init, size, vprot);
    if (!status) status = publish(handle, access, attr, &init);
    TRACE(VIRTUAL, "NtCreateSection file %p size %#llx prot %#x attr %#x -> %#x handle %p\n", file,
          size ? (unsigned long long)size->QuadPart : 0ULL, protect, attributes, status, status < 0 ? NULL : *handle);
    return status;
}

NTSTATUS WINAPI unix_NtCreateSectionEx(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                       const LARGE_INTEGER *size, uint32_t protect, uint32_t attributes,
                                       HANDLE file, void *params, uint32_t count)
{
    /* the extended parameters (NUMA node, partition) change nothing here */
    (void)params; (void)count;
    return unix_NtCreateSection(handle, access, attr, size, protect, attributes, file);
}

NTSTATUS WINAPI unix_NtOpenSection(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return sync_open_named(handle, map_access(access), attr, &section_ops);
}

/* --- views ------------------------------------------------------------------------ */

/* may a view with this protection be mapped through a handle with this
   access? The handle is checked first: kernel32 opens a read-only section
   without SECTION_MAP_WRITE, so asking to write is ERROR_ACCESS_DENIED */
static NTSTATUS check_view(const struct section *s, ACCESS_MASK access, uint8_t view)
{
    uint8_t sect;
    section_vprot(s->d.protect, &sect);
    /* a read-write view needs SECTION_MAP_WRITE alone (OpenFileMapping's
       FILE_MAP_WRITE), a read-only or copy-on-write one SECTION_MAP_READ */
    ACCESS_MASK need = shares_writes(view) ? SECTION_MAP_WRITE
                     : (view & (VPROT_READ | VPROT_COW)) ? SECTION_MAP_READ : 0;
    if ((access & need) != need) return STATUS_ACCESS_DENIED;
    /* FILE_MAP_EXECUTE opens with SECTION_MAP_EXECUTE_EXPLICIT */
    if ((view & VPROT_EXEC) && !(access & (SECTION_MAP_EXECUTE | SECTION_MAP_EXECUTE_EXPLICIT)))
        return STATUS_ACCESS_DENIED;
    if ((view & VPROT_EXEC) && !(sect & VPROT_EXEC)) return STATUS_SECTION_PROTECTION;
    if (shares_writes(view) && !shares_writes(sect)) return STATUS_SECTION_PROTECTION;
    return STATUS_SUCCESS;
}

/* how a view is mapped: shared when it may write to the section, private
   (copy-on-write) otherwise; max_vprot bounds later NtProtectVirtualMemory */
static void view_mapping(const struct section *s, uint8_t view, struct map_request *r)
{
    uint8_t sect;
    section_vprot(s->d.protect, &sect);
    r->fd = s->d.fd;
    r->shared = s->d.writable && !(view & VPROT_COW);
    r->max_vprot = VPROT_READ | VPROT_WRITE | (sect & VPROT_EXEC) | (r->shared ? 0 : VPROT_COW);
    r->commit = !(s->d.attributes & SEC_RESERVE);
}

struct view_args {
    void **base;
    uintptr_t zero_bits;
    size_t commit_size;
    const LARGE_INTEGER *offset;
    size_t *size;
    uint32_t type, protect;
};

/* an image view: laid out and relocated like a loaded DLL, at its preferred
   base when that is free (else STATUS_IMAGE_NOT_AT_BASE); the caller's
   choice of base and the view's protection do not apply to images here */
static NTSTATUS map_image_view(struct section *s, ACCESS_MASK access, const struct view_args *a)
{
    struct image_info info;
    const char *why = NULL;
    if (!(access & SECTION_MAP_READ)) return STATUS_ACCESS_DENIED;
    if (*a->base) return STATUS_NOT_SUPPORTED;
    NTSTATUS status = image_map(s->d.fd, "section", &info, &why);
    if (status) return status;
    virtual_set_view_name(info.base, s->d.file_name, s->d.file_name_len);
    *a->base = info.base;
    *a->size = info.size;
    return info.relocated ? STATUS_IMAGE_NOT_AT_BASE : STATUS_SUCCESS;
}

static NTSTATUS map_view(HANDLE handle, const struct view_args *a)
{
    struct section *s;
    ACCESS_MASK access;
    uint8_t view;
    NTSTATUS status;
    int64_t offset = a->offset ? a->offset->QuadPart : 0;

    if (!a->base || !a->size) return STATUS_ACCESS_VIOLATION;
    if (a->type & ~(MEM_TOP_DOWN | MEM_RESERVE | MEM_LARGE_PAGES | MEM_REPLACE_PLACEHOLDER)) return STATUS_INVALID_PARAMETER_N(9);
    if ((a->type & MEM_REPLACE_PLACEHOLDER) && !*a->base) return STATUS_INVALID_PARAMETER;
    if (virtual_prot_to_vprot(a->protect, &view)) return STATUS_INVALID_PAGE_PROTECTION;
    if ((status = section_get(handle, &s, &access))) return status;
    uint64_t size = __atomic_load_n(&s->d.size, __ATOMIC_ACQUIRE);
    uint64_t len = *a->size;
    if (s->d.attributes & SEC_IMAGE)
    {
        status = map_image_view(s, access, a);
        goto done;
    }
    if ((status = check_view(s, access, view))) goto done;
    if (offset < 0 || ((uint64_t)offset | (uintptr_t)*a->base) & (GRANULARITY - 1))
    {
        status = STATUS_MAPPED_ALIGNMENT;
        goto done;
    }
    if ((uint64_t)offset >= size)
    {
        status = STATUS_INVALID_PARAMETER;
        goto done;
    }
    /* a view of a data file's section may be larger than the section with
       MEM_RESERVE: the part past it is reserved, and committed later as the
       file grows (LMDB's incremental growth on Windows maps its whole map
       size over a file of a few pages so) */
    size_t reserve_from = 0;
    if (len > size - offset)
    {
        if (!(a->type & MEM_RESERVE) || !(s->d.attributes & SEC_FILE))
        {
            status = STATUS_INVALID_VIEW_SIZE;
            goto done;
        }
        reserve_from = (size - offset + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
    }
    if (!len) len = size - offset;
    struct map_request r = { .offset = offset, .size = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1),
                             .zero_bits = a->zero_bits, .top_down = !!(a->type & MEM_TOP_DOWN),
                             .protect = a->protect, .replace = !!(a->type & MEM_REPLACE_PLACEHOLDER),
                             .reserve_from = reserve_from };
    view_mapping(s, view, &r);
    if ((status = virtual_map_view(&r, a->base))) goto done;
    virtual_set_view_name(*a->base, s->d.file_name, s->d.file_name_len);
    *a->size = r.size;
    if (!r.commit && a->commit_size)
    {
        /* SEC_RESERVE: commit the start of the view now, as asked */
        void *base = *a->base;
        size_t commit = a->commit_size;
        unix_NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &commit, 0x1000 /* MEM_COMMIT */, a->protect);
    }
done:
    object_release(&s->named.obj);
    return status;
}

NTSTATUS WINAPI unix_NtMapViewOfSection(HANDLE handle, HANDLE process, void **base, uintptr_t zero_bits,
                                        size_t commit_size, const LARGE_INTEGER *offset, size_t *size,
                                        uint32_t inherit, uint32_t type, uint32_t protect)
{
    struct view_args a = { base, zero_bits, commit_size, offset, size, type, protect };
    /* inherit (ViewShare, ViewUnmap) matters only to a fork-like process
       creation, which Windows programs do not reach */
    (void)inherit;
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;   /* views in other processes */
    NTSTATUS status = map_view(handle, &a);
    TRACE(VIRTUAL, "NtMapViewOfSection %p offset %#llx size %#lx prot %#x -> %#x %p\n", handle,
          offset ? (unsigned long long)offset->QuadPart : 0ULL, size ? (unsigned long)*size : 0UL, protect,
          status, base ? *base : NULL);
    return status;
}

NTSTATUS WINAPI unix_NtMapViewOfSectionEx(HANDLE handle, HANDLE process, void **base, const LARGE_INTEGER *offset,
                                          size_t *size, uint32_t type, uint32_t protect,
                                          const struct mem_ext_param *params, uint32_t count)
{
    /* a highest address of the form 2^n-1 is a zero-bits mask */
    struct view_args a = { base, virtual_ext_zero_bits(params, count, NULL), 0, offset, size, type, protect };
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;
    return map_view(handle, &a);
}

NTSTATUS WINAPI unix_NtUnmapViewOfSection(HANDLE process, void *addr)
{
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;
    return virtual_unmap_view(addr, 0);
}

/* flags: MEM_PRESERVE_PLACEHOLDER (2) gives a placeholder back;
   MEM_UNMAP_WITH_TRANSIENT_BOOST changes nothing here */
NTSTATUS WINAPI unix_NtUnmapViewOfSectionEx(HANDLE process, void *addr, uint32_t flags)
{
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;
    return virtual_unmap_view(addr, !!(flags & 2));
}

NTSTATUS WINAPI unix_NtFlushVirtualMemory(HANDLE process, void **addr, size_t *size, IO_STATUS_BLOCK *io)
{
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;
    if (!addr || !size) return STATUS_ACCESS_VIOLATION;
    NTSTATUS status = virtual_flush_view(addr, size);
    if (io && !status)
    {
        io->Status = status;
        io->Information = 0;
    }
    return status;
}

/* --- other syscalls ------------------------------------------------------------- */

typedef struct {
    void *BaseAddress;
    uint32_t Attributes, pad;
    int64_t Size;
} SECTION_BASIC_INFORMATION;
_Static_assert(sizeof(SECTION_BASIC_INFORMATION) == 24, "SECTION_BASIC_INFORMATION");

NTSTATUS WINAPI unix_NtQuerySection(HANDLE handle, uint32_t cls, void *buffer, size_t len, size_t *ret_len)
{
    struct section *s;
    ACCESS_MASK access;
    NTSTATUS status = section_get(handle, &s, &access);
    if (status) return status;
    if (!(access & SECTION_QUERY)) status = STATUS_ACCESS_DENIED;
    else if (cls == 1 /* SectionImageInformation: not for images yet either */)
        status = (s->d.attributes & SEC_IMAGE) ? STATUS_NOT_IMPLEMENTED : STATUS_SECTION_NOT_IMAGE;
    else if (cls != 0 /* SectionBasicInformation */) status = STATUS_INVALID_INFO_CLASS;
    else if (len < sizeof(SECTION_BASIC_INFORMATION)) status = STATUS_INFO_LENGTH_MISMATCH;
    else if (!buffer) status = STATUS_ACCESS_VIOLATION;
    else
    {
        SECTION_BASIC_INFORMATION info = { NULL, s->d.attributes, 0,
                                           (int64_t)__atomic_load_n(&s->d.size, __ATOMIC_ACQUIRE) };
        memcpy(buffer, &info, sizeof(info));
        if (ret_len) *ret_len = sizeof(info);
    }
    object_release(&s->named.obj);
    return status;
}

/* only a file-backed section grows, and only a writable one (it extends the
   file); asking for less than the size changes nothing and says the size */
NTSTATUS WINAPI unix_NtExtendSection(HANDLE handle, LARGE_INTEGER *size)
{
    struct section *s;
    ACCESS_MASK access;
    struct stat st;
    if (!size) return STATUS_ACCESS_VIOLATION;
    NTSTATUS status = section_get(handle, &s, &access);
    if (status) return status;
    pthread_mutex_lock(&extend_lock);
    if (!(access & SECTION_EXTEND_SIZE)) status = STATUS_ACCESS_DENIED;
    else if (size->QuadPart <= (int64_t)s->d.size) size->QuadPart = s->d.size;
    else if (!(s->d.attributes & SEC_FILE) || !s->d.writable) status = STATUS_SECTION_NOT_EXTENDED;
    else if (fstat(s->d.fd, &st) || (st.st_size < size->QuadPart && ftruncate(s->d.fd, size->QuadPart)))
        status = errno_to_status(errno);
    else __atomic_store_n(&s->d.size, (uint64_t)size->QuadPart, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&extend_lock);
    object_release(&s->named.obj);
    return status;
}

/* --- export (the server's namespace: private.h, "exporting objects") --------------
   EXPORT_SECTION: data[0] size, data[1] protect (PAGE_*), data[2] attributes
   (SEC_*), data[3] a named section's slot in the server (0: none; the
   importer takes a reference on the name); flags SECTION_EXPORT_WRITABLE when the fd may be mapped
   shared-writable. The fd is the memfd or the file's, so the importer's
   views share the exporter's pages. */
#define SECTION_EXPORT_WRITABLE 1

static NTSTATUS section_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    struct section *s = (struct section *)obj;
    wait_ready(s);
    if ((*fd = fcntl(s->d.fd, F_DUPFD_CLOEXEC, 3)) < 0) return errno_to_status(errno);
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_SECTION;
    ex->flags = s->d.writable ? SECTION_EXPORT_WRITABLE : 0;
    ex->data[0] = __atomic_load_n(&s->d.size, __ATOMIC_ACQUIRE);
    ex->data[1] = s->d.protect;
    ex->data[2] = s->d.attributes;
    ex->data[3] = __atomic_load_n(&s->named.slot, __ATOMIC_ACQUIRE);
    return STATUS_SUCCESS;
}

static struct wlx_object *section_import(const struct object_export *ex, int fd)
{
    struct section *s = fd >= 0 ? object_new(&section_ops, sizeof(*s)) : NULL;
    if (!s)
    {
        if (fd >= 0) close(fd);
        return NULL;
    }
    s->d = (struct section_data){ fd, ex->data[0], (uint32_t)ex->data[1], (uint32_t)ex->data[2],
                                 !!(ex->flags & SECTION_EXPORT_WRITABLE), NULL, 0 };
    s->ready = 1;
    /* a named one keeps its name while we hold it (tests/kernel32/mapping.c):
       the server took our reference (DuplicateHandle), or we take it */
    if (ex->data[3] && ((ex->flags & EXPORT_SYNC_GRABBED) || !syncshare_grab_exported((uint32_t)ex->data[3])))
    {
        s->named.slot = (uint32_t)ex->data[3];
        s->named.server_refs = 1;
    }
    return &s->named.obj;
}

static void __attribute__((constructor)) section_register_import(void)
{
    _Static_assert(EXPORT_SECTION == EXPORT_KIND_SECTION, "export kind shared with the server");
    handle_register_import(EXPORT_SECTION, section_import);
}
