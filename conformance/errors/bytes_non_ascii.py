# bad input: a non-ASCII character in a bytes literal (Parser/string_parser.c decode_bytes_with_escapes)
y = 1
z = b"café"
