/*
 * server/registry.h — the registry's private declarations, shared by
 * registry.c (the tree and its requests), regfile.c (loading and saving the
 * prefix's files) and regdefaults.c (what a new prefix holds).
 */
#ifndef WLX_SERVER_REGISTRY_H
#define WLX_SERVER_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* Windows value types the server itself looks at (others are plain bytes) */
#define REG_SZ         1
#define REG_EXPAND_SZ  2
#define REG_BINARY     3
#define REG_DWORD      4
#define REG_MULTI_SZ   7
#define REG_QWORD      11

/* REG_NOTIFY_CHANGE_* */
#define REG_NOTIFY_NAME        1
#define REG_NOTIFY_ATTRIBUTES  2
#define REG_NOTIFY_LAST_SET    4

#define REG_MAX_NAME_CHARS     255     /* a key name component */
#define REG_MAX_VALUE_NAME     16383   /* a value name, in characters */
#define REG_MAX_DEPTH          512     /* levels below \REGISTRY, as Windows allows */

enum reg_hive { HIVE_NONE = -1, HIVE_MACHINE, HIVE_USER, HIVE_COUNT };

struct reg_value {
    uint16_t *name;            /* UTF-16, not terminated */
    uint32_t name_len;         /* characters */
    uint32_t type;
    uint32_t size;             /* bytes of data */
    uint8_t *data;
};

struct reg_key {
    struct reg_key *parent;    /* NULL for the root */
    uint16_t *name;            /* this key's own name, case as created */
    uint32_t name_len;         /* characters */
    uint16_t *class_name;      /* NULL when it has none */
    uint32_t class_len;        /* characters */
    struct reg_key **subkeys;  /* sorted by upper-cased name: enumeration order */
    uint32_t nsubkeys, subkeys_cap;
    struct reg_value *values;  /* in creation order, as Windows enumerates them */
    uint32_t nvalues, values_cap;
    uint64_t last_write;       /* FILETIME */
    uint64_t id;               /* the id clients name it by */
    int is_volatile;           /* REG_OPTION_VOLATILE: never saved */
};

/* registry.c */
uint64_t reg_now(void);                                   /* FILETIME now */
struct reg_key *reg_hive_root(enum reg_hive hive);        /* \REGISTRY\MACHINE, \REGISTRY\USER */
struct reg_key *reg_create_path(struct reg_key *base, const uint16_t *path, size_t len,
                                int is_volatile, int *created);
int reg_set_value(struct reg_key *key, const uint16_t *name, size_t name_len,
                  uint32_t type, const void *data, size_t size);   /* 0 or -ENOMEM */
void reg_changed(struct reg_key *key, uint32_t what);   /* last write, notifications, save */
size_t reg_utf8_to_utf16(const char *s, uint16_t *out, size_t max);

/* regfile.c */
void registry_load(const char *prefix);   /* files, or defaults for a new prefix */
void registry_mark_dirty(enum reg_hive hive);
void registry_save_all(void);              /* the hives with changes, atomically */

/* regdefaults.c */
void registry_add_defaults(enum reg_hive hive);   /* a new prefix's keys */
void registry_add_volatile(void);                 /* volatile keys, at every start */

#endif
