/* mod_sre.c — _sre (CPython 3.11 Modules/_sre/sre.c), under Lib's re package (re/__init__.py,
 * _compiler.py, _parser.py, _constants.py, _casefix.py), which runs unchanged.
 *
 * Owns: the module (MAGIC, CODESIZE, MAXREPEAT, MAXGROUPS, getcodesize, the case helpers, compile), the
 * methods and attributes of re.Pattern (match, search, fullmatch, findall, finditer, scanner, split, sub, subn; pattern,
 * flags, groups, groupindex) and re.Match (group, groups, groupdict, start, end, span, expand, m[g];
 * string, re, pos, endpos, lastindex, lastgroup, regs) and _sre.SRE_Scanner (match, search; pattern): finditer is
 * iter(scanner.search, None), a callable_iterator (t_calliter.c). The objects' layout and sizes are t_sre.c's; the
 * matcher is sre_engine.c.
 * Results are made as sre.c makes them: group strings are slices of the subject (the subject itself
 * when the group spans it), findall/split build one list, sub joins a list of pieces. The engine's own
 * working memory (marks, backtracking stack) is malloc'd outside the object heap (docs/conformance.md).
 */
#include <string.h>

#include "interp.h"
#include "ucase.h"
#include "refheap/bytes.h"
#include "refheap/modtypes.h"
#include "sre_engine.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_sre_pattern *PAT(rh_object *o) { return (rh_sre_pattern *)(void *)o; }
static rh_sre_match *MAT(rh_object *o) { return (rh_sre_match *)(void *)o; }

/* ---------------------------------------------------------------- arguments */

/* A Py_ssize_t argument (via an int) into *v; absent: dflt. 0 or -1. */
static int ssize_arg(hx_interp *I, rh_object *o, int64_t dflt, int64_t *v) {
    if (!o) { *v = dflt; return 0; }
    if (!hx_is_intlike(o)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(o));
        return -1;
    }
    if (rh_int_as_i64(I->rt, o, v) == 0) return 0;
    rh_err_clear(I->rt);
    rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
    return -1;
}

/* ---------------------------------------------------------------- subjects */

typedef struct {
    const void *data;
    int kind;
    intptr_t len;
} subject;

