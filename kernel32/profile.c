/*
 * kernel32/profile.c — initialization (.ini) files: GetPrivateProfileString
 * and its family, the win.ini forms (GetProfileString...) and the A forms.
 *
 * Every call reads the file afresh (another process may have written it)
 * and decodes it to UTF-16: ANSI (the ANSI code page), or UTF-16 LE/BE or
 * UTF-8 when a byte-order mark says so. Queries walk its lines. A write
 * edits the text in place — one line replaced, inserted or removed, or a
 * section removed or its body replaced — and writes the file back in its
 * own encoding, so every other line (comments, blank lines, spacing, order)
 * stays as it was, as Windows keeps it. A new file is ANSI, as on Windows.
 *
 * The rules, as Windows has them (tests/kernel32/profile.c): a name without
 * a path is in the Windows folder; sections and keys match whatever their
 * case; a key and its value lose the blanks around them, and a value in
 * matching quotes loses the quotes; lines starting with ';' are comments;
 * the first of two sections or keys of one name is the one read.
 *
 * Sections: the file · lines · answers · queries · edits · W functions ·
 * A functions.
 */
#include "private.h"

NTSTATUS NTAPI RtlUnicodeStringToInteger(const UNICODE_STRING *, ULONG, ULONG *);

#define CRLF L"\r\n"

enum encoding { ENC_ANSI, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF8 };

/* an .ini file, decoded */
struct ini
{
    WCHAR *path;                /* its full DOS path */
    WCHAR *text;                /* its text, without the byte-order mark (heap, may be NULL when empty) */
    size_t len;                 /* characters of text */
    enum encoding enc;          /* how it is written back */
    DWORD unreadable;           /* why a file that is there could not be read (0: it could, or is not there) */
};

/* writers of one process do not interleave their read-modify-write */
static SRWLOCK write_lock = SRWLOCK_INIT;

static void *heap_alloc(size_t size)
{
    void *p = RtlAllocateHeap(PROCESS_HEAP(), 0, size ? size : 1);
    if (!p) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

static void heap_free(void *p)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, p);
}

/* --- the file ---------------------------------------------------------------------- */

/* Where a profile name is: a bare name ("app.ini") is in the Windows folder,
   anything with a folder in it (".\app.ini", "C:app.ini") is a path */
static WCHAR *profile_path(const WCHAR *name)
{
    WCHAR windir[MAX_PATH], *path;
    DWORD n;

    if (!name) name = L"win.ini";
    if (!wcschr(name, '\\') && !wcschr(name, '/') && !wcschr(name, ':'))
    {
        n = GetWindowsDirectoryW(windir, MAX_PATH);
        if (!n || n >= MAX_PATH) return NULL;
        if (!(path = heap_alloc((n + 1 + wcslen(name) + 1) * sizeof(WCHAR)))) return NULL;
        memcpy(path, windir, n * sizeof(WCHAR));
        if (path[n - 1] != '\\') path[n++] = '\\';
        wcscpy(path + n, name);
        return path;
    }
    if (!(n = GetFullPathNameW(name, 0, NULL, NULL))) return NULL;
    if (!(path = heap_alloc(n * sizeof(WCHAR)))) return NULL;
    GetFullPathNameW(name, n, path, NULL);
    return path;
}

/* the file's bytes as text; the encoding from the byte-order mark */
static BOOL decode(struct ini *ini, const BYTE *data, size_t size)
{
    size_t i;
    int n;

    ini->enc = ENC_ANSI;
    if (size >= 2 && data[0] == 0xff && data[1] == 0xfe) ini->enc = ENC_UTF16LE;
    else if (size >= 2 && data[0] == 0xfe && data[1] == 0xff) ini->enc = ENC_UTF16BE;
    else if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf) ini->enc = ENC_UTF8;

    if (ini->enc == ENC_UTF16LE || ini->enc == ENC_UTF16BE)
    {
        ini->len = (size - 2) / 2;
        if (!(ini->text = heap_alloc(ini->len * sizeof(WCHAR)))) return FALSE;
        for (i = 0; i < ini->len; i++)
        {
            const BYTE *p = data + 2 + 2 * i;
            ini->text[i] = ini->enc == ENC_UTF16LE ? p[0] | p[1] << 8 : p[0] << 8 | p[1];
        }
        return TRUE;
    }
    if (ini->enc == ENC_UTF8) { data += 3; size -= 3; }
    n = size ? MultiByteToWideChar(ini->enc == ENC_UTF8 ? CP_UTF8 : CP_ACP, 0, (const char *)data, size, NULL, 0) : 0;
    if (!(ini->text = heap_alloc(n * sizeof(WCHAR)))) return FALSE;
    if (n) MultiByteToWideChar(ini->enc == ENC_UTF8 ? CP_UTF8 : CP_ACP, 0, (const char *)data, size, ini->text, n);
    ini->len = n;
    return TRUE;
}

