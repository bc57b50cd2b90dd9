package server

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// segment is a run of article text, marked when it is evidence. Templates
// print Text through html/template, which escapes it: article text is
// untrusted and never becomes markup.
type segment struct {
	Text string
	Mark bool
	ID   int64 // the mention whose evidence this is
}

type mark struct {
	start, end int
	id         int64
}

// validSpan clamps a byte span to text and to rune boundaries, reporting
// whether anything is left: stored offsets come from the coder and a bad
// one must not break a page.
func validSpan(text string, start, end int) (int, int, bool) {
	start, end = max(start, 0), min(end, len(text))
	for start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	for end < len(text) && end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	return start, end, start < end
}

// highlight cuts text into segments with the evidence marks; overlapping
// marks keep the first.
func highlight(text string, marks []mark) []segment {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var out []segment
	pos := 0
	for _, m := range marks {
		s, e, ok := validSpan(text, m.start, m.end)
		if !ok || s < pos {
			continue
		}
		if s > pos {
			out = append(out, segment{Text: text[pos:s]})
		}
		out = append(out, segment{Text: text[s:e], Mark: true, ID: m.id})
		pos = e
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// excerptContext is how much text around the evidence a story page shows.
const excerptContext = 280

// excerpt is the evidence sentence with some text either side, cut at
// word boundaries.
func excerpt(text string, start, end int, id int64) []segment {
	s, e, ok := validSpan(text, start, end)
	if !ok {
		return nil
	}
	from := max(0, s-excerptContext)
	if i := strings.IndexAny(text[from:s], " \n"); from > 0 && i >= 0 {
		from += i + 1
	}
	to := min(len(text), e+excerptContext)
	if i := strings.LastIndexAny(text[e:to], " \n"); to < len(text) && i >= 0 {
		to = e + i
	}
	from, _, _ = validSpan(text, from, s)
	var out []segment
	if from < s {
		out = append(out, segment{Text: ellipsis(from > 0) + text[from:s]})
	}
	out = append(out, segment{Text: text[s:e], Mark: true, ID: id})
	if e < to {
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to--
		}
		out = append(out, segment{Text: text[e:to] + ellipsis(to < len(text))})
	}
	return out
}

func ellipsis(b bool) string {
	if b {
		return "…"
	}
	return ""
}
