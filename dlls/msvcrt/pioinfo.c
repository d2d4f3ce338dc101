/*
 * __pioinfo: msvcrt's fd table as programs built against msvcrt.dll read
 * it directly (mingw-w64 programs and libraries such as Perl peek at an
 * fd's OS handle and flags without a call): an array of pointers to blocks
 * of 32 `ioinfo` entries. The entry is msvcrt.dll's short x64 layout, as
 * Wine 8's msvcrt.dll has it (56 bytes; msvcrt.dll versions differ, so
 * careful readers take the size from _msize of a block, which is why the
 * blocks come from malloc). A block exists once one of its fds was used.
 *
 * lowio.c keeps its own table and mirrors every change of an entry here
 * (handle, and the open/text/device/pipe/append/no-inherit bits); the ^Z
 * end-of-file bit a text read sets is not mirrored. __badioinfo is the
 * entry for an fd outside the table. ucrtbase has neither export.
 */
#include "private.h"
#include <malloc.h>

#define IOINFO_BLOCK 32                      /* entries per block, as msvcrt.dll */

typedef struct
{
    intptr_t osfhnd;              /* the HANDLE, INVALID_HANDLE_VALUE when closed */
    char osfile;                  /* FOPEN 0x01 ... FTEXT 0x80: lowio.c's FD_* bits */
    char pipech;                  /* a byte read ahead on a pipe: '\n' (10) when none */
    int lockinitflag;
    CRITICAL_SECTION lock;
} ioinfo;

C_ASSERT(sizeof(ioinfo) == 56);

ioinfo *__pioinfo[MSVCRT_MAX_FILES / IOINFO_BLOCK];

/* the entry old CRT headers' _pioinfo() macro gives for an fd outside the
   table: no handle, text mode (FTEXT) */
ioinfo __badioinfo = { (intptr_t)-1, (char)0x80 };

/* the block holding fd, made on first use; NULL without memory */
static ioinfo *block_of(int fd)
{
    ioinfo **slot = &__pioinfo[fd / IOINFO_BLOCK];
    if (!*slot && (*slot = calloc(IOINFO_BLOCK, sizeof(ioinfo))))
        for (int i = 0; i < IOINFO_BLOCK; i++)
        {
            (*slot)[i].osfhnd = (intptr_t)INVALID_HANDLE_VALUE;
            (*slot)[i].pipech = '\n';
        }
    return *slot;
}

void msvcrt_ioinfo_sync(int fd, HANDLE handle, unsigned char flags, unsigned char textmode)
{
    ioinfo *block, *e;

    (void)textmode;                           /* the short layout has no text mode field */
    if (fd < 0 || fd >= MSVCRT_MAX_FILES || !(block = block_of(fd))) return;
    e = &block[fd % IOINFO_BLOCK];
    e->osfhnd = (intptr_t)((flags & 0x01) ? handle : INVALID_HANDLE_VALUE);
    e->osfile = (char)flags;
}
