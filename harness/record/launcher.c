/* launcher.c — refheap-record-launcher: a Python interpreter (libpython embedded) whose heap is traced.
 *
 *   refheap-record-launcher TRACE PYTHON [python arguments: SCRIPT.py ARGS… | -m MODULE ARGS… | …]
 *
 * `refheap record` (record.c) runs it; it is built against Debian's libpython3.11 by CMake and, for
 * another interpreter (--python), compiled by record.c against that interpreter's libpython.
 *
 * Order of start-up (PEP 587; CPython 3.11 Python/preconfig.c, Python/pylifecycle.c):
 *  1. Py_PreInitializeFromBytesArgs: reads PYTHONMALLOC / -X dev and sets the allocators
 *     (_PyPreConfig_Write -> _PyMem_SetupAllocators, only when an allocator was asked for); no object is
 *     allocated yet (checked below: _Py_GetAllocatedBlocks() == 0).
 *  2. PyMem_GetAllocator on RAW, MEM and OBJ, then PyMem_SetAllocator with hooks that call the saved
 *     ones — the place PyMem_SetAllocator's documentation names for a custom allocator ("after
 *     Py_PreInitialize() and before Py_InitializeFromConfig()"). Nothing in Py_InitializeFromConfig
 *     replaces them: pylifecycle.c never calls _PyMem_SetupAllocators; the only swaps are the temporary
 *     _PyMem_SetDefaultAllocator(PYMEM_DOMAIN_RAW, &old) ... PyMem_SetAllocator(RAW, &old) pairs in
 *     Python/pystate.c, initconfig.c and pathconfig.c, which allocate and free configuration strings with
 *     plain malloc and put our RAW hook back after.
 *     The arena allocator (PyObject_SetArenaAllocator) is wrapped at the same point: pymalloc's arenas.
 *  3. Py_InitializeFromConfig, then the gc.callbacks hook and the atexit hook, then Py_RunMain (runs the
 *     script and finalizes). Every PyMem_* / PyObject_* call from start-up to the end of finalization
 *     goes through the hooks.
 *
 * Owns the recorder state below (one per process). Invariants:
 *  - every hook runs with `rec_lock` held around the real call and the record, so the order of records
 *    is an order in which the real calls could have happened (a free is recorded before the block is
 *    given back, a malloc after it is obtained);
 *  - a call made from inside another hook (pymalloc serving a large request with PyMem_RawMalloc) is
 *    not recorded: it is the outer call's implementation (thread-local `depth`);
 *  - `blocks` maps each live recorded pointer to its id; ids are recycled LIFO from `free_ids`, so a new
 *    id is at most next_id (the reader relies on it);
 *  - after fork() the child records nothing and never writes to the trace (pthread_atfork).
 * The refheap shim: `import refheap` in the traced program finds a built-in module with mark(label) (and
 * the shim's MARKS list), which writes a MARK event.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "trace.h"

/* exported by libpython 3.8-3.13; declared in a public header only up to 3.12 */
PyAPI_FUNC(int) _PyObject_DebugMallocStats(FILE *out);
PyAPI_FUNC(Py_ssize_t) _Py_GetAllocatedBlocks(void); /* sys.getallocatedblocks() */

#define SAMPLE_EVERY_OPS 1024        /* check the clock for an RSS sample this often */
#define SAMPLE_PERIOD_NS 10000000ull /* and sample at most every 10 ms */
#define LAUNCHER_FAILED 125          /* exit status when the launcher itself fails (record.c knows it) */

/* ---------------------------------------------------------------- pointer -> id table */

typedef struct slot { uintptr_t key; uint64_t id; } slot; /* key 0: empty */

static struct {
    slot *t;
    size_t mask, used;
} blocks;

static uint64_t *free_ids;
static size_t nfree_ids, cap_free_ids;
static uint64_t next_id = 1;

static inline size_t hash_ptr(uintptr_t p) { return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull); }

