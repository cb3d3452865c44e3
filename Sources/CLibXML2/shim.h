#ifndef REGRID_CLIBXML2_SHIM_H
#define REGRID_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would pull in the system ICU headers, which clash
   with the copy Foundation ships ('UErrorCode' has different definitions). Regrid never touches
   the ICU-dependent fields, so switch that part of the headers off before anything else. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#endif
