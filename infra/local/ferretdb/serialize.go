package main

// FerretDB 1.24 applies an update as a query followed by a separate write, outside a
// transaction (its handler's updateDocument), so two concurrent updates of one document can
// both match it and the later write erases the earlier one. MongoDB makes every single-document
// write atomic, and Plenary relies on that (the outbox, optimistic concurrency by version).
//
// writeSerializer restores it: it sits in front of FerretDB on the public port, reads each
// MongoDB wire-protocol request, and runs the commands that write (insert, update, delete,
// findAndModify) to one database one at a time, holding that database's lock until FerretDB
// has answered. Reads pass through concurrently, and so do writes to different databases: the
// SQLite backend keeps each database in its own file, which serialises its writes anyway.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

const (
	opMsg          = 2013
	headerLength   = 16
	maxMessageSize = 48_000_000
	flagMoreToCome = 1 << 1
)

var writeCommands = map[string]bool{
	"insert":        true,
	"update":        true,
	"delete":        true,
	"findandmodify": true,
	"findAndModify": true,
}

type writeSerializer struct {
	all    sync.RWMutex           // held exclusively by a write whose database cannot be read
	mu     sync.Mutex             // guards locks
	locks  map[string]*sync.Mutex // one per database, created on first write
	dial   func() (net.Conn, error)
	logger *slog.Logger
}

func (s *writeSerializer) lockOf(database string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locks == nil {
		s.locks = map[string]*sync.Mutex{}
	}
	lock, ok := s.locks[database]
	if !ok {
		lock = &sync.Mutex{}
		s.locks[database] = lock
	}
	return lock
}

func (s *writeSerializer) serve(listener net.Listener) error {
	for {
		client, err := listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go s.handle(client)
	}
}

func (s *writeSerializer) handle(client net.Conn) {
	defer client.Close()
	server, err := s.dial()
	if err != nil {
		s.logger.Error("cannot reach FerretDB", "error", err)
		return
	}
	defer server.Close()

	for {
		request, err := readMessage(client)
		if err != nil {
			return // the client closed the connection
		}
		if err := s.exchange(request, client, server); err != nil {
			s.logger.Warn("connection dropped", "error", err)
			return
		}
	}
}

// exchange forwards one request and the replies it gets, under the write lock for writes.
func (s *writeSerializer) exchange(request []byte, client, server net.Conn) error {
	if write, database := writeTarget(request); write {
		if database == "" {
			s.all.Lock()
			defer s.all.Unlock()
		} else {
			s.all.RLock()
			defer s.all.RUnlock()
			lock := s.lockOf(database)
			lock.Lock()
			defer lock.Unlock()
		}
	}
	if _, err := server.Write(request); err != nil {
		return err
	}
	if opCode(request) == opMsg && flags(request)&flagMoreToCome != 0 {
		return nil // the client expects no reply
	}
	for {
		reply, err := readMessage(server)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply); err != nil {
			return err
		}
		// An exhaust reply announces that more replies follow.
		if opCode(reply) != opMsg || flags(reply)&flagMoreToCome == 0 {
			return nil
		}
	}
}

func readMessage(conn io.Reader) ([]byte, error) {
	header := make([]byte, headerLength)
	if _, err := io.ReadFull(conn, header); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(header[0:4]))
	if length < headerLength || length > maxMessageSize {
		return nil, fmt.Errorf("bad message length %d", length)
	}
	message := make([]byte, length)
	copy(message, header)
	if _, err := io.ReadFull(conn, message[headerLength:]); err != nil {
		return nil, err
	}
	return message, nil
}

func opCode(message []byte) int32 {
	return int32(binary.LittleEndian.Uint32(message[12:16]))
}

func flags(message []byte) uint32 {
	if len(message) < headerLength+4 {
		return 0
	}
	return binary.LittleEndian.Uint32(message[16:20])
}

// writeTarget tells whether a request is a write command and, if so, the database it names
// ($db); "" when the database cannot be read, and such a write then excludes all others.
func writeTarget(message []byte) (bool, string) {
	document := commandDocument(message)
	if document == nil {
		return false, ""
	}
	write, database := false, ""
	first := true
	walkElements(document, func(kind byte, name string, value []byte) bool {
		if first {
			first = false
			write = writeCommands[name]
			return write
		}
		if name == "$db" && kind == bsonString && len(value) > 5 {
			database = string(value[4 : len(value)-1])
			return false
		}
		return true
	})
	return write, database
}

// commandDocument returns the command document of an OP_MSG: its section of kind 0, which
// drivers put first.
func commandDocument(message []byte) []byte {
	if len(message) < headerLength+4+1+5 || opCode(message) != opMsg {
		return nil
	}
	body := message[headerLength+4:]
	if body[0] != 0 {
		return nil
	}
	size := int(int32(binary.LittleEndian.Uint32(body[1:5])))
	if size < 5 || 1+size > len(body) {
		return nil
	}
	return body[1 : 1+size]
}

const bsonString = 0x02

// walkElements calls visit with each top-level element of a BSON document (its type, name and
// raw value) until visit returns false or an element cannot be read.
func walkElements(document []byte, visit func(kind byte, name string, value []byte) bool) {
	for i := 4; i < len(document)-1; {
		kind := document[i]
		end := i + 1
		for end < len(document) && document[end] != 0 {
			end++
		}
		if end >= len(document) {
			return
		}
		name := string(document[i+1 : end])
		start := end + 1
		size := valueSize(kind, document[start:])
		if size < 0 || start+size > len(document) {
			return
		}
		if !visit(kind, name, document[start:start+size]) {
			return
		}
		i = start + size
	}
}

// valueSize is the length of a BSON value of the given type at the start of data, -1 if unknown.
func valueSize(kind byte, data []byte) int {
	int32At := func(n int) int {
		if len(data) < 4 {
			return -1
		}
		return n + int(int32(binary.LittleEndian.Uint32(data[0:4])))
	}
	switch kind {
	case 0x01, 0x09, 0x11, 0x12: // double, datetime, timestamp, int64
		return 8
	case 0x02, 0x0D, 0x0E: // string, JavaScript, symbol: int32 length (with its NUL), bytes
		return int32At(4)
	case 0x03, 0x04, 0x0F: // document, array, code with scope: int32 total size
		return int32At(0)
	case 0x05: // binary: int32 length, subtype, bytes
		return int32At(5)
	case 0x06, 0x0A, 0x7F, 0xFF: // undefined, null, max key, min key
		return 0
	case 0x07:
		return 12
	case 0x08:
		return 1
	case 0x10:
		return 4
	case 0x13:
		return 16
	}
	return -1
}