static void *raw_calloc_or_die(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) {
        fputs("refheap record: out of memory for the block table\n", stderr);
        _exit(LAUNCHER_FAILED);
    }
    return p;
}

static void blocks_insert(uintptr_t key, uint64_t id);

static void blocks_grow(void) {
    slot *old = blocks.t;
    size_t oldn = old ? blocks.mask + 1 : 0;
    size_t n = oldn ? oldn * 2 : (1u << 16);
    blocks.t = raw_calloc_or_die(n, sizeof(slot));
    blocks.mask = n - 1;
    blocks.used = 0;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].key) blocks_insert(old[i].key, old[i].id);
    free(old);
}

static void blocks_insert(uintptr_t key, uint64_t id) {
    if ((blocks.used + 1) * 2 > blocks.mask + 1) blocks_grow();
    size_t i = hash_ptr(key) & blocks.mask;
    while (blocks.t[i].key && blocks.t[i].key != key) i = (i + 1) & blocks.mask;
    if (!blocks.t[i].key) blocks.used++;
    blocks.t[i] = (slot){key, id};
}

/* Remove key; its id, or 0 if it was not there. Linear probing with backward-shift deletion. */
static uint64_t blocks_remove(uintptr_t key) {
    if (!blocks.t) return 0;
    size_t i = hash_ptr(key) & blocks.mask;
    while (blocks.t[i].key != key) {
        if (!blocks.t[i].key) return 0;
        i = (i + 1) & blocks.mask;
    }
    uint64_t id = blocks.t[i].id;
    for (size_t j = i;;) {
        j = (j + 1) & blocks.mask;
        if (!blocks.t[j].key) break;
        size_t home = hash_ptr(blocks.t[j].key) & blocks.mask;
        /* move j back to i if its home is not in (i, j] cyclically */
        if (((j - home) & blocks.mask) >= ((j - i) & blocks.mask)) {
            blocks.t[i] = blocks.t[j];
            i = j;
        }
    }
    blocks.t[i].key = 0;
    blocks.used--;
    return id;
}

static uint64_t id_new(void) {
    if (nfree_ids) return free_ids[--nfree_ids];
    return next_id++;
}

static void id_release(uint64_t id) {
    if (nfree_ids == cap_free_ids) {
        size_t cap = cap_free_ids ? cap_free_ids * 2 : 4096;
        uint64_t *v = realloc(free_ids, cap * sizeof *v);
        if (!v) {
            fputs("refheap record: out of memory for the id list\n", stderr);
            _exit(LAUNCHER_FAILED);
        }
        free_ids = v;
        cap_free_ids = cap;
    }
    free_ids[nfree_ids++] = id;
}

/* ---------------------------------------------------------------- recorder */

static pthread_mutex_t rec_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread int depth;
static rh_trace_writer *writer;
static int recording;                 /* 0 before the hooks and in a forked child */
static PyMemAllocatorEx orig[RH_DOM_COUNT];
static uint64_t t0, last_sample_t, nops, unknown_frees, nsamples, ngc, nmarks;
static int statm_fd = -1;
static long page_kb = 4;

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec - t0;
}

/* Resident set in KiB from /proc/self/statm (second field), read without allocating. */
static uint64_t rss_kb(void) {
    char b[128];
    if (statm_fd < 0) return 0;
    ssize_t n = pread(statm_fd, b, sizeof b - 1, 0);
    if (n <= 0) return 0;
    b[n] = 0;
    const char *p = strchr(b, ' ');
    return p ? strtoull(p + 1, NULL, 10) * (uint64_t)page_kb : 0;
}

static void sample_rss(uint64_t t) {
    rh_trace_put_event(writer, RH_EV_RSS, t, rss_kb(), 0, 0, NULL, 0);
    last_sample_t = t;
    nsamples++;
}

static inline void op_done(uint64_t t) {
    if (++nops % SAMPLE_EVERY_OPS == 0 && t - last_sample_t >= SAMPLE_PERIOD_NS) sample_rss(t);
}

