/*
 * ntdll/unix/image.c — mapping PE images (what NtMapViewOfSection does for
 * SEC_IMAGE on Windows): header validation, sections, base relocations,
 * section protections. Every check that fails names what is wrong, so the
 * user gets one clear line for a corrupt or unsupported file.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"

#define PAGE_SIZE 0x1000UL

struct pe_file_header {
    uint16_t Machine, NumberOfSections;
    uint32_t TimeDateStamp, PointerToSymbolTable, NumberOfSymbols;
    uint16_t SizeOfOptionalHeader, Characteristics;
};
struct pe_data_dir { uint32_t VirtualAddress, Size; };
struct pe_optional64 {
    uint16_t Magic; uint8_t MajorLinker, MinorLinker;
    uint32_t SizeOfCode, SizeOfInitializedData, SizeOfUninitializedData, AddressOfEntryPoint, BaseOfCode;
    uint64_t ImageBase;
    uint32_t SectionAlignment, FileAlignment;
    uint16_t MajorOS, MinorOS, MajorImage, MinorImage, MajorSubsystem, MinorSubsystem;
    uint32_t Win32Version, SizeOfImage, SizeOfHeaders, CheckSum;
    uint16_t Subsystem, DllCharacteristics;
    uint64_t SizeOfStackReserve, SizeOfStackCommit, SizeOfHeapReserve, SizeOfHeapCommit;
    uint32_t LoaderFlags, NumberOfRvaAndSizes;
    struct pe_data_dir DataDirectory[16];
};
struct pe_nt_headers { uint32_t Signature; struct pe_file_header FileHeader; struct pe_optional64 OptionalHeader; };
struct pe_section {
    char Name[8];
    uint32_t VirtualSize, VirtualAddress, SizeOfRawData, PointerToRawData;
    uint32_t PointerToRelocations, PointerToLinenumbers;
    uint16_t NumberOfRelocations, NumberOfLinenumbers;
    uint32_t Characteristics;
};
struct pe_export_dir {
    uint32_t Characteristics, TimeDateStamp; uint16_t Major, Minor;
    uint32_t Name, Base, NumberOfFunctions, NumberOfNames, AddressOfFunctions, AddressOfNames, AddressOfNameOrdinals;
};
_Static_assert(sizeof(struct pe_optional64) == 240, "optional header");
_Static_assert(sizeof(struct pe_section) == 40, "section header");

#define IMAGE_FILE_RELOCS_STRIPPED 0x0001
#define IMAGE_FILE_DLL             0x2000
#define IMAGE_SCN_CNT_UNINITIALIZED_DATA 0x00000080
#define IMAGE_SCN_MEM_EXECUTE 0x20000000
#define IMAGE_SCN_MEM_READ    0x40000000
#define IMAGE_SCN_MEM_WRITE   0x80000000
#define DIR_EXPORT 0
#define DIR_IMPORT 1
#define DIR_BASERELOC 5

static const char *image_error;

static int check_rva(const struct pe_optional64 *opt, uint32_t rva, uint32_t size)
{
    return (uint64_t)rva + size <= opt->SizeOfImage;
}

/* validate the headers in buf (the first SizeOfHeaders bytes of the file) */
static NTSTATUS check_headers(const uint8_t *buf, size_t len, off_t file_size,
                              const struct pe_nt_headers **nt_ret, const struct pe_section **sec_ret)
{
    if (len < 0x40 || buf[0] != 'M' || buf[1] != 'Z')
        return image_error = "not a Windows program (no MZ header)", STATUS_INVALID_IMAGE_FORMAT;
    uint32_t lfanew;
    memcpy(&lfanew, buf + 0x3c, 4);
    if (lfanew > len - sizeof(struct pe_file_header) - 4 || memcmp(buf + lfanew, "PE\0\0", 4))
        return image_error = "not a Windows program (a DOS executable, or no PE header)", STATUS_INVALID_IMAGE_FORMAT;
    const struct pe_nt_headers *nt = (const void *)(buf + lfanew);
    if (nt->FileHeader.Machine == 0x14c)
        return image_error = "32-bit programs are not supported yet (only x86_64 PE32+)", STATUS_INVALID_IMAGE_WIN_32;
    if (nt->FileHeader.Machine != 0x8664)
        return image_error = "not an x86_64 program (unsupported machine type)", STATUS_INVALID_IMAGE_FORMAT;
    if (lfanew + 4 + sizeof(struct pe_file_header) + 2 > len)
        return image_error = "corrupt PE: truncated headers", STATUS_INVALID_IMAGE_FORMAT;
    if (nt->OptionalHeader.Magic == 0x10b)
        return image_error = "32-bit programs are not supported yet (only x86_64 PE32+)", STATUS_INVALID_IMAGE_WIN_32;
    if (nt->OptionalHeader.Magic != 0x20b || nt->FileHeader.SizeOfOptionalHeader < offsetof(struct pe_optional64, DataDirectory))
        return image_error = "corrupt PE: bad optional header", STATUS_INVALID_IMAGE_FORMAT;
    const struct pe_optional64 *opt = &nt->OptionalHeader;
    size_t sec_off = lfanew + 4 + sizeof(struct pe_file_header) + nt->FileHeader.SizeOfOptionalHeader;
    if (sec_off + (size_t)nt->FileHeader.NumberOfSections * sizeof(struct pe_section) > len)
        return image_error = "corrupt PE: section table beyond the headers", STATUS_INVALID_IMAGE_FORMAT;
    if (!opt->SizeOfImage || opt->SizeOfImage > 0x80000000u || opt->SectionAlignment < PAGE_SIZE ||
        (opt->SectionAlignment & (opt->SectionAlignment - 1)) || (opt->ImageBase & 0xffff))
        return image_error = "corrupt PE: bad image size, alignment or base", STATUS_INVALID_IMAGE_FORMAT;
    const struct pe_section *sec = (const void *)(buf + sec_off);
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++)
    {
        if (!check_rva(opt, sec[i].VirtualAddress, sec[i].VirtualSize) || sec[i].VirtualAddress < opt->SizeOfHeaders)
            return image_error = "corrupt PE: a section lies outside the image", STATUS_INVALID_IMAGE_FORMAT;
        if (sec[i].SizeOfRawData && (off_t)sec[i].PointerToRawData + sec[i].SizeOfRawData > file_size)
            return image_error = "corrupt PE: a section extends beyond the end of the file (truncated?)", STATUS_INVALID_IMAGE_FORMAT;
    }
    uint32_t ndirs = opt->NumberOfRvaAndSizes < 16 ? opt->NumberOfRvaAndSizes : 16;
    for (uint32_t d = 0; d < ndirs; d++)
        if (d != 4 /* security: a file offset */ && opt->DataDirectory[d].Size &&
            !check_rva(opt, opt->DataDirectory[d].VirtualAddress, opt->DataDirectory[d].Size))
            return image_error = d == DIR_IMPORT ? "corrupt PE: the import table points outside the image"
                                                 : "corrupt PE: a data directory points outside the image",
                   STATUS_INVALID_IMAGE_FORMAT;
    *nt_ret = nt;
    *sec_ret = sec;
    return STATUS_SUCCESS;
}

