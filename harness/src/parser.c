/* parser.c — recursive-descent parser for the workload subset: tokens -> hx_code / hx_node tree.
 *
 * Owns the grammar (a subset of Python 3's) and the "unsupported ..." diagnostics for constructs outside
 * it. Invariants: recursion is bounded by RH_PARSE_MAX_DEPTH (error, never a stack overflow); the first
 * error wins and stops parsing; on error the partial tree is freed. Node field use per kind:
 *   S_EXPR a | S_ASSIGN items=targets a=value | S_AUG a=target op b=value | S_DEL items
 *   S_IF a=cond items=body items2=else | S_WHILE a=cond items=body items2=else
 *   S_FOR a=target b=iter items=body items2=else op=1 (async for) | S_RETURN a? | S_GLOBAL kwnames(n2) | S_RAISE a? b=cause (op 1: 2.x's `raise a, c[, val]`, ival the comma) |
 *   S_DEF name code | S_CLASS name items=bases code | S_IMPORT items=E_NAME (name = binding, sval = dotted
 *   module, kwnames(n2) its components after `as`; `from m import`: sval = m, ival = level, name = fromlist,
 *   op 1 = `import *`, items' sval = attribute),
 *   E_CONST ckind/ival/fval/sval (K_TUPLE: items) | E_LIST/E_TUPLE items | E_DICT items=keys items2=values
 *   (a NULL key: `**mapping`, the mapping its value)
 *   E_LISTCOMP/E_SETCOMP a=elt b=target c=iter items2=ifs | E_SET items (cst: folded frozenset) | E_BINOP op a b | E_UNARY op a | E_BOOLOP op items
 *   E_NOT a | E_COMPARE items ops | E_IFEXP a=body b=cond c=else | E_CALL a=func items=args
 *   items2/kwnames=keywords | E_ATTR a name | E_SUBSCR a b | E_SLICE a b c (each may be NULL) | E_STAR a
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

#define RH_MAX_TREE_DEPTH 3000 /* see check_tree_depth */
/* The parser's own recursion bound, above everything CPython 3.11 parses: its 200 nested brackets (the
 * lexer's limit) each cost one level here, and an expression tree deeper than RH_MAX_TREE_DEPTH is
 * refused after parsing anyway, so this bound only keeps the C stack safe. */
#define RH_PARSE_MAX_DEPTH (RH_MAX_TREE_DEPTH + 400)

typedef struct parser {
    hx_tok *t;
    int n, i;
    int depth;
    hx_cerr *err;
    int in_func, in_class, in_loop;
    int nstmts;        /* module statements parsed so far, other than __future__ imports */
    unsigned future;   /* RH_FUTURE_* bits */
    const char *closer; /* the token ending the parameter list being parsed (a lambda's ':') */
    hx_code *fcode;    /* the function whose body is being parsed (a yield makes it a generator), or NULL */
    int next_async;    /* `async def`: the next function is a coroutine */
    int walrus_ok;     /* the next p_test may be `NAME := value` (p_named: the grammar's named_expression) */
} parser;

static hx_tok *cur(parser *P) { return &P->t[P->i]; }
static hx_tok *peek_at(parser *P, int k) { return &P->t[P->i + k < P->n ? P->i + k : P->n - 1]; }
static int failed(parser *P) { return P->err->set; }

static int is_op(hx_tok *t, const char *s) { return t->kind == T_OP && strcmp(t->text, s) == 0; }
static int is_kw(hx_tok *t, const char *s) { return t->kind == T_NAME && strcmp(t->text, s) == 0; }

static const char *const keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await",
                                       "break", "class", "continue", "def", "del", "elif", "else", "except",
                                       "finally", "for", "from", "global", "if", "import", "in", "is",
                                       "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                                       "while", "with", "yield", NULL};
static int is_keyword(const char *s) {
    for (int i = 0; keywords[i]; i++)
        if (strcmp(keywords[i], s) == 0) return 1;
    return 0;
}

static const char *tokdesc(hx_tok *t, char *buf, size_t n) {
    switch (t->kind) {
    case T_EOF: return "end of file";
    case T_NEWLINE: return "end of line";
    case T_INDENT: return "indent";
    case T_DEDENT: return "dedent";
    case T_STRING: case T_BYTES: return "string literal";
    case T_INT: case T_FLOAT: case T_IMAG: return "number";
    default: snprintf(buf, n, "'%s'", t->text); return buf;
    }
}

static void syntax(parser *P, hx_tok *t, const char *what) {
    char b[64];
    if (t->kind == T_INDENT) hx_cerr_set(P->err, t->line, t->col, "syntax error: unexpected indent");
    else if (what) hx_cerr_set(P->err, t->line, t->col, "syntax error: %s", what);
    else hx_cerr_set(P->err, t->line, t->col, "syntax error: invalid syntax at %s", tokdesc(t, b, sizeof b));
}

static void unsupported(parser *P, hx_tok *t, const char *what, const char *hint) {
    hx_cerr_set(P->err, t->line, t->col, "unsupported %s; supported: %s", what, hint);
}

/* A comprehension's `for` clause starts here: `for`, or `async for` (refused in p_comp_clause) */
static int comp_for(parser *P) { return is_kw(cur(P), "for") || (is_kw(cur(P), "async") && is_kw(peek_at(P, 1), "for")); }

static int expect_op(parser *P, const char *s) {
    if (failed(P)) return -1;
    if (is_op(cur(P), s)) { P->i++; return 0; }
    char b[64], m[128];
    snprintf(m, sizeof m, "expected '%s', found %s", s, tokdesc(cur(P), b, sizeof b));
    syntax(P, cur(P), m);
    return -1;
}

static char *sdup(const char *s) {
    char *p = strdup(s ? s : "");
    if (!p) abort();
    return p;
}

static hx_node *mk(hx_nkind k, hx_tok *t) {
    hx_node *n = calloc(1, sizeof *n);
    if (!n) abort();
    n->kind = k;
    n->line = t->line;
    n->col = t->col;
    n->slot = -1;
    return n;
}

/* A node of kind k that starts where its first operand a starts (binary operators, chains, if-expressions);
 * at_start() moves it to its rule's first token, a parenthesis before the operand included */
static hx_node *mk_over(hx_nkind k, hx_tok *t, hx_node *a) {
    hx_node *n = mk(k, t);
    n->line = a->line;
    n->col = a->col;
    return n;
}
static hx_node *at_start(hx_node *n, const hx_tok *start) {
    if (n) n->line = start->line, n->col = start->col;
    return n;
}

static hx_node *mk_binop(hx_tok *t, int op, hx_node *a, hx_node *b) {
    hx_node *n = mk_over(E_BINOP, t, a);
    n->op = op;
    n->a = a;
    n->b = b;
    return n;
}

/* Ends node n (if not NULL and not ended yet) where the last token taken ends: every parse function
 * that makes a node ends it once its last token is taken (a node passed through, such as a parenthesised
 * expression, keeps the end it got where it was made). Returns n. */
static hx_node *fin(parser *P, hx_node *n) {
    if (n && !n->end_line && P->i > 0) {
        n->end_line = P->t[P->i - 1].end_line;
        n->end_col = P->t[P->i - 1].end_col;
    }
    return n;
}

/* A statement ends with its last token that is not a NEWLINE, INDENT or DEDENT (a compound statement:
 * the end of its last body statement, as CPython's end_lineno / end_col_offset) */
static hx_node *fin_stmt(parser *P, hx_node *n) {
    int j = P->i - 1;
    while (j > 0 && (P->t[j].kind == T_NEWLINE || P->t[j].kind == T_INDENT || P->t[j].kind == T_DEDENT)) j--;
    if (n && j >= 0) {
        n->end_line = P->t[j].end_line;
        n->end_col = P->t[j].end_col;
    }
    return n;
}

typedef struct nvec { hx_node **v; int n, cap; } nvec;
static void nv_push(nvec *v, hx_node *x) {
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->v = realloc(v->v, (size_t)v->cap * sizeof *v->v);
        if (!v->v) abort();
    }
    v->v[v->n++] = x;
}

static void free_nodes(hx_node **v, int k) {
    if (!v) return;
    for (int i = 0; i < k; i++) hx_node_free(v[i]);
    free(v);
}

/* Hands the collected items (and items2, if given) to display or call node n, then takes the closing token.
   Frees n and returns NULL if the parse failed. */
static hx_node *p_close(parser *P, hx_node *n, nvec *items, nvec *items2, const char *closer) {
    n->items = items->v;
    n->n = items->n;
    if (items2) {
        n->items2 = items2->v;
        n->n2 = items2->n;
    }
    if (failed(P) || expect_op(P, closer) != 0) { hx_node_free(n); return NULL; }
    return n;
}

/* Fills n's items with first and then, while sep(P) holds, a separator token and one item(P), stopping
   after a separator where stop(P) (if given) holds. Frees n and returns NULL if the parse failed. */
