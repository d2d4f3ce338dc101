/*
 * tests/ucrtbase/stdio.c — FILE streams of the Universal CRT: text-mode
 * translation and ^Z, seeking, the C11 exclusive mode "wx", Unicode streams
 * ("ccs=UTF-8" writes a BOM and encodes), tmpfile, _stat64 and the
 * descriptor calls, _open_osfhandle's mode (binary unless _O_TEXT, whatever
 * _fmode says: libgit2 reads its objects so), as reached through the api-ms-win-crt-* sets.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <io.h>
#include <fcntl.h>
#include <errno.h>
#include <wchar.h>
#include <sys/stat.h>

static char dir[MAX_PATH];

static const char *tmp_path(const char *name)
{
    static char path[2][MAX_PATH];
    static int next;
    char *p = path[next++ % 2];
    sprintf(p, "%s%s", dir, name);
    return p;
}

static size_t read_raw(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    if (!f) return 0;
    n = fread(buf, 1, size - 1, f);
    buf[n] = 0;
    fclose(f);
    return n;
}

static void test_text(void)
{
    const char *path = tmp_path("wlx_ucrt_text.txt");
    char buf[64];
    FILE *f;
    size_t n;

    f = fopen(path, "w");
    ok(f != NULL, "fopen\n");
    fputs("a\nb\n", f);
    fclose(f);
    ok(read_raw(path, buf, sizeof(buf)) == 6 && !strcmp(buf, "a\r\nb\r\n"), "text write: \"%s\"\n", buf);

    f = fopen(path, "r");
    fgets(buf, sizeof(buf), f);
    ok(!strcmp(buf, "a\n") && ftell(f) == 3, "ftell in text mode: %ld\n", ftell(f));
    ok(fseek(f, 0, SEEK_END) == 0 && ftell(f) == 6, "size %ld\n", ftell(f));
    fclose(f);

    f = fopen(path, "ab");
    fwrite("c\x1a" "d", 1, 3, f);
    fclose(f);
    f = fopen(path, "rt");
    n = fread(buf, 1, sizeof(buf), f);
    ok(n == 5 && !memcmp(buf, "a\nb\nc", 5), "text read stops at ^Z: %u\n", (unsigned)n);
    fclose(f);

    remove(path);
}

static void test_exclusive(void)
{
    const char *path = tmp_path("wlx_ucrt_x.txt");
    FILE *f;

    remove(path);
    f = fopen(path, "wx");
    ok(f != NULL, "\"wx\" on a new file failed\n");
    if (f) fclose(f);
    errno = 0;
    f = fopen(path, "wx");
    ok(f == NULL && errno == EEXIST, "\"wx\" on an existing file: errno %d\n", errno);
    if (f) fclose(f);
    remove(path);
}

static void test_unicode(void)
{
    const char *path = tmp_path("wlx_ucrt_utf8.txt");
    char buf[64];
    wchar_t wbuf[16];
    FILE *f;
    size_t n;

    f = fopen(path, "w, ccs=UTF-8");
    ok(f != NULL, "ccs=UTF-8\n");
    if (!f) return;
    fputws(L"\xe9t\xe9\n", f);
    fclose(f);
    /* BOM, then UTF-8, and text mode still adds the \r */
    n = read_raw(path, buf, sizeof(buf));
    ok(n == 10 && !memcmp(buf, "\xef\xbb\xbf\xc3\xa9t\xc3\xa9\r\n", 10), "UTF-8 file: %u bytes\n", (unsigned)n);

    f = fopen(path, "r, ccs=UTF-8");
    ok(fgetws(wbuf, 16, f) && !wcscmp(wbuf, L"\xe9t\xe9\n"), "fgetws through UTF-8\n");
    fclose(f);
    remove(path);
}

static void test_descriptors(void)
{
    const char *path = tmp_path("wlx_ucrt_fd.bin");
    struct _stat64 st;
    char buf[16];
    int fd;
    FILE *f;

    ok(_fileno(stdin) == 0 && _fileno(stdout) == 1 && _fileno(stderr) == 2, "std fds\n");
    fd = _open(path, _O_CREAT | _O_TRUNC | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    ok(fd >= 3, "_open %d\n", fd);
    ok(_write(fd, "12345", 5) == 5, "_write\n");
    ok(_lseek(fd, 1, SEEK_SET) == 1 && _read(fd, buf, 2) == 2 && !memcmp(buf, "23", 2), "_lseek/_read\n");
    ok(_fstat64(fd, &st) == 0 && st.st_size == 5 && (st.st_mode & _S_IFREG), "_fstat64\n");
    _close(fd);
    ok(_stat64(path, &st) == 0 && st.st_size == 5, "_stat64\n");
    errno = 0;
    ok(_stat64(tmp_path("wlx_ucrt_missing"), &st) == -1 && errno == ENOENT, "_stat64 missing\n");

    f = tmpfile();
    ok(f != NULL, "tmpfile\n");
    if (f)
    {
        fputs("t", f);
        rewind(f);
        ok(fgetc(f) == 't', "tmpfile read back\n");
        fclose(f);
    }
    remove(path);
}

static void test_osfhandle(void)
{
    const char *path = tmp_path("wlx_ucrt_osf.bin");
    char buf[16];
    HANDLE h;
    int fd, mode = -1;
    FILE *f = fopen(path, "wb");

    fwrite("a\r\nb\x1azz", 1, 7, f);
    fclose(f);
    ok(_set_fmode(_O_TEXT) == 0 && _get_fmode(&mode) == 0 && mode == _O_TEXT, "_fmode %#x\n", mode);

    h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    fd = _open_osfhandle((intptr_t)h, _O_RDONLY);
    ok(fd >= 3, "_open_osfhandle %d\n", fd);
    memset(buf, 0, sizeof(buf));
    ok(_read(fd, buf, sizeof(buf)) == 7 && !memcmp(buf, "a\r\nb\x1azz", 7), "no _O_TEXT: the bytes as they are\n");
    ok(_setmode(fd, _O_TEXT) == _O_BINARY, "the mode was binary\n");
    _close(fd);

    h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_TEXT);
    memset(buf, 0, sizeof(buf));
    ok(_read(fd, buf, sizeof(buf)) == 3 && !memcmp(buf, "a\nb", 3), "_O_TEXT: CR LF made LF, ^Z ends it\n");
    _close(fd);

    /* _open, unlike it, follows _fmode */
    fd = _open(path, _O_RDONLY);
    ok(_read(fd, buf, sizeof(buf)) == 3, "_open in text mode\n");
    _close(fd);
    remove(path);
}

int main(int argc, char **argv)
{
    test_start("ucrtbase:stdio");
    GetTempPathA(sizeof(dir), dir);
    test_text();
    test_exclusive();
    test_unicode();
    test_descriptors();
    test_osfhandle();
    return test_summary();
}
