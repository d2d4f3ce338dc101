/*
 * bench/writefile.c — small writes to a file: WriteFile of 64 bytes, appended
 * each time to a file in the current folder (native twin: write(2)). Each
 * repetition recreates the file empty (CREATE_ALWAYS / O_TRUNC), so it does
 * not grow beyond one repetition's worth; the file is deleted at the end.
 */
#include "bench.h"
#ifndef _WIN32
#include <fcntl.h>
#endif

#define ITERATIONS 80000
#define FILE_NAME "bench-writefile.tmp"

static const char record[64] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n";

#ifdef _WIN32
static int writefile_loop(bench_u64 n)
{
    HANDLE file = CreateFileW(L"" FILE_NAME, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD done;

    if (file == INVALID_HANDLE_VALUE) return bench_fail("CreateFileW", 1);
    for (bench_u64 i = 0; i < n; i++)
        if (!WriteFile(file, record, sizeof(record), &done, NULL) || done != sizeof(record))
            return bench_fail("WriteFile", 1);
    CloseHandle(file);
    return 0;
}

static void remove_file(void) { DeleteFileW(L"" FILE_NAME); }
#else
static int writefile_loop(bench_u64 n)
{
    int fd = open(FILE_NAME, O_WRONLY | O_CREAT | O_TRUNC, 0666);

    if (fd < 0) return bench_fail("open", 1);
    for (bench_u64 i = 0; i < n; i++)
        if (write(fd, record, sizeof(record)) != sizeof(record)) return bench_fail("write", 1);
    close(fd);
    return 0;
}

static void remove_file(void) { unlink(FILE_NAME); }
#endif

static int bench_main(void)
{
    int ret = bench_report("writefile", ITERATIONS, writefile_loop);
    remove_file();
    return ret;
}
