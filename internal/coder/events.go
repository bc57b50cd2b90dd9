package coder

import (
	"fmt"
	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/codes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/plover"
)

// reciprocal types: the two sides of "X and Y met" are actor and recipient.
var reciprocal = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

// mutual reports a trigger whose two sides act together: a reciprocal type,
// or a formal agreement signed (CAMEO 057, SUPPORT in PLOVER): "X and Y
// signed a pact" is between X and Y whatever the type.
func mutual(tr lexicon.Trigger) bool {
	return reciprocal[tr.Entry.Event] || tr.Entry.CAMEO == "057"
}

// codeSentence turns the triggers of one sentence into mentions.
func (c *Coder) codeSentence(d *doc, s *sentence) []event.Mention {
	if s.question() {
		return nil // "Are you suggesting that if there's a strike …?": asked, not told
	}
	var out []event.Mention
	seen := map[string]bool{}
	var inner map[int]bool // mentions told inside another event's clause
	// a verb whose frame is not there is no trigger at all ("ordered an
	// inquiry", not "ordered X to appear"), so the inquiry is not read as
	// told inside it
	s.triggers = slices.DeleteFunc(s.triggers, func(tr lexicon.Trigger) bool {
		switch tr.Entry.Frame {
		case lexicon.FrameControl:
			return !c.controls(s, tr)
		case lexicon.FrameTransfer:
			return !c.transfers(s, tr)
		}
		return s.lightVerb(tr) || s.noObject(tr) || s.showing(tr)
	})
	dem, demanded := c.demands(d, s, seen)
	for ti, tr := range s.triggers {
		if within(demanded, tr.Start) {
			continue // the act demanded ("Israel must end its attacks") is not done
		}
		var charged *chunk
		blamer := -1 // the blaming trigger when the doer is only blamed
		told := false
		var actor, recip *chunk
		cs := -1
		if c.embedded(s, ti) {
			actor, recip, cs = c.roles(d, s, tr)
			if told = ownDyad(s, tr, actor, recip); !told {
				if charged, blamer = s.chargedWith(ti); charged == nil {
					continue
				}
			}
		}
		if cs < 0 {
			actor, recip, cs = c.roles(d, s, tr)
		}
		if charged != nil {
			actor = charged // "indicted a girl for punching a soldier": the girl punched
		}
		if actor == nil && recip != nil && unattributed(s, tr, recip) {
			// "a bomb attack killed 44 people at a stadium in Istanbul",
			// "two protesters were killed at a rally": an attack whose
			// victims are named and whose attackers are not is still an
			// attack, by someone unidentified
			actor = &chunk{start: s.start + tr.Start, end: s.start + tr.Start, open: true,
				party: event.Party{Text: unidentified}}
		}
		if actor == nil || actor.party.Code == "" && !actor.open && actor.party.Sector == "" {
			// a word that names no one; "the court", "police" of a text
			// that names no country still act, with no country
			continue
		}
		recip = d.regime(s, actor, recip)
		if recip == nil && tr.Entry.Event == "THREATEN" && tr.Entry.Mode == "" {
			// "vowed to prevail", "warned of a phase two": a threat of no
			// act named to no one named is no event (a threatened attack,
			// "will respond to any aggression", stands without a target)
			continue
		}
		if tr.Entry.Event == "ACCUSE" {
			if t := d.judged(s, tr, actor); t != nil {
				recip = t // "condemned the airstrikes": whoever struck
			}
		}
		typ, mode, cameo := tr.Entry.Event, tr.Entry.Mode, tr.Entry.CAMEO
		negFrom := cs
		if a := s.tokAt(actor.start); a > cs && a < tr.TokStart && actor.start >= s.start {
			// "After insisting the forces were not to blame, authorities
			// admitted …": a negation before the subject is the opening
			// phrase's, not the verb's
			negFrom = a
		}
		negFrom = s.negationScope(negFrom, tr)
		if s.hasWord(negFrom, tr.TokStart, negations) {
			// "will not attend", "refused to meet": a refusal is an event
			if !refusable[typ] || tr.IsNoun && !s.lightVerbBefore(tr) || !s.refusal(cs, tr.TokStart) {
				continue
			}
			typ, mode, cameo = "REJECT", "", "12"
			if recip == nil || recip.party.Code == "" {
				if u := s.conditionParty(tr.TokEnd); u != nil && u != actor {
					recip = u // "will not lift the embargo until Chile reforms": refused to Chile
				}
			}
		}
		if threatModes[typ] != "" && !tr.IsNoun && s.lower(tr.TokStart-1) == "to" && s.hasWord(max(cs, tr.TokStart-4), tr.TokStart, readyWords) {
			// "the US is prepared to sanction Europeans": a stated
			// readiness to coerce is a threat, made now
			typ, mode, cameo = "THREATEN", threatMode(typ, mode), "130"
		}
		if at := attackWord(tr); typ == "ASSAULT" && at >= 0 && s.hasWord(at-3, at, verbalWords) {
			// "launched a scathing attack on the government": words, not
			// weapons
			typ, mode, cameo = "ACCUSE", "disapprove", "111"
		}
		offer := false
		if threatModes[typ] == "" && !tr.IsNoun && typ != "THREATEN" && s.lower(tr.TokStart-1) == "to" && s.hasWord(max(cs, tr.TokStart-4), tr.TokStart, readyWords) {
			// "Peru is willing to withdraw its troops", "offered to send
			// aid": a stated readiness to do anything else is an offer,
			// AGREE in PLOVER, made now; the act itself has not happened
			typ, mode, cameo, offer = "AGREE", "", "030", true
		}
		if !offer && s.statedIntent(tr, cs, actor) {
			// "Pyongyang said it would launch missiles", "the rebels said
			// they will release the hostages": an actor announcing its own
			// act commits to it now; force or penalties so announced are
			// a threat, a concession or help a promise (AGREE)
			switch {
			case threatModes[typ] != "":
				typ, mode, cameo = "THREATEN", threatMode(typ, mode), "130"
			case promised[typ]:
				typ, mode, cameo, offer = "AGREE", "", "030", true
			}
		}
		// a refusal ("will not meet") is made now, whatever it refuses
		mayHappen, suspected := s.modals(cs, tr.TokStart)
		future := s.hasWord(cs, tr.TokStart, futureWords) && !refusal(typ, tr) && typ != "THREATEN" && !offer && !suspected
		if tr.IsNoun && (s.hasWord(tr.TokStart-2, tr.TokStart, prospectWords) && !prepositions[s.lower(tr.TokStart-1)] || c.conditionalSubject(s, tr)) {
			continue // "a possible agreement", "future negotiations": not yet events
		}
		if tr.IsNoun && s.hasWord(max(cs, tr.TokStart-4), tr.TokStart, desireWords) {
			continue
		}
		if s.lower(tr.TokStart-1) == "to" && pastPlans[s.lower(tr.TokStart-2)] && s.lower(tr.TokStart-3) == "had" {
			continue // "Obama had planned to meet Salman": a plan overtaken
		}
		if !offer && typ == tr.Entry.Event && c.nominalInfinitive(s, tr) {
			continue // "the ability to strike", "reluctant to target": a capacity or a stance, no act
		}
		if s.hasWord(max(cs, tr.TokStart-4), tr.TokStart, unrealWords) {
			continue // "the prospect of a deal", "failure to reach agreement", "postponed a trip"
		}
		if (s.hasWord(cs, tr.TokStart, hypoWords) || mayHappen) && typ != "THREATEN" || s.modalVerb(tr) || c.modalTree(s, tr) {
			continue // "Iran might attack Israel": a possibility, not an event
		}
		if typ != "THREATEN" && !offer && !refusal(typ, tr) && c.irrealis(s, tr) {
			continue // "if the US holds exercises", "can reject", "hope they will reach"
		}
		if (s.hasWord(cs, tr.TokStart, condWords) || s.conditionalClause(cs, tr)) && tr.Entry.Event != "THREATEN" {
			continue
		}
		if typ == "THREATEN" && !tr.IsNoun && s.lower(tr.TokEnd) == "that" {
			// "Rice warned that Netanyahu's speech would be destructive" is
			// a judgement of another party, not a threat of one's own
			c := s.complementSubject(tr.TokEnd + 1)
			switch {
			case c != nil && c.party.Code != "" && c.party.Code != actor.party.Code:
				typ, mode, cameo, recip = "ACCUSE", "", "11", c
			case c != nil:
				// "warned that the US will strike the militias": the
				// threatened party is the object of the complement
				recip = s.firstOtherAfter(c, actor.party.Code)
			}
		}
		if typ == "MOBILIZE" && s.peacekeeping(cs) {
			// "sent 200 troops to Bolivia to serve as a peacekeeping force":
			// troops sent to keep a peace protect (CAMEO 074)
			typ, mode, cameo = "AID", "", "074"
		}
		if typ == "ASSAULT" && !lethal(s.lower(tr.TokStart)) && politician(actor) && politician(recip) {
			// "Trump fired back at Rouhani", "the president and the
			// chancellor clashed": office holders attacking each other
			// without weapons named do it in words
			typ, mode, cameo = "ACCUSE", "", "111"
		}
		if typ == "ASSAULT" && mode == "" && !lethal(s.lower(tr.TokStart)) && partisan[actor.party.Sector] {
			// "fresh Republican attacks on the president": parties and
			// legislators attack in words (an armed group is REB first)
			typ, mode, cameo = "ACCUSE", "", "111"
		}
		if typ == "ASSAULT" && actor.party.EntityID == "" && actor.party.Sector == "CVL" && tr.Entry.Mode == "" && !lethal(s.lower(tr.TokStart)) {
			// "hundreds of protesters stormed the Green Zone": crowds
			// without weapons named are protesting, not attacking
			typ, mode, cameo = "PROTEST", "", "14"
		}
		m := event.Mention{
			Event: typ, Mode: mode, CAMEO: cameo,
			Actor: actor.party, Sentence: s.text, SentStart: s.start, SentEnd: s.end,
			Trigger: s.text[tr.Start:tr.End], Confidence: 0.6,
		}
		if recip == nil && typ == "PROTEST" && actor.party.EntityID == "" && actor.party.Code != "" {
			// "Iranians demonstrated after the government hiked prices": a
			// protest with no named target is against the protesters' own state
			recip = &chunk{start: actor.start, end: actor.start, party: event.Party{Code: actor.party.Code, Sector: "GOV", Text: "(their government)"}}
			if t := s.parsed(c.parser); t != nil && !tr.IsNoun {
				if w := t.objectText(s, tr); w != "" {
					// "boycotting the presidential poll", "a strike at the
					// copper mine": a target the words name, in the
					// protesters' own country, is no government of theirs
					recip.party.Sector, recip.party.Text, recip.located = "", w, true
				}
			}
		}
		if (recip == nil || recip == actor) && (needsRecipient(tr.Entry.Event) || needsRecipient(typ) || tr.IsNoun) {
			continue
		}
		if recip == nil && !tr.IsNoun {
			if t := s.parsed(c.parser); t != nil {
				// "rejected the election results", "boycott the meeting":
				// what the act was aimed at, in the text's words, when it
				// is no party (no country, no code)
				m.Recipient.Text = t.objectText(s, tr)
			}
		}
		if recip != nil && recip != actor {
			if recip.party.EntityID != "" && recip.party.EntityID == actor.party.EntityID {
				continue
			}
			m.Actor, m.Recipient = domestic(actor, recip, typ)
			if actor.unplaced && m.Actor.Code == m.Recipient.Code && d.fallbackN <= 1 && stateMatch(recip, m.Actor.Code) != nil {
				// "A militia attacked a U.S. base.": the article's country,
				// given to a party of no country of its own, comes from the
				// target alone, the one place the text names it; the
				// party's country is unknown
				m.Actor.Code = ""
			}
			if m.Actor.Code != "" && m.Recipient.Code == m.Actor.Code && m.Recipient.Sector == "" && m.Recipient.EntityID == "" && !recip.generic && !recip.plural && !s.placeInside(recip) && !s.demonymOf(recip) && !townOf(recip) && !s.ownerOfThing(recip, tr) {
				continue // "the White House" acting on "the US": a state is not its own counterpart
			}
			if recip.media && typ == "CONSULT" {
				continue // speaking to a news channel is not a consultation
			}
			m.Confidence += 0.2
		}
		c.complete(d, s, tr, cs, actor, future, &m)
		if suspected && (m.Claim == event.Asserted || m.Claim == event.Reported) {
			m.Claim = event.Alleged // "hackers may have attacked the power grid of Chile"
		}
		if blamer >= 0 {
			// "the U.S. blamed the militia for a rocket attack": that the
			// militia attacked is the accuser's allegation
			m.Claim = event.Alleged
			if by, _ := s.subject(s.triggers[blamer]); by != nil {
				m.ReportedBy = append(m.ReportedBy, by.party.Text)
			}
		}
		key := dyadKey(m)
		if seen[key] {
			continue
		}
		seen[key] = true
		if m.Event == "ASSAULT" && m.Actor.Text == unidentified && d.attackTold(m) {
			// "He said 69 people were wounded": the toll of an attack the
			// text has told is no attack of its own
			continue
		}
		// one actor, one event per clause: the main verb comes first, later
		// triggers of the same actor mostly elaborate it
		ck := fmt.Sprintf("%d|%s%s|%s", cs, m.Actor.Code, m.Actor.EntityID, m.Actor.Sector)
		if seen[ck] && !participle(s, tr) && !s.meetingAround(tr) {
			continue
		}
		seen[ck] = true
		if told {
			if inner == nil {
				inner = map[int]bool{}
			}
			inner[len(out)] = true
		}
		out = append(out, m)
		if m.Event == "ASSAULT" {
			d.attacks = append(d.attacks, m)
		}
		if recip != nil && recip != actor && m.Recipient.Code != "" {
			// "met with Ban Ki-moon and Egyptian Foreign Minister Shukri":
			// each side named in a coordinated object is a dyad of its own
			for _, o := range s.objConjuncts(recip) {
				if o.party.Code == "" || o.party.Code == m.Recipient.Code || o.party.Code == m.Actor.Code {
					continue
				}
				m2 := m
				m2.Recipient = o.party
				if k := dyadKey(m2); !seen[k] {
					seen[k] = true
					out = append(out, m2)
				}
			}
		}
	}
	out = append(out, dem...)
	out = append(out, c.violations(d, s, seen)...)
	out = append(out, c.callings(d, s, seen)...)
	out = append(out, c.responsibilities(d, s, seen)...)
	out = append(out, c.blames(d, s, out, seen)...)
	d.noteActors(out, inner)
	return out
}

