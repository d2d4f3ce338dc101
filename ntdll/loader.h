/*
 * ntdll/loader.h — shared between the loader's files: loader.c (modules,
 * imports, DllMain), tls.c (static TLS), apiset.c (API set names),
 * relay.c (WLXDEBUG=+relay).
 */
#ifndef WLX_NTDLL_LOADER_H
#define WLX_NTDLL_LOADER_H

typedef struct {
    ULONG Length;
    BOOLEAN Initialized;
    void *SsHandle;
    LIST_ENTRY InLoadOrderModuleList;
    LIST_ENTRY InMemoryOrderModuleList;
    LIST_ENTRY InInitializationOrderModuleList;
    void *EntryInProgress;
    BOOLEAN ShutdownInProgress;
    HANDLE ShutdownThreadId;
} PEB_LDR_DATA_FULL;

#define MAP_BUILTIN_ONLY 1
#define MAP_IS_BUILTIN   1
NTSTATUS NTAPI __wlx_map_image(const UNICODE_STRING *nt_path, ULONG flags, void **base, SIZE_T *size,
                               ULONG *result_flags, char *why, ULONG why_len);
NTSTATUS NTAPI __wlx_unmap_image(void *base);

/* loader.c */
NTSTATUS ldr_load(const WCHAR *name, WLX_LDR_ENTRY **ret, int as_datafile);
void ldr_release(WLX_LDR_ENTRY *m);
void *ldr_find_export(WLX_LDR_ENTRY *m, const char *name, int hint, int depth);
WLX_LDR_ENTRY *ldr_find_by_base(const void *base);
WLX_LDR_ENTRY *ldr_find_by_address(const void *addr);
BOOL call_dll_entry(WLX_LDR_ENTRY *m, DWORD reason, void *reserved);
NTSTATUS search_path_env(const WCHAR *name, WCHAR *full, size_t full_size, void **base, ULONG *rflags,
                         char *why, ULONG why_len);
ULONG NTAPI RtlGetFullPathName_U(const WCHAR *name, ULONG size, WCHAR *buffer, WCHAR **file_part);
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, WCHAR *buffer);

/* tls.c */
void peb_init_tls_bitmap(void);
NTSTATUS tls_init_module(WLX_LDR_ENTRY *m);
void tls_free_module(WLX_LDR_ENTRY *m);
void tls_thread_init(void);
void tls_thread_detach(void);
void fls_thread_exit(void);          /* fls.c */
void unwind_forget_modules(void);   /* unwind.c */
void tls_callbacks(WLX_LDR_ENTRY *m, DWORD reason);

/* apiset.c */
const WCHAR *apiset_resolve(const WCHAR *name);
int wcsicmp_ascii(const WCHAR *a, const WCHAR *b);

/* relay.c */
void relay_init(void);
void *relay_wrap(WLX_LDR_ENTRY *m, DWORD index, void *addr);

#endif
