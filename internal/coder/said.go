package coder

import "github.com/dyad-project/dyad/internal/event"

// verbalActs are what a person does by speaking: dated by when they spoke.
var verbalActs = map[string]bool{"ACCUSE": true, "THREATEN": true, "REQUEST": true, "SUPPORT": true,
	"REJECT": true, "AGREE": true, "CONCEDE": true}

// noteSaid keeps the day a sentence says a named person spoke: "It's
// destructive," Rice said Tuesday on PBS.
func (d *doc) noteSaid(s *sentence) {
	for _, sp := range s.speech {
		if sp.IsNoun {
			continue
		}
		speaker := s.speaker(sp)
		if speaker == nil || speaker.party.EntityID == "" || !speaker.person {
			continue
		}
		if _, ok := d.saidOn[speaker.party.EntityID]; ok {
			continue
		}
		for _, e := range s.times(d, false) {
			ei := s.tokAt(s.start + e.Start)
			if e.Vague || e.Duration || e.Window.IsZero() || e.Window.Precision != "day" || ei < sp.TokEnd || ei > sp.TokEnd+2 {
				continue
			}
			if d.saidOn == nil {
				d.saidOn = map[string]window{}
			}
			d.saidOn[speaker.party.EntityID] = e.Window
			break
		}
	}
}

// datedBySaying dates a person's verbal act that has no time phrase of its
// own by the day the text says that person spoke: a lead "Rice warned that
// the speech will be destructive" is Tuesday's when a later paragraph has
// "Rice said Tuesday".
func (d *doc) datedBySaying(ms []event.Mention) {
	for i := range ms {
		m := &ms[i]
		w, ok := d.saidOn[m.Actor.EntityID]
		if !ok || m.DateText != "" || !verbalActs[m.Event] || m.DateStart.IsZero() || !d.content.IsZero() {
			continue
		}
		if w.End.After(m.DateEnd) {
			continue // never later than the article's own day
		}
		m.DateStart, m.DateEnd, m.Precision, m.DateText = w.Start, w.End, string(w.Precision), "(when the speaker spoke)"
	}
}