/* getstring + the pattern/subject type check of state_init. 0 or -1. */
static int get_subject(hx_interp *I, rh_object *pat, rh_object *s, subject *out) {
    rh_kind k = rh_kind_of(s);
    int isbytes;
    if (k == RH_K_STR) {
        out->data = rh_str_raw(s, &out->kind);
        out->len = (intptr_t)rh_str_len(s);
        isbytes = 0;
    } else if (k == RH_K_BYTES || k == RH_K_BYTEARRAY) {
        out->data = rh_bytes_data(s);
        out->kind = 1;
        out->len = (intptr_t)rh_bytes_len(s);
        isbytes = 1;
    } else {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected string or bytes-like object, got '%s'", hx_tname(s));
        return -1;
    }
    if (pat && PAT(pat)->isbytes != isbytes) {
        rh_err_set(I->rt, RH_EXC_TYPE, isbytes ? "cannot use a string pattern on a bytes-like object"
                                               : "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    return 0;
}

/* getslice: string[start:end] (the string itself when it is the whole of an exact str/bytes) */
static rh_object *getslice(hx_interp *I, rh_object *s, intptr_t start, intptr_t end) {
    rh_kind k = rh_kind_of(s);
    if (k == RH_K_STR) return rh_str_slice(I->rt, s, start, end, 1);
    if (k == RH_K_BYTES && start == 0 && end == (intptr_t)rh_bytes_len(s)) return newref(s);
    return rh_bytes_from(I->rt, rh_bytes_data(s) + start, (size_t)(end - start));
}

/* state_init: clamp pos/endpos to the subject and set up the engine. 0 or -1. */
static int state_open(hx_interp *I, rh_object *pat, rh_object *string, rh_object *pos_o, rh_object *endpos_o,
                      sre_state *st, subject *sub) {
    int64_t pos, endpos;
    if (get_subject(I, pat, string, sub) || ssize_arg(I, pos_o, 0, &pos) || ssize_arg(I, endpos_o, INT64_MAX, &endpos)) return -1;
    if (pos < 0) pos = 0;
    if (pos > sub->len) pos = sub->len;
    if (endpos < 0) endpos = 0;
    if (endpos > sub->len) endpos = sub->len;
    if (sre_state_init(st, PAT(pat)->code, (size_t)PAT(pat)->codesize, sub->data, sub->kind, (intptr_t)pos,
                       (intptr_t)endpos, PAT(pat)->groups)) {
        sre_state_fini(st);
        rh_err_nomemory(I->rt);
        return -1;
    }
    return 0;
}

/* the engine's status as the API's: 1/0 kept, errors set (-1 MemoryError, -2 RuntimeError) */
static int status(hx_interp *I, int r) {
    if (r == -1) rh_err_nomemory(I->rt);
    else if (r < 0) rh_err_set(I->rt, RH_EXC_RUNTIME, "internal error in regular expression engine");
    return r;
}

/* pattern_new_match: a Match over the state's last success. New reference or NULL. */
static rh_object *new_match(hx_interp *I, rh_object *pat, rh_object *string, const sre_state *st, intptr_t pos,
                            intptr_t endpos) {
    intptr_t groups = PAT(pat)->groups;
    rh_object *o = rh_sre_match_new(I->rt, (size_t)groups + 1);
    if (!o) return NULL;
    rh_sre_match *m = MAT(o);
    m->string = newref(string);
    m->pattern = newref(pat);
    m->mark[0] = st->start;
    m->mark[1] = st->ptr;
    for (intptr_t i = 0, j = 0; i < groups; i++, j += 2)
        if (j + 1 <= st->lastmark && st->mark[j] >= 0 && st->mark[j + 1] >= 0 && st->mark[j] <= st->mark[j + 1]) {
            m->mark[j + 2] = st->mark[j];
            m->mark[j + 3] = st->mark[j + 1];
        }
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->lastindex;
    return o;
}

/* ---------------------------------------------------------------- the module's functions */

FN(sre_getcodesize) { (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw; return rh_int_from_i64(I->rt, 4); }

static int char_arg(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, uint32_t *ch) {
    int64_t v;
    if (nkw || n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n + nkw);
        return -1;
    }
    if (!hx_is_intlike(a[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "an integer is required (got type %s)", hx_tname(a[0]));
        return -1;
    }
    if (rh_int_as_i64(I->rt, a[0], &v)) return -1;
    *ch = (uint32_t)v;
    return 0;
}
FN(sre_ascii_iscased) {
    (void)self; (void)kwn; (void)kwv;
    uint32_t ch;
    if (char_arg(I, "ascii_iscased", a, n, nkw, &ch)) return NULL;
    return rh_bool(I->rt, ch < 128 && ((ch | 32) >= 'a' && (ch | 32) <= 'z'));
}
FN(sre_unicode_iscased) {
    (void)self; (void)kwn; (void)kwv;
    uint32_t ch;
    if (char_arg(I, "unicode_iscased", a, n, nkw, &ch)) return NULL;
    return rh_bool(I->rt, sre_iscased_unicode(ch));
}
FN(sre_ascii_tolower) {
    (void)self; (void)kwn; (void)kwv;
    uint32_t ch;
    if (char_arg(I, "ascii_tolower", a, n, nkw, &ch)) return NULL;
    return rh_int_from_i64(I->rt, sre_lower_ascii(ch));
}
FN(sre_unicode_tolower) {
    (void)self; (void)kwn; (void)kwv;
    uint32_t ch;
    if (char_arg(I, "unicode_tolower", a, n, nkw, &ch)) return NULL;
    return rh_int_from_i64(I->rt, hx_ucase_lower(ch));
}

/* _sre.compile(pattern, flags, code, groups, groupindex, indexgroup) */
FN(sre_compile) {
    (void)self;
    static const char *const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"};
    rh_object *arg[6];
    int64_t flags, groups;
    if (hx_parse_kw(I, "compile", names, 6, 6, 6, a, n, kwn, kwv, nkw, arg)) return NULL;
    if (rh_kind_of(arg[2]) != RH_K_LIST) {
        rh_err_set(I->rt, RH_EXC_TYPE, "compile() argument 'code' must be list, not %s", hx_tname(arg[2]));
        return NULL;
    }
    if (ssize_arg(I, arg[1], 0, &flags) || ssize_arg(I, arg[3], 0, &groups)) return NULL;
    size_t len = rh_list_len(arg[2]);
    rh_object *o = rh_sre_pattern_new(I->rt, len);
    if (!o) return NULL;
    rh_sre_pattern *p = PAT(o);
    for (size_t i = 0; i < len; i++) {
        rh_object *w = rh_list_get(arg[2], i);
        int64_t v;
        if (!hx_is_intlike(w)) {
            rh_err_set(I->rt, RH_EXC_TYPE, "an integer is required");
            goto fail;
        }
        if (rh_int_as_i64(I->rt, w, &v) || v < 0 || v > 0xFFFFFFFFll) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_OVERFLOW, "regular expression code size limit exceeded");
            goto fail;
        }
        p->code[i] = (uint32_t)v;
    }
    p->groups = (intptr_t)groups;
    p->flags = flags;
    p->pattern = newref(arg[0]);
    p->isbytes = rh_kind_of(arg[0]) == RH_K_BYTES || rh_kind_of(arg[0]) == RH_K_BYTEARRAY;
    /* 3.11 keeps groupindex only when it has names, and indexgroup only then too */
    if (rh_kind_of(arg[4]) == RH_K_DICT && rh_dict_len(arg[4]) > 0) {
        p->groupindex = rh_dict_copy(I->rt, arg[4]);
        if (!p->groupindex) goto fail;
        p->indexgroup = newref(arg[5]);
    }
    /* _validate; the profile's code format (3.10 numbers its opcodes otherwise) becomes the engine's */
    if (sre_load_code(sre_format_for(rh_runtime_profile(I->rt)->sre_magic), p->code, len, p->groups)) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "invalid SRE code");
        goto fail;
    }
    return o;
fail:
    rh_decref(I->rt, o);
    return NULL;
}

/* ---------------------------------------------------------------- Pattern methods */

static const char *const match_names[] = {"string", "pos", "endpos"};

