/* compile.c — code generation: the resolved tree of a code unit -> CPython-shaped bytecode (opcodes.h).
 *
 * Owns the instruction stream of every code unit (module, function and class bodies): co_code with one
 * source line per word (co_lines), co_consts and co_names (borrowed: resolve.c keeps the references a
 * CPython run holds on constants, the interpreter owns the interned names), the global-lookup and method
 * caches, keyword-name lists and the maximum stack depth. It follows Python/compile.c of 3.11 statement by
 * statement (compiler_visit_stmt, compiler_visit_expr, compiler_call, compiler_for, compiler_comprehension,
 * compiler_augassign, compiler_compare, compiler_unwind_fblock), so the order in which values are pushed,
 * consumed and released is CPython's. Two documented departures: a list comprehension runs inline in its
 * enclosing frame (3.12's PEP 709 shape) after making the <listcomp> function object 3.11 makes, and a
 * slice subscript is one instruction taking its bounds from the stack (3.12's BINARY_SLICE, STORE_SLICE, for
 * steps and deletion too): the VM builds the slice object BUILD_SLICE would whenever building it is
 * observable (vm.c slice_subscr, interp.c hx_slice_fast) — a slice in a subscript tuple is BUILD_SLICE.
 * Invariants: the stack depth at every instruction is known statically (tracked while emitting); every
 * jump target is an instruction index inside the unit; errors are compile errors (file:line:col).
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

static const signed char op_effect[HX_NUM_OPCODES] = {
#define HX_OP_EFF(name, eff, extra) [HX_##name] = (signed char)((eff) == VAR ? 0 : (eff)),
    HX_OPCODES(HX_OP_EFF)
#undef HX_OP_EFF
};

/* compiler_push_fblock: what a `return`, `break` or `continue` must undo on its way out of a block
 * (compiler_unwind_fblock). Loops keep their continue target and the breaks to patch. */
typedef enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_TRY, FB_FINALLY_END, FB_HANDLER, FB_WITH, FB_POP_VALUE,
               FB_EXC_HANDLER } fbkind;
typedef struct fblock {
    fbkind kind;
    int head;          /* loops: continue target */
    int *breaks;       /* loops: jumps to patch to the loop's end */
    int nbreaks;
    hx_node *datum;    /* FB_TRY: the try statement (its finally body); FB_HANDLER: the except clause when
                        * it binds a name; FB_WITH: the with statement */
    int nhandlers;     /* exception-table entries this block holds open (POP_BLOCK on the way out) */
} fblock;

/* Loops, try, with and handler blocks nest at most 20 deep in a code object, as CPython 3.11's
 * CO_MAXBLOCKS (Include/cpython/code.h; compiler_push_fblock: "too many statically nested blocks"). */
#define RH_MAXBLOCKS 20

typedef struct cg {
    hx_interp *I;
    hx_code *c;
    hx_cerr *err;
    int line;          /* the source position instructions get now (compile.c's u_lineno, u_col_offset, */
    hx_pos pos;        /* u_end_lineno, u_end_col_offset): the expression or statement being compiled */
    int depth, maxdepth;
    int aux, maxaux;   /* loop slots in use / needed (2 words each) */
    fblock blocks[RH_MAXBLOCKS];
    int nblocks;
    int hstack[64];    /* open exception-table entries, innermost last (SETUP_* ... POP_BLOCK) */
    int nh;
    int check_gc;      /* profile: collections scheduled at allocation run between statements */
    int top;           /* module body: emit the per-statement report hooks */
    int failed;
    hx_node *ploc;     /* the pattern compiled last (compiler_pattern's SET_LOC: where a pattern error points) */
    char *comp_qual;   /* the qualname of the inline comprehension being compiled (comp_region), or NULL */
} cg;

#define GROW(ptr, n, cap)                                                         \
    do {                                                                          \
        if ((n) >= (cap)) {                                                       \
            (cap) = (cap) ? (cap) * 2 : 16;                                       \
            void *np_ = realloc((ptr), (size_t)(cap) * sizeof *(ptr));           \
            if (!np_) abort();                                                    \
            (ptr) = np_;                                                          \
        }                                                                         \
    } while (0)

static void fail(cg *g, hx_node *n, const char *msg) {
    if (!g->failed) hx_cerr_set(g->err, n ? n->line : g->line, n ? n->col : 1, "%s", msg);
    g->failed = 1;
}

/* SET_LOC: the instructions emitted next are at node n (columns unknown for a node the parser did not
 * end: a pattern, a node made by the compiler) */
typedef struct cgloc { int line; hx_pos pos; } cgloc;
static cgloc set_loc(cg *g, const hx_node *n) {
    cgloc old = {g->line, g->pos};
    if (n->line > 0) g->line = n->line;
    g->pos = n->end_line ? (hx_pos){n->end_line, n->col, n->end_col} : (hx_pos){0, 0, 0};
    return old;
}
static void restore_loc(cg *g, cgloc old) {
    g->line = old.line;
    g->pos = old.pos;
}

static void adjust(cg *g, int delta) {
    g->depth += delta;
    if (g->depth > g->maxdepth) g->maxdepth = g->depth;
}

/* Append one word; returns its index. */
static int word(cg *g, hx_instr w) {
    hx_code *c = g->c;
    if (c->ncode >= c->capcode) {
        c->capcode = c->capcode ? c->capcode * 2 : 64;
        c->co_code = realloc(c->co_code, (size_t)c->capcode * sizeof *c->co_code);
        c->co_lines = realloc(c->co_lines, (size_t)c->capcode * sizeof *c->co_lines);
        c->co_handler = realloc(c->co_handler, (size_t)c->capcode * sizeof *c->co_handler);
        c->co_pos = realloc(c->co_pos, (size_t)c->capcode * sizeof *c->co_pos);
        if (!c->co_code || !c->co_lines || !c->co_handler || !c->co_pos) abort();
    }
    c->co_code[c->ncode] = w;
    c->co_lines[c->ncode] = g->line;
    c->co_pos[c->ncode] = g->pos;
    c->co_handler[c->ncode] = g->nh ? g->hstack[g->nh - 1] : -1;
    return c->ncode++;
}

static int emit(cg *g, unsigned op, uint32_t arg) {
    if (arg > HX_ARG_MAX) { fail(g, NULL, "code unit too large"); arg = 0; }
    adjust(g, op_effect[op]);
    return word(g, hx_make(op, arg));
}

/* An instruction whose stack effect depends on its operand. */
static int emit_v(cg *g, unsigned op, uint32_t arg, int delta) {
    int at = emit(g, op, arg);
    adjust(g, delta);
    return at;
}

static int here(cg *g) { return g->c->ncode; }
static void patch(cg *g, int at, int target) { g->c->co_code[at] = hx_make(hx_op(g->c->co_code[at]), (uint32_t)target); }

static int const_index(cg *g, rh_object *o) {
    hx_code *c = g->c;
    for (int i = 0; i < c->nconsts; i++)
        if (c->co_consts[i] == o) return i;
    GROW(c->co_consts, c->nconsts, c->capconsts);
    c->co_consts[c->nconsts] = o;
    return c->nconsts++;
}

static int name_index(cg *g, rh_object *name) {
    hx_code *c = g->c;
    for (int i = 0; i < c->nnames; i++)
        if (c->co_names[i] == name) return i;
    GROW(c->co_names, c->nnames, c->capnames);
    c->co_names[c->nnames] = name;
    return c->nnames++;
}

static int gcache_index(cg *g, rh_object *name) {
    hx_code *c = g->c;
    GROW(c->gcache, c->ngcache, c->capgcache);
    memset(&c->gcache[c->ngcache], 0, sizeof c->gcache[0]);
    c->gcache[c->ngcache].name = name;
    return c->ngcache++;
}

static int mcache_index(cg *g) {
    hx_code *c = g->c;
    GROW(c->mcache, c->nmcache, c->capmcache);
    memset(&c->mcache[c->nmcache], 0, sizeof c->mcache[0]);
    return c->nmcache++;
}

static int acache_index(cg *g) {
    hx_code *c = g->c;
    GROW(c->acache, c->nacache, c->capacache);
    memset(&c->acache[c->nacache], 0, sizeof c->acache[0]);
    return c->nacache++;
}

/* LOAD_ATTR / STORE_ATTR name, with the site's attribute cache in the next word */
static void attr_op(cg *g, unsigned op, rh_object *name) {
    emit(g, op, (uint32_t)name_index(g, name));
    word(g, (hx_instr)acache_index(g));
}

static int kwnames_index(cg *g, char **names, int n) {
    hx_code *c = g->c;
    GROW(c->kwlists, c->nkwlists, c->capkwlists);
    c->kwlists[c->nkwlists].names = names;
    c->kwlists[c->nkwlists].n = n;
    return c->nkwlists++;
}

static int code_index(cg *g, hx_code *sub) {
    hx_code *c = g->c;
    GROW(c->co_codes, c->ncodes, c->capcodes);
    c->co_codes[c->ncodes] = sub;
    return c->ncodes++;
}

static int cstr_index(cg *g, const char *s) {
    hx_code *c = g->c;
    GROW(c->co_cstrs, c->ncstrs, c->capcstrs);
    c->co_cstrs[c->ncstrs] = s;
    return c->ncstrs++;
}

static int loop_slot(cg *g) {
    int s = g->aux++;
    if (g->aux > g->maxaux) g->maxaux = g->aux;
    return s;
}

/* ---------------------------------------------------------------- expressions */

static void expr(cg *g, hx_node *n);
static void body(cg *g, hx_node **b, int nb);
static void import_stmt(cg *g, hx_node *s);
static void store(cg *g, hx_node *t);
static int compile_unit(hx_interp *I, hx_code *c, hx_cerr *err);
static void comp_inline(cg *g, hx_node *n);
static char *comp_enter(cg *g, int which);
static void comp_region(cg *g, hx_node *n, int which, int call_at, int start, int end, char *outer, int fa);
static void load_none(cg *g);

static void load_name(cg *g, hx_node *n) {
    switch (n->scope) {
    case SC_DEREF: emit(g, HX_LOAD_DEREF, (uint32_t)n->slot); break;
    case SC_CLASSDEREF: emit(g, HX_LOAD_CLASSDEREF, (uint32_t)n->slot); break;
    case SC_FAST: emit(g, HX_LOAD_FAST, (uint32_t)n->slot); break;
    case SC_CLASS: emit(g, HX_LOAD_NAME, (uint32_t)gcache_index(g, n->name_obj)); break;
    default: emit(g, HX_LOAD_GLOBAL, (uint32_t)gcache_index(g, n->name_obj)); break;
    }
}

static void store_name(cg *g, hx_node *n) {
    switch (n->scope) {
    case SC_DEREF: emit(g, HX_STORE_DEREF, (uint32_t)n->slot); break;
    case SC_FAST: emit(g, HX_STORE_FAST, (uint32_t)n->slot); break;
    case SC_CLASS: emit(g, HX_STORE_NAME, (uint32_t)name_index(g, n->name_obj)); break;
    default: emit(g, HX_STORE_GLOBAL, (uint32_t)name_index(g, n->name_obj)); break;
    }
}

static void delete_name(cg *g, hx_node *n) {
    switch (n->scope) {
    case SC_DEREF: emit(g, HX_DELETE_DEREF, (uint32_t)n->slot); break;
    case SC_FAST: emit(g, HX_DELETE_FAST, (uint32_t)n->slot); break;
    case SC_CLASS: emit(g, HX_DELETE_NAME, (uint32_t)name_index(g, n->name_obj)); break;
    default: emit(g, HX_DELETE_GLOBAL, (uint32_t)name_index(g, n->name_obj)); break;
    }
}

/* Push the given bounds of slice node s; returns the mask of those given (bit 0 start, 1 stop, 2 step). */
static int slice_parts(cg *g, hx_node *s) {
    hx_node *parts[3] = {s->a, s->b, s->c};
    int mask = 0;
    for (int k = 0; k < 3; k++)
        if (parts[k]) { expr(g, parts[k]); mask |= 1 << k; }
    return mask;
}

static int popcount3(int m) { return (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1); }

/* Whether an item of display, target list or call n is starred (`*x`). */
static int has_star(const hx_node *n) {
    for (int i = 0; i < n->n; i++)
        if (n->items[i]->kind == E_STAR) return 1;
    return 0;
}

/* starunpack_helper (Python/compile.c, 3.11) for the items of display n (folded constants are handled by the
 * caller): without a starred item and within STACK_USE_GUIDELINE (30) the items and one build op (BUILD_TUPLE
 * for a tuple); else the sequence is built empty when big, or from the items before the first star, then each
 * later item is added (add) or each starred iterable merged (extend), and a tuple is converted at the end
 * (LIST_TO_TUPLE). */
