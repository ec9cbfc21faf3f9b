def cleanup():
    print('cleanup')
    return 1 / 0
