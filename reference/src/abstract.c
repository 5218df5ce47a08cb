/* abstract.c — the generic operations on objects: hash, truth, equality and ordering, repr/str/ascii,
 * and the arithmetic operators (Objects/abstract.c and the per-type slots it dispatches to, 3.11).
 *
 * Owns: rh_hash, rh_equal, rh_truthy, rh_repr, rh_str (object.h); the operator API of
 * refheap/abstract.h; rh__hash_pointer and rh__repr_into (scalars.h).
 *
 * Invariants:
 *  - numbers (bool, int, float) compare and hash by value across types: hash(1) == hash(1.0) == hash(True)
 *    and int/float comparisons are exact (no rounding of the int);
 *  - int arithmetic is exact in 128 bits and every result is range-checked (|v| <= 2**64-1) before an
 *    object is made, so an out-of-range result raises OverflowError and never wraps;
 *  - rt->repr_top chains the containers whose repr is in progress (innermost first; the frames live on
 *    the C stack of rh__repr_into) and rt->repr_depth counts them; a container met again prints as
 *    [...], {...} or (...) (Py_ReprEnter), and nesting beyond RH_RECURSION_LIMIT raises RecursionError;
 *  - equality inside containers treats identical objects as equal (PyObject_RichCompareBool), top-level
 *    == does not (a NaN is not equal to itself).
 * Python-level __repr__/__eq__/__hash__/__bool__ of user classes are the interpreter's business: here
 * instances use object's defaults (identity, "<__main__.C object at 0x...>").
 */
#include <math.h>

#include "scalars.h"

static int is_int(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }
static int is_num(const rh_object *o) { return is_int(o) || o->type->kind == RH_K_FLOAT; }
static double num_double(rh_object *o) {
    return o->type->kind == RH_K_FLOAT ? rh_float_value(o) : (double)rh__int_value(o);
}
static int64_t range_field(rh_object *r, int which) {
    rh_range *g = (rh_range *)r;
    rh_object *f = which == 0 ? g->start : which == 1 ? g->stop : which == 2 ? g->step : g->length;
    return (int64_t)rh__int_value(f);
}

/* ---------------------------------------------------------------- hash */

int64_t rh__hash_pointer(const void *p) {
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof y - 4));
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

/* tuplehash (3.8+): an xxHash64-style round per item hash, then the length (Objects/tupleobject.c). */
#define XXPRIME_1 11400714785074694791ull
#define XXPRIME_2 14029467366897019727ull
#define XXPRIME_5 2870177450012600261ull
static uint64_t xx_round(uint64_t acc, int64_t lane) {
    acc += (uint64_t)lane * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    return acc * XXPRIME_1;
}
static int64_t xx_finish(uint64_t acc, size_t len) {
    acc += len ^ (XXPRIME_5 ^ 3527539ull);
    return acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
}

static int range_hash(rh_runtime *rt, rh_object *r, int64_t *out) {
    /* range_hash: hash((len, start, step)), with None for the parts that do not matter */
    int64_t len = range_field(r, 3), none = rh__hash_pointer(rh_none(rt));
    uint64_t acc = xx_round(XXPRIME_5, rh__int_hash(len));
    acc = xx_round(acc, len == 0 ? none : rh__int_hash(range_field(r, 0)));
    acc = xx_round(acc, len <= 1 ? none : rh__int_hash(range_field(r, 2)));
    *out = xx_finish(acc, 3);
    return 0;
}

int rh_hash(rh_runtime *rt, rh_object *o, int64_t *out) {
    switch (o->type->kind) {
    case RH_K_INT:
    case RH_K_BOOL: *out = rh__int_hash(rh__int_value(o)); return 0;
    case RH_K_FLOAT: *out = rh__float_hash(o, rh_float_value(o)); return 0;
    case RH_K_STR: *out = rh__str_hash(o); return 0;
    case RH_K_RANGE: return range_hash(rt, o, out);
    case RH_K_TUPLE: {
        size_t n = rh_tuple_len(o);
        uint64_t acc = XXPRIME_5;
        for (size_t i = 0; i < n; i++) {
            int64_t h;
            if (rh_hash(rt, rh_tuple_get(o, i), &h) != 0) return -1;
            acc = xx_round(acc, h);
        }
        *out = xx_finish(acc, n);
        return 0;
    }
    case RH_K_LIST:
    case RH_K_DICT:
        rh_err_set(rt, RH_EXC_TYPE, "unhashable type: '%s'", rh_type_name(o));
        return -1;
    default: *out = rh__hash_pointer(o); return 0;
    }
}

