/* eval.c — the evaluator: executes the resolved tree over librefheap objects.
 *
 * Owns statement execution, expression evaluation, name binding, calls (Python functions, bound methods,
 * classes, built-ins), attribute and subscript protocols, the traceback of the pending error, the
 * fast-locals arena and the per-node lookup hints (global entry positions, built-in method defs).
 * Invariants (the reference discipline of CPython 3.11's value stack):
 *  - eval() returns a new reference (a value-stack slot) or NULL with the runtime error set;
 *  - a temporary is released as soon as its consumer is done with it, in CPython's order;
 *  - arguments of a call to a Python function are moved into the callee's fast locals; the callee's
 *    locals are released in slot order when it returns, before the caller continues;
 *  - binding a name stores first and releases the previous value afterwards (as STORE_* / SETLOCAL).
 *  - lookup hints and the arena are the evaluator's own C memory: a hint is checked on every use, never
 *    trusted, so no object is created, kept or freed because of them.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

enum { ST_OK = 0, ST_ERR = -1, ST_BREAK = 1, ST_CONT = 2, ST_RET = 3 };
#define RH_MAX_CALL_DEPTH 996

static rh_object *eval_node(rh_interp *I, rh_frame *f, rh_node *n);
static rh_object *load_name(rh_interp *I, rh_frame *f, rh_node *n);
/* Evaluate an expression: a new reference, or NULL with the error set. Leaves take no call. */
static inline rh_object *eval(rh_interp *I, rh_frame *f, rh_node *n) {
    if (n->kind == E_CONST) { rh_incref(n->cst); return n->cst; }
    if (n->kind == E_NAME) {
        if (n->scope == SC_FAST && f->fast[n->slot]) { rh_incref(f->fast[n->slot]); return f->fast[n->slot]; }
        return load_name(I, f, n);
    }
    return eval_node(I, f, n);
}
static int exec_body(rh_interp *I, rh_frame *f, rh_node **b, int nb);
static int store(rh_interp *I, rh_frame *f, rh_node *t, rh_object *v);

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none_ref(rh_interp *I) { return newref(rh_none(I->rt)); }

/* ---------------------------------------------------------------- fast-locals arena */

/* Zeroed fast locals for a frame: from the interpreter's LIFO arena (frames nest strictly), or calloc when
 * it is full. Plain C memory of the interpreter, not librefheap objects. */
static rh_object **fast_alloc(rh_interp *I, int nslots) {
    size_t n = (size_t)(nslots ? nslots : 1);
    if (I->arena && I->arena_cap - I->arena_top >= n) {
        rh_object **p = I->arena + I->arena_top;
        I->arena_top += n;
        memset(p, 0, n * sizeof *p);
        return p;
    }
    rh_object **p = calloc(n, sizeof *p);
    if (!p) abort();
    return p;
}

static void fast_free(rh_interp *I, rh_object **p) {
    if (I->arena && p >= I->arena && p < I->arena + I->arena_cap) I->arena_top = (size_t)(p - I->arena);
    else free(p);
}

const char *rh_tname(rh_object *o) {
    return rh_type_name(o);
}

/* ---------------------------------------------------------------- traceback */

static void tb_push(rh_interp *I, const char *func, int line) {
    I->tb_total++;
    if (I->ntb < (int)(sizeof I->tb / sizeof I->tb[0])) {
        snprintf(I->tb[I->ntb].func, sizeof I->tb[0].func, "%s", func);
        I->tb[I->ntb].line = line;
        I->ntb++;
    }
}

/* the source line `line`, stripped of indentation, into out */
static void source_line(rh_interp *I, int line, char *out, size_t n) {
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

static void write_tb_lines(rh_interp *I) {
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

void rh_print_traceback(rh_interp *I) {
    fflush(stdout);
    write_tb_lines(I);
    fflush(stderr);
}

void rh_write_unraisable(rh_interp *I, rh_object *where_fn) {
    fflush(stdout);
    if (where_fn) {
        rh_object *r = rh_obj_repr(I, where_fn);
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

/* ---------------------------------------------------------------- errors */

static void *name_error(rh_interp *I, rh_node *n) {
    rh_err_set(I->rt, RH_EXC_NAME, "name '%s' is not defined", n->name);
    return NULL;
}


/* ---------------------------------------------------------------- operations (ops.c) */

static int is_intlike(rh_object *o) { return rh_is_intlike(o); }
static int as_i64(rh_interp *I, rh_object *o, int64_t *v) { return rh_as_i64(I, o, v); }
static const char *cstr(rh_interp *I, rh_object *s) { return rh_cstr(I, s); }
static int truthy(rh_interp *I, rh_object *o) { return rh_truth(I, o); }
static rh_object *binop(rh_interp *I, int op, rh_object *a, rh_object *b, int inplace) {
    return rh_eval_binop(I, op, a, b, inplace);
}
static rh_object *eval_unary(rh_interp *I, rh_object *a, int op) { return rh_eval_unary(I, a, op); }

/* ---------------------------------------------------------------- iteration */

/* What GET_ITER leaves on the stack: for lists, tuples, strs and dicts a GC-tracked iterator object that
 * holds the only loop reference to the sequence (dropped when exhausted, as CPython's iterators do);
 * for ranges the range itself (CPython's range_iterator is not a GC object). */
typedef struct iter {
    rh_object *itobj;   /* owned iterator object, or NULL for ranges */
    rh_object *range;   /* owned, ranges only */
    rh_kind kind;
    int64_t n;          /* range / str length; dict size at the start */
    size_t pos;         /* dict position */
    int64_t ri;         /* range position */
} iter;

static int iter_init(rh_interp *I, iter *it, rh_object *o) {
    memset(it, 0, sizeof *it);
    it->kind = rh_kind_of(o);
    switch (it->kind) {
    case RH_K_RANGE:
        it->range = newref(o);
        it->n = rh_range_len(o);
        return 0;
    case RH_K_LIST: case RH_K_TUPLE: case RH_K_STR: case RH_K_DICT:
        it->n = it->kind == RH_K_STR ? (int64_t)rh_str_len(o) : it->kind == RH_K_DICT ? (int64_t)rh_dict_len(o) : 0;
        it->itobj = rh_iter_new(I->rt, o);
        return it->itobj ? 0 : -1;
    default:
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object is not iterable", rh_tname(o));
        return -1;
    }
}

/* 1 with a new reference in *out, 0 at the end, -1 on error */
static int iter_next(rh_interp *I, iter *it, rh_object **out) {
    if (it->kind == RH_K_RANGE) {
        if (it->ri >= it->n) return 0;
        *out = rh_int_from_i64(I->rt, rh_range_item(it->range, it->ri++));
        return *out ? 1 : -1;
    }
    rh_object *seq = rh_iter_seq(it->itobj);
    if (!seq) return 0;
    int64_t *ix = rh_iter_index(it->itobj);
    switch (it->kind) {
    case RH_K_LIST:
        if ((size_t)*ix >= rh_list_len(seq)) break;
        *out = newref(rh_list_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_TUPLE:
        if ((size_t)*ix >= rh_tuple_len(seq)) break;
        *out = newref(rh_tuple_get(seq, (size_t)(*ix)++));
        return 1;
    case RH_K_STR:
        if (*ix >= it->n) break;
        *out = rh_str_getitem(I->rt, seq, (*ix)++);
        return *out ? 1 : -1;
    case RH_K_DICT: {
        if ((int64_t)rh_dict_len(seq) != it->n) {
            rh_err_set(I->rt, RH_EXC_RUNTIME, "dictionary changed size during iteration");
            rh_iter_exhaust(I->rt, it->itobj);
            return -1;
        }
        rh_object *k, *v;
        if (!rh_dict_next(seq, &it->pos, &k, &v)) break;
        *out = newref(k);
        return 1;
    }
    default: break;
    }
    rh_iter_exhaust(I->rt, it->itobj);
    return 0;
}

static void iter_done(rh_interp *I, iter *it) {
    rh_xdecref(I->rt, it->itobj);
    rh_xdecref(I->rt, it->range);
    it->itobj = it->range = NULL;
}

rh_object *rh_iter_list(rh_interp *I, rh_object *o) {
    if (rh_kind_of(o) == RH_K_LIST || rh_kind_of(o) == RH_K_TUPLE) return newref(o);
    iter it;
    if (iter_init(I, &it, o) != 0) return NULL;
    rh_object *l = rh_list_new(I->rt, 0);
    rh_object *x;
    int r;
    while (l && (r = iter_next(I, &it, &x)) == 1) {
        int e = rh_list_append(I->rt, l, x);
        rh_decref(I->rt, x);
        if (e) { rh_decref(I->rt, l); l = NULL; }
    }
    if (l && r < 0) { rh_decref(I->rt, l); l = NULL; }
    iter_done(I, &it);
    return l;
}

/* ---------------------------------------------------------------- attributes */

static rh_object *class_of(rh_object *o) { return (rh_object *)rh_type_of(o); }

static rh_object *type_attr(rh_interp *I, rh_object *t, rh_object *name) {
    rh_type *ty = (rh_type *)t;
    if (rh_str_eq(name, I->s_name)) {
        if (ty->name_obj) return newref(ty->name_obj);
        return rh_str_from_cstr(I->rt, ty->name);
    }
    if (rh_is_heap_class(t)) {
        if (rh_str_eq_cstr(name, "__mro__") && ty->mro && !(ty->flags & RH_TPFLAG_CLASSIC)) return newref(ty->mro);
        if (rh_str_eq_cstr(name, "__bases__") && ty->bases) return newref(ty->bases);
        if (rh_str_eq_cstr(name, "__dict__") && ty->dict) return newref(ty->dict);
        rh_object *v = rh_class_lookup(I->rt, t, name);
        if (v) return newref(v);
        if (rh_err_occurred(I->rt)) return NULL;
    }
    rh_err_set(I->rt, RH_EXC_ATTRIBUTE, "type object '%s' has no attribute '%s'", ty->name, cstr(I, name));
    return NULL;
}

rh_object *rh_getattr_obj(rh_interp *I, rh_object *o, rh_object *name) {
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
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", cstr(I, rh_module_name(o)), cstr(I, name));
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
        const rh_builtin_def *d = rh_find_method_def(I, o, cstr(I, name));
        if (d) return rh_builtin_new(rt, d, o);
        break;
    }
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_tname(o), cstr(I, name));
    return NULL;
}

static int setattr_obj(rh_interp *I, rh_object *o, rh_object *name, rh_object *v) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: return rh_setattr(rt, o, name, v);
    case RH_K_TYPE:
        if (rh_is_heap_class(o)) return rh_dict_set(rt, ((rh_type *)o)->dict, name, v);
        rh_err_set(rt, RH_EXC_TYPE, "cannot set '%s' attribute of immutable type '%s'", cstr(I, name), ((rh_type *)o)->name);
        return -1;
    case RH_K_MODULE: return rh_dict_set(rt, rh_module_dict(o), name, v);
    default:
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_tname(o), cstr(I, name));
        return -1;
    }
}

