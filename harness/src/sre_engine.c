/* sre_engine.c — the matcher of _sre (CPython 3.11 Modules/_sre/sre_lib.h: SRE(match), SRE(search),
 * SRE(count), SRE(charset), SRE(at); sre.c: sre_category, the case helpers). Written from the semantics
 * of those functions; see sre_engine.h.
 *
 * Backtracking: where sre_lib.h's SRE(match) "calls" itself (DO_JUMP), this file pushes the current
 * frame (its locals and a resume label) on s->frames and starts a new one; a finished frame's result
 * (1 success, 0 failure) goes to the frame below, which resumes at its label. Mark arrays saved around
 * alternatives (MARK_PUSH / MARK_POP) live on s->saved; every frame pops what it pushed before it
 * returns. Unicode character classes: Latin-1 exactly, plus the Greek/Cyrillic letters and CJK ranges
 * the str methods model (docs/conformance.md).
 */
#include "sre_engine.h"
#include "ucase.h"

#include <stdlib.h>
#include <string.h>

struct sre_repeat {
    intptr_t count, last_ptr;
    size_t pc;           /* the REPEAT opcode's index */
    sre_repeat *prev;
};

enum { J_NONE, J_BRANCH, J_REPEAT_ONE, J_MIN_REPEAT_ONE, J_REPEAT, J_MAX_UNTIL_1, J_MAX_UNTIL_2, J_MAX_UNTIL_3,
       J_MIN_UNTIL_1, J_MIN_UNTIL_2, J_MIN_UNTIL_3, J_ASSERT, J_ASSERT_NOT, J_ATOMIC, J_POSS_1, J_POSS_2 };

struct sre_frame {
    int label, toplevel;
    size_t pc, aux;
    intptr_t ptr, count, lastmark, lastindex, pos;
    size_t saved;        /* index of this frame's saved marks on s->saved */
    sre_repeat *rep;
};

/* ---------------------------------------------------------------- characters */

static inline uint32_t CH(const sre_state *s, intptr_t i) {
    switch (s->kind) {
    case 1: return ((const uint8_t *)s->data)[i];
    case 2: return ((const uint16_t *)s->data)[i];
    default: return ((const uint32_t *)s->data)[i];
    }
}

uint32_t sre_lower_ascii(uint32_t ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
static uint32_t upper_ascii(uint32_t ch) { return ch >= 'a' && ch <= 'z' ? ch - 32 : ch; }

int sre_iscased_unicode(uint32_t c) { return c != hx_ucase_lower(c) || c != hx_ucase_upper(c); }

static int is_digit_ascii(uint32_t c) { return c >= '0' && c <= '9'; }
static int is_space_ascii(uint32_t c) { return c == ' ' || (c >= 9 && c <= 13); }
static int is_alnum_ascii(uint32_t c) { return is_digit_ascii(c) || ((c | 32) >= 'a' && (c | 32) <= 'z'); }
static int is_word_ascii(uint32_t c) { return c < 128 && (is_alnum_ascii(c) || c == '_'); }
static int is_space_uni(uint32_t c) {
    return is_space_ascii(c) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
static int is_digit_uni(uint32_t c) { return is_digit_ascii(c) || (c >= 0x660 && c <= 0x669) || (c >= 0xFF10 && c <= 0xFF19); }
static int is_alpha_uni(uint32_t c) {
    if (c < 128) return ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (c < 0x100) return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    return (c >= 0x100 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
           (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0xAC00 && c <= 0xD7A3);
}
static int is_numeric_uni(uint32_t c) {
    return is_digit_uni(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE);
}
static int is_word_uni(uint32_t c) { return c == '_' || is_alpha_uni(c) || is_numeric_uni(c); }
static int is_linebreak_uni(uint32_t c) {
    return (c >= 10 && c <= 13) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
}
/* the C locale: ASCII classes, other characters unchanged */
static uint32_t lower_locale(uint32_t c) { return c < 128 ? sre_lower_ascii(c) : c; }
static uint32_t upper_locale(uint32_t c) { return c < 128 ? upper_ascii(c) : c; }

/* sre_category */
static int category(uint32_t cat, uint32_t c) {
    switch (cat) {
    case 0: return is_digit_ascii(c);
    case 1: return !is_digit_ascii(c);
    case 2: return is_space_ascii(c);
    case 3: return !is_space_ascii(c);
    case 4: case 8: return is_word_ascii(c);
    case 5: case 9: return !is_word_ascii(c);
    case 6: return c == '\n';
    case 7: return c != '\n';
    case 10: return is_digit_uni(c);
    case 11: return !is_digit_uni(c);
    case 12: return is_space_uni(c);
    case 13: return !is_space_uni(c);
    case 14: return is_word_uni(c);
    case 15: return !is_word_uni(c);
    case 16: return is_linebreak_uni(c);
    case 17: return !is_linebreak_uni(c);
    default: return 0;
    }
}

/* SRE(charset): does set (the words after IN's skip, up to FAILURE) hold ch */
static int charset(const uint32_t *set, uint32_t ch) {
    int ok = 1;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE: return !ok;
        case SRE_OP_LITERAL:
            if (ch == *set) return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (category(*set, ch)) return ok;
            set++;
            break;
        case SRE_OP_CHARSET: /* 256 bits in 8 words */
            if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
            set += 8;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1]) return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (set[0] <= ch && ch <= set[1]) return ok;
            uint32_t u = hx_ucase_upper(ch);
            if (set[0] <= u && u <= set[1]) return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE: ok = !ok; break;
        case SRE_OP_BIGCHARSET: { /* count, 256 block numbers in 64 words, count blocks of 8 words */
            uint32_t count = *set++;
            if (ch < 65536) {
                uint32_t block = ((const uint8_t *)set)[ch >> 8];
                const uint32_t *bits = set + 64 + block * 8;
                if (bits[(ch & 255) >> 5] & (1u << (ch & 31))) return ok;
            }
            set += 64 + count * 8;
            break;
        }
        default: return -1; /* a code error */
        }
    }
}

