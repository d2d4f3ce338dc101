/*
 * bench/msvc/windows.h — the few kernel32 declarations bench/bench.h uses,
 * for the clang MSVC-ABI build of bench/cxxthrow.cpp (no Microsoft headers,
 * and mingw's do not target that ABI).
 */
#ifndef WLX_BENCH_MSVC_WINDOWS_H
#define WLX_BENCH_MSVC_WINDOWS_H

typedef unsigned long DWORD;
typedef int BOOL;
typedef void *HANDLE;
typedef union { struct { DWORD LowPart; long HighPart; } u; long long QuadPart; } LARGE_INTEGER;
#define WINAPI __stdcall
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define NULL 0

extern "C" {
__declspec(dllimport) HANDLE WINAPI GetStdHandle(DWORD which);
__declspec(dllimport) BOOL WINAPI WriteFile(HANDLE file, const void *buf, DWORD len, DWORD *done, void *overlapped);
__declspec(dllimport) BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *freq);
__declspec(dllimport) BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *count);
__declspec(dllimport) void WINAPI ExitProcess(unsigned int code);
}

/* type_info's vtable, which RTTI type descriptors point to: MSVC links it
   into the program from its static CRT library; we have none */
extern "C" __declspec(selectany) const void *const bench_type_info_vtable[1] = { 0 };
#pragma comment(linker, "/alternatename:??_7type_info@@6B@=bench_type_info_vtable")

#endif
