/* test_class.c — classes and instances as CPython 3.11 (Objects/typeobject.c, Objects/dictobject.c):
 * sizes (class 1688, instance 56, __slots__ 16 + 8n + 16), C3 MRO and its errors, attribute lookup and
 * its error messages, key-sharing values arrays and the materialised __dict__, __slots__ layout, the
 * __del__ flag, GC tracking, reference counts, allocation failure, and the py310 __dict__-slot layout.
 * CPython: _PyType_PreHeaderSize (Include/internal/pycore_object.h) and _PySys_GetSizeOf
 * (Python/sysmodule.c) for the managed-dict words; new_values (Objects/dictobject.c); messages and sizes
 * printed by
 * /usr/bin/python3 (3.11.2).
 */
#include "containers.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* A runtime with the collector disabled; failing: on the failing allocator of rh_fixtures.h, counting an
 * overflowing calloc as a request (refuse_overflow 0, as this file's allocator always did). */
static rh_runtime *new_rt(const char *profile, int failing) {
    return failing ? rh_fx_failing_runtime(profile, 0, 1) : rh_fx_runtime_new(profile, NULL, NULL, 1);
}
static rh_object *S(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }

/* class <name>(*bases): <ns>, with "__slots__" from a NULL-terminated list if slots != NULL */
static rh_object *make_class(rh_runtime *rt, const char *name, rh_object *const *bases, size_t nb,
                             const char *const *slots, const char *attr) {
    rh_object *ns = rh_dict_new(rt), *nm = rh_str_from_cstr(rt, name), *bt = rh_tuple_new(rt, nb);
    for (size_t i = 0; i < nb; i++) {
        rh_incref(bases[i]);
        rh_tuple_set(bt, i, bases[i]);
    }
    if (slots) rh_fx_set_slots(rt, ns, slots);
    if (attr) {
        rh_object *one = rh_int_from_i64(rt, 1);
        rh_dict_set_cstr(rt, ns, attr, one);
        rh_decref(rt, one);
    }
    rh_object *cls = rh_class_new(rt, nm, bt, ns);
    rh_decref(rt, ns), rh_decref(rt, nm), rh_decref(rt, bt);
    return cls;
}
static rh_object *plain(rh_runtime *rt, const char *name) {
    return make_class(rt, name, NULL, 0, NULL, NULL);
}

/* The collector's job for a class (its mro holds it): tp_clear, then the last reference. */
static void drop_class(rh_runtime *rt, rh_object *cls) {
    cls->type->clear(rt, cls);
    rh_decref(rt, cls);
}

static int set_int(rh_runtime *rt, rh_object *o, const char *name, int64_t v) {
    rh_object *n = S(rt, name), *x = rh_int_from_i64(rt, v);
    int r = rh_setattr(rt, o, n, x);
    rh_decref(rt, n), rh_decref(rt, x);
    return r;
}
static int64_t get_int(rh_runtime *rt, rh_object *o, const char *name) {
    rh_object *n = S(rt, name), *v = rh_getattr(rt, o, n);
    int64_t r = ival(rt, v);
    rh_xdecref(rt, v), rh_decref(rt, n);
    return r;
}

/* sys.getsizeof: `class C: pass` 1688 (sizeof(PyHeapTypeObject) 904 + 768 of shared keys + 16), a
 * __slots__ class 920; instance 56 (24 + GC 16 + managed dict 16); __slots__ instances 16 + 8n + 16 */
RH_TEST(class_and_instance_sizes_match_3_11) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *c = plain(rt, "C"), *o = rh_instance_new(rt, c);
    RH_CHECK_EQ_U(rh_sizeof(rt, c), 1688);
    RH_CHECK_EQ_U(rh_sizeof(rt, o), 56);
    set_int(rt, o, "a", 1), set_int(rt, o, "b", 2), set_int(rt, o, "c", 3);
    RH_CHECK_EQ_U(rh_sizeof(rt, o), 56);
    static const char *const s0[] = {NULL}, *const s1[] = {"a", NULL}, *const s3[] = {"a", "b", "c", NULL};
    const char *const *sl[] = {s0, s1, s3};
    static const size_t want[] = {32, 40, 56};
    for (int i = 0; i < 3; i++) {
        rh_object *k = make_class(rt, "S", NULL, 0, sl[i], NULL), *so = rh_instance_new(rt, k);
        RH_CHECK_EQ_U(rh_sizeof(rt, so), want[i]);
        RH_CHECK_EQ_U(rh_sizeof(rt, k), 920); /* no shared keys */
        rh_decref(rt, so);
        drop_class(rt, k);
    }
    rh_object *obj = rh_instance_new(rt, (rh_object *)rh_builtin_type(rt, RH_K_OBJECT));
    RH_CHECK_EQ_U(rh_sizeof(rt, obj), 16);
    RH_CHECK_EQ_U(rh_sizeof(rt, (rh_object *)rh_builtin_type(rt, RH_K_INT)), 424);
    rh_decref(rt, obj), rh_decref(rt, o);
    drop_class(rt, c);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
    /* 3.10: a __dict__ pointer slot instead of the managed pre-header: 48 (measured on 3.10.13) */
    rt = new_rt("py310", 0);
    c = plain(rt, "C");
    o = rh_instance_new(rt, c);
    RH_CHECK_EQ_U(rh_sizeof(rt, o), 48);
    RH_CHECK(set_int(rt, o, "x", 5) == 0);
    RH_CHECK_EQ_I(get_int(rt, o, "x"), 5);
    rh_object *d = rh_instance_dict(rt, o);
    RH_CHECK_EQ_U(rh_dict_len(d), 1);
    rh_decref(rt, d), rh_decref(rt, o);
    drop_class(rt, c);
    rh_runtime_free(rt);
}

