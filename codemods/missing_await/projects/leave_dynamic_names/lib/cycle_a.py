from lib.cycle_b import go
