/* unparse.c — an expression tree back to source text, as CPython 3.11's Python/ast_unparse.c writes it:
 * the strings `from __future__ import annotations` (PEP 563) makes of annotations.
 *
 * Owns hx_unparse. The text is rebuilt from the tree, not copied from the source: parentheses come from
 * operator precedence (ast_unparse.c's PR_* levels, the `level > pr` rule of each append_ast_* function),
 * constants from their values (repr: a str in CPython's quotes and escapes, a float's shortest repr,
 * infinity as 1e309), spacing CPython's (", ", " + ", ": " ...). Invariant: the tree is the parser's,
 * before resolution folds anything (ast_opt.c does not fold annotations under the future import either).
 * Known difference (docs/conformance.md): a non-ASCII character counts as printable in a str's repr unless
 * it is U+0080..U+00A0 or U+00AD (CPython asks the Unicode database); f-strings and integer literals of
 * more than 64 bits written in hex/octal/binary are not written (the caller reports them).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* ast_unparse.c's precedence levels, lowest first */
enum { PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT,
       PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM };

typedef struct ubuf { char *s; size_t n, cap; int bad; } ubuf;

static void put_n(ubuf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) abort();
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}
static void put(ubuf *b, const char *s) { put_n(b, s, strlen(s)); }
static void put_if(ubuf *b, int cond, const char *s) { if (cond) put(b, s); }

static void expr(ubuf *b, const hx_node *e, int level);

/* ---------------------------------------------------------------- constants (append_repr) */

/* float_repr (Python/pystrtod.c 'r' mode): the shortest digits that read back as v, positional for
 * decimal exponents -4..15, else d.ddde+XX; infinity is written 1e309 (append_repr's replacement). */
static void put_float(ubuf *b, double v) {
    if (isinf(v)) { put(b, "1e309"); return; }
    char e[40], out[64];
    for (int p = 0; p < 17; p++) {
        snprintf(e, sizeof e, "%.*e", p, v);
        if (strtod(e, NULL) == v) break;
    }
    /* e: [-]d[.ddd]e[+-]XX */
    const char *s = e;
    int neg = *s == '-';
    if (neg) s++;
    char digits[32];
    int nd = 0;
    for (; *s && *s != 'e'; s++)
        if (*s != '.') digits[nd++] = *s;
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    int ex = atoi(s + 1), k = 0;
    if (neg) out[k++] = '-';
    if (ex >= -4 && ex < 16) {
        int decpt = ex + 1;
        if (decpt <= 0) {
            k += snprintf(out + k, sizeof out - (size_t)k, "0.%.*s%s", -decpt, "0000", digits);
        } else if (decpt >= nd) {
            k += snprintf(out + k, sizeof out - (size_t)k, "%s%.*s.0", digits, decpt - nd, "0000000000000000");
        } else {
            k += snprintf(out + k, sizeof out - (size_t)k, "%.*s.%s", decpt, digits, digits + decpt);
        }
    } else {
        k += snprintf(out + k, sizeof out - (size_t)k, "%c%s%s%se%c%02d", digits[0], nd > 1 ? "." : "", digits + 1, "",
                      ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
    }
    put(b, out);
}

/* One UTF-8 code point of s (n bytes left) into *cp; its length (1 for a stray byte). */
static int utf8_next(const unsigned char *s, size_t n, unsigned *cp) {
    int len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if ((size_t)len > n) len = 1;
    unsigned c = len == 1 ? s[0] : len == 2 ? s[0] & 0x1Fu : len == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
    for (int i = 1; i < len; i++) c = c << 6 | (s[i] & 0x3Fu);
    *cp = c;
    return len;
}

/* unicode_repr (Objects/unicodeobject.c): single quotes unless the text has a ' and no ", escapes for the
 * quote, backslash, \t \n \r, other control characters and non-printable ones. */
static void put_str_repr(ubuf *b, const char *s, size_t n) {
    int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    put_n(b, &quote, 1);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c;
        int len = utf8_next(u + i, n - i, &c);
        char esc[16];
        if (c == (unsigned)quote || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; put_n(b, esc, 2); }
        else if (c == '\t') put(b, "\\t");
        else if (c == '\n') put(b, "\\n");
        else if (c == '\r') put(b, "\\r");
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            put(b, esc);
        } else put_n(b, s + i, (size_t)len);
        i += (size_t)len;
    }
    put_n(b, &quote, 1);
}

