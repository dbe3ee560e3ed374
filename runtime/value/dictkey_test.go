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
			got, ok := d.GetKey(k, &h)
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
			d.GetKey(k, &h)
		}
	})
	b.Run("probe", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			d.strEntry(k.name, k.h)
		}
	})
}
