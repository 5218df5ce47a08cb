/* resolve.c — what CPython's symtable and compiler do before running: scopes, constants, folding.
 *
 * Owns: scope analysis (function locals become fast slots; `global` names and module names are globals;
 * class-body names live in the class namespace; comprehension variables get private fast slots), the
 * merged constant table (one object per equal constant in the whole file, as the compiler's const cache;
 * identifier-like strings interned), constant folding of unary/binary operations on numbers and of
 * tuples of constants (as CPython's AST optimizer), and interned name objects for every identifier.
 * Invariants: after hx_prepare every E_NAME and name target has a scope (and slot when SC_FAST), every
 * E_CONST has cst set (borrowed from I->consts or a singleton), every name-bearing node has name_obj.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

typedef struct scope {
    hx_code *code;
    char **globs;
    int nglobs;
    int nlocals;             /* function: slots [0, nlocals) are named locals */
    struct { const char *name; int slot; } ov[64];
    int nov;
    const char *classname;   /* for qualnames */
    const void *owner;       /* the code object whose co_consts hold the constants met here */
    int late;                /* owner lives until teardown (function code) */
    struct scope *parent;    /* a <genexpr> unit: the scope it is nested in (free variables), else NULL */
    int in_comp;             /* inside a comprehension or generator expression (no yield there) */
} scope;

typedef struct prep {
    hx_interp *I;
    hx_cerr *err;
    struct { const void *owner; rh_object *c; } *uses;   /* (code, constant) pairs already counted */
    int nuses, capuses;
} prep;

static void push_ref(rh_object ***v, int *n, int *cap, rh_object *o) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *v = realloc(*v, (size_t)*cap * sizeof **v);
        if (!*v) abort();
    }
    rh_incref(o);
    (*v)[(*n)++] = o;
}

/* co_consts: one reference per distinct constant per code object */
static void count_use(prep *P, scope *s, rh_object *c) {
    hx_interp *I = P->I;
    if (c == rh_none(I->rt) || c == rh_true(I->rt) || c == rh_false(I->rt)) return;
    for (int i = 0; i < P->nuses; i++)
        if (P->uses[i].owner == s->owner && P->uses[i].c == c) return;
    if (P->nuses == P->capuses) {
        P->capuses = P->capuses ? P->capuses * 2 : 64;
        P->uses = realloc(P->uses, (size_t)P->capuses * sizeof *P->uses);
        if (!P->uses) abort();
    }
    P->uses[P->nuses].owner = s->owner;
    P->uses[P->nuses].c = c;
    P->nuses++;
    if (s->late) push_ref(&I->late, &I->nlate, &I->caplate, c);
    else push_ref(&I->early, &I->nearly, &I->capearly, c);
}

static int add_slot(hx_code *c, const char *name) {
    c->slotnames = realloc(c->slotnames, (size_t)(c->nslots + 1) * sizeof(char *));
    if (!c->slotnames) abort();
    c->slotnames[c->nslots] = strdup(name);
    if (!c->slotnames[c->nslots]) abort();
    return c->nslots++;
}

static int find_local(scope *s, const char *name) {
    for (int i = 0; i < s->nlocals; i++)
        if (strcmp(s->code->slotnames[i], name) == 0) return i;
    return -1;
}

static int is_global_decl(scope *s, const char *name) {
    for (int i = 0; i < s->nglobs; i++)
        if (strcmp(s->globs[i], name) == 0) return 1;
    return 0;
}

/* ---------------------------------------------------------------- names and constants */

static rh_object *intern_name(prep *P, const char *name) {
    hx_interp *I = P->I;
    rh_object *s = rh_str_intern_utf8(I->rt, name, strlen(name));
    if (!s) return NULL;
    for (int i = 0; i < I->nnames; i++)
        if (I->names[i] == s) { rh_decref(I->rt, s); return I->names[i]; }
    if (I->nnames == I->capnames) {
        I->capnames = I->capnames ? I->capnames * 2 : 64;
        I->names = realloc(I->names, (size_t)I->capnames * sizeof *I->names);
        if (!I->names) abort();
    }
    I->names[I->nnames++] = s;
    return s;
}

