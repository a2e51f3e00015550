/*
 * leakhog: memory shapes for memtop's growth and leak tests. Built by the tests with gcc (see
 * leak-helpers.ts); it dies with its parent (PR_SET_PDEATHSIG). Prints "ready PID", then:
 *
 *   leakhog leak KIB_PER_S   grows steadily: private anonymous memory, written, at that rate
 *                            (in 16 KiB steps, paced by the clock, so the line is smooth)
 *   leakhog idle MIB         holds MIB MiB, written, and does nothing more
 *   leakhog sawtooth MIB S   grows by MIB MiB over S seconds (evenly), frees it all, repeats
 *   leakhog once MIB S       waits S seconds, grows by MIB MiB at once, then stays flat
 *
 * Memory is mmap'ed (not malloc'ed) so that munmap really returns it to the kernel.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#define STEP (16 << 10)

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *written(size_t bytes)
{
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); exit(1); }
    memset(p, 0x5a, bytes);
    return p;
}

static void nap(double seconds)
{
    struct timespec ts = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };
    nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() == 1) return 1;
    if (argc < 3) { fprintf(stderr, "usage: leakhog leak|idle|sawtooth|once N [S]\n"); return 2; }
    const char *mode = argv[1];
    double n = atof(argv[2]);
    double s = argc > 3 ? atof(argv[3]) : 5;
    printf("ready %d\n", (int)getpid());
    fflush(stdout);
    if (strcmp(mode, "leak") == 0) {
        double start = now_s();
        size_t grown = 0;
        for (;;) {
            size_t due = (size_t)((now_s() - start) * n * 1024);
            while (grown + STEP <= due) { written(STEP); grown += STEP; }
            nap(0.01);
        }
    } else if (strcmp(mode, "idle") == 0) {
        written((size_t)(n * (1 << 20)));
        for (;;) pause();
    } else if (strcmp(mode, "sawtooth") == 0) {
        size_t bytes = (size_t)(n * (1 << 20));
        for (;;) {
            char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) { perror("mmap"); return 1; }
            double start = now_s();
            for (size_t done = 0; done < bytes;) {
                size_t due = (size_t)((now_s() - start) / s * bytes);
                if (due > bytes) due = bytes;
                if (due > done) { memset(p + done, 0x5a, due - done); done = due; }
                nap(0.01);
            }
            munmap(p, bytes);
        }
    } else if (strcmp(mode, "once") == 0) {
        nap(s);
        written((size_t)(n * (1 << 20)));
        for (;;) pause();
    }
    fprintf(stderr, "leakhog: unknown mode %s\n", mode);
    return 2;
}
