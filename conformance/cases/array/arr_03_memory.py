# id: arr_03_memory
# source: python/cpython:Modules/arraymodule.c (array_resize, newarrayobject, array_array___sizeof___impl, array_repeat, array_concat, array_array_fromlist, array_inplace_repeat, array_del_slice, arrayiter_next); Lib/test/test_sys.py:SizeofTest (array)
# property: sys.getsizeof of arrays counts the allocated items, grown by array_resize's over-allocation (newsize/16 + 3 below 8 items, else + 7) and kept until 16 or more items too many; constructors and +, * allocate exactly; arrays and their iterators are GC-tracked (3.10+ heap types) while holding no objects; an item read is a fresh int or float, the array keeps no references; the iterator drops the array when exhausted
import array, gc, sys
for tc in 'bBuhHiIlLqQfd':
    print(tc, sys.getsizeof(array.array(tc)), sys.getsizeof(array.array(tc, [0] if tc != 'u' else 'a')))
a = array.array('d')
sizes = []
for i in range(70):
    a.append(1.0)
    sizes.append(sys.getsizeof(a))
print(sizes)
shrink = []
while len(a):
    a.pop()
    shrink.append(sys.getsizeof(a))
print(shrink)
b = array.array('i', range(10))
print(sys.getsizeof(b), sys.getsizeof(b + b), sys.getsizeof(b * 3), sys.getsizeof(b[2:5]), sys.getsizeof(array.array('B', [0]) * 1000))
b.extend(range(20))
print(sys.getsizeof(b))
b.fromlist(list(range(30)))
print(sys.getsizeof(b))
b *= 2
print(sys.getsizeof(b), len(b))
del b[:]
print(sys.getsizeof(b), len(b))
b.insert(0, 1)
print(sys.getsizeof(b))
c = array.array('u', 'hello')
c.fromunicode(' world')
print(sys.getsizeof(c), c)
print(gc.is_tracked(array.array('d')), gc.is_tracked(array.array('d', [1.0])), gc.is_tracked(iter(array.array('d'))))
x = array.array('d', [1.5, 2.5])
print(sys.getrefcount(x), gc.get_referents(x), x[0] is x[0])
it = iter(x)
print(sys.getrefcount(x), next(it), next(it))
print(list(it), sys.getrefcount(x))