/* The frozenset constant of a set display: PyFrozenSet_New of the tuple of the item constants
 * (starunpack_helper), made again from its own iteration order when the compiler merges it into the
 * constants (merge_consts_recursive), which moves colliding keys as CPython's constant does. */
static rh_object *new_frozenset(rh_runtime *rt, hx_node *n) {
    rh_object *t = rh_tuple_new(rt, (size_t)n->n), *f = NULL;
    if (!t) return NULL;
    for (int i = 0; i < n->n; i++) {
        rh_incref(n->items[i]->cst);
        rh_tuple_set(t, (size_t)i, n->items[i]->cst);
    }
    rh_object *first = rh_frozenset_new(rt, t), *t2 = NULL;
    rh_decref(rt, t);
    if (first) t2 = rh_tuple_new(rt, rh_set_len(first));
    size_t pos = 0, i = 0;
    rh_object *k;
    while (t2 && rh_set_next(first, &pos, &k)) rh_tuple_set(t2, i++, (rh_incref(k), k));
    if (t2) f = rh_frozenset_new(rt, t2);
    rh_xdecref(rt, t2);
    rh_xdecref(rt, first);
    return f;
}

static int same_const(rh_runtime *rt, hx_node *n, rh_object *o) {
    switch (n->ckind) {
    case K_INT: {
        int64_t v;
        if (rh_kind_of(o) != RH_K_INT) return 0;
        if (n->sval) { /* a literal beyond int64: equal values are one constant (the compiler's merge) */
            rh_object *x = rh_int_from_text_base(rt, n->sval, n->slen, 0);
            int eq = x ? rh_equal(rt, x, o) == 1 : 0;
            rh_xdecref(rt, x);
            rh_err_clear(rt);
            return eq;
        }
        if (rh_int_as_i64(rt, o, &v) != 0) { rh_err_clear(rt); return 0; }
        return v == n->ival;
    }
    case K_FLOAT: {
        if (rh_kind_of(o) != RH_K_FLOAT) return 0;
        double d = rh_float_value(o);
        return memcmp(&d, &n->fval, sizeof d) == 0;
    }
    case K_STR: {
        if (rh_kind_of(o) != RH_K_STR) return 0;
        /* through a copy: rh_str_utf8 would keep a UTF-8 form in the str, which getsizeof counts */
        char small[128];
        size_t cap = n->slen + 1;
        char *buf = cap <= sizeof small ? small : malloc(cap);
        if (!buf) abort();
        size_t len = rh_str_utf8_copy(o, buf, cap);
        int eq = len == n->slen && memcmp(buf, n->sval, len) == 0;
        if (buf != small) free(buf);
        return eq;
    }
    case K_TUPLE:
        if (rh_kind_of(o) != RH_K_TUPLE || rh_tuple_len(o) != (size_t)n->n) return 0;
        for (int i = 0; i < n->n; i++)
            if (rh_tuple_get(o, (size_t)i) != n->items[i]->cst) return 0;
        return 1;
    case K_FROZENSET: { /* holds exactly the item constants (merged, so compared by identity) */
        if (rh_kind_of(o) != RH_K_FROZENSET) return 0;
        size_t distinct = 0;
        for (int i = 0; i < n->n; i++) {
            int seen = 0, found = 0;
            for (int j = 0; j < i && !seen; j++) seen = n->items[j]->cst == n->items[i]->cst;
            if (seen) continue;
            distinct++;
            size_t pos = 0;
            rh_object *k;
            while (!found && rh_set_next(o, &pos, &k)) found = k == n->items[i]->cst;
            if (!found) return 0;
        }
        return rh_set_len(o) == distinct;
    }
    default: return 0;
    }
}

