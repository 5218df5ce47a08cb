while True:
    x = [1, 2, 3]
