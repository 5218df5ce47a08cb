# bad input: an unconditional top-level import of a module that is neither native nor on the search path fails before anything runs
import gc
print("never printed: the import is checked before the program runs")
import no_such_module_anywhere
print(no_such_module_anywhere.x)
