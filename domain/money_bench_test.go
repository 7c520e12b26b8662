package domain

import "testing"

// BenchmarkPerResident measures the per-resident rule: the full effect of
// a savings profile divided by the population, in øre, and its display.
func BenchmarkPerResident(b *testing.B) {
	savings := []Saving{{2025, 300_000}, {2026, 650_000}, {2027, 900_000}, {2028, 900_000}}
	pop := PopulationFigure{Code: "250", Year: 2024, Population: 45_751}
	b.Run("ApplyFigures", func(b *testing.B) {
		p := &Proposal{Savings: savings}
		for b.Loop() {
			p.ApplyFigures(pop)
		}
	})
	b.Run("PerResidentOre", func(b *testing.B) {
		var sink int64
		for i := 0; b.Loop(); i++ {
			sink += PerResidentOre(int64(900_000+i), pop.Population)
		}
		_ = sink
	})
	b.Run("FormatOre", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			FormatOre(1967)
		}
	})
}
