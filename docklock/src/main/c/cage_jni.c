/*
 * JNI entry points of dev.metanode.docklock.internal.NativeCage: spawn a cage, move bytes through
 * its pipes, signal and wait for it. All JVM work happens here, before clone and after it returns.
 */
#define _GNU_SOURCE
#include "cage.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <fcntl.h>
#include <jni.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif

#define JNI_FN(name) Java_dev_metanode_docklock_internal_NativeCage_##name
#define CHILD_STACK_BYTES (256 * 1024)
#define FD_BASE_MIN 64
#define INIT_ARGC_FIXED 13

/* The setup child shares this library's globals until it execs: one spawn at a time. */
static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;

static void throw_io(JNIEnv *env, const char *message, int err) {
    char buf[512];
    if (err) snprintf(buf, sizeof buf, "%s: %s", message, strerror(err));
    else snprintf(buf, sizeof buf, "%s", message);
    jclass cls = (*env)->FindClass(env, "java/io/IOException");
    if (cls) (*env)->ThrowNew(env, cls, buf);
}

static void throw_setup(JNIEnv *env, const struct setup_error *e) {
    char buf[512];
    snprintf(buf, sizeof buf, "%d:%.*s", e->err, (int) sizeof e->step, e->step);
    jclass cls = (*env)->FindClass(env, "dev/metanode/docklock/internal/CageSetupException");
    if (cls) (*env)->ThrowNew(env, cls, buf);
}

static char **to_cstrings(JNIEnv *env, jobjectArray array) {
    jsize n = (*env)->GetArrayLength(env, array);
    char **out = calloc((size_t) n + 1, sizeof(char *));
    for (jsize i = 0; i < n; i++) {
        jstring s = (jstring) (*env)->GetObjectArrayElement(env, array, i);
        const char *utf = (*env)->GetStringUTFChars(env, s, NULL);
        out[i] = strdup(utf);
        (*env)->ReleaseStringUTFChars(env, s, utf);
        (*env)->DeleteLocalRef(env, s);
    }
    return out;
}

static void free_cstrings(char **strings) {
    if (!strings) return;
    for (char **p = strings; *p; p++) free(*p);
    free(strings);
}

static void close_all(int *fds, int n) {
    for (int i = 0; i < n; i++) if (fds[i] >= 0) close(fds[i]);
}

