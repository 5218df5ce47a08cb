# binary_trees: refheap's own implementation of the classic binary-trees benchmark (the Computer Language
# Benchmarks Game's allocation workload): build a "stretch" tree of depth n + 1 and drop it, build a
# long-lived tree of depth n, then for depths 4, 6, ... n build and walk many short-lived complete binary
# trees (2^(n - d + 4) of depth d), and finally walk the long-lived tree. A node is a tuple of its two
# children, a leaf the empty tuple. Written for refheap from the well-known description of the workload,
# not from any existing program, so its timings are comparable in shape, not identical in work, to other
# implementations.
# Prints a deterministic checksum: the node counts of every phase.

LEAF = ()


def grow(depth):
    if depth == 0:
        return (LEAF, LEAF)
    return (grow(depth - 1), grow(depth - 1))


def nodes(tree):
    if tree[0] is LEAF:
        return 1
    return 1 + nodes(tree[0]) + nodes(tree[1])


def main(n):
    shallowest = 4
    deepest = n if n > shallowest + 2 else shallowest + 2
    stretch = grow(deepest + 1)
    print("stretch tree of depth %d\t check: %d" % (deepest + 1, nodes(stretch)))
    stretch = None

    keeper = grow(deepest)
    depth = shallowest
    while depth <= deepest:
        trees = 1 << (deepest - depth + shallowest)
        seen = 0
        for k in range(trees):
            seen += nodes(grow(depth))
        print("%d\t trees of depth %d\t check: %d" % (trees, depth, seen))
        depth += 2
    print("long lived tree of depth %d\t check: %d" % (deepest, nodes(keeper)))


TEST_SIZE = 6  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 15      # n, the long-lived tree's depth (the Benchmarks Game runs 21)

main(SIZE)