static void ini_free(struct ini *ini)
{
    heap_free(ini->path);
    heap_free(ini->text);
}

/* reads the file named `name`; a file that cannot be opened reads as empty
   (last error ERROR_FILE_NOT_FOUND, as documented). FALSE only when the
   name cannot be made a path or memory runs out. */
static BOOL ini_load(struct ini *ini, const WCHAR *name)
{
    LARGE_INTEGER size;
    HANDLE h;
    BYTE *data;
    DWORD got;
    BOOL ret;

    memset(ini, 0, sizeof(*ini));
    if (!(ini->path = profile_path(name))) return FALSE;
    h = CreateFileW(ini->path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
    {
        DWORD error = GetLastError();
        if (error != ERROR_FILE_NOT_FOUND && error != ERROR_PATH_NOT_FOUND) ini->unreadable = error;
        SetLastError(ERROR_FILE_NOT_FOUND);
        return TRUE;
    }
    if (!GetFileSizeEx(h, &size) || size.QuadPart > 64 * 1024 * 1024 || !(data = heap_alloc(size.QuadPart)))
    {
        CloseHandle(h);
        ini->unreadable = ERROR_INVALID_DATA;
        return TRUE;    /* a device, or absurdly large: nothing to read */
    }
    ret = ReadFile(h, data, size.LowPart, &got, NULL) && decode(ini, data, got);
    heap_free(data);
    CloseHandle(h);
    if (ret) SetLastError(ERROR_SUCCESS);
    return ret;
}

/* writes the text back in the file's encoding (creating the file) */
static BOOL ini_save(const struct ini *ini)
{
    static const BYTE bom_le[] = { 0xff, 0xfe }, bom_be[] = { 0xfe, 0xff }, bom_utf8[] = { 0xef, 0xbb, 0xbf };
    const BYTE *bom = NULL;
    size_t bom_len = 0, size, i;
    BYTE *data;
    DWORD put;
    HANDLE h;
    BOOL ret;

    switch (ini->enc)
    {
    case ENC_UTF16LE: bom = bom_le; bom_len = 2; size = ini->len * 2; break;
    case ENC_UTF16BE: bom = bom_be; bom_len = 2; size = ini->len * 2; break;
    case ENC_UTF8:
        bom = bom_utf8; bom_len = 3;
        size = ini->len ? WideCharToMultiByte(CP_UTF8, 0, ini->text, ini->len, NULL, 0, NULL, NULL) : 0;
        break;
    default:
        size = ini->len ? WideCharToMultiByte(CP_ACP, 0, ini->text, ini->len, NULL, 0, NULL, NULL) : 0;
        break;
    }
    if (!(data = heap_alloc(bom_len + size))) return FALSE;
    if (bom_len) memcpy(data, bom, bom_len);
    if (ini->enc == ENC_UTF16LE || ini->enc == ENC_UTF16BE)
    {
        for (i = 0; i < ini->len; i++)
        {
            BYTE lo = ini->text[i] & 0xff, hi = ini->text[i] >> 8;
            data[bom_len + 2 * i] = ini->enc == ENC_UTF16LE ? lo : hi;
            data[bom_len + 2 * i + 1] = ini->enc == ENC_UTF16LE ? hi : lo;
        }
    }
    else if (size)
        WideCharToMultiByte(ini->enc == ENC_UTF8 ? CP_UTF8 : CP_ACP, 0, ini->text, ini->len, (char *)data + bom_len,
                            size, NULL, NULL);

    h = CreateFileW(ini->path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) { heap_free(data); return FALSE; }
    ret = WriteFile(h, data, bom_len + size, &put, NULL) && SetEndOfFile(h);
    CloseHandle(h);
    heap_free(data);
    if (ret) SetLastError(ERROR_SUCCESS);
    return ret;
}

/* --- lines ------------------------------------------------------------------------- */

enum line_kind { LINE_BLANK, LINE_COMMENT, LINE_SECTION, LINE_KEY };

/* one line of the text, classified */
struct line
{
    size_t start;               /* offset of its first character */
    size_t end;                 /* offset of its line break (or the end of the text) */
    size_t next;                /* offset of the next line */
    enum line_kind kind;
    const WCHAR *name;          /* the section's name or the key, blanks trimmed */
    size_t name_len;
    const WCHAR *value;         /* after '=', blanks trimmed; NULL for a line without '=' */
    size_t value_len;
};

static BOOL is_blank(WCHAR c)
{
    return c == ' ' || c == '\t';
}

static void trim(const WCHAR **s, size_t *len)
{
    while (*len && is_blank(**s)) { (*s)++; (*len)--; }
    while (*len && is_blank((*s)[*len - 1])) (*len)--;
}

/* reads the line at pos; FALSE at the end of the text */
static BOOL read_line(const struct ini *ini, size_t pos, struct line *l)
{
    const WCHAR *s, *eq, *close = NULL;
    size_t len, i;

    if (pos >= ini->len) return FALSE;
    l->start = pos;
    while (pos < ini->len && ini->text[pos] != '\r' && ini->text[pos] != '\n') pos++;
    l->end = pos;
    if (pos < ini->len && ini->text[pos] == '\r') pos++;
    if (pos < ini->len && ini->text[pos] == '\n') pos++;
    l->next = pos;

    s = ini->text + l->start;
    len = l->end - l->start;
    while (len && is_blank(*s)) { s++; len--; }
    l->value = NULL;
    l->value_len = 0;
    if (!len) { l->kind = LINE_BLANK; return TRUE; }
    if (*s == ';') { l->kind = LINE_COMMENT; return TRUE; }
    if (*s == '[')
    {
        /* "[name]": up to the line's last ']'; what follows it is ignored */
        for (i = 1; i < len; i++) if (s[i] == ']') close = s + i;
        if (close)
        {
            l->kind = LINE_SECTION;
            l->name = s + 1;
            l->name_len = close - (s + 1);
            trim(&l->name, &l->name_len);
            return TRUE;
        }
    }
    l->kind = LINE_KEY;
    l->name = s;
    for (eq = s; eq < s + len && *eq != '='; eq++) ;
    l->name_len = eq - s;
    trim(&l->name, &l->name_len);
    if (eq < s + len)
    {
        l->value = eq + 1;
        l->value_len = s + len - (eq + 1);
        trim(&l->value, &l->value_len);
    }
    return TRUE;
}

static BOOL name_is(const WCHAR *name, size_t len, const WCHAR *wanted)
{
    size_t n = wcslen(wanted);
    return n == len && CompareStringOrdinal(name, len, wanted, n, TRUE) == CSTR_EQUAL;
}

/* the header of the first section called `name` */
static BOOL find_section(const struct ini *ini, const WCHAR *name, struct line *header)
{
    for (size_t pos = 0; read_line(ini, pos, header); pos = header->next)
        if (header->kind == LINE_SECTION && name_is(header->name, header->name_len, name)) return TRUE;
    return FALSE;
}

/* the lines of a section's body, one by one: FALSE at the next section or the end */
static BOOL next_in_section(const struct ini *ini, size_t *pos, struct line *l)
{
    if (!read_line(ini, *pos, l) || l->kind == LINE_SECTION) return FALSE;
    *pos = l->next;
    return TRUE;
}

/* the first key called `key` in the section that starts at header */
static BOOL find_key(const struct ini *ini, const struct line *header, const WCHAR *key, struct line *l)
{
    size_t pos = header->next;
    while (next_in_section(ini, &pos, l))
        if (l->kind == LINE_KEY && l->value && name_is(l->name, l->name_len, key)) return TRUE;
    return FALSE;
}

/* --- answers ------------------------------------------------------------------------ */

/* what a query found, before it meets the caller's buffer */
struct answer
{
    WCHAR *text;                /* heap */
    size_t len, cap;            /* characters; a list counts each string's NUL, not the last one */
    BOOL list;                  /* strings, each ending in NUL, then one more NUL */
    BOOL failed;                /* out of memory */
};

static void add(struct answer *a, const WCHAR *s, size_t n)
{
    WCHAR *grown;
    if (a->failed) return;
    if (a->len + n + 2 > a->cap)
    {
        size_t cap = (a->len + n + 2) * 2;
        if (!(grown = heap_alloc(cap * sizeof(WCHAR)))) { a->failed = TRUE; return; }
        if (a->len) memcpy(grown, a->text, a->len * sizeof(WCHAR));
        heap_free(a->text);
        a->text = grown;
        a->cap = cap;
    }
    memcpy(a->text + a->len, s, n * sizeof(WCHAR));
    a->len += n;
}

static void add_nul(struct answer *a)
{
    add(a, L"", 1);
}

/* the answer in a buffer of `size` characters of csize bytes, as
   documented for GetPrivateProfileString: a string is cut to size - 1
   characters (size - 1 returned); a list keeps size - 2 and ends in two
   NULs (size - 2 returned) */
static DWORD cut(const void *text, size_t len, BOOL list, void *buf, DWORD size, size_t csize)
{
    DWORD n, nuls = 1;

    if (!buf || !size) return 0;
    if (!list) n = len < size ? len : size - 1;
    else if (len + 1 <= size) { n = len; if (!len && size > 1) nuls = 2; }
    else if (size < 2) n = 0;
    else { n = size - 2; nuls = 2; }
    memcpy(buf, text, n * csize);
    memset((char *)buf + n * csize, 0, nuls * csize);
    return n;
}

static DWORD answer_to_w(const struct answer *a, WCHAR *buf, DWORD size)
{
    return cut(a->text, a->len, a->list, buf, size, sizeof(WCHAR));
}

/* the A answer: the whole answer converted, then cut */
static DWORD answer_to_a(const struct answer *a, char *buf, DWORD size)
{
    int n = a->len ? WideCharToMultiByte(CP_ACP, 0, a->text, a->len, NULL, 0, NULL, NULL) : 0;
    char *text = heap_alloc(n);
    DWORD ret;

    if (!text) { if (buf && size) buf[0] = 0; return 0; }
    if (n) WideCharToMultiByte(CP_ACP, 0, a->text, a->len, text, n, NULL, NULL);
    ret = cut(text, n, a->list, buf, size, 1);
    heap_free(text);
    return ret;
}

static void answer_free(struct answer *a)
{
    heap_free(a->text);
}

/* --- queries ---------------------------------------------------------------------------- */

/* the default string: NULL is "", trailing blanks go (documented) */
static void answer_default(struct answer *a, const WCHAR *def)
{
    size_t n = def ? wcslen(def) : 0;
    while (n && def[n - 1] == ' ') n--;
    a->list = FALSE;
    add(a, def ? def : L"", n);
}

/* a key's value: the quotes of a value in matching single or double quotes go */
static void answer_value(struct answer *a, const struct line *l)
{
    const WCHAR *v = l->value;
    size_t n = l->value_len;
    if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) { v++; n -= 2; }
    add(a, v, n);
}

