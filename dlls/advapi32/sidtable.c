/*
 * dlls/advapi32/sidtable.c — the well-known SIDs wlx knows: type, SDDL
 * alias, authority and sub-authorities, account name, domain and kind.
 * Facts from Microsoft's "Well-known SIDs" and "SID strings" pages.
 */
#include "sidtable.h"

#define NT L"NT AUTHORITY"
#define BI L"BUILTIN"
#define ML L"Mandatory Label"
#define WG SidTypeWellKnownGroup

const struct wellknown sec_user_entry = { WinAccountSid_none, L"", 5, 0, 1, { WLX_USER_RID }, NULL, NULL, SidTypeUser };

const struct wellknown sec_wellknown[] = {
    { WinAccountSid_none, L"", 5, 0, 1, { WLX_USER_RID }, NULL, NULL, SidTypeUser },
    { WinNullSid, L"", 0, 1, 0, { 0 }, L"NULL SID", L"", WG },
    { WinWorldSid, L"WD", 1, 1, 0, { 0 }, L"Everyone", L"", WG },
    { WinLocalSid, L"", 2, 1, 0, { 0 }, L"LOCAL", L"", WG },
    { WinConsoleLogonSid, L"", 2, 1, 0, { 1 }, L"CONSOLE LOGON", L"", WG },
    { WinCreatorOwnerSid, L"CO", 3, 1, 0, { 0 }, L"CREATOR OWNER", L"", WG },
    { WinCreatorGroupSid, L"CG", 3, 1, 0, { 1 }, L"CREATOR GROUP", L"", WG },
    { WinCreatorOwnerRightsSid, L"OW", 3, 1, 0, { 4 }, L"OWNER RIGHTS", L"", WG },
    { WinNtAuthoritySid, L"", 5, 0, 0, { 0 }, L"NT AUTHORITY", L"", SidTypeDomain },
    { WinDialupSid, L"", 5, 1, 0, { 1 }, L"DIALUP", NT, WG },
    { WinNetworkSid, L"NU", 5, 1, 0, { 2 }, L"NETWORK", NT, WG },
    { WinBatchSid, L"", 5, 1, 0, { 3 }, L"BATCH", NT, WG },
    { WinInteractiveSid, L"IU", 5, 1, 0, { 4 }, L"INTERACTIVE", NT, WG },
    { WinServiceSid, L"SU", 5, 1, 0, { 6 }, L"SERVICE", NT, WG },
    { WinAnonymousSid, L"AN", 5, 1, 0, { 7 }, L"ANONYMOUS LOGON", NT, WG },
    { WinEnterpriseControllersSid, L"ED", 5, 1, 0, { 9 }, L"ENTERPRISE DOMAIN CONTROLLERS", NT, WG },
    { WinSelfSid, L"PS", 5, 1, 0, { 10 }, L"SELF", NT, WG },
    { WinAuthenticatedUserSid, L"AU", 5, 1, 0, { 11 }, L"Authenticated Users", NT, WG },
    { WinRestrictedCodeSid, L"RC", 5, 1, 0, { 12 }, L"RESTRICTED", NT, WG },
    { WinThisOrganizationSid, L"", 5, 1, 0, { 15 }, L"This Organization", NT, WG },
    { WinLocalSystemSid, L"SY", 5, 1, 0, { 18 }, L"SYSTEM", NT, WG },
    { WinLocalServiceSid, L"LS", 5, 1, 0, { 19 }, L"LOCAL SERVICE", NT, WG },
    { WinNetworkServiceSid, L"NS", 5, 1, 0, { 20 }, L"NETWORK SERVICE", NT, WG },
    { WinWriteRestrictedCodeSid, L"WR", 5, 1, 0, { 33 }, L"WRITE RESTRICTED", NT, WG },
    { WinLocalAccountSid, L"", 5, 1, 0, { 113 }, L"Local account", NT, WG },
    { WinLocalAccountAndAdministratorSid, L"", 5, 1, 0, { 114 },
      L"Local account and member of Administrators group", NT, WG },
    { WinBuiltinDomainSid, L"", 5, 1, 0, { 32 }, L"BUILTIN", L"", SidTypeDomain },
    { WinBuiltinAdministratorsSid, L"BA", 5, 2, 0, { 32, 544 }, L"Administrators", BI, SidTypeAlias },
    { WinBuiltinUsersSid, L"BU", 5, 2, 0, { 32, 545 }, L"Users", BI, SidTypeAlias },
    { WinBuiltinGuestsSid, L"BG", 5, 2, 0, { 32, 546 }, L"Guests", BI, SidTypeAlias },
    { WinBuiltinPowerUsersSid, L"PU", 5, 2, 0, { 32, 547 }, L"Power Users", BI, SidTypeAlias },
    { WinBuiltinAccountOperatorsSid, L"AO", 5, 2, 0, { 32, 548 }, L"Account Operators", BI, SidTypeAlias },
    { WinBuiltinSystemOperatorsSid, L"SO", 5, 2, 0, { 32, 549 }, L"Server Operators", BI, SidTypeAlias },
    { WinBuiltinPrintOperatorsSid, L"PO", 5, 2, 0, { 32, 550 }, L"Print Operators", BI, SidTypeAlias },
    { WinBuiltinBackupOperatorsSid, L"BO", 5, 2, 0, { 32, 551 }, L"Backup Operators", BI, SidTypeAlias },
    { WinBuiltinReplicatorSid, L"RE", 5, 2, 0, { 32, 552 }, L"Replicator", BI, SidTypeAlias },
    { WinBuiltinRemoteDesktopUsersSid, L"RD", 5, 2, 0, { 32, 555 }, L"Remote Desktop Users", BI, SidTypeAlias },
    { WinBuiltinNetworkConfigurationOperatorsSid, L"NO", 5, 2, 0, { 32, 556 },
      L"Network Configuration Operators", BI, SidTypeAlias },
    { WinBuiltinPerfMonitoringUsersSid, L"MU", 5, 2, 0, { 32, 558 }, L"Performance Monitor Users", BI, SidTypeAlias },
    { WinBuiltinPerfLoggingUsersSid, L"LU", 5, 2, 0, { 32, 559 }, L"Performance Log Users", BI, SidTypeAlias },
    { WinBuiltinIUsersSid, L"IS", 5, 2, 0, { 32, 568 }, L"IIS_IUSRS", BI, SidTypeAlias },
    { WinBuiltinCryptoOperatorsSid, L"CY", 5, 2, 0, { 32, 569 }, L"Cryptographic Operators", BI, SidTypeAlias },
    { WinBuiltinEventLogReadersGroup, L"ER", 5, 2, 0, { 32, 573 }, L"Event Log Readers", BI, SidTypeAlias },
    { WinAccountAdministratorSid, L"LA", 5, 0, 1, { 500 }, L"Administrator", NULL, SidTypeUser },
    { WinAccountGuestSid, L"LG", 5, 0, 1, { 501 }, L"Guest", NULL, SidTypeUser },
    { WinUntrustedLabelSid, L"", 16, 1, 0, { 0 }, L"Untrusted Mandatory Level", ML, SidTypeLabel },
    { WinLowLabelSid, L"LW", 16, 1, 0, { 4096 }, L"Low Mandatory Level", ML, SidTypeLabel },
    { WinMediumLabelSid, L"ME", 16, 1, 0, { 8192 }, L"Medium Mandatory Level", ML, SidTypeLabel },
    { WinHighLabelSid, L"HI", 16, 1, 0, { 12288 }, L"High Mandatory Level", ML, SidTypeLabel },
    { WinSystemLabelSid, L"SI", 16, 1, 0, { 16384 }, L"System Mandatory Level", ML, SidTypeLabel },
};

const DWORD sec_wellknown_count = ARRAY_SIZE(sec_wellknown);
