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

typedef struct stinfo stinfo;

typedef struct scope {
    hx_code *code;
    stinfo *st;              /* the unit's symbol table (closures) */
    char **globs;
    int nglobs;
    int nlocals;             /* function: slots [0, nlocals) are named locals */
    struct { const char *name; int slot, cell; } ov[64]; /* inline comprehension variables (cell: captured) */
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
    struct { const void *owner; rh_object *c; int n; } *uses; /* (code, constant) pairs counted, n uses each */
    int nuses, capuses;
    stinfo **infos;          /* every unit's symbol table (closures), made before resolution */
    int ninfos, capinfos;
    unsigned future;         /* the module's RH_FUTURE_* bits */
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
        if (P->uses[i].owner == s->owner && P->uses[i].c == c) {
            P->uses[i].n++;
            return;
        }
    if (P->nuses == P->capuses) {
        P->capuses = P->capuses ? P->capuses * 2 : 64;
        P->uses = realloc(P->uses, (size_t)P->capuses * sizeof *P->uses);
        if (!P->uses) abort();
    }
    P->uses[P->nuses].owner = s->owner;
    P->uses[P->nuses].c = c;
    P->uses[P->nuses].n = 1;
    P->nuses++;
    if (s->late) push_ref(&I->late, &I->nlate, &I->caplate, c);
    else push_ref(&I->early, &I->nearly, &I->capearly, c);
}

/* Takes back one use of constant c by s's unit: an item of a display the AST optimizer folds (fold_tuple,
 * fold_iter) or the compiler makes one constant (starunpack_helper) is never loaded by itself, so it is in
 * co_consts only if the unit loads it elsewhere. The unit's reference goes with its last use. */
