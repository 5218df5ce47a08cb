# workload: scale/random_graph — N list nodes, each with 2 edges to pseudo-random nodes (a seeded LCG,
# written out so it runs the same everywhere), then dropped and collected. N is the scale knob.
N = 1000000
import gc
import refheap
gc.disable()
refheap.mark("build")
nodes = []
for i in range(N):
    nodes.append([])
state = 12345
for i in range(N):
    state = (state * 1103515245 + 12345) % 2147483648
    nodes[i].append(nodes[state % N])
    state = (state * 1103515245 + 12345) % 2147483648
    nodes[i].append(nodes[state % N])
refheap.mark("drop")
del nodes
refheap.mark("collect")
print(gc.collect())
gc.enable()
