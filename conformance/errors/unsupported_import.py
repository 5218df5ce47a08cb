# bad input: a module that is neither native nor a module.py file on the search path fails before anything runs
import gc
print("never printed: the import is checked before the program runs")
import os
print(os.getpid())