static void uncount_use(prep *P, scope *s, rh_object *c) {
    hx_interp *I = P->I;
    for (int i = 0; i < P->nuses; i++) {
        if (P->uses[i].owner != s->owner || P->uses[i].c != c) continue;
        if (--P->uses[i].n > 0) return;
        P->uses[i] = P->uses[--P->nuses];
        rh_object **v = s->late ? I->late : I->early;
        int *n = s->late ? &I->nlate : &I->nearly;
        for (int k = *n - 1; k >= 0; k--)
            if (v[k] == c) {
                memmove(&v[k], &v[k + 1], (size_t)(*n - k - 1) * sizeof *v);
                (*n)--;
                rh_decref(I->rt, c);
                return;
            }
        return;
    }
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

static int set_has_nonlocal(const stinfo *st, const char *name);
static int set_has_global(const stinfo *st, const char *name);

/* declared global, or nonlocal (then never a local either: deref_scope resolves it first) */
static int is_global_decl(scope *s, const char *name) {
    for (int i = 0; i < s->nglobs; i++)
        if (strcmp(s->globs[i], name) == 0) return 1;
    return s->st && (set_has_nonlocal(s->st, name) || (s->code->comp && set_has_global(s->st, name)));
}

/* ---------------------------------------------------------------- names and constants */

/* The slot of s in an open-addressing set of capacity cap (a power of two): where it is, or the empty
 * slot where it would go. */
static int name_slot(rh_object *const *set, int cap, const rh_object *s) {
    size_t m = (size_t)cap - 1, i = (size_t)(((uint64_t)(uintptr_t)s >> 4) * 0x9E3779B97F4A7C15ull >> 40) & m;
    while (set[i] && set[i] != s) i = (i + 1) & m;
    return (int)i;
}

static void name_set_grow(hx_interp *I) {
    int cap = I->name_setcap ? I->name_setcap * 2 : 256;
    rh_object **set = calloc((size_t)cap, sizeof *set);
    if (!set) abort();
    for (int i = 0; i < I->nnames; i++) set[name_slot(set, cap, I->names[i])] = I->names[i];
    free(I->name_set);
    I->name_set = set;
    I->name_setcap = cap;
}

rh_object *hx_name(hx_interp *I, const char *name) {
    rh_object *s = rh_str_intern_utf8(I->rt, name, strlen(name));
    if (!s) return NULL;
    if (2 * (I->nnames + 1) > I->name_setcap) name_set_grow(I);
    int k = name_slot(I->name_set, I->name_setcap, s);
    if (I->name_set[k]) { rh_decref(I->rt, s); return I->name_set[k]; }
    if (I->nnames == I->capnames) {
        I->capnames = I->capnames ? I->capnames * 2 : 64;
        I->names = realloc(I->names, (size_t)I->capnames * sizeof *I->names);
        if (!I->names) abort();
    }
    I->names[I->nnames++] = s;
    I->name_set[k] = s;
    return s;
}

static rh_object *intern_name(prep *P, const char *name) { return hx_name(P->I, name); }

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
    case K_COMPLEX: { /* _PyCode_ConstantKey: both parts bit for bit (signed zeros differ) */
        if (rh_kind_of(o) != RH_K_COMPLEX) return 0;
        double re = rh_complex_real(o), im = rh_complex_imag(o);
        return memcmp(&re, &n->fval, sizeof re) == 0 && memcmp(&im, &n->imag, sizeof im) == 0;
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
    case K_BYTES:
        return rh_kind_of(o) == RH_K_BYTES && rh_bytes_len(o) == n->slen && memcmp(rh_bytes_data(o), n->sval, n->slen) == 0;
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
    case K_COMPLEX: return rh_complex_new(rt, n->fval, n->imag);
    case K_STR: {
        rh_object *s = rh_str_from_utf8(rt, n->sval, n->slen);
        if (s && rh_str_is_name_like(s) && rh_str_intern_in_place(rt, &s) != 0) { rh_decref(rt, s); return NULL; }
        return s;
    }
    case K_BYTES: return rh_bytes_from(rt, n->sval, n->slen);
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

/* py27: a bytes literal is a str (2.7's str is its bytes): the byte values become the code points of a
 * K_STR constant (its UTF-8 in sval), so b'x' is 'x' and `bytes is str` holds. */
static void bytes_as_str27(hx_node *n) {
    char *u = malloc(n->slen * 2 + 1);
    size_t k = 0;
    if (!u) abort();
    for (size_t i = 0; i < n->slen; i++) {
        unsigned char c = (unsigned char)n->sval[i];
        if (c < 0x80) u[k++] = (char)c;
        else { u[k++] = (char)(0xC0 | (c >> 6)); u[k++] = (char)(0x80 | (c & 0x3F)); }
    }
    u[k] = 0;
    free(n->sval);
    n->sval = u;
    n->slen = k;
    n->ckind = K_STR;
}

/* A hash of a constant node's value, equal for nodes same_const finds equal: the kind and the value's
 * bits (int64, float and complex bits, str and bytes text, a tuple's merged items); ints beyond int64
 * (compared by value, whatever their spelling) and frozensets (order-free) share one chain per kind. */
static uint32_t const_key(const hx_node *n) {
    uint64_t h = (uint64_t)n->ckind * 0x9E3779B97F4A7C15ull, b = 0, c = 0;
    switch (n->ckind) {
    case K_INT: if (!n->sval) h ^= (uint64_t)n->ival; break;
    case K_FLOAT: memcpy(&b, &n->fval, sizeof b); h ^= b; break;
    case K_COMPLEX: memcpy(&b, &n->fval, sizeof b); memcpy(&c, &n->imag, sizeof c); h ^= b ^ (c << 1 | c >> 63); break;
    case K_STR: case K_BYTES:
        for (size_t i = 0; i < n->slen; i++) h = (h ^ (unsigned char)n->sval[i]) * 0x100000001B3ull; /* FNV-1a */
        break;
    case K_TUPLE:
        for (int i = 0; i < n->n; i++) h = (h ^ (uint64_t)(uintptr_t)n->items[i]->cst) * 0x100000001B3ull;
        break;
    default: h ^= (uint64_t)n->n; break;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Room for one more constant in I->consts and its index (chains rebuilt when the table is half full) */
static void const_index_reserve(hx_interp *I) {
    if (I->nconsts == I->capconsts) {
        I->capconsts = I->capconsts ? I->capconsts * 2 : 64;
        I->consts = realloc(I->consts, (size_t)I->capconsts * sizeof *I->consts);
        I->const_next = realloc(I->const_next, (size_t)I->capconsts * sizeof *I->const_next);
        I->const_hash = realloc(I->const_hash, (size_t)I->capconsts * sizeof *I->const_hash);
        I->const_cfg = realloc(I->const_cfg, (size_t)I->capconsts * sizeof *I->const_cfg);
        I->const_file = realloc(I->const_file, (size_t)I->capconsts * sizeof *I->const_file);
        if (!I->consts || !I->const_next || !I->const_hash || !I->const_cfg || !I->const_file) abort();
    }
    if (2 * (I->nconsts + 1) <= I->const_hcap) return;
    int cap = I->const_hcap ? I->const_hcap * 2 : 256;
    int *head = malloc((size_t)cap * sizeof *head);
    if (!head) abort();
    memset(head, 0xff, (size_t)cap * sizeof *head); /* all -1 */
    free(I->const_head);
    I->const_head = head;
    I->const_hcap = cap;
    for (int i = 0; i < I->nconsts; i++) {
        int *b = &head[I->const_hash[i] & (uint32_t)(cap - 1)];
        I->const_next[i] = *b;
        *b = i;
    }
}

static void const_index_add(hx_interp *I, int i, uint32_t h) {
    int *b = &I->const_head[h & (uint32_t)(I->const_hcap - 1)];
    I->const_hash[i] = h;
    I->const_next[i] = *b;
    *b = i;
}

/* A constant could not be made: the error at n's position (MemoryError left for main.c to report). -1. */
static int const_failed(prep *P, hx_node *n) {
    rh_runtime *rt = P->I->rt;
    if (rh_err_occurred(rt) == RH_EXC_UNICODEDECODE) /* a literal's bytes under a declared utf-8 (source.c) */
        hx_cerr_set(P->err, n->line, n->col, "syntax error: (unicode error) %s", rh_err_message(rt));
    else
        hx_cerr_set(P->err, n->line, n->col, "cannot create constant: %s", rh_err_message(rt));
    if (rh_err_occurred(rt) != RH_EXC_MEMORY) rh_err_clear(rt); /* main.c reports MemoryError itself */
    return -1;
}

/* The constant of n, merged (n->cst borrowed), with a co_consts reference for s's unit; ast: an AST node
 * holds it (I->consts keeps that reference), else only the compiler made it (ADDOP_LOAD_CONST_NEW, the
 * CFG optimizer: no reference beyond the code objects'). 0 or -1 (the error set). */
static int make_const_in(prep *P, scope *s, hx_node *n, int ast) {
    hx_interp *I = P->I;
    rh_runtime *rt = I->rt;
    if (n->ckind == K_NONE) { n->cst = rh_none(rt); return 0; }
    if (n->ckind == K_TRUE) { n->cst = rh_true(rt); return 0; }
    if (n->ckind == K_FALSE) { n->cst = rh_false(rt); return 0; }
    if (n->ckind == K_ELLIPSIS) { /* Python 2.7's grammar has `...` only as a subscript (ast.c ast_for_slice) */
        if (rh_runtime_profile(rt)->python2 && !n->op) {
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: '...' outside a subscript (Python 3 syntax)");
            return -1;
        }
        n->cst = rh_ellipsis(rt);
        return 0;
    }
    if (n->ckind == K_BYTES && rh_runtime_profile(rt)->python2) bytes_as_str27(n);
    uint32_t h = const_key(n);
    for (int i = I->const_hcap ? I->const_head[h & (uint32_t)(I->const_hcap - 1)] : -1; i >= 0; i = I->const_next[i])
        if (I->const_hash[i] == h && I->const_file[i] == I->const_file_cur && same_const(rt, n, I->consts[i])) {
            n->cst = I->consts[i];
            if (I->const_cfg[i] && ast) { /* an AST node holds it after all */
                I->const_cfg[i] = 0;
                rh_incref(n->cst);
            }
            count_use(P, s, n->cst);
            return 0;
        }
    rh_object *o = new_const(P, n);
    if (!o) {
        return const_failed(P, n);
    }
    const_index_reserve(I);
    I->consts[I->nconsts] = o;
    I->const_cfg[I->nconsts] = !ast;
    I->const_file[I->nconsts] = I->const_file_cur;
    const_index_add(I, I->nconsts++, h);
    n->cst = o;
    count_use(P, s, o);
    if (!ast) rh_decref(rt, o); /* the co_consts reference count_use took keeps it */
    return 0;
}

static int make_const(prep *P, scope *s, hx_node *n) {
    if (make_const_in(P, s, n, 1)) return -1;
    if (n->ckind == K_TUPLE || n->ckind == K_FROZENSET) /* a folded display: its items are not loaded */
        for (int i = 0; i < n->n; i++) uncount_use(P, s, n->items[i]->cst);
    return 0;
}

/* 2.7's peephole optimizer (Python/peephole.c, PyCode_Optimize at BUILD_TUPLE, and at BUILD_LIST before an
 * `in` test) folds a display over the run of LOAD_CONSTs just before it (cumlc); a constant the optimizer
 * made itself starts a new run of one, and True and False are names in 2.7, not constants. So a display
 * folds only when its items are constants and none but the first was folded. */
static int py27_foldable(hx_node *n) {
    for (int i = 0; i < n->n; i++) {
        hx_node *it = n->items[i];
        if (it->kind != E_CONST || it->ckind == K_TRUE || it->ckind == K_FALSE || (i > 0 && it->folded)) return 0;
    }
    return 1;
}

/* tuple_of_constants, fold_binops_on_constants and fold_unaryops_on_constants (2.7's peephole.c) append a
 * new constant to co_consts at each fold, merged with no other constant and held only there. n (a display,
 * or a constant fold() made) becomes that constant (n->cst borrowed). 0 or -1 (the error set). */
static int make_const_py27_fold(prep *P, scope *s, hx_node *n) {
    rh_runtime *rt = P->I->rt;
    if (n->kind != E_CONST) { /* a display */
        n->kind = E_CONST;
        n->ckind = K_TUPLE;
    }
    n->folded = 1;
    if (n->ckind == K_BYTES) bytes_as_str27(n);
    rh_object *o = new_const(P, n); /* PyCode_New interns a name-like str: equal folds meet there */
    if (!o) {
        return const_failed(P, n);
    }
    n->cst = o; /* its co_consts slot, one per fold (count_use keeps one per distinct constant) */
    hx_interp *I = P->I;
    if (s->late) push_ref(&I->late, &I->nlate, &I->caplate, o);
    else push_ref(&I->early, &I->nearly, &I->capearly, o);
    rh_decref(rt, o);
    return 0;
}

/* ---------------------------------------------------------------- folding */

static void become_const(hx_node *n) {
    hx_node_free(n->a);
    hx_node_free(n->b);
    n->a = n->b = NULL;
    n->kind = E_CONST;
    n->folded = 1;
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

/* A number constant as a complex (to_complex: an int through PyLong_AsDouble), or 0 */
static int complex_of(hx_node *n, double *re, double *im) {
    int64_t iv;
    *im = 0.0;
    if (n->kind == E_CONST && n->ckind == K_COMPLEX) {
        *re = n->fval;
        *im = n->imag;
        return 1;
    }
    return num_of(n, &iv, re) != 0;
}

/* fold_unaryop / fold_binop (Python/ast_opt.c) when a complex is involved: + - * / ** as the complex
 * slots compute them (t_complex.c), -x and +x; nothing is folded where the operation would raise. 1 when
 * n was a complex operation (folded or not). */
static int fold_complex(hx_node *n) {
    double ar, ai, br = 0, bi = 0, rr, ri;
    int unary = n->kind == E_UNARY;
    if (!(n->a->kind == E_CONST && n->a->ckind == K_COMPLEX) &&
        (unary || !(n->b->kind == E_CONST && n->b->ckind == K_COMPLEX)))
        return 0;
    if (!complex_of(n->a, &ar, &ai) || (!unary && !complex_of(n->b, &br, &bi))) return 1;
    if (unary) {
        if (n->op == OP_INVERT) return 1;
        rr = n->op == OP_NEG ? -ar : ar;
        ri = n->op == OP_NEG ? -ai : ai;
    } else {
        static const struct { int op; int binop; } ops[] = {{OP_ADD, RH_BINOP_ADD}, {OP_SUB, RH_BINOP_SUB},
            {OP_MUL, RH_BINOP_MUL}, {OP_DIV, RH_BINOP_TRUEDIV}, {OP_POW, RH_BINOP_POW}, {0, 0}};
        int i = 0;
        while (ops[i].op && ops[i].op != n->op) i++;
        if (!ops[i].op || rh_complex_compute(ops[i].binop, ar, ai, br, bi, &rr, &ri) != 0) return 1;
    }
    become_const(n);
    n->ckind = K_COMPLEX;
    n->fval = rr;
    n->imag = ri;
    return 1;
}

/* The length of str or bytes constant n as CPython counts it: code points of a str (sval is UTF-8),
 * bytes of bytes (and of 2.7's str) */
static size_t text_len(const hx_node *n, int py2) {
    if (n->ckind == K_BYTES || py2) return n->slen;
    size_t k = 0;
    for (size_t i = 0; i < n->slen; i++) k += ((unsigned char)n->sval[i] & 0xC0) != 0x80;
    return k;
}

/* `text * n` or `n * text` of a str or bytes constant and an int constant: safe_multiply (Python/ast_opt.c,
 * 3.x) folds it when n >= 0 and the result has at most MAX_STR_SIZE (4096) characters, or the text is
 * empty; 2.7's fold_binops_on_constants (Python/peephole.c) keeps a result of at most 20. 1 when folded. */
static int fold_text_repeat(hx_node *n, int py2) {
    if (n->op != OP_MUL || n->a->kind != E_CONST || n->b->kind != E_CONST) return 0;
    hx_node *t = n->a, *k = n->b;
    if (t->ckind == K_INT) { t = n->b; k = n->a; }
    if ((t->ckind != K_STR && t->ckind != K_BYTES) || k->ckind != K_INT || k->sval) return 0;
    size_t len = text_len(t, py2);
    int64_t times = k->ival < 0 ? 0 : k->ival;
    if (py2 ? len && (uint64_t)times > 20 / len : len && (k->ival < 0 || (uint64_t)times > 4096 / len)) return 0;
    size_t l = t->slen * (size_t)times;
    char *s = malloc(l + 1);
    if (!s) abort();
    for (int64_t i = 0; i < times; i++) memcpy(s + (size_t)i * t->slen, t->sval, t->slen);
    s[l] = 0;
    hx_ckind kind = t->ckind;
    become_const(n);
    n->ckind = kind;
    n->sval = s;
    n->slen = l;
    return 1;
}

/* Fold n (E_UNARY / E_BINOP over constants) in place; leaves it alone when it cannot be folded safely.
 * py2: 2.7's peephole optimizer's limits. */
static void fold(hx_node *n, int py2) {
    int64_t ia = 0, ib = 0, ir = 0;
    double fa = 0, fb = 0, fr = 0;
    if ((n->kind == E_UNARY || n->kind == E_BINOP) && fold_complex(n)) return;
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
    if (n->kind != E_BINOP || fold_text_repeat(n, py2)) return;
    if (n->a->kind == E_CONST && n->b->kind == E_CONST && (n->a->ckind == K_STR || n->a->ckind == K_BYTES) &&
        n->b->ckind == n->a->ckind && n->op == OP_ADD && n->a->slen + n->b->slen <= (py2 ? 20u : 4096u)) {
        hx_ckind kind = n->a->ckind;
        size_t l = n->a->slen + n->b->slen;
        char *s = malloc(l + 1);
        if (!s) abort();
        memcpy(s, n->a->sval, n->a->slen);
        memcpy(s + n->a->slen, n->b->sval, n->b->slen);
        s[l] = 0;
        become_const(n);
        n->ckind = kind;
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

static int has_starred(hx_node *n) {
    for (int i = 0; i < n->n; i++)
        if (n->items[i]->kind == E_STAR) return 1;
    return 0;
}

/* fold_iter (Python/ast_opt.c, 3.x): the display a `for`, a comprehension clause or the last operand of
 * `in`/`not in` iterates is never seen by the program, so a list display becomes a tuple (a constant one
 * when its items are constants) and a set display of constants a frozenset constant. 2.7's peephole
 * optimizer (Python/peephole.c) folds only the list of constants that `in`/`not in` tests. Call after the
 * items were resolved; compare: 1 for the `in` operand. */
static int fold_iter(prep *P, scope *s, hx_node *n, int compare) {
    if (rh_runtime_profile(P->I->rt)->python2)
        return compare && n->kind == E_LIST && py27_foldable(n) ? make_const_py27_fold(P, s, n) : 0;
    if (n->kind == E_SET) {
        if (!all_const(n)) return 0;
        n->kind = E_CONST;
        n->ckind = K_FROZENSET;
        return n->cst ? 0 : make_const(P, s, n); /* a display of three or more already has it */
    }
    if (n->kind != E_LIST || has_starred(n)) return 0;
    if (!all_const(n)) { n->kind = E_TUPLE; return 0; }
    n->kind = E_CONST;
    n->ckind = K_TUPLE;
    return n->cst ? 0 : make_const(P, s, n);
}

/* The <genexpr> unit of generator expression n, made once (the symbol table pass makes it, so that the
 * names it uses from enclosing functions become its free variables): compiler_comprehension's function
 * with the one parameter `.0`, the first iterable, evaluated in the enclosing scope and passed in. */
static hx_code *genexp_unit(hx_node *n) {
    if (n->code) return n->code;
    hx_code *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->kind = CODE_FUNCTION;
    c->name = strdup("<genexpr>");
    c->qualname = strdup("<genexpr>"); /* the symbol table pass qualifies it (compiler_set_qualname) */
    if (!c->name || !c->qualname) abort();
    c->line = n->line;
    c->co_flags = HX_CO_GENERATOR;
    c->comp = n;
    c->nparams = 1;
    c->params = malloc(sizeof(char *));
    if (!c->params) abort();
    c->params[0] = strdup(".0");
    n->code = c;
    return c;
}

/* ---------------------------------------------------------------- closures (Python/symtable.c)
 * Before any name is resolved, each unit's names are classified as CPython's symtable does
 * (analyze_block, analyze_name, analyze_cells, drop_class_free): a name a nested function uses and an
 * enclosing function binds is a free variable of the nested one and a cell of the binder (passing through
 * the units between); a class body's names are invisible to the functions in it, which see `__class__`
 * instead (the cell the class body makes when a method uses super() or __class__). The results are the
 * code units' cellnames/freenames (sorted, as the compiler's dictbytype) and qualnames
 * (compiler_set_qualname's `<locals>` form). */

typedef struct nameset { const char **v; int n, cap; } nameset;

static int set_has(const nameset *s, const char *x) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], x) == 0) return 1;
    return 0;
}
static void set_add(nameset *s, const char *x) {
    if (set_has(s, x)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
        if (!s->v) abort();
    }
    s->v[s->n++] = x;
}

/* The variables of the inline comprehensions around a point of a unit, outermost first (a later entry
 * shadows an earlier one of the same name): each with the comprehension that binds it. */
typedef struct compvar { const char *name; hx_node *comp; } compvar;
typedef struct compvars { compvar *v; int n; } compvars;

struct stinfo {
    hx_code *code;
    nameset bound, used, globs, nonlocs, frees;
    hx_node **kids;          /* S_DEF / S_CLASS / E_LAMBDA nodes whose units are nested here */
    int nkids, capkids;
    compvars *kidvars;       /* per kid: the comprehension variables it sees (a copy of `active`) */
    compvars active;         /* while an inline comprehension's parts are visited: its variables and those
                              * of the comprehensions around it (3.11: each is its own function, whose
                              * locals the functions nested in it close over) */
    hx_node *nonlocal_at;    /* the first `nonlocal` statement (errors point at it) */
    nameset walrus;          /* names this unit binds only through `:=` (resolve.c adds their slots) */
    int in_comp;             /* inside an inline comprehension of this unit */
    int py2;                 /* 2.7: a list comprehension binds its targets in this unit (py2_listcomp) */
    hx_node *err_at;         /* a `:=` the symbol table refuses (reported by st_analyze), with err */
    const char *err;
};

static void st_expr(stinfo *st, hx_node *n);
static void st_body(stinfo *st, hx_node **b, int nb);
static void st_annassign(stinfo *st, hx_node *n);

static void st_kid(stinfo *st, hx_node *n) {
    if (st->nkids == st->capkids) {
        st->capkids = st->capkids ? st->capkids * 2 : 8;
        st->kids = realloc(st->kids, (size_t)st->capkids * sizeof *st->kids);
        st->kidvars = realloc(st->kidvars, (size_t)st->capkids * sizeof *st->kidvars);
        if (!st->kids || !st->kidvars) abort();
    }
    compvars cv = {0};
    if (st->active.n) {
        cv.v = malloc((size_t)st->active.n * sizeof *cv.v);
        if (!cv.v) abort();
        memcpy(cv.v, st->active.v, (size_t)st->active.n * sizeof *cv.v);
        cv.n = st->active.n;
    }
    st->kidvars[st->nkids] = cv;
    st->kids[st->nkids++] = n;
}

/* The comprehension whose variable `name` a kid seeing cv means, or NULL */
static hx_node *compvar_find(const compvars *cv, const char *name) {
    for (int i = cv->n - 1; i >= 0; i--)
        if (strcmp(cv->v[i].name, name) == 0) return cv->v[i].comp;
    return NULL;
}

/* A nested unit closes over comprehension comp's variable `name`: its target names become cells */
static void comp_mark_cell(hx_node *t, const char *name) {
    if (t->kind == E_NAME) {
        if (strcmp(t->name, name) == 0) t->comp_cell = 1;
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) comp_mark_cell(t->items[i], name);
    }
}
static void comp_capture(hx_node *comp, const char *name) {
    comp_mark_cell(comp->b, name);
    for (int i = 0; i < comp->n; i++) comp_mark_cell(comp->items[i]->a, name);
}

static void st_list(stinfo *st, hx_node **v, int n) {
    for (int i = 0; i < n; i++) st_expr(st, v[i]);
}

/* a store / del target: its names are bound here, its sub-expressions used */
static void st_target(stinfo *st, hx_node *t) {
    if (!t) return;
    switch (t->kind) {
    case E_NAME: set_add(&st->bound, t->name); return;
    case E_TUPLE: case E_LIST: for (int i = 0; i < t->n; i++) st_target(st, t->items[i]); return;
    case E_STAR: st_target(st, t->a); return;
    default: st_expr(st, t); return;
    }
}

/* symtable_visit_pattern: capture names are bound, value patterns' and class patterns' expressions used */
static void st_pattern(stinfo *st, hx_node *p) {
    if (!p) return;
    switch (p->kind) {
    case P_AS: case P_STAR: st_pattern(st, p->a); st_target(st, p->b); return;
    case P_VALUE: case P_SINGLETON: st_expr(st, p->a); return;
    case P_SEQ: case P_OR: for (int i = 0; i < p->n; i++) st_pattern(st, p->items[i]); return;
    case P_MAP:
        st_list(st, p->items, p->n);
        for (int i = 0; i < p->n2; i++) st_pattern(st, p->items2[i]);
        st_target(st, p->b);
        return;
    case P_CLASS:
        st_expr(st, p->a);
        for (int i = 0; i < p->n; i++) st_pattern(st, p->items[i]);
        for (int i = 0; i < p->n2; i++) st_pattern(st, p->items2[i]);
        return;
    default: return;
    }
}

/* symtable_extend_namedexpr_scope: `x := v` binds x in the unit it is written in, but inside a comprehension
 * in the nearest enclosing function (a <genexpr> unit declares it nonlocal), or the module (the unit
 * declares it global); inside one in a class body it is an error. */
static void st_walrus_bind(stinfo *st, hx_node *n) {
    const char *x = n->a->name;
    hx_code *c = st->code;
    int owner = c->comp ? c->comp_owner : st->in_comp && c->kind == CODE_CLASS ? 2 : -1;
    if (owner == 2) {
        if (!st->err_at) st->err_at = n, st->err = "assignment expression within a comprehension cannot be used in a class body";
    } else if (owner == 1) {
        set_add(&st->globs, x);
    } else if (owner == 0) {
        set_add(&st->nonlocs, x);
    } else {
        set_add(&st->bound, x);
        set_add(&st->walrus, x);
    }
}

/* The `:=` targets of a <genexpr> unit's own expressions (and of comprehensions nested in them, not of
 * lambdas): they bind in the unit that holds the E_GENEXP too. */
static void st_walrus_scan(stinfo *st, hx_node *n) {
    if (!n || n->kind == E_LAMBDA) return;
    if (n->kind == E_NAMED) st_walrus_bind(st, n);
    st_walrus_scan(st, n->a);
    st_walrus_scan(st, n->b);
    st_walrus_scan(st, n->c);
    st_walrus_scan(st, n->val);
    for (int i = 0; i < n->n; i++) st_walrus_scan(st, n->items[i]);
    for (int i = 0; i < n->n2; i++) st_walrus_scan(st, n->items2[i]);
}

/* the names a comprehension binds live in its own slots: uses of them inside are not this unit's */
static void st_comp_names(hx_node *t, nameset *out) {
    if (t->kind == E_NAME) set_add(out, t->name);
    else if (t->kind == E_TUPLE || t->kind == E_LIST)
        for (int i = 0; i < t->n; i++) st_comp_names(t->items[i], out);
}

static void st_expr(stinfo *st, hx_node *n) {
    if (!n) return;
    switch (n->kind) {
    case E_NAME:
        set_add(&st->used, n->name);
        /* symtable_visit_expr: a function reading `super` uses __class__ (for super() without arguments) */
        if (st->code->kind == CODE_FUNCTION && strcmp(n->name, "super") == 0) set_add(&st->used, "__class__");
        return;
    case E_CONST: return;
    case E_LAMBDA:
        st_list(st, n->code->defaults, n->code->ndefaults);
        st_list(st, n->code->kwdefaults, n->code->nkwonly);
        st_kid(st, n);
        return;
    case E_GENEXP: { /* the first iterable is evaluated here; the rest is the <genexpr> unit's */
        st_expr(st, n->c);
        hx_code *g = genexp_unit(n);
        g->comp_owner = st->code->comp ? st->code->comp_owner : st->code->kind == CODE_MODULE ? 1
                        : st->code->kind == CODE_CLASS ? 2 : 0;
        int saved = st->in_comp;
        st->in_comp = 1;
        st_walrus_scan(st, n->a);
        st_walrus_scan(st, n->val);
        for (int i = 0; i < n->n2; i++) st_walrus_scan(st, n->items2[i]);
        for (int i = 0; i < n->n; i++) st_walrus_scan(st, n->items[i]);
        st->in_comp = saved;
        st_kid(st, n);
        return;
    }
    case E_NAMED:
        st_expr(st, n->b);
        set_add(&st->used, n->a->name);
        st_walrus_bind(st, n);
        return;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: {
        st_expr(st, n->c);
        if (st->py2 && n->kind == E_LISTCOMP) { /* 2.7: no scope of its own (symtable_visit_listcomp) */
            st_target(st, n->b);
            st_list(st, n->items2, n->n2);
            for (int i = 0; i < n->n; i++) {
                st_expr(st, n->items[i]->b);
                st_target(st, n->items[i]->a);
                st_list(st, n->items[i]->items2, n->items[i]->n2);
            }
            st_expr(st, n->a);
            return;
        }
        nameset priv = {0};
        st_comp_names(n->b, &priv);
        for (int i = 0; i < n->n; i++) st_comp_names(n->items[i]->a, &priv); /* later `for` clauses */
        stinfo inner = *st;  /* uses inside are recorded unless they name a loop variable */
        nameset used = {0};
        inner.used = used;
        inner.in_comp = 1;
        inner.active.n = st->active.n + priv.n;
        inner.active.v = malloc((size_t)inner.active.n * sizeof *inner.active.v);
        if (!inner.active.v) abort();
        if (st->active.n) memcpy(inner.active.v, st->active.v, (size_t)st->active.n * sizeof *inner.active.v);
        for (int i = 0; i < priv.n; i++) inner.active.v[st->active.n + i] = (compvar){priv.v[i], n};
        st_expr(&inner, n->a);
        st_expr(&inner, n->val);
        st_list(&inner, n->items2, n->n2);
        for (int i = 0; i < n->n; i++) {
            st_expr(&inner, n->items[i]->b);
            st_list(&inner, n->items[i]->items2, n->items[i]->n2);
        }
        st->kids = inner.kids, st->nkids = inner.nkids, st->capkids = inner.capkids, st->kidvars = inner.kidvars;
        free(inner.active.v);
        st->bound = inner.bound, st->globs = inner.globs, st->nonlocs = inner.nonlocs, st->walrus = inner.walrus;
        st->err_at = inner.err_at, st->err = inner.err;
        for (int i = 0; i < inner.used.n; i++)
            if (!set_has(&priv, inner.used.v[i])) set_add(&st->used, inner.used.v[i]);
        free(inner.used.v);
        free(priv.v);
        return;
    }
    default:
        st_expr(st, n->a);
        st_expr(st, n->b);
        st_expr(st, n->c);
        st_list(st, n->items, n->n);
        st_list(st, n->items2, n->n2);
        return;
    }
}

static void st_stmt(stinfo *st, hx_node *n) {
    switch (n->kind) {
    case S_ASSIGN: st_expr(st, n->a); for (int i = 0; i < n->n; i++) st_target(st, n->items[i]); return;
    case S_ANNASSIGN: st_annassign(st, n); return;
    case S_AUG:
        st_expr(st, n->b);
        if (n->a->kind == E_NAME) set_add(&st->used, n->a->name);
        st_target(st, n->a);
        return;
    case S_DEL: for (int i = 0; i < n->n; i++) st_target(st, n->items[i]); return;
    case S_FOR: st_expr(st, n->b); st_target(st, n->a); st_body(st, n->items, n->n); st_body(st, n->items2, n->n2); return;
    case S_IF: case S_WHILE: st_expr(st, n->a); st_body(st, n->items, n->n); st_body(st, n->items2, n->n2); return;
    case S_BLOCK: st_body(st, n->items, n->n); st_body(st, n->items2, n->n2); return;
    case S_TRY:
        st_body(st, n->items, n->n);
        st_body(st, n->items2, n->n2);
        if (n->b) st_body(st, n->b->items, n->b->n);
        if (n->c) st_body(st, n->c->items, n->c->n);
        return;
    case S_EXCEPT: st_expr(st, n->a); if (n->name) set_add(&st->bound, n->name); st_body(st, n->items, n->n); return;
    case S_WITH: st_expr(st, n->a); st_target(st, n->b); st_body(st, n->items, n->n); return;
    case S_MATCH: /* symtable_visit_stmt Match_kind: the subject, then each case's pattern, guard and body */
        st_expr(st, n->a);
        for (int i = 0; i < n->n; i++) {
            st_pattern(st, n->items[i]->a);
            st_expr(st, n->items[i]->b);
            st_body(st, n->items[i]->items, n->items[i]->n);
        }
        return;
    case S_GLOBAL: for (int i = 0; i < n->n; i++) set_add(&st->globs, n->kwnames[i]); return;
    case S_NONLOCAL:
        if (!st->nonlocal_at) st->nonlocal_at = n;
        for (int i = 0; i < n->n; i++) set_add(&st->nonlocs, n->kwnames[i]);
        return;
    case S_IMPORT: for (int i = 0; i < n->n; i++) set_add(&st->bound, n->items[i]->name); return;
    case S_DEF:
        st_list(st, n->decos, n->ndecos);
        st_list(st, n->code->defaults, n->code->ndefaults);
        st_list(st, n->code->kwdefaults, n->code->nkwonly);
        if (n->code->annots) st_list(st, n->code->annots, hx_code_nallparams(n->code));
        st_expr(st, n->code->returns);
        set_add(&st->bound, n->name);
        st_kid(st, n);
        return;
    case S_CLASS:
        st_list(st, n->decos, n->ndecos);
        st_list(st, n->items, n->n);
        st_list(st, n->items2, n->n2);
        set_add(&st->bound, n->name);
        st_kid(st, n);
        return;
    default: st_expr(st, n->a); st_expr(st, n->b); return;
    }
}

/* symtable_visit_stmt's AnnAssign: a simple name is bound (DEF_ANNOT | DEF_LOCAL) even without a value, a
 * parenthesised one only with a value; another target's parts are used; the annotation is visited in
 * every scope (in a function too, though never evaluated there), then the value. */
static void st_annassign(stinfo *st, hx_node *n) {
    if (n->a->kind == E_NAME) {
        if (n->op || n->c) set_add(&st->bound, n->a->name);
    } else {
        st_expr(st, n->a);
    }
    st_expr(st, n->b);
    st_expr(st, n->c);
}

static void st_body(stinfo *st, hx_node **b, int nb) {
    for (int i = 0; i < nb; i++) st_stmt(st, b[i]);
}

/* A <genexpr> unit's own names: its targets are bound in it; its element, conditions and the iterables
 * after the first are used in it. */
static void st_comp_unit(stinfo *st, hx_node *n) {
    st_target(st, n->b);
    st_list(st, n->items2, n->n2);
    for (int i = 0; i < n->n; i++) {
        hx_node *f = n->items[i];
        st_expr(st, f->b);
        st_target(st, f->a);
        st_list(st, f->items2, f->n2);
    }
    st_expr(st, n->a);
    st_expr(st, n->val);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* names (sorted copies) into *out */
static void set_export(const nameset *s, char ***out, int *n) {
    *n = s->n;
    *out = s->n ? malloc((size_t)s->n * sizeof **out) : NULL;
    for (int i = 0; i < s->n; i++) {
        (*out)[i] = strdup(s->v[i]);
        if (!(*out)[i]) abort();
    }
    if (s->n) qsort(*out, (size_t)s->n, sizeof **out, cmp_names);
}

static char *qualname_in(const char *parent, hx_codekind pk, const char *name) {
    if (!parent) return strdup(name);
    size_t l = strlen(parent) + strlen(name) + sizeof ".<locals>.";
    char *q = malloc(l);
    if (!q) abort();
    snprintf(q, l, pk == CODE_FUNCTION ? "%s.<locals>.%s" : "%s.%s", parent, name);
    return q;
}

/* The qualname of a unit named `name` made in unit c inside the inline comprehensions of cv (or directly
 * in a <genexpr> unit): c's part (`f.<locals>`, `C`, `<genexpr>`, nothing for the module), then each
 * comprehension's name, then the unit's */
static char *comp_qualname(const hx_code *c, const compvars *cv, const char *name) {
    size_t cap = (c->qualname ? strlen(c->qualname) : 0) + strlen(name) + 16 + 12 * (size_t)(cv ? cv->n : 0);
    char *q = malloc(cap);
    if (!q) abort();
    size_t len = 0;
    q[0] = 0;
    if (c->kind == CODE_FUNCTION && c->qualname)
        len = (size_t)snprintf(q, cap, c->comp ? "%s" : "%s.<locals>", c->qualname);
    else if (c->kind == CODE_CLASS && c->qualname)
        len = (size_t)snprintf(q, cap, "%s", c->qualname);
    const hx_node *last = NULL;
    for (int i = 0; cv && i < cv->n; i++) {
        if (cv->v[i].comp == last) continue;
        last = cv->v[i].comp;
        const char *cn = last->kind == E_SETCOMP ? "<setcomp>" : last->kind == E_DICTCOMP ? "<dictcomp>" : "<listcomp>";
        len += (size_t)snprintf(q + len, cap - len, "%s%s", len ? "." : "", cn);
    }
    snprintf(q + len, cap - len, "%s%s", len ? "." : "", name);
    return q;
}

static int st_error(prep *P, hx_node *at, hx_code *c, const char *fmt, const char *name) {
    char msg[200];
    snprintf(msg, sizeof msg, fmt, name);
    hx_cerr_set(P->err, at ? at->line : c->line, at ? at->col : 1, "syntax error: %s", msg);
    return -1;
}

static void st_keep(prep *P, stinfo *st) {
    if (P->ninfos == P->capinfos) {
        P->capinfos = P->capinfos ? P->capinfos * 2 : 16;
        P->infos = realloc(P->infos, (size_t)P->capinfos * sizeof *P->infos);
        if (!P->infos) abort();
    }
    P->infos[P->ninfos++] = st;
}

/* Analyze unit c (qualname already set) seen from enclosing function scopes binding `above`; the names
 * it needs from them are added to *need. 0 or -1 with the error set. */
static int st_analyze(prep *P, hx_code *c, const nameset *above, nameset *need) {
    stinfo *st = calloc(1, sizeof *st);
    if (!st) abort();
    st->code = c;
    st->py2 = rh_runtime_profile(P->I->rt)->python2;
    c->class_cell = 0;
    st_keep(P, st);
    int fn = c->kind == CODE_FUNCTION;
    if (fn)
        for (int i = 0; i < hx_code_nallparams(c); i++) set_add(&st->bound, c->params[i]);
    st_body(st, c->body, c->nbody);
    if (c->comp) st_comp_unit(st, c->comp);
    if (st->err_at) return st_error(P, st->err_at, c, "%s", st->err);
    if (rh_runtime_profile(P->I->rt)->python2 && (st->nonlocal_at || c->nkwonly))
        return st_error(P, st->nonlocal_at, c, "%s", st->nonlocal_at
                        ? "unsupported under the py27 profile: 'nonlocal' (Python 2.7 has no nonlocal statement)"
                        : "unsupported under the py27 profile: keyword-only parameters (Python 2.7 has none)");
    if (c->kind == CODE_MODULE && st->nonlocal_at)
        return st_error(P, st->nonlocal_at, c, "%s", "nonlocal declaration not allowed at module level");
    /* analyze_name: nonlocal names must be bound in an enclosing function; they and every used name bound
     * there (and not here) are free here */
    nameset local = {0}, newbound = {0};
    for (int i = 0; i < st->nonlocs.n; i++) {
        const char *x = st->nonlocs.v[i];
        if (set_has(&st->globs, x)) return st_error(P, st->nonlocal_at, c, "name '%s' is nonlocal and global", x);
        if (fn && hx_code_nallparams(c) && set_has(&st->bound, x)) {
            for (int k = 0; k < hx_code_nallparams(c); k++)
                if (!strcmp(c->params[k], x)) return st_error(P, st->nonlocal_at, c, "name '%s' is parameter and nonlocal", x);
        }
        if (!above || !set_has(above, x)) return st_error(P, st->nonlocal_at, c, "no binding for nonlocal '%s' found", x);
        set_add(&st->frees, x);
    }
    for (int i = 0; i < st->bound.n; i++)
        if (!set_has(&st->globs, st->bound.v[i]) && !set_has(&st->nonlocs, st->bound.v[i])) set_add(&local, st->bound.v[i]);
    for (int i = 0; i < st->used.n; i++) {
        const char *x = st->used.v[i];
        if (set_has(&local, x) || set_has(&st->globs, x)) continue;
        if (c->kind != CODE_MODULE && above && set_has(above, x)) set_add(&st->frees, x);
    }
    /* what the nested units see: a function adds its locals; a class adds only __class__ */
    if (c->kind != CODE_MODULE && above)
        for (int i = 0; i < above->n; i++)
            if (!set_has(&st->globs, above->v[i])) set_add(&newbound, above->v[i]);
    if (fn) for (int i = 0; i < local.n; i++) set_add(&newbound, local.v[i]);
    if (c->kind == CODE_CLASS) set_add(&newbound, "__class__");
    nameset cells = {0};
    int rc = 0;
    /* 3.12+ (PEP 709): a list/set/dict comprehension is no scope of its own, so no <listcomp> in qualnames */
    int comps_inlined = rh_runtime_profile(P->I->rt)->version_hex >= 0x030C;
    for (int k = 0; rc == 0 && k < st->nkids; k++) {
        hx_node *kn = st->kids[k];
        hx_code *kc = kn->code;
        {   /* compiler_set_qualname: a name declared global in the parent is qualified by itself only; a
             * comprehension (3.11: a function) and a <genexpr> add their name without `<locals>` */
            int forced = kn->kind != E_LAMBDA && set_has(&st->globs, kc->name);
            free(kc->qualname);
            if ((st->kidvars[k].n && !comps_inlined) || c->comp)
                kc->qualname = comp_qualname(c, comps_inlined ? NULL : &st->kidvars[k], kc->name);
            else
                kc->qualname = qualname_in(c->kind == CODE_MODULE || forced ? NULL : c->qualname, c->kind, kc->name);
        }
        nameset kneed = {0}, kabove = {0};
        const compvars *kv = &st->kidvars[k];
        for (int i = 0; i < newbound.n; i++) set_add(&kabove, newbound.v[i]);
        for (int i = 0; i < kv->n; i++) set_add(&kabove, kv->v[i].name);
        rc = st_analyze(P, kc, &kabove, &kneed);
        free(kabove.v);
        for (int i = 0; rc == 0 && i < kneed.n; i++) {
            const char *x = kneed.v[i];
            hx_node *comp = compvar_find(kv, x);
            if (comp) comp_capture(comp, x); /* a cell of the comprehension, not of this unit */
            else if (c->kind == CODE_CLASS && strcmp(x, "__class__") == 0) c->class_cell = 1; /* drop_class_free */
            else if (fn && set_has(&local, x)) set_add(&cells, x);
            else set_add(&st->frees, x);
        }
        free(kneed.v);
    }
    if (rc == 0) {
        set_export(&cells, &c->cellnames, &c->ncells);
        set_export(&st->frees, &c->freenames, &c->nfree);
        for (int i = 0; i < st->frees.n; i++) set_add(need, st->frees.v[i]);
    }
    free(local.v);
    free(newbound.v);
    free(cells.v);
    return rc;
}

static int set_has_nonlocal(const stinfo *st, const char *name) { return set_has(&st->nonlocs, name); }
static int set_has_global(const stinfo *st, const char *name) { return set_has(&st->globs, name); }

static void st_free(stinfo *st) {
    free(st->bound.v);
    free(st->used.v);
    free(st->globs.v);
    free(st->nonlocs.v);
    free(st->frees.v);
    free(st->walrus.v);
    for (int i = 0; i < st->nkids; i++) free(st->kidvars[i].v);
    free(st->kidvars);
    free(st->kids);
    free(st);
}

static stinfo *st_of(prep *P, const hx_code *c) {
    for (int i = 0; i < P->ninfos; i++)
        if (P->infos[i]->code == c) return P->infos[i];
    return NULL;
}

static int index_of(char **names, int n, const char *x) {
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], x) == 0) return i;
    return -1;
}

