/* mod_itertools.c — the itertools module, native as CPython's (Modules/itertoolsmodule.c, 3.11).
 *
 * Owns the module (its type objects bound under their names, per profile), the constructors called when
 * a program calls one of those types (hx_itertools_constructor), chain.from_iterable, and the argument
 * parsing with CPython's wording: Argument Clinic / PyArg_ParseTupleAndKeywords for the keyword-taking
 * constructors ("count() takes at most 2 arguments (3 given)", "'x' is an invalid keyword argument for
 * count()", "repeat() missing required argument 'object' (pos 1)"), _PyArg_CheckPositional and
 * _PyArg_NoKeywords for the positional-only ones ("cycle expected 1 argument, got 0", "cycle() takes no
 * keyword arguments"). The objects are the library's (reference/src/t_itertools.c, t_combinatorics.c).
 * As type_call does, each constructor call makes the argument tuple the C tp_new receives (3.11's
 * itertools types have no vectorcall), so allocations and gc counts are CPython's.
 * py27: the 2.x names izip / imap / ifilter (3.x zip / map / filter objects), ifilterfalse and
 * izip_longest; no accumulate or pairwise (apilevel.c).
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)self

/* ---------------------------------------------------------------- arguments */

/* _PyArg_NoKeywords + _PyArg_CheckPositional(name, n, lo, hi) */
static int positional(hx_interp *I, const char *f, int n, int nkw, int lo, int hi) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", f); return -1; }
    if (n >= lo && n <= hi) return 0;
    if (lo == hi) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d argument%s, got %d", f, lo, lo == 1 ? "" : "s", n);
    else if (n < lo) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", f, lo, lo == 1 ? "" : "s", n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", f, hi, hi == 1 ? "" : "s", n);
    return -1;
}

/* a Py_ssize_t argument (_PyNumber_Index + PyLong_AsSsize_t) */
static int ssize_arg(hx_interp *I, rh_object *o, int64_t *v) {
    if (!o->type->as_number.nb_index) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(o));
        return -1;
    }
    return rh_index_value(I->rt, o, v);
}

/* type_call's argument tuple for the C constructor (and the kwargs dict when there are keywords): made
 * before the object and dropped after it, as CPython does. Returns 0 / -1. */
static int call_args(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, rh_object **t, rh_object **d) {
    *d = NULL;
    if (!(*t = rh_tuple_new(I->rt, (size_t)n))) return -1;
    for (int i = 0; i < n; i++) { rh_incref(a[i]); rh_tuple_set(*t, (size_t)i, a[i]); }
    if (nkw && !(*d = rh_dict_new(I->rt))) { rh_decref(I->rt, *t); return -1; }
    for (int k = 0; k < nkw; k++)
        if (rh_dict_set_cstr(I->rt, *d, kwn[k], kwv[k])) { rh_decref(I->rt, *t); rh_decref(I->rt, *d); return -1; }
    return 0;
}
static rh_object *done(hx_interp *I, rh_object *t, rh_object *d, rh_object *r) {
    rh_decref(I->rt, t);
    rh_xdecref(I->rt, d);
    return r;
}
/* FN bodies below run between call_args and done */
#define WITH_ARGS(expr)                                                                                  \
    rh_object *t_, *d_;                                                                                  \
    if (call_args(I, a, n, kwn, kwv, nkw, &t_, &d_)) return NULL;                                        \
    return done(I, t_, d_, (expr))

/* ---------------------------------------------------------------- constructors */

static rh_object *count_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"start", "step"};
    rh_object *v[2];
    if (hx_parse_kw(I, "count", names, 2, 2, 0, a, n, kwn, kwv, nkw, v)) return NULL;
    return rh_count_new(I->rt, v[0], v[1]);
}
FN(it_count) { UNUSED; WITH_ARGS(count_impl(I, a, n, kwn, kwv, nkw)); }

static rh_object *cycle_impl(hx_interp *I, rh_object **a, int n, int nkw) {
    if (positional(I, "cycle", n, nkw, 1, 1)) return NULL;
    return rh_cycle_new(I->rt, a[0]);
}
FN(it_cycle) { UNUSED; WITH_ARGS(cycle_impl(I, a, n, nkw)); }