static void rec_alloc(int kind, int dom, void *p, size_t size, size_t nelem) {
    uint64_t t = now_ns(), id = 0;
    if (p) {
        id = id_new();
        blocks_insert((uintptr_t)p, id);
    }
    rh_trace_put_op(writer, kind, dom, t, id, 0, size, nelem);
    op_done(t);
}

/* Recorded before the block is given back, with the lock held (see the invariants). */
static void rec_free(int dom, void *p) {
    uint64_t id = blocks_remove((uintptr_t)p);
    if (!id) { /* allocated before the hooks (a configuration string) or by another allocator */
        unknown_frees++;
        return;
    }
    id_release(id);
    uint64_t t = now_ns();
    rh_trace_put_op(writer, RH_TR_FREE, dom, t, id, 0, 0, 0);
    op_done(t);
}

/* The real allocator of domain d; a nested or unrecorded call goes straight to it. */
#define DOM(ctx) ((int)(intptr_t)(ctx))
#define PASS_THROUGH() (depth || !recording)
#define LOCKED(stmt)                                                                              \
    do {                                                                                          \
        depth++;                                                                                  \
        pthread_mutex_lock(&rec_lock);                                                            \
        stmt;                                                                                     \
        pthread_mutex_unlock(&rec_lock);                                                          \
        depth--;                                                                                  \
    } while (0)

static void *h_malloc(void *ctx, size_t n) {
    const PyMemAllocatorEx *r = &orig[DOM(ctx)];
    if (PASS_THROUGH()) return r->malloc(r->ctx, n);
    void *p;
    LOCKED(p = r->malloc(r->ctx, n); if (recording) rec_alloc(RH_TR_MALLOC, DOM(ctx), p, n, 0));
    return p;
}

static void *h_calloc(void *ctx, size_t nelem, size_t elsize) {
    const PyMemAllocatorEx *r = &orig[DOM(ctx)];
    if (PASS_THROUGH()) return r->calloc(r->ctx, nelem, elsize);
    void *p;
    LOCKED(p = r->calloc(r->ctx, nelem, elsize);
           if (recording) rec_alloc(RH_TR_CALLOC, DOM(ctx), p, elsize, nelem));
    return p;
}

static void *do_realloc(int d, void *p, size_t n) {
    uint64_t old_id = 0;
    if (p) {
        old_id = blocks_remove((uintptr_t)p);
        if (!old_id) unknown_frees++;
    }
    void *q = orig[d].realloc(orig[d].ctx, p, n);
    uint64_t t = now_ns(), new_id = 0;
    if (q) {
        if (old_id) id_release(old_id);
        new_id = id_new();
        blocks_insert((uintptr_t)q, new_id);
    } else if (old_id) {
        blocks_insert((uintptr_t)p, old_id); /* failed: the old block stays */
    }
    if (p && !old_id) /* an unknown block resized: for the trace, a fresh allocation */
        rh_trace_put_op(writer, RH_TR_MALLOC, d, t, new_id, 0, n, 0);
    else
        rh_trace_put_op(writer, RH_TR_REALLOC, d, t, old_id, new_id, n, 0);
    op_done(t);
    return q;
}

static void *h_realloc(void *ctx, void *p, size_t n) {
    const PyMemAllocatorEx *r = &orig[DOM(ctx)];
    if (PASS_THROUGH()) return r->realloc(r->ctx, p, n);
    void *q;
    LOCKED(q = recording ? do_realloc(DOM(ctx), p, n) : r->realloc(r->ctx, p, n));
    return q;
}

static void h_free(void *ctx, void *p) {
    const PyMemAllocatorEx *r = &orig[DOM(ctx)];
    if (p && !PASS_THROUGH()) {
        LOCKED(if (recording) rec_free(DOM(ctx), p); r->free(r->ctx, p));
        return;
    }
    r->free(r->ctx, p);
}