/* match / fullmatch / search */
static rh_object *pattern_do(hx_interp *I, const char *fn, int mode, rh_object *self, rh_object **a, int n,
                             char **kwn, rh_object **kwv, int nkw) {
    rh_object *arg[3];
    sre_state st;
    subject sub;
    if (hx_parse_kw(I, fn, match_names, 3, 3, 1, a, n, kwn, kwv, nkw, arg) || state_open(I, self, arg[0], arg[1], arg[2], &st, &sub))
        return NULL;
    intptr_t pos = st.start, endpos = st.end;
    int r = status(I, mode == 2 ? sre_search(&st) : sre_match(&st, mode));
    rh_object *res = r < 0 ? NULL : r == 0 ? newref(rh_none(I->rt)) : new_match(I, self, arg[0], &st, pos, endpos);
    sre_state_fini(&st);
    return res;
}
FN(pat_match) { return pattern_do(I, "match", 0, self, a, n, kwn, kwv, nkw); }
FN(pat_fullmatch) { return pattern_do(I, "fullmatch", 1, self, a, n, kwn, kwv, nkw); }
FN(pat_search) { return pattern_do(I, "search", 2, self, a, n, kwn, kwv, nkw); }

/* state_getslice: group i of the state's last match, or dflt (borrowed) when it did not take part */
static rh_object *state_group(hx_interp *I, const sre_state *st, rh_object *string, intptr_t i, rh_object *dflt) {
    if (i == 0) return getslice(I, string, st->start, st->ptr);
    intptr_t j = 2 * (i - 1);
    if (j + 1 > st->lastmark || st->mark[j] < 0 || st->mark[j + 1] < 0 || st->mark[j] > st->mark[j + 1])
        return newref(dflt);
    return getslice(I, string, st->mark[j], st->mark[j + 1]);
}

/* findall(string, pos=0, endpos=sys.maxsize) */
FN(pat_findall) {
    rh_object *arg[3], *list = NULL;
    sre_state st;
    subject sub;
    if (hx_parse_kw(I, "findall", match_names, 3, 3, 1, a, n, kwn, kwv, nkw, arg) || state_open(I, self, arg[0], arg[1], arg[2], &st, &sub))
        return NULL;
    rh_object *empty = getslice(I, arg[0], 0, 0);
    intptr_t groups = PAT(self)->groups;
    if (!empty || !(list = rh_list_new(I->rt, 0))) goto fail;
    while (st.start <= st.end) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = status(I, sre_search(&st));
        if (r < 0) goto fail;
        if (r == 0) break;
        rh_object *item;
        if (groups <= 1) item = state_group(I, &st, arg[0], groups, empty);
        else {
            item = rh_tuple_new(I->rt, (size_t)groups);
            for (intptr_t i = 0; item && i < groups; i++) {
                rh_object *g = state_group(I, &st, arg[0], i + 1, empty);
                if (!g) { rh_decref(I->rt, item); item = NULL; break; }
                rh_tuple_set(item, (size_t)i, g);
            }
        }
        int rc = item ? rh_list_append(I->rt, list, item) : -1;
        rh_xdecref(I->rt, item);
        if (rc) goto fail;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    rh_decref(I->rt, empty);
    sre_state_fini(&st);
    return list;
fail:
    rh_xdecref(I->rt, empty);
    rh_xdecref(I->rt, list);
    sre_state_fini(&st);
    return NULL;
}

/* split(string, maxsplit=0) */
FN(pat_split) {
    static const char *const names[] = {"string", "maxsplit"};
    rh_object *arg[2], *list = NULL;
    int64_t maxsplit;
    sre_state st;
    subject sub;
    if (hx_parse_kw(I, "split", names, 2, 2, 1, a, n, kwn, kwv, nkw, arg) || ssize_arg(I, arg[1], 0, &maxsplit) ||
        state_open(I, self, arg[0], NULL, NULL, &st, &sub))
        return NULL;
    intptr_t last = st.start, groups = PAT(self)->groups;
    if (!(list = rh_list_new(I->rt, 0))) goto fail;
    for (int64_t cnt = 0; !maxsplit || cnt < maxsplit; cnt++) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = status(I, sre_search(&st));
        if (r < 0) goto fail;
        if (r == 0) break;
        for (intptr_t i = 0; i <= groups; i++) {
            rh_object *item = i == 0 ? getslice(I, arg[0], last, st.start) : state_group(I, &st, arg[0], i, rh_none(I->rt));
            int rc = item ? rh_list_append(I->rt, list, item) : -1;
            rh_xdecref(I->rt, item);
            if (rc) goto fail;
        }
        st.must_advance = st.ptr == st.start;
        last = st.start = st.ptr;
    }
    rh_object *tail = getslice(I, arg[0], last, st.end);
    int rc = tail ? rh_list_append(I->rt, list, tail) : -1;
    rh_xdecref(I->rt, tail);
    if (rc) goto fail;
    sre_state_fini(&st);
    return list;
fail:
    rh_xdecref(I->rt, list);
    sre_state_fini(&st);
    return NULL;
}

/* re.<name>(args...) from the re module (call("re", ...) in sre.c). New reference or NULL. */
static rh_object *call_re(hx_interp *I, const char *name, rh_object **args, int nargs) {
    rh_object *re = hx_import_module(I, "re"), *key = re ? hx_name(I, name) : NULL;
    rh_object *fn = key ? hx_getattr_obj(I, re, key) : NULL;
    rh_xdecref(I->rt, re);
    if (!fn) return NULL;
    rh_object *r = hx_call_borrowed(I, fn, args, nargs);
    rh_decref(I->rt, fn);
    return r;
}

static int is_callable(rh_object *o) { return rh_kind_of(o) == RH_K_WEAKREF || rh_type_of(o)->tp_call != NULL; }

static rh_object *compile_template(hx_interp *I, rh_object *pattern, rh_object *repl);
static rh_object *expand_template(hx_interp *I, rh_object *t, rh_object *match);