static rh_object *repeat_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"object", "times"};
    rh_object *v[2];
    int64_t times = 0;
    if (hx_parse_kw(I, "repeat", names, 2, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    if (v[1] && ssize_arg(I, v[1], &times)) return NULL;
    return rh_repeat_new(I->rt, v[0], v[1] != NULL, times);
}
FN(it_repeat) { UNUSED; WITH_ARGS(repeat_impl(I, a, n, kwn, kwv, nkw)); }

static rh_object *accumulate_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"iterable", "func", "initial"};
    rh_object *v[3];
    if (hx_parse_kw(I, "accumulate", names, 3, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    return rh_accumulate_new(I->rt, v[0], v[1], v[2]);
}
FN(it_accumulate) { UNUSED; WITH_ARGS(accumulate_impl(I, a, n, kwn, kwv, nkw)); }

FN(it_chain) {
    UNUSED;
    rh_object *t, *d;
    if (call_args(I, a, n, kwn, kwv, nkw, &t, &d)) return NULL;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "chain() takes no keyword arguments");
        return done(I, t, d, NULL);
    }
    return done(I, t, d, rh_chain_new(I->rt, t));
}
/* chain.from_iterable (a classmethod: METH_O) */
FN(it_chain_from_iterable) {
    UNUSED; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "chain.from_iterable() takes no keyword arguments"); return NULL; }
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "chain.from_iterable() takes exactly one argument (%d given)", n);
        return NULL;
    }
    return rh_chain_from_iterable(I->rt, a[0]);
}

static rh_object *compress_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"data", "selectors"};
    rh_object *v[2];
    if (hx_parse_kw(I, "compress", names, 2, 2, 2, a, n, kwn, kwv, nkw, v)) return NULL;
    return rh_compress_new(I->rt, v[0], v[1]);
}
FN(it_compress) { UNUSED; WITH_ARGS(compress_impl(I, a, n, kwn, kwv, nkw)); }

/* the positional pairs (predicate/function, iterable) */
typedef rh_object *(*pair_ctor)(rh_runtime *, rh_object *, rh_object *);
static rh_object *pair_impl(hx_interp *I, const char *f, pair_ctor c, rh_object **a, int n, int nkw) {
    if (positional(I, f, n, nkw, 2, 2)) return NULL;
    return c(I->rt, a[0], a[1]);
}
FN(it_dropwhile) { UNUSED; WITH_ARGS(pair_impl(I, "dropwhile", rh_dropwhile_new, a, n, nkw)); }
FN(it_takewhile) { UNUSED; WITH_ARGS(pair_impl(I, "takewhile", rh_takewhile_new, a, n, nkw)); }
FN(it_filterfalse) { UNUSED; WITH_ARGS(pair_impl(I, "filterfalse", rh_filterfalse_new, a, n, nkw)); }
FN(it_ifilterfalse) { UNUSED; WITH_ARGS(pair_impl(I, "ifilterfalse", rh_filterfalse_new, a, n, nkw)); }
FN(it_starmap) { UNUSED; WITH_ARGS(pair_impl(I, "starmap", rh_starmap_new, a, n, nkw)); }

