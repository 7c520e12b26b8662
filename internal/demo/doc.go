// Package demo holds Idébank's demo data: realistic but fictive Danish
// budget-efficiency proposals (proposals.json, each marked "Demodata"),
// demo users on the fictive domain demo.idebank.dk, and Seed, which loads
// both into an empty idea bank through domain.Service so that every rule,
// figure and audit row is the same as for real data.
//
// The same item format is used by the search relevance set in
// search/testdata/relevance, which Parse reads.
package demo
