# bad input: a metaclass's __prepare__ returning a mapping that is not a dict (a class body runs in a dict)
class Namespace:
    def __getitem__(self, key):
        raise KeyError(key)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Namespace()
class C(object, metaclass=Meta):
    pass
