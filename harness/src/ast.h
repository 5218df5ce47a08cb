/* ast.h — tokens and the syntax tree of the workload language (a Python 3 subset).
 *
 * Owns: hx_tok (lexer output), hx_node (one tree node for statements and expressions), the node kinds
 * and operator codes, and the compile-error record. Invariants: every node carries the 1-based line and
 * column of its first token; a node's children are owned by the tree (freed with hx_ast_free); names
 * are NUL-terminated copies. After resolution (resolve.c) every E_NAME / store target carries its scope
 * (SC_FAST slot, SC_GLOBAL, SC_CLASS) and every constant node holds one merged constant object. The tree
 * is the compiler's input (compile.c); nothing executes it, and the VM's caches live in the code units.
 */
#ifndef RH_HARNESS_AST_H
#define RH_HARNESS_AST_H
#include <stddef.h>
#include <stdint.h>

#include "opcodes.h"
#include "refheap/refheap.h"

/* ---------------------------------------------------------------- tokens */
typedef enum {
    T_FSTRING = 50, T_RFSTRING, /* an f-string's body, undecoded (parser.c: p_strings); rf-string */
    T_BYTES = 60,               /* a bytes literal: its byte values, escapes decoded */
    T_EOF = 0, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_INT, T_FLOAT, T_STRING, T_OP,
    T_IMAG = 70                 /* an imaginary literal (1j, 2.5J): text is the digits of its value */
} hx_tokkind;

typedef struct hx_tok {
    hx_tokkind kind;
    int line, col;
    char *text;        /* NAME / OP text; STRING: decoded UTF-8 bytes; INT/FLOAT: digits without '_' */
    size_t len;        /* bytes in text */
    int end_line, end_col; /* just past its last source byte (1-based byte column, as col) */
} hx_tok;

/* A compile-time error: printed as "file:line:col: <msg>" and the run exits with status 2. */
typedef struct hx_cerr {
    int set;
    int line, col;
    char msg[256];
} hx_cerr;

/* ---------------------------------------------------------------- nodes */
typedef enum {
    /* statements */
    S_EXPR = 1, S_ASSIGN, S_AUG, S_DEL, S_IF, S_WHILE, S_FOR, S_BREAK, S_CONTINUE, S_PASS, S_DEF,
    S_RETURN, S_GLOBAL, S_CLASS, S_IMPORT, S_RAISE, S_TRY, S_EXCEPT, S_BLOCK, S_WITH, S_ASSERT,
    S_NONLOCAL,
    S_ANNASSIGN,             /* a=target b=annotation c=value (NULL: none) op=simple (a bare, unparenthesised name) */
    /* PEP 634 (3.10+): S_MATCH a=subject items=S_CASE; S_CASE a=pattern b=guard (NULL: none) items=body */
    S_MATCH, S_CASE,
    /* patterns (Python/compile.c compiler_pattern_*): a capture target is an E_NAME store target in b
     *   P_AS a=sub-pattern (NULL: a bare capture) b=E_NAME (NULL: the wildcard `_`)
     *   P_VALUE a=expression compared with == (literals, dotted names)
     *   P_SINGLETON a=E_CONST None / True / False compared with `is`
     *   P_SEQ items (at most one P_STAR: b=E_NAME or NULL for `*_`)
     *   P_MAP items=key expressions items2=patterns b=E_NAME of `**rest` (NULL: none)
     *   P_CLASS a=class expression items=positional patterns items2=keyword patterns kwnames (n2)
     *   P_OR items (two or more alternatives) */
    P_AS = 70, P_VALUE, P_SINGLETON, P_SEQ, P_STAR, P_MAP, P_CLASS, P_OR,
    /* expressions */
    E_JOINED = 90, E_FORMATTED, /* f-strings: parts (E_CONST str / E_FORMATTED: a value, op conversion, b spec) */
    E_NAME = 100, E_CONST, E_LIST, E_TUPLE, E_DICT, E_LISTCOMP, E_BINOP, E_UNARY, E_BOOLOP, E_NOT,
    E_COMPARE, E_IFEXP, E_CALL, E_ATTR, E_SUBSCR, E_SLICE, E_STAR, E_SET, E_SETCOMP,
    E_LAMBDA,                /* code: the <lambda> unit (its body one return statement) */
    E_DSTAR,                 /* `**mapping` in a call's keyword list (kwnames entry NULL) */
    /* generators and coroutines (a: the operand, may be NULL for a bare yield) */
    E_YIELD, E_YIELDFROM, E_AWAIT,
    /* comprehensions beyond [x for x in it if c]: E_GENEXP (code: its <genexpr> unit), E_DICTCOMP (a: key,
     * val: value); any comprehension's second and later `for` clauses are E_COMPFOR nodes in its items
     * (a: target, b: iterable, items2: ifs) */
    E_GENEXP, E_DICTCOMP, E_COMPFOR,
    E_NAMED /* `a := b` (a: the E_NAME target, b: the value; resolve.c binds a in the enclosing function
             * of a comprehension, as symtable_extend_namedexpr_scope) */
} hx_nkind;

