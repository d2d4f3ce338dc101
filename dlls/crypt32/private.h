/*
 * dlls/crypt32/private.h — what crypt32's files share: the SDK header with
 * crypt32's own functions not marked dllimport.
 */
#ifndef WLX_CRYPT32_PRIVATE_H
#define WLX_CRYPT32_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#define WINIMPM
#define WINCRYPT32API
#include <windows.h>
#include <wincrypt.h>

/* the host's trusted roots as contexts of the ROOT store (rootcerts.c) */
DWORD crypt32_root_certs(HCERTSTORE store, const PCCERT_CONTEXT **list);

#endif