static int charset_loc_ignore(const uint32_t *set, uint32_t ch) {
    uint32_t lo = lower_locale(ch), up;
    if (charset(set, ch) == 1) return 1;
    up = upper_locale(lo);
    return charset(set, lo) == 1 || charset(set, up) == 1;
}

/* Does the one-character op at code[pc] accept ch (SRE(count)'s and the opcodes' checks) */
static int one(const uint32_t *c, size_t pc, uint32_t ch) {
    uint32_t x = c[pc + 1];
    switch (c[pc]) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_LITERAL: return ch == x;
    case SRE_OP_NOT_LITERAL: return ch != x;
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == x;
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != x;
    case SRE_OP_LITERAL_UNI_IGNORE: return hx_ucase_lower(ch) == x;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return hx_ucase_lower(ch) != x;
    case SRE_OP_LITERAL_LOC_IGNORE: return ch == x || lower_locale(ch) == x || upper_locale(ch) == x;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !(ch == x || lower_locale(ch) == x || upper_locale(ch) == x);
    case SRE_OP_IN: return charset(c + pc + 2, ch) == 1;
    case SRE_OP_IN_IGNORE: return charset(c + pc + 2, sre_lower_ascii(ch)) == 1;
    case SRE_OP_IN_UNI_IGNORE: return charset(c + pc + 2, hx_ucase_lower(ch)) == 1;
    case SRE_OP_IN_LOC_IGNORE: return charset_loc_ignore(c + pc + 2, ch);
    case SRE_OP_CATEGORY: return category(x, ch);
    default: return 0;
    }
}
/* index of the op after the one-character op at pc */
static size_t one_next(const uint32_t *c, size_t pc) {
    switch (c[pc]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: return pc + 1;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE: return pc + 1 + c[pc + 1];
    default: return pc + 2;
    }
}

/* SRE(count): how many characters from ptr (at most max) the one-character body at pc accepts */
static intptr_t count_one(const sre_state *s, size_t pc, intptr_t ptr, uint32_t max) {
    intptr_t lim = s->end - ptr, n = 0;
    if (max != SRE_MAXREPEAT && (intptr_t)max < lim) lim = (intptr_t)max;
    if (s->code[pc] == SRE_OP_ANY_ALL) return lim;
    if (s->code[pc] == SRE_OP_LITERAL) {
        uint32_t x = s->code[pc + 1];
        while (n < lim && CH(s, ptr + n) == x) n++;
        return n;
    }
    while (n < lim && one(s->code, pc, CH(s, ptr + n))) n++;
    return n;
}

/* SRE(at) */
static int at(const sre_state *s, intptr_t ptr, uint32_t code) {
    int thisp, thatp;
    int (*word)(uint32_t) = is_word_ascii;
    switch (code) {
    case 0: case 2: return ptr == s->beginning;
    case 1: return ptr == s->beginning || CH(s, ptr - 1) == '\n';
    case 5: return ptr == s->end || (ptr + 1 == s->end && CH(s, ptr) == '\n');
    case 6: return ptr == s->end || CH(s, ptr) == '\n';
    case 7: return ptr == s->end;
    case 10: case 11: word = is_word_uni; /* fall through */
    case 3: case 4: case 8: case 9:
        if (s->beginning == s->end) return 0;
        thatp = ptr > s->beginning ? word(CH(s, ptr - 1)) : 0;
        thisp = ptr < s->end ? word(CH(s, ptr)) : 0;
        return (code == 3 || code == 8 || code == 10) ? thisp != thatp : thisp == thatp;
    default: return 0;
    }
}

/* ---------------------------------------------------------------- code formats and loading */

/* engine opcode of each version's opcode number */
#define SRE_X_OP_VAL(n) SRE_OP_##n,
static const uint8_t ops_20220615[] = {SRE_OPCODES(SRE_X_OP_VAL)};
static const uint8_t ops_20171005[] = {SRE_OPCODES_20171005(SRE_X_OP_VAL)};
#undef SRE_X_OP_VAL

