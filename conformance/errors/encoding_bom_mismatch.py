# coding: latin-1
# bad input: a UTF-8 BOM and a coding declaration of another encoding (Parser/tokenizer.c check_coding_spec)
print(1)
