def force(m, v):
    m.ATimeout = v
