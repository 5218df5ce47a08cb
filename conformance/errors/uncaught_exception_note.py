e = ValueError("bad value")
e.add_note("while reading row 3")
raise e
