/*
 * args.c - keyword argument parsing for native functions, as Argument Clinic's generated parsers do it
 * (Python/getargs.c _PyArg_UnpackKeywords and its error_unexpected_keyword_arg).
 *
 * One parser for every native module that takes keywords, so the messages stay CPython's in one place:
 *   "f() takes at most 3 arguments (4 given)"            more arguments than names ("keyword " when none
 *                                                        is positional)
 *   "f() takes exactly 1 positional argument (2 given)"  more positional than may be ("at most" when some
 *                                                        of them are optional)
 *   "f() missing required argument 'x' (pos 1)"
 *   "argument for f() given by name ('x') and position (1)"
 *   "'y' is an invalid keyword argument for f()"
 * in the order CPython checks them.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

static int name_index(const char *const *names, int nnames, const char *kw) {
    for (int i = 0; i < nnames; i++)
        if (!strcmp(names[i], kw)) return i;
    return -1;
}

static int too_many(hx_interp *I, const char *fn, int nnames, int npos, int nreq, int n, int nkw) {
    if (n + nkw > nnames) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at most %d %sargument%s (%d given)", fn, nnames,
                   n == 0 ? "keyword " : "", nnames == 1 ? "" : "s", n + nkw);
        return 1;
    }
    if (n <= npos) return 0;
    if (npos == 0) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no positional arguments", fn);
    else
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes %s %d positional argument%s (%d given)", fn,
                   (nreq < npos ? nreq : npos) < npos ? "at most" : "exactly", npos, npos == 1 ? "" : "s", n);
    return 1;
}

/* A keyword that names no free parameter: error_unexpected_keyword_arg's two messages. */
static void unexpected(hx_interp *I, const char *fn, const char *const *names, int nnames, int n, const char *kw) {
    int i = name_index(names, nnames, kw), py2 = rh_runtime_profile(I->rt)->python2; /* 2.7's vgetargskeywords */
    const char *hint;
    if (i >= 0 && i < n && py2)
        rh_err_set(I->rt, RH_EXC_TYPE, "Argument given by name ('%s') and position (%d)", kw, i + 1);
    else if (i >= 0 && i < n)
        rh_err_set(I->rt, RH_EXC_TYPE, "argument for %s() given by name ('%s') and position (%d)", fn, kw, i + 1);
    else if (py2) rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for this function", kw);
    else if (rh_runtime_profile(I->rt)->version_hex < 0x030D)
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for %s()", kw, fn);
    else if ((hint = hx_suggest_among(names, nnames, kw)) != NULL) /* 3.13 */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'. Did you mean '%s'?", fn, kw, hint);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", fn, kw);
}

int hx_kwtuple_once(hx_interp *I, const char *fn, const char *const *names, int nnames) {
    return rh_runtime_profile(I->rt)->kwparser_lazy_tuple ? hx_kwtuple_make(I, fn, names, nnames) : 0;
}

int hx_kwtuple_make(hx_interp *I, const char *fn, const char *const *names, int nnames) {
    if (nnames < 0) /* a NULL-terminated list */
        for (nnames = 0; names[nnames];) nnames++;
    for (int i = 0; i < I->nkwtuples; i++)
        if (I->kwtuples[i].names == names && !strcmp(I->kwtuples[i].fn, fn)) return 0;
    if (I->nkwtuples == I->capkwtuples) {
        int cap = I->capkwtuples ? 2 * I->capkwtuples : 16;
        void *v = realloc(I->kwtuples, (size_t)cap * sizeof *I->kwtuples);
        if (!v) { rh_err_nomemory(I->rt); return -1; }
        I->kwtuples = v, I->capkwtuples = cap;
    }
    int pos = 0; /* new_kwtuple: the names after the positional-only ones ("") */
    while (pos < nnames && !names[pos][0]) pos++;
    rh_object *t = rh_tuple_new(I->rt, (size_t)(nnames - pos));
    for (int i = pos; t && i < nnames; i++) {
        rh_object *k = hx_name(I, names[i]);
        if (!k) { rh_setref(I->rt, &t, NULL); break; }
        rh_incref(k);
        rh_tuple_set(t, (size_t)(i - pos), k);
    }
    if (!t) return -1;
    I->kwtuples[I->nkwtuples].names = names;
    I->kwtuples[I->nkwtuples].fn = fn;
    I->kwtuples[I->nkwtuples++].tuple = t;
    return 0;
}

void hx_kwtuples_free(hx_interp *I) {
    for (int i = 0; i < I->nkwtuples; i++) rh_decref(I->rt, I->kwtuples[i].tuple);
    free(I->kwtuples);
    I->kwtuples = NULL, I->nkwtuples = I->capkwtuples = 0;
}

int hx_parse_kw(hx_interp *I, const char *fn, const char *const *names, int nnames, int npos, int nreq,
                rh_object *const *a, int n, char **kwn, rh_object **kwv, int nkw, rh_object **out) {
    /* the clinic's fast path skips _PyArg_UnpackKeywords (and parser_init) for positional calls it accepts */
    if ((nkw || n < nreq || n > npos) && hx_kwtuple_once(I, fn, names, nnames)) return -1;
    if (too_many(I, fn, nnames, npos, nreq, n, nkw)) return -1;
    int used = 0;
    for (int i = 0; i < nnames; i++) {
        out[i] = i < n ? a[i] : NULL;
        for (int k = 0; !out[i] && k < nkw; k++)
            if (!strcmp(names[i], kwn[k])) out[i] = kwv[k], used++;
        if (!out[i] && i < nreq) {
            rh_err_set(I->rt, RH_EXC_TYPE, "%s() missing required argument '%s' (pos %d)", fn, names[i], i + 1);
            return -1;
        }
    }
    if (used == nkw) return 0;
    for (int k = 0; k < nkw; k++) {
        int i = name_index(names, nnames, kwn[k]);
        if (i < 0 || i < n) { unexpected(I, fn, names, nnames, n, kwn[k]); return -1; }
    }
    return 0;
}
