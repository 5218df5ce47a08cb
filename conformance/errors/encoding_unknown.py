# coding: no-such-codec
# bad input: a coding declaration no codec has (Parser/tokenizer.c check_coding_spec: "encoding problem")
print(1)
