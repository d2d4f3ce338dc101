/*
 * kernel32/format.c — FormatMessageW/A.
 *
 * Sections: the system message table (texts of the common Win32 errors, each
 * ending in CRLF as Windows' own), message-table resources, insert
 * formatting (%1..%99 with !printf! specs, %0 %n %r %t %% %. %! %space),
 * line-width handling, and the W/A entry points.
 *
 * Inserts are formatted with ntdll's _snwprintf (msvcrt semantics: in a wide
 * format %s is a WCHAR string, %hs a char string).
 */
#ifndef _KERNEL32_
#define _KERNEL32_
#endif
#include <windows.h>
#include <stdarg.h>

/* ntdll exports */
int __cdecl _snwprintf( WCHAR *buf, size_t count, const WCHAR *fmt, ... );
void WINAPI RtlSetLastWin32Error( DWORD err );
PVOID WINAPI RtlAllocateHeap( HANDLE heap, ULONG flags, SIZE_T size );
BOOLEAN WINAPI RtlFreeHeap( HANDLE heap, ULONG flags, PVOID ptr );
size_t __cdecl strlen( const char *s );
size_t __cdecl wcslen( const WCHAR *s );
void *__cdecl memcpy( void *dst, const void *src, size_t n );

#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235
#endif

static DWORD fail( DWORD err )
{
    RtlSetLastWin32Error( err );
    return 0;
}

/* ======================================================================
 * system messages
 * ====================================================================== */

struct system_message
{
    DWORD        id;
    const WCHAR *text;
};

