from . import nest as _nest  # noqa
