package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// contentHashRef is ContentHash as first written: the definition the
// streaming version must keep, byte for byte, or every stored article
// would be new again on the next ingest.
func contentHashRef(text string) string {
	norm := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

func TestContentHashSameAsJoinedFields(t *testing.T) {
	long := strings.Repeat("The Minister  met\tthe ENVOY in Baghdad.\n", 200)
	for _, text := range []string{
		"",
		"   \n\t ",
		"one",
		"  Leading and trailing  ",
		"Mixed CASE words\r\nacross\vlines\f",
		"no-break\u00a0space and next\u0085line", // spaces only unicode.IsSpace knows
		"Ünïcödé ÇAPITALS İstanbul ΣΊΣΥΦΟΣ",
		"invalid \xff\xfe bytes \xc3 here",
		"ideographic\u3000space",
		long,
		strings.Repeat("x", 5000),                // one word longer than the buffer
		strings.Repeat("é ", 700) + "\xffEND",    // multi-byte runes across the buffer's edge
		strings.Repeat("ab\u2028", 600),          // a line separator is a space
		"tab\tand\u200bzero-width (not a space)", // U+200B is not a space
	} {
		if got, want := ContentHash(text), contentHashRef(text); got != want {
			t.Errorf("ContentHash(%.40q) = %s, want %s", text, got, want)
		}
	}
}

func FuzzContentHash(f *testing.F) {
	f.Add("The President said on Monday.")
	f.Add("a\u00a0b\xffC")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := ContentHash(text), contentHashRef(text); got != want {
			t.Fatalf("ContentHash(%q) = %s, want %s", text, got, want)
		}
	})
}

// BenchmarkContentHash compares the streaming hash with the reference on
// an invented ~4.9 KB article (the size of the issue 16 corpus).
func BenchmarkContentHash(b *testing.B) {
	text := strings.Repeat("The foreign minister said on Monday that talks with the envoy would resume.\n\n", 64)
	for _, c := range []struct {
		name string
		fn   func(string) string
	}{{"streaming", ContentHash}, {"joined", contentHashRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.fn(text)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
