/* lexer.c — turns workload source text into tokens (NAME, numbers, strings, operators, NEWLINE,
 * INDENT/DEDENT), as Python's tokenizer does for the subset.
 *
 * Invariants: brackets nest at most RH_LEX_MAX_DEPTH deep; inside brackets newlines and indentation are
 * ignored (implicit line joining); the indentation stack is strictly increasing; every error stops the
 * lexer with a "syntax error: ..." or "unsupported ..." message at the offending position. Never reads
 * past len bytes.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

#define RH_LEX_MAX_DEPTH 200
#define RH_LEX_MAX_INDENT 100

void hx_cerr_set(hx_cerr *e, int line, int col, const char *fmt, ...) {
    if (e->set) return;
    e->set = 1;
    e->line = line;
    e->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

typedef struct lexer {
    const char *s;
    size_t len, pos;
    int line, linestart;
    int depth;
    struct { char ch; int line, col; } open[RH_LEX_MAX_DEPTH + 1]; /* unclosed brackets */
    int indents[RH_LEX_MAX_INDENT];
    int nindent;
    hx_tok *toks;
    int ntok, cap;
    int nended;  /* tokens whose end position is set (stamp_ends) */
    hx_cerr *err;
    int bytes;   /* lexing a bytes literal: \x and octal escapes are byte values, no \u \U \N, ASCII only */
} lexer;

static int col_of(lexer *L, size_t pos) { return (int)(pos - (size_t)L->linestart) + 1; }

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) abort();
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void push(lexer *L, hx_tokkind k, int line, int col, char *text, size_t len) {
    if (L->ntok == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 256;
        L->toks = realloc(L->toks, (size_t)L->cap * sizeof *L->toks);
        if (!L->toks) abort();
    }
    L->toks[L->ntok++] = (hx_tok){k, line, col, text, len, 0, 0};
}

static int peekc(lexer *L, size_t off) { return L->pos + off < L->len ? (unsigned char)L->s[L->pos + off] : 0; }

/* ---- indentation at the start of a logical line; returns 0 (line has content), 1 (blank), -1 error */
static int lex_indent(lexer *L) {
    int width = 0;
    size_t p = L->pos;
    while (p < L->len && (L->s[p] == ' ' || L->s[p] == '\t' || L->s[p] == '\f')) {
        if (L->s[p] == '\t') width = (width / 8 + 1) * 8;
        else if (L->s[p] == ' ') width++;
        else width = 0;
        p++;
    }
    if (p >= L->len || L->s[p] == '\n' || L->s[p] == '#' || L->s[p] == '\r') {
        L->pos = p;
        return 1;
    }
    L->pos = p;
    int cur = L->indents[L->nindent - 1];
    if (width > cur) {
        if (L->nindent == RH_LEX_MAX_INDENT) {
            hx_cerr_set(L->err, L->line, col_of(L, p), "syntax error: too many levels of indentation");
            return -1;
        }
        if (L->ntok == 0 || L->toks[L->ntok - 1].kind != T_NEWLINE || L->ntok < 1) {
            hx_cerr_set(L->err, L->line, col_of(L, p), "syntax error: unexpected indent");
            return -1;
        }
        L->indents[L->nindent++] = width;
        push(L, T_INDENT, L->line, 1, NULL, 0);
    } else {
        while (width < L->indents[L->nindent - 1]) {
            L->nindent--;
            push(L, T_DEDENT, L->line, col_of(L, p), NULL, 0);
        }
        if (width != L->indents[L->nindent - 1]) {
            hx_cerr_set(L->err, L->line, col_of(L, p),
                        "syntax error: unindent does not match any outer indentation level");
            return -1;
        }
    }
    return 0;
}

/* ---- strings */
static void buf_put(char **b, size_t *n, size_t *cap, const char *s, size_t k) {
    if (*n + k + 1 > *cap) {
        *cap = (*n + k + 1) * 2;
        *b = realloc(*b, *cap);
        if (!*b) abort();
    }
    memcpy(*b + *n, s, k);
    *n += k;
    (*b)[*n] = 0;
}

