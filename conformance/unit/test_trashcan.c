/* test_trashcan.c — deep container chains are freed with a bounded C stack, in CPython 3.11's order.
 *
 * CPython: Py_TRASHCAN_BEGIN/END and _PyTrash_UNWIND_LEVEL 50 (Include/cpython/object.h), _PyTrash_begin,
 * _PyTrash_thread_deposit_object (Objects/object.c), 3.11; docs/design.md §Deallocation; list_dealloc,
 * tupledealloc, dict_dealloc and subtype_dealloc all run inside the trashcan (Objects/listobject.c,
 * tupleobject.c, dictobject.c, typeobject.c, 3.11). The orders asserted in trashcan_order_* were printed
 * by /usr/bin/python3 (3.11.2) for the conformance case trashcan/deep_05 (conformance/cases/) without gc.
 *
 * Depth: 10**7 in builds without sanitizers; 10**6 under ASan (whose shadow memory and quarantine make a
 * 10**7 chain cost several GB and seconds there). The collector is disabled while the chains are built:
 * these tests are about deallocation (automatic collections would only add time).
 */
#include <pthread.h>
#include <time.h>

#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#else
#define SANITIZED 0
#endif
#define DEEP (SANITIZED ? (size_t)1000000 : (size_t)10000000)

/* A runtime on the default allocator with the given hooks (or none); the tests disable gc themselves. */
static rh_runtime *new_rt(const char *profile, const rh_hooks *hooks) { return rh_fx_runtime_new(profile, NULL, hooks, 0); }

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- builders: each returns the head of an n-deep chain ---- */

static rh_object *nested_lists(rh_runtime *rt, size_t n) { /* t = [t] */
    rh_object *t = rh_list_new(rt, 0);
    for (size_t i = 0; t && i < n; i++) {
        rh_object *l = rh_list_new(rt, 1);
        if (!l) return rh_decref(rt, t), NULL;
        rh_list_set_init(l, 0, t);
        t = l;
    }
    return t;
}

static rh_object *nested_tuples(rh_runtime *rt, size_t n) { /* t = (t,) */
    rh_object *t = rh_tuple_new(rt, 0);
    for (size_t i = 0; t && i < n; i++) {
        rh_object *u = rh_tuple_new(rt, 1);
        if (!u) return rh_decref(rt, t), NULL;
        rh_tuple_set(u, 0, t);
        t = u;
    }
    return t;
}

static rh_object *nested_dicts(rh_runtime *rt, size_t n) { /* v = {1: v} */
    rh_object *one = rh_int_from_i64(rt, 1), *v = rh_dict_new(rt);
    for (size_t i = 0; v && i < n; i++) {
        rh_object *d = rh_dict_new(rt);
        if (!d || rh_dict_set(rt, d, one, v) < 0) return rh_decref(rt, one), NULL;
        rh_decref(rt, v);
        v = d;
    }
    rh_decref(rt, one);
    return v;
}

/* class Node: head = Node(head) with head.next set; the class is returned through *cls */
static rh_object *node_chain(rh_runtime *rt, size_t n, rh_object **cls) {
    rh_object *name = rh_str_from_cstr(rt, "Node"), *ns = rh_dict_new(rt);
    rh_object *bases = rh_tuple_new(rt, 0), *next = rh_str_intern_utf8(rt, "next", 4);
    *cls = rh_class_new(rt, name, bases, ns);
    rh_decref(rt, name);
    rh_decref(rt, ns);
    rh_decref(rt, bases);
    rh_object *head = rh_none(rt);
    rh_incref(head);
    for (size_t i = 0; *cls && i < n; i++) {
        rh_object *o = rh_instance_new(rt, *cls);
        if (!o || rh_setattr(rt, o, next, head) < 0) return NULL;
        rh_decref(rt, head);
        head = o;
    }
    rh_decref(rt, next);
    return head;
}

/* Drop a class (its mro holds it, a cycle the collector breaks): tp_clear, then the last reference. */
static void drop_class(rh_runtime *rt, rh_object *cls) {
    cls->type->clear(rt, cls);
    rh_decref(rt, cls);
}

/* ---- the deep chains ---- */

typedef struct deep_result {
    int ok;
    uint64_t live_before, live_after, deferred;
    double free_s;
    char allocator[32];
} deep_result;

static deep_result run_deep(const char *what, size_t n) {
    deep_result r = {0};
    rh_runtime *rt = new_rt("py311", NULL);
    if (!rt) return r;
    rh_gc_disable(rt);
    snprintf(r.allocator, sizeof r.allocator, "%s", rh_runtime_allocator(rt)->name);
    r.live_before = live(rt);
    rh_object *cls = NULL, *head;
    if (!strcmp(what, "list")) head = nested_lists(rt, n);
    else if (!strcmp(what, "tuple")) head = nested_tuples(rt, n);
    else if (!strcmp(what, "dict")) head = nested_dicts(rt, n);
    else head = node_chain(rt, n, &cls);
    if (head) {
        rh_object_counts c0, c1;
        rh_object_counts_get(rt, &c0);
        double t0 = now_s();
        rh_decref(rt, head);
        r.free_s = now_s() - t0;
        rh_object_counts_get(rt, &c1);
        r.deferred = c1.dealloc_deferred - c0.dealloc_deferred;
        if (cls) drop_class(rt, cls);
        r.live_after = live(rt);
        r.ok = 1;
    }
    rh_runtime_free(rt);
    return r;
}

