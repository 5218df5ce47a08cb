/* interp.c — the interpreter's state and the object protocols the VM's instructions use.
 *
 * Owns interpreter set-up and exit (hx_interp_init, hx_interp_finalize: CPython's finalize_modules), the
 * frame arena, the traceback of the pending error, the attribute protocol (getattr/setattr/delattr by
 * receiver), subscripts and slices, global-name lookup with its per-site hints, and iteration (GET_ITER /
 * FOR_ITER over lists, tuples, strs, dicts and ranges). Invariants:
 *  - functions return new references or NULL/-1 with the runtime error set; arguments are borrowed;
 *  - a lookup hint is checked on every use, never trusted, so no object is created, kept or freed
 *    because of it; the arena is the interpreter's own C memory, not librefheap objects.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* ---------------------------------------------------------------- fast-locals arena */

rh_object **hx_frame_alloc(hx_interp *I, size_t words, size_t zeroed) {
    size_t n = words ? words : 1;
    if (I->arena && I->arena_cap - I->arena_top >= n) {
        rh_object **p = I->arena + I->arena_top;
        I->arena_top += n;
        memset(p, 0, zeroed * sizeof *p);
        return p;
    }
    rh_object **p = calloc(n, sizeof *p);
    if (!p) abort();
    return p;
}

void hx_frame_free(hx_interp *I, rh_object **p) {
    if (I->arena && p >= I->arena && p < I->arena + I->arena_cap) I->arena_top = (size_t)(p - I->arena);
    else free(p);
}

const char *hx_tname(rh_object *o) {
    return rh_type_name(o);
}

/* ---------------------------------------------------------------- traceback */

void hx_tb_push(hx_interp *I, const char *func, int line) {
    I->tb_total++;
    if (I->ntb < (int)(sizeof I->tb / sizeof I->tb[0])) {
        snprintf(I->tb[I->ntb].func, sizeof I->tb[0].func, "%s", func);
        I->tb[I->ntb].line = line;
        I->ntb++;
    }
}

/* the source line `line`, stripped of indentation, into out */
static void source_line(hx_interp *I, int line, char *out, size_t n) {
    const char *p = I->src, *end = I->src + I->srclen;
    out[0] = 0;
    if (!p) return;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    size_t k = 0;
    while (p < end && *p != '\n' && *p != '\r' && k + 1 < n) out[k++] = *p++;
    while (k > 0 && (out[k - 1] == ' ' || out[k - 1] == '\t')) k--;
    out[k] = 0;
}

static void write_tb_lines(hx_interp *I) {
    char text[256];
    fputs("Traceback (most recent call last):\n", stderr);
    if (I->tb_total > I->ntb)
        fprintf(stderr, "  [%d more frames not shown]\n", I->tb_total - I->ntb);
    for (int i = I->ntb - 1; i >= 0; i--) {
        fprintf(stderr, "  File \"%s\", line %d, in %s\n", I->abspath ? I->abspath : I->filename, I->tb[i].line,
                I->tb[i].func);
        source_line(I, I->tb[i].line, text, sizeof text);
        if (text[0]) fprintf(stderr, "    %s\n", text);
    }
    rh_exc k = rh_err_occurred(I->rt);
    const char *msg = rh_err_message(I->rt);
    const char *name = k ? rh_exc_name(k) : "SystemError";
    /* UnboundLocalError is a NameError subclass the runtime has no kind for; its message is unique */
    if (k == RH_EXC_NAME && strncmp(msg, "cannot access local variable", 28) == 0) name = "UnboundLocalError";
    fprintf(stderr, "%s%s%s\n", name, msg[0] ? ": " : "", msg);
}

void hx_print_traceback(hx_interp *I) {
    fflush(stdout);
    write_tb_lines(I);
    fflush(stderr);
}

void hx_write_unraisable(hx_interp *I, rh_object *where_fn) {
    fflush(stdout);
    if (where_fn) {
        rh_object *r = hx_obj_repr(I, where_fn);
        const char *u = r ? rh_str_utf8(I->rt, r, NULL) : NULL;
        rh_exc k = rh_err_occurred(I->rt);
        char saved[512];
        snprintf(saved, sizeof saved, "%s", rh_err_message(I->rt));
        if (!r) rh_err_clear(I->rt);
        fprintf(stderr, "Exception ignored in: %s\n", u ? u : "<object>");
        if (r) rh_decref(I->rt, r);
        if (!rh_err_occurred(I->rt) && k) rh_err_set(I->rt, k, "%s", saved);
    }
    write_tb_lines(I);
    fflush(stderr);
    rh_err_clear(I->rt);
    I->ntb = 0;
    I->tb_total = 0;
}

