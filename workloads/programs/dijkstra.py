# dijkstra: refheap's own implementation of the classic single-source shortest-path task: Dijkstra's
# algorithm with a binary heap (heapq's heappush/heappop, lazy deletion of stale entries) over a random
# sparse directed graph from a linear congruential generator, then the paths rebuilt from the predecessor
# map, the farthest nodes merged from two sorted runs (heapq.merge) and a bisect of the distance profile.
# Written for refheap from the textbook algorithm, not from an existing program.
# Prints a deterministic checksum: reachable nodes, the sum and maximum of the distances, path lengths.
import bisect
import heapq
from collections import defaultdict

TEST_SIZE = 300
SIZE = 200000


def lcg(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2147483648
        yield state


def make_graph(n, degree, seed):
    rnd = lcg(seed)
    graph = defaultdict(list)
    for u in range(n):
        for _ in range(degree):
            v = next(rnd) % n
            w = next(rnd) % 97 + 1
            if v != u:
                graph[u].append((v, w))
    return graph


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    heap = [(0, source)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in graph[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev


def path_to(prev, source, target):
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    path.reverse()
    return path


def main(n):
    graph = make_graph(n, 4, 42)
    dist, prev = dijkstra(graph, 0)
    far = sorted(dist.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    lengths = [len(path_to(prev, 0, node)) for node, _ in far]
    evens = sorted(d for node, d in dist.items() if node % 2 == 0)
    odds = sorted(d for node, d in dist.items() if node % 2 == 1)
    merged = list(heapq.merge(evens, odds))
    profile = sorted(dist.values())
    median = profile[len(profile) // 2]
    below = bisect.bisect_left(profile, median)
    print("reachable %d of %d" % (len(dist), n))
    print("distance sum {} max {} median {} below {}".format(sum(dist.values()), max(dist.values()), median, below))
    print("farthest", far, "path lengths", lengths)
    print("merged ok", merged == profile, len(merged), heapq.nsmallest(3, profile), heapq.nlargest(3, profile))


main(SIZE)
