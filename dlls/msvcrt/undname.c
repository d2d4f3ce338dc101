/*
 * The Microsoft C++ name undecorator: __unDName and __unDNameEx.
 *
 * Turns a name decorated by Visual C++ ("?f@A@@QEBAHXZ") back into the
 * declaration it stands for ("public: int __cdecl A::f(void)const __ptr64"),
 * printed the way Windows' undecorator prints it.  type_info::name (cxx.c)
 * and dbghelp's UnDecorateSymbolName use it too.
 *
 * Written from the public description of the scheme (the decorated name is
 * '?', the name with its scopes innermost first ending in '@', then a code
 * saying what the symbol is and its type).  Sections: output strings (an
 * arena on the caller's allocator), numbers and names (with the table of
 * the first ten names, which digits 0-9 refer back to), types, the symbol,
 * the exports.  Nothing here is recursive without bound: every nesting step
 * eats input, and depth is capped.
 */
#include <string.h>
#include "undname.h"

typedef void *(__cdecl *und_alloc_fn)(size_t);
typedef void (__cdecl *und_free_fn)(void *);

#define MAX_DEPTH 64

/* a type as two halves: the declarator's name or nothing goes between
   them ("void (__cdecl*" p ")(int)") */
struct und_type
{
    const char *left;
    const char *right;
    int is_func;            /* a function type: cc holds its calling convention */
    int is_array;
    int ptr_cv;             /* a pointer's own const/volatile, which a cv letter after it repeats */
    const char *cc;
    const char *args;       /* a function's "(int,char)" and what follows */
    const char *ret_right;  /* the right half of a function's return type */
};

struct und_names
{
    const char *item[10];
    int count;
};

struct und_block { struct und_block *next; size_t used, size; char data[]; };

struct und
{
    const char *p;          /* where the parser is in the decorated name */
    unsigned int flags;
    und_alloc_fn alloc;
    und_free_fn release;
    struct und_block *blocks;
    struct und_names names; /* name back-references 0-9 */
    struct und_names args;  /* argument back-references 0-9 */
    int depth;
    int failed;
};

/* ---- output strings: all from one arena, freed at the end ---- */

static char *und_mem(struct und *u, size_t size)
{
    struct und_block *b = u->blocks;
    size = (size + 7) & ~(size_t)7;
    if (!b || b->size - b->used < size)
    {
        size_t bsize = size > 4000 ? size : 4000;
        if (!(b = u->alloc(sizeof(*b) + bsize))) { u->failed = 1; return NULL; }
        b->next = u->blocks;
        b->used = 0;
        b->size = bsize;
        u->blocks = b;
    }
    b->used += size;
    return b->data + b->used - size;
}

/* the concatenation of n strings; NULL ones count as empty */
static const char *und_cat_n(struct und *u, const char *const *parts, int n)
{
    size_t len = 0;
    char *out, *q;
    for (int i = 0; i < n; i++) if (parts[i]) len += strlen(parts[i]);
    if (!(out = und_mem(u, len + 1))) return "";
    q = out;
    for (int i = 0; i < n; i++)
        if (parts[i]) { size_t l = strlen(parts[i]); memcpy(q, parts[i], l); q += l; }
    *q = 0;
    return out;
}
#define CAT(u, ...) und_cat_n(u, (const char *const[]){ __VA_ARGS__ }, \
                              sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

static const char *und_strn(struct und *u, const char *s, size_t n)
{
    char *out = und_mem(u, n + 1);
    if (!out) return "";
    memcpy(out, s, n);
    out[n] = 0;
    return out;
}

static int und_fail(struct und *u)
{
    u->failed = 1;
    return 0;
}

static int nonempty(const char *s) { return s && *s; }

/* a keyword as the flags want it: none with NO_MS_KEYWORDS, without its
   underscores with NO_LEADING_UNDERSCORES */
static const char *und_keyword(struct und *u, const char *kw)
{
    if (u->flags & UNDNAME_NO_MS_KEYWORDS) return NULL;
    if (u->flags & UNDNAME_NO_LEADING_UNDERSCORES) while (*kw == '_') kw++;
    return kw;
}

/* ---- numbers and names ---- */

/* 0-9 stand for 1-10; otherwise hex digits A-P end with '@'; '?' negates */
static int und_number(struct und *u, long long *value)
{
    int neg = 0;
    unsigned long long v = 0;

    if (*u->p == '?') { neg = 1; u->p++; }
    if (*u->p >= '0' && *u->p <= '9') v = *u->p++ - '0' + 1;
    else
    {
        while (*u->p >= 'A' && *u->p <= 'P') v = v * 16 + (*u->p++ - 'A');
        if (*u->p++ != '@') return und_fail(u);
    }
    *value = neg ? -(long long)v : (long long)v;
    return 1;
}

static const char *und_number_str(struct und *u)
{
    long long v;
    char buf[32], *q = buf + sizeof(buf);
    unsigned long long a;

    if (!und_number(u, &v)) return NULL;
    a = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
    *--q = 0;
    do *--q = '0' + a % 10; while (a /= 10);
    if (v < 0) *--q = '-';
    return und_strn(u, q, buf + sizeof(buf) - 1 - q);
}

