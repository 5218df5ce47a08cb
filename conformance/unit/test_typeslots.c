/* test_typeslots.c — the slot table of types (refheap/typeslots.h): which slots each built-in type has
 * after inheritance, that no type is a catch-all, the generic dispatchers of abstract.c (binary_op1's
 * NotImplemented and reflected operand, do_richcompare's subclass priority, PyObject_IsTrue's order,
 * PyObject_Size/GetItem/Contains/GetIter), and classes whose special methods become slot wrappers that
 * call through rh_hooks.call (Objects/typeobject.c: fixup_slot_dispatchers, slot_tp_richcompare,
 * SLOT1BINFULL), with a C hook standing for the interpreter.
 */
#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"

static rh_object *S(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }
static rh_type *T(rh_runtime *rt, rh_kind k) { return rh_builtin_type(rt, k); }

/* ---- a C hook standing for the interpreter: functions are identified by name ---- */
typedef struct hook_log {
    int calls;
    char last[32];        /* name of the last function called */
    size_t last_nargs;
    rh_object *last_self; /* first argument of the last call */
} hook_log;

static rh_object *test_call(void *ctx, rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs) {
    hook_log *log = ctx;
    log->calls++;
    log->last_nargs = nargs;
    log->last_self = nargs ? args[0] : NULL;
    snprintf(log->last, sizeof log->last, "%s",
             callable->type->kind == RH_K_FUNCTION ? rh_str_utf8(rt, rh_func_name(callable), NULL) : "?");
    rh_object *r;
    if (!strcmp(log->last, "eq_true")) r = rh_true(rt);
    else if (!strcmp(log->last, "answer")) return rh_int_from_i64(rt, 42);
    else if (!strcmp(log->last, "zero")) return rh_int_from_i64(rt, 0);
    else if (!strcmp(log->last, "notimpl")) r = rh_notimplemented(rt);
    else r = rh_none(rt);
    rh_incref(r);
    return r;
}

/* class <name>(*bases) with ns entries name -> a function of the given function name (pairs, NULL-ended) */
static rh_object *make_class(rh_runtime *rt, const char *name, rh_object *base, const char *const *methods) {
    rh_object *ns = rh_dict_new(rt), *nm = S(rt, name), *bases = base ? rh_tuple_pack(rt, 1, base) : rh_empty_tuple(rt);
    rh_object *globals = rh_dict_new(rt);
    for (size_t i = 0; methods && methods[i]; i += 2) {
        rh_object *fname = S(rt, methods[i + 1]);
        rh_object *f = rh_func_new(rt, NULL, globals, fname, NULL, NULL);
        rh_dict_set_cstr(rt, ns, methods[i], f);
        rh_decref(rt, f);
        rh_decref(rt, fname);
    }
    if (!base) rh_incref(bases);
    rh_object *cls = rh_class_new(rt, nm, bases, ns);
    rh_decref(rt, ns), rh_decref(rt, nm), rh_decref(rt, bases), rh_decref(rt, globals);
    return cls;
}

static rh_runtime *hooked_rt(hook_log *log) {
    memset(log, 0, sizeof *log);
    rh_hooks h = {0};
    h.ctx = log;
    h.call = test_call;
    return rh_fx_runtime_new(NULL, NULL, &h, 1);
}

/* ---- built-in types ---- */

/* PyType_Ready: after inheritance every built-in type answers repr, hash and comparison (object's when
 * it defines none), and each has the method-table slots CPython gives it. */