/* 3.11-3.13 share the opcodes (only MAGIC moved with the other changes of _sre); 3.10 numbers them
 * otherwise and has a larger SRE_MAXGROUPS (INT32_MAX: its sre.h bounds groups by the int marks) */
static const sre_format formats[] = {
    {20220615, SRE_MAXGROUPS, ops_20220615, sizeof ops_20220615},
    {20221023, SRE_MAXGROUPS, ops_20220615, sizeof ops_20220615},
    {20230612, SRE_MAXGROUPS, ops_20220615, sizeof ops_20220615},
    {20171005, 2147483647, ops_20171005, sizeof ops_20171005},
};

const sre_format *sre_format_for(uint32_t magic) {
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].magic == magic) return &formats[i];
    return &formats[0];
}

/* The loader walks the code as sre.c's _validate_inner does: each opcode word is read once (GET_OP),
 * checked and rewritten into the engine's number; operands (GET_ARG) and skips (GET_SKIP: a skip may
 * not reach past the end of the enclosing part) are read as they are. Nesting deeper than
 * LOAD_MAX_DEPTH (far beyond what the parser's recursion lets a pattern reach) is refused rather than
 * recursed into. */
enum { LOAD_MAX_DEPTH = 4000 };
typedef struct {
    const sre_format *f;
    uint32_t *c;
    uint64_t groups;
} loader;

static int engine_op(const sre_format *f, uint32_t w) {
    return w < f->nops && f->ops[w] != SRE_OP_CALL ? f->ops[w] : -1;
}
/* GET_OP: the opcode at *i (< end) as the engine's, rewritten in place; -1 past the end or unknown */
static int get_op(loader *L, size_t *i, size_t end) {
    if (*i >= end) return -1;
    int op = engine_op(L->f, L->c[*i]);
    if (op >= 0) L->c[*i] = (uint32_t)op;
    (*i)++;
    return op;
}
static int get_arg(loader *L, size_t *i, size_t end, uint32_t *arg) {
    if (*i >= end) return -1;
    *arg = L->c[(*i)++];
    return 0;
}
/* GET_SKIP_ADJ: the skip at *i, which may reach at most adj words past end */
static int get_skip(loader *L, size_t *i, size_t end, uint32_t adj, uint32_t *skip) {
    if (*i >= end) return -1;
    *skip = L->c[*i];
    if ((uint32_t)(*skip - adj) > end - *i) return -1;
    (*i)++;
    return 0;
}

/* _validate_charset over [i, end) */
static int load_charset(loader *L, size_t i, size_t end) {
    uint32_t arg;
    while (i < end) {
        switch (get_op(L, &i, end)) {
        case SRE_OP_NEGATE: break;
        case SRE_OP_LITERAL:
            if (get_arg(L, &i, end, &arg)) return -1;
            break;
        case SRE_OP_RANGE: case SRE_OP_RANGE_UNI_IGNORE:
            if (get_arg(L, &i, end, &arg) || get_arg(L, &i, end, &arg)) return -1;
            break;
        case SRE_OP_CHARSET: /* a 256-bit map */
            if (end - i < 8) return -1;
            i += 8;
            break;
        case SRE_OP_BIGCHARSET: { /* block count, 256 block numbers (one byte each), the blocks */
            if (get_arg(L, &i, end, &arg) || end - i < 64) return -1;
            const uint8_t *blocks = (const uint8_t *)(L->c + i);
            for (int k = 0; k < 256; k++)
                if (blocks[k] >= arg) return -1;
            i += 64;
            if ((uint64_t)arg * 8 > end - i) return -1;
            i += (size_t)arg * 8;
            break;
        }
        case SRE_OP_CATEGORY:
            if (get_arg(L, &i, end, &arg) || arg > 17) return -1; /* CATEGORY_DIGIT .. UNI_NOT_LINEBREAK */
            break;
        default: return -1;
        }
    }
    return 0;
}

/* the word at i must be FAILURE (the end of a set) */
static int load_failure(loader *L, size_t i) {
    if (engine_op(L->f, L->c[i]) != SRE_OP_FAILURE) return -1;
    L->c[i] = SRE_OP_FAILURE;
    return 0;
}

/* _validate_inner over [i, end): 0 valid, 1 valid and ended by a JUMP whose skip is the last word
 * (a conditional's "then" part), -1 invalid */
