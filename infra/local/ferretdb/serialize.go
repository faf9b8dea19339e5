package main

// FerretDB 1.24 applies an update as a query followed by a separate write, outside a
// transaction (its handler's updateDocument), so two concurrent updates of one document can
// both match it and the later write erases the earlier one. MongoDB makes every single-document
// write atomic, and Plenary relies on that (the outbox, optimistic concurrency by version).
//
// writeSerializer restores it: it sits in front of FerretDB on the public port, reads each
// MongoDB wire-protocol request, and runs the commands that write (insert, update, delete,
// findAndModify) one at a time, holding a lock until FerretDB has answered. Reads pass through
// concurrently. SQLite serialises writes anyway, so the lock costs little.

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
	mu     sync.Mutex
	dial   func() (net.Conn, error)
	logger *slog.Logger
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
	if isWrite(request) {
		s.mu.Lock()
		defer s.mu.Unlock()
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

// isWrite reads the command name: the first key of the OP_MSG body (section kind 0).
func isWrite(message []byte) bool {
	if opCode(message) != opMsg || len(message) < headerLength+4+1+4+2 {
		return false
	}
	body := message[headerLength+4:]
	if body[0] != 0 { // drivers put the command document first
		return false
	}
	document := body[1:]
	// document: int32 size, then elements: type byte, cstring name, value
	name := document[5:]
	for i, b := range name {
		if b == 0 {
			return writeCommands[string(name[:i])]
		}
	}
	return false
}