static void query_sections(const struct ini *ini, struct answer *a)
{
    struct line l;
    a->list = TRUE;
    for (size_t pos = 0; read_line(ini, pos, &l); pos = l.next)
        if (l.kind == LINE_SECTION) { add(a, l.name, l.name_len); add_nul(a); }
}

/* the key names of a section; none (or no section): the default, as Windows gives it */
static void query_keys(const struct ini *ini, const WCHAR *section, const WCHAR *def, struct answer *a)
{
    struct line header, l;
    size_t pos;

    a->list = TRUE;
    if (find_section(ini, section, &header))
        for (pos = header.next; next_in_section(ini, &pos, &l);)
            if (l.kind == LINE_KEY && l.value) { add(a, l.name, l.name_len); add_nul(a); }
    if (!a->len && def && *def)
    {
        a->list = FALSE;
        add(a, def, wcslen(def));
    }
}

/* GetPrivateProfileSection: "key=value" for each key (blanks around both
   trimmed), other lines as they are; comments and blank lines left out */
static void query_section(const struct ini *ini, const WCHAR *section, struct answer *a)
{
    struct line header, l;
    size_t pos;

    a->list = TRUE;
    if (!find_section(ini, section, &header)) return;
    for (pos = header.next; next_in_section(ini, &pos, &l);)
    {
        if (l.kind != LINE_KEY) continue;
        add(a, l.name, l.name_len);
        if (l.value) { add(a, L"=", 1); add(a, l.value, l.value_len); }
        add_nul(a);
    }
}

