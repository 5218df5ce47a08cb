/* builtins.c — the built-in functions of the workload language and the methods of built-in types.
 *
 * Owns the `builtins` namespace (print, len, range, list, tuple, dict, int, float, str, bool, repr, sorted,
 * all, any, min, max, sum, abs, dir, id, type, isinstance, callable, globals, open) and the method tables
 * of list and dict (str's: builtins_str.c, builtins_fmt.c). Every function has the hx_cfn signature: arguments are borrowed, the result is
 * a new reference or NULL with the runtime error set. Messages follow CPython 3.11's wording.
 * open() serves only /proc/self/... read-only: the text is read at open() and held by a box object.
 */
#define _GNU_SOURCE /* memmem */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

static int no_kw(hx_interp *I, const char *fname, int nkw, char **kwn) {
    if (nkw == 0) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fname);
    (void)kwn;
    return -1;
}

static int nargs_check(hx_interp *I, const char *fname, int n, int lo, int hi) {
    if (n >= lo && n <= hi) return 0;
    if (lo == hi && lo == 0) /* METH_NOARGS */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fname, n);
    else if (lo == hi)
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly %s (%d given)", fname, lo == 1 ? "one argument" : "2 arguments", n);
    else /* PyArg_UnpackTuple; 2.7's says "arguments" whatever the count */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at %s %d argument%s, got %d", fname, n < lo ? "least" : "most",
                   n < lo ? lo : hi, (n < lo ? lo : hi) == 1 && !rh_runtime_profile(I->rt)->python2 ? "" : "s", n);
    return -1;
}

static size_t seqlen(rh_object *o) { return rh_kind_of(o) == RH_K_LIST ? rh_list_len(o) : rh_tuple_len(o); }
static rh_object *seqget(rh_object *o, size_t i) { return rh_kind_of(o) == RH_K_LIST ? rh_list_get(o, i) : rh_tuple_get(o, i); }

/* The tuple of positional arguments some calls pack for their callee (print's *args from 3.11 on; str(x)
 * and int(x) up to 3.12, without vectorcall: _PyObject_MakeTpCall), when the profile says so: it holds a
 * reference to each argument for the whole call. *t is NULL when no tuple is made. 0, or -1 (MemoryError). */
/* The argument tuple (and, with keywords, the dict) a call packs before the callee runs, when `packs`:
 * Objects/call.c _PyObject_MakeTpCall (the tuple, then _PyStack_AsDict) or 2.7's do_call (the keyword dict
 * first: update_keyword_args, then load_args). With kwdict 0 the keywords stay unpacked (an Argument
 * Clinic *args function gets only its tuple). *t and *d: new references or NULL. */
static int args_tuple(hx_interp *I, int packs, int kwdict, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw,
                      rh_object **t, rh_object **d) {
    *t = *d = NULL;
    int prepacked = I->ext_prepacked; /* 2.7's ext_do_call handed its own tuple and dict over */
    I->ext_prepacked = 0;
    if (!packs || prepacked) return 0;
    int py2 = rh_runtime_profile(I->rt)->python2;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == py2 && kwdict && nkw) { /* 3.x: pass 1, after the tuple; 2.7: pass 0 */
            if (!(*d = rh_dict_new(I->rt))) return -1;
            for (int i = 0; i < nkw; i++) {
                rh_object *k = hx_name(I, kwn[i]);
                if (!k || rh_dict_set(I->rt, *d, k, kwv[i]) != 0) return -1;
            }
        } else if (pass != py2) {
            if (n == 0) *t = newref(rh_empty_tuple(I->rt));
            else if (!(*t = rh_tuple_new(I->rt, (size_t)n))) return -1;
            for (int i = 0; i < n; i++) rh_tuple_set(*t, (size_t)i, newref(a[i]));
        }
    }
    return 0;
}

/* name: impl behind the packing `packs` and `kwdict` (expressions over the profile p and nkw) decide */
#define FN_PACKED(name, impl, packs, kwdict)                                                            \
    FN(name) {                                                                                          \
        const rh_profile *p = rh_runtime_profile(I->rt);                                                \
        rh_object *t, *d, *r = NULL;                                                                    \
        (void)p;                                                                                        \
        if (args_tuple(I, packs, kwdict, a, n, kwn, kwv, nkw, &t, &d) == 0)                             \
            r = impl(I, self, a, n, kwn, kwv, nkw);                                                     \
        rh_xdecref(I->rt, d);                                                                           \
        rh_xdecref(I->rt, t);                                                                           \
        return r;                                                                                       \
    }

/* ---------------------------------------------------------------- output */

/* PyObject_Str's shortcut: an exact str is its own str(); a subclass's instance goes through its tp_str */
static int is_exact_str(hx_interp *I, rh_object *o) { return rh_type_of(o) == rh_builtin_type(I->rt, RH_K_STR); }

static int write_obj(hx_interp *I, rh_object *o, FILE *out) {
    rh_kind k = rh_kind_of(o); /* 2.7: PyFile_WriteObject -> PyObject_Print, the containers' tp_print (3.x: no-op) */
    int was = rh_repr_set_print(I->rt, (k == RH_K_LIST || k == RH_K_TUPLE || k == RH_K_DICT) &&
                                           !(rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE));
    rh_object *s = is_exact_str(I, o) ? newref(o) : hx_obj_str(I, o);
    rh_repr_set_print(I->rt, was);
    if (!s) return -1;
    /* encoded into a scratch buffer as TextIOWrapper.write encodes: the str keeps no UTF-8 form */
    size_t len = rh_str_utf8_copy(s, NULL, 0);
    char *u = malloc(len + 1);
    if (!u) abort();
    rh_str_utf8_copy(s, u, len + 1);
    fwrite(u, 1, len, out);
    free(u);
    rh_decref(I->rt, s);
    return 0;
}

/* PyFile_WriteObject(o, f, Py_PRINT_RAW) / PyFile_WriteString(text, f): f.write(str(o)), the write
 * attribute looked up for each piece as CPython does. o NULL: the C string text. */
static int file_write(hx_interp *I, rh_object *f, rh_object *o, const char *text) {
    rh_object *name = hx_name(I, "write"), *w = name ? hx_getattr_obj(I, f, name) : NULL;
    if (!w) return -1;
    rh_object *s = o ? (is_exact_str(I, o) ? newref(o) : hx_obj_str(I, o)) : rh_str_from_cstr(I->rt, text);
    rh_object *r = s ? hx_call(I, w, &s, 1, NULL, NULL, 0) : NULL;
    rh_decref(I->rt, w);
    if (!r) return -1;
    rh_decref(I->rt, r);
    return 0;
}

/* print(*args, sep, end, file) to an object other than sys.stdout / sys.stderr: builtin_print_impl's
 * calls of its write method */
static rh_object *print_to_object(hx_interp *I, rh_object *file, rh_object **a, int n, rh_object *sep, rh_object *end) {
    for (int i = 0; i < n; i++) {
        if (i && (sep ? file_write(I, file, sep, NULL) : file_write(I, file, NULL, " "))) return NULL;
        if (file_write(I, file, a[i], NULL)) return NULL;
    }
    if (end ? file_write(I, file, end, NULL) : file_write(I, file, NULL, "\n")) return NULL;
    return newref(rh_none(I->rt));
}

FN(print_impl) {
    UNUSED_ARGS;
    rh_object *sep = NULL, *end = NULL, *file = NULL;
    int flush = 0;
    /* its keyword parser (3.10: builtin_print's _PyArg_Parser, for keyword calls; 3.11: Argument Clinic's
     * _PyArg_UnpackKeywordsWithVararg, at every call) */
    static const char *const print_kw[] = {"sep", "end", "file", "flush"};
    if ((nkw || rh_runtime_profile(I->rt)->print_args_tuple) && hx_kwtuple_once(I, "print", print_kw, 4)) return NULL;
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "sep")) sep = kwv[k];
        else if (!strcmp(kwn[k], "end")) end = kwv[k];
        else if (!strcmp(kwn[k], "file")) file = kwv[k];
        else if (!strcmp(kwn[k], "flush") && RH_API(I, "builtins", "print(flush)")) {
            if ((flush = rh_truthy(I->rt, kwv[k])) < 0) return NULL;
        }
        else { rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for print()", kwn[k]); return NULL; }
    }
    if (sep == rh_none(I->rt)) sep = NULL;
    if (end == rh_none(I->rt)) end = NULL;
    FILE *out = file && file != rh_none(I->rt) ? hx_std_stream_file(file) : stdout; /* sys.stdout / sys.stderr */
    if (!out) return print_to_object(I, file, a, n, sep, end); /* any object with a write method */
    if (out == stderr) fflush(stdout);
    for (int i = 0; i < n; i++) {
        if (i) {
            if (sep) { if (write_obj(I, sep, out)) return NULL; }
            else fputc(' ', out);
        }
        if (write_obj(I, a[i], out)) return NULL;
    }
    if (end) { if (write_obj(I, end, out)) return NULL; }
    else fputc('\n', out);
    if (flush || out == stderr) fflush(out);
    return newref(rh_none(I->rt));
}

/* ---------------------------------------------------------------- basic functions */

FN(bi_len) {
    UNUSED_ARGS;
    if (no_kw(I, "len", nkw, kwn) || nargs_check(I, "len", n, 1, 1)) return NULL;
    int64_t r = rh_len(I->rt, a[0]); /* PyObject_Size: sq_length, mp_length (a class's __len__) */
    return r < 0 ? NULL : rh_int_from_i64(I->rt, r);
}

/* range_new with an argument beyond int64: each through PyNumber_Index as an int object, the range made on
 * the objects (rangeobject.c compute_range_length) */
static rh_object *range_of_ints(hx_interp *I, rh_object *const *a, int n) {
    rh_object *v[3] = {NULL, NULL, NULL};
    int ok = 1;
    for (int i = 0; ok && i < n; i++) {
        rh_kind k = rh_kind_of(a[i]);
        v[i] = k == RH_K_INT || k == RH_K_BOOL ? newref(a[i]) : a[i]->type->as_number.nb_index(I->rt, a[i]);
        ok = v[i] != NULL;
    }
    rh_object *zero = ok ? rh_int_from_i64(I->rt, 0) : NULL, *one = zero ? rh_int_from_i64(I->rt, 1) : NULL, *r = NULL;
    if (one) r = rh_range_from_ints(I->rt, n == 1 ? zero : v[0], n == 1 ? v[0] : v[1], n == 3 ? v[2] : one);
    for (int i = 0; i < n; i++) rh_xdecref(I->rt, v[i]);
    rh_xdecref(I->rt, zero);
    rh_xdecref(I->rt, one);
    return r;
}

/* range(...) (range_new), or with as_list 2.7's range() function (builtin_range: a list of exactly its
 * length); under that profile the type is 2.7's xrange, C longs only (Objects/rangeobject.c range_new) */
static rh_object *range_call(hx_interp *I, int as_list, rh_object **a, int n, char **kwn, int nkw) {
    int py2 = rh_runtime_profile(I->rt)->range_returns_list;
    const char *name = py2 && !as_list ? "xrange" : "range";
    if (nkw && py2 && !as_list) { /* 2.7 range_new: _PyArg_NoKeywords */
        rh_err_set(I->rt, RH_EXC_TYPE, "xrange() does not take keyword arguments");
        return NULL;
    }
    if (no_kw(I, name, nkw, kwn)) return NULL;
    if (n < 1 || n > 3) {
        if (py2) rh_err_set(I->rt, RH_EXC_TYPE, "%s() requires 1-3 int arguments", name);
        else rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "range expected at least 1 argument, got %d" : "range expected at most 3 arguments, got %d", n);
        return NULL;
    }
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < n; i++) {
        if (py2 && rh_kind_of(a[i]) == RH_K_FLOAT) { /* 2.7 PyArg_ParseTuple "l" of a float */
            rh_err_set(I->rt, RH_EXC_TYPE, as_list ? "range() integer %s argument expected, got float." : "integer argument expected, got float",
                       n == 1 || i == 1 ? "end" : i == 0 ? "start" : "step");
            return NULL;
        }
        if (rh_index_value(I->rt, a[i], &v[i])) {
            if (rh_err_occurred(I->rt) != RH_EXC_OVERFLOW || py2) return NULL;
            rh_err_clear(I->rt);
            return range_of_ints(I, a, n);
        }
    }
    int64_t start = n == 1 ? 0 : v[0], stop = n == 1 ? v[0] : v[1], step = n == 3 ? v[2] : 1;
    if (step == 0) { rh_err_set(I->rt, RH_EXC_VALUE, "%s() arg 3 must not be zero", name); return NULL; }
    if (as_list) return rh_list_from_range(I->rt, start, stop, step);
    return rh_range_new(I->rt, start, stop, step);
}

FN(bi_range) { (void)self; (void)kwv; return range_call(I, 0, a, n, kwn, nkw); }
FN(bi_range_list) { (void)self; (void)kwv; return range_call(I, 1, a, n, kwn, nkw); }

/* list(o) (from_freelist 0) or PySequence_List(o) (1): list(range) has its own exact path */
static rh_object *to_list(hx_interp *I, rh_object *o, int from_freelist) {
    /* (2.7's list(xrange) goes through listextend's length hint, over-allocating as any iterable) */
    if (rh_kind_of(o) == RH_K_RANGE && !from_freelist && !rh_range_is_long(o) && !rh_runtime_profile(I->rt)->python2) {
        int64_t n = rh_range_len(o);
        if (n == 0) return rh_list_from_iterable(I->rt, o, 0);
        int64_t st = rh_range_item(o, 0), step = n > 1 ? rh_range_item(o, 1) - st : 1;
        return rh_list_from_range(I->rt, st, st + n * step, step);
    }
    return rh_list_from_iterable(I->rt, o, from_freelist);
}

FN(bi_list) {
    UNUSED_ARGS;
    if (no_kw(I, "list", nkw, kwn) || nargs_check(I, "list", n, 0, 1)) return NULL;
    if (n == 0) return rh_list_from_iterable(I->rt, rh_empty_tuple(I->rt), 0); /* list_vectorcall: a fresh list */
    return to_list(I, a[0], 0);
}

FN(bi_tuple) {
    UNUSED_ARGS;
    if (no_kw(I, "tuple", nkw, kwn) || nargs_check(I, "tuple", n, 0, 1)) return NULL;
    if (n == 0) return newref(rh_empty_tuple(I->rt));
    return rh_tuple_from_iterable(I->rt, a[0]);
}

/* PyDict_MergeFromSeq2(d, seq, override=1), dict_update_arg's path for an argument that is not a dict:
 * iterate seq (a GC-tracked iterator for a list, tuple, str or dict, as PyObject_GetIter makes), each
 * item a list or tuple of two (other iterables go through a temporary list, as PySequence_Fast does),
 * stored with PyDict_SetItem in order. */
static int dict_merge_pairs(hx_interp *I, rh_object *d, rh_object *seq) {
    rh_runtime *rt = I->rt;
    rh_object *it = newref(seq), *item;
    int64_t cur[HX_LOOP_WORDS];
    if (hx_get_iter(I, &it, cur) != 0) { rh_decref(rt, it); return -1; }
    int r, rc = 0;
    for (int64_t i = 0; rc == 0 && (r = hx_for_iter(I, it, cur, &item)) == 1; i++) {
        rh_kind k = rh_kind_of(item);
        rh_object *fast = k == RH_K_LIST || k == RH_K_TUPLE ? newref(item) : NULL;
        if (!fast && (k == RH_K_STR || k == RH_K_DICT || k == RH_K_RANGE)) fast = hx_iter_list(I, item);
        else if (!fast)
            rh_err_set(rt, RH_EXC_TYPE, "cannot convert dictionary update sequence element #%lld to a sequence",
                       (long long)i);
        if (fast && seqlen(fast) != 2) {
            rh_err_set(rt, RH_EXC_VALUE, "dictionary update sequence element #%lld has length %zu; 2 is required",
                       (long long)i, seqlen(fast));
        } else if (fast) {
            rh_object *key = newref(seqget(fast, 0)), *value = newref(seqget(fast, 1));
            rc = rh_dict_set(rt, d, key, value);
            rh_decref(rt, key);
            rh_decref(rt, value);
        }
        if (!fast || seqlen(fast) != 2) rc = -1;
        rh_xdecref(rt, fast);
        rh_decref(rt, item);
    }
    if (r < 0) rc = -1;
    rh_decref(rt, it);
    return rc;
}

/* PyDict_Merge of a mapping that is no dict: d[k] = m[k] for each k of m.keys() */
static int dict_merge_mapping(hx_interp *I, rh_object *d, rh_object *keys_method, rh_object *m) {
    rh_runtime *rt = I->rt;
    rh_object *keys = hx_call(I, keys_method, NULL, 0, NULL, NULL, 0), *it = keys ? rh_getiter(rt, keys) : NULL, *k;
    int rc = it ? 0 : -1;
    while (it && !rc && (k = rh_iternext(rt, it))) {
        rh_object *v = rh_getitem(rt, m, k);
        rc = v ? rh_dict_set(rt, d, k, v) : -1;
        rh_xdecref(rt, v);
        rh_decref(rt, k);
    }
    if (!rc && rh_err_occurred(rt)) rc = -1;
    rh_xdecref(rt, it);
    rh_xdecref(rt, keys);
    return rc;
}

/* dict_update_arg: a dict is merged (PyDict_Merge), then anything with a keys attribute is a mapping,
 * anything else a sequence of pairs. */
