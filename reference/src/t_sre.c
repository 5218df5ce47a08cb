/* t_sre.c — re.Pattern and re.Match objects (CPython 3.11 Modules/_sre/sre.h PatternObject and
 * MatchObject; Modules/_sre/sre.c pattern_dealloc/pattern_traverse/pattern_sizeof, match_dealloc/
 * match_traverse).
 *
 * Owns the kinds RH_K_SRE_PATTERN, RH_K_SRE_MATCH, RH_K_SRE_SCANNER (scanner_dealloc/scanner_traverse) and
 * RH_K_SRE_TEMPLATE (3.12+ template_dealloc/template_traverse): allocation, traversal, dealloc and sizes. The
 * fields' meaning (the code words, the marks) is the interpreter's business (harness/src/mod_sre.c).
 *
 * Invariants: both are GC types tracked from creation to dealloc (3.11 makes them with
 * PyObject_GC_NewVar and tracks them before returning). Sizes as sys.getsizeof reports them in 3.10-3.13:
 * a Pattern is sizeof(PatternObject) 96 + 4 per code word; a Match is MatchObject's basicsize 88 + 8 per
 * mark word (two per group, group 0 included). Patterns are weak-referenceable (weakreflist).
 */
#include "callables.h"
#include "refheap/bytes.h"
#include "refheap/modtypes.h"

rh_object *rh_sre_pattern_new(rh_runtime *rt, size_t codesize) {
    rh_object *o = new_gc(rt, RH_K_SRE_PATTERN, sizeof(rh_sre_pattern) + codesize * sizeof(uint32_t));
    if (!o) return NULL;
    ((rh_sre_pattern *)(void *)o)->size = (intptr_t)codesize;
    ((rh_sre_pattern *)(void *)o)->codesize = (intptr_t)codesize;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_sre_match_new(rh_runtime *rt, size_t groups) {
    rh_object *o = new_gc(rt, RH_K_SRE_MATCH, sizeof(rh_sre_match) + 2 * groups * sizeof(intptr_t));
    if (!o) return NULL;
    rh_sre_match *m = (rh_sre_match *)(void *)o;
    m->size = (intptr_t)(2 * groups);
    m->groups = (intptr_t)groups;
    m->lastindex = -1;
    for (size_t i = 0; i < 2 * groups; i++) m->mark[i] = -1;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_sre_scanner_new(rh_runtime *rt, rh_object *pattern, rh_object *string) {
    rh_object *o = new_gc(rt, RH_K_SRE_SCANNER, sizeof(rh_sre_scanner));
    if (!o) return NULL;
    rh_sre_scanner *s = (rh_sre_scanner *)(void *)o;
    rh_incref(pattern);
    rh_incref(string);
    s->pattern = pattern;
    s->string = string;
    rh__gc_track(rt, o);
    return o;
}

static rh_sre_pattern *P(rh_object *o) { return (rh_sre_pattern *)(void *)o; }
static rh_sre_match *M(rh_object *o) { return (rh_sre_match *)(void *)o; }

static int pattern_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(P(o)->groupindex);
    VISIT(P(o)->indexgroup);
    VISIT(P(o)->pattern);
    return 0;
}
static int pattern_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &P(o)->groupindex);
    clear_slot(rt, &P(o)->indexgroup);
    clear_slot(rt, &P(o)->pattern);
    return 0;
}
static void pattern_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    if (P(o)->weaklist) rh__weakref_clear_all(rt, o);
    pattern_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_sre_pattern) + (size_t)P(o)->codesize * sizeof(uint32_t));
}
static size_t pattern_sizeof(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return 96 + (size_t)P(o)->codesize * 4;
}

static int match_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(M(o)->string);
    VISIT(M(o)->regs);
    VISIT(M(o)->pattern);
    return 0;
}
static int match_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &M(o)->string);
    clear_slot(rt, &M(o)->regs);
    clear_slot(rt, &M(o)->pattern);
    return 0;
}
static void match_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    match_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_sre_match) + (size_t)M(o)->size * sizeof(intptr_t));
}
static size_t match_sizeof(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return 88 + (size_t)M(o)->size * 8;
}

/* Append repr(o) cut to its first `max` characters (the %.<max>R of PyUnicode_FromFormat) */
static int put_repr_cut(rh__sb *b, rh_object *o, size_t max) {
    rh__sb inner;
    rh__sb_init(&inner, b->rt);
    if (rh__repr_into(&inner, o)) { rh__sb_free(&inner); return -1; }
    size_t n = 0, chars = 0;
    while (n < inner.len && chars < max) {
        unsigned char c = (unsigned char)inner.buf[n++];
        if (c >= 0xC0) while (n < inner.len && ((unsigned char)inner.buf[n] & 0xC0) == 0x80) n++;
        chars++;
    }
    int rc = rh__sb_putn(b, inner.buf, n);
    rh__sb_free(&inner);
    return rc;
}

