/*
 * dlls/msvcrt/cxx.h — the MSVC C++ exception ABI on x64, as compilers emit
 * it, shared by the cxx*.c files (built into msvcrt and ucrtbase):
 * cxx.c (throw, terminate, type_info), cxx_frame.c (the frame handlers),
 * cxx_fh3.c and cxx_fh4.c (their two table formats), cxx_object.c (the
 * thrown object against a catch block, and the exported helpers around it),
 * cxx_rtti.c (dynamic_cast, typeid), cxx_except.c (the std::exception
 * classes the runtime throws), cxx_call.S (calls with handlers of their own).
 *
 * Sections: the exception record of a throw, the thrown-type description
 * (ThrowInfo -> CatchableTypeArray -> CatchableType -> TypeDescriptor),
 * RTTI, the FH3 function tables (FuncInfo -> unwind map, try map, handler types,
 * ip-to-state map), either format as the handler reads it, and what the
 * files share.
 *
 * Every "rva" field is an offset from the base of the image holding the
 * table: the thrower's image for the thrown type (ExceptionInformation[3]),
 * the function's image for FuncInfo.
 */
#ifndef WLX_MSVCRT_CXX_H
#define WLX_MSVCRT_CXX_H

#include "private.h"

/* ---- the exception record of a C++ throw ---- */

#define CXX_EXCEPTION      0xe06d7363   /* 'msc' | 0xe0000000 */
#define CXX_MAGIC_VC6      0x19930520   /* ExceptionInformation[0]; FuncInfo magics follow */
#define CXX_MAGIC_VC7      0x19930521   /* FuncInfo has the ES type list */
#define CXX_MAGIC_VC8      0x19930522   /* FuncInfo has EHFlags */
#define CXX_EXCEPTION_PARAMS 4          /* magic, object, ThrowInfo, image base */

/* ---- the thrown type ---- */

struct cxx_type_descriptor        /* TypeDescriptor: what type_info objects are */
{
    const void *vtable;           /* ??_7type_info@@6B@ */
    char       *undecorated;      /* type_info::name()'s cached result */
    char        name[1];          /* decorated name, ".H", ".?AUA@@" */
};

struct cxx_this_offsets           /* PMD: where a base class lies in the object */
{
    int mdisp;                    /* member displacement */
    int pdisp;                    /* vbtable pointer's offset, -1 without virtual base */
    int vdisp;                    /* offset of the base's entry in the vbtable */
};

#define CT_IS_SIMPLE_TYPE    0x01 /* a scalar or a pointer: copied bit by bit */
#define CT_BY_REFERENCE_ONLY 0x02 /* may only be caught by reference */
#define CT_HAS_VIRTUAL_BASE  0x04 /* copy constructor takes the "most derived" flag */

struct cxx_catchable_type         /* CatchableType: one type a throw can be caught as */
{
    UINT  flags;                  /* CT_* */
    int   type_rva;               /* its TypeDescriptor */
    struct cxx_this_offsets offsets;
    int   size;                   /* size of the object */
    int   copy_ctor_rva;          /* copy constructor, 0: memcpy */
};

struct cxx_catchable_type_array
{
    int count;
    int type_rvas[1];             /* most derived first */
};

#define TI_IS_CONST     0x01      /* the thrown object (or pointee) is const */
#define TI_IS_VOLATILE  0x02
#define TI_IS_UNALIGNED 0x04

struct cxx_throw_info             /* ThrowInfo: the second argument of _CxxThrowException */
{
    UINT flags;                   /* TI_* */
    int  destructor_rva;          /* the thrown object's destructor, 0: none */
    int  forward_compat_rva;
    int  catchable_types_rva;     /* its CatchableTypeArray */
};

/* ---- RTTI: what vtable[-1] points to (cxx_rtti.c) ---- */

struct rtti_locator               /* CompleteObjectLocator */
{
    DWORD signature;              /* 1 on x64: rvas below */
    DWORD offset;                 /* of this vtable's subobject in the complete object */
    DWORD cd_offset;              /* constructor displacement (virtual bases) */
    int   type_rva;               /* the complete object's TypeDescriptor */
    int   hierarchy_rva;          /* its ClassHierarchyDescriptor */
    int   self_rva;               /* this locator */
};

struct rtti_hierarchy             /* ClassHierarchyDescriptor */
{
    DWORD signature;
    DWORD attributes;
    DWORD count;                  /* base classes, the class itself included */
    int   bases_rva;              /* array of BaseClassDescriptor rvas */
};

