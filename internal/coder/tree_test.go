package coder

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// fakeParser returns hand-written trees, so the rules that read trees are
// tested apart from any trained model. A tree is written one word a field,
// "form/UPOS/head/rel", in sentence order.
type fakeParser map[string]string

func (p fakeParser) Parse(text string) []Word {
	spec, ok := p[text]
	if !ok {
		return nil
	}
	var out []Word
	off := 0
	for _, f := range strings.Fields(spec) {
		parts := strings.Split(f, "/")
		form := strings.ReplaceAll(parts[0], "_", " ")
		at := strings.Index(text[off:], form) + off
		head, _ := strconv.Atoi(parts[2])
		out = append(out, Word{Start: at, End: at + len(form), UPOS: parts[1], Head: head, Rel: parts[3]})
		off = at + len(form)
	}
	return out
}

func TestTreeRoles(t *testing.T) {
	tests := []struct {
		name, text, tree string
		want             string // TYPE ACTOR>RECIPIENT among the mentions
	}{
		{
			name: "the recipient after a preposition on the object",
			text: "Peru suspended military aid to Chile on Monday.",
			tree: "Peru/PROPN/2/nsubj suspended/VERB/0/root military/ADJ/4/amod aid/NOUN/2/obj to/ADP/6/case " +
				"Chile/PROPN/4/nmod on/ADP/8/case Monday/PROPN/2/obl ./PUNCT/2/punct",
			want: "PER>CHL",
		},
		{
			name: "a passive's agent acts on its subject",
			text: "The embassy of Chile was attacked by Peruvian troops.",
			tree: "The/DET/2/det embassy/NOUN/6/nsubj:pass of/ADP/4/case Chile/PROPN/2/nmod was/AUX/6/aux:pass " +
				"attacked/VERB/0/root by/ADP/9/case Peruvian/ADJ/9/amod troops/NOUN/6/obl:agent ./PUNCT/6/punct",
			want: "ASSAULT PER>CHL",
		},
		{
			name: "a controlled verb acts through the controller's object",
			text: "Chile urged Peru to withdraw its troops from Bolivia.",
			tree: "Chile/PROPN/2/nsubj urged/VERB/0/root Peru/PROPN/2/obj to/PART/5/mark withdraw/VERB/2/xcomp " +
				"its/PRON/7/nmod:poss troops/NOUN/5/obj from/ADP/9/case Bolivia/PROPN/5/obl ./PUNCT/2/punct",
			want: "REQUEST CHL>PER",
		},
		{
			name: "a recipient behind an adverb and a non-party object",
			text: "Norway is once again sending aid to Yemen.",
			tree: "Norway/PROPN/5/nsubj is/AUX/5/aux once/ADV/4/advmod again/ADV/5/advmod sending/VERB/0/root " +
				"aid/NOUN/5/obj to/ADP/8/case Yemen/PROPN/5/obl ./PUNCT/5/punct",
			want: "AID NOR>YEM",
		},
		{
			name: "a passive subject named before the verb, its agent after",
			text: "The Chilean president was criticized by Peruvian officials as reckless.",
			tree: "The/DET/3/det Chilean/ADJ/3/amod president/NOUN/5/nsubj:pass was/AUX/5/aux:pass criticized/VERB/0/root " +
				"by/ADP/8/case Peruvian/ADJ/8/amod officials/NOUN/5/obl:agent as/ADP/10/case reckless/ADJ/5/advcl ./PUNCT/5/punct",
			want: "ACCUSE PER>CHL",
		},
		{
			name: "a name the knowledge base does not know is still a party",
			text: "Peru fined Veltrana Steelworks for dumping.",
			tree: "Peru/PROPN/2/nsubj fined/VERB/0/root Veltrana/PROPN/4/compound Steelworks/PROPN/2/obj " +
				"for/ADP/6/case dumping/NOUN/2/obl ./PUNCT/2/punct",
			want: "PER>",
		},
		{
			name: "an event noun's actor is the subject of the verb it is the object of",
			text: "The ministry in Lima announced the arrests of twelve Chilean fishermen.",
			tree: "The/DET/2/det ministry/NOUN/5/nsubj in/ADP/4/case Lima/PROPN/2/nmod announced/VERB/0/root " +
				"the/DET/7/det arrests/NOUN/5/obj of/ADP/11/case twelve/NUM/11/nummod Chilean/ADJ/11/amod " +
				"fishermen/NOUN/7/nmod ./PUNCT/5/punct",
			want: "COERCE PER>CHL",
		},
		{
			name: "a pronoun subject of reported speech is the speaker",
			text: "Peru said it had expelled two Chilean diplomats.",
			tree: "Peru/PROPN/2/nsubj said/VERB/0/root it/PRON/5/nsubj had/AUX/5/aux expelled/VERB/2/ccomp " +
				"two/NUM/8/nummod Chilean/ADJ/8/amod diplomats/NOUN/5/obj ./PUNCT/2/punct",
			want: "PER>CHL",
		},
		{
			name: "force an actor says it will use is a threat",
			text: "Peru said it would bomb Chilean ports.",
			tree: "Peru/PROPN/2/nsubj said/VERB/0/root it/PRON/5/nsubj would/AUX/5/aux bomb/VERB/2/ccomp " +
				"Chilean/ADJ/7/amod ports/NOUN/5/obj ./PUNCT/2/punct",
			want: "THREATEN PER>CHL",
		},
		{
			name: "help an actor says it will give is a promise",
			text: "Peru said it will send aid to Chile.",
			tree: "Peru/PROPN/2/nsubj said/VERB/0/root it/PRON/5/nsubj will/AUX/5/aux send/VERB/2/ccomp " +
				"aid/NOUN/5/obj to/ADP/8/case Chile/PROPN/5/obl ./PUNCT/2/punct",
			want: "AGREE PER>CHL",
		},
		{
			name: "an agreement's counterpart is whoever its infinitive acts on",
			text: "Chile agreed, as Brazilian mediators had urged, to lift its sanctions on Peru.",
			tree: "Chile/PROPN/2/nsubj agreed/VERB/0/root ,/PUNCT/8/punct as/SCONJ/8/mark Brazilian/ADJ/6/amod " +
				"mediators/NOUN/8/nsubj had/AUX/8/aux urged/VERB/2/advcl ,/PUNCT/8/punct to/PART/11/mark lift/VERB/2/xcomp " +
				"its/PRON/13/nmod:poss sanctions/NOUN/11/obj on/ADP/15/case Peru/PROPN/13/nmod ./PUNCT/2/punct",
			want: "AGREE CHL>PER",
		},
		{
			name: "a place or body a thing belongs to stands for the thing",
			text: "Peru criticised, as Bolivian officials did, the policies of Chile.",
			tree: "Peru/PROPN/2/nsubj criticised/VERB/0/root ,/PUNCT/7/punct as/SCONJ/7/mark Bolivian/ADJ/6/amod " +
				"officials/NOUN/7/nsubj did/VERB/2/advcl ,/PUNCT/7/punct the/DET/10/det policies/NOUN/2/obj of/ADP/12/case " +
				"Chile/PROPN/10/nmod ./PUNCT/2/punct",
			want: "ACCUSE PER>CHL",
		},
	}
	base := defaultCoder(t)
	p := fakeParser{}
	for _, tt := range tests {
		p[tt.text] = tt.tree
	}
	c := base.WithParser(p)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaries(c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2020-01-01")}))
			if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tt.want) }) {
				t.Errorf("mentions %v, want one with %q", got, tt.want)
			}
		})
	}
}

