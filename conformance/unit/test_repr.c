/* test_repr.c — repr/str/ascii of every built-in shape, recursion guards, comparison and operator
 * semantics with CPython's TypeError texts, hashing of containers, truth values, allocation failure.
 *
 * Oracle: CPython 3.11.2 (Objects/unicodeobject.c:unicode_repr, listobject.c:list_repr,
 * tupleobject.c:tuplerepr and tuplehash, dictobject.c:dict_repr, object.c:Py_ReprEnter and
 * object_repr, abstract.c:binop_type_error, object.c:do_richcompare).
 */
#include <math.h>

#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#define RH_FX_KEPT_POOL /* K, release_all, S, I, F, T, L */
#include "rh_fixtures.h"


/* Py_ReprEnter's thread-state dict and list are made at the first container repr and live to teardown:
 * objects a test leaves behind are counted without them. */
static uint64_t live_but_guard(rh_runtime *rt) {
    return live(rt) - (rt->repr_dict != NULL) - (rt->repr_list != NULL ? 2 : 0); /* the list and its key */
}
/* No repr in progress: the guard list, if made, is empty. */
static int repr_idle(rh_runtime *rt) { return !rt->repr_list || rh_list_len(rt->repr_list) == 0; }

static int repr_is(rh_runtime *rt, rh_object *o, const char *want) {
    rh_object *r = rh_repr(rt, o);
    int ok = r && strcmp(rh_str_utf8(rt, r, NULL), want) == 0;
    if (!ok) fprintf(stderr, "  repr %s, wanted %s\n", r ? rh_str_utf8(rt, r, NULL) : rh_err_message(rt), want);
    rh_xdecref(rt, r);
    return ok;
}
static int text_is(rh_runtime *rt, rh_object *o, const char *want) { /* consumes o */
    int ok = o && strcmp(rh_str_utf8(rt, o, NULL), want) == 0;
    if (!ok) fprintf(stderr, "  got %s, wanted %s\n", o ? rh_str_utf8(rt, o, NULL) : rh_err_message(rt), want);
    rh_xdecref(rt, o);
    rh_err_clear(rt);
    return ok;
}
static int error_is(rh_runtime *rt, int failed, rh_exc kind, const char *msg) {
    int ok = failed && rh_err_occurred(rt) == kind && strcmp(rh_err_message(rt), msg) == 0;
    if (!ok) fprintf(stderr, "  got %s: '%s', wanted %s: '%s'\n", rh_exc_name(rh_err_occurred(rt)),
                     rh_err_message(rt), rh_exc_name(kind), msg);
    rh_err_clear(rt);
    return ok;
}
static int binop_fails(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_object *r = rh_binop(rt, op, a, b);
    rh_xdecref(rt, r);
    return r == NULL;
}