/* sorted by id; the English (United States) texts */
static const struct system_message system_messages[] =
{
    { 0, L"The operation completed successfully.\r\n" },
    { 1, L"Incorrect function.\r\n" },
    { 2, L"The system cannot find the file specified.\r\n" },
    { 3, L"The system cannot find the path specified.\r\n" },
    { 4, L"The system cannot open the file.\r\n" },
    { 5, L"Access is denied.\r\n" },
    { 6, L"The handle is invalid.\r\n" },
    { 7, L"The storage control blocks were destroyed.\r\n" },
    { 8, L"Not enough memory resources are available to process this command.\r\n" },
    { 9, L"The storage control block address is invalid.\r\n" },
    { 10, L"The environment is incorrect.\r\n" },
    { 11, L"An attempt was made to load a program with an incorrect format.\r\n" },
    { 12, L"The access code is invalid.\r\n" },
    { 13, L"The data is invalid.\r\n" },
    { 14, L"Not enough memory resources are available to complete this operation.\r\n" },
    { 15, L"The system cannot find the drive specified.\r\n" },
    { 16, L"The directory cannot be removed.\r\n" },
    { 17, L"The system cannot move the file to a different disk drive.\r\n" },
    { 18, L"There are no more files.\r\n" },
    { 19, L"The media is write protected.\r\n" },
    { 20, L"The system cannot find the device specified.\r\n" },
    { 21, L"The device is not ready.\r\n" },
    { 22, L"The device does not recognize the command.\r\n" },
    { 23, L"Data error (cyclic redundancy check).\r\n" },
    { 24, L"The program issued a command but the command length is incorrect.\r\n" },
    { 25, L"The drive cannot locate a specific area or track on the disk.\r\n" },
    { 26, L"The specified disk or diskette cannot be accessed.\r\n" },
    { 27, L"The drive cannot find the sector requested.\r\n" },
    { 28, L"The printer is out of paper.\r\n" },
    { 29, L"The system cannot write to the specified device.\r\n" },
    { 30, L"The system cannot read from the specified device.\r\n" },
    { 31, L"A device attached to the system is not functioning.\r\n" },
    { 32, L"The process cannot access the file because it is being used by another process.\r\n" },
    { 33, L"The process cannot access the file because another process has locked a portion of the file.\r\n" },
    { 34, L"The wrong diskette is in the drive. Insert %2 (Volume Serial Number: %3) into drive %1.\r\n" },
    { 36, L"Too many files opened for sharing.\r\n" },
    { 38, L"Reached the end of the file.\r\n" },
    { 39, L"The disk is full.\r\n" },
    { 50, L"The request is not supported.\r\n" },
    { 51, L"Windows cannot find the network path. Verify that the network path is correct and the destination computer is not busy or turned off. If Windows still cannot find the network path, contact your network administrator.\r\n" },
    { 52, L"You were not connected because a duplicate name exists on the network. If joining a domain, go to System in Control Panel to change the computer name and try again. If joining a workgroup, choose another workgroup name.\r\n" },
    { 53, L"The network path was not found.\r\n" },
    { 54, L"The network is busy.\r\n" },
    { 55, L"The specified network resource or device is no longer available.\r\n" },
    { 57, L"A network adapter hardware error occurred.\r\n" },
    { 58, L"The specified server cannot perform the requested operation.\r\n" },
    { 59, L"An unexpected network error occurred.\r\n" },
    { 64, L"The specified network name is no longer available.\r\n" },
    { 65, L"Network access is denied.\r\n" },
    { 67, L"The network name cannot be found.\r\n" },
    { 80, L"The file exists.\r\n" },
    { 82, L"The directory or file cannot be created.\r\n" },
    { 83, L"Fail on INT 24.\r\n" },
    { 84, L"Storage to process this request is not available.\r\n" },
    { 85, L"The local device name is already in use.\r\n" },
    { 86, L"The specified network password is not correct.\r\n" },
    { 87, L"The parameter is incorrect.\r\n" },
    { 88, L"A write fault occurred on the network.\r\n" },
    { 89, L"The system cannot start another process at this time.\r\n" },
    { 100, L"Cannot create another system semaphore.\r\n" },
    { 101, L"The exclusive semaphore is owned by another process.\r\n" },
    { 102, L"The semaphore is set and cannot be closed.\r\n" },
    { 103, L"The semaphore cannot be set again.\r\n" },
    { 104, L"Cannot request exclusive semaphores at interrupt time.\r\n" },
    { 105, L"The previous ownership of this semaphore has ended.\r\n" },
    { 107, L"The program stopped because an alternate diskette was not inserted.\r\n" },
    { 108, L"The disk is in use or locked by another process.\r\n" },
    { 109, L"The pipe has been ended.\r\n" },
    { 110, L"The system cannot open the device or file specified.\r\n" },
    { 111, L"The file name is too long.\r\n" },
    { 112, L"There is not enough space on the disk.\r\n" },
    { 113, L"No more internal file identifiers available.\r\n" },
    { 114, L"The target internal file identifier is incorrect.\r\n" },
    { 117, L"The IOCTL call made by the application program is not correct.\r\n" },
    { 118, L"The verify-on-write switch parameter value is not correct.\r\n" },
    { 119, L"The system does not support the command requested.\r\n" },
    { 120, L"This function is not supported on this system.\r\n" },
    { 121, L"The semaphore timeout period has expired.\r\n" },
    { 122, L"The data area passed to a system call is too small.\r\n" },
    { 123, L"The filename, directory name, or volume label syntax is incorrect.\r\n" },
    { 124, L"The system call level is not correct.\r\n" },
    { 125, L"The disk has no volume label.\r\n" },
    { 126, L"The specified module could not be found.\r\n" },
    { 127, L"The specified procedure could not be found.\r\n" },
    { 128, L"There are no child processes to wait for.\r\n" },
    { 129, L"The %1 application cannot be run in Win32 mode.\r\n" },
    { 130, L"Attempt to use a file handle to an open disk partition for an operation other than raw disk I/O.\r\n" },
    { 131, L"An attempt was made to move the file pointer before the beginning of the file.\r\n" },
    { 132, L"The file pointer cannot be set on the specified device or file.\r\n" },
    { 133, L"A JOIN or SUBST command cannot be used for a drive that contains previously joined drives.\r\n" },
    { 134, L"An attempt was made to use a JOIN or SUBST command on a drive that has already been joined.\r\n" },
    { 135, L"An attempt was made to use a JOIN or SUBST command on a drive that has already been substituted.\r\n" },
    { 136, L"The system tried to delete the JOIN of a drive that is not joined.\r\n" },
    { 137, L"The system tried to delete the substitution of a drive that is not substituted.\r\n" },
    { 138, L"The system tried to join a drive to a directory on a joined drive.\r\n" },
    { 139, L"The system tried to substitute a drive to a directory on a substituted drive.\r\n" },
    { 140, L"The system tried to join a drive to a directory on a substituted drive.\r\n" },
    { 141, L"The system tried to SUBST a drive to a directory on a joined drive.\r\n" },
    { 142, L"The system cannot perform a JOIN or SUBST at this time.\r\n" },
    { 143, L"The system cannot join or substitute a drive to or for a directory on the same drive.\r\n" },
    { 144, L"The directory is not a subdirectory of the root directory.\r\n" },
    { 145, L"The directory is not empty.\r\n" },
    { 146, L"The path specified is being used in a substitute.\r\n" },
    { 147, L"Not enough resources are available to process this command.\r\n" },
    { 148, L"The path specified cannot be used at this time.\r\n" },
    { 149, L"An attempt was made to join or substitute a drive for which a directory on the drive is the target of a previous substitute.\r\n" },
    { 150, L"System trace information was not specified in your CONFIG.SYS file, or tracing is disallowed.\r\n" },
    { 151, L"The number of specified semaphore events for DosMuxSemWait is not correct.\r\n" },
    { 152, L"DosMuxSemWait did not execute; too many semaphores are already set.\r\n" },
    { 153, L"The DosMuxSemWait list is not correct.\r\n" },
    { 154, L"The volume label you entered exceeds the label character limit of the target file system.\r\n" },
    { 155, L"Cannot create another thread.\r\n" },
    { 156, L"The recipient process has refused the signal.\r\n" },
    { 157, L"The segment is already discarded and cannot be locked.\r\n" },
    { 158, L"The segment is already unlocked.\r\n" },
    { 159, L"The address for the thread ID is not correct.\r\n" },
    { 160, L"One or more arguments are not correct.\r\n" },
    { 161, L"The specified path is invalid.\r\n" },
    { 162, L"A signal is already pending.\r\n" },
    { 164, L"No more threads can be created in the system.\r\n" },
    { 167, L"Unable to lock a region of a file.\r\n" },
    { 170, L"The requested resource is in use.\r\n" },
    { 173, L"A lock request was not outstanding for the supplied cancel region.\r\n" },
    { 174, L"The file system does not support atomic changes to the lock type.\r\n" },
    { 180, L"The system detected a segment number that was not correct.\r\n" },
    { 182, L"The operating system cannot run %1.\r\n" },
    { 183, L"Cannot create a file when that file already exists.\r\n" },
    { 186, L"The flag passed is not correct.\r\n" },
    { 187, L"The specified system semaphore name was not found.\r\n" },
    { 193, L"%1 is not a valid Win32 application.\r\n" },
    { 202, L"The operating system cannot run this application program.\r\n" },
    { 203, L"The system could not find the environment option that was entered.\r\n" },
    { 205, L"No process in the command subtree has a signal handler.\r\n" },
    { 206, L"The filename or extension is too long.\r\n" },
    { 208, L"The global filename characters, * or ?, are entered incorrectly or too many global filename characters are specified.\r\n" },
    { 212, L"The segment is locked and cannot be reallocated.\r\n" },
    { 214, L"Too many dynamic-link modules are attached to this program or dynamic-link module.\r\n" },
    { 215, L"Cannot nest calls to LoadModule.\r\n" },
    { 216, L"This version of %1 is not compatible with the version of Windows you're running. Check your computer's system information and then contact the software publisher.\r\n" },
    { 230, L"The pipe state is invalid.\r\n" },
    { 231, L"All pipe instances are busy.\r\n" },
    { 232, L"The pipe is being closed.\r\n" },
    { 233, L"No process is on the other end of the pipe.\r\n" },
    { 234, L"More data is available.\r\n" },
    { 240, L"The session was canceled.\r\n" },
    { 254, L"The specified extended attribute name was invalid.\r\n" },
    { 255, L"The extended attributes are inconsistent.\r\n" },
    { 258, L"The wait operation timed out.\r\n" },
    { 259, L"No more data is available.\r\n" },
    { 266, L"The copy functions cannot be used.\r\n" },
    { 267, L"The directory name is invalid.\r\n" },
    { 275, L"The extended attributes did not fit in the buffer.\r\n" },
    { 276, L"The extended attribute file on the mounted file system is corrupt.\r\n" },
    { 277, L"The extended attribute table file is full.\r\n" },
    { 278, L"The specified extended attribute handle is invalid.\r\n" },
    { 282, L"The mounted file system does not support extended attributes.\r\n" },
    { 288, L"Attempt to release mutex not owned by caller.\r\n" },
    { 298, L"Too many posts were made to a semaphore.\r\n" },
    { 299, L"Only part of a ReadProcessMemory or WriteProcessMemory request was completed.\r\n" },
    { 300, L"The oplock request is denied.\r\n" },
    { 301, L"An invalid oplock acknowledgment was received by the system.\r\n" },
    { 302, L"The volume is too fragmented to complete this operation.\r\n" },
    { 303, L"The file cannot be opened because it is in the process of being deleted.\r\n" },
    { 317, L"The system cannot find message text for message number 0x%1 in the message file for %2.\r\n" },
    { 318, L"The scope specified was not found.\r\n" },
    { 350, L"No action was taken as a system reboot is required.\r\n" },
    { 487, L"Attempt to access invalid address.\r\n" },
    { 534, L"Arithmetic result exceeded 32 bits.\r\n" },
    { 535, L"There is a process on other end of the pipe.\r\n" },
    { 536, L"Waiting for a process to open the other end of the pipe.\r\n" },
    { 537, L"Application verifier has found an error in the current process.\r\n" },
    { 995, L"The I/O operation has been aborted because of either a thread exit or an application request.\r\n" },
    { 996, L"Overlapped I/O event is not in a signaled state.\r\n" },
    { 997, L"Overlapped I/O operation is in progress.\r\n" },
    { 998, L"Invalid access to memory location.\r\n" },
    { 999, L"Error performing inpage operation.\r\n" },
    { 1001, L"Recursion too deep; the stack overflowed.\r\n" },
    { 1002, L"The window cannot act on the sent message.\r\n" },
    { 1003, L"Cannot complete this function.\r\n" },
    { 1004, L"Invalid flags.\r\n" },
    { 1005, L"The volume does not contain a recognized file system.%nPlease make sure that all required file system drivers are loaded and that the volume is not corrupted.\r\n" },
    { 1006, L"The volume for a file has been externally altered so that the opened file is no longer valid.\r\n" },
    { 1007, L"The requested operation cannot be performed in full-screen mode.\r\n" },
    { 1008, L"An attempt was made to reference a token that does not exist.\r\n" },
    { 1009, L"The configuration registry database is corrupt.\r\n" },
    { 1010, L"The configuration registry key is invalid.\r\n" },
    { 1011, L"The configuration registry key could not be opened.\r\n" },
    { 1012, L"The configuration registry key could not be read.\r\n" },
    { 1013, L"The configuration registry key could not be written.\r\n" },
    { 1014, L"One of the files in the registry database had to be recovered by use of a log or alternate copy. The recovery was successful.\r\n" },
    { 1015, L"The registry is corrupted. The structure of one of the files containing registry data is corrupted, or the system's memory image of the file is corrupted, or the file could not be recovered because the alternate copy or log was absent or corrupted.\r\n" },
    { 1016, L"An I/O operation initiated by the registry failed unrecoverably. The registry could not read in, or write out, or flush, one of the files that contain the system's image of the registry.\r\n" },
    { 1017, L"The system has attempted to load or restore a file into the registry, but the specified file is not in a registry file format.\r\n" },
    { 1018, L"Illegal operation attempted on a registry key that has been marked for deletion.\r\n" },
    { 1019, L"System could not allocate the required space in a registry log.\r\n" },
    { 1020, L"Cannot create a symbolic link in a registry key that already has subkeys or values.\r\n" },
    { 1021, L"Cannot create a stable subkey under a volatile parent key.\r\n" },
    { 1051, L"A stop control has been sent to a service that other running services are dependent on.\r\n" },
    { 1052, L"The requested control is not valid for this service.\r\n" },
    { 1053, L"The service did not respond to the start or control request in a timely fashion.\r\n" },
    { 1054, L"A thread could not be created for the service.\r\n" },
    { 1055, L"The service database is locked.\r\n" },
    { 1056, L"An instance of the service is already running.\r\n" },
    { 1057, L"The account name is invalid or does not exist, or the password is invalid for the account name specified.\r\n" },
    { 1058, L"The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.\r\n" },
    { 1059, L"Circular service dependency was specified.\r\n" },
    { 1060, L"The specified service does not exist as an installed service.\r\n" },
    { 1061, L"The service cannot accept control messages at this time.\r\n" },
    { 1062, L"The service has not been started.\r\n" },
    { 1063, L"The service process could not connect to the service controller.\r\n" },
    { 1064, L"An exception occurred in the service when handling the control request.\r\n" },
    { 1065, L"The database specified does not exist.\r\n" },
    { 1066, L"The service has returned a service-specific error code.\r\n" },
    { 1067, L"The process terminated unexpectedly.\r\n" },
    { 1068, L"The dependency service or group failed to start.\r\n" },
    { 1069, L"The service did not start due to a logon failure.\r\n" },
    { 1070, L"After starting, the service hung in a start-pending state.\r\n" },
    { 1071, L"The specified service database lock is invalid.\r\n" },
    { 1072, L"The specified service has been marked for deletion.\r\n" },
    { 1073, L"The specified service already exists.\r\n" },
    { 1078, L"The name is already in use as either a service name or a service display name.\r\n" },
    { 1113, L"No mapping for the Unicode character exists in the target multi-byte code page.\r\n" },
    { 1114, L"A dynamic link library (DLL) initialization routine failed.\r\n" },
    { 1115, L"A system shutdown is in progress.\r\n" },
    { 1150, L"The specified program requires a newer version of Windows.\r\n" },
    { 1155, L"No application is associated with the specified file for this operation.\r\n" },
    { 1157, L"One of the library files needed to run this application cannot be found.\r\n" },
    { 1168, L"Element not found.\r\n" },
    { 1169, L"There was no match for the specified key in the index.\r\n" },
    { 1170, L"The property set specified does not exist on the object.\r\n" },
    { 1200, L"The specified device name is invalid.\r\n" },
    { 1203, L"The network path was either typed incorrectly, does not exist, or the network provider is not currently available. Please try retyping the path or contact your network administrator.\r\n" },
    { 1204, L"The specified network provider name is invalid.\r\n" },
    { 1208, L"An extended error has occurred.\r\n" },
    { 1210, L"The format of the specified computer name is invalid.\r\n" },
    { 1212, L"The format of the specified domain name is invalid.\r\n" },
    { 1219, L"Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.\r\n" },
    { 1222, L"The network is not present or not started.\r\n" },
    { 1223, L"The operation was canceled by the user.\r\n" },
    { 1224, L"The requested operation cannot be performed on a file with a user-mapped section open.\r\n" },
    { 1225, L"The remote computer refused the network connection.\r\n" },
    { 1229, L"An operation was attempted on a nonexistent network connection.\r\n" },
    { 1231, L"The network location cannot be reached. For information about network troubleshooting, see Windows Help.\r\n" },
    { 1232, L"The network location cannot be reached. For information about network troubleshooting, see Windows Help.\r\n" },
    { 1235, L"The request was aborted.\r\n" },
    { 1236, L"The network connection was aborted by the local system.\r\n" },
    { 1237, L"The operation could not be completed. A retry should be performed.\r\n" },
    { 1238, L"A connection to the server could not be made because the limit on the number of concurrent connections for this account has been reached.\r\n" },
    { 1243, L"The specified service does not exist.\r\n" },
    { 1244, L"The operation being requested was not performed because the user has not been authenticated.\r\n" },
    { 1260, L"This program is blocked by group policy. For more information, contact your system administrator.\r\n" },
    { 1275, L"This driver has been blocked from loading\r\n" },
    { 1284, L"The requested operation can be performed only if a debugger is attached.\r\n" },
    { 1285, L"An error occurred while executing the delay-load of a DLL.\r\n" },
    { 1300, L"Not all privileges or groups referenced are assigned to the caller.\r\n" },
    { 1314, L"A required privilege is not held by the client.\r\n" },
    { 1326, L"The user name or password is incorrect.\r\n" },
    { 1327, L"Account restrictions are preventing this user from signing in. For example: blank passwords aren't allowed, sign-in times are limited, or a policy restriction has been enforced.\r\n" },
    { 1330, L"The password for this account has expired.\r\n" },
    { 1331, L"This user can't sign in because this account is currently disabled.\r\n" },
    { 1332, L"No mapping between account names and security IDs was done.\r\n" },
    { 1336, L"The access control list (ACL) structure is invalid.\r\n" },
    { 1337, L"The security ID structure is invalid.\r\n" },
    { 1338, L"The security descriptor structure is invalid.\r\n" },
    { 1346, L"Either a required impersonation level was not provided, or the provided impersonation level is invalid.\r\n" },
    { 1349, L"The type of the token is inappropriate for its attempted use.\r\n" },
    { 1359, L"An internal error occurred.\r\n" },
    { 1392, L"The file or directory is corrupted and unreadable.\r\n" },
    { 1400, L"Invalid window handle.\r\n" },
    { 1401, L"Invalid menu handle.\r\n" },
    { 1402, L"Invalid cursor handle.\r\n" },
    { 1403, L"Invalid accelerator table handle.\r\n" },
    { 1404, L"Invalid hook handle.\r\n" },
    { 1405, L"Invalid handle to a multiple-window position structure.\r\n" },
    { 1406, L"Cannot create a top-level child window.\r\n" },
    { 1407, L"Cannot find window class.\r\n" },
    { 1408, L"Invalid window; it belongs to other thread.\r\n" },
    { 1409, L"Hot key is already registered.\r\n" },
    { 1410, L"Class already exists.\r\n" },
    { 1411, L"Class does not exist.\r\n" },
    { 1412, L"Class still has open windows.\r\n" },
    { 1413, L"Invalid index.\r\n" },
    { 1414, L"Invalid icon handle.\r\n" },
    { 1418, L"Thread does not have a clipboard open.\r\n" },
    { 1420, L"Window is not a child window.\r\n" },
    { 1421, L"Control ID not found.\r\n" },
    { 1422, L"Invalid message for a combo box because it does not have an edit control.\r\n" },
    { 1426, L"Invalid hook procedure type.\r\n" },
    { 1427, L"Invalid hook procedure.\r\n" },
    { 1428, L"Cannot set nonlocal hook without a module handle.\r\n" },
    { 1444, L"Invalid thread identifier.\r\n" },
    { 1445, L"Cannot process a message from a window that is not a multiple document interface (MDI) window.\r\n" },
    { 1450, L"Insufficient system resources exist to complete the requested service.\r\n" },
    { 1453, L"Insufficient quota to complete the requested service.\r\n" },
    { 1455, L"The paging file is too small for this operation to complete.\r\n" },
    { 1460, L"This operation returned because the timeout period expired.\r\n" },
    { 1500, L"The event log file is corrupted.\r\n" },
    { 1722, L"The RPC server is unavailable.\r\n" },
    { 1812, L"The specified image file did not contain a resource section.\r\n" },
    { 1813, L"The specified resource type cannot be found in the image file.\r\n" },
    { 1814, L"The specified resource name cannot be found in the image file.\r\n" },
    { 1815, L"The specified resource language ID cannot be found in the image file.\r\n" },
    { 1816, L"Not enough quota is available to process this command.\r\n" },
    { 2250, L"This network connection does not exist.\r\n" },
    { 2401, L"There are open files or requests pending on this connection.\r\n" },
    { 2404, L"The device is in use by an active process and cannot be disconnected.\r\n" },
    { 4317, L"The operation identifier is not valid.\r\n" },
    { 4390, L"The file or directory is not a reparse point.\r\n" },
    /* Windows Sockets (WSAE*, WSAHOST_NOT_FOUND...): what Rust and Go print for network errors */
    { 10004, L"A blocking operation was interrupted by a call to WSACancelBlockingCall.\r\n" },
    { 10009, L"The file handle supplied is not valid.\r\n" },
    { 10013, L"An attempt was made to access a socket in a way forbidden by its access permissions.\r\n" },
    { 10014, L"The system detected an invalid pointer address in attempting to use a pointer argument in a call.\r\n" },
    { 10022, L"An invalid argument was supplied.\r\n" },
    { 10024, L"Too many open sockets.\r\n" },
    { 10035, L"A non-blocking socket operation could not be completed immediately.\r\n" },
    { 10036, L"A blocking operation is currently executing.\r\n" },
    { 10037, L"An operation was attempted on a non-blocking socket that already had an operation in progress.\r\n" },
    { 10038, L"An operation was attempted on something that is not a socket.\r\n" },
    { 10039, L"A required address was omitted from an operation on a socket.\r\n" },
    { 10040, L"A message sent on a datagram socket was larger than the internal message buffer or some other network limit, or the buffer used to receive a datagram into was smaller than the datagram itself.\r\n" },
    { 10041, L"A protocol was specified in the socket function call that does not support the semantics of the socket type requested.\r\n" },
    { 10042, L"An unknown, invalid, or unsupported option or level was specified in a getsockopt or setsockopt call.\r\n" },
    { 10043, L"The requested protocol has not been configured into the system, or no implementation for it exists.\r\n" },
    { 10044, L"The support for the specified socket type does not exist in this address family.\r\n" },
    { 10045, L"The attempted operation is not supported for the type of object referenced.\r\n" },
    { 10046, L"The protocol family has not been configured into the system or no implementation for it exists.\r\n" },
    { 10047, L"An address incompatible with the requested protocol was used.\r\n" },
    { 10048, L"Only one usage of each socket address (protocol/network address/port) is normally permitted.\r\n" },
    { 10049, L"The requested address is not valid in its context.\r\n" },
    { 10050, L"A socket operation encountered a dead network.\r\n" },
    { 10051, L"A socket operation was attempted to an unreachable network.\r\n" },
    { 10052, L"The connection has been broken due to keep-alive activity detecting a failure while the operation was in progress.\r\n" },
    { 10053, L"An established connection was aborted by the software in your host machine.\r\n" },
    { 10054, L"An existing connection was forcibly closed by the remote host.\r\n" },
    { 10055, L"An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full.\r\n" },
    { 10056, L"A connect request was made on an already connected socket.\r\n" },
    { 10057, L"A request to send or receive data was disallowed because the socket is not connected and (when sending on a datagram socket using a sendto call) no address was supplied.\r\n" },
    { 10058, L"A request to send or receive data was disallowed because the socket had already been shut down in that direction with a previous shutdown call.\r\n" },
    { 10060, L"A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.\r\n" },
    { 10061, L"No connection could be made because the target machine actively refused it.\r\n" },
    { 10064, L"A socket operation failed because the destination host was down.\r\n" },
    { 10065, L"A socket operation was attempted to an unreachable host.\r\n" },
    { 10091, L"WSAStartup cannot function at this time because the underlying system it uses to provide network services is currently unavailable.\r\n" },
    { 10092, L"The Windows Sockets version requested is not supported.\r\n" },
    { 10093, L"Either the application has not called WSAStartup, or WSAStartup failed.\r\n" },
    { 11001, L"No such host is known.\r\n" },
    { 11002, L"This is usually a temporary error during hostname resolution and means that the local server did not receive a response from an authoritative server.\r\n" },
    { 11003, L"A non-recoverable error occurred during a database lookup.\r\n" },
    { 11004, L"The requested name is valid, but no data of the requested type was found.\r\n" },
};

