/* tick-floor.c - the reads of memtop's incremental tick, in plain C: what the tick would cost
 * if its only cost were the kernel's. Used by bench/sampler-bench.ts as a second yardstick.
 *
 * One tick = read /proc/meminfo and /proc/loadavg, then stat of every PID (listed once, at the
 * start: memtop lists /proc again only when a process was created), and smaps_rollup of a
 * round-robin share of them (1 in SHARE: with a 10 s staleness bound and 1 s ticks memtop
 * refreshes about a ninth), each with open/read/close into one buffer, as procread does.
 * Between ticks it sleeps PAUSE_MS, as the ticks of a monitor at a 1 s interval do.
 *
 * usage: tick-floor TICKS PAUSE_MS [SHARE]     (SHARE defaults to 9)
 * prints the median tick time in ms on stdout.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char buf[65536];

static void slurp(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ssize_t n = read(fd, buf, sizeof(buf));
    (void)n;
    close(fd);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmpd(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: tick-floor TICKS PAUSE_MS [SHARE]\n");
        return 2;
    }
    int ticks = atoi(argv[1]), pause_ms = atoi(argv[2]), share = argc > 3 ? atoi(argv[3]) : 9;
    if (ticks < 1 || pause_ms < 0 || share < 1) return 2;
    double *times = calloc((size_t)ticks, sizeof(double));
    static char names[1 << 16][16];
    int count = 0;
    DIR *d = opendir("/proc");
    if (!d) return 1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < (1 << 16)) {
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9') snprintf(names[count++], sizeof(names[0]), "%.15s", e->d_name);
    }
    closedir(d);
    char path[64];
    for (int t = 0; t < ticks; t++) {
        struct timespec pause = { pause_ms / 1000, (long)(pause_ms % 1000) * 1000000L };
        nanosleep(&pause, NULL);
        double start = now_ms();
        slurp("/proc/meminfo");
        slurp("/proc/loadavg");
        for (int i = 0; i < count; i++) {
            snprintf(path, sizeof(path), "/proc/%.15s/stat", names[i]);
            slurp(path);
            if ((i + t) % share == 0) {
                snprintf(path, sizeof(path), "/proc/%.15s/smaps_rollup", names[i]);
                slurp(path);
            }
        }
        times[t] = now_ms() - start;
    }
    qsort(times, (size_t)ticks, sizeof(double), cmpd);
    printf("%.3f\n", times[ticks / 2]);
    return 0;
}
