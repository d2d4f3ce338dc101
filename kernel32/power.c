/*
 * kernel32/power.c — power requests (PowerCreateRequest, PowerSetRequest,
 * PowerClearRequest: "keep the display / the system awake while I work")
 * and Beep.
 *
 * A power request is a handle the program closes with CloseHandle; here it
 * is an event object, set while any request type is active. Linux is not
 * kept awake by it (there is no portable way for an unprivileged process);
 * the calls check what Windows checks and count as Windows counts, so a
 * clear without a set fails. Beep has no speaker to drive: it lasts as long
 * as the tone would, as Windows' synchronous Beep does.
 */
#include "private.h"

#define REQUEST_TYPES 4   /* display, system, away mode, execution */

struct power_request { HANDLE event; LONG counts[REQUEST_TYPES]; struct power_request *next; };

static SRWLOCK requests_lock = SRWLOCK_INIT;
static struct power_request *requests;

HANDLE WINAPI PowerCreateRequest(REASON_CONTEXT *context)
{
    if (!context || context->Version != POWER_REQUEST_CONTEXT_VERSION ||
        (context->Flags & ~(POWER_REQUEST_CONTEXT_SIMPLE_STRING | POWER_REQUEST_CONTEXT_DETAILED_STRING)))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    struct power_request *r = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*r));
    if (!r || !(r->event = CreateEventW(NULL, TRUE, FALSE, NULL)))
    {
        HeapFree(GetProcessHeap(), 0, r);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    AcquireSRWLockExclusive(&requests_lock);
    r->next = requests;
    requests = r;
    ReleaseSRWLockExclusive(&requests_lock);
    return r->event;
}

/* under the lock: the request whose handle this is (a closed one's event
   handle value may have been reused: it is checked to be open) */
static struct power_request *find_request(HANDLE h)
{
    DWORD flags;
    if (!GetHandleInformation(h, &flags)) return NULL;
    for (struct power_request *r = requests; r; r = r->next)
        if (r->event == h) return r;
    return NULL;
}

static BOOL change_request(HANDLE h, POWER_REQUEST_TYPE type, int delta)
{
    BOOL done = FALSE;
    if ((unsigned)type >= REQUEST_TYPES) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    AcquireSRWLockExclusive(&requests_lock);
    struct power_request *r = find_request(h);
    if (!r) SetLastError(ERROR_INVALID_HANDLE);
    else if (delta < 0 && !r->counts[type]) SetLastError(ERROR_INVALID_PARAMETER);   /* nothing to clear */
    else
    {
        r->counts[type] += delta;
        LONG active = 0;
        for (int i = 0; i < REQUEST_TYPES; i++) active += r->counts[i];
        if (active) SetEvent(r->event); else ResetEvent(r->event);
        done = TRUE;
    }
    ReleaseSRWLockExclusive(&requests_lock);
    return done;
}

BOOL WINAPI PowerSetRequest(HANDLE request, POWER_REQUEST_TYPE type)
{
    return change_request(request, type, 1);
}

BOOL WINAPI PowerClearRequest(HANDLE request, POWER_REQUEST_TYPE type)
{
    return change_request(request, type, -1);
}

/* the tone's frequency must be audible to the PC speaker: 37 to 32767 Hz */
BOOL WINAPI Beep(DWORD frequency, DWORD duration)
{
    if (frequency < 0x25 || frequency > 0x7fff)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    Sleep(duration);
    return TRUE;
}