/* unicode_repr: quote choice, escapes, printable non-ASCII kept; ascii() escapes all non-ASCII. */
RH_TEST(str_repr_quotes_and_escapes_like_unicode_repr) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    struct { const char *in, *repr, *ascii; } rows[] = {
        {"abc", "'abc'", "'abc'"},
        {"it's", "\"it's\"", "\"it's\""},
        {"say \"hi\"", "'say \"hi\"'", "'say \"hi\"'"},
        {"both ' and \"", "'both \\' and \"'", "'both \\' and \"'"},
        {"tab\there", "'tab\\there'", "'tab\\there'"},
        {"nl\n", "'nl\\n'", "'nl\\n'"},
        {"cr\r", "'cr\\r'", "'cr\\r'"},
        {"back\\slash", "'back\\\\slash'", "'back\\\\slash'"},
        {"\x01\x1f\x7f", "'\\x01\\x1f\\x7f'", "'\\x01\\x1f\\x7f'"},
        {"\xc3\xa9", "'\xc3\xa9'", "'\\xe9'"},
        {"\xc2\x80\xc2\x9f\xc2\xa0\xc2\xa1\xc2\xad\xc3\xbf", "'\\x80\\x9f\\xa0\xc2\xa1\\xad\xc3\xbf'",
         "'\\x80\\x9f\\xa0\\xa1\\xad\\xff'"},
        {"\xe2\x82\xac", "'\xe2\x82\xac'", "'\\u20ac'"},
        {"\xe2\x80\xa8", "'\\u2028'", "'\\u2028'"},
        {"\xf0\x9f\x98\x80", "'\xf0\x9f\x98\x80'", "'\\U0001f600'"},
        {"\xf3\xa0\x80\x81", "'\\U000e0001'", "'\\U000e0001'"},
        {"\xef\xbb\xbf", "'\\ufeff'", "'\\ufeff'"},
        {"\xe2\x80\x8b", "'\\u200b'", "'\\u200b'"},
        {"", "''", "''"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *s = S(rt, rows[i].in);
        RH_CHECK_MSG(repr_is(rt, s, rows[i].repr), "row %zu", i);
        RH_CHECK_MSG(text_is(rt, rh_ascii(rt, s), rows[i].ascii), "ascii row %zu", i);
        rh_object *st = rh_str(rt, s);
        RH_CHECK(st == s);
        rh_decref(rt, st);
    }
    release_all(rt);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* list_repr, tuplerepr ("(1,)"), dict_repr, range_repr and the scalars inside them. */
RH_TEST(container_reprs_match_python) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    rh_object *d = K(rh_dict_new(rt));
    rh_dict_set(rt, d, S(rt, "a"), L(rt, 1, I(rt, 1)));
    rh_object *l = L(rt, 12, I(rt, 1), F(rt, 2.5), S(rt, "a"), rh_none(rt), rh_true(rt), T(rt, 1, I(rt, 1)),
                     rh_empty_tuple(rt), K(rh_dict_new(rt)), d, K(rh_range_new(rt, 0, 10, 1)),
                     K(rh_range_new(rt, 0, 10, 2)), K(rh_range_new(rt, 0, 3, 1)));
    RH_CHECK(repr_is(rt, l, "[1, 2.5, 'a', None, True, (1,), (), {}, {'a': [1]}, range(0, 10), range(0, 10, 2), range(0, 3)]"));
    RH_CHECK(text_is(rt, rh_str(rt, l), "[1, 2.5, 'a', None, True, (1,), (), {}, {'a': [1]}, range(0, 10), range(0, 10, 2), range(0, 3)]"));
    RH_CHECK(repr_is(rt, T(rt, 2, S(rt, "x"), F(rt, -0.0)), "('x', -0.0)"));
    RH_CHECK(repr_is(rt, K(rh_list_new(rt, 0)), "[]"));
    RH_CHECK(repr_is(rt, K(rh_range_new(rt, 10, -5, -3)), "range(10, -5, -3)"));
    RH_CHECK(repr_is(rt, rh_false(rt), "False"));
    RH_CHECK(repr_is(rt, I(rt, -1234567), "-1234567"));
    release_all(rt);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* Py_ReprEnter: a container met again while its repr is running prints as [...], {...} or (...). */
RH_TEST(self_containing_containers_repr_with_ellipsis) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *l = L(rt, 1, I(rt, 1));
    rh_list_append(rt, l, l);
    RH_CHECK(repr_is(rt, l, "[1, [...]]"));
    rh_object *d = K(rh_dict_new(rt));
    rh_dict_set(rt, d, S(rt, "x"), d);
    RH_CHECK(repr_is(rt, d, "{'x': {...}}"));
    rh_object *inner = K(rh_list_new(rt, 0)), *t = T(rt, 1, inner);
    rh_list_append(rt, inner, t);
    RH_CHECK(repr_is(rt, t, "([(...)],)"));
    RH_CHECK(repr_idle(rt) && rt->rec_depth == 0);
    /* break the cycles so everything is freed */
    rh_list_clear(rt, l);
    rh_dict_clear(rt, d);
    rh_list_clear(rt, inner);
    release_all(rt);
    rh_runtime_free(rt);
}