/* ---------------------------------------------------------------- truth */

int rh_truthy(rh_runtime *rt, rh_object *o) {
    (void)rt;
    switch (o->type->kind) {
    case RH_K_NONE: return 0;
    case RH_K_BOOL:
    case RH_K_INT: return ((rh_varobject *)o)->size != 0;
    case RH_K_FLOAT: return rh_float_value(o) != 0.0;
    case RH_K_STR: return rh_str_len(o) != 0;
    case RH_K_TUPLE: return rh_tuple_len(o) != 0;
    case RH_K_LIST: return rh_list_len(o) != 0;
    case RH_K_DICT: return rh_dict_len(o) != 0;
    case RH_K_RANGE: return range_field(o, 3) != 0;
    default: return 1;
    }
}

/* ---------------------------------------------------------------- equality and ordering */

enum { CMP_UNORDERED = 2 };

/* cmp(v, d) exactly: -1, 0, 1, or CMP_UNORDERED for NaN (float_richcompare's int branch). */
static int int_float_cmp(rh_i128 v, double d) {
    if (isnan(d)) return CMP_UNORDERED;
    if (d >= 0x1p65) return -1;
    if (d <= -0x1p65) return 1;
    double fl = floor(d);
    rh_i128 i = (rh_i128)fl;
    if (v != i) return v < i ? -1 : 1;
    return d > fl ? -1 : 0;
}

static int num_cmp(rh_object *a, rh_object *b) {
    int fa = a->type->kind == RH_K_FLOAT, fb = b->type->kind == RH_K_FLOAT;
    if (!fa && !fb) {
        rh_i128 x = rh__int_value(a), y = rh__int_value(b);
        return x < y ? -1 : x > y;
    }
    if (fa && fb) {
        double x = rh_float_value(a), y = rh_float_value(b);
        if (isnan(x) || isnan(y)) return CMP_UNORDERED;
        return x < y ? -1 : x > y;
    }
    if (fb) return int_float_cmp(rh__int_value(a), rh_float_value(b));
    int c = int_float_cmp(rh__int_value(b), rh_float_value(a));
    return c == CMP_UNORDERED ? c : -c;
}

static int str_cmp(rh_object *a, rh_object *b) {
    size_t na = rh_str_len(a), nb = rh_str_len(b), n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = rh_str_char_at(a, i), y = rh_str_char_at(b, i);
        if (x != y) return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb;
}