static void und_remember(struct und_names *table, const char *s)
{
    if (table->count < 10) table->item[table->count++] = s;
}

/* a plain identifier up to its '@' */
static const char *und_ident(struct und *u)
{
    const char *start = u->p, *end = strchr(start, '@');
    if (!end || end == start) { und_fail(u); return NULL; }
    u->p = end + 1;
    return und_strn(u, start, end - start);
}

static int und_type(struct und *u, struct und_type *t, int in_args);
static const char *und_type_str(struct und *u, int in_args);
static const char *und_scoped_name(struct und *u);
static const char *und_symbol(struct und *u);

/* "name<args>" from "name@args@" (the "?$" already read); a template has
   its own back-reference tables */
static const char *und_template(struct und *u, int allow_operator, const char **op_out);
static const char *und_operator(struct und *u, const char **kind);

static const char *und_template_args(struct und *u)
{
    const char *list = "";
    int first = 1;

    while (*u->p != '@')
    {
        const char *arg = NULL;
        if (!*u->p) { und_fail(u); return NULL; }
        if (u->p[0] == '$' && u->p[1] != '$')
        {
            char kind = u->p[1];
            u->p += 2;
            switch (kind)
            {
            case '0': arg = und_number_str(u); break;
            case '1':   /* the address of a symbol */
            {
                const char *sym = u->p[0] == '?' ? und_symbol(u) : NULL;
                if (!sym) return NULL;
                arg = CAT(u, "&", sym);
                break;
            }
            case 'E':
                if (!(arg = und_symbol(u))) return NULL;
                break;
            case 'D':
                if (!(arg = und_number_str(u))) return NULL;
                arg = CAT(u, "`template-parameter", arg, "'");
                break;
            case 'Q':
                if (!(arg = und_number_str(u))) return NULL;
                arg = CAT(u, "`non-type-template-parameter", arg, "'");
                break;
            case 'F': case 'G':
            {
                const char *a = und_number_str(u), *b = a ? und_number_str(u) : NULL, *c = NULL;
                if (kind == 'G' && b) c = und_number_str(u);
                if (!b || (kind == 'G' && !c)) return NULL;
                arg = kind == 'F' ? CAT(u, "{", a, ",", b, "}") : CAT(u, "{", a, ",", b, ",", c, "}");
                break;
            }
            case 'S': arg = NULL; break;   /* an empty pack */
            default: und_fail(u); return NULL;
            }
            if (u->failed) return NULL;
        }
        else if (u->p[0] == '$' && u->p[1] == '$' && (u->p[2] == 'V' || u->p[2] == 'Z'))
            u->p += 3;   /* an empty parameter pack */
        /* a type; unlike a function's arguments, not one digits refer back
           to: Windows reads "?$resource_policy@PEAUHFONT__@@P6AHPEAX@Z$1?DeleteObject@@YAH0@Z"
           (notepad.exe) with DeleteObject's 0 as the void * */
        else if (!(arg = und_type_str(u, 1))) return NULL;
        if (arg)
        {
            list = CAT(u, list, first ? NULL : ",", arg);
            first = 0;
        }
    }
    u->p++;
    return list;
}

static const char *und_template(struct und *u, int allow_operator, const char **op_out)
{
    struct und_names names = u->names, args = u->args;
    const char *name, *list, *op = NULL;

    u->names.count = u->args.count = 0;
    if (u->p[0] == '?' && allow_operator)
    {
        u->p++;
        if (!(name = und_operator(u, &op))) return NULL;
    }
    else if (!(name = und_ident(u))) return NULL;
    else und_remember(&u->names, name);
    list = und_template_args(u);
    u->names = names;
    u->args = args;
    if (!list) return NULL;
    if (op_out) *op_out = op;
    return CAT(u, name, "<", list, list[0] && list[strlen(list) - 1] == '>' ? " >" : ">");
}

/* one scope of a qualified name, the innermost first */
static const char *und_fragment(struct und *u)
{
    const char *s;

    if (*u->p >= '0' && *u->p <= '9')
    {
        int i = *u->p++ - '0';
        if (i >= u->names.count) { und_fail(u); return NULL; }
        return u->names.item[i];
    }
    if (u->p[0] != '?') { if ((s = und_ident(u))) und_remember(&u->names, s); return s; }
    switch (u->p[1])
    {
    case '$':
        u->p += 2;
        if ((s = und_template(u, 0, NULL))) und_remember(&u->names, s);
        return s;
    case '?':   /* a function whose local this is: "`void __cdecl f(void)'" */
        u->p++;
        if (!(s = und_symbol(u))) return NULL;
        return CAT(u, "`", s, "'");
    case 'A':   /* ?A0x1234abcd@: an anonymous namespace */
        u->p += 2;
        if (!strchr(u->p, '@')) { und_fail(u); return NULL; }
        u->p = strchr(u->p, '@') + 1;
        s = "`anonymous namespace'";
        und_remember(&u->names, s);
        return s;
    case 'Q':   /* ?Q...: an explicit "[name]" scope */
        u->p += 2;
        if (!(s = und_ident(u))) return NULL;
        return CAT(u, "[", s, "]");
    default:    /* ?N: a numbered local scope "`N'" */
    {
        u->p++;
        if (!(s = und_number_str(u))) return NULL;
        return CAT(u, "`", s, "'");
    }
    }
}

