def lines_of(path):
    with open(path) as f:
        return f.readlines()
