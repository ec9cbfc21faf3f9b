from lib.cycle_a import go