/* scopes up to and including the closing '@', outermost printed first;
   *first gets the innermost one read (a constructor's class) */
static const char *und_scopes_first(struct und *u, const char *inner, const char **first)
{
    const char *out = inner;
    if (first) *first = NULL;
    while (*u->p != '@')
    {
        const char *s;
        if (!*u->p || ++u->depth > MAX_DEPTH) { und_fail(u); return NULL; }
        s = und_fragment(u);
        u->depth--;
        if (!s) return NULL;
        if (first && !*first) *first = s;
        out = out ? CAT(u, s, "::", out) : s;
    }
    u->p++;
    return out ? out : "";
}

static const char *und_scopes(struct und *u, const char *inner)
{
    return und_scopes_first(u, inner, NULL);
}

/* a class or enum name: fragment and scopes */
static const char *und_scoped_name(struct und *u)
{
    const char *first = und_fragment(u);
    return first ? und_scopes(u, first) : NULL;
}

/* ---- types ---- */

static const char *und_basic(char c)
{
    switch (c)
    {
    case 'C': return "signed char";
    case 'D': return "char";
    case 'E': return "unsigned char";
    case 'F': return "short";
    case 'G': return "unsigned short";
    case 'H': return "int";
    case 'I': return "unsigned int";
    case 'J': return "long";
    case 'K': return "unsigned long";
    case 'M': return "float";
    case 'N': return "double";
    case 'O': return "long double";
    case 'X': return "void";
    case 'Z': return "...";
    }
    return NULL;
}

static const char *und_extended(char c)
{
    switch (c)
    {
    case 'D': return "__int8";
    case 'E': return "unsigned __int8";
    case 'F': return "__int16";
    case 'G': return "unsigned __int16";
    case 'H': return "__int32";
    case 'I': return "unsigned __int32";
    case 'J': return "__int64";
    case 'K': return "unsigned __int64";
    case 'L': return "__int128";
    case 'M': return "unsigned __int128";
    case 'N': return "bool";
    case 'Q': return "char8_t";
    case 'S': return "char16_t";
    case 'U': return "char32_t";
    case 'W': return "wchar_t";
    }
    return NULL;
}

static const char *und_calling_convention(struct und *u)
{
    static const char *const names[] = {
        "__cdecl", "__pascal", "__thiscall", "__stdcall", "__fastcall", "", "__clrcall",
        "__eabi", "__vectorcall", "__swift_1", "__swift_2", "__swift_3",
    };
    char c = *u->p++;
    int i = (c - 'A') / 2;
    if (c < 'A' || i >= (int)(sizeof(names) / sizeof(names[0]))) { und_fail(u); return NULL; }
    return names[i][0] ? und_keyword(u, names[i]) : NULL;
}

static const char *cv_name(int cv)
{
    static const char *const names[] = { NULL, "const", "volatile", "const volatile" };
    return names[cv & 3];
}

/* the const/volatile a cv letter gives a type, not repeating a pointer's own */
static void und_add_cv(struct und *u, struct und_type *t, int cv)
{
    cv &= ~t->ptr_cv;
    if (cv_name(cv)) t->left = CAT(u, t->left, " ", cv_name(cv));
}

/* E, F, I: the __ptr64, __unaligned and __restrict modifiers of a pointer
   or of a member function's this */
static const char *und_modifiers(struct und *u, const char **prefix)
{
    const char *out = NULL;
    for (;;)
    {
        const char *kw;
        switch (*u->p)
        {
        case 'E': kw = "__ptr64"; break;
        case 'F': kw = "__unaligned"; break;
        case 'I': kw = "__restrict"; break;
        default: return out;
        }
        u->p++;
        if (kw[2] == 'u' && prefix) { *prefix = und_keyword(u, kw); continue; }
        if (kw[2] == 'p' && (u->flags & UNDNAME_NO_PTR64)) continue;
        if ((kw = und_keyword(u, kw))) out = CAT(u, out, out ? " " : NULL, kw);
    }
}

/* a function's calling convention, return, arguments and throw list;
   this_quals go after the arguments */
