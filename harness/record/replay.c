/* replay.c — `refheap replay FILE`: a recorded allocation stream run through one allocator, for real.
 *
 * Owns the block table (trace id -> pointer, requested size, domain), the domain split, the what-if
 * settings and the replay loop. The split follows CPython (Objects/obmalloc.c, 3.11): PYMEM_DOMAIN_RAW is
 * the C library's malloc (_PyMem_RawMalloc) under every PYTHONMALLOC setting, so RAW records go to the
 * process's malloc (glibc's, or jemalloc's/tcmalloc's when those are preloaded, as they would be under
 * `LD_PRELOAD=... python3`); MEM and OBJ records go to the chosen allocator, as PYTHONMALLOC=pymalloc
 * (3.11's default: both domains are pymalloc), PYTHONMALLOC=malloc and 3.13's PYTHONMALLOC=mimalloc do.
 * Invariants:
 *  - a table entry is live exactly between the record that made it and the record that freed it; every
 *    record naming an id is checked against that, and a new id is at most the highest id so far + 1
 *    (the recorder recycles ids), so a corrupt trace is reported at its offset, never followed;
 *  - every byte malloc or realloc hands out is written once (memset), as object initialisation would, so
 *    RSS is what the allocator's layout costs; calloc'd blocks are left as the allocator zeroed them
 *    (CPython's calloc callers rely on the zeroing too);
 *  - only the allocator calls are timed (rdtsc around each call), never the writes or the decoding.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define HAVE_TSC 1
#endif

#include "record.h"
#include "replay.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_MALLOC 1
#endif
#endif
#ifndef SANITIZER_MALLOC
#define SANITIZER_MALLOC 0
#endif

#define FILL_BYTE 0xCB
#define RELEASE_MIN_BYTES (4ull << 20)
#define RELEASE_POLL_NS 1000000L

static const char replay_usage[] =
    "usage: refheap replay FILE [--allocator NAME|PATH.so] [--profile NAME] [--set KEY=VALUE]...\n"
    "                           [--json OUT] [--report] [--release-deadline-s S]\n"
    "Replays a trace written by `refheap record` through one allocator, writing every allocated byte.\n"
    "  --allocator NAME  pymalloc (the model, default), cpython (CPython 3.11's own obmalloc), malloc,\n"
    "                    mimalloc, jemalloc, tcmalloc, or a plug-in .so; RAW-domain records always go\n"
    "                    to the process's malloc, as in CPython\n"
    "  --profile NAME    pymalloc parameters: py27, py310, py311, py312, py313 (default: the profile of\n"
    "                    the recording interpreter's version)\n"
    "  --set KEY=VALUE   what-if settings (docs/record-replay.md):\n"
    "                      pymalloc: arena_size=256K|1M|..., pool_size=4K|16K|..., keep_empty_arena=0|1,\n"
    "                                PYTHON_PYMALLOC_HUGEPAGES=1\n"
    "                      glibc:    MALLOC_ARENA_MAX=N, MALLOC_TRIM_THRESHOLD_=N, MALLOC_MMAP_THRESHOLD_=N,\n"
    "                                trim_after_full_gc=1 (malloc_trim(0) after each full collection)\n"
    "                      jemalloc: MALLOC_CONF=...   tcmalloc: TCMALLOC_*=...   mimalloc: MIMALLOC_*=...\n"
    "  --json OUT        results as JSON (docs/results-schema.md, refheap-replay/1)\n"
    "  --report          a summary and the RSS timeline at marks and full collections on stdout\n"
    "  --release-deadline-s S  how long to wait for RSS to drop after large frees (default 0.5)\n"
    "exit status: 0 ok, 1 the allocator failed a request, 2 bad trace or usage\n";

static int usage(const char *msg, const char *arg) {
    fprintf(stderr, "refheap replay: %s%s%s\n%s", msg, arg ? " " : "", arg ? arg : "", replay_usage);
    return 2;
}

/* ---------------------------------------------------------------- clocks and RSS */

static uint64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline uint64_t cycles(void) {
#ifdef HAVE_TSC
    return __rdtsc();
#else
    return mono_ns();
#endif
}

static int statm_fd = -1;
static uint64_t rss_kb(void) {
    char b[128];
    ssize_t n = statm_fd >= 0 ? pread(statm_fd, b, sizeof b - 1, 0) : -1;
    if (n <= 0) return 0;
    b[n] = 0;
    const char *p = strchr(b, ' ');
    return p ? strtoull(p + 1, NULL, 10) * (uint64_t)(sysconf(_SC_PAGESIZE) / 1024) : 0;
}