typedef enum {
    OP_ADD = 1, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR,
    OP_XOR, OP_NEG, OP_POS, OP_INVERT,
    /* comparisons */
    CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_IN, CMP_NOTIN, CMP_IS, CMP_ISNOT,
    /* boolean */
    BOOL_AND, BOOL_OR,
    OP_MATMUL                /* @ (PEP 465; 3.5+) */
} hx_operator;

/* Constant literal kinds before they become objects. */
/* K_ELLIPSIS: `...` (op 1 when it is a whole subscript or an element of a subscript's tuple: the only
 * place Python 2.7's grammar has it) */
/* K_COMPLEX: fval is the real part, imag the imaginary part */
typedef enum { K_NONE = 1, K_TRUE, K_FALSE, K_INT, K_FLOAT, K_STR, K_TUPLE, K_FROZENSET, K_BYTES, K_ELLIPSIS, K_COMPLEX } hx_ckind;

/* SC_DEREF: a cell or free variable of a function (its slot holds the cell); SC_CLASSDEREF: a free
 * variable read in a class body (the namespace first, then the cell: LOAD_CLASSDEREF) */
typedef enum { SC_UNRESOLVED = 0, SC_FAST, SC_GLOBAL, SC_CLASS, SC_DEREF, SC_CLASSDEREF } hx_scope;

/* Where an instruction's expression ends, and its columns (1-based byte columns: CPython's col_offset and
 * end_col_offset + 1; 0 none): the position Python/compile.c's SET_LOC gives it (co_positions). The start
 * line is co_lines'. */
typedef struct hx_pos { int end_line, col, end_col; } hx_pos;

typedef struct hx_node hx_node;
struct hx_node {
    hx_nkind kind;
    int line, col;
    int op;                  /* hx_operator (binop, unary, boolop, aug) */
    hx_node *a, *b, *c;      /* children, by kind (see parser.c) */
    hx_node **items;         /* body / elements / args / targets */
    int n;
    hx_node **items2;        /* else-body / dict values / keyword values / comp ifs */
    int n2;
    int *ops;                /* comparison operators (n - 1 of them) */
    char **kwnames;          /* call keyword names (n2 of them) */
    char *name;              /* identifier (NAME, ATTR, DEF, CLASS, IMPORT alias target) */
    rh_object *name_obj;     /* interned str for name (resolved) */
    /* constants */
    hx_ckind ckind;
    int64_t ival;
    double fval;
    double imag;             /* K_COMPLEX */
    char *sval;
    size_t slen;
    rh_object *cst;          /* merged constant object (owned by the compile unit) */
    /* resolution */
    hx_scope scope;
    int slot;
    /* functions / classes: the code unit */
    struct hx_code *code;
    /* where the node's source text ends: just past its last byte (1-based byte column, as col; CPython's
     * end_lineno / end_col_offset + 1). 0 while the parser has not finished the node (parser.c span) */
    int end_line, end_col;
    /* S_DEF / S_CLASS: the decorator expressions, first to last as written */
    hx_node **decos;
    int ndecos;
    hx_node *val;            /* E_DICTCOMP: the value expression */
    int folded;              /* E_CONST made by folding an operation or a display (2.7's peephole optimizer:
                              * such a LOAD_CONST ends the run of LOAD_CONSTs a tuple folds over, resolve.c) */
    int comp_cell;           /* E_NAME target of an inline comprehension: a lambda or generator expression in
                              * the comprehension captures it, so its private slot holds a cell (resolve.c) */
};

