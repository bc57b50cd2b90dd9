package extract

import (
	"context"
	"testing"
)

// NoSimHash leaves the signature zero and changes nothing else.
func TestNoSimHash(t *testing.T) {
	body := []byte("Ministers meet in Valdoria\n\nThe foreign minister of Valdoria met the envoy of Ostrava on Monday, officials said.\n\nThe two sides agreed to hold further talks next month.\n")
	ctx := context.Background()
	with, err := Extract(ctx, Input{Source: "a.txt", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	without, err := Extract(ctx, Input{Source: "a.txt", Body: body, NoSimHash: true})
	if err != nil {
		t.Fatal(err)
	}
	if with.SimHash == 0 || without.SimHash != 0 {
		t.Fatalf("SimHash %#x with, %#x without NoSimHash: want non-zero, then zero", with.SimHash, without.SimHash)
	}
	without.SimHash = with.SimHash
	if with.Text != without.Text || with.Hash != without.Hash || with.Title != without.Title || with.Language != without.Language {
		t.Errorf("NoSimHash changed the article: %+v, want %+v", without, with)
	}
}
