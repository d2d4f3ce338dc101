/*
 * kernel32/updres.c — BeginUpdateResource / UpdateResource /
 * EndUpdateResource: changing the resources of a PE file on disk (what
 * rcedit and bun's --compile do to set icons and version information).
 *
 * Begin reads the file and, unless asked to drop them, its resources into
 * a tree (type → name → language → bytes); Update adds, replaces or (no
 * data) deletes one leaf; End builds a new resource section from the tree
 * and writes the file again. The section is rebuilt where the old one was
 * when that was the file's last section, else appended as a new last
 * section; what follows the sections in the file (an overlay, a
 * certificate table) is kept after it, the certificate directory moved
 * with it. Directory entries are sorted as loaders expect (names first,
 * by name without case, then IDs ascending); the header's image size,
 * initialized-data size and, when the file had one, checksum are updated.
 */
#include "private.h"

struct res_lang { struct res_lang *next; WORD lang; DWORD codepage; BYTE *data; DWORD size; };
struct res_name { struct res_name *next; WCHAR *str; WORD id; struct res_lang *langs; };
struct res_type { struct res_type *next; WCHAR *str; WORD id; struct res_name *names; };

struct update
{
    DWORD magic;
    WCHAR *path;
    BYTE *file;
    DWORD size;
    struct res_type *types;
};

#define UPDATE_MAGIC 0x53455255   /* "URES" */

static void *alloc(size_t n) { return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n); }
static void release(void *p) { if (p) HeapFree(GetProcessHeap(), 0, p); }

static WCHAR *wcsdup_heap(const WCHAR *s, size_t len)
{
    WCHAR *d = alloc((len + 1) * sizeof(WCHAR));
    if (d) memcpy(d, s, len * sizeof(WCHAR));
    return d;
}

/* --- the PE file ----------------------------------------------------------- */

static IMAGE_NT_HEADERS64 *nt_of(BYTE *file, DWORD size)
{
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)file;
    if (size < sizeof(*dos) || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 ||
        (DWORD)dos->e_lfanew > size - sizeof(IMAGE_NT_HEADERS32))
        return NULL;
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(file + dos->e_lfanew);
    if (nt->Signature != IMAGE_NT_SIGNATURE) return NULL;
    if (nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC &&
        nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR32_MAGIC)
        return NULL;
    DWORD sections_end = dos->e_lfanew + 4 + sizeof(IMAGE_FILE_HEADER) + nt->FileHeader.SizeOfOptionalHeader +
                         nt->FileHeader.NumberOfSections * sizeof(IMAGE_SECTION_HEADER);
    return sections_end <= size ? nt : NULL;
}

/* the 32- and 64-bit optional headers differ before the data directories */
static IMAGE_DATA_DIRECTORY *dirs_of(IMAGE_NT_HEADERS64 *nt, DWORD *count)
{
    if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC)
    {
        *count = nt->OptionalHeader.NumberOfRvaAndSizes;
        return nt->OptionalHeader.DataDirectory;
    }
    IMAGE_NT_HEADERS32 *nt32 = (IMAGE_NT_HEADERS32 *)nt;
    *count = nt32->OptionalHeader.NumberOfRvaAndSizes;
    return nt32->OptionalHeader.DataDirectory;
}

/* SectionAlignment, FileAlignment, SizeOfImage, SizeOfHeaders, CheckSum and
   SizeOfInitializedData sit at the same offsets in both optional headers */
#define OPT(nt) ((nt)->OptionalHeader)

static BYTE *file_at_rva(BYTE *file, DWORD size, IMAGE_NT_HEADERS64 *nt, DWORD rva, DWORD len)
{
    IMAGE_SECTION_HEADER *sec = IMAGE_FIRST_SECTION(nt);
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++, sec++)
    {
        DWORD vsize = max(sec->Misc.VirtualSize, sec->SizeOfRawData);
        if (rva < sec->VirtualAddress || rva - sec->VirtualAddress >= vsize) continue;
        DWORD off = rva - sec->VirtualAddress;
        if (off + (ULONGLONG)len > sec->SizeOfRawData) return NULL;
        if (sec->PointerToRawData + (ULONGLONG)off + len > size) return NULL;
        return file + sec->PointerToRawData + off;
    }
    return NULL;
}

