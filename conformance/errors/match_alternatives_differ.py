# bad input: or-pattern alternatives binding different names
match [1]:
    case [1, x] | [y, 2]:
        pass
