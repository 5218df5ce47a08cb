# id: mod_66_posix_env
# source: python/cpython:Modules/posixmodule.c (convertenviron, os_putenv_impl, os_unsetenv_impl, os_strerror_impl, os_urandom_impl, os_getpid_impl, os_cpu_count_impl, os_umask_impl, os_isatty_impl, os_device_encoding_impl, all_ins, posixmodule_exec: _have_functions, error)
# property: posix.environ is a plain dict of bytes to bytes made at import, held by the module only
#   (refcount), not updated by putenv/unsetenv (os.environ does that); the name errors of putenv;
#   strerror's texts; urandom's length and its ValueError; the ids and counts are ints; the constants
#   os.py needs (F_OK.., O_*: this platform's values); umask round trip; posix.error is OSError
import posix
import sys

env = posix.environ
print(type(env).__name__, len(env) > 0)
print(all(type(k) is bytes and type(v) is bytes for k, v in env.items()), b"PATH" in env)
print(b"MOD66_VAR" in env)
posix.putenv("MOD66_VAR", "value")
posix.putenv(b"MOD66_VAR2", b"v2")
print(b"MOD66_VAR" in posix.environ, posix.environ is env)
posix.unsetenv("MOD66_VAR")
posix.unsetenv(b"MOD66_VAR2")
for k, v in [("A=B", "x"), ("=A", "x"), (b"A=B", b"x"), ("", "x"), ("A\0", "x"), ("A", "x\0"), (1, "x"), (None, "x")]:
    try:
        posix.putenv(k, v)
    except (ValueError, OSError, TypeError) as e:
        print("putenv", type(e).__name__, e)
for k in ["A=B", "", "A\0", 2]:
    try:
        posix.unsetenv(k)
    except (ValueError, OSError, TypeError) as e:
        print("unsetenv", type(e).__name__, e)
print(posix.strerror(2), "|", posix.strerror(13), "|", posix.strerror(17), "|", posix.strerror(0))
b = posix.urandom(32)
print(type(b).__name__, len(b), sys.getsizeof(b), posix.urandom(0), len(posix.urandom(1000)))
try:
    posix.urandom(-1)
except ValueError as e:
    print("ValueError", e)
print([type(f()).__name__ for f in [posix.getpid, posix.getppid, posix.getuid, posix.geteuid, posix.getgid,
                                    posix.getegid, posix.cpu_count]])
print(posix.getpid() > 0, posix.cpu_count() >= 1)
print(posix.getcwd() == posix.getcwdb().decode(), type(posix.getcwd()).__name__, type(posix.getcwdb()).__name__)
old = posix.umask(0o27)
print(oct(posix.umask(old)))
print(posix.isatty(987), posix.device_encoding(987))
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.SEEK_DATA, posix.SEEK_HOLE)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_APPEND, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC,
      posix.O_NONBLOCK, posix.O_CLOEXEC, posix.O_DIRECTORY, posix.O_NOFOLLOW, posix.O_ACCMODE)
print(posix.WNOHANG, hasattr(posix, "SEEK_SET"), type(posix._have_functions).__name__)
print(posix.error is OSError, posix.stat_result.__name__, posix.terminal_size.__name__, posix.__name__)
try:
    posix.get_terminal_size(987)
except OSError as e:
    print(type(e).__name__, e)
