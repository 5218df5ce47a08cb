l = []
for i in range(10**8):
    l.append(i)
print(len(l))
