/*
 * dlls/msvcp140_codecvt_ids/ids.c — msvcp140_codecvt_ids.dll: four
 * std::locale::id objects, one per codecvt facet between char16_t or
 * char32_t and char or char8_t (C++20 added the char8_t ones, and the
 * satellite, so as not to grow msvcp140's exports). An id is a size_t,
 * 0 until the program's inline locale::id::operator size_t (or
 * msvcp140's) gives it the next number of msvcp140's _Id_cnt.
 */
#include <stddef.h>

struct locale_id { size_t id; };

struct locale_id codecvt_char16_char_id, codecvt_char16_char8_id;
struct locale_id codecvt_char32_char_id, codecvt_char32_char8_id;
