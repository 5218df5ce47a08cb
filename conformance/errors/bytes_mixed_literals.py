# bad input: bytes and str literals side by side (Parser/action_helpers.c _PyPegen_concatenate_strings)
x = b"ab" "cd"
