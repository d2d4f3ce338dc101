/* tests/combase/malloc.c — the COM task allocator, as combase.dll exports it */
#include <windows.h>
#include "test.h"

static LPVOID (WINAPI *pCoTaskMemAlloc)(SIZE_T);
static LPVOID (WINAPI *pCoTaskMemRealloc)(LPVOID, SIZE_T);
static void (WINAPI *pCoTaskMemFree)(LPVOID);

int main(void)
{
    HMODULE combase = LoadLibraryA("combase.dll");
    char *p, *q;

    ok(combase != NULL, "combase.dll not loaded: %lu\n", GetLastError());
    if (!combase) return test_summary();
    pCoTaskMemAlloc = (void *)GetProcAddress(combase, "CoTaskMemAlloc");
    pCoTaskMemRealloc = (void *)GetProcAddress(combase, "CoTaskMemRealloc");
    pCoTaskMemFree = (void *)GetProcAddress(combase, "CoTaskMemFree");
    ok(pCoTaskMemAlloc && pCoTaskMemRealloc && pCoTaskMemFree, "exports missing\n");
    if (!pCoTaskMemAlloc || !pCoTaskMemRealloc || !pCoTaskMemFree) return test_summary();

    p = pCoTaskMemAlloc(16);
    ok(p != NULL, "CoTaskMemAlloc(16) failed\n");
    memcpy(p, "0123456789abcde", 16);
    q = pCoTaskMemRealloc(p, 4096);
    ok(q != NULL && !memcmp(q, "0123456789abcde", 16), "CoTaskMemRealloc lost the contents\n");
    pCoTaskMemFree(q);
    pCoTaskMemFree(NULL);   /* allowed */

    /* realloc of NULL allocates; realloc to 0 frees and returns NULL */
    p = pCoTaskMemRealloc(NULL, 8);
    ok(p != NULL, "CoTaskMemRealloc(NULL, 8) failed\n");
    ok(pCoTaskMemRealloc(p, 0) == NULL, "CoTaskMemRealloc(p, 0) did not return NULL\n");
    /* an impossible size fails */
    ok(pCoTaskMemAlloc(~(SIZE_T)0 - 0x10000) == NULL, "a huge allocation succeeded\n");
    return test_summary();
}
