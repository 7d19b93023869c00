/* The floor for the 10,000-files case: open, read and close every file in a folder, spread
 * over threads, and do nothing else (no parsing, no output). No checker that reads the files
 * can beat it; bench/run.sh prints how far the peer is from it.
 *   read_floor FOLDER THREADS */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **names;
static int count, folder, threads;

static void *read_share(void *arg) {
    long first = (long)arg, total = 0;
    char buffer[65536];
    for (int index = first; index < count; index += threads) {
        int descriptor = openat(folder, names[index], O_RDONLY | O_CLOEXEC);
        if (descriptor < 0) continue;
        ssize_t got;
        while ((got = read(descriptor, buffer, sizeof buffer)) > 0) total += got;
        close(descriptor);
    }
    return (void *)total;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: read_floor FOLDER THREADS\n"); return 2; }
    threads = atoi(argv[2]);
    if (threads < 1 || threads > 64) threads = 1;
    DIR *directory = opendir(argv[1]);
    if (!directory) { perror(argv[1]); return 2; }
    folder = dirfd(directory);
    size_t capacity = 1024;
    names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(directory))) {
        if (entry->d_name[0] == '.') continue;
        if ((size_t)count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    pthread_t workers[64];
    long total = 0;
    for (long index = 0; index < threads; index++) pthread_create(&workers[index], NULL, read_share, (void *)index);
    for (int index = 0; index < threads; index++) {
        void *bytes;
        pthread_join(workers[index], &bytes);
        total += (long)bytes;
    }
    printf("%d files, %ld bytes\n", count, total);
    return 0;
}