/* pymalloc's arenas. Objects/obmalloc.c (3.11) takes them from _PyObject_Arena (PyObject_SetArenaAllocator):
 * new_arena calls .alloc and pymalloc_free's "free the entire arena" case calls .free, both from inside
 * PyObject_Malloc/Free (PyMem_* too), hence inside one of our hooks on this thread (depth > 0, rec_lock
 * held). The same allocator also serves _PyObject_VirtualAlloc (Python/pystate.c allocate_chunk: the frame
 * data stack), called outside any hook: not an arena, not recorded. The replay gives its n-th arena the
 * n-th recorded arena's offset from pool alignment (new_arena loses one pool of a misaligned arena). */
static PyObjectArenaAllocator orig_arena;

static void *h_arena_alloc(void *ctx, size_t size) {
    void *p = orig_arena.alloc(orig_arena.ctx, size);
    if (p && depth && recording)
        rh_trace_put_event(writer, RH_EV_ARENA_ALLOC, now_ns(), (uint64_t)(uintptr_t)p, size, 0, NULL, 0);
    return p;
}

static void h_arena_free(void *ctx, void *p, size_t size) {
    if (depth && recording)
        rh_trace_put_event(writer, RH_EV_ARENA_FREE, now_ns(), (uint64_t)(uintptr_t)p, size, 0, NULL, 0);
    orig_arena.free(orig_arena.ctx, p, size);
}

static void atfork_child(void) {
    recording = 0;
    if (writer) rh_trace_writer_abandon(writer);
    writer = NULL;
    pthread_mutex_init(&rec_lock, NULL);
}

static void install_hooks(void) {
    for (int d = 0; d < RH_DOM_COUNT; d++) {
        PyMem_GetAllocator((PyMemAllocatorDomain)d, &orig[d]);
        PyMemAllocatorEx h = {(void *)(intptr_t)d, h_malloc, h_calloc, h_realloc, h_free};
        PyMem_SetAllocator((PyMemAllocatorDomain)d, &h);
    }
    PyObject_GetArenaAllocator(&orig_arena);
    PyObjectArenaAllocator ha = {NULL, h_arena_alloc, h_arena_free};
    PyObject_SetArenaAllocator(&ha);
    pthread_atfork(NULL, NULL, atfork_child);
    recording = 1;
}

static void event(int ev, uint64_t a, uint64_t b, uint64_t c, const char *text, size_t len) {
    if (!recording) return;
    depth++;
    pthread_mutex_lock(&rec_lock);
    uint64_t t = now_ns();
    rh_trace_put_event(writer, ev, t, a, b, c, text, len);
    if (ev == RH_EV_GC_STOP || ev == RH_EV_MARK || ev == RH_EV_STATS) sample_rss(t);
    pthread_mutex_unlock(&rec_lock);
    depth--;
}

/* ---------------------------------------------------------------- the module seen by the program */

static PyObject *mod_mark(PyObject *self, PyObject *arg) {
    PyObject *s = PyObject_Str(arg);
    if (!s) return NULL;
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (!u) { Py_DECREF(s); return NULL; }
    event(RH_EV_MARK, 0, 0, 0, u, (size_t)n);
    nmarks++;
    PyObject *marks = PyObject_GetAttrString(self, "MARKS"); /* the shim's list, kept for compatibility */
    int rc = marks && PyList_Check(marks) ? PyList_Append(marks, s) : 0;
    Py_XDECREF(marks);
    Py_DECREF(s);
    if (rc < 0) return NULL;
    PyErr_Clear();
    Py_RETURN_NONE;
}

static long dict_long(PyObject *d, const char *key) {
    PyObject *v = PyDict_Check(d) ? PyDict_GetItemString(d, key) : NULL;
    return v && PyLong_Check(v) ? PyLong_AsLong(v) : 0;
}