/* GetPrivateProfileString's answer for any combination of NULL section and
   key, or with whole_section GetPrivateProfileSection's */
static BOOL query(const WCHAR *section, const WCHAR *key, const WCHAR *def, const WCHAR *file, BOOL whole_section,
                  struct answer *a)
{
    struct line header, l;
    struct ini ini;

    memset(a, 0, sizeof(*a));
    if (!ini_load(&ini, file)) return FALSE;
    if (whole_section) query_section(&ini, section, a);
    else if (!section) query_sections(&ini, a);
    else if (!key) query_keys(&ini, section, def, a);
    else if (find_section(&ini, section, &header) && find_key(&ini, &header, key, &l)) answer_value(a, &l);
    else answer_default(a, def);
    ini_free(&ini);
    if (a->failed) { answer_free(a); return FALSE; }
    return TRUE;
}

/* --- edits ---------------------------------------------------------------------------------- */

/* replaces text[start, end) with s[0, n) */
static BOOL splice(struct ini *ini, size_t start, size_t end, const WCHAR *s, size_t n)
{
    size_t len = ini->len - (end - start) + n;
    WCHAR *text = heap_alloc(len * sizeof(WCHAR));
    if (!text) return FALSE;
    memcpy(text, ini->text, start * sizeof(WCHAR));
    memcpy(text + start, s, n * sizeof(WCHAR));
    memcpy(text + start + n, ini->text + end, (ini->len - end) * sizeof(WCHAR));
    heap_free(ini->text);
    ini->text = text;
    ini->len = len;
    return TRUE;
}