static void put_utf8(char **b, size_t *n, size_t *cap, uint32_t c) {
    char u[4];
    size_t k;
    if (c < 0x80) { u[0] = (char)c; k = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 63)); k = 2; }
    else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 63)); u[2] = (char)(0x80 | (c & 63));
        k = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 63));
        u[2] = (char)(0x80 | ((c >> 6) & 63)); u[3] = (char)(0x80 | (c & 63)); k = 4;
    }
    buf_put(b, n, cap, u, k);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int lex_escape(lexer *L, char **b, size_t *n, size_t *cap) {
    int c = peekc(L, 0);
    int line = L->line, col = col_of(L, L->pos);
    L->pos++;
    switch (c) {
    case '\n': L->line++; L->linestart = (int)L->pos; return 0;
    case 'n': buf_put(b, n, cap, "\n", 1); return 0;
    case 't': buf_put(b, n, cap, "\t", 1); return 0;
    case 'r': buf_put(b, n, cap, "\r", 1); return 0;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': { /* up to 3 octal digits */
        uint32_t v = (uint32_t)(c - '0');
        for (int i = 0; i < 2 && peekc(L, 0) >= '0' && peekc(L, 0) <= '7'; i++) v = v * 8 + (uint32_t)(peekc(L, 0) - '0'), L->pos++;
        if (L->bytes) { char byte = (char)(v & 0xFF); buf_put(b, n, cap, &byte, 1); } /* 3.11: values > 0o377 wrap */
        else put_utf8(b, n, cap, v);
        return 0;
    }
    case 'a': buf_put(b, n, cap, "\a", 1); return 0;
    case 'b': buf_put(b, n, cap, "\b", 1); return 0;
    case 'f': buf_put(b, n, cap, "\f", 1); return 0;
    case 'v': buf_put(b, n, cap, "\v", 1); return 0;
    case '\\': case '\'': case '"': { char ch = (char)c; buf_put(b, n, cap, &ch, 1); return 0; }
    case 'x': case 'u': case 'U': {
        if (L->bytes && c != 'x') { char bs[2] = {'\\', (char)c}; buf_put(b, n, cap, bs, 2); return 0; } /* not escapes in bytes */
        int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int i = 0; i < nd; i++) {
            int h = hexval(peekc(L, 0));
            if (h < 0) {
                hx_cerr_set(L->err, line, col, "syntax error: truncated \\%c escape", c);
                return -1;
            }
            v = v * 16 + (uint32_t)h;
            L->pos++;
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
            hx_cerr_set(L->err, line, col, "unsupported string escape (surrogate or out of range)");
            return -1;
        }
        if (L->bytes) { char byte = (char)v; buf_put(b, n, cap, &byte, 1); } /* \xhh: the byte itself */
        else put_utf8(b, n, cap, v);
        return 0;
    }
    default: {
        char bs[2] = {'\\', (char)c};
        buf_put(b, n, cap, bs, c ? 2 : 1);
        return 0;
    }
    }
}

static int lex_string(lexer *L, int raw) {
    int line = L->line, col = col_of(L, L->pos);
    int q = peekc(L, 0);
    int triple = peekc(L, 1) == q && peekc(L, 2) == q;
    L->pos += triple ? 3 : 1;
    char *b = NULL;
    size_t n = 0, cap = 0;
    buf_put(&b, &n, &cap, "", 0);
    for (;;) {
        if (L->pos >= L->len) goto unterminated;
        int c = peekc(L, 0);
        if (c == q && (!triple || (peekc(L, 1) == q && peekc(L, 2) == q))) {
            L->pos += triple ? 3 : 1;
            break;
        }
        if (c == '\n') {
            if (!triple) goto unterminated;
            buf_put(&b, &n, &cap, "\n", 1);
            L->pos++;
            L->line++;
            L->linestart = (int)L->pos;
            continue;
        }
        if (c == '\\' && L->pos + 1 < L->len) {
            if (raw) {
                buf_put(&b, &n, &cap, L->s + L->pos, 2);
                if (L->s[L->pos + 1] == '\n') { L->line++; L->linestart = (int)L->pos + 2; }
                L->pos += 2;
                continue;
            }
            L->pos++;
            if (lex_escape(L, &b, &n, &cap) != 0) { free(b); return -1; }
            continue;
        }
        if (c == 0) {
            free(b);
            hx_cerr_set(L->err, L->line, col_of(L, L->pos), "syntax error: NUL byte in source");
            return -1;
        }
        if (L->bytes && c >= 0x80) { /* Parser/string_parser.c decode_bytes_with_escapes' check */
            free(b);
            hx_cerr_set(L->err, line, col, "syntax error: bytes can only contain ASCII literal characters");
            return -1;
        }
        buf_put(&b, &n, &cap, L->s + L->pos, 1);
        L->pos++;
    }
    /* adjacent literals are concatenated by the parser */
    push(L, L->bytes ? T_BYTES : T_STRING, line, col, b, n);
    return 0;
unterminated:
    free(b);
    hx_cerr_set(L->err, line, col, triple ? "syntax error: unterminated triple-quoted string literal"
                                          : "syntax error: unterminated string literal");
    return -1;
}

