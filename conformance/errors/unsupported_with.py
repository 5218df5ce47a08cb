# bad input: with statements are outside the subset
with open("/proc/self/statm") as f:
    print(f.read())