// Two names the knowledge base does not know can be both sides of an
// event: neither has a country, and that is no reason to take them for one
// state acting on itself.
func TestOpenCounterparts(t *testing.T) {
	text := "Veltrana Steelworks agreed to supply Norvik Mills."
	p := fakeParser{text: "Veltrana/PROPN/2/compound Steelworks/PROPN/3/nsubj agreed/VERB/0/root to/PART/5/mark " +
		"supply/VERB/3/xcomp Norvik/PROPN/7/compound Mills/PROPN/5/obj ./PUNCT/3/punct"}
	ms := treeCoded(t, p, text)
	if !slices.ContainsFunc(ms, func(m event.Mention) bool {
		return m.Event == "AGREE" && m.Actor.Text == "Veltrana Steelworks" && m.Recipient.Text == "Norvik Mills"
	}) {
		t.Errorf("mentions %+v, want AGREE Veltrana Steelworks → Norvik Mills", ms)
	}
}

// A meeting's topic is no counterpart: the complement of "discussed" names
// what was discussed, not with whom.
func TestComplementOfTalksIsNoCounterpart(t *testing.T) {
	text := "Chile discussed efforts to end the war in Peru."
	p := fakeParser{text: "Chile/PROPN/2/nsubj discussed/VERB/0/root efforts/NOUN/2/obj to/PART/5/mark end/VERB/2/xcomp " +
		"the/DET/7/det war/NOUN/5/obj in/ADP/9/case Peru/PROPN/7/nmod ./PUNCT/2/punct"}
	for _, m := range treeCoded(t, p, text) {
		if m.Event == "CONSULT" && m.Recipient.Code == "PER" {
			t.Errorf("a topic taken for a counterpart: %+v", m)
		}
	}
}