/* Deep nesting: repr stops with RecursionError instead of exhausting the C stack. */
RH_TEST(deeply_nested_repr_raises_recursion_error) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; i < 2000; i++) {
        rh_object *outer = rh_list_new(rt, 1);
        rh_list_set_init(outer, 0, l);
        l = outer;
    }
    rh_object *r = rh_repr(rt, l);
    RH_CHECK(error_is(rt, r == NULL, RH_EXC_RECURSION,
                      "maximum recursion depth exceeded while getting the repr of an object"));
    RH_CHECK(repr_idle(rt) && rt->rec_depth == 0);
    rh_decref(rt, l);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* object_repr / type_repr: "<__main__.C object at 0x...>", "<class '__main__.C'>", "<class 'int'>". */
/* The recursion depth is one count against one settable limit: levels held by the caller (the
 * interpreter's Python frames) leave fewer for repr; sys.setrecursionlimit's checks are 3.11's. */
RH_TEST(recursion_limit_is_shared_and_settable) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    RH_CHECK_EQ_U((uint64_t)rh_recursion_limit(rt), 1000);
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; i < 10; i++) { /* 11 lists: repr needs 11 levels */
        rh_object *outer = rh_list_new(rt, 1);
        rh_list_set_init(outer, 0, l);
        l = outer;
    }
    RH_CHECK(rh_recursion_set_limit(rt, 20, 0) == 0);
    for (int i = 0; i < 9; i++) RH_CHECK(rh_recursion_enter(rt, "") == 0);
    rh_object *r = rh_repr(rt, l); /* 9 + 11 = 20 levels: fits */
    RH_CHECK(r != NULL);
    rh_xdecref(rt, r);
    RH_CHECK(rh_recursion_enter(rt, "") == 0);
    r = rh_repr(rt, l); /* 10 + 11 > 20 */
    RH_CHECK(error_is(rt, r == NULL, RH_EXC_RECURSION,
                      "maximum recursion depth exceeded while getting the repr of an object"));
    RH_CHECK_EQ_U((uint64_t)rh_recursion_depth(rt), 10);
    RH_CHECK(error_is(rt, rh_recursion_set_limit(rt, 10, rh_recursion_depth(rt)) != 0, RH_EXC_RECURSION,
                      "cannot set the recursion limit to 10 at the recursion depth 10: the limit is too low"));
    RH_CHECK(error_is(rt, rh_recursion_set_limit(rt, 0, 0) != 0, RH_EXC_VALUE,
                      "recursion limit must be greater or equal than 1"));
    RH_CHECK_EQ_U((uint64_t)rh_recursion_limit(rt), 20);
    for (int i = 0; i < 10; i++) rh_recursion_leave(rt);
    RH_CHECK(rt->rec_depth == 0 && repr_idle(rt));
    rh_decref(rt, l);
    rh_runtime_free(rt);
}

RH_TEST(class_instance_and_type_reprs) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *ns = K(rh_dict_new(rt));
    rh_object *cls = K(rh_class_new(rt, S(rt, "C"), rh_empty_tuple(rt), ns));
    RH_CHECK(cls != NULL);
    RH_CHECK(repr_is(rt, cls, "<class '__main__.C'>"));
    rh_object *inst = K(rh_instance_new(rt, cls));
    char want[64];
    snprintf(want, sizeof want, "<__main__.C object at %p>", (void *)inst);
    RH_CHECK(repr_is(rt, inst, want));
    RH_CHECK(strncmp(want, "<__main__.C object at 0x", 24) == 0);
    RH_CHECK(repr_is(rt, (rh_object *)rh_builtin_type(rt, RH_K_INT), "<class 'int'>"));
    RH_CHECK(repr_is(rt, (rh_object *)rh_builtin_type(rt, RH_K_NONE), "<class 'NoneType'>"));
    int64_t h1, h2;
    RH_CHECK(rh_hash(rt, inst, &h1) == 0 && rh_hash(rt, inst, &h2) == 0 && h1 == h2);
    RH_CHECK(rh_truthy(rt, inst) == 1);
    RH_CHECK(error_is(rt, rh_richcompare(rt, RH_CMP_LT, inst, inst) < 0, RH_EXC_TYPE,
                      "'<' not supported between instances of 'C' and 'C'"));
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, inst, inst) == 1);
    release_all(rt);
    rh_runtime_free(rt);
}

