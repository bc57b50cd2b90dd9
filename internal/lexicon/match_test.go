package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// describe renders triggers as "EVENT/mode words; ..." for table tests.
func describe(s string, trs []Trigger) string {
	parts := make([]string, 0, len(trs))
	for _, tr := range trs {
		m := tr.Entry.Event
		if tr.Entry.Mode != "" {
			m += "/" + tr.Entry.Mode
		}
		parts = append(parts, fmt.Sprintf("%s %s", m, strings.ToLower(s[tr.Start:tr.End])))
	}
	return strings.Join(parts, "; ")
}

// TestTriggers checks every trigger found in news-style sentences, in order,
// with type, mode and the words matched.
func TestTriggers(t *testing.T) {
	lex := mustDefault(t)
	tests := []struct{ sentence, want string }{
		{"US Secretary of State Marco Rubio warned Iraq on Sunday against allowing Iran-backed militias to operate freely.", "THREATEN warned"},
		{"The Pentagon chief threatened to strike militia positions if attacks on US troops continued.", "THREATEN/violence threatened; ASSAULT attacks"},
		{"Tehran vowed to retaliate for the killing of its commander.", "THREATEN/violence vowed; ASSAULT killing"},
		{"Iran's foreign ministry issued a stern warning to Washington.", "THREATEN issued"},
		{"Hezbollah leader threatens Israel with war.", "THREATEN/violence threatens"},
		{"The United Nations called on both sides to exercise restraint.", "REQUEST called on"},
		{"Washington urged Baghdad to rein in the armed factions.", "REQUEST urged"},
		{"The families appealed to the government to free the hostages.", "REQUEST appealed"},
		{"The European Commission launched legal action against Chile.", "ACCUSE/allege launched"},
		{"Peru sent a military platoon to Haiti.", "MOBILIZE/troops sent"},
		{"Chile handed over medical supplies to Peru.", "AID handed over"},
		{"Peru will take legal action against the mining firm.", "ACCUSE/allege take"},
		{"Protesters demanded the resignation of the prime minister.", "REQUEST/change demanded"},
		{"The European Union pressed Belgrade to recognize Kosovo.", "REQUEST pressed"},
		{"The minister asked Qatar for humanitarian assistance.", "REQUEST/assist asked"},
		{"Iraq's prime minister called for an immediate ceasefire in Gaza.", "REQUEST/yield called for"},
		{"Moscow accused Kyiv of shelling the nuclear plant.", "ACCUSE/allege accused; ASSAULT/heavy-weapons shelling"},
		{"The opposition blamed the government for the blackout.", "ACCUSE/allege blamed"},
		{"Germany condemned the attack on the embassy in the strongest terms.", "ACCUSE/disapprove condemned; ASSAULT attack"},
		{"Human rights groups criticized the verdict.", "ACCUSE/disapprove criticized"},
		{"Mr. Obama agreed with Ms. Rice’s assessment.", "SUPPORT agreed with"},
		{"Iran agreed with Iraq on the border.", "AGREE agreed"},
		{"The army shot down a drone and downed a passenger plane.", "ASSAULT/aerial shot down; ASSAULT/aerial downed"},
		{"The president denounced the sanctions as economic warfare.", "ACCUSE/disapprove denounced; COERCE/restrict sanctions"},
		{"Beijing sharply rebuked Tokyo over the shrine visit.", "ACCUSE/disapprove rebuked; CONSULT/visit visit"},
		{"France expressed concern over the arrest of the journalist.", "ACCUSE/disapprove expressed; COERCE/arrest arrest"},
		{"Iran rejected the accusations as baseless.", "REJECT rejected; ACCUSE/allege accusations"},
		{"Hamas rejected a ceasefire proposal on Friday.", "REJECT/meet rejected"},
		{"The militia refused to hand over its weapons.", "REJECT/yield refused"},
		{"Russia vetoed the Security Council resolution.", "REJECT/yield vetoed"},
		{"The prime minister met with his Turkish counterpart in Ankara on Monday.", "CONSULT met with"},
		{"Biden spoke by phone with Netanyahu on Tuesday.", "CONSULT/phone spoke"},
		{"Blinken held talks with Saudi officials in Riyadh.", "CONSULT held"},
		{"The Iraqi president visited Tehran last week.", "CONSULT/visit visited"},
		{"Egypt hosted a summit of Arab leaders.", "CONSULT/visit hosted; CONSULT/multilateral summit"},
		{"The two foreign ministers discussed the situation in Syria.", "CONSULT discussed"},
		{"Israel and Hamas agreed to a four-day truce.", "AGREE agreed; RETREAT/ceasefire truce"},
		{"The two countries signed a defense cooperation agreement.", "SUPPORT signed"},
		{"Thousands of families sought refuge in the neighbouring country.", "REQUEST/assist sought"},
		{"The rebels used villagers as human shields.", "ASSAULT/abduct used"},
		{"Border troops remained on high alert.", "MOBILIZE/troops remained"},
		{"Its soldiers joined the peacekeeping mission in the south.", "AID peacekeeping mission"},
		{"The agency gave medical equipment to the clinic.", "AID gave"},
		{"The agency waged cyber warfare against the utility.", "COERCE/cyber cyber warfare"},
		{"Negotiators reached a deal on prisoner exchanges late Tuesday.", "AGREE reached; RETREAT/release prisoner exchanges"},
		{"Turkey struck a deal with Sweden over its NATO bid.", "AGREE struck"},
		{"The State Department praised Iraq's efforts to protect diplomats.", "SUPPORT praised"},
		{"Washington backed the Iraqi government's decision.", "SUPPORT backed"},
		{"The UN chief welcomed the announcement of the truce.", "SUPPORT welcomed; RETREAT/ceasefire truce"},
		{"The Yemeni president apologized to the United States for the attack.", "SUPPORT apologized; ASSAULT attack"},
		{"Insurgents released two French hostages on Saturday.", "RETREAT/release released"},
		{"Iran freed the detained British ambassador after three hours.", "RETREAT/release freed"},
		{"The US military withdrew its troops from the base.", "RETREAT/withdraw withdrew"},
		{"Russian forces pulled out of the city overnight.", "RETREAT/withdraw pulled out"},
		{"The rebels agreed to lay down their arms.", "AGREE agreed; RETREAT/disarm lay down"},
		{"The two armies will cooperate in border security.", "COOPERATE cooperate"},
		{"Jordan and Iraq conducted joint exercises near the border.", "COOPERATE conducted"},
		{"The United States provided military aid to Ukraine.", "AID provided"},
		{"Saudi Arabia sent humanitarian aid to Sudan.", "AID sent; AID aid"},
		{"Thousands protested in Baghdad against corruption.", "PROTEST/demo protested"},
		{"Supporters of the cleric stormed the parliament building.", "PROTEST/riot stormed"},
		{"Students staged a sit-in outside the ministry.", "PROTEST/demo staged"},
		{"Dockworkers went on strike for higher wages.", "PROTEST/strike went on strike"},
		{"Washington imposed new sanctions on Iranian oil exports.", "COERCE/restrict imposed"},
		{"Poland expelled three Russian diplomats.", "SANCTION/expel expelled"},
		{"Morocco cut ties with Iran in 2018.", "SANCTION/withdraw cut"},
		{"A military court indicted the teenager on Monday.", "COERCE/arrest indicted"},
		{"China deployed warships near the disputed islands.", "MOBILIZE/troops deployed"},
		{"The Pentagon sent additional troops to the region.", "MOBILIZE/troops sent"},
		{"Police arrested 12 protesters near the embassy.", "COERCE/arrest arrested"},
		{"Security forces detained a prominent activist.", "COERCE/arrest detained"},
		{"The coast guard seized an oil tanker in the Gulf.", "COERCE/seize seized"},
		{"Authorities imposed a curfew on the capital.", "COERCE/curfew imposed"},
		{"Militants attacked a police station in the north.", "ASSAULT attacked"},
		{"US aircraft struck militia targets near the border.", "ASSAULT struck; ASSAULT targets"},
		{"Israeli jets bombed a weapons depot.", "ASSAULT/aerial bombed"},
		{"Artillery shelled the village for hours.", "ASSAULT/heavy-weapons shelled"},
		{"Gunmen kidnapped three aid workers.", "ASSAULT/abduct kidnapped"},
		{"The commander was assassinated in a drone strike.", "ASSAULT/targeted assassinated; ASSAULT/drone drone strike"},
		{"A rocket attack targeted the US embassy on Wednesday.", "ASSAULT/heavy-weapons rocket attack; ASSAULT targeted"},
		{"A roadside bomb killed four soldiers.", "ASSAULT/explosives roadside bomb; ASSAULT killed"},
		{"Police fired tear gas to disperse the demonstrators.", "ASSAULT/crowd-control fired; ASSAULT/crowd-control disperse"},
		{"The militia launched a drone attack on the airport.", "ASSAULT/drone launched"},
		{"Houthi rebels fired missiles at a commercial ship.", "ASSAULT/heavy-weapons fired"},
		{"Gunmen opened fire on worshippers.", "ASSAULT/firearms opened fire"},
		{"Sanctions were imposed on the bank last year.", "COERCE/restrict imposed"},
		{"The president repeatedly called on Congress to act.", "REQUEST called on"},
		{"The meeting between the two leaders lasted two hours.", "CONSULT meeting"},
		{"Officials were meeting with tribal leaders to discuss security.", "CONSULT meeting with; CONSULT discuss"},
		{"The army said the attacks were carried out by Islamic State.", "ASSAULT carried out"},
		{"Thousands marched on the capital to protest the election result.", "PROTEST/demo marched; PROTEST/demo protest"},
		{"Iraqi forces launched an offensive against the militants.", "ASSAULT launched"},
		{"The ministry released a statement condemning the violence.", "ACCUSE/disapprove condemning"},
		{"The prisoners were released on Sunday.", "RETREAT/release released"},
		{"Israeli forces killed three Palestinians in a raid on Jenin.", "ASSAULT killed; ASSAULT raid"},
		{"A jury found the former mayor guilty of bribery.", "ACCUSE/disapprove found"},
		{"The regulator put three lenders on notice.", "THREATEN put"},
		{"The senator took aim at the governor's budget.", "ACCUSE/disapprove took aim at"},
		// from cameo.yaml: the verb turns the truce into its violation
		{"Rebels breached the truce within hours.", "ASSAULT breached"},
		{"The council rescinded the permit.", "SANCTION rescinded"},
	}
	for _, tt := range tests {
		got := describe(tt.sentence, lex.Triggers(Tokenize(tt.sentence)))
		if got != tt.want {
			t.Errorf("%s\n got: %s\nwant: %s", tt.sentence, got, tt.want)
		}
	}
}