static rh_object *new_const(prep *P, hx_node *n) {
    rh_runtime *rt = P->I->rt;
    switch (n->ckind) {
    case K_INT: return n->sval ? rh_int_from_text_base(rt, n->sval, n->slen, 0) : rh_int_from_i64(rt, n->ival);
    case K_FLOAT: return rh_float_new(rt, n->fval);
    case K_STR: {
        rh_object *s = rh_str_from_utf8(rt, n->sval, n->slen);
        if (s && rh_str_is_name_like(s) && rh_str_intern_in_place(rt, &s) != 0) { rh_decref(rt, s); return NULL; }
        return s;
    }
    case K_TUPLE: {
        if (n->n == 0) { rh_incref(rh_empty_tuple(rt)); return rh_empty_tuple(rt); }
        rh_object *t = rh_tuple_new(rt, (size_t)n->n);
        if (!t) return NULL;
        for (int i = 0; i < n->n; i++) {
            rh_incref(n->items[i]->cst);
            rh_tuple_set(t, (size_t)i, n->items[i]->cst);
        }
        return t;
    }
    case K_FROZENSET: return new_frozenset(rt, n);
    default: return NULL;
    }
}

static int make_const(prep *P, scope *s, hx_node *n) {
    hx_interp *I = P->I;
    rh_runtime *rt = I->rt;
    if (n->ckind == K_NONE) { n->cst = rh_none(rt); return 0; }
    if (n->ckind == K_TRUE) { n->cst = rh_true(rt); return 0; }
    if (n->ckind == K_FALSE) { n->cst = rh_false(rt); return 0; }
    for (int i = 0; i < I->nconsts; i++)
        if (same_const(rt, n, I->consts[i])) { n->cst = I->consts[i]; count_use(P, s, n->cst); return 0; }
    rh_object *o = new_const(P, n);
    if (!o) {
        hx_cerr_set(P->err, n->line, n->col, "cannot create constant: %s", rh_err_message(rt));
        if (rh_err_occurred(rt) != RH_EXC_MEMORY) rh_err_clear(rt); /* main.c reports MemoryError itself */
        return -1;
    }
    if (I->nconsts == I->capconsts) {
        I->capconsts = I->capconsts ? I->capconsts * 2 : 64;
        I->consts = realloc(I->consts, (size_t)I->capconsts * sizeof *I->consts);
        if (!I->consts) abort();
    }
    I->consts[I->nconsts++] = o;
    n->cst = o;
    count_use(P, s, o);
    return 0;
}

/* ---------------------------------------------------------------- folding */

static void become_const(hx_node *n) {
    hx_node_free(n->a);
    hx_node_free(n->b);
    n->a = n->b = NULL;
    n->kind = E_CONST;
}

static int num_of(hx_node *n, int64_t *iv, double *fv) {
    if (n->kind != E_CONST) return 0;
    if (n->ckind == K_INT && n->sval) return 0; /* beyond int64: not folded here */
    if (n->ckind == K_INT) { *iv = n->ival; *fv = (double)n->ival; return 1; }
    if (n->ckind == K_TRUE || n->ckind == K_FALSE) return 0;
    if (n->ckind == K_FLOAT) { *fv = n->fval; return 2; }
    return 0;
}

static int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int ipow(int64_t b, int64_t e, int64_t *out) {
    int64_t r = 1;
    while (e > 0) {
        if (e & 1) { if (__builtin_mul_overflow(r, b, &r)) return -1; }
        e >>= 1;
        if (e && __builtin_mul_overflow(b, b, &b)) return -1;
    }
    *out = r;
    return 0;
}