static int und_function(struct und *u, struct und_type *t, const char *this_quals)
{
    const char *ret_left = NULL, *ret_right = NULL, *args = "";
    struct und_type rt;

    t->is_func = 1;
    t->cc = und_calling_convention(u);
    if (u->failed) return 0;
    if (*u->p == '@') u->p++;   /* no return type: a constructor or destructor */
    else
    {
        if (*u->p == '?')
        {
            int cv;
            u->p++;
            cv = *u->p - 'A';
            if (cv < 0 || cv > 3) return und_fail(u);
            u->p++;
            if (!und_type(u, &rt, 0)) return 0;
            und_add_cv(u, &rt, cv);
        }
        else if (!und_type(u, &rt, 0)) return 0;
        ret_left = rt.left;
        ret_right = rt.right;
    }
    /* the arguments */
    if (*u->p == 'X') { u->p++; args = "void"; }
    else
    {
        int first = 1;
        while (*u->p != '@' && *u->p != 'Z')
        {
            const char *a;
            if (!*u->p) return und_fail(u);
            if (*u->p >= '0' && *u->p <= '9')
            {
                int i = *u->p++ - '0';
                if (i >= u->args.count) return und_fail(u);
                a = u->args.item[i];
            }
            else
            {
                const char *start = u->p;
                if (!(a = und_type_str(u, 1))) return 0;
                if (u->p - start > 1) und_remember(&u->args, a);
            }
            args = CAT(u, args, first ? NULL : ",", a);
            first = 0;
        }
        if (*u->p == 'Z') { u->p++; args = first ? "..." : CAT(u, args, ",..."); }
        else u->p++;
    }
    /* the throw list: Z for none, _E for noexcept */
    if (u->p[0] == '_' && u->p[1] == 'E') { u->p += 2; this_quals = CAT(u, this_quals, " noexcept"); }
    else if (*u->p == 'Z') u->p++;
    else
    {
        /* a throw list of types, as old compilers wrote it */
        while (*u->p && *u->p != '@' && *u->p != 'Z') if (!und_type_str(u, 1)) return 0;
        if (!*u->p) return und_fail(u);
        u->p++;
    }
    t->left = ret_left ? ret_left : "";
    t->args = CAT(u, "(", args, ")", this_quals, ret_right);
    t->ret_right = ret_right;
    t->right = t->args;
    return 1;
}

/* the this of a member function: modifiers then const/volatile */
static const char *und_this_quals(struct und *u, int primary)
{
    const char *prefix = NULL, *mods = und_modifiers(u, &prefix);
    int cv;
    const char *out = NULL;

    if (*u->p == 'G' || *u->p == 'H')   /* & and && ref-qualifiers */
    {
        const char *ref = *u->p++ == 'G' ? "&" : "&&";
        mods = CAT(u, mods, mods ? " " : NULL, ref);
    }
    cv = *u->p - 'A';
    if (cv < 0 || cv > 3) { und_fail(u); return NULL; }
    u->p++;
    /* "(void)const __ptr64", "(void) __ptr64", "(void)const "; the
       documented UNDNAME_NO_THISTYPE is two bits, either drops them all */
    if (primary && (u->flags & UNDNAME_NO_THISTYPE)) return "";
    if (cv_name(cv)) out = CAT(u, cv_name(cv), " ");
    if (mods) out = CAT(u, out ? out : " ", mods);
    return out ? out : "";
}

/* what a pointer or reference points at, and the pointer itself around it */
static int und_pointer(struct und *u, struct und_type *t, const char *ptr, int ptr_cv)
{
    const char *prefix = NULL, *mods = und_modifiers(u, &prefix), *scope = NULL;
    const char *suffix;
    struct und_type pt;

    memset(&pt, 0, sizeof(pt));
    /* the pointer's own qualifiers: "* const __ptr64" */
    suffix = CAT(u, ptr, mods ? " " : NULL, mods, cv_name(ptr_cv) ? " " : NULL, cv_name(ptr_cv));

    if (*u->p == '6')   /* a function */
    {
        u->p++;
        if (!und_function(u, &pt, NULL)) return 0;
    }
    else if (*u->p == '8')   /* a member function */
    {
        const char *quals;
        u->p++;
        if (!(scope = und_scoped_name(u))) return 0;
        if (!(quals = und_this_quals(u, 0))) return 0;
        if (!und_function(u, &pt, quals[0] ? quals : NULL)) return 0;
    }
    else
    {
        int cv;
        if (*u->p == '$' && u->p[1] == 'A') u->p += 2;   /* __gc: managed */
        cv = *u->p - 'A';
        if (cv >= 16 && cv <= 19)   /* Q-T: a pointer to a data member */
        {
            u->p++;
            if (!(scope = und_scoped_name(u))) return 0;
            cv -= 16;
        }
        else if (cv < 0 || cv > 3) return und_fail(u);
        else u->p++;
        if (!und_type(u, &pt, 0)) return 0;
        und_add_cv(u, &pt, cv);
    }

    memset(t, 0, sizeof(*t));
    if (pt.is_func)
    {
        t->left = CAT(u, pt.left, pt.left[0] ? " " : NULL, "(", pt.cc, scope ? " " : NULL, scope, scope ? "::" : NULL, suffix);
        t->right = CAT(u, ")", pt.right);
    }
    else if (pt.is_array)
    {
        t->left = CAT(u, pt.left, " (", scope, scope ? "::" : NULL, suffix);
        t->right = CAT(u, ")", pt.right);
    }
    else if (nonempty(pt.right))   /* a pointer to a function pointer: inside its parentheses */
    {
        t->left = CAT(u, pt.left, suffix);
        t->right = pt.right;
    }
    else
    {
        t->left = CAT(u, pt.left, " ", scope, scope ? "::" : NULL, suffix);
        t->right = NULL;
    }
    if (prefix) t->left = CAT(u, prefix, " ", t->left);
    t->ptr_cv = ptr_cv;
    return 1;
}