static NTSTATUS apply_relocations(uint8_t *base, const struct pe_optional64 *opt, int64_t delta)
{
    const struct pe_data_dir *dir = &opt->DataDirectory[DIR_BASERELOC];
    uint32_t pos = 0;
    while (pos + 8 <= dir->Size)
    {
        uint32_t page, block;
        memcpy(&page, base + dir->VirtualAddress + pos, 4);
        memcpy(&block, base + dir->VirtualAddress + pos + 4, 4);
        if (block < 8 || pos + block > dir->Size || (block & 1))
            return image_error = "corrupt PE: bad relocation block", STATUS_INVALID_IMAGE_FORMAT;
        const uint16_t *e = (const uint16_t *)(base + dir->VirtualAddress + pos + 8);
        for (uint32_t i = 0; i < (block - 8) / 2; i++)
        {
            uint32_t rva = page + (e[i] & 0xfff);
            switch (e[i] >> 12)
            {
            case 0: break; /* IMAGE_REL_BASED_ABSOLUTE: padding */
            case 10: /* DIR64 */
                if (!check_rva(opt, rva, 8)) goto bad;
                { uint64_t v; memcpy(&v, base + rva, 8); v += delta; memcpy(base + rva, &v, 8); }
                break;
            case 3: /* HIGHLOW */
                if (!check_rva(opt, rva, 4)) goto bad;
                { uint32_t v; memcpy(&v, base + rva, 4); v += (uint32_t)delta; memcpy(base + rva, &v, 4); }
                break;
            default:
            bad:
                return image_error = "corrupt PE: bad relocation entry", STATUS_INVALID_IMAGE_FORMAT;
            }
        }
        pos += block;
    }
    return STATUS_SUCCESS;
}