/* Fold n (E_UNARY / E_BINOP over constants) in place; leaves it alone when it cannot be folded safely. */
static void fold(hx_node *n) {
    int64_t ia = 0, ib = 0, ir = 0;
    double fa = 0, fb = 0, fr = 0;
    if (n->kind == E_UNARY) {
        int k = num_of(n->a, &ia, &fa);
        if (!k) return;
        if (k == 1) {
            if (n->op == OP_NEG) { if (ia == INT64_MIN) return; ir = -ia; }
            else if (n->op == OP_POS) ir = ia;
            else ir = ~ia;
            become_const(n);
            n->ckind = K_INT;
            n->ival = ir;
        } else {
            if (n->op == OP_INVERT) return;
            fr = n->op == OP_NEG ? -fa : fa;
            become_const(n);
            n->ckind = K_FLOAT;
            n->fval = fr;
        }
        return;
    }
    if (n->kind != E_BINOP) return;
    if (n->a->kind == E_CONST && n->b->kind == E_CONST && n->a->ckind == K_STR && n->b->ckind == K_STR &&
        n->op == OP_ADD && n->a->slen + n->b->slen <= 4096) {
        size_t l = n->a->slen + n->b->slen;
        char *s = malloc(l + 1);
        if (!s) abort();
        memcpy(s, n->a->sval, n->a->slen);
        memcpy(s + n->a->slen, n->b->sval, n->b->slen);
        s[l] = 0;
        become_const(n);
        n->ckind = K_STR;
        n->sval = s;
        n->slen = l;
        return;
    }
    int ka = num_of(n->a, &ia, &fa), kb = num_of(n->b, &ib, &fb);
    if (!ka || !kb) return;
    if (ka == 1 && kb == 1) {
        switch (n->op) {
        case OP_ADD: if (__builtin_add_overflow(ia, ib, &ir)) return; break;
        case OP_SUB: if (__builtin_sub_overflow(ia, ib, &ir)) return; break;
        case OP_MUL: if (__builtin_mul_overflow(ia, ib, &ir)) return; break;
        case OP_FLOORDIV: if (ib == 0 || (ia == INT64_MIN && ib == -1)) return; ir = floordiv64(ia, ib); break;
        case OP_MOD:
            if (ib == 0 || (ia == INT64_MIN && ib == -1)) return;
            ir = ia % ib;
            if (ir != 0 && ((ir < 0) != (ib < 0))) ir += ib;
            break;
        case OP_POW: if (ib < 0 || ipow(ia, ib, &ir) != 0) return; break;
        case OP_LSHIFT: if (ib < 0 || ib > 62 || (ia != 0 && (ia > (INT64_MAX >> ib) || ia < (INT64_MIN >> ib)))) return; ir = (int64_t)((uint64_t)ia << ib); break;
        case OP_RSHIFT: if (ib < 0) return; ir = ib > 63 ? (ia < 0 ? -1 : 0) : ia >> ib; break;
        case OP_AND: ir = ia & ib; break;
        case OP_OR: ir = ia | ib; break;
        case OP_XOR: ir = ia ^ ib; break;
        case OP_DIV:
            if (ib == 0) return;
            fr = (double)ia / (double)ib;
            become_const(n);
            n->ckind = K_FLOAT;
            n->fval = fr;
            return;
        default: return;
        }
        become_const(n);
        n->ckind = K_INT;
        n->ival = ir;
        return;
    }
    switch (n->op) {
    case OP_ADD: fr = fa + fb; break;
    case OP_SUB: fr = fa - fb; break;
    case OP_MUL: fr = fa * fb; break;
    case OP_DIV: if (fb == 0) return; fr = fa / fb; break;
    default: return;
    }
    become_const(n);
    n->ckind = K_FLOAT;
    n->fval = fr;
}

static int all_const(hx_node *n) {
    for (int i = 0; i < n->n; i++)
        if (n->items[i]->kind != E_CONST) return 0;
    return 1;
}

/* ---------------------------------------------------------------- walking */

static int r_expr(prep *P, scope *s, hx_node *n);
static int r_target(prep *P, scope *s, hx_node *n);
static int r_body(prep *P, scope *s, hx_node **b, int nb);

static int name_scope(scope *s, hx_node *n, int store) {
    for (int i = s->nov - 1; i >= 0; i--)
        if (strcmp(s->ov[i].name, n->name) == 0) { n->scope = SC_FAST; n->slot = s->ov[i].slot; return 0; }
    switch (s->code->kind) {
    case CODE_MODULE: n->scope = SC_GLOBAL; return 0;
    case CODE_CLASS: n->scope = SC_CLASS; return 0;
    case CODE_FUNCTION:
        if (is_global_decl(s, n->name)) { n->scope = SC_GLOBAL; return 0; }
        n->slot = find_local(s, n->name);
        n->scope = n->slot >= 0 ? SC_FAST : SC_GLOBAL;
        (void)store;
        return 0;
    }
    return 0;
}