static const WCHAR *find_system_message( DWORD id )
{
    int lo = 0, hi = sizeof(system_messages) / sizeof(system_messages[0]) - 1;

    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        if (system_messages[mid].id == id) return system_messages[mid].text;
        if (system_messages[mid].id < id) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

/* only English texts exist: a request for another language fails as when
 * Windows has no resource in that language */
static BOOL english_or_neutral( DWORD lang )
{
    WORD primary = PRIMARYLANGID( LANGIDFROMLCID( lang ) );
    return !lang || primary == LANG_NEUTRAL || primary == LANG_ENGLISH;
}

/* ======================================================================
 * message-table resources (RT_MESSAGETABLE)
 * ====================================================================== */

/* Finds id in a MESSAGE_RESOURCE_DATA blob; *unicode tells the text's
 * encoding. The blocks give id ranges and the offset of their entries;
 * each entry is a length (bytes, including itself), flags (1 = Unicode)
 * and the text. */
static const void *find_table_message( const BYTE *data, DWORD id, BOOL *unicode )
{
    const MESSAGE_RESOURCE_DATA *table = (const MESSAGE_RESOURCE_DATA *)data;
    DWORD i;

    for (i = 0; i < table->NumberOfBlocks; i++)
    {
        const MESSAGE_RESOURCE_BLOCK *block = &table->Blocks[i];
        const BYTE *entry;
        DWORD n;

        if (id < block->LowId || id > block->HighId) continue;
        entry = data + block->OffsetToEntries;
        for (n = block->LowId; n < id; n++) entry += ((const MESSAGE_RESOURCE_ENTRY *)entry)->Length;
        *unicode = ((const MESSAGE_RESOURCE_ENTRY *)entry)->Flags & 1;
        return ((const MESSAGE_RESOURCE_ENTRY *)entry)->Text;
    }
    return NULL;
}

/* The text of message id in the module's message table (NULL: the
 * program's), in a heap string; *err says why there is none: no table
 * (ERROR_RESOURCE_TYPE_NOT_FOUND), not in that language
 * (ERROR_RESOURCE_LANG_NOT_FOUND), no such id (ERROR_MR_MID_NOT_FOUND).
 * Language 0 takes the default search (tests/kernel32/msgtable.c). */
static WCHAR *load_module_message( HMODULE module, DWORD id, DWORD lang, DWORD *err )
{
    const void *text;
    const BYTE *data;
    WCHAR *copy;
    HRSRC res;
    BOOL unicode;
    WORD flags;
    int len;

    if (!module) module = GetModuleHandleW( NULL );
    if (lang) res = FindResourceExW( module, (LPCWSTR)RT_MESSAGETABLE, MAKEINTRESOURCEW(1), LANGIDFROMLCID( lang ) );
    else res = FindResourceW( module, MAKEINTRESOURCEW(1), (LPCWSTR)RT_MESSAGETABLE );
    if (!res || !(data = LockResource( LoadResource( module, res ) )))
    {
        *err = GetLastError() == ERROR_RESOURCE_LANG_NOT_FOUND ? ERROR_RESOURCE_LANG_NOT_FOUND
                                                              : ERROR_RESOURCE_TYPE_NOT_FOUND;
        return NULL;
    }
    if (!(text = find_table_message( data, id, &unicode )))
    {
        *err = ERROR_MR_MID_NOT_FOUND;
        return NULL;
    }
    flags = ((const MESSAGE_RESOURCE_ENTRY *)((const BYTE *)text - FIELD_OFFSET( MESSAGE_RESOURCE_ENTRY, Text )))->Flags;
    if (unicode)
    {
        len = lstrlenW( text ) + 1;
        if (!(copy = RtlAllocateHeap( GetProcessHeap(), 0, len * sizeof(WCHAR) ))) goto oom;
        memcpy( copy, text, len * sizeof(WCHAR) );
        return copy;
    }
    /* flags 2: UTF-8 (Windows 10's mc -u8); 0: the ANSI code page */
    len = MultiByteToWideChar( flags & 2 ? CP_UTF8 : CP_ACP, 0, text, -1, NULL, 0 );
    if (!(copy = RtlAllocateHeap( GetProcessHeap(), 0, len * sizeof(WCHAR) ))) goto oom;
    MultiByteToWideChar( flags & 2 ? CP_UTF8 : CP_ACP, 0, text, -1, copy, len );
    return copy;
oom:
    *err = ERROR_NOT_ENOUGH_MEMORY;
    return NULL;
}

/* ======================================================================
 * formatting
 * ====================================================================== */

struct out_buf
{
    WCHAR *buf;
    size_t len;
    size_t cap;
    BOOL   failed;     /* allocation failure */
};

static void out_grow( struct out_buf *o, size_t need )
{
    WCHAR *bigger;
    size_t cap = o->cap ? o->cap : 128;

    while (cap < need) cap *= 2;
    if (!(bigger = RtlAllocateHeap( GetProcessHeap(), 0, cap * sizeof(WCHAR) )))
    {
        o->failed = TRUE;
        return;
    }
    if (o->buf)
    {
        memcpy( bigger, o->buf, o->len * sizeof(WCHAR) );
        RtlFreeHeap( GetProcessHeap(), 0, o->buf );
    }
    o->buf = bigger;
    o->cap = cap;
}

static void out_chars( struct out_buf *o, const WCHAR *str, size_t n )
{
    if (o->failed) return;
    if (o->len + n + 1 > o->cap) out_grow( o, o->len + n + 1 );
    if (o->failed) return;
    memcpy( o->buf + o->len, str, n * sizeof(WCHAR) );
    o->len += n;
}

static void memmove_w( WCHAR *dst, const WCHAR *src, size_t n )
{
    while (n--) dst[n] = src[n];   /* dst > src here */
}

static void out_char( struct out_buf *o, WCHAR ch )
{
    out_chars( o, &ch, 1 );
}

/* where the insert arguments come from */
struct args
{
    BOOL             ansi;        /* FormatMessageA: !s! is a char string */
    const DWORD_PTR *array;       /* FORMAT_MESSAGE_ARGUMENT_ARRAY */
    va_list         *list;
    DWORD_PTR        seen[100];   /* values taken from the va_list so far */
    int              count;
};

/* argument n (1-based); a va_list is read in order up to n */
static DWORD_PTR get_arg( struct args *a, int n )
{
    if (a->array) return a->array[n - 1];
    while (a->count < n && a->count < 100) a->seen[a->count++] = va_arg( *a->list, DWORD_PTR );
    return a->seen[n - 1];
}

/* Builds the printf format for an insert's !spec!; FormatMessageA's
 * s/S/c/C mean char/WCHAR, which a wide printf spells hs/ls/hc/lc. */
static void build_format( const WCHAR *spec, int len, BOOL ansi, WCHAR *fmt )
{
    int i, n = 0;

    fmt[n++] = '%';
    for (i = 0; i < len && n < 30; i++)
    {
        WCHAR c = spec[i];
        if (i == len - 1 && ansi && (c == 's' || c == 'c')) fmt[n++] = 'h';
        if (i == len - 1 && ansi && (c == 'S' || c == 'C'))
        {
            fmt[n++] = 'l';
            c += 'a' - 'A';
        }
        fmt[n++] = c;
    }
    fmt[n] = 0;
}

/* formats insert n with spec; '*' widths and precisions take the
 * following arguments, the value comes after them */
static BOOL format_insert( struct out_buf *o, struct args *a, int n, const WCHAR *spec, int speclen )
{
    WCHAR fmt[40], tmp[512];
    int stars = 0, i, len;
    DWORD_PTR v[3];

    for (i = 0; i < speclen; i++) if (spec[i] == '*') stars++;
    if (stars > 2 || n + stars > 99) return FALSE;
    build_format( spec, speclen, a->ansi, fmt );
    for (i = 0; i <= stars; i++) v[i] = get_arg( a, n + i );
    switch (stars)
    {
    case 0:  len = _snwprintf( tmp, 511, fmt, v[0] ); break;
    case 1:  len = _snwprintf( tmp, 511, fmt, (int)v[0], v[1] ); break;
    default: len = _snwprintf( tmp, 511, fmt, (int)v[0], (int)v[1], v[2] ); break;
    }
    if (len < 0) len = 511;   /* truncated: keep what fits */
    out_chars( o, tmp, len );
    return TRUE;
}

/* Expands the message text. Returns FALSE (with *err) on a malformed insert
 * or missing arguments. */
static BOOL expand_message( struct out_buf *o, const WCHAR *text, DWORD flags, struct args *a, DWORD *err )
{
    DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    const WCHAR *p = text;

    while (*p)
    {
        if (*p == '\r' || *p == '\n')
        {
            /* a line break of the text itself: kept, or a space when a
             * width is given */
            if (*p == '\r' && p[1] == '\n') p++;
            p++;
            if (width) out_char( o, ' ' );
            else out_chars( o, L"\r\n", 2 );
            continue;
        }
        if (*p != '%') { out_char( o, *p++ ); continue; }
        p++;
        if (!*p) { *err = ERROR_INVALID_PARAMETER; return FALSE; }   /* a lone % at the end */
        if (*p >= '1' && *p <= '9')
        {
            const WCHAR *start = p - 1, *spec = L"s";
            int n = *p++ - '0', speclen = 1;

            if (*p >= '0' && *p <= '9') n = n * 10 + *p++ - '0';
            if (flags & FORMAT_MESSAGE_IGNORE_INSERTS)
            {
                /* %1..%99 pass through; a !spec! after it is plain text */
                out_chars( o, start, p - start );
                continue;
            }
            if (*p == '!')
            {
                const WCHAR *end = p + 1;
                while (*end && *end != '!') end++;
                if (!*end) { *err = ERROR_INVALID_PARAMETER; return FALSE; }
                spec = p + 1;
                speclen = end - spec;
                p = end + 1;
            }
            if (!a->array && !a->list) { *err = ERROR_INVALID_PARAMETER; return FALSE; }
            if (!format_insert( o, a, n, spec, speclen )) { *err = ERROR_INVALID_PARAMETER; return FALSE; }
            continue;
        }
        switch (*p)
        {
        case '0': return TRUE;                        /* ends the message, no line break */
        case 'n': out_chars( o, L"\r\n", 2 ); p++; break;
        case 'r': out_char( o, '\r' ); p++; break;
        case 't': out_char( o, '\t' ); p++; break;
        default:
            /* %% %. %! %space give the character; under IGNORE_INSERTS
             * they stay as they are */
            if (flags & FORMAT_MESSAGE_IGNORE_INSERTS) out_char( o, '%' );
            out_char( o, *p++ );
            break;
        }
    }
    return TRUE;
}

/* FORMAT_MESSAGE_MAX_WIDTH_MASK values 1..254: a line reaching width
 * characters breaks at its last space (never at its leading blanks); a word
 * longer than the line breaks after it, at the next space or at the end */
static void wrap_lines( struct out_buf *o, DWORD width )
{
    struct out_buf w = { 0 };
    size_t i, line_start = 0, last_space = (size_t)-1;
    BOOL seen_text = FALSE, pending = FALSE;

    for (i = 0; i < o->len && !w.failed; i++)
    {
        WCHAR c = o->buf[i];
        if (c == ' ' && pending)
        {
            out_chars( &w, L"\r\n", 2 );
            line_start = w.len;
            last_space = (size_t)-1;
            seen_text = pending = FALSE;
            continue;
        }
        if (c == '\n') { line_start = w.len + 1; last_space = (size_t)-1; seen_text = pending = FALSE; }
        else if (c == ' ' && seen_text) last_space = w.len;
        else if (c != ' ' && c != '\r') seen_text = TRUE;
        out_char( &w, c );
        if (w.len - line_start < width || pending || w.failed) continue;
        if (last_space == (size_t)-1) { pending = TRUE; continue; }
        /* replace the last space by a line break */
        out_char( &w, 0 );
        if (w.failed) break;
        memmove_w( w.buf + last_space + 2, w.buf + last_space + 1, w.len - last_space - 2 );
        w.buf[last_space] = '\r';
        w.buf[last_space + 1] = '\n';
        line_start = last_space + 2;
        last_space = (size_t)-1;
        if (w.len - line_start >= width) pending = TRUE;
    }
    if (pending) out_chars( &w, L"\r\n", 2 );
    if (w.failed) { o->failed = TRUE; return; }
    RtlFreeHeap( GetProcessHeap(), 0, o->buf );
    *o = w;
}

/* the message text for flags/source/id, as a string to expand */
static const WCHAR *message_text( DWORD flags, LPCVOID source, DWORD id, DWORD lang, WCHAR **allocated,
                                  DWORD *err )
{
    *allocated = NULL;
    /* FORMAT_MESSAGE_FROM_STRING wins over the other sources */
    if (flags & FORMAT_MESSAGE_FROM_STRING) return source;
    if (flags & FORMAT_MESSAGE_FROM_HMODULE)
    {
        WCHAR *text = load_module_message( (HMODULE)source, id, lang, err );
        if (text) return *allocated = text;
        if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM)) return NULL;
    }
    if (flags & FORMAT_MESSAGE_FROM_SYSTEM)
    {
        const WCHAR *text;
        if (!english_or_neutral( lang )) { *err = ERROR_RESOURCE_LANG_NOT_FOUND; return NULL; }
        if ((text = find_system_message( id ))) return text;
        *err = ERROR_MR_MID_NOT_FOUND;
        return NULL;
    }
    *err = ERROR_INVALID_PARAMETER;
    return NULL;
}