static int apply_cmp(rh_cmp_kind op, int c) {
    if (c == CMP_UNORDERED) return op == RH_CMP_NE;
    switch (op) {
    case RH_CMP_LT: return c < 0;
    case RH_CMP_LE: return c <= 0;
    case RH_CMP_EQ: return c == 0;
    case RH_CMP_NE: return c != 0;
    case RH_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static int depth_exceeded(rh_runtime *rt, int depth) {
    if (depth <= RH_RECURSION_LIMIT) return 0;
    rh_err_set(rt, RH_EXC_RECURSION, "maximum recursion depth exceeded in comparison");
    return 1;
}

static size_t seq_len(rh_object *o) { return o->type->kind == RH_K_LIST ? rh_list_len(o) : rh_tuple_len(o); }
static rh_object *seq_item(rh_object *o, size_t i) {
    return o->type->kind == RH_K_LIST ? rh_list_get(o, i) : rh_tuple_get(o, i);
}

static int equal_impl(rh_runtime *rt, rh_object *a, rh_object *b, int depth, int identity_first);

static int dict_equal(rh_runtime *rt, rh_object *a, rh_object *b, int depth) {
    if (rh_dict_len(a) != rh_dict_len(b)) return 0;
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(a, &pos, &k, &v)) {
        rh_object *bv = rh_dict_get(rt, b, k);
        if (!bv) return rh_err_occurred(rt) ? -1 : 0;
        int r = equal_impl(rt, v, bv, depth + 1, 1);
        if (r != 1) return r;
    }
    return 1;
}

static int range_equal(rh_object *a, rh_object *b) {
    int64_t len = range_field(a, 3);
    if (len != range_field(b, 3)) return 0;
    if (len == 0) return 1;
    if (range_field(a, 0) != range_field(b, 0)) return 0;
    return len == 1 || range_field(a, 2) == range_field(b, 2);
}

static int equal_impl(rh_runtime *rt, rh_object *a, rh_object *b, int depth, int identity_first) {
    if (identity_first && a == b) return 1;
    if (depth_exceeded(rt, depth)) return -1;
    rh_kind ka = a->type->kind, kb = b->type->kind;
    if (is_num(a) && is_num(b)) return num_cmp(a, b) == 0;
    if (ka != kb) return 0;
    switch (ka) {
    case RH_K_STR: return rh_str_eq(a, b);
    case RH_K_LIST:
    case RH_K_TUPLE: {
        size_t n = seq_len(a);
        if (n != seq_len(b)) return 0;
        for (size_t i = 0; i < n && i < seq_len(a) && i < seq_len(b); i++) {
            int r = equal_impl(rt, seq_item(a, i), seq_item(b, i), depth + 1, 1);
            if (r != 1) return r;
        }
        return 1;
    }
    case RH_K_DICT: return dict_equal(rt, a, b, depth);
    case RH_K_RANGE: return range_equal(a, b);
    default: return a == b;
    }
}

int rh_equal(rh_runtime *rt, rh_object *a, rh_object *b) { return equal_impl(rt, a, b, 0, 1); }

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
const char *rh_cmp_symbol(rh_cmp_kind op) { return (unsigned)op < 6 ? cmp_sym[op] : "?"; }

static int richcmp(rh_runtime *rt, rh_cmp_kind op, rh_object *a, rh_object *b, int depth) {
    if (op == RH_CMP_EQ || op == RH_CMP_NE) {
        int r = equal_impl(rt, a, b, depth, 0);
        return r < 0 ? -1 : (op == RH_CMP_EQ ? r : !r);
    }
    if (depth_exceeded(rt, depth)) return -1;
    rh_kind ka = a->type->kind, kb = b->type->kind;
    if (is_num(a) && is_num(b)) return apply_cmp(op, num_cmp(a, b));
    if (ka == RH_K_STR && kb == RH_K_STR) return apply_cmp(op, str_cmp(a, b));
    if (ka == kb && (ka == RH_K_LIST || ka == RH_K_TUPLE)) {
        /* the first differing position decides (list_richcompare / tuplerichcompare) */
        size_t i = 0;
        for (; i < seq_len(a) && i < seq_len(b); i++) {
            int r = equal_impl(rt, seq_item(a, i), seq_item(b, i), depth + 1, 1);
            if (r < 0) return -1;
            if (r == 0) return richcmp(rt, op, seq_item(a, i), seq_item(b, i), depth + 1);
        }
        size_t na = seq_len(a), nb = seq_len(b);
        return apply_cmp(op, na < nb ? -1 : na > nb);
    }
    rh_err_set(rt, RH_EXC_TYPE, "'%s' not supported between instances of '%s' and '%s'", cmp_sym[op],
               rh_type_name(a), rh_type_name(b));
    return -1;
}

int rh_richcompare(rh_runtime *rt, rh_cmp_kind op, rh_object *a, rh_object *b) {
    if ((unsigned)op > RH_CMP_GE) {
        rh_err_set(rt, RH_EXC_VALUE, "bad comparison operator %d", (int)op);
        return -1;
    }
    return richcmp(rt, op, a, b, 0);
}

/* ---------------------------------------------------------------- repr */

struct rh_repr_frame {
    rh_object *o;
    struct rh_repr_frame *prev;
};

static int put_int(rh__sb *b, rh_object *o) {
    char buf[100];
    size_t n = rh__int_format(rh__int_value(o), 10, 0, buf);
    return rh__sb_putn(b, buf, n);
}

static int repr_items(rh__sb *b, rh_object *o) {
    rh_kind k = o->type->kind;
    int rc = 0;
    if (k == RH_K_DICT) {
        size_t pos = 0, i = 0;
        rh_object *key, *val;
        rc = rh__sb_putc(b, '{');
        while (rc == 0 && rh_dict_next(o, &pos, &key, &val)) {
            if (i++) rc = rh__sb_puts(b, ", ");
            if (rc == 0) rc = rh__repr_into(b, key);
            if (rc == 0) rc = rh__sb_puts(b, ": ");
            if (rc == 0) rc = rh__repr_into(b, val);
        }
        return rc ? rc : rh__sb_putc(b, '}');
    }
    rc = rh__sb_putc(b, k == RH_K_LIST ? '[' : '(');
    for (size_t i = 0; rc == 0 && i < seq_len(o); i++) { /* re-read the length: a repr may not shrink it */
        if (i) rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = rh__repr_into(b, seq_item(o, i));
    }
    if (rc == 0 && k == RH_K_TUPLE && seq_len(o) == 1) rc = rh__sb_putc(b, ',');
    return rc ? rc : rh__sb_putc(b, k == RH_K_LIST ? ']' : ')');
}

static int repr_container(rh__sb *b, rh_object *o) {
    rh_runtime *rt = b->rt;
    rh_kind k = o->type->kind;
    for (struct rh_repr_frame *f = rt->repr_top; f; f = f->prev)
        if (f->o == o) return rh__sb_puts(b, k == RH_K_LIST ? "[...]" : k == RH_K_DICT ? "{...}" : "(...)");
    if (rt->repr_depth >= RH_RECURSION_LIMIT) {
        rh_err_set(rt, RH_EXC_RECURSION, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    struct rh_repr_frame frame = {o, rt->repr_top};
    rt->repr_top = &frame;
    rt->repr_depth++;
    int rc = repr_items(b, o);
    rt->repr_top = frame.prev;
    rt->repr_depth--;
    return rc;
}

static int repr_range(rh__sb *b, rh_object *r) {
    rh_range *g = (rh_range *)r;
    int rc = rh__sb_puts(b, "range(");
    if (rc == 0) rc = put_int(b, g->start);
    if (rc == 0) rc = rh__sb_puts(b, ", ");
    if (rc == 0) rc = put_int(b, g->stop);
    if (rc == 0 && range_field(r, 2) != 1) {
        rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = put_int(b, g->step);
    }
    return rc ? rc : rh__sb_putc(b, ')');
}

/* a name held by a function/module (may be NULL after tp_clear) */
static int put_name(rh__sb *b, rh_object *name) {
    return name && name->type->kind == RH_K_STR ? rh__sb_put_str(b, name) : rh__sb_putc(b, '?');
}
static rh_object *func_qualname(rh_object *f) { return rh_func_qualname(f) ? rh_func_qualname(f) : rh_func_name(f); }

/* __name__ of a weakref's referent, when it has one (weakref_repr adds " (name)") */
static int referent_name(rh__sb *b, rh_object *o) {
    switch (o->type->kind) {
    case RH_K_FUNCTION: return rh__sb_printf(b, " (") || put_name(b, rh_func_name(o)) || rh__sb_putc(b, ')');
    case RH_K_TYPE: return rh__sb_printf(b, " (%s)", ((rh_type *)o)->name);
    case RH_K_BUILTIN: return rh__sb_printf(b, " (%s)", rh_builtin_get_def(o)->name);
    case RH_K_MODULE: return rh__sb_printf(b, " (") || put_name(b, rh_module_name(o)) || rh__sb_putc(b, ')');
    default: return 0;
    }
}

static int repr_other(rh__sb *b, rh_object *o) {
    const void *p = o;
    switch (o->type->kind) {
    case RH_K_TYPE: {
        const rh_type *t = (const rh_type *)o;
        if (t->flags & RH_TPFLAG_CLASSIC) return rh__sb_printf(b, "<class __main__.%s at %p>", t->name, p); /* class_repr, 2.7 */
        if (!(t->flags & RH_TPFLAG_HEAPTYPE) && b->rt->profile->python2) /* type_repr, 2.7 */
            return rh__sb_printf(b, "<type '%s'>", t->name);
        return rh__sb_printf(b, "<class '%s%s'>", (t->flags & RH_TPFLAG_HEAPTYPE) ? "__main__." : "", t->name);
    }
    case RH_K_INSTANCE: /* object_repr; 2.7's instance_repr for classic instances */
        return rh__sb_printf(b, (o->type->flags & RH_TPFLAG_CLASSIC) ? "<__main__.%s instance at %p>"
                                                                      : "<__main__.%s object at %p>", rh_type_name(o), p);
    case RH_K_FUNCTION:
        return rh__sb_puts(b, "<function ") || put_name(b, func_qualname(o)) || rh__sb_printf(b, " at %p>", p);
    case RH_K_METHOD: { /* method_repr: "<bound method %U of %R>" */
        rh_object *f = rh_method_func(o), *self = rh_method_self(o);
        int rc = rh__sb_puts(b, "<bound method ");
        if (rc == 0) rc = put_name(b, f && f->type->kind == RH_K_FUNCTION ? func_qualname(f) : NULL);
        if (rc == 0) rc = rh__sb_puts(b, " of ");
        if (rc == 0) rc = self ? rh__repr_into(b, self) : rh__sb_puts(b, "?");
        return rc ? rc : rh__sb_putc(b, '>');
    }
    case RH_K_BUILTIN: {
        rh_object *self = rh_builtin_self(o);
        const char *name = rh_builtin_get_def(o)->name;
        if (!self || self->type->kind == RH_K_MODULE) return rh__sb_printf(b, "<built-in function %s>", name);
        return rh__sb_printf(b, "<built-in method %s of %s object at %p>", name, rh_type_name(self), (void *)self);
    }
    case RH_K_MODULE:
        return rh__sb_puts(b, "<module '") || put_name(b, rh_module_name(o)) || rh__sb_puts(b, "' (built-in)>");
    case RH_K_WEAKREF: {
        rh_object *r = rh_weakref_get(o);
        if (!r || r->type->kind == RH_K_NONE) return rh__sb_printf(b, "<weakref at %p; dead>", p);
        /* weakref_repr (3.11): "<weakref at P; to 'T' at Q (name)>" — the name, when the referent has one,
         * goes inside the brackets */
        return rh__sb_printf(b, "<weakref at %p; to '%s' at %p", p, rh_type_name(r), (void *)r) ||
               referent_name(b, r) || rh__sb_putc(b, '>') ? -1 : 0;
    }
    case RH_K_OTHER: return rh__sb_printf(b, "<%s object at %p>", rh_box_type_name(o), p);
    default: return rh__sb_printf(b, "<%s object at %p>", rh_type_name(o), p);
    }
}

int rh__repr_into(rh__sb *b, rh_object *o) {
    switch (o->type->kind) {
    case RH_K_NONE:
    case RH_K_BOOL: return rh__sb_puts(b, rh__none_bool_repr(o));
    case RH_K_INT: return put_int(b, o);
    case RH_K_FLOAT: {
        char buf[RH_FLOAT_REPR_MAX];
        size_t n = rh__float_repr(rh_float_value(o), buf);
        return rh__sb_putn(b, buf, n);
    }
    case RH_K_STR: return rh__sb_put_str_repr(b, o, 0);
    case RH_K_LIST:
    case RH_K_TUPLE:
    case RH_K_DICT: return repr_container(b, o);
    case RH_K_RANGE: return repr_range(b, o);
    default: return repr_other(b, o);
    }
}

rh_object *rh_repr(rh_runtime *rt, rh_object *o) {
    rh__sb b;
    rh__sb_init(&b, rt);
    if (rh__repr_into(&b, o) != 0) {
        if (b.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish(&b);
}

/* float_str, 2.7: PyOS_double_to_string(x, 'g', 12, Py_DTSF_ADD_DOT_0) — 12 significant digits, and
 * ".0" when the result would read as an int (3.x's str is the repr). */
static rh_object *float_str_digits(rh_runtime *rt, double v, int digits) {
    char buf[64];
    if (isnan(v)) return rh_str_from_cstr(rt, "nan");
    if (isinf(v)) return rh_str_from_cstr(rt, v < 0 ? "-inf" : "inf");
    snprintf(buf, sizeof buf - 2, "%.*g", digits, v);
    if (!strpbrk(buf, ".e")) strcat(buf, ".0");
    return rh_str_from_cstr(rt, buf);
}

rh_object *rh_str(rh_runtime *rt, rh_object *o) {
    if (o->type->kind == RH_K_STR) {
        rh_incref(o);
        return o;
    }
    if (o->type->kind == RH_K_FLOAT && rt->profile->float_str_digits)
        return float_str_digits(rt, rh_float_value(o), (int)rt->profile->float_str_digits);
    return rh_repr(rt, o);
}

rh_object *rh_ascii(rh_runtime *rt, rh_object *o) {
    rh_object *r = rh_repr(rt, o);
    if (!r) return NULL;
    size_t n = rh_str_len(r), i = 0;
    while (i < n && rh_str_char_at(r, i) < 0x80) i++;
    if (i == n) return r;
    rh__sb b;
    rh__sb_init(&b, rt);
    for (i = 0; i < n; i++) {
        uint32_t c = rh_str_char_at(r, i);
        if (c < 0x80) rh__sb_putc(&b, (char)c);
        else rh__sb_put_escape(&b, c);
    }
    rh_decref(rt, r);
    return rh__sb_finish(&b);
}

/* ---------------------------------------------------------------- arithmetic */

static const char *const binop_sym[RH_BINOP__COUNT] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
const char *rh_binop_symbol(rh_binop_kind op) { return (unsigned)op < RH_BINOP__COUNT ? binop_sym[op] : "?"; }

static rh_object *unsupported(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_err_set(rt, RH_EXC_TYPE, "unsupported operand type(s) for %s: '%s' and '%s'",
               op == RH_BINOP_POW ? "** or pow()" : binop_sym[op], rh_type_name(a), rh_type_name(b));
    return NULL;
}

static rh_object *too_large(rh_runtime *rt) {
    rh_err_set(rt, RH_EXC_OVERFLOW, RH_INT_TOO_LARGE);
    return NULL;
}

static int in_range(rh_i128 v) { return v <= (rh_i128)RH_INT_MAG_MAX && v >= -(rh_i128)RH_INT_MAG_MAX; }

static rh_object *int_pow(rh_runtime *rt, rh_i128 x, rh_i128 y) {
    if (y == 0) return rh__int_from_i128(rt, 1);
    if (x == 0 || x == 1) return rh__int_from_i128(rt, x);
    if (x == -1) return rh__int_from_i128(rt, (y & 1) ? -1 : 1);
    if (y > 64) return too_large(rt); /* |x| >= 2 */
    rh_i128 r = 1, base = x;
    for (rh_i128 e = y;;) {
        if ((e & 1) && (__builtin_mul_overflow(r, base, &r) || !in_range(r))) return too_large(rt);
        e >>= 1;
        if (!e) break;
        if (__builtin_mul_overflow(base, base, &base) || !in_range(base)) return too_large(rt);
    }
    return rh__int_from_i128(rt, r);
}

/* a float kernel's result: kernel(rt, x, y, &out) returned rc */
static rh_object *float_result(rh_runtime *rt, int rc, const double *out) { return rc ? NULL : rh_float_new(rt, *out); }

static rh_object *int_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_i128 x = rh__int_value(a), y = rh__int_value(b), r = 0;
    int both_bool = a->type->kind == RH_K_BOOL && b->type->kind == RH_K_BOOL;
    double d;
    switch (op) {
    case RH_BINOP_ADD: r = x + y; break;
    case RH_BINOP_SUB: r = x - y; break;
    case RH_BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return too_large(rt);
        break;
    case RH_BINOP_TRUEDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "division by zero");
            return NULL;
        }
        return rh_float_new(rt, rh__int_truediv(x, y));
    case RH_BINOP_FLOORDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "integer division or modulo by zero");
            return NULL;
        }
        r = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0))) r -= 1;
        break;
    case RH_BINOP_MOD:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "integer modulo by zero");
            return NULL;
        }
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case RH_BINOP_POW:
        if (y < 0) return float_result(rt, rh__float_pow(rt, (double)x, (double)y, &d), &d); /* long_pow */
        return int_pow(rt, x, y);
    case RH_BINOP_LSHIFT:
    case RH_BINOP_RSHIFT:
        if (y < 0) {
            rh_err_set(rt, RH_EXC_VALUE, "negative shift count");
            return NULL;
        }
        if (op == RH_BINOP_RSHIFT) r = y >= 127 ? (x < 0 ? -1 : 0) : x >> (int)y;
        else if (x == 0) r = 0;
        else if (y > 64) return too_large(rt);
        else r = x * ((rh_i128)1 << (int)y);
        break;
    case RH_BINOP_AND: r = x & y; break;
    case RH_BINOP_OR: r = x | y; break;
    case RH_BINOP_XOR: r = x ^ y; break;
    default: return unsupported(rt, op, a, b);
    }
    if (both_bool && (op == RH_BINOP_AND || op == RH_BINOP_OR || op == RH_BINOP_XOR)) return rh_bool(rt, r != 0);
    return rh__int_from_i128(rt, r);
}

