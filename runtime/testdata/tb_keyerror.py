def lookup(d, k):
    return d[k]

def main():
    return lookup({}, "x")

main()
