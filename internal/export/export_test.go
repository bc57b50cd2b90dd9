package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// fixture stores three articles (one a syndicated copy) and their mentions:
// dated and undated, with and without recipients and attribution, and
// sentences with commas, quotes and a line break.
func fixture(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	arts := []*article.Article{
		{Source: "https://a.example/1", Outlet: "Wire A", Title: `Iran "warns"`, Text: "Iran warned the US, again.", SimHash: 0xff00ff00ff00ff00,
			Published: d, DateFrom: article.DateLine, Language: "en", Ingested: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)},
		{Source: "https://b.example/1", Outlet: "Paper B", Text: "Iran warned the US again, said B.", SimHash: 0xff00ff00ff00ff01,
			Ingested: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
		// printed in 2026, but its content is of 2020 (the coder's date check)
		{Source: "c.txt", Text: "US and Iran talked.\nIn Oman.", SimHash: 0x0f0f0f0f0f0f0f0f, Ingested: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC),
			Check: article.DateCheck{Checked: true, Conflict: true, Start: time.Date(2020, 5, 7, 0, 0, 0, 0, time.UTC),
				End: time.Date(2021, 1, 20, 0, 0, 0, 0, time.UTC), Reasons: []string{"Mike Pompeo held foreign_minister"}}},
	}
	mentions := [][]event.Mention{
		{{Event: "THREATEN", Mode: "violence", Quad: 3, Score: -3.5, CAMEO: "138", StoryID: "S1",
			Actor: event.Party{Code: "IRN", Sector: "GOV", Text: "Iran", Entity: "Iran"}, Recipient: event.Party{Code: "USA", Text: "the US"},
			DateStart: d, DateEnd: d, Precision: "day", Claim: event.Asserted, ReportedBy: []string{"Wire A"},
			Sentence: `Iran warned the US, "again".`, Trigger: "warned", Confidence: 0.8}},
		{{Event: "THREATEN", Mode: "violence", Quad: 3, Score: -4.5, CAMEO: "138", StoryID: "S1",
			Actor: event.Party{Code: "IRN", Sector: "GOV", Text: "Iran"}, Recipient: event.Party{Code: "USA", Text: "US"},
			DateStart: d, DateEnd: d.AddDate(0, 0, 1), Precision: "span", Claim: event.Reported, ReportedBy: []string{"Paper B", "B"},
			Sentence: "Iran warned the US again, said B."}},
		{{Event: "CONSULT", Quad: 1, Score: 2.5, CAMEO: "040", StoryID: "S2", Actor: event.Party{Code: "USA"},
			Recipient: event.Party{Code: "IRN"}, Claim: event.Asserted, Sentence: "US and Iran talked.\nIn Oman.", Background: true},
			{Event: "PROTEST", Quad: 3, Score: -2, Actor: event.Party{Code: "IRN"}, Sentence: "Crowds marched."}},
	}
	for i, a := range arts {
		r, err := db.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, r.ID, mentions[i]); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// readCSV decodes a CSV export into rows of T by the column names, with the
// types the writer promises; it fails on a missing or unparsable column.
func readCSV[T any](t *testing.T, data []byte) []T {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], Columns[T]()) {
		t.Fatalf("header %v, want %v", recs[0], Columns[T]())
	}
	var out []T
	for _, rec := range recs[1:] {
		var row T
		v := reflect.ValueOf(&row).Elem()
		for i, s := range rec {
			if err := parseCell(v.Field(i), s); err != nil {
				t.Fatalf("column %s = %q: %v", recs[0][i], s, err)
			}
		}
		out = append(out, row)
	}
	return out
}

func parseCell(f reflect.Value, s string) error {
	if f.Kind() == reflect.Pointer {
		if s == "" {
			return nil
		}
		f.Set(reflect.New(f.Type().Elem()))
		f = f.Elem()
	}
	var err error
	switch f.Interface().(type) {
	case Date:
		var tm time.Time
		tm, err = time.Parse(time.DateOnly, s)
		f.SetInt(int64(DateOf(tm)))
	case time.Time:
		var tm time.Time
		if tm, err = time.Parse(time.DateOnly, s); err != nil {
			tm, err = time.Parse(time.RFC3339Nano, s)
		}
		f.Set(reflect.ValueOf(tm))
	case string:
		f.SetString(s)
	case int32, int64:
		var n int64
		n, err = strconv.ParseInt(s, 10, 64)
		f.SetInt(n)
	case float64:
		var x float64
		x, err = strconv.ParseFloat(s, 64)
		f.SetFloat(x)
	case bool:
		var b bool
		b, err = strconv.ParseBool(s)
		f.SetBool(b)
	case []string:
		l := []string{}
		if s != "" {
			l = strings.Split(s, ListSep)
		}
		f.Set(reflect.ValueOf(l))
	}
	return err
}

func export(t *testing.T, db *sqlite.DB, req Request) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := Write(context.Background(), db, &buf, req)
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	return buf.Bytes(), n
}

func asJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// roundTrip exports what as CSV and Parquet and checks both read back to
// the same rows, with want rows.
func roundTrip[T any](t *testing.T, db *sqlite.DB, what What, wantRows int) []T {
	t.Helper()
	csvData, n := export(t, db, Request{Format: CSV, What: what})
	pq, np := export(t, db, Request{Format: Parquet, What: what})
	fromCSV := readCSV[T](t, csvData)
	fromPQ, err := parquet.Read[T](bytes.NewReader(pq), int64(len(pq)))
	if err != nil {
		t.Fatalf("%s: read parquet back: %v", what, err)
	}
	if n != wantRows || np != wantRows || len(fromCSV) != wantRows || len(fromPQ) != wantRows {
		t.Fatalf("%s: wrote %d/%d rows, read %d (CSV) and %d (Parquet), want %d", what, n, np, len(fromCSV), len(fromPQ), wantRows)
	}
	for i := range fromCSV {
		if c, p := asJSON(t, fromCSV[i]), asJSON(t, fromPQ[i]); c != p {
			t.Errorf("%s row %d differs:\nCSV     %s\nParquet %s", what, i, c, p)
		}
	}
	return fromPQ
}

func TestEventsRoundTrip(t *testing.T) {
	db := fixture(t)
	rows := roundTrip[EventRow](t, db, Events, 4)
	want, err := db.ListMentions(context.Background(), store.MentionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		m := want[i]
		if r.Sentence != m.Sentence || r.Event != m.Event || int(r.Quad) != m.Quad || r.Score != m.Score ||
			!reflect.DeepEqual(r.ReportedBy, nonNil(m.ReportedBy)) || r.Background != m.Background || r.Outlet != m.Outlet {
			t.Errorf("row %d = %+v\nstored %+v", i, r, m)
		}
		if (r.DateStart == nil) != m.DateStart.IsZero() || (r.DateStart != nil && !r.DateStart.Time().Equal(m.DateStart)) {
			t.Errorf("row %d: date_start %v, stored %v", i, r.DateStart, m.DateStart)
		}
	}
	for i, r := range rows {
		if r.ArticleDateConflict != (r.ArticleID == 3) {
			t.Errorf("row %d (article %d): article_date_conflict %v", i, r.ArticleID, r.ArticleDateConflict)
		}
	}
	// A syndicated copy counts as the outlet it copies.
	if rows[1].Outlet != "Wire A" || rows[1].MentionID != want[1].ID || rows[1].MentionID == 0 || rows[1].DateEnd.String() != "2026-03-03" {
		t.Errorf("syndicated copy: %+v", rows[1])
	}
}

func TestStoriesAndArticlesRoundTrip(t *testing.T) {
	db := fixture(t)
	stories := roundTrip[StoryRow](t, db, Stories, 3)
	s1 := stories[0]
	if s1.StoryID != "S1" || s1.Mentions != 2 || s1.Articles != 2 || s1.Outlets != 1 || len(s1.OutletNames) != 1 || s1.Score != -4 || s1.CAMEO != "137" || s1.Goldstein != -7 {
		t.Errorf("story S1: %+v", s1)
	}
	arts := roundTrip[ArticleRow](t, db, Articles, 3)
	if arts[0].Published == nil || arts[0].Published.String() != "2026-03-02" || arts[2].Published != nil {
		t.Errorf("published dates: %v %v", arts[0].Published, arts[2].Published)
	}
	if arts[1].DupOf == nil || *arts[1].DupOf != 1 || arts[0].DupOf != nil || !arts[0].Ingested.Equal(time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)) { // the store keeps seconds
		t.Errorf("dup_of / ingested: %+v %+v (dup_of %v)", arts[0], arts[1], deref(arts[1].DupOf))
	}
	if arts[2].Text != "US and Iran talked.\nIn Oman." {
		t.Errorf("text: %q", arts[2].Text)
	}
	if c := arts[2]; !c.DateChecked || !c.DateConflict || c.ContentDateStart.String() != "2020-05-07" || c.ContentDateEnd.String() != "2021-01-20" ||
		arts[0].DateChecked || arts[0].DateConflict || arts[0].ContentDateStart != nil {
		t.Errorf("date check: %+v / %+v", arts[2], arts[0])
	}
}

func TestParquetSchemaTypes(t *testing.T) {
	db := fixture(t)
	data, _ := export(t, db, Request{Format: Parquet, What: Events})
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"article_id": "INT64", "quad_code": "INT32", "event_scale": "DOUBLE", "background": "BOOLEAN",
		"event": "BYTE_ARRAY", "date_start": "INT32"}
	for _, col := range f.Schema().Fields() {
		if w, ok := want[col.Name()]; ok && col.Type().Kind().String() != w {
			t.Errorf("%s: %s, want %s", col.Name(), col.Type().Kind(), w)
		}
		switch col.Name() {
		case "date_start":
			if lt := col.Type().LogicalType(); lt == nil || !strings.EqualFold(lt.String(), "DATE") || !col.Optional() {
				t.Errorf("date_start is not an optional DATE: %v", col.Type())
			}
		case "event":
			if lt := col.Type().LogicalType(); lt == nil || !strings.EqualFold(lt.String(), "STRING") {
				t.Errorf("event is not a STRING: %v", col.Type())
			}
		case "reported_by":
			if lt := col.Type().LogicalType(); lt == nil || !strings.EqualFold(lt.String(), "LIST") {
				t.Errorf("reported_by is not a LIST: %v", col.Type())
			}
		}
	}
}

