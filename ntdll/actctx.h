/*
 * ntdll/actctx.h — what ntdll/actctx.c (the activation context API) and
 * ntdll/manifest.c (manifests read into a context) share.
 */
#ifndef WLX_NTDLL_ACTCTX_H
#define WLX_NTDLL_ACTCTX_H

#include "private.h"

/* memory freed all at once: a context's strings and tables */
struct arena
{
    struct arena_chunk *chunks;
};

void *arena_alloc(struct arena *a, SIZE_T size);
WCHAR *arena_strdup(struct arena *a, const WCHAR *s, SIZE_T len);
void arena_free(struct arena *a);

struct assembly_identity
{
    WCHAR *name, *type, *version, *arch, *token, *language;
};

/* a <windowClass> and the ACTIVATION_CONTEXT_DATA_WINDOW_CLASS_REDIRECTION
 * FindActCtxSectionString answers for it */
struct window_class
{
    WCHAR *name;
    void *data;
    ULONG size;
};

struct assembly_file
{
    WCHAR *name;
    struct window_class *classes;
    unsigned int nclasses;
};

struct assembly
{
    struct assembly_identity id;
    WCHAR *manifest_path;        /* NULL for an assembly of the system */
    WCHAR *directory;            /* folder of a private assembly, else NULL */
    struct assembly_file *files;
    unsigned int nfiles;
};

struct app_setting
{
    WCHAR *ns, *name, *value;
};

struct compat_element
{
    GUID id;
    ULONG type;                  /* ACTCTX_COMPATIBILITY_ELEMENT_TYPE */
    ULONGLONG max_tested;
};

#define ACTCTX_MAGIC 0x58544341  /* "ACTX" */

struct actctx
{
    ULONG magic;
    LONG refs;
    struct actctx *next;         /* all live contexts */
    BOOL zombie;
    struct arena arena;
    WCHAR *root_path;            /* manifest file or module; NULL for an empty context */
    WCHAR *app_dir;              /* with its final backslash */
    struct assembly *assemblies; /* [0] is the root manifest's */
    unsigned int nassemblies, assemblies_size;
    ULONG run_level, ui_access;
    struct compat_element *compat;
    unsigned int ncompat, compat_size;
    struct app_setting *settings;
    unsigned int nsettings, settings_size;
    ULONG dll_data[5];           /* ACTIVATION_CONTEXT_DATA_DLL_REDIRECTION answered for its files */
};

/* where a manifest comes from: a file, or a module's RT_MANIFEST resource */
struct manifest_source
{
    const WCHAR *path;           /* the file, or the module's path */
    HMODULE module;              /* not NULL: read resource name of it */
    const WCHAR *resource;
    LANGID lang;
    const WCHAR *probe_dir;      /* where private dependencies are looked for, with its backslash */
};

/* fills a new context (ctx->arena ready, everything else zero) from a manifest */
NTSTATUS manifest_load(struct actctx *ctx, const struct manifest_source *src);

#endif
