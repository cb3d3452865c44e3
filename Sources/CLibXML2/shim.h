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
#include <libxml/HTMLparser.h>
#include <stdarg.h>
#include <stdio.h>

/* libxml2 reports some errors (encoding conversion, I/O) through its per-thread *generic* error
   function, which prints to stderr and which Swift cannot replace (it is variadic). These keep the
   first such message of the current thread instead, for XMLStreamReader to report. */
static inline char *regrid_xml_generic_error_buffer(void) {
    static __thread char buffer[256];
    return buffer;
}

static void regrid_xml_generic_error_sink(void *ctx, const char *msg, ...) {
    (void)ctx;
    char *buffer = regrid_xml_generic_error_buffer();
    if (buffer[0] != 0 || msg == NULL) return;
    va_list args;
    va_start(args, msg);
    vsnprintf(buffer, 256, msg, args);
    va_end(args);
}

/* Routes this thread's generic libxml2 errors into the buffer, emptied. */
static inline void regrid_xml_capture_generic_errors(void) {
    regrid_xml_generic_error_buffer()[0] = 0;
    xmlSetGenericErrorFunc(NULL, regrid_xml_generic_error_sink);
}

/* The first generic error since the capture started ("" when none). */
static inline const char *regrid_xml_generic_error_message(void) {
    return regrid_xml_generic_error_buffer();
}
#endif
