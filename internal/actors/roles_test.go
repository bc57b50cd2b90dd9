package actors

import (
	"os"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestRoleAtAndHolder(t *testing.T) {
	kb := loadFixture(t)
	heg := kb.Get("pete-hegseth")
	cases := []struct {
		on, title string
		ok        bool
	}{
		{"2025-01-24", "", false},
		{"2025-01-25", "Secretary of Defense", true},
		{"2025-09-04", "Secretary of Defense", true},
		{"2025-09-05", "Secretary of War", true},
		{"2026-03-01", "Secretary of War", true},
	}
	for _, c := range cases {
		ro, ok := kb.RoleAt(heg, day(c.on))
		if ok != c.ok || ro.Title != c.title {
			t.Errorf("RoleAt(hegseth, %s) = %q %v, want %q %v", c.on, ro.Title, ok, c.title, c.ok)
		}
	}
	if ro, ok := kb.RoleAt(heg, time.Time{}); !ok || ro.Title != "Secretary of War" {
		t.Errorf("RoleAt(zero day) = %q, want the latest role", ro.Title)
	}
	// the senior role wins when two overlap; here they do not, the later one answers
	abbasi := kb.Get("thabet-al-abbasi")
	if ro, _ := kb.RoleAt(abbasi, day("2022-10-26")); ro.Sector != "LEG" {
		t.Errorf("Abbasi before 2022-10-27: %+v, want LEG", ro)
	}
	if ro, _ := kb.RoleAt(abbasi, day("2022-10-27")); ro.Office != "defense_minister" {
		t.Errorf("Abbasi on 2022-10-27: %+v, want defense_minister", ro)
	}
	holders := []struct{ on, id string }{
		{"2025-01-19", "lloyd-austin"},
		{"2025-01-22", ""}, // the gap between Austin and Hegseth
		{"2025-02-01", "pete-hegseth"},
		{"2025-12-01", "pete-hegseth"},
	}
	for _, h := range holders {
		e, _, ok := kb.Holder("USA", "defense_minister", day(h.on))
		got := ""
		if ok {
			got = e.ID
		}
		if got != h.id {
			t.Errorf("Holder(USA defense_minister, %s) = %q, want %q", h.on, got, h.id)
		}
	}
	if e, ro, ok := kb.Holder("USA", "defense_minister", time.Time{}); !ok || e.ID != "pete-hegseth" || ro.Title != "Secretary of War" {
		t.Errorf("current holder = %v %+v", e, ro)
	}
	from, to := kb.Terms(heg)
	if !from.Equal(day("2025-01-25")) || !to.IsZero() {
		t.Errorf("Terms(hegseth) = %v %v", from, to)
	}
	from, to = kb.Terms(kb.Get("lloyd-austin"))
	if !from.Equal(day("2021-01-22")) || !to.Equal(day("2025-01-20")) {
		t.Errorf("Terms(austin) = %v %v", from, to)
	}
}

func TestPhoenixRoles(t *testing.T) {
	kb := loadFixture(t)
	sh := kb.Get("phx-ali-shamkhani")
	if sh == nil {
		t.Fatal("phx-ali-shamkhani not loaded")
	}
	if ro, ok := kb.RoleAt(sh, day("2004-06-01")); !ok || ro.Country != "IRN" || ro.Sector != "GOV" {
		t.Errorf("Shamkhani 2004: %+v %v, want IRN GOV", ro, ok)
	}
	// outside the dated window only the undated elite code answers
	if ro, ok := kb.RoleAt(sh, day("2020-01-01")); !ok || ro.Sector != "ELI" {
		t.Errorf("Shamkhani 2020: %+v %v, want ELI", ro, ok)
	}
	if strings.Join(sh.Sectors, " ") != "GOV MIL ELI" {
		t.Errorf("Shamkhani sectors %v, want GOV MIL ELI", sh.Sectors)
	}
	if kb.Get("phx-hezbollah") != nil {
		t.Error("the Phoenix Hezbollah should give way to the curated one")
	}
}

func TestCAMEOActor(t *testing.T) {
	cases := []struct{ code, country, sectors string }{
		{"IRQGOV", "IRQ", "GOV"},
		{"IGOUNO", "UNO", ""},
		{"IGOEUREEC", "EUR", ""},
		{"IGOAFRAFU", "IGO", ""},
		{"USAMED", "USA", "JRN"},
		{"KORGOVBUS", "KOR", "GOV,BUS"},
		{"NGOHLH", "NGO", "MED"},
	}
	for _, c := range cases {
		ctry, sec := CAMEOActor(c.code)
		if ctry != c.country || strings.Join(sec, ",") != c.sectors {
			t.Errorf("CAMEOActor(%s) = %s %v, want %s %s", c.code, ctry, sec, c.country, c.sectors)
		}
	}
}

func TestOverrideByID(t *testing.T) {
	kb := loadFixture(t, "testdata/user")
	if e := kb.Get("lloyd-austin"); e == nil || e.Name != "Lloyd J. Austin" {
		t.Fatalf("user dir did not replace lloyd-austin: %+v", e)
	}
	if got := kb.Scan("Lloyd J. Austin said"); len(got) != 1 || got[0].Entity.ID != "lloyd-austin" {
		t.Errorf("Scan after override: %v", texts(got))
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct{ dir, want string }{
		{"bad/yaml", "people/x.yaml"},
		{"bad/office", `people/x.yaml: entry 2 (someone): role 1: unknown office "chief_wizard"`},
		{"bad/date", `people/x.yaml: entry 1 (someone): role 1: from: bad date "2020-13-45"`},
	}
	for _, c := range cases {
		_, err := Load(os.DirFS("testdata"), c.dir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%s) error %v, want it to contain %q", c.dir, err, c.want)
		}
	}
}