/* Lookup hints of one LOAD_GLOBAL / LOAD_NAME site: 1 + the entry position where the name was last found
 * in the globals / builtins dict, 0 unknown, -1 given up; refills counts re-searches. Only hints: each use
 * checks the entry (vm.c), so no object is created, kept or freed because of them. */
typedef struct hx_gcache {
    rh_object *name;         /* borrowed interned name */
    int gpos, bpos;
    int grefills, brefills;
    /* LOAD_GLOBAL's specialisation (vm.c, 3.11's LOAD_GLOBAL_MODULE / _BUILTIN): while the globals' keys
     * are at version gver (0: not specialised) the name is entry ix of the globals (bver 0), or absent
     * from them and entry ix of the builtins, whose keys are at version bver */
    uint32_t gver, bver;
    intptr_t ix;
} hx_gcache;

#define HX_ACACHE_WAYS 4   /* classes remembered per attribute / method site */

/* One LOAD_METHOD site: the built-in method def found for receivers of kind mkind - 1 (0 = none); and
 * for instances of `type` at types epoch `epoch` whose values use `keys` with `nentries` entries (the
 * name not among them), the function `func` (borrowed from the class) found on the class. */
typedef struct hx_mcache {
    const rh_builtin_def *mdef;
    int mkind;
    struct {
        const rh_type *type;
        uint64_t epoch;
        const void *keys;
        intptr_t nentries;
        rh_object *func;                 /* an instance's method, or NULL and: */
        const rh_builtin_def *def;       /* a built-in type's subclass instance's inherited method */
    } way[HX_ACACHE_WAYS];
    unsigned next;
} hx_mcache;

enum { HX_AC_VALUES, HX_AC_HINT, HX_AC_SLOT };

/* One LOAD_ATTR / STORE_ATTR site: for up to HX_ACACHE_WAYS classes, where their instances keep the
 * attribute in their values array (index ix of the shared keys `keys`), valid at types epoch `epoch`
 * (rh_instance_value_index). Several ways, as a site in a base class's method meets every subclass. */
typedef struct hx_acache {
    struct hx_acache_way {
        const rh_type *type;
        uint64_t epoch;
        const void *keys;
        intptr_t ix;
        int hint;            /* HX_AC_VALUES: ix indexes the values array; HX_AC_HINT: an entry of the
                              * materialized __dict__ (..._WITH_HINT); HX_AC_SLOT: a member's offset */
    } way[HX_ACACHE_WAYS];
    unsigned next;           /* the way the next fill replaces */
    unsigned backoff;        /* executions to skip before trying to fill again after a failed fill */
    unsigned misses;
} hx_acache;

/* One entry of a unit's exception table: where a failing instruction continues (target), the stack depth
 * it unwinds to, and whether the failing instruction's index is pushed under the exception (lasti). */
typedef struct hx_handler { int target, depth, lasti; } hx_handler;