/* pattern_subx: sub (subn 0) or subn (1) */
static rh_object *pattern_subx(hx_interp *I, const char *fn, int subn, rh_object *self, rh_object **a, int n,
                               char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"repl", "string", "count"};
    rh_object *arg[3], *filter = NULL, *list = NULL, *res = NULL;
    int64_t count;
    int callable;
    sre_state st;
    subject sub;
    if (hx_parse_kw(I, fn, names, 3, 3, 2, a, n, kwn, kwv, nkw, arg) || ssize_arg(I, arg[2], 0, &count)) return NULL;
    rh_object *repl = arg[0], *string = arg[1];
    if (is_callable(repl)) {
        filter = newref(repl);
        callable = 1;
    } else {
        subject t;
        int literal = 0;
        if (get_subject(I, NULL, repl, &t) == 0) {
            literal = 1;
            for (intptr_t i = 0; i < t.len && literal; i++) {
                uint32_t ch = t.kind == 1 ? ((const uint8_t *)t.data)[i] : t.kind == 2 ? ((const uint16_t *)t.data)[i]
                                                                                      : ((const uint32_t *)t.data)[i];
                if (ch == '\\') literal = 0;
            }
        } else rh_err_clear(I->rt);
        if (literal) filter = newref(repl);
        else if (RH_API(I, "_sre", "template")) { /* 3.12: re._compile_template, expanded here per match */
            if (!(filter = compile_template(I, self, repl))) return NULL;
            if (((rh_sre_template *)(void *)filter)->size == 0) {
                rh_object *lit = newref(((rh_sre_template *)(void *)filter)->literal);
                rh_decref(I->rt, filter);
                filter = lit;
            }
        } else {
            rh_object *args[2] = {self, repl};
            if (!(filter = call_re(I, "_subx", args, 2))) return NULL;
        }
        callable = !literal && (rh_kind_of(filter) == RH_K_SRE_TEMPLATE || is_callable(filter));
    }
    if (state_open(I, self, string, NULL, NULL, &st, &sub)) { rh_decref(I->rt, filter); return NULL; }
    intptr_t i = 0, nsub = 0;
    if (!(list = rh_list_new(I->rt, 0))) goto out;
    while (!count || nsub < count) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = status(I, sre_search(&st));
        if (r < 0) goto out;
        if (r == 0) break;
        intptr_t b = st.start, e = st.ptr;
        if (i < b) {
            rh_object *piece = getslice(I, string, i, b);
            int rc = piece ? rh_list_append(I->rt, list, piece) : -1;
            rh_xdecref(I->rt, piece);
            if (rc) goto out;
        }
        if (callable) {
            rh_object *m = new_match(I, self, string, &st, 0, st.end);
            rh_object *item = !m ? NULL : rh_kind_of(filter) == RH_K_SRE_TEMPLATE ? expand_template(I, filter, m)
                                                                                 : hx_call_borrowed(I, filter, &m, 1);
            rh_xdecref(I->rt, m);
            if (!item) goto out;
            int rc = item != rh_none(I->rt) ? rh_list_append(I->rt, list, item) : 0;
            rh_decref(I->rt, item);
            if (rc) goto out;
        } else if (rh_list_append(I->rt, list, filter)) goto out;
        i = e;
        nsub++;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if (i < st.end) {
        rh_object *piece = getslice(I, string, i, st.end);
        int rc = piece ? rh_list_append(I->rt, list, piece) : -1;
        rh_xdecref(I->rt, piece);
        if (rc) goto out;
    }
    rh_object *joiner = getslice(I, string, 0, 0);
    if (!joiner) goto out;
    rh_object *joined = NULL;
    if (rh_kind_of(joiner) == RH_K_STR) joined = rh_str_join(I->rt, joiner, list);
    else {
        rh_object *key = hx_name(I, "join"), *m = key ? hx_getattr_obj(I, joiner, key) : NULL;
        joined = m ? hx_call_borrowed(I, m, &list, 1) : NULL;
        rh_xdecref(I->rt, m);
    }
    rh_decref(I->rt, joiner);
    if (!joined) goto out;
    if (!subn) res = joined;
    else {
        rh_object *cnt = rh_int_from_i64(I->rt, nsub);
        res = cnt ? rh_tuple_new(I->rt, 2) : NULL;
        if (res) {
            rh_tuple_set(res, 0, joined);
            rh_tuple_set(res, 1, cnt);
        } else {
            rh_decref(I->rt, joined);
            rh_xdecref(I->rt, cnt);
        }
    }
