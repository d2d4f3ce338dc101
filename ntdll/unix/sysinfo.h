/*
 * ntdll/unix/sysinfo.h — what ntdll/unix/time.c and usershared.c offer the
 * rest of the Unix side: clocks, the host zone, KUSER_SHARED_DATA.
 */
#ifndef WLX_NTDLL_UNIX_SYSINFO_H
#define WLX_NTDLL_UNIX_SYSINFO_H

#include "wlx/sysinfo.h"

int64_t time_system(void);              /* 100 ns units since 1601 */
int64_t time_interrupt(void);           /* 100 ns units since boot, sleep included */
int64_t time_unbiased_interrupt(void);  /* the same without sleep */
int64_t time_boot(void);                /* system time at boot */
uint32_t time_zone_current(struct wlx_tz_info *info, int64_t *bias);  /* returns TIME_ZONE_ID_* */

void shared_data_init(void);           /* usershared.c: the page at 0x7ffe0000 */

#endif
