# id: mod_82_logging
# source: python/cpython:Lib/logging/__init__.py (basicConfig, getLogger, Manager.getLogger, Logger._log/makeRecord/handle/callHandlers, LogRecord.__init__/getMessage, Formatter.format/formatException/usesTime, PercentStyle/StrFormatStyle/StringTemplateStyle, Handler.__init__/handle/format, StreamHandler.emit, LoggerAdapter, addLevelName, disable, _handlers WeakValueDictionary, shutdown); Lib/traceback.py (print_exception); Lib/weakref.py (WeakValueDictionary)
# property: `import logging` (over Lib's weakref, threading.RLock, os.getpid, time.time_ns, sys._getframe, traceback, string.Template): basicConfig
#   with a level, a format and a stream; loggers by dotted name sharing a hierarchy; %-args, exception() / exc_info with the traceback;
#   a Handler subclass; StreamHandler(sys.stdout) and over a StringIO; FileHandler; a Filter; the three format styles; levels, propagation, disable; the handler registry is a
#   WeakValueDictionary whose entries leave with their handler
import io
import logging
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class CleanFormatter(logging.Formatter):
    """the traceback without this directory's absolute path (__main__.__file__ is absolute in 3.9+)"""

    def formatException(self, ei):
        return super().formatException(ei).replace(HERE, "")


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
logging.getLogger().handlers[0].setFormatter(CleanFormatter("%(levelname)s:%(name)s:%(message)s"))
log = logging.getLogger("app")
log.info("hello %s %d", "world", 3)
log.warning("warn %r", [1, 2])
log.debug("not shown")
logging.error("root error %.2f", 1.5)
print(logging.getLogger("app") is log, log.parent is logging.getLogger(), log.getEffectiveLevel(), log.level)


def inner(v):
    raise ValueError("bad value %r" % (v,))


def outer():
    inner(3)


try:
    outer()
except ValueError:
    log.exception("failed: %s", "inner")

sub = logging.getLogger("app.sub")
lh = ListHandler()
lh.setFormatter(logging.Formatter("[%(levelname)s] %(name)s %(funcName)s:%(lineno)d %(module)s %(filename)s %(message)s"))
sub.addHandler(lh)
sub.setLevel(logging.WARNING)
sub.info("below the level")
sub.error("shown %d", 42)


def in_function():
    sub.critical("from a function")


in_function()
print(lh.records)
print(sub.parent is log, sub.getEffectiveLevel(), sub.isEnabledFor(logging.INFO), sub.hasHandlers())

other = logging.getLogger("other")
other.propagate = False
sh = logging.StreamHandler(sys.stdout)
sh.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
other.addHandler(sh)
other.warning("brace %s", "style")
sh.setFormatter(logging.Formatter("$levelname|$name|$message", style="$"))
other.warning("dollar style")
other.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
other.log(25, "custom level named")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(33))
logging.disable(logging.CRITICAL)
other.critical("disabled")
logging.disable(logging.NOTSET)
adapter = logging.LoggerAdapter(other, {"user": "u1"})
adapter.warning("via adapter")
print(sh.level, repr(sh.terminator), sh.name, logging.StreamHandler().stream is sys.stderr)

# a handler writing to a StringIO, a FileHandler (io.text_encoding's "locale"), a Filter rewriting records
class Upper(logging.Filter):
    def filter(self, record):
        record.msg = record.msg.replace("both", "BOTH")
        return "skip" not in record.msg


buf = io.StringIO()
files = logging.getLogger("files")
files.propagate = False
files.addHandler(logging.StreamHandler(buf))
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "run.log")
fh = logging.FileHandler(path)
fh.setFormatter(logging.Formatter("%(name)s %(levelno)d %(message)s"))
files.addHandler(fh)
files.addFilter(Upper())
files.warning("to both %s", "sinks")
files.warning("skip this one")
fh.close()
with open(path) as f:
    print(repr(f.read()), repr(buf.getvalue()))
os.remove(path)
os.rmdir(tmp)
rec = logging.makeLogRecord({"msg": "hi %s", "args": ("there",), "levelno": 20, "levelname": "INFO"})
print(rec.getMessage(), rec.levelname, rec.name)

# named handlers live in logging._handlers, a WeakValueDictionary
named = ListHandler()
named.name = "mine"
print(type(logging._handlers).__name__, "mine" in logging._handlers, logging.getHandlerByName("mine") is named
      if hasattr(logging, "getHandlerByName") else logging._handlers["mine"] is named)
del named
print("mine" in logging._handlers)
logging.shutdown()
print("done")
