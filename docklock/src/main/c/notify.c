/*
 * The seccomp user-notification supervisor. Syscalls the filter sends here are either emulated
 * (time from a seeded logical clock, seeded getrandom) or denied with EPERM and recorded, so a
 * denial shows up in the run's result instead of only in the workload's own error output.
 */
#define _GNU_SOURCE
#include "cage.h"

#include <errno.h>
#include <jni.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define JNI_FN(name) Java_dev_metanode_docklock_internal_NativeCage_##name
#define DENIED_KINDS_MAX 64
#define RANDOM_CHUNK_BYTES_MAX 65536
#define CLOCK_STEP_NS 1000000LL /* every reading advances the logical clock by 1 ms */
#define REALTIME_BASE_S 1577836800LL /* 2020-01-01T00:00:00Z, plus a seed-derived offset */
#define MONOTONIC_BASE_S 1000LL

struct logical_clock {
    int64_t realtime_base_ns;
    int64_t monotonic_base_ns;
    int64_t readings;
};

static int64_t clock_now(struct logical_clock *c, int clock_id) {
    c->readings++;
    int64_t offset = c->readings * CLOCK_STEP_NS;
    switch (clock_id) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
    case CLOCK_TAI:
        return c->realtime_base_ns + offset;
    default: /* monotonic, boottime, and cpu-time clocks all read the same logical counter */
        return c->monotonic_base_ns + offset;
    }
}

static int write_child(pid_t pid, uint64_t addr, const void *data, size_t len) {
    struct iovec local = {(void *) data, len};
    struct iovec remote = {(void *) (uintptr_t) addr, len};
    ssize_t n = process_vm_writev(pid, &local, 1, &remote, 1, 0);
    return n == (ssize_t) len ? 0 : -EFAULT;
}

static void emulate(struct seccomp_notif *req, struct seccomp_notif_resp *resp, struct logical_clock *clock,
        uint64_t *random_state, uint64_t *chunk, int fd) {
    const __u64 *a = req->data.args;
    pid_t pid = (pid_t) req->pid;
    if (ioctl(fd, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) < 0) return;
    switch (req->data.nr) {
    case SYS_clock_gettime: {
        int64_t ns = clock_now(clock, (int) a[0]);
        struct timespec ts = {ns / 1000000000LL, ns % 1000000000LL};
        resp->error = a[1] ? write_child(pid, a[1], &ts, sizeof ts) : -EFAULT;
        break;
    }
    case SYS_gettimeofday: {
        int64_t ns = clock_now(clock, CLOCK_REALTIME);
        struct timeval tv = {ns / 1000000000LL, (ns % 1000000000LL) / 1000};
        int64_t zone[1] = {0};
        if (a[0]) resp->error = write_child(pid, a[0], &tv, sizeof tv);
        if (!resp->error && a[1]) resp->error = write_child(pid, a[1], zone, sizeof zone);
        break;
    }
    case SYS_time: {
        int64_t s = clock_now(clock, CLOCK_REALTIME) / 1000000000LL;
        if (a[0]) resp->error = write_child(pid, a[0], &s, sizeof s);
        resp->val = s;
        break;
    }
    case SYS_getrandom: {
        size_t len = a[1] < RANDOM_CHUNK_BYTES_MAX ? (size_t) a[1] : RANDOM_CHUNK_BYTES_MAX;
        for (size_t i = 0; i < (len + 7) / 8; i++) chunk[i] = cage_splitmix(random_state);
        resp->error = len ? write_child(pid, a[0], chunk, len) : 0;
        resp->val = (int64_t) len;
        break;
    }
    }
}

static int is_emulated(int nr) {
    return nr == SYS_clock_gettime || nr == SYS_gettimeofday || nr == SYS_time || nr == SYS_getrandom;
}

static void record_denial(jlong *denied, int *kinds, int nr) {
    for (int i = 0; i < *kinds; i++) {
        if (denied[2 * i] == nr) {
            denied[2 * i + 1]++;
            return;
        }
    }
    if (*kinds < DENIED_KINDS_MAX) {
        denied[2 * *kinds] = nr;
        denied[2 * *kinds + 1] = 1;
        (*kinds)++;
    }
}

/*
 * Serves the listener until every task using the filter is gone. Returns pairs
 * {syscall number, times denied} followed by the number of emulated calls.
 */
JNIEXPORT jlongArray JNICALL JNI_FN(superviseNotifications)(JNIEnv *env, jclass cls, jint fd, jlong seed) {
    (void) cls;
    struct seccomp_notif_sizes sizes;
    if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) < 0) return NULL;
    struct seccomp_notif *req = calloc(1, sizes.seccomp_notif > sizeof *req ? sizes.seccomp_notif : sizeof *req);
    struct seccomp_notif_resp *resp = calloc(1, sizes.seccomp_notif_resp > sizeof *resp ? sizes.seccomp_notif_resp : sizeof *resp);
    struct logical_clock clock;
    uint64_t offset_state = (uint64_t) seed;
    clock.realtime_base_ns = (REALTIME_BASE_S + (int64_t) (cage_splitmix(&offset_state) % 31536000ULL)) * 1000000000LL;
    clock.monotonic_base_ns = MONOTONIC_BASE_S * 1000000000LL;
    clock.readings = 0;
    uint64_t random_state = (uint64_t) seed ^ 0x67657472616e646fULL;
    uint64_t *chunk = malloc(RANDOM_CHUNK_BYTES_MAX);
    jlong denied[2 * DENIED_KINDS_MAX + 1];
    int kinds = 0;
    jlong emulated = 0;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, -1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) break;
        memset(req, 0, sizes.seccomp_notif);
        if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, req) < 0) {
            if (errno == EINTR || errno == ENOENT) continue;
            break;
        }
        memset(resp, 0, sizes.seccomp_notif_resp);
        resp->id = req->id;
        if (is_emulated(req->data.nr)) {
            emulate(req, resp, &clock, &random_state, chunk, fd);
            emulated++;
        } else {
            resp->error = -EPERM;
            record_denial(denied, &kinds, req->data.nr);
        }
        ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, resp); /* ENOENT: the task died meanwhile */
    }
    free(req);
    free(resp);
    free(chunk);
    close(fd);
    denied[2 * kinds] = emulated;
    jlongArray result = (*env)->NewLongArray(env, 2 * kinds + 1);
    (*env)->SetLongArrayRegion(env, result, 0, 2 * kinds + 1, denied);
    return result;
}
