# bad input: a wildcard before other cases
match 1:
    case [1] | _:
        pass
    case 2:
        pass