#define HX_STACK_USE_GUIDELINE 30
static void starunpack(cg *g, hx_node *n, int build, int add, int extend, int tuple) {
    int star = has_star(n), big = n->n > HX_STACK_USE_GUIDELINE, built = 0;
    if (!star && !big) {
        for (int i = 0; i < n->n; i++) expr(g, n->items[i]);
        emit_v(g, tuple ? HX_BUILD_TUPLE : build, (uint32_t)n->n, 1 - n->n);
        return;
    }
    if (big) {
        emit_v(g, build, 0, 1);
        built = 1;
    }
    for (int i = 0; i < n->n; i++) {
        hx_node *e = n->items[i];
        if (e->kind == E_STAR) {
            if (!built) {
                emit_v(g, build, (uint32_t)i, 1 - i);
                built = 1;
            }
            expr(g, e->a);
            emit(g, extend, 1);
        } else {
            expr(g, e);
            if (built) emit(g, add, 1);
        }
    }
    if (tuple) emit(g, HX_LIST_TO_TUPLE, 0);
}

/* compiler_call: the callable (or the receiver and LOAD_METHOD), then the arguments, then CALL. */
static void call_ex(cg *g, hx_node *n);
static void kwpairs(cg *g, hx_node *n, int lo, int hi);

/* 2.7's compiler_call_helper for a call with *seq or **map: the positional arguments, the name=value pairs
 * (name constant, value), *seq, **map, each evaluated in that order, then one CALL_FUNCTION_VAR/_KW/_VAR_KW
 * (HX_CALL_EXT27). 0 when n is not of 2.7's form (its grammar: positional, keywords, at most one *seq,
 * at most one **map last), which call_ex compiles. */
static int call_ext27(cg *g, hx_node *n) {
    int npos = 0, nstar = 0, nkw = 0, ndstar = 0;
    for (int i = 0; i < n->n; i++) {
        if (n->items[i]->kind == E_STAR) nstar++;
        else if (nstar) return 0;
        else npos++;
    }
    for (int i = 0; i < n->n2; i++) {
        if (n->items2[i]->kind == E_DSTAR) ndstar++;
        else if (ndstar) return 0;
        else nkw++;
    }
    if (nstar > 1 || ndstar > 1 || npos > 255 || nkw > 255) return 0;
    expr(g, n->a);
    emit(g, HX_PUSH_NULL, 0);
    for (int i = 0; i < npos; i++) expr(g, n->items[i]);
    kwpairs(g, n, 0, nkw);
    if (nstar) expr(g, n->items[npos]->a);
    if (ndstar) expr(g, n->items2[nkw]->a);
    int popped = 2 + npos + 2 * nkw + nstar + ndstar;
    emit_v(g, HX_HX_CALL_EXT27, (uint32_t)(npos | nkw << 8 | nstar << 16 | ndstar << 17), 1 - popped);
    return 1;
}

static void call(cg *g, hx_node *n) {
    int star = has_star(n);
    for (int i = 0; i < n->n2; i++) star |= n->items2[i]->kind == E_DSTAR;
    if (star && rh_runtime_profile(g->I->rt)->python2 && call_ext27(g, n)) return;
    if (star) { call_ex(g, n); return; }
    /* maybe_optimize_method_call: no LOAD_METHOD when an argument is starred (a bound method is made);
     * 2.7 has no LOAD_METHOD: LOAD_ATTR makes the bound method (or bound built-in method) every time */
    if (n->a->kind == E_ATTR && !star && !rh_runtime_profile(g->I->rt)->python2) {
        expr(g, n->a->a);
        cgloc at_call = set_loc(g, n->a); /* LOAD_METHOD at the attribute, on its last line */
        if (n->a->end_line) g->line = n->a->end_line;
        emit(g, HX_LOAD_METHOD, (uint32_t)name_index(g, n->a->name_obj));
        word(g, (hx_instr)mcache_index(g));
        restore_loc(g, at_call);
    } else {
        expr(g, n->a);
        emit(g, HX_PUSH_NULL, 0);
    }
    for (int i = 0; i < n->n; i++) expr(g, n->items[i]);
    for (int i = 0; i < n->n2; i++) expr(g, n->items2[i]);
    if (n->n2) emit(g, HX_KW_NAMES, (uint32_t)kwnames_index(g, n->kwnames, n->n2));
    int argc = n->n + n->n2;
    emit_v(g, HX_CALL, (uint32_t)argc, -(argc + 2) + 1);
}

/* keyword arguments [lo, hi) of call n as (name constant, value) pairs on the stack */
static void kwpairs(cg *g, hx_node *n, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
        /* the interned name resolve.c made (held by the interpreter's names): borrowed here */
        rh_object *k = rh_str_intern_utf8(g->I->rt, n->kwnames[i], strlen(n->kwnames[i]));
        if (!k) { fail(g, n, "out of memory"); return; }
        rh_decref(g->I->rt, k);
        emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, k));
        expr(g, n->items2[i]);
    }
}

/* compiler_subkwargs: keyword arguments [lo, hi) of call n as one dict (name constants and values) */
static void subkwargs(cg *g, hx_node *n, int lo, int hi) {
    kwpairs(g, n, lo, hi);
    emit_v(g, HX_BUILD_MAP, (uint32_t)(hi - lo), 1 - 2 * (hi - lo));
}

/* compiler_call_helper's ex_call: the positional arguments as one sequence (a starred one alone as it
 * is; else starunpack_helper's tuple, or list turned into one when something is starred), then the keywords as a dict
 * merged from the name=value runs and each **mapping (BUILD_MAP / DICT_MERGE), then CALL_FUNCTION_EX. */
static void call_ex(cg *g, hx_node *n) {
    expr(g, n->a);
    emit(g, HX_PUSH_NULL, 0);
    int star = has_star(n);
    if (n->n == 1 && star) {
        expr(g, n->items[0]->a);
    } else if (n->cst) { /* constants (resolve.c fold_call_args): more than two the compiler's, else the CFG's */
        emit(g, n->n > 2 ? HX_LOAD_CONST : HX_HX_LOAD_FOLDED, (uint32_t)const_index(g, n->cst));
    } else {
        /* starunpack_helper: the arguments before the first starred one, then BUILD_LIST of them (so a
         * temporary among them is made before the list, as CPython's), LIST_APPEND / LIST_EXTEND */
        starunpack(g, n, HX_BUILD_LIST, HX_LIST_APPEND, HX_LIST_EXTEND, 1);
    }
    int have_dict = 0, seen = 0;
    for (int i = 0; i < n->n2; i++) {
        if (n->items2[i]->kind != E_DSTAR) { seen++; continue; }
        if (seen) {
            subkwargs(g, n, i - seen, i);
            if (have_dict) emit(g, HX_DICT_MERGE, 1);
            have_dict = 1;
            seen = 0;
        }
        if (!have_dict) { emit_v(g, HX_BUILD_MAP, 0, 1); have_dict = 1; }
        expr(g, n->items2[i]->a);
        emit(g, HX_DICT_MERGE, 1);
    }
    if (seen) {
        subkwargs(g, n, n->n2 - seen, n->n2);
        if (have_dict) emit(g, HX_DICT_MERGE, 1);
        have_dict = 1;
    }
    emit_v(g, HX_CALL_FUNCTION_EX, (uint32_t)have_dict, -(have_dict + 3) + 1);
}

/* compiler_subdict: the key: value items [lo, hi) of dict display n as one BUILD_MAP */
static void subdict(cg *g, hx_node *n, int lo, int hi) {
    for (int i = lo; i < hi; i++) { expr(g, n->items[i]); expr(g, n->items2[i]); }
    emit_v(g, HX_BUILD_MAP, (uint32_t)(hi - lo), 1 - 2 * (hi - lo));
}

/* compiler_dict: runs of key: value items each a BUILD_MAP, the first dict kept and every later run and
 * each **mapping (a NULL key) merged into it with DICT_UPDATE */
static void dict_display(cg *g, hx_node *n) {
    int have_dict = 0, run = 0;
    for (int i = 0; i < n->n; i++) {
        if (n->items[i]) { run++; continue; }
        if (run) {
            subdict(g, n, i - run, i);
            if (have_dict) emit(g, HX_DICT_UPDATE, 1);
            have_dict = 1;
            run = 0;
        }
        if (!have_dict) { emit_v(g, HX_BUILD_MAP, 0, 1); have_dict = 1; }
        expr(g, n->items2[i]);
        emit(g, HX_DICT_UPDATE, 1);
    }
    if (run) {
        subdict(g, n, n->n - run, n->n);
        if (have_dict) emit(g, HX_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict) emit_v(g, HX_BUILD_MAP, 0, 1);
}

/* A name resolve.c interned (the interpreter's names hold it): borrowed. */
static rh_object *interned(cg *g, const char *text) {
    rh_object *k = hx_name(g->I, text); /* borrowed: the interpreter keeps it alive (co_names) */
    if (!k) fail(g, NULL, "out of memory");
    return k;
}

/* The slot of this unit's cell or free variable `name` (what LOAD_CLOSURE loads), or -1. */
static int closure_slot(hx_code *c, const char *name) {
    for (int i = 0; i < c->ncells; i++)
        if (strcmp(c->cellnames[i], name) == 0) return c->cellslots[i];
    for (int i = 0; i < c->nfree; i++)
        if (strcmp(c->freenames[i], name) == 0) return c->freeslots[i];
    return -1;
}

/* compiler_make_closure: the cells of sub's free variables, in sub's co_freevars order, as a tuple. */
static int closure_tuple(cg *g, hx_node *at, hx_code *sub) {
    if (!sub->nfree) return 0;
    for (int i = 0; i < sub->nfree; i++) {
        int slot = sub->closure_slots && sub->closure_slots[i] >= 0 ? sub->closure_slots[i]
                                                                   : closure_slot(g->c, sub->freenames[i]);
        if (slot < 0) { fail(g, at, "internal error: a free variable without a cell"); return 0; }
        emit(g, HX_LOAD_CLOSURE, (uint32_t)slot);
    }
    emit_v(g, HX_BUILD_TUPLE, (uint32_t)sub->nfree, 1 - sub->nfree);
    return 1;
}

/* One parameter's annotation as compiler_visit_argannotation pushes it: the name, then the value. */
static int annotation_pair(cg *g, const char *name, hx_node *ann) {
    if (!ann) return 0;
    rh_object *k = interned(g, name);
    if (!k) return 0;
    emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, k));
    expr(g, ann);
    return 2;
}

/* compiler_visit_annotations (3.11): name/value pairs in a tuple, in CPython's order: the positional
 * parameters after `/` first, then the positional-only ones, *args, the keyword-only ones, **kwargs and
 * `return`. 1 when the tuple was pushed (MAKE_FUNCTION flag 4), 0 when nothing is annotated. */
static int annotations(cg *g, hx_code *c) {
    int n = 0, kw = c->nparams + c->nkwonly;
    if (c->annots) {
        for (int i = c->nposonly; i < c->nparams; i++) n += annotation_pair(g, c->params[i], c->annots[i]);
        for (int i = 0; i < c->nposonly; i++) n += annotation_pair(g, c->params[i], c->annots[i]);
        if (c->varargs) n += annotation_pair(g, c->params[kw], c->annots[kw]);
        for (int i = c->nparams; i < kw; i++) n += annotation_pair(g, c->params[i], c->annots[i]);
        if (c->varkw) n += annotation_pair(g, c->params[kw + c->varargs], c->annots[kw + c->varargs]);
    }
    n += annotation_pair(g, "return", c->returns);
    if (!n) return 0;
    emit_v(g, HX_BUILD_TUPLE, (uint32_t)n, 1 - n);
    return 1;
}

/* compiler_function / compiler_lambda: the defaults tuple, the keyword-only defaults dict, the
 * annotations tuple, the closure tuple, then MAKE_FUNCTION (its flags as 3.11's oparg: 1, 2, 4, 8). */
static void make_function(cg *g, hx_node *at, hx_code *c, rh_object *name) {
    uint32_t flags = 0;
    int pushed = 0;
    if (c->defaults_const) { /* folded (resolve.c fold_defaults) */
        emit(g, HX_HX_LOAD_FOLDED, (uint32_t)const_index(g, c->defaults_const));
        flags |= 1;
        pushed++;
    } else if (c->ndefaults) {
        for (int i = 0; i < c->ndefaults; i++) expr(g, c->defaults[i]);
        emit_v(g, HX_BUILD_TUPLE, (uint32_t)c->ndefaults, 1 - c->ndefaults);
        flags |= 1;
        pushed++;
    }
    int nkwd = 0;
    for (int i = 0; i < c->nkwonly; i++) {
        if (!c->kwdefaults[i]) continue;
        rh_object *k = interned(g, c->params[c->nparams + i]);
        if (!k) return;
        emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, k));
        expr(g, c->kwdefaults[i]);
        nkwd++;
    }
    if (nkwd) {
        emit_v(g, HX_BUILD_MAP, (uint32_t)nkwd, 1 - 2 * nkwd);
        flags |= 2;
        pushed++;
    }
    if (annotations(g, c)) { flags |= 4; pushed++; }
    if (closure_tuple(g, at, c)) { flags |= 8; pushed++; }
    if (compile_unit(g->I, c, g->err) != 0) { g->failed = 1; return; }
    emit_v(g, HX_MAKE_FUNCTION, (uint32_t)code_index(g, c), 1 - pushed);
    word(g, (hx_instr)flags | (hx_instr)name_index(g, name) << 4);
}

/* compiler_apply_decorators: each decorator, last first, called with what is below it */
static void apply_decorators(cg *g, hx_node *s) {
    for (int i = s->ndecos - 1; i >= 0; i--) emit_v(g, HX_CALL, 0, -1);
}