// TestNoTrigger lists phrases that look like triggers and are not.
func TestNoTrigger(t *testing.T) {
	lex := mustDefault(t)
	for _, s := range []string{
		"Nothing could stop the march of time.",
		"Chile's talk of appeasement alarmed Bolivia.", // a possessive makes "talk" a noun
		"Chile's “talk” alarmed Bolivia.",
		"The ministry said on Tuesday that it had no comment.",
		"The talks resumed in March after a pause.", // only "talks"
		"A man was treated in a hospital, Monday, March 9, 2020.",
		"He suffered a heart attack in 2019.",
		"The ministry released a statement on Monday.",
		"The spokesman declined to comment.",
		"Associated Press writers contributed to this report.",
		"The firm used a shell company in Dubai.",
		"Riot police were deployed around the square.", // only "deployed"
		"He was taken to hospital with a panic attack.",
		"The court struck down the law on Friday.",
		"Officials spoke on condition of anonymity.",
		"The government has to deal with the crisis.",
		"Aid workers reached the town on foot.",
		"Free and fair elections are planned.",
		"She was on life support for a week.",
	} {
		trs := lex.Triggers(Tokenize(s))
		switch {
		case strings.HasPrefix(s, "The talks resumed"):
			if got := describe(s, trs); got != "CONSULT talks" {
				t.Errorf("%s: got %q, want only the talks", s, got)
			}
		case strings.HasPrefix(s, "Riot police"):
			if got := describe(s, trs); got != "MOBILIZE/troops deployed" {
				t.Errorf("%s: got %q, want only the deployment", s, got)
			}
		case len(trs) > 0:
			t.Errorf("%s: unexpected triggers %s", s, describe(s, trs))
		}
	}
}

