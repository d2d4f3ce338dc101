/*
 * ntdll/atom.c — atom tables: RtlCreateAtomTable & co. (kernel32's local
 * atoms) and NtAddAtom & co. (the global atom table).
 *
 * An atom is a 16-bit number naming a string. 0x0001..0xBFFF are integer
 * atoms: the number is the atom, nothing is stored, and "#123" names the
 * integer atom 123. 0xC000..0xFFFF are string atoms: case-insensitive
 * (Unicode upper case), at most 255 characters, reference-counted; a pinned
 * atom is never deleted.
 *
 * Global atoms: on Windows the table lives in the kernel and is shared by
 * the whole session. wlx keeps one table per process, created on first use
 * and reached through NtAddAtom & co. (what user32 would register its
 * window messages and clipboard formats in); another process does not see
 * its atoms. doc/ARCHITECTURE.md, Atoms.
 */
#include "private.h"

#define MAX_ATOM_LEN   255
#define MAXINTATOM_    0xc000
#define MAX_STRING_ATOMS 0x4000     /* 0xC000..0xFFFF */

typedef USHORT RTL_ATOM;

struct atom_entry
{
    struct atom_entry *next;        /* hash chain */
    RTL_ATOM atom;
    USHORT   refs;
    USHORT   pinned;
    USHORT   len;                   /* characters */
    WCHAR    name[1];               /* as first added, not terminated */
};

struct atom_table
{
    RTL_SRWLOCK         lock;
    ULONG               nbuckets;
    struct atom_entry **buckets;
    struct atom_entry **by_index;   /* atom - 0xC000 → entry */
    ULONG               count;      /* used length of by_index */
    ULONG               capacity;
};

void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);
size_t __cdecl wcslen(const WCHAR *);

/* --- names ------------------------------------------------------------------ */

/* An integer atom given as MAKEINTATOM(n) or "#n" (decimal digits only).
 * STATUS_SUCCESS with *atom set; STATUS_MORE_ENTRIES when name is a string
 * atom's name; an error for 0, >= 0xC000, an empty or a too long name. */
static NTSTATUS integer_atom(const WCHAR *name, ULONG len, RTL_ATOM *atom)
{
    ULONG i, value = 0;

    if (!((ULONG_PTR)name >> 16))
    {
        value = (ULONG_PTR)name;
        goto check;
    }
    if (!len) return STATUS_OBJECT_NAME_INVALID;
    if (name[0] == '#' && len > 1)
    {
        for (i = 1; i < len && name[i] >= '0' && name[i] <= '9'; i++)
            value = (value * 10 + name[i] - '0') & 0xffff;   /* RTL_ATOM arithmetic */
        if (i == len) goto check;
    }
    if (len > MAX_ATOM_LEN) return STATUS_INVALID_PARAMETER;
    return STATUS_MORE_ENTRIES;
check:
    if (!value || value >= MAXINTATOM_) return STATUS_INVALID_PARAMETER;
    *atom = value;
    return STATUS_SUCCESS;
}

static ULONG name_hash(const WCHAR *name, ULONG len)
{
    ULONG h = 0, i;
    for (i = 0; i < len; i++) h = h * 31 + RtlUpcaseUnicodeChar(name[i]);
    return h;
}

static BOOL name_equal(const struct atom_entry *e, const WCHAR *name, ULONG len)
{
    ULONG i;
    if (e->len != len) return FALSE;
    for (i = 0; i < len; i++)
        if (RtlUpcaseUnicodeChar(e->name[i]) != RtlUpcaseUnicodeChar(name[i])) return FALSE;
    return TRUE;
}

static ULONG name_len(const WCHAR *name)
{
    return (ULONG_PTR)name >> 16 ? wcslen(name) : 0;
}

/* --- the table -------------------------------------------------------------- */

static struct atom_entry *find_name(struct atom_table *t, const WCHAR *name, ULONG len)
{
    struct atom_entry *e;
    for (e = t->buckets[name_hash(name, len) % t->nbuckets]; e; e = e->next)
        if (name_equal(e, name, len)) return e;
    return NULL;
}

static struct atom_entry *find_atom(struct atom_table *t, RTL_ATOM atom)
{
    if (atom < MAXINTATOM_ || atom - MAXINTATOM_ >= t->count) return NULL;
    return t->by_index[atom - MAXINTATOM_];
}

static void unlink_entry(struct atom_table *t, struct atom_entry *e)
{
    struct atom_entry **p = &t->buckets[name_hash(e->name, e->len) % t->nbuckets];
    while (*p != e) p = &(*p)->next;
    *p = e->next;
    t->by_index[e->atom - MAXINTATOM_] = NULL;
    RtlFreeHeap(PROCESS_HEAP(), 0, e);
}