static uint64_t vm_hwm_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    uint64_t v = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) v = strtoull(line + 6, NULL, 10);
    if (f) fclose(f);
    return v;
}

/* ---------------------------------------------------------------- the block table */

typedef struct blk {
    void *p;
    uint64_t size : 61;
    uint64_t domain : 2;
    uint64_t live : 1;
} blk;

static blk *tbl;
static size_t tbl_cap;  /* entries mapped */
static uint64_t tbl_hi; /* highest id seen */

/* Grow the table by mremap (no copy, pages untouched until used). */
static int tbl_reserve(uint64_t id) {
    if (id < tbl_cap) return 0;
    size_t cap = tbl_cap ? tbl_cap : (1u << 16);
    while (cap <= id) cap *= 2;
    void *p = tbl ? mremap(tbl, tbl_cap * sizeof(blk), cap * sizeof(blk), MREMAP_MAYMOVE)
                  : mmap(NULL, cap * sizeof(blk), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return -1;
    tbl = p;
    tbl_cap = cap;
    return 0;
}

/* ---------------------------------------------------------------- settings */

static void append_setting(rh_replay *R, const char *kv) {
    size_t n = strlen(R->settings);
    snprintf(R->settings + n, sizeof R->settings - n, "%s%s", n ? " " : "", kv);
}

/* "256K", "1M", "16384" -> bytes; -1 when not a size. */
static long long parse_size(const char *s) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || v < 0) return -1;
    if (*end == 'K' || *end == 'k') v <<= 10, end++;
    else if (*end == 'M' || *end == 'm') v <<= 20, end++;
    else if (*end == 'G' || *end == 'g') v <<= 30, end++;
    if (*end == 'i' || *end == 'B') end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
    return *end ? -1 : v;
}

/* Settings that are environment variables of the allocator itself are exported before the allocator
 * starts (before the LD_PRELOAD re-exec, which keeps the environment). */
static int is_env_setting(const char *key) {
    return !strcmp(key, "MALLOC_CONF") || !strncmp(key, "TCMALLOC_", 9) || !strncmp(key, "MIMALLOC_", 9);
}

static int apply_setting(rh_replay *R, const char *kv) {
    const char *eq = strchr(kv, '=');
    if (!eq || eq == kv) return usage("--set needs KEY=VALUE, got", kv);
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
    const char *val = eq + 1;
    long long v = parse_size(val);
    int ok = 1;
    append_setting(R, kv);
    if (is_env_setting(key)) {
        setenv(key, val, 1);
        return 0;
    }
    if (v < 0 || v > INT32_MAX) return usage("--set: not a number or size below 2 GiB:", kv);
    if (!strcmp(key, "arena_size")) R->profile.arena_size = (uint32_t)v;
    else if (!strcmp(key, "pool_size")) R->profile.pool_size = (uint32_t)v;
    else if (!strcmp(key, "keep_empty_arena")) R->profile.keep_one_empty_arena = v != 0;
    else if (!strcmp(key, "PYTHON_PYMALLOC_HUGEPAGES")) R->hugepages = v != 0;
    else if (!strcmp(key, "trim_after_full_gc")) R->trim_after_full_gc = v != 0;
    else if (!strcmp(key, "MALLOC_ARENA_MAX")) ok = mallopt(M_ARENA_MAX, (int)v);
    else if (!strcmp(key, "MALLOC_TRIM_THRESHOLD_")) ok = mallopt(M_TRIM_THRESHOLD, (int)v);
    else if (!strcmp(key, "MALLOC_MMAP_THRESHOLD_")) ok = mallopt(M_MMAP_THRESHOLD, (int)v);
    else return usage("--set: unknown setting", key);
    /* mallopt returns 1 on success: glibc refuses e.g. an mmap threshold above HEAP_MAX/2 (32 MiB) */
    if (!ok && SANITIZER_MALLOC) {
        fprintf(stderr, "refheap replay: --set %s: this refheap is built with a sanitizer, whose malloc "
                "replaces glibc's, so glibc's settings cannot apply (use a Release build)\n", kv);
        return 2;
    }
    if (!ok) return usage("--set: glibc's mallopt refused", kv);
    return 0;
}

/* ---------------------------------------------------------------- huge-page arenas */

/* As CPython 3.14's _PyMem_ArenaAlloc with PYTHON_PYMALLOC_HUGEPAGES=1: MAP_HUGETLB first, normal pages
 * when the kernel has no huge page to give. */
