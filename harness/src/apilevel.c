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
    {"sys", "getallocatedblocks", 0x0304, 0}, /* 3.4 (Doc/library/sys.rst) */
    {"sys", "audit", 0x0308, 0},              /* 3.8 (PEP 578) */
    {"int", "bit_count", 0x030A, 0},         /* 3.10 (Doc/library/stdtypes.rst) */
    {"int", "to_bytes", 0x0302, 0},          /* 3.2 */
    {"int", "from_bytes", 0x0302, 0},
    {"int", "to_bytes(defaults)", 0x030B, 0},
    {"builtins", "__import__(U)", 0x0300, 0x030B}, /* 3.0-3.10: builtin___import__ parses "U|OOOi" */ /* 3.11: length=1, byteorder='big' (before: both required) */
    {"types.UnionType", "__instancecheck__", 0x030A, 0x030B}, /* 3.11: isinstance reads a union's args itself */
    {"types.UnionType", "__subclasscheck__", 0x030A, 0x030B}, /* (Objects/abstract.c, unionobject.c) */
    {"complex", "__complex__", 0x030B, 0},   /* 3.11 (Objects/complexobject.c complex___complex___impl) */
    {"namedtuple", "__match_args__", 0x030A, 0}, /* 3.10: PEP 634's __match_args__ on namedtuple classes */
    {"namedtuple", "_replace:TypeError", 0x030D, 0}, /* 3.13: unexpected field names are a TypeError, not ValueError */
    {"dict", "viewkeys", 0, 0x0300}, {"dict", "viewvalues", 0, 0x0300}, {"dict", "viewitems", 0, 0x0300}, /* 2.7 only */
    {"dict", "iterkeys", 0, 0x0300}, {"dict", "itervalues", 0, 0x0300}, {"dict", "iteritems", 0, 0x0300},
    {"dict", "__reversed__", 0x0308, 0},     /* 3.8: reversed(dict) and its views */
    {"_io", "text_encoding", 0x030A, 0}, {"io", "text_encoding", 0x030A, 0}, /* 3.10 (PEP 597) */
    {"dict_keys", "__reversed__", 0x0308, 0}, {"dict_keys", "mapping", 0x030A, 0}, /* 3.10: view.mapping */
    {"dict_keys", "isdisjoint", 0x0300, 0},  /* 2.7 views have no isdisjoint */
    {"range", "count", 0x0302, 0},           /* 3.2: range.count/index (2.7's xrange has neither) */
    {"range", "index", 0x0302, 0},
    {"code", "co_lines", 0x030A, 0},         /* 3.10: PEP 626 */
    {"traceback", "carets", 0x030B, 0},      /* 3.11: PEP 657's position lines under a traceback's source line */
    {"code", "co_positions", 0x030B, 0},     /* 3.11: PEP 657 */
    {"code", "RESUME", 0x030B, 0},           /* 3.11: every code object opens with RESUME (Python/compile.c) */
    {"list", "clear", 0x0303, 0},            /* 3.3 */
    {"list", "copy", 0x0303, 0},
    {"weakref", "__callback__", 0x0304, 0},  /* 3.4 */
    {"object", "__getstate__", 0x030B, 0},   /* 3.11: object.__getstate__ */
    {"builtins", "min(default)", 0x0304, 0}, /* 3.4: min()/max() default= (Doc/library/functions.rst) */
    {"builtins", "print(flush)", 0x0303, 0}, /* 3.3: print()'s flush= */
    {"builtins", "sum(compensated)", 0x030C, 0}, /* 3.12: sum() of floats is Neumaier's compensated sum */
    {"builtins", "reduce", 0, 0x0300}, {"builtins", "apply", 0, 0x0300}, /* 2.x only (builtins_py2.c) */
    {"builtins", "intern", 0, 0x0300}, {"builtins", "cmp", 0, 0x0300},
    {"builtins", "exec", 0x0300, 0}, /* 2.x: exec is a statement */
    {"class", "__firstlineno__", 0x030D, 0}, /* 3.13: set by the class body (Doc/reference/datamodel.rst) */
    {"class", "__static_attributes__", 0x030D, 0},
    {"builtins", "RecursionError", 0x0305, 0},      /* 3.5 (Doc/library/exceptions.rst) */
    {"builtins", "StandardError", 0, 0x0300},       /* 2.x only; 3.x's EnvironmentError and IOError are OSError */
    {"builtins", "EnvironmentError", 0, 0x0300}, {"builtins", "IOError", 0, 0x0300},
    {"builtins", "ModuleNotFoundError", 0x0306, 0}, /* 3.6 */
    {"builtins", "StopAsyncIteration", 0x0305, 0}, /* 3.5 (PEP 492) */
    {"builtins", "ResourceWarning", 0x0302, 0},    /* 3.2 */
    {"builtins", "EncodingWarning", 0x030A, 0},    /* 3.10 (PEP 597) */
    {"builtins", "BaseExceptionGroup", 0x030B, 0},
    {"builtins", "ascii", 0x0300, 0},              /* 3.0 (2.7: future_builtins.ascii) */ /* 3.11 (PEP 654); ExceptionGroup with it (builtins_exc.c) */
    {"BaseException", "add_note", 0x030B, 0},      /* 3.11 (PEP 678) */
    {"posix.DirEntry", "is_junction", 0x030C, 0},  /* 3.12 */
    {"builtins", "msg:iter-object-sentinel", 0x030C, 0x030D}, /* 3.12 only: "iter(object, sentinel): object must be callable" */
    {"_sre", "template", 0x030C, 0},               /* 3.12: re._compile_template, sub() templates expanded in C */
    /* 3.3 (PEP 3151): the OSError subclasses */
    {"builtins", "BlockingIOError", 0x0303, 0},
    {"builtins", "ChildProcessError", 0x0303, 0},
    {"builtins", "ConnectionError", 0x0303, 0},
    {"builtins", "BrokenPipeError", 0x0303, 0},
    {"builtins", "ConnectionAbortedError", 0x0303, 0},
    {"builtins", "ConnectionRefusedError", 0x0303, 0},
    {"builtins", "ConnectionResetError", 0x0303, 0},
    {"builtins", "FileExistsError", 0x0303, 0},
    {"builtins", "FileNotFoundError", 0x0303, 0},
    {"builtins", "InterruptedError", 0x0303, 0},
    {"builtins", "IsADirectoryError", 0x0303, 0},
    {"builtins", "NotADirectoryError", 0x0303, 0},
    {"builtins", "PermissionError", 0x0303, 0},
    {"builtins", "ProcessLookupError", 0x0303, 0},
    {"builtins", "TimeoutError", 0x0303, 0},
    {"builtins", "refheap.Unsupported", 0xFFFF, 0}, /* refheap's own: never a built-in name */
    {"sys", "getfilesystemencodeerrors", 0x0306, 0}, /* 3.6 (PEP 529) */
    {"sys", "exc_clear", 0, 0x0300},                /* 2.x: forget the exception being handled */
    /* wording of str's argument errors and the format-spec mini-language (builtins_str.c, builtins_fmt.c) */
    {"str", "msg:find-no-kw-with-type", 0x030B, 0}, /* 3.11: "str.find() takes no keyword arguments" */
    {"str", "msg:clinic-313", 0x030D, 0},           /* 3.13: find/count/replace/split through Argument Clinic */
    {"format", "z", 0x030B, 0},                     /* 3.11: PEP 682's 'z' (negative zero coercion) */
    {"format", "msg:invalid-spec-names-type", 0x030B, 0}, /* 3.11: "Invalid format specifier '...' for object of type" */
    {"random", "msg:choice-empty", 0x030B, 0},      /* 3.11: choice([]) says "Cannot choose from an empty sequence" */
    {"random", "msg:randrange-in", 0x030C, 0},      /* 3.12: "empty range in randrange(5, 5)" */
    {"random", "randbytes", 0x0309, 0},     /* 3.9 */
    {"ImportError", "msg:clinic-313", 0x030D, 0}, /* 3.13: "ImportError() got an unexpected keyword argument" */
    {"math", "tau", 0x0306, 0}, {"math", "inf", 0x0305, 0}, {"math", "nan", 0x0305, 0},
    {"math", "isqrt", 0x0308, 0}, {"math", "comb", 0x0308, 0}, {"math", "perm", 0x0308, 0}, {"math", "prod", 0x0308, 0},
    {"math", "dist", 0x0308, 0}, {"math", "lcm", 0x0309, 0}, {"math", "exp2", 0x030B, 0}, {"math", "cbrt", 0x030B, 0},
    {"math", "remainder", 0x0307, 0}, {"math", "gcd", 0x0305, 0}, {"math", "isclose", 0x0305, 0},
    {"time", "perf_counter", 0x0303, 0}, {"time", "monotonic", 0x0303, 0}, {"time", "process_time", 0x0303, 0},
    {"time", "time_ns", 0x0307, 0}, {"time", "perf_counter_ns", 0x0307, 0}, {"time", "monotonic_ns", 0x0307, 0},
    {"time", "process_time_ns", 0x0307, 0}, {"time", "thread_time", 0x0307, 0}, {"time", "thread_time_ns", 0x0307, 0},
    {"str", "casefold", 0x0303, 0}, {"str", "format_map", 0x0302, 0}, {"str", "isascii", 0x0307, 0},
    {"str", "removeprefix", 0x0309, 0}, {"str", "removesuffix", 0x0309, 0}, {"str", "isidentifier", 0x0300, 0},
    {"str", "isprintable", 0x0300, 0}, {"str", "isdecimal", 0x0300, 0}, {"str", "isnumeric", 0x0300, 0},
    {"generator", "gi_suspended", 0x030B, 0},       /* 3.11: gi_suspended / cr_suspended (genobject.c) */
    {"generator", "gi_yieldfrom", 0x0305, 0},       /* 3.5 */
    {"async_generator", "ag_suspended", 0x030C, 0}, /* 3.12 (genobject.c async_gen_getsetlist) */
    {"coroutine", "cr_origin", 0x0307, 0},          /* 3.7: sys.set_coroutine_origin_tracking_depth */
    {"code", "co_linetable", 0x030A, 0},            /* 3.10: PEP 626 */
    {"code", "co_exceptiontable", 0x030B, 0},       /* 3.11: zero-cost exceptions */
    {"function", "__builtins__", 0x030A, 0},        /* 3.10 (funcobject.c func_memberlist) */
    /* itertools (Doc/library/itertools.rst; 2.7's Modules/itertoolsmodule.c) */
    {"itertools", "accumulate", 0x0302, 0}, {"itertools", "pairwise", 0x030A, 0},
    {"itertools", "filterfalse", 0x0300, 0}, {"itertools", "zip_longest", 0x0300, 0},
    {"itertools", "ifilterfalse", 0, 0x0300}, {"itertools", "izip_longest", 0, 0x0300},
    {"itertools", "izip", 0, 0x0300}, {"itertools", "imap", 0, 0x0300}, {"itertools", "ifilter", 0, 0x0300},
};