/* A name a <genexpr> does not bind that is a local of an enclosing function (or of a comprehension there)
 * would be a free variable (a cell): refused until closures exist, rather than read as a global. */
static int free_variable(scope *s, const char *name) {
    for (scope *p = s->parent; p; p = p->parent) {
        for (int i = 0; i < p->nov; i++)
            if (strcmp(p->ov[i].name, name) == 0) return 1;
        if (p->code->kind == CODE_FUNCTION && !is_global_decl(p, name) && find_local(p, name) >= 0) return 1;
    }
    return 0;
}

static int r_name(prep *P, scope *s, hx_node *n, int store) {
    name_scope(s, n, store);
    if (n->scope == SC_GLOBAL && s->parent && free_variable(s, n->name)) {
        hx_cerr_set(P->err, n->line, n->col,
                    "unsupported free variable '%s' in a generator expression (a local of the enclosing function; "
                    "closures are not supported); supported: module globals and the first iterable", n->name);
        return -1;
    }
    n->name_obj = intern_name(P, n->name);
    if (!n->name_obj) { hx_cerr_set(P->err, n->line, n->col, "out of memory"); return -1; }
    return 0;
}

static int r_list(prep *P, scope *s, hx_node **v, int k) {
    for (int i = 0; i < k; i++)
        if (r_expr(P, s, v[i])) return -1;
    return 0;
}

static int r_target(prep *P, scope *s, hx_node *n) {
    switch (n->kind) {
    case E_NAME: return r_name(P, s, n, 1);
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < n->n; i++)
            if (r_target(P, s, n->items[i])) return -1;
        return 0;
    case E_ATTR:
        if (r_expr(P, s, n->a)) return -1;
        n->name_obj = intern_name(P, n->name);
        return n->name_obj ? 0 : -1;
    case E_SUBSCR: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
    default:
        hx_cerr_set(P->err, n->line, n->col, "syntax error: cannot assign to expression");
        return -1;
    }
}

static void comp_vars(scope *s, hx_node *t) {
    if (t->kind == E_NAME) {
        if (s->nov < 64) {
            s->ov[s->nov].name = t->name;
            s->ov[s->nov].slot = add_slot(s->code, t->name);
            s->nov++;
        }
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) comp_vars(s, t->items[i]);
    }
}

/* A later `for` clause of a comprehension: its iterable, its target, its ifs (in the comprehension's scope) */
static int r_comp_clause(prep *P, scope *s, hx_node *k) {
    return r_expr(P, s, k->b) || r_target(P, s, k->a) || r_list(P, s, k->items2, k->n2) ? -1 : 0;
}

static void genexp_locals(hx_code *c, scope *gs, hx_node *t) {
    if (t->kind == E_NAME) {
        if (find_local(gs, t->name) < 0) gs->nlocals = add_slot(c, t->name) + 1;
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) genexp_locals(c, gs, t->items[i]);
    }
}

/* (elt for ...): compiler_comprehension's <genexpr> function (symtable: a function scope with the
 * parameter `.0`, the first iterable evaluated in the enclosing scope and passed in as an iterator). */
static int r_genexp(prep *P, scope *s, hx_node *n) {
    if (r_expr(P, s, n->c)) return -1;
    hx_code *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->kind = CODE_FUNCTION;
    c->name = strdup("<genexpr>");
    const char *outer = s->code->kind == CODE_FUNCTION ? s->code->qualname : NULL;
    size_t l = (outer ? strlen(outer) + 9 : 0) + 10;
    c->qualname = malloc(l);
    if (!c->name || !c->qualname) abort();
    snprintf(c->qualname, l, "%s%s<genexpr>", outer ? outer : "", outer ? ".<locals>." : "");
    c->line = n->line;
    c->co_flags = HX_CO_GENERATOR;
    c->comp = n;
    c->nparams = 1;
    c->params = malloc(sizeof(char *));
    if (!c->params) abort();
    c->params[0] = strdup(".0");
    n->code = c;
    n->name_obj = intern_name(P, "<genexpr>");
    if (!n->name_obj) return -1;
    scope gs = {.code = c, .owner = c, .late = 1, .parent = s, .in_comp = 1};
    add_slot(c, ".0");
    gs.nlocals = 1;
    genexp_locals(c, &gs, n->b);
    for (int k = 0; k < n->n; k++) genexp_locals(c, &gs, n->items[k]->a);
    int rc = r_target(P, &gs, n->b) || r_list(P, &gs, n->items2, n->n2) ? -1 : 0;
    for (int k = 0; rc == 0 && k < n->n; k++) rc = r_comp_clause(P, &gs, n->items[k]);
    if (rc == 0) rc = r_expr(P, &gs, n->a);
    return rc;
}

