package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// duckdbColumn is what testdata/duckdb_load.cjs reports of a column.
type duckdbColumn struct {
	Type   string `json:"type"`
	Nulls  int    `json:"nulls"`
	Empty  int    `json:"empty"`  // '' values of a VARCHAR column
	MaxLen int    `json:"maxlen"` // longest VARCHAR value
}

type duckdbTable struct {
	Rows    int                     `json:"rows"`
	Columns map[string]duckdbColumn `json:"columns"`
	Order   []string                `json:"order"`
}

// duckdbModules finds a node_modules holding @duckdb/node-api: the one
// DYAD_TEST_DUCKDB names (.ci/run installs it there; then a missing node or
// module is a failure), else NODE_PATH. Without either the test skips.
func duckdbModules(t *testing.T) string {
	t.Helper()
	dir, required := os.Getenv("DYAD_TEST_DUCKDB"), true
	if dir == "" {
		dir, required = os.Getenv("NODE_PATH"), false
	}
	skip := func(why string) {
		if required {
			t.Fatalf("DYAD_TEST_DUCKDB=%s is set but %s", dir, why)
		}
		t.Skipf("DuckDB check skipped: %s (npm install --prefix DIR @duckdb/node-api, then DYAD_TEST_DUCKDB=DIR/node_modules)", why)
	}
	if _, err := exec.LookPath("node"); err != nil {
		skip("node is not installed")
	}
	if dir == "" {
		skip("DYAD_TEST_DUCKDB is not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "@duckdb", "node-api")); err != nil {
		skip(fmt.Sprintf("%s has no @duckdb/node-api", dir))
	}
	return dir
}

// loadInDuckDB runs the loader over the files of specs (name → SQL).
func loadInDuckDB(t *testing.T, modules string, specs []map[string]string) map[string]duckdbTable {
	t.Helper()
	spec, _ := json.Marshal(specs)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	if err := os.WriteFile(specFile, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "duckdb_load.cjs"))
	cmd := exec.Command("node", script, specFile)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("DuckDB could not load the exports: %v\n%s", err, stderr.String())
	}
	var res map[string]duckdbTable
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("loader output: %v\n%s", err, out)
	}
	return res
}