/* --- the tree ----------------------------------------------------------- */

static BOOL key_is(const WCHAR *str, WORD id, LPCWSTR key)
{
    if (IS_INTRESOURCE(key)) return !str && id == LOWORD(key);
    return str && !lstrcmpiW(str, key);
}

static BOOL set_key(WCHAR **str, WORD *id, LPCWSTR key)
{
    if (IS_INTRESOURCE(key)) { *id = LOWORD(key); return TRUE; }
    return (*str = wcsdup_heap(key, lstrlenW(key))) != NULL;
}

static struct res_lang **find_lang(struct update *u, LPCWSTR type, LPCWSTR name, WORD lang, BOOL create)
{
    struct res_type **t = &u->types;
    while (*t && !key_is((*t)->str, (*t)->id, type)) t = &(*t)->next;
    if (!*t)
    {
        if (!create || !(*t = alloc(sizeof(**t))) || !set_key(&(*t)->str, &(*t)->id, type)) return NULL;
    }
    struct res_name **n = &(*t)->names;
    while (*n && !key_is((*n)->str, (*n)->id, name)) n = &(*n)->next;
    if (!*n)
    {
        if (!create || !(*n = alloc(sizeof(**n))) || !set_key(&(*n)->str, &(*n)->id, name)) return NULL;
    }
    struct res_lang **l = &(*n)->langs;
    while (*l && (*l)->lang != lang) l = &(*l)->next;
    return l;
}

static BOOL put_leaf(struct update *u, LPCWSTR type, LPCWSTR name, WORD lang, DWORD codepage, const void *data,
                     DWORD size)
{
    struct res_lang **l = find_lang(u, type, name, lang, TRUE);
    if (!l) return FALSE;
    BYTE *copy = alloc(size ? size : 1);
    if (!copy) return FALSE;
    memcpy(copy, data, size);
    if (!*l)
    {
        if (!(*l = alloc(sizeof(**l)))) { release(copy); return FALSE; }
        (*l)->lang = lang;
    }
    release((*l)->data);
    (*l)->data = copy;
    (*l)->size = size;
    (*l)->codepage = codepage;
    return TRUE;
}

/* empty names and types go with their last leaf */
static void prune(struct update *u)
{
    for (struct res_type **t = &u->types; *t;)
    {
        for (struct res_name **n = &(*t)->names; *n;)
        {
            if ((*n)->langs) { n = &(*n)->next; continue; }
            struct res_name *gone = *n;
            *n = gone->next;
            release(gone->str);
            release(gone);
        }
        if ((*t)->names) { t = &(*t)->next; continue; }
        struct res_type *gone = *t;
        *t = gone->next;
        release(gone->str);
        release(gone);
    }
}

static void free_tree(struct update *u)
{
    while (u->types)
    {
        struct res_type *t = u->types;
        u->types = t->next;
        while (t->names)
        {
            struct res_name *n = t->names;
            t->names = n->next;
            while (n->langs)
            {
                struct res_lang *l = n->langs;
                n->langs = l->next;
                release(l->data);
                release(l);
            }
            release(n->str);
            release(n);
        }
        release(t->str);
        release(t);
    }
}

/* --- reading the file's resources --------------------------------------- */

/* an entry's name as a key: a string (copied, terminated) or an ID */
static LPCWSTR entry_key(BYTE *base, DWORD len, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e, WCHAR *buf, size_t cap)
{
    if (!e->NameIsString) return MAKEINTRESOURCEW(e->Id);
    if (e->NameOffset + 2 > len) return NULL;
    const IMAGE_RESOURCE_DIR_STRING_U *s = (const void *)(base + e->NameOffset);
    if (e->NameOffset + 2 + s->Length * 2ull > len || s->Length >= cap) return NULL;
    memcpy(buf, s->NameString, s->Length * sizeof(WCHAR));
    buf[s->Length] = 0;
    return buf;
}