/* compiler_compare: a chain a < b < c keeps b for the next comparison and stops at the first false one. */
static void compare(cg *g, hx_node *n) {
    expr(g, n->items[0]);
    if (n->n == 2) {
        expr(g, n->items[1]);
        emit(g, HX_COMPARE_OP, (uint32_t)n->ops[0]);
        return;
    }
    int *cleanups = malloc((size_t)n->n * sizeof *cleanups), nc = 0; /* any length, as CPython's */
    if (!cleanups) abort();
    for (int i = 1; i < n->n - 1; i++) {
        expr(g, n->items[i]);
        emit(g, HX_SWAP, 2);
        emit(g, HX_COPY, 2);
        emit(g, HX_COMPARE_OP, (uint32_t)n->ops[i - 1]);
        cleanups[nc++] = emit(g, HX_JUMP_IF_FALSE_OR_POP, 0);
    }
    expr(g, n->items[n->n - 1]);
    emit(g, HX_COMPARE_OP, (uint32_t)n->ops[n->n - 2]);
    int end = emit(g, HX_JUMP, 0);
    /* cleanup: [b, False] -> False */
    adjust(g, 1);
    for (int i = 0; i < nc; i++) patch(g, cleanups[i], here(g));
    free(cleanups);
    emit(g, HX_SWAP, 2);
    emit(g, HX_POP_TOP, 0);
    patch(g, end, here(g));
}

static void comp_loops(cg *g, hx_node *n, int k, int nclause, int depth_extra, int kind);

/* Profiles whose every call makes a frame object (3.10, 2.7) give the comprehension's call its frame:
 * HX_COMP_FRAME once the iterator is made (where CPython calls the <listcomp> function), its co_comps
 * index patched in by comp_region; -1 when the comprehension has no frame (2.7's list comprehensions
 * are inline in 2.7 too; a coroutine's could suspend inside it, so none is made there) */
static int comp_frame(cg *g, int which) {
    const rh_profile *p = rh_runtime_profile(g->I->rt);
    if (!p->frame_per_call || (which == 0 && p->python2) ||
        (g->c->co_flags & (HX_CO_COROUTINE | HX_CO_ASYNC_GENERATOR)))
        return -1;
    return emit(g, HX_HX_COMP_FRAME, 0);
}

static void clear_targets(cg *g, hx_node *t) {
    /* a captured variable's slot holds its cell: the slot lets go of it (the closures keep theirs) */
    if (t->kind == E_NAME && (t->scope == SC_FAST || (t->scope == SC_DEREF && t->comp_cell)))
        emit(g, HX_HX_CLEAR_FAST, (uint32_t)t->slot);
    else if (t->kind == E_TUPLE || t->kind == E_LIST)
        for (int i = 0; i < t->n; i++) clear_targets(g, t->items[i]);
}

/* MAKE_CELL at the start of a 3.11 comprehension function for each captured variable: a new empty cell
 * in its private slot (whatever an earlier run left there, e.g. after an exception, is dropped first) */
static void comp_cells(cg *g, hx_node *t) {
    if (t->kind == E_NAME && t->scope == SC_DEREF && t->comp_cell) {
        emit(g, HX_HX_CLEAR_FAST, (uint32_t)t->slot);
        emit(g, HX_MAKE_CELL, (uint32_t)t->slot);
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->n; i++) comp_cells(g, t->items[i]);
    }
}

/* 2.7's [elt for ...] (2.7's compiler_listcomp): no function and no frame; the empty list first, then the
 * first iterable's iterator, the loops of the enclosing unit storing to its own names (resolve.c), which
 * keep the last item after the loop. */
static void listcomp_py2(cg *g, hx_node *n) {
    emit_v(g, HX_BUILD_LIST, 0, 1);
    expr(g, n->c);
    loop_slot(g);
    emit(g, HX_GET_ITER, 0);
    word(g, (hx_instr)(g->aux - 1));
    comp_loops(g, n, 0, n->n + 1, 1, 0);
    g->aux--;
}

/* [elt for target in iter if cond...]: 3.11 makes the <listcomp> function, gets the iterator, then the
 * function's frame builds the list; here the loop runs inline on private fast slots cleared at the end. */
static void listcomp(cg *g, hx_node *n) {
    int set = n->kind == E_SETCOMP; /* {elt for ...}: <setcomp>, BUILD_SET and SET_ADD */
    if (n->kind == E_LISTCOMP && rh_runtime_profile(g->I->rt)->python2) { listcomp_py2(g, n); return; }
    if (n->n || n->kind == E_DICTCOMP) { comp_inline(g, n); return; }
    int call_at = emit(g, HX_HX_COMP_FUNCTION, (uint32_t)set);
    char *outer = comp_enter(g, set);
    expr(g, n->c);
    int slot = loop_slot(g);
    emit(g, HX_GET_ITER, 0);
    word(g, (hx_instr)slot);
    int fa = comp_frame(g, set);
    comp_cells(g, n->b);
    emit_v(g, set ? HX_BUILD_SET : HX_BUILD_LIST, 0, 1);
    emit(g, HX_SWAP, 2);                        /* [fn, list, iter] */
    int start = here(g);
    int head = emit(g, HX_FOR_ITER, 0);
    word(g, (hx_instr)slot);
    store(g, n->b);
    for (int k = 0; k < n->n2; k++) {
        expr(g, n->items2[k]);
        patch(g, emit(g, HX_POP_JUMP_IF_FALSE, 0), head);
    }
    expr(g, n->a);
    emit(g, set ? HX_SET_ADD : HX_LIST_APPEND, 2);
    patch(g, emit(g, HX_JUMP, 0), head);
    adjust(g, -1);                              /* the exhausted iterator is gone */
    patch(g, head, here(g));
    comp_region(g, n, set, call_at, start, here(g), outer, fa);
    clear_targets(g, n->b);
    emit(g, HX_SWAP, 2);
    emit(g, HX_POP_TOP, 0);
    g->aux--;
}

static const char *const comp_names[] = {"<listcomp>", "<setcomp>", "<dictcomp>"};

/* An inline comprehension of kind `which` (0 list, 1 set, 2 dict) starts: its qualname becomes the one
 * the comprehensions inside it extend (compiler_set_qualname: f.<locals>.<listcomp>, C.<listcomp>,
 * <listcomp>, and inside another comprehension its qualname and the name); returns the outer one */
static char *comp_enter(cg *g, int which) {
    hx_code *c = g->c;
    const char *base = g->comp_qual ? g->comp_qual : c->qualname;
    size_t qn = (base ? strlen(base) : 0) + 32;
    char *q = malloc(qn), *outer = g->comp_qual;
    if (!q) abort();
    if (g->comp_qual || ((c->kind == CODE_CLASS || c->comp) && base)) /* in a <genexpr>: no <locals> */
        snprintf(q, qn, "%s.%s", base, comp_names[which]);
    else if (c->kind == CODE_FUNCTION && base) snprintf(q, qn, "%s.<locals>.%s", base, comp_names[which]);
    else snprintf(q, qn, "%s", comp_names[which]);
    g->comp_qual = q;
    return outer;
}

/* The text of comprehension n with its outermost iterable (evaluated by the enclosing code and passed in
 * as `.0`) left out: what its own code object is made of. malloc'd, or NULL. */
static char *comp_text(hx_node *n) {
    hx_node dot0, *iter = n->c;
    memset(&dot0, 0, sizeof dot0);
    dot0.kind = E_NAME;
    dot0.name = (char *)".0";
    n->c = &dot0;
    char *text = hx_unparse(n);
    n->c = iter;
    return text;
}

/* The stand-in of an earlier comprehension of unit c whose code equals that of comprehension n (the same
 * kind, on the same line, with the same text but for the outermost iterable: code_richcompare compares the
 * name, first line, code, constants and names, not the columns), or NULL. Its nodes are alive while c is
 * compiled. */
static hx_code *equal_comp(hx_code *c, hx_node *n, int which) {
    char *text = NULL;
    hx_code *found = NULL;
    for (int k = 0; k < c->ncomps && !found; k++) {
        const struct hx_comp *e = &c->co_comps[k];
        if (e->which != which || !e->node || e->node->line != n->line) continue;
        if (!text && !(text = comp_text(n))) return NULL;
        char *other = comp_text((hx_node *)e->node);
        if (other && strcmp(text, other) == 0) found = e->unit->zombie_of ? e->unit->zombie_of : e->unit;
        free(other);
    }
    free(text);
    return found;
}

/* Records the inline comprehension n that comp_enter began, whose 3.11 frame would run words [start, end),
 * called at call_at: a stand-in unit for that frame, with the qualname comp_enter made; `outer` becomes
 * the current comprehension again */
static void comp_region(cg *g, hx_node *n, int which, int call_at, int start, int end, char *outer, int fa) {
    hx_code *c = g->c, *u = calloc(1, sizeof *u);
    if (!u) abort();
    u->kind = CODE_FUNCTION;
    u->name = strdup(comp_names[which]);
    if (!u->name) abort();
    u->qualname = g->comp_qual;
    g->comp_qual = outer;
    u->line = n->line;
    u->borrowed_code = 1;
    c->co_comps = realloc(c->co_comps, (size_t)(c->ncomps + 1) * sizeof *c->co_comps);
    if (!c->co_comps) abort();
    if (fa >= 0) { /* the comprehension's frame: made at fa, released here */
        patch(g, fa, c->ncomps);
        emit(g, HX_HX_COMP_FRAME_END, 0);
    }
    if (rh_runtime_profile(g->I->rt)->frame_per_call) u->zombie_of = equal_comp(c, n, which);
    c->co_comps[c->ncomps++] = (struct hx_comp){start, end, call_at, which, u, n};
}

/* The element of comprehension n into its container, `up` items down once the element is pushed
 * (compiler_comprehension_generator's innermost body: LIST_APPEND / SET_ADD / MAP_ADD, YIELD_VALUE). */
static void comp_element(cg *g, hx_node *n, int up) {
    expr(g, n->a);
    switch (n->kind) {
    case E_SETCOMP: emit(g, HX_SET_ADD, (uint32_t)up); break;
    case E_DICTCOMP: expr(g, n->val); emit(g, HX_MAP_ADD, (uint32_t)up); break;
    case E_GENEXP:
        emit(g, HX_YIELD_VALUE, 0);
        emit(g, HX_POP_TOP, 0);
        break;
    default: emit(g, HX_LIST_APPEND, (uint32_t)up); break;
    }
}

/* Clause k of comprehension n (0: the node's own target/ifs, whose iterator is already on the stack; k > 0:
 * items[k-1], whose iterable is evaluated here), then the clauses inside it, then the element.
 * `up`: how many items lie between the element and the container when the element is pushed at clause 0. */
static void comp_loops(cg *g, hx_node *n, int k, int nclause, int up, int kind) {
    hx_node *target = k == 0 ? n->b : n->items[k - 1]->a;
    hx_node **ifs = k == 0 ? n->items2 : n->items[k - 1]->items2;
    int nifs = k == 0 ? n->n2 : n->items[k - 1]->n2;
    if (k > 0) {
        expr(g, n->items[k - 1]->b);
        int slot = loop_slot(g);
        emit(g, HX_GET_ITER, 0);
        word(g, (hx_instr)slot);
    }
    int slot = k > 0 ? g->aux - 1 : g->aux - 1;
    int head = emit(g, HX_FOR_ITER, 0);
    word(g, (hx_instr)slot);
    store(g, target);
    for (int i = 0; i < nifs; i++) {
        expr(g, ifs[i]);
        patch(g, emit(g, HX_POP_JUMP_IF_FALSE, 0), head);
    }
    if (k + 1 < nclause) comp_loops(g, n, k + 1, nclause, up + 1, kind);
    else comp_element(g, n, up + 1);
    patch(g, emit(g, HX_JUMP, 0), head);
    adjust(g, -1);                              /* the exhausted iterator is gone */
    patch(g, head, here(g));
    if (k > 0) g->aux--;
    (void)kind;
}

/* A comprehension with several `for` clauses, or a dict comprehension, inline as listcomp() does: the
 * <listcomp>/<setcomp>/<dictcomp> function object 3.11 makes, the first iterator, the empty container,
 * the nested loops on private fast slots (cleared at the end). */
static void comp_inline(cg *g, hx_node *n) {
    uint32_t which = n->kind == E_SETCOMP ? 1 : n->kind == E_DICTCOMP ? 2 : 0;
    int call_at = emit(g, HX_HX_COMP_FUNCTION, which);
    char *outer = comp_enter(g, (int)which);
    expr(g, n->c);
    loop_slot(g);
    emit(g, HX_GET_ITER, 0);
    word(g, (hx_instr)(g->aux - 1));
    int fa = comp_frame(g, (int)which);
    comp_cells(g, n->b);
    for (int k = 0; k < n->n; k++) comp_cells(g, n->items[k]->a);
    emit_v(g, which == 1 ? HX_BUILD_SET : which == 2 ? HX_BUILD_MAP : HX_BUILD_LIST, 0, 1);
    emit(g, HX_SWAP, 2);                        /* [fn, container, iter] */
    int start = here(g);
    comp_loops(g, n, 0, n->n + 1, 1, 0);
    comp_region(g, n, (int)which, call_at, start, here(g), outer, fa);
    clear_targets(g, n->b);
    for (int k = 0; k < n->n; k++) clear_targets(g, n->items[k]->a);
    emit(g, HX_SWAP, 2);
    emit(g, HX_POP_TOP, 0);
    g->aux--;
}

