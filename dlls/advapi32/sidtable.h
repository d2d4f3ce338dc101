/*
 * dlls/advapi32/sidtable.h — the table of well-known SIDs (sidtable.c):
 * their WELL_KNOWN_SID_TYPE, SDDL alias, account name and domain.
 */
#ifndef WLX_ADVAPI32_SIDTABLE_H
#define WLX_ADVAPI32_SIDTABLE_H

#include "secpriv.h"

/* an entry that is no WELL_KNOWN_SID_TYPE (the user, the machine domain) */
#define WinAccountSid_none ((WELL_KNOWN_SID_TYPE)-1)

/* a domain of NULL is the machine's name (accounts of the local domain) */
struct wellknown {
    WELL_KNOWN_SID_TYPE type;
    WCHAR alias[3];          /* SDDL's two letters, or "" */
    BYTE authority;          /* last byte of the identifier authority */
    BYTE count;              /* sub-authorities */
    BYTE domain_rid;         /* S-1-5-21-<machine domain>-subs[0] */
    DWORD subs[2];
    const WCHAR *name;       /* NULL for the user: the Linux login name */
    const WCHAR *domain;
    SID_NAME_USE use;
};

extern const struct wellknown sec_wellknown[];
extern const DWORD sec_wellknown_count;
extern const struct wellknown sec_user_entry;

void sec_wellknown_sid(const struct wellknown *w, SID *sid);
const struct wellknown *sec_find_wellknown(const SID *sid);

#endif
