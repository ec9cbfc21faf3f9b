def final(f):
    def w(*a):
        print('sync wrapper')
    return w
