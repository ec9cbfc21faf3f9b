def log_start():
    print("starting")
