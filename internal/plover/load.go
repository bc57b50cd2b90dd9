package plover

import (
	"fmt"
	"sync"
)

// ontology is every embedded table, parsed and cross-checked. It is built
// once and only read afterwards.
type ontology struct {
	quads     map[QuadClass]string
	types     map[EventType]*typeInfo
	oldLabels map[string]oldLabel
	contexts  []string
	sectors   map[string]string
	nonState  map[string]string
	crosswalk map[string]Crosswalk // CAMEO code -> row
	cwOrder   []string             // crosswalk codes in source order
	goldstein map[string]float64
}

var loadOnce = sync.OnceValues(func() (*ontology, error) {
	return load(ontologyYAML, crosswalkTSV, goldsteinTSV)
})

// onto returns the parsed tables. The data is compiled in, so a parse error
// is a bug in this package, caught by its tests; panicking says so loudly.
func onto() *ontology {
	o, err := loadOnce()
	if err != nil {
		panic("plover: embedded data: " + err.Error())
	}
	return o
}

func load(ontologyYAML, crosswalkTSV, goldsteinTSV []byte) (*ontology, error) {
	o := &ontology{}
	if err := parseOntology(o, ontologyYAML); err != nil {
		return nil, err
	}
	if err := parseCrosswalk(o, crosswalkTSV); err != nil {
		return nil, err
	}
	if err := parseGoldstein(o, goldsteinTSV); err != nil {
		return nil, err
	}
	if err := o.linkExportCodes(); err != nil {
		return nil, err
	}
	return o, nil
}

// linkExportCodes gives every mode a CAMEO export code: the one set in the
// YAML, else the crosswalk's shortest code for that type and mode (first in
// source order), else its type's code. Every code must map back to its type.
func (o *ontology) linkExportCodes() error {
	best := map[EventType]map[string]string{}
	for _, code := range o.cwOrder {
		row := o.crosswalk[code]
		if row.Mode == "" || len(code) < 3 {
			continue
		}
		if best[row.Type] == nil {
			best[row.Type] = map[string]string{}
		}
		if prev, ok := best[row.Type][row.Mode]; !ok || len(code) < len(prev) {
			best[row.Type][row.Mode] = code
		}
	}
	for t, ti := range o.types {
		if err := o.checkExport(t, ti.cameo); err != nil {
			return err
		}
		for i := range ti.modes {
			m := &ti.modes[i]
			if m.cameo == "" {
				m.cameo = best[t][m.name]
			}
			if m.cameo == "" {
				m.cameo = ti.cameo
			}
			if err := o.checkExport(t, m.cameo); err != nil {
				return fmt.Errorf("%w (mode %s)", err, m.name)
			}
		}
	}
	return nil
}

func (o *ontology) checkExport(t EventType, code string) error {
	row, ok := o.crosswalk[code]
	if !ok || row.Type != t {
		return fmt.Errorf("export code %q of %s is not a crosswalk row of that type", code, t)
	}
	return nil
}
