/*
 * docklock-init: pid 1 of a cage. A small static program, exec'd by the cage's setup child once
 * the namespaces and the root filesystem are in place. It forks the workload, which drops its
 * privileges, installs the seccomp filter and execs the program; then it forwards stop signals,
 * reaps orphans, and reports the workload's exit status and resource use to the node.
 *
 * argv: flags uid gid workdir stdin stdout stderr error report notify bpf bpf_bytes -- program args...
 * envp: the program's environment.
 */
#define _GNU_SOURCE
#include "cage.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARGC_FIXED 13
#define BPF_BYTES_MAX (4096 * 8)
#define PATH_BYTES_MAX 4096

static int64_t flags;
static uid_t uid;
static gid_t gid;
static const char *workdir;
static int fd_stdin, fd_stdout, fd_stderr, fd_error, fd_report, fd_notify, fd_bpf;
static int bpf_bytes;
static unsigned char bpf[BPF_BYTES_MAX];
static char **program;
static volatile pid_t workload_pid;

static void fail(const char *step) __attribute__((noreturn));
static void fail(const char *step) {
    struct setup_error e;
    memset(&e, 0, sizeof e);
    e.err = errno;
    size_t n = strlen(step);
    if (n >= sizeof e.step) n = sizeof e.step - 1;
    memcpy(e.step, step, n);
    ssize_t ignored = write(fd_error, &e, sizeof e);
    (void) ignored;
    _exit(126);
}

static void read_bpf(void) {
    int got = 0;
    while (got < bpf_bytes) {
        ssize_t n = read(fd_bpf, bpf + got, (size_t) (bpf_bytes - got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("read seccomp filter");
        got += (int) n;
    }
    close(fd_bpf);
}

static void send_fd(int sock, int fd) {
    char byte = 'L';
    struct iovec iov = {&byte, 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = u.buf;
    msg.msg_controllen = sizeof u.buf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    if (sendmsg(sock, &msg, MSG_NOSIGNAL) != 1) fail("send seccomp listener");
}

static void drop_privileges(void) {
    for (int cap = 0; cap <= 63; cap++) prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    if (!(flags & F_NEW_USER) && setgroups(0, NULL) < 0) fail("setgroups");
    if (setresgid(gid, gid, gid) < 0) fail("setresgid");
    if (setresuid(uid, uid, uid) < 0) fail("setresuid");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) fail("no_new_privs");
}

static void install_seccomp(void) {
    if (bpf_bytes <= 0) return;
    struct sock_fprog prog = {(unsigned short) (bpf_bytes / 8), (struct sock_filter *) bpf};
    int notify = (flags & F_NOTIFY) != 0;
    long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, notify ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0, &prog);
    if (r < 0) fail("install seccomp filter");
    if (notify) {
        send_fd(fd_notify, (int) r);
        close((int) r);
    }
}

static void exec_program(char **envp) {
    const char *file = program[0];
    if (strchr(file, '/')) {
        execve(file, program, envp);
        fail(file);
    }
    static const char *path[] = {"/usr/local/bin/", "/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"};
    int err = ENOENT;
    char full[PATH_BYTES_MAX];
    for (unsigned i = 0; i < sizeof path / sizeof path[0]; i++) {
        size_t a = strlen(path[i]), b = strlen(file);
        if (a + b + 1 > sizeof full) break;
        memcpy(full, path[i], a);
        memcpy(full + a, file, b + 1);
        execve(full, program, envp);
        if (errno != ENOENT) err = errno;
    }
    errno = err;
    fail(file);
}

static void workload_main(char **envp) {
    if (dup2(fd_stdin, 0) < 0 || dup2(fd_stdout, 1) < 0 || dup2(fd_stderr, 2) < 0) fail("stdio");
    close(fd_stdin);
    close(fd_stdout);
    close(fd_stderr);
    close(fd_report);
    fcntl(fd_error, F_SETFD, FD_CLOEXEC);
    if (flags & F_DETERMINISTIC) personality(ADDR_NO_RANDOMIZE);
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, "1000", 4) != 4) fail("oom_score_adj");
    close(fd);
    setsid();
    drop_privileges();
    if (chdir(workdir) < 0) fail(workdir);
    install_seccomp();
    if (fd_notify >= 0) close(fd_notify);
    exec_program(envp);
}

static void forward_signal(int sig) {
    if (workload_pid > 0) kill(workload_pid, sig);
}

static void report(int status) {
    struct init_report r;
    memset(&r, 0, sizeof r);
    r.magic = REPORT_MAGIC;
    r.wait_status = status;
    struct statfs sf;
    if (statfs("/tmp", &sf) == 0) {
        r.tmp_total_bytes = (int64_t) sf.f_blocks * sf.f_bsize;
        r.tmp_used_bytes = (int64_t) (sf.f_blocks - sf.f_bfree) * sf.f_bsize;
    }
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) == 0) {
        r.user_micros = (int64_t) ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec;
        r.system_micros = (int64_t) ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
        r.max_rss_kib = ru.ru_maxrss;
    }
    ssize_t ignored = write(fd_report, &r, sizeof r);
    (void) ignored;
}

static void init_loop(void) {
    close(fd_stdin);
    close(fd_stdout);
    close(fd_stderr);
    close(fd_error);
    if (fd_notify >= 0) close(fd_notify);
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR) continue;
        if (pid < 0) _exit(125);
        if (pid == workload_pid) {
            report(status);
            _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        }
    }
}

int main(int argc, char **argv, char **envp) {
    if (argc < ARGC_FIXED + 2 || strcmp(argv[ARGC_FIXED], "--") != 0) return 127;
    flags = strtoll(argv[1], NULL, 10);
    uid = (uid_t) strtoul(argv[2], NULL, 10);
    gid = (gid_t) strtoul(argv[3], NULL, 10);
    workdir = argv[4];
    fd_stdin = atoi(argv[5]);
    fd_stdout = atoi(argv[6]);
    fd_stderr = atoi(argv[7]);
    fd_error = atoi(argv[8]);
    fd_report = atoi(argv[9]);
    fd_notify = atoi(argv[10]);
    fd_bpf = atoi(argv[11]);
    bpf_bytes = atoi(argv[12]);
    if (bpf_bytes < 0 || bpf_bytes > BPF_BYTES_MAX) fail("seccomp filter size");
    program = argv + ARGC_FIXED + 1;
    read_bpf();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    pid_t pid = fork();
    if (pid < 0) fail("fork workload");
    if (pid == 0) {
        sa.sa_handler = SIG_DFL;
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        workload_main(envp);
    }
    workload_pid = pid;
    init_loop();
    return 125;
}