/* "a" "b" "c"... joined on the heap (a NULL part is skipped) */
static WCHAR *join(size_t *len, const WCHAR *p1, const WCHAR *p2, const WCHAR *p3, const WCHAR *p4, const WCHAR *p5)
{
    const WCHAR *parts[5] = { p1, p2, p3, p4, p5 };
    WCHAR *s;
    size_t n = 0;

    for (int i = 0; i < 5; i++) if (parts[i]) n += wcslen(parts[i]);
    if (!(s = heap_alloc((n + 1) * sizeof(WCHAR)))) return NULL;
    *len = 0;
    for (int i = 0; i < 5; i++)
        if (parts[i]) { memcpy(s + *len, parts[i], wcslen(parts[i]) * sizeof(WCHAR)); *len += wcslen(parts[i]); }
    s[*len] = 0;
    return s;
}

/* text inserted at pos goes on a line of its own: a break before it when
   the line before it has none (the last line of a file without a final break) */
static const WCHAR *break_before(const struct ini *ini, size_t pos)
{
    return pos && ini->text[pos - 1] != '\n' && ini->text[pos - 1] != '\r' ? CRLF : NULL;
}

/* where a section's body ends: after its last line that is not blank (the
   blank lines before the next section stay there) */
static size_t body_end(const struct ini *ini, const struct line *header)
{
    struct line l;
    size_t pos = header->next, end = header->next;
    while (next_in_section(ini, &pos, &l))
        if (l.kind != LINE_BLANK) end = l.next;
    return end;
}

/* the end of a section: the next section's header, or the end of the text */
static size_t section_end(const struct ini *ini, const struct line *header)
{
    struct line l;
    size_t pos = header->next;
    while (next_in_section(ini, &pos, &l)) ;
    return pos;
}

/* key=value set: the key's line rewritten, or a new line at the end of its
   section, or a new section at the end of the file. *changed says whether
   the text changed. */
static BOOL edit_set(struct ini *ini, const WCHAR *section, const WCHAR *key, const WCHAR *value, BOOL *changed)
{
    struct line header, l;
    WCHAR *s, *name;
    size_t n, pos;
    BOOL ret;

    if (!find_section(ini, section, &header))
    {
        pos = ini->len;
        s = join(&n, break_before(ini, pos), L"[", section, L"]" CRLF, NULL);
        if (!s) return FALSE;
        ret = splice(ini, pos, pos, s, n);
        heap_free(s);
        if (!ret || !find_section(ini, section, &header)) return FALSE;
    }
    if (find_key(ini, &header, key, &l))
    {
        /* the line keeps the key's own spelling */
        if (l.value_len == wcslen(value) && !memcmp(l.value, value, l.value_len * sizeof(WCHAR))) return TRUE;
        if (!(name = heap_alloc((l.name_len + 1) * sizeof(WCHAR)))) return FALSE;
        memcpy(name, l.name, l.name_len * sizeof(WCHAR));
        name[l.name_len] = 0;
        s = join(&n, name, L"=", value, NULL, NULL);
        heap_free(name);
        if (!s) return FALSE;
        ret = splice(ini, l.start, l.end, s, n);
    }
    else
    {
        pos = body_end(ini, &header);
        s = join(&n, break_before(ini, pos), key, L"=", value, CRLF);
        if (!s) return FALSE;
        ret = splice(ini, pos, pos, s, n);
    }
    heap_free(s);
    *changed = ret;
    return ret;
}

static BOOL edit_delete_key(struct ini *ini, const WCHAR *section, const WCHAR *key, BOOL *changed)
{
    struct line header, l;
    if (!find_section(ini, section, &header) || !find_key(ini, &header, key, &l)) return TRUE;
    return *changed = splice(ini, l.start, l.next, NULL, 0);
}

static BOOL edit_delete_section(struct ini *ini, const WCHAR *section, BOOL *changed)
{
    struct line header;
    if (!find_section(ini, section, &header)) return TRUE;
    return *changed = splice(ini, header.start, section_end(ini, &header), NULL, 0);
}

/* WritePrivateProfileSection: the section's body (up to its trailing blank
   lines) becomes the given strings, one line each */