// A pronoun in an adverbial clause is not bound to the subject: in
// "condemned the strikes, saying it violated …" it is the strikes.
func TestPronounNotBoundOutsideSpeech(t *testing.T) {
	text := "Chile condemned the raid, saying it attacked Peruvian sovereignty."
	p := fakeParser{text: "Chile/PROPN/2/nsubj condemned/VERB/0/root the/DET/4/det raid/NOUN/2/obj ,/PUNCT/6/punct " +
		"saying/VERB/2/advcl it/PRON/8/nsubj attacked/VERB/6/ccomp Peruvian/ADJ/10/amod sovereignty/NOUN/8/obj ./PUNCT/2/punct"}
	for _, m := range treeCoded(t, p, text) {
		if m.Event == "ASSAULT" && m.Actor.Code == "CHL" {
			t.Errorf("the raid's attack given to Chile: %+v", m)
		}
	}
}

// An unknown name keeps its words and no country; a time is not a name.
func TestOpenParties(t *testing.T) {
	p := fakeParser{
		"Veltrana Steelworks accused Peru of dumping.": "Veltrana/PROPN/2/compound Steelworks/PROPN/3/nsubj accused/VERB/0/root " +
			"Peru/PROPN/3/obj of/ADP/6/case dumping/NOUN/3/obl ./PUNCT/3/punct",
		"Tuesday accused Peru of dumping.": "Tuesday/PROPN/2/nsubj accused/VERB/0/root Peru/PROPN/2/obj of/ADP/5/case " +
			"dumping/NOUN/2/obl ./PUNCT/2/punct",
	}
	c := defaultCoder(t).WithParser(p)
	res := c.Code(&article.Article{Source: "t.txt", Text: "Veltrana Steelworks accused Peru of dumping.", Published: day("2020-01-01")})
	if len(res.Mentions) != 1 || res.Mentions[0].Actor.Text != "Veltrana Steelworks" || res.Mentions[0].Actor.Code != "" ||
		res.Mentions[0].Recipient.Code != "PER" {
		t.Errorf("mentions %+v, want ACCUSE by Veltrana Steelworks (no country) of PER", res.Mentions)
	}
	res = c.Code(&article.Article{Source: "t.txt", Text: "Tuesday accused Peru of dumping.", Published: day("2020-01-01")})
	for _, m := range res.Mentions {
		if m.Actor.Text == "Tuesday" {
			t.Errorf("a day was taken for a party: %+v", m)
		}
	}
}

// A subject the tree finds before the clause the words delimit does not
// overrule them: a parse that attaches "turned down" to the first clause's
// subject is an error, not a reading.
func TestTreeSubjectOutsideClause(t *testing.T) {
	text := "Chile's remarks came as Peru turned down an invitation from Bolivia."
	p := fakeParser{text: "Chile/PROPN/3/nmod:poss 's/PART/1/case remarks/NOUN/4/nsubj came/VERB/0/root as/SCONJ/7/mark " +
		"Peru/PROPN/7/obl turned/VERB/4/advcl down/ADP/7/compound:prt an/DET/10/det invitation/NOUN/7/obj " +
		"from/ADP/12/case Bolivia/PROPN/10/nmod ./PUNCT/4/punct"}
	// the misparse: "remarks", not Peru, is made the subject of "turned"
	p[text] = strings.Replace(p[text], "remarks/NOUN/4/nsubj", "remarks/NOUN/7/nsubj", 1)
	for _, m := range treeCoded(t, p, text) {
		if m.Event == "REJECT" && m.Actor.Code != "PER" {
			t.Errorf("REJECT by %s (%s), want Peru", m.Actor.Code, m.Actor.Text)
		}
	}
}

// An unknown name that says whose it is takes that country: "the
// Veltrana Front of Peru" is a Peruvian party, its words kept.
func TestOpenPartyOfCountry(t *testing.T) {
	text := "Veltrana Front of Peru accused Chile of spying."
	p := fakeParser{text: "Veltrana/PROPN/2/compound Front/PROPN/5/nsubj of/ADP/4/case Peru/PROPN/2/nmod accused/VERB/0/root " +
		"Chile/PROPN/5/obj of/ADP/8/case spying/NOUN/5/obl ./PUNCT/5/punct"}
	ms := treeCoded(t, p, text)
	if !slices.ContainsFunc(ms, func(m event.Mention) bool {
		return m.Event == "ACCUSE" && m.Actor.Code == "PER" && m.Actor.Text == "Veltrana Front of Peru" && m.Recipient.Code == "CHL"
	}) {
		t.Errorf("mentions %+v, want ACCUSE by 'Veltrana Front of Peru' (PER) of CHL", ms)
	}
}

