package main

import (
	"encoding/binary"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
)

// opMsgOf builds an OP_MSG request whose command document is command.
func opMsgOf(t *testing.T, command bson.D) []byte {
	t.Helper()
	document, err := bson.Marshal(command)
	if err != nil {
		t.Fatal(err)
	}
	message := make([]byte, headerLength+4+1, headerLength+4+1+len(document))
	message = append(message, document...)
	binary.LittleEndian.PutUint32(message[0:4], uint32(len(message)))
	binary.LittleEndian.PutUint32(message[12:16], opMsg)
	return message
}

func TestWriteTarget(t *testing.T) {
	cases := []struct {
		name     string
		command  bson.D
		write    bool
		database string
	}{
		{"insert", bson.D{{"insert", "people"}, {"ordered", true}, {"$db", "plenary_participants"}}, true, "plenary_participants"},
		{"update after nested values", bson.D{
			{"update", "people"},
			{"updates", bson.A{bson.D{{"q", bson.D{{"_id", "x"}}}, {"u", bson.D{{"$set", bson.D{{"n", 1.5}}}}}}}},
			{"lsid", bson.D{{"id", primitive.Binary{Subtype: 4, Data: make([]byte, 16)}}}},
			{"txnNumber", int64(3)},
			{"$db", "reports"},
		}, true, "reports"},
		{"findAndModify", bson.D{{"findAndModify", "people"}, {"$db", "events"}}, true, "events"},
		{"read", bson.D{{"find", "people"}, {"$db", "events"}}, false, ""},
		{"unreadable value before $db", bson.D{{"delete", "people"}, {"comment", primitive.Regex{Pattern: "a"}}, {"$db", "events"}}, true, ""},
		{"no $db", bson.D{{"insert", "people"}}, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			write, database := writeTarget(opMsgOf(t, c.command))
			if write != c.write || database != c.database {
				t.Fatalf("writeTarget = %v, %q; want %v, %q", write, database, c.write, c.database)
			}
		})
	}
}

func TestWriteTargetOfTruncatedMessages(t *testing.T) {
	message := opMsgOf(t, bson.D{{"insert", "people"}, {"$db", "events"}})
	for n := 0; n < len(message); n++ {
		writeTarget(message[:n]) // must not panic
	}
}
