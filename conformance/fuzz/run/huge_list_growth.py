l = []
while True:
    l.append(l)