/* ---------------------------------------------------------------- iteration */

/* GET_ITER: for lists, tuples, strs and dicts a GC-tracked iterator object that holds the only loop
 * reference to the sequence (dropped when exhausted, as CPython's iterators do); a range stays on the
 * stack as it is (its cursor in the loop slot: refheap makes no range_iterator, see docs/conformance.md).
 * The loop slot cur[0] is the position (range index, dict entry), cur[1] the length at the start. */
int hx_get_iter(hx_interp *I, rh_object **top, int64_t *cur) {
    rh_object *o = *top;
    rh_kind k = rh_kind_of(o);
    cur[0] = 0;
    switch (k) {
    case RH_K_RANGE:
        cur[1] = rh_range_len(o);
        return 0;
    case RH_K_LIST: case RH_K_TUPLE: case RH_K_STR: case RH_K_DICT: {
        cur[1] = k == RH_K_STR ? (int64_t)rh_str_len(o) : k == RH_K_DICT ? (int64_t)rh_dict_len(o) : 0;
        rh_object *it = rh_iter_new(I->rt, o);
        if (!it) return -1;
        *top = it;
        rh_decref(I->rt, o);
        return 0;
    }
    default:
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object is not iterable", hx_tname(o));
        return -1;
    }
}

/* FOR_ITER: 1 with a new reference in *out, 0 at the end (the iterator has dropped its sequence), -1 on
 * error. */