static void constant(ubuf *b, const hx_node *e) {
    switch (e->ckind) {
    case K_NONE: put(b, "None"); return;
    case K_ELLIPSIS: put(b, "..."); return;
    case K_TRUE: put(b, "True"); return;
    case K_FALSE: put(b, "False"); return;
    case K_FLOAT: put_float(b, e->fval); return;
    case K_STR: put_str_repr(b, e->sval ? e->sval : "", e->slen); return;
    case K_BYTES: /* ASCII bytes: b + the str repr of the same characters (bytes_repr's escapes agree there) */
        for (size_t i = 0; i < e->slen; i++)
            if ((unsigned char)e->sval[i] >= 0x80) { b->bad = 1; return; }
        put(b, "b");
        put_str_repr(b, e->sval ? e->sval : "", e->slen);
        return;
    case K_INT:
        if (e->sval) { /* beyond int64: the decimal digits the lexer kept (a hex/octal/binary text is not) */
            if (e->sval[0] == '0' && e->sval[1] && strchr("xXoObB", e->sval[1])) { b->bad = 1; return; }
            put(b, e->sval);
        } else {
            char d[32];
            snprintf(d, sizeof d, "%lld", (long long)e->ival);
            put(b, d);
        }
        return;
    default: b->bad = 1; return;
    }
}

/* ---------------------------------------------------------------- operators */

static const char *binop_text(int op, int *pr) {
    switch (op) {
    case OP_ADD: *pr = PR_ARITH; return " + ";
    case OP_SUB: *pr = PR_ARITH; return " - ";
    case OP_MUL: *pr = PR_TERM; return " * ";
    case OP_DIV: *pr = PR_TERM; return " / ";
    case OP_FLOORDIV: *pr = PR_TERM; return " // ";
    case OP_MOD: *pr = PR_TERM; return " % ";
    case OP_MATMUL: *pr = PR_TERM; return " @ ";
    case OP_LSHIFT: *pr = PR_SHIFT; return " << ";
    case OP_RSHIFT: *pr = PR_SHIFT; return " >> ";
    case OP_OR: *pr = PR_BOR; return " | ";
    case OP_XOR: *pr = PR_BXOR; return " ^ ";
    case OP_AND: *pr = PR_BAND; return " & ";
    case OP_POW: *pr = PR_POWER; return " ** ";
    default: *pr = PR_ATOM; return NULL;
    }
}

static const char *cmp_text(int op) {
    static const char *const t[] = {[CMP_LT] = " < ", [CMP_LE] = " <= ", [CMP_EQ] = " == ", [CMP_NE] = " != ",
                                    [CMP_GT] = " > ", [CMP_GE] = " >= ", [CMP_IN] = " in ", [CMP_NOTIN] = " not in ",
                                    [CMP_IS] = " is ", [CMP_ISNOT] = " is not "};
    return op >= CMP_LT && op <= CMP_ISNOT ? t[op] : NULL;
}

/* append_ast_binop: ** is right-associative (its left operand one level tighter) */
static void binop(ubuf *b, const hx_node *e, int level) {
    int pr;
    const char *op = binop_text(e->op, &pr);
    if (!op) { b->bad = 1; return; }
    int rassoc = e->op == OP_POW;
    put_if(b, level > pr, "(");
    expr(b, e->a, pr + rassoc);
    put(b, op);
    expr(b, e->b, pr + !rassoc);
    put_if(b, level > pr, ")");
}

static void unary(ubuf *b, const hx_node *e, int level) {
    const char *op = e->kind == E_NOT ? "not " : e->op == OP_NEG ? "-" : e->op == OP_POS ? "+" : "~";
    int pr = e->kind == E_NOT ? PR_NOT : PR_FACTOR;
    put_if(b, level > pr, "(");
    put(b, op);
    expr(b, e->a, pr);
    put_if(b, level > pr, ")");
}

static void boolop(ubuf *b, const hx_node *e, int level) {
    int pr = e->op == BOOL_AND ? PR_AND : PR_OR;
    put_if(b, level > pr, "(");
    for (int i = 0; i < e->n; i++) {
        if (i) put(b, e->op == BOOL_AND ? " and " : " or ");
        expr(b, e->items[i], pr + 1);
    }
    put_if(b, level > pr, ")");
}