/* Y: dimensions then the element type */
static int und_array(struct und *u, struct und_type *t)
{
    long long dims;
    const char *right = "";

    if (!und_number(u, &dims) || dims <= 0 || dims > 64) return und_fail(u);
    while (dims--)
    {
        const char *s;
        if (!(s = und_number_str(u))) return 0;
        right = CAT(u, right, "[", s, "]");
    }
    if (!und_type(u, t, 0)) return 0;
    t->right = CAT(u, right, t->right);
    t->is_array = 1;
    return 1;
}

static const char *und_ecsu(struct und *u, const char *kw)
{
    return (u->flags & UNDNAME_NO_ECSU) ? NULL : kw;
}

static int und_type(struct und *u, struct und_type *t, int in_args)
{
    char c = *u->p;
    const char *s;

    memset(t, 0, sizeof(*t));
    if (!c) return und_fail(u);
    if (++u->depth > MAX_DEPTH) return und_fail(u);
    u->p++;
    switch (c)
    {
    case '_':
        if (!(t->left = und_extended(*u->p))) { u->depth--; return und_fail(u); }
        u->p++;
        break;
    case 'T': case 'U': case 'V':
        if (!(s = und_scoped_name(u))) break;
        t->left = CAT(u, und_ecsu(u, c == 'T' ? "union " : c == 'U' ? "struct " : "class "), s);
        break;
    case 'W':   /* an enum: its underlying type's digit, then the name */
        if (*u->p < '0' || *u->p > '7') { und_fail(u); break; }
        u->p++;
        if (!(s = und_scoped_name(u))) break;
        t->left = CAT(u, und_ecsu(u, "enum "), s);
        break;
    case 'Y':
        und_array(u, t);
        break;
    case 'P': case 'Q': case 'R': case 'S':
        und_pointer(u, t, "*", c - 'P');
        break;
    case 'A': case 'B':
        und_pointer(u, t, "&", c == 'B' ? 2 : 0);
        break;
    case '?':   /* a type with its own const/volatile: template arguments */
    {
        int cv = *u->p - 'A';
        if (cv < 0 || cv > 3) { und_fail(u); break; }
        u->p++;
        if (!und_type(u, t, in_args)) break;
        und_add_cv(u, t, cv);
        break;
    }
    case '$':
        if (u->p[0] == '$')
        {
            char k = u->p[1];
            u->p += 2;
            switch (k)
            {
            case 'Q': und_pointer(u, t, "&&", 0); break;
            case 'R': und_pointer(u, t, "&&", 2); break;
            case 'A':   /* a function type: $$A6 or $$A8 */
                if (*u->p == '6') { u->p++; und_function(u, t, NULL); }
                else und_fail(u);
                if (!u->failed) { t->left = CAT(u, t->left, " ", t->cc); t->is_func = 0; }
                break;
            case 'B': und_type(u, t, in_args); break;   /* an array type */
            case 'C':
            {
                int cv = *u->p - 'A';
                if (cv < 0 || cv > 3) { und_fail(u); break; }
                u->p++;
                if (und_type(u, t, in_args)) und_add_cv(u, t, cv);
                break;
            }
            case 'T': t->left = "std::nullptr_t"; break;
            default: und_fail(u);
            }
        }
        else und_fail(u);
        break;
    default:
        if (!(t->left = und_basic(c)) || (c == 'Z' && !in_args)) und_fail(u);
        break;
    }
    u->depth--;
    if (!t->left) t->left = "";
    return !u->failed;
}

static const char *und_type_str(struct und *u, int in_args)
{
    struct und_type t;
    if (!und_type(u, &t, in_args)) return NULL;
    return CAT(u, t.left, t.is_array ? " " : NULL, t.right);   /* "int [2]" */
}

/* ---- the symbol ---- */

/* the special names after "??": constructors, operators, compiler-made
   functions and data; *kind says "ctor", "dtor" or "cast" (operator <type>),
   whose names are made later */
