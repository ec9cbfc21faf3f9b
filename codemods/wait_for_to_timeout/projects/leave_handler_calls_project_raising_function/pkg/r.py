def report():
    raise RuntimeError('report failed')