static int delattr_obj(rh_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(o)) {
    case RH_K_INSTANCE: return rh_delattr(rt, o, name);
    case RH_K_TYPE:
        if (rh_is_heap_class(o)) {
            if (rh_dict_del(rt, ((rh_type *)o)->dict, name) == 0) return 0;
            rh_err_set(rt, RH_EXC_ATTRIBUTE, "type object '%s' has no attribute '%s'", ((rh_type *)o)->name, cstr(I, name));
            return -1;
        }
        break;
    case RH_K_MODULE:
        if (rh_dict_del(rt, rh_module_dict(o), name) == 0) return 0;
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "module '%s' has no attribute '%s'", cstr(I, rh_module_name(o)), cstr(I, name));
        return -1;
    default: break;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_tname(o), cstr(I, name));
    return -1;
}

/* ---------------------------------------------------------------- subscripts */

static int index_of(rh_interp *I, rh_object *o, rh_object *idx, int64_t len, int64_t *out, const char *what) {
    if (!is_intlike(idx)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s indices must be integers or slices, not %s", what, rh_tname(idx));
        return -1;
    }
    (void)o;
    int64_t i;
    if (as_i64(I, idx, &i)) return -1;
    if (i < 0) i += len;
    *out = i;
    return 0;
}

static int slice_bounds(rh_interp *I, rh_frame *f, rh_node *s, int64_t len, int64_t *start, int64_t *stop,
                        int64_t *step, int64_t *count) {
    int64_t v[3] = {0, 0, 1};
    int has[3] = {0, 0, 0};
    rh_node *parts[3] = {s->a, s->b, s->c};
    for (int k = 0; k < 3; k++) {
        if (!parts[k]) continue;
        rh_object *o = eval(I, f, parts[k]);
        if (!o) return -1;
        if (o != rh_none(I->rt)) {
            if (!is_intlike(o)) {
                rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
                rh_decref(I->rt, o);
                return -1;
            }
            if (as_i64(I, o, &v[k])) { rh_decref(I->rt, o); return -1; }
            has[k] = 1;
        }
        rh_decref(I->rt, o);
    }
    if (has[2] && v[2] == 0) { rh_err_set(I->rt, RH_EXC_VALUE, "slice step cannot be zero"); return -1; }
    *step = v[2];
    *start = v[0];
    *stop = v[1];
    *count = rh_slice_indices(len, has[0], start, has[1], stop, *step);
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
static void key_error_for(rh_interp *I, rh_object *key) {
    rh_object *rep = rh_obj_repr(I, key);
    if (rep) { rh_err_set(I->rt, RH_EXC_KEY, "%s", cstr(I, rep)); rh_decref(I->rt, rep); }
}

/* Index idx of list o for item assignment or deletion into *i; -1 with the error set if it is not one. */
static int list_assign_index(rh_interp *I, rh_object *o, rh_object *idx, int64_t *i) {
    if (index_of(I, o, idx, (int64_t)rh_list_len(o), i, "list") != 0) return -1;
    if (*i < 0 || *i >= (int64_t)rh_list_len(o)) { rh_err_set(I->rt, RH_EXC_INDEX, "list assignment index out of range"); return -1; }
    return 0;
}

static rh_object *subscript(rh_interp *I, rh_frame *f, rh_object *o, rh_node *idxnode) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    if (idxnode->kind == E_SLICE) {
        int64_t len = seq_len(o), st, sp, step, cnt;
        if (len < 0 || k == RH_K_RANGE) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", rh_tname(o));
            return NULL;
        }
        if (slice_bounds(I, f, idxnode, len, &st, &sp, &step, &cnt)) return NULL;
        if (k == RH_K_LIST) return rh_list_slice(rt, o, st, sp, step);
        if (k == RH_K_TUPLE) return rh_tuple_slice(rt, o, st, sp, step);
        return rh_str_slice(rt, o, st, sp, step);
    }
    rh_object *idx = eval(I, f, idxnode);
    if (!idx) return NULL;
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
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", rh_tname(o));
        break;
    }
    rh_decref(rt, idx);
    return r;
}

static int store_subscript(rh_interp *I, rh_frame *f, rh_object *o, rh_node *idxnode, rh_object *v) {
    rh_runtime *rt = I->rt;
    if (idxnode->kind == E_SLICE) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "slice assignment is not supported by refheap");
        return -1;
    }
    rh_object *idx = eval(I, f, idxnode);
    if (!idx) return -1;
    int rc = -1;
    int64_t i;
    switch (rh_kind_of(o)) {
    case RH_K_DICT: rc = rh_dict_set(rt, o, idx, v); break;
    case RH_K_LIST:
        if (list_assign_index(I, o, idx, &i) == 0) rc = rh_list_setitem(rt, o, i, v);
        break;
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item assignment", rh_tname(o));
        break;
    }
    rh_decref(rt, idx);
    return rc;
}