static const char *und_operator(struct und *u, const char **kind)
{
    static const char *const ops[] = {
        /* 0-9 */ NULL, NULL, "operator new", "operator delete", "operator=", "operator>>", "operator<<",
        "operator!", "operator==", "operator!=",
        /* A-Z */ "operator[]", NULL, "operator->", "operator*", "operator++", "operator--", "operator-",
        "operator+", "operator&", "operator->*", "operator/", "operator%", "operator<", "operator<=",
        "operator>", "operator>=", "operator,", "operator()", "operator~", "operator^", "operator|",
        "operator&&", "operator||", "operator*=", "operator+=", "operator-=",
    };
    static const char *const under[] = {
        /* _0-_9 */ "operator/=", "operator%=", "operator>>=", "operator<<=", "operator&=", "operator|=",
        "operator^=", "`vftable'", "`vbtable'", "`vcall'",
        /* _A-_Z */ "`typeof'", "`local static guard'", "`string'", "`vbase destructor'",
        "`vector deleting destructor'", "`default constructor closure'", "`scalar deleting destructor'",
        "`vector constructor iterator'", "`vector destructor iterator'", "`vector vbase constructor iterator'",
        "`virtual displacement map'", "`eh vector constructor iterator'", "`eh vector destructor iterator'",
        "`eh vector vbase constructor iterator'", "`copy constructor closure'", NULL, NULL, NULL,
        "`local vftable'", "`local vftable constructor closure'", "operator new[]", "operator delete[]",
        NULL, "`placement delete closure'", "`placement delete[] closure'", NULL,
    };
    char c = *u->p++;

    if (c >= '0' && c <= '9') { if (c <= '1') { *kind = c == '0' ? "ctor" : "dtor"; return ""; } return ops[c - '0']; }
    if (c >= 'A' && c <= 'Z')
    {
        if (c == 'B') { *kind = "cast"; return "operator"; }
        return ops[10 + c - 'A'];
    }
    if (c != '_') { und_fail(u); return NULL; }
    c = *u->p++;
    if (c >= '0' && c <= '9') return under[c - '0'];
    if (c == 'R')   /* RTTI data */
    {
        const char *s;
        switch (*u->p++)
        {
        case '0':   /* the type descriptor of a type */
            if (!(s = und_type_str(u, 0))) return NULL;
            return CAT(u, s, " `RTTI Type Descriptor'");
        case '1':
        {
            const char *n[4];
            for (int i = 0; i < 4; i++) if (!(n[i] = und_number_str(u))) return NULL;
            return CAT(u, "`RTTI Base Class Descriptor at (", n[0], ",", n[1], ",", n[2], ",", n[3], ")'");
        }
        case '2': return "`RTTI Base Class Array'";
        case '3': return "`RTTI Class Hierarchy Descriptor'";
        case '4': return "`RTTI Complete Object Locator'";
        }
        und_fail(u);
        return NULL;
    }
    if (c == '_')
    {
        switch (*u->p++)
        {
        case 'A': return "`managed vector constructor iterator'";
        case 'B': return "`managed vector destructor iterator'";
        case 'C': return "`eh vector copy constructor iterator'";
        case 'D': return "`eh vector vbase copy constructor iterator'";
        case 'E': case 'F':   /* `dynamic initializer for 'x'' and its atexit destructor */
        {
            int init = u->p[-1] == 'E';
            const char *s;
            if (u->p[0] == '?')   /* a member: its whole declaration, then an '@' */
            {
                if (!(s = und_symbol(u))) return NULL;
                if (*u->p++ != '@') { und_fail(u); return NULL; }
            }
            else if (!(s = und_fragment(u))) return NULL;
            return CAT(u, init ? "`dynamic initializer for '" : "`dynamic atexit destructor for '", s, "''");
        }
        case 'K': { const char *s = und_ident(u); return s ? CAT(u, "operator \"\" ", s) : NULL; }
        case 'L': return "operator co_await";
        case 'M': return "operator<=>";
        }
        und_fail(u);
        return NULL;
    }
    if (c >= 'A' && c <= 'Z' && under[10 + c - 'A']) return under[10 + c - 'A'];
    und_fail(u);
    return NULL;
}

/* ??_C@_<width><length><hash>@<bytes>@: a string literal, `string' */
static const char *und_string_literal(struct und *u)
{
    long long len;
    const char *end;

    u->p += 4;
    if (*u->p < '0' || *u->p > '3') { und_fail(u); return NULL; }
    u->p++;
    if (!und_number(u, &len) || !und_ident(u)) { und_fail(u); return NULL; }
    end = u->p + strlen(u->p);
    if (end == u->p || end[-1] != '@') { und_fail(u); return NULL; }
    u->p = end;
    return "`string'";
}

static const char *access_name(int code)
{
    static const char *const names[] = { "private: ", "protected: ", "public: " };
    return names[code];
}