/* The body of a <genexpr> unit: its iterator is the parameter .0 (compiler_comprehension_generator with
 * gen_index 0: LOAD_FAST .0, FOR_ITER ...; each element is yielded). */
static void genexp_body(cg *g, hx_node *n) {
    emit(g, HX_LOAD_FAST, 0);
    int slot = loop_slot(g);
    emit(g, HX_GET_ITER, 0);                    /* the cursor of this frame's loop over the iterator */
    word(g, (hx_instr)slot);
    comp_loops(g, n, 0, n->n + 1, 0, 0);
    g->aux--;
}

/* (elt for ...) in the enclosing unit: MAKE_FUNCTION of the <genexpr> unit, the first iterable's
 * iterator, a call with it as the one argument (3.11: the function in the self position of CALL 0) */
static void genexp(cg *g, hx_node *n) {
    hx_code *c = n->code;
    int closure = closure_tuple(g, n, c); /* the cells of the names it uses from enclosing functions */
    if (compile_unit(g->I, c, g->err) != 0) { g->failed = 1; return; }
    int ni = name_index(g, n->name_obj);
    emit_v(g, HX_MAKE_FUNCTION, (uint32_t)code_index(g, c), 1 - closure);
    word(g, (closure ? 8u : 0u) | (hx_instr)ni << 4);
    expr(g, n->c);
    int slot = loop_slot(g);
    emit(g, HX_GET_ITER, 0);
    word(g, (hx_instr)slot);
    g->aux--;
    emit_v(g, HX_CALL, 0, -1);
}

/* yield from / await: SEND to the receiver until it returns, yielding what it yields (compiler_yield_from) */
static void yield_from_loop(cg *g) {
    load_none(g);
    int head = emit(g, HX_SEND, 0);             /* [receiver, yielded] or [value] at the exit */
    int y = emit(g, HX_YIELD_VALUE, 0);
    patch(g, emit(g, HX_JUMP, 0), head);
    patch(g, head, here(g));
    patch(g, y, here(g) + 1);
    adjust(g, -1);
}

/* await of what an async with / async for instruction pushed (ADD_YIELD_FROM(c, 1) after GET_AWAITABLE where) */
static void await_top(cg *g, uint32_t where) {
    emit(g, HX_GET_AWAITABLE, where);
    yield_from_loop(g);
}

static void expr1(cg *g, hx_node *n);

/* compiler_visit_expr: n's instructions are at n's position */
static void expr(cg *g, hx_node *n) {
    if (g->failed) return;
    cgloc old = set_loc(g, n);
    expr1(g, n);
    restore_loc(g, old);
}

static void expr1(cg *g, hx_node *n) {
    switch (n->kind) {
    case E_CONST: emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, n->cst)); return;
    case E_NAME: load_name(g, n); return;
    case E_JOINED: /* compiler_joined_str: the parts, then BUILD_STRING when there are several */
        for (int i = 0; i < n->n; i++) expr(g, n->items[i]);
        if (n->n > 1) emit_v(g, HX_BUILD_STRING, (uint32_t)n->n, 1 - n->n);
        return;
    case E_FORMATTED: /* compiler_formatted_value */
        expr(g, n->a);
        if (n->b) expr(g, n->b);
        emit_v(g, HX_FORMAT_VALUE, (uint32_t)n->op | (n->b ? 4u : 0u), n->b ? -1 : 0);
        return;
    case E_LIST: case E_TUPLE:
        if (n->kind == E_LIST && n->cst) { /* starunpack_helper: three or more constants */
            emit_v(g, HX_BUILD_LIST, 0, 1);
            emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, n->cst));
            emit(g, HX_LIST_EXTEND, 1);
            return;
        }
        if (n->kind == E_LIST) starunpack(g, n, HX_BUILD_LIST, HX_LIST_APPEND, HX_LIST_EXTEND, 0);
        else starunpack(g, n, HX_BUILD_LIST, HX_LIST_APPEND, HX_LIST_EXTEND, 1);
        return;
    case E_DICT: dict_display(g, n); return;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: listcomp(g, n); return;
    case E_GENEXP: genexp(g, n); return;
    case E_YIELD:
        if (n->a) expr(g, n->a);
        else load_none(g);
        emit(g, HX_YIELD_VALUE, 0);
        return;
    case E_YIELDFROM:
        expr(g, n->a);
        emit(g, HX_GET_YIELD_FROM_ITER, 0);
        yield_from_loop(g);
        return;
    case E_AWAIT:
        expr(g, n->a);
        emit(g, HX_GET_AWAITABLE, 0);
        yield_from_loop(g);
        return;
    case E_SET: /* compiler_set: a folded frozenset is added to an empty set */
        if (n->cst) {
            emit_v(g, HX_BUILD_SET, 0, 1);
            emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, n->cst));
            emit(g, HX_SET_UPDATE, 1);
            return;
        }
        starunpack(g, n, HX_BUILD_SET, HX_SET_ADD, HX_SET_UPDATE, 0);
        return;
    case E_STAR: /* compiler_visit_expr1, Starred_kind outside a display, call or target */
        fail(g, n, "syntax error: can't use starred expression here");
        return;
    case E_BINOP:
        expr(g, n->a);
        expr(g, n->b);
        emit(g, HX_BINARY_OP, (uint32_t)n->op);
        return;
    case E_UNARY: expr(g, n->a); emit(g, HX_UNARY_OP, (uint32_t)n->op); return;
    case E_NOT: expr(g, n->a); emit(g, HX_UNARY_NOT, 0); return;
    case E_BOOLOP: { /* any length, as CPython's; on the heap, so that expr's frame stays small */
        int *jumps = malloc((size_t)n->n * sizeof *jumps), nj = 0;
        if (!jumps) abort();
        for (int i = 0; i < n->n; i++) {
            expr(g, n->items[i]);
            if (i == n->n - 1) break;
            jumps[nj++] = emit(g, n->op == BOOL_AND ? HX_JUMP_IF_FALSE_OR_POP : HX_JUMP_IF_TRUE_OR_POP, 0);
        }
        for (int i = 0; i < nj; i++) patch(g, jumps[i], here(g));
        free(jumps);
        return;
    }
    case E_COMPARE: compare(g, n); return;
    case E_IFEXP: {
        expr(g, n->b);
        int jf = emit(g, HX_POP_JUMP_IF_FALSE, 0);
        expr(g, n->a);
        int je = emit(g, HX_JUMP, 0);
        adjust(g, -1);
        patch(g, jf, here(g));
        expr(g, n->c);
        patch(g, je, here(g));
        return;
    }
    case E_CALL: call(g, n); return;
    case E_NAMED: /* compiler_visit_expr1's NamedExpr_kind: the value, COPY 1, the store */
        expr(g, n->b);
        emit(g, HX_COPY, 1);
        store(g, n->a);
        return;
    case E_LAMBDA: make_function(g, n, n->code, n->name_obj); return;
    case E_ATTR: /* LOAD_ATTR at the attribute's last line (3.11's compiler_visit_expr1) */
        expr(g, n->a);
        g->line = n->end_line ? n->end_line : g->line;
        attr_op(g, HX_LOAD_ATTR, n->name_obj);
        return;
    case E_SLICE: { /* compiler_slice: start and stop (None when absent), the step when given */
        hx_node *parts[3] = {n->a, n->b, n->c};
        for (int k = 0; k < 3; k++) {
            if (parts[k]) expr(g, parts[k]);
            else if (k < 2) emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, rh_none(g->I->rt)));
        }
        emit_v(g, HX_BUILD_SLICE, n->c ? 3u : 2u, n->c ? -2 : -1);
        return;
    }
    case E_SUBSCR:
        expr(g, n->a);
        if (n->b->kind == E_SLICE) {
            int m = slice_parts(g, n->b);
            emit_v(g, HX_BINARY_SLICE, (uint32_t)m, -popcount3(m));
        } else {
            expr(g, n->b);
            emit(g, HX_BINARY_SUBSCR, 0);
        }
        return;
    default: fail(g, n, "unsupported expression"); return;
    }
}

/* ---------------------------------------------------------------- targets */

static void store1(cg *g, hx_node *t);

/* Store the value on top of the stack into target t (consumes it), at t's position (a target is visited
 * as an expression in a Store context) */
static void store(cg *g, hx_node *t) {
    if (g->failed) return;
    cgloc old = set_loc(g, t);
    store1(g, t);
    restore_loc(g, old);
}

static void store1(cg *g, hx_node *t) {
    switch (t->kind) {
    case E_NAME: store_name(g, t); return;
    case E_ATTR: expr(g, t->a); attr_op(g, HX_STORE_ATTR, t->name_obj); return;
    case E_SUBSCR:
        expr(g, t->a);
        if (t->b->kind == E_SLICE) {
            int m = slice_parts(g, t->b);
            emit_v(g, HX_STORE_SLICE, (uint32_t)m, -2 - popcount3(m));
            return;
        }
        expr(g, t->b);
        emit(g, HX_STORE_SUBSCR, 0);
        return;
    case E_TUPLE: case E_LIST: { /* unpack_helper: UNPACK_SEQUENCE, or UNPACK_EX around the one starred item */
        int star = -1;
        for (int i = 0; i < t->n; i++)
            if (t->items[i]->kind == E_STAR) star = i;
        if (star < 0) emit_v(g, HX_UNPACK_SEQUENCE, (uint32_t)t->n, t->n - 1);
        else if (star >= 256 || t->n - star - 1 >= (1 << 24)) fail(g, t, "syntax error: too many expressions in star-unpacking assignment");
        else emit_v(g, HX_UNPACK_EX, (uint32_t)star | (uint32_t)(t->n - star - 1) << 8, t->n - 1);
        for (int i = 0; i < t->n; i++) store(g, i == star ? t->items[i]->a : t->items[i]);
        return;
    }
    default: fail(g, t, "syntax error: cannot assign to expression"); return;
    }
}

static void delete1(cg *g, hx_node *t);
static void delete(cg *g, hx_node *t) {
    cgloc old = set_loc(g, t);
    delete1(g, t);
    restore_loc(g, old);
}

static void delete1(cg *g, hx_node *t) {
    switch (t->kind) {
    case E_NAME: delete_name(g, t); return;
    case E_ATTR: expr(g, t->a); emit(g, HX_DELETE_ATTR, (uint32_t)name_index(g, t->name_obj)); return;
    case E_SUBSCR:
        expr(g, t->a);
        if (t->b->kind == E_SLICE) {
            int m = slice_parts(g, t->b);
            emit_v(g, HX_DELETE_SLICE, (uint32_t)m, -1 - popcount3(m));
        } else {
            expr(g, t->b);
            emit(g, HX_DELETE_SUBSCR, 0);
        }
        return;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->n; i++) delete(g, t->items[i]);
        return;
    default: fail(g, t, "syntax error: cannot delete expression"); return;
    }
}

/* ---------------------------------------------------------------- statements */

static void assign(cg *g, hx_node *s) {
    hx_node *val = s->a, *t0 = s->items[0];
    if (s->n == 1 && (t0->kind == E_TUPLE || t0->kind == E_LIST) && val->kind == E_TUPLE && val->n == t0->n &&
        val->n >= 2 && val->n <= 3 && !val->cst && !has_star(val) && !has_star(t0)) {
        /* a, b = x, y: BUILD_TUPLE n then UNPACK_SEQUENCE n becomes SWAP n (optimize_basic_block, 3.11), so no
         * tuple is built; a starred item on either side is BUILD_LIST/LIST_TO_TUPLE or UNPACK_EX instead, and a
         * tuple of constants is folded into LOAD_CONST first */
        for (int i = 0; i < val->n; i++) expr(g, val->items[i]);
        emit(g, HX_SWAP, (uint32_t)val->n);
        for (int i = 0; i < t0->n; i++) store(g, t0->items[i]);
        return;
    }
    expr(g, val);
    for (int i = 0; i < s->n; i++) {
        if (i < s->n - 1) emit(g, HX_COPY, 1);
        store(g, s->items[i]);
    }
}

