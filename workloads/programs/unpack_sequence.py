# unpack_sequence: refheap's own implementation of the classic unpack-sequence micro-benchmark (the shape of
# pyperformance's bm_unpack_sequence): a loop whose body is nothing but unpacking assignments of a
# ten-element tuple, then the same of a ten-element list, into ten names. Written for refheap from the
# well-known description of the workload, not from any existing program, so its timings are comparable
# in shape, not identical in work, to pyperformance's.
# Prints a deterministic checksum: a sum of the unpacked names, per kind of sequence.


def unpack_many(seq, loops):
    # 20 unpackings per pass; each reads the names the previous one wrote, so none is dead.
    total = 0
    for n in range(loops):
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 = seq
        r9, r8, r7, r6, r5, r4, r3, r2, r1, r0 = seq
        total += q0 + q9 + r0 + r9
    return total


def run(loops):
    as_tuple = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    as_list = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    return [unpack_many(as_tuple, loops), unpack_many(as_list, loops)]


TEST_SIZE = 100  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 500000    # passes (each does 20 unpackings of a tuple, then the same of a list)

result = run(SIZE)
print("tuple %d, list %d" % (result[0], result[1]))
