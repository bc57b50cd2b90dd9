package coder

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/lexicon"
)

var (
	coderOnce sync.Once
	testCoder *Coder
	coderErr  error
)

func defaultCoder(t testing.TB) *Coder {
	t.Helper()
	coderOnce.Do(func() {
		kb, err := actors.Default()
		if err != nil {
			coderErr = err
			return
		}
		lex, err := lexicon.Default()
		if err != nil {
			coderErr = err
			return
		}
		testCoder = New(kb, lex)
	})
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return testCoder
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// summary renders a mention for comparison: TYPE ACTOR>RECIPIENT start..end claim.
func summaries(res Result) []string {
	var out []string
	for _, m := range res.Mentions {
		out = append(out, fmt.Sprintf("%s %s>%s %s..%s %s", m.Event, m.Actor.Code, m.Recipient.Code,
			m.DateStart.Format(time.DateOnly), m.DateEnd.Format(time.DateOnly), m.Claim))
	}
	return out
}

// Coordinated participles share the passive: in "was shot and killed in
// X" the victim did not kill.
func TestCoordinatedPassive(t *testing.T) {
	c := defaultCoder(t)
	res := c.Code(&article.Article{Source: "t.txt", Text: "A Chilean reporter was shot and killed in Peru.", Published: day("2021-03-20")})
	for _, m := range res.Mentions {
		if m.Actor.Code == "CHL" {
			t.Errorf("the victim taken for the attacker: %+v", summaries(res))
		}
	}
}

// A threat keeps the mode of what it threatens: sanctions threatened are a
// threat to restrict, not to use force.
func TestThreatMode(t *testing.T) {
	c := defaultCoder(t)
	res := c.Code(&article.Article{Source: "t.txt", Text: "Peru is prepared to impose sanctions on Chile.", Published: day("2021-03-20")})
	if len(res.Mentions) != 1 || res.Mentions[0].Event != "THREATEN" || res.Mentions[0].Mode != "restrict" {
		t.Errorf("mentions %+v, want one THREATEN/restrict", res.Mentions)
	}
}

func TestCodeSentences(t *testing.T) {
	c := defaultCoder(t)
	tests := []struct {
		name, text, published string
		want                  []string // each must be among the mentions
		not                   []string // event types that must not appear
	}{
		{
			name: "a speaker judging what a party did unacceptable accuses it", published: "2021-03-20",
			text: "Chile said the latest statements coming from Peru were unacceptable.",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "with no state named, 'the government' is that of the national bodies named", published: "2021-03-20",
			text: "The government outlawed the Kuomintang.",
			want: []string{"COERCE TWN>TWN 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "property handed back is returned; going back is not", published: "2021-03-20",
			text: "Peru returned the stolen paintings to Chile. The Bolivian president returned to Chile. Chile let free twelve Peruvian fishermen.",
			want: []string{"RETREAT PER>CHL 2021-03-20..2021-03-20 asserted", "RETREAT CHL>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"RETREAT BOL"},
		},
		{
			name: "a command is a demand made of whoever is to carry it out", published: "2021-03-20",
			text: "Peru ordered the Chilean ambassador to leave the country. Chile ordered an inquiry into the Peruvian decision.",
			want: []string{"REQUEST PER>CHL 2021-03-20..2021-03-20 asserted"},
			not:  []string{"REQUEST CHL"},
		},
		{
			name: "aid and ceasefires are brought to places", published: "2021-03-20",
			text: "Norway delivered food aid in Yemen on Monday. Chile declared a ceasefire in Peru.",
			want: []string{"AID NOR>YEM 2021-03-15..2021-03-15 asserted", "RETREAT CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "'it' after a finite reporting verb is the speaker", published: "2021-03-20",
			text: "Chile said on Monday it had expelled Peru's ambassador.",
			want: []string{"SANCTION CHL>PER 2021-03-15..2021-03-15 asserted"},
		},
		{
			name: "an undated event told right after a dated one of the same parties continues its episode", published: "2021-03-20",
			text: "On February 3, Chile threatened to impose sanctions on Peru. In response, Peru threatened to expel Chile's ambassador.",
			want: []string{"THREATEN CHL>PER 2021-02-03..2021-02-03 asserted", "THREATEN PER>CHL 2021-02-03..2021-02-03 asserted"},
		},
		{
			name: "an undated event told later than the next sentence is the article's", published: "2021-03-20",
			text: "On February 3, Chile threatened to impose sanctions on Peru. The talks went on. Peru threatened to expel Chile's ambassador.",
			want: []string{"THREATEN CHL>PER 2021-02-03..2021-02-03 asserted", "THREATEN PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "active verb with titled person and country object", published: "2021-03-16",
			text: "Chilean Foreign Minister Varo Tenzi on Tuesday called on Peru to disarm its border militias.",
			want: []string{"REQUEST CHL>PER 2021-03-16..2021-03-16 asserted"},
		},
		{
			name: "month phrase and background", published: "2021-03-20",
			text: "In June, Peruvian rebels released a kidnapped engineer to Chilean authorities.",
			want: []string{"RETREAT PER>CHL 2020-06-01..2020-06-30 asserted"},
		},
		{
			name: "passive voice puts the agent after by", published: "2021-03-20",
			text: "The Peruvian prime minister was criticized by Chilean officials on Wednesday.",
			want: []string{"ACCUSE CHL>PER 2021-03-17..2021-03-17 asserted"},
		},
		{
			name: "blaming a party for a new attack alleges it attacked", published: "2021-03-20",
			text: "Chile blamed the Peruvian rebels for a mortar attack on a Chilean army post in Arica last week.",
			want: []string{"ACCUSE CHL>PER 2021-03-08..2021-03-14 asserted", "ASSAULT PER>CHL 2021-03-08..2021-03-14 alleged"},
		},
		{
			name: "blaming a party for the attack told already codes the blame only", published: "2021-03-20",
			text: "Chilean President Andres Morales blamed Peru for the attack on the consulate.",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"ASSAULT"},
		},
		{
			name: "an event dated by its distance from another", published: "2021-03-20",
			text: "Peruvian student Lina Varga was filmed in February slapping Chilean soldiers. Chilean troops arrested the student at her home four days after the confrontation.",
			want: []string{"ASSAULT PER>CHL 2021-02-01..2021-02-28 asserted", "COERCE CHL>PER 2021-02-05..2021-03-04 asserted"},
		},
		{
			name: "a negation in the opening phrase is not the verb's", published: "2021-03-20",
			text: "After insisting its air force was not to blame, Chilean authorities on Friday admitted accidentally shooting down the plane.",
			want: []string{"CONCEDE CHL> 2021-03-19..2021-03-19 reported"},
		},
		{
			name: "police and the crowd they disperse are two parties of one country", published: "2021-03-21",
			text: "A funeral late Saturday in Quito became a rally, with hundreds of Ecuadorians shouting against the country's rulers — and police dispersing them with tear gas.",
			want: []string{"ASSAULT ECU>ECU 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a state is not its own counterpart", published: "2021-03-20",
			text: "President Morales withdrew Chile from the fishing deal on Tuesday.",
			not:  []string{"RETREAT CHL>CHL"},
		},
		{
			name: "a crowd breaking through is a riot", published: "2021-03-20",
			text: "Bolivian protesters broke through the barricades on Friday and reached the parliament.",
			want: []string{"PROTEST BOL>BOL 2021-03-19..2021-03-19 asserted"},
			not:  []string{"ASSAULT"},
		},
		{
			name: "announcing support for a deal", published: "2021-03-20",
			text: "The Bolivian government announced its support of the truce agreement on Friday, according to state television.",
			want: []string{"SUPPORT BOL> 2021-03-19..2021-03-19 reported"},
		},
		{
			name: "favoring a deal", published: "2021-03-20",
			text: "The Bolivian opposition favors the new accord, Lino Garat said in a statement Friday.",
			want: []string{"SUPPORT BOL> 2021-03-19..2021-03-19 asserted"},
		},
		{
			name: "a sponsor before the target is not the target", published: "2021-03-20",
			text: "Chilean jets struck a Bolivian-backed Peruvian militia on Tuesday.",
			want: []string{"ASSAULT CHL>PER 2021-03-16..2021-03-16 asserted"},
			not:  []string{"ASSAULT CHL>BOL"},
		},
		{
			name: "noun trigger with from and to", published: "2021-03-20",
			text: "Lima received a stern warning from Chilean Defense Minister Varo Tenzi.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "fronted phrase before the subject", published: "2021-03-20",
			text: "During the protests that shook Peru in late February, Chile's president threatened Lima.",
			want: []string{"THREATEN CHL>PER 2021-02-21..2021-02-28 asserted"},
		},
		{
			name: "reported speech is attributed", published: "2021-03-20",
			text: "Peruvian Defense Minister Lino Garat said Santiago warned Lima over the militias.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 reported"},
		},
		{
			name: "allegedly marks the claim", published: "2021-03-20",
			text: "Peruvian media said Santiago allegedly threatened Lima with sanctions.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 alleged"},
		},
		{
			name: "negated events are not coded", published: "2020-01-12",
			text: "Peru did not attack Chile on Saturday.",
			not:  []string{"ASSAULT"},
		},
		{
			name: "infinitive complement is not a second event", published: "2021-03-20",
			text: "Chile threatened to close its embassy in Lima.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"SANCTION"},
		},
		{
			name: "coordinated subject of a meeting", published: "2021-03-21",
			text: "Peru's foreign minister and Chile's foreign minister met in Santiago on Saturday.",
			want: []string{"CONSULT PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a refusal to meet is a rejection", published: "2021-03-20",
			text: "Peruvian President Carlos Ruizoto refused to meet Chilean officials on Friday.",
			want: []string{"REJECT PER>CHL 2021-03-19..2021-03-19 asserted"},
			not:  []string{"CONSULT"},
		},
		{
			name: "generic party placed by the sentence", published: "2021-03-20",
			text: "In La Paz, police fired tear gas at protesters near the Chilean Embassy.",
			want: []string{"ASSAULT BOL>BOL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "warning that another party errs is an accusation", published: "2021-03-20",
			text: "Chilean Interior Minister Ana Brisel warned that Peruvian President Carlos Ruizoto's plan would be harmful.",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"THREATEN"},
		},
		{
			name: "warning that one will act is a threat", published: "2021-03-20",
			text: "Santiago warned that Chile will strike rebel groups in Peru.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "an agentless arrest is the state's", published: "2021-03-20",
			text: "The Chilean journalist was arrested at his home in Lima in July.",
			want: []string{"COERCE PER>CHL 2020-07-01..2020-07-31 asserted"},
		},
		{
			name: "a quoted judgement is an accusation", published: "2021-03-20",
			text: "Chilean Senator Ana Brisel called Peru's offer “a cynical trick” on Tuesday.",
			want: []string{"ACCUSE CHL>PER 2021-03-16..2021-03-16 asserted"},
		},
		{
			name: "talks between two parties", published: "2021-03-20",
			text: "A truce was negotiated between Peru and Chile on Tuesday.",
			want: []string{"CONSULT PER>CHL 2021-03-16..2021-03-16 asserted"},
		},
		{
			name: "a protest without a named target is against the state", published: "2021-03-20",
			text: "Ecuadorian students demonstrated in Quito on Saturday.",
			want: []string{"PROTEST ECU>ECU 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a caused act belongs to the one prompted", published: "2021-03-20",
			text: "On Thursday, Chilean President Andres Morales threatened to strike Peru, prompting Lima to vow retaliation.",
			want: []string{"THREATEN CHL>PER 2021-03-18..2021-03-18 asserted", "THREATEN PER>CHL 2021-03-18..2021-03-18 asserted"},
		},
		{
			name: "a crowd storming a building protests", published: "2021-03-20",
			text: "Hundreds of Peruvian protesters stormed the parliament in Lima on Saturday.",
			want: []string{"PROTEST PER>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"ASSAULT"},
		},
		{
			name: "a denial rejects an accusation, not the place it names", published: "2021-03-20",
			text: "Chile denied involvement in the bombing of the consulate in Lima on Saturday.",
			want: []string{"REJECT CHL> 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "consult needs a counterpart", published: "2024-03-20",
			text: "Mondino has spoken up about the call.",
			not:  []string{"CONSULT"},
		},
		{
			name: "an appeal or a charge without an addressee is commentary", published: "2021-03-20",
			text: "Analysts and critics said the ruling weakens the standing of the government. Chile had pushed to free him.",
			not:  []string{"ACCUSE", "REQUEST"},
		},
		{
			name: "a dated sentence without events anchors the following month", published: "2021-03-20",
			text: "The raids stopped after two guards died in March 2019. The following month, Chilean jets launched heavy strikes on rebel camps in Peru.",
			want: []string{"ASSAULT CHL>PER 2019-04-01..2019-04-30 asserted"},
		},
		{
			name: "a possibility is not an event", published: "2021-03-20",
			text: "Chilean officials voiced fears that Peru might attack Bolivia. Diplomats were not hopeful about a possible agreement with Ecuador.",
			not:  []string{"ASSAULT", "AGREE"},
		},
		{
			name: "a verb after a closed relative clause takes the appositive", published: "2021-03-20",
			text: "The leader of an Ecuadorian-backed militia that previously attacked Chilean troops, Saraya Khorasani, threatened to attack Chilean interests in Peru.",
			want: []string{"THREATEN IRQ>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a verb after a closed relative clause takes the antecedent", published: "2024-03-20",
			text: "Mondino, who has criticized Brazil, called on the Argentine government to resign.",
			want: []string{"ACCUSE ARG>BRA 2024-03-20..2024-03-20 asserted", "REQUEST ARG>ARG 2024-03-20..2024-03-20 asserted"},
		},
		{
			name: "a place named in the paragraph holds for its generic parties", published: "2021-03-20",
			text: "Bolivian students clashed Saturday with police near the Peruvian Embassy in La Paz. Police fired tear gas to disperse the students.",
			want: []string{"ASSAULT BOL>BOL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "an exchange named by countries only does not lend its date to another type", published: "2021-03-18",
			text: "On Tuesday, police arrested protesters in Quito. Police used tear gas to disperse the protesters in Quito.",
			want: []string{"COERCE ECU>ECU 2021-03-16..2021-03-16 asserted", "ASSAULT ECU>ECU 2021-03-18..2021-03-18 asserted"},
		},
		{
			name: "an event that failed, was put off or is only in prospect did not happen", published: "2021-03-20",
			text: "The Chilean foreign minister on Wednesday postponed a trip to Bolivia. Harsh words for Peru dimmed the prospect of a deal with Lima. Ecuador regretted the failure to reach agreement with Chile.",
			not:  []string{"CONSULT", "AGREE"},
		},
		{
			name: "Europeans are coded as the European side", published: "2021-03-20",
			text: "Chile held talks with European officials on Tuesday.",
			want: []string{"CONSULT CHL>EUR 2021-03-16..2021-03-16 asserted"},
		},
		{
			name: "a refusal is dated when it was said", published: "2021-03-20",
			text: "Chilean President Andres Morales has said he will not meet with the Peruvian president ahead of his visit in April.",
			want: []string{"REJECT CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a place before a relative clause did not act", published: "2021-03-20",
			text: "Chile blamed the Peruvian rebels for a mortar attack on a base in the town of Arica that killed a Chilean guard.",
			not:  []string{"PROTEST"},
		},
		{
			name: "a crowd that kills attacks", published: "2021-03-20",
			text: "A mob of demonstrators overwhelmed the embassy in Lima late Friday, killing the Chilean consul.",
			not:  []string{"PROTEST"},
		},
		{
			name: "photo credits are not parties", published: "2021-03-20",
			text: "Protesters gathered at the vigil in Quito on Saturday. (AP Photo/Lino Garat)",
			want: []string{"PROTEST ECU>ECU 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a title introduces a surname", published: "2024-03-20",
			text: "Foreign Minister Mondino won't attend the summit. Argentine Senator Ana Brisel called Mondino’s absence “shameful and unacceptable.”",
			want: []string{"ACCUSE ARG>ARG 2024-03-20..2024-03-20 asserted"},
		},
		{
			name: "the group is the group named last", published: "2021-03-20",
			text: "A Fatah spokesman, Varo Tenzi, said the group agreed to a two-day truce with Jordan.",
			want: []string{"AGREE PSE>JOR 2021-03-20..2021-03-20 reported"},
		},
		{
			name: "a subjectless clause shares the sentence subject", published: "2021-03-20",
			text: "Peru downed the drone as it prepared for possible Chilean retaliation after firing rockets at two camps in Bolivia housing Chilean soldiers.",
			want: []string{"ASSAULT PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "an object does not cross into an as-clause", published: "2021-03-20",
			text: "Peru downed the drone as it prepared for Chilean retaliation.",
			not:  []string{"ASSAULT"},
		},
		{
			name: "each side of a coordinated object is a dyad", published: "2021-03-20",
			text: "Chilean Foreign Minister Varo Tenzi met with the U.N. envoy and Peruvian Foreign Minister Lino Garat in Quito.",
			want: []string{"CONSULT CHL>UNO 2021-03-20..2021-03-20 asserted", "CONSULT CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "office holders attacking each other do it in words", published: "2021-03-02",
			text: "Chilean President Andres Morales fired back on Monday at Peruvian President Carlos Ruizoto.",
			want: []string{"ACCUSE CHL>PER 2021-03-01..2021-03-01 asserted"},
			not:  []string{"ASSAULT"},
		},
		{
			name: "troops attacking an office holder use force", published: "2021-03-02",
			text: "Peruvian troops attacked Chilean President Andres Morales on Monday.",
			want: []string{"ASSAULT PER>CHL 2021-03-01..2021-03-01 asserted"},
		},
		{
			name: "giving in to demands concedes to whoever made them", published: "2021-03-02",
			text: "The Peruvian government conceded on Monday to the demands of Chilean fishermen.",
			want: []string{"CONCEDE PER>CHL 2021-03-01..2021-03-01 asserted"},
		},
		{
			name: "an announced ceasefire is one declared", published: "2021-03-02",
			text: "Peru announced a ceasefire with Chile on Monday.",
			want: []string{"RETREAT PER>CHL 2021-03-01..2021-03-01 asserted"},
		},
		{
			name: "the president is the person the text titles president, not the main country", published: "2010-03-02",
			text: "Chilean President Andres Morales arrived in Brasilia on Monday to meet Luiz Inacio Lula da Silva. Brazil and Brazil's ministers praised the visit. The president criticized Peru on Monday.",
			want: []string{"ACCUSE CHL>PER 2010-03-01..2010-03-01 asserted"},
			not:  []string{"ACCUSE BRA"},
		},
		{
			name: "a state acting on a place of its own has a counterpart", published: "2016-03-02",
			text: "Turkish authorities imposed a curfew in Diyarbakir on Monday.",
			want: []string{"COERCE TUR>TUR 2016-02-29..2016-02-29 asserted"},
		},
		{
			name: "an agent of no named country still acts, with its words and no code", published: "2014-04-24",
			text: "The court convicted the mayor of fraud on Monday.",
			want: []string{"ACCUSE > 2014-04-21..2014-04-21 asserted"},
		},
		{
			name: "each party of a comma list closed by and is a dyad", published: "2021-03-02",
			text: "Japan's prime minister held talks on Monday with Kenya, Chile, Norway and Peru.",
			want: []string{"CONSULT JPN>KEN 2021-03-01..2021-03-01 asserted", "CONSULT JPN>CHL 2021-03-01..2021-03-01 asserted",
				"CONSULT JPN>NOR 2021-03-01..2021-03-01 asserted", "CONSULT JPN>PER 2021-03-01..2021-03-01 asserted"},
		},
		{
			name: "a party after a comma with no closing and is not in the list", published: "2021-03-02",
			text: "Japan's prime minister met Kenya's president on Monday, Norway's foreign ministry said.",
			not:  []string{"CONSULT JPN>NOR"},
		},
		{
			name: "a passive subject's own agent is the recipient", published: "2021-03-20",
			text: "A plan proposed by Chile last month was rejected by Peru because the government said it had not been asked.",
			want: []string{"REJECT PER>CHL 2021-02-01..2021-02-28 reported"},
		},
		{
			name: "a wire dateline is not an actor, and a fronted phrase does not swallow the verb", published: "2021-03-20",
			text: "QUITO, Ecuador (AP) — With shouts of “Down with Peru,” hundreds of students stormed the Peruvian Embassy compound in Ecuador’s capital on Friday.",
			want: []string{"PROTEST ECU>PER 2021-03-19..2021-03-19 asserted"},
			not:  []string{"ASSAULT"},
		},
		{
			name: "a crowd dispersed by security forces is of their country", published: "2021-03-20",
			text: "Bolivian riot police fired rubber bullets to disperse the demonstrators outside the Chilean Embassy.",
			want: []string{"ASSAULT BOL>BOL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "the regime is the state the text is about, not the actor's own", published: "2021-03-20",
			text: "Peru rejected the talks with Bolivia. Peru said it would resume drilling. Chilean President Andres Morales visited Ecuador. Morales said he would impose new sanctions on the regime.",
			want: []string{"COERCE CHL>PER 2021-03-20..2021-03-20 planned"},
		},
		{
			name: "an event noun after about-prepositions is not the subject's act", published: "2021-03-20",
			text: "The Peruvian president, slow to speak out on Friday's assault on the Chilean embassy, promised to protect it.",
			not:  []string{"ASSAULT", "CONSULT"},
		},
		{
			name: "a letter of warning is still the sender's", published: "2021-03-20",
			text: "Chilean Foreign Minister Varo Tenzi sent a letter of warning to Peruvian Prime Minister Lino Garat.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "averting and wanting are not events", published: "2021-03-20",
			text: "Ecuador's government sought to avert any strikes. The Bolivian rebels said they would like to see aid delivered to Peru.",
			not:  []string{"PROTEST", "AID"},
		},
		{
			name: "a definite agent noun refers back to the one named before", published: "2021-03-20",
			text: "A Chilean soldier stood at the gate. In the border village, a Peruvian boy punched the soldier.",
			want: []string{"ASSAULT PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "condemning an event accuses whoever did it", published: "2021-03-20",
			text: "Chilean jets struck Peruvian rebels in Peru on Sunday. Peru's government sharply condemned the airstrikes on the rebels.",
			want: []string{"ACCUSE PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "calling an event a crime accuses its actor", published: "2021-03-20",
			text: "Hundreds of miners and their supporters broke into the Chilean embassy compound in Lima. Chilean Foreign Minister Varo Tenzi called the assault \"organized terror\".",
			want: []string{"PROTEST PER>CHL 2021-03-20..2021-03-20 asserted", "ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a reduced relative is passive", published: "2021-03-20",
			text: "The Peruvian militia targeted by the Chilean airstrikes on Sunday refused to disarm.",
			want: []string{"ASSAULT CHL>PER 2021-03-14..2021-03-14 asserted"},
		},
		{
			name: "a passive's agent can be an event with its own actor", published: "2021-03-20",
			text: "A Chilean border town was struck Friday by the second large bombing by Peruvian rebels in a week.",
			want: []string{"ASSAULT PER>CHL 2021-03-19..2021-03-19 asserted"},
		},
		{
			name: "a charge names the doer of the act it is for, dated by its own phrase", published: "2021-03-15",
			text: "Chile indicted a 19-year-old Peruvian student on Monday on charges including assault for kicking a Chilean policeman in the leg three weeks ago.",
			want: []string{"COERCE CHL>PER 2021-03-15..2021-03-15 asserted", "ASSAULT PER>CHL 2021-02-19..2021-02-25 asserted"},
		},
		{
			name: "a crowd gathering outside an embassy protests against its state", published: "2021-03-20",
			text: "In Quito, dozens of students gathered outside the Peruvian Embassy, shouting slogans. Hundreds of people shouted against the country's rulers.",
			want: []string{"PROTEST ECU>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "saying something broke the law accuses whoever did it", published: "2021-03-20",
			text: "Police in Quito briefly detained the Peruvian ambassador to Ecuador. Peru said its envoy was detained “without cause” and in “clear violation of international law.”",
			want: []string{"ACCUSE PER>ECU 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a quoted violation names the party it is laid on", published: "2021-03-20",
			text: "\"The position taken by Lima represents a serious violation of the border treaty,\" the Chilean foreign ministry said in a statement, calling it \"further proof of bad faith.\"",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 reported"},
			not:  []string{"ACCUSE PER"},
		},
		{
			name: "a verbal participle after a comma is an act of its own", published: "2021-03-20",
			text: "Bolivian Justice Minister Ana Brisel filed a complaint with the International Court of Justice on Saturday, accusing Chile of illegal fishing.",
			want: []string{"ACCUSE BOL>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a stated readiness to coerce is a threat", published: "2021-03-20",
			text: "A Chilean foreign ministry official said Chile is prepared to sanction Peruvians.",
			want: []string{"THREATEN CHL>PER 2021-03-20..2021-03-20 reported"},
			not:  []string{"SANCTION"},
		},
		{
			name: "a stated readiness to do a non-coercive act is an offer, made now", published: "2019-03-02",
			text: "Peru is willing to withdraw its troops from Chile.",
			want: []string{"AGREE PER>CHL 2019-03-02..2019-03-02 asserted"},
			not:  []string{"RETREAT"},
		},
		{
			name: "a plan in the past perfect was overtaken", published: "2021-03-20",
			text: "Chilean President Andres Morales had planned to meet the king of Spain one-on-one.",
			not:  []string{"CONSULT"},
		},
		{
			name: "a gerund read as a noun after 'after' shares the sentence subject", published: "2021-03-20",
			text: "Chilean President Andres Morales has questioned whether a treaty was possible after meeting Monday in Brazil with Peruvian President Carlos Ruizoto.",
			want: []string{"CONSULT CHL>PER 2021-03-15..2021-03-15 asserted"},
		},
		{
			name: "refusing to attend a summit rejects its host", published: "2021-03-20",
			text: "Peruvian Foreign Minister Lino Garat announced that the Peruvian president will not attend a Santiago summit of Chilean and allied Andean leaders.",
			want: []string{"REJECT PER>CHL 2021-03-20..2021-03-20 reported"},
		},
		{
			name: "a verb in an if or whether clause is open, not done", published: "2021-03-20",
			text: "It is not clear whether Peru would agree with Chile. If we were to get the Bolivians to agree with Quito, Lima would lose.",
			not:  []string{"AGREE"},
		},
		{
			name: "a person's undated statement takes the day the text says they spoke", published: "2024-03-16",
			text: "Argentine Foreign Minister Diana Mondino warned that Brazil's new tariff plan will be harmful.\n\n\"It's harmful to the relationship,\" Mondino said Thursday on radio.",
			want: []string{"ACCUSE ARG>BRA 2024-03-14..2024-03-14 asserted"},
		},
		{
			name: "undated text keeps its events undated", published: "",
			text: "Chilean jets struck rebel positions in Peru.",
			want: []string{"ASSAULT CHL>PER 0001-01-01..0001-01-01 asserted"},
		},
		{
			name: "a count left without its 'were' after a passive was hurt, not hurting", published: "2021-03-20",
			text: "Twelve Chilean miners were killed and 40 wounded in Peru on Monday. Two Bolivian guards were shot and at least five others injured.",
			not:  []string{"ASSAULT CHL", "PROTEST CHL", "ASSAULT BOL", "PROTEST BOL"},
		},
		{
			name: "an attack with counted or newly told victims and no attackers named is by someone unidentified", published: "2021-03-20",
			text: "Two Peruvian soldiers were killed at a checkpoint on Monday. An assault on a Chilean border post on Tuesday left five dead. The attack on the Bolivian embassy was condemned.",
			want: []string{"ASSAULT >PER 2021-03-15..2021-03-15 asserted", "ASSAULT >CHL 2021-03-16..2021-03-16 asserted"},
			not:  []string{"ASSAULT >BOL"},
		},
		{
			name: "an unidentified attacker does not replace the one named before", published: "2021-03-20",
			text: "Peruvian troops shelled a Chilean village on Monday. Three Chilean farmers were killed there. Chile condemned the attack.",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a refusal is made to whom it waits on; what it waits for has not happened", published: "2021-03-20",
			text: "Peru said it will not lift the embargo until Chile frees the prisoners. Peruvian teachers said they will not end the strike until the Chilean government meets their demands.",
			want: []string{"REJECT PER>CHL 2021-03-20..2021-03-20 asserted"},
			not:  []string{"RETREAT CHL", "CONCEDE CHL"},
		},
		{
			name: "a verb that carries a verbal act yields to it; an offer of nothing is none", published: "2021-03-20",
			text: "The Peruvian defense minister offered a stark warning to Chile on Saturday. Bolivia offered no incentives to Ecuador.",
			want: []string{"THREATEN PER>CHL 2021-03-20..2021-03-20 asserted"},
			not:  []string{"AGREE PER", "AGREE BOL"},
		},
		{
			name: "a threat that could happen is not made; a minister named May threatens", published: "2021-03-20",
			text: "Peru could threaten Chile with sanctions. Ecuador would also threaten Chile. The British minister Ms May gives Bolivia a deadline.",
			want: []string{"THREATEN GBR>BOL 2021-03-20..2021-03-20 asserted"},
			not:  []string{"THREATEN PER", "THREATEN ECU"},
		},
		{
			name: "a speaker of another side telling who attacked accuses them; a clause beside what was said does not", published: "2021-03-20",
			text: "Chilean officials said Peruvian troops shelled the village on Monday. The Bolivian army said it moved the detainees to a safe place, as Ecuadorian troops seized the town.",
			want: []string{"ACCUSE CHL>PER 2021-03-15..2021-03-15 asserted"},
			not:  []string{"ACCUSE BOL"},
		},
		{
			name: "a party under 'no' is no one", published: "2021-03-20",
			text: "No Peruvian official attended the Chilean summit. No group has claimed the attack on the Bolivian embassy.",
			not:  []string{"CONSULT PER", "ASSAULT"},
		},
		{
			name: "a title owned by 'its' is of the subject's country", published: "2021-03-20",
			text: "Peru said its foreign minister met the Chilean foreign minister on Monday. Bolivia said its envoy was detained by Ecuadorian police.",
			want: []string{"CONSULT PER>CHL 2021-03-15..2021-03-15 reported", "COERCE ECU>BOL 2021-03-20..2021-03-20 reported"},
		},
		{
			name: "a protest verb taking a clause shows, not protests", published: "2021-03-20",
			text: "Chile has three months to start demonstrating whether it is ready to scale back its mining plans.",
			not:  []string{"PROTEST"},
		},
		{
			name: "a party after a dateline's spaced dash is the sentence's own", published: "2021-03-20",
			text: "LIMA, Peru - Police arrested five Chilean fishermen on Monday.",
			want: []string{"COERCE PER>CHL 2021-03-15..2021-03-15 asserted"},
		},
		{
			name: "what may happen has not; what may have happened is suspected", published: "2021-03-20",
			text: "Peru may well be able to hit Chile with missiles. Bolivian hackers may have attacked Ecuador's power grid.",
			want: []string{"ASSAULT BOL>ECU 2021-03-20..2021-03-20 alleged"},
			not:  []string{"ASSAULT PER"},
		},
		{
			name: "a question asks, it does not report", published: "2021-03-20",
			text: "Will Peru attack Chile? \"Why did Bolivia sanction Ecuador?\"",
			not:  []string{"ASSAULT", "SANCTION", "COERCE"},
		},
		{
			name: "cutting aid, withdrawing peacekeepers and ending mediation reduce relations; diplomatic ties are diplomatic cooperation", published: "2021-03-20",
			text: "Chile has established diplomatic ties with Paraguay. Peru reduced military aid to Bolivia. The UN withdrew peacekeepers from Ecuador. Brazil ended mediation efforts between Uruguay and Colombia. Argentina suspended food supplies to Venezuela.",
			want: []string{"SANCTION PER>BOL 2021-03-20..2021-03-20 asserted", "SANCTION UNO>ECU 2021-03-20..2021-03-20 asserted",
				"SUPPORT CHL>PRY 2021-03-20..2021-03-20 asserted", "SANCTION BRA>URY 2021-03-20..2021-03-20 asserted", "SANCTION ARG>VEN 2021-03-20..2021-03-20 asserted"},
			not: []string{"AID", "RETREAT", "COOPERATE", "CONSULT"},
		},
		{
			name: "one's own troops mobilized are not the other side", published: "2021-03-20",
			text: "In Lima, Peru mobilized the army for a ground assault against Chile.",
			want: []string{"MOBILIZE PER>CHL 2021-03-20..2021-03-20 asserted"},
		},
		{
			name: "a negation stays in its own clause; a verb right after 'and' shares it", published: "2021-03-20",
			text: "The Chilean minister was not hurt and later condemned Peru on TV. Bolivia did not attack and kill Ecuadorian soldiers.",
			want: []string{"ACCUSE CHL>PER 2021-03-20..2021-03-20 asserted"},
			not:  []string{"ASSAULT BOL"},
		},
		{
			name: "troops sent to keep a peace protect", published: "2021-03-20",
			text: "Peru sent 200 troops to Bolivia to serve as a peacekeeping force.",
			want: []string{"AID PER>BOL 2021-03-20..2021-03-20 asserted"},
			not:  []string{"MOBILIZE"},
		},
		{
			name: "failing to agree or to reach a deal rejects it", published: "2021-03-20",
			text: "Peru and Chile failed to reach agreement on the border. Bolivia failed to agree with Ecuador on trade.",
			want: []string{"REJECT PER>CHL 2021-03-20..2021-03-20 asserted", "REJECT BOL>ECU 2021-03-20..2021-03-20 asserted"},
			not:  []string{"AGREE"},
		},
		{
			name: "strikers ending their strike yield", published: "2021-03-20",
			text: "Peruvian miners called off their strike against the Chilean company on Monday.",
			want: []string{"CONCEDE PER>CHL 2021-03-15..2021-03-15 asserted"},
		},
		{
			name: "an earlier verb's object is not the subject of the next one", published: "2021-03-20",
			text: "Floods killed 18 Chilean farmers and injured 60 more on Monday. Floods killed at least 18 people and injured at least 60 more in Peru on Monday. " +
				"A strong earthquake hit Peru on Monday, killing at least 4,400 people and injuring at least 8,000.",
			not: []string{"ASSAULT CHL", "PROTEST CHL", "ASSAULT PER", "PROTEST PER"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Source: "t.txt", Text: tt.text}
			if tt.published != "" {
				a.Published = day(tt.published)
			}
			got := summaries(c.Code(a))
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("%q\n want %q among %q", tt.text, w, got)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if len(g) >= len(n) && g[:len(n)] == n {
						t.Errorf("%q\n unwanted %s in %q", tt.text, n, got)
					}
				}
			}
		})
	}
}

func TestLocation(t *testing.T) {
	c := defaultCoder(t)
	res := c.Code(&article.Article{Text: "Chilean jets struck rebel positions in Peru on Monday.", Published: day("2021-03-20")})
	if len(res.Mentions) == 0 || res.Mentions[0].Location != "PER" {
		t.Fatalf("location of the strike: %+v", res.Mentions)
	}
	res = c.Code(&article.Article{Text: "Peru accused Chile of sabotage.", Published: day("2021-03-20")})
	if len(res.Mentions) == 0 || res.Mentions[0].Location != "" {
		t.Fatalf("no place stated, yet a location: %+v", res.Mentions)
	}
}

func TestDateCheckFlagsAnachronism(t *testing.T) {
	c := defaultCoder(t)
	text := "Argentine Foreign Minister Diana Mondino sent a letter to the president of Uruguay. " +
		"German Foreign Minister Annalena Baerbock visited Montevideo in July."
	res := c.Code(&article.Article{Source: "old.txt", Text: text, Published: day("2026-11-18")})
	if !res.Check.Conflict {
		t.Fatalf("printed 2026 date of a 2024 story not flagged: %+v", res.Check)
	}
	if res.Check.End.After(day("2024-10-31")) || res.Check.Start.Before(day("2023-12-10")) {
		t.Fatalf("content window %v..%v outside the roles' overlap", res.Check.Start, res.Check.End)
	}
	for _, m := range res.Mentions {
		if m.DateEnd.After(day("2024-10-30")) {
			t.Errorf("event dated after the content window: %+v", m)
		}
	}
	// A title given for the wrong country is reported; the person keeps
	// the knowledge base's country.
	wrong := c.Code(&article.Article{Text: "Argentine Foreign Minister Diana Mondino met Vieira. Brazil's Foreign Minister Mondino called the tensions unfortunate.", Published: day("2024-05-15")})
	if len(wrong.Check.Inconsistent) != 1 {
		t.Errorf("role error not reported once: %q", wrong.Check.Inconsistent)
	}
	// The same text printed in its own time is not a conflict.
	res = c.Code(&article.Article{Source: "ok.txt", Text: text, Published: day("2024-05-15")})
	if res.Check.Conflict {
		t.Fatalf("false conflict: %+v", res.Check)
	}
}

func BenchmarkCode(b *testing.B) {
	c := defaultCoder(b)
	text := ""
	for len(text) < 4000 {
		text += "Chilean Foreign Minister Varo Tenzi on Tuesday urged Peru to disband its armed groups. " +
			"Peruvian-backed militias have brushed off the Chilean demand and vowed to keep attacking Chilean troops. " +
			"In early March, a Bolivian rebel group claimed responsibility for a rocket attack on an army post in northern Chile. "
	}
	a := &article.Article{Source: "bench.txt", Text: text, Published: day("2021-03-20")}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Code(a)
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// A dateline (a place and a date or an agency before a dash, or an agency
// in parentheses) is no part of the first sentence; a sentence's own
// subject before a dash is.
func TestDatelineEnd(t *testing.T) {
	for _, tt := range []struct{ text, rest string }{
		{"LIMA, Peru — The army said …", "The army said …"},
		{"Lima, Peru - The army said …", "The army said …"},
		{"Quito, May 17, AGN - The army said …", "The army said …"},
		{"TEL AVIV-- The army said …", "The army said …"},
		{"Quito, March 8 (AGN) The army said …", "The army said …"},
		{"LIMA (AP) The army said …", "The army said …"},
		{"The UN (UNO) said …", "The UN (UNO) said …"},
		{"President Lasso - who had said little - spoke.", "President Lasso - who had said little - spoke."},
		{"The army, the police and the courts (all three) said …", "The army, the police and the courts (all three) said …"},
	} {
		if got := tt.text[datelineEnd(tt.text):]; got != tt.rest {
			t.Errorf("%q: left %q, want %q", tt.text, got, tt.rest)
		}
	}
}

// One's own men are not the other side: in "withdrew its troops from
// Bolivia" the recipient is Bolivia, not the troops.
func TestOwnMenAreNoRecipient(t *testing.T) {
	c := defaultCoder(t)
	res := c.Code(&article.Article{Source: "t.txt", Text: "Peru withdrew its troops from Bolivia on Monday.", Published: day("2021-03-20")})
	if len(res.Mentions) != 1 || res.Mentions[0].Recipient.Code != "BOL" || res.Mentions[0].Recipient.Text != "Bolivia" {
		t.Errorf("mentions %+v, want one with Bolivia as the recipient", res.Mentions)
	}
}
