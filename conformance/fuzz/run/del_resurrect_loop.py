keep = []
class A:
    def __del__(self):
        keep.append(self)
        A()
A()
