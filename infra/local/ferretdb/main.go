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
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to serve the MongoDB wire protocol on")
	handler := flag.String("handler", "sqlite", "storage backend: sqlite or postgresql")
	sqliteDir := flag.String("sqlite-dir", "", "data directory for the sqlite backend")
	postgresqlURL := flag.String("postgresql-url", "", "connection string for the postgresql backend")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level %q: %v", *logLevel, err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
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

	logger.Warn("serving", "listen", *listen, "handler", *handler)
	if err := server.Run(ctx); err != nil && ctx.Err() == nil {
		fail("stopped: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "plenary-ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
