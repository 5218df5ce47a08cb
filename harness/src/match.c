/* match.c — the run-time half of structural pattern matching (PEP 634): what 3.11's MATCH_SEQUENCE,
 * MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS instructions do (Python/ceval.c match_keys, match_class,
 * match_class_attr). The compiler side is compile.c (compiler_pattern_*); vm.c calls these.
 *
 * Which subjects are sequences and mappings: CPython reads Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING, set on
 * list, tuple, range, memoryview, collections.deque, array.array (sequences) and dict, mappingproxy
 * (mappings), inherited by subclasses and set by registering with collections.abc.Sequence / Mapping.
 * refheap has no such flags: a type is a sequence or mapping when a built-in base of it is one of those
 * (docs/conformance.md: classes registered with or deriving from the collections.abc ABCs are not).
 * str, bytes and bytearray are never sequences for patterns.
 */
#include <string.h>

#include "interp.h"

static int kind_in(const rh_type *t, const rh_kind *kinds) {
    for (const rh_type *b = t; b; b = b->base)
        for (int i = 0; kinds[i] != RH_K__COUNT; i++)
            if (b->kind == kinds[i]) return 1;
    return 0;
}

/* Py_TPFLAGS_SEQUENCE of o's type (borrowed o) */
int hx_match_is_sequence(rh_object *o) {
    static const rh_kind seq[] = {RH_K_LIST, RH_K_TUPLE, RH_K_RANGE, RH_K_MEMORYVIEW, RH_K_DEQUE, RH_K_ARRAY, RH_K__COUNT};
    return kind_in(rh_type_of(o), seq);
}

/* Py_TPFLAGS_MAPPING of o's type (borrowed o) */
int hx_match_is_mapping(rh_object *o) {
    static const rh_kind map[] = {RH_K_DICT, RH_K__COUNT};
    return kind_in(rh_type_of(o), map);
}

/* _Py_TPFLAGS_MATCH_SELF (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple and
 * their subclasses): `C(x)` matches x against the subject itself */
static int match_self(const rh_type *t) {
    static const rh_kind self[] = {RH_K_BOOL, RH_K_BYTEARRAY, RH_K_BYTES, RH_K_DICT, RH_K_FLOAT, RH_K_FROZENSET,
                                   RH_K_INT, RH_K_LIST, RH_K_SET, RH_K_STR, RH_K_TUPLE, RH_K__COUNT};
    return kind_in(t, self);
}

/* match_keys: the values of map for keys (a tuple, borrowed), as map.get(key, dummy) finds them: a new
 * tuple, None (new reference) when a key is missing, NULL with the error set. As CPython it makes a set
 * of the keys seen (ValueError on a repeated key), the dummy object() and the tuple of values. */
rh_object *hx_match_keys(hx_interp *I, rh_object *map, rh_object *keys) {
    rh_runtime *rt = I->rt;
    size_t nkeys = rh_tuple_len(keys);
    if (!nkeys) { rh_incref(rh_empty_tuple(rt)); return rh_empty_tuple(rt); }
    rh_object *gname = hx_name(I, "get");
    rh_object *get = gname ? hx_getattr_obj(I, map, gname) : NULL;
    if (!get) return NULL;
    rh_object *seen = rh_set_new(rt, NULL), *dummy = NULL, *values = NULL;
    if (!seen) goto fail;
    dummy = rh_instance_new(rt, (rh_object *)rh_builtin_type(rt, RH_K_OBJECT));
    if (!dummy) goto fail;
    values = rh_tuple_new(rt, nkeys);
    if (!values) goto fail;
    for (size_t i = 0; i < nkeys; i++) {
        rh_object *key = rh_tuple_get(keys, i);
        int has = rh_set_contains(rt, seen, key);
        if (has || rh_set_add(rt, seen, key)) {
            if (has > 0) {
                rh_object *r = hx_obj_repr(I, key);
                if (r) {
                    rh_err_set(rt, RH_EXC_VALUE, "mapping pattern checks duplicate key (%s)", hx_cstr(I, r));
                    rh_decref(rt, r);
                }
            }
            goto fail;
        }
        rh_object *args[2] = {key, dummy};
        rh_object *value = hx_call_borrowed(I, get, args, 2);
        if (!value) goto fail;
        if (value == dummy) { /* key not in map */
            rh_decref(rt, value);
            rh_decref(rt, values);
            rh_incref(rh_none(rt));
            values = rh_none(rt);
            break;
        }
        rh_tuple_set(values, i, value);
    }
    rh_decref(rt, get);
    rh_decref(rt, seen);
    rh_decref(rt, dummy);
    return values;
fail:
    rh_decref(rt, get);
    if (seen) rh_decref(rt, seen);
    if (dummy) rh_decref(rt, dummy);
    if (values) rh_decref(rt, values);
    return NULL;
}

static const char *type_name(rh_object *type) { return ((rh_type *)type)->name; }

/* match_class_attr: getattr(subject, name), remembering name in seen (a repeated one is a TypeError); NULL
 * without an error when the subject has no such attribute */
