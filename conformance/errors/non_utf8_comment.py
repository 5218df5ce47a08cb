# bad input: a byte that is not UTF-8 in a comment, no coding declaration (PEP 263; Parser/tokenizer.c decoding_fgets, valid_utf8)
x = 1
# café
print(x)