static int dict_update_arg(hx_interp *I, rh_object *d, rh_object *arg) {
    int py2 = rh_runtime_profile(I->rt)->python2; /* 2.7's dict_update_common asks PyObject_HasAttrString(arg, "keys") even of a dict */
    if (!py2 && hx_dict_iterates_plainly(I, arg)) return rh_dict_merge(I->rt, d, arg);
    rh_object *name = hx_name(I, "keys"), *keys = name ? hx_getattr_obj(I, arg, name) : NULL;
    if (!keys && !py2 && rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return -1;
    rh_err_clear(I->rt); /* (PyObject_HasAttrString clears whatever failed) */
    if (keys && py2 && hx_dict_iterates_plainly(I, arg)) { /* then PyDict_Merge reads the dict itself */
        rh_decref(I->rt, keys);
        return rh_dict_merge(I->rt, d, arg);
    }
    int rc = keys ? dict_merge_mapping(I, d, keys, arg) : dict_merge_pairs(I, d, arg);
    rh_xdecref(I->rt, keys);
    return rc;
}

FN(bi_dict) {
    UNUSED_ARGS;
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "dict expected at most 1 argument, got %d", n); return NULL; }
    rh_object *d = rh_dict_new_fresh(I->rt); /* dict_new: type->tp_alloc */
    if (!d) return NULL;
    if (n == 1) {
        if (dict_update_arg(I, d, a[0])) { rh_decref(I->rt, d); return NULL; }
    }
    rh_object *packed = I->call_kwdict;
    I->call_kwdict = NULL;
    if (nkw && rh_runtime_profile(I->rt)->python2) { /* 2.7: dict_update_common's PyDict_Merge of the call's
                                             * keyword dict (do_call's update_keyword_args, or ext_do_call's
                                             * copy): one resize up front, then its slots in order */
        int have = packed && rh_dict_len(packed) == (size_t)nkw;
        rh_object *kw = have ? newref(packed) : rh_dict_new(I->rt);
        int rc = kw ? 0 : -1;
        for (int i = 0; i < nkw && !rc && !have; i++) rc = rh_dict_set_cstr(I->rt, kw, kwn[i], kwv[i]);
        if (!rc) rc = rh_dict_merge(I->rt, d, kw);
        rh_xdecref(I->rt, kw);
        if (rc) { rh_decref(I->rt, d); return NULL; }
        return d;
    }
    for (int i = 0; i < nkw; i++) {
        if (rh_dict_set_cstr(I->rt, d, kwn[i], kwv[i])) { rh_decref(I->rt, d); return NULL; }
    }
    return d;
}

/* PyNumber_Long / PyNumber_Float past the built-in types: nb_int (nb_float), whose result must be an int
 * (a float), else nb_index, else TypeError (Objects/abstract.c, floatobject.c float_new_impl). */
static rh_object *number_convert(hx_interp *I, rh_object *o, int to_float) {
    const rh_number_methods *m = &rh_type_of(o)->as_number;
    rh_unaryfunc f = to_float ? m->nb_float : m->nb_int;
    const char *what = to_float ? "__float__" : "__int__";
    if (!f && m->nb_index) f = m->nb_index, what = "__index__";
    if (!f) {
        if (to_float)
            rh_err_set(I->rt, RH_EXC_TYPE, "float() argument must be a string or a real number, not '%s'", hx_tname(o));
        else
            rh_err_set(I->rt, RH_EXC_TYPE,
                       "int() argument must be a string, a bytes-like object or a real number, not '%s'", hx_tname(o));
        return NULL;
    }
    rh_object *r = f(I->rt, o);
    if (!r) return NULL;
    int want_float = to_float && f != m->nb_index;
    if (want_float ? rh_kind_of(r) == RH_K_FLOAT : hx_is_intlike(r)) {
        if (!to_float && rh_kind_of(r) == RH_K_BOOL) { /* an int subclass: its int value */
            rh_object *v = rh_int_from_i64(I->rt, r == rh_true(I->rt));
            rh_decref(I->rt, r);
            return v;
        }
        if (!to_float || want_float) return r;
        double d; /* float(x) through __index__: PyLong_AsDouble */
        int rc = rh_int_as_double(I->rt, r, &d);
        rh_decref(I->rt, r);
        return rc ? NULL : rh_float_new(I->rt, d);
    }
    rh_err_set(I->rt, RH_EXC_TYPE, "%s returned non-%s (type %s)", what, want_float ? "float" : "int", hx_tname(r));
    rh_decref(I->rt, r);
    return NULL;
}

/* _PyLong_FromBytes (Objects/longobject.c 3.11): int(b, base) of a bytes or bytearray b, the text's
 * ValueError naming b's repr ("invalid literal for int() with base 2: b'12'"). New reference or NULL. */
static rh_object *int_from_bytes_text(hx_interp *I, rh_object *b, int base) {
    rh_object *r = rh_int_from_text_base(I->rt, rh_bytes_data(b), rh_bytes_len(b), base);
    if (r || rh_err_occurred(I->rt) != RH_EXC_VALUE) return r;
    rh_err_clear(I->rt);
    rh_object *copy = rh_bytes_from(I->rt, rh_bytes_data(b), rh_bytes_len(b)); /* a bytearray shows as bytes */
    rh_object *rep = copy ? hx_obj_repr(I, copy) : NULL;
    rh_xdecref(I->rt, copy);
    if (rep) rh_err_set(I->rt, RH_EXC_VALUE, "invalid literal for int() with base %d: %s", base, hx_cstr(I, rep));
    rh_xdecref(I->rt, rep);
    return NULL;
}

FN(int_impl) {
    UNUSED_ARGS;
    rh_object *args[2] = {NULL, NULL};
    if (nkw) { /* long_new's clinic parser: int(x=0, /, base=10) (2.7's "|OO:int" names x too) */
        static const char *const kw3[] = {"", "base"}, *const kw2[] = {"x", "base"};
        if (hx_parse_kw(I, "int", rh_runtime_profile(I->rt)->python2 ? kw2 : kw3, 2, 2, 0, a, n, kwn, kwv, nkw, args))
            return NULL;
        if (!args[0]) { /* long_new_impl */
            rh_err_set(I->rt, RH_EXC_TYPE, "int() missing string argument");
            return NULL;
        }
        a = args, n = args[1] ? 2 : 1;
    }
    if (n > 2) { /* long_new's clinic parser (_PyArg_CheckPositional) */
        rh_err_set(I->rt, RH_EXC_TYPE, "int() takes at most 2 arguments (%d given)", n);
        return NULL;
    }
    if (n == 0) return rh_int_from_i64(I->rt, 0);
    rh_object *o = a[0];
    if (n == 2) { /* long_new_impl with a base */
        int64_t base;
        if (rh_index_value(I->rt, a[1], &base)) return NULL;
        if ((base != 0 && base < 2) || base > 36) {
            rh_err_set(I->rt, RH_EXC_VALUE, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        if (rh_is_byteslike(o) && !rh_runtime_profile(I->rt)->python2) /* long_new_impl: _PyLong_FromBytes */
            return int_from_bytes_text(I, o, (int)base);
        if (rh_kind_of(o) != RH_K_STR) {
            rh_err_set(I->rt, RH_EXC_TYPE, "int() can't convert non-string with explicit base");
            return NULL;
        }
        size_t len;
        const char *u = rh_str_utf8(I->rt, o, &len);
        return u ? rh_int_from_text_base(I->rt, u, len, (int)base) : NULL;
    }
    if (rh_type_of(o) == rh_builtin_type(I->rt, RH_K_INT)) return newref(o); /* PyLong_CheckExact */
    switch (rh_kind_of(o)) {
    case RH_K_BOOL: return rh_int_from_i64(I->rt, o == rh_true(I->rt));
    case RH_K_FLOAT: return rh_int_from_double(I->rt, rh_float_value(o));
    case RH_K_STR: {
        size_t len;
        const char *u = rh_str_utf8(I->rt, o, &len);
        return u ? rh_int_from_text(I->rt, u, len) : NULL;
    }
    case RH_K_BYTES: case RH_K_BYTEARRAY: /* PyNumber_Long: _PyLong_FromBytes(..., 10) (pickle's load_put) */
        if (!rh_runtime_profile(I->rt)->python2) return int_from_bytes_text(I, o, 10);
        return number_convert(I, o, 0);
    default: return number_convert(I, o, 0);
    }
}

/* long_subtype_new: int(...)'s value, then an instance of cls (a class deriving from int) holding it.
 * Arguments borrowed; new reference or NULL. */
rh_object *hx_int_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    if (hx_abstract_error(I, cls)) return NULL;
    rh_object *v = int_impl(I, NULL, a, n, kwn, kwv, nkw);
    rh_object *r = v ? rh_int_subtype_new(I->rt, cls, v) : NULL;
    rh_xdecref(I->rt, v);
    return r;
}

/* tp_new_wrapper for int: int.__new__(X, *args), X int itself or a class deriving from it */
FN(int_new_method) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (n < 1) {
        rh_err_set(rt, RH_EXC_TYPE, "int.__new__(): not enough arguments");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "int.__new__(X): X is not a type object (%s)", hx_tname(a[0]));
        return NULL;
    }
    rh_type *t = (rh_type *)a[0];
    if (t->kind != RH_K_INT || (t->flags & RH_TPFLAG_INT_WORD) != (rh_builtin_type(rt, RH_K_INT)->flags & RH_TPFLAG_INT_WORD)) {
        rh_err_set(rt, RH_EXC_TYPE, "int.__new__(%s): %s is not a subtype of int", t->name, t->name);
        return NULL;
    }
    if (t == rh_builtin_type(rt, RH_K_INT)) return int_impl(I, NULL, a + 1, n - 1, kwn, kwv, nkw);
    return hx_int_subtype_new(I, a[0], a + 1, n - 1, kwn, kwv, nkw);
}
static const rh_builtin_def m_int_new = {"__new__", (void (*)(void))int_new_method, HX_METH_VARARGS};

FN(str_impl);

/* tp_new_wrapper for str: str.__new__(X, *args), X str itself or a class deriving from it */
FN(str_new_method) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (n < 1) {
        rh_err_set(rt, RH_EXC_TYPE, "str.__new__(): not enough arguments");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "str.__new__(X): X is not a type object (%s)", hx_tname(a[0]));
        return NULL;
    }
    rh_type *t = (rh_type *)a[0];
    if (t->kind != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "str.__new__(%s): %s is not a subtype of str", t->name, t->name);
        return NULL;
    }
    if (t == rh_builtin_type(rt, RH_K_STR)) return str_impl(I, NULL, a + 1, n - 1, kwn, kwv, nkw);
    return hx_str_subtype_new(I, a[0], a + 1, n - 1, kwn, kwv, nkw);
}
static const rh_builtin_def m_str_new = {"__new__", (void (*)(void))str_new_method, HX_METH_VARARGS};

/* The tp_new_wrapper of a static type whose __new__ is modelled (int, str), or NULL */
static const rh_builtin_def *new_wrapper_def(rh_kind k) {
    return k == RH_K_INT ? &m_int_new : k == RH_K_STR ? &m_str_new : NULL;
}

FN(bi_float) {
    UNUSED_ARGS;
    if (no_kw(I, "float", nkw, kwn) || nargs_check(I, "float", n, 0, 1)) return NULL;
    if (n == 0) return rh_float_new(I->rt, 0.0);
    rh_object *o = a[0];
    if (rh_kind_of(o) == RH_K_FLOAT) return newref(o);
    if (hx_is_intlike(o)) {
        double v;
        return rh_int_as_double(I->rt, o, &v) ? NULL : rh_float_new(I->rt, v);
    }
    if (rh_kind_of(o) == RH_K_STR) {
        size_t len;
        const char *u = rh_str_utf8(I->rt, o, &len);
        return u ? rh_float_from_text(I->rt, u, len) : NULL;
    }
    if ((rh_kind_of(o) == RH_K_BYTES || rh_kind_of(o) == RH_K_BYTEARRAY) && !rh_runtime_profile(I->rt)->python2) {
        /* PyFloat_FromString of a bytes-like (pickle's load_float): the error shows the object's repr */
        rh_object *r = rh_float_from_text(I->rt, rh_bytes_data(o), rh_bytes_len(o));
        if (r || rh_err_occurred(I->rt) != RH_EXC_VALUE) return r;
        rh_err_clear(I->rt);
        rh_object *rep = hx_obj_repr(I, o);
        if (rep) rh_err_set(I->rt, RH_EXC_VALUE, "could not convert string to float: %s", hx_cstr(I, rep));
        rh_xdecref(I->rt, rep);
        return NULL;
    }
    return number_convert(I, o, 1);
}

rh_object *hx_number_float(hx_interp *I, rh_object *o) { return bi_float(I, NULL, &o, 1, NULL, NULL, 0); }

/* PyUnicode_FromEncodedObject: o.decode(encoding, errors) for bytes and bytearray (NULL: the default) */
static rh_object *str_decode(hx_interp *I, rh_object *o, rh_object *enc, rh_object *errors) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "decoding str is not supported");
        return NULL;
    }
    if (rh_kind_of(o) != RH_K_BYTES && rh_kind_of(o) != RH_K_BYTEARRAY) {
        rh_err_set(rt, RH_EXC_TYPE, "decoding to str: need a bytes-like object, %s found", hx_tname(o));
        return NULL;
    }
    rh_object *name = hx_name(I, "decode"), *m = name ? hx_getattr_obj(I, o, name) : NULL;
    if (!m) return NULL;
    rh_object *args[2];
    int na = 0;
    char *kn[1] = {"errors"};
    if (enc) args[na++] = newref(enc); /* hx_call steals them */
    if (errors) args[na++] = newref(errors);
    rh_object *r = hx_call(I, m, args, enc ? na : 0, enc ? NULL : kn, enc ? NULL : args, enc ? 0 : na);
    rh_decref(rt, m);
    return r;
}

/* unicode_new_impl: str(), str(object), str(object, encoding, errors) (clinic keywords object, encoding,
 * errors). An exact str argument is itself; anything else goes through PyObject_Str (a subclass's instance:
 * its __str__, or str's, which copies). */
FN(str_impl) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    static const char *const kw[] = {"object", "encoding", "errors"};
    rh_object *v[3] = {NULL, NULL, NULL};
    if (nkw && hx_kwtuple_once(I, "str", kw, 3)) return NULL; /* unicode_new's clinic parser */
    if (n + nkw > 3) {
        rh_err_set(rt, RH_EXC_TYPE, "str() takes at most 3 arguments (%d given)", n + nkw);
        return NULL;
    }
    for (int i = 0; i < n; i++) v[i] = a[i];
    for (int k = 0; k < nkw; k++) {
        int j = 0;
        while (j < 3 && strcmp(kw[j], kwn[k]) != 0) j++;
        if (j == 3) {
            if (RH_API(I, "str", "msg:clinic-313")) rh_err_set(rt, RH_EXC_TYPE, "str() got an unexpected keyword argument '%s'", kwn[k]);
            else rh_err_set(rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for str()", kwn[k]);
            return NULL;
        }
        if (v[j]) {
            rh_err_set(rt, RH_EXC_TYPE, "argument for str() given by name ('%s') and position (%d)", kw[j], j + 1);
            return NULL;
        }
        v[j] = kwv[k];
    }
    for (int j = 1; j < 3; j++) {
        if (v[j] && rh_kind_of(v[j]) != RH_K_STR) {
            rh_err_set(rt, RH_EXC_TYPE, "str() argument '%s' must be str, not %s", kw[j], hx_tname(v[j]));
            return NULL;
        }
    }
    if (v[1] || v[2]) {
        if (!v[0]) return newref(rh_empty_str(rt)); /* str(encoding=...): the empty str */
        return str_decode(I, v[0], v[1], v[2]);
    }
    if (!v[0]) return newref(rh_empty_str(rt));
    if (is_exact_str(I, v[0])) return newref(v[0]); /* PyUnicode_CheckExact */
    return hx_obj_str(I, v[0]);
}

/* unicode_subtype_new: str(...)'s value, then an instance of cls (a class deriving from str) holding its
 * characters. Arguments borrowed; new reference or NULL. */
rh_object *hx_str_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    if (hx_abstract_error(I, cls)) return NULL;
    rh_object *v = str_impl(I, NULL, a, n, kwn, kwv, nkw);
    rh_object *r = v ? rh_str_subtype_new(I->rt, cls, v) : NULL;
    rh_xdecref(I->rt, v);
    return r;
}

/* builtin_ascii (3.x): repr(o) with its non-ASCII characters escaped (PyObject_ASCII); a METH_O built-in as
 * repr, so one level of the recursion depth */
FN(bi_ascii) {
    UNUSED_ARGS;
    if (no_kw(I, "ascii", nkw, kwn) || nargs_check(I, "ascii", n, 1, 1)) return NULL;
    if (rh_recursion_enter(I->rt, " while calling a Python object") != 0) return NULL;
    rh_object *r = rh_ascii(I->rt, a[0]);
    rh_recursion_leave(I->rt);
    return r;
}

FN(bi_repr) {
    UNUSED_ARGS;
    if (no_kw(I, "repr", nkw, kwn) || nargs_check(I, "repr", n, 1, 1)) return NULL;
    /* a METH_O built-in: 3.11 counts its call as a level of the recursion depth (ceval.c
     * PRECALL_NO_KW_BUILTIN_O, methodobject.c cfunction_enter_call) */
    if (rh_recursion_enter(I->rt, " while calling a Python object") != 0) return NULL;
    rh_object *r = hx_obj_repr(I, a[0]);
    rh_recursion_leave(I->rt);
    return r;
}

FN(bi_bool) {
    UNUSED_ARGS;
    if (no_kw(I, "bool", nkw, kwn) || nargs_check(I, "bool", n, 0, 1)) return NULL;
    if (n == 0) return rh_bool(I->rt, 0);
    int t = rh_truthy(I->rt, a[0]);
    return t < 0 ? NULL : rh_bool(I->rt, t);
}

