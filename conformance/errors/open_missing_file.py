# open() of a file that does not exist: FileNotFoundError from _io.FileIO (Modules/_io/fileio.c), as CPython
f = open("/nonexistent-refheap-dir/x")
