# bad input: indented statement without a block opener
x = 1
    y = 2
