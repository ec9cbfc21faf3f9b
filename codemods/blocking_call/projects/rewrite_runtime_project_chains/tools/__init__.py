from .io import read_config

__all__ = ["read_config"]