/* An open-addressing index over the table by (owner, name), so a question costs one hash of the two
 * strings and, for the names it lists, two string comparisons: the answer is asked on every method
 * lookup and in some methods' bodies (a str method's message style). Filled on first use; every thread
 * would fill it with the same slots. */
#define API_INDEX_CAP 512 /* a power of two, at least twice the table */
static short api_index[API_INDEX_CAP]; /* entry + 1, 0: empty */
static int api_index_ready;

static uint32_t api_hash(const char *owner, const char *name) {
    uint32_t h = 2166136261u; /* FNV-1a over "owner\0name" */
    while (*owner) h = (h ^ (unsigned char)*owner++) * 16777619u;
    h = (h ^ 0xffu) * 16777619u;
    while (*name) h = (h ^ (unsigned char)*name++) * 16777619u;
    return h;
}

static void api_index_fill(void) {
    _Static_assert(sizeof api_table / sizeof api_table[0] * 2 <= API_INDEX_CAP, "API_INDEX_CAP too small");
    for (size_t i = 0; i < sizeof api_table / sizeof api_table[0]; i++) {
        uint32_t j = api_hash(api_table[i].owner, api_table[i].name) & (API_INDEX_CAP - 1);
        while (api_index[j]) j = (j + 1) & (API_INDEX_CAP - 1);
        api_index[j] = (short)(i + 1);
    }
    api_index_ready = 1;
}

int hx_api_exists(uint32_t version, const char *owner, const char *name) {
    if (!api_index_ready) api_index_fill();
    for (uint32_t j = api_hash(owner, name) & (API_INDEX_CAP - 1); api_index[j]; j = (j + 1) & (API_INDEX_CAP - 1)) {
        const api_entry *e = &api_table[api_index[j] - 1];
        if (strcmp(e->name, name) == 0 && strcmp(e->owner, owner) == 0)
            return version >= e->since && (e->until == 0 || version < e->until);
    }
    return 1;
}
