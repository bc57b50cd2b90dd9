package actors

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/data"
)

// Default returns the built-in knowledge base embedded in the binary. It is
// loaded once per process.
func Default() (*KB, error) { return defaultKB() }

var defaultKB = sync.OnceValues(func() (*KB, error) { return Load(data.FS, "actors") })

// layer is one directory of knowledge-base files.
type layer struct {
	fsys fs.FS
	root string
	name string // shown in error messages
}

// raw is everything read from the layers, before compilation.
type raw struct {
	entities  map[string]*Entity // curated YAML, by id
	order     []string           // ids in load order (stable output)
	offices   map[string]*office
	officeSeq []string
	seats     map[string]seat // by folded name
	countries map[string]*country
	agents    map[string]agent // by folded phrase + form
	phoenix   map[string]*Entity
	leaders   map[string]*Entity // leaders/*.tsv, by id
	leaderIDs []string
	places    []place
	titles    map[string]string // office key → generic title (leaders/*.tsv)
}

// Load reads the knowledge base under root in fsys ("actors" in data.FS),
// then each of extraDirs (directories on disk with the same layout); an
// entry of a later directory replaces the one with the same id (offices by
// key, seats by name, countries by code).
func Load(fsys fs.FS, root string, extraDirs ...string) (*KB, error) {
	layers := []layer{{fsys: fsys, root: root, name: root}}
	for _, d := range extraDirs {
		layers = append(layers, layer{fsys: os.DirFS(d), root: ".", name: d})
	}
	r := &raw{entities: map[string]*Entity{}, offices: map[string]*office{}, seats: map[string]seat{},
		countries: map[string]*country{}, agents: map[string]agent{}, phoenix: make(map[string]*Entity, 1<<15),
		leaders: map[string]*Entity{}, titles: map[string]string{}}
	// offices first: role checks need every layer's offices
	for _, l := range layers {
		if err := r.readOffices(l); err != nil {
			return nil, err
		}
	}
	for _, l := range layers {
		if err := r.readLayer(l); err != nil {
			return nil, err
		}
	}
	return compile(r)
}

func (r *raw) readLayer(l layer) error {
	// The Phoenix files are the largest and depend on nothing else read
	// here: they are parsed on another goroutine while this one reads the
	// YAML, and merged at the end in file order (a later entry with the same
	// id replaces an earlier one, as before).
	phx, err := listFiles(l, ".tsv", "phoenix")
	if err != nil {
		return err
	}
	// regions.tsv is curated in the Phoenix format: places that stand for
	// their country (Kashmir, Darfur) and world regions (West Africa)
	phx = append([]string{"regions.tsv"}, phx...)
	parsed := make([]phoenixFile, len(phx))
	done := make(chan error, 1)
	go func() {
		for i, f := range phx {
			var err error
			if parsed[i], err = parsePhoenix(l, f); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	err = r.readRest(l)
	if perr := <-done; err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	for _, p := range parsed {
		for _, e := range p.ents {
			r.phoenix[e.ID] = e
		}
		r.places = append(r.places, p.places...)
	}
	return nil
}

// readRest reads the layer's files but the Phoenix ones. The YAML entity
// files are decoded on another goroutine while the TSV files load; their
// entities are added after, in file order, and the parties after them (a
// YAML entry replaces a party row with its id).
func (r *raw) readRest(l layer) error {
	yamls, err := listFiles(l, ".yaml", "")
	if err != nil {
		return err
	}
	people, err := listFiles(l, ".yaml", "people")
	if err != nil {
		return err
	}
	var files []string
	for _, f := range append(yamls, people...) {
		switch path.Base(f) {
		case "offices.yaml":
		case "seats.yaml":
			if err := r.readSeats(l, f); err != nil {
				return err
			}
		default:
			files = append(files, f)
		}
	}
	decoded := make([][]yEntity, len(files))
	done := make(chan error, 1)
	go func() {
		for i, f := range files {
			var err error
			if decoded[i], err = parseEntities(l, f); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	err = r.readTSVs(l)
	if yerr := <-done; err == nil {
		err = yerr
	}
	if err != nil {
		return err
	}
	seen := map[string]string{} // id → file, within this layer
	for i, f := range files {
		if err := r.addEntities(l, f, decoded[i], seen); err != nil {
			return err
		}
	}
	return r.readParties(l, "parties.tsv")
}

// readTSVs reads the countries, agents and leaders of the layer.
func (r *raw) readTSVs(l layer) error {
	for _, f := range []string{"countries.tsv", "former_states.tsv"} {
		if err := r.readCountries(l, f); err != nil {
			return err
		}
	}
	if err := r.readAgents(l, "agents.tsv"); err != nil {
		return err
	}
	ldr, err := listFiles(l, ".tsv", "leaders")
	if err != nil {
		return err
	}
	for _, f := range ldr {
		if err := r.readLeaders(l, f); err != nil {
			return err
		}
	}
	return nil
}

// listFiles lists the files of dir (relative to the layer root) ending in
// ext, sorted; a missing directory is empty.
func listFiles(l layer, ext, dir string) ([]string, error) {
	full := path.Join(l.root, dir)
	ents, err := fs.ReadDir(l.fsys, full)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path.Join(l.name, dir), err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// readFile returns the file's content, or nil if it does not exist.
func readFile(l layer, name string) ([]byte, error) {
	b, err := fs.ReadFile(l.fsys, path.Join(l.root, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path.Join(l.name, name), err)
	}
	return b, nil
}