static void check_deep(const char *what, size_t n) {
    deep_result r = run_deep(what, n);
    RH_CHECK_MSG(r.ok, "%s chain of %zu could not be built", what, n);
    RH_CHECK_EQ_U(r.live_after, r.live_before);
    /* the chain was cut into pieces: roughly one deposit per 49 levels */
    RH_CHECK(r.deferred >= n / 50 - 1 && r.deferred <= n / 40 + 1);
    fprintf(stderr, "  %s chain of %zu freed in %.3f s (%lu trashcan deposits, allocator %s)\n", what, n,
            r.free_s, (unsigned long)r.deferred, r.allocator);
}

/* test_gc.py test_trashcan; deep_01: a 10**7-deep list frees without C-stack growth. The free time is
 * printed (measure it in a Release build). */
RH_TEST(deep_nested_list_frees_under_default_stack) { check_deep("list", DEEP); }
/* deep_02 */
RH_TEST(deep_nested_tuple_chain_frees_under_default_stack) { check_deep("tuple", DEEP); }
/* deep_03 */
RH_TEST(deep_nested_dict_chain_frees_under_default_stack) { check_deep("dict", DEEP); }
/* deep_07: instances chained through an attribute (subtype_dealloc's trashcan) */
RH_TEST(deep_instance_chain_frees_under_default_stack) { check_deep("instance", DEEP); }

typedef struct thread_job { const char *what; size_t n; deep_result r; } thread_job;

static void *thread_main(void *arg) {
    thread_job *j = arg;
    j->r = run_deep(j->what, j->n);
    return NULL;
}

/* The same chains freed on a 256 KiB thread stack: the trashcan bounds the recursion to 50 levels. */
RH_TEST(deep_chains_free_on_a_256k_thread_stack) {
    const char *kinds[] = {"list", "tuple", "dict", "instance"};
    for (int i = 0; i < 4; i++) {
        thread_job j = {kinds[i], DEEP / 4, {0}}; /* far beyond what 256 KiB holds unbounded */
        pthread_attr_t attr;
        pthread_t th;
        pthread_attr_init(&attr);
        RH_CHECK(pthread_attr_setstacksize(&attr, 256 * 1024) == 0);
        RH_CHECK(pthread_create(&th, &attr, thread_main, &j) == 0);
        pthread_join(th, NULL);
        pthread_attr_destroy(&attr);
        RH_CHECK_MSG(j.r.ok, "%s chain on the small stack", kinds[i]);
        RH_CHECK_EQ_U(j.r.live_after, j.r.live_before);
        fprintf(stderr, "  256 KiB stack: %s chain of %zu freed in %.3f s\n", kinds[i], j.n, j.r.free_s);
    }
}

/* ---- order: a class Ouch whose __del__ records its number ---- */

static int order[1024], norder;
static rh_object *attr_n; /* interned "n" of the current runtime */

static int record_del(void *ctx, rh_runtime *rt, rh_object *self) {
    (void)ctx;
    int64_t n = rh_fx_attr_i64(rt, self, attr_n, -1);
    if (norder < 1024) order[norder++] = (int)n;
    return 0;
}

static rh_object *del_class(rh_runtime *rt) {
    rh_object *name = rh_str_from_cstr(rt, "Ouch"), *ns = rh_dict_new(rt), *bases = rh_tuple_new(rt, 0);
    rh_dict_set_cstr(rt, ns, "__del__", rh_none(rt)); /* any value: only the key matters to refheap */
    rh_object *cls = rh_class_new(rt, name, bases, ns);
    rh_decref(rt, name);
    rh_decref(rt, ns);
    rh_decref(rt, bases);
    return cls;
}

static rh_object *ouch(rh_runtime *rt, rh_object *cls, int64_t i) {
    rh_object *o = rh_instance_new(rt, cls), *v = rh_int_from_i64(rt, i);
    rh_setattr(rt, o, attr_n, v);
    rh_decref(rt, v);
    return o;
}

/* Expand "a..b" runs: e.g. {149, 101} is 149 down to 101. */
static int expand(const int (*runs)[2], int nruns, int *out) {
    int k = 0;
    for (int r = 0; r < nruns; r++) {
        int a = runs[r][0], b = runs[r][1], step = a <= b ? 1 : -1;
        for (int v = a;; v += step) {
            out[k++] = v;
            if (v == b) break;
        }
    }
    return k;
}