/* ---- numbers */
static int lex_number(lexer *L) {
    int line = L->line, col = col_of(L, L->pos);
    size_t start = L->pos;
    char buf[4400]; /* a decimal int literal of up to 4300 digits (the int/str conversion limit) */
    size_t n = 0;
    int isfloat = 0;
    if (peekc(L, 0) == '0' && strchr("xXoObB", peekc(L, 1)) && peekc(L, 1)) {
        int base = strchr("xX", peekc(L, 1)) ? 16 : strchr("oO", peekc(L, 1)) ? 8 : 2;
        L->pos += 2;
        uint64_t v = 0;
        int any = 0, big = 0;
        for (;;) {
            int c = peekc(L, 0);
            if (c == '_') { L->pos++; continue; }
            int d = hexval(c);
            if (d < 0 || d >= base) break;
            if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) big = 1;
            v = v * (uint64_t)base + (uint64_t)d;
            any = 1;
            L->pos++;
        }
        if (!any || isalnum(peekc(L, 0))) {
            hx_cerr_set(L->err, line, col, "syntax error: invalid number literal");
            return -1;
        }
        if (big) { /* beyond 64 bits: the literal's own text, converted by int(text, 0) when resolved */
            push(L, T_INT, line, col, dupn(L->s + start, L->pos - start), L->pos - start);
            return 0;
        }
        n = (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
        push(L, T_INT, line, col, dupn(buf, n), n);
        return 0;
    }
    for (;;) {
        int c = peekc(L, 0);
        if (isdigit(c)) { if (n < sizeof buf - 1) buf[n++] = (char)c; L->pos++; }
        else if (c == '_' && isdigit(peekc(L, 1)) && L->pos > start) L->pos++;
        else if (c == '.' && !isfloat) { isfloat = 1; if (n < sizeof buf - 1) buf[n++] = '.'; L->pos++; }
        else if ((c == 'e' || c == 'E') &&
                 (isdigit(peekc(L, 1)) || ((peekc(L, 1) == '+' || peekc(L, 1) == '-') && isdigit(peekc(L, 2))))) {
            isfloat = 1;
            buf[n++] = 'e';
            L->pos++;
            if (peekc(L, 0) == '+' || peekc(L, 0) == '-') { buf[n++] = (char)peekc(L, 0); L->pos++; }
        } else break;
        if (n >= sizeof buf - 2) {
            hx_cerr_set(L->err, line, col, "unsupported number literal (too long)");
            return -1;
        }
    }
    int imag = peekc(L, 0) == 'j' || peekc(L, 0) == 'J'; /* imagnumber: (floatnumber | digitpart) ("j" | "J") */
    if (imag) L->pos++;
    if (isalpha(peekc(L, 0)) || peekc(L, 0) == '_') {
        hx_cerr_set(L->err, line, col, "syntax error: invalid decimal literal");
        return -1;
    }
    buf[n] = 0;
    push(L, imag ? T_IMAG : isfloat ? T_FLOAT : T_INT, line, col, dupn(buf, n), n);
    return 0;
}

static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *const ops2[] = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=",
                                   "/=", "%=", "&=", "|=", "^=", ":=", "@=", NULL};
static const char ops1[] = "+-*/%@&|^~<>()[]{},:.;=";