static int mro_is(rh_runtime *rt, rh_object *cls, const char *const *names) {
    rh_object *n = S(rt, "__mro__"), *mro = rh_getattr(rt, cls, n);
    rh_decref(rt, n);
    size_t k = 0;
    int ok = mro != NULL;
    for (; ok && names[k]; k++)
        ok = k < rh_tuple_len(mro) && !strcmp(((rh_type *)(void *)rh_tuple_get(mro, k))->name, names[k]);
    ok = ok && k == rh_tuple_len(mro);
    rh_xdecref(rt, mro);
    return ok;
}

/* mro_implementation / pmerge: the diamond and the textbook C3 example (python3: AA B C D E F object) */
RH_TEST(class_mro_is_c3) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *O = plain(rt, "O");
    rh_object *L = make_class(rt, "L", &O, 1, NULL, NULL), *R = make_class(rt, "R", &O, 1, NULL, NULL);
    rh_object *lr[] = {L, R}, *D = make_class(rt, "D", lr, 2, NULL, NULL);
    static const char *const dm[] = {"D", "L", "R", "O", "object", NULL};
    RH_CHECK(mro_is(rt, D, dm));
    rh_object *F = plain(rt, "F"), *E = plain(rt, "E"), *DD = plain(rt, "DD");
    rh_object *df[] = {DD, F}, *de[] = {DD, E};
    rh_object *C = make_class(rt, "C", df, 2, NULL, NULL), *B = make_class(rt, "B", de, 2, NULL, NULL);
    rh_object *bc[] = {B, C}, *AA = make_class(rt, "AA", bc, 2, NULL, NULL);
    static const char *const am[] = {"AA", "B", "C", "DD", "E", "F", "object", NULL};
    RH_CHECK(mro_is(rt, AA, am));
    /* lookup follows the mro: R's attribute is found through D (L has none) */
    rh_object *ns_attr = S(rt, "r_attr"), *one = rh_int_from_i64(rt, 1);
    rh_setattr(rt, R, ns_attr, one);
    RH_CHECK(rh_class_lookup(rt, D, ns_attr) == one);
    rh_decref(rt, ns_attr), rh_decref(rt, one);
    rh_object *all[] = {AA, B, C, DD, E, F, D, L, R, O};
    for (int i = 0; i < 10; i++) drop_class(rt, all[i]);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* set_mro_error / check_duplicates messages (3.11.2):
 *   class C(A, B) with A(X, Y), B(Y, X) -> "Cannot create a consistent method resolution\norder (MRO) for
 * bases X, Y" class Q(O, P) with P(O)             -> "... for bases O, P";  class D(X, X) -> "duplicate base
 * class X" */