static PyObject *mod_gc_callback(PyObject *self, PyObject *args) {
    PyObject *phase, *info;
    if (!PyArg_ParseTuple(args, "UO", &phase, &info)) return NULL;
    long gen = dict_long(info, "generation");
    if (PyUnicode_CompareWithASCIIString(phase, "start") == 0) {
        event(RH_EV_GC_START, (uint64_t)gen, 0, 0, NULL, 0);
    } else {
        event(RH_EV_GC_STOP, (uint64_t)gen, (uint64_t)dict_long(info, "collected"),
              (uint64_t)dict_long(info, "uncollectable"), NULL, 0);
        ngc++;
    }
    Py_RETURN_NONE;
}

/* sys._debugmallocstats() at exit. _PyObject_DebugMallocStats prints only while PyObject_Malloc is
 * pymalloc itself (_PyMem_PymallocEnabled: _PyObject.malloc == _PyObject_Malloc), so the real OBJ
 * allocator is put back for the call, and the hooks after. */
static PyObject *mod_at_exit(PyObject *self, PyObject *unused) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f) {
        PyMemAllocatorEx mine;
        PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &mine);
        PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &orig[RH_DOM_OBJ]);
        _PyObject_DebugMallocStats(f);
        PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &mine);
        fclose(f);
        event(RH_EV_STATS, 0, 0, 0, text ? text : "", text ? len : 0);
    }
    free(text);
    Py_RETURN_NONE;
}

