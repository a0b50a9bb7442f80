/* Fault injection for the end-to-end tests, loaded with LD_PRELOAD:
   RIDEALONG_FAIL_AFTER=N   after N successful writes to regular files, every write fails with ENOSPC
                            (a full disk);
   RIDEALONG_READ_ONLY=1    every open for writing fails with EROFS (a read-only file system). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
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

static int read_only(int flags) {
    const char *value = getenv("RIDEALONG_READ_ONLY");
    return value && value[0] == '1' && (flags & (O_WRONLY | O_RDWR | O_CREAT));
}

/* open and open64 with the folder made read-only when asked: `symbol` names the real function. */
static int open_checked(const char *symbol, int (**real)(const char *, int, ...), const char *path, int flags, mode_t mode) {
    if (!*real) *real = dlsym(RTLD_NEXT, symbol);
    if (read_only(flags)) { errno = EROFS; return -1; }
    return (*real)(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    static int (*real)(const char *, int, ...);
    va_list args;
    va_start(args, flags);
    mode_t mode = (flags & O_CREAT) ? va_arg(args, mode_t) : 0;
    va_end(args);
    return open_checked("open64", &real, path, flags, mode);
}

int open(const char *path, int flags, ...) {
    static int (*real)(const char *, int, ...);
    va_list args;
    va_start(args, flags);
    mode_t mode = (flags & O_CREAT) ? va_arg(args, mode_t) : 0;
    va_end(args);
    return open_checked("open", &real, path, flags, mode);
}