/* compiler_augassign: the target's container stays on the stack for the store. */
static void augassign(cg *g, hx_node *s) {
    hx_node *t = s->a;
    uint32_t op = (uint32_t)s->op + 256;
    cgloc at_stmt;
    switch (t->kind) {
    case E_NAME:
        at_stmt = set_loc(g, t);
        load_name(g, t);
        restore_loc(g, at_stmt);
        expr(g, s->b);
        emit(g, HX_BINARY_OP, op);
        set_loc(g, t);
        store_name(g, t);
        restore_loc(g, at_stmt);
        return;
    case E_ATTR:
        at_stmt = set_loc(g, t);
        expr(g, t->a);
        emit(g, HX_COPY, 1);
        if (t->end_line) g->line = t->end_line;
        attr_op(g, HX_LOAD_ATTR, t->name_obj);
        restore_loc(g, at_stmt);
        expr(g, s->b);
        emit(g, HX_BINARY_OP, op);
        set_loc(g, t);
        emit(g, HX_SWAP, 2);
        attr_op(g, HX_STORE_ATTR, t->name_obj);
        restore_loc(g, at_stmt);
        return;
    case E_SUBSCR:
        if (t->b->kind == E_SLICE) { fail(g, t, "unsupported: augmented slice assignment"); return; }
        at_stmt = set_loc(g, t);
        expr(g, t->a);
        expr(g, t->b);
        emit(g, HX_COPY, 2);
        emit(g, HX_COPY, 2);
        emit(g, HX_BINARY_SUBSCR, 0);
        restore_loc(g, at_stmt);
        expr(g, s->b);
        emit(g, HX_BINARY_OP, op);
        set_loc(g, t);
        emit(g, HX_SWAP, 3);
        emit(g, HX_SWAP, 2);
        emit(g, HX_STORE_SUBSCR, 0);
        restore_loc(g, at_stmt);
        return;
    default: fail(g, t, "syntax error: illegal expression for augmented assignment"); return;
    }
}

static fblock *push_block(cg *g, hx_node *s, fbkind kind, int head) {
    if (g->nblocks == RH_MAXBLOCKS) { fail(g, s, "too many statically nested blocks"); return NULL; }
    fblock *b = &g->blocks[g->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->head = head;
    return b;
}

static fblock *innermost_loop(cg *g) {
    for (int i = g->nblocks - 1; i >= 0; i--)
        if (g->blocks[i].kind == FB_WHILE || g->blocks[i].kind == FB_FOR) return &g->blocks[i];
    return NULL;
}

static void add_break(cg *g, fblock *l, int at) {
    l->breaks = realloc(l->breaks, (size_t)(l->nbreaks + 1) * sizeof *l->breaks);
    if (!l->breaks) abort();
    l->breaks[l->nbreaks++] = at;
}

/* Leave the loop before its else clause (a break there belongs to the enclosing loop); the loop's own
 * breaks jump past the else clause. */
static void finish_loop(cg *g, hx_node *s) {
    fblock l = g->blocks[--g->nblocks];
    set_loc(g, s);
    body(g, s->items2, s->n2);
    for (int i = 0; i < l.nbreaks; i++) patch(g, l.breaks[i], here(g));
    free(l.breaks);
}

/* ---------------------------------------------------------------- the exception table
 * Each instruction word records the innermost open entry (co_handler): where to go when it fails, the
 * stack depth to unwind to, and whether the failing instruction's index is pushed under the exception
 * (3.11's exception table, one entry per SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH; refheap keeps it
 * per instruction rather than as ranges). */
static int setup_handler(cg *g, hx_node *s, int depth, int lasti) {
    hx_code *c = g->c;
    if (g->nh == 64) { fail(g, s, "too many statically nested blocks"); return 0; }
    GROW(c->co_exc, c->nexc, c->capexc);
    c->co_exc[c->nexc] = (hx_handler){.target = -1, .depth = depth, .lasti = lasti};
    g->hstack[g->nh++] = c->nexc;
    return c->nexc++;
}
static void pop_block(cg *g) { g->nh--; }
/* The handler's code starts here; the stack then holds depth items, the index if lasti, the exception. */
static void handler_here(cg *g, int h) {
    hx_handler *e = &g->c->co_exc[h];
    e->target = here(g);
    g->depth = e->depth + e->lasti + 1;
    if (g->depth > g->maxdepth) g->maxdepth = g->depth;
}

static int in_async_function(cg *g) { return (g->c->co_flags & (HX_CO_COROUTINE | HX_CO_ASYNC_GENERATOR)) != 0; }

static void load_none(cg *g) { emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, rh_none(g->I->rt))); }

/* `name = None; del name` at the end of `except E as name` */
static void clear_handler_name(cg *g, hx_node *h) {
    load_none(g);
    store_name(g, h);
    delete_name(g, h);
}

/* exit(None, None, None): __exit__ sits in the callable slot, the first None in the self slot */
static void call_exit_with_nones(cg *g) {
    load_none(g);
    load_none(g);
    load_none(g);
    emit_v(g, HX_CALL, 2, -3);
}

/* compiler_unwind_fblock: the code that leaves block b on the way to a return (preserve_tos: the value
 * to return is on top of the stack), a break or a continue. */
static void unwind_block(cg *g, fblock *b, int preserve_tos) {
    g->nh -= b->nhandlers; /* POP_BLOCK */
    switch (b->kind) {
    case FB_WHILE: case FB_TRY_EXCEPT: case FB_EXC_HANDLER: return;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve_tos) emit(g, HX_SWAP, 2);
        emit(g, HX_POP_TOP, 0);
        return;
    case FB_TRY: { /* the finally body runs inline, with the return value kept below its statements */
        fblock *pv = preserve_tos ? push_block(g, b->datum, FB_POP_VALUE, 0) : NULL;
        body(g, b->datum->c->items, b->datum->c->n);
        if (pv) g->nblocks--;
        return;
    }
    case FB_FINALLY_END:
        if (preserve_tos) emit(g, HX_SWAP, 2);
        emit(g, HX_POP_TOP, 0); /* the exception */
        if (preserve_tos) emit(g, HX_SWAP, 2);
        emit(g, HX_POP_EXCEPT, 0);
        return;
    case FB_WITH:
        if (preserve_tos) emit(g, HX_SWAP, 2);
        call_exit_with_nones(g);
        if (b->datum->op) await_top(g, 2); /* ASYNC_WITH */
        emit(g, HX_POP_TOP, 0);
        return;
    case FB_HANDLER:
        if (preserve_tos) emit(g, HX_SWAP, 2);
        emit(g, HX_POP_EXCEPT, 0);
        if (b->datum) clear_handler_name(g, b->datum);
        return;
    }
}

/* compiler_unwind_fblock_stack: unwind every block down to (not including) `stop`, or all of them;
 * the blocks and open handlers are restored afterwards for the code that follows. Unwinding a
 * finally block compiles its body, which pushes blocks of its own into the slots just vacated, so
 * each popped block is kept aside and put back, not only the count. */
static void unwind_blocks(cg *g, int preserve_tos, fblock *stop) {
    int nb = g->nblocks, nh = g->nh;
    fblock popped[RH_MAXBLOCKS];
    while (g->nblocks > 0 && &g->blocks[g->nblocks - 1] != stop && !g->failed) {
        fblock *b = &popped[--g->nblocks];
        *b = g->blocks[g->nblocks];
        unwind_block(g, b, preserve_tos);
    }
    int lo = g->nblocks;
    memcpy(&g->blocks[lo], &popped[lo], (size_t)(nb - lo) * sizeof *popped);
    g->nblocks = nb;
    g->nh = nh;
}

static void while_stmt(cg *g, hx_node *s) {
    int head = here(g);
    expr(g, s->a);
    int jf = emit(g, HX_POP_JUMP_IF_FALSE, 0);
    if (!push_block(g, s, FB_WHILE, head)) return;
    body(g, s->items, s->n);
    /* compiler_while (3.11): a loop on a true constant ends in JUMP_BACKWARD, one on a test in that test
     * again (a conditional backward jump, which does not warm the code up) */
    int forever = s->a->kind == E_CONST && (s->a->ckind == K_TRUE || (s->a->ckind == K_INT && (s->a->ival || s->a->sval)));
    patch(g, emit(g, forever ? HX_JUMP : HX_HX_JUMP_WHILE, 0), head);
    patch(g, jf, here(g));
    finish_loop(g, s);
}

/* compiler_for: GET_ITER, then FOR_ITER pushes each item or pops the iterator and leaves. */
static void for_stmt(cg *g, hx_node *s) {
    expr(g, s->b);
    int slot = loop_slot(g);
    emit(g, HX_GET_ITER, 0);
    word(g, (hx_instr)slot);
    int head = emit(g, HX_FOR_ITER, 0);
    word(g, (hx_instr)slot);
    if (!push_block(g, s, FB_FOR, head)) return;
    store(g, s->a);
    body(g, s->items, s->n);
    patch(g, emit(g, HX_JUMP, 0), head);
    adjust(g, -1);
    patch(g, head, here(g));
    g->aux--;
    finish_loop(g, s);
}

/* compiler_async_for: GET_AITER, then each round awaits __anext__() under a handler whose END_ASYNC_FOR
 * ends the loop on StopAsyncIteration (and re-raises anything else); the else clause follows. */
static void async_for_stmt(cg *g, hx_node *s) {
    int d = g->depth;
    if (!in_async_function(g)) { fail(g, s, "syntax error: 'async for' outside async function"); return; }
    expr(g, s->b);
    emit(g, HX_GET_AITER, 0);                        /* [aiter] */
    int head = here(g);
    int h = setup_handler(g, s, d + 1, 0);
    emit(g, HX_GET_ANEXT, 0);                        /* [aiter, awaitable] */
    yield_from_loop(g);                              /* [aiter, item] */
    pop_block(g);
    if (!push_block(g, s, FB_FOR, head)) return;
    store(g, s->a);
    body(g, s->items, s->n);
    patch(g, emit(g, HX_JUMP, 0), head);
    handler_here(g, h);                              /* [aiter, exc] */
    set_loc(g, s);
    emit(g, HX_END_ASYNC_FOR, 0);
    finish_loop(g, s);
}

/* compiler_visit_stmt's Raise_kind: RAISE_VARARGS 0 (bare raise), 1 (raise exc), 2 (raise exc from cause);
 * 3 is 2.x's `raise type, value[, tb]` (2.7's RAISE_VARARGS 2 and 3, tb None when absent) */
static void raise_stmt(cg *g, hx_node *s) {
    int d0 = g->depth;
    uint32_t n = 0;
    if (s->a) { expr(g, s->a); n++; }
    if (s->b) { expr(g, s->b); n++; }
    if (s->op) { /* 2.x's raise type, value[, tb]: RAISE_VARARGS 3 */
        expr(g, s->c);
        if (s->val) expr(g, s->val);
        else load_none(g);
        n = 3;
    }
    emit_v(g, HX_RAISE_VARARGS, n, -(int)n);
    g->depth = d0;
}

static void return_stmt(cg *g, hx_node *s) {
    int d0 = g->depth;
    if (s->a && (g->c->co_flags & HX_CO_GENERATOR) && rh_runtime_profile(g->I->rt)->python2) {
        fail(g, s, "syntax error: 'return' with argument inside generator"); /* 2.7's compiler */
        return;
    }
    if (s->a && (g->c->co_flags & HX_CO_ASYNC_GENERATOR)) { /* compiler_return (3.x) */
        fail(g, s, "syntax error: 'return' with value in async generator");
        return;
    }
    if (s->a) expr(g, s->a);
    else load_none(g);
    unwind_blocks(g, 1, NULL);
    emit(g, HX_RETURN_VALUE, 0);
    g->depth = d0; /* what follows (unreachable) is compiled at the statement's own depth */
}

/* compiler_break / compiler_continue: unwind the blocks inside the loop, then leave or restart it */
static void break_continue(cg *g, hx_node *s) {
    fblock *l = innermost_loop(g);
    if (!l) { fail(g, s, s->kind == S_BREAK ? "syntax error: 'break' outside loop" : "syntax error: 'continue' not properly in loop"); return; }
    int d0 = g->depth;
    unwind_blocks(g, 0, l);
    if (s->kind == S_CONTINUE) {
        patch(g, emit(g, HX_JUMP, 0), l->head);
    } else {
        if (l->kind == FB_FOR) emit(g, HX_POP_TOP, 0);
        add_break(g, l, emit(g, HX_JUMP, 0));
    }
    g->depth = d0;
}

/* POP_EXCEPT_AND_RERAISE: the cleanup of a handler: restore the exception being handled before, re-raise */
static void pop_except_and_reraise(cg *g) {
    emit(g, HX_COPY, 3);
    emit(g, HX_POP_EXCEPT, 0);
    emit(g, HX_RERAISE, 1);
}

/* compiler_try_except (3.11): the body under a handler; the handler pushes the exception being handled
 * (PUSH_EXC_INFO), tries each clause in order, and re-raises when none matches. */