// within reports an offset inside one of the byte ranges.
func within(ranges [][2]int, at int) bool {
	for _, r := range ranges {
		if at >= r[0] && at < r[1] {
			return true
		}
	}
	return false
}

// complete fills what every mention gets once its type and parties are
// known: PLOVER quad and score, place, date window and claim.
func (c *Coder) complete(d *doc, s *sentence, tr lexicon.Trigger, cs int, actor *chunk, future bool, m *event.Mention) {
	if t, ok := plover.ParseType(m.Event); ok {
		m.Event = string(t)
		m.Quad = int(t.Quad())
		m.Score = plover.Score(t, m.Mode)
	}
	m.Location = s.location(cs, tr)
	c.date(d, s, tr, future, m)
	c.claim(d, s, tr, actor, future, m)
}

// dyadKey identifies a mention's type and parties within a sentence.
func dyadKey(m event.Mention) string {
	return m.Event + "|" + m.Actor.Code + m.Actor.EntityID + "|" + m.Recipient.Code + m.Recipient.EntityID
}

// refusal reports an event turned into REJECT because the text refuses it
// ("will not meet").
func refusal(typ string, tr lexicon.Trigger) bool {
	return typ == "REJECT" && tr.Entry.Event != "REJECT"
}

// domestic gives an unplaced crowd the country of the security forces it
// faces: "Yemeni security forces used tear gas to disperse the
// demonstrators" at the US embassy in Sanaa disperse Yemenis.
func domestic(actor, recip *chunk, typ string) (event.Party, event.Party) {
	a, r := actor.party, recip.party
	if typ != "ASSAULT" && typ != "COERCE" && typ != "PROTEST" {
		return a, r
	}
	crowd := func(c *chunk) bool { return c.generic && c.unplaced && c.party.Sector == "CVL" }
	state := func(c *chunk) bool {
		return !c.unplaced && c.party.Code != "" && securitySectors[c.party.Sector]
	}
	if crowd(recip) && state(actor) {
		// not the other way round: a crowd attacking forces may face
		// foreign ones ("hurled stones at U.S. Marines")
		r.Code = a.Code
	}
	return a, r
}

var securitySectors = set("COP", "MIL", "GOV", "JUD", "SPY")

// subjectAgent finds the party behind a passive subject that is not a party
// itself: "A deal proposed by Egypt … was rejected" rejects Egypt.
func (s *sentence) subjectAgent(cs int, tr lexicon.Trigger) *chunk {
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci < cs || ci >= tr.TokStart {
			continue
		}
		if p := s.lower(ci - 1); p == "by" || p == "from" {
			return c
		}
	}
	return nil
}

// objConjuncts returns the parties coordinated with an object: "with Ban
// Ki-moon and Egyptian Foreign Minister Shukri", "with Obama, Cameron,
// Hollande and Putin". A run of comma-separated parties counts only when an
// "and" closes it, so an apposition or a following clause ("met Obama,
// Netanyahu said") is not read as a list.
func (s *sentence) objConjuncts(c *chunk) []*chunk {
	var out, pending []*chunk
	for cur := c; ; {
		after := s.pastNames(cur)
		if s.lower(after) == "," && s.lower(after+1) == "and" {
			after++ // the serial comma
		}
		if d := s.afterAnd(after, determiners); d != nil {
			return append(append(out, pending...), d)
		}
		if s.lower(after) != "," {
			return out
		}
		d := s.chunkAtTok(after+1, determiners)
		if d == nil {
			return out
		}
		pending = append(pending, d)
		cur = d
	}
}