static hx_node *p_seq_tail(parser *P, hx_node *n, hx_node *first, int (*sep)(parser *), int (*stop)(parser *),
                           hx_node *(*item)(parser *)) {
    nvec v = {0};
    nv_push(&v, first);
    while (sep(P) && !failed(P)) {
        P->i++;
        if (stop && stop(P)) break;
        hx_node *e = item(P);
        if (!e) break;
        nv_push(&v, e);
    }
    n->items = v.v;
    n->n = v.n;
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

static int at_comma(parser *P) { return is_op(cur(P), ","); }

void hx_node_free(hx_node *n) {
    if (!n) return;
    hx_node_free(n->a);
    hx_node_free(n->b);
    hx_node_free(n->c);
    free_nodes(n->items, n->n);
    free_nodes(n->items2, n->n2);
    if (n->kwnames) {
        for (int i = 0; i < n->n2 || ((n->kind == S_GLOBAL || n->kind == S_NONLOCAL) && i < n->n); i++) free(n->kwnames[i]);
        free(n->kwnames);
    }
    free_nodes(n->decos, n->ndecos);
    hx_node_free(n->val);
    free(n->ops);
    free(n->name);
    free(n->sval);
    if (n->code) hx_code_free(n->code);
    free(n);
}

void hx_code_free(hx_code *c) {
    if (c && c->borrowed_code) { /* a comprehension's stand-in (compile.c): its code is its enclosing unit's */
        free(c->name);
        free(c->qualname);
        free(c);
        return;
    }
    if (!c) return;
    free_nodes(c->body, c->nbody);
    for (int i = 0; i < hx_code_nallparams(c); i++) free(c->params[i]);
    free(c->params);
    free_nodes(c->defaults, c->ndefaults);
    free_nodes(c->kwdefaults, c->nkwonly);
    free_nodes(c->annots, c->annots ? hx_code_nallparams(c) : 0);
    hx_node_free(c->returns);
    for (int i = 0; i < c->ncells; i++) free(c->cellnames[i]);
    for (int i = 0; i < c->nfree; i++) free(c->freenames[i]);
    free(c->cellnames);
    free(c->freenames);
    free(c->cellslots);
    free(c->freeslots);
    free(c->closure_slots);
    for (int i = 0; i < c->nslots; i++) free(c->slotnames[i]);
    free(c->slotnames);
    for (int i = 0; i < c->nglobals_decl; i++) free(c->globals_decl[i]);
    free(c->globals_decl);
    free(c->name);
    free(c->qualname);
    free(c->co_code);
    free(c->co_sites);
    free(c->co_lines);
    free(c->co_pos);
    for (int i = 0; i < c->ncomps; i++) hx_code_free(c->co_comps[i].unit);
    free(c->co_comps);
    free(c->co_handler);
    free(c->co_exc);
    free(c->co_consts);
    free(c->co_names);
    free(c->co_cstrs);
    free(c->co_codes);
    free(c->gcache);
    free(c->mcache);
    free(c->acache);
    free(c->kwlists);
    free(c);
}

/* ---------------------------------------------------------------- expressions */
static hx_node *p_test(parser *P);
static hx_node *p_named(parser *P);
static hx_node *p_or(parser *P);
static hx_node *p_factor(parser *P);
static hx_node *p_bor(parser *P);

static int enter(parser *P) {
    if (++P->depth > RH_PARSE_MAX_DEPTH) {
        hx_cerr_set(P->err, cur(P)->line, cur(P)->col, "syntax error: expression too deeply nested");
        return -1;
    }
    return 0;
}
static void leave(parser *P) { P->depth--; }

static int unsupported_expr_kw(parser *P) {
    hx_tok *t = cur(P);
    if (is_kw(t, "lambda")) unsupported(P, t, "expression 'lambda'", "def at module or class level");
    else if (is_kw(t, "yield")) syntax(P, t, "a 'yield' expression here must be parenthesized");
    else return 0; /* await: p_power */
    return 1;
}

/* testlist inside brackets: elements; sets *comma when a trailing/separating comma was seen */
static hx_node *p_listcomp_tail(parser *P, hx_node *elt, hx_tok *start);
static hx_node *p_genexp_tail(parser *P, hx_node *elt, hx_tok *start, const char *closer);
static hx_node *p_comp_clauses(parser *P, hx_node *n, const char *closer);
static hx_node *p_set_tail(parser *P, hx_node *first, hx_tok *start);

static hx_node *p_exprlist_targets(parser *P);
static hx_node *p_testlist(parser *P);

/* star_named_expression (Grammar/python.gram): '*' bitwise_or -> E_STAR (PEP 448 unpacking in a tuple, list
 * or set display, compiled by starunpack_helper), else a named expression (named != 0) or a test. */
static hx_node *p_star_item(parser *P, int named) {
    hx_tok *t = cur(P);
    if (!is_op(t, "*")) return named ? p_named(P) : p_test(P);
    P->i++;
    hx_node *s = mk(E_STAR, t);
    if (!(s->a = p_bor(P))) { free(s); return NULL; }
    return fin(P, s);
}

/* A starred first element followed by `for`: invalid_comprehension's message */
static int star_comp(parser *P, hx_node *e) {
    if (e->kind != E_STAR || !comp_for(P)) return 0;
    hx_cerr_set(P->err, e->line, e->col, "syntax error: iterable unpacking cannot be used in comprehension");
    return 1;
}

/* `yield`, `yield value(s)` or `yield from iterable` at the keyword: E_YIELD / E_YIELDFROM. The enclosing
 * function becomes a generator (symtable's ste_generator); outside a function it is a syntax error. */
static hx_node *p_yield(parser *P) {
    hx_tok *t = cur(P);
    if (!P->fcode) { syntax(P, t, "'yield' outside function"); return NULL; }
    P->i++;
    if (P->fcode->co_flags & (HX_CO_COROUTINE | HX_CO_ASYNC_GENERATOR)) {
        /* compiler_visit_expr1 / symtable: `yield` in an async def makes an async generator (PEP 525) */
        if (is_kw(cur(P), "from")) { syntax(P, t, "'yield from' inside async function"); return NULL; }
        P->fcode->co_flags = (P->fcode->co_flags & ~(unsigned)HX_CO_COROUTINE) | HX_CO_ASYNC_GENERATOR;
    } else {
        P->fcode->co_flags |= HX_CO_GENERATOR;
    }
    if (is_kw(cur(P), "from")) {
        P->i++;
        hx_node *n = mk(E_YIELDFROM, t);
        if (!(n->a = p_test(P))) { free(n); return NULL; }
        return fin(P, n);
    }
    hx_node *n = mk(E_YIELD, t);
    hx_tok *c = cur(P);
    if (c->kind == T_NEWLINE || c->kind == T_EOF || is_op(c, ")") || is_op(c, ";") || is_op(c, "=") ||
        is_op(c, "]") || is_op(c, "}"))
        return fin(P, n);
    if (!(n->a = p_testlist(P))) { free(n); return NULL; }
    return fin(P, n);
}

static int is_strtok(const hx_tok *t) { return t->kind == T_STRING || t->kind == T_FSTRING || t->kind == T_RFSTRING; }

/* ---------------------------------------------------------------- f-strings (3.11: Parser/string_parser.c) */

/* The parts of a joined str being built: literal text accumulates until a field closes it. */
typedef struct { char *lit; size_t nlit, caplit; nvec parts; hx_tok *tok; } fparts;

static void lit_put(fparts *f, const char *s, size_t n) {
    if (f->nlit + n + 1 > f->caplit) {
        f->caplit = (f->nlit + n + 1) * 2;
        f->lit = realloc(f->lit, f->caplit);
        if (!f->lit) abort();
    }
    memcpy(f->lit + f->nlit, s, n);
    f->nlit += n;
    f->lit[f->nlit] = 0;
}
static hx_node *str_const(hx_tok *t, const char *s, size_t n) {
    hx_node *c = mk(E_CONST, t);
    c->ckind = K_STR;
    c->sval = malloc(n + 1);
    if (!c->sval) abort();
    memcpy(c->sval, s, n);
    c->sval[n] = 0;
    c->slen = n;
    return c;
}
static void lit_flush(fparts *f) {
    if (f->nlit) nv_push(&f->parts, str_const(f->tok, f->lit, f->nlit));
    f->nlit = 0;
}
/* The parts as one node: a str constant when there is no field, else E_JOINED. */
static hx_node *fparts_node(fparts *f) {
    lit_flush(f);
    free(f->lit);
    f->lit = NULL;
    int fields = 0;
    for (int i = 0; i < f->parts.n; i++) fields |= f->parts.v[i]->kind == E_FORMATTED;
    if (!fields) {
        hx_node *c = f->parts.n ? f->parts.v[0] : str_const(f->tok, "", 0);
        free(f->parts.v);
        return c;
    }
    hx_node *j = mk(E_JOINED, f->tok);
    j->items = f->parts.v;
    j->n = f->parts.n;
    return j;
}
static void fparts_free(fparts *f) {
    free(f->lit);
    for (int i = 0; i < f->parts.n; i++) hx_node_free(f->parts.v[i]);
    free(f->parts.v);
}

static int f_error(parser *P, hx_tok *t, const char *msg) {
    hx_cerr_set(P->err, t->line, t->col, "syntax error: f-string: %s", msg);
    return -1;
}

/* The expression text s[0..n) of a field, parsed as CPython does: in parentheses, by the whole parser. */
static hx_node *f_expr(parser *P, hx_tok *t, const char *s, size_t n) {
    size_t k = 0;
    while (k < n && strchr(" \t\n\r\f", s[k])) k++;
    if (k == n) { f_error(P, t, "empty expression not allowed"); return NULL; }
    char *src = malloc(n + 3);
    if (!src) abort();
    src[0] = '(';
    memcpy(src + 1, s, n);
    src[n + 1] = ')';
    src[n + 2] = 0;
    hx_cerr err = {0};
    int ntok = 0;
    hx_tok *toks = hx_lex(src, n + 2, &ntok, &err);
    free(src);
    if (!toks) { hx_cerr_set(P->err, t->line, t->col, "%s", err.msg); return NULL; }
    /* Where the field's tokens are in the source (fstring_find_expr_location; the parse of "(expr)" puts the
     * '(' where the '{' is): on a one-line f-string, the body starts after the prefix and the opening quote
     * (the token's extra length is prefix + 2 quotes: 3 f"", 4 rf"", 7 f'''''', 8 rf''''''); otherwise each
     * of the field's nodes spans the whole f-string */
    long extra = (long)t->end_col - t->col - (long)t->len, q = extra >= 7 ? 3 : 1;
    int exact = t->line == t->end_line && s >= t->text && s + n <= t->text + t->len && extra - 2 * q >= 1 &&
                extra - 2 * q <= 2;
    int base = exact ? t->col + (int)(extra - 2 * q + q) + (int)(s - t->text) - 2 : 0;
    for (int i = 0; i < ntok; i++) {
        if (exact && toks[i].line == 1 && toks[i].end_line == 1) {
            toks[i].line = toks[i].end_line = t->line;
            toks[i].col += base;
            toks[i].end_col += base;
            continue;
        }
        toks[i].line = t->line;
        toks[i].col = t->col;
        toks[i].end_line = t->end_line;
        toks[i].end_col = t->end_col;
    }
    parser Q = *P;
    Q.t = toks;
    Q.n = ntok;
    Q.i = 0;
    hx_node *e = p_test(&Q);
    if (e && !failed(P) && Q.t[Q.i].kind != T_NEWLINE && Q.t[Q.i].kind != T_EOF) {
        hx_node_free(e);
        e = NULL;
        f_error(P, t, "invalid expression");
    }
    hx_toks_free(toks, ntok);
    return e;
}

static int f_body(parser *P, fparts *f, const char *s, size_t n, int raw, int depth);

/* One replacement field at s[*i] == '{' (not doubled): expression, '=', !conversion, :spec, '}' */
static int f_field(parser *P, fparts *f, const char *s, size_t n, size_t *i, int raw, int depth) {
    hx_tok *t = f->tok;
    if (depth >= 2) return f_error(P, t, "expressions nested too deeply");
    size_t st = ++*i, k = st;
    int nest = 0;
    char quote = 0;
    for (; k < n; k++) { /* the expression ends at a top-level '}', '!', ':' or '=' */
        char c = s[k];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '\'' || c == '"') { quote = c; continue; }
        if (c == '\\') return f_error(P, t, "expression part cannot include a backslash");
        if (c == '[' || c == '(' || c == '{') { nest++; continue; }
        if ((c == ']' || c == ')' || c == '}') && nest > 0) { nest--; continue; }
        if (nest) continue;
        if (c == '}' || c == ':') break;
        if (c == '!' && k + 1 < n && s[k + 1] != '=') break;
        if (c == '=' && k + 1 < n && s[k + 1] != '=' && k > st && !strchr("=!<>", s[k - 1])) break;
        if (c == '=' && k + 1 < n && s[k + 1] == '=') k++;
    }
    if (k >= n) return f_error(P, t, quote ? "unterminated string" : "expecting '}'");
    hx_node *e = f_expr(P, t, s + st, k - st);
    if (!e) return -1;
    int conv = 0, debug = 0;
    if (s[k] == '=') { /* f"{x=}": the text of the expression and '=', then its repr unless a spec is given */
        debug = 1;
        k++;
        while (k < n && strchr(" \t\n", s[k])) k++;
        lit_put(f, s + st, k - st);
    }
    if (k < n && s[k] == '!') {
        if (k + 1 >= n || !strchr("sra", s[k + 1])) { hx_node_free(e); return f_error(P, t, "invalid conversion character: expected 's', 'r', or 'a'"); }
        conv = s[k + 1] == 's' ? 1 : s[k + 1] == 'r' ? 2 : 3;
        k += 2;
        if (k >= n || (s[k] != ':' && s[k] != '}')) { hx_node_free(e); return f_error(P, t, "expecting '}'"); }
    }
    hx_node *spec = NULL;
    if (k < n && s[k] == ':') {
        size_t ss = ++k;
        int br = 0;
        for (; k < n; k++) {
            if (s[k] == '{') br++;
            else if (s[k] == '}') { if (br == 0) break; br--; }
        }
        if (k >= n) { hx_node_free(e); return f_error(P, t, "expecting '}'"); }
        fparts sf = {.tok = t};
        if (f_body(P, &sf, s + ss, k - ss, raw, depth + 1)) { fparts_free(&sf); hx_node_free(e); return -1; }
        spec = fparts_node(&sf);
    }
    if (debug && !conv && !spec) conv = 2;
    lit_flush(f);
    hx_node *fv = mk(E_FORMATTED, t);
    fv->a = e;
    fv->b = spec;
    fv->op = conv;
    nv_push(&f->parts, fv);
    *i = k + 1;
    return 0;
}

/* The body of an f-string (or of a spec inside one): literal text, '{{' '}}', fields. */
static int f_body(parser *P, fparts *f, const char *s, size_t n, int raw, int depth) {
    size_t i = 0;
    while (i < n) {
        if (s[i] == '{' && i + 1 < n && s[i + 1] == '{') { lit_put(f, "{", 1); i += 2; continue; }
        if (s[i] == '}' && i + 1 < n && s[i + 1] == '}') { lit_put(f, "}", 1); i += 2; continue; }
        if (s[i] == '}') return f_error(P, f->tok, "single '}' is not allowed");
        if (s[i] == '{') {
            if (f_field(P, f, s, n, &i, raw, depth)) return -1;
            continue;
        }
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}') j++;
        if (raw) lit_put(f, s + i, j - i);
        else {
            size_t un;
            char *u = hx_unescape(s + i, j - i, &un, P->err, f->tok->line, f->tok->col);
            if (!u) return -1;
            lit_put(f, u, un);
            free(u);
        }
        i = j;
    }
    return 0;
}

/* Adjacent literals, at least one an f-string: one E_JOINED (or a str constant) */
static hx_node *p_strings(parser *P) {
    fparts f = {.tok = cur(P)};
    while (is_strtok(cur(P))) {
        hx_tok *t = cur(P);
        if (t->kind == T_STRING) lit_put(&f, t->text, t->len);
        else {
            f.tok = t;
            if (f_body(P, &f, t->text, t->len, t->kind == T_RFSTRING, 0)) { fparts_free(&f); return NULL; }
        }
        P->i++;
    }
    return fparts_node(&f);
}

/* Adjacent bytes literals: one bytes constant (K_BYTES; sval holds the byte values) */
static hx_node *p_bytes(parser *P) {
    hx_node *n = mk(E_CONST, cur(P));
    n->ckind = K_BYTES;
    size_t len = 0, off = 0;
    for (int j = P->i; P->t[j].kind == T_BYTES; j++) len += P->t[j].len;
    if (!(n->sval = malloc(len + 1))) abort();
    for (; cur(P)->kind == T_BYTES; P->i++) {
        memcpy(n->sval + off, cur(P)->text, cur(P)->len);
        off += cur(P)->len;
    }
    n->sval[off] = 0;
    n->slen = off;
    return n;
}

static hx_node *p_atom1(parser *P);
static hx_node *p_atom(parser *P) { return fin(P, p_atom1(P)); }

