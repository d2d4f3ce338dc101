/*
 * Shared declarations of ws2_32's Unix side (socket.c, sockopt.c, netdb.c).
 */
#ifndef WLX_WS2_32_UNIX_PRIVATE_H
#define WLX_WS2_32_UNIX_PRIVATE_H

#include <stdint.h>
#include "../unixlib.h"

/* Windows values the Unix side translates */
#define WS_AF_INET6      23
#define WS_SOL_SOCKET    0xffff

int errno_to_wsa(int err);
int sock_fd(uint64_t handle);

/* a descriptor that is a new socket starts with Windows-only options off (sockopt.c) */
void sock_clear_options(int fd);
int32_t unix_setsockopt_call(void *args);
int32_t unix_getsockopt_call(void *args);
int32_t unix_getaddrinfo_call(void *args);
int32_t unix_gethostname_call(void *args);
int32_t unix_pton_call(void *args);
int32_t unix_ntop_call(void *args);
int32_t unix_getnameinfo_call(void *args);
int32_t unix_getservice_call(void *args);

#endif
