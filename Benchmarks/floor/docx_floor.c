/* The floor for reading DOCX: open each package with libzip and stream word/document.xml
 * through libxml2's xmlTextReader, touching every node and doing nothing else.
 * Usage: docx_floor FILE.docx...   (prints the node count; exit 1 if a file cannot be read) */
#include <stdio.h>
#include <zip.h>
#include <libxml/xmlreader.h>

static int read_entry(void *ctx, char *buffer, int len) {
    zip_int64_t n = zip_fread((zip_file_t *)ctx, buffer, (zip_uint64_t)len);
    return n < 0 ? -1 : (int)n;
}

int main(int argc, char **argv) {
    long nodes = 0;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        int err = 0;
        zip_t *zip = zip_open(argv[i], ZIP_RDONLY, &err);
        if (!zip) { fprintf(stderr, "%s: cannot open\n", argv[i]); failed = 1; continue; }
        zip_file_t *entry = zip_fopen(zip, "word/document.xml", 0);
        if (!entry) { fprintf(stderr, "%s: no word/document.xml\n", argv[i]); zip_close(zip); failed = 1; continue; }
        xmlTextReaderPtr reader = xmlReaderForIO(read_entry, NULL, entry, argv[i], NULL,
                                                 XML_PARSE_NONET | XML_PARSE_COMPACT);
        int status;
        while (reader && (status = xmlTextReaderRead(reader)) == 1) nodes++;
        if (!reader || status != 0) { fprintf(stderr, "%s: XML error\n", argv[i]); failed = 1; }
        if (reader) xmlFreeTextReader(reader);
        zip_fclose(entry);
        zip_close(zip);
    }
    printf("%ld nodes\n", nodes);
    return failed;
}