static int del_subscript(rh_interp *I, rh_frame *f, rh_object *o, rh_node *idxnode) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    if (idxnode->kind == E_SLICE) {
        if (k != RH_K_LIST) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item deletion", rh_tname(o));
            return -1;
        }
        int64_t st, sp, step, cnt;
        if (slice_bounds(I, f, idxnode, (int64_t)rh_list_len(o), &st, &sp, &step, &cnt)) return -1;
        if (cnt == (int64_t)rh_list_len(o) && cnt > 0 && (step == 1 || step == -1)) return rh_list_clear(rt, o);
        /* delete the selected indices from the highest down so earlier indices stay valid */
        for (int64_t j = cnt - 1; j >= 0; j--) {
            int64_t idx = step > 0 ? st + j * step : st + (cnt - 1 - j) * step;
            if (rh_list_delitem(rt, o, idx) != 0) return -1;
        }
        return 0;
    }
    rh_object *idx = eval(I, f, idxnode);
    if (!idx) return -1;
    int rc = -1;
    int64_t i;
    switch (k) {
    case RH_K_DICT:
        rc = rh_dict_del(rt, o, idx);
        if (rc != 0 && rh_err_occurred(rt) == RH_EXC_KEY) key_error_for(I, idx);
        break;
    case RH_K_LIST:
        if (list_assign_index(I, o, idx, &i) == 0) rc = rh_list_delitem(rt, o, i);
        break;
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item deletion", rh_tname(o));
        break;
    }
    rh_decref(rt, idx);
    return rc;
}

/* ---------------------------------------------------------------- names */

/* rh_dict_get(d, name) for a name node, remembering the entry position where the name was found. A
 * remembered position is only a hint: the entry read back there must hold this very key object (a live
 * entry with the key is the key's only entry), so changes to the dict can never make it stale. The search
 * for a position is dropped for a node whose name keeps moving (deleted and re-bound). */
#define GCACHE_REFILLS 8
static __attribute__((noinline)) rh_object *cached_refill(rh_interp *I, rh_object *d, rh_object *name, int *pos,
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

static inline rh_object *cached_get(rh_interp *I, rh_object *d, rh_object *name, int *pos, int *refills) {
    if (*pos > 0) {
        rh_object *k, *v;
        size_t p = (size_t)(*pos - 1);
        if (rh_dict_next(d, &p, &k, &v) && k == name) return v;
    }
    return cached_refill(I, d, name, pos, refills);
}

static rh_object *load_global(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_object *v = f->globals ? cached_get(I, f->globals, n->name_obj, &n->gpos, &n->grefills) : NULL;
    if (!v && !rh_err_occurred(I->rt)) v = cached_get(I, I->builtins, n->name_obj, &n->bpos, &n->brefills);
    if (v) return newref(v);
    if (rh_err_occurred(I->rt)) return NULL;
    return name_error(I, n);
}

static rh_object *load_name(rh_interp *I, rh_frame *f, rh_node *n) {
    switch (n->scope) {
    case SC_FAST: {
        rh_object *v = f->fast[n->slot];
        if (v) return newref(v);
        if (f->code->kind == CODE_FUNCTION && n->slot < f->code->nslots) {
            rh_err_set(I->rt, RH_EXC_NAME, "cannot access local variable '%s' where it is not associated with a value", n->name);
            return NULL;
        }
        return name_error(I, n);
    }
    case SC_CLASS: {
        rh_object *v = rh_dict_get(I->rt, f->ns, n->name_obj);
        if (v) return newref(v);
        if (rh_err_occurred(I->rt)) return NULL;
        return load_global(I, f, n);
    }
    default: return load_global(I, f, n);
    }
}

static int store_name(rh_interp *I, rh_frame *f, rh_node *n, rh_object *v) {
    switch (n->scope) {
    case SC_FAST: {
        rh_object *old = f->fast[n->slot];
        f->fast[n->slot] = v;
        rh_xdecref(I->rt, old);
        return 0;
    }
    case SC_CLASS: {
        int rc = rh_dict_set(I->rt, f->ns, n->name_obj, v);
        rh_decref(I->rt, v);
        return rc;
    }
    default: {
        int rc = -1;
        if (f->globals) rc = rh_dict_set(I->rt, f->globals, n->name_obj, v);
        else rh_err_set(I->rt, RH_EXC_NAME, "name '%s' is not defined (module globals are gone)", n->name);
        rh_decref(I->rt, v);
        return rc;
    }
    }
}

static int del_name(rh_interp *I, rh_frame *f, rh_node *n) {
    switch (n->scope) {
    case SC_FAST: {
        rh_object *old = f->fast[n->slot];
        if (!old) {
            rh_err_set(I->rt, RH_EXC_NAME, "cannot access local variable '%s' where it is not associated with a value", n->name);
            return -1;
        }
        f->fast[n->slot] = NULL;
        rh_decref(I->rt, old);
        return 0;
    }
    default: {
        rh_object *d = n->scope == SC_CLASS ? f->ns : f->globals;
        if (!d || rh_dict_del(I->rt, d, n->name_obj) != 0) {
            rh_err_clear(I->rt);
            name_error(I, n);
            return -1;
        }
        return 0;
    }
    }
}

/* ---------------------------------------------------------------- calls */

static rh_object *call_pyfunc(rh_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn,
                              rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_code *c = rh_func_code(fn);
    const char *nm = c->name;
    rh_object **fast = fast_alloc(I, c->nslots);
    int i;
    rh_object *ret = NULL;
    if (nargs > c->nparams) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes %d positional argument%s but %d %s given", nm, c->nparams,
                   c->nparams == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        goto fail_args;
    }
    /* 3.11+: the new frame takes the caller's stack references (_PyEvalFramePushAndInit); 3.10 and 2.7
     * copy them with a new reference each, the caller's stack keeping its own until the call returns */
    int steal = rh_runtime_profile(rt)->call_args_stolen;
    for (i = 0; i < nargs; i++) {
        fast[i] = steal ? args[i] : newref(args[i]);
        if (steal) args[i] = NULL;
    }
    for (int k = 0; k < nkw; k++) {
        int idx = -1;
        for (int p = 0; p < c->nparams; p++)
            if (strcmp(c->params[p], kwn[k]) == 0) idx = p;
        if (idx < 0) {
            rh_err_set(rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", nm, kwn[k]);
            goto fail_args;
        }
        if (fast[idx]) {
            rh_err_set(rt, RH_EXC_TYPE, "%s() got multiple values for argument '%s'", nm, kwn[k]);
            goto fail_args;
        }
        fast[idx] = steal ? kwv[k] : newref(kwv[k]);
        if (steal) kwv[k] = NULL;
    }
    rh_object *defs = rh_func_defaults(fn);
    int nd = defs ? (int)rh_tuple_len(defs) : 0;
    for (int p = 0; p < c->nparams; p++) {
        if (fast[p]) continue;
        if (p >= c->nparams - nd) { fast[p] = newref(rh_tuple_get(defs, (size_t)(p - (c->nparams - nd)))); continue; }
        rh_err_set(rt, RH_EXC_TYPE, "%s() missing 1 required positional argument: '%s'", nm, c->params[p]);
        goto fail_args;
    }
    if (I->depth >= RH_MAX_CALL_DEPTH) {
        rh_err_set(rt, RH_EXC_RECURSION, "maximum recursion depth exceeded");
        goto fail_args;
    }
    rh_incref(fn);
    /* a function cleared by the collector (tp_clear) has no globals left: names then resolve to builtins */
    rh_frame fr = {.code = c, .fast = fast, .globals = rh_func_globals(fn), .line = c->line, .back = I->frame};
    I->frame = &fr;
    I->depth++;
    int st = exec_body(I, &fr, c->body, c->nbody);
    I->depth--;
    I->frame = fr.back;
    if (st == ST_ERR) {
        tb_push(I, c->name, fr.line);
        rh_xdecref(rt, fr.retval);
    } else {
        ret = fr.retval ? fr.retval : none_ref(I);
    }
    for (i = 0; i < c->nslots; i++) {
        rh_object *v = fast[i];
        fast[i] = NULL;
        rh_xdecref(rt, v);
    }
    fast_free(I, fast);
    rh_decref(rt, fn);
    goto done;
fail_args:
    for (i = 0; i < c->nslots; i++) rh_xdecref(rt, fast[i]);
    fast_free(I, fast);
done:
    for (i = 0; i < nargs; i++) rh_xdecref(rt, args[i]);
    for (i = 0; i < nkw; i++) rh_xdecref(rt, kwv[i]);
    return ret;
}

static rh_object *instantiate(rh_interp *I, rh_object *cls, rh_object **args, int nargs, char **kwn,
                              rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    rh_object *init = rh_class_lookup(rt, cls, I->s_init);
    rh_object *inst = NULL;
    if (!init && (nargs || nkw)) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes no arguments", ((rh_type *)cls)->name);
        goto out;
    }
    inst = rh_instance_new(rt, cls);
    if (!inst || !init) goto out;
    if (rh_kind_of(init) != RH_K_FUNCTION) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "__init__ that is not a plain function");
        rh_decref(rt, inst);
        inst = NULL;
        goto out;
    }
    /* type_call packs the arguments into a tuple (one more reference each while __init__ runs), and
     * slot_tp_init prepends self: the callee's locals are extra references on top of the caller's */
    for (int i = 0; i < nargs; i++) rh_incref(args[i]);
    rh_object *a2[RH_ARGS_MAX + 1];
    a2[0] = newref(inst);
    for (int i = 0; i < nargs; i++) a2[i + 1] = newref(args[i]);
    rh_object *kv2[RH_ARGS_MAX];
    for (int i = 0; i < nkw; i++) kv2[i] = newref(kwv[i]);
    rh_incref(init);
    rh_object *r = call_pyfunc(I, init, a2, nargs + 1, kwn, kv2, nkw);
    rh_decref(rt, init);
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    if (!r) { rh_decref(rt, inst); inst = NULL; goto out; }
    if (r != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_TYPE, "__init__() should return None, not '%s'", rh_tname(r));
        rh_decref(rt, r);
        rh_decref(rt, inst);
        inst = NULL;
        goto out;
    }
    rh_decref(rt, r);
