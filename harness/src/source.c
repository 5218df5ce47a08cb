/* source.c — the encoding of a source file (PEP 263) and its text as UTF-8, before the lexer sees it.
 *
 * What CPython's tokenizer does when it reads a file (Parser/tokenizer.c: check_bom, check_coding_spec,
 * get_coding_spec, get_normal_name, decoding_fgets and valid_utf8 in 3.11; decoding_fgets's ASCII check in
 * 2.7):
 *  - a UTF-8 BOM means UTF-8; a coding declaration that says otherwise is "encoding problem: X with BOM";
 *  - a declaration is a comment line, the first or the second (the second only when the first is blank or a
 *    comment), holding `coding` then `:` or `=`, blanks, and a name of letters, digits, `-`, `_`, `.`;
 *  - without one, every line must be valid UTF-8 (3.x; the lax check of valid_utf8: a lead byte and the
 *    right number of continuation bytes) or ASCII (2.7), comments included: "Non-UTF-8 code starting with
 *    '\xNN' in file F on line N, but no encoding declared; ..." — the profile's default encoding decides;
 *  - with one, the text is decoded by that codec: a declared utf-8 is not checked here (a bad byte in a
 *    string literal is the lexer's error, one in a comment is ignored, as in CPython); latin-1 is widened
 *    to UTF-8; ascii refuses any byte above 0x7F; a name no codec has is "encoding problem: X".
 * refheap decodes utf-8, latin-1 and ascii (with the aliases of Lib/encodings/aliases.py); another codec
 * CPython has (cp1252, koi8-r, ...) is refused with the same "encoding problem" and a word on why.
 * Not modelled: 3.10 reports a non-UTF-8 line one past the real one, and 2.7 a line inside a multi-line
 * string at the string's end (docs/conformance.md, hostile input).
 */
#include <stdlib.h>
#include <string.h>

#include "source.h"

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII, ENC_OTHER };

/* get_normal_name: the first 12 characters lowered, '_' as '-'; utf-8 and latin-1 spellings folded */
static const char *normal_name(const char *s, char buf[13]) {
    int i;
    for (i = 0; i < 12 && s[i]; i++) {
        char c = s[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[i] = 0;
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6)) return "utf-8";
    if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
        !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) || !strncmp(buf, "iso-latin-1-", 12))
        return "iso-8859-1";
    return s;
}

/* The codec a declared name finds (encodings.search_function: lowered, runs of other characters than
 * letters, digits and '.' as '_', then Lib/encodings/aliases.py) among the three refheap decodes. */