// A later short form of such a name is the same party: "Veltrana" after
// "the Veltrana Front of Peru".
func TestOpenPartyShortForm(t *testing.T) {
	first, second := "The Veltrana Front of Peru met Bolivian envoys.", "Veltrana later accused Chile of spying."
	p := fakeParser{
		first: "The/DET/3/det Veltrana/PROPN/3/compound Front/PROPN/6/nsubj of/ADP/5/case Peru/PROPN/3/nmod met/VERB/0/root " +
			"Bolivian/ADJ/8/amod envoys/NOUN/6/obj ./PUNCT/6/punct",
		second: "Veltrana/PROPN/3/nsubj later/ADV/3/advmod accused/VERB/0/root Chile/PROPN/3/obj of/ADP/6/case " +
			"spying/NOUN/3/obl ./PUNCT/3/punct",
	}
	ms := treeCoded(t, p, first+" "+second)
	if !slices.ContainsFunc(ms, func(m event.Mention) bool {
		return m.Event == "ACCUSE" && m.Actor.Code == "PER" && m.Recipient.Code == "CHL"
	}) {
		t.Errorf("mentions %+v, want ACCUSE PER>CHL by Veltrana", ms)
	}
}

// What a speaker says another party must do is demanded of it, and the
// act demanded has not happened.
func TestDemandByObligation(t *testing.T) {
	text := "Chile said Peru must withdraw its troops from Bolivia."
	p := fakeParser{text: "Chile/PROPN/2/nsubj said/VERB/0/root Peru/PROPN/5/nsubj must/AUX/5/aux withdraw/VERB/2/ccomp " +
		"its/PRON/7/nmod:poss troops/NOUN/5/obj from/ADP/9/case Bolivia/PROPN/5/obl ./PUNCT/2/punct"}
	c := defaultCoder(t).WithParser(p)
	got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2020-01-01")}))
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "REQUEST CHL>PER") }) {
		t.Errorf("mentions %v, want REQUEST CHL>PER", got)
	}
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "RETREAT") }) {
		t.Errorf("mentions %v: the withdrawal demanded is coded as done", got)
	}
}

// The thing attacked is the target, named with its words and placed by
// the party it lies in; the casualties do not replace it.
func TestLocatedTarget(t *testing.T) {
	text := "Peru bombed a school in Chile, killing three Chilean soldiers."
	p := fakeParser{text: "Peru/PROPN/2/nsubj bombed/VERB/0/root a/DET/4/det school/NOUN/2/obj in/ADP/6/case Chile/PROPN/4/nmod " +
		",/PUNCT/8/punct killing/VERB/2/advcl three/NUM/11/nummod Chilean/ADJ/11/amod soldiers/NOUN/8/obj ./PUNCT/2/punct"}
	ms := treeCoded(t, p, text)
	if !slices.ContainsFunc(ms, func(m event.Mention) bool {
		return m.Event == "ASSAULT" && m.Trigger == "bombed" && m.Recipient.Code == "CHL" && m.Recipient.Text == "a school in Chile"
	}) {
		t.Errorf("mentions %+v, want ASSAULT PER → 'a school in Chile' (CHL)", ms)
	}
}

// An agreement to act later is made when the text says, not on the day of
// the act agreed to.
func TestAgreementDatedWhenMade(t *testing.T) {
	text := "Chile agreed to hold talks with Peru on April 1."
	p := fakeParser{text: "Chile/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark hold/VERB/2/xcomp talks/NOUN/4/obj " +
		"with/ADP/7/case Peru/PROPN/5/nmod on/ADP/9/case April/PROPN/4/obl 1/NUM/9/nummod ./PUNCT/2/punct"}
	c := defaultCoder(t).WithParser(p)
	got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2020-03-03")}))
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "AGREE CHL>PER 2020-03-03..2020-03-03 asserted") }) {
		t.Errorf("mentions %v, want AGREE CHL>PER made on the article's day", got)
	}
}

// A time phrase that modifies another event's noun dates that event, not
// the one the sentence reports: opening an inquiry into Tuesday's attack
// happened when the article says, not on Tuesday.
func TestTimeOfAnotherEvent(t *testing.T) {
	text := "Chile opened an inquiry into Tuesday's attack on Peru."
	p := fakeParser{text: "Chile/PROPN/2/nsubj opened/VERB/0/root an/DET/4/det inquiry/NOUN/2/obj into/ADP/8/case " +
		"Tuesday/PROPN/8/nmod:poss 's/PART/6/case attack/NOUN/4/nmod on/ADP/10/case Peru/PROPN/8/nmod ./PUNCT/2/punct"}
	c := defaultCoder(t).WithParser(p)
	got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2020-01-10")}))
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "ACCUSE CHL>PER 2020-01-10..2020-01-10") }) {
		t.Errorf("mentions %v, want ACCUSE CHL>PER on the article's day, not Tuesday's", got)
	}
}