static int load_inner(loader *L, size_t i, size_t end, int depth) {
    uint32_t arg, skip, mn, mx;
    if (i > end || depth > LOAD_MAX_DEPTH) return -1;
    while (i < end) {
        int op = get_op(L, &i, end);
        size_t at;
        switch (op) {
        case SRE_OP_MARK:
            if (get_arg(L, &i, end, &arg) || arg > 2 * L->groups + 1) return -1;
            break;
        case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (get_arg(L, &i, end, &arg)) return -1;
            break;
        case SRE_OP_SUCCESS: case SRE_OP_FAILURE: case SRE_OP_ANY: case SRE_OP_ANY_ALL: break;
        case SRE_OP_AT:
            if (get_arg(L, &i, end, &arg) || arg > 11) return -1; /* AT_BEGINNING .. AT_UNI_NON_BOUNDARY */
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
            /* skip, the set, FAILURE */
            at = i;
            if (get_skip(L, &i, end, 0, &skip) || skip < 2 || load_charset(L, i, at + skip - 1) ||
                load_failure(L, at + skip - 1))
                return -1;
            i = at + skip;
            break;
        case SRE_OP_INFO: { /* skip, flags, min, max, then a prefix (with its overlap table) or a set */
            at = i;
            if (get_skip(L, &i, end, 0, &skip)) return -1;
            size_t next = at + skip;
            uint32_t flags;
            if (get_arg(L, &i, end, &flags) || get_arg(L, &i, end, &arg) || get_arg(L, &i, end, &arg)) return -1;
            if ((flags & ~7u) || ((flags & 1) && (flags & 4)) || ((flags & 2) && !(flags & 1))) return -1;
            if (flags & 1) { /* SRE_INFO_PREFIX: length, skip, the characters, the overlap table */
                uint32_t len;
                if (get_arg(L, &i, end, &len) || get_arg(L, &i, end, &arg)) return -1;
                if (i > next || len > next - i) return -1;
                i += len;
                if (len > next - i) return -1;
                for (uint32_t k = 0; k < len; k++)
                    if (L->c[i + k] >= len) return -1;
                i += len;
            }
            if (flags & 4) { /* SRE_INFO_CHARSET */
                if (next < 1 || i > next - 1 || load_charset(L, i, next - 1) || load_failure(L, next - 1)) return -1;
                i = next;
            } else if (i != next) return -1;
            break;
        }
        case SRE_OP_BRANCH: { /* (skip, alternative, JUMP skip)* 0; every JUMP lands after the 0 */
            size_t target = 0;
            int have = 0;
            for (;;) {
                at = i;
                if (get_skip(L, &i, end, 0, &skip)) return -1;
                if (skip == 0) break;
                if (skip < 3 || load_inner(L, i, at + skip - 2, depth + 1)) return -1;
                i = at + skip - 2;
                if (get_op(L, &i, end) != SRE_OP_JUMP) return -1;
                at = i;
                if (get_skip(L, &i, end, 0, &skip)) return -1;
                if (!have) target = at + skip, have = 1;
                else if (at + skip != target) return -1;
            }
            if (!have || i != target) return -1;
            break;
        }
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
        case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT: { /* skip, min, max, the body, its end op */
            at = i;
            if (get_skip(L, &i, end, 0, &skip) || get_arg(L, &i, end, &mn) || get_arg(L, &i, end, &mx)) return -1;
            if (mn > mx) return -1;
            int one_char = op == SRE_OP_REPEAT_ONE || op == SRE_OP_MIN_REPEAT_ONE || op == SRE_OP_POSSESSIVE_REPEAT_ONE;
            size_t body_end = at + skip - (one_char ? 1 : 0); /* the op that ends the body */
            if (skip < 3 || body_end < i || load_inner(L, i, body_end, depth + 1)) return -1;
            i = body_end;
            int until = get_op(L, &i, end);
            if (op == SRE_OP_REPEAT ? (until != SRE_OP_MAX_UNTIL && until != SRE_OP_MIN_UNTIL) : until != SRE_OP_SUCCESS)
                return -1;
            break;
        }
        case SRE_OP_ATOMIC_GROUP: /* skip, the body, SUCCESS */
            at = i;
            if (get_skip(L, &i, end, 0, &skip) || skip < 2 || load_inner(L, i, at + skip - 1, depth + 1)) return -1;
            i = at + skip - 1;
            if (get_op(L, &i, end) != SRE_OP_SUCCESS) return -1;
            break;
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (get_arg(L, &i, end, &arg) || arg >= L->groups) return -1;
            break;
        case SRE_OP_GROUPREF_EXISTS: { /* group, skip (from the group word), then [JUMP skip] else */
            if (get_arg(L, &i, end, &arg) || arg >= L->groups) return -1;
            at = i - 1; /* the skip counts from the group word */
            if (get_skip(L, &i, end, 1, &skip) || skip < 1) return -1;
            int rc = load_inner(L, i, at + skip, depth + 1);
            if (rc == 1) { /* the then part ended with JUMP: its skip covers the else part */
                i = at + skip - 1;
                size_t s2 = i;
                if (get_skip(L, &i, end, 0, &skip)) return -1;
                rc = load_inner(L, i, s2 + skip, depth + 1);
                at = s2; /* the else part ends where the JUMP lands */
            }
            if (rc) return -1;
            i = at + skip;
            break;
        }
        case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT: /* skip, back, the body, SUCCESS */
            at = i;
            if (get_skip(L, &i, end, 0, &skip) || get_arg(L, &i, end, &arg) || skip < 3 ||
                load_inner(L, i, at + skip - 1, depth + 1))
                return -1;
            i = at + skip - 1;
            if (get_op(L, &i, end) != SRE_OP_SUCCESS) return -1;
            break;
        case SRE_OP_JUMP: /* only as the end of a conditional's then part: JUMP, its skip, the end */
            if (i + 1 != end) return -1;
            return 1;
        default: return -1;
        }
    }
    return 0;
}

