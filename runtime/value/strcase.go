package value

import (
	"strings"
	"unicode"
)

// Python's str methods use Unicode's full case mappings, where one code
// point may map to several (SpecialCasing.txt). Go's unicode package has
// only the simple mappings, so the common multi-character ones are here.
var (
	upperSpecial = map[rune]string{
		'ß': "SS", 'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL",
		'ﬅ': "ST", 'ﬆ': "ST", 'ŉ': "ʼN", 'ǰ': "J̌",
	}
	titleSpecial = map[rune]string{
		'ß': "Ss", 'ﬀ': "Ff", 'ﬁ': "Fi", 'ﬂ': "Fl", 'ﬃ': "Ffi", 'ﬄ': "Ffl",
		'ﬅ': "St", 'ﬆ': "St", 'ŉ': "ʼN", 'ǰ': "J̌",
	}
	lowerSpecial = map[rune]string{'İ': "i̇"}
	foldSpecial  = map[rune]string{
		'ß': "ss", 'ẞ': "ss", 'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl",
		'ﬅ': "st", 'ﬆ': "st", 'ς': "σ", 'İ': "i̇", 'ŉ': "ʼn",
	}
)

// caseRune writes the full mapping of r: special[r] if present, else
// simple(r).
func caseRune(b *strings.Builder, r rune, special map[rune]string, simple func(rune) rune) {
	if s, ok := special[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(simple(r))
}

func caseMap(s string, special map[rune]string, simple func(rune) rune) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		caseRune(&b, r, special, simple)
	}
	return b.String()
}

func upper(s string) string { return caseMap(s, upperSpecial, unicode.ToUpper) }

// asciiUpper and asciiLower are upper and lower for an ASCII byte.
func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	return c
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// lower is str.lower, with the final sigma rule: a capital sigma that
// ends a word (follows a cased letter, and no cased letter follows)
// becomes ς.
func lower(s string) string {
	if !strings.ContainsRune(s, 'Σ') {
		return caseMap(s, lowerSpecial, unicode.ToLower)
	}
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		if r == 'Σ' && finalSigma(runes, i) {
			b.WriteRune('ς')
			continue
		}
		caseRune(&b, r, lowerSpecial, unicode.ToLower)
	}
	return b.String()
}

func finalSigma(runes []rune, i int) bool {
	before := false
	for j := i - 1; j >= 0; j-- {
		if isCased(runes[j]) {
			before = true
			break
		}
		if !unicode.Is(unicode.Mn, runes[j]) && runes[j] != '\'' {
			break
		}
	}
	if !before {
		return false
	}
	for j := i + 1; j < len(runes); j++ {
		if isCased(runes[j]) {
			return false
		}
		if !unicode.Is(unicode.Mn, runes[j]) && runes[j] != '\'' {
			break
		}
	}
	return true
}
func casefold(s string) string { return caseMap(s, foldSpecial, unicode.ToLower) }

func title(s string) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		if prev {
			caseRune(&b, r, lowerSpecial, unicode.ToLower)
		} else {
			caseRune(&b, r, titleSpecial, unicode.ToTitle)
		}
		prev = isCased(r)
	}
	return b.String()
}

func capitalize(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i == 0 {
			caseRune(&b, r, titleSpecial, unicode.ToTitle)
		} else {
			caseRune(&b, r, lowerSpecial, unicode.ToLower)
		}
	}
	return b.String()
}

func swapcase(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caseRune(&b, r, lowerSpecial, unicode.ToLower)
		case unicode.IsLower(r):
			caseRune(&b, r, upperSpecial, unicode.ToUpper)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isCased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }
