package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNormDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"040628", "20040628"},
		{"300101", "20300101"},
		{"790327", "19790327"},
		{"20130815", "20130815"},
		{"1920030320", "20030320"}, // the stray "19" of IRAQ_
		{"", ""},
	}
	for _, c := range cases {
		if got, err := normDate(c.in); err != nil || got != c.want {
			t.Errorf("normDate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"2004017", "201005011", "041332", "x1"} {
		if _, err := normDate(bad); err == nil {
			t.Errorf("normDate(%q): want an error", bad)
		}
	}
}

func TestPhoenixSample(t *testing.T) {
	b, err := os.ReadFile("testdata/sample.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parsePhoenix(b, "sample")
	if err != nil {
		t.Fatal(err)
	}
	entries = applyMoves(entries)
	rows := map[string][]string{}
	for _, r := range phoenixRows(entries, "person") {
		rows[r[3]] = r
	}
	want := map[string][]string{
		"Iraq":                      {"phx-iraq", "place", "IRQ", "Iraq", "Iraqi|Baghdad", "IRQ -20030320;IRQOCC 20030320-20060520;IRQ 20060520-"},
		"Ayad Allawi":               {"phx-ayad-allawi", "person", "IRQ", "Ayad Allawi", "Allawi", "IRQGOV 20040628-20050407;IRQELI"},
		"Mohammad Javad Zarif":      {"phx-mohammad-javad-zarif", "person", "IRN", "Mohammad Javad Zarif", "", "IRNGOV 20130815-"},
		"Hezbollah":                 {"phx-hezbollah", "person", "LBN", "Hezbollah", "Hizballah|Party of God", "LBNREB"},
		"Palestinian Islamic Jihad": {"phx-palestinian-islamic-jihad", "person", "MEA", "Palestinian Islamic Jihad", "Islamic Jihad", "MEAREB"},
		"Islamic Jihad for the Liberation of Palestine": {"phx-islamic-jihad-for-the-liberation-of-palestine", "person", "LBN", "Islamic Jihad for the Liberation of Palestine", "", "LBNREB"},
		"Aden Abyan Islamic Army (Aaia)":                {"phx-aden-abyan-islamic-army-aaia", "org", "YEM", "Aden Abyan Islamic Army (Aaia)", "Aden Islamic Army|Army of Mohammed and the Jaish Adan al Islami|Islamic Aden Army", "YEMREB"},
		"U.N.":                                          {"phx-u-n", "person", "UNO", "U.N.", "", "IGOUNO"},
	}
	for name, w := range want {
		got, ok := rows[name]
		if !ok {
			t.Errorf("no row for %q (rows: %v)", name, keys(rows))
			continue
		}
		if strings.Join(got, "\t") != strings.Join(w, "\t") {
			t.Errorf("row %q\n got  %q\n want %q", name, got, w)
		}
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestTitlePeople: a dictionary "person" named by a title after articles
// and country names is left out; a person whose alias carries a title is
// not.
func TestTitlePeople(t *testing.T) {
	tn, err := readTitleNames(filepath.Join("..", "..", "..", "..", "data", "actors"))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"The Us Secretary of State": true, "American Vice-President": true, "Us Secretary of Defense": true,
		"Secretary of State": true, "Colin Powell": false, "Secretary of State Colin Powell": false,
		"United States Military": false, "Vice President Pence": false,
	} {
		if got := tn.isTitle(name); got != want {
			t.Errorf("isTitle(%q) = %v, want %v", name, got, want)
		}
	}
	rows := [][]string{{"a", "person", "USA", "Us Secretary of State"}, {"b", "org", "USA", "Secretary of State"}, {"c", "person", "USA", "Colin Powell"}}
	if got := dropTitlePeople(rows, tn); len(got) != 2 || got[0][0] != "b" || got[1][0] != "c" {
		t.Errorf("dropTitlePeople kept %v", got)
	}
}