RH_TEST(inconsistent_mro_and_duplicate_bases_raise_typeerror) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *X = plain(rt, "X"), *Y = plain(rt, "Y");
    rh_object *xy[] = {X, Y}, *yx[] = {Y, X}, *xx[] = {X, X};
    rh_object *A = make_class(rt, "A", xy, 2, NULL, NULL), *B = make_class(rt, "B", yx, 2, NULL, NULL);
    rh_object *ab[] = {A, B};
    uint64_t before = live(rt);
    RH_CHECK(make_class(rt, "C", ab, 2, NULL, NULL) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt),
                 "Cannot create a consistent method resolution\norder (MRO) for bases X, Y");
    rh_err_clear(rt);
    RH_CHECK_EQ_U(live(rt), before); /* the half-built class and its parts are gone */
    RH_CHECK(make_class(rt, "D", xx, 2, NULL, NULL) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "duplicate base class X");
    rh_err_clear(rt);
    rh_object *O = plain(rt, "O"), *P = make_class(rt, "P", &O, 1, NULL, NULL), *op[] = {O, P};
    RH_CHECK(make_class(rt, "Q", op, 2, NULL, NULL) == NULL);
    RH_CHECK_STR(rh_err_message(rt),
                 "Cannot create a consistent method resolution\norder (MRO) for bases O, P");
    rh_err_clear(rt);
    /* two bases adding slots: best_base's layout conflict */
    static const char *const sa[] = {"a", NULL}, *const sb[] = {"b", NULL};
    rh_object *SA = make_class(rt, "SA", NULL, 0, sa, NULL), *SB = make_class(rt, "SB", NULL, 0, sb, NULL);
    rh_object *sab[] = {SA, SB};
    RH_CHECK(make_class(rt, "SC", sab, 2, NULL, NULL) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "multiple bases have instance lay-out conflict");
    rh_err_clear(rt);
    rh_object *all[] = {SA, SB, P, O, A, B, X, Y};
    for (int i = 0; i < 8; i++) drop_class(rt, all[i]);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* AttributeError / TypeError texts of 3.11.2 */
RH_TEST(attribute_errors_have_cpython_messages) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *C = plain(rt, "C"), *c = rh_instance_new(rt, C), *x = S(rt, "x"),
              *one = rh_int_from_i64(rt, 1);
    RH_CHECK(rh_getattr(rt, c, x) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_ATTRIBUTE);
    RH_CHECK_STR(rh_err_message(rt), "'C' object has no attribute 'x'");
    rh_err_clear(rt);
    RH_CHECK(rh_getattr(rt, C, x) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "type object 'C' has no attribute 'x'");
    rh_err_clear(rt);
    RH_CHECK(rh_delattr(rt, c, x) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_ATTRIBUTE);
    RH_CHECK_STR(rh_err_message(rt), "'C' object has no attribute 'x'");
    rh_err_clear(rt);
    RH_CHECK(rh_delattr(rt, C, x) < 0);
    RH_CHECK_STR(rh_err_message(rt), "type object 'C' has no attribute 'x'");
    rh_err_clear(rt);
    RH_CHECK(rh_setattr(rt, (rh_object *)rh_builtin_type(rt, RH_K_INT), x, one) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt), "cannot set 'x' attribute of immutable type 'int'");
    rh_err_clear(rt);
    rh_object *big = rh_int_from_i64(rt, 100000);
    RH_CHECK(rh_setattr(rt, big, x, one) < 0);
    RH_CHECK_STR(rh_err_message(rt), "'int' object has no attribute 'x'");
    rh_err_clear(rt);
    /* __slots__ members: empty slot, no dict, read-only class attribute, bare-name delete error */
    static const char *const sl[] = {"a", NULL};
    rh_object *Sc = make_class(rt, "S", NULL, 0, sl, "x"), *s = rh_instance_new(rt, Sc), *a = S(rt, "a"),
              *q = S(rt, "q");
    RH_CHECK(rh_getattr(rt, s, a) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "'S' object has no attribute 'a'");
    rh_err_clear(rt);
    RH_CHECK(rh_setattr(rt, s, q, one) < 0);
    RH_CHECK_STR(rh_err_message(rt), "'S' object has no attribute 'q'");
    rh_err_clear(rt);
    RH_CHECK(rh_setattr(rt, s, x, one) < 0);
    RH_CHECK_STR(rh_err_message(rt), "'S' object attribute 'x' is read-only");
    rh_err_clear(rt);
    RH_CHECK(rh_delattr(rt, s, a) < 0);
    RH_CHECK_STR(rh_err_message(rt), "a");
    rh_err_clear(rt);
    /* class B: __slots__ = ('a',); a = 1 */
    rh_object *bad = make_class(rt, "B", NULL, 0, sl, "a");
    RH_CHECK(bad == NULL && rh_err_occurred(rt) == RH_EXC_VALUE);
    RH_CHECK_STR(rh_err_message(rt), "'a' in __slots__ conflicts with class variable");
    rh_err_clear(rt);
    rh_decref(rt, s), rh_decref(rt, a), rh_decref(rt, q), rh_decref(rt, big);
    rh_decref(rt, c), rh_decref(rt, x), rh_decref(rt, one);
    drop_class(rt, Sc);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* Key sharing (new_values, insert_into_dictkeys): names go into the class's shared keys in first-insertion
 * order across instances; each new instance shrinks dk_usable while above 1, so values arrays shrink; a
 * materialised __dict__ takes the values over (a split dict: getsizeof 64 + 8 * (nentries + usable)) */
