import typing


def final(f):
    def w(*a):
        print('sync wrapper')
    return w


typing.final = final