static void *hp_alloc(void *ctx, size_t size) {
    rh_replay *R = ctx;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
    if (p != MAP_FAILED) {
        R->hugepage_arenas++;
        return p;
    }
    R->hugepage_fallbacks++;
    p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static void hp_free(void *ctx, void *p, size_t size) {
    (void)ctx;
    munmap(p, size);
}

/* The replayer's own growing arrays (timeline, labels, releases, arena records) live in their own
 * mappings, never in the heap of malloc: under --allocator malloc (and for RAW records, and under a
 * preloaded jemalloc/tcmalloc) an array realloc'ed while the program runs would sit among the replayed
 * blocks and keep the heap's top from being trimmed. Sizes in elements; the mapping is cap * elsize. */
static int grow_mapped(void **v, size_t *cap, size_t need, size_t elsize) {
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need) c *= 2;
    void *p = *v ? mremap(*v, *cap * elsize, c * elsize, MREMAP_MAYMOVE)
                 : mmap(NULL, c * elsize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return -1;
    *v = p;
    *cap = c;
    return 0;
}

static void free_mapped(void *v, size_t cap, size_t elsize) {
    if (v) munmap(v, cap * elsize);
}

static int push(void **v, size_t *n, size_t *cap, size_t elsize) {
    return grow_mapped(v, cap, *n + 1, elsize);
}

/* ---------------------------------------------------------------- arenas placed as the real run's */

/* Objects/obmalloc.c new_arena (3.11): an arena whose address is not pool-aligned loses one pool
 * (`excess = address & POOL_SIZE_MASK; if (excess) --nfreepools`). Which arenas the kernel hands out
 * misaligned depends on the process's other mappings, so a replay over plain mmap has its own pattern,
 * and where a peak fills the arenas to within a few pools, one side needs one arena more (a 63-pool
 * arena instead of a 64-pool one). The trace records each arena's address (ARENA_ALLOC events, written
 * inside the allocation that needed it, so before its record); the replay's n-th arena is mapped at the
 * n-th recorded arena's offset from pool alignment when the arena sizes agree, and from plain mmap
 * otherwise (an older trace, a what-if arena size, arenas beyond the recorded ones, huge pages). */
static void *placed_arena_alloc(void *ctx, size_t size) {
    rh_replay *R = ctx;
    rh_arena_place *A = &R->arenas;
    uint64_t pool = R->profile.pool_size;
    if (A->next >= A->n || A->addr[A->next].size != size || !pool || (pool & (pool - 1))) {
        A->unplaced++;
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    uint64_t want = A->addr[A->next++].address;
    char *s = mmap(NULL, size + pool, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) return NULL;
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE); /* a corrupt address must still give a page-aligned arena */
    size_t head = (size_t)((want - (uint64_t)(uintptr_t)s) & (pool - 1) & ~(page - 1)); /* < pool */
    if (head) munmap(s, head);
    munmap(s + head + size, pool - head);
    A->placed++;
    return s + head;
}

static void placed_arena_free(void *ctx, void *p, size_t size) {
    (void)ctx;
    munmap(p, size);
}

#ifdef RH_LAUNCHER_LIBPYTHON
/* --allocator cpython: CPython's own obmalloc (reference/src/alloc_cpython.c, Debian's libpython dlopen'ed)
 * gets the same placement. Its arena allocator is set here (PyObject_SetArenaAllocator; the struct is
 * PyObjectArenaAllocator's layout) before the cpython allocator wraps whatever is installed, and put back
 * in free_replay after that allocator has restored ours. */
typedef struct py_arena_allocator {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
} py_arena_allocator;
static py_arena_allocator py_arena_before;
static void (*py_set_arena)(py_arena_allocator *);

static void place_cpython_arenas(rh_replay *R) {
    void *dl = dlopen(RH_LAUNCHER_LIBPYTHON, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    void (*get)(py_arena_allocator *) = dl ? (void (*)(py_arena_allocator *))dlsym(dl, "PyObject_GetArenaAllocator") : NULL;
    py_set_arena = dl ? (void (*)(py_arena_allocator *))dlsym(dl, "PyObject_SetArenaAllocator") : NULL;
    if (!get || !py_set_arena) { /* the cpython allocator reports why it cannot run */
        py_set_arena = NULL;
        return;
    }
    get(&py_arena_before);
    py_arena_allocator mine = {R, placed_arena_alloc, placed_arena_free};
    py_set_arena(&mine);
}

static void unplace_cpython_arenas(void) {
    if (py_set_arena) py_set_arena(&py_arena_before);
    py_set_arena = NULL;
}
#else
static void place_cpython_arenas(rh_replay *R) { (void)R; }
static void unplace_cpython_arenas(void) {}
#endif

#define ARENAS_WAITING_MAX (1u << 20) /* a replay that far behind the recording is not replaying it */

/* An ARENA_ALLOC event: queue the address for the replay's next arena, when the replay's arenas have
 * that size (not under another arena_size or huge pages, whose arenas never take recorded places). */
static int arena_recorded(rh_replay *R, uint64_t address, uint64_t size) {
    rh_arena_place *A = &R->arenas;
    A->recorded++;
    if (size != R->profile.arena_size || R->hugepages || A->n - A->next >= ARENAS_WAITING_MAX) return 0;
    if (A->next == A->n) A->next = A->n = 0; /* all used: start over, the queue stays short */
    if (push((void **)&A->addr, &A->n, &A->cap, sizeof *A->addr) != 0) return -1;
    A->addr[A->n++] = (rh_arena_rec){address, size};
    return 0;
}

/* ---------------------------------------------------------------- timeline */

typedef struct phase {
    uint64_t peak_live, peak_rss_kb;
} phase;

static void sleep_ns(long ns) {
    struct timespec ts = {0, ns};
    nanosleep(&ts, NULL);
}

/* A release point: poll RSS until it is below the target or the deadline passes. */
static void release_check(rh_replay *R, phase *ph, uint64_t rss_now) {
    uint64_t freed = ph->peak_live > R->live_bytes ? ph->peak_live - R->live_bytes : 0;
    if (freed < RELEASE_MIN_BYTES || freed * 4 < ph->peak_live) return;
    if (push((void **)&R->rel, &R->nrel, &R->cap_rel, sizeof *R->rel) != 0) return;
    rh_release *e = &R->rel[R->nrel++];
    uint64_t half = freed / 2048;
    *e = (rh_release){.ops = R->ops, .freed_bytes = freed, .rss_peak_kb = ph->peak_rss_kb, .rss_at_kb = rss_now,
                      .target_kb = ph->peak_rss_kb > half ? ph->peak_rss_kb - half : 0, .latency_ns = -1};
    uint64_t t0 = mono_ns(), deadline = t0 + (uint64_t)(R->release_deadline_s * 1e9);
    uint64_t rss = rss_now;
    for (;;) {
        if (rss <= e->target_kb) {
            e->latency_ns = (int64_t)(mono_ns() - t0);
            break;
        }
        if (mono_ns() >= deadline) break;
        sleep_ns(RELEASE_POLL_NS);
        rss = rss_kb();
    }
    e->rss_after_kb = rss;
    *ph = (phase){R->live_bytes, rss};
}

/* ---------------------------------------------------------------- the replay */

typedef struct loop {
    rh_replay *R;
    rh_trace_reader *rd;
    uint64_t start_ns;
    uint64_t real_rss_kb;
    rh_point_kind pending;   /* the event that the next RSS record belongs to */
    int pending_gen;
    uint32_t pending_label;
    phase ph;
    uint64_t paused_ns;      /* time spent polling for release, excluded from t_replay */
} loop;

static inline void touch(void *p, uint64_t from, uint64_t to) {
    if (to > from) memset((char *)p + from, FILL_BYTE, (size_t)(to - from));
}

static void *do_alloc(rh_replay *R, int dom, int kind, uint64_t size, uint64_t nelem) {
    rh_allocator *A = &R->alloc;
    uint64_t c0 = cycles();
    void *p;
    if (dom == RH_DOM_RAW) p = kind == RH_TR_CALLOC ? calloc(nelem, size) : malloc(size ? size : 1);
    else p = kind == RH_TR_CALLOC ? A->calloc(A->ctx, nelem, size) : A->malloc(A->ctx, size);
    R->alloc_cycles += cycles() - c0;
    return p;
}

static void *do_realloc(rh_replay *R, int dom, void *p, uint64_t old, uint64_t size) {
    rh_allocator *A = &R->alloc;
    uint64_t c0 = cycles();
    void *q = dom == RH_DOM_RAW ? realloc(p, size ? size : 1) : A->realloc(A->ctx, p, old, size);
    R->alloc_cycles += cycles() - c0;
    return q;
}

static void do_free(rh_replay *R, const blk *b) {
    rh_allocator *A = &R->alloc;
    uint64_t c0 = cycles();
    if (b->domain == RH_DOM_RAW) free(b->p);
    else A->free(A->ctx, b->p, b->size);
    R->alloc_cycles += cycles() - c0;
}

/* A new block for `id`: checked, then filled in. */
static int new_block(loop *L, uint64_t id, void *p, uint64_t size, int dom) {
    rh_replay *R = L->R;
    if (!p) {
        fprintf(stderr, "refheap replay: allocator %s returned NULL for %llu bytes (record %llu)\n",
                R->alloc_label, (unsigned long long)size, (unsigned long long)rh_trace_records(L->rd));
        return 1;
    }
    tbl[id] = (blk){.p = p, .size = size, .domain = (uint64_t)dom, .live = 1};
    R->live_bytes += size;
    if (R->live_bytes > R->peak_live_bytes) R->peak_live_bytes = R->live_bytes;
    if (R->live_bytes > L->ph.peak_live) L->ph.peak_live = R->live_bytes;
    return 0;
}

static int check_new_id(loop *L, uint64_t id) {
    if (id > tbl_hi + 1)
        return rh_trace_fail(L->rd, "block id %llu skips ids (highest so far %llu)", (unsigned long long)id,
                             (unsigned long long)tbl_hi);
    if (tbl_reserve(id) != 0) return rh_trace_fail(L->rd, "out of memory for block id %llu", (unsigned long long)id);
    if (id <= tbl_hi && tbl[id].live)
        return rh_trace_fail(L->rd, "block id %llu allocated while still live", (unsigned long long)id);
    if (id > tbl_hi) tbl_hi = id;
    return 0;
}

static int check_live(loop *L, uint64_t id, const char *what) {
    if (id == 0 || id > tbl_hi || !tbl[id].live)
        return rh_trace_fail(L->rd, "%s of block id %llu, which is not live", what, (unsigned long long)id);
    return 0;
}

#define SIZE_LIMIT (1ull << 46) /* no real request is this large; a corrupt size must not be served */

static int op(loop *L, const rh_trace_rec *r) {
    rh_replay *R = L->R;
    int dom = r->domain;
    R->ops++;
    R->ops_by_kind[r->kind]++;
    R->ops_by_domain[dom]++;
    switch (r->kind) {
    case RH_TR_MALLOC:
    case RH_TR_CALLOC: {
        uint64_t size = r->size;
        if (r->kind == RH_TR_CALLOC && r->nelem && size > SIZE_LIMIT / r->nelem)
            return rh_trace_fail(L->rd, "calloc(%llu, %llu) overflows", (unsigned long long)r->nelem,
                                 (unsigned long long)size);
        uint64_t total = r->kind == RH_TR_CALLOC ? r->nelem * size : size;
        if (total > SIZE_LIMIT) return rh_trace_fail(L->rd, "request of %llu bytes", (unsigned long long)total);
        if (r->id == 0) return 0; /* failed in the real run */
        if (check_new_id(L, r->id) != 0) return -1;
        void *p = do_alloc(R, dom, r->kind, size, r->nelem);
        if (p && r->kind == RH_TR_MALLOC) touch(p, 0, total);
        return new_block(L, r->id, p, total, dom) ? 1 : 0;
    }
    case RH_TR_REALLOC: {
        if (r->size > SIZE_LIMIT) return rh_trace_fail(L->rd, "request of %llu bytes", (unsigned long long)r->size);
        if (r->id && check_live(L, r->id, "realloc") != 0) return -1;
        if (r->id2 == 0) return 0; /* failed in the real run: the old block stays */
        blk old = r->id ? tbl[r->id] : (blk){0};
        if (r->id) {
            tbl[r->id].live = 0;
            R->live_bytes -= old.size;
        }
        if (check_new_id(L, r->id2) != 0) {
            if (r->id) tbl[r->id].live = 1, R->live_bytes += old.size;
            return -1;
        }
        int d = r->id ? (int)old.domain : dom;
        void *q = r->id ? do_realloc(R, d, old.p, old.size, r->size) : do_alloc(R, d, RH_TR_MALLOC, r->size, 0);
        if (q) touch(q, r->id ? old.size : 0, r->size);
        if (!q && r->id) tbl[r->id].live = 1, R->live_bytes += old.size;
        return new_block(L, r->id2, q, r->size, d) ? 1 : 0;
    }
    case RH_TR_FREE:
        if (check_live(L, r->id, "free") != 0) return -1;
        do_free(R, &tbl[r->id]);
        tbl[r->id].live = 0;
        R->live_bytes -= tbl[r->id].size;
        return 0;
    default:
        return rh_trace_fail(L->rd, "unknown kind %d", r->kind);
    }
}

static uint32_t add_label(rh_replay *R, const char *s, size_t n) {
    if (grow_mapped((void **)&R->labels, &R->labels_cap, R->labels_len + n + 1, 1) != 0) return 0;
    uint32_t off = (uint32_t)R->labels_len;
    memcpy(R->labels + off, s, n);
    R->labels[off + n] = 0;
    R->labels_len += n + 1;
    return off;
}

static void add_point(loop *L, uint64_t t_real) {
    rh_replay *R = L->R;
    uint64_t rss = rss_kb();
    if (rss > L->ph.peak_rss_kb) L->ph.peak_rss_kb = rss;
    if (push((void **)&R->pts, &R->npts, &R->cap_pts, sizeof *R->pts) != 0) return;
    R->pts[R->npts++] = (rh_point){.kind = (uint8_t)L->pending, .generation = (int8_t)L->pending_gen,
                                   .label = L->pending_label, .ops = R->ops, .t_real_ns = t_real,
                                   .t_replay_ns = mono_ns() - L->start_ns - L->paused_ns,
                                   .real_rss_kb = L->real_rss_kb, .rss_kb = rss, .live_bytes = R->live_bytes};
    if (L->real_rss_kb > R->real_peak_rss_kb) R->real_peak_rss_kb = L->real_rss_kb;
    if (L->pending == PT_EXIT) {
        R->final_rss_kb = rss;
        R->real_final_rss_kb = L->real_rss_kb;
    }
    if (L->pending == PT_MARK || L->pending == PT_GC || L->pending == PT_EXIT) {
        uint64_t t0 = mono_ns();
        release_check(R, &L->ph, rss);
        L->paused_ns += mono_ns() - t0;
    }
    L->pending = PT_SAMPLE;
    L->pending_gen = -1;
}

static void stats_unknown(rh_allocator_stats *s) {
    memset(s, 0xff, sizeof *s);
    s->struct_size = sizeof *s;
    s->nsize_classes = 0;
    memset(s->classes, 0, sizeof s->classes);
}

/* The allocator's own description and statistics while the program's heap is still live. */
static void snapshot_alloc_json(rh_replay *R) {
    size_t len = 0;
    free(R->alloc_json);
    R->alloc_json = NULL;
    FILE *f = open_memstream(&R->alloc_json, &len);
    if (!f) return;
    rh_allocator_stats_json(&R->alloc, f);
    fclose(f);
}

static void meta(rh_replay *R, const char *text, size_t len) {
    const char *end = text + len;
    for (const char *line = text; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl) nl = end;
        int n = (int)(nl - line);
        if (n > 7 && !strncmp(line, "python=", 7)) snprintf(R->python, sizeof R->python, "%.*s", n - 7, line + 7);
        else if (n > 11 && !strncmp(line, "executable=", 11))
            snprintf(R->executable, sizeof R->executable, "%.*s", n - 11, line + 11);
        else if (n > 5 && !strncmp(line, "argv=", 5)) snprintf(R->argv, sizeof R->argv, "%.*s", n - 5, line + 5);
        line = nl + 1;
    }
}

static int event(loop *L, const rh_trace_rec *r) {
    rh_replay *R = L->R;
    switch (r->event) {
    case RH_EV_META: meta(R, r->text, r->textlen); break;
    case RH_EV_RSS:
        L->real_rss_kb = r->a;
        add_point(L, r->t_ns);
        break;
    case RH_EV_GC_START: break;
    case RH_EV_GC_STOP:
        if (r->a > 2) return rh_trace_fail(L->rd, "collection of generation %llu", (unsigned long long)r->a);
        L->pending = PT_GC;
        L->pending_gen = (int)r->a;
        if (r->a == 2 && R->trim_after_full_gc) {
            malloc_trim(0);
            R->trims++;
        }
        break;
    case RH_EV_MARK:
        L->pending = PT_MARK;
        L->pending_label = add_label(R, r->text, r->textlen);
        break;
    case RH_EV_STATS: {
        L->pending = PT_EXIT;
        stats_unknown(&R->real_stats);
        rh_mallocstats_parse(r->text, r->textlen, &R->real_stats);
        R->have_real_stats = R->real_stats.nsize_classes > 0;
        stats_unknown(&R->model_stats);
        R->have_model_stats = R->alloc.stats && R->alloc.stats(R->alloc.ctx, &R->model_stats) == 0 &&
                              R->model_stats.nsize_classes > 0;
        if (R->have_real_stats && R->have_model_stats) rh_replay_model_check(R);
        snapshot_alloc_json(R);
        break;
    }
    case RH_EV_ARENA_ALLOC:
        if (arena_recorded(R, r->a, r->b) != 0) return rh_trace_fail(L->rd, "out of memory for arena records");
        break;
    case RH_EV_ARENA_FREE: R->arenas.recorded_frees++; break;
    case RH_EV_END: {
        R->have_end = 1;
        R->exit_status = (int)((r->a >> 1) ^ (~(r->a & 1) + 1));
        R->recorded_ops = r->b;
        R->unknown_frees = r->c;
        if (!R->final_rss_kb) {
            R->final_rss_kb = L->R->npts ? R->pts[R->npts - 1].rss_kb : rss_kb();
            R->real_final_rss_kb = L->real_rss_kb;
        }
        break;
    }
    }
    return 0;
}

/* Free whatever the trace left live (blocks the interpreter never freed) so the allocator can go. */
static void release_all(rh_replay *R) {
    for (uint64_t id = 1; id <= tbl_hi && id < tbl_cap; id++)
        if (tbl[id].live) {
            do_free(R, &tbl[id]);
            tbl[id].live = 0;
        }
}

static int run(rh_replay *R, rh_trace_reader *rd) {
    loop L = {.R = R, .rd = rd, .pending = PT_SAMPLE, .pending_gen = -1};
    rh_trace_rec rec;
    R->baseline_rss_kb = rss_kb();
    uint64_t c0 = cycles(), n0 = mono_ns();
    L.start_ns = n0;
    int rc, status = 0;
    while ((rc = rh_trace_next(rd, &rec)) == 1) {
        int st = rec.kind == RH_TR_EVENT ? event(&L, &rec) : op(&L, &rec);
        if (st < 0) { rc = -1; break; }
        if (st > 0) { status = 1; break; }
    }
    uint64_t c1 = cycles(), n1 = mono_ns();
    R->wall_ns = n1 - n0 - L.paused_ns;
    R->ns_per_cycle = c1 > c0 ? (double)(n1 - n0) / (double)(c1 - c0) : 1.0;
    if (rc < 0) {
        fprintf(stderr, "refheap replay: %s\n", rh_trace_error(rd));
        status = 2;
    }
    R->peak_rss_kb = vm_hwm_kb();
    if (!R->alloc_json) snapshot_alloc_json(R);
    release_all(R);
    return status;
}

/* ---------------------------------------------------------------- set-up */

static const char *profile_for_version(const char *v) {
    static char name[16];
    int major = 0, minor = 0;
    if (sscanf(v, "%d.%d", &major, &minor) != 2) return NULL;
    snprintf(name, sizeof name, "py%d%d", major, minor);
    return rh_profile_get(name) ? name : NULL;
}

/* Read records up to the META event (the first record), for the interpreter's version. */
static int read_meta(rh_replay *R, rh_trace_reader *rd) {
    rh_trace_rec rec;
    int rc = rh_trace_next(rd, &rec);
    if (rc != 1) {
        fprintf(stderr, "refheap replay: %s\n", rc < 0 ? rh_trace_error(rd) : "empty trace");
        return 2;
    }
    if (rec.kind != RH_TR_EVENT || rec.event != RH_EV_META) {
        rh_trace_fail(rd, "the trace does not start with its META record");
        fprintf(stderr, "refheap replay: %s\n", rh_trace_error(rd));
        return 2;
    }
    meta(R, rec.text, rec.textlen);
    return 0;
}

static int make_allocator(rh_replay *R) {
    char err[300] = "";
    const char *name = R->alloc_name;
    if (!strcmp(name, "pymalloc")) {
        static rh_arena_allocator hp, placed;
        hp = (rh_arena_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof hp, "hugepages", R, hp_alloc, hp_free};
        placed = (rh_arena_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof placed, "mmap, placed as recorded", R,
                                      placed_arena_alloc, placed_arena_free};
        if (rh_allocator_pymalloc(&R->alloc, &R->profile, R->hugepages ? &hp : &placed) != 0) {
            fprintf(stderr, "refheap replay: pymalloc cannot run with arena_size=%u pool_size=%u (powers of two, "
                    "at least 4 pools per arena, a pool holding two %u-byte blocks)\n", R->profile.arena_size,
                    R->profile.pool_size, R->profile.small_request_threshold);
            return 2;
        }
    } else {
        if (!strcmp(name, "cpython")) place_cpython_arenas(R);
        if (rh_allocator_create(&R->alloc, name, &R->profile, err, sizeof err) != 0) {
            fprintf(stderr, "refheap replay: allocator '%s': %s\n", name, err);
            return 2;
        }
    }
    R->alloc_label = R->alloc.name;
    return 0;
}

static int parse_args(rh_replay *R, int argc, char **argv, const char **profile_name) {
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--report")) R->report = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(replay_usage, stdout); return 0; }
        else if (!strcmp(a, "--allocator") || !strcmp(a, "--profile") || !strcmp(a, "--json") ||
                 !strcmp(a, "--set") || !strcmp(a, "--release-deadline-s")) {
            if (i + 1 >= argc) return usage("missing value for", a);
            const char *v = argv[++i];
            if (!strcmp(a, "--allocator")) R->alloc_name = v;
            else if (!strcmp(a, "--profile")) *profile_name = v;
            else if (!strcmp(a, "--json")) R->json_path = v;
            else if (!strcmp(a, "--release-deadline-s")) {
                char *end;
                R->release_deadline_s = strtod(v, &end);
                if (*end || R->release_deadline_s < 0) return usage("not a non-negative number:", v);
            } else if (!strchr(v, '=')) return usage("--set needs KEY=VALUE, got", v);
        } else if (a[0] == '-' && a[1]) return usage("unknown option", a);
        else if (R->trace_path) return usage("more than one trace:", a);
        else R->trace_path = a;
    }
    if (!R->trace_path) return usage("missing trace FILE", NULL);
    return -1;
}

