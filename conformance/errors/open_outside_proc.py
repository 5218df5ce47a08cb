# open() serves only /proc/self/* read-only
f = open("/etc/passwd")