static rh_object *class_attr(hx_interp *I, rh_object *subject, rh_object *type, rh_object *name, rh_object *seen) {
    rh_runtime *rt = I->rt;
    int has = rh_set_contains(rt, seen, name);
    if (has || rh_set_add(rt, seen, name)) {
        if (has > 0) {
            rh_object *r = hx_obj_repr(I, name);
            if (r) {
                rh_err_set(rt, RH_EXC_TYPE, "%s() got multiple sub-patterns for attribute %s", type_name(type), hx_cstr(I, r));
                rh_decref(rt, r);
            }
        }
        return NULL;
    }
    rh_object *attr = hx_getattr_obj(I, subject, name);
    if (!attr && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
        /* 3.11 / 3.12: PyObject_GetAttr's miss made the AttributeError object (set_attribute_error_context
         * normalizes it to attach name and obj) before match_class_attr clears it; 3.13 asks with
         * PyObject_GetOptionalAttr, which makes none */
        if (rh_runtime_profile(rt)->version_hex < 0x030D && rh_err_normalize(rt)) return NULL;
        rh_err_clear(rt);
    }
    return attr;
}

/* The __match_args__ names of type for nargs positional sub-patterns, appended to attrs. 0, -1 error, 1 no
 * match (an attribute missing). */
static int positional_attrs(hx_interp *I, rh_object *subject, rh_object *type, int nargs, rh_object *attrs,
                            rh_object *seen) {
    rh_runtime *rt = I->rt;
    int self = 0;
    rh_object *maname = hx_name(I, "__match_args__");
    if (!maname) return -1;
    rh_object *match_args = hx_getattr_obj(I, type, maname);
    if (match_args) {
        if (rh_kind_of(match_args) != RH_K_TUPLE || rh_type_of(match_args) != rh_builtin_type(rt, RH_K_TUPLE)) {
            rh_err_set(rt, RH_EXC_TYPE, "%s.__match_args__ must be a tuple (got %s)", type_name(type), hx_tname(match_args));
            rh_decref(rt, match_args);
            return -1;
        }
    } else if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
        rh_err_clear(rt);
        rh_incref(rh_empty_tuple(rt));
        match_args = rh_empty_tuple(rt);
        self = match_self((rh_type *)type);
    } else {
        return -1;
    }
    int allowed = self ? 1 : (int)rh_tuple_len(match_args);
    int rc = 0;
    if (allowed < nargs) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() accepts %d positional sub-pattern%s (%d given)", type_name(type), allowed,
                   allowed == 1 ? "" : "s", nargs);
        rc = -1;
    } else if (self) {
        rc = rh_list_append(rt, attrs, subject);
    } else {
        for (int i = 0; i < nargs && !rc; i++) {
            rh_object *name = rh_tuple_get(match_args, (size_t)i);
            if (rh_type_of(name) != rh_builtin_type(rt, RH_K_STR)) {
                rh_err_set(rt, RH_EXC_TYPE, "__match_args__ elements must be strings (got %s)", hx_tname(name));
                rc = -1;
                break;
            }
            rh_object *attr = class_attr(I, subject, type, name, seen);
            if (!attr) { rc = rh_err_occurred(rt) ? -1 : 1; break; }
            rc = rh_list_append(rt, attrs, attr);
            rh_decref(rt, attr);
        }
    }
    rh_decref(rt, match_args);
    return rc;
}

/* match_class: the attributes a class pattern type(<nargs positional>, <names>=...) reads from subject (all
 * borrowed), as a new tuple; NULL without an error when it does not match, NULL with the error set on
 * failure. As CPython it builds a set of the names seen and a list turned into the tuple. */
rh_object *hx_match_class(hx_interp *I, rh_object *subject, rh_object *type, int nargs, rh_object *names) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(type) != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "%s", rh_runtime_profile(rt)->version_hex >= 0x030C ? "called match pattern must be a class"
                                                                                : "called match pattern must be a type");
        return NULL;
    }
    int r = hx_isinstance(I, subject, type);
    if (r <= 0) return NULL;
    rh_object *seen = rh_set_new(rt, NULL);
    if (!seen) return NULL;
    rh_object *attrs = rh_list_new(rt, 0), *res = NULL;
    if (!attrs) { rh_decref(rt, seen); return NULL; }
    int rc = nargs ? positional_attrs(I, subject, type, nargs, attrs, seen) : 0;
    for (size_t i = 0; rc == 0 && i < rh_tuple_len(names); i++) {
        rh_object *attr = class_attr(I, subject, type, rh_tuple_get(names, i), seen);
        if (!attr) { rc = rh_err_occurred(rt) ? -1 : 1; break; }
        rc = rh_list_append(rt, attrs, attr);
        rh_decref(rt, attr);
    }
    if (rc == 0) { /* PyList_AsTuple */
        res = rh_tuple_new(rt, rh_list_len(attrs));
        for (size_t i = 0; res && i < rh_list_len(attrs); i++) {
            rh_incref(rh_list_get(attrs, i));
            rh_tuple_set(res, i, rh_list_get(attrs, i));
        }
    }
    rh_decref(rt, attrs);
    rh_decref(rt, seen);
    return res;
}
