/* types.c — the built-in type table of a runtime and slot inheritance (CPython 3.11
 * Objects/typeobject.c: PyType_Ready, inherit_special, inherit_slots).
 *
 * Owns: RH_BUILTIN_TYPES, the one list of built-in types — each line names a kind, the name the
 * statistics report it under (rh__kind_name) and the setup function in the type's own file; rh__types_init
 * runs them and then rh__type_inherit on each; rh__type_inherit itself (classes use it too).
 *
 * Adding a built-in type: write its file (layout, slots, method tables, `void rh__type_init_<x>(rt, t)`
 * filling name, sizes, flags, base and slots), give it a kind in refheap/object.h, add ONE line here.
 *
 * Invariants: every kind has a type object in rt->statics->types; after rh__types_init every slot a type
 * leaves NULL holds its nearest base's slot (or stays NULL when no base has one), so dispatch never
 * walks bases; a kind without a registered type would get a placeholder that refuses instances.
 */
#include "internal.h"

/*   kind               stats name            setup (rh__type_init_<x>, in the type's file) */
#define RH_BUILTIN_TYPES(X)                                                                                   \
    X(RH_K_OBJECT,           "object",           object)           /* t_class.c */                            \
    X(RH_K_TYPE,             "type",             type)             /* t_class.c */                            \
    X(RH_K_NONE,             "NoneType",         none)             /* t_none_bool.c */                        \
    X(RH_K_NOTIMPLEMENTED,   "NotImplementedType", notimplemented) /* t_none_bool.c */                        \
    X(RH_K_ELLIPSIS,         "ellipsis",         ellipsis)         /* t_none_bool.c */                        \
    X(RH_K_INT,              "int",              int)              /* t_int.c */                              \
    X(RH_K_BOOL,             "bool",             bool)             /* t_none_bool.c */                        \
    X(RH_K_FLOAT,            "float",            float)            /* t_float.c */                            \
    X(RH_K_STR,              "str",              str)              /* t_str.c */                              \
    X(RH_K_TUPLE,            "tuple",            tuple)            /* t_tuple.c */                            \
    X(RH_K_LIST,             "list",             list)             /* t_list.c */                             \
    X(RH_K_DICT,             "dict",             dict)             /* t_dict.c */                             \
    X(RH_K_RANGE,            "range",            range)            /* t_range.c */                            \
    X(RH_K_WEAKREF,          "weakref",          weakref)          /* t_weakref.c */                          \
    X(RH_K_WEAKPROXY,        "weakproxy",        weakproxy)        /* t_weakref.c */                          \
    X(RH_K_TUPLEGETTER,      "_tuplegetter",     tuplegetter)      /* t_tuplegetter.c */                      \
    X(RH_K_ODICTITER,        "odict_iterator",   odictiter)        /* t_odict.c */                            \
    X(RH_K_ODICTKEYS,        "odict_keys",       odictkeys)        /* t_dictview.c */                         \
    X(RH_K_ODICTVALUES,      "odict_values",     odictvalues)      /* t_dictview.c */                         \
    X(RH_K_ODICTITEMS,       "odict_items",      odictitems)       /* t_dictview.c */                         \
    X(RH_K_FUNCTION,         "function",         function)         /* t_function.c */                         \
    X(RH_K_METHOD,           "method",           method)           /* t_method.c */                           \
    X(RH_K_BUILTIN,          "builtin_function", builtin)          /* t_builtin.c */                          \
    X(RH_K_MODULE,           "module",           module)           /* t_module.c */                           \
    X(RH_K_ITER,             "iterator",         iter)             /* t_iter.c */                             \
    X(RH_K_LISTITER,         "list_iterator",    listiter)         /* t_iter.c */                             \
    X(RH_K_TUPLEITER,        "tuple_iterator",   tupleiter)        /* t_iter.c */                             \
    X(RH_K_STRITER,          "str_iterator",     striter)          /* t_iter.c */                             \
    X(RH_K_STRASCIIITER,     "str_ascii_iterator", strasciiiter)   /* t_iter.c */                             \
    X(RH_K_FILE,             "file",             file)             /* t_file.c */                             \
    X(RH_K_GETSET_DESCR,     "getset_descriptor", getset_descr)    /* t_descr.c */                            \
    X(RH_K_MEMBER_DESCR,     "member_descriptor", member_descr)    /* t_descr.c */                            \
    X(RH_K_CLASSIC_INSTANCE, "classic_instance", classic_instance) /* t_class.c */                            \
    X(RH_K_CLASSIC_CLASS,    "classobj",         classic_class)    /* t_class.c */                            \
    X(RH_K_SET,              "set",              set)              /* t_set.c */                              \
    X(RH_K_FROZENSET,        "frozenset",        frozenset)        /* t_set.c */                              \
    X(RH_K_SETITER,          "set_iterator",     setiter)          /* t_set.c */                              \
    X(RH_K_ENUMERATE,        "enumerate",        enumerate)        /* t_enumerate.c */                        \
    X(RH_K_REVERSED,         "reversed",         reversed)         /* t_enumerate.c */                        \
    X(RH_K_LISTREVITER,      "list_reverseiterator", listreviter)  /* t_enumerate.c */                        \
    X(RH_K_ZIP,              "zip",              zip)              /* t_zipmap.c */                           \
    X(RH_K_MAP,              "map",              map)              /* t_zipmap.c */                           \
    X(RH_K_FILTER,           "filter",           filter)           /* t_zipmap.c */ \
    X(RH_K_EXCEPTION,        "exception",        exception)        /* t_exc.c */                              \
    X(RH_K_TRACEBACK,        "traceback",        traceback)        /* t_traceback.c */                        \
    X(RH_K_FRAME,            "frame",            frame)            /* t_frame.c */                            \
    X(RH_K_CELL,             "cell",             cell)             /* t_cell.c */                             \
    X(RH_K_STATICMETHOD,     "staticmethod",     staticmethod)     /* t_funcdescr.c */                        \
    X(RH_K_CLASSMETHOD,      "classmethod",      classmethod)      /* t_funcdescr.c */                        \
    X(RH_K_PROPERTY,         "property",         property)         /* t_funcdescr.c */                        \
    X(RH_K_SUPER,            "super",            super)            /* t_funcdescr.c */                        \
    X(RH_K_GENERATOR,        "generator",        generator)        /* t_gen.c */                              \
    X(RH_K_COROUTINE,        "coroutine",        coroutine)        /* t_gen.c */ \
    X(RH_K_ASYNC_GENERATOR,  "async_generator",  async_generator)  /* t_gen.c */ \
    X(RH_K_ASYNC_GEN_ASEND,  "async_generator_asend", agen_asend)  /* t_agen.c */ \
    X(RH_K_ASYNC_GEN_ATHROW, "async_generator_athrow", agen_athrow) /* t_agen.c */ \
    X(RH_K_IT_COUNT, "itertools.count", it_count) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_CYCLE, "itertools.cycle", it_cycle) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_REPEAT, "itertools.repeat", it_repeat) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_ACCUMULATE, "itertools.accumulate", it_accumulate) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_CHAIN, "itertools.chain", it_chain) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_COMPRESS, "itertools.compress", it_compress) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_DROPWHILE, "itertools.dropwhile", it_dropwhile) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_TAKEWHILE, "itertools.takewhile", it_takewhile) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_FILTERFALSE, "itertools.filterfalse", it_filterfalse) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_GROUPBY, "itertools.groupby", it_groupby) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_GROUPER, "itertools._grouper", it_grouper) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_ISLICE, "itertools.islice", it_islice) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_PAIRWISE, "itertools.pairwise", it_pairwise) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_STARMAP, "itertools.starmap", it_starmap) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_TEE, "itertools._tee", it_tee) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_TEEDATA, "itertools._tee_dataobject", it_teedata) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_ZIPLONGEST, "itertools.zip_longest", it_ziplongest) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_PRODUCT, "itertools.product", it_product) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_PERMUTATIONS, "itertools.permutations", it_permutations) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_COMBINATIONS, "itertools.combinations", it_combinations) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_IT_CWR, "itertools.combinations_with_replacement", it_cwr) /* t_itertools.c, t_combinatorics.c */ \
    X(RH_K_DEQUE, "collections.deque", deque) /* t_deque.c */ \
    X(RH_K_DEQUEITER, "_collections._deque_iterator", dequeiter) /* t_deque.c */ \
    X(RH_K_DEQUEREVITER, "_collections._deque_reverse_iterator", dequereviter) /* t_deque.c */ \
    X(RH_K_ARRAY,            "array.array",      array)            /* t_array.c */                            \
    X(RH_K_ARRAYITER,        "array.arrayiterator", arrayiter)     /* t_array.c */                            \
    X(RH_K_STRINGIO,         "_io.StringIO",     stringio)         /* t_stringio.c */                         \
    X(RH_K_BYTESIO,          "_io.BytesIO",      bytesio)          /* t_bytesio.c */                          \
    X(RH_K_RANDOM,           "random.Random",    random)           /* t_random.c */                           \
    X(RH_K_BYTES,            "bytes",            bytes)            /* t_bytes.c */                            \
    X(RH_K_BYTESITER,        "bytes_iterator",   bytesiter)        /* t_bytes.c */                            \
    X(RH_K_BYTEARRAY,        "bytearray",        bytearray)        /* t_bytes.c */                            \
    X(RH_K_BYTEARRAYITER,    "bytearray_iterator", bytearrayiter)  /* t_bytes.c */                            \
    X(RH_K_METHOD_WRAPPER,   "method-wrapper",   method_wrapper)   /* t_wrapper.c */            \
    X(RH_K_WRAPPER_DESCR,    "wrapper_descriptor", wrapper_descr)  /* t_wrapper.c */                          \
    X(RH_K_SRE_PATTERN,      "re.Pattern",       sre_pattern)      /* t_sre.c */                              \
    X(RH_K_SRE_MATCH,        "re.Match",         sre_match)        /* t_sre.c */                              \
    X(RH_K_METHOD_DESCR,     "method_descriptor", method_descr)    /* t_descr.c */                            \
    X(RH_K_CODE,             "code",             code)             /* t_code.c */ \
    X(RH_K_THREAD_LOCK,      "_thread.lock",     thread_lock)      /* t_thread.c */                           \
    X(RH_K_THREAD_RLOCK,     "_thread.RLock",    thread_rlock)     /* t_thread.c */                           \
    X(RH_K_MAPPINGPROXY,     "mappingproxy",     mappingproxy)     /* t_mappingproxy.c */                     \
    X(RH_K_NAMESPACE,        "types.SimpleNamespace", namespace)   /* t_namespace.c */                        \
    X(RH_K_CLASSMETHOD_DESCR, "classmethod_descriptor", classmethod_descr) /* t_descr.c */                 \
    X(RH_K_STRUCT,           "_struct.Struct",   struct)           /* t_struct.c */                           \
    X(RH_K_COMPLEX,          "complex",          complex)          /* t_complex.c */                          \
    X(RH_K_GENERICALIAS,     "types.GenericAlias", genericalias)   /* t_genericalias.c */                     \
    X(RH_K_UNION,            "types.UnionType",  union)            /* t_union.c */                            \
    X(RH_K_SLICE,            "slice",            slice)            /* t_slice.c */                            \
    X(RH_K_FORMATTERITER,    "formatteriterator", formatteriter)   /* t_fmtiter.c */                          \
    X(RH_K_FIELDNAMEITER,    "fieldnameiterator", fieldnameiter)   /* t_fmtiter.c */                          \
    X(RH_K_SRE_SCANNER,      "_sre.SRE_Scanner", sre_scanner)      /* t_sre.c */                              \
    X(RH_K_SRE_TEMPLATE,     "_sre.SRE_Template", sre_template)    /* t_sre.c */                              \
    X(RH_K_CALLITER,         "callable_iterator", calliter)     /* t_calliter.c */                         \
    X(RH_K_SCANDIR_ITER,     "posix.ScandirIterator", scandir_iter) /* t_scandir.c */                      \
    X(RH_K_DIRENTRY,         "posix.DirEntry",   direntry)         /* t_scandir.c */                          \
    X(RH_K_RANGEITER,        "range_iterator",   rangeiter)        /* t_rangeiter.c */                        \
    X(RH_K_LONGRANGEITER,    "longrange_iterator", longrangeiter)  /* t_rangeiter.c */                        \
    X(RH_K_DICTKEYS,         "dict_keys",        dictkeys)         /* t_dictview.c */                         \
    X(RH_K_DICTVALUES,       "dict_values",      dictvalues)       /* t_dictview.c */                         \
    X(RH_K_DICTITEMS,        "dict_items",       dictitems)        /* t_dictview.c */                         \
    X(RH_K_DICTITER_KEY,     "dict_keyiterator", dictiter_key)     /* t_dictview.c */                         \
    X(RH_K_DICTITER_VALUE,   "dict_valueiterator", dictiter_value) /* t_dictview.c */                         \
    X(RH_K_DICTITER_ITEM,    "dict_itemiterator", dictiter_item)   /* t_dictview.c */                         \
    X(RH_K_DICTREVITER_KEY,  "dict_reversekeyiterator", dictreviter_key)     /* t_dictview.c */               \
    X(RH_K_DICTREVITER_VALUE, "dict_reversevalueiterator", dictreviter_value) /* t_dictview.c */              \
    X(RH_K_DICTREVITER_ITEM, "dict_reverseitemiterator", dictreviter_item)   /* t_dictview.c */              \
    X(RH_K_MEMORYVIEW,       "memoryview",       memoryview)       /* t_memoryview.c */                       \
    X(RH_K_MANAGEDBUFFER,    "managedbuffer",    managedbuffer)    /* t_memoryview.c */                       \
    X(RH_K_MEMORYITER,       "memory_iterator",  memoryiter)       /* t_memoryview.c */

