package value

import "testing"

// TestKeyHint checks GetKey and SetKey against GetString through hints
// that point anywhere, including at other keys and deleted entries.
func TestKeyHint(t *testing.T) {
	d := NewDict(0)
	names := []string{"total", "i", "print", "x", "y"}
	for i, n := range names {
		d.SetString(n, MakeInt(int64(i)))
	}
	if _, _, err := d.Delete(nil, MakeString("x")); err != nil {
		t.Fatal(err)
	}
	for _, n := range append(names, "missing") {
		k := MakeKey(n)
		for start := int32(-1); start < 8; start++ {
			var h Hint
			h.e.Store(start)
			want, wantOK := d.GetString(n)
			got, ok := d.GetKey(&k, &h)
			if ok != wantOK || got != want {
				t.Errorf("GetKey(%q) with hint %d = %v, %v; want %v, %v", n, start, got, ok, want, wantOK)
			}
		}
	}
	var h Hint
	if err := d.SetKey(nil, MakeKey("x"), &h, MakeInt(9)); err != nil {
		t.Fatal(err)
	}
	if err := d.SetKey(nil, MakeKey("total"), &h, MakeInt(7)); err != nil {
		t.Fatal(err)
	}
	if v, _ := d.GetString("x"); v != MakeInt(9) {
		t.Errorf("x = %v after SetKey, want 9", v)
	}
	if v, _ := d.GetString("total"); v != MakeInt(7) {
		t.Errorf("total = %v after SetKey, want 7", v)
	}
	if d.Len() != len(names) {
		t.Errorf("len = %d, want %d", d.Len(), len(names))
	}
}

func BenchmarkGetKey(b *testing.B) {
	d := NewDict(0)
	for _, n := range []string{"total", "i", "range", "print", "a", "b", "c"} {
		d.SetString(n, None)
	}
	k := MakeKey("total")
	b.Run("hint", func(b *testing.B) {
		var h Hint
		for i := 0; i < b.N; i++ {
			d.GetKey(&k, &h)
		}
	})
	b.Run("hint-other-bytes", func(b *testing.B) {
		k := MakeKey(string([]byte("total")))
		var h Hint
		for i := 0; i < b.N; i++ {
			d.GetKey(&k, &h)
		}
	})
	b.Run("probe", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			d.strEntry(k.name, k.h)
		}
	})
}

// TestKeyHintEqualBytes checks the hint's first test, which compares the
// data pointers of names: a key equal by value but stored from other bytes
// (a name made at run time) is found too, and bytes shared with a longer
// or shorter name are not taken for it.
func TestKeyHintEqualBytes(t *testing.T) {
	long := string([]byte("names")) // made at run time
	d := NewDict(0)
	d.SetString(long[:4], MakeInt(1)) // "name", sharing the bytes of long
	d.SetString(long, MakeInt(2))
	for _, tc := range []struct {
		key  string
		want Value
	}{
		{"name", MakeInt(1)},               // other bytes, equal
		{long[:4], MakeInt(1)},             // the very bytes
		{long, MakeInt(2)},                 // the bytes of "name", longer
		{long[:3], nil},                    // the same bytes, shorter, absent
		{string([]byte(long)), MakeInt(2)}, // other bytes, equal
	} {
		k := MakeKey(tc.key)
		for start := int32(0); start < 2; start++ {
			var h Hint
			h.e.Store(start)
			got, ok := d.GetKey(&k, &h)
			if ok != (tc.want != nil) || got != tc.want {
				t.Errorf("GetKey(%q) with hint %d = %v, %v; want %v", tc.key, start, got, ok, tc.want)
			}
		}
	}
}

// TestKeyHintCollision checks GetKey and SetKey when keys share their
// hash: the hint may point at an entry with k's hash and not k, even one
// whose name starts at the same bytes.
func TestKeyHintCollision(t *testing.T) {
	const h = 12345
	d := NewDict(0)
	abc := string([]byte("abc"))
	names := []string{abc[:2], abc, "b"}
	for i, n := range names {
		if err := d.set(nil, MakeString(n), h, MakeInt(int64(i))); err != nil {
			t.Fatal(err)
		}
	}
	key := func(n string) Key { return Key{n, MakeString(n), h} }
	for i, n := range names {
		for start := int32(0); start < 3; start++ {
			var hint Hint
			hint.e.Store(start)
			k := key(n)
			if got, ok := d.GetKey(&k, &hint); !ok || got != MakeInt(int64(i)) {
				t.Errorf("GetKey(%q) with hint %d = %v, %v; want %d", n, start, got, ok, i)
			}
		}
	}
	var hint Hint
	a := key(abc[:1])
	if _, ok := d.GetKey(&a, &hint); ok {
		t.Errorf("GetKey(%q) found a key that collides with it", "a")
	}
	if err := d.SetKey(nil, key(abc[:1]), &hint, MakeInt(9)); err != nil {
		t.Fatal(err)
	}
	if err := d.SetKey(nil, key("abc"), &hint, MakeInt(8)); err != nil {
		t.Fatal(err)
	}
	want := "{'ab': 0, 'abc': 8, 'b': 2, 'a': 9}"
	if got, err := Repr(nil, d); err != nil || got != want {
		t.Errorf("after SetKey: %s, want %s", got, want)
	}
}

// TestSmallDicts checks the dicts NewDict makes in one piece with their
// arrays, at each size and as they grow past their room and shrink.
func TestSmallDicts(t *testing.T) {
	for size := 0; size <= 7; size++ {
		d := NewDict(size)
		for i := range 12 {
			if err := d.SetItem(nil, Int(i), Int(i*i)); err != nil {
				t.Fatal(err)
			}
			for j := 0; j <= i; j++ {
				if v, ok, _ := d.Get(nil, Int(j)); !ok || v != Int(j*j) {
					t.Fatalf("NewDict(%d) after %d items: d[%d] = %v, %v", size, i+1, j, v, ok)
				}
			}
		}
		for i := range 12 {
			if _, ok, _ := d.Delete(nil, Int(i)); !ok {
				t.Fatalf("NewDict(%d): del d[%d] missed", size, i)
			}
		}
		if d.Len() != 0 {
			t.Fatalf("NewDict(%d): %d items left", size, d.Len())
		}
	}
	if n := testing.AllocsPerRun(100, func() { NewDict(3) }); n != 1 {
		t.Errorf("NewDict(3): %v allocations, want 1", n)
	}
}
