/*
 * Everything between clone and exec. This code runs in a copy of the JVM process, so it uses
 * only system calls and its own stack: no malloc, no stdio, no locks, no JNI.
 */
#define _GNU_SOURCE
#include "cage.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define PATH_BYTES_MAX 4096
#define FD_BASE_MIN 64

static struct launch *plan;
static int error_fd = -1;

#ifdef CAGE_TRACE
#include <time.h>
static void trace(const char *what) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    char buf[96];
    long us = (ts.tv_sec % 1000) * 1000000 + ts.tv_nsec / 1000;
    int n = 0;
    while (*what && n < 60) buf[n++] = *what++;
    buf[n++] = ' ';
    char d[16]; int nd = 0;
    do { d[nd++] = (char) ('0' + us % 10); us /= 10; } while (us > 0);
    while (nd > 0) buf[n++] = d[--nd];
    buf[n++] = '\n';
    ssize_t ignored = write(plan->stderr_w, buf, (size_t) n);
    (void) ignored;
}
#else
#define trace(x) ((void) 0)
#endif

static void fail(const char *step) __attribute__((noreturn));
static void fail(const char *step) {
    struct setup_error e;
    memset(&e, 0, sizeof e);
    e.err = errno;
    size_t n = strlen(step);
    if (n >= sizeof e.step) n = sizeof e.step - 1;
    memcpy(e.step, step, n);
    if (error_fd >= 0) {
        ssize_t ignored = write(error_fd, &e, sizeof e);
        (void) ignored;
    }
    _exit(126);
}

/* Builds "a" + "b" into buf; fails loudly instead of truncating a path. */
static char *join(char *buf, const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb + 1 > PATH_BYTES_MAX) {
        errno = ENAMETOOLONG;
        fail(a);
    }
    memcpy(buf, a, la);
    memcpy(buf + la, b, lb + 1);
    return buf;
}

static void write_file(const char *path, const char *data, size_t len, int mode, const char *step) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) fail(step);
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(step);
        }
        data += n;
        len -= (size_t) n;
    }
    close(fd);
}

static void make_dir(const char *path) {
    if (mkdir(path, 0755) < 0 && errno != EEXIST) fail(path);
}

static void touch(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0444);
    if (fd < 0) fail(path);
    close(fd);
}

/* Bind mount (nosuid, nodev) that keeps the flags the kernel locks (noexec, atime) in a user namespace. */
static void bind_mount_flags(const char *source, const char *target, int read_only, int device) {
    if (mount(source, target, NULL, MS_BIND | MS_REC, NULL) < 0) fail(target);
    struct statvfs sv;
    if (statvfs(target, &sv) < 0) fail(target);
    unsigned long flags = MS_BIND | MS_REMOUNT | MS_NOSUID | (device ? 0 : MS_NODEV);
    if (read_only) flags |= MS_RDONLY;
    if (sv.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
    if (sv.f_flag & ST_NOATIME) flags |= MS_NOATIME;
    if (sv.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
    if (sv.f_flag & ST_RELATIME) flags |= MS_RELATIME;
    if (mount(NULL, target, NULL, flags, NULL) < 0) fail(target);
}

static void bind_mount(const char *source, const char *target, int read_only) {
    bind_mount_flags(source, target, read_only, 0);
}

/* A host device node bound onto a file in the cage's /dev. */
static void bind_device(const char *source, const char *target, int read_only) {
    bind_mount_flags(source, target, read_only, 1);
}

/* Host /bin, /lib, ... are directories on some systems and symlinks into /usr on others. */
static void mirror_top_level(const char *root, const char *name) {
    char host[PATH_BYTES_MAX], target[PATH_BYTES_MAX], link[PATH_BYTES_MAX];
    struct stat st;
    join(host, "/", name);
    if (lstat(host, &st) < 0) return;
    join(target, root, host);
    if (S_ISLNK(st.st_mode)) {
        ssize_t n = readlink(host, link, sizeof link - 1);
        if (n < 0) fail(host);
        link[n] = 0;
        if (symlink(link, target) < 0) fail(target);
    } else if (S_ISDIR(st.st_mode)) {
        make_dir(target);
        bind_mount(host, target, 1);
    }
}

static void mirror_etc(const char *root, const char *list) {
    char name[256], host[PATH_BYTES_MAX], target[PATH_BYTES_MAX];
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t) (end - p) : strlen(p);
        if (n > 0 && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = 0;
            join(host, "/etc/", name);
            char tmp[PATH_BYTES_MAX];
            join(target, join(tmp, root, "/etc/"), name);
            struct stat st;
            if (stat(host, &st) == 0) {
                if (S_ISDIR(st.st_mode)) make_dir(target);
                else touch(target);
                bind_mount(host, target, 1);
            }
        }
        p += n;
        if (*p == '\n') p++;
    }
}

/*
 * Writes "0" (this task) to each file: v1 "tasks" (this process has one thread, so that moves all of
 * it, without the global rwsem "cgroup.procs" takes) or v2 "cgroup.procs". Done before anything of
 * the workload runs, so its first instruction is already inside the limits.
 */