#define RH_X_DECLARE(kind, stats, init) void rh__type_init_##init(rh_runtime *rt, rh_type *t);
RH_BUILTIN_TYPES(RH_X_DECLARE)
#undef RH_X_DECLARE

static const struct {
    rh_kind kind;
    const char *stats_name;
    void (*init)(rh_runtime *, rh_type *);
} type_table[] = {
#define RH_X_ROW(kind, stats, init) {kind, stats, rh__type_init_##init},
    RH_BUILTIN_TYPES(RH_X_ROW)
#undef RH_X_ROW
};

const char *rh__kind_name(rh_kind k) {
    if (k == RH_K_INSTANCE) return "instance"; /* classes' instances: one kind for every class */
    for (size_t i = 0; i < sizeof type_table / sizeof type_table[0]; i++)
        if (type_table[i].kind == k) return type_table[i].stats_name;
    return "?";
}

static void placeholder_dealloc(rh_runtime *rt, rh_object *o) {
    (void)rt;
    (void)o;
    rh_assert(!"object of a type without dealloc");
}

/* inherit_slots: each slot still NULL takes the value of the nearest base that has one. */
void rh__type_inherit(rh_type *t) {
    /* repr_into is tp_repr as a builder: a type with a tp_repr of its own (exceptions' BaseException_repr)
     * or inherited from a base without a builder, must not take a further base's builder, which
     * containers' reprs would call instead of its tp_repr */
    int own_repr = t->tp_repr && !t->repr_into;
    for (rh_type *b = t->base; b; b = b->base) {
        if (!t->tp_repr && b->tp_repr && !b->repr_into) own_repr = 1; /* inherits a tp_repr without builder */
#define RH_X_COPY(sig, name) if (!t->name) t->name = b->name;
        RH_TYPE_SLOTS(RH_X_COPY)
#undef RH_X_COPY
#define RH_X_COPY(sig, name) if (!t->as_number.name) t->as_number.name = b->as_number.name;
        RH_NUMBER_SLOTS(RH_X_COPY)
#undef RH_X_COPY
#define RH_X_COPY(sig, name) if (!t->as_sequence.name) t->as_sequence.name = b->as_sequence.name;
        RH_SEQUENCE_SLOTS(RH_X_COPY)
#undef RH_X_COPY
#define RH_X_COPY(sig, name) if (!t->as_mapping.name) t->as_mapping.name = b->as_mapping.name;
        RH_MAPPING_SLOTS(RH_X_COPY)
#undef RH_X_COPY
    }
    if (own_repr) t->repr_into = NULL;
}