static rh_object *all_any(hx_interp *I, rh_object *o, int want_all) {
    rh_object *l = hx_iter_list(I, o);
    if (!l) return NULL;
    int r = want_all;
    for (size_t i = 0; i < seqlen(l); i++) {
        rh_object *x = newref(seqget(l, i));
        int t = rh_truthy(I->rt, x);
        rh_decref(I->rt, x);
        if (t < 0) { rh_decref(I->rt, l); return NULL; }
        if (want_all && !t) { r = 0; break; }
        if (!want_all && t) { r = 1; break; }
    }
    rh_decref(I->rt, l);
    return rh_bool(I->rt, r);
}

FN(bi_all) { UNUSED_ARGS; if (no_kw(I, "all", nkw, kwn) || nargs_check(I, "all", n, 1, 1)) return NULL; return all_any(I, a[0], 1); }
FN(bi_any) { UNUSED_ARGS; if (no_kw(I, "any", nkw, kwn) || nargs_check(I, "any", n, 1, 1)) return NULL; return all_any(I, a[0], 0); }

/* One item being sorted and the key it is compared by (the item itself without key=). */
typedef struct sort_item { rh_object *key, *val; } sort_item;

/* stable merge sort with hx_compare(<) on the keys */
static int msort(hx_interp *I, sort_item *v, sort_item *tmp, size_t n, int reverse) {
    if (n < 2) return 0;
    size_t h = n / 2;
    if (msort(I, v, tmp, h, reverse) || msort(I, v + h, tmp, n - h, reverse)) return -1;
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        /* take from the right only when strictly smaller (stability) */
        int lt = reverse ? hx_compare(I, CMP_LT, v[i].key, v[j].key) : hx_compare(I, CMP_LT, v[j].key, v[i].key);
        if (lt < 0) return -1;
        tmp[k++] = lt ? v[j++] : v[i++];
    }
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
    return 0;
}

/* list.sort(key=, reverse=) (list_sort_impl): with a key function every key is computed first, in list
 * order, and the keys are released in that order after the sort. */
static int sort_list(hx_interp *I, rh_object *l, int reverse, rh_object *keyfunc) {
    size_t n = rh_list_len(l), nk = 0;
    sort_item *v = malloc((n ? n : 1) * sizeof *v), *tmp = malloc((n ? n : 1) * sizeof *v);
    rh_object **keys = keyfunc ? malloc((n ? n : 1) * sizeof *keys) : NULL; /* owned, in list order */
    if (!v || !tmp || (keyfunc && !keys)) abort();
    int rc = 0;
    for (size_t i = 0; i < n; i++) v[i].key = v[i].val = newref(rh_list_get(l, i));
    for (; keyfunc && nk < n; nk++) {
        if (!(keys[nk] = hx_call_borrowed(I, keyfunc, &v[nk].val, 1))) { rc = -1; break; }
        v[nk].key = keys[nk];
    }
    if (rc == 0) rc = msort(I, v, tmp, n, reverse);
    for (size_t i = 0; i < nk; i++) rh_decref(I->rt, keys[i]);
    if (rc == 0 && rh_list_len(l) == n)
        for (size_t i = 0; i < n && rc == 0; i++)
            if (rh_list_get(l, i) != v[i].val) rc = rh_list_setitem(I->rt, l, (int64_t)i, v[i].val);
    for (size_t i = 0; i < n; i++) rh_decref(I->rt, v[i].val);
    free(keys);
    free(v);
    free(tmp);
    return rc;
}

static int sort_kw(hx_interp *I, int nkw, char **kwn, rh_object **kwv, int *reverse, rh_object **key) {
    static const char *const names[] = {"key", "reverse"}; /* list.sort's parser (sorted passes its keywords on) */
    *reverse = 0;
    *key = NULL;
    if (nkw && hx_kwtuple_once(I, "sort", names, 2)) return -1;
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "reverse")) { *reverse = rh_truthy(I->rt, kwv[k]); continue; }
        if (!strcmp(kwn[k], "key")) { *key = kwv[k] == rh_none(I->rt) ? NULL : kwv[k]; continue; }
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for sort()", kwn[k]);
        return -1;
    }
    return 0;
}

FN(bi_sorted) {
    UNUSED_ARGS;
    int rev;
    rh_object *key;
    if (nargs_check(I, "sorted", n, 1, 1) || sort_kw(I, nkw, kwn, kwv, &rev, &key)) return NULL;
    rh_object *l = to_list(I, a[0], 1); /* builtin_sorted: PySequence_List, then list.sort */
    if (!l) return NULL;
    /* builtin_sorted calls newlist.sort through the attribute: a bound built-in method, made and dropped
     * (2.7: one from the free list, or a new one a collection does not see go) */
    rh_object *nm = hx_name(I, "sort"), *bound = nm ? hx_getattr_obj(I, l, nm) : NULL;
    if (!bound || sort_list(I, l, rev, key)) { rh_xdecref(I->rt, bound); rh_decref(I->rt, l); return NULL; }
    rh_decref(I->rt, bound);
    return l;
}

/* min_max: the first item whose key (the item itself without key=) is smaller / larger than every
 * earlier one's; default= answers an empty iterable. */
static rh_object *minmax(hx_interp *I, rh_object **a, int n, int want_max, const char *nm, int nkw, char **kwn,
                         rh_object **kwv) {
    rh_object *keyfunc = NULL, *dflt = NULL;
    /* 3.13's builtin_min/builtin_max: _PyArg_Parser {"|$OO:min"} (a kwtuple made at the first keyword call;
     * before 3.13, PyArg_ParseTupleAndKeywords makes none) */
    static const char *const minmax_kw[] = {"key", "default"};
    if (nkw && rh_runtime_profile(I->rt)->version_hex >= 0x030D && hx_kwtuple_make(I, nm, minmax_kw, 2)) return NULL;
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "key")) keyfunc = kwv[k] == rh_none(I->rt) ? NULL : kwv[k];
        else if (!strcmp(kwn[k], "default") && RH_API(I, "builtins", "min(default)")) dflt = kwv[k];
        else if (rh_runtime_profile(I->rt)->version_hex >= 0x030D) { /* 3.13: the _PyArg_Parser's wording */
            rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", nm, kwn[k]);
            return NULL;
        } else { rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for %s()", kwn[k], nm); return NULL; }
    }
    if (dflt && n > 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "Cannot specify a default for %s() with multiple positional arguments", nm);
        return NULL;
    }
    /* one argument: iterated as min_max does (PyObject_GetIter, PyIter_Next), key and comparison per item */
    rh_object *it = n == 1 ? newref(a[0]) : NULL;
    int64_t cur[HX_LOOP_WORDS];
    if (it && hx_get_iter(I, &it, cur) != 0) { rh_decref(I->rt, it); return NULL; }
    rh_object *best = NULL, *bestval = NULL, *x;
    for (int i = 0;; i++) {
        if (it) {
            int st = hx_for_iter(I, it, cur, &x);
            if (st < 0) goto fail;
            if (st == 0) break;
        } else if (i < n) {
            x = newref(a[i]);
        } else {
            break;
        }
        rh_object *val = keyfunc ? hx_call_borrowed(I, keyfunc, &x, 1) : newref(x);
        int r = val ? (bestval ? hx_compare(I, want_max ? CMP_GT : CMP_LT, val, bestval) : 1) : -1;
        if (r > 0) {
            rh_xdecref(I->rt, bestval);
            rh_xdecref(I->rt, best);
            bestval = val;
            best = x;
            continue;
        }
        rh_xdecref(I->rt, val);
        rh_decref(I->rt, x);
        if (r < 0) goto fail;
    }
    rh_xdecref(I->rt, it);
    rh_xdecref(I->rt, bestval);
    if (!best && dflt) best = newref(dflt);
    if (!best) /* 3.13's min_max: "iterable argument is empty" */
        rh_err_set(I->rt, RH_EXC_VALUE, rh_runtime_profile(I->rt)->version_hex >= 0x030D ? "%s() iterable argument is empty"
                                                                                    : "%s() arg is an empty sequence", nm);
    return best;
fail:
    rh_xdecref(I->rt, it);
    rh_xdecref(I->rt, bestval);
    rh_xdecref(I->rt, best);
    return NULL;
}

FN(bi_min) { UNUSED_ARGS; if (nargs_check(I, "min", n, 1, 64)) return NULL; return minmax(I, a, n, 0, "min", nkw, kwn, kwv); }
FN(bi_max) { UNUSED_ARGS; if (nargs_check(I, "max", n, 1, 64)) return NULL; return minmax(I, a, n, 1, "max", nkw, kwn, kwv); }

/* sum()'s arguments: (iterable, start) in 2.7's PyArg_UnpackTuple, 3.x's Argument Clinic
 * `sum(iterable, /, start=0)` (_PyArg_UnpackKeywords: the count first, then the positional minimum, then
 * the keywords). *start: borrowed or NULL. 0 or -1. */
static int sum_args(hx_interp *I, rh_object **a, int n, int nkw, char **kwn, rh_object **kwv, rh_object **start) {
    *start = n == 2 ? a[1] : NULL;
    if (rh_runtime_profile(I->rt)->python2) return no_kw(I, "sum", nkw, kwn) || nargs_check(I, "sum", n, 1, 2) ? -1 : 0;
    if (n + nkw > 2) return rh_err_set(I->rt, RH_EXC_TYPE, "sum() takes at most 2 arguments (%d given)", n + nkw), -1;
    if (n < 1) return rh_err_set(I->rt, RH_EXC_TYPE, "sum() takes at least 1 positional argument (0 given)"), -1;
    if (nkw && !strcmp(kwn[0], "start")) *start = kwv[0]; /* n + nkw <= 2: n is 1 */
    else if (nkw && rh_runtime_profile(I->rt)->version_hex >= 0x030D)
        return rh_err_set(I->rt, RH_EXC_TYPE, "sum() got an unexpected keyword argument '%s'", kwn[0]), -1;
    else if (nkw) return rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for sum()", kwn[0]), -1;
    return 0;
}

/* builtin_sum_impl's refusal of a text start: str, bytes, bytearray (2.7: basestring, its str and unicode) */
static int sum_text_start(hx_interp *I, rh_object *start) {
    rh_kind k = rh_kind_of(start);
    int py2 = rh_runtime_profile(I->rt)->python2;
    if (k == RH_K_STR || (py2 && k == RH_K_BYTES))
        rh_err_set(I->rt, RH_EXC_TYPE, "sum() can't sum strings [use ''.join(seq) instead]");
    else if (!py2 && k == RH_K_BYTES) rh_err_set(I->rt, RH_EXC_TYPE, "sum() can't sum bytes [use b''.join(seq) instead]");
    else if (!py2 && k == RH_K_BYTEARRAY)
        rh_err_set(I->rt, RH_EXC_TYPE, "sum() can't sum bytearray [use b''.join(seq) instead]");
    else return 0;
    return -1;
}

/* The next item of sum()'s iterator: 1 (*x new), 0 at the end, -1 on error */
typedef struct { rh_object *it; int64_t cur[HX_LOOP_WORDS]; } sum_iter;
static int sum_next(hx_interp *I, sum_iter *s, rh_object **x) { return hx_for_iter(I, s->it, s->cur, x); }

/* result + item by PyNumber_Add, both consumed; the new result or NULL */
static rh_object *sum_add(hx_interp *I, rh_object *result, rh_object *item) {
    rh_object *t = result ? rh_binop(I->rt, RH_BINOP_ADD, result, item) : NULL;
    rh_xdecref(I->rt, result);
    rh_decref(I->rt, item);
    return t;
}

/* builtin_sum_impl's int fast path, entered with an exact int start that fits a C long: the total in a
 * C long while the items are exact ints (3.x: or bools) and it does not overflow; the first other item
 * is added to the total made an object. The result (new) or NULL; *done when the iterator ended. */
static rh_object *sum_ints(hx_interp *I, sum_iter *s, int64_t total, int *done) {
    rh_runtime *rt = I->rt;
    rh_type *int_t = rh_builtin_type(rt, RH_K_INT);
    int bools = !rh_runtime_profile(rt)->python2;
    for (;;) {
        rh_object *x;
        int st = sum_next(I, s, &x);
        if (st <= 0) { *done = 1; return st < 0 ? NULL : rh_int_from_i64(rt, total); }
        int64_t v, t;
        if ((rh_type_of(x) == int_t || (bools && rh_kind_of(x) == RH_K_BOOL))) {
            if (rh_int_as_i64(rt, x, &v) == 0 && !__builtin_add_overflow(total, v, &t)) {
                total = t;
                rh_decref(rt, x);
                continue;
            }
            rh_err_clear(rt);
        }
        return sum_add(I, rh_int_from_i64(rt, total), x); /* "Either overflowed or is not an int" */
    }
}

/* builtin_sum_impl's float fast path, from a float total: exact floats are added in C (3.12+: Neumaier's
 * compensated sum, the compensation added at the end when it is finite), ints that fit a C long as
 * doubles (3.x: any int, a subclass's too; 2.7: exact int and long); the first other item is added to the
 * total made an object. The result (new) or NULL; *done when the iterator ended. */
static rh_object *sum_floats(hx_interp *I, sum_iter *s, double total, int *done) {
    rh_runtime *rt = I->rt;
    int py2 = rh_runtime_profile(rt)->python2, compensated = RH_API(I, "builtins", "sum(compensated)");
    rh_type *float_t = rh_builtin_type(rt, RH_K_FLOAT), *int_t = rh_builtin_type(rt, RH_K_INT);
    double c = 0.0;
    for (;;) {
        rh_object *x;
        int st = sum_next(I, s, &x);
        if (st < 0) { *done = 1; return NULL; }
        if (st > 0 && rh_type_of(x) == float_t) {
            double v = rh_float_value(x), t = total + v;
            if (compensated) c += __builtin_fabs(total) >= __builtin_fabs(v) ? (total - t) + v : (v - t) + total;
            total = t;
            rh_decref(rt, x);
            continue;
        }
        int64_t v;
        if (st > 0 && (py2 ? rh_type_of(x) == int_t : rh_kind_of(x) == RH_K_INT || rh_kind_of(x) == RH_K_BOOL)) {
            if (rh_int_as_i64(rt, x, &v) == 0) {
                total += (double)v;
                rh_decref(rt, x);
                continue;
            }
            rh_err_clear(rt);
        }
        if (c != 0.0 && __builtin_isfinite(c)) total += c; /* the sign of a negative total kept, no inf - inf */
        if (st == 0) { *done = 1; return rh_float_new(rt, total); }
        return sum_add(I, rh_float_new(rt, total), x);
    }
}

/* sum(iterable, start=0) (builtin_sum_impl): the iterable is iterated, never gathered; an exact int start
 * takes the int fast path, a float total (the start, or what the int path's first float made) the float
 * one, and anything else PyNumber_Add per item, never in place (a list start is not extended). */
FN(bi_sum) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    rh_object *start;
    if (sum_args(I, a, n, nkw, kwn, kwv, &start) || (start && sum_text_start(I, start))) return NULL;
    sum_iter s;
    s.it = newref(a[0]);
    if (hx_get_iter(I, &s.it, s.cur) != 0) { rh_decref(rt, s.it); return NULL; }
    rh_object *result = start ? newref(start) : rh_int_from_i64(rt, 0);
    int done = 0;
    int64_t iv;
    if (result && rh_type_of(result) == rh_builtin_type(rt, RH_K_INT)) {
        if (rh_int_as_i64(rt, result, &iv) == 0) { /* "If this already overflowed, don't even enter the loop" */
            rh_decref(rt, result);
            result = sum_ints(I, &s, iv, &done);
        } else {
            rh_err_clear(rt);
        }
    }
    if (result && !done && rh_type_of(result) == rh_builtin_type(rt, RH_K_FLOAT)) {
        double fv = rh_float_value(result);
        rh_decref(rt, result);
        result = sum_floats(I, &s, fv, &done);
    }
    while (result && !done) {
        rh_object *x;
        int st = sum_next(I, &s, &x);
        if (st < 0) rh_setref(rt, &result, NULL);
        else if (st == 0) done = 1;
        else result = sum_add(I, result, x);
    }
    rh_decref(rt, s.it);
    return result;
}

/* exit() and quit() (Lib/_sitebuiltins.py Quitter.__call__, which site.py binds): SystemExit(code), code
 * None by default. refheap binds plain functions: Quitter's repr ("Use exit() or Ctrl-D (i.e. EOF) to
 * exit") and its closing of sys.stdin are not modelled (docs/conformance.md). */