// An event noun that only modifies another noun is not the subject's act:
// officials who name culprits for a bombing did not bomb; a verb whose object
// the noun is (or a noun it compounds) does govern it.
func TestGovernedEventNoun(t *testing.T) {
	culprits := "Chilean police named several culprits for the bombing of the Peruvian embassy."
	launched := "Chile launched a bombing campaign against Peru."
	p := fakeParser{
		culprits: "Chilean/ADJ/2/amod police/NOUN/3/nsubj named/VERB/0/root several/ADJ/5/amod culprits/NOUN/3/obj " +
			"for/ADP/8/case the/DET/8/det bombing/NOUN/5/nmod of/ADP/13/case the/DET/13/det Peruvian/ADJ/13/amod " +
			"embassy/NOUN/8/nmod ./PUNCT/3/punct",
		launched: "Chile/PROPN/2/nsubj launched/VERB/0/root a/DET/5/det bombing/NOUN/5/compound campaign/NOUN/2/obj " +
			"against/ADP/7/case Peru/PROPN/5/nmod ./PUNCT/2/punct",
	}
	for _, m := range treeCoded(t, p, culprits) {
		if m.Event == "ASSAULT" && m.Actor.Code == "CHL" {
			t.Errorf("the bombing given to those who named its culprits: %+v", m)
		}
	}
	if !anyMention(treeCoded(t, p, launched), func(m event.Mention) bool {
		return m.Event == "ASSAULT" && m.Actor.Code == "CHL" && m.Recipient.Code == "PER"
	}) {
		t.Errorf("a bombing campaign launched by Chile not coded ASSAULT CHL>PER")
	}
}

// A statement or letter that says something speaks for whoever issued it:
// "issued a statement condemning X" is the issuer's accusation.
func TestIssuedPaperSpeaksForIssuer(t *testing.T) {
	text := "The Chilean president, who rarely comments on his successor, issued a statement condemning Peru."
	p := fakeParser{text: "The/DET/3/det Chilean/ADJ/3/amod president/NOUN/12/nsubj ,/PUNCT/7/punct who/PRON/7/nsubj " +
		"rarely/ADV/7/advmod comments/VERB/3/acl:relcl on/ADP/10/case his/PRON/10/nmod:poss successor/NOUN/7/obl ,/PUNCT/7/punct " +
		"issued/VERB/0/root a/DET/14/det statement/NOUN/12/obj condemning/VERB/14/acl Peru/PROPN/15/obj ./PUNCT/12/punct"}
	if !anyMention(treeCoded(t, p, text), func(m event.Mention) bool {
		return m.Event == "ACCUSE" && m.Actor.Code == "CHL" && m.Recipient.Code == "PER"
	}) {
		t.Errorf("the statement's condemnation not given to its issuer")
	}
}

// A "to" phrase parsed on the thing handed over still names the receiver.
func TestTransferToPhraseOnObject(t *testing.T) {
	text := "Peru returned the stolen paintings to Chile."
	p := fakeParser{text: "Peru/PROPN/2/nsubj returned/VERB/0/root the/DET/5/det stolen/ADJ/5/amod paintings/NOUN/2/obj " +
		"to/ADP/7/case Chile/PROPN/5/nmod ./PUNCT/2/punct"}
	if !anyMention(treeCoded(t, p, text), func(m event.Mention) bool {
		return m.Event == "RETREAT" && m.Actor.Code == "PER" && m.Recipient.Code == "CHL"
	}) {
		t.Errorf("a return with its receiver attached to the thing not coded RETREAT PER>CHL")
	}
}

// A thing only described by a party word ("military aid") is handed to
// whoever the trigger's preposition names: the recipient is Chile, in its
// own words.
func TestRecipientAfterTheThingHandedOver(t *testing.T) {
	tests := map[string]string{
		"Peru suspended military aid to Chile.": "Peru/PROPN/2/nsubj suspended/VERB/0/root military/ADJ/4/amod aid/NOUN/2/obj " +
			"to/ADP/6/case Chile/PROPN/2/obl ./PUNCT/2/punct",
		"Peru cut off humanitarian aid to Chile.": "Peru/PROPN/2/nsubj cut/VERB/0/root off/ADP/2/compound:prt " +
			"humanitarian/ADJ/5/amod aid/NOUN/2/obj to/ADP/7/case Chile/PROPN/5/nmod ./PUNCT/2/punct",
	}
	for text := range tests {
		ms := treeCoded(t, tests, text)
		if len(ms) == 0 {
			t.Errorf("%q: no event", text)
			continue
		}
		for _, m := range ms {
			if m.Recipient.Text != "Chile" {
				t.Errorf("%q: %s recipient %q, want Chile", text, m.Event, m.Recipient.Text)
			}
		}
	}
}

