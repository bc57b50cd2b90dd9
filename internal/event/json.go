package event

import (
	"path/filepath"
	"time"
)

// PartyJSON is a PLOVER entity object.
type PartyJSON struct {
	Code       string `json:"code"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text"`
	Identifier string `json:"identifier_id,omitempty"`
	Name       string `json:"identifier_text,omitempty"`
	Office     string `json:"office,omitempty"`
}

// JSON is one mention in PLOVER's JSON form with dyad's additions
// (story_id, date_start/date_end/date_precision, background, claim,
// reported_by). Field names follow the PLOVER manual.
type JSON struct {
	ID            string     `json:"id"`
	Doc           string     `json:"doc"`
	Source        string     `json:"source"`
	Date          string     `json:"date,omitempty"`
	EndDate       string     `json:"enddate,omitempty"`
	DateStart     string     `json:"date_start,omitempty"`
	DateEnd       string     `json:"date_end,omitempty"`
	DatePrecision string     `json:"date_precision,omitempty"`
	DateText      string     `json:"date_text,omitempty"`
	Event         string     `json:"event"`
	Mode          string     `json:"mode,omitempty"`
	Context       []string   `json:"context,omitempty"`
	Actor         PartyJSON  `json:"actor"`
	Recipient     *PartyJSON `json:"recipient"`
	QuadCode      int        `json:"quad_code,omitempty"`
	EventScale    float64    `json:"event_scale"`
	CAMEO         string     `json:"cameo,omitempty"`
	EventText     string     `json:"event_text"`
	Trigger       string     `json:"trigger"`
	TextStart     int        `json:"text_start"`
	TextEnd       int        `json:"text_end"`
	Background    bool       `json:"background"`
	Reference     bool       `json:"reference,omitempty"`
	Claim         string     `json:"claim"`
	ReportedBy    []string   `json:"reported_by,omitempty"`
	Location      *LocJSON   `json:"event_loc,omitempty"`
	StoryID       string     `json:"story_id,omitempty"`
	Confidence    float64    `json:"confidence"`
	// ArticleDateConflict: dated by the content, not the printed date.
	ArticleDateConflict bool `json:"article_date_conflict,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func partyJSON(p Party) PartyJSON {
	return PartyJSON{Code: p.Code, Sector: p.Sector, EntityText: p.Text, Identifier: p.EntityID, Name: p.Entity, Office: p.Office}
}

// LocJSON is a PLOVER location object; dyad resolves places to countries.
type LocJSON struct {
	CountryCode string `json:"country_code"`
	Resolution  int    `json:"resolution"` // 1 = country, as in PLOVER
}

// ToJSON renders the mention; id is its identifier in the output.
func (m *Mention) ToJSON(id string) JSON {
	j := JSON{
		ID: id, Doc: filepath.Base(m.Doc), Source: m.Doc,
		Date: day(m.DateStart), EndDate: day(m.DateEnd), DateStart: day(m.DateStart), DateEnd: day(m.DateEnd),
		DatePrecision: m.Precision, DateText: m.DateText, Event: m.Event, Mode: m.Mode, Context: m.Contexts,
		Actor: partyJSON(m.Actor), QuadCode: m.Quad, EventScale: m.Score, CAMEO: m.CAMEO,
		EventText: m.Sentence, Trigger: m.Trigger, TextStart: m.SentStart, TextEnd: m.SentEnd,
		Background: m.Background, Reference: m.Reference, Claim: m.Claim, ReportedBy: m.ReportedBy,
		StoryID: m.StoryID, Confidence: m.Confidence, ArticleDateConflict: m.ArticleDateConflict,
	}
	if m.Location != "" {
		j.Location = &LocJSON{CountryCode: m.Location, Resolution: 1}
	}
	if !m.Recipient.IsZero() {
		r := partyJSON(m.Recipient)
		j.Recipient = &r
	}
	return j
}
