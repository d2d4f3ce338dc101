/*
 * loader/start.c — from a Unix path to a running Windows process: map the
 * exe and ntdll.dll, build the PEB, process parameters and the main thread's
 * TEB and stack, then enter ntdll's __wlx_process_start on the Windows stack.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../ntdll/unix/private.h"
#include "../ntdll/unix/process.h"
#include "../ntdll/unix/thread.h"
#include "../ntdll/unix/sysinfo.h"
#include "wlx/server.h"
#include "loader.h"

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void map_or_die(const char *path, const char *what, struct image_info *info)
{
    const char *why = "unknown error";
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        if (errno == ENOENT) wlx_fatal("%s: no such file", what);
        wlx_fatal("%s: %s", what, strerror(errno));
    }
    NTSTATUS status = image_map(fd, what, info, &why);
    close(fd);
    if (status)
    {
        fprintf(stderr, "wlx: %s: %s\n", what, why);
        exit(126);
    }
}

static void *build_peb(const struct image_info *exe)
{
    uint8_t *peb = virtual_alloc_system(PEB_SIZE, VPROT_READ | VPROT_WRITE);
    if (!peb) wlx_fatal("out of memory");
    long ncpu = wlx_cpu_count();
    *(void **)(peb + PEB_IMAGE_BASE) = exe->base;
    *(uint32_t *)(peb + PEB_NUMBER_OF_PROCESSORS) = ncpu > 0 ? ncpu : 1;
    *(uint32_t *)(peb + PEB_OS_MAJOR) = 10;
    *(uint32_t *)(peb + PEB_OS_MINOR) = 0;
    *(uint16_t *)(peb + PEB_OS_BUILD) = 19045;
    *(uint32_t *)(peb + PEB_OS_PLATFORM) = 2;  /* VER_PLATFORM_WIN32_NT */
    *(uint32_t *)(peb + PEB_IMAGE_SUBSYSTEM) = exe->subsystem;
    *(uint32_t *)(peb + PEB_IMAGE_SUBSYSTEM_MAJOR) = exe->major_subsystem;
    *(uint32_t *)(peb + PEB_IMAGE_SUBSYSTEM_MINOR) = exe->minor_subsystem;
    *(uint32_t *)(peb + PEB_SESSION_ID) = 1;
    *(uint32_t *)(peb + PEB_WLX_DEBUG_FLAGS) = wlx_debug_flags;
    return peb;
}

void loader_run(const char *exe_path, int argc, char **argv)
{
    struct image_info exe, ntdll;
    char path[4096];
    static struct wlx_thread main_thread;

    signal(SIGPIPE, SIG_IGN);   /* a closed pipe is an error result, as on Windows */
    signal_init_process();
    thread_init_suspend_signal();
    map_or_die(exe_path, base_name(exe_path), &exe);
    if (exe.characteristics & 0x2000 /* IMAGE_FILE_DLL */)
    {
        fprintf(stderr, "wlx: %s: is a DLL, not a program\n", base_name(exe_path));
        exit(126);
    }
    if (exe.subsystem != 2 && exe.subsystem != 3)  /* GUI, console */
    {
        fprintf(stderr, "wlx: %s: not a Windows program (subsystem %u)\n", base_name(exe_path), exe.subsystem);
        exit(126);
    }
    snprintf(path, sizeof(path), "%s/ntdll.dll", wlx_builtin_dir);
    map_or_die(path, "ntdll.dll", &ntdll);
    syscalls_install(ntdll.base);
    void *process_start = image_find_export(ntdll.base, "__wlx_process_start");
    wlx_thread_start_pe = image_find_export(ntdll.base, "__wlx_thread_start");
    if (!process_start || !wlx_thread_start_pe) wlx_fatal("ntdll.dll lacks its start-up entry points");
    TRACE(LOADDLL, "Loaded L\"C:\\\\windows\\\\system32\\\\ntdll.dll\" at %p: builtin\n", ntdll.base);

    /* register with the prefix's server (started on demand) */
    uint32_t main_tid;
    process_read_startup();   /* from a parent wlx: command line, environment, its id */
    if (wlx_server_connect(wlx_prefix_dir, wlx_server_binary) < 0) exit(126);
    NTSTATUS status = wlx_server_init_process(wlx_parent_id, &wlx_process_id, &main_tid);
    if (status)
    {
        process_report_refusal(status);   /* a parent wlx learns why; we end quietly */
        wlx_fatal("the wlx server refused to register this process");
    }
    /* listed before the parent learns the ids: from then on it may ask for
       our threads (a snapshot of a child made suspended; the service thread
       answers from this list) */
    main_thread.obj.ops = &thread_ops;
    main_thread.obj.refcount = 1;
    main_thread.unix_tid = getpid();
    main_thread.tid = main_tid;
    main_thread.exit_code = 0x103;
    thread_list_add(&main_thread);
    process_report_ids(wlx_process_id, main_tid);
    wlx_peb = build_peb(&exe);
    shared_data_init();   /* KUSER_SHARED_DATA at 0x7ffe0000, read directly by MSVC code */
    *(const char **)((uint8_t *)wlx_peb + PEB_WLX_EXE_UNIX_NAME) = strdup(base_name(exe_path));
    process_build_parameters(wlx_peb, exe_path, argc, argv);

    if (exe.stack_reserve) wlx_default_stack_reserve = exe.stack_reserve;
    void *teb = thread_create_teb(wlx_peb, main_thread.tid, &main_thread);
    if (!teb || !thread_alloc_stack(teb, exe.stack_reserve, exe.stack_commit)) wlx_fatal("out of memory");
    main_thread.teb = teb;
    process_wait_resume();    /* CREATE_SUSPENDED */
    thread_start_main(teb, process_start, exe.entry);
}
