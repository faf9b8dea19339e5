package main

// The figures of bench/findings.md ("The store's indexes"): the participants list's queries at
// 1,000 and 100,000 participants of one meeting, served from the typed indexes and by
// FerretDB's scan ({hint: {$natural: 1}}, what every query did before index-pushdown.patch).
// Run by hand: bash infra/local/stack.sh test-store -run '^$' -bench ListQueries -benchtime 1x (several minutes);
// PLENARY_MEASURE_SCAN=0 leaves the scans out, PLENARY_MEASURE_RUNS=<n> sets the runs of each index plan (100).

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// BenchmarkListQueries measures the list queries at 1,000 and 100,000 participants, from the
// indexes and by a scan; a benchmark, so only `go test -run '^$' -bench ListQueries` runs it.
func BenchmarkListQueries(b *testing.B) {
	t := b

	client := startStore(t)
	ctx := context.Background()

	for _, n := range []int{1000, 100_000} {
		coll := client.Database("measure").Collection(fmt.Sprintf("participants_%d", n))
		// the participants app's indexes (participant.schema.ts)
		_, err := coll.Indexes().CreateMany(ctx, []mongo.IndexModel{
			{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "confirmed", Value: 1}, {Key: "partyCode", Value: 1}, {Key: "sortName", Value: 1}, {Key: "_id", Value: 1}}},
			{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "confirmed", Value: 1}, {Key: "sortName", Value: 1}, {Key: "partyCode", Value: 1}, {Key: "_id", Value: 1}}},
			{Keys: bson.D{{Key: "delegationId", Value: 1}}},
			{Keys: bson.D{{Key: "eventId", Value: 1}, {Key: "searchNames", Value: 1}}},
		})
		if err != nil {
			t.Fatal(err)
		}

		start := time.Now()
		syllables := []string{"ab", "al", "ar", "ba", "de", "ka", "li", "ma", "na", "or", "sa", "te", "va", "zh"}
		var batch []any
		for i := 0; i < n; i++ {
			family := syllables[i%14] + syllables[(i/14)%14] + syllables[(i/196)%14]
			given := syllables[(i/7)%14] + syllables[(i/3)%14]
			party := fmt.Sprintf("P%03d", i%190)
			batch = append(batch, bson.D{
				{Key: "_id", Value: fmt.Sprintf("0190%012d", i)},
				{Key: "eventId", Value: "event-1"},
				{Key: "delegationId", Value: "d-" + party},
				{Key: "partyCode", Value: party},
				{Key: "party", Value: bson.D{{Key: "code", Value: party}, {Key: "kind", Value: "state"}, {Key: "name", Value: "Party " + party}}},
				{Key: "name", Value: bson.D{{Key: "given", Value: given}, {Key: "family", Value: family}, {Key: "givenLatin", Value: given}, {Key: "familyLatin", Value: family}}},
				{Key: "searchNames", Value: bson.A{given, family}},
				{Key: "sortName", Value: family + " " + given},
				{Key: "role", Value: "member"},
				{Key: "email", Value: fmt.Sprintf("p%d@example.org", i)},
				{Key: "emailKey", Value: fmt.Sprintf("p%d@example.org", i)},
				{Key: "state", Value: "accredited"},
				{Key: "confirmed", Value: true},
				{Key: "version", Value: int32(1)},
				{Key: "createdAt", Value: time.Unix(1_700_000_000, 0)},
				{Key: "updatedAt", Value: time.Unix(1_700_000_000, 0)},
				{Key: "createdBy", Value: "secretariat"},
			})
			if len(batch) == 1000 || i == n-1 {
				if _, err := coll.InsertMany(ctx, batch); err != nil {
					t.Fatal(err)
				}
				batch = nil
			}
		}
		t.Logf("%d participants inserted in %v", n, time.Since(start).Round(time.Millisecond))

		base := bson.D{{Key: "eventId", Value: "event-1"}, {Key: "confirmed", Value: true}}
		byParty := bson.D{{Key: "partyCode", Value: 1}, {Key: "sortName", Value: 1}, {Key: "_id", Value: 1}}
		byName := bson.D{{Key: "sortName", Value: 1}, {Key: "partyCode", Value: 1}, {Key: "_id", Value: 1}}
		with := func(f bson.D, more ...bson.E) bson.D { return append(append(bson.D{}, f...), more...) }

		// the name-order cursor after the middle participant, as the app builds it
		var middle bson.M
		if err := coll.FindOne(ctx, base, options.FindOne().SetSort(byName).SetSkip(int64(n/2))).Decode(&middle); err != nil {
			t.Fatal(err)
		}
		cursor := bson.E{Key: "$and", Value: bson.A{bson.D{{Key: "$or", Value: bson.A{
			bson.D{{Key: "$and", Value: bson.A{bson.D{{Key: "sortName", Value: bson.D{{Key: "$gt", Value: middle["sortName"]}}}}}}},
			bson.D{{Key: "$and", Value: bson.A{bson.D{{Key: "sortName", Value: middle["sortName"]}}, bson.D{{Key: "partyCode", Value: bson.D{{Key: "$gt", Value: middle["partyCode"]}}}}}}},
			bson.D{{Key: "$and", Value: bson.A{bson.D{{Key: "sortName", Value: middle["sortName"]}}, bson.D{{Key: "partyCode", Value: middle["partyCode"]}}, bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: middle["_id"]}}}}}}},
		}}}}}
		// the cursor after the participant n-100 in name order (a page near the end), and in party order
		var nearEnd bson.M
		if err := coll.FindOne(ctx, base, options.FindOne().SetSort(byName).SetSkip(int64(n-100))).Decode(&nearEnd); err != nil {
			t.Fatal(err)
		}
		cursorNearEnd := keysetAfter(nearEnd, "sortName", "partyCode", "_id")
		var nearEndByParty bson.M
		if err := coll.FindOne(ctx, base, options.FindOne().SetSort(byParty).SetSkip(int64(n-100))).Decode(&nearEndByParty); err != nil {
			t.Fatal(err)
		}
		cursorNearEndByParty := keysetAfter(nearEndByParty, "partyCode", "sortName", "_id")
		search := func(words ...string) bson.E {
			var and bson.A
			for _, w := range words {
				and = append(and, bson.D{{Key: "searchNames", Value: bson.D{{Key: "$regex", Value: "^" + w}}}})
			}
			return bson.E{Key: "$and", Value: and}
		}

		type query struct {
			name   string
			filter bson.D
			sort   bson.D
			count  bool
		}
		queries := []query{
			{"list page, by party (51)", base, byParty, false},
			{"list page, by name (51)", base, byName, false},
			{"next page by name, keyset cursor at the middle (51)", with(base, cursor), byName, false},
			{"one party's page (51)", with(base, bson.E{Key: "partyCode", Value: "P042"}), byParty, false},
			{"next page by name, keyset cursor near the end (51)", with(base, cursorNearEnd), byName, false},
			{"next page by party, keyset cursor near the end (51)", with(base, cursorNearEndByParty), byParty, false},
			{"name search, prefix 'zh' by party (51; about 13% of the meeting match)", with(base, search("zh")), byParty, false},
			{"name search, prefix 'zh' by name (51)", with(base, search("zh")), byName, false},
			{"name search, prefix 'zhzh' by party (51; about 1% match)", with(base, search("zhzh")), byParty, false},
			{"name search, prefix 'zhzhzh' by name (51; 1 in 2,744 match)", with(base, search("zhzhzh")), byName, false},
			{"name search, two words 'zh' 'ab' by party (51)", with(base, search("zh", "ab")), byParty, false},
			{"count of the meeting (countDocuments)", base, nil, true},
		}

		for _, q := range queries {
			run := func(hint bool) time.Duration {
				start := time.Now()
				if q.count {
					o := options.Count()
					if hint {
						o.SetHint(bson.D{{Key: "$natural", Value: 1}})
					}
					if _, err := coll.CountDocuments(ctx, q.filter, o); err != nil {
						t.Fatal(err)
					}
					return time.Since(start)
				}
				o := options.Find().SetSort(q.sort).SetLimit(51)
				if hint {
					o.SetHint(bson.D{{Key: "$natural", Value: 1}})
				}
				cur, err := coll.Find(ctx, q.filter, o)
				if err != nil {
					t.Fatal(err)
				}
				var docs []bson.Raw
				if err := cur.All(ctx, &docs); err != nil {
					t.Fatal(err)
				}
				return time.Since(start)
			}
			// the median, and the 99th percentile (the slowest of fewer than 100 runs)
			times := func(hint bool, runs int) (time.Duration, time.Duration) {
				if runs == 0 {
					return 0, 0
				}
				var d []time.Duration
				for i := 0; i < runs; i++ {
					d = append(d, run(hint))
				}
				sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
				return d[len(d)/2], d[len(d)*99/100]
			}
			scanRuns := 20
			if n > 10_000 {
				scanRuns = 3
			}
			if os.Getenv("PLENARY_MEASURE_SCAN") == "0" {
				scanRuns = 0 // the index plans only
			}
			scanMedian, scanMax := times(true, scanRuns)
			indexRuns := 100
			if v, err := strconv.Atoi(os.Getenv("PLENARY_MEASURE_RUNS")); err == nil && v > 0 {
				indexRuns = v
			}
			indexMedian, indexMax := times(false, indexRuns)

			var explain bson.M
			cmd := bson.D{{Key: "find", Value: coll.Name()}, {Key: "filter", Value: q.filter}}
			if q.sort != nil {
				cmd = append(cmd, bson.E{Key: "sort", Value: q.sort})
			}
			if err := coll.Database().RunCommand(ctx, bson.D{{Key: "explain", Value: cmd}}).Decode(&explain); err != nil {
				t.Fatal(err)
			}
			planner, _ := explain["queryPlanner"].(bson.M)
			t.Logf("n=%d | %s | scan median %v (slowest of %d: %v) | index median %v (p99 of %d: %v) | index %v | plan %v | prefix plan %v %v",
				n, q.name, scanMedian.Round(time.Microsecond), scanRuns, scanMax.Round(time.Microsecond),
				indexMedian.Round(time.Microsecond), indexRuns, indexMax.Round(time.Microsecond), planner["IndexPushdown"], planner["Plan"],
				planner["PrefixPushdown"], planner["PrefixPlan"])
			if n == 1000 && planner["SQL"] != nil {
				t.Logf("SQL: %v", planner["SQL"])
			}
			if n == 1000 && planner["PrefixSQL"] != nil {
				t.Logf("prefix SQL: %v", planner["PrefixSQL"])
			}
		}
	}
}

// keysetAfter returns the app's keyset cursor after a document in the order of fields
// (participant-list-order.ts): greater in the first field, or equal in it and greater in the next...
func keysetAfter(doc bson.M, fields ...string) bson.E {
	var or bson.A
	for i, f := range fields {
		var branch bson.A
		for _, k := range fields[:i] {
			branch = append(branch, bson.D{{Key: k, Value: doc[k]}})
		}
		branch = append(branch, bson.D{{Key: f, Value: bson.D{{Key: "$gt", Value: doc[f]}}}})
		or = append(or, bson.D{{Key: "$and", Value: branch}})
	}
	return bson.E{Key: "$and", Value: bson.A{bson.D{{Key: "$or", Value: or}}}}
}
