package cameoverbs

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/internal/lexicon"
)

// WriteYAML writes entries in the lexicon's one-line flow style, after a
// header of comment lines.
func WriteYAML(w io.Writer, header string, entries []*lexicon.Entry) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		bw.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	bw.WriteString("\n")
	for _, e := range entries {
		var f []string
		f = append(f, "verb: "+scalar(e.Verb))
		if len(e.Forms) > 0 {
			f = append(f, "forms: "+list(e.Forms))
		}
		f = append(f, "event: "+e.Event)
		if e.Mode != "" {
			f = append(f, "mode: "+e.Mode)
		}
		if e.CAMEO != "" {
			f = append(f, "cameo: "+strconv.Quote(e.CAMEO))
		}
		if len(e.Object) > 0 {
			f = append(f, "object: "+list(e.Object))
		}
		if len(e.RecipientPrep) > 0 {
			f = append(f, "recipient_prep: "+list(e.RecipientPrep))
		}
		f = append(f, "source: cameo")
		bw.WriteString("- {" + strings.Join(f, ", ") + "}\n")
	}
	return bw.Flush()
}

func list(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = scalar(w)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// scalar quotes a word unless it is plain lower-case letters and spaces and
// not a word YAML could read as something else.
func scalar(s string) string {
	switch s {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return strconv.Quote(s)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == ' ' || r == '-') {
			return strconv.Quote(s)
		}
	}
	if s == "" || s[0] == '-' {
		return strconv.Quote(s)
	}
	return s
}