/* A code unit: the module, a function body or a class body. */
typedef enum { CODE_MODULE = 0, CODE_FUNCTION, CODE_CLASS } hx_codekind;
typedef struct hx_code {
    hx_codekind kind;
    int names_in_ns;         /* a module unit run by exec() with a locals mapping of its own: its top-level
                              * names are LOAD_NAME/STORE_NAME there (SC_CLASS), as CPython's module code;
                              * 2: in its comprehensions too (3.12+, PEP 709 inlines them), 1: not there */
    int dunder_line, dunder_col; /* a method whose special name the data model does not dispatch: where its
                              * name is (the resolver refuses it under py27, parser.c p_def); 0: none */
    char *name;              /* function / class name, "<module>" */
    char *qualname;          /* "C.__del__" */
    rh_object *co_qualname;  /* that name as a str (co_qualname; borrowed, interpreter-owned: hx_name), set when
                              * the unit is compiled, shared by every function or class made from it */
    hx_node **body;
    int nbody;
    int nparams;             /* positional parameters (co_argcount) */
    char **params;           /* every parameter name: positional, keyword-only, then *args, then **kwargs */
    hx_node **defaults;      /* n_defaults of them, for the last params */
    int ndefaults;
    rh_object *defaults_const; /* 3.x when every default is a constant: their tuple as one constant (the CFG
                                * optimizer's fold_tuple_on_constants over the defaults' BUILD_TUPLE); borrowed
                                * from I->consts, else NULL */
    int nposonly;            /* of the positional ones, those before `/` (co_posonlyargcount) */
    int nkwonly;             /* keyword-only parameters, after the positional ones (co_kwonlyargcount) */
    int varargs, varkw;      /* 1 when there is a *args / **kwargs parameter (CO_VARARGS, CO_VARKEYWORDS) */
    hx_node **kwdefaults;    /* nkwonly entries: the default of each keyword-only parameter or NULL */
    /* PEP 3107 annotations: one entry per parameter in params order (NULL: none; the array itself NULL
     * when no parameter has one) and the return annotation (NULL: none). Under `from __future__ import
     * annotations` each is already the E_CONST str of its unparsed text (parser.c, unparse.c). */
    hx_node **annots;
    hx_node *returns;
    /* closures (resolve.c, as Python/symtable.c and compiler_make_closure): co_cellvars and co_freevars
     * (sorted, as the compiler's dictbytype), the fast slot of each (a cell that is a parameter keeps the
     * parameter's slot), and for a class body whether it makes the __class__ cell (ste_needs_class_closure) */
    char **cellnames, **freenames;
    int *cellslots, *freeslots;
    int *closure_slots;      /* a lambda or <genexpr> unit inside an inline comprehension: per free variable, the
                              * slot of the comprehension variable's cell it closes over, or -1 (closure_slot) */
    int ncells, nfree;
    int class_cell;          /* class body: 1 when it makes the __class__ cell */
    int nslots;              /* fast locals: params first, then other locals, then comprehension vars */
    int nnamed;              /* a function: slots [0, nnamed) are its parameters and the names it binds; the
                              * later ones are its inline comprehensions' variables (resolve.c) */
    char **slotnames;
    int nglobals_decl;
    char **globals_decl;
    int line;
    unsigned future;         /* RH_FUTURE_* bits of its module's `from __future__ import` lines (def and class
                              * units get the module's too) */
    unsigned co_flags;       /* HX_CO_GENERATOR / HX_CO_COROUTINE / HX_CO_ASYNC_GENERATOR (CPython's CO_* bits;
                              * an async def with a yield has HX_CO_ASYNC_GENERATOR only, as symtable.c) */
    hx_node *comp;           /* a <genexpr> unit: its E_GENEXP node (the body is compiled from it) */
    int comp_owner;          /* a <genexpr> unit: what its `:=` targets bind in (resolve.c st_walrus_bind):
                              * 0 the nearest enclosing function, 1 the module, 2 a class body (an error) */

    /* ---- the compiled unit (compile.c; freed with the unit) */
    hx_instr *co_code;       /* instructions (opcodes.h) */
    int *co_lines;           /* source line of each instruction word */
    hx_pos *co_pos;          /* the rest of each instruction word's source position (co_positions) */
    int *co_handler;         /* exception-table entry of each instruction word (index in co_exc), -1: none */
    hx_handler *co_exc;
    int nexc, capexc;
    int ncode, capcode;
    rh_object **co_consts;   /* borrowed: resolve.c holds the references CPython's co_consts would */
    int nconsts, capconsts;
    rh_object **co_names;    /* borrowed interned names (owned by the interpreter) */
    int nnames, capnames;
    const char **co_cstrs;   /* borrowed C strings of the tree (module names of import) */
    int ncstrs, capcstrs;
    struct hx_code **co_codes; /* nested units (owned by their def / class nodes) */
    int ncodes, capcodes;
    hx_gcache *gcache;       /* LOAD_GLOBAL / LOAD_NAME sites */
    int ngcache, capgcache;
    hx_mcache *mcache;       /* LOAD_METHOD sites */
    int nmcache, capmcache;
    hx_acache *acache;       /* LOAD_ATTR / STORE_ATTR sites */
    int nacache, capacache;
    struct { char **names; int n; } *kwlists;  /* KW_NAMES operands (borrowed from call nodes) */
    int nkwlists, capkwlists;
    /* the comprehensions compiled inline in this unit (compile.c listcomp, comp_inline): instruction words
     * [start, end) are what 3.11 runs in the comprehension's own frame, call_at the instruction at the
     * comprehension's position (where that frame is called), unit a stand-in code unit for the frame
     * (name <listcomp> ..., positions borrowed from this unit); what tracebacks show of the frame */
    struct hx_comp { int start, end, call_at, which; struct hx_code *unit;
                     const hx_node *node; /* the comprehension (only while the unit compiles) */ } *co_comps;
    int ncomps;
    int borrowed_code;       /* a comprehension's stand-in unit: its code, positions and tables are its enclosing unit's */
    int stacksize;           /* maximum value-stack depth */
    int nloopslots;          /* nesting depth of for loops: each has a C cursor in the frame */
    int co_stacksize;        /* CPython's co_stacksize (the deepest stack; stacksize keeps one spare) */
    rh_object *co_obj;       /* its code object once a __code__ read made it (borrowed: I->code_objs holds it) */
    rh_frame_slot co_zombie; /* 3.10/2.7 (frame_per_call): its zombie frame (co_zombieframe; t_frame.c) */
    /* the specializer (3.11: _PyCode_Warmup and PRECALL_ADAPTIVE; 3.12: each CALL's adaptive counter), as far
     * as it changes what a call allocates (str(x): PRECALL_NO_KW_STR_1 / CALL_NO_KW_STR_1, vm.c) */
    int co_warmup;           /* 3.11: RESUME and JUMP_BACKWARD events of this code object so far, up to the
                              * profile's quicken_delay, when _PyCode_Quicken makes its instructions adaptive */
    int co_warm_pending;     /* 3.11: this unit or one of its comprehensions' stand-ins is not quickened yet */
    /* 3.12+: per instruction word, how often the CALL there ran and the callable it specialized for
     * (HX_SITE_FAILED: none; lazily allocated) */
    struct hx_site { uint32_t runs; const void *spec; } *co_sites;
    struct hx_code *zombie_of; /* 3.10/2.7, a comprehension's stand-in: the earlier stand-in of the same unit whose
                                * code is equal to this one's (same line, same text), or NULL. CPython's compiler
                                * merges equal code constants (merge_consts_recursive, code_richcompare), so
                                * both comprehensions run one code object with one zombie frame */
    rh_object *static_attrs_const; /* 3.13, a class body: its __static_attributes__ tuple, one constant of the unit
                                * (compiler_static_attributes_tuple; resolve.c); borrowed from I->consts, else NULL */
} hx_code;

