from builtins import Exception as Failure
