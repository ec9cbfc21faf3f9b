async def main():
    print("served")


if __name__ == "__main__":
    print("not run")
