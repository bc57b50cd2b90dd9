// Command train trains the tagger and parser on UD English-EWT and writes the
// model file that internal/syntax embeds:
//
//	go run ./internal/syntax/cmd/train -ud ../shared/data/ud-ewt -out internal/syntax/model.bin
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-project/dyad/internal/syntax"
)

func main() {
	cfg := syntax.DefaultTrainConfig()
	ud := flag.String("ud", "../shared/data/ud-ewt", "directory holding en_ewt-ud-{train,dev,test}.conllu")
	out := flag.String("out", "internal/syntax/model.bin", "model file to write")
	limit := flag.Int("limit", 0, "train on the first N sentences only (quick experiments)")
	test := flag.Bool("test", false, "also score the test file (report it once per model)")
	flag.IntVar(&cfg.TagEpochs, "tag-epochs", cfg.TagEpochs, "tagger epochs")
	flag.IntVar(&cfg.ParseEpochs, "parse-epochs", cfg.ParseEpochs, "parser epochs")
	flag.IntVar(&cfg.Folds, "folds", cfg.Folds, "jack-knife folds for the parser's training tags")
	flag.Float64Var(&cfg.MinWeight, "min-weight", cfg.MinWeight, "prune averaged weights below this fraction of the largest")
	flag.Float64Var(&cfg.Explore, "explore", cfg.Explore, "probability of following the model's own transition")
	flag.Parse()
	if err := run(cfg, *ud, *out, *limit, *test); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(cfg syntax.TrainConfig, ud, out string, limit int, test bool) error {
	start := time.Now()
	var err error
	if cfg.Train, err = read(filepath.Join(ud, "en_ewt-ud-train.conllu")); err != nil {
		return err
	}
	if limit > 0 && limit < len(cfg.Train) {
		cfg.Train = cfg.Train[:limit]
	}
	if cfg.Dev, err = read(filepath.Join(ud, "en_ewt-ud-dev.conllu")); err != nil {
		return err
	}
	cfg.Log = os.Stderr
	m, err := syntax.Train(cfg)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%.1f MB) in %s\n", out, float64(n)/1e6, time.Since(start).Round(time.Second))
	fmt.Fprintf(os.Stderr, "dev: %s\n", m.Evaluate(cfg.Dev))
	if test {
		sents, err := read(filepath.Join(ud, "en_ewt-ud-test.conllu"))
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "test: %s\n", m.Evaluate(sents))
	}
	return nil
}

func read(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syntax.ReadCoNLLU(f)
}