static int r_expr(prep *P, scope *s, hx_node *n) {
    if (!n) return 0;
    switch (n->kind) {
    case E_NAME: return r_name(P, s, n, 0);
    case E_CONST: return make_const(P, s, n);
    case E_TUPLE:
        if (r_list(P, s, n->items, n->n)) return -1;
        if (all_const(n)) {
            n->kind = E_CONST;
            n->ckind = K_TUPLE;
            return make_const(P, s, n);
        }
        return 0;
    case E_LIST: return r_list(P, s, n->items, n->n);
    case E_DICT: return r_list(P, s, n->items, n->n) || r_list(P, s, n->items2, n->n2) ? -1 : 0;
    case E_SET:
        if (r_list(P, s, n->items, n->n)) return -1;
        /* starunpack_helper (3.9+): BUILD_SET 0, a frozenset constant, SET_UPDATE; 2.7 adds each item */
        if (n->n > 2 && all_const(n) && !rh_runtime_profile(P->I->rt)->python2) {
            n->ckind = K_FROZENSET;
            return make_const(P, s, n);
        }
        return 0;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: {
        if (r_expr(P, s, n->c)) return -1;
        int saved = s->nov, saved_comp = s->in_comp;
        const void *saved_owner = s->owner;
        comp_vars(s, n->b);
        for (int k = 0; k < n->n; k++) comp_vars(s, n->items[k]->a);
        s->owner = n; /* 3.11: a comprehension is its own code object */
        s->in_comp = 1;
        int rc = r_target(P, s, n->b) || r_list(P, s, n->items2, n->n2) ? -1 : 0;
        for (int k = 0; rc == 0 && k < n->n; k++) rc = r_comp_clause(P, s, n->items[k]);
        if (rc == 0) rc = r_expr(P, s, n->a) || r_expr(P, s, n->val) ? -1 : 0;
        s->nov = saved;
        s->owner = saved_owner;
        s->in_comp = saved_comp;
        return rc;
    }
    case E_GENEXP: return r_genexp(P, s, n);
    case E_YIELD: case E_YIELDFROM: case E_AWAIT:
        if (s->in_comp) {
            hx_cerr_set(P->err, n->line, n->col, "syntax error: '%s' inside a comprehension or generator expression",
                        n->kind == E_AWAIT ? "await" : "yield");
            return -1;
        }
        if (n->kind != E_YIELD && rh_runtime_profile(P->I->rt)->python2) {
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: '%s' (Python 3 syntax)",
                        n->kind == E_AWAIT ? "await" : "yield from");
            return -1;
        }
        return r_expr(P, s, n->a);
    case E_BINOP:
        if (r_expr(P, s, n->a) || r_expr(P, s, n->b)) return -1;
        if (!(n->op == OP_DIV && P->I->classic_division)) fold(n); /* 2.7 never folds classic division */
        return n->kind == E_CONST ? make_const(P, s, n) : 0;
    case E_UNARY:
        if (r_expr(P, s, n->a)) return -1;
        fold(n);
        return n->kind == E_CONST ? make_const(P, s, n) : 0;
    case E_BOOLOP: case E_COMPARE: return r_list(P, s, n->items, n->n);
    case E_NOT: case E_STAR: return r_expr(P, s, n->a);
    case E_IFEXP: return r_expr(P, s, n->a) || r_expr(P, s, n->b) || r_expr(P, s, n->c) ? -1 : 0;
    case E_CALL: return r_expr(P, s, n->a) || r_list(P, s, n->items, n->n) || r_list(P, s, n->items2, n->n2) ? -1 : 0;
    case E_ATTR:
        if (r_expr(P, s, n->a)) return -1;
        n->name_obj = intern_name(P, n->name);
        return n->name_obj ? 0 : -1;
    case E_SUBSCR: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
    case E_SLICE: return r_expr(P, s, n->a) || r_expr(P, s, n->b) || r_expr(P, s, n->c) ? -1 : 0;
    default:
        hx_cerr_set(P->err, n->line, n->col, "unsupported expression");
        return -1;
    }
}

