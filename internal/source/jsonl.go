package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

// Field names crawlers use, most specific first: news-please writes url,
// title, date_publish, maintext, source_domain, language, authors; simpler
// crawlers write url, title, published, text, outlet; newspaper4k writes
// url, title, publish_date, text, meta_site_name, authors.
var (
	urlKeys    = []string{"url", "link"}
	titleKeys  = []string{"title"}
	dateKeys   = []string{"date_publish", "published", "date_published", "publish_date", "published_at", "date"}
	textKeys   = []string{"maintext", "text"}
	outletKeys = []string{"source_domain", "outlet", "source", "meta_site_name", "site_name"}
	langKeys   = []string{"language", "lang"}
	authorKeys = []string{"authors", "author"}
)

// recordDateLayouts are the date formats seen in crawler output and feeds.
var recordDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
}

// ParseRecord reads one crawler JSON record into the Article it describes.
// A record must be a JSON object with a text or a url; an unreadable date is
// left unknown rather than failing the record.
func ParseRecord(line []byte) (article.Article, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return article.Article{}, fmt.Errorf("not a JSON object: %w", err)
	}
	a := article.Article{
		URL:      strings.TrimSpace(firstString(m, urlKeys)),
		Title:    strings.TrimSpace(firstString(m, titleKeys)),
		Text:     firstString(m, textKeys),
		Outlet:   strings.TrimSpace(firstString(m, outletKeys)),
		Language: normLang(firstString(m, langKeys)),
		Author:   authors(m),
	}
	if t, ok := recordDate(m); ok {
		a.Published = article.Day(t)
		a.DateFrom = article.DateMetadata
	}
	if strings.TrimSpace(a.Text) == "" {
		a.Text = ""
		if a.URL == "" {
			return article.Article{}, errors.New("record has neither text nor url")
		}
	}
	return a, nil
}

// firstString returns the first non-empty string among keys; values of
// other JSON types are ignored.
func firstString(m map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		var s string
		if raw, ok := m[k]; ok && json.Unmarshal(raw, &s) == nil && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func authors(m map[string]json.RawMessage) string {
	for _, k := range authorKeys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			var names []string
			for _, n := range list {
				if n = strings.TrimSpace(n); n != "" {
					names = append(names, n)
				}
			}
			if len(names) > 0 {
				return strings.Join(names, ", ")
			}
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// recordDate reads the first date field that parses, as a string in one of
// the known layouts or as Unix seconds (or milliseconds).
func recordDate(m map[string]json.RawMessage) (time.Time, bool) {
	for _, k := range dateKeys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if t, ok := parseRecordDate(strings.TrimSpace(s)); ok {
				return t, true
			}
			continue
		}
		var n float64
		if json.Unmarshal(raw, &n) == nil && n > 0 && n < math.MaxInt32*1000.0 {
			if n > 1e11 { // milliseconds: 1e11 s is year 5138
				n /= 1000
			}
			return time.Unix(int64(n), 0).UTC(), true
		}
	}
	return time.Time{}, false
}

func parseRecordDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range recordDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 && n < 1e11 {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// readJSONL emits one Doc per record of rd, named name:LINE. A record with
// text is delivered as it is; one with only a url is fetched. It returns the
// error that stopped reading rd (a truncated gzip stream, say), after the
// records read before it have been emitted.
func (r *Reader) readJSONL(ctx context.Context, name string, rd io.Reader, out chan<- Doc, wg *sync.WaitGroup) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, r.opt.MaxBytes)
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		src := name + ":" + strconv.Itoa(n)
		switch {
		case tooLong:
			if !send(ctx, out, Doc{Source: src, Err: fmt.Errorf("%s: %w: line longer than %d bytes", src, ErrTooLarge, r.opt.MaxBytes)}) {
				return ctx.Err()
			}
		case len(bytes.TrimSpace(line)) > 0 && (err == nil || err == io.EOF):
			if !r.emitRecord(ctx, src, line, out, wg) {
				return ctx.Err()
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (r *Reader) emitRecord(ctx context.Context, src string, line []byte, out chan<- Doc, wg *sync.WaitGroup) bool {
	a, err := ParseRecord(line)
	if err != nil {
		return send(ctx, out, Doc{Source: src, Err: fmt.Errorf("%s: %w", src, err)})
	}
	a.Source = src
	if a.Text != "" {
		return send(ctx, out, Doc{Source: src, URL: a.URL, ContentType: "text/plain; charset=utf-8", Hint: a})
	}
	r.spawn(ctx, wg, func() {
		d, _ := r.fetchDoc(ctx, src, a.URL, a)
		send(ctx, out, d)
	})
	return ctx.Err() == nil
}

// readLine reads one line without its end of line. A line longer than max is
// consumed and reported as tooLong without its bytes.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+1 { // +1: the newline is not content
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, tooLong, err
	}
}
