# gcbench: refheap's own implementation of the classic GCBench of John Ellis and Pete Kovac (later adapted
# by Hans Boehm), the garbage-collector benchmark also shipped with PyPy: while a long-lived binary tree and
# a long-lived array of floats stay alive, build many short-lived complete binary trees of rising depth,
# both top-down (allocate a node, then fill in its children) and bottom-up (build the children, then the
# node over them), so the same number of nodes is allocated at every depth. Written for refheap from the
# well-known description of the benchmark, not from any existing program, so its timings are comparable in
# shape, not identical in work, to PyPy's gcbench.
# Prints a deterministic checksum: the trees built per phase and the long-lived data's check values.


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.i = 0
        self.j = 0


def tree_nodes(depth):
    # Nodes in a complete binary tree whose leaves are `depth` levels below the root.
    return (1 << (depth + 1)) - 1


def fill_top_down(node, depth):
    # Give node two fresh children, then recurse into them.
    if depth <= 0:
        return
    node.left = Node(None, None)
    node.right = Node(None, None)
    fill_top_down(node.left, depth - 1)
    fill_top_down(node.right, depth - 1)


def build_bottom_up(depth):
    if depth <= 0:
        return Node(None, None)
    return Node(build_bottom_up(depth - 1), build_bottom_up(depth - 1))


def count(node):
    if node is None:
        return 0
    return 1 + count(node.left) + count(node.right)


def churn(depth, budget):
    # Build as many trees of this depth as fit in `budget` nodes, twice: top-down, then bottom-up.
    trees = budget // tree_nodes(depth)
    for k in range(trees):
        root = Node(None, None)
        fill_top_down(root, depth)
    for k in range(trees):
        root = build_bottom_up(depth)
    print("depth %d: %d trees top-down, %d bottom-up, last has %d nodes" % (depth, trees, trees, count(root)))


def main(stretch_depth):
    keep_depth = stretch_depth - 2
    array_len = 1 << (stretch_depth + 1)
    budget = 2 * tree_nodes(stretch_depth)

    # A throw-away tree as big as the stretch depth, to size the heap first.
    scratch = build_bottom_up(stretch_depth)
    print("stretch tree of depth %d: %d nodes" % (stretch_depth, count(scratch)))
    scratch = None

    keeper = Node(None, None)
    fill_top_down(keeper, keep_depth)
    floats = [0.0] * array_len
    for k in range(1, array_len // 2):
        floats[k] = 1.0 / k

    depth = 4
    while depth <= keep_depth:
        churn(depth, budget)
        depth += 2

    print("long-lived tree of depth %d: %d nodes" % (keep_depth, count(keeper)))
    print("long-lived array: %d floats, [1000] = %.12f" % (len(floats), floats[1000]))


TEST_SIZE = 10  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 16       # the stretch tree's depth (the classic setting is 18)

main(SIZE)
