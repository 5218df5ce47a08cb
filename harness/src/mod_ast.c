/* mod_ast.c — `_ast` (CPython's Python/Python-ast.c): the node classes of the abstract syntax tree, which
 * Lib's ast.py re-exports and inspect, dataclasses and others import through it.
 *
 * The module is written in Python (harness/lib/_ast.py, built into the binary as hx_lib_ast_py): a table of
 * the grammar (Parser/Python.asdl) from which the classes are made as Python-ast.c's init_types makes them,
 * for the profile's version. Here the module object is made and that source runs in its namespace. refheap
 * has no compile(..., PyCF_ONLY_AST), so ast.parse is not available (docs/conformance.md).
 */
#include <string.h>

#include "interp.h"
#include "hx_lib_ast.h"

rh_object *hx_module__ast(hx_interp *I) {
    static const rh_builtin_def no_defs[] = {{NULL, NULL, 0}};
    if (rh_runtime_profile(I->rt)->python2) { /* 2.7's grammar (Print, Exec, Repr...) is not in the table */
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "_ast under the py27 profile (2.7's syntax tree)");
        return NULL;
    }
    rh_object *m = hx_make_module(I, "_ast", no_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m);
    if (hx_exec_source(I, hx_lib_ast_py, strlen(hx_lib_ast_py), d, d) != 0) rh_setref(I->rt, &m, NULL);
    return m;
}