static unsigned section_vprot(uint32_t ch)
{
    unsigned v = 0;
    if (ch & IMAGE_SCN_MEM_READ) v |= VPROT_READ;
    if (ch & IMAGE_SCN_MEM_WRITE) v |= VPROT_WRITE | VPROT_COW;
    if (ch & IMAGE_SCN_MEM_EXECUTE) v |= VPROT_EXEC;
    return v;
}

/* --- the image cache ------------------------------------------------------
   An image whose file layout is not page-aligned (FileAlignment 0x200, what
   most linkers write) cannot be mapped from its file: its sections would be
   read into anonymous memory at every start (11 MB and ~8 ms for a Go
   program). Instead, the first start writes the image as it lies in memory
   (headers and sections at their RVAs, zeros elsewhere, sparse) to
   <prefix>/.cache/images/, named by the file's device, inode, size, mtime and
   ctime; later starts map it straight from there (shared page cache, pages
   read on first touch), as Windows maps images from its section cache. A
   cache entry is written to a temporary file and renamed, so a crash never
   leaves a half-written one under its name; a changed file gets a new name
   and its old entry is removed. */

#define IMAGE_CACHE_MIN (256 * 1024)   /* smaller images are simply read */

/* the cache folder's name; make: create it (only a cache miss needs it) */
static int cache_dir(char *dir, size_t size, int make)
{
    if (!wlx_prefix_dir) return -1;
    snprintf(dir, size, "%s/.cache", wlx_prefix_dir);
    if (make && mkdir(dir, 0700) && errno != EEXIST) return -1;
    snprintf(dir, size, "%s/.cache/images", wlx_prefix_dir);
    if (make && mkdir(dir, 0700) && errno != EEXIST) return -1;
    return 0;
}

/* copies len bytes of fd at from to out at to, in the kernel when it can */
static int copy_range(int fd, off_t from, int out, off_t to, size_t len)
{
    while (len)
    {
        ssize_t n = copy_file_range(fd, &from, out, &to, len, 0);
        if (n <= 0)
        {
            char buf[65536];
            if (n < 0 && errno == EINTR) continue;
            n = pread(fd, buf, len < sizeof(buf) ? len : sizeof(buf), from);
            if (n <= 0 || pwrite(out, buf, n, to) != n) return -1;
            from += n;
            to += n;
        }
        len -= n;
    }
    return 0;
}

