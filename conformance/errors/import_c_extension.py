# bad input: a standard-library module that needs a C extension refheap lacks (socket.py's unconditional
# `import _socket`) fails at that import, naming the module and the Lib file, before anything runs
print("never printed: the imports are resolved before the program runs")
import socket
print(socket.gethostname())
