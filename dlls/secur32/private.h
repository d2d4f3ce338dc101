/*
 * Private declarations shared by the PE sources of secur32.dll.
 */
#ifndef WLX_SECUR32_PRIVATE_H
#define WLX_SECUR32_PRIVATE_H

#define SECURITY_WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <sspi.h>
#include <ntsecapi.h>
#define SECURITY_WIN32
#include <security.h>
#include <string.h>

#endif
