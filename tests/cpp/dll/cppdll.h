/* tests/cpp/dll/cppdll.h — what tests/cpp/throwing.cpp and its DLL share */
#ifndef CPPDLL_H
#define CPPDLL_H
#include <stdexcept>

#ifdef CPPDLL_BUILD
#define CPPDLL_API extern "C" __declspec(dllexport)
#else
#define CPPDLL_API extern "C" __declspec(dllimport)
#endif

/* thrown by the DLL, caught by the program */
struct dll_error : std::runtime_error {
    int code;
    dll_error(const char *what, int c) : std::runtime_error(what), code(c) {}
};

/* thrown by the program, caught by the DLL */
struct exe_error : std::logic_error {
    int code;
    exe_error(const char *what, int c) : std::logic_error(what), code(c) {}
};

CPPDLL_API int cppdll_destroyed;           /* the DLL's destructors that ran */
/* throws: 0 dll_error("from the dll", 7), 1 std::out_of_range, 2 the int 42,
   each under `depth` frames of the DLL's own holding a destructor */
CPPDLL_API void cppdll_throw(int kind, int depth);
/* calls back `depth` frames down; what the callback throws goes through */
CPPDLL_API int cppdll_call(int (*callback)(int), int arg, int depth);
/* calls back and catches: exe_error's code, 1000 + what() length for another
   std::exception, -1 for anything else, 0 when nothing was thrown */
CPPDLL_API int cppdll_catch(void (*callback)(void));
/* catches what the callback throws, adds 1 to an exe_error's code and
   throws the same object on with `throw;` */
CPPDLL_API void cppdll_rethrow(void (*callback)(void));
#endif