static rh_object *float_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    double x = num_double(a), y = num_double(b), r;
    switch (op) {
    case RH_BINOP_ADD: return rh_float_new(rt, x + y);
    case RH_BINOP_SUB: return rh_float_new(rt, x - y);
    case RH_BINOP_MUL: return rh_float_new(rt, x * y);
    case RH_BINOP_TRUEDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "float division by zero");
            return NULL;
        }
        return rh_float_new(rt, x / y);
    case RH_BINOP_FLOORDIV: return float_result(rt, rh__float_floordiv(rt, x, y, &r), &r);
    case RH_BINOP_MOD: return float_result(rt, rh__float_mod(rt, x, y, &r), &r);
    case RH_BINOP_POW: return float_result(rt, rh__float_pow(rt, x, y, &r), &r);
    default: return unsupported(rt, op, a, b);
    }
}

int rh_index_value(rh_runtime *rt, rh_object *o, int64_t *out) {
    if (!is_int(o)) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(o));
        return -1;
    }
    rh_i128 v = rh__int_value(o);
    if (v > INT64_MAX || v < INT64_MIN) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "cannot fit '%s' into an index-sized integer", rh_type_name(o));
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

static int is_seq(const rh_object *o) {
    rh_kind k = o->type->kind;
    return k == RH_K_STR || k == RH_K_LIST || k == RH_K_TUPLE;
}