/* The slots of unit c's cells and free variables, once its locals have theirs: a cell keeps the slot of
 * the parameter or local it is (MAKE_CELL turns the slot's value into a cell), a free variable gets a new
 * slot (COPY_FREE_VARS fills it from the function's closure); a class body's __class__ cell is a slot. */
static void assign_deref_slots(scope *s) {
    hx_code *c = s->code;
    c->cellslots = c->ncells ? malloc((size_t)c->ncells * sizeof(int)) : NULL;
    for (int i = 0; i < c->ncells; i++) {
        int slot = find_local(s, c->cellnames[i]);
        c->cellslots[i] = slot >= 0 ? slot : add_slot(c, c->cellnames[i]);
    }
    if (c->class_cell) {
        c->cellnames = realloc(c->cellnames, (size_t)(c->ncells + 1) * sizeof(char *));
        c->cellslots = realloc(c->cellslots, (size_t)(c->ncells + 1) * sizeof(int));
        if (!c->cellnames || !c->cellslots) abort();
        c->cellnames[c->ncells] = strdup("__class__");
        c->cellslots[c->ncells] = add_slot(c, "__class__");
        c->ncells++;
    }
    c->freeslots = c->nfree ? malloc((size_t)c->nfree * sizeof(int)) : NULL;
    for (int i = 0; i < c->nfree; i++) c->freeslots[i] = add_slot(c, c->freenames[i]);
}

