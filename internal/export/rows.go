// Package export writes stored data in the forms analysts load: CSV and
// Parquet that pandas, R and DuckDB read without options, PLOVER JSON Lines,
// and a GDELT-style CSV with CAMEO codes from the crosswalk.
package export

import (
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// The row types name their columns once, in the parquet tags; CSV and JSON
// Lines use the same names and order. Dates are DATE columns (optional when
// unknown), lists are LIST columns in Parquet and "|"-joined in CSV. Text
// columns are optional: an unknown value is NULL in every format (an empty
// CSV cell, a Parquet null, a JSON null), never '' in one and NULL in
// another. An event's id is its stored mention id (mention_id), as in the
// API and `dyad events --json`; a story's is its story_id, and `outlets` is
// always a count, `outlet_names` the list.

// EventRow is one event mention.
type EventRow struct {
	MentionID       int64    `parquet:"mention_id" json:"mention_id"`
	StoryID         string   `parquet:"story_id,optional" json:"story_id"`
	ArticleID       int64    `parquet:"article_id" json:"article_id"`
	Source          string   `parquet:"source,optional" json:"source"`
	Outlet          string   `parquet:"outlet,optional" json:"outlet"`
	DateStart       *Date    `parquet:"date_start,date" json:"date_start"`
	DateEnd         *Date    `parquet:"date_end,date" json:"date_end"`
	DatePrecision   string   `parquet:"date_precision,optional" json:"date_precision"`
	Event           string   `parquet:"event,optional" json:"event"`
	Mode            string   `parquet:"mode,optional" json:"mode"`
	Quad            int32    `parquet:"quad_code" json:"quad_code"`
	Score           float64  `parquet:"event_scale" json:"event_scale"`
	CAMEO           string   `parquet:"cameo,optional" json:"cameo"`
	ActorCode       string   `parquet:"actor_code,optional" json:"actor_code"`
	ActorName       string   `parquet:"actor_name,optional" json:"actor_name"`
	ActorText       string   `parquet:"actor_text,optional" json:"actor_text"`
	ActorSector     string   `parquet:"actor_sector,optional" json:"actor_sector"`
	RecipientCode   string   `parquet:"recipient_code,optional" json:"recipient_code"`
	RecipientName   string   `parquet:"recipient_name,optional" json:"recipient_name"`
	RecipientText   string   `parquet:"recipient_text,optional" json:"recipient_text"`
	RecipientSector string   `parquet:"recipient_sector,optional" json:"recipient_sector"`
	Background      bool     `parquet:"background" json:"background"`
	Claim           string   `parquet:"claim,optional" json:"claim"`
	ReportedBy      []string `parquet:"reported_by,list" json:"reported_by"`
	Sentence        string   `parquet:"sentence,optional" json:"sentence"`
	Trigger         string   `parquet:"trigger,optional" json:"trigger"`
	Confidence      float64  `parquet:"confidence" json:"confidence"`
	Location        string   `parquet:"location,optional" json:"location"`
	// ArticleDateConflict: the article's printed date contradicts its
	// content; the mention is dated by the content's window.
	ArticleDateConflict bool `parquet:"article_date_conflict" json:"article_date_conflict"`
}

// StoryRow is one story: a real-world event across its reports.
type StoryRow struct {
	StoryID     string   `parquet:"story_id,optional" json:"story_id"`
	Event       string   `parquet:"event,optional" json:"event"`
	Mode        string   `parquet:"mode,optional" json:"mode"`
	Quad        int32    `parquet:"quad_code" json:"quad_code"`
	CAMEO       string   `parquet:"cameo,optional" json:"cameo"`
	Goldstein   float64  `parquet:"goldstein" json:"goldstein"`
	Actor       string   `parquet:"actor_code,optional" json:"actor_code"`
	Recipient   string   `parquet:"recipient_code,optional" json:"recipient_code"`
	DateStart   *Date    `parquet:"date_start,date" json:"date_start"`
	DateEnd     *Date    `parquet:"date_end,date" json:"date_end"`
	Mentions    int64    `parquet:"mentions" json:"mentions"`
	Articles    int64    `parquet:"articles" json:"articles"`
	Outlets     int64    `parquet:"outlets" json:"outlets"`
	OutletNames []string `parquet:"outlet_names,list" json:"outlet_names"`
	Score       float64  `parquet:"event_scale" json:"event_scale"`
	Evidence    string   `parquet:"evidence,optional" json:"evidence"`
}

// ArticleRow is one stored article.
type ArticleRow struct {
	ID            int64     `parquet:"id" json:"id"`
	Source        string    `parquet:"source,optional" json:"source"`
	URL           string    `parquet:"url,optional" json:"url"`
	Outlet        string    `parquet:"outlet,optional" json:"outlet"`
	Title         string    `parquet:"title,optional" json:"title"`
	Author        string    `parquet:"author,optional" json:"author"`
	Published     *Date     `parquet:"published,date" json:"published"`
	PublishedFrom string    `parquet:"published_from,optional" json:"published_from"`
	Language      string    `parquet:"language,optional" json:"language"`
	DupOf         *int64    `parquet:"dup_of,optional" json:"dup_of"`
	Hash          string    `parquet:"hash,optional" json:"hash"`
	Ingested      time.Time `parquet:"ingested,timestamp(millisecond)" json:"ingested"`
	// The date check (article.DateCheck): the content's window is set when
	// the printed date contradicts it.
	DateChecked      bool   `parquet:"date_checked" json:"date_checked"`
	DateConflict     bool   `parquet:"date_conflict" json:"date_conflict"`
	ContentDateStart *Date  `parquet:"content_date_start,date" json:"content_date_start"`
	ContentDateEnd   *Date  `parquet:"content_date_end,date" json:"content_date_end"`
	Text             string `parquet:"text,optional" json:"text"`
}

func date(t time.Time) *Date {
	if t.IsZero() {
		return nil
	}
	d := DateOf(t)
	return &d
}

func eventRow(m *event.Mention) EventRow {
	return EventRow{MentionID: m.ID, StoryID: m.StoryID, ArticleID: m.ArticleID, Source: m.Doc, Outlet: m.Outlet,
		DateStart: date(m.DateStart), DateEnd: date(m.DateEnd), DatePrecision: m.Precision, Event: m.Event, Mode: m.Mode,
		Quad: int32(m.Quad), Score: m.Score, CAMEO: m.CAMEO,
		ActorCode: m.Actor.Code, ActorName: m.Actor.Entity, ActorText: m.Actor.Text, ActorSector: m.Actor.Sector,
		RecipientCode: m.Recipient.Code, RecipientName: m.Recipient.Entity, RecipientText: m.Recipient.Text,
		RecipientSector: m.Recipient.Sector, Background: m.Background, Claim: m.Claim, ReportedBy: nonNil(m.ReportedBy),
		Sentence: m.Sentence, Trigger: m.Trigger, Confidence: m.Confidence, Location: m.Location,
		ArticleDateConflict: m.ArticleDateConflict}
}

func storyRow(s *analyze.Story) StoryRow {
	r := StoryRow{StoryID: s.ID, Event: s.Event, Mode: s.Mode, Quad: int32(s.Quad), CAMEO: s.CAMEO, Goldstein: s.Goldstein,
		Actor: s.Actor, Recipient: s.Recipient, DateStart: date(s.Start), DateEnd: date(s.End), Mentions: int64(s.Mentions),
		Articles: int64(s.Articles), Outlets: int64(len(s.Outlets)), OutletNames: nonNil(s.Outlets), Score: s.Score}
	if len(s.Evidence) > 0 {
		r.Evidence = s.Evidence[0].Sentence
	}
	return r
}

func articleRow(a *article.Article) ArticleRow {
	r := ArticleRow{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Author: a.Author,
		Published: date(a.Published), PublishedFrom: string(a.DateFrom), Language: a.Language, Hash: a.Hash,
		Ingested: a.Ingested.UTC().Truncate(time.Millisecond), Text: a.Text,
		DateChecked: a.Check.Checked, DateConflict: a.Check.Conflict}
	if a.Check.Conflict {
		r.ContentDateStart, r.ContentDateEnd = date(a.Check.Start), date(a.Check.End)
	}
	if a.DupOf != 0 {
		d := a.DupOf
		r.DupOf = &d
	}
	return r
}

// nonNil keeps empty lists empty rather than null, so every reader sees a list.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