// A joint act's counterpart is who it was done with; its object is what it
// was about, wherever the parser attaches the "with" phrase.
func TestJointActCounterpartIsWith(t *testing.T) {
	tests := map[string]string{
		"Peru discussed Bolivia with Chile.": "Peru/PROPN/2/nsubj discussed/VERB/0/root Bolivia/PROPN/2/obj with/ADP/5/case " +
			"Chile/PROPN/3/nmod ./PUNCT/2/punct",
	}
	for text := range tests {
		for _, m := range treeCoded(t, tests, text) {
			if m.Event == "CONSULT" && m.Recipient.Code != "CHL" {
				t.Errorf("%q: counterpart %s, want CHL", text, m.Recipient.Code)
			}
		}
	}
}

// What an act is aimed at keeps its words when it is no party: "boycotted
// the municipal elections" has a recipient text and no code; a clause on the
// object is left out.
func TestObjectTextWhenNoParty(t *testing.T) {
	tests := map[string]string{
		"Peru boycotted the municipal elections.": "Peru/PROPN/2/nsubj boycotted/VERB/0/root the/DET/5/det municipal/ADJ/5/amod " +
			"elections/NOUN/2/obj ./PUNCT/2/punct",
		"Peru rejected the results announced on Sunday.": "Peru/PROPN/2/nsubj rejected/VERB/0/root the/DET/4/det results/NOUN/2/obj " +
			"announced/VERB/4/acl on/ADP/7/case Sunday/PROPN/5/obl ./PUNCT/2/punct",
	}
	want := map[string]string{"Peru boycotted the municipal elections.": "the municipal elections",
		"Peru rejected the results announced on Sunday.": "the results"}
	for text := range tests {
		ms := treeCoded(t, tests, text)
		if len(ms) != 1 {
			t.Fatalf("%q: %d mentions, want 1", text, len(ms))
		}
		if r := ms[0].Recipient; r.Text != want[text] || r.Code != "" {
			t.Errorf("%q: recipient %+v, want text %q and no code", text, r, want[text])
		}
	}
}

// A common noun placed at a place that is itself placed or qualified stands
// for that place's party, in its own words: "a guard at a Peruvian hospital".
func TestPlacedChain(t *testing.T) {
	text := "A guard at a Peruvian hospital killed two Chilean doctors."
	p := fakeParser{text: "A/DET/2/det guard/NOUN/7/nsubj at/ADP/6/case a/DET/6/det Peruvian/ADJ/6/amod hospital/NOUN/2/nmod " +
		"killed/VERB/0/root two/NUM/10/nummod Chilean/ADJ/10/amod doctors/NOUN/7/obj ./PUNCT/7/punct"}
	if !anyMention(treeCoded(t, p, text), func(m event.Mention) bool {
		return m.Event == "ASSAULT" && m.Actor.Code == "PER" && m.Actor.Text == "A guard at a Peruvian hospital" && m.Recipient.Code == "CHL"
	}) {
		t.Errorf("the guard at a Peruvian hospital not coded as the Peruvian side of ASSAULT PER>CHL")
	}
}

// treeCoded codes text with the hand-written trees of p.
func treeCoded(t *testing.T, p fakeParser, text string) []event.Mention {
	t.Helper()
	c := defaultCoder(t).WithParser(p)
	return c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2020-01-01")}).Mentions
}

// anyMention reports a mention that fits.
func anyMention(ms []event.Mention, fits func(event.Mention) bool) bool {
	return slices.ContainsFunc(ms, fits)
}