static hx_node *p_atom1(parser *P) {
    hx_tok *t = cur(P);
    if (failed(P)) return NULL;
    if (t->kind == T_NAME) {
        if (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 || strcmp(t->text, "False") == 0) {
            hx_node *n = mk(E_CONST, t);
            n->ckind = t->text[0] == 'N' ? K_NONE : t->text[0] == 'T' ? K_TRUE : K_FALSE;
            P->i++;
            return n;
        }
        if (unsupported_expr_kw(P)) return NULL;
        if (is_keyword(t->text)) { syntax(P, t, NULL); return NULL; }
        hx_node *n = mk(E_NAME, t);
        n->name = sdup(t->text);
        P->i++;
        return n;
    }
    if (t->kind == T_INT) {
        hx_node *n = mk(E_CONST, t);
        n->ckind = K_INT;
        errno = 0;
        char *end;
        unsigned long long v = strtoull(t->text, &end, 10);
        if (errno || *end || v > (unsigned long long)INT64_MAX) { /* beyond int64: sval keeps the text */
            n->slen = strlen(t->text);
            n->sval = sdup(t->text);
        } else {
            n->ival = (int64_t)v;
        }
        P->i++;
        return n;
    }
    if (t->kind == T_FLOAT || t->kind == T_IMAG) { /* an imaginary literal is complex(0.0, value) */
        hx_node *n = mk(E_CONST, t);
        n->ckind = t->kind == T_IMAG ? K_COMPLEX : K_FLOAT;
        n->fval = strtod(t->text, NULL);
        if (t->kind == T_IMAG) n->imag = n->fval, n->fval = 0.0;
        P->i++;
        return n;
    }
    if (is_strtok(t) || t->kind == T_BYTES) { /* Parser/action_helpers.c _PyPegen_concatenate_strings */
        int nb = 0, ns = 0;
        for (int j = P->i; is_strtok(&P->t[j]) || P->t[j].kind == T_BYTES; j++) P->t[j].kind == T_BYTES ? nb++ : ns++;
        if (nb && ns) { syntax(P, t, "cannot mix bytes and nonbytes literals"); return NULL; }
        if (nb) return p_bytes(P);
    }
    if (is_strtok(t)) { /* adjacent literals with an f-string among them make one joined str */
        for (int j = P->i; is_strtok(&P->t[j]); j++)
            if (P->t[j].kind != T_STRING) return p_strings(P);
    }
    if (t->kind == T_STRING) {
        hx_node *n = mk(E_CONST, t);
        n->ckind = K_STR;
        size_t len = 0;
        int j = P->i;
        while (P->t[j].kind == T_STRING) len += P->t[j++].len;
        n->sval = malloc(len + 1);
        if (!n->sval) abort();
        size_t off = 0;
        while (cur(P)->kind == T_STRING) {
            memcpy(n->sval + off, cur(P)->text, cur(P)->len);
            off += cur(P)->len;
            P->i++;
        }
        n->sval[off] = 0;
        n->slen = off;
        return n;
    }
    if (is_op(t, "(")) {
        P->i++;
        if (is_op(cur(P), ")")) {
            P->i++;
            hx_node *n = mk(E_TUPLE, t);
            return n;
        }
        if (is_kw(cur(P), "yield")) {
            hx_node *y = p_yield(P);
            if (y && expect_op(P, ")") != 0) { hx_node_free(y); return NULL; }
            return y;
        }
        nvec v = {0};
        int comma = 0;
        for (;;) {
            hx_node *e = p_star_item(P, 1);
            if (!e || (v.n == 0 && star_comp(P, e))) {
                hx_node_free(e);
                free_nodes(v.v, v.n);
                return NULL;
            }
            if (v.n == 0 && comp_for(P)) return p_genexp_tail(P, e, t, ")");
            nv_push(&v, e);
            if (is_op(cur(P), ",")) {
                comma = 1;
                P->i++;
                if (is_op(cur(P), ")")) break;
                continue;
            }
            break;
        }
        if (expect_op(P, ")") != 0) { free_nodes(v.v, v.n); return NULL; }
        if (!comma && v.n == 1 && v.v[0]->kind == E_STAR) { /* (*a): invalid_group */
            hx_cerr_set(P->err, v.v[0]->line, v.v[0]->col, "syntax error: cannot use starred expression here");
            free_nodes(v.v, v.n);
            return NULL;
        }
        if (!comma && v.n == 1) {
            hx_node *e = v.v[0];
            free(v.v);
            return e;
        }
        hx_node *n = mk(E_TUPLE, t);
        n->items = v.v;
        n->n = v.n;
        return n;
    }
    if (is_op(t, "[")) {
        P->i++;
        hx_node *n = mk(E_LIST, t);
        if (is_op(cur(P), "]")) { P->i++; return n; }
        nvec v = {0};
        for (;;) {
            hx_node *e = p_star_item(P, 1);
            if (!e) break;
            if (v.n == 0 && star_comp(P, e)) { hx_node_free(e); break; }
            if (v.n == 0 && comp_for(P)) {
                free(n);
                return p_listcomp_tail(P, e, t);
            }
            nv_push(&v, e);
            if (is_op(cur(P), ",")) {
                P->i++;
                if (is_op(cur(P), "]")) break;
                continue;
            }
            break;
        }
        return p_close(P, n, &v, NULL, "]");
    }
    if (is_op(t, "{")) {
        P->i++;
        hx_node *n = mk(E_DICT, t);
        nvec k = {0}, v = {0};
        while (!is_op(cur(P), "}") && !failed(P)) {
            if (is_op(cur(P), "**")) { /* double_starred_kvpair: key NULL, the mapping as the value (as CPython's ast) */
                P->i++;
                hx_node *m = p_bor(P);
                if (!m) break;
                nv_push(&k, NULL);
                nv_push(&v, m);
                if (!is_op(cur(P), ",")) break;
                P->i++;
                continue;
            }
            if (k.n == 0 && is_op(cur(P), "*")) {
                hx_node *first = p_star_item(P, 0);
                if (!first || star_comp(P, first)) { hx_node_free(first); hx_node_free(n); return NULL; }
                hx_node_free(n);
                return p_set_tail(P, first, t);
            }
            hx_node *key = p_test(P);
            if (!key) break;
            if (!is_op(cur(P), ":")) {
                if (k.n == 0 && (is_op(cur(P), ",") || is_op(cur(P), "}") || comp_for(P))) {
                    free(n);
                    return p_set_tail(P, key, t);
                }
                hx_node_free(key);
                syntax(P, cur(P), NULL);
                break;
            }
            P->i++;
            hx_node *val = p_test(P);
            nv_push(&k, key);
            if (!val) break;
            nv_push(&v, val);
            if (k.n == 1 && comp_for(P)) {
                hx_node *dc = mk(E_DICTCOMP, t);
                dc->a = key;
                dc->val = val;
                free(k.v);
                free(v.v);
                free(n);
                return p_comp_clauses(P, dc, "}");
            }
            if (!is_op(cur(P), ",")) break;
            P->i++;
        }
        return p_close(P, n, &k, &v, "}");
    }
    if (is_op(t, "...")) { /* Ellipsis (Grammar/python.gram atom '...'); py27 limits it (resolve.c) */
        hx_node *n = mk(E_CONST, t);
        n->ckind = K_ELLIPSIS;
        P->i++;
        return n;
    }
    if (t->kind == T_INDENT) { syntax(P, t, NULL); return NULL; }
    if (t->kind == T_NEWLINE || t->kind == T_EOF) { syntax(P, t, "invalid syntax (expression expected)"); return NULL; }
    syntax(P, t, NULL);
    return NULL;
}

/* {a, b, ...} (E_SET) or {x for x in it if c} (E_SETCOMP), after the first element */
static hx_node *p_set_tail(parser *P, hx_node *first, hx_tok *start) {
    if (comp_for(P)) return p_listcomp_tail(P, first, start);
    hx_node *n = mk(E_SET, start);
    nvec v = {0};
    nv_push(&v, first);
    while (is_op(cur(P), ",") && !failed(P)) {
        P->i++;
        if (is_op(cur(P), "}")) break;
        hx_node *e = p_star_item(P, 0);
        if (!e) break;
        nv_push(&v, e);
    }
    return p_close(P, n, &v, NULL, "}");
}

/* One `for target in iterable if cond...` clause at the `for` into n (target b, iterable c, ifs items2).
 * 0 or -1. */
static int p_comp_clause(parser *P, hx_node *n) {
    if (is_kw(cur(P), "async")) { unsupported(P, cur(P), "asynchronous comprehension", "for clauses"); return -1; }
    P->i++; /* for */
    n->b = p_exprlist_targets(P);
    if (!n->b) return -1;
    if (!is_kw(cur(P), "in")) { syntax(P, cur(P), "expected 'in'"); return -1; }
    P->i++;
    n->c = p_or(P);
    nvec ifs = {0};
    while (n->c && is_kw(cur(P), "if")) {
        P->i++;
        hx_node *c = p_or(P);
        if (!c) break;
        nv_push(&ifs, c);
    }
    n->items2 = ifs.v;
    n->n2 = ifs.n;
    return failed(P) ? -1 : 0;
}

/* The clauses of comprehension n (its element already in n->a) up to the closer: the first into n itself,
 * each further `for` an E_COMPFOR node in n->items (CPython's comprehension list, in order). */
static hx_node *p_comp_clauses(parser *P, hx_node *n, const char *closer) {
    if (p_comp_clause(P, n) != 0) { hx_node_free(n); return NULL; }
    nvec more = {0};
    while (comp_for(P) && !failed(P)) {
        hx_node *k = mk(E_COMPFOR, cur(P));
        nv_push(&more, k);
        if (p_comp_clause(P, k) != 0) break;
        hx_node *tmp = k->b; /* E_COMPFOR keeps target in a, iterable in b */
        k->a = tmp;
        k->b = k->c;
        k->c = NULL;
    }
    n->items = more.v;
    n->n = more.n;
    if (failed(P) || expect_op(P, closer) != 0) { hx_node_free(n); return NULL; }
    return n;
}

/* [elt for ...] (E_LISTCOMP) or {elt for ...} (E_SETCOMP): start is the opening bracket */
static hx_node *p_listcomp_tail(parser *P, hx_node *elt, hx_tok *start) {
    int set = is_op(start, "{");
    hx_node *n = mk(set ? E_SETCOMP : E_LISTCOMP, start);
    n->a = elt;
    return p_comp_clauses(P, n, set ? "}" : "]");
}

/* (elt for ...): a generator expression; start is the opening parenthesis (or the call's, for f(x for x in y)) */
static hx_node *p_genexp_tail(parser *P, hx_node *elt, hx_tok *start, const char *closer) {
    hx_node *n = mk(E_GENEXP, start);
    n->a = elt;
    return p_comp_clauses(P, n, closer);
}

