/* suggest.c — "Did you mean: 'x'?" after an uncaught AttributeError or NameError (3.10+).
 *
 * Follows Python/suggestions.c of 3.11 (_Py_Offer_Suggestions, calculate_suggestions,
 * levenshtein_distance, substitution_cost): the candidate names are dir(obj) for an AttributeError that
 * carries its name and obj, and for a NameError the innermost traceback frame's co_varnames, then its
 * globals, then the builtins — the first list with a close enough name wins. A name is close enough when
 * its edit distance (moves cost 2, a case change 1, common prefix and suffix trimmed) is at most a third
 * of the characters involved; the closest wins, the earlier among equals. Only exceptions of exactly those
 * two types are looked at, as _Py_Offer_Suggestions does; lists of 750 names or more are not searched.
 * Owns nothing past a call; any error while looking is dropped (print_exception_suggestions).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z') b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

/* The edit distance of a and b over their UTF-8 bytes, or max_cost + 1 once it must exceed max_cost */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
    size_t row[MAX_NAME];
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (!na || !nb) return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME) return max_cost + 1;
    if (nb < na) { /* the shorter one indexes the row */
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < na; i++) row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = result = j * MOVE_COST, lowest = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + substitution_cost(b[j], a[i]);
            diag = row[i];
            size_t ins_del = (result < diag ? result : diag) + MOVE_COST;
            result = ins_del < sub ? ins_del : sub;
            row[i] = result;
            if (result < lowest) lowest = result;
        }
        if (lowest > max_cost) return max_cost + 1;
    }
    return result;
}

/* calculate_suggestions over the n names at v (str objects; anything else ends the search): the closest
 * to name, borrowed, or NULL */
static rh_object *closest(hx_interp *I, rh_object *const *v, size_t n, rh_object *name) {
    if (n >= MAX_CANDIDATES) return NULL;
    size_t nlen, best_d = SIZE_MAX;
    const char *ns = rh_str_utf8(I->rt, name, &nlen);
    rh_object *best = NULL;
    for (size_t i = 0; ns && i < n; i++) {
        if (rh_kind_of(v[i]) != RH_K_STR) return NULL;
        size_t ilen;
        const char *is = rh_str_utf8(I->rt, v[i], &ilen);
        if (!is) return NULL;
        if (ilen == nlen && !memcmp(is, ns, nlen)) continue;
        size_t max_d = (nlen + ilen + 3) * MOVE_COST / 6;
        if (best_d - 1 < max_d) max_d = best_d - 1;
        size_t d = edit_distance(ns, nlen, is, ilen, max_d);
        if (d > max_d) continue;
        if (!best || d < best_d) best = v[i], best_d = d;
    }
    return best;
}

const char *hx_suggest_among(const char *const *names, int n, const char *name) {
    size_t nlen = strlen(name), best_d = SIZE_MAX;
    const char *best = NULL;
    for (int i = 0; i < n && n < MAX_CANDIDATES; i++) {
        size_t ilen = strlen(names[i]);
        if (!ilen || (ilen == nlen && !memcmp(names[i], name, nlen))) continue; /* "": positional-only */
        size_t max_d = (nlen + ilen + 3) * MOVE_COST / 6;
        if (best_d - 1 < max_d) max_d = best_d - 1;
        size_t d = edit_distance(name, nlen, names[i], ilen, max_d);
        if (d > max_d) continue;
        if (!best || d < best_d) best = names[i], best_d = d;
    }
    return best;
}

/* The closest name among a list's items or a dict's keys (new reference or NULL) */
static rh_object *closest_in(hx_interp *I, rh_object *names, rh_object *name) {
    rh_runtime *rt = I->rt;
    rh_object *l = names && rh_kind_of(names) == RH_K_DICT ? rh_dict_keys_list(rt, names) : names;
    if (l == names) rh_xincref(l);
    rh_object *r = NULL;
    if (l && rh_kind_of(l) == RH_K_LIST) {
        size_t n = rh_list_len(l);
        rh_object **v = n ? malloc(n * sizeof *v) : NULL;
        for (size_t i = 0; v && i < n; i++) v[i] = rh_list_get(l, i);
        if (v || !n) r = closest(I, v, n, name);
        rh_xincref(r);
        free(v);
    }
    rh_xdecref(rt, l);
    return r;
}

/* co_varnames of a function unit: its parameters and the locals that are not cells of other functions */
static rh_object *varnames(hx_interp *I, const hx_code *c) {
    rh_object *l = rh_list_new(I->rt, 0);
    for (int i = 0; l && c->kind == CODE_FUNCTION && i < c->nnamed && i < c->nslots; i++) {
        const char *s = c->slotnames[i];
        int cell = 0;
        for (int k = 0; k < c->ncells && !cell && i >= c->nparams; k++) cell = c->cellnames[k] && !strcmp(c->cellnames[k], s);
        for (int k = 0; k < c->nfree && !cell; k++) cell = c->freenames[k] && !strcmp(c->freenames[k], s);
        rh_object *n = s && !cell ? hx_name(I, s) : NULL;
        if (n && rh_list_append(I->rt, l, n) != 0) rh_setref(I->rt, &l, NULL);
    }
    return l;
}

rh_object *hx_suggestion(hx_interp *I, rh_object *e) {
    rh_runtime *rt = I->rt;
    if (rh_runtime_profile(rt)->version_hex < 0x030A) return NULL;
    rh_object *r = NULL, *name = rh_exc_name_field(rt, e, 0);
    if (!name || rh_kind_of(name) != RH_K_STR || (rh_type_of(name)->flags & RH_TPFLAG_HEAPTYPE)) return NULL;
    rh_err_state saved;
    rh_err_save(rt, &saved);
    if ((rh_type *)rh_type_of(e) == rh_exc_type(rt, RH_EXC_ATTRIBUTE)) {
        rh_object *obj = rh_exc_name_field(rt, e, 1), *dir = rh_dict_get_cstr(rt, I->builtins, "dir");
        rh_object *names = obj && dir ? hx_call_borrowed(I, dir, &obj, 1) : NULL;
        r = closest_in(I, names, name);
        rh_xdecref(rt, names);
    } else if ((rh_type *)rh_type_of(e) == rh_exc_type(rt, RH_EXC_NAME)) {
        rh_object *tb = rh_exc_traceback(rt, e);
        while (tb && rh_tb_next(tb)) tb = rh_tb_next(tb);
        if (tb) {
            rh_object *frame = rh_tb_frame(tb), *vn = varnames(I, rh_frame_unit(frame));
            r = closest_in(I, vn, name);
            rh_xdecref(rt, vn);
            if (!r) r = closest_in(I, rh_frame_globals(frame), name);
            if (!r) r = closest_in(I, I->builtins, name);
        }
    }
    rh_err_clear(rt);
    rh_err_restore_state(rt, &saved);
    return r;
}
