#ifndef REGRID_CLIBDEFLATE_SHIM_H
#define REGRID_CLIBDEFLATE_SHIM_H
// libdeflate: whole-buffer DEFLATE decompression and CRC-32, about twice as fast as zlib's
// streaming inflate on document parts (see ZipArchive).
#include <libdeflate.h>
#endif