static void try_except(cg *g, hx_node *s) {
    int d = g->depth;
    int h_body = setup_handler(g, s, d, 0);
    fblock *tb = push_block(g, s, FB_TRY_EXCEPT, 0);
    if (!tb) return;
    tb->nhandlers = 1;
    body(g, s->items, s->n);
    g->nblocks--;
    pop_block(g);
    if (s->b) body(g, s->b->items, s->b->n);
    int j_end = emit(g, HX_JUMP, 0);
    int *ends = NULL, nends = 0;
    handler_here(g, h_body);                         /* [exc] */
    int h_cleanup = setup_handler(g, s, d + 1, 1);
    emit(g, HX_PUSH_EXC_INFO, 0);                    /* [prev, exc] (2.x: [tb, exc], the exception handled) */
    /* 3.11 counts the exception being handled as a block of its own (EXCEPTION_HANDLER: "Runtime will
     * push a block here"), so a clause's body nests two blocks deeper than its try statement */
    if (!push_block(g, s, FB_EXC_HANDLER, 0)) return;
    for (int i = 0; i < s->n2 && !g->failed; i++) {
        hx_node *h = s->items2[i];
        set_loc(g, h);
        if (!h->a && i < s->n2 - 1) { fail(g, h, "syntax error: default 'except:' must be last"); break; }
        int j_next = -1;
        if (h->a) {
            expr(g, h->a);
            emit(g, HX_CHECK_EXC_MATCH, 0);
            j_next = emit(g, HX_POP_JUMP_IF_FALSE, 0);
        }
        fblock *hb = push_block(g, h, FB_HANDLER, 0);
        if (!hb) return;
        if (h->name && !rh_runtime_profile(g->I->rt)->python2) { /* 2.x leaves the name bound */
            store_name(g, h);                        /* [prev] */
            int h_name = setup_handler(g, h, d + 1, 1);
            hb->datum = h;
            hb->nhandlers = 2;
            body(g, h->items, h->n);
            g->nblocks--;
            pop_block(g);
            g->nh--; /* h_cleanup stays open for the next clause's code: restored below */
            emit(g, HX_POP_EXCEPT, 0);
            clear_handler_name(g, h);
            ends = realloc(ends, (size_t)(nends + 1) * sizeof *ends);
            if (!ends) abort();
            ends[nends++] = emit(g, HX_JUMP, 0);
            handler_here(g, h_name);                 /* [prev, lasti, exc2] */
            g->hstack[g->nh++] = h_cleanup;
            clear_handler_name(g, h);
            emit(g, HX_RERAISE, 1);
        } else {
            if (h->name) store_name(g, h);           /* [prev] */
            else emit(g, HX_POP_TOP, 0);
            hb->nhandlers = 1;
            body(g, h->items, h->n);
            g->nblocks--;
            g->nh--;
            emit(g, HX_POP_EXCEPT, 0);
            ends = realloc(ends, (size_t)(nends + 1) * sizeof *ends);
            if (!ends) abort();
            ends[nends++] = emit(g, HX_JUMP, 0);
            g->hstack[g->nh++] = h_cleanup;
        }
        g->depth = d + 2;                            /* the next clause starts from [prev, exc] */
        if (j_next >= 0) patch(g, j_next, here(g));
    }
    g->nblocks--;                                    /* FB_EXC_HANDLER */
    emit(g, HX_RERAISE, 0);                          /* no clause matched */
    pop_block(g);
    handler_here(g, h_cleanup);                      /* [prev, lasti, exc2] */
    pop_except_and_reraise(g);
    g->depth = d;
    patch(g, j_end, here(g));
    for (int i = 0; i < nends; i++) patch(g, ends[i], here(g));
    free(ends);
}

/* compiler_try_finally: the finally body once on the normal path, once in a handler that re-raises */
static void try_finally(cg *g, hx_node *s) {
    int d = g->depth;
    int h_body = setup_handler(g, s, d, 0);
    fblock *fb = push_block(g, s, FB_TRY, 0);
    if (!fb) return;
    fb->datum = s;
    fb->nhandlers = 1;
    if (s->n2) try_except(g, s);
    else body(g, s->items, s->n);
    g->nblocks--;
    pop_block(g);
    body(g, s->c->items, s->c->n);
    int j_end = emit(g, HX_JUMP, 0);
    handler_here(g, h_body);                         /* [exc] */
    int h_cleanup = setup_handler(g, s, d + 1, 1);
    emit(g, HX_PUSH_EXC_INFO, 1);                    /* [prev, exc] (2.x: [tb, exc], not handled) */
    fblock *fe = push_block(g, s, FB_FINALLY_END, 0);
    if (!fe) return;
    fe->nhandlers = 1;
    body(g, s->c->items, s->c->n);
    g->nblocks--;
    emit(g, HX_RERAISE, 0);
    pop_block(g);
    handler_here(g, h_cleanup);
    pop_except_and_reraise(g);
    g->depth = d;
    patch(g, j_end, here(g));
}

static void try_stmt(cg *g, hx_node *s) {
    if (s->c) try_finally(g, s);
    else try_except(g, s);
}

/* compiler_with (one item; `with a, b:` is parsed as nested statements): BEFORE_WITH pushes __exit__ and
 * the value of __enter__(); on an exception WITH_EXCEPT_START calls __exit__(type, value, traceback) and
 * a true result suppresses it. */
/* compiler_with / compiler_async_with (s->op): `async with` awaits what __aenter__ returns and what
 * __aexit__ returns, on every way out of the block. */
static void with_stmt(cg *g, hx_node *s) {
    int d = g->depth, async = s->op;
    if (async && !in_async_function(g)) { fail(g, s, "syntax error: 'async with' outside async function"); return; }
    expr(g, s->a);
    emit(g, async ? HX_BEFORE_ASYNC_WITH : HX_BEFORE_WITH, 0); /* [exit, res] */
    if (async) await_top(g, 1);
    int h_with = setup_handler(g, s, d + 1, 1);
    fblock *wb = push_block(g, s, FB_WITH, 0);
    if (!wb) return;
    wb->datum = s;
    wb->nhandlers = 1;
    if (s->b) store(g, s->b);
    else emit(g, HX_POP_TOP, 0);
    body(g, s->items, s->n);
    g->nblocks--;
    pop_block(g);
    set_loc(g, s);
    call_exit_with_nones(g);
    if (async) await_top(g, 2);
    emit(g, HX_POP_TOP, 0);
    int j_end = emit(g, HX_JUMP, 0);
    handler_here(g, h_with);                         /* [exit, lasti, exc] */
    int h_cleanup = setup_handler(g, s, d + 3, 1);
    emit(g, HX_PUSH_EXC_INFO, 2);                    /* [exit, lasti, prev, exc] (2.x: [exit, tb, tb, exc]) */
    emit(g, HX_WITH_EXCEPT_START, 0);                /* [exit, lasti, prev, exc, res] */
    if (async) await_top(g, 2);
    int j_true = emit(g, HX_POP_JUMP_IF_TRUE, 0);
    emit(g, HX_RERAISE, 2);
    pop_block(g);
    handler_here(g, h_cleanup);                      /* [exit, lasti, prev, lasti2, exc2] */
    pop_except_and_reraise(g);
    g->depth = d + 4;
    patch(g, j_true, here(g));
    emit(g, HX_POP_TOP, 0);
    emit(g, HX_POP_EXCEPT, 0);
    emit(g, HX_POP_TOP, 0);
    emit(g, HX_POP_TOP, 0);
    patch(g, j_end, here(g));
    g->depth = d;
}

/* compiler_assert: `assert test, msg` raises AssertionError(msg) when the test is false */
static void assert_stmt(cg *g, hx_node *s) {
    expr(g, s->a);
    int j = emit(g, HX_POP_JUMP_IF_TRUE, 0);
    emit(g, HX_LOAD_ASSERTION_ERROR, 0);
    if (s->b) { /* AssertionError in the callable slot, the message in the self slot: a call with one argument */
        expr(g, s->b);
        emit_v(g, HX_CALL, 0, -1);
    }
    emit_v(g, HX_RAISE_VARARGS, 1, -1);
    patch(g, j, here(g));
}

/* check_ann_expr: evaluate and drop */
static void eval_drop(cg *g, hx_node *e) {
    expr(g, e);
    emit(g, HX_POP_TOP, 0);
}

/* check_ann_subscr: a subscript's slice parts (each bound of a slice, each item of a tuple) evaluated */
static void eval_drop_subscr(cg *g, hx_node *e) {
    if (e->kind == E_SLICE) {
        hx_node *parts[3] = {e->a, e->b, e->c};
        for (int i = 0; i < 3; i++)
            if (parts[i]) eval_drop(g, parts[i]);
    } else if (e->kind == E_TUPLE) {
        for (int i = 0; i < e->n; i++) eval_drop_subscr(g, e->items[i]);
    } else {
        eval_drop(g, e);
    }
}

/* compiler_annassign (3.11): the assignment first (value, store); then a simple name in a module or class
 * body has its annotation stored as __annotations__[name]; an attribute or subscript target without a
 * value has its object (and slice) evaluated; a target other than a simple name has its annotation
 * evaluated and dropped in a module or class body (not under the future import: check_annotation). */
static void annassign(cg *g, hx_node *s) {
    hx_node *t = s->a;
    int body_scope = g->c->kind != CODE_FUNCTION;
    int future = g->c->future & RH_FUTURE_ANNOTATIONS;
    if (s->c) {
        expr(g, s->c);
        store(g, t);
    }
    if (t->kind == E_NAME) {
        if (s->op && body_scope) {
            expr(g, s->b);
            rh_object *ann = interned(g, "__annotations__");
            if (!ann) return;
            /* LOAD_NAME: a module frame's namespace is its globals (LOAD_GLOBAL finds the same entry) */
            emit(g, g->c->kind == CODE_CLASS ? HX_LOAD_NAME : HX_LOAD_GLOBAL, (uint32_t)gcache_index(g, ann));
            emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, t->name_obj));
            emit(g, HX_STORE_SUBSCR, 0);
            return;
        }
    } else if (!s->c) {
        eval_drop(g, t->a);
        if (t->kind == E_SUBSCR) eval_drop_subscr(g, t->b);
    }
    if (!s->op && body_scope && !future) eval_drop(g, s->b);
}

/* ---------------------------------------------------------------- match statement (PEP 634) */
/* Python/compile.c (3.11) compiler_match / compiler_pattern_*: a pattern consumes the subject on top of the
 * stack. Captured values go underneath the items still needed (pattern_helper_rotate) and are stored once
 * the whole pattern matched; a failing check jumps to the fail_pop label that pops what is on the stack
 * above the subject's place (on_top items plus the captures so far). */
typedef struct jlist { int *at; int n, cap; } jlist;
typedef struct pctx {
    hx_node **stores;        /* capture targets (E_NAME), in the order they were captured */
    int nstores, capstores;
    int allow_irrefutable;   /* a bare capture / wildcard may appear here */
    jlist *fail_pop;         /* fail_pop[n]: jumps to the label that pops n items */
    int nfail;
    int on_top;              /* items above the captures that the current pattern must keep */
    int base;                /* stack depth at fail_pop[0] */
} pctx;

static void jl_add(jlist *l, int at) {
    GROW(l->at, l->n, l->cap);
    l->at[l->n++] = at;
}

/* jump_to_fail_pop: a conditional jump (op) to the label popping everything above the subject's place */
static void jump_to_fail_pop(cg *g, pctx *pc, unsigned op) {
    int pops = pc->on_top + pc->nstores;
    if (pops >= pc->nfail) {
        pc->fail_pop = realloc(pc->fail_pop, (size_t)(pops + 1) * sizeof *pc->fail_pop);
        if (!pc->fail_pop) abort();
        memset(pc->fail_pop + pc->nfail, 0, (size_t)(pops + 1 - pc->nfail) * sizeof *pc->fail_pop);
        pc->nfail = pops + 1;
    }
    jl_add(&pc->fail_pop[pops], emit(g, op, 0));
}

/* emit_and_reset_fail_pop: the labels, deepest first, each popping one item and falling into the next */
static void emit_fail_pop(cg *g, pctx *pc) {
    if (!pc->nfail) return;
    g->depth = pc->base + pc->nfail - 1;
    for (int n = pc->nfail - 1; n >= 0; n--) {
        for (int k = 0; k < pc->fail_pop[n].n; k++) patch(g, pc->fail_pop[n].at[k], here(g));
        free(pc->fail_pop[n].at);
        if (n) emit(g, HX_POP_TOP, 0);
    }
    free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->nfail = 0;
}

/* pattern_helper_rotate: move the top item `count` items down */
static void rotate(cg *g, int count) {
    while (count > 1) emit(g, HX_SWAP, (uint32_t)count--);
}

/* pattern_helper_store_name: a capture (NULL target: the wildcard, popped) */
static void pattern_store(cg *g, hx_node *at, hx_node *t, pctx *pc) {
    if (!t) { emit(g, HX_POP_TOP, 0); return; }
    for (int i = 0; i < pc->nstores; i++)
        if (!strcmp(pc->stores[i]->name, t->name)) { /* compiler_error_duplicate_store */
            char m[200];
            snprintf(m, sizeof m, "syntax error: multiple assignments to name '%s' in pattern", t->name);
            fail(g, at, m);
            return;
        }
    rotate(g, pc->on_top + pc->nstores + 1);
    GROW(pc->stores, pc->nstores, pc->capstores);
    pc->stores[pc->nstores++] = t;
}

static int wildcard(const hx_node *p) { return p->kind == P_AS && !p->a && !p->b; }
static int wildcard_star(const hx_node *p) { return p->kind == P_STAR && !p->b; }

static void pattern(cg *g, hx_node *p, pctx *pc);

/* compiler_pattern_subpattern: irrefutable sub-patterns are always allowed */
static void subpattern(cg *g, hx_node *p, pctx *pc) {
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    pattern(g, p, pc);
    pc->allow_irrefutable = allow;
}