/* tuple_repeat: () and n == 1 give the tuple itself; sizes beyond memory raise MemoryError. */
static rh_object *tuple_repeat(rh_runtime *rt, rh_object *t, int64_t n) {
    size_t len = rh_tuple_len(t);
    if (len == 0 || n == 1) {
        rh_incref(t);
        return t;
    }
    if (n <= 0) {
        rh_incref(rh_empty_tuple(rt));
        return rh_empty_tuple(rt);
    }
    if (len > (RH_SSIZE_MAX / sizeof(rh_object *)) / (uint64_t)n) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *r = rh_tuple_new(rt, len * (size_t)n);
    if (!r) return NULL;
    for (size_t i = 0, k = 0; i < (size_t)n; i++)
        for (size_t j = 0; j < len; j++, k++) {
            rh_object *it = rh_tuple_get(t, j);
            rh_incref(it);
            rh_tuple_set(r, k, it);
        }
    return r;
}

static rh_object *seq_repeat(rh_runtime *rt, rh_object *seq, rh_object *count) {
    int64_t n;
    if (!is_int(count)) {
        rh_err_set(rt, RH_EXC_TYPE, "can't multiply sequence by non-int of type '%s'", rh_type_name(count));
        return NULL;
    }
    if (rh_index_value(rt, count, &n) != 0) return NULL;
    switch (seq->type->kind) {
    case RH_K_STR: return rh_str_repeat(rt, seq, n);
    case RH_K_LIST: return rh_list_repeat(rt, seq, n);
    default: return tuple_repeat(rt, seq, n);
    }
}