static void check_order(const int (*runs)[2], int nruns) {
    int want[1024];
    int n = expand(runs, nruns, want);
    RH_CHECK_EQ_I(norder, n);
    for (int i = 0; i < n; i++)
        RH_CHECK_MSG(order[i] == want[i], "position %d: refheap %d, CPython %d", i, order[i], want[i]);
}

enum { N = 150 };

static rh_runtime *order_rt(rh_object **cls, uint64_t *live0) {
    rh_hooks hooks = {0};
    hooks.call_del = record_del;
    rh_runtime *rt = new_rt("py311", &hooks);
    *live0 = live(rt);
    attr_n = rh_str_intern_utf8(rt, "n", 1);
    *cls = del_class(rt);
    norder = 0;
    return rt;
}

static void end_order_rt(rh_runtime *rt, rh_object *cls, uint64_t live0) {
    drop_class(rt, cls);
    rh_decref(rt, attr_n);
    RH_CHECK_EQ_U(live(rt), live0);
    rh_runtime_free(rt);
}

/* t = [t, Ouch(i)] 150 times, then del t: list_dealloc releases Ouch before the inner list, and the
 * trashcan defers the levels at nesting 50 — CPython 3.11.2 prints exactly this order. */
RH_TEST(trashcan_order_matches_cpython_for_nested_lists_with_del) {
    rh_object *cls;
    uint64_t live0;
    rh_runtime *rt = order_rt(&cls, &live0);
    rh_object *t = rh_list_new(rt, 0);
    for (int i = 0; i < N; i++) {
        rh_object *l = rh_list_new(rt, 2);
        rh_list_set_init(l, 0, t);
        rh_list_set_init(l, 1, ouch(rt, cls, i));
        t = l;
    }
    rh_decref(rt, t);
    static const int runs[][2] = {{149, 101}, {99, 52}, {50, 3}, {1, 0}, {2, 2}, {51, 51}, {100, 100}};
    check_order(runs, 7);
    end_order_rt(rt, cls, live0);
}

/* t = (t, Ouch(i)): tupledealloc has the same order as lists */
RH_TEST(trashcan_order_matches_cpython_for_nested_tuples_with_del) {
    rh_object *cls;
    uint64_t live0;
    rh_runtime *rt = order_rt(&cls, &live0);
    rh_object *t = rh_tuple_new(rt, 0);
    for (int i = 0; i < N; i++) {
        rh_object *u = rh_tuple_new(rt, 2);
        rh_tuple_set(u, 0, t);
        rh_tuple_set(u, 1, ouch(rt, cls, i));
        t = u;
    }
    rh_decref(rt, t);
    static const int runs[][2] = {{149, 101}, {99, 52}, {50, 3}, {1, 0}, {2, 2}, {51, 51}, {100, 100}};
    check_order(runs, 7);
    end_order_rt(rt, cls, live0);
}

/* v = {1: v, 2: Ouch(i)}: dict_dealloc releases the inner dict (entry 1) before Ouch (entry 2) */
RH_TEST(trashcan_order_matches_cpython_for_nested_dicts_with_del) {
    rh_object *cls;
    uint64_t live0;
    rh_runtime *rt = order_rt(&cls, &live0);
    rh_object *one = rh_int_from_i64(rt, 1), *two = rh_int_from_i64(rt, 2), *v = rh_dict_new(rt);
    for (int i = 0; i < N; i++) {
        rh_object *d = rh_dict_new(rt), *o = ouch(rt, cls, i);
        rh_dict_set(rt, d, one, v);
        rh_dict_set(rt, d, two, o);
        rh_decref(rt, v);
        rh_decref(rt, o);
        v = d;
    }
    rh_decref(rt, v);
    static const int runs[][2] = {{101, 149}, {100, 100}, {52, 99}, {51, 51}, {3, 50}, {2, 2}, {0, 1}};
    check_order(runs, 7);
    rh_decref(rt, one);
    rh_decref(rt, two);
    end_order_rt(rt, cls, live0);
}

/* Node chain with __del__: each __del__ runs before its successor is released: 149 .. 0 */
RH_TEST(trashcan_order_matches_cpython_for_instance_chain_with_del) {
    rh_object *cls;
    uint64_t live0;
    rh_runtime *rt = order_rt(&cls, &live0);
    rh_object *next = rh_str_intern_utf8(rt, "next", 4), *head = rh_none(rt);
    rh_incref(head);
    for (int i = 0; i < N; i++) {
        rh_object *o = ouch(rt, cls, i);
        rh_setattr(rt, o, next, head);
        rh_decref(rt, head);
        head = o;
    }
    rh_decref(rt, head);
    static const int runs[][2] = {{149, 0}};
    check_order(runs, 1);
    rh_decref(rt, next);
    end_order_rt(rt, cls, live0);
}

RH_TEST_MAIN()
