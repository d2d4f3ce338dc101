/*
 * Heap: malloc family on the process heap, aligned allocations, _heapwalk,
 * the new handler and C++ operator new/delete exports.
 */
#include "private.h"
#include <malloc.h>
#include <string.h>

typedef int (__cdecl *new_handler_func)(size_t);

static new_handler_func new_handler;
static int new_mode;  /* _set_new_mode(1): malloc calls the new handler too */

static HANDLE crt_heap(void)
{
    return GetProcessHeap();
}

int __cdecl _callnewh(size_t size)
{
    new_handler_func handler = new_handler;

    /* non-zero: the handler freed something, try again */
    return handler && handler(size) ? 1 : 0;
}

new_handler_func __cdecl _set_new_handler(new_handler_func handler)
{
    return InterlockedExchangePointer((void **)&new_handler, (void *)handler);
}

new_handler_func __cdecl _query_new_handler(void)
{
    return new_handler;
}

int __cdecl _set_new_mode(int mode)
{
    int old = new_mode;

    new_mode = mode;
    return old;
}

int __cdecl _query_new_mode(void)
{
    return new_mode;
}

void * __cdecl malloc(size_t size)
{
    void *ptr;

    for (;;)
    {
        if ((ptr = HeapAlloc(crt_heap(), 0, size))) return ptr;
        if (!new_mode || !_callnewh(size)) break;
    }
    *_errno() = ENOMEM;
    return NULL;
}

void __cdecl free(void *ptr)
{
    if (ptr) HeapFree(crt_heap(), 0, ptr);
}

void * __cdecl calloc(size_t count, size_t size)
{
    void *ptr;

    if (size && count > (size_t)-1 / size)
    {
        *_errno() = ENOMEM;
        return NULL;
    }
    if (!(ptr = HeapAlloc(crt_heap(), HEAP_ZERO_MEMORY, count * size)))
        *_errno() = ENOMEM;
    return ptr;
}

void * __cdecl realloc(void *ptr, size_t size)
{
    void *ret;

    if (!ptr) return malloc(size);
    if (!size)
    {
        /* documented: size 0 frees the block and returns NULL */
        free(ptr);
        return NULL;
    }
    if (!(ret = HeapReAlloc(crt_heap(), 0, ptr, size))) *_errno() = ENOMEM;
    return ret;
}

size_t __cdecl _msize(void *ptr)
{
    if (!ptr)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return (size_t)-1;
    }
    return HeapSize(crt_heap(), 0, ptr);
}

void * __cdecl _expand(void *ptr, size_t size)
{
    /* grow or shrink in place only */
    if (!ptr)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (!HeapReAlloc(crt_heap(), HEAP_REALLOC_IN_PLACE_ONLY, ptr, size ? size : 1))
    {
        *_errno() = ENOMEM;
        return NULL;
    }
    return ptr;
}

void * __cdecl _recalloc(void *ptr, size_t count, size_t size)
{
    size_t old_size = ptr ? _msize(ptr) : 0, new_size;
    char *ret;

    if (size && count > (size_t)-1 / size)
    {
        *_errno() = ENOMEM;
        return NULL;
    }
    new_size = count * size;
    ret = realloc(ptr, new_size);
    if (ret && new_size > old_size) memset(ret + old_size, 0, new_size - old_size);
    return ret;
}

intptr_t __cdecl _get_heap_handle(void)
{
    return (intptr_t)crt_heap();
}

int __cdecl _heapchk(void)
{
    return HeapValidate(crt_heap(), 0, NULL) ? _HEAPOK : _HEAPBADNODE;
}

int __cdecl _heapmin(void)
{
    HeapCompact(crt_heap(), 0);
    return 0;
}

int __cdecl _heapset(unsigned int fill)
{
    (void)fill;
    return _heapchk();
}

/* _heapwalk: the CRT heap's blocks one at a time through HeapWalk. The
   walk goes on from the block the caller names (_pentry, with _useflag
   saying whether it was in use), regions and uncommitted ranges skipped.
   wlx's RtlWalkHeap goes on from a block's address alone; a block freed
   since it was reported is _HEAPBADPTR. Blocks the heap keeps for reuse
   show as _FREEENTRY. */
