from .slots import *  # noqa: F403
