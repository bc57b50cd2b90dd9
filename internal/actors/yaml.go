package actors

import (
	"fmt"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

type yEntity struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`
	Kind     string   `yaml:"kind"`
	Country  string   `yaml:"country"`
	Sectors  []string `yaml:"sectors"`
	Wikidata string   `yaml:"wikidata"`
	Roles    []yRole  `yaml:"roles"`
}

type yRole struct {
	Office  string `yaml:"office"`
	Title   string `yaml:"title"`
	Country string `yaml:"country"`
	Sector  string `yaml:"sector"`
	From    string `yaml:"from"`
	To      string `yaml:"to"`
}

type yOffice struct {
	Office    string              `yaml:"office"`
	Sector    string              `yaml:"sector"`
	Titles    []string            `yaml:"titles"`
	Countries map[string][]string `yaml:"countries"`
	// Periods: the days a title existed, "FROM..TO" (either side open,
	// TO exclusive), for titles created or abolished ("secretary of war")
	Periods map[string][]string `yaml:"periods"`
}

type seat struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Country string   `yaml:"country"`
	Sector  string   `yaml:"sector"`
}

var entityKinds = map[string]Kind{"person": KindPerson, "group": KindGroup, "igo": KindIGO, "org": KindOrg, "media": KindMedia}

func (r *raw) readOffices(l layer) error {
	b, err := readFile(l, "offices.yaml")
	if err != nil || b == nil {
		return err
	}
	var list []yOffice
	file := path.Join(l.name, "offices.yaml")
	if err := yaml.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	for i, o := range list {
		if o.Office == "" {
			return fmt.Errorf("%s: entry %d: office key missing", file, i+1)
		}
		if _, ok := r.offices[o.Office]; !ok {
			r.officeSeq = append(r.officeSeq, o.Office)
		}
		of := &office{Key: o.Office, Sector: o.Sector, Titles: o.Titles, Countries: o.Countries}
		for title, ws := range o.Periods {
			for _, w := range ws {
				from, to, ok := strings.Cut(w, "..")
				var pd [2]time.Time
				for i, d := range []string{from, to} {
					if d == "" {
						continue
					}
					if pd[i], err = time.Parse(time.DateOnly, strings.TrimSpace(d)); err != nil {
						return fmt.Errorf("%s: %s: period %q of %q: %w", file, o.Office, w, title, err)
					}
				}
				if !ok {
					return fmt.Errorf("%s: %s: period %q of %q: want FROM..TO", file, o.Office, w, title)
				}
				if of.Periods == nil {
					of.Periods = map[string][][2]time.Time{}
				}
				of.Periods[Fold(title)] = append(of.Periods[Fold(title)], pd)
			}
		}
		r.offices[o.Office] = of
	}
	return nil
}

func (r *raw) readSeats(l layer, name string) error {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return err
	}
	file := path.Join(l.name, name)
	var list []seat
	if err := yaml.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	for i, s := range list {
		if s.Name == "" || s.Country == "" {
			return fmt.Errorf("%s: entry %d (%s): name and country are required", file, i+1, s.Name)
		}
		if s.Sector == "" {
			s.Sector = "GOV"
		}
		r.seats[Fold(s.Name)] = s
	}
	return nil
}

// parseEntities decodes one YAML file of entities (nil if it does not
// exist); it touches nothing shared, so files are decoded while others load.
func parseEntities(l layer, name string) ([]yEntity, error) {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return nil, err
	}
	var list []yEntity
	if err := yaml.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path.Join(l.name, name), err)
	}
	return list, nil
}

// addEntities adds the decoded entities of one file.
func (r *raw) addEntities(l layer, name string, list []yEntity, seen map[string]string) error {
	file := path.Join(l.name, name)
	for i, y := range list {
		e, err := r.entity(y)
		if err != nil {
			return fmt.Errorf("%s: entry %d (%s): %w", file, i+1, y.ID, err)
		}
		if prev, dup := seen[e.ID]; dup {
			return fmt.Errorf("%s: entry %d: id %q already defined in %s", file, i+1, e.ID, prev)
		}
		seen[e.ID] = file
		e.Source = file
		if _, ok := r.entities[e.ID]; !ok {
			r.order = append(r.order, e.ID)
		}
		r.entities[e.ID] = e
	}
	return nil
}

func (r *raw) entity(y yEntity) (*Entity, error) {
	if y.ID == "" {
		return nil, fmt.Errorf("id missing")
	}
	if y.Name == "" {
		return nil, fmt.Errorf("name missing")
	}
	kind := KindPerson
	if y.Kind != "" {
		k, ok := entityKinds[y.Kind]
		if !ok {
			return nil, fmt.Errorf("unknown kind %q", y.Kind)
		}
		kind = k
	}
	e := &Entity{ID: y.ID, Name: y.Name, Kind: kind, Country: y.Country, Sectors: y.Sectors,
		Aliases: y.Aliases, Wikidata: y.Wikidata}
	for i, yr := range y.Roles {
		role, err := r.role(yr, e)
		if err != nil {
			return nil, fmt.Errorf("role %d: %w", i+1, err)
		}
		e.Roles = append(e.Roles, role)
	}
	fillFromRoles(e)
	return e, nil
}

func (r *raw) role(y yRole, e *Entity) (Role, error) {
	ro := Role{Office: y.Office, Title: y.Title, Country: y.Country, Sector: y.Sector}
	if y.Office != "" {
		o, ok := r.offices[y.Office]
		if !ok && len(r.offices) > 0 {
			return ro, fmt.Errorf("unknown office %q (not in offices.yaml)", y.Office)
		}
		if ok && ro.Sector == "" {
			ro.Sector = o.Sector
		}
	}
	if ro.Country == "" {
		ro.Country = e.Country
	}
	var err error
	if ro.From, err = parseDay(y.From); err != nil {
		return ro, fmt.Errorf("from: %w", err)
	}
	if ro.To, err = parseDay(y.To); err != nil {
		return ro, fmt.Errorf("to: %w", err)
	}
	if !ro.From.IsZero() && !ro.To.IsZero() && ro.To.Before(ro.From) {
		return ro, fmt.Errorf("to %s is before from %s", y.To, y.From)
	}
	return ro, nil
}

// parseDay accepts YYYY-MM-DD, YYYY-MM and YYYY (the first day of the
// period); empty is the zero time.
func parseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
	}
	// yaml may hand over a full timestamp
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Truncate(24 * time.Hour), nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
}

// fillFromRoles completes an entity's country and sectors from its roles.
func fillFromRoles(e *Entity) {
	if e.Country == "" {
		for _, ro := range e.Roles {
			if ro.Country != "" {
				e.Country = ro.Country
			}
		}
	}
	if len(e.Sectors) == 0 {
		seen := map[string]bool{}
		for _, ro := range e.Roles {
			if ro.Sector != "" && !seen[ro.Sector] {
				seen[ro.Sector] = true
				e.Sectors = append(e.Sectors, ro.Sector)
			}
		}
	}
}
