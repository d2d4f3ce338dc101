/*
 * tests/kernel32/sockmsg.c — FormatMessage knows the system's Windows
 * Sockets messages (what Rust and Go programs print for a failed name
 * lookup or a refused connection).
 */
#include "test.h"

/* the system's English text of `id`, in buf */
static DWORD system_text(DWORD id, WCHAR *buf, DWORD size)
{
    return FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, id,
                          MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), buf, size, NULL);
}

int main(void)
{
    static const struct { DWORD id; const WCHAR *text; } tests[] =
    {
        { 11001, L"No such host is known.\r\n" },
        { 10061, L"No connection could be made because the target machine actively refused it.\r\n" },
        { 10054, L"An existing connection was forcibly closed by the remote host.\r\n" },
        { 10048, L"Only one usage of each socket address (protocol/network address/port) is normally permitted.\r\n" },
        { 10035, L"A non-blocking socket operation could not be completed immediately.\r\n" },
        { 10060, L"A connection attempt failed because the connected party did not properly respond after a "
                 L"period of time, or established connection failed because connected host has failed to respond.\r\n" },
    };
    WCHAR buf[512];
    unsigned int i;
    DWORD len;

    test_start("kernel32/sockmsg");
    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        len = system_text(tests[i].id, buf, ARRAYSIZE(buf));
        /* Wine 8 has texts of its own for some ("Host not found.") and none for others */
        todo_wine(len == wcslen(tests[i].text) && !wcscmp(buf, tests[i].text), "%lu: %lu %ls\n", tests[i].id, len,
           len ? buf : L"");
    }
    return test_summary();
}
