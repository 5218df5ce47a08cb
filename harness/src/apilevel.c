/* apilevel.c — which names of the modules and built-in types exist in which Python version.
 *
 * Owns the table of version-dependent names and hx_api_exists. A profile says which version it models
 * (rh_profile.version_hex); the module builders (modules.c), the method lookup (builtins.c) and the
 * attribute lookup (interp.c) ask here, so that a 2.7 program touching gc.freeze meets 2.7's
 * AttributeError rather than a 3.11 answer. Each entry gives the first version with the name and, for
 * names that were removed, the first version without it; the sources are the "versionadded" /
 * "versionchanged" notes of CPython's Doc/library/{gc,sys,weakref,stdtypes}.rst and 2.7's
 * Modules/gcmodule.c. A name absent from the table exists in every profile.
 */
#include <string.h>

#include "interp.h"

typedef struct api_entry {
    const char *owner, *name;
    uint32_t since, until; /* until 0: still there */
} api_entry;

static const api_entry api_table[] = {
    {"gc", "callbacks", 0x0303, 0},          /* 3.3 */
    {"gc", "get_stats", 0x0304, 0},          /* 3.4 */
    {"gc", "freeze", 0x0307, 0},             /* 3.7 */
    {"gc", "unfreeze", 0x0307, 0},
    {"gc", "get_freeze_count", 0x0307, 0},
    {"gc", "is_finalized", 0x0309, 0},       /* 3.9 */
    {"gc", "DEBUG_INSTANCES", 0, 0x0302},    /* removed in 3.2 (old-style instances are gone) */
    {"gc", "DEBUG_OBJECTS", 0, 0x0302},
    {"gc", "get_objects(generation)", 0x0308, 0}, /* 3.8: the generation argument */
    {"sys", "intern", 0x0300, 0},            /* 2.x: the builtin intern() */
    {"list", "clear", 0x0303, 0},            /* 3.3 */
    {"list", "copy", 0x0303, 0},
    {"weakref", "__callback__", 0x0304, 0},  /* 3.4 */
    {"object", "__getstate__", 0x030B, 0},   /* 3.11: object.__getstate__ */
    {"builtins", "min(default)", 0x0304, 0}, /* 3.4: min()/max() default= (Doc/library/functions.rst) */
    {"builtins", "print(flush)", 0x0303, 0}, /* 3.3: print()'s flush= */
    {"class", "__firstlineno__", 0x030D, 0}, /* 3.13: set by the class body (Doc/reference/datamodel.rst) */
    {"class", "__static_attributes__", 0x030D, 0},
    {"builtins", "RecursionError", 0x0305, 0},      /* 3.5 (Doc/library/exceptions.rst) */
    {"builtins", "ModuleNotFoundError", 0x0306, 0}, /* 3.6 */
    {"builtins", "refheap.Unsupported", 0xFFFF, 0}, /* refheap's own: never a built-in name */
    {"sys", "exc_info", 0x0300, 0},                 /* 2.x's exc_info keeps the exception past the handler */
    {"generator", "gi_suspended", 0x030B, 0},       /* 3.11: gi_suspended / cr_suspended (genobject.c) */
    {"generator", "gi_yieldfrom", 0x0305, 0},       /* 3.5 */
};

int hx_api_exists(uint32_t version, const char *owner, const char *name) {
    for (size_t i = 0; i < sizeof api_table / sizeof api_table[0]; i++) {
        const api_entry *e = &api_table[i];
        if (strcmp(e->owner, owner) == 0 && strcmp(e->name, name) == 0)
            return version >= e->since && (e->until == 0 || version < e->until);
    }
    return 1;
}