static const IMAGE_RESOURCE_DIRECTORY *subdir(BYTE *base, DWORD len, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e)
{
    if (!e->DataIsDirectory || e->OffsetToDirectory + sizeof(IMAGE_RESOURCE_DIRECTORY) > len) return NULL;
    const IMAGE_RESOURCE_DIRECTORY *d = (const void *)(base + e->OffsetToDirectory);
    DWORD count = d->NumberOfNamedEntries + d->NumberOfIdEntries;
    if (e->OffsetToDirectory + sizeof(*d) + count * sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY) > len) return NULL;
    return d;
}

static BOOL read_resources(struct update *u, IMAGE_NT_HEADERS64 *nt)
{
    DWORD ndirs;
    IMAGE_DATA_DIRECTORY *dirs = dirs_of(nt, &ndirs);
    if (ndirs <= IMAGE_DIRECTORY_ENTRY_RESOURCE || !dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress) return TRUE;
    DWORD rva = dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress, len = dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].Size;
    BYTE *base = file_at_rva(u->file, u->size, nt, rva, len);
    if (!base || len < sizeof(IMAGE_RESOURCE_DIRECTORY)) return FALSE;
    IMAGE_RESOURCE_DIRECTORY_ENTRY root_entry = { 0 };
    root_entry.DataIsDirectory = 1;
    const IMAGE_RESOURCE_DIRECTORY *root = subdir(base, len, &root_entry);
    if (!root) return FALSE;
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *te = (const void *)(root + 1);
    for (int i = 0; i < root->NumberOfNamedEntries + root->NumberOfIdEntries; i++, te++)
    {
        WCHAR tbuf[256], nbuf[256];
        LPCWSTR type = entry_key(base, len, te, tbuf, ARRAYSIZE(tbuf));
        const IMAGE_RESOURCE_DIRECTORY *td = subdir(base, len, te);
        if (!type || !td) return FALSE;
        const IMAGE_RESOURCE_DIRECTORY_ENTRY *ne = (const void *)(td + 1);
        for (int j = 0; j < td->NumberOfNamedEntries + td->NumberOfIdEntries; j++, ne++)
        {
            LPCWSTR name = entry_key(base, len, ne, nbuf, ARRAYSIZE(nbuf));
            const IMAGE_RESOURCE_DIRECTORY *nd = subdir(base, len, ne);
            if (!name || !nd) return FALSE;
            const IMAGE_RESOURCE_DIRECTORY_ENTRY *le = (const void *)(nd + 1);
            for (int k = 0; k < nd->NumberOfNamedEntries + nd->NumberOfIdEntries; k++, le++)
            {
                if (le->DataIsDirectory || le->OffsetToData + sizeof(IMAGE_RESOURCE_DATA_ENTRY) > len) return FALSE;
                const IMAGE_RESOURCE_DATA_ENTRY *de = (const void *)(base + le->OffsetToData);
                const BYTE *data = de->Size ? file_at_rva(u->file, u->size, nt, de->OffsetToData, de->Size) : base;
                if (!data || !put_leaf(u, type, name, le->Id, de->CodePage, data, de->Size)) return FALSE;
            }
        }
    }
    return TRUE;
}

/* --- building the new section ------------------------------------------- */

static int key_compare(const WCHAR *sa, WORD ia, const WCHAR *sb, WORD ib)
{
    if (sa && sb)
    {
        int r = CompareStringOrdinal(sa, -1, sb, -1, TRUE);
        return r - CSTR_EQUAL;
    }
    if (sa) return -1;   /* names before IDs */
    if (sb) return 1;
    return (int)ia - (int)ib;
}