/* Formats into a heap string (caller frees o->buf); returns FALSE with the
 * error already set */
static BOOL format_message( DWORD flags, LPCVOID source, DWORD id, DWORD lang, struct args *a,
                            struct out_buf *o )
{
    WCHAR *allocated;
    const WCHAR *text;
    DWORD err = 0, width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    BOOL ok;

    o->buf = NULL;
    o->len = o->cap = 0;
    o->failed = FALSE;
    if (!(text = message_text( flags, source, id, lang, &allocated, &err ))) return fail( err );
    ok = expand_message( o, text, flags, a, &err );
    if (allocated) RtlFreeHeap( GetProcessHeap(), 0, allocated );
    if (ok && width && width != FORMAT_MESSAGE_MAX_WIDTH_MASK) wrap_lines( o, width );
    if (ok && o->failed) err = ERROR_NOT_ENOUGH_MEMORY;
    if (!ok || o->failed)
    {
        RtlFreeHeap( GetProcessHeap(), 0, o->buf );
        o->buf = NULL;
        return fail( err );
    }
    /* nothing to output is a failure of its own */
    if (!o->len)
    {
        RtlFreeHeap( GetProcessHeap(), 0, o->buf );
        return fail( ERROR_NO_WORK_DONE );
    }
    out_char( o, 0 );   /* terminator, not counted */
    if (o->failed)
    {
        RtlFreeHeap( GetProcessHeap(), 0, o->buf );
        return fail( ERROR_NOT_ENOUGH_MEMORY );
    }
    o->len--;
    return TRUE;
}