out:
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return inst;
}

rh_object *rh_call(rh_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    switch (rh_kind_of(fn)) {
    case RH_K_FUNCTION: return call_pyfunc(I, fn, args, nargs, kwn, kwv, nkw);
    case RH_K_METHOD: {
        if (nargs + 1 > RH_ARGS_MAX) break;
        rh_object *a2[RH_ARGS_MAX + 1];
        a2[0] = newref(rh_method_self(fn));
        memcpy(a2 + 1, args, (size_t)nargs * sizeof *args);
        rh_object *func = newref(rh_method_func(fn));
        rh_object *r = rh_call(I, func, a2, nargs + 1, kwn, kwv, nkw);
        rh_decref(rt, func);
        return r;
    }
    case RH_K_BUILTIN: {
        rh_object *b = newref(fn);
        const rh_builtin_def *d = rh_builtin_get_def(b);
        rh_object *r = ((rh_cfn)d->fn)(I, rh_builtin_self(b), args, nargs, kwn, kwv, nkw);
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
        rh_decref(rt, b);
        return r;
    }
    case RH_K_TYPE: {
        if (rh_is_heap_class(fn)) return instantiate(I, fn, args, nargs, kwn, kwv, nkw);
        const rh_builtin_def *d = rh_type_constructor(fn);
        if (!d) break;
        rh_object *t = newref(fn);
        rh_object *r = ((rh_cfn)d->fn)(I, NULL, args, nargs, kwn, kwv, nkw);
        for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
        for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
        rh_decref(rt, t);
        return r;
    }
    case RH_K_WEAKREF:
        if (nargs == 0 && nkw == 0) return newref(rh_weakref_get(fn));
        break;
    default: break;
    }
    rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not callable", rh_tname(fn));
    for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
    for (int i = 0; i < nkw; i++) rh_decref(rt, kwv[i]);
    return NULL;
}

rh_object *rh_call_borrowed(rh_interp *I, rh_object *fn, rh_object **args, int nargs) {
    rh_object *a[RH_ARGS_MAX];
    if (nargs > RH_ARGS_MAX) nargs = RH_ARGS_MAX;
    for (int i = 0; i < nargs; i++) a[i] = newref(args[i]);
    return rh_call(I, fn, a, nargs, NULL, NULL, 0);
}

/* Evaluate call arguments into owned arrays. Returns 0 or -1 (everything released). */
static int eval_args(rh_interp *I, rh_frame *f, rh_node *n, rh_object **args, int *nargs, int start,
                     rh_object **kwv) {
    int k = start;
    for (int i = 0; i < n->n; i++) {
        rh_node *a = n->items[i];
        rh_object *v = eval(I, f, a->kind == E_STAR ? a->a : a);
        if (!v) goto fail;
        if (a->kind == E_STAR) {
            rh_object *l = rh_iter_list(I, v);
            rh_decref(I->rt, v);
            if (!l) goto fail;
            size_t len = rh_kind_of(l) == RH_K_LIST ? rh_list_len(l) : rh_tuple_len(l);
            for (size_t j = 0; j < len; j++) {
                if (k >= RH_ARGS_MAX) { rh_decref(I->rt, l); goto toomany; }
                args[k++] = newref(rh_kind_of(l) == RH_K_LIST ? rh_list_get(l, j) : rh_tuple_get(l, j));
            }
            rh_decref(I->rt, l);
            continue;
        }
        if (k >= RH_ARGS_MAX) { rh_decref(I->rt, v); goto toomany; }
        args[k++] = v;
    }
    for (int i = 0; i < n->n2; i++) {
        kwv[i] = eval(I, f, n->items2[i]);
        if (!kwv[i]) {
            for (int j = 0; j < i; j++) rh_decref(I->rt, kwv[j]);
            goto fail;
        }
    }
    *nargs = k;
    return 0;
toomany:
    rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "more than %d call arguments", RH_ARGS_MAX);
fail:
    for (int j = start; j < k; j++) rh_decref(I->rt, args[j]);
    return -1;
}

static rh_object *eval_call(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_runtime *rt = I->rt;
    rh_object *args[RH_ARGS_MAX + 1], *kwv[RH_ARGS_MAX];
    int nargs = 0;
    if (n->n2 > RH_ARGS_MAX) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "too many keyword arguments"); return NULL; }
    if (n->a->kind == E_ATTR) {
        /* LOAD_METHOD: a function found on the class is called with the receiver, no bound method made */
        rh_object *obj = eval(I, f, n->a->a);
        if (!obj) return NULL;
        rh_kind k = rh_kind_of(obj);
        if (k == RH_K_INSTANCE) {
            rh_object *attr = rh_getattr(rt, obj, n->a->name_obj);
            if (!attr) { rh_decref(rt, obj); return NULL; }
            if (rh_kind_of(attr) == RH_K_FUNCTION && rh_class_lookup(rt, class_of(obj), n->a->name_obj) == attr) {
                args[0] = obj;
                if (eval_args(I, f, n, args, &nargs, 1, kwv) != 0) { rh_decref(rt, obj); rh_decref(rt, attr); return NULL; }
                rh_object *r = rh_call(I, attr, args, nargs, n->kwnames, kwv, n->n2);
                rh_decref(rt, attr);
                return r;
            }
            rh_decref(rt, obj);
            if (eval_args(I, f, n, args, &nargs, 0, kwv) != 0) { rh_decref(rt, attr); return NULL; }
            rh_object *r = rh_call(I, attr, args, nargs, n->kwnames, kwv, n->n2);
            rh_decref(rt, attr);
            return r;
        }
        if (k != RH_K_MODULE && k != RH_K_TYPE && k != RH_K_FUNCTION && k != RH_K_METHOD && k != RH_K_WEAKREF) {
            /* the def depends only on the receiver's kind and the name: remember it on the node */
            const rh_builtin_def *d = n->mkind == (int)k + 1 ? n->mdef : rh_find_method_def(I, obj, cstr(I, n->a->name_obj));
            if (d) { n->mdef = d; n->mkind = (int)k + 1; }
            if (d) {
                if (eval_args(I, f, n, args, &nargs, 0, kwv) != 0) { rh_decref(rt, obj); return NULL; }
                rh_object *r = ((rh_cfn)d->fn)(I, obj, args, nargs, n->kwnames, kwv, n->n2);
                for (int i = 0; i < nargs; i++) rh_decref(rt, args[i]);
                for (int i = 0; i < n->n2; i++) rh_decref(rt, kwv[i]);
                rh_decref(rt, obj);
                return r;
            }
        }
        rh_object *fn = rh_getattr_obj(I, obj, n->a->name_obj);
        rh_decref(rt, obj);
        if (!fn) return NULL;
        if (eval_args(I, f, n, args, &nargs, 0, kwv) != 0) { rh_decref(rt, fn); return NULL; }
        rh_object *r = rh_call(I, fn, args, nargs, n->kwnames, kwv, n->n2);
        rh_decref(rt, fn);
        return r;
    }
    rh_object *fn = eval(I, f, n->a);
    if (!fn) return NULL;
    if (eval_args(I, f, n, args, &nargs, 0, kwv) != 0) { rh_decref(rt, fn); return NULL; }
    rh_object *r = rh_call(I, fn, args, nargs, n->kwnames, kwv, n->n2);
    rh_decref(rt, fn);
    return r;
}