int __cdecl _heapwalk(_HEAPINFO *info)
{
    PROCESS_HEAP_ENTRY entry;
    DWORD error;

    if (!info)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return _HEAPBADPTR;
    }
    memset(&entry, 0, sizeof(entry));
    entry.lpData = info->_pentry;
    if (info->_pentry)
    {
        entry.cbData = info->_size;
        if (info->_useflag == _USEDENTRY)
        {
            if (!HeapValidate(crt_heap(), 0, info->_pentry)) return _HEAPBADNODE;
            entry.wFlags = PROCESS_HEAP_ENTRY_BUSY;
        }
    }
    HeapLock(crt_heap());
    do
    {
        if (!HeapWalk(crt_heap(), &entry))
        {
            error = GetLastError();
            HeapUnlock(crt_heap());
            if (error == ERROR_NO_MORE_ITEMS) return info->_pentry ? _HEAPEND : _HEAPEMPTY;
            msvcrt_set_errno_from_win32(error);
            return info->_pentry ? _HEAPBADPTR : _HEAPBADBEGIN;
        }
    } while (entry.wFlags & (PROCESS_HEAP_REGION | PROCESS_HEAP_UNCOMMITTED_RANGE));
    HeapUnlock(crt_heap());
    info->_pentry = entry.lpData;
    info->_size = entry.cbData;
    info->_useflag = entry.wFlags & PROCESS_HEAP_ENTRY_BUSY ? _USEDENTRY : _FREEENTRY;
    return _HEAPOK;
}

size_t __cdecl _get_sbh_threshold(void)
{
    return 0;
}

int __cdecl _set_sbh_threshold(size_t threshold)
{
    (void)threshold;
    return 0;
}

/* ---- aligned allocations: the original block pointer sits just below ---- */

static BOOL is_power_of_two(size_t value)
{
    return value && !(value & (value - 1));
}

void * __cdecl _aligned_offset_malloc(size_t size, size_t alignment, size_t offset)
{
    char *block, *ret;

    if (!is_power_of_two(alignment) || (size && offset >= size))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    if (alignment < sizeof(void *)) alignment = sizeof(void *);
    if (!(block = malloc(size + alignment + sizeof(void *)))) return NULL;
    ret = block + sizeof(void *) + offset;
    ret = (char *)(((uintptr_t)ret + alignment - 1) & ~(uintptr_t)(alignment - 1)) - offset;
    ((void **)((uintptr_t)ret & ~(uintptr_t)(sizeof(void *) - 1)))[-1] = block;
    return ret;
}

void * __cdecl _aligned_malloc(size_t size, size_t alignment)
{
    return _aligned_offset_malloc(size, alignment, 0);
}

static void *aligned_block(void *ptr)
{
    return ((void **)((uintptr_t)ptr & ~(uintptr_t)(sizeof(void *) - 1)))[-1];
}

void __cdecl _aligned_free(void *ptr)
{
    if (ptr) free(aligned_block(ptr));
}

size_t __cdecl _aligned_msize(void *ptr, size_t alignment, size_t offset)
{
    char *block;

    if (!ptr || !is_power_of_two(alignment))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return (size_t)-1;
    }
    block = aligned_block(ptr);
    (void)offset;
    return _msize(block) - ((char *)ptr - block);
}

void * __cdecl _aligned_offset_realloc(void *ptr, size_t size, size_t alignment, size_t offset)
{
    size_t old_size;
    void *ret;

    if (!ptr) return _aligned_offset_malloc(size, alignment, offset);
    if (!size)
    {
        _aligned_free(ptr);
        return NULL;
    }
    old_size = _aligned_msize(ptr, alignment, offset);
    if (!(ret = _aligned_offset_malloc(size, alignment, offset))) return NULL;
    memcpy(ret, ptr, old_size < size ? old_size : size);
    _aligned_free(ptr);
    return ret;
}

void * __cdecl _aligned_realloc(void *ptr, size_t size, size_t alignment)
{
    return _aligned_offset_realloc(ptr, size, alignment, 0);
}

void * __cdecl _aligned_offset_recalloc(void *ptr, size_t count, size_t size, size_t alignment, size_t offset)
{
    size_t old_size = ptr ? _aligned_msize(ptr, alignment, offset) : 0, new_size;
    char *ret;

    if (size && count > (size_t)-1 / size)
    {
        *_errno() = ENOMEM;
        return NULL;
    }
    new_size = count * size;
    ret = _aligned_offset_realloc(ptr, new_size, alignment, offset);
    if (ret && new_size > old_size) memset(ret + old_size, 0, new_size - old_size);
    return ret;
}

void * __cdecl _aligned_recalloc(void *ptr, size_t count, size_t size, size_t alignment)
{
    return _aligned_offset_recalloc(ptr, count, size, alignment, 0);
}

/* ---- C++ operators (exported by their decorated names) ---- */

void * __cdecl msvcrt_operator_new(size_t size)
{
    void *ptr;

    /* msvcrt.dll's operator new returns NULL rather than throwing */
    do
    {
        if ((ptr = HeapAlloc(crt_heap(), 0, size ? size : 1))) return ptr;
    } while (_callnewh(size));
    *_errno() = ENOMEM;
    return NULL;
}

void __cdecl msvcrt_operator_delete(void *ptr)
{
    free(ptr);
}