RH_TEST(every_builtin_type_has_the_slots_it_should) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    for (int k = 0; k < RH_K__COUNT; k++) {
        rh_type *t = T(rt, (rh_kind)k);
        if (k == RH_K_CELL || k == RH_K_INSTANCE) continue; /* no built-in type of these kinds */
        RH_CHECK_MSG(t->tp_repr && t->tp_hash && t->tp_richcompare && t->tp_str, "kind %d (%s)", k, t->name);
        RH_CHECK_MSG(t->kind == (rh_kind)k, "kind %d (%s)", k, t->name);
    }
    const rh_number_methods *in = &T(rt, RH_K_INT)->as_number, *bn = &T(rt, RH_K_BOOL)->as_number,
                            *fn = &T(rt, RH_K_FLOAT)->as_number;
    RH_CHECK(in->nb_add && in->nb_true_divide && in->nb_index && in->nb_bool && in->nb_invert && in->nb_power);
    RH_CHECK(bn->nb_add == in->nb_add && bn->nb_index == in->nb_index);  /* inherited from int */
    RH_CHECK(bn->nb_and && bn->nb_and != in->nb_and);                     /* bool_and: its own */
    RH_CHECK(fn->nb_add && fn->nb_bool && !fn->nb_index && !fn->nb_invert && !fn->nb_lshift);
    const rh_type *str = T(rt, RH_K_STR), *list = T(rt, RH_K_LIST), *tuple = T(rt, RH_K_TUPLE), *dict = T(rt, RH_K_DICT);
    RH_CHECK(str->as_sequence.sq_concat && str->as_sequence.sq_repeat && str->as_number.nb_remainder);
    RH_CHECK(str->as_mapping.mp_subscript && !str->as_mapping.mp_ass_subscript && str->tp_iter);
    RH_CHECK(list->as_sequence.sq_inplace_concat && list->as_sequence.sq_inplace_repeat && list->as_mapping.mp_ass_subscript);
    RH_CHECK(!tuple->as_sequence.sq_inplace_concat && !tuple->as_mapping.mp_ass_subscript);
    RH_CHECK(dict->as_mapping.mp_length && dict->as_mapping.mp_ass_subscript && !dict->as_sequence.sq_concat);
    RH_CHECK(list->tp_hash == dict->tp_hash && list->tp_hash != tuple->tp_hash); /* PyObject_HashNotImplemented */
    RH_CHECK(T(rt, RH_K_RANGE)->as_number.nb_bool && T(rt, RH_K_NONE)->as_number.nb_bool);
    RH_CHECK(T(rt, RH_K_FUNCTION)->tp_descr_get && T(rt, RH_K_FUNCTION)->tp_call);
    RH_CHECK(T(rt, RH_K_MEMBER_DESCR)->tp_descr_get && T(rt, RH_K_MEMBER_DESCR)->tp_descr_set);
    RH_CHECK(T(rt, RH_K_ITER)->tp_iternext && T(rt, RH_K_TYPE)->tp_call && T(rt, RH_K_OBJECT)->tp_new);
    /* int inherits object's tp_new, which refuses a built-in type: int(x) is the interpreter's business */
    rh_object *r = rh_call_object(rt, (rh_object *)T(rt, RH_K_INT), NULL, 0);
    RH_CHECK(r == NULL && rh_err_occurred(rt) == RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt), "cannot create 'int' instances");
    rh_err_clear(rt);
    rh_runtime_free(rt);
}

/* No catch-all kind: a __slots__ member descriptor, a __dict__ getset and the file object are each a type
 * of their own, and the py27 instance/classobj types too. */
RH_TEST(descriptors_and_the_file_object_are_types_of_their_own) {
    rh_runtime *rt = rh_fx_runtime_new(NULL, NULL, NULL, 1);
    rh_object *ns = rh_dict_new(rt), *nm = S(rt, "P");
    static const char *const slots[] = {"x", NULL};
    rh_fx_set_slots(rt, ns, slots);
    rh_object *cls = rh_class_new(rt, nm, rh_empty_tuple(rt), ns);
    RH_CHECK(cls != NULL);
    rh_object *member = rh_dict_get_cstr(rt, ((rh_type *)cls)->dict, "x");
    RH_CHECK(member && rh_kind_of(member) == RH_K_MEMBER_DESCR);
    RH_CHECK_STR(rh_type_name(member), "member_descriptor");
    rh_object *file = rh_box_new(rt, "_io.TextIOWrapper", rh_empty_str(rt));
    RH_CHECK(rh_kind_of(file) == RH_K_FILE && rh_kind_of(file) != rh_kind_of(member));
    /* member_descriptor's own slots read and write the slot it names */
    rh_object *inst = rh_instance_new(rt, cls), *v = rh_int_from_i64(rt, 7);
    RH_CHECK(member->type->tp_descr_get(rt, member, inst, cls) == NULL && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE);
    RH_CHECK_STR(rh_err_message(rt), "'P' object has no attribute 'x'");
    rh_err_clear(rt);
    RH_CHECK(member->type->tp_descr_set(rt, member, inst, v) == 0);
    rh_object *got = rh_getattr(rt, inst, S(rt, "x"));
    RH_CHECK(got == v);
    rh_xdecref(rt, got);
    rh_decref(rt, v), rh_decref(rt, inst), rh_decref(rt, file), rh_decref(rt, ns), rh_decref(rt, nm);
    rh_decref(rt, cls);
    rh_runtime_free(rt);
    rt = rh_fx_runtime("py27");
    RH_CHECK_STR(T(rt, RH_K_CLASSIC_INSTANCE)->name, "instance");
    RH_CHECK_STR(T(rt, RH_K_CLASSIC_CLASS)->name, "classobj");
    rh_runtime_free(rt);
}