/* removes other entries of the same file (an older version of it) */
static void cache_prune(const char *dir, const char *keep, size_t id_len)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096 + 256 + 2];
    if (!d) return;
    while ((e = readdir(d)))
    {
        if (strncmp(e->d_name, keep, id_len) || !strcmp(e->d_name, keep)) continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

/* writes the cache entry path for the image in fd; its fd, or -1 */
static int cache_write(int fd, const char *dir, const char *path, const struct pe_nt_headers *nt,
                       const struct pe_section *sec, size_t size)
{
    char tmp[4096 + 16];
    const struct pe_optional64 *opt = &nt->OptionalHeader;
    size_t hsize = opt->SizeOfHeaders < size ? opt->SizeOfHeaders : size;
    int out;

    snprintf(tmp, sizeof(tmp), "%s/tmp-XXXXXX", dir);
    if ((out = mkostemp(tmp, O_CLOEXEC)) < 0) return -1;
    if (ftruncate(out, size) || copy_range(fd, 0, out, 0, hsize)) goto failed;
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++)
    {
        if (sec[i].VirtualAddress & (PAGE_SIZE - 1)) goto failed;   /* cannot be mapped by pages */
        uint32_t raw = sec[i].SizeOfRawData, vsize = sec[i].VirtualSize ? sec[i].VirtualSize : raw;
        if (raw > vsize) raw = vsize;
        if (raw && copy_range(fd, sec[i].PointerToRawData, out, sec[i].VirtualAddress, raw)) goto failed;
    }
    if (rename(tmp, path)) goto failed;
    return out;
failed:
    unlink(tmp);
    close(out);
    return -1;
}

/* the cache entry of the image in fd (made if missing), or -1: then the
   caller reads the sections itself */