/* ---------------------------------------------------------------- expressions */

static rh_object *eval_seq(rh_interp *I, rh_frame *f, rh_node *n, int tuple) {
    rh_runtime *rt = I->rt;
    rh_object *stackbuf[16];
    rh_object **v = n->n <= 16 ? stackbuf : malloc((size_t)n->n * sizeof *v);
    if (!v) abort();
    int i;
    for (i = 0; i < n->n; i++) {
        v[i] = eval(I, f, n->items[i]);
        if (!v[i]) break;
    }
    rh_object *r = NULL;
    if (i == n->n) {
        r = tuple ? rh_tuple_new(rt, (size_t)n->n) : rh_list_new(rt, (size_t)n->n);
        if (r) {
            for (int k = 0; k < n->n; k++) {
                if (tuple) rh_tuple_set(r, (size_t)k, v[k]);
                else rh_list_set_init(r, (size_t)k, v[k]);
            }
            i = 0;
        }
    }
    for (int k = 0; k < i; k++) rh_decref(rt, v[k]);
    if (v != stackbuf) free(v);
    return r;
}

static rh_object *eval_dict(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_runtime *rt = I->rt;
    int cnt = n->n * 2;
    rh_object *stackbuf[32];
    rh_object **v = cnt <= 32 ? stackbuf : calloc((size_t)cnt, sizeof *v);
    if (!v) abort();
    if (v == stackbuf) memset(stackbuf, 0, sizeof stackbuf);
    int i, ok = 1;
    for (i = 0; i < n->n && ok; i++) {
        v[2 * i] = eval(I, f, n->items[i]);
        if (!v[2 * i]) { ok = 0; break; }
        v[2 * i + 1] = eval(I, f, n->items2[i]);
        if (!v[2 * i + 1]) ok = 0;
    }
    rh_object *d = NULL;
    if (ok) {
        d = n->n ? rh_dict_new_presized(rt, (size_t)n->n) : rh_dict_new(rt);
        for (int k = 0; d && k < n->n; k++)
            if (rh_dict_set(rt, d, v[2 * k], v[2 * k + 1]) != 0) { rh_decref(rt, d); d = NULL; }
    }
    for (int k = 0; k < cnt; k++) rh_xdecref(rt, v[k]);
    if (v != stackbuf) free(v);
    return d;
}

/* A comprehension runs in its own frame in CPython: its variables die when it ends. */
static void clear_fast_targets(rh_interp *I, rh_frame *f, rh_node *t) {
    if (t->kind == E_NAME && t->scope == SC_FAST) {
        rh_object *v = f->fast[t->slot];
        f->fast[t->slot] = NULL;
        rh_xdecref(I->rt, v);
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) clear_fast_targets(I, f, t->items[i]);
    }
}

static rh_object *eval_listcomp(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_runtime *rt = I->rt;
    /* 3.11: MAKE_FUNCTION <listcomp>, the iterable, GET_ITER, then the call builds the list */
    rh_object *fn = rh_func_new(rt, n, f->globals, I->s_listcomp, I->s_listcomp, NULL);
    if (!fn) return NULL;
    rh_object *src = eval(I, f, n->c);
    if (!src) { rh_decref(rt, fn); return NULL; }
    iter it;
    int rc = iter_init(I, &it, src);
    rh_decref(rt, src);
    if (rc) { rh_decref(rt, fn); return NULL; }
    rh_object *l = rh_list_new(rt, 0);
    rh_object *x;
    int r = 0;
    while (l && (r = iter_next(I, &it, &x)) == 1) {
        if (store(I, f, n->b, x) != 0) { r = -1; break; }
        int keep = 1;
        for (int k = 0; k < n->n2 && keep; k++) {
            rh_object *c = eval(I, f, n->items2[k]);
            if (!c) { r = -1; break; }
            keep = truthy(I, c);
            rh_decref(rt, c);
            if (keep < 0) { r = -1; break; }
        }
        if (r < 0) break;
        if (!keep) continue;
        rh_object *e = eval(I, f, n->a);
        if (!e) { r = -1; break; }
        int ar = rh_list_append(rt, l, e);
        rh_decref(rt, e);
        if (ar) { r = -1; break; }
    }
    clear_fast_targets(I, f, n->b);
    iter_done(I, &it);
    rh_decref(rt, fn);
    if (r < 0 && l) { rh_decref(rt, l); l = NULL; }
    return l;
}

static rh_object *eval_compare(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_runtime *rt = I->rt;
    rh_object *a = eval(I, f, n->items[0]);
    if (!a) return NULL;
    for (int i = 1; i < n->n; i++) {
        rh_object *b = eval(I, f, n->items[i]);
        if (!b) { rh_decref(rt, a); return NULL; }
        int r = rh_compare(I, n->ops[i - 1], a, b);
        rh_decref(rt, a);
        if (r < 0) { rh_decref(rt, b); return NULL; }
        if (!r || i == n->n - 1) { rh_decref(rt, b); return rh_bool(rt, r); }
        a = b;
    }
    return a;
}


/* Everything but the leaves (constants and names, which eval() handles inline). */
static __attribute__((noinline)) rh_object *eval_node(rh_interp *I, rh_frame *f, rh_node *n) {
    rh_runtime *rt = I->rt;
    switch (n->kind) {
    case E_CONST: return newref(n->cst);
    case E_NAME: return load_name(I, f, n);
    case E_LIST: return eval_seq(I, f, n, 0);
    case E_TUPLE: return n->n == 0 ? newref(rh_empty_tuple(rt)) : eval_seq(I, f, n, 1);
    case E_DICT: return eval_dict(I, f, n);
    case E_LISTCOMP: return eval_listcomp(I, f, n);
    case E_BINOP: {
        rh_object *a = eval(I, f, n->a);
        if (!a) return NULL;
        rh_object *b = eval(I, f, n->b);
        if (!b) { rh_decref(rt, a); return NULL; }
        rh_object *r = binop(I, n->op, a, b, 0);
        rh_decref(rt, a);
        rh_decref(rt, b);
        return r;
    }
    case E_UNARY: {
        rh_object *a = eval(I, f, n->a);
        if (!a) return NULL;
        rh_object *r = eval_unary(I, a, n->op);
        rh_decref(rt, a);
        return r;
    }
    case E_NOT: {
        rh_object *a = eval(I, f, n->a);
        if (!a) return NULL;
        int t = truthy(I, a);
        rh_decref(rt, a);
        return t < 0 ? NULL : rh_bool(rt, !t);
    }
    case E_BOOLOP: {
        rh_object *v = NULL;
        for (int i = 0; i < n->n; i++) {
            v = eval(I, f, n->items[i]);
            if (!v) return NULL;
            if (i == n->n - 1) break;
            int t = truthy(I, v);
            if (t < 0) { rh_decref(rt, v); return NULL; }
            if ((n->op == BOOL_AND && !t) || (n->op == BOOL_OR && t)) break;
            rh_decref(rt, v);
        }
        return v;
    }
    case E_COMPARE: return eval_compare(I, f, n);
    case E_IFEXP: {
        rh_object *c = eval(I, f, n->b);
        if (!c) return NULL;
        int t = truthy(I, c);
        rh_decref(rt, c);
        if (t < 0) return NULL;
        return eval(I, f, t ? n->a : n->c);
    }
    case E_CALL: return eval_call(I, f, n);
    case E_ATTR: {
        rh_object *o = eval(I, f, n->a);
        if (!o) return NULL;
        rh_object *r = rh_getattr_obj(I, o, n->name_obj);
        rh_decref(rt, o);
        return r;
    }
    case E_SUBSCR: {
        rh_object *o = eval(I, f, n->a);
        if (!o) return NULL;
        rh_object *r = subscript(I, f, o, n->b);
        rh_decref(rt, o);
        return r;
    }
    default:
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "expression kind %d", (int)n->kind);
        return NULL;
    }
}

