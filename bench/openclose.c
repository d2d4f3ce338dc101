/*
 * bench/openclose.c — opening an existing file by path: CreateFileW
 * (OPEN_EXISTING, GENERIC_READ) + CloseHandle (native twin: open(O_RDONLY) +
 * close). The file is created in the current folder first and deleted at
 * the end; a relative name, so both sides resolve it from the current
 * folder.
 */
#include "bench.h"
#ifndef _WIN32
#include <fcntl.h>
#endif

#define ITERATIONS 20000
#define FILE_NAME "bench-openclose.tmp"

#ifdef _WIN32
static int create_file(void)
{
    HANDLE file = CreateFileW(L"" FILE_NAME, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) return bench_fail("CreateFileW (create)", 1);
    CloseHandle(file);
    return 0;
}

static int openclose_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        HANDLE file = CreateFileW(L"" FILE_NAME, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                                  FILE_ATTRIBUTE_NORMAL, NULL);
        if (file == INVALID_HANDLE_VALUE) return bench_fail("CreateFileW", 1);
        if (!CloseHandle(file)) return bench_fail("CloseHandle", 1);
    }
    return 0;
}

static void remove_file(void) { DeleteFileW(L"" FILE_NAME); }
#else
static int create_file(void)
{
    int fd = open(FILE_NAME, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return bench_fail("open (create)", 1);
    close(fd);
    return 0;
}

static int openclose_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        int fd = open(FILE_NAME, O_RDONLY);
        if (fd < 0) return bench_fail("open", 1);
        if (close(fd)) return bench_fail("close", 1);
    }
    return 0;
}

static void remove_file(void) { unlink(FILE_NAME); }
#endif

static int bench_main(void)
{
    int ret = create_file();

    if (!ret) ret = bench_report("openclose", ITERATIONS, openclose_loop);
    remove_file();
    return ret;
}