/* Run the setup of the registered types whose kind is in [lo, hi] again (rh_func_types_init). */
void rh__types_setup_range(rh_runtime *rt, rh_kind lo, rh_kind hi) {
    for (size_t i = 0; i < sizeof type_table / sizeof type_table[0]; i++)
        if (type_table[i].kind >= lo && type_table[i].kind <= hi)
            type_table[i].init(rt, rh_builtin_type(rt, type_table[i].kind));
}

void rh__types_init(rh_runtime *rt) {
    rh_type *type_type = rh_builtin_type(rt, RH_K_TYPE);
    for (int k = 0; k < RH_K__COUNT; k++) {
        rh_type *t = rh_builtin_type(rt, (rh_kind)k);
        rh__static_init(rt, &t->ob.ob, type_type);
        t->kind = (rh_kind)k;
        t->name = "?";
        t->basicsize = sizeof(rh_object);
        t->dealloc = placeholder_dealloc;
        if (k != RH_K_OBJECT) t->base = rh_builtin_type(rt, RH_K_OBJECT); /* a setup may choose another */
    }
    for (size_t i = 0; i < sizeof type_table / sizeof type_table[0]; i++)
        type_table[i].init(rt, rh_builtin_type(rt, type_table[i].kind));
    for (int k = 0; k < RH_K__COUNT; k++) rh__type_inherit(rh_builtin_type(rt, (rh_kind)k));
}