/* ---------------------------------------------------------------- statements */

/* Store v (stolen) into target t. */
static int store(rh_interp *I, rh_frame *f, rh_node *t, rh_object *v) {
    rh_runtime *rt = I->rt;
    switch (t->kind) {
    case E_NAME: return store_name(I, f, t, v);
    case E_ATTR: {
        rh_object *o = eval(I, f, t->a);
        if (!o) { rh_decref(rt, v); return -1; }
        int rc = setattr_obj(I, o, t->name_obj, v);
        rh_decref(rt, v);
        rh_decref(rt, o);
        return rc;
    }
    case E_SUBSCR: {
        rh_object *o = eval(I, f, t->a);
        if (!o) { rh_decref(rt, v); return -1; }
        int rc = store_subscript(I, f, o, t->b, v);
        rh_decref(rt, v);
        rh_decref(rt, o);
        return rc;
    }
    case E_TUPLE: case E_LIST: {
        /* UNPACK_SEQUENCE: push the items, drop the sequence, then store left to right */
        rh_kind k = rh_kind_of(v);
        rh_object *seq = (k == RH_K_LIST || k == RH_K_TUPLE) ? v : rh_iter_list(I, v);
        if (seq != v) rh_decref(rt, v);
        if (!seq) return -1;
        size_t len = rh_kind_of(seq) == RH_K_LIST ? rh_list_len(seq) : rh_tuple_len(seq);
        if (len != (size_t)t->n) {
            if (len > (size_t)t->n)
                rh_err_set(rt, RH_EXC_VALUE, "too many values to unpack (expected %d)", t->n);
            else
                rh_err_set(rt, RH_EXC_VALUE, "not enough values to unpack (expected %d, got %zu)", t->n, len);
            rh_decref(rt, seq);
            return -1;
        }
        rh_object *items[RH_ARGS_MAX];
        if (len > RH_ARGS_MAX) { rh_decref(rt, seq); rh_err_set(rt, RH_EXC_UNSUPPORTED, "unpacking more than %d values", RH_ARGS_MAX); return -1; }
        for (size_t i = 0; i < len; i++)
            items[i] = newref(rh_kind_of(seq) == RH_K_LIST ? rh_list_get(seq, i) : rh_tuple_get(seq, i));
        rh_decref(rt, seq);
        for (size_t i = 0; i < len; i++)
            if (store(I, f, t->items[i], items[i]) != 0) {
                for (size_t j = i + 1; j < len; j++) rh_decref(rt, items[j]);
                return -1;
            }
        return 0;
    }
    default:
        rh_decref(rt, v);
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "assignment target");
        return -1;
    }
}

static int del_target(rh_interp *I, rh_frame *f, rh_node *t) {
    rh_runtime *rt = I->rt;
    switch (t->kind) {
    case E_NAME: return del_name(I, f, t);
    case E_ATTR: {
        rh_object *o = eval(I, f, t->a);
        if (!o) return -1;
        int rc = delattr_obj(I, o, t->name_obj);
        rh_decref(rt, o);
        return rc;
    }
    case E_SUBSCR: {
        rh_object *o = eval(I, f, t->a);
        if (!o) return -1;
        int rc = del_subscript(I, f, o, t->b);
        rh_decref(rt, o);
        return rc;
    }
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->n; i++)
            if (del_target(I, f, t->items[i])) return -1;
        return 0;
    default:
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "del target");
        return -1;
    }
}

static int exec_assign(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_node *val = s->a;
    if (s->n == 1 && (s->items[0]->kind == E_TUPLE || s->items[0]->kind == E_LIST) && val->kind == E_TUPLE &&
        val->n == s->items[0]->n && val->n <= 3) {
        /* a, b = x, y: evaluated onto the stack and stored without building a tuple (3.11 compiler) */
        rh_object *v[3];
        for (int i = 0; i < val->n; i++) {
            v[i] = eval(I, f, val->items[i]);
            if (!v[i]) { for (int j = 0; j < i; j++) rh_decref(rt, v[j]); return -1; }
        }
        for (int i = 0; i < val->n; i++)
            if (store(I, f, s->items[0]->items[i], v[i]) != 0) {
                for (int j = i + 1; j < val->n; j++) rh_decref(rt, v[j]);
                return -1;
            }
        return 0;
    }
    rh_object *v = eval(I, f, val);
    if (!v) return -1;
    for (int i = 0; i < s->n; i++) {
        if (i < s->n - 1) rh_incref(v);
        if (store(I, f, s->items[i], v) != 0) {
            if (i < s->n - 1) rh_decref(rt, v);
            return -1;
        }
    }
    return 0;
}

static int exec_aug(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_node *t = s->a;
    rh_object *obj = NULL, *idx = NULL, *cur = NULL;
    if (t->kind == E_NAME) {
        cur = load_name(I, f, t);
    } else if (t->kind == E_ATTR) {
        obj = eval(I, f, t->a);
        if (!obj) return -1;
        cur = rh_getattr_obj(I, obj, t->name_obj);
    } else {
        obj = eval(I, f, t->a);
        if (!obj) return -1;
        if (t->b->kind == E_SLICE) { rh_decref(rt, obj); rh_err_set(rt, RH_EXC_UNSUPPORTED, "augmented slice assignment"); return -1; }
        idx = eval(I, f, t->b);
        if (!idx) { rh_decref(rt, obj); return -1; }
        /* subscript with the already-evaluated index: reuse a constant node */
        rh_node tmp = {.kind = E_CONST, .cst = idx};
        cur = subscript(I, f, obj, &tmp);
    }
    rh_object *r = NULL;
    if (cur) {
        rh_object *b = eval(I, f, s->b);
        if (b) {
            r = binop(I, s->op, cur, b, 1);
            rh_decref(rt, b);
        }
        rh_decref(rt, cur);
    }
    int rc = -1;
    if (r) {
        if (t->kind == E_NAME) rc = store_name(I, f, t, r);
        else if (t->kind == E_ATTR) { rc = setattr_obj(I, obj, t->name_obj, r); rh_decref(rt, r); }
        else {
            rh_node tmp = {.kind = E_CONST, .cst = idx};
            rc = store_subscript(I, f, obj, &tmp, r);
            rh_decref(rt, r);
        }
    }
    rh_xdecref(rt, idx);
    rh_xdecref(rt, obj);
    return rc;
}

