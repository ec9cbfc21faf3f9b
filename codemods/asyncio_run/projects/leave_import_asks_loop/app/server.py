async def main():
    print("ran")
