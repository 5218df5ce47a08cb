# bad input: 2.x's `raise type, value` is a syntax error in 3.x
raise ValueError, "message"