/* collect names bound anywhere in a function body (not inside comprehensions) */
static void collect_target(hx_code *c, hx_node *t, scope *s) {
    if (t->kind == E_NAME) {
        if (!is_global_decl(s, t->name) && find_local(s, t->name) < 0) {
            add_slot(c, t->name);
            s->nlocals = c->nslots;
        }
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) collect_target(c, t->items[i], s);
    }
}

static void collect_globals(scope *s, hx_node **b, int nb) {
    for (int i = 0; i < nb; i++) {
        hx_node *n = b[i];
        if (n->kind == S_GLOBAL)
            for (int k = 0; k < n->n; k++) {
                s->globs = realloc(s->globs, (size_t)(s->nglobs + 1) * sizeof(char *));
                if (!s->globs) abort();
                s->globs[s->nglobs++] = n->kwnames[k];
            }
        if (n->kind == S_IF || n->kind == S_WHILE || n->kind == S_FOR || n->kind == S_TRY || n->kind == S_EXCEPT ||
            n->kind == S_WITH || n->kind == S_BLOCK) {
            collect_globals(s, n->items, n->n);
            collect_globals(s, n->items2, n->n2);
            if (n->kind == S_TRY) {
                if (n->b) collect_globals(s, &n->b, 1);
                if (n->c) collect_globals(s, &n->c, 1);
            }
        }
    }
}

static void collect_locals(hx_code *c, scope *s, hx_node **b, int nb) {
    for (int i = 0; i < nb; i++) {
        hx_node *n = b[i];
        switch (n->kind) {
        case S_ASSIGN: for (int k = 0; k < n->n; k++) collect_target(c, n->items[k], s); break;
        case S_AUG: collect_target(c, n->a, s); break;
        case S_DEL: for (int k = 0; k < n->n; k++) collect_target(c, n->items[k], s); break;
        case S_IMPORT: for (int k = 0; k < n->n; k++) collect_target(c, n->items[k], s); break;
        case S_FOR: collect_target(c, n->a, s); /* fallthrough */
        case S_IF: case S_WHILE: case S_BLOCK:
            collect_locals(c, s, n->items, n->n);
            collect_locals(c, s, n->items2, n->n2);
            break;
        case S_TRY:
            collect_locals(c, s, n->items, n->n);
            collect_locals(c, s, n->items2, n->n2);
            if (n->b) collect_locals(c, s, &n->b, 1);
            if (n->c) collect_locals(c, s, &n->c, 1);
            break;
        case S_EXCEPT:
            if (n->name && !is_global_decl(s, n->name) && find_local(s, n->name) < 0) {
                add_slot(c, n->name);
                s->nlocals = c->nslots;
            }
            collect_locals(c, s, n->items, n->n);
            break;
        case S_WITH:
            if (n->b) collect_target(c, n->b, s);
            collect_locals(c, s, n->items, n->n);
            break;
        default: break;
        }
    }
}

static int r_code(prep *P, hx_code *c, const char *classname);