/* sorts a list of nodes whose first members are next, str, id */
struct node { struct node *next; WCHAR *str; WORD id; };

static void sort_nodes(struct node **list)
{
    struct node *sorted = NULL;
    while (*list)
    {
        struct node *n = *list, **p = &sorted;
        *list = n->next;
        while (*p && key_compare((*p)->str, (*p)->id, n->str, n->id) <= 0) p = &(*p)->next;
        n->next = *p;
        *p = n;
    }
    *list = sorted;
}

static void sort_langs(struct res_lang **list)
{
    struct res_lang *sorted = NULL;
    while (*list)
    {
        struct res_lang *l = *list, **p = &sorted;
        *list = l->next;
        while (*p && (*p)->lang <= l->lang) p = &(*p)->next;
        l->next = *p;
        *p = l;
    }
    *list = sorted;
}

/* the order of the section, which measure's padding of the data depends on */
static void sort_tree(struct update *u)
{
    sort_nodes((struct node **)&u->types);
    for (struct res_type *t = u->types; t; t = t->next)
    {
        sort_nodes((struct node **)&t->names);
        for (struct res_name *n = t->names; n; n = n->next) sort_langs(&n->langs);
    }
}

struct layout { DWORD dirs, data_entries, strings, data, total; };

static DWORD align_up(DWORD v, DWORD a) { return a ? (v + a - 1) / a * a : v; }

static void measure(struct update *u, struct layout *lay)
{
    DWORD dirs = 0, leaves = 0, strings = 0, data = 0;
    int types = 0;
    for (struct res_type *t = u->types; t; t = t->next)
    {
        types++;
        int names = 0;
        if (t->str) strings += 2 + lstrlenW(t->str) * 2;
        for (struct res_name *n = t->names; n; n = n->next)
        {
            names++;
            int langs = 0;
            if (n->str) strings += 2 + lstrlenW(n->str) * 2;
            for (struct res_lang *l = n->langs; l; l = l->next)
            {
                langs++;
                leaves++;
                data = align_up(data, 8) + l->size;
            }
            dirs += sizeof(IMAGE_RESOURCE_DIRECTORY) + langs * sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY);
        }
        dirs += sizeof(IMAGE_RESOURCE_DIRECTORY) + names * sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY);
    }
    dirs += sizeof(IMAGE_RESOURCE_DIRECTORY) + types * sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY);
    lay->dirs = 0;
    lay->data_entries = dirs;
    lay->strings = dirs + leaves * sizeof(IMAGE_RESOURCE_DATA_ENTRY);
    lay->data = align_up(lay->strings + strings, 8);
    lay->total = lay->data + data;
}

static DWORD put_string(BYTE *out, DWORD *at, const WCHAR *s)
{
    DWORD off = *at, len = lstrlenW(s);
    *(WORD *)(out + off) = (WORD)len;
    memcpy(out + off + 2, s, len * sizeof(WCHAR));
    *at += 2 + len * 2;
    return off | 0x80000000u;
}

static DWORD put_dir(BYTE *out, DWORD *at, int named, int ids)
{
    DWORD off = *at;
    IMAGE_RESOURCE_DIRECTORY *d = (IMAGE_RESOURCE_DIRECTORY *)(out + off);
    memset(d, 0, sizeof(*d));
    d->NumberOfNamedEntries = named;
    d->NumberOfIdEntries = ids;
    *at += sizeof(*d) + (named + ids) * sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY);
    return off;
}