static int lex_op(lexer *L) {
    int line = L->line, col = col_of(L, L->pos);
    const char *p = L->s + L->pos;
    size_t rem = L->len - L->pos;
    for (int i = 0; ops3[i]; i++)
        if (rem >= 3 && memcmp(p, ops3[i], 3) == 0) { push(L, T_OP, line, col, dupn(p, 3), 3); L->pos += 3; return 0; }
    for (int i = 0; ops2[i]; i++)
        if (rem >= 2 && memcmp(p, ops2[i], 2) == 0) { push(L, T_OP, line, col, dupn(p, 2), 2); L->pos += 2; return 0; }
    if (*p && strchr(ops1, *p)) {
        if (*p == '(' || *p == '[' || *p == '{') {
            if (L->depth >= RH_LEX_MAX_DEPTH) {
                hx_cerr_set(L->err, line, col, "syntax error: too many nested parentheses");
                return -1;
            }
            L->open[L->depth].ch = *p;
            L->open[L->depth].line = line;
            L->open[L->depth].col = col;
            L->depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
            if (L->depth == 0) {
                hx_cerr_set(L->err, line, col, "syntax error: unmatched '%c'", *p);
                return -1;
            }
            char want = *p == ')' ? '(' : *p == ']' ? '[' : '{';
            if (L->open[L->depth - 1].ch != want) {
                hx_cerr_set(L->err, line, col, "syntax error: closing parenthesis '%c' does not match opening parenthesis '%c'",
                            *p, L->open[L->depth - 1].ch);
                return -1;
            }
            L->depth--;
        }
        push(L, T_OP, line, col, dupn(p, 1), 1);
        L->pos++;
        return 0;
    }
    unsigned char ch = (unsigned char)*p;
    if (ch >= 0x80) hx_cerr_set(L->err, line, col, "unsupported non-ASCII character outside a string literal");
    else if (ch == '$' || ch == '?' || ch == '`' || ch == '!')
        hx_cerr_set(L->err, line, col, "syntax error: invalid syntax");
    else hx_cerr_set(L->err, line, col, "syntax error: invalid character (code %u)", ch);
    return -1;
}

/* The tokens pushed since the last call end here: called before anything after a token is skipped */
static void stamp_ends(lexer *L) {
    for (; L->nended < L->ntok; L->nended++) {
        L->toks[L->nended].end_line = L->line;
        L->toks[L->nended].end_col = col_of(L, L->pos);
    }
}

static int is_id_start(int c) { return isalpha(c) || c == '_'; }
static int is_id_char(int c) { return isalnum(c) || c == '_'; }

static int lex_line_tokens(lexer *L) {
    for (;;) {
        stamp_ends(L);
        int c = peekc(L, 0);
        if (L->pos >= L->len) return 0;
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { L->pos++; continue; }
        if (c == '#') { while (L->pos < L->len && L->s[L->pos] != '\n') L->pos++; continue; }
        if (c == '\\') {
            size_t p = L->pos + 1;
            if (p < L->len && L->s[p] == '\r') p++;
            if (p < L->len && L->s[p] == '\n') {
                L->pos = p + 1;
                L->line++;
                L->linestart = (int)L->pos;
                continue;
            }
            hx_cerr_set(L->err, L->line, col_of(L, L->pos),
                        "syntax error: unexpected character after line continuation character");
            return -1;
        }
        if (c == '\n') {
            L->pos++;
            if (L->depth == 0) {
                if (L->ntok && L->toks[L->ntok - 1].kind != T_NEWLINE)
                    push(L, T_NEWLINE, L->line, col_of(L, L->pos - 1), NULL, 0);
                L->line++;
                L->linestart = (int)L->pos;
                return 1;
            }
            L->line++;
            L->linestart = (int)L->pos;
            continue;
        }
        if (is_id_start(c)) {
            size_t st = L->pos;
            while (is_id_char(peekc(L, 0))) L->pos++;
            int q = peekc(L, 0);
            size_t idl = L->pos - st;
            if ((q == '\'' || q == '"') && idl <= 2) {
                char pre[3] = {0};
                for (size_t i = 0; i < idl; i++) pre[i] = (char)tolower((unsigned char)L->s[st + i]);
                int raw = strchr(pre, 'r') != NULL;
                if (strchr(pre, 'f') && !strchr(pre, 'b') && !strchr(pre, 'u')) {
                    /* the body verbatim (as a raw string is lexed); the parser splits it into parts */
                    if (lex_string(L, 1) != 0) return -1;
                    L->toks[L->ntok - 1].col = col_of(L, st);
                    L->toks[L->ntok - 1].kind = raw ? T_RFSTRING : T_FSTRING;
                    continue;
                }
                if (strcmp(pre, "b") == 0 || strcmp(pre, "br") == 0 || strcmp(pre, "rb") == 0) {
                    L->bytes = 1; /* T_BYTES: the byte values as they are (parser.c makes a bytes constant) */
                    int rc = lex_string(L, raw);
                    L->bytes = 0;
                    if (rc != 0) return -1;
                    L->toks[L->ntok - 1].col = col_of(L, st);
                    continue;
                }
                if (strcmp(pre, "r") == 0 || strcmp(pre, "u") == 0) {
                    if (lex_string(L, raw) != 0) return -1;
                    L->toks[L->ntok - 1].col = col_of(L, st);
                    continue;
                }
            }
            push(L, T_NAME, L->line, col_of(L, st), dupn(L->s + st, idl), idl);
            continue;
        }
        if (isdigit(c) || (c == '.' && isdigit(peekc(L, 1)))) {
            if (lex_number(L) != 0) return -1;
            continue;
        }
        if (c == '\'' || c == '"') {
            if (lex_string(L, 0) != 0) return -1;
            continue;
        }
        if (c == 0) {
            hx_cerr_set(L->err, L->line, col_of(L, L->pos), "syntax error: NUL byte in source");
            return -1;
        }
        if (lex_op(L) != 0) return -1;
    }
}

