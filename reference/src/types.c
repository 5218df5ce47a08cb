/* types.c — the built-in type table of a runtime: one static type object per rh_kind, set up by each
 * type's own file (rh__type_init_*). Kinds without a type yet get a placeholder that refuses instances. */
#include "internal.h"
#include "t_descr.h"

static void placeholder_dealloc(rh_runtime *rt, rh_object *o) {
    (void)rt;
    (void)o;
    rh_assert(!"object of a type without dealloc");
}

void rh__types_init(rh_runtime *rt) {
    rh_type *type_type = rh_builtin_type(rt, RH_K_TYPE);
    static const struct { rh_kind k; void (*init)(rh_runtime *, rh_type *); } table[] = {
        {RH_K_TYPE, rh__type_init_type},   {RH_K_OBJECT, rh__type_init_object},
        {RH_K_NONE, rh__type_init_none},   {RH_K_BOOL, rh__type_init_bool},
        {RH_K_INT, rh__type_init_int},     {RH_K_FLOAT, rh__type_init_float},
        {RH_K_STR, rh__type_init_str},     {RH_K_TUPLE, rh__type_init_tuple},
        {RH_K_LIST, rh__type_init_list},   {RH_K_DICT, rh__type_init_dict},
        {RH_K_RANGE, rh__type_init_range}, {RH_K_WEAKREF, rh__type_init_weakref},
    };
    for (int k = 0; k < RH_K__COUNT; k++) {
        rh_type *t = rh_builtin_type(rt, (rh_kind)k);
        rh__static_init(rt, &t->ob.ob, type_type);
        t->kind = (rh_kind)k;
        t->name = "?";
        t->basicsize = sizeof(rh_object);
        t->dealloc = placeholder_dealloc;
    }
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        table[i].init(rt, rh_builtin_type(rt, table[i].k));
    rh_func_types_init(rt); /* function, method, builtin, module, iterator, box (t_function.c) */
    rh__descr_types_init(rt); /* getset_descriptor, member_descriptor (t_descr.c) */
    rh__classic_types_init(rt); /* py27's `instance` and `classobj` (t_class.c) */
}