out:
    rh_xdecref(I->rt, list);
    rh_xdecref(I->rt, filter);
    sre_state_fini(&st);
    return res;
}
FN(pat_sub) { return pattern_subx(I, "sub", 0, self, a, n, kwn, kwv, nkw); }
FN(pat_subn) { return pattern_subx(I, "subn", 1, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- scanner, finditer */

static rh_sre_scanner *SC(rh_object *o) { return (rh_sre_scanner *)(void *)o; }

/* pattern_scanner: a scanner over string[pos:endpos] (the arguments checked and clamped as state_init) */
static rh_object *make_scanner(hx_interp *I, const char *fn, rh_object *self, rh_object **a, int n, char **kwn,
                               rh_object **kwv, int nkw) {
    rh_object *arg[3];
    sre_state st;
    subject sub;
    if (hx_parse_kw(I, fn, match_names, 3, 3, 1, a, n, kwn, kwv, nkw, arg) || state_open(I, self, arg[0], arg[1], arg[2], &st, &sub))
        return NULL;
    intptr_t pos = st.start, endpos = st.end;
    sre_state_fini(&st);
    rh_object *o = rh_sre_scanner_new(I->rt, self, arg[0]);
    if (o) SC(o)->pos = SC(o)->start = pos, SC(o)->endpos = endpos;
    return o;
}
FN(pat_scanner) { return make_scanner(I, "scanner", self, a, n, kwn, kwv, nkw); }

/* scanner_match / scanner_search: the next attempt from where the last ended (None for good once one
 * fails); an empty match moves the next one on (must_advance) */
static rh_object *scanner_do(hx_interp *I, const char *fn, int search, rh_object *self, int n, int nkw) {
    rh_sre_scanner *sc = SC(self);
    if (n || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments", fn); /* the clinic's (METH_METHOD) */
        return NULL;
    }
    if (sc->done || !sc->pattern) return newref(rh_none(I->rt));
    sre_state st;
    subject sub;
    if (get_subject(I, sc->pattern, sc->string, &sub)) return NULL;
    intptr_t end = sc->endpos < sub.len ? sc->endpos : sub.len, start = sc->start < end ? sc->start : end;
    if (sre_state_init(&st, PAT(sc->pattern)->code, (size_t)PAT(sc->pattern)->codesize, sub.data, sub.kind, start,
                       end, PAT(sc->pattern)->groups)) {
        sre_state_fini(&st);
        return rh_err_nomemory(I->rt), NULL;
    }
    st.must_advance = sc->must_advance;
    st.ptr = st.start;
    int r = status(I, search ? sre_search(&st) : sre_match(&st, 0));
    rh_object *res = r < 0 ? NULL : r == 0 ? newref(rh_none(I->rt)) : new_match(I, sc->pattern, sc->string, &st, sc->pos, sc->endpos);
    if (r == 0) sc->done = 1;
    else if (r > 0) {
        sc->must_advance = st.ptr == st.start;
        sc->start = st.ptr;
    }
    sre_state_fini(&st);
    return res;
}
FN(sc_match) { (void)a; (void)kwn; (void)kwv; return scanner_do(I, "match", 0, self, n, nkw); }
FN(sc_search) { (void)a; (void)kwn; (void)kwv; return scanner_do(I, "search", 1, self, n, nkw); }
static const rh_builtin_def sc_search_def0 = {"search", (void (*)(void))sc_search, 0};

/* pattern_finditer: iter(scanner.search, None) */
FN(pat_finditer) {
    rh_object *sc = make_scanner(I, "finditer", self, a, n, kwn, kwv, nkw);
    if (!sc) return NULL;
    rh_object *search = rh_builtin_new(I->rt, &sc_search_def0, sc);
    rh_decref(I->rt, sc);
    if (!search) return NULL;
    rh_object *it = rh_calliter_new(I->rt, search, rh_none(I->rt));
    rh_decref(I->rt, search);
    return it;
}

/* ---------------------------------------------------------------- Match methods */

/* match_getindex: the group number of index (an int or a group name); -1 with IndexError */
static intptr_t group_index(hx_interp *I, rh_object *m, rh_object *index) {
    int64_t i = -1;
    if (hx_is_intlike(index)) {
        if (rh_int_as_i64(I->rt, index, &i)) { rh_err_clear(I->rt); i = -1; }
    } else if (PAT(MAT(m)->pattern)->groupindex) {
        rh_object *v = rh_dict_get(I->rt, PAT(MAT(m)->pattern)->groupindex, index);
        if (!v && rh_err_occurred(I->rt)) return -1;
        if (v && hx_is_intlike(v) && rh_int_as_i64(I->rt, v, &i)) { rh_err_clear(I->rt); i = -1; }
    }
    if (i < 0 || i >= MAT(m)->groups) {
        rh_err_set(I->rt, RH_EXC_INDEX, "no such group");
        return -1;
    }
    return (intptr_t)i;
}

/* match_getslice_by_index: group i's string, or dflt (borrowed) when it did not take part */
static rh_object *group_value(hx_interp *I, rh_object *m, intptr_t i, rh_object *dflt) {
    rh_sre_match *mm = MAT(m);
    if (mm->mark[2 * i] < 0) return newref(dflt);
    return getslice(I, mm->string, mm->mark[2 * i], mm->mark[2 * i + 1]);
}
static rh_object *group_by(hx_interp *I, rh_object *m, rh_object *index) {
    intptr_t i = group_index(I, m, index);
    return i < 0 ? NULL : group_value(I, m, i, rh_none(I->rt));
}

FN(m_group) {
    (void)kwv;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "group() takes no keyword arguments");
        return NULL;
    }
    (void)kwn;
    if (n == 0) return group_value(I, self, 0, rh_none(I->rt));
    if (n == 1) return group_by(I, self, a[0]);
    rh_object *t = rh_tuple_new(I->rt, (size_t)n);
    for (int i = 0; t && i < n; i++) {
        rh_object *g = group_by(I, self, a[i]);
        if (!g) { rh_decref(I->rt, t); return NULL; }
        rh_tuple_set(t, (size_t)i, g);
    }
    return t;
}

