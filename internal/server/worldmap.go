package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The world map is drawn on the server as SVG from Natural Earth's country
// shapes (world-atlas, TopoJSON, bundled): no tile server, no script, and it
// prints. Countries are keyed by ISO 3166 alpha-3 through the numeric codes
// world-atlas uses.

const (
	mapWidth  = 960.0
	mapScale  = mapWidth / 360 // equirectangular: pixels per degree
	mapTop    = 84.0           // latitudes drawn: the Arctic coast …
	mapBottom = -58.0          // … to Cape Horn; Antarctica is left out
)

type worldMap struct {
	countries []mapShape // sorted by name
	names     map[string]string
}

// name is the country's name for its ISO alpha-3 code, "" when unknown.
func (w *worldMap) name(code string) string {
	if w == nil {
		return ""
	}
	return w.names[code]
}

type mapShape struct {
	Code, Name string
	D          string // SVG path
}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string            `json:"type"`
				ID         string            `json:"id"`
				Arcs       json.RawMessage   `json:"arcs"`
				Properties map[string]string `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

func loadWorld() (*worldMap, error) {
	raw, err := staticFS.ReadFile("static/vendor/world-atlas/countries-110m.json")
	if err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	codes, err := numericCodes()
	if err != nil {
		return nil, err
	}
	var topo topology
	if err := json.Unmarshal(raw, &topo); err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	arcs := decodeArcs(&topo)
	w := &worldMap{}
	for _, g := range topo.Objects.Countries.Geometries {
		code := codes[g.ID]
		if code == "" || code == "ATA" {
			continue // Antarctica, and the three shapes without an ISO code
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			err = json.Unmarshal(g.Arcs, &p)
			polys = [][][]int{p}
		case "MultiPolygon":
			err = json.Unmarshal(g.Arcs, &polys)
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("world map: %s: %w", code, err)
		}
		w.countries = append(w.countries, mapShape{Code: code, Name: g.Properties["name"], D: pathOf(polys, arcs)})
	}
	sort.Slice(w.countries, func(i, j int) bool { return w.countries[i].Name < w.countries[j].Name })
	w.names = make(map[string]string, len(w.countries))
	for _, c := range w.countries {
		w.names[c.Code] = c.Name
	}
	return w, nil
}

// decodeArcs undoes TopoJSON's quantisation and delta encoding: every arc
// becomes absolute longitude/latitude points.
func decodeArcs(t *topology) [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	sx, sy := t.Transform.Scale[0], t.Transform.Scale[1]
	tx, ty := t.Transform.Translate[0], t.Transform.Translate[1]
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, p := range arc {
			x, y = x+p[0], y+p[1]
			pts[j] = [2]float64{x*sx + tx, y*sy + ty}
		}
		out[i] = pts
	}
	return out
}

// pathOf renders polygons (rings of arc indexes; ^i is arc i reversed) as
// one SVG path in map pixels.
func pathOf(polys [][][]int, arcs [][][2]float64) string {
	var b strings.Builder
	for _, poly := range polys {
		for _, ring := range poly {
			pts := ringPoints(ring, arcs)
			for i, p := range pts {
				x, y := (p[0]+180)*mapScale, (mapTop-math.Max(p[1], mapBottom))*mapScale
				if i == 0 {
					b.WriteByte('M')
				} else {
					b.WriteByte('L')
				}
				b.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
				b.WriteByte(',')
				b.WriteString(strconv.FormatFloat(y, 'f', 1, 64))
			}
			b.WriteByte('Z')
		}
	}
	return b.String()
}

// ringPoints joins a ring's arcs into points. A ring that crosses the
// antimeridian (Chukotka, Fiji) is made continuous east of 180°, so it is
// drawn whole up to the map's edge instead of as a band across the world.
func ringPoints(ring []int, arcs [][][2]float64) [][2]float64 {
	var pts [][2]float64
	for _, ai := range ring {
		arc := arcs[max(ai, ^ai)]
		for k := range arc {
			p := arc[k]
			if ai < 0 {
				p = arc[len(arc)-1-k]
			}
			if k == 0 && len(pts) > 0 {
				continue // an arc starts where the previous one ended
			}
			pts = append(pts, p)
		}
	}
	for i := 1; i < len(pts); i++ {
		if math.Abs(pts[i][0]-pts[i-1][0]) > 180 {
			for j := range pts {
				if pts[j][0] < 0 {
					pts[j][0] += 360
				}
			}
			break
		}
	}
	return pts
}

func numericCodes() (map[string]string, error) {
	raw, err := staticFS.ReadFile("static/vendor/i18n-iso-countries/numeric.tsv")
	if err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		num, a3, ok := strings.Cut(sc.Text(), "\t")
		if ok && !strings.HasPrefix(num, "#") {
			out[num] = a3
		}
	}
	return out, sc.Err()
}

// mapSVG is a rendered map: every country with its share of the period's
// events as a class from 0 (none) to 5 (the busiest).
type mapSVG struct {
	Width, Height float64
	Countries     []mapCountry
}

type mapCountry struct {
	mapShape
	Class  int
	Events int
	Label  string
}

func (w *worldMap) render(cs []intensityJSON) mapSVG {
	by := map[string]intensityJSON{}
	most := 0
	for _, c := range cs {
		by[c.Country] = c
		most = max(most, c.Events)
	}
	out := mapSVG{Width: mapWidth, Height: (mapTop - mapBottom) * mapScale}
	for _, s := range w.countries {
		c := by[s.Code]
		mc := mapCountry{mapShape: s, Events: c.Events, Label: s.Name + ": no events"}
		if c.Events > 0 {
			// log scale: the busiest country is 5, one event at least 1
			mc.Class = 1 + int(4*math.Log1p(float64(c.Events))/math.Log1p(float64(most)))
			mc.Label = fmt.Sprintf("%s: %d events (%d conflict, %d cooperation)", s.Name, c.Events, c.Conflict, c.Cooperation)
		}
		out.Countries = append(out.Countries, mc)
	}
	return out
}
