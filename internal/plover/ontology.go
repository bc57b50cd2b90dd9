package plover

import (
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed data/ontology.yaml
var ontologyYAML []byte

// The YAML shape of data/ontology.yaml.
type (
	yamlOntology struct {
		Quads       map[int]string               `yaml:"quads"`
		Types       []yamlType                   `yaml:"types"`
		OldLabels   map[string]yamlOldLabel      `yaml:"old_labels"`
		ModeAliases map[string]map[string]string `yaml:"mode_aliases"`
		Contexts    []string                     `yaml:"contexts"`
		Sectors     map[string]string            `yaml:"sectors"`
		NonState    map[string]string            `yaml:"non_state_codes"`
	}
	yamlType struct {
		Name              string     `yaml:"name"`
		Quad              int        `yaml:"quad"`
		Score             *float64   `yaml:"score"`
		RequiresRecipient bool       `yaml:"requires_recipient"`
		CAMEO             string     `yaml:"cameo"`
		Description       string     `yaml:"description"`
		Modes             []yamlMode `yaml:"modes"`
	}
	yamlMode struct {
		Name  string   `yaml:"name"`
		Score *float64 `yaml:"score"`
		Src   string   `yaml:"src"`
		CAMEO string   `yaml:"cameo"`
	}
	yamlOldLabel struct {
		Type string `yaml:"type"`
		Mode string `yaml:"mode"`
	}
)

type typeInfo struct {
	quad              QuadClass
	score             float64
	requiresRecipient bool
	cameo             string
	description       string
	modes             []modeInfo
	aliases           map[string]string // old mode label -> mode
}

type modeInfo struct {
	name     string
	score    float64
	hasScore bool
	cameo    string // "" until the crosswalk fills it in
}

type oldLabel struct {
	typ  EventType
	mode string
}

func parseOntology(o *ontology, raw []byte) error {
	var y yamlOntology
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		return fmt.Errorf("ontology.yaml: %w", err)
	}
	o.quads = make(map[QuadClass]string, len(y.Quads))
	for k, v := range y.Quads {
		o.quads[QuadClass(k)] = v
	}
	o.types = make(map[EventType]*typeInfo, len(y.Types))
	for i, yt := range y.Types {
		t := EventType(yt.Name)
		if i >= len(allTypes) || allTypes[i] != t {
			return fmt.Errorf("ontology.yaml: type %d is %q, want PLOVER order", i, yt.Name)
		}
		ti, err := convertType(yt, o.quads)
		if err != nil {
			return fmt.Errorf("ontology.yaml: %s: %w", t, err)
		}
		o.types[t] = ti
	}
	if len(o.types) != len(allTypes) {
		return fmt.Errorf("ontology.yaml: %d types, want %d", len(o.types), len(allTypes))
	}
	for t, aliases := range y.ModeAliases {
		ti, ok := o.types[EventType(t)]
		if !ok {
			return fmt.Errorf("ontology.yaml: mode_aliases: unknown type %q", t)
		}
		for _, to := range aliases {
			if ti.mode(to) == nil {
				return fmt.Errorf("ontology.yaml: mode_aliases: %s/%s is not a mode", t, to)
			}
		}
		ti.aliases = aliases
	}
	o.oldLabels = make(map[string]oldLabel, len(y.OldLabels))
	for label, ol := range y.OldLabels {
		ti, ok := o.types[EventType(ol.Type)]
		if !ok || (ol.Mode != "" && ti.mode(ol.Mode) == nil) {
			return fmt.Errorf("ontology.yaml: old label %s -> %s/%s is not a type and mode", label, ol.Type, ol.Mode)
		}
		o.oldLabels[label] = oldLabel{typ: EventType(ol.Type), mode: ol.Mode}
	}
	o.contexts = y.Contexts
	o.sectors = y.Sectors
	o.nonState = y.NonState
	if len(o.contexts) == 0 || len(o.sectors) == 0 {
		return fmt.Errorf("ontology.yaml: contexts or sectors missing")
	}
	return nil
}

