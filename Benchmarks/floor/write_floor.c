/* The floor for writing what a batch writes: regrid batch's output files and catalog rows,
 * written again with nothing else done. It loads a finished batch's outputs and rows into memory,
 * then, timed by getrusage, writes each document's output files the way regrid does (a hidden
 * temporary file, then rename) and inserts its row into a new SQLite catalog (WAL,
 * synchronous=NORMAL, the same table, one transaction per row), and prints the CPU it took.
 * Usage: write_floor BATCH_OUT DEST      (BATCH_OUT: a `regrid batch --out` folder; DEST: new)
 * Prints: "<docs> docs, write CPU <user+system ms> ms (user <u>, system <s>), <ms per doc> ms/doc" */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { char *name; unsigned char *bytes; size_t size; } output_t;
typedef struct { sqlite3_value **values; int n_outputs; output_t *outputs; } row_t;

static void die(const char *what, const char *detail) {
    fprintf(stderr, "write_floor: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static unsigned char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot read", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *bytes = malloc(n > 0 ? (size_t)n : 1);
    if (!bytes || fread(bytes, 1, (size_t)n, f) != (size_t)n) die("cannot read", path);
    fclose(f);
    *size = (size_t)n;
    return bytes;
}

/* The outputs column is a JSON array of relative paths without escapes: ["a/b.json","a/b.csv"]. */
static int parse_outputs(const char *json, const char *folder, output_t **out) {
    int count = 0, capacity = 4;
    *out = malloc(sizeof(output_t) * capacity);
    for (const char *p = strchr(json, '"'); p; p = strchr(p + 1, '"')) {
        const char *end = strchr(p + 1, '"');
        if (!end) break;
        if (count == capacity) *out = realloc(*out, sizeof(output_t) * (capacity *= 2));
        size_t len = (size_t)(end - p - 1);
        char *name = malloc(len + 1);
        memcpy(name, p + 1, len);
        name[len] = 0;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", folder, name);
        (*out)[count].name = name;
        (*out)[count].bytes = slurp(path, &(*out)[count].size);
        count++;
        p = end;
    }
    return count;
}

static double ms(struct timeval t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; }

static void make_parents(const char *path) {
    char buffer[4096];
    snprintf(buffer, sizeof buffer, "%s", path);
    for (char *slash = strchr(buffer + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(buffer, 0755) != 0 && errno != EEXIST) die("cannot create", buffer);
        *slash = '/';
    }
}

int main(int argc, char **argv) {
    if (argc != 3) die("usage: write_floor BATCH_OUT DEST", NULL);
    const char *source = argv[1], *dest = argv[2];
    char path[4096];
    snprintf(path, sizeof path, "%s/catalog.sqlite", source);
    sqlite3 *in;
    if (sqlite3_open_v2(path, &in, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) die("cannot open", path);
    sqlite3_stmt *schema, *select;
    if (sqlite3_prepare_v2(in, "SELECT sql FROM sqlite_master WHERE name = 'documents'", -1, &schema, NULL) != SQLITE_OK
        || sqlite3_step(schema) != SQLITE_ROW) die("no documents table in", path);
    char *create = strdup((const char *)sqlite3_column_text(schema, 0));
    sqlite3_finalize(schema);
    if (sqlite3_prepare_v2(in, "SELECT * FROM documents", -1, &select, NULL) != SQLITE_OK) die("cannot read", path);
    int columns = sqlite3_column_count(select), outputs_column = -1;
    for (int c = 0; c < columns; c++)
        if (strcmp(sqlite3_column_name(select, c), "outputs") == 0) outputs_column = c;
    if (outputs_column < 0) die("no outputs column in", path);
    int n = 0, capacity = 256;
    row_t *rows = malloc(sizeof(row_t) * capacity);
    while (sqlite3_step(select) == SQLITE_ROW) {
        if (n == capacity) rows = realloc(rows, sizeof(row_t) * (capacity *= 2));
        rows[n].values = malloc(sizeof(sqlite3_value *) * columns);
        for (int c = 0; c < columns; c++) rows[n].values[c] = sqlite3_value_dup(sqlite3_column_value(select, c));
        rows[n].n_outputs = parse_outputs((const char *)sqlite3_column_text(select, outputs_column), source, &rows[n].outputs);
        n++;
    }
    sqlite3_finalize(select);
    sqlite3_close(in);
    if (n == 0) die("no rows in", path);

    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    if (mkdir(dest, 0755) != 0 && errno != EEXIST) die("cannot create", dest);
    snprintf(path, sizeof path, "%s/catalog.sqlite", dest);
    sqlite3 *out;
    if (sqlite3_open(path, &out) != SQLITE_OK
        || sqlite3_exec(out, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK
        || sqlite3_exec(out, create, NULL, NULL, NULL) != SQLITE_OK
        || sqlite3_exec(out, "CREATE INDEX documents_by_status ON documents(status)", NULL, NULL, NULL) != SQLITE_OK)
        die("cannot create", path);
    char insert[512] = "INSERT INTO documents VALUES (?";
    for (int c = 1; c < columns; c++) strcat(insert, ", ?");
    strcat(insert, ")");
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(out, insert, -1, &statement, NULL) != SQLITE_OK) die("cannot prepare", sqlite3_errmsg(out));
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < rows[i].n_outputs; k++) {
            char final[4096], temporary[4096];
            snprintf(final, sizeof final, "%s/%s", dest, rows[i].outputs[k].name);
            if (i == 0) make_parents(final);
            char *slash = strrchr(final, '/');
            snprintf(temporary, sizeof temporary, "%.*s/.%s.partial", (int)(slash - final), final, slash + 1);
            int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0 || write(fd, rows[i].outputs[k].bytes, rows[i].outputs[k].size) != (ssize_t)rows[i].outputs[k].size
                || close(fd) != 0 || rename(temporary, final) != 0) die("cannot write", final);
        }
        for (int c = 0; c < columns; c++) sqlite3_bind_value(statement, c + 1, rows[i].values[c]);
        if (sqlite3_step(statement) != SQLITE_DONE) die("cannot insert", sqlite3_errmsg(out));
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    sqlite3_exec(out, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(out);
    getrusage(RUSAGE_SELF, &after);
    double user = ms(after.ru_utime) - ms(before.ru_utime), system = ms(after.ru_stime) - ms(before.ru_stime);
    printf("%d docs, write CPU %.1f ms (user %.1f, system %.1f), %.3f ms/doc\n", n, user + system, user, system,
           (user + system) / n);
    return 0;
}
