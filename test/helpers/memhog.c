/*
 * memhog: a test helper for memtop's accuracy and escape tests. Built by the tests with gcc into
 * a temporary directory (see live-helpers.ts). It dies with its parent (PR_SET_PDEATHSIG), so a
 * test that crashes leaves nothing behind.
 *
 *   memhog private MIB   maps MIB MiB of private anonymous memory and writes every page;
 *                        prints "ready PID ADDR" (ADDR: start of the region, hex) and waits.
 *   memhog pair MIB      the same, then forks: parent and child share every page copy-on-write
 *                        (each should be charged half in PSS); prints "ready PARENT CHILD ADDR".
 *   memhog shared MIB    maps MIB MiB of shared anonymous memory (shmem: RssShmem, not
 *                        Anonymous) and writes every page; prints "ready PID ADDR" and waits.
 *   memhog setuid UID    (as root) changes its uid to UID without exec, as a daemon dropping
 *                        privileges does: the kernel then makes it non-dumpable, and the files in
 *                        /proc/PID belong to root (the directory still to UID); prints "ready PID".
 *   memhog name NAME ... sets its comm to NAME (prctl PR_SET_NAME, 15 bytes kept); the other
 *                        arguments only sit in its cmdline; prints "ready PID" and waits.
 *   memhog leaderless MIB  the private region, then a second thread, and the first (the leader)
 *                        calls pthread_exit: the process lives on, its leader a zombie ("Zl" in
 *                        ps); prints "ready PID ADDR" first.
 *   memhog zombie        forks a child that exits at once and never reaps it: the child stays a
 *                        zombie ("Z"); prints "ready PID CHILD" once it is one, and waits.
 *   memhog busy          uses the CPU without pause; prints "ready PID" first.
 *   memhog maps COUNT    makes COUNT one-page mappings, read-only and read-write in turn so
 *                        that the kernel cannot merge neighbours, and touches every 16th page;
 *                        prints "ready PID" and waits (a huge smaps: COUNT * ~1 KiB of text).
 *
 * The region sits between two PROT_NONE guard pages and is marked MADV_NOHUGEPAGE, so it is one
 * mapping of exactly MIB MiB that the kernel cannot merge with a neighbour.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void die_with_parent(void)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) { perror("prctl"); exit(1); }
    if (getppid() == 1) exit(1); /* the parent is already gone */
}

static char *touched_region(size_t mib, int share)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t bytes = mib << 20;
    char *base = mmap(NULL, bytes + 2 * page, PROT_NONE, (share ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); exit(1); }
    char *region = base + page;
    if (mprotect(region, bytes, PROT_READ | PROT_WRITE) != 0) { perror("mprotect"); exit(1); }
    madvise(region, bytes, MADV_NOHUGEPAGE);
    for (size_t i = 0; i < bytes; i += page) region[i] = (char)(1 + i / page % 251);
    return region;
}

static void wait_forever(void)
{
    for (;;) pause();
}

/* One region cut into COUNT mappings: every other page made read-only, each page touched. */
static void many_mappings(size_t count)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, (count + 2) * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); exit(1); }
    char *region = base + page;
    if (mprotect(region, count * page, PROT_READ | PROT_WRITE) != 0) { perror("mprotect"); exit(1); }
    for (size_t i = 0; i < count; i += 16) region[i * page] = (char)(1 + i % 251);
    for (size_t i = 0; i < count; i += 2) {
        if (mprotect(region + i * page, page, PROT_READ) != 0) { perror("mprotect (is vm.max_map_count too low?)"); exit(1); }
    }
}