int hx_for_iter(hx_interp *I, rh_object *it, int64_t *cur, rh_object **out) {
    if (rh_kind_of(it) == RH_K_RANGE) {
        if (cur[0] >= cur[1]) return 0;
        *out = rh_int_from_i64(I->rt, rh_range_item(it, cur[0]++));
        return *out ? 1 : -1;
    }
    rh_object *seq = rh_iter_seq(it);
    if (!seq) return 0;
    int64_t *ix = rh_iter_index(it);
    switch (rh_kind_of(seq)) {
    case RH_K_LIST:
        if ((size_t)*ix >= rh_list_len(seq)) break;
        *out = newref(rh_list_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_TUPLE:
        if ((size_t)*ix >= rh_tuple_len(seq)) break;
        *out = newref(rh_tuple_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_STR:
        if (*ix >= cur[1]) break;
        *out = rh_str_getitem(I->rt, seq, (*ix)++);
        return *out ? 1 : -1;
    case RH_K_DICT: {
        if ((int64_t)rh_dict_len(seq) != cur[1]) {
            rh_err_set(I->rt, RH_EXC_RUNTIME, "dictionary changed size during iteration");
            rh_iter_exhaust(I->rt, it);
            return -1;
        }
        rh_object *k, *v;
        size_t pos = (size_t)cur[0];
        int more = rh_dict_next(seq, &pos, &k, &v);
        cur[0] = (int64_t)pos;
        if (!more) break;
        *out = newref(k);
        return 1;
    }
    default: break;
    }
    rh_iter_exhaust(I->rt, it);
    return 0;
}

rh_object *hx_iter_list(hx_interp *I, rh_object *o) {
    if (rh_kind_of(o) == RH_K_LIST || rh_kind_of(o) == RH_K_TUPLE) return newref(o);
    rh_object *it = newref(o);
    int64_t cur[2];
    if (hx_get_iter(I, &it, cur) != 0) { rh_decref(I->rt, it); return NULL; }
    rh_object *l = rh_list_new(I->rt, 0);
    rh_object *x;
    int r = 0;
    while (l && (r = hx_for_iter(I, it, cur, &x)) == 1) {
        int e = rh_list_append(I->rt, l, x);
        rh_decref(I->rt, x);
        if (e) { rh_decref(I->rt, l); l = NULL; }
    }
    if (l && r < 0) { rh_decref(I->rt, l); l = NULL; }
    rh_decref(I->rt, it);
    return l;
}

/* ---------------------------------------------------------------- attributes */

static rh_object *class_of(rh_object *o) { return (rh_object *)rh_type_of(o); }

static rh_object *type_attr(hx_interp *I, rh_object *t, rh_object *name) {
    rh_type *ty = (rh_type *)t;
    if (rh_str_eq(name, I->s_name)) {
        if (ty->name_obj) return newref(ty->name_obj);
        return rh_str_from_cstr(I->rt, ty->name);
    }
    if (hx_is_heap_class(t)) {
        if (rh_str_eq_cstr(name, "__mro__") && ty->mro && !(ty->flags & RH_TPFLAG_CLASSIC)) return newref(ty->mro);
        if (rh_str_eq_cstr(name, "__bases__") && ty->bases) return newref(ty->bases);
        if (rh_str_eq_cstr(name, "__dict__") && ty->dict) return rh_class_dict(I->rt, t);
        rh_object *v = rh_class_lookup(I->rt, t, name);
        if (v) return newref(v);
        if (rh_err_occurred(I->rt)) return NULL;
    }
    rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "type object '%s' has no attribute '%s'", ty->name, hx_cstr(I, name));
    return NULL;
}

rh_object *hx_getattr_obj(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: {
        if (rh_str_eq(name, I->s_class)) return newref(class_of(o));
        if (rh_str_eq(name, I->s_dict)) return rh_instance_dict(rt, o);
        rh_object *r = rh_getattr(rt, o, name);
        if (r && rh_kind_of(r) == RH_K_FUNCTION && rh_class_lookup(rt, class_of(o), name) == r) {
            rh_object *m = rh_method_new(rt, r, o);
            rh_decref(rt, r);
            return m;
        }
        return r;
    }
    case RH_K_TYPE: return type_attr(I, o, name);
    case RH_K_MODULE: {
        rh_object *v = rh_dict_get(rt, rh_module_dict(o), name);
        if (v) return newref(v);
        if (rh_err_occurred(rt)) return NULL;
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", hx_cstr(I, rh_module_name(o)), hx_cstr(I, name));
        return NULL;
    }
    case RH_K_FUNCTION:
        if (rh_str_eq(name, I->s_name)) return newref(rh_func_name(o));
        if (rh_str_eq(name, I->s_qualname)) return newref(rh_func_qualname(o));
        if (rh_str_eq(name, I->s_module)) return newref(I->s_main);
        break;
    case RH_K_METHOD:
        if (rh_str_eq_cstr(name, "__self__")) return newref(rh_method_self(o));
        if (rh_str_eq_cstr(name, "__func__")) return newref(rh_method_func(o));
        if (rh_str_eq(name, I->s_name)) return newref(rh_func_name(rh_method_func(o)));
        break;
    case RH_K_BUILTIN:
        if (rh_str_eq(name, I->s_name)) return rh_str_from_cstr(rt, rh_builtin_get_def(o)->name);
        break;
    case RH_K_WEAKREF:
        if (rh_str_eq(name, I->s_callback) && RH_API(I, "weakref", "__callback__")) return newref(rh_weakref_callback(o));
        break;
    default: {
        if (rh_str_eq(name, I->s_class)) return newref(class_of(o));
        const rh_builtin_def *d = hx_find_method_def(I, o, hx_cstr(I, name));
        if (d) return rh_builtin_new(rt, d, o);
        break;
    }
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
    return NULL;
}

int hx_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: return rh_setattr(rt, o, name, v);
    case RH_K_TYPE:
        if (hx_is_heap_class(o)) return rh_setattr(rt, o, name, v); /* type_setattro */
        rh_err_set(rt, RH_EXC_TYPE, "cannot set '%s' attribute of immutable type '%s'", hx_cstr(I, name), ((rh_type *)o)->name);
        return -1;
    case RH_K_MODULE: return rh_dict_set(rt, rh_module_dict(o), name, v);
    default:
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
        return -1;
    }
}

int hx_delattr(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: return rh_delattr(rt, o, name);
    case RH_K_TYPE:
        if (hx_is_heap_class(o)) return rh_delattr(rt, o, name);
        break;
    case RH_K_MODULE:
        if (rh_dict_del(rt, rh_module_dict(o), name) == 0) return 0;
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", hx_cstr(I, rh_module_name(o)), hx_cstr(I, name));
        return -1;
    default: break;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), hx_cstr(I, name));
    return -1;
}

/* ---------------------------------------------------------------- subscripts */

