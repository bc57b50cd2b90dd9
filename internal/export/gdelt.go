package export

import (
	"hash/fnv"
	"strconv"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/plover"
)

// GDELTRow is one story in GDELT 1.0 event-table terms, columns named as
// GDELT names them, for scripts written against GDELT. The CAMEO code comes
// from the PLOVER type and mode through the crosswalk (plover.ToCAMEO) and
// the Goldstein value from GDELT's own table. Like GDELT's, the event codes
// have leading zeros: read them as text (pandas: dtype={"EventCode": str}).
// GLOBALEVENTID is a number, as GDELT's: the story id's hexadecimal digits
// (story S00000000002a is event 42), so a row leads back to `dyad stories
// show`. SOURCEURL is the first report's URL (its source when it has none).
type GDELTRow struct {
	GlobalEventID    int64   `parquet:"GLOBALEVENTID"`
	SQLDate          int64   `parquet:"SQLDATE"`
	MonthYear        int64   `parquet:"MonthYear"`
	Year             int64   `parquet:"Year"`
	Actor1Code       string  `parquet:"Actor1Code"`
	Actor1Name       string  `parquet:"Actor1Name"`
	Actor1Country    string  `parquet:"Actor1CountryCode"`
	Actor1Type1      string  `parquet:"Actor1Type1Code"`
	Actor2Code       string  `parquet:"Actor2Code"`
	Actor2Name       string  `parquet:"Actor2Name"`
	Actor2Country    string  `parquet:"Actor2CountryCode"`
	Actor2Type1      string  `parquet:"Actor2Type1Code"`
	EventCode        string  `parquet:"EventCode"`
	EventBaseCode    string  `parquet:"EventBaseCode"`
	EventRootCode    string  `parquet:"EventRootCode"`
	QuadClass        int64   `parquet:"QuadClass"`
	GoldsteinScale   float64 `parquet:"GoldsteinScale"`
	NumMentions      int64   `parquet:"NumMentions"`
	NumSources       int64   `parquet:"NumSources"`
	NumArticles      int64   `parquet:"NumArticles"`
	SourceURL        string  `parquet:"SOURCEURL"`
	PLOVEREvent      string  `parquet:"PLOVER_Event"`
	PLOVERMode       string  `parquet:"PLOVER_Mode"`
	PLOVEREventScale float64 `parquet:"PLOVER_EventScale"`
}

func gdeltRow(s *analyze.Story) GDELTRow {
	code := plover.ToCAMEO(plover.EventType(s.Event), s.Mode)
	g, _ := plover.Goldstein(code)
	r := GDELTRow{GlobalEventID: GlobalEventID(s.ID), Actor1Code: s.Actor + s.ActorSector, Actor1Name: s.ActorName, Actor1Country: s.Actor,
		Actor1Type1: s.ActorSector, Actor2Code: s.Recipient + s.RecipientSector, Actor2Name: s.RecipientName,
		Actor2Country: s.Recipient, Actor2Type1: s.RecipientSector, EventCode: code, EventRootCode: plover.CAMEORoot(code),
		QuadClass: int64(s.Quad), GoldsteinScale: g, NumMentions: int64(s.Mentions), NumSources: int64(len(s.Outlets)),
		NumArticles: int64(s.Articles), PLOVEREvent: s.Event, PLOVERMode: s.Mode, PLOVEREventScale: s.Score}
	if len(code) >= 3 {
		r.EventBaseCode = code[:3]
	} else {
		r.EventBaseCode = code
	}
	if !s.Start.IsZero() {
		d, _ := strconv.ParseInt(s.Start.Format("20060102"), 10, 64)
		r.SQLDate, r.MonthYear, r.Year = d, d/100, d/10000
	}
	if len(s.Evidence) > 0 {
		r.SourceURL = s.Evidence[0].URL
		if r.SourceURL == "" {
			r.SourceURL = s.Evidence[0].Source
		}
	}
	return r
}

// GlobalEventID is the number of a story id: the hexadecimal digits of a
// merged story's id ("S" and 12 digits, 48 bits), else (a mention never
// merged, whose id the grouper made up) a 52-bit hash above that range, so
// the two never collide and the number stays exact in a float64.
func GlobalEventID(storyID string) int64 {
	if len(storyID) == 13 && storyID[0] == 'S' {
		if n, err := strconv.ParseUint(storyID[1:], 16, 48); err == nil {
			return int64(n)
		}
	}
	h := fnv.New64a()
	h.Write([]byte(storyID))
	return int64(1<<48 + h.Sum64()%(15<<48)) // in [2^48, 2^52)
}