int sre_load_code(const sre_format *f, uint32_t *code, size_t n, intptr_t groups) {
    loader L = {f, code, (uint64_t)groups};
    if (groups < 0 || groups > f->maxgroups || n == 0 || engine_op(f, code[n - 1]) != SRE_OP_SUCCESS) return -1;
    code[n - 1] = SRE_OP_SUCCESS;
    return load_inner(&L, 0, n - 1, 0) == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- state */

int sre_state_init(sre_state *s, const uint32_t *code, size_t codesize, const void *data, int kind,
                   intptr_t start, intptr_t end, intptr_t groups) {
    memset(s, 0, sizeof *s);
    s->code = code;
    s->codesize = codesize;
    s->data = data;
    s->kind = kind;
    s->start = start;
    s->end = end;
    s->nmark = 2 * groups;
    s->mark = malloc((size_t)(s->nmark ? s->nmark : 1) * sizeof(intptr_t));
    if (!s->mark) return -1;
    sre_state_reset(s);
    return 0;
}

void sre_state_fini(sre_state *s) {
    free(s->mark);
    free(s->frames);
    free(s->saved);
    s->mark = NULL;
    s->frames = NULL;
    s->saved = NULL;
}

void sre_state_reset(sre_state *s) {
    for (intptr_t i = 0; i < s->nmark; i++) s->mark[i] = -1;
    s->lastmark = -1;
    s->lastindex = -1;
    s->repeat = NULL;
}

/* MARK_PUSH: save the marks; returns the slot index, or (size_t)-1 when out of memory */
static size_t marks_push(sre_state *s) {
    size_t w = (size_t)s->nmark;
    if (s->nsaved + w + 1 > s->capsaved) {
        size_t cap = s->capsaved ? s->capsaved * 2 : 256;
        while (cap < s->nsaved + w + 1) cap *= 2;
        intptr_t *p = realloc(s->saved, cap * sizeof *p);
        if (!p) return (size_t)-1;
        s->saved = p;
        s->capsaved = cap;
    }
    size_t at_ = s->nsaved;
    if (w) memcpy(s->saved + at_, s->mark, w * sizeof(intptr_t));
    s->nsaved += w;
    return at_;
}
static void marks_restore(sre_state *s, size_t at_) {
    if (s->nmark) memcpy(s->mark, s->saved + at_, (size_t)s->nmark * sizeof(intptr_t));
}
static void marks_drop(sre_state *s, size_t at_) { s->nsaved = at_; }

static int frames_push(sre_state *s, const sre_frame *f) {
    if (s->nframes == s->capframes) {
        size_t cap = s->capframes ? s->capframes * 2 : 64;
        sre_frame *p = realloc(s->frames, cap * sizeof *p);
        if (!p) return -1;
        s->frames = p;
        s->capframes = cap;
    }
    s->frames[s->nframes++] = *f;
    return 0;
}

/* ---------------------------------------------------------------- SRE(match) */

/* Run the code from pc at ptr. 1 matched (s->ptr: the end), 0 failed, -1 out of memory, -2 bad code. */
static int run(sre_state *s, size_t pc0, intptr_t ptr0, int toplevel) {
    const uint32_t *c = s->code;
    size_t base = s->nframes;
    sre_frame cur = {0};
    int ret = 0, err = 0;
    cur.pc = pc0;
    cur.ptr = ptr0;
    cur.toplevel = toplevel;

/* start a child frame at code index `target`, position p; resume this one at `lbl` */
#define CALL(lbl, target, p, top)                                                                       \
    do {                                                                                                \
        size_t pc_ = (target);                                                                          \
        intptr_t ptr_ = (p);                                                                            \
        int top_ = (top);                                                                               \
        cur.label = (lbl);                                                                              \
        if (frames_push(s, &cur)) { err = -1; goto abort; }                                             \
        memset(&cur, 0, sizeof cur);                                                                    \
        cur.pc = pc_;                                                                                   \
        cur.ptr = ptr_;                                                                                 \
        cur.toplevel = top_;                                                                            \
        goto dispatch;                                                                                  \
    } while (0)
#define SAVE_MARKS()                                                                                    \
    do {                                                                                                \
        cur.lastmark = s->lastmark;                                                                     \
        cur.lastindex = s->lastindex;                                                                   \
        if ((cur.saved = marks_push(s)) == (size_t)-1) { err = -1; goto abort; }                        \
    } while (0)
#define RESTORE_MARKS()                                                                                 \
    do {                                                                                                \
        marks_restore(s, cur.saved);                                                                    \
        s->lastmark = cur.lastmark;                                                                     \
        s->lastindex = cur.lastindex;                                                                   \
    } while (0)

dispatch:
    for (;;) {
        size_t pc = cur.pc;
        intptr_t ptr = cur.ptr;
        if (pc >= s->codesize) { err = -2; goto abort; }
        switch (c[pc]) {
        case SRE_OP_FAILURE: goto fail;
        case SRE_OP_SUCCESS:
            if (cur.toplevel && ((s->match_all && ptr != s->end) || (s->must_advance && ptr == s->start))) goto fail;
            s->ptr = ptr;
            goto succeed;
        case SRE_OP_AT:
            if (!at(s, ptr, c[pc + 1])) goto fail;
            cur.pc += 2;
            break;
        case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        case SRE_OP_CATEGORY:
            if (ptr >= s->end || !one(c, pc, CH(s, ptr))) goto fail;
            cur.ptr++;
            cur.pc = one_next(c, pc);
            break;
        case SRE_OP_INFO:
            if (c[pc + 3] && s->end - ptr < (intptr_t)c[pc + 3]) goto fail;
            cur.pc = pc + 1 + c[pc + 1];
            break;
        case SRE_OP_JUMP: cur.pc = pc + 1 + c[pc + 1]; break;
        case SRE_OP_MARK: {
            intptr_t i = (intptr_t)c[pc + 1];
            if (i & 1) s->lastindex = i / 2 + 1;
            if (i >= s->nmark) { cur.pc += 2; break; } /* _validate lets a mark pass the groups by 2 (no group) */
            if (i > s->lastmark) {
                for (intptr_t j = s->lastmark + 1; j < i; j++) s->mark[j] = -1;
                s->lastmark = i;
            }
            s->mark[i] = ptr;
            cur.pc += 2;
            break;
        }
        case SRE_OP_BRANCH:
            SAVE_MARKS();
            cur.aux = pc + 1;
            goto branch_next;
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            uint32_t mn = c[pc + 2], mx = c[pc + 3];
            if ((intptr_t)mn > s->end - ptr) goto fail;
            intptr_t n = count_one(s, pc + 4, ptr, c[pc] == SRE_OP_MIN_REPEAT_ONE ? mn : mx);
            if (n < (intptr_t)mn) goto fail;
            cur.ptr = ptr + n;
            cur.count = n;
            cur.aux = pc + 1 + c[pc + 1]; /* the tail */
            if (c[pc] == SRE_OP_POSSESSIVE_REPEAT_ONE) { cur.pc = cur.aux; break; }
            SAVE_MARKS();
            if (c[pc] == SRE_OP_MIN_REPEAT_ONE) goto min_repeat_one_try;
            goto repeat_one_try;
        }
        case SRE_OP_REPEAT: {
            sre_repeat *r = malloc(sizeof *r);
            if (!r) { err = -1; goto abort; }
            r->count = -1;
            r->last_ptr = -1;
            r->pc = pc;
            r->prev = s->repeat;
            s->repeat = r;
            cur.rep = r;
            CALL(J_REPEAT, pc + 1 + c[pc + 1], ptr, cur.toplevel);
        }
        case SRE_OP_MAX_UNTIL: case SRE_OP_MIN_UNTIL: {
            sre_repeat *r = s->repeat;
            if (!r) { err = -2; goto abort; }
            cur.rep = r;
            cur.count = r->count + 1;
            s->ptr = ptr;
            size_t body = r->pc + 4;
            if (cur.count < (intptr_t)c[r->pc + 2]) { /* not yet the minimum: one more item */
                r->count = cur.count;
                CALL(c[pc] == SRE_OP_MAX_UNTIL ? J_MAX_UNTIL_1 : J_MIN_UNTIL_1, body, ptr, cur.toplevel);
            }
            if (c[pc] == SRE_OP_MIN_UNTIL) { /* see if the tail matches first */
                s->repeat = r->prev;
                SAVE_MARKS();
                CALL(J_MIN_UNTIL_2, pc + 1, ptr, cur.toplevel);
            }
            uint32_t mx = c[r->pc + 3];
            if ((cur.count < (intptr_t)mx || mx == SRE_MAXREPEAT) && ptr != r->last_ptr) {
                r->count = cur.count;
                SAVE_MARKS();
                cur.pos = r->last_ptr;
                r->last_ptr = ptr;
                CALL(J_MAX_UNTIL_2, body, ptr, cur.toplevel);
            }
            goto max_until_tail;
        }
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            intptr_t g = 2 * (intptr_t)c[pc + 1];
            if (g >= s->lastmark || g + 1 >= s->nmark) goto fail;
            intptr_t p = s->mark[g], e = s->mark[g + 1];
            if (p < 0 || e < 0 || e < p) goto fail;
            if (e - p > s->end - ptr) goto fail;
            for (intptr_t k = 0; k < e - p; k++) {
                uint32_t a = CH(s, p + k), b = CH(s, ptr + k);
                if (c[pc] == SRE_OP_GROUPREF_IGNORE) a = sre_lower_ascii(a), b = sre_lower_ascii(b);
                else if (c[pc] == SRE_OP_GROUPREF_UNI_IGNORE) a = hx_ucase_lower(a), b = hx_ucase_lower(b);
                else if (c[pc] == SRE_OP_GROUPREF_LOC_IGNORE) a = lower_locale(a), b = lower_locale(b);
                if (a != b) goto fail;
            }
            cur.ptr = ptr + (e - p);
            cur.pc += 2;
            break;
        }
        case SRE_OP_GROUPREF_EXISTS: {
            intptr_t g = 2 * (intptr_t)c[pc + 1];
            if (g >= s->lastmark || g + 1 >= s->nmark || s->mark[g] < 0 || s->mark[g + 1] < 0 ||
                s->mark[g + 1] < s->mark[g])
                cur.pc = pc + 1 + c[pc + 2];
            else
                cur.pc = pc + 3;
            break;
        }
        case SRE_OP_ASSERT:
            if (ptr - (intptr_t)c[pc + 2] < s->beginning) goto fail;
            s->ptr = ptr - (intptr_t)c[pc + 2];
            CALL(J_ASSERT, pc + 3, s->ptr, 0);
        case SRE_OP_ASSERT_NOT:
            if (ptr - (intptr_t)c[pc + 2] >= s->beginning) {
                SAVE_MARKS();
                s->ptr = ptr - (intptr_t)c[pc + 2];
                CALL(J_ASSERT_NOT, pc + 3, s->ptr, 0);
            }
            cur.pc = pc + 1 + c[pc + 1];
            break;
        case SRE_OP_ATOMIC_GROUP:
            s->ptr = ptr;
            CALL(J_ATOMIC, pc + 2, ptr, 0);
        case SRE_OP_POSSESSIVE_REPEAT:
            cur.count = 0;
            cur.pos = ptr;
            goto poss_next;
        default: err = -2; goto abort;
        }
    }