#define BCD_NOT_VISIBLE 0x01      /* a private or protected base */
#define BCD_AMBIGUOUS   0x02      /* more than one of it */
#define BCD_HAS_HIERARCHY 0x40    /* hierarchy_rva is there */

struct rtti_base                  /* BaseClassDescriptor */
{
    int   type_rva;
    DWORD contained;              /* bases of this base that follow it */
    struct cxx_this_offsets offsets;
    DWORD attributes;             /* BCD_* */
    int   hierarchy_rva;
};

/* ---- FH3 function tables ---- */

#define FI_EHS_FLAG       0x01    /* compiled /EHs: only C++ exceptions are caught */
#define FI_NOEXCEPT_FLAG  0x04    /* a noexcept function: an escaping exception terminates */

struct cxx_func_info              /* FuncInfo, the handler data of __CxxFrameHandler3 */
{
    UINT magic;                   /* CXX_MAGIC_VC6..VC8 in its low 29 bits */
    int  max_state;               /* entries in the unwind map */
    int  unwind_map_rva;
    UINT try_count;
    int  try_map_rva;
    UINT ip_map_count;
    int  ip_map_rva;
    int  unwind_help;             /* frame offset of the compiler's state slot */
    int  es_type_list_rva;        /* VC7 and later */
    int  flags;                   /* FI_*, VC8 and later */
};

struct cxx_unwind_entry           /* UnwindMapEntry: leaving a state */
{
    int to_state;                 /* the enclosing state */
    int action_rva;               /* cleanup funclet (a destructor call), 0: none */
};

struct cxx_try_block              /* TryBlockMapEntry */
{
    int  start_level;             /* tryLow: the try body's states are low..high */
    int  end_level;               /* tryHigh */
    int  catch_level;             /* catchHigh: its catch blocks' states are up to here */
    int  catch_count;
    int  catch_rva;               /* its cxx_catch_handler array */
};

#define HT_IS_CONST      0x01
#define HT_IS_VOLATILE   0x02
#define HT_IS_UNALIGNED  0x04
#define HT_IS_REFERENCE  0x08
#define HT_IS_STD_DOTDOT 0x40     /* catch (...) */

struct cxx_catch_handler          /* HandlerType: one catch block */
{
    UINT flags;                   /* HT_* */
    int  type_rva;                /* the caught type's TypeDescriptor, 0: catch (...) */
    int  object_offset;           /* frame offset of the catch object, 0: none */
    int  handler_rva;             /* the catch funclet */
    int  frame_offset;            /* funclet frame offset of the parent frame pointer */
};

struct cxx_ip_state               /* IPtoStateMapEntry: state from this address on */
{
    int ip_rva;
    int state;
};

/* ---- either table format, as cxx_frame.c reads it (cxx_fh3.c, cxx_fh4.c) ---- */

enum cxx_unwind_kind
{
    CXX_UNWIND_NONE,              /* a state without cleanup */
    CXX_UNWIND_FUNCLET,           /* a cleanup funclet, given the function's frame */
    CXX_UNWIND_DTOR_OBJECT,       /* a destructor of the object at frame + object (FH4) */
    CXX_UNWIND_DTOR_POINTER,      /* a destructor of the object whose pointer is there (FH4) */
};

struct cxx_unwind                 /* leaving one state */
{
    int  to_state;
    int  kind;                    /* enum cxx_unwind_kind */
    int  action_rva;
    UINT object;
};

struct cxx_try                    /* one try block */
{
    int start_level, end_level, catch_level;
    int catch_count;
    const BYTE *catches;          /* where its catch blocks are described */
};

struct cxx_catch                  /* one catch block */
{
    UINT flags;                   /* HT_* */
    int  type_rva;                /* 0: catch (...) */
    int  object_offset;           /* 0: no catch object */
    int  handler_rva;             /* the catch funclet */
    int  frame_offset;            /* FH3: where the funclet keeps its parent's frame */
    int  cont_count;              /* FH4: continuation addresses the table gives */
    ULONG64 cont[2];
};

struct cxx_frame;
struct cxx_table_ops
{
    int  (*ip_to_state)(const struct cxx_frame *f, ULONG64 pc);
    void (*get_try)(const struct cxx_frame *f, UINT index, struct cxx_try *t);
    void (*get_catch)(const struct cxx_frame *f, const struct cxx_try *t, int index, struct cxx_catch *c);
    void (*get_unwind)(const struct cxx_frame *f, int state, struct cxx_unwind *u);
    BOOL (*is_cleanup)(const struct cxx_frame *f, DWORD func_rva);   /* a cleanup funclet of the unwind map? */
};

