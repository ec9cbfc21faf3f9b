def save(record):
    print("saved", record)
