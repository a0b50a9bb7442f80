/* Fault injection for the end-to-end tests: after RIDEALONG_FAIL_AFTER successful writes to regular
   files, every further write fails with ENOSPC, as on a full disk. Loaded with LD_PRELOAD. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static long budget = -2;

static int should_fail(int fd) {
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) return 0;
    if (budget == -2) {
        const char *value = getenv("RIDEALONG_FAIL_AFTER");
        budget = value ? atol(value) : -1;
    }
    if (budget < 0) return 0;
    if (budget == 0) return 1;
    budget--;
    return 0;
}

ssize_t write(int fd, const void *buffer, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "write");
    if (should_fail(fd)) { errno = ENOSPC; return -1; }
    return real(fd, buffer, count);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite64");
    if (should_fail(fd)) { errno = ENOSPC; return -1; }
    return real(fd, buffer, count, offset);
}
