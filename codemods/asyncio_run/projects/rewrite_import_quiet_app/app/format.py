import textwrap


def banner(name, width=2):
    """A quiet function: it calls builtins and the standard library only."""
    line = "=" * (len(name) + width * 2)
    return textwrap.dedent(f"{line}\n{name:^{len(line)}}\n{line}")
