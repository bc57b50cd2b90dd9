package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/nlp"
	"github.com/dyad-project/dyad/internal/syntax"
)

func init() { registerCommand(newParseCmd) }

type parseOptions struct {
	eval string
}

func newParseCmd(*globals) *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [TEXT|-]",
		Short: "Print the syntactic analysis of text as CoNLL-U (tokens, tags, lemmas, dependency tree)",
		Long: `Split the text (the arguments, or standard input with - or none) into sentences and print
each as CoNLL-U: tokens, UPOS and Penn tags, lemmas, heads and UD relations, as the coder
reads them. With --eval FILE.conllu it parses the file's own tokenisation with predicted
tags and prints UPOS, XPOS, UAS and LAS (all words, punctuation included, as in CoNLL 2018)
and the speed, the last line as JSON.`,
		Example: `  dyad parse "Protesters were dispersed by police in Baghdad."
  dyad parse --eval ../shared/data/ud-ewt/en_ewt-ud-test.conllu`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runParse(o, args, cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&o.eval, "eval", "", "score the parser on this CoNLL-U file instead")
	return cmd
}

func runParse(o *parseOptions, args []string, stdin io.Reader, stdout io.Writer) error {
	m, err := syntax.Load()
	if err != nil {
		return err
	}
	if o.eval != "" {
		if len(args) > 0 {
			return fmt.Errorf("give either --eval or TEXT, not both")
		}
		return runParseEval(m, o.eval, stdout)
	}
	text := strings.Join(args, " ")
	if len(args) == 0 || (len(args) == 1 && args[0] == "-") {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return fmt.Errorf("read input: %w", err)
		}
		text = string(b)
	}
	var sents []syntax.Sentence
	for _, sp := range nlp.Split(text) {
		sents = append(sents, m.ParseSpan(text, sp.Start, sp.End))
	}
	return syntax.WriteCoNLLU(stdout, sents)
}

func runParseEval(m *syntax.Model, path string, stdout io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s := m.Evaluate(gold)
	fmt.Fprintf(stdout, "words  %d (all words scored, punctuation included)\n", s.Words)
	fmt.Fprintf(stdout, "UPOS   %.2f\nXPOS   %.2f\nUAS    %.2f\nLAS    %.2f\nspeed  %.0f tokens/s\n", s.UPOS, s.XPOS, s.UAS, s.LAS, s.TokensPerSecond)
	line, err := json.Marshal(struct {
		UPOS            float64 `json:"upos"`
		XPOS            float64 `json:"xpos"`
		UAS             float64 `json:"uas"`
		LAS             float64 `json:"las"`
		TokensPerSecond int     `json:"tokens_per_second"`
	}{round2(s.UPOS), round2(s.XPOS), round2(s.UAS), round2(s.LAS), int(math.Round(s.TokensPerSecond))})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, string(line))
	return nil
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
