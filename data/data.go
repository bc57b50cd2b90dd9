// Package data embeds dyad's built-in dictionaries: the actor knowledge base
// and the event lexicon. Users extend or override them with their own files
// in the same formats (see actors/README.md and verbs/README.md).
package data

import "embed"

// FS holds the built-in data files. Paths are relative to this directory:
// "actors/...", "verbs/...".
//
//go:embed actors verbs
var FS embed.FS
