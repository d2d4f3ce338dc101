/*
 * include/wlx/unixcall.h — the PE side of a DLL's door to its Unix part
 * (the .c files of <dll>/unix, built as <dll>.so): ntdll's private __wlx_unix_lib_load
 * and __wlx_unix_call, and wlx_unix_call(), which loads the library on
 * first use. Include it in one PE source of the DLL.
 */
#ifndef WLX_UNIXCALL_H
#define WLX_UNIXCALL_H

LONG WINAPI __wlx_unix_lib_load(HMODULE module, UINT64 *handle);
LONG WINAPI __wlx_unix_call(UINT64 handle, UINT32 code, void *params);
extern IMAGE_DOS_HEADER __ImageBase;

/* runs entry code of this DLL's Unix part; loading it twice in a race is
   harmless (the same library) */
static inline LONG wlx_unix_call(UINT32 code, void *params)
{
    static UINT64 handle;
    UINT64 h = handle;
    LONG status;

    if (!h)
    {
        if ((status = __wlx_unix_lib_load((HMODULE)&__ImageBase, &h))) return status;
        handle = h;
    }
    return __wlx_unix_call(h, code, params);
}

#endif