static hx_node *p_call_args(parser *P, hx_node *fn, hx_tok *t) {
    hx_node *n = mk(E_CALL, t);
    n->a = fn;
    nvec args = {0}, kwv = {0};
    char **kwn = NULL;
    P->i++; /* ( */
    while (!is_op(cur(P), ")") && !failed(P)) {
        hx_tok *at = cur(P);
        if (is_op(at, "**")) { /* **mapping: a keyword entry without a name */
            P->i++;
            hx_node *s = mk(E_DSTAR, at);
            if (!(s->a = p_test(P))) { free(s); break; }
            fin(P, s);
            kwn = realloc(kwn, (size_t)(kwv.n + 1) * sizeof *kwn);
            if (!kwn) abort();
            kwn[kwv.n] = NULL;
            nv_push(&kwv, s);
        } else if (is_op(at, "*")) {
            if (kwv.n && !kwn[kwv.n - 1] ) { syntax(P, at, "iterable argument unpacking follows keyword argument unpacking"); break; }
            P->i++;
            hx_node *s = mk(E_STAR, at);
            s->a = p_test(P);
            fin(P, s);
            nv_push(&args, s);
            if (!s->a) break;
        } else if (at->kind == T_NAME && is_op(peek_at(P, 1), "=")) {
            if (is_keyword(at->text)) { syntax(P, at, NULL); break; }
            P->i += 2;
            hx_node *v = p_test(P);
            if (!v) break;
            kwn = realloc(kwn, (size_t)(kwv.n + 1) * sizeof *kwn);
            if (!kwn) abort();
            kwn[kwv.n] = sdup(at->text);
            nv_push(&kwv, v);
        } else {
            if (kwv.n) {
                int unpack = 0;
                for (int k = 0; k < kwv.n; k++) unpack |= kwn[k] == NULL;
                syntax(P, at, unpack ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument");
                break;
            }
            hx_node *v = p_named(P);
            if (!v) break;
            if (comp_for(P)) { /* f(x for x in it): the sole argument, in the call's parentheses */
                if (args.n || kwv.n) { syntax(P, cur(P), "Generator expression must be parenthesized"); hx_node_free(v); break; }
                hx_node *g = p_genexp_tail(P, v, at, ")");
                if (!g) break;
                g->line = t->line; /* genexp: '(' ... ')', the call's parentheses */
                g->col = t->col;
                fin(P, g);
                nv_push(&args, g);
                P->i--; /* the ')' is taken below */
                break;
            }
            nv_push(&args, v);
        }
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    n->kwnames = kwn;
    return fin(P, p_close(P, n, &args, &kwv, ")"));
}

static int at_close_bracket(parser *P) { return is_op(cur(P), "]"); }

/* A `...` that is the whole subscript or one element of a subscript tuple: the places Python 2.7's
 * grammar (subscript: '.' '.' '.' | test | [test] ':' ...) accepts it (op 1; resolve.c refuses others) */
static void mark_subscript_ellipsis(hx_node *b) {
    if (b && b->kind == E_CONST && b->ckind == K_ELLIPSIS) b->op = 1;
    if (b && b->kind == E_TUPLE)
        for (int i = 0; i < b->n; i++)
            if (b->items[i]->kind == E_CONST && b->items[i]->ckind == K_ELLIPSIS) b->items[i]->op = 1;
}

/* One item of a subscript: an expression, or a slice [test] ':' [test] [':' [test]] */
static hx_node *p_subscript_item(parser *P) {
    hx_node *lo = NULL;
    if (!is_op(cur(P), ":")) {
        lo = p_named(P);
        if (!lo || !is_op(cur(P), ":")) return lo;
    }
    hx_node *s = mk(E_SLICE, cur(P));
    if (lo) s->line = lo->line, s->col = lo->col;
    s->a = lo;
    P->i++;
    if (!is_op(cur(P), "]") && !is_op(cur(P), ":") && !is_op(cur(P), ",")) s->b = p_test(P);
    if (!failed(P) && is_op(cur(P), ":")) {
        P->i++;
        if (!is_op(cur(P), "]") && !is_op(cur(P), ",")) s->c = p_test(P);
    }
    return fin(P, s);
}

static hx_node *p_subscript(parser *P, hx_node *obj, hx_tok *t) {
    hx_node *n = mk(E_SUBSCR, t);
    n->a = obj;
    P->i++; /* [ */
    hx_node *first = p_subscript_item(P);
    if (!first) { hx_node_free(n); return NULL; }
    if (!failed(P) && is_op(cur(P), ",")) { /* a tuple of items, slices among them: x[1:2, 3] */
        hx_node *tu = mk(E_TUPLE, cur(P));
        tu->line = first->line;
        tu->col = first->col;
        n->b = fin(P, p_seq_tail(P, tu, first, at_comma, at_close_bracket, p_subscript_item));
    } else
        n->b = first;
    if (failed(P) || expect_op(P, "]") != 0) { hx_node_free(n); return NULL; }
    mark_subscript_ellipsis(n->b);
    return fin(P, n);
}

static hx_node *p_atom_expr(parser *P) {
    hx_tok *t = cur(P);
    hx_node *e = p_atom(P);
    while (e && !failed(P)) {
        hx_tok *tt = cur(P);
        if (is_op(tt, "(") || is_op(tt, "[")) {
            e = is_op(tt, "(") ? p_call_args(P, e, tt) : p_subscript(P, e, tt);
            if (e) { e->line = t->line; e->col = t->col; }
        }
        else if (is_op(tt, ".")) {
            P->i++;
            if (cur(P)->kind != T_NAME || is_keyword(cur(P)->text)) {
                syntax(P, cur(P), "expected an attribute name after '.'");
                hx_node_free(e);
                return NULL;
            }
            hx_node *a = mk(E_ATTR, tt);
            a->a = e;
            a->name = sdup(cur(P)->text);
            a->line = t->line;
            a->col = t->col;
            P->i++;
            e = fin(P, a);
        } else break;
    }
    return e;
}

static hx_node *p_power(parser *P) {
    hx_tok *t = cur(P);
    if (is_kw(t, "await")) {
        if (!P->fcode || !(P->fcode->co_flags & (HX_CO_COROUTINE | HX_CO_ASYNC_GENERATOR))) {
            syntax(P, t, "'await' outside async function");
            return NULL;
        }
        P->i++;
        hx_node *w = mk(E_AWAIT, t);
        if (enter(P)) { free(w); return NULL; }
        w->a = p_power(P);
        leave(P);
        if (!w->a) { free(w); return NULL; }
        return fin(P, w);
    }
    hx_node *a = p_atom_expr(P);
    if (a && is_op(cur(P), "**")) {
        hx_tok *st = t;
        hx_tok *ot = cur(P);
        P->i++;
        if (enter(P)) { hx_node_free(a); return NULL; }
        hx_node *b = p_factor(P);
        leave(P);
        if (!b) { hx_node_free(a); return NULL; }
        return fin(P, at_start(mk_binop(ot, OP_POW, a, b), st));
    }
    return a;
}

/* Prefix operator at t: takes it, parses the operand with sub one nesting level deeper, and wraps it in a
   node of kind k placed at t. NULL if the operand failed. */
static hx_node *p_prefixed(parser *P, hx_nkind k, hx_tok *t, hx_node *(*sub)(parser *)) {
    P->i++;
    if (enter(P)) return NULL;
    hx_node *a = sub(P);
    leave(P);
    if (!a) return NULL;
    hx_node *n = mk(k, t);
    n->a = a;
    return fin(P, n);
}

static hx_node *p_factor(parser *P) {
    hx_tok *t = cur(P);
    int op = is_op(t, "-") ? OP_NEG : is_op(t, "+") ? OP_POS : is_op(t, "~") ? OP_INVERT : 0;
    if (op) {
        hx_node *n = p_prefixed(P, E_UNARY, t, p_factor);
        if (n) n->op = op;
        return n;
    }
    return p_power(P);
}

typedef struct binlevel { const char *ops[5]; int codes[5]; } binlevel;
static const binlevel levels[] = {
    {{"|"}, {OP_OR}},
    {{"^"}, {OP_XOR}},
    {{"&"}, {OP_AND}},
    {{"<<", ">>"}, {OP_LSHIFT, OP_RSHIFT}},
    {{"+", "-"}, {OP_ADD, OP_SUB}},
    {{"*", "/", "//", "%", "@"}, {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_MATMUL}},
};

static hx_node *p_binlevel(parser *P, int lv) {
    if (lv == (int)(sizeof levels / sizeof levels[0])) return p_factor(P);
    hx_tok *st = cur(P);
    hx_node *a = p_binlevel(P, lv + 1);
    while (a && !failed(P)) {
        hx_tok *t = cur(P);
        int code = 0;
        for (int k = 0; k < 5 && levels[lv].ops[k]; k++)
            if (is_op(t, levels[lv].ops[k])) code = levels[lv].codes[k];
        if (!code) break;
        P->i++;
        hx_node *b = p_binlevel(P, lv + 1);
        if (!b) { hx_node_free(a); return NULL; }
        a = fin(P, at_start(mk_binop(t, code, a, b), st));
    }
    return a;
}

static hx_node *p_bor(parser *P) { return p_binlevel(P, 0); }

static int comp_op(parser *P) {
    hx_tok *t = cur(P);
    if (t->kind == T_OP) {
        static const char *const s[] = {"<", "<=", "==", "!=", ">", ">=", NULL};
        static const int c[] = {CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE};
        for (int i = 0; s[i]; i++)
            if (strcmp(t->text, s[i]) == 0) { P->i++; return c[i]; }
        return 0;
    }
    if (is_kw(t, "in")) { P->i++; return CMP_IN; }
    if (is_kw(t, "not") && is_kw(peek_at(P, 1), "in")) { P->i += 2; return CMP_NOTIN; }
    if (is_kw(t, "is")) {
        P->i++;
        if (is_kw(cur(P), "not")) { P->i++; return CMP_ISNOT; }
        return CMP_IS;
    }
    return 0;
}

static hx_node *p_comparison(parser *P) {
    hx_tok *st = cur(P);
    hx_node *a = p_bor(P);
    if (!a) return NULL;
    hx_tok *t = cur(P);
    int op = comp_op(P);
    if (!op) return a;
    hx_node *n = at_start(mk_over(E_COMPARE, t, a), st);
    nvec v = {0};
    nv_push(&v, a);
    int *ops = NULL, nops = 0;
    while (op) {
        ops = realloc(ops, (size_t)(nops + 1) * sizeof *ops);
        if (!ops) abort();
        ops[nops++] = op;
        hx_node *b = p_bor(P);
        if (!b) break;
        nv_push(&v, b);
        op = comp_op(P);
    }
    n->items = v.v;
    n->n = v.n;
    n->ops = ops;
    if (failed(P)) { hx_node_free(n); return NULL; }
    return fin(P, n);
}

static hx_node *p_not(parser *P) {
    hx_tok *t = cur(P);
    if (is_kw(t, "not")) return p_prefixed(P, E_NOT, t, p_not);
    return p_comparison(P);
}

static int at_and(parser *P) { return is_kw(cur(P), "and"); }
static int at_or(parser *P) { return is_kw(cur(P), "or"); }
static hx_node *p_and(parser *P);

static hx_node *p_boolop(parser *P, int isor) {
    hx_node *(*operand)(parser *) = isor ? p_and : p_not;
    int (*sep)(parser *) = isor ? at_or : at_and;
    hx_tok *st = cur(P);
    hx_node *a = operand(P);
    if (!a || !sep(P)) return a;
    hx_node *n = at_start(mk_over(E_BOOLOP, cur(P), a), st);
    n->op = isor ? BOOL_OR : BOOL_AND;
    return fin(P, p_seq_tail(P, n, a, sep, NULL, operand));
}

static hx_node *p_and(parser *P) { return p_boolop(P, 0); }
static hx_node *p_or(parser *P) { return p_boolop(P, 1); }

static hx_code *new_code(hx_codekind k, const char *name, int line);
static int p_params(parser *P, hx_code *c, const char *closer);

/* lambda params: test -> E_LAMBDA whose unit <lambda> returns the expression */
static hx_node *p_lambda(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *n = mk(E_LAMBDA, t);
    n->code = new_code(CODE_FUNCTION, "<lambda>", t->line);
    if (p_params(P, n->code, ":") != 0 || expect_op(P, ":") != 0) { hx_node_free(n); return NULL; }
    hx_node *r = mk(S_RETURN, t);
    n->code->body = malloc(sizeof *n->code->body);
    if (!n->code->body) abort();
    n->code->body[0] = r;
    n->code->nbody = 1;
    /* The body is the lambda's own function block (symtable_visit_expr, Lambda_kind): a `yield` there makes
     * the lambda a generator function (ste_generator, CO_GENERATOR), and compiler_lambda then returns the body's
     * value from the generator; a lambda is never async, so `await` in it is "'await' outside async function".
     * Defaults (parsed above) still belong to the enclosing function. */
    hx_code *sfc = P->fcode;
    P->fcode = n->code;
    r->a = p_test(P);
    P->fcode = sfc;
    if (!r->a) { hx_node_free(n); return NULL; }
    fin(P, r);
    r->line = r->a->line, r->col = r->a->col; /* the body's return is at the body expression */
    return fin(P, n);
}

static hx_node *p_walrus(parser *P, hx_node *target);

static hx_node *p_test(parser *P) {
    int walrus_ok = P->walrus_ok;
    P->walrus_ok = 0;
    if (failed(P)) return NULL;
    if (enter(P)) return NULL;
    if (is_kw(cur(P), "lambda")) {
        hx_node *l = p_lambda(P);
        leave(P);
        return l;
    }
    if (unsupported_expr_kw(P)) { leave(P); return NULL; }
    hx_tok *st = cur(P);
    hx_node *a = p_or(P);
    if (a && is_kw(cur(P), "if")) {
        hx_tok *t = cur(P);
        P->i++;
        hx_node *n = at_start(mk_over(E_IFEXP, t, a), st);
        n->a = a;
        n->b = p_or(P);
        if (n->b && !is_kw(cur(P), "else")) syntax(P, cur(P), "expected 'else' after 'if' expression");
        if (!failed(P)) {
            P->i++;
            n->c = p_test(P);
        }
        if (failed(P)) { hx_node_free(n); leave(P); return NULL; }
        a = fin(P, n);
    }
    if (a && is_op(cur(P), ":=")) {
        if (walrus_ok) a = p_walrus(P, a);
        else { syntax(P, cur(P), NULL); hx_node_free(a); a = NULL; }
    }
    leave(P);
    return a;
}

/* named_expression (Grammar/python.gram): where the grammar allows `NAME := expression` unparenthesised —
 * if/elif/while conditions, positional call arguments, subscripts, the items of a parenthesised group,
 * tuple or list display, and the element of a comprehension made from them */
static hx_node *p_named(parser *P) {
    P->walrus_ok = 1;
    return p_test(P);
}

/* `target := value` after target: the assignment_expression rule; a target other than a name is
 * invalid_named_expression's "cannot use assignment expressions with ..." */
static hx_node *p_walrus(parser *P, hx_node *target) {
    hx_tok *t = cur(P);
    if (target->kind != E_NAME) {
        const char *what = target->kind == E_CALL ? "function call" : target->kind == E_ATTR ? "attribute"
                           : target->kind == E_SUBSCR ? "subscript" : target->kind == E_CONST ? "literal"
                           : target->kind == E_TUPLE ? "tuple" : target->kind == E_LIST ? "list" : "expression";
        hx_cerr_set(P->err, target->line, target->col, "syntax error: cannot use assignment expressions with %s", what);
        hx_node_free(target);
        return NULL;
    }
    P->i++;
    hx_node *n = mk_over(E_NAMED, t, target);
    n->a = target;
    if (!(n->b = p_test(P))) { hx_node_free(n); return NULL; }
    return fin(P, n);
}

/* After a testlist's trailing comma: end of statement, an assignment operator, or a closing ')' ':' ';'. */
static int at_testlist_end(parser *P) {
    hx_tok *c = cur(P);
    return c->kind == T_NEWLINE || is_op(c, "=") || is_op(c, ")") || is_op(c, ";") || is_op(c, ":") ||
           c->kind == T_EOF || (c->kind == T_OP && strlen(c->text) >= 2 && c->text[strlen(c->text) - 1] == '='
                                && strcmp(c->text, "==") && strcmp(c->text, "<=") && strcmp(c->text, ">=") && strcmp(c->text, "!="));
}

static hx_node *p_testlist_item(parser *P) { return p_star_item(P, 0); }

/* testlist: test (',' test)* [','] -> single node or E_TUPLE */
static hx_node *p_testlist(parser *P) {
    hx_tok *t = cur(P);
    hx_node *a = p_testlist_item(P);
    if (!a || !is_op(cur(P), ",")) return a;
    return fin(P, p_seq_tail(P, mk(E_TUPLE, t), a, at_comma, at_testlist_end, p_testlist_item));
}

static int at_in(parser *P) { return is_kw(cur(P), "in"); }

/* for-targets: stops before 'in' (uses p_bor so 'in' is not taken as comparison) */
/* star_target: '*' bitwise_or (E_STAR, one per tuple: check_target) or bitwise_or */
static hx_node *p_star_target(parser *P) {
    hx_tok *t = cur(P);
    if (!is_op(t, "*")) return p_bor(P);
    P->i++;
    hx_node *s = mk(E_STAR, t);
    if (!(s->a = p_bor(P))) { free(s); return NULL; }
    return fin(P, s);
}

static hx_node *p_exprlist_targets(parser *P) {
    hx_tok *t = cur(P);
    hx_node *a = p_star_target(P);
    if (!a || !is_op(cur(P), ",")) return a;
    return fin(P, p_seq_tail(P, mk(E_TUPLE, t), a, at_comma, at_in, p_star_target));
}

/* ---------------------------------------------------------------- statements */
static int check_target(parser *P, hx_node *t, int del) {
    switch (t->kind) {
    case E_NAME: case E_ATTR: return 0;
    case E_SUBSCR: return 0;
    case E_TUPLE: case E_LIST: {
        if (t->n == 0 && !del) break;
        int stars = 0;
        for (int i = 0; i < t->n; i++) {
            hx_node *e = t->items[i];
            if (e->kind == E_STAR && !del && ++stars > 1) { /* compiler_error in unpack_helper */
                hx_cerr_set(P->err, t->line, t->col, "syntax error: multiple starred expressions in assignment");
                return -1;
            }
            if (check_target(P, e->kind == E_STAR && !del ? e->a : e, del)) return -1; /* a, *b = ...: UNPACK_EX */
        }
        return 0;
    }
    case E_STAR: /* Python/compile.c compiler_visit_expr1, Starred_kind in a Store context */
        hx_cerr_set(P->err, t->line, t->col, del ? "syntax error: cannot delete starred"
                                                  : "syntax error: starred assignment target must be in a list or tuple");
        return -1;
    case E_CALL:
        hx_cerr_set(P->err, t->line, t->col, "syntax error: cannot %s function call", del ? "delete" : "assign to");
        return -1;
    case E_CONST:
        hx_cerr_set(P->err, t->line, t->col, "syntax error: cannot %s literal", del ? "delete" : "assign to");
        return -1;
    default: break;
    }
    hx_cerr_set(P->err, t->line, t->col, "syntax error: cannot %s expression", del ? "delete" : "assign to");
    return -1;
}

static hx_node **p_block(parser *P, int *nout);

static const char *const aug_ops[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=", NULL};
static const int aug_codes[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_MATMUL};

static hx_node *p_annotation(parser *P);

/* annotated_rhs: a yield expression or a testlist */
static hx_node *p_rhs(parser *P) { return is_kw(cur(P), "yield") ? p_yield(P) : p_testlist(P); }

/* `target: annotation [= value]` (PEP 526; the grammar's assignment rule): the target is one name,
 * attribute or subscript; a bare name not in parentheses is "simple" (its annotation is recorded in a
 * module's or class's __annotations__). Takes e; the ':' is the current token. */
static hx_node *p_annassign(parser *P, hx_tok *t, hx_node *e) {
    const char *bad = e->kind == E_TUPLE ? "only single target (not tuple) can be annotated"
                    : e->kind == E_LIST ? "only single target (not list) can be annotated"
                    : e->kind != E_NAME && e->kind != E_ATTR && e->kind != E_SUBSCR ? "illegal target for annotation"
                    : NULL;
    if (bad) {
        hx_cerr_set(P->err, e->line, e->col, "syntax error: %s", bad);
        hx_node_free(e);
        return NULL;
    }
    P->i++;
    hx_node *n = mk(S_ANNASSIGN, t);
    n->a = e;
    n->op = e->kind == E_NAME && !is_op(t, "(");
    n->b = p_annotation(P);
    if (n->b && is_op(cur(P), "=")) {
        P->i++;
        n->c = p_rhs(P);
    }
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

static hx_node *p_expr_stmt(parser *P) {
    hx_tok *t = cur(P);
    hx_node *e = is_kw(t, "yield") ? p_yield(P) : p_testlist(P);
    if (!e) return NULL;
    hx_tok *o = cur(P);
    if (is_op(o, "=")) {
        hx_node *n = mk(S_ASSIGN, t);
        nvec tg = {0};
        nv_push(&tg, e);
        hx_node *val = NULL;
        while (is_op(cur(P), "=") && !failed(P)) {
            P->i++;
            val = is_kw(cur(P), "yield") ? p_yield(P) : p_testlist(P);
            if (!val) break;
            if (is_op(cur(P), "=")) nv_push(&tg, val), val = NULL;
        }
        n->items = tg.v;
        n->n = tg.n;
        n->a = val;
        if (!failed(P))
            for (int i = 0; i < tg.n; i++)
                if (check_target(P, tg.v[i], 0)) break;
        if (failed(P)) { hx_node_free(n); return NULL; }
        return n;
    }
    if (o->kind == T_OP)
        for (int k = 0; aug_ops[k]; k++)
            if (strcmp(o->text, aug_ops[k]) == 0) {
                if (e->kind == E_SUBSCR && e->b && e->b->kind == E_SLICE) {
                    hx_cerr_set(P->err, e->line, e->col, "unsupported augmented slice assignment; supported: slice and item assignment");
                    hx_node_free(e);
                    return NULL;
                }
                if (e->kind != E_NAME && e->kind != E_ATTR && e->kind != E_SUBSCR) {
                    hx_cerr_set(P->err, e->line, e->col, "syntax error: illegal expression for augmented assignment");
                    hx_node_free(e);
                    return NULL;
                }
                P->i++;
                hx_node *n = mk(S_AUG, t);
                n->a = e;
                n->op = aug_codes[k];
                n->b = is_kw(cur(P), "yield") ? p_yield(P) : p_testlist(P);
                if (!n->b) { hx_node_free(n); return NULL; }
                return n;
            }
    if (is_op(o, ":")) return p_annassign(P, t, e);
    hx_node *n = mk(S_EXPR, t);
    n->a = e;
    return n;
}

/* One `name [as bind]` of an import statement: an E_NAME target whose name is the binding and whose sval is
 * the imported name (module for `import`, attribute for `from ... import`). NULL with the error set. */
static hx_node *p_import_alias(parser *P, const char *what) {
    hx_tok *m = cur(P);
    if (m->kind != T_NAME || is_keyword(m->text)) { syntax(P, m, what); return NULL; }
    P->i++;
    hx_node *tg = mk(E_NAME, m);
    tg->sval = sdup(m->text);
    if (is_kw(cur(P), "as")) {
        P->i++;
        if (cur(P)->kind != T_NAME || is_keyword(cur(P)->text)) {
            hx_node_free(tg);
            syntax(P, cur(P), "expected a name after 'as'");
            return NULL;
        }
        tg->name = sdup(cur(P)->text);
        P->i++;
    } else {
        tg->name = sdup(m->text);
    }
    return tg;
}

/* A dotted module name `a.b.c` starting at the current token: a new string, NULL with the error set. The
 * components go to *parts (new array of new strings, *nparts of them) when parts is not NULL. */
static char *p_dotted_name(parser *P, char ***parts, int *nparts) {
    size_t len = 0, cap = 32;
    char *s = malloc(cap);
    if (!s) abort();
    s[0] = 0;
    int k = 0;
    char **v = NULL;
    for (;;) {
        hx_tok *m = cur(P);
        if (m->kind != T_NAME || is_keyword(m->text)) {
            syntax(P, m, "expected a module name");
            for (int i = 0; i < k; i++) free(v[i]);
            free(v);
            free(s);
            return NULL;
        }
        size_t n = strlen(m->text);
        while (len + n + 2 > cap) { cap *= 2; s = realloc(s, cap); if (!s) abort(); }
        if (len) s[len++] = '.';
        memcpy(s + len, m->text, n + 1);
        len += n;
        v = realloc(v, (size_t)(k + 1) * sizeof *v);
        if (!v) abort();
        v[k++] = sdup(m->text);
        P->i++;
        if (!is_op(cur(P), ".")) break;
        P->i++;
    }
    if (parts) { *parts = v; *nparts = k; }
    else { for (int i = 0; i < k; i++) free(v[i]); free(v); }
    return s;
}

/* `import a.b.c [as n], ...`: each item an E_NAME whose sval is the dotted module name and whose name is the
 * binding (`a`, or n); with `as` and a dotted name, kwnames (n2 of them) are the components, which the
 * compiler walks with IMPORT_FROM as compiler_import_as does. Whether the module exists is import.c's. */
static hx_node *p_import(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *n = mk(S_IMPORT, t);
    nvec v = {0};
    for (;;) {
        hx_tok *m = cur(P);
        char **parts = NULL;
        int nparts = 0;
        char *dotted = p_dotted_name(P, &parts, &nparts);
        if (!dotted) break;
        hx_node *tg = mk(E_NAME, m);
        tg->sval = dotted;
        if (is_kw(cur(P), "as")) {
            P->i++;
            if (cur(P)->kind != T_NAME || is_keyword(cur(P)->text)) {
                for (int i = 0; i < nparts; i++) free(parts[i]);
                free(parts);
                hx_node_free(tg);
                syntax(P, cur(P), "expected a name after 'as'");
                break;
            }
            tg->name = sdup(cur(P)->text);
            P->i++;
            if (nparts > 1) { tg->kwnames = parts; tg->n2 = nparts; parts = NULL; nparts = 0; }
        } else {
            tg->name = sdup(parts[0]);
        }
        for (int i = 0; i < nparts; i++) free(parts[i]);
        free(parts);
        nv_push(&v, tg);
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    n->items = v.v;
    n->n = v.n;
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

/* `from [.]*m.n import a [as b], ...` (also in parentheses), `from . import a`, `from m import *`: an S_IMPORT
 * whose sval is the module (dotted, "" for `from . import`), ival the level (leading dots), name the
 * fromlist as IMPORT_NAME gets it (the attribute names joined by ',', or "*"), op 1 for `import *` (no
 * items), else items binding the attributes. */
static hx_node *p_from_import(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    int level = 0;
    for (;;) {
        if (is_op(cur(P), ".")) level++;
        else if (is_op(cur(P), "...")) level += 3;
        else break;
        P->i++;
    }
    char *mod = NULL;
    if (!level || !is_kw(cur(P), "import")) {
        if (!(mod = p_dotted_name(P, NULL, NULL))) return NULL;
    } else {
        mod = sdup("");
    }
    if (!is_kw(cur(P), "import")) { free(mod); syntax(P, cur(P), "expected 'import'"); return NULL; }
    P->i++;
    hx_node *n = mk(S_IMPORT, t);
    n->sval = mod;
    n->ival = level;
    if (is_op(cur(P), "*")) {
        P->i++;
        n->op = 1;
        n->name = sdup("*");
        return n;
    }
    int paren = is_op(cur(P), "(");
    if (paren) P->i++;
    nvec v = {0};
    size_t flen = 0;
    for (;;) {
        hx_node *tg = p_import_alias(P, "expected a name to import");
        if (!tg) break;
        nv_push(&v, tg);
        flen += strlen(tg->sval) + 1;
        if (!is_op(cur(P), ",")) break;
        P->i++;
        if (paren && is_op(cur(P), ")")) break;
    }
    if (!failed(P) && paren) {
        if (is_op(cur(P), ")")) P->i++;
        else syntax(P, cur(P), "expected ')'");
    }
    n->items = v.v;
    n->n = v.n;
    if (failed(P)) { hx_node_free(n); return NULL; }
    n->name = malloc(flen + 1);
    if (!n->name) abort();
    n->name[0] = 0;
    for (int i = 0; i < v.n; i++) {
        if (i) strcat(n->name, ",");
        strcat(n->name, v.v[i]->sval);
    }
    return n;
}


static const char *const future_ok[] = {"print_function", "division", "absolute_import", "annotations", "generator_stop",
                                         "nested_scopes", "generators", "with_statement", NULL};


/* `from __future__ import name[, name]`: only before any other statement of the module (as CPython
 * requires); records RH_FUTURE_* bits in P->future, and is also the import it reads as (compiler_from_import:
 * the __future__ module of the standard library is imported and the names bound). */
static hx_node *p_future(parser *P) {
    hx_tok *t = cur(P);
    int start = P->i;
    if (P->in_func || P->in_class || t->col != 1 || P->nstmts > 0) {
        hx_cerr_set(P->err, t->line, t->col, "syntax error: from __future__ imports must occur at the beginning of the file");
        return NULL;
    }
    P->i += 2;
    if (!is_kw(cur(P), "import")) { syntax(P, cur(P), "expected 'import'"); return NULL; }
    P->i++;
    int paren = is_op(cur(P), "(");
    if (paren) P->i++;
    for (;;) {
        hx_tok *m = cur(P);
        if (m->kind != T_NAME || is_keyword(m->text)) { syntax(P, m, "expected a feature name"); return NULL; }
        int k = 0;
        while (future_ok[k] && strcmp(future_ok[k], m->text) != 0) k++;
        if (!future_ok[k]) {
            hx_cerr_set(P->err, m->line, m->col,
                        "unsupported import 'from __future__ import %s'; supported: print_function, division, absolute_import, annotations, generator_stop, nested_scopes, generators, with_statement",
                        m->text);
            return NULL;
        }
        P->future |= 1u << k;
        P->i++;
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    if (paren) {
        if (!is_op(cur(P), ")")) { syntax(P, cur(P), "expected ')'"); return NULL; }
        P->i++;
    }
    P->i = start;
    return p_from_import(P);
}

static hx_node *p_simple(parser *P) {
    hx_tok *t = cur(P);
    if (t->kind == T_NAME) {
        const char *k = t->text;
        if (!strcmp(k, "pass") || !strcmp(k, "break") || !strcmp(k, "continue")) {
            if (k[0] != 'p' && !P->in_loop) {
                hx_cerr_set(P->err, t->line, t->col, "syntax error: '%s' outside loop", k);
                return NULL;
            }
            P->i++;
            return mk(k[0] == 'p' ? S_PASS : k[0] == 'b' ? S_BREAK : S_CONTINUE, t);
        }
        if (!strcmp(k, "return")) {
            if (!P->in_func) { hx_cerr_set(P->err, t->line, t->col, "syntax error: 'return' outside function"); return NULL; }
            P->i++;
            hx_node *n = mk(S_RETURN, t);
            hx_tok *c = cur(P);
            if (c->kind != T_NEWLINE && !is_op(c, ";") && c->kind != T_EOF) {
                n->a = is_kw(c, "yield") ? p_yield(P) : p_testlist(P);
                if (!n->a) { free(n); return NULL; }
            }
            return n;
        }
        if (!strcmp(k, "global") || !strcmp(k, "nonlocal")) {
            P->i++;
            hx_node *n = mk(k[0] == 'g' ? S_GLOBAL : S_NONLOCAL, t);
            for (;;) {
                if (cur(P)->kind != T_NAME || is_keyword(cur(P)->text)) { syntax(P, cur(P), "expected a name"); break; }
                n->kwnames = realloc(n->kwnames, (size_t)(n->n + 1) * sizeof(char *));
                if (!n->kwnames) abort();
                n->kwnames[n->n++] = sdup(cur(P)->text);
                P->i++;
                if (!is_op(cur(P), ",")) break;
                P->i++;
            }
            if (failed(P)) { hx_node_free(n); return NULL; }
            return n;
        }
        if (!strcmp(k, "del")) {
            P->i++;
            hx_node *n = mk(S_DEL, t);
            nvec v = {0};
            for (;;) {
                hx_node *e = p_bor(P);
                if (!e) break;
                nv_push(&v, e);
                if (check_target(P, e, 1)) break;
                if (!is_op(cur(P), ",")) break;
                P->i++;
                if (cur(P)->kind == T_NEWLINE) break;
            }
            n->items = v.v;
            n->n = v.n;
            if (failed(P)) { hx_node_free(n); return NULL; }
            return n;
        }
        if (!strcmp(k, "import")) return p_import(P);
        if (!strcmp(k, "from")) {
            hx_tok *m = peek_at(P, 1);
            if (m->kind == T_NAME && !strcmp(m->text, "__future__")) return p_future(P);
            return p_from_import(P);
        }
        if (!strcmp(k, "raise")) {
            P->i++;
            hx_node *n = mk(S_RAISE, t);
            if (cur(P)->kind != T_NEWLINE && cur(P)->kind != T_EOF) {
                n->a = p_test(P);
                if (!n->a) { free(n); return NULL; }
                if (is_kw(cur(P), "from")) {
                    P->i++;
                    if (!(n->b = p_test(P))) { hx_node_free(n); return NULL; }
                } else if (is_op(cur(P), ",")) { /* 2.x's `raise T, V[, TB]` (3.x: resolve.c refuses it) */
                    n->op = 1;
                    n->ival = (int64_t)cur(P)->line << 32 | (uint32_t)cur(P)->col;
                    P->i++;
                    if (!(n->c = p_test(P))) { hx_node_free(n); return NULL; }
                    if (is_op(cur(P), ",")) {
                        P->i++;
                        if (!(n->val = p_test(P))) { hx_node_free(n); return NULL; }
                    }
                }
            }
            return n;
        }
        if (!strcmp(k, "assert")) {
            P->i++;
            hx_node *n = mk(S_ASSERT, t);
            if (!(n->a = p_test(P))) { free(n); return NULL; }
            if (is_op(cur(P), ",")) {
                P->i++;
                if (!(n->b = p_test(P))) { hx_node_free(n); return NULL; }
            }
            return n;
        }
        static const char *const unsup[] = {"yield", "await", "with", "try",
                                            "except", "finally", "lambda", "elif", "else", NULL};
        for (int i = 0; unsup[i]; i++)
            if (!strcmp(k, unsup[i])) {
                if (!strcmp(k, "yield") || !strcmp(k, "await")) break; /* expression statements */
                if (!strcmp(k, "lambda")) { unsupported_expr_kw(P); return NULL; }
                if (!strcmp(k, "elif") || !strcmp(k, "else") || !strcmp(k, "except") || !strcmp(k, "finally")) {
                    syntax(P, t, NULL);
                    return NULL;
                }
                hx_cerr_set(P->err, t->line, t->col,
                            "unsupported statement '%s'; supported: assignment, del, if, for, while, def, class, return, global, import, pass, break, continue, raise, try, with, assert",
                            k);
                return NULL;
            }
    }
    return p_expr_stmt(P);
}

static void p_simple_line(parser *P, nvec *out) {
    for (;;) {
        hx_node *s = fin_stmt(P, p_simple(P));
        if (!s) return;
        nv_push(out, s);
        hx_tok *t = cur(P);
        if (t->kind == T_NEWLINE || t->kind == T_EOF) { if (t->kind == T_NEWLINE) P->i++; return; }
        if (is_op(t, ";")) {
            P->i++;
            if (cur(P)->kind == T_NEWLINE) { P->i++; return; }
            continue;
        }
        syntax(P, t, NULL);
        return;
    }
}

static void p_stmt(parser *P, nvec *out);

/* ---------------------------------------------------------------- match statement (PEP 634, 3.10+) */
/* Grammar/python.gram match_stmt / patterns; node shapes in ast.h (P_*). `match`, `case` and `_` are soft
 * keywords: a line starting with `match` is a match statement only when it parses as one (subject, ':',
 * end of line, indented `case` blocks), otherwise it is an ordinary statement (match is a name). */
static hx_node *p_pattern(parser *P);
static hx_node *p_closed_pattern(parser *P);


/* pattern_capture_target: NAME other than `_` not followed by '.', '(' or '=' */
static hx_node *p_capture_name(parser *P) {
    hx_tok *t = cur(P);
    if (t->kind != T_NAME || is_keyword(t->text)) { syntax(P, t, NULL); return NULL; }
    hx_node *n = mk(E_NAME, t);
    n->name = sdup(t->text);
    P->i++;
    return n;
}

static int is_number_tok(const hx_tok *t) { return t->kind == T_INT || t->kind == T_FLOAT || t->kind == T_IMAG; }

/* complex_number: signed_real_number ('+' | '-') imaginary_number, after the real part p->a (its number
 * token real_tok): the BinOp the AST optimizer folds into one complex constant, with the grammar's two
 * errors (Grammar/python.gram real_number / imaginary_number). 0 or -1. */
static int complex_pattern(parser *P, hx_node *p, hx_tok *real_tok) {
    hx_tok *op = cur(P), *num = peek_at(P, 1);
    if (real_tok->kind == T_IMAG) { syntax(P, real_tok, "real number required in complex literal"); return -1; }
    if (!is_number_tok(num)) { syntax(P, num, NULL); return -1; }
    if (num->kind != T_IMAG) { syntax(P, num, "imaginary number required in complex literal"); return -1; }
    P->i++;
    hx_node *e = mk(E_BINOP, op);
    e->op = is_op(op, "+") ? OP_ADD : OP_SUB;
    e->a = p->a;
    e->b = p_atom(P);
    p->a = e;
    return e->b ? 0 : -1;
}

/* signed_number, complex_number, strings, None / True / False: a P_VALUE or P_SINGLETON */
static hx_node *p_literal_pattern(parser *P) {
    hx_tok *t = cur(P), *real_tok = t;
    hx_node *p = mk(P_VALUE, t);
    if (is_op(t, "-")) {
        hx_tok *num = real_tok = peek_at(P, 1);
        if (!is_number_tok(num)) { hx_node_free(p); syntax(P, num, NULL); return NULL; }
        P->i++;
        hx_node *u = mk(E_UNARY, t);
        u->op = OP_NEG;
        u->a = p_atom(P);
        p->a = u;
    } else {
        if (is_strtok(t))
            for (int j = P->i; is_strtok(&P->t[j]); j++)
                if (P->t[j].kind != T_STRING) {
                    hx_node_free(p);
                    syntax(P, &P->t[j], "patterns may only match literals and attribute lookups");
                    return NULL;
                }
        p->a = p_atom(P);
        if (p->a && p->a->kind == E_CONST && (p->a->ckind == K_NONE || p->a->ckind == K_TRUE || p->a->ckind == K_FALSE))
            p->kind = P_SINGLETON;
    }
    if (!p->a) { hx_node_free(p); return NULL; }
    if ((is_op(cur(P), "+") || is_op(cur(P), "-")) && (!is_number_tok(real_tok) || complex_pattern(P, p, real_tok))) {
        if (!failed(P)) syntax(P, cur(P), NULL);
        hx_node_free(p);
        return NULL;
    }
    return p;
}

/* '(' / '[' patterns ')' / ']': a group (one pattern, no comma, parentheses) or a P_SEQ */
static hx_node *p_seq_pattern(parser *P) {
    hx_tok *t = cur(P);
    const char *closer = is_op(t, "(") ? ")" : "]";
    P->i++;
    hx_node *seq = mk(P_SEQ, t);
    nvec v = {0};
    int comma = 0;
    while (!failed(P) && !is_op(cur(P), closer)) {
        hx_node *e = p_pattern(P);
        if (!e) break;
        nv_push(&v, e);
        if (!is_op(cur(P), ",")) break;
        comma = 1;
        P->i++;
    }
    if (!failed(P) && closer[0] == ')' && v.n == 1 && !comma && v.v[0]->kind != P_STAR) { /* group_pattern */
        hx_node *g = v.v[0];
        free(v.v);
        hx_node_free(seq);
        if (expect_op(P, ")") != 0) { hx_node_free(g); return NULL; }
        return g;
    }
    return p_close(P, seq, &v, NULL, closer);
}

/* '{' (key ':' pattern | '**' NAME) , ... '}' */
static hx_node *p_map_pattern(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *m = mk(P_MAP, t);
    nvec keys = {0}, vals = {0};
    while (!failed(P) && !is_op(cur(P), "}")) {
        if (is_op(cur(P), "**")) {
            P->i++;
            hx_tok *nt = cur(P);
            if (nt->kind == T_NAME && !strcmp(nt->text, "_")) { syntax(P, nt, NULL); break; }
            if (!(m->b = p_capture_name(P))) break;
            if (is_op(cur(P), ",")) P->i++;
            if (!is_op(cur(P), "}")) syntax(P, cur(P), NULL);
            break;
        }
        hx_tok *kt = cur(P);
        hx_node *k;
        if (kt->kind == T_NAME && strcmp(kt->text, "None") && strcmp(kt->text, "True") && strcmp(kt->text, "False")) {
            hx_node *vp = p_closed_pattern(P);
            if (!vp) break;
            if (vp->kind != P_VALUE) {
                hx_node_free(vp);
                syntax(P, kt, NULL);
                break;
            }
            k = vp;
        } else {
            if (!(k = p_literal_pattern(P))) break;
        }
        hx_node *ke = k->a; /* the key expression itself */
        k->a = NULL;
        hx_node_free(k);
        nv_push(&keys, ke);
        if (expect_op(P, ":") != 0) break;
        hx_node *vp = p_pattern(P);
        if (!vp) break;
        nv_push(&vals, vp);
        if (vp->kind == P_STAR) { syntax(P, &P->t[P->i - 1], NULL); break; }
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    if (keys.n != vals.n && !failed(P)) syntax(P, cur(P), NULL);
    if (keys.n != vals.n) { free_nodes(keys.v, keys.n); free_nodes(vals.v, vals.n); hx_node_free(m); return NULL; }
    return p_close(P, m, &keys, &vals, "}");
}

/* class_pattern's arguments after '(': positional patterns, then NAME '=' pattern */
static hx_node *p_class_pattern(parser *P, hx_node *cls) {
    hx_node *c = mk(P_CLASS, cur(P));
    c->line = cls->line;
    c->col = cls->col;
    c->a = cls;
    P->i++;
    nvec pos = {0}, kw = {0};
    char **kwn = NULL;
    while (!failed(P) && !is_op(cur(P), ")")) {
        if (cur(P)->kind == T_NAME && is_op(peek_at(P, 1), "=")) {
            hx_tok *at = cur(P);
            P->i += 2;
            hx_node *v = p_pattern(P);
            if (!v) break;
            kwn = realloc(kwn, (size_t)(kw.n + 1) * sizeof *kwn);
            if (!kwn) abort();
            kwn[kw.n] = sdup(at->text);
            nv_push(&kw, v);
            if (v->kind == P_STAR) { syntax(P, v->b ? &P->t[P->i - 1] : cur(P), NULL); break; }
        } else {
            hx_tok *pt = cur(P);
            hx_node *v = p_pattern(P);
            if (!v) break;
            if (v->kind == P_STAR) { hx_node_free(v); syntax(P, pt, NULL); break; }
            if (kw.n) { /* invalid_class_pattern */
                hx_node_free(v);
                syntax(P, pt, "positional patterns follow keyword patterns");
                break;
            }
            nv_push(&pos, v);
        }
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    c->kwnames = kwn;
    return p_close(P, c, &pos, &kw, ")");
}

/* closed_pattern */
static hx_node *p_closed_pattern(parser *P) {
    hx_tok *t = cur(P);
    if (failed(P)) return NULL;
    if (enter(P)) return NULL;
    hx_node *r = NULL;
    if (is_op(t, "(") || is_op(t, "[")) r = p_seq_pattern(P);
    else if (is_op(t, "{")) r = p_map_pattern(P);
    else if (is_op(t, "-") || is_number_tok(t) || t->kind == T_BYTES || is_strtok(t))
        r = p_literal_pattern(P);
    else if (t->kind == T_NAME && (!strcmp(t->text, "None") || !strcmp(t->text, "True") || !strcmp(t->text, "False")))
        r = p_literal_pattern(P);
    else if (t->kind == T_NAME && !is_keyword(t->text)) {
        /* name_or_attr: NAME ('.' NAME)* */
        hx_node *e = p_capture_name(P);
        int dotted = 0;
        while (e && is_op(cur(P), ".")) {
            P->i++;
            hx_tok *nt = cur(P);
            if (nt->kind != T_NAME) { syntax(P, nt, NULL); hx_node_free(e); e = NULL; break; }
            hx_node *a = mk_over(E_ATTR, nt, e);
            a->a = e;
            a->name = sdup(nt->text);
            P->i++;
            e = a;
            dotted = 1;
        }
        if (!e) r = NULL;
        else if (is_op(cur(P), "(")) r = p_class_pattern(P, e);
        else if (dotted) { r = mk_over(P_VALUE, t, e); r->a = e; }
        else {
            r = mk(P_AS, t);
            if (strcmp(e->name, "_") == 0) hx_node_free(e); /* wildcard_pattern */
            else r->b = e;                               /* capture_pattern */
        }
    } else syntax(P, t, NULL);
    leave(P);
    return r;
}

/* or_pattern ['as' NAME] */
static hx_node *p_pattern(parser *P) {
    hx_tok *t = cur(P);
    if (is_op(t, "*")) { /* star_pattern (only inside a sequence pattern: compile.c checks) */
        P->i++;
        hx_node *s = mk(P_STAR, t);
        hx_tok *nt = cur(P);
        if (nt->kind != T_NAME) { syntax(P, nt, NULL); hx_node_free(s); return NULL; }
        if (strcmp(nt->text, "_")) { if (!(s->b = p_capture_name(P))) { hx_node_free(s); return NULL; } }
        else P->i++;
        return s;
    }
    hx_node *first = p_closed_pattern(P);
    if (!first) return NULL;
    if (is_op(cur(P), "|")) {
        hx_node *o = mk(P_OR, t);
        nvec v = {0};
        nv_push(&v, first);
        while (!failed(P) && is_op(cur(P), "|")) {
            P->i++;
            hx_node *e = p_closed_pattern(P);
            if (!e) break;
            nv_push(&v, e);
        }
        o->items = v.v;
        o->n = v.n;
        if (failed(P)) { hx_node_free(o); return NULL; }
        first = o;
    }
    if (is_kw(cur(P), "as")) {
        P->i++;
        hx_tok *nt = cur(P);
        if (nt->kind == T_NAME && !strcmp(nt->text, "_")) { /* invalid_as_pattern */
            syntax(P, nt, "cannot use '_' as a target");
            hx_node_free(first);
            return NULL;
        }
        hx_node *name = p_capture_name(P);
        if (!name) { hx_node_free(first); return NULL; }
        hx_node *as = mk(P_AS, t);
        as->a = first;
        as->b = name;
        return as;
    }
    return first;
}

/* patterns: open_sequence_pattern (a, b, *c without brackets) | pattern */
static hx_node *p_patterns(parser *P) {
    hx_tok *t = cur(P);
    hx_node *first = p_pattern(P);
    if (!first) return NULL;
    if (!is_op(cur(P), ",")) {
        if (first->kind == P_STAR) { /* open_sequence_pattern needs a comma after a lone star */
            syntax(P, cur(P), NULL);
            hx_node_free(first);
            return NULL;
        }
        return first;
    }
    hx_node *seq = mk(P_SEQ, t);
    nvec v = {0};
    nv_push(&v, first);
    while (!failed(P) && is_op(cur(P), ",")) {
        P->i++;
        if (is_op(cur(P), ":") || is_kw(cur(P), "if")) break;
        hx_node *e = p_pattern(P);
        if (!e) break;
        nv_push(&v, e);
    }
    seq->items = v.v;
    seq->n = v.n;
    if (failed(P)) { hx_node_free(seq); return NULL; }
    return seq;
}

/* case_block: "case" patterns guard? ':' block */
static hx_node *p_case(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *c = mk(S_CASE, t);
    if (!(c->a = p_patterns(P))) { hx_node_free(c); return NULL; }
    if (is_kw(cur(P), "if")) {
        P->i++;
        if (!(c->b = p_named(P))) { hx_node_free(c); return NULL; }
    }
    c->items = p_block(P, &c->n);
    if (failed(P)) { hx_node_free(c); return NULL; }
    return c;
}

/* The subject (subject_expr: star_named_expression ',' star_named_expressions? | named_expression) then
 * ':' NEWLINE INDENT, or NULL without an error when the line is not a match statement. */
static hx_node *p_match_head(parser *P) {
    int save = P->i;
    hx_tok *t = cur(P);
    P->i++;
    hx_cerr saved = *P->err;
    hx_node *subj = p_star_item(P, 1);
    if (subj && is_op(cur(P), ",")) {
        hx_node *tup = mk_over(E_TUPLE, t, subj);
        subj = p_seq_tail(P, tup, subj, at_comma, at_testlist_end, p_testlist_item);
    }
    if (!failed(P) && subj && subj->kind != E_STAR && is_op(cur(P), ":") && peek_at(P, 1)->kind == T_NEWLINE &&
        peek_at(P, 2)->kind == T_INDENT)
        return subj;
    hx_node_free(subj);
    *P->err = saved;
    P->i = save;
    return NULL;
}

static hx_node *p_match(parser *P) {
    hx_tok *t = cur(P);
    hx_node *subj = p_match_head(P);
    if (!subj) return NULL;
    hx_node *m = mk(S_MATCH, t);
    m->a = subj;
    P->i += 3; /* ':' NEWLINE INDENT */
    nvec v = {0};
    while (!failed(P) && cur(P)->kind != T_DEDENT && cur(P)->kind != T_EOF) {
        if (!is_kw(cur(P), "case")) { syntax(P, cur(P), NULL); break; }
        hx_node *c = p_case(P);
        if (!c) break;
        nv_push(&v, c);
    }
    if (!failed(P) && cur(P)->kind == T_DEDENT) P->i++;
    m->items = v.v;
    m->n = v.n;
    if (failed(P)) { hx_node_free(m); return NULL; }
    return m;
}

static hx_node *p_if(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *n = mk(S_IF, t);
    n->a = p_named(P);
    if (!n->a) { free(n); return NULL; }
    n->items = p_block(P, &n->n);
    if (failed(P)) { hx_node_free(n); return NULL; }
    if (is_kw(cur(P), "elif")) {
        hx_node *e = p_if(P);
        if (!e) { hx_node_free(n); return NULL; }
        n->items2 = malloc(sizeof(hx_node *));
        if (!n->items2) abort();
        n->items2[0] = e;
        n->n2 = 1;
    } else if (is_kw(cur(P), "else")) {
        P->i++;
        n->items2 = p_block(P, &n->n2);
        if (failed(P)) { hx_node_free(n); return NULL; }
    }
    return n;
}

/* A block kept as a node of its own (try's else and finally bodies). */
static hx_node *p_block_node(parser *P, hx_tok *t) {
    hx_node *b = mk(S_BLOCK, t);
    P->i++;
    b->items = p_block(P, &b->n);
    if (failed(P)) { hx_node_free(b); return NULL; }
    return b;
}

/* try: body (except [test [as NAME]]: body)* [else: body] [finally: body]
 *   S_TRY items=body items2=S_EXCEPT clauses b=else S_BLOCK c=finally S_BLOCK; S_EXCEPT a=type name items
 *   (op 1: 2.x's `except T, name`, ival the comma's line << 32 | column) */
static hx_node *p_try(parser *P) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *n = mk(S_TRY, t);
    n->items = p_block(P, &n->n);
    nvec h = {0};
    while (!failed(P) && is_kw(cur(P), "except")) {
        hx_tok *et = cur(P);
        P->i++;
        hx_node *e = mk(S_EXCEPT, et);
        nv_push(&h, e);
        if (is_op(cur(P), "*")) { unsupported(P, cur(P), "'except*'", "except Type as name"); break; }
        if (!is_op(cur(P), ":")) {
            if (!(e->a = p_test(P))) break;
            if (is_op(cur(P), ",") && peek_at(P, 1)->kind == T_NAME && !is_keyword(peek_at(P, 1)->text) &&
                is_op(peek_at(P, 2), ":")) { /* 2.x's `except T, name` (3.x: resolve.c refuses it) */
                e->op = 1;
                e->ival = (int64_t)cur(P)->line << 32 | (uint32_t)cur(P)->col;
                P->i++;
                e->name = sdup(cur(P)->text);
                P->i++;
            } else if (is_op(cur(P), ",")) { syntax(P, cur(P), "multiple exception types must be parenthesized"); break; }
            else if (is_kw(cur(P), "as")) {
                P->i++;
                if (cur(P)->kind != T_NAME || is_keyword(cur(P)->text)) { syntax(P, cur(P), "expected a name"); break; }
                e->name = sdup(cur(P)->text);
                P->i++;
            }
        }
        e->items = p_block(P, &e->n);
        fin_stmt(P, e);
    }
    n->items2 = h.v;
    n->n2 = h.n;
    if (!failed(P) && is_kw(cur(P), "else")) {
        if (!n->n2) syntax(P, cur(P), NULL);
        else n->b = p_block_node(P, cur(P));
    }
    if (!failed(P) && is_kw(cur(P), "finally")) n->c = p_block_node(P, cur(P));
    if (!failed(P) && !n->n2 && !n->c) syntax(P, cur(P), "expected 'except' or 'finally' block");
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

/* with item (, item)*: body — several items are nested statements, as CPython compiles them.
 *   S_WITH a=context expression b=target (or NULL) items=body; op=1: `async with` (each item) */
static hx_node *p_with_items(parser *P, hx_tok *t, int async) {
    hx_node *n = mk(S_WITH, t);
    n->op = async;
    if (!(n->a = p_test(P))) { free(n); return NULL; }
    if (is_kw(cur(P), "as")) { /* with_item: expression 'as' star_target: one target, the comma is the next item's */
        P->i++;
        n->b = p_bor(P);
        if (!n->b || check_target(P, n->b, 0)) { hx_node_free(n); return NULL; }
    }
    if (is_op(cur(P), ",")) {
        P->i++;
        hx_node *inner = p_with_items(P, t, async);
        if (!inner) { hx_node_free(n); return NULL; }
        n->items = malloc(sizeof(hx_node *));
        if (!n->items) abort();
        n->items[0] = inner;
        n->n = 1;
        return n;
    }
    n->items = p_block(P, &n->n);
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

static hx_node *p_with(parser *P, int async) {
    hx_tok *t = cur(P);
    P->i++;
    return p_with_items(P, t, async);
}

static hx_node *p_loop(parser *P, int isfor) {
    hx_tok *t = cur(P);
    P->i++;
    hx_node *n = mk(isfor ? S_FOR : S_WHILE, t);
    if (isfor) {
        n->a = p_exprlist_targets(P);
        if (n->a && check_target(P, n->a, 0)) { hx_node_free(n); return NULL; }
        if (n->a && !is_kw(cur(P), "in")) syntax(P, cur(P), "expected 'in'");
        if (!failed(P)) { P->i++; n->b = p_testlist(P); }
    } else {
        n->a = p_named(P);
    }
    if (failed(P)) { hx_node_free(n); return NULL; }
    int saved = P->in_loop;
    P->in_loop = 1;
    n->items = p_block(P, &n->n);
    P->in_loop = saved;
    if (!failed(P) && is_kw(cur(P), "else")) {
        P->i++;
        n->items2 = p_block(P, &n->n2);
    }
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

static hx_code *new_code(hx_codekind k, const char *name, int line) {
    hx_code *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->kind = k;
    c->name = sdup(name);
    c->qualname = sdup(name);
    c->line = line;
    return c;
}

/* Takes the 'def' or 'class' keyword and returns the name token after it (not yet taken), or NULL with
   "expected a <what> name" if there is none. */
static hx_tok *p_decl_name(parser *P, const char *expected) {
    P->i++;
    hx_tok *nt = cur(P);
    if (nt->kind != T_NAME || is_keyword(nt->text)) { syntax(P, nt, expected); return NULL; }
    return nt;
}

/* Takes the name token nt and makes the def/class node of kind k at keyword t, with its code object. */
static hx_node *mk_decl(parser *P, hx_nkind k, hx_codekind ck, hx_tok *t, hx_tok *nt) {
    P->i++;
    hx_node *n = mk(k, t);
    n->name = sdup(nt->text);
    n->code = new_code(ck, nt->text, t->line);
    n->code->future = P->future; /* future imports come first: the module's bits are final here */
    return n;
}

/* Parses the block of def/class node n into its code object inside the given context (not in a loop),
   restoring the enclosing context after. Frees n and returns NULL if the parse failed. */
static hx_node *p_decl_body(parser *P, hx_node *n, int in_func, int in_class) {
    int sf = P->in_func, sl = P->in_loop, sc = P->in_class;
    hx_code *sfc = P->fcode;
    P->fcode = in_func ? n->code : NULL;
    P->in_func = in_func;
    P->in_loop = 0;
    P->in_class = in_class;
    n->code->body = p_block(P, &n->code->nbody);
    P->in_func = sf;
    P->in_loop = sl;
    P->in_class = sc;
    P->fcode = sfc;
    if (failed(P)) { hx_node_free(n); return NULL; }
    return n;
}

/* An annotation (PEP 3107 / 526): the expression, or under `from __future__ import annotations` (PEP 563)
 * the str constant of its text as Python/ast_unparse.c writes it (compiler_visit_annexpr). New node or
 * NULL with the error set. */
static hx_node *p_annotation(parser *P) {
    hx_node *e = p_test(P);
    if (!e || !(P->future & RH_FUTURE_ANNOTATIONS)) return e;
    char *text = hx_unparse(e);
    if (!text) {
        hx_cerr_set(P->err, e->line, e->col, "unsupported annotation expression under 'from __future__ import annotations'");
        hx_node_free(e);
        return NULL;
    }
    hx_node *k = calloc(1, sizeof *k);
    if (!k) abort();
    k->kind = E_CONST;
    k->line = e->line;
    k->col = e->col;
    k->slot = -1;
    k->ckind = K_STR;
    k->sval = text;
    k->slen = strlen(text);
    hx_node_free(e);
    return k;
}

/* One parameter name at pt: checked for keywords and duplicates, appended to c->params; in a def (not a
 * lambda) its annotation `: expr` goes to *ann (NULL when none). 0 or -1. */
static int p_param_name(parser *P, hx_code *c, int nbefore, hx_node **ann) {
    *ann = NULL;
    hx_tok *pt = cur(P);
    if (pt->kind != T_NAME || is_keyword(pt->text)) { syntax(P, pt, "expected a parameter name"); return -1; }
    for (int i = 0; i < nbefore; i++)
        if (!strcmp(c->params[i], pt->text)) {
            hx_cerr_set(P->err, pt->line, pt->col, "syntax error: duplicate argument '%s' in function definition", pt->text);
            return -1;
        }
    c->params = realloc(c->params, (size_t)(nbefore + 1) * sizeof(char *));
    if (!c->params) abort();
    c->params[nbefore] = sdup(pt->text);
    P->i++;
    if (is_op(cur(P), ":") && strcmp(P->closer, ":") != 0) {
        P->i++;
        *ann = p_annotation(P);
        if (!*ann) {
            free(c->params[nbefore]); /* not counted yet */
            c->params[nbefore] = NULL;
            return -1;
        }
    }
    return 0;
}

/* A parameter list up to `closer` (")" for def, ":" for lambda), as the grammar's parameters rule:
 * positional names with defaults, `/`, `*` or `*args`, keyword-only names (defaults in any order),
 * `**kwargs` last. Fills c->params (positional, keyword-only, *args, **kwargs), nparams, nposonly,
 * defaults, nkwonly, kwdefaults, varargs, varkw. 0 or -1 with the error set. */
static int p_params(parser *P, hx_code *c, const char *closer) {
    nvec defs = {0}, kwdefs = {0}, anns = {0}; /* anns: the annotation of each counted name, in order */
    char *star = NULL, *dstar = NULL;
    hx_node *star_ann = NULL, *dstar_ann = NULL, *ann = NULL;
    int stage = 0; /* 0 positional, 1 keyword-only (after * or *args) */
    const char *saved = P->closer;
    P->closer = closer;
    while (!is_op(cur(P), closer) && !failed(P)) {
        hx_tok *pt = cur(P);
        int nall = c->nparams + c->nkwonly;
        if (dstar) { syntax(P, pt, "arguments cannot follow var-keyword argument"); break; }
        if (is_op(pt, "/")) {
            if (stage || c->nposonly || c->nparams == 0) {
                syntax(P, pt, c->nparams == 0 ? "at least one argument must precede /" : "/ must be ahead of *");
                break;
            }
            c->nposonly = c->nparams;
            P->i++;
        } else if (is_op(pt, "**")) {
            P->i++;
            if (p_param_name(P, c, nall, &dstar_ann) != 0) break;
            dstar = c->params[nall];
            c->params[nall] = NULL;
        } else if (is_op(pt, "*")) {
            if (stage) { syntax(P, pt, "* argument may appear only once"); break; }
            stage = 1;
            P->i++;
            if (cur(P)->kind == T_NAME) {
                if (p_param_name(P, c, nall, &star_ann) != 0) break;
                star = c->params[nall];
                c->params[nall] = NULL;
            } else if (is_op(cur(P), closer) || (is_op(cur(P), ",") && is_op(peek_at(P, 1), closer))) {
                syntax(P, pt, "named arguments must follow bare *");
                break;
            }
        } else {
            if (p_param_name(P, c, nall, &ann) != 0) break;
            hx_node *d = NULL;
            if (is_op(cur(P), "=")) {
                P->i++;
                d = p_test(P);
            } else if (!stage && defs.n) {
                syntax(P, pt, "non-default argument follows default argument");
            }
            if (failed(P)) { /* the name is not counted yet: drop it */
                free(c->params[nall]);
                c->params[nall] = NULL;
                hx_node_free(ann);
                break;
            }
            nv_push(&anns, ann);
            if (stage) {
                c->nkwonly++;
                nv_push(&kwdefs, d);
            } else {
                c->nparams++;
                if (d) nv_push(&defs, d);
            }
        }
        if (!is_op(cur(P), ",")) break;
        P->i++;
    }
    P->closer = saved;
    /* the star names go after the keyword-only ones (co_varnames order) */
    int nall = c->nparams + c->nkwonly;
    c->params = realloc(c->params, (size_t)(nall + 2) * sizeof(char *));
    if (!c->params) abort();
    if (star) { c->params[nall++] = star; c->varargs = 1; }
    if (dstar) { c->params[nall++] = dstar; c->varkw = 1; }
    c->defaults = defs.v;
    c->ndefaults = defs.n;
    c->kwdefaults = kwdefs.v;
    if (kwdefs.n < c->nkwonly) { /* an error stopped the list: no half-counted keyword-only entry */
        c->nkwonly = kwdefs.n;
    }
    /* the annotations in params order (the star names' after the keyword-only ones) */
    int any = star_ann || dstar_ann;
    for (int i = 0; i < anns.n; i++) any |= anns.v[i] != NULL;
    if (any) {
        int k = 0;
        c->annots = calloc((size_t)hx_code_nallparams(c) + 1, sizeof *c->annots);
        if (!c->annots) abort();
        for (int i = 0; i < anns.n && k < c->nparams + c->nkwonly; i++) c->annots[k++] = anns.v[i], anns.v[i] = NULL;
        k = c->nparams + c->nkwonly;
        if (star) c->annots[k++] = star_ann, star_ann = NULL;
        if (dstar) c->annots[k++] = dstar_ann, dstar_ann = NULL;
    }
    free_nodes(anns.v, anns.n);
    hx_node_free(star_ann);
    hx_node_free(dstar_ann);
    return failed(P) ? -1 : 0;
}

/* Special methods only Python code calls, by name (Lib/copy.py, Lib/copyreg.py, Lib/pickle.py look them up
 * with getattr; Lib/dataclasses.py's __init__ calls self.__post_init__; Lib/typing.py's own protocol): defining one is an ordinary method, nothing in the core calls it implicitly. */
static int called_by_name_only(const char *name) {
    static const char *const names[] = {"__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__copy__",
                                        "__deepcopy__", "__getnewargs__", "__getnewargs_ex__", "__getinitargs__",
                                        "__isabstractmethod__", /* Lib/abc.py, functools: getattr by name */
                                        "__post_init__", /* Lib/dataclasses.py's generated __init__ */
                                        "__create_fn__", /* 3.13's dataclasses: a function it names so */
                                        /* Lib/typing.py reads these by name (PEP 646's substitution protocol),
                                         * and names a decorated method __getitem_inner__ */
                                        "__typing_subst__", "__typing_prepare_subst__", "__typing_unpacked_tuple_args__",
                                        "__typing_is_unpacked_typevartuple__", "__getitem_inner__", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], name)) return 1;
    return 0;
}

/* Special methods a built-in function finds with _PyObject_LookupSpecial (rh_call_special) and calls:
 * math.trunc/floor/ceil (mod_math.c), round and reversed (builtins_iter.c, t_enumerate.c), bytes()
 * (builtins_bytes.c), sys.getsizeof (modules.c), the list and tuple constructors' PyObject_LengthHint
 * (__length_hint__, abstract.c rh_length_hint); and two whose only callers refheap does not have yet:
 * os.fspath in C (Lib/os.py falls back to its Python _fspath, which calls __fspath__ by name) and complex()
 * (not a refheap built-in, so nothing calls __complex__ implicitly). */
static int looked_up_by_builtins(const char *name) {
    static const char *const names[] = {"__trunc__", "__floor__", "__ceil__", "__round__", "__reversed__",
                                        "__bytes__", "__sizeof__", "__length_hint__", "__fspath__", "__complex__", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], name)) return 1;
    return 0;
}

/* Special methods type_new, type_call, builtin___build_class__, PyObject_GetItem and PyObject_IsInstance /
 * IsSubclass reach themselves (vm.c instantiate, build_class and its update_bases, hx_subscr; typeobj.c):
 * __new__, __init_subclass__, __set_name__, __class_getitem__, __prepare__, __mro_entries__ (PEP 560),
 * __instancecheck__, __subclasscheck__; and dict_subscript (t_dict.c) a dict subclass's __missing__ */
static int class_machinery(const char *name) {
    static const char *const names[] = {"__new__", "__init_subclass__", "__set_name__", "__class_getitem__",
                                        "__prepare__", "__mro_entries__", "__instancecheck__", "__subclasscheck__",
                                        "__subclasshook__", "__missing__", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], name)) return 1;
    return 0;
}

/* Special methods a built-in reaches by name (dir(): object___dir___impl's caller builtin_dir looks up
 * __dir__), and the am_await / am_aiter / am_anext and async-with ones (Objects/typeobject.c slotdefs
 * AMSLOT rows; Python/ceval.c BEFORE_ASYNC_WITH): defining one makes an ordinary method, which await,
 * async for and async with look up by name (vm.c get_awaitable, get_aiter, get_anext, before_async_with). */
static int called_by_builtins(const char *name) {
    static const char *const names[] = {"__dir__", "__aenter__", "__aexit__", "__aiter__", "__anext__", "__await__",
                                        "__members__", /* not a special method: Lib/enum.py's property */
                                        "__parameters__", /* nor this: 3.10's _collections_abc property */
                                        "__signature__", /* nor this: inspect.signature reads it (3.12's enum) */
                                        /* PEP 688 (3.12): Lib/_collections_abc.py's Buffer defines them;
                                         * refheap's buffer protocol does not call them (docs/conformance.md) */
                                        "__buffer__", "__release_buffer__", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], name)) return 1;
    return 0;
}

static hx_node *p_def(parser *P) {
    hx_tok *t = cur(P);
    hx_tok *nt = p_decl_name(P, "expected a function name");
    if (!nt) return NULL;
    /* Special methods the library's slot wrappers call (rh_special_method_dispatched) are the data model.
     * Under py27 a class defining another of 2.7's (__cmp__, __coerce__, __getslice__ ...) would silently
     * behave as if it had none, so the resolver refuses it (r_stmt S_DEF) where this marks it. Under 3.x every
     * special method CPython 3 calls is dispatched or listed below, and any other dunder (__cmp__,
     * __html__ ...) is an ordinary method, as in CPython 3. */
    size_t nl = strlen(nt->text);
    int undispatched = P->in_class && nl > 4 && !strncmp(nt->text, "__", 2) && !strcmp(nt->text + nl - 2, "__") &&
        !rh_special_method_dispatched(nt->text) && strcmp(nt->text, "__enter__") != 0 &&
        strcmp(nt->text, "__exit__") != 0 && /* the with statement calls these two */
        strcmp(nt->text, "__format__") != 0 && /* format(), str.format: hx_format (builtins_fmt.c) */
        !called_by_name_only(nt->text) && !class_machinery(nt->text) && !looked_up_by_builtins(nt->text) &&
        !called_by_builtins(nt->text);
    hx_node *n = mk_decl(P, S_DEF, CODE_FUNCTION, t, nt);
    hx_code *c = n->code;
    if (c && undispatched) c->dunder_line = nt->line, c->dunder_col = nt->col;
    if (P->next_async) c->co_flags |= HX_CO_COROUTINE;
    P->next_async = 0;
    if (expect_op(P, "(") != 0) { hx_node_free(n); return NULL; }
    if (p_params(P, n->code, ")") != 0 || expect_op(P, ")") != 0) { hx_node_free(n); return NULL; }
    if (is_op(cur(P), "->")) {
        P->i++;
        if (!(c->returns = p_annotation(P))) { hx_node_free(n); return NULL; }
    }
    return p_decl_body(P, n, 1, 0);
}

static hx_node *p_class(parser *P) {
    hx_tok *t = cur(P);
    hx_tok *nt = p_decl_name(P, "expected a class name");
    if (!nt) return NULL;
    hx_node *n = mk_decl(P, S_CLASS, CODE_CLASS, t, nt);
    if (is_op(cur(P), "(")) {
        P->i++;
        nvec b = {0}, kwv = {0};
        char **kwn = NULL;
        while (!is_op(cur(P), ")") && !failed(P)) {
            if (cur(P)->kind == T_NAME && is_op(peek_at(P, 1), "=")) {
                /* keywords go to the metaclass and __init_subclass__ (builtin___build_class__'s mkw) */
                hx_tok *at = cur(P);
                P->i += 2;
                hx_node *v = p_test(P);
                if (!v) break;
                kwn = realloc(kwn, (size_t)(kwv.n + 1) * sizeof *kwn);
                if (!kwn) abort();
                kwn[kwv.n] = sdup(at->text);
                nv_push(&kwv, v);
                if (!is_op(cur(P), ",")) break;
                P->i++;
                continue;
            }
            if (kwv.n) {
                syntax(P, cur(P), "positional argument follows keyword argument");
                break;
            }
            hx_node *e = p_test(P);
            if (!e) break;
            nv_push(&b, e);
            if (!is_op(cur(P), ",")) break;
            P->i++;
        }
        n->kwnames = kwn;
        if (!p_close(P, n, &b, &kwv, ")")) return NULL;
    }
    return p_decl_body(P, n, 0, 1);
}

/* decorators: ('@' namedexpr_test NEWLINE)+ then a def or class, which keeps them (first to last) */
static void p_decorated(parser *P, nvec *out) {
    nvec d = {0};
    while (is_op(cur(P), "@") && !failed(P)) {
        P->i++;
        hx_node *e = p_test(P);
        if (!e) break;
        nv_push(&d, e);
        if (cur(P)->kind != T_NEWLINE) { syntax(P, cur(P), NULL); break; }
        P->i++;
    }
    hx_tok *t = cur(P);
    /* decorated: decorators (class_def | function_def | async function_def) (Grammar/python.gram) */
    int async_def = is_kw(t, "async") && is_kw(peek_at(P, 1), "def");
    if (!failed(P) && !is_kw(t, "def") && !is_kw(t, "class") && !async_def) syntax(P, t, NULL);
    if (failed(P)) { free_nodes(d.v, d.n); return; }
    int before = out->n;
    p_stmt(P, out);
    if (out->n == before + 1) {
        out->v[before]->decos = d.v;
        out->v[before]->ndecos = d.n;
    } else {
        free_nodes(d.v, d.n);
    }
}

static void p_stmt(parser *P, nvec *out) {
    hx_tok *t = cur(P);
    if (t->kind == T_INDENT) { syntax(P, t, NULL); return; }
    if (t->kind == T_NAME) {
        hx_node *n = NULL;
        int compound = 1;
        if (!strcmp(t->text, "if")) n = p_if(P);
        else if (!strcmp(t->text, "while")) n = p_loop(P, 0);
        else if (!strcmp(t->text, "for")) n = p_loop(P, 1);
        else if (!strcmp(t->text, "def")) n = p_def(P);
        else if (!strcmp(t->text, "class")) n = p_class(P);
        else if (!strcmp(t->text, "try")) n = p_try(P);
        else if (!strcmp(t->text, "with")) n = p_with(P, 0);
        else if (!strcmp(t->text, "match") && ((n = p_match(P)) || failed(P))) (void)0; /* soft keyword */
        else if (!strcmp(t->text, "async") && is_kw(peek_at(P, 1), "def")) {
            P->i++; /* async def: a coroutine function */
            P->next_async = 1;
            n = p_def(P);
            P->next_async = 0;
        } else if (!strcmp(t->text, "async") && (is_kw(peek_at(P, 1), "with") || is_kw(peek_at(P, 1), "for"))) {
            P->i++; /* async with / async for (Grammar/python.gram with_stmt, for_stmt): op = 1 marks them, and
                     * they start at `async` */
            if (is_kw(cur(P), "with")) {
                P->i++;
                n = p_with_items(P, t, 1);
            } else if ((n = p_loop(P, 1))) {
                n->op = 1;
                n->line = t->line;
                n->col = t->col;
            }
        } else compound = 0;
        if (compound) {
            if (n) nv_push(out, fin_stmt(P, n));
            return;
        }
    }
    if (is_op(t, "@")) { p_decorated(P, out); return; }
    p_simple_line(P, out);
}

static hx_node **p_block(parser *P, int *nout) {
    nvec v = {0};
    *nout = 0;
    if (expect_op(P, ":") != 0) return NULL;
    if (enter(P)) return NULL;
    if (cur(P)->kind != T_NEWLINE) {
        p_simple_line(P, &v);
    } else {
        P->i++;
        if (cur(P)->kind != T_INDENT) {
            syntax(P, cur(P), "expected an indented block");
        } else {
            P->i++;
            while (!failed(P) && cur(P)->kind != T_DEDENT && cur(P)->kind != T_EOF) p_stmt(P, &v);
            if (!failed(P) && cur(P)->kind == T_DEDENT) P->i++;
        }
    }
    leave(P);
    if (failed(P)) { free_nodes(v.v, v.n); return NULL; }
    *nout = v.n;
    return v.v;
}

/* The compiler and the resolver recurse over expression trees, so their depth is bounded here, after
 * parsing, without recursion (left-deep chains such as a.b.c... or 1+1+... are built by loops). The bound
 * is CPython 3.11's: its AST optimizer and symbol table count one level per statement and per expression
 * node, from 1 at a module-level statement, and refuse a tree deeper than the recursion limit (1000) times
 * COMPILER_STACK_FRAME_SCALE (3) with "RecursionError: maximum recursion depth exceeded during
 * compilation" (Python/ast_opt.c astfold_expr, Python/symtable.c symtable_visit_expr). */
typedef struct dfs_item { hx_node *n; int depth; } dfs_item;

static int check_depth_list(hx_node **v, int n, int depth, dfs_item **st, int *sp, int *cap) {
    if (!v) return 0; /* S_GLOBAL counts names in n, with no items */
    for (int i = 0; i < n; i++) {
        if (!v[i]) continue;
        if (*sp == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *st = realloc(*st, (size_t)*cap * sizeof **st);
            if (!*st) abort();
        }
        (*st)[(*sp)++] = (dfs_item){v[i], depth};
    }
    return 0;
}

static int check_tree_depth(hx_node **body, int nbody, hx_cerr *err) {
    dfs_item *st = NULL;
    int sp = 0, cap = 0, rc = 0;
    check_depth_list(body, nbody, 1, &st, &sp, &cap);
    while (sp > 0) {
        dfs_item it = st[--sp];
        hx_node *n = it.n;
        if (it.depth > RH_MAX_TREE_DEPTH) {
            hx_cerr_set(err, n->line, n->col, "RecursionError: maximum recursion depth exceeded during compilation");
            rc = -1;
            break;
        }
        hx_node *kids[3] = {n->a, n->b, n->c};
        check_depth_list(kids, 3, it.depth + 1, &st, &sp, &cap);
        check_depth_list(n->items, n->n, it.depth + 1, &st, &sp, &cap);
        check_depth_list(n->items2, n->n2, it.depth + 1, &st, &sp, &cap);
        if (n->code) {
            check_depth_list(n->code->body, n->code->nbody, it.depth + 1, &st, &sp, &cap);
            check_depth_list(n->code->defaults, n->code->ndefaults, it.depth + 1, &st, &sp, &cap);
            check_depth_list(n->code->kwdefaults, n->code->nkwonly, it.depth + 1, &st, &sp, &cap);
            if (n->code->annots) check_depth_list(n->code->annots, hx_code_nallparams(n->code), it.depth + 1, &st, &sp, &cap);
            check_depth_list(&n->code->returns, 1, it.depth + 1, &st, &sp, &cap);
        }
        check_depth_list(n->decos, n->ndecos, it.depth + 1, &st, &sp, &cap);
    }
    free(st);
    return rc;
}

hx_code *hx_parse(hx_tok *toks, int ntok, hx_cerr *err) {
    parser P = {.t = toks, .n = ntok, .err = err};
    hx_code *m = new_code(CODE_MODULE, "<module>", 1);
    nvec v = {0};
    while (!failed(&P) && cur(&P)->kind != T_EOF) {
        if (cur(&P)->kind == T_NEWLINE) { P.i++; continue; }
        if (cur(&P)->kind == T_DEDENT) { syntax(&P, cur(&P), NULL); break; }
        int was_future = is_kw(cur(&P), "from") && peek_at(&P, 1)->kind == T_NAME &&
                         !strcmp(peek_at(&P, 1)->text, "__future__");
        int before = v.n;
        p_stmt(&P, &v);
        /* future.c: only the module docstring may come before `from __future__ import` */
        int docstring = before == 0 && v.n == 1 && v.v[0] && v.v[0]->kind == S_EXPR && v.v[0]->a &&
                        v.v[0]->a->kind == E_CONST && v.v[0]->a->ckind == K_STR;
        if (!was_future && !docstring) P.nstmts++;
    }
    m->future = P.future;
    m->body = v.v;
    m->nbody = v.n;
    if (!failed(&P)) check_tree_depth(m->body, m->nbody, err);
    if (failed(&P)) { hx_code_free(m); return NULL; }
    return m;
}