/* what comes after the name: data, a vftable, RTTI or a function */
static const char *und_symbol_tail(struct und *u, const char *name, const char *cast)
{
    char c = *u->p++;
    unsigned int fl = u->flags;
    const char *access = NULL, *member = NULL;
    struct und_type t;

    if (c >= '0' && c <= '4')   /* data */
    {
        const char *prefix = NULL, *mods;
        int cv;
        if (c <= '2' && !(fl & UNDNAME_NO_ACCESS_SPECIFIERS)) access = access_name(c - '0');
        if (c <= '2' && !(fl & UNDNAME_NO_MEMBER_TYPE)) member = "static ";
        if (!und_type(u, &t, 0)) return NULL;
        mods = und_modifiers(u, &prefix);
        cv = *u->p - 'A';
        if (cv < 0 || cv > 3) { und_fail(u); return NULL; }
        u->p++;
        und_add_cv(u, &t, cv);
        if (fl & UNDNAME_NAME_ONLY) return name;
        return CAT(u, access, member, t.left, mods ? " " : NULL, mods, " ", name, t.right);
    }
    if (c == '6' || c == '7')   /* the vftable or vbtable */
    {
        const char *prefix = NULL, *mods = und_modifiers(u, &prefix), *fors = NULL;
        int cv = *u->p - 'A';
        (void)mods;
        if (cv < 0 || cv > 3) { und_fail(u); return NULL; }
        u->p++;
        while (*u->p && *u->p != '@')
        {
            const char *s = und_scoped_name(u);
            if (!s) return NULL;
            fors = CAT(u, fors, fors ? "'s `" : "{for `", s);
        }
        if (*u->p != '@') { und_fail(u); return NULL; }
        u->p++;
        if (fl & UNDNAME_NAME_ONLY) return name;
        return CAT(u, cv_name(cv), cv_name(cv) ? " " : NULL, name, fors, fors ? "'}" : NULL);
    }
    if (c == '8') return name;   /* RTTI data */
    if (c == '9') return name;   /* extern "C" */
    if (c >= 'A' && c <= 'Z')
    {
        const char *quals = NULL, *adjust = NULL, *ret;
        int kind = (c - 'A') / 8, what = ((c - 'A') % 8) / 2;   /* private/protected/public/global; plain/static/virtual/thunk */
        if (c >= 'Y') kind = 3, what = 1;
        if (kind < 3)
        {
            if (!(fl & UNDNAME_NO_ACCESS_SPECIFIERS)) access = access_name(kind);
            if (!(fl & UNDNAME_NO_MEMBER_TYPE))
                member = what == 1 ? "static " : what >= 2 ? "virtual " : NULL;
            if (what == 3)
            {
                const char *n = und_number_str(u);
                if (!n) return NULL;
                adjust = CAT(u, "`adjustor{", n, "}' ");
                if (!(fl & UNDNAME_NO_ACCESS_SPECIFIERS)) access = CAT(u, "[thunk]:", access);
            }
            if (what != 1 && !(quals = und_this_quals(u, 1))) return NULL;
        }
        if (!und_function(u, &t, quals && quals[0] ? quals : NULL)) return NULL;
        if (cast && !strcmp(cast, "cast"))
        {
            name = CAT(u, name, " ", t.left);
            t.left = "";
        }
        if (fl & UNDNAME_NAME_ONLY) return name;
        if (fl & UNDNAME_NO_ALLOCATION_LANGUAGE) t.cc = NULL;
        ret = (fl & UNDNAME_NO_FUNCTION_RETURNS) || !t.left[0] ? NULL : t.left;
        if (!ret && nonempty(t.ret_right))   /* and the right half of a returned function pointer goes too */
            t.args = und_strn(u, t.args, strlen(t.args) - strlen(t.ret_right));
        /* a function returning a function pointer: "int (__cdecl*__cdecl f(void))(int)" */
        if (ret && t.ret_right && t.ret_right[0])
            return CAT(u, access, member, ret, t.cc, " ", name, adjust, t.args);
        return CAT(u, access, member, ret, ret ? " " : NULL, t.cc, t.cc ? " " : NULL, name, adjust, t.args);
    }
    if (c == '$')   /* thunks: vcall ($B) and vtordisp ($0-$5, $R0-$R5) */
    {
        const char *n[4], *disp, *quals;
        int count, ex = 0, kind;

        if (*u->p == 'B')
        {
            const char *cc;
            u->p++;
            if (!(n[0] = und_number_str(u))) return NULL;
            cc = und_calling_convention(u);
            if (u->failed) return NULL;
            if (fl & UNDNAME_NO_ALLOCATION_LANGUAGE) cc = NULL;
            if (fl & UNDNAME_NAME_ONLY) return name;
            return CAT(u, "[thunk]: ", cc, cc ? " " : NULL, name, "{", n[0], ",{flat}}' }'");
        }
        if (*u->p == 'R') { ex = 1; u->p++; }
        kind = *u->p++ - '0';
        if (kind < 0 || kind > 5) { und_fail(u); return NULL; }
        count = ex ? 4 : 2;
        for (int i = 0; i < count; i++) if (!(n[i] = und_number_str(u))) return NULL;
        disp = ex ? CAT(u, "`vtordispex{", n[0], ",", n[1], ",", n[2], ",", n[3], "}' ")
                  : CAT(u, "`vtordisp{", n[0], ",", n[1], "}' ");
        if (!(quals = und_this_quals(u, 1))) return NULL;
        if (!und_function(u, &t, quals[0] ? quals : NULL)) return NULL;
        if (fl & UNDNAME_NAME_ONLY) return name;
        if (fl & UNDNAME_NO_ALLOCATION_LANGUAGE) t.cc = NULL;
        access = fl & UNDNAME_NO_ACCESS_SPECIFIERS ? NULL : access_name(kind / 2);
        member = fl & UNDNAME_NO_MEMBER_TYPE ? NULL : "virtual ";
        return CAT(u, "[thunk]:", access, member, (fl & UNDNAME_NO_FUNCTION_RETURNS) ? NULL : t.left,
                   (fl & UNDNAME_NO_FUNCTION_RETURNS) || !t.left[0] ? NULL : " ", t.cc, t.cc ? " " : NULL, name, disp,
                   t.args);
    }
    und_fail(u);
    return NULL;
}

