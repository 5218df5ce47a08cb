/* opcodes.h — the instruction set of the workload VM, described once (as Lua's lopcodes.h).
 *
 * The instructions are CPython 3.11's (Lib/opcode.py, Python/ceval.c) wherever the workload language has
 * the construct, with the same operands and the same stack effects, so that temporaries live exactly where
 * CPython's live: a value is pushed when it is evaluated and released when the instruction consuming it is
 * done. A few instructions are the harness's own and say so below (HX_*: statement hooks, the comprehension
 * function object, the class body).
 *
 * Encoding: one 32-bit word per instruction, the opcode in the low 8 bits and the operand in the high 24
 * (`hx_op`, `hx_arg`). An instruction with a second operand (a jump with a loop slot, a cache index) takes
 * the next word as that operand, as CPython's inline cache entries follow their instruction.
 *
 * X(name, stack effect, extra words): the effect is the net change of the stack depth when the
 * instruction falls through (VAR: computed by the compiler from the operand).
 */
#ifndef HX_OPCODES_H
#define HX_OPCODES_H
#include <stdint.h>

#define VAR 1000

#define HX_OPCODES(X)                                                                                   \
    /* stack */                                                                                         \
    X(NOP, 0, 0)                                                                                        \
    X(RESUME, 0, 0)                /* 3.11+: opens every code object after its cell prefix, on the def's \
                                    * line (compile.c insert_prefix_instructions), so co_lines and       \
                                    * co_positions start as CPython's; does nothing (the warm-up count   \
                                    * runs at frame entry) */                                           \
    X(POP_TOP, -1, 0)                                                                                   \
    X(PUSH_NULL, 1, 0)                                                                                  \
    X(COPY, 1, 0)                  /* push a new reference to the arg-th item (1 = top) */              \
    X(SWAP, 0, 0)                  /* exchange top and the arg-th item */                               \
    /* names and constants */                                                                           \
    X(LOAD_CONST, 1, 0)            /* co_consts[arg] */                                                 \
    X(HX_LOAD_FOLDED, 1, 0)        /* LOAD_CONST of a tuple the CFG optimizer folded (its items' LOAD_CONSTs \
                                    * and BUILD_TUPLE; co_consts lists it after the others) */          \
    X(LOAD_FAST, 1, 0)             /* fast local arg; UnboundLocalError / NameError when unbound */     \
    X(STORE_FAST, -1, 0)                                                                                \
    X(DELETE_FAST, 0, 0)                                                                                \
    X(HX_CLEAR_FAST, 0, 0)         /* unbind fast local arg if bound (end of an inlined comprehension) */ \
    X(LOAD_GLOBAL, 1, 0)           /* arg: global-cache entry (name + dict positions), globals then builtins */ \
    X(STORE_GLOBAL, -1, 0)         /* arg: co_names index */                                            \
    X(DELETE_GLOBAL, 0, 0)                                                                              \
    X(LOAD_NAME, 1, 0)             /* class body: namespace, then globals, then builtins */             \
    X(STORE_NAME, -1, 0)                                                                                \
    X(DELETE_NAME, 0, 0)                                                                                \
    /* operators */                                                                                     \
    X(BINARY_OP, -1, 0)            /* arg: hx_operator, +256 for the in-place form */                         \
    X(UNARY_OP, 0, 0)              /* arg: OP_NEG / OP_POS / OP_INVERT */                              \
    X(UNARY_NOT, 0, 0)                                                                                  \
    X(COMPARE_OP, -1, 0)           /* arg: CMP_* (is, in and their negations included) */               \
    /* jumps: the operand is an absolute instruction index */                                           \
    X(JUMP, 0, 0)                                                                                       \
    X(HX_JUMP_WHILE, 0, 0)         /* JUMP back to the test of `while test:`: 3.11 tests again at the bottom \
                                    * (POP_JUMP_BACKWARD_IF_TRUE), which does not warm the code up as     \
                                    * JUMP_BACKWARD does (_PyCode_Warmup) */                              \
    X(POP_JUMP_IF_FALSE, -1, 0)                                                                         \
    X(POP_JUMP_IF_TRUE, -1, 0)                                                                          \
    X(JUMP_IF_FALSE_OR_POP, -1, 0) /* keep the value and jump when false, else pop it */                \
    X(JUMP_IF_TRUE_OR_POP, -1, 0)                                                                       \
    /* iteration: the next word is the frame's loop slot (C cursor of the iterator, not an object) */   \
    X(GET_ITER, 0, 1)                                                                                   \
    X(FOR_ITER, 1, 1)              /* push the next item, or pop the iterator and jump to arg */        \
    /* containers */                                                                                    \
    X(BUILD_TUPLE, VAR, 0)                                                                              \
    X(BUILD_LIST, VAR, 0)                                                                               \
    X(BUILD_MAP, VAR, 0)           /* arg pairs key, value */                                           \
    X(LIST_APPEND, -1, 0)          /* append top to the list arg items down (after popping) */          \
    X(LIST_EXTEND, -1, 0)                                                                               \
    X(LIST_TO_TUPLE, 0, 0)                                                                              \
    X(BUILD_SET, VAR, 0)           /* a set of the arg items below */                                   \
    X(SET_ADD, -1, 0)              /* add top to the set arg items down (after popping) */              \
    X(SET_UPDATE, -1, 0)           /* add the items of top to the set arg items down */                 \
    X(UNPACK_SEQUENCE, VAR, 0)                                                                          \
    /* subscripts; the slice forms take the bounds on the stack (arg bit 0 start, 1 stop, 2 step given) */ \
    X(BINARY_SUBSCR, -1, 0)                                                                             \
    X(STORE_SUBSCR, -3, 0)                                                                              \
    X(DELETE_SUBSCR, -2, 0)                                                                             \
    X(BINARY_SLICE, VAR, 0)                                                                             \
    X(DELETE_SLICE, VAR, 0)                                                                             \
    X(STORE_SLICE, VAR, 0)         /* below the bounds: the list, below it the value (3.12's STORE_SLICE) */ \
    X(BUILD_SLICE, VAR, 0)         /* a slice of the arg (2 or 3) bounds below: a slice inside a subscript tuple */ \
    /* attributes: arg is a co_names index; LOAD_ATTR / STORE_ATTR: next word, the site's attribute cache */ \
    X(LOAD_ATTR, 0, 1)                                                                                  \
    X(STORE_ATTR, -2, 1)                                                                                \
    X(DELETE_ATTR, -1, 0)                                                                               \
    X(LOAD_METHOD, 1, 1)           /* next word: method cache entry. Pushes (func, self) or (attr, NULL) */ \
    /* calls: the stack holds callable, self-or-NULL, then the arguments (3.11's PRECALL/CALL) */       \
    X(KW_NAMES, 0, 0)              /* arg: keyword-name list of the next CALL */                        \
    X(CALL, VAR, 0)                /* arg: positional + keyword argument count */                       \
    X(CALL_FUNCTION_EX, VAR, 0)    /* callable, NULL, argument sequence (arg 1: then the keyword dict) */ \
    X(HX_CALL_EXT27, VAR, 0)       /* 2.7's CALL_FUNCTION_VAR/_KW/_VAR_KW (ext_do_call): callable, NULL, the \
                                    * positional arguments, (name, value) pairs, then *seq, then **map; \
                                    * arg: positional count | pairs << 8 | 1 << 16 with *seq | 1 << 17 with **map */ \
    X(MAKE_FUNCTION, VAR, 0)       /* arg: code index; next word: flags (1 defaults, 2 kwdefaults, 4 annotations, 8 closure) | name << 4 */ \
    X(SETUP_ANNOTATIONS, 0, 0)     /* module / class body: __annotations__ = {} in its namespace unless there */ \
    X(HX_COMP_FUNCTION, 1, 0)      /* the <listcomp> (arg 1: <setcomp>) function 3.11 makes (the loop is inline) */ \
    X(HX_COMP_FRAME, 0, 0)         /* 3.10/2.7: the frame object the comprehension's call makes (arg: co_comps index) */ \
    X(HX_COMP_FRAME_END, 0, 0)     /* 3.10/2.7: that frame object is released (the comprehension returned) */ \
    X(HX_BUILD_CLASS, VAR, 1)      /* arg: code index; next word: base count | 256 keyword dict on top | name << 9. Runs the body, pushes the class */ \
    X(RETURN_VALUE, -1, 0)                                                                              \
    /* closures (3.11): a cell or free variable's slot holds its cell; arg is the slot */               \
    X(MAKE_CELL, 0, 0)             /* the slot's value (or nothing) goes into a new cell in the slot */ \
    X(LOAD_CLOSURE, 1, 0)          /* push the cell itself (for a nested function's closure tuple) */   \
    X(LOAD_DEREF, 1, 0)                                                                                 \
    X(STORE_DEREF, -1, 0)                                                                               \
    X(DELETE_DEREF, 0, 0)                                                                               \
    X(LOAD_CLASSDEREF, 1, 0)       /* class body: the namespace first, then the cell */                 \
    X(COPY_FREE_VARS, 0, 0)        /* the function's closure cells into its free-variable slots */      \
    X(HX_BUILD_CLASS_CLOSURE, VAR, 1) /* HX_BUILD_CLASS with the body's closure tuple on top */         \
    X(DICT_MERGE, -1, 0)           /* merge top into the dict arg items down; duplicate keys: TypeError */ \
    X(DICT_UPDATE, -1, 0)          /* {**m}: update the dict arg items down with top (later keys win) */ \
    /* exceptions (3.11): a failing instruction unwinds to its entry of the exception table (co_handler) */ \
    X(RAISE_VARARGS, VAR, 0)       /* arg 0: re-raise the handled exception; 1: raise TOS; 2: raise from; 3: 2.x type, value, tb */ \
    X(PUSH_EXC_INFO, 1, 0)         /* push the exception being handled; TOS becomes the handled one */  \
    X(POP_EXCEPT, -1, 0)           /* the exception being handled is TOS again (popped) */              \
    X(CHECK_EXC_MATCH, 0, 0)       /* exception, type -> exception, isinstance(exception, type) */      \
    X(RERAISE, -1, 0)              /* raise TOS again with its traceback; arg: lasti is arg items down */ \
    X(BEFORE_WITH, 1, 0)           /* mgr -> __exit__, mgr.__enter__() */                              \
    X(WITH_EXCEPT_START, 1, 0)     /* call __exit__(type, exc, tb) found 4 items down */               \
    X(LOAD_ASSERTION_ERROR, 1, 0)                                                                       \
    X(IMPORT_NAME, 1, 1)           /* arg: co_cstrs index of the module's name; word: level | fromlist << 8 */ \
    X(IMPORT_STAR, -1, 0)          /* pop the module, bind its public names in the frame's namespace */  \
    X(IMPORT_FROM, 1, 0)           /* push getattr(TOP, co_cstrs[arg]), ImportError if absent */          \
    /* comprehensions, generators and coroutines (3.11) */                                             \
    X(MAP_ADD, -2, 0)              /* key, value: d[key] = value in the dict arg items down (after popping) */ \
    X(YIELD_VALUE, 0, 0)           /* suspend the generator with TOS; it becomes the value sent in. arg: 0, \
                                    * or 1 + the SEND exit of a yield from / await (gen.throw delegates) */ \
    X(SEND, 0, 0)                  /* receiver, v -> receiver, yielded; or (returned) -> value, jump to arg */ \
    X(GET_YIELD_FROM_ITER, 0, 0)   /* iter(TOS) unless a generator (or a coroutine in a coroutine) */   \
    X(GET_AWAITABLE, 0, 0)         /* TOS -> its awaitable (a coroutine itself; else __await__); arg: 0, \
                                    * or 1 / 2 for what __aenter__ / __aexit__ returned (the error's words) */ \
    X(BEFORE_ASYNC_WITH, 1, 0)     /* mgr -> __aexit__, mgr.__aenter__() (to be awaited) */              \
    X(GET_AITER, 0, 0)             /* TOS -> TOS.__aiter__(), which must have __anext__ */              \
    X(GET_ANEXT, 1, 0)             /* push the awaitable of TOS.__anext__() (TOS stays) */              \
    X(END_ASYNC_FOR, -2, 0)        /* aiter, exc: StopAsyncIteration ends the loop; else re-raise */    \
    X(FORMAT_VALUE, VAR, 0)        /* arg: conversion (1 str, 2 repr, 3 ascii) | 4 when a spec is on top */ \
    X(BUILD_STRING, VAR, 0)        /* the arg strs below joined (f-strings) */                          \
    /* structural pattern matching (3.10+; Python/ceval.c of 3.11) */                                  \
    X(GET_LEN, 1, 0)               /* push len(TOS) (TOS stays) */                                      \
    X(MATCH_MAPPING, 1, 0)         /* push whether TOS is a mapping for patterns (TOS stays) */         \
    X(MATCH_SEQUENCE, 1, 0)        /* push whether TOS is a sequence for patterns (TOS stays) */        \
    X(MATCH_KEYS, 1, 0)            /* subject, keys -> subject, keys, tuple of values or None */        \
    X(MATCH_CLASS, -2, 0)          /* subject, cls, names -> attribute tuple or None; arg: positional count */ \
    X(UNPACK_EX, VAR, 0)           /* a, *b, c unpacking: arg = before | after << 8; the star item a list */ \
    /* harness hooks */                                                                                 \
    X(HX_CHECK_GC, 0, 0)           /* 3.12+: a collection scheduled by an allocation runs here */       \
    X(HX_STMT_BEGIN, 0, 0)         /* --report: top-level statement arg begins */                       \
    X(HX_STMT_END, 0, 0)

typedef enum {
#define HX_OP_ENUM(name, eff, extra) HX_##name,
    HX_OPCODES(HX_OP_ENUM)
#undef HX_OP_ENUM
    HX_NUM_OPCODES
} hx_opcode;

typedef uint32_t hx_instr;
static inline unsigned hx_op(hx_instr i) { return i & 0xffu; }
static inline uint32_t hx_arg(hx_instr i) { return i >> 8; }
static inline hx_instr hx_make(unsigned op, uint32_t arg) { return (hx_instr)op | (arg << 8); }
#define HX_ARG_MAX 0xffffffu

/* Names, stack effects and extra-word counts, indexed by opcode (vm.c). */
extern const char *const hx_opnames[HX_NUM_OPCODES];
extern const signed char hx_opextra[HX_NUM_OPCODES];

#endif