static rh_object *quitter(hx_interp *I, const char *name, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *code = n ? a[0] : NULL;
    const char *fn = rh_runtime_profile(rt)->python2 ? "__call__" : "Quitter.__call__"; /* 3.10+: the qualname */
    if (n + nkw > 1 || (nkw && strcmp(kwn[0], "code"))) {
        if (nkw && strcmp(kwn[nkw - 1], "code"))
            rh_err_set(rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", fn, kwn[nkw - 1]);
        else if (n > 1 && rh_runtime_profile(rt)->python2)
            rh_err_set(rt, RH_EXC_TYPE, "%s() takes at most 2 arguments (%d given)", fn, n + 1);
        else if (n > 1)
            rh_err_set(rt, RH_EXC_TYPE, "%s() takes from 1 to 2 positional arguments but %d were given", fn, n + 1);
        else rh_err_set(rt, RH_EXC_TYPE, "%s() got multiple values for %s 'code'", fn,
                        rh_runtime_profile(rt)->python2 ? "keyword argument" : "argument");
        (void)name;
        return NULL;
    }
    if (nkw) code = kwv[0];
    rh_object *arg = code ? code : rh_none(rt);
    rh_object *e = rh_exc_new(rt, (rh_object *)rh_exc_type(rt, RH_EXC_SYSTEMEXIT), &arg, 1);
    if (e) rh_err_set_object(rt, e);
    return NULL;
}
FN(bi_exit) { (void)self; return quitter(I, "exit", a, n, kwn, kwv, nkw); }
FN(bi_quit) { (void)self; return quitter(I, "quit", a, n, kwn, kwv, nkw); }

FN(bi_abs) {
    UNUSED_ARGS;
    if (no_kw(I, "abs", nkw, kwn) || nargs_check(I, "abs", n, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) == RH_K_FLOAT) return rh_float_new(I->rt, __builtin_fabs(rh_float_value(a[0])));
    rh_unaryfunc f = rh_type_of(a[0])->as_number.nb_absolute; /* PyNumber_Absolute: long_abs, __abs__ */
    if (!f) { rh_err_set(I->rt, RH_EXC_TYPE, "bad operand type for abs(): '%s'", hx_tname(a[0])); return NULL; }
    return f(I->rt, a[0]);
}


FN(bi_hash) {
    UNUSED_ARGS;
    if (no_kw(I, "hash", nkw, kwn) || nargs_check(I, "hash", n, 1, 1)) return NULL;
    int64_t h;
    return rh_hash(I->rt, a[0], &h) ? NULL : rh_int_from_i64(I->rt, h);
}

/* builtin_divmod: PyNumber_Divmod, binary_op over nb_divmod (long_divmod, float_divmod, a class's
 * __divmod__ / __rdivmod__) */
FN(bi_divmod) {
    UNUSED_ARGS;
    if (no_kw(I, "divmod", nkw, kwn) || nargs_check(I, "divmod", n, 2, 2)) return NULL;
    return rh_binop(I->rt, RH_BINOP_DIVMOD, a[0], a[1]);
}

/* pow(base, exp[, mod]): the three-argument form for ints only (long_pow's modulus) */
FN(bi_pow) {
    UNUSED_ARGS;
    if (no_kw(I, "pow", nkw, kwn) || nargs_check(I, "pow", n, 2, 3)) return NULL;
    if (n == 2 || a[2] == rh_none(I->rt)) return rh_binop(I->rt, RH_BINOP_POW, a[0], a[1]);
    rh_object *cx = rh_kind_of(a[0]) == RH_K_COMPLEX ? a[0] : rh_kind_of(a[1]) == RH_K_COMPLEX ? a[1] : NULL;
    if (cx) { /* ternary_op reaches complex_pow: ValueError "complex modulo" (or NotImplemented) */
        rh_object *r = rh_type_of(cx)->as_number.nb_power(I->rt, a[0], a[1], a[2]);
        if (r != rh_notimplemented(I->rt)) return r;
        rh_decref(I->rt, r);
    }
    if (!hx_is_intlike(a[0]) || !hx_is_intlike(a[1]) || !hx_is_intlike(a[2])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    return rh_type_of(a[0])->as_number.nb_power(I->rt, a[0], a[1], a[2]);
}

FN(bi_id) {
    UNUSED_ARGS;
    if (no_kw(I, "id", nkw, kwn) || nargs_check(I, "id", n, 1, 1)) return NULL;
    return rh_int_from_i64(I->rt, (int64_t)rh_id(a[0]));
}

/* type(name, bases, dict, **kw): type_new (typeobj.c hx_type_new) with `type` as the metatype, which the
 * bases' metaclasses may override (_PyType_CalculateMetaclass). New reference or NULL. */
static rh_object *type_new3(hx_interp *I, rh_object **a, char **kwn, rh_object **kwv, int nkw) {
    return hx_type_new(I, (rh_object *)rh_builtin_type(I->rt, RH_K_TYPE), a, 3, kwn, kwv, nkw);
}

FN(bi_type) {
    UNUSED_ARGS;
    if (n == 3 && !rh_runtime_profile(I->rt)->python2) return type_new3(I, a, kwn, kwv, nkw);
    if (n != 1 && !rh_runtime_profile(I->rt)->python2) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type() takes 1 or 3 arguments");
        return NULL;
    }
    if (no_kw(I, "type", nkw, kwn) || nargs_check(I, "type", n, 1, 1)) return NULL;
    rh_object *classic = rh_classic_type_of(I->rt, a[0]); /* 2.7: `instance` / `classobj` */
    return newref(classic ? classic : (rh_object *)rh_type_of(a[0]));
}

FN(bi_callable) {
    UNUSED_ARGS;
    if (no_kw(I, "callable", nkw, kwn) || nargs_check(I, "callable", n, 1, 1)) return NULL;
    /* PyCallable_Check: a tp_call slot (functions, methods, built-ins, types, a class's __call__) */
    return rh_bool(I->rt, rh_kind_of(a[0]) == RH_K_WEAKREF || rh_type_of(a[0])->tp_call != NULL);
}

/* object(): a plain 16-byte object, untracked (object_new) */
FN(bi_object) {
    UNUSED_ARGS;
    if (n || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "object() takes no arguments");
        return NULL;
    }
    return rh_instance_new(I->rt, (rh_object *)rh_builtin_type(I->rt, RH_K_OBJECT));
}

/* locals() (builtin_locals, PyEval_GetLocals): a class body's namespace, a module's globals, a function's
 * bound locals as a new dict at each call (3.13's PEP 667 snapshot; up to 3.12 CPython refreshes one dict
 * per frame and returns it again: docs/conformance.md) */
FN(bi_locals) {
    UNUSED_ARGS;
    if (nargs_check(I, "locals", n, 0, 0)) return NULL;
    hx_frame *f = I->frame;
    if (f && f->ns) return newref(f->ns);
    if (f && f->func) return hx_locals_dict(I, f->code, f->fast, NULL);
    rh_object *g = f ? f->globals : I->globals;
    return newref(g ? g : rh_none(I->rt));
}

FN(bi_globals) {
    UNUSED_ARGS;
    if (nargs_check(I, "globals", n, 0, 0)) return NULL;
    rh_object *g = I->frame ? I->frame->globals : I->globals;
    return newref(g ? g : rh_none(I->rt));
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) (builtin___import__, Python/bltinmodule.c
 * 3.11, "O|OOOi:__import__"; PyImport_ImportModuleLevelObject, Python/import.c): the module named, resolved
 * against globals' package when level > 0; with an empty fromlist the top-level package of a dotted name,
 * else the module itself with the fromlist's missing submodules imported (_handle_fromlist). locals is
 * unused, as in CPython. */
static int import_fromlist_cstr(hx_interp *I, rh_object *fl, char **out, const char **bad) {
    rh_runtime *rt = I->rt;
    *out = NULL;
    int truth = rh_truthy(rt, fl);
    if (truth <= 0) return truth;
    rh_object *it = rh_getiter(rt, fl), *item;
    if (!it) return -1;
    size_t len = 0;
    char *buf = NULL;
    while ((item = rh_iternext(rt, it)) != NULL) {
        if (rh_kind_of(item) != RH_K_STR) { /* the caller raises it for a package (_handle_fromlist) */
            if (!*bad) *bad = rh_type_name(item);
            rh_decref(rt, item);
            continue;
        }
        size_t k = 0;
        const char *u = rh_str_utf8(rt, item, &k);
        char *nb = u ? realloc(buf, len + k + 2) : NULL;
        if (!nb) abort();
        buf = nb;
        if (len) buf[len++] = ',';
        memcpy(buf + len, u, k);
        len += k;
        buf[len] = 0;
        rh_decref(rt, item);
    }
    rh_decref(rt, it);
    if (rh_err_occurred(rt)) {
        free(buf);
        return -1;
    }
    if (!buf && !(buf = calloc(1, 1))) abort();
    *out = buf;
    return 0;
}

FN(bi_import) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    rh_object *v[5];
    if (hx_parse_kw(I, "__import__", names, 5, 5, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    if (rh_kind_of(v[0]) != RH_K_STR) {
        if (RH_API(I, "builtins", "__import__(U)")) /* PyArg_ParseTupleAndKeywords' "U" converter */
            rh_err_set(rt, RH_EXC_TYPE, "__import__() argument 1 must be str, not %s", hx_tname(v[0]));
        else
            rh_err_set(rt, RH_EXC_TYPE, "module name must be a string"); /* PyImport_ImportModuleLevelObject */
        return NULL;
    }
    int64_t level = 0;
    if (v[4] && (rh_kind_of(v[4]) != RH_K_INT && rh_kind_of(v[4]) != RH_K_BOOL)) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(v[4]));
        return NULL;
    }
    if (v[4] && rh_int_as_i64(rt, v[4], &level) != 0) return NULL;
    if (level < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "level must be >= 0");
        return NULL;
    }
    rh_object *globals = v[1] && rh_kind_of(v[1]) != RH_K_NONE ? v[1] : NULL;
    if (level > 0 && globals && rh_kind_of(globals) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "globals must be a dict");
        return NULL;
    }
    char *fromlist = NULL;
    const char *bad = NULL;
    if (v[3] && import_fromlist_cstr(I, v[3], &fromlist, &bad) < 0) return NULL;
    rh_object *m = hx_import_name(I, globals, hx_cstr(I, v[0]), (int)level, fromlist);
    free(fromlist);
    if (m && bad && rh_kind_of(m) == RH_K_MODULE && rh_dict_get_cstr(rt, rh_module_dict(m), "__path__")) {
        rh_err_set(rt, RH_EXC_TYPE, "Item in ``from list'' must be str, not %s", bad);
        rh_decref(rt, m);
        return NULL;
    }
    return m;
}

/* eval(source, globals=None, locals=None, /) (Python/bltinmodule.c builtin_eval_impl, 3.11 clinic): a str
 * source evaluated in globals (the caller's when None); locals must be absent, None or globals itself (a
 * separate locals mapping is refheap.Unsupported: no frame with its own locals dict); bytes and code
 * objects are refheap.Unsupported. The evaluation is import.c's hx_eval_source. */
FN(bi_eval) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "eval() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 3) {
        rh_err_set(rt, RH_EXC_TYPE, n < 1 ? "eval expected at least 1 argument, got %d" : "eval expected at most 3 arguments, got %d", n);
        return NULL;
    }
    rh_object *none = rh_none(rt), *g = n > 1 ? a[1] : none, *l = n > 2 ? a[2] : none;
    if (g != none && rh_kind_of(g) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, l != none ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
        return NULL;
    }
    if (g == none) g = I->frame ? I->frame->globals : I->globals;
    if (l != none && l != g) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "eval() with a locals mapping other than its globals"); return NULL; }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        if (rh_kind_of(a[0]) == RH_K_BYTES || rh_kind_of(a[0]) == RH_K_CODE)
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "eval() of a %s object", hx_tname(a[0]));
        else rh_err_set(rt, RH_EXC_TYPE, "eval() arg 1 must be a string, bytes or code object");
        return NULL;
    }
    size_t len = 0;
    const char *text = rh_str_utf8(rt, a[0], &len);
    if (!text) return NULL;
    return hx_eval_source(I, text, len, g);
}

/* exec(source, globals=None, locals=None, /, *, closure=None) (Python/bltinmodule.c builtin_exec_impl, 3.11):
 * globals a dict (the caller's when None, and then locals the caller's too), locals any mapping refheap can
 * store into (a dict; None: globals); globals gains __builtins__ when it has none (the builtins' dict). A str
 * source runs as a module unit (hx_exec_source); bytes and code objects are refheap.Unsupported, as exec()
 * without arguments inside a function (a snapshot of its locals) is. */
FN(bi_exec) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "exec() with keyword arguments"); return NULL; }
    if (n < 1 || n > 3) {
        rh_err_set(rt, RH_EXC_TYPE, n < 1 ? "exec expected at least 1 argument, got %d" : "exec expected at most 3 arguments, got %d", n);
        return NULL;
    }
    rh_object *none = rh_none(rt), *g = n > 1 ? a[1] : none, *l = n > 2 ? a[2] : none;
    if (g == none) {
        if (I->frame && I->frame->func) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "exec() in a function without a globals dict"); return NULL; }
        g = I->frame ? I->frame->globals : I->globals;
        if (l == none && I->frame && I->frame->ns) l = I->frame->ns; /* a class body's namespace */
    } else if (rh_kind_of(g) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "exec() globals must be a dict, not %s", hx_tname(g));
        return NULL;
    }
    if (l == none) l = g;
    if (rh_kind_of(l) != RH_K_DICT) {
        if (!rh_type_of(l)->as_mapping.mp_subscript) /* PyMapping_Check */
            rh_err_set(rt, RH_EXC_TYPE, "locals must be a mapping or None, not %s", hx_tname(l));
        else rh_err_set(rt, RH_EXC_UNSUPPORTED, "exec() with a locals mapping that is not a dict");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        if (rh_kind_of(a[0]) == RH_K_BYTES || rh_kind_of(a[0]) == RH_K_CODE)
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "exec() of a %s object", hx_tname(a[0]));
        else rh_err_set(rt, RH_EXC_TYPE, "exec() arg 1 must be a string, bytes or code object");
        return NULL;
    }
    rh_object *bkey = hx_name(I, "__builtins__");
    if (!bkey) return NULL;
    if (!rh_dict_get(rt, g, bkey)) {
        if (rh_err_occurred(rt) || rh_dict_set(rt, g, bkey, I->builtins)) return NULL;
    }
    size_t len = 0;
    const char *text = rh_str_utf8(rt, a[0], &len);
    if (!text || hx_exec_source(I, text, len, g, l)) return NULL;
    return newref(none);
}

/* vars([object]) (builtin_vars, Python/bltinmodule.c 3.11; METH_VARARGS): without an argument locals()
 * (PyEval_GetLocals); with one, object.__dict__, whose absence is
 * "vars() argument must have __dict__ attribute" (other errors of the lookup pass through). */