static int exec_for(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_object *src = eval(I, f, s->b);
    if (!src) return ST_ERR;
    iter it;
    int rc = iter_init(I, &it, src);
    rh_decref(rt, src);
    if (rc) return ST_ERR;
    int st = ST_OK, broke = 0;
    for (;;) {
        rh_object *x;
        int r = iter_next(I, &it, &x);
        if (r < 0) { st = ST_ERR; break; }
        if (r == 0) break;
        f->line = s->line;
        if (store(I, f, s->a, x) != 0) { st = ST_ERR; break; }
        st = exec_body(I, f, s->items, s->n);
        if (st == ST_BREAK) { st = ST_OK; broke = 1; break; }
        if (st == ST_CONT) { st = ST_OK; continue; }
        if (st != ST_OK) break;
    }
    iter_done(I, &it);
    if (st == ST_OK && !broke && s->n2) st = exec_body(I, f, s->items2, s->n2);
    return st;
}

static int exec_while(rh_interp *I, rh_frame *f, rh_node *s) {
    for (;;) {
        f->line = s->line;
        rh_object *c = eval(I, f, s->a);
        if (!c) return ST_ERR;
        int t = truthy(I, c);
        rh_decref(I->rt, c);
        if (t < 0) return ST_ERR;
        if (!t) break;
        int st = exec_body(I, f, s->items, s->n);
        if (st == ST_BREAK) return ST_OK;
        if (st == ST_CONT) continue;
        if (st != ST_OK) return st;
    }
    return s->n2 ? exec_body(I, f, s->items2, s->n2) : ST_OK;
}

/* New reference: a tuple of the values of expressions items[0..n) (n > 0), or NULL with the error set. */
static rh_object *eval_tuple_of(rh_interp *I, rh_frame *f, rh_node **items, int n) {
    rh_node tn = {.kind = E_TUPLE, .items = items, .n = n};
    return eval_seq(I, f, &tn, 1);
}

static int exec_def(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_code *c = s->code;
    rh_object *defs = NULL;
    if (c->ndefaults) {
        defs = eval_tuple_of(I, f, c->defaults, c->ndefaults);
        if (!defs) return ST_ERR;
    }
    rh_object *qn = rh_str_from_cstr(rt, c->qualname);
    rh_object *fn = qn ? rh_func_new(rt, c, f->globals, s->name_obj, qn, defs) : NULL;
    rh_xdecref(rt, qn);
    rh_xdecref(rt, defs);
    if (!fn) return ST_ERR;
    return store_name(I, f, s, fn) ? ST_ERR : ST_OK;
}


/* ns[name] = int v under an interned name. 0 or -1. */
static int set_int_cstr(rh_runtime *rt, rh_object *ns, const char *name, int64_t v) {
    rh_object *k = rh_str_intern_utf8(rt, name, strlen(name)), *x = k ? rh_int_from_i64(rt, v) : NULL;
    int rc = x ? rh_dict_set(rt, ns, k, x) : -1;
    rh_xdecref(rt, x);
    rh_xdecref(rt, k);
    return rc;
}

/* 3.13's compiler notes every attribute assigned through a name spelled `self` in the functions of a
 * class body (`self.x = ...`, tuple and for targets, inside if/for/while; not `+=`, not `del` — checked
 * on 3.13.0): the class body ends with __static_attributes__ = those names, sorted, as a tuple
 * (compiler_static_attributes_tuple). */
static int static_attrs_target(rh_runtime *rt, rh_node *t, const char *self, rh_object *set) {
    if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++)
            if (static_attrs_target(rt, t->items[i], self, set)) return -1;
        return 0;
    }
    if (t->kind == E_STAR) return static_attrs_target(rt, t->a, self, set);
    if (t->kind != E_ATTR || t->a->kind != E_NAME || strcmp(t->a->name, self) != 0) return 0;
    rh_object *k = rh_str_intern_utf8(rt, t->name, strlen(t->name));
    int rc = k ? rh_dict_set(rt, set, k, rh_none(rt)) : -1;
    rh_xdecref(rt, k);
    return rc;
}

static int static_attrs_body(rh_runtime *rt, rh_node **b, int nb, const char *self, rh_object *set) {
    for (int i = 0; i < nb; i++) {
        rh_node *n = b[i];
        int rc = 0;
        switch (n->kind) {
        case S_ASSIGN:
            for (int k = 0; rc == 0 && k < n->n; k++) rc = static_attrs_target(rt, n->items[k], self, set);
            break;
        case S_FOR: rc = static_attrs_target(rt, n->a, self, set); /* fallthrough */
        case S_IF: case S_WHILE:
            if (rc == 0) rc = static_attrs_body(rt, n->items, n->n, self, set);
            if (rc == 0) rc = static_attrs_body(rt, n->items2, n->n2, self, set);
            break;
        default: break;
        }
        if (rc) return -1;
    }
    return 0;
}

static int set_static_attributes(rh_runtime *rt, rh_object *ns, rh_code *c) {
    rh_object *set = rh_dict_new(rt);
    if (!set) return -1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < c->nbody; i++) {
        rh_node *d = c->body[i];
        if (d->kind == S_DEF && d->code) rc = static_attrs_body(rt, d->code->body, d->code->nbody, "self", set);
    }
    rh_object *l = rc == 0 ? rh_dict_keys_list(rt, set) : NULL;
    rh_decref(rt, set);
    if (!l || rh_list_sort(rt, l) != 0) {
        rh_xdecref(rt, l);
        return -1;
    }
    size_t n = rh_list_len(l);
    rh_object *t = rh_tuple_new(rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rh_incref(rh_list_get(l, i));
        rh_tuple_set(t, i, rh_list_get(l, i));
    }
    rh_decref(rt, l);
    rh_object *k = t ? rh_str_intern_utf8(rt, "__static_attributes__", 21) : NULL;
    rc = k ? rh_dict_set(rt, ns, k, t) : -1;
    rh_xdecref(rt, k);
    rh_xdecref(rt, t);
    return rc;
}

static int exec_class(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_code *c = s->code;
    rh_object *bases = NULL;
    if (s->n) {
        bases = eval_tuple_of(I, f, s->items, s->n);
    } else {
        bases = newref(rh_empty_tuple(rt));
    }
    if (!bases) return ST_ERR;
    for (size_t i = 0; i < rh_tuple_len(bases); i++)
        if (!rh_is_heap_class(rh_tuple_get(bases, i)) &&
            !(rh_kind_of(rh_tuple_get(bases, i)) == RH_K_TYPE && ((rh_type *)rh_tuple_get(bases, i))->kind == RH_K_OBJECT)) {
            rh_err_set(rt, RH_EXC_UNSUPPORTED, "base class '%s' (only classes defined in the workload can be bases)",
                       rh_tname(rh_tuple_get(bases, i)));
            rh_decref(rt, bases);
            return ST_ERR;
        }
    rh_object *ns = rh_dict_new(rt);
    /* __module__ goes into the namespace; __qualname__ is consumed by type_new (classes are module-level);
     * 3.13 adds __firstlineno__ next (and __static_attributes__ after the body) */
    if (!ns || rh_dict_set(rt, ns, I->s_module, I->s_main) ||
        (RH_API(I, "class", "__firstlineno__") && set_int_cstr(rt, ns, "__firstlineno__", s->line))) {
        rh_xdecref(rt, ns);
        rh_decref(rt, bases);
        return ST_ERR;
    }
    rh_object **fast = fast_alloc(I, c->nslots);
    rh_frame fr = {.code = c, .fast = fast, .ns = ns, .globals = f->globals, .line = c->line, .back = I->frame};
    I->frame = &fr;
    int st = exec_body(I, &fr, c->body, c->nbody);
    I->frame = fr.back;
    for (int i = 0; i < c->nslots; i++) rh_xdecref(rt, fast[i]);
    fast_free(I, fast);
    if (st == ST_ERR) {
        tb_push(I, c->name, fr.line);
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        return ST_ERR;
    }
    if (RH_API(I, "class", "__static_attributes__") && set_static_attributes(rt, ns, c) != 0) {
        rh_decref(rt, ns);
        rh_decref(rt, bases);
        return ST_ERR;
    }
    rh_object *cls = rh_class_new(rt, s->name_obj, bases, ns);
    rh_decref(rt, ns);
    rh_decref(rt, bases);
    if (!cls) return ST_ERR;
    return store_name(I, f, s, cls) ? ST_ERR : ST_OK;
}

