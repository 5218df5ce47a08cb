/* refheap/itertools.h — the iterator types of CPython 3.11's itertools module (Modules/itertoolsmodule.c)
 * and the deque of its _collections module (Modules/_collectionsmodule.c), as library object types.
 *
 * Every constructor takes its arguments already parsed (the embedder words argument errors as CPython's
 * argument parsers do); object arguments are borrowed; each returns a new reference, or NULL with the
 * runtime error set. Each object is a GC type, tracked from creation to its dealloc (PyType_GenericAlloc,
 * or PyObject_GC_New + PyObject_GC_Track), with CPython's layout size, traverse and clear. The work each
 * does in CPython's order of allocations is written where the type is (reference/src/t_itertools.c,
 * t_combinatorics.c, t_deque.c).
 */
#ifndef REFHEAP_ITERTOOLS_H
#define REFHEAP_ITERTOOLS_H
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* count(start, step): start/step NULL mean 0 and 1; TypeError "a number is required" for non-numbers. */
rh_object *rh_count_new(rh_runtime *rt, rh_object *start, rh_object *step);
rh_object *rh_cycle_new(rh_runtime *rt, rh_object *iterable);
/* repeat(element[, times]): times < 0 with has_times is 0; without it, forever. */
rh_object *rh_repeat_new(rh_runtime *rt, rh_object *element, int has_times, int64_t times);
/* accumulate(iterable, func, initial=): func / initial NULL or None: addition / no initial value. */
rh_object *rh_accumulate_new(rh_runtime *rt, rh_object *iterable, rh_object *func, rh_object *initial);
/* chain(*args): args is the call's argument tuple; chain.from_iterable(iterable). */
rh_object *rh_chain_new(rh_runtime *rt, rh_object *args_tuple);
rh_object *rh_chain_from_iterable(rh_runtime *rt, rh_object *iterable);
rh_object *rh_compress_new(rh_runtime *rt, rh_object *data, rh_object *selectors);
rh_object *rh_dropwhile_new(rh_runtime *rt, rh_object *pred, rh_object *iterable);
rh_object *rh_takewhile_new(rh_runtime *rt, rh_object *pred, rh_object *iterable);
rh_object *rh_filterfalse_new(rh_runtime *rt, rh_object *func, rh_object *iterable);
rh_object *rh_groupby_new(rh_runtime *rt, rh_object *iterable, rh_object *key); /* key NULL: None */
/* islice(it, start, stop, step), bounds already checked (stop -1: none). */
rh_object *rh_islice_new(rh_runtime *rt, rh_object *iterable, int64_t start, int64_t stop, int64_t step);
rh_object *rh_pairwise_new(rh_runtime *rt, rh_object *iterable);
rh_object *rh_starmap_new(rh_runtime *rt, rh_object *func, rh_object *iterable);
/* tee(iterable, n): the tuple of n tee iterators (ValueError "n must be >= 0"). */
rh_object *rh_tee(rh_runtime *rt, rh_object *iterable, int64_t n);
rh_object *rh_tee_copy(rh_runtime *rt, rh_object *tee);   /* tee.__copy__() */
int rh_is_tee(rh_object *o);
/* zip_longest(*iterables, fillvalue=fill) (fill NULL: None) */
rh_object *rh_zip_longest_new(rh_runtime *rt, rh_object *const *iterables, size_t n, rh_object *fill);
/* product(*iterables, repeat=repeat) (repeat >= 0) */
rh_object *rh_product_new(rh_runtime *rt, rh_object *const *iterables, size_t n, int64_t repeat);
/* permutations(iterable, r) (r < 0: len(pool)); combinations / combinations_with_replacement(iterable, r) */
rh_object *rh_permutations_new(rh_runtime *rt, rh_object *iterable, int64_t r, int has_r);
rh_object *rh_combinations_new(rh_runtime *rt, rh_object *iterable, int64_t r, int with_replacement);

/* ---- collections.deque (t_deque.c) ---- */
/* deque(iterable, maxlen) (iterable NULL: empty; maxlen -1: unbounded, else >= 0) */
rh_object *rh_deque_new(rh_runtime *rt, rh_object *iterable, int64_t maxlen);
int rh_is_deque(rh_object *o);
int64_t rh_deque_maxlen(rh_object *o);                                      /* -1: None */
int rh_deque_append(rh_runtime *rt, rh_object *d, rh_object *item, int left); /* append / appendleft: 0, -1 */
rh_object *rh_deque_pop(rh_runtime *rt, rh_object *d, int left);           /* pop / popleft: new ref */
int rh_deque_extend(rh_runtime *rt, rh_object *d, rh_object *iterable, int left);
int rh_deque_rotate(rh_runtime *rt, rh_object *d, int64_t n);
void rh_deque_clear(rh_runtime *rt, rh_object *d);
void rh_deque_reverse(rh_object *d);
int64_t rh_deque_count(rh_runtime *rt, rh_object *d, rh_object *v);        /* -1: error */
int64_t rh_deque_index(rh_runtime *rt, rh_object *d, rh_object *v, int64_t start, int64_t stop); /* -1: error */
int rh_deque_remove(rh_runtime *rt, rh_object *d, rh_object *v);
int rh_deque_insert(rh_runtime *rt, rh_object *d, int64_t i, rh_object *v);
rh_object *rh_deque_copy(rh_runtime *rt, rh_object *d);                    /* d.copy(), copy.copy(d) */
rh_object *rh_deque_reversed(rh_runtime *rt, rh_object *d);                /* reversed(d) */
int rh_deque_init(rh_runtime *rt, rh_object *d, rh_object *iterable, int64_t maxlen); /* __init__: 0, -1 */

#ifdef __cplusplus
}
#endif
#endif