FN(bi_vars) {
    UNUSED_ARGS;
    if (no_kw(I, "vars", nkw, kwn) || nargs_check(I, "vars", n, 0, 1)) return NULL;
    if (n == 0) {
        return bi_locals(I, self, a, 0, NULL, NULL, 0);
    }
    rh_object *d = hx_getattr_obj(I, a[0], I->s_dict);
    if (!d && rh_err_occurred(I->rt) == RH_EXC_ATTRIBUTE) {
        rh_err_clear(I->rt);
        rh_err_set(I->rt, RH_EXC_TYPE, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* The classes a union stands for in isinstance/issubclass: from 3.11 its args tuple (Objects/abstract.c
 * object_recursive_isinstance, object_issubclass: _Py_union_args); 3.10 asks the union's __instancecheck__ */
static rh_object *union_as_tuple(hx_interp *I, rh_object *cls) {
    return rh_union_check(cls) && !RH_API(I, "types.UnionType", "__instancecheck__") ? rh_union_args(cls) : cls;
}

/* isinstance against a class, a built-in type object, or one of the conversion built-ins (int, str...):
 * Objects/abstract.c object_recursive_isinstance. 1/0, -1 with the error set. */
static int instance_of(hx_interp *I, rh_object *o, rh_object *cls) {
    rh_type *t = rh_type_of(o);
    if ((rh_object *)t == cls) return 1; /* object_recursive_isinstance's exact match, before any hook */
    int r;
    if (rh_kind_of(cls) == RH_K_TYPE) { /* the metaclass's __instancecheck__ */
        if ((r = hx_meta_check(I, cls, "__instancecheck__", o)) != 2) return r;
        for (rh_type *b = t; b; b = b->base)
            if ((rh_object *)b == cls) return 1;
        if (t->mro)
            for (size_t i = 0; i < rh_tuple_len(t->mro); i++)
                if (rh_tuple_get(t->mro, i) == cls) return 1;
        return ((rh_type *)cls)->kind == RH_K_OBJECT;
    }
    cls = union_as_tuple(I, cls);
    if (rh_kind_of(cls) == RH_K_TUPLE) {
        for (size_t i = 0; i < rh_tuple_len(cls); i++)
            if ((r = instance_of(I, o, rh_tuple_get(cls, i)))) return r;
        return 0;
    }
    if (rh_kind_of(cls) == RH_K_BUILTIN) {
        const char *nm = rh_builtin_get_def(cls)->name;
        static const struct { const char *n; rh_kind k; } m[] = {
            {"int", RH_K_INT}, {"float", RH_K_FLOAT}, {"str", RH_K_STR}, {"list", RH_K_LIST}, {"tuple", RH_K_TUPLE},
            {"dict", RH_K_DICT}, {"bool", RH_K_BOOL}, {"range", RH_K_RANGE}, {NULL, RH_K_NONE}};
        for (int i = 0; m[i].n; i++)
            if (!strcmp(nm, m[i].n)) return t->kind == m[i].k || (m[i].k == RH_K_INT && t->kind == RH_K_BOOL);
    } else if ((r = hx_meta_check(I, cls, "__instancecheck__", o)) != 2) { /* type(cls).__instancecheck__ */
        return r;
    }
    rh_err_set(I->rt, RH_EXC_TYPE, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int hx_isinstance(hx_interp *I, rh_object *o, rh_object *cls) { return instance_of(I, o, cls); }

FN(bi_isinstance) {
    UNUSED_ARGS;
    if (no_kw(I, "isinstance", nkw, kwn) || nargs_check(I, "isinstance", n, 2, 2)) return NULL;
    int r = instance_of(I, a[0], a[1]);
    return r < 0 ? NULL : rh_bool(I->rt, r);
}

static const char *const object_attrs[] = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
    "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
    "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", NULL};

static int add_keys(hx_interp *I, rh_object *set, rh_object *d) {
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(d, &pos, &k, &v))
        if (rh_dict_set(I->rt, set, k, rh_none(I->rt))) return -1;
    return 0;
}

/* The names object.__dir__ (object___dir___impl: the instance's __dict__ merged with merge_class_dict
 * over its class), type.__dir__ (type___dir___impl: merge_class_dict over the class) or a module's
 * (module_dir: its dict's keys) give for o, in a new unsorted list, or NULL. */
static rh_object *static_tp_dict(hx_interp *I, rh_type *t);
static int is_static_type(hx_interp *I, rh_type *t);

rh_object *hx_generic_dir(hx_interp *I, rh_object *o) {
    rh_runtime *rt = I->rt;
    rh_object *set = rh_dict_new(rt);
    if (!set) return NULL;
    int rc = 0;
    rh_type *t = rh_kind_of(o) == RH_K_TYPE ? (rh_type *)o : rh_type_of(o);
    if (rh_kind_of(o) == RH_K_INSTANCE) {
        rh_object *d = rh_instance_dict(rt, o);
        if (d) {
            rc = add_keys(I, set, d);
            rh_decref(rt, d);
        } else if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
            rh_err_clear(rt); /* __slots__ without __dict__: only the class's names (object.__dir__) */
        } else {
            rc = -1;
        }
    }
    if (rh_kind_of(o) == RH_K_MODULE) rc = add_keys(I, set, rh_module_dict(o));
    else {
        if (t->flags & RH_TPFLAG_CLASSIC) rc = add_keys(I, set, t->dict); /* not in its own mro */
        if (!t->mro && t != rh_builtin_type(rt, RH_K_OBJECT) && is_static_type(I, t)) {
            /* a built-in type's tp_dict (its method descriptors, made as hx_static_type_dict does) */
            rh_object *proxy = hx_static_type_dict(I, t), *d = proxy ? static_tp_dict(I, t) : NULL;
            rc = d ? add_keys(I, set, d) : -1;
            rh_xdecref(rt, proxy);
        }
        if (t->mro)
            for (size_t i = 0; rc == 0 && i < rh_tuple_len(t->mro); i++) {
                rh_type *c = (rh_type *)rh_tuple_get(t->mro, i);
                if (c->dict) rc = add_keys(I, set, c->dict);
                else if (c != rh_builtin_type(rt, RH_K_OBJECT) && is_static_type(I, c)) { /* as above */
                    rh_object *proxy = hx_static_type_dict(I, c), *d = proxy ? static_tp_dict(I, c) : NULL;
                    rc = d ? add_keys(I, set, d) : -1;
                    rh_xdecref(rt, proxy);
                }
            }
        /* a class's own dict holds __module__, __dict__, __weakref__ exactly when CPython's does */
        for (int i = 0; rc == 0 && !(t->flags & RH_TPFLAG_CLASSIC) && object_attrs[i]; i++)
            if (RH_API_DYN(I, "object", object_attrs[i])) rc = rh_dict_set_cstr(rt, set, object_attrs[i], rh_none(rt));
    }
    rh_object *l = rc == 0 ? rh_dict_keys_list(rt, set) : NULL;
    rh_decref(rt, set);
    return l;
}

/* _PyObject_LookupSpecial(o, "__dir__") where a class defines it: type(o)'s MRO when type(o) is a class
 * (an instance's class, or a class's metaclass). The result of calling it, a new reference; NULL without
 * an error when no class defines __dir__ (the built-in type's own: hx_generic_dir). */
static rh_object *user_dir(hx_interp *I, rh_object *o) {
    rh_object *t = (rh_object *)rh_type_of(o);
    if (!hx_is_heap_class(t) || (((rh_type *)t)->flags & RH_TPFLAG_CLASSIC)) return NULL;
    rh_object *name = hx_name(I, "__dir__");
    rh_object *f = name ? rh_class_lookup(I->rt, t, name) : NULL;
    if (!f) return NULL;
    if (rh_kind_of(f) == RH_K_FUNCTION) return hx_call_borrowed(I, f, &o, 1);
    rh_object *bound = hx_getattr_obj(I, o, name);
    return bound ? hx_call(I, bound, NULL, 0, NULL, NULL, 0) : NULL;
}

/* builtin_dir: the sorted names of the current scope, or PyObject_Dir(o): sorted(list(type(o).__dir__(o))) */
FN(bi_dir) {
    UNUSED_ARGS;
    if (no_kw(I, "dir", nkw, kwn) || nargs_check(I, "dir", n, 0, 1)) return NULL;
    rh_runtime *rt = I->rt;
    rh_object *l = NULL;
    if (n == 0) {
        rh_object *g = I->frame ? I->frame->globals : I->globals;
        l = g ? rh_dict_keys_list(rt, g) : rh_list_new(rt, 0);
    } else {
        rh_object *r = user_dir(I, a[0]);
        if (r) {
            l = rh_list_from_iterable(rt, r, 1); /* PySequence_List */
            rh_decref(rt, r);
        } else if (!rh_err_occurred(rt)) {
            l = hx_generic_dir(I, a[0]);
        }
    }
    if (l && sort_list(I, l, 0, NULL)) { rh_decref(rt, l); l = NULL; }
    return l;
}

/* ---------------------------------------------------------------- open(): /proc/self only */

static const rh_builtin_def m_file_read, m_file_close;

/* builtin open is _io.open (Modules/_io/_iomodule.c _io_open_impl): mod_textio.c */
FN(bi_open) {
    UNUSED_ARGS;
    (void)self;
    return hx_io_open(I, a, n, kwn, kwv, nkw);
}

FN(file_read) {
    UNUSED_ARGS;
    (void)a; (void)n; (void)nkw;
    rh_object *v = rh_box_value(self);
    if (!v) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return NULL; }
    rh_object *r = newref(v);
    rh_object *empty = rh_empty_str(I->rt);
    rh_box_set(I->rt, self, empty);
    return r;
}

FN(file_close) {
    UNUSED_ARGS;
    (void)a; (void)n; (void)nkw;
    rh_box_set(I->rt, self, NULL);
    return newref(rh_none(I->rt));
}

/* IOBase.__enter__ (the file itself, after the closed check) and __exit__ (close) */
FN(file_enter) {
    UNUSED_ARGS;
    (void)a; (void)n; (void)nkw;
    if (!rh_box_value(self)) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return NULL; }
    return newref(self);
}

/* sys.stdout.write(s) / sys.stderr.write(s) (_io_TextIOWrapper_write_impl): a str only, its length back;
 * stderr's text goes out at once (after stdout's), as print(file=sys.stderr) does. What logging's
 * StreamHandler.emit and handleError call. */
FN(stream_write) {
    UNUSED_ARGS;
    FILE *out = hx_std_stream_file(self);
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "write() takes no keyword arguments"); return NULL; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "write() takes exactly one argument (%d given)", n); return NULL; }
    if (!out) { rh_err_set(I->rt, RH_EXC_VALUE, "not writable"); return NULL; }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "write() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    if (out == stderr) fflush(stdout);
    if (write_obj(I, a[0], out)) return NULL;
    if (out == stderr) fflush(stderr);
    return rh_int_from_i64(I->rt, rh_str_len(a[0]));
}

/* TextIOWrapper.flush */
FN(stream_flush) {
    UNUSED_ARGS;
    (void)a; (void)nkw;
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "flush() takes no arguments (%d given)", n); return NULL; }
    FILE *out = hx_std_stream_file(self);
    if (out) fflush(out);
    return newref(rh_none(I->rt));
}

static const rh_builtin_def m_file_read = {"read", (void (*)(void))file_read, 0};
static const rh_builtin_def m_file_write = {"write", (void (*)(void))stream_write, 0};
static const rh_builtin_def m_file_flush = {"flush", (void (*)(void))stream_flush, 0};
static const rh_builtin_def m_file_enter = {"__enter__", (void (*)(void))file_enter, 0};
static const rh_builtin_def m_file_exit = {"__exit__", (void (*)(void))file_close, 0};
static const rh_builtin_def m_file_close = {"close", (void (*)(void))file_close, 0};

/* ---------------------------------------------------------------- list methods */

FN(l_append) {
    UNUSED_ARGS;
    if (nargs_check(I, "list.append", n, 1, 1)) return NULL;
    return rh_list_append(I->rt, self, a[0]) ? NULL : newref(rh_none(I->rt));
}
FN(l_insert) {
    UNUSED_ARGS;
    int64_t i;
    if (nargs_check(I, "insert", n, 2, 2) || rh_index_value(I->rt, a[0], &i)) return NULL;
    return rh_list_insert(I->rt, self, i, a[1]) ? NULL : newref(rh_none(I->rt));
}
FN(l_extend) {
    UNUSED_ARGS;
    if (nargs_check(I, "list.extend", n, 1, 1)) return NULL;
    return rh_list_extend(I->rt, self, a[0]) ? NULL : newref(rh_none(I->rt));
}
FN(l_pop) {
    UNUSED_ARGS;
    if (nargs_check(I, "pop", n, 0, 1)) return NULL;
    int64_t i = -1;
    if (n == 1 && rh_index_value(I->rt, a[0], &i)) return NULL;
    int64_t len = (int64_t)rh_list_len(self);
    if (len == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "pop from empty list"); return NULL; }
    if (i < 0) i += len;
    if (i < 0 || i >= len) { rh_err_set(I->rt, RH_EXC_INDEX, "pop index out of range"); return NULL; }
    return rh_list_pop(I->rt, self, i);
}
/* Index of the first item of list self that compares equal to v (the list may change under __eq__):
   >= 0 if found, -1 if none is, -2 with the error set if a comparison failed. */
static int64_t list_find(hx_interp *I, rh_object *self, rh_object *v) {
    for (size_t i = 0; i < rh_list_len(self); i++) {
        rh_object *x = newref(rh_list_get(self, i));
        int r = hx_compare(I, CMP_EQ, x, v);
        rh_decref(I->rt, x);
        if (r < 0) return -2;
        if (r) return (int64_t)i;
    }
    return -1;
}
FN(l_remove) {
    UNUSED_ARGS;
    if (nargs_check(I, "list.remove", n, 1, 1)) return NULL;
    int64_t i = list_find(I, self, a[0]);
    if (i < -1) return NULL;
    if (i >= 0) return rh_list_delitem(I->rt, self, i) ? NULL : newref(rh_none(I->rt));
    rh_err_set(I->rt, RH_EXC_VALUE, "list.remove(x): x not in list");
    return NULL;
}
FN(l_clear) { UNUSED_ARGS; (void)a; (void)n; return rh_list_clear(I->rt, self) ? NULL : newref(rh_none(I->rt)); }
FN(l_reverse) { UNUSED_ARGS; (void)a; (void)n; return rh_list_reverse(I->rt, self) ? NULL : newref(rh_none(I->rt)); }
FN(l_sort) {
    UNUSED_ARGS;
    int rev;
    rh_object *key;
    if (nargs_check(I, "sort", n, 0, 0) || sort_kw(I, nkw, kwn, kwv, &rev, &key)) return NULL;
    (void)a;
    return sort_list(I, self, rev, key) ? NULL : newref(rh_none(I->rt));
}
/* _PyEval_SliceIndexNotNone: an index-able argument as a Py_ssize_t, clamped to the C range when it does
 * not fit (sign from comparing with 0). 0 or -1 with TypeError set. */
static int slice_index_arg(hx_interp *I, rh_object *o, int64_t *v) {
    if (!o->type->as_number.nb_index) {
        rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (rh_index_value(I->rt, o, v) == 0) return 0;
    if (rh_err_occurred(I->rt) != RH_EXC_OVERFLOW) return -1;
    rh_err_clear(I->rt);
    rh_object *zero = rh_int_from_i64(I->rt, 0);
    int neg = zero ? rh_richcompare(I->rt, RH_CMP_LT, o, zero) : -1;
    rh_xdecref(I->rt, zero);
    if (neg < 0) return -1;
    *v = neg ? INT64_MIN : INT64_MAX;
    return 0;
}

/* list.index / tuple.index (list_index_impl, tuple_index_impl 3.11): value, start=0, stop=sys.maxsize, all
 * positional; negative bounds count from the end (clamped at 0); the sequence may change under __eq__. */
static rh_object *seq_index(hx_interp *I, rh_object *self, rh_object **a, int n, int nkw, char **kwn) {
    int is_list = rh_kind_of(self) == RH_K_LIST;
    if (no_kw(I, is_list ? "list.index" : "tuple.index", nkw, kwn) || nargs_check(I, "index", n, 1, 3)) return NULL;
    int64_t b[2] = {0, INT64_MAX};
    for (int k = 1; k < n; k++)
        if (slice_index_arg(I, a[k], &b[k - 1])) return NULL;
    for (int k = 0; k < 2; k++)
        if (b[k] < 0 && (b[k] += (int64_t)seqlen(self)) < 0) b[k] = 0;
    for (int64_t i = b[0]; i < b[1] && i < (int64_t)seqlen(self); i++) {
        rh_object *x = newref(seqget(self, (size_t)i));
        int r = hx_compare(I, CMP_EQ, x, a[0]);
        rh_decref(I->rt, x);
        if (r < 0) return NULL;
        if (r) return rh_int_from_i64(I->rt, i);
    }
    if (!is_list) {
        rh_err_set(I->rt, RH_EXC_VALUE, "tuple.index(x): x not in tuple");
        return NULL;
    }
    rh_object *rep = hx_obj_repr(I, a[0]); /* PyErr_Format's %R: its failure is the error */
    if (rep) rh_err_set(I->rt, RH_EXC_VALUE, "%s is not in list", rh_str_utf8(I->rt, rep, NULL));
    rh_xdecref(I->rt, rep);
    return NULL;
}
FN(l_index) {
    (void)self; (void)kwv;
    return seq_index(I, self, a, n, nkw, kwn);
}
FN(l_count) {
    UNUSED_ARGS;
    if (nargs_check(I, "count", n, 1, 1)) return NULL;
    int64_t c = 0;
    size_t len = rh_kind_of(self) == RH_K_LIST ? rh_list_len(self) : rh_tuple_len(self);
    for (size_t i = 0; i < len; i++) {
        rh_object *x = newref(rh_kind_of(self) == RH_K_LIST ? rh_list_get(self, i) : rh_tuple_get(self, i));
        int r = hx_compare(I, CMP_EQ, x, a[0]);
        rh_decref(I->rt, x);
        if (r < 0) return NULL;
        c += r;
    }
    return rh_int_from_i64(I->rt, c);
}
FN(l_copy) { UNUSED_ARGS; (void)a; (void)n; return rh_list_slice(I->rt, self, 0, (int64_t)rh_list_len(self), 1); }

/* ---------------------------------------------------------------- int methods */

/* int.bit_length() / int.bit_count() (METH_NOARGS: "int.bit_length() takes no arguments (1 given)") */
static rh_object *int_bits(hx_interp *I, rh_object *self, int n, int nkw, const char *fname, int64_t (*f)(const rh_object *)) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fname); return NULL; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fname, n); return NULL; }
    return rh_int_from_i64(I->rt, f(self));
}
FN(i_bit_length) { UNUSED_ARGS; (void)a; return int_bits(I, self, n, nkw, "int.bit_length", rh_int_bit_length); }
FN(i_bit_count) { UNUSED_ARGS; (void)a; return int_bits(I, self, n, nkw, "int.bit_count", rh_int_bit_count); }

/* int.from_bytes / int.to_bytes (int_from_bytes_impl, int_to_bytes_impl, Objects/longobject.c 3.11; the
 * conversions are the library's rh_int_from_bytes / rh_int_to_bytes). byteorder: 'big' by default (3.11;
 * before 3.11 length and byteorder are required, Argument Clinic's "missing required argument" errors), a str equal to 'little' or 'big' (ValueError otherwise); signed is keyword-only, any truth value. */
