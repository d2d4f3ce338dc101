/*
 * Shared declarations of iphlpapi's Unix side (interfaces.c, tables.c).
 */
#ifndef WLX_IPHLPAPI_UNIX_PRIVATE_H
#define WLX_IPHLPAPI_UNIX_PRIVATE_H

#include <stdint.h>
#include "../unixlib.h"

/* tables.c */
int32_t unix_sockets_call(void *args);
int32_t unix_routes_call(void *args);
/* icmp.c */
int32_t unix_icmp_echo_call(void *args);
int32_t unix_icmp6_echo_call(void *args);
int32_t unix_snmp_call(void *args);
int32_t unix_neighbors_call(void *args);
/* watch.c */
int32_t unix_wait_change_call(void *args);

#endif
