/*
 * tests/msvcrt/stdio.c — FILE streams and low-level descriptors of
 * msvcrt.dll: fopen modes, text-mode translation (\n <-> \r\n, ^Z ends a
 * read), fseek/ftell, character and line I/O, fread/fwrite counts, the
 * error and end-of-file flags, tmpfile, remove/rename, _setmode, _open and
 * friends, _fdopen, setvbuf and freopen.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <io.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>

static char dir[MAX_PATH];

static const char *tmp_path(const char *name)
{
    static char path[4][MAX_PATH];
    static int next;
    char *p = path[next++ % 4];
    sprintf(p, "%s%s", dir, name);
    return p;
}

/* the whole file's bytes, read in binary mode */
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

static void write_raw(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void test_modes(void)
{
    const char *path = tmp_path("wlx_modes.txt");
    char buf[64];
    FILE *f;

    remove(path);
    errno = 0;
    f = fopen(path, "r");
    ok(f == NULL && errno == ENOENT, "\"r\" on a missing file: %p errno %d\n", f, errno);

    f = fopen(path, "w");
    ok(f != NULL, "\"w\" failed\n");
    fputs("one\n", f);
    fclose(f);
    f = fopen(path, "a");
    fputs("two\n", f);
    fclose(f);
    ok(read_raw(path, buf, sizeof(buf)) == 10 && !strcmp(buf, "one\r\ntwo\r\n"), "append: \"%s\"\n", buf);

    /* "a": every write goes to the end, even after a seek */
    f = fopen(path, "a");
    fseek(f, 0, SEEK_SET);
    fputs("3", f);
    fclose(f);
    read_raw(path, buf, sizeof(buf));
    ok(!strcmp(buf, "one\r\ntwo\r\n3"), "append after seek: \"%s\"\n", buf);

    /* "r+": read and overwrite in place */
    f = fopen(path, "r+");
    ok(fgetc(f) == 'o', "r+ read\n");
    fseek(f, 0, SEEK_CUR);   /* required between a read and a write */
    fputc('N', f);
    fclose(f);
    read_raw(path, buf, sizeof(buf));
    ok(!strncmp(buf, "oNe\r\n", 5), "r+ write: \"%s\"\n", buf);

    /* "w" truncates */
    f = fopen(path, "w");
    fclose(f);
    ok(read_raw(path, buf, sizeof(buf)) == 0, "\"w\" did not truncate\n");

    /* "r" cannot write: the error flag is set */
    f = fopen(path, "r");
    ok(fputc('x', f) == EOF && ferror(f), "write to a read stream\n");
    clearerr(f);
    ok(!ferror(f) && !feof(f), "clearerr\n");
    fclose(f);
    remove(path);
}

static void test_text_mode(void)
{
    const char *path = tmp_path("wlx_text.txt");
    char buf[64];
    FILE *f;
    size_t n;

    f = fopen(path, "wt");
    fputs("a\nb\n", f);
    fclose(f);
    ok(read_raw(path, buf, sizeof(buf)) == 6 && !strcmp(buf, "a\r\nb\r\n"), "text write: \"%s\"\n", buf);

    f = fopen(path, "rt");
    n = fread(buf, 1, sizeof(buf), f);
    ok(n == 4 && !memcmp(buf, "a\nb\n", 4), "text read: %u\n", (unsigned)n);
    ok(feof(f), "no EOF after a short read\n");
    fclose(f);

    /* a lone \r is kept; ^Z ends a text-mode read */
    write_raw(path, "x\ry\r\nz\x1a" "after", 12);
    f = fopen(path, "r");
    n = fread(buf, 1, sizeof(buf), f);
    ok(n == 5 && !memcmp(buf, "x\ry\nz", 5), "text read with ^Z: %u\n", (unsigned)n);
    ok(feof(f), "^Z does not set EOF\n");
    fclose(f);
    f = fopen(path, "rb");
    n = fread(buf, 1, sizeof(buf), f);
    ok(n == 12, "binary read sees past ^Z: %u\n", (unsigned)n);
    fclose(f);

    /* _setmode switches a descriptor's translation and returns the old
     * mode; translation happens when the stream's buffer is written out,
     * so flush before switching */
    f = fopen(path, "w");
    ok(_setmode(_fileno(f), _O_BINARY) == _O_TEXT, "_setmode did not return _O_TEXT\n");
    fputs("p\n", f);
    fflush(f);
    ok(_setmode(_fileno(f), _O_TEXT) == _O_BINARY, "_setmode did not return _O_BINARY\n");
    fputs("q\n", f);
    fclose(f);
    read_raw(path, buf, sizeof(buf));
    ok(!strcmp(buf, "p\nq\r\n"), "_setmode: \"%s\"\n", buf);
    remove(path);
}

static void test_seek(void)
{
    const char *path = tmp_path("wlx_seek.txt");
    char line[16];
    FILE *f;

    write_raw(path, "ab\r\ncd\r\nef", 10);
    f = fopen(path, "r");
    fgets(line, sizeof(line), f);
    ok(!strcmp(line, "ab\n"), "fgets: \"%s\"\n", line);
    /* ftell in text mode is the byte offset in the file */
    ok(ftell(f) == 4, "text ftell: %ld\n", ftell(f));
    fseek(f, 0, SEEK_END);
    ok(ftell(f) == 10, "ftell at end: %ld\n", ftell(f));
    fseek(f, 4, SEEK_SET);
    ok(fgetc(f) == 'c', "fgetc after fseek\n");
    fclose(f);

    f = fopen(path, "rb");
    fgets(line, sizeof(line), f);
    ok(!strcmp(line, "ab\r\n") && ftell(f) == 4, "binary fgets: \"%s\"\n", line);
    ok(fseek(f, -2, SEEK_END) == 0 && fgetc(f) == 'e', "SEEK_END\n");
    ok(fseek(f, -100, SEEK_SET) != 0, "seek before start succeeded\n");
    rewind(f);
    ok(ftell(f) == 0, "rewind\n");
    fclose(f);
    remove(path);
}

static void test_char_io(void)
{
    const char *path = tmp_path("wlx_chars.txt");
    char buf[16], line[8];
    FILE *f;

    f = fopen(path, "w+");
    ok(fputs("hello world\n", f) >= 0, "fputs\n");
    ok(fputc('!', f) == '!', "fputc\n");
    rewind(f);
    ok(fgetc(f) == 'h', "fgetc\n");
    ok(ungetc('H', f) == 'H', "ungetc\n");
    ok(fgetc(f) == 'H', "fgetc after ungetc\n");
    /* fgets stops at size-1 characters */
    ok(fgets(line, 5, f) == line && !strcmp(line, "ello"), "fgets size: \"%s\"\n", line);
    ok(fgets(buf, sizeof(buf), f) && !strcmp(buf, " world\n"), "fgets rest: \"%s\"\n", buf);
    ok(fgets(buf, sizeof(buf), f) && !strcmp(buf, "!"), "last line without newline\n");
    ok(fgetc(f) == EOF && feof(f), "EOF flag\n");
    ok(fgets(buf, sizeof(buf), f) == NULL, "fgets at EOF\n");
    clearerr(f);
    ok(!feof(f), "clearerr kept EOF\n");
    fclose(f);
    remove(path);
}

static void test_block_io(void)
{
    const char *path = tmp_path("wlx_block.bin");
    int data[3] = { 1, 2, 3 }, back[4];
    char buf[16];
    FILE *f;

    f = fopen(path, "wb");
    ok(fwrite(data, sizeof(int), 3, f) == 3, "fwrite count\n");
    ok(fwrite("xy", 1, 2, f) == 2, "fwrite bytes\n");
    fclose(f);
    f = fopen(path, "rb");
    /* 14 bytes: three whole 4-byte items and a partial one */
    ok(fread(back, 4, 4, f) == 3, "fread count\n");
    ok(back[0] == 1 && back[2] == 3, "fread data\n");
    ok(feof(f), "EOF after partial item\n");
    fclose(f);

    f = tmpfile();
    ok(f != NULL, "tmpfile failed\n");
    if (f)
    {
        fputs("temp\n", f);
        rewind(f);
        ok(fgets(buf, sizeof(buf), f) && !strcmp(buf, "temp\n"), "tmpfile read back\n");
        fclose(f);
    }
    remove(path);
}

static void test_files(void)
{
    const char *a = tmp_path("wlx_a.txt"), *b = tmp_path("wlx_b.txt");
    char buf[16];
    int r;

    remove(a);
    remove(b);
    write_raw(a, "A", 1);
    ok(rename(a, b) == 0, "rename failed\n");
    ok(_access(a, 0) == -1 && _access(b, 0) == 0, "rename did not move\n");
    write_raw(a, "A2", 2);
    /* unlike POSIX, rename does not replace an existing file; MoveFile's
     * ERROR_ALREADY_EXISTS maps to EEXIST (the docs' EACCES is for other
     * failures) */
    errno = 0;
    r = rename(a, b);
    ok(r != 0 && errno == EEXIST, "rename onto existing: %d errno %d\n", r, errno);
    read_raw(b, buf, sizeof(buf));
    ok(!strcmp(buf, "A"), "target replaced\n");
    ok(remove(a) == 0 && remove(b) == 0, "remove failed\n");
    errno = 0;
    ok(remove(a) == -1 && errno == ENOENT, "remove missing: errno %d\n", errno);
}

static void test_lowlevel(void)
{
    const char *path = tmp_path("wlx_low.txt");
    char buf[32];
    int fd, n;
    FILE *f;

    ok(_fileno(stdin) == 0 && _fileno(stdout) == 1 && _fileno(stderr) == 2, "std fds\n");

    fd = _open(path, _O_CREAT | _O_TRUNC | _O_WRONLY | _O_TEXT, _S_IREAD | _S_IWRITE);
    ok(fd >= 3, "_open: %d\n", fd);
    ok(_write(fd, "l1\nl2\n", 6) == 6, "text _write returns the bytes given\n");
    _close(fd);
    ok(read_raw(path, buf, sizeof(buf)) == 8, "_O_TEXT write: \"%s\"\n", buf);

    fd = _open(path, _O_RDONLY | _O_BINARY);
    ok(_read(fd, buf, sizeof(buf)) == 8, "binary _read\n");
    ok(_lseek(fd, 0, SEEK_END) == 8, "_lseek end\n");
    ok(_lseek(fd, 2, SEEK_SET) == 2, "_lseek set\n");
    ok(_read(fd, buf, 2) == 2 && !memcmp(buf, "\r\n", 2), "_read after _lseek\n");
    ok(_tell(fd) == 4, "_tell\n");
    ok(_close(fd) == 0, "_close\n");
    ok(_close(fd) == -1 && errno == EBADF, "double _close: errno %d\n", errno);

    fd = _open(path, _O_RDONLY | _O_TEXT);
    n = _read(fd, buf, sizeof(buf));
    ok(n == 6 && !memcmp(buf, "l1\nl2\n", 6), "text _read: %d\n", n);
    _close(fd);

    errno = 0;
    ok(_open(tmp_path("wlx_missing"), _O_RDONLY) == -1 && errno == ENOENT, "_open missing\n");
    fd = _open(path, _O_CREAT | _O_EXCL | _O_WRONLY, _S_IWRITE);
    ok(fd == -1 && errno == EEXIST, "_O_EXCL: %d errno %d\n", fd, errno);

    /* _fdopen wraps a descriptor in a stream that owns it */
    fd = _open(path, _O_RDONLY);
    f = _fdopen(fd, "r");
    ok(f && _fileno(f) == fd, "_fdopen\n");
    ok(f && fgets(buf, sizeof(buf), f) && !strcmp(buf, "l1\n"), "_fdopen read\n");
    if (f) fclose(f);
    remove(path);
}

static void test_buffering(void)
{
    const char *path = tmp_path("wlx_buf.txt");
    static char vbuf[64];
    char buf[32];
    FILE *f, *g;

    f = fopen(path, "w");
    ok(setvbuf(f, vbuf, _IOFBF, sizeof(vbuf)) == 0, "setvbuf\n");
    fputs("buffered", f);
    /* nothing reached the file yet: it sits in our buffer */
    ok(read_raw(path, buf, sizeof(buf)) == 0, "written before flush: \"%s\"\n", buf);
    ok(!memcmp(vbuf, "buffered", 8), "data not in the user buffer\n");
    fflush(f);
    ok(read_raw(path, buf, sizeof(buf)) == 8, "fflush\n");

    /* freopen reuses the FILE for another file */
    g = freopen(path, "r", f);
    ok(g == f, "freopen returned another stream\n");
    ok(fgets(buf, sizeof(buf), g) && !strcmp(buf, "buffered"), "freopen read\n");
    fclose(g);
    remove(path);
}

int main(int argc, char **argv)
{
    test_start("msvcrt:stdio");
    GetTempPathA(sizeof(dir), dir);
    test_modes();
    test_text_mode();
    test_seek();
    test_char_io();
    test_block_io();
    test_files();
    test_lowlevel();
    test_buffering();
    return test_summary();
}