static void *thread_waiting(void *unused)
{
    (void)unused;
    wait_forever();
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2 || (argc < 3 && strcmp(argv[1], "zombie") != 0 && strcmp(argv[1], "busy") != 0)) {
        fprintf(stderr, "usage: memhog private MIB | memhog shared MIB | memhog pair MIB | memhog setuid UID | memhog name NAME [ARG...] | memhog mapfile PATH | memhog leaderless MIB | memhog zombie | memhog busy | memhog maps COUNT\n");
        return 2;
    }
    die_with_parent();
    if (strcmp(argv[1], "zombie") == 0) {
        pid_t child = fork();
        if (child < 0) { perror("fork"); return 1; }
        if (child == 0) _exit(0);
        siginfo_t info;
        /* Returns once the child has exited, and leaves it unreaped (WNOWAIT). */
        if (waitid(P_PID, (id_t)child, &info, WEXITED | WNOWAIT) != 0) { perror("waitid"); return 1; }
        printf("ready %d %d\n", getpid(), (int)child);
        fflush(stdout);
        wait_forever();
    }
    if (strcmp(argv[1], "busy") == 0) {
        printf("ready %d\n", getpid());
        fflush(stdout);
        for (volatile unsigned long spins = 0;; spins++) {}
    }
    if (strcmp(argv[1], "setuid") == 0) {
        if (setgid((gid_t)strtoul(argv[2], NULL, 10)) != 0 || setuid((uid_t)strtoul(argv[2], NULL, 10)) != 0) { perror("setuid"); return 1; }
        die_with_parent(); /* a change of credentials clears the parent-death signal */
        printf("ready %d\n", getpid());
        fflush(stdout);
        wait_forever();
    }
    if (strcmp(argv[1], "mapfile") == 0) {
        /* Maps a whole file shared and read-only and reads every page: it is resident, shared by every process mapping it. */
        int fd = open(argv[2], O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) { perror("open"); return 1; }
        volatile char *file = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
        if (file == MAP_FAILED) { perror("mmap"); return 1; }
        unsigned long sum = 0;
        for (off_t at = 0; at < st.st_size; at += 4096) sum += (unsigned char)file[at];
        printf("ready %d %lx %lu\n", getpid(), (unsigned long)file, sum);
        fflush(stdout);
        wait_forever();
    }
    if (strcmp(argv[1], "name") == 0) {
        if (prctl(PR_SET_NAME, argv[2]) != 0) { perror("prctl"); return 1; }
        printf("ready %d\n", getpid());
        fflush(stdout);
        wait_forever();
    }
    if (strcmp(argv[1], "maps") == 0) {
        many_mappings(strtoul(argv[2], NULL, 10));
        printf("ready %d\n", getpid());
        fflush(stdout);
        wait_forever();
    }
    size_t mib = strtoul(argv[2], NULL, 10);
    char *region = touched_region(mib, strcmp(argv[1], "shared") == 0);
    if (strcmp(argv[1], "private") == 0 || strcmp(argv[1], "shared") == 0) {
        printf("ready %d %lx\n", getpid(), (unsigned long)region);
        fflush(stdout);
        wait_forever();
    }
    if (strcmp(argv[1], "leaderless") == 0) {
        pthread_t other;
        if (pthread_create(&other, NULL, thread_waiting, NULL) != 0) { fprintf(stderr, "memhog: no thread\n"); return 1; }
        printf("ready %d %lx\n", getpid(), (unsigned long)region);
        fflush(stdout);
        pthread_exit(NULL);
    }
    if (strcmp(argv[1], "pair") == 0) {
        int ready[2];
        if (pipe(ready) != 0) { perror("pipe"); return 1; }
        pid_t child = fork();
        if (child < 0) { perror("fork"); return 1; }
        if (child == 0) {
            die_with_parent();
            close(ready[0]);
            if (write(ready[1], "x", 1) != 1) return 1;
            close(ready[1]);
            wait_forever();
        }
        close(ready[1]);
        char byte;
        if (read(ready[0], &byte, 1) != 1) { fprintf(stderr, "memhog: child did not start\n"); return 1; }
        printf("ready %d %d %lx\n", getpid(), (int)child, (unsigned long)region);
        fflush(stdout);
        wait_forever();
    }
    fprintf(stderr, "memhog: unknown mode %s\n", argv[1]);
    return 2;
}