/* ======================================================================
 * entry points
 * ====================================================================== */

DWORD WINAPI FormatMessageW( DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buffer, DWORD size,
                             va_list *list )
{
    struct args a = { FALSE, NULL, NULL };
    struct out_buf o;
    DWORD len;

    if (!buffer) return fail( ERROR_INVALID_PARAMETER );
    if ((flags & FORMAT_MESSAGE_FROM_STRING) && !source) return fail( ERROR_INVALID_PARAMETER );
    if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) a.array = (const DWORD_PTR *)list;
    else a.list = list;
    if (!format_message( flags, source, id, lang, &a, &o )) return 0;
    len = o.len;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
    {
        DWORD chars = len + 1 > size ? len + 1 : size;
        WCHAR *out = LocalAlloc( LMEM_FIXED, chars * sizeof(WCHAR) );
        if (!out) { RtlFreeHeap( GetProcessHeap(), 0, o.buf ); return fail( ERROR_NOT_ENOUGH_MEMORY ); }
        memcpy( out, o.buf, (len + 1) * sizeof(WCHAR) );
        *(WCHAR **)buffer = out;
    }
    else if (len + 1 > size)
    {
        RtlFreeHeap( GetProcessHeap(), 0, o.buf );
        return fail( ERROR_INSUFFICIENT_BUFFER );
    }
    else memcpy( buffer, o.buf, (len + 1) * sizeof(WCHAR) );
    RtlFreeHeap( GetProcessHeap(), 0, o.buf );
    return len;
}