/* the section's bytes, its RVA being rva; breadth-first directories */
static void build(struct update *u, const struct layout *lay, BYTE *out, DWORD rva)
{
    DWORD dir_at = 0, entry_at = lay->data_entries, str_at = lay->strings, data_at = lay->data;
    int named = 0, ids = 0;
    for (struct res_type *t = u->types; t; t = t->next) t->str ? named++ : ids++;
    DWORD root = put_dir(out, &dir_at, named, ids);
    IMAGE_RESOURCE_DIRECTORY_ENTRY *te = (void *)(out + root + sizeof(IMAGE_RESOURCE_DIRECTORY));
    for (struct res_type *t = u->types; t; t = t->next, te++)
    {
        te->Name = t->str ? put_string(out, &str_at, t->str) : t->id;
        named = ids = 0;
        for (struct res_name *n = t->names; n; n = n->next) n->str ? named++ : ids++;
        DWORD tdir = put_dir(out, &dir_at, named, ids);
        te->OffsetToData = tdir | 0x80000000u;
        IMAGE_RESOURCE_DIRECTORY_ENTRY *ne = (void *)(out + tdir + sizeof(IMAGE_RESOURCE_DIRECTORY));
        for (struct res_name *n = t->names; n; n = n->next, ne++)
        {
            ne->Name = n->str ? put_string(out, &str_at, n->str) : n->id;
            ids = 0;
            for (struct res_lang *l = n->langs; l; l = l->next) ids++;
            DWORD ndir = put_dir(out, &dir_at, 0, ids);
            ne->OffsetToData = ndir | 0x80000000u;
            IMAGE_RESOURCE_DIRECTORY_ENTRY *le = (void *)(out + ndir + sizeof(IMAGE_RESOURCE_DIRECTORY));
            for (struct res_lang *l = n->langs; l; l = l->next, le++)
            {
                le->Name = l->lang;
                le->OffsetToData = entry_at;
                IMAGE_RESOURCE_DATA_ENTRY *de = (void *)(out + entry_at);
                entry_at += sizeof(*de);
                data_at = align_up(data_at, 8);
                de->OffsetToData = rva + data_at;
                de->Size = l->size;
                de->CodePage = l->codepage;
                de->Reserved = 0;
                memcpy(out + data_at, l->data, l->size);
                data_at += l->size;
            }
        }
    }
}

/* the PE checksum: 16-bit one's-complement sum of the file, its own field
   skipped, plus the file's length */