static rh_object *groupby_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"iterable", "key"};
    rh_object *v[2];
    if (hx_parse_kw(I, "groupby", names, 2, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    return rh_groupby_new(I->rt, v[0], v[1]);
}
FN(it_groupby) { UNUSED; WITH_ARGS(groupby_impl(I, a, n, kwn, kwv, nkw)); }

/* islice_new: one bound as PyNumber_AsSsize_t, any failure cleared (-1: rejected by the caller) */
static int64_t islice_bound(hx_interp *I, rh_object *o, int64_t dflt) {
    int64_t v;
    if (o == rh_none(I->rt)) return dflt;
    if (!o->type->as_number.nb_index || rh_index_value(I->rt, o, &v)) { rh_err_clear(I->rt); return -1; }
    return v;
}
static rh_object *islice_impl(hx_interp *I, rh_object **a, int n, int nkw) {
    static const char stop_msg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (positional(I, "islice", n, nkw, 2, 4)) return NULL;
    int64_t start = 0, stop = -1, step = 1;
    if (n == 2) {
        if (a[1] != rh_none(I->rt) && (stop = islice_bound(I, a[1], -1)) == -1) {
            rh_err_set(I->rt, RH_EXC_VALUE, "%s", stop_msg);
            return NULL;
        }
    } else {
        start = islice_bound(I, a[1], 0);
        if (a[2] != rh_none(I->rt) && (stop = islice_bound(I, a[2], -1)) == -1) {
            rh_err_set(I->rt, RH_EXC_VALUE, "%s", stop_msg);
            return NULL;
        }
    }
    if (start < 0 || stop < -1) {
        rh_err_set(I->rt, RH_EXC_VALUE, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (n == 4 && (step = islice_bound(I, a[3], 1)) < 1) {
        rh_err_set(I->rt, RH_EXC_VALUE, "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    return rh_islice_new(I->rt, a[0], start, stop, step);
}
FN(it_islice) { UNUSED; WITH_ARGS(islice_impl(I, a, n, nkw)); }

static rh_object *pairwise_impl(hx_interp *I, rh_object **a, int n, int nkw) {
    if (positional(I, "pairwise", n, nkw, 1, 1)) return NULL;
    return rh_pairwise_new(I->rt, a[0]);
}
FN(it_pairwise) { UNUSED; WITH_ARGS(pairwise_impl(I, a, n, nkw)); }

/* tee is a function (METH_FASTCALL): no argument tuple */
FN(it_tee) {
    UNUSED; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "itertools.tee() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, "tee expected %s %d argument%s, got %d", n < 1 ? "at least" : "at most",
                   n < 1 ? 1 : 2, n < 1 ? "" : "s", n);
        return NULL;
    }
    int64_t k = 2;
    if (n == 2 && ssize_arg(I, a[1], &k)) return NULL;
    return rh_tee(I->rt, a[0], k);
}

/* zip_longest_new: only fillvalue= (and the bare message for anything else) */
static rh_object *zip_longest_impl(hx_interp *I, const char *f, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_object *fill = NULL;
    if (nkw) {
        if (nkw == 1 && !strcmp(kwn[0], "fillvalue")) fill = kwv[0];
        else { rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument", f); return NULL; }
    }
    return rh_zip_longest_new(I->rt, a, (size_t)n, fill);
}
FN(it_zip_longest) { UNUSED; WITH_ARGS(zip_longest_impl(I, "zip_longest", a, n, kwn, kwv, nkw)); }
FN(it_izip_longest) { UNUSED; WITH_ARGS(zip_longest_impl(I, "izip_longest", a, n, kwn, kwv, nkw)); }

static rh_object *product_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"repeat"};
    rh_object *v[1];
    int64_t repeat = 1;
    if (hx_parse_kw(I, "product", names, 1, 0, 0, NULL, 0, kwn, kwv, nkw, v)) return NULL;
    if (v[0] && ssize_arg(I, v[0], &repeat)) return NULL;
    if (repeat < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "repeat argument cannot be negative"); return NULL; }
    return rh_product_new(I->rt, a, (size_t)n, repeat);
}
FN(it_product) { UNUSED; WITH_ARGS(product_impl(I, a, n, kwn, kwv, nkw)); }

static rh_object *permutations_impl(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"iterable", "r"};
    rh_object *v[2];
    int64_t r = -1;
    if (hx_parse_kw(I, "permutations", names, 2, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    int has_r = v[1] && v[1] != rh_none(I->rt);
    rh_object *pool_first = NULL;
    (void)pool_first;
    if (has_r && rh_kind_of(v[1]) != RH_K_INT && rh_kind_of(v[1]) != RH_K_BOOL) {
        /* permutations_new_impl makes the pool first, then checks r */
        rh_object *pool = rh_tuple_from_iterable(I->rt, v[0]);
        if (!pool) return NULL;
        rh_decref(I->rt, pool);
        rh_err_set(I->rt, RH_EXC_TYPE, "Expected int as r");
        return NULL;
    }
    if (has_r && rh_int_as_i64(I->rt, v[1], &r)) return NULL;
    return rh_permutations_new(I->rt, v[0], r, has_r);
}
FN(it_permutations) { UNUSED; WITH_ARGS(permutations_impl(I, a, n, kwn, kwv, nkw)); }

static rh_object *combinations_impl(hx_interp *I, const char *f, int repl, rh_object **a, int n, char **kwn,
                                    rh_object **kwv, int nkw) {
    static const char *const names[] = {"iterable", "r"};
    rh_object *v[2];
    int64_t r;
    if (hx_parse_kw(I, f, names, 2, 2, 2, a, n, kwn, kwv, nkw, v) || ssize_arg(I, v[1], &r)) return NULL;
    return rh_combinations_new(I->rt, v[0], r, repl);
}
FN(it_combinations) { UNUSED; WITH_ARGS(combinations_impl(I, "combinations", 0, a, n, kwn, kwv, nkw)); }
FN(it_cwr) { UNUSED; WITH_ARGS(combinations_impl(I, "combinations_with_replacement", 1, a, n, kwn, kwv, nkw)); }

/* py27's izip / imap / ifilter: the 3.x zip / map / filter objects (docs/conformance.md) */
FN(it_izip) {
    UNUSED; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "izip() does not take keyword arguments"); return NULL; }
    return rh_zip_new(I->rt, a, (size_t)n);
}
FN(it_imap) {
    UNUSED; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "imap() does not take keyword arguments"); return NULL; }
    if (n < 2) { rh_err_set(I->rt, RH_EXC_TYPE, "imap() must have at least two arguments."); return NULL; }
    return rh_map_new(I->rt, a[0], a + 1, (size_t)(n - 1));
}
FN(it_ifilter) {
    UNUSED; (void)kwn; (void)kwv;
    if (positional(I, "ifilter", n, nkw, 2, 2)) return NULL;
    return rh_filter_new(I->rt, a[0], a[1]);
}