RH_TEST(instance_attributes_share_the_class_keys) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *C = make_class(rt, "C", NULL, 0, NULL, "k");
    rh_dictkeys *keys = (rh_dictkeys *)(void *)((rh_type *)(void *)C)->cached_keys;
    RH_CHECK_EQ_I(keys->dk_usable, 30);
    rh_object *p = rh_instance_new(rt, C);
    RH_CHECK_EQ_I(keys->dk_usable, 29);
    set_int(rt, p, "x", 1), set_int(rt, p, "a", 2), set_int(rt, p, "m", 3);
    RH_CHECK_EQ_I(keys->dk_nentries, 3);
    rh_object *q = rh_instance_new(rt, C);
    set_int(rt, q, "m", 30), set_int(rt, q, "z", 40);
    RH_CHECK_EQ_I(keys->dk_nentries, 4); /* m was known; z is new */
    RH_CHECK_EQ_I(get_int(rt, q, "m"), 30);
    RH_CHECK_EQ_I(get_int(rt, q, "k"), 1);  /* class attribute */
    set_int(rt, q, "k", 9);
    RH_CHECK_EQ_I(get_int(rt, q, "k"), 9);  /* the instance shadows it */
    RH_CHECK_EQ_I(keys->dk_nentries, 5);
    rh_object *pd = rh_instance_dict(rt, p), *pd2 = rh_instance_dict(rt, p);
    RH_CHECK(pd == pd2);
    /* _PyDict_SizeOf counts the shared keys' current usable size: 28 after q's decrement (python3: 288) */
    RH_CHECK_EQ_U(rh_sizeof(rt, pd), 288);
    RH_CHECK(!rh_gc_is_tracked(pd));      /* only ints inside */
    RH_CHECK(rh__md_values(rh__managed_dict(p)) == NULL);
    /* the dict iterates in p's insertion order */
    size_t pos = 0;
    rh_object *k, *v;
    const char *order[] = {"x", "a", "m"};
    for (int i = 0; rh_dict_next(pd, &pos, &k, &v); i++) RH_CHECK_STR(rh_str_utf8(rt, k, NULL), order[i]);
    set_int(rt, p, "new", 5); /* through the split dict: the shared keys grow too */
    RH_CHECK_EQ_I(keys->dk_nentries, 6);
    RH_CHECK_EQ_I(get_int(rt, p, "new"), 5);
    rh_object *l = rh_list_new(rt, 0), *ln = S(rt, "lst");
    rh_setattr(rt, p, ln, l);
    RH_CHECK(rh_gc_is_tracked(pd));
    RH_CHECK(rh_gc_is_tracked(p));
    rh_decref(rt, pd), rh_decref(rt, pd2), rh_decref(rt, l), rh_decref(rt, ln);
    rh_decref(rt, p), rh_decref(rt, q);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* SHARED_KEYS_MAX_SIZE 30: the 30th new name no longer fits (29 after the first instance's decrement),
 * the instance gets a real dict, then insertdict resizes it to 128 slots: 1584 with 35 attributes; the
 * next instance's values array has 29 slots (its dict 296). python3 prints 1584 and 296. */
RH_TEST(full_shared_keys_materialise_a_dict) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *E = plain(rt, "E"), *e = rh_instance_new(rt, E);
    for (int i = 0; i < 35; i++) {
        char nm[8];
        snprintf(nm, sizeof nm, "a%d", i);
        RH_CHECK(set_int(rt, e, nm, i) == 0);
    }
    RH_CHECK(rh__md_dict(rh__managed_dict(e)) != NULL && rh__md_values(rh__managed_dict(e)) == NULL);
    RH_CHECK_EQ_I(get_int(rt, e, "a34"), 34);
    RH_CHECK_EQ_I(get_int(rt, e, "a0"), 0);
    rh_object *d = rh_instance_dict(rt, e);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 1584);
    rh_object *e2 = rh_instance_new(rt, E), *d2 = rh_instance_dict(rt, e2);
    RH_CHECK_EQ_U(rh_sizeof(rt, d2), 296);
    rh_decref(rt, d), rh_decref(rt, d2), rh_decref(rt, e), rh_decref(rt, e2);
    drop_class(rt, E);
    /* after 40 instances the values arrays are down to nentries + 1 slots: dict 72 (python3) */
    rh_object *F = plain(rt, "F"), *fs[41];
    for (int i = 0; i < 41; i++) fs[i] = rh_instance_new(rt, F);
    rh_object *fd = rh_instance_dict(rt, fs[40]);
    RH_CHECK_EQ_U(rh_sizeof(rt, fd), 72);
    rh_decref(rt, fd);
    for (int i = 0; i < 41; i++) rh_decref(rt, fs[i]);
    drop_class(rt, F);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* __slots__: members sorted by name (type_new_copy_slots), private names mangled, subclass slots after
 * the base's; instances of a slots-only class have no __dict__ */
