// Command kbconv regenerates the derived knowledge-base files of
// data/actors (countries.tsv, agents.tsv, phoenix/*.tsv, leaders/*.tsv) from the public
// reference data described in /work/shared/data/SOURCES.md:
//
//	go run ./internal/actors/cmd/kbconv -src /work/shared/data -out data/actors
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	src := flag.String("src", "/work/shared/data", "reference data directory")
	out := flag.String("out", "data/actors", "knowledge-base directory to write")
	only := flag.String("only", "", "run only this step (countries, agents, phoenix, leaders, parties)")
	flag.StringVar(&partyFactsPath, "partyfacts", "", "Party Facts partyfacts-core-parties.csv (default SRC/partyfacts/...)")
	flag.Parse()
	steps := []struct {
		name string
		run  func(src, out string) error
	}{
		{"countries", convertCountries},
		{"agents", convertAgents},
		{"phoenix", convertPhoenix},
		{"leaders", convertLeaders}, // after phoenix: it takes in Phoenix entries
		{"parties", convertParties}, // last: it leaves out names the rest resolves
	}
	for _, s := range steps {
		if *only != "" && s.name != *only {
			continue
		}
		if err := s.run(*src, *out); err != nil {
			slog.Error("convert", "step", s.name, "err", err)
			os.Exit(1)
		}
	}
}

// writeTSV writes rows under an attribution header.
func writeTSV(path string, header []string, rows [][]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, h := range header {
		fmt.Fprintf(w, "# %s\n", h)
	}
	for _, r := range rows {
		for i, c := range r {
			r[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
		}
		fmt.Fprintln(w, strings.Join(r, "\t"))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	slog.Info("wrote", "file", path, "rows", len(rows))
	return f.Close()
}

// tabariName turns a TABARI dictionary phrase ("AL_'IRAQ_", "BAN_KI-MOON")
// into running text ("al 'Iraq", "Ban Ki-Moon").
func tabariName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = titleWord(w, i)
	}
	return strings.Join(words, " ")
}

var particles = map[string]bool{"al": true, "el": true, "of": true, "the": true, "and": true, "de": true,
	"la": true, "du": true, "da": true, "di": true, "van": true, "von": true, "der": true, "le": true,
	"for": true, "in": true, "on": true, "bin": true, "ibn": true, "y": true, "des": true, "del": true}

func titleWord(w string, pos int) string {
	if strings.Contains(w, ".") && len(w) <= 6 {
		return strings.ToUpper(w)
	}
	lw := strings.ToLower(w)
	if pos > 0 && particles[lw] {
		return lw
	}
	parts := strings.Split(lw, "-")
	for i, p := range parts {
		if i > 0 && particles[p] {
			continue
		}
		parts[i] = capFirst(p)
	}
	return strings.Join(parts, "-")
}

// capFirst upper-cases the first letter, skipping leading apostrophes.
func capFirst(p string) string {
	r := []rune(p)
	for i, c := range r {
		if c == '\'' || c == '(' {
			continue
		}
		r[i] = []rune(strings.ToUpper(string(c)))[0]
		break
	}
	return string(r)
}