// pastNames returns the token after c and any party chunks written right
// after it ("Secretary-General Ban Ki-moon": one party in two names).
func (s *sentence) pastNames(c *chunk) int {
	after := s.tokAt(c.end)
	for _, d := range s.chunks {
		if s.tokAt(d.start) == after {
			after = s.tokAt(d.end)
		}
	}
	return after
}

// chunkAtTok returns the party starting at token i, or at i+1 after one of
// dets.
func (s *sentence) chunkAtTok(i int, dets map[string]bool) *chunk {
	for _, d := range s.chunks {
		di := s.tokAt(d.start)
		if di == i || di == i+1 && dets[s.lower(i)] {
			return d
		}
	}
	return nil
}

// ownDyad reports an attack noun that names both its sides itself, the
// attacker just before it and the target after it: "to protest U.S.
// airstrikes against an Iran-backed militia over the weekend" tells of the
// airstrikes as well as of the protest.
//
// A demonym right before the word makes it a noun whatever the lexicon
// read ("to protest Ugandan airstrikes against …" is no verb).
func ownDyad(s *sentence, tr lexicon.Trigger, actor, recip *chunk) bool {
	if tr.Entry.Event != "ASSAULT" || !tr.IsNoun && !endsInDemonym(actor) {
		return false
	}
	return actor != nil && recip != nil && !actor.generic && !actor.person &&
		actor.party.Code != "" && recip.party.Code != "" && actor.party.Code != recip.party.Code &&
		s.tokAt(actor.end) == tr.TokStart && recip.start >= s.start+tr.End
}

// endsInDemonym reports a party whose last word is a demonym ("Ugandan").
func endsInDemonym(c *chunk) bool {
	return c != nil && len(c.matches) > 0 && c.matches[len(c.matches)-1].Kind == actors.KindDemonym &&
		c.matches[len(c.matches)-1].End == c.end
}

// embedded reports a trigger that only completes another one in its clause:
// "threatened to close", "vowed to continue attacks", "called on Iraq to
// pursue" code the outer event only.
func (c *Coder) embedded(s *sentence, ti int) bool {
	tr := s.triggers[ti]
	if ti > 0 && !tr.IsNoun && strings.HasSuffix(s.lower(tr.TokStart), "ing") && s.lower(tr.TokStart-1) == "," {
		// "…attack on the base, injuring five soldiers": the attack's
		// toll; but "filed a complaint, accusing Israel of war crimes"
		// is a second, verbal act of the same subject
		return !sayingActs[tr.Entry.Event]
	}
	if s.caused(tr) != nil {
		return false // "prompting Tehran to pledge retaliation": Tehran's own act
	}
	cs, _ := s.clauseStart(tr.TokStart)
	for j := ti - 1; j >= 0; j-- {
		prev := s.triggers[j]
		if prev.TokEnd <= cs {
			break
		}
		if prev.IsNoun {
			continue
		}
		// an infinitive, a gerund ("accused Tehran of supporting") or a
		// noun object after an earlier verb of the clause
		if s.newSubject(prev.TokEnd, tr.TokStart) {
			continue // "With chants of “Death to America,” protesters stormed"
		}
		if s.hasWord(prev.TokEnd, tr.TokStart, complementWords) || tr.IsNoun && tr.TokStart-prev.TokEnd <= 4 && !s.meetingAround(tr) {
			return true
		}
	}
	return false
}

// unidentified is the text of the actor of an attack that names none.
const unidentified = "(unidentified attackers)"

// attackTold reports an attack already coded in the document on the same
// side whose days hold m's (a killing "earlier this month" is not the toll
// of an attack told for one day).
func (d *doc) attackTold(m event.Mention) bool {
	for _, a := range d.attacks {
		if a.Recipient.Code == m.Recipient.Code && !m.DateStart.Before(a.DateStart) && !m.DateEnd.After(a.DateEnd) {
			return true
		}
	}
	return false
}

// unattributed reports an attack told without its attackers whose victims
// belong to a country: an indefinite event noun or a passive verb with a
// count of victims.
func unattributed(s *sentence, tr lexicon.Trigger, recip *chunk) bool {
	if tr.Entry.Event != "ASSAULT" || recip.party.Code == "" || recip.media {
		return false
	}
	if tr.IsNoun {
		// "an assault on a restaurant": a new attack, not "the attack"
		// told again
		a := s.lower(tr.TokStart - 1)
		return a == "a" || a == "an"
	}
	// "two protesters were killed", "at least 51 people were wounded":
	// a count of victims reports the attack itself
	return s.passive(tr) && countWords(s.lower(s.tokAt(recip.start)-1))
}

// gerundLinks open a subjectless clause ("after firing", "while visiting").
var gerundLinks = set("after", "before", "while", "when", "since", "by", "upon", "without")

// hypoWords make an act a possibility; a threat is made of possibilities.
var hypoWords = set("might", "could")

var prospectWords = set("possible", "potential", "future", "further", "eventual", "prospective", "proposed", "hypothetical", "any")

// lethal reports a trigger word that kills or shoots: a crowd that kills
// is attacking, not protesting.
// placeInside reports a recipient that is a place or a thing in a place
// ("imposed a curfew on Basra", "a state of siege in Pando", "stormed the
// mosque in Arequipa"): a state acting there acts on a counterpart of its own
// land, unlike "the White House" acting on "the US".
func (s *sentence) placeInside(c *chunk) bool {
	return c.located || placePreps[s.lower(s.tokAt(c.start)-1)]
}

// ownerOfThing reports a party named as the owner of a thing the act is
// a verb acts on ("defended Germany's decision", "praised the UAE's efforts"): the
// state's decision, defended by its own minister, is an act on that state.
// The owner of the act's own noun or object ("reiterated Peru's support
// for Chile") is no recipient.
func (s *sentence) ownerOfThing(c *chunk, tr lexicon.Trigger) bool {
	if !possessive(s, c) || tr.IsNoun {
		return false
	}
	if at := s.tokAt(c.start); at != tr.TokEnd && (at != tr.TokEnd+1 || !determiners[s.lower(tr.TokEnd)]) {
		return false // only the owner of the verb's direct object
	}
	next := s.tokAt(c.end)
	if w := s.lower(next); w == "'s" || w == "’s" || w == "'" || w == "’" {
		next++
	}
	return next != tr.TokStart && next != tr.ObjStart
}

// townOf reports a party named by a city or region of a country ("imposed
// a curfew on Basra"): its people, not the state.
func townOf(c *chunk) bool {
	return len(c.matches) == 1 && c.matches[0].Place
}

// demonymOf reports a party named only by a demonym or a country that
// qualifies the name after it ("the Colombian Sergeant Pablo Moncayo",
// "former Germany defender Christoph Metzelder"): one of that country's
// people, not the state. A common noun after it ("the Russian economy")
// may be the state's own.
func (s *sentence) demonymOf(c *chunk) bool {
	if len(c.matches) != 1 || c.matches[0].Kind != actors.KindDemonym && c.matches[0].Kind != actors.KindCountry {
		return false
	}
	if c.matches[0].Kind == actors.KindCountry && determiners[s.lower(s.tokAt(c.start)-1)] {
		return false // "the U.S." is the state
	}
	next := s.tokAt(c.end)
	for i := next; i >= 0 && i < len(s.toks) && i < next+2; i++ {
		w := s.toks[i].Text
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) || prepositions[strings.ToLower(w)] {
			return false
		}
		if isUpper(w) {
			// "former Germany defender Christoph Metzelder": a name
			// the country qualifies, not a party of its own
			return i == next && c.matches[0].Kind == actors.KindDemonym || s.chunkAtTok(i, nil) == nil
		}
	}
	return false
}

// politician reports a person who holds a political office (government,
// legislature, party): not a gunman, a soldier or a crowd.
// stateKind reports a match that names a state: a country, a demonym or a
// capital.
func stateKind(k actors.Kind) bool {
	return k == actors.KindCountry || k == actors.KindDemonym || k == actors.KindSeat
}

// stateMatch is the match of a party's own words that names the state code
// (a country, demonym or capital), or nil.
func stateMatch(c *chunk, code string) *actors.Match {
	for i, m := range c.matches {
		if m.Country == code && stateKind(m.Kind) {
			return &c.matches[i]
		}
	}
	return nil
}

// partisan sectors fight with words.
var partisan = map[string]bool{"PTY": true, "LEG": true, "OPP": true}

func politician(c *chunk) bool {
	if c == nil || !c.person {
		return false
	}
	switch c.party.Sector {
	case "GOV", "LEG", "PTY":
		return true
	}
	return false
}

