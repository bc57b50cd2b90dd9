package coder

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// presence is a sentence and whether coding it must give a mention whose
// summary (see summaries) starts with prefix.
type presence struct {
	text, prefix string
	want         bool
}

// checkPresence codes each text alone, published 2021-03-20, and reports
// the texts whose mentions do not match.
func checkPresence(t *testing.T, c *Coder, tests []presence) {
	t.Helper()
	for _, tt := range tests {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2021-03-20")}))
		has := false
		for _, g := range got {
			has = has || strings.HasPrefix(g, tt.prefix)
		}
		if has != tt.want {
			t.Errorf("%q: mentions %q, want %q: %v", tt.text, got, tt.prefix, tt.want)
		}
	}
}

// recipientOf is a sentence and the recipient text its first mention of
// event must have ("" for any event type).
type recipientOf struct {
	text, event, recip string
}

// checkRecipients codes each text alone, published 2021-03-20, and reports
// the texts whose first mention of the event has another recipient.
func checkRecipients(t *testing.T, c *Coder, tests []recipientOf) {
	t.Helper()
	for _, tt := range tests {
		var got []string
		for _, m := range c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2021-03-20")}).Mentions {
			if tt.event == "" || m.Event == tt.event {
				got = append(got, m.Recipient.Text)
			}
		}
		if len(got) == 0 || got[0] != tt.recip {
			t.Errorf("%q: %s recipients %q, want %q first", tt.text, tt.event, got, tt.recip)
		}
	}
}

// A trigger word inside a name the knowledge base knows is no trigger:
// "Amnesty International" grants no amnesty, the "Popular Mobilization
// Forces" mobilize no one by being named.
func TestTriggerInsideName(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Amnesty International said on Monday that Peru had jailed three reporters.", "RETREAT", false},
		{"The Popular Mobilization Forces said on Monday that Peru had jailed three reporters.", "MOBILIZE", false},
	})
}

// TestAttackInsideProtest: an attack noun that names its attacker just
// before it and its target after it is told as well as the protest against
// it; a demonym before the noun keeps it a noun.
func TestAttackInsideProtest(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Thousands of Kenyans marched in Nairobi on Sunday to protest Ugandan airstrikes against a Somali militia.", "ASSAULT UGA>SOM", true},
		{"Thousands of Kenyans marched in Nairobi on Sunday to protest Ugandan airstrikes against a Somali militia.", "PROTEST KEN>UGA", true},
		{"Thousands of Kenyans marched in Nairobi on Sunday to protest airstrikes against a Somali militia.", "ASSAULT", false},
	})
}

// TestNominalInfinitive: a verb that completes a noun or a predicate
// adjective is a capacity or a stance, not an act; the same verb after a
// verb of doing is coded.
func TestNominalInfinitive(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru wants the ability to strike Chile within minutes, an analyst said.", "ASSAULT", false},
		{"Brazil has been more reluctant than Peru to sanction Chilean banks.", "COERCE", false},
		{"Peru moved on Sunday to sanction Chilean banks.", "COERCE PER>CHL", true},
		{"Peru's president called new Chilean President Ana Brisel on Tuesday to congratulate her.", "SUPPORT PER>CHL", true},
	})
}

// TestForeignBody: an institution the knowledge base knows as another
// state's, named with a demonym, is the demonym's state's own.
func TestForeignBody(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"The Peruvian Department of Justice has launched an investigation into the Chilean firm.", "ACCUSE PER>CHL", true},
		{"The Department of Justice has launched an investigation into the Chilean firm.", "ACCUSE USA>CHL", true},
	})
}

// TestPartisanAttacks: parties and legislators attack in words; an armed
// group that is also a party attacks with weapons.
func TestPartisanAttacks(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Peruvian lawmakers attacked the Chilean ambassador over the border deal.", "ACCUSE PER>CHL", true},
		{"Peruvian lawmakers attacked the Chilean ambassador over the border deal.", "ASSAULT", false},
		{"Hezbollah attacked Israeli positions on Sunday.", "ASSAULT LBN>ISR", true},
		{"Peruvian lawmakers were killed when gunmen attacked their convoy.", "ACCUSE", false},
	})
}

// TestGrants: granting a permission, an extension or citizenship concedes
// to its receiver; repealing a law lifts it.
func TestGrants(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Peruvian court granted the Chilean ministry permission to detain the publisher.", "CONCEDE PER>CHL", true},
		{"Kenya had given Uganda permission to use Kenyan airspace.", "CONCEDE KEN>UGA", true},
		{"The European Union granted the British government an extension.", "CONCEDE EUR>GBR", true},
		{"Peru has repealed the Chile boycott law.", "RETREAT PER>CHL", true},
	})
}

// TestCircularFallback: a party of no country takes the article's country,
// unless the text names that country only in the party's own target.
func TestCircularFallback(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"A militia attacked a Peruvian army base on Sunday.", "ASSAULT >PER", true},
		// a text that names the country again keeps it for the police
		{"Peru's government announced new measures on Monday. Peru's opposition said it would protest. The police arrested dozens of Peruvian students on Tuesday.", "COERCE PER>PER", true},
	})
}

// TestPledgedSupport: pledging support endorses now (SUPPORT); pledging
// aid stays a promise (AGREE).
func TestPledgedSupport(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Kenyan president pledged his full support for the Ugandan initiative.", "SUPPORT KEN>UGA", true},
		{"Kenya pledged aid to Uganda.", "AGREE KEN>UGA", true},
	})
}

// TestRegime: "the regime", with no country of its own, is the state the
// text named as the adversary, not the actor's own.
func TestRegime(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Sudan's army attacked a Kenyan convoy on Monday. Kenya imposed new sanctions on the regime.", "COERCE KEN>SDN", true},
	})
}

// TestAccusedOf: an attack or coercion a party is accused of is coded as
// that party's, alleged; a standing charge of support is not an act.
func TestAccusedOf(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru has accused Chile of an attack on Peruvian border posts on Monday.", "ASSAULT CHL>PER", true},
		{"Peru has accused Chile of attacking Peruvian border posts on Monday.", "ASSAULT CHL>PER", true},
		{"Peru accuses Chile of supporting the rebel groups in the south.", "SUPPORT", false},
	})
}

// TestSharedEvidence: sharing evidence, findings or technology with a party
// cooperates with it.
func TestSharedEvidence(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peruvian prosecutors have shared evidence with Chile about the smuggling ring.", "COOPERATE PER>CHL", true},
	})
}

// TestMealMeeting: a meal with a party is a meeting.
func TestMealMeeting(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Peruvian president had lunch with Chilean President Gabriel Boric in Lima on Monday.", "CONSULT PER>CHL", true},
	})
}

// TestReceived: an event noun a party received (or faces) from another is
// the other's act, done to the receiver.
func TestReceived(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Peruvian ministry got threats from the Chilean group on Monday.", "THREATEN CHL>PER", true},
		{"The Peruvian government has received its sternest warning yet from Chile.", "THREATEN CHL>PER", true},
		// what a party faces from another is done to it as well
		{"Peru's government faces widespread criticism from the U.N. over its detention of activists.", "ACCUSE UNO>PER", true},
	})
}

// TestAwards: awarding a party an honour endorses it.
func TestAwards(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru awarded Chile's foreign minister a medal.", "SUPPORT PER>CHL", true},
	})
}
