# bad input: `:=` with a target that is not a name (invalid_named_expression)
data = [1]
if len(data) := 1:
    pass
