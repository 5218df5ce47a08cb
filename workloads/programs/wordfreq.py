# wordfreq: refheap's own implementation of the classic word-frequency task: a pseudo-random text from a
# fixed vocabulary (a linear congruential generator), words counted in a defaultdict(int), grouped by
# length and by first letter in defaultdict(list)s, bigram counts keyed by tuples, the top words ranked
# with sorted() on (-count, word), and a report formatted with %, str.format and f-strings.
# Written for refheap from the task's usual description, not from an existing program.
# Prints a deterministic report: totals, the top words, the groups' sizes.
from collections import defaultdict

TEST_SIZE = 2000
SIZE = 2000000

VOCAB = ("the of and to in is that it for was on are as with his they at be this from have or by one had "
         "not but what all were when we there can an your which their said if do will each about how up out "
         "them then she many some so these would other into has more her two like him see time could no make "
         "than first been its who now people my made over did down only way find use may water long little "
         "very after words called just where most know").split()


def text(n, seed):
    state = seed
    words = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        k = (state >> 8) % len(VOCAB)
        if k % 7 == 0:
            k = k // 7  # skew towards the first words, as natural text is
        words.append(VOCAB[k])
    return words


def main(n):
    words = text(n, 7)
    counts = defaultdict(int)
    by_length = defaultdict(list)
    by_letter = defaultdict(set)
    bigrams = defaultdict(int)
    prev = None
    for w in words:
        counts[w] += 1
        if counts[w] == 1:
            by_length[len(w)].append(w)
        by_letter[w[0]].add(w)
        if prev is not None:
            bigrams[(prev, w)] += 1
        prev = w
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    print("%d words, %d distinct, %d bigrams" % (len(words), len(counts), len(bigrams)))
    for rank, (w, c) in enumerate(top, 1):
        print("{:>2}. {:<6} {:>7} {:6.2%}".format(rank, w, c, c / len(words)))
    print({k: len(v) for k, v in sorted(by_length.items())})
    letters = sorted(by_letter, key=lambda k: (-len(by_letter[k]), k))[:5]
    print(f"letters {letters} {[len(by_letter[k]) for k in letters]}")
    best = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
    print(f"top bigram {best[0][0]!r} {best[0][1]!r} x{best[1]}", sum(bigrams.values()) == len(words) - 1)
    print(counts["zebra"], "zebra" in counts, len(counts), type(counts).__name__)


main(SIZE)
