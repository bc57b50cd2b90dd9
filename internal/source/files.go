package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/dyad-project/dyad/internal/article"
)

// ErrNotRegular marks a path that is neither a regular file nor a
// directory: a named pipe, socket or device. Opening a FIFO blocks until a
// writer comes, and a device may never end, so they are refused.
var ErrNotRegular = errors.New("not a regular file")

// ErrSkipped marks an entry met while walking a directory that is not a
// document (a named pipe, a dangling or looping link, a link to a
// directory): it is reported and counted, and the walk goes on.
var ErrSkipped = errors.New("skipped")

// readLocal expands a path, directory or glob.
func (r *Reader) readLocal(ctx context.Context, arg string, out chan<- Doc, wg *sync.WaitGroup) {
	fi, err := os.Stat(arg)
	switch {
	case err == nil && fi.IsDir():
		r.walk(ctx, arg, out, wg)
	case err == nil && !fi.Mode().IsRegular():
		send(ctx, out, Doc{Source: arg, Err: notRegular(arg, fi.Mode())})
	case err == nil:
		r.readFile(ctx, arg, false, out, wg)
	case errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(arg, "*?["):
		r.readGlob(ctx, arg, out, wg)
	default:
		send(ctx, out, Doc{Source: arg, Err: err})
	}
}

func (r *Reader) readGlob(ctx context.Context, pattern string, out chan<- Doc, wg *sync.WaitGroup) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		send(ctx, out, Doc{Source: pattern, Err: fmt.Errorf("glob %s: %w", pattern, err)})
		return
	}
	// Like a shell, "*" does not pick hidden files unless asked to.
	wantHidden := strings.HasPrefix(filepath.Base(pattern), ".")
	n := 0
	for _, m := range matches {
		if ctx.Err() != nil {
			return
		}
		if !wantHidden && isHidden(m) {
			continue
		}
		n++
		r.readLocal(ctx, m, out, wg)
	}
	if n == 0 {
		send(ctx, out, Doc{Source: pattern, Err: fmt.Errorf("glob %s: matches no file", pattern)})
	}
}

// notRegular refuses path, naming what kind of file it is.
func notRegular(path string, m fs.FileMode) error {
	return fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, fileKind(m))
}

// fileKind names a mode that is not a regular file, and for a pipe how to
// read it instead.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe; pipe it to stdin with '-' instead"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// skip reports an entry of a directory walk that is not read.
func skip(ctx context.Context, out chan<- Doc, path, why string) {
	send(ctx, out, Doc{Source: path, Err: &skipError{path: path, why: why}})
}

// skipError is an entry skipped by a walk; it is ErrSkipped, and its text
// is the path and why, so that a report line says "skipped" only once.
type skipError struct{ path, why string }

func (e *skipError) Error() string        { return e.path + ": " + e.why }
func (e *skipError) Is(target error) bool { return target == ErrSkipped }

// walk reads every non-hidden regular file under root in lexical order.
// Symbolic links to files are read; links to directories are not followed,
// which also keeps link cycles out. Every other entry (pipes, sockets,
// devices, dangling or looping links, links to directories) is reported as
// skipped, so nothing in the tree vanishes without a word.
func (r *Reader) walk(ctx context.Context, root string, out chan<- Doc, wg *sync.WaitGroup) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			send(ctx, out, Doc{Source: path, Err: err})
			return nil // an unreadable entry does not stop the walk
		}
		if path != root && isHidden(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular() && notArticle(path) != "":
			skip(ctx, out, path, notArticle(path))
		case t.IsRegular():
			r.readFile(ctx, path, true, out, wg)
		case t.IsDir():
		case t&fs.ModeSymlink != 0:
			r.walkLink(ctx, path, out, wg)
		default:
			skip(ctx, out, path, fileKind(t))
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		send(ctx, out, Doc{Source: root, Err: err})
	}
}

