def run(c):
    c.close()