/* SC_DEREF / SC_CLASSDEREF resolution of a name of unit c, or 0 when it is no cell or free variable. */
static int deref_scope(scope *s, hx_node *n, int store) {
    hx_code *c = s->code;
    int i = index_of(c->cellnames, c->ncells, n->name);
    if (i >= 0 && c->kind == CODE_FUNCTION) {
        n->scope = SC_DEREF;
        n->slot = c->cellslots[i];
        return 1;
    }
    i = index_of(c->freenames, c->nfree, n->name);
    if (i < 0) return 0;
    if (c->kind == CODE_CLASS) {
        /* a class body binding the name keeps it in its namespace (LOAD_NAME); a nonlocal one is the cell */
        int nonlocal = s->st && set_has(&s->st->nonlocs, n->name);
        if (!nonlocal && (store || (s->st && set_has(&s->st->bound, n->name)))) return 0;
        n->scope = nonlocal ? SC_DEREF : SC_CLASSDEREF;
    } else {
        n->scope = SC_DEREF;
    }
    n->slot = c->freeslots[i];
    return 1;
}

/* ---------------------------------------------------------------- walking */

static int r_expr(prep *P, scope *s, hx_node *n);
static int r_target(prep *P, scope *s, hx_node *n);
static int r_code(prep *P, hx_code *c, const char *classname);
static int r_body(prep *P, scope *s, hx_node **b, int nb);

