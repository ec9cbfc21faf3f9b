def instrument(obj):
    d = vars(obj)
    d['flush'] = lambda: print('instrumented sync flush')
    return obj
