/*
 * dlls/msvcp140/yarn.c — std::_Yarn<char> and _Yarn<wchar_t> (whose
 * functions serve _Yarn<unsigned short>'s names too): the out-of-line
 * members of the owned string _Locinfo keeps locale names in, its memory
 * the C runtime's heap (yarn_t.h).
 */
#include "iostream.h"

#define CHAR_T char
#define YARN_STRUCT struct yarn
#define YF(name) yarn_##name
#include "yarn_t.h"
#undef CHAR_T
#undef YARN_STRUCT
#undef YF

#define CHAR_T WCHAR
#define YARN_STRUCT struct wyarn
#define YF(name) wyarn_##name
#include "yarn_t.h"