static void join_cgroups(const char *list) {
    char path[PATH_BYTES_MAX];
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t) (end - p) : strlen(p);
        if (n > 0 && n < sizeof path) {
            memcpy(path, p, n);
            path[n] = 0;
            write_file(path, "0", 1, 0644, "join cgroup");
        }
        p += n;
        if (*p == '\n') p++;
    }
}

static void write_seeded_file(const char *path, uint64_t seed, int64_t bytes) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0444);
    if (fd < 0) fail(path);
    uint64_t state = seed ^ 0x75726e646f6d2121ULL; /* its own stream, not getrandom's */
    uint64_t block[512];
    while (bytes > 0) {
        for (int i = 0; i < 512; i++) block[i] = cage_splitmix(&state);
        size_t n = bytes < (int64_t) sizeof block ? (size_t) bytes : sizeof block;
        if (write(fd, block, n) != (ssize_t) n) fail(path);
        bytes -= (int64_t) n;
    }
    close(fd);
}

static void setup_dev(const char *root) {
    char dev[PATH_BYTES_MAX], p[PATH_BYTES_MAX];
    join(dev, root, "/dev");
    int64_t urandom = plan->num[N_URANDOM_BYTES];
    char opts[64] = "mode=755,size=";
    /* size: the seeded file plus room for the nodes; digits written by hand (no snprintf here) */
    int64_t size = urandom + 65536;
    char digits[24];
    int nd = 0;
    do { digits[nd++] = (char) ('0' + size % 10); size /= 10; } while (size > 0);
    size_t o = strlen(opts);
    while (nd > 0) opts[o++] = digits[--nd];
    opts[o] = 0;
    if (mount("docklock-dev", dev, "tmpfs", MS_NOSUID | MS_NOEXEC, opts) < 0) fail("mount /dev");
    touch(join(p, dev, "/null"));
    bind_device("/dev/null", p, 0);
    touch(join(p, dev, "/zero"));
    bind_device("/dev/zero", p, 0);
    if (plan->num[N_FLAGS] & F_SEEDED_RANDOM) {
        write_seeded_file(join(p, dev, "/urandom"), (uint64_t) plan->num[N_SEED], urandom);
        if (symlink("urandom", join(p, dev, "/random")) < 0) fail("/dev/random");
    } else {
        touch(join(p, dev, "/urandom"));
        bind_device("/dev/urandom", p, 1);
        touch(join(p, dev, "/random"));
        bind_device("/dev/random", p, 1);
    }
    if (symlink("/proc/self/fd", join(p, dev, "/fd")) < 0) fail("/dev/fd");
    if (symlink("/proc/self/fd/0", join(p, dev, "/stdin")) < 0) fail("/dev/stdin");
    if (symlink("/proc/self/fd/1", join(p, dev, "/stdout")) < 0) fail("/dev/stdout");
    if (symlink("/proc/self/fd/2", join(p, dev, "/stderr")) < 0) fail("/dev/stderr");
    if (mount(NULL, dev, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC, opts) < 0) fail("remount /dev");
}

static void tmpfs_size_option(char *opts, const char *prefix, int64_t bytes) {
    size_t o = strlen(prefix);
    memcpy(opts, prefix, o);
    char digits[24];
    int nd = 0;
    do { digits[nd++] = (char) ('0' + bytes % 10); bytes /= 10; } while (bytes > 0);
    while (nd > 0) opts[o++] = digits[--nd];
    opts[o] = 0;
}

