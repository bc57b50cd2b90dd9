package analyze

import (
	"math"
	"slices"
)

// madScale makes the MAD estimate the standard deviation of normal data.
const madScale = 1.4826

// ScaleFloor is the smallest spread a baseline is credited with, in the
// measure's units: a dyad that was silent for weeks (MAD 0) scores a single
// story as 1, not infinity.
const ScaleFloor = 1.0

// Median returns the median of xs, 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// MAD returns the median absolute deviation of xs from their median.
func MAD(xs []float64) float64 {
	m := Median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - m)
	}
	return Median(dev)
}

// Baseline is a robust summary of a measure's past windows.
type Baseline struct {
	Median float64 `json:"median"`
	MAD    float64 `json:"mad"`
}

// NewBaseline summarises past values.
func NewBaseline(past []float64) Baseline { return Baseline{Median: Median(past), MAD: MAD(past)} }

// Score is how far x stands above the baseline in robust standard
// deviations: (x - median) / max(1.4826·MAD, ScaleFloor). Outliers in the
// past barely move it, unlike a mean and standard deviation.
func (b Baseline) Score(x float64) float64 {
	return (x - b.Median) / max(madScale*b.MAD, ScaleFloor)
}