func lethal(w string) bool {
	for _, p := range []string{"kill", "shot", "shoot", "bomb", "murder", "stab", "behead", "execut"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// unrealWords just before a trigger say the event did not or may not take
// place.
var unrealWords = set("prospect", "prospects", "chance", "chances", "possibility", "likelihood",
	"failure", "efforts", "effort", "attempts", "bid", "postponed", "postpone", "postpones", "cancelled", "canceled",
	"cancel", "cancels", "delayed", "scrapped", "avert", "averted", "averting", "prevent", "prevented", "preventing",
	"avoid", "avoided", "avoiding", "forestall", "forestalled")

// desireWords before an event noun make it a wish, not an event: "the
// Houthis want talks", "would like to see aid delivered".
var desireWords = set("want", "wants", "wanted", "wish", "wishes", "like", "hope", "hopes", "hoped")

// newSubject reports a party after the last comma in [from, to) that is
// not governed by a preposition: the verb at to has a subject of its own.
func (s *sentence) newSubject(from, to int) bool {
	comma := s.lastComma(from, to)
	if comma < 0 {
		return false
	}
	for _, c := range s.chunks {
		if ci := s.tokAt(c.start); ci > comma && ci < to && !s.afterPreposition(ci, comma+1) {
			return true
		}
	}
	return false
}

var complementWords = set("to", "of", "for", "against")

// refusable types turn into REJECT when the text says they will not happen.
var refusable = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "AID": true, "RETREAT": true, "CONCEDE": true}

// placeTargets are the types whose target may be a place: force, troops,
// curfews, aid and ceasefires are brought to places ("aid in X", "a
// ceasefire in X").
var placeTargets = map[string]bool{"ASSAULT": true, "MOBILIZE": true, "COERCE": true, "AID": true, "RETREAT": true}

// roles finds actor and recipient of a trigger.
func (c *Coder) roles(d *doc, s *sentence, tr lexicon.Trigger) (actor, recip *chunk, cs int) {
	placeOK := placeTargets[tr.Entry.Event] || tr.Entry.Mode == "visit"
	switch {
	case s.passive(tr):
		recip, cs = s.subject(tr)
		if recip == nil {
			recip = s.subjectAgent(cs, tr) // "a deal proposed by Egypt was rejected by Hamas"
		}
		actor = s.agentAfter(tr, "by")
		if actor == nil {
			actor = s.byEvent(tr) // "was struck by a market bombing by the Islamic State"
		}
		if actor == nil && recip != nil && stateAct(tr.Entry) {
			// "Rezaian was arrested in Tehran": only a state arrests,
			// jails or sentences; it is the state of the place
			actor = d.stateOf(s, tr, recip)
		}
	case tr.IsNoun:
		cs, _ = s.clauseStart(tr.TokStart)
		actor = s.possessor(tr)
		if actor == nil {
			actor = s.agentAfter(tr, "from", "by")
		}
		if actor == nil {
			actor = s.modifier(tr) // "the Libya assault": before the clause subject
		}
		recip = s.object(tr, tr.Entry.RecipientPrep, placeOK)
		if subj, _ := s.subject(tr); subj != nil && subj != actor {
			if s.hasWord(cs, tr.TokStart, receiveVerbs) {
				if recip == nil {
					recip = subj
				}
			} else if actor == nil && c.governed(s, cs, tr) {
				actor = subj
			}
		}
	case s.caused(tr) != nil:
		// "Trump threatened to intervene, prompting Tehran to pledge
		// retaliation": Tehran acts, against whoever prompted it
		actor = s.caused(tr)
		cs, _ = s.clauseStart(tr.TokStart)
		recip = s.object(tr, tr.Entry.RecipientPrep, placeOK)
		if recip == nil {
			recip = s.prompter(tr)
		}
	default:
		actor, cs = s.subject(tr)
		recip = s.object(tr, tr.Entry.RecipientPrep, placeOK)
	}
	if tr.IsNoun && (actor == nil || recip == nil || s.meetingAround(tr)) && c.parser != nil {
		// the heuristics of event nouns stand; the tree fills what they
		// left empty (and is parsed only then), and names who met in a
		// meeting the clause happened in ("X told Y in a phone call")
		a, r := s.parsed(c.parser).nounRoles(s, tr)
		if actor == nil || a != nil && s.meetingAround(tr) {
			actor = a
		}
		if recip == nil && r != actor {
			recip = r
		}
	}
	if tr.IsNoun {
		if a, r := c.received(s, tr); a != nil {
			actor, recip = a, r // "Bashir received an invitation from Putin": Putin invited Bashir
		}
	}
	if t := s.parsed(c.parser); t != nil && !tr.IsNoun {
		// the tree, where it names a party, decides over word order; a
		// name the knowledge base does not know only fills a role left
		// empty, and a subject the tree finds before the clause the
		// words delimit must agree with them (a misattached clause
		// "X's comments came as Y turned down …" is a parse error)
		if a, r := t.roles(s, tr); a != nil || r != nil {
			if a != nil && actor != nil && a != actor && cs >= 0 && s.tokAt(a.start) < cs {
				a = nil
			}
			if a != nil && (!a.open || actor == nil) {
				actor = a
			}
			if r != nil && r != actor && (!r.open || recip == nil || r.end <= recip.start && !s.appositiveOf(r, recip)) {
				// an unknown name the tree finds before the party the
				// words found is the one they skipped: they see only
				// known names ("opened an investigation of Flynn over
				// his ties with the Russian government"); one they
				// describe in an appositive is theirs ("spoke to Gen.
				// Ruiz, Peru's army chief")
				recip = r
			}
		}
	}
	actor, recip = c.appositivePlace(s, actor), c.appositivePlace(s, recip)
	if n := c.nameBefore(s, actor); n != nil {
		actor = n // "Conrad Smith, a former publisher, met …"
	}
	if n := c.nameBefore(s, recip); n != nil && (actor == nil || n.start != actor.start) {
		recip = n
	}
	if actor == nil && !s.passive(tr) {
		actor = d.pronoun(s, cs, tr.TokStart)
	}
	if actor == nil && cs == tr.TokStart && gerundLinks[s.lower(cs-1)] && strings.HasSuffix(s.lower(tr.TokStart), "ing") {
		// "Iran downed the flight after firing missiles at bases in Iraq":
		// a clause without a subject of its own shares the sentence's
		// ("after meeting Monday with Putin" reads as a noun, acts as one)
		actor = s.sentenceSubject()
	}
	if actor == nil && tr.IsNoun {
		actor = s.claimant(tr)
	}
	if actor == nil && tr.IsNoun {
		actor = s.modifier(tr)
	}
	if actor == nil && tr.IsNoun && tr.Entry.Event == "ASSAULT" {
		actor = s.instrument(tr) // "the killing of X in a US airstrike"
	}
	if actor == nil && tr.IsNoun && tr.Entry.Event == "CONSULT" && recip != nil {
		actor = d.speakerActor(s, tr)
	}
	if actor != nil && actor.media && !tr.IsNoun {
		actor = nil // an outlet reporting is attribution, not the event's actor
	}
	if recip == nil && !tr.IsNoun {
		recip = d.objectPronoun(s, tr, actor)
	}
	if tr.Entry.Event == "REJECT" && deniedThing[s.lower(tr.TokEnd)] {
		// "Iran denied involvement in the attack on the embassy": what is
		// rejected is an accusation; the embassy is not its addressee
		recip = nil
	}
	if tr.IsNoun && mutual(tr) {
		// "U.S. and Iranian officials reported progress in negotiations":
		// a coordinated subject holds the talks it reports
		if subj := s.sentenceSubject(); subj != nil {
			if c := s.conjunct(subj, tr.TokStart); c != nil && (actor == nil || actor == subj || actor == c) {
				actor, recip = subj, c
			}
		}
	}
	if mutual(tr) {
		// "talks between Iran and the US", "negotiated between Kerry and Lavrov"
		if a, b := s.between(tr); a != nil {
			actor, recip = a, b
		}
	}
	if actor != nil && mutual(tr) {
		// "Blinken and Sudani discussed …": the other side is the conjunct
		if o := s.conjunct(actor, tr.TokStart); o != nil {
			recip = o
		} else if o := s.conjunctBefore(actor, cs); o != nil {
			// the actor found was the second of the two
			actor, recip = o, actor
		} else if t := s.parsed(c.parser); t != nil && (recip == nil || s.lower(s.tokAt(recip.start)-1) != "with") {
			// two sides the words do not join: the tree does ("Peru
			// and the Chilean government agreed"); a counterpart
			// named after "with" stays the other side
			if o, first := t.conjunctOf(s, actor); o != nil && first {
				recip = o
			} else if o != nil {
				actor, recip = o, actor
			}
		}
	}
	if recip != nil && recip.generic && recip.party.EntityID == "" && (recip.party.Code == "" || recip.unplaced) {
		if l := c.placedGroup(s, recip); l != nil {
			recip = l // "food aid to 3,000 people in northern Bolivia"
		}
	}
	if tr.Entry.Event == "ASSAULT" && (recip == nil || recip.generic || placeOnly(s, recip)) {
		if v := s.victims(tr); v != nil && !(recip != nil && recip.located && recip.party.Code != "" && v.party.Code == recip.party.Code) {
			// "…, injuring five U.S. soldiers"; but what was attacked,
			// named in its own words ("an army base in Chile"), stands
			// when the victims are of its country
			recip = v
		}
	}
	if handedTypes[tr.Entry.Event] && (tr.Entry.Mode != "release" || tr.Entry.Frame == "transfer") && recip != nil && recip.party.EntityID == "" && !recip.person && !onlyPlaces(recip) {
		own := recip.generic && recip.party.Code == "" || actor != nil && recip.party.Code == actor.party.Code
		if r := s.partyAfter(recip); receiver(r, actor) {
			// "offered to send troops to Chile", "agreed to take in 1,500
			// people living in Chile": a kind of party of no country, or
			// the actor's own, is what is moved or given; the other side
			// is named after it
			if own || recip.generic && recip.unplaced {
				recip = r
			}
		} else if own && recip.generic && tr.Entry.Event == "MOBILIZE" {
			// "mobilized the army for an assault": the troops are what is
			// mobilized, not the other side
			recip = r
		}
	}
	if recip != nil && actor != nil && recip.generic && recip.party.Code == actor.party.Code && ownWords[s.lower(s.tokAt(recip.start)-1)] {
		// "withdraw its troops from Chile": one's own men are what is
		// moved; the other side is named after them, if at all
		recip = s.partyAfter(recip)
	}
	return actor, recip, cs
}

// placedGroup is a group of no country of its own ("people", "troops")
// that the tree places somewhere ("people in northern Bolivia"), as a
// party of that place in the phrase's words, or nil.
func (c *Coder) placedGroup(s *sentence, g *chunk) *chunk {
	t := s.parsed(c.parser)
	if t == nil {
		return nil
	}
	w := t.wordEnding(g.end - s.start)
	if w < 0 {
		return nil
	}
	if t.words[w].Rel == "compound" && t.words[w].Head-1 > w {
		w = t.words[w].Head - 1 // "an army base in Chile": the base is placed
	}
	l := t.located(s, w, 1)
	if l == nil || l.party.Code == "" || !onlyPlaces(l) {
		return nil // "police near the Chilean embassy in Lima" are no Chileans
	}
	out := *g
	out.party.Code, out.party.Text, out.start, out.end, out.located, out.unplaced = l.party.Code, l.party.Text, l.start, l.end, true, false
	return &out
}

// onlyPlaces reports a party named by countries, capitals or demonyms
// alone, not by a body or a person.
func onlyPlaces(c *chunk) bool {
	for _, m := range c.matches {
		switch m.Kind {
		case actors.KindCountry, actors.KindSeat, actors.KindDemonym:
		default:
			return false
		}
	}
	return len(c.matches) > 0
}

// peacekeeping reports a clause from token cs that sends its troops to keep
// a peace: "peacekeepers", "a peacekeeping force", "on a peacekeeping mission".
func (s *sentence) peacekeeping(cs int) bool {
	end := s.clauseEnd(max(cs, 0))
	for i := max(cs, 0); i < end && i < len(s.toks); i++ {
		if strings.HasPrefix(s.toks[i].Lower, "peacekeep") {
			return true
		}
	}
	return false
}

// receiver reports whether r, the party named after what is handed, can
// receive it: a party of a country, or a name, but not a world region
// ("troops to the Middle East") nor a place of the actor's own country
// ("at a ceremony in Lima" after a Peruvian act).
func receiver(r, actor *chunk) bool {
	switch {
	case r == nil, r.generic && r.party.Code == "":
		return false
	case r.party.Code != "" && !codes.Known(r.party.Code):
		return false
	case actor != nil && onlyPlaces(r) && r.party.Code == actor.party.Code:
		return false
	}
	return true
}

// handedTypes are the types whose object is what is given, moved or
// agreed on, not whom the act is aimed at (see targetObjects).
var handedTypes = map[string]bool{"MOBILIZE": true, "AGREE": true, "AID": true, "SUPPORT": true, "RETREAT": true, "COOPERATE": true}

// ownWords mark a party as belonging to the clause's subject.
var ownWords = set("its", "their", "his", "her", "our")

// partyAfter is the next party in c's clause after c that a preposition
// introduces, or nil.
func (s *sentence) partyAfter(c *chunk) *chunk {
	end := s.clauseEnd(s.tokAt(c.end))
	for _, o := range s.chunks {
		if ci := s.tokAt(o.start); o.start >= c.end && ci < end && s.afterPreposition(ci, s.tokAt(c.end)) {
			return o // "its troops from Chile"
		}
	}
	return nil
}

// aboutPreps put an event noun in a phrase about it, not in the subject's
// hands ("to" is left out: it is mostly an infinitive).
var aboutPreps = set("of", "on", "about", "over", "against", "after", "following", "since", "despite", "amid", "regarding", "concerning")

// containerNouns hold an event noun after "of" that is still the subject's
// act: "dispatched a letter of warning", "launched a wave of strikes".
var containerNouns = set("letter", "message", "statement", "note", "campaign", "wave", "series", "string", "round", "barrage", "volley", "spate", "act", "acts", "show", "display", "exchange", "threat", "word", "words")

// npSkip are the words between a preposition and its noun: determiners and
// possessives ("on Tuesday's assault", "of the negotiations").
var npSkip = set("the", "a", "an", "any", "its", "his", "her", "their", "our", "this", "that", "these", "those", "'s", "new", "latest", "recent")

// aboutPhrase reports an event noun at ti governed by a preposition of
// aboutness rather than by a verb.
func (s *sentence) aboutPhrase(cs, ti int) bool {
	for i := ti - 1; i >= max(cs, ti-4); i-- {
		w := s.toks[i].Lower
		if aboutPreps[w] {
			return w != "of" || !containerNouns[s.lower(i-1)]
		}
		if !npSkip[w] && !isUpper(s.toks[i].Text) {
			return false
		}
	}
	return false
}

// governed reports whether a noun trigger is the object of a verb in its
// clause ("Washington issued a warning", "launched strikes"), so the clause
// subject did it; a noun standing as the subject ("The attacks intensified")
// has no actor of its own.
func (c *Coder) governed(s *sentence, cs int, tr lexicon.Trigger) bool {
	if t := s.parsed(c.parser); t != nil {
		if g, ok := t.governed(s, tr); ok {
			return g
		}
	}
	if s.aboutPhrase(cs, tr.TokStart) {
		return false // "slow to speak out on Tuesday's assault", "skeptical of the negotiations"
	}
	for i := cs; i < tr.TokStart; i++ {
		w := s.toks[i].Lower
		if len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es") || strings.HasSuffix(w, "s")) && !prepositions[w] {
			return true
		}
		switch w {
		case "held", "made", "sent", "gave", "took", "began", "struck", "led", "had", "has", "have", "hold", "make", "send", "give", "take", "launch", "issue", "carry", "conduct", "stage":
			return true
		}
	}
	return false
}