static void compare(ubuf *b, const hx_node *e, int level) {
    put_if(b, level > PR_CMP, "(");
    expr(b, e->items[0], PR_CMP + 1);
    for (int i = 1; i < e->n; i++) {
        const char *op = cmp_text(e->ops[i - 1]);
        if (!op) { b->bad = 1; return; }
        put(b, op);
        expr(b, e->items[i], PR_CMP + 1);
    }
    put_if(b, level > PR_CMP, ")");
}

/* ---------------------------------------------------------------- displays and comprehensions */

static void seq(ubuf *b, hx_node *const *v, int n, int level) {
    for (int i = 0; i < n; i++) {
        if (i) put(b, ", ");
        expr(b, v[i], level);
    }
}

/* append_ast_tuple: () when empty; parentheses when the context binds tighter than a tuple; a 1-tuple's comma */
static void tuple(ubuf *b, const hx_node *e, int level) {
    if (e->n == 0) { put(b, "()"); return; }
    put_if(b, level > PR_TUPLE, "(");
    seq(b, e->items, e->n, PR_TEST);
    put_if(b, e->n == 1, ",");
    put_if(b, level > PR_TUPLE, ")");
}

/* append_ast_comprehension: " for target in iter if cond ..." (the first clause in the node itself) */
static void comp_clause(ubuf *b, const hx_node *target, const hx_node *iter, hx_node *const *ifs, int nifs) {
    put(b, " for ");
    expr(b, target, PR_TUPLE);
    put(b, " in ");
    expr(b, iter, PR_TEST + 1);
    for (int i = 0; i < nifs; i++) {
        put(b, " if ");
        expr(b, ifs[i], PR_TEST + 1);
    }
}

static void comprehension(ubuf *b, const hx_node *e, const char *open, const char *close) {
    put(b, open);
    expr(b, e->a, PR_TEST);
    if (e->kind == E_DICTCOMP) {
        put(b, ": ");
        expr(b, e->val, PR_TEST);
    }
    comp_clause(b, e->b, e->c, e->items2, e->n2);
    for (int i = 0; i < e->n; i++) comp_clause(b, e->items[i]->a, e->items[i]->b, e->items[i]->items2, e->items[i]->n2);
    put(b, close);
}

static void dict(ubuf *b, const hx_node *e) {
    put(b, "{");
    for (int i = 0; i < e->n; i++) {
        if (i) put(b, ", ");
        if (!e->items[i]) { /* **mapping */
            put(b, "**");
            expr(b, e->items2[i], PR_EXPR);
            continue;
        }
        expr(b, e->items[i], PR_TEST);
        put(b, ": ");
        expr(b, e->items2[i], PR_TEST);
    }
    put(b, "}");
}

/* ---------------------------------------------------------------- calls, subscripts, lambda */

static void call(ubuf *b, const hx_node *e) {
    expr(b, e->a, PR_ATOM);
    if (e->n == 1 && e->n2 == 0 && e->items[0]->kind == E_GENEXP) { /* f(x for x in y): its own parentheses */
        expr(b, e->items[0], PR_TEST);
        return;
    }
    put(b, "(");
    seq(b, e->items, e->n, PR_TEST);
    for (int i = 0; i < e->n2; i++) {
        if (i || e->n) put(b, ", ");
        if (e->kwnames[i]) {
            put(b, e->kwnames[i]);
            put(b, "=");
            expr(b, e->items2[i], PR_TEST);
        } else {
            expr(b, e->items2[i], PR_TEST); /* an E_DSTAR */
        }
    }
    put(b, ")");
}

static void slice(ubuf *b, const hx_node *e) {
    if (e->a) expr(b, e->a, PR_TEST);
    put(b, ":");
    if (e->b) expr(b, e->b, PR_TEST);
    if (e->c) {
        put(b, ":");
        expr(b, e->c, PR_TEST);
    }
}