/* one frame as the handler sees it */
struct cxx_frame
{
    const struct cxx_table_ops *ops;
    const void *info;             /* FuncInfo (FH3) or FuncInfo4 (FH4) */
    ULONG64 base;                 /* image base of the tables' rvas */
    DWORD func_rva;               /* start of this function or funclet */
    int  max_state;               /* unwind map entries */
    UINT try_count;
    BOOL ehs;                     /* /EHs: only C++ exceptions are caught */
    BOOL noexcept;                /* an escaping exception terminates */
    BOOL fh4_catch;               /* FH4: the table says this is a catch funclet, */
    UINT fh4_frame_offset;        /* keeping its parent's frame there */
    int  unwind_rva, try_rva, ip_rva;   /* FH4: where the maps are */
    const BYTE *fh4_entries[32];  /* FH4: where each unwind entry starts, when */
    int  fh4_entry_count;         /* the map has no more entries than that */
    ULONG64 frame;                /* establisher frame of this function or funclet */
    ULONG64 root;                 /* the function's frame: what funclets take */
    int  state;                   /* current state */
    int  floor;                   /* unwinding this frame stops at this state */
    BOOL in_catch;                /* this frame is a catch funclet of catch_try */
    struct cxx_try catch_try;
};

BOOL cxx_fh3_init(struct cxx_frame *f, const struct cxx_func_info *info);
BOOL cxx_fh4_init(struct cxx_frame *f, const BYTE *info);

/* ---- shared by cxx.c and cxx_frame.c ---- */

/* a catch block that runs, on the stack of the call that runs it */
struct cxx_catch_node
{
    struct cxx_catch_node *next;  /* the enclosing running catch block */
    ULONG64 frame;                /* establisher frame of the frame whose try caught */
    int state;                    /* that frame's state while the catch block runs */
    EXCEPTION_RECORD *rec;        /* the exception being handled */
    CONTEXT *context;
};

/* std::exception's data past its vtable (vcruntime's __std_exception_data) */
struct std_exception_data
{
    const char *what;
    char do_free;                 /* what was copied and is ours to free */
};

void WINAPI _CxxThrowException(void *object, const struct cxx_throw_info *ti);
void __cdecl __std_exception_copy(const struct std_exception_data *from, struct std_exception_data *to);
void __cdecl __std_exception_destroy(struct std_exception_data *data);
extern const void *const type_info_vtable[1];

typedef void (__cdecl *cxx_terminate_func)(void);
typedef void (__cdecl *cxx_se_translator_func)(unsigned int, EXCEPTION_POINTERS *);

/* a frame of _CreateFrameInfo (an exception object in use outside our
   frame handler: /EHa catch blocks, __CxxRegisterExceptionObject) */
struct cxx_frame_info
{
    void *object;                 /* the thrown object */
    struct cxx_frame_info *next;  /* the one registered before */
};

BOOL cxx_is_cxx_exception(const EXCEPTION_RECORD *rec);
void cxx_destroy_object(const EXCEPTION_RECORD *rec);
BOOL cxx_object_in_use(const struct cxx_catch_node *skip, const EXCEPTION_RECORD *rec);
void __cdecl terminate(void) __attribute__((noreturn));

/* cxx_object.c: the thrown object against a catch block's type */
void *cxx_adjust_pointer(void *ptr, const struct cxx_this_offsets *off);
BOOL cxx_same_type(const struct cxx_type_descriptor *a, const struct cxx_type_descriptor *b);
const struct cxx_catchable_type *cxx_match(const EXCEPTION_RECORD *rec, const struct cxx_type_descriptor *type,
                                           UINT flags);
void cxx_build_catch_object(void *dest, UINT flags, const struct cxx_catchable_type *ct, const EXCEPTION_RECORD *rec);
BOOL cxx_frame_infos_hold(const void *object);

/* cxx_except.c: the exceptions the runtime throws itself */
enum cxx_std_exception { CXX_STD_EXCEPTION, CXX_BAD_CAST, CXX_BAD_TYPEID, CXX_NON_RTTI_OBJECT, CXX_STD_COUNT };
void cxx_throw_std(enum cxx_std_exception kind, const char *what) __attribute__((noreturn));

/* cxx_call.S */
void *cxx_call_catch(void *funclet, ULONG64 root_frame, struct cxx_catch_node *node);
ULONG64 cxx_call_guarded(void *func, ULONG64 arg1, ULONG64 arg2, ULONG64 arg3);
BOOL cxx_read_pointer(const void *const *ptr, const void **value);

#endif /* WLX_MSVCRT_CXX_H */