static int index_of(hx_interp *I, rh_object *o, rh_object *idx, int64_t len, int64_t *out, const char *what) {
    if (!hx_is_intlike(idx)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s indices must be integers or slices, not %s", what, hx_tname(idx));
        return -1;
    }
    (void)o;
    int64_t i;
    if (rh_index_value(I->rt, idx, &i)) return -1;
    if (i < 0) i += len;
    *out = i;
    return 0;
}

static int64_t seq_len(rh_object *o) {
    switch (rh_kind_of(o)) {
    case RH_K_LIST: return (int64_t)rh_list_len(o);
    case RH_K_TUPLE: return (int64_t)rh_tuple_len(o);
    case RH_K_STR: return (int64_t)rh_str_len(o);
    case RH_K_RANGE: return rh_range_len(o);
    default: return -1;
    }
}

/* Replaces the pending error with KeyError(repr(key)), as CPython reports a missing key. */
static void key_error_for(hx_interp *I, rh_object *key) {
    rh_object *rep = hx_obj_repr(I, key);
    if (rep) { rh_err_set(I->rt, RH_EXC_KEY, "%s", hx_cstr(I, rep)); rh_decref(I->rt, rep); }
}

/* Index idx of list o for item assignment or deletion into *i; -1 with the error set if it is not one. */
static int list_assign_index(hx_interp *I, rh_object *o, rh_object *idx, int64_t *i) {
    if (index_of(I, o, idx, (int64_t)rh_list_len(o), i, "list") != 0) return -1;
    if (*i < 0 || *i >= (int64_t)rh_list_len(o)) { rh_err_set(I->rt, RH_EXC_INDEX, "list assignment index out of range"); return -1; }
    return 0;
}

/* Normalise slice bounds b (given where has[k]) against length len: start, stop, step, count. */
static int64_t slice_norm(int64_t len, const int64_t b[3], const int has[3], int64_t *st, int64_t *sp, int64_t *step) {
    *st = b[0];
    *sp = b[1];
    *step = b[2];
    return rh_slice_indices(len, has[0], st, has[1], sp, *step);
}

static int step_ok(hx_interp *I, const int64_t b[3], const int has[3]) {
    if (has[2] && b[2] == 0) { rh_err_set(I->rt, RH_EXC_VALUE, "slice step cannot be zero"); return 0; }
    return 1;
}

rh_object *hx_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    int64_t len = seq_len(o), st, sp, step;
    if (len < 0 || k == RH_K_RANGE) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", hx_tname(o));
        return NULL;
    }
    if (!step_ok(I, b, has)) return NULL;
    slice_norm(len, b, has, &st, &sp, &step);
    if (k == RH_K_LIST) return rh_list_slice(rt, o, st, sp, step);
    if (k == RH_K_TUPLE) return rh_tuple_slice(rt, o, st, sp, step);
    return rh_str_slice(rt, o, st, sp, step);
}

int hx_del_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item deletion", hx_tname(o));
        return -1;
    }
    if (!step_ok(I, b, has)) return -1;
    int64_t st, sp, step;
    slice_norm((int64_t)rh_list_len(o), b, has, &st, &sp, &step);
    return rh_list_ass_slice(rt, o, st, sp, step, NULL);
}

/* o[b] = v for a list o (list_ass_subscript): v as it is when a list or tuple, else the list its items make
 * (PySequence_Fast). */
int hx_store_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3], rh_object *v) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item assignment", hx_tname(o));
        return -1;
    }
    if (!step_ok(I, b, has)) return -1;
    rh_kind k = rh_kind_of(v);
    rh_object *seq;
    if (k == RH_K_LIST || k == RH_K_TUPLE) {
        seq = newref(v);
    } else if (k == RH_K_STR || k == RH_K_DICT || k == RH_K_RANGE) {
        if (!(seq = hx_iter_list(I, v))) return -1;
    } else {
        rh_err_set(rt, RH_EXC_TYPE, has[2] && b[2] != 1 ? "must assign iterable to extended slice"
                                                         : "can only assign an iterable");
        return -1;
    }
    int64_t st, sp, step;
    slice_norm((int64_t)rh_list_len(o), b, has, &st, &sp, &step);
    int rc = rh_list_ass_slice(rt, o, st, sp, step, seq);
    rh_decref(rt, seq);
    return rc;
}

