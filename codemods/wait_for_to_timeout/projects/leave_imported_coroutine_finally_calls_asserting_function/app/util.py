def cleanup():
    print('cleanup')
    assert False, 'not clean'