// TestDuckDBLoadsEveryExport exports events, stories and articles as
// Parquet, CSV and JSON Lines, and the GDELT-style CSV, loads every file in
// DuckDB as an analyst would (CSV with the dtype the documentation gives
// for CAMEO codes), and checks the types, that unknown values are NULL in
// every format (never ”), and that the three formats agree.
func TestDuckDBLoadsEveryExport(t *testing.T) {
	modules := duckdbModules(t)
	db := fixture(t)
	dir := t.TempDir()
	// The CSV options an analyst is told to use (export --help, README):
	// CAMEO codes are text with leading zeros.
	csvTypes := map[What]string{Events: ", types={'cameo': 'VARCHAR'}", Stories: ", types={'cameo': 'VARCHAR'}", Articles: ""}
	var specs []map[string]string
	for _, what := range []What{Events, Stories, Articles} {
		for _, f := range []Format{Parquet, CSV, JSONL} {
			data, _ := export(t, db, Request{Format: f, What: what})
			path := filepath.Join(dir, string(what)+"."+string(f))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			sql := map[Format]string{Parquet: "read_parquet('%s')", CSV: "read_csv('%s'" + csvTypes[what] + ")",
				JSONL: "read_json('%s', format='newline_delimited')"}[f]
			specs = append(specs, map[string]string{"name": string(what) + "." + string(f), "sql": "SELECT * FROM " + fmt.Sprintf(sql, path)})
		}
	}
	data, _ := export(t, db, Request{Format: GDELT})
	gdelt := filepath.Join(dir, "gdelt.csv")
	if err := os.WriteFile(gdelt, data, 0o644); err != nil {
		t.Fatal(err)
	}
	specs = append(specs, map[string]string{"name": "gdelt", "sql": fmt.Sprintf(
		"SELECT * FROM read_csv('%s', types={'EventCode': 'VARCHAR', 'EventBaseCode': 'VARCHAR', 'EventRootCode': 'VARCHAR'})", gdelt)})
	res := loadInDuckDB(t, modules, specs)

	// The types a reader gets without options (Parquet, JSON) or with the
	// documented CAMEO dtype (CSV).
	want := map[string]map[string]string{
		"events": {"mention_id": "BIGINT", "article_id": "BIGINT", "date_start": "DATE", "date_end": "DATE",
			"background": "BOOLEAN", "article_date_conflict": "BOOLEAN", "cameo": "VARCHAR", "event_scale": "DOUBLE",
			"actor_code": "VARCHAR", "recipient_code": "VARCHAR", "reported_by": "VARCHAR[]"},
		"stories": {"story_id": "VARCHAR", "cameo": "VARCHAR", "date_start": "DATE", "outlets": "BIGINT",
			"outlet_names": "VARCHAR[]", "mentions": "BIGINT", "goldstein": "DOUBLE"},
		"articles": {"id": "BIGINT", "published": "DATE", "dup_of": "BIGINT", "date_conflict": "BOOLEAN",
			"content_date_start": "DATE", "ingested": "TIMESTAMP WITH TIME ZONE", "url": "VARCHAR"},
	}
	for what, cols := range want {
		pq := res[what+".parquet"]
		for col, typ := range cols {
			if got := pq.Columns[col].Type; got != typ {
				t.Errorf("%s.parquet: %s is %q, want %s", what, col, got, typ)
			}
		}
		for _, f := range []string{"csv", "jsonl"} {
			name := what + "." + f
			if what == "events" && f == "jsonl" {
				continue // PLOVER's own form, checked below
			}
			other := res[name]
			if fmt.Sprint(other.Order) != fmt.Sprint(pq.Order) || other.Rows != pq.Rows {
				t.Errorf("%s: %d rows %v, Parquet %d rows %v", name, other.Rows, other.Order, pq.Rows, pq.Order)
				continue
			}
			for _, col := range pq.Order {
				p, o := pq.Columns[col], other.Columns[col]
				list := strings.HasSuffix(p.Type, "[]")
				if !sameType(p.Type, o.Type) && !(list && f == "csv" && o.Type == "VARCHAR") {
					t.Errorf("%s: %s is %s, Parquet %s", name, col, o.Type, p.Type)
				}
				// an empty list is an empty cell in CSV, so only scalar
				// columns must have the same NULLs
				if !list && o.Nulls != p.Nulls {
					t.Errorf("%s: %s has %d NULLs, Parquet %d", name, col, o.Nulls, p.Nulls)
				}
			}
		}
	}
	// No format writes '' for an unknown text.
	for name, tab := range res {
		if name == "events.jsonl" {
			continue // PLOVER JSON keeps "" where its manual has a string
		}
		for col, c := range tab.Columns {
			if c.Empty > 0 {
				t.Errorf("%s: %s holds %d empty strings instead of NULL", name, col, c.Empty)
			}
		}
	}
	plover := res["events.jsonl"]
	for col, typ := range map[string]string{"id": "VARCHAR", "date_start": "DATE", "cameo": "VARCHAR", "background": "BOOLEAN", "reported_by": "VARCHAR[]"} {
		if got := plover.Columns[col].Type; got != typ {
			t.Errorf("events.jsonl (PLOVER): %s is %q, want %s", col, got, typ)
		}
	}
	g := res["gdelt"]
	for col, typ := range map[string]string{"GLOBALEVENTID": "BIGINT", "SQLDATE": "BIGINT", "EventCode": "VARCHAR",
		"EventRootCode": "VARCHAR", "GoldsteinScale": "DOUBLE", "SOURCEURL": "VARCHAR", "Actor1Name": "VARCHAR"} {
		if got := g.Columns[col].Type; got != typ {
			t.Errorf("gdelt: %s is %q, want %s", col, got, typ)
		}
	}
	if g.Rows != 3 || g.Columns["GLOBALEVENTID"].Nulls != 0 || g.Columns["SOURCEURL"].Nulls != 0 {
		t.Errorf("gdelt: %d rows, GLOBALEVENTID NULLs %d, SOURCEURL NULLs %d", g.Rows, g.Columns["GLOBALEVENTID"].Nulls, g.Columns["SOURCEURL"].Nulls)
	}
}

// sameType: auto-detection reads a Parquet INTEGER as BIGINT in CSV and
// JSON, and an RFC 3339 time without its zone in JSON.
func sameType(parquet, other string) bool {
	switch {
	case parquet == other:
		return true
	case parquet == "INTEGER" && other == "BIGINT":
		return true
	case strings.HasPrefix(parquet, "TIMESTAMP") && strings.HasPrefix(other, "TIMESTAMP"):
		return true
	}
	return false
}
