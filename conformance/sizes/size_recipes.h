/* size_recipes.h — the recipes of conformance/sizes/gen_sizes.py rebuilt with librefheap's public API,
 * and the table check shared by test_sizes.c (CPython 3.11) and test_sizes_py27.c (CPython 2.7.18).
 *
 * A row of sizes_<version>.tsv is `kind<TAB>param<TAB>getsizeof`; build() makes the same object, and
 * check_table_with() compares rh_sizeof with the figure (and, when asked, the bytes the allocator handed
 * out while building it). Included by one test file each (static functions).
 */
#ifndef REFHEAP_SIZE_RECIPES_H
#define REFHEAP_SIZE_RECIPES_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"
#include "rh_test.h"

static rh_object *str_of(rh_runtime *rt, const char *utf8_unit, long n) {
    size_t ul = strlen(utf8_unit);
    char *buf = malloc(ul * (size_t)n + 1);
    for (long i = 0; i < n; i++) memcpy(buf + ul * (size_t)i, utf8_unit, ul);
    rh_object *s = rh_str_from_utf8(rt, buf, ul * (size_t)n);
    free(buf);
    return s;
}

static rh_object *make_class(rh_runtime *rt, const char *name, long nslots) {
    rh_object *ns = rh_dict_new(rt);
    if (nslots >= 0) {
        rh_object *slots = rh_tuple_new(rt, (size_t)nslots);
        for (long i = 0; i < nslots; i++) {
            char nm[32];
            snprintf(nm, sizeof nm, "s%ld", i);
            rh_tuple_set(slots, (size_t)i, rh_str_from_cstr(rt, nm));
        }
        rh_dict_set_cstr(rt, ns, "__slots__", slots);
        rh_decref(rt, slots);
    }
    rh_object *nm = rh_str_from_cstr(rt, name);
    rh_object *bases = rh_empty_tuple(rt);
    rh_incref(bases);
    rh_object *cls = rh_class_new(rt, nm, bases, ns);
    rh_decref(rt, bases);
    rh_decref(rt, nm);
    rh_decref(rt, ns);
    return cls;
}

static size_t live_bytes(rh_runtime *rt);

static void set_items(rh_runtime *rt, rh_object *d, rh_object *const *keys, long from, long to) {
    for (long i = from; i < to; i++) {
        rh_object *v = rh_int_from_i64(rt, i);
        rh_dict_set(rt, d, keys[i], v);
        rh_decref(rt, v);
    }
}

/* The dict recipes. The keys are made first, so *grew is what the dict alone allocated. */
static rh_object *build_dict(rh_runtime *rt, const char *kind, long n, long *grew) {
    enum { MAXKEYS = 128 };
    int is_int = !strcmp(kind, "dict_int"), del = !strcmp(kind, "dict_delete");
    int churn = !strcmp(kind, "dict_churn");
    long nstr = churn ? 21 : del ? 8 : n, nkeys = churn ? 21 + n : nstr;
    rh_object *keys[MAXKEYS];
    if (nkeys > MAXKEYS) return NULL;
    for (long i = 0; i < nkeys; i++) {
        char key[32];
        snprintf(key, sizeof key, "k%ld", i);
        keys[i] = is_int ? rh_int_from_i64(rt, i + 1000)
                  : i >= nstr ? rh_int_from_i64(rt, 7 * (i - nstr))
                              : rh_str_from_cstr(rt, key);
    }
    size_t before = live_bytes(rt);
    rh_object *d = rh_dict_new(rt);
    set_items(rt, d, keys, 0, nstr);
    for (long i = 0; i < (del ? n : churn ? 15 : 0); i++) rh_dict_del(rt, d, keys[i]);
    set_items(rt, d, keys, nstr, nkeys);
    *grew = (long)(live_bytes(rt) - before);
    for (long i = 0; i < nkeys; i++) rh_decref(rt, keys[i]);
    return d;
}

static rh_object *build_instance(rh_runtime *rt, int slots, long n) {
    rh_object *cls = make_class(rt, slots ? "S" : "Plain", slots ? n : -1);
    rh_object *o = rh_instance_new(rt, cls);
    for (long i = 0; !slots && i < n; i++) {
        char nm[32];
        snprintf(nm, sizeof nm, "a%ld", i);
        rh_object *name = rh_str_intern_utf8(rt, nm, strlen(nm));
        rh_object *v = rh_int_from_i64(rt, i);
        rh_setattr(rt, o, name, v);
        rh_decref(rt, v);
        rh_decref(rt, name);
    }
    rh_decref(rt, cls);
    return o;
}

static rh_object *build_singleton(rh_runtime *rt, const char *param) {
    rh_object *o = !strcmp(param, "None")          ? rh_none(rt)
                   : !strcmp(param, "True")        ? rh_true(rt)
                   : !strcmp(param, "False")       ? rh_false(rt)
                   : !strcmp(param, "empty_tuple") ? rh_empty_tuple(rt)
                                                   : rh_empty_str(rt);
    rh_incref(o);
    return o;
}

/* Build the object for one row; new reference, or NULL for an unknown recipe. *grew: bytes the dict
 * recipes allocated for the dict alone (left alone by the others). */
