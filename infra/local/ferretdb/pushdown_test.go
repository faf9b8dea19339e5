package main

// The differential test of index-pushdown.patch: the same randomised queries, served by the
// typed indexes and by FerretDB's own scan ({hint: {$natural: 1}}), against the same data —
// documents whose indexed fields hold arrays, objects, mixed types, nulls, missing fields and
// strings that JSON escapes or that SQLite's NOCASE would fold — must return the same
// documents in the same order, and the same counts. Every sort ends with _id: MongoDB leaves
// the order of equal keys unspecified, and FerretDB's own sort is not stable.
//
// PLENARY_STORE_SEED=<n> replays a run; PLENARY_STORE_QUERIES=<n> sets how many queries (default 250).

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// startStore runs an embedded FerretDB (the patched module) on a fresh SQLite directory.
func startStore(t testing.TB) *mongo.Client {
	t.Helper()

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		Handler:   "sqlite",
		SQLiteURL: "file:" + t.TempDir() + "/",
	})
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = server.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})

	client, err := mongo.Connect(context.Background(), options.Client().ApplyURI("mongodb://"+addr+"/"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })

	for i := 0; ; i++ {
		if err = client.Ping(context.Background(), nil); err == nil {
			break
		}
		if i > 200 {
			t.Fatalf("store did not answer: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}

	return client
}

// gen makes the random documents and queries of one run.
type gen struct {
	r *rand.Rand
}

// Strings chosen to break a wrong order: prefixes followed by a space or "!" (which JSON text
// orders after the closing quote), characters JSON escapes (" \ < > & and control ones), case
// and accents (NOCASE and collations), code points beyond the BMP, the empty string.
var alphabet = []string{"a", "b", "B", "z", " ", "!", "\"", "\\", "<", ">", "&", "\t", "\u0001", "é", "É", "ß", "ж", "日", "😀", "\u2028", "~", "0"}

var words = []string{"", "a", "a ", "a b", "a!", "ab", "A", "Ab", "b", "é", "e", "日本", "\"q\"", "<x>", "a\\b", "zz", "ä", "ø"}

func (g *gen) str() string {
	if g.r.Intn(2) == 0 {
		return words[g.r.Intn(len(words))]
	}
	var b strings.Builder
	for n := g.r.Intn(5); n >= 0; n-- {
		b.WriteString(alphabet[g.r.Intn(len(alphabet))])
	}
	return b.String()
}

// scalar returns a value of one of the types a typed key orders exactly.
func (g *gen) scalar() any {
	switch g.r.Intn(12) {
	case 0:
		return int32(g.r.Intn(7) - 3)
	case 1:
		return int64(g.r.Intn(7) - 3)
	case 2:
		return []float64{-2.5, -0.0, 0, 0.5, 1, 2, 1e300, -1e-300}[g.r.Intn(8)]
	case 3:
		return []int64{math.MaxInt64, math.MinInt64, 1 << 53, 1<<53 + 1}[g.r.Intn(4)]
	case 4:
		return g.r.Intn(2) == 0
	case 5:
		return nil
	case 6:
		return primitive.ObjectID{byte(g.r.Intn(3)), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, byte(g.r.Intn(3))}
	case 7:
		return primitive.NewDateTimeFromTime(time.UnixMilli(int64(g.r.Intn(5)-2) * 1000))
	default:
		return g.str()
	}
}

// inexact returns a value a typed key does not order as MongoDB: arrays, objects and others.
func (g *gen) inexact(like func() any) any {
	switch g.r.Intn(6) {
	case 0:
		return bson.A{}
	case 1:
		return bson.A{like(), like()}
	case 2:
		return bson.A{like()}
	case 3:
		return bson.D{{Key: "x", Value: like()}}
	case 4:
		return primitive.Binary{Data: []byte{byte(g.r.Intn(3))}}
	default:
		return primitive.Timestamp{T: uint32(g.r.Intn(3)), I: 1}
	}
}

var (
	events  = []string{"e1", "e2", "e3"}
	parties = []string{"AFG", "KAZ", "KGZ", "UNHCR", "kaz", "Kaz ", "Kaz", ""}
)

func (g *gen) pick(values []string) string { return values[g.r.Intn(len(values))] }

// field returns a field's value in a document: usually of its kind, sometimes another scalar,
// an inexact value, null or missing (ok false), the more so when messy.
func (g *gen) field(usual func() any, messy bool) (any, bool) {
	odd := 20
	if messy {
		odd = 4
	}
	switch g.r.Intn(odd) {
	case 0:
		return nil, false
	case 1:
		return g.scalar(), true
	case 2:
		if messy {
			return g.inexact(usual), true
		}
		return nil, true
	}
	return usual(), true
}

func (g *gen) doc(i int, messy bool) bson.D {
	d := bson.D{{Key: "_id", Value: fmt.Sprintf("p%05d", i)}}
	add := func(k string, usual func() any) {
		if v, ok := g.field(usual, messy); ok {
			d = append(d, bson.E{Key: k, Value: v})
		}
	}
	add("eventId", func() any { return g.pick(events) })
	add("confirmed", func() any { return g.r.Intn(5) > 0 })
	add("partyCode", func() any { return g.pick(parties) })
	add("sortName", func() any { return g.str() })
	add("n", func() any { return g.scalar() })
	d = append(d, bson.E{Key: "party", Value: bson.D{{Key: "code", Value: g.pick(parties)}}})
	add("searchNames", func() any { return g.names(messy) })
	return d
}

// names returns a value of searchNames: usually an array of words, sometimes a single word
// (a string, not an array), words among other types and a nested array, and when messy a
// regular expression ($regex compares a regular expression value whole, so the prefix plan
// falls back to the scan); through field, anything else.
func (g *gen) names(messy bool) any {
	switch g.r.Intn(10) {
	case 0:
		return g.str()
	case 1:
		return bson.A{g.str(), g.scalar(), bson.A{g.str()}}
	case 2:
		if messy {
			return primitive.Regex{Pattern: "^" + regexpQuote(g.str())}
		}
	}
	a := bson.A{}
	for n := g.r.Intn(4); n > 0; n-- {
		a = append(a, g.str())
	}
	return a
}

// nameSearch returns a $regex on searchNames: mostly the app's anchored literal prefix, and
// patterns that are not one (options, metacharacters, no anchor, a regular expression value).
func (g *gen) nameSearch(sample bson.D) bson.D {
	// usually a word of the sample document's names, or its first letters, so that it matches
	word := g.str()
	for _, e := range sample {
		if e.Key != "searchNames" || g.r.Intn(3) == 0 {
			continue
		}
		switch v := e.Value.(type) {
		case string:
			word = v
		case bson.A:
			if len(v) > 0 {
				if w, ok := v[g.r.Intn(len(v))].(string); ok {
					word = w
				}
			}
		}
	}
	if r := []rune(word); len(r) > 1 && g.r.Intn(2) == 0 {
		word = string(r[:1+g.r.Intn(len(r)-1)])
	}
	var cond any
	switch g.r.Intn(10) {
	case 0:
		cond = bson.D{{Key: "$regex", Value: "^" + regexpQuote(word)}, {Key: "$options", Value: "i"}}
	case 1:
		cond = bson.D{{Key: "$regex", Value: "^" + regexpQuote(word) + ".b"}}
	case 2:
		cond = bson.D{{Key: "$regex", Value: regexpQuote(word)}}
	case 3:
		cond = primitive.Regex{Pattern: "^" + regexpQuote(word)}
	case 4:
		cond = bson.D{{Key: "$regex", Value: "^" + regexpQuote(word)}, {Key: "$options", Value: ""}}
	default:
		cond = bson.D{{Key: "$regex", Value: "^" + regexpQuote(word)}}
	}
	return bson.D{{Key: "searchNames", Value: cond}}
}

// sorts: those the indexes follow, and others; _id is appended to each.
var sorts = [][]string{
	{"partyCode", "sortName"},
	{"sortName", "partyCode"},
	{"sortName"},
	{"n"},
	{"confirmed", "partyCode", "sortName"},
	{"partyCode"},
	{},
}

// filter returns a random filter: equalities on the indexed fields (values that exist, and
// others), sometimes a keyset cursor after a random document, a $gt, a regex, a dotted field.
func (g *gen) filter(sample bson.D, sortFields []string) bson.D {
	f := bson.D{}
	value := func(k string) any {
		if g.r.Intn(3) == 0 {
			return g.scalar()
		}
		for _, e := range sample {
			if e.Key == k {
				return e.Value
			}
		}
		return nil
	}
	for _, k := range []string{"eventId", "confirmed", "partyCode", "sortName", "n"} {
		if g.r.Intn(3) == 0 {
			continue
		}
		v := value(k)
		if g.r.Intn(8) == 0 {
			v = bson.D{{Key: "$eq", Value: v}}
		}
		f = append(f, bson.E{Key: k, Value: v})
	}
	var and bson.A
	if len(sortFields) > 0 && g.r.Intn(3) == 0 {
		// the app's keyset cursor: greater in the first field, or equal in it and greater in the next...
		fields := append(append([]string{}, sortFields...), "_id")
		var or bson.A
		for i := range fields {
			var branch bson.A
			for _, k := range fields[:i] {
				branch = append(branch, bson.D{{Key: k, Value: value(k)}})
			}
			branch = append(branch, bson.D{{Key: fields[i], Value: bson.D{{Key: "$gt", Value: value(fields[i])}}}})
			or = append(or, bson.D{{Key: "$and", Value: branch}})
		}
		and = append(and, bson.D{{Key: "$or", Value: or}})
	}
	if g.r.Intn(6) == 0 {
		and = append(and, bson.D{{Key: "sortName", Value: bson.D{{Key: "$gte", Value: g.str()}}}})
	}
	// the app's name search: one anchored prefix per word, at times next to the cursor
	for n := []int{0, 0, 0, 1, 1, 2}[g.r.Intn(6)]; n > 0; n-- {
		and = append(and, g.nameSearch(sample))
	}
	if g.r.Intn(8) == 0 {
		f = append(f, bson.E{Key: "party.code", Value: g.pick(parties)})
	}
	if len(and) > 0 {
		f = append(f, bson.E{Key: "$and", Value: and})
	}
	return f
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func envInt(name string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(name), 10, 64); err == nil {
		return v
	}
	return def
}

func TestIndexPushdownMatchesScan(t *testing.T) {
	seed := envInt("PLENARY_STORE_SEED", time.Now().UnixNano())
	queries := int(envInt("PLENARY_STORE_QUERIES", 250))
	t.Logf("seed %d (PLENARY_STORE_SEED=%d replays it), %d queries per collection", seed, seed, queries)
	g := &gen{r: rand.New(rand.NewSource(seed))}

	client := startStore(t)
	ctx := context.Background()
	db := client.Database("differential")

	indexes := []mongo.IndexModel{
		{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "confirmed", Value: 1}, {Key: "partyCode", Value: 1}, {Key: "sortName", Value: 1}, {Key: "_id", Value: 1}}},
		{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "confirmed", Value: 1}, {Key: "sortName", Value: 1}, {Key: "partyCode", Value: 1}, {Key: "_id", Value: 1}}},
		{Keys: bson.D{{Key: "n", Value: 1}}},
		{Keys: bson.D{{Key: "sortName", Value: 1}, {Key: "_id", Value: 1}}},
		{Keys: bson.D{{Key: "party.code", Value: 1}}},
		{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "searchNames", Value: 1}}},
	}

	// "clean": indexed fields hold scalars (the pushdown answers); "messy": arrays, objects
	// and other inexact values too (probes and the in-order check must fall back).
	for _, c := range []struct {
		name  string
		messy bool
	}{{"clean", false}, {"messy", true}} {
		t.Run(c.name, func(t *testing.T) {
			coll := db.Collection(c.name)
			var docs []bson.D
			var all []any
			for i := 0; i < 600; i++ {
				d := g.doc(i, c.messy)
				docs = append(docs, d)
				all = append(all, d)
			}
			// some indexes before the data, the others after
			// (the clean collection gets every index first: its tables of elements are filled by
			// the triggers; the messy one gets the name search's after, filled from the documents)
			split := 3
			if !c.messy {
				split = len(indexes)
			}
			if _, err := coll.Indexes().CreateMany(ctx, indexes[:split]); err != nil {
				t.Fatal(err)
			}
			_, _ = coll.InsertMany(ctx, all, options.InsertMany().SetOrdered(false))
			if split < len(indexes) {
				if _, err := coll.Indexes().CreateMany(ctx, indexes[split:]); err != nil {
					t.Fatal(err)
				}
			}

			var served, prefixed, compared int
			var timing [4]time.Duration
			start := time.Now()
			for q := 0; q < queries; q++ {
				if q%20 == 19 {
					// writes between queries: a changed field, a new document, a deleted one
					d := g.doc(10_000+q, c.messy)
					_, _ = coll.InsertOne(ctx, d)
					k := []string{"eventId", "partyCode", "sortName", "n", "searchNames"}[g.r.Intn(5)]
					usual := func() any { return g.str() }
					if k == "searchNames" {
						usual = func() any { return g.names(c.messy) }
					}
					v, _ := g.field(usual, c.messy)
					_, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: docs[g.r.Intn(len(docs))][0].Value}}, bson.D{{Key: "$set", Value: bson.D{{Key: k, Value: v}}}})
					_, _ = coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: docs[g.r.Intn(len(docs))][0].Value}})
				}

				sortFields := sorts[g.r.Intn(len(sorts))]
				filter := g.filter(docs[g.r.Intn(len(docs))], sortFields)
				sort := bson.D{}
				for _, k := range sortFields {
					sort = append(sort, bson.E{Key: k, Value: 1})
				}
				sort = append(sort, bson.E{Key: "_id", Value: 1})
				limit := []int64{0, 1, 5, 51}[g.r.Intn(4)]
				skip := int64(0)
				if g.r.Intn(5) == 0 {
					skip = int64(g.r.Intn(10))
				}

				find := func(hint bool) []bson.Raw {
					o := options.Find().SetSort(sort).SetLimit(limit).SetSkip(skip).SetBatchSize(int32(1 + g.r.Intn(60)))
					if hint {
						o.SetHint(bson.D{{Key: "$natural", Value: 1}})
					}
					cur, err := coll.Find(ctx, filter, o)
					if err != nil {
						t.Fatalf("find %v sort %v: %v", filter, sort, err)
					}
					var res []bson.Raw
					for cur.Next(ctx) {
						res = append(res, append(bson.Raw{}, cur.Current...))
					}
					if err := cur.Err(); err != nil {
						t.Fatalf("find %v: %v", filter, err)
					}
					return res
				}
				t0 := time.Now()
				want := find(true)
				t1 := time.Now()
				got := find(false)
				t2 := time.Now()
				timing[0] += t1.Sub(t0)
				timing[1] += t2.Sub(t1)
				if len(want) != len(got) {
					t.Fatalf("seed %d: find %v sort %v limit %d skip %d: %d documents from the index, %d from the scan\nindex: %v\nscan:  %v",
						seed, filter, sort, limit, skip, len(got), len(want), ids(got), ids(want))
				}
				for i := range want {
					if !bytes.Equal(want[i], got[i]) {
						t.Fatalf("seed %d: find %v sort %v limit %d skip %d: document %d differs\nindex: %v\nscan:  %v",
							seed, filter, sort, limit, skip, i, ids(got), ids(want))
					}
				}

				count := func(hint bool) int64 {
					o := options.Count()
					if hint {
						o.SetHint(bson.D{{Key: "$natural", Value: 1}})
					}
					n, err := coll.CountDocuments(ctx, filter, o)
					if err != nil {
						t.Fatalf("count %v: %v", filter, err)
					}
					return n
				}
				t3 := time.Now()
				wantN := count(true)
				t4 := time.Now()
				gotN := count(false)
				timing[2] += t4.Sub(t3)
				timing[3] += time.Since(t4)
				if wantN != gotN {
					t.Fatalf("seed %d: countDocuments %v: %d from the index, %d from the scan", seed, filter, gotN, wantN)
				}

				var explain bson.M
				err := db.RunCommand(ctx, bson.D{{Key: "explain", Value: bson.D{{Key: "find", Value: c.name}, {Key: "filter", Value: filter}, {Key: "sort", Value: sort}}}}).Decode(&explain)
				if err != nil {
					t.Fatalf("explain: %v", err)
				}
				if qp, ok := explain["queryPlanner"].(bson.M); ok && qp["IndexPushdown"] != nil {
					served++
				}
				if qp, ok := explain["queryPlanner"].(bson.M); ok && qp["PrefixPushdown"] != nil {
					prefixed++
				}
				compared++
			}
			t.Logf("time: find scan %v, find index %v, count scan %v, count index %v", timing[0], timing[1], timing[2], timing[3])
			t.Logf("%s: %d queries compared (finds and counts), %d of them planned on a typed index, in %v",
				c.name, compared, served, time.Since(start).Round(time.Millisecond))
			if served < compared/4 {
				t.Fatalf("only %d of %d queries were planned on a typed index: the test no longer tests the pushdown", served, compared)
			}
			t.Logf("%s: %d queries had a prefix plan", c.name, prefixed)
			if prefixed < compared/20 {
				t.Fatalf("only %d of %d queries had a prefix plan: the test no longer tests the prefix pushdown", prefixed, compared)
			}
		})
	}
}

func ids(docs []bson.Raw) []string {
	res := make([]string, len(docs))
	for i, d := range docs {
		res[i] = d.Lookup("_id").StringValue()
	}
	return res
}