/* pattern_helper_sequence_unpack: UNPACK_SEQUENCE (UNPACK_EX with a star), then each item's sub-pattern */
static void sequence_unpack(cg *g, hx_node **pats, int n, int star, pctx *pc) {
    if (star < 0) emit_v(g, HX_UNPACK_SEQUENCE, (uint32_t)n, n - 1);
    else emit_v(g, HX_UNPACK_EX, (uint32_t)star | (uint32_t)(n - star - 1) << 8, n - 1);
    pc->on_top += n;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        subpattern(g, pats[i], pc);
    }
}

/* pattern_helper_sequence_subscr: with a `*_`, each other item is read by index (negative after the star) */
static void sequence_subscr(cg *g, hx_node **pats, hx_node **pats_consts, int n, int star, pctx *pc) {
    pc->on_top++;
    for (int i = 0; i < n; i++) {
        if (wildcard(pats[i]) || i == star) continue;
        emit(g, HX_COPY, 1);
        if (i < star) {
            emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, pats_consts[i]->cst));
        } else { /* subject[len(subject) - (n - i)] */
            emit(g, HX_GET_LEN, 0);
            emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, pats_consts[i]->cst));
            emit(g, HX_BINARY_OP, OP_SUB);
        }
        emit(g, HX_BINARY_SUBSCR, 0);
        subpattern(g, pats[i], pc);
    }
    pc->on_top--;
    emit(g, HX_POP_TOP, 0);
}

static void pattern_sequence(cg *g, hx_node *p, pctx *pc) {
    int n = p->n, star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < n; i++) {
        hx_node *q = p->items[i];
        if (q->kind == P_STAR) {
            if (star >= 0) { fail(g, p, "syntax error: multiple starred names in sequence pattern"); return; }
            star_wildcard = wildcard_star(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= wildcard(q);
    }
    pc->on_top++;
    emit(g, HX_MATCH_SEQUENCE, 0);
    jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
    if (star < 0) {
        emit(g, HX_GET_LEN, 0);
        emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, p->val->cst));
        emit(g, HX_COMPARE_OP, CMP_EQ);
        jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
    } else if (!(n == 1 && star_wildcard)) { /* `[*_]` alone needs no length */
        emit(g, HX_GET_LEN, 0);
        emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, p->val->cst));
        emit(g, HX_COMPARE_OP, CMP_GE);
        jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) emit(g, HX_POP_TOP, 0);
    else if (star_wildcard) sequence_subscr(g, p->items, p->items2, n, star, pc);
    else sequence_unpack(g, p->items, n, star, pc);
}

/* COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE (3.11 folds it into POP_JUMP_IF_NONE) */
static void fail_if_none(cg *g, pctx *pc) {
    emit(g, HX_COPY, 1);
    load_none(g);
    emit(g, HX_COMPARE_OP, CMP_ISNOT);
    jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
}

static void pattern_mapping(cg *g, hx_node *p, pctx *pc) {
    int size = p->c ? p->c->n : p->n;
    hx_node **keys = p->c ? p->c->items : p->items;
    pc->on_top++;
    emit(g, HX_MATCH_MAPPING, 0);
    jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
    if (!size && !p->b) { /* `{}` */
        pc->on_top--;
        emit(g, HX_POP_TOP, 0);
        return;
    }
    if (size) {
        emit(g, HX_GET_LEN, 0);
        emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, p->val->cst));
        emit(g, HX_COMPARE_OP, CMP_GE);
        jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
    }
    for (int i = 0; i < size; i++)
        if (keys[i]->kind != E_CONST && keys[i]->kind != E_ATTR) {
            fail(g, keys[i], "syntax error: mapping pattern keys may only match literals and attribute lookups");
            return;
        }
    if (p->c) emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, p->c->cst));
    else {
        for (int i = 0; i < size; i++) expr(g, keys[i]);
        emit_v(g, HX_BUILD_TUPLE, (uint32_t)size, 1 - size);
    }
    emit(g, HX_MATCH_KEYS, 0);
    pc->on_top += 2;
    fail_if_none(g, pc);
    pc->on_top--;
    sequence_unpack(g, p->items2, size, -1, pc);
    pc->on_top -= 2;
    if (p->b) { /* rest = dict(subject) without the keys */
        emit_v(g, HX_BUILD_MAP, 0, 1);
        emit(g, HX_SWAP, 3);
        emit(g, HX_DICT_UPDATE, 2);
        emit_v(g, HX_UNPACK_SEQUENCE, (uint32_t)size, size - 1);
        for (int k = size; k > 0; k--) {
            emit(g, HX_COPY, (uint32_t)(1 + k));
            emit(g, HX_SWAP, 2);
            emit(g, HX_DELETE_SUBSCR, 0);
        }
        pattern_store(g, p, p->b, pc);
    } else {
        emit(g, HX_POP_TOP, 0);
        emit(g, HX_POP_TOP, 0);
    }
}

static void pattern_class(cg *g, hx_node *p, pctx *pc) {
    int nargs = p->n, nattrs = p->n2;
    for (int i = 0; i < nattrs; i++) /* validate_kwd_attrs */
        for (int j = i + 1; j < nattrs; j++)
            if (!strcmp(p->kwnames[i], p->kwnames[j])) {
                char m[200];
                snprintf(m, sizeof m, "syntax error: attribute name repeated in class pattern: %s", p->kwnames[j]);
                fail(g, p->items2[j], m);
                return;
            }
    expr(g, p->a);
    emit(g, HX_LOAD_CONST, (uint32_t)const_index(g, p->c->cst));
    emit(g, HX_MATCH_CLASS, (uint32_t)nargs);
    pc->on_top++;
    fail_if_none(g, pc);
    emit_v(g, HX_UNPACK_SEQUENCE, (uint32_t)(nargs + nattrs), nargs + nattrs - 1);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        hx_node *q = i < nargs ? p->items[i] : p->items2[i - nargs];
        if (wildcard(q)) { emit(g, HX_POP_TOP, 0); continue; }
        subpattern(g, q, pc);
    }
}

/* compiler_pattern_or: each alternative on its own copy of the subject with its own captures; they must
 * capture the same names, which are brought into the first alternative's order before the common exit */
static void pattern_or(cg *g, hx_node *p, pctx *pc) {
    int *ends = malloc((size_t)p->n * sizeof *ends), nends = 0;
    if (!ends) abort();
    pctx old = *pc;
    hx_node **control = NULL;
    int ncontrol = -1, depth0 = g->depth;
    for (int i = 0; i < p->n && !g->failed; i++) {
        hx_node *alt = p->items[i];
        pc->stores = NULL;
        pc->nstores = pc->capstores = 0;
        pc->allow_irrefutable = (i == p->n - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->nfail = 0;
        pc->on_top = 0;
        pc->base = depth0;
        g->depth = depth0;
        emit(g, HX_COPY, 1);
        pattern(g, alt, pc);
        if (g->failed) { free(pc->stores); break; }
        int nstores = pc->nstores;
        if (!i) {
            control = pc->stores;
            ncontrol = nstores;
        } else if (nstores != ncontrol) {
            fail(g, g->ploc, "syntax error: alternative patterns bind different names");
            free(pc->stores);
            break;
        } else if (nstores) {
            /* rotate this alternative's captures into the control order */
            int icontrol = nstores;
            while (icontrol--) {
                const char *name = control[icontrol]->name;
                int istores = -1;
                for (int k = 0; k < nstores; k++)
                    if (!strcmp(pc->stores[k]->name, name)) istores = k;
                if (istores < 0) {
                    fail(g, g->ploc, "syntax error: alternative patterns bind different names");
                    break;
                }
                if (icontrol != istores) {
                    /* rotated = stores[:rotations]; del stores[:rotations];
                     * stores[icontrol - istores:icontrol - istores] = rotated; the same on the stack */
                    int rotations = istores + 1, pos = icontrol - istores;
                    hx_node **tmp = malloc((size_t)rotations * sizeof *tmp);
                    if (!tmp) abort();
                    memcpy(tmp, pc->stores, (size_t)rotations * sizeof *tmp);
                    memmove(pc->stores, pc->stores + rotations, (size_t)(nstores - rotations) * sizeof *tmp);
                    memmove(pc->stores + pos + rotations, pc->stores + pos,
                            (size_t)(nstores - rotations - pos) * sizeof *tmp);
                    memcpy(pc->stores + pos, tmp, (size_t)rotations * sizeof *tmp);
                    free(tmp);
                    while (rotations--) rotate(g, icontrol + 1);
                }
            }
            if (g->failed) { free(pc->stores); break; }
        }
        ends[nends++] = emit(g, HX_JUMP, 0);
        emit_fail_pop(g, pc);
        if (i) free(pc->stores);
    }
    if (g->failed) { /* the failing alternative's labels were never emitted */
        for (int k = 0; k < pc->nfail; k++) free(pc->fail_pop[k].at);
        free(pc->fail_pop);
        free(control);
        free(ends);
        *pc = old;
        return;
    }
    /* No match: pop the subject and fail */
    free(pc->fail_pop);
    *pc = old;
    g->depth = depth0;
    emit(g, HX_POP_TOP, 0);
    jump_to_fail_pop(g, pc, HX_JUMP);
    /* the common exit: [subject, captures...] -> captures rotated under what the enclosing pattern keeps */
    g->depth = depth0 + ncontrol;
    for (int k = 0; k < nends; k++) patch(g, ends[k], here(g));
    free(ends);
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) rotate(g, nrots); /* pattern_helper_rotate for each capture */
    for (int i = 0; i < ncontrol; i++) {
        hx_node *t = control[i];
        for (int k = 0; k < pc->nstores; k++)
            if (!strcmp(pc->stores[k]->name, t->name)) {
                char m[200];
                snprintf(m, sizeof m, "syntax error: multiple assignments to name '%s' in pattern", t->name);
                fail(g, p, m);
            }
        GROW(pc->stores, pc->nstores, pc->capstores);
        pc->stores[pc->nstores++] = t;
    }
    free(control);
    emit(g, HX_POP_TOP, 0); /* the subject */
}

/* compiler_pattern */
static void pattern(cg *g, hx_node *p, pctx *pc) {
    if (g->failed) return;
    g->line = p->line, g->pos = (hx_pos){0, 0, 0};
    g->ploc = p;
    switch (p->kind) {
    case P_VALUE:
        if (p->a->kind != E_CONST && p->a->kind != E_ATTR) {
            fail(g, p, "syntax error: patterns may only match literals and attribute lookups");
            return;
        }
        expr(g, p->a);
        emit(g, HX_COMPARE_OP, CMP_EQ);
        jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
        return;
    case P_SINGLETON:
        expr(g, p->a);
        emit(g, HX_COMPARE_OP, CMP_IS);
        jump_to_fail_pop(g, pc, HX_POP_JUMP_IF_FALSE);
        return;
    case P_AS:
        if (!p->a) {
            if (!pc->allow_irrefutable) {
                char m[200];
                if (p->b) snprintf(m, sizeof m, "syntax error: name capture '%s' makes remaining patterns unreachable", p->b->name);
                else snprintf(m, sizeof m, "syntax error: wildcard makes remaining patterns unreachable");
                fail(g, p, m);
                return;
            }
            pattern_store(g, p, p->b, pc);
            return;
        }
        pc->on_top++;
        emit(g, HX_COPY, 1);
        pattern(g, p->a, pc);
        pc->on_top--;
        pattern_store(g, p, p->b, pc);
        return;
    case P_STAR: pattern_store(g, p, p->b, pc); return; /* only inside a sequence pattern (parser.c) */
    case P_SEQ: pattern_sequence(g, p, pc); return;
    case P_MAP: pattern_mapping(g, p, pc); return;
    case P_CLASS: pattern_class(g, p, pc); return;
    case P_OR: pattern_or(g, p, pc); return;
    default: fail(g, p, "unsupported pattern"); return;
    }
}

/* compiler_match_inner */
static void match_stmt(cg *g, hx_node *s) {
    expr(g, s->a);
    int cases = s->n;
    hx_node *last = s->items[cases - 1];
    int has_default = wildcard(last->a) && cases > 1;
    int *ends = malloc((size_t)(cases + 1) * sizeof *ends), nends = 0;
    if (!ends) abort();
    int d0 = g->depth - 1; /* below the subject */
    for (int i = 0; i < cases - has_default && !g->failed; i++) {
        hx_node *m = s->items[i];
        int keep = i != cases - has_default - 1;
        g->line = m->a->line, g->pos = (hx_pos){0, 0, 0};
        g->depth = d0 + 1;
        if (keep) emit(g, HX_COPY, 1);
        pctx pc = {0};
        pc.allow_irrefutable = m->b != NULL || i == cases - 1;
        pc.base = g->depth - 1;
        pattern(g, m->a, &pc);
        for (int k = 0; k < pc.nstores && !g->failed; k++) store_name(g, pc.stores[k]);
        free(pc.stores);
        if (m->b && !g->failed) {
            g->line = m->b->line, g->pos = (hx_pos){0, 0, 0}; /* compiler_jump_if at the guard's location */
            expr(g, m->b);
            int at = emit(g, HX_POP_JUMP_IF_FALSE, 0);
            if (!pc.nfail) {
                pc.fail_pop = calloc(1, sizeof *pc.fail_pop);
                if (!pc.fail_pop) abort();
                pc.nfail = 1;
            }
            jl_add(&pc.fail_pop[0], at);
        }
        if (keep) emit(g, HX_POP_TOP, 0);
        body(g, m->items, m->n);
        ends[nends++] = emit(g, HX_JUMP, 0);
        g->line = m->a->line, g->pos = (hx_pos){0, 0, 0};
        emit_fail_pop(g, &pc);
        if (g->failed) {
            for (int k = 0; k < pc.nfail; k++) free(pc.fail_pop[k].at);
            free(pc.fail_pop);
        }
    }
    g->depth = d0 + (has_default ? 0 : 0);
    if (has_default && !g->failed) {
        g->line = last->a->line, g->pos = (hx_pos){0, 0, 0};
        emit(g, HX_NOP, 0);
        if (last->b) {
            g->line = last->b->line, g->pos = (hx_pos){0, 0, 0};
            expr(g, last->b);
            ends[nends++] = emit(g, HX_POP_JUMP_IF_FALSE, 0);
        }
        body(g, last->items, last->n);
    }
    g->depth = d0;
    for (int k = 0; k < nends; k++) patch(g, ends[k], here(g));
    free(ends);
}

