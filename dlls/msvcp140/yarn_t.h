/*
 * dlls/msvcp140/yarn_t.h — the body of std::_Yarn<E>, the small owned
 * string _Locinfo keeps its names in, included by yarn.c once per
 * character type. The includer defines CHAR_T, YARN_STRUCT and YF(name).
 */

void __cdecl YF(Tidy)(YARN_STRUCT *y)
{
    free(y->ptr);
    y->ptr = NULL;
}

/* operator=(const E *): a copy of the string (NULL: none) */
YARN_STRUCT *__cdecl YF(assign_str)(YARN_STRUCT *y, const CHAR_T *str)
{
    size_t len = 0;

    if (y->ptr == str) return y;
    YF(Tidy)(y);
    if (!str) return y;
    while (str[len]) len++;
    if (!(y->ptr = malloc((len + 1) * sizeof(CHAR_T)))) std_Xbad_alloc();
    memcpy(y->ptr, str, (len + 1) * sizeof(CHAR_T));
    return y;
}

YARN_STRUCT *__cdecl YF(assign)(YARN_STRUCT *y, const YARN_STRUCT *other)
{
    return YF(assign_str)(y, other->ptr);
}

YARN_STRUCT *__cdecl YF(ctor)(YARN_STRUCT *y)
{
    y->ptr = NULL;
    y->nul = 0;
    return y;
}

YARN_STRUCT *__cdecl YF(ctor_str)(YARN_STRUCT *y, const CHAR_T *str)
{
    YF(ctor)(y);
    return YF(assign_str)(y, str);
}

YARN_STRUCT *__cdecl YF(copy_ctor)(YARN_STRUCT *y, const YARN_STRUCT *other)
{
    YF(ctor)(y);
    return YF(assign_str)(y, other->ptr);
}

void __cdecl YF(dtor)(YARN_STRUCT *y) { YF(Tidy)(y); }

/* c_str(): the string, or an empty one of the object's own */
const CHAR_T *__cdecl YF(c_str)(const YARN_STRUCT *y) { return y->ptr ? y->ptr : &y->nul; }
bool8 __cdecl YF(empty)(const YARN_STRUCT *y) { return !y->ptr; }
