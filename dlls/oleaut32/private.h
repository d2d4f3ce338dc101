/*
 * Private declarations shared by the PE sources of oleaut32.dll.
 */
#ifndef WLX_OLEAUT32_PRIVATE_H
#define WLX_OLEAUT32_PRIVATE_H

#define _OLEAUT32_          /* we define oleauto.h's functions: not dllimport */
#define COBJMACROS
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <oleauto.h>
#include <string.h>

/* convert.c: the number <-> string helpers VariantChangeType shares */
HRESULT oa_parse_number(const WCHAR *str, double *value);
HRESULT oa_double_to_int64(double value, LONGLONG *out);
BSTR oa_format_int64(LONGLONG value);
BSTR oa_format_double(double value, int precision);

/* variant.c: the bytes a value of `vt` takes (BSTR and interfaces: a
 * pointer), 0 for types with no fixed size */
ULONG oa_vt_size(VARTYPE vt);

#endif