static int name_scope(scope *s, hx_node *n, int store) {
    for (int i = s->nov - 1; i >= 0; i--)
        if (strcmp(s->ov[i].name, n->name) == 0) {
            n->scope = s->ov[i].cell ? SC_DEREF : SC_FAST;
            n->slot = s->ov[i].slot;
            return 0;
        }
    if (s->code->kind != CODE_MODULE && deref_scope(s, n, store)) return 0;
    switch (s->code->kind) {
    /* a class body's names (and an exec()'d module's given its own locals) live in its namespace, but for
     * `global` ones and inside a comprehension, which is a function of its own (3.x: symtable's class
     * scope is skipped by the names a comprehension does not bind, as a function's body skips it) */
    case CODE_MODULE:
        n->scope = s->code->names_in_ns && (!s->in_comp || s->code->names_in_ns == 2) && !is_global_decl(s, n->name)
                       ? SC_CLASS : SC_GLOBAL;
        return 0;
    case CODE_CLASS: n->scope = s->in_comp || is_global_decl(s, n->name) ? SC_GLOBAL : SC_CLASS; return 0;
    case CODE_FUNCTION:
        if (is_global_decl(s, n->name)) { n->scope = SC_GLOBAL; return 0; }
        n->slot = find_local(s, n->name);
        n->scope = n->slot >= 0 ? SC_FAST : SC_GLOBAL;
        (void)store;
        return 0;
    }
    return 0;
}

static int r_name(prep *P, scope *s, hx_node *n, int store) {
    name_scope(s, n, store);
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
    case E_STAR: /* a, *b = ... (PEP 3132, 3.0): the list target's name */
        if (rh_runtime_profile(P->I->rt)->python2) {
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: starred assignment target (Python 3 syntax)");
            return -1;
        }
        return r_target(P, s, n->a);
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
            s->ov[s->nov].cell = t->comp_cell;
            s->nov++;
        }
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) comp_vars(s, t->items[i]);
    }
}

/* A later `for` clause of a comprehension: its iterable, its target, its ifs (in the comprehension's scope) */
static int r_comp_clause(prep *P, scope *s, hx_node *k) {
    return r_expr(P, s, k->b) || fold_iter(P, s, k->b, 0) || r_target(P, s, k->a) ||
           r_list(P, s, k->items2, k->n2) ? -1 : 0;
}

/* compiler_make_closure for unit sub made inside inline comprehensions: each free variable that names a
 * captured comprehension variable takes that variable's cell (its private slot) */