rh_object *hx_subscr(hx_interp *I, rh_object *o, rh_object *idx) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    rh_object *r = NULL;
    int64_t i;
    switch (k) {
    case RH_K_DICT:
        r = rh_dict_get(rt, o, idx);
        if (r) r = newref(r);
        else if (!rh_err_occurred(rt)) key_error_for(I, idx);
        break;
    case RH_K_LIST: case RH_K_TUPLE: case RH_K_STR: case RH_K_RANGE: {
        const char *what = k == RH_K_LIST ? "list" : k == RH_K_TUPLE ? "tuple" : k == RH_K_STR ? "string" : "range object";
        int64_t len = seq_len(o);
        if (index_of(I, o, idx, len, &i, k == RH_K_STR ? "string" : k == RH_K_RANGE ? "range" : what) != 0) break;
        if (i < 0 || i >= len) {
            rh_err_set(rt, RH_EXC_INDEX, "%s index out of range", what);
            break;
        }
        if (k == RH_K_LIST) r = newref(rh_list_get(o, (size_t)i));
        else if (k == RH_K_TUPLE) r = newref(rh_tuple_get(o, (size_t)i));
        else if (k == RH_K_STR) r = rh_str_getitem(rt, o, i);
        else r = rh_int_from_i64(rt, rh_range_item(o, i));
        break;
    }
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", hx_tname(o));
        break;
    }
    return r;
}

int hx_store_subscr(hx_interp *I, rh_object *o, rh_object *idx, rh_object *v) {
    rh_runtime *rt = I->rt;
    int64_t i;
    switch (rh_kind_of(o)) {
    case RH_K_DICT: return rh_dict_set(rt, o, idx, v);
    case RH_K_LIST:
        if (list_assign_index(I, o, idx, &i) != 0) return -1;
        return rh_list_setitem(rt, o, i, v);
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item assignment", hx_tname(o));
        return -1;
    }
}

int hx_del_subscr(hx_interp *I, rh_object *o, rh_object *idx) {
    rh_runtime *rt = I->rt;
    int64_t i;
    switch (rh_kind_of(o)) {
    case RH_K_DICT: {
        int rc = rh_dict_del(rt, o, idx);
        if (rc != 0 && rh_err_occurred(rt) == RH_EXC_KEY) key_error_for(I, idx);
        return rc;
    }
    case RH_K_LIST:
        if (list_assign_index(I, o, idx, &i) != 0) return -1;
        return rh_list_delitem(rt, o, i);
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item deletion", hx_tname(o));
        return -1;
    }
}

/* ---------------------------------------------------------------- names */

/* rh_dict_get(d, name) for a name node, remembering the entry position where the name was found. A
 * remembered position is only a hint: the entry read back there must hold this very key object (a live
 * entry with the key is the key's only entry), so changes to the dict can never make it stale. The search
 * for a position is dropped for a node whose name keeps moving (deleted and re-bound). */
#define GCACHE_REFILLS 8
static __attribute__((noinline)) rh_object *cached_refill(hx_interp *I, rh_object *d, rh_object *name, int *pos,
                                                          int *refills) {
    rh_object *k, *v = rh_dict_get(I->rt, d, name);
    if (!v || *pos < 0) return v;
    if (++*refills > GCACHE_REFILLS) { *pos = -1; return v; }
    rh_object *w;
    size_t p = 0;
    for (int steps = 0; steps < 64 && rh_dict_next(d, &p, &k, &w); steps++)
        if (k == name) { *pos = p <= (size_t)INT32_MAX ? (int)p : -1; return v; }
    *pos = -1;
    return v;
}

static inline rh_object *cached_get(hx_interp *I, rh_object *d, rh_object *name, int *pos, int *refills) {
    if (*pos > 0) {
        rh_object *k, *v;
        size_t p = (size_t)(*pos - 1);
        if (rh_dict_next(d, &p, &k, &v) && k == name) return v;
    }
    return cached_refill(I, d, name, pos, refills);
}

rh_object *hx_load_global(hx_interp *I, rh_object *globals, hx_gcache *gc) {
    rh_object *v = globals ? cached_get(I, globals, gc->name, &gc->gpos, &gc->grefills) : NULL;
    if (!v && !rh_err_occurred(I->rt)) v = cached_get(I, I->builtins, gc->name, &gc->bpos, &gc->brefills);
    if (v) return newref(v);
    if (rh_err_occurred(I->rt)) return NULL;
    rh_err_set(I->rt, RH_EXC_NAME, "name '%s' is not defined", hx_cstr(I, gc->name));
    return NULL;
}