func TestTriggerDetails(t *testing.T) {
	lex := mustDefault(t)
	s := "The killing of the commander in an airstrike angered Baghdad."
	toks := Tokenize(s)
	trs := lex.Triggers(toks)
	if len(trs) != 2 {
		t.Fatalf("got %s", describe(s, trs))
	}
	k := trs[0]
	if !k.IsNoun || k.Lemma != "killing" || k.TokStart != 1 || k.TokEnd != 2 || s[k.Start:k.End] != "killing" {
		t.Errorf("killing trigger = %+v", k)
	}
	if len(k.Entry.RecipientPrep) == 0 || k.Entry.RecipientPrep[0] != "of" {
		t.Errorf("killing recipient_prep = %v", k.Entry.RecipientPrep)
	}
	if k.ObjStart != -1 || k.ObjEnd != -1 {
		t.Errorf("no object expected, got %d-%d", k.ObjStart, k.ObjEnd)
	}

	s = "Washington imposed sweeping new sanctions on Tehran."
	toks = Tokenize(s)
	trs = lex.Triggers(toks)
	if len(trs) != 1 || trs[0].IsNoun || trs[0].Entry.Event != "COERCE" {
		t.Fatalf("got %s", describe(s, trs))
	}
	if o := trs[0]; toks[o.ObjStart].Lower != "sanctions" || o.ObjEnd != o.ObjStart+1 {
		t.Errorf("object = %d-%d", o.ObjStart, o.ObjEnd)
	}

	// The word before decides between the noun and the verb reading.
	for _, c := range []struct {
		s    string
		noun bool
	}{
		{"The attacks on the base continued.", true},
		{"The group attacks the base every night.", false},
		{"After a meeting with Sudani, he left.", true},
		{"He is meeting Sudani on Monday.", false},
		{"At his bilateral meeting with Sudani, he said little.", true}, // not "meet with"
		{"He is meeting with Sudani on Monday.", false},
		{"The market bombing in Sadr City shocked the capital.", true},
		{"Crowds chanting slogans filled the square.", false},
		{"Government forces shelling the town killed two.", false},
	} {
		trs := lex.Triggers(Tokenize(c.s))
		if len(trs) == 0 || trs[0].IsNoun != c.noun {
			t.Errorf("%s: IsNoun want %v, got %+v", c.s, c.noun, trs)
		}
	}
}

