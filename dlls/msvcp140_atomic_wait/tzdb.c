/*
 * dlls/msvcp140_atomic_wait/tzdb.c — <chrono>'s time zone database
 * (std::chrono::get_tzdb, current_zone, zoned_time): Windows answers
 * from ICU (icu.dll), which wlx does not have, so every query reports
 * _Win_error with ERROR_NOT_SUPPORTED, as MSVC's library does where ICU is
 * missing; the headers then throw std::system_error. Each answer is a
 * block whose first field is the error code, freed by its delete.
 */
#include "private.h"

enum { TZDB_SUCCESS, TZDB_WIN_ERROR, TZDB_ICU_ERROR };

/* an answer of size bytes holding only the error */
static void *failure(SIZE_T size)
{
    int *info = calloc(1, size);
    SetLastError(ERROR_NOT_SUPPORTED);
    if (info) *info = TZDB_WIN_ERROR;
    return info;
}

/* __std_tzdb_time_zones_info: error, version, count, names, links */
void *WINAPI __std_tzdb_get_time_zones(void) { return failure(5 * sizeof(void *)); }
void WINAPI __std_tzdb_delete_time_zones(void *info) { free(info); }

/* __std_tzdb_current_zone_info: error, name */
void *WINAPI __std_tzdb_get_current_zone(void) { return failure(2 * sizeof(void *)); }
void WINAPI __std_tzdb_delete_current_zone(void *info) { free(info); }

/* __std_tzdb_sys_info: error, begin, end, offset, save, abbreviation */
void *WINAPI __std_tzdb_get_sys_info(const char *tz, SIZE_T len, LONGLONG sys)
{
    (void)tz; (void)len; (void)sys;
    return failure(6 * sizeof(void *));
}
void WINAPI __std_tzdb_delete_sys_info(void *info) { free(info); }

/* leap seconds: none beyond the ones the headers already know */
void *WINAPI __std_tzdb_get_leap_seconds(SIZE_T prev_size, SIZE_T *current_size)
{
    (void)prev_size;
    if (current_size) *current_size = 0;
    return NULL;
}
void WINAPI __std_tzdb_delete_leap_seconds(void *info) { free(info); }
