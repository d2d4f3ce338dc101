/*
 * loader/loader.h — the parts of the wlx command (address space, prefix,
 * start-up).
 */
#ifndef WLX_LOADER_H
#define WLX_LOADER_H

void loader_reserve_address_space(void);
void loader_init_paths(int from_parent);
void prefix_init(void);
char *loader_realpath(const char *path);
void __attribute__((noreturn)) loader_run(const char *exe, int argc, char **argv);
void syscalls_install(void *ntdll_base);
extern char *wlx_server_binary;

#endif