static NTSTATUS add_name(struct atom_table *t, const WCHAR *name, ULONG len, RTL_ATOM *atom)
{
    struct atom_entry *e = find_name(t, name, len);
    ULONG i;

    if (e)
    {
        if (e->refs < 0xffff) e->refs++;
        *atom = e->atom;
        return STATUS_SUCCESS;
    }
    for (i = 0; i < t->count; i++) if (!t->by_index[i]) break;
    if (i == t->count)
    {
        if (t->count == MAX_STRING_ATOMS) return STATUS_NO_MEMORY;
        if (t->count == t->capacity)
        {
            ULONG cap = t->capacity ? t->capacity * 2 : 64;
            struct atom_entry **grown = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, cap * sizeof(*grown));
            if (!grown) return STATUS_NO_MEMORY;
            if (t->count) memcpy(grown, t->by_index, t->count * sizeof(*grown));
            RtlFreeHeap(PROCESS_HEAP(), 0, t->by_index);
            t->by_index = grown;
            t->capacity = cap;
        }
        t->count++;
    }
    e = RtlAllocateHeap(PROCESS_HEAP(), 0, FIELD_OFFSET(struct atom_entry, name[len]));
    if (!e) return STATUS_NO_MEMORY;
    e->atom = MAXINTATOM_ + i;
    e->refs = 1;
    e->pinned = 0;
    e->len = len;
    memcpy(e->name, name, len * sizeof(WCHAR));
    e->next = t->buckets[name_hash(name, len) % t->nbuckets];
    t->buckets[name_hash(name, len) % t->nbuckets] = e;
    t->by_index[i] = e;
    *atom = e->atom;
    return STATUS_SUCCESS;
}

/* "#123" for an integer atom */
static ULONG integer_name(RTL_ATOM atom, WCHAR *buf)
{
    WCHAR tmp[8];
    ULONG n = 0, i = 0;

    do tmp[n++] = '0' + atom % 10; while (atom /= 10);
    buf[i++] = '#';
    while (n) buf[i++] = tmp[--n];
    return i;
}

/* --- Rtl*AtomTable ------------------------------------------------------------ */