static void stmt(cg *g, hx_node *s) {
    if (g->failed) return;
    set_loc(g, s);
    if (g->check_gc) emit(g, HX_HX_CHECK_GC, 0);
    switch (s->kind) {
    case S_EXPR:
        expr(g, s->a);
        if (g->c->kind == CODE_MODULE && g->c->nbody && g->c->body[0] == s && s->a->kind == E_CONST &&
            s->a->ckind == K_STR) { /* compiler_body: the module's docstring is stored as __doc__ */
            rh_object *doc = interned(g, "__doc__");
            if (doc) emit(g, HX_STORE_GLOBAL, (uint32_t)name_index(g, doc));
            return;
        }
        emit(g, HX_POP_TOP, 0);
        return;
    case S_ASSIGN: assign(g, s); return;
    case S_ANNASSIGN: annassign(g, s); return;
    case S_AUG: augassign(g, s); return;
    case S_DEL:
        for (int i = 0; i < s->n; i++) delete(g, s->items[i]);
        return;
    case S_IF: {
        expr(g, s->a);
        int jf = emit(g, HX_POP_JUMP_IF_FALSE, 0);
        body(g, s->items, s->n);
        if (s->n2) {
            int je = emit(g, HX_JUMP, 0);
            patch(g, jf, here(g));
            body(g, s->items2, s->n2);
            patch(g, je, here(g));
        } else {
            patch(g, jf, here(g));
        }
        return;
    }
    case S_WHILE: while_stmt(g, s); return;
    case S_FOR: if (s->op) async_for_stmt(g, s); else for_stmt(g, s); return;
    case S_BREAK: case S_CONTINUE: break_continue(g, s); return;
    case S_PASS: case S_GLOBAL: case S_NONLOCAL: return;
    case S_RETURN: return_stmt(g, s); return;
    case S_DEF:
        for (int i = 0; i < s->ndecos; i++) expr(g, s->decos[i]);
        make_function(g, s, s->code, s->name_obj);
        apply_decorators(g, s);
        store_name(g, s);
        return;
    case S_CLASS: {
        hx_code *c = s->code;
        for (int i = 0; i < s->ndecos; i++) expr(g, s->decos[i]);
        for (int i = 0; i < s->n; i++) expr(g, s->items[i]);
        if (s->n2) subkwargs(g, s, 0, s->n2); /* builtin___build_class__'s keyword dict (_PyStack_AsDict) */
        int cl = closure_tuple(g, s, c), kw = s->n2 > 0;
        if (compile_unit(g->I, c, g->err) != 0) { g->failed = 1; return; }
        emit_v(g, cl ? HX_HX_BUILD_CLASS_CLOSURE : HX_HX_BUILD_CLASS, (uint32_t)code_index(g, c), 1 - s->n - cl - kw);
        if (s->n > 255) { fail(g, s, "too many base classes"); return; }
        word(g, (hx_instr)s->n | (hx_instr)kw << 8 | (hx_instr)name_index(g, s->name_obj) << 9);
        apply_decorators(g, s);
        /* the node itself names the class: its name_obj, scope and slot are the store target */
        store_name(g, s);
        return;
    }
    case S_IMPORT: import_stmt(g, s); return;
    case S_RAISE: raise_stmt(g, s); return;
    case S_TRY: try_stmt(g, s); return;
    case S_WITH: with_stmt(g, s); return;
    case S_MATCH: match_stmt(g, s); return;
    case S_ASSERT: assert_stmt(g, s); return;
    default: fail(g, s, "unsupported statement"); return;
    }
}

/* compiler_import / compiler_from_import (Python/compile.c): IMPORT_NAME takes the level and the fromlist
 * (CPython: two constants pushed before it; here its extra word: level | (1 + co_cstrs index of the
 * comma-joined fromlist) << 8, 0 for None). `import a.b as x` walks the components with IMPORT_FROM
 * (compiler_import_as); `from m import *` is IMPORT_STAR. */
static void import_stmt(cg *g, hx_node *s) {
    if (s->sval) { /* from m import a, b: IMPORT_NAME, then IMPORT_FROM and a store per name, POP_TOP */
        emit(g, HX_IMPORT_NAME, (uint32_t)cstr_index(g, s->sval));
        word(g, (hx_instr)s->ival | (hx_instr)(1 + cstr_index(g, s->name)) << 8);
        if (s->op == 1) { emit(g, HX_IMPORT_STAR, 0); return; }
        for (int i = 0; i < s->n; i++) {
            emit(g, HX_IMPORT_FROM, (uint32_t)cstr_index(g, s->items[i]->sval));
            store_name(g, s->items[i]);
        }
        emit(g, HX_POP_TOP, 0);
        return;
    }
    for (int i = 0; i < s->n; i++) {
        hx_node *a = s->items[i];
        emit(g, HX_IMPORT_NAME, (uint32_t)cstr_index(g, a->sval));
        word(g, 0);
        if (a->kwnames) { /* import a.b.c as x */
            for (int k = 1; k < a->n2; k++) {
                emit(g, HX_IMPORT_FROM, (uint32_t)cstr_index(g, a->kwnames[k]));
                if (k + 1 < a->n2) { emit(g, HX_SWAP, 2); emit(g, HX_POP_TOP, 0); }
            }
            store_name(g, a);
            emit(g, HX_POP_TOP, 0);
        } else {
            store_name(g, a);
        }
    }
}

static void body(cg *g, hx_node **b, int nb) {
    for (int i = 0; i < nb && !g->failed; i++) {
        if (g->top) { set_loc(g, b[i]); emit(g, HX_HX_STMT_BEGIN, (uint32_t)i); }
        int top = g->top;
        g->top = 0;
        stmt(g, b[i]);
        g->top = top;
        if (g->top) emit(g, HX_HX_STMT_END, (uint32_t)i);
    }
}

/* find_ann: an annotated assignment anywhere in the body, nested blocks included (not in nested defs and
 * classes) */
static int find_ann(hx_node **b, int nb) {
    for (int i = 0; i < nb; i++) {
        hx_node *n = b[i];
        switch (n->kind) {
        case S_ANNASSIGN: return 1;
        case S_IF: case S_WHILE: case S_FOR: case S_BLOCK: case S_EXCEPT: case S_WITH: case S_MATCH: case S_CASE:
            if (find_ann(n->items, n->n) || find_ann(n->items2, n->n2)) return 1;
            break;
        case S_TRY:
            if (find_ann(n->items, n->n) || find_ann(n->items2, n->n2) || (n->b && find_ann(&n->b, 1)) ||
                (n->c && find_ann(&n->c, 1)))
                return 1;
            break;
        default: break;
        }
    }
    return 0;
}

/* Compile one code unit (and, through MAKE_FUNCTION / class statements, the units nested in it). */
static int compile_unit(hx_interp *I, hx_code *c, hx_cerr *err) {
    if (c->co_code) return 0;
    cg g = {.I = I, .c = c, .err = err, .line = c->line ? c->line : 1};
    g.check_gc = !rh_runtime_profile(I->rt)->gc_trigger_at_alloc;
    g.top = c->kind == CODE_MODULE;
    if (c->qualname && !(c->co_qualname = hx_name(I, c->qualname))) return -1;
    /* insert_prefix_instructions: the cells first, then the closure's cells copied in */
    for (int i = 0; i < c->ncells; i++) emit(&g, HX_MAKE_CELL, (uint32_t)c->cellslots[i]);
    if (c->nfree) emit(&g, HX_COPY_FREE_VARS, (uint32_t)c->nfree);
    /* then RESUME (3.11+) at the first line, columns 0 to 0; a module's is at line 0 to 1, which
     * refheap's line table (0: no line) keeps as no line and co_lines/co_positions show as 0 */
    if (RH_API(I, "code", "RESUME")) {
        cgloc keep = {g.line, g.pos};
        g.line = c->kind == CODE_MODULE ? 0 : g.line;
        g.pos = (hx_pos){c->kind == CODE_MODULE ? 1 : g.line, 1, 1};
        emit(&g, HX_RESUME, 0);
        g.line = keep.line, g.pos = keep.pos;
    }
    if (c->comp) genexp_body(&g, c->comp);
    if (c->kind != CODE_FUNCTION && find_ann(c->body, c->nbody)) emit(&g, HX_SETUP_ANNOTATIONS, 0);
    body(&g, c->body, c->nbody);
    if (!g.failed && c->kind == CODE_CLASS && c->class_cell) {
        /* compiler_class: the body returns its __class__ cell, also stored as __classcell__ for type_new */
        g.top = 0;
        rh_object *cc = interned(&g, "__classcell__");
        emit(&g, HX_LOAD_CLOSURE, (uint32_t)closure_slot(c, "__class__"));
        emit(&g, HX_COPY, 1);
        if (cc) emit(&g, HX_STORE_NAME, (uint32_t)name_index(&g, cc));
        emit(&g, HX_RETURN_VALUE, 0);
    } else if (!g.failed) {
        g.top = 0;
        emit(&g, HX_LOAD_CONST, (uint32_t)const_index(&g, rh_none(I->rt)));
        emit(&g, HX_RETURN_VALUE, 0);
    }
    c->stacksize = g.maxdepth + 1;
    c->co_stacksize = g.maxdepth;
    c->co_warm_pending = rh_runtime_profile(I->rt)->quicken_delay != 0;
    c->nloopslots = g.maxaux;
    for (int i = 0; i < c->ncomps; i++) { /* the stand-ins see the finished unit's code, borrowed */
        hx_code *u = c->co_comps[i].unit, keep = *u;
        *u = *c;
        u->kind = CODE_FUNCTION;
        u->name = keep.name;
        u->qualname = keep.qualname;
        u->co_qualname = NULL;
        u->line = keep.line;
        u->zombie_of = keep.zombie_of;
        u->borrowed_code = 1;
        u->co_comps = NULL;
        u->ncomps = 0;
        u->co_obj = NULL;
        u->body = NULL, u->nbody = 0, u->comp = NULL, u->co_flags = 0;
        u->nparams = u->nposonly = u->nkwonly = u->varargs = u->varkw = u->ndefaults = 0;
        u->params = NULL, u->defaults = NULL, u->kwdefaults = NULL, u->annots = NULL, u->returns = NULL;
        u->ncells = u->nfree = u->nslots = u->nnamed = u->class_cell = 0;
        u->cellnames = u->freenames = u->slotnames = NULL, u->cellslots = u->freeslots = u->closure_slots = NULL;
        u->nglobals_decl = 0, u->globals_decl = NULL;
    }
    return g.failed ? -1 : 0;
}

int hx_compile(hx_interp *I, hx_code *module, hx_cerr *err) { return compile_unit(I, module, err); }

/* ---------------------------------------------------------------- disassembly (refheap run --dis) */

const char *const hx_opnames[HX_NUM_OPCODES] = {
#define HX_OP_NAME(name, eff, extra) [HX_##name] = #name,
    HX_OPCODES(HX_OP_NAME)
#undef HX_OP_NAME
};
const signed char hx_opextra[HX_NUM_OPCODES] = {
#define HX_OP_EXTRA(name, eff, extra) [HX_##name] = extra,
    HX_OPCODES(HX_OP_EXTRA)
#undef HX_OP_EXTRA
};

/* Print unit c and the units nested in it, one instruction a line: index, line, name, operand(s). */
void hx_dis(FILE *out, const hx_code *c) {
    fprintf(out, "code %s (stack %d, loop slots %d, locals %d)\n", c->qualname ? c->qualname : "<module>",
            c->stacksize, c->nloopslots, c->nslots);
    for (int i = 0; i < c->ncode; i++) {
        hx_instr w = c->co_code[i];
        unsigned op = hx_op(w);
        fprintf(out, "%6d %5d  %-22s %u", i, c->co_lines[i], op < HX_NUM_OPCODES ? hx_opnames[op] : "?", hx_arg(w));
        for (int k = 0; k < (op < HX_NUM_OPCODES ? hx_opextra[op] : 0); k++) fprintf(out, " %u", c->co_code[++i]);
        fputc('\n', out);
    }
    for (int i = 0; i < c->ncodes; i++) hx_dis(out, c->co_codes[i]);
}
