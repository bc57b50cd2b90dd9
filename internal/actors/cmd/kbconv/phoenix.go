package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
)

// phxEntry is one actor of a TABARI .actors file.
type phxEntry struct {
	name    string   // TABARI form, "HAMID_KARZAI_"
	aliases []string // TABARI forms
	codes   []phxCode
}

type phxCode struct {
	code     string // CAMEO actor code
	from, to string // YYYYMMDD or ""
}

var (
	codeRe = regexp.MustCompile(`\[([A-Z~]+)\s*([^\]]*)\]`)
	dateRe = regexp.MustCompile(`^\d+$`)
)

// parsePhoenix reads a TABARI actors file: a root name line, "+alias"
// lines, and "[CODE window]" codes inline or on indented lines.
func parsePhoenix(b []byte, file string) ([]*phxEntry, error) {
	var out []*phxEntry
	var cur *phxEntry
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := raw
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		codes := codeRe.FindAllStringSubmatch(line, -1)
		text := strings.TrimSpace(codeRe.ReplaceAllString(line, ""))
		switch {
		case strings.HasPrefix(text, "+"):
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: alias before any actor", file, n)
			}
			// a lost newline joined two aliases ("…AL_ISLAMI+_ISLAMIC_ADEN_ARMY_")
			for _, a := range strings.Split(text[1:], "+") {
				if a = strings.TrimSpace(a); a != "" {
					cur.aliases = append(cur.aliases, a)
				}
			}
		case text != "" && raw[0] != ' ' && raw[0] != '\t':
			cur = &phxEntry{name: text}
			out = append(out, cur)
		}
		for _, c := range codes {
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: code before any actor", file, n)
			}
			pc, err := parseCode(c[1], strings.TrimSpace(c[2]), cur)
			if err != nil {
				slog.Warn("phoenix date", "file", filepath.Base(file), "line", n, "err", err)
			}
			cur.codes = append(cur.codes, pc)
		}
	}
	// an actor line without codes shares the codes of the line before it
	// ("UN_ [IGOUNO]" then "U.N._")
	for i, e := range out {
		if len(e.codes) == 0 && i > 0 {
			e.codes = out[i-1].codes
		}
	}
	return out, sc.Err()
}

// parseCode reads "[IRQGOV 040628-050407]", "[IRQGOV >20130815]",
// "[IRQ <20030320]" or "[ELI]" (a bare sector takes the actor's country).
func parseCode(code, window string, e *phxEntry) (phxCode, error) {
	if len(code) == 3 && len(e.codes) > 0 {
		if _, sec := actors.CAMEOActor("XXX" + code); len(sec) > 0 {
			code = e.codes[0].code[:3] + code
		}
	}
	pc := phxCode{code: code}
	if window == "" {
		return pc, nil
	}
	var from, to string
	switch {
	case strings.HasPrefix(window, ">"):
		from = window[1:]
	case strings.HasPrefix(window, "<"):
		to = window[1:]
	default:
		var ok bool
		from, to, ok = strings.Cut(window, "-")
		if !ok {
			return pc, fmt.Errorf("%s: bad window %q", code, window)
		}
	}
	var err1, err2 error
	pc.from, err1 = normDate(strings.TrimSpace(from))
	pc.to, err2 = normDate(strings.TrimSpace(to))
	if err1 != nil {
		return pc, fmt.Errorf("%s %s: %w", code, window, err1)
	}
	if err2 != nil {
		return pc, fmt.Errorf("%s %s: %w", code, window, err2)
	}
	return pc, nil
}

// normDate turns TABARI dates into YYYYMMDD: six digits with two-digit
// years 00–30 as 20YY (others 19YY), eight digits as they are, and ten
// digits starting with a stray "19" (the IRAQ_ entry) without it.
func normDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if !dateRe.MatchString(s) {
		return "", fmt.Errorf("bad date %q", s)
	}
	switch len(s) {
	case 6:
		if s[:2] <= "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 10:
		s = strings.TrimPrefix(s, "19")
	}
	if len(s) != 8 {
		return "", fmt.Errorf("bad date %q", s)
	}
	if _, err := time.Parse("20060102", s); err != nil {
		return "", fmt.Errorf("bad date %q", s)
	}
	return s, nil
}