/* the scopes of an operator's name; a constructor or destructor is named
   after its class, the innermost scope: "A::A", "A::~A", "A::A<int>" for a
   template constructor (name is then its "<int>") */
static const char *und_special_scopes(struct und *u, const char *name, const char *cast)
{
    const char *qual, *cls;
    int ctor = cast && (!strcmp(cast, "ctor") || !strcmp(cast, "dtor"));

    if (!ctor) return und_scopes(u, name);
    if (!(qual = und_scopes_first(u, NULL, &cls))) return NULL;
    if (!cls) { und_fail(u); return NULL; }
    return CAT(u, qual, "::", cast[0] == 'd' ? "~" : NULL, cls, name);
}

/* '?' name scopes '@' and what it is */
static const char *und_symbol(struct und *u)
{
    const char *name, *cast = NULL, *qual;

    /* a symbol inside another one (a local static's function) goes on
       with the same back-reference tables */
    if (*u->p++ != '?' || ++u->depth > MAX_DEPTH) { und_fail(u); return NULL; }
    if (u->p[0] == '?' && u->p[1] == '$')   /* a template function, operator or constructor */
    {
        u->p += 2;
        /* a function template's name is not one the digits refer back to:
           in "??$_Fabs@M@std@@YAMAEBV?$complex@M@0@PEAH@Z" 0 is std */
        if (!(name = und_template(u, 1, &cast))) return NULL;
        if (!(qual = und_special_scopes(u, name, cast))) return NULL;
    }
    else if (u->p[0] == '?')
    {
        u->p++;
        if (u->p[0] == '_' && u->p[1] == 'C' && u->p[2] == '@' && u->p[3] == '_')
        {
            u->depth--;
            return und_string_literal(u);
        }
        if (!(name = und_operator(u, &cast))) { und_fail(u); return NULL; }
        if (!(qual = und_special_scopes(u, name, cast))) return NULL;
    }
    else
    {
        if (!(name = und_fragment(u)) || !(qual = und_scopes(u, name))) return NULL;
    }
    name = und_symbol_tail(u, qual, cast);
    u->depth--;
    return name;
}

char *undname_run(char *buffer, const char *mangled, int buflen, void *(__cdecl *alloc)(size_t),
                  void (__cdecl *release)(void *), unsigned int flags)
{
    struct und u;
    const char *result;
    char *out = NULL;
    size_t len;

    if (!mangled || !alloc) return NULL;
    if (buffer && buflen <= 0) return NULL;
    memset(&u, 0, sizeof(u));
    u.p = mangled;
    /* a name alone shows its template arguments without class/struct */
    u.flags = flags & UNDNAME_NAME_ONLY ? flags | UNDNAME_NO_ECSU : flags;
    u.alloc = alloc;
    u.release = release;

    /* a type alone (type_info names): "?AVA@@", "PEAH" */
    if (flags & UNDNAME_TYPE_ONLY) result = und_type_str(&u, 0);
    else result = mangled[0] == '?' ? und_symbol(&u) : NULL;
    /* what it cannot read comes back as it is; what follows a whole name is
       left out, as Wine does */
    if (!result || u.failed) result = mangled;

    len = strlen(result);
    if (buffer)
    {
        if (len >= (size_t)buflen) len = buflen - 1;
        memcpy(buffer, result, len);
        buffer[len] = 0;
        out = buffer;
    }
    else if ((out = alloc(len + 1)))
    {
        memcpy(out, result, len);
        out[len] = 0;
    }
    while (u.blocks)
    {
        struct und_block *next = u.blocks->next;
        if (release) release(u.blocks);
        u.blocks = next;
    }
    return out;
}

char *__cdecl __unDNameEx(char *buffer, const char *mangled, int buflen, void *(__cdecl *alloc)(size_t),
                          void (__cdecl *release)(void *), char *(__cdecl *lookup)(long), unsigned short flags)
{
    (void)lookup;   /* asked for names it has left to the caller; no decorated name here needs one */
    return undname_run(buffer, mangled, buflen, alloc, release, flags);
}

char *__cdecl __unDName(char *buffer, const char *mangled, int buflen, void *(__cdecl *alloc)(size_t),
                        void (__cdecl *release)(void *), unsigned short flags)
{
    return undname_run(buffer, mangled, buflen, alloc, release, flags);
}
