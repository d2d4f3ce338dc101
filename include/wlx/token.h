/*
 * include/wlx/token.h — access tokens across the door.
 *
 * wlx synthesizes the token of every process (no server): the user of
 * wlx/user.h, an elevated member of Administrators. What is fixed (SIDs,
 * groups, the privileges held) is built by ntdll's PE side
 * (ntdll/security.c); the Unix side (ntdll/unix/token.c) keeps only what
 * changes: token objects and their handles, which privileges are enabled,
 * the token type and impersonation level, ids, and each thread's
 * impersonation token.
 */
#ifndef WLX_TOKEN_H
#define WLX_TOKEN_H

#include <stdint.h>

/* privileges are numbered by their LUID's low part (SE_*_PRIVILEGE); bit n
   of a mask stands for privilege n. Held: what an elevated administrator's
   token lists on Windows 10; enabled at start: change-notify, impersonate,
   create-global. */
#define WLX_PRIV_BIT(n)        ((uint64_t)1 << (n))
#define WLX_PRIVILEGES_HELD    (WLX_PRIV_BIT(5) | WLX_PRIV_BIT(8) | WLX_PRIV_BIT(9) | WLX_PRIV_BIT(10) | \
                                WLX_PRIV_BIT(11) | WLX_PRIV_BIT(12) | WLX_PRIV_BIT(13) | WLX_PRIV_BIT(14) | \
                                WLX_PRIV_BIT(15) | WLX_PRIV_BIT(17) | WLX_PRIV_BIT(18) | WLX_PRIV_BIT(19) | \
                                WLX_PRIV_BIT(20) | WLX_PRIV_BIT(22) | WLX_PRIV_BIT(23) | WLX_PRIV_BIT(24) | \
                                WLX_PRIV_BIT(25) | WLX_PRIV_BIT(28) | WLX_PRIV_BIT(29) | WLX_PRIV_BIT(30) | \
                                WLX_PRIV_BIT(33) | WLX_PRIV_BIT(34) | WLX_PRIV_BIT(35) | WLX_PRIV_BIT(36))
#define WLX_PRIVILEGES_DEFAULT (WLX_PRIV_BIT(23) | WLX_PRIV_BIT(29) | WLX_PRIV_BIT(30))
#define WLX_PRIVILEGE_MAX      36

/* pseudo-handles of Windows 8+ (GetCurrentProcessToken and friends) */
#define WLX_CURRENT_PROCESS_TOKEN         ((void *)(intptr_t)-4)
#define WLX_CURRENT_THREAD_TOKEN          ((void *)(intptr_t)-5)
#define WLX_CURRENT_THREAD_EFFECTIVE_TOKEN ((void *)(intptr_t)-6)

/* what __wlx_token_info tells about a token */
struct wlx_token_info {
    uint32_t type;            /* TOKEN_TYPE: 1 primary, 2 impersonation */
    uint32_t level;           /* SECURITY_IMPERSONATION_LEVEL (impersonation tokens) */
    uint64_t enabled;         /* privileges enabled (mask as above) */
    uint64_t token_id;        /* LUIDs, as 64-bit numbers */
    uint64_t modified_id;
    uint32_t access;          /* the handle's granted access */
    uint32_t deny_groups;     /* bit i: TokenGroups' group i is deny-only (ntdll/security.c) */
};

#endif /* WLX_TOKEN_H */
