# bad input: one name captured twice in a pattern
match [1, 2]:
    case [x, {"k": x}]:
        pass
