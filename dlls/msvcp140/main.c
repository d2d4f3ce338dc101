/*
 * dlls/msvcp140/main.c — msvcp140.dll's entry point and what has no other
 * home: std::_Random_device. Process attach builds the exception classes,
 * the locks, the "C" locale and the standard streams, in that order.
 */
#include "iostream.h"

BOOL WINAPI ProcessPrng(BYTE *data, SIZE_T size);

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    (void)inst;
    (void)reserved;
    if (reason != DLL_PROCESS_ATTACH) return TRUE;
    msvcp_init_classes();
    msvcp_init_locks();
    msvcp_init_exception_ptr();
    msvcp_init_locale();
    msvcp_init_iostreams();
    return TRUE;
}

/* std::random_device's number: from the system's random source */
unsigned int __cdecl std_Random_device(void)
{
    unsigned int value;
    if (!ProcessPrng((BYTE *)&value, sizeof(value))) msvcp_throw(STD_OUT_OF_RANGE, "invalid random_device value");
    return value;
}
