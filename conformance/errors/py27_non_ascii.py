from __future__ import print_function
# bad input under py27: a non-ASCII character with no coding declaration (2.7 Parser/tokenizer.c decoding_fgets)
print("café")
