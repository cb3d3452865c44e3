#ifndef REGRID_CPOPPLER_RUNTIME_H
#define REGRID_CPOPPLER_RUNTIME_H
/* poppler-glib, loaded at run time (dlopen) the first time a PDF is read, so that a regrid that
   never reads a PDF does not load poppler, GLib, cairo, NSS and their forty libraries at start-up
   (6 ms per process). Only Sources/RegridKit/Readers/PDF/PopplerDocument.swift uses this. The
   library is the one named by $REGRID_POPPLER_LIBRARY, else libpoppler-glib.so.8 (Debian/Ubuntu
   libpoppler-glib8) or the Homebrew dylib. */
#include <stddef.h>

/* A character's box on its page, in points (poppler's PopplerRectangle). */
typedef struct regrid_pdf_rect {
    double x1, y1, x2, y2;
} regrid_pdf_rect;

/* Why a PDF could not be opened (poppler's PopplerError codes, and what is not one of them). */
typedef enum regrid_pdf_error_kind {
    REGRID_PDF_OPENED = 0,
    REGRID_PDF_INVALID = 1,
    REGRID_PDF_ENCRYPTED = 2,
    REGRID_PDF_BAD_CATALOG = 3,
    REGRID_PDF_DAMAGED = 4,
    REGRID_PDF_OTHER_ERROR = 5
} regrid_pdf_error_kind;

typedef struct regrid_pdf_document regrid_pdf_document;

/* Loads poppler-glib once per process (thread-safe). 1 when every function was found; else 0,
   and *why (when not NULL) points at a message that stays valid for the process's life. */
int regrid_poppler_load(const char **why);

/* Opens the PDF in bytes[0..<count] (the bytes are copied). NULL on failure, with *kind set and
   *message a malloc'd reason (free it with regrid_pdf_free_message) or NULL. */
regrid_pdf_document *regrid_pdf_open(const void *bytes, size_t count, regrid_pdf_error_kind *kind, char **message);
void regrid_pdf_close(regrid_pdf_document *document);
int regrid_pdf_page_count(regrid_pdf_document *document);

/* A page (0-based), NULL when it cannot be loaded; close it with regrid_pdf_page_close. */
void *regrid_pdf_page_open(regrid_pdf_document *document, int index);
void regrid_pdf_page_close(void *page);
void regrid_pdf_page_size(void *page, double *width, double *height);
/* The page's text, UTF-8; free with regrid_pdf_free. */
char *regrid_pdf_page_text(void *page);
/* One box per character of regrid_pdf_page_text; 1 on success (free *boxes with regrid_pdf_free). */
int regrid_pdf_page_boxes(void *page, regrid_pdf_rect **boxes, unsigned int *count);
/* Frees what poppler allocated (g_free). */
void regrid_pdf_free(void *pointer);
/* Frees a message of regrid_pdf_open. */
void regrid_pdf_free_message(char *message);
#endif