func convertType(yt yamlType, quads map[QuadClass]string) (*typeInfo, error) {
	if _, ok := quads[QuadClass(yt.Quad)]; !ok {
		return nil, fmt.Errorf("quad %d undefined", yt.Quad)
	}
	if yt.Score == nil {
		return nil, fmt.Errorf("no score")
	}
	if !isCAMEOCode(yt.CAMEO) {
		return nil, fmt.Errorf("bad cameo %q", yt.CAMEO)
	}
	ti := &typeInfo{
		quad:              QuadClass(yt.Quad),
		score:             *yt.Score,
		requiresRecipient: yt.RequiresRecipient,
		cameo:             yt.CAMEO,
		description:       strings.TrimSpace(yt.Description),
	}
	for _, ym := range yt.Modes {
		if ym.Name == "" || ym.Name != strings.ToLower(ym.Name) || ti.mode(ym.Name) != nil {
			return nil, fmt.Errorf("mode %q empty, not lower case or repeated", ym.Name)
		}
		if ym.CAMEO != "" && !isCAMEOCode(ym.CAMEO) {
			return nil, fmt.Errorf("mode %s: bad cameo %q", ym.Name, ym.CAMEO)
		}
		m := modeInfo{name: ym.Name, cameo: ym.CAMEO}
		if ym.Score != nil {
			m.score, m.hasScore = *ym.Score, true
		}
		ti.modes = append(ti.modes, m)
	}
	return ti, nil
}

func (ti *typeInfo) mode(name string) *modeInfo {
	if ti == nil {
		return nil
	}
	for i := range ti.modes {
		if ti.modes[i].name == name {
			return &ti.modes[i]
		}
	}
	return nil
}

// Modes returns the modes valid for t, in the manual's order followed by the
// ones NGEC's codebook adds. Types without modes (AGREE, SUPPORT, ...) return nil.
func (t EventType) Modes() []string {
	ti := onto().types[t]
	if ti == nil || len(ti.modes) == 0 {
		return nil
	}
	out := make([]string, len(ti.modes))
	for i, m := range ti.modes {
		out[i] = m.name
	}
	return out
}

// ValidMode reports whether mode is one of t's modes. The empty mode is valid
// for every known type: PLOVER makes the mode optional.
func ValidMode(t EventType, mode string) bool {
	ti := onto().types[t]
	if ti == nil {
		return false
	}
	return mode == "" || ti.mode(mode) != nil
}

// NormalizeMode maps a mode label, in any case and including the labels of
// earlier drafts ("host", "strike-hun", "detain"), to a mode of t.
func NormalizeMode(t EventType, mode string) (string, bool) {
	ti := onto().types[t]
	if ti == nil {
		return "", false
	}
	mode = strings.ToLower(strings.TrimSpace(mode))
	if to, ok := ti.aliases[mode]; ok {
		mode = to
	}
	if mode == "" || ti.mode(mode) != nil {
		return mode, true
	}
	return "", false
}

// Score returns the PLOVER intensity score (-10 … 10) of t with mode: the
// mode's score when the manual gives one, else the type's. Unknown types score 0.
func Score(t EventType, mode string) float64 {
	ti := onto().types[t]
	if ti == nil {
		return 0
	}
	if m := ti.mode(mode); m != nil && m.hasScore {
		return m.score
	}
	return ti.score
}

// Contexts returns the PLOVER context labels in the manual's order (a copy).
func Contexts() []string { return slices.Clone(onto().contexts) }

// ValidContext reports whether c is a PLOVER context label.
func ValidContext(c string) bool { return slices.Contains(onto().contexts, c) }

// Sectors returns PLOVER actor sector codes and their meaning (a copy).
func Sectors() map[string]string { return maps.Clone(onto().sectors) }

// NonStateCodes returns the actor "country" codes PLOVER uses for entities
// that are not countries (IGO, UNO, EUR, NGO, ISM, IMG, MNC, KOS), a copy.
func NonStateCodes() map[string]string { return maps.Clone(onto().nonState) }
