package value

import "testing"

// TestNextPair checks that NextPair hands out what Next would, as pairs,
// and declines the iterators whose items are not pairs.
func TestNextPair(t *testing.T) {
	d := NewDict(0)
	for i := range 3 {
		d.SetItem(nil, MakeString(string(rune('a'+i))), MakeInt(int64(i)))
	}
	xs := NewList([]Value{MakeInt(7), MakeInt(8), MakeInt(9)})
	ys := Tuple{None, True}
	for _, c := range []struct {
		name string
		it   func() Value
	}{
		{"items", func() Value { return newDictIter(d, dictItems) }},
		{"enumerate", func() Value { return &enumerateIter{it: mustIter(t, xs), n: MakeInt(5)} }},
		{"zip", func() Value { return &zipIter{its: []Iterator{mustIter(t, xs), mustIter(t, ys)}} }},
	} {
		want, err := Collect(nil, c.it())
		if err != nil {
			t.Fatal(err)
		}
		it := c.it().(PairIterator)
		for i := 0; ; i++ {
			a, b, ok, pair, err := it.NextPair(nil)
			if err != nil || !pair {
				t.Fatalf("%s: NextPair: pair %v, %v", c.name, pair, err)
			}
			if !ok {
				if i != len(want) {
					t.Errorf("%s: %d pairs, want %d", c.name, i, len(want))
				}
				break
			}
			if w := want[i].(Tuple); a != w[0] || b != w[1] {
				t.Errorf("%s: pair %d = (%v, %v), want %v", c.name, i, a, b, w)
			}
		}
	}
	for _, it := range []PairIterator{newDictIter(d, dictKeys), &zipIter{its: []Iterator{mustIter(t, xs), mustIter(t, xs), mustIter(t, xs)}}} {
		if _, _, _, pair, _ := it.NextPair(nil); pair {
			t.Errorf("%T: NextPair made a pair", it)
		}
		if _, ok, _ := it.Next(nil); !ok {
			t.Errorf("%T: the declined NextPair consumed an item", it)
		}
	}
}

func mustIter(t *testing.T, v Value) Iterator {
	it, err := Iterate(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	return it
}
