def save(record):
    print("sync save", record)
