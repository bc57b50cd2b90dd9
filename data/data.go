// Package data embeds dyad's built-in dictionaries: the actor knowledge base,
// the event lexicon and general-English word counts. Users extend or override
// them with their own files in the same formats (see actors/README.md,
// verbs/README.md and words/README.md).
package data

import "embed"

// FS holds the built-in data files. Paths are relative to this directory:
// "actors/...", "verbs/...", "words/...".
//
//go:embed actors verbs words
var FS embed.FS
