class Refused(Exception):
    pass


ERRORS = (Refused, ValueError)