static int image_cache_open(int fd, const struct stat *st, const uint8_t *hdr, size_t hdr_len,
                            const struct pe_nt_headers *nt, const struct pe_section *sec, size_t size)
{
    char dir[4096], name[160], path[4096 + 160], check[4096];
    struct stat cst;
    size_t id_len;
    int cfd;

    if (cache_dir(dir, sizeof(dir), 0)) return -1;
    id_len = snprintf(name, sizeof(name), "%lx-%lx-", (unsigned long)st->st_dev, (unsigned long)st->st_ino);
    snprintf(name + id_len, sizeof(name) - id_len, "%llx-%lx.%09ld-%lx.%09ld.img", (unsigned long long)st->st_size,
             (long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec, (long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    /* only the headers are the same in the file and in the entry */
    if (hdr_len > nt->OptionalHeader.SizeOfHeaders) hdr_len = nt->OptionalHeader.SizeOfHeaders;
    if (hdr_len > size) hdr_len = size;
    if ((cfd = open(path, O_RDONLY | O_CLOEXEC)) >= 0)
    {
        /* the right size and the same headers, or it is rebuilt */
        if (!fstat(cfd, &cst) && (size_t)cst.st_size == size && pread(cfd, check, hdr_len, 0) == (ssize_t)hdr_len &&
            !memcmp(check, hdr, hdr_len))
            return cfd;
        close(cfd);
    }
    if (cache_dir(dir, sizeof(dir), 1)) return -1;
    if ((cfd = cache_write(fd, dir, path, nt, sec, size)) >= 0) cache_prune(dir, name, id_len);
    return cfd;
}

/* --- mapping ----------------------------------------------------------------
   An image that needs no relocation and whose pages all come whole from one
   file (our DLLs, page-aligned; or an image cache entry) is mapped with each
   page's final protection at once; any other is filled while writable, then
   protected. */

/* where each page of the image comes from in the file (-1: a zero page), or
   NULL when a page needs reading. cached: fd is an image cache entry, where
   every page lies at its RVA. */
static int64_t *page_sources(const struct pe_nt_headers *nt, const struct pe_section *sec, size_t size,
                             int cached, off_t file_size)
{
    size_t pages = size / PAGE_SIZE;
    int64_t *src = malloc(pages * sizeof(*src));
    if (!src) return NULL;
    for (size_t p = 0; p < pages; p++) src[p] = -1;
    size_t hsize = nt->OptionalHeader.SizeOfHeaders < size ? nt->OptionalHeader.SizeOfHeaders : size;
    for (size_t p = 0; p * PAGE_SIZE < hsize; p++) src[p] = p * PAGE_SIZE;
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++)
    {
        uint32_t raw = sec[i].SizeOfRawData, vsize = sec[i].VirtualSize ? sec[i].VirtualSize : raw;
        if (raw > vsize) raw = vsize;
        if (!raw) continue;
        uint64_t from = cached ? sec[i].VirtualAddress : sec[i].PointerToRawData;
        /* whole pages of the file, its padding showing after VirtualSize as on
           Windows; a last page that ends beyond the file must be read */
        size_t whole = ((size_t)raw + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if ((sec[i].VirtualAddress | from) & (PAGE_SIZE - 1) || from + whole > (uint64_t)file_size + PAGE_SIZE - 1 ||
            (!cached && whole > (((size_t)sec[i].SizeOfRawData + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))))
        {
            free(src);
            return NULL;
        }
        for (size_t off = 0; off < whole && (sec[i].VirtualAddress + off) / PAGE_SIZE < pages; off += PAGE_SIZE)
            src[(sec[i].VirtualAddress + off) / PAGE_SIZE] = from + off;
    }
    return src;
}

/* notes the protections: headers read-only, then each section's */
static void note_protections(uint8_t *base, size_t size, const struct pe_nt_headers *nt, const struct pe_section *sec)
{
    virtual_note_image_range(base, 0, size, VPROT_READ);
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++)
    {
        uint32_t vsize = sec[i].VirtualSize ? sec[i].VirtualSize : sec[i].SizeOfRawData;
        if (vsize) virtual_note_image_range(base, sec[i].VirtualAddress, vsize, section_vprot(sec[i].Characteristics));
    }
}

/* A small image that cannot be mapped from its file (not in the image
   cache: below IMAGE_CACHE_MIN) is read whole at once, the headers already
   read included: one system call instead of one per section. NULL when
   it cannot be (then each section is read by itself). */
static uint8_t *read_small_file(int fd, const struct stat *st, const uint8_t *hdr, size_t len, int direct)
{
    if (direct || st->st_size >= IMAGE_CACHE_MIN || (size_t)st->st_size <= len) return NULL;
    uint8_t *file = malloc(st->st_size);
    if (!file) return NULL;
    memcpy(file, hdr, len);
    if (pread(fd, file + len, st->st_size - len, len) != (ssize_t)(st->st_size - len)) { free(file); return NULL; }
    return file;
}

/* size bytes of the file at off into dst: from the copy read whole when
   it holds them, else read */
static int read_part(int fd, const uint8_t *file, size_t file_len, uint8_t *dst, size_t size, uint64_t off)
{
    if (file && off <= file_len && size <= file_len - off)
    {
        memcpy(dst, file + off, size);
        return 0;
    }
    return pread(fd, dst, size, off) == (ssize_t)size ? 0 : -1;
}

/* fills the image (while writable) from fd: mapped pages where they are whole, read otherwise */
static int fill_image(int fd, const struct stat *st, const uint8_t *hdr, size_t len, uint8_t *base, size_t size,
                      const struct pe_nt_headers *nt, const struct pe_section *sec)
{
    const struct pe_optional64 *opt = &nt->OptionalHeader;
    int direct = !(opt->FileAlignment & (PAGE_SIZE - 1)), failed = 0;
    size_t hsize = opt->SizeOfHeaders < size ? opt->SizeOfHeaders : size;
    uint8_t *file = read_small_file(fd, st, hdr, len, direct);

    mprotect(base, size, PROT_READ | PROT_WRITE);
    if (hsize <= len) memcpy(base, hdr, hsize);   /* already read */
    else if (file && hsize <= (size_t)st->st_size) memcpy(base, file, hsize);
    else if (pread(fd, base, hsize, 0) < 0) failed = 1;
    for (int i = 0; i < nt->FileHeader.NumberOfSections && !failed; i++)
    {
        uint32_t raw = sec[i].SizeOfRawData, vsize = sec[i].VirtualSize ? sec[i].VirtualSize : raw;
        if (raw > vsize) raw = vsize;
        if (!raw) continue;
        uint8_t *dst = base + sec[i].VirtualAddress;
        size_t whole = 0;   /* bytes mapped straight from the file */
        if (direct && !(sec[i].PointerToRawData & (PAGE_SIZE - 1)) && !(sec[i].VirtualAddress & (PAGE_SIZE - 1)))
        {
            /* as Windows does, the last page shows the file's padding after
               VirtualSize when the raw data covers it */
            size_t covered = ((size_t)sec[i].SizeOfRawData + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
            whole = raw & ~(PAGE_SIZE - 1);
            if (raw > whole && covered >= whole + PAGE_SIZE &&
                (uint64_t)sec[i].PointerToRawData + whole + PAGE_SIZE <= (uint64_t)st->st_size)
                whole += PAGE_SIZE;
            if (whole && mmap(dst, whole, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd,
                              sec[i].PointerToRawData) == MAP_FAILED)
                failed = 1;
        }
        if (!failed && raw > whole)
            failed = read_part(fd, file, file ? st->st_size : 0, dst + whole, raw - whole,
                               (uint64_t)sec[i].PointerToRawData + whole);
    }
    free(file);
    return failed ? -1 : 0;
}

/* Map the image in fd. name is only used in messages. */
/* validates the image in fd without mapping it (SEC_IMAGE sections,
   section.c); *size is its SizeOfImage */
NTSTATUS image_check(int fd, uint64_t *size)
{
    struct stat st;
    uint8_t hdr[4096];
    const struct pe_nt_headers *nt;
    const struct pe_section *sec;
    if (fstat(fd, &st)) return errno_to_status(errno);
    if (S_ISDIR(st.st_mode)) return STATUS_FILE_IS_A_DIRECTORY;
    ssize_t len = pread(fd, hdr, sizeof(hdr), 0);
    if (len < 0) return errno_to_status(errno);
    NTSTATUS status = check_headers(hdr, (size_t)len, st.st_size, &nt, &sec);
    if (!status) *size = nt->OptionalHeader.SizeOfImage;
    return status;
}

NTSTATUS image_map(int fd, const char *name, struct image_info *info, const char **why)
{
    struct stat st;
    uint8_t hdr[4096];
    const struct pe_nt_headers *nt;
    const struct pe_section *sec;
    NTSTATUS status;

    (void)name;
    image_error = NULL;
    if (fstat(fd, &st)) return errno_to_status(errno);
    if (S_ISDIR(st.st_mode)) { *why = "is a folder"; return STATUS_FILE_IS_A_DIRECTORY; }
    ssize_t len = pread(fd, hdr, sizeof(hdr), 0);
    if (len < 0) return errno_to_status(errno);
    status = check_headers(hdr, (size_t)len, st.st_size, &nt, &sec);
    if (status) { *why = image_error; return status; }
    const struct pe_optional64 *opt = &nt->OptionalHeader;
    size_t size = (opt->SizeOfImage + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    /* only the flag forbids a move: an image without a relocation directory
       (ICU's data DLL) has nothing to fix and loads anywhere */
    int relocatable = !(nt->FileHeader.Characteristics & IMAGE_FILE_RELOCS_STRIPPED);
    int has_relocs = opt->NumberOfRvaAndSizes > DIR_BASERELOC && opt->DataDirectory[DIR_BASERELOC].Size;

    uint8_t *base = virtual_alloc_image_space((void *)opt->ImageBase, size);
    if (!base)
    {
        if (!relocatable)
        {
            *why = "cannot be loaded at its base address, which is in use, and has no relocations";
            return STATUS_CONFLICTING_ADDRESSES;
        }
        base = virtual_alloc_image_space(NULL, size);
        if (!base) { *why = "out of address space"; return STATUS_NO_MEMORY; }
    }
    int direct = !(opt->FileAlignment & (PAGE_SIZE - 1));
    int cache_fd = direct || st.st_size < IMAGE_CACHE_MIN ? -1 : image_cache_open(fd, &st, hdr, len, nt, sec, size);
    int relocate = (uintptr_t)base != opt->ImageBase, failed;
    int64_t *src = cache_fd >= 0 || direct ? page_sources(nt, sec, size, cache_fd >= 0,
                                                           cache_fd >= 0 ? (off_t)size : st.st_size) : NULL;
    if (src && !relocate)
    {
        note_protections(base, size, nt, sec);
        failed = virtual_commit_image(base, cache_fd >= 0 ? cache_fd : fd, src) < 0;
    }
    else
    {
        if (src)
        {
            virtual_note_image_range(base, 0, size, VPROT_READ | VPROT_WRITE);
            failed = virtual_commit_image(base, cache_fd >= 0 ? cache_fd : fd, src) < 0;
        }
        else failed = fill_image(fd, &st, hdr, len, base, size, nt, sec);
        if (!failed && relocate && has_relocs)
        {
            /* from the mapping: hdr may be shorter than SizeOfHeaders */
            const struct pe_nt_headers *mnt = (const void *)(base + ((const uint32_t *)(base + 0x3c))[0]);
            if ((status = apply_relocations(base, &mnt->OptionalHeader, (int64_t)((uintptr_t)base - opt->ImageBase))))
            {
                free(src);
                if (cache_fd >= 0) close(cache_fd);
                *why = image_error;
                virtual_release(base);
                return status;
            }
        }
        if (!failed)
        {
            note_protections(base, size, nt, sec);
            failed = virtual_commit_image(base, -1, NULL) < 0;
        }
    }
    free(src);
    if (cache_fd >= 0) close(cache_fd);
    if (failed) goto io_error;
    info->relocated = relocate;
    info->base = base;
    info->size = size;
    info->entry = opt->AddressOfEntryPoint ? base + opt->AddressOfEntryPoint : NULL;
    info->stack_reserve = opt->SizeOfStackReserve;
    info->stack_commit = opt->SizeOfStackCommit;
    info->subsystem = opt->Subsystem;
    info->major_subsystem = opt->MajorSubsystem;
    info->minor_subsystem = opt->MinorSubsystem;
    info->characteristics = nt->FileHeader.Characteristics;
    info->dll_characteristics = opt->DllCharacteristics;
    return STATUS_SUCCESS;

io_error:
    *why = "read error";
    virtual_release(base);
    return STATUS_IO_DEVICE_ERROR;
}

/* the address of a named export of a mapped image (used for ntdll only):
   a binary search, as the export name table is sorted (PE format), which
   also leaves the pages of names it does not need untouched */
void *image_find_export(void *module, const char *name)
{
    uint8_t *base = module;
    const struct pe_nt_headers *nt = (const void *)(base + ((const uint32_t *)(base + 0x3c))[0]);
    const struct pe_data_dir *dir = &nt->OptionalHeader.DataDirectory[DIR_EXPORT];
    if (!dir->Size) return NULL;
    const struct pe_export_dir *exp = (const void *)(base + dir->VirtualAddress);
    const uint32_t *names = (const void *)(base + exp->AddressOfNames);
    const uint16_t *ords = (const void *)(base + exp->AddressOfNameOrdinals);
    const uint32_t *funcs = (const void *)(base + exp->AddressOfFunctions);
    uint32_t lo = 0, hi = exp->NumberOfNames;
    while (lo < hi)
    {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = strcmp((const char *)base + names[mid], name);
        if (!c) return base + funcs[ords[mid]];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}
