/*
 * Private declarations shared by the PE sources of ws2_32.dll.
 */
#ifndef WLX_WS2_32_PRIVATE_H
#define WLX_WS2_32_PRIVATE_H

/* we define Winsock's functions: they must not be dllimport here */
#define WINSOCK_API_LINKAGE
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <string.h>
#include "unixlib.h"

/* main.c */
extern LONG ws2_startup_count;
LONG ws2_unix_call(UINT32 code, void *params);
/* runs a struct sock_params call: the result, or -1 with the WSA error set */
INT64 ws2_sock_call(UINT32 code, struct sock_params *p);
void *ws2_alloc(SIZE_T size);
void ws2_free(void *ptr);

#endif
