package source

import (
	"context"
	"fmt"
	"net/http"
)

// FetchConditional fetches rawURL unless it is unchanged since the fetch
// that returned etag and lastModified (either may be empty), for `dyad
// watch`. It goes through the same robots.txt, politeness, retry and address
// rules as Read. On 304 notModified is true, the Doc is empty and the
// validators are returned unchanged unless the server sent new ones. The Doc
// is not expanded as a feed; pass it to Expand for that.
func (r *Reader) FetchConditional(ctx context.Context, rawURL, etag, lastModified string) (d Doc, newETag, newLastModified string, notModified bool, err error) {
	hdr := http.Header{}
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		hdr.Set("If-Modified-Since", lastModified)
	}
	res, err := r.get(ctx, rawURL, hdr)
	if err != nil {
		err = fmt.Errorf("fetch %s: %w", rawURL, err)
		return Doc{Source: rawURL, URL: rawURL, Err: err}, etag, lastModified, false, err
	}
	newETag, newLastModified = etag, lastModified
	if v := res.header.Get("ETag"); v != "" {
		newETag = v
	}
	if v := res.header.Get("Last-Modified"); v != "" {
		newLastModified = v
	}
	d = Doc{Source: rawURL, URL: res.url.String()}
	if res.status == http.StatusNotModified {
		return d, newETag, newLastModified, true, nil
	}
	d.Body, d.ContentType = res.body, res.header.Get("Content-Type")
	return d, newETag, newLastModified, false, nil
}