static int codec_of(const char *name) {
    static const struct { const char *alias; int enc; } table[] = {
        {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8}, {"utf8_ucs2", ENC_UTF8},
        {"utf8_ucs4", ENC_UTF8}, {"cp65001", ENC_UTF8},
        {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1}, {"l1", ENC_LATIN1},
        {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1}, {"iso8859", ENC_LATIN1}, {"8859", ENC_LATIN1},
        {"cp819", ENC_LATIN1}, {"ibm819", ENC_LATIN1}, {"csisolatin1", ENC_LATIN1},
        {"iso_8859_1_1987", ENC_LATIN1}, {"iso_ir_100", ENC_LATIN1},
        {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"us", ENC_ASCII}, {"646", ENC_ASCII},
        {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII}, {"ansi_x3.4_1986", ENC_ASCII},
        {"cp367", ENC_ASCII}, {"csascii", ENC_ASCII}, {"ibm367", ENC_ASCII}, {"iso646_us", ENC_ASCII},
        {"iso_646.irv_1991", ENC_ASCII}, {"iso_ir_6", ENC_ASCII},
    };
    char norm[64];
    size_t n = 0;
    int gap = 0;
    for (const char *p = name; *p && n < sizeof norm - 1; p++) {
        char c = *p;
        int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
        if (!keep) { gap = n > 0; continue; }
        if (gap) { norm[n++] = '_'; gap = 0; }
        if (n < sizeof norm - 1) norm[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    norm[n] = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (!strcmp(norm, table[i].alias)) return table[i].enc;
    return ENC_OTHER;
}

/* get_coding_spec on the line [s, e): the declared name copied to out (at most cap-1 bytes), 1; 0 when
 * the line is not a comment line or declares nothing. */
static int coding_spec(const char *s, const char *e, char *out, size_t cap) {
    const char *p = s;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
    if (p >= e || *p != '#') return 0;
    for (; p + 6 < e; p++) {
        if (memcmp(p, "coding", 6) != 0 || (p[6] != ':' && p[6] != '=')) continue;
        const char *b = p + 7;
        while (b < e && (*b == ' ' || *b == '\t')) b++;
        const char *t = b;
        while (t < e && ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9') ||
                         *t == '-' || *t == '_' || *t == '.'))
            t++;
        if (t == b) continue;
        size_t n = (size_t)(t - b) < cap - 1 ? (size_t)(t - b) : cap - 1;
        memcpy(out, b, n);
        out[n] = 0;
        return 1;
    }
    return 0;
}

/* A line that only a comment or blanks fill: the coding declaration may then be on the next. */
static int blank_or_comment(const char *s, const char *e) {
    for (; s < e; s++) {
        if (*s == '#' || *s == '\n' || *s == '\r') return 1;
        if (*s != ' ' && *s != '\t' && *s != '\f') return 0;
    }
    return 1;
}

static const char *line_end(const char *s, const char *e) {
    const char *nl = memchr(s, '\n', (size_t)(e - s));
    return nl ? nl + 1 : e;
}

/* valid_utf8 (3.11): the length of the sequence at s, 0 when its lead or a continuation byte is wrong */
static int valid_utf8(const unsigned char *s, const unsigned char *e) {
    int want;
    if (*s < 0x80) return 1;
    if (*s < 0xC0) return 0;
    if (*s < 0xE0) want = 1;
    else if (*s < 0xF0) want = 2;
    else if (*s < 0xF8) want = 3;
    else return 0;
    if (e - s <= want) return 0;
    for (int k = 1; k <= want; k++)
        if (s[k] < 0x80 || s[k] >= 0xC0) return 0;
    return want + 1;
}

/* Line and 1-based column (in characters) of position q of [s, e). */
static void position(const char *s, const char *q, int *line, int *col) {
    int ln = 1, c = 1;
    for (const char *p = s; p < q; p++) {
        if (*p == '\n') { ln++; c = 1; }
        else if (((unsigned char)*p & 0xC0) != 0x80) c++;
    }
    *line = ln;
    *col = c;
}

/* The first byte of [s, e) the encoding refuses (ascii: above 0x7F; utf-8: valid_utf8), or NULL. */
static const char *first_bad(const char *s, const char *e, int enc) {
    const unsigned char *p = (const unsigned char *)s, *end = (const unsigned char *)e;
    while (p < end) {
        if (*p < 0x80) { p++; continue; }
        if (enc == ENC_ASCII) return (const char *)p;
        int n = valid_utf8(p, end);
        if (!n) return (const char *)p;
        p += n;
    }
    return NULL;
}

/* latin-1 → UTF-8: every byte above 0x7F becomes two. 0, or -1 on allocation failure. */
static int widen_latin1(char **src, size_t *len) {
    size_t extra = 0;
    for (size_t i = 0; i < *len; i++) extra += (unsigned char)(*src)[i] >= 0x80;
    if (!extra) return 0;
    char *out = malloc(*len + extra + 1);
    if (!out) return -1;
    size_t k = 0;
    for (size_t i = 0; i < *len; i++) {
        unsigned char c = (unsigned char)(*src)[i];
        if (c < 0x80) out[k++] = (char)c;
        else { out[k++] = (char)(0xC0 | (c >> 6)); out[k++] = (char)(0x80 | (c & 0x3F)); }
    }
    out[k] = 0;
    free(*src);
    *src = out;
    *len = k;
    return 0;
}

int hx_source_decode(char **src, size_t *len, const char *path, const char *default_encoding, hx_cerr *err) {
    const char *s = *src, *e = *src + *len;
    int bom = *len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3);
    const char *l1 = s + (bom ? 3 : 0), *l1e = line_end(l1, e);
    char name[64], nbuf[13];
    int line = 1, declared = coding_spec(l1, l1e, name, sizeof name);
    if (!declared && l1e < e && blank_or_comment(l1, l1e)) {
        line = 2;
        declared = coding_spec(l1e, line_end(l1e, e), name, sizeof name);
    }
    int enc;
    const char *shown = NULL;
    if (declared) {
        shown = normal_name(name, nbuf);
        if (bom && strcmp(shown, "utf-8") != 0) {
            hx_cerr_set(err, line, 1, "syntax error: encoding problem: %s with BOM", shown);
            return -1;
        }
        enc = codec_of(shown);
        if (enc == ENC_OTHER) {
            hx_cerr_set(err, line, 1, "syntax error: encoding problem: %s (refheap decodes utf-8, latin-1 and "
                                      "ascii sources; another codec, or none of this name)", shown);
            return -1;
        }
    } else {
        enc = bom || strcmp(default_encoding, "ascii") != 0 ? ENC_UTF8 : ENC_ASCII;
    }
    if (enc == ENC_LATIN1) return widen_latin1(src, len) == 0 ? 0 : (hx_cerr_set(err, 1, 1, "MemoryError"), -1);
    if (declared && enc == ENC_UTF8) return 0;
    const char *bad = first_bad(l1, e, enc);
    if (!bad) return 0;
    int bl, bc;
    position(s, bad, &bl, &bc);
    unsigned ch = (unsigned char)*bad;
    if (declared) /* ascii declared */
        hx_cerr_set(err, bl, bc, "syntax error: encoding problem: %s", shown);
    else if (enc == ENC_ASCII)
        hx_cerr_set(err, bl, bc, "syntax error: Non-ASCII character '\\x%02x' in file %s on line %d, but no "
                    "encoding declared; see http://python.org/dev/peps/pep-0263/ for details", ch, path, bl);
    else
        hx_cerr_set(err, bl, bc, "syntax error: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                    "but no encoding declared; see https://peps.python.org/pep-0263/ for details", ch, path, bl);
    return -1;
}
