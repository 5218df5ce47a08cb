/* carets.c — the position line under a traceback entry's source line (PEP 657, Python 3.11+):
 * `^^^^` under the failing expression, `~~^~~` when it is a binary operation or a subscript.
 *
 * Follows Python/traceback.c of 3.11 (tb_displayline, extract_anchors_from_line,
 * print_error_location_carets): the instruction's position (compile.c's co_lines and co_pos: start line,
 * end line, 1-based byte columns) is turned into character offsets in the source line
 * (_PyPegen_byte_offset_to_character_offset); on a one-line expression the text between the columns is
 * parsed again on its own, and a BinOp or Subscript at its top gives the anchors (the operator, or the
 * brackets after the value); a multi-line expression is underlined to the line's last non-blank byte; no
 * line is drawn when the underline would cover the whole stripped line and there are no anchors.
 * Owns nothing past a call: the segment's tokens and tree are freed before returning.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

/* Characters in the first `bytes` bytes of UTF-8 text s (n bytes): a cut sequence counts as the one
 * U+FFFD the "replace" decoder makes of it, as _PyPegen_byte_offset_to_character_offset does */
static long char_offset(const char *s, size_t n, long bytes) {
    if (bytes > (long)n + 1) bytes = (long)n + 1;
    if (bytes > (long)n) bytes = (long)n;
    long chars = 0;
    for (long i = 0; i < bytes;) {
        unsigned char b = (unsigned char)s[i];
        long len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        i += len;
        chars++;
    }
    return chars;
}

/* The byte index of character k of UTF-8 text s (n bytes) */
static size_t byte_index(const char *s, size_t n, long k) {
    size_t i = 0;
    for (; k > 0 && i < n; k--) {
        unsigned char b = (unsigned char)s[i];
        i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
    return i < n ? i : n;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* extract_anchors_from_line: the segment seg (n bytes) parsed as a module; when it is one expression
 * statement whose expression is a BinOp (the operator: its first non-blank byte between the operands, two
 * bytes when the next is not blank) or a Subscript (from the value's end to one past the slice's end),
 * *left and *right are byte offsets in seg and 1 is returned; 0 otherwise (parse errors included) */
static int anchors(const char *seg, size_t n, long *left, long *right) {
    hx_cerr err = {0};
    int ntok = 0, found = 0;
    hx_tok *toks = hx_lex(seg, n, &ntok, &err);
    hx_code *m = toks ? hx_parse(toks, ntok, &err) : NULL;
    hx_node *e = m && m->nbody == 1 && m->body[0]->kind == S_EXPR ? m->body[0]->a : NULL;
    if (e && e->kind == E_BINOP && e->a->end_line == 1 && e->b->line == 1) {
        for (long i = e->a->end_col - 1; i < e->b->col - 1 && i < (long)n; i++) {
            if (is_blank(seg[i])) continue;
            *left = i;
            *right = i + 1 + (i + 1 < e->b->col - 1 && !is_blank(seg[i + 1]));
            break;
        }
        found = 1; /* an operator always sits between the operands */
    } else if (e && e->kind == E_SUBSCR && e->a->end_line == 1 && e->b->end_line == 1) {
        *left = e->a->end_col - 1;
        *right = e->b->end_col; /* the slice's end + 1 */
        found = 1;
    }
    if (m) hx_code_free(m);
    hx_toks_free(toks, ntok);
    return found;
}

char *hx_caret_line(hx_interp *I, const hx_code *c, int at, const char *line, size_t len) {
    if (!RH_API(I, "traceback", "carets") || !c->co_pos || at < 0 || at >= c->ncode) return NULL;
    hx_pos p = c->co_pos[at];
    int start_line = c->co_lines[at];
    if (!p.end_line || start_line <= 0 || p.col < 1 || p.end_col < 1) return NULL;
    long nchars = char_offset(line, len, (long)len), lead = 0;
    while ((size_t)lead < len && is_blank(line[lead])) lead++; /* blanks are one byte: bytes = chars */
    long start = char_offset(line, len, p.col - 1), end = char_offset(line, len, p.end_col - 1);
    long left = -1, right = -1;
    if (start_line == p.end_line) {
        if (start < end) {
            size_t b0 = byte_index(line, len, start), b1 = byte_index(line, len, end);
            long l = -1, r = -1;
            if (anchors(line + b0, b1 - b0, &l, &r) && l >= 0) {
                left = char_offset(line + b0, b1 - b0, l) + start;
                right = char_offset(line + b0, b1 - b0, r) + start;
            }
        }
    } else { /* to the last non-blank byte, indexed from the line's length in characters as CPython does */
        long i = nchars;
        while (--i >= 0)
            if ((size_t)i < len && !is_blank(line[i])) break;
        end = i + 1;
    }
    int special = left != -1 || right != -1;
    if (end - start == nchars - lead && !special) return NULL;
    /* print_error_location_carets: offsets lead-3 .. end; blanks up to start */
    long from = lead - 4, width = end - from;
    if (width <= 0) return NULL;
    char *out = malloc((size_t)width + 1);
    if (!out) return NULL;
    long k = 0;
    for (long off = from + 1; off <= end; off++)
        out[k++] = off <= start ? ' ' : special && left < off && off <= right ? '^' : special ? '~' : '^';
    out[k] = 0;
    return out;
}