hx_tok *hx_lex(const char *src, size_t len, int *ntok, hx_cerr *err) {
    lexer L = {.s = src, .len = len, .line = 1, .err = err, .nindent = 1};
    L.indents[0] = 0;
    /* skip a UTF-8 BOM */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) L.pos = 3;
    while (L.pos < L.len) {
        int r = lex_indent(&L);
        if (r < 0) goto fail;
        if (r == 1) {
            /* blank or comment-only line */
            while (L.pos < L.len && L.s[L.pos] != '\n') L.pos++;
            if (L.pos < L.len) { L.pos++; L.line++; L.linestart = (int)L.pos; }
            continue;
        }
        r = lex_line_tokens(&L);
        if (r < 0) goto fail;
        if (r == 0) break;
    }
    if (L.depth > 0) {
        hx_cerr_set(err, L.open[L.depth - 1].line, L.open[L.depth - 1].col, "syntax error: '%c' was never closed",
                    L.open[L.depth - 1].ch);
        goto fail;
    }
    if (L.ntok && L.toks[L.ntok - 1].kind != T_NEWLINE) push(&L, T_NEWLINE, L.line, col_of(&L, L.pos), NULL, 0);
    while (L.nindent > 1) { L.nindent--; push(&L, T_DEDENT, L.line, 1, NULL, 0); }
    push(&L, T_EOF, L.line, 1, NULL, 0);
    stamp_ends(&L);
    *ntok = L.ntok;
    return L.toks;
fail:
    hx_toks_free(L.toks, L.ntok);
    return NULL;
}

void hx_toks_free(hx_tok *t, int n) {
    if (!t) return;
    for (int i = 0; i < n; i++) free(t[i].text);
    free(t);
}

char *hx_unescape(const char *s, size_t n, size_t *outn, hx_cerr *err, int line, int col) {
    lexer L = {.s = s, .len = n, .line = 1, .err = err, .nindent = 1};
    char *b = NULL;
    size_t bn = 0, cap = 0;
    buf_put(&b, &bn, &cap, "", 0);
    while (L.pos < L.len) {
        if (L.s[L.pos] == '\\' && L.pos + 1 < L.len) {
            L.pos++;
            if (lex_escape(&L, &b, &bn, &cap) != 0) {
                free(b);
                err->line = line;
                err->col = col;
                return NULL;
            }
            continue;
        }
        buf_put(&b, &bn, &cap, L.s + L.pos, 1);
        L.pos++;
    }
    *outn = bn;
    return b;
}