static BOOL edit_set_section(struct ini *ini, const WCHAR *section, const WCHAR *strings, BOOL *changed)
{
    struct line header;
    const WCHAR *p;
    WCHAR *s, *lines;
    size_t n, total = 0, pos, end;
    BOOL ret;

    for (p = strings; *p; p += wcslen(p) + 1) total += wcslen(p) + 2;
    if (!(lines = heap_alloc((total + 1) * sizeof(WCHAR)))) return FALSE;
    for (p = strings, n = 0; *p; p += wcslen(p) + 1)
    {
        memcpy(lines + n, p, wcslen(p) * sizeof(WCHAR));
        n += wcslen(p);
        lines[n++] = '\r';
        lines[n++] = '\n';
    }
    lines[n] = 0;

    if (find_section(ini, section, &header))
    {
        pos = header.next;
        end = body_end(ini, &header);
        s = join(&n, break_before(ini, pos), lines, NULL, NULL, NULL);
    }
    else
    {
        pos = end = ini->len;
        s = join(&n, break_before(ini, pos), L"[", section, L"]" CRLF, lines);
    }
    heap_free(lines);
    if (!s) return FALSE;
    ret = splice(ini, pos, end, s, n);
    heap_free(s);
    return *changed = ret;
}

enum edit_op { EDIT_SET, EDIT_DELETE_KEY, EDIT_DELETE_SECTION, EDIT_SET_SECTION };

/* one edit of a file: read, change, write back when something changed */
static BOOL edit_file(enum edit_op op, const WCHAR *section, const WCHAR *key, const WCHAR *value,
                      const WCHAR *file)
{
    BOOL ret, changed = FALSE;
    struct ini ini;

    AcquireSRWLockExclusive(&write_lock);
    if ((ret = ini_load(&ini, file)) && ini.unreadable)
    {
        /* writing what could be read (nothing) back would lose the file */
        SetLastError(ini.unreadable);
        ini_free(&ini);
        ret = FALSE;
    }
    else if (ret)
    {
        switch (op)
        {
        case EDIT_SET: ret = edit_set(&ini, section, key, value, &changed); break;
        case EDIT_DELETE_KEY: ret = edit_delete_key(&ini, section, key, &changed); break;
        case EDIT_DELETE_SECTION: ret = edit_delete_section(&ini, section, &changed); break;
        case EDIT_SET_SECTION: ret = edit_set_section(&ini, section, value, &changed); break;
        }
        if (ret && changed) ret = ini_save(&ini);
        ini_free(&ini);
    }
    ReleaseSRWLockExclusive(&write_lock);
    return ret;
}

/* --- W functions --------------------------------------------------------------------------- */

DWORD WINAPI GetPrivateProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR def, LPWSTR buf, DWORD size,
                                      LPCWSTR file)
{
    struct answer a;
    DWORD ret;

    if (!buf || !size) return 0;
    if (!query(section, key, def, file, FALSE, &a)) { buf[0] = 0; return 0; }
    ret = answer_to_w(&a, buf, size);
    answer_free(&a);
    return ret;
}

/* the number as RtlUnicodeStringToInteger reads it in base 0: a sign,
   decimal (or 0x hex) digits up to the first other character ("102abc"
   is 102); an empty value is the default as a missing key is */
UINT WINAPI GetPrivateProfileIntW(LPCWSTR section, LPCWSTR key, INT def, LPCWSTR file)
{
    WCHAR buf[64];
    UNICODE_STRING str;
    ULONG value = 0;

    if (!GetPrivateProfileStringW(section, key, L"", buf, ARRAYSIZE(buf), file)) return def;
    RtlInitUnicodeString(&str, buf);
    RtlUnicodeStringToInteger(&str, 0, &value);
    return value;
}

DWORD WINAPI GetPrivateProfileSectionW(LPCWSTR section, LPWSTR buf, DWORD size, LPCWSTR file)
{
    struct answer a;
    DWORD ret;

    if (!section || !buf || !size) return 0;
    if (!query(section, NULL, NULL, file, TRUE, &a)) { buf[0] = 0; return 0; }
    ret = answer_to_w(&a, buf, size);
    answer_free(&a);
    return ret;
}

DWORD WINAPI GetPrivateProfileSectionNamesW(LPWSTR buf, DWORD size, LPCWSTR file)
{
    return GetPrivateProfileStringW(NULL, NULL, NULL, buf, size, file);
}

/* WritePrivateProfileString(NULL, NULL, NULL, file) "flushes the cache" and
   returns FALSE (documented); without a section nothing is written either */
BOOL WINAPI WritePrivateProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR value, LPCWSTR file)
{
    if (!section) return FALSE;
    if (!key) return edit_file(EDIT_DELETE_SECTION, section, NULL, NULL, file);
    if (!value) return edit_file(EDIT_DELETE_KEY, section, key, NULL, file);
    return edit_file(EDIT_SET, section, key, value, file);
}