/* the loops that call children, entered from their opcode and resumed after each child */
branch_next:
    while (c[cur.aux]) {
        size_t alt = cur.aux + 1;
        intptr_t ptr = cur.ptr;
        if (c[alt] == SRE_OP_LITERAL && (ptr >= s->end || CH(s, ptr) != c[alt + 1])) { cur.aux += c[cur.aux]; continue; }
        if (c[alt] == SRE_OP_IN && (ptr >= s->end || charset(c + alt + 2, CH(s, ptr)) != 1)) { cur.aux += c[cur.aux]; continue; }
        s->ptr = ptr;
        CALL(J_BRANCH, alt, ptr, cur.toplevel);
    }
    marks_drop(s, cur.saved);
    goto fail;

repeat_one_try: {
    size_t tail = cur.aux;
    intptr_t mn = (intptr_t)c[cur.pc + 2];
    if (c[tail] == SRE_OP_LITERAL) { /* the tail starts with a literal: skip positions that cannot match */
        uint32_t ch = c[tail + 1];
        while (cur.count >= mn && (cur.ptr >= s->end || CH(s, cur.ptr) != ch)) cur.ptr--, cur.count--;
    }
    if (cur.count < mn) { marks_drop(s, cur.saved); goto fail; }
    s->ptr = cur.ptr;
    CALL(J_REPEAT_ONE, tail, cur.ptr, cur.toplevel);
}

