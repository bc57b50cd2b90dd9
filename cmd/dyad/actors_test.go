package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// lookupJSON runs `dyad actors lookup --json` and decodes its rows.
func lookupJSON(t *testing.T, date string, names ...string) []map[string]any {
	t.Helper()
	args := append([]string{"actors", "lookup", "--json", "--date", date}, names...)
	r := mustRun(t, args...)
	var rows []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("lookup %v: line %q: %v", names, line, err)
		}
		rows = append(rows, m)
	}
	return rows
}

func TestActorsLookupJSON(t *testing.T) {
	env(t)
	t.Run("fields and best first", func(t *testing.T) {
		for _, tc := range []struct{ name, date, country, sector, role string }{
			{"Labour", "2020-01-01", "GBR", "PTY", ""},
			{"BJP", "2020-01-01", "IND", "PTY", ""},
			{"Pete Hegseth", "2025-10-01", "USA", "GOV", "Secretary of War"},
			{"Mark Esper", "2020-01-01", "USA", "GOV", "Secretary of Defense"},
		} {
			rows := lookupJSON(t, tc.date, tc.name)
			if len(rows) == 0 {
				t.Fatalf("%s: no rows", tc.name)
			}
			r := rows[0]
			for _, k := range []string{"query", "name", "entity", "kind", "country", "sector", "role", "match"} {
				if _, ok := r[k]; !ok {
					t.Errorf("%s: field %q missing in %v", tc.name, k, r)
				}
			}
			if r["country"] != tc.country || r["sector"] != tc.sector {
				t.Errorf("%s: first row %v, want %s %s", tc.name, r, tc.country, tc.sector)
			}
			if tc.role != "" && r["role"] != tc.role {
				t.Errorf("%s on %s: role %v, want %q", tc.name, tc.date, r["role"], tc.role)
			}
		}
	})
	t.Run("each name on its own", func(t *testing.T) {
		rows := lookupJSON(t, "2020-01-01", "Labour", "OSCE")
		got := map[string]bool{}
		for _, r := range rows {
			got[r["query"].(string)] = true
		}
		if !got["Labour"] || !got["OSCE"] || len(got) != 2 {
			t.Errorf("queries %v, want Labour and OSCE apart", got)
		}
	})
	t.Run("no duplicates, no empty titles, no junk", func(t *testing.T) {
		names := []string{"Putin", "Vladimir Putin", "Hegseth", "Fatah", "Labour", "Tories", "Secretary of State",
			"A. K. Antony", "Trump", "President"}
		for _, r := range lookupJSON(t, "2008-06-01", names...) {
			if s, ok := r["role"].(string); ok && strings.TrimSpace(s) == "" {
				t.Errorf("%s: empty role title in %v", r["query"], r)
			}
			n, _ := r["name"].(string)
			if strings.TrimSpace(n) == "" || strings.Contains(n, "Department of") || strings.HasPrefix(n, "The ") {
				t.Errorf("%s: junk row %v", r["query"], r)
			}
			if r["query"] == "Tories" && strings.Contains(n, "Torres") {
				t.Errorf("Tories: %v", r)
			}
		}
		seen := map[string]bool{}
		for _, r := range lookupJSON(t, "2008-06-01", names...) {
			k := strings.Join([]string{str(r["query"]), str(r["entity"]), str(r["kind"]), str(r["name"]), str(r["country"])}, "|")
			if seen[k] {
				t.Errorf("duplicate row %v", r)
			}
			seen[k] = true
		}
	})
	t.Run("titles in their own period", func(t *testing.T) {
		for _, r := range lookupJSON(t, "2020-01-01", "Secretary of War") {
			if strings.Contains(str(r["holder"])+str(r["name"]), "Esper") {
				t.Errorf("Secretary of War on 2020-01-01 answered %v: the title did not exist then", r)
			}
		}
		rows := lookupJSON(t, "2025-10-01", "Secretary of War")
		if len(rows) == 0 || rows[0]["holder"] != "Pete Hegseth" {
			t.Errorf("Secretary of War on 2025-10-01: %v, want held by Pete Hegseth", rows)
		}
		rows = lookupJSON(t, "1945-01-01", "Secretary of War")
		if len(rows) == 0 || rows[0]["kind"] != "title" {
			t.Errorf("Secretary of War on 1945-01-01: %v, want the title", rows)
		}
	})
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