static int receive_fd(int sock) {
    char byte;
    struct iovec iov = {&byte, 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = u.buf;
    msg.msg_controllen = sizeof u.buf;
    ssize_t n;
    do { n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (n < 0 && errno == EINTR);
    if (n <= 0) return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

/* Reads the error pipe until the workload's exec closes it (success) or a setup_error arrives. */
static int read_setup_result(int fd, struct setup_error *e) {
    size_t got = 0;
    while (got < sizeof *e) {
        ssize_t n = read(fd, (char *) e + got, sizeof *e - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t) n;
    }
    return got == sizeof *e;
}

static char *number(long long v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    return strdup(buf);
}

/* argv of docklock-init: flags uid gid workdir fds... bpf_bytes -- program... (see docklock_init.c) */
static char **init_argv(struct launch *l) {
    int n = 0;
    while (l->argv[n]) n++;
    char **a = calloc((size_t) (INIT_ARGC_FIXED + n + 2), sizeof(char *));
    int base = l->fd_base;
    a[0] = strdup("docklock-init");
    a[1] = number(l->num[N_FLAGS]);
    a[2] = number(l->num[N_UID]);
    a[3] = number(l->num[N_GID]);
    a[4] = strdup(l->str[S_WORKDIR]);
    for (int i = 0; i < 6; i++) a[5 + i] = number(i == 5 && l->notify_sock < 0 ? -1 : base + i);
    a[11] = number(base + 6);
    a[12] = number(l->bpf_len);
    a[13] = strdup("--");
    for (int i = 0; i < n; i++) a[INIT_ARGC_FIXED + 1 + i] = strdup(l->argv[i]);
    return a;
}

static int write_all(int fd, const unsigned char *data, int len) {
    while (len > 0) {
        ssize_t n = write(fd, data, (size_t) len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        data += n;
        len -= (int) n;
    }
    return 0;
}

static int spawn(struct launch *l, jlong *out, struct setup_error *err) {
    int in[2] = {-1, -1}, o[2] = {-1, -1}, e[2] = {-1, -1}, ep[2] = {-1, -1}, rp[2] = {-1, -1}, ns[2] = {-1, -1},
        bp[2] = {-1, -1};
    int notify = (l->num[N_FLAGS] & F_NOTIFY) != 0;
    int failed_setup = pipe2(in, O_CLOEXEC) || pipe2(o, O_CLOEXEC) || pipe2(e, O_CLOEXEC) || pipe2(ep, O_CLOEXEC)
        || pipe2(rp, O_CLOEXEC) || pipe2(bp, O_CLOEXEC)
        || (notify && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ns) < 0)
        || write_all(bp[1], l->bpf, l->bpf_len) < 0;
    int saved = errno;
    if (bp[1] >= 0) close(bp[1]);
    if (failed_setup) {
        int all[] = {in[0], in[1], o[0], o[1], e[0], e[1], ep[0], ep[1], rp[0], rp[1], ns[0], ns[1], bp[0]};
        close_all(all, 13);
        return -saved;
    }
    l->stdin_r = in[0];
    l->stdout_w = o[1];
    l->stderr_w = e[1];
    l->error_w = ep[1];
    l->report_w = rp[1];
    l->notify_sock = ns[1];
    l->bpf_r = bp[0];
    int keep[] = {in[0], o[1], e[1], ep[1], rp[1], ns[1], bp[0]};
    l->fd_base = FD_BASE_MIN;
    for (int i = 0; i < LAUNCH_FDS; i++) if (keep[i] >= l->fd_base) l->fd_base = keep[i] + 1;
    l->init_argv = init_argv(l);
    char *stack = malloc(CHILD_STACK_BYTES);
    int flags = CLONE_VM | CLONE_VFORK | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_PIDFD | SIGCHLD;
    if (l->num[N_FLAGS] & F_NEW_USER) flags |= CLONE_NEWUSER;
    if (l->num[N_FLAGS] & F_NEW_NET) flags |= CLONE_NEWNET;
    int pidfd = -1;
#ifdef CAGE_TRACE
#define PTRACE_T(what) do { struct timespec ts_; clock_gettime(CLOCK_MONOTONIC, &ts_); fprintf(stderr, "%s %ld\n", what, (ts_.tv_sec % 1000) * 1000000 + ts_.tv_nsec / 1000); } while (0)
#else
#define PTRACE_T(what) ((void) 0)
#endif
    PTRACE_T("parent-clone");
    pthread_mutex_lock(&spawn_lock);
    /* Returns once the child has exec'd docklock-init or died: CLONE_VFORK. */
    int pid = clone(cage_child, stack + CHILD_STACK_BYTES, flags, l, &pidfd);
    saved = errno;
    pthread_mutex_unlock(&spawn_lock);
    free(stack);
    free_cstrings(l->init_argv);
    close_all(keep, LAUNCH_FDS);
    if (pid < 0) {
        int rest[] = {in[1], o[0], e[0], ep[0], rp[0], ns[0]};
        close_all(rest, 6);
        return -saved;
    }
    PTRACE_T("parent-clone-returned");
    int failed = read_setup_result(ep[0], err);
    PTRACE_T("parent-exec-seen");
    close(ep[0]);
    int listener = -1;
    if (!failed && notify) listener = receive_fd(ns[0]);
    if (ns[0] >= 0) close(ns[0]);
    PTRACE_T("parent-listener");
    if (failed) {
        siginfo_t info;
        syscall(SYS_waitid, P_PIDFD, pidfd, &info, WEXITED, NULL);
        int rest[] = {in[1], o[0], e[0], rp[0], pidfd};
        close_all(rest, 5);
        return 1;
    }
    out[0] = pid;
    out[1] = pidfd;
    out[2] = in[1];
    out[3] = o[0];
    out[4] = e[0];
    out[5] = rp[0];
    out[6] = listener;
    return 0;
}

JNIEXPORT jlongArray JNICALL JNI_FN(spawn)(JNIEnv *env, jclass cls, jobjectArray argv, jobjectArray envp,
        jobjectArray strings, jlongArray numbers, jbyteArray bpf) {
    (void) cls;
    struct launch l;
    memset(&l, 0, sizeof l);
    if ((*env)->GetArrayLength(env, strings) != S_COUNT || (*env)->GetArrayLength(env, numbers) != N_COUNT) {
        throw_io(env, "launch plan has the wrong shape (Java and C disagree)", 0);
        return NULL;
    }
    l.argv = to_cstrings(env, argv);
    l.envp = to_cstrings(env, envp);
    char **str = to_cstrings(env, strings);
    for (int i = 0; i < S_COUNT; i++) l.str[i] = str[i];
    (*env)->GetLongArrayRegion(env, numbers, 0, N_COUNT, (jlong *) l.num);
    jsize bpf_len = bpf ? (*env)->GetArrayLength(env, bpf) : 0;
    unsigned char *program = malloc(bpf_len > 0 ? (size_t) bpf_len : 1);
    if (bpf_len > 0) (*env)->GetByteArrayRegion(env, bpf, 0, bpf_len, (jbyte *) program);
    l.bpf = program;
    l.bpf_len = bpf_len;
    jlong out[7];
    struct setup_error err;
    memset(&err, 0, sizeof err);
    int r = spawn(&l, out, &err);
    free_cstrings(l.argv);
    free_cstrings(l.envp);
    free_cstrings(str);
    free(program);
    if (r < 0) {
        throw_io(env, "cannot start the cage", -r);
        return NULL;
    }
    if (r > 0) {
        throw_setup(env, &err);
        return NULL;
    }
    jlongArray result = (*env)->NewLongArray(env, 7);
    (*env)->SetLongArrayRegion(env, result, 0, 7, out);
    return result;
}

JNIEXPORT jint JNICALL JNI_FN(read)(JNIEnv *env, jclass cls, jint fd, jbyteArray buf, jint off, jint len) {
    (void) cls;
    char local[65536];
    if (len > (jint) sizeof local) len = sizeof local;
    ssize_t n;
    do { n = read(fd, local, (size_t) len); } while (n < 0 && errno == EINTR);
    if (n < 0) {
        throw_io(env, "read", errno);
        return -1;
    }
    if (n == 0) return -1;
    (*env)->SetByteArrayRegion(env, buf, off, (jsize) n, (jbyte *) local);
    return (jint) n;
}

JNIEXPORT jint JNICALL JNI_FN(write)(JNIEnv *env, jclass cls, jint fd, jbyteArray buf, jint off, jint len) {
    (void) cls;
    char local[65536];
    if (len > (jint) sizeof local) len = sizeof local;
    (*env)->GetByteArrayRegion(env, buf, off, len, (jbyte *) local);
    ssize_t n;
    do { n = write(fd, local, (size_t) len); } while (n < 0 && errno == EINTR);
    if (n < 0) {
        throw_io(env, "write", errno);
        return -1;
    }
    return (jint) n;
}

JNIEXPORT void JNICALL JNI_FN(close)(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    if (fd >= 0) close(fd);
}

JNIEXPORT jboolean JNICALL JNI_FN(signal)(JNIEnv *env, jclass cls, jint pidfd, jint sig) {
    (void) env;
    (void) cls;
    return syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0) == 0;
}

/* Waits for the cage's init; returns {code, signal, userMicros, systemMicros, maxRssKiB}. */
JNIEXPORT jlongArray JNICALL JNI_FN(waitExit)(JNIEnv *env, jclass cls, jint pidfd) {
    (void) cls;
    siginfo_t info;
    struct rusage ru;
    memset(&info, 0, sizeof info);
    memset(&ru, 0, sizeof ru);
    long r;
    do { r = syscall(SYS_waitid, P_PIDFD, pidfd, &info, WEXITED, &ru); } while (r < 0 && errno == EINTR);
    if (r < 0) {
        throw_io(env, "waitid", errno);
        return NULL;
    }
    jlong out[5];
    int exited = info.si_code == CLD_EXITED;
    out[0] = exited ? info.si_status : -1;
    out[1] = exited ? 0 : info.si_status;
    out[2] = (jlong) ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec;
    out[3] = (jlong) ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
    out[4] = ru.ru_maxrss;
    jlongArray result = (*env)->NewLongArray(env, 5);
    (*env)->SetLongArrayRegion(env, result, 0, 5, out);
    return result;
}

/* Blocks until one of the two fds (-1 = none) is readable or closed: bit 0 for fd1, bit 1 for fd2. */
JNIEXPORT jint JNICALL JNI_FN(pollIn)(JNIEnv *env, jclass cls, jint fd1, jint fd2) {
    (void) cls;
    struct pollfd p[2] = {{fd1, POLLIN, 0}, {fd2, POLLIN, 0}};
    int r;
    do { r = poll(p, 2, -1); } while (r < 0 && errno == EINTR);
    if (r < 0) {
        throw_io(env, "poll", errno);
        return 0;
    }
    int ready = POLLIN | POLLHUP | POLLERR | POLLNVAL;
    return ((p[0].revents & ready) ? 1 : 0) | ((p[1].revents & ready) ? 2 : 0);
}
