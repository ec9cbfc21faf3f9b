from unittest import mock
import helperlib
def run():
    with mock.patch.dict(helperlib.helper.__globals__, {'LIMIT': 5}):
        print('limit', helperlib.helper())
