import textwrap


def banner(name):
    return textwrap.dedent(name)
