package store

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

// Page sizes of the read interfaces.
const (
	DefaultPage = 50
	MaxPage     = 500
)

// PageSize clamps a requested page size to [1, MaxPage], DefaultPage when
// none was asked for.
func PageSize(n int) int {
	switch {
	case n <= 0:
		return DefaultPage
	case n > MaxPage:
		return MaxPage
	}
	return n
}

// Cursor is where a page ended: the day and id of its last row. Lists are
// ordered by day, newest first, then by id, descending; rows without a day
// come after all dated rows. Every store encodes it the same way, so a
// client's cursor means the same whichever backend answers.
type Cursor struct {
	Date string `json:"d,omitempty"`
	ID   int64  `json:"i,omitempty"`
	Key  string `json:"k,omitempty"` // text ids (stories)
}

// Encode renders the cursor for a `next` field.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reads an `after` parameter; "" means the first page.
func DecodeCursor(s string) (*Cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("bad cursor %q", s)
	}
	var c Cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("bad cursor %q", s)
	}
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return nil, fmt.Errorf("bad cursor %q", s)
		}
	}
	return &c, nil
}
