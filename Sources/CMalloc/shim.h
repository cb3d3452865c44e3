#ifndef REGRID_CMALLOC_SHIM_H
#define REGRID_CMALLOC_SHIM_H
// glibc's allocator settings (mallopt), for AllocatorTuning. Other C libraries: nothing.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