static int byteorder_arg(hx_interp *I, const char *fn, rh_object *o, int *little) {
    if (!o) { *little = 0; return 0; }
    if (rh_kind_of(o) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument 'byteorder' must be str, not %s", fn, hx_tname(o));
        return -1;
    }
    if (rh_str_eq_cstr(o, "little")) *little = 1;
    else if (rh_str_eq_cstr(o, "big")) *little = 0;
    else {
        rh_err_set(I->rt, RH_EXC_VALUE, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

/* classmethod: self is int or the subclass it was looked up on, which is then called with the int */
FN(i_from_bytes) {
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    rh_object *v[3];
    int little, sgn = 0;
    int nreq = RH_API(I, "int", "to_bytes(defaults)") ? 1 : 2;
    if (hx_parse_kw(I, "from_bytes", names, 3, 2, nreq, a, n, kwn, kwv, nkw, v)) return NULL;
    if (v[2] && (sgn = rh_truthy(I->rt, v[2])) < 0) return NULL;
    if (byteorder_arg(I, "from_bytes", v[1], &little)) return NULL;
    rh_object *b = hx_object_bytes(I, v[0]);
    if (!b) return NULL;
    rh_object *r = rh_int_from_bytes(I->rt, (const unsigned char *)rh_bytes_data(b), rh_bytes_len(b), little, sgn);
    rh_decref(I->rt, b);
    if (r && (rh_type *)self != rh_builtin_type(I->rt, RH_K_INT)) {
        rh_object *sub = hx_call_borrowed(I, self, &r, 1);
        rh_decref(I->rt, r);
        r = sub;
    }
    return r;
}

FN(i_to_bytes) {
    static const char *const names[] = {"length", "byteorder", "signed"};
    rh_object *v[3];
    int little, sgn = 0;
    int64_t len = 1;
    int nreq = RH_API(I, "int", "to_bytes(defaults)") ? 0 : 2;
    if (hx_parse_kw(I, "to_bytes", names, 3, 2, nreq, a, n, kwn, kwv, nkw, v)) return NULL;
    if (v[0] && rh_index_value(I->rt, v[0], &len)) { /* clinic's Py_ssize_t converter: PyLong_AsSsize_t */
        if (rh_err_occurred(I->rt) == RH_EXC_OVERFLOW) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
        }
        return NULL;
    }
    if (v[2] && (sgn = rh_truthy(I->rt, v[2])) < 0) return NULL;
    if (byteorder_arg(I, "to_bytes", v[1], &little)) return NULL;
    if (len < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "length argument must be non-negative"); return NULL; }
    rh_object *r = rh_bytes_new(I->rt, (size_t)len); /* length 0: the empty bytes, nothing to write */
    if (r && rh_int_to_bytes(I->rt, self, len ? (unsigned char *)rh_bytes_wdata(r) : NULL, (size_t)len, little, sgn)) {
        rh_decref(I->rt, r);
        return NULL;
    }
    return r;
}

/* ---------------------------------------------------------------- dict methods */

/* keys() / items() / values(): views from 3.0 (builtins_dictview.c), 2.7's new lists */
#define PY2(I) rh_runtime_profile((I)->rt)->python2
FN(d_keys) { UNUSED_ARGS; (void)a; (void)n; return PY2(I) ? rh_dict_keys_list(I->rt, self) : hx_dict_view(I, self, RH_K_DICTKEYS); }
FN(d_items) { UNUSED_ARGS; (void)a; (void)n; return PY2(I) ? rh_dict_items_list(I->rt, self) : hx_dict_view(I, self, RH_K_DICTITEMS); }
FN(d_values) {
    UNUSED_ARGS;
    (void)a; (void)n;
    if (!PY2(I)) return hx_dict_view(I, self, RH_K_DICTVALUES);
    rh_object *l = rh_list_new(I->rt, 0);
    size_t pos = 0;
    rh_object *k, *v;
    while (l && rh_dict_next(self, &pos, &k, &v))
        if (rh_list_append(I->rt, l, v)) { rh_decref(I->rt, l); l = NULL; }
    return l;
}
FN(d_get) {
    UNUSED_ARGS;
    if (nargs_check(I, "get", n, 1, 2)) return NULL;
    rh_object *v = rh_dict_get(I->rt, self, a[0]);
    if (v) return newref(v);
    if (rh_err_occurred(I->rt)) return NULL;
    return newref(n == 2 ? a[1] : rh_none(I->rt));
}
FN(d_pop) {
    UNUSED_ARGS;
    if (nargs_check(I, "pop", n, 1, 2)) return NULL;
    rh_object *r = rh_dict_pop(I->rt, self, a[0], n == 2 ? a[1] : NULL);
    if (!r && rh_err_occurred(I->rt) == RH_EXC_KEY) rh_err_set_key(I->rt, a[0]);
    return r;
}
FN(d_clear) { UNUSED_ARGS; (void)a; (void)n; return rh_dict_clear(I->rt, self) ? NULL : newref(rh_none(I->rt)); }
/* dict_popitem_impl (3.x): the last entry in insertion order, removed, as a (key, value) tuple; KeyError
 * "popitem(): dictionary is empty". What Lib/weakref.py's WeakValueDictionary.popitem calls. */
FN(d_popitem) {
    UNUSED_ARGS;
    (void)a;
    if (nkw || n) { /* METH_NOARGS */
        rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "dict.popitem() takes no keyword arguments"
                                           : "dict.popitem() takes no arguments (%d given)", n);
        return NULL;
    }
    rh_object *k = NULL, *v = NULL, *key = NULL;
    for (size_t pos = 0; rh_dict_next(self, &pos, &k, &v);) key = k;
    if (!key) {
        rh_err_set(I->rt, RH_EXC_KEY, "popitem(): dictionary is empty");
        return NULL;
    }
    rh_incref(key);
    rh_object *val = rh_dict_pop(I->rt, self, key, NULL), *r = val ? rh_tuple_pack(I->rt, 2, key, val) : NULL;
    rh_decref(I->rt, key);
    rh_xdecref(I->rt, val);
    return r;
}
FN(d_setdefault) {
    UNUSED_ARGS;
    if (nargs_check(I, "setdefault", n, 1, 2)) return NULL;
    rh_object *v = rh_dict_get(I->rt, self, a[0]);
    if (v) return newref(v);
    if (rh_err_occurred(I->rt)) return NULL;
    rh_object *d = n == 2 ? a[1] : rh_none(I->rt);
    return rh_dict_set(I->rt, self, a[0], d) ? NULL : newref(d);
}
FN(d_update) {
    UNUSED_ARGS;
    if (nargs_check(I, "update", n, 0, 1)) return NULL;
    if (n == 1) {
        if (dict_update_arg(I, self, a[0])) return NULL;
    }
    for (int i = 0; i < nkw; i++)
        if (rh_dict_set_cstr(I->rt, self, kwn[i], kwv[i])) return NULL;
    return newref(rh_none(I->rt));
}
FN(d_copy) {
    UNUSED_ARGS;
    (void)a; (void)n;
    return rh_dict_copy(I->rt, self);
}

#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}
DEF(m_l_append, "append", l_append); DEF(m_l_extend, "extend", l_extend); DEF(m_l_pop, "pop", l_pop);
DEF(m_l_remove, "remove", l_remove); DEF(m_l_clear, "clear", l_clear); DEF(m_l_reverse, "reverse", l_reverse);
DEF(m_l_sort, "sort", l_sort); DEF(m_l_index, "index", l_index); DEF(m_l_count, "count", l_count);
DEF(m_l_copy, "copy", l_copy); DEF(m_l_insert, "insert", l_insert);
DEF(m_d_keys, "keys", d_keys); DEF(m_d_items, "items", d_items); DEF(m_d_values, "values", d_values);
DEF(m_d_get, "get", d_get); DEF(m_d_pop, "pop", d_pop); DEF(m_d_clear, "clear", d_clear);
DEF(m_d_popitem, "popitem", d_popitem);
DEF(m_d_setdefault, "setdefault", d_setdefault);
static const rh_builtin_def m_d_update = {"update", (void (*)(void))d_update, HX_METH_VARARGS}; DEF(m_d_copy, "copy", d_copy);
DEF(m_t_count, "count", l_count); DEF(m_t_index, "index", l_index);
DEF(m_i_bit_length, "bit_length", i_bit_length); DEF(m_i_bit_count, "bit_count", i_bit_count);
DEF(m_i_to_bytes, "to_bytes", i_to_bytes);
const rh_builtin_def hx_int_from_bytes_def = {"from_bytes", (void (*)(void))i_from_bytes, 0};

static const rh_builtin_def *const list_methods[] = {&m_l_append, &m_l_extend, &m_l_pop, &m_l_remove, &m_l_clear,
                                                     &m_l_reverse, &m_l_sort, &m_l_index, &m_l_count, &m_l_copy,
                                                     &m_l_insert, NULL};
static const rh_builtin_def *const dict_methods[] = {&m_d_keys, &m_d_items, &m_d_values, &m_d_get, &m_d_pop,
                                                     &m_d_clear, &m_d_setdefault, &m_d_update, &m_d_copy, &m_d_popitem, NULL};
static const rh_builtin_def *const tuple_methods[] = {&m_t_count, &m_t_index, NULL};
/* int's methods (long_methods, Objects/longobject.c): bit_length, to_bytes (3.2), and bit_count from 3.10;
 * from_bytes is a classmethod (builtins_iter.c hx_type_classmethod_at) */
static const rh_builtin_def *const int_methods[] = {&m_i_bit_length, &m_i_bit_count, &m_i_to_bytes, NULL};
static const rh_builtin_def *const file_methods[] = {&m_file_read, &m_file_close, &m_file_enter, &m_file_exit,
                                                     &m_file_write, &m_file_flush, NULL};


/* ---------------------------------------------------------------- a built-in type's methods taken from
 * the type (list.append, list.__init__, dict.__getitem__) or through super() from a subclass's instance */

/* list___init___impl (clear, then extend) / dict_init (dict_update_common) on self. New None or NULL. */
static rh_object *builtin_init(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    switch (rh_kind_of(self)) {
    case RH_K_LIST:
        if (no_kw(I, "list", nkw, kwn) || nargs_check(I, "list", n, 0, 1) || rh_list_clear(I->rt, self)) return NULL;
        return n ? l_extend(I, self, a, 1, kwn, kwv, 0) : newref(rh_none(I->rt));
    case RH_K_DICT: {
        rh_object *rest, *r = NULL;
        if (hx_odict_init(I, self, a, n, kwn, kwv, nkw, &r)) return r; /* mod_collections.c: odict_init */
        int took = hx_defaultdict_init(I, self, a, n, &rest); /* mod_collections.c: defdict_init's factory */
        if (took >= 0 && !nargs_check(I, "dict", n - took, 0, 1)) r = d_update(I, self, a + took, n - took, kwn, kwv, nkw);
        rh_xdecref(I->rt, rest);
        return r;
    }
    case RH_K_WEAKREF: /* weakref___init__: the arguments checked again, __new__ took them */
        return hx_weakref_init(I, n, nkw) ? NULL : newref(rh_none(I->rt));
    case RH_K_TUPLE: /* tuple, int, str and GenericAlias have no __init__: object_init, which a type with its */
    case RH_K_INT:   /* own __new__ lets pass (ga_new took the arguments) */
    case RH_K_STR:
    case RH_K_GENERICALIAS:
        return newref(rh_none(I->rt));
    default:
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "__init__ of the built-in type '%s'", rh_type_name(self));
        return NULL;
    }
}

int hx_builtin_base_init(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_object *r = builtin_init(I, self, a, n, kwn, kwv, nkw);
    rh_xdecref(I->rt, r);
    return r ? 0 : -1;
}

/* The special methods a built-in type's slots answer (wrapper_descriptor), called with the type's own
 * slot so a subclass's override is not what runs. New reference or NULL; *handled 0 for other names. */
static rh_object *slot_method(hx_interp *I, rh_type *bt, const char *nm, rh_object *self, rh_object **a, int n, int *handled) {
    rh_runtime *rt = I->rt;
    static const struct { const char *name; int nargs; } tab[] = {
        {"__len__", 0}, {"__repr__", 0}, {"__iter__", 0}, {"__getitem__", 1}, {"__contains__", 1},
        {"__delitem__", 1}, {"__setitem__", 2}, {"__eq__", 1}, {"__ne__", 1}, {NULL, 0}};
    int i = 0;
    while (tab[i].name && strcmp(tab[i].name, nm)) i++;
    *handled = tab[i].name != NULL;
    if (!*handled) return NULL;
    if (n != tab[i].nargs) {
        rh_err_set(rt, RH_EXC_TYPE, "expected %d argument%s, got %d", tab[i].nargs, tab[i].nargs == 1 ? "" : "s", n);
        return NULL;
    }
    if (i >= 3 && i != 4 && i <= 6 && rh_kind_of(a[0]) == RH_K_SLICE && bt->kind != RH_K_RANGE) { /* list_subscript's
        PySlice_Check; range_subscript's compute_slice is the library's */
        int64_t b[3];
        int has[3];
        if (hx_slice_bounds(I, a[0], b, has)) return NULL;
        if (i == 3) return hx_slice(I, self, b, has);
        return (i == 6 ? hx_store_slice(I, self, b, has, a[1]) : hx_del_slice(I, self, b, has)) ? NULL : newref(rh_none(rt));
    }
    switch (i) {
    case 0: {
        intptr_t len = bt->as_mapping.mp_length ? bt->as_mapping.mp_length(rt, self) : bt->as_sequence.sq_length(rt, self);
        return len < 0 ? NULL : rh_int_from_i64(rt, len);
    }
    case 1: return rh_repr_as(rt, bt, self);
    case 2: return bt->tp_iter(rt, self);
    case 3: return bt->as_mapping.mp_subscript(rt, self, a[0]);
    case 4: {
        int r = bt->as_sequence.sq_contains(rt, self, a[0]);
        return r < 0 ? NULL : rh_bool(rt, r);
    }
    case 5: case 6: return bt->as_mapping.mp_ass_subscript(rt, self, a[0], i == 6 ? a[1] : NULL) ? NULL : newref(rh_none(rt));
    default: return bt->tp_richcompare(rt, self, a[0], i == 7 ? RH_CMP_EQ : RH_CMP_NE);
    }
}

/* The built-in behind list.<name> / super().<name>: self of the built-in is (type, name, instance or
 * None); unbound (None), the instance is the first argument (method_descriptor / wrapper_descriptor). */
FN(builtin_descr_call) {
    rh_object *ty = rh_tuple_get(self, 0), *name = rh_tuple_get(self, 1), *obj = rh_tuple_get(self, 2);
    rh_type *bt = (rh_type *)ty;
    const char *nm = hx_cstr(I, name);
    if (obj == rh_none(I->rt)) {
        if (n < 1) {
            rh_err_set(I->rt, RH_EXC_TYPE, "unbound method %s.%s() needs an argument", bt->name, nm);
            return NULL;
        }
        obj = a[0];
        a++;
        n--;
    }
    if (rh_kind_of(obj) != bt->kind) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", nm, bt->name,
                   rh_type_name(obj));
        return NULL;
    }
    if (!strcmp(nm, "__init__")) return builtin_init(I, obj, a, n, kwn, kwv, nkw);
    int handled;
    rh_object *r = nkw ? NULL : slot_method(I, bt, nm, obj, a, n, &handled);
    if (!nkw && handled) return r;
    const rh_builtin_def *d = hx_find_method_def(I, obj, nm);
    return ((hx_cfn)d->fn)(I, obj, a, n, kwn, kwv, nkw);
}
DEF(m_builtin_descr, "method", builtin_descr_call);

/* list.name (obj NULL) or the name of super() over an instance of a list/dict subclass (obj): a built-in
 * calling the list/dict method or slot; NULL without an error when the type has no such method. */
rh_object *hx_builtin_descr(hx_interp *I, rh_object *type, rh_object *name, rh_object *obj) {
    rh_type *bt = (rh_type *)type;
    const char *nm = hx_cstr(I, name);
    if (bt->kind == RH_K_GENERICALIAS && strcmp(nm, "__repr__") && strcmp(nm, "__eq__") && strcmp(nm, "__ne__") &&
        !hx_kind_method_def(I, bt->kind, nm))
        return NULL; /* GenericAlias's slots: ga_repr, ga_richcompare (super().__repr__ in _CallableGenericAlias) */
    if (bt->kind == RH_K_WEAKREF && strcmp(nm, "__init__") && strcmp(nm, "__eq__") && strcmp(nm, "__ne__") &&
        !hx_kind_method_def(I, bt->kind, nm))
        return NULL; /* weakref's: __init__, weakref_richcompare, __call__ and __hash__ (WeakMethod's super()) */
    if (bt->kind != RH_K_LIST && bt->kind != RH_K_DICT && bt->kind != RH_K_GENERICALIAS && bt->kind != RH_K_WEAKREF)
        return NULL;
    int handled = 0;
    if (strcmp(nm, "__init__")) {
        static const char *const slots[] = {"__len__", "__repr__", "__iter__", "__getitem__", "__contains__",
                                            "__delitem__", "__setitem__", "__eq__", "__ne__", NULL};
        for (int i = 0; slots[i]; i++) handled |= !strcmp(slots[i], nm);
        if (!handled) handled = hx_kind_method_def(I, bt->kind, nm) != NULL; /* a method of the kind's table */
        if (!handled) return NULL;
    }
    rh_object *t = rh_tuple_pack(I->rt, 3, type, name, obj ? obj : rh_none(I->rt));
    if (!t) return NULL;
    rh_object *f = rh_builtin_new(I->rt, &m_builtin_descr, t);
    rh_decref(I->rt, t);
    return f;
}

