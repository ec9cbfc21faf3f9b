import dataclasses


class Shape:
    sides = 0


Point = dataclasses.make_dataclass("Point", ["x", "y"])
Labelled = dataclasses.make_dataclass("Labelled", ["label"], bases=(Shape,))