enum { HX_CO_GENERATOR = 0x20, HX_CO_COROUTINE = 0x80, HX_CO_ASYNC_GENERATOR = 0x200 };

/* `from __future__ import` names the subset accepts (they change nothing in 3.x; under the py27 profile
 * print_function is required and division selects true division). */
enum { RH_FUTURE_PRINT_FUNCTION = 1, RH_FUTURE_DIVISION = 2, RH_FUTURE_ABSOLUTE_IMPORT = 4, RH_FUTURE_ANNOTATIONS = 8 };

/* ---------------------------------------------------------------- entry points */
/* lexer.c: tokenize src (NUL-terminated, len bytes). Returns a token array (ends with T_EOF) or NULL with
 * *err set. *ntok receives the count. */
hx_tok *hx_lex(const char *src, size_t len, int *ntok, hx_cerr *err);
void hx_toks_free(hx_tok *t, int n);
/* The escapes of a str literal's text decoded (lexer.c, for f-string literal parts): malloc'd, NUL-ended,
 * *outn bytes; NULL with err set at line:col. */
char *hx_unescape(const char *s, size_t n, size_t *outn, hx_cerr *err, int line, int col);

/* parser.c: parse tokens into the module code unit, or NULL with *err set. */
hx_code *hx_parse(hx_tok *toks, int ntok, hx_cerr *err);
void hx_code_free(hx_code *c);

void hx_node_free(hx_node *n);
/* Every parameter of a function unit: positional, keyword-only, *args, **kwargs (co_argcount +
 * co_kwonlyargcount + the two flags). */
static inline int hx_code_nallparams(const hx_code *c) { return c->nparams + c->nkwonly + c->varargs + c->varkw; }

/* unparse.c: the source text of expression n as Python/ast_unparse.c writes it (PEP 563 string
 * annotations): malloc'd, NUL-ended; NULL for a node it cannot write (never for parser output). */
char *hx_unparse(const hx_node *n);

void hx_cerr_set(hx_cerr *e, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