min_repeat_one_try: {
    uint32_t mx = c[cur.pc + 3];
    if (mx != SRE_MAXREPEAT && cur.count > (intptr_t)mx) { marks_drop(s, cur.saved); goto fail; }
    s->ptr = cur.ptr;
    CALL(J_MIN_REPEAT_ONE, cur.aux, cur.ptr, cur.toplevel);
}

max_until_tail: /* no more items here: the tail, outside this repeat */
    s->repeat = cur.rep->prev;
    CALL(J_MAX_UNTIL_3, cur.pc + 1, cur.ptr, cur.toplevel);

poss_next: {
    size_t body = cur.pc + 4;
    uint32_t mn = c[cur.pc + 2], mx = c[cur.pc + 3];
    if (cur.count < (intptr_t)mn) {
        s->ptr = cur.pos;
        CALL(J_POSS_1, body, cur.pos, 0);
    }
    if (mx == SRE_MAXREPEAT || cur.count < (intptr_t)mx) {
        SAVE_MARKS();
        s->ptr = cur.pos;
        CALL(J_POSS_2, body, cur.pos, 0);
    }
    goto poss_done;
}
poss_done: /* the tail: past the SUCCESS that ends the body (skip lands on it) */
    cur.ptr = cur.pos;
    cur.pc = cur.pc + 1 + c[cur.pc + 1] + 1;
    goto dispatch;

succeed:
    ret = 1;
    goto leave;
fail:
    ret = 0;