static rh_object *seq_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    rh_kind ka = a->type->kind;
    if (b->type->kind != ka) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate %s (not \"%s\") to %s", rh_type_name(a), rh_type_name(b),
                   rh_type_name(a));
        return NULL;
    }
    if (ka == RH_K_STR) return rh_str_concat(rt, a, b);
    if (ka == RH_K_LIST) return rh_list_concat(rt, a, b);
    return rh_tuple_concat(rt, a, b);
}

rh_object *rh_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    if ((unsigned)op >= RH_BINOP__COUNT) {
        rh_err_set(rt, RH_EXC_VALUE, "bad binary operator %d", (int)op);
        return NULL;
    }
    if (is_num(a) && is_num(b)) {
        if (a->type->kind == RH_K_FLOAT || b->type->kind == RH_K_FLOAT) return float_binop(rt, op, a, b);
        return int_binop(rt, op, a, b);
    }
    if (op == RH_BINOP_ADD && is_seq(a)) return seq_concat(rt, a, b);
    if (op == RH_BINOP_MUL && is_seq(a)) return seq_repeat(rt, a, b);
    if (op == RH_BINOP_MUL && is_seq(b)) return seq_repeat(rt, b, a);
    if (op == RH_BINOP_MOD && a->type->kind == RH_K_STR) return rh_str_format_percent(rt, a, b);
    return unsupported(rt, op, a, b);
}

