class Conn:
    def close(self):
        print('conn: close')