// pronoun resolves a pronoun or a bare title subject ("he", "the minister")
// to the last fitting party of the document.
func (d *doc) pronoun(s *sentence, from, to int) *chunk {
	for i := from; i < to && i < len(s.toks); i++ {
		w := s.toks[i].Lower
		switch {
		case personPron[w]:
			if c := s.firstSubjectBefore(i, func(c *chunk) bool { return c.person }); c != nil {
				return c
			}
			if d.topicPerson != nil {
				return d.topicPerson
			}
			return d.lastPerson
		case pluralPron[w]:
			if c := s.lastBefore(i, func(c *chunk) bool { return c.plural }); c != nil {
				return c
			}
			return d.lastPlural
		case w == "it":
			// "Russia said on Friday it had expelled …": the speaker of a
			// reporting verb just before
			for _, sp := range s.speech {
				if sp.TokEnd < i && i-sp.TokEnd <= 5 {
					if c := s.speaker(sp); c != nil && !c.person {
						return c
					}
				}
			}
		case titleNouns[w] && s.lower(i-1) == "the":
			if c := d.titled(w); c != nil {
				return c
			}
			return d.lastPerson
		}
	}
	return nil
}

// needsRecipient: types that mean nothing without a counterpart ("spoke",
// "cooperated"). PLOVER requires one for COOPERATE, AID and SANCTION; a
// CONSULT without one is a statement, not a meeting.
func needsRecipient(t string) bool {
	switch t {
	case "CONSULT", "ASSAULT":
		return true // an attack on nobody named is a casualty report, not a dyad
	case "REQUEST", "ACCUSE", "COERCE":
		// an appeal, a charge or an arrest is made of someone; without
		// them the sentence is commentary ("critics said it undermines …")
		return true
	}
	pt, ok := plover.ParseType(t)
	return ok && pt.RequiresRecipient()
}

// lastBefore returns the last party of the sentence before token i that
// fits: "Trump announced he is quitting" — "he" is Trump.
func (s *sentence) lastBefore(i int, fits func(*chunk) bool) *chunk {
	var best *chunk
	for _, c := range s.chunks {
		if s.tokAt(c.end) <= i && fits(c) && c.party.Code != "" {
			best = c
		}
	}
	return best
}

// claimant: "the Islamic Resistance in Iraq claimed responsibility for a
// drone attack" — whoever claims an attack did it.
func (s *sentence) claimant(tr lexicon.Trigger) *chunk {
	for _, sp := range s.speech {
		if sp.TokEnd > tr.TokStart || tr.TokStart-sp.TokEnd > 8 || !(strings.Contains(sp.Lemma, "responsib") || s.lower(sp.TokEnd) == "responsibility" || s.lower(sp.TokEnd+1) == "responsibility") {
			continue
		}
		c, _ := s.subject(sp)
		return c
	}
	return nil
}