/* ---------------------------------------------------------------- module */

/* pyrun_file frees the AST arena and the module's code object once the module body has run: their
 * references to constants go (function code objects keep theirs until teardown). Error state is kept. */
void hx_release_module_consts(hx_interp *I) {
    if (I->consts_released) return;
    I->consts_released = 1;
    rh_exc k = rh_err_occurred(I->rt);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", rh_err_message(I->rt));
    for (int i = 0; i < I->nearly; i++) rh_decref(I->rt, I->early[i]);
    I->nearly = 0;
    for (int i = 0; i < I->nconsts; i++) rh_decref(I->rt, I->consts[i]);
    I->nconsts = 0;
    if (k && !rh_err_occurred(I->rt)) {
        if (k == RH_EXC_MEMORY && !msg[0]) rh_err_nomemory(I->rt);
        else rh_err_set(I->rt, k, "%s", msg);
    }
}

static rh_object *intern_c(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }

int hx_interp_init(hx_interp *I, rh_runtime *rt) {
    I->rt = rt;
#define HX_NAME_INIT(field, text) if (!(I->field = intern_c(rt, text))) return -1;
    HX_INTERNED_NAMES(HX_NAME_INIT)
#undef HX_NAME_INIT
    I->arena_cap = (size_t)1 << 15;
    I->arena = malloc(I->arena_cap * sizeof *I->arena);
    if (!I->arena) I->arena_cap = 0;
    I->globals = rh_dict_new(rt);
    I->marks = rh_list_new(rt, 0);
    if (!I->globals || !I->marks) return -1;
    if (rh_dict_set(rt, I->globals, I->s_name, I->s_main) != 0) return -1;
    return hx_builtins_init(I);
}

/* Interpreter exit, as CPython 3.11's finalize_modules: __main__ leaves sys.modules, and since its functions
 * and classes refer to its globals dict, the dict and everything only it holds become cyclic garbage for
 * the shutdown collection (_PyGC_CollectNoFail): their __del__ methods run in GC-list order. Without such
 * a cycle, dropping the dict deallocates it and its entries in order, as module_dealloc does. Then the
 * other modules go and a second collection runs. */
/* _PyModule_Clear, 2.7 (PyImport_Cleanup at exit): the module's names are set to None in dict order,
 * first those starting with a single underscore, then all others but __builtins__. The objects die
 * here, by refcount, so their __del__ runs even when a legacy finalizer would keep a cycle in gc.garbage. */
static void module_clear_27(hx_interp *I, rh_object *g) {
    rh_runtime *rt = I->rt;
    for (int pass = 0; pass < 2; pass++) {
        size_t pos = 0;
        rh_object *k, *v;
        while (rh_dict_next(g, &pos, &k, &v)) {
            const char *name = rh_kind_of(k) == RH_K_STR ? rh_str_utf8(rt, k, NULL) : NULL;
            if (!name || v == rh_none(rt) || strcmp(name, "__builtins__") == 0) continue;
            int under = name[0] == '_' && name[1] != '_';
            if (pass == 0 && !under) continue;
            rh_incref(k);
            if (rh_dict_set(rt, g, k, rh_none(rt)) != 0) rh_err_clear(rt);
            rh_decref(rt, k);
        }
    }
}

void hx_interp_finalize(hx_interp *I) {
    rh_runtime *rt = I->rt;
    I->exiting = 1;
    rh_err_clear(rt);
    rh_object *g = I->globals;
    I->globals = NULL;
    if (g && rh_runtime_profile(rt)->python2) module_clear_27(I, g);
    rh_xdecref(rt, g);
    rh_gc_collect(rt, 2);
    rh_err_clear(rt);
    rh_object **mods[] = {&I->mod_gc, &I->mod_sys, &I->mod_weakref, &I->mod_refheap};
    for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
        rh_object *m = *mods[i];
        *mods[i] = NULL;
        if (m) rh_dict_clear(rt, rh_module_dict(m));
        rh_xdecref(rt, m);
    }
    rh_gc_collect(rt, 2);
    rh_err_clear(rt);
}
