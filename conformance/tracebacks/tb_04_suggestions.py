# id: tb_04_suggestions
# source: python/cpython:Python/suggestions.c (_Py_Offer_Suggestions, calculate_suggestions,
#   levenshtein_distance); Python/pythonrun.c (print_exception_suggestions); Objects/object.c
#   (set_attribute_error_context); Python/ceval.c (format_exc_check_arg); Lib/test/test_traceback.py
#   (SuggestionFormattingTestBase)
# property: an uncaught AttributeError or NameError ends with ". Did you mean: 'x'?" when a name close
#   enough exists: an instance attribute, a method, a module attribute, a local, a global, a builtin, a
#   case change; nothing for a name too far from all, a subclass of the two types, an exception raised
#   by hand without name/obj, or a name of more than 40 characters
import sys
import collections


class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 5

    def reload(self):
        return self


def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)


class MyError(AttributeError):
    pass


def local_typo():
    counter = 1
    return countr


def raise_own():
    raise MyError("no 'verbos' here")


def far():
    return Config().zzzzqqqq


global_value = 3
show(lambda: Config().verbos)
show(lambda: Config().relod())
show(lambda: Config().TimeOut)
show(lambda: collections.namedtupel)
show(local_typo)
show(lambda: global_valeu)
show(lambda: lenn([]))
show(raise_own)
show(far)
show(lambda: Config().a_very_long_attribute_name_that_is_longer_than_forty)
print([1].apend)