// walkLink reads a symbolic link met in a walk when it leads to a regular
// file, and reports it otherwise.
func (r *Reader) walkLink(ctx context.Context, path string, out chan<- Doc, wg *sync.WaitGroup) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		skip(ctx, out, path, "dangling symbolic link")
	case errors.Is(err, syscall.ELOOP):
		skip(ctx, out, path, "symbolic link loop")
	case err != nil:
		skip(ctx, out, path, err.Error())
	case fi.IsDir():
		skip(ctx, out, path, "symbolic link to a directory, not followed")
	case !fi.Mode().IsRegular():
		skip(ctx, out, path, fileKind(fi.Mode()))
	case notArticle(path) != "":
		skip(ctx, out, path, notArticle(path))
	default:
		r.readFile(ctx, path, true, out, wg)
	}
}

// nonArticle are the extensions of files a directory of articles often
// holds beside them (notes, tables, configuration, code, media) and that
// are never news text: a walk skips them with a word instead of storing a
// README as an article. A file named on the command line is always read.
var nonArticle = map[string]string{
	".md": "notes", ".markdown": "notes", ".rst": "notes",
	".tsv": "a table", ".csv": "a table", ".conllu": "a treebank",
	".yaml": "configuration", ".yml": "configuration", ".toml": "configuration", ".ini": "configuration",
	".go": "code", ".py": "code", ".js": "code", ".css": "code", ".sh": "code", ".sql": "code",
	".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".webp": "an image", ".ico": "an image",
	".pdf": "a PDF", ".zip": "an archive", ".tar": "an archive", ".tgz": "an archive", ".7z": "an archive",
	".mp3": "audio", ".wav": "audio", ".mp4": "video", ".db": "a database", ".sqlite": "a database", ".log": "a log",
}

// notArticle says why a file met in a walk is not an article, or "".
func notArticle(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if what, ok := nonArticle[ext]; ok {
		return fmt.Sprintf("%s (%s), not an article", what, ext)
	}
	return ""
}

func isHidden(path string) bool {
	b := filepath.Base(path)
	return len(b) > 1 && b[0] == '.' && b != ".."
}

// readFile reads one file: JSON Lines files as records, a JSON document as
// the crawler record it holds, others as one document; a ".gz" suffix is
// gunzipped first. A JSON document that is no crawler record with text is
// skipped when met in a walk (walked) and fails when named.
func (r *Reader) readFile(ctx context.Context, path string, walked bool, out chan<- Doc, wg *sync.WaitGroup) {
	lower := strings.ToLower(path)
	gz := strings.HasSuffix(lower, ".gz")
	inner := strings.TrimSuffix(lower, ".gz")
	jsonl := strings.HasSuffix(inner, ".jsonl") || strings.HasSuffix(inner, ".ndjson")
	fail := func(err error) { send(ctx, out, Doc{Source: path, Err: fmt.Errorf("%s: %w", path, err)}) }

	// Non-blocking, so a path that became a FIFO after it was looked at
	// does not hang the open; what was opened is checked again below.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		send(ctx, out, Doc{Source: path, Err: err})
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		fail(err)
		return
	}
	if !fi.Mode().IsRegular() {
		send(ctx, out, Doc{Source: path, Err: notRegular(path, fi.Mode())})
		return
	}
	if !gz && !jsonl {
		if fi.Size() > r.opt.MaxBytes {
			fail(fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, fi.Size(), r.opt.MaxBytes))
			return
		}
	}
	var rd io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			fail(fmt.Errorf("gunzip: %w", err))
			return
		}
		defer zr.Close()
		rd = zr
	}
	if jsonl {
		if err := r.readJSONL(ctx, path, rd, out, wg); err != nil && ctx.Err() == nil {
			fail(fmt.Errorf("reading stopped: %w", err))
		}
		return
	}
	body, err := readLimited(rd, r.opt.MaxBytes)
	if err != nil {
		fail(err)
		return
	}
	if recordLines(body) {
		// crawler records one per line under another name (".json")
		if err := r.readJSONL(ctx, path, bytes.NewReader(body), out, wg); err != nil && ctx.Err() == nil {
			fail(fmt.Errorf("reading stopped: %w", err))
		}
		return
	}
	if rec, isJSON := jsonRecord(body); isJSON {
		switch {
		case rec != nil:
			rec.Source = path
			send(ctx, out, Doc{Source: path, URL: rec.URL, ContentType: "text/plain; charset=utf-8", Hint: *rec})
		case walked:
			skip(ctx, out, path, notRecord)
		default:
			fail(errors.New(notRecord))
		}
		return
	}
	send(ctx, out, Doc{Source: path, Body: body, ContentType: fileContentType(inner, body)})
}