/* strings: "key=value\0" ... "\0"; NULL deletes the section */
BOOL WINAPI WritePrivateProfileSectionW(LPCWSTR section, LPCWSTR strings, LPCWSTR file)
{
    if (!section) return FALSE;
    if (!strings) return edit_file(EDIT_DELETE_SECTION, section, NULL, NULL, file);
    return edit_file(EDIT_SET_SECTION, section, NULL, strings, file);
}

/* a struct is written as two hex digits per byte, then the checksum: the
   low byte of the bytes' sum */
BOOL WINAPI WritePrivateProfileStructW(LPCWSTR section, LPCWSTR key, LPVOID data, UINT size, LPCWSTR file)
{
    static const WCHAR hex[] = L"0123456789ABCDEF";
    const BYTE *bytes = data;
    BYTE sum = 0;
    WCHAR *text;
    UINT i;
    BOOL ret;

    if (!section) return FALSE;
    if (!key || !data) return WritePrivateProfileStringW(section, key, NULL, file);
    if (!(text = heap_alloc((2 * size + 3) * sizeof(WCHAR)))) return FALSE;
    for (i = 0; i < size; i++)
    {
        text[2 * i] = hex[bytes[i] >> 4];
        text[2 * i + 1] = hex[bytes[i] & 15];
        sum += bytes[i];
    }
    text[2 * size] = hex[sum >> 4];
    text[2 * size + 1] = hex[sum & 15];
    text[2 * size + 2] = 0;
    ret = WritePrivateProfileStringW(section, key, text, file);
    heap_free(text);
    return ret;
}

static int hex_digit(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

/* the value must be exactly the struct's size in hex, checksum included */
BOOL WINAPI GetPrivateProfileStructW(LPCWSTR section, LPCWSTR key, LPVOID data, UINT size, LPCWSTR file)
{
    struct answer a;
    BYTE *out = data, sum = 0, b;
    BOOL ret = FALSE;
    UINT i;

    if (!section || !key || !data) return FALSE;
    if (!query(section, key, NULL, file, FALSE, &a)) return FALSE;
    if (a.len == 2 * (size_t)size + 2)
    {
        for (i = 0; i <= size; i++)
        {
            int hi = hex_digit(a.text[2 * i]), lo = hex_digit(a.text[2 * i + 1]);
            if (hi < 0 || lo < 0) break;
            b = hi << 4 | lo;
            if (i < size) sum += b;
            else ret = b == sum;
        }
        if (ret)
            for (i = 0; i < size; i++) out[i] = hex_digit(a.text[2 * i]) << 4 | hex_digit(a.text[2 * i + 1]);
    }
    answer_free(&a);
    return ret;
}

DWORD WINAPI GetProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR def, LPWSTR buf, DWORD size)
{
    return GetPrivateProfileStringW(section, key, def, buf, size, L"win.ini");
}

UINT WINAPI GetProfileIntW(LPCWSTR section, LPCWSTR key, INT def)
{
    return GetPrivateProfileIntW(section, key, def, L"win.ini");
}

DWORD WINAPI GetProfileSectionW(LPCWSTR section, LPWSTR buf, DWORD size)
{
    return GetPrivateProfileSectionW(section, buf, size, L"win.ini");
}

BOOL WINAPI WriteProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR value)
{
    return WritePrivateProfileStringW(section, key, value, L"win.ini");
}

BOOL WINAPI WriteProfileSectionW(LPCWSTR section, LPCWSTR strings)
{
    return WritePrivateProfileSectionW(section, strings, L"win.ini");
}

/* --- A functions ------------------------------------------------------------------------------ */

/* an A argument as a heap W string, NULL staying NULL; FALSE when memory runs out */
static BOOL to_w(const char *s, WCHAR **w)
{
    *w = NULL;
    return !s || (*w = k32_strdup_AtoW(s)) != NULL;
}

/* a list of strings ("a\0b\0\0") as a heap W list */
static BOOL list_to_w(const char *s, WCHAR **w)
{
    const char *p = s;
    int n;

    *w = NULL;
    if (!s) return TRUE;
    while (*p) p += strlen(p) + 1;
    n = MultiByteToWideChar(CP_ACP, 0, s, p - s + 1, NULL, 0);
    if (!(*w = heap_alloc(n * sizeof(WCHAR)))) return FALSE;
    MultiByteToWideChar(CP_ACP, 0, s, p - s + 1, *w, n);
    return TRUE;
}

static void free_w4(WCHAR *a, WCHAR *b, WCHAR *c, WCHAR *d)
{
    heap_free(a);
    heap_free(b);
    heap_free(c);
    heap_free(d);
}

