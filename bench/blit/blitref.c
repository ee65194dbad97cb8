/*
 * Reference blit for moss's benchmarks: the bare system calls, nothing else.
 * Reads a manifest (one entry per line, parents before children):
 *   d <mode-octal> <path>            directory
 *   f <asset-relative-path> <path>   hardlink from the asset directory
 *   l <link-text> <path>             symlink
 * and builds the tree under TARGET with mkdirat/linkat/symlinkat, splitting the top-level
 * directories of the tree between THREADS threads (each subtree created by one thread).
 * usage: blitref MANIFEST ASSETS TARGET THREADS
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { char kind; char *a; char *path; unsigned mode; int group; } entry;

static entry *entries;
static size_t count;
static int assets_fd, target_fd, nthreads;

static void *worker(void *arg) {
    long id = (long) arg;
    for (size_t i = 0; i < count; i++) {
        entry *e = &entries[i];
        if (e->kind == 'd' && e->group == 0) continue; /* made up front */
        if (e->group % nthreads != id) continue;
        int rc = 0;
        switch (e->kind) {
        case 'd': rc = mkdirat(target_fd, e->path, e->mode); break;
        case 'f': rc = linkat(assets_fd, e->a, target_fd, e->path, 0); break;
        case 'l': rc = symlinkat(e->a, target_fd, e->path); break;
        }
        if (rc != 0) { perror(e->path); exit(1); }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: blitref MANIFEST ASSETS TARGET THREADS\n"); return 2; }
    FILE *m = fopen(argv[1], "r");
    if (!m) { perror(argv[1]); return 1; }
    size_t cap = 1 << 16;
    entries = malloc(cap * sizeof(entry));
    char *line = NULL; size_t len = 0;
    int group = 0; char top[4096] = "";
    while (getline(&line, &len, m) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *kind = strtok(line, " "), *a = strtok(NULL, " "), *path = strtok(NULL, "");
        if (!kind || !a || !path) continue;
        if (count == cap) { cap *= 2; entries = realloc(entries, cap * sizeof(entry)); }
        /* group = index of the top-level-but-one directory, so subtrees stay on one thread */
        char *slash = strchr(path, '/');
        char *slash2 = slash ? strchr(slash + 1, '/') : NULL;
        size_t toplen = slash2 ? (size_t)(slash2 - path) : strlen(path);
        if (strncmp(top, path, toplen) != 0 || top[toplen] != 0) {
            memcpy(top, path, toplen); top[toplen] = 0; group++;
        }
        entries[count++] = (entry){kind[0], strdup(a), strdup(path),
                                   kind[0] == 'd' ? (unsigned) strtoul(a, NULL, 8) : 0,
                                   slash2 || kind[0] != 'd' ? group : 0};
    }
    assets_fd = open(argv[2], O_RDONLY | O_DIRECTORY);
    mkdir(argv[3], 0755);
    target_fd = open(argv[3], O_RDONLY | O_DIRECTORY);
    nthreads = atoi(argv[4]);
    umask(0);
    /* top-level directories first, on this thread, so workers only need their own subtrees */
    for (size_t i = 0; i < count; i++)
        if (entries[i].kind == 'd' && entries[i].group == 0 && mkdirat(target_fd, entries[i].path, entries[i].mode)) {
            perror(entries[i].path); return 1;
        }
    pthread_t t[64];
    for (long i = 0; i < nthreads; i++) pthread_create(&t[i], NULL, worker, (void *) i);
    for (long i = 0; i < nthreads; i++) pthread_join(t[i], NULL);
    return 0;
}
