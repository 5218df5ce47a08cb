/* sre_engine.h — the regular expression matcher behind _sre (sre_engine.c), after CPython 3.11
 * Modules/_sre/sre_lib.h SRE(match)/SRE(search)/SRE(count)/SRE(charset) and sre.c's state.
 *
 * The engine runs the code words _compiler.py emits (opcodes of Lib/re/_constants.py, MAGIC 20220615;
 * 3.10's sre_compile.py code, MAGIC 20171005, is renumbered into these when it is loaded) over a
 * subject given as raw characters (1, 2 or 4 bytes each, as PEP 393 str data; bytes: 1). It backtracks
 * through an explicit stack of frames (no C recursion), so deep matches cost memory, not C stack. No
 * Python objects are made here.
 */
#ifndef HX_SRE_ENGINE_H
#define HX_SRE_ENGINE_H
#include <stddef.h>
#include <stdint.h>

#define SRE_MAGIC 20220615
#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 1073741823

/* The engine's own opcodes: 3.11's _constants.py OPCODES, in its order (their values are their positions).
 * Code lists of another version are translated into these when _sre.compile loads them (sre_load_code). */
#define SRE_OPCODES(X)                                                                                    \
    X(FAILURE) X(SUCCESS) X(ANY) X(ANY_ALL) X(ASSERT) X(ASSERT_NOT) X(AT) X(BRANCH) X(CATEGORY) X(CHARSET) \
    X(BIGCHARSET) X(GROUPREF) X(GROUPREF_EXISTS) X(IN) X(INFO) X(JUMP) X(LITERAL) X(MARK) X(MAX_UNTIL)   \
    X(MIN_UNTIL) X(NOT_LITERAL) X(NEGATE) X(RANGE) X(REPEAT) X(REPEAT_ONE) X(SUBPATTERN)                 \
    X(MIN_REPEAT_ONE) X(ATOMIC_GROUP) X(POSSESSIVE_REPEAT) X(POSSESSIVE_REPEAT_ONE) X(GROUPREF_IGNORE)    \
    X(IN_IGNORE) X(LITERAL_IGNORE) X(NOT_LITERAL_IGNORE) X(GROUPREF_LOC_IGNORE) X(IN_LOC_IGNORE)          \
    X(LITERAL_LOC_IGNORE) X(NOT_LITERAL_LOC_IGNORE) X(GROUPREF_UNI_IGNORE) X(IN_UNI_IGNORE)               \
    X(LITERAL_UNI_IGNORE) X(NOT_LITERAL_UNI_IGNORE) X(RANGE_UNI_IGNORE)
/* 3.10's numbering (Lib/sre_constants.py OPCODES of 3.6-3.10, MAGIC 20171005): CALL where 3.11 has
 * CATEGORY, no ATOMIC_GROUP / POSSESSIVE_REPEAT / POSSESSIVE_REPEAT_ONE */
#define SRE_OPCODES_20171005(X)                                                                           \
    X(FAILURE) X(SUCCESS) X(ANY) X(ANY_ALL) X(ASSERT) X(ASSERT_NOT) X(AT) X(BRANCH) X(CALL) X(CATEGORY)  \
    X(CHARSET) X(BIGCHARSET) X(GROUPREF) X(GROUPREF_EXISTS) X(IN) X(INFO) X(JUMP) X(LITERAL) X(MARK)      \
    X(MAX_UNTIL) X(MIN_UNTIL) X(NOT_LITERAL) X(NEGATE) X(RANGE) X(REPEAT) X(REPEAT_ONE) X(SUBPATTERN)    \
    X(MIN_REPEAT_ONE) X(GROUPREF_IGNORE) X(IN_IGNORE) X(LITERAL_IGNORE) X(NOT_LITERAL_IGNORE)             \
    X(GROUPREF_LOC_IGNORE) X(IN_LOC_IGNORE) X(LITERAL_LOC_IGNORE) X(NOT_LITERAL_LOC_IGNORE)               \
    X(GROUPREF_UNI_IGNORE) X(IN_UNI_IGNORE) X(LITERAL_UNI_IGNORE) X(NOT_LITERAL_UNI_IGNORE)               \
    X(RANGE_UNI_IGNORE)
enum {
#define SRE_X_OP(n) SRE_OP_##n,
    SRE_OPCODES(SRE_X_OP)
#undef SRE_X_OP
    SRE_OP__COUNT,
    SRE_OP_CALL = 0xFF /* 3.10's CALL: sre_compile never emits it; loading code that holds it fails */
};

/* One engine version's code format and module constants, chosen by the profile's sre_magic
 * (reference/src/profile.c). ops[i] is the engine opcode of that version's opcode number i. */
typedef struct sre_format {
    uint32_t magic;        /* _sre.MAGIC */
    int64_t maxgroups;     /* _sre.MAXGROUPS (sre.h SRE_MAXGROUPS of that version) */
    const uint8_t *ops;
    uint32_t nops;
} sre_format;
/* The format of magic; 3.11's for 0 or a magic no format has (which that version's re then refuses). */
const sre_format *sre_format_for(uint32_t magic);

/* _validate (sre.c _validate_outer/_validate_inner/_validate_charset): check code[0..n) is well formed for
 * groups capturing groups, rewriting each opcode word from f's numbering into the engine's as it goes.
 * 0, or -1 when the code is invalid (the caller raises RuntimeError "invalid SRE code"). */
int sre_load_code(const sre_format *f, uint32_t *code, size_t n, intptr_t groups);

typedef struct sre_repeat sre_repeat;
typedef struct sre_frame sre_frame;

/* One match attempt's state (sre.h SRE_STATE): positions are character indexes into the subject. */
typedef struct sre_state {
    const uint32_t *code;
    size_t codesize;
    const void *data;           /* the subject's characters (borrowed) */
    int kind;                   /* bytes per character */
    intptr_t beginning, start, end, ptr; /* start of the subject (0), of this attempt, endpos, result end */
    intptr_t *mark;             /* 2 per group (group 0 not included); -1 unset */
    intptr_t nmark, lastmark, lastindex;
    int match_all, must_advance;
    sre_repeat *repeat;
    sre_frame *frames;          /* the backtracking stack (malloc'd, kept across attempts) */
    size_t nframes, capframes;
    intptr_t *saved;            /* saved mark arrays, nmark words each */
    size_t nsaved, capsaved;
} sre_state;

/* Set up s over the subject; groups: the pattern's capturing groups. 0, or -1 when out of memory. */
int sre_state_init(sre_state *s, const uint32_t *code, size_t codesize, const void *data, int kind,
                   intptr_t start, intptr_t end, intptr_t groups);
void sre_state_fini(sre_state *s);
/* Forget the marks of an earlier attempt (state_reset). */
void sre_state_reset(sre_state *s);
/* Match anchored at s->start (pattern_match; match_all for fullmatch) or search from s->start onward:
 * 1 matched (s->start .. s->ptr, marks set), 0 no match, -1 out of memory, -2 a code error. */
int sre_match(sre_state *s, int match_all);
int sre_search(sre_state *s);

/* Character helpers _sre exposes (sre.c sre_lower_ascii, sre_lower_unicode: the latter is ucase.h's hx_ucase_lower) */
uint32_t sre_lower_ascii(uint32_t ch);
int sre_iscased_unicode(uint32_t ch);

#endif
