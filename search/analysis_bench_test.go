package search

import (
	"context"
	"strings"
	"testing"
)

// benchText is a paragraph of municipal Danish with compounds, inflections
// and æ/ø/å, repeated to about 300 words (a typical description).
var benchText = strings.Repeat(`Kommunen har omlagt hjemmeplejeruterne, så medarbejderne kører færre
kilometer mellem borgerne. Den digitale ruteplanlægning samler besøgene i
nærområder, og velfærdsteknologien frigør tid til rehabiliteringsforløb.
Ældreområdet sparer 1,4 mio. kr. om året, uden at serviceniveauet sænkes. `, 8)

// BenchmarkAnalyzer measures the index-side analysis of a description:
// the Danish analyzer, the folded twin and the whole-word vocabulary.
func BenchmarkAnalyzer(b *testing.B) {
	m, err := buildMapping()
	if err != nil {
		b.Fatal(err)
	}
	az := newAnalyzers(m)
	text := []byte(benchText)
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"Danish", func() { az.exact.Analyze(text) }},
		{"DanishFolded", func() { az.folded.Analyze(text) }},
		{"Words", func() { az.wordsOf(benchText) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.run()
			}
		})
	}
}

// BenchmarkDocument measures turning a proposal into its index document,
// compound splitting included.
func BenchmarkDocument(b *testing.B) {
	f := newFixture(b)
	ps := f.publish(text("Samlede hjemmeplejeruter", "Færre kilometer i hjemmeplejen.", benchText))
	gen, release, err := f.ix.live()
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		newDocument(ps[0], gen.az.proposalWords(ps[0]), gen.lex)
	}
}

// BenchmarkQueryBuilding measures turning query text into a bleve query
// (stemming, folding, compound joins and splits, typo look-ups, synonyms)
// over a small index, without running it.
func BenchmarkQueryBuilding(b *testing.B) {
	f := newFixture(b)
	f.publish(
		text("Samlede hjemmeplejeruter", "Færre kilometer i hjemmeplejen.", benchText),
		text("Softwarerobotter i lønadministrationen", "RPA flytter data mellem systemer.", "Robotterne bogfører fakturaer og sygedagpenge."),
		text("Energistyring i skolerne", "Varmeforbruget følges time for time.", "Ejendomscentret styrer ventilation og belysning centralt."),
	)
	gen, release, err := f.ix.live()
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	for _, q := range []struct{ name, text string }{
		{"OneWord", "hjemmeplejen"},
		{"SplitCompound", "hjemmepleje ruter"},
		{"Typo", "velfærdsteknolgi"},
		{"Folded", "aeldreomraadet"},
		{"Synonym", "rpa"},
		{"Long", "kommunen har omlagt hjemmeplejeruterne så medarbejderne kører færre kilometer mellem borgerne og sparer penge"},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := gen.newPlanner(context.Background(), f.ix.synonyms)
				if err != nil {
					b.Fatal(err)
				}
				p.planText(q.text)
				p.close()
			}
		})
	}
}
