#ifndef REGRID_CPOPPLER_SHIM_H
#define REGRID_CPOPPLER_SHIM_H
/* poppler-glib: PDF documents, pages and the text with its character boxes. Only
   Sources/RegridKit/Readers/PDF/PopplerDocument.swift uses it. */
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/* The quark of poppler's GError domain (POPPLER_ERROR is a macro Swift cannot see). */
static inline GQuark regrid_poppler_error_domain(void) { return poppler_error_quark(); }

/* Poppler reports syntax errors of damaged files through GLib's log ("Poppler" domain, warnings);
   Regrid turns failures into its own errors, so these are dropped instead of printed on stderr. */
static void regrid_poppler_log_sink(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline void regrid_poppler_silence_log(void) {
    g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
                      regrid_poppler_log_sink, NULL);
}
#endif
