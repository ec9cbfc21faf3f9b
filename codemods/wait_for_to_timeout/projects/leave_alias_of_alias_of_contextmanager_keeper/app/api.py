from .guards import guard as g
quiet = g