static void setup_root(void) {
    const char *root = plan->str[S_ROOT_DIR];
    char p[PATH_BYTES_MAX], opts[96];
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) fail("make mounts private");
    if (mount("docklock", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755,size=1m") < 0) fail("mount root tmpfs");
    make_dir(join(p, root, "/usr"));
    bind_mount("/usr", p, 1);
    static const char *top[] = {"bin", "sbin", "lib", "lib32", "lib64", "libx32"};
    for (unsigned i = 0; i < sizeof top / sizeof top[0]; i++) mirror_top_level(root, top[i]);
    make_dir(join(p, root, "/etc"));
    mirror_etc(root, plan->str[S_ETC_FILES]);
    write_file(join(p, root, "/etc/passwd"), plan->str[S_PASSWD], strlen(plan->str[S_PASSWD]), 0644, "/etc/passwd");
    write_file(join(p, root, "/etc/group"), plan->str[S_GROUP], strlen(plan->str[S_GROUP]), 0644, "/etc/group");
    const char *host = plan->str[S_HOSTNAME];
    write_file(join(p, root, "/etc/hostname"), host, strlen(host), 0644, "/etc/hostname");
    const char hosts[] = "127.0.0.1 localhost\n::1 localhost\n";
    write_file(join(p, root, "/etc/hosts"), hosts, sizeof hosts - 1, 0644, "/etc/hosts");
    make_dir(join(p, root, "/app"));
    if (plan->str[S_APP_DIR][0]) bind_mount(plan->str[S_APP_DIR], p, 1);
    if (plan->str[S_OUT_DIR][0]) {
        make_dir(join(p, root, "/out"));
        bind_mount(plan->str[S_OUT_DIR], p, 0);
    }
    make_dir(join(p, root, "/tmp"));
    tmpfs_size_option(opts, "mode=1777,size=", plan->num[N_TMPFS_BYTES]);
    if (mount("docklock-tmp", p, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0) fail("mount /tmp");
    make_dir(join(p, root, "/proc"));
    if (mount("proc", p, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) fail("mount /proc");
    make_dir(join(p, root, "/dev"));
    setup_dev(root);
    if (plan->str[S_PRELOAD][0]) {
        make_dir(join(p, root, "/.docklock"));
        touch(join(p, root, "/.docklock/libdlclock.so"));
        bind_mount(plan->str[S_PRELOAD], p, 1);
    }
    make_dir(join(p, root, "/.oldroot"));
    if (syscall(SYS_pivot_root, root, p) < 0) fail("pivot_root");
    if (chdir("/") < 0) fail("chdir /");
    if (umount2("/.oldroot", MNT_DETACH) < 0) fail("detach old root");
    if (rmdir("/.oldroot") < 0) fail("remove old root");
    if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "mode=755,size=1m") < 0) fail("remount / read-only");
}

static void write_id_maps(void) {
    char map[64];
    write_file("/proc/self/setgroups", "deny", 4, 0644, "setgroups deny");
    /* "<inside> <outside> 1" written by hand */
    int64_t vals[2][2] = {{plan->num[N_UID], plan->num[N_OUTER_UID]}, {plan->num[N_GID], plan->num[N_OUTER_GID]}};
    const char *files[2] = {"/proc/self/uid_map", "/proc/self/gid_map"};
    for (int f = 0; f < 2; f++) {
        size_t o = 0;
        for (int k = 0; k < 2; k++) {
            char digits[24];
            int nd = 0;
            int64_t v = vals[f][k];
            do { digits[nd++] = (char) ('0' + v % 10); v /= 10; } while (v > 0);
            while (nd > 0) map[o++] = digits[--nd];
            map[o++] = ' ';
        }
        map[o++] = '1';
        write_file(files[f], map, o, 0644, files[f]);
    }
}

static void loopback_up(void) {
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) fail("socket for lo");
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) fail("read lo flags");
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) fail("bring lo up");
    close(s);
}

static void set_limit(int resource, int64_t value, const char *step) {
    if (value <= 0) return;
    struct rlimit rl = {(rlim_t) value, (rlim_t) value};
    if (setrlimit(resource, &rl) < 0) fail(step);
}

/* Moves the fds the cage keeps to base+i (base chosen by the parent) and closes all the others. */
static void keep_only_plan_fds(void) {
    int *fds[] = {&plan->stdin_r, &plan->stdout_w, &plan->stderr_w, &plan->error_w, &plan->report_w,
                  &plan->notify_sock, &plan->bpf_r};
    int n = sizeof fds / sizeof fds[0];
    int base = plan->fd_base;
    for (int i = 0; i < n; i++) {
        if (*fds[i] < 0) continue;
        if (dup2(*fds[i], base + i) < 0) fail("dup2");
        *fds[i] = base + i;
    }
    error_fd = plan->error_w;
    syscall(SYS_close_range, 3, base - 1, 0);
    syscall(SYS_close_range, base + n, ~0U, 0);
}

int cage_child(void *arg) {
    struct launch *l = arg;
    plan = l;
    error_fd = l->error_w;
    /* The JVM blocks signals in some threads; the cage starts from a clean mask. */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    keep_only_plan_fds();
    trace("child-start");
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (l->num[N_FLAGS] & F_NEW_USER) write_id_maps();
    join_cgroups(l->str[S_CGROUP_JOIN]);
    trace("cgroups-joined");
    if (unshare(CLONE_NEWCGROUP) < 0) fail("cgroup namespace");
    /* Opened before pivot_root: the init program is exec'd by fd, it is not part of the view. */
    int init_fd = open(l->str[S_INIT], O_PATH | O_CLOEXEC);
    if (init_fd < 0) fail(l->str[S_INIT]);
    setup_root();
    trace("root-ready");
    const char *host = l->str[S_HOSTNAME];
    if (sethostname(host, strlen(host)) < 0) fail("sethostname");
    if (setdomainname("", 0) < 0) fail("setdomainname");
    if (l->num[N_FLAGS] & F_NEW_NET) loopback_up();
    set_limit(RLIMIT_CORE, 1, "rlimit core"); /* 0 means "unset" for set_limit; 1 byte writes no core */
    set_limit(RLIMIT_AS, l->num[N_RLIMIT_AS], "rlimit as");
    set_limit(RLIMIT_NPROC, l->num[N_RLIMIT_NPROC], "rlimit nproc");
    set_limit(RLIMIT_NOFILE, l->num[N_RLIMIT_NOFILE], "rlimit nofile");
    set_limit(RLIMIT_CPU, l->num[N_RLIMIT_CPU], "rlimit cpu");
    syscall(SYS_execveat, init_fd, "", l->init_argv, l->envp, AT_EMPTY_PATH);
    fail("exec docklock-init");
}

uint64_t cage_splitmix(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