// firstSubjectBefore returns the first fitting party of the sentence before
// token i that is not a prepositional object: in "Rubio has spoken with
// al-Sudani …, as he encouraged Baghdad", "he" is Rubio.
func (s *sentence) firstSubjectBefore(i int, fits func(*chunk) bool) *chunk {
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci >= i {
			break
		}
		if fits(c) && c.party.Code != "" && !s.afterPreposition(ci, 0) {
			return c
		}
	}
	return s.lastBefore(i, fits)
}

// modifier returns a party written as the adjective of an event noun: "a US
// airstrike", "Israeli shells", "an Iranian missile attack".
func (s *sentence) modifier(tr lexicon.Trigger) *chunk {
	for _, c := range s.chunks {
		ce := s.tokAt(c.end)
		if ce > tr.TokStart || tr.TokStart-ce > 1 || c.person {
			continue
		}
		if ce < tr.TokStart && !modifierGap[s.lower(ce)] {
			continue
		}
		return c
	}
	return nil
}

var modifierGap = set("missile", "rocket", "drone", "air", "naval", "military", "artillery", "ground", "deadly", "heavy", "new", "latest", "joint", "suicide", "car", "bomb")

// speakerActor: "the minister said the message was relayed during a call
// with Hegseth" — a meeting or call the speaker reports is the speaker's.
func (d *doc) speakerActor(s *sentence, tr lexicon.Trigger) *chunk {
	for _, sp := range s.speech {
		if sp.TokStart > tr.TokStart || strings.HasSuffix(sp.Lemma, "ly") {
			continue
		}
		if c := s.speaker(sp); c != nil {
			return c
		}
		if c := d.pronoun(s, 0, sp.TokStart); c != nil {
			return c
		}
	}
	return nil
}

// conditionalClause: "in the event that …", "in case …".
func (s *sentence) conditionalClause(cs int, tr lexicon.Trigger) bool {
	switch s.lower(cs - 1) {
	case "if", "unless", "whether":
		// "whether Russia and China would agree": open, not done; an
		// event noun or a participle there ("if Baghdad fails to stop
		// attacks", "militias targeting US forces") describes what is real
		return !tr.IsNoun && !strings.HasSuffix(s.lower(tr.TokStart), "ing")
	case "that":
		return s.lower(cs-2) == "event" || s.lower(cs-2) == "case"
	case "until", "till":
		// "will not end the strike until the government meets our
		// demands": what a refusal waits for has not happened
		return s.hasWord(0, cs-1, negations)
	}
	return false
}

var titleNouns = set("minister", "secretary", "president", "premier", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "king", "emir", "leader", "chief", "commander", "general")

// titledOwn is titled, preferring a person whose title the text wrote
// and, among those, the one the text names most ("the president" of an
// article about Sagasti that also quotes President Piñera is Sagasti).
func (d *doc) titledOwn(noun string) *chunk {
	var best *chunk
	bestN := 0
	for i := len(d.persons) - 1; i >= 0; i-- {
		c := d.persons[i]
		if !c.ownTitle || c.party.EntityID == "" || !strings.Contains(strings.ToLower(c.title), noun) {
			continue
		}
		n := 0
		for _, o := range d.persons {
			if o.party.EntityID == c.party.EntityID {
				n++
			}
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	if best != nil {
		return best
	}
	return d.titled(noun)
}

// titled finds the last person of the document whose title names the noun:
// "the Secretary" after "Secretary of State Antony Blinken".
func (d *doc) titled(noun string) *chunk {
	for i := len(d.persons) - 1; i >= 0; i-- {
		c := d.persons[i]
		if strings.Contains(strings.ToLower(c.title), noun) {
			return c
		}
	}
	return nil
}

// refusal: "refused to meet", "declined to attend", "will not attend" — a
// stated refusal, not a report that something did not happen.
func (s *sentence) refusal(from, to int) bool {
	for i := max(from, 0); i < to && i < len(s.toks); i++ {
		switch s.toks[i].Lower {
		case "refused", "refuses", "declined", "declines", "won't", "failed", "fails":
			return true
		case "not", "never":
			// "will not meet", "would never sit with": a refusal stated
			// now of an act to come
			if p := s.lower(i - 1); p == "will" || p == "would" {
				return true
			}
		}
	}
	return false
}

// question reports a sentence that ends in a question mark (before any
// closing quotation mark): what it names is asked about, not reported.
func (s *sentence) question() bool {
	t := strings.TrimRight(s.text, " \t\n\"'”’)")
	return strings.HasSuffix(t, "?")
}

// modals reads the modals of possibility in tokens [from, to): a
// lower-case "may" (not the month nor a surname) of an act to come makes it
// possible; "may", "might", "could" or "must" followed by "(well) have" tells
// of a past act someone suspects ("may have attacked"), not a planned one.
func (s *sentence) modals(from, to int) (possible, suspected bool) {
	for i := max(from, 0); i < to && i < len(s.toks); i++ {
		past := s.lower(i+1) == "have" || s.lower(i+1) == "well" && s.lower(i+2) == "have"
		switch s.toks[i].Text {
		case "may":
			possible = possible || !past
			suspected = suspected || past
		case "might", "could", "must":
			suspected = suspected || past
		}
	}
	return possible, suspected
}

// conditionalSubject reports an event noun that is the subject of a verb
// under "would", "could" or "might": "a successful seizure of the tanker
// would increase tensions" tells what the act would do, not that it was
// done.
func (c *Coder) conditionalSubject(s *sentence, tr lexicon.Trigger) bool {
	if !s.hasWord(tr.TokEnd, len(s.toks), conditionalAux) {
		return false // parse only when a conditional follows the noun
	}
	t := s.parsed(c.parser)
	if t == nil {
		return false
	}
	w := t.noun(tr)
	if w < 0 || t.words[w].Rel != "nsubj" {
		return false
	}
	h := t.words[w].Head - 1
	if h < 0 {
		return false
	}
	for _, k := range t.kids[h] {
		if t.words[k].Rel == "aux" {
			if conditionalAux[strings.ToLower(s.text[t.words[k].Start:t.words[k].End])] {
				return true
			}
		}
	}
	return false
}

var conditionalAux = set("would", "could", "might")

// modalVerb reports a threatening verb under a modal of possibility: "a
// deal that could threaten our survival", "which would threaten its
// neighbours" say what might happen, not that anyone threatened.
func (s *sentence) modalVerb(tr lexicon.Trigger) bool {
	if tr.IsNoun || tr.Entry.Event != "THREATEN" {
		return false
	}
	for i := tr.TokStart - 1; i >= 0 && i >= tr.TokStart-4; i-- {
		switch w := s.lower(i); {
		case w == "could" || w == "would" || w == "might" || w == "may":
			return s.toks[i].Text == w || i == 0 // not the surname "May"
		case w == "and" || skipAdverbs[w] || w == "also" || w == "not":
		default:
			return false
		}
	}
	return false
}

// modalTree reports, from the tree, a threatening verb that shares a modal
// of possibility with the verb it is coordinated to: "which would make it
// a major power in the region and threaten its neighbours".
func (c *Coder) modalTree(s *sentence, tr lexicon.Trigger) bool {
	t := s.parsed(c.parser)
	if t == nil || tr.IsNoun || tr.Entry.Event != "THREATEN" {
		return false
	}
	v := t.wordAt(tr.Start)
	for range 3 {
		if v < 0 || t.words[v].UPOS != "VERB" {
			return false
		}
		for _, k := range t.kids[v] {
			if t.words[k].Rel != "aux" {
				continue
			}
			switch s.text[t.words[k].Start:t.words[k].End] {
			case "would", "could", "might", "may":
				return true
			}
		}
		if t.words[v].Rel != "conj" {
			return false
		}
		v = t.words[v].Head - 1
	}
	return false
}

// showing reports a protest verb taking a clause ("to start demonstrating
// whether it is willing", "demonstrated that the plan works"): it shows or
// proves something; a protest takes no clause.
func (s *sentence) showing(tr lexicon.Trigger) bool {
	if tr.IsNoun || tr.Entry.Event != "PROTEST" {
		return false
	}
	switch s.lower(tr.TokEnd) {
	case "that", "whether", "how", "what", "why":
		return true
	}
	return false
}

// lightVerb reports a verb that only carries the verbal act it takes
// ("offered a stark warning", "issued a threat", "made a demand"): the noun
// is the act. Offering a truce or aid is still an offer, and only bare
// entries yield ("offered condolences" is an entry of its own).
func (s *sentence) lightVerb(tr lexicon.Trigger) bool {
	if tr.IsNoun || tr.ObjStart >= 0 || !carrierVerbs[tr.Entry.Lemma()] {
		return false
	}
	for _, o := range s.triggers {
		if o.IsNoun && sayingActs[o.Entry.Event] && o.TokStart > tr.TokEnd-1 && o.TokStart <= tr.TokEnd+3 && !s.hasWord(tr.TokEnd, o.TokStart, boundaryWords) {
			return true
		}
	}
	return false
}

// carrierVerbs name no act of their own before an event noun.
var carrierVerbs = set("offer", "give", "issue", "deliver", "express", "extend", "make")

// noObject reports a verb whose object is denied: "offered no incentives",
// "gave them no assurance".
func (s *sentence) noObject(tr lexicon.Trigger) bool {
	if tr.IsNoun {
		return false
	}
	for i := tr.TokEnd; i < tr.TokEnd+2 && i < len(s.toks); i++ {
		if s.toks[i].Lower == "no" {
			return true
		}
		if !objectPronouns[s.toks[i].Lower] {
			return false
		}
	}
	return false
}

var objectPronouns = set("them", "him", "her", "us", "it", "me", "you")

// lightVerbBefore reports an event noun that is the object of a light verb
// just before it ("reach an agreement", "hold talks"): refusing the verb
// refuses the event.
func (s *sentence) lightVerbBefore(tr lexicon.Trigger) bool {
	for i := tr.TokStart - 1; i >= 0 && i >= tr.TokStart-3; i-- {
		switch w := s.lower(i); {
		case lightVerbs[w]:
			return true
		case !npSkip[w] && !determiners[w]:
			return false
		}
	}
	return false
}

var lightVerbs = set("reach", "sign", "conclude", "hold", "strike", "seal")

// negationScope moves from past a negation that a coordinated clause leaves
// behind: in "was not hurt and later went on TV to denounce the violence"
// the "not" is the first verb's. A verb right after "and" shares it ("did
// not attack and kill").
func (s *sentence) negationScope(from int, tr lexicon.Trigger) int {
	for i := tr.TokStart - 2; i >= from; i-- {
		if w := s.lower(i); w == "and" || w == "but" {
			return i + 1
		}
	}
	return from
}

var byWord = set("by")

// conditionParty is the party a refusal waits on: the subject of an
// "until" or "unless" clause after token i ("will not end the strike until
// the government meets our demands"), or the agent of its passive, or nil.
func (s *sentence) conditionParty(i int) *chunk {
	for ; i < len(s.toks); i++ {
		if w := s.toks[i].Lower; w == "until" || w == "unless" || w == "till" {
			break
		}
	}
	if i >= len(s.toks) {
		return nil
	}
	end := s.clauseEnd(i + 1)
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci <= i || ci >= end || c.party.Code == "" && c.party.Sector == "" && !c.open {
			continue
		}
		// the clause's subject ("until the authorities meet"), or the
		// agent of its passive ("until their demands are met by the
		// authorities")
		if ci <= i+3 || s.hasWord(max(i, ci-3), ci, byWord) {
			return c
		}
	}
	return nil
}

// complementSubject is the first party of a "that" clause starting at token i.
func (s *sentence) complementSubject(i int) *chunk {
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci >= i && ci <= i+2 {
			return c
		}
	}
	return nil
}

