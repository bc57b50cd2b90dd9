package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/eval"
)

type evalOptions struct {
	ingestOptions
	gold         string
	events, docs string
	verbose      bool
	script       bool // print what score_events.py prints, byte for byte
	json         bool // print the figures as one JSON object
}

func newEvalCmd(g *globals) *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval --gold DIR [SOURCE...]",
		Short: "Score the coder against annotated articles (gold events.jsonl and docs.jsonl)",
		Long: `Code the sources in memory and score the mentions against a gold folder (events.jsonl and,
optionally, docs.jsonl, in the format of the project's gold sets): precision, recall and F1
(strict and ignoring dates), date accuracy, cross-document merging and document dates. The
figures are those of the project's score_events.py; --script prints its report byte for byte
(Python reprs and all), --json only its JSON line. With --events (and --docs) it scores existing
output files instead of coding.`,
		Example: `  dyad eval --gold ../shared/gold/seeds ../shared/corpus/seeds
  dyad eval --gold my-gold --events events.jsonl --docs docs.jsonl --verbose`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(cmd.Context(), g, o, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "gold", "", "gold folder with events.jsonl (and docs.jsonl)")
	f.StringVar(&o.events, "events", "", "score this mentions file instead of coding SOURCEs")
	f.StringVar(&o.docs, "docs", "", "with --events: the per-document file")
	f.BoolVar(&o.verbose, "verbose", false, "list misses, false positives and date errors")
	f.BoolVar(&o.script, "script", false, "print the report exactly as score_events.py prints it")
	f.BoolVar(&o.json, "json", false, "print the figures as one JSON object (the script's last line)")
	cmd.MarkFlagRequired("gold")
	addFetchFlags(cmd, &o.ingestOptions)
	return cmd
}

func runEval(ctx context.Context, g *globals, o *evalOptions, args []string, stdout, stderr io.Writer) error {
	gold, err := eval.LoadGold(o.gold)
	if err != nil {
		return err
	}
	var preds []eval.Prediction
	var docs []eval.DocPrediction
	switch {
	case o.events != "":
		if len(args) > 0 {
			return fmt.Errorf("give either --events or SOURCEs, not both")
		}
		if preds, err = readPredictions(o.events); err != nil {
			return err
		}
		if o.docs != "" {
			f, err := os.Open(o.docs)
			if err != nil {
				return err
			}
			defer f.Close()
			if docs, err = eval.ReadDocPredictions(f); err != nil {
				return fmt.Errorf("%s: %w", o.docs, err)
			}
		}
	case len(args) == 0:
		return fmt.Errorf("nothing to score: give SOURCEs to code or --events FILE")
	default:
		coded, all, _, sum, err := codeAll(ctx, &o.ingestOptions, args, stderr)
		if err != nil {
			return err
		}
		if len(sum.Failed) > 0 {
			fmt.Fprintf(stderr, "warning: %d sources failed and are not scored\n", len(sum.Failed))
		}
		for i := range all {
			p, err := eval.PredictionOf(all[i].ToJSON(mentionID(&all[i], i)))
			if err != nil {
				return err
			}
			preds = append(preds, p)
		}
		docs = []eval.DocPrediction{}
		for _, d := range coded {
			p, err := eval.DocPredictionOf(docJSON(d))
			if err != nil {
				return err
			}
			docs = append(docs, p)
		}
	}
	switch {
	case o.script:
		res, lines := eval.Score(gold, preds, docs, o.verbose)
		return eval.WriteReport(stdout, res, lines)
	case o.json:
		res, _ := eval.Score(gold, preds, docs, false)
		js, err := res.JSON()
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", js)
		return err
	}
	res, lines := eval.ScoreReadable(gold, preds, docs, o.verbose)
	return eval.WriteReadable(stdout, res, lines)
}

func readPredictions(path string) ([]eval.Prediction, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps, err := eval.ReadPredictions(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}
