/*
 * What a cage pays to join its v1 cgroups: a forked child writes "0" to the memory, pids and cpu
 * hierarchies' cgroup.procs (the whole thread group, under the global cgroup_threadgroup_rwsem) or
 * tasks (only the writing thread, which skips that lock), in fresh cgroups made 20 ms apart, as
 * cages are. Run as root on a v1 host (see bench-cage.md):
 *
 *   gcc -O2 -o /tmp/join-cost docklock/src/test/bench/cgroup-join-cost.c && /tmp/join-cost 40
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS_MAX 1000

static const char *controllers[] = {"memory", "pids", "cpu"};

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* This process's path in a v1 controller, from /proc/self/cgroup ("" for the root). */
static void own_path(const char *controller, char *out, size_t size) {
    FILE *f = fopen("/proc/self/cgroup", "r");
    char line[512];
    out[0] = 0;
    while (f && fgets(line, sizeof line, f)) {
        char *names = strchr(line, ':'), *path = names ? strchr(names + 1, ':') : NULL;
        if (!path) continue;
        *path++ = 0;
        path[strcspn(path, "\n")] = 0;
        char *tok, *save;
        for (tok = strtok_r(names + 1, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            if (strcmp(tok, controller) == 0) snprintf(out, size, "%s", strcmp(path, "/") == 0 ? "" : path);
        }
    }
    if (f) fclose(f);
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 40;
    if (rounds < 1 || rounds > ROUNDS_MAX) rounds = 40;
    static double ms[2][ROUNDS_MAX];
    for (int i = 0; i < rounds; i++) {
        for (int mode = 0; mode < 2; mode++) {
            char dirs[3][1024];
            for (int c = 0; c < 3; c++) {
                char own[512];
                own_path(controllers[c], own, sizeof own);
                snprintf(dirs[c], sizeof dirs[c], "/sys/fs/cgroup/%s%s/join-cost-%d-%d", controllers[c], own, i, mode);
                mkdir(dirs[c], 0755);
            }
            usleep(20000);
            int p[2];
            if (pipe(p) < 0) return 1;
            pid_t pid = fork();
            if (pid == 0) {
                double t0 = now_ms();
                for (int c = 0; c < 3; c++) {
                    char file[1100];
                    if (snprintf(file, sizeof file, "%.1024s/%s", dirs[c], mode ? "tasks" : "cgroup.procs") >= (int) sizeof file) _exit(1);
                    int fd = open(file, O_WRONLY);
                    if (fd < 0 || write(fd, "0", 1) != 1) perror(file);
                    close(fd);
                }
                double t = now_ms() - t0;
                if (write(p[1], &t, sizeof t) != sizeof t) _exit(1);
                _exit(0);
            }
            if (read(p[0], &ms[mode][i], sizeof(double)) != sizeof(double)) return 1;
            waitpid(pid, NULL, 0);
            close(p[0]);
            close(p[1]);
            for (int c = 0; c < 3; c++) rmdir(dirs[c]);
        }
    }
    for (int mode = 0; mode < 2; mode++) {
        qsort(ms[mode], (size_t) rounds, sizeof(double), by_value);
        printf("%-12s p50 %.3f ms  p90 %.3f ms  (%d rounds)\n", mode ? "tasks" : "cgroup.procs", ms[mode][rounds / 2],
                ms[mode][rounds * 9 / 10], rounds);
    }
    return 0;
}