static int r_stmt(prep *P, scope *s, hx_node *n) {
    switch (n->kind) {
    case S_EXPR: return r_expr(P, s, n->a);
    case S_ASSIGN:
        if (r_expr(P, s, n->a)) return -1;
        for (int i = 0; i < n->n; i++)
            if (r_target(P, s, n->items[i])) return -1;
        return 0;
    case S_AUG: return r_expr(P, s, n->b) || r_target(P, s, n->a) ? -1 : 0;
    case S_DEL:
        for (int i = 0; i < n->n; i++)
            if (r_target(P, s, n->items[i])) return -1;
        return 0;
    case S_IF: case S_WHILE:
        return r_expr(P, s, n->a) || r_body(P, s, n->items, n->n) || r_body(P, s, n->items2, n->n2) ? -1 : 0;
    case S_FOR:
        return r_expr(P, s, n->b) || r_target(P, s, n->a) || r_body(P, s, n->items, n->n) ||
               r_body(P, s, n->items2, n->n2) ? -1 : 0;
    case S_RETURN: return r_expr(P, s, n->a);
    case S_RAISE: case S_ASSERT: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
    case S_TRY:
        if (r_body(P, s, n->items, n->n) || r_body(P, s, n->items2, n->n2)) return -1;
        if (n->b && r_body(P, s, n->b->items, n->b->n)) return -1;
        return n->c ? r_body(P, s, n->c->items, n->c->n) : 0;
    case S_EXCEPT:
        if (r_expr(P, s, n->a) || (n->name && r_name(P, s, n, 1))) return -1;
        return r_body(P, s, n->items, n->n);
    case S_WITH:
        if (r_expr(P, s, n->a) || (n->b && r_target(P, s, n->b))) return -1;
        return r_body(P, s, n->items, n->n);
    case S_BREAK: case S_CONTINUE: case S_PASS: case S_GLOBAL: return 0;
    case S_IMPORT:
        for (int i = 0; i < n->n; i++)
            if (r_name(P, s, n->items[i], 1)) return -1;
        return 0;
    case S_DEF: {
        hx_code *c = n->code;
        if ((c->co_flags & HX_CO_COROUTINE) && rh_runtime_profile(P->I->rt)->python2) {
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: 'async def' (Python 3 syntax)");
            return -1;
        }
        if (r_list(P, s, c->defaults, c->ndefaults) || r_name(P, s, n, 1)) return -1;
        if (s->code->kind == CODE_CLASS) {
            free(c->qualname);
            size_t l = strlen(s->classname) + strlen(c->name) + 2;
            c->qualname = malloc(l);
            if (!c->qualname) abort();
            snprintf(c->qualname, l, "%s.%s", s->classname, c->name);
        }
        return r_code(P, c, NULL);
    }
    case S_CLASS:
        if (r_list(P, s, n->items, n->n) || r_name(P, s, n, 1)) return -1;
        return r_code(P, n->code, n->name);
    default:
        hx_cerr_set(P->err, n->line, n->col, "unsupported statement");
        return -1;
    }
}

static int r_body(prep *P, scope *s, hx_node **b, int nb) {
    for (int i = 0; i < nb; i++)
        if (r_stmt(P, s, b[i])) return -1;
    return 0;
}

static int r_code(prep *P, hx_code *c, const char *classname) {
    scope s = {.code = c, .classname = classname, .owner = c, .late = c->kind == CODE_FUNCTION};
    if (c->kind == CODE_FUNCTION) {
        collect_globals(&s, c->body, c->nbody);
        for (int i = 0; i < s.nglobs; i++)
            for (int k = 0; k < c->nparams; k++)
                if (strcmp(s.globs[i], c->params[k]) == 0) {
                    hx_cerr_set(P->err, c->line, 1, "syntax error: name '%s' is parameter and global", s.globs[i]);
                    free(s.globs);
                    return -1;
                }
        for (int k = 0; k < c->nparams; k++) add_slot(c, c->params[k]);
        s.nlocals = c->nslots;
        collect_locals(c, &s, c->body, c->nbody);
        s.nlocals = c->nslots;
    }
    int rc = r_body(P, &s, c->body, c->nbody);
    free(s.globs);
    return rc;
}

int hx_prepare(hx_interp *I, hx_code *module, hx_cerr *err) {
    prep P = {I, err, NULL, 0, 0};
    int rc = r_code(&P, module, NULL);
    free(P.uses);
    return rc;
}
