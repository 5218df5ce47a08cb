/* t_descr.h — private interface of t_descr.c: the getset and member descriptors a class puts in its
 * namespace (CPython 3.11 Objects/descrobject.c). Not installed. */
#ifndef REFHEAP_T_DESCR_H
#define REFHEAP_T_DESCR_H
#include "internal.h"

typedef enum rh_descr_kind {
    RH_DESCR_DICT = 1,    /* getset_descriptor `__dict__` (subtype_dict) */
    RH_DESCR_WEAKREF,     /* getset_descriptor `__weakref__` (subtype_getweakref) */
    RH_DESCR_MEMBER,      /* member_descriptor of a __slots__ name */
    RH_DESCR_BUILTIN_GETSET, /* getset_descriptor of a built-in type's field (function.__code__) */
    RH_DESCR_BUILTIN_MEMBER, /* member_descriptor of a built-in type's field (function.__globals__) */
} rh_descr_kind;

/* A new descriptor of `kind` for class cls named name (both borrowed; a reference to each is taken, as
 * descr_new does), GC-tracked. For RH_DESCR_MEMBER, offset is the slot's byte offset in instances.
 * New reference, or NULL with MemoryError. */
rh_object *rh__descr_new(rh_runtime *rt, rh_descr_kind kind, rh_object *cls, rh_object *name, size_t offset);
/* The kind of o when o is a descriptor made here, else 0. */
rh_descr_kind rh__descr_kind(rh_object *o);
#endif
