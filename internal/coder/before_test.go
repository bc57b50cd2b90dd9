package coder

import (
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

func TestDatedBeforeMain(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		sentence, trigger, dateText string
		wantStart, wantEnd          string
	}{
		// the shooting, told inside the clause, is two weeks before the raid
		{"The raid comes two weeks after a Ruritanian envoy was shot dead in Lima.", "shot", "", "2021-03-06", "2021-03-06"},
		// "less than a week": any day of the week before
		{"The bombing came less than a week after Peru and the rebels signed a truce.", "signed", "", "2021-03-13", "2021-03-19"},
		// a time phrase taken from the main clause is moved with it
		{"Troops fired on the crowd on Saturday, three days after the group attacked a convoy.", "attacked", "on Saturday", "2021-03-17", "2021-03-17"},
		// a fronted phrase dates the main clause, not this one
		{"Two days after the vote, troops fired on protesters.", "fired", "", "2021-03-20", "2021-03-20"},
		// the clause's own time phrase stands
		{"Talks began a day after the army shelled the town on Monday.", "shelled", "on Monday", "2021-03-20", "2021-03-20"},
		// the trigger before "after" is the later event
		{"Peru expelled the envoy three days after the protest.", "expelled", "", "2021-03-20", "2021-03-20"},
	}
	for _, tt := range tests {
		ms := []event.Mention{{Sentence: tt.sentence, Trigger: tt.trigger, DateText: tt.dateText,
			DateStart: d("2021-03-20"), DateEnd: d("2021-03-20"), Precision: "day"}}
		datedBeforeMain(ms)
		if got := ms[0].DateStart.Format("2006-01-02") + " " + ms[0].DateEnd.Format("2006-01-02"); got != tt.wantStart+" "+tt.wantEnd {
			t.Errorf("%q: dated %s, want %s %s (%q)", tt.sentence, got, tt.wantStart, tt.wantEnd, ms[0].DateText)
		}
	}
}

// An undated clause after "after" is moved from the date the main clause's
// own mention was given after the sentence was coded ("arresting her three
// days after" the attack told before), not from the article's day.
func TestDatedBeforeDatedMain(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	const sentence = "Peru has held her since arresting her three days after she was filmed slapping a guard."
	ms := []event.Mention{
		{Sentence: sentence, Trigger: "arresting", DateText: "three days after (two weeks ago)",
			DateStart: d("2021-03-09"), DateEnd: d("2021-03-15"), Precision: "week"},
		{Sentence: sentence, Trigger: "slapping", DateStart: d("2021-03-20"), DateEnd: d("2021-03-20"), Precision: "day"},
	}
	datedBeforeMain(ms)
	if got := ms[1].DateStart.Format("2006-01-02") + " " + ms[1].DateEnd.Format("2006-01-02"); got != "2021-03-06 2021-03-12" {
		t.Errorf("the slapping dated %s (%q), want 2021-03-06 2021-03-12", got, ms[1].DateText)
	}
}

// TestRelativeTime: a time phrase inside a relative clause dates that
// clause's event, not the trigger outside it.
func TestRelativeTime(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Peruvian president demanded that Chile hand over a banker who fled from prison in 1979.", "REQUEST PER>CHL 2021-03-20", true},
		{"The Peruvian president demanded on Monday that Chile hand over a banker.", "REQUEST PER>CHL 2021-03-15", true},
	})
}

// TestTimeAfterObject: a time phrase after the verb's own object dates the
// verb ("agreed to a ceasefire on Monday").
func TestTimeAfterObject(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru and Chile agreed to a ceasefire on Monday.", "AGREE PER>CHL 2021-03-15", true},
	})
}

// TestEmbeddedTime: a time phrase inside a clause embedded under the
// trigger's (an infinitive of purpose, a relative clause) dates that
// clause's act; one on the trigger's own verb dates the trigger.
func TestEmbeddedTime(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Chilean miners stormed the Peruvian consulate to protest Peruvian raids on their camps over the weekend.", "PROTEST CHL>PER 2021-03-20..2021-03-20", true},
		{"Chilean miners stormed the Peruvian consulate on Monday to protest Peruvian raids on their camps.", "PROTEST CHL>PER 2021-03-15..2021-03-15", true},
		{"Bolivia has resisted pressure from Peru to abandon the 2019 treaty with Chile.", "REJECT BOL>PER 2021-03-20..2021-03-20", true},
	})
}