/* FormatMessageA: the source string comes in the ANSI code page, string
 * inserts are char strings, and the result goes back to ANSI */
DWORD WINAPI FormatMessageA( DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPSTR buffer, DWORD size,
                             va_list *list )
{
    struct args a = { TRUE, NULL, NULL };
    struct out_buf o;
    WCHAR *wsource = NULL;
    int len;

    if (!buffer) return fail( ERROR_INVALID_PARAMETER );
    if (flags & FORMAT_MESSAGE_FROM_STRING)
    {
        int n;
        if (!source) return fail( ERROR_INVALID_PARAMETER );
        n = MultiByteToWideChar( CP_ACP, 0, source, -1, NULL, 0 );
        if (!(wsource = RtlAllocateHeap( GetProcessHeap(), 0, n * sizeof(WCHAR) ))) return fail( ERROR_NOT_ENOUGH_MEMORY );
        MultiByteToWideChar( CP_ACP, 0, source, -1, wsource, n );
        source = wsource;
    }
    if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) a.array = (const DWORD_PTR *)list;
    else a.list = list;
    if (!format_message( flags, source, id, lang, &a, &o ))
    {
        if (wsource) RtlFreeHeap( GetProcessHeap(), 0, wsource );
        return 0;
    }
    if (wsource) RtlFreeHeap( GetProcessHeap(), 0, wsource );
    len = WideCharToMultiByte( CP_ACP, 0, o.buf, o.len + 1, NULL, 0, NULL, NULL );
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
    {
        DWORD bytes = (DWORD)len > size ? (DWORD)len : size;
        char *out = LocalAlloc( LMEM_FIXED, bytes );
        if (!out) { RtlFreeHeap( GetProcessHeap(), 0, o.buf ); return fail( ERROR_NOT_ENOUGH_MEMORY ); }
        WideCharToMultiByte( CP_ACP, 0, o.buf, o.len + 1, out, len, NULL, NULL );
        *(char **)buffer = out;
    }
    else if ((DWORD)len > size)
    {
        RtlFreeHeap( GetProcessHeap(), 0, o.buf );
        return fail( ERROR_INSUFFICIENT_BUFFER );
    }
    else WideCharToMultiByte( CP_ACP, 0, o.buf, o.len + 1, buffer, size, NULL, NULL );
    RtlFreeHeap( GetProcessHeap(), 0, o.buf );
    return len - 1;
}