/* --set values, applied once the profile is known (they modify it). */
static int apply_settings(rh_replay *R, int argc, char **argv) {
    for (int i = 2; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--set")) {
            int rc = apply_setting(R, argv[++i]);
            if (rc) return rc;
        } else if (!strcmp(argv[i], "--allocator") || !strcmp(argv[i], "--profile") ||
                   !strcmp(argv[i], "--json") || !strcmp(argv[i], "--release-deadline-s")) {
            i++;
        }
    if (R->hugepages && !strstr(R->settings, "arena_size=")) R->profile.arena_size = 2u << 20;
    return 0;
}

static void free_replay(rh_replay *R) {
    if (R->alloc.malloc) rh_allocator_destroy(&R->alloc);
    unplace_cpython_arenas();
    free_mapped(R->pts, R->cap_pts, sizeof *R->pts);
    free_mapped(R->labels, R->labels_cap, 1);
    free_mapped(R->rel, R->cap_rel, sizeof *R->rel);
    free(R->diffs);
    free(R->alloc_json);
    free_mapped(R->arenas.addr, R->arenas.cap, sizeof *R->arenas.addr);
    if (tbl) munmap(tbl, tbl_cap * sizeof(blk));
    tbl = NULL;
    tbl_cap = 0;
    tbl_hi = 0;
}

