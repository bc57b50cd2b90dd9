package store

// Rows is what the result sets of both drivers (database/sql and pgx)
// offer for reading: the stores share their row scanning through it, and
// only their SQL differs.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Collect reads every row with scan. The caller closes the rows.
func Collect[T any](rows Rows, scan func(Rows) (T, error)) ([]T, error) {
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// ScanEdge reads source, target, their labels and the event, conflict and
// cooperation counts.
func ScanEdge(r Rows) (Edge, error) {
	var e Edge
	err := r.Scan(&e.Source, &e.Target, &e.SourceLabel, &e.TargetLabel, &e.Events, &e.Conflict, &e.Cooperation)
	return e, err
}

// ScanIntensity reads a country code with its event, conflict and
// cooperation counts.
func ScanIntensity(r Rows) (CountryIntensity, error) {
	var c CountryIntensity
	err := r.Scan(&c.Code, &c.Events, &c.Conflict, &c.Cooperation)
	return c, err
}

// ScanDyadCount reads the two countries of a dyad, its stories and outlets.
func ScanDyadCount(r Rows) (DyadCount, error) {
	var d DyadCount
	err := r.Scan(&d.A, &d.B, &d.Stories, &d.Outlets)
	return d, err
}