/* ---------------------------------------------------------------- the module */

#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}
DEF(d_count, "count", it_count); DEF(d_cycle, "cycle", it_cycle); DEF(d_repeat, "repeat", it_repeat);
DEF(d_accumulate, "accumulate", it_accumulate); DEF(d_chain, "chain", it_chain);
DEF(d_compress, "compress", it_compress); DEF(d_dropwhile, "dropwhile", it_dropwhile);
DEF(d_takewhile, "takewhile", it_takewhile); DEF(d_filterfalse, "filterfalse", it_filterfalse);
DEF(d_ifilterfalse, "ifilterfalse", it_ifilterfalse); DEF(d_groupby, "groupby", it_groupby);
DEF(d_islice, "islice", it_islice); DEF(d_pairwise, "pairwise", it_pairwise); DEF(d_starmap, "starmap", it_starmap);
DEF(d_zip_longest, "zip_longest", it_zip_longest); DEF(d_izip_longest, "izip_longest", it_izip_longest);
DEF(d_product, "product", it_product); DEF(d_permutations, "permutations", it_permutations);
DEF(d_combinations, "combinations", it_combinations); DEF(d_cwr, "combinations_with_replacement", it_cwr);
DEF(d_from_iterable, "from_iterable", it_chain_from_iterable);

/* The types of the module, under the names each version has (apilevel.c); calling one runs its entry.
 * ifilterfalse / izip_longest (py27) are the same types under their 2.x names. */
static const struct { rh_kind kind; const rh_builtin_def *ctor; } it_types[] = {
    {RH_K_IT_COUNT, &d_count}, {RH_K_IT_CYCLE, &d_cycle}, {RH_K_IT_REPEAT, &d_repeat},
    {RH_K_IT_ACCUMULATE, &d_accumulate}, {RH_K_IT_CHAIN, &d_chain}, {RH_K_IT_COMPRESS, &d_compress},
    {RH_K_IT_DROPWHILE, &d_dropwhile}, {RH_K_IT_TAKEWHILE, &d_takewhile}, {RH_K_IT_FILTERFALSE, &d_filterfalse},
    {RH_K_IT_FILTERFALSE, &d_ifilterfalse}, {RH_K_IT_GROUPBY, &d_groupby}, {RH_K_IT_ISLICE, &d_islice},
    {RH_K_IT_PAIRWISE, &d_pairwise}, {RH_K_IT_STARMAP, &d_starmap}, {RH_K_IT_ZIPLONGEST, &d_zip_longest},
    {RH_K_IT_ZIPLONGEST, &d_izip_longest}, {RH_K_IT_PRODUCT, &d_product}, {RH_K_IT_PERMUTATIONS, &d_permutations},
    {RH_K_IT_COMBINATIONS, &d_combinations}, {RH_K_IT_CWR, &d_cwr}, {RH_K_NONE, NULL}};

/* the module's functions (tee; py27's izip, imap, ifilter) */
static const rh_builtin_def itertools_defs[] = {
    {"tee", (void (*)(void))it_tee, 0}, {"izip", (void (*)(void))it_izip, 0},
    {"imap", (void (*)(void))it_imap, 0}, {"ifilter", (void (*)(void))it_ifilter, 0}, {NULL, NULL, 0}};

const rh_builtin_def *hx_itertools_constructor(rh_object *type) {
    rh_kind k = ((rh_type *)type)->kind;
    for (int i = 0; it_types[i].ctor; i++)
        if (k == it_types[i].kind) return it_types[i].ctor;
    return hx_collections_constructor(type); /* mod_collections.c */
}

rh_object *hx_itertools_type_attr(hx_interp *I, rh_object *type, rh_object *name) {
    if (((rh_type *)type)->kind == RH_K_IT_CHAIN && rh_str_eq_cstr(name, "from_iterable"))
        return rh_builtin_new(I->rt, &d_from_iterable, type); /* a classmethod: bound to the type */
    return NULL;
}

rh_object *hx_module_itertools(hx_interp *I) {
    rh_object *m = hx_make_module(I, "itertools", itertools_defs);
    for (int i = 0; m && it_types[i].ctor; i++) {
        const char *nm = it_types[i].ctor->name;
        if (!RH_API_DYN(I, "itertools", nm)) continue;
        if (rh_dict_set_cstr(I->rt, rh_module_dict(m), nm, (rh_object *)rh_builtin_type(I->rt, it_types[i].kind))) {
            rh_decref(I->rt, m);
            return NULL;
        }
    }
    return m;
}
