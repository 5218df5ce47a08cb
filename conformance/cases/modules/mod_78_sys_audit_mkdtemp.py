# id: mod_78_sys_audit_mkdtemp
# source: python/cpython:Python/sysmodule.c (sys_audit: the missing-event TypeError, None without hooks before the event's type is looked at); Lib/tempfile.py (mkdtemp: _sys.audit("tempfile.mkdtemp", file), _RandomNameSequence, _get_candidate_names); Lib/test/test_audit.py
# property: sys.audit(event, *args) is a built-in returning None when no audit hook is installed (any
#   event object; keywords and a missing event are TypeErrors); so tempfile.mkdtemp() runs: it makes a new
#   directory "tmp" + 8 random characters under the temporary directory, and prefix/suffix/dir are used
import os
import sys
import tempfile

print(sys.audit, sys.audit("refheap.event", 1, [2]), sys.audit(1), sys.audit("only"))
for call in (lambda: sys.audit(), lambda: sys.audit("e", k=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
d = tempfile.mkdtemp()
name = os.path.basename(d)
print(os.path.isdir(d), os.path.dirname(d) == tempfile.gettempdir(), name[:3], len(name),
      all(c in "abcdefghijklmnopqrstuvwxyz0123456789_" for c in name[3:]))
inner = tempfile.mkdtemp(suffix=".d", prefix="rh_", dir=d)
base = os.path.basename(inner)
print(os.path.dirname(inner) == d, base[:3], base[-2:], len(base), os.listdir(d) == [base])
os.rmdir(inner)
os.rmdir(d)
print(os.path.exists(d))
