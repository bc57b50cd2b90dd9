package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// binaryMagic are file signatures of formats that are not text pages. PDF is
// refused for now: its text needs a real parser, not byte decoding.
var binaryMagic = []struct {
	sig  string
	name string
}{
	{"%PDF-", "PDF"},
	{"\x1f\x8b", "gzip"},
	{"PK\x03\x04", "zip"},
	{"\x89PNG\r\n\x1a\n", "PNG"},
	{"\xff\xd8\xff", "JPEG"},
	{"GIF87a", "GIF"},
	{"GIF89a", "GIF"},
	{"BZh", "bzip2"},
	{"\xfd7zXZ\x00", "xz"},
	{"7z\xbc\xaf\x27\x1c", "7z"},
	{"\x7fELF", "ELF"},
	{"RIFF", "RIFF"},
	{"\x00\x00\x01\x00", "ICO"},
	{"wOFF", "WOFF"},
	{"wOF2", "WOFF2"},
	{"OggS", "Ogg"},
	{"ID3", "MP3"},
}

// sniffBinary names the binary format of b, or returns "" for text. UTF-16
// text is full of NUL bytes, so it is recognised before the NUL test.
func sniffBinary(b []byte) string {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, []byte(m.sig)) {
			return m.name
		}
	}
	if utf16Order(b) != nil {
		return ""
	}
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "data with NUL bytes"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctrl++
		}
	}
	if len(head) > 0 && ctrl*10 > len(head) {
		return "data with control characters"
	}
	return ""
}

// utf16Order recognises UTF-16 by its BOM or, without one, by NUL bytes
// falling on the same side of most code units (ASCII-range text).
func utf16Order(b []byte) encoding.Encoding {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) {
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	if bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	n := len(b) &^ 1
	if n > 1024 {
		n = 1024
	}
	if n < 8 {
		return nil
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*10 >= units*7 && even*20 <= units:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 >= units*7 && odd*20 <= units:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// decode turns raw bytes of any charset into valid UTF-8, returning the
// charset name it used. Order: UTF-16/BOM, declared charset (header or
// <meta>), mostly-valid UTF-8 (repaired), statistical guess.
func decode(b []byte, contentType string) (string, string) {
	if enc := utf16Order(b); enc != nil {
		if s, err := decodeWith(enc, b); err == nil {
			return s, "utf-16"
		}
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		return strings.ToValidUTF8(string(b[3:]), "\uFFFD"), "utf-8"
	}
	// Valid UTF-8 with non-ASCII letters is UTF-8 whatever the page
	// declares: legacy-charset bytes almost never form valid sequences, and
	// re-saved pages keep their stale <meta charset>.
	if utf8.Valid(b) && hasMultibyte(b) {
		return string(b), "utf-8"
	}
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	if certain || hasMetaCharset(b) {
		if name == "utf-8" {
			return strings.ToValidUTF8(string(b), "\uFFFD"), name
		}
		if s, err := decodeWith(enc, b); err == nil {
			return s, name
		}
	}
	if mostlyUTF8(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8"
	}
	if r, err := chardet.NewTextDetector().DetectBest(b); err == nil && r.Confidence >= 30 {
		if e, n := charset.Lookup(r.Charset); e != nil {
			if s, err := decodeWith(e, b); err == nil {
				return s, n
			}
		}
	}
	if s, err := decodeWith(enc, b); err == nil {
		return s, name
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8"
}

// hasMetaCharset reports a charset declared in the first 1 KB of an HTML
// page; DetermineEncoding returns such a declaration as "uncertain".
func hasMetaCharset(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	return bytes.Contains(bytes.ToLower(b), []byte("charset="))
}

// mostlyUTF8 accepts text that is UTF-8 with a few broken bytes (a
// truncated or spliced scrape) so it is repaired rather than re-read as a
// legacy 8-bit charset, which would garble every non-ASCII letter.
func mostlyUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	good, bad := 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good++
		}
		b = b[size:]
	}
	return good > 0 && bad*4 <= good
}

func decodeWith(e encoding.Encoding, b []byte) (string, error) {
	out, _, err := transform.Bytes(e.NewDecoder(), b)
	if err != nil {
		return "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