static DWORD pe_checksum(const BYTE *file, DWORD size, DWORD field_offset)
{
    ULONGLONG sum = 0;
    for (DWORD i = 0; i + 1 < size; i += 2)
    {
        if (i == field_offset || i == field_offset + 2) continue;
        sum += *(const WORD *)(file + i);
        sum = (sum & 0xffff) + (sum >> 16);
    }
    if (size & 1)
    {
        sum += file[size - 1];
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum = (sum & 0xffff) + (sum >> 16);
    return (DWORD)sum + size;
}

static BOOL write_file(struct update *u)
{
    IMAGE_NT_HEADERS64 *nt = nt_of(u->file, u->size);
    DWORD ndirs;
    IMAGE_DATA_DIRECTORY *dirs = dirs_of(nt, &ndirs);
    IMAGE_SECTION_HEADER *first = IMAGE_FIRST_SECTION(nt), *last = NULL, *rsrc = NULL;
    DWORD salign = OPT(nt).SectionAlignment, falign = OPT(nt).FileAlignment;
    DWORD raw_end = OPT(nt).SizeOfHeaders;
    if (ndirs <= IMAGE_DIRECTORY_ENTRY_RESOURCE) { SetLastError(ERROR_INVALID_DATA); return FALSE; }
    for (int i = 0; i < nt->FileHeader.NumberOfSections; i++)
    {
        IMAGE_SECTION_HEADER *s = first + i;
        if (!last || s->VirtualAddress > last->VirtualAddress) last = s;
        if (s->SizeOfRawData && s->PointerToRawData + s->SizeOfRawData > raw_end)
            raw_end = s->PointerToRawData + s->SizeOfRawData;
        DWORD rva = dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress;
        if (rva && rva >= s->VirtualAddress && rva < s->VirtualAddress + max(s->Misc.VirtualSize, s->SizeOfRawData))
            rsrc = s;
    }
    prune(u);
    sort_tree(u);
    struct layout lay;
    measure(u, &lay);
    /* reuse the resource section when it is the last one, in memory and on disk */
    BOOL reuse = rsrc && rsrc == last && rsrc->PointerToRawData + rsrc->SizeOfRawData >= raw_end;
    DWORD headers_end = (DWORD)((BYTE *)(first + nt->FileHeader.NumberOfSections) - u->file);
    if (!reuse && headers_end + sizeof(IMAGE_SECTION_HEADER) > OPT(nt).SizeOfHeaders)
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);   /* no room for another section header */
        return FALSE;
    }
    IMAGE_SECTION_HEADER sec;
    if (reuse) sec = *rsrc;
    else
    {
        memset(&sec, 0, sizeof(sec));
        memcpy(sec.Name, ".rsrc", 5);
        sec.VirtualAddress = last ? align_up(last->VirtualAddress + max(last->Misc.VirtualSize, last->SizeOfRawData),
                                             salign)
                                  : align_up(OPT(nt).SizeOfHeaders, salign);
        sec.PointerToRawData = align_up(raw_end, falign);
        sec.Characteristics = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ;
    }
    DWORD old_raw = reuse ? rsrc->SizeOfRawData : 0;
    DWORD old_end = reuse ? rsrc->PointerToRawData + rsrc->SizeOfRawData : raw_end;
    sec.Misc.VirtualSize = lay.total;
    sec.SizeOfRawData = align_up(lay.total, falign);
    DWORD overlay = u->size > old_end ? u->size - old_end : 0;
    DWORD new_size = sec.PointerToRawData + sec.SizeOfRawData + overlay;
    BYTE *out = alloc(new_size);
    if (!out) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memcpy(out, u->file, min(u->size, reuse ? rsrc->PointerToRawData : raw_end));
    if (overlay) memcpy(out + sec.PointerToRawData + sec.SizeOfRawData, u->file + old_end, overlay);
    build(u, &lay, out + sec.PointerToRawData, sec.VirtualAddress);

    IMAGE_NT_HEADERS64 *onew = (IMAGE_NT_HEADERS64 *)(out + ((IMAGE_DOS_HEADER *)out)->e_lfanew);
    IMAGE_DATA_DIRECTORY *ndir = dirs_of(onew, &ndirs);
    IMAGE_SECTION_HEADER *nsec = IMAGE_FIRST_SECTION(onew);
    if (reuse) nsec[rsrc - first] = sec;
    else nsec[onew->FileHeader.NumberOfSections++] = sec;
    ndir[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress = u->types ? sec.VirtualAddress : 0;
    ndir[IMAGE_DIRECTORY_ENTRY_RESOURCE].Size = u->types ? lay.total : 0;
    /* the certificate table is addressed by file offset: it moved with the overlay */
    if (ndirs > IMAGE_DIRECTORY_ENTRY_SECURITY && ndir[IMAGE_DIRECTORY_ENTRY_SECURITY].VirtualAddress >= old_end)
        ndir[IMAGE_DIRECTORY_ENTRY_SECURITY].VirtualAddress += sec.PointerToRawData + sec.SizeOfRawData - old_end;
    DWORD image_end = align_up(sec.VirtualAddress + sec.Misc.VirtualSize, salign);
    OPT(onew).SizeOfImage = reuse ? image_end : max(image_end, OPT(onew).SizeOfImage);
    OPT(onew).SizeOfInitializedData += sec.SizeOfRawData - old_raw;
    DWORD sum_offset = (DWORD)((BYTE *)&OPT(onew).CheckSum - out);
    if (OPT(onew).CheckSum) OPT(onew).CheckSum = pe_checksum(out, new_size, sum_offset);

    HANDLE h = CreateFileW(u->path, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    DWORD written = 0;
    BOOL done = h != INVALID_HANDLE_VALUE && WriteFile(h, out, new_size, &written, NULL) && written == new_size;
    DWORD err = GetLastError();
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    release(out);
    if (!done) SetLastError(err);
    return done;
}

/* --- the API -------------------------------------------------------------- */

static void update_free(struct update *u)
{
    free_tree(u);
    release(u->file);
    release(u->path);
    u->magic = 0;
    release(u);
}

HANDLE WINAPI BeginUpdateResourceW(LPCWSTR path, BOOL delete_existing)
{
    if (!path) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    /* the file must be writable now, as it will be written at the end */
    HANDLE h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return NULL;
    struct update *u = alloc(sizeof(*u));
    LARGE_INTEGER size;
    DWORD got = 0;
    if (!u || !GetFileSizeEx(h, &size) || size.QuadPart > 0x7fffffff || !(u->file = alloc(size.LowPart + 1)) ||
        !ReadFile(h, u->file, size.LowPart, &got, NULL) || got != size.LowPart ||
        !(u->path = wcsdup_heap(path, lstrlenW(path))))
    {
        DWORD err = GetLastError();
        CloseHandle(h);
        if (u) update_free(u);
        SetLastError(err ? err : ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    CloseHandle(h);
    u->magic = UPDATE_MAGIC;
    u->size = got;
    IMAGE_NT_HEADERS64 *nt = nt_of(u->file, u->size);
    if (!nt || (!delete_existing && !read_resources(u, nt)))
    {
        update_free(u);
        SetLastError(ERROR_BAD_EXE_FORMAT);
        return NULL;
    }
    return u;
}

HANDLE WINAPI BeginUpdateResourceA(LPCSTR path, BOOL delete_existing)
{
    WCHAR wpath[MAX_PATH];
    if (!path) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (!MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, MAX_PATH)) { SetLastError(ERROR_FILENAME_EXCED_RANGE); return NULL; }
    return BeginUpdateResourceW(wpath, delete_existing);
}

static struct update *update_of(HANDLE h)
{
    struct update *u = h;
    if (!u || u->magic != UPDATE_MAGIC)
    {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return u;
}

BOOL WINAPI UpdateResourceW(HANDLE h, LPCWSTR type, LPCWSTR name, WORD lang, LPVOID data, DWORD size)
{
    struct update *u = update_of(h);
    if (!u) return FALSE;
    if (!type || !name || (!data && size)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!data)
    {
        /* no data: the resource goes */
        struct res_lang **l = find_lang(u, type, name, lang, FALSE);
        if (l && *l)
        {
            struct res_lang *gone = *l;
            *l = gone->next;
            release(gone->data);
            release(gone);
        }
        return TRUE;
    }
    if (!put_leaf(u, type, name, lang, 0, data, size)) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    return TRUE;
}

static LPWSTR key_to_wide(LPCSTR key, WCHAR *buf, int cap)
{
    if (IS_INTRESOURCE(key)) return (LPWSTR)key;
    return MultiByteToWideChar(CP_ACP, 0, key, -1, buf, cap) ? buf : NULL;
}

BOOL WINAPI UpdateResourceA(HANDLE h, LPCSTR type, LPCSTR name, WORD lang, LPVOID data, DWORD size)
{
    WCHAR tbuf[256], nbuf[256];
    LPWSTR wtype = type ? key_to_wide(type, tbuf, ARRAYSIZE(tbuf)) : NULL;
    LPWSTR wname = name ? key_to_wide(name, nbuf, ARRAYSIZE(nbuf)) : NULL;
    if ((type && !wtype) || (name && !wname)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return UpdateResourceW(h, wtype, wname, lang, data, size);
}

BOOL WINAPI EndUpdateResourceW(HANDLE h, BOOL discard)
{
    struct update *u = update_of(h);
    if (!u) return FALSE;
    BOOL done = discard || write_file(u);
    DWORD err = GetLastError();
    update_free(u);
    if (!done) SetLastError(err);
    return done;
}

BOOL WINAPI EndUpdateResourceA(HANDLE h, BOOL discard)
{
    return EndUpdateResourceW(h, discard);
}
