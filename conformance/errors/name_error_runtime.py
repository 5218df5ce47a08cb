# not a parse error: an unknown name is a NameError at run time (exit 1)
print("before")
print(undefined_name)
print("not reached")