RH_TEST(slots_are_sorted_members_after_the_base_layout) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    static const char *const s1[] = {"zz", "b", "a", NULL}, *const s2[] = {"y", "c", NULL},
                             *const s3[] = {"__x", NULL};
    rh_object *Sb = make_class(rt, "S", NULL, 0, s1, NULL), *T = make_class(rt, "T", &Sb, 1, s2, NULL);
    rh_class *sc = (rh_class *)(void *)Sb, *tc = (rh_class *)(void *)T;
    RH_CHECK_STR(rh_str_utf8(rt, rh_tuple_get(sc->slot_names, 0), NULL), "a");
    RH_CHECK_STR(rh_str_utf8(rt, rh_tuple_get(sc->slot_names, 2), NULL), "zz");
    RH_CHECK_EQ_U(sc->slotoffset, 16);
    RH_CHECK_EQ_U(tc->slotoffset, 40);
    RH_CHECK_EQ_U(tc->t.basicsize, 56);
    rh_object *t = rh_instance_new(rt, T);
    RH_CHECK_EQ_U(rh_sizeof(rt, t), 72);
    set_int(rt, t, "zz", 1), set_int(rt, t, "c", 2);
    RH_CHECK_EQ_I(get_int(rt, t, "zz"), 1);
    RH_CHECK_EQ_I(get_int(rt, t, "c"), 2);
    RH_CHECK(((rh_object **)(void *)t)[4] != NULL); /* zz is the third member of S: offset 32 */
    rh_object *dn = S(rt, "__dict__");
    RH_CHECK(rh_getattr(rt, t, dn) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "'T' object has no attribute '__dict__'");
    rh_err_clear(rt);
    rh_object *P = make_class(rt, "P", NULL, 0, s3, NULL);
    RH_CHECK_STR(rh_str_utf8(rt, rh_tuple_get(((rh_class *)(void *)P)->slot_names, 0), NULL), "_P__x");
    /* a subclass without __slots__ of a slots class adds the managed dict and a weakref slot */
    rh_object *U = make_class(rt, "U", &Sb, 1, NULL, NULL), *u = rh_instance_new(rt, U);
    RH_CHECK_EQ_U(rh_sizeof(rt, u), 40 + 8 + 32);
    RH_CHECK(set_int(rt, u, "free", 3) == 0 && set_int(rt, u, "a", 4) == 0);
    RH_CHECK_EQ_I(get_int(rt, u, "a"), 4);
    rh_decref(rt, u), rh_decref(rt, t), rh_decref(rt, dn);
    rh_object *all[] = {U, P, T, Sb};
    for (int i = 0; i < 4; i++) drop_class(rt, all[i]);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* __del__ anywhere in the MRO sets the finalizer flag; setting or deleting it on the class updates it */
RH_TEST(class_del_flag_follows_the_mro_and_setattr) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *A = make_class(rt, "A", NULL, 0, NULL, "__del__"), *B = make_class(rt, "B", &A, 1, NULL, NULL);
    RH_CHECK(((rh_type *)(void *)B)->flags & RH_TPFLAG_HAS_DEL);
    rh_object *C = plain(rt, "C"), *dn = S(rt, "__del__");
    RH_CHECK(!(((rh_type *)(void *)C)->flags & RH_TPFLAG_HAS_DEL));
    RH_CHECK(rh_setattr(rt, C, dn, rh_none(rt)) == 0);
    RH_CHECK(((rh_type *)(void *)C)->flags & RH_TPFLAG_HAS_DEL);
    RH_CHECK(rh_delattr(rt, C, dn) == 0);
    RH_CHECK(!(((rh_type *)(void *)C)->flags & RH_TPFLAG_HAS_DEL));
    rh_decref(rt, dn);
    drop_class(rt, C), drop_class(rt, B), drop_class(rt, A);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* Instances are tracked at creation and hold their class; a class holds itself through its mro (the
 * collector frees it: type_clear drops the mro), 2 references right after creation */
