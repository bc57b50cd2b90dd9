package relevance

import (
	"regexp"
	"strings"
	"testing"
)

// reCode is the expression codeLine replaces, kept to check that the
// string tests say the same.
var reCode = regexp.MustCompile(`(?:[{};]\s*$|^\s*(?:#include|import |def |func |function |return |var |const |let |\$ |>>> |<\w+[ >]|//|/\*)|\w+\(.*\)\s*[{;]?$|^\s*[\w.]+\s*=\s*\S)`)

func TestCodeLine(t *testing.T) {
	for _, l := range []string{
		"func main() {", "}", "  return x;", "$ quillbox init myproject", ">>> print(1)", "// a comment",
		"/* block */", "#include <stdio.h>", "import os", "let x = 1", `name = "myproject"`, "a.b=c",
		"print(x)", "  run(x) ;", "<div class=\"a\">", "<p>", "x =", "x = ",
		"The minister said (on Tuesday) that talks would resume.", "Talks resumed (Reuters)",
		"He said a = b was wrong.", "Prices rose 2 percent; traders said.", "Chapter One", "",
		"<< not a tag", "(AP) -- The port closed.", "Importantly, the port closed.",
	} {
		if got, want := codeLine(l), reCode.MatchString(l); got != want {
			t.Errorf("codeLine(%q) = %v, the expression says %v", l, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	toks := words(`“You're late,” said the officials' spokesman — according to 'sources'.`)
	want := []string{"You're", "late", "said", "the", "officials", "spokesman", "according", "to", "sources"}
	if len(toks) != len(want) {
		t.Fatalf("words = %q", toks)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Fatalf("words = %q, want %q", toks, want)
		}
	}
	if !reports(toks) || !nearDay(words("It happened last night.")) || nearDay(words("The last nights of summer.")) {
		t.Error("reports or nearDay")
	}
}

func TestCountFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b\tc\n\nd ", "“Quoted” words — and\u00a0more"} {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}
