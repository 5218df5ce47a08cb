# bad input: from-imports of a module refheap lacks fail before anything runs, naming the module
from gc import collect
from os import getpid
collect()
