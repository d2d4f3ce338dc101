/* tests/msvc/dll/cxxdll.h — what tests/msvc/cxx_mt.cpp and its DLL share:
   a class hierarchy both images define (MSVC matches catch types across
   images by their decorated names) and the DLL's functions */
#ifndef CXXDLL_H
#define CXXDLL_H

#ifdef CXXDLL_BUILD
#define CXXDLL_API extern "C" __declspec(dllexport)
#else
#define CXXDLL_API extern "C" __declspec(dllimport)
#endif

struct DllBase { int code; DllBase(int c) : code(c) {} virtual ~DllBase() {} };
struct DllMixin { int mix; DllMixin() : mix(0x77) {} virtual ~DllMixin() {} };
struct DllError : DllBase, DllMixin { int extra; DllError(int c) : DllBase(c), extra(c * 2) {} };
struct ExeError : DllBase { ExeError(int c) : DllBase(c) {} };

CXXDLL_API int cxxdll_destroyed;
/* throws DllError(code) under `depth` frames of the DLL holding destructors */
CXXDLL_API void cxxdll_throw(int code, int depth);
/* calls back under `depth` frames of its own; what the callback throws goes through */
CXXDLL_API int cxxdll_call(int (*callback)(int), int arg, int depth);
/* calls back and catches: a DllBase's code, -1 for anything else, 0 for nothing */
CXXDLL_API int cxxdll_catch(void (*callback)(void));
/* catches a DllBase &, adds 100 to its code and throws it on with throw; */
CXXDLL_API void cxxdll_rethrow(void (*callback)(void));
#endif