// A meeting the clause happens in is an event of its subject's, with the
// meeting's own counterpart or else whoever the clause addresses; an event
// noun the subject announces is the subject's ("a suspension of aid", which
// is no aid); what an agreed act is done to is named by its preposition when
// its object is a mere kind of party ("a company in X").
func TestMeetingsNounsAndComplements(t *testing.T) {
	tests := []struct {
		name, text, tree string
		fits             func(event.Mention) bool
	}{
		{
			name: "told X in a phone call",
			text: "The Peruvian president told the Chilean president in a phone call on Monday that talks would resume.",
			tree: "The/DET/3/det Peruvian/ADJ/3/amod president/NOUN/4/nsubj told/VERB/0/root the/DET/7/det Chilean/ADJ/7/amod " +
				"president/NOUN/4/iobj in/ADP/11/case a/DET/11/det phone/NOUN/11/compound call/NOUN/4/obl on/ADP/13/case " +
				"Monday/PROPN/11/nmod that/PRON/17/obj talks/NOUN/17/nsubj would/AUX/17/aux resume/VERB/11/acl:relcl ./PUNCT/4/punct",
			fits: func(m event.Mention) bool {
				return m.Event == "CONSULT" && m.Actor.Code == "PER" && m.Recipient.Code == "CHL"
			},
		},
		{
			name: "pledged support during a visit to X",
			text: "The Peruvian president pledged support during a visit to Santiago on Monday.",
			tree: "The/DET/3/det Peruvian/ADJ/3/amod president/NOUN/4/nsubj pledged/VERB/0/root support/NOUN/4/obj during/ADP/8/case " +
				"a/DET/8/det visit/NOUN/5/nmod to/ADP/10/case Santiago/PROPN/8/nmod on/ADP/12/case Monday/PROPN/8/nmod ./PUNCT/4/punct",
			fits: func(m event.Mention) bool {
				return m.Event == "CONSULT" && m.Mode == "visit" && m.Actor.Code == "PER" && m.Recipient.Code == "CHL"
			},
		},
		{
			name: "agreed to set up a company in X: the place, not the company, is the other side",
			text: "Peru agreed to set up a new company in Bolivia.",
			tree: "Peru/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark set/VERB/2/xcomp up/ADP/4/compound:prt a/DET/8/det " +
				"new/ADJ/8/amod company/NOUN/4/obj in/ADP/10/case Bolivia/PROPN/4/obl ./PUNCT/2/punct",
			fits: func(m event.Mention) bool {
				return m.Event == "AGREE" && m.Recipient.Code == "BOL" && m.Recipient.Text == "Bolivia"
			},
		},
		{
			name: "announced a suspension of aid to X",
			text: "Peru announced a suspension of aid to Chile on Monday.",
			tree: "Peru/PROPN/2/nsubj announced/VERB/0/root a/DET/4/det suspension/NOUN/2/obj of/ADP/6/case aid/NOUN/4/nmod " +
				"to/ADP/8/case Chile/PROPN/6/nmod on/ADP/10/case Monday/PROPN/8/nmod ./PUNCT/2/punct",
			fits: func(m event.Mention) bool {
				return m.Event == "SANCTION" && m.Actor.Code == "PER" && m.Recipient.Code == "CHL"
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := treeCoded(t, fakeParser{tt.text: tt.tree}, tt.text)
			if !anyMention(ms, tt.fits) {
				t.Errorf("%q: wanted mention not among %+v", tt.text, ms)
			}
			if anyMention(ms, func(m event.Mention) bool { return m.Event == "AID" }) {
				t.Errorf("%q: AID coded", tt.text)
			}
		})
	}
}

// A party the tree marks with the determiner "no" is no one.
func TestNoOneActs(t *testing.T) {
	text := "No Peruvian official attended the Chilean summit."
	p := fakeParser{text: "No/DET/3/det Peruvian/ADJ/3/amod official/NOUN/4/nsubj attended/VERB/0/root the/DET/7/det " +
		"Chilean/PROPN/7/compound summit/NOUN/4/obj ./PUNCT/4/punct"}
	if ms := treeCoded(t, p, text); anyMention(ms, func(m event.Mention) bool { return m.Actor.Code == "PER" }) {
		t.Errorf("%q: 'no Peruvian official' acted: %+v", text, ms)
	}
}

// A protest whose target the words name, but no party, is against that
// target in the protesters' own country, not against "their government".
func TestProtestTargetInWords(t *testing.T) {
	text := "Peruvian opposition leaders are boycotting the presidential poll."
	p := fakeParser{text: "Peruvian/ADJ/3/amod opposition/NOUN/3/compound leaders/NOUN/5/nsubj are/AUX/5/aux boycotting/VERB/0/root " +
		"the/DET/8/det presidential/ADJ/8/amod poll/NOUN/5/obj ./PUNCT/5/punct"}
	if ms := treeCoded(t, p, text); !anyMention(ms, func(m event.Mention) bool {
		return m.Event == "PROTEST" && m.Recipient.Code == "PER" && m.Recipient.Text == "the presidential poll" && m.Recipient.Sector == ""
	}) {
		t.Errorf("%q: want PROTEST PER>PER against 'the presidential poll', got %+v", text, ms)
	}
}