RH_TEST(instances_hold_their_class_and_classes_are_tracked) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *C = plain(rt, "C");
    RH_CHECK(rh_gc_is_tracked(C));
    /* the caller's, mro[0]'s and the __dict__ / __weakref__ getset descriptors' (descr_new: d_type) */
    RH_CHECK_EQ_I(rh_refcount(C), 4);
    rh_object *a = rh_instance_new(rt, C), *b = rh_instance_new(rt, C);
    RH_CHECK(rh_gc_is_tracked(a));
    RH_CHECK_EQ_I(rh_refcount(C), 6);
    RH_CHECK(rh_is_class(C) && !rh_is_class(a));
    rh_object *cn = S(rt, "__class__"), *got = rh_getattr(rt, a, cn), *nn = S(rt, "__name__");
    RH_CHECK(got == C);
    rh_object *name = rh_getattr(rt, C, nn);
    RH_CHECK_STR(rh_str_utf8(rt, name, NULL), "C");
    rh_decref(rt, got), rh_decref(rt, cn), rh_decref(rt, nn), rh_decref(rt, name);
    rh_decref(rt, a), rh_decref(rt, b);
    RH_CHECK_EQ_I(rh_refcount(C), 4);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* Classes are cyclic (mro[0] is the class) and die only in a collection, as in CPython. `class E: pass;
 * e = E(); e.self = e; del e, E; gc.collect()` returns 7 on 3.11.2: E, its mro and bases tuples, e, the
 * class __dict__ (tracked: it holds the descriptors) and the two getset descriptors (__dict__,
 * __weakref__; Objects/descrobject.c descr_new makes them GC objects). */
RH_TEST(classes_and_instance_cycles_are_freed_by_the_collector) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_gc_collect(rt, 2);
    rh_object *E = plain(rt, "E"), *e = rh_instance_new(rt, E), *sn = S(rt, "self");
    rh_setattr(rt, e, sn, e);
    rh_decref(rt, sn), rh_decref(rt, e), rh_decref(rt, E);
    RH_CHECK(live(rt) > l0);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 7);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* Allocation failures: a class, an instance's values array (object_new drops the instance), a
 * materialising setattr — each NULL/-1 + MemoryError with nothing leaked and the instance unchanged */