static rh_object *build(rh_runtime *rt, const char *kind, const char *param, long *grew) {
    long n = strtol(param, NULL, 10);
    if (!strcmp(kind, "int")) return rh_int_from_text(rt, param, strlen(param));
    if (!strcmp(kind, "float")) return rh_float_from_text(rt, param, strlen(param));
    if (!strcmp(kind, "str_ascii")) return str_of(rt, "a", n);
    if (!strcmp(kind, "str_latin1")) return str_of(rt, "\xc3\xa9", n);
    if (!strcmp(kind, "str_ucs2")) return str_of(rt, "\xe2\x82\xac", n);
    if (!strcmp(kind, "str_ucs4")) return str_of(rt, "\xf0\x9f\x98\x80", n);
    if (!strcmp(kind, "tuple")) {
        rh_object *t = rh_tuple_new(rt, (size_t)n);
        for (long i = 0; i < n; i++) rh_tuple_set(t, (size_t)i, rh_int_from_i64(rt, i));
        return t;
    }
    if (!strcmp(kind, "list_append")) {
        rh_object *l = rh_list_new(rt, 0);
        for (long i = 0; i < n; i++) {
            rh_object *v = rh_int_from_i64(rt, i);
            rh_list_append(rt, l, v);
            rh_decref(rt, v);
        }
        return l;
    }
    if (!strcmp(kind, "list_repeat")) {
        rh_object *one = rh_list_new(rt, 1);
        rh_incref(rh_none(rt));
        rh_list_set_init(one, 0, rh_none(rt));
        rh_object *l = rh_list_repeat(rt, one, n);
        rh_decref(rt, one);
        return l;
    }
    if (!strcmp(kind, "list_range")) return rh_list_from_range(rt, 0, n, 1);
    if (!strncmp(kind, "dict_", 5)) return build_dict(rt, kind, n, grew);
    if (!strcmp(kind, "range")) return rh_range_new(rt, 0, n, 1);
    if (!strcmp(kind, "instance")) return build_instance(rt, 0, n);
    if (!strcmp(kind, "slots")) return build_instance(rt, 1, n);
    if (!strcmp(kind, "singleton")) return build_singleton(rt, param);
    return NULL;
}

/* Kinds whose layout this suite owns: live bytes grow by exactly getsizeof when one is built (the
 * items of tuples and lists are small ints and None — cached, no allocation — up to 256; dict values
 * too, and the dict keys are made before the measurement starts). Floats only when they are allocated
 * one by one: with profile->float_block_size they come from 2.7's PyFloatBlocks, as ints do. */
static int allocation_checked(const rh_profile *p, const char *kind, long n) {
    if (!strcmp(kind, "float")) return p->float_block_size == 0;
    if (!strncmp(kind, "str_", 4) || !strcmp(kind, "tuple")) return 1;
    if (!strncmp(kind, "dict_", 5) || !strcmp(kind, "list_repeat")) return 1;
    if (!strcmp(kind, "list_append") || !strcmp(kind, "list_range")) return n <= 257;
    return 0;
}

/* Bytes the runtime has asked pymalloc for and not given back (obmalloc_stats.c: exact). */
static size_t live_bytes(rh_runtime *rt) {
    rh_allocator *a = rh_runtime_allocator(rt);
    static rh_allocator_stats st; /* large: keep it off the stack */
    st.struct_size = sizeof st;
    if (!a->stats || a->stats(a->ctx, &st) != 0) return 0;
    return (size_t)st.bytes_requested;
}

/* Rebuild every row of the table at `path` whose kind is in `kinds` (NULL: all) under `prof` and compare
 * rh_sizeof with the oracle's figure; with check_alloc, the allocator's live bytes must also have grown
 * by exactly getsizeof for the kinds allocation_checked names. `who` names the oracle in messages. */
static void check_table_with(const rh_profile *prof, const char *path, const char *const *kinds, int check_alloc,
                             const char *who) {
    FILE *f = fopen(path, "r");
    RH_CHECK_MSG(f != NULL, "cannot open %s", path);
    rh_config cfg = {0};
    cfg.profile = prof;
    char err[256];
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    RH_CHECK_MSG(rt != NULL, "runtime: %s", err);
    char line[512], kind[64], param[128];
    long want;
    int rows = 0, agree = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !strncmp(line, "kind\t", 5)) continue;
        if (sscanf(line, "%63[^\t]\t%127[^\t]\t%ld", kind, param, &want) != 3) continue;
        int selected = kinds == NULL;
        for (const char *const *k = kinds; k && *k && !selected; k++) selected = !strcmp(*k, kind);
        if (!selected) continue;
        rows++;
        size_t before = live_bytes(rt);
        long grew = -1;
        rh_object *o = build(rt, kind, param, &grew);
        if (!o) {
            fprintf(stderr, "  %s %s: could not build (%s %s)\n", kind, param,
                    rh_exc_name(rh_err_occurred(rt)), rh_err_message(rt));
            rh_err_clear(rt);
            continue;
        }
        long got = (long)rh_sizeof(rt, o);
        if (grew < 0) grew = (long)(live_bytes(rt) - before);
        int alloc_ok = !check_alloc || !allocation_checked(prof, kind, strtol(param, NULL, 10)) ||
                       rh_is_static(rt, o) || grew == got;
        if (got == want && alloc_ok) agree++;
        else if (got != want) fprintf(stderr, "  %s %s: refheap %ld, %s %ld\n", kind, param, got, who, want);
        else fprintf(stderr, "  %s %s: getsizeof %ld but %ld bytes allocated\n", kind, param, got, grew);
        rh_decref(rt, o);
    }
    fclose(f);
    rh_runtime_free(rt);
    fprintf(stderr, "sizes agreeing with %s: %d/%d\n", who, agree, rows);
    RH_CHECK(rows > 0);
    RH_CHECK_EQ_I(agree, rows);
}

#define KINDS(...) ((const char *const[]){__VA_ARGS__, NULL})

#endif
