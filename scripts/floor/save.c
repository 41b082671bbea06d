/* The save floor of scripts/bench: what a save of the journal costs a program that does nothing
   else. It takes the same steps as lumbar's JournalStore.update, in C with no parsing:
   lock file (flock), read the whole journal, write it to a private temp file beside it, fsync,
   hard-link the current file as backup .1, rename the temp over the journal, fsync the directory.
   The bytes written are the bytes read plus one check-in line, about what `lumbar checkin` adds.

   usage: save-floor JOURNAL */
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static const char line[] =
    ",\n{\"id\":\"0b1e964d-e63e-492d-9b33-54c3f03973ea\",\"date\":\"2026-03-02\","
    "\"at\":\"2026-03-02T21:00:00+01:00\",\"pain\":3,\"updatedAt\":\"2026-03-02T21:00:00+01:00\"}";

static int fail(const char *what, const char *path) {
    fprintf(stderr, "save-floor: cannot %s %s\n", what, path);
    return 74;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: save-floor JOURNAL\n");
        return 64;
    }
    const char *path = argv[1];
    char lock[4096], temp[4096], backup[4096], dir[4096];
    snprintf(lock, sizeof lock, "%s.lock", path);
    snprintf(temp, sizeof temp, "%s.tmp-%d", path, (int)getpid());
    snprintf(backup, sizeof backup, "%s.1", path);
    snprintf(dir, sizeof dir, "%s", path);
    char *folder = dirname(dir);

    int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lfd < 0 || flock(lfd, LOCK_EX) != 0) return fail("lock", lock);

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) return fail("open", path);
    size_t size = (size_t)st.st_size;
    char *bytes = malloc(size + sizeof line + 1);
    if (!bytes) return fail("allocate for", path);
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, bytes + got, size - got);
        if (n <= 0) return fail("read", path);
        got += (size_t)n;
    }
    close(fd);

    /* One more entry before the end of the check-ins array: the last "\n]" before "assessments". */
    size_t out = size;
    char *end = memmem(bytes, size, "\n],\n\"assessments\"", 17);
    if (end) {
        size_t at = (size_t)(end - bytes);
        memmove(bytes + at + sizeof line - 1, bytes + at, size - at);
        memcpy(bytes + at, line, sizeof line - 1);
        out += sizeof line - 1;
    }

    int tfd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (tfd < 0 || fchmod(tfd, 0600) != 0) return fail("create", temp);
    size_t written = 0;
    while (written < out) {
        ssize_t n = write(tfd, bytes + written, out - written);
        if (n <= 0) return fail("write", temp);
        written += (size_t)n;
    }
    if (fsync(tfd) != 0 || close(tfd) != 0) return fail("sync", temp);
    unlink(backup);
    if (link(path, backup) != 0) return fail("keep a backup of", path);
    if (rename(temp, path) != 0) return fail("replace", path);
    int dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || fsync(dfd) != 0) return fail("sync", folder);
    close(dfd);
    close(lfd);
    free(bytes);
    return 0;
}
