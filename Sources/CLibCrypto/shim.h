#ifndef REGRID_CLIBCRYPTO_SHIM_H
#define REGRID_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto, only for its SHA-256 (which uses the CPU's SHA instructions where there are any).
#include <openssl/evp.h>
#endif
