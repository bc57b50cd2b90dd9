// Package watch runs `dyad watch`: it polls feeds and pages with
// conditional GETs, ingests what is new through the same pipeline as
// `dyad ingest` (extract, code, merge, store), evaluates the alert rules and
// notifies, keeping its state in the store so a restart resumes quietly.
package watch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/notify"
	"github.com/dyad-project/dyad/internal/source"
)

// DefaultInterval is the time between two polling rounds.
const DefaultInterval = 15 * time.Minute

// Config is a watch configuration file (see docs/WATCH.md).
type Config struct {
	Feeds    []string         `yaml:"feeds"` // RSS/Atom/JSON feeds: their items are followed
	Pages    []string         `yaml:"pages"` // pages polled as they are
	Interval analyze.Duration `yaml:"interval"`
	Fetch    Fetch            `yaml:"fetch"`
	Rules    []analyze.Rule   `yaml:"rules"`
	Notify   []NotifierConfig `yaml:"notify"`
}

// Fetch tunes the HTTP client; unset fields keep `dyad ingest`'s defaults.
type Fetch struct {
	Timeout      *analyze.Duration `yaml:"timeout"`
	Delay        *analyze.Duration `yaml:"delay"` // between two requests to one host; 0 for none
	Retries      *int              `yaml:"retries"`
	MaxBytes     int64             `yaml:"max_bytes"`
	AllowPrivate bool              `yaml:"allow_private"`
	UserAgent    string            `yaml:"user_agent"`
}

// NotifierConfig declares one notifier.
type NotifierConfig struct {
	Name      string           `yaml:"name"`
	Type      string           `yaml:"type"` // log, jsonl or webhook
	Path      string           `yaml:"path"` // jsonl
	URL       string           `yaml:"url"`  // webhook
	Secret    string           `yaml:"secret"`
	SecretEnv string           `yaml:"secret_env"` // read the secret from this variable (preferred)
	Retries   *int             `yaml:"retries"`
	Backoff   analyze.Duration `yaml:"backoff"`
}

// Load reads and validates a config file.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("watch config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("watch config %s: %w", path, err)
	}
	return c, nil
}

// Parse reads and validates a config.
func Parse(b []byte) (*Config, error) {
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true) // a misspelt key is an error, not a silently ignored rule
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &c, c.Validate()
}

// Validate checks the config and fills in defaults.
func (c *Config) Validate() error {
	if len(c.Feeds)+len(c.Pages) == 0 {
		return errors.New("no feeds or pages to watch")
	}
	if c.Interval == 0 {
		c.Interval = analyze.Duration(DefaultInterval)
	}
	if c.Interval.Std() < time.Second {
		return fmt.Errorf("interval %s: too short", c.Interval.Std())
	}
	names := map[string]bool{}
	for i := range c.Rules {
		if err := c.Rules[i].Validate(); err != nil {
			return err
		}
		if names[c.Rules[i].Name] {
			return fmt.Errorf("rule %s: name used twice", c.Rules[i].Name)
		}
		names[c.Rules[i].Name] = true
	}
	notifiers := map[string]bool{}
	for i, n := range c.Notify {
		if n.Name == "" {
			c.Notify[i].Name = n.Type
		}
		if notifiers[c.Notify[i].Name] {
			return fmt.Errorf("notifier %s: name used twice", c.Notify[i].Name)
		}
		notifiers[c.Notify[i].Name] = true
		switch {
		case n.Type == "jsonl" && n.Path == "":
			return fmt.Errorf("notifier %s: jsonl needs a path", c.Notify[i].Name)
		case n.Type == "webhook" && n.URL == "":
			return fmt.Errorf("notifier %s: webhook needs a url", c.Notify[i].Name)
		case n.Type != "log" && n.Type != "jsonl" && n.Type != "webhook":
			return fmt.Errorf("notifier %s: type %q: want log, jsonl or webhook", c.Notify[i].Name, n.Type)
		}
	}
	for _, r := range c.Rules {
		for _, n := range r.Notify {
			if !notifiers[n] && !(len(c.Notify) == 0 && n == "log") {
				return fmt.Errorf("rule %s: no notifier named %s", r.Name, n)
			}
		}
	}
	return nil
}

// URLs are the feeds and pages, in config order.
func (c *Config) URLs() []string { return append(append([]string(nil), c.Feeds...), c.Pages...) }

// SourceOptions are the reader options of the fetch section.
func (c *Config) SourceOptions() source.Options {
	o := source.Options{AllowPrivate: c.Fetch.AllowPrivate, MaxBytes: c.Fetch.MaxBytes, UserAgent: c.Fetch.UserAgent}
	if c.Fetch.Timeout != nil {
		o.Timeout = c.Fetch.Timeout.Std()
	}
	if c.Fetch.Delay != nil {
		o.HostDelay = c.Fetch.Delay.Std()
		if o.HostDelay == 0 {
			o.HostDelay = -1 // the source package reads 0 as its default
		}
	}
	if c.Fetch.Retries != nil {
		o.Retries = *c.Fetch.Retries
		if o.Retries == 0 {
			o.Retries = -1
		}
	}
	return o
}

// Notifiers builds the notifiers; with none configured, alerts go to log
// (written to w). Secrets come from secret_env when set.
func (c *Config) Notifiers(w io.Writer) ([]notify.Notifier, error) {
	if len(c.Notify) == 0 {
		return []notify.Notifier{&notify.Log{ID: "log", W: w}}, nil
	}
	var out []notify.Notifier
	for _, n := range c.Notify {
		switch n.Type {
		case "log":
			out = append(out, &notify.Log{ID: n.Name, W: w})
		case "jsonl":
			out = append(out, &notify.File{ID: n.Name, Path: n.Path})
		case "webhook":
			secret := n.Secret
			if n.SecretEnv != "" {
				secret = os.Getenv(n.SecretEnv)
				if secret == "" {
					return nil, fmt.Errorf("notifier %s: $%s is empty", n.Name, n.SecretEnv)
				}
			}
			retries := 3
			if n.Retries != nil {
				retries = *n.Retries
			}
			out = append(out, &notify.Webhook{ID: n.Name, URL: n.URL, Secret: []byte(secret), Retries: retries, Backoff: n.Backoff.Std()})
		}
	}
	return out, nil
}