RH_TEST(allocation_failures_leave_no_half_built_objects) {
    rh_runtime *rt = new_rt("py311", 1);
    uint64_t l0 = live(rt);
    for (uint64_t n = 1; n < 80; n++) { /* fail the n-th request of class creation, for every n */
        rh_object *ns = rh_dict_new(rt), *nm = rh_str_from_cstr(rt, "K"), *bt = rh_tuple_new(rt, 0);
        rh_dict_set_cstr(rt, ns, "attr", rh_none(rt));
        fa.fail_from = fa.requests + n;
        rh_object *k = rh_class_new(rt, nm, bt, ns);
        fa.fail_from = 0;
        if (k) drop_class(rt, k);
        else RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
        rh_err_clear(rt);
        rh_decref(rt, ns), rh_decref(rt, nm), rh_decref(rt, bt);
        RH_CHECK_EQ_U(live(rt), l0);
    }
    rh_object *C = plain(rt, "C");
    intptr_t cr = rh_refcount(C);
    uint64_t l1 = live(rt);
    fa.fail_from = fa.requests + 2; /* the object succeeds, its values array fails */
    RH_CHECK(rh_instance_new(rt, C) == NULL);
    fa.fail_from = 0;
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    rh_err_clear(rt);
    RH_CHECK_EQ_I(rh_refcount(C), cr);
    RH_CHECK_EQ_U(live(rt), l1);
    rh_object *o = rh_instance_new(rt, C), *n = S(rt, "x"), *one = rh_int_from_i64(rt, 1);
    rh_setattr(rt, o, n, one);
    rh__dict_freelist_clear(rt); /* the split dict must be allocated, not taken from the freelist */
    fa.fail_from = fa.requests + 1;
    rh_object *d = rh_instance_dict(rt, o);
    fa.fail_from = 0;
    RH_CHECK(d == NULL || (rh_decref(rt, d), 0));
    rh_err_clear(rt);
    RH_CHECK(rh__md_values(rh__managed_dict(o)) != NULL && rh__md_dict(rh__managed_dict(o)) == NULL);
    RH_CHECK_EQ_I(get_int(rt, o, "x"), 1);
    rh_decref(rt, o), rh_decref(rt, n), rh_decref(rt, one);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* ---------------------------------------------------------------- the class namespace (descriptors) */

/* The class dict's keys in order, comma-separated, into buf */
static const char *ns_keys(rh_runtime *rt, rh_object *cls, char *buf, size_t cap) {
    size_t pos = 0, off = 0;
    rh_object *k, *v;
    buf[0] = 0;
    while (rh_dict_next(((rh_type *)(void *)cls)->dict, &pos, &k, &v))
        off += (size_t)snprintf(buf + off, cap - off, "%s%s", off ? "," : "", rh_str_utf8(rt, k, NULL));
    return buf;
}
static rh_object *ns_get(rh_runtime *rt, rh_object *cls, const char *name) {
    return rh_dict_get_cstr(rt, ((rh_type *)(void *)cls)->dict, name);
}

/* `class C: x = 1` on 3.11.2: list(C.__dict__) == ['x', '__dict__', '__weakref__', '__doc__'] (besides
 * the compiler's __module__): type_ready_fill_dict's add_getset (subtype_getsets_full) after the body,
 * __doc__ None last (type_new_set_doc); each getset_descriptor is 64 bytes by sys.getsizeof
 * (PyGetSetDescrObject 48 + GC head), GC-tracked, and holds its class (descr_new: d_type), so
 * sys.getrefcount(C) counts 2 more than the name and mro[0]. */
RH_TEST(class_namespace_has_dict_and_weakref_getsets_and_doc_like_3_11) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    char buf[200];
    rh_object *C = make_class(rt, "C", NULL, 0, NULL, "x");
    RH_CHECK_STR(ns_keys(rt, C, buf, sizeof buf), "x,__dict__,__weakref__,__doc__");
    rh_object *gd = ns_get(rt, C, "__dict__"), *gw = ns_get(rt, C, "__weakref__");
    RH_CHECK_STR(rh_type_name(gd), "getset_descriptor");
    RH_CHECK_STR(rh_type_name(gw), "getset_descriptor");
    RH_CHECK_EQ_U(rh_sizeof(rt, gd), 64);
    RH_CHECK(rh_gc_is_tracked(gd) && rh_gc_is_tracked(gw));
    RH_CHECK(ns_get(rt, C, "__doc__") == rh_none(rt));
    RH_CHECK_EQ_I(rh_refcount(C), 4);
    RH_CHECK_EQ_I(rh_refcount(gd), 1);
    rh_object *cn = S(rt, "__weakref__"), *got = rh_getattr(rt, C, cn); /* C.__weakref__: the descriptor */
    RH_CHECK(got == gw);
    rh_decref(rt, got), rh_decref(rt, cn);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* A subclass of a class that already has __dict__ and a weakref slot adds neither getset
 * (type_new_descriptors: add_dict/add_weak only when the base lacks them): `class D(C): pass` has
 * ['__doc__'] beyond __module__ and sys.getrefcount(D) is 3 (name, mro, argument). A class whose best base
 * is a __slots__ class without them adds both again (`class F(C, E)` with E.__slots__ = ('a','b')). */
RH_TEST(subclasses_add_getsets_only_when_the_base_lacks_them) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    char buf[200];
    static const char *const ab[] = {"b", "a", NULL};
    rh_object *C = plain(rt, "C"), *D = make_class(rt, "D", &C, 1, NULL, NULL);
    rh_object *E = make_class(rt, "E", NULL, 0, ab, NULL), *ce[2] = {C, E};
    rh_object *F = make_class(rt, "F", ce, 2, NULL, NULL);
    RH_CHECK_STR(ns_keys(rt, D, buf, sizeof buf), "__doc__");
    RH_CHECK_EQ_I(rh_refcount(D), 2);
    RH_CHECK_STR(ns_keys(rt, F, buf, sizeof buf), "__dict__,__weakref__,__doc__");
    RH_CHECK_EQ_I(rh_refcount(F), 4);
    drop_class(rt, F), drop_class(rt, E), drop_class(rt, D), drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* `class E: __slots__ = ('b', 'a')`: list(E.__dict__) == ['__slots__', 'a', 'b', '__doc__'] (add_members
 * in sorted member order, no getsets); each member_descriptor is 64 bytes and holds E, so
 * sys.getrefcount(E) == 5 on 3.11.2 (name, mro, 2 members, argument). E.a is the descriptor; instance
 * slot access is unchanged. `__slots__ = ('__weakref__', 'x')` makes a member and the __weakref__ getset. */
RH_TEST(slots_classes_get_member_descriptors_like_3_11) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    char buf[200];
    static const char *const ab[] = {"b", "a", NULL}, *const wx[] = {"__weakref__", "x", NULL};
    rh_object *E = make_class(rt, "E", NULL, 0, ab, NULL), *W = make_class(rt, "W", NULL, 0, wx, NULL);
    RH_CHECK_STR(ns_keys(rt, E, buf, sizeof buf), "__slots__,a,b,__doc__");
    RH_CHECK_STR(ns_keys(rt, W, buf, sizeof buf), "__slots__,x,__weakref__,__doc__");
    rh_object *ma = ns_get(rt, E, "a");
    RH_CHECK_STR(rh_type_name(ma), "member_descriptor");
    RH_CHECK_EQ_U(rh_sizeof(rt, ma), 64);
    RH_CHECK_EQ_I(rh_refcount(E), 4);
    RH_CHECK_EQ_I(rh_refcount(W), 4);
    rh_object *an = S(rt, "a"), *got = rh_getattr(rt, E, an);
    RH_CHECK(got == ma);
    rh_decref(rt, got);
    rh_object *e = rh_instance_new(rt, E);
    RH_CHECK_EQ_I(set_int(rt, e, "a", 7), 0);
    RH_CHECK_EQ_I(get_int(rt, e, "a"), 7);
    rh_decref(rt, e), rh_decref(rt, an);
    drop_class(rt, W), drop_class(rt, E);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* type_new_set_ht_name consumes __qualname__ from the namespace; a body's own __doc__ stays */
RH_TEST(qualname_is_consumed_and_a_body_doc_kept) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    char buf[200];
    rh_object *ns = rh_dict_new(rt), *nm = rh_str_from_cstr(rt, "Q"), *bt = rh_tuple_new(rt, 0);
    rh_object *doc = rh_str_from_cstr(rt, "doc");
    rh_dict_set_cstr(rt, ns, "__module__", nm);
    rh_dict_set_cstr(rt, ns, "__qualname__", nm);
    rh_dict_set_cstr(rt, ns, "__doc__", doc);
    rh_object *Q = rh_class_new(rt, nm, bt, ns);
    RH_CHECK_STR(ns_keys(rt, Q, buf, sizeof buf), "__module__,__doc__,__dict__,__weakref__");
    RH_CHECK(ns_get(rt, Q, "__doc__") == doc);
    rh_decref(rt, ns), rh_decref(rt, nm), rh_decref(rt, bt), rh_decref(rt, doc);
    drop_class(rt, Q);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* The getsets are data descriptors on instances: o.__weakref__ is None, then the first weak reference
 * (subtype_getweakref); assigning it fails as a getset without a setter does (descr_setcheck message);
 * o.__dict__ is still the instance dict. */
RH_TEST(instance_weakref_and_dict_go_through_the_getsets) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *C = plain(rt, "C"), *o = rh_instance_new(rt, C);
    rh_object *wn = S(rt, "__weakref__"), *dn = S(rt, "__dict__");
    rh_object *v = rh_getattr(rt, o, wn);
    RH_CHECK(v == rh_none(rt));
    rh_decref(rt, v);
    rh_object *r = rh_weakref_new(rt, o, NULL);
    v = rh_getattr(rt, o, wn);
    RH_CHECK(v == r);
    rh_xdecref(rt, v);
    RH_CHECK_EQ_I(rh_setattr(rt, o, wn, rh_none(rt)), -1);
    RH_CHECK_STR(rh_err_message(rt), "attribute '__weakref__' of 'C' objects is not writable");
    rh_err_clear(rt);
    set_int(rt, o, "x", 5);
    rh_object *d = rh_getattr(rt, o, dn);
    RH_CHECK(d && d->type->kind == RH_K_DICT && rh_dict_len(d) == 1);
    rh_xdecref(rt, d);
    rh_decref(rt, r), rh_decref(rt, o), rh_decref(rt, wn), rh_decref(rt, dn);
    drop_class(rt, C);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* `class C: pass; del C; gc.collect()` returns 6 on 3.11.2 (gc disabled, after a full collection): the
 * class, its dict, mro and bases tuples and the two getset descriptors. `class D(B): pass; del D` returns
 * 3: D's dict holds only atoms (untracked), no descriptors. */
RH_TEST(collecting_a_class_frees_its_descriptors_like_3_11) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_gc_collect(rt, 2);
    rh_object *C = plain(rt, "C");
    rh_decref(rt, C);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 6);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_object *B = plain(rt, "B"), *D = make_class(rt, "D", &B, 1, NULL, NULL);
    rh_gc_collect(rt, 2);
    rh_decref(rt, D);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 3);
    drop_class(rt, B);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