FN(m_groups) {
    static const char *const names[] = {"default"};
    rh_object *arg[1];
    if (hx_parse_kw(I, "groups", names, 1, 1, 0, a, n, kwn, kwv, nkw, arg)) return NULL;
    rh_object *dflt = arg[0] ? arg[0] : rh_none(I->rt);
    intptr_t g = MAT(self)->groups;
    rh_object *t = rh_tuple_new(I->rt, (size_t)(g - 1));
    for (intptr_t i = 1; t && i < g; i++) {
        rh_object *v = group_value(I, self, i, dflt);
        if (!v) { rh_decref(I->rt, t); return NULL; }
        rh_tuple_set(t, (size_t)(i - 1), v);
    }
    return t;
}

FN(m_groupdict) {
    static const char *const names[] = {"default"};
    rh_object *arg[1];
    if (hx_parse_kw(I, "groupdict", names, 1, 1, 0, a, n, kwn, kwv, nkw, arg)) return NULL;
    rh_object *dflt = arg[0] ? arg[0] : rh_none(I->rt), *gi = PAT(MAT(self)->pattern)->groupindex;
    rh_object *d = rh_dict_new(I->rt), *k, *v;
    size_t pos = 0;
    while (d && gi && rh_dict_next(gi, &pos, &k, &v)) {
        intptr_t i = group_index(I, self, k);
        rh_object *val = i < 0 ? NULL : group_value(I, self, i, dflt);
        int rc = val ? rh_dict_set(I->rt, d, k, val) : -1;
        rh_xdecref(I->rt, val);
        if (rc) { rh_decref(I->rt, d); return NULL; }
    }
    return d;
}

/* start / end / span of a group (default 0) */
static intptr_t group_arg(hx_interp *I, const char *fn, rh_object *self, rh_object **a, int n, int nkw) {
    if (nkw || n > 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most 1 argument, got %d", fn, n + nkw);
        return -1;
    }
    return n ? group_index(I, self, a[0]) : 0;
}
FN(m_start) {
    (void)kwn; (void)kwv;
    intptr_t i = group_arg(I, "start", self, a, n, nkw);
    return i < 0 ? NULL : rh_int_from_i64(I->rt, MAT(self)->mark[2 * i]);
}
FN(m_end) {
    (void)kwn; (void)kwv;
    intptr_t i = group_arg(I, "end", self, a, n, nkw);
    return i < 0 ? NULL : rh_int_from_i64(I->rt, MAT(self)->mark[2 * i + 1]);
}
static rh_object *pair(hx_interp *I, intptr_t x, intptr_t y) {
    rh_object *a = rh_int_from_i64(I->rt, x), *b = a ? rh_int_from_i64(I->rt, y) : NULL;
    rh_object *t = b ? rh_tuple_new(I->rt, 2) : NULL;
    if (!t) { rh_xdecref(I->rt, a); rh_xdecref(I->rt, b); return NULL; }
    rh_tuple_set(t, 0, a);
    rh_tuple_set(t, 1, b);
    return t;
}
FN(m_span) {
    (void)kwn; (void)kwv;
    intptr_t i = group_arg(I, "span", self, a, n, nkw);
    return i < 0 ? NULL : pair(I, MAT(self)->mark[2 * i], MAT(self)->mark[2 * i + 1]);
}
/* re._compile_template(pattern, repl) (3.12 compile_template): an _sre.SRE_Template, new reference */
static rh_object *compile_template(hx_interp *I, rh_object *pattern, rh_object *repl) {
    rh_object *args[2] = {pattern, repl};
    rh_object *t = call_re(I, "_compile_template", args, 2);
    if (t && rh_kind_of(t) != RH_K_SRE_TEMPLATE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "re._compile_template() returned %s, not a template", hx_tname(t));
        rh_setref(I->rt, &t, NULL);
    }
    return t;
}

/* expand_template (3.12 sre.c): the literals and the groups that took part, joined; the first literal alone
 * when there is no group reference. CPython joins up to 10 str chunks from a stack buffer, more (or bytes)
 * through a list; so does this. */
static rh_object *expand_template(hx_interp *I, rh_object *to, rh_object *match) {
    rh_runtime *rt = I->rt;
    rh_sre_template *t = (rh_sre_template *)(void *)to;
    if (t->size == 0) return newref(t->literal);
    int is_str = rh_kind_of(t->literal) == RH_K_STR;
    rh_object *buffer[10], **out = buffer, *list = NULL, *r = NULL;
    size_t count = 0;
    if (t->chunks > 10 || !is_str) {
        if (!(list = rh_list_new(rt, 0))) return NULL;
    }
#define PUT(v) (list ? rh_list_append(rt, list, (v)) : (out[count++] = newref(v), 0))
    if (PUT(t->literal)) goto done;
    for (intptr_t i = 0; i < t->size; i++) {
        intptr_t index = t->items[i].index;
        if (index >= MAT(match)->groups) {
            rh_err_set(rt, RH_EXC_INDEX, "no such group");
            goto done;
        }
        rh_object *item = group_value(I, match, index, rh_none(rt));
        if (!item) goto done;
        int rc = item != rh_none(rt) ? PUT(item) : 0;
        rh_decref(rt, item);
        if (rc || (t->items[i].literal && PUT(t->items[i].literal))) goto done;
    }
#undef PUT
    if (is_str) r = list ? rh_str_join(rt, rh_empty_str(rt), list) : rh_str_join_array(rt, rh_empty_str(rt), out, count);
    else {
        rh_object *key = hx_name(I, "join"), *empty = key ? getslice(I, t->literal, 0, 0) : NULL;
        rh_object *m = empty ? hx_getattr_obj(I, empty, key) : NULL;
        r = m ? hx_call_borrowed(I, m, &list, 1) : NULL;
        rh_xdecref(rt, m);
        rh_xdecref(rt, empty);
    }
done:
    for (size_t i = 0; i < count; i++) rh_decref(rt, out[i]);
    rh_xdecref(rt, list);
    return r;
}

