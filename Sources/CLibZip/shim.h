#ifndef REGRID_CLIBZIP_SHIM_H
#define REGRID_CLIBZIP_SHIM_H
#include <zip.h>
#endif
