/*
 * include/wlx/user.h — the Windows identity of the Linux user running wlx,
 * in one place for everyone who needs it: ntdll's token (ntdll/security.c),
 * advapi32's account lookups, and the registry's HKEY_CURRENT_USER
 * (\Registry\User\<SID>).
 *
 * Decision: one fixed SID, whatever the Linux uid, so that a prefix keeps
 * its HKCU and its file owners when used by another account. It has the
 * shape of a local account on Windows: the machine's domain (S-1-5-21 and
 * three sub-authorities, fixed here) and the first RID Windows gives to a
 * local user, 1000. The user's name is the Linux login name (getpwuid),
 * reached from the PE side through ntdll's private __wlx_user_name.
 */
#ifndef WLX_USER_H
#define WLX_USER_H

/* S-1-5-21-<WLX_USER_DOMAIN>-<WLX_USER_RID> */
#define WLX_USER_DOMAIN_0   2835071581u
#define WLX_USER_DOMAIN_1   1409812066u
#define WLX_USER_DOMAIN_2   3742251096u
#define WLX_USER_RID        1000u

#define WLX_USER_SID_STRING  "S-1-5-21-2835071581-1409812066-3742251096-1000"
#define WLX_USER_SID_WSTRING L"S-1-5-21-2835071581-1409812066-3742251096-1000"

/* The logon session of every wlx process: the SID S-1-5-5-0-<LOW> in its
   token's groups and the token's AuthenticationId */
#define WLX_LOGON_ID_LOW    0x3e7a1u

#endif /* WLX_USER_H */