/* _sre.template(pattern, template, /) (3.12 _sre_template_impl): template is parse_template's list
 * [literal, group, literal, ..., literal]; empty literals after the first are dropped */
FN(sre_template) {
    (void)self, (void)kwn, (void)kwv;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "template() takes no keyword arguments"); return NULL; }
    if (n != 2) { rh_err_set(rt, RH_EXC_TYPE, "template expected 2 arguments, got %d", n); return NULL; }
    rh_object *l = a[1];
    if (rh_kind_of(l) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "template() argument 2 must be list, not %s", hx_tname(l));
        return NULL;
    }
    size_t len = rh_list_len(l);
    if ((len & 1) == 0) goto bad;
    size_t groups = len / 2;
    rh_object *to = rh_sre_template_new(rt, groups, rh_runtime_profile(rt)->version_hex >= 0x030D);
    if (!to) return NULL;
    rh_sre_template *t = (rh_sre_template *)(void *)to;
    t->chunks = (intptr_t)(1 + 2 * groups);
    t->literal = newref(rh_list_get(l, 0));
    for (size_t i = 0; i < groups; i++) {
        rh_object *ix = rh_list_get(l, 2 * i + 1), *lit = rh_list_get(l, 2 * i + 2);
        int64_t index;
        if (!hx_is_intlike(ix)) {
            rh_err_set(rt, RH_EXC_TYPE, "an integer is required"); /* PyLong_AsSsize_t of a non-int */
            rh_decref(rt, to);
            return NULL;
        }
        if (rh_int_as_i64(rt, ix, &index)) { /* PyLong_AsSsize_t */
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
            rh_decref(rt, to);
            return NULL;
        }
        if (index < 0) {
            rh_decref(rt, to);
            goto bad;
        }
        t->items[i].index = (intptr_t)index;
        rh_kind k = rh_kind_of(lit);
        if ((k == RH_K_STR && rh_str_len(lit) == 0) || (k == RH_K_BYTES && rh_bytes_len(lit) == 0)) {
            t->chunks--; /* an empty literal is skipped */
            continue;
        }
        t->items[i].literal = newref(lit);
    }
    return to;
bad:
    rh_err_set(rt, RH_EXC_TYPE, "invalid template");
    return NULL;
}

FN(m_expand) {
    static const char *const names[] = {"template"};
    rh_object *arg[1];
    if (hx_parse_kw(I, "expand", names, 1, 1, 1, a, n, kwn, kwv, nkw, arg)) return NULL;
    if (RH_API(I, "_sre", "template")) { /* 3.12 match_expand: compile_template, then expand_template */
        rh_object *t = compile_template(I, MAT(self)->pattern, arg[0]);
        rh_object *r = t ? expand_template(I, t, self) : NULL;
        rh_xdecref(I->rt, t);
        return r;
    }
    rh_object *args[3] = {MAT(self)->pattern, self, arg[0]};
    return call_re(I, "_expand", args, 3);
}

/* m[g] (match_getitem) */
static rh_object *match_subscript(rh_runtime *rt, rh_object *o, rh_object *k);
static hx_interp *the_interp; /* the interpreter whose _sre set the mapping slot (one per process) */
static rh_object *match_subscript(rh_runtime *rt, rh_object *o, rh_object *k) {
    (void)rt;
    return group_by(the_interp, o, k);
}

/* ---------------------------------------------------------------- tables and attributes */

#define DEF(fn, name) static const rh_builtin_def fn##_def = {name, (void (*)(void))fn, 0};
DEF(pat_match, "match") DEF(pat_fullmatch, "fullmatch") DEF(pat_search, "search") DEF(pat_findall, "findall")
DEF(pat_split, "split") DEF(pat_sub, "sub") DEF(pat_subn, "subn") DEF(pat_finditer, "finditer")
DEF(pat_scanner, "scanner") DEF(sc_match, "match") DEF(sc_search, "search")
DEF(m_group, "group") DEF(m_groups, "groups") DEF(m_groupdict, "groupdict") DEF(m_start, "start") DEF(m_end, "end")
DEF(m_span, "span") DEF(m_expand, "expand")
#undef DEF

static const rh_builtin_def *const pattern_methods[] = {&pat_match_def, &pat_fullmatch_def, &pat_search_def,
    &pat_findall_def, &pat_split_def, &pat_sub_def, &pat_subn_def, &pat_finditer_def, &pat_scanner_def, NULL};
static const rh_builtin_def *const scanner_methods[] = {&sc_match_def, &sc_search_def, NULL};
static const rh_builtin_def *const match_methods[] = {&m_group_def, &m_groups_def, &m_groupdict_def, &m_start_def,
    &m_end_def, &m_span_def, &m_expand_def, NULL};

int hx_sre_method_tables(rh_kind kind, hx_mtab out[2]) {
    out[0] = (hx_mtab){kind == RH_K_SRE_PATTERN ? pattern_methods : kind == RH_K_SRE_SCANNER ? scanner_methods : match_methods, NULL};
    return 1;
}

