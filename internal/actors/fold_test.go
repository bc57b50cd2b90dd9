package actors

import "testing"

func TestFoldEqual(t *testing.T) {
	same := [][2]string{
		{"Thabet", "Thabit"},
		{"Kazimi", "Kazemi"},
		{"Kazimi", "Kadhimi"},
		{"Hezbollah", "Hizballah"},
		{"Hezbollah", "Hizbullah"},
		{"Mohammed", "Muhammad"},
		{"Mohammed", "Mohamed"},
		{"Qassem", "Kassem"},
		{"Shia", "Shi'a"},
		{"Shia", "Shi’a"},
		{"al-Abbasi", "Abbasi"},
		{"Thabet al-Abbasi", "Thabit Abbasi"},
		{"Mustafa al-Kadhimi", "Mustafa Al Kazemi"},
		{"Kata'ib Hizballah", "Kataib Hezbollah"},
		{"Assad", "Asaad"},
		{"Salih", "Saleh"},
		{"Zarif", "Zareef"},
		{"Ahmed", "Ahmad"},
		{"Baghaei", "Baghaie"},
		{"Nouri", "Nuri"},
		{"Sadr", "Sadr"},
		{"Iran's", "Iran"},
		{"U.S.", "US"},
		{"Rubio", "RUBIO"},
		{"Éric", "Eric"},
	}
	for _, p := range same {
		if a, b := Fold(p[0]), Fold(p[1]); a != b {
			t.Errorf("Fold(%q)=%q, Fold(%q)=%q: want equal", p[0], a, p[1], b)
		}
	}
}

func TestFoldDistinct(t *testing.T) {
	differ := [][2]string{
		{"Hussein", "Husseini"},
		{"Iran", "Iraq"},
		{"Iran", "Iron"},
		{"Iraq", "Iraqi"},
		{"Hussein", "Hassan"},
		{"Sudan", "Sudani"},
		{"Niger", "Nigeria"},
		{"Austria", "Australia"},
		{"Kazimi", "Kazim"},
	}
	for _, p := range differ {
		if a, b := Fold(p[0]), Fold(p[1]); a == b {
			t.Errorf("Fold(%q) = Fold(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Iraq's al-Abbasi met U.S. envoys."
	var got []string
	for _, tk := range tokenize(text, nil) {
		if !tk.barrier {
			got = append(got, text[tk.start:tk.end])
		}
	}
	want := []string{"Iraq", "al-Abbasi", "met", "U.S.", "envoys"}
	if len(got) != len(want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestPaternal: the father's surname of a Spanish name that shows two.
func TestPaternal(t *testing.T) {
	for _, c := range []struct{ name, country, want string }{
		{"Andrés Manuel López Obrador", "MEX", "López"},
		{"Carlos Salinas de Gortari", "MEX", "Salinas"},
		{"Eduardo Frei Ruiz-Tagle", "CHL", "Frei"},
		{"Luis Alberto Arce Catacora", "BOL", "Arce"},
		{"Juan Carlos Wasmosy", "PRY", ""}, // two given names, one surname
		{"Enrique Peña Nieto", "MEX", ""},
		{"Michelle Bachelet", "CHL", ""},
		{"José Eduardo dos Santos", "AGO", ""}, // not a Spanish-naming country
	} {
		if got := paternal(c.name, c.country); got != c.want {
			t.Errorf("paternal(%q, %s) = %q, want %q", c.name, c.country, got, c.want)
		}
	}
}
