/*
 * growhog: a test helper for the per-mapping change (memtop maps --diff, the Mappings view's Δ).
 * Built by the tests with gcc into a temporary directory (see grow-helpers.ts). It dies with its
 * parent (PR_SET_PDEATHSIG).
 *
 *   growhog HEAP_MIB ANON_MIB [MOVED_MIB]
 *                               grows [heap] by a page (sbrk) and maps ANON_MIB MiB of private
 *                               anonymous memory between two PROT_NONE guard pages (one mapping
 *                               the kernel cannot merge), touching only its first page; prints
 *                               "ready PID HEAP REGION" (start addresses, hex) and waits. On
 *                               SIGUSR1 it grows [heap] by HEAP_MIB MiB (sbrk) and writes every
 *                               page of it and of the region, then prints "grown" and waits.
 *                               With MOVED_MIB, it also maps a touched region of MOVED_MIB MiB
 *                               at the start, and on SIGUSR1 unmaps it and maps a new one of
 *                               twice the size, touched (a mapping gone, and a new one).
 *
 * Between a reading before SIGUSR1 and one after, the heap's RSS grows by HEAP_MIB MiB and the
 * region's by ANON_MIB MiB less its first page; nothing else in the process moves.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

static volatile sig_atomic_t grow_asked;

static void on_usr1(int sig)
{
    (void)sig;
    grow_asked = 1;
}

/* `bytes` of private anonymous memory between two PROT_NONE guard pages; its first `touched` bytes written. */
static char *guarded_region(size_t bytes, size_t touched, size_t page)
{
    char *base = mmap(NULL, bytes + 2 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); exit(1); }
    char *region = base + page;
    if (mprotect(region, bytes, PROT_READ | PROT_WRITE) != 0) { perror("mprotect"); exit(1); }
    madvise(region, bytes, MADV_NOHUGEPAGE);
    for (size_t i = 0; i < touched; i += page) region[i] = (char)(1 + i / page % 251);
    return region;
}

static void touch(char *start, size_t bytes, size_t page)
{
    for (size_t i = 0; i < bytes; i += page) start[i] = (char)(1 + i / page % 251);
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: growhog HEAP_MIB ANON_MIB [MOVED_MIB]\n");
        return 2;
    }
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) { perror("prctl"); return 1; }
    if (getppid() == 1) return 1;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t heap_bytes = strtoul(argv[1], NULL, 10) << 20;
    size_t anon_bytes = strtoul(argv[2], NULL, 10) << 20;
    size_t moved_bytes = argc == 4 ? strtoul(argv[3], NULL, 10) << 20 : 0;

    sigset_t usr1, old;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    /* Blocked until sigsuspend: a SIGUSR1 sent early is held, not lost. */
    sigprocmask(SIG_BLOCK, &usr1, &old);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_usr1;
    sigaction(SIGUSR1, &action, NULL);

    char *heap = sbrk((intptr_t)page);
    if (heap == (void *)-1) { perror("sbrk"); return 1; }
    touch(heap, page, page);
    char *region = guarded_region(anon_bytes, page, page);
    char *moved = moved_bytes ? guarded_region(moved_bytes, moved_bytes, page) : NULL;
    /*
     * The library code the growth runs (sbrk, munmap) is called once now: its first call would
     * fault in libc's code pages (64 KiB at a time, the kernel's fault-around) between readings.
     */
    sbrk(0);
    char *spare = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (spare == MAP_FAILED || munmap(spare, page) != 0) { perror("mmap"); return 1; }
    /* stdout's buffer is allocated here, before the first reading. */
    printf("ready %d %lx %lx\n", getpid(), (unsigned long)heap, (unsigned long)region);
    fflush(stdout);

    while (!grow_asked) sigsuspend(&old);
    char *more = sbrk((intptr_t)heap_bytes);
    if (more == (void *)-1) { perror("sbrk"); return 1; }
    touch(more, heap_bytes, page);
    touch(region, anon_bytes, page);
    if (moved) {
        if (munmap(moved - page, moved_bytes + 2 * page) != 0) { perror("munmap"); return 1; }
        guarded_region(2 * moved_bytes, 2 * moved_bytes, page);
    }
    printf("grown\n");
    fflush(stdout);
    for (;;) pause();
}
