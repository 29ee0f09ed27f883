/*
 * LD_PRELOAD library for caged runs with a seed. glibc reads the clock through the vDSO, which
 * never enters the kernel and so never reaches seccomp. These overrides make the same calls as real
 * system calls, which the cage's filter hands to the supervisor's seeded logical clock.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int clock_gettime(clockid_t clock_id, struct timespec *tp) {
    return (int) syscall(SYS_clock_gettime, clock_id, tp);
}

int __clock_gettime(clockid_t clock_id, struct timespec *tp) {
    return (int) syscall(SYS_clock_gettime, clock_id, tp);
}

int gettimeofday(struct timeval *tv, void *tz) {
    return (int) syscall(SYS_gettimeofday, tv, tz);
}

time_t time(time_t *tloc) {
    return (time_t) syscall(SYS_time, tloc);
}

int timespec_get(struct timespec *ts, int base) {
    if (base != TIME_UTC) return 0;
    return syscall(SYS_clock_gettime, CLOCK_REALTIME, ts) == 0 ? base : 0;
}
