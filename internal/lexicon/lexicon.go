// Package lexicon holds dyad's event vocabulary — trigger verbs and event
// nouns mapped to PLOVER types and modes, and the reporting verbs that mark
// attribution and claim status — and matches it against tokenized sentences.
//
// The vocabulary is data (data/verbs/*.yaml, embedded as data.FS), extended
// or overridden by the user's own YAML files in the same format.
package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-project/dyad/data"
	"go.yaml.in/yaml/v3"
)

// Entry is one line of the lexicon: a verb or an event noun and what it
// codes. See data/verbs/README.md for the file format.
type Entry struct {
	Verb          string   `yaml:"verb,omitempty"`
	Noun          string   `yaml:"noun,omitempty"`
	Forms         []string `yaml:"forms,omitempty"`
	Event         string   `yaml:"event,omitempty"` // PLOVER type; "NONE" makes a stop phrase
	Mode          string   `yaml:"mode,omitempty"`
	CAMEO         string   `yaml:"cameo,omitempty"`
	Object        []string `yaml:"object,omitempty"`
	RecipientPrep []string `yaml:"recipient_prep,omitempty"`
	Claim         string   `yaml:"claim,omitempty"` // reported, alleged, denied, asserted…
	Frame         string   `yaml:"frame,omitempty"` // "control" ('VERB someone to do …'), "transfer" ('VERB something to someone')
	Source        string   `yaml:"source,omitempty"`
	Note          string   `yaml:"note,omitempty"`

	File string `yaml:"-"` // the file the entry was read from
}

// Lemma is the entry's verb or noun.
func (e *Entry) Lemma() string {
	if e.Verb != "" {
		return e.Verb
	}
	return e.Noun
}

// IsStop reports a stop phrase: matched to keep its words from triggering
// ("heart attack", "march of time") but never reported.
func (e *Entry) IsStop() bool { return e.Event == disabled }

func (e *Entry) String() string {
	kind := "verb"
	if e.Noun != "" {
		kind = "noun"
	}
	s := kind + " " + e.Lemma()
	if len(e.Object) > 0 {
		s += " +[" + strings.Join(e.Object, ", ") + "]"
	}
	return s
}

// key identifies an entry for overriding: a later file's entry with the same
// key replaces the earlier one.
func (e *Entry) key() string {
	kind := "v"
	if e.Noun != "" {
		kind = "n"
	}
	if e.Event == "" {
		kind += "s" // speech-only entries live apart from triggers
	}
	obj := make([]string, len(e.Object))
	for i, o := range e.Object {
		obj[i] = strings.ToLower(strings.Join(strings.Fields(o), " "))
	}
	sort.Strings(obj)
	return kind + "|" + strings.ToLower(strings.Join(strings.Fields(e.Lemma()), " ")) + "|" + strings.Join(obj, ",")
}

// Lexicon is a compiled vocabulary, safe for concurrent use once loaded.
type Lexicon struct {
	entries  []*Entry
	triggers index
	speech   index
}

// Len returns the number of entries (triggers, stop phrases and speech).
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns the entries in load order; callers must not modify them.
func (l *Lexicon) Entries() []*Entry { return l.entries }

// Default loads the built-in lexicon embedded in the binary.
func Default() (*Lexicon, error) { return Load(data.FS, "verbs") }

// Load reads root/*.yaml from fsys, then *.yaml in each of extraDirs (paths
// on the OS file system), in name order. An entry of a later file replaces
// an earlier one with the same lemma, kind and objects; `event: NONE` turns
// it into a stop phrase. Any invalid entry is an error naming file and entry.
func Load(fsys fs.FS, root string, extraDirs ...string) (*Lexicon, error) {
	var all []*Entry
	pos := map[string]int{}
	// label is how file names appear in errors: the embedded path, or the
	// user's directory joined with the file name.
	add := func(sys fs.FS, dir, label string) error {
		names, err := fs.Glob(sys, path.Join(dir, "*.yaml"))
		if err != nil {
			return fmt.Errorf("lexicon %s: %w", dir, err)
		}
		sort.Strings(names)
		for _, name := range names {
			raw, err := fs.ReadFile(sys, name)
			if err != nil {
				return fmt.Errorf("lexicon: %w", err)
			}
			file := name
			if label != "" {
				file = filepath.Join(label, path.Base(name))
			}
			entries, err := parseFile(file, raw)
			if err != nil {
				return err
			}
			for _, e := range entries {
				if i, ok := pos[e.key()]; ok {
					all[i] = e
					continue
				}
				pos[e.key()] = len(all)
				all = append(all, e)
			}
		}
		return nil
	}
	if err := add(fsys, root, ""); err != nil {
		return nil, err
	}
	for _, d := range extraDirs {
		if _, err := os.Stat(d); err != nil {
			return nil, fmt.Errorf("lexicon dir: %w", err)
		}
		if err := add(os.DirFS(d), ".", d); err != nil {
			return nil, err
		}
	}
	inheritPreps(all)
	return compile(all), nil
}