static PyMethodDef mod_methods[] = {
    {"mark", mod_mark, METH_O, "mark(label): name the point the program has reached (a MARK event)"},
    {"_gc_callback", mod_gc_callback, METH_VARARGS, "gc.callbacks entry: GC_START / GC_STOP events"},
    {"_at_exit", mod_at_exit, METH_NOARGS, "atexit entry: the STATS event"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mod_def = {PyModuleDef_HEAD_INIT, "refheap",
                                     "refheap shim under `refheap record`: mark() writes to the trace",
                                     -1, mod_methods};

static PyObject *mod_init(void) {
    PyObject *m = PyModule_Create(&mod_def);
    if (m && PyModule_AddObject(m, "MARKS", PyList_New(0)) < 0) Py_CLEAR(m);
    if (m && PyModule_AddObject(m, "_hook", (Py_INCREF(Py_None), Py_None)) < 0) Py_CLEAR(m);
    return m;
}

static const char setup_code[] =
    "import gc as _g, atexit as _a, refheap as _r\n"
    "_g.callbacks.append(_r._gc_callback)\n"
    "_a.register(_r._at_exit)\n"
    "del _g, _a, _r\n";

/* ---------------------------------------------------------------- start-up */

static void write_meta(int argc, char **argv) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return;
    const char *v = Py_GetVersion();
    fprintf(f, "python=%.*s\nexecutable=%s\npid=%ld\nclock=CLOCK_MONOTONIC\nrss=/proc/self/statm\n",
            (int)strcspn(v, " "), v, argv[2], (long)getpid());
    fprintf(f, "argv=");
    for (int i = 3; i < argc; i++) fprintf(f, "%s%s", i > 3 ? " " : "", argv[i]);
    fputc('\n', f);
    const char *pm = getenv("PYTHONMALLOC");
    if (pm) fprintf(f, "PYTHONMALLOC=%s\n", pm);
    fclose(f);
    rh_trace_put_event(writer, RH_EV_META, 0, 0, 0, 0, text, len);
    free(text);
}

static const char *trace_path;
static int done_fd = -1; /* REFHEAP_RECORD_DONE_FD: one byte written once the trace is whole (record.c) */

/* At process exit (exit() after Py_RunMain, or Py_Exit for an uncaught SystemExit): the END record with
 * the exit status, then the file is closed and a summary printed. Not in a forked child (writer NULL). */
static void finish_recording(int status, void *unused) {
    (void)unused;
    if (!writer) return;
    pthread_mutex_lock(&rec_lock);
    recording = 0;
    uint64_t t = now_ns();
    sample_rss(t);
    uint64_t zz = (uint64_t)(((int64_t)status << 1) ^ ((int64_t)status >> 63));
    rh_trace_put_event(writer, RH_EV_END, t, zz, nops, unknown_frees, NULL, 0);
    uint64_t bytes = 0;
    char err[300];
    int rc = rh_trace_writer_close(writer, &bytes, err, sizeof err);
    writer = NULL;
    pthread_mutex_unlock(&rec_lock);
    if (rc != 0) {
        fprintf(stderr, "refheap record: %s: %s\n", trace_path, err);
        _exit(LAUNCHER_FAILED);
    }
    if (done_fd >= 0 && write(done_fd, "1", 1) != 1) done_fd = -1;
    if (!getenv("REFHEAP_RECORD_QUIET"))
        fprintf(stderr, "refheap record: %s: %llu operations, %llu bytes (%.2f bytes/op), %llu RSS samples, "
                "%llu collections, %llu marks; %llu frees of blocks from before the hooks; exit status %d\n",
                trace_path, (unsigned long long)nops, (unsigned long long)bytes,
                nops ? (double)bytes / (double)nops : 0.0, (unsigned long long)nsamples,
                (unsigned long long)ngc, (unsigned long long)nmarks, (unsigned long long)unknown_frees, status);
}

static int fail(const char *msg, const char *detail) {
    fprintf(stderr, "refheap record: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    return LAUNCHER_FAILED;
}

static int status_fail(PyStatus st) {
    if (PyStatus_IsExit(st)) return st.exitcode;
    Py_ExitStatusException(st); /* prints and exits with 1, as python3 does */
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) return fail("usage: refheap-record-launcher TRACE PYTHON [python arguments]", NULL);
    char err[300];
    writer = rh_trace_writer_open(argv[1], 1, err, sizeof err);
    if (!writer) return fail(err, NULL);
    trace_path = argv[1];
    const char *dfd = getenv("REFHEAP_RECORD_DONE_FD");
    if (dfd) { /* kept from the program and its children */
        done_fd = atoi(dfd);
        if (fcntl(done_fd, F_SETFD, FD_CLOEXEC) != 0) done_fd = -1;
        unsetenv("REFHEAP_RECORD_DONE_FD");
    }
    on_exit(finish_recording, NULL);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    t0 = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
    statm_fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    page_kb = sysconf(_SC_PAGESIZE) / 1024;
    write_meta(argc, argv);

    /* python argv: the interpreter's path as argv[0], then its arguments */
    char **pargv = argv + 2;
    int pargc = argc - 2;
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    PyStatus st = Py_PreInitializeFromBytesArgs(&pre, pargc, pargv);
    if (PyStatus_Exception(st)) return status_fail(st);
#if PY_VERSION_HEX < 0x030C0000 /* 3.12 moved the count into the interpreter state */
    if (_Py_GetAllocatedBlocks() != 0) return fail("objects were allocated before the hooks", NULL);
#endif
    if (PyImport_AppendInittab("refheap", mod_init) < 0) return fail("cannot register the refheap module", NULL);
    install_hooks();
    sample_rss(now_ns());

    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 1;
    st = PyConfig_SetBytesArgv(&config, pargc, pargv);
    if (!PyStatus_Exception(st)) st = PyConfig_SetBytesString(&config, &config.program_name, argv[2]);
    if (!PyStatus_Exception(st)) st = PyConfig_SetBytesString(&config, &config.executable, argv[2]);
    if (!PyStatus_Exception(st)) st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) return status_fail(st);
    if (PyRun_SimpleString(setup_code) != 0) return fail("cannot install the gc and atexit hooks", NULL);

    /* the program, then Py_FinalizeEx; an uncaught SystemExit leaves through Py_Exit -> exit() instead
     * (pythonrun.c handle_system_exit), so the trace is finished by the on_exit handler either way */
    exit(Py_RunMain());
}