// A threatening verb coordinated to a verb under "would" shares its modal:
// what would happen is not a threat made.
func TestThreatSharesModal(t *testing.T) {
	text := "Peru would then become a regional power and threaten Chile."
	p := fakeParser{text: "Peru/PROPN/4/nsubj would/AUX/4/aux then/ADV/4/advmod become/VERB/0/root a/DET/7/det regional/ADJ/7/amod " +
		"power/NOUN/4/xcomp and/CCONJ/9/cc threaten/VERB/4/conj Chile/PROPN/9/obj ./PUNCT/4/punct"}
	if ms := treeCoded(t, p, text); anyMention(ms, func(m event.Mention) bool { return m.Event == "THREATEN" }) {
		t.Errorf("%q: a possible threat coded as made: %+v", text, ms)
	}
}

// A group of no country of its own that the tree places somewhere is a
// party of that place, in the phrase's words: the aid went to Bolivia.
func TestPlacedGroupRecipient(t *testing.T) {
	text := "Peru provided food aid to 3,000 people in northern Bolivia."
	p := fakeParser{text: "Peru/PROPN/2/nsubj provided/VERB/0/root food/NOUN/4/compound aid/NOUN/2/obj to/ADP/7/case 3,000/NUM/7/nummod " +
		"people/NOUN/4/nmod in/ADP/10/case northern/ADJ/10/amod Bolivia/PROPN/7/nmod ./PUNCT/2/punct"}
	if ms := treeCoded(t, p, text); !anyMention(ms, func(m event.Mention) bool {
		return m.Event == "AID" && m.Recipient.Code == "BOL" && strings.Contains(m.Recipient.Text, "northern Bolivia")
	}) {
		t.Errorf("%q: want AID PER>BOL to the people in northern Bolivia, got %+v", text, ms)
	}
}

// A phrase the trigger's preposition marks, hung by the parser on a noun
// inside the object ("on X" under "bans"), still names the recipient; a
// thing or a place found that way does not.
func TestNestedRecipientPhrase(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Canadian government imposed new targeted sanctions over the election crisis, including travel bans and asset freezes, on Belarusian officials.", "COERCE CAN>BLR", true},
		{"The Canadian government imposed new targeted sanctions over the election crisis, including travel bans and asset freezes.", "COERCE CAN>BLR", false},
	})
}

// An inquiry into a clause is into the clause's subject: "whether X was
// spied on", "allegations that X crossed the border"; a clause that only
// follows the verb ("after X crossed") names no one inquired into.
func TestInquiryIntoClause(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Kenyan authorities have opened an investigation into whether the Ugandan ambassador was spied on.", "ACCUSE KEN>UGA", true},
		{"The Chilean police are investigating allegations that Peruvian soldiers crossed the border.", "ACCUSE CHL>PER", true},
		{"The Chilean police opened an inquiry into reports that Peruvian soldiers crossed the border.", "ACCUSE CHL>PER", true},
		{"The Chilean police opened an investigation after Peruvian soldiers crossed the border.", "ACCUSE CHL>PER", false},
	})
}

// Parties of a joint act listed with commas ("Chile, Peru, the European
// Union, and Bolivia were meeting") are joined by the tree where the words
// join only "X and Y"; a counterpart after "with" stays the other side.
func TestJointActListedSides(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Chile, Peru, the European Union, and Bolivia were meeting in Lima last week.", "CONSULT CHL>PER", true},
		{"Chile, Peru, the European Union, and Bolivia were meeting in Lima last week with Ecuador.", "CONSULT CHL>ECU", true},
		{"Chile, Peru, the European Union, and Bolivia were meeting in Lima last week with Ecuador.", "CONSULT CHL>PER", false},
	})
}

// A number or a partitive before "of" names part of a group: the party is
// the group ("freed 11 of the country's political prisoners", "announced
// the arrest of 26 members of the Lima gang"), not a state it belongs to.
func TestPartitiveParty(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Iranian authorities on Wednesday unexpectedly freed 11 of Iran's most prominent political prisoners.", "RETREAT IRN>IRN", true},
		{"Kenyan police arrested 12 of the Ugandan protesters on Monday.", "COERCE KEN>UGA", true},
	})
}

// A thing handed over may be described at length, or be the passive
// subject, and the receiver's "to" phrase hang inside the description or
// on the agent; a "to" inside a relative clause is that clause's own.
func TestTransferLongDescription(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Chilean police returned a silver pendant engraved with the image of Peter the Great to Peruvian authorities.", "RETREAT CHL>PER", true},
		{"The bookmark was returned by Chilean officials to Peruvian authorities in June 2010.", "RETREAT CHL>PER", true},
		{"Chile returned the paintings that belonged to Peru.", "RETREAT CHL>PER", false},
	})
}
