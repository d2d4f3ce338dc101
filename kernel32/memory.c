/*
 * kernel32/memory.c — virtual memory, heaps, and the Global/Local families.
 *
 * Moveable Global/Local memory: the handle points 8 bytes into a small
 * entry {pointer, lock count, flags}; fixed memory is the heap pointer
 * itself. Heap pointers are 16-byte aligned, so (handle & 8) tells them apart.
 * A moveable block carries its handle in a 16-byte header before the data,
 * so GlobalHandle(pointer) finds it.
 */
#include "private.h"

PVOID NTAPI RtlReAllocateHeap(HANDLE, ULONG, PVOID, SIZE_T);
SIZE_T NTAPI RtlSizeHeap(HANDLE, ULONG, PVOID);
PVOID NTAPI RtlDestroyHeap(PVOID);
BOOLEAN NTAPI RtlValidateHeap(HANDLE, ULONG, PVOID);
BOOLEAN NTAPI RtlLockHeap(HANDLE);
BOOLEAN NTAPI RtlUnlockHeap(HANDLE);
NTSTATUS NTAPI RtlWalkHeap(HANDLE, PVOID);
ULONG NTAPI RtlGetProcessHeaps(ULONG, PVOID *);
SIZE_T NTAPI RtlCompactHeap(HANDLE, ULONG);

/* --- virtual memory --------------------------------------------------------- */

LPVOID WINAPI VirtualAllocEx(HANDLE process, void *addr, SIZE_T size, DWORD type, DWORD protect)
{
    void *ret = addr;
    if (!set_ntstatus(NtAllocateVirtualMemory(process, &ret, 0, &size, type, protect))) return NULL;
    return ret;
}

LPVOID WINAPI VirtualAlloc(void *addr, SIZE_T size, DWORD type, DWORD protect)
{
    return VirtualAllocEx(GetCurrentProcess(), addr, size, type, protect);
}

NTSTATUS NTAPI NtAllocateVirtualMemoryEx(HANDLE, void **, SIZE_T *, ULONG, ULONG, MEM_EXTENDED_PARAMETER *, ULONG);

/* placeholders (MEM_RESERVE_PLACEHOLDER, MEM_REPLACE_PLACEHOLDER) and
   address requirements: ntdll/unix/virtual.c */
void *WINAPI VirtualAlloc2(HANDLE process, void *addr, SIZE_T size, ULONG type, ULONG protect,
                           MEM_EXTENDED_PARAMETER *params, ULONG count)
{
    void *ret = addr;
    if (!process) process = GetCurrentProcess();
    if (!set_ntstatus(NtAllocateVirtualMemoryEx(process, &ret, &size, type, protect, params, count))) return NULL;
    return ret;
}

