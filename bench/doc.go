// Package bench measures Idébank side by side with PostgreSQL full-text
// search: it generates a seeded corpus of realistic Danish proposals and
// fixed query lists, loads them, rebuilds the search index and measures
// search latency (in-process and over HTTP), closed- and open-loop load,
// write-to-searchable delay, API CRUD on PostgreSQL and SQLite and the
// comparison endpoints, each search figure next to the same queries run
// through a tsvector + GIN baseline. Run drives it; `idebank bench` is its
// command line, and docs/benchmarks.md holds the latest results.
package bench