/* binary_op1: int's nb_add answers NotImplemented for a float, so 1 + 2.5 is float's reflected work. */
RH_TEST(a_reflected_add_is_tried_after_notimplemented) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *one = rh_int_from_i64(rt, 1), *half = rh_float_new(rt, 2.5);
    rh_object *ni = T(rt, RH_K_INT)->as_number.nb_add(rt, one, half);
    RH_CHECK(ni == rh_notimplemented(rt));
    rh_decref(rt, ni);
    rh_object *r = rh_binop(rt, RH_BINOP_ADD, one, half);
    RH_CHECK(r && rh_kind_of(r) == RH_K_FLOAT && rh_float_value(r) == 3.5);
    rh_xdecref(rt, r);
    r = rh_binop(rt, RH_BINOP_ADD, half, one);
    RH_CHECK(r && rh_float_value(r) == 3.5);
    rh_xdecref(rt, r);
    rh_decref(rt, one), rh_decref(rt, half);
    rh_runtime_free(rt);
}

/* PyObject_Size, PyObject_GetItem (negative index through sq_length), PySequence_Contains, iteration. */
RH_TEST(len_getitem_contains_and_iteration_dispatch_through_the_slots) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *t = rh_tuple_pack(rt, 2, S(rt, "a"), S(rt, "b")), *m1 = rh_int_from_i64(rt, -1);
    RH_CHECK_EQ_I(rh_len(rt, t), 2);
    rh_object *last = rh_getitem(rt, t, m1);
    RH_CHECK(last && rh_str_eq_cstr(last, "b"));
    rh_xdecref(rt, last);
    RH_CHECK(rh_contains(rt, t, S(rt, "a")) == 1 && rh_contains(rt, t, m1) == 0);
    RH_CHECK(rh_len(rt, m1) == -1);
    RH_CHECK_STR(rh_err_message(rt), "object of type 'int' has no len()");
    rh_err_clear(rt);
    RH_CHECK(rh_setitem(rt, t, m1, m1) == -1);
    RH_CHECK_STR(rh_err_message(rt), "'tuple' object does not support item assignment");
    rh_err_clear(rt);
    rh_object *it = rh_getiter(rt, t), *x;
    int n = 0;
    while (it && (x = rh_iternext(rt, it))) n++, rh_decref(rt, x);
    RH_CHECK(n == 2 && !rh_err_occurred(rt));
    rh_xdecref(rt, it);
    rh_decref(rt, t), rh_decref(rt, m1);
    rh_runtime_free(rt);
}

/* ---- classes ---- */

/* Without rh_hooks.call a class keeps object's behaviour: identity equality, hashable by address. */
RH_TEST(without_a_call_hook_a_class_keeps_objects_behaviour) {
    rh_runtime *rt = rh_fx_runtime_new(NULL, NULL, NULL, 1);
    static const char *const m[] = {"__eq__", "eq_true", NULL};
    rh_object *cls = make_class(rt, "C", NULL, m), *a = rh_instance_new(rt, cls), *b = rh_instance_new(rt, cls);
    int64_t h;
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, a, b) == 0);
    RH_CHECK(rh_hash(rt, a, &h) == 0);
    RH_CHECK(((rh_type *)cls)->tp_richcompare == T(rt, RH_K_OBJECT)->tp_richcompare);
    RH_CHECK(rh_dict_get_cstr(rt, ((rh_type *)cls)->dict, "__hash__") == NULL);
    rh_decref(rt, a), rh_decref(rt, b), rh_decref(rt, cls);
    rh_runtime_free(rt);
}

/* slot_tp_richcompare: __eq__ defined on the class is called through the hook with (self, other); != is
 * object's inversion of it; __eq__ without __hash__ makes the class unhashable (__hash__ = None). */
RH_TEST(a_class_eq_from_a_slot_wrapper_dispatches_through_the_hook) {
    hook_log log;
    rh_runtime *rt = hooked_rt(&log);
    static const char *const m[] = {"__eq__", "eq_true", NULL};
    rh_object *cls = make_class(rt, "C", NULL, m), *a = rh_instance_new(rt, cls), *b = rh_instance_new(rt, cls);
    RH_CHECK(((rh_type *)cls)->tp_richcompare != T(rt, RH_K_OBJECT)->tp_richcompare);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, a, b) == 1);
    RH_CHECK(log.calls == 1 && !strcmp(log.last, "eq_true") && log.last_nargs == 2 && log.last_self == a);
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, a, b) == 0); /* object.__ne__ inverts __eq__ */
    RH_CHECK(log.calls == 2);
    int64_t h;
    RH_CHECK(rh_hash(rt, a, &h) == -1 && rh_err_occurred(rt) == RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt), "unhashable type: 'C'");
    rh_err_clear(rt);
    /* a subclass inherits the wrapper through its MRO */
    rh_object *sub = make_class(rt, "D", cls, NULL), *d = rh_instance_new(rt, sub);
    RH_CHECK(rh_equal(rt, d, a) == 1 && log.last_self == d); /* D inherits the wrapper, C.__eq__ runs */
    rh_decref(rt, d), rh_decref(rt, sub);
    rh_decref(rt, a), rh_decref(rt, b), rh_decref(rt, cls);
    rh_runtime_free(rt);
}

