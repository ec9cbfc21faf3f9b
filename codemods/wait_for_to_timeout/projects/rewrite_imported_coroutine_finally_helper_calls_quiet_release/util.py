RELEASED = []


def release(name):
    RELEASED.append(name)