func TestPLOVERAndGDELT(t *testing.T) {
	db := fixture(t)
	data, n := export(t, db, Request{Format: JSONL, What: Events, Mentions: store.MentionFilter{Event: "THREATEN"}})
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if n != 2 || len(lines) != 2 {
		t.Fatalf("%d PLOVER lines", len(lines))
	}
	var j event.JSON
	if err := json.Unmarshal([]byte(lines[0]), &j); err != nil || j.Event != "THREATEN" || j.Recipient == nil ||
		j.Recipient.Code != "USA" || j.StoryID != "S1" || j.DatePrecision != "day" || j.EventText == "" {
		t.Fatalf("PLOVER line: %+v %v", j, err)
	}
	data, n = export(t, db, Request{Format: GDELT})
	rows := readCSV[GDELTRow](t, data)
	if n != 3 || len(rows) != 3 {
		t.Fatalf("%d GDELT rows", len(rows))
	}
	g := rows[0]
	// THREATEN/violence crosses to CAMEO 137 "threaten with repression or violence", Goldstein -7.
	if g.GlobalEventID != GlobalEventID("S1") || g.SQLDate != 20260302 || g.EventCode != "137" || g.EventBaseCode != "137" ||
		g.EventRootCode != "13" || g.GoldsteinScale != -7 || g.QuadClass != 3 || g.Actor1Code != "IRNGOV" || g.NumArticles != 2 {
		t.Errorf("GDELT row: %+v", g)
	}
	if !strings.Contains(string(data), "\n") || !strings.HasPrefix(string(data), "GLOBALEVENTID,SQLDATE,") {
		t.Errorf("GDELT header: %q", string(data)[:40])
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestOneFormOfEachValue: an unknown text is NULL in every format (not ”
// in Parquet and NULL in CSV), booleans are TRUE/FALSE in CSV (R's
// read.csv reads true/false as text before R 4.x and as logical only in
// that case), the event id is the stored mention id in every format, and
// GDELT's GLOBALEVENTID is a number.
func TestOneFormOfEachValue(t *testing.T) {
	db := fixture(t)
	ms, err := db.ListMentions(context.Background(), store.MentionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Parquet: the recipient of the PROTEST mention is unknown: null, not ''.
	data, _ := export(t, db, Request{Format: Parquet, What: Events})
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	col, ok := f.Schema().Lookup("recipient_code")
	if !ok || !col.Node.Optional() {
		t.Fatalf("recipient_code is not an optional column")
	}
	nulls := int64(0)
	for _, rg := range f.RowGroups() {
		chunk := rg.ColumnChunks()[col.ColumnIndex]
		pages := chunk.Pages()
		for {
			p, err := pages.ReadPage()
			if err != nil {
				break
			}
			nulls += p.NumNulls()
		}
		pages.Close()
	}
	if nulls != 1 {
		t.Errorf("recipient_code: %d nulls, want 1 (the PROTEST mention has no recipient)", nulls)
	}
	// JSON Lines rows: null too, and the same ids.
	data, _ = export(t, db, Request{Format: JSONL, What: Stories})
	if !strings.Contains(string(data), `"recipient_code":null`) || strings.Contains(string(data), `""`) {
		t.Errorf("stories JSONL: empty text written as \"\" instead of null:\n%s", data)
	}
	// CSV booleans
	data, _ = export(t, db, Request{Format: CSV, What: Events})
	if !strings.Contains(string(data), ",TRUE,") || !strings.Contains(string(data), ",FALSE,") || strings.Contains(string(data), ",true,") {
		t.Errorf("CSV booleans are not TRUE/FALSE:\n%s", data)
	}
	rows := readCSV[EventRow](t, data)
	data, _ = export(t, db, Request{Format: JSONL, What: Events})
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var j event.JSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatal(err)
		}
		if want := strconv.FormatInt(ms[i].ID, 10); j.ID != want || rows[i].MentionID != ms[i].ID {
			t.Errorf("mention %d: PLOVER id %q, CSV mention_id %d, want %s", i, j.ID, rows[i].MentionID, want)
		}
	}
}

func TestGlobalEventID(t *testing.T) {
	cases := []struct {
		id   string
		want int64
	}{
		{"S00000000002a", 42},
		{"Sffffffffffff", 1<<48 - 1},
	}
	for _, c := range cases {
		if got := GlobalEventID(c.id); got != c.want {
			t.Errorf("GlobalEventID(%q) = %d, want %d", c.id, got, c.want)
		}
	}
	for _, id := range []string{"a3-10-THREATEN", "S1", "Sxyz000000000"} {
		if got := GlobalEventID(id); got < 1<<48 || got >= 1<<52 || got != GlobalEventID(id) {
			t.Errorf("GlobalEventID(%q) = %d, not in [2^48, 2^52)", id, got)
		}
	}
}
