// Command cameoverbs converts the PETRARCH CAMEO verb-pattern dictionary
// into a dyad lexicon file (data/verbs/cameo.yaml), mapping CAMEO codes to
// PLOVER through internal/plover's crosswalk. See data/verbs/README.md.
//
//	go run ./internal/lexicon/cmd/cameoverbs \
//	  -in ../shared/data/petrarch2/CAMEO.verbpatterns.150430.txt \
//	  -general ../shared/data/ud-ewt/en_ewt-ud-train.conllu -top 400 \
//	  -out data/verbs/cameo.yaml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/lexicon/cameoverbs"
	"github.com/dyad-project/dyad/internal/plover"
	"go.yaml.in/yaml/v3"
)

func main() {
	in := flag.String("in", "", "CAMEO verb-pattern dictionary (CAMEO.verbpatterns.*.txt)")
	out := flag.String("out", "data/verbs/cameo.yaml", "lexicon file to write")
	curated := flag.String("curated", "data/verbs/lexicon.yaml,data/verbs/speech.yaml", "hand-written lexicon files that win over generated entries (comma-separated)")
	general := flag.String("general", "", "CoNLL-U treebank of general English: its most frequent verbs, and verbs whose forms are mostly nouns there, keep only their patterns with objects")
	top := flag.Int("top", 400, "how many of the treebank's most frequent verb lemmas count as general verbs")
	stops := flag.Bool("stops", true, "write the null-coded patterns of trigger verbs as stop entries")
	generalObjects := flag.Bool("general-objects", false, "keep the patterns with objects of the frequent general verbs")
	generalComplements := flag.Bool("general-complements", false, "keep the patterns of the frequent general verbs whose object is a complement after the target (\"use + as human shield\")")
	bare := flag.String("bare", "own", "verbs with an entry of their own: all (own or block code), own (own code only), none")
	flag.Parse()
	if err := run(*in, *out, *curated, *general, *top, *stops, *bare, *generalObjects, *generalComplements); err != nil {
		fmt.Fprintln(os.Stderr, "cameoverbs:", err)
		os.Exit(1)
	}
}

func run(in, out, curated, general string, top int, stops bool, bare string, generalObjects, generalComplements bool) error {
	switch bare {
	case "all", "own", "none":
	default:
		return fmt.Errorf("-bare %q: want all, own or none", bare)
	}
	if in == "" {
		return fmt.Errorf("-in is required")
	}
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	d, err := cameoverbs.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	opt := cameoverbs.Options{
		Lookup: func(c string) (string, string, bool) {
			t, m, ok := plover.FromCAMEO(c)
			return string(t), m, ok
		},
		Stops: stops,
		Bare:  bare,

		GeneralObjects:     generalObjects,
		GeneralComplements: generalComplements,
	}
	for _, p := range strings.Split(curated, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var es []*lexicon.Entry
		if err := yaml.Unmarshal(raw, &es); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		opt.Curated = append(opt.Curated, es...)
	}
	var generalList []string
	if general != "" {
		tf, err := os.Open(general)
		if err != nil {
			return err
		}
		u, err := cameoverbs.ReadUsage(tf)
		tf.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", general, err)
		}
		opt.Usage, opt.General = u, top
		generalList = u.Frequent(top)
	}
	entries, st := cameoverbs.Convert(d, opt)

	var hdr strings.Builder
	fmt.Fprintf(&hdr, "dyad event lexicon — GENERATED from the CAMEO verb dictionary; do not edit by hand.\n")
	fmt.Fprintf(&hdr, "Regenerate: go run ./internal/lexicon/cmd/cameoverbs -in %s", filepath.ToSlash(filepath.Base(in)))
	if general != "" {
		fmt.Fprintf(&hdr, " -general %s -top %d", filepath.Base(general), top)
	}
	fmt.Fprintf(&hdr, " -bare %s -stops=%v", bare, stops)
	if generalObjects {
		fmt.Fprintf(&hdr, " -general-objects")
	}
	if generalComplements {
		fmt.Fprintf(&hdr, " -general-complements")
	}
	fmt.Fprintf(&hdr, " -out %s\n", filepath.ToSlash(out))
	fmt.Fprintf(&hdr, "(see data/verbs/README.md). Entries here load before lexicon.yaml, whose entries\n")
	fmt.Fprintf(&hdr, "with the same verb and objects replace them; curated entries are also tried first.\n\n")
	fmt.Fprintf(&hdr, "Derived from %s of openeventdata/petrarch2 (MIT,\n", filepath.Base(in))
	fmt.Fprintf(&hdr, "Copyright (c) 2015 Open Event Data Alliance; a composite of the TABARI CAMEO dictionaries and\n")
	fmt.Fprintf(&hdr, "WordNet synonym sets, developed with NSF funding), with CAMEO codes mapped to PLOVER through\n")
	fmt.Fprintf(&hdr, "internal/plover's crosswalk (openeventdata/PLOVER CAMEO2PLOVER-2021 @ 5e0c24fb, CC BY-SA 4.0).\n")
	fmt.Fprintf(&hdr, "This file is therefore shared under CC BY-SA 4.0; the MIT notice of the dictionary is in\n")
	fmt.Fprintf(&hdr, "NOTICE.md.\n\n")
	if len(generalList) > 0 {
		fmt.Fprintf(&hdr, "Filtered with the part-of-speech counts of %s (UD English-EWT, CC BY-SA 4.0).\n", filepath.Base(general))
		fmt.Fprintf(&hdr, "Its %d most frequent verbs, which get no entry:\n", top)
		line := ""
		for _, v := range generalList {
			if len(line)+len(v) > 96 {
				hdr.WriteString(line + "\n")
				line = ""
			}
			line += " " + v
		}
		hdr.WriteString(line + "\n\n")
	}
	fmt.Fprintf(&hdr, "%d entries. What the conversion kept and dropped, and why (pattern counts are\n", len(entries))
	fmt.Fprintf(&hdr, "per pattern and verb it applies to; object counts per object phrase):\n")
	var sb bytes.Buffer
	st.Write(&sb, "")
	hdr.WriteString(sb.String())
	os.Stderr.Write(sb.Bytes())

	var buf bytes.Buffer
	if err := cameoverbs.WriteYAML(&buf, hdr.String(), entries); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
