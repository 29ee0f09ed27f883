/*
 * The DockLock cage, native part. The Java side (dev.metanode.docklock.internal.NativeCage)
 * hands over a launch plan as positional arrays; the indices below must match LaunchPlan.java.
 */
#ifndef DOCKLOCK_CAGE_H
#define DOCKLOCK_CAGE_H

#include <stdint.h>

/* numbers[] */
#define N_FLAGS 0
#define N_TMPFS_BYTES 1
#define N_SEED 2
#define N_UID 3
#define N_GID 4
#define N_OUTER_UID 5
#define N_OUTER_GID 6
#define N_RLIMIT_AS 7
#define N_RLIMIT_NPROC 8
#define N_RLIMIT_NOFILE 9
#define N_RLIMIT_CPU 10
#define N_URANDOM_BYTES 11
#define N_COUNT 12

/* flags in numbers[N_FLAGS] */
#define F_NEW_USER 0x1
#define F_NEW_NET 0x2
#define F_DETERMINISTIC 0x4
#define F_NOTIFY 0x8
#define F_SEEDED_RANDOM 0x10

/* strings[] */
#define S_ROOT_DIR 0
#define S_APP_DIR 1
#define S_OUT_DIR 2
#define S_WORKDIR 3
#define S_PRELOAD 4
#define S_HOSTNAME 5
#define S_CGROUP_JOIN 6
#define S_ETC_FILES 7
#define S_PASSWD 8
#define S_GROUP 9
#define S_INIT 10
#define S_COUNT 11

/* What the child hands back through the error pipe when setup fails. */
struct setup_error {
    int32_t err;
    char step[124];
};

/* What the cage's init (pid 1) reports once the workload has exited. */
struct init_report {
    int32_t magic;
    int32_t wait_status;
    int64_t tmp_used_bytes;
    int64_t tmp_total_bytes;
    int64_t user_micros;
    int64_t system_micros;
    int64_t max_rss_kib;
};
#define REPORT_MAGIC 0x444c4b31

struct launch {
    char **argv;
    char **envp;
    const char *str[S_COUNT];
    int64_t num[N_COUNT];
    const unsigned char *bpf;
    int bpf_len;
    /* fds the child keeps, moved to fd_base + their index in this order */
    int stdin_r, stdout_w, stderr_w, error_w, report_w, notify_sock, bpf_r;
    int fd_base;
    /* argv of docklock-init, built by the parent with the relocated fd numbers */
    char **init_argv;
};
#define LAUNCH_FDS 7

/*
 * Runs in the cloned child, which shares the JVM's memory (CLONE_VM|CLONE_VFORK) until it execs
 * docklock-init: only system calls, its own stack, no malloc, no writes to shared memory but errno.
 */
int cage_child(void *launch);

uint64_t cage_splitmix(uint64_t *state);

#endif
