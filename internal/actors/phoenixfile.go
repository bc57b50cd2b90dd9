package actors

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// PhoenixActor is one entry of an actors dictionary in the TABARI/PETRARCH
// text format (PETRARCH2's PETR.Validate.actors.txt, Phoenix.*.actors.txt):
// what a user's own dictionary in that format holds before it is written
// as knowledge-base files.
type PhoenixActor struct {
	Name    string // as written, "SAM_GAMGEE"; PhoenixName makes it readable
	Aliases []string
	Codes   []PhoenixCode
}

// PhoenixCode is one CAMEO actor code of an entry and the days it holds.
type PhoenixCode struct {
	Code     string    // "HOBGOV"
	From, To time.Time // To is exclusive, as in Role; zero = open
}

var phxCodeRe = regexp.MustCompile(`\[\s*([A-Za-z0-9~/+#-]+)\s*([^\]]*)\]`)

// ParsePhoenixActors reads the TABARI format: a name line, "+ALIAS" lines,
// and "[CODE window]" blocks inline or on indented lines; "#" starts a
// comment and "<!-- -->" lines are skipped. "---" and "+++" codes (do not
// code) are dropped, of "ELR/GAL" the first code is kept, and a bare sector
// ("[ELI]") takes the country of the entry's first code.
func ParsePhoenixActors(r io.Reader) ([]PhoenixActor, error) {
	var out []PhoenixActor
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line, _, _ := strings.Cut(raw, "#")
		if t := strings.TrimSpace(line); t == "" || t[0] == '<' {
			continue
		}
		text := strings.TrimSpace(phxCodeRe.ReplaceAllString(line, ""))
		switch {
		case strings.HasPrefix(text, "+"):
			if len(out) == 0 {
				return nil, fmt.Errorf("line %d: alias before any actor", n)
			}
			out[len(out)-1].Aliases = append(out[len(out)-1].Aliases, strings.TrimSpace(text[1:]))
		case text != "" && raw[0] != ' ' && raw[0] != '\t':
			out = append(out, PhoenixActor{Name: text})
		}
		for _, m := range phxCodeRe.FindAllStringSubmatch(line, -1) {
			code, _, _ := strings.Cut(strings.ToUpper(m[1]), "/")
			if len(out) == 0 || strings.Trim(code, "-+") == "" {
				continue
			}
			cur := &out[len(out)-1]
			if _, sec := CAMEOActor("XXX" + code); len(code) == 3 && len(sec) > 0 && len(cur.Codes) > 0 {
				code = cur.Codes[0].Code[:3] + code
			}
			c, err := phoenixWindow(code, strings.ReplaceAll(m[2], " ", ""))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			cur.Codes = append(cur.Codes, c)
		}
	}
	return out, sc.Err()
}

// phoenixWindow reads "<950601", ">990816" and "19950601-19990815" (both
// days included); six-digit years 00–30 are 20YY.
func phoenixWindow(code, w string) (PhoenixCode, error) {
	c := PhoenixCode{Code: code}
	day := func(s string) (time.Time, error) {
		if len(s) == 6 {
			if s[:2] <= "30" {
				s = "20" + s
			} else {
				s = "19" + s
			}
		}
		return time.Parse("20060102", s)
	}
	var err error
	switch {
	case w == "":
	case w[0] == '<':
		c.To, err = day(w[1:])
	case w[0] == '>':
		c.From, err = day(w[1:])
	default:
		from, to, _ := strings.Cut(w, "-")
		if c.From, err = day(from); err == nil {
			c.To, err = day(to)
			c.To = c.To.AddDate(0, 0, 1)
		}
	}
	if err != nil {
		return c, fmt.Errorf("%s: bad window %q", code, w)
	}
	return c, nil
}

// PhoenixName turns a TABARI name into the form the KB registers,
// "RADAGAST THE_BROWN" → "Radagast the Brown": Scan requires a capital
// wherever the registered name has one, so words are capitalised and
// inner particles left lower case; dotted acronyms ("U.S.") stay as they are.
func PhoenixName(s string) string {
	words := strings.Fields(strings.ReplaceAll(s, "_", " "))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && (lw == "the" || lw == "of" || lw == "and"):
			words[i] = lw
		case strings.Contains(w, "."):
		default:
			words[i] = strings.ToUpper(lw[:1]) + lw[1:]
		}
	}
	return strings.Join(words, " ")
}