BOOL WINAPI VirtualFreeEx(HANDLE process, void *addr, SIZE_T size, DWORD type)
{
    if (type == MEM_RELEASE && size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return set_ntstatus(NtFreeVirtualMemory(process, &addr, &size, type));
}

BOOL WINAPI VirtualFree(void *addr, SIZE_T size, DWORD type)
{
    return VirtualFreeEx(GetCurrentProcess(), addr, size, type);
}

BOOL WINAPI VirtualProtectEx(HANDLE process, void *addr, SIZE_T size, DWORD prot, DWORD *old)
{
    ULONG o;
    if (!old) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (!set_ntstatus(NtProtectVirtualMemory(process, &addr, &size, prot, &o))) return FALSE;
    *old = o;
    return TRUE;
}

BOOL WINAPI VirtualProtect(void *addr, SIZE_T size, DWORD prot, DWORD *old)
{
    return VirtualProtectEx(GetCurrentProcess(), addr, size, prot, old);
}

SIZE_T WINAPI VirtualQueryEx(HANDLE process, LPCVOID addr, MEMORY_BASIC_INFORMATION *info, SIZE_T len)
{
    SIZE_T ret;
    if (!set_ntstatus(NtQueryVirtualMemory(process, addr, 0, info, len, &ret))) return 0;
    return ret;
}

SIZE_T WINAPI VirtualQuery(LPCVOID addr, MEMORY_BASIC_INFORMATION *info, SIZE_T len)
{
    return VirtualQueryEx(GetCurrentProcess(), addr, info, len);
}

/* x86-64's large page: 2 MiB */
SIZE_T WINAPI GetLargePageMinimum(void) { return 2 * 1024 * 1024; }
BOOL WINAPI VirtualLock(void *addr, SIZE_T size) { (void)addr; (void)size; return TRUE; }
BOOL WINAPI VirtualUnlock(void *addr, SIZE_T size) { (void)addr; (void)size; return TRUE; }
BOOL WINAPI FlushInstructionCache(HANDLE process, LPCVOID addr, SIZE_T size) { (void)process; (void)addr; (void)size; return TRUE; }

/* --- heaps --------------------------------------------------------------------- */

HANDLE WINAPI HeapCreate(DWORD flags, SIZE_T initial, SIZE_T max)
{
    flags &= HEAP_GENERATE_EXCEPTIONS | HEAP_NO_SERIALIZE | HEAP_CREATE_ENABLE_EXECUTE;
    if (!max) flags |= HEAP_GROWABLE;
    HANDLE h = RtlCreateHeap(flags, NULL, max, initial, NULL, NULL);
    if (!h) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return h;
}

BOOL WINAPI HeapDestroy(HANDLE heap)
{
    if (heap == PROCESS_HEAP()) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (RtlDestroyHeap(heap)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return TRUE;
}

BOOL WINAPI HeapFree(HANDLE heap, DWORD flags, void *ptr)
{
    if (RtlFreeHeap(heap, flags, ptr)) return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

BOOL WINAPI HeapValidate(HANDLE heap, DWORD flags, LPCVOID ptr) { return RtlValidateHeap(heap, flags, (void *)ptr); }
BOOL WINAPI HeapLock(HANDLE heap) { return RtlLockHeap(heap); }
BOOL WINAPI HeapUnlock(HANDLE heap) { return RtlUnlockHeap(heap); }
SIZE_T WINAPI HeapCompact(HANDLE heap, DWORD flags) { return RtlCompactHeap(heap, flags); }
HANDLE WINAPI GetProcessHeap(void) { return PROCESS_HEAP(); }
DWORD WINAPI GetProcessHeaps(DWORD count, HANDLE *heaps) { return RtlGetProcessHeaps(count, heaps); }

BOOL WINAPI HeapWalk(HANDLE heap, PROCESS_HEAP_ENTRY *entry)
{
    return set_ntstatus(RtlWalkHeap(heap, entry));
}

BOOL WINAPI HeapSetInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, void *info, SIZE_T len)
{
    (void)heap; (void)cls; (void)info; (void)len;
    return TRUE;
}

BOOL WINAPI HeapQueryInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, void *info, SIZE_T len, SIZE_T *ret)
{
    (void)heap;
    if (cls != HeapCompatibilityInformation) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (ret) *ret = sizeof(ULONG);
    if (len < sizeof(ULONG)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    *(ULONG *)info = 2;  /* low-fragmentation heap */
    return TRUE;
}

/* --- Global/Local ---------------------------------------------------------------- */

struct moveable { void *ptr; WORD lock; WORD flags; DWORD magic; };
#define MOVEABLE_MAGIC 0x4c424f47
#define IS_MOVEABLE(h) (((ULONG_PTR)(h) & 0xf) == 8)
static struct moveable *entry_of(HLOCAL h) { return (struct moveable *)((BYTE *)h - 8); }

#define MOVEABLE_HEADER 16
/* (re)allocate the data of a moveable block; returns the data address */
static void *moveable_block(struct moveable *m, void *old_data, SIZE_T size, DWORD hflags)
{
    BYTE *block = old_data ? RtlReAllocateHeap(PROCESS_HEAP(), hflags, (BYTE *)old_data - MOVEABLE_HEADER, size + MOVEABLE_HEADER)
                           : RtlAllocateHeap(PROCESS_HEAP(), hflags, size + MOVEABLE_HEADER);
    if (!block) return NULL;
    *(HLOCAL *)block = (HLOCAL)((BYTE *)m + 8);
    return block + MOVEABLE_HEADER;
}

static void moveable_free(void *data)
{
    if (data) RtlFreeHeap(PROCESS_HEAP(), 0, (BYTE *)data - MOVEABLE_HEADER);
}

HLOCAL WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
    DWORD hflags = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
    if (!(flags & LMEM_MOVEABLE))
    {
        void *p = RtlAllocateHeap(PROCESS_HEAP(), hflags, size);
        if (!p) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    struct moveable *m = RtlAllocateHeap(PROCESS_HEAP(), 0, 32);
    if (!m) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    m->magic = MOVEABLE_MAGIC;
    m->lock = 0;
    m->flags = (WORD)flags;
    m->ptr = NULL;
    if (size && !(m->ptr = moveable_block(m, NULL, size, hflags)))
    {
        RtlFreeHeap(PROCESS_HEAP(), 0, m);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return (HLOCAL)((BYTE *)m + 8);
}

HLOCAL WINAPI LocalFree(HLOCAL h)
{
    if (!h) return NULL;
    if (IS_MOVEABLE(h))
    {
        struct moveable *m = entry_of(h);
        if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return h; }
        m->magic = 0;
        moveable_free(m->ptr);
        RtlFreeHeap(PROCESS_HEAP(), 0, m);
        return NULL;
    }
    if (!RtlFreeHeap(PROCESS_HEAP(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return h; }
    return NULL;
}

LPVOID WINAPI LocalLock(HLOCAL h)
{
    if (!IS_MOVEABLE(h)) return h;
    struct moveable *m = entry_of(h);
    if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
    if (!m->ptr) { SetLastError(ERROR_DISCARDED); return NULL; }
    if (m->lock < 0xff) m->lock++;
    return m->ptr;
}

BOOL WINAPI LocalUnlock(HLOCAL h)
{
    if (!IS_MOVEABLE(h)) { SetLastError(ERROR_NOT_LOCKED); return FALSE; }
    struct moveable *m = entry_of(h);
    if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!m->lock) { SetLastError(ERROR_NOT_LOCKED); return FALSE; }
    if (m->lock < 0xff) m->lock--;
    if (m->lock) return TRUE;
    SetLastError(NO_ERROR);
    return FALSE;
}

SIZE_T WINAPI LocalSize(HLOCAL h)
{
    if (!IS_MOVEABLE(h)) return RtlSizeHeap(PROCESS_HEAP(), 0, h) == (SIZE_T)-1 ? 0 : RtlSizeHeap(PROCESS_HEAP(), 0, h);
    struct moveable *m = entry_of(h);
    if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
    return m->ptr ? RtlSizeHeap(PROCESS_HEAP(), 0, (BYTE *)m->ptr - MOVEABLE_HEADER) - MOVEABLE_HEADER : 0;
}

HLOCAL WINAPI LocalReAlloc(HLOCAL h, SIZE_T size, UINT flags)
{
    DWORD hflags = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
    if (!IS_MOVEABLE(h))
    {
        if (flags & LMEM_MODIFY) return h;
        if (!(flags & LMEM_MOVEABLE)) hflags |= HEAP_REALLOC_IN_PLACE_ONLY;
        void *p = RtlReAllocateHeap(PROCESS_HEAP(), hflags, h, size);
        if (!p) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    struct moveable *m = entry_of(h);
    if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
    if (flags & LMEM_MODIFY) { m->flags = (WORD)flags; return h; }
    if (!size)
    {
        moveable_free(m->ptr);
        m->ptr = NULL;
        return h;
    }
    void *p = moveable_block(m, m->ptr, size, hflags);
    if (!p) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    m->ptr = p;
    return h;
}

UINT WINAPI LocalFlags(HLOCAL h)
{
    if (!IS_MOVEABLE(h)) return 0;
    struct moveable *m = entry_of(h);
    if (m->magic != MOVEABLE_MAGIC) { SetLastError(ERROR_INVALID_HANDLE); return LMEM_INVALID_HANDLE; }
    return m->lock | (m->ptr ? 0 : LMEM_DISCARDED);
}

HLOCAL WINAPI LocalHandle(LPCVOID ptr)
{
    /* a moveable block's data follows the header holding its handle */
    if (ptr && !((ULONG_PTR)ptr & 15))
    {
        HLOCAL h = *(HLOCAL *)((const BYTE *)ptr - MOVEABLE_HEADER);
        if (IS_MOVEABLE(h) && !IsBadReadPtr(entry_of(h), sizeof(struct moveable)) &&
            entry_of(h)->magic == MOVEABLE_MAGIC && entry_of(h)->ptr == ptr)
            return h;
    }
    return (HLOCAL)ptr;
}

HGLOBAL WINAPI GlobalAlloc(UINT flags, SIZE_T size) { return LocalAlloc(flags & (GMEM_MOVEABLE | GMEM_ZEROINIT), size); }
HGLOBAL WINAPI GlobalFree(HGLOBAL h) { return LocalFree(h); }
LPVOID WINAPI GlobalLock(HGLOBAL h) { return LocalLock(h); }
BOOL WINAPI GlobalUnlock(HGLOBAL h) { return LocalUnlock(h); }
SIZE_T WINAPI GlobalSize(HGLOBAL h) { return LocalSize(h); }
HGLOBAL WINAPI GlobalReAlloc(HGLOBAL h, SIZE_T size, UINT flags) { return LocalReAlloc(h, size, flags); }
UINT WINAPI GlobalFlags(HGLOBAL h) { return LocalFlags(h); }
HGLOBAL WINAPI GlobalHandle(LPCVOID ptr) { return LocalHandle(ptr); }

/* --- IsBad*Ptr: answered from the memory map, as no fault is taken ------- */

static BOOL range_ok(const void *p, UINT_PTR size, DWORD want)
{
    MEMORY_BASIC_INFORMATION mbi;
    const BYTE *a = p, *end = (const BYTE *)p + size;
    if (!size) return TRUE;
    if (!p || end < a) return FALSE;
    while (a < end)
    {
        if (!VirtualQuery(a, &mbi, sizeof(mbi)) || mbi.State != MEM_COMMIT) return FALSE;
        if (mbi.Protect & (PAGE_GUARD | PAGE_NOACCESS)) return FALSE;
        if (!(mbi.Protect & want)) return FALSE;
        a = (const BYTE *)mbi.BaseAddress + mbi.RegionSize;
    }
    return TRUE;
}

#define READABLE (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITABLE (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
BOOL WINAPI IsBadReadPtr(LPCVOID p, UINT_PTR size) { return !range_ok(p, size, READABLE); }
BOOL WINAPI IsBadWritePtr(LPVOID p, UINT_PTR size) { return !range_ok(p, size, WRITABLE); }
BOOL WINAPI IsBadHugeReadPtr(LPCVOID p, UINT_PTR size) { return IsBadReadPtr(p, size); }
BOOL WINAPI IsBadHugeWritePtr(LPVOID p, UINT_PTR size) { return IsBadWritePtr(p, size); }
BOOL WINAPI IsBadCodePtr(FARPROC p) { return !range_ok((const void *)p, 1, PAGE_EXECUTE | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY); }

BOOL WINAPI IsBadStringPtrA(LPCSTR s, UINT_PTR max)
{
    for (UINT_PTR i = 0; i < max; i++)
    {
        if (!((ULONG_PTR)(s + i) & 0xfff) || !i) { if (IsBadReadPtr(s + i, 1)) return TRUE; }
        if (!s[i]) break;
    }
    return FALSE;
}

BOOL WINAPI IsBadStringPtrW(LPCWSTR s, UINT_PTR max)
{
    for (UINT_PTR i = 0; i < max; i++)
    {
        if (!((ULONG_PTR)(s + i) & 0xfff) || !i) { if (IsBadReadPtr(s + i, 2)) return TRUE; }
        if (!s[i]) break;
    }
    return FALSE;
}

/* ---- memory resource notifications ----
   A handle to an event that is signaled while available physical memory is
   low (LowMemoryResourceNotification) or high (HighMemoryResourceNotification).
   Windows' levels: low below about 32 MB per 4 GB of memory, at most 64 MB;
   high above three times that. The event's state is brought up to date
   whenever it is created or queried; the handle may wait and query, not set. */

#define MEMORY_NOTIFICATIONS 16
static struct { HANDLE handle; MEMORY_RESOURCE_NOTIFICATION_TYPE type; } notifications[MEMORY_NOTIFICATIONS];
static SRWLOCK notifications_lock = SRWLOCK_INIT;

static BOOL memory_condition(MEMORY_RESOURCE_NOTIFICATION_TYPE type)
{
    MEMORYSTATUSEX ms = { sizeof(ms) };
    ULONGLONG low;
    if (!GlobalMemoryStatusEx(&ms)) return FALSE;
    low = ms.ullTotalPhys / ((ULONGLONG)4 << 30) * (32 << 20);
    if (low < (32 << 20)) low = 32 << 20;
    if (low > (64 << 20)) low = 64 << 20;
    return type == LowMemoryResourceNotification ? ms.ullAvailPhys < low : ms.ullAvailPhys > 3 * low;
}

HANDLE WINAPI CreateMemoryResourceNotification(MEMORY_RESOURCE_NOTIFICATION_TYPE type)
{
    HANDLE event, handle;
    int i;
    if (type != LowMemoryResourceNotification && type != HighMemoryResourceNotification)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(event = CreateEventW(NULL, TRUE, memory_condition(type), NULL))) return NULL;
    /* the caller's handle may wait and query; ours keeps the right to set it */
    if (!DuplicateHandle(GetCurrentProcess(), event, GetCurrentProcess(), &handle, SYNCHRONIZE | 0x0001 /* EVENT_QUERY_STATE */,
                         FALSE, 0))
    {
        CloseHandle(event);
        return NULL;
    }
    AcquireSRWLockExclusive(&notifications_lock);
    for (i = 0; i < MEMORY_NOTIFICATIONS && notifications[i].handle; i++) ;
    if (i < MEMORY_NOTIFICATIONS)
    {
        notifications[i].handle = event;
        notifications[i].type = type;
    }
    else CloseHandle(event);   /* no room to follow it: its state stays as it was made */
    ReleaseSRWLockExclusive(&notifications_lock);
    return handle;
}

BOOL WINAPI QueryMemoryResourceNotification(HANDLE handle, BOOL *state)
{
    BOOL found = FALSE;
    if (!handle || !state)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    AcquireSRWLockShared(&notifications_lock);
    for (int i = 0; i < MEMORY_NOTIFICATIONS && !found; i++)
    {
        if (!notifications[i].handle || !CompareObjectHandles(notifications[i].handle, handle)) continue;
        found = TRUE;
        *state = memory_condition(notifications[i].type);
        if (*state) SetEvent(notifications[i].handle);
        else ResetEvent(notifications[i].handle);
    }
    ReleaseSRWLockShared(&notifications_lock);
    if (found) return TRUE;
    /* a handle this process did not get from CreateMemoryResourceNotification */
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* --- offered and discarded memory (Windows 8.1) ------------------------------
 * Offering or discarding pages lets the system drop their contents: here
 * they are dropped at once (MEM_RESET), so a reclaim always finds them gone
 * and says so (ERROR_BUSY: reclaimed, contents discarded), which is the
 * answer a caller must be ready for anyway. */

static BOOL page_aligned(const void *addr, SIZE_T size)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return addr && size && !((ULONG_PTR)addr % si.dwPageSize) && !(size % si.dwPageSize);
}

DWORD WINAPI DiscardVirtualMemory(void *addr, SIZE_T size)
{
    if (!addr || !size) return ERROR_INVALID_PARAMETER;
    return VirtualAlloc(addr, size, MEM_RESET, PAGE_NOACCESS) ? ERROR_SUCCESS : GetLastError();
}

DWORD WINAPI OfferVirtualMemory(void *addr, SIZE_T size, OFFER_PRIORITY priority)
{
    if (!page_aligned(addr, size) || priority < VmOfferPriorityVeryLow || priority > VmOfferPriorityNormal)
        return ERROR_INVALID_PARAMETER;
    return VirtualAlloc(addr, size, MEM_RESET, PAGE_NOACCESS) ? ERROR_SUCCESS : GetLastError();
}

DWORD WINAPI ReclaimVirtualMemory(void *addr, SIZE_T size)
{
    MEMORY_BASIC_INFORMATION mbi;
    if (!page_aligned(addr, size)) return ERROR_INVALID_PARAMETER;
    if (!VirtualQuery(addr, &mbi, sizeof(mbi)) || mbi.State != MEM_COMMIT) return ERROR_INVALID_ADDRESS;
    return ERROR_BUSY;
}

/* a hint: pages are read in when touched */
BOOL WINAPI PrefetchVirtualMemory(HANDLE process, ULONG_PTR count, WIN32_MEMORY_RANGE_ENTRY *entries, ULONG flags)
{
    if (flags || !count || !entries) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (process != GetCurrentProcess() && !GetProcessId(process)) return FALSE;
    return TRUE;
}
