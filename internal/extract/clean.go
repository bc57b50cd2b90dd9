package extract

import (
	"regexp"
	"strings"
)

var reRelatedMarker = regexp.MustCompile(`(?i)^(?:related|more|most|recommended|also|you may|what to read|latest|top stories|trending|further reading|more from|more on|read next)\b.{0,30}$`)

// dropBoilerplate marks page furniture in the lines. first is the index of
// the first prose line; lines above it were read by parseHeader. extracted
// is text an HTML extractor already cut from the page's main content: its
// short lines are list items and headings of that content, not link lists,
// a paragraph it repeats is the page's own and a line that repeats the
// title is the page's headline, kept as it always was; so only captions,
// credits, related-story tails and repeated short lines go.
func dropBoilerplate(lines []line, p Page, first int, extracted bool) {
	punct := usesPunctuation(lines)
	seen := map[string]bool{}
	bio := false
	tail := false
	for i := range lines {
		l := &lines[i]
		if l.drop {
			continue
		}
		t := l.text
		switch {
		case i > 0 && isPhotoLabel(lines[i-1].text) && wordCount(t) <= 60:
			l.drop = true // the caption under a "Photo" label
		case l.chrome:
			l.drop = true
			if reRelatedMarker.MatchString(t) && i > first {
				tail = true
			}
		case p.Title != "" && !extracted && sameText(t, p.Title):
			l.drop = true
		case reRelatedMarker.MatchString(t) && !endsSentence(t) && i > first:
			l.drop, tail = true, true
		case reAuthorMarker.MatchString(t) && wordCount(t) <= 8:
			l.drop, bio = true, true
		case (bio || i > len(lines)-4) && bioCued(t) && isBioOf(t, p.Author, bio):
			l.drop = true
		case tail && !isBody(t):
			l.drop = true
		}
		if l.drop {
			continue
		}
		if wordCount(t) < 5 {
			continue // only lines of five words or more are compared
		}
		key := strings.ToLower(strings.Join(strings.Fields(t), " "))
		if seen[key] && !(extracted && isBody(t)) {
			l.drop = true // a repeated caption or a scraper's doubled block
		}
		seen[key] = true
	}
	if punct && !extracted {
		dropShortRuns(lines, first)
	}
}

// bioCues are literals of which every branch of bioCue needs one.
var bioCues = []string{"holds a", "master", "has worked as", "is a ", "speciali", "has reported on", "cover", "graduated from"}

// bioCued is bioCue.MatchString behind a literal check: most lines hold no
// cue and skip the unanchored case-folding expression.
func bioCued(t string) bool {
	for _, c := range bioCues {
		if containsFold(t, c) {
			return bioCue.MatchString(t)
		}
	}
	return false
}

// isBioOf accepts a biography paragraph after an author marker, or one that
// names the article's author.
func isBioOf(t, author string, afterMarker bool) bool {
	if afterMarker {
		return true
	}
	if author == "" {
		return false
	}
	f := strings.Fields(author)
	return strings.Contains(t, f[len(f)-1])
}

// dropShortRuns removes, below the first prose line, lines that are short
// and unpunctuated: related-article lists, video titles, section heads.
// Runs of three or more short lines go even when some end in a period
// (list items that are sentences).
func dropShortRuns(lines []line, first int) {
	for i := first; i < len(lines); {
		if lines[i].drop || !runLine(lines[i].text) {
			i++
			continue
		}
		j, bare := i, 0
		for j < len(lines) && (lines[j].drop || runLine(lines[j].text)) {
			if !lines[j].drop && !endsSentence(lines[j].text) {
				bare++
			}
			j++
		}
		live := 0
		for k := i; k < j; k++ {
			if !lines[k].drop {
				live++
			}
		}
		if live >= 3 && bare*4 >= live*3 {
			for k := i; k < j; k++ {
				lines[k].drop = true
			}
		} else {
			for k := i; k < j; k++ {
				if !lines[k].drop && !endsSentence(lines[k].text) && isHeadlineLike(lines[k].text, 1) {
					lines[k].drop = true
				}
			}
		}
		i = j
	}
}

// usesPunctuation reports whether the page ends its paragraphs with
// punctuation at all; the short-line rules need that contrast.
func usesPunctuation(lines []line) bool {
	n, p := 0, 0
	for _, l := range lines {
		if !l.drop && wordCount(l.text) >= 20 {
			n++
			if endsSentence(l.text) {
				p++
			}
		}
	}
	return n > 0 && p*10 >= n*5
}

// runLine is a line short enough to be an item of a link list.
func runLine(s string) bool { return hasLetter(s) && wordCount(s) <= 20 }

func isPhotoLabel(s string) bool {
	switch strings.ToLower(strings.Trim(s, " :")) {
	case "photo", "image", "photos", "picture":
		return true
	}
	return false
}