/* pattern_repr: re.compile(<repr of the source, at most 200 characters>[, flags]) */
static int pattern_repr_into(rh__sb *b, rh_object *o) {
    static const struct { const char *name; int64_t bit; } names[] = {
        {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8}, {"re.DOTALL", 16},
        {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256}};
    int rc = rh__sb_puts(b, "re.compile(") || put_repr_cut(b, P(o)->pattern, 200);
    int64_t flags = P(o)->flags;
    /* a str pattern's UNICODE flag is its default: not shown unless LOCALE or ASCII is also set */
    if (!P(o)->isbytes && (flags & (4 | 32 | 256)) == 32) flags &= ~(int64_t)32;
    if (!rc && flags) {
        rc = rh__sb_puts(b, ", ");
        int first = 1;
        for (size_t i = 0; !rc && i < sizeof names / sizeof names[0]; i++)
            if (flags & names[i].bit) {
                rc = (!first && rh__sb_putc(b, '|')) || rh__sb_puts(b, names[i].name);
                first = 0;
                flags &= ~names[i].bit;
            }
        if (!rc && flags) rc = (!first && rh__sb_putc(b, '|')) || rh__sb_printf(b, "0x%llx", (unsigned long long)flags);
    }
    return rc || rh__sb_putc(b, ')');
}

/* match_repr: <re.Match object; span=(s, e), match=<repr of group 0, at most 50 characters>> */
static int match_repr_into(rh__sb *b, rh_object *o) {
    rh_sre_match *m = M(o);
    intptr_t s = m->mark[0], e = m->mark[1];
    rh_object *g = m->string->type->kind == RH_K_STR ? rh_str_slice(b->rt, m->string, s, e, 1)
                                                     : rh_bytes_slice(b->rt, m->string, s, e, 1);
    if (!g) return -1;
    int rc = rh__sb_printf(b, "<re.Match object; span=(%lld, %lld), match=", (long long)s, (long long)e) ||
             put_repr_cut(b, g, 50) || rh__sb_putc(b, '>');
    rh_decref(b->rt, g);
    return rc;
}

void rh__type_init_sre_pattern(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "re.Pattern", sizeof(rh_sre_pattern), offsetof(rh_sre_pattern, weaklist), pattern_dealloc,
             pattern_traverse, pattern_clear);
    t->itemsize = 4;
    t->size_of = pattern_sizeof;
    t->repr_into = pattern_repr_into;
}

void rh__type_init_sre_match(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "re.Match", sizeof(rh_sre_match), 0, match_dealloc, match_traverse, match_clear);
    t->itemsize = 8;
    t->size_of = match_sizeof;
    t->repr_into = match_repr_into;
}

static rh_sre_scanner *S(rh_object *o) { return (rh_sre_scanner *)(void *)o; }
static int scanner_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(S(o)->pattern);
    VISIT(S(o)->string);
    return 0;
}
static int scanner_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &S(o)->pattern);
    clear_slot(rt, &S(o)->string);
    S(o)->done = 1;
    return 0;
}
static void scanner_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    scanner_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_sre_scanner));
}

void rh__type_init_sre_scanner(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "_sre.SRE_Scanner", sizeof(rh_sre_scanner), 0, scanner_dealloc, scanner_traverse, scanner_clear);
}

static rh_sre_template *T(rh_object *o) { return (rh_sre_template *)(void *)o; }
static size_t template_bytes(intptr_t n) { return sizeof(rh_sre_template) + (size_t)n * sizeof(struct rh_sre_template_item); }

rh_object *rh_sre_template_new(rh_runtime *rt, size_t n, int track) {
    rh_object *o = new_gc(rt, RH_K_SRE_TEMPLATE, template_bytes((intptr_t)n));
    if (!o) return NULL;
    T(o)->size = (intptr_t)n;
    if (track) rh__gc_track(rt, o);
    return o;
}
static int template_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(T(o)->literal);
    for (intptr_t i = 0; i < T(o)->size; i++) VISIT(T(o)->items[i].literal);
    return 0;
}
static int template_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &T(o)->literal);
    for (intptr_t i = 0; i < T(o)->size; i++) clear_slot(rt, &T(o)->items[i].literal);
    return 0;
}
static void template_dealloc(rh_runtime *rt, rh_object *o) {
    if (rh__gc_is_tracked(o)) rh__gc_untrack(rt, o);
    intptr_t n = T(o)->size;
    template_clear(rt, o);
    rh__object_free(rt, o, template_bytes(n));
}
static size_t template_sizeof(rh_runtime *rt, rh_object *o) { /* basicsize 40 + 16 per item, no __sizeof__ */
    (void)rt;
    return template_bytes(T(o)->size);
}

void rh__type_init_sre_template(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "_sre.SRE_Template", sizeof(rh_sre_template), 0, template_dealloc, template_traverse, template_clear);
    t->itemsize = sizeof(struct rh_sre_template_item);
    t->size_of = template_sizeof;
}
