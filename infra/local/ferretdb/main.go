// Command plenary-ferretdb serves the MongoDB wire protocol for local development and tests.
//
// It embeds FerretDB through its public package instead of building FerretDB's own command:
// the published module lacks the generated version file that command checks at start.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to serve the MongoDB wire protocol on")
	handler := flag.String("handler", "sqlite", "storage backend: sqlite or postgresql")
	sqliteDir := flag.String("sqlite-dir", "", "data directory for the sqlite backend")
	postgresqlURL := flag.String("postgresql-url", "", "connection string for the postgresql backend")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	socketDir := flag.String("socket-dir", os.TempDir(), "directory for the internal socket between the write serialiser and FerretDB")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level %q: %v", *logLevel, err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// FerretDB itself listens on a private Unix socket; the public port belongs to the write
	// serialiser in front of it (see serialize.go).
	socket := filepath.Join(*socketDir, fmt.Sprintf("plenary-ferretdb-%d.sock", os.Getpid()))
	_ = os.Remove(socket)

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{Unix: socket},
		Logger:   logger,
		Handler:  *handler,
	}
	switch *handler {
	case "sqlite":
		if *sqliteDir == "" {
			fail("-sqlite-dir is required with -handler sqlite")
		}
		if err := os.MkdirAll(*sqliteDir, 0o755); err != nil {
			fail("cannot create %s: %v", *sqliteDir, err)
		}
		config.SQLiteURL = "file:" + strings.TrimSuffix(*sqliteDir, "/") + "/"
	case "postgresql":
		if *postgresqlURL == "" {
			fail("-postgresql-url is required with -handler postgresql")
		}
		config.PostgreSQLURL = *postgresqlURL
	default:
		fail("unknown -handler %q: use sqlite or postgresql", *handler)
	}

	server, err := ferretdb.New(config)
	if err != nil {
		fail("cannot start: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	serializer := &writeSerializer{
		dial:   func() (net.Conn, error) { return net.Dial("unix", socket) },
		logger: logger,
	}
	// Open the public port only once FerretDB answers, so that "port open" means ready.
	go func() {
		for ctx.Err() == nil {
			if conn, err := serializer.dial(); err == nil {
				conn.Close()
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		public, err := net.Listen("tcp", *listen)
		if err != nil {
			fail("cannot listen on %s: %v", *listen, err)
		}
		go func() {
			<-ctx.Done()
			public.Close()
		}()
		logger.Warn("serving", "listen", *listen, "handler", *handler)
		if err := serializer.serve(public); err != nil {
			fail("serving %s: %v", *listen, err)
		}
	}()

	if err := server.Run(ctx); err != nil && ctx.Err() == nil {
		fail("stopped: %v", err)
	}
	_ = os.Remove(socket)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "plenary-ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