/* match.regs: ((start, end), ...) made once and kept (match_regs) */
static rh_object *match_regs(hx_interp *I, rh_object *o) {
    rh_sre_match *m = MAT(o);
    if (m->regs) return newref(m->regs);
    rh_object *t = rh_tuple_new(I->rt, (size_t)m->groups);
    for (intptr_t i = 0; t && i < m->groups; i++) {
        rh_object *p = pair(I, m->mark[2 * i], m->mark[2 * i + 1]);
        if (!p) { rh_decref(I->rt, t); return NULL; }
        rh_tuple_set(t, (size_t)i, p);
    }
    if (t) m->regs = newref(t);
    return t;
}

int hx_sre_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    rh_kind k = rh_kind_of(o);
    const char *s = hx_cstr(I, name);
    rh_object *none = rh_none(I->rt);
    if (k == RH_K_SRE_PATTERN) {
        rh_sre_pattern *p = PAT(o);
        if (!strcmp(s, "pattern")) *out = newref(p->pattern ? p->pattern : none);
        else if (!strcmp(s, "flags")) *out = rh_int_from_i64(I->rt, p->flags);
        else if (!strcmp(s, "groups")) *out = rh_int_from_i64(I->rt, p->groups);
        else if (!strcmp(s, "groupindex")) { /* a read-only proxy in CPython; a fresh dict copy here */
            *out = p->groupindex ? rh_dict_copy(I->rt, p->groupindex) : rh_dict_new(I->rt);
        } else return 0;
        return *out ? 1 : -1;
    }
    if (k == RH_K_SRE_SCANNER) { /* scanner_members: pattern */
        if (strcmp(s, "pattern")) return 0;
        *out = newref(SC(o)->pattern ? SC(o)->pattern : none);
        return 1;
    }
    if (k != RH_K_SRE_MATCH) return 0;
    rh_sre_match *m = MAT(o);
    if (!strcmp(s, "string")) *out = newref(m->string);
    else if (!strcmp(s, "re")) *out = newref(m->pattern);
    else if (!strcmp(s, "pos")) *out = rh_int_from_i64(I->rt, m->pos);
    else if (!strcmp(s, "endpos")) *out = rh_int_from_i64(I->rt, m->endpos);
    else if (!strcmp(s, "lastindex")) *out = m->lastindex >= 0 ? rh_int_from_i64(I->rt, m->lastindex) : newref(none);
    else if (!strcmp(s, "lastgroup")) {
        rh_object *ig = PAT(m->pattern)->indexgroup;
        if (ig && rh_kind_of(ig) == RH_K_TUPLE && m->lastindex >= 0 && (size_t)m->lastindex < rh_tuple_len(ig))
            *out = newref(rh_tuple_get(ig, (size_t)m->lastindex));
        else *out = newref(none);
    } else if (!strcmp(s, "regs")) *out = match_regs(I, o);
    else return 0;
    return *out ? 1 : -1;
}

static const rh_builtin_def sre_defs[] = {
    {"compile", (void (*)(void))sre_compile, 0},
    {"getcodesize", (void (*)(void))sre_getcodesize, 0},
    {"ascii_iscased", (void (*)(void))sre_ascii_iscased, 0},
    {"unicode_iscased", (void (*)(void))sre_unicode_iscased, 0},
    {"ascii_tolower", (void (*)(void))sre_ascii_tolower, 0},
    {"unicode_tolower", (void (*)(void))sre_unicode_tolower, 0},
    {NULL, NULL, 0},
};

rh_object *hx_module_sre(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (rh_runtime_profile(rt)->python2) {
        rh_err_set(rt, RH_EXC_IMPORT, "No module named _sre (refheap models 3.11's _sre only)");
        return NULL;
    }
    rh_object *m = hx_make_module(I, "_sre", sre_defs);
    if (!m) return NULL;
    static const rh_builtin_def template_def = {"template", (void (*)(void))sre_template, 0};
    rh_object *tf = RH_API(I, "_sre", "template") ? rh_builtin_new(rt, &template_def, m) : NULL;
    if (RH_API(I, "_sre", "template") && (!tf || rh_dict_set_cstr(rt, rh_module_dict(m), "template", tf))) {
        rh_xdecref(rt, tf);
        rh_decref(rt, m);
        return NULL;
    }
    rh_xdecref(rt, tf);
    /* the profile's code format: its MAGIC (which the version's re/_compiler.py or sre_compile.py checks)
     * and MAXGROUPS (which its parser bounds groups by) */
    const sre_format *fmt = sre_format_for(rh_runtime_profile(rt)->sre_magic);
    const struct { const char *name; int64_t v; } ints[] = {
        {"MAGIC", fmt->magic}, {"CODESIZE", 4}, {"MAXREPEAT", SRE_MAXREPEAT}, {"MAXGROUPS", fmt->maxgroups}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        rh_object *v = rh_int_from_i64(rt, ints[i].v);
        int rc = v ? rh_dict_set_cstr(rt, rh_module_dict(m), ints[i].name, v) : -1;
        rh_xdecref(rt, v);
        if (rc) { rh_decref(rt, m); return NULL; }
    }
    rh_object *cr = rh_str_from_cstr(rt, " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    int rc = cr ? rh_dict_set_cstr(rt, rh_module_dict(m), "copyright", cr) : -1;
    rh_xdecref(rt, cr);
    if (rc) { rh_decref(rt, m); return NULL; }
    the_interp = I;
    ((rh_type *)rh_builtin_type(rt, RH_K_SRE_MATCH))->as_mapping.mp_subscript = match_subscript;
    return m;
}