/* func_repr, method_repr, meth_repr (built-ins), module_repr, weakref_repr (3.11 formats). */
RH_TEST(function_method_builtin_module_and_weakref_reprs) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_func_types_init(rt);
    char want[160];
    rh_object *globals = K(rh_dict_new(rt));
    rh_object *f = K(rh_func_new(rt, NULL, globals, S(rt, "m"), S(rt, "C.m"), NULL));
    snprintf(want, sizeof want, "<function C.m at %p>", (void *)f);
    RH_CHECK(repr_is(rt, f, want));
    rh_object *cls = K(rh_class_new(rt, S(rt, "C"), rh_empty_tuple(rt), K(rh_dict_new(rt))));
    rh_object *inst = K(rh_instance_new(rt, cls));
    rh_object *m = K(rh_method_new(rt, f, inst));
    snprintf(want, sizeof want, "<bound method C.m of <__main__.C object at %p>>", (void *)inst);
    RH_CHECK(repr_is(rt, m, want));
    static const rh_builtin_def len_def = {"len", NULL, 0}, append_def = {"append", NULL, 0};
    RH_CHECK(repr_is(rt, K(rh_builtin_new(rt, &len_def, NULL)), "<built-in function len>"));
    rh_object *l = K(rh_list_new(rt, 0));
    snprintf(want, sizeof want, "<built-in method append of list object at %p>", (void *)l);
    RH_CHECK(repr_is(rt, K(rh_builtin_new(rt, &append_def, l)), want));
    RH_CHECK(repr_is(rt, K(rh_module_new(rt, S(rt, "gc"))), "<module 'gc' (built-in)>"));
    rh_object *wr = K(rh_weakref_new(rt, inst, NULL));
    RH_CHECK(wr != NULL);
    snprintf(want, sizeof want, "<weakref at %p; to 'C' at %p>", (void *)wr, (void *)inst);
    RH_CHECK(repr_is(rt, wr, want));
    release_all(rt);
    rh_runtime_free(rt);
}

/* do_richcompare: orderings of numbers, strs, lists and tuples; TypeError text for the rest; == never
 * fails across types. */