int rh_replay_main(int argc, char **argv) {
    rh_replay R;
    memset(&R, 0, sizeof R);
    R.alloc_name = "pymalloc";
    R.release_deadline_s = 0.5;
    const char *profile_name = NULL;
    int st = parse_args(&R, argc, argv, &profile_name);
    if (st >= 0) return st;
    /* environment settings first: a preloaded allocator reads them when the re-executed process starts */
    for (int i = 2; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--set")) {
            const char *kv = argv[i + 1], *eq = strchr(kv, '=');
            char key[64];
            snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
            if (is_env_setting(key)) setenv(key, eq + 1, 1);
        }
    if (rh_preload_library(R.alloc_name)) {
        char err[256];
        if (rh_preload_reexec(R.alloc_name, argv) != 0) {
            fprintf(stderr, "refheap replay: cannot re-execute with allocator '%s' preloaded\n", R.alloc_name);
            return 2;
        }
        if (rh_preload_verify(R.alloc_name, err, sizeof err) != 0) {
            fprintf(stderr, "refheap replay: allocator '%s' is not active in this process: %s\n", R.alloc_name, err);
            return 2;
        }
    }
    char err[600];
    rh_trace_reader *rd = rh_trace_reader_open(R.trace_path, err, sizeof err);
    if (!rd) {
        fprintf(stderr, "refheap replay: %s\n", err);
        return 2;
    }
    st = read_meta(&R, rd);
    if (st) {
        rh_trace_reader_close(rd);
        return st;
    }
    R.profile_explicit = profile_name != NULL;
    if (!profile_name) profile_name = profile_for_version(R.python);
    const rh_profile *prof = rh_profile_get(profile_name);
    if (!prof) {
        fprintf(stderr, "refheap replay: unknown profile '%s'; known:", profile_name);
        for (const char *const *p = rh_profile_names(); *p; p++) fprintf(stderr, " %s", *p);
        fputc('\n', stderr);
        rh_trace_reader_close(rd);
        return 2;
    }
    R.profile = *prof;
    st = apply_settings(&R, argc, argv);
    if (!st) st = make_allocator(&R);
    if (st) {
        rh_trace_reader_close(rd);
        free_replay(&R);
        return st;
    }
    statm_fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    st = run(&R, rd);
    rh_trace_reader_close(rd);
    if (st == 0) {
        if (R.report) rh_replay_write_report(&R, stdout);
        if (R.json_path && rh_replay_write_json(&R, R.json_path) != 0) {
            fprintf(stderr, "refheap replay: cannot write %s: %s\n", R.json_path, strerror(errno));
            st = 2;
        }
    }
    if (statm_fd >= 0) close(statm_fd);
    statm_fd = -1;
    free_replay(&R);
    return st;
}
