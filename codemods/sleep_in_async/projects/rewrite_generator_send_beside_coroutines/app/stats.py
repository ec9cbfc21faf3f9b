def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def mean(values):
    gen = averager()
    next(gen)
    result = None
    for value in values:
        result = gen.send(value)
    return result