leave:
    if (s->nframes == base) return ret;
    cur = s->frames[--s->nframes];
    switch (cur.label) {
    case J_BRANCH:
        if (ret) { marks_drop(s, cur.saved); goto succeed; }
        RESTORE_MARKS();
        cur.aux += c[cur.aux];
        goto branch_next;
    case J_REPEAT_ONE:
        if (ret) { marks_drop(s, cur.saved); goto succeed; }
        RESTORE_MARKS();
        cur.ptr--;
        cur.count--;
        goto repeat_one_try;
    case J_MIN_REPEAT_ONE:
        if (ret) { marks_drop(s, cur.saved); goto succeed; }
        RESTORE_MARKS();
        if (count_one(s, cur.pc + 4, cur.ptr, 1) == 0) { marks_drop(s, cur.saved); goto fail; }
        cur.ptr++;
        cur.count++;
        goto min_repeat_one_try;
    case J_REPEAT:
        s->repeat = cur.rep->prev;
        free(cur.rep);
        goto leave;
    case J_MAX_UNTIL_1: case J_MIN_UNTIL_1:
        if (ret) goto succeed;
        cur.rep->count = cur.count - 1;
        s->ptr = cur.ptr;
        goto fail;
    case J_MAX_UNTIL_2:
        cur.rep->last_ptr = cur.pos;
        if (ret) { marks_drop(s, cur.saved); goto succeed; }
        RESTORE_MARKS();
        marks_drop(s, cur.saved);
        cur.rep->count = cur.count - 1;
        s->ptr = cur.ptr;
        goto max_until_tail;
    case J_MAX_UNTIL_3:
        s->repeat = cur.rep;
        if (ret) goto succeed;
        s->ptr = cur.ptr;
        goto fail;
    case J_MIN_UNTIL_2: {
        s->repeat = cur.rep;
        if (ret) { marks_drop(s, cur.saved); goto succeed; }
        RESTORE_MARKS();
        marks_drop(s, cur.saved);
        s->ptr = cur.ptr;
        uint32_t mx = c[cur.rep->pc + 3];
        if ((cur.count >= (intptr_t)mx && mx != SRE_MAXREPEAT) || cur.ptr == cur.rep->last_ptr) goto fail;
        cur.rep->count = cur.count;
        cur.pos = cur.rep->last_ptr;
        cur.rep->last_ptr = cur.ptr;
        CALL(J_MIN_UNTIL_3, cur.rep->pc + 4, cur.ptr, cur.toplevel);
    }
    case J_MIN_UNTIL_3:
        cur.rep->last_ptr = cur.pos;
        if (ret) goto succeed;
        cur.rep->count = cur.count - 1;
        s->ptr = cur.ptr;
        goto fail;
    case J_ASSERT:
        if (!ret) goto fail;
        cur.pc = cur.pc + 1 + c[cur.pc + 1];
        goto dispatch;
    case J_ASSERT_NOT:
        if (ret) { marks_drop(s, cur.saved); goto fail; }
        RESTORE_MARKS();
        marks_drop(s, cur.saved);
        cur.pc = cur.pc + 1 + c[cur.pc + 1];
        goto dispatch;
    case J_ATOMIC:
        if (!ret) goto fail;
        cur.ptr = s->ptr;
        cur.pc = cur.pc + 1 + c[cur.pc + 1];
        goto dispatch;
    case J_POSS_1:
        if (!ret) goto fail;
        cur.pos = s->ptr;
        cur.count++;
        goto poss_next;
    case J_POSS_2:
        if (!ret) { RESTORE_MARKS(); marks_drop(s, cur.saved); goto poss_done; }
        marks_drop(s, cur.saved);
        if (s->ptr == cur.pos) goto poss_done;
        cur.pos = s->ptr;
        cur.count++;
        goto poss_next;
    default: err = -2; goto abort;
    }

abort: /* out of memory or a bad code word: unwind, freeing the repeat contexts */
    if (cur.label == J_REPEAT && cur.rep) free(cur.rep); /* its frame could not be pushed */
    while (s->nframes > base) {
        sre_frame *f = &s->frames[--s->nframes];
        if (f->label == J_REPEAT) free(f->rep);
    }
    s->repeat = NULL;
    s->nsaved = 0;
    return err;
#undef CALL
#undef SAVE_MARKS
#undef RESTORE_MARKS
}

int sre_match(sre_state *s, int match_all) {
    if (s->start > s->end) return 0;
    s->match_all = match_all;
    s->ptr = s->start;
    int r = run(s, 0, s->start, 1);
    s->must_advance = 0;
    return r;
}

/* SRE(search): attempts at each position from s->start; the first one keeps must_advance */
int sre_search(sre_state *s) {
    intptr_t ptr = s->start;
    if (ptr > s->end) return 0;
    size_t pc = 0;
    const uint32_t *c = s->code;
    if (c[0] == SRE_OP_INFO) {
        if (c[3] && s->end - ptr < (intptr_t)c[3]) return 0;
        pc = 1 + c[1];
    }
    s->match_all = 0;
    for (;;) {
        /* a first literal: skip to where it occurs */
        if (c[pc] == SRE_OP_LITERAL) {
            uint32_t ch = c[pc + 1];
            while (ptr < s->end && CH(s, ptr) != ch) ptr++;
            if (ptr >= s->end) return 0;
        }
        sre_state_reset(s);
        s->start = s->ptr = ptr;
        int r = run(s, 0, ptr, 1);
        s->must_advance = 0;
        if (r) return r;
        if (c[pc] == SRE_OP_AT && (c[pc + 1] == 0 || c[pc + 1] == 2)) return 0; /* anchored at the beginning */
        if (ptr >= s->end) return 0;
        ptr++;
    }
}
