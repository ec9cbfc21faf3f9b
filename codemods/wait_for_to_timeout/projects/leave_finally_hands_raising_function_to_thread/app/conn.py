def flush():
    raise RuntimeError('flush failed')
