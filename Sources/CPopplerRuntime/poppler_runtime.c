/* poppler-glib through dlopen: see include/CPopplerRuntime.h. Only the few functions Regrid
   needs are looked up, with their signatures written out here from poppler-glib's and GLib's
   headers (GBytes, PopplerDocument and PopplerPage are opaque; GError's first three fields and
   PopplerRectangle are stable public layouts). */
#include "CPopplerRuntime.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t domain; /* GQuark */
    int code;
    char *message;
} regrid_gerror;

typedef void regrid_glog_func(const char *domain, int level, const char *message, void *data);

static struct {
    void *(*g_bytes_new)(const void *data, size_t size);
    void (*g_bytes_unref)(void *bytes);
    void (*g_object_unref)(void *object);
    void (*g_error_free)(regrid_gerror *error);
    void (*g_free)(void *pointer);
    unsigned int (*g_log_set_handler)(const char *domain, int levels, regrid_glog_func *handler, void *data);
    void *(*poppler_document_new_from_bytes)(void *bytes, const char *password, regrid_gerror **error);
    int (*poppler_document_get_n_pages)(void *document);
    void *(*poppler_document_get_page)(void *document, int index);
    void (*poppler_page_get_size)(void *page, double *width, double *height);
    char *(*poppler_page_get_text)(void *page);
    int (*poppler_page_get_text_layout)(void *page, regrid_pdf_rect **rectangles, unsigned int *count);
    uint32_t (*poppler_error_quark)(void);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_failure[768];

struct regrid_pdf_document {
    void *bytes;    /* GBytes, kept for the document's life */
    void *document; /* PopplerDocument */
};

/* Poppler reports syntax errors of damaged files through GLib's log ("Poppler" domain);
   Regrid turns failures into its own errors, so these are dropped instead of printed. */
static void drop_log(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void *open_library(void) {
    const char *chosen = getenv("REGRID_POPPLER_LIBRARY");
    if (chosen && *chosen) {
        void *handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char *reason = dlerror();
            snprintf(load_failure, sizeof load_failure, "REGRID_POPPLER_LIBRARY=%s cannot be loaded (%s)", chosen,
                     reason ? reason : "no reason given");
        }
        return handle;
    }
    static const char *const names[] = {
        "libpoppler-glib.so.8", "libpoppler-glib.so",
        "libpoppler-glib.8.dylib", "/opt/homebrew/lib/libpoppler-glib.8.dylib", "/usr/local/lib/libpoppler-glib.8.dylib",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    snprintf(load_failure, sizeof load_failure, "poppler-glib (libpoppler-glib.so.8) is not installed");
    return NULL;
}

#define FIND(name) \
    do { \
        *(void **)(&api.name) = dlsym(handle, #name); \
        if (!api.name) { \
            snprintf(load_failure, sizeof load_failure, "the poppler-glib library found lacks %s", #name); \
            return; \
        } \
    } while (0)

static void load(void) {
    void *handle = open_library();
    if (!handle) return;
    FIND(g_bytes_new);
    FIND(g_bytes_unref);
    FIND(g_object_unref);
    FIND(g_error_free);
    FIND(g_free);
    FIND(g_log_set_handler);
    FIND(poppler_document_new_from_bytes);
    FIND(poppler_document_get_n_pages);
    FIND(poppler_document_get_page);
    FIND(poppler_page_get_size);
    FIND(poppler_page_get_text);
    FIND(poppler_page_get_text_layout);
    FIND(poppler_error_quark);
    /* G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION: every level. */
    api.g_log_set_handler("Poppler", ~0, drop_log, NULL);
    loaded = 1;
}

int regrid_poppler_load(const char **why) {
    pthread_once(&load_once, load);
    if (!loaded && why) *why = load_failure;
    return loaded;
}

static char *copy_message(const char *text) {
    if (!text) return NULL;
    size_t length = strlen(text);
    char *copy = malloc(length + 1);
    if (copy) memcpy(copy, text, length + 1);
    return copy;
}

regrid_pdf_document *regrid_pdf_open(const void *bytes, size_t count, regrid_pdf_error_kind *kind, char **message) {
    *kind = REGRID_PDF_OTHER_ERROR;
    *message = NULL;
    if (!regrid_poppler_load(NULL)) {
        *message = copy_message(load_failure);
        return NULL;
    }
    regrid_pdf_document *result = calloc(1, sizeof *result);
    if (!result) return NULL;
    result->bytes = api.g_bytes_new(bytes, count);
    if (!result->bytes) {
        free(result);
        return NULL;
    }
    regrid_gerror *error = NULL;
    result->document = api.poppler_document_new_from_bytes(result->bytes, NULL, &error);
    if (!result->document) {
        if (error) {
            *message = copy_message(error->message);
            if (error->domain == api.poppler_error_quark()) {
                switch (error->code) {
                case 0: *kind = REGRID_PDF_INVALID; break;
                case 1: *kind = REGRID_PDF_ENCRYPTED; break;
                case 3: *kind = REGRID_PDF_BAD_CATALOG; break;
                case 4: *kind = REGRID_PDF_DAMAGED; break;
                default: break;
                }
            }
            api.g_error_free(error);
        }
        api.g_bytes_unref(result->bytes);
        free(result);
        return NULL;
    }
    if (error) api.g_error_free(error);
    *kind = REGRID_PDF_OPENED;
    return result;
}

void regrid_pdf_close(regrid_pdf_document *document) {
    if (!document) return;
    api.g_object_unref(document->document);
    api.g_bytes_unref(document->bytes);
    free(document);
}

int regrid_pdf_page_count(regrid_pdf_document *document) {
    return api.poppler_document_get_n_pages(document->document);
}

void *regrid_pdf_page_open(regrid_pdf_document *document, int index) {
    return api.poppler_document_get_page(document->document, index);
}

void regrid_pdf_page_close(void *page) {
    if (page) api.g_object_unref(page);
}

void regrid_pdf_page_size(void *page, double *width, double *height) {
    api.poppler_page_get_size(page, width, height);
}

char *regrid_pdf_page_text(void *page) {
    return api.poppler_page_get_text(page);
}

int regrid_pdf_page_boxes(void *page, regrid_pdf_rect **boxes, unsigned int *count) {
    return api.poppler_page_get_text_layout(page, boxes, count);
}

void regrid_pdf_free(void *pointer) {
    if (pointer && api.g_free) api.g_free(pointer);
}

void regrid_pdf_free_message(char *message) {
    free(message);
}
