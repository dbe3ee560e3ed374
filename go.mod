module github.com/asyncgen/asyncgen

go 1.23

require github.com/alecthomas/participle/v2 v2.1.4 // indirect