// inheritPreps gives a verb entry without recipient prepositions of its own
// those of the event nouns it takes as objects, whatever their type:
// "launch an investigation" receives with "into", as "investigation" does;
// "hold talks" and "suspend talks" with "with"; "cut off aid" with "to".
// The noun, not the verb, decides whom the event concerns.
func inheritPreps(all []*Entry) {
	nouns := map[string][]*Entry{}
	for _, e := range all {
		if e.Noun != "" && len(e.RecipientPrep) > 0 {
			k := strings.ToLower(e.Noun)
			nouns[k] = append(nouns[k], e)
		}
	}
	for _, e := range all {
		if e.Verb == "" || len(e.Object) == 0 || len(e.RecipientPrep) > 0 {
			continue
		}
		var preps []string
		for _, o := range e.Object {
			for _, n := range nouns[strings.ToLower(o)] {
				for _, p := range n.RecipientPrep {
					if !slices.Contains(preps, p) {
						preps = append(preps, p)
					}
				}
			}
		}
		e.RecipientPrep = preps
	}
}

// parseFile decodes and validates one YAML file.
func parseFile(file string, raw []byte) ([]*Entry, error) {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var entries []*Entry
	if err := dec.Decode(&entries); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty file
		}
		return nil, fmt.Errorf("lexicon %s: %w", file, err)
	}
	seen := map[string]int{}
	for i, e := range entries {
		if e == nil {
			return nil, fmt.Errorf("lexicon %s: entry %d is empty", file, i+1)
		}
		e.File = file
		if err := validate(e); err != nil {
			return nil, fmt.Errorf("lexicon %s: entry %d (%s): %w", file, i+1, e, err)
		}
		k := e.key()
		if j, dup := seen[k]; dup {
			return nil, fmt.Errorf("lexicon %s: entry %d (%s) repeats entry %d", file, i+1, e, j)
		}
		seen[k] = i + 1
	}
	return entries, nil
}

// validate checks an entry and normalises its event label and mode.
func validate(e *Entry) error {
	e.Verb = strings.Join(strings.Fields(e.Verb), " ")
	e.Noun = strings.Join(strings.Fields(e.Noun), " ")
	switch {
	case e.Verb == "" && e.Noun == "":
		return errors.New("needs a verb or a noun")
	case e.Verb != "" && e.Noun != "":
		return errors.New("has both a verb and a noun")
	case e.Event == "" && e.Claim == "":
		return errors.New("needs an event or a claim")
	}
	if e.Event != "" {
		if strings.EqualFold(strings.TrimSpace(e.Event), disabled) {
			e.Event = disabled
		} else {
			ev, mode, ok := normalizeEvent(e.Event, e.Mode)
			if !ok {
				if _, known := ploverModes[ev]; !known {
					return fmt.Errorf("unknown event %q", e.Event)
				}
				return fmt.Errorf("mode %q is not a mode of %s (valid: %s)", e.Mode, ev,
					strings.Join(ploverModes[ev], ", "))
			}
			e.Event, e.Mode = ev, mode
		}
	} else if e.Mode != "" {
		return errors.New("a mode needs an event")
	}
	if e.Claim != "" {
		e.Claim = strings.ToLower(strings.TrimSpace(e.Claim))
		if !claimStatuses[e.Claim] {
			return fmt.Errorf("unknown claim %q", e.Claim)
		}
	}
	for _, list := range [][]string{e.Forms, e.Object, e.RecipientPrep} {
		for _, s := range list {
			if strings.TrimSpace(s) == "" {
				return errors.New("empty word in a list")
			}
		}
	}
	if e.Frame != "" && e.Frame != FrameControl && e.Frame != FrameTransfer {
		return fmt.Errorf("unknown frame %q (known: %s, %s)", e.Frame, FrameControl, FrameTransfer)
	}
	return nil
}

// FrameControl marks a verb that is an event only with an object and an
// infinitive the object is to carry out: "ordered the minister to appear"
// is a demand made of the minister; "ordered an inquiry" is not.
const FrameControl = "control"

// FrameTransfer marks a verb that is an event only when something is
// handed to someone: "returned the artifacts to Peru" gives property back;
// "returned to Peru" is a journey.
const FrameTransfer = "transfer"
