// Package search is the full-text index of published proposals, on bleve v2
// (scorch). It knows Danish: stemming and stop words, compound words split
// into their parts, æ/ø/å typed as ae/oe/aa (or a/o), typos, and a list of
// municipal synonyms. The database is the truth; the index is a cache that an
// outbox-driven Indexer keeps current and Rebuild recreates from scratch.
package search
