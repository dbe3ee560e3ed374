package value

import (
	"strings"
	"testing"
	"unsafe"
)

// TestIntern checks that a name of compiled code is the very copy that a
// Go table's key holds, and that other names are one copy each too.
func TestIntern(t *testing.T) {
	d := NewDict(0)
	d.SetName(strings.Clone("intern_test_name"), None)
	key := d.Keys()[0].(String).String()
	if got := Intern(strings.Clone("intern_test_name")); unsafe.StringData(got) != unsafe.StringData(key) {
		t.Errorf("Intern of a Go table's name is not the table's copy")
	}
	a, b := Intern(strings.Clone("intern_test_other")), Intern(strings.Clone("intern_test_other"))
	if a != "intern_test_other" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("Intern(%q) twice gave two copies", a)
	}
}
