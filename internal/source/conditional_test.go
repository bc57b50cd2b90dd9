package source

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

func TestConditionalGet(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
			const etag = `"v1"`
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Sun, 27 Sep 2020 10:00:00 GMT")
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write([]byte("content v1"))
		})
	})
	r := New(testOptions())
	ctx := context.Background()
	d, etag, lm, nm, err := r.FetchConditional(ctx, srv.URL+"/feed", "", "")
	if err != nil || nm || string(d.Body) != "content v1" || etag != `"v1"` || lm != "Sun, 27 Sep 2020 10:00:00 GMT" {
		t.Fatalf("first fetch: %+v %q %q %v %v", d, etag, lm, nm, err)
	}
	d, etag2, lm2, nm, err := r.FetchConditional(ctx, srv.URL+"/feed", etag, lm)
	if err != nil || !nm || len(d.Body) != 0 || etag2 != etag || lm2 != lm {
		t.Fatalf("second fetch: %+v %q %q %v %v", d, etag2, lm2, nm, err)
	}
	_, _, _, nm, err = r.FetchConditional(ctx, srv.URL+"/feed", `"v0"`, "")
	if err != nil || nm {
		t.Errorf("stale etag: notModified=%v err=%v", nm, err)
	}
	if h.count("/feed") != 3 {
		t.Errorf("%d requests", h.count("/feed"))
	}
	_, _, _, _, err = r.FetchConditional(ctx, srv.URL+"/gone", "", "")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 {
		t.Errorf("404: %v", err)
	}
}
