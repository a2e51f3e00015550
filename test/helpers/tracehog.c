/*
 * tracehog: a test helper for `memtop trace`. Built by the tests with gcc -g and frame pointers
 * (trace-helpers.ts), dynamically linked so that strace -k can name its functions. It dies with
 * its parent (PR_SET_PDEATHSIG).
 *
 *   tracehog pattern   prints "ready PID" and waits; each line on stdin runs the pattern once and
 *                      prints "done": 5 mmaps of 1 MiB from map_five(), munmap of 2 of them, 5 brk
 *                      steps of 64 KiB from grow_heap() (sbrk), then waits for the next line.
 *                      The mappings and the break stay (nothing else is freed), so the net bytes
 *                      of map_five are 3 MiB and of grow_heap 320 KiB per run.
 *   tracehog busy N    prints "ready PID", then N times per second maps and unmaps one page
 *                      (2 memory syscalls each), until killed; with N = 0, as fast as it can and
 *                      prints "rate CALLS_PER_SECOND" every second.
 *
 * Output goes through write(2), never stdio: stdio's buffer would come from malloc, whose brk or
 * mmap calls would land in the trace.
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

#define MIB (1024 * 1024)

static void say(const char *text)
{
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(1, text, left);
        if (n <= 0) exit(1);
        text += n;
        left -= (size_t)n;
    }
}

static void *volatile keep[5];

__attribute__((noinline)) static void map_five(void)
{
    for (int i = 0; i < 5; i++) {
        keep[i] = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (keep[i] == MAP_FAILED) { say("mmap failed\n"); exit(1); }
    }
    munmap(keep[0], MIB);
    munmap(keep[1], MIB);
}

__attribute__((noinline)) static void grow_heap(void)
{
    for (int i = 0; i < 5; i++) {
        if (sbrk(64 * 1024) == (void *)-1) { say("sbrk failed\n"); exit(1); }
    }
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void busy(long per_second)
{
    long page = sysconf(_SC_PAGESIZE);
    double start = now_s();
    long calls = 0, reported = 0;
    double last = start;
    for (;;) {
        void *p = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) exit(1);
        munmap(p, (size_t)page);
        calls += 2;
        double t = now_s();
        if (per_second > 0) {
            double due = start + (double)calls / (double)per_second;
            if (due > t) {
                struct timespec d = { (time_t)(due - t), (long)((due - t - (double)(time_t)(due - t)) * 1e9) };
                nanosleep(&d, NULL);
            }
        } else if (t - last >= 1.0) {
            char line[64];
            snprintf(line, sizeof line, "rate %ld\n", (long)((double)(calls - reported) / (t - last)));
            say(line);
            reported = calls;
            last = t;
        }
    }
}

int main(int argc, char **argv)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() == 1) return 1;
    if (argc < 2) { say("usage: tracehog pattern | busy N\n"); return 2; }
    sbrk(0); /* the break known to libc before any trace starts */
    char ready[64];
    snprintf(ready, sizeof ready, "ready %d\n", (int)getpid());
    if (strcmp(argv[1], "busy") == 0 && argc > 2) {
        say(ready);
        busy(atol(argv[2]));
    }
    if (strcmp(argv[1], "pattern") != 0) { say("unknown mode\n"); return 2; }
    say(ready);
    char line[16];
    while (read(0, line, sizeof line) > 0) {
        map_five();
        grow_heap();
        say("done\n");
    }
    for (;;) pause();
}
