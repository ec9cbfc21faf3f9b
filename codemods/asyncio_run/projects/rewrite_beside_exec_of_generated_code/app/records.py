"""Makes small record classes from a template, as `namedtuple` once did:
the code `exec` runs is built here, never read from a file."""

TEMPLATE = """
def __init__(self, {args}):
{body}
"""


def record(name, fields):
    body = "\n".join(f"    self.{field} = {field}" for field in fields)
    code = TEMPLATE.format(args=", ".join(fields), body=body)
    namespace = {}
    exec(code, namespace)
    return type(name, (), {"__init__": namespace["__init__"]})