static void comp_closure(scope *s, hx_code *sub) {
    for (int i = 0; i < sub->nfree; i++)
        for (int k = s->nov - 1; k >= 0; k--) {
            if (strcmp(s->ov[k].name, sub->freenames[i]) != 0) continue;
            if (s->ov[k].cell) {
                if (!sub->closure_slots) {
                    sub->closure_slots = malloc((size_t)sub->nfree * sizeof(int));
                    if (!sub->closure_slots) abort();
                    for (int j = 0; j < sub->nfree; j++) sub->closure_slots[j] = -1;
                }
                sub->closure_slots[i] = s->ov[k].slot;
            }
            break;
        }
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
    if (r_expr(P, s, n->c) || fold_iter(P, s, n->c, 0)) return -1;
    hx_code *c = genexp_unit(n);
    n->name_obj = intern_name(P, "<genexpr>");
    if (!n->name_obj) return -1;
    comp_closure(s, c);
    scope gs = {.code = c, .owner = c, .late = 1, .parent = s, .in_comp = 1};
    gs.st = st_of(P, c);
    add_slot(c, ".0");
    gs.nlocals = 1;
    genexp_locals(c, &gs, n->b);
    for (int k = 0; k < n->n; k++) genexp_locals(c, &gs, n->items[k]->a);
    assign_deref_slots(&gs); /* after the locals, as localsplus: locals, cells, free variables */
    int rc = r_target(P, &gs, n->b) || r_list(P, &gs, n->items2, n->n2) ? -1 : 0;
    for (int k = 0; rc == 0 && k < n->n; k++) rc = r_comp_clause(P, &gs, n->items[k]);
    if (rc == 0) rc = r_expr(P, &gs, n->a);
    return rc;
}

/* `@` / `@=` (PEP 465) came with 3.5: under py27 a syntax error. -1 (error set) or 0. */
static int matmul_py27(prep *P, hx_node *n) {
    if (!rh_runtime_profile(P->I->rt)->python2) return 0;
    hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: '%s' (Python 3 syntax)",
                n->kind == S_AUG ? "@=" : "@");
    return -1;
}

/* The constant tuple of the n constant nodes at items (fold_tuple_on_constants), positioned at `at`, made
 * in scope s: *out gets it as make_const_in leaves it. 0 or -1. */
static int const_tuple_of(prep *P, scope *s, hx_node **items, int n, const hx_node *at, rh_object **out) {
    hx_node t;
    memset(&t, 0, sizeof t);
    t.kind = E_CONST;
    t.ckind = K_TUPLE;
    t.items = items;
    t.n = n;
    t.line = at->line;
    t.col = at->col;
    if (make_const_in(P, s, &t, 0)) return -1;
    *out = t.cst;
    return 0;
}

/* compiler_default_arguments (3.x) pushes the defaults and BUILD_TUPLE; when every default is a constant the
 * CFG optimizer (fold_tuple_on_constants; 3.10's peephole pass the same) makes that tuple one constant of
 * the enclosing unit, so a `def` allocates only its function. 2.7's MAKE_FUNCTION builds the tuple itself
 * (Python/ceval.c). Call after the defaults were resolved. 0 or -1. */
static int fold_defaults(prep *P, scope *s, hx_code *c) {
    if (!c->ndefaults || rh_runtime_profile(P->I->rt)->python2) return 0;
    for (int i = 0; i < c->ndefaults; i++)
        if (c->defaults[i]->kind != E_CONST) return 0;
    return const_tuple_of(P, s, c->defaults, c->ndefaults, c->defaults[0], &c->defaults_const);
}

/* compiler_call_helper (3.x) with a `**mapping` and no starred positional argument: the positional
 * arguments are starunpack_helper's tuple; when all are constants that tuple is one constant (more than two:
 * the compiler's own fold, ADDOP_LOAD_CONST_NEW; one or two: BUILD_TUPLE folded by fold_tuple_on_constants),
 * left in n->cst for compile.c's call_ex. 2.7 passes the arguments on the stack. 0 or -1. */
static int fold_call_args(prep *P, scope *s, hx_node *n) {
    int dstar = 0;
    for (int i = 0; i < n->n2; i++) dstar |= n->items2[i]->kind == E_DSTAR;
    if (!dstar || !n->n || rh_runtime_profile(P->I->rt)->python2) return 0;
    for (int i = 0; i < n->n; i++)
        if (n->items[i]->kind != E_CONST) return 0; /* a starred one included */
    if (const_tuple_of(P, s, n->items, n->n, n, &n->cst)) return -1;
    return 0;
}

static int r_expr(prep *P, scope *s, hx_node *n) {
    if (!n) return 0;
    if ((n->kind == E_TUPLE || n->kind == E_LIST || n->kind == E_SET) && has_starred(n) &&
        rh_runtime_profile(P->I->rt)->python2) { /* a display's `*x` is PEP 448 (3.5+); 2.7 had it in calls only */
        hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: starred display item (Python 3.5+ syntax)");
        return -1;
    }
    switch (n->kind) {
    case E_NAME: return r_name(P, s, n, 0);
    case E_CONST: return make_const(P, s, n);
    case E_TUPLE:
        if (r_list(P, s, n->items, n->n)) return -1;
        if (rh_runtime_profile(P->I->rt)->python2) return py27_foldable(n) ? make_const_py27_fold(P, s, n) : 0;
        if (all_const(n)) {
            n->kind = E_CONST;
            n->ckind = K_TUPLE;
            return make_const(P, s, n);
        }
        return 0;
    case E_LIST: /* starunpack_helper (3.9+): three or more constants extend an empty list by a tuple */
        if (r_list(P, s, n->items, n->n)) return -1;
        if (n->n > 2 && all_const(n) && !rh_runtime_profile(P->I->rt)->python2) {
            n->ckind = K_TUPLE;
            return make_const(P, s, n);
        }
        return 0;
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
        if (r_expr(P, s, n->c) || fold_iter(P, s, n->c, 0)) return -1;
        if (n->kind == E_LISTCOMP && rh_runtime_profile(P->I->rt)->python2) {
            /* 2.7's list comprehension is a loop of the enclosing unit: its targets are that unit's names,
             * left bound to the last item (2.7's compiler_listcomp stores with compiler_nameop) */
            int rc = r_target(P, s, n->b) || r_list(P, s, n->items2, n->n2) ? -1 : 0;
            for (int k = 0; rc == 0 && k < n->n; k++) rc = r_comp_clause(P, s, n->items[k]);
            return rc == 0 && r_expr(P, s, n->a) == 0 ? 0 : -1;
        }
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
    case E_NAMED: return r_expr(P, s, n->b) || r_name(P, s, n->a, 1) ? -1 : 0;
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
        if (n->op == OP_MATMUL && matmul_py27(P, n)) return -1;
        if (r_expr(P, s, n->a) || r_expr(P, s, n->b)) return -1;
        if (!(n->op == OP_DIV && P->I->classic_division)) fold(n, rh_runtime_profile(P->I->rt)->python2); /* 2.7 never folds classic division */
        if (n->kind != E_CONST) return 0;
        return rh_runtime_profile(P->I->rt)->python2 ? make_const_py27_fold(P, s, n) : make_const(P, s, n);
    case E_UNARY:
        if (r_expr(P, s, n->a)) return -1;
        if (rh_runtime_profile(P->I->rt)->python2) { /* 2.7: `-` of a number literal is itself a literal
                                                       * (ast.c ast_for_factor); the peephole pass never folds `+` */
            if (n->op == OP_POS) return 0;
            int literal = n->op == OP_NEG && n->a->kind == E_CONST && !n->a->folded;
            fold(n, 1);
            if (n->kind == E_CONST && !literal) return make_const_py27_fold(P, s, n);
            n->folded = 0;
        } else {
            fold(n, 0);
        }
        return n->kind == E_CONST ? make_const(P, s, n) : 0;
    case E_BOOLOP: return r_list(P, s, n->items, n->n);
    case E_COMPARE: /* fold_compare: the last operand of a final `in`/`not in` */
        if (r_list(P, s, n->items, n->n)) return -1;
        return n->ops[n->n - 2] == CMP_IN || n->ops[n->n - 2] == CMP_NOTIN ? fold_iter(P, s, n->items[n->n - 1], 1) : 0;
    case E_NOT: case E_STAR: return r_expr(P, s, n->a);
    case E_IFEXP: return r_expr(P, s, n->a) || r_expr(P, s, n->b) || r_expr(P, s, n->c) ? -1 : 0;
    case E_CALL:
        for (int i = 0; i < n->n2; i++) /* keyword names: the constants of a BUILD_MAP in an ex call */
            if (n->kwnames[i] && !intern_name(P, n->kwnames[i])) return -1;
        return r_expr(P, s, n->a) || r_list(P, s, n->items, n->n) || r_list(P, s, n->items2, n->n2) ||
               fold_call_args(P, s, n) ? -1 : 0;
    case E_ATTR:
        if (r_expr(P, s, n->a)) return -1;
        n->name_obj = intern_name(P, n->name);
        return n->name_obj ? 0 : -1;
    case E_SUBSCR: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
    case E_SLICE: return r_expr(P, s, n->a) || r_expr(P, s, n->b) || r_expr(P, s, n->c) ? -1 : 0;
    case E_DSTAR: return r_expr(P, s, n->a);
    case E_LAMBDA:
        if (r_list(P, s, n->code->defaults, n->code->ndefaults) || fold_defaults(P, s, n->code) ||
            r_list(P, s, n->code->kwdefaults, n->code->nkwonly))
            return -1;
        if (!(n->name_obj = intern_name(P, "<lambda>"))) return -1;
        comp_closure(s, n->code);
        return r_code(P, n->code, NULL);
    case E_JOINED: return r_list(P, s, n->items, n->n);
    case E_FORMATTED: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
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
    } else if (t->kind == E_STAR) { /* a, *b = ...: b is a local too (symtable_visit_expr Starred_kind) */
        collect_target(c, t->a, s);
    }
}