// firstOtherAfter returns the first party after c whose country is not code.
func (s *sentence) firstOtherAfter(c *chunk, code string) *chunk {
	for _, o := range s.chunks {
		if o.start > c.start && o.party.Code != "" && o.party.Code != code {
			return o
		}
	}
	return nil
}

// stateAct reports an action only a state takes, so an agentless passive
// names its actor by place: coercion, sanctions and judgements (CAMEO 116,
// "was sentenced", ACCUSE in PLOVER).
func stateAct(e *lexicon.Entry) bool {
	return e.Event == "COERCE" || e.Event == "SANCTION" || e.CAMEO == "116"
}

// stateOf returns a government party for the place the clause names after
// the trigger, or the article's country.
func (d *doc) stateOf(s *sentence, tr lexicon.Trigger, recip *chunk) *chunk {
	code := ""
	for _, c := range s.chunks {
		if s.tokAt(c.start) >= tr.TokEnd && c.party.Code != "" && placedAt(s.text, c.start-s.start) {
			code = c.party.Code
			break
		}
	}
	if code == "" {
		code = d.fallback
	}
	if code == "" {
		return nil
	}
	return &chunk{start: s.start + tr.Start, end: s.start + tr.Start, party: event.Party{Code: code, Sector: "GOV", Text: "(the state)"}}
}

// objectPronoun resolves "sentenced her", "dispersing them": a pronoun right
// after the verb (or after its preposition) stands for the last fitting
// party of the text other than the actor.
func (d *doc) objectPronoun(s *sentence, tr lexicon.Trigger, actor *chunk) *chunk {
	i := tr.TokEnd
	if prepositions[s.lower(i)] {
		i++
	}
	var c *chunk
	switch s.lower(i) {
	case "him", "her":
		c = s.lastBefore(tr.TokStart, func(c *chunk) bool { return c.person })
		if c == nil {
			c = d.lastPerson
		}
	case "them":
		c = s.lastBefore(tr.TokStart, func(c *chunk) bool { return c.plural })
		if c == nil {
			c = d.lastPlural
		}
	}
	if c == actor || c != nil && actor != nil && c.party.Code == actor.party.Code && c.party.EntityID == actor.party.EntityID && c.party.Sector == actor.party.Sector {
		return nil
	}
	return c
}

// between finds "between X and Y" right after a trigger.
func (s *sentence) between(tr lexicon.Trigger) (*chunk, *chunk) {
	for i := tr.TokEnd; i < len(s.toks) && i <= tr.TokEnd+2; i++ {
		if s.toks[i].Lower != "between" {
			continue
		}
		var first *chunk
		for _, c := range s.chunks {
			ci := s.tokAt(c.start)
			if first == nil && ci > i && ci <= i+3 {
				first = c
				continue
			}
			if first != nil && (s.lower(ci-1) == "and" || determiners[s.lower(ci-1)] && s.lower(ci-2) == "and") {
				if ci-s.tokAt(first.end) <= 2 {
					return first, c
				}
			}
		}
	}
	return nil, nil
}

// sentenceSubject is the first party of the sentence when nothing but
// determiners comes before it.
func (s *sentence) sentenceSubject() *chunk {
	if len(s.chunks) == 0 {
		return nil
	}
	c := s.chunks[0]
	ci := s.tokAt(c.start)
	for i := 0; i < ci; i++ {
		if !determiners[s.toks[i].Lower] {
			return nil
		}
	}
	return c
}

// location is where the clause says the event happened: the first country,
// capital or city named after a place preposition ("in Baghdad", "near the
// Syrian border"), as its country code.
func (s *sentence) location(cs int, tr lexicon.Trigger) string {
	end := s.clauseEnd(tr.TokEnd)
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci < cs || ci >= end || c.generic || c.person || c.party.Code == "" || c.backer != "" {
			continue
		}
		if s.placed(ci) && c.party.EntityID == "" { // places, not groups or people
			return c.party.Code
		}
	}
	return ""
}

var placeModifiers = set("the", "southern", "northern", "eastern", "western", "central", "south", "north", "east", "west",
	"neighboring", "neighbouring", "occupied", "war-torn", "rebel-held", "besieged")

// placed reports a place preposition before token ci, looking past "the"
// and direction words ("in southern Lebanon", "near the Syrian border").
func (s *sentence) placed(ci int) bool {
	for i := ci - 1; i >= 0 && i >= ci-3; i-- {
		w := s.lower(i)
		if placePreps[w] {
			return true
		}
		if !placeModifiers[w] {
			return false
		}
	}
	return false
}

// causatives make their object the actor of the infinitive that follows.
var causatives = set("prompting", "prompted", "prompt", "prompts", "forcing", "forced", "force", "forces", "leading",
	"led", "causing", "caused", "pushing", "pushed", "driving", "drove", "provoking", "provoked", "spurring", "spurred")

// caused returns X in "prompting X to <trigger>".
func (s *sentence) caused(tr lexicon.Trigger) *chunk {
	if tr.IsNoun || s.lower(tr.TokStart-1) != "to" {
		return nil
	}
	for _, c := range s.chunks {
		if s.tokAt(c.end) != tr.TokStart-1 {
			continue
		}
		if causatives[s.lower(s.tokAt(c.start)-1)] {
			return c
		}
	}
	return nil
}

// prompter is the subject of the verb before a caused infinitive: in
// "Trump threatened to intervene, prompting Tehran to pledge retaliation"
// the retaliation is against Trump.
func (s *sentence) prompter(tr lexicon.Trigger) *chunk {
	for j := len(s.triggers) - 1; j >= 0; j-- {
		p := s.triggers[j]
		if p.TokStart >= tr.TokStart || p.IsNoun {
			continue
		}
		if c, _ := s.subject(p); c != nil {
			return c
		}
		return nil
	}
	return nil
}

// instrument finds the actor of an attack through the weapon that did it:
// "the killing of X in a US airstrike" — a later attack noun with a party
// as its adjective.
func (s *sentence) instrument(tr lexicon.Trigger) *chunk {
	for _, o := range s.triggers {
		if o.Entry.Event != "ASSAULT" || o.TokStart <= tr.TokEnd || o.TokStart-tr.TokEnd > 8 {
			continue
		}
		if c := s.modifier(o); c != nil {
			return c
		}
	}
	return nil
}

var victimVerbs = set("injuring", "killing", "wounding", "hitting", "leaving")