// recordLines reports whether body is JSON Lines of crawler records: not
// one JSON document, and its first line a record.
func recordLines(body []byte) bool {
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(b) == 0 || b[0] != '{' || json.Valid(b) {
		return false
	}
	return firstLineIsRecord(bufio.NewReaderSize(bytes.NewReader(b), 64<<10))
}

// notRecord is why a JSON document is not read as an article.
const notRecord = "JSON data, not an article (a crawler record needs its text in text or maintext)"

// jsonRecord reads a file's body as JSON when it is a JSON document
// (whatever its name): a crawler record with article text (news-please,
// newspaper4k) is returned as the article it describes; any other JSON
// (metadata, settings, a record with only a url) returns nil, true. Read
// as text, such a file became an article of quoted keys and one
// multi-thousand-character "sentence" of image links.
func jsonRecord(body []byte) (rec *article.Article, isJSON bool) {
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(b) == 0 || (b[0] != '{' && b[0] != '[') || !json.Valid(b) {
		return nil, false
	}
	if b[0] != '{' {
		return nil, true
	}
	a, err := ParseRecord(b)
	if err != nil || strings.TrimSpace(a.Text) == "" {
		return nil, true
	}
	return &a, true
}

// readStdin reads "-": gunzipped when it starts with the gzip magic, as
// crawler records when its first line is one, else as one document.
func (r *Reader) readStdin(ctx context.Context, out chan<- Doc) {
	fail := func(err error) { send(ctx, out, Doc{Source: "-", Err: fmt.Errorf("stdin: %w", err)}) }
	br := bufio.NewReaderSize(r.opt.Stdin, 64<<10)
	var rd io.Reader = br
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			fail(fmt.Errorf("gunzip: %w", err))
			return
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		rd = br
	}
	if firstLineIsRecord(br) {
		// Records needing a fetch are waited for here, as stdin has no
		// caller-side WaitGroup of its own.
		var wg sync.WaitGroup
		if err := r.readJSONL(ctx, "-", br, out, &wg); err != nil && ctx.Err() == nil {
			fail(fmt.Errorf("reading stopped: %w", err))
		}
		wg.Wait()
		return
	}
	body, err := readLimited(rd, r.opt.MaxBytes)
	if err != nil {
		fail(err)
		return
	}
	send(ctx, out, Doc{Source: "-", Body: body, ContentType: http.DetectContentType(body)})
}

// firstLineIsRecord peeks at the first line (up to the buffer size) and
// reports whether it is a crawler record.
func firstLineIsRecord(br *bufio.Reader) bool {
	head, err := br.Peek(br.Size())
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		if err != io.EOF {
			return false // a first line longer than the buffer: not a record stream
		}
		i = len(head)
	}
	_, perr := ParseRecord(head[:i])
	return perr == nil
}

func readLimited(rd io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return body, nil
}

// fileContentType trusts the usual extensions and sniffs the rest.
func fileContentType(name string, body []byte) string {
	switch filepath.Ext(name) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return "text/html"
	case ".txt", ".text", ".md":
		return "text/plain"
	case ".xml", ".rss", ".atom":
		return "application/xml"
	case ".json":
		return "application/json"
	}
	return http.DetectContentType(body)
}