/* SLOT1BINFULL: 1 + c asks int first (NotImplemented), then c.__radd__(1) through the hook. */
RH_TEST(a_class_radd_is_called_for_the_reflected_operand) {
    hook_log log;
    rh_runtime *rt = hooked_rt(&log);
    static const char *const m[] = {"__radd__", "answer", NULL};
    rh_object *cls = make_class(rt, "N", NULL, m), *c = rh_instance_new(rt, cls), *one = rh_int_from_i64(rt, 1);
    rh_object *r = rh_binop(rt, RH_BINOP_ADD, one, c);
    RH_CHECK(r && rh_kind_of(r) == RH_K_INT && log.calls == 1 && log.last_self == c && log.last_nargs == 2);
    rh_xdecref(rt, r);
    r = rh_binop(rt, RH_BINOP_ADD, c, one); /* no __add__: NotImplemented everywhere, TypeError */
    RH_CHECK(r == NULL);
    RH_CHECK_STR(rh_err_message(rt), "unsupported operand type(s) for +: 'N' and 'int'");
    rh_err_clear(rt);
    rh_decref(rt, one), rh_decref(rt, c), rh_decref(rt, cls);
    rh_runtime_free(rt);
}

/* do_richcompare: when the right operand's class is a subclass of the left's, its reflected method runs
 * first (a < b calls b.__gt__(a)). */
RH_TEST(a_subclass_reflected_comparison_has_priority) {
    hook_log log;
    rh_runtime *rt = hooked_rt(&log);
    static const char *const base_m[] = {"__lt__", "notimpl", NULL};
    static const char *const sub_m[] = {"__gt__", "eq_true", NULL};
    rh_object *A = make_class(rt, "A", NULL, base_m), *B = make_class(rt, "B", A, sub_m);
    rh_object *a = rh_instance_new(rt, A), *b = rh_instance_new(rt, B);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, a, b) == 1);
    RH_CHECK(log.calls == 1 && !strcmp(log.last, "eq_true") && log.last_self == b);
    rh_decref(rt, a), rh_decref(rt, b), rh_decref(rt, B), rh_decref(rt, A);
    rh_runtime_free(rt);
}

/* PyObject_IsTrue: no __bool__, so __len__ (mp_length) decides; calling the class runs __init__. */
RH_TEST(a_class_len_decides_truth_and_calling_the_class_runs_init) {
    hook_log log;
    rh_runtime *rt = hooked_rt(&log);
    static const char *const m[] = {"__len__", "zero", "__init__", "init", NULL};
    rh_object *cls = make_class(rt, "Z", NULL, m);
    rh_object *z = rh_call_object(rt, cls, NULL, 0);
    RH_CHECK(z && rh_type_of(z) == (rh_type *)cls && !strcmp(log.last, "init"));
    RH_CHECK(rh_truthy(rt, z) == 0 && !strcmp(log.last, "zero"));
    RH_CHECK_EQ_I(rh_len(rt, z), 0);
    rh_xdecref(rt, z);
    rh_decref(rt, cls);
    rh_runtime_free(rt);
}

/* update_slot: assigning a special method on the class later installs its wrapper. */
RH_TEST(assigning_a_special_method_on_a_class_updates_its_slot) {
    hook_log log;
    rh_runtime *rt = hooked_rt(&log);
    rh_object *cls = make_class(rt, "L", NULL, NULL), *o = rh_instance_new(rt, cls), *globals = rh_dict_new(rt);
    RH_CHECK(((rh_type *)cls)->tp_repr == T(rt, RH_K_OBJECT)->tp_repr);
    rh_object *f = rh_func_new(rt, NULL, globals, S(rt, "answer"), NULL, NULL);
    RH_CHECK(rh_setattr(rt, cls, S(rt, "__index__"), f) == 0);
    int64_t v = 0;
    RH_CHECK(rh_index_value(rt, o, &v) == 0 && v == 42);
    RH_CHECK(rh_delattr(rt, cls, S(rt, "__index__")) == 0);
    RH_CHECK(rh_index_value(rt, o, &v) == -1);
    rh_err_clear(rt);
    rh_decref(rt, f), rh_decref(rt, globals), rh_decref(rt, o), rh_decref(rt, cls);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