NTSTATUS NTAPI RtlCreateAtomTable(ULONG size, void **table)
{
    struct atom_table *t;

    if (*table) return STATUS_SUCCESS;   /* already created: kept as it is */
    if (!size) size = 37;
    if (!(t = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*t)))) return STATUS_NO_MEMORY;
    if (!(t->buckets = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, size * sizeof(*t->buckets))))
    {
        RtlFreeHeap(PROCESS_HEAP(), 0, t);
        return STATUS_NO_MEMORY;
    }
    t->nbuckets = size;
    *table = t;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlEmptyAtomTable(void *table, BOOLEAN delete_pinned)
{
    struct atom_table *t = table;
    ULONG i;

    if (!t) return STATUS_INVALID_PARAMETER;
    RtlAcquireSRWLockExclusive(&t->lock);
    for (i = 0; i < t->count; i++)
        if (t->by_index[i] && (delete_pinned || !t->by_index[i]->pinned)) unlink_entry(t, t->by_index[i]);
    RtlReleaseSRWLockExclusive(&t->lock);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlDestroyAtomTable(void *table)
{
    struct atom_table *t = table;

    if (!t) return STATUS_INVALID_PARAMETER;
    RtlEmptyAtomTable(t, TRUE);
    RtlFreeHeap(PROCESS_HEAP(), 0, t->by_index);
    RtlFreeHeap(PROCESS_HEAP(), 0, t->buckets);
    RtlFreeHeap(PROCESS_HEAP(), 0, t);
    return STATUS_SUCCESS;
}

static NTSTATUS add_atom(struct atom_table *t, const WCHAR *name, ULONG len, RTL_ATOM *atom)
{
    NTSTATUS status = integer_atom(name, len, atom);

    if (status != STATUS_MORE_ENTRIES) return status;
    RtlAcquireSRWLockExclusive(&t->lock);
    status = add_name(t, name, len, atom);
    RtlReleaseSRWLockExclusive(&t->lock);
    return status;
}

static NTSTATUS lookup_atom(struct atom_table *t, const WCHAR *name, ULONG len, RTL_ATOM *atom)
{
    NTSTATUS status = integer_atom(name, len, atom);
    struct atom_entry *e;

    if (status != STATUS_MORE_ENTRIES) return status;
    RtlAcquireSRWLockExclusive(&t->lock);
    if ((e = find_name(t, name, len))) *atom = e->atom;
    RtlReleaseSRWLockExclusive(&t->lock);
    return e ? STATUS_SUCCESS : STATUS_OBJECT_NAME_NOT_FOUND;
}

static NTSTATUS delete_atom(struct atom_table *t, RTL_ATOM atom)
{
    struct atom_entry *e;
    NTSTATUS status = STATUS_SUCCESS;

    if (atom < MAXINTATOM_) return atom ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;  /* nothing stored */
    RtlAcquireSRWLockExclusive(&t->lock);
    if (!(e = find_atom(t, atom))) status = STATUS_INVALID_HANDLE;
    else if (!e->pinned && !--e->refs) unlink_entry(t, e);
    RtlReleaseSRWLockExclusive(&t->lock);
    return status;
}

NTSTATUS NTAPI RtlAddAtomToAtomTable(void *table, const WCHAR *name, RTL_ATOM *atom)
{
    RTL_ATOM dummy;
    if (!table) return STATUS_INVALID_PARAMETER;
    return add_atom(table, name, name_len(name), atom ? atom : &dummy);
}

NTSTATUS NTAPI RtlLookupAtomInAtomTable(void *table, const WCHAR *name, RTL_ATOM *atom)
{
    RTL_ATOM dummy;
    if (!table) return STATUS_INVALID_PARAMETER;
    return lookup_atom(table, name, name_len(name), atom ? atom : &dummy);
}

NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(void *table, RTL_ATOM atom)
{
    if (!table) return STATUS_INVALID_PARAMETER;
    return delete_atom(table, atom);
}

NTSTATUS NTAPI RtlPinAtomInAtomTable(void *table, RTL_ATOM atom)
{
    struct atom_table *t = table;
    struct atom_entry *e;

    if (!t) return STATUS_INVALID_PARAMETER;
    if (atom < MAXINTATOM_) return atom ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
    RtlAcquireSRWLockExclusive(&t->lock);
    if ((e = find_atom(t, atom))) e->pinned = 1;
    RtlReleaseSRWLockExclusive(&t->lock);
    return e ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

/* the full name of an atom, its reference and pin counts; an integer
 * atom is "#n", referenced and pinned once */
static NTSTATUS query_atom(struct atom_table *t, RTL_ATOM atom, WCHAR *buf, ULONG *len, ULONG *refs, ULONG *pinned)
{
    struct atom_entry *e;

    if (!atom) return STATUS_INVALID_PARAMETER;
    *refs = *pinned = 1;
    if (atom < MAXINTATOM_)
    {
        *len = integer_name(atom, buf);
        return STATUS_SUCCESS;
    }
    RtlAcquireSRWLockExclusive(&t->lock);
    if ((e = find_atom(t, atom)))
    {
        *len = e->len;
        memcpy(buf, e->name, e->len * sizeof(WCHAR));
        *refs = e->refs;
        *pinned = e->pinned;
    }
    RtlReleaseSRWLockExclusive(&t->lock);
    return e ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

/* The name (name_len in bytes: room in, length out, without terminator),
 * always terminated; a short buffer gets what fits and
 * STATUS_BUFFER_TOO_SMALL. */
NTSTATUS NTAPI RtlQueryAtomInAtomTable(void *table, RTL_ATOM atom, ULONG *refs, ULONG *pinned,
                                       WCHAR *name, ULONG *name_len)
{
    WCHAR buf[MAX_ATOM_LEN + 8];
    ULONG len, r, p, room;
    NTSTATUS status;

    if (!table) return STATUS_INVALID_PARAMETER;
    if ((status = query_atom(table, atom, buf, &len, &r, &p))) return status;
    if (name && name_len)
    {
        room = *name_len / sizeof(WCHAR);
        if (!room) status = STATUS_BUFFER_TOO_SMALL;
        else
        {
            if (len >= room)
            {
                status = STATUS_BUFFER_TOO_SMALL;
                len = room - 1;
            }
            memcpy(name, buf, len * sizeof(WCHAR));
            name[len] = 0;
        }
    }
    if (name_len) *name_len = len * sizeof(WCHAR);
    if (refs) *refs = r;
    if (pinned) *pinned = p;
    return status;
}

/* --- the global table: NtAddAtom & co. -------------------------------------- */

#define ATOM_BASIC_INFORMATION_CLASS 0
#define ATOM_TABLE_INFORMATION_CLASS 1

static void *global_table;
static RTL_SRWLOCK global_init_lock;

static struct atom_table *get_global_table(void)
{
    if (!global_table)
    {
        RtlAcquireSRWLockExclusive(&global_init_lock);
        RtlCreateAtomTable(37, &global_table);
        RtlReleaseSRWLockExclusive(&global_init_lock);
    }
    return global_table;
}

/* unlike a local table's, an empty name is an invalid parameter here */
static BOOL valid_global_name(const WCHAR *name, ULONG length)
{
    return !((ULONG_PTR)name >> 16) || (length && length <= MAX_ATOM_LEN * sizeof(WCHAR));
}

/* length in bytes, names not terminated */
NTSTATUS NTAPI NtAddAtomEx(const WCHAR *name, ULONG length, RTL_ATOM *atom, ULONG flags)
{
    struct atom_table *t = get_global_table();
    RTL_ATOM dummy;

    if (!t) return STATUS_NO_MEMORY;
    if (!valid_global_name(name, length)) return STATUS_INVALID_PARAMETER;
    return add_atom(t, name, length / sizeof(WCHAR), atom ? atom : &dummy);
}

NTSTATUS NTAPI NtAddAtom(const WCHAR *name, ULONG length, RTL_ATOM *atom)
{
    return NtAddAtomEx(name, length, atom, 0);
}

NTSTATUS NTAPI NtFindAtom(const WCHAR *name, ULONG length, RTL_ATOM *atom)
{
    struct atom_table *t = get_global_table();
    RTL_ATOM dummy;

    if (!t) return STATUS_NO_MEMORY;
    if (!valid_global_name(name, length)) return STATUS_INVALID_PARAMETER;
    return lookup_atom(t, name, length / sizeof(WCHAR), atom ? atom : &dummy);
}

NTSTATUS NTAPI NtDeleteAtom(RTL_ATOM atom)
{
    struct atom_table *t = get_global_table();
    if (!t) return STATUS_NO_MEMORY;
    return delete_atom(t, atom);
}

/* AtomBasicInformation: { USHORT ReferenceCount, Pinned, NameLength (bytes);
 * WCHAR Name[] }: the name is terminated when there is room; a name that
 * does not fit is cut, with STATUS_BUFFER_TOO_SMALL and its full length.
 * AtomTableInformation: { ULONG NumberOfAtoms; RTL_ATOM Atoms[] }. */
NTSTATUS NTAPI NtQueryInformationAtom(RTL_ATOM atom, ULONG class, void *info, ULONG size, ULONG *ret_size)
{
    struct atom_table *t = get_global_table();
    NTSTATUS status;

    if (!t) return STATUS_NO_MEMORY;
    if (class == ATOM_BASIC_INFORMATION_CLASS)
    {
        USHORT *basic = info;
        WCHAR buf[MAX_ATOM_LEN + 8], *name = (WCHAR *)(basic + 3);
        ULONG refs, pinned, len, room;

        if (size < 3 * sizeof(USHORT)) return STATUS_INFO_LENGTH_MISMATCH;
        if ((status = query_atom(t, atom, buf, &len, &refs, &pinned))) return status;
        room = (size - 3 * sizeof(USHORT)) / sizeof(WCHAR);
        memcpy(name, buf, (len < room ? len : room) * sizeof(WCHAR));
        if (len < room) name[len] = 0;
        else if (len > room) status = STATUS_BUFFER_TOO_SMALL;
        basic[0] = refs;
        basic[1] = pinned;
        basic[2] = len * sizeof(WCHAR);
        if (ret_size) *ret_size = 3 * sizeof(USHORT) + len * sizeof(WCHAR);
        return status;
    }
    if (class == ATOM_TABLE_INFORMATION_CLASS)
    {
        ULONG *count = info, i, n = 0;
        RTL_ATOM *atoms = (RTL_ATOM *)(count + 1);

        if (size < sizeof(ULONG)) return STATUS_INFO_LENGTH_MISMATCH;
        status = STATUS_SUCCESS;
        RtlAcquireSRWLockExclusive(&t->lock);
        for (i = 0; i < t->count; i++)
        {
            if (!t->by_index[i]) continue;
            if (sizeof(ULONG) + (n + 1) * sizeof(RTL_ATOM) > size) status = STATUS_INFO_LENGTH_MISMATCH;
            else atoms[n] = t->by_index[i]->atom;
            n++;
        }
        RtlReleaseSRWLockExclusive(&t->lock);
        *count = n;
        if (ret_size) *ret_size = sizeof(ULONG) + n * sizeof(RTL_ATOM);
        return status;
    }
    return STATUS_INVALID_INFO_CLASS;
}
