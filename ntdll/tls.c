/*
 * ntdll/tls.c — static TLS (__declspec(thread), thread_local in MSVC code,
 * the .tls section of mingw's CRT): each module with a TLS directory gets
 * an index; every thread's ThreadLocalStoragePointer array holds, at that
 * index, its own copy of the module's template. DLLs loaded later (Windows
 * Vista+ supports it) get a block in every running thread. Also the TLS
 * callbacks, and the PEB's TLS slot bitmaps for TlsAlloc.
 */
#include "private.h"
#include "loader.h"

struct tls_module {
    const BYTE *start;    /* template */
    SIZE_T data_size;     /* template bytes */
    SIZE_T zero_fill;     /* zeroed bytes after it */
    int in_use;
};

#define MAX_THREADS_TRACKED 4096
static struct tls_module *modules;
static ULONG nmodules, capacity;
static BYTE *threads[MAX_THREADS_TRACKED];   /* TEBs of running threads */
static ULONG nthreads;

typedef struct { ULONG SizeOfBitMap; ULONG *Buffer; } RTL_BITMAP_;
static RTL_BITMAP_ tls_bitmap, tls_expansion_bitmap;

void peb_init_tls_bitmap(void)
{
    BYTE *peb = peb_ptr();
    tls_bitmap.SizeOfBitMap = 64;
    tls_bitmap.Buffer = (ULONG *)(peb + 0x80);
    tls_expansion_bitmap.SizeOfBitMap = 1024;
    tls_expansion_bitmap.Buffer = (ULONG *)(peb + 0x240);
    *(RTL_BITMAP_ **)(peb + 0x78) = &tls_bitmap;
    *(RTL_BITMAP_ **)(peb + 0x238) = &tls_expansion_bitmap;
}

static void *alloc_block(const struct tls_module *t)
{
    BYTE *b = RtlAllocateHeap(PROCESS_HEAP(), 0, t->data_size + t->zero_fill + 16);
    if (!b) return NULL;
    memcpy(b, t->start, t->data_size);
    memset(b + t->data_size, 0, t->zero_fill);
    return b;
}

/* make sure teb's array has room for every index */
static void **thread_array(BYTE *teb, ULONG count)
{
    void **old = *(void ***)(teb + TEB_TLS_POINTER);
    ULONG have = old ? ((ULONG *)old)[-2] : 0;
    if (old && have >= count) return old;
    ULONG n = count < 8 ? 8 : count * 2;
    ULONG *raw = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, (n + 1) * sizeof(void *));
    if (!raw) return old;
    void **arr = (void **)(raw + 2);
    raw[0] = n;
    if (old) memcpy(arr, old, have * sizeof(void *));
    /* the old array stays allocated: the thread may be reading it right now */
    __atomic_store_n((void ***)(teb + TEB_TLS_POINTER), arr, __ATOMIC_RELEASE);
    return arr;
}

NTSTATUS tls_init_module(WLX_LDR_ENTRY *m)
{
    DWORD size;
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)m->DllBase + ((IMAGE_DOS_HEADER *)m->DllBase)->e_lfanew);
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_TLS || !d->VirtualAddress) return STATUS_SUCCESS;
    (void)size;
    IMAGE_TLS_DIRECTORY64 *dir = (IMAGE_TLS_DIRECTORY64 *)((BYTE *)m->DllBase + d->VirtualAddress);
    ULONG index;
    for (index = 0; index < nmodules; index++) if (!modules[index].in_use) break;
    if (index == capacity)
    {
        ULONG n = capacity ? capacity * 2 : 16;
        struct tls_module *nm = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, n * sizeof(*nm));
        if (!nm) return STATUS_NO_MEMORY;
        if (modules) memcpy(nm, modules, capacity * sizeof(*nm));
        modules = nm;
        capacity = n;
    }
    if (index == nmodules) nmodules++;
    struct tls_module *t = &modules[index];
    t->start = (const BYTE *)dir->StartAddressOfRawData;
    t->data_size = dir->EndAddressOfRawData - dir->StartAddressOfRawData;
    t->zero_fill = dir->SizeOfZeroFill;
    t->in_use = 1;
    m->tls_index = index;
    m->TlsIndex = (USHORT)index;
    if (dir->AddressOfIndex) *(ULONG *)dir->AddressOfIndex = index;
    for (ULONG i = 0; i < nthreads; i++)
    {
        void **arr = thread_array(threads[i], nmodules);
        if (arr) arr[index] = alloc_block(t);
    }
    return STATUS_SUCCESS;
}

void tls_free_module(WLX_LDR_ENTRY *m)
{
    if (m->tls_index == (ULONG)-1) return;
    modules[m->tls_index].in_use = 0;
    for (ULONG i = 0; i < nthreads; i++)
    {
        void **arr = *(void ***)(threads[i] + TEB_TLS_POINTER);
        if (arr && arr[m->tls_index]) { RtlFreeHeap(PROCESS_HEAP(), 0, arr[m->tls_index]); arr[m->tls_index] = NULL; }
    }
}

/* the calling thread: register it and give it every module's block */
void tls_thread_init(void)
{
    BYTE *teb = teb_ptr();
    if (nthreads < MAX_THREADS_TRACKED) threads[nthreads++] = teb;
    void **arr = thread_array(teb, nmodules ? nmodules : 1);
    for (ULONG i = 0; i < nmodules; i++)
        if (modules[i].in_use && arr && !arr[i]) arr[i] = alloc_block(&modules[i]);
}

void tls_thread_detach(void)
{
    BYTE *teb = teb_ptr();
    void **arr = *(void ***)(teb + TEB_TLS_POINTER);
    for (ULONG i = 0; i < nthreads; i++)
        if (threads[i] == teb) { threads[i] = threads[--nthreads]; break; }
    if (arr)
    {
        for (ULONG i = 0; i < nmodules; i++) if (arr[i]) RtlFreeHeap(PROCESS_HEAP(), 0, arr[i]);
        *(void ***)(teb + TEB_TLS_POINTER) = NULL;
        RtlFreeHeap(PROCESS_HEAP(), 0, (ULONG *)arr - 2);
    }
}

typedef void (NTAPI *tls_callback)(void *, DWORD, void *);

void tls_callbacks(WLX_LDR_ENTRY *m, DWORD reason)
{
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)m->DllBase + ((IMAGE_DOS_HEADER *)m->DllBase)->e_lfanew);
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_TLS || !d->VirtualAddress) return;
    IMAGE_TLS_DIRECTORY64 *dir = (IMAGE_TLS_DIRECTORY64 *)((BYTE *)m->DllBase + d->VirtualAddress);
    if (!dir->AddressOfCallBacks) return;
    for (tls_callback *cb = (tls_callback *)dir->AddressOfCallBacks; *cb; cb++) (*cb)(m->DllBase, reason, NULL);
}