/* the names a pattern binds, in the order they are written */
static void collect_pattern(hx_code *c, hx_node *p, scope *s) {
    if (!p) return;
    if (p->kind == P_AS || p->kind == P_STAR || p->kind == P_MAP) {
        if (p->kind == P_AS) collect_pattern(c, p->a, s);
        if (p->kind == P_MAP)
            for (int i = 0; i < p->n2; i++) collect_pattern(c, p->items2[i], s);
        if (p->b) collect_target(c, p->b, s);
        return;
    }
    if (p->kind == P_SEQ || p->kind == P_OR || p->kind == P_CLASS)
        for (int i = 0; i < p->n; i++) collect_pattern(c, p->items[i], s);
    if (p->kind == P_CLASS)
        for (int i = 0; i < p->n2; i++) collect_pattern(c, p->items2[i], s);
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
            n->kind == S_WITH || n->kind == S_BLOCK || n->kind == S_MATCH || n->kind == S_CASE) {
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
        case S_ANNASSIGN: /* a simple name is local even without a value (symtable DEF_ANNOT | DEF_LOCAL) */
            if (n->a->kind == E_NAME && (n->op || n->c)) collect_target(c, n->a, s);
            break;
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
        case S_DEF: case S_CLASS: /* a nested def or class binds its name here */
        case S_EXCEPT:
            if (n->name && !is_global_decl(s, n->name) && find_local(s, n->name) < 0) {
                add_slot(c, n->name);
                s->nlocals = c->nslots;
            }
            if (n->kind == S_EXCEPT) collect_locals(c, s, n->items, n->n);
            break;
        case S_WITH:
            if (n->b) collect_target(c, n->b, s);
            collect_locals(c, s, n->items, n->n);
            break;
        case S_MATCH: /* each case's capture names, then its body */
            for (int k = 0; k < n->n; k++) {
                collect_pattern(c, n->items[k]->a, s);
                collect_locals(c, s, n->items[k]->items, n->items[k]->n);
            }
            break;
        default: break;
        }
    }
}

static int r_code(prep *P, hx_code *c, const char *classname);

static int py27_annotations(prep *P, hx_node *at) {
    if (!rh_runtime_profile(P->I->rt)->python2) return 0;
    hx_cerr_set(P->err, at->line, at->col, "unsupported under the py27 profile: annotations (Python 3 syntax)");
    return -1;
}

/* The annotations of def n, evaluated where the def runs (after the defaults, as compiler_function), and
 * the names they are stored under (co_consts of the enclosing unit: interned here, so compiling
 * allocates nothing new). 0 or -1. */
static int r_def_annotations(prep *P, scope *s, hx_node *n) {
    hx_code *c = n->code;
    int nall = hx_code_nallparams(c);
    for (int i = 0; c->annots && i < nall; i++) {
        if (!c->annots[i]) continue;
        if (py27_annotations(P, c->annots[i]) || r_expr(P, s, c->annots[i]) || !intern_name(P, c->params[i])) return -1;
    }
    if (!c->returns) return 0;
    if (py27_annotations(P, c->returns) || r_expr(P, s, c->returns) || !intern_name(P, "return")) return -1;
    return 0;
}

/* `target: annotation [= value]` (compiler_annassign): the value and the store as an assignment's; a
 * simple name in a module or class body has its annotation evaluated and stored under its name in
 * __annotations__; any other target's parts are evaluated (check_ann_expr), its annotation too in a
 * module or class body unless the future import made it a string; in a function nothing of the
 * annotation runs. 0 or -1. */
static int r_annassign(prep *P, scope *s, hx_node *n) {
    if (py27_annotations(P, n)) return -1;
    if (s->code->kind != CODE_FUNCTION && !intern_name(P, "__annotations__")) return -1; /* SETUP_ANNOTATIONS */
    hx_node *t = n->a;
    if (t->kind == E_NAME && n->op && s->code->kind == CODE_FUNCTION && is_global_decl(s, t->name)) {
        hx_cerr_set(P->err, t->line, t->col, "syntax error: annotated name '%s' can't be global", t->name);
        return -1;
    }
    if (r_expr(P, s, n->c)) return -1;
    if (t->kind != E_NAME || n->c) {
        if (r_target(P, s, t)) return -1;
    } else if (!(t->name_obj = intern_name(P, t->name))) {
        return -1;
    }
    int evaluated = s->code->kind != CODE_FUNCTION &&
                    (n->op || !(P->future & RH_FUTURE_ANNOTATIONS));
    if (!evaluated) return 0;
    return r_expr(P, s, n->b);
}

static hx_node *pat_const(hx_node *at, hx_ckind k) {
    hx_node *n = calloc(1, sizeof *n);
    if (!n) abort();
    n->kind = E_CONST;
    n->ckind = k;
    n->line = at->line;
    n->col = at->col;
    n->slot = -1;
    return n;
}

/* An int constant the compiler loads (ADDOP_LOAD_CONST_NEW: a length or an index), as a node of p's. */
static hx_node *int_const(prep *P, scope *s, hx_node *p, int64_t v) {
    hx_node *k = pat_const(p, K_INT);
    k->ival = v;
    if (make_const(P, s, k)) { hx_node_free(k); return NULL; }
    return k;
}

/* compiler_pattern_sequence's constants: the length it checks (val; none for `[*_]`) and, with a `*_`,
 * the index of each other item read by subscript (items2[i]: i before the star, len - i after it) */
static int seq_consts(prep *P, scope *s, hx_node *p) {
    int star = -1, star_wildcard = 0;
    for (int i = 0; i < p->n; i++)
        if (p->items[i]->kind == P_STAR) { star = i; star_wildcard = !p->items[i]->b; }
    if (star < 0 || !(p->n == 1 && star_wildcard))
        if (!(p->val = int_const(P, s, p, star < 0 ? p->n : p->n - 1))) return -1;
    if (!star_wildcard) return 0;
    p->items2 = calloc((size_t)p->n, sizeof *p->items2);
    if (!p->items2) abort();
    p->n2 = p->n;
    for (int i = 0; i < p->n; i++) {
        hx_node *q = p->items[i];
        if (i == star || (q->kind == P_AS && !q->a && !q->b)) continue;
        if (!(p->items2[i] = int_const(P, s, p, i < star ? i : p->n - i))) return -1;
    }
    return 0;
}

/* compiler_pattern_mapping's key checks: literal keys may not repeat ("mapping pattern checks duplicate
 * key"); when every key is a literal the keys tuple MATCH_KEYS takes is one constant (3.11's BUILD_TUPLE of
 * constants folded by fold_tuple_on_constants): the key nodes move into p->c, a K_TUPLE constant. */
static int map_keys(prep *P, scope *s, hx_node *p) {
    rh_runtime *rt = P->I->rt;
    int allc = 1;
    for (int i = 0; i < p->n; i++) {
        hx_node *k = p->items[i];
        if (k->kind != E_CONST) { allc = 0; continue; }
        for (int j = 0; j < i; j++) {
            if (p->items[j]->kind != E_CONST) continue;
            int eq = rh_equal(rt, p->items[j]->cst, k->cst);
            if (eq < 0) { rh_err_clear(rt); eq = 0; }
            if (!eq) continue;
            rh_object *r = hx_obj_repr(P->I, k->cst);
            hx_cerr_set(P->err, p->line, p->col, "syntax error: mapping pattern checks duplicate key (%s)",
                        r ? hx_cstr(P->I, r) : "?");
            if (r) rh_decref(rt, r);
            else rh_err_clear(rt);
            return -1;
        }
    }
    if (!allc || p->n == 0) return 0;
    hx_node *t = pat_const(p, K_TUPLE);
    t->items = p->items;
    t->n = p->n;
    p->items = NULL; /* p->n keeps the count: hx_node_free skips a NULL list */
    p->c = t;
    return make_const(P, s, t);
}

/* A pattern's capture targets and expressions (value patterns, mapping keys, class names). */
static int r_pattern(prep *P, scope *s, hx_node *p) {
    if (!p) return 0;
    switch (p->kind) {
    case P_AS: case P_STAR: return r_pattern(P, s, p->a) || (p->b && r_target(P, s, p->b)) ? -1 : 0;
    case P_VALUE: case P_SINGLETON: return r_expr(P, s, p->a);
    case P_SEQ: case P_OR:
        for (int i = 0; i < p->n; i++)
            if (r_pattern(P, s, p->items[i])) return -1;
        return p->kind == P_SEQ ? seq_consts(P, s, p) : 0;
    case P_MAP: /* "get": the name MATCH_KEYS looks up (CPython's static _Py_ID(get)), interned before the run */
        if (r_list(P, s, p->items, p->n) || map_keys(P, s, p) || !intern_name(P, "get")) return -1;
        if (p->n && !(p->val = int_const(P, s, p, p->n))) return -1;
        for (int i = 0; i < p->n2; i++)
            if (r_pattern(P, s, p->items2[i])) return -1;
        return p->b ? r_target(P, s, p->b) : 0;
    case P_CLASS: { /* and "__match_args__" (_Py_ID(__match_args__)) for positional sub-patterns */
        if (r_expr(P, s, p->a) || (p->n && !intern_name(P, "__match_args__"))) return -1;
        for (int i = 0; i < p->n; i++)
            if (r_pattern(P, s, p->items[i])) return -1;
        /* MATCH_CLASS's tuple of keyword names: one constant (compiler_pattern_class's attr_names) */
        hx_node *t = pat_const(p, K_TUPLE);
        p->c = t;
        t->items = calloc((size_t)p->n2 + 1, sizeof *t->items);
        if (!t->items) abort();
        for (int i = 0; i < p->n2; i++) {
            if (r_pattern(P, s, p->items2[i]) || !intern_name(P, p->kwnames[i])) return -1;
            hx_node *k = t->items[t->n++] = pat_const(p, K_STR);
            k->sval = strdup(p->kwnames[i]);
            if (!k->sval) abort();
            k->slen = strlen(k->sval);
            if (make_const(P, s, k)) return -1;
        }
        return make_const(P, s, t);
    }
    default: return 0;
    }
}