/* The items `list += b` appends: a list or tuple as it is, otherwise a temporary list (new reference in
 * *tmp) of a range's values, a dict's keys or a str's characters. */
static rh_object *extend_source(rh_runtime *rt, rh_object *b, rh_object **tmp) {
    *tmp = NULL;
    switch (b->type->kind) {
    case RH_K_LIST:
    case RH_K_TUPLE: return b;
    case RH_K_RANGE: return *tmp = rh_list_from_range(rt, range_field(b, 0), range_field(b, 1), range_field(b, 2));
    case RH_K_DICT: return *tmp = rh_dict_keys_list(rt, b);
    case RH_K_STR: {
        size_t n = rh_str_len(b);
        rh_object *l = rh_list_new(rt, n);
        for (size_t i = 0; l && i < n; i++) {
            rh_object *c = rh_str_getitem(rt, b, (int64_t)i);
            if (!c) {
                for (size_t j = i; j < n; j++) rh_list_set_init(l, j, (rh_incref(rh_none(rt)), rh_none(rt)));
                rh_decref(rt, l);
                return NULL;
            }
            rh_list_set_init(l, i, c);
        }
        return *tmp = l;
    }
    default:
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not iterable", rh_type_name(b));
        return NULL;
    }
}

rh_object *rh_inplace_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    if (a->type->kind != RH_K_LIST || (op != RH_BINOP_ADD && op != RH_BINOP_MUL)) return rh_binop(rt, op, a, b);
    if (op == RH_BINOP_ADD) { /* list_inplace_concat: list.extend(b) */
        rh_object *tmp, *src = extend_source(rt, b, &tmp);
        if (!src) return NULL;
        int rc = rh_list_extend(rt, a, src);
        rh_xdecref(rt, tmp);
        if (rc != 0) return NULL;
    } else { /* list_inplace_repeat */
        int64_t n;
        if (!is_int(b)) {
            rh_err_set(rt, RH_EXC_TYPE, "can't multiply sequence by non-int of type '%s'", rh_type_name(b));
            return NULL;
        }
        if (rh_index_value(rt, b, &n) != 0) return NULL;
        if (n <= 0) {
            if (rh_list_clear(rt, a) != 0) return NULL;
        } else if (n > 1) {
            rh_object *r = rh_list_repeat(rt, a, n);
            if (!r) return NULL;
            int rc = rh_list_clear(rt, a);
            if (rc == 0) rc = rh_list_extend(rt, a, r);
            rh_decref(rt, r);
            if (rc != 0) return NULL;
        }
    }
    rh_incref(a);
    return a;
}