/* The tables of the built-in type of kind k (what its tp_methods lists), filled into t; their count */
static int kind_methods(rh_kind k, hx_mtab t[2]) {
    switch (k) {
    case RH_K_LIST: t[0] = (hx_mtab){list_methods, NULL}; return 1;
    case RH_K_DICT: t[0] = (hx_mtab){dict_methods, NULL}; t[1] = (hx_mtab){NULL, hx_dict_extra_methods()}; return 2;
    case RH_K_TUPLE: t[0] = (hx_mtab){tuple_methods, NULL}; return 1;
    case RH_K_INT: case RH_K_BOOL: t[0] = (hx_mtab){int_methods, NULL}; return 1;
    case RH_K_FILE: t[0] = (hx_mtab){file_methods, NULL}; return 1;
    case RH_K_STR: return hx_str_method_tables(k, t);                /* builtins_str.c */
    case RH_K_SET: case RH_K_FROZENSET: return hx_set_method_tables(k, t); /* builtins_iter.c */
    case RH_K_ITER: case RH_K_LISTITER: case RH_K_TUPLEITER: case RH_K_STRITER: case RH_K_STRASCIIITER:
    case RH_K_LISTREVITER: case RH_K_REVERSED: case RH_K_SETITER: case RH_K_BYTESITER:
    case RH_K_BYTEARRAYITER: case RH_K_RANGEITER: case RH_K_DEQUEITER: case RH_K_DEQUEREVITER:
        return hx_iter_method_tables(k, t); /* builtins_iter.c */
    case RH_K_PROPERTY: return hx_property_method_tables(k, t);      /* builtins_func.c */
    case RH_K_CODE: return hx_code_method_tables(k, t);              /* builtins_func.c */
    case RH_K_GENERATOR: case RH_K_COROUTINE: case RH_K_ASYNC_GENERATOR: /* gen.c */
    case RH_K_ASYNC_GEN_ASEND: case RH_K_ASYNC_GEN_ATHROW: return hx_gen_method_tables(k, t);
    case RH_K_ARRAY: return hx_array_method_tables(k, t);            /* mod_array.c */
    case RH_K_MEMORYVIEW: return hx_memview_method_tables(k, t);     /* builtins_memview.c */
    case RH_K_STRINGIO: return hx_stringio_method_tables(k, t);      /* mod_io.c */
    case RH_K_BYTESIO: return hx_bytesio_method_tables(k, t);        /* mod_bytesio.c */
    case RH_K_RANDOM: return hx_random_method_tables(k, t);          /* mod_random.c */
    case RH_K_SRE_PATTERN: case RH_K_SRE_MATCH: case RH_K_SRE_SCANNER: return hx_sre_method_tables(k, t); /* mod_sre.c */
    case RH_K_THREAD_LOCK: case RH_K_THREAD_RLOCK: return hx_thread_method_tables(k, t); /* mod_thread.c */
    case RH_K_DEQUE: return hx_deque_method_tables(k, t);            /* mod_collections.c */
    case RH_K_BYTES: case RH_K_BYTEARRAY: return hx_bytes_method_tables(k, t); /* builtins_bytes.c */
    case RH_K_MAPPINGPROXY: return hx_proxy_method_tables(k, t);     /* builtins_proxy.c */
    case RH_K_STRUCT: return hx_struct_method_tables(k, t);          /* mod_struct.c */
    case RH_K_SCANDIR_ITER: case RH_K_DIRENTRY: return hx_posix_method_tables(k, t); /* mod_posix.c */
    case RH_K_GENERICALIAS: return hx_genericalias_method_tables(k, t); /* builtins_proxy.c */
    case RH_K_UNION: return hx_union_method_tables(k, t);            /* builtins_proxy.c */
    case RH_K_COMPLEX: return hx_complex_method_tables(k, t);        /* builtins_complex.c */
    case RH_K_SLICE: return hx_slice_method_tables(k, t);            /* builtins_slice.c */
    case RH_K_RANGE: return hx_range_method_tables(k, t);            /* builtins_range.c */
    case RH_K_WEAKREF: return hx_weakref_method_tables(k, t);        /* mod_weakref.c */
    case RH_K_DICTKEYS: case RH_K_DICTVALUES: case RH_K_DICTITEMS: case RH_K_DICTITER_KEY: case RH_K_DICTITER_VALUE:
    case RH_K_DICTITER_ITEM: case RH_K_DICTREVITER_KEY: case RH_K_DICTREVITER_VALUE: case RH_K_DICTREVITER_ITEM:
    case RH_K_ODICTKEYS: case RH_K_ODICTVALUES: case RH_K_ODICTITEMS:
        return hx_dictview_method_tables(k, t); /* builtins_dictview.c */
    default: return 0;
    }
}

static const rh_builtin_def *mtab_at(const hx_mtab *t, size_t i) {
    return t->ptrs ? t->ptrs[i] : t->defs[i].name ? &t->defs[i] : NULL;
}

/* Whether the profile's version has the method (apilevel.c gates list, int and str methods by name) */
static int kind_method_exists(hx_interp *I, rh_kind k, const char *name) {
    const char *api = k == RH_K_LIST ? "list" : k == RH_K_INT || k == RH_K_BOOL ? "int" : k == RH_K_STR ? "str"
                    : k == RH_K_UNION ? "types.UnionType" : k == RH_K_COMPLEX ? "complex" : k == RH_K_DICT ? "dict"
                    : k >= RH_K_DICTKEYS && k <= RH_K_DICTITEMS ? "dict_keys" : k == RH_K_RANGE ? "range"
                    : k == RH_K_CODE ? "code" : k == RH_K_DIRENTRY ? "posix.DirEntry" : NULL;
    return !api || RH_API_DYN(I, api, name);
}

const rh_builtin_def *hx_kind_method_def(hx_interp *I, rh_kind k, const char *name) {
    hx_mtab t[2];
    const rh_builtin_def *d;
    for (int n = kind_methods(k, t), j = 0; j < n; j++)
        for (size_t i = 0; (d = mtab_at(&t[j], i)); i++)
            if (strcmp(d->name, name) == 0) return kind_method_exists(I, k, name) ? d : NULL;
    return NULL;
}

/* The i-th method of the built-in type of kind k that the profile's version has, or NULL past the end */
static const rh_builtin_def *kind_method_at(hx_interp *I, rh_kind k, size_t i) {
    hx_mtab t[2];
    const rh_builtin_def *d;
    for (int n = kind_methods(k, t), j = 0; j < n; j++)
        for (size_t e = 0; (d = mtab_at(&t[j], e)); e++)
            if (kind_method_exists(I, k, d->name) && i-- == 0) return d;
    return NULL;
}

static const rh_builtin_def *dunder_def(rh_kind k, const char *name);

const rh_builtin_def *hx_find_method_def(hx_interp *I, rh_object *self, const char *name) {
    const rh_builtin_def *d = NULL;
    rh_kind k = rh_kind_of(self);
    if (k == RH_K_DICT) d = hx_defaultdict_find_method(self, name); /* mod_collections.c */
    else if (k == RH_K_TUPLE) d = hx_namedtuple_find_method(self, name);
    else if (k == RH_K_STR) d = dunder_def(k, name); /* str.__str__/__repr__/__format__ */
    return d ? d : hx_kind_method_def(I, k, name);
}

/* The dict that stands for static type t's tp_dict (borrowed, made on first use; NULL with the error set).
 * Called between rh_gc_startup_begin/_end: CPython made it with the type, before the program ran. */
static rh_object *static_tp_dict(hx_interp *I, rh_type *t) {
    rh_runtime *rt = I->rt;
    if (!I->static_tp_dicts && !(I->static_tp_dicts = rh_dict_new(rt))) return NULL;
    rh_object *tp_dict = rh_dict_get(rt, I->static_tp_dicts, (rh_object *)t);
    if (tp_dict || rh_err_occurred(rt) || !(tp_dict = rh_dict_new(rt))) return tp_dict;
    int rc = rh_dict_set(rt, I->static_tp_dicts, (rh_object *)t, tp_dict);
    rh_decref(rt, tp_dict); /* on success the outer dict holds it */
    return rc ? NULL : tp_dict;
}

/* static_tp_dict's entry for def: the method descriptor, made at the first read. Borrowed or NULL. */
static rh_object *static_method_descr(hx_interp *I, rh_type *t, const rh_builtin_def *def, rh_object *name) {
    rh_runtime *rt = I->rt;
    rh_object *tp_dict = static_tp_dict(I, t), *d = tp_dict ? rh_dict_get(rt, tp_dict, name) : NULL;
    if (d || !tp_dict || rh_err_occurred(rt)) return d;
    if ((d = rh_method_descr_new(rt, t, def))) {
        int rc = rh_dict_set(rt, tp_dict, name, d);
        rh_decref(rt, d); /* tp_dict holds it */
        if (rc) d = NULL;
    }
    return d;
}

/* The fields a built-in type's tp_getset (0) and tp_members (1) put in its tp_dict, py3 profiles:
 * Objects/funcobject.c func_getsetlist, func_memberlist */
static const struct { rh_kind kind; const char *name; int member; } builtin_fields[] = {
    {RH_K_FUNCTION, "__code__", 0},     {RH_K_FUNCTION, "__defaults__", 0}, {RH_K_FUNCTION, "__kwdefaults__", 0},
    {RH_K_FUNCTION, "__annotations__", 0}, {RH_K_FUNCTION, "__dict__", 0},  {RH_K_FUNCTION, "__name__", 0},
    {RH_K_FUNCTION, "__qualname__", 0}, {RH_K_FUNCTION, "__closure__", 1},  {RH_K_FUNCTION, "__doc__", 1},
    {RH_K_FUNCTION, "__globals__", 1},  {RH_K_FUNCTION, "__module__", 1},   {RH_K_FUNCTION, "__builtins__", 1},
};
#define N_BUILTIN_FIELDS (sizeof builtin_fields / sizeof builtin_fields[0])

/* builtin_fields' entry i as static_tp_dict's (made at the first read): borrowed or NULL */
static rh_object *static_field_descr(hx_interp *I, rh_type *t, size_t i) {
    rh_runtime *rt = I->rt;
    rh_object *name = hx_name(I, builtin_fields[i].name), *tp_dict = name ? static_tp_dict(I, t) : NULL;
    rh_object *d = tp_dict ? rh_dict_get(rt, tp_dict, name) : NULL;
    if (d || !tp_dict || rh_err_occurred(rt)) return d;
    if ((d = rh_builtin_field_descr_new(rt, t, builtin_fields[i].name, builtin_fields[i].member))) {
        int rc = rh_dict_set(rt, tp_dict, name, d);
        rh_decref(rt, d);
        if (rc) d = NULL;
    }
    return d;
}

static int field_index(hx_interp *I, rh_kind k, const char *name, size_t *i) {
    if (rh_runtime_profile(I->rt)->python2) return 0; /* 2.7 names them func_code ... */
    for (*i = 0; *i < N_BUILTIN_FIELDS; ++*i)
        if (builtin_fields[*i].kind == k && !strcmp(builtin_fields[*i].name, name)) return 1;
    return 0;
}

static int is_static_type(hx_interp *I, rh_type *t) {
    return !hx_is_heap_class((rh_object *)t) && rh_builtin_type(I->rt, t->kind) == t;
}

/* int's tp_dict entry __new__: the built-in tp_new_wrapper bound to int, its __self__ (add_tp_new_wrapper),
 * made at the first read. Borrowed or NULL. */
static rh_object *static_new_wrapper(hx_interp *I, rh_type *t, const rh_builtin_def *def, rh_object *name) {
    rh_runtime *rt = I->rt;
    rh_object *tp_dict = static_tp_dict(I, t), *d = tp_dict ? rh_dict_get(rt, tp_dict, name) : NULL;
    if (d || !tp_dict || rh_err_occurred(rt)) return d;
    if ((d = rh_builtin_new(rt, def, &t->ob.ob))) {
        int rc = rh_dict_set(rt, tp_dict, name, d);
        rh_decref(rt, d); /* tp_dict holds it */
        if (rc) d = NULL;
    }
    return d;
}

/* int's tp_repr wrapper and int.__format__ (int___format___impl), as method descriptors of int: what
 * Lib/enum.py copies onto IntEnum (ReprEnum's __str__ = int.__repr__, __format__ = int.__format__) */
FN(int_repr_method) {
    UNUSED_ARGS;
    (void)a;
    if (n || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected 0 arguments, got %d", n + nkw);
        return NULL;
    }
    return rh_repr_as(I->rt, rh_builtin_type(I->rt, RH_K_INT), self);
}
FN(int_format_method) {
    UNUSED_ARGS;
    if (n + nkw != 1 || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "int.__format__() takes exactly one argument (%d given)", n + nkw);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "int.__format__() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    return hx_int_format(I, self, a[0]);
}
/* float's tp_repr wrapper (float_repr) as a method descriptor of float: Lib/json/encoder.py's floatstr calls
 * float.__repr__(o) unbound */
FN(float_repr_method) {
    UNUSED_ARGS;
    (void)a;
    rh_kind k = rh_kind_of(self);
    if (k != RH_K_FLOAT) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '__repr__' requires a 'float' object but received a '%s'", hx_tname(self));
        return NULL;
    }
    if (n || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected 0 arguments, got %d", n + nkw);
        return NULL;
    }
    return rh_repr_as(I->rt, rh_builtin_type(I->rt, RH_K_FLOAT), self);
}
static const rh_builtin_def m_float_repr = {"__repr__", (void (*)(void))float_repr_method, 0};
static const rh_builtin_def m_int_repr = {"__repr__", (void (*)(void))int_repr_method, 0};
static const rh_builtin_def m_int_format = {"__format__", (void (*)(void))int_format_method, 0};

/* str's tp_repr and tp_str wrappers and str.__format__ (unicode___format__), as method descriptors of str:
 * what Lib/enum.py copies onto StrEnum (ReprEnum: __str__ = str.__str__, __format__ = str.__format__) */
