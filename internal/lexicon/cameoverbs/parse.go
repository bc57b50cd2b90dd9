// Package cameoverbs converts a PETRARCH/TABARI CAMEO verb-pattern
// dictionary (CAMEO.verbpatterns.*.txt) into dyad lexicon entries: each verb
// block's verbs and patterns, with the CAMEO codes mapped to PLOVER types and
// modes through the project's crosswalk (internal/plover).
//
// The dictionary format (PETRARCH docs, "Verb Dictionary"): synonym sets
// (`&NAME` followed by `+PHRASE` lines), then verb blocks. A block starts
// with `--- NAME [CODE] ---`, lists verbs (`VERB {FORMS} [CODE]`, a `+` and
// underscores for multi-word verbs: `+STEP_IN`) and patterns
// (`- PRE * POST [CODE] # VERB <coder date>`), where `*` is the verb, `$` the
// source, `+` the target, `%` a compound actor, `^` a skipped noun phrase
// and `&NAME` a synonym set. A verb without its own code takes the block's;
// `---` is the null code (no event).
package cameoverbs

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Dict is a parsed verb-pattern dictionary.
type Dict struct {
	Synsets map[string][]string // name without & and trailing _ → phrases (lower case)
	Blocks  []*Block
	// Malformed are the pattern and verb lines that could not be read
	// (no code, unclosed brackets), skipped with their line numbers.
	Malformed []string
}

// Block is one verb block.
type Block struct {
	Name     string
	Code     string // the block's code; "---" or "" when none
	Verbs    []*Verb
	Patterns []*Pattern
	Line     int
}

// Verb is one verb line of a block.
type Verb struct {
	Lemma  string   // lower case, words separated by spaces
	Forms  []string // explicit forms ({…}); nil when none given, empty for {}
	Braces bool     // forms were given, possibly empty
	Code   string   // own code, "" when it takes the block's
	Line   int
}

// Pattern is one `- … * … [code]` line.
type Pattern struct {
	Pre, Post []string // tokens before and after the verb marker (upper case as written)
	Code      string   // first code of the brackets ("036" of "036:036"); "---" for none
	Verbs     []string // verb lemmas named in the comment, lower case
	Line      int
	Raw       string
}

// Parse reads a dictionary. Lines it cannot read are reported as errors with
// their line number.
func Parse(r io.Reader) (*Dict, error) {
	d := &Dict{Synsets: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var block *Block
	synset := ""
	inVerbs := false
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line, comment := splitComment(raw)
		line = strings.TrimSpace(line)
		if strings.HasPrefix(raw, "####### VERB PATTERNS") {
			inVerbs, synset = true, ""
			continue
		}
		if line == "" {
			synset = ""
			continue
		}
		switch {
		case strings.HasPrefix(line, "&"):
			synset = normName(line[1:])
			d.Synsets[synset] = nil
		case synset != "" && strings.HasPrefix(line, "+"):
			d.Synsets[synset] = append(d.Synsets[synset], phrase(line[1:]))
		case !inVerbs:
			// anything else before the verb section is ignored
		case strings.HasPrefix(line, "---"):
			name := strings.TrimSpace(strings.Trim(line, "-"))
			code := ""
			if i := strings.Index(name, "["); i >= 0 {
				if j := strings.Index(name[i:], "]"); j > 0 {
					code = strings.TrimSpace(name[i+1 : i+j])
					name = strings.TrimSpace(name[:i])
				}
			}
			block = &Block{Name: name, Code: firstCode(code), Line: n}
			d.Blocks = append(d.Blocks, block)
		case block == nil:
			return nil, fmt.Errorf("line %d: %q before the first block", n, raw)
		case strings.HasPrefix(line, "-"):
			p, err := parsePattern(line[1:], comment)
			if err != nil {
				d.Malformed = append(d.Malformed, fmt.Sprintf("line %d: %v", n, err))
				continue
			}
			p.Line, p.Raw = n, strings.TrimSpace(raw)
			block.Patterns = append(block.Patterns, p)
		default:
			v, err := parseVerb(line)
			if err != nil {
				d.Malformed = append(d.Malformed, fmt.Sprintf("line %d: %v", n, err))
				continue
			}
			v.Line = n
			block.Verbs = append(block.Verbs, v)
		}
	}
	return d, sc.Err()
}

func splitComment(s string) (string, string) {
	if i := strings.Index(s, "#"); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// normName is a synset label without & and the no-plural underscore.
func normName(s string) string {
	return strings.TrimRight(strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(s, "&"))), "_")
}

// phrase turns a dictionary phrase (WORD_WORD or WORD WORD, a trailing _
// for "no plural") into lower-case words separated by spaces.
func phrase(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(s), " ")
}

func firstCode(c string) string {
	c = strings.TrimSpace(c)
	if i := strings.Index(c, ":"); i >= 0 {
		c = c[:i]
	}
	if c == "" {
		return "---"
	}
	return c
}

func parseVerb(line string) (*Verb, error) {
	v := &Verb{}
	if i := strings.Index(line, "{"); i >= 0 {
		j := strings.Index(line[i:], "}")
		if j < 0 {
			return nil, fmt.Errorf("unclosed { in %q", line)
		}
		v.Braces = true
		for _, f := range strings.Fields(line[i+1 : i+j]) {
			f = strings.Trim(f, "+")
			if f = phrase(f); f != "" {
				v.Forms = append(v.Forms, f)
			}
		}
		line = line[:i] + line[i+j+1:]
	}
	if i := strings.Index(line, "["); i >= 0 {
		j := strings.Index(line[i:], "]")
		if j < 0 {
			return nil, fmt.Errorf("unclosed [ in %q", line)
		}
		v.Code = firstCode(line[i+1 : i+j])
		line = line[:i] + line[i+j+1:]
	}
	f := strings.Fields(line)
	if len(f) != 1 {
		return nil, fmt.Errorf("verb line %q", line)
	}
	v.Lemma = phrase(strings.TrimPrefix(f[0], "+"))
	return v, nil
}

func parsePattern(line, comment string) (*Pattern, error) {
	i := strings.LastIndex(line, "[")
	j := strings.LastIndex(line, "]")
	if i < 0 || j < i {
		return nil, fmt.Errorf("pattern without a code: %q", line)
	}
	p := &Pattern{Code: firstCode(line[i+1 : j])}
	toks := strings.Fields(line[:i])
	star := -1
	for k, t := range toks {
		if t == "*" {
			star = k
			break
		}
	}
	if star < 0 {
		// the verb is joined to a word ("NOT_*", "*_WITH_DISMAY"): kept
		// whole in Pre so that the converter can tell and skip it
		p.Pre = toks
	} else {
		p.Pre, p.Post = toks[:star], toks[star+1:]
	}
	// the comment names the verb(s) the pattern was written for:
	// "ABANDON <ab 10 Jul 2003>", "OFFEND , SHOCK"
	for _, part := range strings.Split(comment, ",") {
		part = strings.TrimSpace(part)
		if k := strings.Index(part, "<"); k >= 0 {
			part = part[:k]
		}
		f := strings.Fields(part)
		if len(f) == 1 && isUpperWord(f[0]) {
			p.Verbs = append(p.Verbs, phrase(f[0]))
		}
	}
	return p, nil
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r == '_' || r == '-') {
			return false
		}
	}
	return s != ""
}
