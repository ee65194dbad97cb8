/*
 * Reference import for moss's benchmarks: the file system work of filling an asset store, and
 * nothing else (no decompression, no hashing, no .part files, no renames).
 * Reads a manifest listing a finished store in pre-order (a directory before what it holds):
 *   d <relative-path>                      directory, made 0755
 *   f <octal-mode> <relative-path>         file, its bytes read from SOURCE/<relative-path>
 * and recreates it under TARGET with mkdirat / openat / write / close, on THREADS threads, each
 * owning the top-level fan-out directories whose index modulo THREADS is its own.
 * usage: importref MANIFEST SOURCE TARGET THREADS
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { char kind; unsigned mode; char *path; int group; } entry;

static entry *entries;
static size_t count;
static int source_fd, target_fd, nthreads;

static void *worker(void *arg) {
    long id = (long) arg;
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    for (size_t i = 0; i < count; i++) {
        entry *e = &entries[i];
        if (e->group % nthreads != id) continue;
        if (e->kind == 'd') {
            if (mkdirat(target_fd, e->path, 0755)) { perror(e->path); exit(1); }
            continue;
        }
        int in = openat(source_fd, e->path, O_RDONLY);
        if (in < 0) { perror(e->path); exit(1); }
        int out = openat(target_fd, e->path, O_WRONLY | O_CREAT | O_EXCL, e->mode);
        if (out < 0) { perror(e->path); exit(1); }
        ssize_t n;
        while ((n = read(in, buf, cap)) > 0) {
            for (ssize_t done = 0; done < n;) {
                ssize_t w = write(out, buf + done, n - done);
                if (w < 0) { perror(e->path); exit(1); }
                done += w;
            }
        }
        if (n < 0) { perror(e->path); exit(1); }
        close(in);
        close(out);
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: importref MANIFEST SOURCE TARGET THREADS\n"); return 2; }
    FILE *m = fopen(argv[1], "r");
    if (!m) { perror(argv[1]); return 1; }
    size_t cap = 1 << 16;
    entries = malloc(cap * sizeof(entry));
    char *line = NULL; size_t len = 0;
    while (getline(&line, &len, m) > 0) {
        line[strcspn(line, "\n")] = 0;
        char kind = line[0];
        char *rest = line + 2, *path = rest;
        unsigned mode = 0;
        if (kind == 'f') {
            mode = (unsigned) strtoul(rest, &path, 8);
            path++;
        }
        if (count == cap) { cap *= 2; entries = realloc(entries, cap * sizeof(entry)); }
        /* group: the top-level fan-out directory (first path component), as a number */
        int group = 0;
        for (char *c = path; *c && *c != '/'; c++) group = group * 31 + (unsigned char) *c;
        entries[count++] = (entry){kind, mode, strdup(path), group < 0 ? -group : group};
    }
    source_fd = open(argv[2], O_RDONLY | O_DIRECTORY);
    if (source_fd < 0) { perror(argv[2]); return 1; }
    if (mkdir(argv[3], 0755)) { perror(argv[3]); return 1; }
    target_fd = open(argv[3], O_RDONLY | O_DIRECTORY);
    nthreads = atoi(argv[4]);
    if (nthreads < 1 || nthreads > 64) { fprintf(stderr, "THREADS must be 1-64\n"); return 2; }
    umask(0);
    pthread_t t[64];
    for (long i = 0; i < nthreads; i++) pthread_create(&t[i], NULL, worker, (void *) i);
    for (long i = 0; i < nthreads; i++) pthread_join(t[i], NULL);
    return 0;
}
