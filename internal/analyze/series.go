package analyze

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Bucket is the width of a series step.
type Bucket string

// The series steps: a calendar day, an ISO week starting on Monday, or a
// calendar month (as the dashboard offers).
const (
	Day   Bucket = "day"
	Week  Bucket = "week"
	Month Bucket = "month"
)

// ParseBucket reads "day", "week" or "month", in any case.
func ParseBucket(s string) (Bucket, error) {
	switch b := Bucket(strings.ToLower(strings.TrimSpace(s))); b {
	case Day, Week, Month:
		return b, nil
	}
	return "", fmt.Errorf("bucket %q: want day, week or month", s)
}

// Floor returns the start of the bucket holding t (UTC).
func (b Bucket) Floor(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch b {
	case Week:
		// Monday is 0 days back, Sunday 6.
		back := (int(day.Weekday()) + 6) % 7
		day = day.AddDate(0, 0, -back)
	case Month:
		day = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	}
	return day
}

// Next returns the start of the bucket after the one starting at t.
func (b Bucket) Next(t time.Time) time.Time {
	switch b {
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// Point is one step of a dyad series. Counts are of stories (an event
// reported by five outlets counts once); Mentions counts the reports.
type Point struct {
	Start            time.Time `json:"start"`
	Stories          int       `json:"stories"`
	Mentions         int       `json:"mentions"`
	VerbalCoop       int       `json:"verbal_cooperation"`
	MaterialCoop     int       `json:"material_cooperation"`
	VerbalConflict   int       `json:"verbal_conflict"`
	MaterialConflict int       `json:"material_conflict"`
	IntensityTotal   float64   `json:"intensity_total"` // sum of the stories' PLOVER intensity
	IntensityMean    float64   `json:"intensity_mean"`
	GoldsteinTotal   float64   `json:"goldstein_total"` // the same on GDELT's Goldstein scale
	GoldsteinMean    float64   `json:"goldstein_mean"`
}

// MarshalJSON writes Start as YYYY-MM-DD, the date form of the CSV and of
// every other dyad output, not as a timestamp.
func (p Point) MarshalJSON() ([]byte, error) {
	type plain Point
	return json.Marshal(struct {
		Start string `json:"start"`
		plain
	}{p.Start.Format(time.DateOnly), plain(p)})
}

// Empty reports whether no story falls in the period.
func (p Point) Empty() bool { return p.Stories == 0 }

// Series is a dyad's points over consecutive buckets, empty ones included.
type Series struct {
	Dyad   string  `json:"dyad"`
	By     Bucket  `json:"by"`
	Points []Point `json:"points"`
}

// BuildSeries bins the countable stories by the bucket of their first date,
// from the bucket of from to the bucket of to (both inclusive; zero values
// take the stories' own span). Stories outside are ignored.
func BuildSeries(dyad string, stories []Story, by Bucket, from, to time.Time) Series {
	s := Series{Dyad: dyad, By: by}
	if from.IsZero() || to.IsZero() {
		for _, st := range stories {
			if !st.Countable() {
				continue
			}
			if from.IsZero() || st.Start.Before(from) {
				from = st.Start
			}
			if to.IsZero() || st.Start.After(to) {
				to = st.Start
			}
		}
		if from.IsZero() || to.IsZero() {
			return s
		}
	}
	index := map[time.Time]int{}
	for t := by.Floor(from); !t.After(by.Floor(to)); t = by.Next(t) {
		index[t] = len(s.Points)
		s.Points = append(s.Points, Point{Start: t})
	}
	for _, st := range stories {
		i, ok := index[by.Floor(st.Start)]
		if !ok || !st.Countable() {
			continue
		}
		p := &s.Points[i]
		p.Stories++
		p.Mentions += st.Mentions
		switch st.Quad {
		case 1:
			p.VerbalCoop++
		case 2:
			p.MaterialCoop++
		case 3:
			p.VerbalConflict++
		case 4:
			p.MaterialConflict++
		}
		p.IntensityTotal += st.Score
		p.GoldsteinTotal += st.Goldstein
	}
	for i := range s.Points {
		if p := &s.Points[i]; p.Stories > 0 {
			p.IntensityMean = p.IntensityTotal / float64(p.Stories)
			p.GoldsteinMean = p.GoldsteinTotal / float64(p.Stories)
		}
	}
	return s
}