static DWORD query_a(const char *section, const char *key, const char *def, const char *file, BOOL whole_section,
                     char *buf, DWORD size)
{
    WCHAR *ws = NULL, *wk = NULL, *wd = NULL, *wf = NULL;
    struct answer a;
    DWORD ret = 0;

    if (!buf || !size) return 0;
    buf[0] = 0;
    if (to_w(section, &ws) && to_w(key, &wk) && to_w(def, &wd) && to_w(file, &wf) &&
        query(ws, wk, wd, wf, whole_section, &a))
    {
        ret = answer_to_a(&a, buf, size);
        answer_free(&a);
    }
    free_w4(ws, wk, wd, wf);
    return ret;
}

DWORD WINAPI GetPrivateProfileStringA(LPCSTR section, LPCSTR key, LPCSTR def, LPSTR buf, DWORD size, LPCSTR file)
{
    return query_a(section, key, def, file, FALSE, buf, size);
}

DWORD WINAPI GetPrivateProfileSectionA(LPCSTR section, LPSTR buf, DWORD size, LPCSTR file)
{
    if (!section) return 0;
    return query_a(section, NULL, NULL, file, TRUE, buf, size);
}

DWORD WINAPI GetPrivateProfileSectionNamesA(LPSTR buf, DWORD size, LPCSTR file)
{
    return query_a(NULL, NULL, NULL, file, FALSE, buf, size);
}

UINT WINAPI GetPrivateProfileIntA(LPCSTR section, LPCSTR key, INT def, LPCSTR file)
{
    WCHAR *ws = NULL, *wk = NULL, *wf = NULL;
    UINT ret = def;
    if (to_w(section, &ws) && to_w(key, &wk) && to_w(file, &wf)) ret = GetPrivateProfileIntW(ws, wk, def, wf);
    free_w4(ws, wk, wf, NULL);
    return ret;
}

BOOL WINAPI GetPrivateProfileStructA(LPCSTR section, LPCSTR key, LPVOID data, UINT size, LPCSTR file)
{
    WCHAR *ws = NULL, *wk = NULL, *wf = NULL;
    BOOL ret = FALSE;
    if (to_w(section, &ws) && to_w(key, &wk) && to_w(file, &wf)) ret = GetPrivateProfileStructW(ws, wk, data, size, wf);
    free_w4(ws, wk, wf, NULL);
    return ret;
}

BOOL WINAPI WritePrivateProfileStringA(LPCSTR section, LPCSTR key, LPCSTR value, LPCSTR file)
{
    WCHAR *ws = NULL, *wk = NULL, *wv = NULL, *wf = NULL;
    BOOL ret = FALSE;
    if (to_w(section, &ws) && to_w(key, &wk) && to_w(value, &wv) && to_w(file, &wf))
        ret = WritePrivateProfileStringW(ws, wk, wv, wf);
    free_w4(ws, wk, wv, wf);
    return ret;
}

BOOL WINAPI WritePrivateProfileSectionA(LPCSTR section, LPCSTR strings, LPCSTR file)
{
    WCHAR *ws = NULL, *wl = NULL, *wf = NULL;
    BOOL ret = FALSE;
    if (to_w(section, &ws) && list_to_w(strings, &wl) && to_w(file, &wf))
        ret = WritePrivateProfileSectionW(ws, wl, wf);
    free_w4(ws, wl, wf, NULL);
    return ret;
}

BOOL WINAPI WritePrivateProfileStructA(LPCSTR section, LPCSTR key, LPVOID data, UINT size, LPCSTR file)
{
    WCHAR *ws = NULL, *wk = NULL, *wf = NULL;
    BOOL ret = FALSE;
    if (to_w(section, &ws) && to_w(key, &wk) && to_w(file, &wf))
        ret = WritePrivateProfileStructW(ws, wk, data, size, wf);
    free_w4(ws, wk, wf, NULL);
    return ret;
}

DWORD WINAPI GetProfileStringA(LPCSTR section, LPCSTR key, LPCSTR def, LPSTR buf, DWORD size)
{
    return GetPrivateProfileStringA(section, key, def, buf, size, "win.ini");
}

UINT WINAPI GetProfileIntA(LPCSTR section, LPCSTR key, INT def)
{
    return GetPrivateProfileIntA(section, key, def, "win.ini");
}

DWORD WINAPI GetProfileSectionA(LPCSTR section, LPSTR buf, DWORD size)
{
    return GetPrivateProfileSectionA(section, buf, size, "win.ini");
}

BOOL WINAPI WriteProfileStringA(LPCSTR section, LPCSTR key, LPCSTR value)
{
    return WritePrivateProfileStringA(section, key, value, "win.ini");
}

BOOL WINAPI WriteProfileSectionA(LPCSTR section, LPCSTR strings)
{
    return WritePrivateProfileSectionA(section, strings, "win.ini");
}