/* append_ast_args (a lambda's: no annotations) */
static void lambda(ubuf *b, const hx_node *e, int level) {
    const hx_code *c = e->code;
    put_if(b, level > PR_TEST, "(");
    put(b, c->nparams ? "lambda " : "lambda");
    int first = 1;
    for (int i = 0; i < c->nparams; i++) {
        if (!first) put(b, ", ");
        first = 0;
        put(b, c->params[i]);
        int di = i - c->nparams + c->ndefaults;
        if (di >= 0) {
            put(b, "=");
            expr(b, c->defaults[di], PR_TEST);
        }
        put_if(b, c->nposonly && i + 1 == c->nposonly, ", /");
    }
    int k = c->nparams + c->nkwonly;
    if (c->varargs || c->nkwonly) {
        if (!first) put(b, ", ");
        first = 0;
        put(b, "*");
        if (c->varargs) put(b, c->params[k++]);
    }
    for (int i = 0; i < c->nkwonly; i++) {
        if (!first) put(b, ", ");
        first = 0;
        put(b, c->params[c->nparams + i]);
        if (c->kwdefaults[i]) {
            put(b, "=");
            expr(b, c->kwdefaults[i], PR_TEST);
        }
    }
    if (c->varkw) {
        if (!first) put(b, ", ");
        put(b, "**");
        put(b, c->params[k]);
    }
    put(b, ": ");
    expr(b, c->body[0]->a, PR_TEST);
    put_if(b, level > PR_TEST, ")");
}

/* append_ast_expr */
static void expr(ubuf *b, const hx_node *e, int level) {
    if (b->bad || !e) { b->bad = 1; return; }
    switch (e->kind) {
    case E_NAME: put(b, e->name); return;
    case E_CONST: constant(b, e); return;
    case E_BINOP: binop(b, e, level); return;
    case E_UNARY: case E_NOT: unary(b, e, level); return;
    case E_BOOLOP: boolop(b, e, level); return;
    case E_COMPARE: compare(b, e, level); return;
    case E_IFEXP:
        put_if(b, level > PR_TEST, "(");
        expr(b, e->a, PR_TEST + 1);
        put(b, " if ");
        expr(b, e->b, PR_TEST + 1);
        put(b, " else ");
        expr(b, e->c, PR_TEST);
        put_if(b, level > PR_TEST, ")");
        return;
    case E_NAMED: /* append_named_expr */
        put_if(b, level > PR_TUPLE, "(");
        expr(b, e->a, PR_ATOM);
        put(b, " := ");
        expr(b, e->b, PR_ATOM);
        put_if(b, level > PR_TUPLE, ")");
        return;
    case E_TUPLE: tuple(b, e, level); return;
    case E_LIST: put(b, "["); seq(b, e->items, e->n, PR_TEST); put(b, "]"); return;
    case E_SET: put(b, "{"); seq(b, e->items, e->n, PR_TEST); put(b, "}"); return;
    case E_DICT: dict(b, e); return;
    case E_LISTCOMP: comprehension(b, e, "[", "]"); return;
    case E_SETCOMP: case E_DICTCOMP: comprehension(b, e, "{", "}"); return;
    case E_GENEXP: comprehension(b, e, "(", ")"); return;
    case E_CALL: call(b, e); return;
    case E_ATTR: /* an int constant's attribute needs a space: 1 .real */
        expr(b, e->a, PR_ATOM);
        put(b, e->a->kind == E_CONST && e->a->ckind == K_INT ? " ." : ".");
        put(b, e->name);
        return;
    case E_SUBSCR:
        expr(b, e->a, PR_ATOM);
        put(b, "[");
        if (e->b->kind == E_SLICE) slice(b, e->b);
        else expr(b, e->b, PR_TUPLE);
        put(b, "]");
        return;
    case E_SLICE: slice(b, e); return;
    case E_STAR: put(b, "*"); expr(b, e->a, PR_EXPR); return;
    case E_DSTAR: put(b, "**"); expr(b, e->a, PR_EXPR); return;
    case E_LAMBDA: lambda(b, e, level); return;
    case E_AWAIT:
        put_if(b, level > PR_AWAIT, "(");
        put(b, "await ");
        expr(b, e->a, PR_ATOM);
        put_if(b, level > PR_AWAIT, ")");
        return;
    case E_YIELD:
        if (!e->a) { put(b, "(yield)"); return; }
        put(b, "(yield ");
        expr(b, e->a, PR_TEST);
        put(b, ")");
        return;
    case E_YIELDFROM: put(b, "(yield from "); expr(b, e->a, PR_TEST); put(b, ")"); return;
    default: b->bad = 1; return; /* f-strings (E_JOINED) */
    }
}

/* Declared in ast.h. */
char *hx_unparse(const hx_node *n) {
    ubuf b = {0};
    expr(&b, n, PR_TEST);
    if (b.bad) { free(b.s); return NULL; }
    if (!b.s) put(&b, "");
    return b.s;
}