static int str_dunder_args(hx_interp *I, const char *fn, rh_object *self, int want, int n, int nkw) {
    if (rh_kind_of(self) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' requires a 'str' object but received a '%s'", fn, hx_tname(self));
        return -1;
    }
    if (n != want || nkw) {
        if (want) rh_err_set(I->rt, RH_EXC_TYPE, "str.%s() takes exactly one argument (%d given)", fn, n + nkw);
        else rh_err_set(I->rt, RH_EXC_TYPE, "expected 0 arguments, got %d", n + nkw);
        return -1;
    }
    return 0;
}
FN(str_repr_method) {
    UNUSED_ARGS;
    if (str_dunder_args(I, "__repr__", self, 0, n, nkw)) return NULL;
    return rh_repr_as(I->rt, rh_builtin_type(I->rt, RH_K_STR), self);
}
FN(str_str_method) {
    UNUSED_ARGS;
    if (str_dunder_args(I, "__str__", self, 0, n, nkw)) return NULL;
    return rh_str_exact(I->rt, self); /* unicode_str: unicode_result_unchanged */
}
FN(str_format_method) {
    UNUSED_ARGS;
    if (str_dunder_args(I, "__format__", self, 1, n, nkw)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__format__() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    return hx_str_format(I, self, a[0]);
}
static const rh_builtin_def m_str_repr = {"__repr__", (void (*)(void))str_repr_method, 0};
static const rh_builtin_def m_str_str = {"__str__", (void (*)(void))str_str_method, 0};
static const rh_builtin_def m_str_format = {"__format__", (void (*)(void))str_format_method, 0};

/* object's rich comparisons (Objects/typeobject.c object_richcompare), as method descriptors of object:
 * __eq__ is identity else NotImplemented, __ne__ inverts the type's own __eq__ (NotImplemented passes),
 * the orderings are NotImplemented. What Lib/collections' OrderedDict copies (`__ne__ =
 * MutableMapping.__ne__`); CPython's are slot wrappers (their repr says "slot wrapper"). */
static rh_object *object_richcompare_method(hx_interp *I, rh_object *self, rh_object **a, int n, int nkw,
                                            const char *fn, int op) {
    rh_runtime *rt = I->rt;
    if (n != 1 || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "expected 1 argument, got %d", n + nkw);
        return NULL;
    }
    (void)fn;
    rh_object *ni = rh_notimplemented(rt);
    if (op == RH_CMP_EQ) return newref(self == a[0] ? rh_true(rt) : ni);
    if (op != RH_CMP_NE || !rh_type_of(self)->tp_richcompare) return newref(ni);
    rh_object *r = rh_type_of(self)->tp_richcompare(rt, self, a[0], RH_CMP_EQ);
    if (!r || r == ni) return r;
    int t = rh_truthy(rt, r);
    rh_decref(rt, r);
    return t < 0 ? NULL : rh_bool(rt, !t);
}
#define OBJECT_CMP(nm, op)                                                                               \
    FN(object_##nm##_method) {                                                                           \
        UNUSED_ARGS;                                                                                     \
        return object_richcompare_method(I, self, a, n, nkw, "__" #nm "__", op);                         \
    }                                                                                                    \
    static const rh_builtin_def m_object_##nm = {"__" #nm "__", (void (*)(void))object_##nm##_method, 0};
OBJECT_CMP(eq, RH_CMP_EQ) OBJECT_CMP(ne, RH_CMP_NE) OBJECT_CMP(lt, RH_CMP_LT)
OBJECT_CMP(le, RH_CMP_LE) OBJECT_CMP(gt, RH_CMP_GT) OBJECT_CMP(ge, RH_CMP_GE)
#undef OBJECT_CMP

/* The dunders modelled as method descriptors of int, float, str and object, or NULL. The slot wrappers
 * (int.__repr__, object.__eq__: wrapper_descriptor) are hx_slot_descr's; these are what a str or an int
 * instance answers through hx_find_method_def. */
static const rh_builtin_def *dunder_def(rh_kind k, const char *name) {
    if (k == RH_K_INT)
        return !strcmp(name, "__repr__") ? &m_int_repr : !strcmp(name, "__format__") ? &m_int_format : NULL;
    if (k == RH_K_FLOAT) return !strcmp(name, "__repr__") ? &m_float_repr : NULL;
    if (k == RH_K_OBJECT)
        return !strcmp(name, "__eq__")   ? &m_object_eq
               : !strcmp(name, "__ne__") ? &m_object_ne
               : !strcmp(name, "__lt__") ? &m_object_lt
               : !strcmp(name, "__le__") ? &m_object_le
               : !strcmp(name, "__gt__") ? &m_object_gt
               : !strcmp(name, "__ge__") ? &m_object_ge
                                         : NULL;
    if (k == RH_K_STR)
        return !strcmp(name, "__repr__")     ? &m_str_repr
               : !strcmp(name, "__str__")    ? &m_str_str
               : !strcmp(name, "__format__") ? &m_str_format
                                             : NULL;
    return NULL;
}

/* dunder_def's entries that CPython's type dicts hold as slot wrappers, which hx_slot_descr answers */
static int dunder_is_slot(const char *name) { return strcmp(name, "__format__") != 0; }

/* The slot wrapper static type t's dict holds for name (add_operators; rh_wrapper_descr_new), made at its
 * first read like the method descriptors and kept in static_tp_dict: new reference, or NULL (none, or the
 * error set) */
/* A slot wrapper that stays out of the static types' dicts: __call__ is a method-wrapper on an object
 * (all.__call__), but `type.__call__` keeps answering as a built-in until object's own methods are wrapper
 * descriptors: types.WrapperDescriptorType is type(object.__init__), a built-in function here, and
 * inspect tells C callables from Python ones by those types (_signature_get_user_defined_method). */
static int instance_only_slot(rh_object *name) { return rh_str_eq_cstr(name, "__call__"); }

static rh_object *static_slot_descr(hx_interp *I, rh_type *t, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (instance_only_slot(name)) return NULL;
    rh_gc_startup save; /* CPython made it with the type, before the program ran */
    rh_gc_startup_begin(rt, &save);
    rh_object *tp_dict = static_tp_dict(I, t), *d = tp_dict ? rh_dict_get(rt, tp_dict, name) : NULL;
    if (!d && tp_dict && !rh_err_occurred(rt) && (d = rh_wrapper_descr_new(rt, t, name))) {
        int rc = rh_dict_set(rt, tp_dict, name, d);
        rh_decref(rt, d); /* tp_dict holds it */
        if (rc) d = NULL;
    }
    rh_gc_startup_end(rt, &save);
    return d ? newref(d) : NULL;
}

rh_object *hx_slot_descr(hx_interp *I, rh_type *t, rh_object *name, int inherited) {
    const char *s = hx_cstr(I, name);
    if (!is_static_type(I, t) || s[0] != '_' || s[1] != '_') return NULL;
    for (rh_type *b = t; b; b = inherited ? b->base : NULL) {
        rh_object *d = static_slot_descr(I, b, name);
        if (d || rh_err_occurred(I->rt)) return d;
    }
    return NULL;
}

rh_object *hx_method_descr(hx_interp *I, rh_type *t, rh_object *name) {
    rh_runtime *rt = I->rt;
    if (!is_static_type(I, t)) return NULL;
    if (new_wrapper_def(t->kind) && rh_str_eq_cstr(name, "__new__")) {
        rh_gc_startup save;
        rh_gc_startup_begin(rt, &save);
        rh_object *d = static_new_wrapper(I, t, new_wrapper_def(t->kind), name);
        rh_gc_startup_end(rt, &save);
        if (!d && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        return d ? newref(d) : NULL;
    }
    const rh_builtin_def *def = hx_kind_method_def(I, t->kind, hx_cstr(I, name));
    if (!def && !dunder_is_slot(hx_cstr(I, name))) def = dunder_def(t->kind, hx_cstr(I, name));
    size_t field;
    int is_field = !def && field_index(I, t->kind, hx_cstr(I, name), &field);
    if (!def && !is_field) return NULL;
    rh_gc_startup save; /* neither the allocations nor the dicts count toward the program's collections */
    rh_gc_startup_begin(rt, &save);
    rh_object *d = def ? static_method_descr(I, t, def, name) : static_field_descr(I, t, field);
    rh_gc_startup_end(rt, &save);
    if (!d && !rh_err_occurred(rt)) rh_err_nomemory(rt);
    return d ? newref(d) : NULL;
}

rh_object *hx_static_type_dict(hx_interp *I, rh_type *t) {
    rh_runtime *rt = I->rt;
    if (!is_static_type(I, t)) return NULL;
    rh_gc_startup save;
    rh_gc_startup_begin(rt, &save);
    rh_object *tp_dict = static_tp_dict(I, t);
    const rh_builtin_def *def;
    const char *slot;
    for (size_t i = 0; tp_dict && (slot = rh_slot_wrapper_name_at(rt, i)); i++) { /* add_operators */
        rh_object *name = *slot ? hx_name(I, slot) : NULL, *d = name ? static_slot_descr(I, t, name) : NULL;
        rh_xdecref(rt, d);
        if (*slot && !d && rh_err_occurred(rt)) tp_dict = NULL;
    }
    if (tp_dict && new_wrapper_def(t->kind)) { /* type_new's tp_new_wrapper (add_tp_new_wrapper) */
        rh_object *name = hx_name(I, "__new__");
        if (!name || !static_new_wrapper(I, t, new_wrapper_def(t->kind), name)) tp_dict = NULL;
    }
    for (size_t i = 0; tp_dict && (def = kind_method_at(I, t->kind, i)); i++) {
        rh_object *name = hx_name(I, def->name);
        if (!name || !static_method_descr(I, t, def, name)) tp_dict = NULL;
    }
    for (size_t i = 0; tp_dict && i < N_BUILTIN_FIELDS && !rh_runtime_profile(rt)->python2; i++) /* type_add_getset, _members */
        if (builtin_fields[i].kind == t->kind && !static_field_descr(I, t, i)) tp_dict = NULL;
    for (size_t i = 0; tp_dict && (def = hx_type_classmethod_at(I, t->kind, i)); i++) { /* type_add_methods */
        rh_object *name = hx_name(I, def->name), *d = NULL;
        if (name && rh_dict_get(rt, tp_dict, name)) continue;
        int rc = name && !rh_err_occurred(rt) && (d = rh_classmethod_descr_new(rt, t, def)) ? rh_dict_set(rt, tp_dict, name, d) : -1;
        rh_xdecref(rt, d);
        if (rc) tp_dict = NULL;
    }
    rh_gc_startup_end(rt, &save);
    if (!tp_dict && !rh_err_occurred(rt)) rh_err_nomemory(rt);
    return tp_dict ? rh_mappingproxy_new(rt, tp_dict) : NULL;
}

/* print: 3.11's clinic *args (tuple only); 2.7's METH_VARARGS | METH_KEYWORDS (tuple and keyword dict).
 * str(), int(): no vectorcall up to 3.12 (type_call), and 3.13's vectorcall gives keyword calls to it. */
FN_PACKED(bi_print, print_impl, p->print_args_tuple, p->python2)
/* a str(x) site the specializer rewrote calls PyObject_Str with no argument tuple (vm.c sets I->spec_str) */
static int str_specialized(hx_interp *I) {
    int s = I->spec_str;
    I->spec_str = 0;
    return s;
}
FN_PACKED(bi_str, str_impl, (p->str_int_args_tuple && !str_specialized(I)) || nkw, 1)
FN_PACKED(bi_int, int_impl, p->str_int_args_tuple || nkw, 1)

/* ---------------------------------------------------------------- the builtins namespace */

DEF(b_print, "print", bi_print); DEF(b_len, "len", bi_len); DEF(b_range, "range", bi_range);
DEF(b_range_list, "range", bi_range_list);
DEF(b_list, "list", bi_list); DEF(b_tuple, "tuple", bi_tuple); DEF(b_dict, "dict", bi_dict);
DEF(b_int, "int", bi_int); DEF(b_float, "float", bi_float); DEF(b_str, "str", bi_str);
DEF(b_bool, "bool", bi_bool); DEF(b_repr, "repr", bi_repr); DEF(b_sorted, "sorted", bi_sorted);
DEF(b_all, "all", bi_all); DEF(b_any, "any", bi_any);
static const rh_builtin_def b_min = {"min", (void (*)(void))bi_min, HX_METH_VARARGS_TO312};
static const rh_builtin_def b_max = {"max", (void (*)(void))bi_max, HX_METH_VARARGS_TO312};
DEF(b_sum, "sum", bi_sum); DEF(b_exit, "exit", bi_exit); DEF(b_quit, "quit", bi_quit); DEF(b_abs, "abs", bi_abs); DEF(b_dir, "dir", bi_dir); DEF(b_id, "id", bi_id);
DEF(b_type, "type", bi_type); DEF(b_isinstance, "isinstance", bi_isinstance); DEF(b_callable, "callable", bi_callable);
DEF(b_globals, "globals", bi_globals); DEF(b_locals, "locals", bi_locals); DEF(b_ascii, "ascii", bi_ascii); DEF(b_open, "open", bi_open); DEF(b_eval, "eval", bi_eval); DEF(b_exec, "exec", bi_exec);
static const rh_builtin_def b_vars = {"vars", (void (*)(void))bi_vars, HX_METH_VARARGS};
DEF(b_hash, "hash", bi_hash); DEF(b_divmod, "divmod", bi_divmod); DEF(b_pow, "pow", bi_pow);
DEF(b_object, "object", bi_object); DEF(b_import, "__import__", bi_import);

static const rh_builtin_def *const builtin_table[] = {
    &b_print, &b_len, &b_repr, &b_sorted, &b_all, &b_any, &b_min, &b_max, &b_sum, &b_abs, &b_dir, &b_id,
    &b_isinstance, &b_callable, &b_globals, &b_locals, &b_vars, &b_open, &b_hash, &b_divmod, &b_pow, &b_import, &b_eval, &b_exec,
    &b_ascii, &b_exit, &b_quit, NULL};

/* The built-in types are bound under their names (type(1) is int); calling one runs its constructor. */
static const struct { rh_kind kind; const rh_builtin_def *ctor; } type_table[] = {
    {RH_K_INT, &b_int}, {RH_K_FLOAT, &b_float}, {RH_K_STR, &b_str}, {RH_K_LIST, &b_list},
    {RH_K_TUPLE, &b_tuple}, {RH_K_DICT, &b_dict}, {RH_K_BOOL, &b_bool}, {RH_K_RANGE, &b_range},
    {RH_K_TYPE, &b_type}, {RH_K_OBJECT, &b_object}, {RH_K_NONE, NULL}};

/* structseq_new(type, sequence, dict=None) (Objects/structseq.c, its clinic parser "structseq"): one def
 * per struct-sequence kind, as the def gets no type */
static rh_object *structseq_ctor(hx_interp *I, rh_structseq_kind k, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"sequence", "dict"};
    rh_object *v[2] = {NULL, NULL};
    if (n + nkw > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "structseq() takes at most 2 arguments (%d given)", n + nkw); return NULL; }
    for (int i = 0; i < n; i++) v[i] = a[i];
    for (int q = 0; q < nkw; q++) {
        int j = 0;
        while (j < 2 && strcmp(names[j], kwn[q])) j++;
        if (j == 2) { rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for structseq()", kwn[q]); return NULL; }
        if (v[j]) { rh_err_set(I->rt, RH_EXC_TYPE, "argument for structseq() given by name ('%s') and position (%d)", kwn[q], j + 1); return NULL; }
        v[j] = kwv[q];
    }
    if (!v[0]) { rh_err_set(I->rt, RH_EXC_TYPE, "structseq() missing required argument 'sequence' (pos 1)"); return NULL; }
    return rh_structseq_from_sequence(I->rt, k, v[0], v[1]);
}
#define SS_CTOR(k) \
    static rh_object *ss_ctor_##k(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) { \
        (void)self; return structseq_ctor(I, k, a, n, kwn, kwv, nkw); }
SS_CTOR(RH_SS_VERSION_INFO) SS_CTOR(RH_SS_STAT_RESULT) SS_CTOR(RH_SS_TERMINAL_SIZE) SS_CTOR(RH_SS_EXCEPTHOOK_ARGS)
SS_CTOR(RH_SS_STRUCT_TIME)
#undef SS_CTOR
static const rh_builtin_def ss_ctors[RH_SS__COUNT] = {
    [RH_SS_VERSION_INFO] = {"structseq", (void (*)(void))ss_ctor_RH_SS_VERSION_INFO, HX_METH_VARARGS},
    [RH_SS_STAT_RESULT] = {"structseq", (void (*)(void))ss_ctor_RH_SS_STAT_RESULT, HX_METH_VARARGS},
    [RH_SS_TERMINAL_SIZE] = {"structseq", (void (*)(void))ss_ctor_RH_SS_TERMINAL_SIZE, HX_METH_VARARGS},
    [RH_SS_EXCEPTHOOK_ARGS] = {"structseq", (void (*)(void))ss_ctor_RH_SS_EXCEPTHOOK_ARGS, HX_METH_VARARGS},
    [RH_SS_STRUCT_TIME] = {"structseq", (void (*)(void))ss_ctor_RH_SS_STRUCT_TIME, HX_METH_VARARGS},
};

/* method_new (Objects/classobject.c, 3.x): types.MethodType(function, instance), what Lib/weakref.py's
 * WeakMethod.__call__ rebuilds the bound method with */
FN(method_ctor) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "method() takes no keyword arguments"); return NULL; }
    if (n != 2) { rh_err_set(rt, RH_EXC_TYPE, "method expected 2 arguments, got %d", n); return NULL; }
    if (!rh_type_of(a[0])->tp_call && rh_kind_of(a[0]) != RH_K_WEAKREF) {
        rh_err_set(rt, RH_EXC_TYPE, "first argument must be callable");
        return NULL;
    }
    if (a[1] == rh_none(rt)) { rh_err_set(rt, RH_EXC_TYPE, "instance must not be None"); return NULL; }
    return rh_method_new(rt, a[0], a[1]);
}
static const rh_builtin_def method_ctor_def = {"method", (void (*)(void))method_ctor, HX_METH_VARARGS};

const rh_builtin_def *hx_type_constructor(rh_object *type) {
    int ss = rh_structseq_kind_of(type);
    if (ss == RH_SS_VERSION_INFO) return NULL; /* sys.version_info: "cannot create 'sys.version_info' instances" */
    if (ss >= 0) return &ss_ctors[ss];
    for (int i = 0; type_table[i].ctor; i++)
        if (((rh_type *)type)->kind == type_table[i].kind) return type_table[i].ctor;
    switch (((rh_type *)type)->kind) { /* the native modules' types */
    case RH_K_ARRAY: return hx_array_constructor();
    case RH_K_STRINGIO: return hx_stringio_constructor();
    case RH_K_BYTESIO: return hx_bytesio_constructor(); /* mod_bytesio.c */
    case RH_K_RANDOM: return hx_random_constructor();
    case RH_K_THREAD_LOCK: case RH_K_THREAD_RLOCK: return hx_thread_constructor(type); /* mod_thread.c */
    case RH_K_STRUCT: return hx_struct_constructor(); /* mod_struct.c */
    case RH_K_WEAKREF: return hx_weakref_constructor(); /* mod_weakref.c */
    case RH_K_METHOD: return &method_ctor_def; /* types.MethodType */
    case RH_K_COMPLEX: return hx_complex_constructor(); /* builtins_complex.c */
    case RH_K_SLICE: return hx_slice_constructor(); /* builtins_slice.c */
    case RH_K_BYTES: case RH_K_BYTEARRAY: case RH_K_MEMORYVIEW: return hx_bytes_constructor(type); /* builtins_bytes.c */
    case RH_K_MAPPINGPROXY: case RH_K_NAMESPACE: return hx_proxy_constructor(type); /* builtins_proxy.c */
    case RH_K_GENERICALIAS: return hx_genericalias_constructor(); /* builtins_proxy.c */
    default: return hx_builtins_iter_constructor(type); /* builtins_iter.c */
    }
}

int hx_builtins_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    I->builtins = rh_dict_new(rt);
    if (!I->builtins) return -1;
    int py2_range = rh_runtime_profile(rt)->range_returns_list;
    for (int i = 0; type_table[i].ctor; i++) {
        rh_object *t = (rh_object *)rh_builtin_type(rt, type_table[i].kind);
        if (type_table[i].kind == RH_K_RANGE && py2_range) { /* 2.7: the type is xrange, range() a function */
            rh_object *f = rh_builtin_new(rt, &b_range_list, NULL);
            int rc = !f || rh_dict_set_cstr(rt, I->builtins, "range", f) || rh_dict_set_cstr(rt, I->builtins, "xrange", t);
            rh_xdecref(rt, f);
            if (rc) return -1;
            continue;
        }
        if (rh_dict_set_cstr(rt, I->builtins, type_table[i].ctor->name, t)) return -1;
    }
    if (rh_dict_set_cstr(rt, I->builtins, "object", (rh_object *)rh_builtin_type(rt, RH_K_OBJECT))) return -1;
    for (int k = RH_EXC_NONE + 1; k < RH_EXC__COUNT; k++) /* the exception hierarchy the profile has */
        if (RH_API_DYN(I, "builtins", rh_exc_name((rh_exc)k)) &&
            rh_dict_set_cstr(rt, I->builtins, rh_exc_name((rh_exc)k), (rh_object *)rh_exc_type(rt, (rh_exc)k)))
            return -1;
    if (hx_exc_group_init(I)) return -1; /* builtins_exc.c: ExceptionGroup */
    /* Objects/exceptions.c _PyBuiltins_AddExceptions: 3.3's aliases of OSError (PEP 3151) */
    if (rh_runtime_profile(rt)->version_hex >= 0x0303)
        for (int i = 0; i < 2; i++)
            if (rh_dict_set_cstr(rt, I->builtins, i ? "IOError" : "EnvironmentError", (rh_object *)rh_exc_type(rt, RH_EXC_OS)))
                return -1;
    /* Python/bltinmodule.c _PyBuiltin_Init: Ellipsis then NotImplemented (every profile, 2.7 too) */
    if (rh_dict_set_cstr(rt, I->builtins, "Ellipsis", rh_ellipsis(rt))) return -1;
    if (rh_dict_set_cstr(rt, I->builtins, "NotImplemented", rh_notimplemented(rt))) return -1;
    for (int i = 0; builtin_table[i]; i++) {
        if (!RH_API_DYN(I, "builtins", builtin_table[i]->name)) continue; /* a function the version lacks (ascii) */
        rh_object *f = rh_builtin_new(rt, builtin_table[i], NULL);
        rh_object *k = f ? rh_str_intern_utf8(rt, builtin_table[i]->name, strlen(builtin_table[i]->name)) : NULL;
        int rc = k ? rh_dict_set(rt, I->builtins, k, f) : -1;
        rh_xdecref(rt, k);
        rh_xdecref(rt, f);
        if (rc) return -1;
    }
    if (hx_builtins_fmt_init(I)) return -1; /* builtins_fmt.c: format() */
    if (hx_builtins_bytes_init(I)) return -1; /* builtins_bytes.c: bytes, bytearray */
    if (hx_builtins_complex_init(I)) return -1; /* builtins_complex.c: complex */
    if (hx_builtins_slice_init(I)) return -1; /* builtins_slice.c: slice */
    if (hx_builtins_py2_init(I)) return -1; /* builtins_py2.c: 2.7's reduce, apply, intern, cmp */
    return hx_builtins_iter_init(I); /* builtins_iter.c */
}
