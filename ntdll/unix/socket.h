/*
 * ntdll/unix/socket.h — what the rest of ntdll's Unix side may call in
 * socket.c: the AFD device (\Device\Afd, whose IOCTL_AFD_POLL mio and
 * libuv use) for NtCreateFile and NtDeviceIoControlFile to hand over.
 */
#ifndef WLX_NTDLL_UNIX_SOCKET_H
#define WLX_NTDLL_UNIX_SOCKET_H

struct file;

/* \Device\Afd or a name under it (\Device\Afd\Mio) */
int socket_is_afd_name(const UNICODE_STRING *nt);
/* a handle to the AFD device: IOCTL_AFD_POLL requests go through it */
NTSTATUS socket_open_afd(HANDLE *handle, uint32_t attributes, IO_STATUS_BLOCK *io);
/* a file's descriptor is about to close: pending AFD polls look again when it is a socket */
void socket_poll_file_closing(int fd);
/* NtDeviceIoControlFile of a socket or AFD handle; STATUS_INVALID_DEVICE_REQUEST
   for what is neither */
NTSTATUS socket_ioctl(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                      uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len);

#endif