RH_TEST(comparisons_follow_python_and_report_type_errors) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, S(rt, "a"), S(rt, "b")) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, S(rt, "a"), S(rt, "ab")) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_GT, S(rt, "\xe2\x82\xac"), S(rt, "z")) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, L(rt, 2, I(rt, 1), I(rt, 2)), L(rt, 2, I(rt, 1), I(rt, 3))) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, T(rt, 2, I(rt, 1), I(rt, 2)), T(rt, 1, I(rt, 1))) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, L(rt, 1, I(rt, 1)), L(rt, 1, F(rt, 1.0))) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LE, T(rt, 2, I(rt, 1), I(rt, 2)), T(rt, 2, I(rt, 1), I(rt, 2))) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, L(rt, 1, I(rt, 1)), T(rt, 1, I(rt, 1))) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, I(rt, 1), S(rt, "a")) == 1);
    rh_object *nan = F(rt, NAN);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, L(rt, 1, nan), L(rt, 1, nan)) == 1); /* identity inside lists */
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, L(rt, 1, nan), L(rt, 1, F(rt, NAN))) == 0);
    rh_object *d1 = K(rh_dict_new(rt)), *d2 = K(rh_dict_new(rt));
    rh_dict_set(rt, d1, S(rt, "a"), I(rt, 1));
    rh_dict_set(rt, d2, S(rt, "a"), F(rt, 1.0));
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, d1, d2) == 1);
    RH_CHECK(rh_equal(rt, K(rh_range_new(rt, 0, 0, 1)), K(rh_range_new(rt, 2, 2, 3))) == 1);
    RH_CHECK(rh_equal(rt, K(rh_range_new(rt, 0, 3, 1)), K(rh_range_new(rt, 0, 3, 1))) == 1);
    struct { rh_cmp_kind op; rh_object *a, *b; const char *msg; } bad[] = {
        {RH_CMP_LT, S(rt, "a"), I(rt, 1), "'<' not supported between instances of 'str' and 'int'"},
        {RH_CMP_LT, rh_none(rt), rh_none(rt), "'<' not supported between instances of 'NoneType' and 'NoneType'"},
        {RH_CMP_LT, L(rt, 1, I(rt, 1)), T(rt, 1, I(rt, 1)), "'<' not supported between instances of 'list' and 'tuple'"},
        {RH_CMP_GE, d1, d2, "'>=' not supported between instances of 'dict' and 'dict'"},
        {RH_CMP_GT, L(rt, 1, I(rt, 1)), L(rt, 1, S(rt, "a")), "'>' not supported between instances of 'int' and 'str'"},
        {RH_CMP_LE, rh_true(rt), S(rt, "x"), "'<=' not supported between instances of 'bool' and 'str'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        RH_CHECK_MSG(error_is(rt, rh_richcompare(rt, bad[i].op, bad[i].a, bad[i].b) < 0, RH_EXC_TYPE, bad[i].msg),
                     "row %zu", i);
    release_all(rt);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* binop_type_error and the sequence slots' own messages (CPython 3.11 texts). */
RH_TEST(binop_type_errors_match_cpython) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    struct { rh_binop_kind op; rh_object *a, *b; const char *msg; } rows[] = {
        {RH_BINOP_ADD, S(rt, "a"), I(rt, 1), "can only concatenate str (not \"int\") to str"},
        {RH_BINOP_ADD, I(rt, 1), S(rt, "a"), "unsupported operand type(s) for +: 'int' and 'str'"},
        {RH_BINOP_ADD, L(rt, 0), T(rt, 0), "can only concatenate list (not \"tuple\") to list"},
        {RH_BINOP_ADD, T(rt, 0), L(rt, 0), "can only concatenate tuple (not \"list\") to tuple"},
        {RH_BINOP_MUL, S(rt, "a"), S(rt, "b"), "can't multiply sequence by non-int of type 'str'"},
        {RH_BINOP_MUL, S(rt, "a"), F(rt, 1.5), "can't multiply sequence by non-int of type 'float'"},
        {RH_BINOP_MUL, F(rt, 1.5), L(rt, 0), "can't multiply sequence by non-int of type 'float'"},
        {RH_BINOP_MUL, rh_none(rt), I(rt, 2), "unsupported operand type(s) for *: 'NoneType' and 'int'"},
        {RH_BINOP_POW, S(rt, "a"), I(rt, 2), "unsupported operand type(s) for ** or pow(): 'str' and 'int'"},
        {RH_BINOP_SUB, S(rt, "a"), S(rt, "b"), "unsupported operand type(s) for -: 'str' and 'str'"},
        {RH_BINOP_MOD, I(rt, 1), S(rt, "a"), "unsupported operand type(s) for %: 'int' and 'str'"},
        {RH_BINOP_FLOORDIV, L(rt, 0), I(rt, 1), "unsupported operand type(s) for //: 'list' and 'int'"},
        {RH_BINOP_ADD, K(rh_dict_new(rt)), K(rh_dict_new(rt)), "unsupported operand type(s) for +: 'dict' and 'dict'"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        RH_CHECK_MSG(error_is(rt, binop_fails(rt, rows[i].op, rows[i].a, rows[i].b), RH_EXC_TYPE, rows[i].msg),
                     "row %zu", i);
    rh_object *r = rh_unop(rt, RH_UNOP_NEG, S(rt, "a"));
    RH_CHECK(error_is(rt, r == NULL, RH_EXC_TYPE, "bad operand type for unary -: 'str'"));
    r = rh_binop(rt, RH_BINOP_MUL, L(rt, 1, rh_none(rt)), K(rh_int_from_text(rt, "4611686018427387904", 19)));
    RH_CHECK(error_is(rt, r == NULL, RH_EXC_MEMORY, "")); /* mem_05: [None] * (2 ** 62) */
    release_all(rt);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* sequence_repeat / concat, both operand orders, and the in-place forms on lists (list_inplace_*). */
RH_TEST(sequence_operators_and_inplace_list_updates) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live_but_guard(rt);
    rh_object *ab = S(rt, "ab");
    RH_CHECK(text_is(rt, rh_binop(rt, RH_BINOP_MUL, ab, I(rt, 3)), "ababab"));
    RH_CHECK(text_is(rt, rh_binop(rt, RH_BINOP_MUL, I(rt, 3), ab), "ababab"));
    RH_CHECK(text_is(rt, rh_binop(rt, RH_BINOP_MUL, rh_true(rt), S(rt, "x")), "x"));
    rh_object *r = rh_binop(rt, RH_BINOP_MUL, ab, I(rt, -1));
    RH_CHECK(r == rh_empty_str(rt));
    rh_decref(rt, r);
    rh_object *lr = K(rh_binop(rt, RH_BINOP_MUL, L(rt, 2, I(rt, 1), I(rt, 2)), rh_true(rt)));
    RH_CHECK(repr_is(rt, lr, "[1, 2]"));
    RH_CHECK(repr_is(rt, K(rh_binop(rt, RH_BINOP_MUL, T(rt, 1, I(rt, 1)), I(rt, 3))), "(1, 1, 1)"));
    r = rh_binop(rt, RH_BINOP_MUL, rh_empty_tuple(rt), I(rt, 5));
    RH_CHECK(r == rh_empty_tuple(rt));
    rh_decref(rt, r);
    RH_CHECK(repr_is(rt, K(rh_binop(rt, RH_BINOP_ADD, L(rt, 1, I(rt, 1)), L(rt, 1, I(rt, 2)))), "[1, 2]"));
    RH_CHECK(repr_is(rt, K(rh_binop(rt, RH_BINOP_ADD, T(rt, 1, I(rt, 1)), T(rt, 1, I(rt, 2)))), "(1, 2)"));
    RH_CHECK(text_is(rt, rh_binop(rt, RH_BINOP_MOD, S(rt, "%d-%s"), T(rt, 2, I(rt, 4), S(rt, "x"))), "4-x"));
    rh_object *l = L(rt, 1, I(rt, 0));
    rh_object *same = rh_inplace_binop(rt, RH_BINOP_ADD, l, T(rt, 2, I(rt, 1), I(rt, 2)));
    RH_CHECK(same == l);
    rh_decref(rt, same);
    same = rh_inplace_binop(rt, RH_BINOP_ADD, l, K(rh_range_new(rt, 3, 5, 1)));
    rh_decref(rt, same);
    same = rh_inplace_binop(rt, RH_BINOP_ADD, l, S(rt, "ab"));
    rh_decref(rt, same);
    RH_CHECK(repr_is(rt, l, "[0, 1, 2, 3, 4, 'a', 'b']"));
    same = rh_inplace_binop(rt, RH_BINOP_MUL, l, I(rt, 2));
    RH_CHECK(same == l && rh_list_len(l) == 14);
    rh_decref(rt, same);
    same = rh_inplace_binop(rt, RH_BINOP_MUL, l, I(rt, 0));
    RH_CHECK(same == l && rh_list_len(l) == 0);
    rh_decref(rt, same);
    RH_CHECK(error_is(rt, rh_inplace_binop(rt, RH_BINOP_ADD, l, I(rt, 5)) == NULL, RH_EXC_TYPE,
                      "'int' object is not iterable"));
    rh_object *n = I(rt, 5), *n2 = rh_inplace_binop(rt, RH_BINOP_ADD, n, I(rt, 1)); /* ints: a new object */
    RH_CHECK(text_is(rt, rh_repr(rt, n2), "6"));
    rh_decref(rt, n2);
    release_all(rt);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

/* tuplehash (xxHash-based, 3.8+) gives CPython's values; lists and dicts are unhashable. */
RH_TEST(container_hashes_and_unhashable_types) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    int64_t h = 0;
    RH_CHECK(rh_hash(rt, rh_empty_tuple(rt), &h) == 0);
    RH_CHECK_EQ_I(h, 5740354900026072187ll);
    RH_CHECK(rh_hash(rt, T(rt, 2, I(rt, 1), I(rt, 2)), &h) == 0);
    RH_CHECK_EQ_I(h, -3550055125485641917ll);
    int64_t h2 = 0, h3 = 0; /* equal tuples hash alike: (1.0, True) == (1, 1), (1, 2.0) == (1, 2) */
    RH_CHECK(rh_hash(rt, T(rt, 2, F(rt, 1.0), rh_true(rt)), &h2) == 0);
    RH_CHECK(rh_hash(rt, T(rt, 2, I(rt, 1), I(rt, 1)), &h3) == 0 && h2 == h3);
    RH_CHECK(rh_hash(rt, T(rt, 2, I(rt, 1), F(rt, 2.0)), &h2) == 0 && h2 == h);
    RH_CHECK(error_is(rt, rh_hash(rt, L(rt, 0), &h) < 0, RH_EXC_TYPE, "unhashable type: 'list'"));
    RH_CHECK(error_is(rt, rh_hash(rt, T(rt, 1, K(rh_dict_new(rt))), &h) < 0, RH_EXC_TYPE, "unhashable type: 'dict'"));
    release_all(rt);
    rh_runtime_free(rt);
}

/* Truth values of the built-in types (PyObject_IsTrue). */
RH_TEST(truth_values_of_builtin_types) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *falsy[] = {rh_none(rt), rh_false(rt), I(rt, 0), F(rt, 0.0), F(rt, -0.0), rh_empty_str(rt),
                          rh_empty_tuple(rt), L(rt, 0), K(rh_dict_new(rt)), K(rh_range_new(rt, 5, 5, 1))};
    rh_object *truthy[] = {rh_true(rt), I(rt, -1), F(rt, NAN), S(rt, " "), T(rt, 1, rh_none(rt)),
                           L(rt, 1, rh_none(rt)), K(rh_range_new(rt, 0, 1, 1))};
    for (size_t i = 0; i < sizeof falsy / sizeof falsy[0]; i++) RH_CHECK_MSG(rh_truthy(rt, falsy[i]) == 0, "%zu", i);
    for (size_t i = 0; i < sizeof truthy / sizeof truthy[0]; i++) RH_CHECK_MSG(rh_truthy(rt, truthy[i]) == 1, "%zu", i);
    release_all(rt);
    rh_runtime_free(rt);
}

/* A repr that cannot get memory raises MemoryError, leaves no guard frame and leaks nothing. */
RH_TEST(repr_allocation_failure_gives_memory_error) {
    rh_runtime *rt = rh_fx_runtime_failing_after(NULL, UINT64_MAX); /* nothing fails yet */
    RH_CHECK(rt != NULL);
    uint64_t base = live_but_guard(rt);
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; i < 60; i++) {
        rh_object *v = rh_int_from_i64(rt, 100000 + i);
        rh_list_append(rt, l, v);
        rh_decref(rt, v);
    }
    for (uint64_t allow = 0; allow < 2; allow++) { /* the builder's growth, then the result str */
        rh_fx_fail_after(allow);
        rh_object *r = rh_repr(rt, l);
        RH_CHECK(error_is(rt, r == NULL, RH_EXC_MEMORY, ""));
        RH_CHECK(repr_idle(rt) && rt->rec_depth == 0);
    }
    fa.fail_from = 0; /* nothing fails any more */
    rh_object *r = rh_repr(rt, l);
    RH_CHECK(r != NULL && rh_str_len(r) == 2 + 60 * 6 + 59 * 2);
    rh_decref(rt, r);
    rh_decref(rt, l);
    RH_CHECK_EQ_U(live_but_guard(rt), base);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
