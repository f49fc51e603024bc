/* Test-harness shim, never shipped: Go >= 1.24 reads randomness through
 * bcryptprimitives.dll!ProcessPrng, which Debian's Wine 8 does not have.
 * This DLL gives it, built on advapi32's RtlGenRandom (SystemFunction036),
 * and `make test-windows` installs it into the test WINEPREFIX only.
 * Real Windows 10 and later have the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        size -= n;
    }
    return TRUE;
}