// victims finds "…, injuring five U.S. soldiers" after an attack.
func (s *sentence) victims(tr lexicon.Trigger) *chunk {
	end := s.clauseEnd(tr.TokEnd)
	for i := tr.TokEnd; i < end && i < len(s.toks); i++ {
		if !victimVerbs[s.toks[i].Lower] {
			continue
		}
		for _, c := range s.chunks {
			if ci := s.tokAt(c.start); ci > i && ci <= i+5 {
				return c
			}
		}
		return nil
	}
	return nil
}

// placeOnly reports a recipient that is only where the attack happened
// ("in western Iraq").
func placeOnly(s *sentence, c *chunk) bool {
	return s.placed(s.tokAt(c.start))
}

// deniedThing are the objects of a denial that name an accusation, not a party.
var deniedThing = set("involvement", "responsibility", "reports", "report", "claims", "allegations", "accusations",
	"charges", "any", "that", "wrongdoing", "links", "ties", "role")

// regime gives "the regime" with no country of its own a state named
// earlier in the sentence, else the one the text named most, other than the
// actor's: a word for a hostile government is
// not the actor's own ("Trump said he would initiate new sanctions on the
// regime" after "the Iran deal").
func (d *doc) regime(s *sentence, actor, recip *chunk) *chunk {
	if recip == nil || !recip.generic || !recip.unplaced || recip.party.Code != actor.party.Code {
		return recip
	}
	if agentHead(recip) != "regime" {
		return recip
	}
	code := ""
	for _, c := range s.chunks {
		if c.start >= recip.start {
			break
		}
		if !c.generic && c.party.Code != "" && c.party.Code != actor.party.Code {
			code = c.party.Code
		}
	}
	if code == "" {
		// the state the text has named most so far: "the regime" is the
		// story's adversary, not whichever state came up last
		n := map[string]int{}
		best := 0
		for _, st := range d.states {
			if st == actor.party.Code {
				continue
			}
			if n[st]++; n[st] >= best {
				code, best = st, n[st]
			}
		}
	}
	if code == "" {
		return recip
	}
	r := *recip
	r.party.Code, r.unplaced = code, false
	return &r
}

// isUpper reports a word written with a capital: a name or a day
// ("Tuesday's assault") inside a noun phrase.
func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// byEvent returns the actor of an event noun that is a passive verb's
// agent: "struck Wednesday by the second market bombing by the Islamic
// State", "killed by a U.S. drone strike".
func (s *sentence) byEvent(tr lexicon.Trigger) *chunk {
	for i := tr.TokEnd; i < len(s.toks) && i <= tr.TokEnd+3; i++ {
		if s.lower(i) != "by" {
			continue
		}
		k := s.eventAfter(s.triggers, i+1)
		if k < 0 {
			return nil
		}
		ev := s.triggers[k]
		if a := s.possessor(ev); a != nil {
			return a
		}
		if a := s.modifier(ev); a != nil {
			return a
		}
		return s.agentAfter(ev, "by", "from")
	}
	return nil
}

// chargedWith returns the party an arrest, charge or blame names as the
// doer of the gerund or the new event after "for": in "indicted a
// Palestinian girl on Monday for punching an Israeli soldier" the girl
// punched; in "blamed the militia for a rocket attack on a base" the
// militia attacked. It is nil for any other trigger; blamer is the index
// of the accusing trigger when the doer is only blamed, else -1.
func (s *sentence) chargedWith(ti int) (doer *chunk, blamer int) {
	tr := s.triggers[ti]
	if tr.IsNoun {
		if s.newEventAfterFor(tr) < 0 {
			return nil, -1
		}
	} else if !strings.HasSuffix(s.lower(tr.TokStart), "ing") || s.lower(tr.TokStart-1) != "for" && !(s.lower(tr.TokStart-1) == "of" && violent(tr)) {
		return nil, -1
	}
	for j := ti - 1; j >= 0; j-- {
		prev := s.triggers[j]
		if prev.IsNoun || (prev.Entry.Event != "COERCE" && prev.Entry.Event != "ACCUSE" && prev.Entry.Event != "SANCTION") {
			continue
		}
		o := s.object(prev, prev.Entry.RecipientPrep, false)
		if o == nil || s.tokAt(o.end) > tr.TokStart {
			return nil, -1
		}
		if prev.Entry.Event == "ACCUSE" {
			return o, j
		}
		return o, -1
	}
	return nil, -1
}

// violent reports an attack or a coercion: what "accused X of …" alleges
// X did is coded only for these ("accused Tehran of supporting militias"
// tells a standing charge, not an act).
func violent(tr lexicon.Trigger) bool {
	return tr.Entry.Event == "ASSAULT" || tr.Entry.Event == "COERCE"
}

// newEventAfterFor returns the token of "for" when an event noun is
// introduced right after it by "a" or "an" ("blamed the militia for a
// rocket attack … last week"), else -1. A definite noun ("for the attack")
// is an event told already, with a doer of its own.
func (s *sentence) newEventAfterFor(tr lexicon.Trigger) int {
	for i := tr.TokStart - 1; i >= max(0, tr.TokStart-4); i-- {
		switch w := s.lower(i); w {
		case "a", "an":
			if s.lower(i-1) == "for" || s.lower(i-1) == "of" && violent(tr) {
				return i - 1 // "blamed X for a rocket attack", "accused X of an attack"
			}
			return -1
		default:
			if !wordToken(w) || prepositions[w] || boundaryWords[w] {
				return -1
			}
		}
	}
	return -1
}

// sayingActs are verbal acts: as a participle after a comma they are acts
// of their own, not the toll of the verb before.
var sayingActs = map[string]bool{"ACCUSE": true, "REQUEST": true, "THREATEN": true, "REJECT": true}

// participle reports a verbal act written as a participle after a comma
// ("…, accusing Israel of war crimes").
// meetingAround reports a meeting noun the clause happens in ("pledged aid
// during a visit to X", "said at a meeting with Y"): the meeting is an
// event of its own beside the clause's act.
func (s *sentence) meetingAround(tr lexicon.Trigger) bool {
	if !tr.IsNoun || !mutual(tr) && tr.Entry.Mode != "visit" {
		return false
	}
	for i := tr.TokStart - 1; i >= 0 && i >= tr.TokStart-4; i-- {
		w := s.lower(i)
		if slices.Contains(meetingPreps, w) {
			return true
		}
		if prepositions[w] || w == "," || s.toks[i].Text != w {
			return false // only the noun phrase's own lower-case words between
		}
	}
	return false
}

func participle(s *sentence, tr lexicon.Trigger) bool {
	return !tr.IsNoun && sayingActs[tr.Entry.Event] && strings.HasSuffix(s.lower(tr.TokStart), "ing") && s.lower(tr.TokStart-1) == ","
}

// readyWords before "to" and a coercive act make it a threat.
var readyWords = set("prepared", "ready", "willing", "poised", "offered", "offers", "offer", "offering")

// threatModes are the coercive acts a stated readiness makes a threat, with
// the PLOVER THREATEN mode of each.
// promised: acts whose announcement by their actor is a promise.
var promised = map[string]bool{"AID": true, "RETREAT": true, "COOPERATE": true}

// willWords make a clause a statement of what its subject will do.
var willWords = set("will", "would", "shall", "'ll")

// statedIntent reports a trigger whose actor is the speaker of the
// sentence saying what it will do: a reporting verb with the actor as its
// subject, then a modal of the future before the trigger, no negation.
func (s *sentence) statedIntent(tr lexicon.Trigger, cs int, actor *chunk) bool {
	if actor == nil {
		return false
	}
	for _, sp := range s.speech {
		if sp.TokEnd >= tr.TokStart {
			continue
		}
		if by := s.speaker(sp); by != actor && (by == nil || !by.person || actor.person || by.party.Code == "" || by.party.Code != actor.party.Code) {
			continue // not the speaker, nor the state a leader speaks for
		}
		from := max(sp.TokEnd+1, cs)
		if s.hasWord(from, tr.TokStart, willWords) && !s.hasWord(from, tr.TokStart, negations) {
			return true
		}
	}
	return false
}

// threatMode is the THREATEN mode of a threat to do an act: the act's own
// mode where a threat can have it (sanctions threatened are 'restrict'),
// else the type's.
func threatMode(typ, mode string) string {
	switch mode {
	case "restrict", "arrest", "relations", "expel", "territory", "violence":
		return mode
	}
	return threatModes[typ]
}

var threatModes = map[string]string{"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "violence"}

// pastPlans after "had" and before "to" tell a plan that was overtaken.
var pastPlans = set("planned", "intended", "hoped", "expected", "wanted", "meant")

// attackWord is the token of an attack noun: the trigger itself, or the
// object of "launched an attack"; -1 for a verb.
func attackWord(tr lexicon.Trigger) int {
	switch {
	case tr.IsNoun:
		return tr.TokStart
	case tr.ObjStart > tr.TokStart:
		return tr.ObjStart
	}
	return -1
}

// verbalWords make an attack one of words: "a scathing attack on …",
// "verbal attacks"; "an extraordinary attack" may be either, and stays one.
var verbalWords = set("scathing", "verbal", "blistering", "withering", "stinging", "rhetorical", "personal", "written", "sharp", "harsh", "bitter", "vitriolic", "partisan", "political")