static int r_stmt(prep *P, scope *s, hx_node *n) {
    switch (n->kind) {
    case S_EXPR: return r_expr(P, s, n->a);
    case S_ASSIGN:
        if (r_expr(P, s, n->a)) return -1;
        for (int i = 0; i < n->n; i++)
            if (r_target(P, s, n->items[i])) return -1;
        return 0;
    case S_AUG:
        if (n->op == OP_MATMUL && matmul_py27(P, n)) return -1;
        return r_expr(P, s, n->b) || r_target(P, s, n->a) ? -1 : 0;
    case S_ANNASSIGN: return r_annassign(P, s, n);
    case S_DEL:
        for (int i = 0; i < n->n; i++)
            if (r_target(P, s, n->items[i])) return -1;
        return 0;
    case S_IF: case S_WHILE:
        return r_expr(P, s, n->a) || r_body(P, s, n->items, n->n) || r_body(P, s, n->items2, n->n2) ? -1 : 0;
    case S_FOR:
        return r_expr(P, s, n->b) || fold_iter(P, s, n->b, 0) || r_target(P, s, n->a) || r_body(P, s, n->items, n->n) ||
               r_body(P, s, n->items2, n->n2) ? -1 : 0;
    case S_RETURN: return r_expr(P, s, n->a);
    case S_RAISE:
        if (n->op && !rh_runtime_profile(P->I->rt)->python2) { /* `raise T, V` is 2.x's grammar */
            hx_cerr_set(P->err, (int)(n->ival >> 32), (int)(n->ival & 0xffffffff), "syntax error: invalid syntax at ','");
            return -1;
        }
        if (n->b && rh_runtime_profile(P->I->rt)->python2) {
            hx_cerr_set(P->err, n->b->line, n->b->col, "unsupported under the py27 profile: 'raise ... from' (Python 3 syntax)");
            return -1;
        }
        return r_expr(P, s, n->a) || r_expr(P, s, n->b) || r_expr(P, s, n->c) || r_expr(P, s, n->val) ? -1 : 0;
    case S_ASSERT: return r_expr(P, s, n->a) || r_expr(P, s, n->b) ? -1 : 0;
    case S_TRY:
        if (r_body(P, s, n->items, n->n) || r_body(P, s, n->items2, n->n2)) return -1;
        if (n->b && r_body(P, s, n->b->items, n->b->n)) return -1;
        return n->c ? r_body(P, s, n->c->items, n->c->n) : 0;
    case S_EXCEPT:
        if (n->op && !rh_runtime_profile(P->I->rt)->python2) { /* `except T, name` is 2.x's grammar */
            hx_cerr_set(P->err, (int)(n->ival >> 32), (int)(n->ival & 0xffffffff),
                        "syntax error: multiple exception types must be parenthesized");
            return -1;
        }
        if (r_expr(P, s, n->a) || (n->name && r_name(P, s, n, 1))) return -1;
        return r_body(P, s, n->items, n->n);
    case S_WITH:
        if (r_expr(P, s, n->a) || (n->b && r_target(P, s, n->b))) return -1;
        return r_body(P, s, n->items, n->n);
    case S_MATCH:
        if (rh_runtime_profile(P->I->rt)->python2) { /* 3.10's soft keyword: Python 2.7 has no match statement */
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: 'match' statement (Python 3.10+ syntax)");
            return -1;
        }
        if (r_expr(P, s, n->a)) return -1;
        for (int i = 0; i < n->n; i++) {
            hx_node *k = n->items[i];
            if (r_pattern(P, s, k->a) || r_expr(P, s, k->b) || r_body(P, s, k->items, k->n)) return -1;
        }
        return 0;
    case S_BREAK: case S_CONTINUE: case S_PASS: case S_GLOBAL: return 0;
    case S_IMPORT:
        if (n->op == 1 && s->code->kind != CODE_MODULE) { /* symtable.c: symtable_visit_alias */
            hx_cerr_set(P->err, n->line, n->col, "syntax error: import * only allowed at module level");
            return -1;
        }
        for (int i = 0; i < n->n; i++)
            if (r_name(P, s, n->items[i], 1)) return -1;
        return 0;
    case S_DEF: {
        hx_code *c = n->code;
        if ((c->co_flags & (HX_CO_COROUTINE | HX_CO_ASYNC_GENERATOR)) && rh_runtime_profile(P->I->rt)->python2) {
            hx_cerr_set(P->err, n->line, n->col, "unsupported under the py27 profile: 'async def' (Python 3 syntax)");
            return -1;
        }
        if (c->dunder_line && rh_runtime_profile(P->I->rt)->python2) { /* parser.c p_def */
            hx_cerr_set(P->err, c->dunder_line, c->dunder_col,
                        "unsupported special method '%s' under the py27 profile; supported: the data model's special "
                        "methods (__init__, __del__, __repr__, __eq__, __add__, __getattr__, ...: "
                        "docs/workload-language.md)", c->name);
            return -1;
        }
        if (r_list(P, s, n->decos, n->ndecos) || r_list(P, s, c->defaults, c->ndefaults) || fold_defaults(P, s, c) ||
            r_list(P, s, c->kwdefaults, c->nkwonly) || r_def_annotations(P, s, n) || r_name(P, s, n, 1))
            return -1;
        return r_code(P, c, NULL);
    }
    case S_CLASS:
        if (r_list(P, s, n->decos, n->ndecos) || r_list(P, s, n->items, n->n) || r_list(P, s, n->items2, n->n2) ||
            r_name(P, s, n, 1))
            return -1;
        for (int i = 0; i < n->n2; i++) /* the class keywords' names: constants of the keyword dict */
            if (!intern_name(P, n->kwnames[i])) return -1;
        return r_code(P, n->code, n->name);
    case S_NONLOCAL: return 0;
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

static int static_attributes_const(prep *P, scope *s, hx_code *c);

static int r_code(prep *P, hx_code *c, const char *classname) {
    scope s = {.code = c, .classname = classname, .owner = c, .late = c->kind == CODE_FUNCTION};
    s.st = st_of(P, c);
    if (c->kind == CODE_CLASS || c->names_in_ns) collect_globals(&s, c->body, c->nbody); /* STORE_GLOBAL */
    if (c->kind == CODE_FUNCTION) {
        collect_globals(&s, c->body, c->nbody);
        for (int i = 0; i < s.nglobs; i++)
            for (int k = 0; k < hx_code_nallparams(c); k++)
                if (strcmp(s.globs[i], c->params[k]) == 0) {
                    hx_cerr_set(P->err, c->line, 1, "syntax error: name '%s' is parameter and global", s.globs[i]);
                    free(s.globs);
                    return -1;
                }
        for (int k = 0; k < hx_code_nallparams(c); k++) add_slot(c, c->params[k]);
        s.nlocals = c->nslots;
        collect_locals(c, &s, c->body, c->nbody);
        for (int i = 0; s.st && i < s.st->walrus.n; i++) { /* names bound only by `:=` */
            const char *x = s.st->walrus.v[i];
            if (!is_global_decl(&s, x) && find_local(&s, x) < 0) add_slot(c, x);
        }
        s.nlocals = c->nnamed = c->nslots;
    }
    if (c->kind != CODE_MODULE) assign_deref_slots(&s);
    /* names the compiler uses as constants: keyword-only parameters (kwdefaults keys), __classcell__ */
    for (int k = 0; k < c->nkwonly; k++)
        if (!intern_name(P, c->params[c->nparams + k])) return -1;
    if (c->class_cell && !intern_name(P, "__classcell__")) return -1;
    int rc = r_body(P, &s, c->body, c->nbody);
    if (rc == 0 && c->kind == CODE_CLASS && RH_API(P->I, "class", "__static_attributes__"))
        rc = static_attributes_const(P, &s, c);
    free(s.globs);
    return rc;
}

/* 3.13's compiler notes every attribute assigned through a name spelled `self` in the functions of a
 * class body (`self.x = ...`, tuple and for targets, inside if/for/while; not `+=`, not `del` — checked
 * on 3.13.0): the class body ends with __static_attributes__ = those names, sorted, as a tuple, a
 * constant of the body's code (compiler_static_attributes_tuple), made here before the program runs. */
typedef struct static_names { const char **v; size_t n, cap; } static_names;

static int static_attrs_target(rh_runtime *rt, hx_node *t, const char *self, static_names *set) {
    if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++)
            if (static_attrs_target(rt, t->items[i], self, set)) return -1;
        return 0;
    }
    if (t->kind == E_STAR) return static_attrs_target(rt, t->a, self, set);
    if (t->kind != E_ATTR || t->a->kind != E_NAME || strcmp(t->a->name, self) != 0) return 0;
    size_t at = 0; /* sorted insertion, duplicates dropped */
    while (at < set->n && strcmp(set->v[at], t->name) < 0) at++;
    if (at < set->n && strcmp(set->v[at], t->name) == 0) return 0;
    if (set->n == set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 8;
        const char **p = realloc(set->v, cap * sizeof *p);
        if (!p) {
            rh_err_nomemory(rt);
            return -1;
        }
        set->v = p;
        set->cap = cap;
    }
    memmove(set->v + at + 1, set->v + at, (set->n - at) * sizeof *set->v);
    set->v[at] = t->name;
    set->n++;
    return 0;
}

static int static_attrs_body(rh_runtime *rt, hx_node **b, int nb, const char *self, static_names *set) {
    for (int i = 0; i < nb; i++) {
        hx_node *n = b[i];
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

/* The class body's __static_attributes__ tuple as a constant of its unit (c->static_attrs_const). 0 or -1. */
static int static_attributes_const(prep *P, scope *s, hx_code *c) {
    rh_runtime *rt = P->I->rt;
    static_names set = {0};
    int rc = 0;
    for (int i = 0; rc == 0 && i < c->nbody; i++) {
        hx_node *d = c->body[i];
        if (d->kind == S_DEF && d->code) rc = static_attrs_body(rt, d->code->body, d->code->nbody, "self", &set);
    }
    hx_node *nodes = rc == 0 && set.n ? calloc(set.n, sizeof *nodes) : NULL;
    hx_node **items = nodes ? calloc(set.n, sizeof *items) : NULL;
    if (rc == 0 && set.n && !items) rc = -1;
    for (size_t i = 0; rc == 0 && i < set.n; i++) {
        nodes[i].kind = E_CONST;
        nodes[i].ckind = K_STR;
        nodes[i].sval = (char *)set.v[i];
        nodes[i].slen = strlen(set.v[i]);
        nodes[i].line = c->line;
        items[i] = &nodes[i];
        rc = make_const_in(P, s, &nodes[i], 0);
    }
    hx_node at = {0};
    at.line = c->line;
    if (rc == 0) rc = const_tuple_of(P, s, items, (int)set.n, &at, &c->static_attrs_const);
    if (rc && !rh_err_occurred(rt)) hx_cerr_set(P->err, c->line, 1, "out of memory");
    free(items);
    free(nodes);
    free(set.v);
    return rc;
}

int hx_prepare(hx_interp *I, hx_code *module, hx_cerr *err) {
    prep P = {I, err, NULL, 0, 0, NULL, 0, 0, module->future};
    nameset need = {0};
    I->const_file_cur++; /* a new compilation: its own constant cache */
    int rc = st_analyze(&P, module, NULL, &need);
    free(need.v);
    if (rc == 0) rc = r_code(&P, module, NULL);
    for (int i = 0; i < P.ninfos; i++) st_free(P.infos[i]);
    free(P.infos);
    free(P.uses);
    return rc;
}
