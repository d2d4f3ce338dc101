/*
 * include/wlx/door.h — what both sides of the door agree on: the offsets of
 * the TEB/PEB/process-parameter fields the Unix side fills in, and the TEB
 * fields private to wlx. Fixed-width types only; included by the PE side
 * (ntdll/ sources, ntdll/door.S) and the Unix side (loader/, ntdll/unix/).
 *
 * Windows x64 layouts are documented facts; wlx's private TEB fields live
 * after the end of the Windows TEB (0x1838) in the TEB's second page.
 */
#ifndef WLX_DOOR_H
#define WLX_DOOR_H

/* TEB (x64) */
#define TEB_EXCEPTION_LIST      0x0000
#define TEB_STACK_BASE          0x0008
#define TEB_STACK_LIMIT         0x0010
#define TEB_SELF                0x0030
#define TEB_CLIENT_PROCESS      0x0040
#define TEB_CLIENT_THREAD       0x0048
#define TEB_TLS_POINTER         0x0058
#define TEB_PEB                 0x0060
#define TEB_LAST_ERROR          0x0068
#define TEB_CURRENT_LOCALE      0x0108
#define TEB_LAST_STATUS         0x1250
#define TEB_DEALLOCATION_STACK  0x1478
#define TEB_TLS_SLOTS           0x1480
/* a Windows stack ends in one no-access page, and above it this much of
   guard pages: the overflow zone (ntdll/unix/signal.c, msvcrt's _resetstkoflw) */
#define WLX_STACK_GUARD_SIZE    0x8000
#define TEB_TLS_EXPANSION       0x1780
#define TEB_SIZE_WINDOWS        0x1838

/* wlx's private TEB fields */
#define TEB_WLX_UNIX_STACK      0x1900  /* top of the Unix stack used by syscalls */
#define TEB_WLX_SAVED_RSP       0x1908  /* Windows rsp while in Unix code, else 0 */
#define TEB_WLX_UNIX_THREAD     0x1910  /* the Unix side's struct wlx_thread */
#define TEB_WLX_START           0x1918  /* thread start routine (PE) */
#define TEB_WLX_START_ARG       0x1920  /* its argument */
#define TEB_WLX_PENDING_CONTEXT 0x1928  /* CONTEXT to go on with when the syscall returns (SetThreadContext), else 0 */
#define TEB_WLX_STOP_PENDING    0x1930  /* u32: suspended while in a syscall: stop on the way out (ntdll/unix/thread.c) */
#define TEB_WLX_SYSCALL_REGS    0x1940  /* at the door: rbx rbp rsi rdi r12 r13 r14 r15 (GetThreadContext) */
#define TEB_WLX_SYSCALL_XMM     0x1980  /* and xmm6..xmm15 */
#define TEB_WLX_DEBUG_REGS      0x1a20  /* Dr0 Dr1 Dr2 Dr3 Dr6 Dr7 of the thread (ntdll/unix/debugreg.c) */
#define TEB_WLX_DEBUG_EXEC      0x1a50  /* u32: an execute breakpoint is enabled: a context with RF resumes through IRETQ */
#define TEB_ALLOC_SIZE          0x2000

/* PEB (x64) */
#define PEB_BEING_DEBUGGED      0x0002
#define PEB_IMAGE_BASE          0x0010
#define PEB_LDR                 0x0018
#define PEB_PROCESS_PARAMETERS  0x0020
#define PEB_PROCESS_HEAP        0x0030
#define PEB_FAST_PEB_LOCK       0x0038  /* RTL_CRITICAL_SECTION * (RtlAcquirePebLock) */
#define PEB_NUMBER_OF_PROCESSORS 0x00b8
#define PEB_OS_MAJOR            0x0118
#define PEB_OS_MINOR            0x011c
#define PEB_OS_BUILD            0x0120
#define PEB_OS_PLATFORM         0x0124
#define PEB_IMAGE_SUBSYSTEM     0x0128
#define PEB_IMAGE_SUBSYSTEM_MAJOR 0x012c
#define PEB_IMAGE_SUBSYSTEM_MINOR 0x0130
#define PEB_SESSION_ID          0x02c0
#define PEB_SIZE                0x0800

/* wlx's private PEB fields, after the Windows PEB (0x7c8) */
#define PEB_WLX_DEBUG_FLAGS     0x07d0  /* WLXDEBUG channel bits, see WLX_DBG_* */
#define PEB_WLX_EXE_UNIX_NAME   0x07d8  /* const char *: the exe's name for messages */

/* debug channels (WLXDEBUG=+name) */
#define WLX_DBG_LOADDLL   0x01
#define WLX_DBG_RELAY     0x02
#define WLX_DBG_SEH       0x04
#define WLX_DBG_SERVER    0x08
#define WLX_DBG_FILE      0x10
#define WLX_DBG_VIRTUAL   0x20
#define WLX_DBG_THREAD    0x40
#define WLX_DBG_DEBUGSTR  0x80  /* OutputDebugString to stderr (kernel32/debug.c) */

/* RTL_USER_PROCESS_PARAMETERS (x64) */
#define PP_MAXIMUM_LENGTH       0x0000
#define PP_LENGTH               0x0004
#define PP_FLAGS                0x0008
#define PP_CONSOLE_HANDLE       0x0010
#define PP_STDIN                0x0020
#define PP_STDOUT               0x0028
#define PP_STDERR               0x0030
#define PP_CURDIR               0x0038  /* UNICODE_STRING DosPath, HANDLE Handle */
#define PP_DLL_PATH             0x0050
#define PP_IMAGE_PATH           0x0060
#define PP_COMMAND_LINE         0x0070
#define PP_ENVIRONMENT          0x0080
#define PP_WINDOW_FLAGS         0x00a4
#define PP_SHOW_WINDOW_FLAGS    0x00a8
#define PP_WINDOW_TITLE         0x00b0
#define PP_DESKTOP_INFO         0x00c0
#define PP_SHELL_INFO           0x00d0
#define PP_RUNTIME_DATA         0x00e0
#define PP_ENVIRONMENT_SIZE     0x03f0
#define PP_SIZE                 0x0440

#endif