// TestObjectWindow: the object must start within four tokens of the verb.
func TestObjectWindow(t *testing.T) {
	lex := mustDefault(t)
	near := "Iraq signed a new security agreement with Turkey."
	far := "Iraq signed off on the budget after a long debate about the agreement."
	if got := describe(near, lex.Triggers(Tokenize(near))); got != "SUPPORT signed" {
		t.Errorf("near: %q", got)
	}
	if got := describe(far, lex.Triggers(Tokenize(far))); got != "AGREE agreement" {
		t.Errorf("far: %q (the verb must not reach the object)", got)
	}
}

// TestObjectWindowMeasures: a measure phrase before the object ("more than
// $4 million worth of", "13 tons of") does not count toward the window;
// other words, commas included, still do.
func TestObjectWindowMeasures(t *testing.T) {
	lex := mustDefault(t)
	for _, tt := range []struct{ sentence, want string }{
		{"Norway handed over more than $4 million worth of new medical equipment to Peru.", "AID handed over"},
		{"Norway handed over a shipment of 13 tons of medicine to Peru.", "AID handed over"},
		{"Norway handed over the keys, the files, the old archive and its equipment to Peru.", ""},
	} {
		got := ""
		for _, tr := range lex.Triggers(Tokenize(tt.sentence)) {
			if !tr.IsNoun {
				got = tr.Entry.Event + " " + tt.sentence[tr.Start:tr.End]
			}
		}
		if got != tt.want {
			t.Errorf("%s\n got: %q\nwant: %q", tt.sentence, got, tt.want)
		}
	}
}

func TestTitleCaseHeadline(t *testing.T) {
	lex := mustDefault(t)
	s := "US Warns Iraq Over Militia Attacks"
	if got := describe(s, lex.Triggers(Tokenize(s))); got != "THREATEN/violence warns" {
		t.Errorf("headline: %q", got)
	}
}

func TestSpeech(t *testing.T) {
	lex := mustDefault(t)
	tests := []struct{ sentence, want string }{
		{"Iraq's foreign minister said on Sunday that the strikes had stopped.", "said:reported"},
		{"According to the ministry, 12 people were killed.", "according to:reported"},
		{"The militia allegedly fired the rockets, officials told Reuters.", "allegedly:alleged told:reported"},
		{"Tehran denied any role and dismissed the reports as lies.", "denied:denied dismissed:denied"},
		{"The group claimed responsibility for the bombing.", "claimed:asserted"},
		{"The group claimed that the hospital was a base.", "claimed:alleged"},
		{"The army confirmed the raid.", "confirmed:asserted"},
		{"Washington plans to withdraw 500 troops.", "plans:planned"},
	}
	for _, tt := range tests {
		var parts []string
		for _, tr := range lex.Speech(Tokenize(tt.sentence)) {
			parts = append(parts, strings.ToLower(tt.sentence[tr.Start:tr.End])+":"+tr.Entry.Claim)
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("%s\n got: %s\nwant: %s", tt.sentence, got, tt.want)
		}
	}
}

// TestChallengeAndDispute: challenging or disputing what another party said
// or decided is a disapproval; a challenge to a match is not.
func TestChallengeAndDispute(t *testing.T) {
	lex := mustDefault(t)
	for _, tt := range []struct {
		sentence, want string
		ok             bool
	}{
		{"A Peruvian spokesman disputed the results of the Chilean report.", "ACCUSE disputed", true},
		{"The Chilean minister challenged reports that Peru had closed the border.", "ACCUSE challenged", true},
		{"Peru challenged Chile to a football match.", "ACCUSE challenged", false},
	} {
		var got []string
		for _, tr := range lex.Triggers(Tokenize(tt.sentence)) {
			got = append(got, tr.Entry.Event+" "+tt.sentence[tr.Start:tr.End])
		}
		if slices.Contains(got, tt.want) != tt.ok {
			t.Errorf("%s\n got: %q, want %q: %v", tt.sentence, got, tt.want, tt.ok)
		}
	}
}