static const struct { const char *name; rh_exc kind; } exc_table[] = {
    {"ValueError", RH_EXC_VALUE}, {"TypeError", RH_EXC_TYPE}, {"RuntimeError", RH_EXC_RUNTIME},
    {"KeyError", RH_EXC_KEY}, {"IndexError", RH_EXC_INDEX}, {"AttributeError", RH_EXC_ATTRIBUTE},
    {"NameError", RH_EXC_NAME}, {"ZeroDivisionError", RH_EXC_ZERODIVISION}, {"MemoryError", RH_EXC_MEMORY},
    {"OverflowError", RH_EXC_OVERFLOW}, {"AssertionError", RH_EXC_ASSERTION}, {"RecursionError", RH_EXC_RECURSION},
    {"NotImplementedError", RH_EXC_NOTIMPLEMENTED}, {"OSError", RH_EXC_OS}, {"StopIteration", RH_EXC_STOPITERATION},
    {"Exception", RH_EXC_RUNTIME}, {NULL, RH_EXC_NONE},
};

static int exec_raise(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    rh_node *e = s->a;
    if (!e) { rh_err_set(rt, RH_EXC_RUNTIME, "No active exception to reraise"); return ST_ERR; }
    rh_node *nm = e->kind == E_CALL ? e->a : e;
    if (nm->kind == E_NAME)
        for (int i = 0; exc_table[i].name; i++)
            if (strcmp(exc_table[i].name, nm->name) == 0) {
                if (e->kind == E_CALL && e->n > 0) {
                    rh_object *m = eval(I, f, e->items[0]);
                    if (!m) return ST_ERR;
                    rh_object *ms = rh_obj_str(I, m);
                    rh_decref(rt, m);
                    if (!ms) return ST_ERR;
                    rh_err_set(rt, exc_table[i].kind, "%s", cstr(I, ms));
                    rh_decref(rt, ms);
                } else {
                    rh_err_set(rt, exc_table[i].kind, "%s", "");
                }
                return ST_ERR;
            }
    rh_err_set(rt, RH_EXC_TYPE, "exceptions must derive from BaseException");
    return ST_ERR;
}

static int exec_stmt(rh_interp *I, rh_frame *f, rh_node *s) {
    rh_runtime *rt = I->rt;
    f->line = s->line;
    rh_gc_run_scheduled(rt); /* py312+: a collection scheduled by an allocation runs between statements */
    switch (s->kind) {
    case S_EXPR: {
        rh_object *v = eval(I, f, s->a);
        if (!v) return ST_ERR;
        rh_decref(rt, v);
        return ST_OK;
    }
    case S_ASSIGN: return exec_assign(I, f, s) ? ST_ERR : ST_OK;
    case S_AUG: return exec_aug(I, f, s) ? ST_ERR : ST_OK;
    case S_DEL:
        for (int i = 0; i < s->n; i++) {
            f->line = s->line;
            if (del_target(I, f, s->items[i])) return ST_ERR;
        }
        return ST_OK;
    case S_IF: {
        rh_object *c = eval(I, f, s->a);
        if (!c) return ST_ERR;
        int t = truthy(I, c);
        rh_decref(rt, c);
        if (t < 0) return ST_ERR;
        if (t) return exec_body(I, f, s->items, s->n);
        return s->n2 ? exec_body(I, f, s->items2, s->n2) : ST_OK;
    }
    case S_WHILE: return exec_while(I, f, s);
    case S_FOR: return exec_for(I, f, s);
    case S_BREAK: return ST_BREAK;
    case S_CONTINUE: return ST_CONT;
    case S_PASS: case S_GLOBAL: return ST_OK;
    case S_RETURN: {
        rh_object *v = s->a ? eval(I, f, s->a) : none_ref(I);
        if (!v) return ST_ERR;
        rh_xdecref(rt, f->retval);
        f->retval = v;
        return ST_RET;
    }
    case S_DEF: return exec_def(I, f, s);
    case S_CLASS: return exec_class(I, f, s);
    case S_IMPORT:
        for (int i = 0; i < s->n; i++) {
            rh_object *m = rh_import_module(I, s->items[i]->sval);
            if (!m) return ST_ERR;
            if (store_name(I, f, s->items[i], m)) return ST_ERR;
        }
        return ST_OK;
    case S_RAISE: return exec_raise(I, f, s);
    default:
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "statement kind %d", (int)s->kind);
        return ST_ERR;
    }
}

static int exec_body(rh_interp *I, rh_frame *f, rh_node **b, int nb) {
    for (int i = 0; i < nb; i++) {
        int st = exec_stmt(I, f, b[i]);
        if (st != ST_OK) return st;
    }
    return ST_OK;
}

/* ---------------------------------------------------------------- module */

/* pyrun_file frees the AST arena and the module's code object once the module body has run: their
 * references to constants go (function code objects keep theirs until teardown). Error state is kept. */
void rh_release_module_consts(rh_interp *I) {
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

int rh_interp_run(rh_interp *I) {
    rh_code *c = I->module;
    rh_object **fast = fast_alloc(I, c->nslots);
    rh_frame fr = {.code = c, .fast = fast, .globals = I->globals, .line = 1, .back = NULL};
    I->frame = &fr;
    int st = ST_OK;
    for (int i = 0; i < c->nbody && st == ST_OK; i++) {
        if (I->report) rh_report_stmt_begin(I, c->body[i]);
        st = exec_stmt(I, &fr, c->body[i]);
        if (I->report) rh_report_stmt_end(I, c->body[i]);
    }
    if (st == ST_ERR) tb_push(I, "<module>", fr.line);
    I->frame = NULL;
    for (int i = 0; i < c->nslots; i++) rh_xdecref(I->rt, fast[i]);
    fast_free(I, fast);
    rh_release_module_consts(I);
    return st == ST_ERR ? -1 : 0;
}

static rh_object *intern_c(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }

int rh_interp_init(rh_interp *I, rh_runtime *rt) {
    I->rt = rt;
    I->s_init = intern_c(rt, "__init__");
    I->s_del = intern_c(rt, "__del__");
    I->s_name = intern_c(rt, "__name__");
    I->s_module = intern_c(rt, "__module__");
    I->s_qualname = intern_c(rt, "__qualname__");
    I->s_main = intern_c(rt, "__main__");
    I->s_callback = intern_c(rt, "__callback__");
    I->s_dict = intern_c(rt, "__dict__");
    I->s_class = intern_c(rt, "__class__");
    I->s_listcomp = intern_c(rt, "<listcomp>");
    I->arena_cap = (size_t)1 << 15;
    I->arena = malloc(I->arena_cap * sizeof *I->arena);
    if (!I->arena) I->arena_cap = 0;
    I->globals = rh_dict_new(rt);
    I->marks = rh_list_new(rt, 0);
    if (!I->s_init || !I->s_del || !I->s_name || !I->s_module || !I->s_qualname || !I->s_main || !I->s_callback ||
        !I->s_dict || !I->s_class || !I->s_listcomp || !I->globals || !I->marks)
        return -1;
    if (rh_dict_set(rt, I->globals, I->s_name, I->s_main) != 0) return -1;
    return rh_builtins_init(I);
}

/* Interpreter exit, as CPython 3.11's finalize_modules: __main__ leaves sys.modules, and since its functions
 * and classes refer to its globals dict, the dict and everything only it holds become cyclic garbage for
 * the shutdown collection (_PyGC_CollectNoFail): their __del__ methods run in GC-list order. Without such
 * a cycle, dropping the dict deallocates it and its entries in order, as module_dealloc does. Then the
 * other modules go and a second collection runs. */
/* _PyModule_Clear, 2.7 (PyImport_Cleanup at exit): the module's names are set to None in dict order,
 * first those starting with a single underscore, then all others but __builtins__. The objects die
 * here, by refcount, so their __del__ runs even when a legacy finalizer would keep a cycle in gc.garbage. */
static void module_clear_27(rh_interp *I, rh_object *g) {
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

void rh_interp_finalize(rh_interp *I) {
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