rh_object *rh_unop(rh_runtime *rt, rh_unop_kind op, rh_object *o) {
    static const char *const sym[] = {"-", "+", "~"};
    if (op == RH_UNOP_NOT) {
        int t = rh_truthy(rt, o);
        return t < 0 ? NULL : rh_bool(rt, !t);
    }
    if ((unsigned)op > RH_UNOP_INVERT) {
        rh_err_set(rt, RH_EXC_VALUE, "bad unary operator %d", (int)op);
        return NULL;
    }
    if (is_int(o)) {
        rh_i128 v = rh__int_value(o);
        if (op == RH_UNOP_POS && o->type->kind == RH_K_INT) { /* long_long: an exact int is returned as is */
            rh_incref(o);
            return o;
        }
        return rh__int_from_i128(rt, op == RH_UNOP_NEG ? -v : op == RH_UNOP_POS ? v : -(v + 1));
    }
    if (o->type->kind == RH_K_FLOAT && op != RH_UNOP_INVERT) {
        if (op == RH_UNOP_POS) {
            rh_incref(o);
            return o;
        }
        return rh_float_new(rt, -rh_float_value(o));
    }
    rh_err_set(rt, RH_EXC_TYPE, "bad operand type for unary %s: '%s'", sym[op], rh_type_name(o));
    return NULL;
}
