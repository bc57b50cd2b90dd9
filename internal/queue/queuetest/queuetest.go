// Package queuetest gives tests a JetStream server: an embedded one they
// can stop and start, or the machine's when DYAD_TEST_NATS is set.
package queuetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/dyad-project/dyad/internal/queue"
)

// NATSEnv names the variable holding the machine's NATS URL. When it is set
// the tests that can use a real server must reach it.
const NATSEnv = "DYAD_TEST_NATS"

// Server is an embedded JetStream server.
type Server struct {
	t    testing.TB
	opts server.Options
	srv  *server.Server
}

// Embedded starts a JetStream server on a free port with its store in a
// temporary directory; it is shut down when the test ends.
func Embedded(t testing.TB) *Server {
	t.Helper()
	s := &Server{t: t, opts: server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true}}
	s.Start()
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(s.Stop)
	return s
}

// URL is the server's address.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.opts.Port) }

// Start (re)starts the server on its port with the same store.
func (s *Server) Start() {
	s.t.Helper()
	opts := s.opts
	srv, err := server.NewServer(&opts)
	if err != nil {
		s.t.Fatalf("nats server: %v", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		s.t.Fatal("nats server not ready")
	}
	s.srv = srv
}

// Stop shuts the server down (the store stays for the next Start).
func (s *Server) Stop() {
	if s.srv != nil {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		s.srv = nil
	}
}

// Config returns a queue configuration with a stream, subject and consumer
// of the test's own: on the machine's server when DYAD_TEST_NATS is set
// (failing when it is unreachable), else on an embedded server. The stream
// is deleted when the test ends.
func Config(t testing.TB) queue.Config {
	t.Helper()
	url := os.Getenv(NATSEnv)
	if url == "" {
		url = Embedded(t).URL()
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	// Names as ParseURL derives them, so URL can hand the stream to a command.
	stream := "DYAD_TEST_" + id
	cfg := queue.Config{URL: url, Stream: stream, Subject: "dyad." + stream, Consumer: stream + "-workers", AckWait: 2 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("%s=%q: %v", NATSEnv, os.Getenv(NATSEnv), err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = q.Delete(ctx)
		q.Close()
	})
	return cfg
}

// URL is Config as a command-line queue URL: a stream of the test's own and
// a short ack wait, so a killed worker's documents come back quickly.
func URL(t testing.TB) string {
	cfg := Config(t)
	return fmt.Sprintf("%s?stream=%s&ack_wait=%s", cfg.URL, cfg.Stream, cfg.AckWait)
}
